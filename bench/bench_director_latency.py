"""Deliver-next and record-a-decision in the director's window on the large exercise (1,000
injects, 40 posts), each timed from the key press to the window repainted; p95 target 16 ms (one
frame), with a short pause between presses as a director reads. Baseline, measured in the same
run: repainting the whole window with nothing changed."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")

ROUNDS = 150
TARGET_MS = 16.0


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class PaintCounter:
    """Counts the paint events of the widgets it watches."""

    def __init__(self):
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(inner, watched, event):  # noqa: N802, N805
                if event.type() == QEvent.Type.Paint:
                    self.count += 1
                return False

        self.count = 0
        self.filter = Filter()


def pause(app, seconds: float = 0.06) -> None:
    """The director reads between two key presses: the window's idle work happens here."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()


def timed(app, action, painted: PaintCounter | None = None) -> float:
    """Milliseconds from the action to the window repainted: the action, then every pending
    event, the repaint of what changed included (Qt paints in the UpdateRequest it posts)."""
    before = painted.count if painted else 0
    start = time.perf_counter()
    action()
    app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    if painted is not None and painted.count == before:
        raise SystemExit("the window was not repainted: the measure would be wrong")
    pause(app)
    return elapsed


def report(name: str, values: list[float], baseline: list[float]) -> bool:
    p95, base = percentile(values, 0.95), percentile(baseline, 0.95)
    ok = p95 <= TARGET_MS
    print(f"{name}: p95 {p95:.1f} ms, median {statistics.median(values):.1f} ms "
          f"({len(values)} rounds); baseline (repainting the whole window) p95 {base:.1f} ms; "
          f"ratio {p95 / base:.1f}; "
          f"target p95 <= {TARGET_MS:.0f} ms  {'OK' if ok else 'MISSED'}")
    return ok


def measure() -> tuple[list[float], list[float], list[float]]:
    """Milliseconds of each deliver-next, each record-a-decision and each baseline repaint."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from bench.synthetic import make_large_exercise
    from dientap_desktop.app import install_translations, make_application
    from dientap_desktop.ui.main_window import MainWindow
    from dientap_desktop.ui.settings import Settings

    app = make_application()
    with tempfile.TemporaryDirectory() as folder:
        path = make_large_exercise(Path(folder) / "large.dientap")
        settings = Settings(Path(folder) / "settings.ini")
        install_translations(app, settings.language)
        window = MainWindow(settings)
        window.resize(1366, 768)
        window.show()
        window.open_file(path)
        window.activateWindow()
        for _ in range(10):
            app.processEvents()
        director, panel = window.director, window.run_view.posts

        painted = PaintCounter()
        for widget in (window.run_view.clock_bar, window.run_view.inject_view.viewport(),
                       panel.decisions_view.viewport()):
            widget.installEventFilter(painted.filter)
        baseline = [timed(app, window.repaint) for _ in range(ROUNDS)]  # the whole window
        deliver = [timed(app, lambda: QTest.keyClick(window, Qt.Key.Key_F6), painted)
                   for _ in range(ROUNDS)]
        assert director.delivered_count() == 500 + ROUNDS  # every key press delivered one

        panel.focus_form()

        def record() -> None:
            panel.editor.text.setPlainText("Hạ quyết tâm xử trí, giao nhiệm vụ cho lực lượng.")
            QTest.keyClick(app.focusWidget() or panel.editor.text, Qt.Key.Key_Return,
                           Qt.KeyboardModifier.ControlModifier)

        decide = []
        for _ in range(ROUNDS):
            if not panel.form_usable():  # every post has answered: another decision of one
                panel.choose_post(0)  # is asked for with its key, as the director would
                pause(app)
            decide.append(timed(app, record, painted))
        recorded = len(director.exercise.decisions(inject_id=director.state.current.inject.id))
        assert recorded == ROUNDS, recorded
        window.close_exercise()
        window.close()
    return deliver, decide, baseline


def results() -> list:
    """The deliver-next and record-a-decision figures for the suite."""
    from bench.common import Result

    deliver, decide, baseline = measure()
    base = percentile(baseline, 0.95)
    return [
        Result(
            f"{name} in the window, key press to repaint, large exercise, p95",
            percentile(values, 0.95),
            "ms",
            base,
            "repainting the whole window, p95",
            f"<= {TARGET_MS:.0f} ms",
            percentile(values, 0.95) <= TARGET_MS,
            f"median {statistics.median(values):.1f} ms, {len(values)} rounds",
        )
        for name, values in (("deliver next", deliver), ("record a decision", decide))
    ]


def main() -> int:
    deliver, decide, baseline = measure()
    ok = report("deliver next", deliver, baseline)
    ok = report("record a decision", decide, baseline) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
