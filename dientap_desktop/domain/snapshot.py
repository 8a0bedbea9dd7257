"""Everything an exercise holds at one moment, as plain data for reports, kits and workers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property

from dientap_desktop.domain.clock import Clock
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
            decisions=tuple(replace(d, given_at=cut(d.given_at)) for d in self.decisions))

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
