"""The issue's done-when, as a test: the demo exercise run from start to finish with the keyboard
alone, projected, every post's decision recorded, paused once, one mistake undone, the program
killed midway and the run finished after reopening, with nothing lost."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui_support import answers, practice_file, press, ui_settings, window  # noqa: F401

# The keyboard steps the director takes on one delivered inject: for each post, Alt+N to its
# form, a decision kind, the text, Space on the first expected action, Ctrl+Return to record.
KEYBOARD = textwrap.dedent("""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from dientap_desktop.ui.models import ID_ROLE

    def press(window, keys):
        combo = QKeySequence(keys)[0]
        target = QApplication.focusWidget() or window
        QTest.keyClick(target, combo.key(), combo.keyboardModifiers())
        QApplication.processEvents()

    def answer(keys):  # the question about to be asked (a modal dialog), with the keyboard
        from PySide6.QtCore import QTimer

        def click():
            combo = QKeySequence(keys)[0]
            QTest.keyClick(QApplication.activeModalWidget(), combo.key(),
                           combo.keyboardModifiers())
        QTimer.singleShot(0, click)

    def decide_every_post(window):
        run = window.director.state.current
        model = window.run_view.posts.posts
        keys = {model.index(r, 0).data(ID_ROLE): model.index(r, model.KEY).data()
                for r in range(model.rowCount())}  # as the list shows them
        for n, post_id in enumerate(run.inject.targets, 1):
            press(window, keys[post_id])
            press(window, f"Ctrl+{1 + n % 4}")
            QTest.keyClicks(QApplication.focusWidget(), f"Quyet dinh {run.number}.{n}")
            if run.inject.expected.get(post_id):
                press(window, "Tab")  # to the expected actions: Space ticks the first
                press(window, "Space")
            press(window, "Ctrl+Return")
""")

FIRST_HALF = KEYBOARD + textwrap.dedent("""
    import os, signal, sys
    from dientap_desktop.ui.main_window import MainWindow
    from dientap_desktop.ui.settings import Settings
    app = QApplication([])
    window = MainWindow(Settings(sys.argv[2]))
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    window.open_file(sys.argv[1])
    press(window, "Ctrl+P")  # the projector for the room
    answer("S")  # "Start the exercise?": the key of "&Start" (the window is in English here)
    press(window, "F5")
    assert window.director.status == "running"
    window.activateWindow()  # back from the question (a window manager does it on screen)
    QApplication.processEvents()
    for _ in range(int(sys.argv[3])):
        press(window, "F6")
        decide_every_post(window)
    print("decided", window.director.state.current.inject.id, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # the laptop's battery dies
""")


def decisions_by_post(exercise):
    return {(d.inject_id, d.post_id) for d in exercise.decisions()}


def test_the_demo_run_with_the_keyboard_survives_a_kill(window, practice_file, qtbot, answers):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.run(
        [sys.executable, "-c", FIRST_HALF, str(practice_file), str(practice_file.parent / "k.ini"),
         "4"], capture_output=True, text=True, timeout=90, env=env,
        cwd=Path(__file__).resolve().parent.parent)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert "decided th-04" in child.stdout

    # Reopened: where it was, nothing lost.
    assert window.open_file(practice_file)
    director = window.director
    scenario = director.scenario
    assert director.status == "running"
    assert director.state.current.inject.id == "th-04"
    first_half = {(i.id, p) for i in scenario.injects[:4] for p in i.targets}
    assert decisions_by_post(director.exercise) == first_half
    ticked = [d for d in director.exercise.decisions() if d.covers]
    assert ticked and all(d.covers == (0,) for d in ticked)

    namespace: dict = {}
    exec(KEYBOARD, namespace)  # the same keyboard steps, in this window
    press_keys, decide_every_post = namespace["press"], namespace["decide_every_post"]
    press_keys(window, "Ctrl+P")
    projector = window.projector
    assert projector.isVisible()
    assert QApplication.activeWindow() is window  # the keys stay with the director
    assert director.state.current.inject.title in projector.text()

    remaining = scenario.injects[4:]
    for number, inject in enumerate(remaining, 5):
        if number == 7:  # the director clicked the projector's window: F6 still works there
            projector.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is projector)
            qtbot.keyClick(projector, Qt.Key.Key_F6)
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # and come back
        else:
            press_keys(window, "F6")
        assert director.state.current.inject.id == inject.id
        assert inject.title in projector.text()
        assert not inject.notes or inject.notes not in projector.text()
        if number == 6:  # one mistake: F6 pressed twice, taken back with F8
            press_keys(window, "F6")
            assert director.state.current.inject.id == scenario.injects[6].id
            press_keys(window, "F8")
            assert "will be taken back" in answers.of("yes_no")[-1]
            assert director.state.current.inject.id == inject.id
            assert inject.title in projector.text()
        if number == 8:  # one pause, and the room sees it
            press_keys(window, "F9")
            assert director.status == "paused"
            assert "PAUSED" in projector.text()
            press_keys(window, "F9")
            assert director.status == "running"
        decide_every_post(window)
    press_keys(window, "Ctrl+F9")
    assert "no more injects can be delivered" in answers.of("yes_no")[-1]

    exercise = director.exercise
    assert exercise.clock().status == "finished"
    assert all(run.status == "delivered" for run in exercise.run_state().injects)
    assert decisions_by_post(exercise) == {(i.id, p) for i in scenario.injects for p in i.targets}
    assert [d.inject_id for d in exercise.deliveries() if d.undone_at] == [scenario.injects[6].id]
    assert [e.kind for e in exercise.clock().events] == ["start", "pause", "resume", "finish"]
    assert "END OF EXERCISE" in projector.text()
