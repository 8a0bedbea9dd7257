"""Text that enters the program is normalised here, once, at the boundary."""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    """The text in Unicode NFC, so that composed and decomposed Vietnamese compare equal."""
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    """NFC text with surrounding white space removed; None becomes the empty string."""
    return nfc(text or "").strip()
