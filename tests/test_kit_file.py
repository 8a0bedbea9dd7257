"""The observer kit: what it carries (and what it leaves out), entries in it, `info` on it."""

import json
import sqlite3
from fractions import Fraction

import pytest
from kit_support import full_rows, make_exercise, raw_sql, run_cli

from dientap_desktop.storage.database import FileProblem
from dientap_desktop.storage.exercise_file import KIT_APPLICATION_ID, ActionError, file_kind
from dientap_desktop.storage.kit import KIT_SCHEMA_VERSION, KitFile, make_kit, read_kit


@pytest.fixture
def ex(tmp_path):
    exercise = make_exercise(tmp_path / "ex.dientap")
    exercise.set_person("cong-an", "Vũ Minh Tuấn", "Thiếu tá")
    yield exercise
    exercise.close()


def test_kit_carries_what_the_observer_needs_and_nothing_else(ex, tmp_path):
    ex.set_scores(full_rows(ex.scenario, "Người khác"), source="window")
    ex.add_note("Người khác", "weakness", "Ghi chú riêng của người khác")
    path = make_kit(ex, "  Nguyễn Văn A ", tmp_path / "a.dtkit", ["cong-an", "chu-tich"])
    assert file_kind(path) == "kit"
    kit = read_kit(path)
    assert kit.info.exercise_id == ex.info.id
    assert kit.info.exercise_name == "Diễn tập thử"
    assert kit.info.observer == "Nguyễn Văn A"
    assert kit.post_ids == ("chu-tich", "cong-an")  # scenario order
    assert kit.posts[1].name == "Vũ Minh Tuấn" and kit.posts[1].rank == "Thiếu tá"
    assert kit.scores == () and kit.notes == ()
    # injects and answer keys are there; the director's notes are not
    inject = kit.scenario.inject("th-01")
    assert inject.expected["cong-an"] == ("Báo cáo Chủ tịch UBND phường",
                                          "Bao vây, phong tỏa khu vực")
    assert inject.notes is None
    conn = sqlite3.connect(path)
    dump = "\n".join(conn.iterdump())
    conn.close()
    assert "BÍ MẬT" not in dump and "Người khác" not in dump and "người khác" not in dump
    with KitFile.open(path, readonly=True) as opened:
        assert opened.db.execute("PRAGMA application_id").fetchone()[0] == KIT_APPLICATION_ID
        assert opened.db.execute("PRAGMA user_version").fetchone()[0] == KIT_SCHEMA_VERSION
        assert opened.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_kit_is_not_written_over_and_needs_known_posts(ex, tmp_path):
    path = make_kit(ex, "A", tmp_path / "a.dtkit")
    before = path.read_bytes()
    with pytest.raises(FileProblem, match="already exists"):
        make_kit(ex, "B", path)
    assert path.read_bytes() == before
    with pytest.raises(ActionError, match='unknown post "nope"'):
        make_kit(ex, "A", tmp_path / "b.dtkit", ["nope"])
    with pytest.raises(ActionError, match="empty"):
        make_kit(ex, "  ", tmp_path / "c.dtkit")
    assert not any(p.name.endswith((".tmp", "b.dtkit", "c.dtkit")) for p in tmp_path.iterdir())


def test_scores_in_kit_are_checked_kept_and_replaced_with_history(ex, tmp_path):
    path = make_kit(ex, "A", tmp_path / "a.dtkit", ["cong-an"])
    with KitFile.open(path) as kit:
        assert kit.set_score("cong-an", "vay-bat", Fraction(9, 2), "tốt").added == 1
        assert kit.set_score("cong-an", "vay-bat", "4.5", "tốt").unchanged == 1
        assert kit.set_score("cong-an", "vay-bat", 3).replaced == 1
        with pytest.raises(ActionError, match="over the maximum"):
            kit.set_score("cong-an", "vay-bat", 5)
        with pytest.raises(ActionError, match="unknown post"):
            kit.set_score("chu-tich", "xu-tri", 1)  # not this kit's post
        with pytest.raises(ActionError, match="not this kit's observer"):
            kit.set_scores(full_rows(ex.scenario, "B", ["cong-an"]), source="x")
        kit.set_score("cong-an", "nam-tinh-hinh", 1)
        assert kit.set_score("cong-an", "nam-tinh-hinh", None).replaced == 1
        assert [(s.criterion_id, s.value) for s in kit.scores()] == [("vay-bat", 3)]
        assert [(s.value, s.comment) for s, _ in kit.score_history()] == [
            (Fraction(9, 2), "tốt"), (1, "")
        ]
        note = kit.add_note("proposal", "Tăng cường  hiệp đồng ", inject_id="th-01")
        assert kit.notes() == [note] and note.text == "Tăng cường  hiệp đồng"
        with pytest.raises(ActionError):
            kit.add_note("opinion", "x")
        with pytest.raises(ActionError):
            kit.add_note("strength", "   ")
        result = kit.results().of("cong-an")
        assert result.missing == ("nam-tinh-hinh", "xu-tri")
    with KitFile.open(path, readonly=True) as kit, pytest.raises(ActionError, match="read-only"):
        kit.set_score("cong-an", "vay-bat", 1)


def test_info_on_a_kit(ex, tmp_path, capsys):
    path = make_kit(ex, "A", tmp_path / "a.dtkit", ["cong-an"])
    with KitFile.open(path) as kit:
        kit.set_scores(full_rows(kit.scenario, "A", value=2), source="test")
    code, out, err = run_cli(capsys, "info", path, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["kind"] == "kit"
    assert data["exercise"]["id"] == ex.info.id
    assert data["exercise"]["scenario"] == "kit-thu"
    assert data["counts"]["evaluations"] == 3 and data["counts"]["posts"] == 1
    # 2 + 2 + 2 of 2 + 3.5 + 4.5 -> 10 * 6 / 10 = 6.00
    assert data["posts"] == [{"id": "cong-an", "title": "Trưởng Công an phường",
                              "complete": True, "score": 6.0, "rating": "Đạt yêu cầu",
                              "missing": []}]
    assert data["total"] == {"complete": True, "score": 6.0, "rating": "Đạt yêu cầu"}
    code, out, _ = run_cli(capsys, "info", path)
    assert code == 0 and "Observer kit" in out and "observer: A" in out


def test_cli_kit(ex, tmp_path, capsys):
    exercise_path = ex.path
    out = tmp_path / "k.dtkit"
    code, stdout, err = run_cli(capsys, "kit", exercise_path, "--observer", "Trần B",
                                "--posts", "cong-an,bi-thu", "--out", out)
    assert code == 0 and err == ""
    assert read_kit(out).post_ids == ("bi-thu", "cong-an")
    code, _, err = run_cli(capsys, "kit", exercise_path, "--observer", "Trần B", "--out", out)
    assert code == 1 and "already exists" in err and len(err.splitlines()) == 1
    code, _, _ = run_cli(capsys, "kit", exercise_path, "--observer", "Trần B", "--out", out,
                         "--force")
    assert code == 0 and read_kit(out).post_ids == ("bi-thu", "chu-tich", "cong-an")
    before = exercise_path.read_bytes()
    code, _, err = run_cli(capsys, "kit", exercise_path, "--observer", "Trần B", "--out",
                           exercise_path, "--force")  # a slip: the exercise itself as --out
    assert code == 1 and "this is an exercise file" in err
    assert exercise_path.read_bytes() == before
    code, _, err = run_cli(capsys, "kit", exercise_path, "--observer", "C", "--posts", "x,y",
                           "--out", tmp_path / "c.dtkit")
    assert code == 1 and "unknown post" in err and not (tmp_path / "c.dtkit").exists()


def test_kit_opened_for_writing_is_checked_first(ex, tmp_path):
    path = make_kit(ex, "A", tmp_path / "a.dtkit")
    raw_sql(path, "CREATE TRIGGER t AFTER INSERT ON scores BEGIN DELETE FROM notes; END")
    with pytest.raises(FileProblem, match="structure was altered"):
        KitFile.open(path)


def _builtin_paths():
    from dientap_desktop.domain.scenario_loader import builtin_scenario_paths

    return builtin_scenario_paths()


@pytest.mark.parametrize("path", _builtin_paths(), ids=lambda p: p.stem)
def test_every_builtin_scenario_goes_into_a_kit_without_director_notes(path, tmp_path):
    from dientap_desktop.domain.scenario_loader import load_scenario
    from dientap_desktop.storage.exercise_file import ExerciseFile

    scenario = load_scenario(path)
    with ExerciseFile.create(tmp_path / "ex.dientap", scenario, name="Thử") as ex:
        kit = read_kit(make_kit(ex, "A", tmp_path / "a.dtkit"))
    assert [i.expected for i in kit.scenario.injects] == [i.expected for i in scenario.injects]
    assert kit.scenario.criteria == scenario.criteria and kit.scenario.scale == scenario.scale
    assert all(i.notes is None and not i.media for i in kit.scenario.injects)
    assert [i.state for i in kit.scenario.injects] == [i.state for i in scenario.injects]


def test_a_scenario_s_extensions_whatever_they_hold_do_not_stop_its_kits(tmp_path,
                                                                        hostage_scenario):
    """x- keys are ignored by the loader; the kit's copy of the scenario leaves them out, so
    what the safe loader cannot build (another tool's tag, a field named by a list, a field
    twice) never stops the observers' kits."""
    from dientap_desktop.domain.scenario_loader import load_scenario_text
    from dientap_desktop.storage.exercise_file import ExerciseFile

    source = hostage_scenario.source_text + (
        "x-include: !tep-rieng phu-luc.yaml\n"
        "x-pairs: {? [1, 2] : 3}\n"
        "x-twice: {a: 1, a: 2}\n"
        "x-merge: {<<: [1, 2]}\n"
        "x-defaults: &d !tagged {b: 1}\n")
    scenario = load_scenario_text(source, "s.yaml")
    with ExerciseFile.create(tmp_path / "ex.dientap", scenario, name="Thử") as ex:
        path = make_kit(ex, "A", tmp_path / "a.dtkit")
    with KitFile.open(path, readonly=True) as kit:
        assert kit.scenario.posts == scenario.posts
        assert "x-" not in kit.scenario.source_text
