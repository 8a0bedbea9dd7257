"""The exercise clock (paused time excluded) and the run state of injects."""

from datetime import UTC, datetime, timedelta

import pytest

from dientap_desktop.domain.clock import Clock, ClockError
from dientap_desktop.domain.records import ClockEvent, Delivery
from dientap_desktop.domain.run import plan_offset_minutes, run_state, with_delivery
from tests.helpers import small_scenario

T0 = datetime(2023, 11, 15, 1, 0, tzinfo=UTC)


def at(minutes):
    return T0 + timedelta(minutes=minutes)


def test_elapsed_excludes_paused_time():
    clock = Clock((ClockEvent("start", at(0)), ClockEvent("pause", at(10)),
                   ClockEvent("resume", at(40)), ClockEvent("finish", at(50))))
    assert clock.elapsed_minutes(at(5)) == 5
    assert clock.elapsed_minutes(at(30)) == 10
    assert clock.elapsed_minutes(at(45)) == 15
    assert clock.elapsed_minutes(at(90)) == 20
    assert clock.status == "finished"
    assert clock.pauses() == [(at(10), at(40))]


def test_status_transitions_are_checked():
    assert Clock().status == "planned"
    with pytest.raises(ClockError):
        Clock().check("pause")
    running = Clock((ClockEvent("start", at(0)),))
    assert running.check("pause") == "paused"
    with pytest.raises(ClockError):
        running.check("start")


def test_resumed_exercise_is_not_late_by_the_pause():
    scenario = small_scenario(at=(0, 30, 60))
    clock = Clock((ClockEvent("start", at(0)), ClockEvent("pause", at(5)),
                   ClockEvent("resume", at(25))))
    deliveries = [Delivery(1, "i1", "delivered", at(0))]
    state = run_state(scenario, clock, deliveries)
    # 40 wall minutes later but only 20 running minutes: i2 (planned 30) is not due yet
    assert plan_offset_minutes(state, clock, at(40)) == pytest.approx(0)
    assert plan_offset_minutes(state, clock, at(60)) == pytest.approx(10)


def test_an_inject_skipped_and_delivered_late_does_not_put_the_run_behind():
    scenario = small_scenario(at=(0, 30, 60))
    clock = Clock((ClockEvent("start", at(0)),))
    deliveries = [Delivery(1, "i1", "skipped", at(0)), Delivery(2, "i2", "delivered", at(30)),
                  Delivery(3, "i1", "delivered", at(32))]  # planned at 0: 32 minutes late
    state = run_state(scenario, clock, deliveries)
    assert state.current.inject.id == "i1"
    assert plan_offset_minutes(state, clock, at(33)) == pytest.approx(0)  # i2 was on time
    assert plan_offset_minutes(state, clock, at(70)) == pytest.approx(10)  # i3 is due


def test_out_of_order_skip_undo_and_states():
    scenario = small_scenario()
    clock = Clock((ClockEvent("start", at(0)),))
    deliveries = [
        Delivery(1, "i2", "delivered", at(1)),
        Delivery(2, "i1", "skipped", at(2)),
        Delivery(3, "i3", "delivered", at(3), undone_at=at(4)),
    ]
    state = run_state(scenario, clock, deliveries)
    assert [r.status for r in state.injects] == ["skipped", "delivered", "pending"]
    assert state.current.inject.id == "i2" and state.next.inject.id == "i3"
    assert (state.readiness, state.locality) == ("cao", "khan_cap_quoc_phong")
    assert state.story_time == "09 giờ 00 ngày N"
    assert state.of("i2").delay_minutes == pytest.approx(1 - 30)


def _many_injects(count=8):
    import dataclasses

    from dientap_desktop.domain.scenario import StateChange

    base = small_scenario()
    template = base.injects[0]
    injects = tuple(
        dataclasses.replace(
            template, id=f"i{n}", title=f"Tình huống {n}", at=n * 10,
            scenario_time=f"{n:02d} giờ" if n % 3 else None,
            state=StateChange(readiness=("cao", "toan_bo")[n // 4 % 2]) if n % 4 == 0 else None)
        for n in range(1, count + 1))
    return dataclasses.replace(base, injects=injects)


@pytest.mark.parametrize("seed", range(60))
def test_a_state_worked_out_step_by_step_equals_the_state_worked_out_in_full(seed):
    """As the director's window does it: deliveries and skips step by step, undo in full."""
    import dataclasses
    import random

    rng = random.Random(seed)
    scenario = _many_injects()
    clock = Clock((ClockEvent("start", at(0)), ClockEvent("pause", at(7)),
                   ClockEvent("resume", at(9))))
    deliveries: list[Delivery] = []
    state = run_state(scenario, clock, deliveries)
    for step in range(1, 16):
        moment = at(step // 2)  # two actions in the same minute: ties broken by id
        active = [d for d in deliveries if d.active]
        pending = [r for r in state.injects if r.status == "pending"]
        skipped = [r for r in state.injects if r.status == "skipped"]
        choice = rng.random()
        if choice < 0.15 and active:  # undo the last one: the window works it out in full
            last = active[-1]
            deliveries[deliveries.index(last)] = dataclasses.replace(last, undone_at=moment)
            state = run_state(scenario, clock, deliveries)
            continue
        if not pending and not skipped:
            break
        if choice < 0.55 and state.next is not None:
            delivery = Delivery(step, state.next.inject.id, "delivered", moment)
        elif choice < 0.85 or not pending:
            delivery = Delivery(step, rng.choice(pending + skipped).inject.id, "delivered", moment)
        else:
            delivery = Delivery(step, rng.choice(pending).inject.id, "skipped", moment)
        deliveries.append(delivery)
        state = with_delivery(state, scenario, clock, deliveries, delivery)
        assert state == run_state(scenario, clock, deliveries)


def test_an_action_the_file_would_refuse_is_worked_out_in_full():
    scenario = _many_injects()
    clock = Clock((ClockEvent("start", at(0)),))
    deliveries = [Delivery(1, "i1", "delivered", at(1))]
    state = run_state(scenario, clock, deliveries)
    odd = Delivery(2, "i1", "skipped", at(2))  # a skip of a delivered inject
    deliveries.append(odd)
    assert with_delivery(state, scenario, clock, deliveries, odd) == run_state(
        scenario, clock, deliveries)


def test_a_delivery_dated_before_the_last_one_is_the_current_one():
    scenario = _many_injects()
    clock = Clock((ClockEvent("start", at(0)),))
    deliveries = [Delivery(1, "i1", "delivered", at(5)), Delivery(2, "i2", "delivered", at(6))]
    state = run_state(scenario, clock, deliveries)
    late_entry = Delivery(3, "i4", "delivered", at(2))  # the computer's clock was set back
    deliveries.append(late_entry)
    state = with_delivery(state, scenario, clock, deliveries, late_entry)
    assert state == run_state(scenario, clock, deliveries)
    assert state.current.inject.id == "i4"  # the one delivered last, whatever its time says


def test_an_inject_delivered_behind_a_later_one_does_not_take_the_story_back():
    scenario = _many_injects()  # i4 puts readiness "toan_bo" in force, i8 "cao"
    clock = Clock((ClockEvent("start", at(0)),))
    deliveries = [Delivery(1, "i1", "delivered", at(1)), Delivery(2, "i2", "delivered", at(2)),
                  Delivery(3, "i4", "skipped", at(3)), Delivery(4, "i8", "delivered", at(4))]
    state = run_state(scenario, clock, deliveries)
    assert (state.story_time, state.readiness, state.furthest) == ("08 giờ", "cao", 8)
    late = Delivery(5, "i4", "delivered", at(5))  # the skipped one, delivered after all
    deliveries.append(late)
    state = with_delivery(state, scenario, clock, deliveries, late)
    assert state == run_state(scenario, clock, deliveries)
    assert state.current.inject.id == "i4"  # on the projector
    assert (state.story_time, state.readiness) == ("08 giờ", "cao")  # the story goes on
    assert (state.handed_out, state.skipped) == (4, 0)
