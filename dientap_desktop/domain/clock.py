"""The exercise clock: elapsed running time from the start events, paused time excluded."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from dientap_desktop.domain.records import ClockEvent

# Vietnam's time: every time shown or printed is in it, whatever zone the laptop is set to (the
# files store UTC), so the screen and the signed papers say the same.
VIETNAM = timezone(timedelta(hours=7))


def vietnam_time(moment: datetime) -> datetime:
    """An instant in Vietnam's time (a naive one is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM)


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
            if event.at > at:  # later (and, in a file written by a clock set back, one that
                continue      # comes before earlier ones)
            if event.kind in ("start", "resume") and running_since is None:
                running_since = event.at
            elif event.kind in ("pause", "finish") and running_since is not None:
                total += max(event.at - running_since, timedelta(0))  # a clock once set back
                running_since = None
        if running_since is not None:
            total += max(at - running_since, timedelta(0))
        return total

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


def _ticks() -> float:
    """Seconds on a clock that changes to the system's date and time do not move; on Linux it
    also counts the time the laptop sleeps (CLOCK_BOOTTIME), as the exercise goes on meanwhile."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    return time.clock_gettime(boottime) if boottime is not None else time.monotonic()


class SteadyNow:
    """"Now" for an open exercise file: the system's time when the file was opened, never
    earlier than the last moment the file recorded, carried on by a clock that setting the
    system's time does not move. A laptop whose clock is behind (a spare one, without network
    time) or a clock changed during the exercise cannot put new events before earlier ones,
    or make the exercise clock jump."""

    def __init__(self, last_recorded: datetime | None,
                 wall: Callable[[], datetime] = lambda: datetime.now(UTC),
                 ticks: Callable[[], float] = _ticks):
        opened = wall()
        self.behind = max(last_recorded - opened, timedelta(0)) if last_recorded else timedelta(0)
        self._anchor = opened + self.behind  # how far the system clock was behind the file
        self._ticks = ticks
        self._start = ticks()

    def __call__(self) -> datetime:
        return self._anchor + timedelta(seconds=self._ticks() - self._start)
