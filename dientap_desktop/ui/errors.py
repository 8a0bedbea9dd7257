"""One error handler: known problems and unexpected exceptions become messages, not dead windows."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from dientap_desktop.ui import dialogs

_showing = False


def _problem_types() -> tuple[type[Exception], ...]:
    from dientap_desktop.storage.exercise_file import ActionError, FileProblem

    return (ActionError, FileProblem)


def details_of(error: BaseException) -> str:
    """The technical text of an error: its lines of problems, or its message."""
    problems = getattr(error, "problems", None)
    if problems:
        return "\n".join(str(p) for p in problems)
    return str(error) or type(error).__name__


@contextmanager
def reporting(parent: QWidget | None, message: str) -> Iterator[None]:
    """Turn a known problem (bad file, action that does not fit) into an error message."""
    try:
        yield
    except _problem_types() as error:
        from dientap_desktop.ui.problems import told

        reason = told(error)
        dialogs.show_error(parent, message + (f"\n\n{reason}" if reason else ""),
                           details_of(error))
    except OSError as error:
        dialogs.show_error(parent, message, f"{error.filename or ''}: {error.strerror or error}")


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
        dialogs.show_error(
            QApplication.activeWindow(),
            QCoreApplication.translate(
                "Errors",
                "Something went wrong in the program. Everything done so far is saved in the "
                "exercise file; you can go on working. Copy the details to report the problem.",
            ),
            text,
        )
    finally:
        _showing = False


def install() -> Callable:
    """Route unexpected exceptions to the error message; returns the previous hook."""
    previous = sys.excepthook
    sys.excepthook = unexpected
    return previous
