"""The posts panel: who must answer the inject shown, a quick form to record a decision, and the
decisions recorded, each editable (older versions are kept)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    QTimeZone,
)
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dientap_desktop.domain.clock import VIETNAM
from dientap_desktop.domain.records import DECISION_KINDS, Decision, Draft
from dientap_desktop.domain.run import DELIVERED
from dientap_desktop.storage.database import utc_now
from dientap_desktop.ui import dialogs, labels
from dientap_desktop.ui.director import WAITING, Director
from dientap_desktop.ui.models import ID_ROLE, CoversModel, DecisionsModel, PostsModel
from dientap_desktop.ui.widgets import (
    ROW_PADDING,
    RoomyDelegate,
    TimeEdit,
    colour,
    column_width,
    fit_column,
    heading,
    hold,
    plain_scroll_bars,
    scaled_font,
    show_focus,
    table_view,
)

HINT_RED_MS = 1500  # the hint over the form is red this long after letters typed in vain
DRAFT_KEPT_AFTER_MS = 400  # what is typed goes to the file once the typing stops this long,
DRAFT_KEPT_WITHIN_MS = 1500  # and this long after a change at the latest, however steady
# The kind chosen stands out at a glance (the style's own pressed look is a faint grey).
KIND_CHOSEN = ("QPushButton:checked { background: #1e40af; color: white; "
               "border: 1px solid #1e3a8a; border-radius: 3px; padding: 3px 6px; } "
               "QPushButton:checked:disabled { background: #94a3b8; border-color: #94a3b8; }")
TEXT_ROOM = 170  # pixels the recorded decisions' text keeps, at least, beside their posts
VIETNAM_ZONE = QTimeZone(int(VIETNAM.utcoffset(None).total_seconds()))


def to_qt(moment: datetime) -> QDateTime:
    """A stored instant as a QDateTime in Vietnam's time (as the papers print it)."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), VIETNAM_ZONE)


def from_qt(value: QDateTime) -> datetime:
    """A QDateTime from the editor as an aware UTC instant."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class DecisionEditor(QWidget):
    """Kind, text, the expected actions covered, and the time given of one decision; `now`
    gives the present time (the exercise file's, see ExerciseFile.now)."""

    def __init__(self, now: Callable[[], datetime] = utc_now, parent: QWidget | None = None,
                 kind_label_apart: bool = False):
        super().__init__(parent)
        self.now = now
        self.kinds = QButtonGroup(self)
        kind_row = QHBoxLayout()
        kind_row.setSpacing(4)
        for n, kind in enumerate(DECISION_KINDS):
            button = QPushButton(labels.label(labels.DECISION_KINDS, kind))
            button.setCheckable(True)
            button.setToolTip(f"Ctrl+{n + 1}")
            button.setAutoDefault(False)
            button.setStyleSheet(KIND_CHOSEN)
            self.kinds.addButton(button, n)
            kind_row.addWidget(button)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=n: self.kinds.button(n).setChecked(True))
        self.kinds.button(0).setChecked(True)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What the post reported, decided or ordered…"))
        self.text.setFont(scaled_font(self.text, 1.1))
        plain_scroll_bars(self.text)
        self.covers = CoversModel(self)
        self.covers_view = QListView()
        show_focus(self.covers_view)
        self.covers_view.setModel(self.covers)
        self.covers_view.setItemDelegate(RoomyDelegate(self.covers_view))
        plain_scroll_bars(self.covers_view)
        self.covers_view.setWordWrap(True)
        self.covers_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.covers_view.setToolTip(self.tr("Tick the expected actions this decision covers "
                                            "(Space ticks the one selected)"))
        self.covers_label = QLabel(self.tr("Expected actions it covers:"))
        self.given = TimeEdit()
        if hasattr(self.given, "setTimeZone"):  # Qt 6.7 and later: Vietnam's time, as shown
            self.given.setTimeZone(VIETNAM_ZONE)  # everywhere else (older: the laptop's zone)
        self.given.setDisplayFormat("HH:mm:ss  dd/MM/yyyy")
        self.given.setCalendarPopup(True)
        self.given.setToolTip(self.tr("When the post gave the decision (Ctrl+T)"))
        self.given_touched = False
        self.given.dateTimeChanged.connect(self._given_edited)
        self.now_button = QPushButton(self.tr("Now"))
        self.now_button.setAutoDefault(False)
        self.now_button.clicked.connect(self.reset_time)
        self.now_button.setToolTip(self.tr("The time back to now, following the clock "
                                           "(Ctrl+Shift+T)"))
        back_to_now = QShortcut(QKeySequence("Ctrl+Shift+T"), self)
        back_to_now.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back_to_now.activated.connect(self.reset_time)
        focus_time = QShortcut(QKeySequence("Ctrl+T"), self)
        focus_time.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        focus_time.activated.connect(
            lambda: self.given.setFocus(Qt.FocusReason.ShortcutFocusReason))
        time_row = QHBoxLayout()
        time_row.addWidget(QLabel(self.tr("Given at:")))
        time_row.addWidget(self.given, 1)
        time_row.addWidget(self.now_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # (the posts panel shows it beside the form's title: a line less, for the posts' list)
        self.kind_label = QLabel(self.tr("Kind (Ctrl+1…5):"))
        if not kind_label_apart:
            layout.addWidget(self.kind_label)
        layout.addLayout(kind_row)
        layout.addWidget(self.text, 2)
        layout.addWidget(self.covers_label)
        layout.addWidget(self.covers_view, 3)
        # Least heights: three lines to type in, two lines of expected actions (two actions of
        # two lines when there is room: PostsPanel.fit_posts; more still, the list taking the
        # larger share); the rest of the panel's height goes to the list of posts first, every
        # target post in sight.
        self.text.setMinimumHeight(3 * self.text.fontMetrics().lineSpacing() + 12)
        lines = self.covers_view.fontMetrics().lineSpacing()
        self.covers_least = 2 * lines + 10
        self.covers_wanted = 2 * (2 * lines + ROW_PADDING) + 10
        self.covers_view.setMinimumHeight(self.covers_least)
        layout.addLayout(time_row)
        self.reset_time()

    def _given_edited(self, _value: QDateTime) -> None:
        self.given_touched = True

    def reset_time(self) -> None:
        """Follow the present time again."""
        self.given.blockSignals(True)
        self.given.setDateTime(to_qt(self.now()))
        self.given.blockSignals(False)
        self.given_touched = False

    def follow_now(self) -> None:
        """Move the time to now unless the user set it."""
        if not self.given_touched and not self.given.hasFocus():
            self.reset_time()

    def set_actions(self, actions, ticked=()) -> None:
        """Show the expected actions of the post (hidden when there are none), from the first:
        Space ticks the first action of each post, not the row the last post's cursor was on."""
        self.covers.set_actions(actions, ticked)
        self.covers_view.setVisible(bool(actions))
        self.covers_label.setVisible(bool(actions))
        if actions:
            self.covers_view.setCurrentIndex(self.covers.index(0, 0))
        self.covers_view.scrollToTop()

    def kind(self) -> str:
        """The kind chosen."""
        return DECISION_KINDS[max(0, self.kinds.checkedId())]

    def set_kind(self, kind: str) -> None:
        """Choose a kind."""
        self.kinds.button(DECISION_KINDS.index(kind)).setChecked(True)

    def typed_time(self) -> QDateTime:
        """The time in the field, with a part still being typed: "9:5" and Ctrl+Enter is 09:05
        (Qt reads the part when the field is left, and the keys to record do not leave it)."""
        self.given.interpretText()
        return self.given.dateTime()

    def given_at(self) -> datetime | None:
        """The time given when the user set one; None means "now"."""
        typed = self.typed_time()
        return from_qt(typed) if self.given_touched else None

    def draft(self) -> Draft | None:
        """What is typed, with the kind, ticks and time chosen for it; None when no text is
        (the text cleared, the draft goes with its ticks)."""
        text = self.text.toPlainText()
        if not text.strip():
            return None
        return Draft(self.kind(), text, tuple(self.covers.ticked()), self.given_at())

    def restore(self, actions, draft: Draft | None) -> None:
        """Show a post's expected actions with its draft, or an empty form with the first kind
        (a kind chosen for the post before is not carried over to the next one unseen)."""
        if draft is None:
            self.set_actions(actions)
            self.set_kind(DECISION_KINDS[0])
            self.text.clear()
            self.reset_time()
            return
        self.set_actions(actions, draft.ticked)
        self.set_kind(draft.kind)
        self.text.setPlainText(draft.text)
        self.text.moveCursor(QTextCursor.MoveOperation.End)
        if draft.given_at is None:
            self.reset_time()
        else:
            self.given.setDateTime(to_qt(draft.given_at))
            self.given_touched = True  # as the director set it


class DecisionDialog(QDialog):
    """Correct a recorded decision; shows its earlier versions, which are kept."""

    def __init__(self, director: Director, decision: Decision, parent: QWidget | None = None):
        super().__init__(parent)
        self.director = director
        self.decision = decision
        self.setWindowTitle(self.tr("Correct a decision"))
        self.resize(640, 560)
        self.editor = DecisionEditor(lambda: director.exercise.now())
        self.editor.set_kind(decision.kind)
        self.editor.text.setPlainText(decision.text)
        self.editor.set_actions(
            director.inject(decision.inject_id).expected.get(decision.post_id, ()),
            decision.covers)
        self.editor.given.blockSignals(True)
        self.editor.given.setDateTime(to_qt(decision.given_at))
        self.editor.given.blockSignals(False)
        self.editor.now_button.hide()
        run = director.run(decision.inject_id)
        title = QLabel(self.tr("%1 on inject %2 «%3»").replace(
            "%1", director.post_title(decision.post_id)).replace("%2", str(run.number)).replace(
            "%3", run.inject.title))
        title.setWordWrap(True)
        title.setFont(scaled_font(title, 1.1, bold=True))
        history = director.exercise.decision_history(decision.id)
        self.history = QLabel("\n".join(
            self.tr("Version %1, %2 · %3: %4").replace("%1", str(old.version)).replace(
                "%2", labels.local_time(old.given_at)).replace(
                "%3", labels.label(labels.DECISION_KINDS, old.kind)).replace("%4", old.text)
            for old in history) or self.tr("No earlier version."))
        self.history.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        # Enter types a new line in the text: the keys to save are on the button
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("&Save (Ctrl+Enter)"))
        withdraw = buttons.addButton(self.tr("&Withdraw…"),
                                     QDialogButtonBox.ButtonRole.ResetRole)
        withdraw.clicked.connect(self.withdraw)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        save = QShortcut(QKeySequence("Ctrl+Return"), self)
        save.activated.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.editor, 1)
        layout.addWidget(heading(self.tr("Earlier versions"), 1.0))
        layout.addWidget(self.history)
        layout.addWidget(buttons)
        self.editor.text.setFocus(Qt.FocusReason.OtherFocusReason)  # the text is what is corrected
        self.editor.text.moveCursor(QTextCursor.MoveOperation.End)
        self._as_opened = self._typed()

    def _typed(self) -> tuple:
        editor = self.editor
        return (editor.kind(), editor.text.toPlainText(), tuple(editor.covers.ticked()),
                editor.typed_time())

    def reject(self) -> None:
        """Escape, Cancel or the close button: a correction typed is not dropped unasked."""
        if self._typed() != self._as_opened and not dialogs.ask_drop_typed(self, self.tr(
                "The correction has not been saved: the decision stays as it was.")):
            return
        super().reject()

    def save(self) -> None:
        """Write the corrected decision (the old one goes to its history)."""
        if not self.editor.text.toPlainText().strip():
            self.editor.text.setFocus()
            return
        given = from_qt(self.editor.typed_time())
        if given == self.decision.given_at.replace(microsecond=0):
            given = None  # the time shown to the second: not changed, kept as it was
        if self.director.edit_decision(self.decision, self.editor.kind(),
                                       self.editor.text.toPlainText(), given,
                                       self.editor.covers.ticked()):
            self.accept()

    def withdraw(self) -> None:
        """Withdraw the decision after a confirmation."""
        if self.director.delete_decision(self.decision):
            self.accept()


class PostsPanel(QWidget):
    """Target posts of the inject shown, the decision form, and the decisions recorded."""

    _form_title_parts = ("", "")  # the post's title and its player's rank and name, in the form

    def __init__(self, director: Director, parent: QWidget | None = None):
        super().__init__(parent)
        self.director = director
        self.posts = PostsModel(director, self)
        self.posts_view = table_view(self.posts, stretch=PostsModel.STATE)
        fit_column(self.posts_view, PostsModel.KEY, "Alt+9 ✎", bold=True)  # ✎: a draft
        self._state_room: tuple[list, int] | None = None  # (state texts, the width they need)
        self._fit_posts_list()
        self.posts_view.viewport().installEventFilter(self)  # its width: titles and states
        # the post chosen is the row selected (a click, the arrows, Alt+N), not the cursor that
        # the list puts on its first row when it takes the keyboard
        self.posts_view.selectionModel().selectionChanged.connect(self._post_chosen)
        self.posts_view.installEventFilter(self)  # text typed with no post chosen: told

        self.form_title = QLabel()
        self.form_title.setFont(scaled_font(self.form_title, 1.1, bold=True))
        self.form_title.setText("X")
        self.editor = DecisionEditor(lambda: director.exercise.now(), kind_label_apart=True)
        self.record_button = QPushButton(self.tr("Record the decision (Ctrl+Enter)"))
        self.record_button.setFont(scaled_font(self.record_button, 1.05, bold=True))
        self.record_button.clicked.connect(self.record)  # Ctrl+Enter: the run view's key
        self.blocked = QLabel()
        self.blocked.setWordWrap(True)
        colour(self.blocked, "#6b4a00", "#fff1c2")
        self.blocked.setMargin(6)
        # what is typed cannot be kept in the file (a full disk...): said here, where the
        # director is typing, and not in a dialog that would take the keys being typed
        self.unkept = QLabel()
        self.unkept.setWordWrap(True)
        colour(self.unkept, "#7f1d1d", "#fbd5d5")
        self.unkept.setMargin(6)
        self.unkept.hide()
        director.drafts_unkept.connect(self._drafts_unkept)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 2, 0, 0)
        form_layout.setSpacing(4)
        title_row = QHBoxLayout()  # whose decision, and the keys of the kinds below
        title_row.addWidget(hold(self.form_title), 1)
        title_row.addWidget(self.editor.kind_label)
        form_layout.addLayout(title_row)
        form_layout.addWidget(self.blocked)
        form_layout.addWidget(self.unkept)
        form_layout.addWidget(self.editor, 1)
        form_layout.addWidget(self.record_button)

        self.decisions = DecisionsModel(director, self)
        self.decisions_view = table_view(self.decisions, stretch=DecisionsModel.TEXT)
        # The narrow columns as wide as their headers and values: the rest goes to the text.
        view = self.decisions_view
        fit_column(view, DecisionsModel.TIME, "00:00")
        view.setColumnWidth(DecisionsModel.POST, 110)
        fit_column(view, DecisionsModel.KIND,
                   *(labels.label(labels.DECISION_KINDS, k) for k in DECISION_KINDS))
        fit_column(view, DecisionsModel.COVERS, "9/9")
        fit_column(view, DecisionsModel.VERSION,
                   QCoreApplication.translate("DecisionsModel", "%n edit(s)", "", 9))
        view.setColumnHidden(DecisionsModel.VERSION, True)  # until a decision is corrected
        # Fixed scroll bars: a list that changes with each inject must not re-lay out the panel.
        # Rows as tight as reads well, and the recorded decisions in two rows at least.
        for view in (self.posts_view, self.decisions_view):
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 9)
        self.decisions_view.setMinimumHeight(
            self.decisions_view.horizontalHeader().sizeHint().height()
            + 2 * self.decisions_view.verticalHeader().defaultSectionSize() + 4)
        for view in (self.posts_view, self.decisions_view):
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.decisions_view.activated.connect(self.edit)
        self.decisions_view.setToolTip(self.tr("Enter or double-click corrects the decision"))
        edit = QPushButton(self.tr("Correct… (F4)"))
        edit.setToolTip(self.tr("Correct the decision chosen in the list (Enter on it does too)"))
        edit.clicked.connect(self.correct)
        decisions_head = QHBoxLayout()
        decisions_head.addWidget(heading(self.tr("Decisions recorded on this inject"), 1.0))
        decisions_head.addStretch(1)
        decisions_head.addWidget(edit)
        recorded = QWidget()
        recorded_layout = QVBoxLayout(recorded)
        recorded_layout.setContentsMargins(0, 0, 0, 0)
        recorded_layout.setSpacing(2)
        recorded_layout.addLayout(decisions_head)
        recorded_layout.addWidget(self.decisions_view, 1)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(2)
        self._posts_heading = heading(self.tr("Posts to answer (Alt+1…9)"), 1.1)
        top_layout.addWidget(self._posts_heading)
        top_layout.addWidget(self.posts_view, 1)

        self.split = split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(form)
        split.addWidget(recorded)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setStretchFactor(2, 2)
        split.setChildrenCollapsible(False)
        split.setSizes([170, 330, 130])
        self._fitted: tuple[int, int] | None = None  # (posts, panel height) the list was fitted to
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self._post_id: str | None = None
        self._shown_inject: str | None = None
        # What is typed in the form is kept in the file (Director.drafts) a moment after the
        # typing stops, and at once when the director turns to another post or inject (F6
        # included): a crash or a power cut does not take it, it comes back with its post and
        # inject, and it is never recorded against a post it was not typed for.
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_KEPT_AFTER_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self._draft_deadline = QTimer(self)  # and every so often while the typing goes on
        self._draft_deadline.setSingleShot(True)
        self._draft_deadline.setInterval(DRAFT_KEPT_WITHIN_MS)
        self._draft_deadline.timeout.connect(self.keep_draft)
        editor = self.editor
        for changed in (editor.text.textChanged, editor.kinds.idToggled,
                        editor.covers.dataChanged, editor.given.dateTimeChanged,
                        editor.now_button.clicked):
            changed.connect(self._draft_edited)

    # ------------------------------------------------------------------ following the director
    def focus_changed(self) -> None:
        """Another inject is shown (or its status changed): posts, form and decisions follow."""
        self.posts.refresh()
        self._refresh_decisions()
        run = self.director.focus
        if run is not None and run.inject.id == self._shown_inject \
                and self._post_id in run.inject.targets:  # same inject (a pause, an undo...):
            self.posts_view.selectRow(run.inject.targets.index(self._post_id))  # same post
        else:
            self._choose_first_waiting()
        self._update_form_state()
        self._show_edits_column()
        self.fit_posts()
        self._fit_posts_list()
        self._fit_post_column()

    @property
    def post_shown(self) -> str | None:
        """The post whose form is shown."""
        return self._post_id

    def show_post(self, post_id: str) -> None:
        """Show that post's form, if it is a target of the inject shown."""
        run = self.director.focus
        if run is not None and post_id in run.inject.targets:
            self.posts_view.selectRow(run.inject.targets.index(post_id))

    def _fit_posts_list(self) -> None:
        """The posts' titles whole in the list of the inject's posts ("Chủ tịch Ủy ban MTTQ
        Việt Nam phường"), as far as the state keeps room for its longest text in the language
        in use ("LATE: no answer for 15 min", "Waiting (less than a minute)"): the state is what
        the director reads at a glance; a title cut for it is whole in its tooltip. The rest of
        the width goes to the state."""
        run = self.director.focus
        targets = run.inject.targets if run is not None else ()
        view = self.posts_view
        samples = self.posts.state_samples()
        if self._state_room is None or self._state_room[0] != samples:  # measured on a change
            self._state_room = (samples, max(
                column_width(view, PostsModel.STATE, *(t for t, bold in samples if bold),
                             bold=True),
                column_width(view, PostsModel.STATE, *(t for t, bold in samples if not bold))))
        widest = column_width(view, PostsModel.POST,
                              *(self.director.post_title(p) for p in targets))
        room = view.viewport().width() - view.columnWidth(PostsModel.KEY) - self._state_room[1]
        least = column_width(view, PostsModel.POST, "x" * 12)  # a title cut still tells the post
        width = min(widest, max(room, least))
        if view.columnWidth(PostsModel.POST) != width:
            view.setColumnWidth(PostsModel.POST, width)

    def _fit_post_column(self) -> None:
        """The recorded decisions' post column as wide as the longest title among the inject's
        posts (the end of a title is what tells "Chủ tịch UBND phường" from "Chủ tịch Ủy ban
        MTTQ"), as far as the decision's text keeps room to be read (TEXT_ROOM)."""
        run = self.director.focus
        view = self.decisions_view
        if run is None or view.viewport().width() <= 0:
            return
        metrics = view.fontMetrics()
        scenario = self.director.scenario
        widest = max((metrics.horizontalAdvance(scenario.post(p).title)
                      for p in run.inject.targets), default=0) + 14  # the cell's margins
        others = sum(view.columnWidth(c) for c in range(self.decisions.columnCount())
                     if c not in (DecisionsModel.POST, DecisionsModel.TEXT)
                     and not view.isColumnHidden(c))
        width = max(110, min(widest, view.viewport().width() - others - TEXT_ROOM))
        if view.columnWidth(DecisionsModel.POST) != width:
            view.setColumnWidth(DecisionsModel.POST, width)

    def fit_posts(self) -> None:
        """Make room in the list for every target post (up to nine, the Alt keys), so the
        director sees at a glance who has not answered: taken from the decisions recorded
        below first, then from the form, never below what each needs to be used. What is left
        shows two expected actions whole first (the director ticks what he reads), then goes
        to the decisions recorded as they were, and to the form."""
        rows = min(self.posts.rowCount(), 9)
        sizes = self.split.sizes()
        total = sum(sizes)
        if self._fitted == (rows, total) or total <= 0 or not self.isVisible():
            return
        self._fitted = (rows, total)
        view = self.posts_view
        covers = self.editor.covers_view
        wanted = (self._posts_heading.sizeHint().height()
                  + self.split.widget(0).layout().spacing()
                  + view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
                  + max(rows, 2) * view.verticalHeader().defaultSectionSize())
        form_least = self.split.widget(1).minimumSizeHint().height()
        if not covers.isHidden():  # what it was given the last time, beyond its least
            form_least -= covers.minimumHeight() - self.editor.covers_least
        recorded_least = self.split.widget(2).minimumSizeHint().height()
        top = max(min(wanted, total - form_least - recorded_least), 0)
        more = max(0, min(self.editor.covers_wanted - self.editor.covers_least,
                          total - top - form_least - recorded_least))
        covers.setMinimumHeight(self.editor.covers_least + more)
        form_least += more
        recorded = max(recorded_least, min(sizes[2], total - top - form_least))
        self.split.setSizes([top, total - top - recorded, recorded])

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_posts()
        self._fit_post_column()
        self._fit_form_title()

    def _fit_form_title(self) -> None:
        """The form's title as wide as the panel (whole in its tooltip). Where a long post title
        and its player's rank and name do not fit, "Decision of:" goes first, then the post's
        title is cut with "…": the name the director calls the player by stays whole."""
        title = self.form_title.toolTip()
        if not title:
            self.form_title.setText("")
            return
        metrics = self.form_title.fontMetrics()
        room = max(self.form_title.width() or self.width(), 40)
        post, who = self._form_title_parts
        bare = post + (f" ({who})" if who else "")
        if metrics.horizontalAdvance(title) <= room:
            shown = title
        elif metrics.horizontalAdvance(bare) <= room or not who:
            shown = metrics.elidedText(bare, Qt.TextElideMode.ElideRight, room)
        else:
            person = f" ({who})"
            left = room - metrics.horizontalAdvance(person)
            shown = (metrics.elidedText(post, Qt.TextElideMode.ElideRight, left) + person
                     if left >= metrics.horizontalAdvance(post[:6] + "…") else
                     metrics.elidedText(bare, Qt.TextElideMode.ElideRight, room))
        self.form_title.setText(shown)

    def decisions_changed(self) -> None:
        """A decision on the inject shown was recorded, edited or withdrawn."""
        self.posts.refresh()
        self._fit_posts_list()  # "(2 decisions)" beside an answer takes room
        self._refresh_decisions()
        self._show_edits_column()

    def _refresh_decisions(self) -> None:
        """Read the decisions again, the one chosen in the list still chosen, or none when it
        is not listed any more (another inject): a row never stands for another decision."""
        view = self.decisions_view
        index = view.currentIndex()
        chosen = self.decisions.row(index).id if index.isValid() \
            and view.selectionModel().isSelected(index) else None
        self.decisions.refresh()
        row = self.decisions.row_of(chosen) if chosen is not None else None
        if row is None:
            view.selectionModel().clear()
        elif row != index.row():
            view.setCurrentIndex(self.decisions.index(row, 0))

    def _show_edits_column(self) -> None:
        edited = self.decisions.any_edited()
        if self.decisions_view.isColumnHidden(DecisionsModel.VERSION) == edited:
            self.decisions_view.setColumnHidden(DecisionsModel.VERSION, not edited)

    def refresh_posts(self) -> None:
        """Names of the players changed."""
        self.posts.refresh()
        self.posts_view.viewport().update()

    def tick(self) -> None:
        """Once a second: waiting times, and the form's time if the user did not set it."""
        self.posts.refresh()
        self.editor.follow_now()

    def _choose_first_waiting(self) -> None:
        """The first post still waiting; none when every post has answered a delivered inject
        (an empty form for the first post would invite its decision twice: another decision
        of a post is asked for with its Alt key)."""
        run = self.director.focus
        answers = self.director.answers(run) if run else []
        row = next((n for n, a in enumerate(answers) if a.state == WAITING), None)
        if self.posts.rowCount() == 0 or (row is None and run.status == DELIVERED):
            self.posts_view.selectionModel().clear()
            self._set_post(None)
            self._update_form_state()
            return
        row = row or 0
        self.posts_view.selectRow(row)
        self._set_post(self.posts.index(row, 0).data(ID_ROLE))

    def _update_form_state(self) -> None:
        run = self.director.focus
        usable = run is not None and run.status == DELIVERED and self._post_id is not None
        self.editor.setEnabled(usable)
        self.editor.kind_label.setEnabled(usable)
        self.record_button.setEnabled(usable)
        if run is None or run.status != DELIVERED:
            self.blocked.setText(self.tr("This inject has not been delivered: decisions are "
                                         "recorded once it is handed out."))
            self.blocked.show()
        elif self._post_id is None and self.posts.rowCount():
            text = self.tr("Every post has answered this inject. Another decision of a post: "
                           "its key, Alt+1…9, or a click on it.")
            if self.director.status == "running":
                text += " " + (self.tr("The next inject: F6.") if self.director.state.next
                               else self.tr("Every inject is handed out: Ctrl+F9 finishes the "
                                            "exercise."))
            self.blocked.setText(text)
            self.blocked.show()
        else:
            self.blocked.hide()

    def _post_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.posts_view.selectionModel().selectedRows()
        if rows:
            self._set_post(rows[0].data(ID_ROLE))

    def _set_post(self, post_id: str | None) -> None:
        run = self.director.focus
        if post_id == self._post_id and run is not None and self._shown_inject == run.inject.id:
            return
        self.keep_draft()
        self._post_id = post_id
        self._shown_inject = run.inject.id if run else None
        if post_id is None or run is None:
            self.form_title.setText("")
            self.form_title.setToolTip("")
            self.editor.set_actions(())
            self.editor.text.clear()
            return
        person = self.director.person(post_id)
        who = " ".join(x for x in (person.rank, person.name) if x)
        self._form_title_parts = (self.director.post_title(post_id), who)
        title = self.tr("Decision of: %1").replace(
            "%1", self.director.post_title(post_id) + (f" ({who})" if who else ""))
        self.form_title.setToolTip(title)  # whole, should the panel be too narrow for it
        self._fit_form_title()
        draft = self.director.drafts.get((run.inject.id, post_id))
        self.editor.restore(run.inject.expected.get(post_id, ()), draft)
        self._draft_timer.stop()  # what is in the form now is what is kept
        self._draft_deadline.stop()
        self._update_form_state()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Letters typed in the posts' list when no post is chosen (every post has answered)
        would only move its cursor to a post whose name starts so: they are refused with a
        beep, and the hint over the form says what to do, in red a moment."""
        if event.type() == QEvent.Type.Resize and watched is self.posts_view.viewport():
            self._fit_posts_list()
            return False
        if watched is self.posts_view and event.type() == QEvent.Type.KeyPress \
                and self._post_id is None and event.text().strip() and event.text().isprintable() \
                and not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                              | Qt.KeyboardModifier.KeypadModifier):
            QApplication.beep()
            if self.blocked.isVisible():
                colour(self.blocked, "#7f1d1d", "#fbd5d5")
                QTimer.singleShot(HINT_RED_MS, lambda: colour(self.blocked, "#6b4a00", "#fff1c2"))
            return True
        return super().eventFilter(watched, event)

    def _drafts_unkept(self, text: str) -> None:
        self.unkept.setText(text)
        self.unkept.setVisible(bool(text))

    def _draft_edited(self, *_changed) -> None:
        self._draft_timer.start()  # again: kept once the typing stops,
        if not self._draft_deadline.isActive():  # or soon at the latest if it does not
            self._draft_deadline.start()

    def keep_draft(self) -> bool:
        """Keep in the file what is typed in the form, for the post and inject it was typed
        for (nothing typed: what was kept for them goes). Whether it is kept."""
        self._draft_timer.stop()
        self._draft_deadline.stop()
        if self._post_id is None or self._shown_inject is None:
            return True
        key = (self._shown_inject, self._post_id)
        had = key in self.director.drafts
        kept = self.director.keep_draft(*key, self.editor.draft())
        if had != (key in self.director.drafts):
            self.posts.refresh()  # the post's state says whether a draft waits
        return kept

    def choose_key(self, key: int) -> None:
        """Alt+N: record a decision of the post that has key N (a beep when no post of the
        inject has it)."""
        row = self.posts.row_of_key(key)
        if row is None:
            QApplication.beep()
            return
        self.choose_post(row)

    def choose_post(self, row: int) -> None:
        """Record a decision of the post of this row of the list."""
        if 0 <= row < self.posts.rowCount():
            self.posts_view.selectRow(row)
            self._set_post(self.posts.index(row, 0).data(ID_ROLE))
            self.focus_form()

    def focus_form(self) -> None:
        """Put the keyboard in the decision text."""
        self.editor.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def form_usable(self) -> bool:
        """Whether a decision can be typed now (a delivered inject, a post chosen)."""
        return self.record_button.isEnabled()

    # ------------------------------------------------------------------ recording and editing
    def record(self) -> None:
        """Record the decision typed for the chosen post; move on to the next post waiting."""
        run = self.director.focus
        text = self.editor.text.toPlainText().strip()
        if run is None or self._post_id is None or run.status != DELIVERED:
            return
        if not text:
            self.editor.text.setFocus()
            self.editor.text.setPlaceholderText(self.tr("Type the decision first, then "
                                                        "Ctrl+Enter."))
            return
        typed = self.editor.given_at()
        decision = self.director.record_decision(
            run.inject.id, self._post_id, self.editor.kind(), text, typed,
            self.editor.covers.ticked())
        if decision is None:
            return
        if typed is not None and decision.given_at - typed >= timedelta(seconds=1):
            # typed in the delivery's minute, before its second: kept as the delivery's moment
            dialogs.show_info(self, self.tr("Time of the decision"), self.tr(
                "The time typed, %1, is before the inject was delivered, at %2: the decision is "
                "recorded at %2 (F4 corrects it).").replace(
                    "%1", labels.local_time(typed, seconds=True)).replace(
                    "%2", labels.local_time(decision.given_at, seconds=True)))
        row = self.decisions.row_of(decision.id)
        if row is not None:  # the decision just recorded in sight (the list shows three rows)
            self.decisions_view.scrollTo(self.decisions.index(row, 0))
        self.editor.text.clear()
        self.editor.reset_time()
        self._shown_inject = None  # nothing to keep: the form was recorded (its draft with it)
        self._choose_first_waiting()
        if self.form_usable():
            self.focus_form()
        else:  # every post has answered: the list, where the next post is chosen
            self.posts_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def correct(self) -> None:
        """F4: correct the decision chosen in the list (the keyboard on it), else the latest
        recorded: a row the list kept from before is not a choice the director sees."""
        view = self.decisions_view
        index = view.currentIndex()
        if not (view.hasFocus() and view.selectionModel().isSelected(index)):
            index = QModelIndex()
        if not index.isValid() and self.decisions.rowCount():
            latest = max(range(self.decisions.rowCount()),
                         key=lambda r: self.decisions.row(self.decisions.index(r, 0)).id)
            index = self.decisions.index(latest, 0)
            self.decisions_view.setCurrentIndex(index)
        self.edit(index)

    def edit(self, index: QModelIndex) -> None:
        """Correct the decision of this row."""
        if not index.isValid():
            return
        decision = self.decisions.row(index)
        dialog = DecisionDialog(self.director, decision, self)
        dialog.editor.covers.hide_texts(self.editor.covers.hidden)  # a mirrored screen: still
        dialog.exec()
        # the keyboard back on the list of decisions, on the one corrected, for the next one
        if self.decisions.rowCount() and self.isVisible():
            self.decisions_view.setFocus(Qt.FocusReason.OtherFocusReason)
