"""The exercise log's full history: the exercise file's log in the order written (scores but
their corrections are on the scoring sheets)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from dientap_desktop.domain.records import (
    DECISION_KIND_LABELS,
    LOG_CREATED,
    LOG_GIVEN_NOTE,
    NOTE_KIND_LABELS,
    LogEntry,
)
from dientap_desktop.domain.snapshot import ExerciseSnapshot
from dientap_desktop.reports.document import (
    FRAME_WIDTH,
    LIGHT_SHADE,
    clock_after,
    clock_seconds,
    grid_table,
    headed,
    header_cells,
    heading,
    local,
    markup,
    minutes,
    note,
    number_width,
    para,
    short,
    styles,
    text,
    whole_words,
)

HEADING = "Diễn biến đầy đủ theo thời gian"
HEADER = ("TT", "Giờ", "Việc", "TH", "Cương vị; nội dung")

# What each line of the log records, as the window's log names it: in the words of the
# exercise, never of a file.
ACTIONS = {
    "create": "Lập cuộc diễn tập",
    "edit_exercise": "Thông tin diễn tập",
    "edit_roster": "Khung tập",
    "start": "Bắt đầu",
    "pause": "Tạm dừng",
    "resume": "Tiếp tục",
    "finish": "Kết thúc",
    "deliver": "Phát tình huống",
    "skip": "Bỏ qua",
    "undo_delivery": "Hoàn tác",
    "decision": "Xử trí",
    "edit_decision": "Sửa xử trí",
    "delete_decision": "Rút xử trí",
    "add_observer": "Thêm người đánh giá",
    "score": "Chấm điểm",
    "withdraw_score": "Rút điểm",
    "note": "Nhận xét",
    "withdraw_note": "Rút nhận xét",
    "merge": "Gộp bộ phiếu đánh giá",
}
CLOCK_ACTIONS = ("start", "pause", "resume", "finish")
EXERCISE_FIELDS = {
    "name": "Tên cuộc diễn tập",
    "place": "Địa điểm",
    "date": "Ngày",
    "issuer": "Cơ quan ban hành",
    "superior": "Cơ quan chủ quản",
    "signer": "Người ký",
    "signer_title": "Chức danh người ký",
}
NONE = "(trống)"
# storage's line of the exercise's making (it names the scenario by its id), and its note of
# when a decision was given
CREATED, GIVEN_NOTE = LOG_CREATED, LOG_GIVEN_NOTE
# A merge's counts as the file's log writes them, every one even when nothing: the report
# prints those that say something ("thêm 30 điểm", not "thêm 30, thay 0, giữ nguyên 0 điểm").
MERGED_SCORES = re.compile(r": thêm (\d+), thay (\d+), giữ nguyên (\d+) điểm")
NO_NOTE_MERGED = "; thêm 0 nhận xét"


def _covers(value: object) -> tuple[int, ...] | None:
    """The expected actions a version of a decision covered, as the log's data holds them (a
    list of indices), or None when it does not say (a line written before it kept them)."""
    if isinstance(value, list) and all(isinstance(i, int) for i in value):
        return tuple(value)
    return None


def _ticks(covers: tuple[int, ...]) -> str:
    """The expected actions covered, by their numbers ("không" for none)."""
    return ", ".join(str(i + 1) for i in covers) or "không"


def _moment(value: object) -> datetime | None:
    """An instant as the log's data holds it (ISO 8601), or None."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # as the file reads it


def _after(summary: str, prefix: str) -> str:
    """The summary without its prefix (the summary whole when it does not start so)."""
    return summary[len(prefix):] if prefix and summary.startswith(prefix) else summary


def _shown(value: object) -> str:
    """A value of the exercise's details or the roster as printed ("(trống)" for none)."""
    if value is None or value == "":
        return NONE
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return f"{date.fromisoformat(value):%d/%m/%Y}"
        except ValueError:
            pass
    return str(value)


def _person(value: object) -> str:
    """Who plays a post, from the roster line's [name, rank, unit]."""
    if not isinstance(value, (list, tuple)):
        return _shown(value)
    name, rank, unit = (list(value) + ["", "", ""])[:3]
    who = " ".join(part for part in (rank, name) if part)
    if unit:
        who = f"{who}, {unit}" if who else str(unit)
    return who or "chưa có"


def _points(value: object) -> str:
    """A score as the log's data holds it, with the decimal comma ("2,5")."""
    return str(value).replace(".", ",")


class _History:
    """Turns the log's lines into the table's rows, with what later lines say of earlier ones
    (a delivery undone, a decision corrected or withdrawn)."""

    def __init__(self, snapshot: ExerciseSnapshot):
        scenario = snapshot.scenario
        self.scenario_id, self.scenario_title = scenario.id, scenario.title
        self.titles = {p.id: p.title for p in scenario.posts}
        self.injects = {i.id: (n, i.title) for n, i in enumerate(scenario.injects, 1)}
        self.criteria = scenario.criterion_numbers
        self.current = {d.id: d for d in snapshot.decisions}
        self.deliveries = {d.id: d for d in snapshot.deliveries}
        self.handed = {(d.inject_id, d.action, d.at): d for d in snapshot.deliveries}
        # each decision's lines after the first (corrections, withdrawal), in order
        self.later: dict[int, list[LogEntry]] = {}
        for entry in snapshot.log:
            key = entry.data.get("decision") if isinstance(entry.data, dict) else None
            if entry.action in ("edit_decision", "delete_decision") and isinstance(key, int):
                self.later.setdefault(key, []).append(entry)
        self.paused_at: datetime | None = None

    def post(self, entry: LogEntry) -> str:
        if not entry.post_id:
            return ""
        return self.titles.get(entry.post_id, entry.post_id)

    def inject(self, entry: LogEntry) -> str:
        found = self.injects.get(entry.inject_id or "")
        return str(found[0]) if found else ""

    def inject_title(self, entry: LogEntry) -> str | None:
        found = self.injects.get(entry.inject_id or "")
        return found[1] if found else None

    # ---------------------------------------------------------------- what happened

    def content(self, entry: LogEntry) -> str:
        """The line's content as cell markup (its data escaped), after its post in bold, as the
        table above sets a decision."""
        method = getattr(self, f"_{entry.action}", None) if entry.action in ACTIONS else None
        shown = None
        if method is not None:
            try:
                shown = method(entry)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                shown = None  # data another version wrote otherwise: the line's summary
        if shown is None:
            shown = text(entry.summary)
        post = self.post(entry)
        if not post:
            return shown
        return f"<b>{text(post)}</b>{'<br/>' if '<br/>' in shown else ' — '}{shown}"

    def _create(self, entry: LogEntry) -> str | None:
        """Which exercise was made, from which scenario: by its title (the line names its id);
        the column "Việc" says what ("Lập cuộc diễn tập")."""
        made = CREATED.match(entry.summary)
        if made is None or made["scenario"] != self.scenario_id:
            return None  # written otherwise, or from another scenario: as it is
        return f"“{text(made['name'])}”, theo kịch bản “{text(self.scenario_title)}”"

    def _start(self, entry: LogEntry) -> str:
        return "Bắt đầu diễn tập"

    def _finish(self, entry: LogEntry) -> str:
        return "Kết thúc diễn tập"

    def _pause(self, entry: LogEntry) -> str:
        self.paused_at = entry.at
        return "Tạm dừng diễn tập"

    def _resume(self, entry: LogEntry) -> str:
        since, self.paused_at = self.paused_at, None
        if since is None:
            return "Tiếp tục diễn tập"
        length = minutes((entry.at - since).total_seconds() / 60)
        length = "dưới 1 phút" if length == "0" else f"{length} phút"
        return (f"Tiếp tục diễn tập sau {length} tạm dừng (từ "
                f"{clock_after(since, entry.at)})")

    def _handed(self, entry: LogEntry, action: str) -> str | None:
        title = self.inject_title(entry)
        if title is None:
            return None
        shown = text(title)
        delivery = self.handed.get((entry.inject_id, action, entry.at))
        if delivery is not None and delivery.undone_at is not None:
            shown += f" <i>(đã hoàn tác lúc {clock_seconds(delivery.undone_at)})</i>"
        return shown

    def _deliver(self, entry: LogEntry) -> str | None:
        return self._handed(entry, "delivered")

    def _skip(self, entry: LogEntry) -> str | None:
        return self._handed(entry, "skipped")

    def _undo_delivery(self, entry: LogEntry) -> str | None:
        title = self.inject_title(entry)
        if title is None:
            return None
        what = "bỏ qua" if entry.data.get("undone_action") == "skipped" else "phát"
        delivery = self.deliveries.get(entry.data.get("delivery"))
        when = f" lúc {clock_seconds(delivery.at)}" if delivery is not None else ""
        return f"{text(title)} <i>(hoàn tác việc {what}{when})</i>"

    def _marks(self, decision_id: object) -> str:
        """What became of a decision later: corrected at ..., withdrawn at ..."""
        later = self.later.get(decision_id) if isinstance(decision_id, int) else None
        if not later:
            return ""
        edits = [clock_seconds(e.at) for e in later if e.action == "edit_decision"]
        parts = [f"đã sửa lúc {', '.join(edits)}"] if edits else []
        parts += [f"đã rút lúc {clock_seconds(e.at)}" for e in later
                  if e.action == "delete_decision"]
        return f" <i>({'; '.join(parts)})</i>"

    def _decision(self, entry: LogEntry) -> str:
        """Its kind and when it was given: its text is in the table above (as it stands now;
        an earlier text is in the line of its correction or withdrawal)."""
        shown = _after(entry.summary, f"{self.post(entry)} — ")
        kind = next((label for label in DECISION_KIND_LABELS.values()
                     if shown.startswith(f"{label}: ")), None)
        if kind is None:  # written otherwise: as it is
            return text(shown) + self._marks(entry.data.get("decision"))
        given = GIVEN_NOTE.search(shown)
        return (f"<i>{text(kind)}</i> (xem bảng trên)"
                + (text(given.group(0)) if given else "")
                + self._marks(entry.data.get("decision")))

    @staticmethod
    def _version(name: str, kind: object, body: object, given: datetime | None,
                 with_time: bool) -> str:
        """One version of a corrected decision: "Nội dung cũ (Báo cáo): ..." """
        about = [DECISION_KIND_LABELS.get(kind, "")] if isinstance(kind, str) else []
        if with_time and given is not None:
            about.append(f"xử trí lúc {clock_seconds(given)}")
        about = [part for part in about if part]
        if about:
            name += f" ({', '.join(about)})"
        return f"<i>{text(name)}:</i> {text(body)}"

    def _edit_decision(self, entry: LogEntry) -> str | None:
        old = entry.data["old"]
        decision_id = entry.data.get("decision")
        later = self.later.get(decision_id, [])
        following = next((e for e in later if e.id > entry.id), None)
        covers = None  # the expected actions the new version covers, when known
        if following is not None and following.action == "edit_decision":
            new = following.data["old"]
            kind, body, given = new["kind"], new["text"], _moment(new.get("given_at"))
            covers = _covers(new.get("covers"))
        elif following is None and decision_id in self.current:
            decision = self.current[decision_id]
            kind, body, given = decision.kind, decision.text, decision.given_at
            covers = tuple(decision.covers)
        elif following is not None:  # withdrawn next: the text withdrawn
            kind, given = None, None
            body = _after(following.summary, f"Rút xử trí của {self.post(entry)}: ")
        else:  # not in the file any more: the text this line wrote
            kind, given = None, None
            body = _after(entry.summary, f"Sửa xử trí của {self.post(entry)}: ")
        old_given = _moment(old.get("given_at"))
        moved = given is not None and old_given is not None and given != old_given
        shown = (self._version("Nội dung cũ", old["kind"], old["text"], old_given, moved)
                 + "<br/>" + self._version("Nội dung mới", kind, body, given, moved))
        old_covers = _covers(old.get("covers"))
        if covers is not None and old_covers is not None and covers != old_covers:
            shown += (f"<br/><i>Đáp ứng nội dung đáp án:</i> {_ticks(old_covers)} → "
                      f"{_ticks(covers)}")
        return shown

    def _delete_decision(self, entry: LogEntry) -> str:
        shown = _after(entry.summary, f"Rút xử trí của {self.post(entry)}: ")
        return f"<i>Nội dung đã rút:</i> {text(shown)}"

    def _edit_exercise(self, entry: LogEntry) -> str | None:
        old, new = entry.data["old"], entry.data["new"]
        lines = [
            f"{text(EXERCISE_FIELDS.get(key, key))}: {text(_shown(old.get(key)))} → "
            f"{text(_shown(value))}"
            for key, value in new.items()
        ]
        return "<br/>".join(lines) if lines else None

    def _edit_roster(self, entry: LogEntry) -> str:
        return (f"{text(_person(entry.data['new']))} "
                f"<i>(trước: {text(_person(entry.data['old']))})</i>")

    def _score(self, entry: LogEntry) -> str | None:
        data = entry.data
        number = self.criteria.get((entry.post_id, data["criterion"]))
        if number is None:
            return None
        if data["new"] is None:  # taken back in the observer's kit, or by the directing staff
            comment = f"; {data['comment']}" if data.get("comment") else ""
            who = (f"{data['observer']} rút điểm" if str(data.get("source", "kit:")).startswith(
                "kit:") else f"Tổ đạo diễn rút điểm của {data['observer']}:")
            return text(f"{who} tiêu chí {number} (trước: {_points(data['old'])}{comment})")
        shown = f"{data['observer']} chấm tiêu chí {number}: {_points(data['new'])} điểm"
        if data.get("old") is not None:
            shown += f" (trước: {_points(data['old'])})"
        return text(shown)

    _withdraw_score = _score

    def _add_observer(self, entry: LogEntry) -> str:
        """Who: the column "Việc" says what ("Thêm người đánh giá")."""
        return text(entry.data["observer"])

    def _merge(self, entry: LogEntry) -> str | None:
        """The observer's scores merged, without the name of the file they came in."""
        name = entry.data.get("file")
        if not isinstance(name, str) or f" ({name})" not in entry.summary:
            return None
        shown = MERGED_SCORES.sub(_merged_scores, entry.summary.replace(f" ({name})", "", 1))
        return text(shown.replace(NO_NOTE_MERGED, "", 1).replace(":; ", ": ", 1))

    def _note(self, entry: LogEntry) -> str:
        kind = NOTE_KIND_LABELS.get(entry.data.get("kind", ""))
        return f"<i>{text(kind)}</i> — {text(entry.summary)}" if kind else text(entry.summary)

    _withdraw_note = _note  # the note as it was, with its kind; the column says withdrawn


def _merged_scores(found: re.Match) -> str:
    """A merge's counts of scores without those that are nought (":" alone when all are)."""
    counts = [f"{what} {count}" for what, count in zip(("thêm", "thay", "giữ nguyên"),
                                                       found.groups(), strict=True)
              if count != "0"]
    return f": {', '.join(counts)} điểm" if counts else ":"


def history_table(snapshot: ExerciseSnapshot, entries: Sequence[LogEntry]) -> Flowable:
    """One row a line of the log, in the order written, a band where the day changes."""
    s = styles()
    history = _History(snapshot)
    widths = [number_width(len(entries), 10 * mm), 17 * mm, 28 * mm,
              number_width(len(snapshot.scenario.injects), 10 * mm), 0]
    widths[-1] = FRAME_WIDTH - sum(widths)
    rows: list[list] = [header_cells(HEADER)]
    extra: list[tuple] = []
    bands: list[int] = []
    day = None
    for number, entry in enumerate(entries, 1):
        today = local(entry.at).date()
        if today != day:
            day = today
            rows.append([markup(f"<b>Ngày {today:%d/%m/%Y}</b>", s.cell), "", "", "", ""])
            last = len(rows) - 1
            extra += [("SPAN", (0, last), (-1, last)), ("BACKGROUND", (0, last), (-1, last),
                                                        LIGHT_SHADE)]
            bands.append(last)
        rows.append([
            short(number),
            short(clock_seconds(entry.at)),
            para(whole_words(ACTIONS.get(entry.action, entry.action)), s.cell),
            short(history.inject(entry)),
            markup(history.content(entry), s.cell),
        ])
        if entry.action in CLOCK_ACTIONS:
            last = len(rows) - 1
            extra.append(("BACKGROUND", (0, last), (-1, last), LIGHT_SHADE))
    return grid_table(rows, widths, extra=extra, keep_with_next=bands)


def _first_scores(entries: Sequence[LogEntry]) -> set[int]:
    """The ids of the lines that give a score for the first time: the scoring sheets print it
    (only a score changed afterwards is history; a real exercise gives hundreds of first
    scores). A score given again after it was taken back is history."""
    seen, first = set(), set()
    for entry in entries:
        data = entry.data
        if entry.action not in ("score", "withdraw_score") or not isinstance(data, dict):
            continue
        key = (data.get("observer"), entry.post_id, data.get("criterion"))
        if entry.action == "score" and "new" in data and data.get("old") is None \
                and key not in seen:
            first.add(entry.id)
        seen.add(key)
    return first


def history_section(snapshot: ExerciseSnapshot) -> list[Flowable]:
    """The heading, what the table holds, and the table: every line of the log but the scores
    given for the first time. Nothing when the snapshot carries no log (one made in memory)."""
    first = _first_scores(snapshot.log)
    entries = [e for e in snapshot.log if e.id not in first]
    if not entries:
        return []
    explained = note(
        f"{len(entries)} lượt ghi, theo thứ tự ghi; giờ Việt Nam "
        "(giờ:phút:giây). Gồm cả tình huống đã phát rồi hoàn tác, xử trí đã sửa (nội dung "
        "cũ và mới) hoặc đã rút, các lần tạm dừng và tiếp tục, nhận xét của người đánh giá và "
        "các lần sửa điểm (không liệt kê điểm chấm lần đầu; điểm hiện hành in ở phiếu chấm "
        "điểm). TH: số thứ tự của tình huống.")
    explained.spaceAfter = 3
    # the heading and its explanation are never parted, nor left at a page's foot without the
    # table's first rows
    return [headed([heading(HEADING), explained], history_table(snapshot, entries))]
