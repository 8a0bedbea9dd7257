"""A YAML file's lines counted as an editor counts them; its syntax errors told in plain words."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass

import yaml

from dientap_desktop.domain.text import printable, quoted

# What YAML (libyaml and PyYAML alike) takes for the end of a line, where an editor and
# `sed -n Np` go on with the same line: a lone carriage return, NEL (U+0085), LINE SEPARATOR
# (U+2028) and PARAGRAPH SEPARATOR (U+2029). A file whose lines all end with a lone "\r" (as an
# old Mac saved them) is read by editors line by line at each "\r": there the "\r" counts.
_YAML_ONLY_BREAKS = {"\n": re.compile("\r(?!\n)|[\x85\u2028\u2029]"),
                     "\r": re.compile("[\x85\u2028\u2029]")}


class Lines:
    """The lines of a text as an editor numbers them: YAML's own count (a Mark's line) runs one
    ahead past each break only YAML sees, so a mark's line is its YAML line less those breaks
    before it. Real files hold none, or a few pasted ones: their places are kept in an array."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.separator = "\n" if "\n" in text or "\r" not in text else "\r"
        breaks = _YAML_ONLY_BREAKS[self.separator]
        self.yaml_only = array("q", (m.start() for m in breaks.finditer(text))
                               if any(c in text for c in "\r\x85\u2028\u2029") else ())

    def of(self, mark: yaml.Mark) -> int:
        """The 1-based line where a YAML mark is."""
        return mark.line + 1 - bisect_left(self.yaml_only, mark.index)

    def at(self, index: int) -> int:
        """The 1-based line of a character of the text."""
        return self.text.count(self.separator, 0, index) + 1

    def start(self, index: int) -> int:
        """Where the line of a character starts."""
        return self.text.rfind(self.separator, 0, index) + 1

    def hidden_break(self, index: int) -> int | None:
        """Where a break only YAML sees stands in the line of a character, before it; or None."""
        n = bisect_left(self.yaml_only, index)
        if n and self.yaml_only[n - 1] >= self.start(index):
            return self.yaml_only[n - 1]
        return None


@dataclass(frozen=True)
class Told:
    """A YAML error in plain words, and where the user must look: the line, and which path of
    the fields read so far names the place ("collection": the list or mapping being read,
    "current": the value being read in it, "last": the last field read in it)."""

    line: int
    message: str
    place: str = "current"
    key: str | None = None  # the field named at the start of the line, when YAML read no further
    # The column where the line named starts, when YAML stopped while reading the line, before
    # it closed the lists and mappings that the line's indentation ends
    column: int | None = None


UNDEFINED_ALIAS = ('a "*" refers to an anchor (&) that does not exist: put text that starts '
                   'with * in quotes')
DUPLICATE_ANCHOR = "two anchors (&) have the same name"
TAB = "a tab character in the indentation: indent with spaces only"
SOMETHING_AFTER = "something follows a value on its line"

# What libyaml or PyYAML says ("context, problem", matched whole), told at the problem's mark.
_PLAIN = [
    (r"found undefined alias.*", UNDEFINED_ALIAS),
    (r".*found duplicate anchor.*", DUPLICATE_ANCHOR),
    (r"expected a single document in the stream.*",
     'the file holds more than one document: remove the second "---"'),
    (r".*found unknown escape character.*",
     'a "\\" in double quotes starts an unknown code: write "\\\\" or use single quotes'),
    (r".*(?:invalid Unicode character escape code|did not find expected hexdecimal number"
     r"|expected escape sequence of).*",
     "a \\x, \\u or \\U code in double quotes is not valid"),
    (r"(?:.*%YAML|.*%TAG|.*directive|found incompatible YAML document|found extremely long "
     r"version number|found duplicate tag handle).*",
     "a YAML directive (a line that starts with %) is written wrongly"),
    (r"while scanning an? (?:alias|anchor).*",
     "the name of an anchor (&) or reference (*) is written wrongly: put text that starts "
     "with & or * in quotes"),
    (r"(?:while (?:scanning|parsing) a tag|.*undefined tag handle).*",
     "a YAML tag (!) is written wrongly"),
    (r"while scanning a block scalar.*", "a block of text (| or >) is written wrongly"),
    (r".*(?:did not find expected node content|expected the node content).*",
     "a value is missing, or starts with a character not allowed here"),
    (r".*(?:did not find expected <document start>|expected '<document start>').*",
     "the lines at the top level are not aligned: start them at the beginning of the line"),
    (r".*(?:block )?sequence entries are not allowed.*", 'a list item "-" is not allowed here'),
    (r".*mapping keys are not allowed.*", 'a "?" is not allowed here'),
    (r".*found unexpected document indicator.*", 'a "---" or "..." line is not allowed here'),
    (r".*found unexpected end of stream.*", "the file ends in the middle of a value"),
    (r".*(?:did not find expected comment or line break|expected a comment or a line break)"
     r".*", SOMETHING_AFTER),
]
_PLAIN_COMPILED = [(re.compile(pattern, re.DOTALL), message) for pattern, message in _PLAIN]
_NO_SPACE_AFTER_DASH = re.compile(r"\s*-[^\s-]")
_NEXT_LINE_ALIGNED = re.compile(r"(?:did not find expected key|did not find expected '-' "
                                r"indicator|expected <block end>).*")


def told(error: yaml.YAMLError, lines: Lines,
         last_scalar: yaml.ScalarEvent | None = None) -> Told:
    """A YAML error in plain words at the line where the user must look (one not known here in
    YAML's words). `last_scalar` is the last scalar read before the error, if any."""
    problem = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    said = ", ".join(x for x in (getattr(error, "context", None),
                                 getattr(error, "problem", None)) if x)
    text = lines.text
    for mark in (problem, context):
        hidden = lines.hidden_break(mark.index) if mark is not None else None
        if hidden is not None and not (  # one in quotes is text, as the file means it
                last_scalar is not None and last_scalar.style in ('"', "'")
                and last_scalar.start_mark.index < hidden < last_scalar.end_mark.index):
            before = text[lines.start(hidden):hidden].strip()
            if len(before) > 30:  # the words just before it, the first one whole
                before = before[-30:].split(" ", 1)[-1]
            return Told(lines.at(hidden),
                        f"the line holds an invisible line break (U+{ord(text[hidden]):04X}) "
                        f"after {quoted(before)}, which YAML takes for the end of the line: "
                        "delete it", "collection")
    if problem is None:
        return _unknown(error, lines, said)
    at = text[problem.index:problem.index + 1]
    context_text = getattr(error, "context", None) or ""
    problem_text = getattr(error, "problem", None) or ""
    if at == "\t" or "tab character" in problem_text:
        return Told(lines.of(problem), TAB, "collection")
    if "cannot start any token" in problem_text:
        return Told(lines.of(problem),
                    f"a value cannot start with {quoted(at)}: put the text in quotes")
    if "quoted scalar" in context_text and "end of stream" in problem_text \
            and context is not None:
        return Told(lines.of(context), f"the quote ({text[context.index]}) opened on this line "
                                       "is never closed")
    if "could not find expected ':'" in problem_text and context is not None:
        return Told(lines.of(context), 'the line has no ":" after its field name (a text that '
                                       "goes on from the line above must be indented further)",
                    "collection", column=context.column)
    if "mapping values are not allowed" in problem_text:
        return _colon(problem, lines)
    if context_text.startswith("while parsing a flow "):  # told where the "[" or "{" opens
        return Told(lines.of(context or problem),
                    'a list in [ ] lacks a "," or its closing "]"' if "sequence" in context_text
                    else 'fields in { } lack a "," or the closing "}"', "collection")
    if context_text.startswith("while parsing a block ") and \
            _NEXT_LINE_ALIGNED.fullmatch(problem_text):
        return _misplaced(problem, lines, last_scalar, "mapping" in context_text)
    for pattern, message in _PLAIN_COMPILED:
        if pattern.fullmatch(said):
            return Told(lines.of(problem), message)
    return _unknown(error, lines, said)


def _unknown(error: yaml.YAMLError, lines: Lines, said: str) -> Told:
    """An error none of the above knows, in YAML's own words."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return Told(lines.of(mark) if mark is not None else 0,
                f"not valid YAML: {printable(said or type(error).__name__, 200)}")


def _colon(problem: yaml.Mark, lines: Lines) -> Told:
    """A ":" where YAML allows no field: in a value ("title: Bước 1: ..."), after a dash with no
    space ("-id: a"), or starting a field on a line indented as if it went on with the line
    above."""
    start = lines.start(problem.index)
    before = lines.text[start:problem.index]
    line = lines.of(problem)
    dash = 'a "-" that starts a list item must be followed by a space'
    if _NO_SPACE_AFTER_DASH.match(before):
        return Told(line, dash, "collection")
    field = re.match(r"\s*(?:- +)?([^\s:#][^:#]*?):\s", before)
    if field:
        return Told(line, 'the value holds ": ", which YAML reads as another field: put the '
                          "whole value in quotes", key=field[1])
    above = lines.text[:start].rstrip().rsplit(lines.separator, 1)[-1]
    if _NO_SPACE_AFTER_DASH.match(above):  # "-id: a" is a field "-id" whose value goes on below
        return Told(line - 1, dash, "collection")
    return Told(line, "the line is indented further than the line above it: align it with the "
                      "fields it belongs with", "collection")


def _misplaced(problem: yaml.Mark, lines: Lines, last_scalar: yaml.ScalarEvent | None,
               mapping: bool) -> Told:
    """Something YAML did not expect in a list or a mapping: a value in quotes that ends on
    this line though opened on an earlier one (a quote left open there), a line not aligned
    with its neighbours, or something after a value."""
    line = lines.of(problem)
    if last_scalar is not None and last_scalar.style in ('"', "'"):
        opened, closed = lines.of(last_scalar.start_mark), lines.of(last_scalar.end_mark)
        if opened < closed == line:
            return Told(opened, f"the quote ({last_scalar.style}) opened on this line is closed "
                                f"only on line {closed}: close it on this line", "last")
    if lines.text[lines.start(problem.index):problem.index].strip():
        return Told(line, SOMETHING_AFTER, "last")
    if mapping:
        return Told(line, "the line is not aligned with the fields above it: check its "
                          "indentation", "collection")
    return Told(line, 'the line is not aligned with the list items above it: start a new item '
                      'with "- ", or indent it as the other fields of its item', "collection")


def reader_problem(error: yaml.reader.ReaderError, lines: Lines) -> tuple[int, str]:
    """A character YAML does not allow in a file: its line and what to say."""
    if "characters are not allowed" in str(error.reason):
        return lines.at(error.position), "the text holds a control character, which is not allowed"
    return lines.at(error.position), f"not valid YAML: {printable(str(error.reason), 200)}"
