"""Helpers for the kit tests: a small exercise, kits made from it, and raw edits of kit files."""

from __future__ import annotations

import sqlite3
import sys
import types
from fractions import Fraction
from pathlib import Path

import yaml

FIXTURES = Path(__file__).parent / "fixtures"
KIT_SCENARIO = FIXTURES / "kit-scenario.yaml"


def _stand_in_loader() -> None:
    """Until the real scenario loader lands, a bare one that reads well-formed files only."""
    try:
        import dientap_desktop.domain.scenario_loader  # noqa: F401

        return
    except ImportError:
        pass
    from dientap_desktop.domain import scenario as model
    from dientap_desktop.domain.scoring import to_fraction

    class ScenarioError(ValueError):
        def __init__(self, problems):
            super().__init__("\n".join(problems))
            self.problems = problems

    def minutes(value):
        if value is None:
            return None
        if isinstance(value, int):
            return value
        hours, mins = str(value).split(":")
        return int(hours) * 60 + int(mins)

    def load_scenario_text(text, name="<text>", base_dir=None):
        try:
            raw = yaml.safe_load(text)
            if not isinstance(raw, dict) or raw.get("format") != model.FORMAT:
                raise ScenarioError([f"{name}: unsupported format"])
            scale = model.Scale()
            if "scale" in raw:
                scale = model.Scale(
                    to_fraction(raw["scale"]["max"]),
                    tuple(model.Rating(r["label"], to_fraction(r["min"]))
                          for r in raw["scale"]["ratings"]),
                )
            return model.Scenario(
                id=raw["id"], title=raw["title"], kind=raw["kind"], level=raw["level"],
                posts=tuple(model.Post(p["id"], p["title"], p.get("unit"),
                                       to_fraction(p.get("weight", 1))) for p in raw["posts"]),
                phases=tuple(model.Phase(p["id"], p["title"]) for p in raw["phases"]),
                injects=tuple(
                    model.Inject(
                        id=i["id"], phase=i["phase"], title=i["title"], text=i["text"],
                        targets=tuple(i["targets"]), at=minutes(i.get("at")),
                        scenario_time=i.get("scenario_time"), source=i.get("source"),
                        expected={k: tuple(v) for k, v in (i.get("expected") or {}).items()},
                        notes=i.get("notes"), media=tuple(i.get("media") or ()),
                    )
                    for i in raw["injects"]
                ),
                criteria=tuple(
                    model.Criterion(
                        c["id"], c["text"], to_fraction(c["max"]),
                        None if c.get("posts", "all") == "all" else tuple(c["posts"]),
                        tuple(c.get("injects") or ()),
                    )
                    for c in raw["criteria"]
                ),
                summary=raw.get("summary"), scale=scale, source_text=text, base_dir=base_dir,
            )
        except ScenarioError:
            raise
        except Exception as error:  # the stand-in is not a validator
            raise ScenarioError([f"{name}: {error}"]) from None

    def load_scenario(path):
        path = Path(path)
        return load_scenario_text(path.read_text("utf-8"), str(path), path.parent)

    module = types.ModuleType("dientap_desktop.domain.scenario_loader")
    module.ScenarioError = ScenarioError
    module.load_scenario_text = load_scenario_text
    module.load_scenario = load_scenario
    module.find_scenario = load_scenario
    sys.modules[module.__name__] = module
    import dientap_desktop.domain as domain

    domain.scenario_loader = module


_stand_in_loader()

from dientap_desktop.domain.scenario_loader import load_scenario_text  # noqa: E402


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
