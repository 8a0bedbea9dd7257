"""The director's main window: menus, the welcome view, and the run and log views of one exercise.

Other panels hook in through `MainWindow.menu(key)` (keys: file, exercise, evaluation, reports,
view, help), `MainWindow.exercise` (the open ExerciseFile or None) and the `exercise_changed`
signal: emit it after changing the exercise from outside the run view (e.g. after merging kits),
listen to it to follow another panel's changes. Modules named in EXTENSIONS are imported when
the window is built and their `install(window)` is called, so their menu actions appear.
"""

from __future__ import annotations

import gc
import importlib
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from dientap_desktop.locks import FileLock
from dientap_desktop.storage import copies
from dientap_desktop.storage.database import same_path
from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.ui import dialogs, labels
from dientap_desktop.ui.director import Director
from dientap_desktop.ui.errors import copies_advice, details_of
from dientap_desktop.ui.file_lock import claim
from dientap_desktop.ui.file_watch import AutomaticCopies, FileWatch, save_copy
from dientap_desktop.ui.menu_bar import MenuBarExit
from dientap_desktop.ui.settings import Settings
from dientap_desktop.ui.widgets import (
    action_icon,
    fit_to_screen,
    larger_than,
    on_a_screen,
    set_minimum_size,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

EXTENSIONS = ("dientap_desktop.ui.kits", "dientap_desktop.ui.export_dialog")
PREFERRED_SIZE, MINIMUM_SIZE = QSize(1366, 768), QSize(1000, 620)
CLOCK_TOLERANCE = timedelta(minutes=2)  # a laptop clock behind the file by more is told
RUNNING_ON_TOLD = timedelta(minutes=5)  # an exercise left running this long is told on opening
EXERCISE_FILTER, KIT_FILTER = "*.dientap", "*.dtkit"


class MainWindow(QMainWindow):
    """The window the director works in; it holds at most one open exercise."""

    exercise_changed = Signal()
    # True for a window rebuilt on the file its predecessor had open (a change of language):
    # what the director was told on opening the file is not told again
    reopening = False
    _extensions_after_paint = False
    _painted = False  # the window has been painted once
    _pause_shows_resume = True  # so that the first update sets "Pause"
    _opening_drafts: list = []  # the drafts the file held when it was opened, to be told
    _closing_agreed = False  # the director already agreed to go on without unkept drafts
    _told_one_screen = False  # the one-screen advice is given once
    _folded_changes = (0, 0)  # the file's changes when its -wal was last folded into it

    def __init__(self, settings: Settings, language_switcher=None, defer_extensions=False):
        super().__init__()
        self.settings = settings
        self.language_switcher = language_switcher
        self.director: Director | None = None
        self.run_view = None
        self._log_page = None  # the log view is made when its tab is first shown
        self._results_page = None  # and the evaluation's results too
        self._lock: FileLock | None = None  # held while an exercise is open here
        self.projector = None
        self._menus: dict[str, QMenu] = {}
        self._installed: set[str] = set()
        self.setWindowTitle(self.tr("Exercise director"))

        self._build_actions()
        self._build_menus()
        MenuBarExit(self.menuBar())
        self.stack = QStackedWidget()
        self._welcome = None  # built when first shown: not at all when started on a file
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.exercise_changed.connect(self._reload_after_outside_change)
        self.copies = AutomaticCopies(self, self.settings_folder, self.tr(
            "An automatic copy of the exercise could not be made. Your work is saved in the "
            "exercise file as always; to keep a copy elsewhere, use File → Save a copy "
            "(Ctrl+Shift+S)."))
        # The open file still on its disk? Deleted, renamed or on a USB stick pulled out, what is
        # done goes on into a file that is lost when the program closes: the director is told.
        self.file_watch = FileWatch(self)
        self.file_watch.looked.connect(self._fold_in)
        self.file_watch.gone.connect(self._file_gone)
        # The actions usable only with an exercise open, the panels' own too (kits, reports):
        # enabled as an exercise opens, whichever way it is opened, and disabled as it closes.
        self.exercise_actions: list[QAction] = []
        # At start-up the exercise is painted first; the other panels' menus come just after.
        self._extensions_after_paint = defer_extensions
        if not defer_extensions:
            self._install_extensions()
        self._update_actions()
        # where it was last closed, if that is still on a screen; else the preferred size, or
        # smaller on a small screen (never under a taskbar); the first time on a screen larger
        # than that, filling it (maximized: the preferred size is the one it comes back to)
        set_minimum_size(self, MINIMUM_SIZE)
        first = self.settings.geometry.isEmpty()
        if first or not self.restoreGeometry(self.settings.geometry) or not on_a_screen(self):
            fit_to_screen(self, PREFERRED_SIZE, MINIMUM_SIZE)
            if first and larger_than(self.screen(), PREFERRED_SIZE):
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    # ------------------------------------------------------------------ public hooks
    @property
    def welcome(self):
        """The welcome view (recent files, scenarios), shown when no exercise is open."""
        if self._welcome is None:
            from dientap_desktop.ui.welcome import WelcomeView

            self._welcome = WelcomeView(self)
            self.stack.insertWidget(0, self._welcome)
            if self.director is None:
                self.stack.setCurrentWidget(self._welcome)
        return self._welcome

    @property
    def exercise(self) -> ExerciseFile | None:
        """The open exercise file, or None."""
        return self.director.exercise if self.director else None

    def menu(self, key: str) -> QMenu:
        """A menu of the menu bar by key: file, exercise, evaluation, reports, view, help."""
        return self._menus[key]

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None,
                icon: str | None = None, tip: str = "",
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon is not None:
            action.setIcon(action_icon(icon))
        action.setCheckable(checkable)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = tip or text.replace("&", "").rstrip(".…")
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_new = self._action(self.tr("&New exercise…"), self.new_exercise,
                                    QKeySequence.StandardKey.New, "new")
        self.act_open = self._action(self.tr("&Open exercise file…"), self.open_dialog,
                                     QKeySequence.StandardKey.Open, "open")
        self.act_practice = self._action(self.tr("&Practice with the demo exercise"),
                                         self.open_practice)
        self.act_demo = self._action(self.tr("See the &finished demo exercise"),
                                     self.open_finished_demo)
        self.act_save_copy = self._action(
            self.tr("&Save a copy…"), self.save_copy, "Ctrl+Shift+S",
            tip=self.tr("Save a whole copy of the exercise as it is now (on a USB stick, for "
                        "instance); work goes on in this file"))
        self.act_copies = self._action(
            self.tr("A&utomatic copies…"), self.open_copies_folder,
            tip=self.tr("The folder where a copy of the open exercise is kept every ten minutes "
                        "and when it is closed (the newest twelve)"))
        self.act_close = self._action(self.tr("&Close exercise"), self._close_asking,
                                      "Ctrl+W")
        self.act_quit = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.act_details = self._action(self.tr("Exercise de&tails and roster…"),
                                        self.edit_details, "Ctrl+E")
        self.act_late = self._action(self.tr("&Late threshold…"), self.set_late_threshold,
                                     tip=self.tr("Minutes after which a post that has not "
                                                 "answered is shown late"))
        self.act_start = self._action(self.tr("&Start the exercise"), self._run("start"),
                                      "F5", "start")
        self.act_next = self._action(self.tr("&Deliver next inject"), self._run("deliver_next"),
                                     "F6", "deliver-next")
        self.act_deliver = self._action(self.tr("Deliver the &chosen inject now"),
                                        self._run("deliver_chosen"), "Shift+F6",
                                        "deliver-chosen")
        self.act_skip = self._action(self.tr("S&kip inject…"), self._run("skip_chosen"), "F7",
                                     "skip")
        self.act_undo = self._action(self.tr("&Undo last delivery…"), self._run("undo"), "F8",
                                     "undo")
        self.act_pause = self._action(self.tr("&Pause"), self._run("pause_or_resume"), "F9",
                                      "pause")
        self.act_finish = self._action(self.tr("&Finish the exercise…"), self._run("finish"),
                                       "Ctrl+F9", "finish")
        self.act_current = self._action(self.tr("&Back to the current inject"),
                                        self._run("show_current"), "Ctrl+Home")
        self.act_choose = self._action(self.tr("C&hoose an inject in the list"),
                                       self._run("focus_list"), "Ctrl+L")
        self.act_record = self._action(self.tr("Go to the d&ecision form"), self._run("focus_form"),
                                       "Ctrl+D")
        self.act_run_view = self._action(self.tr("&Run view"), lambda: self.show_tab(0), "F2")
        self.act_log_view = self._action(self.tr("&Log"), lambda: self.show_tab(1), "F3")
        self.act_results_view = self._action(self.tr("R&esults of the evaluation"),
                                             lambda: self.show_tab(2), "F12")
        self.act_projector = self._action(self.tr("&Projector window"), self.toggle_projector,
                                          "Ctrl+P", "projector", checkable=True)
        self.act_fullscreen = self._action(self.tr("Projector &full screen"),
                                           self.toggle_projector_fullscreen, "F11")
        self.act_projector_down = self._action(
            self.tr("Scroll the projector's text &down"), lambda: self.scroll_projector(1),
            "Alt+PgDown")
        self.act_projector_up = self._action(
            self.tr("Scroll the projector's text &up"), lambda: self.scroll_projector(-1),
            "Alt+PgUp")
        self.act_hide_answers = self._action(
            self.tr("&Hide the answer key on this screen"), self.hide_answers, "Ctrl+H",
            tip=self.tr("For a projector that shows this same screen: the room would read the "
                        "answer key and your notes"), checkable=True)
        self.act_hide_answers.setChecked(self.settings.answers_hidden)
        self.act_shortcuts = self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                                          QKeySequence.StandardKey.HelpContents)
        self.act_about = self._action(self.tr("&About"), self.show_about)
        for action, short in ((self.act_start, self.tr("Start")),
                              (self.act_next, self.tr("Deliver next")),
                              (self.act_deliver, self.tr("Deliver chosen")),
                              (self.act_skip, self.tr("Skip")),
                              (self.act_undo, self.tr("Undo")),
                              (self.act_finish, self.tr("Finish")),
                              (self.act_projector, self.tr("Projector"))):
            action.setIconText(short)
        self.run_actions = (self.act_start, self.act_next, self.act_deliver, self.act_skip,
                            self.act_undo, self.act_pause, self.act_finish)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.act_new, self.act_open])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addActions([self.act_save_copy, self.act_copies])
        file_menu.addSeparator()
        file_menu.addActions([self.act_practice, self.act_demo])
        file_menu.addSeparator()
        file_menu.addActions([self.act_close, self.act_quit])

        exercise_menu = bar.addMenu(self.tr("&Exercise"))
        exercise_menu.addActions(list(self.run_actions))
        exercise_menu.addSeparator()
        exercise_menu.addActions([self.act_current, self.act_choose, self.act_record])
        exercise_menu.addSeparator()
        exercise_menu.addActions([self.act_details, self.act_late])

        evaluation_menu = bar.addMenu(self.tr("Ev&aluation"))
        reports_menu = bar.addMenu(self.tr("&Reports"))

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.act_run_view, self.act_log_view, self.act_results_view])
        view_menu.addSeparator()
        view_menu.addActions([self.act_projector, self.act_fullscreen, self.act_projector_down,
                              self.act_projector_up, self.act_hide_answers])
        self.screen_menu = view_menu.addMenu(self.tr("Projector &screen"))
        self.screen_menu.aboutToShow.connect(self._fill_screen_menu)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("Lan&guage"))
        group = QActionGroup(self)
        self._language_actions = {}
        for code, name in (("vi", "Tiếng Việt"), ("en", "English")):
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.settings.language)
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            group.addAction(action)
            self._language_actions[code] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_shortcuts, self.act_about])
        self._menus = {"file": file_menu, "exercise": exercise_menu,
                       "evaluation": evaluation_menu, "reports": reports_menu,
                       "view": view_menu, "help": help_menu}

    def showEvent(self, event) -> None:  # noqa: N802
        if self.director is None:
            self.stack.setCurrentWidget(self.welcome)
        super().showEvent(event)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if not self._painted and event.type() == QEvent.Type.UpdateRequest:
            self._painted = True  # the window has just been painted: what waited for it, in turn
            QTimer.singleShot(0, self._settle)
            if self._extensions_after_paint:
                self._extensions_after_paint = False
                for name in EXTENSIONS:
                    QTimer.singleShot(0, lambda name=name: self._install_extension(name))
        return handled

    def _install_extensions(self) -> None:
        for name in EXTENSIONS:
            self._install_extension(name)

    def _install_extension(self, name: str) -> None:
        if name in self._installed:
            return
        self._installed.add(name)
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                return
            raise
        install = getattr(module, "install", None)
        if install is not None:
            install(self)

    def _run(self, name: str):
        """A slot that calls the run view's method `name` when an exercise is open."""
        def slot() -> None:
            if self.run_view is not None:
                getattr(self.run_view, name)()  # the run view's signals update the actions
        return slot

    def _update_actions(self) -> None:
        director = self.director
        status = director.status if director else None
        running = status == "running"
        state = director.state if director else None
        self.act_start.setEnabled(status == "planned")
        self.act_next.setEnabled(running and state is not None and state.next is not None)
        chosen = self.run_view.chosen_run() if self.run_view else None
        self.act_deliver.setEnabled(running and chosen is not None
                                    and chosen.status != "delivered")
        self.act_skip.setEnabled(running and state is not None and state.next is not None)
        self.act_undo.setEnabled(director is not None and director.last_delivery() is not None
                                 and status in ("running", "paused"))
        self.act_pause.setEnabled(status in ("running", "paused"))
        if (status == "paused") != self._pause_shows_resume:  # only on change: cheap repaint
            self._pause_shows_resume = status == "paused"
            self.act_pause.setText(self.tr("&Resume") if status == "paused"
                                   else self.tr("&Pause"))
            keys = self.act_pause.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.act_pause.setIconText(f"{self.act_pause.text().replace('&', '')} ({keys})")
            self.act_pause.setToolTip(self.act_pause.iconText())
            self.act_pause.setIcon(action_icon("start" if status == "paused" else "pause"))
        self.act_finish.setEnabled(status in ("running", "paused"))
        for action in (self.act_close, self.act_save_copy, self.act_details, self.act_current,
                       self.act_choose,
                       self.act_record, self.act_run_view, self.act_log_view,
                       self.act_results_view, *self.exercise_actions):
            action.setEnabled(director is not None)

    # ------------------------------------------------------------------ opening and closing
    def open_dialog(self) -> None:
        """Ask for an exercise file and open it."""
        path = dialogs.choose_open_path(
            self, self.tr("Open an exercise file"),
            ";;".join((  # an observer's kit opens from here too, in the observer's window
                dialogs.file_filter(self.tr("Exercise files and observer kits"), EXERCISE_FILTER,
                                    KIT_FILTER),
                dialogs.file_filter(self.tr("Exercise files"), EXERCISE_FILTER),
                dialogs.file_filter(self.tr("Observer kits"), KIT_FILTER))),
            self.settings.last_folder)
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path, opening=None) -> bool:
        """Open an exercise file in this window (closing the one open); `opening` is the same
        file being read in a background thread (storage/opening.py), at start-up."""
        path = Path(path)
        from dientap_desktop.app import is_kit

        if is_kit(path):  # a kit that cannot be opened too: told as a kit's problem
            if opening is not None:
                opening.cancel()
            from dientap_desktop.app import open_kit

            open_kit(str(path), self, self.settings)
            return False
        if self.exercise is not None and same_path(self.exercise.path, path):
            if opening is not None:
                opening.cancel()
            self.show_tab(0)  # already open here
            return True
        for other in QApplication.topLevelWidgets():  # open in another window of this program
            if isinstance(other, MainWindow) and other is not self and other.exercise is not None \
                    and same_path(other.exercise.path, path):
                if opening is not None:
                    opening.cancel()
                other.showNormal()
                other.raise_()
                other.activateWindow()
                return False
        lock = claim(path, self)
        if lock is None or not self.may_close_exercise():  # asked once the file can be opened
            if lock is not None:
                lock.release()
            if opening is not None:
                opening.cancel()
            return False
        try:
            exercise = ExerciseFile.open(path, opening=opening)
        except Exception as error:  # FileProblem, OSError: the file, not the program
            lock.release()
            if not path.is_file():
                self.settings.remove_recent(path)
                if self._welcome is not None:  # else it reads the list when it is built
                    self._welcome.refresh()
            from dientap_desktop.ui.problems import told  # its table is built when needed

            reason = told(error) + copies_advice(  # the copies to open instead
                str(error), gone=not path.exists() and self._copies_kept_of(path))
            dialogs.show_error(self, self.tr("This exercise file cannot be opened.")
                               + (f"\n\n{reason}" if reason else ""), details_of(error))
            return False
        return self._show_exercise(exercise, lock)

    def _show_exercise(self, exercise: ExerciseFile, lock: FileLock | None = None) -> bool:
        """Show an opened exercise in this window, holding its lock (taken here when the
        caller has none: a new exercise, a demo); False when another window has it."""
        self.close_exercise(show_welcome=False)
        if lock is None:
            lock = claim(Path(exercise.path), self)
            if lock is None:
                exercise.close()
                self._show_welcome()
                return False
        self._lock = lock
        try:
            self._build_views(exercise)
        except BaseException:  # nothing half made stays: the file and its lock are let go
            if self.director is not None:
                self.close_exercise()
            else:
                exercise.close()
                lock.release()
                self._lock = None
                self._show_welcome()
            raise
        return True

    def _build_views(self, exercise: ExerciseFile) -> None:
        from dientap_desktop.ui.run_view import RunView
        from dientap_desktop.ui.widgets import LazyPage

        self.director = Director(exercise, self.settings.late_minutes, self)
        self.director.window = self
        self.run_view = RunView(self.director, self.settings, self)
        self._log_page = LazyPage(self._make_log_view, self)
        self._results_page = LazyPage(self._make_results_view, self)
        self.tabs.addTab(self.run_view, self.tr("Run (F2)"))
        self.tabs.addTab(self._log_page, self.tr("Log (F3)"))
        self.tabs.addTab(self._results_page, self.tr("Results (F12)"))
        self.stack.setCurrentWidget(self.tabs)
        self.director.run_changed.connect(self._update_actions)
        self.director.info_changed.connect(self._update_title)
        self.run_view.chosen_changed.connect(self._update_actions)
        self.run_view.inject_pane.projector_scroll.connect(self.scroll_projector)
        self.settings.add_recent(exercise.path, self.director.info.name)
        folder = Path(exercise.path).resolve().parent
        if not folder.is_relative_to(self.settings_folder().resolve()):  # not the demo's folder
            self.settings.last_folder = str(folder)
        self.copies.follow(exercise)  # nothing to copy until a change
        self._folded_changes = (-1, -1)  # folded once (an opening may have changed the file)
        self.file_watch.watch(exercise.path)
        if self.projector is not None:
            self.projector.set_director(self.director)
            self._remember_projecting()
            self._projector_reading()
        self._update_title()
        self._update_actions()
        self.run_view.setFocus()
        if self._painted:  # else the first paint settles it: starting on a file, the exercise
            self._settle()  # is shown first
        self._opening_drafts = self.director.waiting_drafts()  # as the file held them
        QTimer.singleShot(0, self._tell_on_opening)  # once the exercise is on screen

    def _tell_on_opening(self) -> None:
        """What the director should know about the file just opened, once it is on screen."""
        if self.reopening:
            self.reopening = False  # a file opened in this window later is told again
            return
        one_screen = self._project_again()
        told = [found for found in (
            self._clock_behind() or self._running_on(),
            (self.tr("Decisions not recorded"), self._drafts_kept()),
            (self.tr("One screen"), self._one_screen_advice() if one_screen else ""),
        ) if found and found[1]]
        if told:  # one notice, titled by what matters most: a crash leaves several things
            dialogs.show_info(self, told[0][0], "\n\n".join(text for _title, text in told))

    def _running_on(self) -> tuple[str, str] | None:
        """An exercise left running (the program closed, or stopped by a crash or a power cut,
        without a pause): its clock went on meanwhile. The notice's title and text when it was
        a while, with the keys to pause and to project again."""
        if self.director is None or self.director.status != "running":
            return None
        last = self.exercise.last_recorded()
        if last is None or self.exercise.now() - last < RUNNING_ON_TOLD:
            return None
        minutes = round((self.exercise.now() - last).total_seconds() / 60)
        text = self.tr("The exercise was left running: its clock has gone on since the last "
                       "action recorded, at %1 (%n minute(s) ago). If the exercise stopped "
                       "meanwhile, pause it (F9) and resume when it goes on.", "",
                       minutes).replace("%1", labels.local_time(last))
        if self.projector is None or not self.projector.isVisible():  # else it came back
            text += " " + self.tr("The projector window opens with Ctrl+P.")
        return self.tr("The exercise goes on"), text

    def _drafts_kept(self) -> str:
        """Decisions typed and not recorded when the exercise was last closed (or the program
        stopped): they were kept, and wait in the form of their post. What to tell of them, or
        "" when nothing typed waits or it was told already."""
        if self.director is None:
            return ""
        where = [(run.number, self.director.post_title(post_id))
                 for run, post_id in self._opening_drafts]
        self._opening_drafts = []  # told once
        if not where:
            return ""
        shown = "; ".join(self.tr("inject %1, %2").replace("%1", str(number)).replace("%2", title)
                          for number, title in where[:6]) + ("; …" if len(where) > 6 else "")
        return self.tr("%n decision(s) typed before the file was last closed were not recorded. "
                       "They were kept and are in the form again when their post is chosen on "
                       "their inject (Alt+1…9): %1. Record them with Ctrl+Enter, or clear the "
                       "text.", "", len(where)).replace("%1", shown)

    def _clock_behind(self) -> tuple[str, str] | None:
        """When this laptop's clock is behind the last moment the file recorded (a spare laptop
        without network time), the notice that says so: the program goes on from that moment,
        so that nothing new is put before what was recorded; the clock should be set right."""
        behind = getattr(self.exercise.now, "behind", None) if self.exercise else None
        if behind is None or behind < CLOCK_TOLERANCE:
            return None
        minutes = round(behind.total_seconds() / 60)
        text = self.tr("This laptop's clock is %n minute(s) behind the last moment recorded in "
                       "the exercise file (another laptop's clock, or this one's, is wrong). The "
                       "program goes on from that moment, so that nothing new comes before what "
                       "was recorded. Set this laptop's date and time right, then close and "
                       "open the file again.", "", minutes)
        return self.tr("Check the laptop's clock"), text

    def _make_log_view(self, parent):
        from dientap_desktop.ui.log_view import LogView

        return LogView(self.director, parent)

    def _make_results_view(self, parent):
        from dientap_desktop.ui.results_view import ResultsView

        view = ResultsView(self.director, parent)
        view.changed.connect(self.exercise_changed)
        return view

    @property
    def results_view(self):
        """The evaluation's results of the open exercise (made now if never shown), or None."""
        return self._results_page.content if self._results_page is not None else None

    @property
    def log_view(self):
        """The log view of the open exercise (made now if its tab was never shown), or None."""
        return self._log_page.content if self._log_page is not None else None

    def _settle(self) -> None:
        """Once the window is on screen: get ready for the director's first action."""
        gc.unfreeze()  # what start-up set aside (app.start) goes back to the garbage collector
        if self.director is None:
            return
        # The first write would otherwise wait for sqlite-utils to be imported.
        self.director.exercise.prepare_writing()
        # What is loaded now lives as long as the exercise is open: keep it out of the garbage
        # collector's full passes, whose pauses on the large exercise would cost a frame.
        gc.collect()
        gc.freeze()

    def may_close_exercise(self, going_on: str = "") -> bool:
        """Before the director closes the exercise: what is typed in the form and not recorded
        is kept in the file, where it waits for the next opening. Only a file that cannot take
        it would lose it: then ask. `going_on` is the answer that goes on with what the
        director asked for without it (it closes the exercise unless told)."""
        count = self._keep_drafts()
        if not count:
            return True
        return dialogs.ask_yes_no(
            self, self.tr("Decisions not recorded"),
            self.tr("%n decision(s) typed in the form have not been recorded (Ctrl+Enter) "
                    "and will be lost.", "", count),
            yes=going_on or self.tr("&Close without them"), no=self.tr("&Go back"))

    def _keep_drafts(self) -> int:
        """Write what is typed in the form (and the drafts the file refused before) into the
        file; how many it still cannot take."""
        if self.run_view is None:
            return 0
        self.run_view.posts.keep_draft()
        return self.director.keep_unkept()

    def close_at_once(self) -> None:
        """Close without a question (the computer is shutting down): the drafts kept in the
        file as far as it takes them, the exercise let go as at any closing."""
        self._keep_drafts()
        self._closing_agreed = True
        self.close()

    def _close_asking(self) -> None:
        if self.may_close_exercise():
            self.close_exercise()

    def close_exercise(self, show_welcome: bool = True) -> None:
        """Close the open exercise (everything is already saved) and show the welcome view."""
        if self.director is None:
            return
        self.file_watch.stop()
        self.copies.let_go()  # the last changes, before the file is let go
        if self.run_view is not None:
            self.run_view.save_layout()
        if self.projector is not None:
            self.projector.set_director(None)
        self.tabs.clear()
        for view in (self.run_view, self._log_page, self._results_page):
            if view is not None:
                view.deleteLater()
        self.run_view = self._log_page = self._results_page = None
        self.director.exercise.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        gc.unfreeze()
        self.director.deleteLater()
        self.director = None
        if show_welcome or self._welcome is not None:
            self._show_welcome()
        self._update_title()
        self._update_actions()

    def _show_welcome(self) -> None:
        self.welcome.refresh()
        self.stack.setCurrentWidget(self.welcome)

    def _update_title(self) -> None:
        if self.director is None:
            self.setWindowTitle(self.tr("Exercise director"))
        else:
            self.setWindowTitle(f"{self.director.info.name} — {self.tr('Exercise director')}")

    def _reload_after_outside_change(self) -> None:
        if self.director is not None:
            self.director.reload()
            self.run_view.reload()
            if self._log_page.made:
                self.log_view.reload()
            if self._results_page.made:
                self._results_page.content.reload()
            self._update_title()
            self._update_actions()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        items = self.settings.recent_files()
        for item in items:
            action = self.recent_menu.addAction(f"{item['name'] or Path(item['path']).stem}")
            action.setToolTip(item["path"])
            action.triggered.connect(lambda _c=False, p=item["path"]: self.open_file(p))
        if not items:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    # ------------------------------------------------------------------ new exercise, demos
    def new_exercise(self, scenario=None) -> None:
        """Create a new exercise from a scenario: name, place, date and roster, then open it."""
        if not self.may_close_exercise():
            return
        from dientap_desktop.ui.new_exercise import NewExerciseDialog

        dialog = NewExerciseDialog(self.settings, self, scenario=scenario)
        if dialog.exec() and dialog.created is not None:
            self._show_exercise(dialog.created)

    def _demo_path(self, stem: str) -> Path:
        from datetime import datetime

        folder = self.settings_folder() / "demo"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{stem}-{datetime.now().strftime('%Y%m%d-%H%M%S')}.dientap"

    def settings_folder(self) -> Path:
        """Where the app keeps its own files (the demo exercises, the automatic copies)."""
        return self.settings.data_folder

    def open_practice(self) -> None:
        """A fresh copy of the demo exercise, not started: to try running an exercise."""
        if not self.may_close_exercise():
            return
        from dientap_desktop.demo import DEMO_SCENARIO, make_practice
        from dientap_desktop.domain.scenario_loader import find_scenario

        try:
            exercise = make_practice(self._demo_path("tap-thu"), find_scenario(DEMO_SCENARIO))
        except Exception as error:
            dialogs.show_error(self, self.tr("The demo exercise could not be made."),
                               details_of(error))
            return
        self._show_exercise(exercise)

    def open_finished_demo(self) -> None:
        """The demo exercise run to its end, decided and scored: to look at the results."""
        if not self.may_close_exercise():
            return
        from dientap_desktop.demo import DEMO_SCENARIO, make_demo
        from dientap_desktop.domain.scenario_loader import find_scenario

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            exercise = make_demo(self._demo_path("mau"), find_scenario(DEMO_SCENARIO))
        except Exception as error:
            QGuiApplication.restoreOverrideCursor()
            dialogs.show_error(self, self.tr("The demo exercise could not be made."),
                               details_of(error))
            return
        QGuiApplication.restoreOverrideCursor()
        self._show_exercise(exercise)

    def _fold_in(self) -> None:
        """Every few seconds, the file found on its disk: what changed since is folded into the
        file itself (see ExerciseFile.fold_in), so that a copy made by hand while the window is
        open misses at most the last few seconds."""
        if self.exercise is None:
            return
        changes = copies.changes(self.exercise)
        if changes != self._folded_changes and self.exercise.fold_in():
            self._folded_changes = changes

    def check_file_on_disk(self) -> bool:
        """Whether the open exercise's file is still where it was opened; when it is not (deleted,
        renamed, replaced, its disk gone), say so once and offer to save a copy at once."""
        return self.exercise is None or self.file_watch.look()

    def _file_gone(self) -> None:
        exercise = self.exercise
        if exercise is None:
            return
        text = self.tr("The exercise file «%1» is no longer where it was opened (deleted, "
                       "renamed, or its USB stick pulled out). What you do is still written to "
                       "the file that is open, but it will be lost when the program closes. "
                       "Save a copy now? Work then goes on in the copy.").replace(
            "%1", str(exercise.path))
        if dialogs.ask_yes_no(self, self.tr("The exercise file is gone"), text,
                              yes=self.tr("Save a copy now"), default_yes=True):
            copy = self.save_copy(told=False)
            if copy is not None:
                self.open_file(copy)  # the exercise goes on in a file that is on a disk

    def save_copy(self, told: bool = True) -> Path | None:
        """Save a whole copy of the open exercise where the director chooses (a backup while
        the exercise runs); work goes on in the file that is open. The copy's path, or None."""
        exercise = self.exercise
        if exercise is None:
            return None
        from datetime import datetime

        stamp = datetime.now().strftime("%Y-%m-%d %Hh%M")
        name = self.tr("%1 (copy %2)").replace("%1", exercise.path.stem).replace("%2", stamp)
        target = save_copy(
            self, exercise, title=self.tr("Save a copy of the exercise"),
            filters=dialogs.file_filter(self.tr("Exercise files"), EXERCISE_FILTER),
            suggested=Path(self.settings.last_folder) / f"{name}.dientap",
            gone=not self.file_watch.is_there())
        if target is None:
            return None
        self.settings.last_folder = dialogs.folder_of(target)
        if told:
            dialogs.show_info(self, self.tr("Copy saved"), self.tr(
                "A copy of the exercise as it is now is in\n%1\n\nWork goes on in %2.").replace(
                "%1", str(target)).replace("%2", str(exercise.path)))
        return target

    def keep_copy(self) -> None:
        """Make an automatic copy of the open exercise if it changed since the last one (the
        newest twelve are kept, in the program's data folder)."""
        self.copies.keep()

    def _copies_kept_of(self, path: Path) -> bool:
        """Whether automatic copies of an exercise file of this name are kept (the file gone,
        its exercise's id is not known: its name is)."""
        try:
            return copies.newest_copy(self.settings_folder(), path) is not None
        except OSError:  # a copy removed while looked at, an unreadable folder
            return False

    def open_copies_folder(self) -> None:
        """Show the folder of the open exercise's automatic copies (or of all of them)."""
        self.copies.show_folder()

    # ------------------------------------------------------------------ exercise details
    def edit_details(self) -> None:
        """Change the exercise's name, place, date, issuer and roster."""
        if self.director is None:
            return
        from dientap_desktop.ui.new_exercise import DetailsDialog

        DetailsDialog(self.director, self).exec()

    def set_late_threshold(self) -> None:
        """Ask after how many minutes without an answer a post is shown late."""
        minutes = dialogs.ask_number(
            self, self.tr("Late threshold"),
            self.tr("A post that has not answered after this many minutes of exercise time "
                    "is shown late:"), self.settings.late_minutes, 1, 240)
        if minutes is not None:
            self.settings.late_minutes = minutes
            if self.director is not None:
                self.director.late_minutes = minutes
                self.run_view.tick()

    # ------------------------------------------------------------------ views
    def show_tab(self, index: int) -> None:
        """Show the run view (0), the log (1) or the evaluation's results (2)."""
        if self.director is not None:
            self.tabs.setCurrentIndex(index)

    def toggle_projector(self, shown: bool) -> None:
        """Show or hide the projector window."""
        from dientap_desktop.ui.projector import ProjectorWindow

        if shown:
            if self.projector is None:
                self._attach_projector(ProjectorWindow(self.settings))
            self.projector.set_director(self.director)
            self.projector.show_on_screen()
            self._remember_projecting()
            self.activateWindow()  # the director's window keeps the keyboard
            if len(QGuiApplication.screens()) == 1 and not self._told_one_screen:
                self._told_one_screen = True
                dialogs.show_info(self, self.tr("One screen"), self._one_screen_advice())
        elif self.projector is not None:
            self.projector.hide()
            self._remember_projecting()

    def _remember_projecting(self) -> None:
        """Which exercise the projector window shows, for a crash or a power cut: the window
        opens again with it (`_project_again`). A window closed by the director is not."""
        shown = self.projector is not None and self.projector.isVisible()
        self.settings.projecting = str(Path(self.exercise.path).resolve()) \
            if shown and self.exercise is not None else ""

    def _one_screen_advice(self) -> str:
        """Where the projector window is when the computer sees one screen, and how to project
        it."""
        return self.tr(
            "This computer sees one screen only, so the projector window is open "
            "behind this one, which keeps the keyboard (Alt+Tab shows it).\n\nTo "
            "project it, set the display to extend to the projector "
            "(on Windows: Windows key + P, \"Extend\"), then choose its screen in View → "
            "Projector screen.\n\nIf the projector shows a copy of this screen, the "
            "room sees your answer key and notes: hide them with Ctrl+H.")

    def _project_again(self) -> bool:
        """The projector window was showing this exercise, running or paused, when the program
        closed or stopped (a crash, a power cut): open it again as it was, so that the room does
        not wait for the director to find Ctrl+P. Whether it opened on the only
        screen and the one-screen advice is to be told (with the rest, by the caller)."""
        if self.director is None:
            return False
        projecting = self.settings.projecting
        advise = False
        if self.director.status in ("running", "paused") \
                and projecting and same_path(projecting, self.exercise.path) \
                and (self.projector is None or not self.projector.isVisible()):
            advise = len(QGuiApplication.screens()) == 1 and not self._told_one_screen
            self._told_one_screen = True  # not told on its own: the caller tells it
            self.act_projector.setChecked(True)
            # full screen as it was, on its own screen: on the only one it would hide this
            # window and take the keyboard from it
            if self.settings.projector_full_screen and len(QGuiApplication.screens()) > 1 \
                    and not self.projector.isFullScreen():
                self.projector.toggle_fullscreen()
                self.activateWindow()
        self._remember_projecting()  # another file's, left by a crash, is forgotten
        return advise

    def _attach_projector(self, projector) -> None:
        self.projector = projector
        projector.closed.connect(self._projector_closed)
        projector.key_pressed.connect(self.take_key)
        projector.reading_changed.connect(self._projector_reading)
        self._projector_reading()

    def _projector_reading(self) -> None:
        """Tell the director, beside the inject, when the room's text is longer than the
        projector's screen, and how far the room has read."""
        if self.run_view is not None:
            self.run_view.inject_pane.show_projector_reading(
                *(self.projector.reading() if self.projector is not None else (False, True)))

    def scroll_projector(self, pages: int) -> None:
        """Scroll the projector's text for the room, by pages (a beep when there is no more)."""
        if self.projector is None or not self.projector.scroll_text(pages):
            QApplication.beep()

    def _projector_closed(self) -> None:
        self.act_projector.setChecked(False)
        self.settings.projecting = ""  # closed by the director: it does not open by itself

    def take_key(self, event: QKeyEvent) -> None:
        """A key pressed in the projector window (clicked to move it, it took the keyboard):
        this window takes the keyboard back and does what the key does here, be it a
        shortcut (F6, Alt+3, Ctrl+Enter...), a letter typed into the decision's form, or a key
        that moves in it (the arrows, Enter, Tab, Backspace)."""
        self.activateWindow()
        pressed = QKeySequence(event.keyCombination())
        exact = QKeySequence.SequenceMatch.ExactMatch
        for shortcut in self.findChildren(QShortcut):
            owner = shortcut.parent()
            if shortcut.isEnabled() and isinstance(owner, QWidget) and owner.isVisible() \
                    and self._in_reach(shortcut.context(), [owner]) \
                    and any(key.matches(pressed) == exact for key in shortcut.keys()):
                shortcut.activated.emit()
                return
        for action in self.findChildren(QAction):
            if action.isEnabled() and self._in_reach(action.shortcutContext(), [
                    w for w in action.associatedObjects() if isinstance(w, QWidget)]) \
                    and any(key.matches(pressed) == exact for key in action.shortcuts()):
                action.trigger()
                return
        QApplication.sendEvent(self.focusWidget() or self, QKeyEvent(
            event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat()))

    def _in_reach(self, context: Qt.ShortcutContext, owners: list[QWidget]) -> bool:
        """Whether a shortcut of this context, on these widgets, works where this window's
        keyboard is: a list's own key (Backspace takes a note back) only in the list."""
        focus = self.focusWidget()
        if context == Qt.ShortcutContext.WidgetShortcut:
            return focus is not None and focus in owners
        if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
            return focus is not None and any(w is focus or w.isAncestorOf(focus)
                                             for w in owners)
        return True

    def release_projector(self):
        """Let go of the projector window while it is shown, for the window made next (a
        change of language) to take it over: it stays where it is, full screen if it was, and
        shows what it showed. Returns it, or None when it is not shown."""
        projector = self.projector
        if projector is None or not projector.isVisible():
            return None
        self.projector = None
        projector.closed.disconnect(self._projector_closed)
        projector.key_pressed.disconnect(self.take_key)
        projector.reading_changed.disconnect(self._projector_reading)
        projector.hold()
        return projector

    def adopt_projector(self, projector) -> None:
        """Take over the projector window another window let go of (release_projector): it
        follows this window's exercise where it is, without moving."""
        if self.projector is not None:
            self.projector.close()
        self._attach_projector(projector)
        projector.retranslate()
        projector.set_director(self.director)
        self.act_projector.blockSignals(True)  # it is shown already: nothing to do or tell
        self.act_projector.setChecked(True)
        self.act_projector.blockSignals(False)

    def hide_answers(self, hidden: bool) -> None:
        """Keep the answer key and notes off the director's screen (a mirrored projector)."""
        self.settings.answers_hidden = hidden
        if self.run_view is not None:
            self.run_view.hide_answers(hidden)

    def toggle_projector_fullscreen(self) -> None:
        """Put the projector window full screen on its screen, or back in a window; this
        window keeps the keyboard (the projector's own keys are forwarded here, take_key)."""
        if self.projector is None or not self.projector.isVisible():
            self.act_projector.setChecked(True)
        self.projector.toggle_fullscreen()
        self.activateWindow()

    def _fill_screen_menu(self) -> None:
        from dientap_desktop.ui.projector import chosen_screen, describe_all

        self.screen_menu.clear()
        group = QActionGroup(self.screen_menu)
        chosen = chosen_screen(self.settings.projector_screen, describe_all())
        for n, screen in enumerate(QGuiApplication.screens()):
            size = screen.size()
            action = self.screen_menu.addAction(
                f"{n + 1}. {screen.name()} ({size.width()}×{size.height()})")
            action.setCheckable(True)
            action.setChecked(n == chosen)
            action.triggered.connect(lambda _c=False, n=n: self.set_projector_screen(n))
            group.addAction(action)

    def set_projector_screen(self, index: int) -> None:
        """Send the projector window to a screen (its number in the list of screens, from 0),
        remembered by its name, place, size and number (two screens may have one name)."""
        from dientap_desktop.ui.projector import describe_all

        self.settings.projector_screen = describe_all()[index]
        if self.projector is not None and self.projector.isVisible():
            self.projector.show_on_screen()

    def set_language(self, code: str) -> None:
        """Switch the language of the window (Vietnamese or English)."""
        if code == self.settings.language:
            return
        # the window is made again in the other language
        if not self.may_close_exercise(self.tr("&Change the language without them")):
            self._language_actions[self.settings.language].setChecked(True)
            return
        self._closing_agreed = True  # the window's closing that follows asks no more
        self.settings.language = code
        if self.language_switcher is not None:
            QTimer.singleShot(0, lambda: self.language_switcher(self))

    def where(self) -> tuple[int, str | None, str | None]:
        """Where the director is: the tab, the inject shown and the post whose form is shown."""
        if self.director is None or self.run_view is None:
            return 0, None, None
        return (self.tabs.currentIndex(), self.director.focus_id,
                self.run_view.posts.post_shown)

    def go_back_to(self, where: tuple[int, str | None, str | None]) -> None:
        """Show the same tab, inject and post again (the window made again in another
        language): the director goes on where he was, in the form he was typing in."""
        tab, inject_id, post_id = where
        if self.director is None or self.run_view is None:
            return
        if any(inject.id == inject_id for inject in self.director.scenario.injects):
            self.director.set_focus(inject_id)
        if post_id is not None:
            self.run_view.posts.show_post(post_id)
        self.show_tab(tab)

    def show_shortcuts(self) -> None:
        """List every keyboard shortcut of the window."""
        from dientap_desktop.ui.help import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_about(self) -> None:
        """Name, version and the licences of the program and of what it ships."""
        import platform

        from PySide6 import __version__ as pyside_version

        from dientap_desktop import __version__
        from dientap_desktop.paths import resources_dir

        rows = "".join(
            f"<tr><td>{part}</td><td>&nbsp;{licence}</td></tr>"
            for part, licence in (
                ("dientap-desktop", "GNU GPL 3.0+"),
                ("Liberation Serif", "SIL Open Font License 1.1"),
                (f"Qt, PySide6 {pyside_version}", "GNU LGPL 3.0"),
                ("ReportLab, rl_accel", "BSD"),
                ("sqlite-utils", "Apache 2.0"),
                ("SQLite", self.tr("public domain")),
                ("PyYAML, platformdirs", "MIT"),
                (f"Python {platform.python_version()}", "PSF"),
            )
        )
        dialogs.show_info(
            self, self.tr("About"),
            "<p><b>" + self.tr("Exercise director %1").replace("%1", __version__) + "</b></p><p>"
            + self.tr("Runs defence-zone and combat-defence exercises from the command post, "
                      "offline.") + "</p><p>" + self.tr("Licences:") + f"</p><table>{rows}</table>"
            + "<p>" + self.tr("The licence texts are in %1 and %2.").replace(
                "%1", str(resources_dir() / "licenses")).replace(
                "%2", str(resources_dir() / "fonts")) + "</p>")

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closing_agreed and not self.may_close_exercise():
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.close_exercise(show_welcome=False)
        if self.projector is not None:
            # closed with the program, not by the director: it opens again with the exercise
            self.projector.closed.disconnect(self._projector_closed)
            self.projector.close()
            self.projector = None
        self.settings.sync()
        event.accept()
