"""Bytes of an exercise file or a kit damaged (a disk fault, a bad copy): opening works, or is
refused as a damaged file with a reason the window tells in Vietnamese; the command line says
so in one plain line. Never another exception: a traceback, or text garbled in a message."""

import json
import random
import sqlite3

import pytest

from dientap_desktop.cli import main
from dientap_desktop.storage.database import FileProblem
from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.storage.kit import KitFile, make_kit
from dientap_desktop.ui.problems import is_known
from tests.ui_support import answers, practice_file, ui_settings, window  # noqa: F401

COPIES = 24  # of each file, each with one to three bytes changed


@pytest.fixture(scope="module")
def originals(tmp_path_factory):
    from dientap_desktop.demo import DEMO_SCENARIO, make_demo
    from dientap_desktop.domain.scenario_loader import find_scenario

    folder = tmp_path_factory.mktemp("fuzz")
    exercise = folder / "demo.dientap"
    with make_demo(exercise, find_scenario(DEMO_SCENARIO)) as opened:
        kit = make_kit(opened, "Đại tá Trần Quốc Hùng", folder / "hung.dtkit")
    with KitFile.open(kit) as opened:
        opened.set_score(opened.post_ids[0], opened.scenario.criteria_for(opened.post_ids[0])[0].id,
                         1, "Báo cáo chậm")
        opened.add_note("strength", "Hiệp đồng chặt chẽ")
    return exercise, kit


def damaged_copies(original, folder, seed: int) -> list:
    """Copies of a file with a few bytes changed: most of them in its text (a letter's top bit
    set: no longer UTF-8), the others anywhere past the header."""
    rng = random.Random(seed)
    data = original.read_bytes()
    letters = [i for i in range(100, len(data)) if 0x61 <= data[i] <= 0x7A]
    copies = []
    for n in range(COPIES):
        changed = bytearray(data)
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.6:
                changed[rng.choice(letters)] |= 0x80
            else:
                changed[rng.randrange(100, len(changed))] ^= 1 << rng.randrange(8)
        copy = folder / f"{original.stem}-{n:02d}{original.suffix}"
        copy.write_bytes(bytes(changed))
        copies.append(copy)
    return copies


def refused_plainly(error: FileProblem, path) -> None:
    line = str(error)
    assert "\n" not in line and line.startswith(f"{path}: ")
    assert is_known(line), line  # the window tells it in Vietnamese
    assert "\ufffd" not in line and "decode" not in line  # no garbled text, no codec's words


def read_everything(opened) -> None:
    """What the windows, the reports and `info` read of an open file."""
    opened.results()
    opened.notes()
    opened.scores()
    opened.score_history()
    if isinstance(opened, ExerciseFile):
        assert opened.info.name
        opened.roster()
        opened.deliveries()
        opened.decisions()
        opened.drafts()
        opened.log()


@pytest.mark.parametrize("which, seed", [(0, 11), (1, 12)], ids=["exercise", "kit"])
def test_a_file_with_damaged_bytes_opens_or_is_refused_as_damaged(originals, tmp_path, which,
                                                                   seed):
    kind = (ExerciseFile, KitFile)[which]
    outcomes = {"opened": 0, "refused": 0}
    for copy in damaged_copies(originals[which], tmp_path, seed):
        for readonly in (True, False):
            try:
                with kind.open(copy, readonly=readonly) as opened:
                    read_everything(opened)  # checked at opening: nothing fails later
                outcomes["opened"] += 1
            except FileProblem as error:
                refused_plainly(error, copy)
                outcomes["refused"] += 1
    assert outcomes["refused"] >= COPIES  # the text damaged: refused up front


def test_a_value_damaged_after_opening_is_told_as_a_damaged_file(originals, tmp_path):
    """A view that reads a value whose bytes were damaged since the file was opened (its
    disk): a damaged file, told as such, never sqlite3's error with the garbled text."""
    import shutil

    path = tmp_path / "ex.dientap"
    shutil.copy(originals[0], path)
    with ExerciseFile.open(path) as opened:
        conn = sqlite3.connect(path)
        conn.execute("INSERT INTO log (at, action, summary, data) SELECT at, action, summary, "
                     "CAST(X'7b2264e963697369226e223a20347d' AS TEXT) FROM log LIMIT 1")
        conn.commit()
        conn.close()
        with pytest.raises(FileProblem) as raised:
            opened.log()
    refused_plainly(raised.value, path)
    assert "damaged" in str(raised.value)


@pytest.mark.parametrize("which, seed", [(0, 21), (1, 22)], ids=["exercise", "kit"])
def test_info_and_report_on_damaged_files_exit_0_or_1_with_one_plain_line(
        originals, tmp_path, capsys, which, seed):
    for n, copy in enumerate(damaged_copies(originals[which], tmp_path, seed)[:10]):
        capsys.readouterr()
        command = ["info", str(copy), "--json"] if n % 3 or which else \
            ["report", str(copy), "--out", str(tmp_path / f"pdf-{n}"), "--only", "summary"]
        code = main(command)
        out, err = capsys.readouterr()
        assert code in (0, 1), (command, err)
        if code == 0:
            assert err == ""
            if command[0] == "info":
                json.loads(out)
        else:
            lines = err.splitlines()
            assert len(lines) == 1 and lines[0].startswith(f"{copy}: "), err
            assert "unexpected error" not in err and "Traceback" not in err
            assert "\ufffd" not in err and "decode" not in err  # no garbled text


def test_the_log_of_a_file_damaged_while_open_says_so_and_not_that_nothing_was_saved(
        window, practice_file, qtbot, answers):
    """F3 on a log whose row was damaged since the file was opened: the message says that
    part of the file cannot be read, the file is damaged, and where the automatic copies are
    (viewing is not an action: nothing is "NOT saved")."""
    from dientap_desktop.ui import errors
    from tests.ui_support import press

    assert window.open_file(practice_file)
    conn = sqlite3.connect(practice_file)
    conn.execute("INSERT INTO log (at, action, summary, data) SELECT at, action, summary, "
                 "CAST(X'7b2264e963697369226e223a20347d' AS TEXT) FROM log LIMIT 1")
    conn.commit()
    conn.close()
    with qtbot.capture_exceptions() as raised:
        press(qtbot, window, "F3")
    assert raised and isinstance(raised[0][1], FileProblem)
    errors.unexpected(*raised[0])
    message = answers.of("error")[-1].split("\n\n")
    assert message[0] == "This part of the file cannot be read. Nothing was changed."
    assert message[1] == "practice.dientap: the file is damaged and cannot be read; open a copy " \
                         "of it instead"
    assert "Automatic copies" in message[2] and "NOT saved" not in answers.of("error")[-1]
