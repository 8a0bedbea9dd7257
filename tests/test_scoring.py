"""Scores and ratings per the scoring rules of scenario-format.md."""

from decimal import Decimal
from fractions import Fraction

import pytest

from dientap_desktop.domain.records import Score
from dientap_desktop.domain.scenario import Scale
from dientap_desktop.domain.scoring import round_half_up, score_exercise
from tests.helpers import small_scenario


def S(observer, post, criterion, value):
    return Score(observer, post, criterion, Fraction(str(value)))


@pytest.mark.parametrize(
    "value, expected",
    [(Fraction(8125, 1000), "8.13"), (Fraction(8124, 1000), "8.12"), (Fraction(1, 3), "0.33"),
     (Fraction(2, 3), "0.67"), (Fraction(10), "10.00"), (Fraction(65, 10), "6.50"),
     (Fraction(4995, 1000), "5.00")],
)
def test_round_half_up(value, expected):
    assert round_half_up(value) == Decimal(expected)


@pytest.mark.parametrize(
    "score, label",
    [(10, "Giỏi"), (8, "Giỏi"), (Fraction(799, 100), "Khá"), (6.5, "Khá"), (6.49, "Đạt yêu cầu"),
     (5, "Đạt yêu cầu"), (4.99, "Không đạt yêu cầu"), (0, "Không đạt yêu cầu")],
)
def test_default_ratings(score, label):
    assert Scale().rate(Fraction(str(score))) == label


def test_post_score_is_scale_times_sum_over_max_of_means():
    scenario = small_scenario()
    scores = [S("An", "p1", "a", 3), S("Bình", "p1", "a", 4), S("An", "p1", "b", 5)]
    post = score_exercise(scenario, scores).of("p1")
    # mean of a = 3.5; (3.5 + 5) / 10 * 10 = 8.5
    assert post.complete and post.score == Decimal("8.50") and post.rating == "Giỏi"
    assert post.missing == ()


def test_a_criterion_an_observer_left_empty_is_told_without_making_the_post_incomplete():
    scenario = small_scenario()
    scores = [S("An", "p1", "a", 3), S("Bình", "p1", "a", 4), S("An", "p1", "b", 5)]
    post = score_exercise(scenario, scores).of("p1")  # Bình left b empty: An alone scored it
    assert post.complete and post.score == Decimal("8.50")
    assert post.scorers == {"An", "Bình"}
    assert post.unscored_by("Bình") == ("b",) and post.unscored_by("An") == ()
    assert [c.criterion.id for c in post.partly_scored] == ["b"]
    # a criterion nobody scored is missing, not a gap of each observer
    alone = score_exercise(scenario, [S("An", "p2", "a", 3)]).of("p2")
    assert alone.unscored_by("An") == () and alone.partly_scored == ()


def test_incomplete_post_has_no_score_and_lists_missing():
    scenario = small_scenario()
    result = score_exercise(scenario, [S("An", "p2", "a", 3)])
    p2 = result.of("p2")
    assert not p2.complete and p2.score is None and p2.rating is None
    assert p2.missing == ("c",)
    assert result.of("p1").missing == ("a", "b")
    assert not result.complete and result.score is None and result.rating is None


def test_exercise_total_is_weighted_mean_of_rounded_post_scores():
    scenario = small_scenario(weights=(1, 3))
    scores = [S("An", "p1", "a", 3), S("An", "p1", "b", Fraction(10, 3)),
              S("An", "p2", "a", 4), S("An", "p2", "c", 2)]
    result = score_exercise(scenario, scores)
    p1, p2 = result.of("p1").score, result.of("p2").score
    assert p1 == Decimal("6.33") and p2 == Decimal("6.00")
    # (6.33 + 3 * 6) / 4 = 6.0825 -> 6.08
    assert result.score == Decimal("6.08") and result.rating == "Đạt yêu cầu"


def test_disagreement_over_a_quarter_of_the_max():
    scenario = small_scenario()
    result = score_exercise(scenario, [S("An", "p1", "b", 6), S("Bình", "p1", "b", 4.4),
                                       S("An", "p1", "a", 4), S("Bình", "p1", "a", 3)])
    flags = {c.criterion.id: c.disagreement for c in result.of("p1").criteria}
    assert flags == {"a": False, "b": True}  # 1.0 == 4/4 is not over; 1.6 > 1.5 is
