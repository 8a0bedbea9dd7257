"""Small widgets and helpers the panels share: icons, scaled fonts, headings, tables set alike."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDateEdit,
    QDateTimeEdit,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from dientap_desktop.paths import resources_dir


def action_icon(name: str) -> QIcon:
    """One of the program's action icons (resources/icons/actions, drawn by
    tools/make_action_icons.py) at every size it ships, in light ink on a dark theme; the
    files are read when first shown."""
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    suffix = "-light" if dark else ""
    icon = QIcon()
    folder = resources_dir() / "icons" / "actions"
    for size in (16, 24, 32, 48, 64, 96):
        icon.addFile(str(folder / f"{name}-{size}{suffix}.png"), QSize(size, size))
    return icon


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    """The widget's font made `factor` times larger (point sizes: sharp on high-DPI screens)."""
    font = QFont(widget.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font


def heading(text: str, factor: float = 1.25, parent: QWidget | None = None) -> QLabel:
    """A bold title above a panel."""
    label = QLabel(text, parent)
    label.setFont(scaled_font(label, factor, bold=True))
    return label


# Plain scroll bars for the panels: Fusion paints each of its own in about 2 ms, and a delivery
# moves three of them (the inject list, the inject's text, the posts): half a frame.
SCROLL_BARS = """
QScrollBar { background: palette(window); border: none; margin: 0; }
QScrollBar:vertical { width: 14px; }
QScrollBar:horizontal { height: 14px; }
QScrollBar::handle { background: palette(mid); border-radius: 4px; margin: 3px; }
QScrollBar::handle:hover, QScrollBar::handle:pressed { background: palette(dark); }
QScrollBar::handle:vertical { min-height: 32px; }
QScrollBar::handle:horizontal { min-width: 32px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
"""


def wrapped(text: str) -> QLabel:
    """A label of a few sentences, on as many lines as the width its layout gives it."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def plain_scroll_bars(area: QAbstractScrollArea) -> None:
    """Give a scroll area the panels' plain scroll bars (set on the bars alone: a style sheet on
    the application would override the colours the panels set in their palettes)."""
    area.verticalScrollBar().setStyleSheet(SCROLL_BARS)
    area.horizontalScrollBar().setStyleSheet(SCROLL_BARS)


SHOWS_FOCUS = "dientap_shows_focus"  # the property of the item views that show_focus set up
_following_focus: list = []  # the application whose focus changes are followed, once


def show_focus(view: QAbstractItemView) -> None:
    """Let an item view show whether it has the keyboard: its chosen row in the strong
    highlight while it has it, muted (a pale tint, in the text's colour) while another widget
    has it. Of the tables and lists on the screen, the one that takes the keys is the one whose
    chosen row stands out. (Followed through the application's focusChanged signal: a Python
    focusInEvent on a view crashed PySide when Qt sent it while a window closed.)"""
    view.setProperty(SHOWS_FOCUS, True)
    muted_selection(view, not view.hasFocus())
    if view.hasFocus():
        _strong.append(view)
    app = QApplication.instance()
    if app is not None and app not in _following_focus:
        app.focusChanged.connect(_focus_moved)
        _following_focus.append(app)


def _view_of(widget: QWidget | None) -> QWidget | None:
    """The view set up by show_focus that is or holds this widget (a cell's editor), or None."""
    while widget is not None and not widget.isWindow():
        if widget.property(SHOWS_FOCUS):
            return widget
        widget = widget.parentWidget()
    return None


_strong: list = []  # the view drawn strong now (at most one), whatever took the keys since


def _focus_moved(_old: QWidget | None, new: QWidget | None) -> None:
    if new is None or new.window().windowType() == Qt.WindowType.Popup:
        return  # the window left, or a menu opened (from the view): it stays the one at work
    after = _view_of(new)
    for view in list(_strong):
        if view is not after:
            _strong.remove(view)
            if isValid(view):  # not deleted meanwhile
                muted_selection(view, True)
    if after is not None and after not in _strong:
        muted_selection(after, False)
        _strong.append(after)


def muted_selection(view: QAbstractItemView, muted: bool) -> None:
    """Draw a view's selection muted or in the strong highlight (see show_focus)."""
    if view.property("dientap_muted") == muted:
        return
    view.setProperty("dientap_muted", muted)
    palette = QPalette(view.palette())
    base = QGuiApplication.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        strong = base.color(group, QPalette.ColorRole.Highlight)
        if muted:
            ground = base.color(group, QPalette.ColorRole.Base)
            tint = QColor.fromRgbF(*(ground.getRgbF()[i] * 0.72 + strong.getRgbF()[i] * 0.28
                                     for i in range(3)))
            palette.setColor(group, QPalette.ColorRole.Highlight, tint)
            palette.setColor(group, QPalette.ColorRole.HighlightedText,
                             base.color(group, QPalette.ColorRole.Text))
        else:
            palette.setColor(group, QPalette.ColorRole.Highlight, strong)
            palette.setColor(group, QPalette.ColorRole.HighlightedText,
                             base.color(group, QPalette.ColorRole.HighlightedText))
    view.setPalette(palette)


ROW_PADDING = 6  # pixels added to the height of a row of wrapped lines (RoomyDelegate)


class RoomyDelegate(QStyledItemDelegate):
    """Cells a little higher than their text: rows of two or three wrapped lines keep their
    stacked Vietnamese marks and descenders, and do not touch the lines next to them."""

    def sizeHint(self, option, index):  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + ROW_PADDING)


# keys pressed only to change the next one: no key of their own
MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                 Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock}


class _TypedParts:
    """What the date and time fields share (mixed in before Qt's class): Tab and Shift+Tab
    leave the field at once, like every other field (a QDateTimeEdit walks through its parts
    first); a separator typed (":" or "/") goes on to the next part inside the field, and is
    passed over when the part before it was typed whole and the field went on by itself: "08:26"
    and "15/11/2023" are typed as they are written."""

    _went_on = False  # the last key typed filled its part and the field went on to the next

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab,
                                                                    Qt.Key.Key_Backtab) \
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.AltModifier):
            back = event.key() == Qt.Key.Key_Backtab \
                or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            QWidget.focusNextPrevChild(self, not back)  # Qt's own would go to the next part
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in MODIFIER_KEYS:  # Shift pressed for the ":" to come
            super().keyPressEvent(event)
            return
        text = event.text()
        went_on, self._went_on = self._went_on, False
        if text and not text[0].isalnum() and text[0].isprintable() and not text.isspace() \
                and went_on:
            event.accept()  # the separator the field already went past
            return
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._went_on = bool(text) and text[0].isdigit() \
            and self.currentSectionIndex() != before

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._went_on = False
        super().focusInEvent(event)


class TimeEdit(_TypedParts, QDateTimeEdit):
    """A date and time field typed part by part (see _TypedParts): ← and → move between the
    parts, Home and End to the first and the last, each chosen whole so that the digits typed
    replace it (and go on to the next)."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        keys = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Home: "first",
                Qt.Key.Key_End: "last"}
        move = keys.get(event.key())
        if move is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier \
                or self.sectionCount() == 0:
            super().keyPressEvent(event)
            return
        self._went_on = False
        last = self.sectionCount() - 1
        index = 0 if move == "first" else last if move == "last" else \
            max(0, min(last, self.currentSectionIndex() + move))
        self.setCurrentSectionIndex(index)
        self.setSelectedSection(self.sectionAt(index))
        event.accept()


class DateEdit(_TypedParts, QDateEdit):
    """A date field typed part by part, "15/11/2023" as it is written (see _TypedParts)."""


class FormTableView(QTableView):
    """A table typed into like a form: Tab and Shift+Tab go from one cell that can be edited to
    the next, over the cells that cannot (the roster's post titles), and coming into the table
    lands on one that can, so what is typed first is not lost on a read-only cell."""

    def moveCursor(self, action, modifiers):  # noqa: N802 (Qt's name)
        moves = {QAbstractItemView.CursorAction.MoveNext: 1,
                 QAbstractItemView.CursorAction.MovePrevious: -1}
        step = moves.get(action)
        model, current = self.model(), self.currentIndex()
        if step is None or model is None or not current.isValid():
            return super().moveCursor(action, modifiers)
        found = self._editable(current.row() * model.columnCount() + current.column() + step,
                               step)
        return found if found is not None else current

    # the cell being typed in shows where the keyboard is (an empty editor is a bare caret)
    EDITOR_STYLE = "QLineEdit { border: 2px solid #1e40af; background: #eef2ff; }"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(self.EDITOR_STYLE)

    def closeEditor(self, editor, hint):  # noqa: N802 (Qt's name)
        """Tab on the last cell (Shift+Tab on the first) goes on out of the table at once, as
        from any other field, instead of only closing the cell's editor."""
        steps = {QAbstractItemDelegate.EndEditHint.EditNextItem: 1,
                 QAbstractItemDelegate.EndEditHint.EditPreviousItem: -1}
        step, current, model = steps.get(hint), self.currentIndex(), self.model()
        if step is not None and current.isValid() and self._editable(
                current.row() * model.columnCount() + current.column() + step, step) is None:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            QWidget.focusNextPrevChild(self, step > 0)
            return
        super().closeEditor(editor, hint)

    def focusInEvent(self, event):  # noqa: N802 (Qt's name)
        was_placed = self.currentIndex().isValid()
        super().focusInEvent(event)  # not placed, it places the cursor on the first cell
        model, current = self.model(), self.currentIndex()
        if model is None or (current.isValid() and self._is_editable(current)):
            return
        if was_placed:
            found = self._editable(current.row() * model.columnCount() + current.column(), 1)
        elif event.reason() == Qt.FocusReason.BacktabFocusReason:
            found = self._editable(model.rowCount() * model.columnCount() - 1, -1)
        else:
            found = self._editable(0, 1)
        if found is not None:
            self.setCurrentIndex(found)

    def _is_editable(self, index) -> bool:
        return bool(self.model().flags(index) & Qt.ItemFlag.ItemIsEditable)

    def _editable(self, position: int, step: int):
        """The first cell that can be edited from a position (row by row) in a direction."""
        model = self.model()
        columns = model.columnCount()
        while 0 <= position < model.rowCount() * columns:
            index = model.index(position // columns, position % columns)
            if self._is_editable(index):
                return index
            position += step
        return None


class RowListView(QTableView):
    """A list of rows: Home and End go to its first and last row (a table's own go to the first
    and last cell of the row, which a list of whole rows does not show)."""

    def moveCursor(self, action, modifiers):  # noqa: N802 (Qt's name)
        ends = {QAbstractItemView.CursorAction.MoveHome: 0,
                QAbstractItemView.CursorAction.MoveEnd: -1}
        model = self.model()
        if action in ends and model is not None and model.rowCount():
            return model.index(ends[action] % model.rowCount(), max(self.currentIndex().column(),
                                                                    0))
        return super().moveCursor(action, modifiers)


def table_view(model, parent: QWidget | None = None, *, stretch: int | None = None,
               select_rows: bool = True, form: bool = False) -> QTableView:
    """A read-only table of whole-row selection (RowListView), no grid clutter, one column
    stretched; `form`: typed into like a form (FormTableView)."""
    view = (FormTableView if form else RowListView if select_rows else QTableView)(parent)
    show_focus(view)
    view.setViewport(known_viewport())
    view.setModel(model)
    plain_scroll_bars(view)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows
                              if select_rows else QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    # A list of rows is one stop for Tab (the arrows move in it), not a walk through its cells
    # that wraps around, moving the selection and never reaching what comes after it.
    view.setTabKeyNavigation(not select_rows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def known_viewport() -> QWidget:
    """A viewport for a scroll area, made here and set up as Qt sets up the one it makes.

    The first time PySide6 meets a plain QWidget that Qt made (a view's own viewport), it learns
    its class by setting up every QWidget subclass with all their enums: a hundredth of a second
    before the first paint. A viewport made in Python is known already.
    """
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    return viewport


def column_width(view: QTableView, column: int, *samples: str, bold: bool = False) -> int:
    """The width of a column that shows its header and the widest of `samples` (what its cells
    can show) whole, in the fonts and the language in use."""
    header = view.model().headerData(column, Qt.Orientation.Horizontal)
    cell_font = QFont(view.font())
    cell_font.setBold(bold)
    widths = [view.horizontalHeader().fontMetrics().horizontalAdvance(str(header or ""))]
    widths += [QFontMetrics(cell_font).horizontalAdvance(text) for text in samples]
    return max(widths) + 14  # the header's and the cell's margins


def fit_column(view: QTableView, column: int, *samples: str, bold: bool = False) -> None:
    """Make a column as wide as its header and the widest of `samples` (column_width): fixed
    pixel widths cut translated headers."""
    view.setColumnWidth(column, column_width(view, column, *samples, bold=bold))


def fit_columns(view: QTableView, *columns: int) -> None:
    """Size these columns to their contents once (not on every change: that is slow)."""
    for column in columns:
        view.resizeColumnToContents(column)


def colour(widget: QWidget, foreground: str | None = None, background: str | None = None) -> None:
    """Colour a widget through its palette, and only when the colours change: cheaper to paint
    than a style sheet, which matters for what changes with every action (one frame)."""
    key = (foreground, background)
    if widget.property("dientap_colours") == repr(key):
        return
    widget.setProperty("dientap_colours", repr(key))
    palette = widget.palette() if widget.parentWidget() is None else \
        widget.parentWidget().palette()
    if foreground:
        palette.setColor(QPalette.ColorRole.WindowText, QColor(foreground))
        palette.setColor(QPalette.ColorRole.Text, QColor(foreground))
    if background:
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        palette.setColor(QPalette.ColorRole.Base, QColor(background))
    widget.setAutoFillBackground(bool(background))
    widget.setPalette(palette)


class _Holder(QWidget):
    """A box of fixed height with one label inside and no layout of its own."""

    def __init__(self, label: QLabel):
        super().__init__()
        self.label = label
        label.setParent(self)
        self.setFixedHeight(label.sizeHint().height())
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)


def pin(label: QLabel, width: int) -> QLabel:
    """Give a label whose text changes with the actions a fixed size, so that a new text
    repaints that label alone: a label of free size makes Qt lay the window out again, up to
    the splitter, which repaints every pane (several frames on the large exercise)."""
    label.setFixedSize(width, label.sizeHint().height())
    return label


def hold(label: QLabel) -> QWidget:
    """A label as wide as its place in the layout whose new texts never re-lay out the window:
    it sits in a box of fixed height without a layout, which stops the layout requests."""
    return _Holder(label)


class LazyPage(QWidget):
    """A page (a tab) whose content is made when it is first shown or asked for: a page the
    director may never open costs nothing when the window opens."""

    def __init__(self, make, parent: QWidget | None = None):
        super().__init__(parent)
        self._make = make  # parent -> the content widget
        self._content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def made(self) -> bool:
        """Whether the content exists yet."""
        return self._content is not None

    @property
    def content(self) -> QWidget:
        """The content, made now if it was not yet."""
        if self._content is None:
            self._content = self._make(self)
            self.layout().addWidget(self._content)
            if self.isVisible():  # made while the page is being shown: Qt showed the others
                self._content.show()
        return self._content

    def showEvent(self, event) -> None:  # noqa: N802
        self.content  # noqa: B018 - made before it is painted
        super().showEvent(event)


FRAME_ROOM = QSize(16, 40)  # the title bar and borders a window manager adds around a window


def fit_to_screen(window: QWidget, preferred: QSize, minimum: QSize) -> None:
    """Open a window at its preferred size, or smaller on a small screen: the whole window,
    frame included, within the screen's available area (not under a taskbar), centred on it."""
    room = set_minimum_size(window, minimum)
    if room is None:
        window.resize(preferred)
        return
    available = window.screen().availableGeometry()
    size = preferred.boundedTo(room)
    window.resize(size)
    frame = QRect(QPoint(0, 0), size + FRAME_ROOM)
    frame.moveCenter(available.center())
    window.move(frame.topLeft())


def larger_than(screen, size: QSize) -> bool:
    """Whether a screen's available area holds a window of this size with its frame, and has
    room to spare."""
    if screen is None:
        return False
    room = screen.availableGeometry().size() - FRAME_ROOM
    return room.width() >= size.width() and room.height() >= size.height() and room != size


def set_minimum_size(window: QWidget, minimum: QSize) -> QSize | None:
    """A window's minimum size, no larger than its screen leaves room for (frame included);
    that room, or None when there is no screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.setMinimumSize(minimum)
        return None
    room = (screen.availableGeometry().size() - FRAME_ROOM).expandedTo(QSize(1, 1))
    window.setMinimumSize(minimum.boundedTo(room))
    return room


def on_a_screen(window: QWidget) -> bool:
    """Whether a window (restored where it was last closed) lies within a screen's available
    area: a place saved on a bigger monitor or on the projector may be off screen now."""
    frame = window.frameGeometry()
    return any(screen.availableGeometry().contains(frame)
               for screen in QGuiApplication.screens())
