"""The official document frame (Nghị định 30/2020/NĐ-CP) on A4, and the pieces reports share."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache, lru_cache
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
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from dientap_desktop.domain.clock import vietnam_time
from dientap_desktop.domain.records import ExerciseInfo
from dientap_desktop.domain.run import whole_minutes
from dientap_desktop.domain.text import RANK
from dientap_desktop.domain.text import nfc as composed
from dientap_desktop.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts
from dientap_desktop.reports.textblock import (
    TextBlock,
    forget_wraps,
    pack,
    parse_markup,
    single_face,
)

DEFAULT_ISSUER = "BAN CHỈ ĐẠO DIỄN TẬP"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DASH = "—"

# Margins of Nghị định 30/2020: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
FOOTER_SIZE = 9
FOOTER_ROOM = 9 * mm  # below the frame, for the footer line

GRID = colors.black
SHADE = colors.Color(0.9, 0.9, 0.9)
LIGHT_SHADE = colors.Color(0.96, 0.96, 0.96)
CODE_GREY = colors.Color(0.35, 0.35, 0.35)  # ids printed for typing (dark enough to photocopy)


# ------------------------------------------------------------------------------ text


# Vietnamese documents quote with “ ”: French guillemets (as the file's log writes names) are
# printed so.
QUOTES = str.maketrans({"«": "“", "»": "”"})
MINUS = "\u2212"  # a signed number's minus sign, not the hyphen


def printable(value: str) -> str:
    """Text as printed: NFC, quoted with “ ”."""
    return composed(value).translate(QUOTES)


def text(value: object) -> str:
    """A value as printed (NFC, “ ”) safe inside a Paragraph (markup characters escaped)."""
    return escape(printable("" if value is None else str(value)))


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


def provisional(results) -> str:
    """What follows a result while observers still disagree on some criteria (a criterion of
    each post counted, as the summary lists them, and the posts when more than one): the
    committee signs no final result before they settle them ("" when they agree)."""
    if not results.disagreements:
        return ""
    posts = sum(1 for post in results.posts if post.disagreements)
    where = f"{results.disagreements} tiêu chí" + (f" của {posts} cương vị" if posts > 1 else "")
    return (f" (tạm tính: điểm của những người đánh giá còn chênh lệch quá 1/4 điểm tối đa ở "
            f"{where}; đề nghị tổ đánh giá thống nhất lại)")


def tie(value: str) -> str:
    """Words that must not part at a line's end ("tiêu chí", "cương vị") joined by no-break
    spaces (a TextBlock keeps them on one line)."""
    return value.replace(" ", "\u00a0")


def criteria_numbers(numbers: Iterable[int]) -> str:
    """Criteria by their numbers on a sheet, "tiêu chí 1, 4": the word and the first number
    on one line (never "tiêu chí" at a line's end and "1" under it)."""
    first, *more = numbers
    return tie(f"tiêu chí {first}") + "".join(f", {n}" for n in more)


_NUMBERED = re.compile(r"^\s*tình huống\s+(\d+)\s*[:.\-–—]\s*", re.IGNORECASE)


def inject_title(number: int, title: str) -> str:
    """An inject's title without a leading "Tình huống N:" that repeats its number (the papers
    put their own "Tình huống N:" or "TH N." before it)."""
    found = _NUMBERED.match(title)
    if found is not None and int(found.group(1)) == number and title[found.end():].strip():
        return title[found.end():]
    return title


def percent(share: Fraction) -> str:
    """A share as a percentage with one decimal, "75,0%"."""
    tenths = math.floor(Fraction(share) * 1000 + Fraction(1, 2))  # half up, as points()
    return f"{Decimal(tenths).scaleb(-1):.1f}%".replace(".", ",")


def minutes(value: float | None, signed: bool = False) -> str:
    """A duration in whole minutes, rounded half up; signed shows "+3" for late and "−2" (a
    minus sign) for early."""
    if value is None:
        return DASH
    whole = whole_minutes(value)
    if signed and whole:
        return f"+{whole}" if whole > 0 else f"{MINUS}{-whole}"
    return str(whole).replace("-", MINUS)


def tenths_of_minutes(value: float | None) -> str:
    """A duration in minutes to a tenth, rounded half up, with the decimal comma ("0,4",
    "2,5", "3,0"): a bar's label that matches the bar; "< 0,1" for a bar too short to read
    a tenth, "0" for none."""
    if value is None:
        return DASH
    if value <= 0:
        return "0"
    tenths = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if not tenths:
        return "< 0,1"
    return f"{tenths}".replace(".", ",")


def hours_minutes(value: float | None) -> str:
    """Minutes after the start as HH:MM, as the window shows the plan ("00:20", "01:35")."""
    if value is None:
        return DASH
    whole = whole_minutes(value)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def hours_minutes_seconds(value: float | None) -> str:
    """Minutes after the start as HH:MM:SS, the seconds cut as clock_seconds cuts them
    ("00:41:35")."""
    if value is None:
        return DASH
    seconds = math.floor(value * 60 + 1e-6)
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


local = vietnam_time  # an instant in Vietnam's time, as the window shows it


def clock_seconds(moment: datetime | None) -> str:
    """A time of day in Vietnam to the second, "08:15:42" (the second cut, not rounded)."""
    return DASH if moment is None else local(moment).strftime("%H:%M:%S")


def clock_after(moment: datetime, earlier: datetime) -> str:
    """A time to the second, its day too when it is not the day of `earlier` ("09:00:00 ngày
    14/11/2025" for the end of a pause from 22:15:00 the day before)."""
    shown = clock_seconds(moment)
    day = local(moment).date()
    return shown if day == local(earlier).date() else f"{shown} ngày {day:%d/%m/%Y}"


def clock_words(moment: datetime | None) -> str:
    """A time to the second and its day in words, "08 giờ 15 phút 42 giây ngày 15/11/2023" (the
    minutes printed are counted from it)."""
    if moment is None:
        return DASH
    at = local(moment)
    return f"{at:%H} giờ {at:%M} phút {at:%S} giây ngày {at:%d/%m/%Y}"


def date_words(day: date | None) -> str:
    """A date as Nghị định 30 writes it: zero before a day under 10 and a month under 3."""
    if day is None:
        return "ngày .... tháng .... năm ........"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


# The địa danh of the date line. Nghị định 30/2020, Phụ lục I: the bare name of the
# administrative unit where the issuing body sits ("Hòa Bình, ngày ..."), in full only for a
# unit named by a number ("Phường 12") or, as its own example, after a person ("Thành phố Hồ Chí
# Minh"). The exercise's place is what the program knows of it, typed as an address from the
# smallest unit to the largest ("Xã Đông Sơn, huyện Yên Bình, tỉnh Sơn Hà"): the date line
# names the unit the issuing body names itself after ("Ban Chỉ đạo diễn tập phường Hòa Bình"
# sits in the ward), else the last part, the largest unit named, where the body that directs
# an exercise usually sits (a commune's exercise is directed from the district or the province
# above it); a place of one part names that unit ("Phường Hòa Bình" -> "Hòa Bình"). A place
# not given leaves a dotted space to write by hand.
_LEVEL_PREFIX = re.compile(
    r"^(?:thành phố|thị trấn|thị xã|đặc khu|phường|tỉnh|quận|huyện|xã|tp\.?)\s+(?=\S)",
    re.IGNORECASE)
_KEEP_FULL = ("hồ chí minh",)
NO_PLACE = "." * 12


def place_name(place: str, issuer: str = "") -> str:
    """The place as the date line names it (see above): "Phường Hòa Bình" -> "Hòa Bình", "Xã
    Đông Sơn, huyện Yên Bình, tỉnh Sơn Hà" -> "Sơn Hà" (or "Đông Sơn" when the `issuer` is the
    commune's "Ban Chỉ đạo diễn tập xã Đông Sơn"); "Phường 12" and "Thành phố Hồ Chí Minh"
    stay whole; "" when no place is given."""
    parts = [part for part in (" ".join(p.split()) for p in printable(place).split(",")) if part]
    said = f" {' '.join(printable(issuer).split()).casefold()} "
    named = [part for part in parts if _LEVEL_PREFIX.match(part)
             and f" {part.casefold()} " in said.replace(",", " ")]
    place = named[0] if named else next(reversed(parts), "")
    match = _LEVEL_PREFIX.match(place)
    if match is None:
        return place
    rest = place[match.end():]
    if rest.casefold() in _KEEP_FULL:
        return place if not match.group(0).casefold().startswith("tp") else f"Thành phố {rest}"
    return place if rest.isdigit() else rest


def date_line(info: ExerciseInfo) -> str:
    """The place and date line, "Hòa Bình, ngày 15 tháng 11 năm 2023" (dotted where the place
    or the date is not given)."""
    return f"{place_name(info.place, info.issuer) or NO_PLACE}, {date_words(document_date(info))}"


def document_date(info: ExerciseInfo) -> date | None:
    """The date the documents carry: the exercise's, or the day it ended when that is later."""
    return info.dated or info.date


# The number and symbol (số, ký hiệu) of a document that carries one: "Số: 12/BC-UBND". The
# program numbers nothing (the clerk, văn thư, numbers a paper when it is signed) and knows no
# abbreviation of the issuing body (it is not made up from the name): both are left to write by
# hand, as an unnumbered draft leaves them.
REPORT_KIND = "BC"  # a báo cáo's symbol (Nghị định 30/2020, Phụ lục III)
NUMBER_SPACE = "\u00a0" * 10  # where the number is written
NO_ABBREVIATION = "." * 8  # where the issuer's abbreviation (chữ viết tắt) is written


def document_number(kind: str) -> str:
    """The number and symbol of a document of `kind` ("BC" for a báo cáo), to fill in by hand:
    "Số:           /BC-........"."""
    return f"{NUMBER_SPACE}/{kind}-{NO_ABBREVIATION}"


def capitals(value: str) -> str:
    """A body's name in capitals, its spaces tidied (a line the user typed in it kept as a line
    break)."""
    lines = [" ".join(line.split()) for line in printable(value).splitlines()]
    return "\n".join(line for line in lines if line).upper()


def issuer(info: ExerciseInfo) -> str:
    """The issuing body in capitals."""
    return capitals(info.issuer) or DEFAULT_ISSUER


def superior_body(info: ExerciseInfo) -> str:
    """The body directly above the issuer (cơ quan chủ quản) as typed, or "" when none."""
    return " ".join(printable(info.superior).split())


# The administrative level that starts a place name: a body's name breaks before it, never
# inside the place ("ỦY BAN NHÂN DÂN" / "TỈNH SƠN HÀ"), nor anywhere in running text between it
# and the name ("phường Đông Hà", never "phường" / "Đông Hà" nor "phường Đông" / "Hà").
LEVEL_WORDS = ("THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "ĐẶC KHU", "KHU PHỐ", "PHƯỜNG", "TỈNH",
               "QUẬN", "HUYỆN", "XÃ", "THÔN", "ẤP", "TP.", "TP")
# Two-syllable words of bodies' names, never broken between their syllables.
COMPOUNDS = frozenset((
    "ỦY BAN", "NHÂN DÂN", "CHỈ ĐẠO", "CHỈ HUY", "DIỄN TẬP", "CHIẾN ĐẤU", "PHÒNG THỦ", "KHU VỰC",
    "QUÂN SỰ", "CÔNG AN", "ĐẢNG ỦY", "MẶT TRẬN", "TỔ QUỐC", "VIỆT NAM", "HỘI ĐỒNG", "THƯỜNG VỤ",
    "THƯỜNG TRỰC", "ĐẠO DIỄN", "TỔ CHỨC", "QUỐC PHÒNG", "AN NINH", "BIÊN PHÒNG", "NGHĨA VỤ",
    "DÂN QUÂN", "TỰ VỆ", "HẬU CẦN", "KỸ THUẬT", "CHÍNH TRỊ", "THAM MƯU", "TỈNH ỦY", "THÀNH ỦY",
    "Y TẾ",
))
# Words that end a place's name where capitals do not tell (a body's name in capitals): what
# follows a name in a body's or an exercise's name, never a syllable of one.
_AFTER_NAME = frozenset((
    "NĂM", "VÀ", "VỚI", "CỦA", "TẠI", "THUỘC", "TRÊN", "TRONG", "LẦN", "KHÓA", "ĐỢT", "CÁC",
    "BAN", "BỘ", "SỞ", "CỤC", "PHÒNG", "HỘI", "ĐOÀN", "TIỂU", "NHIỆM", "GIAI",
))
_DASHES = frozenset(("-", "–", "—"))
_NAME_SYLLABLES = 4  # "Bà Rịa - Vũng Tàu", "Phan Rang - Tháp Chàm"
_CLOSING = ",;:.)"  # a name that ends with one of these ends there
_NAME_WORDS = _NAME_SYLLABLES + 2  # its syllables and two dashes at most
# a level word before a space, in lower case, capitalised or in capitals (spelt out: the
# search runs over every text of a report, and one without IGNORECASE runs twice as fast)
_WORDS_IN_TEXT = ("thành phố", "thị trấn", "thị xã", "đặc khu", "khu phố", "phường", "tỉnh",
                  "quận", "huyện", "xã", "thôn", "ấp")


def _variants(words: Iterable[str]) -> str:
    return "|".join(variant for word in words
                    for variant in (word, word[0].upper() + word[1:], word.upper()))


_LEVEL_IN_TEXT = re.compile(
    "(?:" + _variants((*_WORDS_IN_TEXT, "tp.", "tp")).replace(".", r"\.") + ") ")
# a level word that names no place and ends the text or a clause ("Chủ tịch UBND phường",
# "Ban CHQS phường;"), after a space ("TP." is no such word: it abbreviates a name's level)
_LEVEL_ALONE = re.compile(f"(?<=\\S) (?:{_variants(_WORDS_IN_TEXT)})(?=[,;:.)]+(?:\\s|$)|$)")


def _level_at(words: Sequence[str], index: int) -> int:
    """How many words of a level word start at `index` (0: none)."""
    if " ".join(words[index:index + 2]).upper() in LEVEL_WORDS:
        return 2
    return 1 if words[index].upper() in LEVEL_WORDS else 0


def _name_syllable(words: Sequence[str], index: int, first: bool) -> bool:
    """Whether words[index] goes on a place's name: a capitalised syllable (or the number of a
    unit named by one, "Phường 12") that neither starts a level word, a two-syllable word of
    a body's name nor is a word that follows a name."""
    word = words[index]
    if not word:
        return False
    if first and word.rstrip(_CLOSING).isdigit():
        return True
    bare = word.rstrip(_CLOSING).upper()
    return (word[0].isupper() and bare not in _AFTER_NAME and not _level_at(words, index)
            and " ".join(words[index:index + 2]).upper() not in COMPOUNDS)


def place_end(words: Sequence[str], index: int) -> int | None:
    """Where a place name that starts at words[index] with its level word ends (the index
    after its last word: the level word's own end when no name follows), or None when no
    level word starts there."""
    level = _level_at(words, index)
    if not level:
        return None
    end = index + level
    syllables = 0
    while end < len(words) and syllables < _NAME_SYLLABLES:
        word = words[end]
        if word in _DASHES:  # a name of two parts: "Bà Rịa - Vũng Tàu"
            if syllables and end + 1 < len(words) and _name_syllable(words, end + 1, False):
                end += 1
                continue
            break
        if not _name_syllable(words, end, not syllables):
            break
        end += 1
        syllables += 1
        if word[-1] in _CLOSING or word.isdigit():
            break
    return end


@lru_cache(maxsize=4096)  # the reports repeat their texts (titles, names, labels) a lot
def tie_places(value: str) -> str:
    """Running text with each place name tied to its level word by no-break spaces ("phường
    Đông Hà", "tỉnh Quảng Trị"): a line never breaks inside one. Text extractors read the
    no-break spaces as spaces."""
    parts: list[str] = []
    done = 0
    for found in _LEVEL_IN_TEXT.finditer(value):
        if found.start() < done or found.start() and value[found.start() - 1].isalnum():
            continue  # within a place tied, or the end of a word ("cấp ")
        level = value[found.start():found.end() - 1].split(" ")
        after = value[found.end():].split(" ", _NAME_WORDS)[:_NAME_WORDS]
        named = (place_end(level + after, 0) or len(level)) - len(level)
        if named:
            end = found.end() + len(" ".join(after[:named]))
            parts += [value[done:found.start()], value[found.start():end].replace(" ", "\u00a0")]
            done = end
    tied = "".join(parts) + value[done:] if parts else value
    return _tie_alone(tied) if _LEVEL_ALONE.search(tied) else tied


def _tie_alone(value: str) -> str:
    """The text with each level word that names no place and ends it or a clause tied to the
    word before it, or to the two-syllable word before it ("Đảng ủy phường", "Y tế phường"):
    the unit's own (the ward's party committee), never alone at a line's start."""
    chars = list(value)
    for found in _LEVEL_ALONE.finditer(value):
        chars[found.start()] = "\u00a0"
        words = value[:found.start()].rsplit(" ", 2)
        if len(words) == 3 and f"{words[1]} {words[2]}".upper() in COMPOUNDS:
            chars[found.start() - len(words[2]) - 1] = "\u00a0"
    return "".join(chars)


# What opens a body's name, or a signature's mark before it ("TM.", "KT."): never the last
# word of a line, it goes on with what it opens ("BAN CHỈ HUY", not "BAN" / "CHỈ HUY").
OPENING_WORDS = frozenset(("TM.", "KT.", "Q.", "TL.", "TUQ.", "BAN", "BỘ", "SỞ", "CỤC", "ĐOÀN",
                           "TỔ"))


def _name_units(line: str) -> list[str]:
    """A body's name cut where a line may break: between words, except inside a two-syllable
    word ("NĂM 2025" too), a place name (its level word and its name) kept whole, a level word
    that names no place ("QUÂN SỰ PHƯỜNG", the ward's own) kept with what it follows, a word
    that opens a name kept with what it opens, and a dash kept at the end of what it follows."""
    words = line.split()
    units: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        end = place_end(words, index)
        bare = end is not None and end == index + _level_at(words, index)
        if end is None:
            pair = words[index:index + 2]
            joined = len(pair) == 2 and (" ".join(pair) in COMPOUNDS
                                         or word == "NĂM" and pair[1].isdigit())
            end = index + (2 if joined else 1)
        if units and (word in _DASHES or bare and units[-1].split()[-1] not in _DASHES
                      or units[-1] in OPENING_WORDS):
            units[-1] += " " + " ".join(words[index:end])
        else:
            units.append(" ".join(words[index:end]))
        index = end
    return units


def name_lines(value: str, font: str, size: float, width: float) -> list[str]:
    """A body's name (in capitals) in lines no wider than `width`, broken only where a line the
    user typed ends, before a place name, or between words that are not one word (a unit
    wider than the line is broken between its words as a last resort)."""
    lines: list[str] = []
    for typed in value.splitlines():
        pieces = [piece for unit in _name_units(typed)
                  for piece in ([unit] if stringWidth(unit, font, size) <= width
                                else unit.split())]
        lines += pack(pieces, width, font, size)
    return lines




def person_lines(value: str, font: str, size: float, width: float,
                 hang: float = 0) -> list[str]:
    """A person's name (with a rank, and what follows it: ": 1,5") in lines no wider than
    `width` (the lines after the first, `hang` less: they are set in), broken only after the
    rank: the name itself is broken, between its syllables, only when it is wider than a line
    alone."""
    value = " ".join(composed(value).split())
    found = RANK.match(value)  # a line breaks after the rank rather than inside the name
    units = [value[:found.end()], value[found.end():].strip()] if found else [value]
    pieces = [piece for unit in units if unit
              for piece in ([unit] if stringWidth(unit, font, size) <= width - hang
                            else unit.split())]
    return pack(pieces, width - hang, font, size, first=width)


def name_block(value: str, style: ParagraphStyle, width: float) -> Flowable:
    """A body's name set in `style`, broken into lines by name_lines."""
    lines = name_lines(printable(value), style.fontName, style.fontSize, width)
    return markup("<br/>".join(text(line) for line in lines), style)


# ------------------------------------------------------------------------------ styles


# Nghị định 30/2020: a paragraph's first line is set in by 1 to 1.27 cm, the same all through a
# document, in every paper and whatever the paragraph says (a "- " item of a list too: its
# dash stands where a paragraph starts, its next lines at the margin).
PARAGRAPH_INDENT = 10 * mm


def _style(name: str, font: str = REGULAR, size: float = 13, **kw) -> ParagraphStyle:
    kw.setdefault("leading", size * 1.22)
    return ParagraphStyle(name, fontName=font, bulletFontName=font, fontSize=size, **kw)


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of every report, made once."""

    body: ParagraphStyle  # every paragraph of running text, a "- " item too (PARAGRAPH_INDENT)
    plain: ParagraphStyle  # a line of a form: a label and its value, flush left
    plain_tight: ParagraphStyle  # the same lines, closer: a paper set tight to fit its page
    body_bold: ParagraphStyle
    heading: ParagraphStyle
    issuer: ParagraphStyle
    superior: ParagraphStyle
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
    code: ParagraphStyle


@cache
def styles() -> Styles:
    """The shared styles (fonts registered first)."""
    register_fonts()
    cell = 11.5
    return Styles(
        body=_style("body", size=13, alignment=TA_JUSTIFY, spaceAfter=4,
                    firstLineIndent=PARAGRAPH_INDENT),
        plain=_style("plain", size=13, spaceAfter=2),
        plain_tight=_style("plain_tight", size=13, leading=15),
        body_bold=_style("body_bold", BOLD, 13, spaceAfter=4),
        heading=_style("heading", BOLD, 13, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        issuer=_style("issuer", BOLD, 12.5, alignment=TA_CENTER, leading=15),
        superior=_style("superior", REGULAR, 12.5, alignment=TA_CENTER, leading=15),
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
        code=_style("code", REGULAR, 7, alignment=TA_CENTER, leading=8.5, textColor=CODE_GREY),
    )


def para(value: object, style: ParagraphStyle) -> Flowable:
    """A paragraph of plain text (NFC, its place names never broken); justified styles get a
    Paragraph, the rest a TextBlock."""
    if style.alignment == TA_JUSTIFY:
        return Paragraph(tie_places(text(value)), style)
    return TextBlock(((style.fontName,
                       tie_places(printable("" if value is None else str(value)))),), style)


def cell(value: str, style: ParagraphStyle) -> Flowable:
    """A table cell's text in `style`, or, where there is nothing to print (DASH), a dash as
    every table prints one: centred, in the regular face (never a bold dash beside a plain one,
    nor one at the left of a column of names)."""
    return para(value, styles().cell_center if value == DASH else style)


def short(value: object) -> str:
    """A short table value (a number, a time) drawn as a plain string, centred and never wrapped:
    far cheaper than a Paragraph, so long tables stay fast. Only for values that always fit."""
    return printable("" if value is None else str(value))


def markup(value: str, style: ParagraphStyle) -> Flowable:
    """A paragraph of text that already holds markup (<b>, <i>, <br/>), its place names never
    broken; the caller escaped its data."""
    value = tie_places(printable(value))
    if style.alignment == TA_JUSTIFY:
        return Paragraph(value, style)
    return TextBlock(parse_markup(value, style.fontName), style)


# ------------------------------------------------------------------------------ the page


class SheetStart(Flowable):
    """Marks where a sheet begins, so its pages are numbered from 1 and its footer named
    (`label`, or `short` when the footer has no room for it)."""

    def __init__(self, label: str = "", short: str = ""):
        super().__init__()
        self.label = printable(label)
        self.short = printable(short) or self.label
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        doc = self.canv._doctemplate
        doc.sheet_first_page = self.canv.getPageNumber()
        doc.sheet_label = (self.label, self.short)


class ReportDocument(BaseDocTemplate):
    """An A4 document with the official margins, the page number at the top centre from page 2
    of each sheet (as Nghị định 30 asks) and the exercise's name, place and date at the foot."""

    def __init__(self, filename: str | Path, info: ExerciseInfo, title: str):
        register_fonts()
        forget_wraps()
        tie_places.cache_clear()  # as the wraps: each document starts afresh
        super().__init__(
            str(filename),
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=printable(title),
            author=issuer(info).replace("\n", " "),
            subject=printable(info.name),
            creator="dientap-desktop",
            invariant=1,
            initialFontName=REGULAR,  # else every page names Helvetica in its resources
            initialFontSize=13,
        )
        self.info = info
        self.sheet_first_page = 1
        self.sheet_label = ("", "")
        self._name, self._date = " ".join(printable(info.name).split()), date_line(info)
        self._footers: dict[tuple[str, str], str] = {}
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
        footer = self._footers.get(self.sheet_label)
        if footer is None:  # one a sheet, not one a page
            footer = self._footers[self.sheet_label] = self._footer(*self.sheet_label)
        top = MARGIN_BOTTOM - 3 * mm
        canv.setStrokeColor(colors.grey)
        canv.setLineWidth(0.4)
        canv.line(MARGIN_LEFT, top, MARGIN_LEFT + FRAME_WIDTH, top)
        canv.setFont(ITALIC, FOOTER_SIZE)
        canv.drawCentredString(MARGIN_LEFT + FRAME_WIDTH / 2, top - 1.5 * mm - FOOTER_SIZE,
                               footer)
        canv.restoreState()

    def _footer(self, label: str, short: str) -> str:
        """The foot of a page in one line: the exercise's name, the date line and the sheet's
        label; where they do not fit, the date goes first (page 1 has it at the top), then the
        sheet's label gives way to its short form, then the name and that form are cut
        ("…"); a document that is no sheet cuts its name before its date."""
        def fits(value: str) -> bool:
            return stringWidth(value, ITALIC, FOOTER_SIZE) <= FRAME_WIDTH

        name, day = self._name, self._date
        if not label:  # a document: its name cut before its date
            return f"{cut(name, FRAME_WIDTH - stringWidth(f' · {day}', ITALIC, FOOTER_SIZE))}" \
                f" · {day}"
        for parts in ((name, day, label), (name, label), (name, short)):
            line = " · ".join(parts)
            if fits(line):
                return line
        half = FRAME_WIDTH / 2
        room = FRAME_WIDTH - stringWidth(" · ", ITALIC, FOOTER_SIZE)
        short_width = stringWidth(short, ITALIC, FOOTER_SIZE)
        name_width = stringWidth(name, ITALIC, FOOTER_SIZE)
        if short_width <= half:
            return f"{cut(name, room - short_width)} · {short}"
        if name_width <= half:
            return f"{name} · {cut(short, room - name_width)}"
        return f"{cut(name, room / 2)} · {cut(short, room / 2)}"


def cut(value: str, width: float, font: str = ITALIC, size: float = FOOTER_SIZE) -> str:
    """The text as is when it is no wider than `width`, else its first words and "…" (a place
    name kept whole or left out whole)."""
    if stringWidth(value, font, size) <= width:
        return value
    words = tie_places(" ".join(value.split())).split(" ")
    while words and stringWidth(" ".join(words) + " …", font, size) > width:
        words.pop()
    return (" ".join(words) + " …").replace("\u00a0", " ") if words else "…"


def rule(value: str, font: str, size: float, share: float = 1.0) -> HRFlowable:
    """A centred line under a header line, as long as the text (or a share of it)."""
    width = stringWidth(printable(value), font, size) * share
    return HRFlowable(width=width, thickness=0.6, color=colors.black, spaceBefore=3, spaceAfter=3,
                      hAlign="CENTER")


def official_header(info: ExerciseInfo, number: str | None = None) -> list[Flowable]:
    """The top of page 1: issuing body left (under the body above it, when there is one, in
    plain capitals: Nghị định 30/2020, Phụ lục I) and, for a document that carries one,
    its `number` under it (document_number), the nation and motto right, the place and
    date."""
    s = styles()
    widths = (FRAME_WIDTH * 0.42, FRAME_WIDTH * 0.58)
    left: list[Flowable] = []
    if info.superior.strip():
        left.append(name_block(capitals(info.superior), s.superior, widths[0]))
    lines = name_lines(issuer(info), s.issuer.fontName, s.issuer.fontSize, widths[0])
    widest = max(lines, key=lambda line: stringWidth(line, BOLD, s.issuer.fontSize))
    left += [markup("<br/>".join(text(line) for line in lines), s.issuer),
             rule(widest, BOLD, s.issuer.fontSize, 0.4)]
    if number:
        left.append(para(f"Số: {number}", s.number))
    right: list[Flowable] = [
        para(NATION, s.nation),
        para(MOTTO, s.motto),
        rule(MOTTO, BOLD, 13),
        Spacer(1, 3),
        para(date_line(info), s.date),
    ]
    table = Table([[left, right]], colWidths=widths, splitInRow=MIN_CUT)  # a body's name
    # longer than a page runs on to the next
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


TIGHT_TITLE_GAP = 4  # above the title of a paper set `tight` (styles().title has 14)


def title_block(title: str, *subtitles: str, attached: str = "",
                tight: bool = False) -> list[Flowable]:
    """The document's name in bold capitals, centred, with its subject lines under it and, for
    a paper that goes with a document, what it goes with in italics ("(Kèm theo Báo cáo số
    ...)", as Nghị định 30 marks an appendix); `tight`: with less room above and under it."""
    s = styles()
    name = para(printable(title).upper(), s.title)
    if tight:
        name.spaceBefore = TIGHT_TITLE_GAP
    parts: list[Flowable] = [name]
    parts += [para(line, s.subtitle) for line in subtitles if line]
    if attached:
        line = para(f"({attached})", s.sign_note)
        line.spaceAfter = 2  # clear of the rule under it
        parts.append(line)
    last = printable(subtitles[-1] if subtitles and subtitles[-1] else title)
    font, size = (BOLD, 13) if subtitles and subtitles[-1] else (BOLD, 14)
    parts.append(rule(last, font, size, 0.3))
    parts.append(Spacer(1, 2 if tight else 6))
    return parts


def exercise_lines(info: ExerciseInfo, *extra: tuple[str, str],
                   tight: bool = False) -> list[Flowable]:
    """The exercise's name, place and date (and more label/value pairs) under the title;
    `tight`: their lines closer."""
    plain = styles().plain_tight if tight else styles().plain
    day = f"{info.date:%d/%m/%Y}" if info.date else DASH
    lines = [
        f"<b>Cuộc diễn tập:</b> {text(info.name)}",
        f"<b>Địa điểm:</b> {text(info.place or DASH)}&nbsp;&nbsp;&nbsp;&nbsp;<b>Ngày:</b> {day}",
    ]
    lines += [f"<b>{text(label)}:</b> {text(value)}" for label, value in extra]
    return [markup(line, plain) for line in lines]


# ------------------------------------------------------------------------------ tables


CELL_SIZE, CELL_LEADING = 11.5, 14
PAD_LEFT = PAD_RIGHT = 3
PAD_TOP, PAD_BOTTOM = 2, 4
_ALIGN = {TA_LEFT: "LEFT", TA_CENTER: "CENTER", TA_RIGHT: "RIGHT"}
_TALL = 1e6
MIN_CUT = PAD_TOP + PAD_BOTTOM + 3 * CELL_LEADING  # a row taller than a page starts on one
# with room for three of its lines

def number_width(largest: int, least: float) -> float:
    """A column wide enough for its header and its largest number on one line."""
    wide = stringWidth(str(largest), BOLD, CELL_SIZE) + PAD_LEFT + PAD_RIGHT + 2
    return max(least, wide)


Command = tuple  # (name, (col, row), (col, row), *values), as reportlab's TableStyle takes


def _base_commands(header_rows: int, shade_header: bool) -> list[Command]:
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_LEFT),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_RIGHT),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
    ]
    if shade_header and header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
    return commands


def _absolute(command: Command, columns: int, rows: int) -> Command:
    (c0, r0), (c1, r1) = command[1], command[2]
    c0, c1 = (c if c >= 0 else columns + c for c in (c0, c1))
    r0, r1 = (r if r >= 0 else rows + r for r in (r0, r1))
    return (command[0], (c0, r0), (c1, r1), *command[3:])


_BLACK = ("black", colors.black)


class PageTable(Table):
    """A Table (a page of a GridTable, the signatures) whose text cells, strings, TextBlocks
    and stacks of TextBlocks, go into one text object a row, in reading order, rather than one
    text object a line as Table draws strings and one a paragraph.
    A row ends its text object, or text extractors run a cell that spans rows into the next row's
    first cell ("Điểm trung bình(7)")."""

    def draw(self):
        self._text = None
        self._row_top = None
        super().draw()
        self._flush()

    def _flush(self) -> None:
        if self._text is not None:
            self.canv.drawText(self._text)
            self._text = None

    def _text_object(self):
        if self._text is None:
            self._text = self.canv.beginText()
            self._text.setFillColor(colors.black)
            self._face = None
        return self._text

    def _drawCell(self, cellval, cellstyle, pos, size):
        stack = isinstance(cellval, (list, tuple)) and all(
            isinstance(f, (TextBlock, Spacer)) for f in cellval)
        if (not (stack or isinstance(cellval, (str, TextBlock)))
                or cellstyle.color not in _BLACK):
            self._flush()
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        colpos, rowpos = pos
        colwidth, rowheight = size
        if rowpos + rowheight != self._row_top:
            self._flush()
            self._row_top = rowpos + rowheight
        valign = cellstyle.valign
        inner = colwidth - cellstyle.leftPadding - cellstyle.rightPadding
        text = self._text_object()
        if stack:
            self._stack(cellval, cellstyle, colpos + cellstyle.leftPadding, rowpos, inner,
                        rowheight)
            return
        if isinstance(cellval, TextBlock):
            height = len(cellval.lines_at(inner)) * cellval.style.leading
            if valign == "TOP":
                top = rowpos + rowheight - cellstyle.topPadding
            elif valign == "BOTTOM":
                top = rowpos + cellstyle.bottomPadding + height
            else:
                top = rowpos + (rowheight + cellstyle.bottomPadding - cellstyle.topPadding
                                + height) / 2
            self._face = cellval.set_into(text, colpos + cellstyle.leftPadding, top - height,
                                          inner, self._face)
            return
        self._string(cellval, cellstyle, colpos, rowpos, colwidth, rowheight)

    def _stack(self, cells, cellstyle, x, rowpos, inner, rowheight) -> None:
        """TextBlocks and Spacers one under the other, as Table._drawCell places a list."""
        sizes = [f.wrap(inner, _TALL)[1] for f in cells]
        height = sum(sizes) + sum(f.getSpaceBefore() + f.getSpaceAfter() for f in cells)
        if cells:
            height -= cells[0].getSpaceBefore() + cells[-1].getSpaceAfter()
        valign = cellstyle.valign
        if valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding
        elif valign == "BOTTOM":
            y = rowpos + cellstyle.bottomPadding + height
        else:
            y = rowpos + (rowheight + cellstyle.bottomPadding - cellstyle.topPadding
                          + height) / 2
        if cells:
            y += cells[0].getSpaceBefore()
        for cell, tall in zip(cells, sizes, strict=True):
            y -= cell.getSpaceBefore() + tall
            if isinstance(cell, TextBlock):
                color = cell.style.textColor
                if color != colors.black:
                    self._text.setFillColor(color)
                self._face = cell.set_into(self._text, x, y, inner, self._face)
                if color != colors.black:
                    self._text.setFillColor(colors.black)
            y -= cell.getSpaceAfter()

    def _string(self, cellval, cellstyle, colpos, rowpos, colwidth, rowheight) -> None:
        # as Table._drawCell places a string's lines
        text = self._text
        valign = cellstyle.valign
        lines = cellval.split("\n")
        face, font_size, leading = cellstyle.fontname, cellstyle.fontsize, cellstyle.leading
        if valign == "BOTTOM":
            y = rowpos + cellstyle.bottomPadding + len(lines) * leading - font_size
        elif valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - font_size
        else:
            y = rowpos + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding
                          + len(lines) * leading) / 2 - font_size
        just = cellstyle.alignment
        for line in lines:
            if line:
                if just == "LEFT":
                    x = colpos + cellstyle.leftPadding
                else:
                    wide = stringWidth(line, face, font_size)
                    if just == "RIGHT":
                        x = colpos + colwidth - cellstyle.rightPadding - wide
                    else:
                        x = colpos + (colwidth + cellstyle.leftPadding
                                      - cellstyle.rightPadding) / 2 - wide / 2
                if self._face != (face, font_size, leading):
                    self._face = (face, font_size, leading)
                    text.setFont(face, font_size, leading)
                text.setTextOrigin(x, y)
                text.textOut(line)
            y -= leading


def cut_cell(value, width: float, room: float) -> tuple:
    """A table cell's content cut into what fits `room` (its padding left out) and the rest:
    a string or a TextBlock by lines, a flowable as it splits itself, a stack of flowables
    between them or within the one at the cut; what cannot be cut stays whole in the first
    part when it fits, else goes whole to the rest."""
    if isinstance(value, str):
        lines = value.split("\n")
        fit = int(room // CELL_LEADING)
        return "\n".join(lines[:fit]), "\n".join(lines[fit:])
    if isinstance(value, TextBlock):
        lines = value.lines_at(width)
        fit = int(room // value.style.leading)
        return (TextBlock(value.runs, value.style, lines[:fit]),
                TextBlock(value.runs, value.style, lines[fit:]))
    if isinstance(value, (list, tuple)):
        head: list = []
        used = 0.0
        for index, item in enumerate(value):
            tall = item.wrap(width, _TALL)[1] + item.getSpaceBefore() + item.getSpaceAfter()
            if used + tall <= room:
                head.append(item)
                used += tall
                continue
            top, rest = cut_cell(item, width, room - used - item.getSpaceBefore())
            return [*head, *([top] if top else [])], [*([rest] if rest else []),
                                                       *value[index + 1:]]
        return list(value), []
    if isinstance(value, Flowable):
        if value.wrap(width, _TALL)[1] <= room:
            return value, ""
        parts = value.split(width, room) if room > 0 else []
        if len(parts) == 2:
            return parts[0], parts[1]
        return "", value
    return value, ""


class GridTable(Flowable):
    """A ruled table laid out a page at a time: each page gets a reportlab Table of its own rows
    under the header rows, so a long table costs the same per page as a short one (a Table
    splitting itself re-measures and re-styles all the rows left at every page break).

    Rows are measured once: plain strings (pre-wrapped) by their lines, flowables by `wrap`.
    A row moves whole to the next page; only a row taller than a page is cut within. A row in
    `keep_with_next` (a heading row) is never the last on a page: it goes over with the next.
    A table narrower than the frame stands in its middle on every page, as a Table does."""

    def __init__(self, rows: list[list], widths: list[float], header_rows: int,
                 base: list[Command], commands: list[Command], min_row_height: float = 0,
                 keep_with_next: Iterable[int] = ()):
        super().__init__()
        self.hAlign = "CENTER"
        self.rows, self.widths, self.header_rows = rows, widths, header_rows
        self.keep_with_next = frozenset(keep_with_next)
        self.base = base
        self.min_row_height = min_row_height
        self.start = header_rows
        self.width = sum(widths)
        self.height = 0
        count = len(rows)
        self.header_commands: list[Command] = []
        self.row_commands: dict[int, list[Command]] = {}
        self.range_commands: list[Command] = []
        self.spans: dict[tuple[int, int], tuple[int, int]] = {}  # (col, row) -> last (col, row)
        hidden: set[tuple[int, int]] = set()
        for command in commands:
            name, (c0, r0), (c1, r1), *_ = command
            if name == "SPAN":
                if r1 != r0 and r1 >= header_rows:
                    raise ValueError("a span over body rows would stop the table splitting")
                self.spans[(c0, r0)] = (c1, r1)
                hidden.update((c, r) for c in range(c0, c1 + 1) for r in range(r0, r1 + 1))
                hidden.discard((c0, r0))
            if r1 < header_rows:
                self.header_commands.append(command)
            elif r0 == r1:
                self.row_commands.setdefault(r0, []).append(command)
            else:
                self.range_commands.append(command)
        self.hidden = hidden
        self._heights: list[float] | None = None
        self._sums: list[float] = []
        self._header_heights: list[float] = []
        assert count >= header_rows

    # -------------------------------------------------------------- measuring

    def _cell_height(self, value, col: int, row: int) -> float:
        """What a cell needs, padding included, as Table measures it."""
        if isinstance(value, str):
            return CELL_LEADING * (value.count("\n") + 1) + PAD_TOP + PAD_BOTTOM
        last = self.spans.get((col, row), (col, row))[0]
        inner = sum(self.widths[col:last + 1]) - PAD_LEFT - PAD_RIGHT
        cells = value if isinstance(value, (list, tuple)) else (value,)
        return PAD_TOP + PAD_BOTTOM + sum(
            f.wrap(inner, _TALL)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in cells)

    def _measure(self) -> None:
        """Each row's height, once: its tallest cell (at least `min_row_height` in the body);
        a cell spanning header rows shares what it lacks among them, as Table does."""
        if self._heights is not None:
            return
        h = self.header_rows
        heights = []
        tall: list[tuple[float, int, int]] = []  # (needed, first row, last row) of row spans
        hidden, spans = self.hidden, self.spans
        for r, row in enumerate(self.rows):
            tallest = self.min_row_height if r >= h else 0
            for c, value in enumerate(row):
                if (c, r) in hidden:
                    continue
                needed = self._cell_height(value, c, r)
                last_row = spans[(c, r)][1] if (c, r) in spans else r
                if last_row != r:
                    tall.append((needed, r, last_row))
                elif needed > tallest:
                    tallest = needed
            heights.append(tallest)
        for needed, first, last in sorted(tall, reverse=True):
            lacking = needed - sum(heights[first:last + 1])
            if lacking > 0:
                for r in range(first, last + 1):
                    heights[r] += lacking / (last + 1 - first)
        self._header_heights, body = heights[:h], heights[h:]
        sums = [0.0]
        for value in body:
            sums.append(sums[-1] + value)
        self._heights, self._sums = body, sums

    def _body_height(self, first: int, last: int) -> float:
        h = self.header_rows
        return self._sums[last - h] - self._sums[first - h]

    # -------------------------------------------------------------- laying out

    def _table(self, first: int, last: int, cut: tuple[list, float] | None = None) -> Table:
        """The header rows and rows [first, last) as one reportlab Table, heights given; `cut`:
        then the first part of row `last` and its height."""
        h = self.header_rows
        rows = self.rows[:h] + self.rows[first:last]
        heights = self._header_heights + self._heights[first - h:last - h]
        if cut is not None:
            rows.append(cut[0])
            heights.append(cut[1])
            last += 1
        commands = list(self.base) + self.header_commands
        shift = h - first
        for r in range(first, last):
            for name, (c0, _), (c1, _), *values in self.row_commands.get(r, ()):
                commands.append((name, (c0, r + shift), (c1, r + shift), *values))
        for name, (c0, r0), (c1, r1), *values in self.range_commands:
            if r0 < h:
                commands.append((name, (c0, r0), (c1, min(r1, h - 1)), *values))
            top, bottom = max(r0, first), min(r1, last - 1)
            if top <= bottom:
                commands.append((name, (c0, top + shift), (c1, bottom + shift), *values))
        return PageTable(rows, colWidths=self.widths, rowHeights=heights,
                         style=TableStyle(commands), hAlign=self.hAlign)

    def _rest(self, first: int) -> GridTable:
        rest = copy(self)
        rest.start = first
        rest.__dict__.pop("_postponed", None)  # the layout's mark on the whole table
        return rest

    def _row_height(self, row: list, r: int) -> float:
        tallest = self.min_row_height
        for c, value in enumerate(row):
            if (c, r) not in self.hidden:
                tallest = max(tallest, self._cell_height(value, c, r))
        return tallest

    def _cut(self, r: int, room: float) -> tuple[list, list] | None:
        """Row `r` cut into what fits `room` and the rest (each cell by lines, a stack of
        flowables between or within them); None if nothing fits."""
        head: list = []
        tail: list = []
        lines_room = room - PAD_TOP - PAD_BOTTOM + 1e-6
        for c, value in enumerate(self.rows[r]):
            if (c, r) in self.hidden:
                head.append(value)
                tail.append("")
                continue
            last = self.spans.get((c, r), (c, r))[0]
            inner = sum(self.widths[c:last + 1]) - PAD_LEFT - PAD_RIGHT
            top, rest = cut_cell(value, inner, lines_room)
            head.append(top)
            tail.append(rest)
        if self._row_height(head, r) > room or self._row_height(tail, r) >= self._heights[
                r - self.header_rows]:
            return None
        return head, tail

    def wrap(self, available_width, available_height):
        self._measure()
        self.height = sum(self._header_heights) + self._body_height(self.start, len(self.rows))
        return self.width, self.height

    def split(self, available_width, available_height):
        self._measure()
        h = self.header_rows
        header = sum(self._header_heights)
        first, count = self.start, len(self.rows)
        target = self._sums[first - h] + available_height - header + 1e-6
        last = bisect_right(self._sums, target) - 1 + h
        if last >= count:
            return [self._table(first, count)]
        after = max(last, first)  # the first row that does not fit
        if self._heights[after - h] > FRAME_HEIGHT - header:
            # a row taller than a page: cut by lines after the rows that fit, its rest under
            # the header on the next page
            room = available_height - header - self._body_height(first, after)
            cut = self._cut(after, room) if room >= MIN_CUT else None
            if cut is not None:
                head, tail = cut
                rest = self._rest(after)
                rest.rows = list(self.rows)
                rest.rows[after] = tail
                rest._heights = list(self._heights)
                rest._heights[after - h] = self._row_height(tail, after)
                rest._sums = [0.0]
                for value in rest._heights:
                    rest._sums.append(rest._sums[-1] + value)
                return [self._table(first, after, (head, self._row_height(head, after))), rest]
        kept = last
        while kept > first and kept - 1 in self.keep_with_next:
            kept -= 1  # a heading row goes over with the row it heads
        if kept > first or (kept < last and available_height < FRAME_HEIGHT - 1):
            last = kept
        if last > first:
            return [self._table(first, last), self._rest(last)]
        return []  # not even the first row fits: it goes to the next page

    def draw(self):
        table = self._table(self.start, len(self.rows))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


def _plain_cells(rows: list[list], widths: Sequence[float], spans: dict,
                 header_rows: int) -> list[Command]:
    """Turn each TextBlock cell set in one face into a pre-wrapped string (a Table draws those
    far faster than any flowable) with its face and alignment as cell commands; a body column
    whose strings all share one alignment gets one command for the column."""
    commands: list[Command] = []
    aligned: list[tuple[int, int, str]] = []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if not isinstance(value, TextBlock):
                if isinstance(value, str) and value:
                    aligned.append((c, r, "CENTER"))  # the table's alignment
                continue
            style = value.style
            if (style.fontSize != CELL_SIZE or style.leftIndent or style.firstLineIndent
                    or style.rightIndent):
                continue
            last = spans.get((c, r), c)
            inner = sum(widths[c:last + 1]) - PAD_LEFT - PAD_RIGHT
            lines = value.lines_at(inner)
            face = single_face(lines)
            if face is None or any(used > inner + 1e-8 for _, _, used in lines):
                continue  # mixed faces, or a line that must narrow its spaces to fit
            row[c] = "\n".join("".join(v for _, v in frags) for _, frags, _ in lines)
            if face != REGULAR:
                commands.append(("FONTNAME", (c, r), (c, r), face))
            aligned.append((c, r, _ALIGN[style.alignment]))
    body: dict[int, set[str]] = {}
    for c, r, align in aligned:
        if r >= header_rows:
            body.setdefault(c, set()).add(align)
    whole = {c: found.pop() for c, found in body.items() if len(found) == 1}
    for c, align in whole.items():
        if align != "CENTER":
            commands.append(("ALIGN", (c, header_rows), (c, len(rows) - 1), align))
    commands += [("ALIGN", (c, r), (c, r), align) for c, r, align in aligned
                 if align != "CENTER" and (r < header_rows or c not in whole)]
    return commands


def grid_table(
    rows: list[list],
    widths: Sequence[float],
    header_rows: int = 1,
    extra: Iterable[tuple] = (),
    shade_header: bool = True,
    min_row_height: float = 0,
    keep_with_next: Iterable[int] = (),
) -> Flowable:
    """A ruled table of text cells whose header rows repeat on every page it runs over; body
    rows at least `min_row_height` tall; the rows in `keep_with_next` never last on a page."""
    widths = list(widths)
    columns, count = len(widths), len(rows)
    extra = [_absolute(command, columns, count) for command in extra]
    spans = {(c0, r0): c1 for name, (c0, r0), (c1, r1), *_ in extra if name == "SPAN"}
    cell_commands = _plain_cells(rows, widths, spans, header_rows)  # after `extra`: a cell
    # keeps its face (the reports' extra commands set no alignment)
    return GridTable(rows, widths, header_rows, _base_commands(header_rows, shade_header),
                     extra + cell_commands, min_row_height, keep_with_next)


# ------------------------------------------------------------------------------ signatures


@dataclass(frozen=True)
class Signature:
    """A signature block: who signs (in capitals), the space to sign, and the full name."""

    title: str
    name: str = ""  # empty: a dotted line to write the name by hand
    above: str = ""  # e.g. "TM. BAN CHỈ ĐẠO" above the title
    deputy_of: str = ""  # the head's title a deputy signs for: "KT. CHỦ TỊCH" over the title
    note: str = "(Ký, ghi rõ họ tên)"


SIGN_SPACE = 20 * mm
GRID_SIGN_SPACE = 16 * mm  # in a grid of several rows of blocks (a sheet's many observers)
TIGHT_GRID_SIGN_SPACE = 12 * mm  # in such a grid set tight: still a signature's height


SIGN_GAP = 8  # above the signature blocks
SIGN_PAD = 6  # a signature cell's padding left and right (Table's own)
SIGN_ROW_GAP = 14  # above a row of signature blocks under another: whose name is whose is plain


def _signature_parts(sig: Signature, width: float,
                     space: float = SIGN_SPACE) -> tuple[list[Flowable], list[Flowable]]:
    """A signature block's titles (who signs, the note) and its foot (the space to sign, the
    name), `width` wide: two rows, so that the blocks of a row sign on one line."""
    s = styles()
    top: list[Flowable] = []
    if sig.above:
        top.append(name_block(sig.above.upper(), s.sign_title, width))
    if sig.deputy_of:
        top.append(name_block(f"KT. {sig.deputy_of.upper()}", s.sign_title, width))
    top.append(name_block(sig.title.upper(), s.sign_title, width))
    if sig.note:
        top.append(para(sig.note, s.sign_note))
    foot = [Spacer(1, space),
            para(sig.name, s.sign_name) if sig.name else para("." * 40, s.sign_note)]
    return top, foot


class SignatureTable(PageTable):
    """The signature blocks: never split across pages (a block's titles and its name belong
    together); the whole table goes to the next page instead."""

    def split(self, available_width, available_height):
        if self.wrap(available_width, available_height)[1] > FRAME_HEIGHT:
            return super().split(available_width, available_height)  # no page holds it whole
        return []


def signatures(
    blocks: Sequence[Signature], recipients: Sequence[str] = (), per_row: int = 2,
    beside: Sequence[Flowable] = (), tight: bool = False,
) -> Flowable:
    """Signature blocks side by side (two a row), the last on the right as Nghị định 30 places
    the signer, each row's names on one line; recipients (Nơi nhận), or other text `beside`,
    at the bottom left when given. Kept on one page; keep it with what it signs (`closing`,
    or a KeepTogether). `tight`: the space to sign as in a grid of blocks (in a grid, a little
    less), less room above."""
    s = styles()
    width = FRAME_WIDTH / per_row
    left = list(beside)
    grid = len(blocks) - (1 if left or recipients else 0) > per_row  # more than a row of blocks
    space = (TIGHT_GRID_SIGN_SPACE if grid and tight else
             GRID_SIGN_SPACE if grid or tight else SIGN_SPACE)
    parts = [_signature_parts(b, width - 2 * SIGN_PAD, space) for b in blocks]
    if recipients:
        left.append(markup("<b><i>Nơi nhận:</i></b>", s.recipients))
        left += [para(f"- {r}", s.recipients) for r in recipients]
    chunks: list[list] = []
    rest = parts[:-1] if left else parts
    while rest:
        chunk, rest = rest[:per_row], rest[per_row:]
        chunks.append([("", "")] * (per_row - len(chunk)) + chunk)
    if left:
        last = parts[-1] if parts else ("", "")
        chunks.append([(left, "")] + [("", "")] * (per_row - 2) + [last])
    rows: list[list] = []
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), SIGN_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), SIGN_PAD),
    ]
    for chunk in chunks:
        top = len(rows)
        rows += [[cell[0] for cell in chunk], [cell[1] for cell in chunk]]
        commands += [("TOPPADDING", (0, top), (-1, top), SIGN_ROW_GAP if top else 2),
                     ("BOTTOMPADDING", (0, top), (-1, top), 0),
                     ("TOPPADDING", (0, top + 1), (-1, top + 1), 0),
                     ("BOTTOMPADDING", (0, top + 1), (-1, top + 1), 6)]
    if left:  # at the left margin, over both rows of the last signature
        commands += [("SPAN", (0, len(rows) - 2), (0, len(rows) - 1)),
                     ("LEFTPADDING", (0, len(rows) - 2), (0, len(rows) - 1), 0)]
    return SignatureTable(rows, colWidths=[width] * per_row, style=TableStyle(commands),
                          spaceBefore=SIGN_GAP / 2 if tight else SIGN_GAP, splitInRow=MIN_CUT)


class Closing(Flowable):
    """A document's last flowable and the signature block under it, never the signatures alone
    at the top of a page: when the content fits a page but the signatures do not, the
    content's last part (a table's last rows, a paragraph's last lines) goes over with them.
    With a `tighter` block (the same signatures closer together), that one is set instead
    where it lets the content and the signatures stand together on the page: a sheet's many
    observers' signatures would otherwise take a few rows of it over to a page of their own,
    and leave the page before nearly empty."""

    def __init__(self, body: Flowable, tail: Flowable, carried: bool = False,
                 tighter: Flowable | None = None):
        super().__init__()
        self.body, self.tail, self.tighter = body, tail, tighter
        self.carried = carried  # the end of a body cut to go over with the tail: it starts
        # the next page, not cut again to stand under its start
        self.width = self.height = 0
        self._tail_height = 0.0

    def getSpaceBefore(self):
        return self.body.getSpaceBefore()

    def wrap(self, available_width, available_height):
        _, body = self.body.wrap(available_width, available_height)
        _, tail = self.tail.wrap(available_width, available_height)
        self._tail_height = tail + self.tail.getSpaceBefore()
        self.width, self.height = available_width, body + self._tail_height
        return self.width, self.height

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        body = self.height - self._tail_height
        fresh = available_height >= FRAME_HEIGHT - 1  # a page of its own cannot hold it whole
        if self.carried and not fresh:
            return []
        if self.tighter is not None:
            closer = Closing(self.body, self.tighter, self.carried)
            if closer.wrap(available_width, available_height)[1] <= available_height:
                return [closer]
        if body > available_height:  # the body runs over the page anyway
            parts = self.body.split(available_width, available_height)
        elif body - 1 <= 0:
            parts = []
        else:  # the body fits, the signatures do not: its end goes over with them
            parts = self._carry(available_width, body - 1, fresh)
            if len(parts) == 2:
                return [parts[0], Closing(parts[1], self.tail, True, self.tighter)]
        if len(parts) == 2:
            return [parts[0], Closing(parts[1], self.tail, tighter=self.tighter)]
        if fresh:
            return [self.body, self.tail]
        return []

    def _carry(self, available_width, room, fresh) -> list[Flowable]:
        """The body cut so that its end goes over with the signatures: all it keeps together
        (a Stack's glued items) or, where that and the signatures would not fit the next page,
        less; on a page of its own, what it keeps together goes apart rather than leave the
        signatures alone on the next page."""
        if not isinstance(self.body, Stack):
            return self.body.split(available_width, room)
        ways = [self.body.split_carried, self.body.split]
        if fresh:
            ways.append(self.body.split_loosely)
        found: list[Flowable] = []
        for way in ways:
            parts = way(available_width, room)
            if len(parts) == 2:
                found = parts
                rest = parts[1].wrap(available_width, FRAME_HEIGHT)[1]
                if rest + self._tail_height <= FRAME_HEIGHT:
                    break
        return found

    def draw(self):
        self.tail.drawOn(self.canv, 0, 0)
        self.body.drawOn(self.canv, 0, self._tail_height)


class Stack(Flowable):
    """Flowables one under the other, spaced as a frame spaces them, as one flowable: it splits
    between them or within one (a table between rows, a paragraph between lines), so that a
    `Closing` can carry the end of several flowables over with the signatures. An item whose
    index is in `glued` never starts a page: the end of the item before it goes over with it
    (the total and the rating under their table's last rows). Those also in `loose` hold only
    where the stack's end goes over with the signatures under it (`split_carried`), not where
    the stack runs over a page anyway."""

    def __init__(self, items: Sequence[Flowable], glued: Iterable[int] = (),
                 loose: Iterable[int] = ()):
        super().__init__()
        self.items = list(items)
        self.glued = frozenset(glued)
        self.loose = frozenset(loose) & self.glued
        self.width = self.height = 0
        self._sizes: list[tuple[float, float]] = []

    def getSpaceBefore(self):
        return self.items[0].getSpaceBefore() if self.items else 0

    def getSpaceAfter(self):
        return self.items[-1].getSpaceAfter() if self.items else 0

    def _gap(self, index: int) -> float:
        """The space above item `index` (none above the first: the stack's own)."""
        if index == 0:
            return 0
        return self.items[index - 1].getSpaceAfter() + self.items[index].getSpaceBefore()

    def wrap(self, available_width, available_height):
        self._sizes = [item.wrap(available_width, available_height) for item in self.items]
        self.width = available_width
        self.height = sum(h for _, h in self._sizes) + sum(map(self._gap, range(len(self.items))))
        return self.width, self.height

    def _parts(self, over: int, head: list[Flowable], tail: list[Flowable]) -> list[Stack]:
        """This stack cut at item `over`: the items above it and `head` (what of it stays, if
        anything), then `tail` (the rest of it, or all of it) and the items under it."""
        kept = over + len(head)
        first = Stack(self.items[:over] + head, [n for n in self.glued if n < kept],
                      [n for n in self.loose if n < kept])
        shift = over + 1 - len(tail)  # an item's index here less its index in the rest
        rest = Stack(tail + self.items[over + 1:], [n - shift for n in self.glued if n > over],
                     [n - shift for n in self.loose if n > over])
        return [first, rest]

    def split(self, available_width, available_height):
        if available_height >= FRAME_HEIGHT - 1:
            # a page of its own cannot hold a glued item with the end of the one above it
            return self.split_loosely(available_width, available_height)
        return self._split(available_width, available_height, self.glued - self.loose)

    def split_carried(self, available_width, available_height):
        """Split so that the end goes over with the signatures: every item glued."""
        return self._split(available_width, available_height, self.glued)

    def split_loosely(self, available_width, available_height):
        """Split as `split` does or, where that is not enough, with no item glued."""
        return (self._split(available_width, available_height, self.glued - self.loose)
                or self._split(available_width, available_height, frozenset()))

    def _split(self, available_width, available_height, glued: frozenset[int]) -> list:
        self.wrap(available_width, available_height)
        heights = [h for _, h in self._sizes]
        tops, y = [], 0.0  # where each item starts, its space above included
        for index, height in enumerate(heights):
            y += self._gap(index)
            tops.append(y)
            y += height
        over = next((n for n, top in enumerate(tops)
                     if top + heights[n] > available_height + 1e-6), None)
        if over is None:
            return [self]
        room = available_height - tops[over]
        while True:
            if room > 0:
                parts = self.items[over].split(available_width, room)
                if len(parts) >= 2:
                    return self._parts(over, parts[:1], list(parts[1:]))
            if over not in glued:
                if over == 0:
                    return []
                return self._parts(over, [], [self.items[over]])
            if over == 0:
                return []
            # a glued item: the end of the one above goes over with it
            over -= 1
            room = min(available_height - tops[over], heights[over] - 1)

    def draw(self):
        top = self.height
        for index, (item, (width, height)) in enumerate(zip(self.items, self._sizes,
                                                              strict=True)):
            top -= self._gap(index)
            item.drawOn(self.canv, 0, top - height, _sW=max(self.width - width, 0))
            top -= height


class Whole(Stack):
    """Flowables one under the other that never split: all go to the next page (unless they
    are taller than a page: then they split as a Stack does)."""

    def split(self, available_width, available_height):
        if self.wrap(available_width, available_height)[1] > FRAME_HEIGHT:
            return super().split(available_width, available_height)
        return []


def headed(top: Sequence[Flowable], body: Flowable) -> Flowable:
    """A heading (and its note) kept with the start of what it heads: never parted, nor left at
    a page's foot without the first rows of a table under it, which may still start on that
    page and run on (a KeepTogether would send a long table whole to the next page)."""
    return Stack([Whole(top), body], glued=[1])


def closing(story: list[Flowable], tail: Flowable) -> list[Flowable]:
    """The story with the signature block `tail` kept with its last flowable (see Closing)."""
    if not story:
        return [tail]
    return [*story[:-1], Closing(story[-1], tail)]


def stacked_height(story: Sequence[Flowable], width: float = FRAME_WIDTH,
                   limit: float = math.inf) -> float:
    """How tall `story` stands from the top of an empty frame, spaced as a Frame spaces it:
    between two flowables the larger of the space after the one and before the other, none
    above the first nor under the last. Measured only until it is taller than `limit`."""
    used = after = bottom = 0.0
    for flowable in story:
        gap = max(flowable.getSpaceBefore() - after, 0.0) if used else 0.0
        bottom = max(bottom, used + gap + flowable.wrap(width, FRAME_HEIGHT)[1])
        if bottom > limit:
            break
        after = flowable.getSpaceAfter()
        used = bottom + after
    return bottom


TIGHTENING = 30 * mm  # more than setting a paper `tight` ever saves


def one_page(make: Callable[[bool], list[Flowable]]) -> list[Flowable]:
    """A paper meant for one page as `make(tight=False)` sets it or, when that overflows the
    page by a little and `make(tight=True)` (the same text in the same type, less room between
    its parts) fits it, as that sets it; else as first set, to break across pages."""
    story = make(False)
    over = stacked_height(story, limit=FRAME_HEIGHT + TIGHTENING) - FRAME_HEIGHT
    if over <= 0 or over > TIGHTENING:
        return story
    tight = make(True)
    return tight if stacked_height(tight, limit=FRAME_HEIGHT) <= FRAME_HEIGHT else story


# Two-syllable words of the tables' headers, never parted at a line's end ("Số / cương vị",
# not "Số cương / vị").
HEADER_WORDS = re.compile(
    r"(?<!\w)(cương vị|đánh giá|yêu cầu|đảm nhiệm|xử trí|trung bình|chênh lệch|tiêu chí|"
    r"kế hoạch|tối đa|tình huống|nội dung|thời gian|nhận xét|xếp loại|diễn tập)(?!\w)",
    re.IGNORECASE)


def whole_words(label: str) -> str:
    """A short label (a header, a column of labels) with its two-syllable words tied."""
    return HEADER_WORDS.sub(lambda found: tie(found.group(0)), composed(label))


def header_cells(labels: Iterable[str]) -> list[Flowable]:
    """A header row: bold, centred labels, their two-syllable words kept whole."""
    style = styles().cell_center_bold
    return [para(whole_words(label), style) for label in labels]


# Who signs for the issuing body, by how its name begins: a collective body (an Ủy ban, a
# Ban, a Hội đồng, a Party committee) signs "TM." (on behalf of) with its head's title under
# it; a body run by one commander or head signs with that head's title alone.
_SIGNERS = (
    (("ỦY BAN ", "UBND "), True, "Chủ tịch"),
    (("HỘI ĐỒNG ",), True, "Chủ tịch"),
    (("ĐẢNG ỦY ", "BAN THƯỜNG VỤ ", "TỈNH ỦY ", "THÀNH ỦY "), True, "Bí thư"),
    (("BAN CHỈ HUY QUÂN SỰ ", "BỘ CHỈ HUY QUÂN SỰ ", "BAN CHQS ", "BỘ CHQS "), False,
     "Chỉ huy trưởng"),
    (("BAN ",), True, "Trưởng ban"),
    (("SỞ ", "CÔNG AN TỈNH", "CÔNG AN THÀNH PHỐ"), False, "Giám đốc"),
    (("CÔNG AN ",), False, "Trưởng Công an"),
)
NEUTRAL_SIGNER = "Thủ trưởng đơn vị"


def director_signature(info: ExerciseInfo) -> Signature:
    """The signer for the issuing body: "TM. ỦY BAN NHÂN DÂN ... / CHỦ TỊCH", "TM. BAN CHỈ
    ĐẠO ... / TRƯỞNG BAN", "CHỈ HUY TRƯỞNG" for a military command; else "THỦ TRƯỞNG ĐƠN VỊ".
    With the signer's own title (ExerciseInfo.signer_title), as Nghị định 30 signs: a deputy
    ("Phó Chủ tịch") signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", an acting head ("Quyền Chủ tịch")
    "Q. CHỦ TỊCH"; another title is printed as it is."""
    body = issuer(info)
    flat = " ".join(body.split()) + " "
    # an official signature (Nghị định 30): no note asking for a name by hand when the name is
    # printed; the forms' blocks (the note-taker's, the observers' on the sheets) keep theirs
    note = {"note": ""} if info.signer else {}
    own = " ".join(printable(info.signer_title).split())
    for starts, collective, head in _SIGNERS:
        if flat.startswith(starts):
            title, deputy_of = _signer_title(head, own)
            return Signature(title, name=info.signer, above=f"TM. {body}" if collective else "",
                             deputy_of=deputy_of, **note)
    return Signature(_signer_title(NEUTRAL_SIGNER, own)[0], name=info.signer, **note)


def _signer_title(head: str, own: str) -> tuple[str, str]:
    """The title printed over the signature and the head's title a deputy signs for ("")."""
    folded = own.casefold()
    if not own or folded == head.casefold():
        return head, ""
    if folded.startswith("phó ") and head != NEUTRAL_SIGNER:
        return own, head
    if folded.startswith("quyền "):
        return f"Q. {own[len('quyền '):]}", ""
    return own, ""


def heading(value: str) -> Flowable:
    """A section heading in bold."""
    return para(value, styles().heading)


def note(value: str) -> Flowable:
    """A small italic explanation."""
    return markup(f"<i>{text(value)}</i>", styles().recipients)
