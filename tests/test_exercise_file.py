"""The exercise file: creation, durability settings, actions committed at once, history kept."""

import shutil
import sqlite3
import subprocess
import sys
from datetime import timedelta
from fractions import Fraction

import pytest

from dientap_desktop.storage import schema
from dientap_desktop.storage.database import FileProblem
from dientap_desktop.storage.exercise_file import ActionError, ExerciseFile, file_kind


def test_new_file_is_wal_with_foreign_keys_and_full_sync(exercise):
    assert exercise.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert exercise.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert exercise.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert file_kind(exercise.path) == "exercise"


def test_a_reopened_file_has_the_same_pragmas_before_and_after_its_first_write(exercise):
    exercise.close()
    with ExerciseFile.open(exercise.path) as reopened:
        pragmas = ("journal_mode", "synchronous", "foreign_keys", "recursive_triggers",
                   "busy_timeout", "trusted_schema")
        before = {p: reopened.conn.execute(f"PRAGMA {p}").fetchone()[0] for p in pragmas}
        assert before == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1,
                          "recursive_triggers": 1, "busy_timeout": 5000, "trusted_schema": 0}
        reopened.start()  # the first write wraps sqlite-utils around the same connection
        assert reopened.db.conn is reopened.conn
        assert {p: reopened.conn.execute(f"PRAGMA {p}").fetchone()[0] for p in pragmas} == before


def test_opening_and_reading_a_file_does_not_import_sqlite_utils(exercise):
    """sqlite-utils takes a tenth of a second to import: the window opens a file without it."""
    exercise.close()
    script = (
        "import sys\n"
        "from dientap_desktop.storage.exercise_file import ExerciseFile\n"
        f"ex = ExerciseFile.open({str(exercise.path)!r})\n"
        "ex.run_state(); ex.info; ex.roster(); ex.decisions(); ex.answer_times(); ex.log()\n"
        "assert 'sqlite_utils' not in sys.modules, 'read'\n"
        "ex.start()\n"
        "assert 'sqlite_utils' in sys.modules and ex.clock().status == 'running'\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_file_read_in_a_background_thread_opens_as_when_read_at_once(exercise, tmp_path):
    from dientap_desktop.storage.opening import Opening

    exercise.close()
    with ExerciseFile.open(exercise.path, opening=Opening(exercise.path)) as opened:
        assert opened.info.name == "Diễn tập thử"
        assert [i.id for i in opened.scenario.injects] == [i.id for i in exercise.scenario.injects]
        opened.start()
    bad = tmp_path / "bad.dientap"
    bad.write_bytes(b"not a database")
    for path in (bad, tmp_path / "missing.dientap"):
        with pytest.raises(FileProblem) as direct:
            ExerciseFile.open(path)
        with pytest.raises(FileProblem) as threaded:
            ExerciseFile.open(path, opening=Opening(path))
        assert str(threaded.value) == str(direct.value)


def test_schema_version_is_the_number_of_migrations():
    from dientap_desktop.storage.migrations import migrations

    assert schema.SCHEMA_VERSION == len(migrations._migrations)


def test_the_core_tables_are_those_of_the_first_migration():
    import sqlite_utils

    from dientap_desktop.storage.migrations import _initial

    db = sqlite_utils.Database(memory=True)
    _initial(db)
    assert set(db.table_names()) == schema.CORE_TABLES


@pytest.mark.parametrize("readonly", [False, True])
def test_a_file_with_a_table_dropped_by_hand_is_refused_unchanged(exercise, tmp_path, readonly):
    """Nothing is written into it (a CSV of scores went into such a file) nor upgraded."""
    exercise.close()
    with sqlite3.connect(exercise.path) as conn:
        conn.execute("DROP TABLE exercise")
    conn.close()
    before = exercise.path.read_bytes()
    with pytest.raises(FileProblem, match=r"damaged \(no such table: exercise\)"):
        ExerciseFile.open(exercise.path, readonly=readonly)
    assert exercise.path.read_bytes() == before


def test_scenario_is_frozen_into_the_file(exercise, hostage_scenario, tmp_path):
    copy = tmp_path / "moved.dientap"
    exercise.close()
    shutil.copy(exercise.path, copy)
    with ExerciseFile.open(copy) as reopened:
        assert reopened.scenario.id == hostage_scenario.id
        assert [i.id for i in reopened.scenario.injects] == [i.id for i in hostage_scenario.injects]
        assert reopened.info.name == "Diễn tập thử"
        assert reopened.info.status == "planned"


def test_create_refuses_an_existing_file(exercise, hostage_scenario):
    with pytest.raises(FileProblem, match="already exists"):
        ExerciseFile.create(exercise.path, hostage_scenario, name="x")


def test_run_deliver_skip_undo_and_reopen_returns_to_same_inject(exercise, fake_clock):
    first, second, third = (i.id for i in exercise.scenario.injects[:3])
    with pytest.raises(ActionError):
        exercise.deliver(first)  # not started
    exercise.start()
    fake_clock.advance(5)
    exercise.deliver_next()
    fake_clock.advance(5)
    exercise.skip(second)
    exercise.deliver(third)
    with pytest.raises(ActionError):
        exercise.deliver(third)
    undone = exercise.undo_last_delivery()
    assert undone.inject_id == third
    state = exercise.run_state()
    assert [r.status for r in state.injects[:3]] == ["delivered", "skipped", "pending"]
    assert state.current.inject.id == first and state.next.inject.id == third
    fake_clock.advance(2)
    exercise.pause()
    fake_clock.advance(30)
    exercise.close()
    reopened = ExerciseFile.open(exercise.path, now=fake_clock)
    assert reopened.info.status == "paused"
    assert reopened.run_state().current.inject.id == first
    assert reopened.clock().elapsed(fake_clock()) == timedelta(minutes=12)
    reopened.close()


def test_decision_versions_are_every_version_the_last_as_it_stands(exercise, fake_clock):
    exercise.start()
    inject = exercise.scenario.injects[0]
    exercise.deliver(inject.id)
    first, second = inject.targets[:2]
    kept = exercise.record_decision(inject.id, first, "bao_cao", "Bản đầu", covers=[0])
    gone = exercise.record_decision(inject.id, second, "hiep_dong", "Rút sau")
    fake_clock.advance(1)
    exercise.edit_decision(kept.id, kind="ra_menh_lenh", covers=[])
    exercise.edit_decision(kept.id, text="Bản sửa")
    exercise.delete_decision(gone.id)
    versions = exercise.decision_versions([kept.id, gone.id, 999])
    assert [(d.version, d.kind, d.text, d.covers) for d in versions[kept.id]] == [
        (1, "bao_cao", "Bản đầu", (0,)), (2, "ra_menh_lenh", "Bản đầu", ()),
        (3, "ra_menh_lenh", "Bản sửa", ())]
    assert [(d.kind, d.text) for d in versions[gone.id]] == [("hiep_dong", "Rút sau")]
    assert 999 not in versions and exercise.decision_versions([]) == {}


def test_decision_edit_keeps_old_version(exercise, fake_clock):
    exercise.start()
    inject = exercise.scenario.injects[0]
    exercise.deliver(inject.id)
    post = inject.targets[0]
    fake_clock.advance(4)
    decision = exercise.record_decision(inject.id, post, "bao_cao", "Báo cáo ban đầu", covers=[0])
    assert decision.given_at == fake_clock()
    fake_clock.advance(1)
    edited = exercise.edit_decision(decision.id, text="Báo cáo đã sửa", kind="ra_menh_lenh")
    assert (edited.text, edited.kind, edited.version) == ("Báo cáo đã sửa", "ra_menh_lenh", 2)
    history = exercise.decision_history(decision.id)
    assert [(d.text, d.kind, d.version) for d in history] == [("Báo cáo ban đầu", "bao_cao", 1)]
    with pytest.raises(ActionError):
        exercise.record_decision(inject.id, post, "nonsense", "x")
    with pytest.raises(ActionError):
        exercise.record_decision(inject.id, post, "bao_cao", "   ")
    with pytest.raises(ActionError):
        exercise.record_decision(inject.id, post, "bao_cao", "x", covers=[99])
    exercise.delete_decision(decision.id)
    assert exercise.decisions(inject.id) == []
    actions = [e.action for e in exercise.log(inject_id=inject.id)]
    assert actions == ["deliver", "decision", "edit_decision", "delete_decision"]


def test_one_current_score_per_observer_post_criterion_with_history(exercise):
    post = exercise.scenario.posts[0]
    criterion = exercise.scenario.criteria_for(post.id)[0]
    first = exercise.set_score("Nguyễn Văn An", post.id, criterion.id, Fraction(1))
    again = exercise.set_score("Nguyễn Văn An", post.id, criterion.id, Fraction(1))
    changed = exercise.set_score("Nguyễn Văn An", post.id, criterion.id, Fraction(3, 2))
    assert (first.added, again.unchanged, changed.replaced) == (1, 1, 1)
    assert [s.value for s in exercise.scores()] == [Fraction(3, 2)]
    assert [s.value for s, _ in exercise.score_history()] == [Fraction(1)]
    # the log names the criterion as the sheet numbers it, and the score as written in Vietnamese
    assert exercise.log()[-1].summary == f"Nguyễn Văn An chấm {post.title}, nội dung 1: 1,5"
    with pytest.raises(ActionError, match="over the maximum"):
        exercise.set_score("Nguyễn Văn An", post.id, criterion.id, criterion.max + 1)


def test_decomposed_observer_name_is_the_same_observer(exercise):
    post = exercise.scenario.posts[0]
    criterion = exercise.scenario.criteria_for(post.id)[0]
    exercise.set_score("Đạt", post.id, criterion.id, 1)
    decomposed = "\u0110a\u0323t"  # Đ, a, combining dot below, t
    assert decomposed != "Đạt"
    exercise.set_score(decomposed, post.id, criterion.id, 1)
    assert exercise.observers() == ["Đạt"]


def test_log_is_append_only(exercise):
    exercise.start()
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        exercise.db.execute("UPDATE log SET summary = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        exercise.db.execute("DELETE FROM log")


def test_a_batch_with_one_bad_score_writes_nothing(exercise):
    from dientap_desktop.domain.score_csv import ScoreRow

    before = len(exercise.log())
    post = exercise.scenario.posts[0]
    criterion = exercise.scenario.criteria_for(post.id)[0]
    rows = [
        ScoreRow(1, "An", post.id, criterion.id, Fraction(1)),
        ScoreRow(2, "An", post.id, "no-such-criterion", Fraction(1)),
    ]
    with pytest.raises(ActionError, match="unknown criterion"):
        exercise.set_scores(rows, "test")
    assert len(exercise.log()) == before and exercise.scores() == []
    assert exercise.observers() == []


def test_file_from_a_newer_version_is_refused_unchanged(exercise):
    exercise.db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    exercise.close()
    before = exercise.path.read_bytes()
    with pytest.raises(FileProblem, match="newer version"):
        ExerciseFile.open(exercise.path)
    assert exercise.path.read_bytes() == before


def test_older_file_is_backed_up_then_migrated(exercise, monkeypatch):
    exercise.close()

    @schema.migrations(name="9999_test_extra_column")
    def _extra(db):
        db.execute("ALTER TABLE exercise ADD COLUMN test_extra TEXT")

    try:
        monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
        with ExerciseFile.open(exercise.path) as migrated:
            columns = {c.name for c in migrated.db["exercise"].columns}
            assert "test_extra" in columns
            assert migrated.db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        backup = schema.backup_path(exercise.path, schema.SCHEMA_VERSION - 1)
        assert backup.exists()
        old = sqlite3.connect(backup)
        assert "test_extra" not in {r[1] for r in old.execute("PRAGMA table_info(exercise)")}
        old.close()
    finally:
        schema.migrations._migrations.pop()


@pytest.mark.parametrize(
    "content, message",
    [(b"", "not an exercise file"), (b"hello world" * 10, "not an exercise file")],
)
def test_foreign_files_are_refused(tmp_path, content, message):
    path = tmp_path / "x.dientap"
    path.write_bytes(content)
    with pytest.raises(FileProblem, match=message):
        ExerciseFile.open(path)


def test_other_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.dientap"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(FileProblem, match="another program"):
        ExerciseFile.open(path)


def test_truncated_file_is_refused(exercise, tmp_path):
    exercise.close()
    data = exercise.path.read_bytes()
    broken = tmp_path / "broken.dientap"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileProblem):
        ExerciseFile.open(broken)


def test_version_1_file_gets_its_scenario_model_on_migration(exercise):
    path = exercise.path
    exercise.db.execute("ALTER TABLE scenario DROP COLUMN model")
    exercise.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_scenario_model'")
    exercise.db.execute("PRAGMA user_version = 1")
    exercise.close()
    with ExerciseFile.open(path) as migrated:
        model = migrated.db.execute("SELECT model FROM scenario").fetchone()[0]
        assert model and migrated.scenario.id == "giai-thoat-con-tin"
    assert schema.backup_path(path, 1).exists()


def test_model_that_disagrees_with_the_source_is_ignored(exercise):
    exercise.db.execute("UPDATE scenario SET model = '{\"v\": 1}'")
    exercise.close()
    with ExerciseFile.open(exercise.path) as reopened:
        assert len(reopened.scenario.injects) >= 8


def test_read_only_opening_reads_and_refuses_other_versions(exercise):
    exercise.start()
    exercise.close()
    with ExerciseFile.open(exercise.path, readonly=True) as reader:
        assert reader.info.status == "running"
        with pytest.raises(sqlite3.DatabaseError):
            reader.pause()
    conn = sqlite3.connect(exercise.path)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with pytest.raises(FileProblem, match="older version"):
        ExerciseFile.open(exercise.path, readonly=True)
    assert not schema.backup_path(exercise.path, 1).exists()


def test_a_draft_is_kept_replaced_and_let_go_with_its_record(exercise):
    from datetime import UTC, datetime

    from dientap_desktop.domain.records import Draft

    exercise.start()
    inject = exercise.scenario.injects[0]
    post = inject.targets[0]
    exercise.deliver(inject.id)
    log = len(exercise.log())
    given = datetime(2026, 11, 24, 2, 30, tzinfo=UTC)
    exercise.keep_draft(inject.id, post, Draft("bao_cao", "Đang gõ", (0,), given))
    exercise.keep_draft(inject.id, post, Draft("hiep_dong", "Đang gõ thêm", (0,), None))
    with ExerciseFile.open(exercise.path, readonly=True) as other:  # committed at once
        assert other.drafts() == {(inject.id, post): Draft("hiep_dong", "Đang gõ thêm", (0,))}
    assert len(exercise.log()) == log  # not an action: the log does not hold drafts
    exercise.keep_draft(inject.id, post, None)
    assert exercise.drafts() == {}
    exercise.keep_draft(inject.id, post, Draft("bao_cao", "Sẽ ghi", (), given))
    exercise.record_decision(inject.id, post, "bao_cao", "Sẽ ghi")
    assert exercise.drafts() == {}  # recorded: the draft went with it, in the same step
    with pytest.raises(ActionError, match="unknown post"):
        exercise.keep_draft(inject.id, "khong-co", Draft("bao_cao", "x"))


def test_a_file_older_than_the_drafts_reads_none_and_gets_them_when_upgraded(exercise):
    exercise.close()
    conn = sqlite3.connect(exercise.path)
    conn.execute("DROP TABLE drafts")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_drafts'")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    with ExerciseFile.open(exercise.path, readonly=True) as old:
        assert old.drafts() == {}
    with ExerciseFile.open(exercise.path) as upgraded:
        assert upgraded.drafts() == {}
        assert upgraded.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert schema.backup_path(exercise.path, 5).exists()
