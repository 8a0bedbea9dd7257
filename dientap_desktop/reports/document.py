"""The official document frame (Nghị định 30/2020/NĐ-CP) on A4, and the pieces reports share."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from dientap_desktop.domain.records import ExerciseInfo
from dientap_desktop.domain.text import nfc
from dientap_desktop.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

VIETNAM = timezone(timedelta(hours=7))
DEFAULT_ISSUER = "BAN CHỈ ĐẠO DIỄN TẬP"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DASH = "—"

# Margins of Nghị định 30/2020: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FOOTER_SIZE = 9
FOOTER_ROOM = 9 * mm  # below the frame, for the footer line

GRID = colors.black
SHADE = colors.Color(0.9, 0.9, 0.9)
LIGHT_SHADE = colors.Color(0.96, 0.96, 0.96)


# ------------------------------------------------------------------------------ text


def text(value: object) -> str:
    """A value as NFC text safe inside a Paragraph (markup characters escaped)."""
    return escape(nfc("" if value is None else str(value)))


def points(value: Fraction | Decimal | int | None, places: int = 2) -> str:
    """Points in Vietnamese notation, rounded half up to `places` decimals, without trailing
    zeros ("2,5", "8,25", "3")."""
    if value is None:
        return DASH
    scaled = Fraction(value) * 10**places
    whole = math.floor(scaled + Fraction(1, 2))
    shown = format((Decimal(whole) / 10**places).normalize(), "f")
    return shown.replace(".", ",")


def score10(value: Decimal | None) -> str:
    """A score on the scale, always with two decimals ("8,25")."""
    return DASH if value is None else format(value, ".2f").replace(".", ",")


def minutes(value: float | None, signed: bool = False) -> str:
    """A duration in whole minutes, rounded half up; signed shows "+3" for late."""
    if value is None:
        return DASH
    whole = math.floor(value + 0.5)
    return f"{whole:+d}" if signed and whole else str(whole)


def local(moment: datetime) -> datetime:
    """An instant in Vietnam local time (UTC+7); the exercise file stores UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM)


def clock_time(moment: datetime | None) -> str:
    """A time of day in Vietnam, "08:15"."""
    return DASH if moment is None else local(moment).strftime("%H:%M")


def clock_words(moment: datetime | None) -> str:
    """A time and day in words, "08 giờ 15 ngày 15/11/2023"."""
    if moment is None:
        return DASH
    at = local(moment)
    return f"{at:%H} giờ {at:%M} ngày {at:%d/%m/%Y}"


def date_words(day: date | None) -> str:
    """A date as Nghị định 30 writes it: zero before a day under 10 and a month under 3."""
    if day is None:
        return "ngày .... tháng .... năm ........"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def date_line(info: ExerciseInfo) -> str:
    """The place and date line, "Phường Hòa Bình, ngày 15 tháng 11 năm 2023"."""
    place = nfc(info.place.strip()) or "............"
    return f"{place}, {date_words(info.date)}"


def issuer(info: ExerciseInfo) -> str:
    """The issuing body in capitals."""
    return nfc(info.issuer.strip() or DEFAULT_ISSUER).upper()


# ------------------------------------------------------------------------------ styles


def _style(name: str, font: str = REGULAR, size: float = 13, **kw) -> ParagraphStyle:
    kw.setdefault("leading", size * 1.22)
    return ParagraphStyle(name, fontName=font, bulletFontName=font, fontSize=size, **kw)


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of every report, made once."""

    body: ParagraphStyle
    plain: ParagraphStyle
    body_bold: ParagraphStyle
    bullet: ParagraphStyle
    heading: ParagraphStyle
    issuer: ParagraphStyle
    number: ParagraphStyle
    nation: ParagraphStyle
    motto: ParagraphStyle
    date: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_center: ParagraphStyle
    cell_center_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_italic: ParagraphStyle
    sign_title: ParagraphStyle
    sign_note: ParagraphStyle
    sign_name: ParagraphStyle
    recipients: ParagraphStyle
    footer: ParagraphStyle


@cache
def styles() -> Styles:
    """The shared styles (fonts registered first)."""
    register_fonts()
    cell = 11.5
    return Styles(
        body=_style("body", size=13, alignment=TA_JUSTIFY, spaceAfter=4, firstLineIndent=10 * mm),
        plain=_style("plain", size=13, spaceAfter=2),
        body_bold=_style("body_bold", BOLD, 13, spaceAfter=4),
        bullet=_style("bullet", size=13, alignment=TA_JUSTIFY, leftIndent=6 * mm,
                      firstLineIndent=-4 * mm, spaceAfter=3),
        heading=_style("heading", BOLD, 13, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        issuer=_style("issuer", BOLD, 12.5, alignment=TA_CENTER, leading=15),
        number=_style("number", REGULAR, 13, alignment=TA_CENTER, spaceBefore=4),
        nation=_style("nation", BOLD, 12, alignment=TA_CENTER, leading=15),
        motto=_style("motto", BOLD, 13, alignment=TA_CENTER, leading=16),
        date=_style("date", ITALIC, 13, alignment=TA_CENTER),
        title=_style("title", BOLD, 14, alignment=TA_CENTER, spaceBefore=14, leading=18),
        subtitle=_style("subtitle", BOLD, 13, alignment=TA_CENTER, leading=16),
        note=_style("note", ITALIC, 11, alignment=TA_CENTER, leading=14),
        cell=_style("cell", size=cell),
        cell_bold=_style("cell_bold", BOLD, cell),
        cell_center=_style("cell_center", size=cell, alignment=TA_CENTER),
        cell_center_bold=_style("cell_center_bold", BOLD, cell, alignment=TA_CENTER),
        cell_right=_style("cell_right", size=cell, alignment=TA_RIGHT),
        cell_italic=_style("cell_italic", ITALIC, cell),
        sign_title=_style("sign_title", BOLD, 13, alignment=TA_CENTER, leading=16),
        sign_note=_style("sign_note", ITALIC, 12, alignment=TA_CENTER, leading=15),
        sign_name=_style("sign_name", BOLD, 13, alignment=TA_CENTER, leading=16),
        recipients=_style("recipients", REGULAR, 11, alignment=TA_LEFT, leading=13),
        footer=_style("footer", ITALIC, FOOTER_SIZE, alignment=TA_CENTER, leading=11),
    )


class CellParagraph(Paragraph):
    """A Paragraph that remembers its last wrap: a table wraps each cell to measure its row and
    again to draw it, at the same width, and long tables spend most of their time there."""

    _wrapped_at: tuple[float, float] | None = None

    def wrap(self, available_width, available_height):
        key = (available_width, available_height)
        if (self._wrapped_at is not None and self._wrapped_at[0] == available_width
                and "blPara" in self.__dict__):
            return self.width, self.height
        size = super().wrap(*key)
        self._wrapped_at = key
        return size


def para(value: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped, NFC)."""
    return CellParagraph(text(value), style)


def short(value: object) -> str:
    """A short table value (a number, a time) drawn as a plain string, centred and never wrapped:
    far cheaper than a Paragraph, so long tables stay fast. Only for values that always fit."""
    return nfc("" if value is None else str(value))


def markup(value: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of text that already holds markup (<b>, <i>); the caller escaped its data."""
    return CellParagraph(nfc(value), style)


# ------------------------------------------------------------------------------ the page


class SheetStart(Flowable):
    """Marks where a sheet begins, so its pages are numbered from 1 and its footer named."""

    def __init__(self, label: str = ""):
        super().__init__()
        self.label = nfc(label)
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        doc = self.canv._doctemplate
        doc.sheet_first_page = self.canv.getPageNumber()
        doc.sheet_label = self.label


class ReportDocument(BaseDocTemplate):
    """An A4 document with the official margins, the page number at the top centre from page 2
    of each sheet (as Nghị định 30 asks) and the exercise's name, place and date at the foot."""

    def __init__(self, filename: str | Path, info: ExerciseInfo, title: str):
        register_fonts()
        super().__init__(
            str(filename),
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=nfc(title),
            author=issuer(info),
            subject=nfc(info.name),
            creator="dientap-desktop",
            invariant=1,
            initialFontName=REGULAR,  # else every page names Helvetica in its resources
            initialFontSize=13,
        )
        self.info = info
        self.sheet_first_page = 1
        self.sheet_label = ""
        footer = f"{nfc(info.name)} · {date_line(info)}"
        self._footer_text = text(footer)
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            FRAME_WIDTH,
            PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._decorate)])

    def _decorate(self, canv, doc) -> None:
        page = canv.getPageNumber() - self.sheet_first_page + 1
        canv.saveState()
        if page > 1:
            canv.setFont(REGULAR, 13)
            canv.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - MARGIN_TOP + 6 * mm, str(page))
        footer = self._footer_text
        if self.sheet_label:
            footer += f" · {text(self.sheet_label)}"
        paragraph = Paragraph(footer, styles().footer)
        _, height = paragraph.wrap(FRAME_WIDTH, FOOTER_ROOM)
        top = MARGIN_BOTTOM - 3 * mm
        canv.setStrokeColor(colors.grey)
        canv.setLineWidth(0.4)
        canv.line(MARGIN_LEFT, top, MARGIN_LEFT + FRAME_WIDTH, top)
        paragraph.drawOn(canv, MARGIN_LEFT, top - 1.5 * mm - height)
        canv.restoreState()


def rule(value: str, font: str, size: float, share: float = 1.0) -> HRFlowable:
    """A centred line under a header line, as long as the text (or a share of it)."""
    width = stringWidth(nfc(value), font, size) * share
    return HRFlowable(width=width, thickness=0.6, color=colors.black, spaceBefore=3, spaceAfter=3,
                      hAlign="CENTER")


def official_header(info: ExerciseInfo, number: str | None = None) -> list[Flowable]:
    """The top of page 1: issuing body left, the nation and motto right, the place and date."""
    s = styles()
    body = issuer(info)
    left: list[Flowable] = [para(body, s.issuer), rule(body, BOLD, 12.5, 0.4)]
    if number:
        left.append(markup(text(number).replace("  ", "&nbsp; "), s.number))
    right: list[Flowable] = [
        para(NATION, s.nation),
        para(MOTTO, s.motto),
        rule(MOTTO, BOLD, 13),
        Spacer(1, 3),
        para(date_line(info), s.date),
    ]
    widths = (FRAME_WIDTH * 0.42, FRAME_WIDTH * 0.58)
    table = Table([[left, right]], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table]


def title_block(title: str, *subtitles: str) -> list[Flowable]:
    """The document's name in bold capitals, centred, with its subject lines under it."""
    s = styles()
    parts: list[Flowable] = [para(nfc(title).upper(), s.title)]
    parts += [para(line, s.subtitle) for line in subtitles if line]
    last = nfc(subtitles[-1] if subtitles and subtitles[-1] else title)
    font, size = (BOLD, 13) if subtitles and subtitles[-1] else (BOLD, 14)
    parts.append(rule(last, font, size, 0.3))
    parts.append(Spacer(1, 6))
    return parts


def exercise_lines(info: ExerciseInfo, *extra: tuple[str, str]) -> list[Flowable]:
    """The exercise's name, place and date (and more label/value pairs) under the title."""
    plain = styles().plain
    day = f"{info.date:%d/%m/%Y}" if info.date else DASH
    lines = [
        f"<b>Cuộc diễn tập:</b> {text(info.name)}",
        f"<b>Địa điểm:</b> {text(info.place or DASH)}&nbsp;&nbsp;&nbsp;&nbsp;<b>Ngày:</b> {day}",
    ]
    lines += [f"<b>{text(label)}:</b> {text(value)}" for label, value in extra]
    return [markup(line, plain) for line in lines]


# ------------------------------------------------------------------------------ signatures


@dataclass(frozen=True)
class Signature:
    """A signature block: who signs (in capitals), the space to sign, and the full name."""

    title: str
    name: str = ""  # empty: a dotted line to write the name by hand
    above: str = ""  # e.g. "TM. BAN CHỈ ĐẠO" above the title
    note: str = "(Ký, ghi rõ họ tên)"


SIGN_SPACE = 20 * mm


def _signature_cell(sig: Signature) -> list[Flowable]:
    s = styles()
    cell: list[Flowable] = []
    if sig.above:
        cell.append(para(sig.above.upper(), s.sign_title))
    cell += [para(sig.title.upper(), s.sign_title), para(sig.note, s.sign_note),
             Spacer(1, SIGN_SPACE)]
    cell.append(para(sig.name, s.sign_name) if sig.name else para("." * 40, s.sign_note))
    return cell


def signatures(
    blocks: Sequence[Signature], recipients: Sequence[str] = (), per_row: int = 2
) -> Flowable:
    """Signature blocks side by side (two a row), the last on the right as Nghị định 30 places
    the signer; recipients (Nơi nhận) at the bottom left when given. Kept on one page."""
    s = styles()
    cells = [_signature_cell(b) for b in blocks]
    rows: list[list] = []
    if recipients:
        left = [markup("<b><i>Nơi nhận:</i></b>", s.recipients)]
        left += [para(f"- {r}", s.recipients) for r in recipients]
        rows.append([left, cells[-1] if cells else ""])
        cells = cells[:-1]
    while cells:
        chunk, cells = cells[:per_row], cells[per_row:]
        if len(chunk) < per_row:
            chunk = [""] * (per_row - len(chunk)) + chunk
        rows.insert(0, chunk) if recipients else rows.append(chunk)
    table = Table(rows, colWidths=[FRAME_WIDTH / per_row] * per_row)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return KeepTogether([Spacer(1, 8), table])


# ------------------------------------------------------------------------------ tables


def grid_table(
    rows: list[list],
    widths: Sequence[float],
    header_rows: int = 1,
    extra: Iterable[tuple] = (),
    shade_header: bool = True,
) -> Table:
    """A ruled table of Paragraph cells whose header rows repeat on every page it runs over."""
    table = Table(rows, colWidths=list(widths), repeatRows=header_rows, splitInRow=1)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 11.5),
        ("LEADING", (0, 0), (-1, -1), 14),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if shade_header and header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
    commands += list(extra)
    table.setStyle(TableStyle(commands))
    return table


def header_cells(labels: Iterable[str]) -> list[Paragraph]:
    """A header row: bold, centred labels."""
    style = styles().cell_center_bold
    return [para(label, style) for label in labels]


def director_signature(info: ExerciseInfo) -> Signature:
    """The signer for the issuing body: "TM. BAN CHỈ ĐẠO ... / TRƯỞNG BAN"."""
    body = issuer(info)
    return Signature("Trưởng ban" if body.startswith("BAN ") else "Thủ trưởng", above=f"TM. {body}")


def heading(value: str) -> Paragraph:
    """A section heading in bold."""
    return para(value, styles().heading)


def note(value: str) -> Paragraph:
    """A small italic explanation."""
    return markup(f"<i>{text(value)}</i>", styles().recipients)
