"""The projector window: the current inject, large, for the room; never the notes or answer key."""

from __future__ import annotations

from html import escape
from math import ceil

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFontMetrics,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QPainter,
)
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QVBoxLayout, QWidget

from dientap_desktop.ui.inject_text import inject_html, inject_images
from dientap_desktop.ui.room_layout import grid, placed
from dientap_desktop.ui.widgets import MODIFIER_KEYS

BACKGROUND, TEXT, ACCENT = "#0b1f3a", "#ffffff", "#fbbf24"
# Text sizes as parts of the window's height: read from the back of the room, never under the
# floor (a text too long for it scrolls, with its scroll bar shown); the images take the room a
# text needs no more once it is this comfortable; the largest, for a few words.
TEXT_FLOOR, TEXT_COMFORTABLE, TEXT_CEILING = 1 / 32, 1 / 20, 1 / 12
LEAST_IMAGES = 0.2  # of the width or the height, left to the images at least
NARROWEST_TEXT = 0.35  # of the width, for a text beside the images
GAP = 16
MAX_ENLARGING = 2.0  # a small image is enlarged this much at most


def describe_all() -> list[dict]:
    """What tells each screen from the others: its name, where it is on the desktop, its size,
    and its number among the screens (two X screens of one size are both at 0, 0)."""
    return [{"name": screen.name(), "x": screen.geometry().x(), "y": screen.geometry().y(),
             "width": screen.geometry().width(), "height": screen.geometry().height(),
             "index": n} for n, screen in enumerate(QGuiApplication.screens())]


def chosen_screen(chosen: dict, screens: list[dict]) -> int | None:
    """Which of the screens (as `describe_all` tells them) is the one chosen: the same one (name,
    place and size), else the one of its name where it was (its resolution changed), else the
    one of its name and size (moved), else the one of its name nearest to where it was, else
    the one in its place with its size (renamed by another driver); among several alike, the
    one of its number. Else, or when none was chosen, the last one. None when there is no
    screen."""
    if not screens:
        return None
    last = len(screens) - 1
    if not chosen:
        return last

    def alike(*keys: str) -> list[int]:
        return [n for n, screen in enumerate(screens)
                if all(screen.get(key) == chosen.get(key) for key in keys)]

    def one(found: list[int]) -> int:
        return chosen["index"] if chosen.get("index") in found else found[0]

    for keys in (("name", "x", "y", "width", "height"), ("name", "x", "y"),
                 ("name", "width", "height")):
        if found := alike(*keys):
            return one(found)
    if named := alike("name"):
        x, y = chosen.get("x"), chosen.get("y")
        if not isinstance(x, int) or not isinstance(y, int):  # an older setting: the name only
            return last if last in named else named[0]
        nearest = min(abs(screens[n]["x"] - x) + abs(screens[n]["y"] - y) for n in named)
        return one([n for n in named
                    if abs(screens[n]["x"] - x) + abs(screens[n]["y"] - y) == nearest])
    found = alike("x", "y", "width", "height")
    return one(found) if found else last


def marks_above(line) -> float:
    """How far the glyphs of a laid-out line rise above its top: the marks stacked on
    Vietnamese capitals (Ễ, Ế, Ỗ) go higher than the font's ascent, which sets where the line
    starts."""
    top = line.y()
    for run in line.glyphRuns():
        run.setBoundingRect(QRectF())  # the layout gave it the line's box: the glyphs' own now
        top = min(top, run.boundingRect().top())
    return max(0.0, line.y() - top)


def first_marks(document) -> int:
    """The pixels the marks of a document's first line rise above it, laid out as it is."""
    document.size()  # laid out
    layout = document.begin().layout()
    return ceil(marks_above(layout.lineAt(0))) if layout.lineCount() else 0


def room_for_marks(document) -> None:
    """Lower a document's first line by what its marks rise above it (the closing screen's
    "KẾT THÚC DIỄN TẬP" lost the tops of its marks to the edge of the screen)."""
    frame = document.rootFrame()
    margin = document.documentMargin() + first_marks(document)
    found = frame.frameFormat()
    if found.topMargin() != margin:
        found.setTopMargin(margin)
        frame.setFrameFormat(found)


class TextSizes:
    """Measures the projector's text at each size in a column, on a copy of its document."""

    def __init__(self, browser: QTextBrowser, floor: int, ceiling: int):
        self.document = browser.document().clone(browser)
        frame = self.document.rootFrame().frameFormat()  # without the room made for the marks:
        frame.setTopMargin(self.document.documentMargin())  # measured with the text's size
        self.document.rootFrame().setFrameFormat(frame)
        self.font = browser.font()
        self.floor, self.ceiling = floor, ceiling
        self._sizes: dict[tuple[int, int], tuple[float, float]] = {}

    def measure(self, px: int, width: int) -> tuple[float, float]:
        """The text's height and width at a size in a column this wide."""
        if (px, width) not in self._sizes:
            self.font.setPixelSize(px)
            self.document.setDefaultFont(self.font)
            self.document.setTextWidth(width)
            size = self.document.size()  # and the room room_for_marks will make
            self._sizes[px, width] = (size.height() + first_marks(self.document), size.width())
        return self._sizes[px, width]

    def fits(self, px: int, width: int, height: int) -> bool:
        tall, wide = self.measure(px, width)
        return tall <= height - 4 and wide <= width + 1  # a word wider than the column: no

    def steps(self) -> list[int]:
        """The sizes tried, from the floor to the ceiling."""
        return sorted({round(self.floor + (self.ceiling - self.floor) * n / 8)
                       for n in range(9)})

    def narrowest(self, px: int, least: int, most: int, height: int) -> int | None:
        """The narrowest column, from least to most wide, that holds the text at a size."""
        if least > most or not self.fits(px, most, height):
            return None
        while least < most:
            middle = (least + most) // 2
            if self.fits(px, middle, height):
                most = middle
            else:
                least = middle + 1
        return most

    def largest(self, width: int, height: int) -> tuple[int, float]:
        """The largest size that fits a column, and by how much the text is too long for it
        at the floor (0 when it fits)."""
        if not self.fits(self.floor, width, height):
            return self.floor, max(1.0, self.measure(self.floor, width)[0] - height)
        low, high = self.floor, self.ceiling
        while low < high:
            middle = (low + high + 1) // 2
            if self.fits(middle, width, height):
                low = middle
            else:
                high = middle - 1
        return low, 0


class ImageBoard(QWidget):
    """The inject's images, each drawn whole in the rect the projector window gives it."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.images: list[QImage] = []
        self.rects: list[QRect] = []

    def set_images(self, images: list[QImage]) -> None:
        self.images, self.rects = images, []
        self.update()

    def set_rects(self, rects: list[QRect]) -> None:
        self.rects = rects
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for image, rect in zip(self.images, self.rects, strict=False):
            painter.drawImage(rect, image)
        painter.end()


class ProjectorWindow(QWidget):
    """A second top-level window that follows the director's steps, on the chosen screen."""

    closed = Signal()
    key_pressed = Signal(QKeyEvent)  # every key but Esc: the director's window does it
    reading_changed = Signal()  # the text became longer than the room's screen, or was scrolled

    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.settings = settings
        self.director = None
        self.setWindowTitle(self.tr("Projector"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # F6 stays with the director
        self.setStyleSheet(f"background:{BACKGROUND}; color:{TEXT};")
        self.header = QLabel()
        self.header.setStyleSheet(f"color:{ACCENT};")
        self.header.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # a text too long for the room scrolls: its bar is seen from the room
        self.browser.setStyleSheet(
            f"QTextBrowser {{background:{BACKGROUND}; color:{TEXT};}}"
            f"QScrollBar:vertical {{background:{BACKGROUND}; width:14px; margin:0;}}"
            f"QScrollBar::handle:vertical {{background:{ACCENT}; min-height:40px;"
            " border-radius:7px;}"
            "QScrollBar::add-line, QScrollBar::sub-line {height:0;}"
            "QScrollBar::add-page, QScrollBar::sub-page {background:#1e3a5f;}")
        self._scrolls = False  # the text is longer than its part of the screen
        bar = self.browser.verticalScrollBar()
        bar.valueChanged.connect(self.reading_changed)
        bar.rangeChanged.connect(self.reading_changed)
        # the text and the images share the stage, side by side or one above the other
        self.stage = QWidget()
        self.browser.setParent(self.stage)
        self.board = ImageBoard(self.stage)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addWidget(self.header)
        layout.addWidget(self.stage, 1)
        self.resize(1024, 640)
        self._text_px = 0
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit)
        self._shown: tuple | None = None
        self.refresh()

    # ------------------------------------------------------------------ following the director
    def set_director(self, director) -> None:
        """Follow another exercise (or none)."""
        self.hold()
        self.director = director
        if director is not None:
            director.run_changed.connect(self.refresh)
            director.info_changed.connect(self.refresh)
        self._shown = None
        self.refresh()

    def hold(self) -> None:
        """Stop following the director and keep what the room sees, until set_director (the
        window is made again in another language meanwhile)."""
        if self.director is not None:
            for signal in (self.director.run_changed, self.director.info_changed):
                try:
                    signal.disconnect(self.refresh)
                except (RuntimeError, TypeError):
                    pass
        self.director = None

    def retranslate(self) -> None:
        """Say again in the language now chosen what the window says (shown at the next
        refresh)."""
        self.setWindowTitle(self.tr("Projector"))
        self._shown = None

    def refresh(self) -> None:
        """Show the current inject (what the room sees follows each delivery, undo and pause)."""
        d = self.director
        if d is None:
            key = ("none",)
        else:
            current = d.state.current
            key = (d.info.name, d.status, current.inject.id if current else None)
        if key == self._shown:
            return
        self._shown = key
        self.board.set_images([])
        if d is None:
            self.header.setText("")
            self.header.hide()
            title = self.tr("Exercise director")
            self.browser.setHtml(f"<h1 align='center'>{escape(title)}</h1>")
        else:
            status = d.status
            current = d.state.current
            # The name heads each inject; the opening and closing screens show it large instead.
            header = d.info.name if current is not None and status != "finished" else ""
            if status == "paused":
                header = "  ·  ".join(x for x in (header, self.tr("PAUSED")) if x)
            self.header.setText(header)
            self.header.setVisible(bool(header))
            if status == "finished":
                end = self.tr("END OF EXERCISE")
                self.browser.setHtml(f"<h1 align='center'>{escape(end)}</h1>"
                                     f"<p align='center'>{escape(d.info.name)}</p>")
            elif current is None:
                place = " · ".join(x for x in (d.info.place, d.info.date.strftime("%d/%m/%Y")
                                               if d.info.date else "") if x)
                soon = (self.tr("The exercise has begun: the first inject comes")
                        if status in ("running", "paused") else
                        self.tr("The exercise is about to begin"))
                self.browser.setHtml(
                    f"<h1 align='center'>{escape(d.info.name)}</h1>"
                    f"<p align='center'>{escape(place)}</p>"
                    f"<p align='center' style='color:{ACCENT}'>{escape(soon)}</p>")
            else:
                media = inject_images(d.exercise, current.inject)
                # the images are drawn beside the text, each fitted whole; the other files named
                self.board.set_images([image for _name, image in media if image is not None])
                self.browser.setHtml(inject_html(
                    current.inject, current.number, len(d.state.injects), posts={},
                    media=[("", name) for name, image in media if image is None],
                    for_room=True, image_width=0))
        self._fit_timer.start()

    def reading(self) -> tuple[bool, bool]:
        """Whether the text shown is longer than its part of the screen (the room reads it
        scrolled), and whether the room sees its end."""
        bar = self.browser.verticalScrollBar()
        longer = self.isVisible() and self._scrolls and bar.maximum() > 0
        return longer, not longer or bar.value() >= bar.maximum()

    def scroll_text(self, pages: int) -> bool:
        """Scroll a text longer than the screen by pages for the room (down when positive), a
        line of the page read kept in sight; whether it moved."""
        bar = self.browser.verticalScrollBar()
        if not self.reading()[0]:
            return False
        line = QFontMetrics(self.browser.document().defaultFont()).lineSpacing()
        old = bar.value()
        bar.setValue(old + pages * max(line, bar.pageStep() - line))
        return bar.value() != old

    def text(self) -> str:
        """What the room sees, as plain text (for tests)."""
        return self.header.text() + "\n" + self.browser.toPlainText()

    # ------------------------------------------------------------------ size and screen
    def font_floor(self) -> int:
        """The smallest text, in pixels, the room is shown: a part of the window's height."""
        return max(14, round(self.height() * TEXT_FLOOR))

    def text_pixel_size(self) -> int:
        """The size, in pixels, of the text shown now (the title is larger)."""
        return self._text_px

    def image_rects(self) -> list[QRect]:
        """Where each image of the inject is drawn, in this window (for tests)."""
        origin = self.board.mapTo(self, self.board.rect().topLeft())
        return [rect.translated(origin) for rect in self.board.rects] \
            if self.board.isVisible() else []

    def fit(self) -> None:
        """Lay out the inject for the room: a header sized to the window, then the text as
        large as it fits and the images, each whole, in the room it leaves (below the text or
        beside it, whichever shows them larger), the text never under the floor."""
        header_font = self.header.font()
        header_font.setPixelSize(max(14, self.height() // 28))
        self.header.setFont(header_font)
        # the marks of its capitals ("DIỄN TẬP … · TẠM DỪNG") under the window's edge, a pixel
        # clear of it
        metrics = QFontMetricsF(header_font)
        above = -metrics.tightBoundingRect(self.header.text()).top() - metrics.ascent()
        self.header.setContentsMargins(0, max(0, ceil(above + 1)), 0, 0)
        self.layout().activate()
        width, height = self.stage.width(), self.stage.height()
        if width <= 0 or height <= 0:
            return
        text = TextSizes(self.browser, self.font_floor(),
                         max(self.font_floor(), round(self.height() * TEXT_CEILING)))
        try:
            self._lay_out(text, width, height)
        finally:
            text.document.deleteLater()

    def _lay_out(self, text: TextSizes, width: int, height: int) -> None:
        sizes = [(image.width(), image.height()) for image in self.board.images]
        comfortable = max(text.floor, round(self.height() * TEXT_COMFORTABLE))
        least_w, least_h = int(width * LEAST_IMAGES), int(height * LEAST_IMAGES)
        best = None
        # each size of the text, below the images or beside them, leaves them some room: the
        # text that fits first; then the images as large as they come without taking the text
        # under a comfortable size
        for px in text.steps() if sizes else ():
            for beside in (False, True):
                if beside:
                    narrowest = text.narrowest(px, ceil(width * NARROWEST_TEXT),
                                               width - least_w - GAP, height)
                    if narrowest is None:
                        continue
                    room = QRect(narrowest + GAP, 0, width - narrowest - GAP, height)
                else:
                    tall = ceil(text.measure(px, width)[0]) + 4
                    if not text.fits(px, width, height) or height - tall - GAP < least_h:
                        continue
                    room = QRect(0, tall + GAP, width, height - tall - GAP)
                rects, _w, _h = grid(sizes, room.width(), room.height(), GAP, MAX_ENLARGING)
                shown = sum(w * h for _x, _y, w, h in rects) / (width * height)
                score = shown + min(px, comfortable) / comfortable
                if rects and (best is None or score > best[0]):
                    best = (score, px, room)
        if best is None:
            # too long for the floor with the images beside or below it in their least room:
            # the text at the floor scrolls, in what they leave it, the least being cut
            candidates = [QRect(width - least_w, 0, least_w, height),
                          QRect(0, height - least_h, width, least_h)] if sizes else []
            room = max(candidates, default=QRect(), key=lambda r: -text.largest(
                width - r.width() - GAP if r.left() else width,
                height - r.height() - GAP if r.top() else height)[1])
            px = text.floor
        else:
            _score, px, room = best
        rects, used_w, used_h = grid(sizes, room.width(), room.height(), GAP, MAX_ENLARGING)
        if room.left() > 0:  # beside: the text takes what the images leave of their room
            room.setLeft(room.right() + 1 - used_w)
            column = QRect(0, 0, room.left() - GAP, height)
        elif room.top() > 0:  # below: they are as large as they come, the text above them
            column = QRect(0, 0, width, room.top() - GAP)
        else:
            column = QRect(0, 0, width, height)
        px, over = text.largest(column.width(), column.height())
        left, top = (room.width() - used_w) // 2, (room.height() - used_h) // 2
        self._place(px, over > 0, column, room, [QRect(*r) for r in placed(rects, left, top)])

    def _place(self, px: int, scrolled: bool, text: QRect, room: QRect,
               rects: list[QRect]) -> None:
        """Show the text at its size in its rect (with its scroll bar when it is too long), and
        the images in theirs."""
        self._text_px = px
        self._scrolls = scrolled
        font = self.browser.font()
        font.setPixelSize(px)
        self.browser.document().setDefaultFont(font)
        self.browser.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if scrolled
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser.setGeometry(text)
        self.browser.document().setTextWidth(self.browser.viewport().width())
        room_for_marks(self.browser.document())
        self.board.setGeometry(room)
        self.board.set_rects(rects)
        self.board.setVisible(bool(rects))
        self.reading_changed.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_timer.start()

    def screen_to_use(self):
        """The screen chosen in the settings, else the last one (the projector is usually 2nd)."""
        screens = QGuiApplication.screens()
        found = chosen_screen(self.settings.projector_screen, describe_all())
        return None if found is None else screens[found]

    def show_on_screen(self) -> None:
        """Show the window on its screen (full screen if it was)."""
        screen = self.screen_to_use()
        full = self.isFullScreen()
        if screen is not None:
            if full:
                self.showNormal()
            self.setScreen(screen)
            geometry = screen.availableGeometry()
            self.move(geometry.topLeft())
            self.resize(min(self.width(), geometry.width()), min(self.height(),
                                                                 geometry.height()))
        if full:
            self.showFullScreen()
        else:
            self.show()
        self.raise_()

    def toggle_fullscreen(self) -> None:
        """Full screen on the chosen screen, or back to a window."""
        if self.isFullScreen():
            self.showNormal()
        else:
            screen = self.screen_to_use()
            if screen is not None:
                self.setScreen(screen)
                self.move(screen.geometry().topLeft())
            self.showFullScreen()
        self._fit_timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
            return
        if event.key() not in MODIFIER_KEYS:
            # Clicked (to move it to the other screen), the window has the keyboard: what the
            # director presses or types next goes to the director's window, never lost here.
            self.key_pressed.emit(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.reading_changed.emit()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self.reading_changed.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.WindowStateChange and self.isVisible():
            self.settings.projector_full_screen = self.isFullScreen()  # as it comes back
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closed.emit()
        super().closeEvent(event)



