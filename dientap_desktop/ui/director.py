"""The director's session on one open exercise: the actions, with their confirmations, and the
state the panels show, kept in memory and refreshed after each action."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from dientap_desktop.domain.clock import Clock
from dientap_desktop.domain.records import Decision, Delivery, Draft, ExerciseInfo, Person
from dientap_desktop.domain.run import (
    DELIVERED,
    PENDING,
    SKIPPED,
    InjectRun,
    RunState,
    plan_offset_minutes,
    run_state,
    whole_minutes,
    with_delivery,
)
from dientap_desktop.domain.scenario import Inject
from dientap_desktop.storage.database import FileProblem
from dientap_desktop.storage.exercise_file import ActionError, ExerciseFile
from dientap_desktop.ui import dialogs
from dientap_desktop.ui.errors import not_saved, reporting

WAITING, ANSWERED, NOT_DUE = "waiting", "answered", "not_due"


class PostAnswer:
    """Where one target post stands on one inject: answered or not, after how long, late or not."""

    __slots__ = ("post_id", "state", "minutes", "late", "decisions")

    def __init__(self, post_id: str, state: str, minutes: float | None, late: bool,
                 decisions: int):
        self.post_id = post_id
        self.state = state
        self.minutes = minutes
        self.late = late
        self.decisions = decisions


class Director(QObject):
    """One open exercise: runs the director's actions and tells the panels what changed.

    Signals: `run_changed` after a delivery, skip, undo or clock action; `decisions_changed`
    (inject id) after a decision is recorded, edited or withdrawn; `info_changed` after the
    name, place, date or roster changed; `focus_changed` (inject id) when another inject is shown.
    """

    run_changed = Signal()
    decisions_changed = Signal(str)
    info_changed = Signal()
    focus_changed = Signal(str)
    # what is typed in the form cannot be kept in the file: why, in a sentence ("" once it is)
    drafts_unkept = Signal(str)

    def __init__(self, exercise: ExerciseFile, late_minutes: int = 10,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.exercise = exercise
        self.scenario = exercise.scenario
        self.late_minutes = late_minutes
        self.window: QWidget | None = None  # parent of the confirmations
        self._injects = {i.id: i for i in self.scenario.injects}
        self._posts = {p.id: p for p in self.scenario.posts}
        self.focus_id: str | None = None
        self.unkept: set[tuple[str, str]] = set()  # drafts held here that the file refused
        self.reload()
        # The drafts the file holds on opening were typed before the program stopped (a crash,
        # a power cut): their decision was given then, not when recorded after reopening.
        self.drafts = {key: draft if draft.given_at or draft.kept_at is None
                       else dataclasses.replace(draft, given_at=draft.kept_at.replace(
                           microsecond=0))  # to the second, as the form gives it
                       for key, draft in self.drafts.items()}

    # ------------------------------------------------------------------ reading
    def reload(self) -> None:
        """Read everything the panels show from the file again (after a change from outside)."""
        self.info: ExerciseInfo = self.exercise.info
        self.roster: dict[str, Person] = self.exercise.roster()
        self.clock: Clock = self.exercise.clock()
        self.deliveries: list[Delivery] = self.exercise.deliveries()
        self.state = run_state(self.scenario, self.clock, self.deliveries)
        self._answers: dict[tuple[str, str], tuple[datetime, int]] = self.exercise.answer_times()
        # (inject, post) -> a decision typed in the form and not recorded, as the file keeps it
        held = {key: self.drafts[key] for key in self.unkept if key in self.drafts}
        self.drafts: dict[tuple[str, str], Draft] = {**self.exercise.drafts(), **held}
        self.focus_id = self._default_focus()

    def _reload_answers(self, inject_id: str) -> None:
        for key in [k for k in self._answers if k[0] == inject_id]:
            del self._answers[key]
        self._answers.update(self.exercise.answer_times(inject_id))

    def _default_focus(self) -> str | None:
        run = self.state.current or self.state.next
        return run.inject.id if run else (self.scenario.injects[0].id
                                          if self.scenario.injects else None)

    def inject(self, inject_id: str) -> Inject:
        """An inject of the scenario by id."""
        return self._injects[inject_id]

    def post_title(self, post_id: str) -> str:
        """The title of a post."""
        post = self._posts.get(post_id)
        return post.title if post else post_id

    def person(self, post_id: str) -> Person:
        """Who plays a post."""
        return self.roster.get(post_id) or Person(post_id)

    @property
    def status(self) -> str:
        """planned, running, paused or finished."""
        return self.clock.status

    @property
    def state(self) -> RunState:
        """The run now: each inject's status, the current and next inject, the states in force."""
        return self._state

    @state.setter
    def state(self, state: RunState) -> None:
        self._state = state
        self._runs = {run.inject.id: run for run in state.injects}

    def _advance(self, delivery: Delivery) -> None:
        """Take a new delivery or skip into the state: only its inject's run changes."""
        self._state = with_delivery(self._state, self.scenario, self.clock, self.deliveries,
                                    delivery)
        index = self.scenario.inject_number(delivery.inject_id) - 1
        self._runs = {**self._runs, delivery.inject_id: self._state.injects[index]}

    def run(self, inject_id: str) -> InjectRun:
        """The run of one inject (a dictionary look-up: the large exercise has 1,000)."""
        return self._runs[inject_id]

    @property
    def focus(self) -> InjectRun | None:
        """The inject shown in the run view (the current one unless the director chose another)."""
        return self._runs.get(self.focus_id) if self.focus_id else None

    def set_focus(self, inject_id: str | None) -> None:
        """Show another inject in the run view."""
        if inject_id is None:
            inject_id = self._default_focus()
        if inject_id != self.focus_id:
            self.focus_id = inject_id
            self.focus_changed.emit(inject_id or "")

    def elapsed_minutes(self, now: datetime | None = None) -> float:
        """Exercise time now, paused time excluded."""
        return self.clock.elapsed_minutes(now or self.exercise.now())

    def plan_offset(self, now: datetime | None = None) -> float | None:
        """Minutes behind the plan (negative: ahead)."""
        if self.status == "planned":
            return None
        return plan_offset_minutes(self.state, self.clock, now or self.exercise.now())

    def story_time(self) -> str | None:
        """The time inside the story now."""
        return self.state.story_time

    def delivered_count(self) -> int:
        """How many injects are delivered (skipped ones not counted)."""
        return self.state.handed_out - self.state.skipped

    def answers(self, run: InjectRun, now: datetime | None = None) -> list[PostAnswer]:
        """Each target post of an inject: waiting, answered after N minutes, late or not."""
        result = []
        now = now or self.exercise.now()
        delivered_at = run.elapsed_minutes if run.status == DELIVERED else None
        for post_id in run.inject.targets:
            answer = self._answers.get((run.inject.id, post_id))
            if delivered_at is None:
                result.append(PostAnswer(post_id, NOT_DUE, None, False,
                                         answer[1] if answer else 0))
            elif answer is None:
                minutes = max(0.0, self.clock.elapsed_minutes(now) - delivered_at)
                result.append(PostAnswer(post_id, WAITING, minutes,
                                         whole_minutes(minutes) >= self.late_minutes, 0))
            else:
                minutes = max(0.0, self.clock.elapsed_minutes(answer[0]) - delivered_at)
                # late as it is told, waiting or answered: "10 min" is late with a threshold of
                # 10, whatever the seconds (the minutes shown and printed are rounded alike)
                result.append(PostAnswer(post_id, ANSWERED, minutes,
                                         whole_minutes(minutes) >= self.late_minutes, answer[1]))
        return result

    def answered_count(self, inject_id: str) -> int:
        """How many target posts of an inject have at least one decision."""
        inject = self._injects[inject_id]
        return sum(1 for p in inject.targets if (inject_id, p) in self._answers)

    def earlier_waiting(self) -> list[tuple[InjectRun, list[str]]]:
        """Injects delivered before the current one whose target posts have not all answered,
        in the order they were handed out, with the posts still waiting on each."""
        current = self.state.current
        result = []
        for run in self.state.injects:
            if run.status != DELIVERED or run is current:
                continue
            waiting = [p for p in run.inject.targets if (run.inject.id, p) not in self._answers]
            if waiting:
                result.append((run, waiting))
        result.sort(key=lambda item: item[0].elapsed_minutes or 0)
        return result

    def waiting_posts(self) -> list[str]:
        """Posts that have not answered the current inject yet."""
        if self.state.current is None:
            return []
        return [a.post_id for a in self.answers(self.state.current) if a.state == WAITING]

    def decisions(self, inject_id: str) -> list[Decision]:
        """The current decisions on an inject."""
        return self.exercise.decisions(inject_id=inject_id)

    # ------------------------------------------------------------------ clock actions
    def _confirm(self, title: str, text: str, yes: str, no: str = "") -> bool:
        return dialogs.ask_yes_no(self.window, title, text, yes=yes, no=no)

    def _after_run_change(self, focus_current: bool = True) -> None:
        self.state = run_state(self.scenario, self.clock, self.deliveries)
        if focus_current:
            self.focus_id = self._default_focus()
        self.run_changed.emit()

    def _clock_action(self, action: str, message: str) -> bool:
        with reporting(self.window, message):
            getattr(self.exercise, action)()
            self.clock = self.exercise.clock()
            self._after_run_change(focus_current=False)
            return True
        return False

    def start(self) -> bool:
        """Start the exercise clock, after saying that it cannot be taken back."""
        text = self.tr("The exercise clock starts now: the time against the plan is counted "
                       "from this moment. An exercise once started cannot be set back to not "
                       "started.")
        if not self._confirm(self.tr("Start the exercise?"), text, self.tr("&Start")):
            return False
        return self._clock_action("start", self.tr("The exercise could not be started."))

    def pause_or_resume(self) -> bool:
        """Pause a running exercise, or resume a paused one."""
        if self.status == "running":
            return self._clock_action("pause", self.tr("The exercise could not be paused."))
        if self.status == "paused":
            return self._clock_action("resume", self.tr("The exercise could not be resumed."))
        return False

    def finish(self) -> bool:
        """End the exercise, after saying what it means."""
        pending = sum(1 for r in self.state.injects if r.status == PENDING)
        text = self.tr("The clock stops for good and no more injects can be delivered. "
                       "Decisions can still be recorded and corrected afterwards.")
        if pending:
            text += "\n\n" + self.tr("%n inject(s) have not been delivered yet.", "", pending)
        owing = len(self.earlier_waiting()) + bool(self.waiting_posts())
        if owing:
            text += "\n" + self.tr("On %n inject(s) delivered, some posts have not answered "
                                   "yet.", "", owing)
        if not self._confirm(self.tr("Finish the exercise?"), text, self.tr("Finish"),
                             self.tr("Not yet")):  # "Không" would take K, "Kết thúc"'s key
            return False
        return self._clock_action("finish", self.tr("The exercise could not be finished."))

    # ------------------------------------------------------------------ injects
    def _delivered(self, delivery: Delivery) -> None:
        self.deliveries.append(delivery)
        self._advance(delivery)
        self.focus_id = self._default_focus()
        self.run_changed.emit()

    def deliver_next(self) -> bool:
        """Hand out the next pending inject."""
        following = self.state.next
        if following is None or self.status != "running":
            return False
        with reporting(self.window, self.tr("The inject could not be delivered.")):
            self._delivered(self.exercise.deliver(following.inject.id))
            return True
        return False

    def deliver_now(self, inject_id: str) -> bool:
        """Hand out a chosen inject now; out of plan order only after a confirmation."""
        run = self.run(inject_id)
        if run.status == DELIVERED or self.status != "running":
            return False
        following = self.state.next
        if following is not None and following.inject.id != inject_id:
            text = self.tr("Inject %1 «%2» will be delivered now, before inject %3 «%4», "
                           "which stays pending.").replace("%1", str(run.number)).replace(
                "%2", run.inject.title).replace("%3", str(following.number)).replace(
                "%4", following.inject.title)
            if run.status == SKIPPED:
                text += "\n" + self.tr("It was skipped before.")
            if not self._confirm(self.tr("Deliver out of order?"), text, self.tr("Deliver now")):
                return False
        elif run.status == SKIPPED:
            text = self.tr("Inject %1 «%2» was skipped. It will be delivered now and shown on "
                           "the projector.").replace("%1", str(run.number)).replace(
                "%2", run.inject.title)
            if not self._confirm(self.tr("Deliver a skipped inject?"), text,
                                 self.tr("Deliver now")):
                return False
        with reporting(self.window, self.tr("The inject could not be delivered.")):
            self._delivered(self.exercise.deliver(inject_id))
            return True
        return False

    def skip(self, inject_id: str | None = None) -> bool:
        """Pass over a pending inject (the next one by default), after a confirmation."""
        run = self.run(inject_id) if inject_id else self.state.next
        if run is None or run.status != PENDING or self.status != "running":
            return False
        text = self.tr("Inject %1 «%2» will be marked skipped and will not be delivered. "
                       "You can undo this with “Undo” (F8).").replace(
            "%1", str(run.number)).replace("%2", run.inject.title)
        if not self._confirm(self.tr("Skip this inject?"), text, self.tr("Skip")):
            return False
        with reporting(self.window, self.tr("The inject could not be skipped.")):
            self._delivered(self.exercise.skip(run.inject.id))
            return True
        return False

    def last_delivery(self) -> Delivery | None:
        """The delivery or skip that undo would take back (deliveries are kept in id order)."""
        return next((d for d in reversed(self.deliveries) if d.active), None)

    def undo_last_delivery(self) -> bool:
        """Take back the most recent delivery or skip, after saying which."""
        last = self.last_delivery()
        if last is None:
            return False
        run = self.run(last.inject_id)
        if last.action == "delivered":
            text = self.tr("The delivery of inject %1 «%2» will be taken back: it becomes "
                           "pending again and the projector goes back to the inject before. "
                           "Decisions already recorded on it are kept.")
        else:
            text = self.tr("The skip of inject %1 «%2» will be taken back: it becomes pending "
                           "again.")
        text = text.replace("%1", str(run.number)).replace("%2", run.inject.title)
        title = self.tr("Undo the last delivery?") if last.action == "delivered" else \
            self.tr("Undo the last skip?")
        if not self._confirm(title, text, self.tr("Undo")):
            return False
        with reporting(self.window, self.tr("The last delivery could not be undone.")):
            self.exercise.undo_last_delivery()
            self.deliveries = self.exercise.deliveries()
            self._after_run_change()
            return True
        return False

    # ------------------------------------------------------------------ decisions
    def record_decision(self, inject_id: str, post_id: str, kind: str, text: str,
                        given_at: datetime | None, covers: Iterable[int]) -> Decision | None:
        """Record a post's decision on an inject."""
        with reporting(self.window, self.tr("The decision could not be recorded.")):
            decision = self.exercise.record_decision(inject_id, post_id, kind, text,
                                                     given_at=given_at, covers=covers)
            self.drafts.pop((inject_id, post_id), None)  # the file let it go with the record
            self.unkept.discard((inject_id, post_id))
            self._reload_answers(inject_id)
            self.decisions_changed.emit(inject_id)
            return decision
        return None

    def keep_draft(self, inject_id: str, post_id: str, draft: Draft | None) -> bool:
        """Keep what is typed in the form for a post on an inject (None: nothing is typed any
        more): here at once, and in the file unless it is there already. Whether the file has
        it. A file that cannot take it is told beside the form (drafts_unkept), not in a
        dialog that would take the keys being typed; the draft stays here (`unkept`), given
        back to the form, and is written again at the next try."""
        key = (inject_id, post_id)
        if self.drafts.get(key) == draft and key not in self.unkept:
            return True
        if draft is None:
            self.drafts.pop(key, None)
        else:
            self.drafts[key] = draft
        try:
            self.exercise.keep_draft(inject_id, post_id, draft)
        except (sqlite3.Error, OSError, ActionError, FileProblem) as error:  # not written
            told_before = bool(self.unkept)
            self.unkept.add(key)
            if not told_before:
                self.drafts_unkept.emit(
                    not_saved(error, self.exercise.path) + " " + self.tr(
                        "What is typed in the form is kept in this window only: record it "
                        "(Ctrl+Enter) or note it elsewhere."))
            return False
        if key in self.unkept:
            self.unkept.discard(key)
            if not self.unkept:
                self.drafts_unkept.emit("")  # all kept in the file again
        return True

    def keep_unkept(self) -> int:
        """Try again to write the drafts the file could not take; how many it still cannot."""
        for key in list(self.unkept):
            self.keep_draft(*key, self.drafts.get(key))
        return len(self.unkept)

    def waiting_drafts(self) -> list[tuple[InjectRun, str]]:
        """The drafts the director can record now (their inject delivered), by inject number:
        a draft of an inject undone or skipped waits, unannounced, for its delivery."""
        found = [(self.run(inject_id), post_id) for inject_id, post_id in self.drafts]
        return sorted(((run, post) for run, post in found if run.status == DELIVERED),
                      key=lambda item: (item[0].number, item[1]))

    def edit_decision(self, decision: Decision, kind: str, text: str, given_at: datetime | None,
                      covers: Iterable[int]) -> Decision | None:
        """Correct a decision (its time too, unless `given_at` is None); the old version stays
        in its history."""
        with reporting(self.window, self.tr("The decision could not be changed.")):
            new = self.exercise.edit_decision(decision.id, kind=kind, text=text,
                                              given_at=given_at, covers=covers)
            self._reload_answers(decision.inject_id)
            self.decisions_changed.emit(decision.inject_id)
            return new
        return None

    def delete_decision(self, decision: Decision) -> bool:
        """Withdraw a decision recorded by mistake, after a confirmation."""
        text = self.tr("The decision of %1 «%2» will be withdrawn. It stays in the file and "
                       "in the log, marked withdrawn.").replace(
            "%1", self.post_title(decision.post_id)).replace("%2", decision.text)
        if not self._confirm(self.tr("Withdraw this decision?"), text, self.tr("Withdraw")):
            return False
        with reporting(self.window, self.tr("The decision could not be withdrawn.")):
            self.exercise.delete_decision(decision.id)
            self._reload_answers(decision.inject_id)
            self.decisions_changed.emit(decision.inject_id)
            return True
        return False

    # ------------------------------------------------------------------ details
    def update_details(self, details: dict, people: Iterable[Person]) -> bool:
        """Change the exercise's details (ExerciseFile.update_info's keywords: name, place, day,
        issuer, superior, signer, signer_title) and who plays each post."""
        with reporting(self.window, self.tr("The exercise details could not be saved.")):
            self.exercise.update_info(**details)
            for person in people:
                self.exercise.set_person(person.post_id, person.name, person.rank, person.unit)
            self.info = self.exercise.info
            self.roster = self.exercise.roster()
            self.info_changed.emit()
            return True
        return False
