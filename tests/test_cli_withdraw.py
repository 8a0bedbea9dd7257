"""Taking back from the command line: a note keeps its number, and what is taken back already
is said so plainly and changes nothing, for notes and scores alike."""

import hashlib
import shutil

import pytest

from dientap_desktop.cli import main
from dientap_desktop.storage.exercise_file import ExerciseFile

OBSERVER = "Đại tá Trần Quốc Hùng"  # one of the demo's two observers


@pytest.fixture
def demo(demo_file, tmp_path):
    return str(shutil.copy(demo_file, tmp_path / "demo.dientap"))


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def test_a_note_keeps_its_number_and_taking_it_back_twice_is_refused(demo, capsys):
    with ExerciseFile.open(demo, readonly=True) as exercise:
        notes = exercise.notes()
    assert len(notes) >= 4
    assert main(["withdraw-note", demo, "2"]) == 0
    assert f"note 2 of {notes[1].observer} taken back" in capsys.readouterr().out
    before = digest(demo)
    assert main(["withdraw-note", demo, "2"]) == 1  # the same command again: the same note
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"{demo}: note 2 of {notes[1].observer} is already taken back (a "
                            "note keeps its number); nothing was changed\n")
    assert digest(demo) == before
    with ExerciseFile.open(demo, readonly=True) as exercise:
        assert exercise.notes() == [notes[0], *notes[2:]]
        assert [e.action for e in exercise.log()].count("withdraw_note") == 1
    # the note after it is still number 3, in info as in the command
    assert main(["info", demo]) == 0
    out = capsys.readouterr().out
    assert (f"  notes: {len(notes) - 1} (numbered in the order they came in; a note taken back "
            "keeps its number: 2 taken back)") in out
    assert "    2. " not in out and f"    3. {notes[2].kind} ({notes[2].observer}" in out
    assert main(["withdraw-note", demo, "3", "2"]) == 1  # one of them gone: neither goes
    assert "note 2 of" in capsys.readouterr().err
    assert digest(demo) == before
    assert main(["withdraw-note", demo, "3"]) == 0
    assert f"note 3 of {notes[2].observer} taken back: {' '.join(notes[2].text.split())}" \
        in capsys.readouterr().out
    with ExerciseFile.open(demo, readonly=True) as exercise:
        assert exercise.notes() == [notes[0], *notes[3:]]


def test_the_numbers_are_explained_in_the_command_s_help(capsys):
    with pytest.raises(SystemExit):
        main(["withdraw-note", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "numbered in the order they came in; a note taken back keeps its number" in help_text


def test_a_note_a_kit_brought_only_as_withdrawn_takes_no_number(demo, capsys):
    """A note the observer withdrew in the kit before it was ever merged is kept (so that an
    older copy of the kit does not bring it in), but was never listed: it is not numbered."""
    from dientap_desktop.domain.records import Note

    with ExerciseFile.open(demo) as exercise:
        notes = exercise.notes()
        never = Note("never-merged", OBSERVER, "weakness", "Rút trước khi nộp.")
        assert not exercise.withdraw_note(never)
        numbered = exercise.numbered_notes()
    assert [(number, note) for number, note, _gone in numbered] == list(
        enumerate(notes, 1))
    assert main(["withdraw-note", demo, str(len(notes) + 1)]) == 1
    assert f"no note {len(notes) + 1}" in capsys.readouterr().err


def test_a_score_taken_back_already_is_refused_as_a_note_is(demo, capsys):
    with ExerciseFile.open(demo, readonly=True) as exercise:
        criteria = [c.id for c in exercise.scenario.criteria_for("y-te")]
    one = ["withdraw-scores", demo, "--observer", OBSERVER, "--post", "y-te",
           "--criteria", criteria[0]]
    assert main(one) == 0
    capsys.readouterr()
    before = digest(demo)
    assert main(one) == 1  # the same command again
    assert capsys.readouterr().err == (
        f'{demo}: {OBSERVER} has no score of criterion "{criteria[0]}" for post "y-te" to take '
        "back (taken back already, or never given; nothing was changed)\n")
    both = ["withdraw-scores", demo, "--observer", OBSERVER, "--post", "y-te",
            "--criteria", f"{criteria[1]},{criteria[0]}"]
    assert main(both) == 1  # one of them gone: neither goes
    assert digest(demo) == before
    every = ["withdraw-scores", demo, "--observer", OBSERVER, "--post", "y-te"]
    assert main(every) == 0  # all the post's: those there, and the one gone said
    assert f"{len(criteria) - 1} score(s) of {OBSERVER} for post y-te taken back; 1 had no " \
           "score" in capsys.readouterr().out
    before = digest(demo)
    assert main(every) == 1
    assert capsys.readouterr().err == (
        f'{demo}: {OBSERVER} has no score for post "y-te" to take back (taken back already, or '
        "never given; nothing was changed)\n")
    assert digest(demo) == before


def test_a_kit_s_score_taken_back_already_is_refused_too(demo, tmp_path, capsys):
    from dientap_desktop.storage.kit import KitFile

    kit = tmp_path / "b.dtkit"
    assert main(["kit", demo, "--observer", "Trung tá B", "--out", str(kit)]) == 0
    with KitFile.open(kit) as opened:
        criterion = opened.scenario.criteria_for("y-te")[0].id
        opened.set_score("y-te", criterion, 1)
    command = ["withdraw-scores", str(kit), "--observer", "Trung tá B", "--post", "y-te"]
    assert main(command) == 0
    capsys.readouterr()
    before = digest(kit)
    assert main(command) == 1
    assert 'Trung tá B has no score for post "y-te" to take back' in capsys.readouterr().err
    assert digest(kit) == before
