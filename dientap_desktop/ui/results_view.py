"""The director's view of the evaluation: each post's total and rating or what it still misses,
one post's criteria with every observer's score, where observers disagree marked, and the
observers' notes for the after-action report."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dientap_desktop.domain.scoring import PostResult, round_half_up
from dientap_desktop.ui import dialogs, labels
from dientap_desktop.ui.labels import score_text, total_text
from dientap_desktop.ui.models import AMBER, _Table
from dientap_desktop.ui.observer.models import NotesModel, PostsModel
from dientap_desktop.ui.widgets import RoomyDelegate, fit_column, heading, table_view

Index = QModelIndex | QPersistentModelIndex


class CriteriaModel(_Table):
    """One post's criteria: number, text, maximum, each observer's score, and their mean; a row
    where observers disagree (more than a quarter of the maximum apart) in amber."""

    NUMBER, CRITERION, MAX = range(3)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows = []
        self.observers: list[str] = []
        self._set_headers()

    def _set_headers(self) -> None:
        self.headers = (self.tr("No."), self.tr("Criterion"), self.tr("Max"), *self.observers,
                        self.tr("Mean"))

    def criterion_id(self, row: int) -> str:
        """The id of the criterion on a row."""
        return self._rows[row].criterion.id

    def observer(self, column: int) -> str | None:
        """The observer whose scores a column shows, or None."""
        return self.observers[column - 3] if 3 <= column < 3 + len(self.observers) else None

    def set_post(self, result: PostResult | None, observers: list[str]) -> None:
        """Show this post's criteria, with a column for each observer who scored one of them
        (in the order the observers came in)."""
        self.beginResetModel()
        self._rows = list(result.criteria) if result else []
        scored = {name for row in self._rows for name in row.scores}
        self.observers = [name for name in observers if name in scored]
        self._set_headers()
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        observer = self.observer(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                return str(index.row() + 1)
            if column == self.CRITERION:
                return row.criterion.text
            if column == self.MAX:
                return score_text(row.criterion.max)
            if observer is not None:
                return score_text(row.scores.get(observer))
            return score_text(round_half_up(row.mean)) if row.mean is not None else "–"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.CRITERION:
                return row.criterion.text
            if observer is not None and row.comments.get(observer):
                return row.comments[observer]
            if row.disagreement:
                return self.tr("The observers disagree: their scores are more than a quarter "
                               "of the maximum apart. Check with them.")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.CRITERION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.disagreement:
            return QColor(AMBER[0])
        return None


class ExerciseNotesModel(NotesModel):
    """Every observer's notes in the exercise, as the observer's window lists a kit's, with who
    wrote each."""

    OBSERVER = 4

    def __init__(self, source, parent: QObject | None = None):
        super().__init__(source, parent)
        self.headers = (*self.headers, self.tr("Observer"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if (index.isValid() and index.column() == self.OBSERVER
                and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)):
            return self._rows[index.row()].observer
        return super().data(index, role)


# the notes list: the share of its width the inject, the post and the observer take
NOTE_SHARES = {NotesModel.INJECT: 0.24, NotesModel.POST: 0.17, ExerciseNotesModel.OBSERVER: 0.14}


class ResultsView(QWidget):
    """The scores of the open exercise as they stand: read again each time it is shown, and
    after kits are merged or a CSV is imported."""

    # the director typed in, corrected or took back a score or a note here: the window reads
    # the exercise again, this view with it
    changed = Signal()

    def __init__(self, director, parent: QWidget | None = None):
        super().__init__(parent)
        self.exercise = director.exercise
        self.results = self.exercise.results()
        self.scoring = SimpleNamespace(  # what the posts' model reads, as from a kit
            results=lambda: self.results, people=self.exercise.roster(),
            scenario=self.exercise.scenario, notes=self.exercise.notes,
            whole_scenario=self.exercise.scenario)
        layout = QVBoxLayout(self)
        self.total = heading("")
        self.total.setWordWrap(True)
        layout.addWidget(self.total)
        self.hint = QLabel(self.tr(
            "No score yet. Make the observers' kits (Ctrl+Shift+K) and merge them when they "
            "come back (Ctrl+Shift+M), import the scores typed from paper (Ctrl+Shift+I), or "
            "type a paper sheet in here (Ctrl+Shift+P)."))
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.split = split = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(split, 1)
        self.posts_model = PostsModel(self.scoring, self)
        self.posts_view = table_view(self.posts_model, stretch=PostsModel.PLAYER)
        scale = self.exercise.scenario.scale
        fit_column(self.posts_view, PostsModel.POST,
                   *(p.title for p in self.exercise.scenario.posts))
        fit_column(self.posts_view, PostsModel.SCORE, total_text(scale.max), "9,99")
        fit_column(self.posts_view, PostsModel.STATE, self.tr("%n missing", "", 10),
                   *(rating.label for rating in scale.ratings))
        self.posts_view.selectionModel().currentRowChanged.connect(self._post_chosen)
        split.addWidget(self.posts_view)
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        self.criteria_title = heading("", 1.1)
        self.criteria_title.setWordWrap(True)
        title_row = QHBoxLayout()
        title_row.addWidget(self.criteria_title, 1)
        self.sheet_button = QPushButton(self.tr("Type in or correct a sheet…"))
        self.sheet_button.setToolTip(self.tr(
            "An observer's scores of this post, typed in from paper, corrected or taken back "
            "(Ctrl+Shift+P; Enter or a double click on a score opens it there)"))
        self.sheet_button.clicked.connect(lambda: self.edit_sheet())
        title_row.addWidget(self.sheet_button, 0, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(title_row)
        self.criteria_model = CriteriaModel(self)
        self._shown_post: str | None = None  # the post whose criteria are shown
        # one observer's score chosen, not the row: Enter opens that observer's sheet, and the
        # cell and its observer's name in the header show whose it is
        self.criteria_view = table_view(self.criteria_model, stretch=CriteriaModel.CRITERION,
                                        select_rows=False)
        self.criteria_view.setTabKeyNavigation(False)  # one stop for Tab, as a list of rows
        self.criteria_view.horizontalHeader().setHighlightSections(True)
        self.criteria_view.selectionModel().currentChanged.connect(self._on_a_score)
        self.criteria_view.setWordWrap(True)
        self.criteria_view.setItemDelegate(RoomyDelegate(self.criteria_view))  # as the sheets
        fit_column(self.criteria_view, CriteriaModel.NUMBER, "99")
        self.criteria_view.activated.connect(self.edit_sheet)
        column.addWidget(self.criteria_view, 1)
        self.lower_tabs = QTabWidget()
        self.lower_tabs.addTab(lower, self.tr("Scores by criterion"))
        self.lower_tabs.addTab(self._build_notes(), "")
        self.lower_tabs.currentChanged.connect(lambda _tab: QTimer.singleShot(0, self._lay_out))
        split.addWidget(self.lower_tabs)
        split.setStretchFactor(1, 1)
        self.reload()

    def _build_notes(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        row = QHBoxLayout()
        about = QLabel(self.tr(
            "What the observers noted for the after-action report, as their kits brought it. "
            "A note taken back leaves the reports and stays in the file and the log."))
        about.setWordWrap(True)
        row.addWidget(about, 1)
        self.withdraw_button = QPushButton(self.tr("Take the note back…"))
        self.withdraw_button.setToolTip(self.tr("The note under the cursor (Delete)"))
        self.withdraw_button.clicked.connect(self.withdraw_note)
        row.addWidget(self.withdraw_button)
        column.addLayout(row)
        self.notes_model = ExerciseNotesModel(self.scoring, self)
        self.notes_view = table_view(self.notes_model, stretch=NotesModel.TEXT)
        self.notes_view.setWordWrap(True)
        fit_column(self.notes_view, NotesModel.KIND,
                   *(labels.label(labels.NOTE_KINDS, kind) for kind in labels.NOTE_KINDS))
        delete = QAction(self)
        delete.setShortcuts([QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)])
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.withdraw_note)
        self.notes_view.addAction(delete)
        column.addWidget(self.notes_view, 1)
        return page

    def withdraw_note(self) -> None:
        """Take back the note under the cursor, once the director confirms: it leaves the
        reports, and stays in the file with a line in the log."""
        index = self.notes_view.currentIndex()
        if not index.isValid():
            return
        note = self.notes_model.row(index)
        if not dialogs.ask_yes_no(
                self, self.tr("Take the note back"),
                self.tr("Take back this note of %1 from the after-action report?\n\n“%2”\n\n"
                        "It stays in the exercise file, with a line in the log.")
                .replace("%1", note.observer).replace("%2", note.text),
                yes=self.tr("Take it back"), no=self.tr("Keep it")):
            return
        if self.exercise.withdraw_note(note):
            self.changed.emit()

    def showEvent(self, event) -> None:  # noqa: N802
        self.reload()  # scores come from outside the run (kits, CSV): always as they stand
        super().showEvent(event)
        QTimer.singleShot(0, self._lay_out)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        QTimer.singleShot(0, self._lay_out)

    def _lay_out(self) -> None:
        """Every post in sight above (the splitter giving the list what it needs, up to half
        the height), and the criteria's rows as high as their text once their column is set."""
        view = self.posts_view
        need = view.horizontalHeader().height() + 2 * view.frameWidth() + sum(
            view.rowHeight(row) for row in range(self.posts_model.rowCount()))
        total = sum(self.split.sizes())
        if total > 0:
            top = min(need, total // 2)
            self.split.setSizes([top, total - top])
        self.criteria_view.resizeRowsToContents()
        width = self.notes_view.viewport().width()  # the note's text takes what is left
        for column, share in NOTE_SHARES.items():
            self.notes_view.setColumnWidth(column, int(width * share))
        self.notes_view.resizeRowsToContents()

    def reload(self) -> None:
        """Read the scores again, keeping the post chosen."""
        chosen = max(self.posts_view.currentIndex().row(), 0)
        self.results = total = self.exercise.results()  # read once: the posts' model shows it
        self.scoring.people = self.exercise.roster()
        self.posts_model.refresh()
        self.notes_model.refresh()
        self.lower_tabs.setTabText(1, self.tr("Observers' notes (%n)", "",
                                              self.notes_model.rowCount()))
        self.withdraw_button.setEnabled(self.notes_model.rowCount() > 0)
        self.hint.setVisible(not any(c.scores for p in total.posts for c in p.criteria))
        self.total.setText(
            self.tr("Whole exercise: %1 — %2").replace("%1", total_text(total.score))
            .replace("%2", total.rating or "") if total.complete else self.tr(
                "Whole exercise: not complete (%n post(s) still miss scores)", "",
                sum(1 for p in total.posts if not p.complete)))
        if self.posts_model.rowCount():
            self.posts_view.selectRow(min(chosen, self.posts_model.rowCount() - 1))
        self._show_post(self.posts_view.currentIndex().row())

    def _post_chosen(self, current: QModelIndex, _previous: object = None) -> None:
        self._show_post(current.row())

    def _on_a_score(self, current: QModelIndex, _previous: object = None) -> None:
        """The cursor kept on an observer's score: moved off them (to the criterion's text, its
        maximum or the mean), it goes to the nearest observer's."""
        observers = len(self.criteria_model.observers)
        first = CriteriaModel.MAX + 1
        if current.isValid() and observers and self.criteria_model.observer(
                current.column()) is None:
            column = first if current.column() < first else first + observers - 1
            self.criteria_view.setCurrentIndex(current.siblingAtColumn(column))

    def _show_post(self, row: int) -> None:
        result = self.results.posts[row] if 0 <= row < len(self.results.posts) else None
        # the cursor on the same observer's score as before: of the same criterion when the
        # post is read again, of the first criterion of another post
        before = self.criteria_view.currentIndex()
        model = self.criteria_model
        observer = model.observer(before.column()) if before.isValid() else None
        again = result is not None and result.post.id == self._shown_post and before.isValid()
        self._shown_post = result.post.id if result is not None else None
        model.set_post(result, self.exercise.observers())
        if model.rowCount() and model.observers:
            column = CriteriaModel.MAX + 1 + (
                model.observers.index(observer) if observer in model.observers else 0)
            self.criteria_view.setCurrentIndex(model.index(
                min(before.row(), model.rowCount() - 1) if again else 0, column))
        if result is None:
            self.criteria_title.setText("")
            return
        flagged = len(result.disagreements)
        self.criteria_title.setText(
            self.tr("Scores by criterion: %1").replace("%1", result.post.title) + (
                " — " + self.tr("%n criterion(s) where the observers disagree", "", flagged)
                if flagged else ""))
        for column in range(CriteriaModel.MAX, self.criteria_model.columnCount()):
            self.criteria_view.resizeColumnToContents(column)
        QTimer.singleShot(0, self.criteria_view.resizeRowsToContents)  # once laid out anew

    def edit_sheet(self, index: QModelIndex | None = None) -> None:
        """Open an observer's sheet of the chosen post: the observer and the criterion of the
        score under the cursor, when it is on one."""
        from dientap_desktop.ui.paper_sheet import edit_observer_sheet

        row = self.posts_view.currentIndex().row()
        post_id = self.results.posts[row].post.id if 0 <= row < len(self.results.posts) else None
        observer, criterion_id = "", None
        if index is not None and index.isValid():
            criterion_id = self.criteria_model.criterion_id(index.row())
            observer = self.criteria_model.observer(index.column()) or ""
        if not observer and self.criteria_model.observers:
            observer = self.criteria_model.observers[0]
        if edit_observer_sheet(self, self.exercise, observer, post_id, criterion_id):
            self.changed.emit()
