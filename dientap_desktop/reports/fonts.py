"""The report face: Liberation Serif (metric-compatible with Times New Roman), registered once."""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dientap_desktop.paths import resources_dir

FAMILY = "LiberationSerif"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (
    FAMILY,
    f"{FAMILY}-Bold",
    f"{FAMILY}-Italic",
    f"{FAMILY}-BoldItalic",
)
# face name -> file in resources/fonts
FACES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

# The Vietnamese alphabet's vowels with each tone (none, huyền, sắc, hỏi, ngã, nặng), and đ.
_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def vietnamese_letters() -> str:
    """Every Vietnamese letter, lower and upper case, precomposed (NFC), with every tone mark."""
    lower = "bcdđghklmnpqrstvx" + "".join(
        unicodedata.normalize("NFC", vowel + tone) for vowel in _VOWELS for tone in _TONES
    )
    return lower + lower.upper()


_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    """The folder of the shipped font files and their licence."""
    return resources_dir() / "fonts"


def register_fonts() -> str:
    """Register the four faces and the family once (thread-safe); returns the family name.

    Without the family mapping, `<b>` and `<i>` in a Paragraph silently print the regular face.
    """
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if not _registered:
            folder = fonts_dir()
            for name, filename in FACES.items():
                pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
            pdfmetrics.registerFontFamily(
                FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
            )
            faces = ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC))
            for bold, italic, name in faces:
                addMapping(FAMILY, bold, italic, name)
            _registered = True
    return FAMILY


def missing_letters(face: str) -> str:
    """The Vietnamese letters that a registered face has no glyph for (empty when complete)."""
    register_fonts()
    cmap = pdfmetrics.getFont(face).face.charToGlyph
    return "".join(ch for ch in vietnamese_letters() if ord(ch) not in cmap)
