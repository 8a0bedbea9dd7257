"""The exercise log (nhật ký diễn tập): injects against the plan, the posts' decisions, pauses;
then every line of the exercise file's log in the order written (reports/history.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from dientap_desktop.domain.records import DECISION_KIND_LABELS, Decision
from dientap_desktop.domain.run import DELIVERED, SKIPPED, InjectRun, response_minutes
from dientap_desktop.domain.snapshot import ExerciseSnapshot, Span
from dientap_desktop.reports.document import (
    BOLD,
    DASH,
    FRAME_WIDTH,
    LIGHT_SHADE,
    SHADE,
    Signature,
    clock_after,
    clock_seconds,
    closing,
    director_signature,
    exercise_lines,
    grid_table,
    header_cells,
    hours_minutes,
    hours_minutes_seconds,
    inject_title,
    local,
    markup,
    minutes,
    note,
    number_width,
    official_header,
    para,
    short,
    signatures,
    styles,
    text,
    title_block,
)
from dientap_desktop.reports.history import history_section

TITLE = "Nhật ký diễn tập"
PHASE_SHADE = SHADE


def duration(span: Span, stamp: Callable[[datetime], str]) -> str:
    """How long the exercise ran, as a clause: to its finish, to the pause it is still in (a
    pause left open is not counted up to the printing), or while it runs to the moment the
    papers were printed, `stamp` writing that moment; the pauses over before are not counted."""
    if span.status == "paused":
        head, before = "thời gian diễn tập tính đến lúc tạm dừng là", " trước đó"
    elif span.status == "running" and span.until is not None:
        head, before = f"thời gian diễn tập tính đến lúc in ({stamp(span.until)}) là", ""
    else:
        head, before = "thời gian diễn tập", ""
    clause = f"{head} {minutes(span.running_minutes)} phút"
    if span.paused_minutes > 0:
        paused = minutes(span.paused_minutes)
        clause += (f" (không kể {paused} phút tạm dừng{before})" if paused != "0" else
                   f" (không kể thời gian tạm dừng{before} dưới 1 phút)")
    return clause


def still_open(span: Span, stamp: Callable[[datetime], str]) -> str:
    """What an exercise not finished is doing: "tạm dừng từ ..., chưa kết thúc" ("" once
    finished or before its start)."""
    if span.status == "paused" and span.until is not None:
        return f"tạm dừng từ {stamp(span.until)}, chưa kết thúc"
    return "chưa kết thúc" if span.status == "running" else ""


def handed_out(snapshot: ExerciseSnapshot) -> str:
    """How many injects went out and which were skipped, by number and title, and how many
    decisions were recorded, as a clause: "đã phát 4/5 tình huống, bỏ qua tình huống 5 “Đối
    tượng chạy thoát”; ghi nhận 6 lượt xử trí của các cương vị"."""
    runs = snapshot.run_state().injects
    delivered = sum(1 for r in runs if r.status == DELIVERED)
    skipped = [f"tình huống {r.number} “{inject_title(r.number, r.inject.title)}”"
               for r in sorted(runs, key=lambda r: r.number) if r.status == SKIPPED]
    clause = (f"đã phát {delivered}/{len(runs)} tình huống" if delivered else
              f"chưa phát tình huống nào (kế hoạch gồm {len(runs)} tình huống)")
    if len(skipped) == 1:
        clause += f", bỏ qua {skipped[0]}"
    elif skipped:
        clause += f", bỏ qua {len(skipped)} tình huống: {', '.join(skipped)}"
    count = len(snapshot.decisions)
    return clause + (f"; ghi nhận {count} lượt xử trí của các cương vị" if count else
                     "; chưa ghi nhận lượt xử trí nào của các cương vị")


def unfinished_notice(snapshot: ExerciseSnapshot) -> str:
    """What a paper of results says under its title while the exercise is not finished (paused,
    running or not started): where it stands, how many injects went out, and that its results
    are not final; "" once it is finished."""
    span = snapshot.span()
    if span.status == "finished":
        return ""
    state = snapshot.run_state()
    delivered = sum(1 for r in state.injects if r.status == DELIVERED)
    handed = f"đã phát {delivered}/{len(state.injects)} tình huống"
    standing = still_open(span, when)
    if span.started is None:
        head = "Cuộc diễn tập chưa bắt đầu (chưa phát tình huống nào)"
    elif span.status == "paused" and standing:
        head = f"Cuộc diễn tập đang {standing} ({handed})"
    else:
        head = f"Cuộc diễn tập chưa kết thúc (tính đến lúc in {when(span.until)}, {handed})"
    return f"{head}; kết quả chưa phải kết quả cuối cùng."


def unfinished_lines(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """The unfinished_notice as a paper sets it under its title (nothing once finished)."""
    return notice_lines(unfinished_notice(snapshot))


def notice_lines(notice: str) -> list[Flowable]:
    """A notice of unfinished_notice set under a title (nothing for "")."""
    if not notice:
        return []
    line = markup(f"<b><i>{text(notice)}</i></b>", styles().plain)
    line.spaceAfter = 4
    return [line]


def when(moment: datetime) -> str:
    """A time to the second and its day, "08:00:00 ngày 15/11/2023" (the table's minutes are
    counted from it)."""
    return f"{clock_seconds(moment)} ngày {local(moment):%d/%m/%Y}"


def _pause_text(since: datetime, until: datetime | None) -> str:
    if until is None:  # the day too: the papers may be printed days later
        return f"Tạm dừng diễn tập từ {when(since)} (chưa tiếp tục, chưa kết thúc)"
    length = (until - since).total_seconds() / 60
    whole = minutes(length)
    lasted = f"{whole} phút" if whole != "0" else "dưới 1 phút"
    return (f"Tạm dừng diễn tập từ {clock_seconds(since)} đến {clock_after(until, since)} "
            f"({lasted})")


def handed_out_order(runs: Iterable[InjectRun]) -> tuple[list[InjectRun], list[InjectRun]]:
    """The injects delivered or skipped, in the order that happened (by time, then plan), and
    the ones never handed out, in plan order."""
    done = sorted((r for r in runs if r.delivered_at is not None),
                  key=lambda r: (r.delivered_at, r.number))
    return done, [r for r in runs if r.delivered_at is None]


def _inject_rows(snapshot: ExerciseSnapshot, run: InjectRun,
                 decisions: list[Decision]) -> list[list]:
    """The inject's row, then one row per decision (and the posts that gave none)."""
    s = styles()
    inject = run.inject
    sub = " — ".join(part for part in (inject.scenario_time, inject.source) if part)
    title = f"<b>Tình huống {run.number}: {text(inject_title(run.number, inject.title))}</b>"
    if sub:
        title += f"<br/><i>{text(sub)}</i>"
    planned = hours_minutes(inject.at)
    if run.status == DELIVERED:
        actual = (f"{clock_seconds(run.delivered_at)}\n"
                  f"({hours_minutes_seconds(run.elapsed_minutes)})")
        delay = minutes(run.delay_minutes, signed=True)
    elif run.status == SKIPPED:
        actual, delay = f"Bỏ qua\n({clock_seconds(run.delivered_at)})", DASH
    else:
        actual, delay = "Chưa\nphát", DASH
    rows = [[short(run.number), markup(title, s.cell), short(planned), short(actual),
             short(delay), ""]]
    answered = set()
    for decision in decisions:
        answered.add(decision.post_id)
        post = snapshot.scenario.post(decision.post_id).title
        kind = DECISION_KIND_LABELS.get(decision.kind, decision.kind)
        body = f"<b>{text(post)}</b> — <i>{text(kind)}:</i> {text(decision.text)}"
        took = response_minutes(snapshot.clock, run, decision)
        rows.append(["", markup(body, s.cell), "", short(clock_seconds(decision.given_at)), "",
                     short(minutes(took))])
    silent = [snapshot.scenario.post(p).title for p in inject.targets if p not in answered]
    if silent and run.status == DELIVERED:
        rows.append(["", markup(f"<i>Chưa ghi nhận xử trí của: {text('; '.join(silent))}</i>",
                                s.cell), "", "", "", ""])
    return rows


LOG_HEADER = ("TT", "Tình huống; cương vị xử trí và nội dung xử trí", "Kế hoạch", "Thực tế",
              "Chậm so với KH (phút)", "Thời gian xử trí (phút)")


def log_table(snapshot: ExerciseSnapshot) -> Flowable:
    """One table: phases, injects in the order they were handed out with planned and actual
    time and delay, decisions with their response time, pauses; then the injects not
    handed out."""
    s = styles()
    state = snapshot.run_state()
    # the actual times to the second ("(00:41:35)" on one line), as the minutes are counted
    widths = [number_width(len(state.injects), 9 * mm), 0, 18.5 * mm, 20 * mm, 17.5 * mm, 19 * mm]
    widths[1] = FRAME_WIDTH - sum(widths)
    rows: list[list] = [header_cells(LOG_HEADER)]
    extra: list[tuple] = []
    headings: list[int] = []  # rows kept with the row under them

    def band(content: str, shade, keep: bool = False) -> None:
        # no SPAN: spans make every split of a long table walk all its cells again
        rows.append(["", markup(content, s.cell), "", "", "", ""])
        last = len(rows) - 1
        extra.append(("BACKGROUND", (0, last), (-1, last), shade))
        if keep:
            headings.append(last)

    decisions = snapshot.decisions_by_inject
    phase = None

    def inject(run: InjectRun) -> None:
        nonlocal phase
        if run.inject.phase != phase:
            phase = run.inject.phase
            band(f"<b>{text(snapshot.scenario.phase(phase).title)}</b>", PHASE_SHADE, True)
        first = len(rows)
        rows.extend(_inject_rows(snapshot, run, decisions.get(run.inject.id, [])))
        if len(rows) - first > 1:  # the inject stays with its first decision
            headings.append(first)
        extra.extend([("BACKGROUND", (0, first), (-1, first), LIGHT_SHADE),
                      ("FONTNAME", (0, first), (0, first), BOLD),
                      ("FONTNAME", (4, first), (4, first), BOLD)])

    clock = snapshot.clock
    pauses = list(clock.pauses())
    if clock.started_at is not None:
        band(f"<b>Bắt đầu diễn tập:</b> {when(clock.started_at)}", LIGHT_SHADE, True)
    done, waiting = handed_out_order(state.injects)
    for run in done:
        while pauses and pauses[0][0] <= run.delivered_at:
            band(f"<i>{text(_pause_text(*pauses.pop(0)))}</i>", LIGHT_SHADE)
        inject(run)
    for pause in pauses:
        band(f"<i>{text(_pause_text(*pause))}</i>", LIGHT_SHADE)
    if clock.finished_at is not None:
        band(f"<b>Kết thúc diễn tập:</b> {when(clock.finished_at)}", LIGHT_SHADE)
    if waiting and done:
        band("<b>Các tình huống chưa phát</b> (theo thứ tự kế hoạch)", LIGHT_SHADE, True)
        phase = None
    for run in waiting:
        inject(run)
    return grid_table(rows, widths, extra=extra, keep_with_next=headings)


def log_story(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """The whole exercise log."""
    s = styles()
    span = snapshot.span()
    told = handed_out(snapshot)
    summary = f"{told[0].upper()}{told[1:]}."
    if span.started is not None:
        told = duration(span, when)
        state_now = still_open(span, when)
        if span.status == "paused":
            state_now = f"đang {state_now}"
        summary += (f" Cuộc diễn tập {state_now}; {told}." if state_now else
                    f" {told[0].upper()}{told[1:]}.")
    return [
        *official_header(snapshot.info),
        *title_block(TITLE, snapshot.scenario.title),
        *exercise_lines(snapshot.info),
        para(summary, s.body),
        note("Các tình huống theo thứ tự phát thực tế. Kế hoạch: giờ:phút kể từ khi bắt đầu "
             "diễn tập; thực tế: giờ phát (giờ Việt Nam, giờ:phút:giây) và, trong ngoặc, "
             "giờ:phút:giây kể từ khi bắt đầu, không kể thời gian tạm dừng. Chậm (+) là chậm so "
             "với kế hoạch, (−) là sớm. Thời gian xử trí tính từ khi phát tình huống đến khi "
             "cương vị xử trí. Số phút được làm tròn: phần lẻ từ 30 giây trở lên tính là 1 phút."),
        Spacer(1, 3),
        *closing([log_table(snapshot), *history_section(snapshot)],
                 signatures([Signature("Người ghi nhật ký"), director_signature(snapshot.info)])),
    ]
