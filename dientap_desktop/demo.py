"""The demo exercise: a full run of a built-in scenario, decided and scored, to try the program."""

from __future__ import annotations

import random
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from pathlib import Path

from dientap_desktop.domain.clock import VIETNAM
from dientap_desktop.domain.records import DECISION_KINDS, Person
from dientap_desktop.domain.scenario import Criterion, Inject, Scenario
from dientap_desktop.domain.score_csv import ScoreRow
from dientap_desktop.domain.text import ascii_name, nfc
from dientap_desktop.storage.exercise_file import ActionError, ExerciseFile

DEMO_SCENARIO = "giai-thoat-con-tin"
DEMO_DAY = date(2025, 11, 13)  # after the two-tier local government of 1 July 2025: no district
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

# A ward's exercise is directed from the level above it. With no district any more (2025), that
# is the province: its Ban Chỉ đạo diễn tập, headed by a vice-chairman of the provincial People's
# Committee (as the district chairman headed it in Tây Hồ 2016), under the provincial People's
# Committee, which decides the awards. The signer plays no post: he does not score himself.
DEMO_SIGNER = "Trần Quang Vinh"  # Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo diễn tập
DEMO_ISSUER = "BAN CHỈ ĐẠO DIỄN TẬP"
DEMO_SUPERIOR = "Ủy ban nhân dân tỉnh Ninh Bình"  # the body over the directing committee

# What each post may give: the Party committee leads by resolutions, the Front and the medical
# station report and act in their field; only the government, the military and the police
# decide, give orders and coordinate forces. Posts not listed report and act only.
COMMANDING = frozenset(DECISION_KINDS)
ALLOWED_KINDS = {
    "bi-thu": frozenset({"bao_cao", "khac"}),
    "chu-tich": COMMANDING,
    "chqs": COMMANDING,
    "cong-an": COMMANDING,
}
REPORTING = frozenset({"bao_cao", "khac"})

# The kind an expected action's text says, from its leading words (lower case).
LEADING_WORDS = (
    (("hạ quyết tâm", "báo cáo quyết tâm", "quyết định"), "ha_quyet_tam"),
    (("báo cáo", "nhận, ghi mệnh lệnh", "đề xuất", "đề nghị"), "bao_cao"),
    (("hiệp đồng", "phối hợp"), "hiep_dong"),
    (("ra mệnh lệnh", "giao ", "chỉ đạo", "chỉ huy", "điều ", "báo động", "triệu tập",
      "bố trí", "triển khai", "siết chặt", "mở rộng", "chốt chặn", "chỉ định", "thu quân",
      "duy trì lực lượng", "sơ tán", "đẩy ", "cử ", "tổ chức"), "ra_menh_lenh"),
)


def decision_kind(action: str, post_id: str) -> str:
    """The kind of decision an expected action is, as its leading words say, among the kinds
    the post may give ("khac" for the rest)."""
    lowered = nfc(action).strip().lower()
    allowed = ALLOWED_KINDS.get(post_id, REPORTING)
    for starts, kind in LEADING_WORDS:
        if lowered.startswith(starts):
            return kind if kind in allowed else "khac"
    return "khac"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def decision_text(kind: str, actions: list[str]) -> str:
    """What a post said, from the expected actions it covers: the kind's own words are not
    repeated after it ("Hạ quyết tâm: bao vây, cô lập…", not "Hạ quyết tâm: Hạ quyết tâm: …")."""
    parts = [a.strip().rstrip(".") for a in actions]
    first = parts[0]
    if kind == "ha_quyet_tam":
        first = re.sub(r"^(hạ|báo cáo) quyết tâm\s*:?\s*", "", first, flags=re.IGNORECASE)
        # "truy bắt: điều…" reads "truy bắt, điều…" after the kind's colon
        first = re.sub(r"^([^:;,]{1,20}):\s*", r"\1, ", first)
    elif kind == "ra_menh_lenh":
        first = re.sub(r"^ra mệnh lệnh\s*(cho [^:]{1,40}:)?\s*", "", first, flags=re.IGNORECASE)
    parts[0] = first or parts[0]
    return _capital("; ".join([parts[0]] + [p[0].lower() + p[1:] for p in parts[1:]])) + "."


@dataclass(frozen=True)
class DemoDecision:
    """One decision the demo records: a post's answer of one kind on one inject."""

    post_id: str
    kind: str
    text: str
    covers: tuple[int, ...]


def demo_decisions(inject: Inject, post_id: str, covered: list[int]) -> list[DemoDecision]:
    """A post's answer to an inject, as it gives it: one decision for each run of expected
    actions of one kind, in their order (a report, then the decision, orders, coordination, and
    a report of the result)."""
    expected = inject.expected.get(post_id, ())
    if not expected:
        return [DemoDecision(post_id, "bao_cao",
                             "Đã nắm tình hình, triển khai nhiệm vụ theo phương án.", ())]
    groups: list[tuple[str, list[int]]] = []
    for index in covered:
        kind = decision_kind(expected[index], post_id)
        previous = groups[-1][0] if groups else None
        if kind == "khac" and previous not in (None, "bao_cao", "khac"):
            kind = previous  # an action with no verb of its own goes with the orders before it
        if kind == previous:
            groups[-1][1].append(index)
        else:
            groups.append((kind, [index]))
    return [DemoDecision(post_id, kind, decision_text(kind, [expected[i] for i in indexes]),
                         tuple(indexes))
            for kind, indexes in groups]


class DemoClock:
    """A clock that the demo moves forward by hand, so the run has realistic times."""

    def __init__(self, start: datetime):
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, minutes: float) -> None:
        """Move the clock forward."""
        self.moment += timedelta(minutes=minutes)


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
        issuer=DEMO_ISSUER,
        superior=DEMO_SUPERIOR,
        signer=DEMO_SIGNER,
        roster=demo_roster(scenario),
    )


# --- the observers' notes: what they write agrees with the scores they give -------------------

STRENGTHS = {
    "nam-tinh-hinh": "Nắm chắc tình hình, báo cáo cấp trên kịp thời, đủ số liệu, đúng trình tự.",
    "dung-cuong-vi": "Thể hiện đúng cương vị, chức trách; xử trí chủ động, linh hoạt, không "
                     "phụ thuộc văn bản.",
    "van-kien-thoi-gian": "Văn kiện chuẩn bị đầy đủ, đúng thể thức, sát với nội dung tình "
                          "huống; xử trí đúng thời gian.",
    "an-toan": "Luôn đặt an toàn của con tin và nhân dân lên trên hết; quán triệt chặt chẽ "
               "nguyên tắc sử dụng vũ khí.",
    "lanh-dao-dang-uy": "Chủ trì hội nghị Ban Thường vụ Đảng ủy đúng trình tự; nghị quyết lãnh "
                        "đạo ngắn gọn, sát tình huống; phân công cấp ủy viên phụ trách cụ thể.",
    "dieu-hanh-chinh-quyen": "Hạ quyết tâm đúng thẩm quyền, kịp thời đề nghị lực lượng chống "
                             "khủng bố của tỉnh; giao nhiệm vụ cụ thể cho từng lực lượng.",
    "cong-an-nghiep-vu": "Bao vây, phong tỏa nhanh; tham mưu phương án thương lượng sát đúng, "
                         "hiệp đồng chặt chẽ với lực lượng của tỉnh.",
    "quan-su-luc-luong": "Chuyển dân quân vào trạng thái SSCĐ đúng mệnh lệnh, đúng thời gian; "
                         "bố trí các tổ chốt chặn hợp lý, hiệp đồng chặt chẽ với Công an.",
    "dan-van": "Tuyên truyền, vận động nhân dân kịp thời; bác bỏ tin đồn, thăm hỏi gia đình "
               "con tin chu đáo.",
    "bao-dam-y-te": "Tổ chức cấp cứu, chuyển thương kịp thời, đúng quy trình; dự kiến đủ lực "
                    "lượng, cơ số thuốc.",
}
WEAKNESSES = {
    "nam-tinh-hinh": "Báo cáo cấp trên còn chậm, thiếu số liệu về đối tượng, con tin và lực "
                     "lượng đã triển khai.",
    "dung-cuong-vi": "Còn đọc văn kiện, chưa thoát ly văn bản; xử trí chưa chủ động khi tình "
                     "huống thay đổi.",
    "van-kien-thoi-gian": "Văn kiện còn sơ sài, có chỗ chưa phù hợp với tình huống; xử trí chậm "
                          "so với thời gian quy định.",
    "an-toan": "Chưa quán triệt đầy đủ các biện pháp bảo đảm an toàn cho con tin và nhân dân "
               "trong khu vực tác chiến.",
    "lanh-dao-dang-uy": "Hội nghị Ban Thường vụ còn kéo dài; nghị quyết chưa nêu rõ chủ trương "
                        "ưu tiên và phân công phụ trách.",
    "dieu-hanh-chinh-quyen": "Giao nhiệm vụ cho các lực lượng chưa cụ thể; chậm đề nghị tỉnh "
                             "chi viện lực lượng.",
    "cong-an-nghiep-vu": "Vòng vây hình thành chậm; chưa đề xuất rõ nguyên tắc thương lượng.",
    "quan-su-luc-luong": "Bố trí tổ chốt chặn chưa sát các hướng rút chạy; hiệp đồng tín hiệu "
                         "với Công an chưa chặt chẽ.",
    "dan-van": "Tuyên truyền, bác bỏ tin đồn còn chậm; chưa bố trí nơi chờ riêng cho người nhà "
               "con tin.",
    "bao-dam-y-te": "Triển khai tổ cấp cứu chậm; chưa dự kiến tình huống nhiều người bị "
                    "thương, cơ số thuốc chưa đủ.",
}
PROPOSALS = {
    "bao-dam-y-te": "Trạm Y tế luyện tập thêm quy trình sơ cứu, phân loại và chuyển thương; bổ "
                    "sung cơ số thuốc, cáng, túi cấp cứu theo phương án.",
    "dan-van": "Xây dựng phương án tuyên truyền, bác bỏ tin sai sự thật trên mạng xã hội; "
               "luyện tập cùng người phát ngôn của phường.",
    "cong-an-nghiep-vu": "Luyện tập thêm phương án bao vây, thương lượng và bàn giao hiện "
                         "trường cho lực lượng chống khủng bố của tỉnh.",
    "quan-su-luc-luong": "Luyện tập thêm việc bố trí tổ chốt chặn theo các hướng rút chạy và "
                         "tín hiệu hiệp đồng với Công an.",
    "dieu-hanh-chinh-quyen": "Luyện tập thêm quy trình hạ quyết tâm và giao nhiệm vụ cho các "
                             "lực lượng theo từng tình huống.",
    "lanh-dao-dang-uy": "Chuẩn bị sẵn dự thảo nghị quyết lãnh đạo theo từng tình huống để rút "
                        "ngắn thời gian hội nghị.",
}
GENERAL_STRENGTH = ("Các cương vị nhận tình huống, xử trí nhanh, đúng chức trách; cơ chế lãnh "
                    "đạo, điều hành vận hành nhịp nhàng.")
GENERAL_WEAKNESS = ("Thời gian xử trí của các cương vị còn chậm, chưa tương xứng với tính chất "
                    "khẩn cấp của tình huống.")
GENERAL_PROPOSAL = ("Tăng cường luyện tập hiệp đồng giữa Công an phường và dân quân về tín hiệu, "
                    "ranh giới vây ráp, truy bắt đối tượng.")


@dataclass(frozen=True)
class DemoNote:
    """A note an observer writes in a kit."""

    kind: str
    text: str
    inject_id: str | None
    post_id: str | None


def _share(rows: list[ScoreRow], scenario: Scenario) -> dict[tuple[str, str], Fraction]:
    """Each (post, criterion)'s mean score over the rows, as a share of its maximum."""
    maxima = {c.id: c.max for c in scenario.criteria}
    given: dict[tuple[str, str], list[Fraction]] = {}
    for row in rows:
        given.setdefault((row.post_id, row.criterion_id), []).append(row.value)
    return {key: sum(v, Fraction(0)) / len(v) / maxima[key[1]] for key, v in given.items()}


def _post_shares(shares: dict[tuple[str, str], Fraction], scenario: Scenario
                 ) -> dict[str, Fraction]:
    out = {}
    for post in scenario.posts:
        criteria = scenario.criteria_for(post.id)
        out[post.id] = (sum((shares[post.id, c.id] * c.max for c in criteria), Fraction(0))
                        / sum((c.max for c in criteria), Fraction(0)))
    return out


def _pairs(text: str) -> set[tuple[str, str]]:
    words = re.findall(r"\w+", nfc(text).lower())
    return set(zip(words, words[1:], strict=False))


def _inject_for(scenario: Scenario, post_id: str, criterion: Criterion, text: str) -> str | None:
    """The inject a note on a post's criterion is about: among those the criterion judges (all
    the post's injects if none), the one whose expected actions for the post the note's words
    fit best."""
    targeted = [i for i in scenario.injects if post_id in i.targets]
    judged = [i for i in targeted if i.id in criterion.injects] or targeted
    if not judged:
        return None
    note = _pairs(text)

    def fit(inject: Inject) -> int:
        return len(note & _pairs(" ".join((inject.title, *inject.expected.get(post_id, ())))))

    return max(judged, key=fit).id  # the first of the best


def demo_notes(scenario: Scenario, rows: list[list[ScoreRow]],
               response: dict[tuple[str, str], float]) -> list[list[DemoNote]]:
    """Each observer's notes, agreeing with the scores: the first observer praises the best post
    on its best criterion, and names the weakest post's weakest criterion with a proposal; the
    second makes general remarks on the injects answered fastest and slowest, names the weakest
    point of their own scores elsewhere, and proposes on the pursuit."""
    criteria = {c.id: c for c in scenario.criteria}
    everyone = _post_shares(_share([r for rs in rows for r in rs], scenario), scenario)
    ranked = sorted(everyone, key=lambda p: (everyone[p], p))
    worst, best = ranked[0], ranked[-1]
    notes: list[list[DemoNote]] = []

    first = _share(rows[0], scenario)
    top = max(scenario.criteria_for(best), key=lambda c: (first[best, c.id], c.id))
    # the weakest post's own task when it scored low there, else its lowest criterion
    own = [c for c in scenario.criteria_for(worst)
           if c.posts is not None and first[worst, c.id] <= Fraction(7, 10)]
    low = min(own or scenario.criteria_for(worst), key=lambda c: (first[worst, c.id], c.id))
    proposal = PROPOSALS.get(low.id, "Tổ chức luyện tập bổ sung nội dung: "
                             + low.text[0].lower() + low.text[1:] + ".")
    strength = STRENGTHS.get(top.id, GENERAL_STRENGTH)
    weakness = WEAKNESSES.get(low.id, GENERAL_WEAKNESS)
    notes.append([
        DemoNote("strength", strength, _inject_for(scenario, best, top, strength), best),
        DemoNote("weakness", weakness, _inject_for(scenario, worst, low, weakness), worst),
        DemoNote("proposal", proposal, _inject_for(scenario, worst, low, proposal), worst),
    ])

    second = _share(rows[1], scenario)
    post_id, criterion_id = min((k for k in second if k[0] != worst),
                                key=lambda k: (second[k], k))
    mean: dict[str, float] = {}
    for inject in scenario.injects:
        times = [response[inject.id, p] for p in inject.targets if (inject.id, p) in response]
        if times:
            mean[inject.id] = sum(times) / len(times)
    fastest = min(mean, key=mean.__getitem__) if mean else None
    slowest = max(mean, key=mean.__getitem__) if mean else None
    both = [i for i in scenario.injects if {"cong-an", "chqs"} <= set(i.targets)]
    pursuit = next((i for i in both if "truy bắt" in i.title.lower()), both[-1] if both else None)
    weakness = WEAKNESSES.get(criterion_id, GENERAL_WEAKNESS)
    notes.append([
        DemoNote("strength", GENERAL_STRENGTH, fastest, None),
        DemoNote("weakness", weakness,
                 _inject_for(scenario, post_id, criteria[criterion_id], weakness), post_id),
        DemoNote("weakness", GENERAL_WEAKNESS, slowest, None),
        DemoNote("proposal", GENERAL_PROPOSAL, pursuit.id if pursuit else None, None),
    ])
    return notes


def observe_through_kits(exercise: ExerciseFile, work: dict[str, tuple[list[ScoreRow],
                                                                    list[DemoNote]]],
                         folder: Path, clock: DemoClock) -> None:
    """The observers' work as it happens: the director makes each one's kit (named after the
    observer), each observer enters the scores and notes in it, and the director merges the
    kits back."""
    from dientap_desktop.storage.kit import KIT_SUFFIX, KitFile, make_kit
    from dientap_desktop.storage.merge import merge_kit

    paths = {}
    for observer in work:
        paths[observer] = folder / f"{ascii_name(observer, 'quan-sat-vien')}{KIT_SUFFIX}"
        make_kit(exercise, observer, paths[observer], now=clock)
    for observer, (rows, notes) in work.items():
        clock.advance(12)
        with KitFile.open(paths[observer], now=clock) as kit:
            kit.set_scores(rows, source="demo")
            for note in notes:
                clock.advance(1.5)
                kit.add_note(note.kind, note.text, inject_id=note.inject_id, post_id=note.post_id)
    for observer in work:
        clock.advance(2)
        result = merge_kit(exercise, paths[observer])
        if not result.merged:
            raise ActionError(result.refused or "the demo kit was refused")


def make_demo(path: str | Path, scenario: Scenario, *, seed: int = 2025) -> ExerciseFile:
    """Write a complete demo exercise: every inject delivered and decided, two observers' kits
    scored, annotated and merged."""
    rng = random.Random(seed)
    clock = DemoClock(datetime(DEMO_DAY.year, DEMO_DAY.month, DEMO_DAY.day, 7, 30,
                               tzinfo=VIETNAM).astimezone(UTC))
    exercise = ExerciseFile.create(
        path,
        scenario,
        name=f"Diễn tập chiến đấu phòng thủ phường Hòa Bình năm {DEMO_DAY.year}",
        place="Phường Hòa Bình",
        day=DEMO_DAY,
        issuer=DEMO_ISSUER,
        superior=DEMO_SUPERIOR,
        signer=DEMO_SIGNER,
        roster=demo_roster(scenario),
        now=clock,
    )
    clock.advance(30)
    exercise.start()
    paused = False
    plan = [i.at for i in scenario.injects]
    response: dict[tuple[str, str], float] = {}  # minutes from delivery to a post's first answer
    for number, inject in enumerate(scenario.injects, 1):
        elapsed = exercise.clock().elapsed_minutes(clock())
        planned = float(inject.at) if inject.at is not None else elapsed + 15
        # Delivered on plan, give or take three minutes.
        clock.advance(max(planned - elapsed + rng.uniform(-1, 3), 0))
        exercise.deliver(inject.id)
        # The posts answer in their own time, before the next inject is due: a report first,
        # then their decision, orders and coordination a minute or two apart.
        following = plan[number] if number < len(plan) and plan[number] is not None else None
        window = (float(following) - planned - 1) if following is not None else 15.0
        answers = sorted(rng.uniform(1.5, max(min(window, 14.0), 3.0)) for _ in inject.targets)
        order = list(inject.targets)
        rng.shuffle(order)
        delivered_at = clock()
        timed = []
        for post_id, after in zip(order, answers, strict=True):
            expected = inject.expected.get(post_id, ())
            covered = list(range(len(expected)))
            if len(covered) > 1 and rng.random() < 0.5:  # one expected action left undone
                covered.remove(rng.randrange(1, len(covered)))
            response[inject.id, post_id] = after
            for decision in demo_decisions(inject, post_id, covered):
                timed.append((min(after, window), decision))
                after += rng.uniform(1, 3)
        for after, decision in sorted(timed, key=lambda t: t[0]):
            clock.moment = max(clock.moment, delivered_at + timedelta(minutes=after))
            exercise.record_decision(inject.id, decision.post_id, decision.kind, decision.text,
                                     covers=decision.covers)
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
    scores = []
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
        scores.append(rows)
    notes = demo_notes(scenario, scores, response)
    clock.advance(3)
    with tempfile.TemporaryDirectory(prefix="dientap-demo-") as folder:
        observe_through_kits(exercise, dict(zip(OBSERVERS, zip(scores, notes, strict=True),
                                                strict=True)), Path(folder), clock)
    return exercise
