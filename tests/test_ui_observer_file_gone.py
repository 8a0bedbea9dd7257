"""The observer's kit deleted (or its USB stick pulled out) while its window is open: told in
plain words, a copy saved from what the window holds, and closing asks before losing it."""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_ui_observer import kit_path  # noqa: F401 (fixture)

from dientap_desktop.ui.observer.models import ScoreSheetModel as Sheet
from dientap_desktop.ui.observer.window import open_observer_window
from tests.ui_support import answers  # noqa: F401 (fixture)


@pytest.fixture
def observer(qtbot, kit_path, answers):  # noqa: F811
    window = open_observer_window(kit_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.post_id == "chu-tich"
    return window


def scores_in(path) -> set:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return set(conn.execute("SELECT criterion_id, value FROM scores"))
    finally:
        conn.close()


def test_a_kit_deleted_under_the_window_is_told_and_scoring_goes_on_in_a_copy(
        observer, answers, tmp_path, qtbot):
    sheet = observer.sheet_model
    assert sheet.setData(sheet.index(0, Sheet.SCORE), "2")
    assert observer.check_kit_on_disk()  # there: nothing said
    assert answers.asked == []
    observer.kit.path.unlink()  # deleted by mistake
    # the next score cannot be saved: the window says why and offers a copy
    rescue = tmp_path / "usb" / "rescue.dtkit"
    rescue.parent.mkdir()
    answers.queue = [True, str(rescue)]  # "Save a copy now?": yes, here
    assert not sheet.setData(sheet.index(1, Sheet.SCORE), "1")
    qtbot.waitUntil(lambda: bool(answers.of("save")))
    asked = answers.of("yes_no")[-1]
    assert asked.startswith("The kit is gone") and "no longer where it was opened" in asked
    assert answers.of("error") == []  # no "not saved (attempt to write a readonly database)"
    assert observer.kit.path == rescue  # scoring goes on in the copy
    assert {row[0] for row in scores_in(rescue)} == {"nam-tinh-hinh"}
    assert sheet.setData(sheet.index(1, Sheet.SCORE), "1")
    assert {row[0] for row in scores_in(rescue)} == {"nam-tinh-hinh", "xu-tri"}
    assert observer.check_kit_on_disk()  # and the copy is watched in turn
    assert observer.lock is not None and observer.lock.file.isLocked()
    observer.close()
    assert not observer.isVisible() and answers.of("choice") == []  # the copy is there


def test_closing_a_window_whose_kit_is_gone_asks_first(observer, answers, tmp_path, qtbot):
    sheet = observer.sheet_model
    assert sheet.setData(sheet.index(0, Sheet.SCORE), "2")
    observer.kit.path.unlink()
    answers.queue = [False]  # "Save a copy now?" (the few seconds pass): not now
    observer.file_watch.timer.timeout.emit()
    assert "no longer where it was opened" in answers.of("yes_no")[-1]
    answers.queue = [2]  # Ctrl+W: "Save a copy before closing?": go back
    qtbot.keyClick(observer, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert observer.isVisible()
    assert "lost when it closes" in answers.of("choice")[-1]
    rescue = tmp_path / "rescue.dtkit"
    answers.queue = [0, None]  # save a copy and close; the file dialog cancelled
    observer.close()
    assert observer.isVisible() and not rescue.exists()  # no copy: not closed
    answers.queue = [0, str(rescue)]
    observer.close()
    assert not observer.isVisible()
    assert {row[0] for row in scores_in(rescue)} == {"nam-tinh-hinh"}


def test_a_note_the_gone_kit_cannot_take_stays_typed(observer, answers, qtbot):
    observer.kit.path.unlink()
    observer.tabs.setCurrentIndex(1)
    observer.note_text.setPlainText("Báo cáo chậm")
    answers.queue = [False]  # "Save a copy now?": not now
    observer.add_note()
    assert "no longer where it was opened" in answers.of("yes_no")[-1]
    assert observer.note_text.toPlainText() == "Báo cáo chậm"
    answers.queue = [1, 1]  # closing: close and lose them; close without adding the note
    observer.close()
    assert not observer.isVisible()
    QApplication.processEvents()


def test_save_a_copy_of_a_kit_from_its_window(observer, answers, tmp_path):
    sheet = observer.sheet_model
    assert sheet.setData(sheet.index(0, Sheet.SCORE), "2")
    target = tmp_path / "ban-sao.dtkit"
    answers.queue = [str(target)]
    observer.act_save_copy.trigger()
    assert answers.of("info")[-1].startswith("Copy saved")
    assert scores_in(target) == scores_in(observer.kit.path)
    assert observer.kit.path != target  # scoring goes on in the kit
    answers.queue = [str(observer.kit.path)]  # onto the kit itself: refused
    observer.act_save_copy.trigger()
    assert "open file itself" in answers.of("error")[-1]
