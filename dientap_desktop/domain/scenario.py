"""The scenario model: posts, phases, injects, criteria and the rating scale of one exercise."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from pathlib import Path

FORMAT = "dientap/1"
KINDS = ("hostage_rescue", "airborne_landing", "riot_dispersal", "readiness_transition", "other")
LEVELS = ("tinh", "huyen", "xa_phuong")

# Readiness of the armed forces (SSCĐ), lowest first; an inject may put one in force.
READINESS_STATES = ("thuong_xuyen", "tang_cuong", "cao", "toan_bo")
# States of the locality; the last two are the security variant.
LOCALITY_STATES = (
    "binh_thuong",
    "co_tinh_huong",
    "khan_cap_quoc_phong",
    "tinh_trang_chien_tranh",
    "thiet_quan_luat",
    "gioi_nghiem",
)

READINESS_LABELS = {
    "thuong_xuyen": "SSCĐ thường xuyên",
    "tang_cuong": "SSCĐ tăng cường",
    "cao": "SSCĐ cao",
    "toan_bo": "SSCĐ toàn bộ",
}
LOCALITY_LABELS = {
    "binh_thuong": "Bình thường",
    "co_tinh_huong": "Có tình huống",
    "khan_cap_quoc_phong": "Khẩn cấp về quốc phòng",
    "tinh_trang_chien_tranh": "Tình trạng chiến tranh",
    "thiet_quan_luat": "Thiết quân luật",
    "gioi_nghiem": "Giới nghiêm",
}
KIND_LABELS = {
    "hostage_rescue": "Tiêu diệt, đánh bắt khủng bố, giải thoát con tin",
    "airborne_landing": "Đánh địch tiến công hỏa lực và đổ bộ đường không",
    "riot_dispersal": "Giải tán đám đông gây rối an ninh, bạo loạn",
    "readiness_transition": "Chuyển trạng thái sẵn sàng chiến đấu",
    "other": "Khác",
}
LEVEL_LABELS = {"tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa_phuong": "Cấp xã, phường"}


@dataclass(frozen=True)
class Rating:
    """One step of the rating scale: a label and the lowest score that earns it."""

    label: str
    min: Fraction


@dataclass(frozen=True)
class Scale:
    """The score scale of a scenario: the top score of a post and its ratings, highest first."""

    max: Fraction = Fraction(10)
    ratings: tuple[Rating, ...] = (
        Rating("Giỏi", Fraction(8)),
        Rating("Khá", Fraction(13, 2)),
        Rating("Đạt yêu cầu", Fraction(5)),
        Rating("Không đạt yêu cầu", Fraction(0)),
    )

    def rate(self, score: Fraction | float) -> str:
        """The first rating, highest first, whose minimum the score reaches."""
        value = Fraction(score)
        for rating in self.ratings:
            if value >= rating.min:
                return rating.label
        return self.ratings[-1].label


@dataclass(frozen=True)
class Post:
    """A position that plays in the exercise (cương vị)."""

    id: str
    title: str
    unit: str | None = None
    weight: Fraction = Fraction(1)


@dataclass(frozen=True)
class Phase:
    """A step of the exercise (giai đoạn, bước)."""

    id: str
    title: str


@dataclass(frozen=True)
class StateChange:
    """The readiness and locality states an inject puts in force when it is delivered."""

    readiness: str | None = None
    locality: str | None = None


@dataclass(frozen=True)
class Inject:
    """A situation the director hands out (tình huống giả định)."""

    id: str
    phase: str
    title: str
    text: str
    targets: tuple[str, ...]
    at: int | None = None  # planned minutes after the start
    scenario_time: str | None = None
    source: str | None = None
    expected: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    notes: str | None = None
    media: tuple[str, ...] = ()
    state: StateChange | None = None


@dataclass(frozen=True)
class Criterion:
    """What observers score, with its maximum points and the posts it applies to."""

    id: str
    text: str
    max: Fraction
    posts: tuple[str, ...] | None = None  # None means every post
    injects: tuple[str, ...] = ()

    def applies_to(self, post_id: str) -> bool:
        """Whether this criterion is scored for the post."""
        return self.posts is None or post_id in self.posts


@dataclass(frozen=True)
class Scenario:
    """A validated scenario file: the template of one exercise."""

    id: str
    title: str
    kind: str
    level: str
    posts: tuple[Post, ...]
    phases: tuple[Phase, ...]
    injects: tuple[Inject, ...]
    criteria: tuple[Criterion, ...]
    summary: str | None = None
    scale: Scale = Scale()
    format: str = FORMAT
    source_text: str = ""  # the file as written, kept so an exercise freezes its scenario
    base_dir: Path | None = None  # the scenario's folder, where media files are found
    # what the file may have wrong though it can be used (scenario_loader.Problem), as read
    warnings: tuple = field(default=(), compare=False, repr=False)

    def post(self, post_id: str) -> Post:
        """The post with this id."""
        return next(p for p in self.posts if p.id == post_id)

    def phase(self, phase_id: str) -> Phase:
        """The phase with this id."""
        return next(p for p in self.phases if p.id == phase_id)

    def inject(self, inject_id: str) -> Inject:
        """The inject with this id (StopIteration when there is none, like the other look-ups)."""
        return self.injects[self.inject_number(inject_id) - 1]

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id."""
        return next(c for c in self.criteria if c.id == criterion_id)

    def criteria_for(self, post_id: str) -> tuple[Criterion, ...]:
        """The criteria scored for a post, in file order."""
        return tuple(c for c in self.criteria if c.applies_to(post_id))

    @cached_property
    def criterion_numbers(self) -> dict[tuple[str, str], int]:
        """(post id, criterion id) -> the criterion's number on that post's scoring sheet (1,
        2, ...), as the sheets, the log and the window name a score."""
        return {(p.id, c.id): n for p in self.posts
                for n, c in enumerate(self.criteria_for(p.id), 1)}

    @cached_property
    def score_limits(self) -> dict[tuple[str, str], Fraction]:
        """(post id, criterion id) -> the criterion's maximum, for every criterion of every post."""
        return {
            (p.id, c.id): c.max for p in self.posts for c in self.criteria if c.applies_to(p.id)
        }

    @cached_property
    def _inject_numbers(self) -> dict[str, int]:
        return {inject.id: n for n, inject in enumerate(self.injects, 1)}

    def inject_number(self, inject_id: str) -> int:
        """The 1-based position of an inject in file order (a look-up: the large exercise has
        1,000); StopIteration when there is none."""
        number = self._inject_numbers.get(inject_id)
        if number is None:
            raise StopIteration(inject_id)
        return number
