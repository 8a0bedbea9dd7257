"""A damaged file is told in one line, however many lines SQLite's own report has."""

import shutil
import sqlite3

import pytest
from contract_support import run, run_many


def damage(path) -> None:
    """Break the free-space list of the first table page: SQLite's quick_check then answers in
    two lines ("*** in database main ***" and "Page N: free space corruption")."""
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for start in range(size, len(data), size):
        if data[start] == 0x0D:  # a leaf page of a table
            data[start + 1:start + 3] = (size - 4).to_bytes(2, "big")
            data[start + size - 4:start + size] = (0).to_bytes(2, "big") + (100).to_bytes(2, "big")
            break
    else:
        raise AssertionError("no table page")
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("damaged")
    good, kit = folder / "good.dientap", folder / "a.dtkit"
    assert run("new", "giai-thoat-con-tin", "--out", good).returncode == 0
    assert run("kit", good, "--observer", "Đại tá A", "--out", kit).returncode == 0
    bad, bad_kit = folder / "bad.dientap", folder / "bad.dtkit"
    shutil.copy(good, bad)
    shutil.copy(kit, bad_kit)
    damage(bad)
    damage(bad_kit)
    csv = folder / "s.csv"
    csv.write_text("observer,post,criterion,score\n", encoding="utf-8")
    return folder, good, bad, bad_kit, csv


@pytest.mark.parametrize("command", ["info", "merge-kit", "merge-into", "import-scores",
                                     "report", "kit", "backup"])
def test_a_damaged_file_is_one_line(files, command):
    folder, good, bad, bad_kit, csv = files
    args, name = {
        "info": (["info", bad], bad),
        "merge-kit": (["merge", good, bad_kit], bad_kit),
        "merge-into": (["merge", bad, bad_kit], bad),
        "import-scores": (["import-scores", bad, csv], bad),
        "report": (["report", bad, "--out", folder / "pdf"], bad),
        "kit": (["kit", bad, "--observer", "B", "--out", folder / "b.dtkit"], bad),
        "backup": (["backup", bad, "--out", folder / "copy.dientap"], bad),
    }[command]
    result = run(*args)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{name}: the file is damaged (")
    assert "free space corruption)" in line and line.count("(") == line.count(")")


@pytest.fixture(scope="module")
def changed_by_another_program(tmp_path_factory):
    """The demo exercise, copies of it with one value another program wrote (the database is
    sound: only the program's own rules are broken), and a kit with a score to merge."""
    folder = tmp_path_factory.mktemp("changed")
    demo, kit = folder / "demo.dientap", folder / "a.dtkit"
    assert run("demo", "--out", demo).returncode == 0
    assert run("kit", demo, "--observer", "Đại tá A", "--posts", "chqs", "--out",
               kit).returncode == 0
    csv = folder / "a.csv"
    csv.write_text("observer,post,criterion,score\nĐại tá A,chqs,nam-tinh-hinh,1\n",
                   encoding="utf-8")
    assert run("import-scores", kit, csv).returncode == 0
    copies = {}
    for name, sql in {
        "score": "UPDATE scores SET value = 'abc' WHERE rowid = 1",
        "date": "UPDATE exercise SET date = '15/11/2023'",
        "no exercise": "DELETE FROM exercise",
        "decision time": "UPDATE decisions SET given_at = 'x' WHERE rowid = 1",
        "inject": "UPDATE deliveries SET inject_id = 'nope' WHERE rowid = 1",
        "huge score": "UPDATE scores SET value = '1e400' WHERE rowid = 1",
        "post": "UPDATE decisions SET post_id = 'nope' WHERE rowid = 1",
    }.items():
        copies[name] = folder / f"{name.replace(' ', '-')}.dientap"
        shutil.copy(demo, copies[name])
        with sqlite3.connect(copies[name]) as conn:
            conn.execute(sql)
        conn.close()
    return folder, kit, copies


def test_a_value_another_program_wrote_is_told_as_damage_and_merge_writes_nothing(
        changed_by_another_program):
    folder, kit, copies = changed_by_another_program
    before = copies["score"].read_bytes()
    calls = {
        "merge": (["merge", copies["score"], kit], copies["score"], "scores"),
        "info": (["info", copies["date"]], copies["date"], "exercise's details"),
        "missing": (["info", copies["no exercise"]], copies["no exercise"],
                    "exercise's details"),
        "report": (["report", copies["decision time"], "--out", folder / "pdf"],
                   copies["decision time"], "decisions"),
        "inject": (["info", copies["inject"]], copies["inject"], "deliveries"),
        "huge score": (["info", copies["huge score"]], copies["huge score"], "scores"),
        "post": (["report", copies["post"], "--out", folder / "pdf2"], copies["post"],
                 "decisions"),
        # nothing is written into a file that info and the papers call damaged, and no kit is
        # made of it
        "import-scores": (["import-scores", copies["huge score"], folder / "a.csv"],
                          copies["huge score"], "scores"),
        "kit": (["kit", copies["decision time"], "--observer", "B", "--out", folder / "b.dtkit"],
                copies["decision time"], "decisions"),
        "merge, damaged elsewhere": (["merge", copies["decision time"], kit],
                                     copies["decision time"], "decisions"),
    }
    written = copies["huge score"].read_bytes()
    results = run_many([args for args, _, _ in calls.values()])
    for (name, (_, path, what)), result in zip(calls.items(), results, strict=True):
        assert result.returncode == 1, name
        [line] = result.stderr.splitlines()
        assert line.startswith(f"{path}: the file is damaged (its {what} cannot be read: "), line
        assert len(line) < len(str(path)) + 250, line  # a value is shortened, never a screenful
    assert copies["score"].read_bytes() == before  # the kit's score was not merged
    assert copies["huge score"].read_bytes() == written and not (folder / "b.dtkit").exists()


def test_a_reader_that_goes_away_is_no_problem_with_the_file(changed_by_another_program):
    """`dientap merge F K | head -1`: the merge is done, and exit 0 says so (1 would say that
    nothing was changed), with no line blaming the file."""
    import subprocess

    from contract_support import _command, _env

    folder, kit, _ = changed_by_another_program
    target = folder / "piped.dientap"
    shutil.copy(folder / "demo.dientap", target)
    child = subprocess.Popen(_command(["merge", target, kit]), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=_env())
    child.stdout.close()  # the reader is gone before the command writes anything
    error = child.stderr.read().decode()
    assert child.wait(timeout=120) == 0, error
    assert error == ""
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM scores WHERE value = '1'").fetchone()[0] >= 1
    conn.close()
