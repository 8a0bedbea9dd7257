"""The director's kit dialogs: make kits for several observers, merge with a result per kit."""

import pytest
from kit_support import content_digest, full_rows, make_exercise
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMainWindow, QMenu

from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.storage.kit import KitFile, read_kit
from dientap_desktop.ui import dialogs
from dientap_desktop.ui.kits import (
    DisagreementsModel,
    MakeKitsDialog,
    MergeKitsDialog,
    MergeResultsModel,
    ObserverPostsModel,
    install,
)


@pytest.fixture
def ex(tmp_path):
    exercise = make_exercise(tmp_path / "ex.dientap")
    yield exercise
    exercise.close()


@pytest.fixture
def answers():
    given = []
    old = dialogs.set_responder(lambda kind, message: given.append((kind, message)) or True)
    yield given
    dialogs.set_responder(old)


def test_observer_posts_model(qtmodeltester, ex):
    model = ObserverPostsModel(ex.scenario.posts, ["A"])
    qtmodeltester.check(model, force_py=True)
    model.setData(model.add(), "  B ")
    assert model.setData(model.index(1, 1), Qt.CheckState.Unchecked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert model.kits() == [("A", ["bi-thu", "chu-tich", "cong-an"]),
                            ("B", ["chu-tich", "cong-an"])]
    model.remove(0)
    assert [name for name, _ in model.kits()] == ["B"]


def test_make_kits_for_several_observers(qtbot, ex, tmp_path, answers):
    dialog = MakeKitsDialog(None, ex)
    qtbot.addWidget(dialog)
    model = dialog.model
    model.setData(model.index(0, 0), "Đại tá Trần Hùng")
    index = model.add("Thượng tá Lê Hà")
    for column in (1, 2):  # only the police post
        model.setData(index.siblingAtColumn(column), Qt.CheckState.Unchecked.value,
                      Qt.ItemDataRole.CheckStateRole)
    model.add("Dai ta Tran Hung")  # the same name as the first without its accents
    dialog.folder_edit.setText(str(tmp_path / "kits"))
    dialog.make()
    # file names without accents or spaces (USB sticks, mail, chat keep them), one per kit
    assert [p.name for p in dialog.written] == ["dai-ta-tran-hung.dtkit",
                                                "thuong-ta-le-ha.dtkit",
                                                "dai-ta-tran-hung-2.dtkit"]
    assert read_kit(dialog.written[0]).info.observer == "Đại tá Trần Hùng"
    assert read_kit(dialog.written[2]).info.observer == "Dai ta Tran Hung"
    assert read_kit(dialog.written[1]).post_ids == ("cong-an",)
    assert "✔ thuong-ta-le-ha.dtkit: Thượng tá Lê Hà (1 post)" in dialog.status.text()
    assert answers == []
    dialog.make()  # again: asks before replacing
    assert answers and answers[0][0] == "yes_no" and len(dialog.written) == 3


def test_enter_in_the_observers_table_enters_the_name_and_never_adds_a_row(
        qtbot, ex, tmp_path, answers):
    from PySide6.QtWidgets import QPushButton

    dialog = MakeKitsDialog(None, ex)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "kits"))
    dialog.show()
    qtbot.waitExposed(dialog)
    view, model = dialog.view, dialog.model

    def type_name(name):
        editor = view.indexWidget(view.currentIndex())
        qtbot.keyClicks(editor, name)
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the name entered
        qtbot.waitUntil(lambda: view.state() != view.State.EditingState)

    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))  # the name's editor opens
    type_name("Dai ta Tran Hung")  # (QTest types ASCII only)
    assert model.data(model.index(0, 0)) == "Dai ta Tran Hung" and model.rowCount() == 1
    qtbot.keyClick(view, Qt.Key.Key_Return)  # on the cell, the last row: nothing happens
    assert model.rowCount() == 1 and dialog.written == [] and not dialog.status.text()
    add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Add observer")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)  # asked for: a row to type in
    type_name("Thuong ta Le Ha")
    assert model.rowCount() == 2 and dialog.written == []
    view.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(view, Qt.Key.Key_Enter)  # on a cell: the row below
    assert view.currentIndex() == model.index(1, 1)
    assert model.rowCount() == 2 and dialog.written == [] and answers == []
    qtbot.keyClick(dialog.folder_edit, Qt.Key.Key_Return)  # from the folder: the kits made
    assert [p.name for p in dialog.written] == ["dai-ta-tran-hung.dtkit",
                                                "thuong-ta-le-ha.dtkit"]


def _filled_kits(ex, tmp_path):
    from dientap_desktop.storage.kit import make_kit

    paths = []
    for name, value in (("A", 2), ("B", 0)):
        path = make_kit(ex, name, tmp_path / f"{name}.dtkit", ["cong-an"])
        with KitFile.open(path) as kit:
            kit.set_scores(full_rows(kit.scenario, name, value=value), source="test")
        paths.append(path)
    bad = tmp_path / "bad.dtkit"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(200))
    return paths + [bad]


def test_merge_dialog_runs_in_a_worker_with_a_result_per_kit(qtbot, ex, tmp_path):
    kits = _filled_kits(ex, tmp_path)
    dialog = MergeKitsDialog(None, ex.path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.merged, timeout=10000):
        dialog.start(kits)
    assert not dialog.running
    model = dialog.results_model
    rows = [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    assert rows[0][:6] == ["A.dtkit", "A", "3", "0", "0", "0"]
    assert rows[1][-1] == "Merged"
    assert rows[2][0] == "bad.dtkit" and rows[2][-1].startswith("Refused: ")
    # the reason read whole: on as many lines as it takes, and in the tooltip
    refused = model.index(2, model.RESULT)
    assert refused.data(Qt.ItemDataRole.ToolTipRole) == rows[2][-1]
    dialog.show()
    view = dialog.results_view
    metrics = view.fontMetrics()
    needed = metrics.boundingRect(0, 0, view.columnWidth(model.RESULT) - 8, 10_000,
                                  int(Qt.TextFlag.TextWordWrap), rows[2][-1]).height()
    assert view.rowHeight(2) >= needed
    flagged = dialog.disagreements_model
    assert flagged.rowCount() == 3  # 2 vs 0 on every criterion of the police post
    assert flagged.data(flagged.index(0, DisagreementsModel.SCORES)) == "A: 2\nB: 0"
    assert "1 refused" in dialog.status.text()
    assert {s.observer for s in ex.scores()} == {"A", "B"}  # seen from the window's connection


def test_at_1366_by_768_the_merge_dialog_shows_every_disagreement_whole(
        qtbot, ex, tmp_path, monkeypatch):
    from PySide6.QtCore import QRect

    from dientap_desktop.storage.kit import make_kit
    from tests.test_ui_observer import frame_room, lines_needed, margins, screen_of

    available = screen_of(monkeypatch, 1366, 728)
    names = ("Đại tá Trần Quốc Hùng", "Thượng tá Lê Thị Minh Hà",
             "Trung tá Nguyễn Văn Bình Minh", "Thiếu tá Phạm Văn Đồng")
    kits = []
    for number, name in enumerate(names):
        path = make_kit(ex, name, tmp_path / f"{number}.dtkit")
        with KitFile.open(path) as kit:
            kit.set_scores(full_rows(kit.scenario, name, value=(0, 2, 1, 1.5)[number]), "t")
        kits.append(path)
    dialog = MergeKitsDialog(None, ex.path)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.merged, timeout=10000):
        dialog.start(kits)
    qtbot.wait(10)
    assert available.contains(QRect(dialog.pos(), dialog.size() + frame_room()))
    view, model = dialog.disagreements_view, dialog.disagreements_model
    assert model.rowCount() > 3
    metrics = view.fontMetrics()
    for column in range(model.columnCount()):  # every column in sight
        assert view.columnViewportPosition(column) + view.columnWidth(column) \
            <= view.viewport().width()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            value = model.data(model.index(row, column))
            for line in value.split("\n"):  # each observer's score on a line of its own
                if column != DisagreementsModel.CRITERION:
                    assert metrics.horizontalAdvance(line) + margins(view) \
                        <= view.columnWidth(column), line
            assert lines_needed(view, column, value) * metrics.lineSpacing() \
                <= view.rowHeight(row), value  # the criterion wrapped, not cut
        assert model.data(model.index(row, DisagreementsModel.SCORES)).count("\n") == 3


def test_a_kit_handed_back_unfilled_is_flagged_not_green(qtbot, ex, tmp_path, capsys):
    from dientap_desktop.cli import main
    from dientap_desktop.storage.kit import make_kit
    from dientap_desktop.ui.models import AMBER

    unfilled = make_kit(ex, "C", tmp_path / "C.dtkit", ["cong-an"])
    dialog = MergeKitsDialog(None, ex.path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.merged, timeout=10000):
        dialog.start([unfilled])
    model = dialog.results_model
    result = model.index(0, model.RESULT)
    assert "holds no score" in result.data()
    assert result.data(Qt.ItemDataRole.BackgroundRole) == AMBER[0]
    assert main(["merge", str(ex.path), str(unfilled)]) == 0
    assert "holds no score and no note: was it filled in?" in capsys.readouterr().out


@pytest.mark.parametrize("which", ["results", "disagreements"])
def test_merge_models_pass_the_model_tester(qtmodeltester, ex, tmp_path, which):
    from dientap_desktop.storage.merge import disagreements, merge_kits

    results = merge_kits(ex, _filled_kits(ex, tmp_path))
    if which == "results":
        model = MergeResultsModel()
        model.add_results(results[:1])
        model.add_results(results[1:])
    else:
        model = DisagreementsModel()
        model.set_rows(disagreements(ex.results()))
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)


def test_a_kit_older_than_the_observers_later_entries_is_said_so(qapp, tmp_path):
    from pathlib import Path

    from dientap_desktop.storage.exercise_file import ScoreChanges
    from dientap_desktop.storage.merge import MergeResult

    model = MergeResultsModel()
    model.add_results([MergeResult(Path("a.dtkit"), "A", ScoreChanges(unchanged=3, superseded=2),
                                   kept_out=(("bi-thu", "xu-tri", "3"), ("cong-an", "c1", "1"))),
                       MergeResult(Path("b.dtkit"), "B", ScoreChanges(added=3)),
                       MergeResult(Path("c.dtkit"), "C", ScoreChanges(unchanged=1),
                                   kept_for_staff=(("y-te", "c2", "1.5"),))],
                      ({"bi-thu": "Bí thư Đảng ủy"}, {("bi-thu", "xu-tri"): 2}))
    result = [model.index(r, MergeResultsModel.RESULT).data() for r in (0, 1, 2)]
    assert result == ["Merged; 2 scores older than the observer's later entries kept out",
                      "Merged", "Merged; 1 score entered before the directing staff's "
                      "correction kept out"]
    tip = model.index(0, MergeResultsModel.RESULT).data(Qt.ItemDataRole.ToolTipRole)
    # named as the sheets name them, by the ids where the exercise does not know them
    assert "Bí thư Đảng ủy, criterion 2: 3" in tip and "cong-an, criterion c1: 1" in tip
    tip = model.index(2, MergeResultsModel.RESULT).data(Qt.ItemDataRole.ToolTipRole)
    assert "directing staff corrected" in tip and "y-te, criterion c2: 1.5" in tip


def test_the_merge_dialog_tells_two_copies_of_a_kit_and_an_observer_known_by_another_name(
        qtbot, ex, tmp_path):
    """Two copies of one kit filled in apart, and a kit whose observer may be a known one
    without his rank: amber, said in words, the replaced score named with its old value; and
    the results of the merge before stay in the list."""
    import shutil

    from dientap_desktop.storage.kit import make_kit
    from dientap_desktop.ui.models import AMBER

    ex.set_score("Lê Văn Tám", "cong-an", "vay-bat", 1, source="test")
    own = make_kit(ex, "Đại tá A", tmp_path / "a.dtkit", ["cong-an"])
    criteria = [c.id for c in ex.scenario.criteria_for("cong-an")]
    with KitFile.open(own) as kit:
        kit.set_score("cong-an", criteria[0], 2)
    copy = tmp_path / "usb.dtkit"
    shutil.copy(own, copy)
    with KitFile.open(own) as kit:  # the observer goes on in his own
        kit.set_score("cong-an", criteria[1], 1)
    with KitFile.open(copy) as kit:  # somebody changes the copy
        kit.set_score("cong-an", criteria[0], 1)
    tam = make_kit(ex, "Thượng tá Lê Văn Tám", tmp_path / "tam.dtkit", ["cong-an"])
    with KitFile.open(tam) as kit:
        kit.set_score("cong-an", criteria[1], 1)
    dialog = MergeKitsDialog(None, ex.path)
    qtbot.addWidget(dialog)
    for kits in ([own], [copy, tam]):
        with qtbot.waitSignal(dialog.merged, timeout=10000):
            dialog.start(kits)
    model = dialog.results_model
    assert [model.index(r, model.FILE).data() for r in range(model.rowCount())] == \
        ["a.dtkit", "usb.dtkit", "tam.dtkit"]
    copied, alike = model.index(1, model.RESULT), model.index(2, model.RESULT)
    assert "two copies of this kit were filled in apart" in copied.data()
    assert copied.data(Qt.ItemDataRole.BackgroundRole) == AMBER[0]
    assert "→ 1" in copied.data(Qt.ItemDataRole.ToolTipRole)
    assert "“Thượng tá Lê Văn Tám” is a new observer and looks like “Lê Văn Tám”" in alike.data()
    assert alike.data(Qt.ItemDataRole.BackgroundRole) == AMBER[0]
    assert "2 kits merged" in dialog.status.text()


class FakeMainWindow(QMainWindow):
    exercise_changed = Signal()

    def __init__(self, exercise):
        super().__init__()
        self.exercise = exercise
        self._menu = QMenu(self)

    def menu(self, key):
        assert key == "evaluation"
        return self._menu


def test_install_adds_the_evaluation_actions(qtbot, ex, tmp_path, answers):
    window = FakeMainWindow(None)
    qtbot.addWidget(window)
    install(window)
    assert len(window.kit_actions) == 4 and not any(a.isEnabled() for a in window.kit_actions)
    window.exercise = ex
    window._menu.aboutToShow.emit()
    assert all(a.isEnabled() for a in window.kit_actions)
    csv = tmp_path / "paper.csv"
    csv.write_text("observer,post,criterion,score\nX,cong-an,vay-bat,9\n", encoding="utf-8")
    before = content_digest(ex.path)
    old = dialogs.set_responder(lambda kind, message: str(csv) if kind == "open" else None)
    try:
        from dientap_desktop.ui.observer import csv_import

        shown = []
        original = csv_import.CsvImportDialog.exec
        csv_import.CsvImportDialog.exec = lambda self: shown.append(self.problems) or 0
        window.kit_actions[2].trigger()
    finally:
        csv_import.CsvImportDialog.exec = original
        dialogs.set_responder(old)
    assert shown and "over the maximum" in shown[0][0]
    assert content_digest(ex.path) == before
    with ExerciseFile.open(ex.path) as again:
        assert again.scores() == []


def test_director_window_makes_and_merges_kits(qtbot, demo_file, tmp_path):
    import shutil

    from dientap_desktop.ui.main_window import MainWindow
    from dientap_desktop.ui.settings import Settings

    path = tmp_path / "demo.dientap"
    shutil.copy(demo_file, path)
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    make, merge, csv, _sheet = window.kit_actions
    assert all(a in window.menu("evaluation").actions() for a in window.kit_actions)
    assert window.open_file(path)
    window.menu("evaluation").aboutToShow.emit()
    assert merge.isEnabled()
    maker = MakeKitsDialog(window, window.exercise)
    qtbot.addWidget(maker)
    maker.model.remove(0)
    maker.model.remove(0)  # the demo's two observers were listed
    maker.model.setData(maker.model.add(), "Người mới")
    maker.folder_edit.setText(str(tmp_path / "kits"))
    maker.make()
    [kit_file] = maker.written
    with KitFile.open(kit_file) as kit:
        kit.set_scores(full_rows(kit.scenario, "Người mới", value=1), source="test")
    changed = []
    window.exercise_changed.connect(lambda: changed.append(True))
    old = dialogs.set_responder(lambda kind, message: [str(kit_file)] if kind == "open_many"
                                else None)
    try:
        merge.trigger()
        dialog = window._merge_dialog
        qtbot.addWidget(dialog)
        if dialog.running:
            with qtbot.waitSignal(dialog.merged, timeout=10000):
                pass
    finally:
        dialogs.set_responder(old)
    assert changed
    assert "Người mới" in window.exercise.observers()
    dialog.close()
    window.close_exercise()


def test_the_kits_dialog_opens_with_the_keyboard_in_the_observers_name(qtbot, ex, tmp_path,
                                                                      answers):
    from PySide6.QtWidgets import QApplication

    dialog = MakeKitsDialog(None, ex)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "kits"))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    view, model = dialog.view, dialog.model
    # the name's editor open, the keyboard in it: a name typed goes there, its spaces too
    assert view.currentIndex() == model.index(0, ObserverPostsModel.NAME)
    editor = QApplication.focusWidget()
    assert editor is view.indexWidget(model.index(0, ObserverPostsModel.NAME))
    qtbot.keyClicks(editor, "Dai ta Tran Hung")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    assert model.data(model.index(0, ObserverPostsModel.NAME)) == "Dai ta Tran Hung"
    assert dialog.written == [] and not dialog.status.text()  # no kit made unasked
    dialog.close()


def test_the_kits_dialog_of_known_observers_opens_on_the_first_name(qtbot, ex, answers):
    from PySide6.QtWidgets import QApplication

    ex.set_score("Đại tá A", "cong-an", ex.scenario.criteria_for("cong-an")[0].id, 1)
    dialog = MakeKitsDialog(None, ex)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.view.currentIndex() == dialog.model.index(0, ObserverPostsModel.NAME)
    assert QApplication.focusWidget() is dialog.view  # on the name, not on a button
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    assert dialog.written == [] and not dialog.status.text()
    dialog.close()
