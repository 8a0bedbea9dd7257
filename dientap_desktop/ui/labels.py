"""Domain words shown in the window, as English source strings translated through Qt."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from dientap_desktop.domain.clock import vietnam_time

# The Vietnamese of these tables must match the domain's labels (a test checks it).
DECISION_KINDS = {
    "bao_cao": QT_TRANSLATE_NOOP("Labels", "Report"),
    "ha_quyet_tam": QT_TRANSLATE_NOOP("Labels", "State the decision"),
    "ra_menh_lenh": QT_TRANSLATE_NOOP("Labels", "Issue orders"),
    "hiep_dong": QT_TRANSLATE_NOOP("Labels", "Coordinate"),
    "khac": QT_TRANSLATE_NOOP("Labels", "Other"),
}
READINESS = {
    "thuong_xuyen": QT_TRANSLATE_NOOP("Labels", "Regular combat readiness"),
    "tang_cuong": QT_TRANSLATE_NOOP("Labels", "Enhanced combat readiness"),
    "cao": QT_TRANSLATE_NOOP("Labels", "High combat readiness"),
    "toan_bo": QT_TRANSLATE_NOOP("Labels", "Full combat readiness"),
}
LOCALITY = {
    "binh_thuong": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "co_tinh_huong": QT_TRANSLATE_NOOP("Labels", "Situation declared"),
    "khan_cap_quoc_phong": QT_TRANSLATE_NOOP("Labels", "Defence emergency"),
    "tinh_trang_chien_tranh": QT_TRANSLATE_NOOP("Labels", "State of war"),
    "thiet_quan_luat": QT_TRANSLATE_NOOP("Labels", "Martial law"),
    "gioi_nghiem": QT_TRANSLATE_NOOP("Labels", "Curfew"),
}
INJECT_STATUS = {
    "pending": QT_TRANSLATE_NOOP("Labels", "Pending"),
    "delivered": QT_TRANSLATE_NOOP("Labels", "Delivered"),
    "skipped": QT_TRANSLATE_NOOP("Labels", "Skipped"),
}
EXERCISE_STATUS = {
    "planned": QT_TRANSLATE_NOOP("Labels", "Not started"),
    "running": QT_TRANSLATE_NOOP("Labels", "Running"),
    "paused": QT_TRANSLATE_NOOP("Labels", "Paused"),
    "finished": QT_TRANSLATE_NOOP("Labels", "Finished"),
}
LOG_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("Labels", "Created"),
    "edit_exercise": QT_TRANSLATE_NOOP("Labels", "Exercise details"),
    "edit_roster": QT_TRANSLATE_NOOP("Labels", "Roster"),
    "start": QT_TRANSLATE_NOOP("Labels", "Start"),
    "pause": QT_TRANSLATE_NOOP("Labels", "Pause"),
    "resume": QT_TRANSLATE_NOOP("Labels", "Resume"),
    "finish": QT_TRANSLATE_NOOP("Labels", "Finish"),
    "deliver": QT_TRANSLATE_NOOP("Labels", "Delivery"),
    "skip": QT_TRANSLATE_NOOP("Labels", "Skip"),
    "undo_delivery": QT_TRANSLATE_NOOP("Labels", "Undo"),
    "decision": QT_TRANSLATE_NOOP("Labels", "Decision"),
    "edit_decision": QT_TRANSLATE_NOOP("Labels", "Decision edited"),
    "delete_decision": QT_TRANSLATE_NOOP("Labels", "Decision withdrawn"),
    "add_observer": QT_TRANSLATE_NOOP("Labels", "Observer"),
    "score": QT_TRANSLATE_NOOP("Labels", "Score"),
    "withdraw_score": QT_TRANSLATE_NOOP("Labels", "Score withdrawn"),
    "note": QT_TRANSLATE_NOOP("Labels", "Note"),
    "withdraw_note": QT_TRANSLATE_NOOP("Labels", "Note withdrawn"),
    "merge": QT_TRANSLATE_NOOP("Labels", "Kit merged"),
}
SCENARIO_KINDS = {
    "hostage_rescue": QT_TRANSLATE_NOOP("Labels", "Hostage rescue"),
    "airborne_landing": QT_TRANSLATE_NOOP("Labels", "Fire attack and airborne landing"),
    "riot_dispersal": QT_TRANSLATE_NOOP("Labels", "Riot dispersal"),
    "readiness_transition": QT_TRANSLATE_NOOP("Labels", "Readiness transition"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
SCENARIO_LEVELS = {
    "tinh": QT_TRANSLATE_NOOP("Labels", "Province"),
    "huyen": QT_TRANSLATE_NOOP("Labels", "District"),
    "xa_phuong": QT_TRANSLATE_NOOP("Labels", "Commune, ward"),
}
NOTE_KINDS = {
    "strength": QT_TRANSLATE_NOOP("Labels", "Strength"),
    "weakness": QT_TRANSLATE_NOOP("Labels", "Weakness"),
    "proposal": QT_TRANSLATE_NOOP("Labels", "Proposal"),
}


def label(table: dict[str, str], key: str | None) -> str:
    """The translated label of a key in one of the tables above (the key itself if unknown)."""
    if key is None:
        return ""
    source = table.get(key)
    return QCoreApplication.translate("Labels", source) if source else key


def scenario_name(title: str, kind: str) -> str:
    """A scenario's title, followed by its kind when the title does not say it already (the
    built-ins' titles name their kind: said once)."""
    said = label(SCENARIO_KINDS, kind)
    words = set(title.casefold().replace(",", " ").split())
    if kind == "other" or words.issuperset(said.casefold().replace(",", " ").split()):
        return title
    return f"{title} ({said})"


def tr(text: str) -> str:
    """Translate a string of the shared "Labels" context (declared with QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate("Labels", text)


def clock_text(minutes: float | None) -> str:
    """Elapsed exercise time as H:MM:SS (0:00:00 before the start)."""
    seconds = max(0, int((minutes or 0) * 60))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def plan_text(minutes: int | None) -> str:
    """A planned time after the start as HH:MM, or a dash."""
    if minutes is None:
        return "–"
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def local_time(moment: datetime | None, seconds: bool = False) -> str:
    """A stored instant as Vietnam's time of day, as the papers print it (whatever zone the
    laptop is set to)."""
    if moment is None:
        return ""
    return vietnam_time(moment).strftime("%H:%M:%S" if seconds else "%H:%M")


def score_text(value: Fraction | float | None) -> str:
    """A score as the user reads it, with the locale's decimal mark ("2,5" in Vietnamese)."""
    if value is None:
        return ""
    from PySide6.QtCore import QLocale

    from dientap_desktop.domain.score_csv import format_score

    return format_score(Fraction(value)).replace(".", QLocale().decimalPoint())


def total_text(value: Decimal | Fraction | None) -> str:
    """A post's or the exercise's score on the scale, always with two decimals ("7,00",
    "8,63") as the documents print it, with the locale's decimal mark."""
    if value is None:
        return ""
    from PySide6.QtCore import QLocale

    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / value.denominator
    return format(value, ".2f").replace(".", QLocale().decimalPoint())


def filled(template: str, *values: object) -> str:
    """A translation with its %1, %2... replaced in one pass (a value that holds "%2" stays as
    it is); a number with no value stays too."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1])
                  if 0 < int(m.group(1)) <= len(values) else m.group(0), template)
