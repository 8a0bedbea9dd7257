"""A write that fails is told as the file the user asked for (or its folder, when the folder is
why) with the reason in plain words, never as the hidden temporary it was being written under;
a name that fits is written even when its temporary's would not; nothing half written stays."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dientap_desktop.cli import main
from dientap_desktop.temporary import (
    NAME_MAX,
    WriteFailed,
    shortened,
    temporary_beside,
    told_as_target,
    write_whole,
)
from tests.ui_support import answers, ui_settings, window  # noqa: F401

LEFTOVER = re.compile(r"\.[0-9a-f]{32}\.(?:tmp|part)")
WRITERS = ("new", "demo", "kit", "backup", "report")
# a name of 230 bytes in UTF-8: it fits, with what SQLite adds (8), but its temporary (39) would not
LONG = shortened("Diễn tập chiến đấu phòng thủ phường Hòa Bình " * 6, 230).strip()


def leftovers(folder: Path) -> list[str]:
    """What a write left under a temporary name, anywhere in `folder`."""
    return sorted(p.name for p in folder.rglob(".*") if LEFTOVER.search(p.name))


def command(writer: str, exercise: Path, out: Path) -> list[str]:
    """The command line of a writer writing `out` (a report: into `out`'s folder)."""
    return {
        "new": ["new", "giai-thoat-con-tin", "--out", str(out)],
        "demo": ["demo", "--out", str(out)],
        "kit": ["kit", str(exercise), "--observer", "Thiếu tá Lê Văn Tám", "--out", str(out)],
        "backup": ["backup", str(exercise), "--out", str(out)],
        "report": ["report", str(exercise), "--out", str(out.parent), "--only", "summary"],
    }[writer]


def target(writer: str, folder: Path, stem: str = "x") -> Path:
    """What the writer writes in `folder`."""
    return folder / ("summary.pdf" if writer == "report" else
                     f"{stem}.dtkit" if writer == "kit" else f"{stem}.dientap")


def refused(capsys) -> str:
    """The one line the command printed, checked to name no hidden temporary."""
    out = capsys.readouterr()
    [line] = out.err.splitlines()
    assert not LEFTOVER.search(line) and "/." not in line and "Errno" not in line, line
    return line


@pytest.fixture
def exercise_path(exercise) -> Path:
    exercise.close()
    return exercise.path


# ------------------------------------------------------------------ the command line


@pytest.mark.parametrize("writer", WRITERS)
def test_a_path_through_a_file_names_that_file(writer, exercise_path, tmp_path, capsys):
    blocker = tmp_path / "bao-cao"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    out = target(writer, blocker / "pdf" if writer == "report" else blocker)
    assert main(command(writer, exercise_path, out)) == 1
    assert refused(capsys) == f"{blocker}: this is a file, not a folder"
    assert blocker.read_text(encoding="utf-8") == "a file where a folder should be"
    assert leftovers(tmp_path) == []


@pytest.fixture
def rename_refused(monkeypatch):
    """The folder refuses to give a temporary its name (no permission), as Linux refuses it in
    a folder one may not write in and Windows over a file another program holds."""
    real = os.replace

    def refuse(source, destination):
        if LEFTOVER.search(Path(source).name):
            raise PermissionError(errno.EACCES, "Permission denied", str(source), None,
                                  str(destination))
        return real(source, destination)

    monkeypatch.setattr(os, "replace", refuse)


@pytest.mark.parametrize("writer", WRITERS)
def test_a_folder_that_refuses_the_file_is_named_not_the_temporary(
        writer, exercise_path, tmp_path, capsys, rename_refused):
    folder = tmp_path / "dich"
    folder.mkdir()
    assert main(command(writer, exercise_path, target(writer, folder))) == 1
    line = refused(capsys)
    assert line.startswith(f"{folder}: no permission to write in this folder"), line
    assert list(folder.iterdir()) == []  # nothing written, nothing half written


@pytest.mark.parametrize("writer", ("new", "kit", "backup"))
def test_a_name_that_fits_is_written_though_its_temporary_s_would_not_fit(
        writer, exercise_path, tmp_path, capsys):
    out = target(writer, tmp_path / "out", LONG)
    out.parent.mkdir()
    assert len(os.fsencode(out.name)) + 39 > NAME_MAX >= len(os.fsencode(out.name)) + 8
    assert main(command(writer, exercise_path, out)) == 0, capsys.readouterr().err
    assert [p.name for p in out.parent.iterdir()] == [out.name]
    assert main(["info", str(out)]) == 0  # whole, and opened again under its name


def test_a_file_written_whole_and_its_temporary_fit_in_a_name(tmp_path):
    out = tmp_path / f"{LONG}.yaml"
    assert len(os.fsencode(out.name)) <= NAME_MAX
    write_whole(out, b"format: dientap/1\n")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
    longest = tmp_path / ("a" * (NAME_MAX - 5) + ".pdf")
    assert len(os.fsencode(temporary_beside(longest, ".part").name + "-journal")) <= NAME_MAX


@pytest.mark.parametrize("writer", ("new", "kit", "backup"))
@pytest.mark.parametrize("size", (NAME_MAX - 4, NAME_MAX + 40))
def test_a_name_too_long_for_a_database_is_refused_before_anything_is_written(
        writer, size, exercise_path, tmp_path, capsys):
    """SQLite writes NAME-journal beside a database: a name that leaves no room for it would
    make a file that cannot be opened."""
    suffix = ".dtkit" if writer == "kit" else ".dientap"
    out = tmp_path / "out" / ("a" * (size - len(suffix)) + suffix)
    out.parent.mkdir()
    assert main(command(writer, exercise_path, out)) == 1
    line = refused(capsys)
    assert line.startswith(f"{out}: the file name is too long; choose a shorter name"), line
    assert list(out.parent.iterdir()) == []


def test_an_error_about_another_file_is_left_as_it_is(tmp_path):
    out, temporary = tmp_path / "log.pdf", tmp_path / f".log.pdf.{'0' * 32}.part"
    font = FileNotFoundError(errno.ENOENT, "No such file or directory", "/fonts/x.ttf")
    assert told_as_target(font, out, temporary) is font
    full = OSError(errno.ENOSPC, "No space left on device")  # a write names no file
    told = told_as_target(full, out, temporary)
    assert isinstance(told, WriteFailed) and told.technical == str(full)
    assert str(told) == (f"{out}: the disk is full (No space left on device); make room on "
                         "it, then try again")
    gone = FileNotFoundError(errno.ENOENT, "No such file or directory", str(temporary))
    assert str(told_as_target(gone, tmp_path / "missing" / "log.pdf", temporary)) == \
        f"{tmp_path / 'missing'}: no such folder"


def test_automatic_copies_of_a_file_with_a_long_name_are_made_and_counted(
        tmp_path, hostage_scenario):
    from dientap_desktop.storage.copies import keep_copy, newest_copy
    from dientap_desktop.storage.exercise_file import ExerciseFile

    path = tmp_path / f"{LONG}.dientap"
    with ExerciseFile.create(path, hostage_scenario, name="Diễn tập") as exercise:
        first = keep_copy(exercise, tmp_path / "data")
        second = keep_copy(exercise, tmp_path / "data")
    assert first.name.endswith(".dientap") and " 0002 " in second.name
    assert len(os.fsencode(second.name)) <= NAME_MAX - len("-journal")
    assert newest_copy(tmp_path / "data", path) == second


# ------------------------------------------------------------------ a real disk (Linux, root)


@pytest.fixture
def mounted(tmp_path):
    """Mount a small tmpfs with these options (Linux, as root), unmounted after the test."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounts a tmpfs: Linux, as root")
    mounts = []

    def mount(name: str, options: str) -> Path:
        point = tmp_path / name
        point.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)],
                          capture_output=True).returncode != 0:
            pytest.skip("cannot mount a tmpfs here")
        mounts.append(point)
        return point

    yield mount
    for point in mounts:
        subprocess.run(["umount", str(point)], capture_output=True)


def test_a_read_only_disk_and_a_full_one_as_the_command_line_tells_them(exercise_path,
                                                                        mounted):
    from test_storage_faults import fill_the_disk

    from tests.contract_support import run_many

    read_only = mounted("ro", "ro,size=1m")
    full = mounted("full", "size=64k")
    fill_the_disk(full)
    writers = ("new", "kit", "backup", "report")
    results = run_many([command(w, exercise_path, target(w, read_only)) for w in writers]
                       + [command(w, exercise_path, target(w, full)) for w in writers])
    lines = [r.stderr.strip() for r in results]
    assert all(r.returncode == 1 for r in results), lines
    assert lines[:4] == [f"{read_only}: the folder is on a read-only disk"] * 4
    for writer, line in zip(writers, lines[4:], strict=True):  # the kit's, not the exercise's
        assert line.startswith(f"{target(writer, full)}: ") and "disk is full" in line, line
    assert leftovers(full) == [] and sorted(p.name for p in full.iterdir()) == ["filler"]


# ------------------------------------------------------------------ the window


def test_the_new_exercise_dialog_names_the_file_in_the_way(window, qtbot, tmp_path, answers):
    from dientap_desktop.ui.new_exercise import NewExerciseDialog

    blocker = tmp_path / "bao-cao"
    blocker.write_text("x", encoding="utf-8")
    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(blocker / "moi.dientap"))
    dialog.create()
    assert dialog.created is None
    [said] = answers.of("error")
    assert said.startswith("The exercise file could not be created.\n\n"
                           "bao-cao: this is a file, not a folder\n"), said
    answers.asked.clear()
    answers.queue = [str(blocker / "kich-ban.yaml")]  # "Save a copy to edit" of the scenario
    dialog.save_scenario_copy()
    assert answers.of("error")[0].startswith("The scenario could not be saved.\n\n"
                                             "bao-cao: this is a file, not a folder\n")
    assert leftovers(tmp_path) == []


@pytest.fixture
def vietnamese(qapp):
    from dientap_desktop.app import install_translations

    install_translations(qapp, "vi")
    yield
    install_translations(qapp, "en")


def test_the_new_exercise_dialog_says_in_vietnamese_which_folder_refused_it(
        window, qtbot, tmp_path, answers, rename_refused, vietnamese):
    from dientap_desktop.ui.new_exercise import NewExerciseDialog

    folder = tmp_path / "dien-tap"
    folder.mkdir()
    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(folder / "moi.dientap"))
    dialog.create()
    [said] = answers.of("error")
    message, details = said.split("\n\n", 1)[1].split("\n", 1)
    assert message == "dien-tap: không có quyền ghi vào thư mục này"
    assert "Permission denied" in details  # what the system said, to copy for whoever helps
    assert list(folder.iterdir()) == []


def test_the_export_dialog_names_the_folder_that_refused_the_reports(
        qtbot, tmp_path, monkeypatch, answers, rename_refused):
    from dientap_desktop.reports.sample import sample_snapshot
    from dientap_desktop.ui import export_dialog

    monkeypatch.setattr(export_dialog, "open_folder", lambda folder: True)
    folder = tmp_path / "bao cao"
    dialog = export_dialog.ExportDialog(None, sample_snapshot, folder)
    qtbot.addWidget(dialog)
    for key in ("scoring", "blank", "log", "aar"):
        dialog.checks[key].setChecked(False)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running and bool(answers.of("error")), timeout=20_000)
    said = answers.of("error")[0]
    assert said.startswith("The reports could not be written.\n\n"
                           "bao cao: no permission to write in this folder\n"), said
    assert "PermissionError" in said  # the details: the traceback, for whoever helps
    assert list(folder.iterdir()) == []
