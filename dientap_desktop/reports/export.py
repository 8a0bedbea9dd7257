"""Writing the report PDFs of an exercise: one API for the command line and the window's worker."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable

from dientap_desktop.domain.snapshot import ExerciseSnapshot
from dientap_desktop.reports import aar, exercise_log, scoring, summary
from dientap_desktop.reports.document import ReportDocument
from dientap_desktop.temporary import (
    WriteFailed,
    make_folder,
    remove_temporary,
    temporary_beside,
    told_as,
)


@dataclass(frozen=True)
class Report:
    """One document: its key, its file name, its title (the PDF's metadata) and its builder."""

    key: str
    filename: str
    title: str
    story: Callable[[ExerciseSnapshot], list[Flowable]]


REPORTS = (
    Report("scoring", "scoring.pdf", "Phiếu chấm điểm", scoring.scoring_story),
    Report("blank", "blank.pdf", "Phiếu chấm điểm (để trống)", scoring.blank_story),
    Report("summary", "summary.pdf", summary.TITLE, summary.summary_story),
    Report("log", "log.pdf", exercise_log.TITLE, exercise_log.log_story),
    Report("aar", "aar.pdf", "Báo cáo rút kinh nghiệm", aar.aar_story),
)
REPORT_KEYS = tuple(r.key for r in REPORTS)
_BY_KEY = {r.key: r for r in REPORTS}

Progress = Callable[[int, int, str], None]


class ExportCancelled(Exception):
    """The export was cancelled; the document being written was removed."""


class UnknownReport(ValueError):
    """A report key that does not exist."""


@dataclass(frozen=True)
class ReportFailure:
    """A document that could not be made: its key, file name and title, whether its content
    could not be laid out on pages (`layout`) or its file could not be written (`file`: a
    folder in its place, a full disk...), and the error in one line (for `file`, why in plain
    words, as temporary.write_failed tells it)."""

    key: str
    filename: str
    title: str
    layout: bool
    error: str
    file: bool = False


class ReportsNotMade(Exception):
    """Some documents could not be made (`failures`); the others were written (`written`)."""

    def __init__(self, failures: list[ReportFailure], written: list[Path]):
        super().__init__("; ".join(f"{f.filename}: {f.error}" for f in failures))
        self.failures, self.written = failures, written


def _failure(report: Report, error: Exception) -> ReportFailure:
    from reportlab.platypus.doctemplate import LayoutError

    said = " ".join(str(error).split())
    if len(said) > 200:
        said = said[:199] + "…"
    return ReportFailure(report.key, report.filename, report.title,
                         isinstance(error, LayoutError), f"{type(error).__name__}: {said}")


def parse_keys(text: str | None) -> tuple[str, ...]:
    """The keys of `--only KEY,KEY` in the canonical order; all when None; UnknownReport if bad."""
    if text is None:
        return REPORT_KEYS
    asked = [k.strip().lower() for k in text.split(",") if k.strip()]
    unknown = [k for k in asked if k not in _BY_KEY]
    if unknown or not asked:
        named = ", ".join(unknown) if unknown else "(none)"
        raise UnknownReport(
            f"unknown report {named}; the reports are: {', '.join(REPORT_KEYS)}"
        )
    return tuple(k for k in REPORT_KEYS if k in asked)


class _CancellableDocument(ReportDocument):
    """A document that checks after every flowable whether the export was cancelled."""

    def __init__(self, *args, cancelled: Callable[[], bool] | None = None, **kw):
        super().__init__(*args, **kw)
        self._cancelled = cancelled

    def afterFlowable(self, flowable):
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled()


def write_report(
    snapshot: ExerciseSnapshot,
    key: str,
    path: str | Path,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write one document to `path`, whole or not at all (a temporary file, then a rename)."""
    report = _BY_KEY[key]
    path = Path(path)
    temporary = temporary_beside(path, ".part")
    try:
        with told_as(path, temporary):
            document = _CancellableDocument(temporary, snapshot.info, report.title,
                                            cancelled=cancelled)
            document.build(report.story(snapshot))
            os.replace(temporary, path)
    finally:
        remove_temporary(temporary)
    return path


def export_reports(
    snapshot: ExerciseSnapshot,
    out_dir: str | Path,
    keys: Iterable[str] = REPORT_KEYS,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write the chosen documents into `out_dir` (made if missing); returns their paths.

    Plain data in, files out, so it runs in a worker thread. `progress(done, total, title)` is
    called before each document and once at the end; when `cancelled()` turns true the export
    stops with ExportCancelled, and the documents already finished stay, each whole. A document
    that cannot be made (its content, or its own file: a folder in its place, a full disk)
    leaves no file and the others are still written; then ReportsNotMade tells which, at the
    end. The folder itself refused (missing, read-only), no document can be: its WriteFailed
    stops the export.
    """
    chosen = [_BY_KEY[k] for k in keys]
    folder = make_folder(Path(out_dir))
    # the times as printed (durations add up for a reader); a date on every paper once it
    # started, the day it ended once it finished
    snapshot = snapshot.to_whole_seconds().with_start_day().with_end_day()
    written: list[Path] = []
    failures: list[ReportFailure] = []
    for done, report in enumerate(chosen):
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        if progress is not None:
            progress(done, len(chosen), report.title)
        target = folder / report.filename
        try:
            written.append(write_report(snapshot, report.key, target, cancelled))
        except WriteFailed as error:
            if error.filename != str(target):  # the folder: the same for every document
                raise
            failures.append(ReportFailure(report.key, report.filename, report.title, False,
                                          error.strerror, file=True))
        except (ExportCancelled, OSError):  # an OSError of no file of ours: a font, an image
            raise
        except Exception as error:  # noqa: BLE001 - a bug or a layout reportlab cannot make
            failures.append(_failure(report, error))
    if progress is not None:
        progress(len(chosen), len(chosen), "")
    if failures:
        raise ReportsNotMade(failures, written)
    return written
