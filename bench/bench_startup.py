"""Time from process start to the director's run view painted with the large exercise open,
beside a bare PySide6 window started the same way in the same run (target: at most 1.5×)."""

from __future__ import annotations

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
ICON = str(ROOT / "resources" / "icons" / "actions" / "start-24.png")
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

# The Qt part alone: a window made of the same Qt classes as the run view (menus, tool bar with
# icons, tabs, splitter, a table on a Python model, a text browser, the decision form),
# empty, with none of the program's code, file or data. What PySide6 costs before any work.
WIDGETS = COMMON + textwrap.dedent("""
    from PySide6.QtCore import QAbstractTableModel, Qt
    from PySide6.QtGui import QAction, QIcon, QKeySequence
    from PySide6.QtWidgets import (
        QApplication, QDateTimeEdit, QGridLayout, QHeaderView, QLabel, QListView, QMainWindow,
        QPlainTextEdit, QPushButton, QSplitter, QTableView, QTabWidget, QTextBrowser,
        QToolBar, QVBoxLayout, QWidget)
    class Empty(QAbstractTableModel):
        def rowCount(self, parent=None): return 0
        def columnCount(self, parent=None): return 8
        def data(self, index, role=Qt.ItemDataRole.DisplayRole): return None
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    menu = window.menuBar().addMenu("Diễn tập")
    tabs = QTabWidget()
    window.setCentralWidget(tabs)
    page = QWidget()
    tabs.addTab(page, "Điều hành (F2)")
    column = QVBoxLayout(page)
    tools = QToolBar()
    column.addWidget(tools)
    for name, key in (("Bắt đầu", "F5"), ("Phát tiếp", "F6"), ("Bỏ qua", "F7")):
        action = QAction(name, window)
        action.setShortcut(QKeySequence(key))
        action.setIcon(QIcon(sys.argv[2]))
        tools.addAction(action)
        menu.addAction(action)
    split = QSplitter()
    column.addWidget(split, 1)
    table = QTableView()
    table.setModel(Empty())
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    split.addWidget(table)
    browser = QTextBrowser()
    browser.setHtml("<h1>Tình huống</h1>")
    split.addWidget(browser)
    form = QWidget()
    grid = QGridLayout(form)
    grid.addWidget(QLabel("Cương vị"), 0, 0)
    grid.addWidget(QPlainTextEdit(), 1, 0)
    grid.addWidget(QListView(), 2, 0)
    grid.addWidget(QDateTimeEdit(), 3, 0)
    grid.addWidget(QPushButton("Ghi quyết định"), 4, 0)
    split.addWidget(form)
    window.resize(1366, 768)
    table.viewport().installEventFilter(first_paint)
    window.show()
    app.exec()
""")

# As `dientap gui FILE` starts: the file read in the background while the program is imported.
# The window is painted once the event loop runs, after start() returns.
APP = COMMON + textwrap.dedent("""
    from dientap_desktop.app import start
    app, window = start(sys.argv[2], settings_path=sys.argv[3])
    window.run_view.inject_view.viewport().installEventFilter(first_paint)  # the run view
    app.exec()
""")


def launch(script: str, *args: str) -> float:
    """Start a child Python on the script; its reported seconds from launch to first paint."""
    from bench.common import child_environment

    env = child_environment()
    start = time.time()
    result = subprocess.run([sys.executable, "-c", script, repr(start), *args],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    if result.returncode != 0 or not result.stdout.strip():
        raise SystemExit(f"child failed ({result.returncode}):\n{result.stderr}")
    return float(result.stdout.strip().splitlines()[-1])


def measure() -> tuple[float, float, float]:
    """Median seconds to the first paint: the app on the large exercise, the bare window, and
    the empty window of the same Qt classes."""
    from bench.synthetic import make_large_exercise

    with tempfile.TemporaryDirectory() as folder:
        path = make_large_exercise(Path(folder) / "large.dientap")
        settings = str(Path(folder) / "settings.ini")
        launch(BARE)  # warm the disk cache for both
        launch(APP, str(path), settings)
        launch(WIDGETS, ICON)
        bare, app, widgets = [], [], []
        for _ in range(ROUNDS):  # interleaved, so all see the same machine
            bare.append(launch(BARE))
            app.append(launch(APP, str(path), settings))
            widgets.append(launch(WIDGETS, ICON))
    return statistics.median(app), statistics.median(bare), statistics.median(widgets)


def results() -> list:
    """The start-up figure for the suite."""
    from bench.common import Result

    app_s, bare_s, widgets_s = measure()
    return [
        Result(
            "start-up to the run view, large exercise (1,000 injects, 40 posts), median",
            app_s * 1000,
            "ms",
            bare_s * 1000,
            "bare PySide6 window started the same way, median",
            f"<= {TARGET_RATIO}×",
            app_s / bare_s <= TARGET_RATIO,
            f"{ROUNDS} launches each, interleaved; the same Qt classes, empty and without the "
            f"program: {widgets_s * 1000:.0f} ms ({widgets_s / bare_s:.2f}×)",
        )
    ]


def main() -> int:
    app_s, bare_s, widgets_s = measure()
    ratio = app_s / bare_s
    print(f"startup to run view, large exercise (1,000 injects, 40 posts): "
          f"median {app_s * 1000:.0f} ms of {ROUNDS}")
    print(f"baseline, bare PySide6 window started the same way: median {bare_s * 1000:.0f} ms")
    print(f"the same Qt classes as the run view, empty, without the program: "
          f"median {widgets_s * 1000:.0f} ms ({widgets_s / bare_s:.2f}× the bare window)")
    print(f"ratio {ratio:.2f} (target <= {TARGET_RATIO})  "
          f"{'OK' if ratio <= TARGET_RATIO else 'MISSED'}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
