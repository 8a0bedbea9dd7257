"""A request to end the program (the computer shutting down: SIGTERM, SIGHUP) closes its windows
as their close button would, even under an open question: the typing kept, the file left whole
with no -wal beside it, the lock removed."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dientap_desktop.locks import identity_lock_name
from dientap_desktop.storage.exercise_file import ExerciseFile
from tests.kit_support import make_exercise
from tests.ui_support import practice_file  # noqa: F401

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")

ROOT = Path(__file__).resolve().parent.parent

# The program as `dientap gui FILE` runs it; once its window is up, it types a decision without
# recording it, opens a question and, with the question still open, is asked to end.
SCRIPT = textwrap.dedent("""
    import os, signal, sys
    from PySide6.QtCore import QTimer
    from dientap_desktop import app as program

    def typed_then_asked_to_end():
        from PySide6.QtWidgets import QApplication
        [window] = [w for w in QApplication.topLevelWidgets()
                    if w.isVisible() and hasattr(w, "close_at_once")]
        if sys.argv[3] == "typing":
            window.act_start.trigger()  # the question "start?" answered below
            window.act_next.trigger()
            window.run_view.posts.editor.text.setPlainText("Xử trí đang gõ khi máy tắt")
        print("ready", flush=True)
        QTimer.singleShot(200, lambda: os.kill(os.getpid(), getattr(signal, sys.argv[2])))
        from dientap_desktop.ui import dialogs
        dialogs.set_responder(None)  # a real question, open when the request comes
        answer = dialogs.ask_yes_no(window, "Câu hỏi", "Còn mở khi máy tắt?")
        print(f"question closed: {answer}", flush=True)

    installed = program.end_on_request
    def end_on_request(app):
        installed(app)
        from dientap_desktop.ui import dialogs
        dialogs.set_responder(lambda kind, message: True)  # "Start the exercise?": yes
        QTimer.singleShot(100, typed_then_asked_to_end)
    program.end_on_request = end_on_request
    sys.exit(program.run_app(sys.argv[1]))
""")


def run_until_asked_to_end(path: Path, tmp_path: Path, how: str, typing: bool) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    started = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path), how, "typing" if typing else "-"],
        capture_output=True, text=True, timeout=30, cwd=ROOT, env=env)
    assert started.returncode == 0, started.stderr  # ended, not killed by the signal
    assert "ready" in started.stdout, started.stderr
    return started.stdout


def left_beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name
                  and p.name.startswith(path.name))


def test_a_shutdown_closes_the_directors_window_keeping_the_typing(practice_file, tmp_path):
    held = identity_lock_name(practice_file)
    out = run_until_asked_to_end(practice_file, tmp_path, "SIGTERM", typing=True)
    assert "question closed: False" in out  # as its Cancel would
    assert left_beside(practice_file) == []  # no -wal, -shm or lock left beside the file
    assert not Path(held).exists()
    with ExerciseFile.open(practice_file, readonly=True) as exercise:
        assert [d.text for d in exercise.drafts().values()] == ["Xử trí đang gõ khi máy tắt"]
        assert exercise.info.status == "running"


def test_a_closed_session_closes_the_observers_window(tmp_path):
    exercise = tmp_path / "e.dientap"
    make_exercise(exercise).close()
    kit = tmp_path / "quan-sat.dtkit"
    done = subprocess.run([sys.executable, "-m", "dientap_desktop", "kit", str(exercise),
                           "--observer", "Đại tá A", "--out", str(kit)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    started = time.monotonic()
    run_until_asked_to_end(kit, tmp_path, "SIGHUP", typing=False)
    assert time.monotonic() - started < 30
    assert left_beside(kit) == []
