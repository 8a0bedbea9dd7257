"""Every paragraph of running text on paper starts as Nghị định 30/2020 sets one: its first line
in by the same 1 to 1.27 cm in every document, filled or empty, a "- " item of a list too; its
next lines at the margin; and an empty table's cells alike. Read back from the PDFs: where
each line's text starts."""

import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from dientap_desktop.domain.scenario_loader import find_scenario
from dientap_desktop.reports.document import (
    DASH,
    FRAME_WIDTH,
    MARGIN_LEFT,
    PARAGRAPH_INDENT,
    cell,
    styles,
)
from dientap_desktop.reports.export import export_reports
from dientap_desktop.reports.sample import sample_snapshot
from dientap_desktop.storage.exercise_file import ExerciseFile

INDENTED = MARGIN_LEFT + PARAGRAPH_INDENT


def line_starts(path: Path) -> list[tuple[float, str]]:
    """Each line of text in the frame (not the page's foot), from its left: its x and its text,
    page after page."""
    lines: list[tuple[float, str]] = []
    for page in PdfReader(path).pages:
        found: dict[float, list[tuple[float, str]]] = defaultdict(list)

        def visit(value, cm, tm, _font, _size, found=found):
            if value.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found[round(y)].append((x, value))

        page.extract_text(visitor_text=visit)
        for y in sorted(found, reverse=True):
            if y > 25 * mm:  # above the footer
                parts = sorted(found[y], key=lambda part: part[0])
                lines.append((parts[0][0], "".join(v for _, v in parts).replace("\n", " ")))
    return lines


def starting(lines: list[tuple[float, str]], beginning: str) -> list[float]:
    """Where the lines that begin with `beginning` start."""
    return [x for x, value in lines if value.lstrip().startswith(beginning)]


def assert_indented(path: Path, beginnings: dict[str, int]) -> None:
    """Each beginning starts as many lines as given, every one set in by the paragraph indent;
    the line under a paragraph's first line (when it has one) starts at the margin."""
    lines = line_starts(path)
    for beginning, count in beginnings.items():
        found = starting(lines, beginning)
        assert len(found) == count, (beginning, found)
        assert all(abs(x - INDENTED) < 0.5 for x in found), (beginning, found)


def test_the_indent_is_what_nghi_dinh_30_asks():
    assert 10 * mm <= PARAGRAPH_INDENT <= 12.7 * mm


@pytest.fixture(scope="module")
def empty(tmp_path_factory) -> dict[str, Path]:
    """The papers of an exercise just made: no run, no score, no note."""
    folder = tmp_path_factory.mktemp("empty")
    with ExerciseFile.create(folder / "p.dientap", find_scenario("giai-thoat-con-tin"),
                             name="X", issuer="Ban Chỉ huy quân sự phường Tân Định") as exercise:
        snapshot = exercise.snapshot()
    paths = export_reports(snapshot, folder / "out", ["summary", "log", "aar"])
    return {path.stem: path for path in paths}


def test_every_paragraph_of_an_empty_aar_is_set_in_alike(empty):
    assert_indented(empty["aar"], {
        "Nội dung:": 1, "Khung tập gồm": 1, "Chưa phát tình huống nào": 1,
        "Kết quả chung:": 1, "Điểm và xếp loại": 1,
        # II, III and VI; IV; V; VII
        "Tổ đánh giá chưa có nhận xét": 3, "Chưa có tình huống nào được phát": 1,
        "Chưa đủ điểm để tổng hợp kết quả": 1, "Chưa đề nghị khen thưởng": 1,
    })


def test_the_empty_summary_and_log_set_their_paragraphs_in_alike(empty):
    assert_indented(empty["summary"], {"Kết quả chung:": 1, "Chưa so sánh được": 1})
    assert_indented(empty["log"], {"Chưa phát tình huống nào": 1})


def test_a_paragraphs_next_lines_start_at_the_margin(empty):
    lines = line_starts(empty["aar"])
    index = next(n for n, (_, value) in enumerate(lines)
                 if value.startswith("Chưa phát tình huống nào"))
    assert abs(lines[index + 1][0] - MARGIN_LEFT) < 0.5  # the paragraph's second line


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> dict[str, Path]:
    """The papers of the sample: a finished run, scores, notes, a comment on a sheet."""
    folder = tmp_path_factory.mktemp("filled")
    paths = export_reports(sample_snapshot(), folder)
    return {path.stem: path for path in paths}


def test_every_paragraph_of_a_filled_aar_is_set_in_alike(filled):
    assert_indented(filled["aar"], {
        "Nội dung:": 1, "Bắt đầu lúc": 1, "Kết quả chung:": 1,
        # the observers' notes: one of each kind
        "- Tình huống 1": 1, "- Tình huống 2": 1, "- Chung:": 1,
        "Chưa đề nghị khen thưởng": 1,
    })


def test_the_filled_summary_log_and_sheets_set_their_paragraphs_in_alike(filled):
    assert_indented(filled["summary"], {"Kết quả chung:": 1})
    assert_indented(filled["log"], {"Đã phát": 1})
    # an observer's comment, one sheet a comment
    assert_indented(filled["scoring"], {"- Tiêu chí 3": 3})


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_every_dash_of_the_empty_summarys_table_is_alike(empty):
    """Nothing to print in a cell (no player, no score, no rating): a dash centred in its
    column in the regular face, never a bold one beside a plain one nor one at a column's
    left."""
    html = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(empty["summary"]),
                           "-"], capture_output=True, text=True, check=True).stdout
    dashes = [(float(x0) + float(x1)) / 2 for x0, x1 in re.findall(
        r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">—<', html)]
    # the player's column, 32 mm wide before columns of 15, 23, 26 and 22 mm: its dashes in
    # its middle, one a post
    middle = MARGIN_LEFT + FRAME_WIDTH - (15 + 23 + 26 + 22 + 16) * mm
    assert sum(abs(x - middle) < 1 for x in dashes) == 6, (middle, dashes)
    # in the regular face whatever the column's own (the score's is bold)
    assert cell(DASH, styles().cell_center_bold).style is styles().cell_center
    assert cell("7,48", styles().cell_center_bold).style is styles().cell_center_bold
