"""Peak memory of the director's window with the large exercise open, beside a bare Qt window."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import Result, child_environment, report  # noqa: E402

# Each child shows its window, lets it paint and settle, then prints its peak RSS in KiB.
# On Linux the peak is read from /proc (VmHWM): ru_maxrss would carry the parent's peak over
# the fork and exec that started the child.
SETTLE = textwrap.dedent("""
    import resource
    from PySide6.QtCore import QTimer
    def peak_kib():
        try:
            with open("/proc/self/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    def done():
        print(peak_kib(), flush=True)
        app.quit()
    QTimer.singleShot(1500, done)
    app.exec()
""")

BARE = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Điều hành diễn tập"))
    window.resize(1366, 768)
    window.show()
""") + SETTLE

APP = textwrap.dedent("""
    import sys
    from dientap_desktop.app import start
    app, window = start(sys.argv[1], settings_path=sys.argv[2])
""") + SETTLE


def peak_kib(script: str, *args: str) -> int:
    """Run a child Python on the script and read the peak RSS it reports."""
    env = child_environment()
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=120)
    if result.returncode != 0:
        raise SystemExit(f"child failed ({result.returncode}):\n{result.stderr}")
    return int(result.stdout.strip().splitlines()[-1])


def results() -> list[Result]:
    """Peak memory of both windows, measured in the same run."""
    from bench.synthetic import make_large_exercise

    with tempfile.TemporaryDirectory() as folder:
        path = make_large_exercise(Path(folder) / "large.dientap")
        settings = str(Path(folder) / "settings.ini")
        bare = min(peak_kib(BARE) for _ in range(2)) / 1024
        ours = min(peak_kib(APP, str(path), settings) for _ in range(2)) / 1024
    return [Result("peak memory, window with the large exercise open", ours, "MiB", bare,
                   "bare PySide6 window", "printed (the issue sets no target)", True)]


if __name__ == "__main__":
    raise SystemExit(report(results()))
