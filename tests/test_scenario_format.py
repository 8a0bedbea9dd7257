"""The `dientap/1` scenario format: every rule of the contract, its messages and their lines."""

from __future__ import annotations

import json
import tracemalloc
import unicodedata
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from dientap_desktop.domain.scenario import Scale, StateChange
from dientap_desktop.domain.scenario_loader import (
    Problem,
    ScenarioError,
    builtin_scenario_paths,
    find_scenario,
    load_scenario,
    load_scenario_text,
)

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL_PATH = FIXTURES / "minimal.yaml"
MINIMAL = MINIMAL_PATH.read_text("utf-8")
SCHEMA_PATH = Path(__file__).parent.parent / "scenarios" / "dientap-1.schema.json"
F = "s.yaml"


def edit(old: str, new: str, text: str = MINIMAL) -> str:
    """The text with one exact, unique snippet replaced."""
    assert text.count(old) == 1, f"snippet not unique: {old!r}"
    return text.replace(old, new)


def line_of(needle: str, text: str, nth: int = 1) -> int:
    """The 1-based line of the nth line that contains the needle, as an editor and `sed -n Np`
    count lines (str.splitlines would also break them at U+2028 and others)."""
    hits = [n for n, line in enumerate(text.split("\n"), 1) if needle in line]
    return hits[nth - 1]


def problems(text: str | bytes) -> list[str]:
    """Every problem line for a text, or [] if it loads."""
    try:
        load_scenario_text(text, F)
    except ScenarioError as error:
        assert str(error) == "\n".join(str(p) for p in error.problems)
        return [str(p) for p in error.problems]
    return []


def assert_problem(text: str, needle: str, path: str, message: str, nth: int = 1) -> None:
    expected = f"{F}:{line_of(needle, text, nth)}: {path}: {message}"
    found = problems(text)
    assert expected in found, "\n".join(found)


def single_problem(text: str | bytes) -> str:
    found = problems(text)
    assert len(found) == 1, found
    assert "Traceback" not in found[0]
    return found[0]


# --- the valid fixture ----------------------------------------------------------------------


def test_minimal_fixture_loads_fully():
    s = load_scenario(MINIMAL_PATH)
    assert (s.id, s.kind, s.level, s.format) == ("tap-nho", "other", "xa_phuong", "dientap/1")
    assert [p.id for p in s.posts] == ["chu-tich", "cong-an"]
    assert s.posts[1].weight == 2 and s.posts[1].unit == "Phường Nhật Tân"
    assert s.posts[0].weight == 1 and s.posts[0].unit is None
    assert [i.at for i in s.injects] == [0, 15]
    first = s.injects[0]
    assert first.targets == ("cong-an", "chu-tich")
    assert first.expected["cong-an"][0] == "Báo cáo Chủ tịch UBND phường và Công an quận"
    assert first.media == ("ban-do/khu-vuc-1.png",)
    assert first.scenario_time == "07 giờ 30 ngày N"
    assert first.state == StateChange(locality="co_tinh_huong")
    assert s.injects[1].state == StateChange(readiness="tang_cuong")
    assert s.criteria[0].posts is None and s.criteria[1].posts == ("cong-an",)
    assert s.criteria[1].max == Fraction(7, 2) and isinstance(s.criteria[1].max, Fraction)
    assert s.criteria[1].injects == ("th-01",)
    assert s.scale == Scale()
    assert s.source_text == MINIMAL
    assert s.base_dir == MINIMAL_PATH.parent.resolve()
    assert s.summary and not s.summary.endswith("\n")


def test_text_without_base_dir():
    s = load_scenario_text(MINIMAL, "x.yaml")
    assert s.base_dir is None and s.source_text == MINIMAL


def test_bytes_with_bom():
    s = load_scenario_text(b"\xef\xbb\xbf" + MINIMAL.encode(), F)
    assert s.id == "tap-nho" and s.source_text == MINIMAL


def test_problem_str_forms():
    assert str(Problem("a.yaml", 3, "posts[0].id", "bad")) == "a.yaml:3: posts[0].id: bad"
    assert str(Problem("a.yaml", 3, "", "bad")) == "a.yaml:3: bad"
    assert str(Problem("a.yaml", 0, "", "bad")) == "a.yaml: bad"


# --- the rules table, one by one -------------------------------------------------------------


def test_format_unsupported():
    text = edit("format: dientap/1", "format: dientap/2")
    assert problems(text) == [
        f'{F}:2: format: unsupported format "dientap/2" (expected "dientap/1")'
    ]


@pytest.mark.parametrize(
    "field", ["format", "id", "title", "kind", "level", "posts", "phases", "injects", "criteria"]
)
def test_top_level_required(field):
    lines = MINIMAL.splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if line.startswith(f"{field}:"))
    end = next(
        (n for n in range(start + 1, len(lines)) if not lines[n].startswith(" ")), len(lines)
    )
    text = "".join(lines[:start] + lines[end:])
    top_line = 2  # the top mapping starts at its first key, after the comment line
    found = problems(text)
    assert f'{F}:{top_line}: {field}: missing required field "{field}"' in found, found


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("id: tap-nho", "id: Tap-Nho", "id"),
        ("id: tap-nho", "id: tap_nho", "id"),
        ("- id: chu-tich", "- id: chu tich", "posts[0].id"),
        ("- id: b1", "- id: bước-1", "phases[0].id"),
        ("- id: th-02", "- id: th.02", "injects[1].id"),
        ("- id: xu-tri", "- id: '" + "x" * 65 + "'", "criteria[1].id"),
    ],
)
def test_id_syntax(old, new, path):
    text = edit(old, new)
    value = new.split(": ", 1)[1].strip("'")
    assert_problem(
        text,
        new,
        path,
        f'invalid id "{unicodedata.normalize("NFC", value)}" '
        "(expected 1 to 64 characters of a-z, 0-9 and -)",
    )


def test_id_of_64_characters_accepted():
    text = edit("- id: xu-tri", "- id: " + "x" * 64)
    assert problems(text) == []


@pytest.mark.parametrize(
    ("old", "new", "path", "first"),
    [
        ("- id: cong-an", "- id: chu-tich", "posts[1].id", "- id: chu-tich"),
        ("- id: th-02", "- id: th-01", "injects[1].id", "- id: th-01"),
        ("- id: xu-tri", "- id: nam-tinh-hinh", "criteria[1].id", "- id: nam-tinh-hinh"),
    ],
)
def test_duplicate_ids(old, new, path, first):
    text = edit(old, new)
    assert_problem(
        text, new, path, f'duplicate id "{new[6:]}" (first at line {line_of(first, text)})', nth=2
    )


def test_duplicate_phase_id():
    text = edit(
        '    title: "Bước 1: Nắm tình hình, báo cáo, đề xuất"\n',
        '    title: "Bước 1: Nắm tình hình, báo cáo, đề xuất"\n  - id: b1\n    title: "Lặp"\n',
    )
    first = line_of("- id: b1", text)
    assert_problem(
        text, "- id: b1", "phases[1].id", f'duplicate id "b1" (first at line {first})', 2
    )


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ('title: "Diễn tập thử: phát hiện đối tượng khả nghi"', 'title: "  "', "title"),
        ('title: "Chủ tịch UBND phường"', "title: ''", "posts[0].title"),
        ('title: "Bước 1: Nắm tình hình, báo cáo, đề xuất"', 'title: " \t"', "phases[0].title"),
        ('title: "Chỉ đạo của cấp trên"', 'title: ""', "injects[1].title"),
        (
            'text: "Quận ra lệnh chuyển lực lượng vũ trang lên trạng thái sẵn sàng chiến đấu '
            'tăng cường."',
            'text: "   "',
            "injects[1].text",
        ),
        (
            'text: "Xử trí tình huống đúng nguyên tắc, đúng thẩm quyền"',
            'text: ""',
            "criteria[1].text",
        ),
    ],
)
def test_required_text_not_empty(old, new, path):
    text = edit(old, new)
    assert_problem(text, new, path, "empty text (expected non-empty text)")


@pytest.mark.parametrize(
    ("line", "path", "parent"),
    [
        ('    title: "Trưởng Công an phường"\n', "posts[1].title", "- id: cong-an"),
        ('    title: "Bước 1: Nắm tình hình, báo cáo, đề xuất"\n', "phases[0].title", "- id: b1"),
        ('    title: "Chỉ đạo của cấp trên"\n', "injects[1].title", "- id: th-02"),
        ("    phase: b1\n    at: 15\n", "injects[1].phase", "- id: th-02"),
        ("    targets: [chu-tich]\n", "injects[1].targets", "- id: th-02"),
        ("    max: 2\n", "criteria[0].max", "- id: nam-tinh-hinh"),
        ("    posts: all\n", "criteria[0].posts", "- id: nam-tinh-hinh"),
        (
            '    text: "Nắm, đánh giá và báo cáo tình hình kịp thời, chính xác"\n',
            "criteria[0].text",
            "- id: nam-tinh-hinh",
        ),
    ],
)
def test_missing_field_reported_at_parent(line, path, parent):
    text = edit(line, "    at: 15\n" if "phase: b1\n    at: 15" in line else "")
    name = path.rsplit(".", 1)[1]
    assert_problem(text, parent, path, f'missing required field "{name}"')


def test_missing_id_of_post():
    text = edit("  - id: cong-an\n    title:", "  - title:")
    assert_problem(text, '- title: "Trưởng', "posts[1].id", 'missing required field "id"')


@pytest.mark.parametrize(
    ("field", "value", "found"),
    [
        ("summary", "[a, b]", "a list"),
        ("scenario_time", "{a: 1}", "a mapping"),
        ("source", "[x]", "a list"),
        ("notes", "[x]", "a list"),
        ("unit", "{a: b}", "a mapping"),
    ],
)
def test_optional_text_must_be_text(field, value, found):
    old = {
        "summary": "summary: |\n  Kịch bản nhỏ dùng để kiểm thử: phường phát hiện "
        "đối tượng khả nghi\n  và tổ chức nắm tình hình.\n",
        "scenario_time": 'scenario_time: "07 giờ 30 ngày N"\n',
        "source": 'source: "Tổ tuần tra báo cáo"\n',
        "notes": 'notes: "Chỉ đạo diễn đọc; không chiếu"\n',
        "unit": 'unit: "Phường Nhật Tân"\n',
    }[field]
    path = {
        "summary": "summary",
        "scenario_time": "injects[0].scenario_time",
        "source": "injects[0].source",
        "notes": "injects[0].notes",
        "unit": "posts[1].unit",
    }[field]
    text = edit(old, f"{field}: {value}\n")
    assert_problem(text, f"{field}: {value}", path, f"expected text, found {found}")


def test_numbers_in_text_fields_are_their_text():
    text = edit('scenario_time: "07 giờ 30 ngày N"', "scenario_time: 0730")
    text = edit('unit: "Phường Nhật Tân"', "unit: 12", text)
    s = load_scenario_text(text, F)
    assert s.injects[0].scenario_time == "0730" and s.posts[1].unit == "12"


def test_optional_fields_may_be_empty():
    text = edit('notes: "Chỉ đạo diễn đọc; không chiếu"', "notes:")
    text = edit("    media: [ban-do/khu-vuc-1.png]\n", "    media:\n    expected:\n", text)
    text = edit("    expected:\n      cong-an:", "    x-expected:\n      cong-an:", text)
    s = load_scenario_text(text, F)
    assert s.injects[0].notes is None and s.injects[0].media == () and s.injects[0].expected == {}


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    [
        (
            "kind",
            "chien-tranh",
            "hostage_rescue, airborne_landing, riot_dispersal, readiness_transition, other",
        ),
        ("level", "quan", "tinh, huyen, xa_phuong"),
    ],
)
def test_kind_and_level(field, value, allowed):
    current = {"kind": "kind: other", "level": "level: xa_phuong"}[field]
    text = edit(current, f"{field}: {value}")
    assert problems(text) == [
        f'{F}:{line_of(field + ":", text)}: {field}: unknown {field} "{value}" '
        f"(expected one of: {allowed})"
    ]


@pytest.mark.parametrize(
    "kind",
    ["hostage_rescue", "airborne_landing", "riot_dispersal", "readiness_transition", "other"],
)
def test_every_kind_accepted(kind):
    assert load_scenario_text(edit("kind: other", f"kind: {kind}"), F).kind == kind


@pytest.mark.parametrize("name", ["posts", "phases", "injects", "criteria"])
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[]", "empty list (expected at least one {one})"),
        ("nhieu", 'expected a list of {name}, found text "nhieu"'),
        ("", "expected a list of {name}, found nothing"),
        ("{a: 1}", "expected a list of {name}, found a mapping"),
    ],
)
def test_required_lists(name, value, message):
    lines = MINIMAL.splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if line.startswith(f"{name}:"))
    end = next(
        (n for n in range(start + 1, len(lines)) if not lines[n].startswith(" ")), len(lines)
    )
    text = "".join(lines[:start] + [f"{name}: {value}\n"] + lines[end:])
    one = {"posts": "post", "phases": "phase", "injects": "inject", "criteria": "criterion"}[name]
    found = problems(text)
    wanted = f"{F}:{line_of(name + ':', text)}: {name}: {message.format(name=name, one=one)}"
    assert wanted in found, found


def test_unknown_phase():
    text = edit("    phase: b1\n    at: 15", "    phase: b2\n    at: 15")
    assert problems(text) == [
        f'{F}:{line_of("phase: b2", text)}: injects[1].phase: unknown phase "b2" (known: b1)'
    ]


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        ('"07:30"', 450),
        ("07:30", 450),
        ("7:30", 450),
        ("'00:00'", 0),
        ("0", 0),
        ("90", 90),
        ('"100:05"', 6005),
        ("1:05", 65),
        ("'23:59'", 1439),
        ("045", 45),  # minutes as written (YAML 1.1 would read an octal 37)
    ],
)
def test_at_accepted(value, minutes):
    text = edit("at: 15", f"at: {value}")
    assert load_scenario_text(text, F).injects[1].at == minutes


def test_at_is_optional():
    assert load_scenario_text(edit("    at: 15\n", ""), F).injects[1].at is None


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ('"7:75"', 'text "7:75"'),
        ("7:75", 'text "7:75"'),
        ("-5", "the number -5"),
        ("1.5", "the number 1.5"),
        ("abc", 'text "abc"'),
        ("true", "the true/false value true"),
        ('"90"', 'text "90"'),
        ("1:30:00", "the number 1:30:00"),
        ("[1]", "a list"),
        ('"-1:00"', 'text "-1:00"'),
    ],
)
def test_at_rejected(value, found):
    text = edit("at: 15", f"at: {value}")
    assert problems(text) == [
        f"{F}:{line_of('at: ' + value, text)}: injects[1].at: invalid time: found {found} "
        '(expected "HH:MM" with minutes below 60, or a whole number of minutes >= 0)'
    ]


def test_targets_unknown_post():
    text = edit("targets: [cong-an, chu-tich]", "targets: [cong-an, cong-anh]")
    assert problems(text) == [
        f'{F}:{line_of("targets:", text)}: injects[0].targets[1]: unknown post "cong-anh" '
        "(known: chu-tich, cong-an)"
    ]


def test_targets_repeated_post():
    text = edit("targets: [cong-an, chu-tich]", "targets: [cong-an, chu-tich, cong-an]")
    line = line_of("targets:", text)
    assert problems(text) == [
        f'{F}:{line}: injects[0].targets[2]: repeated post "cong-an" (first at line {line})'
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[]", "empty list (expected at least one post id)"),
        ("chu-tich", 'expected a list of post ids, found text "chu-tich"'),
    ],
)
def test_targets_shape(value, message):
    text = edit("targets: [chu-tich]", f"targets: {value}")
    assert problems(text) == [f"{F}:{line_of('targets:', text, 2)}: injects[1].targets: {message}"]


def test_expected_key_not_a_target():
    text = edit("targets: [cong-an, chu-tich]", "targets: [chu-tich]")
    assert problems(text) == [
        f'{F}:{line_of("cong-an:", text)}: injects[0].expected.cong-an: "cong-an" is not a '
        "target of this inject (targets: chu-tich)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        (
            '      cong-an:\n        - "Báo cáo Chủ tịch UBND phường và Công an quận"\n'
            '        - "Bố trí lực lượng theo dõi, nắm tình hình"\n',
            "      cong-an: []\n",
            "injects[0].expected.cong-an",
            "empty list (expected at least one expected action)",
        ),
        (
            '- "Bố trí lực lượng theo dõi, nắm tình hình"',
            '- ""',
            "injects[0].expected.cong-an[1]",
            "empty text (expected non-empty text)",
        ),
        (
            '- "Bố trí lực lượng theo dõi, nắm tình hình"',
            "- [a]",
            "injects[0].expected.cong-an[1]",
            "expected text, found a list",
        ),
        (
            '      cong-an:\n        - "Báo cáo Chủ tịch UBND phường và Công an quận"\n'
            '        - "Bố trí lực lượng theo dõi, nắm tình hình"\n',
            "      cong-an: Báo cáo\n",
            "injects[0].expected.cong-an",
            'expected a list of expected actions, found text "Báo cáo"',
        ),
    ],
)
def test_expected_values(old, new, path, message):
    text = edit(old, new)
    needle = new.strip().splitlines()[0]
    assert problems(text) == [f"{F}:{line_of(needle, text)}: {path}: {message}"]


def test_expected_not_a_mapping():
    text = edit(
        '    expected:\n      cong-an:\n        - "Báo cáo Chủ tịch UBND phường và Công an quận"\n'
        '        - "Bố trí lực lượng theo dõi, nắm tình hình"\n',
        "    expected: [a]\n",
    )
    assert problems(text) == [
        f"{F}:{line_of('expected:', text)}: injects[0].expected: expected a mapping "
        "(target post id -> list of expected actions), found a list"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "/etc/passwd",
            'absolute path "/etc/passwd" (expected a path relative to the scenario\'s folder)',
        ),
        (
            "'C:\\anh\\a.png'",
            'absolute path "C:\\anh\\a.png" (expected a path relative to the scenario\'s folder)',
        ),
        (
            "'c:/a.png'",
            'absolute path "c:/a.png" (expected a path relative to the scenario\'s folder)',
        ),
        (
            "'\\\\may-chu\\a.png'",
            'absolute path "\\\\may-chu\\a.png" (expected a path relative '
            "to the scenario's folder)",
        ),
        ("../a.png", 'path "../a.png" leaves the scenario\'s folder (".." is not allowed)'),
        (
            "anh/../../a.png",
            'path "anh/../../a.png" leaves the scenario\'s folder (".." is not allowed)',
        ),
        (
            "'anh\\..\\a.png'",
            'path "anh\\..\\a.png" leaves the scenario\'s folder (".." is not allowed)',
        ),
        ("''", "empty text (expected non-empty text)"),
    ],
)
def test_media_rejected(value, message):
    text = edit("media: [ban-do/khu-vuc-1.png]", f"media: [ok.png, {value}]")
    assert problems(text) == [f"{F}:{line_of('media:', text)}: injects[0].media[1]: {message}"]


def test_media_need_not_exist_and_may_be_nested():
    text = edit("media: [ban-do/khu-vuc-1.png]", "media: [./a.png, 'b/c d.pdf', a..b.png]")
    assert load_scenario_text(text, F).injects[0].media == ("./a.png", "b/c d.pdf", "a..b.png")


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("0", "the number 0"),
        ("-1", "the number -1"),
        ('"2"', 'text "2" (write the number without quotes: 2)'),
        ("true", "the true/false value true"),
        ("[2]", "a list"),
        (".nan", "the number .nan"),
        (".inf", "the number .inf"),
        ("", "nothing"),
    ],
)
def test_criterion_max_rejected(value, found):
    text = edit("    max: 2\n", f"    max: {value}\n")
    assert problems(text) == [
        f"{F}:{line_of('max: ' + value, text)}: criteria[0].max: expected a number > 0, "
        f"found {found}"
    ]


@pytest.mark.parametrize(
    ("value", "exact"),
    [
        ("2.5", Fraction(5, 2)),
        ("0.1", Fraction(1, 10)),
        ("3", Fraction(3)),
        ("1.5e+1", Fraction(15)),
        ("0.35", Fraction(7, 20)),
    ],
)
def test_criterion_max_exact(value, exact):
    s = load_scenario_text(edit("    max: 2\n", f"    max: {value}\n"), F)
    assert s.criteria[0].max == exact and isinstance(s.criteria[0].max, Fraction)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("everyone", 'expected "all" or a list of post ids, found text "everyone"'),
        ("[]", "empty list (expected at least one post id)"),
        ("3", 'expected "all" or a list of post ids, found the number 3'),
    ],
)
def test_criterion_posts_shape(value, message):
    text = edit("posts: all", f"posts: {value}")
    assert f"{F}:{line_of('posts: ' + value, text)}: criteria[0].posts: {message}" in problems(text)


def test_criterion_posts_unknown():
    text = edit("posts: [cong-an]", "posts: [cong-an, chqs]")
    line = line_of("posts: [cong-an", text)
    assert problems(text) == [
        f'{F}:{line}: criteria[1].posts[1]: unknown post "chqs" (known: chu-tich, cong-an)',
    ]


def test_criterion_posts_and_injects_repeated_count_once():
    # The contract forbids repeats in inject.targets only.
    text = edit("posts: [cong-an]", "posts: [cong-an, chu-tich, cong-an]")
    text = edit("injects: [th-01]", "injects: [th-01, th-01]", text)
    criterion = load_scenario_text(text, F).criteria[1]
    assert criterion.posts == ("cong-an", "chu-tich") and criterion.injects == ("th-01",)


def test_criterion_injects_unknown():
    text = edit("injects: [th-01]", "injects: [th-01, th-9]")
    assert problems(text) == [
        f'{F}:{line_of("injects: [th", text)}: criteria[1].injects[1]: unknown inject "th-9" '
        "(known: th-01, th-02)"
    ]


def test_criterion_injects_may_be_empty():
    assert load_scenario_text(edit("injects: [th-01]", "injects: []"), F).criteria[1].injects == ()


def test_every_post_needs_a_criterion():
    text = edit("posts: all", "posts: [cong-an]")
    assert problems(text) == [
        f'{F}:{line_of("- id: chu-tich", text)}: posts[0]: no criterion applies to post "chu-tich"'
    ]


SCALE = """scale:
  max: 10
  ratings:
    - {label: "Giỏi", min: 8.0}
    - {label: "Khá", min: 6.5}
    - {label: "Đạt yêu cầu", min: 5.0}
    - {label: "Không đạt yêu cầu", min: 0}
"""


def with_scale(scale: str) -> str:
    return edit("posts:\n", scale + "posts:\n")


def test_scale_default_spelled_out_equals_default():
    assert load_scenario_text(with_scale(SCALE), F).scale == Scale()


def test_scale_custom():
    s = load_scenario_text(
        with_scale(
            "scale:\n  max: 100\n  ratings:\n    - {label: Đạt, min: 50.5}\n"
            "    - {label: Chưa đạt, min: 0}\n"
        ),
        F,
    )
    assert s.scale.max == 100 and s.scale.ratings[0].min == Fraction(101, 2)
    assert s.scale.rate(Fraction(60)) == "Đạt"


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        (
            "min: 6.5",
            "min: 8.1",
            "scale.ratings[1].min",
            "min 8.1 is not below the previous rating's min 8.0 "
            "(expected mins strictly decreasing, highest first)",
        ),
        ("min: 0}", "min: 1}", "scale.ratings[3].min", "the last rating's min is 1 (expected 0)"),
        ("min: 8.0", "min: 11", "scale.ratings[0].min", "min 11 is above the scale's max 10"),
        ("max: 10", "max: 0", "scale.max", "expected a number > 0, found the number 0"),
        (
            'label: "Khá"',
            'label: " "',
            "scale.ratings[1].label",
            "empty text (expected non-empty text)",
        ),
        ("min: 5.0", "min: '5'", "scale.ratings[2].min",
         'expected a number, found text "5" (write the number without quotes: 5)'),
        (
            '{label: "Khá", min: 6.5}',
            "{label: Khá}",
            "scale.ratings[1].min",
            'missing required field "min"',
        ),
        (
            '{label: "Khá", min: 6.5}',
            "{label: Khá, min: 6, color: red}",
            "scale.ratings[1].color",
            'unknown field "color" (known: label, min)',
        ),
    ],
)
def test_scale_rules(old, new, path, message):
    text = with_scale(edit(old, new, SCALE))
    needle = new if "max" in new else new.split(",")[0] if "label" in new else new
    assert problems(text) == [f"{F}:{line_of(needle, text)}: {path}: {message}"]


@pytest.mark.parametrize(
    ("scale", "path", "message"),
    [
        (
            "scale:\n  max: 10\n  ratings: []\n",
            "scale.ratings",
            "empty list (expected at least one rating)",
        ),
        ("scale: 10\n", "scale", "expected a mapping (max and ratings), found the number 10"),
    ],
)
def test_scale_shape(scale, path, message):
    text = with_scale(scale)
    line = line_of("ratings: []", text) if "[]" in scale else line_of("scale:", text)
    assert problems(text) == [f"{F}:{line}: {path}: {message}"]


def test_scale_with_only_max_takes_the_default_ratings():
    s = load_scenario_text(with_scale("scale:\n  max: 20\n"), F)
    assert s.scale == Scale(max=Fraction(20), ratings=Scale().ratings)
    assert s.scale.rate(Fraction(9)) == "Giỏi"


def test_scale_with_only_ratings_takes_the_default_max():
    s = load_scenario_text(
        with_scale("scale:\n  ratings: [{label: Đạt, min: 7}, {label: Chưa đạt, min: 0}]\n"), F)
    assert s.scale.max == 10 and [r.label for r in s.scale.ratings] == ["Đạt", "Chưa đạt"]


@pytest.mark.parametrize(
    ("scale", "needle", "path", "message"),
    [
        ("scale:\n  max: 5\n", "max: 5", "scale.max",
         "max 5 is below the default ratings' min 8 (give scale.ratings too)"),
        ("scale:\n  ratings: [{label: A, min: 50}, {label: B, min: 0}]\n", "ratings:",
         "scale.ratings[0].min", "min 50 is above the scale's max 10 (the default)"),
    ],
)
def test_scale_part_given_alone_still_follows_the_rules(scale, needle, path, message):
    text = with_scale(scale)
    assert problems(text) == [f"{F}:{line_of(needle, text)}: {path}: {message}"]


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        (
            "weight: 2",
            "weight: -1.5",
            "posts[1].weight",
            "expected a number >= 0, found the number -1.5",
        ),
        ("weight: 2", "weight: hai", "posts[1].weight", 'expected a number >= 0, found text "hai"'),
    ],
)
def test_post_weight(old, new, path, message):
    text = edit(old, new)
    assert problems(text) == [f"{F}:{line_of(new, text)}: {path}: {message}"]


def test_post_weight_zero_counts_the_post_out_of_the_total():
    s = load_scenario_text(edit("weight: 2", "weight: 0"), F)
    assert [p.weight for p in s.posts] == [1, 0]


def test_every_post_weighing_zero_is_refused():
    text = edit("  - id: chu-tich\n", "  - id: chu-tich\n    weight: 0\n")
    text = edit("weight: 2", "weight: 0", text)
    assert problems(text) == [
        f"{F}:{line_of('- id: chu-tich', text)}: posts: every post has weight 0: the exercise "
        "total would be undefined (expected at least one weight > 0)"
    ]


def test_post_weight_decimal():
    assert load_scenario_text(edit("weight: 2", "weight: 1.5"), F).posts[1].weight == Fraction(3, 2)


@pytest.mark.parametrize(
    ("anchor", "path", "expected"),
    [
        ("format: dientap/1\n", "titel", '(did you mean "title"?)'),
        ("  - id: chu-tich\n", "posts[0].titel", '(did you mean "title"?)'),
        ("  - id: b1\n", "phases[0].titel", '(did you mean "title"?)'),
        ("  - id: th-02\n", "injects[1].titel", '(did you mean "title"?)'),
        ("  - id: xu-tri\n", "criteria[1].titel", "(known: id, text, max, posts, injects)"),
    ],
)
def test_unknown_field(anchor, path, expected):
    indent = "" if anchor.startswith("format") else "    "
    text = edit(anchor, f"{anchor}{indent}titel: x\n")
    assert problems(text) == [f'{F}:{line_of("titel:", text)}: {path}: unknown field "titel" '
                              f"{expected}"]


def test_x_fields_accepted_everywhere():
    text = MINIMAL
    text = edit("format: dientap/1\n", "format: dientap/1\nx-author: Ban CHQS\n", text)
    text = edit("  - id: chu-tich\n", "  - id: chu-tich\n    x-note: [1, 2]\n", text)
    text = edit("  - id: b1\n", "  - id: b1\n    x-thoi-luong: 30\n", text)
    text = edit("  - id: th-02\n", "  - id: th-02\n    x-ghi-chu: {a: b}\n", text)
    text = edit("  - id: xu-tri\n", "  - id: xu-tri\n    x-nhom: 1\n", text)
    text = edit(
        "      locality: co_tinh_huong\n",
        "      locality: co_tinh_huong\n      x-why: test\n",
        text,
    )
    text = edit("    expected:\n", "    expected:\n      x-draft: [a]\n", text)
    assert load_scenario_text(text, F).id == "tap-nho"


def test_x_fields_are_ignored_whatever_they_hold():
    text = MINIMAL + (
        "x-editor: {a: 1, a: 2}\n"  # a duplicate field inside an extension
        "x-editor: again\n"  # the extension itself twice
        "x-include: !tep-rieng phu-luc.yaml\n"  # a tag of the tool that wrote it
        "x-tags: !!set {a, b}\n"
        "x-pairs: {? [a, b] : c}\n"  # a field named by a list
        "x-defaults: &d {b: 1, b: 2}\n"
    )
    assert load_scenario_text(text, F).id == "tap-nho"


def test_what_an_extension_holds_is_checked_once_it_is_used():
    text = edit("format: dientap/1\n", "format: dientap/1\nx-d: &d {title: a, title: b}\n")
    text = edit("  - id: b1\n    title: ", "  - id: b1\n    <<: *d\n    x-old-title: ", text)
    assert "duplicate field" in single_problem(text)


def test_python_tags_aliases_and_nesting_are_refused_in_extensions_too():
    assert "unsupported YAML tag" in single_problem(
        MINIMAL + "x-lenh: {a: [!!python/object/apply:os.system [ls]]}\n")
    assert "too many aliased nodes" in single_problem(MINIMAL + NODE_BOMB)
    assert "repeats too much text" in single_problem(MINIMAL + BILLION_LAUGHS)
    assert "nested too deeply" in single_problem(MINIMAL + "x-sau: " + "[" * 60 + "]" * 60)


def test_x_fields_in_scale_and_rating():
    text = with_scale(
        SCALE.replace("  max: 10\n", "  max: 10\n  x-source: QĐ\n").replace(
            "min: 0}", "min: 0, x-color: red}"
        )
    )
    assert load_scenario_text(text, F).scale == Scale()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "{readiness: bogus}",
            'injects[1].state.readiness: unknown readiness "bogus" (expected '
            "one of: thuong_xuyen, tang_cuong, cao, toan_bo)",
        ),
        (
            "{locality: chien-tranh}",
            'injects[1].state.locality: unknown locality "chien-tranh" '
            "(expected one of: binh_thuong, co_tinh_huong, khan_cap_quoc_phong, "
            "tinh_trang_chien_tranh, thiet_quan_luat, gioi_nghiem)",
        ),
        ("{}", "injects[1].state: empty state (expected readiness and/or locality)"),
        ("{level: cao}", 'injects[1].state.level: unknown field "level" '
                         "(known: readiness, locality)"),
        (
            "cao",
            'injects[1].state: expected a mapping (readiness and/or locality), found text "cao"',
        ),
    ],
)
def test_state_rules(value, message):
    text = edit("state: {readiness: tang_cuong}", f"state: {value}")
    found = problems(text)
    assert f"{F}:{line_of('state: ' + value, text)}: {message}" in found, found


def test_state_both():
    text = edit(
        "state: {readiness: tang_cuong}", "state: {readiness: toan_bo, locality: gioi_nghiem}"
    )
    assert load_scenario_text(text, F).injects[1].state == StateChange("toan_bo", "gioi_nghiem")


def test_duplicate_yaml_keys():
    text = edit(
        '    title: "Chỉ đạo của cấp trên"\n',
        '    title: "Chỉ đạo của cấp trên"\n    title: "Lần hai"\n',
    )
    first = line_of('title: "Chỉ đạo', text)
    assert problems(text) == [
        f'{F}:{first + 1}: injects[1].title: duplicate field "title" (first at line {first})'
    ]


def test_several_problems_reported_together_in_line_order():
    text = edit("format: dientap/1", "format: dientap/9")
    text = edit("kind: other", "kind: khac", text)
    text = edit("targets: [cong-an, chu-tich]", "targets: [cong-an, cong-anh]", text)
    text = edit("    max: 2\n", "    max: 0\n", text)
    text = edit("  - id: b1\n", "  - id: b1\n    titel: x\n", text)
    found = problems(text)
    assert [p.split(": ")[1] for p in found] == [
        "format",
        "kind",
        "phases[0].titel",
        "injects[0].targets[1]",
        "criteria[0].max",
    ]
    lines = [int(p.split(":")[1]) for p in found]
    assert lines == sorted(lines)


def test_nfc_equivalence():
    decomposed = unicodedata.normalize("NFD", MINIMAL)
    assert decomposed != MINIMAL
    a, b = load_scenario_text(MINIMAL, F), load_scenario_text(decomposed, F)
    assert a.posts == b.posts and a.injects == b.injects and a.criteria == b.criteria
    assert a.title == b.title == unicodedata.normalize("NFC", a.title)
    assert b.source_text == decomposed


def test_nfc_in_ids_and_messages():
    # A combining mark in an id is NFC-normalised before the message shows it.
    text = edit("- id: b1", "- id: b\u0301")
    assert_problem(
        text,
        "- id: b",
        "phases[0].id",
        'invalid id "b\u0301" (expected 1 to 64 characters of a-z, 0-9 and -)',
    )


# --- whole-file problems: one line each, never a traceback ----------------------------------


def test_python_tag_refused():
    text = edit(
        'title: "Diễn tập thử: phát hiện đối tượng khả nghi"',
        "title: !!python/object/apply:os.system ['echo pwned']",
    )
    assert single_problem(text) == (
        f'{F}:4: title: unsupported YAML tag "!!python/object/apply:os.system" '
        "(only text, numbers, true/false, lists and mappings are allowed)"
    )


@pytest.mark.parametrize(
    "tagged",
    [
        "!!binary aGVsbG8=",
        "!!set {a, b}",
        "!custom x",
        "!!omap [a: 1]",
        "!!python/name:os.system ''",
    ],
)
def test_other_tags_refused(tagged):
    assert "unsupported YAML tag" in single_problem(edit("kind: other", f"kind: {tagged}"))


def test_standard_explicit_tags_accepted():
    text = edit("kind: other", "kind: !!str other")
    text = edit("    max: 2\n", "    max: !!float 2\n", text)
    assert load_scenario_text(text, F).criteria[0].max == 2


def laughs(word: str) -> str:
    """Nine lists of nine aliases of the list before: 9**9 times the first nine words."""
    return f"x-a: &a [{','.join([word] * 9)}]\n" + "".join(
        f"x-{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
        for i in range(9)
    )


BILLION_LAUGHS = laughs('"lol"')
NODE_BOMB = laughs('""')  # no text at all: a billion nodes


def test_billion_laughs_refused_at_the_alias_limit():
    message = single_problem(NODE_BOMB + MINIMAL)  # counted, never expanded
    assert message == f"{F}:1: too many aliased nodes (more than 100,000)"


def test_billion_laughs_refused_at_the_alias_that_repeats_too_much_text():
    # x-f holds 3 * 9**6 characters: the sixth alias of it brings the text past 10,000,000
    assert single_problem(BILLION_LAUGHS + MINIMAL) == (
        f'{F}:7: x-g[5]: the alias "*f" repeats too much text: written out, the file\'s text '
        "would pass 10,000,000 characters")


def test_billion_laughs_refused_small():
    tracemalloc.start()
    try:
        single_problem(BILLION_LAUGHS + MINIMAL)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024


LONG_ACTION = ("Báo cáo Chủ tịch UBND phường " * 35_715).strip()  # a million characters


def text_bomb(aliases: int = 1000) -> str:
    """The fixture with an expected action of a million characters, then the same action again
    through an alias, on a line each: a file of 1 MB that a thousand aliases make 1 GB of text."""
    return edit('        - "Bố trí lực lượng theo dõi, nắm tình hình"\n',
                f'        - &dai "{LONG_ACTION}"\n' + "        - *dai\n" * aliases)


def test_an_alias_that_repeats_a_long_text_too_often_is_refused_at_its_line():
    text = text_bomb()
    message = single_problem(text)
    line = int(message.split(":")[1])
    first = line_of("- *dai", text)
    # named at the alias that takes the text past ten million characters: the tenth or so
    assert text.split("\n")[line - 1] == "        - *dai" and first <= line < first + 10
    assert message == (
        f'{F}:{line}: injects[0].expected.cong-an[{line - first + 2}]: the alias "*dai" repeats '
        "too much text: written out, the file's text would pass 10,000,000 characters")


def test_aliases_of_aliases_of_a_long_text_are_counted_without_writing_them_out():
    tracemalloc.start()
    try:
        text = edit("targets: [chu-tich]\n", "targets: [chu-tich]\n"
                    f"    x-muoi: &muoi ['{'x' * 10_000}']\n" + "".join(
                        f"    x-{b}: &{b} [{', '.join([f'*{a}'] * 10)}]\n"
                        for a, b in (("muoi", "tram"), ("tram", "nghin"), ("nghin", "van"),
                                     ("van", "uc"))))
        message = single_problem(text)  # 10,000 characters 10,000 times: 100,000,000
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # x-nghin holds a million characters: the ninth alias of it passes ten million
    assert message == (
        f"{F}:{line_of('x-van', text)}: injects[1].x-van[8]: the alias " + '"*nghin" repeats '
        "too much text: written out, the file's text would pass 10,000,000 characters")
    assert peak < 10 * 1024 * 1024  # the file is 10 kB: its text is never written out


def test_aliases_within_the_text_limit_are_accepted():
    text = text_bomb(aliases=3)  # 4 million characters
    assert load_scenario_text(text, F).injects[0].expected["cong-an"][1:] == (LONG_ACTION,) * 4


def test_validate_refuses_a_text_bomb_with_one_line_and_exit_code_1(tmp_path, capsys):
    from dientap_desktop.cli import main

    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(text_bomb(), encoding="utf-8")
    assert main(["validate", str(bomb)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"{bomb}:") and "repeats too much text" in err[0]


def test_few_aliases_accepted():
    text = edit("targets: [chu-tich]", "targets: *t")
    text = edit("targets: [cong-an, chu-tich]", "targets: &t [cong-an, chu-tich]", text)
    assert load_scenario_text(text, F).injects[1].targets == ("cong-an", "chu-tich")


def test_recursive_alias_refused():
    assert "alias" in single_problem("x-a: &a [*a]\n" + MINIMAL)


def test_deep_nesting_refused():
    assert "nested too deeply" in single_problem("x-a: " + "[" * 200_000 + "\n")


def test_not_utf8():
    data = MINIMAL.encode("utf-8").replace(
        "Chủ tịch UBND phường".encode(), "Ch\xfa t\xecch UBND ph\xfd\xf4ng".encode("latin-1"), 1
    )
    line = line_of("Chủ tịch UBND phường", MINIMAL)
    assert single_problem(data).startswith(f"{F}:{line}: not UTF-8 text")


def test_utf16_refused():
    assert "not UTF-8" in single_problem(MINIMAL.encode("utf-16"))


def test_lone_surrogate_in_text():
    assert "not valid Unicode" in single_problem(MINIMAL + "x-a: \ud800\n")


@pytest.fixture(params=["libyaml", "pyyaml"])
def yaml_loader(request, monkeypatch):
    """The loader reads with libyaml when it is there (as the built program does), else with
    PyYAML's own reader, which words its errors otherwise: both are told alike."""
    from dientap_desktop.domain import scenario_loader

    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML built without libyaml")
        monkeypatch.setattr(scenario_loader, "_LOADER", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(scenario_loader, "_LOADER", yaml.SafeLoader)
    return request.param


INDENTED_FURTHER = ("the line is indented further than the line above it: align it with the "
                    "fields it belongs with")
NO_COLON = ('the line has no ":" after its field name (a text that goes on from the line above '
            "must be indented further)")

# A YAML syntax error in a scenario as people make them: (old, new) in the fixture, the line
# where the user must look (its text), the path, and what is said.
SYNTAX_ERRORS = {
    "a line indented further": (
        '    title: "Chủ tịch UBND phường"', '     title: "Chủ tịch UBND phường"',
        'title: "Chủ tịch UBND phường"', "posts[0]", INDENTED_FURTHER),
    "a line indented less": (
        '    title: "Trưởng Công an phường"', '   title: "Trưởng Công an phường"',
        'title: "Trưởng Công an phường"', "posts",
        'the line is not aligned with the list items above it: start a new item with "- ", or '
        "indent it as the other fields of its item"),
    "a field indented less": (
        "kind: other", " kind: other", "kind: other", "",
        "the line is not aligned with the fields above it: check its indentation"),
    "a tab": (
        '    title: "Chủ tịch UBND phường"', '\ttitle: "Chủ tịch UBND phường"',
        'title: "Chủ tịch UBND phường"', "posts[0]",
        "a tab character in the indentation: indent with spaces only"),
    "a tab after spaces": (
        '    unit: "Phường Nhật Tân"', '  \tunit: "Phường Nhật Tân"', "unit:", "posts[1]",
        "a tab character in the indentation: indent with spaces only"),
    "a double quote not closed": (
        'title: "Chỉ đạo của cấp trên"', 'title: "Chỉ đạo của cấp trên', "Chỉ đạo của cấp trên",
        "injects[1].title",
        'the quote (") opened on this line is closed only on line 43: close it on this line'),
    "a quote not closed in a list": (
        '        - "Báo cáo Chủ tịch UBND phường và Công an quận"',
        '        - "Báo cáo Chủ tịch UBND phường và Công an quận', "và Công an quận",
        "injects[0].expected.cong-an[0]",
        'the quote (") opened on this line is closed only on line 34: close it on this line'),
    "a single quote not closed": (
        'title: "Chỉ đạo của cấp trên"', "title: 'Chỉ đạo của cấp trên", "Chỉ đạo của cấp trên",
        "injects[1].title", "the quote (') opened on this line is never closed"),
    "key: value: value": (
        'title: "Chỉ đạo của cấp trên"', "title: Bước 1: chỉ đạo của cấp trên", "Bước 1: chỉ",
        "injects[1].title",
        'the value holds ": ", which YAML reads as another field: put the whole value in quotes'),
    "a missing colon": (
        "    phase: b1\n    at: 15", "    phase b1\n    at: 15", "phase b1", "injects[1]",
        NO_COLON),
    "a text going on unindented": (
        '    text: "Quận ra lệnh chuyển lực lượng vũ trang lên trạng thái sẵn sàng chiến đấu '
        'tăng cường."',
        "    text: Quận ra lệnh chuyển lực lượng vũ trang\n    lên trạng thái sẵn sàng chiến "
        "đấu tăng cường.", "lên trạng thái", "injects[1]", NO_COLON),
    "a list not closed": (
        "targets: [chu-tich]", "targets: [chu-tich", "targets: [chu-tich", "injects[1].targets",
        'a list in [ ] lacks a "," or its closing "]"'),
    "a dash without its space": (
        "  - id: b1", "  -id: b1", "-id: b1", "phases",
        'a "-" that starts a list item must be followed by a space'),
    "a value starting with @": (
        "kind: other", "kind: @other", "kind:", "kind",
        'a value cannot start with "@": put the text in quotes'),
    "an alias of nothing": (
        "kind: other", "kind: *other", "kind:", "kind",
        'a "*" refers to an anchor (&) that does not exist: put text that starts with * in '
        "quotes"),
}


@pytest.mark.parametrize("case", SYNTAX_ERRORS)
def test_a_yaml_syntax_error_is_told_in_plain_words_where_to_look(case, yaml_loader):
    old, new, needle, path, message = SYNTAX_ERRORS[case]
    text = edit(old, new)
    where = f"{path}: " if path else ""
    assert single_problem(text) == f"{F}:{line_of(needle, text)}: {where}{message}"


def test_a_missing_colon_on_the_last_line_is_told_at_that_line(yaml_loader):
    text = MINIMAL + "x-ghi-chu\n"
    assert single_problem(text) == f"{F}:{line_of('x-ghi-chu', text)}: {NO_COLON}"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("format: [dientap/1\nid: x\n", 1,
         'format: a list in [ ] lacks a "," or its closing "]"'),
        ("a: b\n  c: d\n", 2, INDENTED_FURTHER),
        ("a: 'x\n", 1, "a: the quote (') opened on this line is never closed"),
        ("a: b\nc: 'x\nd: e\nf: g\n", 2, "c: the quote (') opened on this line is never closed"),
        ("a: b\n---\na: c\n", 2, 'the file holds more than one document: remove the second "---"'),
        ("a: *nothing\n", 1, 'a: a "*" refers to an anchor (&) that does not exist: put text '
                             "that starts with * in quotes"),
        ("a: &m 1\nb: &m 2\n", 2, "b: two anchors (&) have the same name"),
        ("a: \x07\n", 1, "the text holds a control character, which is not allowed"),
        ("\t- a\n", 1, "a tab character in the indentation: indent with spaces only"),
        ('a: "b\\qc"\n', 1, 'a: a "\\" in double quotes starts an unknown code: write "\\\\" or '
                             "use single quotes"),
        ("a: b\nc: - d\n", 2, 'c: a list item "-" is not allowed here'),
        ('a: "b" c\n', 1, "a: something follows a value on its line"),
    ],
)
def test_not_yaml(text, line, message, yaml_loader):
    assert single_problem(text) == f"{F}:{line}: {message}"


JARGON = ("scalar", "token", "simple key", "mapping values", "block", "indicator", "stream",
          "expected ':'", "expected key", "node", "not valid YAML")


@pytest.mark.parametrize("case", SYNTAX_ERRORS)
def test_no_yaml_jargon_is_told(case, yaml_loader):
    old, new, *_ = SYNTAX_ERRORS[case]
    told = single_problem(edit(old, new))
    assert not [word for word in JARGON if word in told], told


@pytest.mark.parametrize(
    ("text", "found"),
    [("- a\n- b\n", "a list"), ("just text\n", 'text "just text"'), ("42\n", "the number 42")],
)
def test_top_level_not_a_mapping(text, found):
    assert single_problem(text) == (
        f"{F}:1: expected a mapping of fields at the top level (format, id, title, ...), "
        f"found {found}"
    )


@pytest.mark.parametrize("text", ["", "# only a comment\n", b""])
def test_empty_file(text):
    assert single_problem(text) == (
        f"{F}: the file is empty (expected a scenario: format, id, title, ...)"
    )


def test_too_large_text():
    big = MINIMAL + "x-pad: " + "a" * (5 * 1024 * 1024) + "\n"
    assert "file too large" in single_problem(big)
    assert "file too large" in single_problem(big.encode())


def test_too_large_file_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    with path.open("wb") as f:
        f.truncate(6 * 1024 * 1024)  # sparse: huge on paper, nothing to read
    read_calls = []
    real_open = Path.open

    def spy_open(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        original_read = handle.read

        def read(*a):
            read_calls.append(a)
            return original_read(*a)

        handle.read = read
        return handle

    monkeypatch.setattr(Path, "open", spy_open)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert str(caught.value) == f"{path}: file too large (6,291,456 bytes; the limit is 5 MB)"
    assert read_calls == []


def padded_to(size: int) -> bytes:
    """The minimal scenario padded with an extension field to exactly `size` bytes."""
    head = (MINIMAL + "x-pad: ").encode()
    return head + b"a" * (size - len(head) - 1) + b"\n"


def test_five_megabytes_is_five_million_bytes(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_bytes(padded_to(5_000_000))
    assert load_scenario(path).id == "tap-nho"
    path.write_bytes(padded_to(5_000_001))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert str(caught.value) == f"{path}: file too large (5,000,001 bytes; the limit is 5 MB)"
    assert single_problem(padded_to(5_000_001)) == (
        f"{F}: file too large (5,000,001 bytes; the limit is 5 MB)")


# --- files and built-ins ----------------------------------------------------------------------


def test_load_scenario_names_the_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(edit("kind: other", "kind: khac"), "utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert str(caught.value).startswith(f'{path}:5: kind: unknown kind "khac"')


def test_load_missing_file(tmp_path):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(tmp_path / "khong-co.yaml")
    assert len(caught.value.problems) == 1
    assert str(caught.value).startswith(f"{tmp_path / 'khong-co.yaml'}: cannot read the file")


def test_builtin_scenarios_valid():
    found = builtin_scenario_paths()
    assert len(found) >= 3, found
    ids = set()
    for path in found:
        scenario = load_scenario(path)
        assert scenario.id == path.stem
        ids.add(scenario.id)
    assert len(ids) == len(found)


def test_find_scenario_by_id_and_path(tmp_path):
    first = builtin_scenario_paths()[0]
    assert find_scenario(first.stem).id == first.stem
    assert find_scenario(str(MINIMAL_PATH)).id == "tap-nho"


def test_find_scenario_unknown():
    with pytest.raises(ScenarioError) as caught:
        find_scenario("khong-co-kich-ban-nay")
    message = str(caught.value)
    assert message.startswith("khong-co-kich-ban-nay: no built-in scenario has this id")
    assert "\n" not in message


# --- the JSON Schema --------------------------------------------------------------------------


def _as_data(text: str) -> object:
    """The YAML as plain data for jsonschema, as an editor's YAML 1.2 plugin would see it."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_accepts_shipped_and_fixture(validator):
    paths = [*builtin_scenario_paths(), MINIMAL_PATH]
    assert len(paths) >= 4
    for path in paths:
        errors = list(validator.iter_errors(_as_data(path.read_text("utf-8"))))
        assert not errors, f"{path}: {[e.message for e in errors]}"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("format: dientap/1", "format: dientap/2"),
        ("kind: other", "kind: khac"),
        ("  - id: chu-tich\n", "  - id: chu-tich\n    titel: x\n"),
        ("    max: 2\n", "    max: 0\n"),
        ("posts: all", "posts: everyone"),
        ("targets: [chu-tich]", "targets: []"),
        ("media: [ban-do/khu-vuc-1.png]", "media: [../a.png]"),
        ("media: [ban-do/khu-vuc-1.png]", "media: [/etc/passwd]"),
        ("state: {readiness: tang_cuong}", "state: {readiness: max}"),
        ("state: {readiness: tang_cuong}", "state: {}"),
        ("- id: th-02", "- id: TH_02"),
        ("at: 15", "at: -5"),
        ("at: 15", "at: '7:75'"),
    ],
)
def test_schema_rejects_broken(validator, old, new):
    text = edit(old, new)
    assert list(validator.iter_errors(_as_data(text)))
    assert problems(text)  # the loader agrees


def test_schema_accepts_x_fields(validator):
    text = edit("  - id: chu-tich\n", "  - id: chu-tich\n    x-note: [1]\n")
    text = edit("format: dientap/1\n", "format: dientap/1\nx-tac-gia: a\n", text)
    assert not list(validator.iter_errors(_as_data(text)))


def test_schema_accepts_what_the_loader_accepts(validator):
    """Either part of the scale alone takes the other from the default; a post may weigh 0."""
    for old, new in (("  - id: chu-tich\n", "  - id: chu-tich\n    weight: 0\n"),
                     ("format: dientap/1\n", "format: dientap/1\nscale: {max: 10}\n")):
        text = edit(old, new)
        assert not list(validator.iter_errors(_as_data(text))), new
        assert problems(text) == []


def test_schema_lists_match_the_model():
    from dientap_desktop.domain.scenario import KINDS, LEVELS, LOCALITY_STATES, READINESS_STATES

    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    assert schema["properties"]["kind"]["enum"] == list(KINDS)
    assert schema["properties"]["level"]["enum"] == list(LEVELS)
    state = schema["$defs"]["state"]["properties"]
    assert state["readiness"]["enum"] == list(READINESS_STATES)
    assert state["locality"]["enum"] == list(LOCALITY_STATES)


# What YAML takes for the end of a line where an editor and `sed -n Np` go on with the line.
HIDDEN_BREAKS = {"U+2028": "\u2028", "U+2029": "\u2029", "U+0085": "\x85", "U+000D": "\r"}
TITLE = 'title: "Diễn tập thử: phát hiện đối tượng khả nghi"'


@pytest.mark.parametrize("code", HIDDEN_BREAKS)
def test_lines_are_counted_as_an_editor_counts_them_past_a_break_only_yaml_sees(code,
                                                                               yaml_loader):
    text = edit(TITLE, f'title: "Diễn tập thử: phát hiện{HIDDEN_BREAKS[code]} đối tượng"')
    text = edit("kind: other", "kind: othr", text)
    text = edit("    phase: b1\n    at: 15", "    phase b1\n    at: 15", text)
    assert single_problem(text) == f"{F}:{line_of('phase b1', text)}: injects[1]: {NO_COLON}"
    text = edit("    phase b1\n    at: 15", "    phase: b1\n    at: 15", text)
    assert single_problem(text).startswith(f"{F}:{line_of('kind: othr', text)}: kind: unknown")


@pytest.mark.parametrize("code", HIDDEN_BREAKS)
def test_a_break_only_yaml_sees_in_a_plain_value_is_told_where_it_is(code, yaml_loader):
    text = edit(TITLE, f"title: Diễn tập thử, phát hiện{HIDDEN_BREAKS[code]}đối tượng khả nghi")
    assert single_problem(text) == (
        f'{F}:{line_of("title:", text)}: the line holds an invisible line break ({code}) after '
        '"title: Diễn tập thử, phát hiện", which YAML takes for the end of the line: delete it')


@pytest.mark.parametrize("end", ["\r\n", "\r"])
def test_lines_ended_by_windows_or_an_old_mac_are_counted_as_their_editor_shows_them(end):
    text = edit("kind: other", "kind: othr").replace("\n", end)
    assert single_problem(text).startswith(f"{F}:5: kind: unknown kind")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_a_line_separator_in_a_title_in_quotes_is_a_line_break(separator):
    # The format asks text, not one line: a title may hold a line break ("|"), and this is one,
    # which no font draws (a PDF would show a gap): it is read as "\n".
    text = edit(TITLE, f'title: "Diễn tập thử:{separator}phát hiện đối tượng khả nghi"')
    assert load_scenario_text(text, F).title == "Diễn tập thử:\nphát hiện đối tượng khả nghi"


def test_messages_stay_on_one_line():
    text = edit("format: dientap/1\n", 'format: dientap/1\n"ti\\ntle\\t": 1\n')
    text = edit("kind: other", 'kind: "a\\u2028b"', text)
    text = edit("- id: b1", "- id: '" + "b" * 300 + "'", text)
    found = problems(text)
    assert all("\n" not in p and "\u2028" not in p and len(p) < 400 for p in found), found
    assert any(p.startswith(f'{F}:3: ti\\ntle\\t: unknown field "ti\\ntle\\t" (') for p in found)


def test_find_scenario_missing_path(tmp_path):
    missing = str(tmp_path / "khong-co.yaml")
    with pytest.raises(ScenarioError) as caught:
        find_scenario(missing)
    assert str(caught.value).startswith(f"{missing}: no built-in scenario has this id")


# --- the format and ids as written (no trimming) --------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "needle", "path", "message"),
    [
        ("format: dientap/1", 'format: " dientap/1"', "format:", "format",
         'unsupported format " dientap/1" (expected "dientap/1")'),
        ("format: dientap/1", 'format: "dientap/1\\n"', "format:", "format",
         'unsupported format "dientap/1\\n" (expected "dientap/1")'),
        ("id: tap-nho", 'id: " tap-nho "', "id: ", "id",
         'invalid id " tap-nho " (expected 1 to 64 characters of a-z, 0-9 and -)'),
        ("id: tap-nho", 'id: "tap-nho\\n"', "id: ", "id",
         'invalid id "tap-nho\\n" (expected 1 to 64 characters of a-z, 0-9 and -)'),
        ("  - id: b1", '  - id: "b1\\t"', '- id: "b1', "phases[0].id",
         'invalid id "b1\\t" (expected 1 to 64 characters of a-z, 0-9 and -)'),
        ("phase: b1\n    at: 15", 'phase: " b1"\n    at: 15', 'phase: " b1"', "injects[1].phase",
         'unknown phase " b1" (known: b1)'),
        ("targets: [chu-tich]", 'targets: ["chu-tich "]', 'targets: ["chu',
         "injects[1].targets[0]", 'unknown post "chu-tich " (known: chu-tich, cong-an)'),
    ],
)
def test_format_and_ids_are_checked_as_written(old, new, needle, path, message):
    text = edit(old, new)
    assert problems(text) == [f"{F}:{line_of(needle, text)}: {path}: {message}"]


def test_an_id_with_spaces_is_one_problem_not_one_per_reference():
    text = edit("  - id: chu-tich\n", '  - id: " chu-tich"\n')
    line = line_of('- id: " chu-tich', text)
    assert problems(text) == [
        f'{F}:{line}: posts[0].id: invalid id " chu-tich" '
        "(expected 1 to 64 characters of a-z, 0-9 and -)"
    ]


@pytest.mark.parametrize("written, value", [
    ("010", 10),  # YAML 1.1 would read octal 8
    ("08", 8),  # YAML 1.1 would read text
    ("2.5e3", 2500),  # YAML 1.1 would read text (no sign in the exponent)
    ("0.50", Fraction(1, 2)),
])
def test_a_number_is_read_as_a_person_writes_it(written, value):
    scenario = load_scenario_text(edit("max: 3.5", f"max: {written}"), F)
    assert scenario.criteria[1].max == value
    assert load_scenario_text(edit("weight: 2", f"weight: {written}"), F).posts[1].weight == value


def test_a_decimal_comma_is_refused_with_the_dot_to_write():
    text = edit("max: 3.5", "max: 3,5")
    assert single_problem(text) == (
        f'{F}:{line_of("max: 3,5", text)}: criteria[1].max: expected a number > 0, found text '
        '"3,5" (write decimals with a dot: 3.5)')
    quoted = edit("max: 3.5", 'max: "3"')  # quoted: text, with the quotes to take off
    assert single_problem(quoted).endswith(
        'expected a number > 0, found text "3" (write the number without quotes: 3)')


def test_the_hints_on_a_number_are_told_in_vietnamese(qapp):
    from dientap_desktop.app import install_translations
    from dientap_desktop.ui.problems import in_language

    install_translations(qapp, "vi")
    try:
        for written, hint in (("3,5", "3.5"), ('"2.5"', "2.5")):
            told = in_language(single_problem(edit("max: 3.5", f"max: {written}")))
            assert hint in told and "write" not in told and "không phải" in told, told
    finally:
        install_translations(qapp, "en")


def test_a_mistyped_target_is_told_once_not_again_as_its_answer_key():
    text = edit("targets: [cong-an, chu-tich]", "targets: [cong-anh, chu-tich]")
    assert single_problem(text).endswith('unknown post "cong-anh" (known: chu-tich, '
                                         'cong-an)'), single_problem(text)
    # a post not targeted, without a mistyped target, is still told
    text = edit("targets: [cong-an, chu-tich]", "targets: [chu-tich]")
    assert "is not a target of this inject" in single_problem(text)


@pytest.mark.parametrize(("old", "new", "path"), [
    ("    max: 2\n", '    max: !!int ""\n', "criteria[0].max"),  # PyYAML fails inside
    ("    max: 2\n", '    max: !!float ""\n', "criteria[0].max"),
    ("    max: 2\n", '    max: !!int "-"\n', "criteria[0].max"),
    ("    at: 15\n", '    at: !!int ""\n', "injects[1].at"),
    # numbers no exercise has, which would take minutes to expand or overflow the file
    ("    max: 2\n", "    max: 1e999999999\n", "criteria[0].max"),
    ("    max: 2\n", "    max: 1." + "9" * 5000 + "\n", "criteria[0].max"),
    ("    at: 15\n", "    at: " + "9" * 5000 + "\n", "injects[1].at"),
    ("    at: 15\n", "    at: 99999999999999999999\n", "injects[1].at"),
    ("    at: 15\n", '    at: "99999999999:00"\n', "injects[1].at"),
    ("media: [ban-do/khu-vuc-1.png]", 'media: ["a\\0b.png"]', "injects[0].media[0]"),
])
def test_odd_numbers_and_paths_are_one_problem_at_their_line(old, new, path):
    text = edit(old, new)
    line = line_of(new.strip()[:12], text)
    assert single_problem(text).startswith(f"{F}:{line}: {path}: ")
