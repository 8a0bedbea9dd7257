"""Merging is idempotent per kit: a kit merged again brings only what its observer changed in it
since, a correction made in the exercise in between stays, and of two kits of one observer the
score entered later wins, whatever the order the kits are merged in."""

import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from contract_support import run
from kit_support import content_digest, make_exercise, raw_sql

from dientap_desktop.storage import schema
from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.storage.kit import KitFile, make_kit
from dientap_desktop.storage.merge import merge_kits

OBSERVER = "Đại tá A"
T0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def at(minutes: int):
    """A clock stopped `minutes` after T0, for the kits' entry times."""
    return lambda: T0 + timedelta(minutes=minutes)


def fill(kit_path, minutes: int, scores: dict, note: str | None = None) -> None:
    with KitFile.open(kit_path, now=at(minutes)) as kit:
        for (post, criterion), value in scores.items():
            kit.set_score(post, criterion, value)
        if note:
            kit.add_note("strength", note, inject_id="th-01")


def current(path) -> dict:
    with ExerciseFile.open(path, readonly=True) as ex:
        return {(s.post_id, s.criterion_id): str(s.value) for s in ex.scores()}


def counts(path) -> tuple[int, int, int]:
    """Score history rows, log lines and notes: what a merge that changes nothing leaves alone."""
    conn = sqlite3.connect(path)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("score_history", "log", "notes"))
    finally:
        conn.close()


@pytest.fixture
def exercise(tmp_path):
    path = tmp_path / "e.dientap"
    make_exercise(path).close()
    return path


def kit_for(exercise_path, out, posts=None):
    with ExerciseFile.open(exercise_path) as ex:
        return make_kit(ex, OBSERVER, out, posts)


def test_a_correction_made_after_a_merge_survives_merging_the_same_kit_again(exercise, tmp_path):
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, {("bi-thu", "nam-tinh-hinh"): "2", ("bi-thu", "xu-tri"): "3",
                  ("cong-an", "vay-bat"): "4"}, note="Phối hợp tốt")
    first = run("merge", exercise, kit)
    assert first.returncode == 0 and "3 scores added" in first.stdout
    fix = tmp_path / "fix.csv"
    fix.write_text("observer,post,criterion,score\n"
                   f"{OBSERVER},bi-thu,nam-tinh-hinh,1\n{OBSERVER},cong-an,vay-bat,2.5\n",
                   encoding="utf-8")
    assert run("import-scores", exercise, fix).returncode == 0
    before = counts(exercise)
    again = run("merge", exercise, kit)
    assert again.returncode == 0, again.stderr
    assert "0 scores added, 0 replaced, 3 unchanged; 0 notes added" in again.stdout
    assert current(exercise)[("bi-thu", "nam-tinh-hinh")] == "1"
    assert current(exercise)[("cong-an", "vay-bat")] == "5/2"
    assert counts(exercise) == before  # no history, no log line, no note

    # The observer changes one score in the kit afterwards (on the real clock, as the import
    # was): that one comes in, the rest stays.
    with KitFile.open(kit) as opened:
        opened.set_score("cong-an", "vay-bat", "3.5")
    third = run("merge", exercise, kit)
    assert "0 scores added, 1 replaced, 2 unchanged" in third.stdout
    assert current(exercise) == {("bi-thu", "nam-tinh-hinh"): "1", ("bi-thu", "xu-tri"): "3",
                                 ("cong-an", "vay-bat"): "7/2"}
    with ExerciseFile.open(exercise, readonly=True) as ex:
        old = [(s.criterion_id, str(s.value)) for s, _ in ex.score_history()]
    assert old[-1] == ("vay-bat", "5/2")  # the correction, kept in the history
    before = counts(exercise)
    assert "0 replaced, 3 unchanged" in run("merge", exercise, kit).stdout
    assert counts(exercise) == before


def two_kits(exercise, tmp_path):
    """Two kits of one observer: a2 was scored after a1, with other values."""
    a1 = kit_for(exercise, tmp_path / "a1.dtkit")
    a2 = kit_for(exercise, tmp_path / "a2.dtkit", ["bi-thu"])
    fill(a1, 0, {("bi-thu", "nam-tinh-hinh"): "2", ("bi-thu", "xu-tri"): "3",
                 ("chu-tich", "xu-tri"): "1"}, note="Từ bộ phiếu 1")
    fill(a2, 45, {("bi-thu", "nam-tinh-hinh"): "0.5", ("bi-thu", "xu-tri"): "3"},
         note="Từ bộ phiếu 2")
    return a1, a2


LATER_WINS = {("bi-thu", "nam-tinh-hinh"): "1/2", ("bi-thu", "xu-tri"): "3",
              ("chu-tich", "xu-tri"): "1"}


@pytest.mark.parametrize("order", [("a1", "a2"), ("a2", "a1")])
def test_two_kits_of_one_observer_the_later_score_wins_in_any_order_and_twice(
        exercise, tmp_path, order):
    kits = dict(zip(("a1", "a2"), two_kits(exercise, tmp_path), strict=True))
    paths = [kits[k] for k in order]
    first = run("merge", exercise, *paths)
    assert first.returncode == 0, first.stderr
    assert current(exercise) == LATER_WINS
    before = counts(exercise)
    assert before[2] == 2  # both kits' notes
    for again in (paths, paths[::-1]):
        second = run("merge", exercise, *again)
        assert second.returncode == 0, second.stderr
        assert second.stdout.count("0 scores added, 0 replaced") == 2
        assert "0 notes added" in second.stdout and "1 notes added" not in second.stdout
        assert current(exercise) == LATER_WINS
        assert counts(exercise) == before


def test_an_older_kit_changed_later_wins_then(exercise, tmp_path):
    a1, a2 = two_kits(exercise, tmp_path)
    run("merge", exercise, a1, a2)
    fill(a1, 90, {("bi-thu", "nam-tinh-hinh"): "1.5"})
    out = run("merge", exercise, a2, a1).stdout
    assert current(exercise)[("bi-thu", "nam-tinh-hinh")] == "3/2"
    assert "1 replaced" in out


def test_an_older_copy_of_a_kit_does_not_undo_its_newer_state(exercise, tmp_path):
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, {("bi-thu", "xu-tri"): "3"})
    old_copy = tmp_path / "a-old.dtkit"
    shutil.copy(kit, old_copy)
    fill(kit, 20, {("bi-thu", "xu-tri"): "2"})
    run("merge", exercise, kit)
    before = counts(exercise)
    out = run("merge", exercise, old_copy).stdout
    assert ("1 unchanged (1 of them older than what the observer entered later: "
            "bi-thu/xu-tri 3)") in out
    assert current(exercise)[("bi-thu", "xu-tri")] == "2"
    assert counts(exercise) == before


def test_a_correction_on_a_laptop_whose_clock_is_behind_is_not_taken_for_an_old_copy(
        exercise, tmp_path):
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 120, {("bi-thu", "xu-tri"): "3"})  # laptop 1, its clock fast
    run("merge", exercise, kit)
    fill(kit, 60, {("bi-thu", "xu-tri"): "1.5"})  # the kit moved to laptop 2, an hour behind
    out = run("merge", exercise, kit).stdout
    assert current(exercise)[("bi-thu", "xu-tri")] == "3/2"
    assert "1 replaced" in out and "older" not in out


def test_a_kit_with_an_entry_time_that_is_not_a_time_is_refused_whole(exercise, tmp_path):
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, {("bi-thu", "xu-tri"): "3"})
    raw_sql(kit, "UPDATE scores SET updated_at = 'yesterday'")
    result = run("merge", exercise, kit)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{kit}: ") and '"yesterday" is not a time' in result.stderr
    assert current(exercise) == {}


def downgrade_to_version_2(path) -> None:
    """Make a file as the previous program wrote it (schema version 2)."""
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE merged_kits;"
                       "ALTER TABLE exercise DROP COLUMN signer;"
                       "ALTER TABLE exercise DROP COLUMN superior;"
                       "DELETE FROM _sqlite_migrations WHERE name IN "
                       "('0003_merged_kits', '0004_signer', '0005_superior');"
                       "PRAGMA user_version = 2;")
    conn.close()


def test_a_correction_made_before_the_upgrade_survives_merging_an_old_kit_again(
        exercise, tmp_path):
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, {("bi-thu", "xu-tri"): "3", ("bi-thu", "nam-tinh-hinh"): "2"})
    run("merge", exercise, kit)
    csv = tmp_path / "sua.csv"
    csv.write_text(f"observer,post,criterion,score\n{OBSERVER},bi-thu,xu-tri,1.5\n",
                   encoding="utf-8")
    assert run("import-scores", exercise, csv).returncode == 0
    downgrade_to_version_2(exercise)  # as the previous version left it: no kit remembered
    out = run("merge", exercise, kit).stdout  # upgrades, then merges the same kit again
    assert current(exercise)[("bi-thu", "xu-tri")] == "3/2"  # the correction stays
    assert "0 replaced" in out and "2 unchanged" in out
    before = counts(exercise)
    assert "2 unchanged" in run("merge", exercise, kit).stdout
    assert counts(exercise) == before


def test_a_version_2_file_is_read_as_it_is_and_upgraded_with_a_backup_to_merge(exercise, tmp_path):
    kit = kit_for(exercise, tmp_path / "a.dtkit")
    fill(kit, 0, {("bi-thu", "xu-tri"): "3"})
    downgrade_to_version_2(exercise)
    before, digest = exercise.read_bytes(), content_digest(exercise)
    info = run("info", exercise, "--json")
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["counts"]["evaluations"] == 0
    assert exercise.read_bytes() == before
    assert run("merge", exercise, kit).returncode == 0
    assert content_digest(schema.backup_path(exercise, 2)) == digest
    with ExerciseFile.open(exercise) as ex:
        assert ex.db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        [again] = merge_kits(ex, [kit])
        assert (again.changes.added, again.changes.replaced, again.changes.unchanged) == (0, 0, 1)
