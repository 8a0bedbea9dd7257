"""Reading a CSV of scores typed from paper sheets: every row checked before anything is used."""

from __future__ import annotations

import bisect
import csv
import io
import itertools
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from dientap_desktop.domain.scenario import Scenario
from dientap_desktop.domain.text import clean, look_alike, one_line, printable, quoted

HEADER = ("observer", "post", "criterion", "score", "comment")
# Between fields: the comma of the contract, or the semicolon Excel writes when the computer's
# regional settings use a decimal comma (Vietnamese): its scores then read "1,5".
SEPARATORS = (",", ";")
MAX_BYTES = 20 * 1024 * 1024
# how a spreadsheet program's own file starts: a zip (.xlsx, .ods) or an OLE file (.xls)
WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
MAX_OBSERVER = 200  # as in a kit: a longer "name" is a slip (a pasted cell), not a person


class CsvError(ValueError):
    """A CSV that cannot be imported; `problems` holds one plain line per bad row, and `places`
    the post and criterion a bad row names, by its line, where its problem is with them (the
    window names them as it shows them)."""

    def __init__(self, problems: list[str], places: dict[int, tuple[str, str]] | None = None):
        super().__init__("\n".join(problems))
        self.problems = problems
        self.places = places or {}


@dataclass(frozen=True)
class ScoreRow:
    """One checked row: an observer's score of a criterion for a post."""

    line: int
    observer: str
    post_id: str
    criterion_id: str
    value: Fraction
    # None: the CSV says nothing of the comment (it has no comment column, or the row no cell
    # for it), and the comment already given stays; "" takes it away
    comment: str | None = ""


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


class _Text:
    """A CSV's text cut in lines as the csv module reads it (a line ends with \\n, \\r\\n or
    \\r), with the offset each line starts at: a problem is told on its line."""

    def __init__(self, text: str):
        self.text = text
        self.lines = io.StringIO(text, newline="").readlines()
        self.starts = list(itertools.accumulate(map(len, self.lines), initial=0))

    def line_of(self, offset: int) -> int:
        """The number (from 1) of the line a character is on; the last line for the end."""
        return min(bisect.bisect_right(self.starts, offset), max(len(self.lines), 1))

    def reader(self, skipped: int, separator: str) -> Any:
        """A csv reader of the lines after the first `skipped` ones."""
        lines = self.lines
        return csv.reader((lines[i] for i in range(skipped, len(lines))), delimiter=separator,
                          strict=True)


@dataclass
class _Cell:
    """A cell of a row as the csv module reads it: its place in the row, where it starts (at
    its opening quote, if quoted) and where it ends (past its closing quote)."""

    index: int
    start: int
    end: int = 0
    quoted: bool = False


@dataclass
class _Scan:
    """A row read as the csv module reads it: its cells, where it ends (past its line end), and
    the first thing wrong with it, if any: a quote that closes a cell before the cell's end
    ("misplaced", `at` the quote), a quote never closed ("unclosed"), or a cell longer than
    the csv module reads ("long")."""

    cells: list[_Cell] = field(default_factory=list)
    end: int = 0
    problem: str | None = None
    at: int = 0


_UNQUOTED_END = {s: re.compile(f"[{re.escape(s)}\r\n]") for s in SEPARATORS}


def _scan(text: str, pos: int, separator: str) -> _Scan:
    """The row that starts at `pos`, read cell by cell as the csv module does (strict, quotes
    doubled inside a quoted cell), to tell where its quotes went wrong."""
    scan, size, limit = _Scan(), len(text), csv.field_size_limit()
    while True:
        cell = _Cell(len(scan.cells), pos)
        scan.cells.append(cell)
        if text.startswith('"', pos):
            cell.quoted = True
            at = text.find('"', pos + 1)
            while at >= 0 and text.startswith('""', at):
                at = text.find('"', at + 2)
            if at < 0:
                cell.end = scan.end = size
                scan.problem, scan.at = "unclosed", pos
                return scan
            length = at - pos - 1
            if length > limit:  # counted as read: a doubled quote is one character
                length = len(text[pos + 1:at].replace('""', '"'))
            pos = at + 1
        else:
            stop = _UNQUOTED_END[separator].search(text, pos)
            at = stop.start() if stop else size
            length, pos = at - pos, at
        cell.end = pos
        if length > limit and scan.problem is None:
            scan.problem, scan.at = "long", cell.start
        if text.startswith(separator, pos):
            pos += 1
        elif pos < size and text[pos] not in "\r\n":  # after a closing quote
            scan.problem, scan.at = "misplaced", pos - 1
            return scan
        else:
            scan.end = pos + (2 if text.startswith("\r\n", pos) else 1 if pos < size else 0)
            return scan


def _cell_name(index: int, names: tuple[str, ...]) -> str:
    """A cell named by its column in the header ("the score cell"), or counted from 1."""
    return f"the {names[index]} cell" if index < len(names) else f"cell {index + 1}"


def _example(index: int, names: tuple[str, ...]) -> str:
    """A cell of that column written in quotes, as it should be."""
    return '"2,5"' if index < len(names) and names[index] == "score" else '"Tốt, kịp thời"'


def _rows_of_their_own(source: _Text, first: int, last: int, separator: str) -> bool:
    """Whether the lines `first` to `last` read as rows of their own, not as the following
    lines of a cell written over several lines: each, read alone, has at least four cells and
    its quotes only around whole cells; the last may open a quote it does not close (the one
    that closed the cell before). A cell's last line holds its closing quote, which read alone
    is inside a cell: so a cell over several lines is never taken for rows."""
    seen = False
    for number in range(first, last + 1):
        line = source.lines[number - 1]
        if not line.strip():
            continue
        scan = _scan(line, 0, separator)
        if len(scan.cells) < 4 or scan.problem not in (None, "long") and not (
                scan.problem == "unclosed" and number == last):
            return False
        if any('"' in line[c.start:c.end] for c in scan.cells if not c.quoted):
            return False
        seen = True
    return seen


def _quote_trouble(source: _Text, skipped: int, separator: str, names: tuple[str, ...],
                   failed: bool) -> tuple[int, str, int] | None:
    """What went wrong with the quotes of the row after the first `skipped` lines, which the
    csv module could not read (`failed`) or read over several lines: the line to tell, what to
    tell, and how many lines of the file to skip before reading rows again (all of them when
    the rest cannot be read as rows). None for a row over several lines that reads well.

    A quote left open reads the following lines into its cell: when those lines are rows of
    their own, the quote was meant to close on its line, and they are read again as rows."""
    text, total = source.text, len(source.lines)
    scan = _scan(text, source.starts[skipped], separator)
    for cell in scan.cells:
        if not cell.quoted:
            continue
        opened = source.line_of(cell.start)
        unclosed = scan.problem == "unclosed" and cell is scan.cells[-1]
        closed = total if unclosed else source.line_of(
            scan.at if scan.problem == "misplaced" and cell is scan.cells[-1] else cell.end - 1)
        if closed > opened and _rows_of_their_own(source, opened + 1, closed, separator):
            where, example = _cell_name(cell.index, names), _example(cell.index, names)
            read = (f"is never closed, so the rest of the file, lines {opened} to {total}, was "
                    if unclosed else
                    f"is not closed on this line, so lines {opened} to {closed} were ")
            return (opened, f'a quote (") opens {where} and {read}read as that one cell: close '
                            f"it at the end of the cell, as in {example}", opened)
    cell = scan.cells[-1]
    where, example = _cell_name(cell.index, names), _example(cell.index, names)
    if scan.problem == "unclosed":
        opened = source.line_of(cell.start)
        if opened == total:
            told = f'a quote (") opens {where} and is never closed'
        else:
            told = (f'a quote (") opens {where} and is never closed, so the rest of the file, '
                    f"lines {opened} to {total}, was read as that one cell")
        return opened, f"{told}: close it at the end of the cell, as in {example}", total
    if scan.problem == "misplaced":
        line = source.line_of(scan.at)
        start = max(cell.start, source.starts[line - 1])
        stop = _UNQUOTED_END[separator].search(text, scan.at + 1)
        before, after = text[start:scan.at], text[scan.at:stop.start() if stop else len(text)]
        if len(before) > 24:
            before = "…" + before[-23:]
        if len(after) > 16:
            after = after[:15] + "…"
        return (line, f'a quote (") is misplaced in {where} («{printable(before + after)}»): '
                      f"quotes go around a whole cell, as in {example}, and a quote inside a "
                      'cell is typed twice ("")', line)
    if scan.problem == "long":
        return (source.line_of(scan.at),
                f"a cell is longer than {csv.field_size_limit()} characters",
                source.line_of(scan.end - 1) if scan.end else total)
    if not failed:
        return None
    return skipped + 1, 'the quotes (") of this line cannot be read', skipped + 1


def _records(source: _Text, skipped: int, separator: str,
             names: tuple[str, ...]) -> Iterator[tuple[int, list[str] | str]]:
    """The rows after the first `skipped` lines, each with the line it starts on: its cells,
    or what is wrong with its quotes. Reading goes on after a quote problem, on the next line
    that starts a row (a row's cell can hold line breaks, in quotes)."""
    total = len(source.lines)
    while skipped < total:
        reader = source.reader(skipped, separator)
        read = skipped  # the lines read so far
        try:
            for fields in reader:
                start, read = read + 1, skipped + reader.line_num
                trouble = None
                if read > start:  # over several lines: a quote left open?
                    trouble = _quote_trouble(source, start - 1, separator, names, failed=False)
                if trouble is None:
                    yield start, fields
                    continue
                line, problem, skipped = trouble
                yield line, problem
                break
            else:
                return
        except csv.Error:
            line, problem, after = _quote_trouble(source, read, separator, names, failed=True)
            yield line, problem
            skipped = max(after, read + 1)


def _layout(source: _Text, name: str) -> tuple[str, tuple[str, ...], int]:
    """The separator, the header's names and the lines the header takes. The header tells the
    separator: a comma (the contract), else a semicolon (Excel in Vietnamese); any other first
    line is refused, saying what is wrong with it."""
    wanted = (HEADER, HEADER[:4])
    quotes_wrong = False
    for separator in SEPARATORS:
        reader = source.reader(0, separator)
        try:
            header = next(reader, None)
        except csv.Error:
            quotes_wrong = quotes_wrong or separator == ","
            continue
        names = tuple(clean(h).lower() for h in header or ())
        if names in wanted:
            return separator, names, reader.line_num
    problem = _other_separator(source.text)
    if problem is None and quotes_wrong:
        trouble = _quote_trouble(source, 0, ",", (), failed=True)
        raise CsvError([f"{name}:{trouble[0]}: {trouble[1]}"])
    if problem is None:
        first = source.text.split("\n", 1)[0]
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


def _columns_wrong(fields: list[str], names: tuple[str, ...], separator: str) -> str:
    """Why a row has not the header's columns: separated otherwise than the header (the rows
    pasted from a file saved with other settings), or with a cell too many or too few."""
    other = SEPARATORS[1 - SEPARATORS.index(separator)]
    if len(fields) == 1 and fields[0].count(other) >= 3:
        words = {",": "commas", ";": "semicolons"}
        return (f"this line separates its columns with {words[other]} and the header with "
                f"{words[separator]}: use the same in every line")
    return f"the header has {len(names)} columns and this line {len(fields)}"


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
    to the list, instead of being a bad row (the command line stays strict).

    A quote typed wrong is told on its line, in words, and the rows after it are still checked:
    after a quote left open, from the line after it when the lines it swallowed are rows of
    their own (a cell over several lines, as Excel writes it, stays one cell)."""
    if len(data) > MAX_BYTES:
        raise CsvError([f"{name}: the file is larger than {MAX_BYTES // (1024 * 1024)} MB"])
    if data.startswith(WORKBOOKS):  # the sheet typed in, chosen as it was saved
        raise CsvError([f'{name}: this is a spreadsheet workbook, not a CSV file: in Excel, save '
                        f'it as "CSV UTF-8"'])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        at = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)  # counted after a BOM
        line = data.count(b"\n", 0, at) + 1
        raise CsvError([f'{name}:{line}: not UTF-8 text (byte {at + 1}): in Excel, save it as '
                        f'"CSV UTF-8"']) from None
    if "\x00" in text:
        raise CsvError([f"{name}: this is not a CSV text file"])
    source = _Text(text)
    separator, names, skipped = _layout(source, name)
    problems: list[str] = []
    places: dict[int, tuple[str, str]] = {}
    rows: list[ScoreRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    for start, fields in _records(source, skipped, separator, names):
        if isinstance(fields, str):  # its quotes: told, and the rows after it still checked
            problems.append(f"{name}:{start}: {fields}")
            continue
        if not any(f.strip() for f in fields):
            continue
        split = _split_score(fields, len(names))
        if split:
            problems.append(
                f"{name}:{start}: the score {quoted(split)} has its decimal comma outside "
                f'quotes, which splits it into two columns: write "{split}" in quotes, or '
                f"{split.replace(',', '.')}")
            continue
        if not 4 <= len(fields) <= len(names):
            problems.append(f"{name}:{start}: {_columns_wrong(fields, names, separator)}")
            continue
        post_id, criterion_id, score_text = (clean(f) for f in fields[1:4])
        who = one_line(fields[0])
        comment = clean(fields[4]) if len(fields) > 4 else None  # None: the one given stays
        if unscored is not None and not score_text and not comment:
            unscored.append(start)
            continue
        if not who:
            problems.append(f"{name}:{start}: the observer's name is missing")
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
            problems.append(f"{name}:{start}: " + (
                f"score {quoted(score_text)} is not a number" if score_text
                else "the score is empty: type it, or delete the line"))
            continue
        problem = check_score(scenario, post_id, criterion_id, value)
        if problem or (who, post_id, criterion_id) in seen:
            places[start] = (post_id, criterion_id)
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
        raise CsvError(problems, places)
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
