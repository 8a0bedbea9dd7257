"""Scoring sheets (phiếu chấm điểm): one per post, filled from the observers' scores or blank."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer

from dientap_desktop.domain.records import NOTE_KIND_LABELS
from dientap_desktop.domain.scenario import Post, Scale
from dientap_desktop.domain.scoring import PostResult
from dientap_desktop.domain.snapshot import ExerciseSnapshot
from dientap_desktop.domain.text import nfc
from dientap_desktop.reports.document import (
    BOLD,
    DASH,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    LIGHT_SHADE,
    PAD_LEFT,
    PAD_RIGHT,
    Closing,
    SheetStart,
    Signature,
    Stack,
    Whole,
    closing,
    criteria_numbers,
    exercise_lines,
    grid_table,
    header_cells,
    markup,
    official_header,
    one_page,
    para,
    points,
    score10,
    short,
    signatures,
    stacked_height,
    styles,
    text,
    tie,
    title_block,
    whole_words,
)
from dientap_desktop.reports.exercise_log import notice_lines, unfinished_notice
from dientap_desktop.reports.textblock import TextBlock

SHEET_TITLE = "Phiếu chấm điểm"
BLANK_TITLE = "Phiếu chấm điểm"
NOTES_TITLE = "Phiếu nhận xét của người đánh giá"
NOTE_ROWS = 4  # the rows of each kind of note on the blank notes' page
NUMBER_WIDTH, MAX_WIDTH, MEAN_WIDTH = 9 * mm, 15 * mm, 22.5 * mm  # "Điểm / trung bình"
MIN_CRITERION_WIDTH = 62 * mm
OBSERVER_WIDTH = 22 * mm  # an observer's column at the most
CRITERION_NUMBER_WIDTH = 18 * mm  # "Tiêu chí" over the criteria's numbers
OBSERVERS_PER_TABLE = 6
FEW_COMMENTS = FRAME_HEIGHT / 6  # comments no taller stay with the result; longer ones flow
# the criteria that go over with the sums and the signatures when a sheet breaks before them:
# a page never holds the signatures under the sums alone
TAIL_ROWS = 2
NAME_LINES = 4  # a name in a column's header on more lines: the columns are numbered


def person_line(snapshot: ExerciseSnapshot, post: Post, unnamed: str = "." * 50) -> str:
    """Who plays the post, with rank: "Đại úy Hoàng Đức Long"; `unnamed` when nobody is named
    (a dotted line to write the name in, by default)."""
    person = snapshot.person(post.id)
    if not person.name:
        return unnamed
    return " ".join(part for part in (person.rank, person.name) if part)


def sheet_heading(snapshot: ExerciseSnapshot, post: Post, label: str,
                  notice: str = "", tight: bool = False) -> list[Flowable]:
    """The top of a sheet: the official header, the title (and `notice` under it), the post, the
    exercise and the player; `tight`: with less room between them."""
    person = snapshot.person(post.id)
    unit = person.unit or post.unit or ""
    extra = [("Người đảm nhiệm", person_line(snapshot, post))]
    if unit:
        extra.append(("Đơn vị", unit))
    return [
        SheetStart(f"{label}: {post.title}", post.title),
        *official_header(snapshot.info),
        *title_block(label, f"Cương vị: {post.title}", tight=tight),
        *notice_lines(notice),
        *exercise_lines(snapshot.info, *extra, tight=tight),
        Spacer(1, gap(tight)),
    ]


def gap(tight: bool) -> float:
    """The room between the parts of a sheet (the heading, the table, the result)."""
    return 3 if tight else 6


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


def _observer_widths(count: int, with_mean: bool, texts: bool = True) -> tuple[float, float]:
    """The width of each observer's column and of the criterion column (its number only, in a
    table without the criteria's texts)."""
    fixed = NUMBER_WIDTH + MAX_WIDTH + (MEAN_WIDTH if with_mean else 0)
    if not texts:
        fixed -= NUMBER_WIDTH
        each = min(OBSERVER_WIDTH, (FRAME_WIDTH - fixed - CRITERION_NUMBER_WIDTH) / count)
        return each, CRITERION_NUMBER_WIDTH
    if count == 0:
        return 0, FRAME_WIDTH - fixed
    room = FRAME_WIDTH - fixed - MIN_CRITERION_WIDTH
    each = max(min(OBSERVER_WIDTH, room / count), 10 * mm)
    return each, FRAME_WIDTH - fixed - each * count


def _observers_of(result: PostResult, all_observers: tuple[str, ...]) -> list[str]:
    scored = {name for c in result.criteria for name in c.scores}
    return [name for name in all_observers if name in scored] + sorted(
        scored - set(all_observers)
    )


def names_in_header(observers: list[str]) -> bool:
    """Whether the observers' names head their columns: three at most, each on a few lines of
    its column; else the columns are numbered and the names listed under the table."""
    if len(observers) > 3:
        return False
    style = styles().cell_center_bold
    inner = _observer_widths(len(observers), True)[0] - PAD_LEFT - PAD_RIGHT
    return all(para(whole_words(name), style).wrap(inner, FRAME_HEIGHT)[1]
               <= NAME_LINES * style.leading for name in observers)


def score_tables(result: PostResult, observers: list[str]) -> list[Flowable]:
    """The score table, cut into several when the observers are too many for one page width
    (numbered columns, six a table; the mean in the last): the first with the criteria's
    texts, the next ones with their numbers only (the texts again would take a sheet of seven
    observers over two or three pages)."""
    if len(observers) <= OBSERVERS_PER_TABLE:
        return [score_table(result, observers, 1, names_in_header(observers), True)]
    chunks = range(0, len(observers), OBSERVERS_PER_TABLE)
    return [
        part
        for start in chunks
        for part in (
            score_table(result, observers[start:start + OBSERVERS_PER_TABLE], start + 1, False,
                        start + OBSERVERS_PER_TABLE >= len(observers), texts=not start),
            Spacer(1, 6),
        )
    ][:-1]


def tail_rows(header_rows: int, sums: int, count: int = TAIL_ROWS) -> range:
    """The rows kept with the row of sums at index `sums` (never last on a page): the last
    `count` criteria, as many as there are."""
    return range(max(header_rows, sums - count), sums)


def two_places(value: Fraction | None) -> str:
    """A mean or the total of means, always with two decimals ("1,88", "1,50", "9,00")."""
    if value is None:
        return DASH
    hundredths = math.floor(Fraction(value) * 100 + Fraction(1, 2))  # half up, as points()
    return score10(Decimal(hundredths).scaleb(-2))


def means_rounded(result: PostResult) -> bool:
    """Whether a mean printed on the sheet is rounded (then its printed means may not add up
    to the printed total)."""
    return any(c.mean is not None and (c.mean * 100).denominator != 1 for c in result.criteria)


def score_table(result: PostResult, observers: list[str], first: int, named: bool,
                with_mean: bool, texts: bool = True) -> Flowable:
    """Each criterion with its maximum, the observers' scores (numbered from `first` unless
    `named`) and, `with_mean`, the mean; the sums below. Without `texts`, the criteria by
    their numbers alone (those of the table above, which names them)."""
    s = styles()
    count = len(observers)
    each, criterion_width = _observer_widths(count, with_mean, texts)
    widths = [NUMBER_WIDTH, criterion_width, MAX_WIDTH, *([each] * count)]
    labels = ["TT", "Tiêu chí đánh giá"]
    if not texts:
        widths, labels = widths[1:], ["Tiêu chí"]
    lead = len(labels)  # the columns before the maximum
    mean_label = []
    if with_mean:
        widths.append(MEAN_WIDTH)
        mean_label = [f"Điểm {tie('trung bình')}"]
    extra: list[tuple] = []
    if count:
        top = header_cells([*labels, "Điểm tối đa",
                            f"Điểm của người {tie('đánh giá')}" if count > 1 or first > 1
                            else "Điểm chấm"])
        top += [""] * (count - 1) + header_cells(mean_label)
        second = [""] * (lead + 1) + header_cells(
            observers if named else [f"({n})" for n in range(first, first + count)]
        ) + [""] * len(mean_label)
        rows: list[list] = [top, second]
        header_rows = 2
        extra += [("SPAN", (col, 0), (col, 1)) for col in range(lead + 1)]
        extra.append(("SPAN", (lead + 1, 0), (lead + count, 0)))
        if with_mean:
            extra.append(("SPAN", (lead + 1 + count, 0), (lead + 1 + count, 1)))
    else:
        rows = [header_cells([*labels, "Điểm tối đa", *mean_label])]
        header_rows = 1
    for number, c in enumerate(result.criteria, 1):
        flag = " (*)" if c.disagreement else ""
        # the flag by the criterion's text, or by its number where the text is not printed
        row = [short(number)] if texts else [short(f"{number}{flag}")]
        if texts:
            row.append(para(c.criterion.text + flag, s.cell))
        row.append(short(points(c.criterion.max)))
        row += [short(points(c.scores.get(name))) for name in observers]
        if with_mean:
            row.append(short(two_places(c.mean)))
        rows.append(row)
    top_points = sum((c.criterion.max for c in result.criteria), Fraction(0))
    sums = []
    for name in observers:
        given = [c.scores[name] for c in result.criteria if name in c.scores]
        full = len(given) == len(result.criteria)
        sums.append(short(two_places(sum(given, Fraction(0))) if full else DASH))
    total_row = [*([""] if texts else []), para("Cộng", s.cell_bold), short(points(top_points)),
                 *sums]
    if with_mean:
        total = sum((c.mean for c in result.criteria), Fraction(0)) if result.complete else None
        total_row.append(short(two_places(total)))
        extra.append(("FONTNAME", (-1, header_rows), (-1, -1), BOLD))
    rows.append(total_row)
    last = len(rows) - 1
    extra += [("BACKGROUND", (0, last), (-1, last), LIGHT_SHADE),
              ("FONTNAME", (0, last), (-1, last), BOLD)]
    # the last table goes on with the result and the signatures; the sums of one before it
    # only need a criterion above them
    keep = tail_rows(header_rows, last, TAIL_ROWS if with_mean else 1)
    return grid_table(rows, widths, header_rows=header_rows, extra=extra, keep_with_next=keep)


def result_lines(snapshot: ExerciseSnapshot, result: PostResult, observers: list[str],
                 tight: bool = False) -> list:
    """The total on the scale, the rating, what is missing and disagreements."""
    s = styles()
    scale = snapshot.scenario.scale
    out: list[Flowable] = [Spacer(1, gap(tight))]
    if result.complete and means_rounded(result):
        out.append(markup(
            # one line: a sheet that fitted its page still does
            "<i>Điểm trung bình làm tròn hai chữ số thập phân; tổng cộng và điểm quy đổi tính từ "
            "điểm chưa làm tròn.</i>", s.recipients))
    numbered = not names_in_header(observers)
    if numbered:
        legend = "; ".join(f"({n}) {text(name)}" for n, name in enumerate(observers, 1))
        out.append(Whole([markup(f"<i>Người đánh giá:</i> {legend}.", s.recipients)]))
    scale_max = points(scale.max)
    gaps = gaps_text(result, observers, numbered)
    if result.complete:
        out.append(markup(
            f"<b>Tổng điểm quy đổi (thang {scale_max}):</b> {score10(result.score)}"
            f"&nbsp;&nbsp;&nbsp;&nbsp;<b>Xếp loại:</b> {text(result.rating)}",
            s.plain,
        ))
        # "chấm đủ" would say every observer scored every criterion: not so with a gap
        done = "mỗi tiêu chí đều có ít nhất một người chấm" if gaps else "đã chấm đủ các tiêu chí"
        out.append(markup(f"<b>Còn thiếu điểm:</b> không ({done}).", s.plain))
    else:
        out.append(markup(
            f"<b>Tổng điểm quy đổi (thang {scale_max}):</b> chưa đủ điểm để quy đổi"
            "&nbsp;&nbsp;&nbsp;&nbsp;<b>Xếp loại:</b> chưa xếp loại", s.plain))
        out.append(markup(f"<b>Còn thiếu điểm:</b> {missing_text(result)}.", s.plain))
    if gaps:
        label = "Người đánh giá chưa chấm" if result.complete else \
            "Ngoài ra, người đánh giá chưa chấm"
        out.append(markup(f"<b>{label}:</b> {gaps}.", s.plain))
        out.append(markup("<i>Điểm trung bình của tiêu chí có người chưa chấm tính theo những "
                          "người đã chấm.</i>", s.recipients))
    out.append(markup(f"<i>Thang xếp loại:</i> {text(scale_legend(scale))}", s.recipients))
    if result.disagreements:
        out.append(markup(
            "<i>(*) Điểm của những người đánh giá chênh lệch quá 1/4 điểm tối đa; "
            "đề nghị tổ đánh giá thống nhất lại.</i>", s.recipients))
    return out


def comment_lines(result: PostResult) -> list[Flowable]:
    """The observers' comments, by criterion, under their heading; none without comments."""
    s = styles()
    comments = [
        (n, name, comment)
        for n, c in enumerate(result.criteria, 1)
        for name, comment in sorted(c.comments.items())
    ]
    if not comments:
        return []
    heading = markup("<b>Nhận xét của người đánh giá:</b>", s.plain)
    heading.spaceBefore = 4
    return [heading] + [
        para(f"- Tiêu chí {n} ({name}): {comment}", s.body) for n, name, comment in comments
    ]


def sheet_end(snapshot: ExerciseSnapshot, result: PostResult, observers: list[str],
              tables: list[Flowable], tight: bool = False) -> list[Flowable]:
    """The score `tables`, the result, the comments and the observers' signatures. The content
    flows over pages as it needs (no page left largely empty); the result never starts a page
    (the table's last rows go over with it), nor the comments' heading without a comment under
    it, nor a few lines of comments (they go over with the result); the signatures always carry
    the end of the content with them, and are set closer together where that keeps them on a
    page with what they sign (many observers' rows of signatures would leave it nearly empty)."""
    summary = result_lines(snapshot, result, observers, tight)
    comments = comment_lines(result)
    items = [tables[-1], *summary, *comments]
    glued = list(range(1, 1 + len(summary)))  # with the table's last rows, the key whole
    loose: list[int] = []
    if comments:
        heading = len(items) - len(comments)
        glued.append(heading + 1)  # the first comment, under its heading
        if stacked_height(comments) <= FEW_COMMENTS:
            loose = [heading, *range(heading + 2, len(items))]
            glued += loose
    blocks = [Signature("Người đánh giá", name) for name in observers] or [
        Signature("Người đánh giá")
    ]
    rows = -(-len(blocks) // 3)  # three a row at most, the rows as even as they go: four
    per_row = max(-(-len(blocks) // rows), 2)  # observers sign two and two, never one alone
    return [*tables[:-1], Closing(
        Stack(items, glued, loose), signatures(blocks, per_row=per_row, tight=tight),
        tighter=None if tight else signatures(blocks, per_row=per_row, tight=True))]


def gaps_text(result: PostResult, observers: list[str], numbered: bool) -> str:
    """Who of the sheet's observers left empty criteria that others scored, and which, by the
    sheet's numbers ("(3) Thượng tá Nguyễn Văn C — tiêu chí 1, 4; ..."): the observer's
    number too when the columns are numbered; "" when nobody did (markup, escaped)."""
    numbers = sheet_numbers(result)
    parts = []
    for n, name in enumerate(observers, 1):
        empty = result.unscored_by(name)
        if empty:
            who = f"{tie(f'({n})')}\u00a0{text(name)}" if numbered else text(name)
            criteria = criteria_numbers(numbers[cid] for cid in empty)
            parts.append(f"{who}\u00a0{DASH} {criteria}")  # the dash never starts a line
    return "; ".join(parts)


def missing_text(result: PostResult) -> str:
    """The criteria still without a score, by their number in the sheet: "tiêu chí 2, 5"."""
    numbers = sheet_numbers(result)
    return criteria_numbers(sorted(numbers[cid] for cid in result.missing))


def sheet_numbers(result: PostResult) -> dict[str, int]:
    """Each criterion's number on the post's sheet, by its id."""
    return {c.criterion.id: n for n, c in enumerate(result.criteria, 1)}


def scoring_story(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """The filled scoring sheets, one per post, signed by the observers who scored it; each on
    one page when it can be (one_page)."""
    results = snapshot.results()
    notice = unfinished_notice(snapshot)
    story: list[Flowable] = []
    for index, result in enumerate(results.posts):
        if index:
            story.append(PageBreak())
        observers = _observers_of(result, snapshot.observers)
        tables = score_tables(result, observers)  # the same in both settings: measured once

        def sheet(tight: bool, result=result, observers=observers, tables=tables) -> list:
            return [*sheet_heading(snapshot, result.post, SHEET_TITLE, notice, tight),
                    *sheet_end(snapshot, result, observers, tables, tight)]

        story += one_page(sheet)
    return story


class CodedText(Flowable):
    """A criterion's text with its id in small grey type (what the CSV of scores asks for) at
    the right of its last line or, when that line has no room for it, under it: there its
    descenders reach into the cell's bottom padding, so that it adds less than a line."""

    GAP = 3  # between the text and the id on one line
    RISE = 0.8  # the room an id takes under the text, in its size: ascenders and a little air

    def __init__(self, block: TextBlock, code: str):
        super().__init__()
        self.block, self.code = block, nfc(code)
        self.code_style = styles().code
        self.width = self.height = 0
        self._below = 0.0

    def wrap(self, available_width, available_height):
        lines = self.block.lines_at(available_width)
        style = self.code_style
        used = lines[-1][0] + lines[-1][2] if lines else 0
        code_width = stringWidth(self.code, style.fontName, style.fontSize)
        inline = bool(lines) and used + self.GAP + code_width <= available_width
        self._below = 0.0 if inline else style.fontSize * self.RISE
        self.width = available_width
        self.height = len(lines) * self.block.style.leading + self._below
        return self.width, self.height

    def split(self, available_width, available_height):
        """The text's first lines, then the rest with the id (a criterion longer than a page)."""
        parts = self.block.split(available_width, available_height)
        if len(parts) != 2:
            return []
        return [parts[0], CodedText(parts[1], self.code)]

    def draw(self):
        canv, style, block = self.canv, self.code_style, self.block
        block.wrap(self.width, self.height)
        block.drawOn(canv, 0, self._below)
        # on the last line's baseline, or at the foot
        baseline = block.style.leading - block.style.fontSize if not self._below else 0
        canv.saveState()
        canv.setFillColor(style.textColor)
        canv.setFont(style.fontName, style.fontSize)
        # a space before it (inside the gap): text read from the PDF keeps the id a word apart
        canv.drawRightString(self.width, baseline, " " + self.code)
        canv.restoreState()


def blank_table(snapshot: ExerciseSnapshot, post: Post) -> Flowable:
    """Criteria and maxima with empty cells to score by hand; the ids the CSV of scores asks
    for (`observer,post,criterion,score,comment`) in small grey type: the post's under the
    criteria's heading, each criterion's at the end of its text."""
    s = styles()
    criteria = snapshot.scenario.criteria_for(post.id)
    score_width, remark_width = 20 * mm, 38 * mm
    widths = [NUMBER_WIDTH, FRAME_WIDTH - NUMBER_WIDTH - MAX_WIDTH - score_width - remark_width,
              MAX_WIDTH, score_width, remark_width]
    rows = [header_cells(["TT", "Tiêu chí đánh giá", "Điểm tối đa", "Điểm chấm", "Nhận xét"])]
    rows[0][1] = [rows[0][1], para(f"(mã nhập CSV: cương vị {post.id}; mã tiêu chí ở cuối ô)",
                                   s.code)]
    for number, criterion in enumerate(criteria, 1):
        rows.append([short(number), CodedText(para(criterion.text, s.cell), criterion.id),
                     short(points(criterion.max)), "", ""])
    top = sum((c.max for c in criteria), Fraction(0))
    rows.append(["", para("Cộng", s.cell_bold), short(points(top)), "", ""])
    last = len(rows) - 1
    return grid_table(rows, widths, min_row_height=11 * mm, extra=[
        ("BACKGROUND", (0, last), (-1, last), LIGHT_SHADE),
        ("FONTNAME", (0, last), (-1, last), BOLD)], keep_with_next=tail_rows(1, last))


def blank_story(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """Empty scoring sheets, one per post, with lines for the observer's name, for paper
    scoring; each on one page when it can be (one_page); then the page for the observer's
    notes (blank_notes)."""
    story: list[Flowable] = []
    for index, post in enumerate(snapshot.scenario.posts):
        if index:
            story.append(PageBreak())
        table = blank_table(snapshot, post)  # the same in both settings: measured once
        story += one_page(lambda tight, post=post, table=table:
                          blank_sheet(snapshot, post, table, tight))
    if story:
        story.append(PageBreak())
    return story + one_page(lambda tight: blank_notes(snapshot, tight))


def blank_notes(snapshot: ExerciseSnapshot, tight: bool) -> list[Flowable]:
    """The observer's notes for the after-action report, to write by hand after the sheets:
    a short ruled table for each kind the kit's notes take (strengths, weaknesses, proposals),
    a row a note with its inject's number and its post, as they are typed in later."""
    s = styles()
    dots = "." * 70
    lines = s.plain_tight if tight else s.plain
    story: list[Flowable] = [
        SheetStart(NOTES_TITLE),
        *official_header(snapshot.info),
        *title_block(NOTES_TITLE, "Để tổng hợp báo cáo rút kinh nghiệm", tight=tight),
        *exercise_lines(snapshot.info, tight=tight),
        markup(f"<b>Họ và tên người đánh giá:</b> {dots}", lines),
        Spacer(1, gap(tight)),
    ]
    widths = [26 * mm, 45 * mm, FRAME_WIDTH - 71 * mm]
    for label in NOTE_KIND_LABELS.values():
        rows = [header_cells(["Tình huống", "Cương vị", label]),
                *([""] * len(widths) for _ in range(NOTE_ROWS))]
        story += [grid_table(rows, widths, min_row_height=9 * mm), Spacer(1, gap(tight))]
    signature = signatures([Signature("Người đánh giá")], per_row=2, tight=tight)
    return closing(story[:-1], signature)


def blank_sheet(snapshot: ExerciseSnapshot, post: Post, table: Flowable,
                tight: bool) -> list[Flowable]:
    """One post's empty sheet around its `table`; `tight`: with less room between its parts."""
    s = styles()
    scale = snapshot.scenario.scale
    dots = "." * 70
    lines = s.plain_tight if tight else s.plain
    story = [
        *sheet_heading(snapshot, post, BLANK_TITLE, tight=tight),
        markup(f"<b>Họ và tên người đánh giá:</b> {dots}", lines),
        markup(f"<b>Chức vụ, đơn vị:</b> {dots}{'.' * 14}", lines),
        Spacer(1, gap(tight)),
    ]
    top = sum((c.max for c in snapshot.scenario.criteria_for(post.id)), Fraction(0))
    scale_max = points(scale.max)
    # the total and the rating to fill in beside the signature, as Nơi nhận stands beside
    # the signer: a sheet of six criteria fits one page (set tight if it must); a longer one
    # takes the table's last rows over with the signature
    beside = [
        markup(f"<b>Tổng điểm quy đổi (thang {scale_max}):</b> ...............", s.plain),
        markup("<b>Xếp loại:</b> ..............................", s.plain),
        Spacer(1, 2),
    ]
    if top != scale.max:  # when they are equal, the total is the score: nothing to say
        beside.append(markup(
            f"<i>Cách tính:</i> điểm quy đổi = tổng điểm chấm × {scale_max} : {points(top)} "
            "(tổng điểm tối đa), làm tròn đến hai chữ số thập phân.", s.recipients))
    beside.append(markup(f"<i>Thang xếp loại:</i> {text(scale_legend(scale))}",
                         s.recipients))
    signature = signatures([Signature("Người đánh giá")], per_row=2, beside=beside,
                           tight=tight)
    story += closing([table], signature)
    return story

