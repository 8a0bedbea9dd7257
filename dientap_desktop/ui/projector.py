"""The projector window: the current inject, large, for the room; never the notes or answer key."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QVBoxLayout, QWidget

from dientap_desktop.ui.inject_text import add_media, inject_html

BACKGROUND, TEXT, ACCENT = "#0b1f3a", "#ffffff", "#fbbf24"
MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                 Qt.Key.Key_AltGr}


class ProjectorWindow(QWidget):
    """A second top-level window that follows the director's steps, on the chosen screen."""

    closed = Signal()
    key_pressed = Signal(QKeyEvent)  # every key but Esc: the director's window does it

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
        self.browser.setStyleSheet(f"background:{BACKGROUND}; color:{TEXT};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addWidget(self.header)
        layout.addWidget(self.browser, 1)
        self.resize(1024, 640)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_text)
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
                document = self.browser.document()
                media = add_media(document, d.exercise, current.inject)
                self.browser.setHtml(inject_html(
                    current.inject, current.number, len(d.state.injects), posts={}, media=media,
                    for_room=True, image_width=max(200, self.width() // 2)))
        self._fit_timer.start()

    def text(self) -> str:
        """What the room sees, as plain text (for tests)."""
        return self.header.text() + "\n" + self.browser.toPlainText()

    # ------------------------------------------------------------------ size and screen
    def fit_text(self) -> None:
        """The largest font that lets the whole inject fit the window, under a header sized to
        the window (set first, so that the text is measured in the room the header leaves)."""
        header_font = self.header.font()
        header_font.setPixelSize(max(14, self.height() // 28))
        self.header.setFont(header_font)
        self.layout().activate()
        document = self.browser.document()
        available = self.browser.viewport().height() - 8
        width = self.browser.viewport().width()
        if available <= 0 or width <= 0:
            return
        document.setTextWidth(width)
        low, high = 10, 72
        font = self.browser.font()
        while low < high:
            middle = (low + high + 1) // 2
            font.setPointSize(middle)
            document.setDefaultFont(font)
            if document.size().height() <= available:
                low = middle
            else:
                high = middle - 1
        font.setPointSize(low)
        document.setDefaultFont(font)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_timer.start()

    def screen_to_use(self):
        """The screen chosen in the settings, else the last one (the projector is usually 2nd)."""
        screens = QGuiApplication.screens()
        chosen = self.settings.projector_screen
        for screen in screens:
            if screen.name() == chosen:
                return screen
        return screens[-1] if screens else None

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

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.WindowStateChange and self.isVisible():
            self.settings.projector_full_screen = self.isFullScreen()  # as it comes back
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closed.emit()
        super().closeEvent(event)



