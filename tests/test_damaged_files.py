"""A damaged file is told in one line, however many lines SQLite's own report has."""

import shutil

import pytest
from contract_support import run


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
