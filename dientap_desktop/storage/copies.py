"""Automatic copies of an open exercise, made while it runs: one file each time, the newest kept."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from dientap_desktop.domain.text import ascii_name
from dientap_desktop.temporary import sweep_folder

KEEP = 12  # copies kept per exercise: two hours at one copy every ten minutes
FOLDER = "ban-sao-tu-dong"  # in the program's data folder, a folder per exercise

# "NAME 0007 2026-11-24 10h08m36.dientap": the number orders the copies, the time is for people
_NUMBERED = re.compile(r"(\d{4,}) \d{4}-\d\d-\d\d \d\dh\d\dm\d\d(?:-\d+)?\.dientap")


def copies_folder(base: Path, exercise) -> Path:
    """The folder of one exercise's automatic copies (its file name and id: two exercises of
    the same name keep theirs apart)."""
    return base / FOLDER / f"{ascii_name(exercise.path.stem, 'dien-tap')}-" \
                           f"{exercise.info.id[:8]}"


def copies_folder_pattern(path: Path) -> str:
    """A glob for the copies folders of exercises kept in files of this name (any id)."""
    return f"{ascii_name(path.stem, 'dien-tap')}-*/*.dientap"


def copy_number(path: Path, stem: str) -> int:
    """The number of an automatic copy of the file named `stem`, in the order they were made; 0
    for one named before copies were numbered (older than every numbered one)."""
    name = path.name
    found = _NUMBERED.fullmatch(name[len(stem) + 1:]) if name.startswith(f"{stem} ") else None
    return int(found[1]) if found else 0


def keep_copy(exercise, base: Path, now: datetime | None = None, keep: int | None = None) -> Path:
    """A whole copy of the exercise as it is now in its copies folder, named by a number one
    above the last copy's and by the time; the oldest beyond `keep` are removed, never the one
    just made.

    The copies are ordered by their numbers, not by the time: a clock set back (or forward)
    during the exercise stamps copies out of order, names and file times alike."""
    folder = copies_folder(base, exercise)
    folder.mkdir(parents=True, exist_ok=True)
    sweep_folder(folder)  # what a copy cut by a power loss left: each copy has its own name
    name = exercise.path.stem
    made = sorted(folder.glob("*.dientap"), key=lambda p: (copy_number(p, name), p.name))
    number = max((copy_number(p, name) for p in made), default=0) + 1
    stem = f"{name} {number:04d} {(now or datetime.now()).strftime('%Y-%m-%d %Hh%Mm%S')}"
    target, n = folder / f"{stem}.dientap", 2
    while target.exists():  # not expected: the number is new
        target, n = folder / f"{stem}-{n}.dientap", n + 1
    exercise.save_copy(target)
    for old in made[:max(len(made) + 1 - (keep or KEEP), 0)]:
        old.unlink(missing_ok=True)
    return target
