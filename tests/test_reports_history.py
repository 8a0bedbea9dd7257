"""The printed log's full history read back from the PDF: every line of the exercise file's log,
in order, with its time, inject and post; undone deliveries, corrected and withdrawn decisions,
pauses and resumes included."""

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from dientap_desktop.domain.clock import vietnam_time
from dientap_desktop.reports import fonts
from dientap_desktop.reports.document import MARGIN_LEFT, MARGIN_RIGHT, PAGE_WIDTH
from dientap_desktop.reports.export import export_reports
from dientap_desktop.reports.history import HEADING
from dientap_desktop.reports.sample import sample_snapshot
from tests.test_reports_pdf import Pdf, flat

HEADER = "TT Giờ Việc TH Cương vị; nội dung"
OLD = "Báo cáo Chủ tịch UBND phường & trực ban Công an tỉnh <khẩn>."
NEW = "Báo cáo Chủ tịch UBND phường và Công an quận, đề nghị tăng cường lực lượng."
WRONG = "Ghi nhầm cương vị, rút lại."


def history_of(pdf: Pdf) -> str:
    """The text of the history section, from its heading on."""
    return pdf.text[pdf.text.index(HEADING):]


def rows_of(section: str) -> list[tuple[int, str]]:
    """Each row's number and time, in the order printed."""
    return [(int(n), t) for n, t in re.findall(r"(?:^| )(\d+) (\d\d:\d\d:\d\d) ", section)]


@pytest.fixture
def history(exercise, fake_clock, tmp_path):
    """An exercise with every kind of line (times in Vietnam, 08:00:00 at the fake clock's
    start), its snapshot and its printed log."""
    scenario = exercise.scenario
    first, second, third, fourth = (i.id for i in scenario.injects[:4])
    police = scenario.injects[0].targets[0]
    chair = scenario.injects[1].targets[0]
    exercise.set_person(police, "Vũ Minh Tuấn", "Thiếu tá")          # 08:00:00
    fake_clock.advance(1)
    exercise.start()                                                   # 08:01:00
    fake_clock.advance(seconds=12)
    exercise.deliver(first)                                            # 08:01:12
    fake_clock.advance(2, 5)
    decision = exercise.record_decision(first, police, "bao_cao", OLD)  # 08:03:17
    fake_clock.advance(1)
    exercise.deliver(third)                                            # 08:04:17, by mistake
    fake_clock.advance(seconds=30)
    exercise.undo_last_delivery()                                      # 08:04:47
    fake_clock.advance(1)
    exercise.deliver(second)                                           # 08:05:47
    fake_clock.advance(3)
    exercise.edit_decision(decision.id, kind="ha_quyet_tam", text=NEW)  # 08:08:47
    fake_clock.advance(1)
    wrong = exercise.record_decision(second, chair, "khac", WRONG)     # 08:09:47
    fake_clock.advance(seconds=40)
    exercise.delete_decision(wrong.id)                                 # 08:10:27
    fake_clock.advance(1)
    exercise.pause()                                                   # 08:11:27
    fake_clock.advance(7, 20)
    exercise.resume()                                                  # 08:18:47
    fake_clock.advance(1)
    exercise.skip(fourth)                                              # 08:19:47
    fake_clock.advance(1)
    exercise.finish()                                                  # 08:20:47
    fake_clock.advance(30)
    criterion = scenario.criteria_for(police)[0].id
    exercise.set_score("Đại tá Trần Quốc Hùng", police, criterion, 1.5)  # 08:50:47
    fake_clock.advance(1)
    exercise.set_score("Đại tá Trần Quốc Hùng", police, criterion, 2)    # 08:51:47
    snapshot = exercise.snapshot()
    path = export_reports(snapshot, tmp_path, ["log"])[0]
    return snapshot, Pdf(path)


def test_every_line_of_the_file_log_but_first_scores_is_printed_in_order_with_its_time(history):
    snapshot, pdf = history
    section = history_of(pdf)
    rows = rows_of(section)
    printed = [e for e in snapshot.log if not (e.action == "score" and e.data["old"] is None)]
    assert len(printed) == len(snapshot.log) - 1  # the first score is on the scoring sheet
    assert [n for n, _ in rows] == list(range(1, len(printed) + 1))
    assert [t for _, t in rows] == [f"{vietnam_time(e.at):%H:%M:%S}" for e in printed]
    assert [t for _, t in rows] == sorted(t for _, t in rows)
    assert "Ngày 15/11/2023" in section
    assert f"{len(printed)} lượt ghi, theo thứ tự ghi" in pdf
    assert "tệp diễn tập" not in section
    assert section.count("chấm tiêu chí 1:") == 1  # only the correction of the score


def test_the_undone_delivery_the_correction_the_withdrawal_and_the_pause(history):
    snapshot, pdf = history
    section = history_of(pdf)
    third = flat(snapshot.scenario.injects[2].title)
    police = snapshot.scenario.injects[0].targets[0]
    police = flat(snapshot.scenario.post(police).title)
    chair = flat(snapshot.scenario.post(snapshot.scenario.injects[1].targets[0]).title)
    expected = [
        "2 08:00:00 Khung tập",
        f"{police} — Thiếu tá Vũ Minh Tuấn (trước: chưa có)",
        "3 08:01:00 Bắt đầu Bắt đầu diễn tập",
        f"5 08:03:17 Xử trí 1 {police} — Báo cáo (xem bảng trên) (đã sửa lúc 08:08:47)",
        # the delivery made by mistake, and its undoing
        f"6 08:04:17 Phát tình huống 3 {third} (đã hoàn tác lúc 08:04:47)",
        f"7 08:04:47 Hoàn tác 3 {third} (hoàn tác việc phát lúc 08:04:17)",
        # the correction, with the old and the new text
        f"9 08:08:47 Sửa xử trí 1 {police} Nội dung cũ (Báo cáo): {OLD} "
        f"Nội dung mới (Hạ quyết tâm): {NEW}",
        # the withdrawal
        f"10 08:09:47 Xử trí 2 {chair} — Khác (xem bảng trên) (đã rút lúc 08:10:27)",
        f"11 08:10:27 Rút xử trí 2 {chair} — Nội dung đã rút: {WRONG}",
        # the pause and the resume, with its length
        "12 08:11:27 Tạm dừng Tạm dừng diễn tập",
        "13 08:18:47 Tiếp tục Tiếp tục diễn tập sau 7 phút tạm dừng (từ 08:11:27)",
        "14 08:19:47 Bỏ qua 4",
        "15 08:20:47 Kết thúc Kết thúc diễn tập",
        "Đại tá Trần Quốc Hùng chấm tiêu chí 1: 2 điểm (trước: 1,5)",
    ]
    positions = []
    for value in expected:
        assert flat(value) in section, value
        positions.append(section.index(flat(value)))
    assert positions == sorted(positions)
    # the correction's text is the one the first table prints now
    assert NEW in pdf.text[:pdf.text.index(HEADING)]


def test_a_correction_of_the_time_shows_both_times_and_a_withdrawn_correction_its_text(
        exercise, fake_clock, tmp_path):
    scenario = exercise.scenario
    inject = scenario.injects[0]
    post = inject.targets[0]
    exercise.start()
    exercise.deliver(inject.id)
    fake_clock.advance(5)
    decision = exercise.record_decision(inject.id, post, "bao_cao", OLD)  # 08:05:00
    fake_clock.advance(1)
    exercise.edit_decision(decision.id, given_at=datetime(2023, 11, 15, 1, 2, tzinfo=UTC))
    fake_clock.advance(1)
    exercise.edit_decision(decision.id, text=NEW)
    fake_clock.advance(1)
    exercise.delete_decision(decision.id)
    pdf = Pdf(export_reports(exercise.snapshot(), tmp_path, ["log"])[0])
    section = history_of(pdf)
    for value in (
        f"Nội dung cũ (Báo cáo, xử trí lúc 08:05:00): {OLD} "
        f"Nội dung mới (Báo cáo, xử trí lúc 08:02:00): {OLD}",
        f"Nội dung cũ (Báo cáo): {OLD} Nội dung mới: {NEW}",
        f"Nội dung đã rút: {NEW}",
        "(đã sửa lúc 08:06:00, 08:07:00; đã rút lúc 08:08:00)",
    ):
        assert flat(value) in section, value
    # withdrawn: the first table no longer lists it
    assert NEW not in pdf.text[:pdf.text.index(HEADING)]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_a_long_history_repeats_its_header_wraps_its_texts_and_stays_in_the_margins(
        exercise, fake_clock, tmp_path):
    scenario = exercise.scenario
    exercise.start()
    long_text = " ".join(f"việc{n} cần làm ngay" for n in range(120))
    for inject in scenario.injects:
        fake_clock.advance(2)
        exercise.deliver(inject.id)
        for post in inject.targets:
            fake_clock.advance(seconds=30)
            decision = exercise.record_decision(
                inject.id, post, "ra_menh_lenh", "Giao lực lượng triển khai ngay theo phương án.")
            if inject is scenario.injects[3]:  # a long text: in the line of its correction
                exercise.edit_decision(decision.id, text=long_text)
    path = export_reports(exercise.snapshot(), tmp_path, ["log"])[0]
    pdf = Pdf(path)
    start = next(n for n, page in enumerate(pdf.pages) if HEADING in page)
    pages = pdf.pages[start:]
    assert len(pages) >= 3
    assert all(page.count(HEADER) == 1 for page in pages)
    position = 0  # every word of the long text, in order, whatever the page breaks
    section = history_of(pdf)
    for word in long_text.split():
        position = section.index(word, position) + len(word)
    html = subprocess.run(["pdftotext", "-f", str(start + 1), "-bbox", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    words = re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)
    left, right = MARGIN_LEFT - 1, PAGE_WIDTH - MARGIN_RIGHT + 1
    assert words and all(left <= float(x0) and float(x1) <= right for x0, x1 in words)
    fonts.register_fonts()
    from reportlab.pdfbase import pdfmetrics

    cmap = pdfmetrics.getFont(fonts.REGULAR).face.charToGlyph
    assert not {ch for ch in section if not ch.isspace() and ord(ch) not in cmap}


def test_a_file_written_in_the_earlier_words_reads_and_prints_in_today_s(
        exercise, fake_clock, tmp_path):
    """Files written before "xử trí" was the word hold "Sửa/Xóa quyết định của …: text" in
    their append-only log: they read in today's words, and the history prints the text alone."""
    import sqlite3

    from dientap_desktop.storage.exercise_file import ExerciseFile

    inject = exercise.scenario.injects[0]
    exercise.start()
    exercise.deliver(inject.id)
    fake_clock.advance(1)
    decision = exercise.record_decision(inject.id, inject.targets[0], "bao_cao", OLD)
    fake_clock.advance(1)
    exercise.edit_decision(decision.id, text=NEW)
    fake_clock.advance(1)
    exercise.delete_decision(decision.id)
    path = exercise.path
    exercise.close()
    with sqlite3.connect(path) as conn:  # as an earlier version wrote them
        [trigger] = conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                                 "'log_is_append_only_update'").fetchone()
        conn.execute("DROP TRIGGER log_is_append_only_update")
        conn.execute("UPDATE log SET summary = replace(replace(summary, 'Sửa xử trí của', "
                     "'Sửa quyết định của'), 'Rút xử trí của', 'Xóa quyết định của')")
        assert conn.execute("SELECT count(*) FROM log WHERE summary LIKE '%quyết định của%'"
                            ).fetchone()[0] == 2
        conn.execute(trigger)
    conn.close()
    with ExerciseFile.open(path, readonly=True) as older:
        summaries = [e.summary for e in older.log()]
        snapshot = older.snapshot()
    assert not [s for s in summaries if "quyết định" in s]
    assert [s for s in summaries if s.startswith(("Sửa xử trí của ", "Rút xử trí của "))]
    section = history_of(Pdf(export_reports(snapshot, tmp_path, ["log"])[0]))
    assert flat(f"Nội dung đã rút: {NEW}") in section and "quyết định" not in section


def test_a_line_another_version_wrote_otherwise_prints_its_summary(tmp_path):
    from dientap_desktop.domain.records import LogEntry

    sample = sample_snapshot()
    at = sample.clock.started_at
    log = (
        LogEntry(1, at, "edit_decision", "th-01", "cong-an", "Sửa quyết định: bản cũ", {}),
        LogEntry(2, at, "future_action", None, None, "Một việc của phiên bản sau", {}),
        LogEntry(3, at, "score", None, "chu-tich", "Chấm điểm theo cách cũ", {"x": 1}),
    )
    pdf = Pdf(export_reports(replace(sample, log=log), tmp_path, ["log"])[0])
    section = history_of(pdf)
    for value in ("Sửa xử trí 1 Trưởng Công an phường — Sửa quyết định: bản cũ",
                  "future_action Một việc của phiên bản sau",
                  "Chấm điểm Chủ tịch UBND phường — Chấm điểm theo cách cũ"):
        assert flat(value) in section, value


def test_a_snapshot_without_a_log_prints_no_history(tmp_path):
    pdf = Pdf(export_reports(sample_snapshot(), tmp_path, ["log"])[0])
    assert HEADING not in pdf.text


def test_the_making_names_the_scenario_by_its_title_and_the_note_tells_what_is_left_out(
        history):
    snapshot, pdf = history
    section = history_of(pdf)
    assert snapshot.log[0].action == "create"
    assert snapshot.scenario.id in snapshot.log[0].summary  # the file names it by its id
    assert flat(f"Lập cuộc diễn tập “Diễn tập thử”, theo kịch bản "
                f"“{snapshot.scenario.title}”") in section
    assert "tệp" not in section.lower()  # a paper speaks of the exercise, not of a file
    assert f"từ kịch bản {snapshot.scenario.id}" not in section
    assert "«" not in pdf.text and "»" not in pdf.text  # as the file's log writes names
    assert flat("các lần sửa điểm (không liệt kê điểm chấm lần đầu; điểm hiện hành in ở phiếu "
                "chấm điểm)") in pdf
    assert "điểm chấm lần đầu in ở" not in pdf.text


def test_an_observer_added_is_told_as_such(history):
    snapshot, pdf = history
    added = [e for e in snapshot.log if e.action == "add_observer"]
    assert added
    section = history_of(pdf)
    # the column "Việc" says what, the content who (not "Thêm người đánh giá" twice)
    assert section.count("Thêm người đánh giá") == len(added)
    for entry in added:
        assert flat(f"Thêm người đánh giá {entry.data['observer']}") in section


def test_a_correction_of_the_expected_actions_is_printed_old_and_new(exercise, fake_clock,
                                                                     tmp_path):
    inject = next(i for i in exercise.scenario.injects
                  if len(i.expected.get(i.targets[0], ())) >= 2)
    post = inject.targets[0]
    exercise.start()
    exercise.deliver(inject.id)
    fake_clock.advance(2)
    decision = exercise.record_decision(inject.id, post, "bao_cao", OLD, covers=[0])
    fake_clock.advance(1)
    exercise.edit_decision(decision.id, covers=[0, 1])  # the ticks alone: the text the same
    fake_clock.advance(1)
    exercise.pause()
    fake_clock.advance(seconds=20)
    exercise.resume()
    pdf = Pdf(export_reports(exercise.snapshot(), tmp_path, ["log"])[0])
    section = history_of(pdf)
    assert flat("Đáp ứng nội dung đáp án: 1 → 1, 2") in section
    assert "(dưới 1 phút)" in pdf.text and "(0 phút)" not in pdf.text  # a pause of 20 s
