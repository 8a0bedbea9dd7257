"""Hidden temporary names for files written whole, and sweeping what killed writes left of them."""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Callable
from pathlib import Path

# A write never takes this long: a leftover older than this belongs to no running write.
STALE_SECONDS = 3600
# `.NAME.<32 hex>.tmp` or `.part`, and what SQLite made beside such a file while it was written.
_SUFFIX = re.compile(r"\.[0-9a-f]{32}\.(?:tmp|part)(?:-journal|-wal|-shm)?")
_ENDS_AS_LEFTOVER = re.compile(_SUFFIX.pattern + r"\Z")


def temporary_beside(target: Path, suffix: str = ".tmp") -> Path:
    """A new hidden name in `target`'s folder to write it under before it takes its name; the
    leftovers of earlier writes of `target` that were killed midway are removed first."""
    sweep_leftovers(target)
    return target.with_name(f".{target.name}.{uuid.uuid4().hex}{suffix}")


def sweep_leftovers(target: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files that writes of `target` killed midway left (only stale ones:
    a write still going on, in another window, keeps its own); the paths removed."""
    prefix = f".{target.name}"
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
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target
