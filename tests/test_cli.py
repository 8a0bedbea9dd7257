"""The `dientap` command per cli.md: outputs, exit codes, error lines, nothing changed on error."""

import json
import shutil
import subprocess
import sys

import pytest

from dientap_desktop.cli import main


def run(*args):
    """Run the real command in a process, as a user or a script would."""
    return subprocess.run(
        [sys.executable, "-m", "dientap_desktop", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def test_scenarios_lists_the_builtin_ones(capsys):
    assert main(["scenarios"]) == 0
    lines = capsys.readouterr().out.splitlines()
    kinds = {line.split("\t")[1] for line in lines}
    assert {"hostage_rescue", "airborne_landing", "riot_dispersal"} <= kinds
    for line in lines:
        scenario_id, kind, injects, title = line.split("\t")
        assert 8 <= int(injects) <= 12 and title


def test_validate_accepts_builtins_and_reports_each_problem_with_its_line(tmp_path, capsys):
    from dientap_desktop.domain.scenario_loader import builtin_scenario_paths

    paths = builtin_scenario_paths()
    assert main(["validate", *map(str, paths)]) == 0
    text = paths[0].read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("format: dientap/1", "format: dientap/9", 1)
                   + "\nunexpected: 1\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert any('unsupported format "dientap/9"' in line and f"{bad}:" in line for line in err)
    assert any('unknown field "unexpected"' in line for line in err)
    assert all(line.startswith(f"{bad}:") for line in err)


def test_new_creates_a_planned_exercise(tmp_path):
    out = tmp_path / "new.dientap"
    result = run("new", "giai-thoat-con-tin", "--out", out, "--name", "Diễn tập phường Yên Bình",
                 "--place", "Phường Yên Bình", "--date", "2023-11-15")
    assert result.returncode == 0, result.stderr
    info = json.loads(run("info", out, "--json").stdout)
    assert info["kind"] == "exercise"
    assert info["exercise"]["name"] == "Diễn tập phường Yên Bình"
    assert info["exercise"]["date"] == "2023-11-15"
    assert info["exercise"]["status"] == "planned"
    assert info["counts"]["delivered"] == 0 and info["total"]["score"] is None


@pytest.mark.parametrize(
    "args, message",
    [
        (["new", "no-such-scenario", "--out", "{tmp}/x.dientap"], "no-such-scenario"),
        (["new", "giai-thoat-con-tin", "--out", "{tmp}/x.dientap", "--date", "15/11/2023"],
         "YYYY-MM-DD"),
        (["info", "{tmp}/missing.dientap"], "no such file"),
    ],
)
def test_input_problems_exit_1_with_a_plain_line(tmp_path, args, message):
    result = run(*(a.format(tmp=tmp_path) for a in args))
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.dientap").exists()


def test_wrong_usage_exits_2():
    assert run("info").returncode == 2
    assert run("new", "x", "--bogus").returncode == 2


def test_demo_then_info_json_shows_a_complete_scored_exercise(demo_file):
    result = run("info", demo_file, "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["counts"]["delivered"] == info["counts"]["injects"] >= 8
    assert info["counts"]["observers"] == 2
    assert info["counts"]["decisions"] >= info["counts"]["injects"]
    assert info["exercise"]["status"] == "finished"
    assert all(p["complete"] and p["score"] is not None and p["missing"] == []
               for p in info["posts"])
    assert info["total"]["complete"] and info["total"]["rating"] in (
        "Giỏi", "Khá", "Đạt yêu cầu", "Không đạt yêu cầu")
    per_post = sum(len(p["missing"]) for p in info["posts"])
    assert per_post == 0


def _csv(tmp_path, rows, name="scores.csv", bom=False):
    path = tmp_path / name
    text = "observer,post,criterion,score,comment\n" + "".join(r + "\n" for r in rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_import_scores_adds_then_is_idempotent(tmp_path, hostage_scenario):
    out = tmp_path / "ex.dientap"
    assert run("new", "giai-thoat-con-tin", "--out", out).returncode == 0
    post = hostage_scenario.posts[0]
    crits = hostage_scenario.criteria_for(post.id)
    rows = [f'Lê Văn Tám,{post.id},{c.id},"{str(float(c.max) / 2).replace(".", ",")}",tốt'
            for c in crits]
    csv_path = _csv(tmp_path, rows, bom=True)
    first = run("import-scores", out, csv_path)
    assert first.returncode == 0, first.stderr
    info = json.loads(run("info", out, "--json").stdout)
    assert info["counts"]["evaluations"] == len(crits) and info["counts"]["observers"] == 1
    target = next(p for p in info["posts"] if p["id"] == post.id)
    assert target["complete"] and target["score"] == 5.0
    second = run("import-scores", out, csv_path)
    assert second.returncode == 0 and f"{len(crits)} unchanged" in second.stdout
    assert json.loads(run("info", out, "--json").stdout)["counts"]["evaluations"] == len(crits)


def test_import_scores_refuses_the_whole_file_on_one_bad_row(tmp_path, hostage_scenario):
    out = tmp_path / "ex.dientap"
    assert run("new", "giai-thoat-con-tin", "--out", out).returncode == 0
    before = out.read_bytes()
    post = hostage_scenario.posts[0]
    crit = hostage_scenario.criteria_for(post.id)[0]
    other = next(c for c in hostage_scenario.criteria if not c.applies_to(post.id))
    rows = [
        f"An,{post.id},{crit.id},1",
        f"An,{post.id},{crit.id.upper()}x,1",
        f"An,{post.id},{other.id},1",
        f"An,{post.id},{crit.id},{float(crit.max) + 0.5}",
        f"An,khong-co,{crit.id},1",
        f"An,{post.id},{crit.id},abc",
    ]
    result = run("import-scores", out, _csv(tmp_path, rows))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    err = result.stderr.splitlines()
    assert len(err) == 5
    assert err[0].startswith("scores.csv:3: ") or ":3: " in err[0]
    assert any(":5: score" in line and "over the maximum" in line for line in err)
    assert any("does not apply" in line for line in err)
    assert any('unknown post "khong-co"' in line for line in err)
    assert out.read_bytes() == before


def test_import_scores_missing_csv_is_a_plain_error(tmp_path):
    out = tmp_path / "ex.dientap"
    assert run("new", "giai-thoat-con-tin", "--out", out).returncode == 0
    result = run("import-scores", out, tmp_path / "missing.csv")
    assert result.returncode == 1 and "missing.csv" in result.stderr


def test_info_text_mentions_total(demo_file, tmp_path, capsys):
    copy = tmp_path / "d.dientap"
    shutil.copy(demo_file, copy)
    assert main(["info", str(copy)]) == 0
    assert "total:" in capsys.readouterr().out


def test_info_lists_the_observers_notes_of_an_exercise_and_of_a_kit(demo_file, tmp_path, capsys):
    """The notes feed the after-action report: info shows them, with who wrote them and on
    what, for the exercise and for an observer's kit (the JSON keeps the contract's keys)."""
    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.storage.kit import KitFile, make_kit

    with ExerciseFile.open(demo_file, readonly=True) as exercise:
        notes = exercise.notes()
        kit = make_kit(exercise, "Nguyễn Văn Ghi", tmp_path / "a.dtkit", ["y-te"])
    assert notes
    assert main(["info", str(demo_file)]) == 0
    out = capsys.readouterr().out
    assert f"  notes: {len(notes)}" in out
    for note in notes:
        assert " ".join(note.text.split()) in out and note.observer in out
    with KitFile.open(kit) as opened:
        opened.add_note("weakness", "Sơ cứu chậm.", inject_id="th-06", post_id="y-te")
    assert main(["info", str(kit)]) == 0
    out = capsys.readouterr().out
    assert "notes: 1" in out and "weakness (Nguyễn Văn Ghi, th-06 y-te): Sơ cứu chậm." in out
    assert main(["info", str(kit), "--json"]) == 0
    assert "notes" not in json.loads(capsys.readouterr().out)


def test_kit_with_unknown_posts_names_them_in_double_quotes(tmp_path):
    exercise = tmp_path / "e.dientap"
    assert run("new", "giai-thoat-con-tin", "--out", exercise).returncode == 0
    result = run("kit", exercise, "--observer", "A", "--posts", "chu-tich,p9,p'8",
                 "--out", tmp_path / "a.dtkit")
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith('--posts: unknown post "p9", "p\'8" (known: ')
    assert not (tmp_path / "a.dtkit").exists()


@pytest.mark.parametrize(("observer", "told"), [
    ("  ", "--observer: the observer's name is empty"),
    ("A" * 201, "--observer: the observer's name is longer than 200 characters"),
])
def test_a_kit_observer_name_refused_names_the_option(tmp_path, capsys, observer, told):
    exercise = tmp_path / "e.dientap"
    assert main(["new", "giai-thoat-con-tin", "--out", str(exercise)]) == 0
    capsys.readouterr()
    assert main(["kit", str(exercise), "--observer", observer, "--out",
                 str(tmp_path / "a.dtkit")]) == 1
    assert capsys.readouterr().err.splitlines() == [told]
    assert not (tmp_path / "a.dtkit").exists()


def test_a_kit_tells_the_observer_name_as_kept(tmp_path, capsys):
    exercise = tmp_path / "e.dientap"
    assert main(["new", "giai-thoat-con-tin", "--out", str(exercise)]) == 0
    assert main(["kit", str(exercise), "--observer", " Trần\tVăn An ", "--out",
                 str(tmp_path / "a.dtkit")]) == 0
    assert 'kit for observer "Trần Văn An"' in capsys.readouterr().out


def test_new_takes_the_issuing_body_the_body_above_it_and_its_signer(tmp_path):
    from dientap_desktop.storage.exercise_file import ExerciseFile

    out = tmp_path / "e.dientap"
    assert main(["new", "giai-thoat-con-tin", "--out", str(out), "--issuer",
                 "Ban Chỉ đạo diễn tập", "--signer", "Đại tá Nguyễn Văn Tâm",
                 "--superior", "Ủy ban nhân dân phường Hòa Bình",
                 "--signer-title", "Phó Trưởng ban"]) == 0
    with ExerciseFile.open(out, readonly=True) as exercise:
        assert (exercise.info.issuer, exercise.info.signer, exercise.info.superior) == (
            "Ban Chỉ đạo diễn tập", "Đại tá Nguyễn Văn Tâm", "Ủy ban nhân dân phường Hòa Bình")
        assert exercise.info.signer_title == "Phó Trưởng ban"


def test_a_file_open_in_a_window_is_not_written_by_a_command(tmp_path, hostage_scenario, capsys):
    """The window holds the file's lock: merge and import-scores refuse it and change nothing
    (the window would write what it holds back over them); once it lets go, they work."""
    from dientap_desktop.locks import FileLock

    out = tmp_path / "ex.dientap"
    assert main(["new", "giai-thoat-con-tin", "--out", str(out)]) == 0
    kit = tmp_path / "an.dtkit"
    assert main(["kit", str(out), "--observer", "An", "--out", str(kit)]) == 0
    post = hostage_scenario.posts[0]
    criterion = hostage_scenario.criteria_for(post.id)[0]
    csv_path = _csv(tmp_path, [f"An,{post.id},{criterion.id},1,"])
    for target in (out, kit):
        window = FileLock(target)  # as the director's or the observer's window takes it
        assert window.acquire()
        before = target.read_bytes()
        capsys.readouterr()
        assert main(["import-scores", str(target), str(csv_path)]) == 1
        if target == out:
            assert main(["merge", str(out), str(kit)]) == 1
        err = capsys.readouterr().err.splitlines()
        assert err and all(line.startswith(f"{target}: the file is open in a window of the "
                                           "program") for line in err)
        assert target.read_bytes() == before
        window.release()
        assert main(["import-scores", str(target), str(csv_path)]) == 0
    assert main(["merge", str(out), str(kit)]) == 0
    assert not list(tmp_path.glob("*.lock"))  # each command let go of its lock


def test_import_scores_names_the_observers_it_adds_and_a_likely_slip(tmp_path, hostage_scenario,
                                                                       capsys):
    out = tmp_path / "ex.dientap"
    assert main(["new", "giai-thoat-con-tin", "--out", str(out)]) == 0
    post = hostage_scenario.posts[0]
    criterion = hostage_scenario.criteria_for(post.id)[0]
    first = _csv(tmp_path, [f"Lê Văn Tám,{post.id},{criterion.id},1,"], name="a.csv")
    assert main(["import-scores", str(out), str(first)]) == 0
    assert f'{first}: observer "Lê Văn Tám" was new to the exercise and is added' in \
        capsys.readouterr().out
    slip = _csv(tmp_path, [f"Le Van Tam,{post.id},{criterion.id},2,"], name="b.csv")
    assert main(["import-scores", str(out), str(slip)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (f'{slip}: observer "Le Van Tam" was new to the exercise and is added; '
                        'check the spelling: it looks like "Lê Văn Tám", already in the exercise')
    assert main(["import-scores", str(out), str(first)]) == 0  # known: nothing more to say
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_a_kit_open_in_a_window_is_not_replaced_by_kit_force(tmp_path, capsys):
    from dientap_desktop.locks import FileLock

    out = tmp_path / "ex.dientap"
    assert main(["new", "giai-thoat-con-tin", "--out", str(out)]) == 0
    kit = tmp_path / "an.dtkit"
    assert main(["kit", str(out), "--observer", "An", "--out", str(kit)]) == 0
    window = FileLock(kit)  # the observer's window on it
    assert window.acquire()
    before = kit.read_bytes()
    capsys.readouterr()
    assert main(["kit", str(out), "--observer", "An", "--out", str(kit), "--force"]) == 1
    err = capsys.readouterr().err
    assert "the file is open in a window of the program" in err
    assert "; close the window first" in err and "import" not in err  # nothing to do there
    assert kit.read_bytes() == before
    assert main(["withdraw-scores", str(kit), "--observer", "An", "--post", "chu-tich"]) == 1
    assert "take the score back there (Delete on its cell)" in capsys.readouterr().err
    window.release()
    assert main(["kit", str(out), "--observer", "An", "--out", str(kit), "--force"]) == 0
    director = FileLock(out)  # the director's window on the exercise
    assert director.acquire()
    for command, advice in (
            (["withdraw-scores", str(out), "--observer", "An", "--post", "chu-tich"],
             "take the scores back there (F12, Enter on the observer's score, then Delete)"),
            (["withdraw-note", str(out), "1"], "take the note back there")):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert advice in err and "merge kits" not in err
    director.release()

