"""Bar charts for the reports, drawn straight on the canvas in the report face."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from dientap_desktop.reports.document import FRAME_HEIGHT, printable, tie_places
from dientap_desktop.reports.fonts import BOLD_ITALIC, ITALIC, REGULAR, register_fonts
from dientap_desktop.reports.textblock import pack

BAR = colors.Color(0.25, 0.42, 0.65)
MISSING_TEXT = colors.Color(0.35, 0.35, 0.35)
GRID_LINE = colors.Color(0.85, 0.85, 0.85)
MARK = colors.Color(0.7, 0.1, 0.1)
BAR_WIDTH = 10
LABEL_SIZE = 9.5
VALUE_SIZE = 9
MARK_SIZE = 8
CAPTION_SIZE = 11
CAPTION_ROOM = 20  # above the plot, for the caption
BOTTOM = 30  # under the plot: the value axis' ticks, their numbers and its title
TOP_ROOM = 4  # above the plot when no reference line is named there
MARK_GAP = 3  # between the plot and the first row of reference lines' names
MARK_ROW = MARK_SIZE + 3  # a row of reference lines' names (room for stacked diacritics)
VALUE_GAP = 6  # between the plot's right end and the bars' values
RIGHT_ROOM = 4  # after the values, right-aligned
MARK_SPACE = 6  # at least between two names of reference lines in a row
HEADING_ROOM = 40  # a page keeps this over a chart's part, for the heading it goes with
MIN_SLOT = 16  # a bar's height of page, its label of one line
MAX_LABEL_LINES = 12  # a label longer is cut, "…" at its end (a bar always fits a page)


def wrap_words(
    value: str, width: float, font: str = REGULAR, size: float = LABEL_SIZE
) -> list[str]:
    """The text broken into lines no wider than `width` (a word too long keeps a line alone),
    never inside a place name."""
    words = tie_places(" ".join(printable(value).split())).split(" ")
    return pack(words, width, font, size) or [""]


def _label(value: str, width: float) -> list[str]:
    """A bar's label in lines, MAX_LABEL_LINES at most."""
    lines = wrap_words(value, width)
    if len(lines) <= MAX_LABEL_LINES:
        return lines
    return [*lines[:MAX_LABEL_LINES - 1], f"{lines[MAX_LABEL_LINES - 1]} …"]


def _parts(slots: Sequence[float], room: float) -> list[int]:
    """Where a chart's bars are cut into parts of at most `room` of height each (a bar alone
    may be taller): as few parts as filling each in turn makes, their heights as even as can
    be (no part of two bars left at the end). The index of each part's first bar."""
    def fill(limit: float) -> list[int]:
        starts, used = [0], 0.0
        for index, height in enumerate(slots):
            if used + height > limit and index > starts[-1]:
                starts.append(index)
                used = 0.0
            used += height
        return starts

    fewest = len(fill(room))
    low, high = max(slots, default=room), room
    if len(fill(low)) <= fewest:
        return fill(low)
    for _ in range(30):  # the least height a part may take and still make that few
        middle = (low + high) / 2
        low, high = (low, middle) if len(fill(middle)) <= fewest else (middle, high)
    return fill(high)


def continued(caption: str) -> str:
    """The caption of a chart's following part: "Biểu đồ 1 (tiếp theo)"."""
    label = caption.split(".", 1)[0] if caption.startswith("Biểu đồ") else caption
    return f"{label} (tiếp theo)"


@dataclass(frozen=True)
class MarkName:
    """A reference line's place and name: its row over the plot (0 nearest), the name's left
    end, and whether the line runs up to it (no other name in the rows below is in its way)."""

    x: float
    row: int
    left: float
    name: str
    reaches: bool


@dataclass(frozen=True)
class ChartLayout:
    """What every part of one chart shares: the columns (labels right-aligned at the left, the
    plot, the bars' values in a column of their own at the right, so that no line or bar of the
    plot ever runs through a number), the scale, and the reference lines' names in rows over
    the plot, none over another."""

    width: float
    label_width: float
    plot_width: float
    top: float
    line_height: float
    ticks: tuple[float, ...]
    tick_text: Callable[[float], str]
    axis_title: str
    missing_text: str
    marks: tuple[MarkName, ...]
    mark_rows: int

    @property
    def scale(self) -> float:
        return self.plot_width / self.top

    def head(self, caption: str) -> float:
        """The room over the plot: the marks' names, then the caption."""
        names = MARK_GAP + 2 + self.mark_rows * MARK_ROW if self.mark_rows else TOP_ROOM
        return names + (CAPTION_ROOM if caption else 0)


def _place_marks(marks: Sequence[tuple[float, str]], x0: float, scale: float, top: float,
                 width: float) -> tuple[tuple[MarkName, ...], int]:
    """Each reference line on the axis with its name in the first row over the plot where it
    overlaps no other name (MARK_SPACE apart at least), within the chart's width."""
    rows: list[list[tuple[float, float]]] = []
    placed: list[MarkName] = []
    for at, name in sorted(marks, key=lambda mark: mark[0]):
        if not 0 <= at <= top:
            continue  # a reference line off the axis is not drawn out of the box
        x = x0 + at * scale
        size = stringWidth(name, ITALIC, MARK_SIZE)
        left = min(max(x - size / 2, 0.0), max(width - size, 0.0))
        right = left + size
        row = next((n for n, spans in enumerate(rows)
                    if all(right + MARK_SPACE <= a or b + MARK_SPACE <= left for a, b in spans)),
                   len(rows))
        if row == len(rows):
            rows.append([])
        rows[row].append((left, right))
        placed.append(MarkName(x, row, left, name, True))
    # a line runs up to its name unless a name in a row under it stands in its way
    spans = [(m.row, m.left - 2, m.left + stringWidth(m.name, ITALIC, MARK_SIZE) + 2)
             for m in placed]
    marks_out = tuple(
        MarkName(m.x, m.row, m.left, m.name,
                 not any(row < m.row and a <= m.x <= b for row, a, b in spans))
        for m in placed)
    return marks_out, len(rows)


def bar_charts(
    labels: Sequence[str],
    values: Sequence[float | None],
    width: float,
    *,
    top: float,
    value_text: Callable[[float], str],
    axis_title: str,
    value_notes: Sequence[str] = (),
    marks: Sequence[tuple[float, str]] = (),
    label_width: float = 62 * mm,
    missing_text: str = "chưa đủ điểm",
    tick_text: Callable[[float], str] | None = None,
    caption: str = "",
    continued_caption: str | None = None,
) -> list[Flowable]:
    """Horizontal bars, one a label, first at the top, as one drawing or, when they would not
    fit a page, several on the same scale, as even as can be; `marks` draws dashed reference
    lines (e.g. the rating thresholds); a value of None is shown as a grey note, not as a zero
    bar; `value_text` writes a bar's value, `value_notes` (one a bar) follow it, `tick_text` the
    axis' (value_text by default);
    `caption` is set above the plot ("Biểu đồ 1. ..."), `continued_caption` above the following
    parts ("Biểu đồ 1 (tiếp theo)" by default).
    Each drawing, caption included, fits a page under a heading and never splits: one that
    does not fit the rest of a page goes whole to the next."""
    register_fonts()
    wrapped = [_label(label, label_width - 6) for label in labels]
    line_height = LABEL_SIZE * 1.15
    slots = [max(len(lines) * line_height + 6, MIN_SLOT) for lines in wrapped]
    top = top if top > 0 else 1.0  # the axis' end: values are drawn up to it
    texts = [None if value is None else value_text(value if value > 0 else 0.0)  # never < 0
             for value in values]
    if value_notes:  # after a bar's value, what it counts ("2 (1/5 cương vị)")
        texts = [None if shown is None else shown + printable(extra)
                 for shown, extra in zip(texts, value_notes, strict=True)]
    missing_text = printable(missing_text)
    room = max([stringWidth(t, REGULAR, VALUE_SIZE) for t in texts if t is not None]
               + [stringWidth(missing_text, ITALIC, VALUE_SIZE) if None in texts else 0.0])
    plot_width = width - label_width - VALUE_GAP - room - RIGHT_ROOM
    step = _step(top)
    placed, rows = _place_marks([(at, printable(name)) for at, name in marks], label_width,
                                plot_width / top, top, width)
    ticks = tuple(n * step for n in range(int(top / step + 1e-9) + 1))
    layout = ChartLayout(width, label_width, plot_width, top, line_height, ticks,
                         tick_text or value_text, printable(axis_title), missing_text, placed,
                         rows)
    more = printable(continued(caption) if caption else "") if continued_caption is None \
        else printable(continued_caption)
    caption = printable(caption)
    if not labels:
        return []
    starts = _parts(slots, FRAME_HEIGHT - HEADING_ROOM - BOTTOM - layout.head(caption or more))
    return [
        BarChart(layout, wrapped[start:end], slots[start:end], values[start:end],
                 texts[start:end], caption if not start else more)
        for start, end in zip(starts, [*starts[1:], len(labels)], strict=True)
    ]


class BarChart(Flowable):
    """Horizontal bars drawn straight on the canvas in the lines, colours and faces reportlab's
    HorizontalBarChart used, without its widget tree (a chart of 30 bars cost 20 ms that way,
    most of the after-action report); each bar as tall as its label. Made by `bar_charts`."""

    def __init__(self, layout: ChartLayout, wrapped: Sequence[list[str]],
                 slots: Sequence[float], values: Sequence[float | None],
                 texts: Sequence[str | None], caption: str):
        super().__init__()
        self.layout = layout
        self.wrapped, self.values, self.texts = list(wrapped), list(values), list(texts)
        self.caption = caption
        self.label_width, self.plot_width = layout.label_width, layout.plot_width
        # each bar's room, by its label's lines: where each starts under the plot's top
        self.edges = [0.0]
        for height in slots:
            self.edges.append(self.edges[-1] + height)
        self.plot_height = self.edges[-1]
        self.head = layout.head(caption)
        self.width, self.height = layout.width, self.plot_height + BOTTOM + self.head

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def split(self, available_width, available_height):
        """Nothing: the chart goes whole to the next page (`bar_charts` made it fit one)."""
        return []

    def centre(self, index: int) -> float:
        """The middle of bar `index`, from the plot's bottom."""
        return self.plot_height - (self.edges[index] + self.edges[index + 1]) / 2 + BOTTOM

    def shown(self, value: float | None) -> float | None:
        """A value as the chart draws it: within 0 and the top of the axis, so that no bar runs
        left over the labels or right out of the box (a negative response time from a slip in
        a decision's time is drawn as 0)."""
        if value is None:
            return None
        return min(float(value), self.layout.top) if value > 0 else 0.0  # NaN too: 0

    def draw(self):
        canv, layout = self.canv, self.layout
        x0, y0 = layout.label_width, BOTTOM
        plot_width, scale = layout.plot_width, layout.scale
        y1 = y0 + self.plot_height
        canv.saveState()
        # the value grid
        canv.setStrokeColor(GRID_LINE)
        canv.setLineWidth(0.4)
        path = canv.beginPath()
        for value in layout.ticks:
            path.moveTo(x0 + value * scale, y0)
            path.lineTo(x0 + value * scale, y1)
        canv.drawPath(path, stroke=1, fill=0)
        # the bars, first at the top; None and zero draw none
        canv.setFillColor(BAR)
        for index, value in enumerate(map(self.shown, self.values)):
            if value:
                bottom = self.centre(index) - BAR_WIDTH / 2
                canv.rect(x0, bottom, value * scale, BAR_WIDTH, stroke=0, fill=1)
        # the category axis: its line, a tick between categories, the labels right-aligned
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(1)
        path = canv.beginPath()
        path.moveTo(x0, y0)
        path.lineTo(x0, y1)
        for edge in self.edges:
            path.moveTo(x0, y1 - edge)
            path.lineTo(x0 - 5, y1 - edge)
        # the value axis: its line, ticks below
        path.moveTo(x0, y0)
        path.lineTo(x0 + plot_width, y0)
        for value in layout.ticks:
            path.moveTo(x0 + value * scale, y0)
            path.lineTo(x0 + value * scale, y0 - 5)
        canv.drawPath(path, stroke=1, fill=0)
        canv.setFillColor(colors.black)
        lead = layout.line_height
        text = canv.beginText()
        text.setFont(REGULAR, LABEL_SIZE, lead)
        right = x0 - 4
        for index, lines in enumerate(self.wrapped):
            centre = self.centre(index)
            first = centre + (len(lines) - 1) / 2 * lead - lead / 3
            for number, line in enumerate(lines):
                text.setTextOrigin(right - stringWidth(line, REGULAR, LABEL_SIZE),
                                   first - number * lead)
                text.textOut(line)
        text.setFont(REGULAR, VALUE_SIZE)
        for value in layout.ticks:
            label = layout.tick_text(value)
            text.setTextOrigin(x0 + value * scale - stringWidth(label, REGULAR, VALUE_SIZE) / 2,
                               y0 - 5 - VALUE_SIZE)
            text.textOut(label)
        # each bar's value in the column at the right, right-aligned; a missing value as a
        # grey note there
        end = layout.width - RIGHT_ROOM
        for index, shown in enumerate(self.texts):
            if shown is not None:
                text.setTextOrigin(end - stringWidth(shown, REGULAR, VALUE_SIZE),
                                   self.centre(index) - VALUE_SIZE / 3)
                text.textOut(shown)
        canv.drawText(text)
        missing = [index for index, shown in enumerate(self.texts) if shown is None]
        if missing:
            text = canv.beginText()
            text.setFont(ITALIC, VALUE_SIZE)
            text.setFillColor(MISSING_TEXT)
            left = end - stringWidth(layout.missing_text, ITALIC, VALUE_SIZE)
            for index in missing:
                text.setTextOrigin(left, self.centre(index) - VALUE_SIZE / 3)
                text.textOut(layout.missing_text)
            canv.drawText(text)
        # reference lines (e.g. the rating thresholds), dashed, named over the plot
        if layout.marks:
            canv.setStrokeColor(MARK)
            canv.setFillColor(MARK)
            canv.setLineWidth(0.7)
            canv.setDash(3, 2)
            canv.setFont(ITALIC, MARK_SIZE)
            for mark in layout.marks:
                baseline = y1 + MARK_GAP + 2 + mark.row * MARK_ROW
                canv.line(mark.x, y0, mark.x, baseline - 2.5 if mark.reaches else y1)
                canv.drawString(mark.left, baseline, mark.name)
        canv.setFillColor(colors.black)
        canv.setFont(ITALIC, VALUE_SIZE)
        canv.drawCentredString(x0 + plot_width / 2, 4, layout.axis_title)
        if self.caption:
            canv.setFont(BOLD_ITALIC, CAPTION_SIZE)
            canv.drawCentredString(self.width / 2, self.height - CAPTION_SIZE, self.caption)
        canv.restoreState()


def _step(top: float) -> float:
    for step in (1, 2, 5, 10, 15, 20, 30, 60, 120):
        if top / step <= 10:
            return step
    return top / 10
