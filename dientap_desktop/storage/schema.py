"""The exercise file's schema, as an ordered list of migrations; the version is their count."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database, Migrations

from dientap_desktop.storage.database import FileProblem, user_version

EXERCISE_APPLICATION_ID = 0x44544150  # "DTAP"

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


SCHEMA_VERSION = len(migrations._migrations)


def backup_path(path: Path, version: int) -> Path:
    """Where the copy of a file is kept before migrating it from `version`."""
    return path.with_name(f"{path.name}.v{version}.bak")


def _refuse_newer(found: int, name: str) -> None:
    if found > SCHEMA_VERSION:
        raise FileProblem(
            f"{name}: the file was made by a newer version of dientap "
            f"(file version {found}, this program reads up to {SCHEMA_VERSION}); "
            "update the program to open it"
        )


def check_version(db: Database, name: str) -> None:
    """For reading without changing the file: refuse any schema version but this program's."""
    found = user_version(db)
    _refuse_newer(found, name)
    if found < SCHEMA_VERSION:
        raise FileProblem(
            f"{name}: the file was made by an older version of dientap (file version {found}); "
            "open it once with write permission to upgrade it (a backup copy is kept)"
        )


def upgrade(db: Database, path: Path, name: str) -> None:
    """Bring an exercise file to this program's schema, backing it up first; refuse newer files."""
    found = user_version(db)
    _refuse_newer(found, name)
    if found == SCHEMA_VERSION:
        return
    if found > 0:
        target = backup_path(path, found)
        copy = sqlite3.connect(str(target))
        try:
            db.conn.backup(copy)
        finally:
            copy.close()
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute(f"PRAGMA application_id = {EXERCISE_APPLICATION_ID}")
