"""The observer kit (.dtkit): what one observer scores, taken away offline and checked on return."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

import yaml
from sqlite_utils import Database

from dientap_desktop import __version__
from dientap_desktop.domain.clock import Clock
from dientap_desktop.domain.records import NOTE_KINDS, STATUSES, ExerciseInfo, Note, Person, Score
from dientap_desktop.domain.scenario import Scenario
from dientap_desktop.domain.score_csv import ScoreRow, check_score, format_score, parse_score
from dientap_desktop.domain.scoring import ExerciseResult, score_exercise
from dientap_desktop.domain.snapshot import ExerciseSnapshot
from dientap_desktop.domain.text import ascii_name, clean, one_line
from dientap_desktop.storage.database import (
    FileProblem,
    FileProblems,
    application_id,
    check_integrity,
    check_new_name,
    check_writable,
    connect,
    copy_database,
    from_text,
    looks_like_sqlite,
    raise_as_written,
    set_aside_leftovers,
    sqlite_problem,
    to_text,
    user_version,
    utc_now,
)
from dientap_desktop.storage.exercise_file import (
    KIT_APPLICATION_ID,
    ActionError,
    ScoreChanges,
    file_kind,
)
from dientap_desktop.storage.schema import EXERCISE_APPLICATION_ID
from dientap_desktop.temporary import remove_temporary, temporary_beside

KIT_SUFFIX = ".dtkit"
KIT_SCHEMA_VERSION = 2  # 2 adds the notes the observer withdrew
MAX_KIT_BYTES = 200 * 1024 * 1024
MAX_SCENARIO_CHARS = 5 * 1024 * 1024
MAX_NAME = 200  # observer, player, rank, unit, ids
MAX_COMMENT = 4000
MAX_NOTE = 20000

# The whole schema of a version-1 kit. A kit about to be written is checked against its
# version's statement for statement: one carrying any other table, column, index, view or
# trigger is refused before it is opened for writing.
KIT_SCHEMA_V1 = """
CREATE TABLE kit (
    id TEXT PRIMARY KEY,
    exercise_id TEXT NOT NULL,
    exercise_name TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    date TEXT,
    scenario_id TEXT NOT NULL,
    status TEXT NOT NULL,
    observer TEXT NOT NULL,
    created_at TEXT NOT NULL,
    app_version TEXT NOT NULL
);
CREATE TABLE scenario (
    source TEXT NOT NULL
);
CREATE TABLE posts (
    post_id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    rank TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT ''
);
CREATE TABLE scores (
    post_id TEXT NOT NULL,
    criterion_id TEXT NOT NULL,
    value TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (post_id, criterion_id)
);
CREATE TABLE score_history (
    id INTEGER PRIMARY KEY,
    post_id TEXT NOT NULL,
    criterion_id TEXT NOT NULL,
    value TEXT NOT NULL,
    comment TEXT NOT NULL,
    source TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('strength', 'weakness', 'proposal')),
    text TEXT NOT NULL,
    inject_id TEXT,
    post_id TEXT,
    created_at TEXT NOT NULL
);
"""
# Version 2: the notes the observer withdrew, kept whole, so that merging the kit again withdraws
# them from the exercise too (a note corrected in the kit is withdrawn and written anew).
WITHDRAWN_NOTES = """
CREATE TABLE withdrawn_notes (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    inject_id TEXT,
    post_id TEXT,
    created_at TEXT NOT NULL,
    withdrawn_at TEXT NOT NULL
);
"""
KIT_SCHEMA = KIT_SCHEMA_V1 + WITHDRAWN_NOTES


def _expected_schema(schema: str) -> tuple[set[tuple], dict[str, set[str]]]:
    """A kit schema as SQLite stores it, and the columns of each of its tables."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(schema)
        master = set(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        columns = {
            table: {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            for type_, table, *_ in master if type_ == "table"
        }
        return master, columns
    finally:
        conn.close()


# Per kit version: its schema as stored, and its known tables with their columns.
_EXPECTED = {1: _expected_schema(KIT_SCHEMA_V1), 2: _expected_schema(KIT_SCHEMA)}


@dataclass(frozen=True)
class KitInfo:
    """Whose kit this is and the exercise it belongs to."""

    id: str
    exercise_id: str
    exercise_name: str
    place: str
    date: date | None
    scenario_id: str
    status: str
    observer: str
    created_at: str


@dataclass(frozen=True)
class KitContents:
    """Everything a kit holds, read and checked, as plain data (nothing of the file is trusted)."""

    info: KitInfo
    scenario: Scenario  # every post, for showing injects; scores are checked on `posts` only
    posts: tuple[Person, ...]  # the posts to score with their players, in scenario order
    scores: tuple[ScoreRow, ...]  # the observer's, ready to write into the exercise
    notes: tuple[Note, ...]
    # When the observer entered each score in the kit (as stored, UTC), in the order of `scores`:
    # of two kits of one observer, the score entered later wins at merge.
    entered: tuple[str, ...] = ()
    # (post, criterion, value as format_score writes it, comment) of every score this kit held
    # before its current one: a copy that went through a value is newer than that value,
    # whatever its laptop's clock says.
    history: frozenset[tuple[str, str, str, str]] = frozenset()
    # (post, criterion) of each score the observer took back (no current one, an old one in the
    # history), with the time it was taken back, as stored (UTC)
    withdrawn: dict[tuple[str, str], str] = dataclasses.field(default_factory=dict)
    withdrawn_notes: tuple[Note, ...] = ()  # the notes the observer withdrew, as they were

    @property
    def post_ids(self) -> tuple[str, ...]:
        """The ids of the posts assigned to the observer."""
        return tuple(p.post_id for p in self.posts)


def scoring_scenario(scenario: Scenario, post_ids: Iterable[str]) -> Scenario:
    """The scenario cut down to the given posts, for checking and totalling one kit's scores."""
    keep = set(post_ids)
    return dataclasses.replace(scenario, posts=tuple(p for p in scenario.posts if p.id in keep))


# ----------------------------------------------------------------------------- reading and checking


def _problem(name: str, text: str) -> FileProblem:
    return FileProblem(f"{name}: {text}")


def _text(name: str, where: str, value: object, *, limit: int = MAX_NAME,
          empty: bool = True) -> str:
    """A text value of the kit, normalised; anything else is refused."""
    if not isinstance(value, str):
        raise _problem(name, f"{where}: expected text, found {type(value).__name__}")
    if len(value) > limit:
        raise _problem(name, f"{where}: text longer than {limit} characters")
    if "\x00" in value:
        raise _problem(name, f"{where}: text holds a NUL character")
    text = clean(value)
    if not text and not empty:
        raise _problem(name, f"{where}: empty")
    return text


def _open_checked(path: Path, name: str, exact: bool) -> Database:
    """A read-only connection to a file that is a kit of a known version with our tables and
    columns; `exact`, with nothing added either (a kit about to be written, where a trigger
    added to it would run)."""
    if not path.is_file():
        raise _problem(name, "not a file" if path.exists() else "no such file")
    if path.stat().st_size > MAX_KIT_BYTES:
        raise _problem(name, f"too large for an observer kit (over {MAX_KIT_BYTES // 2**20} MB)")
    if not looks_like_sqlite(path):
        raise _problem(name, "not an observer kit (not an SQLite database)")
    try:
        db = connect(path, readonly=True)
    except sqlite3.DatabaseError as error:
        raise sqlite_problem(name, error, path) from None
    try:
        check_integrity(db, name, path, text=True)
        kind = application_id(db)
        if kind == EXERCISE_APPLICATION_ID:
            raise _problem(name, "this is an exercise file, not an observer kit")
        if kind != KIT_APPLICATION_ID:
            raise _problem(name, "not an observer kit (another program's database)")
        version = user_version(db)
        if version > KIT_SCHEMA_VERSION:
            raise _problem(
                name,
                f"the kit was made by a newer version of dientap (kit version {version}, this "
                f"program reads up to {KIT_SCHEMA_VERSION}); update the program to use it",
            )
        if version < 1:
            raise _problem(name, f"not a valid observer kit (kit version {version})")
        _check_structure(db, name, exact, version)
    except FileProblem:
        db.conn.close()
        raise
    except sqlite3.DatabaseError as error:
        db.conn.close()
        raise sqlite_problem(name, error, path) from None
    return db


def _check_structure(db: Database, name: str, exact: bool, version: int) -> None:
    """FileProblem unless every table of the kit's version is there, as a table, with every
    known column.

    Reading ignores what was added (a table, a column, an index, a view, a trigger: nothing of
    it is read, and a read-only connection runs no trigger); `exact` refuses it as well.
    """
    found = set(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    expected, known_columns = _EXPECTED[version]
    if exact:
        extra = sorted(f"{row[0]} {row[1]}" for row in found - expected)
        if extra:
            raise _problem(name, f"the kit's structure was altered (unknown: {', '.join(extra)})")
        changed = expected - found
    else:
        tables = {row[1] for row in found  # a virtual table (FTS...) runs a module: not one
                  if row[0] == "table" and (row[3] or "").startswith("CREATE TABLE ")}
        changed = set()
        for table, columns in known_columns.items():
            if table not in tables or not columns <= {
                    row[1] for row in db.execute(f"PRAGMA table_info({table})")}:
                changed.add(("table", table))
    if changed:
        missing = sorted(f"{row[0]} {row[1]}" for row in changed)
        raise _problem(name, f"the kit's structure was altered (changed or missing: "
                             f"{', '.join(missing)})")


def _read_info(db: Database, name: str) -> KitInfo:
    rows = db.execute(
        "SELECT id, exercise_id, exercise_name, place, date, scenario_id, status, observer, "
        "created_at FROM kit"
    ).fetchall()
    if len(rows) != 1:
        raise _problem(name, f"the kit must describe one exercise (found {len(rows)})")
    kit_id, exercise_id, exercise_name, place, day, scenario_id, status, observer, created = rows[0]
    if day is not None:
        day_text = _text(name, "kit.date", day)
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            raise _problem(name, f'kit.date: "{day_text}" is not a date') from None
    status = _text(name, "kit.status", status)
    if status not in STATUSES:
        raise _problem(name, f'kit.status: unknown status "{status}"')
    return KitInfo(
        id=_text(name, "kit.id", kit_id, empty=False),
        exercise_id=_text(name, "kit.exercise_id", exercise_id, empty=False),
        exercise_name=_text(name, "kit.exercise_name", exercise_name, limit=MAX_COMMENT),
        place=_text(name, "kit.place", place, limit=MAX_COMMENT),
        date=day,
        scenario_id=_text(name, "kit.scenario_id", scenario_id, empty=False),
        status=status,
        observer=_text(name, "kit.observer", observer, empty=False),
        created_at=_text(name, "kit.created_at", created),
    )


def _check_scenario_row(db: Database, name: str) -> str:
    rows = db.execute("SELECT source FROM scenario").fetchall()
    if len(rows) != 1:
        raise _problem(name, f"the kit must hold one scenario (found {len(rows)})")
    return _text(name, "scenario.source", rows[0][0], limit=MAX_SCENARIO_CHARS, empty=False)


def _read_scenario(db: Database, name: str) -> Scenario:
    from dientap_desktop.domain.scenario_loader import ScenarioError, load_scenario_text

    source = _check_scenario_row(db, name)
    try:
        return load_scenario_text(source, f"{name} (scenario)")
    except ScenarioError as error:
        first = error.problems[0] if getattr(error, "problems", None) else str(error)
        raise _problem(name, f"the scenario inside the kit is invalid: {first}") from None


def _read_posts(db: Database, name: str, scenario: Scenario) -> tuple[Person, ...]:
    known = {p.id for p in scenario.posts}
    people: dict[str, Person] = {}
    for post_id, name_, rank, unit in db.execute(
        "SELECT post_id, name, rank, unit FROM posts ORDER BY position, post_id"
    ):
        post_id = _text(name, "posts.post_id", post_id)
        if post_id not in known:
            raise _problem(name, f'posts: unknown post "{post_id}"')
        people[post_id] = Person(
            post_id,
            _text(name, f"posts[{post_id}].name", name_),
            _text(name, f"posts[{post_id}].rank", rank),
            _text(name, f"posts[{post_id}].unit", unit),
        )
    if not people:
        raise _problem(name, "the kit assigns no post to score")
    return tuple(people[p.id] for p in scenario.posts if p.id in people)


def _shown(value: object) -> str:
    """A value found in a kit as a message gives it: text in double quotes, escaped and cut
    short; anything else as Python writes it (a number, bytes, NULL)."""
    if isinstance(value, str):
        text = json.dumps(value[:80] + ("..." if len(value) > 80 else ""), ensure_ascii=False)
        return text
    return "NULL" if value is None else repr(value)[:80]


def _entry_time(name: str, where: str, value: object) -> str:
    """A score's entry time from the kit, as the exercise file stores times; else refused."""
    text = value if isinstance(value, str) and len(value) <= 64 else None
    try:
        if text is None:
            raise ValueError(value)
        return to_text(from_text(text))
    except ValueError:
        raise _problem(name, f"{where}: {_shown(value)} is not a time") from None


def _read_scores(
    db: Database, name: str, observer: str, scenario: Scenario, problems: list[str]
) -> tuple[tuple[ScoreRow, ...], tuple[str, ...]]:
    """The kit's scores, each checked; the line of each bad one is added to `problems`."""
    scores, entered = [], []
    numbers: dict[str, Fraction | None] = {}  # a kit repeats a few values thousands of times
    ids: dict[object, str] = {}
    times: dict[object, str] = {}  # and a batch of scores shares one time
    previous = None
    for post_id, criterion_id, value, comment, updated in db.execute(
        "SELECT post_id, criterion_id, value, comment, updated_at FROM scores "
        "ORDER BY post_id, criterion_id"
    ):
        try:
            post_id = ids.get(post_id) or ids.setdefault(
                post_id, _text(name, "scores.post_id", post_id))
            criterion_id = ids.get(criterion_id) or ids.setdefault(
                criterion_id, _text(name, "scores.criterion_id", criterion_id))

            def where(post_id: str = post_id, criterion_id: str = criterion_id) -> str:
                return f'score of criterion "{criterion_id}" for post "{post_id}"'

            if (post_id, criterion_id) == previous:  # one score each: the table's key was undone
                raise _problem(name, f"{where()}: given twice")
            previous = (post_id, criterion_id)
            if not isinstance(value, str):
                raise _problem(name, f"{where()}: expected text, found {type(value).__name__}")
            number = None
            if len(value) <= 32:
                number = numbers[value] if value in numbers else numbers.setdefault(
                    value, parse_score(value))
            if number is None:
                raise _problem(name, f"{where()}: {_shown(value)} is not a number")
            problem = check_score(scenario, post_id, criterion_id, number)
            if problem:
                raise _problem(name, f"{where()}: {problem}")
            if comment != "":
                comment = _text(name, f"{where()}: comment", comment, limit=MAX_COMMENT)
            if updated not in times:
                times[updated] = _entry_time(name, f"{where()}: entry time", updated)
        except FileProblem as bad:  # told with every other bad value, not alone
            problems.append(str(bad))
            continue
        scores.append(ScoreRow(0, observer, post_id, criterion_id, number, comment))
        entered.append(times[updated])
    return tuple(scores), tuple(entered)


def _read_notes(db: Database, name: str, observer: str, scenario: Scenario,
                problems: list[str], table: str = "notes") -> tuple[Note, ...]:
    """The kit's notes (or those withdrawn), each checked; the line of each bad one is added to
    `problems`."""
    injects = {i.id for i in scenario.injects}
    posts = {p.id for p in scenario.posts}
    notes = []
    for note_id, kind, text, inject_id, post_id in db.execute(
        f"SELECT id, kind, text, inject_id, post_id FROM {table} ORDER BY rowid"
    ):
        try:
            note_id = _text(name, f"{table}.id", note_id, limit=64, empty=False)
            where = f"note {note_id}"
            if kind not in NOTE_KINDS:
                raise _problem(name, f'{where}: unknown kind "{kind}" (known: '
                                     f'{", ".join(NOTE_KINDS)})')
            text = _text(name, f"{where}: text", text, limit=MAX_NOTE, empty=False)
            if inject_id is not None:
                inject_id = _text(name, f"{where}: inject", inject_id)
                if inject_id not in injects:
                    raise _problem(name, f'{where}: unknown inject "{inject_id}"')
            if post_id is not None:
                post_id = _text(name, f"{where}: post", post_id)
                if post_id not in posts:
                    raise _problem(name, f'{where}: unknown post "{post_id}"')
        except FileProblem as bad:  # told with every other bad value, not alone
            problems.append(str(bad))
            continue
        notes.append(Note(note_id, observer, kind, text, inject_id, post_id))
    return tuple(notes)


def read_kit(
    path: str | Path, name: str | None = None, scenario: Scenario | None = None,
    belongs: Callable[[KitInfo], None] | None = None, *, exact: bool = False,
) -> KitContents:
    """Open a kit read-only, check all of it, and return its contents; FileProblem if it is bad.

    Nothing stored in the file is run: the connection does not trust the schema and runs no
    trigger, and only the known tables and columns are read; what else the file holds is left
    alone, or with `exact` (a kit about to be written) refused. Given `scenario` (the
    exercise's, when merging), everything is checked against it and the kit's copy is not read;
    `belongs`, given the kit's description, raises FileProblem when the kit is not for that
    exercise: checked first, as the reason that explains the others.
    """
    path = Path(path)
    name = name or str(path)
    db = _open_checked(path, name, exact)
    try:
        info = _read_info(db, name)
        if belongs is not None:
            belongs(info)
        if scenario is None:
            scenario = _read_scenario(db, name)
        else:
            _check_scenario_row(db, name)
        if scenario.id != info.scenario_id:
            raise _problem(name, f'the kit names scenario "{info.scenario_id}" but holds '
                                 f'"{scenario.id}"')
        posts = _read_posts(db, name, scenario)
        scoring = scoring_scenario(scenario, (p.post_id for p in posts))
        problems: list[str] = []  # every bad value, told together
        scores, entered = _read_scores(db, name, info.observer, scoring, problems)
        history, last_change = _read_history(db)
        current = {(row.post_id, row.criterion_id) for row in scores}
        assigned = {p.id for p in scoring.posts}
        withdrawn = {key: at for key, at in last_change.items()
                     if key not in current and key[0] in assigned}
        notes = _read_notes(db, name, info.observer, scenario, problems)
        withdrawn_notes = _read_notes(db, name, info.observer, scenario, problems,
                                      "withdrawn_notes") if user_version(db) >= 2 else ()
        if problems:
            raise FileProblems(name, problems)
    except sqlite3.DatabaseError as error:
        raise sqlite_problem(name, error, path) from None
    finally:
        db.conn.close()
    return KitContents(info, scenario, posts, scores, notes, entered, history, withdrawn,
                       withdrawn_notes)


def _read_history(
    db: Database,
) -> tuple[frozenset[tuple[str, str, str, str]], dict[tuple[str, str], str]]:
    """The values the kit's scores held before, as plain text, and when each score was last
    replaced or taken back; what does not read as a score or a time is left out (it only tells
    a copy's age and what the observer took back: no value of it is written anywhere)."""
    held = set()
    last: dict[tuple[str, str], str] = {}
    for post_id, criterion_id, value, comment, replaced_at in db.execute(
        "SELECT post_id, criterion_id, value, comment, replaced_at FROM score_history"
    ):
        number = parse_score(value) if isinstance(value, str) and len(value) <= 32 else None
        if number is None or not all(
                isinstance(x, str) for x in (post_id, criterion_id, comment, replaced_at)):
            continue
        held.add((post_id, criterion_id, format_score(number), comment))
        try:
            at = to_text(from_text(replaced_at)) if len(replaced_at) <= 64 else None
        except ValueError:
            at = None
        if at is not None and at > last.get((post_id, criterion_id), ""):
            last[(post_id, criterion_id)] = at
    return frozenset(held), last


# ----------------------------------------------------------------------------- making kits


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


class _WithoutExtensions(yaml.SafeLoader):
    """Reads a scenario the loader accepted, leaving out its `x-` extensions: never read, they
    may hold what the safe loader cannot build (a tag of another tool, a field named by a list,
    a field twice)."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            node.value = [(key, value) for key, value in node.value
                          if not (isinstance(key, yaml.ScalarNode)
                                  and key.value.startswith("x-"))]
        return super().construct_mapping(node, deep)


def observer_scenario_text(scenario: Scenario) -> str:
    """The scenario's source without what is for the director only (inject notes and media)
    and without its extensions."""
    from dientap_desktop.domain.scenario_loader import load_scenario_text

    raw = yaml.load(scenario.source_text, Loader=_WithoutExtensions)  # noqa: S506 (safe)
    for inject in raw.get("injects") or ():
        if isinstance(inject, dict):
            inject.pop("notes", None)
            inject.pop("media", None)
    text = yaml.dump(raw, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)
    again = load_scenario_text(text, "(observer scenario)")
    def shown(s: Scenario) -> tuple:
        injects = [dataclasses.replace(i, notes=None, media=()) for i in s.injects]
        return s.id, s.posts, s.phases, injects, s.criteria, s.scale

    if shown(again) != shown(scenario):
        raise ActionError("the scenario cannot be copied into a kit without changing it")
    return text


def _connect_for_writing(path: Path) -> Database:
    """A kit connection that writes: one file, no write-ahead log, so it can be copied any time."""
    check_writable(path)
    conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 5000")
    return Database(conn, execute_plugins=False)


def _quoted(ids: Iterable[str]) -> str:
    """Ids as every message gives them: in double quotes."""
    return ", ".join(f'"{i}"' for i in ids)


def parse_posts(text: str | None, scenario: Scenario) -> tuple[str, ...] | None:
    """Post ids from "ID,ID" (None for every post); ActionError naming unknown ids."""
    if text is None:
        return None
    ids = [clean(part) for part in text.split(",") if clean(part)]
    if not ids:
        raise ActionError("--posts: no post id given")
    known = [p.id for p in scenario.posts]
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ActionError(f"--posts: unknown post {_quoted(unknown)} (known: {', '.join(known)})")
    return tuple(dict.fromkeys(ids))


def observer_name(typed: str) -> str:
    """An observer's name as a kit keeps it (on one line), or ActionError saying why not."""
    observer = one_line(typed)
    if not observer:
        raise ActionError("the observer's name is empty")
    if len(observer) > MAX_NAME:
        raise ActionError(f"the observer's name is longer than {MAX_NAME} characters")
    return observer


def make_kit(
    exercise,
    observer: str,
    out: str | Path,
    posts: Sequence[str] | None = None,
    *,
    overwrite: bool = False,
    now: Callable[[], datetime] = utc_now,
) -> Path:
    """Write one observer's kit from an open exercise; the file appears whole or not at all."""
    out = Path(out)
    observer = observer_name(observer)
    scenario = exercise.scenario
    chosen = [p.id for p in scenario.posts] if posts is None else list(posts)
    known = {p.id for p in scenario.posts}
    unknown = [p for p in chosen if p not in known]
    if unknown or not chosen:
        raise ActionError(f"unknown post {_quoted(unknown)}" if unknown else "no post chosen")
    check_new_name(out)
    if out.exists() and not overwrite:
        raise FileProblem(f"{out}: the file already exists; choose another name")
    if out.exists() and file_kind(out) == "exercise":  # never a whole exercise lost to a kit
        raise FileProblem(f"{out}: this is an exercise file; a kit never replaces one, choose "
                          "another name")
    info = exercise.info
    roster = exercise.roster()
    source = observer_scenario_text(scenario)
    temporary = temporary_beside(out)
    try:
        db = _connect_for_writing(temporary)
        try:
            with db.conn:
                db.conn.executescript(KIT_SCHEMA)
            with db.conn:
                db.conn.execute(f"PRAGMA application_id = {KIT_APPLICATION_ID}")
                db.conn.execute(f"PRAGMA user_version = {KIT_SCHEMA_VERSION}")
                db["kit"].insert(
                    {
                        "id": str(uuid.uuid4()),
                        "exercise_id": info.id,
                        "exercise_name": info.name,
                        "place": info.place,
                        "date": info.date.isoformat() if info.date else None,
                        "scenario_id": scenario.id,
                        "status": info.status,
                        "observer": observer,
                        "created_at": to_text(now()),
                        "app_version": __version__,
                    }
                )
                db["scenario"].insert({"source": source})
                order = {p.id: n for n, p in enumerate(scenario.posts)}
                for post_id in dict.fromkeys(chosen):
                    person = roster.get(post_id) or Person(post_id)
                    db["posts"].insert(
                        {
                            "post_id": post_id,
                            "position": order[post_id],
                            "name": person.name,
                            "rank": person.rank,
                            "unit": person.unit,
                        }
                    )
        finally:
            db.conn.close()
        # What a file of this name left beside it (a rollback journal SQLite would play back
        # onto the new kit) goes: set aside if that file is gone, with it if it is replaced.
        if out.exists():
            for suffix in ("-journal", "-wal", "-shm"):
                Path(f"{out}{suffix}").unlink(missing_ok=True)
        else:
            set_aside_leftovers(out)
        os.replace(temporary, out)
    except (OSError, sqlite3.Error) as error:  # told as the kit asked for
        raise_as_written(error, out, temporary)
    finally:
        remove_temporary(temporary, "-journal")
    return out


def is_kit_path(path: str | Path) -> bool:
    """Whether a file is an observer kit, by what it holds (its SQLite application id) whatever
    its name; by its name only when it holds neither (missing, not a database, another
    program's), so that its problems are told as a kit's."""
    from dientap_desktop.storage.exercise_file import file_kind

    kind = file_kind(path)
    if kind is not None:
        return kind == "kit"
    return Path(path).suffix.lower() == KIT_SUFFIX


def kit_file_name(observer: str) -> str:
    """A file name for an observer's kit: the name without diacritics or spaces, which USB
    sticks and chat programs keep as they are ("dai-ta-nguyen-van-a.dtkit")."""
    return ascii_name(one_line(observer), "nguoi-danh-gia") + KIT_SUFFIX


# ----------------------------------------------------------------------------- the kit at work


class KitFile:
    """An open observer kit: the posts, scores and notes of one observer, each saved at once."""

    def __init__(self, db: Database, path: Path, contents: KitContents, readonly: bool,
                 now: Callable[[], datetime] = utc_now):
        self.db = db
        self.path = path
        self.info = contents.info
        self.whole_scenario = contents.scenario
        self.people = {p.post_id: p for p in contents.posts}
        self.post_ids = contents.post_ids
        # Scoring, checking and totals use only the kit's posts.
        self.scenario = scoring_scenario(contents.scenario, contents.post_ids)
        self.readonly = readonly
        self.now = now

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False,
             now: Callable[[], datetime] = utc_now) -> KitFile:
        """Open a kit after checking all of it; FileProblem with one plain line if it is bad."""
        path = Path(path)
        contents = read_kit(path, exact=not readonly)
        if readonly:
            db = connect(path, readonly=True)
        else:
            try:
                db = _connect_for_writing(path)
                db.conn.execute("BEGIN IMMEDIATE")  # fails early on a read-only medium
                db.conn.rollback()
            except sqlite3.OperationalError as error:
                raise FileProblem(f"{path}: the kit cannot be written ({error})") from None
        return cls(db, path, contents, readonly, now)

    @property
    def conn(self) -> sqlite3.Connection:
        """The kit's connection, as an exercise file's (what changed, for the copies)."""
        return self.db.conn

    def close(self) -> None:
        """Close the kit (every entry is already committed)."""
        self.db.conn.close()

    def save_copy(self, target: str | Path, *, replace: bool = False) -> Path:
        """A whole copy of the kit as it is now, at `target` (a new file unless `replace`)."""
        return copy_database(self.db.conn, self.path, Path(target), replace=replace)

    def __enter__(self) -> KitFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def observer(self) -> str:
        """The observer this kit belongs to."""
        return self.info.observer

    @property
    def exercise_info(self) -> ExerciseInfo:
        """The identity of the exercise the kit belongs to, as it was when the kit was made."""
        info = self.info
        return ExerciseInfo(info.exercise_id, info.exercise_name, info.place, info.date,
                            info.scenario_id, info.status)

    def snapshot(self) -> ExerciseSnapshot:
        """What the kit holds as an exercise read whole, for the papers a kit can print (its
        blank sheets): its posts and their players, its observer's scores and notes; no run,
        no log, and none of the exercise's issuing body, which a kit does not carry."""
        return ExerciseSnapshot(
            info=self.exercise_info, scenario=self.scenario, roster=dict(self.people),
            clock=Clock(), deliveries=(), decisions=(), observers=(self.observer,),
            scores=tuple(self.scores()), notes=tuple(self.notes()), log=(),
            taken_at=self.now())

    def counts(self) -> dict[str, int]:
        """Posts to score, injects, the one observer, current scores and notes."""
        scores, notes = (
            self.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("scores", "notes")
        )
        return {"posts": len(self.post_ids), "injects": len(self.whole_scenario.injects),
                "delivered": 0, "decisions": 0, "observers": 1, "evaluations": scores,
                "notes": notes}

    def _writable(self) -> None:
        if self.readonly:
            raise ActionError(f"{self.path}: the kit is open read-only")

    # ------------------------------------------------------------------ scores

    def _check(self, post_id: str, criterion_id: str, value: Fraction) -> None:
        problem = check_score(self.scenario, post_id, criterion_id, value)
        if problem:
            raise ActionError(problem)

    def set_scores(self, rows: Iterable[ScoreRow], source: str) -> ScoreChanges:
        """Write checked scores in one transaction; the old scores stay in the kit's history."""
        self._writable()
        rows = list(rows)
        for row in rows:
            if one_line(row.observer) != self.observer:
                raise ActionError(
                    f'observer "{row.observer}" is not this kit\'s observer "{self.observer}"'
                )
            self._check(row.post_id, row.criterion_id, row.value)
        added = replaced = unchanged = 0
        moment = to_text(self.now())
        with self.db.conn:
            for row in rows:
                old = self._current(row.post_id, row.criterion_id)
                # a row that says nothing of the comment (a CSV without the column) keeps it
                comment = clean(row.comment) if row.comment is not None else old[1] if old else ""
                if old is not None and (old[0], old[1]) == (row.value, comment):
                    unchanged += 1
                    continue
                if old is not None:
                    self._keep_old(row.post_id, row.criterion_id, old, moment)
                    replaced += 1
                else:
                    added += 1
                self.db.conn.execute(
                    "INSERT OR REPLACE INTO scores "
                    "(post_id, criterion_id, value, comment, updated_at, source) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [row.post_id, row.criterion_id, format_score(row.value), comment, moment,
                     source],
                )
        return ScoreChanges(added, replaced, unchanged)

    def _current(self, post_id: str, criterion_id: str) -> tuple[Fraction, str, str] | None:
        row = self.db.conn.execute(
            "SELECT value, comment, source FROM scores WHERE post_id = ? AND criterion_id = ?",
            [post_id, criterion_id],
        ).fetchone()
        return None if row is None else (Fraction(row[0]), row[1], row[2])

    def _keep_old(self, post_id: str, criterion_id: str, old: tuple, moment: str) -> None:
        self.db.conn.execute(
            "INSERT INTO score_history "
            "(post_id, criterion_id, value, comment, source, replaced_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [post_id, criterion_id, format_score(old[0]), old[1], old[2], moment],
        )

    def set_score(self, post_id: str, criterion_id: str, value: Fraction | float | str | None,
                  comment: str = "", source: str = "window") -> ScoreChanges:
        """Give one score, or take it back with None; the old one stays in the kit's history."""
        if value is not None:
            row = ScoreRow(0, self.observer, post_id, criterion_id, Fraction(value), comment)
            return self.set_scores([row], source)
        self._writable()
        old = self._current(post_id, criterion_id)
        if old is None:
            return ScoreChanges(unchanged=1)
        with self.db.conn:
            self._keep_old(post_id, criterion_id, old, to_text(self.now()))
            self.db.conn.execute(
                "DELETE FROM scores WHERE post_id = ? AND criterion_id = ?", [post_id, criterion_id]
            )
        return ScoreChanges(replaced=1)

    def scores(self) -> list[Score]:
        """The observer's current scores."""
        return [
            Score(self.observer, row[0], row[1], Fraction(row[2]), row[3])
            for row in self.db.conn.execute(
                "SELECT post_id, criterion_id, value, comment FROM scores "
                "ORDER BY post_id, criterion_id"
            )
        ]

    def score_history(self) -> list[tuple[Score, str]]:
        """Replaced scores with the time each was replaced, oldest first."""
        return [
            (Score(self.observer, row[0], row[1], Fraction(row[2]), row[3]), row[4])
            for row in self.db.conn.execute(
                "SELECT post_id, criterion_id, value, comment, replaced_at FROM score_history "
                "ORDER BY id"
            )
        ]

    def results(self) -> ExerciseResult:
        """Each assigned post's total, rating and missing criteria, and the total over them."""
        return score_exercise(self.scenario, self.scores())

    # ------------------------------------------------------------------ notes

    def add_note(self, kind: str, text: str, inject_id: str | None = None,
                 post_id: str | None = None) -> Note:
        """Add a note (strength, weakness, proposal), committed at once."""
        self._writable()
        if kind not in NOTE_KINDS:
            raise ActionError(f'unknown note kind "{kind}" (known: {", ".join(NOTE_KINDS)})')
        if inject_id is not None and inject_id not in {i.id for i in self.whole_scenario.injects}:
            raise ActionError(f'unknown inject "{inject_id}"')
        if post_id is not None and post_id not in {p.id for p in self.whole_scenario.posts}:
            raise ActionError(f'unknown post "{post_id}"')
        text = clean(text)
        if not text:
            raise ActionError("the note is empty")
        if len(text) > MAX_NOTE:
            raise ActionError(f"the note is longer than {MAX_NOTE} characters")
        note = Note(str(uuid.uuid4()), self.observer, kind, text, inject_id, post_id)
        with self.db.conn:
            self.db.conn.execute(
                "INSERT INTO notes (id, kind, text, inject_id, post_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [note.id, kind, text, inject_id, post_id, to_text(self.now())],
            )
        return note

    def delete_note(self, note_id: str) -> None:
        """Withdraw a note: it is kept whole among the withdrawn ones, and merging the kit
        withdraws it from the exercise too (where it stays in the history)."""
        self._writable()
        conn = self.db.conn
        with conn:
            row = conn.execute("SELECT id, kind, text, inject_id, post_id, created_at FROM notes "
                               "WHERE id = ?", [note_id]).fetchone()
            if row is None:
                return
            if user_version(conn) < 2:  # a kit made by an earlier version
                conn.execute(WITHDRAWN_NOTES)
                conn.execute("PRAGMA user_version = 2")
            conn.execute("INSERT OR REPLACE INTO withdrawn_notes (id, kind, text, inject_id, "
                         "post_id, created_at, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [*row, to_text(self.now())])
            conn.execute("DELETE FROM notes WHERE id = ?", [note_id])

    def notes(self) -> list[Note]:
        """The observer's notes, oldest first."""
        return [
            Note(row[0], self.observer, row[1], row[2], row[3], row[4])
            for row in self.db.conn.execute(
                "SELECT id, kind, text, inject_id, post_id FROM notes ORDER BY rowid"
            )
        ]

