"""The run view: the clock, the inject list, the inject shown large, and the posts panel."""

from __future__ import annotations

import heapq

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dientap_desktop.domain.run import DELIVERED, PENDING, SKIPPED, InjectRun
from dientap_desktop.ui import labels
from dientap_desktop.ui.director import Director
from dientap_desktop.ui.inject_text import add_media, inject_html
from dientap_desktop.ui.models import ID_ROLE, InjectTableModel
from dientap_desktop.ui.posts_panel import PostsPanel
from dientap_desktop.ui.widgets import (
    colour,
    fit_column,
    heading,
    hold,
    pin,
    plain_scroll_bars,
    scaled_font,
    table_view,
)

# (text, background) of the exercise status and of the banner above the inject shown
STATUS_COLOURS = {
    "planned": ("#343a40", "#e9ecef"),
    "running": ("#ffffff", "#14532d"),
    "paused": ("#ffffff", "#b45309"),
    "finished": ("#ffffff", "#343a40"),
}
BANNER_COLOURS = {
    "current": ("#ffffff", "#14532d"),
    "next": ("#ffffff", "#1e3a8a"),
    "other": ("#343a40", "#e9ecef"),
}
RED, BLUE, GREEN, GREY = "#b91c1c", "#1d4ed8", "#15803d", "#6c757d"


def set_text(label: QLabel, text: str) -> None:
    """Set a label's text only when it changes (a change may re-layout the panel)."""
    if label.text() != text:
        label.setText(text)


class StatusLine(QWidget):
    """The clock bar's last line: the next step on the left, the earlier injects that still wait
    for posts on the right. The two labels are placed by hand, without a layout: a new text
    never re-lays out the window, and the next step takes the width the other one leaves."""

    GAP = 14

    def __init__(self, hint: QLabel, earlier: QLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.hint, self.earlier = hint, earlier
        for label in (hint, earlier):
            label.setParent(self)
        self.setFixedHeight(max(hint.sizeHint().height(), earlier.sizeHint().height()))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def place(self) -> None:
        """The earlier injects as wide as their text, at the right; the next step the rest."""
        width, height = self.width(), self.height()
        text = self.earlier.text()
        right = min(self.earlier.fontMetrics().horizontalAdvance(text) + 8, width) if text else 0
        self.earlier.setGeometry(width - right, 0, right, height)
        self.hint.setGeometry(0, 0, max(width - right - (self.GAP if right else 0), 0), height)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.place()


class ClockBar(QFrame):
    """Exercise time, ahead or behind the plan, story time, states in force, and the next step.

    Each value keeps one width, that of the longest text it can show in the language in use, so
    that what changes with an action or a second repaints that value alone. Where the window is
    too narrow for the values side by side under their captions, they go two by two, one above
    the other, their captions in their tooltips; the bar is arranged again only when its width
    changes."""

    SPACING = 14  # between the columns, when the room allows (else down to MIN_SPACING)
    MIN_SPACING = 4  # beside the room each value keeps around its longest text
    MARGIN = 10

    def __init__(self, director: Director, parent: QWidget | None = None):
        super().__init__(parent)
        self.director = director
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.status = QLabel()
        self.status.setFont(scaled_font(self.status, 1.1, bold=True))
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setMargin(6)
        self.elapsed = QLabel()
        self.elapsed.setFont(scaled_font(self.elapsed, 2.2, bold=True))
        self.elapsed.setToolTip(self.tr("Exercise time, paused time excluded"))
        self.offset = QLabel()
        self.offset.setFont(scaled_font(self.offset, 1.2, bold=True))
        self.progress = QLabel()
        self.story = QLabel()
        self.story.setFont(scaled_font(self.story, 1.2, bold=True))
        self.readiness = QLabel()
        self.readiness.setFont(scaled_font(self.readiness, 1.05, bold=True))
        self.locality = QLabel()
        self.locality.setFont(scaled_font(self.locality, 1.05, bold=True))
        self.waiting = QLabel()
        self.waiting.setFont(scaled_font(self.waiting, 1.05, bold=True))
        self.hint = QLabel()
        self.hint.setFont(scaled_font(self.hint, 1.05))
        self.earlier = QLabel()  # earlier injects some posts have not answered yet
        self.earlier.setFont(scaled_font(self.earlier, 1.05, bold=True))
        self.earlier.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        colour(self.earlier, RED)
        # Each value keeps a fixed width, wide enough for any of its texts: what changes with an
        # action repaints only itself, never re-lays out the bar (one frame per action).
        d = director
        total = len(d.scenario.injects)
        most = str(max((len(i.targets) for i in d.scenario.injects), default=0))
        widths = {
            self.status: [labels.label(labels.EXERCISE_STATUS, k).upper()
                          for k in labels.EXERCISE_STATUS],
            self.elapsed: ["00:00:00"],
            self.offset: [self.tr("%n min behind", "", 59), self.tr("%n min ahead", "", 59),
                          self._offset_text(-(9 * 60 + 59)), self._offset_text(9 * 60 + 59),
                          self.tr("on time")],
            # the longest story times (in letters) are measured: the large exercise has 1,000
            self.story: [*heapq.nlargest(8, {i.scenario_time or "" for i in d.scenario.injects},
                                         key=len), "–"],
            self.readiness: [labels.label(labels.READINESS, k) for k in labels.READINESS],
            self.locality: [labels.label(labels.LOCALITY, k) for k in labels.LOCALITY],
            self.progress: [self.tr("%1 of %2 handed out").replace("%1", str(total)).replace(
                "%2", str(total))],
            self.waiting: [self.tr("No. %1: %2 of %3 posts waiting").replace(
                "%1", str(total)).replace("%2", most).replace("%3", most),
                self.tr("No. %1: every post answered").replace("%1", str(total))],
        }
        for label, samples in widths.items():
            metrics = label.fontMetrics()
            margin = 2 * label.margin() + 8
            pin(label, max(metrics.horizontalAdvance(t) for t in samples) + margin)
        self._story_width = self.story.width()  # the longest story time's, when there is room
        self.hint.setText("X")
        self.line = StatusLine(self.hint, self.earlier)

        def caption(text: str) -> QLabel:
            label = QLabel(text)
            colour(label, GREY)
            return label

        # the values under their captions, in the order read; the pairs of the narrow bar
        self._values = (self.offset, self.story, self.readiness, self.locality, self.progress,
                        self.waiting)
        names = (self.tr("Against the plan"), self.tr("Story time"), self.tr("Armed forces"),
                 self.tr("Locality"), self.tr("Injects"), self.tr("Current inject"))
        self._captions = {value: caption(name) for value, name in zip(self._values, names,
                                                                      strict=True)}
        for value, name in zip(self._values, names, strict=True):
            if value is not self.progress:  # its tooltip tells the skipped injects
                value.setToolTip(name)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(self.MARGIN, 6, self.MARGIN, 6)
        self.grid.setHorizontalSpacing(self.SPACING)
        self.grid.setVerticalSpacing(0)
        self.compact: bool | None = None  # the values two by two (a narrow window)
        self._arrange(False)
        self.refresh()

    # ------------------------------------------------------------------ arranging the bar
    def _columns(self, compact: bool) -> list[int]:
        """The width of each column of the bar arranged so (the story time's as long as the
        longest of the scenario)."""
        fixed = [self.status.width(), self.elapsed.width()]
        story = self._story_width
        width = {v: story if v is self.story else v.width() for v in self._values}
        if compact:
            pairs = zip(self._values[::2], self._values[1::2], strict=True)
            return fixed + [max(width[a], width[b]) for a, b in pairs]
        return fixed + [max(width[v], self._captions[v].sizeHint().width())
                        for v in self._values]

    def _room(self) -> int:
        return self.contentsRect().width() - 2 * self.MARGIN

    def _arrange(self, compact: bool) -> None:
        """Place the values side by side under their captions, or two by two without them."""
        if compact == self.compact:
            return
        self.compact = compact
        grid = self.grid
        for widget in (self.status, self.elapsed, self.line, *self._values,
                       *self._captions.values()):
            grid.removeWidget(widget)
        grid.addWidget(self.status, 0, 0, 2, 1)
        grid.addWidget(self.elapsed, 0, 1, 2, 1)
        if compact:
            for n, value in enumerate(self._values):
                grid.addWidget(value, n % 2, 2 + n // 2)
            last = 2 + len(self._values) // 2
        else:
            for n, value in enumerate(self._values):
                grid.addWidget(self._captions[value], 0, 2 + n)
                grid.addWidget(value, 1, 2 + n)
            last = 2 + len(self._values)
        for caption in self._captions.values():
            caption.setVisible(not compact)
        for column in range(2 + len(self._values) + 1):
            grid.setColumnStretch(column, 1 if column == last else 0)
        grid.addWidget(self.line, 2, 0, 1, last + 1)

    def _fit(self) -> None:
        """Arrange the bar for its width: side by side when the values fit so, else two by two;
        the columns closer together before that, and the story time cut last (whole in its
        tooltip) when even two by two is too wide."""
        room = self._room()
        if room <= 0:
            return
        wide = self._columns(False)
        gaps = len(wide) - 1
        compact = sum(wide) + gaps * self.MIN_SPACING > room
        columns = self._columns(compact)
        gaps = len(columns) - 1
        # side by side, as close as they can be; two by two, spread over the bar
        most = self.SPACING * (3 if compact else 1)
        spacing = max(self.MIN_SPACING, min(most, (room - sum(columns)) // gaps))
        self.grid.setHorizontalSpacing(spacing)
        excess = sum(columns) + gaps * spacing - room
        story = self._story_width if excess <= 0 else max(
            self._story_width - excess, self.story.fontMetrics().horizontalAdvance("0" * 8))
        if story != self.story.width():
            pin(self.story, story)
        self._arrange(compact)
        self._show_story()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()
        self._show_hint()

    # ------------------------------------------------------------------ what the bar shows
    def refresh(self) -> None:
        """Everything that changes with an action (the states, the progress, the hint)."""
        d = self.director
        status = d.status
        set_text(self.status, labels.label(labels.EXERCISE_STATUS, status).upper())
        colour(self.status, *STATUS_COLOURS[status])
        self._show_story()
        set_text(self.readiness, labels.label(labels.READINESS, d.state.readiness))
        set_text(self.locality, labels.label(labels.LOCALITY, d.state.locality))
        total = len(d.state.injects)
        set_text(self.progress, self.tr("%1 of %2 handed out").replace(
            "%1", str(d.delivered_count())).replace("%2", str(total)))
        # the skipped ones apart (no room in the bar: they are marked in the list too)
        self.progress.setToolTip(self.tr("%1 of %2 delivered, %3 skipped").replace(
            "%1", str(d.delivered_count())).replace("%2", str(total)).replace(
            "%3", str(d.state.skipped)))
        self.tick()
        self.show_earlier()

    def _show_story(self) -> None:
        """The story time, cut with "…" where the bar is too narrow for it (whole in its
        tooltip)."""
        story = self.director.story_time() or "–"
        metrics = self.story.fontMetrics()
        room = self.story.width() - 8
        shown = story if metrics.horizontalAdvance(story) <= room else \
            metrics.elidedText(story, Qt.TextElideMode.ElideRight, room)
        set_text(self.story, shown)
        caption = self._captions[self.story].text()
        self.story.setToolTip(caption if shown == story else f"{caption}\n{story}")

    def show_earlier(self) -> None:
        """Injects handed out before the current one that still wait for some posts: after
        F6 they are out of the posts panel, and must not be out of the director's mind."""
        earlier = self.director.earlier_waiting()
        if not earlier:
            text = ""
            self.earlier.setToolTip("")
        else:
            shown = ", ".join(self.tr("no. %1 (%2)").replace("%1", str(run.number)).replace(
                "%2", str(len(posts))) for run, posts in earlier[:3])
            if len(earlier) > 3:
                shown += self.tr(" and %n more", "", len(earlier) - 3)
            text = self.tr("Still waiting: %1").replace("%1", shown)
            self.earlier.setToolTip("\n".join(
                f"{run.number}. {run.inject.title}: "
                + ", ".join(self.director.post_title(p) for p in posts)
                for run, posts in earlier[:20]))
        if text != self.earlier.text():
            self.earlier.setText(text)
            self.line.place()  # the next step takes what this leaves
        self._show_hint()

    def _show_hint(self) -> None:
        """The next step, its inject's title shortened to the room left (the key to press stays
        in sight); a text still too long is cut at its end, whole in its tooltip."""
        shown, whole = self._next_step()
        metrics, room = self.hint.fontMetrics(), self.hint.width() - 8
        if room > 0 and metrics.horizontalAdvance(shown) > room:
            shown = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, room)
        set_text(self.hint, shown)
        tip = whole if shown != whole else ""
        if self.hint.toolTip() != tip:
            self.hint.setToolTip(tip)

    def _next_step(self) -> tuple[str, str]:
        """The next step as shown (a long title shortened to the room) and whole."""
        d = self.director
        status = d.status
        if status == "planned":
            text = self.tr("Next step: press F5 to start the exercise clock.")
        elif status == "paused":
            text = self.tr("The exercise is paused: the clock is stopped. Press F9 to resume.")
        elif status == "finished":
            text = self.tr("The exercise is finished. Decisions can still be corrected; "
                           "reports are in the Reports menu.")
        elif d.state.next is None:
            text = self.tr("Every inject is handed out. Record the last decisions, then "
                           "finish the exercise (Ctrl+F9).")
        else:
            following = d.state.next
            text = self.tr("Next: inject %1 «%2», planned at %3. Press F6 to deliver it."
                           ).replace("%1", str(following.number)).replace(
                "%3", labels.plan_text(following.inject.at))
            # a long title is shortened in the middle of the line: the key stays in sight
            metrics, room = self.hint.fontMetrics(), self.hint.width() - 8
            title = following.inject.title
            whole = text.replace("%2", title)
            excess = metrics.horizontalAdvance(whole) - room
            if room > 0 and excess > 0:
                title = metrics.elidedText(title, Qt.TextElideMode.ElideRight,
                                           max(60, metrics.horizontalAdvance(title) - excess))
            return text.replace("%2", title), whole
        return text, text

    def _offset_text(self, ahead: int) -> str:
        """Whole minutes ahead of the plan (negative: behind), in hours and minutes from an
        hour on ("Sớm 3 giờ 26 phút", not "Sớm 206 phút")."""
        minutes = abs(ahead)
        if minutes < 60:
            return self.tr("%n min ahead", "", minutes) if ahead > 0 else \
                self.tr("%n min behind", "", minutes)
        text = self.tr("%1 h %2 min ahead") if ahead > 0 else self.tr("%1 h %2 min behind")
        return text.replace("%1", str(minutes // 60)).replace("%2", str(minutes % 60))

    def tick(self) -> None:
        """What changes every second: the clock, the plan offset, the posts still waiting."""
        d = self.director
        set_text(self.elapsed, labels.clock_text(d.elapsed_minutes()))
        offset = d.plan_offset()
        if offset is None:
            set_text(self.offset, "–")
            colour(self.offset)
        elif offset >= 1:
            set_text(self.offset, self._offset_text(-int(offset)))
            colour(self.offset, RED)
        elif offset <= -1:
            set_text(self.offset, self._offset_text(int(-offset)))
            colour(self.offset, BLUE)
        else:
            set_text(self.offset, self.tr("on time"))
            colour(self.offset, GREEN)
        current = d.state.current
        if current is None:
            set_text(self.waiting, "–")
            colour(self.waiting)
            return
        waiting = d.waiting_posts()
        if waiting:
            set_text(self.waiting, self.tr("No. %1: %2 of %3 posts waiting").replace(
                "%1", str(current.number)).replace("%2", str(len(waiting))).replace(
                "%3", str(len(current.inject.targets))))
            colour(self.waiting, RED)
        else:
            set_text(self.waiting, self.tr("No. %1: every post answered").replace(
                "%1", str(current.number)))
            colour(self.waiting, GREEN)


class InjectPane(QWidget):
    """The inject shown, large: story time, sender, title, text, media, answer key, notes."""

    back = Signal()
    projector_scroll = Signal(int)  # pages down the projector's text (to its top: negative)

    def __init__(self, director: Director, parent: QWidget | None = None):
        super().__init__(parent)
        self.director = director
        self.banner = QLabel()
        self.banner.setFont(scaled_font(self.banner, 1.1, bold=True))
        self.banner.setMargin(6)
        self.banner.setText("X")
        # on two lines where the buttons beside it leave too little room for one: read whole
        self.banner.setWordWrap(True)
        # short, so that the banner beside it keeps its words ("NOT DELIVERED · Shift+F6...")
        self.back_button = QPushButton(self.tr("To the current one"))
        self.back_button.setToolTip(self.tr("Back to the current inject (Ctrl+Home)"))
        self.back_button.clicked.connect(self.back)
        # the room's text is longer than the projector's screen: the director, who does not see
        # it, is told here and scrolls it from here (or with Alt+Page Down / Up)
        self.projector_button = QPushButton()
        self.projector_button.setAutoDefault(False)
        self.projector_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F6 stays where it was
        self.projector_button.clicked.connect(
            lambda: self.projector_scroll.emit(-1000 if self._projector_at_end else 1))
        self.projector_button.hide()
        self._projector_at_end = False
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self._banner_box = hold(self.banner)
        self._banner_box.installEventFilter(self)
        top.addWidget(self._banner_box, 1)
        top.addWidget(self.projector_button)
        top.addWidget(self.back_button)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        # Always the same width for the text: one layout of the document per inject, not two.
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        plain_scroll_bars(self.browser)
        self.browser.setFont(scaled_font(self.browser, 1.3))
        self.browser.document().setDocumentMargin(12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        self._shown: tuple | None = None
        self.secrets = True  # the answer key and the notes are shown (not on a mirrored screen)
        self._rendered: str | None = None  # the inject whose text the browser holds
        self._prepared: tuple[str, QTextDocument] | None = None  # the next one, laid out
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(30)
        self._prepare_timer.timeout.connect(self._prepare_next)

    def refresh(self) -> None:
        """Show the director's focus inject (re-rendered only when it or its status changed)."""
        d = self.director
        run = d.focus
        if run is None:
            self.banner.setText(self.tr("This scenario has no injects."))
            self._fit_banner()
            self.browser.clear()
            return
        key = (run.inject.id, run.status, run.delivered_at, d.status == "finished",
               d.state.current.inject.id if d.state.current else None,
               d.state.next.inject.id if d.state.next else None)
        if key == self._shown:
            return
        self._shown = key
        kind, text = self._banner(run)
        set_text(self.banner, text)
        self.banner.setToolTip(text)  # whole, should the pane be too narrow for it
        self._fit_banner()
        colour(self.banner, *BANNER_COLOURS[kind])
        self.back_button.setVisible(d.state.current is not None
                                    and run.inject.id != d.state.current.inject.id)
        if run.inject.id != self._rendered:
            prepared = self._prepared
            if prepared is not None and prepared[0] == run.inject.id:
                document = prepared[1]
            else:
                document = self._document(run)
            self._prepared = None
            old = self.browser.document()
            self.browser.setDocument(document)  # deletes its first, own document
            if shiboken6.isValid(old) and old.parent() is self.browser:
                old.deleteLater()
            self._rendered = run.inject.id
        self._prepare_timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self._banner_box:
            self._fit_banner()
        return super().eventFilter(watched, event)

    def _fit_banner(self) -> None:
        """The banner one line high, or two where its text does not fit beside the buttons
        ("NOT DELIVERED · Shift+F6 delivers it now" beside "To the current one"): the pane is
        laid out again only when that changes, not with each new text."""
        box = self._banner_box
        width = box.width()
        if width <= 0:
            return
        height = self.banner.heightForWidth(width)
        if height > 0 and height != box.height():
            box.setFixedHeight(height)

    def show_projector_reading(self, longer: bool, at_end: bool) -> None:
        """Tell whether the projector's text is longer than its screen, and whether the room
        sees its end: the button scrolls it on, or back to its top."""
        self._projector_at_end = at_end
        self.projector_button.setVisible(longer)
        if not longer:
            return
        if at_end:
            self.projector_button.setText(self.tr("Projector: to the top ▲"))
            self.projector_button.setToolTip(self.tr(
                "The room sees the end of the text: this takes the projector back to its "
                "top (Alt+Page Up scrolls back a page)"))
        else:
            self.projector_button.setText(self.tr("Projector: more ▼"))
            self.projector_button.setToolTip(self.tr(
                "The text is longer than the projector's screen: this scrolls it on for the "
                "room (Alt+Page Down; Alt+Page Up scrolls back)"))

    def _document(self, run: InjectRun) -> QTextDocument:
        """The inject as a document laid out at the browser's width."""
        d = self.director
        document = QTextDocument(self.browser)
        document.setDefaultFont(self.browser.font())
        document.setDocumentMargin(12)
        media = add_media(document, d.exercise, run.inject)
        posts = {p.id: p.title for p in d.scenario.posts}
        document.setHtml(inject_html(run.inject, run.number, len(d.state.injects), posts=posts,
                                     media=media, for_room=False, image_width=360,
                                     secrets=self.secrets))
        if self.browser.isVisible():  # else the browser lays it out when it is shown
            document.setTextWidth(self.browser.viewport().width())
            document.size()  # lays it out now
        return document

    def show_secrets(self, shown: bool) -> None:
        """Show or hide the answer key and the notes (the inject is laid out again)."""
        if shown == self.secrets:
            return
        self.secrets = shown
        if self._prepared is not None:
            self._prepared[1].deleteLater()
        self._prepared = self._shown = self._rendered = None
        self.refresh()

    def _prepare_next(self) -> None:
        """While the director reads, lay out the inject that F6 will bring (one frame less)."""
        following = self.director.state.next
        if following is None or following.inject.id == self._rendered:
            return
        if self._prepared is None or self._prepared[0] != following.inject.id:
            if self._prepared is not None:
                self._prepared[1].deleteLater()
            self._prepared = (following.inject.id, self._document(following))

    def _banner(self, run: InjectRun) -> tuple[str, str]:
        d = self.director
        if d.state.current is not None and run.inject.id == d.state.current.inject.id:
            if d.status == "finished":
                return "other", self.tr("LAST INJECT · delivered at %1 · the exercise is "
                                        "finished").replace(
                    "%1", labels.local_time(run.delivered_at))
            return "current", self.tr("NOW RUNNING · delivered at %1").replace(
                "%1", labels.local_time(run.delivered_at))
        if run.status == PENDING:
            if d.state.next is not None and run.inject.id == d.state.next.inject.id:
                return "next", self.tr("NEXT · not delivered yet · F6 delivers it")
            return "other", self.tr("NOT DELIVERED · Shift+F6 delivers it now")
        if run.status == SKIPPED:
            return "other", self.tr("SKIPPED · Shift+F6 delivers it now")
        return "other", self.tr("DELIVERED EARLIER, at %1").replace(
            "%1", labels.local_time(run.delivered_at))


class RunView(QWidget):
    """The director's main screen while an exercise runs."""

    chosen_changed = Signal()

    def __init__(self, director: Director, settings, window):
        super().__init__(window)
        self.director = director
        self.settings = settings
        self.window_ = window

        self.clock_bar = ClockBar(director)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # icons as high as the names beside them (drawn at 16, 24 and 32 pixels: sharp at 100,
        # 150 and 200 %), a toolbar 7 pixels lower than the style's 24 made it: the posts' room
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setFont(scaled_font(self.toolbar, 1.05))
        for action in (*window.run_actions, window.act_projector):
            self._tool_text(action)
            self.toolbar.addAction(action)
            if action is window.act_deliver or action is window.act_undo:
                self.toolbar.addSeparator()
        button = self.toolbar.widgetForAction(window.act_next)
        if isinstance(button, QToolButton):
            button.setFont(scaled_font(button, 1.1, bold=True))
        # Where the toolbar is too short for every name, the least used show their icon alone
        # (their name and key in the tooltip, and in the Exercise and View menus), never hidden
        # behind the toolbar's » arrow: the start and the end, used once each, first.
        self._shortened = [window.act_start, window.act_finish, window.act_deliver,
                           window.act_undo, window.act_skip, window.act_projector,
                           window.act_pause]
        self._saved = {}  # pixels each of them gives up shown so (the longest name it takes)
        for action in self._shortened:
            button = self.toolbar.widgetForAction(action)
            whole = button.sizeHint().width()
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            self._saved[action] = whole - button.sizeHint().width()
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        metrics = self.toolbar.fontMetrics()  # "Pause (F9)" becomes "Resume (F9)" when paused
        names = [QCoreApplication.translate("MainWindow", name).replace("&", "")
                 for name in ("&Resume", "&Pause")]
        self._saved[window.act_pause] += max(0, metrics.horizontalAdvance(names[0])
                                             - metrics.horizontalAdvance(names[1]))
        self.toolbar.installEventFilter(self)

        self.injects = InjectTableModel(director, self)
        self.inject_view = table_view(self.injects, stretch=InjectTableModel.TITLE)
        # Titles on two lines: "Chuyển lực lượng vũ trang vào trạng thái…" is read, not guessed.
        self.inject_view.setWordWrap(True)
        self.inject_view.verticalHeader().setDefaultSectionSize(
            2 * self.inject_view.fontMetrics().lineSpacing() + 10)
        header = self.inject_view.horizontalHeader()
        header.setSectionResizeMode(InjectTableModel.TITLE, header.ResizeMode.Interactive)
        total = len(director.scenario.injects)
        most_posts = max((len(i.targets) for i in director.scenario.injects), default=0)
        view = self.inject_view
        fit_column(view, InjectTableModel.NUMBER, f"▶ {total}", bold=True)
        fit_column(view, InjectTableModel.PLANNED, "00:00", bold=True)
        fit_column(view, InjectTableModel.ACTUAL, "00:00", bold=True)
        statuses = [labels.label(labels.INJECT_STATUS, s) for s in labels.INJECT_STATUS]
        fit_column(view, InjectTableModel.STATUS, *statuses, bold=True)
        fit_column(view, InjectTableModel.ANSWERS, f"{most_posts}/{most_posts}", bold=True)
        for column, width in ((InjectTableModel.TITLE, 250), (InjectTableModel.STORY, 130),
                              (InjectTableModel.TARGETS, 200)):
            view.setColumnWidth(column, width)
        # title and status first: what the director reads; the rest is a scroll away
        for visual, column in enumerate((InjectTableModel.NUMBER, InjectTableModel.PLANNED,
                                         InjectTableModel.TITLE, InjectTableModel.STATUS,
                                         InjectTableModel.ANSWERS, InjectTableModel.ACTUAL,
                                         InjectTableModel.STORY, InjectTableModel.TARGETS)):
            header.moveSection(header.visualIndex(column), visual)
        self.inject_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.inject_view.viewport().installEventFilter(self)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(self.tr("Injects (Ctrl+L)"), 1.1))
        left_layout.addWidget(self.inject_view, 1)

        self.inject_pane = InjectPane(director)
        self.inject_pane.back.connect(self.show_current)
        self.posts = PostsPanel(director, self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.inject_pane)
        self.splitter.addWidget(self.posts)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setChildrenCollapsible(False)
        if not settings.splitter.isEmpty():
            self.splitter.restoreState(settings.splitter)
        else:
            self.splitter.setSizes([400, 445, 515])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.clock_bar)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

        for n in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Alt+{n}"), self)
            shortcut.activated.connect(lambda n=n: self.posts.choose_key(n))
        # Wherever the keyboard is in the run view (the inject list after F2, say): what is
        # typed is recorded, or the form says to type it first and takes the keyboard.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.posts.record)
        correct = QShortcut(QKeySequence("F4"), self)
        correct.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        correct.activated.connect(self.posts.correct)

        director.run_changed.connect(self._run_changed)
        director.decisions_changed.connect(self._decisions_changed)
        director.focus_changed.connect(self._focus_changed)
        director.info_changed.connect(self.posts.refresh_posts)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.hide_answers(settings.answers_hidden)
        self._focus_changed()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not event.spontaneous():  # opened, or back from the log (F2): ready to type
            QTimer.singleShot(0, self.give_focus)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.give_focus()  # the view itself takes no keys: they go where they are used

    def give_focus(self) -> None:
        """Put the keyboard where the director works: the decision form when a decision can
        be recorded, else the inject list."""
        if not self.isVisible():
            return
        if self.posts.form_usable():
            self.posts.focus_form()
        else:
            self.focus_list()

    def hide_answers(self, hidden: bool) -> None:
        """Keep the answer key and the director's notes off this screen, for a projector that
        mirrors it: the inject pane leaves them out, the expected actions show their numbers."""
        self.inject_pane.show_secrets(not hidden)
        self.posts.editor.covers.hide_texts(hidden)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            if watched is self.inject_view.viewport():
                self._fit_title()
            elif watched is self.toolbar:
                self._fit_toolbar()
        return super().eventFilter(watched, event)

    def _fit_toolbar(self) -> None:
        """Every control of the toolbar in sight: as many names shown as its width allows, the
        least used shown by their icon alone first (see __init__)."""
        toolbar = self.toolbar
        buttons = [toolbar.widgetForAction(a) for a in self._shortened]
        short = [b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly for b in buttons]
        whole = toolbar.sizeHint().width() + sum(
            self._saved[a] for a, s in zip(self._shortened, short, strict=True) if s)
        excess = whole - toolbar.contentsRect().width()
        for action, button in zip(self._shortened, buttons, strict=True):
            icon_only = excess > 0
            excess -= self._saved[action]
            style = Qt.ToolButtonStyle.ToolButtonIconOnly if icon_only else \
                Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if button.toolButtonStyle() != style:
                button.setToolButtonStyle(style)

    def _fit_title(self) -> None:
        """The title takes the width left by number, plan, status and answers (the rest of the
        columns are a scroll away), so what the director reads is never cut off."""
        view = self.inject_view
        others = sum(view.columnWidth(c) for c in (InjectTableModel.NUMBER,
                                                   InjectTableModel.PLANNED,
                                                   InjectTableModel.STATUS,
                                                   InjectTableModel.ANSWERS))
        view.setColumnWidth(InjectTableModel.TITLE, max(120, view.viewport().width() - others))

    def _tool_text(self, action) -> None:
        """The toolbar shows the short name with its key; menus keep the long name."""
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = action.iconText().split(" (")[0]
        action.setIconText(f"{text} ({keys})" if keys else text)

    # ------------------------------------------------------------------ following the director
    def _run_changed(self) -> None:
        self._tool_text(self.window_.act_pause)
        self.injects.refresh()
        self.clock_bar.refresh()
        self._focus_changed()

    def _decisions_changed(self, inject_id: str) -> None:
        self.injects.refresh_answers(inject_id)
        self.clock_bar.tick()
        self.clock_bar.show_earlier()
        if inject_id == self.director.focus_id:
            self.posts.decisions_changed()

    def _focus_changed(self, _inject_id: str = "") -> None:
        focus = self.director.focus_id
        row = self.injects.row_of(focus) if focus else None
        if row is not None:
            selected = self.inject_view.selectionModel().selectedRows()
            if not selected or selected[0].row() != row:
                self.inject_view.selectRow(row)
            index = self.injects.index(row, 0)
            if not self.inject_view.viewport().rect().contains(
                    self.inject_view.visualRect(index)):  # centred: the next ones in sight too,
                self.inject_view.scrollTo(index, self.inject_view.ScrollHint.PositionAtCenter)
                # and scrolling (a whole repaint) happens once every few deliveries, not each
        self.inject_pane.refresh()
        self.posts.focus_changed()
        self.chosen_changed.emit()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.inject_view.selectionModel().selectedRows()
        if rows:
            self.director.set_focus(rows[0].data(ID_ROLE))

    def tick(self) -> None:
        """Once a second: the clock and the waiting times."""
        self.clock_bar.tick()
        self.posts.tick()

    def reload(self) -> None:
        """Show everything again after a change made outside the run view."""
        self.injects.refresh()
        self.injects.forget()
        rows = self.injects.rowCount()
        if rows:
            self.injects.dataChanged.emit(
                self.injects.index(0, 0),
                self.injects.index(rows - 1, len(self.injects.headers) - 1))
        self.clock_bar.refresh()
        self.inject_pane._shown = None
        self._focus_changed()

    def save_layout(self) -> None:
        """Remember the pane sizes."""
        self.settings.splitter = self.splitter.saveState()

    # ------------------------------------------------------------------ actions (from the menus)
    def chosen_run(self) -> InjectRun | None:
        """The inject chosen in the list (the one shown)."""
        return self.director.focus

    def start(self) -> None:
        """Start the exercise clock."""
        self.director.start()

    def deliver_next(self) -> None:
        """Deliver the next pending inject; the keyboard goes to the first post's decision."""
        if self.director.deliver_next():
            self.give_focus()

    def deliver_chosen(self) -> None:
        """Deliver the inject chosen in the list now."""
        run = self.chosen_run()
        if run is not None and run.status != DELIVERED:
            if self.director.deliver_now(run.inject.id):
                self.give_focus()

    def skip_chosen(self) -> None:
        """Skip the chosen inject if it is pending, else the next one."""
        run = self.chosen_run()
        self.director.skip(run.inject.id if run is not None and run.status == PENDING else None)

    def undo(self) -> None:
        """Undo the last delivery or skip."""
        self.director.undo_last_delivery()

    def pause_or_resume(self) -> None:
        """Pause or resume the clock."""
        self.director.pause_or_resume()

    def finish(self) -> None:
        """Finish the exercise."""
        self.director.finish()

    def show_current(self) -> None:
        """Show the current inject again."""
        self.director.set_focus(None)

    def focus_list(self) -> None:
        """Put the keyboard in the inject list."""
        self.inject_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_form(self) -> None:
        """Put the keyboard in the decision form."""
        self.posts.focus_form()
