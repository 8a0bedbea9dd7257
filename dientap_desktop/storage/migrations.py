"""The exercise file's migrations, in order (imported only when a file needs upgrading)."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("dientap-exercise")


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE exercise (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            date TEXT,
            scenario_id TEXT NOT NULL,
            issuer TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            app_version TEXT NOT NULL
        );
        CREATE TABLE scenario (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL
        );
        CREATE TABLE media (
            path TEXT PRIMARY KEY,
            data BLOB NOT NULL
        );
        CREATE TABLE roster (
            post_id TEXT PRIMARY KEY,
            name TEXT NOT NULL DEFAULT '',
            rank TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE clock_events (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('start', 'pause', 'resume', 'finish')),
            at TEXT NOT NULL
        );
        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            inject_id TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('delivered', 'skipped')),
            at TEXT NOT NULL,
            undone_at TEXT
        );
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            inject_id TEXT NOT NULL,
            post_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            given_at TEXT NOT NULL,
            covers TEXT NOT NULL DEFAULT '[]',
            version INTEGER NOT NULL DEFAULT 1,
            recorded_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX decisions_by_inject ON decisions (inject_id, post_id);
        CREATE TABLE decision_history (
            id INTEGER PRIMARY KEY,
            decision_id INTEGER NOT NULL REFERENCES decisions (id),
            version INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            given_at TEXT NOT NULL,
            covers TEXT NOT NULL,
            replaced_at TEXT NOT NULL
        );
        CREATE TABLE observers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE scores (
            observer_id INTEGER NOT NULL REFERENCES observers (id),
            post_id TEXT NOT NULL,
            criterion_id TEXT NOT NULL,
            value TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (observer_id, post_id, criterion_id)
        );
        CREATE TABLE score_history (
            id INTEGER PRIMARY KEY,
            observer_id INTEGER NOT NULL REFERENCES observers (id),
            post_id TEXT NOT NULL,
            criterion_id TEXT NOT NULL,
            value TEXT NOT NULL,
            comment TEXT NOT NULL,
            source TEXT NOT NULL,
            replaced_at TEXT NOT NULL
        );
        CREATE TABLE notes (
            id TEXT PRIMARY KEY,
            observer_id INTEGER NOT NULL REFERENCES observers (id),
            kind TEXT NOT NULL CHECK (kind IN ('strength', 'weakness', 'proposal')),
            text TEXT NOT NULL,
            inject_id TEXT,
            post_id TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            inject_id TEXT,
            post_id TEXT,
            summary TEXT NOT NULL,
            data TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX log_by_inject ON log (inject_id);
        CREATE INDEX log_by_post ON log (post_id);
        CREATE TRIGGER log_is_append_only_update BEFORE UPDATE ON log
        BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END;
        CREATE TRIGGER log_is_append_only_delete BEFORE DELETE ON log
        BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END;
        """
    )


@migrations(name="0002_scenario_model")
def _scenario_model(db: Database) -> None:
    """Keep the validated scenario as JSON beside its source, so files open fast."""
    from dientap_desktop.domain.scenario_json import scenario_to_json
    from dientap_desktop.domain.scenario_loader import ScenarioError, load_scenario_text

    db.execute("ALTER TABLE scenario ADD COLUMN model TEXT")
    for scenario_id, source in db.execute("SELECT id, source FROM scenario").fetchall():
        try:
            model = scenario_to_json(load_scenario_text(source, scenario_id))
        except ScenarioError:
            continue  # opening reports the problem with the source
        db.execute("UPDATE scenario SET model = ? WHERE id = ?", [model, scenario_id])


@migrations(name="0003_merged_kits")
def _merged_kits(db: Database) -> None:
    """Remember what each merged kit brought, so merging it again changes only what changed.

    `scores` is a JSON list of [post, criterion, value, comment, entered_at] (the time the
    observer entered it in the kit), one per score the kit brought the last time it was merged:
    one row per kit keeps merging twenty kits of thousands of scores fast.
    """
    db.executescript(
        """
        CREATE TABLE merged_kits (
            id TEXT PRIMARY KEY,
            observer_id INTEGER NOT NULL REFERENCES observers (id),
            scores TEXT NOT NULL DEFAULT '[]',
            first_merged_at TEXT NOT NULL,
            last_merged_at TEXT NOT NULL
        );
        CREATE INDEX merged_kits_by_observer ON merged_kits (observer_id);
        """
    )
    _remember_earlier_merges(db)


def _remember_earlier_merges(db: Database) -> None:
    """Kits merged before this version are remembered from the log and the scores: each with
    what its observer's kits wrote last (entry time unknown), so that merging one again does
    not put its value back over a correction made since (a CSV typed from paper)."""
    import json

    merged: dict[str, tuple[str, str, str]] = {}  # kit id -> (observer, first, last merge)
    for at, data in db.execute("SELECT at, data FROM log WHERE action = 'merge' ORDER BY id"):
        try:
            found = json.loads(data)
            kit_id, observer = str(found["kit"]), str(found["observer"])
        except (ValueError, TypeError, KeyError):
            continue
        first = merged.get(kit_id, (observer, at, at))[1]
        merged[kit_id] = (observer, first, at)
    for kit_id, (observer, first, last) in merged.items():
        row = db.execute("SELECT id FROM observers WHERE name = ?", [observer]).fetchone()
        if row is None:
            continue
        source = f"kit:{observer}"
        brought: dict[tuple[str, str], tuple[str, str]] = {}
        for post_id, criterion_id, value, comment in db.execute(
            "SELECT post_id, criterion_id, value, comment FROM score_history "
            "WHERE observer_id = ? AND source = ? ORDER BY id", [row[0], source]
        ):
            brought[(post_id, criterion_id)] = (value, comment)
        for post_id, criterion_id, value, comment in db.execute(
            "SELECT post_id, criterion_id, value, comment FROM scores "
            "WHERE observer_id = ? AND source = ?", [row[0], source]
        ):
            brought[(post_id, criterion_id)] = (value, comment)
        scores = json.dumps([[*key, value, comment, ""] for key, (value, comment)
                             in brought.items()], ensure_ascii=False, separators=(",", ":"))
        db.execute("INSERT INTO merged_kits (id, observer_id, scores, first_merged_at, "
                   "last_merged_at) VALUES (?, ?, ?, ?, ?)", [kit_id, row[0], scores, first, last])


@migrations(name="0004_signer")
def _signer(db: Database) -> None:
    """The full name printed under the issuing body's signature on the documents."""
    db.execute("ALTER TABLE exercise ADD COLUMN signer TEXT NOT NULL DEFAULT ''")


@migrations(name="0005_superior")
def _superior(db: Database) -> None:
    """The body directly above the issuing body (cơ quan chủ quản), printed over its name."""
    db.execute("ALTER TABLE exercise ADD COLUMN superior TEXT NOT NULL DEFAULT ''")


@migrations(name="0006_drafts")
def _drafts(db: Database) -> None:
    """Decisions typed in the director's form but not recorded yet, one per inject and post:
    what a crash or a power cut would otherwise take (not an action: nothing in the log)."""
    db.executescript(
        """
        CREATE TABLE drafts (
            inject_id TEXT NOT NULL,
            post_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            covers TEXT NOT NULL DEFAULT '[]',
            given_at TEXT,
            saved_at TEXT NOT NULL,
            PRIMARY KEY (inject_id, post_id)
        );
        """
    )


@migrations(name="0007_withdrawn_notes")
def _withdrawn_notes(db: Database) -> None:
    """When an observer withdrew a note in their kit and the kit was merged again: the note
    stays in the file (and in its log), out of the notes and the reports."""
    db.execute("ALTER TABLE notes ADD COLUMN withdrawn_at TEXT")


@migrations(name="0008_signer_title")
def _signer_title(db: Database) -> None:
    """The signer's own title when it is not the head of the issuing body's (a deputy signs
    "KT." for the head, Nghị định 30/2020/NĐ-CP)."""
    db.execute("ALTER TABLE exercise ADD COLUMN signer_title TEXT NOT NULL DEFAULT ''")
