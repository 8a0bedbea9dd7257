"""Done-when of issue 4: three observers score the demo on three kits (one from paper), the
director merges them in any order, twice, and the summary shows the right scores and flags."""

import json
import math
import shutil
import subprocess
import sys
from fractions import Fraction

import pytest

from dientap_desktop.demo import OBSERVERS
from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.storage.kit import KitFile

PAPER = "Trung tá Phạm Văn Giấy"  # scores on paper, typed into a CSV
WINDOW = "Đại úy Ngô Thị Máy"
THIRD = "Thiếu tá Đỗ Văn Ba"


def run(*args):
    """The real command in its own process, as the director or a script runs it."""
    done = subprocess.run([sys.executable, "-m", "dientap_desktop", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def oracle(scenario, scores):
    """Expected results written straight from scenario-format.md, independent of scoring.py."""
    def half_up(value):
        return math.floor(value * 100 + Fraction(1, 2)) / 100

    posts, flags, total, weights, complete = [], set(), Fraction(0), Fraction(0), True
    for post in scenario.posts:
        sums, tops, missing = Fraction(0), Fraction(0), []
        for criterion in scenario.criteria:
            if criterion.posts is not None and post.id not in criterion.posts:
                continue
            given = [v for (o, p, c), v in scores.items() if p == post.id and c == criterion.id]
            if not given:
                missing.append(criterion.id)
                continue
            if len(given) > 1 and max(given) - min(given) > criterion.max / 4:
                flags.add((post.id, criterion.id))
            sums += sum(given, Fraction(0)) / len(given)
            tops += criterion.max
        if missing:
            complete = False
            posts.append({"id": post.id, "complete": False, "score": None, "missing": missing})
            continue
        score = Fraction(half_up(scenario.scale.max * sums / tops)).limit_denominator(100)
        total += post.weight * score
        weights += post.weight
        posts.append({"id": post.id, "complete": True, "score": float(score), "missing": [],
                      "rating": scenario.scale.rate(score)})
    overall = float(half_up(total / weights)) if complete else None
    return posts, overall, flags


@pytest.fixture(scope="module")
def scored(demo_file, tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-kits")
    exercise = folder / "demo.dientap"
    shutil.copy(demo_file, exercise)
    with ExerciseFile.open(exercise) as ex:
        scenario = ex.scenario
        sources = {row[0] for row in ex.db.execute("SELECT DISTINCT source FROM scores")}
        assert sources == {f"kit:{o}" for o in OBSERVERS}  # the demo's observers came by kit
        posts = [p.id for p in scenario.posts]
    half = len(posts) // 2
    kits = {name: folder / f"{n}.dtkit" for n, name in enumerate((WINDOW, PAPER, THIRD))}
    assert run("kit", exercise, "--observer", WINDOW, "--out", kits[WINDOW]).returncode == 0
    assert run("kit", exercise, "--observer", PAPER, "--posts", ",".join(posts[:half]),
               "--out", kits[PAPER]).returncode == 0
    assert run("kit", exercise, "--observer", THIRD, "--posts", ",".join(posts[half:]),
               "--out", kits[THIRD]).returncode == 0
    # The window observer gives the maximum everywhere, the third observer three quarters,
    # and the paper sheets say 0 on the first half of the posts.
    for name, share in ((WINDOW, 1), (THIRD, Fraction(3, 4))):
        with KitFile.open(kits[name]) as kit:
            for post in kit.scenario.posts:
                for criterion in kit.scenario.criteria_for(post.id):
                    kit.set_score(post.id, criterion.id, criterion.max * share)
            kit.add_note("proposal", f"Đề xuất của {name}")
    lines = ["observer,post,criterion,score,comment"]
    for post_id in posts[:half]:
        for criterion in scenario.criteria_for(post_id):
            lines.append(f'{PAPER},{post_id},{criterion.id},"0,0",phiếu giấy')
    csv = folder / "phieu-giay.csv"
    csv.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    done = run("import-scores", kits[PAPER], csv)
    assert done.returncode == 0, done.stderr
    with ExerciseFile.open(exercise) as ex:
        expected_scores = {(s.observer, s.post_id, s.criterion_id): s.value for s in ex.scores()}
    for name, kit_path in kits.items():
        with KitFile.open(kit_path, readonly=True) as kit:
            expected_scores.update({(name, s.post_id, s.criterion_id): s.value
                                    for s in kit.scores()})
    return exercise, kits, oracle(scenario, expected_scores)


@pytest.mark.parametrize("order", [(WINDOW, PAPER, THIRD), (THIRD, PAPER, WINDOW)])
def test_demo_merged_in_any_order_twice_shows_right_scores_and_flags(scored, tmp_path, order):
    source, kits, (posts, overall, flags) = scored
    exercise = tmp_path / "demo.dientap"
    shutil.copy(source, exercise)
    first = run("merge", exercise, *(kits[name] for name in order))
    assert (first.returncode, first.stderr) == (0, "")
    second = run("merge", exercise, *(kits[name] for name in reversed(order)))
    assert (second.returncode, second.stderr) == (0, "")
    assert second.stdout.count(" 0 scores added, 0 replaced, ") == 3
    assert second.stdout.count("; 0 notes added") == 3
    for text in (first.stdout, second.stdout):
        flagged = [line for line in text.splitlines() if line.startswith('  post "')]
        assert len(flagged) == len(flags) and flags
        for post_id, criterion_id in flags:
            assert any(f'post "{post_id}", criterion "{criterion_id}"' in line
                       for line in flagged)
    data = json.loads(run("info", exercise, "--json").stdout)
    assert data["counts"]["observers"] == 5
    assert [{k: p[k] for k in expected}
            for p, expected in zip(data["posts"], posts, strict=True)] == posts
    assert data["total"]["score"] == overall and data["total"]["complete"]
