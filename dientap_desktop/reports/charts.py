"""Bar charts for the reports, drawn straight on the canvas in the report face."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from dientap_desktop.reports.document import printable
from dientap_desktop.reports.fonts import BOLD_ITALIC, ITALIC, REGULAR, register_fonts
from dientap_desktop.reports.textblock import pack

BAR = colors.Color(0.25, 0.42, 0.65)
MISSING_TEXT = colors.Color(0.35, 0.35, 0.35)
GRID_LINE = colors.Color(0.85, 0.85, 0.85)
MARK = colors.Color(0.7, 0.1, 0.1)
BAR_WIDTH = 10
LABEL_SIZE = 9.5
VALUE_SIZE = 9
CAPTION_SIZE = 11
CAPTION_ROOM = 20  # above the plot, for the caption
MIN_BARS = 3  # a chart split across pages keeps at least this many bars on each side


def wrap_words(
    value: str, width: float, font: str = REGULAR, size: float = LABEL_SIZE
) -> list[str]:
    """The text broken into lines no wider than `width` (a word too long keeps a line alone)."""
    return pack(printable(value).split(), width, font, size) or [""]


BOTTOM, HEAD = 30, 26
MAX_HEIGHT = 600  # a drawing never splits: longer charts are cut into several of this height


def bar_charts(
    labels: Sequence[str],
    values: Sequence[float | None],
    width: float,
    *,
    top: float,
    value_text: Callable[[float], str],
    axis_title: str,
    marks: Sequence[tuple[float, str]] = (),
    label_width: float = 62 * mm,
    missing_text: str = "chưa đủ điểm",
    max_height: float = MAX_HEIGHT,
    tick_text: Callable[[float], str] | None = None,
    caption: str = "",
) -> list[Flowable]:
    """Horizontal bars, one a label, first at the top, as one drawing or, when they would not
    fit a page, several on the same scale; `marks` draws dashed reference lines (e.g. the
    rating thresholds); a value of None is shown as a grey note, not as a zero bar; `value_text`
    writes a bar's value, `tick_text` the axis' (value_text by default); `caption` is set
    above the plot ("Biểu đồ 1. ..."), "(tiếp theo)" on the following parts.
    A chart that does not fit the rest of a page splits between its bars there (at least
    MIN_BARS each side) rather than leaving the page empty."""
    register_fonts()
    wrapped = [wrap_words(label, label_width - 6) for label in labels]
    line_height = LABEL_SIZE * 1.15
    slot = max([max(len(lines) * line_height + 6, 16) for lines in wrapped] or [16])
    head = HEAD + (CAPTION_ROOM if caption else 0)
    per_chart = max(1, int((max_height - BOTTOM - head) // slot))
    return [
        BarChart(wrapped[start:start + per_chart], values[start:start + per_chart], width,
                 slot=slot, line_height=line_height, top=top, value_text=value_text,
                 axis_title=axis_title, marks=marks, label_width=label_width,
                 missing_text=missing_text, tick_text=tick_text,
                 caption=continued(caption) if caption and start else caption)
        for start in range(0, len(labels), per_chart)
    ]


def continued(caption: str) -> str:
    """The caption of a chart's following part: "Biểu đồ 1 (tiếp theo)"."""
    label = caption.split(".", 1)[0] if caption.startswith("Biểu đồ") else caption
    return f"{label} (tiếp theo)"


class BarChart(Flowable):
    """Horizontal bars drawn straight on the canvas, as reportlab's HorizontalBarChart draws
    them with the settings these reports used (same places, lines, colours and faces), without
    its widget tree: a chart of 30 bars cost 20 ms that way, most of the after-action report."""

    def __init__(self, wrapped: Sequence[list[str]], values: Sequence[float | None], width: float,
                 *, slot: float, line_height: float, top: float,
                 value_text: Callable[[float], str], axis_title: str,
                 marks: Sequence[tuple[float, str]], label_width: float, missing_text: str,
                 tick_text: Callable[[float], str] | None = None, caption: str = ""):
        super().__init__()
        self.wrapped, self.values = list(wrapped), list(values)
        self.slot, self.line_height = slot, line_height
        self.top = top if top > 0 else 1.0  # the axis' end: values are drawn up to it
        self.value_text, self.axis_title = value_text, printable(axis_title)
        self.tick_text = tick_text or value_text
        self.marks = [(at, printable(name)) for at, name in marks]
        self.label_width, self.missing_text = label_width, printable(missing_text)
        self.caption = printable(caption)
        self.plot_height = slot * len(self.wrapped)
        self.plot_width = width - label_width - 40
        self.head = HEAD + (CAPTION_ROOM if self.caption else 0)
        self.width, self.height = width, self.plot_height + BOTTOM + self.head

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def _part(self, start: int, end: int, caption: str) -> BarChart:
        return BarChart(self.wrapped[start:end], self.values[start:end], self.width,
                        slot=self.slot, line_height=self.line_height, top=self.top,
                        value_text=self.value_text, axis_title=self.axis_title,
                        marks=self.marks, label_width=self.label_width,
                        missing_text=self.missing_text, tick_text=self.tick_text,
                        caption=caption)

    def split(self, available_width, available_height):
        fit = int((available_height - BOTTOM - self.head) // self.slot)
        count = len(self.wrapped)
        if fit < MIN_BARS or count - fit < MIN_BARS:
            return []  # the whole chart on the next page
        return [self._part(0, fit, self.caption),
                self._part(fit, count, continued(self.caption) if self.caption else "")]

    def shown(self, value: float | None) -> float | None:
        """A value as the chart draws it: within 0 and the top of the axis, so that no bar runs
        left over the labels or right out of the box (a negative response time from a slip in
        a decision's time is drawn as 0)."""
        if value is None:
            return None
        return min(float(value), self.top) if value > 0 else 0.0  # NaN too: 0

    def draw(self):
        canv = self.canv
        x0, y0, slot = self.label_width, BOTTOM, self.slot
        plot_width, plot_height, top = self.plot_width, self.plot_height, self.top
        y1 = y0 + plot_height
        scale = plot_width / top
        shown = [self.shown(value) for value in self.values]
        step = _step(top)
        ticks = [n * step for n in range(int(top / step + 1e-9) + 1)]
        canv.saveState()
        # the value grid
        canv.setStrokeColor(GRID_LINE)
        canv.setLineWidth(0.4)
        path = canv.beginPath()
        for value in ticks:
            path.moveTo(x0 + value * scale, y0)
            path.lineTo(x0 + value * scale, y1)
        canv.drawPath(path, stroke=1, fill=0)
        # the bars, first at the top; None and zero draw none
        canv.setFillColor(BAR)
        for index, value in enumerate(shown):
            if value:
                bottom = y1 - slot * (index + 1) + (slot - BAR_WIDTH) / 2
                canv.rect(x0, bottom, value * scale, BAR_WIDTH, stroke=0, fill=1)
        # the category axis: its line, a tick between categories, the labels right-aligned
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(1)
        path = canv.beginPath()
        path.moveTo(x0, y0)
        path.lineTo(x0, y1)
        for index in range(len(self.wrapped) + 1):
            path.moveTo(x0, y1 - slot * index)
            path.lineTo(x0 - 5, y1 - slot * index)
        # the value axis: its line, ticks below
        path.moveTo(x0, y0)
        path.lineTo(x0 + plot_width, y0)
        for value in ticks:
            path.moveTo(x0 + value * scale, y0)
            path.lineTo(x0 + value * scale, y0 - 5)
        canv.drawPath(path, stroke=1, fill=0)
        canv.setFillColor(colors.black)
        lead = self.line_height
        text = canv.beginText()
        text.setFont(REGULAR, LABEL_SIZE, lead)
        right = x0 - 4
        for index, lines in enumerate(self.wrapped):
            centre = y1 - slot * (index + 0.5)
            first = centre + (len(lines) - 1) / 2 * lead - lead / 3
            for number, line in enumerate(lines):
                text.setTextOrigin(right - stringWidth(line, REGULAR, LABEL_SIZE),
                                   first - number * lead)
                text.textOut(line)
        text.setFont(REGULAR, VALUE_SIZE)
        for value in ticks:
            label = self.tick_text(value)
            text.setTextOrigin(x0 + value * scale - stringWidth(label, REGULAR, VALUE_SIZE) / 2,
                               y0 - 5 - VALUE_SIZE)
            text.textOut(label)
        # each bar's value at its end; a missing value as a grey note
        for index, (value, at) in enumerate(zip(self.values, shown, strict=True)):
            centre = y1 - slot * (index + 0.5) - VALUE_SIZE / 3
            if value is not None:
                text.setTextOrigin(x0 + at * scale + 3, centre)
                text.textOut(self.value_text(value if value > 0 else 0.0))  # never below 0
        canv.drawText(text)
        missing = [index for index, value in enumerate(self.values) if value is None]
        if missing:
            text = canv.beginText()
            text.setFont(ITALIC, VALUE_SIZE)
            text.setFillColor(MISSING_TEXT)
            for index in missing:
                text.setTextOrigin(x0 + 3, y1 - slot * (index + 0.5) - VALUE_SIZE / 3)
                text.textOut(self.missing_text)
            canv.drawText(text)
        # reference lines (e.g. the rating thresholds), dashed, named above the plot
        for index, (at, name) in enumerate(self.marks):
            if not 0 <= at <= top:
                continue  # a reference line off the axis is not drawn out of the box
            x = x0 + at * scale
            canv.setStrokeColor(MARK)
            canv.setLineWidth(0.7)
            canv.setDash(3, 2)
            canv.line(x, y0, x, y1 + 4)
            canv.setFillColor(MARK)
            canv.setFont(ITALIC, VALUE_SIZE - 1)
            canv.drawCentredString(x, y1 + 6 + (index % 2) * (VALUE_SIZE + 1), name)
        canv.setFillColor(colors.black)
        canv.setFont(ITALIC, VALUE_SIZE)
        canv.drawCentredString(x0 + plot_width / 2, 4, self.axis_title)
        if self.caption:
            canv.setFont(BOLD_ITALIC, CAPTION_SIZE)
            canv.drawCentredString(self.width / 2, self.height - CAPTION_SIZE, self.caption)
        canv.restoreState()


def _step(top: float) -> float:
    for step in (1, 2, 5, 10, 15, 20, 30, 60, 120):
        if top / step <= 10:
            return step
    return top / 10
