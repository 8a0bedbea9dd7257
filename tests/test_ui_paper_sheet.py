"""The director types an observer's paper sheet into the exercise, corrects a score or takes it
back, from the results view or the Evaluation menu: each entry is in the file at once, the old
value in its history and the log; a kit merged again does not undo it. And the same taking back
from the command line."""

import shutil
from fractions import Fraction

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dientap_desktop.cli import main
from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.storage.kit import KitFile, make_kit
from dientap_desktop.storage.merge import merge_kit
from dientap_desktop.ui.observer.models import ScoreSheetModel as Sheet
from dientap_desktop.ui.paper_sheet import PaperSheetDialog
from tests.ui_support import answers, practice_file, ui_settings, window  # noqa: F401

OBSERVER = "Đại tá Trần Quốc Hùng"  # one of the demo's two observers


@pytest.fixture
def demo(demo_file, tmp_path):
    return shutil.copy(demo_file, tmp_path / "demo.dientap")


def open_sheet(qtbot, exercise, observer="", post_id=None, criterion_id=None):
    dialog = PaperSheetDialog(None, exercise, observer, post_id, criterion_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.view)
    return dialog


def type_score(qtbot, text: str) -> None:
    """A score typed where the keyboard is, and Enter, as the director types it."""
    qtbot.keyClicks(QApplication.focusWidget(), text[0])  # opens the cell's editor
    qtbot.keyClicks(QApplication.focusWidget(), text[1:])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.wait(1)  # the delegate commits through a queued call


def current(path, observer, post_id):
    with ExerciseFile.open(path) as exercise:
        return {s.criterion_id: (s.value, s.comment) for s in exercise.scores()
                if s.observer == observer and s.post_id == post_id}


def test_a_paper_sheet_of_a_new_observer_is_typed_in_score_by_score(qtbot, practice_file):
    exercise = ExerciseFile.open(practice_file)
    post = exercise.scenario.posts[0]
    criteria = exercise.scenario.criteria_for(post.id)
    dialog = open_sheet(qtbot, exercise, "Trung tá Nguyễn Văn Bình", post.id)
    assert "new observer" in dialog.name_warning.text() and dialog.name_warning.isVisible()
    assert dialog.model.rowCount() == len(criteria)
    type_score(qtbot, "1,5")  # a decimal comma, as written on paper
    assert dialog.view.currentIndex().row() == 1  # and the next criterion is open
    type_score(qtbot, "1")
    assert dialog.changed
    # in the file at once, before the dialog is closed
    assert current(practice_file, "Trung tá Nguyễn Văn Bình", post.id) == {
        criteria[0].id: (Fraction(3, 2), ""), criteria[1].id: (Fraction(1), "")}
    assert dialog.observer_box.findText("Trung tá Nguyễn Văn Bình") >= 0  # known from now on
    assert dialog.name_warning.isHidden()
    assert "not complete" in dialog.total.text() or len(criteria) == 2
    dialog.close()
    exercise.close()


def test_a_name_typed_otherwise_is_told_before_a_score_goes_to_a_new_observer(qtbot, demo):
    with ExerciseFile.open(demo) as exercise:
        dialog = open_sheet(qtbot, exercise, OBSERVER, "chu-tich")
        assert dialog.name_warning.isHidden()
        dialog.observer_box.setCurrentText("Dai ta Tran Quoc Hung")
        assert dialog.name_warning.isVisible()
        assert f"looks like “{OBSERVER}”" in dialog.name_warning.text()
        assert dialog.model.data(dialog.model.index(0, Sheet.SCORE)) == ""  # not his scores
        dialog.observer_box.lineEdit().setFocus()
        qtbot.keyClick(dialog.observer_box.lineEdit(), Qt.Key.Key_Return)  # Enter after it:
        assert dialog.isVisible() and dialog.name_warning.isVisible()  # the warning is seen
        dialog.observer_box.setCurrentText("")
        assert not dialog.view.isEnabled()  # no score without a name
        dialog.close()


def test_a_score_corrected_or_taken_back_keeps_the_old_one_in_the_history(qtbot, demo):
    before = current(demo, OBSERVER, "chu-tich")
    with ExerciseFile.open(demo) as exercise:
        criteria = exercise.scenario.criteria_for("chu-tich")
        dialog = open_sheet(qtbot, exercise, OBSERVER, "chu-tich", criteria[1].id)
        assert dialog.view.currentIndex().row() == 1  # on the criterion asked for
        type_score(qtbot, "0.5")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # the next one left
        dialog.view.setCurrentIndex(dialog.model.index(0, Sheet.SCORE))
        qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
        assert "of criterion 1 taken back" in dialog.message.text()
        assert "not complete (1 criterion missing)" in dialog.total.text()
        dialog.close()
        history = [(s.criterion_id, s.value) for s, _ in exercise.score_history()
                   if s.observer == OBSERVER and s.post_id == "chu-tich"]
        log = [(e.action, e.data.get("source")) for e in exercise.log()
               if e.action in ("score", "withdraw_score")][-2:]
    now = current(demo, OBSERVER, "chu-tich")
    assert criteria[0].id not in now and now[criteria[1].id][0] == Fraction(1, 2)
    assert (criteria[0].id, before[criteria[0].id][0]) in history
    assert (criteria[1].id, before[criteria[1].id][0]) in history
    assert log == [("score", "window"), ("withdraw_score", "window")]
    with ExerciseFile.open(demo) as exercise:  # the log says who took it back
        assert exercise.log()[-1].summary.startswith(f"Tổ đạo diễn rút điểm của {OBSERVER}:")


def test_a_kit_merged_again_unchanged_does_not_bring_back_what_the_director_took_back(
        exercise, tmp_path):
    post = exercise.scenario.posts[0]
    criterion = exercise.scenario.criteria_for(post.id)[0]
    kit = tmp_path / "a.dtkit"
    make_kit(exercise, "Đại tá A", kit)
    with KitFile.open(kit) as opened:
        opened.set_score(post.id, criterion.id, criterion.max)
    assert merge_kit(exercise, kit).merged
    exercise.observer_scores("Đại tá A").set_score(post.id, criterion.id, None)
    assert not [s for s in exercise.scores() if s.observer == "Đại tá A"]
    assert merge_kit(exercise, kit).merged
    assert not [s for s in exercise.scores() if s.observer == "Đại tá A"]


def test_the_results_view_opens_the_sheet_on_the_score_under_the_cursor(window, demo, qtbot,
                                                                         monkeypatch):
    opened = []

    def sheet(parent, exercise, observer="", post_id=None, criterion_id=None):
        opened.append((observer, post_id, criterion_id))
        if criterion_id is None:
            return False  # closed without a change
        exercise.set_score(observer, post_id, criterion_id, 0)  # as the director would
        return True

    monkeypatch.setattr("dientap_desktop.ui.paper_sheet.edit_observer_sheet", sheet)
    assert window.open_file(demo)
    window.act_results_view.trigger()
    view = window.results_view
    view.posts_view.selectRow(1)
    post = window.exercise.results().posts[1]
    model = view.criteria_model
    second = model.observers[1]
    cell = model.index(2, 3 + 1)
    view.criteria_view.setCurrentIndex(cell)
    view.criteria_view.setFocus()
    qtbot.keyClick(view.criteria_view, Qt.Key.Key_Return)
    assert opened == [(second, post.post.id, post.criteria[2].criterion.id)]
    assert view.criteria_model.data(view.criteria_model.index(2, 4)) == "0"  # read again
    view.sheet_button.click()  # the button: the first observer, no criterion chosen
    assert opened[-1] == (model.observers[0], post.post.id, None)
    # and the Evaluation menu has it, with its key
    action = next(a for a in window.kit_actions if a.shortcut().toString() == "Ctrl+Shift+P")
    window.menu("evaluation").aboutToShow.emit()
    assert action.isEnabled()


def test_withdraw_scores_from_the_command_line(demo, tmp_path, capsys):
    with ExerciseFile.open(demo) as exercise:
        criteria = [c.id for c in exercise.scenario.criteria_for("y-te")]
    assert main(["withdraw-scores", str(demo), "--observer", OBSERVER, "--post", "y-te",
                 "--criteria", criteria[0]]) == 0
    assert "1 score(s)" in capsys.readouterr().out
    assert criteria[0] not in current(demo, OBSERVER, "y-te")
    assert main(["withdraw-scores", str(demo), "--observer", OBSERVER, "--post", "y-te",
                 "--criteria", ""]) == 1  # an empty list is not "all of them"
    assert "names no criterion" in capsys.readouterr().err
    assert len(current(demo, OBSERVER, "y-te")) == len(criteria) - 1
    spaced = OBSERVER.replace(" ", "  ", 1)  # a double space typed in the name: the same one
    assert main(["withdraw-scores", str(demo), "--observer", spaced, "--post", "y-te",
                 "--criteria", f"{criteria[1]},{criteria[1]}"]) == 0
    assert "1 score(s)" in capsys.readouterr().out  # once, however often named
    assert main(["withdraw-scores", str(demo), "--observer", OBSERVER, "--post", "y-te"]) == 0
    assert current(demo, OBSERVER, "y-te") == {}
    with ExerciseFile.open(demo) as exercise:
        assert len([e for e in exercise.log() if e.action == "withdraw_score"]) == len(criteria)
    slip = OBSERVER[:-1]  # a letter short: asked, never guessed
    assert main(["withdraw-scores", str(demo), "--observer", slip, "--post", "y-te"]) == 1
    assert f'did you mean "{OBSERVER}"?' in capsys.readouterr().err
    for wrong, said in ((["--observer", "Nobody", "--post", "y-te"], 'no observer "Nobody"'),
                        (["--observer", OBSERVER, "--post", "yte"], 'unknown post "yte"'),
                        (["--observer", OBSERVER, "--post", "y-te", "--criteria", "x"],
                         'criterion "x" does not apply')):
        assert main(["withdraw-scores", str(demo), *wrong]) == 1
        err = capsys.readouterr().err
        assert said in err and "Traceback" not in err
    kit = tmp_path / "b.dtkit"
    assert main(["kit", str(demo), "--observer", "Trung tá B", "--out", str(kit)]) == 0
    with KitFile.open(kit) as opened:
        opened.set_score("y-te", criteria[0], 1)
    assert main(["withdraw-scores", str(kit), "--observer", "Trung tá B", "--post", "y-te"]) == 0
    with KitFile.open(kit) as opened:
        assert opened.scores() == []


def test_withdraw_note_from_the_command_line_by_its_number_in_info(demo, capsys):
    with ExerciseFile.open(demo) as exercise:
        notes = exercise.notes()
    assert main(["info", str(demo)]) == 0
    assert f"    2. {notes[1].kind} ({notes[1].observer}" in capsys.readouterr().out
    assert main(["withdraw-note", str(demo), "2", "3"]) == 0  # both as listed before
    out = capsys.readouterr().out
    assert f"note 2 of {notes[1].observer} taken back" in out and "note 3 of" in out
    with ExerciseFile.open(demo) as exercise:
        assert exercise.notes() == [notes[0], *notes[3:]]
        assert [e.action for e in exercise.log()][-2:] == ["withdraw_note"] * 2
    assert main(["withdraw-note", str(demo), str(len(notes) + 1)]) == 1  # one too many
    assert f"no note {len(notes) + 1} (the exercise's notes are numbered 1 to {len(notes)}" \
        in capsys.readouterr().err


def test_the_sheet_dialog_has_an_access_key_for_each_field_and_button_in_vietnamese(
        qtbot, practice_file):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from dientap_desktop.app import install_translations

    install_translations(QApplication.instance(), "vi")
    try:
        with ExerciseFile.open(practice_file) as exercise:
            dialog = open_sheet(qtbot, exercise, OBSERVER, exercise.scenario.posts[0].id)
            texts = [label.text() for label in dialog.findChildren(QLabel) if label.buddy()]
            texts += [button.text() for button in dialog.findChildren(QAbstractButton)
                      if button.isVisible()]
            keys = [QKeySequence.mnemonic(text).toString() for text in texts]
            assert all(keys) and len(set(keys)) == len(keys), texts
            dialog.close()
    finally:
        install_translations(QApplication.instance(), "en")


def test_the_next_post_starts_at_its_first_criterion(qtbot, practice_file):
    """Ctrl+Page Down after the last criterion of a post: the score typed next goes to the
    first criterion of the next post, as in the observer's window, never to the row left."""
    exercise = ExerciseFile.open(practice_file)
    first, second = exercise.scenario.posts[:2]
    last = len(exercise.scenario.criteria_for(first.id)) - 1
    dialog = open_sheet(qtbot, exercise, "Trung tá Nguyễn Văn Bình", first.id,
                        exercise.scenario.criteria_for(first.id)[last].id)
    assert dialog.view.currentIndex().row() == last
    type_score(qtbot, "1")  # the post's last score
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert dialog.post_id == second.id
    assert dialog.view.currentIndex().row() == 0
    type_score(qtbot, "1,5")
    assert current(practice_file, "Trung tá Nguyễn Văn Bình", second.id) == {
        exercise.scenario.criteria_for(second.id)[0].id: (Fraction(3, 2), "")}
    dialog.observer_box.setCurrentText("Thượng tá Lê Hà")  # another observer's sheet: the same
    assert dialog.view.currentIndex().row() == 0
    dialog.close()
    exercise.close()


def test_a_message_about_a_cell_goes_once_the_cell_changes(qtbot, demo):
    with ExerciseFile.open(demo) as exercise:
        criteria = exercise.scenario.criteria_for("chu-tich")
        dialog = open_sheet(qtbot, exercise, OBSERVER, "chu-tich", criteria[4].id)
        qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
        assert "of criterion 5 taken back" in dialog.message.text()
        type_score(qtbot, "2")  # a new score in that cell: the message about it goes
        assert current(demo, OBSERVER, "chu-tich")[criteria[4].id][0] == 2
        assert dialog.message.text() == ""
        dialog.view.setCurrentIndex(dialog.model.index(4, Sheet.SCORE))
        qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
        assert "of criterion 5 taken back" in dialog.message.text()
        dialog.view.setCurrentIndex(dialog.model.index(0, Sheet.SCORE))
        qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)  # another cell's message in its place
        assert "of criterion 1 taken back" in dialog.message.text()
        dialog.view.setCurrentIndex(dialog.model.index(4, Sheet.SCORE))
        type_score(qtbot, "1")  # criterion 5 changes: the message about criterion 1 stays
        assert "of criterion 1 taken back" in dialog.message.text()
        dialog.close()


# The director's sheet dialog in a program of its own: Right from a score to its comment, a
# comment typed, a moment's wait, and the program killed (as `kill -9` does).
TYPED_THEN_KILLED = """
import os, signal, sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.ui.paper_sheet import PaperSheetDialog
from dientap_desktop.ui.settings import Settings

app = QApplication([])
exercise = ExerciseFile.open(sys.argv[1])
criterion = exercise.scenario.criteria_for("chu-tich")[4].id
dialog = PaperSheetDialog(None, exercise, sys.argv[3], "chu-tich", criterion,
                          Settings(sys.argv[2]))
dialog.show()
dialog.activateWindow()
QTest.qWaitForWindowActive(dialog)
QTest.keyClick(dialog.view, Qt.Key.Key_Right)
QTest.keyClicks(dialog.view, "V")  # opens the comment's editor
QTest.keyClicks(QApplication.focusWidget(), "an dong quan chung tot")
for _ in range(300):
    QTest.qWait(10)
    if Settings(sys.argv[2]).typed_comment(sys.argv[1]):
        os.kill(os.getpid(), signal.SIGKILL)
sys.exit(3)
"""


def test_a_comment_being_typed_on_a_paper_sheet_survives_a_crash(qtbot, demo, tmp_path):
    import os
    import subprocess
    import sys

    from dientap_desktop.ui.settings import Settings

    before = current(demo, OBSERVER, "chu-tich")
    settings = tmp_path / "settings.ini"
    killed = subprocess.run(
        [sys.executable, "-c", TYPED_THEN_KILLED, str(demo), str(settings), OBSERVER],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert killed.returncode == -9, killed.stderr  # killed while the comment was typed
    assert current(demo, OBSERVER, "chu-tich") == before
    with ExerciseFile.open(demo) as exercise:
        criteria = exercise.scenario.criteria_for("chu-tich")
        # opened again on another observer's sheet of another post, from the results view:
        # the comment's own sheet is shown, its cell open with it, and said so
        dialog = PaperSheetDialog(None, exercise, "Thượng tá Lê Hà", "y-te", None,
                                  Settings(settings))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert (dialog.observer, dialog.post_id) == (OBSERVER, "chu-tich")
        assert dialog.view.currentIndex() == dialog.model.index(4, Sheet.COMMENT)
        editor = dialog.view.indexWidget(dialog.view.currentIndex())
        assert editor.text() == "Van dong quan chung tot"
        assert "criterion 5" in dialog.message.text()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: Settings(settings).typed_comment(demo) is None)
        assert dialog.message.text() == ""  # said and done: the message goes
        dialog.close()
    assert current(demo, OBSERVER, "chu-tich")[criteria[4].id] == (
        before[criteria[4].id][0], "Van dong quan chung tot")


def test_the_director_adds_an_observer_s_notes_from_paper(qtbot, practice_file):
    from dientap_desktop.ui.log_text import LogText

    exercise = ExerciseFile.open(practice_file)
    post = exercise.scenario.posts[1]
    inject = exercise.scenario.injects[0]
    dialog = open_sheet(qtbot, exercise, "Trung tá Nguyễn Văn Bình", post.id)
    dialog.tabs.setCurrentIndex(1)  # the Notes tab: the kinds, injects and posts of a kit's
    form = dialog.note_form
    assert [form.kind.itemData(i) for i in range(form.kind.count())] == [
        "strength", "weakness", "proposal"]
    form.kind.setCurrentIndex(form.kind.findData("weakness"))
    form.inject.setCurrentIndex(form.inject.findData(inject.id))
    form.post.setCurrentIndex(form.post.findData(post.id))
    form.text.setFocus()
    qtbot.keyClicks(form.text, "Bao cao cham")
    qtbot.keyClick(form.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # in the exercise at once, in the observer's name, a new observer known from now on
    [note] = exercise.notes()
    assert (note.observer, note.kind, note.text, note.inject_id, note.post_id) == (
        "Trung tá Nguyễn Văn Bình", "weakness", "Bao cao cham", inject.id, post.id)
    assert dialog.changed and form.text.toPlainText() == ""
    assert dialog.notes_model.rowCount() == 1
    assert dialog.observer_box.findText("Trung tá Nguyễn Văn Bình") >= 0
    assert "Trung tá Nguyễn Văn Bình" in dialog.message.text()
    # the history says who typed it in: the file's words, and the window's
    line = exercise.log()[-1]
    assert (line.action, line.data["source"]) == ("note", "window")
    assert line.summary == "Tổ đạo diễn nhập nhận xét của Trung tá Nguyễn Văn Bình: Bao cao cham"
    texts = LogText(exercise.scenario, lambda post_id: post_id)
    assert texts.whole(line) == ("Weakness — typed in by the directing staff for Trung tá "
                                 "Nguyễn Văn Bình: Bao cao cham")
    dialog.observer_box.setCurrentText("Thượng tá Lê Hà")  # another observer: their notes
    assert dialog.notes_model.rowCount() == 0
    dialog.close()
    exercise.close()
