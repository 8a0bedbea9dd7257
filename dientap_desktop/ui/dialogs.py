"""Every standard dialog of the app goes through here, so tests can answer them (set_responder).

The dialog classes are imported when a dialog is shown: PySide6 builds the Python enums of each
Qt class when it is first imported, which start-up need not wait for.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# (kind, message) -> answer. Kinds: "yes_no" -> bool, "error"/"info" -> ignored,
# "open"/"save"/"folder" -> path or None, "open_many" -> list of paths, "number" -> int or None,
# "choice" -> the index of the answer chosen (an answer that is not one: the last, going back).
Responder = Callable[[str, str], object]
_responder: Responder | None = None
_ending = False  # the program is ending (a shutdown): nothing typed is asked about


def set_responder(responder: Responder | None) -> Responder | None:
    """Answer dialogs with a function instead of showing them (for tests); returns the old one."""
    global _responder
    old, _responder = _responder, responder
    return old


def ask_yes_no(parent: QWidget | None, title: str, text: str, *, yes: str = "",
               no: str = "", default_yes: bool = False) -> bool:
    """Ask a question that says what will happen; True when the user confirms."""
    if _responder is not None:
        return bool(_responder("yes_no", f"{title}\n{text}"))
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    # Both answers have a key of their own (pressed alone or with Alt), the safe one first so
    # that it keeps the same key in every question ("&No"); Enter and Escape answer no.
    no, yes = with_access_keys([no or QCoreApplication.translate("Dialogs", "No"),
                                yes or QCoreApplication.translate("Dialogs", "Yes")])
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes_button if default_yes else no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def ask_choice(parent: QWidget | None, title: str, text: str, answers: list[str]) -> int:
    """Ask a question with more than two answers, each saying what it does; the index of the
    one chosen. The first is the default (Enter); the last goes back, as Escape does."""
    if _responder is not None:
        answer = _responder("choice", f"{title}\n{text}")
        chosen = isinstance(answer, int) and not isinstance(answer, bool) \
            and 0 <= answer < len(answers)
        return answer if chosen else len(answers) - 1
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    roles = [QMessageBox.ButtonRole.AcceptRole] \
        + [QMessageBox.ButtonRole.DestructiveRole] * (len(answers) - 2) \
        + [QMessageBox.ButtonRole.RejectRole]
    buttons = [box.addButton(label, role)
               for label, role in zip(with_access_keys(answers), roles, strict=True)]
    box.setDefaultButton(buttons[0])
    box.setEscapeButton(buttons[-1])
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else len(answers) - 1


def end_without_questions() -> None:
    """The program is ending at the system's request: dialogs closed from now on drop what was
    typed in them without asking (a question would hold the shutdown)."""
    global _ending
    _ending = True


def ask_drop_typed(parent: QWidget | None, text: str) -> bool:
    """Whether a dialog closed without saving may drop what was typed in it; `text` says what
    is lost. True (drop it) when the program is ending."""
    if _ending:
        return True
    from PySide6.QtCore import QCoreApplication

    return ask_yes_no(parent, QCoreApplication.translate("Dialogs", "Drop what you typed?"), text,
                      yes=QCoreApplication.translate("Dialogs", "Drop it"),
                      no=QCoreApplication.translate("Dialogs", "Go back to it"))


def access_key(text: str) -> str:
    """The access key a text marks with "&" (lower case), or "" when it marks none."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1  # "&&" is an ampersand
        i += 1
    return ""


def with_access_keys(texts: list[str]) -> list[str]:
    """The texts of buttons shown together, each with an access key of its own: a key the
    text (or its translation) marks is kept; the others get, in order, the first letter of one
    of their words that no other button has, else another of their letters. Only plain Latin
    letters and digits are used, the keys a Vietnamese keyboard types without Telex."""
    taken = {access_key(t) for t in texts} - {""}
    result = []
    for text in texts:
        if not access_key(text):
            places = [i for i, c in enumerate(text) if c.isascii() and c.isalnum()
                      and c.lower() not in taken and (i == 0 or not text[i - 1].isalnum())]
            places += [i for i, c in enumerate(text) if c.isascii() and c.isalnum()
                       and c.lower() not in taken and i not in places]
            if places:
                text = text[:places[0]] + "&" + text[places[0]:]
                taken.add(text[places[0] + 1].lower())
        result.append(text)
    return result


def show_error(parent: QWidget | None, message: str, details: str = "") -> None:
    """Show an error in plain words, with a "copy details" button for the technical part."""
    if _responder is not None:
        _responder("error", f"{message}\n{details}")
        return
    from dientap_desktop.ui.error_dialog import ErrorDialog

    ErrorDialog(parent, message, details).exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something that needs no answer."""
    if _responder is not None:
        _responder("info", f"{title}\n{text}")
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.exec()


def ask_number(parent: QWidget | None, title: str, label: str, value: int, minimum: int,
               maximum: int) -> int | None:
    """Ask for a whole number in a range; None when cancelled."""
    if _responder is not None:
        answer = _responder("number", f"{title}\n{label}")
        return None if answer is None else int(answer)
    from PySide6.QtWidgets import QInputDialog

    number, ok = QInputDialog.getInt(parent, title, label, value, minimum, maximum)
    return number if ok else None


def choose_open_path(parent: QWidget | None, title: str, filters: str,
                     folder: str = "") -> str | None:
    """Ask for an existing file to open; None when cancelled."""
    if _responder is not None:
        return _responder("open", title)  # type: ignore[return-value]
    from PySide6.QtWidgets import QFileDialog

    paths = _ask_files(parent, title, folder, filters, QFileDialog.FileMode.ExistingFile)
    return paths[0] if paths else None


def choose_open_paths(parent: QWidget | None, title: str, filters: str,
                      folder: str = "") -> list[str]:
    """Ask for one or more existing files to open; an empty list when cancelled."""
    if _responder is not None:
        return list(_responder("open_many", title) or [])  # type: ignore[arg-type]
    from PySide6.QtWidgets import QFileDialog

    return _ask_files(parent, title, folder, filters, QFileDialog.FileMode.ExistingFiles)


def choose_save_path(parent: QWidget | None, title: str, filters: str, suggested: str = "",
                     suffix: str = "") -> str | None:
    """Ask where to write a new file; None when cancelled. Adds `suffix` when it is missing."""
    if _responder is not None:
        return _responder("save", title)  # type: ignore[return-value]
    from PySide6.QtWidgets import QFileDialog

    paths = _ask_files(parent, title, suggested, filters, QFileDialog.FileMode.AnyFile,
                       save=True)
    return with_suffix(parent, title, paths[0], suffix) if paths else None


def with_suffix(parent: QWidget | None, title: str, path: str, suffix: str) -> str | None:
    """The path with its suffix added when missing; None when that makes the name of a file
    that is there and the user does not want it replaced (the file dialog asked about the name
    without the suffix)."""
    if not suffix or path.lower().endswith(suffix.lower()):
        return path
    path += suffix
    from PySide6.QtCore import QCoreApplication

    if Path(path).exists() and not ask_yes_no(
            parent, title, QCoreApplication.translate(
                "Dialogs", "%1 already exists. Replace it?").replace("%1", Path(path).name),
            yes=QCoreApplication.translate("Dialogs", "Replace")):
        return None
    return path


def choose_folder(parent: QWidget | None, title: str, folder: str = "") -> str | None:
    """Ask for a folder; None when cancelled."""
    if _responder is not None:
        return _responder("folder", title)  # type: ignore[return-value]
    from PySide6.QtWidgets import QFileDialog

    paths = _ask_files(parent, title, folder, "", QFileDialog.FileMode.Directory)
    return paths[0] if paths else None


def _ask_files(parent: QWidget | None, title: str, start: str, filters: str, mode,
               save: bool = False) -> list[str]:
    """The paths chosen in a file dialog (`file_dialog`); none when cancelled."""
    dialog = file_dialog(parent, title, start, filters, mode, save)
    return list(dialog.selectedFiles()) if dialog.exec() else []


def file_dialog(parent: QWidget | None, title: str, start: str, filters: str, mode,
                save: bool = False):
    """A file dialog. Not the desktop's own on Linux and macOS, nor one that reads files to
    tell their type: a process that opens and closes a file drops every lock it holds on it,
    and the open exercise would lose its hold on its -wal (see storage.database `_held`)."""
    import os

    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, start, filters)
    dialog.setFileMode(mode)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    if os.name != "nt":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setIconProvider(_blind_icons())
        _roomy(dialog)
    return dialog


def _roomy(dialog) -> None:
    """Qt's own file dialog with room to read it: larger than its default (within the screen),
    the size, type and date of each file whole, the names taking the rest."""
    from PySide6.QtWidgets import QHeaderView, QListView, QSplitter, QTreeView

    screen = (dialog.parentWidget() or dialog).screen().availableGeometry()
    dialog.resize(min(900, screen.width() - 40), min(560, screen.height() - 60))
    places, split = dialog.findChild(QListView, "sidebar"), dialog.findChild(QSplitter, "splitter")
    if places is not None and split is not None:  # "Máy tính" whole beside its icon
        wanted = places.sizeHintForColumn(0) + 2 * places.frameWidth() + 12
        split.setSizes([wanted, dialog.width() - wanted])
    files = dialog.findChild(QTreeView, "treeView")
    if files is not None:
        header = files.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 4):  # size, type, date modified
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


_icons = None


def _blind_icons():
    """Icons and types of files told by their names alone, never by reading them."""
    global _icons
    if _icons is None:
        from PySide6.QtCore import QCoreApplication, QFileInfo, QMimeDatabase
        from PySide6.QtWidgets import QFileIconProvider

        class BlindIcons(QFileIconProvider):
            def icon(self, what):  # noqa: D102
                if isinstance(what, QFileInfo):
                    what = (QFileIconProvider.IconType.Folder if what.isDir()
                            else QFileIconProvider.IconType.File)
                return super().icon(what)

            def type(self, info):  # noqa: D102
                if info.isDir():
                    return super().type(info)  # "Folder": no file read
                suffix = info.suffix().lower()  # the program's own, unknown to the desktop
                if suffix == "dientap":
                    return QCoreApplication.translate("Dialogs", "Exercise file")
                if suffix == "dtkit":
                    return QCoreApplication.translate("Dialogs", "Observer kit")
                return QMimeDatabase().mimeTypeForFile(
                    info.fileName(), QMimeDatabase.MatchMode.MatchExtension).comment()

        _icons = BlindIcons()
    return _icons


def file_filter(description: str, *patterns: str) -> str:
    """A file dialog filter such as "Exercise files (*.dientap)"."""
    return f"{description} ({' '.join(patterns)})"


def folder_of(path: str | Path) -> str:
    """The folder of a file, to start the next file dialog there."""
    return str(Path(path).resolve().parent)
