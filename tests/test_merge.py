"""Merging kits: the round trip exercise -> kits -> scores -> merge -> info, in any order, twice."""

import itertools
import json
import shutil

import pytest
from kit_support import content_digest, make_exercise, raw_sql, run_cli

from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.storage.kit import KitFile, make_kit
from dientap_desktop.storage.merge import disagreements, merge_kits

# Observer A scores everything in the window, B scores the police post from paper (CSV),
# C scores the two civilian posts. Expected results worked out by hand from the scoring rules.
A_SCORES = {
    ("bi-thu", "nam-tinh-hinh"): "2", ("bi-thu", "xu-tri"): "3.5",
    ("chu-tich", "nam-tinh-hinh"): "1", ("chu-tich", "xu-tri"): "2",
    ("cong-an", "nam-tinh-hinh"): "2", ("cong-an", "xu-tri"): "3", ("cong-an", "vay-bat"): "4",
}
B_CSV = (
    "\ufeffobserver,post,criterion,score,comment\r\n"
    "Thượng tá B,cong-an,nam-tinh-hinh,\"1,5\",\r\n"
    "Thượng tá B,cong-an,xu-tri,3.5,Xử trí tốt\r\n"
    "Thượng tá B,cong-an,vay-bat,1,\"Vây bắt chậm, lộ đội hình\"\r\n"
)
C_SCORES = {
    ("bi-thu", "nam-tinh-hinh"): "1", ("bi-thu", "xu-tri"): "3",
    ("chu-tich", "nam-tinh-hinh"): "1.5", ("chu-tich", "xu-tri"): "2.5",
}
EXPECTED_POSTS = [
    # bi-thu: (1.5 + 3.25) / 5.5 -> 8.64; chu-tich: (1.25 + 2.25) / 5.5 -> 6.36;
    # cong-an: (1.75 + 3.25 + 2.5) / 10 -> 7.50; total (8.64 + 6.36 + 2 x 7.5) / 4 = 7.50
    {"id": "bi-thu", "title": "Bí thư Đảng ủy phường", "complete": True, "score": 8.64,
     "rating": "Giỏi", "missing": []},
    {"id": "chu-tich", "title": "Chủ tịch UBND phường", "complete": True, "score": 6.36,
     "rating": "Đạt yêu cầu", "missing": []},
    {"id": "cong-an", "title": "Trưởng Công an phường", "complete": True, "score": 7.5,
     "rating": "Khá", "missing": []},
]
EXPECTED_TOTAL = {"complete": True, "score": 7.5, "rating": "Khá"}


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    """An exercise file and three scored kits (one filled from a CSV through the command)."""
    folder = tmp_path_factory.mktemp("merge")
    with make_exercise(folder / "ex.dientap") as ex:
        kits = {
            "A": make_kit(ex, "Đại tá A", folder / "a.dtkit"),
            "B": make_kit(ex, "Thượng tá B", folder / "b.dtkit", ["cong-an"]),
            "C": make_kit(ex, "Trung tá C", folder / "c.dtkit", ["bi-thu", "chu-tich"]),
        }
    for key, scores in (("A", A_SCORES), ("C", C_SCORES)):
        with KitFile.open(kits[key]) as kit:
            for (post, criterion), value in scores.items():
                kit.set_score(post, criterion, value)
            kit.add_note("strength", f"Điểm mạnh do {key} ghi", inject_id="th-01")
    csv = folder / "b.csv"
    csv.write_bytes(B_CSV.encode())
    from dientap_desktop.cli import main

    assert main(["import-scores", str(kits["B"]), str(csv)]) == 0
    return folder / "ex.dientap", kits


def _fresh(scored, tmp_path):
    exercise_path, kits = scored
    copy = tmp_path / "ex.dientap"
    shutil.copy(exercise_path, copy)
    return copy, kits


@pytest.mark.parametrize("order", list(itertools.permutations("ABC")))
def test_round_trip_in_any_order_twice(scored, tmp_path, capsys, order):
    exercise_path, kits = _fresh(scored, tmp_path)
    paths = [kits[key] for key in order]
    code, out, err = run_cli(capsys, "merge", exercise_path, *paths)
    assert (code, err) == (0, "")
    assert "3 scores added" in out and "7 scores added" in out and "4 scores added" in out
    assert 'post "bi-thu", criterion "nam-tinh-hinh" (max 2)' in out
    assert 'post "cong-an", criterion "vay-bat" (max 4.5)' in out
    assert out.count('  post "') == 2
    code, out, err = run_cli(capsys, "merge", exercise_path, *reversed(paths))
    assert (code, err) == (0, "")
    assert out.count("0 scores added, 0 replaced") == 3 and "0 notes added" in out
    code, out, err = run_cli(capsys, "info", exercise_path, "--json")
    data = json.loads(out)
    assert data["posts"] == EXPECTED_POSTS
    assert data["total"] == EXPECTED_TOTAL
    assert data["counts"]["observers"] == 3 and data["counts"]["evaluations"] == 14
    with ExerciseFile.open(exercise_path) as ex:
        assert len(ex.notes()) == 2
        assert ex.score_history() == []
        flagged = {(d.post_id, d.result.criterion.id) for d in disagreements(ex.results())}
        assert flagged == {("bi-thu", "nam-tinh-hinh"), ("cong-an", "vay-bat")}


def test_kit_merged_again_after_edits_brings_new_scores_and_keeps_old(scored, tmp_path):
    exercise_path, kits = _fresh(scored, tmp_path)
    kit_path = tmp_path / "a.dtkit"
    shutil.copy(kits["A"], kit_path)
    with ExerciseFile.open(exercise_path) as ex:
        [first] = merge_kits(ex, [kit_path])
        assert (first.changes.added, first.notes_added) == (7, 1)
        with KitFile.open(kit_path) as kit:
            kit.set_score("cong-an", "vay-bat", "4.5", "Sửa sau khi xem lại")
            kit.set_score("bi-thu", "xu-tri", "3.5")  # the same again
            kit.add_note("proposal", "Đề xuất thêm")
        [again] = merge_kits(ex, [kit_path])
        assert (again.changes.added, again.changes.replaced, again.changes.unchanged) == (0, 1, 6)
        assert again.notes_added == 1
        current = {(s.post_id, s.criterion_id): (s.value, s.comment) for s in ex.scores()}
        assert current[("cong-an", "vay-bat")] == (4.5, "Sửa sau khi xem lại")
        [(old, _)] = ex.score_history()
        assert (old.observer, old.criterion_id, old.value) == ("Đại tá A", "vay-bat", 4)
        source = ex.db.execute(
            "SELECT source FROM scores WHERE criterion_id = 'vay-bat'").fetchone()[0]
        assert source == "kit:Đại tá A"
        merges = [e for e in ex.log() if e.action == "merge"]
        assert [(e.data["added"], e.data["replaced"], e.data["notes"]) for e in merges] == [
            (7, 0, 1), (0, 1, 1)]
        lines = len(ex.log())
        [third] = merge_kits(ex, [kit_path])
        assert (third.changes.unchanged, third.notes_added) == (7, 0)
        assert len(ex.log()) == lines  # merging again writes nothing, not even a log line


def test_progress_and_stop(scored, tmp_path):
    exercise_path, kits = _fresh(scored, tmp_path)
    seen = []

    def progress(done, total, result):
        seen.append((done, total, result.merged))
        return done < 2

    with ExerciseFile.open(exercise_path) as ex:
        results = merge_kits(ex, [kits["A"], tmp_path / "missing.dtkit", kits["B"]], progress)
        assert seen == [(1, 3, False), (2, 3, True)]
        assert [r.merged for r in results] == [True, False]
        assert ex.observers() == ["Đại tá A"]


def test_a_kit_merged_before_is_refused_when_its_observer_name_was_edited(
        scored, tmp_path, capsys):
    exercise_path, kits = _fresh(scored, tmp_path)
    renamed = tmp_path / "renamed.dtkit"
    shutil.copy(kits["A"], renamed)
    raw_sql(renamed, "UPDATE kit SET observer = 'Trung tá D'")
    code, out, err = run_cli(capsys, "merge", exercise_path, kits["A"], renamed)
    assert code == 1
    assert "7 scores added" in out
    assert err.strip() == (
        f'{renamed}: this kit was merged before with observer "Đại tá A" and now names observer '
        '"Trung tá D": a kit\'s observer cannot change (was the kit edited outside the program?)')
    before = content_digest(exercise_path)
    code, out, err = run_cli(capsys, "merge", exercise_path, renamed)  # and in a later merge
    assert code == 1 and "merged before with observer" in err
    assert content_digest(exercise_path) == before
    with ExerciseFile.open(exercise_path) as ex:
        assert ex.observers() == ["Đại tá A"]
        assert {s.observer for s in ex.scores()} == {"Đại tá A"}
