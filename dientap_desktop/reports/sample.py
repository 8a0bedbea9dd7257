"""A small exercise built in memory, with awkward data (long names, gaps, a pause), for tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

from dientap_desktop.domain.clock import Clock
from dientap_desktop.domain.records import (
    ClockEvent,
    Decision,
    Delivery,
    ExerciseInfo,
    Note,
    Person,
    Score,
)
from dientap_desktop.domain.scenario import Criterion, Inject, Phase, Post, Scenario
from dientap_desktop.domain.snapshot import ExerciseSnapshot

LONG_TITLE = (
    "Phó Chủ tịch Ủy ban nhân dân phường kiêm Trưởng ban Chỉ đạo phòng, chống khủng bố, "
    "bảo vệ an ninh trật tự và khắc phục hậu quả thiên tai, dịch bệnh trên địa bàn phường"
)
LONG_NAME = "Tôn Nữ Hoàng Thị Phương Thảo Nguyễn Ngọc Bích Uyên"
LONG_CRITERION = (
    "Chất lượng văn kiện: quyết tâm, kế hoạch, mệnh lệnh, báo cáo đúng mẫu, đúng thẩm quyền, "
    "sát với nội dung diễn tập và tình hình thực tế của địa phương; thể hiện rõ cơ chế Đảng "
    "lãnh đạo, chính quyền điều hành, các ban ngành đoàn thể làm tham mưu, Công an và Quân sự "
    "làm nòng cốt; trình bày rõ ràng, mạch lạc, không đọc chép tài liệu"
)


def sample_snapshot(observers: int = 2, complete: bool = False) -> ExerciseSnapshot:
    """A finished run of 5 injects and 3 posts; by default one post lacks a score."""
    posts = (
        Post("chu-tich", "Chủ tịch UBND phường"),
        Post("cong-an", "Trưởng Công an phường"),
        Post("pho-chu-tich", LONG_TITLE, unit="Ủy ban nhân dân phường Đông Sơn"),
    )
    phases = (Phase("b1", "Bước 1: Nắm tình hình"), Phase("b2", "Bước 2: Xử trí"))
    injects = (
        Inject("th-01", "b1", "Đối tượng chiếm trụ sở, bắt giữ con tin", "…",
               ("chu-tich", "cong-an"), at=0, scenario_time="08 giờ 15 ngày N",
               source="Tổ tuần tra báo cáo"),
        Inject("th-02", "b1", "Yêu sách của đối tượng", "…", ("chu-tich", "pho-chu-tich"), at=20),
        Inject("th-03", "b2", "Tin đồn thất thiệt lan truyền trên mạng xã hội, người dân "
               "hoang mang "
               "tụ tập đông trước cổng trụ sở", "…", ("pho-chu-tich",), at=40),
        Inject("th-04", "b2", "Một con tin bị thương", "…", ("cong-an", "chu-tich"), at=60),
        Inject("th-05", "b2", "Đối tượng chạy thoát", "…", ("cong-an",), at=80),
    )
    criteria = (
        Criterion("nam-tinh-hinh", "Nắm tình hình, báo cáo kịp thời, chính xác", Fraction(2)),
        Criterion("van-kien", LONG_CRITERION, Fraction(3)),
        Criterion("xu-tri", "Xử trí tình huống đúng quyết tâm, đúng thẩm quyền", Fraction(3)),
        Criterion("hiep-dong", "Hiệp đồng với các lực lượng", Fraction(2),
                  posts=("cong-an", "pho-chu-tich")),
        Criterion("to-chuc", "Tổ chức, điều hành sở chỉ huy", Fraction(2), posts=("chu-tich",)),
    )
    scenario = Scenario("mau", "Kịch bản mẫu", "hostage_rescue", "xa_phuong", posts, phases,
                        injects, criteria)
    start = datetime(2023, 11, 15, 0, 30, tzinfo=UTC)  # 07:30 in Vietnam

    def at(minute: float) -> datetime:
        return start + timedelta(minutes=minute)

    clock = Clock((ClockEvent("start", at(0)), ClockEvent("pause", at(45)),
                   ClockEvent("resume", at(57)), ClockEvent("finish", at(110))))
    deliveries = (
        Delivery(1, "th-01", "delivered", at(1)),
        Delivery(2, "th-02", "delivered", at(24)),
        Delivery(3, "th-03", "delivered", at(41)),
        Delivery(4, "th-04", "delivered", at(74)),
        Delivery(5, "th-05", "skipped", at(90)),
    )
    decisions = (
        Decision(1, "th-01", "cong-an", "bao_cao", "Báo cáo Chủ tịch UBND phường & trực ban "
                 "Công an tỉnh <khẩn>.", at(3)),
        Decision(2, "th-01", "chu-tich", "ha_quyet_tam", "Hạ quyết tâm bao vây, cô lập.", at(6)),
        Decision(3, "th-02", "chu-tich", "ra_menh_lenh", "Giao Công an chủ trì thương lượng.",
                 at(29)),
        Decision(4, "th-02", "pho-chu-tich", "hiep_dong", "Hiệp đồng với Ban CHQS phường về "
                 "việc tổ chức các chốt chặn trên các tuyến đường dẫn vào trụ sở, bảo đảm "
                 "không để đối tượng tẩu thoát và giữ an toàn tuyệt đối cho người dân. " * 2,
                 at(33)),
        Decision(5, "th-03", "pho-chu-tich", "bao_cao", "Báo cáo tình hình dư luận.", at(43)),
        Decision(6, "th-04", "cong-an", "ra_menh_lenh", "Điều tổ y tế vào cấp cứu.", at(77)),
    )
    names = ["Đại tá Trần Quốc Hùng", "Thượng tá Lê Thị Minh Hà", "Trung tá " + LONG_NAME,
             "Thiếu tá Phạm Văn Đồng", "Đại úy Vũ Thị Thu"]
    names = (names + [f"Người đánh giá số {n}" for n in range(6, observers + 1)])[:observers]
    scores = []
    for index, name in enumerate(names):
        for post in posts:
            for n, criterion in enumerate(scenario.criteria_for(post.id)):
                if not complete and post.id == "pho-chu-tich" and criterion.id == "hiep-dong":
                    continue
                share = Fraction(6 + (index + n + len(post.id)) % 5, 10)
                if index == 1 and criterion.id == "xu-tri" and post.id == "cong-an":
                    share = Fraction(1, 10)  # a disagreement
                value = Fraction(round(criterion.max * share * 4), 4)
                comment = "Còn lúng túng khi thương lượng" if (index, n) == (0, 2) else ""
                scores.append(Score(name, post.id, criterion.id, value, comment))
    notes = (
        Note("n1", names[0] if names else "", "strength", "Báo cáo kịp thời, đúng trình tự.",
             "th-01", "cong-an"),
        Note("n2", names[0] if names else "", "weakness", "Còn đọc văn kiện khi xử trí.",
             "th-02", "chu-tich"),
        Note("n3", names[-1] if names else "", "proposal", "Tăng cường luyện tập hiệp đồng.",
             None, None),
    )
    roster = {
        "chu-tich": Person("chu-tich", "Phạm Thị Hồng Nhung"),
        "cong-an": Person("cong-an", "Vũ Minh Tuấn", "Thiếu tá"),
        "pho-chu-tich": Person("pho-chu-tich", LONG_NAME, "", "Ủy ban nhân dân phường Đông Sơn"),
    }
    info = ExerciseInfo("sample", "Diễn tập chiến đấu phòng thủ phường Đông Sơn năm 2023 — "
                        "Tiêu diệt, đánh bắt khủng bố, giải thoát con tin", "Phường Đông Sơn",
                        date(2023, 2, 5), "mau", "finished", "Ban Chỉ đạo diễn tập phường")
    return ExerciseSnapshot(info, scenario, roster, clock, deliveries, decisions, tuple(names),
                            tuple(scores), notes, (), at(120))
