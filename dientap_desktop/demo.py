"""The demo exercise: a full run of a built-in scenario, decided and scored, to try the program."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from pathlib import Path

from dientap_desktop.domain.clock import VIETNAM
from dientap_desktop.domain.records import Person
from dientap_desktop.domain.scenario import Scenario
from dientap_desktop.domain.score_csv import ScoreRow
from dientap_desktop.storage.exercise_file import ExerciseFile

DEMO_SCENARIO = "giai-thoat-con-tin"
OBSERVERS = ("Đại tá Trần Quốc Hùng", "Thượng tá Lê Thị Minh Hà")

# Fictional players, one per usual post; posts the list does not know get a generic name.
PEOPLE = {
    "bi-thu": ("Nguyễn Văn Thành", "", ""),
    "chu-tich": ("Phạm Thị Hồng Nhung", "", ""),
    "chqs": ("Hoàng Đức Long", "Đại úy", ""),
    "cong-an": ("Vũ Minh Tuấn", "Thiếu tá", ""),
    "mttq": ("Đỗ Thị Lan", "", ""),
}
SPARE_NAMES = (
    "Bùi Quang Huy",
    "Đặng Thu Trang",
    "Ngô Văn Khải",
    "Lý Thị Mai",
    "Trịnh Công Sơn Hải",
    "Phan Anh Dũng",
    "Tạ Minh Châu",
)
QUALITY = (Fraction(9, 10), Fraction(3, 4), Fraction(17, 20), Fraction(7, 10),
           Fraction(4, 5), Fraction(3, 5), Fraction(33, 40))
KIND_SEQUENCE = ("bao_cao", "ha_quyet_tam", "ra_menh_lenh", "hiep_dong")
NOTES = (
    ("strength", "Các cương vị nắm chắc tình hình, báo cáo kịp thời, đúng trình tự."),
    ("weakness", "Một số đồng chí còn đọc văn kiện, chưa chủ động xử trí tình huống."),
    ("proposal", "Tăng cường luyện tập hiệp đồng giữa lực lượng Công an và dân quân."),
    ("strength", "Văn kiện chuẩn bị đầy đủ, sát với nội dung diễn tập."),
    ("weakness", "Thời gian xử trí tình huống có lúc chậm so với kế hoạch."),
    ("proposal", "Bổ sung phương án thông tin liên lạc dự phòng khi mất liên lạc."),
)


class DemoClock:
    """A clock that the demo moves forward by hand, so the run has realistic times."""

    def __init__(self, start: datetime):
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, minutes: float) -> None:
        """Move the clock forward."""
        self.moment += timedelta(minutes=minutes)


def _decision_text(expected: tuple[str, ...], covered: list[int], person: Person) -> str:
    if not expected:
        return (f"Đồng chí {person.name} báo cáo đã nắm tình hình, "
                "triển khai nhiệm vụ theo phương án.")
    parts = [expected[i].rstrip(".") for i in covered] or [expected[0].rstrip(".")]
    body = "; ".join(p[0].lower() + p[1:] for p in parts)
    return f"Đồng chí {person.name}: {body}."


DEMO_SIGNER = PEOPLE["bi-thu"][0]  # the Party secretary heads the directing committee
DEMO_SUPERIOR = "Ủy ban nhân dân phường Hòa Bình"  # the body over the directing committee


def demo_roster(scenario: Scenario) -> list[Person]:
    """The demo's fictional players, one per post of the scenario."""
    spare = iter(SPARE_NAMES)
    roster = []
    for post in scenario.posts:
        name, rank, unit = PEOPLE.get(post.id) or (next(spare, "Nguyễn Văn Bình"), "", "")
        roster.append(Person(post.id, name, rank, unit or (post.unit or "")))
    return roster


def make_practice(path: str | Path, scenario: Scenario) -> ExerciseFile:
    """The demo exercise ready to run (players named, nothing delivered): to try the program."""
    return ExerciseFile.create(
        path,
        scenario,
        name=f"Diễn tập thử — {scenario.title}",
        place="Phường Hòa Bình",
        day=date.today(),
        issuer="BAN CHỈ ĐẠO DIỄN TẬP",
        superior=DEMO_SUPERIOR,
        signer=DEMO_SIGNER,
        roster=demo_roster(scenario),
    )


def make_demo(
    path: str | Path,
    scenario: Scenario,
    *,
    merge_observer_scores: Callable[[ExerciseFile, str, list[ScoreRow]], None] | None = None,
    seed: int = 2023,
) -> ExerciseFile:
    """Write a complete demo exercise: every inject delivered, decisions, two observers' scores.

    `merge_observer_scores` brings one observer's scores in (through a kit when the caller has
    kits); by default they are written straight into the exercise.
    """
    rng = random.Random(seed)
    clock = DemoClock(datetime(2023, 11, 15, 7, 30, tzinfo=VIETNAM).astimezone(UTC))
    exercise = ExerciseFile.create(
        path,
        scenario,
        name="Diễn tập chiến đấu phòng thủ phường Hòa Bình năm 2023",
        place="Phường Hòa Bình",
        day=date(2023, 11, 15),
        issuer="BAN CHỈ ĐẠO DIỄN TẬP",
        superior=DEMO_SUPERIOR,
        signer=DEMO_SIGNER,
        roster=demo_roster(scenario),
        now=clock,
    )
    people = exercise.roster()
    clock.advance(30)
    exercise.start()
    paused = False
    plan = [i.at for i in scenario.injects]
    for number, inject in enumerate(scenario.injects, 1):
        elapsed = exercise.clock().elapsed_minutes(clock())
        planned = float(inject.at) if inject.at is not None else elapsed + 15
        # Delivered on plan, give or take three minutes.
        clock.advance(max(planned - elapsed + rng.uniform(-1, 3), 0))
        exercise.deliver(inject.id)
        # The posts answer in their own time, before the next inject is due.
        following = plan[number] if number < len(plan) and plan[number] is not None else None
        window = (float(following) - planned - 1) if following is not None else 15.0
        answers = sorted(rng.uniform(1.5, max(min(window, 14.0), 3.0)) for _ in inject.targets)
        order = list(inject.targets)
        rng.shuffle(order)
        delivered_at = clock()
        for offset, (post_id, after) in enumerate(zip(order, answers, strict=True)):
            expected = inject.expected.get(post_id, ())
            keep = max(1, len(expected) - rng.randint(0, 1)) if expected else 0
            covered = sorted(rng.sample(range(len(expected)), k=keep))
            clock.moment = max(clock.moment, delivered_at + timedelta(minutes=after))
            exercise.record_decision(
                inject.id,
                post_id,
                KIND_SEQUENCE[(number + offset) % len(KIND_SEQUENCE)],
                _decision_text(expected, covered, people[post_id]),
                covers=covered,
            )
        if not paused and number == len(scenario.injects) // 2:
            clock.advance(1)
            exercise.pause()
            clock.advance(10)
            exercise.resume()
            paused = True
    clock.advance(5)
    exercise.finish()
    # Each post plays at its own level, so the ratings differ; the observers differ a little,
    # and once by more than a quarter of the maximum (a disagreement for the director to see).
    levels = [QUALITY[n % len(QUALITY)] for n in range(len(scenario.posts))]
    for index, observer in enumerate(OBSERVERS):
        rows = []
        for level, post in zip(levels, scenario.posts, strict=True):
            for number, criterion in enumerate(scenario.criteria_for(post.id)):
                share = level + Fraction(rng.randint(-2, 2), 40)
                if index == 1 and post is scenario.posts[1] and number == 0:
                    share -= Fraction(2, 5)
                value = Fraction(round(criterion.max * share * 4), 4)
                rows.append(ScoreRow(0, observer, post.id, criterion.id,
                                     max(min(value, criterion.max), Fraction(0))))
        clock.advance(3)
        if merge_observer_scores is None:
            exercise.set_scores(rows, source="demo")
        else:
            merge_observer_scores(exercise, observer, rows)
        for kind, text in NOTES[index * 3 : index * 3 + 3]:
            inject = scenario.injects[rng.randrange(len(scenario.injects))]
            exercise.add_note(observer, kind, text, inject_id=inject.id,
                              post_id=rng.choice(inject.targets))
    return exercise
