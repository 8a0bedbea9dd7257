"""What an exercise records: people at posts, the clock, deliveries, decisions (and drafts of
them), scores and notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction

STATUSES = ("planned", "running", "paused", "finished")

DECISION_KINDS = ("bao_cao", "ha_quyet_tam", "ra_menh_lenh", "hiep_dong", "khac")
DECISION_KIND_LABELS = {
    "bao_cao": "Báo cáo",
    "ha_quyet_tam": "Hạ quyết tâm",
    "ra_menh_lenh": "Ra mệnh lệnh",
    "hiep_dong": "Hiệp đồng",
    "khac": "Khác",
}

# Words storage writes in the log's summaries, with the user's words in them: read back to show
# a line in the window's language or print it otherwise.
LOG_CREATED = re.compile(r"^Tạo cuộc diễn tập «(?P<name>.*)» từ kịch bản (?P<scenario>\S+)$")
LOG_GIVEN_NOTE = re.compile(r" \(xử trí lúc (?P<time>\d{1,2}:\d{2})\)$")  # storage's _given_note

NOTE_KINDS = ("strength", "weakness", "proposal")
# the words of the after-action report's headings (Ưu điểm; Hạn chế, khuyết điểm; Đề xuất, kiến
# nghị): the window, the log and the report name a note alike
NOTE_KIND_LABELS = {"strength": "Ưu điểm", "weakness": "Hạn chế, khuyết điểm",
                    "proposal": "Đề xuất, kiến nghị"}

CLOCK_EVENTS = ("start", "pause", "resume", "finish")


@dataclass(frozen=True)
class ExerciseInfo:
    """The identity of an exercise: what, where, when, from which scenario, and who issues it."""

    id: str
    name: str
    place: str
    date: date | None
    scenario_id: str
    status: str
    issuer: str = ""  # the issuing body printed top left of documents
    superior: str = ""  # the body directly above it (cơ quan chủ quản), printed over it
    signer: str = ""  # the full name printed under the issuing body's signature
    # the signer's own title when it is not the head's (e.g. "Phó Chủ tịch": signs "KT.")
    signer_title: str = ""
    # the documents' date when it is not the exercise's (not kept in the file: an exercise that
    # ran past midnight is reported on the day it ended, see ExerciseSnapshot.with_end_day)
    dated: date | None = None


@dataclass(frozen=True)
class Person:
    """Who plays a post (khung tập)."""

    post_id: str
    name: str = ""
    rank: str = ""
    unit: str = ""


@dataclass(frozen=True)
class ClockEvent:
    """A start, pause, resume or finish of the exercise at a wall-clock instant."""

    kind: str
    at: datetime


@dataclass(frozen=True)
class Delivery:
    """An inject delivered or skipped by the director; an undone one keeps its undo time."""

    id: int
    inject_id: str
    action: str  # "delivered" | "skipped"
    at: datetime
    undone_at: datetime | None = None

    @property
    def active(self) -> bool:
        """Whether the delivery still counts (it was not undone)."""
        return self.undone_at is None


@dataclass(frozen=True)
class Decision:
    """What a post decided on an inject: its kind, text, when it was given and what it covers."""

    id: int
    inject_id: str
    post_id: str
    kind: str
    text: str
    given_at: datetime
    covers: tuple[int, ...] = ()  # indices into the inject's expected actions for the post
    version: int = 1


@dataclass(frozen=True)
class Draft:
    """A decision typed for a post on an inject but not recorded yet: kept in the file as it is
    typed, so that a crash or a power cut does not take it, and given back to the form."""

    kind: str
    text: str
    ticked: tuple[int, ...] = ()  # indices into the inject's expected actions for the post
    given_at: datetime | None = None  # None: the time follows the clock until it is recorded
    # When the file last kept it (read back from the file; not part of what was typed)
    kept_at: datetime | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Score:
    """One observer's current score of one criterion for one post."""

    observer: str
    post_id: str
    criterion_id: str
    value: Fraction
    comment: str = ""


@dataclass(frozen=True)
class Note:
    """An observer's note (strength, weakness or proposal) that feeds the after-action report."""

    id: str
    observer: str
    kind: str
    text: str
    inject_id: str | None = None
    post_id: str | None = None


@dataclass(frozen=True)
class LogEntry:
    """One line of the append-only log of changes to an exercise file."""

    id: int
    at: datetime
    action: str
    inject_id: str | None
    post_id: str | None
    summary: str
    data: dict
