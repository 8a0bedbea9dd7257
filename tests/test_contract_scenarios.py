"""scenario-format.md from outside: `dientap validate` and `new` on files written here, and the
scoring rules checked through `import-scores` and `info --json` against an independent sum."""

from __future__ import annotations

import json
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from tests.contract_support import LINE_FORM, refused, run

BASE = """\
format: dientap/1
id: cham-diem
title: "Kiểm thử chấm điểm"
kind: other
level: tinh
summary: |
  Kịch bản kiểm thử từ bên ngoài.
scale:
  max: 20
  ratings:
    - {label: "Xuất sắc", min: 17}
    - {label: "Tốt", min: 12.5}
    - {label: "Đạt", min: 10}
    - {label: "Chưa đạt", min: 0}
posts:
  - id: p-a
    title: "Bí thư Đảng ủy"
    weight: 3
  - id: p-b
    title: "Chủ tịch UBND"
    unit: "Phường Yên Bình"
    weight: 1.5
  - id: p-c
    title: "Trưởng Công an"
phases:
  - id: b1
    title: "Bước 1: Nắm tình hình"
  - id: b2
    title: "Bước 2: Xử trí"
injects:
  - id: t-1
    phase: b1
    at: "00:00"
    scenario_time: "07 giờ 30 ngày N"
    source: "Công an quận"
    title: "Phát hiện đối tượng"
    text: |
      Lúc 07 giờ 30, tổ tuần tra phát hiện đối tượng.
    targets: [p-a, p-b, p-c]
    expected:
      p-c:
        - "Báo cáo cấp trên"
    notes: "Chỉ đạo diễn đọc"
    media: [ban-do/khu-vuc.png]
  - id: t-2
    phase: b2
    at: 95
    title: "Đối tượng bỏ chạy"
    text: "Một đối tượng bỏ chạy."
    targets: [p-c]
criteria:
  - id: c1
    text: "Nắm tình hình"
    max: 5
    posts: all
  - id: c2
    text: "Điều hành"
    max: 3
    posts: [p-a, p-b]
    injects: [t-1]
  - id: c3
    text: "Vây bắt"
    max: 0.75
    posts: [p-c]
"""


def edit(old: str, new: str, text: str = BASE) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(needle: str | tuple[str, int], text: str) -> int:
    """The line of the first (or nth, with a (needle, n) pair) line that holds the needle."""
    needle, nth = needle if isinstance(needle, tuple) else (needle, 1)
    return [n for n, line in enumerate(text.splitlines(), 1) if needle in line][nth - 1]


# (name, text, path in the message, what the message says, needle of the offending line)
NO_WEIGHT = edit("weight: 1.5", "weight: 0", edit("weight: 3", "weight: 0", edit(
    'title: "Trưởng Công an"\n', 'title: "Trưởng Công an"\n    weight: 0\n')))

BROKEN = [
    ("format-missing", edit("format: dientap/1\n", ""), "format", "missing", "id: cham-diem"),
    ("format-other", edit("dientap/1", "dientap/2"), "format", 'unsupported format "dientap/2"',
     "format:"),
    ("id-upper", edit("id: cham-diem", "id: Cham_Diem"), "id", "Cham_Diem", "id: Cham_Diem"),
    ("id-long", edit("id: cham-diem", "id: " + "a" * 65), "id", "a" * 60, "id: aaa"),
    ("post-id-dup", edit("id: p-b\n", "id: p-a\n"), "posts[1].id", "duplicate", ("- id: p-a", 2)),
    ("phase-id-dup", edit("id: b2\n", "id: b1\n"), "phases[1].id", "duplicate", ("- id: b1", 2)),
    ("inject-id-dup", edit("id: t-2", "id: t-1"), "injects[1].id", "duplicate", ("- id: t-1", 2)),
    ("criterion-id-dup", edit("id: c3", "id: c2"), "criteria[2].id", "duplicate", ("- id: c2", 2)),
    ("title-missing", edit('title: "Kiểm thử chấm điểm"\n', ""), "title", "missing",
     "format:"),
    ("post-title-blank", edit('"Chủ tịch UBND"', '"   "'), "posts[1].title", "empty",
     '"   "'),
    ("phase-title-empty", edit('"Bước 2: Xử trí"', '""'), "phases[1].title", "empty",
     'title: ""'),
    ("inject-text-missing", edit('    text: "Một đối tượng bỏ chạy."\n', ""),
     "injects[1].text", "missing", "- id: t-2"),
    ("criterion-text-blank", edit('"Vây bắt"', '" "'), "criteria[2].text", "empty", '" "'),
    ("kind-bad", edit("kind: other", "kind: hostage"), "kind", "hostage", "kind:"),
    ("level-missing", edit("level: tinh\n", ""), "level", "missing", "format:"),
    ("level-bad", edit("level: tinh", "level: quan"), "level", "quan", "level:"),
    ("phases-empty", BASE.replace(
        "phases:\n  - id: b1\n    title: \"Bước 1: Nắm tình hình\"\n"
        "  - id: b2\n    title: \"Bước 2: Xử trí\"\n", "phases: []\n"),
     "phases", "empty", "phases: []"),
    ("posts-not-list", edit("posts:\n", "posts: p-a\nx-posts:\n"), "posts", "list",
     "posts: p-a"),
    ("phase-unknown", edit("phase: b2", "phase: b9"), "injects[1].phase", '"b9"', "phase: b9"),
    ("at-minutes-60", edit('at: "00:00"', 'at: "01:60"'), "injects[0].at", "01:60", 'at: "01'),
    ("at-negative", edit("at: 95", "at: -5"), "injects[1].at", "-5", "at: -5"),
    ("at-fraction", edit("at: 95", "at: 1.5"), "injects[1].at", "1.5", "at: 1.5"),
    ("at-text", edit("at: 95", "at: soon"), "injects[1].at", "soon", "at: soon"),
    ("targets-empty", edit("targets: [p-c]", "targets: []"), "injects[1].targets", "empty",
     "targets: []"),
    ("targets-repeat", edit("targets: [p-c]", "targets: [p-c, p-c]"), "injects[1].targets[1]",
     "p-c", "targets: [p-c, p-c]"),
    ("targets-unknown", edit("targets: [p-c]", "targets: [cong-anh]"), "injects[1].targets[0]",
     'unknown post "cong-anh"', "targets: [cong-anh]"),
    ("expected-not-target", edit("      p-c:\n", "      p-x:\n"), "injects[0].expected.p-x",
     "p-x", "p-x:"),
    ("expected-empty", edit('      p-c:\n        - "Báo cáo cấp trên"\n', "      p-c: []\n"),
     "injects[0].expected.p-c", "empty", "p-c: []"),
    ("expected-not-strings", edit('        - "Báo cáo cấp trên"\n', "        - {a: 1}\n"),
     "injects[0].expected.p-c[0]", "text", "- {a: 1}"),
    ("media-dotdot", edit("[ban-do/khu-vuc.png]", "[../bi-mat.png]"), "injects[0].media[0]",
     "..", "media:"),
    ("media-absolute", edit("[ban-do/khu-vuc.png]", "[/etc/passwd]"), "injects[0].media[0]",
     "absolute", "media:"),
    ("media-windows", edit("[ban-do/khu-vuc.png]", "['C:\\x.png']"), "injects[0].media[0]",
     "absolute", "media:"),
    ("max-zero", edit("max: 0.75", "max: 0"), "criteria[2].max", "> 0", "max: 0"),
    ("max-negative", edit("max: 3\n", "max: -3\n"), "criteria[1].max", "> 0", "max: -3"),
    ("max-text", edit("max: 3\n", "max: ba\n"), "criteria[1].max", "ba", "max: ba"),
    ("criterion-posts-word", edit("posts: all", "posts: some"), "criteria[0].posts", "some",
     "posts: some"),
    ("criterion-posts-empty", edit("posts: [p-c]", "posts: []"), "criteria[2].posts", "empty",
     "posts: []"),
    ("criterion-posts-unknown", edit("posts: [p-c]", "posts: [p-z]"), "criteria[2].posts[0]",
     '"p-z"', "posts: [p-z]"),
    ("criterion-injects-unknown", edit("injects: [t-1]", "injects: [t-9]"),
     "criteria[1].injects[0]", '"t-9"', "injects: [t-9]"),
    ("post-without-criterion", edit("posts: all", "posts: [p-a, p-b]",
                                    edit("posts: [p-c]", "posts: [p-b]")), "posts[2]", '"p-c"',
     "- id: p-c"),
    ("ratings-not-decreasing", edit("min: 12.5", "min: 17"), "scale.ratings[1].min",
     "decreasing", '"Tốt"'),
    ("ratings-last-not-zero", edit("min: 0}", "min: 1}"), "scale.ratings[3].min", "0",
     "min: 1}"),
    ("ratings-over-max", edit("max: 20", "max: 15"), "scale.ratings[0].min", "15",
     '"Xuất sắc"'),
    ("unknown-top", BASE + "ghi-chu: 1\n", "ghi-chu", "unknown field", "ghi-chu"),
    ("unknown-in-post", edit("    weight: 3\n", "    weight: 3\n    trong-so: 3\n"),
     "posts[0].trong-so", "unknown field", "trong-so"),
    ("unknown-in-inject", edit("    at: 95\n", "    at: 95\n    thoi-gian: 1\n"),
     "injects[1].thoi-gian", "unknown field", "thoi-gian"),
    ("weight-negative", edit("weight: 3", "weight: -1"), "posts[0].weight", ">= 0",
     "weight: -1"),
    ("weights-all-zero", NO_WEIGHT, "posts", "every post has weight 0", "- id: p-a"),
]


def test_every_broken_rule_is_refused_with_file_line_path_message(tmp_path):
    files = {}
    for name, text, *_ in BROKEN:
        files[name] = tmp_path / f"{name}.yaml"
        files[name].write_text(text, encoding="utf-8")
    result = run("validate", *files.values())
    lines = refused(result)
    assert all(LINE_FORM.match(line) for line in lines), result.stderr
    for name, text, path, message, needle in BROKEN:
        mine = [line for line in lines if line.startswith(f"{files[name]}:")]
        assert mine, f"{name}: no problem reported"
        expected_line = line_of(needle, text)
        prefix = f"{files[name]}:{expected_line}: {path}: "
        assert any(line.startswith(prefix) and message in line for line in mine), (
            name, prefix, message, mine)


def test_every_problem_of_one_file_at_once_in_line_order(tmp_path):
    text = edit("kind: other", "kind: khac")
    text = edit("targets: [p-c]", "targets: [p-z]", text)
    text = edit("max: 3\n", "max: -1\n", text)
    text += "x-ok: [1, 2]\nthua: 1\n"
    bad = tmp_path / "nhieu-loi.yaml"
    bad.write_text(text, encoding="utf-8")
    lines = refused(run("validate", bad))
    assert len(lines) == 4, lines
    numbers = [int(line.split(":")[1]) for line in lines]
    assert numbers == sorted(numbers)
    assert [line.split(": ")[1] for line in lines] == [
        "kind", "injects[1].targets[0]", "criteria[1].max", "thua"]


def map_beside(folder):
    """The map BASE's first inject shows, in its folder: a good file has not even a warning."""
    (folder / "ban-do").mkdir()
    (folder / "ban-do" / "khu-vuc.png").write_bytes(b"\x89PNG map")


def test_good_files_exit_0_and_x_keys_everywhere_are_ignored(tmp_path):
    text = "x-top: {anything: [1, 2]}\n" + BASE
    text = edit("    weight: 3\n", "    weight: 3\n    x-note: post\n", text)
    text = edit("    at: 95\n", "    at: 95\n    x-extra: true\n", text)
    text = edit("    max: 0.75\n", "    max: 0.75\n    x-c: 1\n", text)
    text = edit("  max: 20\n", "  max: 20\n  x-s: 1\n", text)
    variants = {
        "base.yaml": BASE,
        "x-keys.yaml": text,
        "crlf.yaml": BASE.replace("\n", "\r\n"),
        "bom.yaml": "\ufeff" + BASE,
        "no-optional.yaml": edit("scale:\n  max: 20\n  ratings:\n"
                                 '    - {label: "Xuất sắc", min: 17}\n'
                                 '    - {label: "Tốt", min: 12.5}\n'
                                 '    - {label: "Đạt", min: 10}\n'
                                 '    - {label: "Chưa đạt", min: 0}\n', ""),
        "at-forms.yaml": edit("at: 95", 'at: "100:05"'),
        "id-64.yaml": edit("id: cham-diem", "id: " + "a" * 64),
    }
    paths = []
    for name, content in variants.items():
        (tmp_path / name).write_bytes(content.encode("utf-8"))
        paths.append(tmp_path / name)
    map_beside(tmp_path)
    result = run("validate", *paths)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_good_and_bad_files_in_one_call(tmp_path):
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    map_beside(tmp_path)
    good.write_text(BASE, encoding="utf-8")
    bad.write_text(edit("level: tinh", "level: quan"), encoding="utf-8")
    result = run("validate", good, bad)
    lines = refused(result)
    assert all(line.startswith(f"{bad}:") for line in lines)
    assert str(good) in result.stdout


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


UNUSABLE = {
    "yaml": b"format: [dientap/1\n",
    "utf8": b"format: dientap/1\nid: \xff\xfe-bad\n",
    "python-tag-top": b"!!python/object/apply:os.system ['echo PWNED']\n",
    "python-tag": b"format: dientap/1\nid: !!python/object/apply:os.system ['echo PWNED']\n",
    "laughs": BILLION_LAUGHS.encode(),
    "empty": b"",
    "list": b"- just\n- a list\n",
    "binary": b"\x00\x01\x02 random",
}


def test_unusable_files_one_clear_line_each(tmp_path):
    paths = []
    for name, content in UNUSABLE.items():
        paths.append(tmp_path / f"{name}.yaml")
        paths[-1].write_bytes(content)
    result = run("validate", *paths)
    lines = refused(result)
    assert "PWNED" not in result.stdout + result.stderr
    for path in paths:
        assert len([line for line in lines if line.startswith(f"{path}:")]) == 1, (path, lines)
    assert len(lines) == len(paths)


def test_too_large_and_missing_files(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(BASE.encode() + b"#" * (5 * 1024 * 1024 + 10) + b"\n")
    missing = tmp_path / "khong-co.yaml"
    lines = refused(run("validate", big, missing))
    assert len(lines) == 2, lines
    assert lines[0].startswith(str(big)) and lines[1].startswith(str(missing))


def test_validate_without_files_is_usage():
    result = run("validate")
    assert result.returncode == 2


# --- new, on a scenario file -------------------------------------------------------------------


def test_new_from_a_path_freezes_the_scenario(tmp_path):
    src = tmp_path / "kich-ban.yaml"
    src.write_text(BASE, encoding="utf-8")
    out = tmp_path / "ex.dientap"
    result = run("new", src, "--out", out)
    assert result.returncode == 0, result.stderr
    src.write_text(edit("level: tinh", "level: quan"), encoding="utf-8")  # later edits: ignored
    info = json.loads(run("info", out, "--json").stdout)
    assert info["exercise"]["scenario"] == "cham-diem"
    assert [p["id"] for p in info["posts"]] == ["p-a", "p-b", "p-c"]
    assert info["counts"]["posts"] == 3 and info["counts"]["injects"] == 2


def test_new_from_a_broken_file_creates_nothing(tmp_path):
    src = tmp_path / "kich-ban.yaml"
    text = edit("targets: [p-c]", "targets: [cong-anh]")
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "ex.dientap"
    lines = refused(run("new", src, "--out", out), 'unknown post "cong-anh"')
    assert lines[0].startswith(f"{src}:{line_of('cong-anh', text)}: injects[1].targets[0]: ")
    assert not out.exists()


# --- scoring, computed here ------------------------------------------------------------------

MAX = {"c1": Fraction(5), "c2": Fraction(3), "c3": Fraction(3, 4)}
APPLIES = {"p-a": ["c1", "c2"], "p-b": ["c1", "c2"], "p-c": ["c1", "c3"]}
WEIGHT = {"p-a": Fraction(3), "p-b": Fraction(3, 2), "p-c": Fraction(1)}
RATINGS = [("Xuất sắc", 17), ("Tốt", Fraction(25, 2)), ("Đạt", 10), ("Chưa đạt", 0)]
SCALE = 20


def half_up(value: Fraction) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def expected_results(scores: dict[tuple[str, str, str], str]):
    """(post -> (score, rating, missing), total, total rating) from observer scores."""
    posts = {}
    for post, criteria in APPLIES.items():
        means, missing = [], []
        for c in criteria:
            given = [Fraction(Decimal(v)) for (o, p, k), v in scores.items() if (p, k) == (post, c)]
            if given:
                means.append(sum(given) / len(given))
            else:
                missing.append(c)
        if missing:
            posts[post] = (None, None, missing)
            continue
        score = half_up(SCALE * sum(means) / sum(MAX[c] for c in criteria))
        posts[post] = (score, rate(score), [])
    if any(v[0] is None for v in posts.values()):
        return posts, None, None
    total = half_up(sum(WEIGHT[p] * Fraction(v[0]) for p, v in posts.items())
                    / sum(WEIGHT.values()))
    return posts, total, rate(total)


def rate(score: Decimal) -> str:
    return next(label for label, minimum in RATINGS if Fraction(score) >= minimum)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def csv_of(scores: dict[tuple[str, str, str], str], decimal_comma: bool = False) -> str:
    lines = ["observer,post,criterion,score,comment"]
    for (observer, post, criterion), value in scores.items():
        shown = f'"{value.replace(".", ",")}"' if decimal_comma else value
        lines.append(f"{observer},{post},{criterion},{shown},Nhận xét {post}")
    return "\r\n".join(lines) + "\r\n"


def check_info(info: dict, scores: dict) -> None:
    posts, total, total_rating = expected_results(scores)
    for post in info["posts"]:
        score, rating, missing = posts[post["id"]]
        assert post["missing"] == missing, post
        assert post["complete"] is (not missing)
        assert post["score"] == (None if score is None else float(score)), (post, score)
        assert post["rating"] == rating
    assert info["total"]["complete"] is (total is not None)
    assert info["total"]["score"] == (None if total is None else float(total))
    assert info["total"]["rating"] == total_rating


OBSERVER_A = "Nguyễn Thị Hằng"
OBSERVER_B = "Trần Văn Đức"


def test_scoring_rules_with_custom_scale_weights_and_nfd_names(tmp_path):
    # Decomposed names in the scenario and in the CSV are the same strings as composed ones.
    src = tmp_path / "kich-ban.yaml"
    src.write_text(nfd(BASE), encoding="utf-8")
    assert run("validate", src).returncode == 0
    out = tmp_path / "ex.dientap"
    assert run("new", src, "--out", out, "--name", nfd("Diễn tập Đông Sơn")).returncode == 0

    # p-a: 2.5 x (mean(3.5, 3.4) = 3.45) = 8.625 -> 8.63 (half up, not to even)
    # p-b: exactly the "Tốt" minimum 12.5; p-c: c3 missing at first.
    first = {
        (OBSERVER_A, "p-a", "c1"): "3.5", (OBSERVER_B, "p-a", "c1"): "3.4",
        (OBSERVER_A, "p-a", "c2"): "0",
        (OBSERVER_A, "p-b", "c1"): "3", (OBSERVER_A, "p-b", "c2"): "2",
        (OBSERVER_A, "p-c", "c1"): "4.75",
    }
    data = csv_of({(nfd(o), p, c): v for (o, p, c), v in first.items()}, decimal_comma=True)
    sheet = tmp_path / "diem.csv"
    sheet.write_bytes(b"\xef\xbb\xbf" + data.encode("utf-8"))
    result = run("import-scores", out, sheet)
    assert result.returncode == 0, result.stderr
    info = json.loads(run("info", out, "--json").stdout)
    check_info(info, first)
    assert info["posts"][0]["score"] == 8.63
    assert info["posts"][1]["score"] == 12.5 and info["posts"][1]["rating"] == "Tốt"
    assert info["posts"][2]["missing"] == ["c3"] and info["posts"][2]["score"] is None
    assert info["total"] == {"complete": False, "score": None, "rating": None}
    assert info["counts"]["observers"] == 2 and info["counts"]["evaluations"] == 6
    assert info["posts"][0]["title"] == "Bí thư Đảng ủy"  # NFC
    assert info["exercise"]["name"] == "Diễn tập Đông Sơn"

    # The composed spelling of the same observer replaces, does not add.
    second = {(OBSERVER_A, "p-c", "c3"): "0.5", (OBSERVER_B, "p-a", "c1"): "3.41"}
    sheet2 = tmp_path / "diem2.csv"
    sheet2.write_text(csv_of(second).replace(",comment", "").replace(",Nhận xét p-c", "")
                      .replace(",Nhận xét p-a", ""), encoding="utf-8")
    result = run("import-scores", out, sheet2)
    assert result.returncode == 0, result.stderr
    info = json.loads(run("info", out, "--json").stdout)
    scores = {**first, **second}
    check_info(info, scores)
    assert info["counts"]["observers"] == 2 and info["counts"]["evaluations"] == 7
    assert info["total"]["complete"] is True
    assert re.fullmatch(r"\d+(\.\d{1,2})?", str(info["total"]["score"]))


def test_default_scale_ratings_at_their_edges(tmp_path):
    text = BASE.replace(BASE[BASE.index("scale:"):BASE.index("posts:")], "")
    src = tmp_path / "mac-dinh.yaml"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "ex.dientap"
    assert run("new", src, "--out", out).returncode == 0
    # p-a, p-b: 10 x S / 8; p-c: 10 x S / 5.75
    scores = {
        ("A", "p-a", "c1"): "5", ("A", "p-a", "c2"): "1.4",      # 8.0  -> Giỏi (edge)
        ("A", "p-b", "c1"): "4", ("A", "p-b", "c2"): "1.2",      # 6.5  -> Khá (edge)
        ("A", "p-c", "c1"): "2.5", ("A", "p-c", "c3"): "0.369",  # 4.99 -> Không đạt yêu cầu
    }
    sheet = tmp_path / "s.csv"
    sheet.write_text(csv_of(scores), encoding="utf-8")
    assert run("import-scores", out, sheet).returncode == 0
    info = json.loads(run("info", out, "--json").stdout)
    got = [(p["score"], p["rating"]) for p in info["posts"]]
    assert got == [(8.0, "Giỏi"), (6.5, "Khá"), (4.99, "Không đạt yêu cầu")]
    # (3 x 8 + 1.5 x 6.5 + 4.99) / 5.5 = 7.0436... -> 7.04
    assert info["total"] == {"complete": True, "score": 7.04, "rating": "Khá"}
