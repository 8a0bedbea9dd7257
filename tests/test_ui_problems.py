"""Problems with files and CSVs are told in the window's language, the file and line kept."""

from __future__ import annotations

import re
import sqlite3
import sys
import unicodedata
from pathlib import Path

import pytest

from dientap_desktop.domain.text import quoted
from tests.ui_support import answers, ui_settings, window  # noqa: F401

CSV = """observer,post,criterion,score,comment
Hà,chu-tich,nam-tinh-hinh,abc,
Hà,chu-tich-x,nam-tinh-hinh,1,
Hà,chu-tich,khong-co,1,
Hà,{post},{only},1,
Hà,chu-tich,nam-tinh-hinh,-1,
Hà,chu-tich,nam-tinh-hinh,99,
,chu-tich,nam-tinh-hinh,1,
Hà,chu-tich
Hà,cong-an,nam-tinh-hinh,1,
Hà,cong-an,nam-tinh-hinh,1,
"""


@pytest.fixture
def vietnamese(qapp):
    from dientap_desktop.app import install_translations

    install_translations(qapp, "vi")
    yield
    install_translations(qapp, "en")


def bad_rows(scenario) -> list[str]:
    from dientap_desktop.domain.score_csv import CsvError, read_scores_csv

    applies = {p.id: {c.id for c in scenario.criteria_for(p.id)} for p in scenario.posts}
    every = set().union(*applies.values())
    post, only = next((p, sorted(every - c)[0]) for p, c in applies.items() if every - c)
    with pytest.raises(CsvError) as raised:
        read_scores_csv(CSV.format(post=post, only=only).encode(), "diem.csv", scenario)
    return raised.value.problems


def test_every_bad_row_of_a_csv_is_told_in_vietnamese(hostage_scenario, vietnamese):
    from dientap_desktop.ui.problems import in_language, is_known

    problems = bad_rows(hostage_scenario)
    assert len(problems) == 9
    assert all(is_known(p) for p in problems), [p for p in problems if not is_known(p)]
    told = [in_language(p) for p in problems]
    assert told[0] == 'diem.csv:2: điểm "abc" không phải là số'
    assert told[5].startswith("diem.csv:7: điểm 99 vượt điểm tối đa")
    assert all(t.startswith("diem.csv:") for t in told)
    english = ("score", "unknown", "criterion", "expected", "observer", "second")
    assert not any(word in t.split(": ", 1)[1] for t in told for word in english), told


def test_an_exercise_file_that_cannot_be_opened_says_why_in_vietnamese(
        tmp_path, exercise, window, answers, vietnamese):
    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.ui.problems import told

    text = tmp_path / "ghi-chu.dientap"
    text.write_text("không phải tệp diễn tập")
    newer = tmp_path / "moi.dientap"
    exercise.close()
    newer.write_bytes(exercise.path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    expected = {
        tmp_path / "khong-co.dientap": "tệp không tồn tại",
        text: "đây không phải tệp diễn tập",
        newer: "phiên bản mới hơn",
    }
    for path, reason in expected.items():
        with pytest.raises(Exception) as raised:
            ExerciseFile.open(path)
        assert reason in told(raised.value)
        assert not window.open_file(path)
        message = answers.of("error")[-1].split("\n")
        assert message[0] == "Không mở được tệp diễn tập này."
        assert reason in message[2] and str(path.name) in message[2]


BROKEN = """format: dientap/2
id: Sai Id
title: ""
kind: hostage
level: xa_phuong
scale: {ratings: [{label: Giỏi, min: 8}, {label: Đạt, min: 9}]}
posts:
  - id: p1
    title: Chủ tịch
    uint: sai chính tả
phases:
  - {id: b1, title: Bước 1}
injects:
  - id: th-1
    phase: b1
    at: "01:75"
    title: Tình huống
    text: Nội dung
    targets: [p1, p2]
criteria:
  - {id: c1, text: Nội dung, max: hai, posts: all}
"""


def test_the_problems_of_a_scenario_file_are_told_in_vietnamese(tmp_path, window, qtbot,
                                                                answers, vietnamese):
    from dientap_desktop.domain.scenario_loader import ScenarioError, load_scenario
    from dientap_desktop.ui.new_exercise import NewExerciseDialog
    from dientap_desktop.ui.problems import is_known

    path = tmp_path / "hong.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    lines = [str(p) for p in raised.value.problems]
    assert len(lines) >= 6 and all(is_known(line) for line in lines), lines
    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    answers.queue = [str(path)]
    dialog.load_file()
    text = dialog.problems.toPlainText()
    for told in ('định dạng "dientap/2" không được hỗ trợ', 'mã "Sai Id" không hợp lệ',
                 "nội dung đang để trống", 'trường "uint" không có trong định dạng',
                 "thời điểm", 'không có cương vị "p2" (các cương vị: p1)'):
        assert told in text, (told, text)
    # the file by its name, its line and field as written, the item counted from 1 beside it
    assert "• hong.yaml:10: posts[0].uint (cương vị thứ 1): " in text
    assert "criteria[0].max (tiêu chí thứ 1): " in text and str(path.parent) not in text
    assert 'giá trị "hostage" không thuộc các giá trị được phép' in text
    assert "ở đây cần một số lớn hơn 0, không phải văn bản \"hai\"" in text
    assert "phải nhỏ hơn điểm tối thiểu 8" in text


def test_values_in_a_problem_are_kept_as_they_are(vietnamese):
    from dientap_desktop.ui.problems import in_language

    assert in_language('d.csv:3: unknown post "nothing" (known: a, b)') == \
        'd.csv:3: không có cương vị "nothing" (các cương vị: a, b)'
    assert in_language('k.dtkit: observer "Tổ %2 Hùng" is not this kit\'s observer "Hà"') == \
        'k.dtkit: người đánh giá "Tổ %2 Hùng" không phải người đánh giá của bộ phiếu này ("Hà")'
    assert in_language("s.yaml:4: posts: expected a list of posts, found nothing") == \
        "s.yaml:4: posts: ở đây cần một danh sách, không phải giá trị rỗng"


# --- every problem of a scenario file, from real bad files -----------------------------------

SCENARIO = {
    "format": "dientap/1",
    "id": "giai-thoat",
    "title": "Giải thoát con tin",
    "kind": "hostage_rescue",
    "level": "xa_phuong",
    "posts": [{"id": "chu-tich", "title": "Chủ tịch UBND phường"},
              {"id": "cong-an", "title": "Trưởng Công an phường"}],
    "phases": [{"id": "b1", "title": "Bước 1"}],
    "injects": [{"id": "th-01", "phase": "b1", "at": "00:10", "title": "Phát hiện",
                 "text": "Nội dung", "targets": ["cong-an"],
                 "expected": {"cong-an": ["Báo cáo"]}, "media": ["anh/ban-do.png"],
                 "state": {"readiness": "cao"}}],
    "criteria": [{"id": "nam-tinh-hinh", "text": "Nắm tình hình", "max": 2, "posts": "all",
                  "injects": ["th-01"]}],
}
DROP = object()


def changed(*edits) -> str:
    """The scenario above as YAML, with each (path, value) edit made ("injects.0.at"); DROP
    removes the field."""
    import copy

    import yaml

    data = copy.deepcopy(SCENARIO)
    for path, value in edits:
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        key = int(last) if isinstance(node, list) else last
        if value is DROP:
            del node[key]
        else:
            node[key] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def nested(depth: int) -> str:
    return "[" * depth + "1" + "]" * depth


GOOD = changed()
RATINGS = "scale.ratings"
# One bad file for every check of the loader (a test below makes sure none is missing).
SCENARIO_CASES = {
    # the whole file
    "empty file": "",
    "only a comment": "# chỉ có ghi chú\n",
    "a list at the top": "- chu-tich\n- cong-an\n",
    "text at the top": "kịch bản\n",
    "not UTF-8": GOOD.encode() + "x-ghi-chu: Đông\n".encode("cp1258"),
    "a control character": GOOD + "x-ghi-chu: a\x07b\n",
    # YAML written wrongly
    "no colon": GOOD + "tieu de khac\n",
    "item without a dash": "posts:\n  - id: a\n  title: b\n",
    "colon in plain text": GOOD + "x-ghi-chu: Bước 1: Nắm tình hình\n",
    "quote not closed": GOOD + "x-ghi-chu: \"Nắm tình hình\n",
    "list not closed": GOOD + "x-ghi-chu: [a, b\n",
    "fields not closed": GOOD + "x-ghi-chu: {a: b\n",
    "tab": "format: dientap/1\nposts:\n\t- id: a\n",
    "at sign": GOOD + "x-ghi-chu: @cong-an\n",
    "undefined alias": GOOD + "x-ghi-chu: *cong-an\n",
    "duplicate anchor": GOOD + "x-a: &m 1\nx-b: &m 2\n",
    "two documents": GOOD + "---\nx-ghi-chu: b\n",
    "unknown escape": GOOD + 'x-ghi-chu: "C:\\tep\\qua"\n',
    "bad unicode escape": GOOD + 'x-ghi-chu: "\\uZZZZ"\n',
    "wrong indentation": "format: dientap/1\nposts:\n  - id: a\n    title: b\n   x: c\n",
    "closing brace alone": GOOD + "x-ghi-chu: }\n",
    "first line indented": "  format: dientap/1\nid: a\n",
    "dash in a mapping": "format: dientap/1\nposts: - a\n",
    "tag not closed": GOOD + "x-ghi-chu: !<tag:yaml.org,2002:str x\n",
    "bad anchor name": GOOD + "x-ghi-chu: &\n",
    "directive twice": "%YAML 1.1\n%YAML 1.1\n---\n" + GOOD,
    "document end inside": GOOD + "x-ghi-chu: 'a\n--- b'\n",
    "block scalar": GOOD + "x-ghi-chu: |0\n  a\n",
    "invisible line break": GOOD + "x-ghi-chu: Bước một\u2028bước hai\n",
    "quote closed on a later line": 'format: dientap/1\ntitle: "Diễn tập\nkind: "other"\n',
    "dash without its space": "format: dientap/1\nposts:\n  -id: a\n    title: b\n",
    "a line indented further": "format: dientap/1\nid: a\n  title: b\n",
    "a field not aligned": 'format: "dientap/1"\n id: a\n',
    "something after a value": GOOD + 'x-ghi-chu: "a" b\n',
    # YAML the loader refuses
    "python tag": GOOD + "x-lenh: !!python/object/apply:os.system [ls]\n",
    "own tag": GOOD.replace("kind: ", "kind: !rieng ", 1),
    "list as a field name": GOOD + "? [a, b]\n: c\n",
    "merge of text": GOOD + "<<: abc\n",
    "recursive alias": GOOD + "x-vong: &v [*v]\n",
    "too many aliases": GOOD + "x-a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
        f"x-{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n"
        for p, n in zip("abcde", "bcdef", strict=True)),
    "too much text through aliases": GOOD + f"x-dai: &dai '{'x' * 1_000_000}'\nx-lap: ["
                                     + ", ".join(["*dai"] * 12) + "]\n",
    "nested too deeply": GOOD + f"x-sau: {nested(60)}\n",
    "nested past what YAML reads": GOOD + "x-sau: " + "[" * 200_000 + "\n",
    "nested too deeply through an alias": GOOD + f"x-a: &d {nested(45)}\n"
                                          f"x-b: {nested(10).replace('1', '*d')}\n",
    # fields
    "format": changed(("format", "dientap/2")),
    "format empty": changed(("format", " ")),
    "format a list": changed(("format", ["dientap/1"])),
    "id": changed(("id", "Giải Thoát")),
    "id with a tab": changed(("id", "a\tb")),
    "title empty": changed(("title", "  ")),
    "title missing a value": changed(("title", None)),
    "kind": changed(("kind", "hostage")),
    "level": changed(("level", "quan")),
    "field unknown": changed(("tieu-de", "x")),
    "field missing": changed(("phases", DROP)),
    "field twice": GOOD + "title: Lặp lại\n",
    # posts
    "posts not a list": changed(("posts", {"chu-tich": "x"})),
    "posts empty": changed(("posts", [])),
    "post as text": changed(("posts", ["chu-tich", {"id": "cong-an", "title": "Công an"}])),
    "post id twice": changed(("posts.1.id", "chu-tich")),
    "weight below 0": changed(("posts.0.weight", -1)),
    "weight as text": changed(("posts.0.weight", "hai")),
    "every weight 0": changed(("posts.0.weight", 0), ("posts.1.weight", 0)),
    "post without criterion": changed(("criteria.0.posts", ["cong-an"])),
    # injects
    "phase unknown": changed(("injects.0.phase", "b9")),
    "target twice": changed(("injects.0.targets", ["cong-an", "cong-an"])),
    "target unknown": changed(("injects.0.targets", ["cong-an", "ban-chi-huy"])),
    "targets empty": changed(("injects.0.targets", [])),
    "targets as text": changed(("injects.0.targets", "cong-an")),
    "time minutes over 59": changed(("injects.0.at", "01:75")),
    "time below 0": changed(("injects.0.at", -5)),
    "time as a list": changed(("injects.0.at", [10])),
    "expected for a post not a target": changed(("injects.0.expected", {"chu-tich": ["Họp"]})),
    "expected as a list": changed(("injects.0.expected", ["Báo cáo"])),
    "expected actions empty": changed(("injects.0.expected.cong-an", [])),
    "expected action missing": changed(("injects.0.expected.cong-an", [None])),
    "media absolute": changed(("injects.0.media", ["/etc/hosts"])),
    "media on a drive": changed(("injects.0.media", ["C:\\anh\\ban-do.png"])),
    "media out of the folder": changed(("injects.0.media", ["../ban-do.png"])),
    "media with a control character": changed(("injects.0.media", ["anh/ban\0do.png"])),
    "media as text": changed(("injects.0.media", "anh/ban-do.png")),
    "state empty": changed(("injects.0.state", {})),
    "state readiness": changed(("injects.0.state", {"readiness": "cao-nhat"})),
    "state locality": changed(("injects.0.state", {"locality": "chien-tranh"})),
    "state as text": changed(("injects.0.state", "cao")),
    # criteria
    "max 0": changed(("criteria.0.max", 0)),
    "max as text": changed(("criteria.0.max", "hai")),
    "criterion posts as text": changed(("criteria.0.posts", "tat-ca")),
    "criterion posts empty": changed(("criteria.0.posts", [])),
    "criterion inject unknown": changed(("criteria.0.injects", ["th-99"])),
    "criterion id twice": changed(("criteria", SCENARIO["criteria"] * 2)),
    # scale
    "scale as text": changed(("scale", "muoi")),
    "scale max below the default ratings": changed(("scale", {"max": 4})),
    "scale max 0": changed(("scale", {"max": 0})),
    "ratings not decreasing": changed(("scale", {"ratings": [
        {"label": "Khá", "min": 5}, {"label": "Giỏi", "min": 6}, {"label": "Đạt", "min": 0}]})),
    "rating above the default max": changed(("scale", {"ratings": [
        {"label": "Giỏi", "min": 12}, {"label": "Đạt", "min": 0}]})),
    "rating above the max": changed(("scale", {"max": 5, "ratings": [
        {"label": "Giỏi", "min": 8}, {"label": "Đạt", "min": 0}]})),
    "last rating not 0": changed(("scale", {"ratings": [
        {"label": "Giỏi", "min": 8}, {"label": "Khá", "min": 5}]})),
    "ratings empty": changed(("scale", {"ratings": []})),
    "rating as text": changed(("scale", {"ratings": ["Giỏi"]})),
    "rating without label": changed(("scale", {"ratings": [{"min": 0}]})),
    "rating min as text": changed(("scale", {"ratings": [{"label": "Đạt", "min": "không"}]})),
}


def _special_cases(folder):
    """Problems that need more than a file's text: (name, function that loads)."""
    import os

    from dientap_desktop.domain.scenario_loader import (
        find_scenario,
        load_scenario,
        load_scenario_text,
    )

    large = folder / "lon.yaml"
    with open(large, "wb") as file:
        file.truncate(5_000_001)
    outside = folder / "ngoai"
    outside.mkdir()
    (outside / "ban-do.png").write_bytes(b"png")
    inside = folder / "kich-ban"
    (inside / "anh").mkdir(parents=True)
    os.symlink(outside / "ban-do.png", inside / "anh" / "ban-do.png")
    (inside / "kich-ban.yaml").write_text(GOOD, encoding="utf-8")
    pipe = folder / "ong.yaml"
    os.mkfifo(pipe)
    return {
        "file too large": lambda: load_scenario(large),
        "a pipe": lambda: load_scenario(pipe),
        "a folder": lambda: load_scenario(outside),
        "no such file": lambda: load_scenario(folder / "khong-co.yaml"),
        "lone surrogate": lambda: load_scenario_text(GOOD + "x-a: \ud800\n", "kich-ban.yaml"),
        "media link out of the folder": lambda: load_scenario(inside / "kich-ban.yaml"),
        "no such scenario": lambda: find_scenario(str(folder / "khong-co")),
    }


def _all_scenario_problems(folder):
    """{case: [Problem, ...]} for every bad scenario file above."""
    from dientap_desktop.domain.scenario_loader import ScenarioError, load_scenario

    loads = {}
    for n, (name, content) in enumerate(SCENARIO_CASES.items()):
        path = folder / f"kich-ban-{n}.yaml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        loads[name] = lambda path=path: load_scenario(path)
    loads.update(_special_cases(folder))
    problems = {}
    for name, load in loads.items():
        with pytest.raises(ScenarioError) as raised:
            load()
        problems[name] = raised.value.problems
    return problems


def _values_domain():
    """Words a problem line may hold as values, in any language: the format's own values."""
    from dientap_desktop.domain import records, scenario

    return {*scenario.KINDS, *scenario.LEVELS, *scenario.READINESS_STATES,
            *scenario.LOCALITY_STATES, *records.NOTE_KINDS, *records.STATUSES}


# English words a Vietnamese line may keep: names of formats and of the file's own fields
KEPT = {"yaml", "utf", "unicode", "nul", "csv", "byte", "tab", "format", "title", "readiness",
        "locality", "excel"}


def without_quote_sign(text: str) -> str:
    """The text without the quote sign a CSV's line names, (") or (""): no value in quotes."""
    return text.replace('("")', " ").replace('(")', " ")


def english_left(english: str, told: str) -> set[str]:
    """The English words of a reason (its values in quotes left out) that its told form still
    holds: none when it is translated."""
    def words(text: str) -> set[str]:
        text = re.sub(r'"[^"]*"|«[^»]*»', " ", without_quote_sign(text))
        return {w.lower() for w in re.findall(r"\w+(?:[.-]\w+)*", text)  # "chu-tich" is one
                if w.isascii() and w.isalpha() and len(w) > 2}

    english = re.sub(r"\(known: [^)]*\)", " ", english)  # the file's own field names
    return words(english) & words(told) - KEPT - {v.lower() for v in _values_domain()}


def kept_values(english: str, told: str) -> list[str]:
    """The values of an English reason (text in quotes or in «», numbers) its told form lost."""
    english = without_quote_sign(english)
    lost = [v for v in re.findall(r'«[^»]*»|"[^"]*"', english) if v not in told]
    plain = re.sub(r'«[^»]*»|"[^"]*"|\(expected [^)]*\)|not valid YAML: .*', " ", english)
    return lost + [n for n in re.findall(r"\d+", plain) if n not in told]


def check_told(line: str, reason: str, file: str) -> list[str]:
    """What is wrong with the told form of a problem line whose English reason is `reason`
    (a scenario inside a kit names its file again: the file's name is no English)."""
    from dientap_desktop.ui.problems import in_language, is_known

    # The file is named by its name alone (its folders are under "details"), and a scenario's
    # list item counted from 1 beside its field: the rest of the start stays as written.
    told = re.sub(r" \((?:tình huống|cương vị|bước|tiêu chí) thứ \d+\)(?=: )", "",
                  in_language(line), count=1)
    start = line[: len(line) - len(reason)]
    start = re.sub(r"^.*?[/\\](?=[^/\\]*?(?: \(scenario[^)]*\))?(?::\d+)?: )", "", start)
    wrong = []
    if not is_known(line) or told == line:
        wrong.append("not translated")
    if not told.startswith(start):
        wrong.append(f"the start {start!r} is not kept")
    if unicodedata.normalize("NFC", told) != told:
        wrong.append("not NFC")
    told_reason = told[len(start):]
    if file:  # named by its name in the told form, by its path in the English one
        told_reason = told_reason.replace(re.split(r"[/\\]", file)[-1], " ")
        reason = reason.replace(file, " ")
    if english := english_left(reason, told_reason):
        wrong.append(f"English left: {sorted(english)}")
    if lost := kept_values(reason, told_reason):
        wrong.append(f"values lost: {lost}")
    return [f"{line}\n  -> {told}\n  {', '.join(wrong)}"] if wrong else []


@pytest.fixture
def recorded_sites(monkeypatch):
    """The lines of scenario_loader.py that made a problem while the test ran."""
    from dientap_desktop.domain import scenario_loader as loader

    sites: set[int] = set()
    report, problem = loader._Reporter.__call__, loader.Problem

    def reporting(self, line, path, message):
        sites.add(sys._getframe(1).f_lineno)
        report(self, line, path, message)

    def making(*args, **kwargs):
        sites.add(sys._getframe(1).f_lineno)
        return problem(*args, **kwargs)

    class Fatal(loader._Fatal):
        def __init__(self, *args):
            sites.add(sys._getframe(1).f_lineno)
            super().__init__(*args)

    monkeypatch.setattr(loader._Reporter, "__call__", reporting)
    monkeypatch.setattr(loader, "Problem", making)
    monkeypatch.setattr(loader, "_Fatal", Fatal)
    return sites


def problem_sites():
    """(first, last line) of every call in scenario_loader.py that words a problem."""
    import ast

    from dientap_desktop.domain import scenario_loader as loader

    tree = ast.parse(Path(loader.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in ("report", "_Fatal", "Problem") and isinstance(
                node.args[-1], ast.Constant | ast.JoinedStr):
            yield node.lineno, node.end_lineno


def test_every_problem_of_a_scenario_file_is_told_in_vietnamese(tmp_path, recorded_sites,
                                                                vietnamese):
    problems = _all_scenario_problems(tmp_path)
    missed = [f"scenario_loader.py:{first}: no bad file of SCENARIO_CASES makes this problem"
              for first, last in problem_sites()
              if not any(first <= line <= last for line in recorded_sites)]
    assert missed == []
    wrong = [w for found in problems.values() for p in found
             for w in check_told(str(p), p.message, p.file)]
    assert wrong == [], "\n".join(wrong)
    assert sum(len(found) for found in problems.values()) > len(problems)


def test_a_scenario_file_is_told_in_plain_words(tmp_path, vietnamese):
    from dientap_desktop.ui.problems import in_language

    problems = _all_scenario_problems(tmp_path)

    def told(case: str) -> str:
        return "\n".join(in_language(str(p)) for p in problems[case])

    assert told("colon in plain text").endswith(
        ':36: x-ghi-chu: giá trị có ": " nên YAML hiểu thành một trường khác: hãy đặt cả giá trị '
        "trong ngoặc kép")
    assert told("no colon").endswith(  # the line itself, not the next one PyYAML names
        ':36: dòng này thiếu dấu ":" sau tên trường (nếu là phần tiếp theo của văn bản ở dòng '
        "trên thì phải thụt lề sâu hơn)")
    # by its name: its folder is under "details"
    assert told("empty file") == "kich-ban-0.yaml: tệp trống"
    assert told("not UTF-8").endswith(
        ":36: văn bản không ở mã UTF-8 (byte 0xd0): hãy lưu tệp dưới dạng UTF-8")
    assert (':17: injects[0].targets[0] (tình huống thứ 1): không có cương vị "cong-an" (chưa '
            'có cương vị nào)') in \
        told("posts empty")
    assert told("target twice").endswith(
        ':22: injects[0].targets[1] (tình huống thứ 1): cương vị "cong-an" bị lặp lại (lần đầu '
        'ở dòng 21)')
    assert told("state empty").endswith(
        ":27: injects[0].state (tình huống thứ 1): trạng thái đang để trống (ghi readiness, "
        "locality hoặc cả hai)")
    assert told("rating above the default max").endswith(
        ":39: scale.ratings[0].min: điểm tối thiểu 12 của mức xếp loại vượt điểm tối đa 10 (mặc "
        "định) của thang")
    assert told("media link out of the folder").endswith(
        f':26: injects[0].media[0] (tình huống thứ 1): tệp "anh/ban-do.png" là liên kết tới '
        f'{quoted(str(tmp_path / "ngoai" / "ban-do.png"))}, nằm ngoài thư mục của kịch bản: '
        "hãy chép tệp "
        "đó vào thư mục của kịch bản")
    assert told("no such file") == \
        "khong-co.yaml: không đọc được tệp (tệp không tồn tại)"


def test_yaml_written_wrongly_is_told_in_plain_vietnamese_at_its_line(tmp_path, vietnamese):
    from dientap_desktop.ui.problems import in_language

    problems = _all_scenario_problems(tmp_path)

    def told(case: str) -> str:
        found = problems[case]
        assert len(found) == 1, found
        return re.sub(r"^kich-ban-\d+\.yaml", "f.yaml", in_language(str(found[0])))

    assert told("tab") == "f.yaml:3: có ký tự tab trong phần thụt lề: chỉ thụt lề bằng dấu cách"
    assert told("quote closed on a later line") == (
        'f.yaml:2: title: dấu ngoặc (") mở ở dòng này mà đến dòng 3 mới đóng: hãy đóng ngay trên '
        "dòng này")
    assert told("quote not closed") == 'f.yaml:36: x-ghi-chu: dấu ngoặc (") mở ở dòng này không ' \
        "được đóng lại"
    assert told("a line indented further") == (
        "f.yaml:3: dòng này thụt lề sâu hơn dòng trên: hãy viết thẳng hàng với các trường cùng "
        "cấp")
    assert told("a field not aligned") == (
        "f.yaml:2: dòng này không thẳng hàng với các trường ở trên: hãy kiểm tra thụt lề")
    assert told("item without a dash") == (
        'f.yaml:3: posts: dòng này không thẳng hàng với các mục danh sách ở trên: mục mới phải bắt '
        'đầu bằng "- ", còn trường của một mục phải thụt lề như các trường khác của mục đó')
    assert told("dash without its space") == (
        'f.yaml:3: posts: sau dấu "-" mở đầu một mục danh sách phải có dấu cách')
    assert told("at sign") == (
        'f.yaml:36: x-ghi-chu: giá trị không được bắt đầu bằng "@": hãy đặt văn bản trong ngoặc '
        "kép")
    assert told("invisible line break") == (
        'f.yaml:36: dòng này có một dấu xuống dòng không nhìn thấy được (U+2028) sau "x-ghi-chu: '
        'Bước một", YAML coi đó là hết dòng: hãy xóa nó đi')
    assert told("too much text through aliases") == (
        'f.yaml:37: x-lap[8]: tham chiếu "*dai" lặp lại quá nhiều văn bản: nếu viết đầy đủ, văn '
        "bản của tệp sẽ vượt quá 10,000,000 ký tự")


def test_the_scenario_inside_a_file_is_told_with_its_own_problems(vietnamese):
    from dientap_desktop.ui.problems import in_language

    inside = ('ex.dientap: the scenario inside is invalid: ex.dientap (scenario s-1):3: id: '
              'invalid id "A" (expected 1 to 64 characters of a-z, 0-9 and -); ex.dientap '
              '(scenario s-1):9: posts: empty list (expected at least one post)')
    assert in_language(inside) == (
        'ex.dientap: kịch bản trong tệp diễn tập không dùng được: ex.dientap (kịch bản s-1):3: '
        'id: mã "A" không hợp lệ (1 đến 64 ký tự a-z, 0-9 và -, không dấu cách, không dấu '
        'tiếng Việt); ex.dientap (kịch bản s-1):9: posts: danh sách đang trống (cần ít nhất một '
        'mục)')
    assert in_language("k.dtkit: note 7: text: empty") == \
        "k.dtkit: nội dung nhận xét 7: đang để trống"
    assert in_language("f.yaml:3: note x: empty") == "f.yaml:3: note x: đang để trống"  # a field


# --- observer kits and CSV files --------------------------------------------------------------

KIT_CASES = {
    "date": ["UPDATE kit SET date = 'hôm qua'"],
    "status": ["UPDATE kit SET status = 'xong'"],
    "two exercises": ["INSERT INTO kit SELECT 'x' || id, exercise_id, exercise_name, place, date, "
                      "scenario_id, status, observer, created_at, app_version FROM kit"],
    "observer empty": ["UPDATE kit SET observer = ' '"],
    "place as bytes": ["UPDATE kit SET place = x'41'"],
    "name with NUL": ["UPDATE kit SET exercise_name = 'a' || char(0) || 'b'"],
    "no scenario": ["DELETE FROM scenario"],
    "scenario of another format": [
        "UPDATE scenario SET source = replace(source, 'dientap/1', 'dientap/2')"],
    "scenario not YAML": ["UPDATE scenario SET source = source || char(10) || 'x-a: [b'"],
    "another scenario": ["UPDATE kit SET scenario_id = 'kich-ban-khac'"],
    "no post": ["DELETE FROM scores", "DELETE FROM posts"],
    "post unknown": ["INSERT INTO posts VALUES ('ma', 9, '', '', '')"],
    "score not a number": ["UPDATE scores SET value = 'nan' WHERE criterion_id = 'xu-tri'"],
    "score as bytes": ["UPDATE scores SET value = x'3132' WHERE criterion_id = 'xu-tri'"],
    "score over the maximum": ["UPDATE scores SET value = '4' "
                               "WHERE criterion_id = 'nam-tinh-hinh'"],
    "comment too long": ["UPDATE scores SET comment = hex(zeroblob(2001))"],
    "comment as bytes": ["UPDATE scores SET comment = x'00'"],
    "entry time": ["UPDATE scores SET updated_at = 'hôm qua'"],
    "note kind": ["PRAGMA ignore_check_constraints = ON", "UPDATE notes SET kind = 'y-kien'"],
    "note empty": ["UPDATE notes SET text = '   '"],
    "note inject unknown": ["UPDATE notes SET inject_id = 'th-99'"],
    "note inject as bytes": ["UPDATE notes SET inject_id = x'41'"],
    "note text as bytes": ["UPDATE notes SET text = x'41'"],
    "note post unknown": ["UPDATE notes SET post_id = 'ma'"],
    "note post as bytes": ["UPDATE notes SET post_id = x'41'"],
    "kit version 0": ["PRAGMA user_version = 0"],
}


@pytest.fixture
def good_kit(tmp_path):
    """A kit with scores and a note, and its exercise file."""
    from tests.kit_support import make_exercise, scored_kit

    exercise = make_exercise(tmp_path / "ex.dientap")
    yield exercise, scored_kit(exercise, tmp_path / "tot.dtkit")
    exercise.close()


def test_every_problem_of_an_altered_kit_is_told_in_vietnamese(tmp_path, good_kit, vietnamese):
    import shutil

    from dientap_desktop.storage.database import FileProblem
    from dientap_desktop.storage.kit import read_kit
    from tests.kit_support import raw_sql

    wrong = []
    for n, (case, statements) in enumerate(KIT_CASES.items()):
        bad = tmp_path / f"hong-{n}.dtkit"
        shutil.copy(good_kit[1], bad)
        raw_sql(bad, *statements)
        with pytest.raises(FileProblem) as raised:
            read_kit(bad)
        for line in getattr(raised.value, "problems", None) or [str(raised.value)]:  # each
            assert line.startswith(f"{bad}: "), (case, line)
            reason = re.sub(r"^(?:kit\.\w+|posts): ", "", line.removeprefix(f"{bad}: "))
            wrong += check_told(line, reason, str(bad))
    assert wrong == [], "\n".join(wrong)


def test_what_a_kit_refuses_to_write_is_told_in_vietnamese(tmp_path, good_kit, vietnamese):
    from dientap_desktop.storage.exercise_file import ActionError
    from dientap_desktop.storage.kit import MAX_NOTE, KitFile, make_kit
    from dientap_desktop.ui.problems import in_language

    exercise, kit = good_kit
    refused = []
    for make in (lambda: make_kit(exercise, " ", tmp_path / "a.dtkit"),
                 lambda: make_kit(exercise, "B", tmp_path / "b.dtkit", [])):
        with pytest.raises(ActionError) as raised:
            make()
        refused.append(str(raised.value))
    with KitFile.open(kit) as opened:
        for note in (("y-kien", "Tốt"), ("strength", " "), ("strength", "x" * (MAX_NOTE + 1)),
                     ("strength", "Tốt", "th-99")):
            with pytest.raises(ActionError) as raised:
                opened.add_note(*note)
            refused.append(str(raised.value))
    with KitFile.open(kit, readonly=True) as opened, pytest.raises(ActionError) as raised:
        opened.add_note("strength", "Tốt")
    refused.append(str(raised.value).removeprefix(f"{kit}: "))
    wrong = [w for line in refused for w in check_told(line, line, "")]
    assert wrong == [], "\n".join(wrong)
    assert in_language(refused[-1]) == "bộ phiếu đang mở ở chế độ chỉ đọc"


def test_a_csv_that_cannot_be_read_is_told_in_vietnamese(tmp_path, hostage_scenario, vietnamese):
    from dientap_desktop.domain.score_csv import CsvError, read_csv_bytes, read_scores_csv

    header = "observer,post,criterion,score,comment\n"
    lines = []
    for text in (header + 'Hà,chu-tich,nam-tinh-hinh,1,"chưa đóng\n',
                 header + 'Hà,chu-tich,nam-tinh-hinh,"1"x,\n',
                 header + 'Hà,chu-tich,nam-tinh-hinh,1,"' + "x" * 200_000 + '"\n',
                 header + 'Hà,chu-tich,nam-tinh-hinh,1,"chưa đóng\nHà,cong-an,xu-tri,1,\n',
                 header + 'Hà,chu-tich,nam-tinh-hinh,1,"chưa\nHà,cong-an,xu-tri,1,"Tốt"\n',
                 header + 'Hà,chu-tich,nam-tinh-hinh,1,"dòng 1\ndòng "2""\n',
                 'observer,"post"s,criterion,score\n', 'observer,post,criterion,score,x,"y\n'):
        with pytest.raises(CsvError) as raised:
            read_scores_csv(text.encode(), "diem.csv", hostage_scenario)
        lines += raised.value.problems
    assert len([line for line in lines if '(")' in line]) == 7  # each quote told, in words
    with pytest.raises(CsvError) as raised:
        read_csv_bytes(tmp_path / "khong-co.csv")
    lines += raised.value.problems
    wrong = [w for line in lines
             for w in check_told(line, line.split(": ", 1)[1], line.split(":", 1)[0])]
    assert wrong == [], "\n".join(wrong)


def test_a_header_with_another_separator_and_an_empty_score_are_told_in_vietnamese(
        hostage_scenario, vietnamese):
    from dientap_desktop.domain.score_csv import CsvError, read_scores_csv
    from dientap_desktop.ui.problems import in_language, is_known

    lines = []
    for text in ("observer\tpost\tcriterion\tscore\tcomment\n",
                 "observer|post|criterion|score|comment\n"):
        with pytest.raises(CsvError) as raised:
            read_scores_csv(text.encode(), "diem.csv", hostage_scenario)
        lines += raised.value.problems
    wrong = [w for line in lines for w in check_told(line, line.split(": ", 1)[1], "")]
    assert wrong == [], "\n".join(wrong)
    assert in_language(lines[0]).startswith("diem.csv:1: dòng đầu ngăn cách các cột bằng dấu tab")
    assert 'bằng "|"' in in_language(lines[1])
    with pytest.raises(CsvError) as raised:  # a row of a template left without its score
        read_scores_csv("observer,post,criterion,score,comment\nHà,chu-tich,nam-tinh-hinh,,\n"
                        .encode(), "diem.csv", hostage_scenario)
    [empty] = raised.value.problems
    assert is_known(empty)
    assert in_language(empty) == "diem.csv:2: ô điểm còn trống: gõ điểm vào, hoặc xóa dòng này"


def test_a_file_on_a_read_only_disk_with_its_last_changes_beside_it_is_told(vietnamese):
    from dientap_desktop.ui.problems import in_language, is_known

    line = ("/media/usb/ex.dientap: its last changes are still in ex.dientap-wal and the folder "
            "cannot be written; open it where it can be written")
    assert is_known(line)
    assert in_language(line).startswith("ex.dientap: những thay đổi cuối cùng")
    assert "chép tệp cùng với ex.dientap-wal" in in_language(line)


def test_a_line_that_starts_with_its_reason_keeps_the_slashes_in_it(qapp):
    """Only a file's path at the start of a line is cut to its name: an exercise named
    "01/2025: phường A" or a criterion "a/b" stay whole."""
    from dientap_desktop.ui.problems import in_language

    refused = ("the kit belongs to another exercise («Diễn tập 01/2025: phường A», id 1), not "
               "to «B» (id 2)")
    assert in_language(refused) == "the kit belongs to another exercise («Diễn tập 01/2025: " \
                                   "phường A»)"
    line = 'scores.csv:7: score 9 is over the maximum 2 of criterion "a/b"'
    assert in_language(line).startswith("scores.csv:7: ") and '"a/b"' in in_language(line)


def test_a_windows_path_s_scenario_items_are_counted_from_1(qapp):
    from dientap_desktop.ui.problems import in_language

    told = in_language(r"C:\dien tap\ex.dientap: the scenario inside is invalid: "
                       r"C:\dien tap\ex.dientap (scenario x):12: injects[0].title: empty; "
                       r"C:\dien tap\ex.dientap (scenario x):20: injects[3].at: empty")
    assert "injects[0].title (inject no. 1)" in told and "injects[3].at (inject no. 4)" in told


def test_a_workbook_another_encoding_and_other_separators_are_told_in_vietnamese(
        hostage_scenario, vietnamese):
    """What an officer who typed the scores in Excel meets: the workbook chosen instead of its
    CSV, a CSV in a Windows code page, rows separated otherwise than the header."""
    from dientap_desktop.domain.score_csv import CsvError, read_scores_csv
    from dientap_desktop.ui.problems import in_language

    header = "observer,post,criterion,score,comment\n"
    lines = []
    for data in (b"PK\x03\x04" + bytes(40),
                 (header + "Hà,chu-tich,nam-tinh-hinh,1,").encode() + b"T\xf4t\n",  # cp1258
                 (header + "Hà;chu-tich;nam-tinh-hinh;1;\nHà,chu-tich\n").encode(),
                 (header.replace(",", ";") + "Hà,chu-tich,nam-tinh-hinh,1,\n").encode()):
        with pytest.raises(CsvError) as raised:
            read_scores_csv(data, "diem.csv", hostage_scenario)
        lines += raised.value.problems
    wrong = [w for line in lines
             for w in check_told(line, line.split(": ", 1)[1], "")]
    assert wrong == [], "\n".join(wrong)
    assert [in_language(line) for line in lines] == [
        'diem.csv: đây là tệp bảng tính, không phải tệp CSV: trong Excel, hãy lưu lại dưới dạng '
        '"CSV UTF-8"',
        'diem.csv:2: văn bản không ở mã UTF-8 (byte 69): hãy lưu dưới dạng "CSV UTF-8"',
        "diem.csv:2: dòng này ngăn cách các cột bằng dấu chấm phẩy, còn dòng đầu bằng dấu phẩy: "
        "hãy dùng cùng một dấu cho mọi dòng",
        "diem.csv:3: dòng đầu có 5 cột, còn dòng này có 2 cột",
        "diem.csv:2: dòng này ngăn cách các cột bằng dấu phẩy, còn dòng đầu bằng dấu chấm phẩy: "
        "hãy dùng cùng một dấu cho mọi dòng"]
