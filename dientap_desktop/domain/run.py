"""Where an exercise stands: each inject's status, the current and next inject, states in force."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from dientap_desktop.domain.clock import Clock
from dientap_desktop.domain.records import Decision, Delivery
from dientap_desktop.domain.scenario import Inject, Scenario

PENDING, DELIVERED, SKIPPED = "pending", "delivered", "skipped"


@dataclass(frozen=True)
class InjectRun:
    """One inject in the run: its status and, once delivered, when and how late against plan."""

    inject: Inject
    number: int
    status: str
    delivered_at: datetime | None = None
    elapsed_minutes: float | None = None  # exercise clock at delivery

    @property
    def delay_minutes(self) -> float | None:
        """Minutes late against the plan at delivery (negative: early); None without a plan."""
        if self.elapsed_minutes is None or self.inject.at is None:
            return None
        return self.elapsed_minutes - self.inject.at


@dataclass(frozen=True)
class RunState:
    """The run of an exercise at one moment."""

    injects: tuple[InjectRun, ...]
    current: InjectRun | None  # the inject most recently delivered
    next: InjectRun | None  # the first pending inject in file order
    # The states in force and the story time follow the delivered injects in the plan's order:
    # an inject delivered late, after a later one, does not take the story back.
    readiness: str
    locality: str
    story_time: str | None = None  # of the last delivered inject in plan order that gives one
    latest: datetime | None = None  # when the most recent delivery or skip that counts was made
    handed_out: int = 0  # how many injects are delivered or skipped
    skipped: int = 0  # how many of those are skipped
    furthest: int = 0  # the number of the last delivered inject in plan order (0: none)

    def of(self, inject_id: str) -> InjectRun:
        """The run of one inject."""
        return next(r for r in self.injects if r.inject.id == inject_id)

    @property
    def finished_all(self) -> bool:
        """Whether no inject is pending."""
        return self.next is None


def active_deliveries(deliveries: Iterable[Delivery]) -> list[Delivery]:
    """The deliveries that still count, in the order they were made (a clock set back between
    two cannot swap them)."""
    return sorted((d for d in deliveries if d.active), key=lambda d: d.id)


def run_state(scenario: Scenario, clock: Clock, deliveries: Iterable[Delivery]) -> RunState:
    """The status of every inject, the current and next ones, and the states in force."""
    active = active_deliveries(deliveries)
    last_action = {d.inject_id: d for d in active}
    runs = []
    for number, inject in enumerate(scenario.injects, 1):
        delivery = last_action.get(inject.id)
        if delivery is None:
            runs.append(InjectRun(inject, number, PENDING))
        else:
            status = DELIVERED if delivery.action == "delivered" else SKIPPED
            runs.append(
                InjectRun(
                    inject,
                    number,
                    status,
                    delivery.at,
                    clock.elapsed_minutes(delivery.at) if status == DELIVERED else None,
                )
            )
    by_id = {r.inject.id: r for r in runs}
    delivered = [d for d in active if d.action == "delivered"]
    current = by_id[delivered[-1].inject_id] if delivered else None
    pending = next((r for r in runs if r.status == PENDING), None)
    readiness, locality, story, furthest = "thuong_xuyen", "binh_thuong", None, 0
    for run in runs:
        if run.status == DELIVERED:
            readiness, locality = _states_after(run.inject, readiness, locality)
            story = run.inject.scenario_time or story
            furthest = run.number
    skipped = sum(d.action != "delivered" for d in last_action.values())
    return RunState(tuple(runs), current, pending, readiness, locality, story,
                    active[-1].at if active else None, len(last_action), skipped, furthest)


def with_delivery(state: RunState, scenario: Scenario, clock: Clock,
                  deliveries: Iterable[Delivery], delivery: Delivery) -> RunState:
    """The run state once `delivery`, just added to `deliveries`, counts.

    A new delivery or skip is the most recent action, so the state follows from the one before in
    a few steps (one inject changes; the next pending one is found from there on): a delivery on
    the large exercise stays within one frame. When the new action is not the most recent (the
    computer's clock was set back), or an inject is delivered before one further in the plan
    (the states in force follow the plan's order), the state is worked out again from every
    delivery.
    """
    index = scenario.inject_number(delivery.inject_id) - 1
    before = state.injects[index].status
    if (state.latest is not None and delivery.at < state.latest) or before == DELIVERED \
            or (delivery.action != "delivered" and before != PENDING) \
            or (delivery.action == "delivered" and index + 1 < state.furthest):
        # set-back clock, an action the exercise file refuses, or an inject delivered behind
        # the plan's furthest: worked out in full
        return run_state(scenario, clock, deliveries)
    inject = scenario.injects[index]
    if delivery.action == "delivered":
        run = InjectRun(inject, index + 1, DELIVERED, delivery.at,
                        clock.elapsed_minutes(delivery.at))
    else:
        run = InjectRun(inject, index + 1, SKIPPED, delivery.at)
    runs = (*state.injects[:index], run, *state.injects[index + 1:])
    handed_out = state.handed_out + (before == PENDING)
    skipped = state.skipped + (run.status == SKIPPED) - (before == SKIPPED)
    pending = state.next
    if pending is not None and pending.inject.id == delivery.inject_id:
        # every inject before this one was handed out or skipped already
        pending = next((r for r in runs[index + 1:] if r.status == PENDING), None)
    if run.status != DELIVERED:
        return RunState(runs, state.current, pending, state.readiness, state.locality,
                        state.story_time, delivery.at, handed_out, skipped, state.furthest)
    readiness, locality = _states_after(inject, state.readiness, state.locality)
    return RunState(runs, run, pending, readiness, locality,
                    inject.scenario_time or state.story_time, delivery.at, handed_out, skipped,
                    index + 1)


def _states_after(inject: Inject, readiness: str, locality: str) -> tuple[str, str]:
    """The readiness and locality in force once the inject is delivered."""
    change = inject.state
    if change is None:
        return readiness, locality
    return change.readiness or readiness, change.locality or locality


def plan_offset_minutes(state: RunState, clock: Clock, now: datetime) -> float | None:
    """Minutes behind the plan now (negative: ahead); None when the plan gives no time to compare.

    Behind when the next inject's planned time has passed; otherwise the lateness of the
    delivery furthest in the plan stands (early deliveries put the run ahead; an inject skipped
    and delivered late does not put it behind).
    """
    elapsed = clock.elapsed_minutes(now)
    if (state.next is not None and state.next.inject.at is not None
            and elapsed > state.next.inject.at):
        return elapsed - state.next.inject.at
    furthest = state.injects[state.furthest - 1] if state.furthest else None
    if furthest is not None and furthest.delay_minutes is not None:
        return furthest.delay_minutes
    return 0.0 if state.next is not None and state.next.inject.at is not None else None


def whole_minutes(minutes: float) -> int:
    """A duration told in whole minutes, rounded half up, the same in the window and on paper
    (a post that answered 58 seconds after the inject answered after 1 minute)."""
    return math.floor(minutes + 0.5)


def response_minutes(clock: Clock, run: InjectRun, decision: Decision) -> float | None:
    """Exercise minutes from the inject's delivery to the decision, pauses excluded; never
    below 0: a decision recorded with a time before the delivery (a slip in the time field,
    which older files may hold) counts as answered at once, as the run view counts it."""
    if run.delivered_at is None:
        return None
    took = clock.elapsed_minutes(decision.given_at) - clock.elapsed_minutes(run.delivered_at)
    return max(0.0, took)
