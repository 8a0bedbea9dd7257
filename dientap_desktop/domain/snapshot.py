"""Everything an exercise holds at one moment, as plain data for reports, kits and workers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property

from dientap_desktop.domain.clock import Clock, vietnam_time
from dientap_desktop.domain.records import (
    Decision,
    Delivery,
    ExerciseInfo,
    LogEntry,
    Note,
    Person,
    Score,
)
from dientap_desktop.domain.run import RunState, run_state
from dientap_desktop.domain.scenario import Scenario
from dientap_desktop.domain.scoring import ExerciseResult, score_exercise


@dataclass(frozen=True)
class Span:
    """How long an exercise ran, as the papers count it: from its start to `until`, which is
    its finish; while it is paused, the moment it was paused (a pause still open when the
    papers are printed, a day later maybe, is where the exercise stands, not a pause of known
    length); while it runs, the moment the snapshot was taken (the papers say so)."""

    status: str  # the clock's: planned, running, paused or finished
    started: datetime | None
    until: datetime | None  # None before the start
    running_minutes: float | None  # from the start to `until`, pauses excluded
    paused_minutes: float  # the pauses over before `until`


@dataclass(frozen=True)
class ExerciseSnapshot:
    """An exercise read whole: identity, scenario, people, clock, run, decisions, scores, notes."""

    info: ExerciseInfo
    scenario: Scenario
    roster: dict[str, Person]
    clock: Clock
    deliveries: tuple[Delivery, ...]
    decisions: tuple[Decision, ...]
    observers: tuple[str, ...]
    scores: tuple[Score, ...]
    notes: tuple[Note, ...]
    log: tuple[LogEntry, ...]
    taken_at: datetime

    def to_whole_seconds(self) -> ExerciseSnapshot:
        """The same exercise with its clock, deliveries and decisions cut to the second, as the
        papers print their times: a duration printed beside them is then what a reader counts
        from them (08:01:13 to 08:04:43 is 3 min 30 s, whatever the fractions were)."""
        def cut(moment: datetime | None) -> datetime | None:
            return moment.replace(microsecond=0) if moment is not None else None

        return replace(
            self,
            clock=replace(self.clock, events=tuple(replace(e, at=cut(e.at))
                                                   for e in self.clock.events)),
            deliveries=tuple(replace(d, at=cut(d.at), undone_at=cut(d.undone_at))
                             for d in self.deliveries),
            decisions=tuple(replace(d, given_at=cut(d.given_at)) for d in self.decisions),
            taken_at=cut(self.taken_at))

    def with_start_day(self) -> ExerciseSnapshot:
        """The same exercise dated, when no date was typed for it, by the day it started in
        Vietnam (the papers' "ngày ... tháng ... năm ..."); as it is before its start."""
        started = self.clock.started_at
        if self.info.date is not None or started is None:
            return self
        return replace(self, info=replace(self.info, date=vietnam_time(started).date()))

    def with_end_day(self) -> ExerciseSnapshot:
        """The same exercise with its documents dated the day it finished in Vietnam when it
        ran past midnight: a report is not dated before what it tells. As it is before its
        finish, or when it finished on the day it started."""
        clock = self.clock
        started, finished = clock.started_at, clock.finished_at
        if clock.status != "finished" or started is None or finished is None:
            return self
        day = vietnam_time(finished).date()
        if day <= vietnam_time(started).date():
            return self
        return replace(self, info=replace(self.info, dated=day))

    def span(self) -> Span:
        """How long the exercise ran up to its finish, its open pause, or this moment."""
        clock = self.clock
        status, started = clock.status, clock.started_at
        pauses = clock.pauses()
        if started is None:
            return Span(status, None, None, None, 0.0)
        if status == "finished" and clock.finished_at is not None:
            until = clock.finished_at
        elif status == "paused" and pauses and pauses[-1][1] is None:
            until = pauses[-1][0]
        else:
            until = max(self.taken_at, started)
        paused = sum(max((end - since).total_seconds(), 0) / 60 for since, end in pauses
                     if end is not None and end <= until)  # max: a clock once set back
        return Span(status, started, until, clock.elapsed_minutes(until), paused)

    def person(self, post_id: str) -> Person:
        """Who plays a post (an empty Person when nobody was named)."""
        return self.roster.get(post_id) or Person(post_id)

    def results(self) -> ExerciseResult:
        """Scores and ratings of every post and of the exercise."""
        return score_exercise(self.scenario, self.scores)

    def run_state(self) -> RunState:
        """Where the run stands."""
        return run_state(self.scenario, self.clock, self.deliveries)

    @cached_property
    def decisions_by_inject(self) -> dict[str, list[Decision]]:
        """Each inject's current decisions by time given, grouped in one pass."""
        grouped: dict[str, list[Decision]] = {}
        for decision in sorted(self.decisions, key=lambda d: (d.given_at, d.id)):
            grouped.setdefault(decision.inject_id, []).append(decision)
        return grouped

    def decisions_for(self, inject_id: str, post_id: str | None = None) -> list[Decision]:
        """The current decisions on an inject, optionally of one post, by time given."""
        return [
            d
            for d in self.decisions_by_inject.get(inject_id, [])
            if post_id is None or d.post_id == post_id
        ]
