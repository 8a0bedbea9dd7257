"""An exercise file or a kit is told by what it holds, not by its name."""

import json
import shutil

import pytest
from contract_support import run


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """An exercise file named like a kit, and a kit named like an exercise file."""
    folder = tmp_path_factory.mktemp("renamed")
    assert run("new", "giai-thoat-con-tin", "--out", folder / "e.dientap").returncode == 0
    assert run("kit", folder / "e.dientap", "--observer", "Đại tá A", "--posts", "chu-tich",
               "--out", folder / "a.dtkit").returncode == 0
    shutil.copy(folder / "e.dientap", folder / "x.dtkit")
    shutil.copy(folder / "a.dtkit", folder / "k.dientap")
    return folder


def test_info_reads_an_exercise_file_named_dtkit_and_a_kit_named_dientap(renamed):
    exercise = run("info", renamed / "x.dtkit", "--json")
    assert exercise.returncode == 0, exercise.stderr
    assert json.loads(exercise.stdout)["kind"] == "exercise"
    kit = run("info", renamed / "k.dientap", "--json")
    assert kit.returncode == 0, kit.stderr
    assert json.loads(kit.stdout)["kind"] == "kit"


def test_import_scores_goes_where_the_content_says(renamed, tmp_path):
    exercise, kit = tmp_path / "x.dtkit", tmp_path / "k.dientap"
    shutil.copy(renamed / "x.dtkit", exercise)
    shutil.copy(renamed / "k.dientap", kit)
    csv = tmp_path / "s.csv"
    csv.write_text("observer,post,criterion,score\nĐại tá A,chu-tich,nam-tinh-hinh,1\n",
                   encoding="utf-8")
    for target in (exercise, kit):
        result = run("import-scores", target, csv)
        assert result.returncode == 0, result.stderr
        assert "1 added" in result.stdout
    assert json.loads(run("info", kit, "--json").stdout)["counts"]["evaluations"] == 1


def test_report_and_backup_tell_a_kit_by_its_content(renamed, tmp_path):
    report = run("report", renamed / "k.dientap", "--out", tmp_path / "pdf")
    assert report.returncode == 1 and "an observer kit has no reports" in report.stderr
    assert run("report", renamed / "x.dtkit", "--out", tmp_path / "pdf",
               "--only", "blank").returncode == 0
    backup = run("backup", renamed / "k.dientap", "--out", tmp_path / "copy.dtkit")
    assert backup.returncode == 0, backup.stderr
    assert json.loads(run("info", tmp_path / "copy.dtkit", "--json").stdout)["kind"] == "kit"
