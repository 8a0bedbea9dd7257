"""Bringing observers' kits into the exercise: every kit checked whole, then written in one go."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from fractions import Fraction
from pathlib import Path

from dientap_desktop.domain.score_csv import check_score, format_score
from dientap_desktop.domain.scoring import CriterionResult, ExerciseResult
from dientap_desktop.domain.text import look_alike
from dientap_desktop.storage.database import FileProblem, FileProblems, one_line, to_text
from dientap_desktop.storage.exercise_file import ActionError, ExerciseFile, ScoreChanges
from dientap_desktop.storage.kit import KitContents, KitInfo, read_kit

# How far ahead of the merging computer's clock an entry time may be and still be taken as
# real: laptops offline drift apart, and the merging one may itself be behind (a spare laptop
# without network time, hours off). A day later than that cannot be (the kit's clock was
# ahead): such an entry never wins over one made at a possible time.
CLOCK_TOLERANCE = timedelta(days=1)
STAFF_NAMED = 10  # the kept-out scores a merge's log line names, at most


@dataclass(frozen=True)
class MergeResult:
    """What merging one kit did: its scores added, replaced, unchanged and notes added, or why
    it was refused (then nothing of it was written)."""

    path: Path
    observer: str | None = None
    changes: ScoreChanges = field(default_factory=ScoreChanges)
    notes_added: int = 0
    refused: str | None = None  # why, a line for each problem found (the kit named in each)
    # (post, criterion, the kit's value) of the scores kept out because the observer entered
    # another later: for the director to see which, and check with the observer
    kept_out: tuple[tuple[str, str, str], ...] = ()
    # (post, criterion, the kit's value, its entry time as stored) of the kit's scores entered at
    # a time later than the merge's now: the laptop's clock was ahead; these never win over an
    # entry made at a possible time (then they are among `kept_out` too)
    clock_ahead: tuple[tuple[str, str, str, str], ...] = ()
    empty: bool = False  # the kit held no score and no note: handed back unfilled?
    scores_withdrawn: int = 0  # taken back in the kit since it was merged last, so here too
    notes_withdrawn: int = 0  # withdrawn in the kit (a corrected note: withdrawn, then new)
    withdrawals_kept: int = 0  # taken back in the kit, but corrected in the exercise since
    # (post, criterion, the kit's value) of the scores kept out because the directing staff
    # corrected or took back that score after the observer entered it in the kit
    kept_for_staff: tuple[tuple[str, str, str], ...] = ()
    # (post, criterion, the value before, the kit's value) of the scores the kit replaced
    replaced: tuple[tuple[str, str, str, str], ...] = ()
    # (post, criterion, the kit's value) of the scores the kit brings unchanged since it was
    # merged last, which the directing staff has corrected or taken back since: that stands
    staff_stands: tuple[tuple[str, str, str], ...] = ()
    # the kit and the copy of it merged before differ both ways (some scores older, some newer
    # or new): two copies of one kit were filled in apart; the later entry of each score won
    diverged: bool = False
    # the kit's observer is new to the exercise and looks like this known observer: perhaps
    # the same person under two names (with and without rank, a slip in the spelling)
    looks_like: str | None = None

    @property
    def merged(self) -> bool:
        """Whether the kit was merged."""
        return self.refused is None

    def summary(self) -> str:
        """One plain line naming the kit."""
        if self.refused:
            return self.refused
        c = self.changes
        shown = _named(self.kept_out)
        older = (f" ({c.superseded} of them older than what the observer entered later: "
                 f"{shown})" if c.superseded and shown else
                 f" ({c.superseded} of them older than what the observer entered later)"
                 if c.superseded else "")
        ahead = ""
        if self.clock_ahead:
            shown = _named([(p, k, v) for p, k, v, _ in self.clock_ahead])
            latest = max(at for *_, at in self.clock_ahead)
            ahead = (f"; {len(self.clock_ahead)} scores entered at a time still to come (up to "
                     f"{latest[:16].replace('T', ' ')} UTC: the kit's clock was ahead), which "
                     f"never win over another entry: {shown}")
        unfilled = "; the kit holds no score and no note: was it filled in?" if self.empty else ""
        changed = [(p, k, f"{old} -> {new}") for p, k, old, new in self.replaced]
        replaced = f"; replaced: {_named(changed)}" if changed else ""
        stands = (f"; {len(self.staff_stands)} of the unchanged stay as the directing staff "
                  f"corrected or took them back: {_named(self.staff_stands)}"
                  if self.staff_stands else "")
        diverged = ("; this kit and the copy of it merged before differ both ways (some scores "
                    "older, some newer): two copies of one kit were filled in apart; the later "
                    "entry of each score was kept: check with the observer"
                    if self.diverged else "")
        alike = (f'; observer "{self.observer}" is new here and looks like "{self.looks_like}", '
                 "already known: if they are one person, their scores now count twice"
                 if self.looks_like else "")
        staff = (f"; {len(self.kept_for_staff)} scores entered before the directing staff "
                 f"corrected or took them back kept out: {_named(self.kept_for_staff)}"
                 if self.kept_for_staff else "")
        withdrawn = "".join(
            f"; {count} {what} withdrawn as in the kit"
            for count, what in ((self.scores_withdrawn, "scores"), (self.notes_withdrawn, "notes"))
            if count) + (
            f"; {self.withdrawals_kept} scores taken back in the kit kept: corrected in the "
            "exercise since" if self.withdrawals_kept else "")
        return (
            f'{self.path}: merged, observer "{self.observer}": {c.added} scores added, '
            f"{c.replaced} replaced, {c.unchanged} unchanged{older}; "
            f"{self.notes_added} notes added{staff}{withdrawn}{ahead}{unfilled}{replaced}"
            f"{stands}{diverged}{alike}"
        )


def _named(scores, most: int = 5) -> str:
    """Scores given as (post, criterion, value) named in a line: "bi-thu/xu-tri 3, ...", the
    first `most` of them."""
    shown = ", ".join(f"{post}/{criterion} {value}" for post, criterion, value in scores[:most])
    return shown + (", ..." if len(scores) > most else "")


@dataclass(frozen=True)
class Disagreement:
    """Observers' scores on one criterion of one post that differ by more than a quarter of its
    maximum."""

    post_id: str
    post_title: str
    result: CriterionResult

    def summary(self) -> str:
        """One plain line: post, criterion, maximum and each observer's score."""
        c = self.result.criterion
        scores = ", ".join(f"{o} {format_score(v)}" for o, v in self.result.scores.items())
        return f'post "{self.post_id}", criterion "{c.id}" (max {format_score(c.max)}): {scores}'


def disagreements(results: ExerciseResult) -> list[Disagreement]:
    """Every criterion of every post on which observers disagree, in scenario order."""
    return [
        Disagreement(p.post.id, p.post.title, c) for p in results.posts for c in p.disagreements
    ]


def check_belongs(exercise: ExerciseFile, kit: KitInfo, name: str) -> None:
    """FileProblem unless the kit described is one of this exercise, for its scenario."""
    info = exercise.info
    if kit.exercise_id != info.id:
        raise FileProblem(
            f"{name}: the kit belongs to another exercise («{kit.exercise_name}», "
            f"id {kit.exercise_id}), not to «{info.name}» (id {info.id})"
        )
    if kit.scenario_id != exercise.scenario.id:
        raise FileProblem(f'{name}: the kit is for scenario "{kit.scenario_id}", '
                          f'the exercise runs "{exercise.scenario.id}"')


def check_same_observer(exercise: ExerciseFile, kit: KitContents, name: str) -> None:
    """FileProblem if this kit was merged before under another observer's name: a kit is made
    for one observer and the program never renames it, so the name was edited outside the
    program; merging it would put one observer's scores under another's name."""
    found = exercise.db.conn.execute(
        "SELECT o.name FROM merged_kits k JOIN observers o ON o.id = k.observer_id "
        "WHERE k.id = ?", [kit.info.id]).fetchone()
    if found is not None and found[0] != kit.info.observer:
        raise FileProblem(
            f'{name}: this kit was merged before with observer "{found[0]}" and now names '
            f'observer "{kit.info.observer}": a kit\'s observer cannot change (was the kit '
            "edited outside the program?)")


def check_kit_for(exercise: ExerciseFile, kit: KitContents, name: str) -> None:
    """FileProblem unless the kit, read with `check_belongs` (read_for), fits the exercise's
    scenario (its posts, scores and notes) and keeps the observer it was merged with before;
    every value that does not fit is told (FileProblems), not the first alone."""
    check_same_observer(exercise, kit, name)
    scenario = exercise.scenario
    known_posts = {p.id for p in scenario.posts}
    problems = [f'{name}: the kit assigns post "{post_id}" unknown to the exercise'
                for post_id in kit.post_ids if post_id not in known_posts]
    if kit.scenario is not scenario:
        for score in kit.scores:
            # Checked against the exercise's scenario, not the copy inside the kit.
            problem = check_score(scenario, score.post_id, score.criterion_id, score.value)
            if problem:
                problems.append(f'{name}: score of criterion "{score.criterion_id}" for post '
                                f'"{score.post_id}": {problem}')
    injects = {i.id for i in scenario.injects}
    for note in kit.notes:
        if note.inject_id is not None and note.inject_id not in injects:
            problems.append(f'{name}: note {note.id}: unknown inject "{note.inject_id}"')
        if note.post_id is not None and note.post_id not in known_posts:
            problems.append(f'{name}: note {note.id}: unknown post "{note.post_id}"')
    if problems:
        raise FileProblems(name, problems)


Brought = dict[tuple[str, str], tuple[str, str, str]]  # (post, criterion): value, comment, time


@dataclass
class _Sorted:
    """A kit's scores sorted out against what was merged before (see `_sort_out`)."""

    apply: list = field(default_factory=list)  # ScoreRow to write into the exercise
    brought: Brought = field(default_factory=dict)  # what the kit brings, to remember
    remember: bool = False  # whether `brought` differs from what was remembered
    unchanged: int = 0  # the same as this kit brought last time
    superseded: int = 0  # the observer entered the score later (in another kit, or a copy)
    overruled: int = 0  # of those, the ones first brought now (remembered, not written)
    kept_out: list = field(default_factory=list)  # (post, criterion, value) superseded
    ahead: list = field(default_factory=list)  # (post, criterion, value, time) still to come
    withdraw: list = field(default_factory=list)  # (post, criterion) taken back
    # (post, criterion) taken back in the kit after the directing staff corrected them
    withdraw_over_staff: list = field(default_factory=list)
    # (post, criterion, value) entered in the kit before the directing staff's correction
    kept_for_staff: list = field(default_factory=list)
    withdrawals_kept: int = 0  # taken back in the kit before the directing staff's correction
    # (post, criterion, value) brought unchanged, which the directing staff changed since
    staff_stands: list = field(default_factory=list)
    older: bool = False  # some of the kit's scores are older than the same kit brought before
    newer: bool = False  # some are newer, or new: with `older`, two copies filled in apart
    current: dict = field(default_factory=dict)  # the observer's scores before the merge


def _remembered(text: str) -> Brought:
    try:
        return {(p, c): (v, comment, at) for p, c, v, comment, at in json.loads(text)}
    except (ValueError, TypeError):  # written by this program only; a damaged one is forgotten
        return {}


def _text(texts: dict[tuple[int, int], str], value: Fraction) -> str:
    key = (value.numerator, value.denominator)
    return texts.get(key) or texts.setdefault(key, format_score(value))


def _staff_acts(exercise: ExerciseFile, observer: str) -> tuple[dict, dict]:
    """An observer's current scores in the exercise, (post, criterion): (value, comment); and
    when the directing staff last gave or took back each score where that act still stands (a
    score typed in from paper or corrected, in the window, by CSV or command, and not brought
    by a kit since)."""
    conn = exercise.db.conn
    found = conn.execute("SELECT id, name FROM observers WHERE name = ?", [observer]).fetchone()
    if found is None:
        return {}, {}
    current, acts = {}, {}
    for post_id, criterion_id, value, comment, source, at in conn.execute(
            "SELECT post_id, criterion_id, value, comment, source, updated_at FROM scores "
            "WHERE observer_id = ?", [found[0]]):
        current[post_id, criterion_id] = (value, comment)
        if not source.startswith("kit:"):
            acts[post_id, criterion_id] = at
    if conn.execute(  # a score taken back: read the log only when there is one
            "SELECT 1 FROM score_history h WHERE observer_id = ? AND NOT EXISTS (SELECT 1 FROM "
            "scores s WHERE s.observer_id = h.observer_id AND s.post_id = h.post_id AND "
            "s.criterion_id = h.criterion_id) LIMIT 1", [found[0]]).fetchone():
        for post_id, criterion_id, at in conn.execute(
                "SELECT post_id, json_extract(data, '$.criterion'), max(at) FROM log "
                "WHERE action = 'withdraw_score' AND json_extract(data, '$.observer') = ? "
                "AND json_extract(data, '$.source') NOT LIKE 'kit:%' GROUP BY 1, 2",
                [found[1]]):
            if (post_id, criterion_id) not in current:
                acts[post_id, criterion_id] = at
    return current, acts


def _sort_out(exercise: ExerciseFile, kit: KitContents, limit: str) -> _Sorted:
    """Which of a kit's scores to write: not those the same kit brought unchanged last time
    (a correction made since in the exercise stays), nor those the observer entered later in
    another of their kits (whatever the order the kits are merged in), nor those entered
    before the directing staff corrected or took back that score. And which to take back:
    those the kit brought last time and the observer has taken back in it since.

    An entry time later than `limit` (the merge's now and a few minutes, as stored) cannot be
    real: such an entry counts as older than every entry made at a possible time."""
    def rank(entered: str) -> tuple[bool, str]:
        return entered <= limit, entered

    before: Brought = {}
    later: dict[tuple[str, str], tuple] = {}  # the latest entry in another kit: (rank, kit id)
    for kit_id, remembered in exercise.db.conn.execute(
        "SELECT k.id, k.scores FROM merged_kits k JOIN observers o ON o.id = k.observer_id "
        "WHERE o.name = ? OR k.id = ?", [kit.info.observer, kit.info.id]
    ):
        if kit_id == kit.info.id:
            before = _remembered(remembered)
            continue
        for key, (_, _, entered) in _remembered(remembered).items():
            if key not in later or (rank(entered), kit_id) > later[key]:
                later[key] = (rank(entered), kit_id)
    current, staff = _staff_acts(exercise, kit.info.observer)
    entered_times = kit.entered or ("",) * len(kit.scores)
    texts: dict[tuple[int, int], str] = {}  # Fraction's own hash is slow
    out = _Sorted(brought=dict(before), current=current)
    out.ahead = [(row.post_id, row.criterion_id, _text(texts, row.value), entered)
                 for row, entered in zip(kit.scores, entered_times, strict=True)
                 if entered > limit]
    if not before and not later and not staff:
        # a kit merged for the first time: the usual case, made fast
        out.apply = list(kit.scores)
        out.brought = {
            (row.post_id, row.criterion_id): (_text(texts, row.value), row.comment, entered)
            for row, entered in zip(kit.scores, entered_times, strict=True)
        }
        out.remember = bool(out.brought)
        _sort_out_withdrawn(kit, before, later, rank, out, staff, current)
        return out
    for row, entered in zip(kit.scores, entered_times, strict=True):
        key = (row.post_id, row.criterion_id)
        mine = (_text(texts, row.value), row.comment, entered)
        last = before.get(key)
        if last == mine:
            out.unchanged += 1
            if key in staff and current.get(key) != (mine[0], mine[1]):
                out.staff_stands.append((*key, mine[0]))
            continue
        if last is not None and not last[2] and last[:2] == mine[:2]:
            # remembered from before this version, entry time unknown: the same value is
            # unchanged, and its time is remembered from now on
            out.unchanged += 1
            out.brought[key] = mine
            out.remember = True
            continue
        if last is not None and rank(last[2]) > rank(entered) and (
                (*key, last[0], last[1]) not in kit.history):  # an older copy of this same kit
            # (a copy that held what was brought last is newer, whatever its laptop's clock)
            out.superseded += 1
            out.kept_out.append((*key, mine[0]))
            out.older = True
            continue
        out.newer = out.newer or bool(before)
        out.brought[key] = mine
        out.remember = True
        other = later.get(key)
        if other is not None and other > (rank(entered), kit.info.id):
            out.superseded += 1
            out.overruled += 1
            out.kept_out.append((*key, mine[0]))
            continue
        acted = staff.get(key)
        if acted is not None and rank(acted) > rank(entered) \
                and current.get(key) != (mine[0], mine[1]):
            out.kept_for_staff.append((*key, mine[0]))
            continue
        out.apply.append(row)
    _sort_out_withdrawn(kit, before, later, rank, out, staff, current)
    if before and not out.older:  # what the same kit brought before and this copy never held
        held = {(row.post_id, row.criterion_id) for row in kit.scores} | set(kit.withdrawn)
        out.older = any(value[0] != WITHDRAWN and key not in held
                        for key, value in before.items())
    return out


WITHDRAWN = ""  # the value remembered for a score the kit took back


def _sort_out_withdrawn(kit: KitContents, before: Brought, later: dict, rank, out: _Sorted,
                        staff: dict[tuple[str, str], str], current: dict) -> None:
    """The scores the observer took back in this kit: each is an entry of its own, remembered
    with its time (so that an older copy merged afterwards does not bring the score back), and
    taken back from the exercise unless the observer entered it later in another kit, or the
    directing staff corrected it after it was taken back in the kit.

    Not from an older copy: one that never held what this kit brought last, or took it back
    before it was given again."""
    for key, taken_at in kit.withdrawn.items():
        last = before.get(key)
        if last is not None:
            value, comment, entered = last
            if value == WITHDRAWN or (*key, value, comment) not in kit.history \
                    or (entered and rank(taken_at) <= rank(entered)):
                continue
        out.brought[key] = (WITHDRAWN, "", taken_at)
        out.remember = True
        other = later.get(key)
        if other is not None and other > (rank(taken_at), kit.info.id):
            continue
        acted = staff.get(key)
        if acted is None:
            out.withdraw.append(key)
        elif rank(taken_at) > rank(acted):
            out.withdraw_over_staff.append(key)
        elif key in current:  # corrected since (taken back since: nothing is kept)
            out.withdrawals_kept += 1


def merge_contents(exercise: ExerciseFile, kit: KitContents, path: Path) -> MergeResult:
    """Write a checked kit's scores and notes into the exercise in one transaction.

    What the kit brought is remembered per score, so that merging it again changes only the
    scores the observer changed in it since (see `_sort_out`)."""
    observer = kit.info.observer
    count = "SELECT count(*) FROM notes"
    conn = exercise.db.conn
    with exercise.db.atomic():
        # again here: another kit of the same id may have been merged just before, in this call
        check_same_observer(exercise, kit, str(path))
        known = exercise.observers()
        looks_like = look_alike(observer, known) if observer not in known else None
        sorted_out = _sort_out(exercise, kit, to_text(exercise.now() + CLOCK_TOLERANCE))
        texts: dict[tuple[int, int], str] = {}
        replaced = [(row.post_id, row.criterion_id, old[0], new)
                    for row in sorted_out.apply
                    if (old := sorted_out.current.get((row.post_id, row.criterion_id)))
                    and old[0] != (new := _text(texts, row.value))]
        before = conn.execute(count).fetchone()[0]
        # Every score was checked against the exercise's scenario by `read_for`.
        written = exercise.set_scores(sorted_out.apply, source=f"kit:{observer}", checked=True)
        if sorted_out.remember:
            with exercise._change() as moment:
                remembered = json.dumps(
                    [[*key, *value] for key, value in sorted_out.brought.items()],
                    ensure_ascii=False, separators=(",", ":"),
                )
                conn.execute(
                    "INSERT INTO merged_kits (id, observer_id, scores, first_merged_at, "
                    "last_merged_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                    "scores = excluded.scores, last_merged_at = excluded.last_merged_at",
                    [kit.info.id, exercise._observer_id(observer, moment), remembered, moment,
                     moment],
                )
        for note in kit.notes:
            exercise.add_note(observer, note.kind, note.text, inject_id=note.inject_id,
                              post_id=note.post_id, note_id=note.id)
        added = conn.execute(count).fetchone()[0] - before
        scores_withdrawn, withdrawals_kept = exercise.withdraw_scores(
            observer, sorted_out.withdraw, source=f"kit:{observer}")
        scores_withdrawn += exercise.withdraw_scores(
            observer, sorted_out.withdraw_over_staff, source=f"kit:{observer}",
            any_source=True)[0]
        withdrawals_kept += sorted_out.withdrawals_kept
        kept_for_staff = len(sorted_out.kept_for_staff)
        notes_withdrawn = sum(exercise.withdraw_note(note) for note in kit.withdrawn_notes)
        changes = ScoreChanges(
            written.added, written.replaced,
            written.unchanged + sorted_out.unchanged + sorted_out.superseded + kept_for_staff,
            sorted_out.superseded,
        )
        if changes.added or changes.replaced or added or sorted_out.overruled \
                or scores_withdrawn or notes_withdrawn or withdrawals_kept or kept_for_staff:
            # Merging again changes nothing at all, not even the log.
            ahead = len(sorted_out.ahead)
            withdrawn = ", ".join(f"rút {count} {what}" for count, what in (
                (scores_withdrawn, "điểm"), (notes_withdrawn, "nhận xét")) if count)
            with exercise._change() as moment:
                exercise._log(
                    moment, "merge",
                    f"Gộp bộ phiếu của {observer} ({path.name}): thêm {changes.added}, "
                    f"thay {changes.replaced}, giữ nguyên {changes.unchanged} điểm"
                    + _staff_named(exercise, sorted_out.kept_for_staff)
                    + f"; thêm {added} nhận xét" + (f"; {withdrawn} như trong bộ phiếu"
                                                    if withdrawn else "") + (
                        f"; giữ {withdrawals_kept} điểm đã sửa trong cuộc diễn tập dù bộ phiếu "
                        "đã rút" if withdrawals_kept else "") + (
                        f"; {ahead} điểm có giờ nhập muộn hơn giờ hiện tại (đồng hồ máy của "
                        "bộ phiếu chạy nhanh), không được ưu tiên" if ahead else ""),
                    observer=observer, kit=kit.info.id, file=path.name, added=changes.added,
                    replaced=changes.replaced, unchanged=changes.unchanged,
                    superseded=changes.superseded, notes=added, clock_ahead=ahead,
                    scores_withdrawn=scores_withdrawn, notes_withdrawn=notes_withdrawn,
                    withdrawals_kept=withdrawals_kept, kept_for_staff=kept_for_staff,
                )
    return MergeResult(path, observer, changes, added, kept_out=tuple(sorted_out.kept_out),
                       clock_ahead=tuple(sorted_out.ahead),
                       empty=not (kit.scores or kit.notes or kit.withdrawn or kit.withdrawn_notes),
                       scores_withdrawn=scores_withdrawn, notes_withdrawn=notes_withdrawn,
                       withdrawals_kept=withdrawals_kept,
                       kept_for_staff=tuple(sorted_out.kept_for_staff), replaced=tuple(replaced),
                       staff_stands=tuple(sorted_out.staff_stands),
                       diverged=sorted_out.older and sorted_out.newer, looks_like=looks_like)


def _staff_named(exercise: ExerciseFile, kept: list[tuple[str, str, str]]) -> str:
    """For the merge's log line: the kit's scores kept out for the directing staff's later
    correction or taking back, each named as the log names a score, with the kit's value."""
    if not kept:
        return ""
    titles, numbers = exercise.score_labels()
    named = "; ".join(
        f"{titles[post]}, nội dung {numbers[post, criterion]}: "
        f"{format_score(Fraction(value)).replace('.', ',')}"
        for post, criterion, value in kept[:STAFF_NAMED])
    more = "; …" if len(kept) > STAFF_NAMED else ""
    return (f" (trong đó {len(kept)} điểm nhập trong bộ phiếu trước khi tổ đạo diễn sửa hoặc rút, "
            f"không dùng: {named}{more})")


def _refusal(path: Path, error: Exception) -> MergeResult:
    name = str(path)
    lines = [one_line(line) or type(error).__name__  # each of the kit's problems on its line
             for line in getattr(error, "problems", None) or [str(error)]]
    return MergeResult(path, refused="\n".join(
        line if line.startswith(name) else f"{name}: {line}" for line in lines))


def read_for(exercise: ExerciseFile, path: str | Path) -> KitContents | MergeResult:
    """A kit read and checked against the exercise, or the refusal that says why not."""
    path = Path(path)
    try:
        kit = read_kit(path, str(path), scenario=exercise.scenario,
                       belongs=lambda info: check_belongs(exercise, info, str(path)))
        check_kit_for(exercise, kit, str(path))
    except (FileProblem, ActionError) as error:
        return _refusal(path, error)
    return kit


def merge_kit(exercise: ExerciseFile, path: str | Path) -> MergeResult:
    """Check one kit whole and merge it, or refuse it with a plain line and write nothing."""
    return merge_kits(exercise, [path])[0]


def merge_kits(
    exercise: ExerciseFile,
    paths: Iterable[str | Path],
    progress: Callable[[int, int, MergeResult], bool | None] | None = None,
) -> list[MergeResult]:
    """Check every kit, then write the good ones in one transaction; a refused kit stops nothing.

    `progress(done, total, result)` is called as each kit is refused or merged; returning False
    stops there, keeping what was merged (results then hold only the kits dealt with).
    """
    paths = [Path(p) for p in paths]
    exercise.scores()  # a damaged exercise file is told (FileProblem) before anything is written
    total = len(paths)
    results: dict[int, MergeResult] = {}
    checked: list[tuple[int, KitContents]] = []

    def report(index: int, result: MergeResult) -> bool:
        results[index] = result
        return progress is None or progress(len(results), total, result) is not False

    for index, path in enumerate(paths):
        found = read_for(exercise, path)
        if isinstance(found, MergeResult):
            if not report(index, found):
                return [results[i] for i in sorted(results)]
        else:
            checked.append((index, found))
    # One commit for all: a single sync to disk however many kits, and all or nothing on a crash.
    # The write lock is taken first (BEGIN IMMEDIATE): what the merge reads cannot go stale
    # under a commit from the director's window meanwhile, which would fail the whole merge.
    conn = exercise.db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        with exercise.db.atomic():
            for index, kit in checked:
                try:
                    result = merge_contents(exercise, kit, paths[index])
                except (ActionError, FileProblem) as error:  # the checks above prevent it
                    result = _refusal(paths[index], error)
                if not report(index, result):
                    break
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return [results[i] for i in sorted(results)]
