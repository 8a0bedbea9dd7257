"""Opening SQLite files safely: the pragmas each connection needs and checks before trusting one."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"


def one_line(text: str) -> str:
    """Text made one line: SQLite's own messages may hold several, joined here with "; "."""
    return "; ".join(line.strip() for line in str(text).splitlines() if line.strip())


class FileProblem(Exception):
    """A file that cannot be used as asked: its message is one plain line naming the file."""

    def __init__(self, message: str):
        super().__init__(one_line(message))


def utc_now() -> datetime:
    """The current instant, timezone-aware in UTC."""
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    """An instant as stored: ISO 8601 in UTC."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    """An instant read back from the file."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def looks_like_sqlite(path: Path) -> bool:
    """Whether the file starts with the SQLite header."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def check_writable(path: Path) -> None:
    """FileProblem, naming the file or its folder, unless the file can be written or created.

    SQLite writes its journal next to the file, so the folder must be writable too; without this
    check the first write fails deep inside a command with "attempt to write a readonly database".
    """
    folder = path.parent
    if not folder.is_dir():
        raise FileProblem(f"{folder}: no such folder")
    if path.exists() and not os.access(path, os.W_OK):
        raise FileProblem(f"{path}: the file is read-only (no permission to change it)")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FileProblem(f"{folder}: no permission to write in this folder")


def _wal_mode(path: Path) -> bool:
    """Whether the file's header says it is in WAL mode (read and write versions 2)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18:20] == b"\x02\x02"


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves no file beside the one it reads.

    SQLite creates `-wal` and `-shm` files beside a WAL database even to read it, and a reader
    cannot remove them. A WAL file with no `-wal` beside it was closed cleanly: all of it is in
    the file, which is then read as immutable (nothing created). With a `-wal` beside it (open
    in a window, or left by a crash) it is read the usual way, its last changes included; in a
    folder we may not write, as immutable when the `-wal` holds nothing.
    """
    base = path.resolve().as_uri()
    wal = Path(f"{path}-wal")
    if _wal_mode(path) and not wal.exists():
        return sqlite3.connect(f"{base}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    uri = f"{base}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if wal.exists() and wal.stat().st_size > 0:
            raise FileProblem(
                f"{path}: its last changes are still in {wal.name} and the folder cannot be "
                "written; open it where it can be written"
            ) from None
    return sqlite3.connect(f"{uri}&immutable=1", uri=True, check_same_thread=False)


def open_connection(path: Path, *, readonly: bool = False, wal: bool = True) -> sqlite3.Connection:
    """A plain sqlite3 connection with every pragma a connection needs: foreign keys on,
    recursive triggers on (as sqlite-utils sets them), and for writing WAL, full sync and a
    busy timeout; read-only ones trust nothing in the file. With `wal` False the file is not
    switched to WAL yet (`use_wal`, once it is known to be ours).

    Reading needs nothing more, and sqlite-utils (a tenth of a second to import) is only
    wrapped around it for writing: see `connect` and `as_database`.
    """
    if readonly:
        conn = _connect_readonly(path)
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA query_only = ON")
    else:
        check_writable(Path(path))
        conn = sqlite3.connect(str(path), check_same_thread=False)
        conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA recursive_triggers = ON")
    if not readonly:
        conn.execute("PRAGMA busy_timeout = 5000")
        if wal:
            use_wal(conn)
    return conn


def use_wal(conn: sqlite3.Connection) -> None:
    """Put a connection that writes in WAL mode with full sync (changes the file's header)."""
    # Outside any transaction, as sqlite-utils' enable_wal() does it.
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA synchronous = FULL")


def as_database(conn: sqlite3.Connection) -> Database:
    """The sqlite-utils Database over a connection made by `open_connection`."""
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def connect(path: Path, *, readonly: bool = False) -> Database:
    """A connection with foreign keys on and full sync; read-only ones trust nothing in the file."""
    return as_database(open_connection(path, readonly=readonly))


def application_id(db: Database | sqlite3.Connection) -> int:
    """The file's SQLite application id, which tells an exercise file from a kit."""
    return db.execute("PRAGMA application_id").fetchone()[0]


def user_version(db: Database | sqlite3.Connection) -> int:
    """The file's schema version."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def check_integrity(db: Database | sqlite3.Connection, name: str) -> None:
    """FileProblem when SQLite finds the file damaged."""
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        raise FileProblem(f"{name}: the file is damaged ({error})") from None
    if rows != [("ok",)]:
        found = "; ".join(one_line(row[0]) for row in rows[:5])
        more = f"; and {len(rows) - 5} more" if len(rows) > 5 else ""
        raise FileProblem(f"{name}: the file is damaged ({found}{more})")


def same_path(one: str | Path, other: str | Path) -> bool:
    """Whether two paths name the same file (through links, case-insensitive file systems...)."""
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them is not there (yet): compare the names
        try:
            return Path(one).resolve() == Path(other).resolve()
        except (OSError, RuntimeError):  # a loop of links
            return False


def copy_database(conn: sqlite3.Connection, source: Path, target: Path, *,
                  replace: bool = False) -> Path:
    """A whole, consistent copy of the open database of file `source` at `target`, made by
    SQLite's online backup (the changes still waiting in a -wal file included), safe while the
    file is in use: one self-contained file, written under a temporary name beside `target` and
    given its name only once it is complete and on disk. Never onto `source` itself; onto
    another file that is there only with `replace` (the caller made sure nobody has it open:
    its -wal and -shm files go with it)."""
    target = Path(target)
    leftovers = (Path(f"{target}-wal"), Path(f"{target}-shm"), Path(f"{target}-journal"))
    if target.exists() or any(p.exists() for p in leftovers):
        if target.exists() and same_path(target, source):
            raise FileProblem(f"{target}: this is the file itself; choose another name")
        if not replace:
            raise FileProblem(f"{target}: the file already exists; choose another name")
    check_writable(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        copy = sqlite3.connect(temporary)
        try:
            conn.backup(copy)
            # A single file, wherever it goes (a USB stick, a mail): no -wal beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
            check_integrity(copy, str(target))  # a copy is only as good as what it can give back
        finally:
            copy.close()
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        for leftover in leftovers:  # they belong to the file being replaced
            leftover.unlink(missing_ok=True)
        os.replace(temporary, target)
        _sync_folder(target.parent)
    finally:
        for leftover in (temporary, Path(f"{temporary}-journal")):
            leftover.unlink(missing_ok=True)
    return target


def _sync_folder(folder: Path) -> None:
    """Put a file's new name on disk (POSIX; Windows does it with the rename)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
