"""Text set in the report face without Paragraph: the reports' few tags, wrapped word by word."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

from dientap_desktop.reports.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR

# Paragraph parses its text as XML and breaks lines with a general engine of fragments; the
# reports only use <b>, <i>, <br/> and the entities of xml.sax.saxutils.escape and &nbsp;, and
# set left, centred or right lines, so this does the same work in a fraction of the time:
# widths come from the font's C-accelerated metrics, a word's width is remembered.

FACE = {(False, False): REGULAR, (True, False): BOLD, (False, True): ITALIC,
        (True, True): BOLD_ITALIC}
_TAG = re.compile(r"<(/?)([bi])>|<br\s*/?>", re.IGNORECASE)
_ENTITIES = (("&nbsp;", "\u00a0"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'),
             ("&apos;", "'"), ("&amp;", "&"))
SHRINK = rl_config.spaceShrinkage
_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # not U+00A0: a no-break space joins two words

Run = tuple[str, str | None]  # (face, text); text None is a line break
Line = tuple[float, tuple[tuple[str, str], ...], float]  # (indent, (face, text)..., width)


def _unescape(value: str) -> str:
    if "&" in value:
        for entity, char in _ENTITIES:
            value = value.replace(entity, char)
    return value


@lru_cache(maxsize=4096)
def parse_markup(value: str, face: str = REGULAR) -> tuple[Run, ...]:
    """The runs of a text holding <b>, <i> and <br/> (escaped data), starting in `face`."""
    bold, italic = face in (BOLD, BOLD_ITALIC), face in (ITALIC, BOLD_ITALIC)
    runs: list[Run] = []
    position = 0
    for match in _TAG.finditer(value):
        if match.start() > position:
            runs.append((FACE[bold, italic], _unescape(value[position:match.start()])))
        closing, tag = match.group(1), match.group(2)
        if tag is None:
            runs.append((FACE[bold, italic], None))
        elif tag.lower() == "b":
            bold = not closing or face in (BOLD, BOLD_ITALIC)
        else:
            italic = not closing or face in (ITALIC, BOLD_ITALIC)
        position = match.end()
    if position < len(value):
        runs.append((FACE[bold, italic], _unescape(value[position:])))
    return tuple(runs)


_widths: dict[str, dict[str, float]] = {}


def _width(face: str, word: str) -> float:
    """A word's width at size 1 (remembered: the reports repeat their words a lot)."""
    known = _widths.get(face)
    if known is None:
        known = _widths[face] = {}
    width = known.get(word)
    if width is None:
        width = known[word] = getFont(face).stringWidth(word, 1.0)
    return width


def _words(runs: tuple[Run, ...]) -> list:
    """Words as (pieces, width at size 1, face of the space before it or None); None: a break."""
    words: list = []
    pieces: list[tuple[str, str]] = []
    width = 0.0
    space: str | None = None  # face of the pending space before the next word
    for face, value in runs:
        if value is None:
            if pieces:
                words.append((pieces, width, space))
                pieces, width = [], 0.0
            words.append(None)
            space = None
            continue
        parts = _SPACE.split(value)
        for index, part in enumerate(parts):
            if index:  # white space stood before this part: the current word ends
                if pieces:
                    words.append((pieces, width, space))
                    pieces, width = [], 0.0
                    space = face
                elif words and words[-1] is not None:
                    space = face
            if part:
                pieces.append((face, part))
                width += _width(face, part)
    if pieces:
        words.append((pieces, width, space))
    return words


def _merge(pieces: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    merged: list[list[str]] = []
    for face, value in pieces:
        if merged and merged[-1][0] == face:
            merged[-1][1] += value
        else:
            merged.append([face, value])
    return tuple((face, value) for face, value in merged)


def _cut(pieces: list[tuple[str, str]], room: float, size: float) -> list[list[tuple[str, str]]]:
    """A word wider than the line, cut into pieces that fit (as Paragraph's splitLongWords)."""
    chunks: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for face, value in pieces:
        font = getFont(face)
        for char in value:
            wide = font.stringWidth(char, size)
            if used + wide > room and chunks[-1]:
                chunks.append([])
                used = 0.0
            chunks[-1].append((face, char))
            used += wide
    return chunks


def wrap_runs(runs: tuple[Run, ...], size: float, width: float, first_indent: float = 0.0,
              indent: float = 0.0) -> tuple[Line, ...]:
    """The runs broken into lines no wider than `width`, greedily, as Paragraph breaks them."""
    return _wrap(runs, size, width, first_indent, indent)


@lru_cache(maxsize=16384)
def _wrap(runs, size, width, first_indent, indent) -> tuple[Line, ...]:
    lines: list[Line] = []
    pieces: list[tuple[str, str]] = []
    used = spaces = 0.0  # the line's width and the width of its spaces
    first = True

    def flush() -> None:
        nonlocal pieces, used, spaces, first
        lines.append((first_indent + indent if first else indent, _merge(pieces), used))
        pieces, used, spaces, first = [], 0.0, 0.0, False

    for word in _words(runs):
        if word is None:
            flush()
            continue
        parts, wide, space = word
        wide *= size
        room = width - indent - (first_indent if first else 0)
        gap = _width(space, " ") * size if pieces and space else 0.0
        # Paragraph lets a line's spaces shrink by spaceShrinkage (5%) before it breaks it
        if pieces and used + gap + wide > room + SHRINK * (spaces + gap) + 1e-6:
            flush()
            gap = 0.0
            room = width - indent
        if not pieces and wide > room + 1e-6:
            for chunk in _cut(parts, room, size):
                if pieces:
                    flush()
                pieces = list(chunk)
                used = sum(getFont(f).stringWidth(v, size) for f, v in chunk)
            continue
        if gap:
            pieces.append((space, " "))
            spaces += gap
        pieces += parts
        used += gap + wide
    if pieces or not lines:
        flush()
    return tuple(lines)


def pack(pieces: Iterable[str], width: float, font: str, size: float,
         first: float | None = None) -> list[str]:
    """Pieces of text (words, or groups never broken) set greedily into lines no wider than
    `width` (the first line, `first` if given), a space between them; a piece too wide keeps a
    line alone."""
    lines: list[str] = []
    current = ""
    for piece in pieces:
        joined = f"{current} {piece}" if current else piece
        room = width if lines or first is None else first
        if current and getFont(font).stringWidth(joined, size) > room:
            lines.append(current)
            current = piece
        else:
            current = joined
    if current:
        lines.append(current)
    return lines


def forget_wraps() -> None:
    """Drop the remembered markup and line breaks (kept within one document, where headers and
    signatures repeat; each document starts afresh, so a second export costs the same)."""
    parse_markup.cache_clear()
    _wrap.cache_clear()


def single_face(lines: tuple[Line, ...]) -> str | None:
    """The one face all the lines are set in, or None when they mix faces."""
    faces = {face for _, frags, _ in lines for face, _ in frags}
    if len(faces) > 1:
        return None
    return faces.pop() if faces else REGULAR


class TextBlock(Flowable):
    """A paragraph of the reports (left, centred or right; not justified) set as plain text
    lines: what Paragraph prints for the same text and style, without its markup engine."""

    def __init__(self, runs: tuple[Run, ...], style: ParagraphStyle,
                 lines: tuple[Line, ...] | None = None):
        super().__init__()
        assert style.alignment != TA_JUSTIFY, "justified text needs a Paragraph"
        self.runs = runs
        self.style = style
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = getattr(style, "keepWithNext", 0)
        self._lines = lines
        self._fixed = lines is not None  # a part of a split block: its lines are set
        self._wrapped_width: float | None = None
        self.width = self.height = 0

    def lines_at(self, width: float) -> tuple[Line, ...]:
        """The lines for a frame or cell `width` wide (remembered for the last width)."""
        if self._fixed:
            return self._lines
        if self._wrapped_width != width:
            s = self.style
            self._lines = wrap_runs(self.runs, s.fontSize, width - s.rightIndent,
                                    s.firstLineIndent, s.leftIndent)
            self._wrapped_width = width
        return self._lines

    def wrap(self, available_width, available_height):
        lines = self.lines_at(available_width)
        self.width = available_width
        self.height = len(lines) * self.style.leading
        return self.width, self.height

    def split(self, available_width, available_height):
        lines = self.lines_at(available_width)
        fit = int((available_height + 1e-6) // self.style.leading)
        # as Paragraph: no first line alone at a page's foot, unless the style allows orphans
        if not getattr(self.style, "allowWidows", 1) and len(lines) - fit == 1:
            fit -= 1
        if fit < (1 if getattr(self.style, "allowOrphans", 0) else 2) or fit >= len(lines):
            return []
        head = TextBlock(self.runs, self.style, lines[:fit])
        tail = TextBlock(self.runs, self.style, lines[fit:])
        head.spaceAfter = 0
        head.keepWithNext = 0
        tail.spaceBefore = 0
        return [head, tail]

    def draw(self):
        text = self.canv.beginText()
        text.setFillColor(self.style.textColor)
        self.set_into(text, 0, 0, self.width, None)
        self.canv.drawText(text)

    def set_into(self, text, x0: float, y0: float, width: float, face: tuple | None) -> tuple:
        """Add the lines to a text object, the block's bottom left at (x0, y0), `width` wide
        (wrapped at that width before); `face` is the object's current (face, size, leading)
        or None; returns it after the block."""
        s = self.style
        size, leading, alignment = s.fontSize, s.leading, s.alignment
        lines = self.lines_at(width)
        room = width - s.rightIndent
        y = y0 + len(lines) * leading - size
        for indent, frags, used in lines:
            if alignment == TA_CENTER:
                x = indent + max(room - indent - used, 0) / 2
            elif alignment == TA_RIGHT:
                x = max(room - used, indent)
            else:
                x = indent
            text.setTextOrigin(x0 + x, y)
            squeeze = used > room - indent + 1e-8
            if squeeze:  # a line over by its spaces' shrinkage: Paragraph narrows its spaces
                spaces = sum(v.count(" ") + v.count("\u00a0") for _, v in frags)
                squeeze = spaces > 0
                if squeeze:
                    text.setWordSpace((room - indent - used) / spaces)
            for frag_face, value in frags:
                wanted = (frag_face, size, leading)
                if wanted != face:
                    text.setFont(*wanted)
                    face = wanted
                text.textOut(value)
            if squeeze:
                text.setWordSpace(0)
            y -= leading
        return face
