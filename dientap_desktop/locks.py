"""One program at a time writing a file (an exercise or a kit): a lock file beside it (Qt's
QLockFile), held by a window while it has the file open and by a command while it writes into it.
A killed program leaves it behind, and the next one recognises it as stale (its process is gone).

The lock is named after the file itself, not after the name it was opened by: a link to the
file (a symbolic link, a linked folder) leads to the same lock. A hard link, another name of
the same file, is found by a second lock named after the file's identity on this computer (its
device and inode numbers), in the system's temporary folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QSysInfo

from dientap_desktop.storage.database import FileProblem


class FileLock:
    """The lock of one file, held while a window has it open or a command writes into it."""

    def __init__(self, path: str | Path):
        self.file = QLockFile(lock_name(path))
        # Stale only when the process that made it is gone, never by age: an exercise runs
        # for hours, and a lock from another computer (a shared folder) is never guessed stale.
        self.file.setStaleLockTime(0)
        identity = identity_lock_name(path)
        self.same_file = QLockFile(identity) if identity else None
        if self.same_file is not None:
            self.same_file.setStaleLockTime(0)
        self._refused = self.file  # the lock another window holds, when `acquire` fails

    def acquire(self) -> bool:
        """Take the lock; False when another window or program holds it. A folder where the
        lock cannot be written (read-only) does not stop the opening: there is nothing to
        protect from, as no window can write there either."""
        same = self.same_file
        if same is not None and not same.isLocked() and not same.tryLock(0) \
                and same.error() == QLockFile.LockError.LockFailedError:
            self._refused = same  # open in a window of this computer under another name
            return False
        if self.file.isLocked() or self.file.tryLock(0) \
                or self.file.error() != QLockFile.LockError.LockFailedError:
            return True
        self._refused = self.file
        if same is not None and same.isLocked():
            same.unlock()
        return False

    def holder(self) -> tuple[int, str]:
        """(process id, computer name) of whoever holds the lock, as far as it can be read."""
        info = self._refused.getLockInfo()
        pid, host = info[-3], info[-2]  # older PySide6 put a success flag first
        return int(pid or 0), str(host or "")

    def held_here(self) -> bool:
        """Whether the holder runs on this computer (then it is alive: Qt found its process)."""
        return self.holder()[1] == QSysInfo.machineHostName()

    def held_by_this_program(self) -> bool:
        """Whether the holder is this very process (a lock it failed to let go)."""
        return self.held_here() and self.holder()[0] == QCoreApplication.applicationPid()

    def take_over(self) -> bool:
        """Remove the lock left by another computer (the user says that window is gone: the
        computer was switched off) and take it; False when the file cannot be removed (the
        other computer still has it open)."""
        try:
            Path(self._refused.fileName()).unlink(missing_ok=True)
        except OSError:
            return False
        return self.acquire()

    def release(self) -> None:
        """Let the file go. If another computer took the file over meanwhile ("open here
        anyway"), its lock stays: Qt would delete whatever lock file has this name."""
        if self.same_file is not None and self.same_file.isLocked():
            self.same_file.unlock()
        if not self.file.isLocked():
            return
        name = Path(self.file.fileName())
        pid, host = self.holder()
        theirs = None
        if (pid, host) != (QCoreApplication.applicationPid(), QSysInfo.machineHostName()):
            try:
                theirs = name.read_bytes()
            except OSError:
                theirs = None
        self.file.unlock()
        if theirs is not None:
            try:
                name.write_bytes(theirs)
            except OSError:
                pass  # the other computer's window goes on; only its warning is lost


def lock_name(path: str | Path) -> str:
    """The lock file of a file: beside the file itself, links followed."""
    try:
        real = Path(path).resolve()
    except (OSError, RuntimeError):  # a loop of links: the name as given
        real = Path(path).absolute()
    return f"{real}.lock"


def identity_lock_name(path: str | Path) -> str | None:
    """The second lock of a file: named after its device and inode numbers, the same whatever
    name the file is opened by, a hard link made later included; None for a file not there
    (yet) or whose file system gives no inode numbers."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    if not found.st_ino:
        return None
    return str(Path(tempfile.gettempdir()) / f"dientap-{found.st_dev:x}-{found.st_ino:x}.lock")


@contextmanager
def held_for_writing(path: str | Path, *, kit: bool = False,
                     there: str | None = None) -> Iterator[None]:
    """The file's lock, held while a command writes into the file (an exercise, or a `kit`);
    FileProblem (nothing is written) while a window has it open: what the window holds would go
    stale, and the window could write it back over what the command wrote. `there` says how
    to do the same in the window (by default: importing scores, and merging into an exercise)."""
    lock = FileLock(path)
    if not lock.acquire():
        pid, host = lock.holder()
        if lock.held_here():
            if there is None:
                there = "import the scores there (Kit → Import scores from a CSV file…)" if kit \
                    else "merge kits and import scores there (the Evaluation menu)"
            raise FileProblem(
                f"{path}: the file is open in a window of the program (process {pid}); "
                f"{there + ', or ' if there else ''}close the window first; nothing was changed")
        raise FileProblem(
            f"{path}: the file is open in the program on another computer ({host or '?'}); "
            "close it there first (if that computer is switched off, delete "
            f"{Path(lock_name(path)).name}); nothing was changed")
    try:
        yield
    finally:
        lock.release()
