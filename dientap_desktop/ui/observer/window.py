"""The observer's window: the posts of one kit, their scoring sheets, notes, and the injects."""

from __future__ import annotations

import html
import sqlite3
from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dientap_desktop.domain.score_csv import score_template
from dientap_desktop.locks import FileLock
from dientap_desktop.storage.database import FileProblem, same_path
from dientap_desktop.storage.exercise_file import ActionError
from dientap_desktop.storage.kit import KitFile
from dientap_desktop.temporary import write_whole
from dientap_desktop.ui import dialogs
from dientap_desktop.ui.errors import details_of, not_saved, with_reason
from dientap_desktop.ui.file_lock import claim
from dientap_desktop.ui.file_watch import AutomaticCopies, FileWatch, save_copy
from dientap_desktop.ui.labels import score_text, total_text
from dientap_desktop.ui.menu_bar import MenuBarExit
from dientap_desktop.ui.models import ID_ROLE
from dientap_desktop.ui.observer.csv_import import CSV_FILTER, import_csv
from dientap_desktop.ui.observer.models import (
    InjectsModel,
    NotesModel,
    PostsModel,
    ScoreSheetModel,
    missing_numbers,
)
from dientap_desktop.ui.observer.note_form import NoteForm, adding_action, notes_table
from dientap_desktop.ui.observer.sheet import DELETE_KEYS, TYPED_KEPT_AFTER_MS, SheetView
from dientap_desktop.ui.problems import told
from dientap_desktop.ui.settings import Settings
from dientap_desktop.ui.widgets import (
    fit_column,
    fit_columns,
    fit_to_screen,
    heading,
    plain_scroll_bars,
    table_view,
)

_windows: list[QWidget] = []  # open observer windows, kept alive until closed

PREFERRED_SIZE = QSize(1280, 760)
MINIMUM_SIZE = QSize(900, 560)
POSTS_SHARE = 0.45  # the posts list takes at most this share of the window's width,
SHEET_WIDTH = 620  # and leaves the scoring sheet at least this, if it can


# the notes list: the most of its width the inject's and the post's names take
NOTE_SHARES = {NotesModel.INJECT: 0.34, NotesModel.POST: 0.26}

class ObserverWindow(QMainWindow):
    """One observer's kit at work: every entry is written to the kit as soon as it is made."""

    _closing_agreed = False  # closing asks nothing (see close_at_once)

    def __init__(self, kit: KitFile, settings: Settings | None = None):
        super().__init__()
        self.kit = kit
        self.settings = settings  # where the post shown is remembered (nowhere without them)
        self.lock: FileLock | None = None  # the kit's lock, when opened by open_observer_window
        info = kit.info
        self.setWindowTitle(self.tr("Observer kit — %1 — %2").replace("%1", kit.observer)
                            .replace("%2", info.exercise_name))
        self._list_width_chosen = True  # (no sharing before the list is built)
        self._fit_to_screen()

        self.posts_model = PostsModel(kit, self)
        # The post's title comes first: its column is as wide as the longest title (on two
        # lines only when the list is too narrow for it); the player's name takes what is left,
        # on two lines when it must (and whole in its tooltip).
        self.posts_view = table_view(self.posts_model, stretch=PostsModel.PLAYER)
        self.posts_view.setWordWrap(True)
        rows = self.posts_view.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # as high as the other lists' rows
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.posts_view.selectionModel().currentRowChanged.connect(self._post_chosen)
        self.posts_view.setToolTip(self.tr("Ctrl+Page Down / Ctrl+Page Up: next / previous post"))
        self.posts_view.activated.connect(self._to_sheet)  # Enter (or a double click) on a post

        self.sheet_model = ScoreSheetModel(kit, None, self)
        self.sheet_model.changed.connect(self._scores_changed)
        self.sheet_view = SheetView(self.sheet_model)
        self.sheet_view.told.connect(self._tell)
        self.sheet_view.untold.connect(self._untell)
        self._told = ""  # the sheet's last message
        self.sheet_view.comment_typed.connect(self._keep_typed_comment)
        self._on_show: list[str] = []  # what to tell once the window is on screen
        self.score_delegate = self.sheet_view.score_delegate
        self.act_clear = self.sheet_view.act_clear
        self.act_clear.triggered.connect(self._to_sheet)  # from the menu, on another tab
        self.act_clear_comment = self.sheet_view.act_clear_comment
        self.act_clear_comment.triggered.connect(self._to_sheet)
        # the post's title and its player's name on as many lines as they need: on one, a
        # long title would hold the sheet wider than a small screen leaves it, and push the
        # posts list off it
        self.sheet_title = heading("")
        self.sheet_title.setWordWrap(True)
        self.person_label = QLabel()
        self.person_label.setWordWrap(True)
        self.total_label = heading("", 1.1)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        sheet = QWidget()
        sheet_layout = QVBoxLayout(sheet)
        sheet_layout.addWidget(self.sheet_title)
        sheet_layout.addWidget(self.person_label)
        sheet_layout.addWidget(self.sheet_view, 1)
        sheet_layout.addWidget(self.total_label)
        sheet_layout.addWidget(self.missing_label)
        # on as many lines as it needs: on one, it would hold the sheet wider than a small
        # screen leaves it, and squeeze the posts list
        self.help_label = QLabel(self.tr(
            "Type a score from 0 to the maximum (with , or .) and press Enter for the next "
            "criterion; Delete or an empty score takes it back. Every entry is saved at once."))
        self.help_label.setWordWrap(True)
        sheet_layout.addWidget(self.help_label)

        self.tabs = QTabWidget()
        self.tabs.addTab(sheet, self.tr("&Scoring sheet"))
        self.tabs.addTab(self._build_notes(), self.tr("&Notes"))
        self.tabs.addTab(self._build_injects(), self.tr("In&jects and answer keys"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(heading(self.tr("Posts to score")))
        left_layout.addWidget(self.posts_view, 1)
        self.overall_label = QLabel()
        self.overall_label.setWordWrap(True)
        left_layout.addWidget(self.overall_label)
        self.splitter = splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)  # the posts list keeps its width, the sheet takes the rest
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self._build_menu()
        MenuBarExit(self.menuBar())
        # a lasting line, under the messages that come and go (it came back blank after them)
        exercise = self.tr("Exercise «%1», %2.").replace("%1", info.exercise_name).replace(
            "%2", info.place) if info.place else self.tr("Exercise «%1».").replace(
                "%1", info.exercise_name)
        self.exercise_label = QLabel(exercise + " " + self.tr(
            "Every entry is saved in the kit at once."))
        self.statusBar().addWidget(self.exercise_label, 1)
        self._fit_posts_list()
        if self.posts_model.rowCount():  # the post the observer was on, or the first
            self.posts_view.selectRow(self._last_row())
        self._update_totals()
        # the keyboard on the score of the first criterion: what is typed goes into the sheet
        self.tabs.currentChanged.connect(
            lambda index: self.sheet_view.setFocus() if index == 0 else None)
        self.sheet_view.setFocus()
        # what was typed and not added or entered when the kit was last open here, back in its
        # place with the keyboard in it (a comment before a note), told once on screen
        self._restore_typed_note()
        self._restore_typed_comment()
        # The kit still on its disk? Deleted, renamed or on a USB stick pulled out, nothing more
        # can be saved in it, and what was is only in this window: the observer is told.
        self.file_watch = FileWatch(self)
        self.file_watch.gone.connect(self._kit_gone)
        self.file_watch.watch(kit.path)
        # and a copy of it on this laptop every ten minutes when it changed, and when it closes
        self.copies: AutomaticCopies | None = None
        if settings is not None:
            self.copies = AutomaticCopies(self, lambda: settings.data_folder, self.tr(
                "An automatic copy of the kit could not be made. Your scores are saved in the "
                "kit as always; to keep a copy elsewhere, use Kit → Save a copy of the kit "
                "(Ctrl+Shift+S)."))
            self.copies.follow(kit)

    # ------------------------------------------------------------------ building
    def _fit_to_screen(self) -> None:
        """Open at the preferred size, or smaller on a small screen: the whole window, frame
        included, within the screen's available area (not under a taskbar), centred on it."""
        fit_to_screen(self, PREFERRED_SIZE, MINIMUM_SIZE)

    def _fit_posts_list(self) -> None:
        """Size the posts list: the score and the rating as wide as they can be, the post's
        title whole, and room for the player's name; the list takes at most POSTS_SHARE of the
        window, the scoring sheet the rest."""
        view, model = self.posts_view, self.posts_model
        top = self.kit.scenario.scale.max  # and a total with two decimals below it: "9,99"
        fit_column(view, PostsModel.SCORE, total_text(top), total_text(top - Fraction(1, 100)))
        states = [model.data(model.index(row, PostsModel.STATE))
                  for row in range(model.rowCount())]
        fit_column(view, PostsModel.STATE, *states,
                   *(rating.label for rating in self.kit.scenario.scale.ratings))
        fit_columns(view, PostsModel.POST, PostsModel.PLAYER)
        self._title_width = view.columnWidth(PostsModel.POST)
        self._player_width = view.columnWidth(PostsModel.PLAYER)
        view.viewport().installEventFilter(self)
        left = self.splitter.widget(0)
        margins = left.layout().contentsMargins()
        self._list_width = (self._title_width + self._player_width
                            + view.columnWidth(PostsModel.SCORE)
                            + view.columnWidth(PostsModel.STATE) + 2 * view.frameWidth()
                            + view.verticalScrollBar().sizeHint().width() + margins.left()
                            + margins.right())
        self._list_width_chosen = False  # until the observer drags the splitter
        self.splitter.splitterMoved.connect(self._list_width_set)
        self._share_width()
        self._fit_post_column()

    def _share_width(self) -> None:
        """Give the posts list the width it wants, within its share of the window."""
        total = self.width()
        width = min(self._list_width, int(total * POSTS_SHARE),
                    max(total - SHEET_WIDTH, total // 3))
        self.splitter.setSizes([width, max(total - width, 1)])

    def _list_width_set(self) -> None:
        self._list_width_chosen = True

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if not self._list_width_chosen:  # maximised, or resized: shared again
            self._share_width()

    def _fit_post_column(self) -> None:
        """The post's column as wide as the longest title, leaving the player's column room
        for its header (or, in a narrow list, for a few letters); a title wider than that goes
        on two lines or more, never cut."""
        view = self.posts_view
        letter = view.fontMetrics().averageCharWidth()
        taken = view.columnWidth(PostsModel.SCORE) + view.columnWidth(PostsModel.STATE)
        header = view.horizontalHeader().sectionSizeHint(PostsModel.PLAYER)
        for player in (max(header, 10 * letter), 10 * letter):
            room = view.viewport().width() - taken - min(self._player_width, player)
            if room >= 14 * letter:
                break
        width = max(min(self._title_width, room), 14 * letter)
        if width != view.columnWidth(PostsModel.POST):
            view.setColumnWidth(PostsModel.POST, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.posts_view.viewport():
            self._fit_post_column()  # the splitter moved, or the window was resized
        elif event.type() == QEvent.Type.Resize and watched is self.notes_view.viewport():
            self._fit_notes_columns()
        return super().eventFilter(watched, event)

    def _fit_notes_columns(self) -> None:
        """The inject's and the post's columns of the notes as wide as their longest text, but
        no wider than NOTE_SHARES of the list: a longer name wraps, and the note keeps room."""
        view, model = self.notes_view, self.notes_model
        metrics = view.fontMetrics()
        room = view.viewport().width() - view.columnWidth(NotesModel.KIND)
        for column, share in NOTE_SHARES.items():
            header = view.horizontalHeader().sectionSizeHint(column)
            longest = max((metrics.horizontalAdvance(str(model.index(row, column).data()))
                           for row in range(model.rowCount())), default=0) + 14
            width = max(min(longest, int(room * share)), header)
            if width != view.columnWidth(column):
                view.setColumnWidth(column, width)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("Ki&t"))
        self.act_import = QAction(self.tr("&Import scores from a CSV file…"), self)
        self.act_import.setShortcut(QKeySequence("Ctrl+I"))
        self.act_import.triggered.connect(self.import_scores)
        self.act_template = QAction(self.tr("&Save a CSV template to type paper scores in…"),
                                    self)
        self.act_template.setToolTip(self.tr(
            "A CSV with one row per criterion of each post, in the order of the printed blank "
            "sheets: type the scores in, then import it"))
        self.act_template.triggered.connect(self.save_template)
        self.act_next = QAction(self.tr("&Next post"), self)
        self.act_next.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.act_next.triggered.connect(lambda: self.step_post(1))
        self.act_previous = QAction(self.tr("&Previous post"), self)
        self.act_previous.setShortcut(QKeySequence("Ctrl+PgUp"))
        self.act_previous.triggered.connect(lambda: self.step_post(-1))
        self.act_save_copy = QAction(self.tr("Save a cop&y of the kit…"), self)
        self.act_save_copy.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.act_save_copy.setToolTip(self.tr(
            "Save a whole copy of the kit as it is now (on a USB stick, for instance); scoring "
            "goes on in this kit"))
        self.act_save_copy.triggered.connect(lambda _checked=False: self.save_copy())
        self.act_copies = QAction(self.tr("A&utomatic copies…"), self)
        self.act_copies.setToolTip(self.tr(
            "The folder on this computer where a copy of the kit is kept every ten minutes "
            "and when it is closed (the newest twelve)"))
        self.act_copies.triggered.connect(self.open_copies_folder)
        self.act_copies.setEnabled(self.settings is not None)
        self.act_blank = QAction(self.tr("&Blank sheets to print (PDF)…"), self)
        self.act_blank.setToolTip(self.tr(
            "The blank scoring sheets of this kit's posts and a page for notes, as a PDF to "
            "print and score on paper"))
        self.act_blank.triggered.connect(self.save_blank_sheets)
        self.act_close = QAction(self.tr("&Close"), self)
        self.act_close.setShortcut(QKeySequence("Ctrl+W"))
        self.act_close.triggered.connect(self.close)
        self.act_quit = QAction(self.tr("&Quit"), self)  # as in the director's window
        self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_quit.triggered.connect(self.quit_program)
        for action in (self.act_import, self.act_template, self.act_blank, self.act_save_copy,
                       self.act_copies, self.act_next, self.act_previous):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.act_clear)
        menu.addAction(self.act_clear_comment)
        menu.addSeparator()
        menu.addAction(self.act_close)
        menu.addAction(self.act_quit)

    def _build_notes(self) -> QWidget:
        self.note_form = NoteForm(self.kit.whole_scenario, self.kit.scenario.posts)
        self.note_kind, self.note_inject = self.note_form.kind, self.note_form.inject
        self.note_post, self.note_text = self.note_form.post, self.note_form.text
        self.add_note_button = QPushButton(self.tr("&Add note"))
        self.add_note_button.clicked.connect(self.add_note)
        add = adding_action(page := QWidget())
        add.triggered.connect(self.add_note)
        self.delete_note_button = QPushButton(self.tr("&Delete note"))
        self.delete_note_button.clicked.connect(self.delete_note)
        delete = QAction(self)  # the Delete key on a note of the list: as the button, asking
        delete.setShortcuts([QKeySequence(key) for key in DELETE_KEYS])
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_note)
        self.notes_model = NotesModel(self.kit, self)
        # Every name whole: the inject's and the post's on as many lines as their columns
        # leave them (at most a share of the list each), the note's text on the rest.
        self.notes_view = notes_table(self.notes_model)
        self.notes_view.viewport().installEventFilter(self)
        self.notes_model.modelReset.connect(self._fit_notes_columns)
        self.notes_view.addAction(delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_note_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_note_button)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Strengths, weaknesses and proposals feed the "
                                        "after-action report.")))
        layout.addWidget(self.note_form)
        layout.addLayout(buttons)
        layout.addWidget(self.notes_view, 1)
        # The note typed and not added yet is kept on this computer a moment after the typing
        # stops (and at closing): a crash or a power cut does not take it.
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(TYPED_KEPT_AFTER_MS)
        self._note_timer.timeout.connect(self._keep_typed_note)
        self.note_text.textChanged.connect(self._note_timer.start)
        for combo in (self.note_kind, self.note_inject, self.note_post):
            combo.currentIndexChanged.connect(self._note_timer.start)
        return page

    def _build_injects(self) -> QWidget:
        self.injects_model = InjectsModel(self.kit, self)
        self.injects_view = table_view(self.injects_model, stretch=InjectsModel.TITLE)
        fit_columns(self.injects_view, InjectsModel.NUMBER, InjectsModel.STORY)
        self.injects_view.selectionModel().currentRowChanged.connect(self._inject_chosen)
        self.inject_text = QTextBrowser()
        plain_scroll_bars(self.inject_text)
        note_here = QPushButton(self.tr("Add a note on this inject"))
        note_here.clicked.connect(self._note_on_inject)
        page = QSplitter(Qt.Orientation.Vertical)
        page.addWidget(self.injects_view)
        bottom = QWidget()
        layout = QVBoxLayout(bottom)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inject_text, 1)
        layout.addWidget(note_here, 0, Qt.AlignmentFlag.AlignLeft)
        page.addWidget(bottom)
        if self.injects_model.rowCount():
            self.injects_view.selectRow(0)
        return page

    # ------------------------------------------------------------------ posts and scores
    @property
    def post_id(self) -> str | None:
        """The post whose sheet is shown."""
        return self.sheet_model.post_id

    def _last_row(self) -> int:
        """The row of the post the window showed when the kit was last open here (0 when
        none was, or when the kit no longer has it)."""
        last = self.settings.kit_post(self.kit.path) if self.settings is not None else ""
        model = self.posts_model
        return next((row for row in range(model.rowCount())
                     if last and model.index(row, PostsModel.POST).data(ID_ROLE) == last), 0)

    def _post_chosen(self, current: QModelIndex, _previous: object = None) -> None:
        post_id = current.data(ID_ROLE) if current.isValid() else None
        self.sheet_view.enter_typed()  # Ctrl+PgDown from a cell being typed in: the text is kept
        self.sheet_model.set_post(post_id)
        if post_id and self.settings is not None:
            self.settings.set_kit_post(self.kit.path, post_id)
        if post_id:
            post = self.kit.scenario.post(post_id)
            self.sheet_title.setText(post.title)
            who = self.posts_model.player(post_id)
            self.person_label.setText(self.tr("Player: %1").replace("%1", who or "–"))
            self.sheet_view.resizeRowsToContents()
            self.sheet_view.setCurrentIndex(self.sheet_model.index(0, ScoreSheetModel.SCORE))
        self._update_totals()

    def _tell(self, message: str, milliseconds: int) -> None:
        self._told = message
        self.statusBar().showMessage(message, milliseconds)

    def _untell(self) -> None:
        """The sheet's message no longer holds: it goes (another message stays)."""
        if self._told and self.statusBar().currentMessage() == self._told:
            self.statusBar().clearMessage()
        self._told = ""

    def _to_sheet(self) -> None:
        """The keyboard from the posts list to the chosen post's sheet."""
        self.tabs.setCurrentIndex(0)
        self.sheet_view.setFocus()

    def clear_score(self) -> None:
        """Take back the score of the criterion under the cursor (see SheetView.clear_score)."""
        self._to_sheet()
        self.sheet_view.clear_score()

    def step_post(self, step: int) -> None:
        """Show the next (1) or previous (-1) post's sheet."""
        rows = self.posts_model.rowCount()
        if not rows:
            return
        row = (self.posts_view.currentIndex().row() + step) % rows
        self.posts_view.selectRow(row)
        self._to_sheet()

    def _scores_changed(self) -> None:
        self.posts_model.refresh()
        self._update_totals()

    def _update_totals(self) -> None:
        results = self.kit.results()
        scale = self.kit.scenario.scale
        if self.post_id:
            result = results.of(self.post_id)
            if result.complete:
                self.total_label.setText(self.tr("Total: %1 / %2 — %3")
                                         .replace("%1", total_text(result.score))
                                         .replace("%2", score_text(scale.max))
                                         .replace("%3", result.rating or ""))
                self.missing_label.setText(self.tr("Every criterion is scored."))
            else:
                self.total_label.setText(self.tr("Total: not complete"))
                self.missing_label.setText(self.tr("Still missing: criteria %1")
                                           .replace("%1", missing_numbers(self.kit, result)))
        done = sum(1 for p in results.posts if p.complete)
        self.overall_label.setText(self.tr("%1 of %2 posts complete.")
                                   .replace("%1", str(done))
                                   .replace("%2", str(len(results.posts))))

    def import_scores(self) -> None:
        """Scores typed from paper: preview the CSV, then write it into the kit."""
        changes = import_csv(self, self.kit, observer=self.kit.observer)
        if changes is not None:
            self.sheet_model.set_post(self.post_id)
            self._scores_changed()
            self.statusBar().showMessage(
                self.tr("Imported: %1 added, %2 replaced, %3 unchanged.")
                .replace("%1", str(changes.added)).replace("%2", str(changes.replaced))
                .replace("%3", str(changes.unchanged)), 8000)

    def save_template(self) -> None:
        """Write a CSV to type the scores of the paper sheets into: every post and criterion
        of the kit already in it, in the order of the printed blank sheets."""
        suggested = self.kit.path.with_name(f"{self.kit.path.stem}-mau-nhap-diem.csv")
        path = dialogs.choose_save_path(
            self, self.tr("Save a CSV template to type paper scores in"),
            dialogs.file_filter(QApplication.translate("CsvImportDialog", "CSV files"),
                                CSV_FILTER), str(suggested), suffix=".csv")
        if not path:
            return
        try:
            write_whole(Path(path), score_template(self.kit.scenario, self.kit.observer))
        except OSError as error:  # told as the file chosen, or its folder
            dialogs.show_error(self, with_reason(self.tr("The CSV template could not be saved."),
                                                 error), details_of(error))
            return
        dialogs.show_info(self, self.tr("CSV template saved"), self.tr(
            "%1 has one row per criterion of each post, in the order of the printed blank "
            "sheets. Type each score in the score column (and a comment in the comment column "
            "if you wish), save it in the same format (in Excel: CSV UTF-8) and bring it in "
            "with “Import scores from a CSV file…”. Fill in only the posts you scored: the "
            "rows left without a score are left out when you import.").replace("%1", path))

    def save_blank_sheets(self) -> None:
        """Write the blank sheets of the kit's posts (and the page for notes) where the observer
        chooses, and open them to be printed: scored on paper, typed in later."""
        suggested = self.kit.path.with_name(f"{self.kit.path.stem}-phieu-trong.pdf")
        path = dialogs.choose_save_path(
            self, self.tr("Save the blank sheets"),
            dialogs.file_filter(self.tr("PDF documents"), "*.pdf"), str(suggested),
            suffix=".pdf")
        if not path:
            return
        from dientap_desktop.reports.export import write_report  # reportlab, when needed

        try:
            write_report(self.kit.snapshot(), "blank", path)
        except OSError as error:  # told as the file chosen, or its folder
            dialogs.show_error(self, with_reason(self.tr("The blank sheets could not be saved."),
                                                 error), details_of(error))
            return
        self.statusBar().showMessage(self.tr("Blank sheets saved in %1.").replace("%1", path),
                                     15000)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            dialogs.show_info(self, self.tr("Blank sheets saved"), self.tr(
                "The blank sheets are saved in %1, but no program on this computer opens PDF "
                "files: print them from another computer.").replace("%1", path))

    # ------------------------------------------------------------------ notes
    def add_note(self) -> None:
        """Add the note typed in, committed at once."""
        text = self.note_text.toPlainText()
        if not text.strip():
            self.note_text.setFocus()
            return
        try:
            self.kit.add_note(self.note_kind.currentData(), text,
                              inject_id=self.note_inject.currentData(),
                              post_id=self.note_post.currentData())
        except ActionError as error:
            dialogs.show_error(self, self.tr("The note was not saved."), str(error))
            return
        except (sqlite3.Error, FileProblem) as error:  # the kit's file, not the note
            self._not_saved(error)
            return
        self.note_text.clear()
        self._keep_typed_note()  # none now
        self.notes_model.refresh()
        self.notes_view.scrollToBottom()
        self.note_text.setFocus()

    def _typed_note(self) -> dict | None:
        """The note typed and not added, with what was chosen for it (None: nothing typed)."""
        return self.note_form.typed()

    def _keep_typed_note(self) -> None:
        self._note_timer.stop()
        if self.settings is not None:
            self.settings.set_kit_note(self.kit.path, self._typed_note())

    def _restore_typed_note(self) -> None:
        """Bring back the note typed when the kit was last open here and not added to it."""
        note = self.settings.kit_note(self.kit.path) if self.settings is not None else None
        if not note or not str(note.get("text", "")).strip():
            return
        self.note_form.choose(note)
        self.note_text.setPlainText(note["text"])
        self._note_timer.stop()  # it is kept already
        self.tabs.setCurrentIndex(1)
        self.note_text.moveCursor(QTextCursor.MoveOperation.End)
        self.note_text.setFocus()
        self._on_show.append(self.tr(
            "The note typed when this kit was last open, and not added to it, is back on the "
            "Notes tab."))

    def _keep_typed_comment(self, comment: dict | None) -> None:
        if self.settings is not None:
            self.settings.set_typed_comment(self.kit.path, comment)

    def _restore_typed_comment(self) -> None:
        """Bring back the comment typed when the kit was last open here and not entered: its
        post's sheet, its cell open with it."""
        comment = self.settings.typed_comment(self.kit.path) if self.settings else None
        if not comment:
            return
        row = next((row for row in range(self.posts_model.rowCount())
                    if self.posts_model.index(row, 0).data(ID_ROLE) == comment["post"]), None)
        if row is None:  # a post this kit does not score (another kit of that name)
            self._keep_typed_comment(None)
            return
        self.posts_view.selectRow(row)
        self.tabs.setCurrentIndex(0)
        self._on_show.insert(0, self.sheet_view.put_back_comment(comment))
        self._keep_typed_comment(self.sheet_view.typed_comment())

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._on_show:  # on screen: the message takes the status bar's line while it shows
            message = " ".join(self._on_show)
            self.statusBar().showMessage(message, 20000)
            if self.sheet_view.typed_comment() is not None:
                self._told = message  # goes once the comment put back is entered or dropped
            self._on_show = []

    def delete_note(self) -> None:
        """Delete the chosen note, after asking."""
        index = self.notes_view.currentIndex()
        if not index.isValid():
            return
        text = str(index.siblingAtColumn(NotesModel.TEXT).data())
        if len(text) > 200:
            text = text[:200].rsplit(" ", 1)[0] + "…"
        if not dialogs.ask_yes_no(self, self.tr("Delete note"),
                                  self.tr("Delete this note from the kit?\n\n“%1”\n\nIf "
                                          "the kit was merged already, the next merge "
                                          "withdraws the note from the exercise too.")
                                  .replace("%1", text),
                                  yes=self.tr("Delete"), no=self.tr("Keep")):
            return
        try:
            self.kit.delete_note(index.data(ID_ROLE))
        except (sqlite3.Error, FileProblem) as error:
            self._not_saved(error)
            return
        self.notes_model.refresh()

    # ------------------------------------------------------------------ injects
    def _inject_chosen(self, current: QModelIndex, _previous: object = None) -> None:
        if not current.isValid():
            self.inject_text.clear()
            return
        scenario = self.kit.whole_scenario
        inject = scenario.inject(current.data(ID_ROLE))
        mine = set(self.kit.post_ids)
        parts = [f"<h3>{scenario.inject_number(inject.id)}. {html.escape(inject.title)}</h3>"]
        facts = [x for x in (inject.scenario_time, inject.source) if x]
        if facts:
            parts.append(f"<p><i>{html.escape(' — '.join(facts))}</i></p>")
        parts.append("<p>" + html.escape(inject.text).replace("\n", "<br>") + "</p>")
        answer_key = self.tr("Answer key")
        if inject.expected:
            parts.append(f"<h4>{html.escape(answer_key)}</h4>")
        for post_id, actions in inject.expected.items():
            title = html.escape(scenario.post(post_id).title)
            title = f"<b>{title}</b>" if post_id in mine else title
            items = "".join(f"<li>{html.escape(a)}</li>" for a in actions)
            parts.append(f"<p>{title}</p><ul>{items}</ul>")
        self.inject_text.setHtml("".join(parts))

    def _note_on_inject(self) -> None:
        index = self.injects_view.currentIndex()
        if index.isValid():
            self.note_inject.setCurrentIndex(self.note_inject.findData(index.data(ID_ROLE)))
        self.tabs.setCurrentIndex(1)
        self.note_text.setFocus()

    # ------------------------------------------------------------------ the kit's file
    def check_kit_on_disk(self) -> bool:
        """Whether the kit is still where it was opened; when it is not (deleted, renamed,
        replaced, its USB stick pulled out), say so and offer to save a copy at once."""
        return self.file_watch.look()

    def _not_saved(self, error: Exception) -> None:
        """A change the kit's file did not take: told, with why; a kit that is gone is told as
        such, with the offer to save a copy."""
        if self.check_kit_on_disk():
            dialogs.show_error(self, not_saved(error, self.kit.path), details_of(error))

    def _kit_gone(self) -> None:
        text = self.tr(
            "The kit «%1» is no longer where it was opened (deleted, renamed, or its USB stick "
            "pulled out): nothing more can be saved in it, and what was saved is only held by "
            "this window until it closes. Save a copy of the kit now, elsewhere? Scoring then "
            "goes on in the copy.").replace("%1", str(self.kit.path))
        if dialogs.ask_yes_no(self, self.tr("The kit is gone"), text,
                              yes=self.tr("Save a copy now"), default_yes=True):
            copy = self.save_copy(told=False)
            if copy is not None:
                self._go_on_in(copy)

    def save_copy(self, told: bool = True) -> Path | None:
        """Save a whole copy of the kit where the observer chooses; scoring goes on in the kit
        that is open. The copy's path, or None."""
        kit = self.kit
        folder = Path(self.settings.last_folder) if self.settings is not None \
            and self.settings.last_folder else kit.path.parent
        target = save_copy(
            self, kit, title=self.tr("Save a copy of the kit"),
            filters=dialogs.file_filter(self.tr("Observer kits"), "*.dtkit"),
            suggested=folder / self.tr("%1 (copy)").replace("%1", kit.path.name),
            gone=not self.file_watch.is_there())
        if target is not None and told:
            dialogs.show_info(self, self.tr("Copy saved"), self.tr(
                "A copy of the kit as it is now is in\n%1\n\nScoring goes on in %2.").replace(
                "%1", str(target)).replace("%2", str(kit.path)))
        return target

    def open_copies_folder(self) -> None:
        """Show the folder of the kit's automatic copies on this computer."""
        if self.copies is not None:
            self.copies.show_folder()

    def _go_on_in(self, path: Path) -> bool:
        """Go on scoring in a copy of the kit (the kit open is gone): the copy is opened and
        takes the kit's place in this window, with what is typed and shown."""
        lock = claim(path, self)
        if lock is None:
            return False
        try:
            kit = KitFile.open(path)
        except (FileProblem, ActionError) as error:
            lock.release()
            dialogs.show_error(self, self.tr("The copy of the kit cannot be opened.")
                               + (f"\n\n{reason}" if (reason := told(error)) else ""),
                               details_of(error))
            return False
        old, self.kit = self.kit, kit
        for model in (self.posts_model, self.sheet_model, self.notes_model,
                      self.injects_model):
            model.kit = kit
        if self.copies is not None:
            self.copies.follow(kit)
        old.close()
        if self.lock is not None:
            self.lock.release()
        self.lock = lock
        self.file_watch.watch(path)
        self.statusBar().showMessage(self.tr("Scoring goes on in %1.").replace(
            "%1", str(path)), 15000)
        return True

    # ------------------------------------------------------------------ closing
    def close_at_once(self) -> None:
        """Close without a question (the computer is shutting down): the scores typed are kept
        as at any closing, and a note typed and not added waits for the next opening here."""
        self._closing_agreed = True
        self.close()

    def quit_program(self) -> None:
        """End the program (Ctrl+Q): this window closes, asking what its closing asks, then the
        program's other windows, each asking as its own closing does; one kept open stops it."""
        if not self.close():
            return
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QMainWindow) and window.isVisible() and not window.close():
                return

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closing_agreed and not self.file_watch.is_there():
            answer = dialogs.ask_choice(
                self, self.tr("The kit is gone"),
                self.tr("The kit «%1» is no longer where it was opened (deleted, renamed, or "
                        "its USB stick pulled out): its scores and notes are only held by this "
                        "window, and are lost when it closes. Save a copy of the kit before "
                        "closing?").replace("%1", str(self.kit.path)),
                [self.tr("Save a copy and close"), self.tr("Close and lose them"),
                 self.tr("Go back")])
            if answer == 2 or (answer == 0 and self.save_copy(told=False) is None):
                event.ignore()
                return
        if not self._closing_agreed and self._typed_note() is not None:
            answer = dialogs.ask_choice(
                self, self.tr("A note not added"),
                self.tr("The note typed on the Notes tab has not been added to the kit, and "
                        "a kit taken to the director goes without it. Add it now?\n\nClosed "
                        "without it, the note stays on this computer and comes back when the "
                        "kit is opened here again."),
                [self.tr("Add it and close"), self.tr("Close without adding it"),
                 self.tr("Go back to the note")])
            if answer == 0:
                self.add_note()
            if answer == 2 or (answer == 0 and self._typed_note() is not None):
                event.ignore()  # going back, or the note was not saved (told)
                self.tabs.setCurrentIndex(1)
                self.note_text.setFocus()
                return
        self._keep_typed_note()
        self.sheet_view.enter_typed()
        self.sheet_model.active = False
        self.file_watch.stop()
        if self.copies is not None:
            self.copies.let_go()  # the last scores, before the kit is let go
        if self.settings is not None:
            self.settings.sync()  # the post shown, for the next time
        self.kit.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self in _windows:
            _windows.remove(self)
        super().closeEvent(event)


def open_observer_window(path: str | Path, settings: Settings | None = None) -> QWidget | None:
    """Open a kit in the observer's window; a bad kit gives a plain message and no window, a kit
    already open in a window brings that window forward. The window comes back to the post it
    was on when the kit was last open, as `settings` remember it."""
    path = Path(path)
    for window in _windows:
        if same_path(window.kit.path, path):
            window.showNormal()
            window.raise_()
            window.activateWindow()
            return window
    lock = claim(path, QApplication.activeWindow())
    if lock is None:
        _quit_if_alone()
        return None
    try:
        kit = KitFile.open(path)
    except (FileProblem, ActionError) as error:
        lock.release()
        dialogs.show_error(
            QApplication.activeWindow(),
            QApplication.translate("ObserverWindow", "This observer kit cannot be opened.")
            + (f"\n\n{reason}" if (reason := told(error)) else "")
            + _copy_kept(path, settings),
            details_of(error))
        _quit_if_alone()
        return None
    try:
        window = ObserverWindow(kit, settings)
    except BaseException:  # the kit and its lock are let go: it can be opened again
        kit.close()
        lock.release()
        raise
    window.lock = lock
    _windows.append(window)
    window.show()
    return window


def _copy_kept(path: Path, settings: Settings | None) -> str:
    """Where the newest automatic copy of a kit of this name is on this computer, to open
    instead of the kit that cannot be opened; "" when there is none."""
    if settings is None:
        return ""
    from dientap_desktop.storage.copies import newest_copy

    try:
        copy = newest_copy(settings.data_folder, path)
    except OSError:
        return ""
    if copy is None or same_path(copy, path):
        return ""
    return "\n\n" + QApplication.translate(
        "ObserverWindow", "The program keeps automatic copies of the kits it opens on this "
                          "computer. The newest of a kit of this name, to open instead:\n%1"
    ).replace("%1", str(copy))


def _quit_if_alone() -> None:
    if not any(w.isVisible() for w in QApplication.topLevelWidgets()):
        QTimer.singleShot(0, QApplication.quit)  # opened alone: nothing left to show

