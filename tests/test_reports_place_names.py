"""Place names read back from real PDFs whole on their line: never "TỈNH" at a line's end and
"QUẢNG TRỊ" under it, nor "thành phố Đông" / "Hà", in the header, the titles, the tables, the
charts or a footer cut short."""

import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from dientap_desktop.reports.document import FRAME_WIDTH, name_lines, styles, tie_places
from dientap_desktop.reports.export import REPORT_KEYS, export_reports
from dientap_desktop.reports.sample import sample_snapshot
from tests.test_reports_pdf import Pdf, flat

PLACES = ("phường Đông Hà", "thành phố Đông Hà", "tỉnh Quảng Trị", "TỈNH QUẢNG TRỊ",
          "TỈNH THỪA THIÊN HUẾ", "PHƯỜNG ĐÔNG HÀ")
NAME = ("Diễn tập chiến đấu phòng thủ phường Đông Hà, thành phố Đông Hà, tỉnh Quảng Trị năm "
        "2025 — Tiêu diệt, đánh bắt khủng bố, giải thoát con tin tại trụ sở")
# bodies whose names broke "TỈNH" / "QUẢNG TRỊ - BAN CHỈ ĐẠO" and "KHU VỰC PHÒNG THỦ TỈNH" /
# "THỪA THIÊN HUẾ NĂM 2024": the place ran on to the next level word, too wide to keep whole
ISSUERS = {
    "military": ("Bộ Chỉ huy quân sự tỉnh Quảng Trị - Ban Chỉ đạo diễn tập",
                 "Ủy ban nhân dân tỉnh Quảng Trị"),
    "committee": ("Ban Chỉ đạo diễn tập khu vực phòng thủ tỉnh Thừa Thiên Huế năm 2024",
                  "Ủy ban nhân dân tỉnh Thừa Thiên Huế"),
    "ward": ("Ban Chỉ đạo diễn tập chiến đấu phòng thủ phường Đông Hà",
             "Ủy ban nhân dân thành phố Đông Hà"),
}


def placed_snapshot(issuer: str, superior: str):
    """The sample exercise in a place named all through its papers: its name, place, issuer,
    a post's title and a player's unit, an inject's title."""
    sample = sample_snapshot()
    info = replace(sample.info, name=NAME, place="Phường Đông Hà, tỉnh Quảng Trị",
                   issuer=issuer, superior=superior, signer="Nguyễn Văn An")
    unit = "Ủy ban nhân dân phường Đông Hà, thành phố Đông Hà, tỉnh Quảng Trị"
    roster = {key: replace(person, unit=unit) for key, person in sample.roster.items()}
    scenario = sample.scenario
    posts = tuple(replace(post, title="Chỉ huy trưởng Ban Chỉ huy quân sự phường Đông Hà kiêm "
                          "Phó Chủ tịch Ủy ban nhân dân thành phố Đông Hà")
                  if post.id == "chu-tich" else post for post in scenario.posts)
    injects = tuple(replace(inject, title="Đối tượng chiếm trụ sở Ủy ban nhân dân phường Đông "
                            "Hà, thành phố Đông Hà, bắt giữ con tin")
                    if inject.id == "th-01" else inject for inject in scenario.injects)
    scenario = replace(scenario, posts=posts, injects=injects)
    return replace(sample, info=info, roster=roster, scenario=scenario)


def page_lines(path) -> list[str]:
    """Every line of text on every page, its white space (no-break spaces too) made one space."""
    return [flat(line) for page in PdfReader(path).pages
            for line in page.extract_text().splitlines()]


@pytest.fixture(scope="module")
def papers(tmp_path_factory) -> dict[str, dict[str, object]]:
    made = {}
    for name, (issuer, superior) in ISSUERS.items():
        out = tmp_path_factory.mktemp(name)
        paths = export_reports(placed_snapshot(issuer, superior), out)
        made[name] = dict(zip(REPORT_KEYS, paths, strict=True))
    return made


@pytest.mark.parametrize("issuer", list(ISSUERS))
@pytest.mark.parametrize("key", REPORT_KEYS)
def test_every_place_name_is_printed_whole_on_one_line(papers, issuer, key):
    path = papers[issuer][key]
    whole = Pdf(path).text
    lines = page_lines(path)
    for place in PLACES:
        printed = whole.count(place)
        assert sum(line.count(place) for line in lines) == printed, place
    assert whole.count("tỉnh Quảng Trị") >= 2  # the name, the place (and more)


@pytest.mark.parametrize("issuer", list(ISSUERS))
@pytest.mark.parametrize("key", REPORT_KEYS)
def test_a_footer_cut_short_leaves_out_a_place_whole(papers, issuer, key):
    text = Pdf(papers[issuer][key]).text
    assert "…" in text  # the exercise's name is cut in the footers
    for place in PLACES:
        words = place.split()
        for kept in range(1, len(words)):
            assert f"{' '.join(words[:kept])} …" not in text, place


def test_the_header_keeps_a_place_and_its_name_together_on_a_line():
    s = styles().issuer
    width = FRAME_WIDTH * 0.42
    lines = name_lines("BỘ CHỈ HUY QUÂN SỰ TỈNH QUẢNG TRỊ - BAN CHỈ ĐẠO DIỄN TẬP", s.fontName,
                       s.fontSize, width)
    assert "TỈNH QUẢNG TRỊ -" in lines[1] and not lines[0].endswith("TỈNH")
    lines = name_lines("BAN CHỈ ĐẠO DIỄN TẬP KHU VỰC PHÒNG THỦ TỈNH THỪA THIÊN HUẾ NĂM 2024",
                       s.fontName, s.fontSize, width)
    assert "TỈNH THỪA THIÊN HUẾ" in lines[2]
    assert name_lines("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", s.fontName, s.fontSize,
                      width) == ["ỦY BAN NHÂN DÂN", "TỈNH BÀ RỊA - VŨNG TÀU"]


@pytest.mark.parametrize(("value", "tied"), [
    ("phường Đông Hà, thành phố Đông Hà, tỉnh Quảng Trị năm 2025",
     ["phường Đông Hà,", "thành phố Đông Hà,", "tỉnh Quảng Trị"]),
    ("Phường 12, Quận 3, TP. Hồ Chí Minh", ["Phường 12,", "Quận 3,", "TP. Hồ Chí Minh"]),
    ("tỉnh Bà Rịa - Vũng Tàu; xã Đông Sơn", ["tỉnh Bà Rịa - Vũng Tàu;", "xã Đông Sơn"]),
    # no name: nothing to keep together, but for the level word that ends the text, kept
    # with the word before it (test_reports_header_block)
    ("Chủ tịch UBND phường và các xã trong huyện", ["trong huyện"]),
])
def test_running_text_ties_a_level_word_to_its_name_and_nothing_else(value, tied):
    result = tie_places(value)
    assert [part.replace("\u00a0", " ") for part in re.findall(r"\S*\u00a0\S*(?:\u00a0\S*)*",
                                                               result)] == tied
    assert result.replace("\u00a0", " ") == value
