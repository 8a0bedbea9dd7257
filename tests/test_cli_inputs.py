"""Inputs that are not what a command expects end in one plain line and exit 1, at once: a CSV
that is a device, a pipe or a folder; a pipe or a folder for a file; a day not in the calendar;
the window asked for where there is no screen."""

import os
import subprocess
import sys

import pytest
from contract_support import assert_no_traceback, run


@pytest.fixture(scope="module")
def exercise(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "e.dientap"
    assert run("new", "giai-thoat-con-tin", "--out", path).returncode == 0
    return path


@pytest.mark.parametrize("kind", ["device", "pipe", "folder"])
def test_a_csv_that_is_not_a_regular_file_is_refused_without_reading_it(exercise, tmp_path,
                                                                         kind):
    if kind == "device":
        csv = "/dev/zero"  # endless: reading it whole before checking never ends
    elif kind == "pipe":
        csv = tmp_path / "pipe.csv"
        os.mkfifo(csv)  # opening it would wait for a writer
    else:
        csv = tmp_path
    result = run("import-scores", exercise, csv)  # run() gives up after 120 s
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{csv}: not a regular file (expected a CSV file)"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_or_a_folder_given_as_a_file_is_refused_at_once(tmp_path, exercise):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)  # opening it would wait for a writer
    csv = tmp_path.parent / "scores.csv"
    csv.write_text("observer,post,criterion,score\n", encoding="utf-8")
    for args, line in (
            (("info", pipe), f"{pipe}: not a file"),
            # the commands that write into an exercise: refused before its lock is taken
            (("import-scores", pipe, csv), f"{pipe}: not a file"),
            (("merge", pipe, exercise), f"{pipe}: not a file"),
            (("withdraw-note", pipe, "1"), f"{pipe}: not a file"),
            (("validate", pipe), f"{pipe}: cannot read the file: not a regular file"),
            (("new", pipe, "--out", tmp_path / "x.dientap"),
             f"{pipe}: cannot read the file: not a regular file"),
            (("validate", tmp_path), f"{tmp_path}: cannot read the file: Is a directory"),
            (("new", "giai-thoat-con-tin", "--out", tmp_path),
             f"{tmp_path}: this is a folder; give the new file's name"),
            (("new", "giai-thoat-con-tin", "--out", tmp_path / "y.dientap", "--date",
              "2023-02-30"), '--date "2023-02-30" is not a day of the calendar')):
        result = run(*args)  # run() gives up after 120 s
        assert (result.returncode, result.stderr.splitlines()) == (1, [line]), args
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


NO_SCREEN = ("dientap: there is no screen to open the window on (neither DISPLAY nor "
             "WAYLAND_DISPLAY is set); start it from a desktop session, or use the commands "
             "without a window (dientap --help)")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11 and Wayland only")
@pytest.mark.parametrize("args", [[], ["gui"], ["gui", "FILE"]])
def test_the_window_without_a_screen_is_one_line_and_no_qt(exercise, args):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "DIENTAP_DEBUG")}
    args = [str(exercise) if a == "FILE" else a for a in args]
    script = ("import sys\nfrom dientap_desktop.cli import main\ncode = main(sys.argv[1:])\n"
              "assert 'PySide6' not in sys.modules, 'Qt was imported'\nsys.exit(code)\n")
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                            text=True, encoding="utf-8", env=env, timeout=60)
    assert_no_traceback(result)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", NO_SCREEN + "\n")


def test_a_name_typed_with_line_breaks_is_kept_on_one_line(tmp_path):
    import json

    path = tmp_path / "e.dientap"
    assert run("new", "giai-thoat-con-tin", "--out", path, "--name",
               "Diễn tập\nphường Hòa Bình").returncode == 0
    kit = tmp_path / "a.dtkit"
    assert run("kit", path, "--observer", "Đại tá\r\n  Nguyễn Văn A\t", "--out",
               kit).returncode == 0
    csv = tmp_path / "s.csv"
    csv.write_text('observer,post,criterion,score\n"Trung tá\nLê B",bi-thu,nam-tinh-hinh,1\n',
                   encoding="utf-8")
    result = run("import-scores", path, csv)
    assert result.returncode == 0, result.stderr
    info = json.loads(run("info", path, "--json").stdout)
    assert info["exercise"]["name"] == "Diễn tập phường Hòa Bình"
    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.storage.kit import KitFile

    with ExerciseFile.open(path, readonly=True) as exercise:
        assert exercise.observers() == ["Trung tá Lê B"]
    kit_file = KitFile.open(kit, readonly=True)
    assert kit_file.observer == "Đại tá Nguyễn Văn A"
    kit_file.close()


def test_one_line_keeps_a_name_and_its_inner_spaces():
    from dientap_desktop.domain.text import one_line

    assert one_line(" Đại tá\u2028Nguyễn  Văn A\x07 ") == "Đại tá Nguyễn  Văn A"
    assert one_line("Le\u0302 Va\u0306n B\n\n") == "Lê Văn B"  # NFC, ends trimmed


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="a full device")
def test_output_that_cannot_be_written_is_told_as_the_output(exercise):
    from contract_support import _command, _env

    with open("/dev/full", "w") as full:
        result = subprocess.run(_command(("info", exercise)), stdout=full, stderr=subprocess.PIPE,
                                text=True, encoding="utf-8", timeout=120, env=_env())
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["standard output: No space left on device"]
