"""Importing scores typed from paper: a preview that lists bad rows before anything is written."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dientap_desktop.domain.scenario import Scenario
from dientap_desktop.domain.score_csv import (
    CsvError,
    ScoreRow,
    new_observers,
    read_csv_bytes,
    read_scores_csv,
)
from dientap_desktop.storage.exercise_file import ActionError, ScoreChanges
from dientap_desktop.ui import dialogs
from dientap_desktop.ui.labels import score_text
from dientap_desktop.ui.models import GREY, _Table
from dientap_desktop.ui.problems import in_language
from dientap_desktop.ui.widgets import fit_columns, table_view

Index = QModelIndex | QPersistentModelIndex
CSV_FILTER = "*.csv"


def sheet_names(scenario: Scenario | None) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """The posts' titles by id, and each post's criteria as numbered on its sheet ("2. Xử trí
    tình huống…") by post and criterion: as the paper the scores were typed from names them."""
    if scenario is None:
        return {}, {}
    return ({p.id: p.title for p in scenario.posts},
            {(post, criterion): f"{number}. {scenario.criterion(criterion).text}"
             for (post, criterion), number in scenario.criterion_numbers.items()})


class PreviewModel(_Table):
    """The rows of a CSV about to be imported, with what each will do to the current scores.

    With the scenario, a row shows its post's title and its criterion as numbered on the post's
    sheet ("2. Xử trí tình huống…"), as the paper the scores were typed from shows them; the
    ids of the file are in the tooltips.
    """

    LINE, OBSERVER, POST, CRITERION, SCORE, COMMENT, EFFECT = range(7)

    def __init__(self, rows: list[ScoreRow], current: dict, parent: QObject | None = None,
                 scenario: Scenario | None = None):
        super().__init__(parent)
        self.headers = (self.tr("Line"), self.tr("Observer"), self.tr("Post"),
                        self.tr("Criterion"), self.tr("Score"), self.tr("Comment"),
                        self.tr("Effect"))
        self._rows = rows
        self._current = current
        self._posts, self._criteria = sheet_names(scenario)

    def post_text(self, row: ScoreRow) -> str:
        """The post's title, or its id without the scenario."""
        return self._posts.get(row.post_id, row.post_id)

    def criterion_text(self, row: ScoreRow) -> str:
        """The criterion's number on the post's sheet and its text, or its id."""
        return self._criteria.get((row.post_id, row.criterion_id), row.criterion_id)

    def kept_comment(self, row: ScoreRow) -> str | None:
        """The comment already given that the row keeps, saying nothing of it (no comment
        column); None when the row gives its own comment."""
        if row.comment is not None:
            return None
        old = self._current.get((row.observer, row.post_id, row.criterion_id))
        return old.comment if old is not None else ""

    def effect(self, row: ScoreRow) -> str:
        """New, unchanged, or the score it replaces."""
        old = self._current.get((row.observer, row.post_id, row.criterion_id))
        if old is None:
            return self.tr("new")
        comment = row.comment if row.comment is not None else old.comment
        if (old.value, old.comment) == (row.value, comment):
            return self.tr("unchanged")
        return self.tr("replaces %1").replace("%1", score_text(old.value))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        kept = self.kept_comment(row) if column == self.COMMENT else None
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text, and the id the file gives
            if column == self.POST:
                return f"{self.post_text(row)} ({row.post_id})"
            if column == self.CRITERION:
                return f"{self.criterion_text(row)} ({row.criterion_id})"
            if kept:
                return self.tr("Kept as it is: the file gives no comment for this row.\n%1") \
                    .replace("%1", kept)
            if column == self.COMMENT:
                return row.comment or None
            return None
        if role == Qt.ItemDataRole.ForegroundRole and kept:  # not from the file: greyed
            return GREY[1]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (str(row.line), row.observer, self.post_text(row), self.criterion_text(row),
                score_text(row.value), row.comment if kept is None else kept,
                self.effect(row))[column]


class CsvImportDialog(QDialog):
    """Shows what a CSV of scores holds, or every bad row in it; writes only when asked.

    `target` is an ExerciseFile or a KitFile (both have scenario, scores() and set_scores);
    for a kit, `observer` is the kit's observer, and rows of anyone else are bad rows.
    """

    def __init__(self, parent: QWidget | None, target, path: str | Path,
                 observer: str | None = None):
        super().__init__(parent)
        self.target = target
        self.path = Path(path)
        self.rows: list[ScoreRow] = []
        self.problems: list[str] = []
        self.places: dict[int, tuple[str, str]] = {}  # a bad row's post and criterion
        self.changes: ScoreChanges | None = None
        self.setWindowTitle(self.tr("Import scores from a CSV file"))
        self.resize(1000, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        # in the dialog now, so that Enter finds Import (made the default below)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        # the lines of rows with no score (a template's rows of posts not scored): left out
        self.unscored: list[int] = []
        try:
            data = read_csv_bytes(self.path)  # never a device or a pipe: it would never end
            self.rows = read_scores_csv(data, self.path.name, target.scenario, observer=observer,
                                        unscored=self.unscored)
        except OSError as error:
            self.problems = [f"{self.path.name}: {error.strerror or error}"]
        except CsvError as error:
            self.problems, self.places = list(error.problems), error.places
        if self.problems or not self.rows:
            if self.problems:
                told = [self._told(p) for p in self.problems]
                rows = sum(1 for (line, _reason), problem in zip(told, self.problems, strict=True)
                           if line and line > 1 and "not UTF-8 text" not in problem)
                self.summary.setText((self.tr(
                    "«%1»: %n bad row(s), nothing was written. Correct the file and import it "
                    "again.", "", rows) if rows == len(told) else self.tr(
                    "«%1» cannot be imported as it is: nothing was written. Correct the file and "
                    "import it again.")).replace("%1", self.path.name))
                self.problem_box = QPlainTextEdit("\n".join(
                    self.tr("Line %1: %2").replace("%1", str(line)).replace("%2", reason)
                    if line else reason for line, reason in told))
                self.problem_box.setReadOnly(True)
                layout.addWidget(self.problem_box, 1)
            elif self.unscored:
                self.summary.setText(self.tr(
                    "The file holds no score: the score column of its %n row(s) is empty. Type "
                    "the scores in, save the file and import it again.", "",
                    len(self.unscored)))
            else:
                self.summary.setText(self.tr("The file holds no score, only its header line."))
            if not self.problems:  # a line to read: the dialog no bigger than it needs
                layout.addStretch(1)
                self.resize(640, 160)
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        else:
            current = {(s.observer, s.post_id, s.criterion_id): s for s in target.scores()}
            self.model = PreviewModel(self.rows, current, self, scenario=target.scenario)
            self.table = table_view(self.model, stretch=PreviewModel.CRITERION)
            fit_columns(self.table, PreviewModel.LINE, PreviewModel.OBSERVER, PreviewModel.POST,
                        PreviewModel.SCORE, PreviewModel.EFFECT)
            self.table.setColumnWidth(PreviewModel.COMMENT, 160)  # whole in the tooltip
            layout.addWidget(self.table, 1)
            summary = self.tr(
                "%n score(s) read, every row is valid. Nothing is written until you import.",
                "", len(self.rows))
            if self.unscored:
                summary += "\n" + self.tr(
                    "%n row(s) with no score (lines %1) are left out: the scores already given "
                    "to those criteria stay as they are.", "", len(self.unscored)).replace(
                        "%1", line_ranges(self.unscored))
            if all(row.comment is None for row in self.rows):
                summary += "\n" + self.tr("The file has no comment column: the comments "
                                          "already given stay as they are.")
            if observer is None:  # into the exercise: a name not known yet adds an observer
                summary += self._new_observers(target.observers())
            self.summary.setText(summary)
            self.import_button = self.buttons.addButton(
                self.tr("&Import %n score(s)", "", len(self.rows)),
                QDialogButtonBox.ButtonRole.AcceptRole)
            self.import_button.setDefault(True)
            self.import_button.clicked.connect(self.write)
        layout.addWidget(self.buttons)

    def _new_observers(self, known: list[str]) -> str:
        """The lines that name the observers the import adds, and warn of a name that looks
        like a known one: typed otherwise, it would be another observer."""
        added = new_observers(self.rows, known)
        if not added:
            return ""
        lines = [self.tr("New observer(s), added by the import: %1.", "", len(added))
                 .replace("%1", ", ".join(f"«{name}»" for name, _ in added))]
        lines += [self.tr("«%1» looks like «%2», already in the exercise: check the spelling "
                          "(a name written otherwise is another observer).")
                  .replace("%1", name).replace("%2", like) for name, like in added if like]
        return "\n" + "\n".join(lines)

    def _told(self, problem: str) -> tuple[int | None, str]:
        """A problem of the file in the window's language: its line (None when the whole file
        is at fault) and its reason, without the file's name (the summary says it); a post or
        a criterion it names as the window shows them, its id after it."""
        name = re.escape(self.path.name)
        line = re.match(rf"{name}:(\d+): ", problem)
        told = in_language(problem, self._names(int(line[1]) if line else None))
        found = re.match(rf"{name}:(\d+): (.*)", told, re.DOTALL) or \
            re.match(rf"{name}: ()(.*)", told, re.DOTALL)
        if found is None:
            return None, told
        return (int(found[1]) if found[1] else None), found[2]

    def _names(self, line: int | None):
        """How a bad row's problem names a post or a criterion given by id: the post by its
        title, the criterion as numbered on the row's post's sheet, or by its text where it is
        not on it; each with its id in brackets (None for an id the scenario does not have)."""
        posts, numbered = sheet_names(self.target.scenario)
        texts = {c.id: c.text for c in self.target.scenario.criteria}
        post_id = self.places.get(line, ("", ""))[0]

        def name(kind: str, value: str) -> str | None:
            shown = posts.get(value) if kind == "post" else \
                numbered.get((post_id, value)) or texts.get(value)
            return f"“{shown}” ({value})" if shown else None

        return name

    def write(self) -> None:
        """Write the rows in one transaction, then close."""
        try:
            self.changes = self.target.set_scores(self.rows, source=f"csv:{self.path.name}")
        except ActionError as error:
            dialogs.show_error(self, self.tr("The scores could not be written."), str(error))
            return
        self.accept()


def line_ranges(lines: list[int]) -> str:
    """Line numbers in order, runs shortened: [2, 3, 4, 9] gives "2–4, 9"."""
    runs: list[list[int]] = []
    for line in sorted(lines):
        if runs and line == runs[-1][1] + 1:
            runs[-1][1] = line
        else:
            runs.append([line, line])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def import_csv(parent: QWidget | None, target, observer: str | None = None) -> ScoreChanges | None:
    """Ask for a CSV, preview it, and import it; the changes made, or None."""
    path = dialogs.choose_open_path(
        parent, QCoreApplication.translate("CsvImportDialog", "Import scores from a CSV file"),
        dialogs.file_filter(QCoreApplication.translate("CsvImportDialog", "CSV files"),
                            CSV_FILTER))
    if not path:
        return None
    dialog = CsvImportDialog(parent, target, path, observer)
    return dialog.changes if dialog.exec() else None
