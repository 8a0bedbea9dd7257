"""The header block of page 1 (the body above, the issuing body, its rule, the number) set from
what users type: no level word alone on a line ("PHƯỜNG" under "BAN CHỈ HUY QUÂN SỰ"), no word
that opens a name at a line's end ("BỘ" / "CHỈ HUY"), nothing over its column, the rule under
the issuing body. Read back from real PDFs: the words' boxes (pdftotext) and the lines drawn."""

import re
import shutil
import subprocess
from dataclasses import replace

import pytest
from reportlab.pdfgen.canvas import Canvas

from dientap_desktop.reports.document import (
    FRAME_WIDTH,
    LEVEL_WORDS,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    OPENING_WORDS,
    PAGE_HEIGHT,
    ReportDocument,
    name_lines,
    official_header,
    styles,
    tie_places,
)
from dientap_desktop.reports.sample import sample_snapshot

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="needs pdftotext (poppler-utils)")

COLUMN = MARGIN_LEFT + FRAME_WIDTH * 0.42  # where the issuer's column ends
LONG = ("Ban Chỉ đạo diễn tập khu vực phòng thủ phường Tân Định, quận 1, thành phố Hồ Chí Minh "
        "năm 2025")  # over 80 characters
TYPED = [  # (issuer, superior) as users type them
    ("UBND phường", ""),
    ("Đảng ủy - UBND phường Tân Định", ""),
    ("Ban Chỉ huy quân sự phường", ""),
    ("BAN CHỈ HUY QUÂN SỰ THÀNH PHỐ HỒ CHÍ MINH", ""),
    ("Bộ Chỉ huy Quân sự tỉnh Bà Rịa - Vũng Tàu", ""),
    ("Hội đồng Nghĩa vụ quân sự xã", "Ủy ban nhân dân xã"),
    (LONG, ""),
    ("Ban Chỉ đạo diễn tập", ""),  # no place at all
    ("Ban Chỉ huy quân sự phường", "UBND phường"),
    ("Ban Chỉ huy quân sự phường Tân Định", "Đảng ủy - UBND phường Tân Định"),
    ("Ban Chỉ huy quân sự huyện", "Bộ Chỉ huy Quân sự tỉnh Bà Rịa - Vũng Tàu"),
    ("Ban Chỉ đạo diễn tập", "Ủy ban nhân dân huyện Châu Đức, Bộ Chỉ huy quân sự tỉnh Bà Rịa - "
                             "Vũng Tàu, Công an tỉnh Bà Rịa - Vũng Tàu"),
]


class LineCanvas(Canvas):
    """A canvas that keeps the lines drawn, on the page, in points from the page's top."""

    drawn: list[tuple[float, float, float]] = []  # (left, right, y)

    def line(self, x1, y1, x2, y2):
        a, b, c, d, e, f = self._currentMatrix
        xs = [a * x + c * y + e for x, y in ((x1, y1), (x2, y2))]
        ys = [b * x + d * y + f for x, y in ((x1, y1), (x2, y2))]
        LineCanvas.drawn.append((min(xs), max(xs), PAGE_HEIGHT - ys[0]))
        super().line(x1, y1, x2, y2)


def header_of(issuer: str, superior: str, tmp_path):
    """The header block alone on a page: its words' boxes (x0, x1, top, text) and the lines
    drawn in the issuer's column."""
    info = replace(sample_snapshot().info, issuer=issuer, superior=superior)
    path = tmp_path / "header.pdf"
    LineCanvas.drawn = []
    ReportDocument(path, info, "t").build(official_header(info, number="    /BC-...."),
                                          canvasmaker=LineCanvas)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    words = [(float(x0), float(x1), float(top), value) for x0, top, x1, value in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html)
        if float(top) < PAGE_HEIGHT - MARGIN_BOTTOM]
    rules = [line for line in LineCanvas.drawn if line[1] <= COLUMN and line[2] < 400]
    return words, rules


def column_lines(words) -> list[tuple[float, float, float, str]]:
    """The issuer's column's lines, top down: (left, right, top, text)."""
    rows: dict[int, list] = {}
    for x0, x1, top, value in words:
        if x0 < COLUMN:
            rows.setdefault(round(top), []).append((x0, x1, value))
    return [(min(x0 for x0, _, _ in row), max(x1 for _, x1, _ in row), top,
             " ".join(value for _, _, value in sorted(row)))
            for top, row in sorted(rows.items())]


@pytest.mark.parametrize(("issuer", "superior"), TYPED)
def test_the_header_block_breaks_its_names_well_and_stays_in_its_column(issuer, superior,
                                                                         tmp_path):
    words, rules = header_of(issuer, superior, tmp_path)
    lines = column_lines(words)
    for x0, x1, _, value in lines:
        assert MARGIN_LEFT - 0.5 <= x0 and x1 <= COLUMN + 0.5, value  # within its column
        assert value not in LEVEL_WORDS, lines  # "PHƯỜNG" alone
        assert value.split()[-1] not in OPENING_WORDS, lines  # "BỘ" / "CHỈ HUY ..."
        assert value.split()[0] not in ("-", "–"), lines
    # no word runs across the columns' edge
    assert all(x1 <= COLUMN + 0.5 or x0 >= COLUMN - 0.5 for x0, x1, _, _ in words)
    # one rule, under the issuing body's last line and over the number, centred under it
    (left, right, y), = rules
    number = next(n for n, line in enumerate(lines) if line[3].startswith("Số:"))
    last = lines[number - 1]
    assert last[2] < y < lines[number][2]
    assert abs((left + right) / 2 - (last[0] + last[1]) / 2) < 1.5
    issuer_lines = lines[number - len(name_lines(issuer.upper(), styles().issuer.fontName,
                                                 styles().issuer.fontSize,
                                                 FRAME_WIDTH * 0.42)):number]
    assert right - left <= max(x1 - x0 for x0, x1, _, _ in issuer_lines)


@pytest.mark.parametrize(("body", "lines"), [
    ("BAN CHỈ HUY QUÂN SỰ PHƯỜNG", ["BAN CHỈ HUY", "QUÂN SỰ PHƯỜNG"]),
    ("UBND PHƯỜNG", ["UBND PHƯỜNG"]),
    ("HỘI ĐỒNG NGHĨA VỤ QUÂN SỰ XÃ", ["HỘI ĐỒNG NGHĨA VỤ", "QUÂN SỰ XÃ"]),
    ("TM. BAN CHỈ HUY QUÂN SỰ PHƯỜNG", ["TM. BAN CHỈ HUY", "QUÂN SỰ PHƯỜNG"]),
    ("ỦY BAN NHÂN DÂN HUYỆN CHÂU ĐỨC, BỘ CHỈ HUY QUÂN SỰ TỈNH BÀ RỊA - VŨNG TÀU",
     ["ỦY BAN NHÂN DÂN", "HUYỆN CHÂU ĐỨC,", "BỘ CHỈ HUY QUÂN SỰ", "TỈNH BÀ RỊA - VŨNG TÀU"]),
])
def test_a_level_word_without_its_name_stays_with_the_body_it_names(body, lines):
    style = styles().issuer
    assert name_lines(body, style.fontName, style.fontSize, FRAME_WIDTH * 0.42) == lines


@pytest.mark.parametrize(("value", "tied"), [
    # a post's title in a narrow cell: never "Bí thư Đảng ủy" / "phường"
    ("Chủ tịch UBND phường", "UBND phường"),
    ("Bí thư Đảng ủy phường", "Đảng ủy phường"),  # with the two-syllable word before it
    ("Trạm trưởng Trạm Y tế phường", "Y tế phường"),
    ("Ban CHQS phường; Công an phường.", "CHQS phường;"),
])
def test_a_level_word_ending_a_text_or_a_clause_is_kept_with_the_word_before(value, tied):
    result = tie_places(value)
    assert tied.replace(" ", "\u00a0") in result
    assert result.replace("\u00a0", " ") == value
