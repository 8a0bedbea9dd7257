"""A director's window killed mid-run loses nothing: reopened, it is where it was."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.ui_support import answers, practice_file, ui_settings, window  # noqa: F401

SCRIPT = textwrap.dedent("""
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from dientap_desktop.ui.settings import Settings
    from dientap_desktop.ui.main_window import MainWindow
    app = QApplication([])
    window = MainWindow(Settings(sys.argv[2]))
    window.show()
    window.open_file(sys.argv[1])
    window.act_start.trigger()
    window.act_next.trigger()
    window.act_next.trigger()
    panel = window.run_view.posts
    panel.editor.text.setPlainText("Quyết định ghi ngay trước khi máy tắt")
    panel.record()
    app.processEvents()
    print("recorded", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # no close, no clean-up: as if the power went
""")


def test_killed_window_loses_nothing(practice_file, tmp_path, window, qtbot):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(practice_file), str(tmp_path / "s.ini")],
        capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).resolve().parent.parent, env={**os.environ},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert "recorded" in result.stdout
    assert window.open_file(practice_file)
    director = window.director
    assert director.status == "running"
    assert director.state.current.inject.id == "th-02"
    assert director.state.next.inject.id == "th-03"
    decisions = director.exercise.decisions(inject_id="th-02")
    assert [d.text for d in decisions] == ["Quyết định ghi ngay trước khi máy tắt"]
    assert director.elapsed_minutes() >= 0
    assert window.run_view.injects.index(1, 0).data() == "▶ 2"
