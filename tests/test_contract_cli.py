"""cli.md from outside: the real `dientap` command in its own process, on files made here, as a
suite that knows only the contract would run it (exit codes, one line per problem, nothing
changed on error, info --json's shape, CSV import, kits and merging, reports)."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import tempfile
import unicodedata
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from tests.contract_support import refused, run, run_many, table_rows, usage_error

SCENARIO = "giai-thoat-con-tin"
OBSERVER = "Thiếu tá Lê Văn Tám"
LONG_NAME = ("Diễn tập khu vực phòng thủ tỉnh Ninh Bình năm 2025, chuyển địa phương vào trạng "
             "thái khẩn cấp về quốc phòng, tiêu diệt, đánh bắt khủng bố, giải thoát con tin ") * 4


# --- fixtures: one demo and one new exercise per module, copied before any change ---------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.dientap"
    result = run("demo", "--out", path)
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fresh") / "moi.dientap"
    result = run("new", SCENARIO, "--out", path, "--name", "Diễn tập phường Yên Bình",
                 "--place", "Phường Yên Bình", "--date", "2023-11-15")
    assert result.returncode == 0, result.stderr
    return path


def copy(src: Path, dst: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{src}{suffix}").exists():
            shutil.copyfile(f"{src}{suffix}", f"{dst}{suffix}")
    return dst


def info(path: Path) -> dict:
    result = run("info", path, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def frozen_scenario(path: Path) -> dict:
    """The scenario inside an exercise file, read with plain YAML."""
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        source = conn.execute("SELECT source FROM scenario").fetchone()[0]
    conn.close()
    return yaml.safe_load(source)


def applying(scenario: dict) -> dict[str, list[dict]]:
    """post id -> the criteria that apply to it, in file order."""
    return {
        post["id"]: [c for c in scenario["criteria"]
                     if c["posts"] == "all" or post["id"] in c["posts"]]
        for post in scenario["posts"]
    }


def csv_text(rows, header="observer,post,criterion,score,comment") -> str:
    return "\n".join([header, *(",".join(map(str, row)) for row in rows)]) + "\n"


def score_rows(scenario: dict, observer: str, fraction: Fraction, posts=None) -> list[tuple]:
    """A full sheet: every criterion of every (chosen) post at fraction x max."""
    rows = []
    for post_id, criteria in applying(scenario).items():
        if posts is None or post_id in posts:
            for c in criteria:
                value = Decimal(str(c["max"])) * Decimal(fraction.numerator) / fraction.denominator
                rows.append((observer, post_id, c["id"], f"{value.normalize():f}", ""))
    return rows


# --- usage: exit 2 -----------------------------------------------------------------------------


USAGE_ERRORS = [
    ["new"], ["new", SCENARIO], ["demo"], ["kit", "x.dientap", "--out", "k.dtkit"],
    ["kit", "x.dientap", "--observer", "A"], ["import-scores", "x.dientap"], ["merge", "x.dientap"],
    ["report", "x.dientap"], ["info"], ["validate"], ["info", "x.dientap", "--bogus"],
    ["scenarios", "--nope"], ["frobnicate"], ["--what"], ["demo", "--out"],
    ["new", SCENARIO, "--out", "x.dientap", "--colour", "red"],
]


def test_wrong_usage_exits_2(tmp_path):
    for result in run_many(USAGE_ERRORS, cwd=tmp_path):
        usage_error(result)
    assert not any(tmp_path.iterdir())


# --- scenarios, new, demo ----------------------------------------------------------------------


def test_scenarios_lists_id_kind_injects_title():
    result = run("scenarios")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    builtin = Path(__file__).parent.parent / "scenarios"
    files = {yaml.safe_load(p.read_text("utf-8"))["id"]: yaml.safe_load(p.read_text("utf-8"))
             for p in builtin.glob("*.yaml")}
    assert len(lines) == len(files) >= 4
    for line in lines:
        scenario_id, kind, injects, title = line.split(None, 3)
        data = files[scenario_id]
        assert kind == data["kind"]
        assert int(injects) == len(data["injects"])
        assert title.strip() == data["title"].strip()
    assert {line.split()[1] for line in lines} >= {
        "hostage_rescue", "airborne_landing", "riot_dispersal"}


def test_new_from_builtin_id(fresh):
    data = info(fresh)
    ex = data["exercise"]
    assert (ex["name"], ex["place"], ex["date"], ex["scenario"], ex["status"]) == (
        "Diễn tập phường Yên Bình", "Phường Yên Bình", "2023-11-15", SCENARIO, "planned")
    counts = data["counts"]
    scenario = frozen_scenario(fresh)
    assert counts == {"posts": len(scenario["posts"]), "injects": len(scenario["injects"]),
                      "delivered": 0, "decisions": 0, "observers": 0, "evaluations": 0}
    assert data["total"] == {"complete": False, "score": None, "rating": None}
    for post, criteria in zip(data["posts"], applying(scenario).values(), strict=True):
        assert post["missing"] == [c["id"] for c in criteria]
        assert post["score"] is None and post["rating"] is None and post["complete"] is False


def test_new_with_long_vietnamese_names_and_crlf_scenario(tmp_path):
    src = Path(__file__).parent.parent / "scenarios" / f"{SCENARIO}.yaml"
    crlf = tmp_path / "crlf.yaml"
    crlf.write_bytes(src.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    out = tmp_path / "dai.dientap"
    nfd_name = unicodedata.normalize("NFD", LONG_NAME)
    result = run("new", crlf, "--out", out, "--name", nfd_name, "--place", LONG_NAME[:300])
    assert result.returncode == 0, result.stderr
    data = info(out)
    assert data["exercise"]["name"] == LONG_NAME.strip()
    assert data["exercise"]["place"] == LONG_NAME[:300].strip()
    kit = tmp_path / "dai.dtkit"
    result = run("kit", out, "--observer", "Thượng tá Nguyễn Thị Thanh Hương", "--out", kit)
    assert result.returncode == 0, result.stderr
    assert info(kit)["exercise"]["name"] == LONG_NAME.strip()
    observer = ("Thượng tá Nguyễn Thị Thanh Hương " * 7)[:200]
    sheet = tmp_path / "s.csv"
    sheet.write_text(csv_text([(observer, "chqs", "nam-tinh-hinh", "1", "Tốt " * 200)]),
                     encoding="utf-8")
    assert run("import-scores", out, sheet).returncode == 0
    report = run("report", out, "--out", tmp_path / "pdf", "--only", "summary,scoring")
    assert report.returncode == 0, report.stderr
    assert (tmp_path / "pdf" / "scoring.pdf").read_bytes().startswith(b"%PDF")


def test_new_demo_kit_refuse_a_bad_out_or_value_and_write_nothing(tmp_path, fresh):
    existing = tmp_path / "da-co.bin"
    existing.write_bytes(b"do not touch")
    missing = tmp_path / "khong-co" / "x.bin"
    fresh_before = table_rows(fresh)
    calls = [  # (args, what the line must name)
        (["new", SCENARIO, "--out", tmp_path / "d1.dientap", "--date", "15/11/2023"],
         "15/11/2023"),
        (["new", SCENARIO, "--out", tmp_path / "d2.dientap", "--date", "2023-02-30"],
         "2023-02-30"),
        (["new", SCENARIO, "--out", tmp_path / "d3.dientap", "--date", "20231115"], "20231115"),
        (["new", "khong-co-kich-ban", "--out", tmp_path / "u.dientap"], "khong-co-kich-ban"),
        (["new", tmp_path / "khong-co.yaml", "--out", tmp_path / "u.dientap"], "khong-co.yaml"),
        (["new", SCENARIO, "--out", existing], str(existing)),
        (["demo", "--out", existing], str(existing)),
        (["kit", fresh, "--observer", OBSERVER, "--out", existing], str(existing)),
        (["new", SCENARIO, "--out", missing], str(missing.parent)),
        (["demo", "--out", missing], str(missing.parent)),
        (["kit", fresh, "--observer", OBSERVER, "--out", missing], str(missing.parent)),
        (["new", SCENARIO, "--out", tmp_path], str(tmp_path)),
    ]
    for (args, needle), result in zip(calls, run_many(a for a, _ in calls), strict=True):
        assert len(refused(result, needle)) == 1, (args, result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["da-co.bin"]
    assert existing.read_bytes() == b"do not touch"
    assert table_rows(fresh) == fresh_before


def test_demo_is_complete(demo):
    data = info(demo)
    counts = data["counts"]
    scenario = frozen_scenario(demo)
    assert counts["injects"] == len(scenario["injects"]) == counts["delivered"]
    assert counts["observers"] == 2
    per_post = applying(scenario)
    assert counts["evaluations"] == 2 * sum(len(c) for c in per_post.values())
    assert all(p["complete"] and p["missing"] == [] for p in data["posts"])
    assert data["total"]["complete"] is True and data["total"]["score"] is not None
    with sqlite3.connect(f"{demo.resolve().as_uri()}?mode=ro", uri=True) as conn:
        decided = set(conn.execute(
            "SELECT inject_id, post_id FROM decisions WHERE deleted_at IS NULL"))
        observers = [r[0] for r in conn.execute("SELECT name FROM observers")]
        sources = {r[0] for r in conn.execute("SELECT DISTINCT source FROM scores")}
    conn.close()
    for inject in scenario["injects"]:
        for post in inject["targets"]:
            assert (inject["id"], post) in decided, (inject["id"], post)
    assert counts["decisions"] >= len(decided)
    assert {f"kit:{name}" for name in observers} == sources  # both came back through kits


# --- info --json -------------------------------------------------------------------------------

TOP = {"kind", "exercise", "counts", "posts", "total"}
EXERCISE = {"id", "name", "place", "date", "scenario", "status"}
COUNTS = {"posts", "injects", "delivered", "decisions", "observers", "evaluations"}
POST = {"id", "title", "complete", "score", "rating", "missing"}
TOTAL = {"complete", "score", "rating"}


def check_shape(data: dict) -> None:
    assert set(data) == TOP, set(data) ^ TOP
    assert set(data["exercise"]) == EXERCISE
    assert set(data["counts"]) == COUNTS, set(data["counts"]) ^ COUNTS
    assert all(type(v) is int for v in data["counts"].values())
    ex = data["exercise"]
    assert all(isinstance(ex[k], str) for k in ("id", "name", "place", "scenario", "status"))
    assert ex["date"] is None or len(ex["date"]) == 10
    assert ex["status"] in {"planned", "running", "paused", "finished"}
    assert data["posts"]
    for post in data["posts"]:
        assert set(post) == POST
        assert isinstance(post["id"], str) and isinstance(post["title"], str)
        assert type(post["complete"]) is bool and isinstance(post["missing"], list)
        if post["complete"]:
            assert type(post["score"]) in (int, float) and isinstance(post["rating"], str)
            assert post["missing"] == []
        else:
            assert post["score"] is None and post["rating"] is None and post["missing"]
    assert set(data["total"]) == TOTAL
    assert type(data["total"]["complete"]) is bool
    if data["total"]["complete"]:
        assert type(data["total"]["score"]) in (int, float)
    else:
        assert data["total"]["score"] is None and data["total"]["rating"] is None


def test_info_json_of_an_exercise_has_the_contract_shape(demo, fresh):
    for path in (demo, fresh):
        data = info(path)
        check_shape(data)
        assert data["kind"] == "exercise"
    assert info(demo)["exercise"]["status"] == "finished"


def test_info_json_of_a_kit(demo, fresh, tmp_path):
    kit = tmp_path / "a.dtkit"
    assert run("kit", fresh, "--observer", OBSERVER, "--posts", "chqs,cong-an",
               "--out", kit).returncode == 0
    data = info(kit)
    check_shape(data)
    assert data["kind"] == "kit"
    assert data["exercise"]["id"] == info(fresh)["exercise"]["id"]
    assert [p["id"] for p in data["posts"]] == ["chqs", "cong-an"]
    assert data["counts"]["evaluations"] == 0
    text = run("info", kit)
    assert text.returncode == 0 and OBSERVER in text.stdout


def test_info_text(demo):
    result = run("info", demo)
    assert result.returncode == 0 and result.stderr == ""
    assert info(demo)["exercise"]["name"] in result.stdout


def test_info_on_something_that_is_not_an_exercise(tmp_path, demo):
    contents = {
        "empty.dientap": b"", "zeros.dientap": b"\x00" * 100,
        "header.dientap": b"SQLite format 3\x00" + b"x" * 200, "csv.dientap": b"observer,post\n",
        "cut.dientap": demo.read_bytes()[:20000], "cut.dtkit": demo.read_bytes()[:20000],
        "noise.dtkit": random.Random(1).randbytes(5000),
    }
    for name, content in contents.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "folder.dientap").mkdir()
    (tmp_path / "folder.dtkit").mkdir()
    paths = [tmp_path / "missing.dientap", tmp_path / "folder.dientap", tmp_path / "folder.dtkit",
             *(tmp_path / name for name in contents)]
    for path, result in zip(paths, run_many(["info", p] for p in paths), strict=True):
        assert len(refused(result, str(path))) == 1, result.stderr
        if path.name.startswith("folder"):
            assert "not a file" in result.stderr
    for name, content in contents.items():
        assert (tmp_path / name).read_bytes() == content


def test_a_file_from_a_newer_version_is_refused(tmp_path, fresh):
    path = copy(fresh, tmp_path / "newer.dientap")
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = table_rows(path)
    calls = (["info", path], ["import-scores", path, path], ["merge", path, path],
             ["kit", path, "--observer", OBSERVER, "--out", tmp_path / "k.dtkit"],
             ["report", path, "--out", tmp_path / "r"])
    for result in run_many(calls):
        lines = refused(result, str(path))
        assert len(lines) == 1 and ("newer" in lines[0] or "version" in lines[0]), lines
    assert table_rows(path) == before
    assert not (tmp_path / "k.dtkit").exists() and not (tmp_path / "r").exists()


# --- import-scores -----------------------------------------------------------------------------


@pytest.fixture
def exercise(fresh, tmp_path) -> Path:
    return copy(fresh, tmp_path / "ex.dientap")


@pytest.fixture(scope="module")
def scenario(fresh) -> dict:
    return frozen_scenario(fresh)


def scores_of(path: Path) -> dict[tuple[str, str, str], str]:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT o.name, s.post_id, s.criterion_id, s.value FROM scores s "
            "JOIN observers o ON o.id = s.observer_id").fetchall()
    conn.close()
    return {(o, p, c): v for o, p, c, v in rows}


def test_import_with_bom_quoted_comma_decimals_and_comments(exercise, scenario, tmp_path):
    rows = score_rows(scenario, OBSERVER, Fraction(3, 4), posts={"cong-an"})
    rows[0] = (OBSERVER, rows[0][1], rows[0][2], '"1,5"', '"Tốt, nhanh"')
    sheet = tmp_path / "diem.csv"
    sheet.write_bytes(b"\xef\xbb\xbf" + csv_text(rows).replace("\n", "\r\n").encode("utf-8"))
    result = run("import-scores", exercise, sheet)
    assert result.returncode == 0, result.stderr
    got = scores_of(exercise)
    assert len(got) == len(rows)
    assert Fraction(Decimal(got[(OBSERVER, rows[0][1], rows[0][2])])) == Fraction(3, 2)
    data = info(exercise)
    assert data["counts"]["observers"] == 1 and data["counts"]["evaluations"] == len(rows)
    cong_an = next(p for p in data["posts"] if p["id"] == "cong-an")
    assert cong_an["complete"] is True and cong_an["missing"] == []


def test_import_without_comment_column_and_twice_is_the_same(exercise, scenario, tmp_path):
    rows = [row[:4] for row in score_rows(scenario, OBSERVER, Fraction(1, 2))]
    sheet = tmp_path / "diem.csv"
    sheet.write_text(csv_text(rows, "observer,post,criterion,score"), encoding="utf-8")
    assert run("import-scores", exercise, sheet).returncode == 0
    first, first_info = scores_of(exercise), info(exercise)
    assert run("import-scores", exercise, sheet).returncode == 0
    assert scores_of(exercise) == first
    assert info(exercise) == first_info
    assert first_info["total"]["complete"] is True
    assert first_info["total"]["score"] == 5.0


def bad_csv_cases(scenario: dict) -> list[tuple[str, str, list[str]]]:
    per_post = applying(scenario)
    cong_an = per_post["cong-an"]
    not_for_cong_an = next(c for c in scenario["criteria"]
                           if c["posts"] != "all" and "cong-an" not in c["posts"])
    c0 = cong_an[0]
    over = Decimal(str(c0["max"])) + Decimal("0.5")
    good = f"{OBSERVER},cong-an,{c0['id']},1,"
    header = "observer,post,criterion,score,comment\n"
    return [
        ("over-max", header + good + "\n" * 1 + f"{OBSERVER},cong-an,{c0['id']},{over},\n",
         [f':3: score {over:f} is over the maximum {c0["max"]} of criterion "{c0["id"]}"']),
        ("negative", header + f"{OBSERVER},cong-an,{c0['id']},-1,\n", [":2:", "-1"]),
        ("not-a-number", header + f"{OBSERVER},cong-an,{c0['id']},tám,\n", [":2:", "tám"]),
        ("not-applying", header + f"{OBSERVER},cong-an,{not_for_cong_an['id']},1,\n",
         [":2:", not_for_cong_an["id"], "cong-an"]),
        ("unknown-post", header + f"{OBSERVER},cong-anh,{c0['id']},1,\n", [":2:", "cong-anh"]),
        ("unknown-criterion", header + f"{OBSERVER},cong-an,khong-co,1,\n", [":2:", "khong-co"]),
        ("header", "nguoi,cuong-vi,tieu-chi,diem\n" + good + "\n", [":1:"]),
        ("empty", "", ["header"]),
        ("only-bom", "\ufeff", ["header"]),
        ("two-bad-rows", header + good + "\n" + f"{OBSERVER},cong-an,{c0['id']},x,\n"
         + good.replace(",1,", ",99,") + "\n", [":3:", ":4:"]),
        ("missing-score", header + f"{OBSERVER},cong-an,{c0['id']}\n", [":2:"]),
        ("empty-observer", header + f",cong-an,{c0['id']},1,\n", [":2:"]),
        ("long-observer", header + f"{'Nguyễn ' * 40},cong-an,{c0['id']},1,\n", [":2:", "200"]),
        ("binary", "\x00\x01\x02\x03", []),
    ]


def test_every_bad_csv_is_refused_whole_and_changes_nothing(demo, scenario, tmp_path):
    cases = bad_csv_cases(scenario)
    calls = []
    for name, text, _ in cases:
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
        exercise = copy(demo, tmp_path / f"{name}.dientap")
        calls.append(["import-scores", exercise, tmp_path / f"{name}.csv"])
    before = table_rows(demo)
    for (name, _, needles), (_, exercise, sheet), result in zip(cases, calls, run_many(calls),
                                                                strict=True):
        lines = refused(result, *needles)
        assert all(line.startswith(str(sheet)) for line in lines), (name, lines)
        if name == "two-bad-rows":
            assert len(lines) == 2, lines
        assert table_rows(exercise) == before, name


def test_csv_with_latin1_bytes_and_a_missing_csv(exercise, tmp_path):
    before = table_rows(exercise)
    sheet = tmp_path / "latin1.csv"
    sheet.write_bytes("observer,post,criterion,score\nTám,cong-an,x,1\n".encode("latin-1"))
    refused(run("import-scores", exercise, sheet), str(sheet))
    refused(run("import-scores", exercise, tmp_path / "khong-co.csv"), "khong-co.csv")
    refused(run("import-scores", tmp_path / "khong-co.dientap", sheet), "khong-co.dientap")
    assert table_rows(exercise) == before


def test_nfd_observer_names_are_one_observer(exercise, scenario, tmp_path):
    nfd = unicodedata.normalize("NFD", OBSERVER)
    rows = score_rows(scenario, nfd, Fraction(1, 2), posts={"cong-an"})
    sheet = tmp_path / "nfd.csv"
    sheet.write_text(csv_text(rows), encoding="utf-8")
    assert run("import-scores", exercise, sheet).returncode == 0
    rows = score_rows(scenario, OBSERVER, Fraction(1, 4), posts={"cong-an"})
    sheet.write_text(csv_text(rows), encoding="utf-8")
    assert run("import-scores", exercise, sheet).returncode == 0
    assert {o for o, _, _ in scores_of(exercise)} == {OBSERVER}
    assert info(exercise)["counts"]["observers"] == 1


# --- kits --------------------------------------------------------------------------------------


@pytest.fixture
def kit(fresh, tmp_path) -> Path:
    path = tmp_path / "tam.dtkit"
    result = run("kit", fresh, "--observer", OBSERVER, "--out", path)
    assert result.returncode == 0, result.stderr
    return path


def test_kit_posts_option(fresh, tmp_path):
    out = tmp_path / "k.dtkit"
    refused(run("kit", fresh, "--observer", OBSERVER, "--posts", "chqs,khong-co", "--out", out),
            "khong-co")
    assert not out.exists()
    refused(run("kit", fresh, "--observer", "   ", "--out", out))
    assert not out.exists()
    refused(run("kit", tmp_path / "khong-co.dientap", "--observer", OBSERVER, "--out", out))
    assert not out.exists()


def test_csv_into_a_kit(kit, scenario, tmp_path):
    before = table_rows(kit)
    wrong = tmp_path / "wrong.csv"
    wrong.write_text(csv_text(score_rows(scenario, "Người khác", Fraction(1, 2),
                                         posts={"chqs"})), encoding="utf-8")
    refused(run("import-scores", kit, wrong), "Người khác")
    assert table_rows(kit) == before
    good = tmp_path / "good.csv"
    good.write_text(csv_text(score_rows(scenario, OBSERVER, Fraction(1, 2), posts={"chqs"})),
                    encoding="utf-8")
    assert run("import-scores", kit, good).returncode == 0
    data = info(kit)
    chqs = next(p for p in data["posts"] if p["id"] == "chqs")
    assert chqs["complete"] and chqs["score"] == 5.0 and chqs["rating"] == "Đạt yêu cầu"


def test_csv_into_a_kit_for_a_post_it_does_not_hold(fresh, scenario, tmp_path):
    kit = tmp_path / "k.dtkit"
    assert run("kit", fresh, "--observer", OBSERVER, "--posts", "chqs", "--out",
               kit).returncode == 0
    before = table_rows(kit)
    sheet = tmp_path / "s.csv"
    sheet.write_text(csv_text(score_rows(scenario, OBSERVER, Fraction(1, 2), posts={"cong-an"})),
                     encoding="utf-8")
    refused(run("import-scores", kit, sheet), "cong-an")
    assert table_rows(kit) == before


def test_merge_is_idempotent_and_keeps_history(fresh, scenario, kit, tmp_path):
    exercise = copy(fresh, tmp_path / "ex.dientap")
    sheet = tmp_path / "s.csv"
    sheet.write_text(csv_text(score_rows(scenario, OBSERVER, Fraction(1, 2))), encoding="utf-8")
    assert run("import-scores", kit, sheet).returncode == 0
    result = run("merge", exercise, kit)
    assert result.returncode == 0, result.stderr
    merged = table_rows(exercise)
    data = info(exercise)
    assert data["total"] == {"complete": True, "score": 5.0, "rating": "Đạt yêu cầu"}
    total = data["counts"]["evaluations"]
    assert total == sum(len(c) for c in applying(scenario).values())

    again = run("merge", exercise, kit)
    assert again.returncode == 0, again.stderr
    assert table_rows(exercise) == merged  # the second time changes nothing at all

    sheet.write_text(csv_text(score_rows(scenario, OBSERVER, Fraction(9, 10))), encoding="utf-8")
    assert run("import-scores", kit, sheet).returncode == 0
    assert run("merge", exercise, kit).returncode == 0
    data = info(exercise)
    assert data["total"] == {"complete": True, "score": 9.0, "rating": "Giỏi"}
    assert data["counts"]["evaluations"] == total  # current scores, not history
    with sqlite3.connect(exercise) as conn:
        history = conn.execute("SELECT count(*) FROM score_history").fetchone()[0]
    conn.close()
    assert history >= total


def test_bad_kits_are_refused_and_good_ones_still_merge(demo, fresh, scenario, kit, tmp_path):
    exercise = copy(fresh, tmp_path / "ex.dientap")
    sheet = tmp_path / "s.csv"
    sheet.write_text(csv_text(score_rows(scenario, OBSERVER, Fraction(1, 2), posts={"chqs"})),
                     encoding="utf-8")
    assert run("import-scores", kit, sheet).returncode == 0
    other = tmp_path / "other.dtkit"
    assert run("kit", demo, "--observer", OBSERVER, "--out", other).returncode == 0
    truncated = tmp_path / "cut.dtkit"
    truncated.write_bytes(kit.read_bytes()[: len(kit.read_bytes()) // 2])
    noise = tmp_path / "noise.dtkit"
    noise.write_bytes(random.Random(4).randbytes(8192))
    exercise_as_kit = copy(fresh, tmp_path / "exercise-as-kit.dtkit")
    missing = tmp_path / "missing.dtkit"
    bad = [other, truncated, noise, exercise_as_kit, missing]
    before = table_rows(exercise)

    alone = run("merge", exercise, *bad)
    lines = refused(alone)
    assert len(lines) == len(bad), lines
    for path, line in zip(bad, lines, strict=True):
        assert line.startswith(str(path)), (path, line)
    assert table_rows(exercise) == before

    mixed = run("merge", exercise, other, kit, noise)
    assert mixed.returncode == 1
    assert len(mixed.stderr.splitlines()) == 2
    assert str(kit) in mixed.stdout
    chqs = next(p for p in info(exercise)["posts"] if p["id"] == "chqs")
    assert chqs["complete"] and chqs["score"] == 5.0


def test_kit_given_as_exercise_and_exercise_as_kit(fresh, kit, tmp_path):
    exercise = copy(fresh, tmp_path / "ex.dientap")
    kit_before, ex_before = table_rows(kit), table_rows(exercise)
    renamed = copy(kit, tmp_path / "kit-named-as.dientap")
    calls = [["merge", kit, kit], ["kit", kit, "--observer", OBSERVER, "--out", tmp_path / "k2"],
             ["report", kit, "--out", tmp_path / "r"], ["merge", renamed, kit]]
    for args, result in zip(calls, run_many(calls), strict=True):
        assert len(refused(result, str(args[1]))) == 1
    assert table_rows(kit) == kit_before and table_rows(exercise) == ex_before
    assert not (tmp_path / "k2.dtkit").exists()


def tamper(kit: Path, sql: str, dst: Path) -> Path:
    shutil.copyfile(kit, dst)
    with sqlite3.connect(dst) as conn:
        conn.execute(sql)
    conn.close()
    return dst


def test_kits_with_values_out_of_range_or_a_table_lost_are_refused(fresh, scenario, kit, tmp_path):
    exercise = copy(fresh, tmp_path / "ex.dientap")
    sheet = tmp_path / "s.csv"
    sheet.write_text(csv_text(score_rows(scenario, OBSERVER, Fraction(1, 2), posts={"chqs"})),
                     encoding="utf-8")
    assert run("import-scores", kit, sheet).returncode == 0
    over = tamper(kit, "UPDATE scores SET value = '99' WHERE rowid = 1", tmp_path / "over.dtkit")
    neg = tamper(kit, "UPDATE scores SET value = '-1' WHERE rowid = 1", tmp_path / "neg.dtkit")
    nan = tamper(kit, "UPDATE scores SET value = 'NaN' WHERE rowid = 1", tmp_path / "nan.dtkit")
    post = tamper(kit, "UPDATE scores SET post_id = 'khong-co' WHERE rowid = 1",
                  tmp_path / "post.dtkit")
    missing = tamper(kit, "DROP TABLE notes", tmp_path / "missing.dtkit")
    bad = [over, neg, nan, post, missing]
    before = table_rows(exercise)
    lines = refused(run("merge", exercise, *bad))
    assert len(lines) == len(bad), lines
    assert table_rows(exercise) == before


# --- report ------------------------------------------------------------------------------------

ALL_REPORTS = {"scoring.pdf", "blank.pdf", "summary.pdf", "log.pdf", "aar.pdf"}


def test_report_writes_the_five_pdfs(demo, tmp_path):
    out = tmp_path / "pdf"
    result = run("report", demo, "--out", out)
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.iterdir()} == ALL_REPORTS
    assert all(p.read_bytes().startswith(b"%PDF") for p in out.iterdir())


def test_report_only_and_its_refusals(fresh, tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    only, bogus, into_file = run_many([
        ["report", fresh, "--out", tmp_path / "pdf", "--only", "blank,log"],
        ["report", fresh, "--out", tmp_path / "bogus", "--only", "summary,bogus"],
        ["report", fresh, "--out", a_file, "--only", "blank"],
    ])
    assert only.returncode == 0, only.stderr
    assert {p.name for p in (tmp_path / "pdf").iterdir()} == {"blank.pdf", "log.pdf"}
    assert len(refused(bogus, "bogus")) == 1
    assert not (tmp_path / "bogus").exists() or not any((tmp_path / "bogus").iterdir())
    assert len(refused(into_file, str(a_file))) == 1
    assert a_file.read_text() == "x"


# --- permissions: a read-only file, a folder without write permission -------------------------


def run_unprivileged(calls):
    """Run as a user without write permission (root would write anywhere), side by side."""
    if os.geteuid() != 0:
        return run_many(calls)
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv")
    nobody = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
    return run_many(calls, cwd=Path(__file__).parent.parent, prefix=nobody)


@pytest.fixture
def locked(fresh, scenario):
    """A folder others may read but not write, holding an exercise file, a kit and a CSV."""
    folder = Path(tempfile.mkdtemp(prefix="dientap-ro-"))
    try:
        ex = copy(fresh, folder / "ex.dientap")
        kit = folder / "k.dtkit"
        assert run("kit", ex, "--observer", OBSERVER, "--out", kit).returncode == 0
        sheet = folder / "s.csv"
        sheet.write_text(csv_text(score_rows(scenario, OBSERVER, Fraction(1, 2),
                                             posts={"chqs"})), encoding="utf-8")
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)
        yield folder, ex, kit, sheet
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_read_only_files_and_folders(locked):
    folder, ex, kit, sheet = locked
    before_ex, before_kit = table_rows(ex), table_rows(kit)
    calls = [  # (args, what the line must name)
        (["import-scores", ex, sheet], ex), (["import-scores", kit, sheet], kit),
        (["merge", ex, kit], ex),
        (["new", SCENARIO, "--out", folder / "n.dientap"], folder),
        (["demo", "--out", folder / "d.dientap"], folder),
        (["kit", ex, "--observer", "B", "--out", folder / "b.dtkit"], folder),
        (["report", ex, "--out", folder / "pdf", "--only", "blank"], folder),
        (["info", kit, "--json"], None), (["info", ex, "--json"], folder),
    ]
    results = run_unprivileged([args for args, _ in calls])
    for (args, needle), result in zip(calls[:-2], results, strict=False):
        assert len(refused(result, str(needle))) == 1, (args, result.stderr)
    # Reading needs no write permission, for a kit and for an exercise file alike.
    assert results[-2].returncode == 0, results[-2].stderr
    assert results[-1].returncode == 0, results[-1].stderr
    assert json.loads(results[-1].stdout)["kind"] == "exercise"
    assert table_rows(ex) == before_ex and table_rows(kit) == before_kit
    left = sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert left == ["ex.dientap", "k.dtkit", "s.csv"]


def test_the_contract_s_own_examples_hold_on_the_built_in_hostage_scenario(tmp_path):
    """cli.md's example of a refused row, and scenario-format.md's criterion `to-chuc-vay-bat`
    (max 3, for cong-an and chqs), hold on the built-in scenario of the same id."""
    path = tmp_path / "ex.dientap"
    assert run("new", "giai-thoat-con-tin", "--out", path).returncode == 0
    before = path.read_bytes()
    csv = tmp_path / "scores.csv"
    csv.write_text("observer,post,criterion,score,comment\n" + "A,cong-an,nam-tinh-hinh,2,\n" * 0
                   + "".join(f"Đại tá A,chqs,to-chuc-vay-bat,{n},\n" for n in (1, 2, 2.5, 3, 1.5))
                   .replace("Đại tá A,chqs", "Đại tá B,chqs", 1)
                   + "Đại tá C,cong-an,to-chuc-vay-bat,3.5,\n", encoding="utf-8")
    result = run("import-scores", path, csv)
    assert result.returncode == 1
    assert f'{csv}:7: score 3.5 is over the maximum 3 of criterion "to-chuc-vay-bat"' \
        in result.stderr.splitlines()
    assert path.read_bytes() == before
