"""A copy of an exercise or a kit saved while it is open: whole, one file, never over itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.contract_support import refused, run, usage_error
from tests.ui_support import answers, practice_file, press, ui_settings, window  # noqa: F401


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def run_a_little(exercise, fake_clock) -> None:
    exercise.start()
    fake_clock.advance(minutes=3)
    exercise.deliver_next()
    fake_clock.advance(minutes=2)
    exercise.record_decision("th-01", "cong-an", "bao_cao", "Báo cáo Công an quận ngay")


def test_a_copy_made_while_the_file_is_open_holds_every_change_in_one_file(
        exercise, fake_clock, tmp_path):
    from dientap_desktop.storage.exercise_file import ExerciseFile

    run_a_little(exercise, fake_clock)
    assert Path(f"{exercise.path}-wal").stat().st_size > 0  # the changes are still in the WAL
    (tmp_path / "usb").mkdir()
    copy = exercise.save_copy(tmp_path / "usb" / "copy.dientap")
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.dientap"]  # no -wal, no temp
    assert copy.read_bytes()[18:20] == b"\x01\x01"  # a rollback-journal file: stands alone
    assert rows(copy, "SELECT text FROM decisions") == [("Báo cáo Công an quận ngay",)]
    with ExerciseFile.open(copy, readonly=True) as opened:
        assert opened.counts() == exercise.counts()
        assert opened.info.status == "running"
    # work goes on in the original; the copy stays as it was
    exercise.deliver_next()
    assert exercise.counts()["delivered"] == 2
    assert rows(copy, "SELECT count(*) FROM deliveries") == [(1,)]


def test_a_copy_never_goes_over_the_file_itself_nor_over_another_unasked(exercise, tmp_path):
    from dientap_desktop.storage.database import FileProblem

    before = exercise.path.read_bytes()
    with pytest.raises(FileProblem, match="the file itself"):
        exercise.save_copy(exercise.path, replace=True)
    assert exercise.path.read_bytes() == before
    other = tmp_path / "other.dientap"
    other.write_bytes(b"somebody's file")
    with pytest.raises(FileProblem, match="already exists"):
        exercise.save_copy(other)
    assert other.read_bytes() == b"somebody's file"
    with pytest.raises(FileProblem, match="no such folder"):
        exercise.save_copy(tmp_path / "missing" / "copy.dientap")
    # asked to replace it: the old file and what was left beside it (its WAL) are gone
    Path(f"{other}-wal").write_bytes(b"stale")
    exercise.save_copy(other, replace=True)
    assert not Path(f"{other}-wal").exists()
    assert rows(other, "SELECT name FROM exercise") == [("Diễn tập thử",)]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_backup_command_copies_an_open_exercise_and_a_kit(exercise, fake_clock, tmp_path):
    run_a_little(exercise, fake_clock)  # kept open by this process, changes in its WAL
    result = run("backup", exercise.path, "--out", tmp_path / "copy.dientap")
    assert result.returncode == 0, result.stderr
    assert "copy.dientap" in result.stdout
    assert rows(tmp_path / "copy.dientap", "SELECT text FROM decisions") == [
        ("Báo cáo Công an quận ngay",)]

    kit = tmp_path / "ha.dtkit"
    assert run("kit", exercise.path, "--observer", "Hà", "--out", kit).returncode == 0
    assert run("backup", kit, "--out", tmp_path / "ha-copy.dtkit").returncode == 0
    assert rows(tmp_path / "ha-copy.dtkit", "SELECT observer FROM kit") == [("Hà",)]

    refused(run("backup", exercise.path, "--out", tmp_path / "copy.dientap"), "already exists")
    refused(run("backup", exercise.path, "--out", exercise.path), "the file itself")
    not_ours = tmp_path / "notes.txt"
    not_ours.write_text("hello")
    refused(run("backup", not_ours, "--out", tmp_path / "x.dientap"), "not an exercise file")
    assert not (tmp_path / "x.dientap").exists()
    usage_error(run("backup", exercise.path))


def test_save_a_copy_from_the_window_while_running(practice_file, tmp_path, window, qtbot,
                                                   answers):
    from dientap_desktop.locks import FileLock

    assert not window.act_save_copy.isEnabled()  # nothing open yet
    assert window.open_file(practice_file)
    assert window.act_save_copy.isEnabled()
    assert "Ctrl+Shift+S" in window.act_save_copy.toolTip()
    window.act_start.trigger()
    window.act_next.trigger()
    panel = window.run_view.posts
    panel.editor.text.setPlainText("Triển khai lực lượng bao vây")
    panel.record()

    target = tmp_path / "usb" / "ban-sao.dientap"
    target.parent.mkdir()
    answers.queue = [str(target)]
    press(qtbot, window, "Ctrl+Shift+S")
    assert [m.split("\n")[0] for m in answers.of("info")] == ["Copy saved"]
    assert str(target) in answers.of("info")[0]
    assert rows(target, "SELECT text FROM decisions") == [("Triển khai lực lượng bao vây",)]
    assert window.settings.last_folder == str(target.parent)
    assert window.director.exercise.path == practice_file  # work goes on in the open file

    # Onto the open file itself, or a file another window has open: refused, nothing changed.
    before = target.read_bytes()
    answers.queue = [str(practice_file)]
    window.save_copy()
    assert "open file itself" in answers.of("error")[-1]
    holder = FileLock(target)
    assert holder.acquire()
    try:
        window.run_view.posts.editor.text.setPlainText("Một quyết định nữa")
        window.run_view.posts.record()
        answers.queue = [str(target)]
        window.save_copy()
        assert "open in another window" in answers.of("error")[-1]
        assert target.read_bytes() == before
    finally:
        holder.release()
    # Replacing an earlier copy (the file dialog asked) brings it up to date.
    answers.queue = [str(target)]
    window.save_copy()
    assert len(rows(target, "SELECT text FROM decisions")) == 2


def test_automatic_copies_while_running_and_on_closing(practice_file, tmp_path, window, qtbot,
                                                       answers, monkeypatch):
    from dientap_desktop.storage import copies

    assert window.settings_folder() == tmp_path / "dientap-data"  # beside the test's settings
    assert window.open_file(practice_file)
    folder = copies.copies_folder(window.settings_folder(), window.exercise)

    def made() -> list[Path]:
        return sorted(folder.glob("*.dientap")) if folder.exists() else []

    window.keep_copy()  # the ten-minute timer: nothing changed, no copy
    assert made() == []
    window.act_start.trigger()
    window.act_next.trigger()
    window.keep_copy()
    assert len(made()) == 1
    assert rows(made()[0], "SELECT count(*) FROM deliveries") == [(1,)]
    window.keep_copy()  # no change since
    assert len(made()) == 1
    monkeypatch.setattr(copies, "KEEP", 2)
    window.act_next.trigger()
    window.keep_copy()
    window.act_next.trigger()
    window.close_exercise()  # closing keeps the last changes too, and the oldest copy goes
    kept = made()
    assert len(kept) == 2
    assert sorted(rows(p, "SELECT count(*) FROM deliveries")[0][0] for p in kept) == [2, 3]
    assert answers.of("error") == []


def test_a_failed_automatic_copy_is_told_once_and_work_goes_on(practice_file, tmp_path, window,
                                                              answers):
    assert window.open_file(practice_file)
    blocker = window.settings_folder()
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the folder should be")
    window.act_start.trigger()
    window.keep_copy()
    window.act_next.trigger()
    window.keep_copy()
    assert len(answers.of("error")) == 1 and "Save a copy" in answers.of("error")[0]
    assert window.director.exercise.counts()["delivered"] == 1


def test_a_name_typed_without_its_suffix_asks_before_replacing_that_file(tmp_path, answers):
    from dientap_desktop.ui.dialogs import with_suffix

    (tmp_path / "quan-trong.dientap").write_text("x")
    typed = str(tmp_path / "quan-trong")
    answers.queue = [False]
    assert with_suffix(None, "Save", typed, ".dientap") is None  # said no: nothing replaced
    assert "quan-trong.dientap already exists" in answers.of("yes_no")[0]
    answers.queue = [True]
    assert with_suffix(None, "Save", typed, ".dientap") == typed + ".dientap"
    assert with_suffix(None, "Save", str(tmp_path / "moi"), ".dientap").endswith("moi.dientap")
    assert len(answers.of("yes_no")) == 2  # a new name asks nothing


def test_a_change_made_through_another_connection_is_copied_too(practice_file, window, answers):
    from dientap_desktop.storage import copies
    from dientap_desktop.storage.exercise_file import ExerciseFile

    assert window.open_file(practice_file)
    folder = copies.copies_folder(window.settings_folder(), window.exercise)
    with ExerciseFile.open(practice_file) as other:  # as a merge of kits writes, in a thread
        other.update_info(place="Phường Yên Bình")
    window.keep_copy()
    assert [rows(p, "SELECT place FROM exercise") for p in folder.glob("*.dientap")] == [
        [("Phường Yên Bình",)]]


def test_a_copy_onto_a_full_disk_says_why_in_the_message(practice_file, tmp_path, window,
                                                         answers, monkeypatch):
    """Ctrl+Shift+S onto a USB stick that is full: the reason is in the message itself, in
    the window's language, not only under "details"."""
    import errno

    from test_storage_faults import full_disk_error

    from dientap_desktop.storage.exercise_file import ExerciseFile

    assert window.open_file(practice_file)
    for error in (full_disk_error(), OSError(errno.ENOSPC, "No space left on device")):
        def refuse(self, target, *, replace=False, error=error):
            raise error

        monkeypatch.setattr(ExerciseFile, "save_copy", refuse)
        answers.queue = [str(tmp_path / "copy.dientap")]
        assert window.save_copy() is None
        assert answers.of("error")[-1].startswith(
            "The copy could not be saved.\n\ncopy.dientap: the disk is full; make room on it, "
            "then try again\n")  # then the details
