"""What a committee member reading the five papers asked for: results not final say so (and the
after-action report is a draft that proposes no award), sections that agree with each other,
the criterion named "tiêu chí", readable tables, and no computer artefacts on paper."""

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from fractions import Fraction

import pytest

from dientap_desktop.domain.records import LogEntry
from dientap_desktop.reports import aar, exercise_log, scoring, summary
from dientap_desktop.reports.document import GridTable, Stack
from dientap_desktop.reports.export import export_reports
from dientap_desktop.reports.sample import sample_snapshot
from tests.test_reports_pdf import Pdf
from tests.test_reports_unfinished import printed, run_until

PAUSED = ("Cuộc diễn tập đang tạm dừng từ 08:42:30 ngày 13/11/2025, chưa kết thúc (đã phát "
          "2/11 tình huống); kết quả chưa phải kết quả cuối cùng.")
NOT_FINAL = "kết quả chưa phải kết quả cuối cùng"


@pytest.fixture(scope="module")
def paused(tmp_path_factory):
    """A paused exercise (no date typed, no score) printed the next day."""
    folder = tmp_path_factory.mktemp("paused")
    path = folder / "ex.dientap"
    now = run_until(path, "pause")
    return printed(path, folder / "pdf", now.moment + timedelta(days=1))


@pytest.fixture(scope="module")
def final(tmp_path_factory):
    """A finished exercise whose result is final (one observer: nothing to settle)."""
    return {p.stem: Pdf(p) for p in export_reports(sample_snapshot(observers=1, complete=True),
                                                    tmp_path_factory.mktemp("final"))}


@pytest.fixture(scope="module")
def provisional(tmp_path_factory):
    """A finished exercise whose observers still disagree on a criterion."""
    sample = sample_snapshot(complete=True)
    assert sample.results().disagreements
    return {p.stem: Pdf(p) for p in export_reports(sample, tmp_path_factory.mktemp("prov"))}


# ------------------------------------------------------------------ 1. not finished


def test_the_summary_and_every_scoring_sheet_of_a_paused_exercise_say_so(paused):
    assert PAUSED in paused["summary"].pages[0]
    sheets = [page for page in paused["scoring"].pages if "PHIẾU CHẤM ĐIỂM" in page]
    assert len(sheets) == 6
    for page in sheets:  # under the title, before the exercise's lines
        assert PAUSED in page
        assert page.index("PHIẾU CHẤM ĐIỂM") < page.index(PAUSED) < page.index("Cuộc diễn tập:")


def test_a_planned_exercise_says_it_has_not_started():
    sample = sample_snapshot()
    planned = replace(sample, clock=replace(sample.clock, events=()), deliveries=(),
                      decisions=())
    assert exercise_log.unfinished_notice(planned) == (
        "Cuộc diễn tập chưa bắt đầu (chưa phát tình huống nào); kết quả chưa phải kết quả cuối "
        "cùng.")


def test_a_finished_exercise_says_nothing_of_it(final, provisional):
    for pdfs in (final, provisional):
        for key in ("summary", "scoring", "aar"):
            assert NOT_FINAL not in pdfs[key].text, key


# ------------------------------------------------------------------ 2. a draft, no awards


def test_the_aar_of_an_unfinished_exercise_is_a_draft_proposing_nobody(paused):
    pdf = paused["aar"]
    first = pdf.pages[0]
    assert "DỰ THẢO" in first and first.index("DỰ THẢO") < first.index("BÁO CÁO")
    assert ("Chưa đề nghị khen thưởng vì cuộc diễn tập chưa kết thúc và còn 6 cương vị chưa "
            "chấm đủ điểm; việc đề nghị khen thưởng thực hiện khi có kết quả cuối cùng.") in pdf


def test_a_provisional_result_makes_a_draft_too(provisional):
    pdf = provisional["aar"]
    assert "DỰ THẢO" in pdf.pages[0]
    assert "Chưa đề nghị khen thưởng vì kết quả còn tạm tính;" in pdf
    assert "xem xét, khen thưởng" not in pdf.text


def test_a_final_result_prints_as_a_report_with_its_proposal(final):
    pdf = final["aar"]
    assert "DỰ THẢO" not in pdf.text
    assert "xem xét, khen thưởng các tập thể, cá nhân đảm nhiệm cương vị đạt loại Giỏi:" in pdf


# ------------------------------------------------------------------ 3. section V agrees with I


def test_no_criterion_ranked_without_a_post_scored_in_full(paused):
    pdf = paused["aar"]
    assert "Kết quả chung: chưa đủ điểm để tổng hợp." in pdf
    section = pdf.text.split("V. KẾT QUẢ THEO TIÊU CHÍ ĐÁNH GIÁ")[1].split("VI.")[0]
    assert "Chưa đủ điểm để tổng hợp kết quả theo tiêu chí đánh giá" in section
    assert "cao nhất" not in section and "%" not in section


def test_criteria_are_ranked_on_the_posts_scored_in_full(tmp_path):
    pdf = Pdf(export_reports(sample_snapshot(), tmp_path, ["aar"])[0])  # one post lacks one
    section = pdf.text.split("V. KẾT QUẢ THEO TIÊU CHÍ ĐÁNH GIÁ")[1].split("VI.")[0]
    assert "Tính trên 2/3 cương vị đã được chấm đủ điểm." in section
    # every percentage with one decimal
    shares = re.findall(r"(\d+(?:,\d+)?)%", section)
    assert shares and all(re.fullmatch(r"\d+,\d", share) for share in shares)
    highest = section.split("Các tiêu chí còn thấp nhất")[0]
    lowest = section.split("Các tiêu chí còn thấp nhất")[1]
    low_shares = set(re.findall(r"(\d+,\d)%", lowest))
    assert low_shares and not low_shares & set(re.findall(r"(\d+,\d)%", highest))


def test_criteria_all_alike_are_told_in_a_line(tmp_path):
    sample = sample_snapshot(observers=1, complete=True)
    alike = tuple(replace(s, value=sample.scenario.criterion(s.criterion_id).max * 3 / 4)
                  for s in sample.scores)
    pdf = Pdf(export_reports(replace(sample, scores=alike), tmp_path, ["aar"])[0])
    assert "Các tiêu chí đánh giá đều đạt tỷ lệ điểm như nhau: 75,0% điểm tối đa." in pdf
    assert "cao nhất" not in pdf.text and "thấp nhất" not in pdf.text


def test_ties_never_stand_among_both_the_highest_and_the_lowest():
    sample = sample_snapshot(observers=1, complete=True)
    # every criterion at 3/4 but one at the full maximum: 1 highest, the rest lowest... all
    # alike but one; the lowest list holds none at the highest's share
    first = sample.scenario.criteria[0].id
    scores = tuple(replace(s, value=sample.scenario.criterion(s.criterion_id).max
                           * (1 if s.criterion_id == first else Fraction(3, 4)))
                   for s in sample.scores)
    standings = aar.criterion_standings(replace(sample, scores=scores))
    parts = aar.criteria_section(replace(sample, scores=scores))
    tables = [p for p in parts if isinstance(p, GridTable)]
    assert len(tables) == 2
    listed = [[row[1].text if hasattr(row[1], "text") else row[1] for row in t.rows[1:]]
              for t in tables]
    assert len(listed[0]) == 1 and standings[0].share == 1
    assert not set(map(str, listed[0])) & set(map(str, listed[1]))


# ------------------------------------------------------------------ 4. a partly answered inject


def test_a_partly_answered_inject_is_flagged_in_the_table_and_the_chart(final):
    pdf = final["aar"]  # inject 4 targets two posts; one answered
    assert "1/2 (*)" in pdf
    assert "(*) Chưa đủ các cương vị xử trí" in pdf
    assert "(1/2 cương vị)" in pdf  # beside its bar


# ------------------------------------------------------------------ 5. "tiêu chí"


def test_a_criterion_is_a_tieu_chi_on_every_paper(provisional, tmp_path):
    blank = provisional["blank"]
    assert "mã tiêu chí ở cuối ô" in blank and "Tiêu chí đánh giá" in blank
    assert "Tiêu chí đánh giá" in provisional["scoring"]
    assert "3. Các tiêu chí có chênh lệch điểm" in provisional["summary"]
    assert "chênh lệch quá 1/4 điểm tối đa ở 3 tiêu chí" in provisional["aar"]
    pdf = Pdf(export_reports(sample_snapshot(), tmp_path, ["scoring"])[0])
    assert "Còn thiếu điểm: tiêu chí 4." in pdf
    for pdfs in (provisional,):
        for key in ("scoring", "summary"):
            words = pdfs[key].text.replace("nội dung diễn tập", "")  # a criterion's own text
            assert "nội dung" not in words.lower(), key


# ------------------------------------------------------------------ 7. many observers


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_twelve_observers_keep_the_key_the_total_and_their_signatures_apart(tmp_path):
    sample = sample_snapshot(observers=12, complete=True)
    path = export_reports(sample, tmp_path, ["scoring"])[0]
    pdf = Pdf(path)
    key = "Người đánh giá: " + "; ".join(
        f"({n}) {name}" for n, name in enumerate(sample.observers, 1)) + "."
    for title in [p.title for p in sample.scenario.posts]:
        pages = [page for page in pdf.pages if f"Cương vị: {title}" in page
                 or title[:30] in page]
        assert pages
    # the key whole on one page, and the total on the page of its table's sums
    holding = [page for page in pdf.pages if key in page]
    assert len(holding) == len(sample.scenario.posts)
    for page in pdf.pages:
        if "Tổng điểm quy đổi" in page:
            assert "Cộng" in page and page.index("Cộng") < page.index("Tổng điểm quy đổi")
    # a grid of three a row, a clear gap between a row's names and the next row's titles
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    page = next(p for p in html.split("<page ")[1:] if p.count(">NGƯỜI<") == 12)
    words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page)
    titles = sorted({round(float(top)) for top, _, word in words if word == "NGƯỜI"})
    assert len(titles) == 4  # rows
    names = sorted({round(float(bottom)) for _, bottom, word in words if word == "giá"
                    and round(float(bottom)) not in titles})
    gaps = [below - max(n for n in names if above < n < below)
            for above, below in zip(titles, titles[1:], strict=False)
            if any(above < n < below for n in names)]  # the rows of "Người đánh giá số N"
    assert gaps and min(gaps) >= 18  # far more than a line's leading apart


# ------------------------------------------------------------------ 8. the day it started


def test_an_exercise_without_a_date_is_dated_by_the_day_it_started(paused):
    for key in ("summary", "scoring", "blank", "log", "aar"):
        first = paused[key].pages[0]
        assert "Hòa Bình, ngày 13 tháng 11 năm 2025" in first, key
        assert "Ngày: 13/11/2025" in first, key
        # nothing left to write by hand but the number and symbol (the program numbers nothing)
        assert "...." not in first.split("Cuộc diễn tập:")[0].replace("/BC-........", ""), key


def test_the_day_it_started_is_vietnams():
    sample = sample_snapshot()
    late = datetime(2023, 11, 14, 17, 30, tzinfo=UTC)  # 00:30 on the 15th in Vietnam
    undated = replace(sample, info=replace(sample.info, date=None),
                      clock=replace(sample.clock, events=tuple(
                          replace(e, at=late + (e.at - sample.clock.events[0].at))
                          for e in sample.clock.events)))
    assert undated.with_start_day().info.date.isoformat() == "2023-11-15"
    planned = replace(undated, clock=replace(undated.clock, events=()))
    assert planned.with_start_day().info.date is None  # dotted, to write by hand


# ------------------------------------------------------------------ 11. headers


COMPOUNDS = ("cương vị", "đánh giá", "yêu cầu", "đảm nhiệm", "xử trí", "trung bình",
             "chênh lệch", "tiêu chí", "kế hoạch", "tối đa")


def _tables(flowables):
    for item in flowables:
        if isinstance(item, GridTable):
            yield item
        for inner in ("items", "body", "_content"):
            found = getattr(item, inner, None)
            if isinstance(found, list):
                yield from _tables(found)
            elif found is not None and not isinstance(found, (str, int)):
                yield from _tables([found])


def test_no_header_parts_a_word_of_two_syllables():
    sample = sample_snapshot(observers=2)
    stories = [scoring.scoring_story(sample), scoring.blank_story(sample),
               summary.summary_story(sample), exercise_log.log_story(sample),
               aar.aar_story(sample)]
    seen = 0
    for story in stories:
        for table in _tables(story):
            for row in table.rows[:table.header_rows]:
                for cell in row:
                    if isinstance(cell, str):
                        seen += 1
                        lowered = cell.lower().replace("\u00a0", " ")
                        for word in COMPOUNDS:
                            first, second = word.split()
                            assert f"{first}\n{second}" not in lowered, (cell, word)
    assert seen > 20
    assert Stack  # the stacks are walked


def test_a_rating_is_never_cut_in_the_summary(tmp_path):
    sample = sample_snapshot(observers=1, complete=True)
    low = tuple(replace(s, value=sample.scenario.criterion(s.criterion_id).max * Fraction(11, 20))
                for s in sample.scores)
    layout = subprocess.run(
        ["pdftotext", "-layout",
         str(export_reports(replace(sample, scores=low), tmp_path, ["summary"])[0]), "-"],
        capture_output=True, text=True, check=True).stdout
    assert "Đạt yêu cầu" in layout  # on one line


# ------------------------------------------------------------------ 12. no computer artefacts


def test_the_history_names_no_kit_file_and_the_aar_no_kind_other(tmp_path):
    sample = sample_snapshot()
    merged = LogEntry(1, sample.clock.events[-1].at, "merge", None, None,
                      "Gộp bộ phiếu của Đại tá Trần Quốc Hùng (dai-ta-tran-quoc-hung.dtkit): "
                      "thêm 30, thay 0, giữ nguyên 0 điểm; thêm 3 nhận xét",
                      {"observer": "Đại tá Trần Quốc Hùng", "file": "dai-ta-tran-quoc-hung.dtkit"})
    other = replace(sample, log=(merged,),
                    scenario=replace(sample.scenario, kind="other",
                                     title="Diễn tập khu vực phòng thủ tổng hợp"))
    log, report = (Pdf(p) for p in export_reports(other, tmp_path, ["log", "aar"]))
    assert "Gộp bộ phiếu của Đại tá Trần Quốc Hùng: thêm 30 điểm; thêm 3 nhận xét" in log
    assert ".dtkit" not in log.text and "tệp diễn tập" not in log.text
    assert "Nội dung: Diễn tập khu vực phòng thủ tổng hợp." in report
    assert "Khác" not in report.text


# ------------------------------------------------------------------ 13. charts with news


def test_response_times_all_alike_are_told_in_a_line(tmp_path):
    sample = sample_snapshot()
    runs = {d.inject_id: d.at for d in sample.deliveries}
    alike = tuple(replace(d, given_at=runs[d.inject_id] + timedelta(minutes=2))
                  for d in sample.decisions)
    pdf = Pdf(export_reports(replace(sample, decisions=alike), tmp_path, ["aar"])[0])
    assert ("Thời gian xử trí trung bình của các tình huống đã có xử trí đều là 2,0 phút (không "
            "lập biểu đồ).") in pdf
    assert "Biểu đồ 1." not in pdf.text
    quick = tuple(replace(d, given_at=runs[d.inject_id] + timedelta(seconds=20))
                  for d in sample.decisions)
    pdf = Pdf(export_reports(replace(sample, decisions=quick), tmp_path / "q", ["aar"])[0])
    assert "đều dưới 1 phút (không lập biểu đồ)" in pdf


def test_an_inject_named_by_its_number_is_not_numbered_twice(tmp_path):
    sample = sample_snapshot()
    injects = tuple(replace(i, title=f"Tình huống {n}: {i.title}")
                    for n, i in enumerate(sample.scenario.injects, 1))
    numbered = replace(sample, scenario=replace(sample.scenario, injects=injects))
    log, report = (Pdf(p) for p in export_reports(numbered, tmp_path, ["log", "aar"]))
    assert "Tình huống 1: Đối tượng chiếm trụ sở" in log
    assert "Tình huống 1: Tình huống 1" not in log.text
    assert "TH 1. Tình huống 1" not in report.text and "TH 1. Đối tượng chiếm" in report


def test_four_observers_sign_two_and_two_none_alone_on_a_row(tmp_path):
    sample = sample_snapshot(observers=4, complete=True)
    path = export_reports(sample, tmp_path, ["scoring"])[0]
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    page = next(p for p in html.split("<page ")[1:] if p.count(">NGƯỜI<") == 4)
    places = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">NGƯỜI<',
                        page)
    rows = {}
    for left, top in places:
        rows.setdefault(round(float(top)), []).append(round(float(left)))
    assert sorted(len(row) for row in rows.values()) == [2, 2]


def test_the_notes_on_one_inject_are_printed_in_the_order_they_came_in():
    """Several proposals on one inject, from two observers: printed as they came in (the
    file's order), not shuffled by their ids, which are random."""
    from dientap_desktop.domain.records import Note

    sample = sample_snapshot()
    inject = sample.scenario.injects[0].id
    names = ("Đại tá Trần Quốc Hùng", "Thượng tá Lê Thị Minh Hà")
    ids = ("f3", "0a", "c7", "19", "e2", "5b")
    came = tuple(Note(ids[n], names[n % 2], "proposal", f"Đề xuất số {n + 1}.", inject)
                 for n in range(6))
    flowables = aar.notes_section(replace(sample, notes=came), "proposal")
    printed_order = [int(re.search(r"số (\d)", f.text if hasattr(f, "text") else str(f))[1])
                     for f in flowables]
    assert printed_order == [1, 2, 3, 4, 5, 6]


def test_an_exercise_that_ran_past_midnight_is_reported_on_the_day_it_ended(tmp_path):
    """Started at 22:00 on the 15th, finished after midnight: the papers are dated the 16th
    (a report is not dated before what it tells), the exercise's own date stays the 15th."""
    sample = sample_snapshot(observers=1, complete=True)
    night = datetime(2023, 2, 5, 15, 0, tzinfo=UTC)  # 22:00 on the 5th in Vietnam
    late = replace(sample, clock=replace(sample.clock, events=tuple(
        replace(e, at=night + (e.at - sample.clock.events[0].at))
        for e in sample.clock.events)))
    late = replace(late, clock=replace(late.clock, events=late.clock.events[:-1] + (replace(
        late.clock.events[-1], at=datetime(2023, 2, 5, 20, 34, tzinfo=UTC)),)))  # 03:34
    pdfs = {p.stem: Pdf(p) for p in export_reports(late, tmp_path, ["aar", "summary", "log"])}
    for key, pdf in pdfs.items():
        first = pdf.pages[0]
        assert "ngày 06 tháng 02 năm 2023" in first and "ngày 05 tháng 02" not in first.split(
            "Cuộc diễn tập:")[0], key
        assert "Ngày: 05/02/2023" in first, key  # the exercise's date, as typed
    same_day = {p.stem: Pdf(p) for p in export_reports(sample, tmp_path / "b", ["aar"])}
    assert "ngày 05 tháng 02 năm 2023" in same_day["aar"].pages[0]
