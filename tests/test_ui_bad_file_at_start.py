"""`dientap gui FILE` on a file that cannot be opened, an observer kit as an exercise file:
the reason is told, then the welcome view stays open to choose another file."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The program as `dientap gui FILE` runs it, its dialogs answered (and printed); once it is up,
# what it shows is printed and its windows are closed.
SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from dientap_desktop import app as program
    from dientap_desktop.ui import dialogs

    dialogs.set_responder(lambda kind, message: print(f"{kind}: {message!r}", flush=True))

    def look():
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        print("shown:", sorted(type(w).__name__ for w in shown), flush=True)
        for window in shown:
            if hasattr(window, "welcome"):
                print("welcome:", window.exercise is None
                      and window.stack.currentWidget() is window.welcome, flush=True)
            window.close()

    def end_on_request(app):
        QTimer.singleShot(300, look)
    program.end_on_request = end_on_request
    code = program.run_app(sys.argv[1])
    print("exit:", code, flush=True)
""")


@pytest.mark.parametrize("name, said", [
    ("junk.dtkit", "Không mở được bộ phiếu đánh giá này."),
    ("nope.dientap", "Không mở được tệp diễn tập này."),
])
def test_a_file_that_cannot_be_opened_leaves_the_welcome_view(tmp_path, name, said):
    bad = tmp_path / name
    if name == "junk.dtkit":
        bad.write_bytes(b"junk")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    ran = subprocess.run([sys.executable, "-c", SCRIPT, str(bad)], capture_output=True,
                         text=True, timeout=60, cwd=ROOT, env=env)
    lines = ran.stdout.splitlines()
    assert ran.returncode == 0 and "Traceback" not in ran.stderr, ran.stderr
    assert lines[0].startswith(f"error: '{said}\\n\\n")  # the reason under it, in the same words
    assert lines[1:] == ["shown: ['MainWindow']", "welcome: True", "exit: 0"], ran.stdout
