"""Text that enters the program is normalised here, once, at the boundary."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# What a one-line message shows escaped: line breaks, tabs, control and invisible characters.
_ESCAPED = re.compile(r"[^\S ]|[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")


def nfc(text: str) -> str:
    """The text in Unicode NFC, so that composed and decomposed Vietnamese compare equal."""
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    """NFC text with surrounding white space removed; None becomes the empty string."""
    return nfc(text or "").strip()


def one_line(text: str | None) -> str:
    """A name as one line: clean text whose line breaks and tabs (with the spaces around them)
    become one space, and whose other control characters are dropped ("Nguyễn\nVăn A" ->
    "Nguyễn Văn A"): a name is printed on a signature line and compared with others."""
    text = re.sub(r"[ ]*[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029][\s]*", " ", clean(text))
    return re.sub(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]", "", text)


def ascii_name(text: str, fallback: str, limit: int = 60) -> str:
    """A file name from a Vietnamese name: no diacritics, no spaces, lower case, short
    ("Đại tá Nguyễn Văn A" -> "dai-ta-nguyen-van-a"): safe on USB sticks, in mail and chat."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:limit].rstrip("-") or fallback


# A rank or a title before a person's name ("Thượng tá Lê Thị Minh Hà", "Đồng chí ...").
RANK = re.compile(r"(?:(?:đại|thượng|trung|thiếu|chuẩn)\s+(?:tướng|tá|úy|uý)"
                  r"|(?:thượng|trung|hạ)\s+sĩ|binh\s+(?:nhất|nhì)|đồng\s+chí|đ/c|ông|bà)(?=\s)",
                  re.IGNORECASE)


# The same, folded as `ascii_name` folds it ("dai-ta-"): a rank typed without accents too.
_FOLDED_RANK = re.compile(r"^(?:(?:dai|thuong|trung|thieu|chuan)-(?:tuong|ta|uy)"
                          r"|(?:thuong|trung|ha)-si|binh-(?:nhat|nhi)|dong-chi|d-c|ong|ba)-")


def look_alike(name: str, known: Iterable[str]) -> str | None:
    """The known name that `name` may be a slip for: the same letters once a rank, diacritics,
    case and spacing are set aside ("Le Van Tam" or "Thượng tá Lê Văn Tám" for "Lê Văn Tám"),
    or all but a letter or two; None when no other known name is that close."""
    import difflib

    def fold(text: str) -> str:
        return _FOLDED_RANK.sub("", ascii_name(text, "", limit=1000))

    folded: dict[str, list[str]] = {}  # "Hùng" and "Hưng" fold alike: both are kept
    for k in known:
        if k != name:
            folded.setdefault(fold(k), []).append(k)
    mine = fold(name)
    if not mine:
        return None
    if mine not in folded:
        close = difflib.get_close_matches(mine, [k for k in folded if k], n=1, cutoff=0.85)
        if not close:
            return None
        mine = close[0]
    # of names that fold alike, the one nearest with its diacritics; none when two are as near
    near = sorted(((difflib.SequenceMatcher(None, name.casefold(), k.casefold()).ratio(), k)
                   for k in folded[mine]), reverse=True)
    if len(near) > 1 and near[0][0] == near[1][0]:
        return None
    return near[0][1]


def printable(text: str, limit: int = 80) -> str:
    """Text fit for a one-line message: shortened, control and line-break characters escaped."""
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return "".join(repr(c)[1:-1] if _ESCAPED.match(c) else c for c in text)


def quoted(text: str) -> str:
    """A value named in a one-line message: in double quotes, printable."""
    return f'"{printable(text)}"'
