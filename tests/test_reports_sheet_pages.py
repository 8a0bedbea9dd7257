"""A scoring or blank sheet on its pages, for an exercise whose every heading line is long: a
sheet that overflows its page by a little is set with less room between its parts (the same
type) to fit it; one that must break never leaves the signatures without a criterion above
them on a page."""

import re
from fractions import Fraction

import pytest
from pypdf import PdfReader

from dientap_desktop.cli import main
from dientap_desktop.domain.scenario_loader import find_scenario
from dientap_desktop.domain.score_csv import ScoreRow
from dientap_desktop.reports.document import FRAME_HEIGHT, MARGIN_BOTTOM, MARGIN_TOP, PAGE_HEIGHT
from dientap_desktop.storage.exercise_file import ExerciseFile
from tests.test_reports_pdf import Pdf, flat

SCENARIOS = ["chuyen-trang-thai-sscd", "do-bo-duong-khong", "giai-tan-bao-loan",
             "giai-thoat-con-tin"]
NAME = ("Diễn tập chiến đấu phòng thủ xã Đông Sơn năm 2025 trong khu vực phòng thủ huyện Yên "
        "Bình, tỉnh Sơn Hà: chuyển lực lượng vũ trang vào các trạng thái sẵn sàng chiến đấu")
PLACE = "Hội trường Ủy ban nhân dân xã Đông Sơn, huyện Yên Bình, tỉnh Sơn Hà"
ISSUER = "Ban Chỉ đạo diễn tập chiến đấu phòng thủ xã Đông Sơn huyện Yên Bình"  # three lines
SUPERIOR = "Ủy ban nhân dân huyện Yên Bình"
OBSERVERS = ["Thượng tá Nguyễn Văn Cường", "Trung tá Lê Thị Minh Hà",
             "Thiếu tá Tôn Nữ Hoàng Thị Phương Thảo"]
SIGNATURE = "NGƯỜI ĐÁNH GIÁ"


def long_named(folder, scenario: str, scored: bool, observers: int = 3, comment: str = ""):
    """The exercise as `dientap new` makes it with every heading line long; `scored`: the
    `observers` scored it (the last of several left each post's first criterion empty), the
    first with `comment` on each post's second criterion. Its blank and scoring sheets, as
    `dientap report` writes them."""
    path = folder / "ex.dientap"
    assert main(["new", scenario, "--out", str(path), "--name", NAME, "--place", PLACE,
                 "--date", "2025-11-15", "--issuer", ISSUER, "--superior", SUPERIOR]) == 0
    if scored:
        with ExerciseFile.open(path) as exercise:
            names = (OBSERVERS + [f"Đại úy Người đánh giá số {n}" for n in range(4, 10)])
            names = names[:observers]
            rows = [ScoreRow(0, name, post.id, c.id, c.max * Fraction(3 + (i + n) % 3, 5),
                             comment if (i, n) == (0, 1) else "")
                    for i, name in enumerate(names) for post in exercise.scenario.posts
                    for n, c in enumerate(exercise.scenario.criteria_for(post.id))
                    if (i, n) != (len(names) - 1, 0) or len(names) == 1]
            exercise.set_scores(rows, "test")
    assert main(["report", str(path), "--out", str(folder / "pdf"), "--only",
                 "blank,scoring"]) == 0
    return {key: folder / "pdf" / f"{key}.pdf" for key in ("blank", "scoring")}


def sheets(pdf: Pdf) -> list[list[str]]:
    """Each sheet's pages (not the blank sheets' last page, for the observer's notes)."""
    pages = pdf.sheet_pages
    starts = [n for n, page in enumerate(pages) if "PHIẾU CHẤM ĐIỂM" in page]
    return [pages[a:b] for a, b in zip(starts, [*starts[1:], len(pages)], strict=True)]


def criteria_on(page: str, scenario, post) -> list[int]:
    """The numbers of the post's criteria whose row is on the page (found by their text)."""
    return [n for n, c in enumerate(scenario.criteria_for(post.id), 1)
            if flat(c.text)[:40] in page]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_sheet_of_a_long_named_exercise_fits_one_page(scenario, tmp_path):
    posts = find_scenario(scenario).posts
    for key, path in long_named(tmp_path, scenario, scored=False).items():
        found = sheets(Pdf(path))
        assert len(found) == len(posts), key
        for pages, post in zip(found, posts, strict=True):
            assert len(pages) == 1, (key, post.id)
            page = pages[0]
            assert f"Cương vị: {flat(post.title)}" in page and f"Cuộc diễn tập: {NAME}" in page
            assert "Cộng" in page and SIGNATURE in page and "Xếp loại" in page
            count = len(find_scenario(scenario).criteria_for(post.id))
            assert criteria_on(page, find_scenario(scenario), post) == list(range(1, count + 1))


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("observers, comment", [(3, ""), (1, "Báo cáo còn chậm"),
                                                (2, "Báo cáo còn chậm")])
def test_a_sheet_that_breaks_takes_criteria_over_with_the_signatures(scenario, observers,
                                                                     comment, tmp_path):
    path = long_named(tmp_path, scenario, True, observers, comment)["scoring"]
    found = sheets(Pdf(path))
    definition = find_scenario(scenario)
    assert any(len(pages) > 1 for pages in found)  # the sheets go over a page
    for pages, post in zip(found, definition.posts, strict=True):
        count = len(definition.criteria_for(post.id))
        seen = []
        for page in pages:
            on = criteria_on(page, definition, post)
            seen += on
            assert page.count("Tiêu chí đánh giá") <= 1  # one table a page: never cut twice
            if SIGNATURE in page:  # never under the sums alone: the last criteria come along
                assert count in on and count - 1 in on, (post.id, on)
                assert "Cộng" in page and "Tổng điểm quy đổi" in page
                assert not comment or comment in page  # a short comment comes along
        assert seen == list(range(1, count + 1)), post.id  # each row once, in order
        assert SIGNATURE in pages[-1] and all(SIGNATURE not in p for p in pages[:-1])


def title_heights(path) -> list[float]:
    """How high on its page each sheet's title stands (points from the foot)."""
    heights = []
    for page in PdfReader(path).pages:
        found = []

        def visit(text, cm, tm, font, size, found=found):
            if text.startswith("PHIẾU CHẤM ĐIỂM"):
                found.append(round((cm[5] + tm[5] * cm[3]), 1))

        page.extract_text(visitor_text=visit)
        heights += found
    return heights


def test_only_the_sheets_that_overflow_are_set_tight(tmp_path):
    scenario = find_scenario("chuyen-trang-thai-sscd")
    path = long_named(tmp_path, scenario.id, scored=False)["blank"]
    heights = title_heights(path)
    assert len(heights) == len(scenario.posts)
    usual, tight = min(heights), max(heights)  # the same header above every title
    assert set(heights) == {usual, tight} and tight > usual  # less room above the title
    counts = [len(scenario.criteria_for(p.id)) for p in scenario.posts]
    assert heights[counts.index(5)] == usual  # fits as usually set: left so
    assert all(h == tight for h, count in zip(heights, counts, strict=True) if count == 6)


def lowest_text(path) -> list[float]:
    """How far down the frame each page's text reaches, as a share of the frame (the footer
    left out): 1 for a full page."""
    shares = []
    for page in PdfReader(path).pages:
        heights = []

        def visit(text, cm, tm, font, size, heights=heights):
            y = cm[5] + tm[5] * cm[3]
            if text.strip() and y > MARGIN_BOTTOM:
                heights.append(y)

        page.extract_text(visitor_text=visit)
        shares.append((PAGE_HEIGHT - MARGIN_TOP - min(heights)) / FRAME_HEIGHT)
    return shares


def numbered_rows(page: str) -> list[int]:
    """The criteria's numbers in the rows of the table of the observers after the sixth (the
    criteria by their numbers) on a page, read under its header."""
    found = re.search(r"Tiêu chí Điểm tối đa Điểm của người đánh giá Điểm trung bình "
                      r"((?:\(\d+\) )+)(.*?) Cộng ", page)
    if found is None:
        return []
    columns = found.group(1).count("(")  # the observers' columns
    cells = found.group(2).replace(" (*)", "").split()
    return [int(cell) for cell in cells[::columns + 3]]  # number, maximum, scores, mean


@pytest.mark.parametrize("observers", [7, 8, 9])
def test_seven_to_nine_observers_leave_no_page_of_a_sheet_nearly_empty(observers, tmp_path):
    path = long_named(tmp_path, "giai-thoat-con-tin", True, observers)["scoring"]
    definition = find_scenario("giai-thoat-con-tin")
    found = sheets(Pdf(path))
    filled = lowest_text(path)
    first = 0
    for pages, post in zip(found, definition.posts, strict=True):
        count = len(definition.criteria_for(post.id))
        # the criteria's texts once (the observers after the sixth score them by number): the
        # sheet on two pages, the first full, the second with what it signs
        assert len(pages) <= 2, post.id
        assert all(share > 2 / 3 for share in filled[first:first + len(pages) - 1]), post.id
        assert criteria_on(" ".join(pages), definition, post) == list(range(1, count + 1))
        for page in pages[1:]:  # a table going on under its header
            assert "Điểm tối đa" in page and page.index("Điểm tối đa") < page.index("Cộng")
        signed = pages[-1]
        assert SIGNATURE in signed and "Tổng điểm quy đổi" in signed
        rows = numbered_rows(signed)  # what the signatures sign, the last criteria with them
        assert rows and rows[-1] == count, (post.id, rows)
        first += len(pages)


@pytest.mark.parametrize("observers", [7, 8, 9])
def test_seven_to_nine_observers_of_a_criterion_longer_than_a_cell_sign_on_the_second_page(
        observers, tmp_path):
    from dientap_desktop.reports.export import export_reports
    from dientap_desktop.reports.sample import sample_snapshot

    path = export_reports(sample_snapshot(observers), tmp_path, ["scoring"])[0]
    for pages in sheets(Pdf(path)):
        assert len(pages) == 2 and SIGNATURE in pages[1] and SIGNATURE not in pages[0]
        assert "Cộng" in pages[1] and numbered_rows(pages[1])
