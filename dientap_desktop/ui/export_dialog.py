"""Export the report PDFs from the director's window: a worker thread, a progress bar, Cancel."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dientap_desktop.domain.snapshot import ExerciseSnapshot
from dientap_desktop.reports.export import (
    REPORT_KEYS,
    ExportCancelled,
    ReportFailure,
    ReportsNotMade,
    export_reports,
)
from dientap_desktop.ui import dialogs
from dientap_desktop.ui.errors import with_reason
from dientap_desktop.ui.jobs import Job, JobRunner

ExportFunction = Callable[..., list[Path]]


def open_folder(folder: Path) -> bool:
    """Show the folder in the system's file manager; False when no program on this computer
    opens folders (a bare Linux without a desktop's file manager)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(folder).absolute())))


def _folder_problem(details: str) -> bool:
    """Whether a job's traceback ends in an error of the file system (OSError and its kind)."""
    lines = details.strip().splitlines()
    name = lines[-1].split(":", 1)[0].rsplit(".", 1)[-1] if lines else ""
    kind = getattr(builtins, name, None)
    return isinstance(kind, type) and issubclass(kind, OSError)


class ExportWorker(Job):
    """Writes the PDFs from plain data in its own thread; never touches a widget."""

    cancel_errors = (ExportCancelled,)

    def __init__(self, snapshot: ExerciseSnapshot, folder: Path, keys: Sequence[str],
                 export: ExportFunction = export_reports):
        super().__init__()
        self.snapshot = snapshot
        self.folder = folder
        self.keys = tuple(keys)
        self.export = export
        self.problem: OSError | None = None  # what the disk or the folder refused

    def work(self) -> tuple[list[str], list[ReportFailure]]:
        """The paths of the PDFs written, and the documents that could not be made."""
        try:
            paths = self.export(self.snapshot, self.folder, self.keys,
                                progress=self.progress.emit, cancelled=self.stopped)
        except ReportsNotMade as problem:
            return [str(p) for p in problem.written], list(problem.failures)
        except OSError as error:  # the file or folder it names, told by the dialog
            self.problem = error
            raise
        return [str(p) for p in paths], []


class ExportDialog(QDialog):
    """Choose the documents and the folder, then export while the window stays usable."""

    finished_export = Signal(list)

    def __init__(self, parent: QWidget | None, snapshot: Callable[[], ExerciseSnapshot],
                 folder: str | Path, export: ExportFunction = export_reports):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export reports"))
        self._snapshot = snapshot
        self._export = export
        self._jobs = JobRunner(self)
        self.written: list[str] = []

        names = {
            "scoring": self.tr("&Scoring sheets, filled in"),
            "blank": self.tr("&Blank scoring sheets, for scoring on paper"),
            "summary": self.tr("S&ummary of results, with the chart"),
            "log": self.tr("Exercise &log"),
            "aar": self.tr("&After-action report"),
        }
        self.checks: dict[str, QCheckBox] = {}
        documents = QGroupBox(self.tr("Documents"))
        box = QVBoxLayout(documents)
        for key in REPORT_KEYS:
            check = QCheckBox(f"{names[key]} ({key}.pdf)")
            check.setChecked(True)
            check.toggled.connect(self._update_buttons)
            self.checks[key] = check
            box.addWidget(check)

        self.folder_edit = QLineEdit(str(folder))
        self.folder_edit.textChanged.connect(self._update_buttons)
        choose = QPushButton(self.tr("C&hoose…"))
        choose.setAutoDefault(False)  # Enter exports: the folder is chosen with a click or Space
        choose.clicked.connect(self.choose_folder)
        self.choose_button = choose
        row = QHBoxLayout()
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder_edit)
        row.addWidget(folder_label)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(choose)
        self.open_check = QCheckBox(self.tr("&Open the folder when done"))
        self.open_check.setChecked(True)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, len(REPORT_KEYS))
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(True)
        self.status = QLabel(" ")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(  # the folder's path, to copy
            Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)  # in the dialog now, so that Enter finds Export
        self.export_button = self.buttons.addButton(self.tr("&Export"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addWidget(documents)
        layout.addLayout(row)
        layout.addWidget(self.open_check)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._update_buttons()

    # ------------------------------------------------------------------ state
    @property
    def running(self) -> bool:
        """Whether an export is under way."""
        return self._jobs.running

    def keys(self) -> list[str]:
        """The keys of the documents ticked, in the standard order."""
        return [key for key in REPORT_KEYS if self.checks[key].isChecked()]

    def _update_buttons(self) -> None:
        ready = bool(self.keys()) and bool(self.folder_edit.text().strip())
        self.export_button.setEnabled(ready and not self.running)
        for widget in (*self.checks.values(), self.folder_edit):
            widget.setEnabled(not self.running)

    # ------------------------------------------------------------------ actions
    def choose_folder(self) -> None:
        """Ask for the folder to write the PDFs in."""
        path = dialogs.choose_folder(self, self.tr("Folder for the reports"),
                                     self.folder_edit.text())
        if path:
            self.folder_edit.setText(path)

    def start(self) -> None:
        """Take the exercise as it is now and write the PDFs in a worker thread."""
        if self.running or not self.keys():
            return
        folder = Path(self.folder_edit.text().strip()).expanduser()
        try:
            snapshot = self._snapshot()
        except Exception as error:  # a damaged file: say so, keep the dialog
            dialogs.show_error(self, self.tr("The exercise could not be read."),
                               f"{type(error).__name__}: {error}")
            return
        keys = self.keys()
        self.written = []
        self.progress_bar.setRange(0, len(keys))
        self.progress_bar.setValue(0)
        self.status.setText(self.tr("Writing…"))
        self._jobs.start(ExportWorker(snapshot, folder, keys, self._export),
                         progress=self._on_progress, done=self._on_done,
                         failed=self._on_failed, cancelled=self._on_cancelled)
        self.cancel_button.setText(self.tr("Cancel"))
        self._update_buttons()

    def cancel_or_close(self) -> None:
        """Stop a running export (what is written stays whole), or close the dialog."""
        if self.running:
            self._jobs.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    # ------------------------------------------------------------------ from the worker
    def _on_progress(self, done: int, total: int, title: str) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        if title:
            self.status.setText(self.tr("Writing: %1").replace("%1", title))

    def _stop_thread(self) -> None:
        self._jobs.stop()
        self.cancel_button.setEnabled(True)
        self._update_buttons()

    def _say(self, message: str) -> None:
        """Put `message` in the status line and let the dialog grow to hold it: a message on
        several lines never squeezes the documents' rows above it."""
        self.status.setText(message)
        self.layout().activate()
        wanted = self.sizeHint().height()
        if self.height() < wanted:
            self.resize(self.width(), wanted)

    def _on_done(self, outcome: tuple[list, list]) -> None:
        self._stop_thread()
        paths, failures = outcome
        self.written = list(paths)
        self.progress_bar.setValue(self.progress_bar.maximum())
        folder = Path(paths[0]).parent if paths else Path(self.folder_edit.text())
        if paths and self.open_check.isChecked() and not open_folder(folder):
            message = self.tr(
                "Documents written: %1. The folder could not be opened: no program on this "
                "computer opens folders. The documents are in: %2")
            folder = folder.absolute()
        else:
            message = self.tr("Documents written: %1, in %2.")
        message = message.replace("%1", str(len(paths))).replace("%2", str(folder))
        if failures:
            message += " " + self.tr("Not made: %1.").replace(
                "%1", ", ".join(f.filename for f in failures))
        self._say(message)
        self.cancel_button.setText(self.tr("Close"))
        self.finished_export.emit(self.written)
        if failures:
            self._show_failures(failures)

    def _show_failures(self, failures: list[ReportFailure]) -> None:
        """Say which documents could not be made and why (their content, or their own file:
        a folder in its place, a full disk); the others were written."""
        from dientap_desktop.ui.problems import in_language  # its table is built when needed

        why = {
            True: self.tr("a part of its content could not be laid out on the pages"),
            False: self.tr("the program failed while making it"),
        }
        lines = [self.tr("%1 (%2): %3.").replace("%1", f.title).replace("%2", f.filename)
                 .replace("%3", in_language(f.error) if f.file else why[f.layout])
                 for f in failures]
        dialogs.show_error(
            self, self.tr("These documents could not be made; the others were written:")
            + "\n" + "\n".join(lines),
            "\n".join(f"{f.filename}: {f.error}" for f in failures))

    def _on_cancelled(self) -> None:
        self._stop_thread()
        self._say(self.tr("Cancelled. The documents already written are complete; "
                          "the one being written was removed."))

    def _on_failed(self, details: str) -> None:
        from dientap_desktop.ui.problems import is_known  # its table is built when needed

        problem = getattr(self._jobs.job, "problem", None)
        self._stop_thread()
        self._say(self.tr("The reports could not be written."))
        if problem is not None and is_known(str(problem)):  # the file or folder, and why
            message = with_reason(self.tr("The reports could not be written."), problem)
        elif _folder_problem(details):
            message = self.tr("The reports could not be written. Check that the folder exists "
                              "and that you may write in it.")
        else:
            message = self.tr("The reports could not be written: the program failed while "
                              "making them. Copy the details for whoever looks after it.")
        dialogs.show_error(self, message, details)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.running:
            self._jobs.cancel()
            self._stop_thread()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.running:
            self.cancel_or_close()
            return
        super().reject()


def default_folder(exercise_path: Path) -> Path:
    """Where the reports go unless the user chooses: a folder beside the exercise file, named
    in the window's language ("… - báo cáo")."""
    reports = QCoreApplication.translate("ExportDialog", "reports")  # the folder's name
    return exercise_path.parent / f"{exercise_path.stem} - {reports}"


def install(window) -> None:
    """Add "Export reports…" to the director window's Reports menu."""
    menu = window.menu("reports")
    action = QAction(QCoreApplication.translate("ExportDialog", "&Export reports…"), window)
    action.setShortcut("Ctrl+Shift+E")
    action.setStatusTip(QCoreApplication.translate(
        "ExportDialog",
        "Write the scoring sheets, summary, log and after-action report as PDF files"))

    def enable() -> None:
        action.setEnabled(window.exercise is not None)

    def run() -> None:
        exercise = window.exercise
        if exercise is None:
            return
        dialog = getattr(window, "_export_dialog", None)
        if dialog is None or dialog.running is False:
            dialog = ExportDialog(window, exercise.snapshot, default_folder(Path(exercise.path)))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda: setattr(window, "_export_dialog", None))
            window._export_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    action.triggered.connect(run)
    menu.aboutToShow.connect(enable)
    menu.addAction(action)
    window.act_export_reports = action
    getattr(window, "exercise_actions", []).append(action)  # enabled as an exercise opens
    enable()
