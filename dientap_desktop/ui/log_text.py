"""The log's lines in the window's language, made from each line's data when shown (the file
keeps a Vietnamese summary: it is shown as it is where a line's data falls short)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from fractions import Fraction

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from dientap_desktop.domain.records import (
    DECISION_KIND_LABELS,
    LOG_CREATED,
    LOG_GIVEN_NOTE,
    Decision,
    LogEntry,
)
from dientap_desktop.domain.scenario import Scenario
from dientap_desktop.storage.exercise_file import TYPED_FOR
from dientap_desktop.ui import labels
from dientap_desktop.ui.labels import filled

CONTEXT = "LogText"
KINDS_BY_LABEL = {label: kind for kind, label in DECISION_KIND_LABELS.items()}
EXERCISE_FIELDS = {
    "name": QT_TRANSLATE_NOOP("LogText", "Name"),
    "place": QT_TRANSLATE_NOOP("LogText", "Place"),
    "date": QT_TRANSLATE_NOOP("LogText", "Date"),
    "issuer": QT_TRANSLATE_NOOP("LogText", "Issuing body"),
    "superior": QT_TRANSLATE_NOOP("LogText", "Governing body"),
    "signer": QT_TRANSLATE_NOOP("LogText", "Signed by"),
    "signer_title": QT_TRANSLATE_NOOP("LogText", "Signer's title"),
}
# a merge's counts beyond the scores and notes added, each said when there are any
MERGE_EXTRAS = (
    ("scores_withdrawn", QT_TRANSLATE_NOOP("LogText", "%1 score(s) withdrawn as in the kit")),
    ("notes_withdrawn", QT_TRANSLATE_NOOP("LogText", "%1 note(s) withdrawn as in the kit")),
    ("kept_for_staff", QT_TRANSLATE_NOOP(
        "LogText", "%1 score(s) entered in the kit before the directing staff corrected or "
                   "withdrew them, not used")),
    ("withdrawals_kept", QT_TRANSLATE_NOOP(
        "LogText", "%1 score(s) corrected in the exercise kept although the kit withdrew them")),
    ("clock_ahead", QT_TRANSLATE_NOOP(
        "LogText", "%1 score(s) entered later than now (the kit's computer clock runs fast), "
                   "not given priority")),
)


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _after(summary: str, prefix: str) -> str | None:
    """The summary after its prefix; None when it does not start so."""
    return summary[len(prefix):] if summary.startswith(prefix) else None


def _field(value: object) -> str:
    """An exercise detail as read ("(empty)" for none, a date as dd/mm/yyyy)."""
    if value is None or value == "":
        return QCoreApplication.translate("LogText", "(empty)")
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"{date.fromisoformat(value):%d/%m/%Y}"
    return str(value)


def _person(value: object) -> str:
    """Who plays a post, from a roster line's [name, rank, unit]."""
    name, rank, unit = (list(value) + ["", "", ""])[:3]
    who = " ".join(part for part in (rank, name) if part)
    if unit:
        who = f"{who}, {unit}" if who else str(unit)
    return who or QCoreApplication.translate("LogText", "nobody")


def _points(value: object) -> str:
    """A score as the log's data holds it ("2.5"), with the locale's decimal mark."""
    return labels.score_text(Fraction(str(value)))


def _ticks(covers: Iterable[int]) -> str:
    """The expected actions a decision covers, by their numbers ("none" for none)."""
    return ", ".join(str(i + 1) for i in covers) or QCoreApplication.translate("LogText", "none")


class LogText(QObject):
    """Makes each line's text: whole (lines apart) for reading, or as one line for the table.
    Follows the log as it is read, to know which version of a decision each correction
    replaced; `versions` are what the file holds of the decisions corrected or withdrawn."""

    def __init__(self, scenario: Scenario, post_title: Callable[[str], str],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.scenario = scenario
        self.post_title = post_title
        self.numbers = {i.id: n for n, i in enumerate(scenario.injects, 1)}
        self.criteria = scenario.criterion_numbers
        self.versions: dict[int, list[Decision]] = {}
        self._edits: dict[int, int] = {}  # decision id -> corrections read so far
        self._replaced: dict[int, int] = {}  # a correction's line id -> the version it replaced

    def clear(self) -> None:
        """Forget the lines read (the log is read again whole)."""
        self.versions, self._edits, self._replaced = {}, {}, {}

    def follow(self, entries: Iterable[LogEntry]) -> set[int]:
        """Note the corrections among lines read after the others; the decisions corrected or
        withdrawn in them (whose versions to read)."""
        touched = set()
        for entry in entries:
            decision = entry.data.get("decision") if isinstance(entry.data, dict) else None
            if not isinstance(decision, int):
                continue
            if entry.action == "edit_decision":
                self._edits[decision] = self._edits.get(decision, 0) + 1
                self._replaced[entry.id] = self._edits[decision]
                touched.add(decision)
            elif entry.action == "delete_decision":
                touched.add(decision)
        return touched

    def whole(self, entry: LogEntry) -> str:
        """The line's text whole, its parts on lines of their own (the post not repeated: it
        has its own column)."""
        method = getattr(self, f"_{entry.action}", None)
        parts = None
        if method is not None:
            try:
                parts = method(entry)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                parts = None  # data another version wrote otherwise: the stored summary
        if not parts:
            parts = [self._summary(entry)]
        return "\n".join(parts)

    def line(self, entry: LogEntry) -> str:
        """The line's text on one line, for the table's cell."""
        return "; ".join(" ".join(part.split()) for part in self.whole(entry).split("\n"))

    def _summary(self, entry: LogEntry) -> str:
        post = self.post_title(entry.post_id) if entry.post_id else ""
        return entry.summary.removeprefix(f"{post} — ") if post else entry.summary

    # ---------------------------------------------------------------- each kind of line

    def _create(self, entry: LogEntry) -> list[str] | None:
        made = LOG_CREATED.match(entry.summary)
        if made is None:
            return None
        scenario = self.scenario.title if made["scenario"] == self.scenario.id \
            else made["scenario"]
        return [filled(self.tr("Exercise «%1» created from the scenario «%2»"), made["name"],
                       scenario)]

    def _edit_exercise(self, entry: LogEntry) -> list[str]:
        old, new = entry.data["old"], entry.data["new"]
        said = self.tr("%1: %2 → %3")
        return [filled(said, _tr(EXERCISE_FIELDS[key]) if key in EXERCISE_FIELDS else key,
                       _field(old.get(key)), _field(value))
                for key, value in new.items()]

    def _edit_roster(self, entry: LogEntry) -> list[str]:
        return [filled(self.tr("%1 (before: %2)"), _person(entry.data["new"]),
                       _person(entry.data["old"]))]

    def _start(self, entry: LogEntry) -> list[str]:
        return [self.tr("Exercise started")]

    def _pause(self, entry: LogEntry) -> list[str]:
        return [self.tr("Paused")]

    def _resume(self, entry: LogEntry) -> list[str]:
        return [self.tr("Resumed")]

    def _finish(self, entry: LogEntry) -> list[str]:
        return [self.tr("Exercise finished")]

    def _inject(self, entry: LogEntry) -> tuple[int, str]:
        return self.numbers[entry.inject_id], self.scenario.inject(entry.inject_id).title

    def _deliver(self, entry: LogEntry) -> list[str]:
        return [filled(self.tr("Inject %1 delivered: %2"), *self._inject(entry))]

    def _skip(self, entry: LogEntry) -> list[str]:
        return [filled(self.tr("Inject %1 skipped: %2"), *self._inject(entry))]

    def _undo_delivery(self, entry: LogEntry) -> list[str]:
        undone = entry.data["undone_action"]
        said = {"delivered": self.tr("Delivery of inject %1 undone: %2"),
                "skipped": self.tr("Skip of inject %1 undone: %2")}[undone]
        return [filled(said, *self._inject(entry))]

    @staticmethod
    def _kind(kind: str) -> str:
        return labels.label(labels.DECISION_KINDS, kind)

    def _given(self, text: str) -> tuple[str, str | None]:
        """A decision's text without storage's note of when it was given, and that time."""
        given = LOG_GIVEN_NOTE.search(text)
        return (text[:given.start()], given["time"]) if given else (text, None)

    def _decision(self, entry: LogEntry) -> list[str] | None:
        shown = self._summary(entry)
        label, _, text = shown.partition(": ")
        if label not in KINDS_BY_LABEL:
            return None
        text, given = self._given(text)
        line = filled(self.tr("%1: %2"), self._kind(KINDS_BY_LABEL[label]), text)
        if given:
            line += " " + filled(self.tr("(given at %1)"), given)
        return [line]

    def _edit_decision(self, entry: LogEntry) -> list[str] | None:
        versions = self.versions.get(entry.data["decision"], [])
        replaced = self._replaced.get(entry.id, 0)
        old_data = entry.data["old"]
        if 0 < replaced < len(versions) and versions[replaced - 1].text == old_data["text"]:
            old, new = versions[replaced - 1], versions[replaced]
            return self._changes(old.kind, new.kind, old.text, new.text, old.given_at,
                                 new.given_at, old.covers, new.covers)
        # the versions are not in the file as this line says: the line's own words
        post = self.post_title(entry.post_id) if entry.post_id else ""
        text = _after(entry.summary, f"Sửa xử trí của {post}: ")
        if text is None:
            return None
        text, given = self._given(text)
        old_given = datetime.fromisoformat(old_data["given_at"])
        return self._changes(None, None, old_data["text"], text, old_given, given, None, None)

    def _changes(self, old_kind, new_kind, old_text, new_text, old_given, new_given,
                 old_covers, new_covers) -> list[str]:
        """What a correction changed, each part old → new (only those changed)."""
        parts = []
        if old_kind and new_kind and old_kind != new_kind:
            parts.append(filled(self.tr("Kind: %1 → %2"), self._kind(old_kind),
                                self._kind(new_kind)))
        if old_text != new_text:
            parts.append(filled(self.tr("Text: «%1» → «%2»"), old_text, new_text))
        if isinstance(new_given, str):  # a time the line's words gave
            was = labels.local_time(old_given)
            if was != new_given:
                parts.append(filled(self.tr("Given at: %1 → %2"), was, new_given))
        elif new_given is not None and old_given != new_given:
            was, now = labels.local_time(old_given), labels.local_time(new_given)
            if was == now:  # moved by seconds: they are said
                was, now = labels.local_time(old_given, True), labels.local_time(new_given, True)
            parts.append(filled(self.tr("Given at: %1 → %2"), was, now))
        if old_covers is not None and tuple(old_covers) != tuple(new_covers):
            parts.append(filled(self.tr("Expected actions covered: %1 → %2"), _ticks(old_covers),
                                _ticks(new_covers)))
        return parts

    def _delete_decision(self, entry: LogEntry) -> list[str] | None:
        versions = self.versions.get(entry.data["decision"])
        if versions:
            last = versions[-1]
            return [filled(self.tr("%1: %2"), self._kind(last.kind), last.text)]
        post = self.post_title(entry.post_id) if entry.post_id else ""
        text = _after(entry.summary, f"Rút xử trí của {post}: ")
        return None if text is None else [text]

    def _add_observer(self, entry: LogEntry) -> list[str]:
        return [filled(self.tr("Observer added: %1"), entry.data["observer"])]

    def _score(self, entry: LogEntry) -> list[str] | None:
        data = entry.data
        number = self.criteria[(entry.post_id, data["criterion"])]
        if data["new"] is None:
            return self._withdraw_score(entry)
        if data.get("old") is None:
            return [filled(self.tr("%1 scored criterion %2: %3"), data["observer"], number,
                           _points(data["new"]))]
        return [filled(self.tr("%1 scored criterion %2: %3 (before: %4)"), data["observer"], number,
                       _points(data["new"]), _points(data["old"]))]

    def _withdraw_score(self, entry: LogEntry) -> list[str]:
        data = entry.data
        number = self.criteria[(entry.post_id, data["criterion"])]
        before = _points(data["old"]) + (f"; {data['comment']}" if data.get("comment") else "")
        said = self.tr("%1 withdrew the score of criterion %2 (before: %3)") \
            if str(data["source"]).startswith("kit:") \
            else self.tr("The directing staff withdrew %1's score of criterion %2 (before: %3)")
        return [filled(said, data["observer"], number, before)]

    def _note(self, entry: LogEntry) -> list[str]:
        kind = labels.label(labels.NOTE_KINDS, entry.data["kind"])
        observer = entry.data.get("observer")
        typed = _after(entry.summary, f"{TYPED_FOR}{observer}: ") \
            if entry.data.get("source") == "window" else None
        if typed is not None:  # by the directing staff, from the observer's paper
            return [filled(self.tr("%1 — typed in by the directing staff for %2: %3"), kind,
                           observer, typed)]
        return [filled(self.tr("%1 — %2"), kind, entry.summary)]

    def _withdraw_note(self, entry: LogEntry) -> list[str] | None:
        name, found, text = entry.summary.partition(" rút nhận xét: ")
        if not found:
            return None
        kind = labels.label(labels.NOTE_KINDS, entry.data["kind"])
        return [filled(self.tr("%1 withdrew a note (%2): %3"), name, kind, text)]

    def _merge(self, entry: LogEntry) -> list[str]:
        data = entry.data
        said = self.tr("Kit of %1 merged (%2): %3 score(s) added, %4 replaced, %5 unchanged; "
                       "%6 note(s) added")
        parts = [filled(said, data["observer"], data["file"], int(data["added"]),
                        int(data["replaced"]), int(data["unchanged"]), int(data["notes"]))]
        parts += [filled(_tr(said), int(data[key])) for key, said in MERGE_EXTRAS
                  if data.get(key)]
        return parts
