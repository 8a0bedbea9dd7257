"""Automatic copies of an open exercise or kit, made while it is open: one file each time, the
newest kept."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from dientap_desktop.domain.text import ascii_name

KEEP = 12  # copies kept per file: two hours at one copy every ten minutes
COPY_MINUTES = 10  # an open file is copied this often, when it changed (and when it is closed)
FOLDER = "ban-sao-tu-dong"  # in the program's data folder, a folder per exercise or kit

# "NAME 0007 2026-11-24 10h08m36.dientap": the number orders the copies, the time is for people
_NUMBERED = re.compile(r"(\d{4,}) \d{4}-\d\d-\d\d \d\dh\d\dm\d\d(?:-\d+)?\.(?:dientap|dtkit)")


def copies_folder(base: Path, opened) -> Path:
    """The folder of one exercise's or kit's automatic copies (its file name and id: two
    exercises, or kits, of the same name keep theirs apart)."""
    return base / FOLDER / f"{ascii_name(opened.path.stem, 'dien-tap')}-" \
                           f"{opened.info.id[:8]}"


def copies_folder_pattern(path: Path) -> str:
    """A glob for the copies of exercises (or kits) kept in files of this name (any id)."""
    return f"{ascii_name(path.stem, 'dien-tap')}-*/*{path.suffix or '.dientap'}"


def newest_copy(base: Path, path: Path) -> Path | None:
    """The newest automatic copy kept of a file of this name (any exercise's or kit's id), or
    None: what to open instead of a damaged or lost file."""
    found = list((base / FOLDER).glob(copies_folder_pattern(path)))
    return max(found, key=lambda p: (p.stat().st_mtime, copy_number(p, path.stem)), default=None)


def changes(opened) -> tuple[int, int]:
    """What tells that an open exercise or kit changed since: the changes made through its
    connection, and SQLite's count of commits by others (a merge of kits writes through its
    own)."""
    conn = opened.conn
    return conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]


def _copy_stem(stem: str) -> str:
    """The start of a copy's name: the file's own name, cut so that the copy's whole name (with
    its number and time, and what SQLite writes beside it) fits on any disk."""
    from dientap_desktop.temporary import DATABASE_ROOM, NAME_MAX, shortened

    return shortened(stem, NAME_MAX - DATABASE_ROOM - len(" 0001 2026-11-24 10h08m36-99.dientap"))


def copy_number(path: Path, stem: str) -> int:
    """The number of an automatic copy of the file named `stem`, in the order they were made; 0
    for one named before copies were numbered (older than every numbered one)."""
    name, stem = path.name, _copy_stem(stem)
    found = _NUMBERED.fullmatch(name[len(stem) + 1:]) if name.startswith(f"{stem} ") else None
    return int(found[1]) if found else 0


def keep_copy(opened, base: Path, now: datetime | None = None, keep: int | None = None) -> Path:
    """A whole copy of an open exercise (or kit) as it is now in its copies folder, named by a
    number one above the last copy's and by the time; the oldest beyond `keep` are removed,
    never the one just made.

    The copies are ordered by their numbers, not by the time: a clock set back (or forward)
    during the exercise stamps copies out of order, names and file times alike."""
    from dientap_desktop.temporary import sweep_folder  # not before a copy is made (start-up)

    folder = copies_folder(base, opened)
    folder.mkdir(parents=True, exist_ok=True)
    sweep_folder(folder)  # what a copy cut by a power loss left: each copy has its own name
    name, suffix = _copy_stem(opened.path.stem), opened.path.suffix
    made = sorted(folder.glob(f"*{suffix}"), key=lambda p: (copy_number(p, name), p.name))
    number = max((copy_number(p, name) for p in made), default=0) + 1
    stem = f"{name} {number:04d} {(now or datetime.now()).strftime('%Y-%m-%d %Hh%Mm%S')}"
    target, n = folder / f"{stem}{suffix}", 2
    while target.exists():  # not expected: the number is new
        target, n = folder / f"{stem}-{n}{suffix}", n + 1
    opened.save_copy(target)
    for old in made[:max(len(made) + 1 - (keep or KEEP), 0)]:
        old.unlink(missing_ok=True)
    return target
