"""The log view (F3): its texts in the window's language made from each line's data, what a
correction changed, and the chosen line read whole from the keyboard."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from dientap_desktop.domain.records import LogEntry
from dientap_desktop.ui.models import LogModel
from tests.ui_support import answers, practice_file, press, ui_settings, window  # noqa: F401

LONG = "Báo cáo đầy đủ diễn biến tình hình " * 12 + "và đề nghị tăng cường lực lượng."


def run_a_little(window, practice_file, qtbot):
    """Started; inject 1 delivered; inject 2 skipped and the skip undone; a pause and a resume;
    a decision on inject 1 recorded and then corrected; the log shown."""
    assert window.open_file(practice_file)
    director = window.director
    press(qtbot, window, "F5")
    press(qtbot, window, "F6")
    first, second = director.scenario.injects[:2]
    director.exercise.skip(second.id)
    director.exercise.undo_last_delivery()
    press(qtbot, window, "F9")
    press(qtbot, window, "F9")
    post = first.targets[0]
    decision = director.exercise.record_decision(first.id, post, "bao_cao", "Bản đầu")
    director.edit_decision(decision, "ra_menh_lenh", "Bản sửa", None, (0,))
    press(qtbot, window, "F3")
    return director, first, second, post


def texts(log) -> list[tuple[str, str]]:
    """(what, details) of every line shown."""
    model = log.filter
    return [(model.index(r, LogModel.ACTION).data(), model.index(r, LogModel.SUMMARY).data())
            for r in range(model.rowCount())]


def test_the_log_says_in_english_what_the_file_keeps_in_vietnamese(window, practice_file,
                                                                     qtbot):
    director, first, second, post = run_a_little(window, practice_file, qtbot)
    shown = dict(texts(window.log_view))
    assert shown["Start"] == "Exercise started"
    assert shown["Pause"] == "Paused" and shown["Resume"] == "Resumed"
    assert shown["Delivery"] == f"Inject 1 delivered: {first.title}"
    assert shown["Skip"] == f"Inject 2 skipped: {second.title}"
    assert shown["Undo"] == f"Skip of inject 2 undone: {second.title}"
    assert shown["Decision"].startswith("Report: Bản đầu (corrected at ")
    assert shown["Created"].startswith("Exercise «") and director.scenario.title in shown["Created"]
    # the file keeps its Vietnamese words: the PDF log and older programs read them
    stored = {e.action: e.summary for e in director.exercise.log()}
    assert stored["start"] == "Bắt đầu diễn tập" and stored["pause"] == "Tạm dừng"
    assert stored["undo_delivery"].startswith("Hoàn tác phát tình huống 2")


def test_a_correction_says_what_changed_old_and_new_without_the_post(window, practice_file,
                                                                      qtbot):
    director, first, _second, post = run_a_little(window, practice_file, qtbot)
    edited = dict(texts(window.log_view))["Decision edited"]
    assert edited == ("Kind: Report → Issue orders; Text: «Bản đầu» → «Bản sửa»; "
                      "Expected actions covered: none → 1")
    assert director.post_title(post) not in edited
    decision = director.exercise.decisions(inject_id=first.id)[0]
    director.edit_decision(decision, decision.kind, decision.text, None, ())  # ticks only
    qtbot.waitUntil(lambda: texts(window.log_view)[-1][0] == "Decision edited")
    assert texts(window.log_view)[-1][1] == "Expected actions covered: 1 → none"
    # and the first correction still says what it changed, read again from the file
    window.log_view.reload()
    corrections = [t for a, t in texts(window.log_view) if a == "Decision edited"]
    assert corrections == [edited, "Expected actions covered: 1 → none"]
    director.delete_decision(director.exercise.decisions(inject_id=first.id)[0])
    qtbot.waitUntil(lambda: texts(window.log_view)[-1][0] == "Decision withdrawn")
    assert texts(window.log_view)[-1][1] == "Issue orders: Bản sửa"


def test_the_chosen_line_reads_whole_from_the_keyboard(window, practice_file, qtbot):
    assert window.open_file(practice_file)
    director = window.director
    press(qtbot, window, "F5")
    press(qtbot, window, "F6")
    inject = director.state.current.inject
    director.exercise.record_decision(inject.id, inject.targets[0], "bao_cao", LONG)
    press(qtbot, window, "F9")
    press(qtbot, window, "F3")
    log = window.log_view
    view = log.view
    qtbot.waitUntil(view.hasFocus)
    # the newest line is chosen and reads below; the long decision's cell is cut short
    assert log.entry.toPlainText().endswith("Paused")
    row = log.filter.rowCount() - 2
    rect = view.visualRect(log.filter.index(row, LogModel.SUMMARY))
    assert view.fontMetrics().horizontalAdvance(log.filter.index(row, LogModel.SUMMARY).data()) \
        > rect.width()
    qtbot.keyClick(view, Qt.Key.Key_Up)
    whole = log.entry.toPlainText()
    assert whole.endswith(f"Report: {LONG}")
    assert "Decision" in whole.splitlines()[0] and director.post_title(inject.targets[0]) \
        in whole.splitlines()[0] and "Inject 1" in whole.splitlines()[0]
    assert log.entry.isVisible() and log.entry.isReadOnly()
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter goes into the text, to scroll or copy it
    assert log.entry.hasFocus()
    assert log.entry.placeholderText() and "whole" in view.toolTip()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert log.entry.toPlainText().endswith("«" + director.info.name + "» created from the "
                                            f"scenario «{director.scenario.title}»")
    log.set_filter(inject_id=director.scenario.injects[-1].id)  # nothing shown, nothing chosen
    assert log.entry.toPlainText() == ""
    # and the filter that leaves nothing says so where the eye is
    assert log.entry.placeholderText().startswith("No line of the log for this choice")
    log.clear_filter()
    assert log.entry.placeholderText().startswith("Choose a line of the log")


def test_the_log_model_passes_the_model_tester(qtmodeltester, qapp):
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from dientap_desktop.demo import DEMO_SCENARIO, make_demo
    from dientap_desktop.domain.scenario_loader import find_scenario
    from dientap_desktop.ui.director import Director

    with TemporaryDirectory() as folder:
        exercise = make_demo(Path(folder) / "demo.dientap", find_scenario(DEMO_SCENARIO))
        decision = exercise.decisions()[0]
        exercise.edit_decision(decision.id, text="Đã sửa", covers=[0])
        exercise.delete_decision(exercise.decisions()[1].id)
        director = Director(exercise)
        model = LogModel(director)
        qtmodeltester.check(model, force_py=True)
        actions = {model.index(r, LogModel.ACTION).data() for r in range(model.rowCount())}
        assert {"Kit merged", "Note", "Score", "Decision edited"} <= actions
        merged = next(model.index(r, LogModel.SUMMARY).data() for r in range(model.rowCount())
                      if model.index(r, LogModel.ACTION).data() == "Kit merged")
        assert merged.startswith("Kit of ") and "score(s) added" in merged
        exercise.close()


@pytest.fixture
def vietnamese(qapp):
    from dientap_desktop.app import install_translations

    install_translations(qapp, "vi")
    yield
    install_translations(qapp, "en")


def entry(action: str, summary: str, **data) -> LogEntry:
    return LogEntry(1, datetime(2025, 1, 1, tzinfo=UTC), action, None, None, summary, data)


@pytest.mark.parametrize("line", [
    entry("undo_delivery", "Hoàn tác phát tình huống 9: X"),  # no data of what was undone
    entry("decision", "Chỉ huy trưởng — Lời lẽ khác: ..."),  # a kind no longer known
    entry("withdraw_note", "Nhận xét theo lời cũ"),
    entry("something_new", "Việc một phiên bản sau ghi"),
])
def test_a_line_whose_data_falls_short_shows_its_stored_words(qapp, line):
    from dientap_desktop.domain.scenario_loader import find_scenario
    from dientap_desktop.ui.log_text import LogText

    texts = LogText(find_scenario("giai-thoat-con-tin"), lambda post: post)
    assert texts.whole(line) == line.summary


def test_the_log_speaks_vietnamese_by_default(vietnamese, window, practice_file, qtbot):
    """(Passes once the branch's MESSAGES are in the translations.)"""
    _director, first, second, _post = run_a_little(window, practice_file, qtbot)
    shown = dict(texts(window.log_view))
    assert shown["Bắt đầu"] == "Bắt đầu diễn tập"
    assert shown["Phát tình huống"] == f"Phát tình huống 1: {first.title}"
    assert shown["Hoàn tác"] == f"Hoàn tác bỏ qua tình huống 2: {second.title}"
    assert shown["Sửa xử trí"] == ("Loại: Báo cáo → Ra mệnh lệnh; Nội dung: «Bản đầu» → "
                                   "«Bản sửa»; Đáp ứng nội dung đáp án: không → 1")
