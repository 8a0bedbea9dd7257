"""The exercise file's schema version and its upgrade through the migrations (migrations.py).

Opening a file of this version reads its `user_version` and nothing more: sqlite-utils and the
migrations are imported only when a file is created or has to be upgraded.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from dientap_desktop.storage.database import (
    FileProblem,
    as_database,
    damaged,
    set_aside_leftovers,
    user_version,
)

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

EXERCISE_APPLICATION_ID = 0x44544150  # "DTAP"

# The number of migrations in migrations.py (a test checks it): known without importing them.
SCHEMA_VERSION = 8
# The oldest version read as it is without upgrading (read-only opening: info, report, kit):
# version 3 only adds what merging remembers of each kit, which reading never looks at, and
# version 4 the signer's name and version 5 the body above the issuer, read as empty where their
# columns are not there; version 6 adds the drafts of the director's form, which only the window
# reads (after upgrading the file); version 7 marks withdrawn notes (none before it); version 8
# the signer's own title, read as empty before it.
OLDEST_READABLE = 2

# The tables of every version (the first migration's): a file without one of them is damaged.
CORE_TABLES = frozenset({
    "exercise", "scenario", "media", "roster", "clock_events", "deliveries", "decisions",
    "decision_history", "observers", "scores", "score_history", "notes", "log",
})


def __getattr__(name: str) -> Migrations:
    """`schema.migrations`, the ordered migrations, imported on first use."""
    if name == "migrations":
        from dientap_desktop.storage.migrations import migrations

        return migrations
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def backup_path(path: Path, version: int) -> Path:
    """Where the copy of a file is kept before migrating it from `version`."""
    return path.with_name(f"{path.name}.v{version}.bak")


def refuse_newer(found: int, name: str) -> None:
    """FileProblem when the file's schema version is newer than this program's."""
    if found > SCHEMA_VERSION:
        raise FileProblem(
            f"{name}: the file was made by a newer version of dientap "
            f"(file version {found}, this program reads up to {SCHEMA_VERSION}); "
            "update the program to open it"
        )


def check_version(db: Database | sqlite3.Connection, name: str) -> None:
    """For reading without changing the file: refuse a version this program cannot read as is."""
    found = user_version(db)
    refuse_newer(found, name)
    if found < OLDEST_READABLE:
        raise FileProblem(
            f"{name}: the file was made by an older version of dientap (file version {found}); "
            "open it once with write permission to upgrade it (a backup copy is kept)"
        )


def older_than_this_program(path: str | Path) -> bool:
    """Whether an exercise file's schema is older than this program's: opening it for writing
    upgrades it. False when it cannot be read as an SQLite file (its opening tells why)."""
    from dientap_desktop.storage.database import open_connection

    try:
        conn = open_connection(Path(path), readonly=True)
        try:
            return 0 < user_version(conn) < SCHEMA_VERSION
        finally:
            conn.close()
    except (sqlite3.Error, FileProblem, OSError):
        return False


def check_tables(db: Database | sqlite3.Connection, name: str, path: Path) -> None:
    """FileProblem when a table every version has is gone (the file was altered by hand):
    before anything is written into the file, or upgraded in it."""
    found = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    lost = sorted(CORE_TABLES - found)
    if lost:
        raise damaged(name, f"no such table: {', '.join(lost)}", path)


def upgrade(db: Database | sqlite3.Connection, path: Path, name: str) -> None:
    """Bring an exercise file to this program's schema, backing it up first; refuse newer files."""
    found = user_version(db)
    refuse_newer(found, name)
    if found == SCHEMA_VERSION:
        return
    from dientap_desktop.storage.migrations import migrations

    if isinstance(db, sqlite3.Connection):
        db = as_database(db)
    if found > 0:
        target, n = backup_path(path, found), 2
        while target.exists():  # an earlier copy (of another file of this name?) stays
            target, n = path.with_name(f"{path.name}.v{found}-{n}.bak"), n + 1
        set_aside_leftovers(target)  # a -wal left there would be applied to the copy
        copy = sqlite3.connect(str(target))
        try:
            db.conn.backup(copy)
        finally:
            copy.close()
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute(f"PRAGMA application_id = {EXERCISE_APPLICATION_ID}")
