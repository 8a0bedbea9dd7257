"""Starts the Qt application: translations, settings, error handler, and the director's window."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSocketNotifier,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from dientap_desktop.paths import resources_dir

APP_NAME = "dientap"
_translators: list[QTranslator] = []
_translation_data: list[bytes] = []  # what the translators read from: Qt keeps no copy


def translations_dir() -> Path:
    """Where dientap_vi.qm lives."""
    return resources_dir() / "translations"


def _install_qm(app: QCoreApplication, name: str) -> None:
    """Install one of the program's .qm files, read into memory and not mapped from the file:
    a .qm rewritten while the program runs (an update of the program) would otherwise turn the
    window's texts English midway."""
    translator = QTranslator(app)
    try:
        data = (translations_dir() / name).read_bytes()
    except OSError:
        data = b""
    if data and translator.load(data):
        app.installTranslator(translator)
        _translators.append(translator)
        _translation_data.append(data)


def install_translations(app: QCoreApplication, language: str) -> None:
    """Use Vietnamese (the app's own .qm, which also holds Qt's standard buttons) or English."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    _translation_data.clear()
    if language == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        _install_qm(app, "dientap_vi.qm")
        qt_own = QTranslator(app)  # Qt ships no Vietnamese today; use it if a later Qt does
        if qt_own.load(QLocale(), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            _translators.append(qt_own)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        _install_qm(app, "dientap_en.qm")  # the English sources' plurals: "1 post", "2 posts"
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Exercise director"))


def make_application() -> QApplication:
    """The QApplication of the program (the existing one in tests)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "dientap.png")))
    return app


def open_kit(path: str, parent: QWidget | None = None, settings=None) -> bool:
    """Open an observer kit in the observer's window, if that part of the program is there;
    `settings` (ui/settings.py) remember the post the window was on. Whether a window shows
    the kit: False when the kit cannot be opened (after saying why)."""
    from dientap_desktop.ui import dialogs

    try:
        from dientap_desktop.ui.observer.window import open_observer_window
    except ImportError as error:
        dialogs.show_error(
            parent,
            QCoreApplication.translate(
                "App", "This is an observer kit, and the observer's window is not part of this "
                       "version of the program."),
            f"{path}\n{error}")
        return False
    return open_observer_window(path, settings) is not None


def build_window(settings, path: str | None = None, opening=None, projector=None,
                 reopening: bool = False):
    """The director's window, opened on a file when one is given (the file first, then the
    window is shown: the director sees the exercise at once; other menus are added just after).
    `opening` is that file already being read in a background thread (storage/opening.py);
    `projector` the projector window of the window this one replaces, which it takes over;
    `reopening` when the file is the one that window had open: nothing is told about it again."""
    from dientap_desktop.ui.main_window import MainWindow

    window = MainWindow(settings, language_switcher=switch_language, defer_extensions=True)
    window.reopening = reopening
    if path:
        window.open_file(path, opening=opening)
    if projector is not None:
        window.adopt_projector(projector)
    window.show()
    return window


def switch_language(old_window) -> None:
    """Rebuild the window in the language now chosen, on the same exercise; the projector
    window stays open for the room (where it is, full screen if it was) and follows the new
    window."""
    app = QApplication.instance()
    path = str(old_window.exercise.path) if old_window.exercise else None
    where = old_window.where()
    projector = old_window.release_projector()
    if not old_window.close():  # the director chose to go back
        if projector is not None:
            old_window.adopt_projector(projector)
        return
    install_translations(app, old_window.settings.language)
    window = build_window(old_window.settings, path, projector=projector, reopening=True)
    window.go_back_to(where)
    _windows.clear()
    _windows.append(window)


_windows: list = []


def start(path: str | None = None, settings_path: str | None = None):
    """The application with its translations, error handler and director's window (opened on
    `path`, an exercise file): what `dientap` runs, and what the start-up benchmark times."""
    opening = None
    if path:  # checked and read in a thread while the rest of the program is imported
        from dientap_desktop.storage.opening import Opening

        opening = Opening(path)
    # Start-up makes many objects and drops few: no garbage collection while the window is made.
    # What it made is set aside (frozen) until the window is painted; the window then collects
    # it once and freezes what lives on (MainWindow._settle).
    collecting = gc.isenabled()
    gc.disable()
    try:
        from dientap_desktop.ui import errors
        from dientap_desktop.ui.settings import Settings

        app = make_application()
        settings = Settings(settings_path)
        install_translations(app, settings.language)
        errors.install()
        window = build_window(settings, path, opening)
        _windows.append(window)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    return app, window


def end_on_request(app: QApplication) -> None:
    """A request to end the program (the computer shutting down or the session closing:
    SIGTERM, SIGHUP; Ctrl+C in its terminal) closes every window as its close button would,
    without a question: the drafts kept, the file let go whole (its -wal folded in, so that a
    copy of the file alone holds everything), its lock removed. Python would otherwise end at
    once and leave them. (Windows sends a window program no such signals.)"""
    import signal
    import socket

    if not hasattr(signal, "SIGHUP"):
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    # The signal's number is written to the socket, and the event loop wakes for it: a Python
    # handler alone would wait for the next Python code the loop happens to run.
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(number, lambda *_: None)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def requested() -> None:
        try:
            reader.recv(64)
        except OSError:
            pass
        notifier.setEnabled(False)  # once is enough
        _end_now(app)

    notifier.activated.connect(requested)
    _ending.extend((reader, writer, notifier))  # kept alive while the program runs


_ending: list = []


def _end_now(app: QApplication) -> None:
    """Close the dialogs open over the windows (as their Cancel would, without asking about what
    was typed in them), then every window."""
    from dientap_desktop.ui import dialogs

    dialogs.end_without_questions()
    for _ in range(20):
        modal = QApplication.activeModalWidget()
        if modal is None:
            break
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()
    QTimer.singleShot(0, lambda: _close_windows(app))  # once the dialogs' loops have ended


def _close_windows(app: QApplication) -> None:
    for window in QApplication.topLevelWidgets():
        close_at_once = getattr(window, "close_at_once", None)
        if close_at_once is not None and window.isVisible():
            close_at_once()
    app.quit()


def run_app(path: str | None = None) -> int:
    """Run the window until it is closed; `path` is an exercise file or an observer kit."""
    if path:  # as the recent files, the lock and the folders shown beside it name it
        path = os.path.abspath(path)
    if path and is_kit(path):
        app = make_application()
        from dientap_desktop.ui.settings import Settings

        settings = Settings()
        install_translations(app, settings.language)
        from dientap_desktop.ui import errors

        errors.install()
        if open_kit(path, settings=settings):
            end_on_request(app)
            return app.exec()
        # The kit cannot be opened, and the observer's window said why: the welcome view, as
        # for an exercise file that cannot be opened. That window, alone, asked the program to
        # end: asked now, outside the event loop, it does nothing.
        app.processEvents()
        path = None
    app, _window = start(path)
    end_on_request(app)
    return app.exec()


def is_kit(path: str | Path) -> bool:
    """Whether to open the observer's window: a kit by its content, whatever its name; a file
    that is neither kind by its name (its problem is then told as a kit's)."""
    from dientap_desktop.storage.exercise_file import file_kind

    kind = file_kind(path)
    return kind == "kit" or (kind is None and Path(path).suffix.lower() == ".dtkit")
