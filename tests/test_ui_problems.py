"""Problems with files and CSVs are told in the window's language, the file and line kept."""

from __future__ import annotations

import sqlite3

import pytest

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
    assert "hong.yaml:10: posts[0].uint:" in text  # the file, line and field stay as written
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
