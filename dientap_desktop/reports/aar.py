"""The after-action report (báo cáo rút kinh nghiệm): notes, response times, criteria, awards."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from dientap_desktop.domain.records import NOTE_KIND_LABELS, ExerciseInfo, Note
from dientap_desktop.domain.run import DELIVERED, InjectRun, response_minutes
from dientap_desktop.domain.scenario import KIND_LABELS, Criterion
from dientap_desktop.domain.snapshot import ExerciseSnapshot
from dientap_desktop.domain.text import nfc
from dientap_desktop.reports.charts import bar_charts
from dientap_desktop.reports.document import (
    BOLD,
    DASH,
    FRAME_WIDTH,
    REGULAR,
    REPORT_KIND,
    cell,
    clock_seconds,
    clock_words,
    closing,
    director_signature,
    document_number,
    exercise_lines,
    grid_table,
    headed,
    header_cells,
    heading,
    inject_title,
    issuer,
    markup,
    minutes,
    note,
    number_width,
    official_header,
    para,
    percent,
    provisional,
    score10,
    short,
    signatures,
    styles,
    superior_body,
    tenths_of_minutes,
    text,
    tie,
    title_block,
)
from dientap_desktop.reports.exercise_log import duration, handed_out, still_open
from dientap_desktop.reports.scoring import person_line
from dientap_desktop.reports.summary import TITLE as SUMMARY_TITLE

TITLE = "Báo cáo"
TIMING_CAPTION = "Biểu đồ 1. Thời gian xử trí trung bình các tình huống (phút)"
AUTHORITY = "cấp có thẩm quyền"  # who decides awards when the body above is not named
RANKED = 3  # how many highest and lowest criteria to show
SHORT_LABELS_OVER = 30  # injects


@dataclass(frozen=True)
class InjectTiming:
    """How fast the target posts answered one inject (first decision of each post)."""

    run: InjectRun
    answered: int
    fastest: float | None
    mean: float | None
    slowest: float | None

    @property
    def partial(self) -> bool:
        """Whether some target posts answered and some not yet (its times count only some)."""
        return 0 < self.answered < len(self.run.inject.targets)


def inject_timings(snapshot: ExerciseSnapshot) -> list[InjectTiming]:
    """Each delivered inject's response times, from the first decision of each post."""
    timings = []
    decisions = snapshot.decisions_by_inject
    for run in snapshot.run_state().injects:
        if run.status != DELIVERED:
            continue
        first: dict[str, float] = {}
        for decision in decisions.get(run.inject.id, ()):
            took = response_minutes(snapshot.clock, run, decision)
            if took is not None and decision.post_id not in first:
                first[decision.post_id] = took
        values = list(first.values())
        timings.append(InjectTiming(
            run, len(values), min(values, default=None),
            sum(values) / len(values) if values else None, max(values, default=None)))
    return timings


@dataclass(frozen=True)
class CriterionStanding:
    """How well a criterion was met across the posts scored on it: the mean share of its max."""

    criterion: Criterion
    share: Fraction
    posts: int


def criterion_standings(snapshot: ExerciseSnapshot) -> list[CriterionStanding]:
    """Criteria by the mean share of the maximum they earned on the posts scored in full (as the
    awards count only those), highest first."""
    shares: dict[str, list[Fraction]] = {}
    for post in snapshot.results().posts:
        if not post.complete:
            continue
        for c in post.criteria:
            if c.mean is not None and c.criterion.max:
                shares.setdefault(c.criterion.id, []).append(c.mean / c.criterion.max)
    standings = [
        CriterionStanding(snapshot.scenario.criterion(cid), sum(v, Fraction(0)) / len(v), len(v))
        for cid, v in shares.items()
    ]
    order = {c.id: n for n, c in enumerate(snapshot.scenario.criteria)}
    return sorted(standings, key=lambda s: (-s.share, order[s.criterion.id]))


def _where(snapshot: ExerciseSnapshot, item: Note) -> str:
    parts = []
    if item.inject_id:
        number = snapshot.scenario.inject_number(item.inject_id)
        parts.append(f"Tình huống {number}")
    if item.post_id:
        parts.append(snapshot.scenario.post(item.post_id).title)
    return " — ".join(parts) or "Chung"


def notes_section(snapshot: ExerciseSnapshot, kind: str) -> list[Flowable]:
    """The observers' notes of one kind, by inject then post, each with where and who."""
    s = styles()
    scenario = snapshot.scenario
    post_order = {p.id: n for n, p in enumerate(scenario.posts)}
    inject_order = {i.id: n for n, i in enumerate(scenario.injects)}
    # by inject, then post; and within them in the order the notes came in (a stable sort of the
    # file's order), never by their ids, which are random
    chosen = sorted(
        (n for n in snapshot.notes if n.kind == kind),
        key=lambda n: (n.inject_id is None, inject_order.get(n.inject_id or "", 0),
                       n.post_id is None, post_order.get(n.post_id or "", 0)),
    )
    if not chosen:
        return [para("Tổ đánh giá chưa có nhận xét về nội dung này.", s.body)]
    return [  # who wrote it, when the note names someone
        markup(f"- <b>{text(_where(snapshot, n))}:</b> {text(n.text)}"
               + (f" <i>({text(n.observer)})</i>" if n.observer.strip() else ""), s.body)
        for n in chosen
    ]


TIMING_HEADING = "IV. THỜI GIAN XỬ TRÍ CÁC TÌNH HUỐNG"


def timing_section(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """Response times per inject as a table and a chart, under their heading."""
    s = styles()
    timings = inject_timings(snapshot)
    if not timings:
        return [heading(TIMING_HEADING), para("Chưa có tình huống nào được phát.", s.body)]
    rows = [header_cells(["TT", "Tình huống", "Phát lúc", "Chậm so với KH (phút)",
                          tie("Cương vị đã xử trí"), "Nhanh nhất",
                          tie("Trung bình"), "Chậm nhất"])]
    for t in timings:
        rows.append([
            short(t.run.number),
            para(inject_title(t.run.number, t.run.inject.title), s.cell),
            short(clock_seconds(t.run.delivered_at)),
            short(minutes(t.run.delay_minutes, signed=True)),
            short(f"{t.answered}/{len(t.run.inject.targets)}" + (" (*)" if t.partial else "")),
            short(minutes(t.fastest)),
            short(tenths_of_minutes(t.mean)),  # as the chart's bar says it
            short(minutes(t.slowest)),
        ])
    widths = [number_width(len(snapshot.scenario.injects), 9 * mm), 0, 18 * mm, 17 * mm,
              19 * mm, 15 * mm, 22.5 * mm, 15 * mm]
    widths[1] = FRAME_WIDTH - sum(widths)
    explained = note("Thời gian xử trí (phút) tính từ khi phát tình huống đến lượt xử trí đầu "
                     "tiên của mỗi cương vị, không kể thời gian tạm dừng.")
    explained.spaceAfter = 3
    parts: list[Flowable] = [
        headed([heading(TIMING_HEADING), explained],
               grid_table(rows, widths, extra=[("FONTNAME", (6, 1), (6, -1), BOLD)])),
    ]
    if any(t.partial for t in timings):
        parts.append(note(f"(*) {PARTIAL_NOTE}"))
    parts.append(Spacer(1, 6))
    return parts + timing_chart(timings)


PARTIAL_NOTE = ("Chưa đủ các cương vị xử trí: thời gian chỉ tính trên các cương vị đã xử trí, "
                "chưa so sánh được với các tình huống đã đủ cương vị xử trí.")


def timing_chart(timings: list[InjectTiming]) -> list[Flowable]:
    """The mean response times as bars (a partly answered inject's value says how many posts
    it counts), or one line instead when the bars would all say the same: every mean under a
    minute, or all the same to a tenth of a minute."""
    s = styles()
    means = [t.mean for t in timings]
    known = [m for m in means if m is not None]
    if not known:
        return [para("Chưa có cương vị nào xử trí các tình huống đã phát.", s.body)]
    silent = len(means) - len(known)
    besides = (f" ({silent} tình huống chưa có cương vị nào xử trí)" if silent else "")
    if max(known) < 1 or len({tenths_of_minutes(m) for m in known}) == 1:
        told = ("đều dưới 1 phút" if max(known) < 1
                else f"đều là {tenths_of_minutes(known[0])} phút")
        return [para(f"Thời gian xử trí trung bình của các tình huống đã có xử trí {told}"
                     f"{besides} (không lập biểu đồ).", s.body)]
    top = max(known + [1.0])
    many = len(timings) > SHORT_LABELS_OVER  # then the table names them; the chart numbers them
    return bar_charts(
        [f"TH {t.run.number}" if many else
         f"TH {t.run.number}. {inject_title(t.run.number, t.run.inject.title)}"
         for t in timings],
        means,
        FRAME_WIDTH,
        top=float(int(top * 1.15) + 1),
        value_text=tenths_of_minutes,  # "0,4" by a short bar, not "0"
        tick_text=lambda v: minutes(v),
        value_notes=[f" ({t.answered}/{len(t.run.inject.targets)} cương vị)" if t.partial
                     else "" for t in timings],
        axis_title="Thời gian xử trí trung bình (phút)",
        missing_text="chưa có xử trí",
        label_width=18 * mm if many else 62 * mm,
        caption=TIMING_CAPTION,
    )


def criteria_section(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """The highest and the lowest criteria, by the share of their maximum earned."""
    s = styles()
    standings = criterion_standings(snapshot)
    if not standings:
        return [para("Chưa đủ điểm để tổng hợp kết quả theo tiêu chí đánh giá (chưa có cương vị "
                     "nào được chấm đủ điểm).", s.body)]
    parts: list[Flowable] = []
    posts = snapshot.results().posts
    complete = sum(1 for r in posts if r.complete)
    if complete < len(posts):
        parts.append(note(f"Tính trên {complete}/{len(posts)} cương vị đã được chấm đủ điểm."))
    shares = {item.share for item in standings}
    if len(shares) == 1:
        return [*parts, para(f"Các tiêu chí đánh giá đều đạt tỷ lệ điểm như nhau: "
                             f"{percent(standings[0].share)} điểm tối đa.", s.body)]
    count = min(RANKED, max(1, len(standings) // 2))
    # none as high as the lowest share among the highest, nor as low as the highest share among
    # the lowest: no criterion, and no share, stands in both lists
    highest = [item for item in standings[:count] if item.share > min(shares)]
    lowest = [item for item in reversed(standings)
              if item.share < highest[-1].share][:count]
    for label, chosen in (("Các tiêu chí đạt cao nhất", highest),
                          ("Các tiêu chí còn thấp nhất", lowest)):
        rows = [header_cells(["TT", "Tiêu chí đánh giá", tie("Số cương vị"),
                              "Tỷ lệ điểm đạt"])]
        for n, item in enumerate(chosen, 1):
            rows.append([para(n, s.cell_center), para(item.criterion.text, s.cell),
                         para(item.posts, s.cell_center),
                         para(percent(item.share), s.cell_center)])
        widths = [9 * mm, 0, 23 * mm, 28 * mm]
        widths[1] = FRAME_WIDTH - sum(widths)
        lead = markup(f"<i>{text(label)}:</i>", s.body)
        lead.keepWithNext = 1  # with its table (three rows at most)
        parts += [lead, grid_table(rows, widths), Spacer(1, 6)]
    return parts


def not_final(snapshot: ExerciseSnapshot) -> str:
    """Why the report's results are not final yet, as a clause ("cuộc diễn tập chưa kết thúc,
    còn 2 cương vị chưa chấm đủ điểm và kết quả còn tạm tính"); "" once the exercise is finished,
    every post scored in full and the observers agree. A report whose result is not final is a
    DỰ THẢO proposing no award, whatever the reason."""
    status = snapshot.span().status
    results = snapshot.results()
    reasons = []
    if status == "planned":
        reasons.append("cuộc diễn tập chưa bắt đầu")
    elif status != "finished":
        reasons.append("cuộc diễn tập chưa kết thúc")
    lacking = sum(1 for r in results.posts if not r.complete)
    if lacking and status != "planned":  # before the start, no score is the rule
        reasons.append(f"còn {lacking} cương vị chưa chấm đủ điểm")
    if results.disagreements:
        reasons.append("kết quả còn tạm tính")
    return " và ".join(filter(None, (", ".join(reasons[:-1]), *reasons[-1:])))


def awards_section(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """The posts of the top rating, as a basis for awards, once the result is final."""
    s = styles()
    results = snapshot.results()
    best_label = snapshot.scenario.scale.ratings[0].label
    scored = sorted((r for r in results.posts if r.score is not None), key=lambda r: -r.score)
    best = [r for r in scored if r.rating == best_label]
    above = superior_body(snapshot.info) or AUTHORITY  # the level above decides awards
    pending = not_final(snapshot)
    if pending:
        return [para(f"Chưa đề nghị khen thưởng vì {pending}; việc đề nghị khen thưởng thực hiện "
                     "khi có kết quả cuối cùng.", s.body)]
    if not best:
        return [para(f"Không có cương vị đạt loại {best_label}; không đề nghị khen thưởng.",
                     s.body)]
    intro = (f"Đề nghị {above} xem xét, khen thưởng các tập thể, cá nhân đảm nhiệm cương vị "
             f"đạt loại {best_label}:")
    rows = [header_cells(["TT", "Cương vị", "Người đảm nhiệm", "Điểm", "Xếp loại"])]
    for n, r in enumerate(best, 1):
        rows.append([para(n, s.cell_center), para(r.post.title, s.cell),
                     cell(person_line(snapshot, r.post, DASH), s.cell),
                     para(score10(r.score), s.cell_center_bold), para(r.rating, s.cell_center)])
    widths = [9 * mm, 0, 50 * mm, 16 * mm, 24 * mm]
    widths[1] = FRAME_WIDTH - sum(widths)
    lead = para(intro, s.body)
    lead.keepWithNext = 1
    return [lead, grid_table(rows, widths)]


def _same_words(first: str, second: str) -> bool:
    """Whether two labels say the same, but for case, spacing and a final full stop."""
    def words(value: str) -> str:
        return " ".join(nfc(value).split()).rstrip(".").casefold()
    return words(first) == words(second)


def content_line(kind_label: str | None, title: str) -> str:
    """What was exercised: the kind of exercise and the scenario's title, the title alone when
    the kind is unknown or says the same."""
    if not kind_label or _same_words(kind_label, title):
        return f"Nội dung: {title.rstrip('.')}."
    return f"Nội dung: {kind_label} (kịch bản “{title}”)."


# the observers' notes by kind, as a Vietnamese report heads them ("ƯU ĐIỂM", "HẠN CHẾ, KHUYẾT
# ĐIỂM", "ĐỀ XUẤT, KIẾN NGHỊ"): the words the window names them with
NOTE_HEADINGS = {kind: label.upper() for kind, label in NOTE_KIND_LABELS.items()}


def overview(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """What was exercised, when, how much, and the overall result."""
    s = styles()
    scenario = snapshot.scenario
    results = snapshot.results()
    span = snapshot.span()
    lines = [
        content_line(KIND_LABELS.get(scenario.kind) if scenario.kind != "other" else None,
                     scenario.title),
        f"Khung tập gồm {len(scenario.posts)} cương vị; "
        + (f"tổ đánh giá gồm {len(snapshot.observers)} người." if snapshot.observers else
           "chưa có người đánh giá."),
    ]
    if span.started is not None:
        # to the second: the minutes under are counted from them
        when = f"Bắt đầu lúc {clock_words(span.started)}"
        if span.status == "finished":
            when += f", kết thúc lúc {clock_words(span.until)}"
        else:
            when += f", {still_open(span, clock_words)}"
        lines.append(f"{when}; {duration(span, clock_words)}.")
    told = handed_out(snapshot)
    lines.append(f"{told[0].upper()}{told[1:]}.")
    if results.complete:
        lines.append(f"Kết quả chung: {score10(results.score)} điểm, xếp loại "
                     f"{results.rating}{provisional(results)}.")
    else:
        lines.append("Kết quả chung: chưa đủ điểm để tổng hợp.")
    lines.append(f"Điểm và xếp loại của từng cương vị tại {SUMMARY_TITLE} kèm theo báo cáo này.")
    return [para(line, s.body) for line in lines]


def subject(name: str) -> str:
    """The report's subject line: "Rút kinh nghiệm diễn tập ..." with the exercise's name made
    part of the sentence (its leading "Diễn tập" in lower case), or quoted when it is a name of
    its own ("Rút kinh nghiệm cuộc diễn tập “Sơn Hà 2025”")."""
    name = " ".join(nfc(name).split())
    if name.lower().startswith("diễn tập "):
        return f"Rút kinh nghiệm diễn tập {name[len('diễn tập '):]}"
    return f"Rút kinh nghiệm cuộc diễn tập “{name}”" if name else "Rút kinh nghiệm diễn tập"


def recipients(info: ExerciseInfo) -> tuple[str, ...]:
    """Nơi nhận: the level above, the Ban Chỉ đạo unless it issues the report, the posts, the
    archive."""
    lines = [f"{superior_body(info) or '…' * 8} (để báo cáo);"]  # else written by hand
    if not issuer(info).startswith("BAN CHỈ ĐẠO"):
        lines.append("Ban Chỉ đạo diễn tập;")
    return (*lines, "Các cương vị tham gia diễn tập;", "Lưu: VT.")


DRAFT = "DỰ THẢO"


def draft_mark() -> Flowable:
    """"DỰ THẢO" in a box over the title, as a Vietnamese draft is marked: the report is not
    to be signed and sent while its result is not final (see not_final)."""
    style = styles().sign_title
    mark = Table([[para(DRAFT, style)]], hAlign="CENTER",
                 colWidths=[stringWidth(DRAFT, style.fontName, style.fontSize) + 18],
                 style=TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR),
                                   ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 8),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    mark.spaceBefore = 10
    return mark


def aar_story(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """The whole after-action report."""
    info = snapshot.info
    return [
        *official_header(info, number=document_number(REPORT_KIND)),
        *([draft_mark()] if not_final(snapshot) else []),
        *title_block(TITLE, subject(info.name)),
        *exercise_lines(info),
        heading("I. KHÁI QUÁT CUỘC DIỄN TẬP"),
        *overview(snapshot),
        heading(f"II. {NOTE_HEADINGS['strength']}"),
        *notes_section(snapshot, "strength"),
        heading(f"III. {NOTE_HEADINGS['weakness']}"),
        *notes_section(snapshot, "weakness"),
        *timing_section(snapshot),
        heading("V. KẾT QUẢ THEO TIÊU CHÍ ĐÁNH GIÁ"),
        *criteria_section(snapshot),
        heading(f"VI. {NOTE_HEADINGS['proposal']}"),
        *notes_section(snapshot, "proposal"),
        heading("VII. ĐỀ NGHỊ KHEN THƯỞNG"),
        *closing(awards_section(snapshot),
                 signatures([director_signature(info)], recipients=recipients(info))),
    ]
