"""Run every benchmark of the project and print one table: figure, baseline, ratio, target, met.

Usage: `.venv/bin/python bench/run_all.py` (about two minutes on a 2-core machine).
"""

from __future__ import annotations

import importlib
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import report  # noqa: E402

SUITE = (
    "bench.bench_startup",
    "bench.bench_director_latency",
    "bench.bench_record_decision",
    "bench.bench_merge",
    "bench.bench_reports",
    "bench.bench_memory",
)


def main() -> int:
    """Run the suite; exit 0 when every target is met."""
    results = []
    started = time.perf_counter()
    for name in SUITE:
        module = importlib.import_module(name)
        print(f"running {name} ...", file=sys.stderr, flush=True)
        results.extend(module.results())
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, {platform.system()}; suite took "
          f"{time.perf_counter() - started:.0f} s\n")
    return report(results)


if __name__ == "__main__":
    raise SystemExit(main())
