"""The exercise file (.dientap): one SQLite database per exercise, each action committed at once."""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from dientap_desktop import __version__
from dientap_desktop.domain.clock import VIETNAM, Clock, SteadyNow
from dientap_desktop.domain.records import (
    DECISION_KIND_LABELS,
    DECISION_KINDS,
    NOTE_KINDS,
    ClockEvent,
    Decision,
    Delivery,
    Draft,
    ExerciseInfo,
    LogEntry,
    Note,
    Person,
    Score,
)
from dientap_desktop.domain.run import DELIVERED, PENDING, SKIPPED, RunState, run_state
from dientap_desktop.domain.scenario import Scenario
from dientap_desktop.domain.scenario_json import ModelError, scenario_from_json, scenario_to_json
from dientap_desktop.domain.text import clean, nfc, one_line, printable, quoted
from dientap_desktop.storage.database import (
    FileProblem,
    as_database,
    check_new_name,
    connect,
    copy_database,
    damaged,
    from_text,
    looks_like_sqlite,
    open_connection,
    raise_as_written,
    to_text,
    undecoded,
    user_version,
    utc_now,
)
from dientap_desktop.storage.opening import (
    KIT_APPLICATION_ID,
    Opening,
    digest,
    read_exercise_file,
)
from dientap_desktop.storage.schema import EXERCISE_APPLICATION_ID, upgrade

if TYPE_CHECKING:
    from sqlite_utils import Database

    from dientap_desktop.domain.score_csv import ScoreRow
    from dientap_desktop.domain.scoring import ExerciseResult
    from dientap_desktop.domain.snapshot import ExerciseSnapshot

# Scores, results and snapshots (score_csv, scoring, snapshot) are imported where they are used:
# opening a file for the director's window needs none of them.

MAX_MEDIA_BYTES = 50 * 1024 * 1024
# how the log begins a note the directing staff typed in for an observer, from paper
TYPED_FOR = "Tổ đạo diễn nhập nhận xét của "


class ActionError(ValueError):
    """An action that does not fit the exercise as it stands; nothing was written."""


@dataclass(frozen=True)
class ScoreChanges:
    """What writing a batch of scores did: scores added, replaced, left unchanged; and, of the
    unchanged, those a merged kit brought but the observer had entered later elsewhere."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    superseded: int = 0


def _given_note(given: str, entered: str) -> str:
    """" (xử trí lúc 10:02)" in a log line when a decision was given a minute or more before or
    after it was entered: the log then tells when the post gave it."""
    given_at, entered_at = from_text(given), from_text(entered)
    if abs(given_at - entered_at) < timedelta(minutes=1):
        return ""
    return f" (xử trí lúc {given_at.astimezone(VIETNAM):%H:%M})"


def _decision(row: dict) -> Decision:
    return Decision(
        id=row["id"],
        inject_id=row["inject_id"],
        post_id=row["post_id"],
        kind=row["kind"],
        text=row["text"],
        given_at=from_text(row["given_at"]),
        covers=tuple(json.loads(row["covers"])),
        version=row["version"],
    )


def _score_value(text: str) -> Fraction:
    return Fraction(text)


def _read(what: str):
    """A method that reads `what` from the file: a value there that this program never writes
    (the file was changed by another program, or by a fault of the disk) is told as a damaged
    file, naming what could not be read, instead of failing somewhere later."""
    def decorate(method):
        @functools.wraps(method)
        def read(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except (ActionError, FileProblem):
                raise
            except sqlite3.OperationalError as error:  # text that is not UTF-8 is damage
                problem = undecoded(str(self.path), error)  # the -wal beside it is ours
                if problem is None:
                    raise
                raise problem from None
            except (ValueError, TypeError, KeyError, IndexError, StopIteration) as error:
                detail = str(error) or ("missing" if isinstance(error, StopIteration)
                                        else type(error).__name__)
                raise damaged(str(self.path), f"its {what} cannot be read: "
                                              f"{printable(detail, 160)}") from None
        return read
    return decorate


class ExerciseFile:
    """An open exercise file: read the exercise, and change it one committed action at a time.

    Reads go straight through the sqlite3 connection; writes go through sqlite-utils (`db`),
    which is imported and wrapped around the same connection at the first write, so that opening
    a file does not wait for it.
    """

    def __init__(
        self,
        db: Database | sqlite3.Connection,
        path: Path,
        scenario: Scenario,
        now: Callable[[], datetime] = utc_now,
    ):
        if isinstance(db, sqlite3.Connection):
            self.conn, self._db = db, None
        else:
            self.conn, self._db = db.conn, db
        self.path = path
        self.scenario = scenario
        self.now = now
        self._inject_ids = frozenset(i.id for i in scenario.injects)
        self._post_ids = frozenset(p.id for p in scenario.posts)

    def _known(self, inject_id: str | None = None, post_id: str | None = None) -> None:
        """ValueError, told as a damaged file (see _read), for a row naming an inject or a post
        the exercise's scenario has not."""
        if inject_id is not None and inject_id not in self._inject_ids:
            raise ValueError(f"unknown inject {quoted(str(inject_id))}")
        if post_id is not None and post_id not in self._post_ids:
            raise ValueError(f"unknown post {quoted(str(post_id))}")

    def _checked(self, decision: Decision) -> Decision:
        self._known(decision.inject_id, decision.post_id)
        return decision

    @property
    def db(self) -> Database:
        """The sqlite-utils Database over the file's connection, for writing."""
        if self._db is None:
            self._db = as_database(self.conn)
        return self._db

    def prepare_writing(self) -> None:
        """Import and wrap sqlite-utils now (in idle time), not at the first action."""
        self.db  # noqa: B018

    def _query(self, sql: str, params: Iterable = ()) -> Iterator[sqlite3.Row]:
        """The rows of a read, each readable by column name."""
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, tuple(params))

    # ----------------------------------------------------------------- opening and creating

    @classmethod
    def create(
        cls,
        path: str | Path,
        scenario: Scenario,
        *,
        name: str,
        place: str = "",
        day: date | None = None,
        issuer: str = "",
        signer: str = "",
        superior: str = "",
        signer_title: str = "",
        roster: Iterable[Person] = (),
        now: Callable[[], datetime] = utc_now,
    ) -> ExerciseFile:
        """Make a new exercise file from a scenario; the file appears whole or not at all."""
        path = Path(path)
        check_new_name(path)
        if path.exists():
            raise FileProblem(f"{path}: the file already exists; choose another name")
        import uuid

        from dientap_desktop.temporary import remove_temporary, temporary_beside

        name = one_line(name) or scenario.title
        media = _read_media(scenario)
        temporary = temporary_beside(path)
        try:
            db = connect(temporary)
            upgrade(db, temporary, str(path))
            moment = to_text(now())
            with db.atomic():
                db["exercise"].insert(
                    {
                        "id": str(uuid.uuid4()),
                        "name": name,
                        "place": one_line(place),
                        "date": day.isoformat() if day else None,
                        "scenario_id": scenario.id,
                        "issuer": one_line(issuer),
                        "signer": one_line(signer),
                        "superior": one_line(superior),
                        "signer_title": one_line(signer_title),
                        "created_at": moment,
                        "app_version": __version__,
                    }
                )
                db["scenario"].insert(
                    {
                        "id": scenario.id,
                        "source": scenario.source_text,
                        "sha256": digest(scenario.source_text),
                        "model": scenario_to_json(scenario),
                    }
                )
                for relative, data in media.items():
                    db["media"].insert({"path": relative, "data": data})
                people = {p.post_id: p for p in roster}
                for post in scenario.posts:
                    person = people.get(post.id, Person(post.id))
                    db["roster"].insert(
                        {
                            "post_id": post.id,
                            "name": one_line(person.name),
                            "rank": one_line(person.rank),
                            "unit": one_line(person.unit) or (post.unit or ""),
                        }
                    )
                _log(db, moment, "create", f"Tạo cuộc diễn tập «{name}» từ kịch bản {scenario.id}")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.conn.close()
            # A -wal a deleted file of this name left (a crash) would be applied to the new one
            from dientap_desktop.storage.database import set_aside_leftovers

            set_aside_leftovers(path)
            os.replace(temporary, path)
        except (OSError, sqlite3.Error) as error:  # told as the file asked for
            raise_as_written(error, path, temporary)
        finally:
            remove_temporary(temporary, "-wal", "-shm")
        return cls.open(path, now=now)

    @classmethod
    def open(
        cls,
        path: str | Path,
        now: Callable[[], datetime] = utc_now,
        *,
        readonly: bool = False,
        opening: Opening | None = None,
    ) -> ExerciseFile:
        """Open an exercise file for work, migrating an older one after a backup copy.

        A read-only opening (for reading and printing) writes nothing and needs no write
        permission; it refuses a file of another schema version instead of migrating it.
        `opening`, the same file already being checked and read in a background thread (see
        storage/opening.py), gives its result instead of reading the file again.
        """
        path = Path(path)
        name = str(path)
        if opening is not None and (opening.path, opening.readonly) == (path, readonly):
            conn, row, source_digest = opening.result()
        else:
            conn, row, source_digest = read_exercise_file(path, readonly)
        try:
            scenario = _frozen_scenario(name, *row, source_digest)  # no SQL: plain Python
        except BaseException:
            conn.close()
            raise
        exercise = cls(conn, path, scenario, now)
        if now is utc_now and not readonly:  # what it writes never goes before what it holds
            exercise.now = SteadyNow(exercise.last_recorded())
        return exercise

    @_read("log")
    def last_recorded(self) -> datetime | None:
        """The latest moment the file's log holds (its last change), or None."""
        row = self.conn.execute("SELECT max(at) FROM log").fetchone()
        return from_text(row[0]) if row and row[0] else None

    def close(self) -> None:
        """Close the file (every action is already committed)."""
        self.conn.close()

    def fold_in(self) -> bool:
        """Write the changes committed so far from the -wal into the file itself (an SQLite
        checkpoint that waits for no one), so that a copy of the file alone, made by hand while
        it is open, holds them. False when it could not be done whole now (another program
        reading, the disk): the -wal still holds them, as after every commit."""
        try:
            busy, logged, copied = self.conn.execute(
                "PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error:
            return False
        return not busy and copied >= logged

    def save_copy(self, target: str | Path, *, replace: bool = False) -> Path:
        """A whole copy of the exercise as it is now, at `target` (a new file unless `replace`),
        while it stays open here: a backup on a USB stick in the middle of the exercise."""
        return copy_database(self.conn, self.path, Path(target), replace=replace)

    def __enter__(self) -> ExerciseFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _change(self) -> Iterator[str]:
        """One transaction: the change and its log line are committed together or not at all."""
        with self.db.atomic():
            yield to_text(self.now())

    def _log(self, moment: str, action: str, summary: str, **data: object) -> None:
        _log(self.db, moment, action, summary, **data)

    # ----------------------------------------------------------------- identity and roster

    @property
    @_read("exercise's details")
    def info(self) -> ExerciseInfo:
        """Name, place, date, scenario and status of the exercise."""
        row = next(self._query("SELECT * FROM exercise"))
        return ExerciseInfo(
            id=row["id"],
            name=row["name"],
            place=row["place"],
            date=date.fromisoformat(row["date"]) if row["date"] else None,
            scenario_id=row["scenario_id"],
            status=self.clock().status,
            issuer=row["issuer"],
            signer=row["signer"] if "signer" in row.keys() else "",  # a version 2 or 3 file
            superior=row["superior"] if "superior" in row.keys() else "",  # before version 5
            signer_title=row["signer_title"] if "signer_title" in row.keys() else "",  # before 8
        )

    def update_info(
        self,
        *,
        name: str | None = None,
        place: str | None = None,
        day: date | None = None,
        issuer: str | None = None,
        signer: str | None = None,
        superior: str | None = None,
        signer_title: str | None = None,
    ) -> None:
        """Change the exercise's name, place, date, issuing body, signer (and their title) or
        the body above."""
        old = self.info
        changes: dict[str, object] = {}
        if name is not None and one_line(name) and one_line(name) != old.name:
            changes["name"] = one_line(name)
        if place is not None and one_line(place) != old.place:
            changes["place"] = one_line(place)
        if day is not None and day != old.date:
            changes["date"] = day.isoformat()
        if issuer is not None and one_line(issuer) != old.issuer:
            changes["issuer"] = one_line(issuer)
        if signer is not None and one_line(signer) != old.signer:
            changes["signer"] = one_line(signer)
        if superior is not None and one_line(superior) != old.superior:
            changes["superior"] = one_line(superior)
        if signer_title is not None and one_line(signer_title) != old.signer_title:
            changes["signer_title"] = one_line(signer_title)
        if not changes:
            return
        with self._change() as moment:
            self.db["exercise"].update(old.id, changes)
            before = {k: getattr(old, k) for k in changes}
            before = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in before.items()}
            self._log(moment, "edit_exercise", "Sửa thông tin cuộc diễn tập",
                      old=before, new=changes)

    @_read("roster")
    def roster(self) -> dict[str, Person]:
        """Who plays each post."""
        return {
            row["post_id"]: Person(row["post_id"], row["name"], row["rank"], row["unit"])
            for row in self._query("SELECT * FROM roster")
        }

    def set_person(self, post_id: str, name: str, rank: str = "", unit: str = "") -> None:
        """Name who plays a post (with rank and unit); the old entry stays in the log."""
        self._post(post_id)
        new = Person(post_id, one_line(name), one_line(rank), one_line(unit))
        old = self.roster().get(post_id, Person(post_id))
        if new == old:
            return
        with self._change() as moment:
            self.db["roster"].upsert(
                {"post_id": post_id, "name": new.name, "rank": new.rank, "unit": new.unit},
                pk="post_id",
            )
            self._log(
                moment,
                "edit_roster",
                f"Khung tập {self.scenario.post(post_id).title}: {new.name}",
                post_id=post_id,
                old=[old.name, old.rank, old.unit],
                new=[new.name, new.rank, new.unit],
            )

    # ----------------------------------------------------------------- clock

    @_read("clock")
    def clock(self) -> Clock:
        """The exercise clock from its recorded events."""
        return Clock(
            tuple(
                ClockEvent(row["kind"], from_text(row["at"]))
                for row in self._query("SELECT kind, at FROM clock_events ORDER BY id")
            )
        )

    def _clock_event(self, kind: str, summary: str) -> None:
        clock = self.clock()
        try:
            clock.check(kind)
        except ValueError as error:
            raise ActionError(str(error)) from None
        with self._change() as moment:
            _insert(self.db, "clock_events", {"kind": kind, "at": moment})
            self._log(moment, kind, summary)

    def start(self) -> None:
        """Start the exercise clock."""
        self._clock_event("start", "Bắt đầu diễn tập")

    def pause(self) -> None:
        """Pause the clock: paused time does not count against the plan."""
        self._clock_event("pause", "Tạm dừng")

    def resume(self) -> None:
        """Resume after a pause."""
        self._clock_event("resume", "Tiếp tục")

    def finish(self) -> None:
        """End the exercise."""
        self._clock_event("finish", "Kết thúc diễn tập")

    # ----------------------------------------------------------------- injects

    def deliveries(self) -> list[Delivery]:
        """Every delivery and skip, undone ones included, oldest first."""
        return self._deliveries("1")

    @_read("deliveries")
    def _deliveries(self, where: str) -> list[Delivery]:
        """The deliveries an SQL condition of this module picks, oldest first."""
        rows = list(self._query(f"SELECT * FROM deliveries WHERE {where} ORDER BY id"))
        for row in rows:
            self._known(row["inject_id"])
        return [
            Delivery(
                row["id"],
                row["inject_id"],
                row["action"],
                from_text(row["at"]),
                from_text(row["undone_at"]) if row["undone_at"] else None,
            )
            for row in rows
        ]

    def run_state(self) -> RunState:
        """Each inject's status, the current and next inject, the states in force."""
        return run_state(self.scenario, self.clock(), self.deliveries())

    def _inject(self, inject_id: str):
        try:
            return self.scenario.inject(inject_id)
        except StopIteration:
            raise ActionError(f'unknown inject "{inject_id}"') from None

    def _post(self, post_id: str):
        try:
            return self.scenario.post(post_id)
        except StopIteration:
            raise ActionError(f'unknown post "{post_id}"') from None

    def _delivery_action(self, inject_id: str, action: str) -> Delivery:
        inject = self._inject(inject_id)
        status = self.clock().status
        if status != "running":
            raise ActionError(f"the exercise is {status}, not running")
        status = self._inject_status(inject_id)
        if status == DELIVERED or (action == "skipped" and status != PENDING):
            raise ActionError(f'inject "{inject_id}" is already {status}')
        number = self.scenario.inject_number(inject_id)
        verb = "Phát" if action == "delivered" else "Bỏ qua"
        with self._change() as moment:
            row_id = _insert(self.db, "deliveries",
                             {"inject_id": inject_id, "action": action, "at": moment})
            self._log(
                moment,
                "deliver" if action == "delivered" else "skip",
                f"{verb} tình huống {number}: {inject.title}",
                inject_id=inject_id,
            )
        return Delivery(row_id, inject_id, action, from_text(moment))

    def _inject_status(self, inject_id: str) -> str:
        """One inject's status as run_state() gives it (its last delivery or skip that still
        counts), read with one query: the director's window delivers in one frame."""
        row = self.conn.execute(
            "SELECT action FROM deliveries WHERE inject_id = ? AND undone_at IS NULL "
            "ORDER BY id DESC LIMIT 1",
            [inject_id],
        ).fetchone()
        if row is None:
            return PENDING
        return DELIVERED if row[0] == "delivered" else SKIPPED

    def deliver(self, inject_id: str) -> Delivery:
        """Hand out an inject now (in order or not)."""
        return self._delivery_action(inject_id, "delivered")

    def deliver_next(self) -> Delivery:
        """Hand out the first pending inject."""
        following = self.run_state().next
        if following is None:
            raise ActionError("every inject has been delivered or skipped")
        return self.deliver(following.inject.id)

    def skip(self, inject_id: str) -> Delivery:
        """Pass over a pending inject."""
        return self._delivery_action(inject_id, "skipped")

    def undo_last_delivery(self) -> Delivery:
        """Take back the most recent delivery or skip; it stays in the history as undone."""
        last = self._deliveries(
            "id = (SELECT max(id) FROM deliveries WHERE undone_at IS NULL)"
        )
        if not last:
            raise ActionError("there is no delivery to undo")
        delivery = last[0]
        inject = self.scenario.inject(delivery.inject_id)
        number = self.scenario.inject_number(inject.id)
        with self._change() as moment:
            self.db["deliveries"].update(delivery.id, {"undone_at": moment})
            self._log(
                moment,
                "undo_delivery",
                f"Hoàn tác phát tình huống {number}: {inject.title}",
                inject_id=inject.id,
                delivery=delivery.id,
                undone_action=delivery.action,
            )
        return delivery

    # ----------------------------------------------------------------- decisions

    def _check_decision(self, inject_id: str, post_id: str, kind: str, text: str, covers) -> tuple:
        inject = self._inject(inject_id)
        self._post(post_id)
        if kind not in DECISION_KINDS:
            raise ActionError(
                f'unknown decision kind "{kind}" (known: {", ".join(DECISION_KINDS)})'
            )
        if not clean(text):
            raise ActionError("the decision text is empty")
        expected = inject.expected.get(post_id, ())
        covered = tuple(sorted(set(covers)))
        if any(not 0 <= i < len(expected) for i in covered):
            raise ActionError(f'covered actions out of range for post "{post_id}"')
        return covered

    def _given(self, inject_id: str, given_at: datetime) -> datetime:
        """A decision's time as it is kept; ActionError when it cannot be: before its inject was
        first delivered (to the minute the window shows; a delivery undone and made again counts
        from the first, as decisions given on it are kept), or later than now. A time typed in
        the minute of the delivery but before its second is the delivery's moment: the post
        answered at once, never before it was asked."""
        def shown(moment: datetime) -> str:
            return moment.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")

        row = self.conn.execute(
            "SELECT at FROM deliveries WHERE inject_id = ? AND action = 'delivered' "
            "ORDER BY id LIMIT 1", [inject_id]).fetchone()
        if row is not None:
            delivered = from_text(row[0])
            if given_at < delivered.replace(second=0, microsecond=0):
                raise ActionError(f"the decision's time {shown(given_at)} is before the inject "
                                  f"was delivered ({shown(delivered)})")
            given_at = max(given_at, delivered)
        now = self.now()
        if given_at > now + timedelta(minutes=1):
            raise ActionError(f"the decision's time {shown(given_at)} has not come yet (now: "
                              f"{shown(now)})")
        return given_at

    def record_decision(
        self,
        inject_id: str,
        post_id: str,
        kind: str,
        text: str,
        given_at: datetime | None = None,
        covers: Iterable[int] = (),
    ) -> Decision:
        """Record what a post decided on an inject, and when it was given (default: now)."""
        covered = self._check_decision(inject_id, post_id, kind, text, covers)
        if given_at is not None:
            given_at = self._given(inject_id, given_at)
        with self._change() as moment:
            given = to_text(given_at) if given_at else moment
            row_id = _insert(
                self.db,
                "decisions",
                {
                    "inject_id": inject_id,
                    "post_id": post_id,
                    "kind": kind,
                    "text": clean(text),
                    "given_at": given,
                    "covers": json.dumps(list(covered)),
                    "version": 1,
                    "recorded_at": moment,
                },
            )
            self._log(
                moment,
                "decision",
                f"{self.scenario.post(post_id).title} — "
                f"{DECISION_KIND_LABELS[kind]}: {clean(text)}{_given_note(given, moment)}",
                inject_id=inject_id,
                post_id=post_id,
                decision=row_id,
            )
            self.db.execute("DELETE FROM drafts WHERE inject_id = ? AND post_id = ?",
                            [inject_id, post_id])  # recorded: its draft goes with it
        return Decision(
            row_id, inject_id, post_id, kind, clean(text), from_text(given), covered, 1
        )

    def keep_draft(self, inject_id: str, post_id: str, draft: Draft | None) -> None:
        """Keep what is typed for a post's decision on an inject and not recorded yet, in place
        of what was kept before (None: nothing is typed any more). Not an action: no log line,
        and the form's own values are kept as they are, checked when they are recorded."""
        self._inject(inject_id)
        self._post(post_id)
        with self.db.atomic():
            if draft is None:
                self.db.execute("DELETE FROM drafts WHERE inject_id = ? AND post_id = ?",
                                [inject_id, post_id])
                return
            self.db.execute(
                "INSERT OR REPLACE INTO drafts (inject_id, post_id, kind, text, covers, "
                "given_at, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [inject_id, post_id, draft.kind, nfc(draft.text),
                 json.dumps(list(draft.ticked)),
                 to_text(draft.given_at) if draft.given_at else None, to_text(self.now())])

    @_read("drafts")
    def drafts(self) -> dict[tuple[str, str], Draft]:
        """The decisions typed and not recorded, by (inject, post); none in a file older than
        the drafts (version 6), read without upgrading it. A draft is disposable: one of an
        inject or post the scenario does not have, of an unknown kind, or that cannot be read
        is left out, and never keeps the exercise from opening."""
        found = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'drafts'").fetchone()
        if found is None:
            return {}
        kept: dict[tuple[str, str], Draft] = {}
        for row in self._query("SELECT * FROM drafts ORDER BY saved_at"):
            try:
                self._known(row["inject_id"], row["post_id"])
                ticked = tuple(int(i) for i in json.loads(row["covers"]))
                given = from_text(row["given_at"]) if row["given_at"] else None
                kept_at = from_text(row["saved_at"])
            except (ValueError, TypeError):
                continue
            if row["kind"] not in DECISION_KINDS:
                continue
            kept[(row["inject_id"], row["post_id"])] = Draft(
                row["kind"], str(row["text"]), ticked, given, kept_at)
        return kept

    @_read("decisions")
    def decision(self, decision_id: int) -> Decision:
        """One current decision."""
        row = next(
            self._query(
                "SELECT * FROM decisions WHERE id = ? AND deleted_at IS NULL", [decision_id]
            ),
            None,
        )
        if row is None:
            raise ActionError(f"no decision {decision_id}")
        return self._checked(_decision(row))

    def edit_decision(
        self,
        decision_id: int,
        *,
        kind: str | None = None,
        text: str | None = None,
        given_at: datetime | None = None,
        covers: Iterable[int] | None = None,
    ) -> Decision:
        """Correct a decision; the old version is kept in its history."""
        old = self.decision(decision_id)
        kind = kind or old.kind
        text = clean(text) if text is not None else old.text
        covered = self._check_decision(
            old.inject_id, old.post_id, kind, text, old.covers if covers is None else covers
        )
        given = given_at or old.given_at
        if given != old.given_at:
            given = self._given(old.inject_id, given)
        if (kind, text, given, covered) == (old.kind, old.text, old.given_at, old.covers):
            return old
        with self._change() as moment:
            self.db["decision_history"].insert(
                {
                    "decision_id": old.id,
                    "version": old.version,
                    "kind": old.kind,
                    "text": old.text,
                    "given_at": to_text(old.given_at),
                    "covers": json.dumps(list(old.covers)),
                    "replaced_at": moment,
                }
            )
            self.db["decisions"].update(
                old.id,
                {
                    "kind": kind,
                    "text": text,
                    "given_at": to_text(given),
                    "covers": json.dumps(list(covered)),
                    "version": old.version + 1,
                },
            )
            self._log(
                moment,
                "edit_decision",
                f"Sửa xử trí của {self.scenario.post(old.post_id).title}: {text}"
                + (_given_note(to_text(given), moment) if given != old.given_at else ""),
                inject_id=old.inject_id,
                post_id=old.post_id,
                decision=old.id,
                old={"kind": old.kind, "text": old.text, "given_at": to_text(old.given_at),
                     "covers": list(old.covers)},
            )
        return self.decision(decision_id)

    def delete_decision(self, decision_id: int) -> None:
        """Withdraw a decision recorded by mistake; it stays in the file, marked withdrawn."""
        old = self.decision(decision_id)
        with self._change() as moment:
            self.db["decisions"].update(old.id, {"deleted_at": moment})
            self._log(
                moment,
                "delete_decision",
                f"Rút xử trí của {self.scenario.post(old.post_id).title}: {old.text}",
                inject_id=old.inject_id,
                post_id=old.post_id,
                decision=old.id,
            )

    @_read("decisions")
    def decisions(self, inject_id: str | None = None, post_id: str | None = None) -> list[Decision]:
        """Current decisions, optionally of one inject and/or post, in time given order."""
        where = ["deleted_at IS NULL"]
        params: list[str] = []
        if inject_id is not None:
            where.append("inject_id = ?")
            params.append(inject_id)
        if post_id is not None:
            where.append("post_id = ?")
            params.append(post_id)
        sql = f"SELECT * FROM decisions WHERE {' AND '.join(where)} ORDER BY given_at, id"
        return [self._checked(_decision(row)) for row in self._query(sql, params)]

    @_read("decisions")
    def answer_times(
        self, inject_id: str | None = None
    ) -> dict[tuple[str, str], tuple[datetime, int]]:
        """(inject, post) -> (when its first current decision was given, how many it has)."""
        sql = (
            "SELECT inject_id, post_id, min(given_at), count(*) FROM decisions "
            "WHERE deleted_at IS NULL" + (" AND inject_id = ?" if inject_id else "")
            + " GROUP BY inject_id, post_id"
        )
        rows = self.conn.execute(sql, [inject_id] if inject_id else [])
        return {(i, p): (from_text(first), count) for i, p, first, count in rows}

    @_read("decisions")
    def decision_history(self, decision_id: int) -> list[Decision]:
        """Earlier versions of a decision, oldest first."""
        current = self.conn.execute(
            "SELECT inject_id, post_id FROM decisions WHERE id = ?", [decision_id]
        ).fetchone()
        if current is None:
            return []
        rows = self._query(
            "SELECT * FROM decision_history WHERE decision_id = ? ORDER BY version", [decision_id]
        )
        return [
            _decision({**row, "id": decision_id, "inject_id": current[0], "post_id": current[1]})
            for row in rows
        ]

    @_read("decisions")
    def decision_versions(self, decision_ids: Iterable[int]) -> dict[int, list[Decision]]:
        """Every version of these decisions, oldest first, the last as it stands now (withdrawn
        ones too): what each correction changed. Two queries, however many decisions."""
        wanted = json.dumps(sorted({int(i) for i in decision_ids}))
        current = {row["id"]: row for row in self._query(
            "SELECT * FROM decisions WHERE id IN (SELECT value FROM json_each(?))", [wanted])}
        versions: dict[int, list[Decision]] = {i: [] for i in current}
        for row in self._query(
                "SELECT * FROM decision_history WHERE decision_id IN "
                "(SELECT value FROM json_each(?)) ORDER BY decision_id, version", [wanted]):
            found = current.get(row["decision_id"])
            if found is not None:
                versions[found["id"]].append(_decision(
                    {**row, "id": found["id"], "inject_id": found["inject_id"],
                     "post_id": found["post_id"]}))
        for decision_id, row in current.items():
            versions[decision_id].append(_decision(row))
        return versions

    # ----------------------------------------------------------------- observers and scores

    @_read("observers")
    def observers(self) -> list[str]:
        """The observers' names, in the order they were added."""
        return [row[0] for row in self.conn.execute("SELECT name FROM observers ORDER BY id")]

    def _observer_id(self, name: str, moment: str) -> int:
        row = self.db.execute("SELECT id FROM observers WHERE name = ?", [name]).fetchone()
        if row:
            return row[0]
        observer_id = self.db["observers"].insert({"name": name, "created_at": moment}).last_pk
        self._log(moment, "add_observer", f"Thêm người đánh giá {name}", observer=name)
        return observer_id

    def add_observer(self, name: str) -> None:
        """Add an observer by name (nothing happens if the name is known)."""
        name = one_line(name)
        if not name:
            raise ActionError("the observer's name is empty")
        with self._change() as moment:
            self._observer_id(name, moment)

    def set_score(
        self,
        observer: str,
        post_id: str,
        criterion_id: str,
        value: Fraction | float | str,
        comment: str = "",
        source: str = "window",
    ) -> ScoreChanges:
        """Give one score (0 to the criterion's maximum); the old score stays in the history."""
        from dientap_desktop.domain.score_csv import ScoreRow

        row = ScoreRow(0, one_line(observer), post_id, criterion_id, Fraction(value),
                       clean(comment))
        return self.set_scores([row], source)

    def set_scores(self, rows: Iterable[ScoreRow], source: str, *,
                   checked: bool = False) -> ScoreChanges:
        """Write scores in one transaction: all of them or none. Each is checked against the
        scenario first, unless the caller did it already (`checked`: a kit read for merging).

        Written in bulk (one read of the current scores, then one statement per table), since
        merging twenty kits brings tens of thousands of scores at once.
        """
        from dientap_desktop.domain.score_csv import check_score, format_score

        rows = list(rows)
        for row in rows:
            if not row.observer:
                raise ActionError("the observer's name is empty")
            if checked:
                continue
            problem = check_score(self.scenario, row.post_id, row.criterion_id, row.value)
            if problem:
                raise ActionError(problem)
        added = replaced = unchanged = 0
        titles, numbers = self.score_labels()
        # Per-row work is kept small: values, names and ids repeat across thousands of rows,
        # so their text and JSON are made once (JSON as json.dumps would write it).
        texts: dict[tuple[int, int], str] = {}
        quoted: dict[str, str] = {}
        encode = json.JSONEncoder(ensure_ascii=False, default=str).encode

        def q(text: str) -> str:
            return quoted.get(text) or quoted.setdefault(text, encode(text))

        names = {row.observer: nfc(row.observer) for row in rows}
        source_json = encode(source)
        history, upserts, logs = [], [], []
        with self._change() as moment:
            observer_ids = {
                name: self._observer_id(name, moment) for name in dict.fromkeys(names.values())
            }
            current: dict[tuple[int, str, str], tuple[str, str, str]] = {}
            for observer_id in set(observer_ids.values()):
                for post_id, criterion_id, *old in self.db.execute(
                    "SELECT post_id, criterion_id, value, comment, source FROM scores "
                    "WHERE observer_id = ?",
                    [observer_id],
                ):
                    current[(observer_id, post_id, criterion_id)] = tuple(old)
            for row in rows:
                key = (observer_ids[names[row.observer]], row.post_id, row.criterion_id)
                value = (row.value.numerator, row.value.denominator)
                text = texts.get(value) or texts.setdefault(value, format_score(row.value))
                old = current.get(key)
                # a row that says nothing of the comment (a CSV without the column) keeps it
                comment = row.comment if row.comment is not None else old[1] if old else ""
                if (old is not None and old[1] == comment
                        and (old[0] == text or _score_value(old[0]) == row.value)):
                    unchanged += 1
                    continue
                if old is not None:
                    history.append((*key, *old, moment))
                    replaced += 1
                else:
                    added += 1
                current[key] = (text, comment, source)
                upserts.append((*key, text, comment, moment, source))
                logs.append((
                    moment,
                    "score",
                    row.post_id,
                    f"{row.observer} chấm {titles[row.post_id]}, nội dung "
                    f"{numbers[row.post_id, row.criterion_id]}: {text.replace('.', ',')}",
                    f'{{"observer": {q(row.observer)}, "criterion": {q(row.criterion_id)}, '
                    f'"old": {encode(old[0]) if old else "null"}, "new": {q(text)}, '
                    f'"source": {source_json}}}',
                ))
            self.db.conn.executemany(
                "INSERT INTO score_history (observer_id, post_id, criterion_id, value, comment, "
                "source, replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                history,
            )
            self.db.conn.executemany(
                "INSERT INTO scores (observer_id, post_id, criterion_id, value, comment, "
                "updated_at, source) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (observer_id, post_id, criterion_id) DO UPDATE SET "
                "value = excluded.value, comment = excluded.comment, "
                "updated_at = excluded.updated_at, source = excluded.source",
                upserts,
            )
            self.db.conn.executemany(
                "INSERT INTO log (at, action, post_id, summary, data) VALUES (?, ?, ?, ?, ?)",
                logs,
            )
        return ScoreChanges(added, replaced, unchanged)

    def score_labels(self) -> tuple[dict[str, str], dict[tuple[str, str], int]]:
        """What the log's score lines name: each post's title, and each criterion by its number
        on its post's scoring sheet ("nội dung 2"), as printed."""
        titles = {p.id: p.title for p in self.scenario.posts}
        return titles, self.scenario.criterion_numbers

    def withdraw_scores(self, observer: str, keys: Iterable[tuple[str, str]],
                        source: str, *, any_source: bool = False) -> tuple[int, int]:
        """Take back an observer's current scores, given as (post, criterion), that came from
        `source` (their kits): each goes to the history, with a line in the log. One from
        elsewhere (a correction typed in from paper since) stays, unless `any_source` (the
        director takes it back, or the kit did after that correction). How many were taken
        back, and how many stayed."""
        keys = list(keys)
        if not keys:
            return 0, 0
        from dientap_desktop.domain.score_csv import format_score

        name = one_line(observer)
        titles, numbers = self.score_labels()
        taken = kept = 0
        with self._change() as moment:
            found = self.conn.execute("SELECT id FROM observers WHERE name = ?", [name]).fetchone()
            if found is None:
                return 0, 0
            for post_id, criterion_id in keys:
                key = [found[0], post_id, criterion_id]
                old = self.conn.execute(
                    "SELECT value, comment, source FROM scores WHERE observer_id = ? AND "
                    "post_id = ? AND criterion_id = ?", key).fetchone()
                if old is None or (post_id, criterion_id) not in numbers:
                    continue
                if old[2] != source and not any_source:
                    kept += 1
                    continue
                self.conn.execute(
                    "INSERT INTO score_history (observer_id, post_id, criterion_id, value, "
                    "comment, source, replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [*key, *old, moment])
                self.conn.execute("DELETE FROM scores WHERE observer_id = ? AND post_id = ? "
                                  "AND criterion_id = ?", key)
                shown = format_score(_score_value(old[0]))
                # taken back in the observer's kit, or by the directing staff (window, command)
                who = f"{name} rút điểm" if source.startswith("kit:") \
                    else f"Tổ đạo diễn rút điểm của {name}:"
                self._log(moment, "withdraw_score",
                          f"{who} {titles[post_id]}, nội dung "
                          f"{numbers[post_id, criterion_id]} (trước: {shown.replace('.', ',')}"
                          + (f"; {old[1]}" if old[1] else "") + ")",
                          post_id=post_id, observer=name, criterion=criterion_id, old=shown,
                          new=None, comment=old[1], source=source)
                taken += 1
        return taken, kept

    def observer_scores(self, observer: str) -> ObserverScores:
        """One observer's scores, read and written as their kit holds them: what the director
        types from that observer's paper sheet, or corrects."""
        return ObserverScores(self, one_line(observer))

    @_read("scores")
    def scores(self) -> list[Score]:
        """Every observer's current scores (each within its criterion's range: a score that is
        not is a damaged file)."""
        from dientap_desktop.domain.score_csv import check_score

        scores = [
            Score(row["name"], row["post_id"], row["criterion_id"], _score_value(row["value"]),
                  row["comment"])
            for row in self._query(
                "SELECT o.name, s.* FROM scores s JOIN observers o ON o.id = s.observer_id "
                "ORDER BY o.id, s.post_id, s.criterion_id"
            )
        ]
        for score in scores:
            problem = check_score(self.scenario, score.post_id, score.criterion_id, score.value)
            if problem:
                raise ValueError(problem)
        return scores

    @_read("scores")
    def score_history(self) -> list[tuple[Score, datetime]]:
        """Replaced scores with the time each was replaced, oldest first."""
        return [
            (
                Score(row["name"], row["post_id"], row["criterion_id"],
                      _score_value(row["value"]), row["comment"]),
                from_text(row["replaced_at"]),
            )
            for row in self._query(
                "SELECT o.name, h.* FROM score_history h JOIN observers o ON o.id = h.observer_id "
                "ORDER BY h.id"
            )
        ]

    def results(self) -> ExerciseResult:
        """Scores and ratings of every post and of the exercise."""
        from dientap_desktop.domain.scoring import score_exercise

        return score_exercise(self.scenario, self.scores())

    # ----------------------------------------------------------------- notes

    def add_note(
        self,
        observer: str,
        kind: str,
        text: str,
        inject_id: str | None = None,
        post_id: str | None = None,
        note_id: str | None = None,
        source: str = "",
    ) -> Note:
        """Add an observer's note; a note with a known id is left as is (merging is idempotent).
        `source` "window": the directing staff typed it in for the observer (from paper), as
        the log says."""
        if kind not in NOTE_KINDS:
            raise ActionError(f'unknown note kind "{kind}" (known: {", ".join(NOTE_KINDS)})')
        if inject_id is not None:
            self._inject(inject_id)
        if post_id is not None:
            self._post(post_id)
        if note_id is None:
            import uuid

            note_id = str(uuid.uuid4())
        note = Note(note_id, one_line(observer), kind, clean(text), inject_id,
                    post_id)
        if not note.text or not note.observer:
            raise ActionError("the note or the observer's name is empty")
        with self._change() as moment:
            if self.db.execute("SELECT 1 FROM notes WHERE id = ?", [note.id]).fetchone():
                return note
            observer_id = self._observer_id(note.observer, moment)
            self.db["notes"].insert(
                {
                    "id": note.id,
                    "observer_id": observer_id,
                    "kind": kind,
                    "text": note.text,
                    "inject_id": inject_id,
                    "post_id": post_id,
                    "created_at": moment,
                }
            )
            if source == "window":
                self._log(moment, "note", f"{TYPED_FOR}{note.observer}: {note.text}",
                          inject_id=inject_id, post_id=post_id, kind=kind,
                          observer=note.observer, source=source)
            else:
                self._log(moment, "note", f"{note.observer}: {note.text}", inject_id=inject_id,
                          post_id=post_id, kind=kind)
        return note

    def withdraw_note(self, note: Note) -> bool:
        """Withdraw an observer's note (withdrawn in their kit): it leaves the notes and the
        reports, and stays in the file with the time it was withdrawn and a line in the log.
        One the file never had is kept as withdrawn, so that an older copy of the kit does not
        bring it in. Whether a note was withdrawn here; not one already withdrawn, nor one of
        another observer."""
        with self._change() as moment:
            row = next(self._query(
                "SELECT o.name, n.* FROM notes n JOIN observers o ON o.id = n.observer_id "
                "WHERE n.id = ?", [note.id]), None)
            if row is None:
                if (note.inject_id is not None and note.inject_id not in self._inject_ids) or (
                        note.post_id is not None and note.post_id not in self._post_ids):
                    return False
                self.conn.execute(
                    "INSERT INTO notes (id, observer_id, kind, text, inject_id, post_id, "
                    "created_at, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [note.id, self._observer_id(one_line(note.observer), moment), note.kind,
                     clean(note.text), note.inject_id, note.post_id, moment, moment])
                return False
            if row["name"] != one_line(note.observer) or row["withdrawn_at"] is not None:
                return False
            self.conn.execute("UPDATE notes SET withdrawn_at = ? WHERE id = ?", [moment, note.id])
            self._log(moment, "withdraw_note", f"{row['name']} rút nhận xét: {row['text']}",
                      inject_id=row["inject_id"], post_id=row["post_id"], kind=row["kind"],
                      note=note.id)
        return True

    def notes(self) -> list[Note]:
        """Every observer's current notes (not those withdrawn), in the order they came in."""
        return [note for _number, note, withdrawn in self.numbered_notes() if not withdrawn]

    @_read("notes")
    def numbered_notes(self) -> list[tuple[int, Note, bool]]:
        """Every note the file lists or listed, with its number and whether it was withdrawn:
        numbered in the order the notes came in, so that a note keeps its number whatever is
        withdrawn after it (the numbers `dientap info` lists and `withdraw-note` takes). A note
        a kit brought only as withdrawn was never listed, and has no number."""
        numbered: list[tuple[int, Note, bool]] = []
        for row in self._query("SELECT o.name, n.* FROM notes n JOIN observers o "
                               "ON o.id = n.observer_id ORDER BY n.rowid"):
            withdrawn_at = row["withdrawn_at"] if "withdrawn_at" in row.keys() else None  # < v7
            if withdrawn_at is not None and withdrawn_at == row["created_at"]:
                continue  # written withdrawn (see withdraw_note)
            numbered.append((len(numbered) + 1, Note(row["id"], row["name"], row["kind"],
                                                     row["text"], row["inject_id"],
                                                     row["post_id"]),
                             withdrawn_at is not None))
        return numbered

    # ----------------------------------------------------------------- reading whole

    @_read("log")
    def log(
        self, inject_id: str | None = None, post_id: str | None = None, after_id: int = 0
    ) -> list[LogEntry]:
        """The log of every change, oldest first, optionally of one inject and/or post, and
        only the lines after the line `after_id` (to follow the log as it grows)."""
        where, params = [], []
        if after_id:
            where.append("id > ?")
            params.append(after_id)
        if inject_id is not None:
            where.append("inject_id = ?")
            params.append(inject_id)
        if post_id is not None:
            where.append("post_id = ?")
            params.append(post_id)
        sql = "SELECT * FROM log" + (f" WHERE {' AND '.join(where)}" if where else "")
        return [
            LogEntry(row["id"], from_text(row["at"]), row["action"], row["inject_id"],
                     row["post_id"], _in_current_words(row["summary"]), json.loads(row["data"]))
            for row in self._query(sql + " ORDER BY id", params)
        ]

    def check_readable(self) -> None:
        """Read what `info` and the papers read: a file they would call damaged is told so
        (FileProblem) before a command writes into it, and nothing is written."""
        self.info  # noqa: B018 (read for its check)
        self.run_state()
        self.decisions()
        self.results()
        self.notes()

    def counts(self) -> dict[str, int]:
        """How many posts, injects, deliveries, decisions, observers and current scores."""
        state = self.run_state()

        def count(sql: str) -> int:
            return self.conn.execute(sql).fetchone()[0]

        return {
            "posts": len(self.scenario.posts),
            "injects": len(self.scenario.injects),
            "delivered": sum(1 for r in state.injects if r.status == DELIVERED),
            "decisions": count("SELECT count(*) FROM decisions WHERE deleted_at IS NULL"),
            "observers": count("SELECT count(*) FROM observers"),
            "evaluations": count("SELECT count(*) FROM scores"),
        }

    def media(self, relative: str) -> bytes | None:
        """The bytes of a media file of the scenario, frozen into the exercise file."""
        row = self.conn.execute("SELECT data FROM media WHERE path = ?", [relative]).fetchone()
        return row[0] if row else None

    def snapshot(self) -> ExerciseSnapshot:
        """Everything the exercise holds now, read in one transaction."""
        from dientap_desktop.domain.snapshot import ExerciseSnapshot

        with self.db.atomic():
            return ExerciseSnapshot(
                info=self.info,
                scenario=self.scenario,
                roster=self.roster(),
                clock=self.clock(),
                deliveries=tuple(self.deliveries()),
                decisions=tuple(self.decisions()),
                observers=tuple(self.observers()),
                scores=tuple(self.scores()),
                notes=tuple(self.notes()),
                log=tuple(self.log()),
                taken_at=self.now(),
            )


# The words earlier versions wrote at the start of a decision's correction and withdrawal,
# and the words written now ("xử trí", the glossary's word for a post's response): the log is
# append-only, so an older file's lines are read in today's words.
_EARLIER_WORDS = (("Sửa quyết định của ", "Sửa xử trí của "),
                  ("Xóa quyết định của ", "Rút xử trí của "))


class ObserverScores:
    """One observer's current scores in an exercise, as their kit's scores are read and written
    (the scoring sheet edits either): each entry committed at once, the old value kept in the
    history; a score taken back is taken back whatever brought it."""

    def __init__(self, exercise: ExerciseFile, observer: str):
        self.exercise = exercise
        self.observer = observer
        self.scenario = exercise.scenario
        self.path = exercise.path

    def scores(self) -> list[Score]:
        """This observer's current scores."""
        return [s for s in self.exercise.scores() if s.observer == self.observer]

    def set_score(self, post_id: str, criterion_id: str, value: Fraction | float | str | None,
                  comment: str = "", source: str = "window") -> ScoreChanges:
        """Give one score, or take it back with None."""
        if value is not None:
            return self.exercise.set_score(self.observer, post_id, criterion_id, value, comment,
                                           source)
        self.exercise.withdraw_scores(self.observer, [(post_id, criterion_id)], source,
                                      any_source=True)
        return ScoreChanges()

    def results(self) -> ExerciseResult:
        """Each post's total by this observer's scores alone."""
        from dientap_desktop.domain.scoring import score_exercise

        return score_exercise(self.scenario, self.scores())


def _in_current_words(summary: str) -> str:
    for earlier, now in _EARLIER_WORDS:
        if summary.startswith(earlier):
            return now + summary[len(earlier):]
    return summary


def _log(db: Database, moment: str, action: str, summary: str, **data: object) -> None:
    inject_id = data.pop("inject_id", None)
    post_id = data.pop("post_id", None)
    _insert(
        db,
        "log",
        {
            "at": moment,
            "action": action,
            "inject_id": inject_id,
            "post_id": post_id,
            "summary": summary,
            "data": json.dumps(data, ensure_ascii=False, default=str),
        },
    )


def _insert(db: Database, table: str, row: dict[str, object]) -> int:
    """Insert one row of our own schema with one statement; its id. (sqlite-utils' insert reads
    the schema first, three more queries than a delivery in the window can spare.)"""
    columns = ", ".join(f'"{column}"' for column in row)
    marks = ", ".join("?" * len(row))
    return db.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})',
                      list(row.values())).lastrowid


def _frozen_scenario(name: str, scenario_id: str, source: str, digest: str, model: str | None,
                     source_digest: str):
    """The exercise's scenario: from its JSON model when it matches the source, else from YAML."""
    if model and digest == source_digest:
        try:
            return scenario_from_json(model, source)
        except ModelError:
            pass
    from dientap_desktop.domain.scenario_loader import ScenarioError, load_scenario_text

    try:
        return load_scenario_text(source, f"{name} (scenario {scenario_id})")
    except ScenarioError as error:
        raise FileProblem(f"{name}: the scenario inside is invalid: {error}") from None


def _read_media(scenario: Scenario) -> dict[str, bytes]:
    """The scenario's media files that exist next to it, to freeze them into the exercise."""
    from dientap_desktop.domain.scenario_loader import media_outside

    found: dict[str, bytes] = {}
    for _inject, relative, path in _media_files(scenario):
        if relative in found or path is None:
            continue
        if media_outside(scenario.base_dir, relative) is not None:  # a link made since
            raise FileProblem(f"{path}: a link to a file outside the scenario's folder")
        found[relative] = path.read_bytes()
    return found


def missing_media(scenario: Scenario) -> list[tuple[str, str]]:
    """(inject id, file) of each media file an inject names that cannot go into the exercise:
    not next to the scenario, or over 50 MB. The inject then shows the file's name only."""
    return [(inject, relative) for inject, relative, path in _media_files(scenario)
            if path is None]


def _media_files(scenario: Scenario):
    """(inject id, file as named, its path or None when it cannot be used) of every media file
    the scenario's injects name. A name written with combining marks on the disk (as a Mac or a
    zip writes it) is found for the same name loaded (NFC)."""
    if scenario.base_dir is None:
        return
    for inject in scenario.injects:
        for relative in inject.media:
            path = None
            for spelled in dict.fromkeys((relative, unicodedata.normalize("NFD", relative))):
                candidate = scenario.base_dir / spelled
                try:
                    if candidate.is_file() and candidate.stat().st_size <= MAX_MEDIA_BYTES:
                        path = candidate
                        break
                except OSError:
                    continue
            yield inject.id, relative, path


def file_kind(path: str | Path) -> str | None:
    """"exercise", "kit", or None for a file that is neither (read from its SQLite header)."""
    path = Path(path)
    if not looks_like_sqlite(path):
        return None
    try:
        conn = open_connection(path, readonly=True)  # leaves nothing beside the file
        try:
            found = conn.execute("PRAGMA application_id").fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.DatabaseError, FileProblem):
        return None
    return {EXERCISE_APPLICATION_ID: "exercise", KIT_APPLICATION_ID: "kit"}.get(found)


__all__ = [
    "ActionError",
    "ExerciseFile",
    "FileProblem",
    "ScoreChanges",
    "file_kind",
    "missing_media",
    "user_version",
]
