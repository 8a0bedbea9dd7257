"""Long work off the window's thread: one job class and one runner that every dialog uses."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot


class Job(QObject):
    """Work done in its own thread from plain data (or its own connection); never a widget.

    A subclass defines `work()`, which returns the result, calls `self.progress.emit(done,
    total, label)` as it goes and stops soon after `self.stopped()` turns true; exceptions of
    the types in `cancel_errors` mean it stopped when asked.
    """

    progress = Signal(int, int, str)
    done = Signal(object)
    cancelled = Signal()
    failed = Signal(str)
    cancel_errors: tuple[type[BaseException], ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop (safe from any thread)."""
        self._stop.set()

    def stopped(self) -> bool:
        """Whether the job was asked to stop."""
        return self._stop.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self.work()
        except self.cancel_errors:
            self.cancelled.emit()
        except Exception:  # shown to the user with its details; the thread must end cleanly
            self.failed.emit(traceback.format_exc())
        else:
            self.done.emit(result)


class JobRunner:
    """Runs one job at a time in a thread owned by a widget; its signals arrive in the window's
    thread, and stopping waits for the thread so nothing outlives the dialog."""

    def __init__(self, owner: QObject) -> None:
        self.owner = owner
        self.thread: QThread | None = None
        self.job: Job | None = None

    @property
    def running(self) -> bool:
        """Whether a job is under way."""
        return self.job is not None

    def start(
        self,
        job: Job,
        *,
        progress: Callable[[int, int, str], None],
        done: Callable[[object], None],
        failed: Callable[[str], None],
        cancelled: Callable[[], None] | None = None,
    ) -> None:
        """Start the job in a new thread, its signals connected to these slots."""
        queued = Qt.ConnectionType.QueuedConnection
        self.thread = QThread(self.owner)
        self.job = job
        job.moveToThread(self.thread)
        self.thread.started.connect(job.run)
        job.progress.connect(progress, queued)
        job.done.connect(done, queued)
        job.failed.connect(failed, queued)
        if cancelled is not None:
            job.cancelled.connect(cancelled, queued)
        self.thread.start()

    def cancel(self) -> None:
        """Ask the running job to stop."""
        if self.job is not None:
            self.job.cancel()

    def stop(self) -> None:
        """End the thread (after the job returned) and forget the job."""
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()
            self.thread.deleteLater()
        if self.job is not None:
            self.job.deleteLater()
        self.thread = self.job = None
