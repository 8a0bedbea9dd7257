"""The item models of the observer's window: posts, one post's scoring sheet, notes, injects."""

from __future__ import annotations

import sqlite3
from fractions import Fraction

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QValidator

from dientap_desktop.domain.records import Note, Score
from dientap_desktop.domain.score_csv import parse_score
from dientap_desktop.domain.scoring import PostResult
from dientap_desktop.storage.database import FileProblem
from dientap_desktop.storage.exercise_file import ActionError
from dientap_desktop.storage.kit import KitFile
from dientap_desktop.ui import labels
from dientap_desktop.ui.labels import score_text, total_text
from dientap_desktop.ui.models import AMBER, ID_ROLE, _Table, rating_colours

Index = QModelIndex | QPersistentModelIndex
MAX_ROLE = Qt.ItemDataRole.UserRole + 10  # a criterion's maximum, as a Fraction


class ScoreValidator(QValidator):
    """Accepts only a number from 0 to the maximum, with `.` or `,`; empty takes the score back.
    A number over the maximum stays as typed, not acceptable (Enter does not enter it): with
    its keys dropped, "25" would read as 2 and be entered as such."""

    def __init__(self, maximum: Fraction, parent: QObject | None = None):
        super().__init__(parent)
        self.maximum = maximum

    def validate(self, text: str, pos: int):  # noqa: D102
        stripped = text.strip()
        if not stripped:
            return QValidator.State.Acceptable, text, pos
        if any(ch not in "0123456789.," for ch in stripped) or (
            stripped.count(".") + stripped.count(",") > 1
        ):
            return QValidator.State.Invalid, text, pos
        if stripped[-1] in ".,":
            number = parse_score(stripped[:-1] or "0")
            state = QValidator.State.Intermediate
        else:
            number = parse_score(stripped)
            state = QValidator.State.Acceptable
        if number is None:
            return QValidator.State.Invalid, text, pos
        if number > self.maximum:
            return QValidator.State.Intermediate, text, pos
        return state, text, pos

    not_entered = Signal()  # Enter on a text that is not acceptable: it stays in the editor

    def fixup(self, text: str) -> str:  # noqa: D102 - Qt's last try before Enter gives up
        if text.strip():
            self.not_entered.emit()
        return text

    def over(self, text: str) -> bool:
        """Whether the text is a number over the maximum."""
        number = parse_score(text.strip().rstrip(".,") or "0")
        return number is not None and number > self.maximum


def missing_numbers(kit: KitFile, result: PostResult) -> str:
    """The criteria a post's sheet still misses, by their numbers on it: "1, 3, 4"."""
    return ", ".join(str(number) for number, criterion in enumerate(
        kit.scenario.criteria_for(result.post.id), 1) if criterion.id in result.missing)


class PostsModel(_Table):
    """The posts to score: title, player, score and rating, or how many criteria are missing.

    `kit` is the observer's kit, or what the director's results read of the exercise in its
    stead: anything with `results()`, `people` (the players by post) and `scenario`."""

    POST, PLAYER, SCORE, STATE = range(4)

    def __init__(self, kit: KitFile, parent: QObject | None = None):
        super().__init__(parent)
        self.kit = kit
        self.headers = (self.tr("Post"), self.tr("Player"), self.tr("Score"), self.tr("Rating"))
        self._rows: list[PostResult] = []
        self.refresh()

    def refresh(self) -> None:
        """Read the totals again after a change."""
        results = list(self.kit.results().posts)
        if len(results) != len(self._rows):
            self.beginResetModel()
            self._rows = results
            self.endResetModel()
            return
        self._rows = results
        if results:
            self.dataChanged.emit(self.index(0, 0), self.index(len(results) - 1, 3))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        result = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.POST:
                return result.post.title
            if column == self.PLAYER:
                return self.player(result.post.id)
            if column == self.SCORE:
                return total_text(result.score) if result.score is not None else "–"
            if result.complete:
                return result.rating
            return self.tr("%n missing", "", len(result.missing))
        if role == ID_ROLE:
            return result.post.id
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) \
                and column == self.STATE:  # a rating as it is rated, a sheet not complete amber
            colours = rating_colours(self.kit.scenario.scale, result.rating) \
                if result.complete else AMBER
            return colours[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell that may be cut
            if column == self.POST:
                return result.post.title
            if column == self.PLAYER:
                person = self.kit.people.get(result.post.id)
                unit = person.unit if person else ""
                return "\n".join(x for x in (self.player(result.post.id), unit) if x) or None
            if not result.complete:  # numbered as on the post's sheet, not by their ids
                return self.tr("Still missing: criteria %1").replace(
                    "%1", missing_numbers(self.kit, result))
        return None

    def player(self, post_id: str) -> str:
        """Who plays a post: rank and name ("Đại úy Hoàng Văn Dũng"), or "" when nobody is
        named."""
        person = self.kit.people.get(post_id)
        return " ".join(x for x in (person.rank, person.name) if x) if person else ""


class ScoreSheetModel(_Table):
    """One post's scoring sheet: criteria with their maxima, the score and a comment to type in.

    Every accepted edit is written to the kit at once; `changed` tells the window to update
    totals. A score over the maximum, or not a number, is refused and nothing is written
    (`refused`, with why); one the file could not take (read-only, a full disk) is told with
    `not_saved`, with the error.
    """

    NUMBER, CRITERION, MAX, SCORE, COMMENT = range(5)
    changed = Signal()
    refused = Signal(str)
    not_saved = Signal(object)

    def __init__(self, kit: KitFile, post_id: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.kit = kit
        self.headers = (self.tr("No."), self.tr("Criterion"), self.tr("Max"), self.tr("Score"),
                        self.tr("Comment"))
        self.post_id: str | None = None
        self.active = True  # False once the kit is closed: late edits are dropped
        self._rows = []
        self._scores: dict[str, Score] = {}
        self.set_post(post_id)

    def set_post(self, post_id: str | None) -> None:
        """Show the sheet of another post."""
        self.beginResetModel()
        self.post_id = post_id
        self._rows = list(self.kit.scenario.criteria_for(post_id)) if post_id else []
        self._read()
        self.endResetModel()

    def _read(self) -> None:
        self._scores = {s.criterion_id: s for s in self.kit.scores() if s.post_id == self.post_id}

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.SCORE or (
            index.column() == self.COMMENT and self._rows[index.row()].id in self._scores
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        criterion = self._rows[index.row()]
        score = self._scores.get(criterion.id)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NUMBER:
                return str(index.row() + 1)
            if column == self.CRITERION:
                return criterion.text
            if column == self.MAX:
                return score_text(criterion.max)
            if column == self.SCORE:
                return score_text(score.value) if score else ""
            return score.comment if score else ""
        if role == ID_ROLE:
            return criterion.id
        if role == MAX_ROLE:
            return criterion.max
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CRITERION:
            return criterion.text
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.MAX, self.SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.SCORE and score is None:
            return QColor(AMBER[0])
        return None

    def setData(self, index: Index, value,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.post_id
                or not self.active):
            return False
        criterion = self._rows[index.row()]
        old = self._scores.get(criterion.id)
        text = "" if value is None else str(value).strip()
        try:
            if index.column() == self.SCORE:
                if not text:
                    self.kit.set_score(self.post_id, criterion.id, None)
                else:
                    number = parse_score(text)
                    if number is None:
                        raise ActionError(self.tr("“%1” is not a number").replace("%1", text))
                    self.kit.set_score(self.post_id, criterion.id, number,
                                       old.comment if old else "")
            elif index.column() == self.COMMENT and old is not None:
                self.kit.set_score(self.post_id, criterion.id, old.value, text)
            else:
                return False
        except ActionError as error:
            self.refused.emit(str(error))
            return False
        except (sqlite3.Error, FileProblem) as error:
            self.not_saved.emit(error)
            return False
        self._read()
        self.dataChanged.emit(self.index(index.row(), self.SCORE),
                              self.index(index.row(), self.COMMENT))
        self.changed.emit()
        return True


class NotesModel(_Table):
    """The observer's notes: kind, inject, post, text; newest last."""

    KIND, INJECT, POST, TEXT = range(4)

    def __init__(self, kit: KitFile, parent: QObject | None = None):
        super().__init__(parent)
        self.kit = kit
        self.headers = (self.tr("Kind"), self.tr("Inject"), self.tr("Post"), self.tr("Note"))
        self._rows: list[Note] = []
        self.refresh()

    def refresh(self) -> None:
        """Read the notes again."""
        self.beginResetModel()
        self._rows = self.kit.notes()
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        note = self._rows[index.row()]
        scenario = self.kit.whole_scenario
        # each text whole: the window wraps it, and a cell too narrow still has it in its tooltip
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.KIND:
                return labels.label(labels.NOTE_KINDS, note.kind)
            if column == self.INJECT:
                if note.inject_id is None:
                    return self.tr("General")
                return f"{scenario.inject_number(note.inject_id)}. " \
                       f"{scenario.inject(note.inject_id).title}"
            if column == self.POST:
                return scenario.post(note.post_id).title if note.post_id else self.tr(
                    "All posts")
            return note.text
        if role == ID_ROLE:
            return note.id
        return None


class InjectsModel(_Table):
    """The scenario's injects, read-only: number, story time, title, the posts that answer."""

    NUMBER, STORY, TITLE, TARGETS = range(4)

    def __init__(self, kit: KitFile, parent: QObject | None = None):
        super().__init__(parent)
        self.kit = kit
        self.headers = (self.tr("No."), self.tr("Story time"), self.tr("Title"), self.tr("Posts"))
        self._rows = list(kit.whole_scenario.injects)
        self._titles = {p.id: p.title for p in kit.whole_scenario.posts}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        inject = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == self.NUMBER:
                return str(index.row() + 1)
            if column == self.STORY:
                return inject.scenario_time or labels.plan_text(inject.at)
            if column == self.TITLE:
                return inject.title
            return ", ".join(self._titles.get(p, p) for p in inject.targets)
        if role == ID_ROLE:
            return inject.id
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell that may be cut
            if index.column() == self.TARGETS:
                return "\n".join(self._titles.get(p, p) for p in inject.targets) or None
            return inject.title
        return None
