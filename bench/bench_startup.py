"""Time from process start to the director's run view painted with the large exercise open,
beside a bare PySide6 window started the same way in the same run (target: at most 1.5×)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUNDS = 7
TARGET_RATIO = 1.5

# Each child prints the seconds from its launch (given by the parent) to its first paint.
COMMON = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                print(f"{time.time() - float(sys.argv[1]):.4f}", flush=True)
                QTimer.singleShot(0, app.quit)
                watched.removeEventFilter(self)
            return False
    first_paint = FirstPaint()
""")

BARE = COMMON + textwrap.dedent("""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    label = QLabel("Điều hành diễn tập")
    window.setCentralWidget(label)
    window.resize(1366, 768)
    label.installEventFilter(first_paint)
    window.show()
    app.exec()
""")

APP = COMMON + textwrap.dedent("""
    from dientap_desktop.app import start
    from dientap_desktop.ui.main_window import MainWindow
    MainWindow.first_paint_filter = first_paint  # the run view reports its first paint
    app, window = start(sys.argv[2], settings_path=sys.argv[3])
    app.exec()
""")


def launch(script: str, *args: str) -> float:
    """Start a child Python on the script; its reported seconds from launch to first paint."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the warm-up run leaves the .pyc files
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else "xcb")
    start = time.time()
    result = subprocess.run([sys.executable, "-c", script, repr(start), *args],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    if result.returncode != 0 or not result.stdout.strip():
        raise SystemExit(f"child failed ({result.returncode}):\n{result.stderr}")
    return float(result.stdout.strip().splitlines()[-1])


def measure() -> tuple[float, float]:
    """Median seconds to the first paint: the app on the large exercise, and the bare window."""
    from bench.synthetic import make_large_exercise

    with tempfile.TemporaryDirectory() as folder:
        path = make_large_exercise(Path(folder) / "large.dientap")
        settings = str(Path(folder) / "settings.ini")
        launch(BARE)  # warm the disk cache for both
        launch(APP, str(path), settings)
        bare, app = [], []
        for _ in range(ROUNDS):  # interleaved, so both see the same machine
            bare.append(launch(BARE))
            app.append(launch(APP, str(path), settings))
    return statistics.median(app), statistics.median(bare)


def results() -> list:
    """The start-up figure for the suite."""
    from bench.common import Result

    app_s, bare_s = measure()
    return [
        Result(
            "start-up to the run view, large exercise (1,000 injects, 40 posts), median",
            app_s * 1000,
            "ms",
            bare_s * 1000,
            "bare PySide6 window started the same way, median",
            f"<= {TARGET_RATIO}×",
            app_s / bare_s <= TARGET_RATIO,
            f"{ROUNDS} launches each, interleaved",
        )
    ]


def main() -> int:
    app_s, bare_s = measure()
    ratio = app_s / bare_s
    print(f"startup to run view, large exercise (1,000 injects, 40 posts): "
          f"median {app_s * 1000:.0f} ms of {ROUNDS}")
    print(f"baseline, bare PySide6 window started the same way: median {bare_s * 1000:.0f} ms")
    print(f"ratio {ratio:.2f} (target <= {TARGET_RATIO})  {'OK' if ratio <= TARGET_RATIO else 'MISSED'}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
