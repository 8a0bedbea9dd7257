"""One error handler: known problems and unexpected exceptions become messages, not dead windows."""

from __future__ import annotations

import re
import sqlite3
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from dientap_desktop.ui import dialogs

_showing = False


def _problem_types() -> tuple[type[Exception], ...]:
    from dientap_desktop.storage.exercise_file import ActionError, FileProblem

    return (ActionError, FileProblem)


def details_of(error: BaseException) -> str:
    """The technical text of an error: its lines of problems, or its message (and what the
    system said, for a write that failed)."""
    problems = getattr(error, "problems", None)
    if problems:
        return "\n".join(str(p) for p in problems)
    technical = getattr(error, "technical", "")  # a WriteFailed's
    return "\n".join(filter(None, (str(error) or type(error).__name__, technical)))


def with_reason(message: str, error: BaseException) -> str:
    """`message`, and under it why, when the problem is known here: in the window's language,
    naming the file (or its folder) by its name."""
    from dientap_desktop.ui.problems import told  # its table is built when needed

    reason = told(error)
    return message + (f"\n\n{reason}" if reason else "")


@contextmanager
def reporting(parent: QWidget | None, message: str) -> Iterator[None]:
    """Turn a known problem (bad file, action that does not fit) into an error message."""
    try:
        yield
    except _problem_types() as error:
        from dientap_desktop.storage.exercise_file import ActionError
        from dientap_desktop.ui.problems import told

        reason = told(error)
        if isinstance(error, ActionError):  # a sentence (a file's problem starts with its name)
            reason = reason[:1].upper() + reason[1:]
        dialogs.show_error(parent, message + (f"\n\n{reason}" if reason else ""),
                           details_of(error))
    except OSError as error:  # a write told as the file asked for (WriteFailed) says why
        dialogs.show_error(parent, with_reason(message, error),
                           f"{error.filename or ''}: {error.strerror or error}")
    except sqlite3.Error as error:  # the disk is full, the file locked or gone: not saved
        path = getattr(getattr(parent, "exercise", None), "path", None)
        dialogs.show_error(parent, message + "\n\n" + not_saved(error, path), details_of(error))


def not_saved(error: sqlite3.Error | Exception, path: str | Path | None = None) -> str:
    """In plain words: this change is not in the file, and why (a full disk, a file another
    program holds...: as storage tells it, in the window's language)."""
    from dientap_desktop.storage.database import sqlite_problem
    from dientap_desktop.ui.problems import in_language

    name = str(path or "exercise")
    line = str(sqlite_problem(name, error, path) if isinstance(error, sqlite3.Error) else error)
    reason = in_language(line[len(name) + 2:] if line.startswith(f"{name}: ") else line)
    return QCoreApplication.translate("Errors", "This change is NOT saved: %1").replace(
        "%1", reason)


# what PySide puts before the message of an exception raised in a Qt method a class overrides
# (once for each such method it went through)
_OVERRIDE = re.compile(r"^(?:Error calling Python override of \S+\(\): )+")


def unreadable(error: Exception) -> str:
    """In plain words: what a view was to show cannot be read from the file (damaged), and
    nothing was changed; where the automatic copies of an exercise are."""
    from dientap_desktop.ui.problems import in_language, is_known

    line = _OVERRIDE.sub("", str(error)).split("\n", 1)[0]  # PySide adds the traceback
    said = QCoreApplication.translate("Errors", "This part of the file cannot be read. Nothing "
                                                "was changed.")
    if is_known(line):
        said += "\n\n" + in_language(line)
    return said + copies_advice(line)


def copies_advice(line: str, gone: bool = False) -> str:
    """Where the automatic copies are, to be told after a problem line of an exercise file
    that is damaged (not when what to move is a -wal beside it), or `gone` with copies of it
    kept; "" otherwise."""
    if not gone and (": the file is damaged (" not in line or "beside it holds changes" in line
                     or line.split(": ", 1)[0].endswith(".dtkit")):
        return ""
    return "\n\n" + QCoreApplication.translate(
        "MainWindow", "The program keeps automatic copies of the exercises it runs: File ▸ "
                      "Automatic copies…")


def unexpected(exc_type, exc, tb) -> None:
    """sys.excepthook: tell the user, print the traceback, keep the window alive."""
    global _showing
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    if sys.stderr is not None:
        print(text, file=sys.stderr)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        if isinstance(exc, _problem_types()[1]):  # a view reading a file found damaged
            said = unreadable(exc)
        elif isinstance(exc, sqlite3.Error):  # a change that could not be written: not saved
            said = not_saved(exc)
        else:
            said = QCoreApplication.translate(
                "Errors",
                "Something went wrong in the program. Everything done so far is saved in the "
                "exercise file; you can go on working. Copy the details to report the problem.",
            )
        dialogs.show_error(QApplication.activeWindow(), said, text)
    finally:
        _showing = False


def install() -> Callable:
    """Route unexpected exceptions to the error message; returns the previous hook."""
    previous = sys.excepthook
    sys.excepthook = unexpected
    return previous
