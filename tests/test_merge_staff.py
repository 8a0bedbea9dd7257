"""What the directing staff typed in, corrected or took back stands against a kit's entry made
before it, and gives way to one made after it: the latest act wins, as between two kits."""

from kit_support import make_exercise
from test_merge_idempotence import OBSERVER, at, counts, current, fill, kit_for

from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.storage.kit import KitFile
from dientap_desktop.storage.merge import merge_kits

KEY = ("bi-thu", "xu-tri")


def merge(exercise_path, *kits):
    with ExerciseFile.open(exercise_path, now=at(60)) as ex:
        return merge_kits(ex, kits)


def merged_once(tmp_path):
    """A kit merged: xu-tri 3 entered at minute 0."""
    exercise = tmp_path / "e.dientap"
    make_exercise(exercise).close()
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, {("bi-thu", "nam-tinh-hinh"): "2", KEY: "3"})
    merge(exercise, kit)
    return exercise, kit


def staff(exercise, minutes, value):
    """The directing staff corrects (or, with None, takes back) xu-tri at that minute."""
    with ExerciseFile.open(exercise, now=at(minutes)) as ex:
        ex.observer_scores(OBSERVER).set_score(*KEY, value)


def test_a_kit_entry_made_before_the_staffs_correction_is_kept_out_and_said(tmp_path):
    exercise, kit = merged_once(tmp_path)
    fill(kit, 10, {KEY: "1.5"})  # changed in the kit, not yet merged
    staff(exercise, 20, "2.5")  # corrected in the exercise afterwards
    [result] = merge(exercise, kit)
    assert current(exercise)[KEY] == "5/2"
    assert result.changes.replaced == 0 and result.kept_for_staff == (("bi-thu", "xu-tri", "1.5"),)
    assert "1 scores entered before the directing staff corrected or took them back kept " \
        "out: bi-thu/xu-tri 1.5" in result.summary()
    with ExerciseFile.open(exercise, readonly=True) as ex:
        assert ("giữ nguyên 2 điểm (trong đó 1 điểm nhập trong bộ phiếu trước khi tổ đạo diễn "
                "sửa hoặc rút, không dùng: Bí thư Đảng ủy phường, nội dung 2: 1,5)"
                in ex.log()[-1].summary)  # named, as the log names a score
    before = counts(exercise)
    [again] = merge(exercise, kit)  # the same kit again: nothing, not even the log
    assert again.kept_for_staff == () and counts(exercise) == before
    fill(kit, 30, {KEY: "1"})  # changed in the kit after the correction: it comes in
    [later] = merge(exercise, kit)
    assert later.changes.replaced == 1 and current(exercise)[KEY] == "1"


def test_a_kit_entry_made_after_the_staffs_correction_replaces_it(tmp_path):
    exercise, kit = merged_once(tmp_path)
    staff(exercise, 10, "2.5")
    fill(kit, 20, {KEY: "1.5"})
    [result] = merge(exercise, kit)
    assert result.changes.replaced == 1 and current(exercise)[KEY] == "3/2"


def test_a_score_the_staff_took_back_comes_back_only_by_a_later_entry(tmp_path):
    exercise, kit = merged_once(tmp_path)
    fill(kit, 10, {KEY: "1.5"})
    staff(exercise, 20, None)  # taken back after the kit's entry
    [result] = merge(exercise, kit)
    assert KEY not in current(exercise) and len(result.kept_for_staff) == 1
    fill(kit, 30, {KEY: "1"})
    merge(exercise, kit)
    assert current(exercise)[KEY] == "1"


def test_a_kit_taking_back_made_after_the_staffs_correction_takes_it_back(tmp_path):
    exercise, kit = merged_once(tmp_path)
    staff(exercise, 10, "2.5")
    with KitFile.open(kit, now=at(20)) as opened:
        opened.set_score(*KEY, None)
    [result] = merge(exercise, kit)
    assert result.scores_withdrawn == 1 and result.withdrawals_kept == 0
    assert KEY not in current(exercise)
    with ExerciseFile.open(exercise, readonly=True) as ex:
        [line] = [e for e in ex.log() if e.action == "withdraw_score" and e.at > at(15)()]
        assert line.summary.startswith(f"{OBSERVER} rút điểm")  # the observer's act, in the kit


def test_a_paper_sheet_typed_in_after_the_kits_entries_stands_at_the_first_merge(tmp_path):
    exercise = tmp_path / "e.dientap"
    make_exercise(exercise).close()
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, {("bi-thu", "nam-tinh-hinh"): "2", KEY: "3"})
    staff(exercise, 10, "2")  # typed in from the observer's paper sheet
    [result] = merge(exercise, kit)
    assert result.changes.added == 1 and len(result.kept_for_staff) == 1
    assert current(exercise) == {("bi-thu", "nam-tinh-hinh"): "2", KEY: "2"}


def test_a_staffs_entry_equal_to_the_kits_is_not_told_as_kept_out(tmp_path):
    exercise = tmp_path / "e.dientap"
    make_exercise(exercise).close()
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, {KEY: "3"})
    staff(exercise, 10, "3")
    [result] = merge(exercise, kit)
    assert result.kept_for_staff == () and result.changes.unchanged == 1
    assert "kept out" not in result.summary()


def test_a_score_taken_back_in_the_kit_and_then_by_the_staff_is_not_said_kept(tmp_path):
    exercise, kit = merged_once(tmp_path)
    with KitFile.open(kit, now=at(10)) as opened:
        opened.set_score(*KEY, None)
    staff(exercise, 20, None)
    before = counts(exercise)
    [result] = merge(exercise, kit)
    assert result.withdrawals_kept == 0 and "kept" not in result.summary()
    assert KEY not in current(exercise)
    [again] = merge(exercise, kit)
    assert again.withdrawals_kept == 0 and counts(exercise)[0] == before[0]  # no history
