"""The `dientap` command: the window by default, and batch work for staff officers and scripts."""

from __future__ import annotations

import argparse
import errno
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
INFO_COUNTS = ("posts", "injects", "delivered", "decisions", "observers", "evaluations")


class InputProblem(Exception):
    """A problem with an input: each line of `lines` is printed on stderr; exit code 1."""

    def __init__(self, lines: Sequence[str]):
        super().__init__("\n".join(lines))
        self.lines = list(lines)


def _input_errors() -> tuple[type[Exception], ...]:
    from dientap_desktop.domain.scenario_loader import ScenarioError
    from dientap_desktop.domain.score_csv import CsvError
    from dientap_desktop.storage.database import FileProblem
    from dientap_desktop.storage.exercise_file import ActionError

    return (CsvError, ScenarioError, FileProblem, ActionError)


def _lines_of(error: Exception) -> list[str]:
    problems = getattr(error, "problems", None)
    if problems:
        return [str(p) for p in problems]
    return str(error).splitlines() or [type(error).__name__]


def _score_number(value) -> float | None:
    return None if value is None else float(value)


# ------------------------------------------------------------------------------- commands


def no_screen() -> str | None:
    """Why the window cannot open here, before any Qt object is made (Qt would abort the
    process): on Linux and other X11/Wayland systems, no display and no Qt platform given."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("dientap: there is no screen to open the window on (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set); start it from a desktop session, or use the commands "
            "without a window (dientap --help)")


def cmd_gui(args: argparse.Namespace) -> int:
    """Open the desktop window, on a file when one is given."""
    problem = no_screen()
    if problem:
        raise InputProblem([problem])
    from dientap_desktop.app import run_app

    return run_app(args.file)


def cmd_scenarios(args: argparse.Namespace) -> int:
    """List the built-in scenarios: id, kind, injects, title."""
    from dientap_desktop.domain.scenario_loader import builtin_scenario_paths, load_scenario

    for path in builtin_scenario_paths():
        scenario = load_scenario(path)
        print(f"{scenario.id}\t{scenario.kind}\t{len(scenario.injects)}\t{scenario.title}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Check scenario files; print every problem of every file."""
    from dientap_desktop.domain.scenario_loader import ScenarioError, load_scenario

    bad = False
    for name in args.files:
        try:
            scenario = load_scenario(name)
        except ScenarioError as error:
            bad = True
            for problem in error.problems:
                print(problem, file=sys.stderr)
            continue
        print(
            f"{name}: ok ({len(scenario.posts)} posts, {len(scenario.phases)} phases, "
            f"{len(scenario.injects)} injects, {len(scenario.criteria)} criteria)"
        )
        warn_about(name, scenario)
    return EXIT_INPUT if bad else EXIT_OK


def warn_about(name: str, scenario) -> None:
    """Print on stderr what a scenario that can be used may still have wrong (`validate` and
    `new` alike): a scale whose ratings are not its own, media files not there."""
    from dientap_desktop.storage.exercise_file import missing_media

    for warning in scenario.warnings:
        print(warning.as_warning(), file=sys.stderr)
    for inject, medium in missing_media(scenario):
        print(f"{name}: warning: inject {inject}: media file \"{medium}\" not found next "
              "to the scenario (or over 50 MB): the inject shows its name only",
              file=sys.stderr)


def _parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        # Python also reads "20231115" and "2023-W46-3"; the contract says YYYY-MM-DD.
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        shaped = len(text) == 10 and text[4] == text[7] == "-" and \
            text.replace("-", "").isdigit()
        raise InputProblem([f'--date "{text}" is not a date of the form YYYY-MM-DD' if not shaped
                            else f'--date "{text}" is not a day of the calendar']) from None


def cmd_new(args: argparse.Namespace) -> int:
    """Create an exercise file from a scenario."""
    from dientap_desktop.domain.scenario_loader import find_scenario
    from dientap_desktop.storage.exercise_file import ExerciseFile

    day = _parse_date(args.date)
    scenario = find_scenario(args.scenario)
    with ExerciseFile.create(
        args.out, scenario, name=args.name or scenario.title, place=args.place or "", day=day,
        issuer=args.issuer or "", signer=args.signer or "", superior=args.superior or "",
        signer_title=args.signer_title or "",
    ) as exercise:
        print(f"{args.out}: new exercise «{exercise.info.name}» from scenario {scenario.id}")
    warn_about(args.scenario, scenario)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Write a complete demo exercise."""
    from dientap_desktop.demo import DEMO_SCENARIO, make_demo
    from dientap_desktop.domain.scenario_loader import find_scenario

    with make_demo(args.out, find_scenario(DEMO_SCENARIO)) as ex:
        counts = ex.counts()
        print(
            f"{args.out}: demo exercise «{ex.info.name}»: {counts['delivered']} injects delivered, "
            f"{counts['decisions']} decisions, {counts['observers']} observers, "
            f"{counts['evaluations']} scores"
        )
    return EXIT_OK


@contextmanager
def _exercise_for_writing(path: str, check: Callable | None = None, there: str | None = None):
    """An exercise file opened for a command that writes into it, under its lock. Opening an
    older file for writing upgrades it (after a backup copy): `check(exercise)`, the command's
    checks of its input, then runs first on the file read as it is, so that a refused command
    leaves it unchanged, as on a file of this version."""
    from dientap_desktop.locks import held_for_writing
    from dientap_desktop.storage.database import FileProblem
    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.storage.schema import older_than_this_program

    if not Path(path).is_file():  # a folder, a pipe (which would wait for a writer forever)
        raise FileProblem(f"{path}: " + ("not a file" if Path(path).exists() else "no such file"))
    with held_for_writing(path, there=there):
        if check is not None and older_than_this_program(path):
            try:
                as_it_is = ExerciseFile.open(path, readonly=True)
            except FileProblem:
                as_it_is = None  # too old to be read as it is: only upgraded, it can
            if as_it_is is not None:
                with as_it_is:
                    try:
                        check(as_it_is)
                    except sqlite3.Error:  # a table of this version the check reads
                        pass
        with ExerciseFile.open(path) as exercise:
            yield exercise


def cmd_import_scores(args: argparse.Namespace) -> int:
    """Add scores from a CSV to an exercise file or a kit."""
    from dientap_desktop.domain.score_csv import new_observers, read_csv_bytes, read_scores_csv
    from dientap_desktop.locks import held_for_writing
    from dientap_desktop.storage.kit import KitFile, is_kit_path

    csv_path = Path(args.csv)
    data = read_csv_bytes(csv_path)
    added_observers: list[tuple[str, str | None]] = []  # into a kit: only its observer
    if is_kit_path(args.file):
        with held_for_writing(args.file, kit=True), KitFile.open(args.file) as kit:
            # The kit's scenario holds only its posts: a row for another post is a bad row.
            rows = read_scores_csv(data, args.csv, kit.scenario, observer=kit.observer)
            changes = kit.set_scores(rows, source=f"csv:{csv_path.name}")
    else:
        def check(exercise) -> list:
            exercise.check_readable()
            return read_scores_csv(data, args.csv, exercise.scenario)

        with _exercise_for_writing(args.file, check) as exercise:
            rows = check(exercise)
            added_observers = new_observers(rows, exercise.observers())
            changes = exercise.set_scores(rows, source=f"csv:{csv_path.name}")
    print(
        f"{args.csv}: {len(rows)} scores read; {changes.added} added, "
        f"{changes.replaced} replaced, {changes.unchanged} unchanged"
    )
    for name, like in added_observers:  # a name typed differently is another observer
        print(f'{args.csv}: observer "{name}" was new to the exercise and is added' + (
            f'; check the spelling: it looks like "{like}", already in the exercise'
            if like else ""))
    return EXIT_OK


def cmd_withdraw_scores(args: argparse.Namespace) -> int:
    """Take back an observer's scores of one post (all its criteria, or those named) from an
    exercise file or a kit; each stays in the file's history, with a line in the log. A score
    named that is not there (taken back already, or never given) refuses the command, as
    `withdraw-note` refuses a note taken back already."""
    from dientap_desktop.locks import held_for_writing
    from dientap_desktop.storage.kit import KitFile, is_kit_path

    kit_file = is_kit_path(args.file)
    if kit_file:
        with held_for_writing(args.file, kit=True,
                              there="take the score back there (Delete on its cell)"), \
                KitFile.open(args.file) as kit:
            observer, named, taken = _withdrawal(kit, args, [kit.observer], "kit")
            for criterion_id in taken:
                kit.set_score(args.post, criterion_id, None, source="command")
    else:
        def check(exercise) -> tuple[str, list[str], list[str]]:
            exercise.check_readable()
            return _withdrawal(exercise, args, exercise.observers(), "exercise")

        there = "take the scores back there (F12, Enter on the observer's score, then Delete)"
        with _exercise_for_writing(args.file, check, there) as exercise:
            observer, named, taken = check(exercise)
            # all in one transaction, each with its line in the log
            exercise.withdraw_scores(observer, [(args.post, c) for c in taken], "command",
                                     any_source=True)
    print(f"{args.file}: {len(taken)} score(s) of {observer} for post {args.post} taken back"
          + (f"; {len(named) - len(taken)} had no score" if len(taken) < len(named) else ""))
    return EXIT_OK


def _withdrawal(opened, args: argparse.Namespace, known: list[str],
                what: str) -> tuple[str, list[str], list[str]]:
    """The observer of `withdraw-scores` as the file (`what`: exercise or kit) knows the name,
    the criteria named (all of the post's by default) and those of them the observer has a
    score for, to take back, checked; InputProblem naming what is wrong."""
    from dientap_desktop.domain.text import look_alike, one_line, quoted

    observer = one_line(args.observer)
    spaced = [k for k in known if k.split() == observer.split()]  # "Trung  tá B"
    if observer not in known and len(spaced) == 1:
        observer = spaced[0]
    if observer not in known:
        like = look_alike(observer, known)
        raise InputProblem([f"{args.file}: no observer {quoted(observer)} in this {what} ("
                            + (f"did you mean {quoted(like)}? " if like else "")
                            + f"known: {', '.join(known) or 'none'})"])
    scenario = opened.scenario
    posts = {p.id for p in scenario.posts}
    if args.post not in posts:
        raise InputProblem([f"{args.file}: unknown post {quoted(args.post)} (known: "
                            f"{', '.join(sorted(posts))})"])
    applying = [c.id for c in scenario.criteria_for(args.post)]
    if args.criteria is not None and not args.criteria.strip(" ,"):
        raise InputProblem([f"{args.file}: --criteria names no criterion (leave it out to "
                            f"take back every score of the post)"])
    named = list(dict.fromkeys(c.strip() for c in args.criteria.split(",") if c.strip())) \
        if args.criteria is not None else applying
    wrong = [c for c in named if c not in applying]
    if wrong:
        raise InputProblem([f"{args.file}: criterion {quoted(c)} does not apply to post "
                            f"{quoted(args.post)} (its criteria: {', '.join(applying)})"
                            for c in wrong])
    scored = {s.criterion_id for s in opened.scores()
              if s.post_id == args.post and s.observer == observer}
    taken = [c for c in named if c in scored]
    unscored = [c for c in named if c not in scored]
    gone = "taken back already, or never given; nothing was changed"
    if args.criteria is not None and unscored:  # named one by one: each must be there
        raise InputProblem([f"{args.file}: {observer} has no score of criterion {quoted(c)} "
                            f"for post {quoted(args.post)} to take back ({gone})"
                            for c in unscored])
    if not taken:
        raise InputProblem([f"{args.file}: {observer} has no score for post "
                            f"{quoted(args.post)} to take back ({gone})"])
    return observer, named, taken


def cmd_withdraw_note(args: argparse.Namespace) -> int:
    """Take back observers' notes from the after-action report, by their numbers in `dientap
    info FILE` (a note keeps its number: notes are numbered in the order they came in); each
    stays in the file, with a line in the log."""
    def check(exercise) -> list:
        exercise.check_readable()
        numbered = {number: (note, withdrawn)
                    for number, note, withdrawn in exercise.numbered_notes()}
        wanted = list(dict.fromkeys(args.numbers))
        problems = [f"{args.file}: no note {n} (the exercise's notes are numbered 1 to "
                    f"{len(numbered)}, as `dientap info {args.file}` lists them)"
                    if n not in numbered else
                    f"{args.file}: note {n} of {numbered[n][0].observer} is already taken back "
                    f"(a note keeps its number); nothing was changed"
                    for n in wanted if n not in numbered or numbered[n][1]]
        if problems:  # all checked before any goes
            raise InputProblem(problems)
        return [(n, numbered[n][0]) for n in wanted]

    there = "take the note back there (F12, the tab of the observers' notes, then Delete)"
    with _exercise_for_writing(args.file, check, there) as exercise:
        chosen = check(exercise)
        for _number, note in chosen:
            exercise.withdraw_note(note)
    for number, note in chosen:
        print(f"{args.file}: note {number} of {note.observer} taken back: "
              f"{' '.join(note.text.split())}")
    return EXIT_OK


def exercise_info(exercise) -> dict:
    """What an exercise file holds, with the scores, as `info --json` prints it."""
    info = exercise.info
    results = exercise.results()
    return {
        "kind": "exercise",
        "exercise": {
            "id": info.id,
            "name": info.name,
            "place": info.place,
            "date": info.date.isoformat() if info.date else None,
            "scenario": info.scenario_id,
            "status": info.status,
        },
        "counts": exercise.counts(),
        "posts": [
            {
                "id": p.post.id,
                "title": p.post.title,
                "complete": p.complete,
                "score": _score_number(p.score),
                "rating": p.rating,
                "missing": list(p.missing),
            }
            for p in results.posts
        ],
        "total": {
            "complete": results.complete,
            "score": _score_number(results.score),
            "rating": results.rating,
        },
    }


def _print_info_text(data: dict, observer: str | None,
                     notes: list[tuple[int, object, bool]]) -> None:
    ex = data["exercise"]
    label = "Observer kit" if data["kind"] == "kit" else "Exercise"
    print(f"{label}: {ex['name']}")
    print(f"  place: {ex['place'] or '-'}   date: {ex['date'] or '-'}   status: {ex['status']}")
    print(f"  scenario: {ex['scenario']}")
    if observer is not None:
        print(f"  observer: {observer}")
    print("  " + ", ".join(f"{k}: {v}" for k, v in data["counts"].items()))
    for post in data["posts"]:
        score = f"{post['score']:.2f} {post['rating']}" if post["complete"] else (
            "missing " + ", ".join(post["missing"])
        )
        print(f"  {post['id']:<16} {post['title']}: {score}")
    total = data["total"]
    if total["complete"]:
        print(f"  total: {total['score']:.2f} {total['rating']}")
    else:
        print("  total: not complete")
    listed = [(number, note) for number, note, withdrawn in notes if not withdrawn]
    taken_back = [str(number) for number, _note, withdrawn in notes if withdrawn]
    if listed or taken_back:
        how = "" if data["kind"] == "kit" else (  # the numbers `withdraw-note` takes
            " (numbered in the order they came in; a note taken back keeps its number"
            + (f": {', '.join(taken_back)} taken back" if taken_back else "") + ")")
        print(f"  notes: {len(listed)}{how}")
    for number, note in listed:  # what the after-action report will say, and who said it
        about = " ".join(filter(None, (note.inject_id, note.post_id)))
        text = " ".join(note.text.split())
        print(f"    {number}. {note.kind} ({note.observer}{', ' + about if about else ''}): "
              f"{text}")


def cmd_info(args: argparse.Namespace) -> int:
    """Print what a file holds, with the scores."""
    from types import SimpleNamespace

    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.storage.kit import KitFile, is_kit_path

    observer = None
    if is_kit_path(args.file):
        with KitFile.open(args.file, readonly=True) as kit:
            # The kit's own scores over its own posts, in the same shape as an exercise's.
            view = SimpleNamespace(info=kit.exercise_info, results=kit.results, counts=kit.counts)
            data = exercise_info(view)
            data["kind"] = "kit"
            observer = kit.observer
            notes = [(number, note, False) for number, note in enumerate(kit.notes(), 1)]
    else:
        with ExerciseFile.open(args.file, readonly=True) as exercise:
            data = exercise_info(exercise)
            notes = exercise.numbered_notes()
    # Exactly the keys and types cli.md shows, for kits too: scripts may compare them whole.
    data["counts"] = {key: data["counts"].get(key, 0) for key in INFO_COUNTS}
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print_info_text(data, observer, notes)
    return EXIT_OK


def cmd_kit(args: argparse.Namespace) -> int:
    """Write an observer kit."""
    from contextlib import nullcontext

    from dientap_desktop.storage.exercise_file import ActionError, ExerciseFile
    from dientap_desktop.storage.kit import make_kit, observer_name, parse_posts

    try:
        observer = observer_name(args.observer)
    except ActionError as error:
        raise InputProblem([f"--observer: {error}"]) from None
    with ExerciseFile.open(args.file, readonly=True) as exercise:
        exercise.check_readable()
        posts = parse_posts(args.posts, exercise.scenario)
        lock = nullcontext()
        if args.force and Path(args.out).exists():  # a kit open in an observer's window?
            from dientap_desktop.locks import held_for_writing

            lock = held_for_writing(args.out, kit=True, there="")  # its observer's window
        with lock:
            out = make_kit(exercise, observer, args.out, posts, overwrite=args.force)
        chosen = posts or [p.id for p in exercise.scenario.posts]
    print(f'{out}: kit for observer "{observer}", posts {", ".join(chosen)}')
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    """Bring observers' kits into the exercise file; print a line per kit and the disagreements."""
    from dientap_desktop.storage.merge import MergeResult, disagreements, merge_kits, read_for

    def check(exercise) -> None:
        exercise.check_readable()  # a damaged exercise is told as itself, not as each kit's
        refused = [read_for(exercise, kit) for kit in args.kits]
        if all(isinstance(r, MergeResult) for r in refused):  # not one kit to merge
            raise InputProblem([r.summary() for r in refused])

    with _exercise_for_writing(args.file, check) as exercise:
        exercise.check_readable()
        results = merge_kits(exercise, args.kits)
        flagged = disagreements(exercise.results())
    for result in results:
        print(result.summary(), file=sys.stdout if result.merged else sys.stderr)
    if flagged:
        print("Observers disagree (scores differ by more than a quarter of the maximum):")
        for item in flagged:
            print(f"  {item.summary()}")
    return EXIT_OK if all(r.merged for r in results) else EXIT_INPUT


def cmd_report(args: argparse.Namespace) -> int:
    """Write the PDFs (scoring, blank, summary, log, aar, or those named by --only)."""
    from dientap_desktop.reports.export import (
        ReportsNotMade,
        UnknownReport,
        export_reports,
        parse_keys,
    )
    from dientap_desktop.storage.exercise_file import ExerciseFile, file_kind

    try:
        keys = parse_keys(args.only)
    except UnknownReport as error:
        raise InputProblem([f"--only: {error}"]) from None
    if file_kind(args.file) == "kit":  # its observer's blank sheets, for scoring on paper
        from dientap_desktop.storage.kit import KitFile

        if keys != ("blank",):
            raise InputProblem([f"{args.file}: an observer kit has no reports but its blank "
                                "sheets (--only blank); merge it into the exercise file and "
                                "report from that"])
        opened = KitFile.open(args.file, readonly=True)
    else:
        opened = ExerciseFile.open(args.file, readonly=True)
    with opened:
        snapshot = opened.snapshot()
    try:
        written = export_reports(snapshot, args.out, keys)
    except ReportsNotMade as problem:
        for path in problem.written:
            print(path)
        why = {True: "its content could not be laid out on the pages",
               False: "the program failed"}
        raise InputProblem([  # a file that could not be written: as any other command tells it
            f"{Path(args.out) / f.filename}: "
            + (f.error if f.file else f"not written: {why[f.layout]} ({f.error})")
            for f in problem.failures]) from None
    for path in written:
        print(path)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    """Copy an exercise file or a kit whole, also while a window has it open."""
    from dientap_desktop.storage.exercise_file import ExerciseFile, file_kind

    if file_kind(args.file) == "kit":
        from dientap_desktop.storage.kit import KitFile

        opened = KitFile.open(args.file, readonly=True)
    else:
        opened = ExerciseFile.open(args.file, readonly=True)
    with opened:
        from dientap_desktop.temporary import WriteFailed

        try:
            out = opened.save_copy(args.out)
        except WriteFailed as error:  # named by the copy, or by its folder
            raise InputProblem([f"{error}; {args.file} is unchanged"]) from None
        except (sqlite3.Error, OSError) as error:  # the target's disk or folder, not the file
            raise InputProblem([f"{args.out}: the copy cannot be written ({error}); "
                                f"{args.file} is unchanged"]) from None
    print(f"{out}: a copy of {args.file}")
    return EXIT_OK


# ------------------------------------------------------------------------------- parsing


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `dientap`."""
    from dientap_desktop import __version__

    parser = argparse.ArgumentParser(
        prog="dientap",
        description="Run a Vietnamese defence exercise: the window, and batch work on its files.",
    )
    parser.add_argument("--version", action="version", version=f"dientap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", help="open the desktop app (on an exercise file or a kit)")
    p.add_argument("file", nargs="?",
                   help="an exercise file (.dientap) or an observer kit (.dtkit)")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("scenarios", help="list the built-in scenarios")
    p.set_defaults(func=cmd_scenarios)

    p = sub.add_parser("validate", help="check scenario files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("new", help="create an exercise file from a scenario")
    p.add_argument("scenario", metavar="SCENARIO", help="a built-in scenario id or a path")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--name", metavar="TEXT")
    p.add_argument("--place", metavar="TEXT")
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.add_argument("--issuer", metavar="TEXT", help="the issuing body, top left of the PDFs")
    p.add_argument("--signer", metavar="TEXT", help="the full name under its signature")
    p.add_argument("--signer-title", metavar="TEXT",
                   help="the signer's own title when not the head's, e.g. \"Phó Chủ tịch\" "
                        "(signs KT. for the head)")
    p.add_argument("--superior", metavar="TEXT",
                   help="the body directly above the issuer (cơ quan chủ quản), printed over it")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("demo", help="write a complete demo exercise")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("kit", help="write an observer kit for one observer")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--observer", required=True, metavar="NAME")
    p.add_argument("--posts", metavar="ID,ID")
    p.add_argument("--out", required=True, metavar="KIT")
    p.add_argument("--force", action="store_true", help="replace KIT if it exists")
    p.set_defaults(func=cmd_kit)

    p = sub.add_parser("import-scores", help="add scores from a CSV to an exercise file or a kit")
    p.add_argument("file", metavar="FILE")
    p.add_argument("csv", metavar="CSV")
    p.set_defaults(func=cmd_import_scores)

    p = sub.add_parser("withdraw-scores", help="take back an observer's scores of a post "
                                               "(they stay in the file's history)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--observer", required=True, metavar="NAME")
    p.add_argument("--post", required=True, metavar="ID")
    p.add_argument("--criteria", metavar="ID,ID", help="only these criteria (all by default)")
    p.set_defaults(func=cmd_withdraw_scores)

    p = sub.add_parser("withdraw-note", help="take back observers' notes from the after-action "
                                             "report (they stay in the file)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("numbers", nargs="+", type=int, metavar="N",
                   help="the note's number as `dientap info FILE` lists it (notes are "
                        "numbered in the order they came in; a note taken back keeps its "
                        "number)")
    p.set_defaults(func=cmd_withdraw_note)

    p = sub.add_parser("merge", help="bring observers' kits into the exercise file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("kits", nargs="+", metavar="KIT")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("report", help="write the PDFs: scoring, blank, summary, log, aar")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--only", metavar="KEY,KEY")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("backup", help="copy an exercise file or a kit whole, even while it is "
                                      "open in a window")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--out", required=True, metavar="COPY", help="a new file")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("info", help="what a file holds, with the scores")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_info)
    return parser


class _OutputNobodyReads:
    """Standard output that a reader which went away (`dientap merge F K | head -1`) does not
    fail: the command goes on and its exit code tells what it did (a closed pipe is not a
    problem with the file); what it still prints is dropped."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            self._drop_if_gone(error)
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            self._drop_if_gone(error)

    def _drop_if_gone(self, error: OSError) -> None:
        """A closed pipe (on Windows told as "invalid argument"): drop; anything else raises."""
        if not (isinstance(error, BrokenPipeError) or error.errno == errno.EINVAL):
            if error.filename is None:  # told as the output's problem, not the file's
                error.filename = "standard output"
            raise error
        self._drop()

    def _drop(self) -> None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self._stream.fileno())  # also for the flush when Python exits
        os.close(devnull)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _plain_streams() -> None:
    """UTF-8 output whatever the console, no crash in a windowed build without streams, and no
    failure when the reader of the output goes away."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    if sys.stdout is not None and sys.stdout is sys.__stdout__:  # not output a caller captures
        sys.stdout = _OutputNobodyReads(sys.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    """Run `dientap` with these arguments; returns the exit code."""
    _plain_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui"])
    try:
        return args.func(args)
    except InputProblem as problem:
        lines = problem.lines
    except _input_errors() as error:
        lines = _lines_of(error)
    except OSError as error:
        # a write to a full disk names no file: then where the command writes
        where = error.filename or getattr(args, "out", None) or getattr(args, "file", None)
        lines = [f"{where or ''}: {error.strerror or error}".lstrip(": ")]
    except sqlite3.Error as error:  # the disk, not the program: full, read-only, locked, ...
        where = getattr(args, "file", None) or getattr(args, "out", None) or "dientap"
        from dientap_desktop.storage.database import sqlite_problem

        lines = [f"{sqlite_problem(str(where), error, where)}; nothing was changed"]
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: one plain line, the traceback only when asked for
        if os.environ.get("DIENTAP_DEBUG"):
            raise
        lines = [f"dientap: unexpected error: {type(error).__name__}: {error}"]
    for line in lines:
        print(line, file=sys.stderr)
    return EXIT_INPUT
