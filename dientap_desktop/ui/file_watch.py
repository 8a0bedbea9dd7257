"""The file a window has open, watched on its disk, copied by itself, and saved elsewhere.

A file deleted, renamed, replaced or on a USB stick pulled out while a window has it open is not
the end of what was done in it: the window's connection still holds all of it, and a copy made
from that connection keeps it. The director's window and the observer's both watch their file
with a `FileWatch`, keep `AutomaticCopies` of it, and save their copies through `save_copy`.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from dientap_desktop.locks import FileLock
from dientap_desktop.storage import copies
from dientap_desktop.storage.database import FileProblem, same_path, sqlite_problem
from dientap_desktop.ui import dialogs
from dientap_desktop.ui.errors import details_of, with_reason

WATCH_SECONDS = 5  # how often the open file is looked for on its disk


def identity(path: str | Path) -> tuple[int, int] | None:
    """The file at a path (its device and inode), or None when there is none."""
    try:
        status = Path(path).stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


class FileWatch(QObject):
    """Looks every few seconds whether the file a window has open is still where it was opened.

    `looked` is emitted after each look that found it there; `is_there` tells it at any time.
    """

    looked = Signal()
    gone = Signal()  # emitted once, on the first look that does not find it

    def __init__(self, parent: QObject | None = None, seconds: int = WATCH_SECONDS):
        super().__init__(parent)
        self.path: Path | None = None
        self._identity: tuple[int, int] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(seconds * 1000)
        self.timer.timeout.connect(self.look)

    def watch(self, path: str | Path) -> None:
        """Watch this file (just opened) from now on."""
        self.path = Path(path)
        self._identity = identity(path)
        self.timer.start()

    def stop(self) -> None:
        """Watch no more (the file is closed, or its going was told)."""
        self.timer.stop()

    def is_there(self) -> bool:
        """Whether the file watched is still the one opened, where it was opened."""
        return self.path is None or self._identity is None \
            or identity(self.path) == self._identity

    def look(self) -> bool:
        """Look for the file now: whether it is there; if not, `gone` (once: watching stops)."""
        if self.is_there():
            self.looked.emit()
            return True
        self.stop()
        self.gone.emit()
        return False


class AutomaticCopies(QObject):
    """A copy of the file a window has open (an ExerciseFile or a KitFile), made in the
    program's data folder every ten minutes when it changed and when it is let go: a file
    deleted, overwritten or on a dead disk is not the end of the record. A copy that cannot be
    made is told once; the work goes on in the file."""

    def __init__(self, window: QWidget, base: Callable[[], Path], failed: str):
        super().__init__(window)
        self.window = window
        self.base = base  # the program's data folder
        self.failed = failed  # what is told when a copy cannot be made
        self.opened = None
        self._copied: tuple[int, int] | None = None
        self._failure_told = False
        self.timer = QTimer(self)
        self.timer.setInterval(copies.COPY_MINUTES * 60_000)
        self.timer.timeout.connect(self.keep)

    def follow(self, opened) -> None:
        """Copy this file (just opened) from now on: nothing until it changes."""
        self.opened = opened
        self._copied = copies.changes(opened)
        self.timer.start()

    def keep(self) -> None:
        """Make a copy of the open file if it changed since the last one."""
        opened = self.opened
        if opened is None or copies.changes(opened) == self._copied:
            return
        try:
            copies.keep_copy(opened, self.base())
        except Exception as error:  # the disk, the folder: said once, the work goes on
            if not self._failure_told:
                self._failure_told = True
                problem = copy_problem(copies.copies_folder(self.base(), opened), error)
                dialogs.show_error(self.window, with_reason(self.failed, problem),
                                   details_of(error))
            return
        self._copied = copies.changes(opened)

    def let_go(self) -> None:
        """The file is being closed: its last changes are copied, then no more."""
        self.timer.stop()
        self.keep()
        self.opened = None

    def folder(self) -> Path:
        """The folder of the open file's copies, or of all of them."""
        return copies.copies_folder(self.base(), self.opened) if self.opened is not None \
            else self.base() / copies.FOLDER

    def show_folder(self) -> None:
        """Show the folder of the copies in the computer's file manager (or say where it is)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = self.folder()
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            dialogs.show_info(self.window, _tr("Automatic copies"), _tr(
                "No program on this computer opens folders. The automatic copies are in: %1")
                .replace("%1", str(folder.absolute())))


def save_copy(parent: QWidget, opened, *, title: str, filters: str, suggested: Path,
              gone: bool) -> Path | None:
    """Ask where, then save a whole copy of an open file (an ExerciseFile or a KitFile: its
    `save_copy`) from what its connection holds; the copy's path, or None (cancelled, or
    refused and told). `gone`: the open file is no longer where it was opened."""
    suffix = Path(opened.path).suffix
    path = dialogs.choose_save_path(parent, title, filters, str(suggested), suffix=suffix)
    if not path:
        return None
    target = Path(path)
    if same_path(target, opened.path):
        dialogs.show_error(parent, _tr(
            "This is the name of the file that is gone: choose another name or folder for the "
            "copy.") if gone else _tr(
            "This is the open file itself: choose another name or folder for the copy."))
        return None
    lock = FileLock(target)
    if not lock.acquire():  # another window works on that file: it is not replaced
        dialogs.show_error(parent, _tr(
            "«%1» is open in another window: choose another name for the copy.").replace(
            "%1", target.name))
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        opened.save_copy(target, replace=True)  # the file dialog asked about replacing
    except Exception as error:  # FileProblem, OSError, sqlite3.Error: the disk, the folder
        QGuiApplication.restoreOverrideCursor()
        from dientap_desktop.ui.problems import told  # its table is built when needed

        reason = told(copy_problem(target, error))
        dialogs.show_error(parent, _tr("The copy could not be saved.")
                           + (f"\n\n{reason}" if reason else ""), details_of(error))
        return None
    finally:
        lock.release()
    QGuiApplication.restoreOverrideCursor()
    return target


def copy_problem(target: Path, error: Exception) -> Exception:
    """What stopped a copy, as storage tells a file's problem (a full disk, a folder that
    cannot be written...), so that the window can say it in its language."""
    from dientap_desktop.temporary import WriteFailed

    if isinstance(error, sqlite3.Error):
        return sqlite_problem(str(target), error, target)
    if isinstance(error, WriteFailed):  # told already, as the copy or its folder
        return error
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return FileProblem(f"{target}: the disk is full ({error.strerror}); make room on it, "
                           "then try again")
    return error


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileWatch", text)
