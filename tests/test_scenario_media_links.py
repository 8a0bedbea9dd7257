"""Media that are links: nothing outside the scenario's folder gets into an exercise file."""

import os
import sqlite3

import pytest
from contract_support import run
from kit_support import KIT_SCENARIO

SECRET = b"root:x:0:0:secret\n"


def scenario_with_media(folder, media: str):
    """The kit tests' scenario in `folder`, its last inject showing `media`; its line number."""
    text = KIT_SCENARIO.read_text("utf-8")
    anchor = "    targets: [bi-thu]\n"
    assert anchor in text
    text = text.replace(anchor, anchor + f"    media: [{media}]\n")
    path = folder / "s.yaml"
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("    media:")].count("\n") + 1
    return path, line


@pytest.fixture
def outside(tmp_path):
    """A folder beside the scenario's, holding a file that must not get in."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "passwd").write_bytes(SECRET)
    (tmp_path / "sc").mkdir()
    (tmp_path / "sc" / "maps").mkdir()
    (tmp_path / "sc" / "maps" / "a.png").write_bytes(b"\x89PNG map")
    return folder


@pytest.mark.parametrize("kind", ["file", "folder", "dangling"])
def test_a_link_leading_outside_the_folder_is_refused_and_nothing_is_made(tmp_path, outside,
                                                                          kind):
    sc = tmp_path / "sc"
    if kind == "file":
        os.symlink(outside / "passwd", sc / "b.jpg")
        media = "b.jpg"
    elif kind == "folder":
        os.symlink(outside, sc / "linked", target_is_directory=True)
        media = "linked/passwd"
    else:
        os.symlink(outside / "not-yet-there", sc / "b.jpg")
        media = "b.jpg"
    path, line = scenario_with_media(sc, f"maps/a.png, {media}")
    result = run("validate", path)
    assert result.returncode == 1
    [line_] = result.stderr.splitlines()
    assert line_.startswith(f'{path}:{line}: injects[1].media[1]: path "{media}" is a link to a '
                            "file outside the scenario's folder (")
    made = run("new", path, "--out", tmp_path / "e.dientap")
    assert made.returncode == 1 and made.stderr == result.stderr
    assert not (tmp_path / "e.dientap").exists()


def test_a_link_inside_the_folder_is_followed(tmp_path, outside):
    sc = tmp_path / "sc"
    os.symlink(sc / "maps" / "a.png", sc / "b.jpg")
    path, _ = scenario_with_media(sc, "maps/a.png, b.jpg")
    assert run("validate", path).returncode == 0
    assert run("new", path, "--out", tmp_path / "e.dientap").returncode == 0
    conn = sqlite3.connect(tmp_path / "e.dientap")
    stored = dict(conn.execute("SELECT path, data FROM media"))
    conn.close()
    assert stored == {"maps/a.png": b"\x89PNG map", "b.jpg": b"\x89PNG map"}


def test_a_media_file_not_there_is_warned_and_one_named_with_combining_marks_is_found(tmp_path):
    import unicodedata

    sc = tmp_path / "sc"
    sc.mkdir()
    (sc / unicodedata.normalize("NFD", "sơ đồ.png")).write_bytes(b"\x89PNG map")  # as a Mac
    path, _line = scenario_with_media(sc, '"sơ đồ.png", ban-do.png')
    assert run("validate", path).returncode == 0  # the contract: a valid scenario
    made = run("new", path, "--out", tmp_path / "e.dientap")
    assert made.returncode == 0
    assert made.stderr == (f'{path}: warning: inject th-02: media file "ban-do.png" not found '
                           "next to the scenario (or over 50 MB): the inject shows its name "
                           "only\n")
    conn = sqlite3.connect(tmp_path / "e.dientap")
    try:
        assert conn.execute("SELECT path, data FROM media").fetchall() == [
            ("sơ đồ.png", b"\x89PNG map")]
    finally:
        conn.close()


def test_validate_warns_of_media_not_there_or_folders_as_new_does(tmp_path):
    sc = tmp_path / "sc"
    (sc / "maps").mkdir(parents=True)
    (sc / "maps" / "a.png").write_bytes(b"\x89PNG map")
    path, _line = scenario_with_media(sc, "maps/a.png, maps/khong-co.png, maps")
    checked = run("validate", path)
    assert checked.returncode == 0  # a medium missing is a warning: the scenario is valid
    assert checked.stdout.startswith(f"{path}: ok (")
    warned = [f'{path}: warning: inject th-02: media file "{name}" not found next to the '
              "scenario (or over 50 MB): the inject shows its name only"
              for name in ("maps/khong-co.png", "maps")]
    assert checked.stderr.splitlines() == warned
    made = run("new", path, "--out", tmp_path / "e.dientap")
    assert made.returncode == 0 and made.stderr == checked.stderr  # the same warnings
