"""Opening SQLite files safely: the pragmas each connection needs and checks before trusting one."""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import stat
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"


def one_line(text: str) -> str:
    """Text made one line: SQLite's own messages may hold several, joined here with "; "."""
    return "; ".join(line.strip() for line in str(text).splitlines() if line.strip())


class FileProblem(Exception):
    """A file that cannot be used as asked: its message is one plain line naming the file."""

    def __init__(self, message: str):
        super().__init__(one_line(message))


MAX_PROBLEMS = 20  # the problems of one file told one by one; past them, how many more


class FileProblems(FileProblem):
    """A file with several values that cannot be used (a kit's scores), all told at once:
    `problems` holds a plain line naming the file for each, up to MAX_PROBLEMS, then one that
    says how many more; its message is those lines."""

    def __init__(self, name: str, lines: Iterable[str]):
        lines = [one_line(line) for line in lines]
        more = len(lines) - MAX_PROBLEMS
        self.problems = lines[:MAX_PROBLEMS] + (
            [f"{name}: and {more} more problems like these"] if more > 0 else [])
        Exception.__init__(self, "\n".join(self.problems))


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


# ------------------------------------------------- files this process holds open through SQLite
#
# POSIX drops every lock a process holds on a file as soon as the process closes any descriptor
# of it. A header read with open() and close() while a window holds the file through SQLite
# would leave the file unlocked: another program's connection, closing, would take itself for
# the last one, fold the -wal into the file and delete it, and what the window writes after
# that would be lost. So the header of a file held here is read through a descriptor kept open
# as long as a connection is (SQLite's own descriptors stay open that long for the same
# reason), and such a file is never opened immutable (SQLite then closes its descriptor).

_held: dict[tuple[int, int], list] = {}  # (device, inode): [connections, descriptor or None]
_held_lock = threading.Lock()


def _inode(path: str | Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino


def held_here(path: str | Path) -> bool:
    """Whether this process has the file open through SQLite."""
    inode = _inode(path)
    return inode is not None and inode in _held


class _Connection(sqlite3.Connection):
    """A connection that counts as holding its file open here until it is closed."""

    _inode: tuple[int, int] | None = None

    def hold(self, path: str | Path) -> _Connection:
        inode = _inode(path)
        if inode is None:
            return self
        with _held_lock:
            entry = _held.get(inode)
            if entry is None:
                descriptor = None
                if hasattr(os, "pread"):  # POSIX; Windows locks by handle, not by process
                    try:
                        descriptor = os.open(path, os.O_RDONLY)
                    except OSError:
                        pass
                _held[inode] = [1, descriptor]
            else:
                entry[0] += 1
        self._inode = inode
        return self

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._let_go()

    def _let_go(self) -> None:
        inode, self._inode = self._inode, None
        if inode is None:
            return
        with _held_lock:
            entry = _held.get(inode)
            if entry is None:
                return
            entry[0] -= 1
            if entry[0] <= 0:
                del _held[inode]
                if entry[1] is not None:
                    os.close(entry[1])  # the last connection is closed: no lock to drop

    def __del__(self) -> None:
        self._let_go()


def _connect(target: str, path: str | Path, **options) -> sqlite3.Connection:
    """sqlite3.connect, the connection counted as holding `path` (see `_held`)."""
    conn = sqlite3.connect(target, factory=_Connection, **options)
    return conn.hold(path)


def read_header(path: str | Path, size: int = 100) -> bytes:
    """The first bytes of a file, read without dropping the locks SQLite holds on it here."""
    inode = _inode(path)
    with _held_lock:
        entry = _held.get(inode) if inode is not None else None
        if entry is not None and entry[1] is not None:
            return os.pread(entry[1], size, 0)
    if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe would wait for a writer forever
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    with open(path, "rb") as handle:
        return handle.read(size)


def looks_like_sqlite(path: Path) -> bool:
    """Whether the file starts with the SQLite header."""
    try:
        return read_header(path, 16) == SQLITE_HEADER
    except OSError:
        return False


def check_writable(path: Path) -> None:
    """FileProblem, naming the file or its folder, unless the file can be written or created.

    SQLite writes its journal next to the file, so the folder must be writable too; without this
    check the first write fails deep inside a command with "attempt to write a readonly database".
    """
    folder = path.parent
    if not folder.is_dir():
        raise FileProblem(f"{folder}: " + ("this is a file, not a folder" if folder.exists()
                                           else "no such folder"))
    if _on_read_only_disk(folder):
        raise FileProblem(f"{folder}: the folder is on a read-only disk")
    if path.exists() and not os.access(path, os.W_OK):
        raise FileProblem(f"{path}: the file is read-only (no permission to change it)")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FileProblem(f"{folder}: no permission to write in this folder")


def check_new_name(path: Path) -> None:
    """FileProblem, naming the file, unless a database can be written under this name: not a
    folder's, and short enough for its disk with what SQLite writes beside it ("-journal")."""
    from dientap_desktop.temporary import DATABASE_ROOM, TOO_LONG, name_fits

    if not name_fits(path, DATABASE_ROOM):
        raise FileProblem(f"{path}: {TOO_LONG}")
    if path.is_dir():
        raise FileProblem(f"{path}: this is a folder; give the new file's name")


def _on_read_only_disk(folder: Path) -> bool:
    """Whether the folder is on a disk mounted read-only (a locked USB stick, a CD); POSIX."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # Windows has no statvfs: told as no permission
        return False


def _header_versions(path: Path) -> bytes:
    """The file's read and write versions (header bytes 18 and 19): 1 for a rollback journal,
    2 for WAL; b"" when they cannot be read."""
    try:
        header = read_header(path, 20)
    except OSError:
        return b""
    return header[18:20] if len(header) == 20 else b""


def _wal_mode(path: Path) -> bool:
    """Whether the file's header says it is in WAL mode (read and write versions 2)."""
    return _header_versions(path) == b"\x02\x02"


# ------------------------------------------------------------- what SQLite leaves beside a file

LEFTOVER_SUFFIXES = ("-wal", "-shm", "-journal")


def wal_path(path: str | Path) -> Path:
    """The write-ahead log SQLite keeps beside a file in WAL mode (NAME-wal)."""
    return Path(f"{path}-wal")


def has_wal(path: str | Path) -> bool:
    """Whether a -wal holding something lies beside the file (open in a window, or left by a
    crash): SQLite applies it to whatever file has this name when it is next opened."""
    try:
        return wal_path(path).stat().st_size > 0
    except OSError:
        return False


def set_aside_leftovers(path: str | Path) -> list[Path]:
    """Before a new file takes the name `path` (no file has it now, or the one there is being
    replaced): the -wal, -shm and -journal files an earlier file of that name left beside it
    (a crash, then the file deleted) would be applied by SQLite to the new file as if its own.
    What they hold is renamed aside (NAME-wal.orphan-YYYYmmdd-HHMMSS), never deleted: it may be
    all that is left of that earlier file's last changes. An empty one, or a -shm (an index
    SQLite rebuilds from the -wal), holds nothing and is removed. Returns the new names."""
    moved: list[Path] = []
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for suffix in LEFTOVER_SUFFIXES:
        leftover = Path(f"{path}{suffix}")
        try:
            size = leftover.lstat().st_size
        except OSError:
            continue
        if suffix == "-shm" or size == 0:
            leftover.unlink(missing_ok=True)
            continue
        aside, n = leftover.with_name(f"{leftover.name}.orphan-{stamp}"), 2
        while os.path.lexists(aside):
            aside, n = leftover.with_name(f"{leftover.name}.orphan-{stamp}-{n}"), n + 1
        os.replace(leftover, aside)
        moved.append(aside)
    return moved


def _move_aside_advice(path: Path) -> str:
    wal, shm = wal_path(path), Path(f"{path}-shm")
    return (f'close the program, move "{wal.name}" and "{shm.name}" to another folder, then '
            "open the file again")


def _foreign_wal(name: str, path: Path) -> FileProblem:
    return FileProblem(f'{name}: "{wal_path(path).name}" beside it holds changes of another '
                       f"file (was a copy put in its place?): {_move_aside_advice(path)}")


def check_leftovers(path: str | Path) -> None:
    """FileProblem when the -wal beside a file cannot be its own: the file's header says it
    keeps a rollback journal (as every copy this program makes does), and SQLite never leaves a
    -wal beside such a file. A copy put in place of a file after a crash gets the -wal of the
    file it replaced; SQLite would apply it, and show (or, writing, make for good) a mix of
    both. Nothing is opened or changed."""
    path = Path(path)
    if _header_versions(path) == b"\x01\x01" and has_wal(path):
        raise _foreign_wal(str(path), path)


# ------------------------------------------------------------- SQLite's errors in plain words

# SQLite's primary result codes (the low byte of an error's extended code)
_SQLITE_ERROR, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_NOMEM, _SQLITE_READONLY = 1, 5, 6, 7, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26
_SQLITE_READONLY_DBMOVED = _SQLITE_READONLY | (4 << 8)  # the file was deleted or renamed
_NEARLY_FULL = 1024 * 1024  # bytes left on a disk SQLite could not write to: it is full


def _primary_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _disk_full(path: Path | None) -> bool:
    """Whether the disk of a file has (nearly) no room left: SQLite tells a -shm or -wal it
    could not make on a full disk as a mere I/O error."""
    if path is None:
        return False
    try:
        return shutil.disk_usage(Path(path).absolute().parent).free < _NEARLY_FULL
    except OSError:
        return False


def file_uri(path: Path) -> str:
    """The file: URI SQLite opens a file by: on a Windows network share (\\\\server\\share\\...)
    Path.as_uri gives file://server/share/..., an authority SQLite refuses; file:////server/...
    names the same file with an empty one."""
    uri = path.resolve().as_uri()
    if uri.startswith("file://") and not uri.startswith("file:///"):
        uri = "file:////" + uri[len("file://"):]
    return uri


def _whole_alone(path: Path) -> bool | None:
    """Whether the file by itself, without the -wal beside it, passes SQLite's quick check
    (read as immutable: the -wal is neither read nor touched); None when it cannot be told."""
    if held_here(path):
        return None  # open here: an immutable connection would drop its locks, closing
    try:
        conn = sqlite3.connect(f"{file_uri(path)}?mode=ro&immutable=1", uri=True)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return False if _primary_code(error) in (_SQLITE_CORRUPT, _SQLITE_NOTADB) else None
    except (sqlite3.Error, OSError, ValueError):
        return None


def damaged(name: str, found: str, path: str | Path | None = None) -> FileProblem:
    """The file is damaged: `found` says how. With a -wal beside it, that -wal may be what
    breaks it (left from another file, applied to a copy put in its place): then told so."""
    if path is not None and has_wal(path):
        path = Path(path)
        whole = _whole_alone(path)
        if whole:
            return _foreign_wal(name, path)
        if whole is None:
            return FileProblem(
                f'{name}: the file is damaged ({found}), unless "{wal_path(path).name}" beside '
                f"it holds changes of another file (was a copy put in its place?): "
                f"{_move_aside_advice(path)}"
            )
    return FileProblem(f"{name}: the file is damaged ({found})")


_UNDECODED = re.compile(r"Could not decode to UTF-8 column '(\w*)'")


def undecoded(name: str, error: BaseException, path: str | Path | None = None
              ) -> FileProblem | None:
    """The damaged file an error tells, when it is text of the file that is not UTF-8 (sqlite3
    tells a value it cannot decode as an OperationalError, and SQLite's own message that holds
    such bytes as a UnicodeDecodeError); None for any other error."""
    if isinstance(error, UnicodeDecodeError):
        return damaged(name, "it holds text that is not UTF-8", path)
    found = _UNDECODED.match(str(error)) if isinstance(error, sqlite3.Error) else None
    if found is None:
        return None
    return damaged(name, f"the text of its column '{found[1] or '?'}' is not UTF-8", path)


def sqlite_problem(name: str, error: sqlite3.Error, path: str | Path | None = None
                   ) -> FileProblem:
    """What SQLite could not do with a file, in one plain line naming it: a full disk, a disk
    that cannot be read or written, a file another program holds, a file that cannot be opened
    or written are told apart from a damaged file (only that one calls for a backup copy).
    `path`, the file, lets a full disk and a -wal left from another file be recognised."""
    code = _primary_code(error)
    text = one_line(str(error)) or type(error).__name__
    if (problem := undecoded(name, error, path)) is not None:
        return problem  # the garbled text is not told
    folder_path = Path(path) if path is not None else None
    if code == _SQLITE_FULL or (code == _SQLITE_IOERR and _disk_full(folder_path)):
        return FileProblem(f"{name}: the disk is full ({text}); make room on it, then try again")
    if code == _SQLITE_IOERR:
        return FileProblem(f"{name}: the disk cannot be read or written ({text}); check the "
                           "disk or the USB stick, then try again")
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return FileProblem(f"{name}: the file is in use by another program ({text}); close it "
                           "there, then try again")
    if code == _SQLITE_CANTOPEN:
        return FileProblem(f"{name}: the file cannot be opened ({text})")
    if getattr(error, "sqlite_errorcode", None) == _SQLITE_READONLY_DBMOVED:
        return FileProblem(f"{name}: the file is no longer where it was opened (deleted, renamed "
                           "or its disk removed); nothing more can be written to it")
    if code == _SQLITE_READONLY:
        return FileProblem(f"{name}: the file cannot be written ({text})")
    if code == _SQLITE_NOMEM:
        return FileProblem(f"{name}: not enough memory to read the file ({text}); close other "
                           "programs, then try again")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB, _SQLITE_ERROR):
        # SQLITE_ERROR here: a table or column missing, the file changed outside the program
        return damaged(name, text, path)
    return FileProblem(f"{name}: the file cannot be used ({text})")


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves no file beside the one it reads.

    SQLite creates `-wal` and `-shm` files beside a WAL database even to read it, and a reader
    cannot remove them. A WAL file with no `-wal` beside it was closed cleanly: all of it is in
    the file, which is then read as immutable (nothing created). With a `-wal` beside it (open
    in a window, or left by a crash) it is read the usual way, its last changes included; in a
    folder we may not write, as immutable when the `-wal` holds nothing.
    """
    base = file_uri(path)
    wal = Path(f"{path}-wal")
    held = held_here(path)  # then never immutable: see `_held`
    if _wal_mode(path) and not wal.exists() and not held:
        return sqlite3.connect(f"{base}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    uri = f"{base}?mode=ro"
    conn = _connect(uri, path, uri=True, check_same_thread=False)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if held:
            raise
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
    check_leftovers(path)
    if readonly:
        conn = _connect_readonly(path)
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA query_only = ON")
    else:
        check_writable(Path(path))
        conn = _connect(str(path), path, check_same_thread=False)
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


def check_integrity(db: Database | sqlite3.Connection, name: str,
                    path: str | Path | None = None, *, text: bool = False,
                    read_later: Iterable[str] = ()) -> None:
    """FileProblem when SQLite finds the file damaged, or cannot read it (a full disk, a file
    another program holds: told as such). `path`, the file, lets a -wal left beside it from
    another file be told as what damages it. With `text`, every text value of every table
    (but those `read_later` by the caller) is read too: SQLite's check does not look into
    text, and a byte of it damaged would otherwise fail later, in a view or a report."""
    try:
        rows = db.execute("PRAGMA quick_check").fetchall()
        if rows == [("ok",)] and text:
            _read_every_text(db, set(read_later))
    except UnicodeDecodeError as error:  # SQLite's own message holds the damaged bytes
        raise undecoded(name, error, path) from None
    except sqlite3.DatabaseError as error:
        raise sqlite_problem(name, error, path) from None
    if rows != [("ok",)]:
        found = "; ".join(one_line(row[0]) for row in rows[:5])
        more = f"; and {len(rows) - 5} more" if len(rows) > 5 else ""
        raise damaged(name, f"{found}{more}", path)


def _read_every_text(db: Database | sqlite3.Connection, skipped: set[str]) -> None:
    """Read every row of every table but `skipped`: sqlite3 decodes each text value, and
    tells one that is not UTF-8 (an OperationalError)."""
    tables = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")]
    for table in tables:
        if table not in skipped:
            for _row in db.execute(f'SELECT * FROM "{table.replace(chr(34), chr(34) * 2)}"'):
                pass


def same_path(one: str | Path, other: str | Path) -> bool:
    """Whether two paths name the same file (through links, case-insensitive file systems...)."""
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them is not there (yet): compare the names
        try:
            return Path(one).resolve() == Path(other).resolve()
        except (OSError, RuntimeError):  # a loop of links
            return False


def raise_as_written(error: OSError | sqlite3.Error, target: Path, temporary: Path
                     ) -> NoReturn:
    """Raise what stopped a new database `target` being written under `temporary` as
    `target`'s problem (or its folder's), never the temporary's: an OSError as a WriteFailed
    (`told_as_target`), an SQLite error as `sqlite_problem` tells it."""
    from dientap_desktop.temporary import raise_as_told, told_as_target

    raise_as_told(error, sqlite_problem(str(target), error, target)
                  if isinstance(error, sqlite3.Error)
                  else told_as_target(error, target, temporary))


def copy_database(conn: sqlite3.Connection, source: Path, target: Path, *,
                  replace: bool = False) -> Path:
    """A whole, consistent copy of the open database of file `source` at `target`, made by
    SQLite's online backup (the changes still waiting in a -wal file included), safe while the
    file is in use: one self-contained file, written under a temporary name beside `target` and
    given its name only once it is complete and on disk. Never onto `source` itself; onto
    another file that is there only with `replace` (the caller made sure nobody has it open:
    its -wal and -shm files go with it). What a file no longer there left beside the name (a
    -wal, which SQLite would apply to the copy) is set aside first (`set_aside_leftovers`)."""
    from dientap_desktop.temporary import (
        raise_as_told,
        remove_temporary,
        temporary_beside,
        told_as_target,
    )

    target = Path(target)
    leftovers = [Path(f"{target}{suffix}") for suffix in LEFTOVER_SUFFIXES]
    check_new_name(target)
    replacing = target.exists()
    if replacing:
        if same_path(target, source):
            raise FileProblem(f"{target}: this is the file itself; choose another name")
        if not replace:
            raise FileProblem(f"{target}: the file already exists; choose another name")
    check_writable(target)
    temporary = temporary_beside(target)
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
        if replacing and target.exists():
            for leftover in leftovers:  # they belong to the file being replaced
                leftover.unlink(missing_ok=True)
        else:  # left by a file of this name that is gone: kept aside, never applied to the copy
            set_aside_leftovers(target)
        os.replace(temporary, target)
        _sync_folder(target.parent)
    except OSError as error:  # the copy's file or folder, not the temporary
        raise_as_told(error, told_as_target(error, target, temporary))
    finally:
        remove_temporary(temporary, "-journal")
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
