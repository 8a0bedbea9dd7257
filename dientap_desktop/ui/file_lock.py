"""The lock of a file a window opens (see dientap_desktop.locks): a file open in another window
sends the user there, one held by a computer that is gone can be taken over."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from dientap_desktop.locks import FileLock
from dientap_desktop.ui import dialogs


def claim(path: Path, parent: QWidget | None) -> FileLock | None:
    """The lock of a file a window is about to open, or None when another window has it: on
    this computer the user is sent to it; from another one (a shared folder) the file opens
    here only if the user says that window is gone."""
    lock = FileLock(path)
    if lock.acquire():
        return lock
    _pid, host = lock.holder()
    if lock.held_by_this_program() and lock.take_over():
        return lock  # a lock this program failed to let go (no window of it has the file)
    if lock.held_here():
        dialogs.show_info(parent, _tr("The file is open in another window"), _tr(
            "«%1» is already open in another window of the program on this computer (see the "
            "taskbar). Carry on in that window: two windows on one file do not see each "
            "other's changes.\n\nIf there is no such window, a dientap command (merge, "
            "import-scores) is writing into the file: open it again in a moment.")
            .replace("%1", path.name))
        return None
    text = _tr(
        "«%1» is open in the program on another computer (%2). Two windows on one file do not "
        "see each other's changes: carry on there.\n\nOpen it here only if that computer is "
        "switched off or no longer uses the file."
    ).replace("%1", path.name).replace("%2", host or "?")
    if not dialogs.ask_yes_no(parent, _tr("The file is open elsewhere"), text,
                              yes=_tr("Open here anyway"), no=_tr("Cancel")):
        return None
    if lock.take_over():
        return lock
    dialogs.show_info(parent, _tr("The file is open elsewhere"), _tr(
        "The lock of «%1» cannot be removed: the other computer still has the file open. "
        "Close it there, then open it here.").replace("%1", path.name))
    return None


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileLock", text)
