"""The director's window with the keyboard alone, as a reviewer ran the demo at 1366x768: Enter
does what the dialog is for, every question answers by a key and says no on Enter, access keys
are distinct, a language switch keeps the projector for the room, Qt's file dialog speaks
Vietnamese."""

from __future__ import annotations

import ast
import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QFileInfo, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QFileIconProvider,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeView,
)

from tests.test_ui_observer import kit_path  # noqa: F401
from tests.ui_support import answers, practice_file, press, ui_settings, window  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "dientap_desktop" / "ui"


def key_of(text: str) -> str:
    """The access key a text marks with "&" (lower case), or ""."""
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else ""


@contextmanager
def language(qapp, code: str):
    from dientap_desktop.app import install_translations

    install_translations(qapp, code)
    try:
        yield
    finally:
        install_translations(qapp, "en")


@contextmanager
def real_questions():
    """The program's questions shown as message boxes (not answered by the tests' responder)."""
    from dientap_desktop.ui import dialogs

    old = dialogs.set_responder(None)
    try:
        yield
    finally:
        dialogs.set_responder(old)


def answer_next_question(press_yes: bool = True) -> dict:
    """Answer the next message box with the access key of its yes (or no) button, pressed alone
    as the director does; what the box showed is returned (filled in when it was shown). A
    button without a key cannot be pressed so: the box is then answered no with a click."""
    seen: dict = {}
    tries = [0]

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] += 1
            if tries[0] < 1000:
                QTimer.singleShot(5, look)
            return
        role = {box.buttonRole(b): b for b in box.buttons()}
        yes = role[QMessageBox.ButtonRole.YesRole]
        no = role[QMessageBox.ButtonRole.NoRole]
        seen.update(title=box.windowTitle(), text=box.text(), yes=yes.text(), no=no.text(),
                    no_is_default=box.defaultButton() is no,
                    no_on_escape=box.escapeButton() is no)
        key = key_of((yes if press_yes else no).text())
        if key:
            QTest.keyClick(box, key)
        else:
            no.click()

    QTimer.singleShot(0, look)
    return seen


def back_to(qtbot, window) -> None:
    """The window active again after a question (a window manager does it on screen)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def assert_keys_of_a_question(seen: dict) -> None:
    assert seen, "no question was asked"
    yes, no = key_of(seen["yes"]), key_of(seen["no"])
    assert yes and yes.isascii() and yes.isalnum(), seen["yes"]
    assert no and no.isascii() and no.isalnum(), seen["no"]
    assert yes != no, (seen["yes"], seen["no"])
    assert seen["no_is_default"] and seen["no_on_escape"]  # Enter and Escape: the safe answer


# ------------------------------------------------------------------ 1. export dialog


def test_enter_in_the_export_dialog_exports_and_never_opens_the_folder_chooser(
        qtbot, answers, tmp_path, monkeypatch):
    from dientap_desktop.ui import export_dialog

    monkeypatch.setattr(export_dialog, "open_folder", lambda folder: None)
    written = []

    def export(snapshot, folder, keys, progress, cancelled):
        written.append((folder, tuple(keys)))
        return [folder / f"{key}.pdf" for key in keys]

    dialog = export_dialog.ExportDialog(None, lambda: object(), tmp_path / "out", export=export)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Enter where the keyboard is when the dialog opens, then in the folder field
    for field in (dialog.checks["scoring"], dialog.folder_edit):
        field.setFocus()
        with qtbot.waitSignal(dialog.finished_export):
            qtbot.keyClick(field, Qt.Key.Key_Return)
            assert answers.of("folder") == []  # the folder chooser was not opened
            assert dialog.running  # the export started at once
    assert [w[0] for w in written] == [tmp_path / "out"] * 2
    assert written[0][1] == ("scoring", "blank", "summary", "log", "aar")
    choose = next(b for b in dialog.findChildren(QPushButton) if b.text() == "C&hoose…")
    assert dialog.export_button.isDefault()
    assert not choose.isDefault() and not choose.autoDefault()


# ------------------------------------------------------------------ 2. questions


@pytest.mark.parametrize("code", ["vi", "en"])
def test_every_run_question_answers_by_its_key_and_says_no_on_enter(
        code, qapp, qtbot, window, practice_file):
    assert window.open_file(practice_file)
    director = window.director
    with language(qapp, code), real_questions():
        for keys, done in (("F5", lambda: director.status == "running"),
                           ("F6", None), ("F6", None),
                           ("F8", lambda: director.delivered_count() == 1),
                           ("Ctrl+F9", lambda: director.status == "finished")):
            seen = answer_next_question() if done else {}
            press(qtbot, window, keys)
            if done:
                assert seen, f"{keys} asked nothing"
                assert_keys_of_a_question(seen)
                assert done(), (keys, seen["yes"])  # its key answered yes
                back_to(qtbot, window)


def ask_yes_no_call_sites():
    """(file, line, context, yes, no) of each question asked in the ui: the literal texts of its
    yes/no answers, and the translation context they are looked up in."""
    helpers = {"_tr": "FileLock"}  # file_lock.py's own translate helper
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for child in ast.walk(node):
                    classes[child] = node.name

        def text_of(node, call, classes=classes):
            if isinstance(node, ast.BoolOp):  # `given or self.tr("…")`: the text by default
                node = node.values[-1]
            if not isinstance(node, ast.Call) or not node.args:
                return None
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
            if name == "tr" and isinstance(args[0], str):
                return classes.get(call), args[0]
            if name == "translate" and len(args) > 1 and isinstance(args[1], str):
                return args[0], args[1]
            if name in helpers and isinstance(args[0], str):
                return helpers[name], args[0]
            return None

        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            answers_ = {k.arg: k.value for k in node.keywords}
            if name == "_confirm" and len(node.args) == 3:  # director.py: (title, text, yes)
                answers_["yes"] = node.args[2]
            elif name != "ask_yes_no":
                continue
            yes = text_of(answers_.get("yes"), node) if "yes" in answers_ else None
            no = text_of(answers_.get("no"), node) if "no" in answers_ else None
            if yes or no:
                yield path.name, node.lineno, yes, no


@pytest.mark.parametrize("code", ["vi", "en"])
def test_every_question_of_the_ui_has_keys_and_no_as_default(code, qapp, qtbot):
    from dientap_desktop.ui import dialogs

    sites = list(ask_yes_no_call_sites())
    assert len(sites) >= 8  # start, undo, finish, kits, lock, note, replace, closing, gone...
    with language(qapp, code), real_questions():
        for file, line, yes, no in sites:
            yes_text = QCoreApplication.translate(*yes) if yes else ""
            no_text = QCoreApplication.translate(*no) if no else ""
            seen = answer_next_question()
            assert dialogs.ask_yes_no(None, "?", f"{file}:{line}", yes=yes_text, no=no_text), \
                (file, line, seen)
            assert_keys_of_a_question(seen)


# ------------------------------------------------------------------ 3. welcome view


def test_enter_on_a_focused_welcome_button_presses_it(window, qtbot, answers):
    buttons = window.welcome.findChildren(QPushButton)

    def button(action):
        return next(b for b in buttons if b.text().startswith(action.text().replace("&", "")))

    open_button, practice_button = button(window.act_open), button(window.act_practice)
    open_button.setFocus()
    qtbot.keyClick(open_button, Qt.Key.Key_Return)
    assert len(answers.of("open")) == 1  # "Open exercise file…": the file chooser was asked
    practice_button.setFocus()
    qtbot.keyClick(practice_button, Qt.Key.Key_Enter)
    assert window.exercise is not None  # "Practice with the demo exercise"
    assert window.exercise.path.name.startswith("tap-thu")


def test_enter_on_a_scenario_then_cancel_opens_nothing_else(window, qtbot, answers,
                                                           practice_file):
    window.settings.add_recent(practice_file, "Practice")
    window.welcome.refresh()
    window.welcome.load_scenarios()
    view = window.welcome.scenario_view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    asked = []

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(5, cancel)
            return
        asked.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert asked == ["NewExerciseDialog"]
    assert window.exercise is None  # not the recent exercise instead


# ------------------------------------------------------------------ 4. access keys


def menu_keys(menu, path: str, window, problems: list) -> None:
    menu.aboutToShow.emit()  # menus filled when shown (recent files, screens)
    keys: dict[str, str] = {}
    own = set(window.actions())
    for action in menu.actions():
        text = action.text()
        if action.isSeparator() or not text:
            continue
        key = key_of(text)
        if not key:
            if action in own or action.menu() is not None:
                problems.append(f"{path} → {text!r}: no access key")
            continue
        if not (key.isascii() and key.isalnum()):
            problems.append(f"{path} → {text!r}: key {key!r} is not on the keyboard")
        if key in keys:
            problems.append(f"{path}: {keys[key]!r} and {text!r} share {key!r}")
        keys[key] = text
        if action.menu() is not None:
            menu_keys(action.menu(), f"{path} → {text}", window, problems)


@pytest.mark.parametrize("code", ["vi", "en"])
def test_access_keys_are_distinct_in_every_menu_and_in_the_log(
        code, qapp, qtbot, ui_settings, answers, practice_file):
    from dientap_desktop.ui.main_window import MainWindow

    with language(qapp, code):
        window = MainWindow(ui_settings)  # with the menus of the kits and the reports
        qtbot.addWidget(window)
        window.show()
        back_to(qtbot, window)
        assert window.open_file(practice_file)
        press(qtbot, window, "F5")
        problems: list[str] = []
        bar: dict[str, str] = {}
        for action in window.menuBar().actions():
            key = key_of(action.text())
            if not key:
                problems.append(f"menu bar: {action.text()!r} has no access key")
            elif key in bar:
                problems.append(f"menu bar: {bar[key]!r} and {action.text()!r} share {key!r}")
            bar[key] = action.text()
            menu_keys(action.menu(), action.text(), window, problems)
        press(qtbot, window, "F9")  # paused: "Pause" reads "Resume", with a key of its own
        menu_keys(window.menu("exercise"), "paused: " + window.menu("exercise").title(),
                  window, problems)
        # The log's filters: Alt+key goes to the field, never to a menu of the bar.
        press(qtbot, window, "F3")
        log_keys = dict(bar)
        for label in window.log_view.findChildren(QLabel):
            key = key_of(label.text())
            if not key:
                continue
            assert label.buddy() is not None, label.text()
            if key in log_keys:
                problems.append(f"log: {log_keys[key]!r} and {label.text()!r} share {key!r}")
            log_keys[key] = label.text()
        assert problems == []
        for label in window.log_view.findChildren(QLabel):
            key = key_of(label.text())
            if key:  # Alt+key in the log leads to its field
                press(qtbot, window, f"Alt+{key.upper()}")
                assert QApplication.focusWidget() is label.buddy(), label.text()
        window.close_exercise()
        window.close()


# ------------------------------------------------------------------ 5. switching language


def test_switching_language_keeps_the_projector_for_the_room(qapp, qtbot, ui_settings,
                                                            practice_file, answers):
    from dientap_desktop import app

    ui_settings.language = "vi"
    app.install_translations(qapp, "vi")
    window = app.build_window(ui_settings, str(practice_file))
    qtbot.addWidget(window)
    try:
        window.act_projector.setChecked(True)
        projector = window.projector
        window.act_fullscreen.trigger()
        assert projector.isVisible() and projector.isFullScreen()
        screen = projector.screen()
        window.act_start.trigger()
        window.act_next.trigger()
        told = len(answers.asked)
        window.set_language("en")
        qtbot.waitUntil(lambda: bool(app._windows) and app._windows[-1] is not window)
        new = app._windows[-1]
        qtbot.addWidget(new)
        assert not window.isVisible()
        assert new.projector is projector  # the same window: the room never sees it go
        assert projector.isVisible() and projector.isFullScreen()
        assert projector.screen() is screen
        assert new.act_projector.isChecked()
        assert projector.windowTitle() == "Projector"
        assert len(answers.asked) == told  # nothing asked or told on the way
        new.act_next.trigger()  # it follows the new window
        current = new.director.state.current
        assert current.number == 2 and current.inject.title in projector.text()
        new.act_pause.trigger()
        assert "PAUSED" in projector.text()
        new.act_projector.setChecked(False)  # and the new window's keys work it
        assert not projector.isVisible()
        new.close()
    finally:
        app.install_translations(qapp, "en")
        ui_settings.language = "en"
        app._windows.clear()


@pytest.mark.parametrize("code", ["vi", "en"])
def test_switching_language_with_a_decision_typed_asks_about_the_language(
        code, qapp, qtbot, ui_settings, practice_file, answers):
    """Asked only when the file cannot keep what is typed (else it waits there)."""
    import sqlite3

    from dientap_desktop import app

    ui_settings.language = code
    app.install_translations(qapp, code)
    window = app.build_window(ui_settings, str(practice_file))
    qtbot.addWidget(window)
    try:
        window.act_start.trigger()
        window.act_next.trigger()

        def full_disk(*_args):
            raise sqlite3.OperationalError("database or disk is full")

        window.director._draft_failure_told = True  # told once already
        window.director.exercise.keep_draft = full_disk
        press(qtbot, window, "Alt+1")
        qtbot.keyClicks(window.run_view.posts.editor.text, "Chua ghi")
        with real_questions():
            seen = answer_next_question(press_yes=False)  # "go back", by its key
            window.set_language("en" if code == "vi" else "vi")
        assert_keys_of_a_question(seen)
        assert seen["yes"].replace("&", "") == {
            "vi": "Vẫn đổi ngôn ngữ, bỏ các nội dung đó",
            "en": "Change the language without them"}[code]
        assert ui_settings.language == code and window.exercise is not None
        with real_questions():  # closing the exercise still says so
            seen = answer_next_question(press_yes=False)
            window.act_close.trigger()
        assert seen["yes"].replace("&", "") == {
            "vi": "Vẫn đóng, bỏ các nội dung đó", "en": "Close without them"}[code]
        assert window.exercise is not None
        window.close_exercise()
        window.close()
    finally:
        app.install_translations(qapp, "en")
        ui_settings.language = "en"
        app._windows.clear()


# ------------------------------------------------------------------ 6. Qt's file dialog


def file_dialog_texts(qtbot, folder: Path) -> dict[str, str]:
    """What Qt's own file dialog (not a native one) shows, by where it shows it."""
    dialog = QFileDialog(None, "", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    texts = {}
    for label in dialog.findChildren(QLabel):
        if label.text():
            texts[f"label {label.objectName()}"] = label.text()
    for button in dialog.findChildren(QAbstractButton):
        for kind, text in (("text", button.text()), ("tip", button.toolTip())):
            if text:
                texts[f"button {button.objectName()} {kind}"] = text
    view = next(v for v in dialog.findChildren(QTreeView) if v.objectName() == "treeView")
    model = view.model()
    for column in range(model.columnCount()):
        texts[f"column {column}"] = model.headerData(column, Qt.Orientation.Horizontal)
    for n, action in enumerate(view.header().actions()):
        texts[f"column menu {n}"] = action.text()
    for action in dialog.findChildren(type(view.header().actions()[0])):
        if action.text():
            texts[f"action {action.objectName()}"] = action.text()
    texts["folder type"] = QFileIconProvider().type(QFileInfo(str(folder)))
    dialog.setFileMode(QFileDialog.FileMode.Directory)  # choosing a folder: its own words
    for label in dialog.findChildren(QLabel):
        if label.text():
            texts[f"folder mode label {label.objectName()}"] = label.text()
    dialog.close()
    return texts


def test_qt_file_dialog_speaks_vietnamese(qapp, qtbot, tmp_path):
    english = file_dialog_texts(qtbot, tmp_path)
    assert english["label lookInLabel"] == "&Look in:"  # Qt 6's own words, as it writes them
    with language(qapp, "vi"):
        vietnamese = file_dialog_texts(qtbot, tmp_path)
    assert vietnamese.keys() == english.keys()
    same = {where: text for where, text in vietnamese.items() if english[where] == text}
    assert same == {}, "English left in the file dialog: translate it under Qt's context"
    assert vietnamese["folder type"] == "Thư mục"
    keys = [key_of(t) for w, t in vietnamese.items() if w.startswith("label") and key_of(t)]
    assert len(keys) == len(set(keys)) and all(k.isascii() for k in keys)


@pytest.mark.parametrize("code", ["vi", "en"])
def test_the_observer_window_s_access_keys_are_distinct(code, qapp, qtbot, tmp_path):
    """The observer's menu, tabs, note fields and buttons, all in the window at once: Alt+T
    went to a tab instead of the note's inject field (and Alt+N to a tab instead of the text)."""
    from PySide6.QtWidgets import QLabel, QPushButton

    from dientap_desktop.storage.kit import make_kit
    from dientap_desktop.ui.observer.window import open_observer_window
    from tests.kit_support import make_exercise

    with make_exercise(tmp_path / "ex.dientap") as ex:
        kit = make_kit(ex, "Đại tá A", tmp_path / "a.dtkit")
    with language(qapp, code):
        window = open_observer_window(kit)
        qtbot.addWidget(window)
        try:
            problems: list[str] = []
            texts = [a.text() for a in window.menuBar().actions()]
            texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
            notes = window.tabs.widget(1)
            texts += [w.text() for w in notes.findChildren(QLabel) if w.buddy() is not None]
            texts += [w.text() for w in notes.findChildren(QPushButton)]
            seen: dict[str, str] = {}
            for text in texts:
                key = key_of(text)
                if key and key in seen:
                    problems.append(f"{seen[key]!r} and {text!r} share {key!r}")
                seen[key] = text
            for action in window.menuBar().actions():
                menu_keys(action.menu(), action.text(), window, problems)
            assert problems == []
        finally:
            window.close()


@pytest.mark.parametrize("code", ["vi", "en"])
def test_the_export_dialog_s_access_keys_are_distinct_and_lead_to_their_fields(
        code, qapp, qtbot, tmp_path):
    """Each document, the folder, its button, "open when done" and Export take Alt+key, each
    its own; Alt on a document's key ticks it off."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from dientap_desktop.ui import export_dialog

    with language(qapp, code):
        dialog = export_dialog.ExportDialog(None, lambda: object(), tmp_path / "out",
                                            export=lambda *a, **k: [])
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        texts = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
        texts += [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
        keys = {}
        for text in texts:
            key = key_of(text)
            if text != dialog.cancel_button.text():  # Escape cancels
                assert key, f"{text!r} has no access key"
                assert key not in keys, f"{keys[key]!r} and {text!r} share {key!r}"
                assert key.isascii(), text
            keys[key] = text
        log = dialog.checks["log"]
        back_to(qtbot, dialog)
        press(qtbot, dialog, f"Alt+{key_of(log.text()).upper()}")
        qtbot.waitUntil(lambda: not log.isChecked())  # a click shown, then the tick goes
        assert dialog.checks["aar"].isChecked() and log.hasFocus()
        dialog.close()


@pytest.mark.parametrize("code", ["vi", "en"])
@pytest.mark.parametrize("which", ["new", "details"])
def test_the_exercise_dialogs_access_keys_are_distinct_and_lead_to_their_fields(
        which, code, qapp, qtbot, window, practice_file):
    """Every label and button of the new-exercise dialog (and of the details one) has a key of
    its own: Alt+H went to "Kịc&h bản" and to "&Hủy" both."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from dientap_desktop.ui.new_exercise import DetailsDialog, NewExerciseDialog

    assert window.open_file(practice_file)
    with language(qapp, code):
        dialog = (NewExerciseDialog(window.settings, window) if which == "new"
                  else DetailsDialog(window.director, window))
        qtbot.addWidget(dialog)
        dialog.show()
        back_to(qtbot, dialog)
        labels = [w for w in dialog.findChildren(QLabel) if w.isVisible() and key_of(w.text())]
        texts = [w.text() for w in labels]
        texts += [b.text() for b in dialog.findChildren(QAbstractButton)
                  if b.isVisible() and b.text()]
        keys: dict[str, str] = {}
        for text in texts:
            key = key_of(text)
            if key:
                assert key.isascii() and key.isalnum(), text
                assert key not in keys, f"{keys[key]!r} and {text!r} share {key!r}"
                keys[key] = text
        assert len(labels) >= 7
        for label in labels:  # Alt+key in the dialog leads to the label's field
            assert label.buddy() is not None, label.text()
            press(qtbot, dialog, f"Alt+{key_of(label.text()).upper()}")
            focus = QApplication.focusWidget()
            assert focus is label.buddy() or label.buddy().isAncestorOf(focus), label.text()
        dialog.hide()


def test_home_and_end_go_to_the_first_and_last_inject(window, practice_file, qtbot):
    assert window.open_file(practice_file)
    view = window.run_view.inject_view
    view.setFocus()
    view.selectRow(4)
    QTest.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == view.model().rowCount() - 1
    assert window.director.focus_id == window.director.scenario.injects[-1].id
    QTest.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0


def test_tab_leaves_the_date_of_a_new_exercise_at_once(window, qtbot):
    from tests.ui_support import new_exercise_dialog

    form = new_exercise_dialog(window, qtbot).form
    form.day.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(form.day, Qt.Key.Key_Tab)  # not to the month, then the year
    assert QApplication.focusWidget() is form.superior


def time_given_field(window, practice_file, qtbot):
    """The decision form of the demo's first inject delivered, the keyboard brought to its time
    by Ctrl+T from the decision's text: the form's editor."""
    assert window.open_file(practice_file)
    press(qtbot, window, "F5")
    press(qtbot, window, "F6")
    window.run_view.posts.focus_form()
    press(qtbot, window, "Ctrl+T")
    return window.run_view.posts.editor


def test_the_time_given_is_typed_with_its_colon(window, practice_file, qtbot):
    """Ctrl+T, then "08:26": the colon goes past the minutes' separator inside the field (it
    took the keyboard out of it, the minutes went nowhere and the decision was recorded now)."""
    editor = time_given_field(window, practice_file, qtbot)
    assert QApplication.focusWidget() is editor.given
    seconds = editor.given.time().second()
    QTest.keyClicks(editor.given, "08")
    QTest.keyPress(editor.given, Qt.Key.Key_Shift)  # as a keyboard sends it, for the colon
    QTest.keyClick(editor.given, Qt.Key.Key_Colon, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyRelease(editor.given, Qt.Key.Key_Shift)
    QTest.keyClicks(editor.given, "26")
    assert QApplication.focusWidget() is editor.given
    assert editor.given.time().toString("HH:mm:ss") == f"08:26:{seconds:02d}"
    assert editor.given_touched and editor.given_at() is not None
    QTest.keyClicks(editor.given, ":15  15/11/2023")  # on to the seconds, the date
    assert editor.given.dateTime().toString("HH:mm:ss dd/MM/yyyy") == "08:26:15 15/11/2023"
    QTest.keyClick(editor.given, Qt.Key.Key_Tab)  # Tab still leaves at once
    assert QApplication.focusWidget() is editor.now_button


def test_a_part_of_the_time_still_being_typed_is_recorded(window, practice_file, qtbot):
    """"9:5" then Ctrl+Enter: the minutes typed count, though the field was not left."""
    from dientap_desktop.domain.clock import VIETNAM

    editor = time_given_field(window, practice_file, qtbot)
    QTest.keyClicks(editor.given, "9:5")  # "5" may be the first digit of 50: not read yet
    assert editor.given_at().astimezone(VIETNAM).strftime("%H:%M") == "09:05"


def test_the_date_of_a_new_exercise_is_typed_with_its_slashes(window, qtbot):
    """15/11/2023 typed as written: the slashes stay in the date (they moved the keyboard on to
    the next field: the year was not typed, "11/2023" went into the superior body)."""
    from tests.ui_support import new_exercise_dialog

    form = new_exercise_dialog(window, qtbot).form
    form.name.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(form.name, Qt.Key.Key_Tab)
    QTest.keyClick(form.place, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.day
    QTest.keyClicks(form.day, "15/11/2023")
    assert form.day.date().toString("dd/MM/yyyy") == "15/11/2023"
    assert QApplication.focusWidget() is form.day and form.superior.text() == ""
    form.place.setFocus(Qt.FocusReason.OtherFocusReason)
    form.day.setFocus(Qt.FocusReason.ShortcutFocusReason)  # back by its access key
    QTest.keyClicks(form.day, "1/2/2024")  # one digit of the day and of the month
    assert form.day.date().toString("dd/MM/yyyy") == "01/02/2024"
    QTest.keyClick(form.day, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.superior and form.superior.text() == ""


def test_the_list_of_shortcuts_has_every_command_with_keys(window, practice_file, qtbot):
    from PySide6.QtGui import QAction, QKeySequence

    from dientap_desktop.ui.help import ShortcutsDialog

    assert window.open_file(practice_file)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    model = dialog.findChild(type(window.run_view.inject_view)).model()
    listed = {model.index(r, 1).data() for r in range(model.rowCount())}
    native = QKeySequence.SequenceFormat.NativeText
    keys = {a.shortcut().toString(native) for a in window.findChildren(QAction)} - {""}
    assert "Ctrl+Shift+M" in keys  # the kits' merge, on the results' menu
    assert keys <= listed
    assert {"Ctrl+Shift+T", "Space"} <= listed  # the form's keys: time back to now, ticks


def test_the_time_given_goes_back_to_now_by_its_key(window, practice_file, qtbot):
    from PySide6.QtWidgets import QApplication

    assert window.open_file(practice_file)
    press(qtbot, window, "F5")
    press(qtbot, window, "F6")
    editor = window.run_view.posts.editor
    editor.given.setFocus()
    qtbot.waitUntil(editor.given.hasFocus)
    qtbot.keyClick(editor.given, Qt.Key.Key_Down)  # an hour back (the part the cursor is in)
    assert editor.given_touched
    earlier = editor.given.dateTime()
    press(qtbot, window, "Ctrl+Shift+T")
    assert not editor.given_touched and editor.given.dateTime() != earlier
    assert QApplication.focusWidget() is not None


def test_the_time_given_is_typed_part_by_part_with_the_arrows(qapp, qtbot):
    from PySide6.QtCore import QDateTime
    from PySide6.QtWidgets import QDateTimeEdit

    from dientap_desktop.ui.widgets import TimeEdit

    field = TimeEdit()
    field.setDisplayFormat("HH:mm:ss  dd/MM/yyyy")
    field.setDateTime(QDateTime.fromString("2026-11-25 05:04:44", "yyyy-MM-dd HH:mm:ss"))
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_End)
    assert field.currentSection() == QDateTimeEdit.Section.YearSection
    QTest.keyClick(field, Qt.Key.Key_Home)
    assert field.currentSection() == QDateTimeEdit.Section.HourSection
    QTest.keyClick(field, Qt.Key.Key_Right)
    assert field.currentSection() == QDateTimeEdit.Section.MinuteSection
    QTest.keyClicks(field, "35")  # the part chosen is replaced by the digits typed
    QTest.keyClick(field, Qt.Key.Key_Left)
    QTest.keyClick(field, Qt.Key.Key_Left)
    assert field.currentSection() == QDateTimeEdit.Section.HourSection  # not before the first
    QTest.keyClicks(field, "06")
    assert field.time().toString("HH:mm:ss") == "06:35:44"



@pytest.mark.parametrize("watched", [True, False])
def test_escape_out_of_a_menu_gives_the_keyboard_back_to_the_field(qapp, qtbot, watched):
    """Qt leaves the menu bar holding the keyboard when a menu opened with Alt is closed with
    Escape (QMenuBar's keyboard mode): the next words typed were its keys, and a "c" closed the
    running exercise (Đóng c̲uộc diễn tập). The keyboard goes back to the field it came from."""
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

    from dientap_desktop.ui.menu_bar import MenuBarExit

    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&File")
    menu.addAction("&Close exercise")
    field = QLineEdit()
    window.setCentralWidget(field)
    if watched:
        MenuBarExit(window.menuBar())
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    bar = window.menuBar()
    bar.setFocus(Qt.FocusReason.MenuBarFocusReason)  # as Escape out of the menu leaves it
    assert bar.hasFocus()
    menu.aboutToHide.emit()
    qtbot.wait(20)
    assert (QApplication.focusWidget() is field) == watched
    if watched:
        qtbot.keyClicks(QApplication.focusWidget(), "c")
        assert field.text() == "c"


def test_the_windows_give_the_keyboard_back_after_a_menu(window, qtbot, kit_path):
    from dientap_desktop.storage.kit import KitFile
    from dientap_desktop.ui.menu_bar import MenuBarExit
    from dientap_desktop.ui.observer.window import ObserverWindow

    observer = ObserverWindow(KitFile.open(kit_path))
    qtbot.addWidget(observer)
    for each in (window, observer):
        assert each.menuBar().findChildren(MenuBarExit)
