"""A director's window killed mid-run loses nothing: reopened, it is where it was."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.ui_support import (  # noqa: F401
    answers,
    on_two_screens,
    practice_file,
    ui_settings,
    window,
)

SCRIPT = textwrap.dedent("""
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from dientap_desktop.ui.settings import Settings
    from dientap_desktop.ui.main_window import MainWindow
    app = QApplication([])
    from dientap_desktop.ui import dialogs
    dialogs.set_responder(lambda kind, message: True)  # "Start the exercise?": yes
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
    panel.editor.text.setPlainText("Xử trí đang gõ dở khi máy tắt")  # the next post's form
    import time
    deadline = time.monotonic() + 10
    while not window.director.drafts and time.monotonic() < deadline:  # the typing stops
        app.processEvents()
        time.sleep(0.02)
    print("typed", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # no close, no clean-up: as if the power went
""")


def test_killed_window_loses_nothing(practice_file, tmp_path, window, qtbot, answers):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(practice_file), str(tmp_path / "s.ini")],
        capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).resolve().parent.parent, env={**os.environ},
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert "recorded" in result.stdout
    from datetime import UTC, datetime

    killed_by = datetime.now(UTC)
    assert window.open_file(practice_file)
    assert answers.of("yes_no") == []  # the dead program's lock is stale: no question
    director = window.director
    assert director.status == "running"
    assert director.state.current.inject.id == "th-02"
    assert director.state.next.inject.id == "th-03"
    decisions = director.exercise.decisions(inject_id="th-02")
    assert [d.text for d in decisions] == ["Quyết định ghi ngay trước khi máy tắt"]
    assert director.elapsed_minutes() >= 0
    assert window.run_view.injects.index(1, 0).data() == "▶ 2"
    # what was being typed is there too, told, and back in its post's form
    assert "typed" in result.stdout
    assert [d.text for d in director.drafts.values()] == ["Xử trí đang gõ dở khi máy tắt"]
    qtbot.waitUntil(lambda: bool(answers.of("info")))
    assert "1 decision typed before the file was last closed" in answers.of("info")[-1]
    assert window.run_view.posts.editor.text.toPlainText() == "Xử trí đang gõ dở khi máy tắt"
    # given when it was typed, not when it is recorded after reopening (minutes later, after
    # a power cut): the form's time is the time the file last kept it, and can be changed
    [draft] = director.drafts.values()
    assert draft.given_at is not None and draft.given_at <= killed_by
    assert window.run_view.posts.editor.draft().given_at == draft.given_at


HOLDER = textwrap.dedent("""
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from dientap_desktop.ui.settings import Settings
    from dientap_desktop.ui.main_window import MainWindow
    app = QApplication([])
    window = MainWindow(Settings(sys.argv[2]))
    assert window.open_file(sys.argv[1])
    print("open", flush=True)
    time.sleep(60)
""")


def test_one_window_at_a_time_on_an_exercise(practice_file, tmp_path, window, qtbot,
                                             ui_settings, answers):
    from dientap_desktop.ui.main_window import MainWindow

    # Another program on this computer has it open: the director is sent to that window.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(practice_file), str(tmp_path / "h.ini")],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert not window.open_file(practice_file)
        told = answers.of("info")[-1]
        assert "already open in another window" in told and "taskbar" in told
        assert str(holder.pid) not in told  # a process number means nothing to the director
        assert window.exercise is None
    finally:
        holder.kill()  # its lock stays behind, stale: the next opening needs no question
        holder.wait()
    assert window.open_file(practice_file)
    assert len(answers.of("info")) == 1 and answers.of("yes_no") == []

    # A second window of this program: the first comes forward instead.
    other = MainWindow(ui_settings)
    qtbot.addWidget(other)
    assert not other.open_file(practice_file)
    assert other.exercise is None and window.exercise is not None
    window.close_exercise()  # the lock goes with the exercise
    assert other.open_file(practice_file)
    other.close_exercise()
    assert len(answers.of("info")) == 1 and answers.of("yes_no") == []


def test_a_lock_from_another_computer_is_taken_over_only_when_the_director_says(
        practice_file, window, answers):
    lock = Path(str(practice_file) + ".lock")
    lock.write_text("4242\npython3\nmay-chi-huy-2\n")  # Qt's lock file: pid, program, host
    answers.queue = [False]
    assert not window.open_file(practice_file)
    assert "another computer (may-chi-huy-2)" in answers.of("yes_no")[-1]
    assert lock.read_text().startswith("4242")
    answers.queue = [True]
    assert window.open_file(practice_file)
    assert not lock.read_text().startswith("4242")  # the lock is this window's now
    window.close_exercise()
    assert not lock.exists()


def test_every_way_of_opening_holds_the_lock_and_a_failure_lets_it_go(
        practice_file, window, ui_settings, answers, monkeypatch, tmp_path):
    from dientap_desktop.ui import main_window

    monkeypatch.setattr(type(window), "settings_folder", lambda self: tmp_path / "data")
    window.open_practice()  # a demo made on the spot is locked like a file opened
    practice = Path(window.exercise.path)
    assert Path(f"{practice}.lock").exists()
    window.close_exercise()
    assert not Path(f"{practice}.lock").exists()

    from dientap_desktop.ui import run_view

    def broken(*args, **kwargs):
        raise RuntimeError("the window could not be made")

    for module, name in ((main_window, "Director"), (run_view, "RunView")):
        monkeypatch.setattr(module, name, broken)
        with pytest.raises(RuntimeError):
            window.open_file(practice_file)
        assert not Path(f"{practice_file}.lock").exists()  # nothing half made holds the file
        assert window.exercise is None and window.stack.currentWidget() is window.welcome
        monkeypatch.undo()
    assert window.open_file(practice_file)
    exercise = window.exercise
    assert window.open_file(practice_file)  # already open here: shown, not opened again
    assert window.exercise is exercise
    assert answers.of("yes_no") == [] and answers.of("info") == []

    # Another computer took the file over meanwhile: closing here keeps its lock.
    lock = Path(f"{practice_file}.lock")
    lock.write_text("4242\npython3\nmay-chi-huy-2\n")
    window.close_exercise()
    assert lock.read_text().startswith("4242")


def test_a_file_deleted_while_open_is_told_and_a_copy_saved(window, practice_file, qtbot, answers,
                                                            tmp_path):
    assert window.open_file(practice_file)
    answers.queue = [True]  # "Start the exercise?"
    window.act_start.trigger()
    window.act_next.trigger()
    assert window.check_file_on_disk()  # there: nothing said
    assert answers.of("yes_no")[-1].startswith("Start")
    for leftover in practice_file.parent.glob(practice_file.name + "*"):
        leftover.unlink()  # deleted by mistake (or its USB stick pulled out)
    rescue = tmp_path / "rescue.dientap"
    answers.queue = [True, str(rescue)]  # "Save a copy now?": yes, here
    assert not window.check_file_on_disk()
    assert "no longer where it was opened" in answers.of("yes_no")[-1]
    assert window.exercise.path == rescue  # work goes on in the copy, a file on a disk
    assert window.exercise.run_state().current is not None  # the delivery made before is there
    assert window.check_file_on_disk()  # and it is watched in turn


def test_a_copy_of_the_file_alone_made_while_it_is_open_holds_what_was_done(
        window, practice_file, answers, tmp_path):
    """A director copies the .dientap by hand to a USB stick mid-exercise, without its -wal:
    the window folds its changes into the file every few seconds, so the copy holds them."""
    import shutil

    from dientap_desktop.storage.exercise_file import ExerciseFile

    assert window.open_file(practice_file)
    answers.queue = [True]  # "Start the exercise?"
    window.act_start.trigger()
    window.act_next.trigger()
    window.act_next.trigger()
    window.file_watch.timer.timeout.emit()  # the few seconds pass
    assert Path(f"{practice_file}-wal").exists()  # still open: the -wal stays beside it
    copy = tmp_path / "usb" / "copy.dientap"
    copy.parent.mkdir()
    shutil.copyfile(practice_file, copy)  # the file alone
    with ExerciseFile.open(copy, readonly=True) as copied:
        assert copied.info.status == "running"
        assert copied.run_state().current.inject.id == "th-02"


PROJECTING = textwrap.dedent("""
    import os, signal, sys
    from PySide6.QtWidgets import QApplication
    from dientap_desktop.ui.settings import Settings
    from dientap_desktop.ui.main_window import MainWindow
    app = QApplication([])
    from dientap_desktop.ui import dialogs
    dialogs.set_responder(lambda kind, message: True)  # "Start the exercise?": yes
    window = MainWindow(Settings(sys.argv[2]))
    window.show()
    window.open_file(sys.argv[1])
    if sys.argv[3] == "crash":
        window.act_start.trigger()
        window.act_next.trigger()
        window.act_projector.trigger()
        window.act_fullscreen.trigger()
    else:  # opened again after the crash
        import time
        deadline = time.monotonic() + 10
        while (window.projector is None or not window.projector.isVisible()) \\
                and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
    app.processEvents()
    projector = window.projector
    print(window.screen().name(), projector.screen().name(), projector.isFullScreen(),
          window.director.state.current.inject.title in projector.text(), flush=True)
    if sys.argv[3] == "crash":
        os.kill(os.getpid(), signal.SIGKILL)
""")


def test_the_projector_comes_back_full_screen_on_its_own_screen_after_a_crash(
        practice_file, tmp_path):
    """With a projector plugged in (a second screen), the room's window comes back after a
    crash on that screen, full screen as it was, and the director's stays on the laptop."""
    seen = []
    for step in ("crash", "again"):
        result = on_two_screens(PROJECTING, tmp_path, str(practice_file), str(tmp_path / "s.ini"),
                                step)
        assert result.returncode == (-signal.SIGKILL if step == "crash" else 0), result.stderr
        seen.append(result.stdout.split())
    assert seen == [["laptop", "projector", "True", "True"]] * 2
