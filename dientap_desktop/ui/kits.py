"""Observer kits from the director's window: make kits, merge them back, import paper scores."""

from __future__ import annotations

import re
import textwrap
from fractions import Fraction
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dientap_desktop.domain.text import one_line
from dientap_desktop.storage.database import FileProblem
from dientap_desktop.storage.exercise_file import ActionError, ExerciseFile
from dientap_desktop.storage.kit import KIT_SUFFIX, kit_file_name, make_kit
from dientap_desktop.storage.merge import Disagreement, MergeResult, disagreements, merge_kits
from dientap_desktop.temporary import make_folder
from dientap_desktop.ui import dialogs
from dientap_desktop.ui.errors import details_of, with_reason
from dientap_desktop.ui.jobs import Job, JobRunner
from dientap_desktop.ui.labels import score_text
from dientap_desktop.ui.models import AMBER, GREEN, RED, _Table
from dientap_desktop.ui.observer.csv_import import import_csv
from dientap_desktop.ui.problems import in_language
from dientap_desktop.ui.widgets import (
    RoomyDelegate,
    fit_columns,
    fit_to_screen,
    heading,
    table_view,
)

Index = QModelIndex | QPersistentModelIndex


# ----------------------------------------------------------------------------- making kits


class ObserverPostsModel(_Table):
    """Observers (one kit each) and the posts each will score: a name, then a tick per post."""

    NAME = 0

    def __init__(self, posts, names=(), parent: QObject | None = None):
        super().__init__(parent)
        self.posts = list(posts)
        # post titles on a few short lines: seven posts fit the dialog's width side by side
        self.headers = (self.tr("Observer"), *(textwrap.fill(p.title, 16) for p in self.posts))
        self._placeholder = self.tr("Type the observer's name…")
        self._rows: list[list] = [[name, {p.id for p in self.posts}] for name in names]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.NAME:
            return base | Qt.ItemFlag.ItemIsEditable
        return base | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        name, chosen = self._rows[index.row()]
        if index.column() == self.NAME:
            if role == Qt.ItemDataRole.EditRole:
                return name
            if role == Qt.ItemDataRole.DisplayRole:
                return name or self._placeholder
            if role == Qt.ItemDataRole.ForegroundRole and not name:
                return QColor("#6b7280")
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            post = self.posts[index.column() - 1]
            return (Qt.CheckState.Checked if post.id in chosen else Qt.CheckState.Unchecked).value
        return None

    def setData(self, index: Index, value,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self._rows[index.row()]
        if index.column() == self.NAME and role == Qt.ItemDataRole.EditRole:
            row[0] = one_line(str(value or ""))
        elif index.column() > self.NAME and role == Qt.ItemDataRole.CheckStateRole:
            post_id = self.posts[index.column() - 1].id
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            (row[1].add if checked else row[1].discard)(post_id)
        else:
            return False
        self.dataChanged.emit(index, index)
        return True

    def add(self, name: str = "") -> QModelIndex:
        """A new observer with every post ticked; the index of the name to type in."""
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append([one_line(name), {p.id for p in self.posts}])
        self.endInsertRows()
        return self.index(len(self._rows) - 1, self.NAME)

    def remove(self, row: int) -> None:
        """Drop an observer from the list."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def kits(self) -> list[tuple[str, list[str]]]:
        """(observer, posts in scenario order) for every named observer with a post ticked."""
        return [(name, [p.id for p in self.posts if p.id in chosen])
                for name, chosen in self._rows if name and chosen]


class MakeKitsDialog(QDialog):
    """One kit per observer, many at once, written into one folder."""

    def __init__(self, parent: QWidget | None, exercise: ExerciseFile):
        super().__init__(parent)
        self.exercise = exercise
        self.written: list[Path] = []
        self.setWindowTitle(self.tr("Make observer kits"))
        self.model = ObserverPostsModel(exercise.scenario.posts, exercise.observers(), self)
        if not self.model.rowCount():
            self.model.add()
        self.view = table_view(self.model, select_rows=False)
        self.view.setEditTriggers(self.view.EditTrigger.AllEditTriggers)
        # each post's column as wide as its title's longest line: the director must read whose
        # sheet it is
        self.view.setColumnWidth(ObserverPostsModel.NAME, 240)
        metrics = self.view.horizontalHeader().fontMetrics()
        for column in range(1, self.model.columnCount()):
            lines = str(self.model.headerData(column, Qt.Orientation.Horizontal)).splitlines()
            self.view.setColumnWidth(
                column, max(metrics.horizontalAdvance(line) for line in lines) + 18)
        self.view.horizontalHeader().setStretchLastSection(True)
        wanted = sum(self.view.columnWidth(c) for c in range(self.model.columnCount())) + 60
        screen = self.screen().availableGeometry().width() if self.screen() else 1366
        self.resize(max(900, min(wanted, screen - 40)), 480)
        # Enter in the observers' table enters the name typed, or goes to the row below: it
        # never adds an observer (nor makes the kits) unasked
        self.view.installEventFilter(self)
        add = QPushButton(self.tr("&Add observer"))
        add.clicked.connect(self.add_observer)
        remove = QPushButton(self.tr("&Remove observer"))
        remove.clicked.connect(lambda: self.model.remove(self.view.currentIndex().row()))
        path = Path(exercise.path)
        kits = self.tr("kits")  # the folder's name, in plain letters: "bo-phieu"
        self.folder_edit = QLineEdit(str(path.parent / f"{path.stem}-{kits}"))
        choose = QPushButton(self.tr("&Choose…"))
        choose.clicked.connect(self.choose_folder)
        for button in (add, remove, choose):  # pressed with a click, Space or its Alt key:
            button.setAutoDefault(False)  # Enter, once one of them had the focus, makes kits
        self.status = QLabel()
        self.status.setWordWrap(True)
        # in the dialog now, so that the default button is known to it: Enter in the folder's
        # field makes the kits
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.make_button = self.buttons.addButton(self.tr("&Make kits"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        folder = QHBoxLayout()
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder_edit)  # else the "&" shows: Alt+key goes to the field
        folder.addWidget(folder_label)
        folder.addWidget(self.folder_edit, 1)
        folder.addWidget(choose)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "One kit per observer: type each observer's name and tick the posts they score. "
            "A kit holds the posts with their players, the criteria, the injects and answer "
            "keys, and nothing else of the exercise file."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addLayout(folder)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        # the keyboard in the first name still to type (else on the first name): a name typed
        # on opening goes there, never to the buttons, whose first a space would press
        names = [self.model.index(row, ObserverPostsModel.NAME)
                 for row in range(self.model.rowCount())]
        self.view.setFocus()
        self.view.setCurrentIndex(next(
            (index for index in names if not index.data(Qt.ItemDataRole.EditRole)), names[0]))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        current = self.view.currentIndex()  # a name to type: its editor open (once on screen)
        if current.isValid() and not current.data(Qt.ItemDataRole.EditRole) \
                and self.view.state() != QAbstractItemView.State.EditingState:
            self.view.edit(current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            # typing a name: its editor enters it and closes; on a cell: the row below
            if self.view.state() != QAbstractItemView.State.EditingState:
                current = self.view.currentIndex()
                if current.isValid() and current.row() + 1 < self.model.rowCount():
                    self.view.setCurrentIndex(current.siblingAtRow(current.row() + 1))
            return True
        return super().eventFilter(watched, event)

    def add_observer(self) -> None:
        """Add a row and start typing the name."""
        index = self.model.add()
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def choose_folder(self) -> None:
        """Pick the folder the kits go into."""
        folder = dialogs.choose_folder(self, self.tr("Folder for the kits"),
                                       self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def make(self) -> None:
        """Write every kit; an existing kit is replaced only after asking."""
        kits = self.model.kits()
        if not kits:
            self.status.setText(self.tr("Type at least one observer's name and tick a post."))
            return
        folder = Path(self.folder_edit.text().strip())
        targets, taken = [], set()
        for name, posts in kits:  # two names alike without their accents: two files still
            file_name, n = kit_file_name(name), 2
            while file_name in taken:
                file_name = kit_file_name(name).replace(KIT_SUFFIX, f"-{n}{KIT_SUFFIX}")
                n += 1
            taken.add(file_name)
            targets.append((name, posts, folder / file_name))
        existing = [t for t in targets if t[2].exists()]
        if existing and not dialogs.ask_yes_no(
                self, self.tr("Replace kits"),
                self.tr("%n kit(s) already exist in this folder. Replace them? Scores "
                        "entered in them and not yet merged would be lost.", "", len(existing)),
                yes=self.tr("Replace"), no=self.tr("Keep them")):
            return
        lines, self.written = [], []
        try:
            make_folder(folder)
        except OSError as error:  # the folder, or the one above it, named and why
            dialogs.show_error(self, with_reason(self.tr("The folder cannot be made."), error),
                               details_of(error))
            return
        for name, posts, path in targets:
            try:
                self.written.append(make_kit(self.exercise, name, path, posts, overwrite=True))
                lines.append(f"✔ {path.name}: {name} ("
                             + self.tr("%n post(s)", "", len(posts)) + ")")
            except (FileProblem, ActionError, OSError) as error:
                said = str(error).removeprefix(f"{path}: ")  # named at the line's start
                lines.append(f"✘ {path.name}: {in_language(said)}")
        self.status.setText(self.tr("%n kit(s) written to %1:", "", len(self.written))
                            .replace("%1", str(folder)) + "\n" + "\n".join(lines))


# ----------------------------------------------------------------------------- merging kits


# the last line of a kit's problems when there are more than are told one by one
MORE_PROBLEMS = re.compile(r": and (\d+) more problems like these$")


class MergeResultsModel(_Table):
    """A line per kit: file, observer, scores added, replaced, unchanged, notes, and the result."""

    FILE, OBSERVER, ADDED, REPLACED, UNCHANGED, NOTES, RESULT = range(7)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.headers = (self.tr("Kit"), self.tr("Observer"), self.tr("Added"),
                        self.tr("Replaced"), self.tr("Unchanged"), self.tr("Notes added"),
                        self.tr("Result"))
        self._rows: list[MergeResult] = []
        self._titles: dict[str, str] = {}  # post id: title
        self._numbers: dict[tuple[str, str], int] = {}  # (post, criterion): its number

    def add_results(self, results: list[MergeResult],
                    labels: tuple[dict, dict] = ({}, {})) -> None:
        """Show these results after those of the merges before them; `labels` name the posts
        and criteria (titles, numbers on the post's sheet) as the log and the sheets do."""
        self._titles.update(labels[0])
        self._numbers.update(labels[1])
        first = len(self._rows)
        if not results:
            return
        self.beginInsertRows(QModelIndex(), first, first + len(results) - 1)
        self._rows.extend(results)
        self.endInsertRows()

    def _score(self, post: str, criterion: str) -> str:
        """A score named as the sheets name it: "Chủ tịch UBND phường, nội dung 2"."""
        number = self._numbers.get((post, criterion))
        return self.tr("%1, criterion %2").replace("%1", self._titles.get(post, post)) \
            .replace("%2", str(number) if number is not None else criterion)

    def _refusal(self, result: MergeResult, whole: bool = False) -> str:
        """Why a kit was refused, in the window's language: its first problem and how many
        more, or (`whole`) every problem on its line."""
        lines = (result.refused or "").splitlines() or [""]
        reasons = [self._without_kit(in_language(line), result.path) for line in lines]
        if whole:
            return self.tr("Refused: %1").replace("%1", "\n".join(reasons))
        shown = self.tr("Refused: %1").replace("%1", reasons[0])
        more = len(lines) - 1
        if (untold := MORE_PROBLEMS.search(lines[-1])) is not None:  # past those told
            more += int(untold[1]) - 1
        if more:  # the others in the tooltip
            shown += " " + self.tr("(and %1 more: point at it to read them all)").replace(
                "%1", str(more))
        return shown

    @staticmethod
    def _without_kit(told: str, kit: Path) -> str:
        """A problem line told (where in the kit told too, after the kit's name), without the
        kit's name the row shows already."""
        for start in (f"{kit}: ", f"{kit.name}: "):
            if told.startswith(start):
                return told[len(start):]
        return told

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        result = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.FILE:
                return result.path.name
            if column == self.OBSERVER:
                return result.observer or ""
            if column == self.RESULT:
                if not result.merged:
                    return self._refusal(result)
                if result.empty:
                    return self.tr("Merged, but the kit holds no score: was it filled in?")
                shown = self.tr("Merged; %n score(s) older than the observer's later entries "
                                "kept out", "", result.changes.superseded) \
                    if result.changes.superseded else self.tr("Merged")
                if result.scores_withdrawn:
                    shown += self.tr("; %n score(s) withdrawn as in the kit", "",
                                     result.scores_withdrawn)
                if result.notes_withdrawn:
                    shown += self.tr("; %n note(s) withdrawn as in the kit", "",
                                     result.notes_withdrawn)
                if result.kept_for_staff:
                    shown += self.tr("; %n score(s) entered before the directing staff's "
                                     "correction kept out", "", len(result.kept_for_staff))
                if result.withdrawals_kept:
                    shown += self.tr("; %n score(s) taken back in the kit kept: corrected in "
                                     "the exercise since", "", result.withdrawals_kept)
                if result.staff_stands:
                    shown += self.tr("; %n unchanged score(s) stay as the directing staff "
                                     "corrected or took them back", "", len(result.staff_stands))
                if result.diverged:
                    shown += self.tr("; two copies of this kit were filled in apart (some scores "
                                     "older, some newer than the copy merged before): the later "
                                     "entry of each score was kept, check with the observer")
                if result.looks_like:
                    shown += self.tr("; “%1” is a new observer and looks like “%2”, already "
                                     "known: if they are one person, their scores count twice") \
                        .replace("%1", result.observer or "").replace("%2", result.looks_like)
                return shown
            if not result.merged:
                return ""
            changes = result.changes
            return str((changes.added, changes.replaced, changes.unchanged,
                        result.notes_added)[column - self.ADDED])
        if role == Qt.ItemDataRole.ToolTipRole:
            told = []
            if result.clock_ahead:
                told.append(self.tr("Entered at a time still to come (the observer's laptop "
                                    "clock was ahead); these never win over another entry:")
                            + "\n" + "\n".join(
                                f"{post} / {criterion}: {score_text(Fraction(value))} "
                                f"({at[:16].replace('T', ' ')} UTC)"
                                for post, criterion, value, at in result.clock_ahead[:20]))
            if result.replaced:
                told.append(self.tr("Replaced (the score before → the kit's):") + "\n" + "\n".join(
                    f"{self._score(post, criterion)}: {score_text(Fraction(old))} → "
                    f"{score_text(Fraction(new))}"
                    for post, criterion, old, new in result.replaced[:20]))
            for title, kept in (
                    (self.tr("Kept out (the observer entered another score later; check with "
                             "them):"), result.kept_out),
                    (self.tr("Kept out (entered in the kit before the directing staff corrected "
                             "or took back the score):"), result.kept_for_staff),
                    (self.tr("Unchanged in the kit, standing as the directing staff corrected or "
                             "took them back:"), result.staff_stands)):
                if kept:
                    told.append(title + "\n" + "\n".join(
                        f"{self._score(post, criterion)}: {score_text(Fraction(value))}"
                        for post, criterion, value in kept[:20]))
            if not result.merged:  # the whole reason, also where the column cuts it
                told.append(self._refusal(result, whole=True))
            return "\n\n".join(told) or str(result.path)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) \
                and column == self.RESULT:
            colours = (AMBER if result.empty or result.clock_ahead or result.diverged
                       or result.looks_like else GREEN) if result.merged else RED
            return colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1]
        return None


class DisagreementsModel(_Table):
    """Where observers' scores on one criterion differ by more than a quarter of its maximum."""

    POST, CRITERION, MAX, SCORES = range(4)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.headers = (self.tr("Post"), self.tr("Criterion"), self.tr("Max"),
                        self.tr("Scores by observer"))
        self._rows: list[Disagreement] = []

    def set_rows(self, rows: list[Disagreement]) -> None:
        """Show these disagreements."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        item = self._rows[index.row()]
        criterion = item.result.criterion
        return (item.post_title, criterion.text, score_text(criterion.max),
                "\n".join(f"{o}: {score_text(v)}" for o, v in item.result.scores.items())
                )[index.column()]  # each observer's score on a line of its own


class MergeWorker(Job):
    """Merges kits in its own thread through its own connection; never touches a widget."""

    def __init__(self, exercise_path: Path, kits: list[Path]):
        super().__init__()
        self.exercise_path = exercise_path
        self.kits = kits

    def work(self) -> tuple[list, list, tuple]:
        """The result of each kit, the disagreements after the merge, and the posts' titles and
        criteria's numbers; stops after the kit under way when asked (what is merged stays
        merged)."""
        def report(done: int, total: int, result: MergeResult) -> bool:
            self.progress.emit(done, total, result.path.name)
            return not self.stopped()

        with ExerciseFile.open(self.exercise_path) as exercise:
            results = merge_kits(exercise, self.kits, report)
            return results, disagreements(exercise.results()), exercise.score_labels()


PREFERRED_MERGE_SIZE = QSize(1200, 700)
MINIMUM_MERGE_SIZE = QSize(760, 480)


class MergeKitsDialog(QDialog):
    """Merge kits with a result per kit and the disagreements, the window staying usable."""

    merged = Signal()

    def __init__(self, parent: QWidget | None, exercise_path: str | Path):
        super().__init__(parent)
        self.exercise_path = Path(exercise_path)
        self._jobs = JobRunner(self)
        self.setWindowTitle(self.tr("Merge observer kits"))
        fit_to_screen(self, PREFERRED_MERGE_SIZE, MINIMUM_MERGE_SIZE)
        self.results_model = MergeResultsModel(self)
        self.results_view = table_view(self.results_model, stretch=MergeResultsModel.RESULT)
        self.results_view.setWordWrap(True)
        self.disagreements_model = DisagreementsModel(self)
        # every text whole: the criterion on as many lines as the width left to it, each
        # observer's score on a line of its own, the post's title within a share of the width
        self.disagreements_view = table_view(self.disagreements_model,
                                             stretch=DisagreementsModel.CRITERION)
        self.disagreements_view.setWordWrap(True)
        self.disagreements_view.setItemDelegate(RoomyDelegate(self.disagreements_view))
        self.disagreements_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.progress_bar = QProgressBar()
        self.status = QLabel(self.tr("Choose the kits to merge. Each is checked whole before "
                                     "anything of it is written; merging twice changes nothing."))
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)  # see above
        self.choose_button = self.buttons.addButton(self.tr("&Choose kits…"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.choose_button.setDefault(True)
        self.choose_button.clicked.connect(self.choose)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress_bar)
        layout.addWidget(heading(self.tr("Kits"), 1.1))
        layout.addWidget(self.results_view, 1)
        layout.addWidget(heading(self.tr("Observers who disagree (scores more than a quarter "
                                         "of the maximum apart)"), 1.1))
        layout.addWidget(self.disagreements_view, 2)
        layout.addWidget(self.buttons)

    @property
    def running(self) -> bool:
        """Whether a merge is under way."""
        return self._jobs.running

    def choose(self) -> None:
        """Ask for kits and merge them."""
        paths = dialogs.choose_open_paths(
            self, self.tr("Observer kits to merge"),
            dialogs.file_filter(self.tr("Observer kits"), f"*{KIT_SUFFIX}"),
            str(self.exercise_path.parent))
        if paths:
            self.start([Path(p) for p in paths])

    def start(self, kits: list[Path]) -> None:
        """Merge these kits in a worker thread."""
        if self.running:
            return
        self.progress_bar.setRange(0, len(kits))
        self.progress_bar.setValue(0)
        self.status.setText(self.tr("Checking and merging…"))
        self.choose_button.setEnabled(False)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Cancel"))
        self._jobs.start(MergeWorker(self.exercise_path, kits), progress=self._on_progress,
                         done=self._on_done, failed=self._on_failed)

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.status.setText(self.tr("Kit %1 of %2: %3").replace("%1", str(done))
                            .replace("%2", str(total)).replace("%3", name))

    def _stop_thread(self) -> None:
        self._jobs.stop()
        self.choose_button.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def _on_done(self, outcome: tuple[list, list, tuple]) -> None:
        results, flagged, labels = outcome
        self._stop_thread()
        self.results_model.add_results(results, labels)  # under the merges before, if any
        self.disagreements_model.set_rows(flagged)
        fit_columns(self.results_view, *range(MergeResultsModel.RESULT))
        self.results_view.resizeRowsToContents()  # a refusal's reason read whole, on its lines
        self.results_view.scrollToBottom()  # the merge just made in sight
        view = self.disagreements_view
        fit_columns(view, DisagreementsModel.POST, DisagreementsModel.MAX,
                    DisagreementsModel.SCORES)
        share = view.viewport().width() // 4  # a long post title wraps within it
        if view.columnWidth(DisagreementsModel.POST) > share:
            view.setColumnWidth(DisagreementsModel.POST, share)
        view.resizeRowsToContents()
        merged = sum(1 for r in results if r.merged)
        refused = len(results) - merged
        self.progress_bar.setValue(self.progress_bar.maximum())
        self.status.setText(
            self.tr("%n kit(s) merged", "", merged) + ", "
            + self.tr("%n refused (nothing of a refused kit is written)", "", refused) + "; "
            + self.tr("%n disagreement(s) to look at.", "", len(flagged)))
        if merged:
            self.merged.emit()

    def _on_failed(self, details: str) -> None:
        self._stop_thread()
        self.status.setText(self.tr("The kits could not be merged."))
        dialogs.show_error(self, self.tr("The kits could not be merged; the exercise file is "
                                         "as it was before the merge."), details)

    def reject(self) -> None:
        if self.running:
            self._jobs.cancel()
            self.status.setText(self.tr("Stopping after the current kit…"))
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.running:
            self._jobs.cancel()
            self._stop_thread()
        super().closeEvent(event)


# ----------------------------------------------------------------------------- the menu


def install(window) -> None:
    """Add the kit actions to the director window's Evaluation menu."""
    menu = window.menu("evaluation")

    def action(text: str, slot, shortcut: str = "", tip: str = "") -> QAction:
        act = QAction(text, window)
        if shortcut:
            act.setShortcut(shortcut)
        act.setStatusTip(tip)
        act.triggered.connect(lambda _checked=False: slot())
        menu.addAction(act)
        return act

    def make() -> None:
        if window.exercise is not None:
            MakeKitsDialog(window, window.exercise).exec()

    def merge() -> None:
        if window.exercise is None:
            return
        dialog = MergeKitsDialog(window, window.exercise.path)
        dialog.merged.connect(window.exercise_changed)
        dialog.show()
        dialog.choose()
        window._merge_dialog = dialog

    def import_scores() -> None:
        if window.exercise is not None and import_csv(window, window.exercise) is not None:
            window.exercise_changed.emit()

    def paper_sheet() -> None:
        if window.exercise is not None:
            from dientap_desktop.ui.paper_sheet import edit_observer_sheet

            if edit_observer_sheet(window, window.exercise):
                window.exercise_changed.emit()

    def tr(text: str) -> str:
        return QCoreApplication.translate("KitActions", text)

    # QT_TRANSLATE_NOOP keeps each string literal where lupdate finds it.
    make_text = QT_TRANSLATE_NOOP("KitActions", "&Make observer kits…")
    make_tip = QT_TRANSLATE_NOOP("KitActions", "One kit per observer, to score offline")
    merge_text = QT_TRANSLATE_NOOP("KitActions", "Me&rge observer kits…")
    merge_tip = QT_TRANSLATE_NOOP("KitActions", "Bring the observers' scores and notes in")
    csv_text = QT_TRANSLATE_NOOP("KitActions", "&Import scores from a CSV file…")
    csv_tip = QT_TRANSLATE_NOOP("KitActions", "Scores typed from paper, checked before writing")
    sheet_text = QT_TRANSLATE_NOOP("KitActions", "Type in or correct an observer's &sheet…")
    sheet_tip = QT_TRANSLATE_NOOP("KitActions", "Scores from a paper sheet, typed in one by one; "
                                                "a score corrected or taken back")
    actions = [
        action(tr(make_text), make, "Ctrl+Shift+K", tr(make_tip)),
        action(tr(merge_text), merge, "Ctrl+Shift+M", tr(merge_tip)),
        action(tr(csv_text), import_scores, "Ctrl+Shift+I", tr(csv_tip)),
        action(tr(sheet_text), paper_sheet, "Ctrl+Shift+P", tr(sheet_tip)),
    ]

    def enable() -> None:
        for act in actions:
            act.setEnabled(window.exercise is not None)

    menu.aboutToShow.connect(enable)
    window.kit_actions = actions
    getattr(window, "exercise_actions", []).extend(actions)  # enabled as an exercise opens
    enable()
