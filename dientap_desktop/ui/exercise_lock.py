"""One window at a time on an exercise file: a lock file beside it (Qt's QLockFile), which a
killed program leaves behind and the next one recognises as stale (its process is gone)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile, QSysInfo


class ExerciseLock:
    """The lock of one exercise file, held while a window has it open."""

    def __init__(self, path: str | Path):
        self.file = QLockFile(str(path) + ".lock")
        # Stale only when the process that made it is gone, never by age: an exercise runs
        # for hours, and a lock from another computer (a shared folder) is never guessed stale.
        self.file.setStaleLockTime(0)

    def acquire(self) -> bool:
        """Take the lock; False when another window or program holds it. A folder where the
        lock cannot be written (read-only) does not stop the opening: there is nothing to
        protect from, as no window can write there either."""
        if self.file.tryLock(0):
            return True
        return self.file.error() != QLockFile.LockError.LockFailedError

    def holder(self) -> tuple[int, str]:
        """(process id, computer name) of whoever holds the lock, as far as it can be read."""
        info = self.file.getLockInfo()
        pid, host = info[-3], info[-2]  # older PySide6 put a success flag first
        return int(pid or 0), str(host or "")

    def held_here(self) -> bool:
        """Whether the holder runs on this computer (then it is alive: Qt found its process)."""
        return self.holder()[1] == QSysInfo.machineHostName()

    def take_over(self) -> bool:
        """Remove the lock left by another computer (the director says that window is gone:
        the computer was switched off) and take it."""
        Path(self.file.fileName()).unlink(missing_ok=True)
        return self.acquire()

    def release(self) -> None:
        """Let the file go."""
        self.file.unlock()
