"""The item models behind every list and table of the window (checked with qtmodeltester)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from dientap_desktop.domain.clock import vietnam_time
from dientap_desktop.domain.records import Decision, LogEntry, Person
from dientap_desktop.domain.run import DELIVERED, PENDING, SKIPPED, InjectRun, whole_minutes
from dientap_desktop.domain.scenario import Scale, Scenario
from dientap_desktop.ui import labels
from dientap_desktop.ui.director import ANSWERED, NOT_DUE, WAITING, Director, PostAnswer
from dientap_desktop.ui.log_text import LogText

# Roles as plain ints: the views ask for them thousands of times a repaint.
DISPLAY = Qt.ItemDataRole.DisplayRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
FONT = Qt.ItemDataRole.FontRole.value
ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
ID_ROLE = Qt.ItemDataRole.UserRole.value + 1  # the id behind a row (inject, post, decision, path)
POST_ROLE = Qt.ItemDataRole.UserRole.value + 2
INJECT_ROLE = Qt.ItemDataRole.UserRole.value + 3
WHOLE_ROLE = Qt.ItemDataRole.UserRole.value + 4  # a log line's text whole, its parts on lines
_INJECT_ROLES = frozenset((DISPLAY, TOOLTIP, FONT, ALIGN, BACKGROUND, FOREGROUND, ID_ROLE))

Index = QModelIndex | QPersistentModelIndex

# Status colours: (background, text), readable on light and dark themes alike.
GREEN = (QColor("#d7f0dc"), QColor("#14532d"))
AMBER = (QColor("#fff1c2"), QColor("#6b4a00"))
RED = (QColor("#fbd5d5"), QColor("#7f1d1d"))
GREY = (QColor("#e9ecef"), QColor("#495057"))
CURRENT = (QColor("#fff3a3"), QColor("#1f1f1f"))


def rating_colours(scale: Scale, rating: str | None) -> tuple[QColor, QColor]:
    """A rating's colours, wherever one is shown: the scale's lowest (a fail, "Không đạt yêu
    cầu") in red, any other in green."""
    return RED if rating == scale.ratings[-1].label else GREEN


class _Table(QAbstractTableModel):
    """A flat table: subclasses give the headers and rows."""

    headers: Sequence[str] = ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def row(self, index: Index):
        """The object behind a row."""
        return self._rows[index.row()]

    def _replace_rows(self, rows: list) -> None:
        """Show new rows with the least work for the views: rows that stay are repainted, only
        the rows added or gone are inserted or removed (a reset would lay the view out again)."""
        replace_rows(self, self._rows, rows, len(self.headers))
        self._rows = rows


def replace_rows(model: QAbstractItemModel, old: list, new: list, columns: int) -> None:
    """Tell the views of `model` that its rows go from `old` to `new` (the caller then keeps
    `new`): rows removed or inserted at the end, the rows kept repainted."""
    if len(new) < len(old):
        model.beginRemoveRows(QModelIndex(), len(new), len(old) - 1)
        del old[len(new):]
        model.endRemoveRows()
    elif len(new) > len(old):
        model.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
        old.extend(new[len(old):])
        model.endInsertRows()
    old[:] = new
    if new:
        model.dataChanged.emit(model.index(0, 0), model.index(len(new) - 1, columns - 1))


class InjectTableModel(_Table):
    """The injects of the scenario with their run status; the current one is marked.

    A view repaint asks each visible cell for about ten roles: each row's texts and colours are
    worked out once and kept until that row changes, so a delivery repaints in one frame.
    """

    NUMBER, PLANNED, ACTUAL, STORY, TITLE, TARGETS, STATUS, ANSWERS = range(8)
    _CENTRED = (NUMBER, PLANNED, ACTUAL, ANSWERS)

    def __init__(self, director: Director, parent: QObject | None = None):
        super().__init__(parent)
        self.director = director
        self.headers = (self.tr("No."), self.tr("Planned"), self.tr("Actual"),
                        self.tr("Story time"), self.tr("Title"), self.tr("Posts"),
                        self.tr("Status"), self.tr("Answers"))
        self._rows: list[InjectRun] = list(director.state.injects)
        self._row_of = {run.inject.id: n for n, run in enumerate(self._rows)}
        self._current = director.state.current.inject.id if director.state.current else None
        self._cells: dict[int, tuple] = {}  # row -> (texts, backgrounds, foregrounds, font)
        self._bold = QFont()
        self._bold.setBold(True)
        self._centre = int(Qt.AlignmentFlag.AlignCenter.value)
        self._targets: dict[str, str] = {}  # inject id -> its posts, made for the rows shown

    def refresh(self) -> None:
        """Take the director's new run state; repaint only the rows that changed."""
        state = self.director.state
        current = state.current.inject.id if state.current else None
        # A delivery replaces one run and keeps the others (domain/run.py: with_delivery).
        changed = {
            n for n, (old, new) in enumerate(zip(self._rows, state.injects, strict=True))
            if old is not new
            and (old.status != new.status or old.delivered_at != new.delivered_at)
        }
        changed.update(self._row_of[i] for i in (current, self._current) if i is not None)
        self._rows = list(state.injects)
        self._current = current
        for n in changed:
            self._cells.pop(n, None)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0),
                                  self.index(max(changed), len(self.headers) - 1))

    def refresh_answers(self, inject_id: str) -> None:
        """Repaint the answers column of one inject."""
        row = self.row_of(inject_id)
        if row is not None:
            self._cells.pop(row, None)
            index = self.index(row, self.ANSWERS)
            self.dataChanged.emit(index, index)

    def forget(self) -> None:
        """Work every row out again (after a change from outside the run view)."""
        self._cells.clear()

    def row_of(self, inject_id: str) -> int | None:
        """The row of an inject."""
        return self._row_of.get(inject_id)

    def data(self, index: Index, role: int = DISPLAY):
        if role not in _INJECT_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == ID_ROLE:
            return self._rows[row].inject.id
        if role == TOOLTIP:
            run = self._rows[row]
            if column == self.TARGETS:
                return self._target_text(run.inject).replace(", ", "\n")
            return run.inject.title if column == self.TITLE else None
        if role == ALIGN:
            return self._centre if column in self._CENTRED else None
        cell = self._cells.get(row)
        if cell is None:
            cell = self._cells[row] = self._work_out(self._rows[row])
        if role == DISPLAY:
            return cell[0][column]
        if role == BACKGROUND:
            return cell[1][column]
        if role == FOREGROUND:
            return cell[2][column]
        return cell[3]  # FONT

    def _work_out(self, run: InjectRun) -> tuple:
        is_current = run.inject.id == self._current
        texts = tuple(self._text(run, column, is_current) for column in range(8))
        colours = [self._colours(run, column, is_current) for column in range(8)]
        return (texts, tuple(c[0] if c else None for c in colours),
                tuple(c[1] if c else None for c in colours),
                self._bold if is_current else None)

    def _text(self, run: InjectRun, column: int, is_current: bool) -> str:
        inject = run.inject
        if column == self.NUMBER:
            return f"▶ {run.number}" if is_current else str(run.number)
        if column == self.PLANNED:
            return labels.plan_text(inject.at)
        if column == self.ACTUAL:
            return labels.local_time(run.delivered_at)
        if column == self.STORY:
            return inject.scenario_time or ""
        if column == self.TITLE:
            return inject.title
        if column == self.TARGETS:
            return self._target_text(inject)
        if column == self.STATUS:
            return labels.label(labels.INJECT_STATUS, run.status)
        if column == self.ANSWERS:
            if run.status != DELIVERED:
                return ""
            return f"{self.director.answered_count(inject.id)}/{len(inject.targets)}"
        return ""

    def _target_text(self, inject) -> str:
        text = self._targets.get(inject.id)
        if text is None:
            text = self._targets[inject.id] = ", ".join(
                self.director.post_title(p) for p in inject.targets)
        return text

    def _colours(self, run: InjectRun, column: int, is_current: bool):
        if column == self.STATUS:
            return {DELIVERED: GREEN, SKIPPED: GREY, PENDING: None}[run.status]
        if column == self.ANSWERS and run.status == DELIVERED:
            done = self.director.answered_count(run.inject.id) == len(run.inject.targets)
            return GREEN if done else AMBER
        if is_current:
            return CURRENT
        if run.status == SKIPPED:
            return (None, GREY[1])
        return None


def answer_colours(answer: PostAnswer):
    """Background and text colour of a post's state."""
    if answer.state == NOT_DUE:
        return GREY
    if answer.state == WAITING:
        return RED if answer.late else AMBER
    return AMBER if answer.late else GREEN


class PostsModel(_Table):
    """The target posts of the inject shown, each with its state (waiting, answered, late)."""

    KEY, POST, STATE = range(3)

    def __init__(self, director: Director, parent: QObject | None = None):
        super().__init__(parent)
        self.director = director
        self.headers = (self.tr("Key"), self.tr("Post"), self.tr("State"))
        self._rows: list[PostAnswer] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self.refresh()

    def refresh(self, now: datetime | None = None) -> None:
        """Recompute the states; a new set of posts resets the model, else repaints the states."""
        run = self.director.focus
        rows = self.director.answers(run, now) if run else []
        if [a.post_id for a in rows] != [a.post_id for a in self._rows]:
            self._replace_rows(rows)
        else:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.STATE))

    def state_samples(self) -> list[tuple[str, bool]]:
        """Every text the state column can show, at up to 99 minutes, with whether it is in
        bold (a post waiting): what the column needs to read each state whole. A post that gave
        several decisions says how many beside its answer: that text as it is shown."""
        late = self.director.late_minutes
        answers = [PostAnswer("", NOT_DUE, None, False, 0)]
        for state in (WAITING, ANSWERED):
            answers += [PostAnswer("", state, minutes, minutes >= late, 0)
                        for minutes in (0, min(late - 1, 99), 99)]
        samples = [(self.answer_text(a), a.state == WAITING) for a in answers]
        samples += [(self.data(self.index(row, self.STATE)), False)
                    for row, answer in enumerate(self._rows) if answer.decisions > 1]
        return samples

    def key_of(self, row: int) -> int | None:
        """The N of the Alt+N that chooses the post of this row: its place in the scenario when
        the scenario has at most nine posts (a post keeps its key on every inject: "Alt+4 is
        the police"), else its place among the inject's targets, up to nine."""
        posts = self.director.scenario.posts
        if len(posts) <= 9:
            return next((n for n, p in enumerate(posts, 1)
                         if p.id == self._rows[row].post_id), None)
        return row + 1 if row < 9 else None

    def row_of_key(self, key: int) -> int | None:
        """The row that Alt+`key` chooses, or None when no target post has that key."""
        return next((r for r in range(len(self._rows)) if self.key_of(r) == key), None)

    def answer_text(self, answer: PostAnswer) -> str:
        """A post's state on an inject in words: waiting, late, answered after N minutes (rounded
        alike, as the printed log rounds them). Through self.tr: lupdate sees these as plurals
        only there."""
        minutes = whole_minutes(answer.minutes or 0)
        if answer.state == NOT_DUE:
            return self.tr("Not delivered")
        if answer.state == WAITING:
            if answer.late:
                return self.tr("LATE: no answer for %n min", "", minutes)
            if not minutes:
                return self.tr("Waiting (less than a minute)")
            return self.tr("Waiting for %n min", "", minutes)
        if answer.late:
            return self.tr("Answered after %n min (late)", "", minutes)
        if not minutes:
            return self.tr("Answered within a minute")
        return self.tr("Answered after %n min", "", minutes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        answer = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.KEY:  # ✎: a decision typed for the post and not recorded
                key = self.key_of(index.row())
                return (f"Alt+{key}" if key else "") + (" ✎" if self._drafted(answer) else "")
            if column == self.POST:
                return self.director.post_title(answer.post_id)
            text = self.answer_text(answer)
            if answer.decisions > 1:
                text += " " + self.tr("(%n decisions)", "", answer.decisions)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.STATE:  # whole, should the column be too narrow for it
                return self.data(index)
            if column == self.KEY and self._drafted(answer):
                return self.tr("✎ A decision is typed for this post and not recorded yet: it "
                               "is kept, and in the form when the post is chosen.")
            person = self.director.person(answer.post_id)
            who = " ".join(x for x in (person.rank, person.name) if x)
            if column == self.POST:  # whole, should the state leave the title too little room
                return "\n".join(x for x in (self.director.post_title(answer.post_id), who) if x)
            return who or None
        if role == ID_ROLE:
            return answer.post_id
        if column == self.STATE and role in (Qt.ItemDataRole.BackgroundRole,
                                             Qt.ItemDataRole.ForegroundRole):
            return answer_colours(answer)[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
        if column == self.STATE and role == Qt.ItemDataRole.FontRole and answer.state == WAITING:
            return self._bold
        return None

    def _drafted(self, answer: PostAnswer) -> bool:
        """Whether a decision is typed for the post on the inject shown and not recorded."""
        focus = self.director.focus
        return focus is not None and (focus.inject.id, answer.post_id) in self.director.drafts


class DecisionsModel(_Table):
    """The decisions recorded on the inject shown, by time given; edited ones say so."""

    TIME, POST, KIND, TEXT, COVERS, VERSION = range(6)

    def __init__(self, director: Director, parent: QObject | None = None):
        super().__init__(parent)
        self.director = director
        self.headers = (self.tr("Given at"), self.tr("Post"), self.tr("Kind"),
                        self.tr("Decision"), self.tr("Covers"), self.tr("Edits"))
        self._rows: list[Decision] = []
        self.refresh()

    def row_of(self, decision_id: int) -> int | None:
        """The row of a decision, or None when it is not listed."""
        return next((n for n, d in enumerate(self._rows) if d.id == decision_id), None)

    def any_edited(self) -> bool:
        """Whether a decision shown was corrected (else the Edits column is left out)."""
        return any(d.version > 1 for d in self._rows)

    def refresh(self) -> None:
        """Read the decisions of the inject shown again."""
        focus = self.director.focus_id
        self._replace_rows(self.director.decisions(focus) if focus else [])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        decision = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return labels.local_time(decision.given_at)
            if column == self.POST:
                return self.director.post_title(decision.post_id)
            if column == self.KIND:
                return labels.label(labels.DECISION_KINDS, decision.kind)
            if column == self.TEXT:
                return decision.text
            if column == self.COVERS:
                expected = self.director.inject(decision.inject_id).expected.get(
                    decision.post_id, ())
                return f"{len(decision.covers)}/{len(expected)}" if expected else ""
            if column == self.VERSION:
                return self.tr("%n edit(s)", "", decision.version - 1) \
                    if decision.version > 1 else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEXT:
            return decision.text
        if role == Qt.ItemDataRole.ToolTipRole and column == self.POST:  # whole where cut
            return self.director.post_title(decision.post_id)
        if role == ID_ROLE:
            return decision.id
        return None


class CoversModel(QAbstractListModel):
    """The expected actions of a post on an inject, each ticked when the decision covers it."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[tuple[str, bool]] = []  # (action, ticked)
        self._hidden = False  # numbers only: the answer key is kept off a mirrored screen

    def set_actions(self, actions: Sequence[str], ticked: Sequence[int] = ()) -> None:
        """Show these actions, with the given indices ticked."""
        replace_rows(self, self._rows, [(a, n in ticked) for n, a in enumerate(actions)], 1)

    @property
    def hidden(self) -> bool:
        """Whether the actions show their numbers only."""
        return self._hidden

    def hide_texts(self, hidden: bool) -> None:
        """Show the actions by number only (True), or in full."""
        if hidden != self._hidden:
            self._hidden = hidden
            if self._rows:
                self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def ticked(self) -> list[int]:
        """The indices of the ticked actions."""
        return [n for n, (_action, on) in enumerate(self._rows) if on]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        action, on = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if self._hidden:
                return self.tr("Expected action %1 (hidden on this screen)").replace(
                    "%1", str(index.row() + 1))
            return f"{index.row() + 1}. {action}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return index.row()
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value.value if hasattr(value, "value") else value
        action = self._rows[index.row()][0]
        self._rows[index.row()] = (action, int(state) == Qt.CheckState.Checked.value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class LogModel(_Table):
    """The exercise log, oldest first; new lines are appended, never re-read whole."""

    TIME, EXERCISE_TIME, ACTION, INJECT, POST, SUMMARY = range(6)

    def __init__(self, director: Director, parent: QObject | None = None, load: bool = True):
        super().__init__(parent)
        self.director = director
        self.loaded = False
        self.headers = (self.tr("Time"), self.tr("Exercise time"), self.tr("What"),
                        self.tr("Inject"), self.tr("Post"), self.tr("Details"))
        self._rows: list[LogEntry] = []
        self._numbers = {i.id: n for n, i in enumerate(director.scenario.injects, 1)}
        self.texts = LogText(director.scenario, director.post_title, self)
        # decision id -> the row that recorded it, and its latest correction or withdrawal: the
        # recording's line says the decision was changed later (its own text is as recorded)
        self._recorded: dict[int, int] = {}
        self._changed: dict[int, LogEntry] = {}
        if load:
            self.reload()

    def reload(self) -> None:
        """Read the whole log again."""
        self.beginResetModel()
        self._rows = self.director.exercise.log()
        self._recorded, self._changed = {}, {}
        self.texts.clear()
        self._follow_decisions(0)
        self.loaded = True
        self.endResetModel()

    def append_new(self) -> None:
        """Add the lines written since the last read."""
        last = self._rows[-1].id if self._rows else 0
        new = self.director.exercise.log(after_id=last)
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            changed = self._follow_decisions(first)
            self.endInsertRows()
            for row in sorted(self._recorded[d] for d in changed if d in self._recorded):
                self.dataChanged.emit(self.index(row, self.SUMMARY), self.index(row, self.SUMMARY))

    def _follow_decisions(self, first: int) -> set[int]:
        """Note the decisions recorded, corrected or withdrawn from row `first` on; the ids of
        those changed."""
        changed = set()
        corrected = self.texts.follow(self._rows[first:])
        if corrected:  # what each correction changed, the text withdrawn
            self.texts.versions.update(self.director.exercise.decision_versions(corrected))
        for row in range(first, len(self._rows)):
            entry = self._rows[row]
            decision = entry.data.get("decision")
            if not isinstance(decision, int):
                continue
            if entry.action == "decision":
                self._recorded[decision] = row
            elif entry.action in ("edit_decision", "delete_decision"):
                self._changed[decision] = entry
                changed.add(decision)
        return changed

    def _later(self, entry: LogEntry) -> str:
        """For a decision's recording: " (corrected at …)" or " (withdrawn at …)" when it was."""
        changed = self._changed.get(entry.data.get("decision")) \
            if entry.action == "decision" else None
        if changed is None:
            return ""
        said = self.tr("(corrected at %1)") if changed.action == "edit_decision" \
            else self.tr("(withdrawn at %1)")
        return " " + said.replace("%1", labels.local_time(changed.at, seconds=True))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return labels.local_time(entry.at, seconds=True)
            if column == self.EXERCISE_TIME:
                clock = self.director.clock
                if clock.started_at is None or entry.at < clock.started_at:
                    return ""
                return labels.clock_text(clock.elapsed_minutes(entry.at))
            if column == self.ACTION:
                return labels.label(labels.LOG_ACTIONS, entry.action)
            if column == self.INJECT:
                number = self._numbers.get(entry.inject_id or "")
                return str(number) if number else ""
            if column == self.POST:
                return self.director.post_title(entry.post_id) if entry.post_id else ""
            if column == self.SUMMARY:  # the post is in its own column: not said twice
                return self.texts.line(entry) + self._later(entry)
        if (role == Qt.ItemDataRole.ToolTipRole and column == self.SUMMARY) or role == WHOLE_ROLE:
            return self.texts.whole(entry) + self._later(entry)
        if role == POST_ROLE:
            return entry.post_id or ""
        if role == INJECT_ROLE:
            return entry.inject_id or ""
        if role == ID_ROLE:
            return entry.id
        return None


class LogFilter(QSortFilterProxyModel):
    """The log seen through a post and an inject filter ("" lets everything through)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.post_id = ""
        self.inject_id = ""

    def set_filter(self, post_id: str, inject_id: str) -> None:
        """Show only the lines of this post and this inject."""
        self.beginFilterChange()
        self.post_id, self.inject_id = post_id, inject_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        index = self.sourceModel().index(row, 0, parent)
        if self.post_id and index.data(POST_ROLE) != self.post_id:
            return False
        return not (self.inject_id and index.data(INJECT_ROLE) != self.inject_id)


class RecentModel(_Table):
    """The exercise files opened lately; a file that has gone missing is greyed."""

    NAME, PATH, OPENED = range(3)

    def __init__(self, items: list[dict], parent: QObject | None = None):
        super().__init__(parent)
        self.headers = (self.tr("Exercise"), self.tr("File"), self.tr("Last opened"))
        self._rows = items
        self._exists = [Path(i["path"]).is_file() for i in items]

    def set_items(self, items: list[dict]) -> None:
        """Show another list."""
        self.beginResetModel()
        self._rows = items
        self._exists = [Path(i["path"]).is_file() for i in items]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        exists = self._exists[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                name = item["name"] or Path(item["path"]).stem
                return name if exists else name + " " + self.tr("(file not found)")
            if column == self.PATH:
                return item["path"]
            if column == self.OPENED:
                try:  # Vietnam's time, as every other time on screen
                    opened = vietnam_time(datetime.fromisoformat(item["opened"]))
                except (ValueError, TypeError, OverflowError):
                    return ""
                return opened.strftime("%d/%m/%Y %H:%M")
        if role == Qt.ItemDataRole.ToolTipRole:
            return item["path"]
        if role == Qt.ItemDataRole.ForegroundRole and not exists:
            return GREY[1]
        if role == ID_ROLE:
            return item["path"]
        return None


class ScenarioModel(_Table):
    """Scenarios to start an exercise from: title (with its kind when the title does not say
    it), level, injects and posts."""

    TITLE, LEVEL, INJECTS, POSTS = range(4)

    def __init__(self, scenarios: list[Scenario], parent: QObject | None = None):
        super().__init__(parent)
        self.headers = (self.tr("Scenario"), self.tr("Level"), self.tr("Injects"),
                        self.tr("Posts"))
        self._rows = scenarios

    def add(self, scenario: Scenario) -> int:
        """Add a scenario (one loaded from a file) at the end; returns its row."""
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(scenario)
        self.endInsertRows()
        return len(self._rows) - 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        scenario = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (labels.scenario_name(scenario.title, scenario.kind),
                    labels.label(labels.SCENARIO_LEVELS, scenario.level or None),
                    str(len(scenario.injects)), str(len(scenario.posts)))[column]
        if role == Qt.ItemDataRole.ToolTipRole:  # the title whole (cut at 1366), then what
            name = labels.scenario_name(scenario.title, scenario.kind)  # the scenario is
            return f"{name}\n\n{scenario.summary}" if scenario.summary else name
        if role == ID_ROLE:
            return scenario.id
        return None


class RosterModel(_Table):
    """Who plays each post: name, rank and unit, edited in place."""

    POST, NAME, RANK, UNIT = range(4)
    _FIELDS = {NAME: "name", RANK: "rank", UNIT: "unit"}

    def __init__(self, titles: dict[str, str], people: list[Person],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.headers = (self.tr("Post"), self.tr("Full name"), self.tr("Rank"), self.tr("Unit"))
        self._titles = titles
        self._rows = list(people)

    def people(self) -> list[Person]:
        """The roster as edited."""
        return list(self._rows)

    def title_of(self, post_id: str) -> str:
        """The title of a post of the roster."""
        return self._titles.get(post_id, "")

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() != self.POST:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        person = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.POST:
                return self._titles.get(person.post_id, person.post_id)
            return getattr(person, self._FIELDS[column])
        if role == ID_ROLE:
            return person.post_id
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if (not index.isValid() or role != Qt.ItemDataRole.EditRole
                or index.column() == self.POST):
            return False
        person = self._rows[index.row()]
        self._rows[index.row()] = replace(person, **{self._FIELDS[index.column()]: str(value)})
        self.dataChanged.emit(index, index)
        return True


def first_row_where(model: QAbstractTableModel, predicate: Callable[[QModelIndex], bool]) -> int:
    """The first row whose column-0 index passes the test, or -1."""
    for row in range(model.rowCount()):
        if predicate(model.index(row, 0)):
            return row
    return -1
