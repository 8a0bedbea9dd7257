"""The report face: shipped with its licence, complete for Vietnamese in all four faces."""

import unicodedata

import pytest

from dientap_desktop.reports import fonts


@pytest.mark.parametrize("face", list(fonts.FACES))
def test_every_vietnamese_letter_is_in_the_cmap(face):
    assert fonts.missing_letters(face) == ""


def test_the_alphabet_is_complete_and_precomposed():
    letters = fonts.vietnamese_letters()
    # 12 vowels x 6 tones + 17 consonants (with đ), in both cases
    assert len(letters) == 2 * (12 * 6 + 17)
    assert len(set(letters)) == len(letters)
    assert all(unicodedata.is_normalized("NFC", ch) and len(ch) == 1 for ch in letters)
    for letter in "ƯỢỹĐặỬậ":
        assert letter in letters


def test_the_font_files_and_licence_are_shipped():
    folder = fonts.fonts_dir()
    for filename in fonts.FACES.values():
        assert (folder / filename).stat().st_size > 100_000
    licence = (folder / "LICENSE-LiberationSerif.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Reserved Font Name Liberation" in licence


def test_the_family_maps_bold_and_italic():
    from reportlab.lib.fonts import tt2ps

    fonts.register_fonts()
    assert tt2ps(fonts.FAMILY, 1, 0) == fonts.BOLD
    assert tt2ps(fonts.FAMILY, 0, 1) == fonts.ITALIC
    assert tt2ps(fonts.FAMILY, 1, 1) == fonts.BOLD_ITALIC
