"""Small builders for tests: a scenario made in code, without a file."""

from fractions import Fraction

from dientap_desktop.domain.scenario import Criterion, Inject, Phase, Post, Scenario, StateChange


def small_scenario(weights=(1, 1), at=(0, 30, 60)) -> Scenario:
    """Two posts, three injects, three criteria (A: 4 for all, B: 6 for p1, C: 6 for p2)."""
    posts = (
        Post("p1", "Chủ tịch UBND phường", weight=Fraction(weights[0])),
        Post("p2", "Trưởng Công an phường", weight=Fraction(weights[1])),
    )
    injects = tuple(
        Inject(
            f"i{n}",
            "b1",
            f"Tình huống {n}",
            "Nội dung",
            ("p1", "p2") if n != 2 else ("p2",),
            at=minutes,
            scenario_time=f"0{7 + n} giờ 00 ngày N",
            expected={"p2": ("Báo cáo", "Bao vây")} if n != 2 else {},
            state=StateChange(readiness="cao", locality="khan_cap_quoc_phong") if n == 2 else None,
        )
        for n, minutes in enumerate(at, 1)
    )
    criteria = (
        Criterion("a", "Nắm tình hình", Fraction(4)),
        Criterion("b", "Điều hành", Fraction(6), posts=("p1",)),
        Criterion("c", "Vây bắt", Fraction(6), posts=("p2",)),
    )
    return Scenario("thu", "Kịch bản thử", "other", "xa_phuong", posts, (Phase("b1", "Bước 1"),),
                    injects, criteria)
