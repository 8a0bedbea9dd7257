"""Benchmark: merging 20 observers' kits of 2,000 scores each into one exercise, and its growth.

Run: .venv/bin/python bench/bench_merge.py [--kits 20] [--scores 2000]
Target: the full merge under 1 s; ten times the scores at most eleven times the time.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 1.0
GROWTH_LIMIT = 11.0
CRITERIA = 50


def scenario_text(posts: int, criteria: int) -> str:
    """A valid scenario with `posts` posts and `criteria` criteria that apply to every post."""
    lines = [
        "format: dientap/1",
        "id: bench-merge",
        'title: "Kịch bản đo tốc độ gộp phiếu"',
        "kind: other",
        "level: xa_phuong",
        "posts:",
    ]
    lines += [f'  - {{id: post-{p:03d}, title: "Cương vị {p}"}}' for p in range(posts)]
    lines += ["phases:", '  - {id: b1, title: "Bước 1"}', "injects:"]
    lines += [
        "  - id: th-01",
        "    phase: b1",
        '    title: "Tình huống 1"',
        '    text: "Nội dung tình huống."',
        "    targets: [post-000]",
        "criteria:",
    ]
    lines += [
        f'  - {{id: tc-{c:03d}, text: "Tiêu chí {c}", max: {2 + c % 3}, posts: all}}'
        for c in range(criteria)
    ]
    return "\n".join(lines) + "\n"


def build(folder: Path, kits: int, scores: int, seed: int = 1) -> tuple[Path, list[Path]]:
    """An exercise and `kits` filled kits of `scores` scores each (posts × 50 criteria)."""
    from dientap_desktop.domain.scenario_loader import load_scenario_text
    from dientap_desktop.domain.score_csv import ScoreRow
    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.storage.kit import KitFile, make_kit

    posts = max(1, scores // CRITERIA)
    scenario = load_scenario_text(scenario_text(posts, CRITERIA), "bench.yaml")
    rng = random.Random(seed)
    path = folder / "bench.dientap"
    paths = []
    with ExerciseFile.create(path, scenario, name="Đo tốc độ") as exercise:
        for number in range(kits):
            observer = f"Người đánh giá {number + 1}"
            kit_path = make_kit(exercise, observer, folder / f"kit-{number:02d}.dtkit")
            with KitFile.open(kit_path) as kit:
                rows = [
                    ScoreRow(0, observer, p.id, c.id, Fraction(rng.randint(0, int(c.max) * 4), 4))
                    for p in scenario.posts
                    for c in scenario.criteria
                ]
                kit.set_scores(rows, source="bench")
            paths.append(kit_path)
    return path, paths


def time_merge(kits: int, scores: int, repeat: int = 3) -> tuple[float, int]:
    """Best seconds of `repeat` merges of the kits into a fresh copy of the exercise, and how
    many scores were added (the best run is the one least disturbed by other work)."""
    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.storage.merge import merge_kits

    best = float("inf")
    with tempfile.TemporaryDirectory(prefix="dientap-bench-") as folder:
        path, paths = build(Path(folder), kits, scores)
        for run in range(repeat):
            copy = path.with_name(f"run-{run}.dientap")
            shutil.copy(path, copy)
            with ExerciseFile.open(copy) as exercise:
                start = time.perf_counter()
                results = merge_kits(exercise, paths)
                best = min(best, time.perf_counter() - start)
            refused = [r.refused for r in results if not r.merged]
            if refused:
                raise SystemExit("\n".join(refused))
        return best, sum(r.changes.added for r in results)


def results(kits: int = 20, scores: int = 2000, repeat: int = 3) -> list:
    """The merge figure for bench/run_all.py: its baseline is the same merge of 10× fewer scores."""
    from bench.common import Result

    small, _ = time_merge(kits, scores // 10, repeat)
    full, count = time_merge(kits, scores, repeat)
    growth = full / small
    return [Result(
        f"merge {kits} kits × {scores:,} scores", full, "s", small,
        f"same merge, {scores // 10} scores a kit", f"< {TARGET_SECONDS:g} s; 10× scores ≤ "
        f"{GROWTH_LIMIT:g}× time", full < TARGET_SECONDS and growth <= GROWTH_LIMIT,
        f"{count:,} scores added",
    )]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kits", type=int, default=20)
    parser.add_argument("--scores", type=int, default=2000, help="scores per kit")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, the best counts")
    args = parser.parse_args()
    small, small_count = time_merge(args.kits, args.scores // 10, args.repeat)
    full, full_count = time_merge(args.kits, args.scores, args.repeat)
    growth = full / small
    print(f"merge {args.kits} kits x {args.scores // 10} scores: {small:.3f} s "
          f"({small_count} scores)")
    print(f"merge {args.kits} kits x {args.scores} scores: {full:.3f} s ({full_count} scores); "
          f"target < {TARGET_SECONDS:.1f} s: {'ok' if full < TARGET_SECONDS else 'MISSED'}")
    print(f"growth for 10x the scores: {growth:.1f}x; limit {GROWTH_LIMIT:.0f}x: "
          f"{'ok' if growth <= GROWTH_LIMIT else 'MISSED'}")
    return 0 if full < TARGET_SECONDS and growth <= GROWTH_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
