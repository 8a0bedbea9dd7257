"""Benchmark: the full report set of the large synthetic exercise, beside bare reportlab.

The baseline renders, in the same run, the same number of A4 pages of plain tables with bare
reportlab (the same TrueType face embedded, one Table of plain strings a page, no Paragraphs),
so the ratio is what the official layout, wrapping and charts cost over the library itself.

Run: .venv/bin/python bench/bench_reports.py [--rounds 1] [--keep DIR]
Target: the report set at most 1.5 times the baseline; peak memory printed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle  # noqa: E402

from bench.common import Result, peak_rss_mib  # noqa: E402
from bench.synthetic import make_large_exercise  # noqa: E402
from dientap_desktop.reports.export import export_reports  # noqa: E402
from dientap_desktop.reports.fonts import REGULAR, register_fonts  # noqa: E402
from dientap_desktop.storage.exercise_file import ExerciseFile  # noqa: E402

TARGET_RATIO = 1.5
ROWS_PER_PAGE = 30


def baseline(path: Path, pages: int) -> None:
    """`pages` A4 pages, each one table of 30 rows x 5 columns of short Vietnamese strings."""
    register_fonts()
    style = TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 11),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
    ])
    story = []
    for page in range(pages):
        rows = [["TT", "Tình huống", "Kế hoạch", "Thực tế", "Chậm"]]
        rows += [[str(r), f"Tình huống {page}.{r}: địch hoạt động", "phút 30", "08:15", "+2"]
                 for r in range(1, ROWS_PER_PAGE)]
        story += [Table(rows, colWidths=[12 * mm, 90 * mm, 22 * mm, 22 * mm, 18 * mm],
                        style=style), PageBreak()]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story[:-1])


def measure(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def run(rounds: int = 1, keep: str | None = None) -> dict:
    """Measure the report set and the baseline; returns the figures."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(keep) if keep else Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        exercise_path = make_large_exercise(Path(scratch) / "large.dientap")
        made = time.perf_counter() - started
        with ExerciseFile.open(exercise_path) as exercise:
            snapshot = exercise.snapshot()
        register_fonts()
        counts: dict[str, int] = {}
        report_times, base_times = [], []
        for _ in range(rounds):
            report_times.append(measure(export_reports, snapshot, folder / "reports"))
            counts = {p.stem: len(PdfReader(p).pages)
                      for p in sorted((folder / "reports").glob("*.pdf"))}
            base_times.append(measure(baseline, folder / "baseline.pdf", sum(counts.values())))
        # memory in a separate run: tracemalloc slows Python down several times
        tracemalloc.start()
        export_reports(snapshot, folder / "traced")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return {"snapshot": snapshot, "made": made, "counts": counts, "figure": min(report_times),
            "baseline": min(base_times), "peak": peak, "rss": peak_rss_mib()}


def results() -> list[Result]:
    """The benchmark's line for bench/run_all.py (the best of three rounds: one is at the mercy
    of whatever else the machine does for a second or two)."""
    data = run(rounds=3)
    pages = sum(data["counts"].values())
    ratio = data["figure"] / data["baseline"]
    return [Result(
        f"report set, large exercise ({pages} pages)", data["figure"], "s", data["baseline"],
        "bare reportlab, same pages of plain tables", f"≤ {TARGET_RATIO}×",
        ratio <= TARGET_RATIO, f"peak {data['peak'] / 2**20:.0f} MiB traced",
    )]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="take the best of N rounds")
    parser.add_argument("--keep", metavar="DIR", help="write the PDFs here and keep them")
    args = parser.parse_args()
    data = run(args.rounds, args.keep)
    snapshot, counts = data["snapshot"], data["counts"]
    figure, base = data["figure"], data["baseline"]
    ratio = figure / base
    posts, injects = len(snapshot.scenario.posts), len(snapshot.scenario.injects)
    print(f"exercise: {posts} posts, {injects} injects, {len(snapshot.decisions)} decisions, "
          f"{len(snapshot.observers)} observers, {len(snapshot.scores)} scores "
          f"(made in {data['made']:.1f} s)")
    print("pages: " + ", ".join(f"{k} {n}" for k, n in counts.items())
          + f"; total {sum(counts.values())}")
    print(f"report set: {figure:.2f} s ({figure / sum(counts.values()) * 1000:.1f} ms a page)")
    print(f"baseline (bare reportlab, same pages of plain tables): {base:.2f} s")
    print(f"ratio: {ratio:.2f} (target <= {TARGET_RATIO})")
    print(f"peak memory: {data['peak'] / 2**20:.0f} MiB allocated by Python during the export "
          f"(tracemalloc, separate run); process max RSS {data['rss']:.0f} MiB")
    print("target met" if ratio <= TARGET_RATIO else "TARGET NOT MET")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
