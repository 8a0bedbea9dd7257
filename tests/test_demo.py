"""The demo exercise reads as a credible one to the committee that signs its documents."""

import json
import re
import sqlite3
from datetime import date
from fractions import Fraction

import pytest

from dientap_desktop.demo import (
    ALLOWED_KINDS,
    DEMO_SIGNER,
    OBSERVERS,
    REPORTING,
    decision_kind,
    make_demo,
)
from dientap_desktop.domain.records import DECISION_KIND_LABELS
from dientap_desktop.storage.exercise_file import ExerciseFile


@pytest.fixture(scope="module")
def demo(demo_file):
    with ExerciseFile.open(demo_file) as exercise:
        return exercise.snapshot(), exercise.decisions(), exercise.notes(), exercise.scores()


def test_the_signer_plays_no_post_and_the_superior_is_the_province(demo):
    snapshot, *_ = demo
    info = snapshot.info
    assert info.signer == DEMO_SIGNER
    assert DEMO_SIGNER not in {p.name for p in snapshot.roster.values()}
    assert info.superior.startswith("Ủy ban nhân dân tỉnh ")


def test_the_demo_is_dated_after_the_two_tier_reform_throughout(demo, demo_file):
    snapshot, decisions, *_ = demo
    assert snapshot.info.date >= date(2025, 7, 1)
    assert f"năm {snapshot.info.date.year}" in snapshot.info.name
    with sqlite3.connect(f"{demo_file.resolve().as_uri()}?mode=ro", uri=True) as conn:
        moments = [r[0] for r in conn.execute("SELECT given_at FROM decisions")]
    conn.close()
    assert all(m.startswith(snapshot.info.date.isoformat()) for m in moments)


def test_each_decision_has_the_kind_its_text_says_and_the_post_may_give(demo):
    snapshot, decisions, *_ = demo
    injects = {i.id: i for i in snapshot.scenario.injects}
    for d in decisions:
        assert not d.text.startswith("Đồng chí"), d.text
        assert d.kind in ALLOWED_KINDS.get(d.post_id, REPORTING), (d.post_id, d.kind)
        expected = injects[d.inject_id].expected.get(d.post_id, ())
        if expected:
            first = decision_kind(expected[d.covers[0]], d.post_id)
            assert d.kind == first or first == "khac", (d.kind, d.text)
        label = DECISION_KIND_LABELS[d.kind]
        assert not re.match(rf"{label}\s*:", d.text, re.IGNORECASE), d.text
    assert {d.kind for d in decisions if d.post_id in ("mttq", "y-te")} <= {"bao_cao", "khac"}


def test_the_notes_agree_with_the_scores_and_the_injects(demo):
    snapshot, _, notes, scores = demo
    results = {r.post.id: r.score for r in snapshot.results().posts}
    ranked = sorted(results, key=results.get)
    maxima = {c.id: c.max for c in snapshot.scenario.criteria}
    injects = {i.id: i for i in snapshot.scenario.injects}
    assert {n.kind for n in notes} == {"strength", "weakness", "proposal"}
    for note in notes:
        assert note.inject_id is not None
        if note.post_id is None:
            continue
        assert note.post_id in injects[note.inject_id].targets
        own = [s.value / maxima[s.criterion_id] for s in scores
               if s.observer == note.observer and s.post_id == note.post_id]
        if note.kind == "strength":
            assert note.post_id == ranked[-1] and max(own) >= Fraction(4, 5)
        else:
            assert min(own) <= Fraction(7, 10)
    assert any(n.post_id == ranked[0] and n.kind == "weakness" for n in notes)


def test_the_notes_came_in_the_observers_kits_each_named_after_its_observer(demo, demo_file):
    _, _, notes, _ = demo
    with sqlite3.connect(f"{demo_file.resolve().as_uri()}?mode=ro", uri=True) as conn:
        merges = [json.loads(r[0]) for r in conn.execute(
            "SELECT data FROM log WHERE action = 'merge' ORDER BY id")]
    conn.close()
    assert [m["observer"] for m in merges] == list(OBSERVERS)
    assert len({m["file"] for m in merges}) == len(OBSERVERS)
    for merge in merges:
        assert merge["notes"] == sum(n.observer == merge["observer"] for n in notes) > 0


def test_the_demo_is_the_same_from_the_same_seed(tmp_path, hostage_scenario):
    texts = []
    for name in ("a", "b"):
        with make_demo(tmp_path / f"{name}.dientap", hostage_scenario) as exercise:
            texts.append([(d.inject_id, d.post_id, d.kind, d.text, d.given_at, d.covers)
                          for d in exercise.decisions()]
                         + [(n.kind, n.text, n.inject_id, n.post_id) for n in exercise.notes()]
                         + [(s.observer, s.post_id, s.criterion_id, s.value)
                            for s in exercise.scores()])
    assert texts[0] == texts[1]
