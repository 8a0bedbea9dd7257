"""An exercise whose every text a scenario, the director or an observer can make long is very
long (words, or one word with no space), and a check that a PDF holds each of them whole."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import yaml

from dientap_desktop.domain.records import Person
from dientap_desktop.domain.scenario_loader import load_scenario_text
from dientap_desktop.storage.exercise_file import ExerciseFile

SYLLABLES = ("Nắm", "chắc", "tình", "hình", "địa", "bàn", "báo", "cáo", "kịp", "thời", "đề",
             "xuất", "phương", "án", "xử", "trí", "lực", "lượng", "Ủy", "ban")


def long_text(tag: str, size: int, spaced: bool) -> str:
    """About `size` characters made of numbered tokens (`tag` and a number) that read back one
    by one: Vietnamese words and tokens with spaces, or tokens run together into one word."""
    parts: list[str] = []
    length = number = 0
    while length < size:
        number += 1
        if spaced:
            part = f"{SYLLABLES[number % len(SYLLABLES)]} {tag}{number:04d}"
        else:
            part = f"{tag}{number:04d}đ"
        parts.append(part)
        length += len(part) + spaced
    return (" " if spaced else "").join(parts)


def tokens(value: str, tag: str) -> list[str]:
    """The numbered tokens of a `long_text`."""
    return re.findall(rf"{re.escape(tag)}\d{{4}}", value)


class LongTexts:
    """The long values of one exercise, by tag: `size` characters each (`spaced` words, or one
    word with no space)."""

    def __init__(self, size: int, spaced: bool):
        self.size, self.spaced = size, spaced
        self.values: dict[str, str] = {}

    def __call__(self, tag: str, size: int | None = None) -> str:
        value = long_text(tag, size or self.size, self.spaced)
        self.values[tag] = value
        return value


def long_scenario_yaml(t: LongTexts) -> str:
    """A scenario of two posts, two injects and two criteria, every text long."""
    data = {
        "format": "dientap/1",
        "id": "dai",
        "title": t("Qst"),
        "kind": "other",
        "level": "xa_phuong",
        "summary": t("Qsu"),
        "posts": [
            {"id": "p1", "title": t("Qpa"), "unit": t("Qua")},
            {"id": "p2", "title": t("Qpb")},
        ],
        "phases": [{"id": "b1", "title": t("Qph")}],
        "injects": [
            {"id": "i1", "phase": "b1", "at": "00:00", "scenario_time": t("Qsa"),
             "source": t("Qso"), "title": t("Qta"), "text": t("Qxa"), "targets": ["p1", "p2"],
             "expected": {"p1": [t("Qea"), "Báo cáo"], "p2": [t("Qeb")]}, "notes": t("Qna")},
            {"id": "i2", "phase": "b1", "at": 10, "title": t("Qtb"), "text": t("Qxb"),
             "targets": ["p2"]},
        ],
        "criteria": [
            {"id": "c1", "text": t("Qca"), "max": 4, "posts": "all"},
            {"id": "c2", "text": t("Qcb"), "max": 6, "posts": ["p2"]},
        ],
    }
    return yaml.safe_dump(data, allow_unicode=True, width=1 << 20)


def long_exercise(path: Path, t: LongTexts) -> ExerciseFile:
    """A finished exercise of the long scenario: long names everywhere, each inject delivered
    and answered at length, scored by two observers with long names and comments, notes."""
    scenario = load_scenario_text(long_scenario_yaml(t), "dai.yaml")
    moment = [datetime(2025, 3, 4, 1, 0, tzinfo=UTC)]

    def now() -> datetime:
        return moment[0]

    def later(minutes: float) -> None:
        moment[0] += timedelta(minutes=minutes)

    exercise = ExerciseFile.create(
        path, scenario, name=t("Qex"), place=t("Qpl"), day=date(2025, 3, 4),
        issuer=t("Qis"), signer=t("Qsi"), superior=t("Qsp"),
        roster=[Person("p1", t("Qma"), t("Qra"), t("Qun")), Person("p2", t("Qmb"))],
        now=now)
    exercise.start()
    later(1)
    exercise.deliver_next()
    later(0.4)  # under a minute
    exercise.record_decision("i1", "p1", "bao_cao", t("Qda"), covers=[0])
    later(2)
    exercise.record_decision("i1", "p2", "ra_menh_lenh", t("Qdb"))
    later(5)
    exercise.deliver_next()
    later(3.25)
    exercise.record_decision("i2", "p2", "khac", t("Qdc"))
    later(1)
    exercise.finish()
    observers = (t("Qoa"), t("Qob"))
    for n, observer in enumerate(observers):
        for post in scenario.posts:
            for criterion in scenario.criteria_for(post.id):
                exercise.set_score(observer, post.id, criterion.id, criterion.max / (2 + n),
                                   comment=t(f"Qk{n}{post.id[-1]}{criterion.id[-1]}", 600))
    exercise.add_note(observers[0], "strength", t("Qnb"), inject_id="i1", post_id="p1")
    exercise.add_note(observers[1], "weakness", t("Qnc"), post_id="p2")
    exercise.add_note(observers[1], "proposal", t("Qnd"))
    return exercise


def missing_tokens(pages: list[str], value: str, tag: str, across_pages: bool = True
                   ) -> list[str]:
    """The tokens of `value` not found in the pages' text (white space dropped, as lines and
    cells break anywhere; case ignored, as names print in capitals). A token cut by a page
    break (a word wider than a line cut where a page ends) is found when its first part ends a
    page's text after what comes before it in `value`, and its second part starts, with what
    comes after it, on one of the next two pages (unless not `across_pages`)."""
    flat = [re.sub(r"\s+", "", page).lower() for page in pages]
    whole = "\n".join(flat)
    compact = re.sub(r"\s+", "", value).lower()
    found = set(tokens(whole, tag.lower()))
    missing = []
    for token in tokens(value.lower(), tag.lower()):
        if token in found or not across_pages:
            missing += [] if token in found else [token]
            continue
        at = compact.index(token)
        before, after = compact[max(at - 8, 0):at], compact[at + len(token):at + len(token) + 8]
        if not any(before + token[:k] in flat[i] and token[k:] + after in following
                   for i in range(len(flat)) for following in flat[i + 1:i + 3]
                   for k in range(1, len(token))):
            missing.append(token)
    return missing
