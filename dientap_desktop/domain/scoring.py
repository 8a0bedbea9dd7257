"""Scores and ratings exactly as the scenario format's scoring rules say, in exact arithmetic."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from dientap_desktop.domain.records import Score
from dientap_desktop.domain.scenario import Criterion, Post, Scenario

CENT = Decimal("0.01")


def round_half_up(value: Fraction) -> Decimal:
    """The value rounded half up to two decimals."""
    cents = math.floor(value * 100 + Fraction(1, 2))
    return (Decimal(cents) / 100).quantize(CENT)


def to_fraction(value: float | int | str | Decimal | Fraction) -> Fraction:
    """A score or maximum as an exact fraction, read from its decimal text."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(Decimal(str(value)))


@dataclass(frozen=True)
class CriterionResult:
    """A criterion of one post: each observer's score, their mean, and whether they disagree."""

    criterion: Criterion
    scores: dict[str, Fraction]
    comments: dict[str, str]

    @property
    def mean(self) -> Fraction | None:
        """The mean of the observers' scores, or None when nobody scored it."""
        if not self.scores:
            return None
        return sum(self.scores.values(), Fraction(0)) / len(self.scores)

    @property
    def disagreement(self) -> bool:
        """Whether two observers' scores differ by more than a quarter of the maximum."""
        if len(self.scores) < 2:
            return False
        values = self.scores.values()
        return max(values) - min(values) > self.criterion.max / 4


@dataclass(frozen=True)
class PostResult:
    """A post's scores: complete or not, its score on the scale, its rating, what is missing."""

    post: Post
    criteria: tuple[CriterionResult, ...]
    score: Decimal | None
    rating: str | None

    @property
    def complete(self) -> bool:
        """Whether every criterion that applies has at least one score."""
        return all(c.scores for c in self.criteria)

    @property
    def missing(self) -> tuple[str, ...]:
        """The ids of the criteria with no score."""
        return tuple(c.criterion.id for c in self.criteria if not c.scores)

    @property
    def disagreements(self) -> tuple[CriterionResult, ...]:
        """The criteria on which observers disagree."""
        return tuple(c for c in self.criteria if c.disagreement)

    @property
    def scored(self) -> bool:
        """Whether any of its criteria has a score."""
        return any(c.scores for c in self.criteria)

    @property
    def scorers(self) -> frozenset[str]:
        """Every observer who scored at least one of its criteria."""
        return frozenset(name for c in self.criteria for name in c.scores)

    def unscored_by(self, observer: str) -> tuple[str, ...]:
        """The ids of the criteria that others scored and `observer` left empty (their means
        come from fewer observers; the post may still be complete)."""
        return tuple(c.criterion.id for c in self.criteria
                     if c.scores and observer not in c.scores)

    @property
    def partly_scored(self) -> tuple[CriterionResult, ...]:
        """The criteria scored, but not by every observer who scored the post."""
        scorers = self.scorers
        return tuple(c for c in self.criteria if c.scores and len(c.scores) < len(scorers))

    @property
    def compared(self) -> bool:
        """Whether two observers or more scored one of its criteria: whether there is anything
        to tell a disagreement from (with one observer, or none, there is not)."""
        return any(len(c.scores) >= 2 for c in self.criteria)


@dataclass(frozen=True)
class ExerciseResult:
    """Every post's result and the exercise total."""

    posts: tuple[PostResult, ...]
    score: Decimal | None
    rating: str | None

    @property
    def complete(self) -> bool:
        """Whether every post is complete."""
        return all(p.complete for p in self.posts)

    def of(self, post_id: str) -> PostResult:
        """The result of one post."""
        return next(p for p in self.posts if p.post.id == post_id)

    @property
    def disagreements(self) -> int:
        """How many criteria, all posts together, the observers disagree on: while there are
        any, the results are provisional (the observers are to settle them)."""
        return sum(len(p.disagreements) for p in self.posts)


def score_post(scenario: Scenario, post: Post, scores: Iterable[Score]) -> PostResult:
    """One post's result from the current scores (others' posts are ignored)."""
    by_criterion: dict[str, dict[str, Fraction]] = defaultdict(dict)
    comments: dict[str, dict[str, str]] = defaultdict(dict)
    for s in scores:
        if s.post_id == post.id:
            by_criterion[s.criterion_id][s.observer] = s.value
            if s.comment:
                comments[s.criterion_id][s.observer] = s.comment
    criteria = tuple(
        CriterionResult(c, dict(by_criterion.get(c.id, {})), dict(comments.get(c.id, {})))
        for c in scenario.criteria_for(post.id)
    )
    if not all(c.scores for c in criteria):
        return PostResult(post, criteria, None, None)
    total = sum((c.mean for c in criteria), Fraction(0))
    top = sum((c.criterion.max for c in criteria), Fraction(0))
    score = round_half_up(scenario.scale.max * total / top)
    return PostResult(post, criteria, score, scenario.scale.rate(Fraction(score)))


def score_exercise(scenario: Scenario, scores: Iterable[Score]) -> ExerciseResult:
    """Every post's result and the weighted exercise total, complete only when all posts are."""
    scores = list(scores)
    posts = tuple(score_post(scenario, post, scores) for post in scenario.posts)
    if not all(p.complete for p in posts):
        return ExerciseResult(posts, None, None)
    weights = sum((p.post.weight for p in posts), Fraction(0))
    mean = sum((p.post.weight * Fraction(p.score) for p in posts), Fraction(0)) / weights
    score = round_half_up(mean)
    return ExerciseResult(posts, score, scenario.scale.rate(Fraction(score)))
