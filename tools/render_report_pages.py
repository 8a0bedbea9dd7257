"""Render page 1 of each report of the demo exercise to docs/reports/<key>.png (for the README).

Run: .venv/bin/python tools/render_report_pages.py [--dpi 70] [--out docs/reports]
Needs pdftoppm (poppler-utils).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dientap_desktop.demo import DEMO_SCENARIO, make_demo  # noqa: E402
from dientap_desktop.domain.scenario_loader import find_scenario  # noqa: E402
from dientap_desktop.reports.export import REPORT_KEYS, export_reports  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=70)
    parser.add_argument("--out", default=str(ROOT / "docs" / "reports"))
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: apt-get install poppler-utils", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        with make_demo(folder / "demo.dientap", find_scenario(DEMO_SCENARIO)) as exercise:
            snapshot = exercise.snapshot()
        for pdf in export_reports(snapshot, folder / "pdf"):
            stem = folder / pdf.stem
            subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), "-f", "1", "-l", "1",
                            "-singlefile", str(pdf), str(stem)], check=True)
            target = out / f"{pdf.stem}.png"
            shutil.copyfile(f"{stem}.png", target)
            print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    assert {p.stem for p in out.glob("*.png")} >= set(REPORT_KEYS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
