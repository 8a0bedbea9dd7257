"""Commands that only read a file, or refuse it, leave its folder exactly as it was: no -wal or
-shm file beside it, no byte changed (a kit given where an exercise file is expected included)."""

import json

import pytest
from contract_support import run

from dientap_desktop.storage.exercise_file import ExerciseFile


def folder_state(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("made")
    exercise, kit = folder / "e.dientap", folder / "a.dtkit"
    assert run("new", "giai-thoat-con-tin", "--out", exercise).returncode == 0
    assert run("kit", exercise, "--observer", "Đại tá A", "--out", kit).returncode == 0
    return exercise.read_bytes(), kit.read_bytes()


@pytest.fixture
def files(made, tmp_path):
    """A folder with an exercise file closed cleanly (nothing beside it), a kit and a CSV."""
    folder = tmp_path / "files"
    folder.mkdir()
    exercise, kit, csv = folder / "e.dientap", folder / "a.dtkit", folder / "s.csv"
    exercise.write_bytes(made[0])
    kit.write_bytes(made[1])
    csv.write_text("observer,post,criterion,score\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    return folder, exercise, kit, csv, out


COMMANDS = {
    "info": lambda e, k, c, o: (0, ["info", e]),
    "info --json": lambda e, k, c, o: (0, ["info", e, "--json"]),
    "info of a kit": lambda e, k, c, o: (0, ["info", k]),
    "report": lambda e, k, c, o: (0, ["report", e, "--out", o / "pdf", "--only", "blank"]),
    "kit": lambda e, k, c, o: (0, ["kit", e, "--observer", "B", "--out", o / "b.dtkit"]),
    "backup": lambda e, k, c, o: (0, ["backup", e, "--out", o / "copy.dientap"]),
    "report of a kit (refused)": lambda e, k, c, o: (1, ["report", k, "--out", o / "p2"]),
    "kit of an unknown post (refused)":
        lambda e, k, c, o: (1, ["kit", e, "--observer", "C", "--posts", "p9", "--out",
                                o / "c.dtkit"]),
    "merge into a kit (refused)": lambda e, k, c, o: (1, ["merge", k, e]),
    "import-scores into a kit, bad CSV (refused)":
        lambda e, k, c, o: (1, ["import-scores", k, e]),
    "new over the file (refused)":
        lambda e, k, c, o: (1, ["new", "giai-thoat-con-tin", "--out", e]),
    "backup over the kit (refused)": lambda e, k, c, o: (1, ["backup", e, "--out", k]),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_folder_holds_the_same_files_with_the_same_bytes(files, name):
    folder, exercise, kit, csv, out = files
    before = folder_state(folder)
    code, args = COMMANDS[name](exercise, kit, csv, out)
    result = run(*args)
    assert result.returncode == code, result.stderr
    after = folder_state(folder)
    assert sorted(after) == sorted(before)
    assert after == before


def test_a_file_open_in_a_window_is_read_with_its_last_changes(files, tmp_path):
    _, exercise, *_ = files
    copy = tmp_path / "e.dientap"
    copy.write_bytes(exercise.read_bytes())
    with ExerciseFile.open(copy) as window:  # as the director's window holds it
        window.add_observer("Đại tá A")
        assert (tmp_path / "e.dientap-wal").exists()
        info = run("info", copy, "--json")
        assert json.loads(info.stdout)["counts"]["observers"] == 1
