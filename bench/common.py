"""What every benchmark reports: a figure beside its baseline from the same run, and the target."""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Result:
    """One measured figure, its baseline measured in the same run, and its target."""

    name: str
    figure: float
    unit: str
    baseline: float | None  # None where the target is absolute
    baseline_name: str
    target: str
    met: bool
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """The figure over its baseline."""
        return self.figure / self.baseline if self.baseline else None


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def peak_rss_mib(children: bool = False) -> float:
    """Peak resident memory of this process (or of its finished children), in MiB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def table(results: list[Result]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| benchmark | figure | baseline (same run) | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        base = f"{r.baseline:.{_digits(r.baseline)}f} {r.unit} ({r.baseline_name})" if (
            r.baseline is not None) else r.baseline_name or "—"
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
        note = f" ({r.note})" if r.note else ""
        lines.append(
            f"| {r.name} | {r.figure:.{_digits(r.figure)}f} {r.unit}{note} | {base} | {ratio} | "
            f"{r.target} | {'yes' if r.met else '**no**'} |"
        )
    return "\n".join(lines)


def _digits(value: float) -> int:
    return 2 if abs(value) < 100 else 0


def report(results: list[Result]) -> int:
    """Print the table; exit code 0 when every target is met."""
    print(table(results))
    return 0 if all(r.met for r in results) else 1


def child_environment() -> dict[str, str]:
    """The environment of a child that opens windows: the real display when there is one, else
    Qt's offscreen platform with a screen of 1920 × 1080 (its own is 800 × 800, smaller than the
    windows measured: the program's window would fit itself into it and paint less)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the warm-up run leaves the .pyc files
    if env.get("DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "xcb")
        return env
    config = Path(tempfile.gettempdir()) / "dientap-bench-offscreen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080,
        "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}))
    env.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={config}")
    return env
