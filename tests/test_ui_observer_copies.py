"""The observer's kit copied by itself on the observer's laptop, as the director's exercise is:
every ten minutes when it changed and when it closes; a kit that can no longer be opened names
its newest copy."""

import pytest
from test_ui_observer import kit_path  # noqa: F401 (fixture)

from dientap_desktop.storage import copies
from dientap_desktop.storage.kit import KitFile
from dientap_desktop.ui.observer.models import ScoreSheetModel as Sheet
from dientap_desktop.ui.observer.window import open_observer_window
from tests.ui_support import answers, ui_settings  # noqa: F401 (fixtures)


@pytest.fixture
def observer(qtbot, kit_path, answers, ui_settings):  # noqa: F811
    window = open_observer_window(kit_path, ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def kept(window) -> list:
    folder = copies.copies_folder(window.settings.data_folder, window.kit)
    return sorted(folder.glob("*.dtkit"), key=lambda p: copies.copy_number(p, window.kit.path.stem))


def scores_of(path) -> dict:
    with KitFile.open(path, readonly=True) as kit:
        return {(s.post_id, s.criterion_id): s.value for s in kit.scores()}


def test_the_kit_is_copied_when_it_changed_and_when_it_closes(observer, kit_path):  # noqa: F811
    assert observer.copies.timer.isActive()
    assert observer.copies.timer.interval() == copies.COPY_MINUTES * 60_000
    observer.copies.keep()  # the ten minutes are up: nothing scored yet, no copy
    assert kept(observer) == []
    sheet = observer.sheet_model
    assert sheet.setData(sheet.index(0, Sheet.SCORE), "2")
    observer.copies.keep()
    [first] = kept(observer)
    assert first.name.startswith("k 0001 ") and first.suffix == ".dtkit"
    assert scores_of(first) == scores_of(kit_path)  # a whole kit, to open instead
    observer.copies.keep()  # nothing changed since
    assert len(kept(observer)) == 1
    assert sheet.setData(sheet.index(1, Sheet.SCORE), "1")
    folder = copies.copies_folder(observer.settings.data_folder, observer.kit)
    observer.close()  # the last score, copied as the kit is let go
    last = sorted(folder.glob("*.dtkit"))[-1]
    assert len(list(folder.glob("*.dtkit"))) == 2
    assert len(scores_of(last)) == 2 and scores_of(last) == scores_of(kit_path)


def test_a_kit_that_cannot_be_opened_names_its_newest_copy(
        qtbot, observer, kit_path, answers, ui_settings):  # noqa: F811
    sheet = observer.sheet_model
    assert sheet.setData(sheet.index(0, Sheet.SCORE), "2")
    observer.close()
    [copy] = copies.copies_folder(ui_settings.data_folder, observer.kit).glob("*.dtkit")
    kit_path.write_bytes(b"\0" * 4096)  # the laptop's disk damaged it
    answers.asked.clear()
    assert open_observer_window(kit_path, ui_settings) is None
    [said] = answers.of("error")
    assert said.startswith("This observer kit cannot be opened.")
    assert f"The newest of a kit of this name, to open instead:\n{copy}\n" in said
    reopened = open_observer_window(copy, ui_settings)  # it opens: the score is there
    qtbot.addWidget(reopened)
    assert len(reopened.kit.scores()) == 1
    reopened.close()


def test_the_copies_folder_is_shown_from_the_kit_menu(observer, monkeypatch, answers):
    from PySide6.QtGui import QDesktopServices

    shown = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: shown.append(url) or True)
    observer.act_copies.trigger()
    assert [url.toLocalFile() for url in shown] == [
        str(copies.copies_folder(observer.settings.data_folder, observer.kit))]
    assert observer.act_copies in observer.menuBar().actions()[0].menu().actions()
