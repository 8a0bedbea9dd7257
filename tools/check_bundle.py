"""Check the built program in dist/dientap/ as a user would: moved elsewhere, with no Python.

Copies the folder to a temporary place, then runs `dientap demo`, `dientap report`,
`dientap info --json` and opens the window offscreen on the demo; checks that the program
wrote nothing inside its own folder. Exit 0 when all holds; one line per failure otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ("scoring", "blank", "summary", "log", "aar")


def listing(folder: Path) -> set[str]:
    """Every file below the folder, relative."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def main() -> int:
    built = ROOT / "dist" / "dientap"
    if not (built / "dientap").exists() and not (built / "dientap.exe").exists():
        print(f"{built}: not built; run tools/build.sh first")
        return 1
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        program_dir = tmp / "dientap"
        shutil.copytree(built, program_dir, symlinks=True)
        program = program_dir / ("dientap.exe" if os.name == "nt" else "dientap")
        before = listing(program_dir)
        work = tmp / "work"
        work.mkdir()
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))
        }
        env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp / "home"),
                   XDG_CONFIG_HOME=str(tmp / "home" / ".config"),
                   XDG_DATA_HOME=str(tmp / "home" / ".local" / "share"))

        def run(*args: str) -> subprocess.CompletedProcess:
            start = time.perf_counter()
            result = subprocess.run([str(program), *args], cwd=work, env=env,
                                    capture_output=True, text=True, encoding="utf-8", timeout=300)
            print(f"  dientap {' '.join(args)}: exit {result.returncode} "
                  f"in {time.perf_counter() - start:.2f} s")
            if result.returncode != 0:
                failures.append(f"dientap {' '.join(args)}: exit {result.returncode}: "
                                f"{result.stderr.strip()[:500]}")
            return result

        run("demo", "--out", "demo.dientap")
        run("report", "demo.dientap", "--out", "pdf")
        for key in REPORTS:
            pdf = work / "pdf" / f"{key}.pdf"
            if not pdf.exists() or not pdf.read_bytes().startswith(b"%PDF"):
                failures.append(f"{pdf.name}: not written")
        info = run("info", "demo.dientap", "--json")
        try:
            data = json.loads(info.stdout)
            if not data["total"]["complete"] or data["counts"]["observers"] < 2:
                failures.append("info --json: the demo is not complete")
        except (ValueError, KeyError) as error:
            failures.append(f"info --json: not the expected JSON ({error})")
        window = subprocess.Popen([str(program), "gui", "demo.dientap"], cwd=work, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(8)
        if window.poll() is not None:
            failures.append(f"gui: the window exited with {window.returncode}: "
                            f"{window.stderr.read().strip()[:500]}")
        else:
            window.terminate()
            window.wait(10)
            print("  dientap gui demo.dientap: the window stayed open for 8 s")
        written = listing(program_dir) - before
        if written:
            failures.append(f"the program wrote into its own folder: {sorted(written)[:5]}")
    for failure in failures:
        print(failure)
    print("bundle check: " + ("ok" if not failures else f"{len(failures)} failures"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
