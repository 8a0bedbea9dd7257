#!/usr/bin/env python3
"""Render the main views of the demo exercise to docs/screenshots/*.png at 1366×768.

Run under a real X server for true rendering (fonts, hinting), e.g.:

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py

It writes welcome.png, run-view.png (mid-exercise), projector.png, log.png and results.png (the
finished demo's evaluation). The exercise is
the demo scenario run halfway with realistic times: one pause, the current inject with one post
still to answer. With --dialogs it also writes the dialogs (new exercise, correcting a decision,
exercise details, export, observer kits, an error, an observer's sheet typed in by the director)
and the observer's window, to look at.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))



def mid_exercise(path: Path, delivered: int = 6) -> Path:
    """The demo exercise started, `delivered` injects out, decisions on them, one pause."""
    from dientap_desktop.demo import DEMO_SCENARIO, DemoClock, demo_decisions, demo_roster
    from dientap_desktop.domain.scenario_loader import find_scenario
    from dientap_desktop.storage.exercise_file import ExerciseFile

    scenario = find_scenario(DEMO_SCENARIO)
    rng = random.Random(7)
    planned_end = (scenario.injects[delivered - 1].at or 0) + 6 + 10  # work, plus the pause
    clock = DemoClock(datetime.now(UTC) - timedelta(minutes=planned_end + 12))  # ends now
    exercise = ExerciseFile.create(
        path, scenario, name="Diễn tập chiến đấu phòng thủ phường Hòa Bình năm 2025",
        place="Phường Hòa Bình", day=datetime.now().date(), issuer="BAN CHỈ ĐẠO DIỄN TẬP",
        roster=demo_roster(scenario), now=clock)
    exercise.start()
    elapsed = 0.0
    for number, inject in enumerate(scenario.injects[:delivered], 1):
        wait = max((inject.at or elapsed) - elapsed, 0) + rng.uniform(0.5, 3)
        clock.advance(wait)
        elapsed += wait
        exercise.deliver(inject.id)
        last = number == delivered
        targets = inject.targets[:-1] if last else inject.targets
        for post_id in targets:
            step = rng.uniform(1, 4)
            clock.advance(step)
            elapsed += step
            expected = inject.expected.get(post_id, ())
            covered = list(range(max(1, len(expected) - 1))) if expected else []
            for decision in demo_decisions(inject, post_id, covered):  # kinds as the text says
                exercise.record_decision(inject.id, post_id, decision.kind, decision.text,
                                         covers=decision.covers)
        if number == 3:
            exercise.pause()
            clock.advance(10)
            exercise.resume()
    exercise.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", default="vi", choices=("vi", "en"))
    parser.add_argument("--dialogs", action="store_true",
                        help="also the dialogs and the observer's window (dialog-*.png)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")

    from PySide6.QtCore import QTimer

    from dientap_desktop.app import install_translations, make_application
    from dientap_desktop.ui.main_window import MainWindow
    from dientap_desktop.ui.settings import Settings

    app = make_application()
    install_translations(app, args.language)
    work = Path(tempfile.mkdtemp(prefix="dientap-shots-"))
    exercise = mid_exercise(work / "dien-tap-phuong-hoa-binh-2025.dientap")
    settings = Settings(work / "settings.ini")
    settings.add_recent(exercise, "Diễn tập chiến đấu phòng thủ phường Hòa Bình năm 2025")
    settings.last_folder = str(work)
    args.out.mkdir(parents=True, exist_ok=True)

    def settle(rounds: int = 5) -> None:
        for _ in range(rounds):
            app.processEvents()
            QTimer.singleShot(30, lambda: None)
            app.processEvents()

    window = MainWindow(settings)
    window.resize(1366, 768)
    window.move(0, 0)
    window.show()
    settle()
    window.welcome.load_scenarios()
    settle()
    shots = {"welcome": window.grab()}
    window.reopening = True  # the director was just at work on it: no "left running" notice
    window.open_file(exercise)
    settle()
    shots["run-view"] = window.grab()
    window._told_one_screen = True  # the pictures show the projector, not the one-screen advice
    window.act_projector.setChecked(True)
    projector = window.projector
    projector.resize(1366, 768)
    settle(10)
    projector.fit()
    shots["projector"] = projector.grab()
    window.show_tab(1)
    settle()
    shots["log"] = window.grab()
    if args.dialogs:
        window.show_tab(0)
        shots.update(dialogs(window, work, settle))
    shots["results"] = results(window, work, settle)
    if args.dialogs:
        shots["dialog-paper-sheet"] = paper_sheet(window, settle)
    for name, pixmap in shots.items():
        target = args.out / f"{name}.png"
        pixmap.save(str(target))
        print(target)
    window.close()
    return 0


def results(window, work: Path, settle):
    """The results view of the finished demo exercise, its two observers' kits merged."""
    from dientap_desktop.demo import DEMO_SCENARIO, make_demo
    from dientap_desktop.domain.scenario_loader import find_scenario

    make_demo(work / "demo.dientap", find_scenario(DEMO_SCENARIO)).close()
    window.reopening = True
    window.open_file(work / "demo.dientap")
    window.show_tab(2)
    window.results_view.posts_view.selectRow(1)
    settle()
    return window.grab()


def paper_sheet(window, settle):
    """An observer's sheet of the demo, as the director opens it to type in or correct."""
    from dientap_desktop.ui.paper_sheet import PaperSheetDialog

    exercise = window.exercise
    dialog = PaperSheetDialog(window, exercise, exercise.observers()[0],
                              exercise.scenario.posts[1].id)
    dialog.show()
    settle()
    pixmap = dialog.grab()
    dialog.close()
    return pixmap


def dialogs(window, work: Path, settle) -> dict:
    """Each dialog of the director's window, and the observer's window on a kit, as shown."""
    from dientap_desktop.storage.kit import KitFile, make_kit
    from dientap_desktop.ui.error_dialog import ErrorDialog
    from dientap_desktop.ui.export_dialog import ExportDialog, default_folder
    from dientap_desktop.ui.kits import MakeKitsDialog
    from dientap_desktop.ui.new_exercise import DetailsDialog, NewExerciseDialog
    from dientap_desktop.ui.observer.window import ObserverWindow
    from dientap_desktop.ui.posts_panel import DecisionDialog

    director, exercise = window.director, window.exercise
    decision = exercise.decisions()[-1]
    made = {
        "new-exercise": NewExerciseDialog(window.settings, window),
        "details": DetailsDialog(director, window),
        "decision": DecisionDialog(director, decision, window),
        "export": ExportDialog(window, exercise.snapshot, default_folder(Path(exercise.path))),
        "kits": MakeKitsDialog(window, exercise),
        "error": ErrorDialog(window, "Không mở được tệp diễn tập này.",
                             "/tmp/x.dientap: the file is damaged (database disk image is "
                             "malformed)"),
    }
    kit = work / "quan-sat-vien.dtkit"
    make_kit(exercise, "Nguyễn Văn Quan Sát", kit, [p.id for p in director.scenario.posts[:3]])
    made["observer"] = ObserverWindow(KitFile.open(kit))
    made["observer"].resize(1366, 768)
    shots = {}
    for name, widget in made.items():
        widget.show()
        settle()
        shots[f"dialog-{name}"] = widget.grab()
        widget.close()
    return shots


if __name__ == "__main__":
    raise SystemExit(main())
