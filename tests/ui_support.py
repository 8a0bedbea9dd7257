"""Fixtures of the window tests: settings in a temporary folder, answered dialogs, a window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TWO_SCREENS = {"screens": [
    {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96,
     "logicalBaseDpi": 96, "dpr": 1},
    {"name": "projector", "x": 1366, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96,
     "logicalBaseDpi": 96, "dpr": 1},
]}


def on_two_screens(script: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """Run a Python script in a program of its own that sees two screens side by side, a
    laptop's and a projector's (offscreen), from the repository's folder."""
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"})


class Answers:
    """Answers the app's dialogs in order and remembers what they said."""

    def __init__(self):
        self.queue: list = []
        self.asked: list[tuple[str, str]] = []

    def __call__(self, kind: str, message: str):
        self.asked.append((kind, message))
        if self.queue:
            return self.queue.pop(0)
        return True if kind == "yes_no" else None

    def of(self, kind: str) -> list[str]:
        """The messages of the dialogs of one kind."""
        return [m for k, m in self.asked if k == kind]


@pytest.fixture
def answers():
    from dientap_desktop.ui import dialogs

    recorder = Answers()
    old = dialogs.set_responder(recorder)
    yield recorder
    dialogs.set_responder(old)


@pytest.fixture
def ui_settings(tmp_path):
    from dientap_desktop.ui.settings import Settings

    settings = Settings(tmp_path / "settings.ini")
    settings.last_folder = str(tmp_path)
    return settings


@pytest.fixture
def practice_file(tmp_path) -> Path:
    """The demo exercise, ready to run (nothing delivered)."""
    from dientap_desktop.demo import DEMO_SCENARIO, make_practice
    from dientap_desktop.domain.scenario_loader import find_scenario

    path = tmp_path / "practice.dientap"
    make_practice(path, find_scenario(DEMO_SCENARIO)).close()
    return path


@pytest.fixture
def window(qtbot, ui_settings, answers):
    from dientap_desktop.ui.main_window import MainWindow

    win = MainWindow(ui_settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.close_exercise()
    if win.projector is not None:
        win.projector.close()


def press(qtbot, widget, keys: str) -> None:
    """Type a shortcut such as "F6", "Ctrl+Return" or "Alt+2" into the window."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    combo = QKeySequence(keys)[0]
    target = QApplication.focusWidget() or widget
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def new_exercise_dialog(window, qtbot):
    """The new-exercise dialog shown over the window, active (it has the keyboard)."""
    from dientap_desktop.ui.new_exercise import NewExerciseDialog

    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog
