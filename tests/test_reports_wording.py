"""What the committee reads, read back from real PDFs where the wording used to trip it: a
result provisional on some criteria, no observer yet, one observer only, injects skipped,
none handed out, notes nobody signed."""

import re
from dataclasses import replace

import pytest

from dientap_desktop.domain.records import Delivery
from dientap_desktop.reports.export import export_reports
from dientap_desktop.reports.sample import sample_snapshot
from tests.test_reports_pdf import Pdf

SETTLE = "đề nghị tổ đánh giá thống nhất lại)"


def papers(snapshot, folder, keys=("summary", "log", "aar")) -> dict[str, Pdf]:
    return dict(zip(keys, map(Pdf, export_reports(snapshot, folder, list(keys))), strict=True))


def settled_but(snapshot, post_id: str):
    """The snapshot with every observer's score set to the first's, but on `post_id`."""
    first = {}
    for score in snapshot.scores:
        first.setdefault((score.post_id, score.criterion_id), score.value)
    return replace(snapshot, scores=tuple(
        s if s.post_id == post_id else replace(s, value=first[(s.post_id, s.criterion_id)])
        for s in snapshot.scores))


# ------------------------------------------------------------------ provisional


def test_a_provisional_result_says_on_how_many_criteria_of_how_many_posts(tmp_path):
    sample = sample_snapshot(complete=True)  # one criterion in dispute on each of 3 posts
    assert [len(p.disagreements) for p in sample.results().posts] == [1, 1, 1]
    told = ("(tạm tính: điểm của những người đánh giá còn chênh lệch quá 1/4 điểm tối đa ở 3 "
            f"tiêu chí của 3 cương vị; {SETTLE}")
    for key, pdf in papers(sample, tmp_path / "three", ("summary", "aar")).items():
        assert told in pdf, key
        assert "tiêu chí điểm chênh lệch" not in pdf, key  # "có" was missing

    one = settled_but(sample, "cong-an")  # in dispute on one post only: it is not counted
    assert one.results().disagreements == 1
    for key, pdf in papers(one, tmp_path / "one", ("summary", "aar")).items():
        assert f"quá 1/4 điểm tối đa ở 1 tiêu chí; {SETTLE}" in pdf, key
        assert "của 1 cương vị" not in pdf, key


# ------------------------------------------------------------------ observers


def test_an_exercise_with_no_observer_says_there_is_none_yet(tmp_path):
    pdfs = papers(sample_snapshot(observers=0), tmp_path)
    aar, summary = pdfs["aar"], pdfs["summary"]
    assert "Khung tập gồm 3 cương vị; chưa có người đánh giá." in aar
    assert "0 người" not in aar
    assert "Người đánh giá: chưa có" in summary
    assert "Chưa so sánh được: chưa có điểm của người đánh giá nào." in summary
    assert "Không có tiêu chí nào chênh lệch" not in summary  # nothing was compared
    # nothing scored: "Chưa chấm", not "Chưa chấm đủ (thiếu 4/4 tiêu chí)"
    assert "thiếu 4/4" not in summary and "Chưa chấm đủ" not in summary
    assert "Điểm chung của cuộc diễn tập — — Chưa chấm" in summary
    # the sample's notes name no observer here: no empty "()" after them
    assert "()" not in aar
    assert "Báo cáo kịp thời, đúng trình tự. III." in aar


def test_a_team_of_observers_is_counted_in_words_that_agree(tmp_path):
    aar = papers(sample_snapshot(observers=2), tmp_path, ("aar",))["aar"]
    assert "Khung tập gồm 3 cương vị; tổ đánh giá gồm 2 người." in aar
    assert "(Đại tá Trần Quốc Hùng)" in aar  # a signed note still says who


def test_one_observer_only_is_not_told_as_no_disagreement(tmp_path):
    summary = papers(sample_snapshot(observers=1), tmp_path / "one", ("summary",))["summary"]
    assert ("Chưa so sánh được: chưa có cương vị nào có điểm của hai người đánh giá trở lên."
            in summary)
    assert "Không có tiêu chí nào chênh lệch" not in summary
    agreed = settled_but(sample_snapshot(), "")  # two observers who agree: now it is told
    summary = papers(agreed, tmp_path / "two", ("summary",))["summary"]
    assert "Không có tiêu chí nào chênh lệch quá 1/4 điểm tối đa." in summary


# ------------------------------------------------------------------ injects handed out


def test_the_aar_and_the_log_name_the_inject_skipped(tmp_path):
    pdfs = papers(sample_snapshot(), tmp_path, ("log", "aar"))  # th-05 skipped
    told = ("Đã phát 4/5 tình huống, bỏ qua tình huống 5 “Đối tượng chạy thoát”; ghi nhận 6 "
            "lượt xử trí của các cương vị.")
    for key, pdf in pdfs.items():
        assert told in pdf, key


def test_several_injects_skipped_are_named_by_number_and_title_in_plan_order(tmp_path):
    sample = sample_snapshot()
    deliveries = tuple(Delivery(d.id, d.inject_id, "skipped", d.at) if d.inject_id == "th-03"
                       else d for d in sample.deliveries)
    pdfs = papers(replace(sample, deliveries=deliveries), tmp_path, ("log", "aar"))
    told = ("Đã phát 3/5 tình huống, bỏ qua 2 tình huống: tình huống 3 “Tin đồn thất thiệt lan "
            "truyền trên mạng xã hội, người dân hoang mang tụ tập đông trước cổng trụ sở”, tình "
            "huống 5 “Đối tượng chạy thoát”;")
    for key, pdf in pdfs.items():
        assert told in pdf, key


@pytest.mark.parametrize("key", ["log", "aar"])
def test_an_exercise_not_started_says_no_inject_went_out(key, tmp_path):
    final = sample_snapshot(observers=1, complete=True)
    planned = replace(final, clock=replace(final.clock, events=()), deliveries=(),
                      decisions=(), scores=())
    pdf = papers(planned, tmp_path, (key,))[key]
    assert ("Chưa phát tình huống nào (kế hoạch gồm 5 tình huống); chưa ghi nhận lượt xử trí "
            "nào của các cương vị.") in pdf
    assert "0/5" not in pdf and "0 lượt" not in pdf


# ------------------------------------------------------------------ the history


@pytest.mark.parametrize(("written", "printed"), [
    ("thêm 30, thay 0, giữ nguyên 0 điểm; thêm 3 nhận xét", "thêm 30 điểm; thêm 3 nhận xét"),
    ("thêm 0, thay 2, giữ nguyên 28 điểm; thêm 0 nhận xét", "thay 2, giữ nguyên 28 điểm"),
    ("thêm 0, thay 0, giữ nguyên 0 điểm; thêm 1 nhận xét", "thêm 1 nhận xét"),
    ("thêm 0, thay 0, giữ nguyên 30 điểm; thêm 0 nhận xét; rút 2 điểm như trong bộ phiếu",
     "giữ nguyên 30 điểm; rút 2 điểm như trong bộ phiếu"),
])
def test_a_merge_in_the_history_counts_only_what_it_did(written, printed, tmp_path):
    from dientap_desktop.domain.records import LogEntry

    sample = sample_snapshot()
    observer = "Đại tá Trần Quốc Hùng"
    merged = LogEntry(1, sample.clock.events[-1].at, "merge", None, None,
                      f"Gộp bộ phiếu của {observer} (a.dtkit): {written}",
                      {"observer": observer, "file": "a.dtkit"})
    log = papers(replace(sample, log=(merged,)), tmp_path, ("log",))["log"]
    assert f"Gộp bộ phiếu của {observer}: {printed} " in log.text + " "
    assert not re.search(r"(?<!\d)0 (?:điểm|nhận xét)|thêm 0|thay 0", log.text)


# ------------------------------------------------------------------ the notes' kinds


def test_the_log_the_report_and_the_window_name_a_note_alike(demo_file, tmp_path):
    """The committee reads the notes under the report's headings, the log's history and the
    window's list: the same words (the window's through its labels, tested with the
    translations)."""
    from dientap_desktop.domain.records import NOTE_KIND_LABELS
    from dientap_desktop.storage.exercise_file import ExerciseFile

    assert NOTE_KIND_LABELS == {"strength": "Ưu điểm", "weakness": "Hạn chế, khuyết điểm",
                                "proposal": "Đề xuất, kiến nghị"}
    with ExerciseFile.open(demo_file, readonly=True) as exercise:
        demo = exercise.snapshot()
    found = papers(demo, tmp_path, ("log", "aar"))
    for heading in ("II. ƯU ĐIỂM", "III. HẠN CHẾ, KHUYẾT ĐIỂM", "VI. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in found["aar"]
    for label in NOTE_KIND_LABELS.values():  # each kind of note in the demo's history
        assert f"{label} — Thượng tá Lê Thị Minh Hà" in found["log"], label
    assert "Điểm mạnh" not in found["log"].text
