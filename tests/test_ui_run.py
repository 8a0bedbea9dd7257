"""The director's window driven with the keyboard: start, deliver, record, edit, undo, pause,
finish, out-of-order delivery, and reopening the file where it was left."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from tests.ui_support import answers, practice_file, press, ui_settings, window  # noqa: F401


def open_running(window, practice_file, qtbot, delivered=1):
    assert window.open_file(practice_file)
    press(qtbot, window, "F5")
    for _ in range(delivered):
        press(qtbot, window, "F6")
    return window.director


def correcting_a_first_decision(window, practice_file, qtbot):
    """The exercise running, one decision recorded on inject 1, its correction dialog shown."""
    from dientap_desktop.ui.posts_panel import DecisionDialog

    director = open_running(window, practice_file, qtbot)
    panel = window.run_view.posts
    panel.editor.text.setPlainText("Bản đầu")
    panel.record()
    decision = director.exercise.decisions(inject_id="th-01")[0]
    dialog = DecisionDialog(director, decision, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return director, decision, dialog


def alt(window, row: int) -> str:
    """The key shown beside the post of this row of the posts list ("Alt+4")."""
    return key_column(window, row).removesuffix(" ✎")


def key_column(window, row: int) -> str:
    """The key column of a row of the posts list: "Alt+4", and " ✎" when a draft waits."""
    model = window.run_view.posts.posts
    return model.index(row, model.KEY).data()


def posts_states(window):
    model = window.run_view.posts.posts
    return [model.index(r, model.STATE).data() for r in range(model.rowCount())]


def test_start_and_deliver_with_the_keyboard(window, practice_file, qtbot, answers):
    assert window.open_file(practice_file)
    assert window.act_next.isEnabled() is False  # nothing to deliver before the start
    assert "F5" in window.run_view.clock_bar.hint.text()
    answers.queue = [False]  # a stray F5: the director says no, nothing starts
    press(qtbot, window, "F5")
    assert "cannot be set back" in answers.of("yes_no")[-1]
    assert window.director.status == "planned" and window.exercise.clock().status == "planned"
    press(qtbot, window, "F5")
    assert window.director.status == "running"
    press(qtbot, window, "F6")
    director = window.director
    assert director.state.current.inject.id == "th-01"
    model = window.run_view.injects
    assert model.index(0, model.NUMBER).data() == "▶ 1"
    assert model.index(0, model.STATUS).data() == "Delivered"
    assert model.index(1, model.STATUS).data() == "Pending"
    assert director.exercise.run_state().current.inject.id == "th-01"  # committed
    assert "NOW RUNNING" in window.run_view.inject_pane.banner.text()
    browser = window.run_view.inject_pane.browser.toPlainText()
    first = director.scenario.injects[0]
    assert first.title in browser and first.notes in browser  # the director sees the notes
    assert all(s.startswith("Waiting") for s in posts_states(window))
    assert "3 of 3 posts waiting" in window.run_view.clock_bar.waiting.text()
    qtbot.wait(80)  # the director reads: the next inject is laid out meanwhile
    assert window.run_view.inject_pane._prepared[0] == "th-02"
    press(qtbot, window, "F6")
    assert director.state.current.inject.id == "th-02"
    assert "2 of 11" in window.run_view.clock_bar.progress.text()
    second = director.scenario.injects[1]
    shown = window.run_view.inject_pane.browser.toPlainText()
    assert second.title in shown and first.title not in shown


def test_record_a_decision_for_each_post(window, practice_file, qtbot):
    director = open_running(window, practice_file, qtbot)
    inject = director.state.current.inject
    panel = window.run_view.posts
    for n, _post_id in enumerate(inject.targets, 1):
        press(qtbot, window, alt(window, n - 1))
        assert panel.editor.text.hasFocus()
        press(qtbot, window, "Ctrl+2")
        qtbot.keyClicks(panel.editor.text, f"Quyet tam {n}")  # QTest types ASCII only
        panel.editor.covers.setData(panel.editor.covers.index(0), Qt.CheckState.Checked,
                                    Qt.ItemDataRole.CheckStateRole)
        press(qtbot, window, "Ctrl+Return")
        assert panel.editor.text.toPlainText() == ""
    decisions = director.exercise.decisions(inject_id=inject.id)
    assert [d.post_id for d in decisions] == list(inject.targets)
    assert {d.kind for d in decisions} == {"ha_quyet_tam"}
    assert all(d.covers == (0,) for d in decisions)
    assert all(s.startswith("Answered ") for s in posts_states(window))
    assert "every post answered" in window.run_view.clock_bar.waiting.text()
    assert window.run_view.posts.decisions.rowCount() == len(inject.targets)
    model = window.run_view.injects
    assert model.index(0, model.ANSWERS).data() == f"{len(inject.targets)}/{len(inject.targets)}"
    # every post has answered: no empty form for the first post, inviting its decision twice
    assert not panel.editor.isEnabled() and not panel.blocked.isHidden()
    assert panel.blocked.text().startswith("Every post has answered this inject")
    assert not panel.posts_view.selectionModel().hasSelection()
    # letters typed now (where the keyboard is: the posts' list) move nothing, and say so
    panel.posts_view.setFocus()
    current = panel.posts_view.currentIndex().row()
    hint = panel.blocked.property("dientap_colours")
    qtbot.keyClicks(panel.posts_view, "Truong")
    assert panel.posts_view.currentIndex().row() == current
    assert not panel.posts_view.selectionModel().hasSelection()
    assert panel.blocked.property("dientap_colours") != hint  # the hint turns red a moment
    qtbot.waitUntil(lambda: panel.blocked.property("dientap_colours") == hint)
    press(qtbot, window, alt(window, 0))  # another decision of the first post is asked for
    assert panel.editor.isEnabled() and panel.editor.text.hasFocus() and panel.blocked.isHidden()


def test_the_kind_chosen_for_one_post_is_not_carried_to_the_next(window, practice_file, qtbot):
    director = open_running(window, practice_file, qtbot)
    panel = window.run_view.posts
    press(qtbot, window, alt(window, 0))
    press(qtbot, window, "Ctrl+3")
    assert panel.editor.kind() == "ra_menh_lenh"
    qtbot.keyClicks(panel.editor.text, "Ra lenh bao vay")
    press(qtbot, window, "Ctrl+Return")  # the form moves on to the next post waiting
    assert panel.editor.kind() == "bao_cao"
    press(qtbot, window, alt(window, 1))
    press(qtbot, window, "Ctrl+4")
    press(qtbot, window, alt(window, 2))  # nothing typed for post 2: the next post starts afresh
    assert panel.editor.kind() == "bao_cao"
    qtbot.keyClicks(panel.editor.text, "Bao cao")
    press(qtbot, window, alt(window, 0))
    press(qtbot, window, "Ctrl+2")
    press(qtbot, window, alt(window, 2))  # a draft keeps its own kind
    assert panel.editor.kind() == "bao_cao"
    assert panel.editor.text.toPlainText() == "Bao cao"
    inject = director.state.current.inject
    assert [d.kind for d in director.exercise.decisions(inject_id=inject.id)] == ["ra_menh_lenh"]


def test_earlier_injects_still_waiting_stay_in_sight(window, practice_file, qtbot):
    director = open_running(window, practice_file, qtbot, delivered=1)
    bar = window.run_view.clock_bar
    first = director.state.current.inject
    assert bar.earlier.text() == ""  # nothing before the first inject
    press(qtbot, window, "F6")
    assert bar.earlier.text() == f"Still waiting: no. 1 ({len(first.targets)})"
    assert director.post_title(first.targets[0]) in bar.earlier.toolTip()
    for post_id in first.targets:  # the late answers come in: the reminder goes
        director.record_decision(first.id, post_id, "bao_cao", "Báo cáo muộn", None, ())
    assert bar.earlier.text() == ""
    for _ in range(4):
        press(qtbot, window, "F6")
    assert bar.earlier.text().startswith("Still waiting: no. 2 (")
    assert bar.earlier.text().endswith(" and 1 more")


def test_time_given_is_editable_and_response_time_shown(window, practice_file, qtbot,
                                                       monkeypatch):
    director = open_running(window, practice_file, qtbot)
    panel = window.run_view.posts
    delivered = director.state.current.delivered_at
    given = delivered + timedelta(minutes=12, seconds=5)
    from dientap_desktop.domain.clock import vietnam_time

    # the time field shows Vietnam's time, as the log and the papers do, whatever the laptop's zone
    shown = panel.editor.given.text()
    assert shown[:2] == f"{vietnam_time(director.exercise.now()):%H}", shown
    later = delivered + timedelta(minutes=15)  # the director types it in three minutes later
    monkeypatch.setattr(director.exercise, "now", lambda: later)
    from dientap_desktop.ui.posts_panel import to_qt

    panel.editor.given.setDateTime(to_qt(given))  # as if typed by the director
    assert panel.editor.given_touched
    panel.editor.text.setPlainText("Báo cáo chậm")
    panel.record()
    decision = director.exercise.decisions(inject_id=director.state.current.inject.id)[0]
    assert abs((decision.given_at - given).total_seconds()) < 1
    state = posts_states(window)[[a.post_id for a in panel.posts._rows].index(decision.post_id)]
    assert state == "Answered after 12 min (late)"  # the default threshold is 10 minutes


def test_edit_keeps_old_version_and_withdraw_asks(window, practice_file, qtbot, answers):
    director = open_running(window, practice_file, qtbot)
    panel = window.run_view.posts
    panel.editor.text.setPlainText("Bản đầu")
    panel.record()
    decision = director.exercise.decisions(inject_id="th-01")[0]
    edits = panel.decisions.VERSION
    assert panel.decisions_view.isColumnHidden(edits)  # no correction yet: room for the text
    from dientap_desktop.ui.posts_panel import DecisionDialog

    dialog = DecisionDialog(director, decision, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.editor.text.hasFocus())  # the text is what gets corrected
    dialog.editor.text.setPlainText("Bản đã sửa")
    dialog.editor.set_kind("ra_menh_lenh")
    dialog.save()
    edited = director.exercise.decision(decision.id)
    assert (edited.text, edited.kind, edited.version) == ("Bản đã sửa", "ra_menh_lenh", 2)
    assert [d.text for d in director.exercise.decision_history(decision.id)] == ["Bản đầu"]
    assert panel.decisions.index(0, edits).data() == "1 edit"
    assert not panel.decisions_view.isColumnHidden(edits)
    post = panel.decisions.index(0, panel.decisions.POST)  # whole in its tooltip, where cut
    assert post.data(Qt.ItemDataRole.ToolTipRole) == director.post_title(decision.post_id)
    dialog = DecisionDialog(director, edited, window)
    qtbot.addWidget(dialog)
    assert "Bản đầu" in dialog.history.text()
    answers.queue = [False]
    dialog.withdraw()
    assert director.exercise.decisions(inject_id="th-01") != []  # said no: nothing withdrawn
    dialog.withdraw()
    assert "withdrawn" in answers.of("yes_no")[-1]
    assert director.exercise.decisions(inject_id="th-01") == []


def test_a_correction_typed_is_not_dropped_unasked(window, practice_file, qtbot, answers):
    from PySide6.QtTest import QTest

    from dientap_desktop.ui.posts_panel import DecisionDialog

    director, decision, dialog = correcting_a_first_decision(window, practice_file, qtbot)
    asked = len(answers.asked)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closed at once
    assert len(answers.asked) == asked and not dialog.isVisible()
    dialog = DecisionDialog(director, decision, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.text.setPlainText("Bản đã sửa")
    answers.queue = [False]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert answers.of("yes_no")[-1].startswith(
        "Drop what you typed?\nThe correction has not been saved")
    assert dialog.isVisible()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # dropped
    assert not dialog.isVisible()
    assert director.exercise.decision(decision.id).text == "Bản đầu"


def test_undo_last_delivery_says_what_and_can_be_refused(window, practice_file, qtbot, answers):
    director = open_running(window, practice_file, qtbot, delivered=2)
    second = director.state.current.inject
    answers.queue = [False]
    press(qtbot, window, "F8")
    assert director.state.current.inject.id == second.id
    assert second.title in answers.of("yes_no")[-1]
    press(qtbot, window, "F8")
    assert director.state.current.inject.id == "th-01"
    assert director.exercise.run_state().of(second.id).status == "pending"
    assert director.state.next.inject.id == second.id
    model = window.run_view.injects
    assert model.index(1, model.STATUS).data() == "Pending"


def test_pause_stops_the_clock_and_resume(window, practice_file, qtbot, monkeypatch):
    director = open_running(window, practice_file, qtbot)
    press(qtbot, window, "F9")
    assert director.status == "paused"
    assert window.act_pause.text() == "&Resume"
    assert window.act_next.isEnabled() is False
    assert "PAUSED" in window.run_view.clock_bar.status.text()
    assert "F9" in window.run_view.clock_bar.hint.text()
    real_now = director.exercise.now()
    before = director.elapsed_minutes(real_now)
    later = director.elapsed_minutes(real_now + timedelta(minutes=30))
    assert later == pytest.approx(before)  # paused time does not count
    press(qtbot, window, "F9")
    assert director.status == "running"
    assert director.exercise.clock().status == "running"
    assert [e.kind for e in director.exercise.clock().events] == ["start", "pause", "resume"]


def test_out_of_order_delivery_and_skip_ask_first(window, practice_file, qtbot, answers):
    director = open_running(window, practice_file, qtbot, delivered=0)
    view = window.run_view
    view.inject_view.selectRow(4)
    assert director.focus_id == "th-05"
    assert "NOT DELIVERED" in view.inject_pane.banner.text()
    answers.queue = [False]
    press(qtbot, window, "Shift+F6")
    assert director.state.current is None
    assert "before inject 1" in answers.of("yes_no")[-1]
    press(qtbot, window, "Shift+F6")
    assert director.state.current.inject.id == "th-05"
    assert director.state.next.inject.id == "th-01"
    press(qtbot, window, "F7")  # skip: the chosen one is delivered, so the next pending
    assert "«" + director.scenario.injects[0].title + "»" in answers.of("yes_no")[-1]
    assert director.exercise.run_state().of("th-01").status == "skipped"
    assert director.state.next.inject.id == "th-02"
    answers.queue = [False]
    press(qtbot, window, "F8")  # the last step was a skip: the question says so
    assert answers.of("yes_no")[-1].startswith("Undo the last skip?\nThe skip of inject 1")
    assert director.exercise.run_state().of("th-01").status == "skipped"
    press(qtbot, window, "F6")
    # the state the window keeps step by step is the one the file gives when read in full
    assert director.state == director.exercise.run_state()
    assert [director.run(r.inject.id) for r in director.state.injects] == list(
        director.state.injects)
    model = view.injects
    statuses = [model.index(r, model.STATUS).data() for r in range(model.rowCount())]
    assert statuses[:5] == ["Skipped", "Delivered", "Pending", "Pending", "Delivered"]


def test_a_skipped_inject_delivered_at_the_end_asks_first_and_leaves_the_story_where_it_is(
        window, practice_file, qtbot, answers):
    director = open_running(window, practice_file, qtbot, delivered=0)
    press(qtbot, window, "F7")  # inject 1 skipped
    count = len(director.state.injects)
    for _ in range(count - 1):
        press(qtbot, window, "F6")
    bar = window.run_view.clock_bar
    assert bar.progress.text() == f"{count - 1} of {count} handed out"  # skipped not counted
    assert bar.progress.toolTip() == f"{count - 1} of {count} delivered, 1 skipped"
    story, readiness = bar.story.text(), bar.readiness.text()
    window.run_view.inject_view.selectRow(0)
    answers.queue = [False]
    press(qtbot, window, "Shift+F6")  # no inject is pending: still a question
    assert answers.of("yes_no")[-1].startswith("Deliver a skipped inject?\nInject 1 «")
    assert director.run("th-01").status == "skipped"
    press(qtbot, window, "Shift+F6")
    assert director.state.current.inject.id == "th-01"
    assert bar.progress.text() == f"{count} of {count} handed out"
    assert (bar.story.text(), bar.readiness.text()) == (story, readiness)
    assert director.state == director.exercise.run_state()


def test_finish_says_what_happens(window, practice_file, qtbot, answers):
    director = open_running(window, practice_file, qtbot)
    answers.queue = [False]
    press(qtbot, window, "Ctrl+F9")
    assert director.status == "running"
    assert "10 injects have not been delivered" in answers.of("yes_no")[-1]
    assert "On 1 inject delivered, some posts have not answered yet." in answers.of(
        "yes_no")[-1]
    press(qtbot, window, "Ctrl+F9")
    assert director.exercise.clock().status == "finished"
    assert not window.act_next.isEnabled() and not window.act_pause.isEnabled()
    banner = window.run_view.inject_pane.banner.text()
    assert "NOW RUNNING" not in banner and "the exercise is finished" in banner


def test_reopen_returns_to_the_same_inject_and_clock(window, practice_file, qtbot, ui_settings):
    director = open_running(window, practice_file, qtbot, delivered=3)
    press(qtbot, window, "F9")
    elapsed = director.elapsed_minutes()
    window.close()
    from dientap_desktop.ui.main_window import MainWindow

    again = MainWindow(ui_settings)
    qtbot.addWidget(again)
    assert ui_settings.recent_files()[0]["path"] == str(practice_file.resolve())
    assert again.open_file(practice_file)
    reopened = again.director
    assert reopened.state.current.inject.id == "th-03"
    assert reopened.status == "paused"
    assert reopened.elapsed_minutes() == pytest.approx(elapsed, abs=0.01)
    assert "▶ 3" == again.run_view.injects.index(2, 0).data()
    again.close()


def test_projector_shows_the_room_only_what_it_may_see(window, practice_file, qtbot):
    director = open_running(window, practice_file, qtbot, delivered=0)
    window.act_projector.setChecked(True)
    projector = window.projector
    assert projector.isVisible()
    assert "has begun" in projector.text()  # started (F5), nothing handed out yet
    press(qtbot, window, "F6")
    inject = director.state.current.inject
    text = projector.text()
    assert inject.title in text and inject.scenario_time in text and inject.source in text
    assert inject.text.splitlines()[0] in text
    assert inject.notes not in text
    for actions in inject.expected.values():
        assert all(action not in text for action in actions)
    view = window.run_view
    view.inject_view.selectRow(5)  # the director looks ahead: the room does not follow
    assert inject.title in projector.text()
    press(qtbot, window, "F9")
    assert "PAUSED" in projector.text()
    press(qtbot, window, "F9")
    press(qtbot, window, "F6")
    assert director.state.current.inject.title in projector.text()
    press(qtbot, window, "F8")  # undo: the room goes back
    assert inject.title in projector.text()
    press(qtbot, window, "F11")
    assert projector.isFullScreen()
    press(qtbot, window, "F11")
    assert not projector.isFullScreen()


LONG_NAME = ("Diễn tập chiến đấu phòng thủ phường Hòa Bình năm 2026: tiêu diệt, đánh bắt "
             "khủng bố, giải thoát con tin tại trụ sở Ủy ban nhân dân phường")


def test_projector_opening_and_closing_screens_fit_and_show_the_name_once(
        window, practice_file, qtbot):
    from dientap_desktop.storage.exercise_file import ExerciseFile

    with ExerciseFile.open(practice_file) as exercise:
        exercise.update_info(name=LONG_NAME)
    director = open_running(window, practice_file, qtbot, delivered=0)
    window.act_projector.setChecked(True)
    projector = window.projector
    projector.resize(1024, 640)

    def fits() -> bool:
        qtbot.wait(10)  # the fitting runs right after each change
        document = projector.browser.document()
        return document.size().height() <= projector.browser.viewport().height()

    assert fits()
    assert not projector.header.isVisible()
    assert projector.text().count(LONG_NAME) == 1
    press(qtbot, window, "F6")
    assert fits()
    assert projector.header.isVisible() and projector.header.text() == LONG_NAME
    while director.exercise.run_state().next is not None:
        director.exercise.deliver_next()
    director.reload()
    window.act_finish.trigger()  # asked and answered yes
    assert director.status == "finished"
    assert fits()
    assert "END OF EXERCISE" in projector.text()
    assert projector.text().count(LONG_NAME) == 1
    assert not projector.header.isVisible()


def test_the_answer_key_can_be_kept_off_a_mirrored_screen(window, practice_file, qtbot,
                                                          answers, ui_settings):
    director = open_running(window, practice_file, qtbot, delivered=1)
    inject = director.state.current.inject
    pane, covers = window.run_view.inject_pane, window.run_view.posts.editor.covers
    secrets = [a for actions in inject.expected.values() for a in actions]
    assert secrets and inject.notes
    assert secrets[0] in pane.browser.toPlainText() and inject.notes in pane.browser.toPlainText()
    window.act_projector.setChecked(True)  # one screen here: the director is told what to do
    assert [m.split("\n")[0] for m in answers.of("info")] == ["One screen"]
    assert "Ctrl+H" in answers.of("info")[0]
    press(qtbot, window, "Ctrl+H")
    text = pane.browser.toPlainText()
    assert not any(a in text for a in secrets) and inject.notes not in text
    assert "hidden on this screen" in text
    assert inject.title in text and inject.text.splitlines()[0] in text
    shown = [covers.index(r).data() for r in range(covers.rowCount())]
    assert shown and all(a not in " ".join(shown) for a in secrets)
    assert shown[0] == "Expected action 1 (hidden on this screen)"
    panel = window.run_view.posts
    panel.editor.text.setPlainText("Báo cáo")
    panel.record()
    from dientap_desktop.ui.posts_panel import DecisionDialog

    seen = []
    original = DecisionDialog.exec
    DecisionDialog.exec = lambda dialog: seen.append(  # the correction dialog hides them too
        [dialog.editor.covers.index(r).data() for r in range(dialog.editor.covers.rowCount())])
    try:
        panel.edit(panel.decisions.index(0, 0))
    finally:
        DecisionDialog.exec = original
    assert seen and seen[0] and all("hidden on this screen" in t for t in seen[0])
    press(qtbot, window, "F6")  # the next inject, laid out ahead, is hidden too
    following = director.state.current.inject
    assert not any(a in pane.browser.toPlainText()
                   for actions in following.expected.values() for a in actions)
    assert ui_settings.answers_hidden  # and it stays so when the file is opened again
    window.close_exercise()
    assert window.open_file(practice_file)
    assert "hidden on this screen" in window.run_view.inject_pane.browser.toPlainText()
    press(qtbot, window, "Ctrl+H")
    text = window.run_view.inject_pane.browser.toPlainText()
    assert any(a in text for actions in following.expected.values() for a in actions)
    window.act_projector.setChecked(False)
    window.act_projector.setChecked(True)
    assert len(answers.of("info")) == 1  # the advice is given once


def test_log_view_lists_and_filters(window, practice_file, qtbot):
    director = open_running(window, practice_file, qtbot, delivered=2)
    panel = window.run_view.posts
    panel.editor.text.setPlainText("Một quyết định")
    panel.record()
    press(qtbot, window, "F9")
    press(qtbot, window, "F9")
    assert not window.tabs.widget(1).made  # the log is made when first shown
    press(qtbot, window, "F3")
    log = window.log_view
    assert window.tabs.currentWidget().isAncestorOf(log)
    model = log.filter
    actions = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert actions == ["Created", "Start", "Delivery", "Delivery", "Decision", "Pause", "Resume"]
    post = director.exercise.decisions()[0].post_id
    log.set_filter(post_id=post)
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == ["Decision"]
    from dientap_desktop.ui.models import LogModel

    summary = model.index(0, LogModel.SUMMARY).data()  # the post has its column: not repeated
    assert summary.endswith("Một quyết định") and director.post_title(post) not in summary
    log.set_filter(inject_id="th-01")
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == ["Delivery"]
    log.clear_filter()
    assert model.rowCount() == 7
    assert "7 of 7" in log.count.text()
    # corrected later: the recording's line says so, by the time of the correction
    decision = director.exercise.decisions()[0]
    director.edit_decision(decision, decision.kind, "Quyết định đã sửa", None, ())
    qtbot.waitUntil(lambda: model.rowCount() == 8)
    recorded = model.index(4, LogModel.SUMMARY).data()
    assert "Một quyết định (corrected at " in recorded and "đã sửa" not in recorded
    window.close_exercise()
    assert window.open_file(practice_file)  # and read again from the file
    press(qtbot, window, "F3")
    model = window.log_view.filter
    assert "Một quyết định (corrected at " in model.index(4, LogModel.SUMMARY).data()


def test_a_broken_file_gives_a_message_not_a_dead_window(window, tmp_path, answers):
    bad = tmp_path / "bad.dientap"
    bad.write_bytes(b"not a database")
    assert window.open_file(bad) is False
    assert "cannot be opened" in answers.of("error")[-1]
    assert "not an exercise file" in answers.of("error")[-1]
    assert window.stack.currentWidget() is window.welcome


def test_unexpected_exception_becomes_a_message(window, answers):
    from dientap_desktop.ui import errors

    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        errors.unexpected(type(error), error, error.__traceback__)
    message = answers.of("error")[-1]
    assert "saved" in message and "RuntimeError: boom" in message


def test_a_decision_typed_but_not_recorded_stays_with_its_post_and_inject(
        window, practice_file, qtbot):
    director = open_running(window, practice_file, qtbot)
    panel = window.run_view.posts
    first = director.state.current.inject
    press(qtbot, window, alt(window, 0))
    press(qtbot, window, "Ctrl+3")
    qtbot.keyClicks(panel.editor.text, "Nua chung")  # typed, not recorded
    press(qtbot, window, alt(window, 1))  # another post: its own empty form
    assert panel.editor.text.toPlainText() == ""
    press(qtbot, window, "F6")  # the next inject: its own forms too
    assert director.state.current.inject.id != first.id
    assert panel.editor.text.toPlainText() == ""
    director.set_focus(first.id)  # back to the first inject and post: the draft is there
    press(qtbot, window, alt(window, 0))
    assert panel.editor.text.toPlainText() == "Nua chung"
    assert panel.editor.kind() == "ra_menh_lenh"
    press(qtbot, window, "Ctrl+Return")
    decisions = director.exercise.decisions(inject_id=first.id)
    assert [(d.post_id, d.text) for d in decisions] == [(first.targets[0], "Nua chung")]
    assert director.exercise.decisions(inject_id=director.state.current.inject.id) == []


def test_what_is_typed_is_kept_in_the_file_and_comes_back_on_reopening(
        window, practice_file, qtbot, answers, ui_settings):
    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.ui.main_window import MainWindow

    director = open_running(window, practice_file, qtbot)
    panel = window.run_view.posts
    inject = director.state.current.inject
    press(qtbot, window, alt(window, 0))
    press(qtbot, window, "Ctrl+2")
    qtbot.keyClicks(panel.editor.text, "Dang go do")
    # kept a moment after the typing stops, committed: another connection reads it, as the
    # program would after a crash or a power cut
    qtbot.waitUntil(lambda: (inject.id, inject.targets[0]) in director.drafts, timeout=3000)
    with ExerciseFile.open(practice_file, readonly=True) as other:
        kept = other.drafts()[(inject.id, inject.targets[0])]
    assert (kept.text, kept.kind, kept.given_at) == ("Dang go do", "ha_quyet_tam", None)
    assert key_column(window, 0).endswith(" ✎")  # the post's key marks its draft
    press(qtbot, window, alt(window, 1))  # another post: its text too, at once
    qtbot.keyClicks(panel.editor.text, "Thu hai")
    asked = len(answers.of("yes_no"))
    window.act_close.trigger()  # nothing is lost, so nothing is asked
    assert window.exercise is None and len(answers.of("yes_no")) == asked
    window.close()

    again = MainWindow(ui_settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.activateWindow()
    assert again.open_file(practice_file)
    qtbot.waitUntil(lambda: bool(answers.of("info")))
    told = answers.of("info")[-1]
    assert "2 decisions typed before the file was last closed" in told
    assert "inject 1" in told
    panel = again.run_view.posts
    press(qtbot, again, alt(again, 0))
    assert panel.editor.text.toPlainText() == "Dang go do"
    assert panel.editor.kind() == "ha_quyet_tam"
    press(qtbot, again, "Ctrl+Return")  # recorded: its draft goes with it, in the same step
    assert [d.text for d in again.director.exercise.decisions(inject_id=inject.id)] == [
        "Dang go do"]
    assert set(again.director.drafts) == {(inject.id, inject.targets[1])}
    with ExerciseFile.open(practice_file, readonly=True) as other:
        assert set(other.drafts()) == {(inject.id, inject.targets[1])}
    press(qtbot, again, alt(again, 1))
    assert panel.editor.text.toPlainText() == "Thu hai"
    panel.editor.text.clear()  # the text cleared: nothing waits any more
    qtbot.waitUntil(lambda: not again.director.drafts, timeout=3000)
    assert not key_column(again, 1).endswith("✎")
    again.close()


def test_a_draft_survives_a_pause_and_a_failed_opening(window, practice_file, qtbot, answers,
                                                       tmp_path):
    open_running(window, practice_file, qtbot)
    panel = window.run_view.posts
    press(qtbot, window, alt(window, 1))
    title = panel.form_title.text()
    qtbot.keyClicks(panel.editor.text, "Giu lai")
    press(qtbot, window, "F9")  # pause: the same post stays in the form, with its text
    press(qtbot, window, "F9")
    assert panel.form_title.text() == title
    assert panel.editor.text.toPlainText() == "Giu lai"
    bad = tmp_path / "hong.dientap"
    bad.write_bytes(b"not an exercise")
    assert not window.open_file(bad)  # what is typed is kept first, then the file fails to open
    assert "cannot be opened" in answers.of("error")[-1]
    assert window.exercise is not None  # the exercise stays, and so does what was typed
    assert panel.editor.text.toPlainText() == "Giu lai"
    assert not (tmp_path / "hong.dientap.lock").exists()


def test_tab_leaves_the_time_field_at_once(window, practice_file, qtbot):
    open_running(window, practice_file, qtbot)
    editor = window.run_view.posts.editor
    editor.given.setFocus()  # the time the decision was given
    qtbot.waitUntil(editor.given.hasFocus)
    qtbot.keyClick(editor.given, Qt.Key.Key_Tab)
    assert not editor.given.hasFocus()  # not through its six parts first (← → move there)


def test_a_response_time_is_told_alike_in_the_window_and_on_paper(window, practice_file, qtbot):
    from dientap_desktop.reports.document import minutes
    from dientap_desktop.ui.director import ANSWERED, WAITING, PostAnswer

    open_running(window, practice_file, qtbot)
    answer_text = window.run_view.posts.posts.answer_text

    told = {}
    for seconds in (33, 58, 64, 89, 91):
        told[seconds] = answer_text(PostAnswer("chqs", ANSWERED, seconds / 60, False, 1))
        assert told[seconds] == f"Answered after {minutes(seconds / 60)} min"
    assert told[58] == "Answered after 1 min" and told[89] == "Answered after 1 min"
    # under half a minute: not "after 0 min"
    assert answer_text(PostAnswer("chqs", ANSWERED, 0.4, False, 1)) == "Answered within a minute"
    assert answer_text(PostAnswer("chqs", WAITING, 0.2, False, 1)) == \
        "Waiting (less than a minute)"


def test_the_keyboard_is_where_the_director_types_after_a_delivery_and_back_from_the_log(
        window, practice_file, qtbot):
    from PySide6.QtWidgets import QApplication

    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    director = open_running(window, practice_file, qtbot)
    editor = window.run_view.posts.editor
    assert QApplication.focusWidget() is editor.text  # F6: the first post's decision
    press(qtbot, window, "F3")
    press(qtbot, window, "F2")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.text)
    qtbot.keyClicks(editor.text, "Bao cao xong")
    window.run_view.focus_list()  # the list has the keyboard: Ctrl+Enter still records
    press(qtbot, window, "Ctrl+Return")
    assert [d.text for d in director.exercise.decisions()] == ["Bao cao xong"]
    window.run_view.focus_list()
    press(qtbot, window, "Ctrl+Return")  # nothing typed: the form says so and takes the keys
    assert QApplication.focusWidget() is editor.text
    assert editor.text.placeholderText().startswith("Type the decision first")
    assert len(director.exercise.decisions()) == 1


def test_only_the_table_with_the_keyboard_shows_its_chosen_row_in_full(
        window, practice_file, qtbot):
    """Every pane has a chosen row; the one the keys go to (Ctrl+L, Alt+N) is the one drawn in
    the strong highlight, the others muted: a director who sees where the keyboard is does not
    type into the wrong pane."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    open_running(window, practice_file, qtbot)
    injects, posts = window.run_view.inject_view, window.run_view.posts.posts_view
    strong = QApplication.palette().color(QPalette.ColorRole.Highlight)

    def highlight(view):
        return view.palette().color(QPalette.ColorRole.Highlight)

    press(qtbot, window, "Ctrl+L")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is injects)
    assert highlight(injects) == strong and highlight(posts) != strong
    press(qtbot, window, "Alt+2")
    qtbot.waitUntil(lambda: highlight(injects) != strong)
    assert highlight(posts) != strong  # the keys went on to the decision's text
    posts.setFocus()
    qtbot.waitUntil(lambda: highlight(posts) == strong)
    assert highlight(injects) != strong
    # through a menu (chosen with the mouse) to the other table: still one strong at a time
    # (the keys go from the table to the menu, and from the menu to the other table, as Qt
    # tells it when a menu's action gives them on)
    from PySide6.QtWidgets import QMenu

    menu = QMenu(window)
    menu.setWindowFlag(Qt.WindowType.Popup)
    QApplication.instance().focusChanged.emit(posts, menu)
    QApplication.instance().focusChanged.emit(menu, injects)
    assert highlight(injects) == strong and highlight(posts) != strong


def test_each_post_s_expected_actions_start_from_the_first(window, practice_file, qtbot):
    """Space ticks the first action of the next post, not the row the last one's cursor was on
    (a wrong tick goes straight into the answer-key coverage)."""
    director = open_running(window, practice_file, qtbot)
    panel = window.run_view.posts
    editor = panel.editor
    run = director.focus
    with_actions = [p for p in run.inject.targets if len(run.inject.expected.get(p, ())) > 1]
    assert len(with_actions) >= 2
    first, second = (run.inject.targets.index(p) for p in with_actions[:2])
    panel.choose_post(first)
    editor.covers_view.setCurrentIndex(editor.covers.index(1, 0))
    qtbot.keyClick(editor.covers_view, Qt.Key.Key_Space)
    assert editor.covers.ticked() == [1]
    panel.choose_post(second)
    assert editor.covers_view.currentIndex().row() == 0
    qtbot.keyClick(editor.covers_view, Qt.Key.Key_Space)
    assert editor.covers.ticked() == [0]


def test_a_post_keeps_its_alt_key_on_every_inject(window, practice_file, qtbot):
    """Alt+4 is the same post on every inject (a director who learns "Alt+4 is the police"
    never records against another post); a key no target post has chooses nothing."""
    director = open_running(window, practice_file, qtbot, delivered=3)
    posts = [p.id for p in director.scenario.posts]
    assert len(posts) <= 9
    panel = window.run_view.posts
    seen = {}
    for run in director.state.injects[:3]:
        director.set_focus(run.inject.id)
        for row, post_id in enumerate(run.inject.targets):
            seen.setdefault(post_id, set()).add(alt(window, row))
    assert seen == {p: {f"Alt+{posts.index(p) + 1}"} for p in seen}
    run = director.focus
    absent = next(n for n, p in enumerate(posts, 1) if p not in run.inject.targets)
    chosen = panel._post_id
    press(qtbot, window, f"Alt+{absent}")
    assert panel._post_id == chosen
    present = run.inject.targets[-1]
    press(qtbot, window, f"Alt+{posts.index(present) + 1}")
    assert panel._post_id == present and panel.editor.text.hasFocus()


def test_a_post_told_after_the_threshold_is_late_whatever_the_seconds(window, practice_file,
                                                                     qtbot, monkeypatch):
    director = open_running(window, practice_file, qtbot)
    run = director.state.current
    delivered = run.delivered_at
    monkeypatch.setattr(director.exercise, "now", lambda: delivered + timedelta(minutes=20))
    for post_id, after in zip(run.inject.targets, (timedelta(minutes=9, seconds=20),
                                                   timedelta(minutes=9, seconds=35)), strict=False):
        director.record_decision(run.inject.id, post_id, "bao_cao", "Xong", delivered + after, ())
    states = {a.post_id: a for a in director.answers(director.state.current)}
    first, second = run.inject.targets[:2]
    assert not states[first].late and states[second].late  # 9 and 10 minutes, as told
    assert posts_states(window)[:2] == ["Answered after 9 min", "Answered after 10 min (late)"]


def test_waiting_and_answered_minutes_are_told_alike(window, practice_file, qtbot):
    """At 4 min 15 s one post "answered after 4 min" and another "waiting for 3 min" read as a
    contradiction: both are rounded alike, and late as told."""
    director = open_running(window, practice_file, qtbot)
    answer_text = window.run_view.posts.posts.answer_text
    run = director.state.current
    at = run.delivered_at + timedelta(minutes=4, seconds=40)
    director.exercise.now = lambda: at + timedelta(minutes=1)
    director.record_decision(run.inject.id, run.inject.targets[0], "bao_cao", "Xong", at, ())
    answers = director.answers(director.state.current, now=at)
    assert [answer_text(a) for a in answers[:2]] == ["Answered after 5 min", "Waiting for 5 min"]
    late = director.answers(director.state.current, now=run.delivered_at + timedelta(
        minutes=director.late_minutes - 1, seconds=35))
    assert late[1].late and answer_text(late[1]).startswith("LATE")


def test_the_decision_just_recorded_is_in_sight(window, practice_file, qtbot):
    director = open_running(window, practice_file, qtbot)
    window.resize(1366, 700)
    window.show()
    qtbot.waitExposed(window)
    panel = window.run_view.posts
    run = director.state.current
    for n in range(7):  # more than the list shows at once
        panel.choose_post(n % len(run.inject.targets))
        panel.editor.text.setPlainText(f"Quyet dinh {n}")
        panel.record()
    view = panel.decisions_view
    last = max(director.exercise.decisions(run.inject.id), key=lambda d: d.id)
    index = panel.decisions.index(panel.decisions.row_of(last.id), 0)
    assert view.viewport().rect().intersects(view.visualRect(index))


def test_f4_corrects_the_latest_decision(window, practice_file, qtbot, monkeypatch):
    from dientap_desktop.ui import posts_panel

    director = open_running(window, practice_file, qtbot)
    panel = window.run_view.posts
    for n in range(2):
        panel.choose_post(n)
        panel.editor.text.setPlainText(f"Quyet dinh {n}")
        panel.record()
    latest = max(director.exercise.decisions(), key=lambda d: d.id)
    opened = []
    monkeypatch.setattr(posts_panel.DecisionDialog, "exec",
                        lambda dialog: opened.append(dialog.decision.id))
    window.run_view.focus_list()
    press(qtbot, window, "F4")
    assert opened == [latest.id]
    panel.choose_post(2)  # another decision: F4 now corrects that one, not the one before
    panel.editor.text.setPlainText("Quyet dinh 2")
    panel.record()
    newest = max(director.exercise.decisions(), key=lambda d: d.id)
    press(qtbot, window, "F4")
    assert opened == [latest.id, newest.id]


def test_a_decision_chosen_in_the_list_is_never_another_after_the_list_changes(
        window, practice_file, qtbot, monkeypatch):
    from dientap_desktop.ui import posts_panel

    director = open_running(window, practice_file, qtbot, delivered=2)
    panel, view = window.run_view.posts, window.run_view.inject_view
    opened = []
    monkeypatch.setattr(posts_panel.DecisionDialog, "exec",
                        lambda dialog: opened.append(dialog.decision.id))
    for row in (0, 1):  # two decisions on each of the two injects
        view.selectRow(row)
        for n in range(2):
            panel.choose_post(n)
            panel.editor.text.setPlainText(f"Quyet dinh {row}.{n}")
            panel.record()
    view.selectRow(0)
    decisions = panel.decisions_view
    chosen = panel.decisions.row(panel.decisions.index(1, 0))
    decisions.setFocus()
    decisions.setCurrentIndex(panel.decisions.index(1, 0))
    press(qtbot, window, "F4")
    assert opened == [chosen.id]
    view.selectRow(1)  # another inject: its second row is not the decision chosen before
    decisions.setFocus()
    assert not decisions.selectionModel().hasSelection()
    press(qtbot, window, "F4")  # nothing chosen: the latest recorded, now chosen in sight
    latest = max(director.decisions("th-02"), key=lambda d: d.id)
    assert opened == [chosen.id, latest.id]
    assert panel.decisions.row(decisions.currentIndex()).id == latest.id


def test_the_projector_tells_before_and_after_the_start(window, practice_file, qtbot):
    assert window.open_file(practice_file)
    window.act_projector.setChecked(True)
    assert "about to begin" in window.projector.text()
    press(qtbot, window, "F5")
    assert "has begun" in window.projector.text()  # the clock runs, no inject handed out yet


def test_a_long_offset_from_the_plan_reads_in_hours(window, practice_file, qtbot):
    open_running(window, practice_file, qtbot)
    bar = window.run_view.clock_bar
    assert bar._offset_text(206) == "3 h 26 min ahead"
    assert bar._offset_text(-45) == "45 min behind"
    assert bar._offset_text(-60) == "1 h 0 min behind"


def test_a_damaged_exercise_file_is_told_by_its_name_with_where_the_copies_are(
        window, practice_file, answers):
    """The line names the file, not its folders or SQLite's words (both under details), and
    says where the program's own copies of the exercise are."""
    data = practice_file.read_bytes()
    bad = practice_file.with_name("hong.dientap")
    bad.write_bytes(data[:4096] + b"\x07" * 8192 + data[4096 + 8192:])
    assert not window.open_file(bad)
    told, details = answers.of("error")[-1].split("\n" + str(bad), 1)  # message, details
    assert "\nhong.dientap: the file is damaged and cannot be read; open a copy" in told
    assert "File ▸ Automatic copies" in told
    assert str(bad.parent) not in told and "malformed" not in told
    assert "malformed" in details


def test_expected_actions_wrapped_on_two_lines_keep_room_for_their_marks(
        window, practice_file, qtbot):
    """Vietnamese stacks marks above and below the line: a wrapped expected action's row is
    higher than its lines, so "uống" keeps its descender and "ỉ" its hook."""
    from PySide6.QtCore import Qt as QtNs

    open_running(window, practice_file, qtbot)
    editor = window.run_view.posts.editor
    view = editor.covers_view
    assert editor.covers.rowCount()
    metrics = view.fontMetrics()
    for row in range(editor.covers.rowCount()):
        index = editor.covers.index(row, 0)
        rect = view.visualRect(index)
        text = index.data()
        lines = metrics.boundingRect(0, 0, rect.width() - 30, 10_000,
                                     int(QtNs.TextFlag.TextWordWrap), text).height()
        assert rect.height() >= lines + 4, (text, rect.height(), lines)


@pytest.mark.parametrize("found, copies", [
    ("*** in database main ***; Page 24: btreeInitPage() returns error code 11", True),
    ('database disk image is malformed), unless "hong.dientap-wal" beside it holds changes of '
     'another file (was a copy put in its place?): close the program, move "hong.dientap-wal" '
     'and "hong.dientap-shm" to another folder, then open the file again', False),
])
def test_the_automatic_copies_are_offered_only_when_a_copy_is_what_to_open(
        window, practice_file, answers, monkeypatch, found, copies):
    """Damaged: open a copy. Damaged unless a -wal beside it is another file's: move the -wal
    (an automatic copy, up to ten minutes old, would lose the last actions)."""
    from dientap_desktop.storage.database import FileProblem
    from dientap_desktop.ui import main_window

    def damaged(path, **_kwargs):
        raise FileProblem(f"{path}: the file is damaged ({found})")

    monkeypatch.setattr(main_window.ExerciseFile, "open", damaged)
    assert not window.open_file(practice_file)
    assert ("Automatic copies" in answers.of("error")[-1]) is copies


def test_a_time_typed_before_the_delivery_s_second_is_told_as_kept_at_the_delivery(
        window, practice_file, qtbot, answers):
    """Typed in the delivery's minute but before its second: the decision is the delivery's
    moment (a post answers once asked), and the director is told, with both times."""
    from dientap_desktop.ui import labels
    from dientap_desktop.ui.posts_panel import to_qt

    director = open_running(window, practice_file, qtbot)
    panel = window.run_view.posts
    delivered = director.state.current.delivered_at
    typed = delivered.replace(second=0, microsecond=0)
    if delivered.second == 0:  # delivered in the minute's first second: the form (to the
        return                 # second) has nothing earlier in its minute
    # typed as the director types it: the field changes (it may show that very second already,
    # when the form was last set in the minute's first second)
    panel.editor.given.setDateTime(to_qt(typed - timedelta(minutes=1)))
    panel.editor.given.setDateTime(to_qt(typed))
    panel.editor.text.setPlainText("Báo cáo ngay")
    panel.record()
    [decision] = director.exercise.decisions(inject_id=director.state.current.inject.id)
    assert decision.given_at == delivered
    told = answers.of("info")[-1]
    assert labels.local_time(typed, seconds=True) in told
    assert labels.local_time(delivered, seconds=True) in told


def test_a_long_form_title_is_cut_with_an_ellipsis_and_whole_in_its_tooltip(
        window, practice_file, qtbot):
    """The form's title (post and player) never runs past the panel's edge: "Decision of:"
    goes, then the post's title is cut with "…", the player's name staying whole; whole in
    its tooltip."""
    director = open_running(window, practice_file, qtbot, delivered=3)
    panel = window.run_view.posts
    rows = range(len(director.state.current.inject.targets))
    titles = []
    for row in rows:
        panel.choose_post(row)
        titles.append(panel.form_title.toolTip())
    longest = max(rows, key=lambda r: len(titles[r]))
    panel.choose_post(longest)
    title = panel.form_title.toolTip()
    assert title.startswith("Decision of: ")
    window.resize(900, 700)
    metrics = panel.form_title.fontMetrics()
    qtbot.waitUntil(lambda: metrics.horizontalAdvance(title) > panel.form_title.width())
    shown = panel.form_title.text()
    assert metrics.horizontalAdvance(shown) <= panel.form_title.width()
    assert panel.form_title.toolTip() == title
    who = title[title.rindex(" ("):]
    assert who.endswith(")") and shown.endswith(who) and not shown.startswith("Decision of")
    # narrower still (a panel squeezed by its splitter): the post's title is cut, not the name
    panel.form_title.setFixedWidth(metrics.horizontalAdvance("Chủ tịch UBND…" + who))
    panel._fit_form_title()  # as the panel's resizing does
    assert panel.form_title.text().endswith("…" + who)
    assert metrics.horizontalAdvance(panel.form_title.text()) <= panel.form_title.width()


def test_the_projector_opens_again_after_a_crash_or_a_quit_but_not_once_the_director_closed_it(
        window, practice_file, qtbot, ui_settings, tmp_path):
    from dientap_desktop.ui.main_window import MainWindow
    from dientap_desktop.ui.settings import Settings

    def on_disk():  # what a program started after a crash would read
        return Settings(tmp_path / "settings.ini")

    def opened_again() -> MainWindow:
        again = MainWindow(on_disk())
        qtbot.addWidget(again)
        again.show()
        qtbot.waitExposed(again)
        assert again.open_file(practice_file)
        qtbot.wait(50)
        return again

    open_running(window, practice_file, qtbot)
    press(qtbot, window, "Ctrl+P")
    press(qtbot, window, "F11")
    assert window.projector.isVisible() and window.projector.isFullScreen()
    assert on_disk().projecting == str(practice_file.resolve())
    assert on_disk().projector_full_screen
    window.close_exercise()  # the file let go, the projector window still up: as a crash leaves

    again = opened_again()
    qtbot.waitUntil(lambda: again.projector is not None and again.projector.isVisible())
    assert again.act_projector.isChecked()
    # full screen only on a screen of its own: on the only one it would hide the director's
    assert not again.projector.isFullScreen() and again.isActiveWindow()
    inject = again.director.state.current.inject
    assert inject.title in again.projector.text()
    press(qtbot, again, "Ctrl+Q")  # the program closed with the projector: it comes back
    assert not again.isVisible() and not again.projector
    assert on_disk().projecting == str(practice_file.resolve())

    third = opened_again()
    qtbot.waitUntil(lambda: third.projector is not None and third.projector.isVisible())
    assert inject.title in third.projector.text()
    third.projector.close()  # closed by the director: it does not open by itself next time
    assert not third.act_projector.isChecked()
    assert on_disk().projecting == ""
    third.close()
    assert on_disk().projecting == ""
    fourth = opened_again()
    assert fourth.projector is None or not fourth.projector.isVisible()
    press(qtbot, fourth, "Ctrl+P")  # nor when hidden with Ctrl+P before the program closed
    assert fourth.projector.isVisible()
    press(qtbot, fourth, "Ctrl+P")
    fourth.close()
    assert on_disk().projecting == ""
    fifth = opened_again()
    assert fifth.projector is None or not fifth.projector.isVisible()
    fifth.close()


def test_the_correction_dialog_saves_by_its_access_key_and_says_ctrl_enter(
        window, practice_file, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from dientap_desktop.ui.posts_panel import DecisionDialog

    director = open_running(window, practice_file, qtbot)
    inject = director.state.current.inject
    decision = director.record_decision(inject.id, inject.targets[0], "bao_cao", "Ban dau",
                                        None, ())
    dialog = DecisionDialog(director, decision, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert "Ctrl+Enter" in save.text()  # Enter makes a new line in the text: say what saves
    qtbot.keyClicks(dialog.editor.text, " da sua")
    press(qtbot, dialog, "Alt+S")
    qtbot.waitUntil(lambda: director.exercise.decisions(inject_id=inject.id)[0].version == 2)
    assert director.exercise.decisions(inject_id=inject.id)[0].text == "Ban dau da sua"


def test_a_draft_the_file_refuses_stays_in_the_window_and_closing_asks(
        window, practice_file, qtbot, answers):
    import sqlite3

    director = open_running(window, practice_file, qtbot)
    panel = window.run_view.posts
    keep = director.exercise.keep_draft

    def full_disk(*_args):
        raise sqlite3.OperationalError("database or disk is full")

    director.exercise.keep_draft = full_disk
    press(qtbot, window, alt(window, 0))
    qtbot.keyClicks(panel.editor.text, "Khong luu duoc")
    press(qtbot, window, alt(window, 1))  # the file refuses it: told beside the form, kept
    assert not panel.unkept.isHidden() and "disk is full" in panel.unkept.text()
    assert "kept in this window only" in panel.unkept.text()
    assert answers.of("error") == []  # no dialog to take the keys being typed
    qtbot.keyClicks(panel.editor.text, " nua")  # the typing goes on into the form
    press(qtbot, window, alt(window, 0))
    assert panel.editor.text.toPlainText() == "Khong luu duoc"
    answers.queue = [False]
    window.act_close.trigger()  # it would be lost: asked, with how many
    assert "2 decisions typed in the form have not been recorded" in answers.of("yes_no")[-1]
    assert window.exercise is not None
    director.exercise.keep_draft = keep  # the disk has room again: kept, nothing asked
    assert director.keep_unkept() == 0 and panel.unkept.isHidden()
    asked = len(answers.of("yes_no"))
    window.act_close.trigger()
    assert window.exercise is None and len(answers.of("yes_no")) == asked
    assert answers.of("error") == []


def test_steady_typing_is_kept_before_it_stops(window, practice_file, qtbot):
    from dientap_desktop.storage.exercise_file import ExerciseFile

    director = open_running(window, practice_file, qtbot)
    panel = window.run_view.posts
    press(qtbot, window, alt(window, 0))
    kept = {}
    for letter in "khong ngung go":  # a key every 0.2 s: the typing never stops 0.4 s
        qtbot.keyClicks(panel.editor.text, letter)
        qtbot.wait(200)
        with ExerciseFile.open(practice_file, readonly=True) as other:
            kept = other.drafts()
        if kept:
            break
    assert [d.text for d in kept.values()] and "khong".startswith(
        next(iter(kept.values())).text[:5])
    assert director.drafts


def test_a_damaged_draft_is_left_out_and_the_exercise_opens(window, practice_file, qtbot):
    import sqlite3

    conn = sqlite3.connect(practice_file)
    conn.execute("INSERT INTO drafts VALUES ('th-01', 'cong-an', 'bao_cao', 'x', 'not json', "
                 "NULL, '2026-01-01T00:00:00+00:00')")
    conn.execute("INSERT INTO drafts VALUES ('th-01', 'chqs', 'bao_cao', 'y', '[]', "
                 "'garbage', '2026-01-01T00:00:00+00:00')")
    conn.commit()
    conn.close()
    assert window.open_file(practice_file)
    assert window.director.drafts == {}


def test_drafts_of_an_inject_undone_or_skipped_are_not_announced(
        window, practice_file, qtbot, answers, ui_settings):
    from dientap_desktop.ui.main_window import MainWindow

    director = open_running(window, practice_file, qtbot, delivered=2)
    panel = window.run_view.posts
    second = director.state.current.inject
    press(qtbot, window, alt(window, 0))
    qtbot.keyClicks(panel.editor.text, "Go tren tinh huong bi hoan tac")
    panel.keep_draft()
    answers.queue = [True]
    press(qtbot, window, "F8")  # undone: the draft waits for the inject's delivery
    assert director.run(second.id).status != "delivered" and director.drafts
    window.close()
    again = MainWindow(ui_settings)
    qtbot.addWidget(again)
    assert again.open_file(practice_file)
    qtbot.wait(50)
    assert not any("typed before" in m for m in answers.of("info"))
    again.close()


def test_a_projector_left_by_a_crash_with_another_exercise_is_forgotten(
        window, practice_file, qtbot, ui_settings, tmp_path):
    import shutil

    other = tmp_path / "khac.dientap"
    shutil.copy(practice_file, other)
    ui_settings.projecting = str(other.resolve())  # a crash while projecting another one
    open_running(window, practice_file, qtbot)
    qtbot.wait(50)
    assert ui_settings.projecting == ""
    assert window.projector is None or not window.projector.isVisible()


def test_keys_pressed_in_the_projector_window_go_to_the_director_s(
        window, practice_file, qtbot):
    """Clicked to be moved to the other screen, the projector window has the keyboard: the
    post's key, the decision typed and Ctrl+Enter all reach the director's window, which takes
    the keyboard back; nothing is typed into nothing."""
    from PySide6.QtWidgets import QApplication

    director = open_running(window, practice_file, qtbot)
    press(qtbot, window, "Ctrl+P")
    projector = window.projector
    projector.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector)
    second = window.run_view.posts.posts.key_of(1)
    qtbot.keyClick(projector, getattr(Qt.Key, f"Key_{second}"), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    post = director.state.current.inject.targets[1]
    assert window.run_view.posts.post_shown == post
    projector.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector)
    qtbot.keyClicks(projector, "Bao vay")
    assert window.run_view.posts.editor.text.toPlainText() == "Bao vay"
    qtbot.keyClick(projector, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [(d.post_id, d.text) for d in director.exercise.decisions()] == [(post, "Bao vay")]


def test_f11_leaves_the_keyboard_with_the_director_s_window(window, practice_file, qtbot):
    """The projector put full screen (and back) by F11 took the keyboard: the director's next
    keys went to it and were lost."""
    from PySide6.QtWidgets import QApplication

    open_running(window, practice_file, qtbot)
    press(qtbot, window, "Ctrl+P")
    QApplication.processEvents()  # the run view's keyboard put in the form, once shown
    view = window.run_view.inject_view
    view.setFocus()
    row = view.currentIndex().row()
    press(qtbot, window, "F11")
    QApplication.processEvents()  # what the window system does with it (the activation)
    assert window.projector.isFullScreen()
    assert QApplication.activeWindow() is window
    press(qtbot, window, "Down")  # to the focus of the active window, as the keyboard does
    assert view.currentIndex().row() == row + 1
    press(qtbot, window, "F11")
    QApplication.processEvents()
    assert not window.projector.isFullScreen() and QApplication.activeWindow() is window


def test_moving_keys_pressed_in_the_projector_window_go_to_the_director_s(
        window, practice_file, qtbot):
    """The arrows, Backspace, Tab and Enter pressed in the projector window (clicked, it has
    the keyboard) do what they do in the director's window: only letters and shortcuts went."""
    from PySide6.QtWidgets import QApplication

    open_running(window, practice_file, qtbot)
    press(qtbot, window, "Ctrl+P")
    projector, posts = window.projector, window.run_view.posts
    posts.focus_form()

    def to_projector():
        projector.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is projector)

    to_projector()
    qtbot.keyClicks(projector, "Bao vayy")
    qtbot.keyClick(projector, Qt.Key.Key_Backspace)
    qtbot.keyClick(projector, Qt.Key.Key_Return)  # a new line in the decision
    qtbot.keyClicks(projector, "xong")
    assert posts.editor.text.toPlainText() == "Bao vay\nxong"
    qtbot.keyClick(projector, Qt.Key.Key_Tab)  # on from the text, as Tab does there
    assert QApplication.focusWidget() is not posts.editor.text
    view = window.run_view.inject_view
    view.setFocus()
    row = view.currentIndex().row()
    to_projector()
    qtbot.keyClick(projector, Qt.Key.Key_Down)
    assert view.currentIndex().row() == row + 1


def test_a_list_s_own_key_pressed_in_the_projector_works_only_in_that_list(
        window, demo_file, qtbot, answers, tmp_path):
    """Backspace pressed in the projector window, the keyboard in the run view: the results'
    notes list, out of sight, took it as its own and took a note back."""
    import shutil

    from PySide6.QtWidgets import QApplication

    assert window.open_file(shutil.copy(demo_file, tmp_path / "demo.dientap"))
    window.act_results_view.trigger()
    notes = window.results_view.notes_view
    notes.setCurrentIndex(notes.model().index(0, 0))
    before = len(window.exercise.notes())
    window.show_tab(0)
    press(qtbot, window, "Ctrl+P")
    projector = window.projector
    projector.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector)
    qtbot.keyClick(projector, Qt.Key.Key_Backspace)
    assert answers.of("yes_no") == [] and len(window.exercise.notes()) == before > 0


def test_tab_goes_from_a_list_to_what_follows_without_changing_its_row(
        window, practice_file, qtbot):
    """Tab in the inject list or the posts list goes on to the next control: it does not walk
    the list's cells, wrapping around and moving the selection."""
    from PySide6.QtWidgets import QApplication

    director = open_running(window, practice_file, qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for view in (window.run_view.inject_view, window.run_view.posts.posts_view):
        view.setFocus()
        row = view.currentIndex().row()
        focus = director.focus_id
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not view
        assert view.currentIndex().row() == row and director.focus_id == focus


def test_a_corrected_time_before_the_delivery_is_refused_in_a_sentence(
        window, practice_file, qtbot, answers):
    director, decision, dialog = correcting_a_first_decision(window, practice_file, qtbot)
    dialog.editor.given.setDateTime(dialog.editor.given.dateTime().addSecs(-7200))
    dialog.save()
    said = answers.of("error")[-1]
    assert said.startswith("The decision could not be changed.\n\nThe decision's time ")
    assert director.exercise.decision(decision.id).version == 1


def test_after_a_correction_the_keyboard_is_back_on_the_decision_corrected(
        window, practice_file, qtbot, answers):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dientap_desktop.ui.posts_panel import DecisionDialog

    window.show()
    director = open_running(window, practice_file, qtbot, delivered=1)
    panel = window.run_view.posts
    for text in ("Báo cáo lần 1", "Báo cáo lần 2"):
        panel.editor.text.setPlainText(text)
        panel.record()
    first = next(r for r in range(panel.decisions.rowCount())
                 if panel.decisions.row(panel.decisions.index(r, 0)).text == "Báo cáo lần 1")
    panel.decisions_view.setFocus()
    panel.decisions_view.selectRow(first)

    def correct_it():  # in the real dialog, shown over the window
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DecisionDialog):
            QTimer.singleShot(20, correct_it)
            return
        dialog.editor.text.setPlainText("Báo cáo lần 1, đã sửa")
        dialog.save()

    QTimer.singleShot(0, correct_it)
    press(qtbot, window, "F4")
    assert [d.text for d in director.exercise.decisions()].count("Báo cáo lần 1, đã sửa") == 1
    view = panel.decisions_view
    qtbot.waitUntil(lambda: window.focusWidget() is view)
    assert panel.decisions.row(view.currentIndex()).text == "Báo cáo lần 1, đã sửa"


def test_an_exercise_file_gone_points_to_its_automatic_copies(window, practice_file, qtbot,
                                                              answers):
    open_running(window, practice_file, qtbot)
    press(qtbot, window, "F6")
    window.close_exercise()  # a copy is kept at closing
    practice_file.unlink()  # then the file is lost (deleted, a USB stick gone)
    assert not window.open_file(practice_file)
    assert "File ▸ Automatic copies" in answers.of("error")[-1]
    other = practice_file.with_name("chua-tung-mo.dientap")  # never run here: no copies
    assert not window.open_file(other)
    assert "Automatic copies" not in answers.of("error")[-1]


def test_the_director_s_title_is_smaller_than_the_room_s(window, practice_file, qtbot):
    """The room reads the title across the hall; the director's screen keeps room for the text
    and the answer key under it."""
    director = open_running(window, practice_file, qtbot)
    window.act_projector.setChecked(True)
    title = director.state.current.inject.title

    def heading_level(document) -> int:
        block = document.begin()
        while block.isValid() and block.text() != title:
            block = block.next()
        assert block.isValid(), "the title is not a block of its own"
        return block.blockFormat().headingLevel()

    ours = heading_level(window.run_view.inject_pane.browser.document())
    room = heading_level(window.projector.browser.document())
    assert room == 1 and ours > room


def test_the_posts_list_gives_the_state_what_the_inject_s_titles_leave(
        window, practice_file, qtbot):
    """Each post's title whole in the list of the inject's posts, and not wider, as far as the
    state beside it keeps room for its longest text ("LATE: no answer for 15 min"): the state
    is what the director reads at a glance."""
    from dientap_desktop.ui.models import PostsModel

    director = open_running(window, practice_file, qtbot, delivered=6)
    view = window.run_view.posts.posts_view
    metrics = view.fontMetrics()
    late = metrics.horizontalAdvance("LATE: no answer for 99 min")
    seen = set()
    while director.state.current is not None:  # inject 6, then back to 1 with undo (F8)
        inject = director.state.current.inject
        widest = max(metrics.horizontalAdvance(director.post_title(p)) for p in inject.targets)
        title = view.columnWidth(PostsModel.POST)
        assert title <= widest + 14  # not wider than the inject's own posts
        assert view.columnWidth(PostsModel.STATE) >= late + 8
        if title < widest + 14:  # cut only for the state
            assert title + view.columnWidth(PostsModel.KEY) + view.columnWidth(
                PostsModel.STATE) == view.viewport().width()
        seen.add(title)
        press(qtbot, window, "F8")
    assert len(seen) > 1  # the injects' posts are not all as long
