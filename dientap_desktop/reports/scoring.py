"""Scoring sheets (phiếu chấm điểm): one per post, filled from the observers' scores or blank."""

from __future__ import annotations

from fractions import Fraction

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from dientap_desktop.domain.scenario import Post, Scale
from dientap_desktop.domain.scoring import PostResult
from dientap_desktop.domain.snapshot import ExerciseSnapshot
from dientap_desktop.reports.document import (
    DASH,
    FRAME_WIDTH,
    LIGHT_SHADE,
    Signature,
    SheetStart,
    exercise_lines,
    grid_table,
    header_cells,
    markup,
    official_header,
    para,
    points,
    score10,
    signatures,
    styles,
    text,
    title_block,
)

SHEET_TITLE = "Phiếu chấm điểm"
BLANK_TITLE = "Phiếu chấm điểm"
NUMBER_WIDTH, MAX_WIDTH, MEAN_WIDTH = 9 * mm, 15 * mm, 19 * mm
MIN_CRITERION_WIDTH = 62 * mm


def person_line(snapshot: ExerciseSnapshot, post: Post) -> str:
    """Who plays the post, with rank: "Đại úy Hoàng Đức Long", or a dotted line for a name."""
    person = snapshot.person(post.id)
    name = " ".join(part for part in (person.rank, person.name) if part)
    return name or "." * 50


def sheet_heading(snapshot: ExerciseSnapshot, post: Post, label: str) -> list[Flowable]:
    """The top of a sheet: the official header, the title, the post, the exercise and the player."""
    person = snapshot.person(post.id)
    unit = person.unit or post.unit or ""
    extra = [("Người đảm nhiệm", person_line(snapshot, post))]
    if unit:
        extra.append(("Đơn vị", unit))
    return [
        SheetStart(f"{label}: {post.title}"),
        *official_header(snapshot.info),
        *title_block(label, f"Cương vị: {post.title}"),
        *exercise_lines(snapshot.info, *extra),
        Spacer(1, 6),
    ]


def scale_legend(scale: Scale) -> str:
    """The rating scale in words: "Giỏi: từ 8 điểm trở lên; Khá: từ 6,5 đến dưới 8; ..."."""
    parts = []
    upper: Fraction | None = None
    for rating in scale.ratings:
        low = points(rating.min)
        if upper is None:
            parts.append(f"{rating.label}: từ {low} điểm trở lên")
        elif rating.min <= 0:
            parts.append(f"{rating.label}: dưới {points(upper)} điểm")
        else:
            parts.append(f"{rating.label}: từ {low} đến dưới {points(upper)} điểm")
        upper = rating.min
    return "; ".join(parts) + "."


def _observer_widths(count: int) -> tuple[float, float]:
    """The width of each observer's column and of the criterion column."""
    if count == 0:
        return 0, FRAME_WIDTH - NUMBER_WIDTH - MAX_WIDTH - MEAN_WIDTH
    room = FRAME_WIDTH - NUMBER_WIDTH - MAX_WIDTH - MEAN_WIDTH - MIN_CRITERION_WIDTH
    each = max(min(22 * mm, room / count), 11 * mm)
    return each, FRAME_WIDTH - NUMBER_WIDTH - MAX_WIDTH - MEAN_WIDTH - each * count


def _observers_of(result: PostResult, all_observers: tuple[str, ...]) -> list[str]:
    scored = {name for c in result.criteria for name in c.scores}
    return [name for name in all_observers if name in scored] + sorted(
        scored - set(all_observers)
    )


def score_table(result: PostResult, observers: list[str]) -> Flowable:
    """Each criterion with its maximum, each observer's score and the mean; the sums below."""
    s = styles()
    count = len(observers)
    each, criterion_width = _observer_widths(count)
    named = count <= 3
    widths = [NUMBER_WIDTH, criterion_width, MAX_WIDTH, *([each] * count), MEAN_WIDTH]
    last = 3 + count
    extra: list[tuple] = []
    if count:
        top = header_cells(["TT", "Nội dung đánh giá", "Điểm tối đa", "Điểm của người đánh giá"])
        top += [""] * (count - 1) + header_cells(["Điểm trung bình"])
        second = ["", "", ""] + header_cells(
            observers if named else [f"({n})" for n in range(1, count + 1)]
        ) + [""]
        rows: list[list] = [top, second]
        header_rows = 2
        extra += [
            ("SPAN", (0, 0), (0, 1)),
            ("SPAN", (1, 0), (1, 1)),
            ("SPAN", (2, 0), (2, 1)),
            ("SPAN", (3, 0), (2 + count, 0)),
            ("SPAN", (last, 0), (last, 1)),
        ]
    else:
        rows = [header_cells(["TT", "Nội dung đánh giá", "Điểm tối đa", "Điểm trung bình"])]
        header_rows = 1
    for number, c in enumerate(result.criteria, 1):
        flag = " (*)" if c.disagreement else ""
        row = [
            para(number, s.cell_center),
            para(c.criterion.text + flag, s.cell),
            para(points(c.criterion.max), s.cell_center),
        ]
        row += [para(points(c.scores.get(name)), s.cell_center) for name in observers]
        row.append(para(points(c.mean), s.cell_center_bold))
        rows.append(row)
    top_points = sum((c.criterion.max for c in result.criteria), Fraction(0))
    sums = []
    for name in observers:
        given = [c.scores[name] for c in result.criteria if name in c.scores]
        full = len(given) == len(result.criteria)
        sums.append(para(points(sum(given, Fraction(0))) if full else DASH, s.cell_center_bold))
    total = (
        points(sum((c.mean for c in result.criteria), Fraction(0))) if result.complete else DASH
    )
    rows.append(
        ["", para("Cộng", s.cell_bold), para(points(top_points), s.cell_center_bold), *sums,
         para(total, s.cell_center_bold)]
    )
    extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), LIGHT_SHADE))
    return grid_table(rows, widths, header_rows=header_rows, extra=extra)


def result_lines(snapshot: ExerciseSnapshot, result: PostResult, observers: list[str]) -> list:
    """The total on the scale, the rating, what is missing, disagreements and comments."""
    s = styles()
    scale = snapshot.scenario.scale
    out: list[Flowable] = [Spacer(1, 6)]
    if len(observers) > 3:
        legend = "; ".join(f"({n}) {text(name)}" for n, name in enumerate(observers, 1))
        out.append(markup(f"<i>Người đánh giá:</i> {legend}.", s.recipients))
    scale_max = points(scale.max)
    if result.complete:
        out.append(markup(
            f"<b>Tổng điểm quy đổi (thang {scale_max}):</b> {score10(result.score)}"
            f"&nbsp;&nbsp;&nbsp;&nbsp;<b>Xếp loại:</b> {text(result.rating)}",
            s.plain,
        ))
        out.append(markup("<b>Còn thiếu:</b> không (đã đủ điểm các nội dung).", s.plain))
    else:
        out.append(markup(
            f"<b>Tổng điểm quy đổi (thang {scale_max}):</b> chưa đủ điểm để quy đổi"
            "&nbsp;&nbsp;&nbsp;&nbsp;<b>Xếp loại:</b> chưa xếp loại", s.plain))
        numbers = {c.criterion.id: n for n, c in enumerate(result.criteria, 1)}
        missing = "; ".join(
            f"nội dung {numbers[cid]} ({text(snapshot.scenario.criterion(cid).text)})"
            for cid in result.missing
        )
        out.append(markup(f"<b>Còn thiếu điểm:</b> {missing}.", s.plain))
    out.append(markup(f"<i>Thang xếp loại:</i> {text(scale_legend(scale))}", s.recipients))
    if result.disagreements:
        out.append(markup(
            "<i>(*) Điểm của các người đánh giá chênh lệch quá 1/4 điểm tối đa; "
            "đề nghị tổ đánh giá thống nhất lại.</i>", s.recipients))
    comments = [
        (n, name, comment)
        for n, c in enumerate(result.criteria, 1)
        for name, comment in sorted(c.comments.items())
    ]
    if comments:
        out.append(Spacer(1, 4))
        out.append(markup("<b>Nhận xét của người đánh giá:</b>", s.plain))
        out += [
            para(f"- Nội dung {n} ({name}): {comment}", s.bullet) for n, name, comment in comments
        ]
    return out


def scoring_story(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """The filled scoring sheets, one per post, signed by the observers who scored it."""
    results = snapshot.results()
    story: list[Flowable] = []
    for index, result in enumerate(results.posts):
        if index:
            story.append(PageBreak())
        observers = _observers_of(result, snapshot.observers)
        story += sheet_heading(snapshot, result.post, SHEET_TITLE)
        story.append(score_table(result, observers))
        story += result_lines(snapshot, result, observers)
        blocks = [Signature("Người đánh giá", name) for name in observers] or [
            Signature("Người đánh giá")
        ]
        story.append(signatures(blocks, per_row=min(max(len(blocks), 2), 3)))
    return story


def blank_table(snapshot: ExerciseSnapshot, post: Post) -> Flowable:
    """Criteria and maxima with empty cells to score by hand."""
    s = styles()
    criteria = snapshot.scenario.criteria_for(post.id)
    score_width, remark_width = 20 * mm, 38 * mm
    widths = [NUMBER_WIDTH, FRAME_WIDTH - NUMBER_WIDTH - MAX_WIDTH - score_width - remark_width,
              MAX_WIDTH, score_width, remark_width]
    rows = [header_cells(["TT", "Nội dung đánh giá", "Điểm tối đa", "Điểm chấm", "Nhận xét"])]
    for number, criterion in enumerate(criteria, 1):
        rows.append([para(number, s.cell_center), para(criterion.text, s.cell),
                     para(points(criterion.max), s.cell_center), "", ""])
    top = sum((c.max for c in criteria), Fraction(0))
    rows.append(["", para("Cộng", s.cell_bold), para(points(top), s.cell_center_bold), "", ""])
    table = grid_table(rows, widths, extra=[
        ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), LIGHT_SHADE)])
    table._minRowHeights = [0] + [11 * mm] * (len(rows) - 1)
    return table


def blank_story(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """Empty scoring sheets, one per post, with lines for the observer's name, for paper scoring."""
    s = styles()
    scale = snapshot.scenario.scale
    story: list[Flowable] = []
    for index, post in enumerate(snapshot.scenario.posts):
        if index:
            story.append(PageBreak())
        story += sheet_heading(snapshot, post, BLANK_TITLE)
        dots = "." * 70
        story += [
            markup(f"<b>Họ và tên người đánh giá:</b> {dots}", s.plain),
            markup(f"<b>Chức vụ, đơn vị:</b> {dots}{'.' * 14}", s.plain),
            Spacer(1, 6),
            blank_table(snapshot, post),
            Spacer(1, 6),
        ]
        top = sum((c.max for c in snapshot.scenario.criteria_for(post.id)), Fraction(0))
        scale_max = points(scale.max)
        story.append(KeepTogether([
            markup(
                f"<b>Tổng điểm quy đổi (thang {scale_max}):</b> ..............."
                f"&nbsp;&nbsp;&nbsp;&nbsp;<b>Xếp loại:</b> ..............................",
                s.plain,
            ),
            markup(
                f"<i>Cách tính:</i> điểm quy đổi = tổng điểm chấm × {scale_max} : "
                f"{points(top)}, làm tròn đến hai chữ số thập phân.", s.recipients),
            markup(f"<i>Thang xếp loại:</i> {text(scale_legend(scale))}", s.recipients),
        ]))
        story.append(signatures([Signature("Người đánh giá")], per_row=2))
    return story

