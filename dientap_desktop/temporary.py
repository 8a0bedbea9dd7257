"""Hidden temporary names for files written whole, sweeping what killed writes left of them, and
telling a failed write as the file asked for, never as its hidden temporary."""

from __future__ import annotations

import errno
import os
import re
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

# A write never takes this long: a leftover older than this belongs to no running write.
STALE_SECONDS = 3600
# `.NAME.<32 hex>.tmp` or `.part`, and what SQLite made beside such a file while it was written.
_SUFFIX = re.compile(r"\.[0-9a-f]{32}\.(?:tmp|part)(?:-journal|-wal|-shm)?")
_ENDS_AS_LEFTOVER = re.compile(_SUFFIX.pattern + r"\Z")
# The longest file name most disks take (ext4, NTFS, FAT, exFAT: 255 bytes, or UTF-16 units, which
# are never more than UTF-8 bytes). A temporary's name is the target's and 39 more bytes, and
# SQLite adds "-journal" to it: the target's part is cut so that a name that fits has a
# temporary that fits.
NAME_MAX = 255
_TEMPORARY_ROOM = len(f"..{'0' * 32}.part-journal")


def shortened(name: str, limit: int) -> str:
    """`name`, cut to at most `limit` bytes of the file system's encoding (on a character)."""
    name = name[:limit]  # a character is a byte at least
    while len(os.fsencode(name)) > limit:
        name = name[:-1]
    return name


TOO_LONG = "the file name is too long; choose a shorter name"
# what SQLite writes beside a database: its name and these 8 characters must fit too
DATABASE_ROOM = len("-journal")


def name_fits(path: Path, room: int = 0) -> bool:
    """Whether `path`'s name, and `room` characters more, fits in a name of its disk."""
    name = path.name + "x" * room
    size = len(name.encode("utf-16-le")) // 2 if os.name == "nt" else len(os.fsencode(name))
    try:
        limit = os.pathconf(path.parent, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # Windows, a folder not there: the usual
        limit = NAME_MAX
    return size <= (limit if limit and limit > 0 else NAME_MAX)


def _temporary_prefix(target: Path) -> str:
    return f".{shortened(target.name, NAME_MAX - _TEMPORARY_ROOM)}"


def temporary_beside(target: Path, suffix: str = ".tmp") -> Path:
    """A new hidden name in `target`'s folder to write it under before it takes its name; the
    leftovers of earlier writes of `target` that were killed midway are removed first."""
    sweep_leftovers(target)
    return target.with_name(f"{_temporary_prefix(target)}.{uuid.uuid4().hex}{suffix}")


def remove_temporary(temporary: Path, *companions: str) -> None:
    """Remove a temporary (and what SQLite made beside it: "-journal", "-wal"...) once its write
    is over, whatever became of it; what cannot be removed is left to the next write's sweep,
    and a write that failed is told for its own reason, not this one's."""
    for path in (temporary, *(Path(f"{temporary}{end}") for end in companions)):
        try:
            path.unlink(missing_ok=True)
        except OSError:  # a read-only disk, a file where its folder should be
            pass


def sweep_leftovers(target: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files that writes of `target` killed midway left (only stale ones:
    a write still going on, in another window, keeps its own); the paths removed."""
    prefix = _temporary_prefix(target)
    return _sweep(target.parent, lambda name: name.startswith(prefix)
                  and _SUFFIX.fullmatch(name[len(prefix):]) is not None, now)


def sweep_folder(folder: Path, now: float | None = None) -> list[Path]:
    """Remove what writes killed midway left in a folder of the program's own (the automatic
    copies', where each write has a new name), whatever the name; the paths removed."""
    return _sweep(folder, lambda name: name.startswith(".")
                  and _ENDS_AS_LEFTOVER.search(name) is not None, now)


def _sweep(folder: Path, leftover: Callable[[str], bool], now: float | None) -> list[Path]:
    limit = (time.time() if now is None else now) - STALE_SECONDS
    removed = []
    try:
        candidates = [p for p in folder.iterdir() if leftover(p.name)]
    except OSError:  # a folder that cannot be listed: the write itself will say what is wrong
        return removed
    for candidate in candidates:
        try:
            if candidate.is_file() and candidate.stat().st_mtime < limit:
                candidate.unlink()
                removed.append(candidate)
        except OSError:  # gone meanwhile, or not ours to remove: left as it is
            continue
    return removed


def write_whole(target: Path, data: bytes) -> Path:
    """Write `data` as the file `target`, whole or not at all: under a temporary name, put on
    disk, then renamed (a file it replaces stays as it was until then)."""
    target = Path(target)
    temporary = temporary_beside(target)
    try:
        with told_as(target, temporary):
            with open(temporary, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
    finally:
        remove_temporary(temporary)
    return target


# ------------------------------------------------------------------ a write that failed, told


class WriteFailed(OSError):
    """A file that could not be written, told in one plain line (its `str`): the file asked for,
    or its folder when the folder is why (`filename`), and why in plain words (`strerror`);
    never the hidden name it was being written under. `technical` keeps what the system said."""

    technical = ""

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


def _folder_in_the_way(path: Path) -> Path | None:
    """The first of `path`'s folders that is a file."""
    for folder in reversed(path.parents):
        if folder.exists() and not folder.is_dir():
            return folder
    return None


_IN_USE = "the file is in use by another program ({}); close it there, then try again"


def _in_use(error: OSError) -> bool:
    """Windows: another program has the file open (a sharing or lock violation)."""
    return getattr(error, "winerror", None) in (32, 33)


def write_failed(error: OSError, target: Path) -> WriteFailed:
    """What stopped a write of `target` (through a temporary beside it), told as `target`'s
    problem, or its folder's when the folder is why: missing, a file, not ours to write in, on
    a read-only disk."""
    target = Path(target)
    folder = target.parent
    code, said = error.errno, error.strerror or type(error).__name__
    where, why = target, f"the file cannot be written ({said})"
    if code == errno.ENOTDIR and (blocking := _folder_in_the_way(target)) is not None:
        where, why = blocking, "this is a file, not a folder"
    elif code in (errno.ENOENT, errno.ENOTDIR) and not folder.is_dir():
        where, why = folder, "no such folder"
    elif code in (errno.EACCES, errno.EPERM):
        if _in_use(error):
            why = _IN_USE.format(said)
        elif target.exists() and not os.access(target, os.W_OK):
            why = "the file is read-only (no permission to change it)"
        else:
            where, why = folder, "no permission to write in this folder"
    elif code == errno.EROFS:
        where, why = folder, "the folder is on a read-only disk"
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        why = f"the disk is full ({said}); make room on it, then try again"
    elif code == errno.EISDIR:
        why = "this is a folder, not a file"
    elif code == errno.ENAMETOOLONG:
        why = TOO_LONG
    elif code == errno.EIO:
        why = (f"the disk cannot be read or written ({said}); check the disk or the USB "
               "stick, then try again")
    elif code in (errno.EBUSY, errno.ETXTBSY):
        why = _IN_USE.format(said)
    failed = WriteFailed(code, why, str(where))
    failed.technical = str(error)
    return failed


def make_folder(folder: Path) -> Path:
    """Make `folder`, and the folders above it that are missing; a WriteFailed naming the one
    that could not be made, or the folder above it, or the file in the way, says why not."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise WriteFailed(errno.ENOTDIR, "this is a file, not a folder", str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise write_failed(error, Path(error.filename or folder)) from error
    return folder


def told_as_target(error: OSError, target: Path, temporary: Path) -> OSError:
    """An OSError of writing `target` through `temporary` (one that names either, or no file:
    a full disk) as a WriteFailed naming `target` or its folder; any other (a font, an image
    read while writing) as it is."""
    if isinstance(error, WriteFailed):
        return error
    ours = {str(path) + end for path in (target, temporary)
            for end in ("", "-journal", "-wal", "-shm")}
    named = {os.fsdecode(n) for n in (error.filename, error.filename2)
             if isinstance(n, str | bytes | os.PathLike)}
    return write_failed(error, target) if not named or named & ours else error


def raise_as_told(error: Exception, told: Exception) -> NoReturn:
    """Raise `told`, what `error` (being handled) is told as, or `error` itself, unchanged."""
    if told is error:
        raise error
    raise told from error


@contextmanager
def told_as(target: Path, temporary: Path) -> Iterator[None]:
    """Within it, an OSError of writing `target` through `temporary` is told as `target`'s
    (`told_as_target`)."""
    try:
        yield
    except OSError as error:
        raise_as_told(error, told_as_target(error, target, temporary))
