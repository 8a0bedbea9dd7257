"""Run every benchmark of the project and print one table: figure, baseline, ratio, target, met.

Usage: `.venv/bin/python bench/run_all.py` (about two minutes on a 2-core machine).
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import Result, report  # noqa: E402

SUITE = (
    "bench.bench_startup",
    "bench.bench_director_latency",
    "bench.bench_record_decision",
    "bench.bench_merge",
    "bench.bench_reports",
    "bench.bench_memory",
)


def run_alone(name: str) -> list[Result]:
    """A benchmark's results, measured in a process of its own: what one leaves behind (a
    window, objects for the garbage collector to walk) must not slow the next one down."""
    script = (f"import dataclasses, json, sys; sys.path.insert(0, {str(ROOT)!r}); "
              f"import {name} as m; "
              "print(json.dumps([dataclasses.asdict(r) for r in m.results()]))")
    done = subprocess.run([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                          cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{name} failed ({done.returncode})")
    return [Result(**fields) for fields in json.loads(done.stdout.strip().splitlines()[-1])]


def main() -> int:
    """Run the suite; exit 0 when every target is met."""
    results = []
    started = time.perf_counter()
    for name in SUITE:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        results.extend(run_alone(name))
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, {platform.system()}; suite took "
          f"{time.perf_counter() - started:.0f} s\n")
    return report(results)


if __name__ == "__main__":
    raise SystemExit(main())
