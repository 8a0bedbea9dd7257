"""Automatic copies of an open exercise, made while it runs: one file each time, the newest kept."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from dientap_desktop.domain.text import ascii_name

KEEP = 12  # copies kept per exercise: two hours at one copy every ten minutes
FOLDER = "ban-sao-tu-dong"  # in the program's data folder, a folder per exercise


def copies_folder(base: Path, exercise) -> Path:
    """The folder of one exercise's automatic copies (its file name and id: two exercises of
    the same name keep theirs apart)."""
    return base / FOLDER / f"{ascii_name(exercise.path.stem, 'dien-tap')}-" \
                           f"{exercise.info.id[:8]}"


def keep_copy(exercise, base: Path, now: datetime | None = None, keep: int | None = None) -> Path:
    """A whole copy of the exercise as it is now, named by the time, in its copies folder; the
    oldest beyond `keep` are removed."""
    folder = copies_folder(base, exercise)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{exercise.path.stem} {(now or datetime.now()).strftime('%Y-%m-%d %Hh%Mm%S')}"
    target, n = folder / f"{stem}.dientap", 2
    while target.exists():  # two copies within a second
        target, n = folder / f"{stem}-{n}.dientap", n + 1
    exercise.save_copy(target)
    made = sorted(folder.glob("*.dientap"), key=lambda p: (p.stat().st_mtime_ns, p.name))
    for old in made[:-(keep or KEEP)]:
        old.unlink(missing_ok=True)
    return target
