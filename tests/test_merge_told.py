"""What a merge tells the director beyond its counts: which scores a kit replaced, two copies of
one kit filled in apart, corrections of the directing staff that stand, and an observer who may
be a known one under another name."""

import shutil

import pytest
from contract_support import run
from kit_support import make_exercise
from test_merge_idempotence import OBSERVER, fill, kit_for

from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.storage.merge import merge_kits

BOTH_WAYS = "differ both ways"


@pytest.fixture
def exercise(tmp_path):
    path = tmp_path / "e.dientap"
    make_exercise(path).close()
    return path


def test_a_kit_names_the_scores_it_replaced_with_their_old_values(exercise, tmp_path):
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, {("bi-thu", "nam-tinh-hinh"): "2", ("cong-an", "vay-bat"): "4"})
    assert run("merge", exercise, kit).returncode == 0
    fill(kit, 10, {("bi-thu", "nam-tinh-hinh"): "1.5"})
    again = run("merge", exercise, kit)
    assert again.returncode == 0
    assert "1 replaced" in again.stdout
    assert "replaced: bi-thu/nam-tinh-hinh 2 -> 1.5" in again.stdout
    assert BOTH_WAYS not in again.stdout  # the same kit, filled on: newer only


@pytest.mark.parametrize("copy_first", [False, True])
def test_two_copies_of_one_kit_filled_in_apart_are_told(exercise, tmp_path, copy_first):
    """The observer's kit copied midway to another laptop, a score changed there, while the
    observer went on in his own: whatever the order, the director is told the two differ both
    ways, and which score was replaced."""
    own = kit_for(exercise, tmp_path / "a.dtkit")
    fill(own, 0, {("bi-thu", "nam-tinh-hinh"): "2"})
    copy = tmp_path / "usb" / "a.dtkit"
    copy.parent.mkdir()
    shutil.copy(own, copy)
    fill(own, 5, {("cong-an", "vay-bat"): "4"})  # the observer goes on in his own
    fill(copy, 10, {("bi-thu", "nam-tinh-hinh"): "1"})  # and somebody changes the copy
    first, second = (copy, own) if copy_first else (own, copy)
    assert BOTH_WAYS not in run("merge", exercise, first).stdout
    told = run("merge", exercise, second)
    assert told.returncode == 0
    assert BOTH_WAYS in told.stdout and "check with the observer" in told.stdout
    with ExerciseFile.open(exercise, readonly=True) as ex:
        scores = {(s.post_id, s.criterion_id): str(s.value) for s in ex.scores()}
    assert scores == {("bi-thu", "nam-tinh-hinh"): "1", ("cong-an", "vay-bat"): "4"}


def test_an_older_copy_of_the_kit_is_not_told_as_two_copies(exercise, tmp_path):
    own = kit_for(exercise, tmp_path / "a.dtkit")
    fill(own, 0, {("bi-thu", "nam-tinh-hinh"): "2"})
    old = tmp_path / "ban-sao-0001.dtkit"
    shutil.copy(own, old)
    fill(own, 5, {("bi-thu", "nam-tinh-hinh"): "1.5", ("cong-an", "vay-bat"): "4"})
    assert run("merge", exercise, own).returncode == 0
    late = run("merge", exercise, old)
    assert late.returncode == 0 and BOTH_WAYS not in late.stdout
    assert "older than what the observer entered later" in late.stdout


def test_scores_the_directing_staff_took_back_are_told_when_the_kit_comes_again(
        exercise, tmp_path):
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, {("bi-thu", "nam-tinh-hinh"): "2", ("bi-thu", "xu-tri"): "3",
                  ("cong-an", "vay-bat"): "4"})
    assert run("merge", exercise, kit).returncode == 0
    taken = run("withdraw-scores", exercise, "--observer", OBSERVER, "--post", "bi-thu")
    assert taken.returncode == 0, taken.stderr
    again = run("merge", exercise, kit)
    assert again.returncode == 0
    assert "3 unchanged" in again.stdout
    assert ("2 of the unchanged stay as the directing staff corrected or took them back: "
            "bi-thu/nam-tinh-hinh 2, bi-thu/xu-tri 3") in again.stdout


def test_a_kit_of_an_observer_known_without_his_rank_is_told(exercise, tmp_path):
    """Scores typed from paper under "Lê Văn Tám", then his kit made for "Thượng tá Lê Văn
    Tám": two observers now, and the director is told they may be one."""
    paper = tmp_path / "giay.csv"
    paper.write_text("observer,post,criterion,score\nLê Văn Tám,bi-thu,xu-tri,2\n",
                     encoding="utf-8")
    assert run("import-scores", exercise, paper).returncode == 0
    with ExerciseFile.open(exercise) as ex:
        from dientap_desktop.storage.kit import make_kit
        kit = make_kit(ex, "Thượng tá Lê Văn Tám", tmp_path / "tam.dtkit")
    fill(kit, 0, {("cong-an", "vay-bat"): "4"})
    told = run("merge", exercise, kit)
    assert told.returncode == 0
    assert ('observer "Thượng tá Lê Văn Tám" is new here and looks like "Lê Văn Tám"'
            in told.stdout)
    with ExerciseFile.open(exercise) as ex:  # the second time he is known: not told again
        again = merge_kits(ex, [kit])[0]
    assert again.looks_like is None
