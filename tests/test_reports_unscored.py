"""An observer who left a criterion empty that others scored: the post is complete and its score
stands (the mean of that criterion comes from the others), but the sheet each observer signs
says who left which criteria empty, and the summary flags the post."""

import re
from fractions import Fraction

import pytest

from dientap_desktop.domain.scenario_loader import find_scenario
from dientap_desktop.domain.score_csv import ScoreRow
from dientap_desktop.reports.document import score10
from dientap_desktop.reports.export import export_reports
from dientap_desktop.storage.exercise_file import ExerciseFile
from tests.test_reports_pdf import Pdf

THREE = ["Đại tá Trần Văn An", "Thượng tá Lê Thị Bình", "Thượng tá Nguyễn Văn Cường"]
# names too long for a column's head: the columns are numbered, the names listed under them
MORE = [*THREE, "Trung tá Phạm Quốc Dũng"]
SHORT = ["Đại tá Trần Văn An", "Thượng tá Lê Thị Bình"]  # short enough to head their columns


def scored(path, observers, left_empty):
    """An exercise of the hostage-rescue scenario whose every post each observer scored, but
    for `left_empty`: {(observer, post id): [criterion numbers on the post's sheet]}."""
    scenario = find_scenario("giai-thoat-con-tin")
    exercise = ExerciseFile.create(path, scenario, name="Diễn tập thử", place="Phường Hòa Bình")
    rows = []
    for index, observer in enumerate(observers):
        for post in scenario.posts:
            for number, criterion in enumerate(scenario.criteria_for(post.id), 1):
                if number in left_empty.get((observer, post.id), ()):
                    continue
                value = criterion.max * Fraction(6 + (index + number) % 4, 10)
                rows.append(ScoreRow(0, observer, post.id, criterion.id,
                                     Fraction(round(value * 4), 4)))
    exercise.set_scores(rows, "test")
    return exercise


def sheets(pdf: Pdf) -> list[str]:
    """Each sheet's text, its pages joined."""
    starts = [n for n, page in enumerate(pdf.pages) if "PHIẾU CHẤM ĐIỂM" in page]
    ends = [*starts[1:], len(pdf.pages)]
    return [" ".join(pdf.pages[a:b]) for a, b in zip(starts, ends, strict=True)]


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    """Three observers; the third, (3), left criteria 1 and 4 of the first post empty."""
    folder = tmp_path_factory.mktemp("unscored")
    with scored(folder / "ex.dientap", THREE, {(THREE[2], "bi-thu"): [1, 4]}) as exercise:
        snapshot = exercise.snapshot()
    paths = export_reports(snapshot, folder / "out", ["scoring", "summary"])
    return snapshot, Pdf(paths[0]), Pdf(paths[1])


def test_the_post_stays_complete_and_its_score_counts_the_others(three):
    snapshot, scoring, _ = three
    result = snapshot.results().of("bi-thu")
    assert result.complete and result.score is not None
    first = result.criteria[0]
    assert sorted(first.scores) == sorted(THREE[:2])  # the mean of criterion 1: two observers
    assert f"Tổng điểm quy đổi (thang 10): {score10(result.score)}" in sheets(scoring)[0]


def test_the_sheet_names_the_observer_and_the_criteria_left_empty(three):
    snapshot, scoring, _ = three
    first, *others = sheets(scoring)
    assert f"Người đánh giá: (1) {THREE[0]}; (2) {THREE[1]}; (3) {THREE[2]}." in first
    assert f"Người đánh giá chưa chấm: (3) {THREE[2]} — tiêu chí 1, 4." in first
    # nothing is missing, but not every observer scored every criterion
    assert "Còn thiếu điểm: không (mỗi tiêu chí đều có ít nhất một người chấm)." in first
    assert "đã chấm đủ" not in first
    assert "tính theo những người đã chấm" in first
    for sheet in others:  # everybody scored everything there
        assert "Còn thiếu điểm: không (đã chấm đủ các tiêu chí)." in sheet
        assert "chưa chấm" not in sheet


def test_the_summary_flags_the_post(three):
    snapshot, _, summary = three
    rows = re.search(r"Chênh lệch điểm (.*) Điểm chung", summary.text).group(1)
    first = re.split(r" (?=2 )", rows)[0]
    assert first.startswith("1 Bí thư")
    assert "Đã chấm đủ (có người chưa chấm tiêu chí 1, 4)" in first
    assert rows.count("chưa chấm") == 1  # no other post is flagged


def test_observers_named_over_their_columns_are_named_without_a_number(tmp_path):
    with scored(tmp_path / "ex.dientap", SHORT, {(SHORT[0], "cong-an"): [2]}) as exercise:
        snapshot = exercise.snapshot()
    scoring = sheets(Pdf(export_reports(snapshot, tmp_path / "out", ["scoring"])[0]))
    sheet = scoring[[p.id for p in snapshot.scenario.posts].index("cong-an")]
    assert f"Người đánh giá chưa chấm: {SHORT[0]} — tiêu chí 2." in sheet
    assert "(1)" not in sheet  # no number on the sheet to refer to


def test_every_observer_with_a_gap_is_told_and_an_incomplete_post_says_ngoai_ra(tmp_path):
    left_empty = {(MORE[1], "chu-tich"): [3], (MORE[3], "chu-tich"): [1, 5]}
    # nobody scored criterion 2 of "chqs": it is missing; the fourth left 4 empty too
    left_empty.update({(name, "chqs"): [2] for name in MORE})
    left_empty[(MORE[3], "chqs")] = [2, 4]
    with scored(tmp_path / "ex.dientap", MORE, left_empty) as exercise:
        snapshot = exercise.snapshot()
    scoring = sheets(Pdf(export_reports(snapshot, tmp_path / "out", ["scoring"])[0]))
    posts = [p.id for p in snapshot.scenario.posts]
    chu_tich, chqs = scoring[posts.index("chu-tich")], scoring[posts.index("chqs")]
    assert (f"Người đánh giá chưa chấm: (2) {MORE[1]} — tiêu chí 3; (4) {MORE[3]} — tiêu chí "
            "1, 5.") in chu_tich
    assert "Còn thiếu điểm: tiêu chí 2." in chqs  # nobody scored it: not told per observer
    assert f"Ngoài ra, người đánh giá chưa chấm: (4) {MORE[3]} — tiêu chí 4." in chqs
