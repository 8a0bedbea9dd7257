"""A large synthetic exercise for benchmarks: 40 posts, 1,000 injects, 12 observers, all scored."""

from __future__ import annotations

import random
import sys
from fractions import Fraction
from pathlib import Path

from dientap_desktop.domain.scenario_loader import load_scenario_text
from dientap_desktop.domain.score_csv import ScoreRow
from dientap_desktop.storage.exercise_file import ExerciseFile

POSTS, INJECTS, OBSERVERS, PHASES = 40, 1000, 12, 3


def _quote(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def large_scenario_text(posts: int = POSTS, injects: int = INJECTS, seed: int = 1) -> str:
    """The YAML of a large scenario that follows the dientap/1 format."""
    rng = random.Random(seed)
    lines = [
        "format: dientap/1",
        "id: tong-hop-lon",
        'title: "Diễn tập khu vực phòng thủ tổng hợp (dữ liệu thử tải)"',
        "kind: other",
        "level: tinh",
        "posts:",
    ]
    post_ids = [f"cv-{n:02d}" for n in range(1, posts + 1)]
    for n, post_id in enumerate(post_ids, 1):
        title = f"Cương vị số {n} — Ủy ban nhân dân phường {n}"
        lines += [f"  - id: {post_id}", f'    title: "{title}"']
    lines.append("phases:")
    for n in range(1, PHASES + 1):
        lines += [f"  - id: b{n}", f'    title: "Bước {n}: Xử trí các tình huống giai đoạn {n}"']
    lines.append("injects:")
    for n in range(1, injects + 1):
        targets = rng.sample(post_ids, 3)
        phase = 1 + (n - 1) * PHASES // injects
        lines += [
            f"  - id: th-{n:04d}",
            f"    phase: b{phase}",
            f'    at: "{(n * 3) // 60:02d}:{(n * 3) % 60:02d}"',
            f'    scenario_time: "{7 + (n // 20) % 12:02d} giờ {n % 60:02d} ngày N"',
            '    source: "Ban Chỉ huy Quân sự tỉnh thông báo"',
            f'    title: "Tình huống {n}: địch hoạt động tại khu vực {n % 17 + 1}"',
            "    text: |",
            f"      Lúc {7 + (n // 20) % 12} giờ, lực lượng trinh sát phát hiện nhóm đối tượng "
            f"hoạt động tại khu vực {n % 17 + 1}. "
            "Yêu cầu các cương vị báo cáo, hạ quyết tâm xử trí.",
            f"    targets: [{', '.join(targets)}]",
            "    expected:",
        ]
        for target in targets:
            lines += [
                f"      {target}:",
                '        - "Báo cáo cấp trên kịp thời, chính xác"',
                '        - "Hạ quyết tâm, giao nhiệm vụ cho lực lượng"',
                '        - "Hiệp đồng với các lực lượng liên quan"',
            ]
    lines += [
        "criteria:",
        "  - id: nam-tinh-hinh",
        '    text: "Nắm, đánh giá và báo cáo tình hình kịp thời, chính xác"',
        "    max: 3",
        "    posts: all",
        "  - id: ha-quyet-tam",
        '    text: "Hạ quyết tâm đúng, đủ, kịp thời"',
        "    max: 3",
        "    posts: all",
        "  - id: hiep-dong",
        '    text: "Tổ chức hiệp đồng chặt chẽ giữa các lực lượng"',
        "    max: 2",
        "    posts: all",
        "  - id: van-kien",
        '    text: "Văn kiện đầy đủ, đúng mẫu, sát thực tế"',
        "    max: 2",
        "    posts: all",
    ]
    return "\n".join(lines) + "\n"


def make_large_exercise(path: str | Path, *, delivered: int = 500, seed: int = 1) -> Path:
    """Write the large exercise: half its injects delivered with decisions, every score given."""
    path = Path(path)
    rng = random.Random(seed)
    scenario = load_scenario_text(large_scenario_text(), "tong-hop-lon.yaml")
    exercise = ExerciseFile.create(path, scenario, name="Diễn tập tổng hợp (thử tải)",
                                   place="Tỉnh Thử Nghiệm")
    try:
        with exercise.db.atomic():
            exercise.start()
            for inject in scenario.injects[:delivered]:
                exercise.deliver(inject.id)
                for post_id in inject.targets:
                    exercise.record_decision(inject.id, post_id, "ha_quyet_tam",
                                             "Hạ quyết tâm xử trí, giao nhiệm vụ cho lực lượng.",
                                             covers=[0, 1])
            rows = [
                ScoreRow(0, f"Người đánh giá {o:02d}", post.id, criterion.id,
                         Fraction(rng.randint(2, 4 * int(criterion.max)), 4))
                for o in range(1, OBSERVERS + 1)
                for post in scenario.posts
                for criterion in scenario.criteria_for(post.id)
            ]
            exercise.set_scores(rows, source="synthetic")
    finally:
        exercise.close()
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "large.dientap")
    make_large_exercise(out)
    print(out)
