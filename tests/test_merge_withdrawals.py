"""What an observer takes back in a kit is taken back in the exercise when the kit is merged
again: a score taken back, a note deleted (a corrected note is deleted and written anew). Each
stays in the file's history; a correction made in the exercise since, an older copy of the kit
and a later entry in another kit are left alone."""

import shutil
import sqlite3

from kit_support import make_exercise, raw_sql
from test_merge_idempotence import OBSERVER, at, counts, current, fill, kit_for

from dientap_desktop.domain.snapshot import ExerciseSnapshot
from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.storage.kit import KitFile
from dientap_desktop.storage.merge import merge_kits
from dientap_desktop.storage.schema import SCHEMA_VERSION

SCORED = {("bi-thu", "nam-tinh-hinh"): "2", ("bi-thu", "xu-tri"): "3"}


def merge(exercise_path, *kits):
    with ExerciseFile.open(exercise_path) as ex:
        return merge_kits(ex, kits)


def first_merge(tmp_path):
    exercise = tmp_path / "e.dientap"
    make_exercise(exercise).close()
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, SCORED, note="Phối hợp tốt")
    [result] = merge(exercise, kit)
    assert result.merged and result.changes.added == 2 and result.notes_added == 1
    return exercise, kit


def test_a_score_taken_back_in_the_kit_is_taken_back_at_the_next_merge(tmp_path):
    exercise, kit = first_merge(tmp_path)
    with KitFile.open(kit, now=at(5)) as opened:
        opened.set_score("bi-thu", "xu-tri", None)
    [result] = merge(exercise, kit)
    assert result.scores_withdrawn == 1 and "1 scores withdrawn as in the kit" in result.summary()
    assert current(exercise) == {("bi-thu", "nam-tinh-hinh"): "2"}
    with ExerciseFile.open(exercise, readonly=True) as ex:
        [(old, _)] = ex.score_history()
        assert (old.post_id, old.criterion_id, str(old.value)) == ("bi-thu", "xu-tri", "3")
        [line] = [e for e in ex.log() if e.action == "withdraw_score"]
        assert "rút điểm" in line.summary and line.data["old"] == "3"
    before = counts(exercise)
    [again] = merge(exercise, kit)  # idempotent: nothing more, not even the log
    assert again.scores_withdrawn == 0 and counts(exercise) == before
    with KitFile.open(kit, now=at(9)) as opened:  # given again later: it comes back
        opened.set_score("bi-thu", "xu-tri", "1")
    [back] = merge(exercise, kit)
    assert back.changes.added == 1 and current(exercise)[("bi-thu", "xu-tri")] == "1"


def test_a_note_corrected_in_the_kit_is_printed_once(tmp_path):
    exercise, kit = first_merge(tmp_path)
    with KitFile.open(kit, now=at(5)) as opened:
        [note] = opened.notes()
        opened.delete_note(note.id)
        opened.add_note("strength", "Phối hợp rất tốt", inject_id="th-01")
    [result] = merge(exercise, kit)
    assert result.notes_added == 1 and result.notes_withdrawn == 1
    with ExerciseFile.open(exercise, readonly=True) as ex:
        assert [n.text for n in ex.notes()] == ["Phối hợp rất tốt"]
        snapshot: ExerciseSnapshot = ex.snapshot()
        assert [n.text for n in snapshot.notes] == ["Phối hợp rất tốt"]  # what the AAR prints
        [line] = [e for e in ex.log() if e.action == "withdraw_note"]
        assert line.summary == f"{OBSERVER} rút nhận xét: Phối hợp tốt"
    conn = sqlite3.connect(exercise)  # the withdrawn note is still in the file
    assert conn.execute("SELECT text FROM notes WHERE withdrawn_at IS NOT NULL").fetchall() == [
        ("Phối hợp tốt",)]
    conn.close()
    before = counts(exercise)
    [again] = merge(exercise, kit)
    assert (again.notes_added, again.notes_withdrawn) == (0, 0) and counts(exercise) == before


def test_a_correction_made_in_the_exercise_stays_when_the_kit_takes_its_score_back(tmp_path):
    exercise, kit = first_merge(tmp_path)
    with KitFile.open(kit, now=at(5)) as opened:
        opened.set_score("bi-thu", "xu-tri", None)
    with ExerciseFile.open(exercise, now=at(7)) as ex:  # typed in from the paper sheet since
        ex.set_score(OBSERVER, "bi-thu", "xu-tri", "1", source="csv:giay.csv")
    [result] = merge(exercise, kit)
    assert result.scores_withdrawn == 0 and current(exercise)[("bi-thu", "xu-tri")] == "1"
    assert result.withdrawals_kept == 1  # and said so
    assert "1 scores taken back in the kit kept: corrected in the exercise since" in \
        result.summary()


def test_the_newest_copy_merged_first_keeps_an_older_copy_from_bringing_back_what_it_took(
        tmp_path):
    exercise = tmp_path / "e.dientap"
    make_exercise(exercise).close()
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, SCORED, note="ghi nhầm")
    older = shutil.copy(kit, tmp_path / "older.dtkit")
    with KitFile.open(kit, now=at(5)) as opened:
        opened.set_score("bi-thu", "xu-tri", None)
        opened.delete_note(opened.notes()[0].id)
    merge(exercise, kit)
    [old] = merge(exercise, older)
    assert old.changes.added == 0 and old.changes.superseded == 1
    assert current(exercise) == {("bi-thu", "nam-tinh-hinh"): "2"}
    with ExerciseFile.open(exercise, readonly=True) as ex:
        assert ex.notes() == []


def test_a_copy_that_took_a_score_back_before_it_was_given_again_takes_nothing(tmp_path):
    exercise, kit = first_merge(tmp_path)
    with KitFile.open(kit, now=at(5)) as opened:
        opened.set_score("bi-thu", "xu-tri", None)
    cleared = shutil.copy(kit, tmp_path / "cleared.dtkit")
    with KitFile.open(kit, now=at(8)) as opened:
        opened.set_score("bi-thu", "xu-tri", "3")  # the same value, typed again
    merge(exercise, kit)
    [old] = merge(exercise, cleared)
    assert old.scores_withdrawn == 0 and current(exercise)[("bi-thu", "xu-tri")] == "3"


def test_of_two_kits_of_one_observer_the_latest_act_wins_in_either_order(tmp_path):
    """Entered in one kit, then taken back in the other: no score, whichever is merged first."""
    endings = []
    for order in ("first-then-second", "second-then-first"):
        folder = tmp_path / order
        folder.mkdir()
        exercise, first = first_merge(folder)  # xu-tri 3 entered at 0
        second = kit_for(exercise, folder / "b.dtkit", posts=["bi-thu"])
        fill(second, 3, {("bi-thu", "xu-tri"): "1.5"})
        with KitFile.open(first, now=at(6)) as opened:  # the latest act: taken back
            opened.set_score("bi-thu", "xu-tri", None)
        kits = (first, second) if order == "first-then-second" else (second, first)
        for kit in kits:
            merge(exercise, kit)
        endings.append(current(exercise).get(("bi-thu", "xu-tri")))
    assert endings == [None, None]


def test_the_log_shows_a_score_given_again_after_it_was_taken_back(tmp_path):
    from dientap_desktop.reports.history import _first_scores

    exercise, kit = first_merge(tmp_path)
    with KitFile.open(kit, now=at(5)) as opened:
        opened.set_score("bi-thu", "xu-tri", None)
    merge(exercise, kit)
    with KitFile.open(kit, now=at(8)) as opened:
        opened.set_score("bi-thu", "xu-tri", "0.5")
    merge(exercise, kit)
    with ExerciseFile.open(exercise, readonly=True) as ex:
        log = ex.log()
    scores = [e for e in log if e.action == "score" and e.data["criterion"] == "xu-tri"]
    assert [e.data["new"] for e in scores] == ["3", "0.5"]
    first = _first_scores(log)
    assert scores[0].id in first and scores[1].id not in first  # the log PDF prints the return


def test_an_older_copy_of_the_kit_takes_nothing_back_and_brings_nothing_back(tmp_path):
    exercise = tmp_path / "e.dientap"
    make_exercise(exercise).close()
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, {("bi-thu", "nam-tinh-hinh"): "2"})
    before_score = shutil.copy(kit, tmp_path / "before-score.dtkit")  # made before xu-tri
    fill(kit, 3, {("bi-thu", "xu-tri"): "3"}, note="Phối hợp tốt")
    holding = shutil.copy(kit, tmp_path / "holding.dtkit")  # holds xu-tri and the note
    merge(exercise, kit)
    merge(exercise, before_score)  # lacks xu-tri and the note: older, not a taking back
    assert current(exercise)[("bi-thu", "xu-tri")] == "3"
    with ExerciseFile.open(exercise, readonly=True) as ex:
        assert len(ex.notes()) == 1
    with KitFile.open(kit, now=at(6)) as opened:
        opened.set_score("bi-thu", "xu-tri", None)
        opened.delete_note(opened.notes()[0].id)
    [taken] = merge(exercise, kit)
    assert (taken.scores_withdrawn, taken.notes_withdrawn) == (1, 1)
    [old] = merge(exercise, holding)  # the copy from before the taking back brings nothing
    assert old.merged and old.changes.added == 0 and old.notes_added == 0
    assert ("bi-thu", "xu-tri") not in current(exercise)
    with ExerciseFile.open(exercise, readonly=True) as ex:
        assert ex.notes() == []


def test_a_later_entry_in_another_kit_of_the_observer_is_not_taken_back(tmp_path):
    exercise, kit = first_merge(tmp_path)
    other = kit_for(exercise, tmp_path / "b.dtkit", posts=["bi-thu"])
    fill(other, 10, {("bi-thu", "xu-tri"): "1.5"})
    with KitFile.open(kit, now=at(5)) as opened:  # taken back before the other kit's entry
        opened.set_score("bi-thu", "xu-tri", None)
    merge(exercise, other, kit)
    assert current(exercise)[("bi-thu", "xu-tri")] == "3/2"


def test_a_kit_of_the_earlier_version_reads_and_is_upgraded_when_a_note_is_deleted(tmp_path):
    exercise, kit = first_merge(tmp_path)
    raw_sql(kit, "DROP TABLE withdrawn_notes", "PRAGMA user_version = 1")  # as made before
    [again] = merge(exercise, kit)
    assert again.merged and again.notes_withdrawn == 0
    with KitFile.open(kit, now=at(5)) as opened:
        opened.delete_note(opened.notes()[0].id)
    conn = sqlite3.connect(kit)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT text FROM withdrawn_notes").fetchall() == [("Phối hợp tốt",)]
    conn.close()
    [taken] = merge(exercise, kit)
    assert taken.notes_withdrawn == 1


def test_an_exercise_file_of_version_6_reads_its_notes_without_upgrading(tmp_path):
    exercise, _kit = first_merge(tmp_path)
    raw_sql(exercise, "ALTER TABLE notes DROP COLUMN withdrawn_at",
            "DELETE FROM _sqlite_migrations WHERE name = '0007_withdrawn_notes'",
            "PRAGMA user_version = 6")
    with ExerciseFile.open(exercise, readonly=True) as ex:
        assert [n.text for n in ex.notes()] == ["Phối hợp tốt"]
    with ExerciseFile.open(exercise) as ex:  # upgraded on writing
        assert ex.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [n.text for n in ex.notes()] == ["Phối hợp tốt"]
