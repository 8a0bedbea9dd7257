"""The papers as Nghị định 30/2020 frames them, read back from real PDFs: a report whose result
is not final is a DỰ THẢO, the number and symbol left to fill by hand, the summary an appendix of
the report, the place of the date line, and a history that speaks of the exercise, not a file."""

import re
from dataclasses import replace

import pytest
from reportlab.lib.units import mm

from dientap_desktop.reports import aar, history, summary
from dientap_desktop.reports.document import para, styles, whole_words
from dientap_desktop.reports.export import REPORT_KEYS, export_reports
from dientap_desktop.reports.sample import sample_snapshot
from tests.test_reports_pdf import Pdf

NUMBER = re.compile(r"Số: /BC-\.{6,} ")  # the number and the abbreviation written by hand
NO_AWARD = "Chưa đề nghị khen thưởng vì "
LATER = "; việc đề nghị khen thưởng thực hiện khi có kết quả cuối cùng."


def _aar(snapshot, folder) -> Pdf:
    return Pdf(export_reports(snapshot, folder, ["aar"])[0])


# ------------------------------------------------------------------ 1. not final: a draft


def _states():
    """Snapshots in every state a result can be in, with whether it is final."""
    incomplete = sample_snapshot(observers=1)  # finished, a post lacks a score, no disagreement
    final = sample_snapshot(observers=1, complete=True)
    clock = final.clock
    return {
        "planned": (replace(final, clock=replace(clock, events=()), deliveries=(),
                            decisions=(), scores=()), False),
        "running": (replace(final, clock=replace(clock, events=clock.events[:3])), False),
        "finished, scores incomplete": (incomplete, False),
        "finished, provisional": (sample_snapshot(complete=True), False),
        "finished, final": (final, True),
    }


@pytest.mark.parametrize("state", list(_states()))
def test_a_report_is_a_draft_proposing_no_award_exactly_when_its_result_is_not_final(
        state, tmp_path):
    snapshot, final = _states()[state]
    pdf = _aar(snapshot, tmp_path)
    first = pdf.pages[0]
    awards = pdf.text.split("VII. ĐỀ NGHỊ KHEN THƯỞNG")[1]
    assert ("DỰ THẢO" in first) is not final
    assert (NO_AWARD in awards) is not final
    assert ("xem xét, khen thưởng" in awards or "không đề nghị khen thưởng" in awards) is final
    if not final:
        assert first.index("DỰ THẢO") < first.index("BÁO CÁO")
        assert aar.not_final(snapshot) and LATER.strip("; ") in awards


def test_a_finished_exercise_with_a_post_not_scored_in_full_is_a_draft(tmp_path):
    pdf = _aar(sample_snapshot(observers=1), tmp_path)
    assert "DỰ THẢO" in pdf.pages[0]
    assert "Kết quả chung: chưa đủ điểm để tổng hợp." in pdf
    assert f"{NO_AWARD}còn 1 cương vị chưa chấm đủ điểm{LATER}" in pdf
    assert "Chưa đủ điểm để đề nghị khen thưởng" not in pdf.text  # the old words, no draft


def test_every_reason_is_told_once_in_one_sentence(tmp_path):
    sample = sample_snapshot()  # finished, a post lacks a score, observers disagree
    assert aar.not_final(sample) == "còn 1 cương vị chưa chấm đủ điểm và kết quả còn tạm tính"
    running = replace(sample, clock=replace(sample.clock, events=sample.clock.events[:3]))
    assert aar.not_final(running) == ("cuộc diễn tập chưa kết thúc, còn 1 cương vị chưa chấm "
                                      "đủ điểm và kết quả còn tạm tính")
    pdf = _aar(running, tmp_path)
    assert f"{NO_AWARD}{aar.not_final(running)}{LATER}" in pdf


# ------------------------------------------------------------------ 2. number and symbol


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    paths = export_reports(sample_snapshot(), tmp_path_factory.mktemp("papers"))
    return {p.stem: Pdf(p) for p in paths}


def test_the_report_leaves_its_number_and_the_issuers_abbreviation_to_fill_by_hand(papers):
    first = papers["aar"].pages[0]
    found = NUMBER.search(first)
    assert found, first[:300]
    # under the issuing body, before the title
    assert first.index("BAN CHỈ ĐẠO DIỄN TẬP") < found.start() < first.index("BÁO CÁO")
    assert "Số: /BC " not in first  # never a symbol without its abbreviation
    assert len(NUMBER.findall(papers["aar"].text)) == 1


def test_the_summary_is_the_reports_appendix_and_the_report_says_so(papers):
    summary = papers["summary"].pages[0]
    assert not NUMBER.search(summary) and "Số:" not in summary  # no number of its own
    reference = re.search(r"\(Kèm theo Báo cáo số /BC-\.{6,} ngày 05 tháng 02 năm 2023\)",
                          summary)
    assert reference, summary[:400]
    assert summary.index("BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ") < reference.start() \
        < summary.index("Cuộc diễn tập:")
    assert ("Điểm và xếp loại của từng cương vị tại Bảng tổng hợp kết quả đánh giá kèm theo "
            "báo cáo này.") in papers["aar"]


@pytest.mark.parametrize("key", ["scoring", "blank", "log"])
def test_forms_and_the_log_carry_no_number(papers, key):
    assert "Số:" not in papers[key].text and "/BC" not in papers[key].text


# ------------------------------------------------------------------ 3. the place of the date


@pytest.mark.parametrize("place, named", [
    ("Xã Đông Sơn, huyện Yên Bình, tỉnh Sơn Hà", "Sơn Hà"),
    ("Trụ sở Ủy ban nhân dân phường Đông Sơn, tỉnh Sơn Hà", "Sơn Hà"),
    ("Phường 12, Quận 3, TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Phường Đông Sơn,", "Đông Sơn"),
])
def test_every_paper_names_the_largest_unit_of_a_long_place(place, named, tmp_path):
    sample = sample_snapshot()
    snapshot = replace(sample, info=replace(sample.info, place=place))
    for key, path in zip(REPORT_KEYS, export_reports(snapshot, tmp_path), strict=True):
        pdf = Pdf(path)
        assert f"{named}, ngày 05 tháng 02 năm 2023" in pdf.pages[0], key
        assert f"Địa điểm: {place.rstrip(',')}" in pdf.pages[0], key  # whole under the title
        if key in ("summary", "log", "aar"):  # a sheet's foot may leave the date out
            assert all(f"· {named}, ngày 05 tháng 02 năm 2023" in page
                       for page in pdf.pages), key


def test_a_place_not_given_leaves_a_dotted_space(tmp_path):
    sample = sample_snapshot()
    snapshot = replace(sample, info=replace(sample.info, place=" "))
    for path in export_reports(snapshot, tmp_path):
        first = Pdf(path).pages[0]
        assert re.search(r"(^| )\.{12}, ngày 05 tháng 02 năm 2023", first), path.stem


# ------------------------------------------------------------------ 5. breaks a reader trips on


def _lines(cell) -> list[str]:
    """A table cell's lines as printed (a plain cell is pre-wrapped with its line breaks)."""
    assert isinstance(cell, str), cell
    return [" ".join(line.split()) for line in cell.split("\n")]


def test_each_observers_score_of_a_disagreement_is_on_a_line_of_its_own():
    sample = sample_snapshot(observers=5, complete=True)  # a name long enough to wrap
    table = summary.disagreement_table(sample)
    assert len(table.rows) > 1
    for row in table.rows[1:]:
        entries, current = [], []
        for line in _lines(row[-1]):
            current.append(line)
            if re.search(r": \d+(,\d+)?$", line):  # a score ends the observer's entry
                entries.append(" ".join(current))
                current = []
        assert not current
        assert [entry.rsplit(": ", 1)[0] for entry in entries] == list(sample.observers)


def test_a_person_s_name_breaks_after_the_rank_never_inside_the_name():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from dientap_desktop.reports.document import person_lines, styles

    font, size = styles().cell.fontName, styles().cell.fontSize
    name = "Thượng tá Lê Thị Minh Hà: 1,75"
    width = stringWidth("Lê Thị Minh Hà: 1,75", font, size) + 2  # the name fits, not the rank
    assert person_lines(name, font, size, width) == ["Thượng tá", "Lê Thị Minh Hà: 1,75"]
    assert person_lines(name, font, size, 1000) == [name]
    assert person_lines("Lê Thị Minh Hà: 1,75", font, size, width / 2)[0] == "Lê Thị"  # only
    # a name wider than the line is parted, between its syllables


def test_a_flagged_criterion_keeps_its_number_with_its_word():
    table = summary.results_table(sample_snapshot())
    flagged = [_lines(row[-1]) for row in table.rows[1:-1] if "Có" in str(row[-1])]
    assert flagged
    for lines in flagged:
        assert not any(line.endswith("tiêu chí") for line in lines), lines
        assert any(re.search(r"tiêu chí \d", line) for line in lines), lines


def test_the_historys_making_of_the_exercise_keeps_its_words_whole():
    assert history.ACTIONS["create"] == "Lập cuộc diễn tập"
    cell = para(whole_words(history.ACTIONS["create"]), styles().cell)
    lines = [" ".join("".join(v for _, v in frags).split()) for _, frags, _ in
             cell.lines_at(28 * mm - 6)]  # the column "Việc"
    assert lines == ["Lập cuộc", "diễn tập"]
