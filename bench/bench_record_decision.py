"""Recording a decision (commit and log) beside a raw sqlite3 insert-and-commit of the same row."""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Result, percentile, report  # noqa: E402
from bench.synthetic import make_large_exercise  # noqa: E402
from dientap_desktop.storage.exercise_file import ExerciseFile  # noqa: E402

ROUNDS = 300
TARGET_MS, TARGET_RATIO = 5.0, 5.0


def raw_connection(folder: Path) -> sqlite3.Connection:
    """A plain sqlite3 file with the same durability settings and the same decisions table."""
    conn = sqlite3.connect(folder / "raw.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(
        "CREATE TABLE decisions (id INTEGER PRIMARY KEY, inject_id TEXT, post_id TEXT, kind TEXT,"
        " text TEXT, given_at TEXT, covers TEXT, version INTEGER, recorded_at TEXT,"
        " deleted_at TEXT)"
    )
    return conn


def run(rounds: int = ROUNDS) -> dict:
    """Measure both, interleaved so that machine noise falls on both alike."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_large_exercise(folder / "large.dientap")
        exercise = ExerciseFile.open(folder / "large.dientap")
        raw = raw_connection(folder)
        inject = exercise.run_state().current.inject
        post_id = inject.targets[0]
        ours, base = [], []
        for n in range(rounds):
            text = f"Báo cáo lần {n}: đã triển khai lực lượng bao vây khu vực."
            start = time.perf_counter()
            exercise.record_decision(inject.id, post_id, "bao_cao", text, covers=[0])
            ours.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            raw.execute("BEGIN")
            raw.execute(
                "INSERT INTO decisions (inject_id, post_id, kind, text, given_at, covers, version,"
                " recorded_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
                (inject.id, post_id, "bao_cao", text, "2023-11-15T01:00:00+00:00", "[0]",
                 "2023-11-15T01:00:00+00:00"),
            )
            raw.execute("COMMIT")
            base.append((time.perf_counter() - start) * 1000)
        exercise.close()
        raw.close()
    return {
        "p50": statistics.median(ours),
        "p95": percentile(ours, 0.95),
        "raw_p50": statistics.median(base),
        "raw_p95": percentile(base, 0.95),
    }


def results() -> list[Result]:
    """The decision-commit figures for the suite."""
    figures = run()
    ratio = figures["p95"] / figures["raw_p95"]
    return [
        Result(
            "record a decision (commit + log), p95",
            figures["p95"],
            "ms",
            figures["raw_p95"],
            "raw sqlite3 insert+commit, p95",
            f"< {TARGET_MS:g} ms and < {TARGET_RATIO:g}×",
            figures["p95"] < TARGET_MS and ratio < TARGET_RATIO,
            f"p50 {figures['p50']:.2f} ms, raw p50 {figures['raw_p50']:.2f} ms",
        )
    ]


if __name__ == "__main__":
    raise SystemExit(report(results()))
