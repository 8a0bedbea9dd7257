"""Bar charts for the reports, drawn with reportlab.graphics in the report face."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from dientap_desktop.domain.text import nfc
from dientap_desktop.reports.fonts import ITALIC, REGULAR, register_fonts

BAR = colors.Color(0.25, 0.42, 0.65)
MISSING = colors.Color(0.75, 0.75, 0.75)
LABEL_SIZE = 9.5
VALUE_SIZE = 9


def wrap_words(
    value: str, width: float, font: str = REGULAR, size: float = LABEL_SIZE
) -> list[str]:
    """The text broken into lines no wider than `width` (a word too long keeps a line alone)."""
    lines: list[str] = []
    current = ""
    for word in nfc(value).split():
        candidate = f"{current} {word}" if current else word
        if current and stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


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
) -> list[Drawing]:
    """Horizontal bars, one a label, first at the top, as one drawing or, when they would not
    fit a page, several on the same scale; `marks` draws dashed reference lines (e.g. the
    rating thresholds); a value of None is shown as a grey note, not as a zero bar."""
    register_fonts()
    wrapped = [wrap_words(label, label_width - 6) for label in labels]
    line_height = LABEL_SIZE * 1.15
    slot = max([max(len(lines) * line_height + 6, 16) for lines in wrapped] or [16])
    per_chart = max(1, int((max_height - BOTTOM - HEAD) // slot))
    return [
        _bar_chart(wrapped[start:start + per_chart], values[start:start + per_chart], width,
                   slot=slot, line_height=line_height, top=top, value_text=value_text,
                   axis_title=axis_title, marks=marks, label_width=label_width,
                   missing_text=missing_text)
        for start in range(0, len(labels), per_chart)
    ]


def _bar_chart(
    wrapped: Sequence[list[str]],
    values: Sequence[float | None],
    width: float,
    *,
    slot: float,
    line_height: float,
    top: float,
    value_text: Callable[[float], str],
    axis_title: str,
    marks: Sequence[tuple[float, str]],
    label_width: float,
    missing_text: str,
) -> Drawing:
    plot_height = slot * len(wrapped)
    bottom, head = BOTTOM, HEAD
    drawing = Drawing(width, plot_height + bottom + head, initialFontName=REGULAR,
                      initialFontSize=LABEL_SIZE)  # else the state names Helvetica
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, bottom
    chart.width, chart.height = width - label_width - 40, plot_height
    chart.data = [[v if v is not None else 0 for v in values]]
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barWidth = 10
    chart.groupSpacing = max(slot - 10, 4)
    chart.categoryAxis.categoryNames = ["\n".join(lines) for lines in wrapped]
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.leading = line_height
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = _step(top)
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = VALUE_SIZE
    chart.valueAxis.labelTextFormat = lambda v: value_text(v)
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = VALUE_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = lambda v: ""
    drawing.add(chart)
    # value labels and notes drawn by hand: None must read as "missing", not as zero
    scale = chart.width / top
    for index, value in enumerate(values):
        centre = bottom + plot_height - slot * (index + 0.5) - VALUE_SIZE / 3
        if value is None:
            drawing.add(String(label_width + 3, centre, nfc(missing_text), fontName=ITALIC,
                               fontSize=VALUE_SIZE, fillColor=colors.Color(0.35, 0.35, 0.35)))
        else:
            drawing.add(String(label_width + value * scale + 3, centre, value_text(value),
                               fontName=REGULAR, fontSize=VALUE_SIZE))
    for index, (at, name) in enumerate(marks):
        x = label_width + at * scale
        lift = 6 + (index % 2) * (VALUE_SIZE + 1)
        line = Line(x, bottom, x, bottom + plot_height + 4, strokeColor=colors.Color(0.7, 0.1, 0.1),
                    strokeWidth=0.7, strokeDashArray=(3, 2))
        drawing.add(line)
        drawing.add(String(x, bottom + plot_height + lift, nfc(name), fontName=ITALIC,
                           fontSize=VALUE_SIZE - 1, textAnchor="middle",
                           fillColor=colors.Color(0.7, 0.1, 0.1)))
    drawing.add(String(label_width + chart.width / 2, 4, nfc(axis_title), fontName=ITALIC,
                       fontSize=VALUE_SIZE, textAnchor="middle"))
    return drawing


def _step(top: float) -> float:
    for step in (1, 2, 5, 10, 15, 20, 30, 60, 120):
        if top / step <= 10:
            return step
    return top / 10
