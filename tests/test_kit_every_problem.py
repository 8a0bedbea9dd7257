"""A kit with several bad values is refused with every one of them told, a line each (up to
twenty, then how many more), on the command line and in the window's merge dialog; nothing of
it is written."""

import dataclasses

import pytest
from kit_support import content_digest, make_exercise, raw_sql, run_cli, scored_kit
from PySide6.QtCore import Qt

from dientap_desktop.domain.records import Note
from dientap_desktop.domain.score_csv import format_score
from dientap_desktop.storage.database import MAX_PROBLEMS, FileProblems


@pytest.fixture
def setup(tmp_path):
    """An exercise and observer A's kit of post cong-an, every score in it 99 (over every
    criterion's maximum); the maximum of each criterion of cong-an, as messages write it."""
    ex = make_exercise(tmp_path / "ex.dientap")
    criteria = {c.id: format_score(c.max) for c in ex.scenario.criteria_for("cong-an")}
    kit = scored_kit(ex, tmp_path / "a.dtkit")
    ex.close()
    raw_sql(kit, "UPDATE scores SET value = '99'")
    return tmp_path / "ex.dientap", kit, criteria


def test_every_bad_score_is_told_on_its_line_and_nothing_is_written(setup, capsys):
    path, kit, criteria = setup
    assert len(criteria) >= 3
    before = content_digest(path)
    code, out, err = run_cli(capsys, "merge", path, kit)
    assert code == 1 and "merged" not in out
    lines = err.splitlines()
    assert sorted(lines) == sorted(
        f'{kit}: score of criterion "{c}" for post "cong-an": score 99 is over the maximum '
        f'{most} of criterion "{c}"' for c, most in criteria.items())
    assert content_digest(path) == before
    code, _out, err = run_cli(capsys, "info", kit)  # the kit alone: the same lines
    assert code == 1 and sorted(err.splitlines()) == sorted(lines)


def test_past_twenty_problems_the_rest_are_counted(setup, capsys):
    path, kit, criteria = setup
    raw_sql(kit, *(f"INSERT INTO notes (id, kind, text, inject_id, created_at) VALUES "
                   f"('n{i:02}', 'weakness', 'Chậm', 'th-99', '2025-11-13T02:00:00+00:00')"
                   for i in range(30)))
    total = len(criteria) + 30
    before = content_digest(path)
    code, _out, err = run_cli(capsys, "merge", path, kit)
    lines = err.splitlines()
    assert code == 1 and len(lines) == MAX_PROBLEMS + 1
    assert lines[len(criteria)] == f'{kit}: note n00: unknown inject "th-99"'
    assert lines[-1] == f"{kit}: and {total - MAX_PROBLEMS} more problems like these"
    assert content_digest(path) == before


def test_check_kit_for_tells_every_note_that_does_not_fit(tmp_path):
    from dientap_desktop.storage.kit import read_kit
    from dientap_desktop.storage.merge import check_kit_for

    ex = make_exercise(tmp_path / "ex.dientap")
    kit = read_kit(scored_kit(ex, tmp_path / "a.dtkit"), scenario=ex.scenario)
    odd = dataclasses.replace(kit, notes=(Note("n1", "A", "weakness", "x", inject_id="th-99"),
                                          Note("n2", "A", "weakness", "y", post_id="p-zz")))
    with pytest.raises(FileProblems) as caught:
        check_kit_for(ex, odd, "a.dtkit")
    ex.close()
    assert caught.value.problems == ['a.dtkit: note n1: unknown inject "th-99"',
                                     'a.dtkit: note n2: unknown post "p-zz"']
    assert str(caught.value).splitlines() == caught.value.problems


def test_the_merge_dialog_shows_the_first_problem_and_every_one_when_pointed_at(qapp, setup):
    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.storage.merge import merge_kits
    from dientap_desktop.ui.kits import MergeResultsModel

    path, kit, criteria = setup
    with ExerciseFile.open(path) as ex:
        (result,) = merge_kits(ex, [kit])
    assert result.refused.count("\n") == len(criteria) - 1  # a line each, one string
    model = MergeResultsModel()
    model.add_results([result])
    cell = model.index(0, MergeResultsModel.RESULT)
    shown = cell.data()
    assert shown.startswith('Refused: score of criterion "') and "\n" not in shown
    assert shown.endswith(f" (and {len(criteria) - 1} more: point at it to read them all)")
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert all(f'score of criterion "{c}" for post "cong-an"' in tip for c in criteria)
    assert str(kit) not in tip  # each line told without the kit's path
    raw_sql(kit, *(f"INSERT INTO notes (id, kind, text, inject_id, created_at) VALUES "
                   f"('n{i:02}', 'weakness', 'Chậm', 'th-99', '2025-11-13T02:00:00+00:00')"
                   for i in range(30)))
    with ExerciseFile.open(path) as ex:
        (result,) = merge_kits(ex, [kit])
    model.add_results([result])  # under the first merge's
    shown = model.index(1, MergeResultsModel.RESULT).data()
    assert f"(and {len(criteria) + 30 - 1} more: " in shown  # those not told counted too


def test_each_problem_is_told_whole_in_vietnamese_without_the_kit_s_name(qapp, setup):
    """Where in the kit (the score of which criterion for which post) is told too: the row
    names the kit already."""
    from dientap_desktop.app import install_translations
    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.storage.merge import merge_kits
    from dientap_desktop.ui.kits import MergeResultsModel

    path, kit, criteria = setup
    with ExerciseFile.open(path) as ex:
        results = merge_kits(ex, [kit])
    install_translations(qapp, "vi")
    try:
        model = MergeResultsModel()
        model.add_results(results)
        tip = model.index(0, MergeResultsModel.RESULT).data(Qt.ItemDataRole.ToolTipRole)
    finally:
        install_translations(qapp, "en")
    lines = tip.removeprefix("Từ chối: ").splitlines()
    assert len(lines) == len(criteria)
    assert all(line.startswith('điểm tiêu chí "') and 'của cương vị "cong-an": điểm 99 vượt '
               'điểm tối đa' in line for line in lines), tip
