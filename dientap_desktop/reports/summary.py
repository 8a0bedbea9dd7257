"""The summary of results (bảng tổng hợp kết quả), the after-action report's appendix: each
post's score and rating, total, chart."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from dientap_desktop.domain.records import ExerciseInfo
from dientap_desktop.domain.scoring import PostResult
from dientap_desktop.domain.snapshot import ExerciseSnapshot
from dientap_desktop.reports.charts import bar_charts
from dientap_desktop.reports.document import (
    DASH,
    FRAME_WIDTH,
    LIGHT_SHADE,
    PAD_LEFT,
    PAD_RIGHT,
    REPORT_KIND,
    Signature,
    cell,
    closing,
    criteria_numbers,
    date_words,
    director_signature,
    document_date,
    document_number,
    exercise_lines,
    grid_table,
    headed,
    header_cells,
    heading,
    markup,
    note,
    official_header,
    para,
    person_lines,
    points,
    provisional,
    score10,
    signatures,
    styles,
    text,
    tie,
    title_block,
)
from dientap_desktop.reports.exercise_log import unfinished_lines
from dientap_desktop.reports.scoring import person_line, scale_legend

TITLE = "Bảng tổng hợp kết quả đánh giá"


def attached_to(info: ExerciseInfo) -> str:
    """Which report the summary goes with: the after-action report's number and symbol, to fill
    in as the report's, and its date, as the report's date line."""
    return f"Kèm theo Báo cáo số {document_number(REPORT_KIND)} {date_words(document_date(info))}"


SCORED_ALL, SCORED_PART, SCORED_NONE = "Đã chấm đủ", "Chưa chấm đủ", "Chưa chấm"
# nothing to compare: no score yet, or one observer's scores only
NOT_SCORED, ONE_OBSERVER = "Chưa có điểm", f"Chỉ một {tie('người chấm')}"


def completeness(result: PostResult) -> str:
    """Whether every criterion has a score ("Đã chấm đủ"; and which criteria an observer of the
    post left empty, as its sheet tells by whom), how many still lack one, or none has one
    ("Chưa chấm") (not whether the post passed: that is its rating)."""
    if result.complete:
        partly = {c.criterion.id for c in result.partly_scored}
        if not partly:
            return SCORED_ALL
        numbers = (n for n, c in enumerate(result.criteria, 1) if c.criterion.id in partly)
        return f"{SCORED_ALL} (có người chưa chấm {criteria_numbers(numbers)})"
    if not result.scored:
        return SCORED_NONE
    return f"{SCORED_PART} (thiếu {len(result.missing)}/{len(result.criteria)} {tie('tiêu chí')})"


def disagreement_cell(result: PostResult) -> str:
    """Whether the observers disagree on a post, and on which criteria: "Không" only when
    there were scores of two observers to compare; a post nobody scored, or one observer only,
    says so."""
    flags = [n for n, c in enumerate(result.criteria, 1) if c.disagreement]
    if flags:
        return f"Có ({criteria_numbers(flags)})"
    if not result.scored:
        return NOT_SCORED
    if not result.compared:
        return ONE_OBSERVER
    return "Không"


def results_table(snapshot: ExerciseSnapshot) -> Flowable:
    """Every post with its player, score, rating, completeness and disagreement flags."""
    s = styles()
    results = snapshot.results()
    weighted = any(p.post.weight != 1 for p in results.posts)
    labels = ["TT", "Cương vị", f"Người {tie('đảm nhiệm')}", "Điểm", "Xếp loại", "Chấm điểm",
              tie("Chênh lệch") + " điểm"]
    widths = [9 * mm, 0, 32 * mm, 15 * mm, 23 * mm, 26 * mm, 22 * mm]
    if weighted:
        labels.insert(3, "Hệ số")
        widths.insert(3, 12 * mm)
    widths[1] = FRAME_WIDTH - sum(widths)
    rows = [header_cells(labels)]
    for number, r in enumerate(results.posts, 1):
        row = [
            para(number, s.cell_center),
            para(r.post.title, s.cell),
            cell(person_line(snapshot, r.post, DASH), s.cell),
            cell(score10(r.score), s.cell_center_bold),
            para(r.rating or DASH, s.cell_center),
            para(completeness(r), s.cell_center),
            para(disagreement_cell(r), s.cell_center),
        ]
        if weighted:
            row.insert(3, para(points(r.post.weight), s.cell_center))
        rows.append(row)
    total = [
        "",
        para("Điểm chung của cuộc diễn tập", s.cell_bold),
        "",
        cell(score10(results.score), s.cell_center_bold),
        cell(results.rating or DASH, s.cell_center_bold),
        para(SCORED_ALL if results.complete else SCORED_PART
             if any(r.scored for r in results.posts) else SCORED_NONE, s.cell_center),
        "",
    ]
    if weighted:
        total.insert(3, "")
    rows.append(total)
    last = len(rows) - 1
    return grid_table(rows, widths, extra=[
        ("BACKGROUND", (0, last), (-1, last), LIGHT_SHADE),
        ("SPAN", (1, last), (2, last)),
    ])


SCORES_WIDTH = 56 * mm  # the column of each observer's score on a criterion they disagree on
HANG = "\u00a0" * 4  # an observer's name going on to another line is set in by this much


def observers_scores(scores: dict[str, Fraction], width: float) -> Flowable:
    """Each observer's score, one under the other ("Thượng tá Lê Thị Minh Hà: 1,5"): a name
    too long for the line goes on after its rank, set in, so that where each name starts and
    which score is whose stay plain. (Set in by no-break spaces: the cell stays plain text,
    which the table draws fastest.)"""
    s = styles()
    font, size = s.cell.fontName, s.cell.fontSize
    hang = stringWidth(HANG, font, size)
    lines = [(HANG if n else "") + line for name, value in scores.items()
             for n, line in enumerate(person_lines(f"{name}: {points(value)}", font, size,
                                                   width, hang))]
    return markup("<br/>".join(text(line) for line in lines), s.cell)


def disagreement_table(snapshot: ExerciseSnapshot) -> Flowable:
    """The criteria on which observers' scores differ by more than a quarter of the maximum."""
    s = styles()
    rows = [header_cells(["TT", "Cương vị", "Tiêu chí đánh giá", "Điểm tối đa",
                          f"Điểm của từng người {tie('đánh giá')}"])]
    widths = [9 * mm, 36 * mm, 0, 15 * mm, SCORES_WIDTH]
    for r in snapshot.results().posts:
        for c in r.disagreements:
            rows.append([para(len(rows), s.cell_center), para(r.post.title, s.cell),
                         para(c.criterion.text, s.cell), para(points(c.criterion.max),
                                                               s.cell_center),
                         observers_scores(c.scores, SCORES_WIDTH - PAD_LEFT - PAD_RIGHT)])
    if len(rows) == 1:
        return para(no_disagreement(snapshot), s.body)
    widths[2] = FRAME_WIDTH - sum(widths)
    return grid_table(rows, widths)


def no_disagreement(snapshot: ExerciseSnapshot) -> str:
    """What the summary says when no criterion is in dispute: that none is, or that there was
    nothing to compare yet (no score, or one observer's scores only on every post)."""
    posts = snapshot.results().posts
    if any(r.compared for r in posts):
        return "Không có tiêu chí nào chênh lệch quá 1/4 điểm tối đa."
    if any(r.scored for r in posts):
        return ("Chưa so sánh được: chưa có cương vị nào có điểm của hai người đánh giá trở "
                "lên.")
    return "Chưa so sánh được: chưa có điểm của người đánh giá nào."


def chart_score(value: float) -> str:
    """A bar's score as the table prints it, two decimals ("9,00")."""
    return score10(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def score_charts(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """The posts' scores as bars, with the rating thresholds marked."""
    results = snapshot.results()
    scale = snapshot.scenario.scale
    marks = [(float(r.min), f"{r.label} {points(r.min)}") for r in scale.ratings if r.min > 0]
    return bar_charts(
        [f"{n}. {r.post.title}" for n, r in enumerate(results.posts, 1)],
        [float(r.score) if r.score is not None else None for r in results.posts],
        FRAME_WIDTH,
        top=float(scale.max),
        value_text=chart_score,
        tick_text=lambda v: points(Fraction(v).limit_denominator(1000)),
        axis_title=f"Điểm (thang {points(scale.max)})",
        marks=marks,
        continued_caption="Biểu đồ điểm các cương vị (tiếp theo)",
    )


def summary_story(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """The whole summary document."""
    s = styles()
    results = snapshot.results()
    observers = ", ".join(snapshot.observers) or "chưa có"
    story: list[Flowable] = [
        *official_header(snapshot.info),
        # an appendix of the after-action report (a bảng tổng hợp is no document of its own
        # in Nghị định 30, so has no number): it says which report it goes with
        *title_block(TITLE, "Kết quả chấm điểm các cương vị",
                     attached=attached_to(snapshot.info)),
        *unfinished_lines(snapshot),
        *exercise_lines(snapshot.info, ("Kịch bản", snapshot.scenario.title),
                        ("Người đánh giá", observers)),
        headed([heading("1. Điểm và xếp loại các cương vị")], results_table(snapshot)),
        Spacer(1, 4),
    ]
    if results.complete:
        story.append(markup(
            f"<b>Kết quả chung:</b> điểm bình quân các cương vị {score10(results.score)}, "
            f"xếp loại <b>{text(results.rating)}</b>{text(provisional(results))}.", s.body))
    else:
        lacking = [r.post.title for r in results.posts if not r.complete]
        story.append(markup(
            f"<b>Kết quả chung:</b> chưa đủ điểm để tổng hợp; còn {len(lacking)} cương vị "
            f"thiếu điểm: {text('; '.join(lacking))}.", s.body))
    story.append(note("Thang xếp loại: " + scale_legend(snapshot.scenario.scale)))
    story += [
        heading("2. Biểu đồ điểm các cương vị"),
        *score_charts(snapshot),
        *closing([headed([heading("3. Các tiêu chí có chênh lệch điểm giữa những người đánh "
                                  "giá")], disagreement_table(snapshot))],
                 signatures([Signature("Tổ trưởng tổ đánh giá"),
                             director_signature(snapshot.info)])),
    ]
    return story
