"""Checking and reading an exercise file before its scenario is built, now or in a thread.

The checks and reads (integrity check, the scenario's source and model, the source's digest) are
done by SQLite and hashlib, which let go of the GIL: started in a thread when the program starts
on a file, they overlap the imports and the making of the window. Only sqlite3, hashlib and the
schema are needed here, so the thread starts before the rest of the program is imported.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

from dientap_desktop.storage.database import (
    FileProblem,
    application_id,
    check_integrity,
    has_wal,
    looks_like_sqlite,
    open_connection,
    sqlite_problem,
    use_wal,
    user_version,
)
from dientap_desktop.storage.schema import (
    EXERCISE_APPLICATION_ID,
    check_tables,
    check_version,
    refuse_newer,
    upgrade,
)

KIT_APPLICATION_ID = 0x44544B54  # "DTKT"
READ_AT_OPENING = ("scenario",)  # the tables read whole when a file is opened (not twice)

# An exercise file checked and read: its connection, its scenario row (id, source, sha256,
# model) and the digest of the source as it is now.
Read = tuple[sqlite3.Connection, tuple, str]


def digest(source: str) -> str:
    """The SHA-256 of a scenario's source, as stored beside it."""
    return hashlib.sha256(source.encode()).hexdigest()


def read_exercise_file(path: Path, readonly: bool = False) -> Read:
    """Open an exercise file, check it (migrating an older one unless read-only) and read its
    scenario row; FileProblem, with the connection closed, when it cannot be used."""
    name = str(path)
    if not path.is_file():
        raise FileProblem(f"{name}: " + ("not a file" if path.exists() else "no such file"))
    if not looks_like_sqlite(path):
        raise FileProblem(f"{name}: not an exercise file (not an SQLite database)")
    probed = not readonly and has_wal(path)
    try:
        if probed:
            # A connection that writes copies the -wal into the file when it is closed, after
            # a failed check too: a -wal left beside it by another file (a copy put in its
            # place after a crash) would ruin the file for good, and be gone. So a file with a
            # -wal is checked read-only first.
            probe = open_connection(path, readonly=True)
            try:
                check_integrity(probe, name, path, text=True, read_later=READ_AT_OPENING)
            finally:
                probe.close()
        # Not switched to WAL before it is known to be an exercise file: a kit or another
        # program's database given by mistake is refused unchanged.
        conn = open_connection(path, readonly=readonly, wal=False)
    except sqlite3.DatabaseError as error:
        raise sqlite_problem(name, error, path) from None
    try:
        if not probed:
            check_integrity(conn, name, path, text=True, read_later=READ_AT_OPENING)
        kind = application_id(conn)
        if kind == KIT_APPLICATION_ID:
            raise FileProblem(f"{name}: this is an observer kit, not an exercise file")
        if kind != EXERCISE_APPLICATION_ID:
            raise FileProblem(f"{name}: not an exercise file (another program's database)")
        if readonly:
            check_version(conn, name)
        else:
            refuse_newer(user_version(conn), name)
        check_tables(conn, name, path)
        if not readonly:
            use_wal(conn)
            upgrade(conn, path, name)
        row = conn.execute("SELECT id, source, sha256, model FROM scenario").fetchone()
        if row is None:
            raise FileProblem(f"{name}: the exercise file holds no scenario")
        return conn, row, digest(row[1])
    except FileProblem:
        conn.close()
        raise
    except sqlite3.DatabaseError as error:
        conn.close()
        raise sqlite_problem(name, error, path) from None


class Opening:
    """`read_exercise_file` running in a background thread; `ExerciseFile.open(path,
    opening=...)` takes its result (or raises its error) instead of reading the file itself."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self._result: Read | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="open exercise", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._result = read_exercise_file(self.path, self.readonly)
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            self._error = error

    def result(self) -> Read:
        """Wait for the thread; its result, or its error raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result

    def cancel(self) -> None:
        """The file will not be opened after all: close what the thread opened."""
        self._thread.join()
        if self._result is not None:
            self._result[0].close()
            self._result = None
