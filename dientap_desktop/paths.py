"""Where the app's bundled files live: the frozen bundle, an installed wheel, or the source tree."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def bundle_root() -> Path:
    """The folder that holds `scenarios/` and `resources/` for this run of the program."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package = Path(__file__).resolve().parent
    installed = package / "_bundled"
    if (installed / "scenarios").is_dir():
        return installed
    return package.parent


def scenarios_dir() -> Path:
    """The folder of the built-in scenario files."""
    return bundle_root() / "scenarios"


def resources_dir() -> Path:
    """The folder of fonts, icons and translations."""
    return bundle_root() / "resources"
