"""Helpers for the kit tests: a small exercise, kits made from it, and raw edits of kit files."""

from __future__ import annotations

import sqlite3
from fractions import Fraction
from pathlib import Path

from dientap_desktop.domain.scenario_loader import load_scenario_text

FIXTURES = Path(__file__).parent / "fixtures"
KIT_SCENARIO = FIXTURES / "kit-scenario.yaml"


def kit_scenario():
    """The small scenario of the kit tests."""
    return load_scenario_text(KIT_SCENARIO.read_text("utf-8"), str(KIT_SCENARIO), FIXTURES)


def make_exercise(path: Path, name: str = "Diễn tập thử"):
    """A new exercise file from the kit tests' scenario."""
    from dientap_desktop.storage.exercise_file import ExerciseFile

    return ExerciseFile.create(path, kit_scenario(), name=name, place="Phường Thử")


def full_rows(scenario, observer: str, posts=None, value=None):
    """A score for every criterion of every post (or of the given posts)."""
    from dientap_desktop.domain.score_csv import ScoreRow

    rows = []
    for post in scenario.posts:
        if posts is not None and post.id not in posts:
            continue
        for criterion in scenario.criteria_for(post.id):
            score = criterion.max if value is None else min(Fraction(value), criterion.max)
            rows.append(ScoreRow(0, observer, post.id, criterion.id, score))
    return rows


def scored_kit(exercise, path: Path) -> Path:
    """Observer A's kit of the post cong-an, with every score (2) and a note."""
    from dientap_desktop.storage.kit import KitFile, make_kit

    kit = make_kit(exercise, "A", path, ["cong-an"])
    with KitFile.open(kit) as opened:
        opened.set_scores(full_rows(opened.scenario, "A", value=2), source="test")
        opened.add_note("strength", "Báo cáo kịp thời", inject_id="th-01", post_id="cong-an")
    return kit


def raw_sql(path: Path, *statements: str) -> None:
    """Change a kit file behind the program's back, as someone with an SQLite tool would."""
    conn = sqlite3.connect(str(path))
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def content_digest(path: Path) -> str:
    """A digest of everything an SQLite file holds (its SQL dump), to prove it did not change."""
    import hashlib

    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run `dientap` in this process: exit code, stdout, stderr."""
    from dientap_desktop.cli import main

    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err
