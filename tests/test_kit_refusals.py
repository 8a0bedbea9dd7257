"""Untrusted kits: each damaged, foreign or altered kit is refused in plain lines (one, or one for
each bad value), nothing written."""

import os
import re
import shutil
import sqlite3

import pytest
from kit_support import content_digest, make_exercise, raw_sql, run_cli, scored_kit

from dientap_desktop.storage.kit import make_kit


@pytest.fixture
def setup(tmp_path):
    """An exercise, a good kit with scores and a note, and a digest of the exercise."""
    ex = make_exercise(tmp_path / "ex.dientap")
    good = scored_kit(ex, tmp_path / "good.dtkit")
    ex.close()
    return tmp_path / "ex.dientap", good


def _bad(tmp_path, good, name):
    bad = tmp_path / name
    shutil.copy(good, bad)
    return bad


def _truncated(tmp_path, good):
    bad = _bad(tmp_path, good, "bad.dtkit")
    data = good.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    return bad


def _random_bytes(tmp_path, good):
    bad = tmp_path / "bad.dtkit"
    bad.write_bytes(os.urandom(8192))
    return bad


def _random_after_header(tmp_path, good):
    bad = tmp_path / "bad.dtkit"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    return bad


def _empty(tmp_path, good):
    bad = tmp_path / "bad.dtkit"
    bad.write_bytes(b"")
    return bad


def _other_exercise(tmp_path, good):
    other = make_exercise(tmp_path / "other.dientap", name="Cuộc khác")
    bad = make_kit(other, "A", tmp_path / "bad.dtkit", ["cong-an"])
    other.close()
    return bad


def _other_exercise_and_scenario(tmp_path, good):
    """A kit of another exercise run from another scenario: told as another exercise's (the
    reason), not as a kit whose scenario does not match (what follows from it)."""
    from dientap_desktop.domain.scenario_loader import find_scenario
    from dientap_desktop.storage.exercise_file import ExerciseFile

    scenario = find_scenario("giai-tan-bao-loan")
    with ExerciseFile.create(tmp_path / "other.dientap", scenario, name="Cuộc khác") as other:
        return make_kit(other, "A", tmp_path / "bad.dtkit", [scenario.posts[0].id])


def _exercise_file(tmp_path, good):
    return tmp_path / "ex.dientap"


def _sql(*statements):
    def change(tmp_path, good):
        bad = _bad(tmp_path, good, "bad.dtkit")
        raw_sql(bad, *statements)
        return bad

    return change


CASES = {
    "truncated": (_truncated, "damaged|cannot be opened|not an observer kit"),
    "random bytes": (_random_bytes, "not an observer kit"),
    "random bytes after the header": (_random_after_header, "damaged|cannot be opened"),
    "empty file": (_empty, "not an observer kit"),
    "missing file": (lambda t, g: t / "nope.dtkit", "no such file"),
    "another exercise": (_other_exercise, "belongs to another exercise"),
    "another exercise of another scenario": (_other_exercise_and_scenario,
                                             "belongs to another exercise \\(«Cuộc khác»"),
    "an exercise file": (_exercise_file, "exercise file, not an observer kit"),
    "score over the maximum": (
        _sql("UPDATE scores SET value = '4' WHERE criterion_id = 'nam-tinh-hinh'"),
        'over the maximum 2 of criterion "nam-tinh-hinh"'),
    "negative score": (_sql("UPDATE scores SET value = '-1' WHERE criterion_id = 'xu-tri'"),
                       "below 0"),
    "score not a number": (_sql("UPDATE scores SET value = 'nan' WHERE criterion_id = 'xu-tri'"),
                           "not a number"),
    "score as a blob": (_sql("UPDATE scores SET value = x'3132' WHERE criterion_id = 'xu-tri'"),
                        "expected text, found bytes"),
    "score of a post not assigned": (
        _sql("INSERT INTO scores VALUES ('chu-tich', 'xu-tri', '1', '', 'x', 'x')"),
        'unknown post "chu-tich"'),
    "unknown criterion": (_sql("UPDATE scores SET criterion_id = 'bay' WHERE value = '2' "
                               "AND criterion_id = 'xu-tri'"), 'unknown criterion "bay"'),
    "criterion of another post": (
        _sql("INSERT INTO posts VALUES ('bi-thu', 0, '', '', '')",
             "INSERT INTO scores VALUES ('bi-thu', 'vay-bat', '1', '', 'x', 'x')"),
        "does not apply"),
    "unknown post assigned": (_sql("INSERT INTO posts VALUES ('ma', 9, '', '', '')"),
                              'unknown post "ma"'),
    "unknown note kind": (_sql("PRAGMA ignore_check_constraints = ON",
                               "UPDATE notes SET kind = 'opinion'"), 'unknown kind "opinion"'),
    "empty note": (_sql("UPDATE notes SET text = '   '"), "empty"),
    "note on an unknown inject": (_sql("UPDATE notes SET inject_id = 'th-99'"),
                                  'unknown inject "th-99"'),
    "two exercise rows": (_sql("INSERT INTO kit SELECT 'x' || id, exercise_id, exercise_name, "
                               "place, date, scenario_id, status, observer, created_at, "
                               "app_version FROM kit"), "one exercise"),
    "no observer": (_sql("UPDATE kit SET observer = ' '"), "kit.observer: empty"),
    "bad status": (_sql("UPDATE kit SET status = 'won'"), 'unknown status "won"'),
    "table missing": (_sql("DROP TABLE score_history"), "missing: table score_history"),
    "table as a view": (_sql("ALTER TABLE notes RENAME TO old_notes",
                             "CREATE VIEW notes AS SELECT * FROM old_notes"),
                        "missing: table notes"),
    "column missing": (_sql("ALTER TABLE scores DROP COLUMN comment"),
                       "missing: table scores"),
    "table as a virtual table": (_sql(
        "ALTER TABLE scores RENAME TO old_scores",
        "CREATE VIRTUAL TABLE scores USING fts5(post_id, criterion_id, value, comment, "
        "updated_at, source)",
        "INSERT INTO scores SELECT post_id, criterion_id, value, comment, updated_at, source "
        "FROM old_scores"), "missing: table scores"),
    "a score given twice": (_sql(
        "CREATE TABLE loose AS SELECT * FROM scores", "DROP TABLE scores",
        "ALTER TABLE loose RENAME TO scores",
        "INSERT INTO scores SELECT post_id, criterion_id, '0', comment, updated_at, source "
        "FROM scores"), "given twice"),
    "score stored as a number": (_sql(  # in a table without the column's TEXT affinity
        "CREATE TABLE loose (post_id, criterion_id, value, comment, updated_at, source)",
        "INSERT INTO loose SELECT * FROM scores", "DROP TABLE scores",
        "ALTER TABLE loose RENAME TO scores", "UPDATE scores SET value = 2"),
        "expected text, found int"),
    "newer kit version": (_sql("PRAGMA user_version = 3"), "newer version of dientap"),
    "version zero": (_sql("PRAGMA user_version = 0"), "not a valid observer kit"),
    "another program's database": (_sql("PRAGMA application_id = 1234"),
                                   "another program's database"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_kit_is_refused_and_nothing_changes(setup, tmp_path, capsys, case):
    exercise_path, good = setup
    make_bad, reason = CASES[case]
    bad = make_bad(tmp_path, good)
    before = content_digest(exercise_path)
    code, out, err = run_cli(capsys, "merge", exercise_path, bad)
    assert code == 1 and "Traceback" not in err
    lines = err.splitlines()  # one, or one for each bad value
    assert lines and all(line.startswith(f"{bad}: ") and re.search(reason, line)
                         for line in lines), err
    assert content_digest(exercise_path) == before


def test_good_kits_in_the_same_call_still_merge(setup, tmp_path, capsys):
    exercise_path, good = setup
    bad = _sql("DROP TABLE notes")(tmp_path, good)
    noise = tmp_path / "noise.dtkit"
    noise.write_bytes(os.urandom(4096))
    code, out, err = run_cli(capsys, "merge", exercise_path, bad, good, noise)
    assert code == 1
    assert len(err.splitlines()) == 2
    assert f'{good}: merged, observer "A": 3 scores added, 0 replaced, 0 unchanged; 1 notes added' \
        in out
    from dientap_desktop.storage.exercise_file import ExerciseFile

    with ExerciseFile.open(exercise_path) as ex:
        assert len(ex.scores()) == 3 and len(ex.notes()) == 1


EXTRAS = {
    "trigger": ("CREATE TABLE seen (x)",
                "CREATE TRIGGER t AFTER INSERT ON scores BEGIN INSERT INTO seen VALUES (1); END",
                "CREATE TRIGGER u AFTER UPDATE ON kit BEGIN DELETE FROM scores; END"),
    "view": ("CREATE VIEW scores_view AS SELECT * FROM scores",),
    "table": ("CREATE TABLE extra (x)", "INSERT INTO extra VALUES ('rác')"),
    "index": ("CREATE INDEX by_value ON scores (value)",),
    "column": ("ALTER TABLE scores ADD COLUMN evil TEXT DEFAULT 'x'",
               "ALTER TABLE notes ADD COLUMN extra INTEGER"),
    "statistics": ("ANALYZE",),
}


def test_what_was_added_to_a_kit_is_not_read_and_the_kit_still_merges(setup, tmp_path, capsys):
    """Only the known tables and columns are read: a table, column, index, view or trigger
    added to a kit is left alone, nothing of it runs, and the kit's scores merge as they are."""
    exercise_path, good = setup
    added = []
    for n, statements in enumerate(EXTRAS.values()):
        kit = tmp_path / f"added-{n}.dtkit"
        shutil.copy(good, kit)
        raw_sql(kit, *statements)
        added.append(kit)
    before = [content_digest(kit) for kit in added]
    code, out, err = run_cli(capsys, "merge", exercise_path, *added)
    assert (code, err) == (0, ""), err
    assert out.count("merged") == len(added)
    assert [content_digest(kit) for kit in added] == before
    from dientap_desktop.storage.exercise_file import ExerciseFile

    with ExerciseFile.open(exercise_path) as ex:
        assert len(ex.scores()) == 3 and len(ex.notes()) == 1
    conn = sqlite3.connect(added[0])
    assert conn.execute("SELECT count(*) FROM seen").fetchone()[0] == 0
    conn.close()


def test_a_kit_with_something_added_is_not_written(setup, tmp_path, capsys):
    """Writing into a kit would run a trigger added to it: such a kit is read, never written."""
    exercise_path, good = setup
    kit = tmp_path / "added.dtkit"
    shutil.copy(good, kit)
    raw_sql(kit, *EXTRAS["trigger"])
    before = content_digest(kit)
    sheet = tmp_path / "s.csv"
    sheet.write_text("observer,post,criterion,score\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "import-scores", kit, sheet)
    assert code == 1 and "structure was altered (unknown: " in err and "trigger t" in err
    assert content_digest(kit) == before
    code, out, err = run_cli(capsys, "info", kit)
    assert (code, err) == (0, "")


def test_kit_on_a_read_only_medium_still_merges(setup, tmp_path, capsys):
    exercise_path, good = setup
    os.chmod(good, 0o444)
    os.chmod(tmp_path, 0o555)
    try:
        code, out, err = run_cli(capsys, "merge", exercise_path, good)
    finally:
        os.chmod(tmp_path, 0o755)
    assert (code, err) == (0, "")


@pytest.mark.parametrize("command", ["info", "import-scores"])
def test_a_bad_file_named_as_a_kit_is_told_as_a_kit(tmp_path, capsys, command):
    bad = tmp_path / "lost.dtkit"
    bad.write_bytes(os.urandom(512))
    csv = tmp_path / "s.csv"
    csv.write_text("observer,post,criterion,score\n", encoding="utf-8")
    args = [bad] if command == "info" else [bad, csv]
    code, out, err = run_cli(capsys, command, *args)
    assert (code, out) == (1, "")
    assert err == f"{bad}: not an observer kit (not an SQLite database)\n"
