"""The observer's window from the keyboard: Delete and Backspace take a score back as its menu
item does (a comment alone on the comment's cell), Enter opens a cell, and every name in the
notes and injects lists reads whole at 1366 × 768."""

import sqlite3
from fractions import Fraction

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from test_ui_observer import (  # noqa: F401 (fixtures)
    OBSERVER,
    kit_path,
    lines_needed,
    margins,
    ranked_kit,
    screen_of,
    vietnamese,
)

from dientap_desktop.storage.kit import KitFile
from dientap_desktop.ui.observer.models import InjectsModel, NotesModel, PostsModel
from dientap_desktop.ui.observer.models import ScoreSheetModel as Sheet
from dientap_desktop.ui.observer.window import open_observer_window


@pytest.fixture
def scored(qtbot, kit_path):  # noqa: F811
    """The window on the kit, active, with the keyboard on its sheet (chu-tich: two criteria,
    both scored, the second with a comment)."""
    with KitFile.open(kit_path) as kit:
        kit.set_score("chu-tich", "nam-tinh-hinh", 2)
        kit.set_score("chu-tich", "xu-tri", Fraction(7, 2), "Xử trí chậm")
    window = open_observer_window(kit_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sheet_view)
    assert window.post_id == "chu-tich"
    return window


def scores(window) -> dict:
    return {s.criterion_id: (s.value, s.comment) for s in window.kit.scores()}


def history(window) -> list:
    return [(s.criterion_id, s.value, s.comment) for s, _ in window.kit.score_history()]


def press(qtbot, key) -> None:
    """A key pressed where the keyboard is, as the observer presses it."""
    qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.wait(1)  # the delegate commits through a queued call


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_delete_or_backspace_on_a_score_takes_it_back_as_the_menu_item_does(scored, qtbot, key):
    window, view = scored, scored.sheet_view
    view.setCurrentIndex(window.sheet_model.index(0, Sheet.SCORE))
    press(qtbot, key)
    assert view.state() != view.State.EditingState  # no editor opened
    assert "nam-tinh-hinh" not in scores(window)
    assert history(window) == [("nam-tinh-hinh", 2, "")]  # the old score kept
    assert window.statusBar().currentMessage().startswith("Score 2 of criterion 1 taken back")
    assert "2 missing" in window.posts_model.data(window.posts_model.index(0, PostsModel.STATE)) \
        or "1 missing" in window.posts_model.data(window.posts_model.index(0, PostsModel.STATE))
    # the menu item does the same, and its menu shows the key
    menu = window.menuBar().actions()[0].menu()
    assert window.act_clear in menu.actions()
    assert window.act_clear.shortcut().toString() == "Del"
    view.setCurrentIndex(window.sheet_model.index(1, Sheet.CRITERION))  # anywhere on its row
    window.act_clear.trigger()
    assert scores(window) == {}
    assert history(window)[-1] == ("xu-tri", Fraction(7, 2), "Xử trí chậm")
    press(qtbot, key)  # nothing left to take back: nothing written, no editor
    assert len(history(window)) == 2 and view.state() != view.State.EditingState


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_in_the_editor_enter_opened_on_a_score_the_key_takes_it_back_too(scored, qtbot, key):
    """After Enter, the next criterion's editor is open with its score: Delete or Backspace
    take the score back at once; once something is typed, they edit the text."""
    window, view = scored, scored.sheet_view
    view.setCurrentIndex(window.sheet_model.index(0, Sheet.SCORE))
    press(qtbot, Qt.Key.Key_Return)  # Enter on a cell not being edited opens it
    assert view.state() == view.State.EditingState
    press(qtbot, Qt.Key.Key_Return)  # unchanged: nothing written, the next criterion open
    assert view.currentIndex().row() == 1 and history(window) == []
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() in ("3,5", "3.5")
    press(qtbot, key)
    assert "xu-tri" not in scores(window) and history(window) == [
        ("xu-tri", Fraction(7, 2), "Xử trí chậm")]
    assert view.state() == view.State.EditingState and editor.text() == ""  # a new score next
    qtbot.keyClicks(editor, "2,5")
    press(qtbot, Qt.Key.Key_Backspace)  # typed in: an editing key again
    assert editor.text() == "2," and "xu-tri" not in scores(window)
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Return)
    assert scores(window)["xu-tri"] == (2, "")


def test_delete_on_a_comment_deletes_the_comment_and_keeps_the_score(scored, qtbot):
    window, view = scored, scored.sheet_view
    view.setCurrentIndex(window.sheet_model.index(1, Sheet.COMMENT))
    assert window.act_clear_comment.shortcut().toString() == "Del"
    assert window.act_clear.shortcut().isEmpty()  # the key goes with the cell under it
    press(qtbot, Qt.Key.Key_Delete)
    assert scores(window) == {"nam-tinh-hinh": (2, ""), "xu-tri": (Fraction(7, 2), "")}
    assert history(window) == [("xu-tri", Fraction(7, 2), "Xử trí chậm")]
    assert "Xử trí chậm" in window.statusBar().currentMessage()
    view.setCurrentIndex(window.sheet_model.index(1, Sheet.SCORE))
    assert window.act_clear.shortcut().toString() == "Del"


def test_what_is_being_typed_in_a_cell_is_kept_when_the_post_changes_by_key(scored, qtbot):
    """Ctrl+PgDown from a cell being typed in (no Enter yet): the score and the comment typed
    are entered, not thrown away with the sheet."""
    window, view = scored, scored.sheet_view
    view.setCurrentIndex(window.sheet_model.index(1, Sheet.COMMENT))
    press(qtbot, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert view.state() == view.State.EditingState and isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Dung chuc trach")
    qtbot.keyClick(editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(1)
    assert window.post_id != "chu-tich"
    assert scores(window)["xu-tri"] == (Fraction(7, 2), "Dung chuc trach")
    view.setCurrentIndex(window.sheet_model.index(0, Sheet.SCORE))
    press(qtbot, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "1,5")
    qtbot.keyClick(editor, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(1)
    assert window.post_id == "chu-tich"
    with KitFile.open(window.kit.path, readonly=True) as kit:
        entered = {(s.post_id, s.criterion_id): s.value for s in kit.scores()}
    assert Fraction(3, 2) in entered.values()


def test_a_comment_typed_on_a_criterion_not_scored_is_told(scored, qtbot):
    window, view = scored, scored.sheet_view
    view.setCurrentIndex(window.sheet_model.index(0, Sheet.SCORE))
    press(qtbot, Qt.Key.Key_Delete)
    view.setCurrentIndex(window.sheet_model.index(0, Sheet.COMMENT))
    qtbot.keyClicks(view, "tot")
    assert view.state() != view.State.EditingState
    assert window.statusBar().currentMessage().startswith("Give criterion 1 a score first")


def test_the_notes_and_injects_lists_give_every_name_whole_at_1366_by_768(
        qtbot, ranked_kit, monkeypatch, vietnamese):  # noqa: F811
    screen_of(monkeypatch, 1366, 728)
    with KitFile.open(ranked_kit) as kit:
        injects = kit.whole_scenario.injects
        longest = max(injects, key=lambda i: len(i.title))
        posts = sorted(kit.scenario.posts, key=lambda p: len(p.title))
        kit.add_note("weakness", "Hiệp đồng chậm với lực lượng công an; chưa nắm chắc số con "
                     "tin và vị trí đối tượng.", inject_id=longest.id, post_id=posts[-1].id)
        kit.add_note("strength", "Tốt", inject_id=injects[0].id, post_id=posts[0].id)
        kit.add_note("proposal", "Luyện tập thêm phương án sơ tán nhân dân.")
    window = open_observer_window(ranked_kit)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(1)
    qtbot.wait(10)
    view, model = window.notes_view, window.notes_model
    visible = view.viewport().width()
    for column in range(model.columnCount()):  # every column in sight
        assert view.columnViewportPosition(column) + view.columnWidth(column) <= visible
    assert view.columnWidth(NotesModel.TEXT) >= visible // 4  # the note keeps its room
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            text = model.data(model.index(row, column))
            tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
            assert text and tip == text  # whole in its tooltip too
            if column == NotesModel.KIND:  # one word or two, on one line
                assert view.fontMetrics().horizontalAdvance(text) + margins(view) <= \
                    view.columnWidth(column)
            for word in text.split():  # wrapped at words, never a word cut
                assert view.fontMetrics().horizontalAdvance(word) + margins(view) <= \
                    view.columnWidth(column), word
            assert lines_needed(view, column, text) * view.fontMetrics().lineSpacing() <= \
                view.rowHeight(row), text
    titles = [model.data(model.index(row, NotesModel.INJECT)) for row in range(3)]
    assert titles[0].endswith(longest.title) and titles[2] == "Chung"
    assert model.data(model.index(2, NotesModel.POST)) == "Mọi cương vị"
    # the injects list: the posts an inject goes to, whole in the tooltip of their cell
    injects_model = window.injects_model
    cell = injects_model.index(0, InjectsModel.TARGETS)
    assert injects_model.data(cell, Qt.ItemDataRole.ToolTipRole).split("\n") == [
        window.kit.whole_scenario.post(p).title for p in injects[0].targets]
    # and the posts list tells the criteria missing by their numbers on the sheet
    tip = window.posts_model.data(window.posts_model.index(0, PostsModel.STATE),
                                  Qt.ItemDataRole.ToolTipRole)
    count = len(window.kit.scenario.criteria_for(window.post_id))
    assert tip == "Còn thiếu: tiêu chí " + ", ".join(str(n) for n in range(1, count + 1))
    assert OBSERVER in window.windowTitle()


def test_enter_on_a_post_goes_to_its_sheet_and_delete_on_a_note_asks_to_delete_it(
        scored, qtbot):
    from dientap_desktop.ui import dialogs

    window = scored
    window.posts_view.setFocus()
    window.posts_view.setCurrentIndex(window.posts_model.index(1, PostsModel.POST))
    qtbot.keyClick(window.posts_view, Qt.Key.Key_Return)
    assert window.post_id == "cong-an" and QApplication.focusWidget() is window.sheet_view
    window.kit.add_note("weakness", "Báo cáo chậm", inject_id="th-01")
    window.notes_model.refresh()
    window.tabs.setCurrentIndex(1)
    window.notes_view.setFocus()
    window.notes_view.setCurrentIndex(window.notes_model.index(0, NotesModel.KIND))
    asked = []
    old = dialogs.set_responder(lambda kind, message: asked.append(message) and False)
    try:
        qtbot.keyClick(window.notes_view, Qt.Key.Key_Delete)  # "keep": nothing deleted
        assert len(window.kit.notes()) == 1 and "“Báo cáo chậm”" in asked[0]
        dialogs.set_responder(lambda kind, message: asked.append(message) or True)
        qtbot.keyClick(window.notes_view, Qt.Key.Key_Delete)
        assert window.kit.notes() == [] and len(asked) == 2
    finally:
        dialogs.set_responder(old)


def test_the_exercise_line_of_the_status_bar_stays_under_the_passing_messages(scored, qtbot):
    window = scored
    line = window.exercise_label.text()
    assert line.startswith("Exercise «Diễn tập thử», Phường Thử.")
    window.sheet_view.setCurrentIndex(window.sheet_model.index(0, Sheet.SCORE))
    press(qtbot, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage()  # a message over it for a while,
    window.statusBar().clearMessage()
    assert window.exercise_label.isVisible() and window.exercise_label.text() == line  # then back


def test_a_score_taken_back_with_its_comment_says_both_went(scored, qtbot):
    window, view = scored, scored.sheet_view
    assert window.sheet_model.setData(window.sheet_model.index(0, Sheet.COMMENT), "Chậm")
    view.setCurrentIndex(window.sheet_model.index(0, Sheet.SCORE))
    press(qtbot, Qt.Key.Key_Delete)
    assert "nam-tinh-hinh" not in scores(window)
    assert window.statusBar().currentMessage().startswith(
        "Score 2 of criterion 1 taken back with its comment")


def test_a_score_the_file_did_not_take_stays_typed_on_its_criterion(
        scored, qtbot, monkeypatch):
    """The file became read-only (or the disk full, or another program holds it) under the
    sheet: Enter, Tab or a click on another cell each say once that the score is not saved,
    and once the message is closed the same criterion is open again with what was typed."""
    from dientap_desktop.ui import dialogs

    window, view = scored, scored.sheet_view
    readonly = sqlite3.connect(f"file:{window.kit.path}?mode=ro", uri=True)
    try:
        readonly.execute("CREATE TABLE t (x)")  # the error SQLite gives then, a real one
    except sqlite3.Error as error:
        refusal = error
    readonly.close()
    written = window.kit.set_score

    def refuse(*_args, **_kwargs):
        raise refusal

    shown = []

    def modal(kind, message):  # as a real message: its own event loop while it is open
        shown.append((kind, message, view.state() == view.State.EditingState))
        for _ in range(5):
            QApplication.processEvents()
            qtbot.wait(2)

    def type_first_score(text):
        view.setCurrentIndex(window.sheet_model.index(0, Sheet.SCORE))
        press(qtbot, Qt.Key.Key_Return)
        QApplication.focusWidget().selectAll()
        qtbot.keyClicks(QApplication.focusWidget(), text)

    old = dialogs.set_responder(modal)
    try:
        monkeypatch.setattr(window.kit, "set_score", refuse)
        for leave in (Qt.Key.Key_Return, Qt.Key.Key_Tab, None):
            shown.clear()
            type_first_score("1,5")
            if leave is None:  # a click on another cell
                view.setCurrentIndex(window.sheet_model.index(1, Sheet.COMMENT))
            else:
                press(qtbot, leave)
            qtbot.waitUntil(lambda: view.state() == view.State.EditingState)
            qtbot.wait(20)
            assert len(shown) == 1, shown  # once, never again from an editor under it
            kind, message, editing = shown[0]
            assert kind == "error" and "NOT saved" in message and "cannot be written" in message
            assert not editing  # no editor under the message to be committed again
            editor = QApplication.focusWidget()
            assert view.currentIndex().row() == 0 and editor.text() == "1,5", leave
            assert scores(window)["nam-tinh-hinh"] == (2, "")
            qtbot.keyClick(editor, Qt.Key.Key_Escape)  # given up: the score stays as it was
        monkeypatch.setattr(window.kit, "set_score", written)  # the file is writable again
        shown.clear()
        type_first_score("1,5")
        press(qtbot, Qt.Key.Key_Return)
        assert scores(window)["nam-tinh-hinh"] == (Fraction(3, 2), "")
        assert view.currentIndex().row() == 1 and shown == []
    finally:
        dialogs.set_responder(old)


def test_a_message_about_a_criterion_goes_once_it_changes_or_the_post_does(scored, qtbot):
    window, view = scored, scored.sheet_view
    view.setCurrentIndex(window.sheet_model.index(0, Sheet.SCORE))
    press(qtbot, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage().startswith("Score 2 of criterion 1 taken back")
    qtbot.keyClicks(view, "1")  # a new score in its place: the message no longer holds
    press(qtbot, Qt.Key.Key_Return)
    assert scores(window)["nam-tinh-hinh"] == (1, "")
    assert window.statusBar().currentMessage() == ""
    press(qtbot, Qt.Key.Key_Escape)
    view.setCurrentIndex(window.sheet_model.index(0, Sheet.SCORE))
    press(qtbot, Qt.Key.Key_Delete)
    assert window.statusBar().currentMessage().startswith("Score 1 of criterion 1 taken back")
    window.step_post(1)  # another post's sheet: it goes too
    assert window.statusBar().currentMessage() == ""


def test_ctrl_q_quits_from_the_kit_window_asking_what_closing_asks(scored, qtbot, tmp_path):
    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.storage.kit import make_kit
    from dientap_desktop.ui import dialogs

    window = scored
    with ExerciseFile.open(tmp_path / "ex.dientap") as exercise:  # a second kit, open too
        other = open_observer_window(make_kit(exercise, "Trung tá B", tmp_path / "b.dtkit"))
    qtbot.addWidget(other)
    menu = window.menuBar().actions()[0].menu()
    assert window.act_quit in menu.actions()
    assert window.act_quit.shortcut().toString() == "Ctrl+Q"
    window.note_text.setPlainText("Chỉ huy trưởng xử trí chậm")  # typed and not added
    asked = []
    old = dialogs.set_responder(lambda kind, message: asked.append(message) or 2)  # go back
    try:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Q,
                       Qt.KeyboardModifier.ControlModifier)
        assert len(asked) == 1 and "has not been added" in asked[0]  # as closing asks
        assert window.isVisible() and other.isVisible()  # gone back to the note: nothing quit
        dialogs.set_responder(lambda kind, message: asked.append(message) or 0)  # add, close
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Q,
                       Qt.KeyboardModifier.ControlModifier)
    finally:
        dialogs.set_responder(old)
    assert not window.isVisible() and not other.isVisible()  # the program's windows all closed
    with KitFile.open(window.kit.path, readonly=True) as kit:
        assert [n.text for n in kit.notes()] == ["Chỉ huy trưởng xử trí chậm"]
