"""A command refused on an exercise file of an older version leaves it as it was: not upgraded,
no backup copy made; a command that goes through upgrades it, after its backup copy."""

import hashlib
import sqlite3

from dientap_desktop.storage.schema import SCHEMA_VERSION
from tests.kit_support import make_exercise, raw_sql, run_cli, scored_kit


def older_exercise(tmp_path):
    """An exercise file as the last version of the program wrote it (version 6), with a
    kit of observer A ready to merge."""
    path = tmp_path / "cu.dientap"
    exercise = make_exercise(path)
    kit = scored_kit(exercise, tmp_path / "a.dtkit")
    exercise.close()
    raw_sql(path, "ALTER TABLE notes DROP COLUMN withdrawn_at",
            "DELETE FROM _sqlite_migrations WHERE name = '0007_withdrawn_notes'",
            "PRAGMA user_version = 6")
    return path, kit


def version(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_refused_commands_leave_an_older_file_as_it_was(tmp_path, capsys):
    path, kit = older_exercise(tmp_path)
    bad_csv = tmp_path / "diem.csv"
    bad_csv.write_text("observer,post,criterion,score\nB,bi-thu,xu-tri,9\n", "utf-8")
    not_a_kit = tmp_path / "khong-phai.dtkit"
    not_a_kit.write_text("không phải bộ phiếu", "utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for args, said in (
            (("import-scores", path, bad_csv), "over the maximum"),
            (("merge", path, not_a_kit), "khong-phai.dtkit"),
            (("withdraw-scores", path, "--observer", "Không Có", "--post", "bi-thu"),
             "no observer"),
            (("withdraw-note", path, "9"), "no note 9")):
        code, _out, err = run_cli(capsys, *args)
        assert code == 1 and said in err, (args, err)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before, args
        assert version(path) == 6
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("cu.")) \
            == ["cu.dientap"], args  # no backup copy, no -wal left
    # One good kit among bad ones merges: the file is upgraded, its old version kept aside.
    code, out, err = run_cli(capsys, "merge", path, not_a_kit, kit)
    assert code == 1 and 'observer "A"' in out and "khong-phai.dtkit" in err
    assert version(path) == SCHEMA_VERSION
    assert version(tmp_path / "cu.dientap.v6.bak") == 6
