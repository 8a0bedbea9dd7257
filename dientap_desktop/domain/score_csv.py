"""Reading a CSV of scores typed from paper sheets: every row checked before anything is used."""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from dientap_desktop.domain.scenario import Scenario
from dientap_desktop.domain.text import clean, look_alike, one_line, quoted

HEADER = ("observer", "post", "criterion", "score", "comment")
# Between fields: the comma of the contract, or the semicolon Excel writes when the computer's
# regional settings use a decimal comma (Vietnamese): its scores then read "1,5".
SEPARATORS = (",", ";")
MAX_BYTES = 20 * 1024 * 1024
MAX_OBSERVER = 200  # as in a kit: a longer "name" is a slip (a pasted cell), not a person


class CsvError(ValueError):
    """A CSV that cannot be imported; `problems` holds one plain line per bad row."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class ScoreRow:
    """One checked row: an observer's score of a criterion for a post."""

    line: int
    observer: str
    post_id: str
    criterion_id: str
    value: Fraction
    comment: str = ""


def parse_score(text: str) -> Fraction | None:
    """A score typed with `.` or `,` as decimal mark, or None when it is not a plain number."""
    text = text.strip().replace(",", ".")
    if not text or text.count(".") > 1:
        return None
    if not all(ch.isdigit() or ch in ".-+" for ch in text) or not any(ch.isdigit() for ch in text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return Fraction(number) if number.is_finite() else None


def format_score(value: Fraction) -> str:
    """A score as plain decimal text, without trailing zeros ("2.5", "3")."""
    number = Decimal(value.numerator) / Decimal(value.denominator)
    return format(number.normalize(), "f")


def check_score(scenario: Scenario, post_id: str, criterion_id: str, value: Fraction) -> str | None:
    """Why a score cannot be given to this post and criterion, or None when it can."""
    limit = scenario.score_limits.get((post_id, criterion_id))
    # The common case, in plain integers: merges check tens of thousands of scores.
    if (
        limit is not None
        and value.numerator >= 0
        and value.numerator * limit.denominator <= limit.numerator * value.denominator
    ):
        return None
    known_posts = {p.id for p in scenario.posts}
    if post_id not in known_posts:
        return f'unknown post {quoted(post_id)} (known: {", ".join(sorted(known_posts))})'
    try:
        criterion = scenario.criterion(criterion_id)
    except StopIteration:
        return f"unknown criterion {quoted(criterion_id)}"
    if not criterion.applies_to(post_id):
        return f"criterion {quoted(criterion_id)} does not apply to post {quoted(post_id)}"
    if value < 0:
        return f"score {format_score(value)} is below 0 for criterion {quoted(criterion_id)}"
    if value > criterion.max:
        return (
            f"score {format_score(value)} is over the maximum {format_score(criterion.max)} "
            f"of criterion {quoted(criterion_id)}"
        )
    return None


def read_csv_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a CSV file, or CsvError: a device, a pipe or a folder is refused and the
    size is checked before anything is read (reading /dev/zero would never end)."""
    name = str(path)

    def check(status: os.stat_result) -> None:
        if not stat.S_ISREG(status.st_mode):
            raise CsvError([f"{name}: not a regular file (expected a CSV file)"])
        if status.st_size > MAX_BYTES:
            raise CsvError([f"{name}: the file is larger than {MAX_BYTES // (1024 * 1024)} MB"])

    try:
        check(os.stat(path))  # before opening: opening a named pipe waits for a writer
        with open(path, "rb") as handle:
            check(os.fstat(handle.fileno()))
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise CsvError([f"{name}: cannot read the file ({error.strerror or error})"]) from None


def _header(text: str, separator: str) -> tuple[Any, tuple[str, ...]]:
    """A reader of the text with this separator, past the header, and the header's names; or
    csv.Error when the header cannot be read."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    header = next(reader, None)
    return reader, tuple(clean(h).lower() for h in header or ())


def _reader(text: str, name: str) -> tuple[Any, tuple[str, ...]]:
    """A reader past the header, and the header's names. The header tells the separator: a
    comma (the contract), else a semicolon (Excel in Vietnamese); any other first line is
    refused, saying what is wrong with it."""
    wanted = (HEADER, HEADER[:4])
    try:
        reader, names = _header(text, ",")
    except csv.Error as error:
        comma_error: csv.Error | None = error
    else:
        if names in wanted:
            return reader, names
        comma_error = None
    try:
        reader, names = _header(text, ";")
    except csv.Error:
        names = ()
    if names in wanted:
        return reader, names
    problem = _other_separator(text)
    if problem is None and comma_error is not None:  # told as before
        problem = str(comma_error)
    if problem is None:
        first = text.split("\n", 1)[0]
        joined = ";" if ";" in first and "," not in first else ","
        problem = f"the header must be {joined.join(HEADER)} (comment may be left out)"
    raise CsvError([f"{name}:1: {problem}"])


def _other_separator(text: str) -> str | None:
    """When the first line holds the header's names in order with another separator between
    them (a tab, "|"), a line that says so; else None."""
    first = clean(text.split("\n", 1)[0]).lower()
    parts = re.split(f"({'|'.join(HEADER)})", first)
    names, between = tuple(parts[1::2]), parts[2:-1:2]
    outside = (parts[0] + parts[-1]).strip(" \"'")
    separators = {part.strip(" \"'") for part in between}
    if names not in (HEADER, HEADER[:4]) or outside or len(separators) != 1:
        return None
    separator = separators.pop()
    wanted = ",".join(HEADER)
    if separator == "\t":
        return f'the header is separated by tabs: separate "{wanted}" by commas (or semicolons)'
    if len(separator) == 1 and separator not in SEPARATORS:
        return f'the header is separated by "{separator}": separate "{wanted}" by commas ' \
               "(or semicolons)"
    return None


def _split_score(fields: list[str], columns: int) -> str | None:
    """A score typed with its decimal comma outside quotes in a comma-separated row ("2,5"
    read as a score of 2 and then 5): the score as typed, or None. So read when the row has
    one field too many, or when the header has a comment and the row's comment is digits alone
    after a whole score (a comment nobody writes; a score of 2 there would be wrong)."""
    if len(fields) not in (columns, columns + 1) or len(fields) < 5:
        return None
    whole, decimals = fields[3].strip(), fields[4].strip()
    if not (whole.isascii() and whole.isdigit() and decimals.isascii() and decimals.isdigit()):
        return None
    return f"{whole},{decimals}"


def read_scores_csv(
    data: bytes, name: str, scenario: Scenario, observer: str | None = None,
    unscored: list[int] | None = None,
) -> list[ScoreRow]:
    """The rows of a scores CSV, or CsvError listing every bad row; `observer` fixes the author.

    With an `unscored` list, a row whose score and comment are both empty (a row of
    score_template left unfilled: a post not scored on paper) is left out and its line added
    to the list, instead of being a bad row (the command line stays strict)."""
    if len(data) > MAX_BYTES:
        raise CsvError([f"{name}: the file is larger than {MAX_BYTES // (1024 * 1024)} MB"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        at = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)  # counted after a BOM
        line = data.count(b"\n", 0, at) + 1
        raise CsvError([f"{name}:{line}: not UTF-8 text (byte {at + 1})"]) from None
    if "\x00" in text:
        raise CsvError([f"{name}: not a CSV text file (it holds NUL bytes)"])
    reader, names = _reader(text, name)
    problems: list[str] = []
    rows: list[ScoreRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    line = reader.line_num + 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(f"{name}:{line}: {error}")
            break
        start, line = line, reader.line_num + 1
        if not any(f.strip() for f in fields):
            continue
        split = _split_score(fields, len(names))
        if split:
            problems.append(
                f"{name}:{start}: the score {quoted(split)} has its decimal comma outside "
                f'quotes, which splits it in two fields: write "{split}" in quotes, or '
                f"{split.replace(',', '.')}")
            continue
        if not 4 <= len(fields) <= len(names):
            problems.append(f"{name}:{start}: expected {len(names)} fields, found {len(fields)}")
            continue
        post_id, criterion_id, score_text = (clean(f) for f in fields[1:4])
        who = one_line(fields[0])
        comment = clean(fields[4]) if len(fields) > 4 else ""
        if unscored is not None and not score_text and not comment:
            unscored.append(start)
            continue
        if not who:
            problems.append(f"{name}:{start}: the observer is empty")
            continue
        if len(who) > MAX_OBSERVER:
            problems.append(
                f"{name}:{start}: the observer's name is longer than {MAX_OBSERVER} characters"
            )
            continue
        if observer is not None and who != observer:
            problems.append(
                f"{name}:{start}: observer {quoted(who)} is not this kit's observer "
                f"{quoted(observer)}"
            )
            continue
        value = parse_score(score_text)
        if value is None:
            problems.append(f"{name}:{start}: score {quoted(score_text)} is not a number")
            continue
        problem = check_score(scenario, post_id, criterion_id, value)
        if problem:
            problems.append(f"{name}:{start}: {problem}")
            continue
        key = (who, post_id, criterion_id)
        if key in seen:
            problems.append(
                f"{name}:{start}: a second score of criterion {quoted(criterion_id)} for post "
                f"{quoted(post_id)} by {quoted(who)} (first at line {seen[key]})"
            )
            continue
        seen[key] = start
        rows.append(ScoreRow(start, who, post_id, criterion_id, value, comment))
    if problems:
        raise CsvError(problems)
    return rows


def new_observers(rows: Iterable[ScoreRow], known: Iterable[str]) -> list[tuple[str, str | None]]:
    """The observers of the rows not among the known ones (an import adds them), in the order
    they first come, each with the known name it looks like (a slip of the keyboard?) or None."""
    known = list(known)
    names = dict.fromkeys(row.observer for row in rows if row.observer not in known)
    return [(name, look_alike(name, known)) for name in names]


def score_template(scenario: Scenario, observer: str) -> bytes:
    """A CSV to type scores from paper into: the header, then one row per post and criterion
    the scenario scores, with the observer, the post and the criterion filled in and the score
    and the comment empty, in the order of the printed blank sheets (post by post, criteria as
    numbered on each sheet). UTF-8 with a byte-order mark, for Excel to show Vietnamese; comma
    separated, as read_scores_csv reads it."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for post in scenario.posts:
        for criterion in scenario.criteria_for(post.id):
            writer.writerow((observer, post.id, criterion.id, "", ""))
    return ("\ufeff" + out.getvalue()).encode("utf-8")
