"""The exercise clock: elapsed running time from the start events, paused time excluded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from dientap_desktop.domain.records import ClockEvent


class ClockError(ValueError):
    """A clock action that does not fit the exercise's status (e.g. pause before start)."""


# status -> the actions allowed from it, and the status each leads to
TRANSITIONS = {
    "planned": {"start": "running"},
    "running": {"pause": "paused", "finish": "finished"},
    "paused": {"resume": "running", "finish": "finished"},
    "finished": {},
}


@dataclass(frozen=True)
class Clock:
    """The exercise's clock, derived from its start, pause, resume and finish events."""

    events: tuple[ClockEvent, ...] = ()

    @property
    def status(self) -> str:
        """planned, running, paused or finished."""
        status = "planned"
        for event in self.events:
            status = TRANSITIONS[status].get(event.kind, status)
        return status

    @property
    def started_at(self) -> datetime | None:
        """When the exercise started, if it has."""
        return next((e.at for e in self.events if e.kind == "start"), None)

    @property
    def finished_at(self) -> datetime | None:
        """When the exercise finished, if it has."""
        return next((e.at for e in self.events if e.kind == "finish"), None)

    def check(self, action: str) -> str:
        """The status after `action`, or ClockError when the action does not fit."""
        following = TRANSITIONS[self.status].get(action)
        if following is None:
            raise ClockError(f"cannot {action} an exercise that is {self.status}")
        return following

    def elapsed(self, at: datetime) -> timedelta:
        """Running time from the start to `at`, without the paused time; zero before the start."""
        total = timedelta(0)
        running_since: datetime | None = None
        for event in self.events:
            if event.at > at:
                break
            if event.kind in ("start", "resume") and running_since is None:
                running_since = event.at
            elif event.kind in ("pause", "finish") and running_since is not None:
                total += event.at - running_since
                running_since = None
        if running_since is not None:
            total += at - running_since
        return max(total, timedelta(0))

    def elapsed_minutes(self, at: datetime) -> float:
        """Running time at `at` in minutes."""
        return self.elapsed(at).total_seconds() / 60

    def pauses(self) -> list[tuple[datetime, datetime | None]]:
        """Each pause as (paused at, resumed at or None while still paused)."""
        result: list[tuple[datetime, datetime | None]] = []
        for event in self.events:
            if event.kind == "pause":
                result.append((event.at, None))
            elif event.kind in ("resume", "finish") and result and result[-1][1] is None:
                result[-1] = (result[-1][0], event.at)
        return result
