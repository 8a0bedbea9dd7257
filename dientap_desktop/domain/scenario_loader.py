"""Reads a `dientap/1` scenario file, checks every rule of the format and builds the Scenario."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

import yaml

from dientap_desktop import paths
from dientap_desktop.domain.scenario import (
    FORMAT,
    KINDS,
    LEVELS,
    LOCALITY_STATES,
    READINESS_STATES,
    Criterion,
    Inject,
    Phase,
    Post,
    Rating,
    Scale,
    Scenario,
    StateChange,
)
from dientap_desktop.domain.text import clean, nfc, printable, quoted
from dientap_desktop.domain.yaml_syntax import (
    DUPLICATE_ANCHOR,
    UNDEFINED_ALIAS,
    Lines,
    reader_problem,
    told,
)

MAX_FILE_BYTES = 5_000_000  # 5 MB as the contract says (not 5 MiB)
MAX_ALIASED_NODES = 100_000  # nodes reached a second time through an alias
# Characters of text (every value and field name) once aliases are written out: twice what the
# largest file allowed holds without them. A real scenario repeats a few lists through aliases
# (kilobytes); every part of the program (the scenario's JSON copy in the exercise file and the
# kits, the window, the PDFs) is made to carry a 5 MB file's text, so twice that keeps them in
# the same order of size, while a file of a 1 MB text aliased a thousand times (1 GB once
# written out), or nested lists of aliases, is refused before any of it is built. The node limit
# above does not see this: it counts nodes, whatever text each one holds.
MAX_EXPANDED_TEXT = 2 * MAX_FILE_BYTES
MAX_DEPTH = 50  # nesting of lists and mappings; a real scenario needs about 6

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = yaml.SafeLoader("")  # only its scalar helpers are used, on plain scalar text
_YAML_TAG = "tag:yaml.org,2002:"
_MERGE_TAG = _YAML_TAG + "merge"
# Timestamps are kept as their text; "value" is the plain scalar "=".
_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp", "value", "merge"}
_ID = re.compile(r"[a-z0-9-]{1,64}")
_HHMM = re.compile(r"([0-9]+):([0-5][0-9])")
_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a scenario file, located by line and field path."""

    file: str
    line: int  # 1-based; 0 when the problem concerns the whole file
    path: str  # e.g. "injects[3].targets[1]"; empty for the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"

    def as_warning(self) -> str:
        """The line of something a usable scenario may have wrong, as `dientap` warns of it:
        "file:line: warning: path: message"."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: warning: " + (f"{self.path}: " if self.path else "") + self.message


class ScenarioError(Exception):
    """A scenario file that cannot be used, with every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


# --- YAML nodes with line numbers ------------------------------------------------------------


@dataclass(eq=False)
class _Scalar:
    line: int
    tag: str  # "str", "int", "float", "bool", "null" or "timestamp"
    text: str  # as written, in NFC
    plain: bool = False  # written without quotes


@dataclass(eq=False)
class _Seq:
    line: int
    items: list[_Node]


@dataclass(eq=False)
class _Map:
    line: int
    fields: dict[str, tuple[int, _Node]]  # key -> (line of the key, value)


_Node = _Scalar | _Seq | _Map
_Fields = dict[str, tuple[_Node, str]]  # field name -> (value, path)


class _Fatal(Exception):
    """A problem that stops reading the file at once."""

    def __init__(self, line: int, path: str, message: str) -> None:
        super().__init__(message)
        self.line, self.path, self.message = line, path, message


# YAML keeps a LINE or PARAGRAPH SEPARATOR (U+2028, U+2029: pasted from a word processor or a
# web page) inside a text, where it is a line break like "\n", which the format allows in any
# text ("|"); but no font draws it (a PDF shows a gap): it is read as "\n".
_SEPARATORS = str.maketrans("\u2028\u2029", "\n\n")


def _text_as_read(value: str) -> str:
    """A scalar's text in NFC, its line and paragraph separators made "\n"."""
    value = nfc(value)
    return value.translate(_SEPARATORS) if "\u2028" in value or "\u2029" in value else value


def _join(path: str, key: str) -> str:
    key = printable(key)
    return f"{path}.{key}" if path else key


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag


class _Converter:
    """Turns composed YAML nodes into line-numbered plain nodes, never building Python objects."""

    def __init__(self, report: _Reporter, lines: Lines) -> None:
        self.report = report
        self.lines = lines
        self.seen: set[int] = set()
        self.open: set[int] = set()  # collections being converted, to catch recursive aliases
        self.aliased = 0

    def convert(self, node: yaml.Node, path: str, depth: int = 0,
                extension: bool = False) -> _Node:
        """The plain node of `node`; inside an `x-` extension (never read) a duplicate field, a
        field named by a list, or a tag of the extension's own is let be, but the limits on
        aliases and nesting and the refusal of Python tags hold there as everywhere."""
        line = self.lines.of(node.start_mark)
        if id(node) in self.open:
            raise _Fatal(line, path, "an alias refers to a collection that contains it")
        if id(node) in self.seen:
            self.aliased += 1
            if self.aliased > MAX_ALIASED_NODES:
                raise _Fatal(line, "", f"too many aliased nodes (more than {MAX_ALIASED_NODES:,})")
        else:
            self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _Fatal(line, path, f"nested too deeply (more than {MAX_DEPTH} levels)")
        tag = node.tag.removeprefix(_YAML_TAG)
        if isinstance(node, yaml.ScalarNode) and tag in _SCALAR_TAGS:
            tag = {"value": "str", "merge": "str"}.get(tag, tag)
            return _Scalar(line, tag, _text_as_read(node.value), plain=not node.style)
        if not (
            isinstance(node, yaml.SequenceNode)
            and tag == "seq"
            or isinstance(node, yaml.MappingNode)
            and tag == "map"
        ) and (not extension or tag.startswith("python/")):
            raise _Fatal(
                line,
                path,
                f"unsupported YAML tag {quoted(_short_tag(node.tag))} "
                "(only text, numbers, true/false, lists and mappings are allowed)",
            )
        if isinstance(node, yaml.ScalarNode):  # an extension's own tag: its text is enough
            return _Scalar(line, "str", _text_as_read(node.value))
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                items = [
                    self.convert(n, f"{path}[{i}]", depth + 1, extension)
                    for i, n in enumerate(node.value)
                ]
                return _Seq(line, items)
            return self._mapping(node, line, path, depth, extension)
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, line: int, path: str, depth: int,
                 extension: bool) -> _Map:
        fields: dict[str, tuple[int, _Node]] = {}
        merges: list[tuple[yaml.Node, _Node]] = []
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _MERGE_TAG:
                merges.append((value_node, self.convert(value_node, path, depth + 1, extension)))
                continue
            key = self.convert(key_node, path, depth + 1, extension)
            if not isinstance(key, _Scalar):
                if extension:
                    continue
                self.report(
                    key.line, path, f"a field name must be plain text, found {_describe(key)}"
                )
                continue
            name = key.text
            ignored = extension or name.startswith("x-")
            if name in fields:
                if ignored:
                    continue
                self.report(
                    key.line,
                    _join(path, name),
                    f"duplicate field {quoted(name)} (first at line {fields[name][0]})",
                )
                continue
            fields[name] = (key.line,
                            self.convert(value_node, _join(path, name), depth + 1, ignored))
        # Merge keys ("<<: *defaults") fill in what the mapping does not set itself.
        for source_node, merged in merges:
            sources = merged.items if isinstance(merged, _Seq) else [merged]
            for source in sources:
                if not isinstance(source, _Map):
                    if extension:
                        continue
                    self.report(
                        self.lines.of(source_node.start_mark),
                        path,
                        f'"<<" must merge a mapping, found {_describe(source)}',
                    )
                    continue
                for name, entry in source.fields.items():
                    fields.setdefault(name, entry)
        return _Map(line, fields)


def _expected(name: str, known: tuple[str, ...]) -> str:
    """What was expected instead of an unknown field: the one it is likely a typo of, or the
    fields that may be there."""
    close = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.6)
    if close:
        return f"(did you mean {quoted(close[0])}?)"
    return f"(known: {', '.join(known)})"


def _describe(node: _Node) -> str:
    """What a node is, for messages: 'text "abc"', 'a list', ..."""
    if isinstance(node, _Seq):
        return "a list"
    if isinstance(node, _Map):
        return "a mapping"
    shown = printable(node.text)
    return {
        "str": f"text {quoted(node.text)}",
        "int": f"the number {shown}",
        "float": f"the number {shown}",
        "bool": f"the true/false value {shown}",
        "null": "nothing",
        "timestamp": f"the date {quoted(node.text)}",
    }[node.tag]


def _singular(what: str) -> str:
    return "criterion" if what == "criteria" else what.removesuffix("s")


def _known(ids: Iterable[str]) -> str:
    return ", ".join(printable(i) for i in ids) or "none"


# --- checking --------------------------------------------------------------------------------


class _Reporter:
    """Collects the problems of one file."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []  # what the file may have wrong, though it can be used

    def __call__(self, line: int, path: str, message: str) -> None:
        self.problems.append(Problem(self.filename, line, path, message))

    def warn(self, line: int, path: str, message: str) -> None:
        self.warnings.append(Problem(self.filename, line, path, message))


@dataclass
class _Ids:
    """The ids of one list (posts, phases, ...), to check uniqueness and references."""

    what: str  # "post", "phase", ...
    first: dict[str, int]  # id -> line where it first appears
    valid: bool = True  # False when the list itself is unusable: references are not checked

    def known(self) -> str:
        return _known(self.first)


class _Checker:
    """Walks the plain nodes of one file, reports every problem and builds the Scenario."""

    def __init__(self, report: _Reporter, base_dir: Path | None = None) -> None:
        self.report = report
        self.base_dir = base_dir  # the scenario's folder, when it is read from a file

    # generic pieces

    def fields(
        self, node: _Map, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> _Fields:
        """The known fields of a mapping; reports unknown and missing ones."""
        found: _Fields = {}
        for name, (key_line, value) in node.fields.items():
            here = _join(path, name)
            if name in required or name in optional:
                if name in required or not (isinstance(value, _Scalar) and value.tag == "null"):
                    found[name] = (value, here)
            elif not name.startswith("x-"):
                self.report(key_line, here,
                            f"unknown field {quoted(name)} {_expected(name, required + optional)}")
        for name in required:
            if name not in node.fields:
                self.report(node.line, _join(path, name), f"missing required field {quoted(name)}")
        return found

    def mapping(self, node: _Node, path: str, what: str) -> _Map | None:
        if isinstance(node, _Map):
            return node
        self.report(node.line, path, f"expected a mapping ({what}), found {_describe(node)}")
        return None

    def sequence(self, node: _Node, path: str, what: str, *, non_empty: bool) -> list[_Node]:
        if not isinstance(node, _Seq):
            self.report(node.line, path, f"expected a list of {what}, found {_describe(node)}")
            return []
        if non_empty and not node.items:
            self.report(node.line, path, f"empty list (expected at least one {_singular(what)})")
        return node.items

    def text(self, node: _Node, path: str, *, required: bool = True) -> str:
        """Text of a scalar, NFC and trimmed; numbers and true/false count as their text."""
        if isinstance(node, _Scalar) and node.tag != "null":
            value = clean(node.text)
            if required and not value:
                self.report(node.line, path, "empty text (expected non-empty text)")
            return value
        self.report(node.line, path, f"expected text, found {_describe(node)}")
        return ""

    def written(self, node: _Node, path: str) -> str:
        """A scalar's text exactly as written, not trimmed nor normalised: ids and the format
        must be exactly what the contract says, so " id " or "id\\n" is not an id."""
        if isinstance(node, _Scalar) and node.tag != "null":
            if not node.text.strip():
                self.report(node.line, path, "empty text (expected non-empty text)")
                return ""
            return node.text
        self.report(node.line, path, f"expected text, found {_describe(node)}")
        return ""

    def optional_text(self, found: _Fields, name: str) -> str | None:
        if name not in found:
            return None
        return self.text(*found[name], required=False) or None

    def ident(self, node: _Node, path: str) -> str:
        value = self.written(node, path)
        if value and not _ID.fullmatch(value):
            self.report(
                node.line,
                path,
                f"invalid id {quoted(value)} (expected 1 to 64 characters of a-z, 0-9 and -)",
            )
        return value

    def choice(self, node: _Node, path: str, what: str, allowed: tuple[str, ...]) -> str:
        value = self.text(node, path)
        if value and value not in allowed:
            self.report(
                node.line,
                path,
                f"unknown {what} {quoted(value)} (expected one of: {', '.join(allowed)})",
            )
        return value

    def number(self, node: _Node, path: str, *, positive: bool,
               zero: bool = False) -> Fraction | None:
        """A YAML int or float as an exact Fraction; > 0 when positive (or >= 0 with zero), else
        any finite value."""
        expected = ("a number >= 0" if zero else "a number > 0") if positive else "a number"
        value = _number_value(node)
        if value is None:
            hint = ""
            if isinstance(node, _Scalar) and _DECIMAL_COMMA.fullmatch(node.text.strip()):
                hint = f" (write decimals with a dot: {node.text.strip().replace(',', '.')})"
            elif isinstance(node, _Scalar) and node.tag == "str" and not node.plain \
                    and _DECIMAL.fullmatch(node.text.strip()):
                hint = f" (write the number without quotes: {node.text.strip()})"
            self.report(node.line, path, f"expected {expected}, found {_describe(node)}{hint}")
        elif positive and (value < 0 if zero else value <= 0):
            self.report(node.line, path, f"expected {expected}, found {_describe(node)}")
            return None
        return value

    def register(self, ids: _Ids, node: _Node, path: str) -> str:
        """Check an item's id and that it is unique in its list."""
        value = self.ident(node, path)
        # An id refused for its spaces (" p1") is known trimmed, so that the references to it
        # ("p1") are not reported as unknown too.
        key = value if _ID.fullmatch(value) else clean(value)
        if key in ids.first:
            self.report(
                node.line, path, f"duplicate id {quoted(value)} (first at line {ids.first[key]})"
            )
        elif key:
            ids.first[key] = node.line
        return value

    def references(self, node: _Node, path: str, ids: _Ids, *, non_empty: bool,
                   repeats: bool = False) -> tuple[str, ...]:
        """A list of ids of another list, each known; none repeated, or with `repeats` a repeat
        counts as one (the contract forbids repeats only in inject.targets)."""
        result: list[str] = []
        first: dict[str, int] = {}
        for i, item in enumerate(self.sequence(node, path, f"{ids.what} ids", non_empty=non_empty)):
            here = f"{path}[{i}]"
            value = self.written(item, here)
            if not value:
                continue
            if value in first:
                if repeats:
                    continue
                self.report(
                    item.line,
                    here,
                    f"repeated {ids.what} {quoted(value)} (first at line {first[value]})",
                )
                continue
            first[value] = item.line
            self.reference(item, here, value, ids)
            result.append(value)
        return tuple(result)

    def reference(self, node: _Node, path: str, value: str, ids: _Ids) -> None:
        if ids.valid and value and value not in ids.first:
            self.report(
                node.line, path, f"unknown {ids.what} {quoted(value)} (known: {ids.known()})"
            )

    def items(self, top: _Fields, name: str, what: str) -> list[tuple[_Map, str]]:
        """The mappings of a required top-level list, with their paths."""
        if name not in top:
            return []
        node, path = top[name]
        result = []
        for i, item in enumerate(self.sequence(node, path, what, non_empty=True)):
            mapping = self.mapping(item, f"{path}[{i}]", _singular(what))
            if mapping is not None:
                result.append((mapping, f"{path}[{i}]"))
        return result

    # the scenario

    def scenario(self, root: _Map) -> Scenario:
        top = self.fields(
            root,
            "",
            ("format", "id", "title", "kind", "level", "posts", "phases", "injects", "criteria"),
            ("summary", "scale"),
        )
        if "format" in top:
            node, path = top["format"]
            value = self.written(node, path)
            if value and value != FORMAT:
                self.report(
                    node.line, path, f'unsupported format {quoted(value)} (expected "{FORMAT}")'
                )
        post_ids, phase_ids, inject_ids = _Ids("post", {}), _Ids("phase", {}), _Ids("inject", {})
        for ids, name in ((post_ids, "posts"), (phase_ids, "phases"), (inject_ids, "injects")):
            ids.valid = name in top and isinstance(top[name][0], _Seq)
        post_items = self.items(top, "posts", "posts")
        posts = [self.post(node, path, post_ids) for node, path in post_items]
        if posts and len(posts) == len(top["posts"][0].items) and not any(p.weight for p in posts):
            self.report(top["posts"][0].line, "posts",
                        "every post has weight 0: the exercise total would be undefined "
                        "(expected at least one weight > 0)")
        phases = [
            self.phase(node, path, phase_ids) for node, path in self.items(top, "phases", "phases")
        ]
        injects = [
            self.inject(node, path, inject_ids, post_ids, phase_ids)
            for node, path in self.items(top, "injects", "injects")
        ]
        criteria_ids = _Ids("criterion", {})
        criteria: list[Criterion] = []
        covered: set[str] | None = set()
        for node, path in self.items(top, "criteria", "criteria"):
            criterion, posts_ok = self.criterion(node, path, criteria_ids, post_ids, inject_ids)
            criteria.append(criterion)
            if covered is not None and posts_ok:
                covered.update(criterion.posts if criterion.posts is not None else post_ids.first)
            else:
                covered = None  # a criterion's posts are unreadable: coverage is unknown
        if criteria and covered is not None:
            for (node, path), post in zip(post_items, posts, strict=True):
                if post.id and _ID.fullmatch(post.id) and post.id not in covered:
                    self.report(node.line, path, f"no criterion applies to post {quoted(post.id)}")
        return Scenario(
            id=self.ident(*top["id"]) if "id" in top else "",
            title=self.text(*top["title"]) if "title" in top else "",
            kind=self.choice(*top["kind"], "kind", KINDS) if "kind" in top else "",
            level=self.choice(*top["level"], "level", LEVELS) if "level" in top else "",
            posts=tuple(posts),
            phases=tuple(phases),
            injects=tuple(injects),
            criteria=tuple(criteria),
            summary=self.optional_text(top, "summary"),
            scale=self.scale(*top["scale"]) if "scale" in top else Scale(),
        )

    def post(self, node: _Map, path: str, ids: _Ids) -> Post:
        found = self.fields(node, path, ("id", "title"), ("unit", "weight"))
        weight = Fraction(1)
        if "weight" in found:
            given = self.number(*found["weight"], positive=True, zero=True)
            weight = weight if given is None else given
        return Post(
            id=self.register(ids, *found["id"]) if "id" in found else "",
            title=self.text(*found["title"]) if "title" in found else "",
            unit=self.optional_text(found, "unit"),
            weight=weight,
        )

    def phase(self, node: _Map, path: str, ids: _Ids) -> Phase:
        found = self.fields(node, path, ("id", "title"))
        return Phase(
            id=self.register(ids, *found["id"]) if "id" in found else "",
            title=self.text(*found["title"]) if "title" in found else "",
        )

    def inject(self, node: _Map, path: str, ids: _Ids, posts: _Ids, phases: _Ids) -> Inject:
        found = self.fields(
            node,
            path,
            ("id", "phase", "title", "text", "targets"),
            ("at", "scenario_time", "source", "expected", "notes", "media", "state"),
        )
        inject_id = self.register(ids, *found["id"]) if "id" in found else ""
        phase = ""
        if "phase" in found:
            phase_node, phase_path = found["phase"]
            phase = self.written(phase_node, phase_path)
            self.reference(phase_node, phase_path, phase, phases)
        targets: tuple[str, ...] = ()
        if "targets" in found:
            targets = self.references(*found["targets"], posts, non_empty=True)
        # a target mistyped ("cong-anh") is told once: not again as the answer key of the post
        # meant ("cong-an") not being a target
        meant = {p for p in posts.first if p not in targets} \
            if posts.valid and any(t not in posts.first for t in targets) else set()
        expected = self.expected(*found["expected"], targets, meant) \
            if "expected" in found else {}
        return Inject(
            id=inject_id,
            phase=phase,
            title=self.text(*found["title"]) if "title" in found else "",
            text=self.text(*found["text"]) if "text" in found else "",
            targets=targets,
            at=self.at(*found["at"]) if "at" in found else None,
            scenario_time=self.optional_text(found, "scenario_time"),
            source=self.optional_text(found, "source"),
            expected=expected,
            notes=self.optional_text(found, "notes"),
            media=self.media(*found["media"]) if "media" in found else (),
            state=self.state(*found["state"]) if "state" in found else None,
        )

    def at(self, node: _Node, path: str) -> int | None:
        """Planned minutes: "HH:MM" (quoted, or unquoted which YAML 1.1 reads as a number)."""
        if isinstance(node, _Scalar) and node.tag in ("str", "int") \
                and len(node.text) <= MAX_NUMBER_TEXT:
            match = _HHMM.fullmatch(node.text.strip())
            if match and int(match[1]) < MAX_AT_HOURS:
                return int(match[1]) * 60 + int(match[2])
            if node.tag == "int" and ":" not in node.text:
                written = node.text.strip()  # "045" is 45 minutes, not YAML 1.1's octal 37
                minutes = int(written) if written.isdigit() else _number_value(node)
                if minutes is not None and 0 <= minutes < MAX_AT_HOURS * 60:
                    return int(minutes)
        self.report(
            node.line,
            path,
            f'invalid time: found {_describe(node)} (expected "HH:MM" with minutes below 60, '
            "or a whole number of minutes >= 0)",
        )
        return None

    def expected(
        self, node: _Node, path: str, targets: tuple[str, ...], meant: set[str] = frozenset()
    ) -> dict[str, tuple[str, ...]]:
        mapping = self.mapping(node, path, "target post id -> list of expected actions")
        if mapping is None:
            return {}
        result: dict[str, tuple[str, ...]] = {}
        for post_id, (key_line, value) in mapping.fields.items():
            here = _join(path, post_id)
            if post_id not in targets:
                if not post_id.startswith("x-") and post_id not in meant:
                    self.report(
                        key_line,
                        here,
                        f"{quoted(post_id)} is not a target of this inject "
                        f"(targets: {_known(targets)})",
                    )
                continue
            actions = self.sequence(value, here, "expected actions", non_empty=True)
            result[post_id] = tuple(self.text(a, f"{here}[{i}]") for i, a in enumerate(actions))
        return result

    def media(self, node: _Node, path: str) -> tuple[str, ...]:
        result = []
        for i, item in enumerate(self.sequence(node, path, "file paths", non_empty=False)):
            here = f"{path}[{i}]"
            value = self.text(item, here)
            parts = re.split(r"[/\\]", value)
            if value.startswith(("/", "\\")) or _WINDOWS_DRIVE.match(value):
                self.report(
                    item.line,
                    here,
                    f"absolute path {quoted(value)} (expected a path relative "
                    "to the scenario's folder)",
                )
            elif any(ord(c) < 32 for c in value):
                self.report(
                    item.line,
                    here,
                    f"path {quoted(value)} holds a control character (a file name cannot)",
                )
            elif ".." in parts:
                self.report(
                    item.line,
                    here,
                    f'path {quoted(value)} leaves the scenario\'s folder (".." is not allowed)',
                )
            elif value and self.base_dir is not None:
                outside = media_outside(self.base_dir, value)
                if outside is not None:
                    self.report(
                        item.line,
                        here,
                        f"path {quoted(value)} is a link to a file outside the scenario's "
                        f"folder ({quoted(str(outside))}); copy the file into the folder",
                    )
            result.append(value)
        return tuple(result)

    def state(self, node: _Node, path: str) -> StateChange | None:
        mapping = self.mapping(node, path, "readiness and/or locality")
        if mapping is None:
            return None
        found = self.fields(mapping, path, (), ("readiness", "locality"))
        if not found:
            self.report(node.line, path, "empty state (expected readiness and/or locality)")
        states = {"readiness": READINESS_STATES, "locality": LOCALITY_STATES}
        values = {
            name: self.choice(value, here, name, states[name])
            for name, (value, here) in found.items()
        }
        return StateChange(**values)

    def criterion(
        self, node: _Map, path: str, ids: _Ids, posts: _Ids, injects: _Ids
    ) -> tuple[Criterion, bool]:
        """A criterion, and whether its posts could be read (for the coverage check)."""
        found = self.fields(node, path, ("id", "text", "max", "posts"), ("injects",))
        applies: tuple[str, ...] | None = ()
        posts_ok = "posts" in found
        if posts_ok:
            posts_node, posts_path = found["posts"]
            if isinstance(posts_node, _Seq):
                applies = self.references(posts_node, posts_path, posts, non_empty=True,
                                          repeats=True)
            elif isinstance(posts_node, _Scalar) and clean(posts_node.text) == "all":
                applies = None
            else:
                posts_ok = False
                self.report(
                    posts_node.line,
                    posts_path,
                    f'expected "all" or a list of post ids, found {_describe(posts_node)}',
                )
        maximum = Fraction(1)
        if "max" in found:
            maximum = self.number(*found["max"], positive=True) or maximum
        criterion = Criterion(
            id=self.register(ids, *found["id"]) if "id" in found else "",
            text=self.text(*found["text"]) if "text" in found else "",
            max=maximum,
            posts=applies,
            injects=(
                self.references(*found["injects"], injects, non_empty=False, repeats=True)
                if "injects" in found
                else ()
            ),
        )
        return criterion, posts_ok

    def scale(self, node: _Node, path: str) -> Scale:
        mapping = self.mapping(node, path, "max and ratings")
        if mapping is None:
            return Scale()
        # Either part alone takes the default for the other (the contract's example is the
        # default), and the rules then hold across the two.
        default = Scale()
        found = self.fields(mapping, path, (), ("max", "ratings"))
        maximum: Fraction | None = default.max
        max_text = f"{printable(str(default.max))} (the default)"
        if "max" in found:
            maximum = self.number(*found["max"], positive=True)
            max_text = _text_of(found["max"][0])
        ratings: list[Rating] = []
        if "ratings" not in found:
            if maximum is None:
                return default
            over = [r for r in default.ratings if r.min > maximum]
            if over:
                self.report(
                    found["max"][0].line,
                    found["max"][1],
                    f"max {max_text} is below the default ratings' min "
                    f"{printable(format(float(over[0].min), 'g'))} (give scale.ratings too)",
                )
                return default
            if maximum != default.max:  # the contract: the default ratings, as they are
                self.report.warn(
                    found["max"][0].line,
                    found["max"][1],
                    f"the scale's max is {max_text}, not {default.max}, and no ratings are "
                    "given: the default ratings apply as they are ("
                    + ", ".join(f"{r.label} ≥ {printable(format(float(r.min), 'g'))}"
                                for r in default.ratings)
                    + "), not scaled to it; give scale.ratings for this scale",
                )
            return Scale(max=maximum, ratings=default.ratings)
        ratings_node, ratings_path = found["ratings"]
        previous: tuple[Fraction, str] | None = None
        last: tuple[Fraction, _Node, str] | None = None
        for i, item in enumerate(
            self.sequence(ratings_node, ratings_path, "ratings", non_empty=True)
        ):
            here = f"{ratings_path}[{i}]"
            last = None
            rating = self.mapping(item, here, "label and min")
            if rating is None:
                continue
            fields = self.fields(rating, here, ("label", "min"))
            label = self.text(*fields["label"]) if "label" in fields else ""
            if "min" not in fields:
                continue
            min_node, min_path = fields["min"]
            value = self.number(min_node, min_path, positive=False)
            if value is None:
                continue
            shown = _text_of(min_node)
            if previous is not None and value >= previous[0]:
                self.report(
                    min_node.line,
                    min_path,
                    f"min {shown} is not below the previous rating's min {previous[1]} "
                    "(expected mins strictly decreasing, highest first)",
                )
            if maximum is not None and value > maximum:
                self.report(
                    min_node.line,
                    min_path,
                    f"min {shown} is above the scale's max {max_text}",
                )
            previous = (value, shown)
            last = (value, min_node, min_path)
            ratings.append(Rating(label, value))
        if last is not None and last[0] != 0:
            self.report(
                last[1].line, last[2], f"the last rating's min is {_text_of(last[1])} (expected 0)"
            )
        if maximum is None or not ratings:
            return Scale()
        return Scale(max=maximum, ratings=tuple(ratings))


def _text_of(node: _Node) -> str:
    return printable(node.text) if isinstance(node, _Scalar) else "?"


_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


def _number_value(node: _Node) -> Fraction | None:
    """The exact value of a YAML int or float scalar, or None if it is not a finite number (or
    one no exercise has: more than MAX_NUMBER_DIGITS digits, or an exponent as large). A
    plain decimal number is read as a person reads it, where YAML 1.1 would not: "010" is ten
    (not octal eight), "08" and "2.5e3" are numbers (not text)."""
    if not isinstance(node, _Scalar) or len(node.text) > MAX_NUMBER_TEXT:
        return None
    if node.plain and _DECIMAL.fullmatch(node.text):
        return _bounded(Decimal(node.text))
    if node.tag not in ("int", "float"):
        return None
    raw = yaml.ScalarNode(_YAML_TAG + node.tag, node.text)
    try:
        if node.tag == "int":
            return _bounded(Decimal(_CONSTRUCTOR.construct_yaml_int(raw)))
        try:
            exact = Decimal(node.text)
        except InvalidOperation:  # YAML 1.1 forms such as the sexagesimal "1:30.5"
            exact = Decimal(str(_CONSTRUCTOR.construct_yaml_float(raw)))
    except (ValueError, InvalidOperation, OverflowError, IndexError, TypeError):
        return None  # IndexError, TypeError: PyYAML on an empty "!!int" or "!!float"
    return _bounded(exact)


MAX_NUMBER_TEXT = 64  # characters of a number as written
MAX_AT_HOURS = 10_000  # an inject planned this late is a typo (more than a year)
MAX_NUMBER_DIGITS = 12  # digits before the point, or of an exponent's reach


def _bounded(exact: Decimal) -> Fraction | None:
    """The number as a fraction, or None when it is not finite or too large or too fine for a
    scenario (whose numbers are points, weights and minutes): it would take the program
    minutes to expand ("1e999999999"), or overflow the file."""
    if not exact.is_finite() or exact.adjusted() >= MAX_NUMBER_DIGITS \
            or -exact.as_tuple().exponent > MAX_NUMBER_TEXT:
        return None
    return Fraction(exact)


# --- reading ---------------------------------------------------------------------------------


def _decode(data: str | bytes, filename: str) -> str:
    """The text of the file: UTF-8 (a BOM is allowed), at most MAX_FILE_BYTES."""
    if isinstance(data, str):
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError as error:
            line = data.count("\n", 0, error.start) + 1
            raise ScenarioError(
                [Problem(filename, line, "", "not valid Unicode text (a lone surrogate character)")]
            ) from None
    else:
        raw = data
    _check_size(len(raw), filename)
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ScenarioError(
            [
                Problem(
                    filename,
                    line,
                    "",
                    f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8",
                )
            ]
        ) from None


def media_outside(base_dir: Path, relative: str) -> Path | None:
    """Where a media path really leads when that is outside the scenario's folder (through a
    link, or a linked folder on the way), else None: a link must not bring any file of the
    computer into an exercise file."""
    try:
        folder = Path(base_dir).resolve()
        real = (folder / relative).resolve()
    except (OSError, RuntimeError):  # a loop of links leads nowhere: the file is not there
        return None
    return None if real.is_relative_to(folder) else real


def _check_size(size: int, filename: str) -> None:
    if size > MAX_FILE_BYTES:
        raise ScenarioError(
            [
                Problem(
                    filename,
                    0,
                    "",
                    f"file too large ({size:,} bytes; the limit is "
                    f"{MAX_FILE_BYTES // 1_000_000} MB)",
                )
            ]
        )


def _compose(text: str, lines: Lines) -> yaml.Node | None:
    """The YAML node tree, once one pass over its events has found it fit to build."""
    _Outline(lines).read()
    return yaml.compose(text, Loader=_LOADER)


@dataclass
class _Open:
    """A list or mapping whose events are being read."""

    path: str
    mapping: bool
    start: int  # characters of text read before it, aliases written out
    anchor: str | None
    column: int  # where it starts on its line
    flow: bool  # written in [ ] or { }
    items: int = 0  # nodes read in it: in a mapping, its keys and values
    key: str | None = None  # in a mapping, the last key read (None for a key that is no text)

    def path_of(self, index: int) -> str:
        """The path of its item `index` (in a mapping, a key's is the mapping's own)."""
        if not self.mapping:
            return f"{self.path}[{index}]"
        return _join(self.path, nfc(self.key)) if index % 2 and self.key is not None \
            else self.path


class _Outline:
    """One pass over a file's YAML events before its node tree is built (the C composer builds
    it recursively, aliases sharing their anchor's node): how deep lists and mappings nest, how
    much text the aliases write out (counted once per anchor, as the events come), and where in
    the fields a syntax error stops the reading. Paths are made only for a problem to tell."""

    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        self.stack: list[_Open] = []
        self.sizes: dict[str, int | None] = {}  # anchor -> its node's text; None while open
        self.total = 0  # characters of text read so far, aliases written out
        self.last_scalar: yaml.ScalarEvent | None = None

    def read(self) -> None:
        try:
            for event in yaml.parse(self.lines.text, Loader=_LOADER):
                self.event(event)
        except yaml.YAMLError as error:
            if "nesting depth" in str(error):  # PyYAML 6.0.4 and later stop far deeper nesting
                mark = getattr(error, "problem_mark", None)
                raise _Fatal(self.lines.of(mark) if mark else 0, "",
                             f"nested too deeply (more than {MAX_DEPTH} levels)") from None
            if not isinstance(error, yaml.MarkedYAMLError):  # a character YAML does not allow
                raise
            plain = told(error, self.lines, self.last_scalar)
            if plain.column is not None:
                self.close_before(plain.column, self.lines.text[error.context_mark.index])
            raise _Fatal(plain.line, self.path(plain.place, plain.key), plain.message) from None

    def close_before(self, column: int, first: str) -> None:
        """Closes the lists and mappings that a line starting at `column` with `first` is out
        of: those further in, and a list at its column when the line is no item ("- ")."""
        while self.stack and not self.stack[-1].flow and (
                self.stack[-1].column > column
                or self.stack[-1].column == column and not self.stack[-1].mapping
                and first != "-"):
            self.stack.pop()

    def path(self, place: str, key: str | None = None) -> str:
        """The path of the place reached ("collection", "current" or "last": see Told), or of a
        field named `key` of the mapping being read."""
        if not self.stack:
            return _join("", nfc(key)) if key else ""
        top = self.stack[-1]
        if key is not None and top.mapping:
            return _join(top.path, nfc(key))
        if not top.mapping:
            return top.path_of(top.items - 1) if place == "last" and top.items else top.path
        if place == "last" or place == "current" and top.items % 2:
            return top.path_of(1)
        return top.path

    def event(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.CollectionEndEvent):
            done = self.stack.pop()
            if done.anchor is not None:
                self.sizes[done.anchor] = self.total - done.start
            return
        if not isinstance(event, yaml.NodeEvent):
            return
        top = self.stack[-1] if self.stack else None
        index = top.items if top is not None else 0
        if top is not None:
            top.items += 1
            if top.mapping and index % 2 == 0:  # a key
                top.key = event.value if isinstance(event, yaml.ScalarEvent) else None
        if isinstance(event, yaml.AliasEvent):
            self.alias(event, top, index)
            return
        if event.anchor is not None:
            if event.anchor in self.sizes:
                raise _Fatal(self.lines.of(event.start_mark), top.path_of(index) if top else "",
                             DUPLICATE_ANCHOR)
            self.sizes[event.anchor] = None
        if isinstance(event, yaml.ScalarEvent):
            self.last_scalar = event
            self.total += len(event.value)
            if event.anchor is not None:
                self.sizes[event.anchor] = len(event.value)
            return
        if len(self.stack) >= MAX_DEPTH:
            raise _Fatal(self.lines.of(event.start_mark), "",
                         f"nested too deeply (more than {MAX_DEPTH} levels)")
        self.stack.append(_Open(top.path_of(index) if top else "",
                                isinstance(event, yaml.MappingStartEvent), self.total,
                                event.anchor, event.start_mark.column, bool(event.flow_style)))

    def alias(self, event: yaml.AliasEvent, top: _Open | None, index: int) -> None:
        """An alias: the text of its anchor's node counted again (none while the node is open:
        an alias inside its own anchor is refused when the tree is built)."""
        if event.anchor not in self.sizes:
            raise _Fatal(self.lines.of(event.start_mark), top.path_of(index) if top else "",
                         UNDEFINED_ALIAS)
        self.total += self.sizes[event.anchor] or 0
        if self.total > MAX_EXPANDED_TEXT:
            raise _Fatal(
                self.lines.of(event.start_mark), top.path_of(index) if top else "",
                f"the alias {quoted('*' + event.anchor)} repeats too much text: written out, "
                f"the file's text would pass {MAX_EXPANDED_TEXT:,} characters")


def _yaml_problem(error: yaml.YAMLError, lines: Lines, filename: str) -> Problem:
    """A YAML error met when the tree is built, or a character YAML does not allow, as one line."""
    if isinstance(error, yaml.reader.ReaderError):
        line, message = reader_problem(error, lines)
        return Problem(filename, line, "", message)
    plain = told(error, lines)
    return Problem(filename, plain.line, "", plain.message)


def load_scenario_text(text: str | bytes, filename: str, base_dir: Path | None = None) -> Scenario:
    """The scenario in this text or file content; ScenarioError lists every problem."""
    source = _decode(text, filename)
    report = _Reporter(filename)
    lines = Lines(source)
    try:
        node = _compose(source, lines)
        if node is None:
            raise _Fatal(0, "", "the file is empty (expected a scenario: format, id, title, ...)")
        root = _Converter(report, lines).convert(node, "")
    except yaml.YAMLError as error:
        raise ScenarioError([_yaml_problem(error, lines, filename)]) from None
    except _Fatal as fatal:
        raise ScenarioError([Problem(filename, fatal.line, fatal.path, fatal.message)]) from None
    if not isinstance(root, _Map):
        raise ScenarioError(
            [
                Problem(
                    filename,
                    root.line,
                    "",
                    f"expected a mapping of fields at the top level (format, id, title, ...), "
                    f"found {_describe(root)}",
                )
            ]
        )
    scenario = _Checker(report, base_dir).scenario(root)
    if report.problems:
        raise ScenarioError(sorted(report.problems, key=lambda p: p.line))
    return replace(scenario, source_text=source, base_dir=base_dir,
                   warnings=tuple(report.warnings))


def load_scenario(path: str | Path) -> Scenario:
    """The scenario in a file; its folder is where its media files are found."""
    path = Path(path)
    name = str(path)
    try:
        if path.exists() and not path.is_file():  # a folder; a pipe would wait forever
            raise OSError(0, "Is a directory" if path.is_dir() else "not a regular file")
        with path.open("rb") as file:
            _check_size(os.fstat(file.fileno()).st_size, name)
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ScenarioError([Problem(name, 0, "", f"cannot read the file: {reason}")]) from None
    _check_size(len(data), name)
    return load_scenario_text(data, name, path.resolve().parent)


def builtin_scenario_paths() -> list[Path]:
    """The scenario files that ship with the app, sorted by name."""
    return sorted(paths.scenarios_dir().glob("*.yaml"))


def find_scenario(ref: str) -> Scenario:
    """A built-in scenario by its id, or else the scenario file at this path."""
    builtin = builtin_scenario_paths()
    for path in builtin:
        if path.stem == ref:
            return load_scenario(path)
    for path in builtin:
        try:
            scenario = load_scenario(path)
        except ScenarioError:
            continue
        if scenario.id == ref:
            return scenario
    if Path(ref).exists():
        return load_scenario(ref)
    ids = ", ".join(p.stem for p in builtin) or "none"
    raise ScenarioError(
        [
            Problem(
                ref,
                0,
                "",
                f"no built-in scenario has this id and no such file exists (built-in: {ids})",
            )
        ]
    )
