"""A YAML file's lines counted as an editor counts them, not as YAML counts them."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left

import yaml

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
