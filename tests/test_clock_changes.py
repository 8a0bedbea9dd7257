"""A laptop's clock that is wrong or changed during the exercise cannot reorder the record, make
the exercise clock jump, or let a decision be dated before its inject or in the future; a change
the file could not take is told as not saved."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from dientap_desktop.domain.clock import Clock, SteadyNow
from dientap_desktop.domain.records import ClockEvent
from dientap_desktop.storage.exercise_file import ActionError, ExerciseFile
from tests.conftest import FakeClock
from tests.ui_support import answers, ui_settings, window  # noqa: F401

T0 = datetime(2023, 11, 15, 1, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


class Ticks:
    """A steady clock (seconds) that tests move by hand."""

    def __init__(self):
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def test_setting_the_system_clock_during_the_exercise_moves_nothing():
    wall, ticks = FakeClock(at(0)), Ticks()
    now = SteadyNow(None, wall=wall, ticks=ticks)
    assert now() == at(0) and now.behind == timedelta(0)
    ticks.seconds += 600
    wall.moment = at(-50)  # set back an hour at 01:10
    assert now() == at(10)
    ticks.seconds += 300
    wall.moment = at(120)  # then forward
    assert now() == at(15)


def test_a_laptop_behind_the_file_goes_on_from_its_last_moment():
    ticks = Ticks()
    now = SteadyNow(at(30), wall=FakeClock(at(0)), ticks=ticks)
    assert now.behind == timedelta(minutes=30)
    assert now() == at(30)
    ticks.seconds += 60
    assert now() == at(31)
    ahead = SteadyNow(at(0), wall=FakeClock(at(5)), ticks=ticks)
    assert ahead() == at(5) and ahead.behind == timedelta(0)


def test_the_exercise_clock_never_counts_backwards():
    # a file written by a clock set back between the start and the pause (before this version)
    clock = Clock((ClockEvent("start", at(60)), ClockEvent("pause", at(10)),
                   ClockEvent("resume", at(20))))
    assert clock.elapsed(at(25)) == timedelta(minutes=5)


def test_the_inject_delivered_last_is_the_current_one_whatever_its_time(exercise, fake_clock):
    first, second = exercise.scenario.injects[:2]
    exercise.start()
    fake_clock.advance(30)
    exercise.deliver(first.id)
    fake_clock.advance(-20)  # a clock set back (a file written before this version)
    exercise.deliver(second.id)
    state = exercise.run_state()
    assert state.current.inject.id == second.id
    assert state.next.inject.id == exercise.scenario.injects[2].id


def test_opening_on_a_laptop_behind_keeps_the_record_in_order(tmp_path, hostage_scenario):
    path = tmp_path / "ex.dientap"
    ahead = datetime.now(UTC) + timedelta(hours=1)  # the first laptop's clock was an hour ahead
    with ExerciseFile.create(path, hostage_scenario, name="Thử",
                             now=lambda: ahead) as exercise:
        exercise.start()
        exercise.deliver_next()
    with ExerciseFile.open(path) as exercise:
        assert timedelta(minutes=59) < exercise.now.behind < timedelta(minutes=61)
        delivery = exercise.deliver_next()
        assert delivery.at >= ahead
        assert exercise.run_state().current.inject.id == delivery.inject_id
        times = [e.at for e in exercise.log()]
        assert times == sorted(times)
        assert exercise.clock().elapsed(exercise.now()) >= timedelta(0)


def test_the_window_tells_when_the_laptop_clock_is_behind(window, answers, tmp_path,
                                                          hostage_scenario, qtbot):
    path = tmp_path / "ex.dientap"
    ahead = datetime.now(UTC) + timedelta(minutes=45)
    ExerciseFile.create(path, hostage_scenario, name="Thử", now=lambda: ahead).close()
    assert window.open_file(path)
    qtbot.waitUntil(lambda: bool(answers.of("info")))
    [told] = answers.of("info")
    assert "clock is 45 minutes behind" in told or "clock is 44 minutes behind" in told
    answers.asked.clear()
    on_time = tmp_path / "on-time.dientap"
    ExerciseFile.create(on_time, hostage_scenario, name="Thử").close()
    assert window.open_file(on_time)
    qtbot.wait(20)
    assert answers.of("info") == []  # a right clock: nothing to tell


def test_reopening_an_exercise_left_running_says_its_clock_went_on(window, answers, tmp_path,
                                                                  hostage_scenario, qtbot):
    path = tmp_path / "ex.dientap"
    before = datetime.now(UTC) - timedelta(minutes=12)  # left running (a crash) 12 minutes ago
    with ExerciseFile.create(path, hostage_scenario, name="Thử", now=lambda: before) as ex:
        ex.start()
        ex.deliver_next()
    assert window.open_file(path)
    qtbot.waitUntil(lambda: bool(answers.of("info")))
    [told] = answers.of("info")
    assert "left running" in told and "12 minutes ago" in told and "F9" in told
    paused = tmp_path / "paused.dientap"
    with ExerciseFile.create(paused, hostage_scenario, name="Thử", now=lambda: before) as ex:
        ex.start()
        ex.pause()  # paused before closing: nothing went on
    answers.asked.clear()
    assert window.open_file(paused)
    qtbot.wait(20)
    assert answers.of("info") == []


def test_a_decision_cannot_be_dated_before_its_inject_or_in_the_future(exercise, fake_clock):
    inject = exercise.scenario.injects[0]
    post = inject.targets[0]
    exercise.start()
    fake_clock.advance(10)
    delivery = exercise.deliver(inject.id)
    fake_clock.advance(5)
    before = exercise.log()
    with pytest.raises(ActionError, match="before the inject was delivered"):
        exercise.record_decision(inject.id, post, "bao_cao", "Sớm", given_at=at(0))
    with pytest.raises(ActionError, match="has not come yet"):
        exercise.record_decision(inject.id, post, "bao_cao", "Mai", given_at=at(60 * 24))
    assert exercise.log() == before and exercise.decisions(inject.id) == []
    same_minute = delivery.at.replace(second=0)  # as the window shows it, to the minute
    decision = exercise.record_decision(inject.id, post, "bao_cao", "Kịp", given_at=same_minute)
    with pytest.raises(ActionError, match="before the inject was delivered"):
        exercise.edit_decision(decision.id, given_at=at(1))
    assert exercise.decision(decision.id).given_at == same_minute


def test_a_time_typed_in_the_minute_of_the_delivery_is_never_before_it(exercise, fake_clock):
    """The time field shows minutes: 10:30 typed for an inject delivered at 10:30:48 means the
    post answered at once, not 48 seconds before it was asked."""
    from dientap_desktop.domain.run import response_minutes

    inject = exercise.scenario.injects[0]
    exercise.start()
    fake_clock.advance(10, seconds=48)
    delivery = exercise.deliver(inject.id)
    fake_clock.advance(5)
    typed = delivery.at.replace(second=0)
    first = exercise.record_decision(inject.id, inject.targets[0], "bao_cao", "Ngay",
                                     given_at=typed)
    assert first.given_at == delivery.at
    second = exercise.record_decision(inject.id, inject.targets[1], "bao_cao", "Sau")
    corrected = exercise.edit_decision(second.id, given_at=typed)
    assert corrected.given_at == delivery.at and corrected.version == 2
    run = exercise.run_state().injects[0]
    assert [response_minutes(exercise.clock(), run, d)
            for d in exercise.decisions(inject.id)] == [0, 0]


def test_a_change_the_file_could_not_take_is_told_as_not_saved(answers):
    from dientap_desktop.ui.errors import reporting

    def failure(text: str, code: int) -> sqlite3.Error:
        error = sqlite3.OperationalError(text)
        error.sqlite_errorcode = code  # as SQLite raises it
        return error

    with reporting(None, "The decision could not be recorded."):
        raise failure("database or disk is full", 13)  # SQLITE_FULL
    [told] = answers.of("error")
    assert "could not be recorded" in told and "NOT saved" in told and "disk is full" in told
    with reporting(None, "The inject could not be delivered."):
        raise failure("database is locked", 5)  # SQLITE_BUSY
    assert "in use by another program" in answers.of("error")[-1]


def test_the_log_tells_when_a_late_entered_decision_was_given(exercise, fake_clock):
    inject = exercise.scenario.injects[0]
    exercise.start()
    delivery = exercise.deliver(inject.id)
    fake_clock.advance(10)
    given = delivery.at + timedelta(minutes=2)
    exercise.record_decision(inject.id, inject.targets[0], "bao_cao", "Muộn", given_at=given)
    exercise.record_decision(inject.id, inject.targets[1], "bao_cao", "Ngay")
    lines = [e.summary for e in exercise.log() if e.action == "decision"]
    shown = (given + timedelta(hours=7)).strftime("%H:%M")  # Vietnam's time
    assert lines[0].endswith(f"Muộn (xử trí lúc {shown})")
    assert lines[1].endswith("Ngay")  # given as it was entered: nothing to add


def test_a_decision_kept_through_an_undone_delivery_can_still_be_corrected(exercise, fake_clock):
    inject = exercise.scenario.injects[0]
    post = inject.targets[0]
    exercise.start()
    exercise.deliver(inject.id)
    fake_clock.advance(3)
    decision = exercise.record_decision(inject.id, post, "bao_cao", "Bản đầu")
    fake_clock.advance(2)
    exercise.undo_last_delivery()  # "decisions already recorded on it are kept"
    fake_clock.advance(5)
    exercise.deliver(inject.id)
    fake_clock.advance(1)
    edited = exercise.edit_decision(decision.id, text="Bản sửa",
                                    given_at=decision.given_at + timedelta(seconds=30))
    assert edited.text == "Bản sửa"  # its time, before the second delivery, still stands


def test_correcting_only_the_text_keeps_the_time_to_the_microsecond(window, answers, qtbot,
                                                                     tmp_path, hostage_scenario):
    from dientap_desktop.ui.posts_panel import DecisionDialog

    path = tmp_path / "ex.dientap"
    ExerciseFile.create(path, hostage_scenario, name="Thử").close()
    assert window.open_file(path)
    window.act_start.trigger()
    window.act_next.trigger()
    director = window.director
    inject = director.state.current.inject
    decision = director.exercise.record_decision(inject.id, inject.targets[0], "bao_cao", "Đầu")
    dialog = DecisionDialog(director, decision, window)
    qtbot.addWidget(dialog)
    dialog.editor.text.setPlainText("Đã sửa chữ")
    dialog.save()
    edited = director.exercise.decision(decision.id)
    assert (edited.text, edited.given_at) == ("Đã sửa chữ", decision.given_at)
    assert "xử trí lúc" not in director.exercise.log()[-1].summary


def test_a_change_of_language_does_not_tell_again_what_opening_told(
        qapp, qtbot, ui_settings, answers, tmp_path, hostage_scenario):
    from dientap_desktop import app

    path = tmp_path / "ex.dientap"
    before = datetime.now(UTC) - timedelta(minutes=12)
    with ExerciseFile.create(path, hostage_scenario, name="Thử", now=lambda: before) as ex:
        ex.start()
        ex.deliver_next()
    ui_settings.language = "vi"
    app.install_translations(qapp, "vi")
    window = app.build_window(ui_settings, str(path))
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: len(answers.of("info")) == 1)  # left running: told once
        window.set_language("en")
        qtbot.waitUntil(lambda: bool(app._windows) and app._windows[-1] is not window)
        new = app._windows[-1]
        qtbot.addWidget(new)
        qtbot.wait(50)
        assert len(answers.of("info")) == 1  # not again for the same file in the new window
        new.close()
    finally:
        app.install_translations(qapp, "en")
        ui_settings.language = "en"
        app._windows.clear()


def test_after_a_crash_what_there_is_to_know_is_told_in_one_notice(window, answers, tmp_path,
                                                                   hostage_scenario, qtbot):
    """Left running with the projector showing and a decision typed: the clock that went on,
    the kept decision and, the projector back on the only screen, where it is: one notice."""
    from dientap_desktop.domain.records import Draft

    path = tmp_path / "ex.dientap"
    before = datetime.now(UTC) - timedelta(minutes=12)
    with ExerciseFile.create(path, hostage_scenario, name="Thử", now=lambda: before) as ex:
        ex.start()
        ex.deliver_next()
        inject = hostage_scenario.injects[0]
        ex.keep_draft(inject.id, inject.targets[0], Draft("ra_menh_lenh", "Triển khai lực lượng"))
    window.settings.projecting = str(path)  # the projector was showing it when it stopped
    assert window.open_file(path)
    qtbot.waitUntil(lambda: bool(answers.of("info")))
    qtbot.wait(50)
    [told] = answers.of("info")
    assert told.startswith("The exercise goes on\n") and "12 minutes ago" in told
    assert "1 decision typed before the file was last closed" in told
    assert "This computer sees one screen only" in told
    assert window.projector is not None and window.projector.isVisible()
    window.toggle_projector(False)
    window.toggle_projector(True)  # told once
    assert len(answers.of("info")) == 1
