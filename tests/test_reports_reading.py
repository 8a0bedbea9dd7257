"""What the signing committee checks on paper, read back from the PDFs: minutes that follow from
the times printed, means that add up, the wording, the quotation marks, the minus sign, the
signature blocks."""

import re
from dataclasses import replace
from datetime import timedelta
from fractions import Fraction

import pytest

from dientap_desktop.domain.records import Score
from dientap_desktop.domain.run import whole_minutes
from dientap_desktop.domain.scenario import KIND_LABELS
from dientap_desktop.reports import fonts
from dientap_desktop.reports.export import REPORT_KEYS, export_reports
from dientap_desktop.reports.sample import sample_snapshot
from tests.test_reports_pdf import Pdf

MINUS = "\u2212"
SIGN_NOTE = "(Ký, ghi rõ họ tên)"


def seconds_of(clock: str) -> int:
    hours, minutes, seconds = map(int, clock.split(":"))
    return hours * 3600 + minutes * 60 + seconds


def minutes_between(earlier: str, later: str) -> int:
    """The minutes a reader counts between two printed times, rounded as the program rounds."""
    return whole_minutes((seconds_of(later) - seconds_of(earlier)) / 60)


@pytest.fixture(scope="module")
def odd_seconds():
    """The sample run with times that fall between whole minutes: each delivery 35.9 s late,
    decisions at odd seconds, the finish at 38.7 s; one inject early."""
    sample = sample_snapshot(complete=True)
    deliveries = [replace(d, at=d.at + timedelta(seconds=35.9)) for d in sample.deliveries]
    # inject 3 (planned at 00:40) handed out at 00:37:12: 3 minutes early
    deliveries[2] = replace(deliveries[2], at=sample.clock.started_at
                            + timedelta(minutes=37, seconds=12.4))
    decisions = [replace(d, given_at=d.given_at + timedelta(seconds=13.2 * d.id + 0.7))
                 for d in sample.decisions]
    events = list(sample.clock.events)
    events[-1] = replace(events[-1], at=events[-1].at + timedelta(seconds=38.7))
    return replace(sample, deliveries=tuple(deliveries), decisions=tuple(decisions),
                   clock=replace(sample.clock, events=tuple(events)))


@pytest.fixture(scope="module")
def odd_pdfs(odd_seconds, tmp_path_factory):
    out = tmp_path_factory.mktemp("odd-seconds")
    paths = export_reports(odd_seconds, out)
    return {key: Pdf(path) for key, path in zip(REPORT_KEYS, paths, strict=True)}


# ------------------------------------------------------------------ 1. times to the second


INJECT_ROW = re.compile(r"(\d\d:\d\d) (\d\d:\d\d:\d\d) \((\d\d:\d\d:\d\d)\) ([+−]?\d+)")


def test_the_log_prints_times_to_the_second_and_its_minutes_follow_from_them(odd_pdfs):
    log = odd_pdfs["log"]
    assert "Bắt đầu diễn tập: 07:30:00 ngày 15/11/2023" in log
    assert "Kết thúc diễn tập: 09:20:38 ngày 15/11/2023" in log
    assert "Tạm dừng diễn tập từ 08:15:00 đến 08:27:00 (12 phút)" in log
    rows = INJECT_ROW.findall(log.text)
    assert len(rows) == 4  # the four delivered
    for planned, actual, elapsed, delay in rows:
        # the elapsed time is the clock time less the start (07:30:00) and any pause before it
        paused = 12 * 60 if actual > "08:27:00" else 0
        assert seconds_of(actual) - seconds_of("07:30:00") - paused == seconds_of(elapsed)
        told = int(delay.replace(MINUS, "-")) if delay != "0" else 0
        assert told == minutes_between(planned + ":00", elapsed)
    # a decision's response minutes follow from the printed times: inject 1 at 07:31:35,
    # the police's report at 07:33:13 (1 min 38 s: 2), the chair's decision at 07:36:27 (5)
    assert "Tình huống 1: Đối tượng chiếm trụ sở, bắt giữ con tin 08 giờ 15 ngày N — Tổ tuần " \
           "tra báo cáo 00:00 07:31:35 (00:01:35) +2" in log
    assert "tỉnh <khẩn>. 07:33:13 2" in log
    assert minutes_between("07:31:35", "07:33:13") == 2
    assert "Hạ quyết tâm bao vây, cô lập. 07:36:27 5" in log
    assert minutes_between("07:31:35", "07:36:27") == 5
    # running 09:20:38 - 07:30:00 = 110 min 38 s, less the pause of 12: 98 min 38 s, told 99
    assert "Thời gian diễn tập 99 phút (không kể 12 phút tạm dừng)." in log
    assert "giờ:phút:giây" in log


def test_the_aar_prints_the_start_and_the_end_to_the_second(odd_pdfs):
    aar = odd_pdfs["aar"]
    assert ("Bắt đầu lúc 07 giờ 30 phút 00 giây ngày 15/11/2023, kết thúc lúc 09 giờ 20 phút "
            "38 giây ngày 15/11/2023; thời gian diễn tập 99 phút (không kể 12 phút tạm dừng).") \
        in aar
    assert "Đối tượng chiếm trụ sở, bắt giữ con tin 07:31:35 +2" in aar


# ------------------------------------------------------------------ 8. the minus sign


def test_an_early_inject_is_told_with_a_minus_sign(odd_pdfs):
    log, aar = odd_pdfs["log"], odd_pdfs["aar"]
    assert f"00:40 08:07:12 (00:37:12) {MINUS}3" in log
    assert f"08:07:12 {MINUS}3" in aar
    for pdf in (log, aar):
        assert not re.search(r"(?<![\d:/])-\d", pdf.text)  # no hyphen before a number
    assert ord(MINUS) in fonts_cmap()


def fonts_cmap():
    from reportlab.pdfbase import pdfmetrics

    fonts.register_fonts()
    return pdfmetrics.getFont(fonts.REGULAR).face.charToGlyph


# ------------------------------------------------------------------ 2. means that add up


def test_the_means_and_the_total_have_two_decimals_and_a_note_says_how_they_add_up(tmp_path):
    sample = sample_snapshot(complete=True)
    # the police: 1,75 and 2 on criterion 1 (mean 1,875), then whole scores
    scores = [s for s in sample.scores if s.post_id != "cong-an"]
    given = {"nam-tinh-hinh": (Fraction(7, 4), Fraction(2)), "van-kien": (Fraction(3),) * 2,
             "xu-tri": (Fraction(2), Fraction(1)), "hiep-dong": (Fraction(3, 2),) * 2}
    for criterion, values in given.items():
        for name, value in zip(sample.observers, values, strict=True):
            scores.append(Score(name, "cong-an", criterion, value))
    pdf = Pdf(export_reports(replace(sample, scores=tuple(scores)), tmp_path, ["scoring"])[0])
    sheet = next(page for page in pdf.pages if "Cương vị: Trưởng Công an phường" in page)
    # 1,88 + 3,00 + 1,50 + 1,50 = 7,88 printed; the total of the unrounded means 7,875: 7,88
    assert "2 1,75 2 1,88" in sheet
    assert "3 3 3 3,00" in sheet
    assert "3 2 1 1,50" in sheet
    assert "2 1,5 1,5 1,50" in sheet
    assert "Cộng 10 8,25 7,50 7,88" in sheet  # the sums with two decimals too
    assert ("Điểm trung bình làm tròn hai chữ số thập phân; tổng cộng và điểm quy đổi tính từ "
            "điểm chưa làm tròn.") in sheet
    assert "Tổng điểm quy đổi (thang 10): 7,88" in sheet


def test_means_that_need_no_rounding_need_no_note(tmp_path):
    pdf = Pdf(export_reports(sample_snapshot(observers=1, complete=True), tmp_path,
                             ["scoring"])[0])
    assert "làm tròn" not in pdf.text
    # one observer: the mean is the score, still with two decimals, as the total
    assert re.search(r"Cộng 10 \S+ \d+,\d\d ", pdf.text)
    for total in re.findall(r"Cộng 10 \S+ (\S+)", pdf.text):
        assert re.fullmatch(r"\d+,\d\d", total), total


# ------------------------------------------------------------------ 3. wording


def test_the_observers_are_nhung_nguoi_danh_gia(pdfs_sample):
    scoring, summary = pdfs_sample["scoring"], pdfs_sample["summary"]
    assert "(*) Điểm của những người đánh giá chênh lệch quá 1/4 điểm tối đa" in scoring
    assert "3. Các tiêu chí có chênh lệch điểm giữa những người đánh giá" in summary
    for pdf in (scoring, summary):
        assert "các người đánh giá" not in pdf.text
        assert "giữa người đánh giá" not in pdf.text


def test_awards_go_to_the_collectives_and_persons_in_the_posts(tmp_path):
    sample = sample_snapshot(observers=1, complete=True)  # finished, a final result
    pdf = Pdf(export_reports(sample, tmp_path, ["aar"])[0])
    assert ("Đề nghị cấp có thẩm quyền xem xét, khen thưởng các tập thể, cá nhân đảm nhiệm "
            "cương vị đạt loại Giỏi:") in pdf
    assert "khen thưởng các cương vị" not in pdf.text
    half = tuple(replace(s, value=sample.scenario.criterion(s.criterion_id).max / 2)
                 for s in sample.scores)
    none = Pdf(export_reports(replace(sample, scores=half), tmp_path / "half", ["aar"])[0])
    # nobody proposed for rating Khá at best
    assert "Không có cương vị đạt loại Giỏi; không đề nghị khen thưởng." in none
    assert "xem xét" not in none.text and "DỰ THẢO" not in none.text


# ------------------------------------------------------------------ 5. quotation marks


def test_quotation_marks_are_vietnamese_everywhere(tmp_path):
    sample = sample_snapshot()
    decisions = list(sample.decisions)
    decisions[0] = replace(decisions[0], text="Báo cáo theo mẫu «Báo cáo nhanh».")
    quoted = replace(sample, decisions=tuple(decisions),
                     info=replace(sample.info, name="Diễn tập «Đông Sơn 2023»"))
    for key, path in zip(REPORT_KEYS, export_reports(quoted, tmp_path), strict=True):
        pdf = Pdf(path)
        assert "«" not in pdf.text and "»" not in pdf.text, key
        assert "“Đông Sơn 2023”" in pdf, key
    assert "Báo cáo theo mẫu “Báo cáo nhanh”." in Pdf(tmp_path / "log.pdf")


# ------------------------------------------------------------------ 6. the kind and the title


def test_the_aar_names_the_scenario_once_when_its_title_is_the_kind(tmp_path, pdfs_sample):
    label = KIND_LABELS["hostage_rescue"]
    assert f"Nội dung: {label} (kịch bản “Kịch bản mẫu”)." in pdfs_sample["aar"]
    sample = sample_snapshot()
    same = replace(sample, scenario=replace(sample.scenario, title=label))
    pdf = Pdf(export_reports(same, tmp_path, ["aar"])[0])
    assert f"Nội dung: {label}." in pdf
    assert "kịch bản" not in pdf.pages[0].split("Khung tập")[0].split("Nội dung:")[1]


# ------------------------------------------------------------------ 7. the blank sheets' sum


def test_the_blank_sheet_tells_the_conversion_only_when_there_is_one(tmp_path, pdfs_sample):
    # every post's maximum total is 10, the scale's: the total is the score
    assert "Cách tính" not in pdfs_sample["blank"].text
    assert "× 10 : 10" not in pdfs_sample["blank"].text
    sample = sample_snapshot()
    criteria = tuple(replace(c, max=Fraction(4)) if c.id == "to-chuc" else c
                     for c in sample.scenario.criteria)
    twelve = replace(sample, scenario=replace(sample.scenario, criteria=criteria))
    pdf = Pdf(export_reports(twelve, tmp_path, ["blank"])[0])
    chair = next(page for page in pdf.pages if "Cương vị: Chủ tịch UBND phường" in page)
    assert ("Cách tính: điểm quy đổi = tổng điểm chấm × 10 : 12 (tổng điểm tối đa), làm tròn "
            "đến hai chữ số thập phân.") in chair
    police = next(page for page in pdf.pages if "Cương vị: Trưởng Công an phường" in page)
    assert "Cách tính" not in police  # its maximum stays 10


# ------------------------------------------------------------------ 9. the aar's headings


def test_the_aar_heads_the_notes_as_a_vietnamese_report(pdfs_sample):
    aar = pdfs_sample["aar"]
    text = aar.text
    heads = ["II. ƯU ĐIỂM", "III. HẠN CHẾ, KHUYẾT ĐIỂM", "VI. ĐỀ XUẤT, KIẾN NGHỊ"]
    assert [text.index(h) for h in heads] == sorted(text.index(h) for h in heads)
    assert "ĐIỂM MẠNH" not in text


# ------------------------------------------------------------------ 10. signature blocks


@pytest.mark.parametrize("signer", ["", "Đại tá Nguyễn Văn Tâm"])
def test_a_block_signed_by_hand_asks_for_the_name_and_a_printed_name_does_not(tmp_path, signer):
    """Forms (the note-taker's, the observers' blocks) ask for a signature and a name written
    by hand; the issuing body's official signature (Nghị định 30) asks for the name only when
    it is not printed."""
    sample = sample_snapshot()
    signed = replace(sample, info=replace(sample.info, signer=signer))
    pdfs = dict(zip(REPORT_KEYS, map(Pdf, export_reports(signed, tmp_path)), strict=True))
    director = 0 if signer else 1
    blocks = {"summary": 1 + director, "log": 1 + director, "aar": director}
    for key, count in blocks.items():
        assert pdfs[key].text.count(SIGN_NOTE) == count, key
    assert "TỔ TRƯỞNG TỔ ĐÁNH GIÁ (Ký, ghi rõ họ tên)" in pdfs["summary"]
    assert "NGƯỜI GHI NHẬT KÝ (Ký, ghi rõ họ tên)" in pdfs["log"]
    for key in blocks:
        assert ("TRƯỞNG BAN (Ký, ghi rõ họ tên)" in pdfs[key]) == (not signer), key
    scoring = pdfs["scoring"].text
    assert scoring.count(SIGN_NOTE) == scoring.count("NGƯỜI ĐÁNH GIÁ (Ký") > 0


@pytest.fixture(scope="module")
def pdfs_sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    paths = export_reports(sample_snapshot(), out)
    return {key: Pdf(path) for key, path in zip(REPORT_KEYS, paths, strict=True)}


def test_fractions_of_a_second_never_part_a_printed_time_from_its_figures(tmp_path):
    """Real instants carry fractions of a second: what is printed beside a time is counted
    from the time as printed. A start at 07:30:00.9 and a delivery at 07:31:14.9 print
    (00:01:14), not the 73 s between the instants; a decision at 07:34:44.4 prints 4 minutes
    (07:31:14 to 07:34:44 is 3 min 30 s), not the 3 of the 3 min 29.5 s between the instants."""
    sample = sample_snapshot(complete=True)
    start = sample.clock.started_at
    events = list(sample.clock.events)
    events[0] = replace(events[0], at=start + timedelta(seconds=0.9))
    deliveries = list(sample.deliveries)
    first = deliveries[0]
    deliveries[0] = replace(first, at=start + timedelta(minutes=1, seconds=14.9))
    answer = next(d for d in sample.decisions if d.inject_id == first.inject_id)
    decisions = [replace(d, given_at=start + timedelta(minutes=4, seconds=44.4))
                 if d.id == answer.id else d for d in sample.decisions]
    snapshot = replace(sample, clock=replace(sample.clock, events=tuple(events)),
                       deliveries=tuple(deliveries), decisions=tuple(decisions))
    log = Pdf(export_reports(snapshot, tmp_path, ["log"])[0])
    assert "Bắt đầu diễn tập: 07:30:00" in log
    assert "07:31:14 (00:01:14)" in log
    assert re.findall(r"07:34:44 (\d+)", log.text) == ["4"]


def test_results_are_provisional_while_observers_disagree(tmp_path):
    """The committee signs no final result while the scoring sheets ask the observers to
    settle a criterion: the summary and the aar say the result is provisional until then."""
    sample = sample_snapshot(complete=True)
    results = sample.results()
    assert results.complete and results.disagreements
    pdfs = dict(zip(("summary", "aar"), map(Pdf, export_reports(sample, tmp_path / "a",
                                                                ("summary", "aar"))),
                    strict=True))
    told = ("(tạm tính: điểm của những người đánh giá còn chênh lệch quá 1/4 điểm tối đa ở "
            f"{results.disagreements} tiêu chí của 3 cương vị; đề nghị tổ đánh giá thống nhất "
            "lại)")
    for key, pdf in pdfs.items():
        assert told in pdf, key
    # settled: every observer's score set to the first's, nothing provisional any more
    first = {}
    for score in sample.scores:
        first.setdefault((score.post_id, score.criterion_id), score.value)
    settled = replace(sample, scores=tuple(replace(s, value=first[(s.post_id, s.criterion_id)])
                                           for s in sample.scores))
    assert not settled.results().disagreements
    for path in export_reports(settled, tmp_path / "b", ("summary", "aar")):
        assert "tạm tính" not in Pdf(path)
