"""The observer's window: scoring sheets that take only valid scores, totals, notes, CSV preview."""

import sqlite3
from fractions import Fraction

import pytest
from kit_support import make_exercise
from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator

from dientap_desktop.storage.kit import KitFile, make_kit
from dientap_desktop.ui import dialogs
from dientap_desktop.ui.observer.csv_import import CsvImportDialog, PreviewModel
from dientap_desktop.ui.observer.models import (
    MAX_ROLE,
    InjectsModel,
    NotesModel,
    PostsModel,
    ScoreSheetModel,
    ScoreValidator,
)
from dientap_desktop.ui.observer.window import ObserverWindow, open_observer_window

OBSERVER = "Trung tá Lê Văn Bình"


@pytest.fixture
def kit_path(tmp_path):
    with make_exercise(tmp_path / "ex.dientap") as ex:
        ex.set_person("cong-an", "Vũ Minh Tuấn", "Thiếu tá")
        return make_kit(ex, OBSERVER, tmp_path / "k.dtkit", ["chu-tich", "cong-an"])


@pytest.fixture
def answers():
    """Dialogs answered "yes" without showing them; the questions asked, in order."""
    given = []
    old = dialogs.set_responder(lambda kind, message: given.append((kind, message)) or True)
    yield given
    dialogs.set_responder(old)


@pytest.fixture
def window(qtbot, kit_path):
    win = open_observer_window(kit_path)
    qtbot.addWidget(win)
    yield win


@pytest.mark.parametrize("make", [
    lambda kit: PostsModel(kit),
    lambda kit: ScoreSheetModel(kit, "cong-an"),
    lambda kit: NotesModel(kit),
    lambda kit: InjectsModel(kit),
], ids=["posts", "sheet", "notes", "injects"])
def test_models_pass_the_model_tester(qtmodeltester, kit_path, make):
    with KitFile.open(kit_path) as kit:
        kit.set_score("cong-an", "vay-bat", "4.5", "tốt")
        kit.add_note("strength", "Tốt", inject_id="th-01", post_id="cong-an")
        kit.add_note("proposal", "Chung")
        model = make(kit)
        qtmodeltester.check(model, force_py=True)
        if isinstance(model, ScoreSheetModel):
            assert model.setData(model.index(0, ScoreSheetModel.SCORE), "1,5")
        elif isinstance(model, PostsModel):
            kit.set_score("chu-tich", "xu-tri", 1)
            model.refresh()
        else:
            model.refresh() if hasattr(model, "refresh") else None


@pytest.mark.parametrize("text, state", [
    ("", "Acceptable"), ("0", "Acceptable"), ("4,5", "Acceptable"), ("4.5", "Acceptable"),
    ("2,", "Intermediate"), ("4.6", "Intermediate"), ("5", "Intermediate"), ("-1", "Invalid"),
    ("1,2,3", "Invalid"), ("abc", "Invalid"), ("1e3", "Invalid"),
])
def test_score_editor_accepts_only_zero_to_the_maximum(qapp, text, state):
    validator = ScoreValidator(Fraction(9, 2))
    assert validator.validate(text, len(text))[0] == getattr(QValidator.State, state)


def test_sheet_writes_each_entry_at_once_and_refuses_out_of_range(kit_path, qapp):
    with KitFile.open(kit_path) as kit:
        sheet = ScoreSheetModel(kit, "cong-an")
        refusals = []
        sheet.refused.connect(refusals.append)
        score = sheet.index(2, ScoreSheetModel.SCORE)  # vay-bat, max 4.5
        comment = sheet.index(2, ScoreSheetModel.COMMENT)
        assert not sheet.flags(comment) & Qt.ItemFlag.ItemIsEditable  # no score yet
        assert not sheet.setData(score, "5") and refusals
        assert not sheet.setData(score, "x")
        assert sheet.setData(score, "3,5")
        assert sheet.setData(comment, "Vây bắt chậm")
        with KitFile.open(kit_path, readonly=True) as again:
            [s] = again.scores()
            assert (s.criterion_id, s.value, s.comment) == ("vay-bat", Fraction(7, 2),
                                                             "Vây bắt chậm")
        assert sheet.data(score) in ("3,5", "3.5")
        assert sheet.setData(score, "")
        assert kit.scores() == []


def _type(qtbot, view, text):
    """Type into the sheet as a user would; Enter enters and opens the next criterion."""
    editor = view.indexWidget(view.currentIndex())
    if editor is None:  # not yet editing: the first key opens the editor
        qtbot.keyClick(view, text[0])
        text = text[1:]
        editor = view.indexWidget(view.currentIndex())
    qtbot.keyClicks(editor, text)
    shown = editor.text()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(1)  # the delegate commits through a queued call
    return shown


def test_window_keyboard_scoring_totals_and_missing(qtbot, window):
    assert window.post_id == "chu-tich"
    assert "1, 2" in window.missing_label.text()
    view = window.sheet_view
    assert view.currentIndex().column() == ScoreSheetModel.SCORE
    for text in ("2", "3,5"):
        _type(qtbot, view, text)  # Enter moves on to the next criterion
    assert [s.value for s in window.kit.scores()] == [2, Fraction(7, 2)]
    assert "10" in window.total_label.text() and "Giỏi" in window.total_label.text()
    assert window.posts_model.data(window.posts_model.index(0, PostsModel.STATE)) == "Giỏi"
    window.step_post(1)
    assert window.post_id == "cong-an"
    assert "Thiếu tá Vũ Minh Tuấn" in window.person_label.text()
    view.setCurrentIndex(window.sheet_model.index(2, ScoreSheetModel.SCORE))
    # Over the maximum 4.5: shown as typed, told, and not entered (with the 9 dropped, 4.5
    # would be entered for 4.59, as 2 for 25); the same criterion again, to be typed over.
    assert _type(qtbot, view, "4.59") == "4.59"
    message = window.statusBar().currentMessage()  # the observer is told, not left guessing
    assert message.startswith("A score from 0 to 4") and "5 for this criterion" in message
    assert view.state() == view.State.EditingState and view.currentIndex().row() == 2
    qtbot.waitUntil(lambda: view.indexWidget(view.currentIndex()).selectedText() == "4.59")
    assert [s.value for s in window.kit.scores()] == [2, Fraction(7, 2)]
    _type(qtbot, view, "7,5")  # typed over it: over the maximum again, not entered again
    assert view.indexWidget(view.currentIndex()).text() == "7,5"
    _type(qtbot, view, "4,5")
    assert [s.value for s in window.kit.scores()] == [2, Fraction(7, 2), Fraction(9, 2)]
    assert "1, 2" in window.missing_label.text()
    assert "1 of 2 posts complete" in window.overall_label.text()
    view.setCurrentIndex(window.sheet_model.index(2, ScoreSheetModel.SCORE))
    window.clear_score()
    assert len(window.kit.scores()) == 2


def test_notes_in_three_kinds(qtbot, window, answers):
    window.note_kind.setCurrentIndex(window.note_kind.findData("weakness"))
    window.note_inject.setCurrentIndex(window.note_inject.findData("th-01"))
    window.note_post.setCurrentIndex(window.note_post.findData("cong-an"))
    window.note_text.setPlainText("Báo cáo chậm")
    window.add_note()
    [note] = window.kit.notes()
    assert (note.kind, note.inject_id, note.post_id, note.text) == (
        "weakness", "th-01", "cong-an", "Báo cáo chậm")
    assert window.note_text.toPlainText() == ""
    window.notes_view.selectRow(0)
    window.delete_note()
    assert window.kit.notes() == [] and answers[0][0] == "yes_no"


def test_injects_show_answer_keys(window):
    window.injects_view.selectRow(0)
    text = window.inject_text.toPlainText()
    assert "Bao vây, phong tỏa khu vực" in text and "BÍ MẬT" not in text


def test_csv_preview_lists_bad_rows_and_writes_nothing(qtbot, kit_path, tmp_path):
    csv = tmp_path / "paper.csv"
    csv.write_text("observer,post,criterion,score\n"
                   f"{OBSERVER},cong-an,vay-bat,5\n"
                   f"{OBSERVER},bi-thu,xu-tri,1\n", encoding="utf-8")
    with KitFile.open(kit_path) as kit:
        dialog = CsvImportDialog(None, kit, csv, kit.observer)
        qtbot.addWidget(dialog)
        assert len(dialog.problems) == 2 and dialog.problem_box.toPlainText().startswith(
            "Line 2: the score 5 is over the maximum")
        assert kit.scores() == []
        csv.write_text("observer,post,criterion,score,comment\n"
                       f"{OBSERVER},cong-an,vay-bat,\"4,5\",tốt\n"
                       f"{OBSERVER},cong-an,xu-tri,3,\n", encoding="utf-8")
        kit.set_score("cong-an", "xu-tri", 3)
        dialog = CsvImportDialog(None, kit, csv, kit.observer)
        qtbot.addWidget(dialog)
        assert dialog.problems == [] and dialog.model.rowCount() == 2
        effects = [dialog.model.data(dialog.model.index(r, PreviewModel.EFFECT)) for r in (0, 1)]
        assert effects == ["new", "unchanged"]
        assert len(kit.scores()) == 1  # nothing written by the preview
        dialog.import_button.click()
        assert (dialog.changes.added, dialog.changes.unchanged) == (1, 1)
        assert len(kit.scores()) == 2


def test_a_pipe_is_refused_not_read_and_files_are_told_apart_by_content(qtbot, kit_path,
                                                                        tmp_path, demo_file):
    import os
    import shutil

    from dientap_desktop.app import is_kit

    pipe = tmp_path / "scores.csv"
    os.mkfifo(pipe)  # reading it would wait for ever
    with KitFile.open(kit_path) as kit:
        dialog = CsvImportDialog(None, kit, pipe, kit.observer)
        qtbot.addWidget(dialog)
        assert "not a regular file" in dialog.problems[0]
    exercise_named_as_kit = shutil.copy(demo_file, tmp_path / "nham-ten.dtkit")
    kit_named_as_exercise = shutil.copy(kit_path, tmp_path / "nham-ten.dientap")
    assert not is_kit(str(exercise_named_as_kit))
    assert is_kit(str(kit_named_as_exercise))
    assert is_kit(str(tmp_path / "missing.dtkit"))  # told as a kit's problem


def test_bad_kit_gives_a_message_and_no_window(tmp_path, answers, monkeypatch):
    bad = tmp_path / "bad.dtkit"
    bad.write_bytes(b"not a kit")
    monkeypatch.setattr("dientap_desktop.ui.observer.window.QTimer.singleShot",
                        lambda *a: None)
    assert open_observer_window(bad) is None
    assert answers[0][0] == "error" and "not an observer kit" in answers[0][1]


def test_window_closes_the_kit(qtbot, kit_path):
    win = ObserverWindow(KitFile.open(kit_path))
    qtbot.addWidget(win)
    win.close()
    with pytest.raises(sqlite3.ProgrammingError, match="closed database"):
        win.kit.scores()


def test_a_kit_is_open_in_one_window_at_a_time(qtbot, window, kit_path, answers, monkeypatch):
    from pathlib import Path

    assert open_observer_window(kit_path) is window  # opened again: that window comes forward
    lock = Path(str(kit_path) + ".lock")
    assert lock.exists()
    window.close()
    assert not lock.exists()
    lock.write_text("4242\npython3\nmay-quan-sat-2\n")  # left by the observer's other laptop
    monkeypatch.setattr("dientap_desktop.ui.observer.window.QTimer.singleShot",
                        lambda *a: None)
    again = open_observer_window(kit_path)  # the responder answers "open here anyway"
    qtbot.addWidget(again)
    assert again is not None and again is not window
    assert "another computer (may-quan-sat-2)" in answers[-1][1]
    assert not lock.read_text().startswith("4242")


def test_the_window_comes_back_to_the_post_it_was_on_for_each_kit(qtbot, kit_path, tmp_path):
    from dientap_desktop.ui.settings import Settings

    settings = Settings(tmp_path / "settings.ini")
    with make_exercise(tmp_path / "other.dientap") as ex:
        other = make_kit(ex, OBSERVER, tmp_path / "other.dtkit", ["bi-thu", "cong-an"])

    def reopened(path):
        window = open_observer_window(path, Settings(tmp_path / "settings.ini"))
        qtbot.addWidget(window)
        shown = window.post_id, window.sheet_model.post_id, window.sheet_title.text()
        window.close()
        return shown

    window = open_observer_window(kit_path, settings)
    qtbot.addWidget(window)
    assert window.post_id == "chu-tich"  # the first time: the first post
    window.step_post(1)
    window.close()
    assert reopened(kit_path) == ("cong-an", "cong-an", "Trưởng Công an phường")
    assert reopened(other) == ("bi-thu", "bi-thu", "Bí thư Đảng ủy phường")  # its own
    settings = Settings(tmp_path / "settings.ini")
    settings.set_kit_post(kit_path, "bi-thu")  # a post the kit no longer has: the first
    settings.sync()
    assert reopened(kit_path)[0] == "chu-tich"


# ---------------------------------------------------------------- a laptop of 1366 × 768

RANKED = ("Đại úy Hoàng Văn Dũng", "Thượng tá Nguyễn Văn Thành", "Trung tá Lê Thị Minh Hà",
          "Thiếu tá Vũ Minh Tuấn")


@pytest.fixture
def vietnamese(qapp):
    from dientap_desktop.app import install_translations

    install_translations(qapp, "vi")
    yield
    install_translations(qapp, "en")


def frame_room():
    """What a window manager adds around a window: a title bar and borders."""
    from PySide6.QtCore import QSize

    return QSize(16, 40)


def screen_of(monkeypatch, width: int, height: int):
    """The screen's available area (what a taskbar leaves) as a laptop of this size gives it."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    area = QRect(0, 0, width, height)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: area)
    return area


@pytest.fixture
def ranked_kit(tmp_path):
    """A kit of every post of the hostage scenario, each played by someone with a rank."""
    from dientap_desktop.domain.scenario_loader import find_scenario
    from dientap_desktop.storage.exercise_file import ExerciseFile

    scenario = find_scenario("giai-thoat-con-tin")
    with ExerciseFile.create(tmp_path / "ht.dientap", scenario, name="Diễn tập") as ex:
        for number, post in enumerate(scenario.posts):
            rank, name = RANKED[number % len(RANKED)].split(" ", 2)[:2], \
                RANKED[number % len(RANKED)].split(" ", 2)[2]
            ex.set_person(post.id, name, " ".join(rank))
        return make_kit(ex, OBSERVER, tmp_path / "ht.dtkit", [p.id for p in scenario.posts])


def margins(view) -> int:
    """The room a cell keeps around its text, both sides (as QStyledItemDelegate draws it)."""
    from PySide6.QtWidgets import QStyle

    return 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
                + 1)


def lines_needed(view, column: int, text: str) -> int:
    """How many lines a cell's text takes in its column, wrapped at words."""
    from PySide6.QtCore import QRect

    width = view.columnWidth(column) - margins(view)
    box = view.fontMetrics().boundingRect(QRect(0, 0, width, 10_000),
                                          int(Qt.TextFlag.TextWordWrap), text)
    return round(box.height() / view.fontMetrics().lineSpacing())


def test_at_1366_by_768_the_window_fits_and_each_post_title_reads_whole(
        qtbot, ranked_kit, monkeypatch, vietnamese):
    from PySide6.QtCore import QRect

    available = screen_of(monkeypatch, 1366, 728)  # a taskbar of 40 pixels
    window = open_observer_window(ranked_kit)
    qtbot.addWidget(window)
    qtbot.wait(10)
    view, model = window.posts_view, window.posts_model
    visible = view.viewport().width()
    for column in range(model.columnCount()):  # every column in sight, none off to the right
        assert view.columnViewportPosition(column) + view.columnWidth(column) <= visible
    for row in range(model.rowCount()):
        title = model.data(model.index(row, PostsModel.POST))
        assert view.fontMetrics().horizontalAdvance(title) + margins(view) <= view.columnWidth(
            PostsModel.POST), title  # on one line: nothing cut, not even wrapped
        player = model.index(row, PostsModel.PLAYER)
        assert model.data(player, Qt.ItemDataRole.ToolTipRole) == RANKED[row % len(RANKED)]
        assert lines_needed(view, PostsModel.PLAYER, model.data(player)) * \
            view.fontMetrics().lineSpacing() <= view.rowHeight(row)  # wrapped, not cut
    assert "Hoàng Văn Dũng" in window.person_label.text()
    frame = QRect(window.pos(), window.size() + frame_room())  # with the title bar and borders
    assert available.contains(frame), (frame, available)  # nothing under the taskbar


def test_a_narrow_posts_list_wraps_the_titles_and_a_big_screen_gets_the_usual_size(
        qtbot, ranked_kit, monkeypatch, vietnamese):
    screen_of(monkeypatch, 1920, 1040)
    window = open_observer_window(ranked_kit)
    qtbot.addWidget(window)
    assert (window.width(), window.height()) == (1280, 760)
    window.centralWidget().setSizes([330, window.width() - 330])  # the splitter
    qtbot.wait(10)
    view, model = window.posts_view, window.posts_model
    letter = view.fontMetrics().averageCharWidth()
    assert view.columnWidth(PostsModel.POST) >= 14 * letter  # the title keeps its room first
    for row in range(model.rowCount()):
        title = model.data(model.index(row, PostsModel.POST))
        assert lines_needed(view, PostsModel.POST, title) * view.fontMetrics().lineSpacing() \
            <= view.rowHeight(row), title


def test_a_small_screen_gets_a_window_within_it(qtbot, kit_path, monkeypatch):
    from PySide6.QtCore import QRect

    available = screen_of(monkeypatch, 1024, 560)
    window = open_observer_window(kit_path)
    qtbot.addWidget(window)
    assert available.contains(QRect(window.pos(), window.size() + frame_room()))
    assert window.minimumWidth() + frame_room().width() <= 1024
    assert window.minimumHeight() + frame_room().height() <= 560
    window.show()
    window.resize(1366, 728)  # maximised, or on a bigger screen: the list takes its width again
    qtbot.wait(10)
    view, model = window.posts_view, window.posts_model
    for row in range(model.rowCount()):
        title = model.data(model.index(row, PostsModel.POST))
        assert view.fontMetrics().horizontalAdvance(title) + margins(view) <= view.columnWidth(
            PostsModel.POST), title


LONG_TITLE = ("Trưởng Công an phường kiêm Phó Chỉ huy trưởng Ban Chỉ huy phòng thủ khu vực, "
              "phụ trách lực lượng vũ trang tại chỗ và an ninh trật tự của toàn phường A")


@pytest.fixture
def long_title_kit(tmp_path):
    """A kit of two posts, the second with a title of 150 letters."""
    from kit_support import FIXTURES, KIT_SCENARIO

    from dientap_desktop.domain.scenario_loader import load_scenario_text
    from dientap_desktop.storage.exercise_file import ExerciseFile

    assert len(LONG_TITLE) == 150
    text = KIT_SCENARIO.read_text("utf-8").replace('"Trưởng Công an phường"', f'"{LONG_TITLE}"')
    scenario = load_scenario_text(text, str(KIT_SCENARIO), FIXTURES)
    with ExerciseFile.create(tmp_path / "long.dientap", scenario, name="Diễn tập") as ex:
        return make_kit(ex, OBSERVER, tmp_path / "long.dtkit", ["chu-tich", "cong-an"])


def test_a_long_post_title_wraps_above_the_sheet_and_leaves_the_posts_list_in_sight(
        qtbot, long_title_kit, monkeypatch, vietnamese):
    from PySide6.QtCore import QRect

    available = screen_of(monkeypatch, 1366, 728)
    window = open_observer_window(long_title_kit)
    qtbot.addWidget(window)
    qtbot.wait(10)
    shared = window.splitter.sizes()
    window.step_post(1)  # the post of the long title
    qtbot.wait(10)
    assert window.post_id == "cong-an" and window.sheet_title.text() == LONG_TITLE
    # nothing in the window asks for more than the screen: not the title above the sheet, not
    # the post chosen for a note
    hint = window.minimumSizeHint()
    assert hint.width() + frame_room().width() <= available.width(), hint
    assert available.contains(QRect(window.pos(), window.size() + frame_room()))
    assert window.splitter.sizes() == shared  # the posts list keeps its width
    view = window.posts_view
    for column in range(window.posts_model.columnCount()):
        assert view.columnViewportPosition(column) + view.columnWidth(column) \
            <= view.viewport().width()
    label = window.sheet_title  # the title whole, on as many lines as it needs
    box = label.fontMetrics().boundingRect(QRect(0, 0, label.contentsRect().width(), 10_000),
                                           int(Qt.TextFlag.TextWordWrap), LONG_TITLE)
    assert box.width() <= label.contentsRect().width()
    assert box.height() <= label.contentsRect().height()


# ---------------------------------------------------------------- typing paper scores in

def answering(given: dict):
    """A responder that gives each kind of dialog its answer and keeps what was asked."""
    asked = []

    def respond(kind, message):
        asked.append((kind, message))
        return given.get(kind, True if kind == "yes_no" else None)

    old = dialogs.set_responder(respond)
    return asked, old


def blank_sheet_order(kit_path):
    """(post, criterion) as the printed blank sheets list them, for the kit's posts."""
    from dientap_desktop.reports import scoring
    from dientap_desktop.storage.exercise_file import ExerciseFile

    sheets = []
    original = scoring.blank_table

    def recording(snapshot, post):
        sheets.append((post.id, [c.id for c in snapshot.scenario.criteria_for(post.id)]))
        return original(snapshot, post)

    scoring.blank_table = recording
    try:
        with ExerciseFile.open(kit_path.parent / "ex.dientap", readonly=True) as ex:
            scoring.blank_story(ex.snapshot())
    finally:
        scoring.blank_table = original
    with KitFile.open(kit_path, readonly=True) as kit:
        mine = set(kit.post_ids)
    return [(post, criterion) for post, criteria in sheets if post in mine
            for criterion in criteria]


def test_csv_template_follows_the_blank_sheets_and_comes_back_through_the_window(
        qtbot, window, kit_path, tmp_path):
    import csv as csv_module

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dientap_desktop.domain.score_csv import CsvError, read_scores_csv

    template = tmp_path / "mau.csv"
    asked, old = answering({"save": str(template), "open": str(template)})
    try:
        assert window.act_template.text().startswith("&Save a CSV template")
        window.act_template.trigger()
        data = template.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel shows the accents
        rows = list(csv_module.reader(data.decode("utf-8-sig").splitlines()))
        assert rows[0] == ["observer", "post", "criterion", "score", "comment"]
        assert [tuple(r[1:3]) for r in rows[1:]] == blank_sheet_order(kit_path)
        assert all(r[0] == OBSERVER and r[3:] == ["", ""] for r in rows[1:])
        assert asked[-1][0] == "info" and str(template) in asked[-1][1]
        with pytest.raises(CsvError) as unfilled:  # read as it is: only the scores are missing
            read_scores_csv(data, "mau.csv", window.kit.scenario, observer=OBSERVER)
        assert set(p.split(": ", 1)[1] for p in unfilled.value.problems) == {
            "the score is empty: type it, or delete the line"}
        filled = data.decode("utf-8-sig").replace(",,\r\n", ',"1,5",\r\n', 3)
        filled = filled.replace(",,\r\n", ",1,\r\n")  # as a typist would, with , or .
        template.write_text(filled, encoding="utf-8-sig")

        def import_now():
            dialog = QApplication.activeModalWidget()
            assert [window.kit.scenario.post(p).title for p in ("chu-tich", "cong-an")] == [
                dialog.model.data(dialog.model.index(r, dialog.model.POST)) for r in (0, 2)]
            assert dialog.model.data(dialog.model.index(0, dialog.model.CRITERION)) == \
                "1. Nắm, đánh giá và báo cáo tình hình"
            dialog.import_button.click()

        QTimer.singleShot(0, import_now)
        window.import_scores()
    finally:
        dialogs.set_responder(old)
    scores = {(s.post_id, s.criterion_id): s.value for s in window.kit.scores()}
    order = blank_sheet_order(kit_path)
    assert scores == {pair: Fraction(3, 2) if n < 3 else 1 for n, pair in enumerate(order)}
    assert "1 of 2 posts complete" in window.overall_label.text() or \
        "2 of 2 posts complete" in window.overall_label.text()


def test_the_keyboard_opens_on_the_sheet_and_a_refused_score_stays_on_its_criterion(
        qtbot, window):
    """Typed from paper without a click: the scores go into the sheet. A key refused (over the
    maximum) then Enter keeps the criterion (the next score went one row too low)."""
    from PySide6.QtWidgets import QApplication

    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    view = window.sheet_view
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    _type(qtbot, view, "2")
    assert view.currentIndex().row() == 1
    maximum = window.sheet_model.index(1, ScoreSheetModel.SCORE).data(MAX_ROLE)
    assert maximum < 9
    _type(qtbot, view, "9")  # refused as typed: Enter stays on the second criterion
    qtbot.waitUntil(lambda: view.state() == view.State.EditingState, timeout=1000)
    assert view.currentIndex().row() == 1 and view.state() == view.State.EditingState
    _type(qtbot, view, "1")
    assert [s.value for s in window.kit.scores()] == [2, 1]
    window.tabs.setCurrentIndex(1)
    window.tabs.setCurrentIndex(0)  # back on the sheet (Alt+P): the keyboard with it
    assert QApplication.focusWidget() is view


def test_closing_with_a_note_typed_but_not_added_asks(qtbot, window):
    window.show()
    window.tabs.setCurrentIndex(1)
    window.note_text.setPlainText("Chỉ huy trưởng xử trí chậm")
    asked = []
    old = dialogs.set_responder(lambda kind, message: asked.append((kind, message)) and None)
    try:
        assert not window.close()  # no answer chosen: "go back to the note"
        assert window.isVisible() and window.tabs.currentIndex() == 1
        assert len(asked) == 1 and asked[0][0] == "choice"
        assert "has not been added" in asked[0][1]
        assert window.kit.notes() == []
        dialogs.set_responder(lambda kind, message: 0)  # "add it and close"
        assert window.close()
    finally:
        dialogs.set_responder(old)
    with KitFile.open(window.kit.path, readonly=True) as kit:
        assert [n.text for n in kit.notes()] == ["Chỉ huy trưởng xử trí chậm"]


def test_a_note_typed_and_not_added_survives_closing_and_a_crash(qtbot, kit_path, tmp_path):
    from dientap_desktop.ui.settings import Settings

    def opened():
        window = open_observer_window(kit_path, Settings(tmp_path / "settings.ini"))
        qtbot.addWidget(window)
        return window

    window = opened()
    window.note_kind.setCurrentIndex(window.note_kind.findData("weakness"))
    window.note_post.setCurrentIndex(window.note_post.findData("cong-an"))
    window.note_text.setPlainText("Trưởng Công an phường báo cáo chậm")
    # kept on disk a moment after the typing stops, before any closing (a power cut)
    qtbot.waitUntil(lambda: Settings(tmp_path / "settings.ini").kit_note(kit_path) is not None,
                    timeout=3000)
    old = dialogs.set_responder(lambda kind, message: 1)  # "close without adding it"
    try:
        assert window.close()
    finally:
        dialogs.set_responder(old)
    again = opened()  # it comes back, with the kind and the post chosen for it
    assert again.note_text.toPlainText() == "Trưởng Công an phường báo cáo chậm"
    assert again.note_kind.currentData() == "weakness"
    assert again.note_post.currentData() == "cong-an"
    assert "back on the Notes tab" in again.statusBar().currentMessage()
    again.add_note()  # added: nothing waits any longer
    assert [n.text for n in again.kit.notes()] == ["Trưởng Công an phường báo cáo chậm"]
    assert Settings(tmp_path / "settings.ini").kit_note(kit_path) is None
    assert again.close()  # nothing typed: nothing asked
    assert opened().note_text.toPlainText() == ""


# The observer's window in a program of its own: a score on chu-tich's first criterion, Right to
# its comment, a comment typed, a moment's wait, and the program killed (as `kill -9` does).
TYPED_THEN_KILLED = """
import os, signal, sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from dientap_desktop.storage.kit import KitFile
from dientap_desktop.ui.observer.window import open_observer_window
from dientap_desktop.ui.settings import Settings

kit, settings = sys.argv[1], Settings(sys.argv[2])
app = QApplication([])
with KitFile.open(kit) as opened:
    opened.set_score("chu-tich", "xu-tri", 3)
window = open_observer_window(kit, settings)
window.activateWindow()
QTest.qWaitForWindowActive(window)
view = window.sheet_view
view.setCurrentIndex(window.sheet_model.index(1, 3))
view.setFocus()
QTest.keyClick(view, Qt.Key.Key_Right)
QTest.keyClicks(view, "V")  # opens the comment's editor
QTest.keyClicks(QApplication.focusWidget(), "an dong quan chung tot")
for _ in range(300):
    QTest.qWait(10)
    if Settings(sys.argv[2]).typed_comment(kit):
        os.kill(os.getpid(), signal.SIGKILL)
sys.exit(3)
"""


def test_a_comment_being_typed_survives_a_crash_back_in_its_cell(qtbot, kit_path, tmp_path):
    import os
    import subprocess
    import sys

    from PySide6.QtWidgets import QApplication

    from dientap_desktop.ui.settings import Settings

    settings = tmp_path / "settings.ini"
    killed = subprocess.run(
        [sys.executable, "-c", TYPED_THEN_KILLED, str(kit_path), str(settings)],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert killed.returncode == -9, killed.stderr  # killed while the comment was typed
    with KitFile.open(kit_path, readonly=True) as kit:
        assert [(s.criterion_id, s.comment) for s in kit.scores()] == [("xu-tri", "")]
    window = open_observer_window(kit_path, Settings(settings))
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    # back in its cell, on its post, the keyboard in it, and said so
    view = window.sheet_view
    assert window.post_id == "chu-tich" and window.tabs.currentIndex() == 0
    assert view.currentIndex() == window.sheet_model.index(1, ScoreSheetModel.COMMENT)
    editor = view.indexWidget(view.currentIndex())
    assert editor.text() == "Van dong quan chung tot"
    assert "criterion 2" in window.statusBar().currentMessage()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    qtbot.keyClicks(editor, " lam")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # entered: in the kit, and no longer kept aside
    qtbot.waitUntil(lambda: Settings(settings).typed_comment(kit_path) is None)
    assert [(s.criterion_id, s.comment) for s in window.kit.scores()] == [
        ("xu-tri", "Van dong quan chung tot lam")]
    assert window.close()
    again = open_observer_window(kit_path, Settings(settings))  # nothing waits any longer
    qtbot.addWidget(again)
    assert again.sheet_view.state() != again.sheet_view.State.EditingState
    assert again.close()


def test_a_note_back_on_reopening_is_said_once_on_screen_and_the_keyboard_is_in_it(
        qtbot, kit_path, tmp_path, answers):
    from PySide6.QtWidgets import QApplication

    from dientap_desktop.ui.settings import Settings

    Settings(tmp_path / "settings.ini").set_kit_note(
        kit_path, {"text": "Chỉ huy trưởng xử trí chậm", "kind": "weakness", "inject": None,
                   "post": None})
    window = ObserverWindow(KitFile.open(kit_path), Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage() == ""  # not before it is on screen
    window.show()
    qtbot.waitExposed(window)
    # on screen, the message takes the status bar's line: the exercise's line is not under it
    assert "back on the Notes tab" in window.statusBar().currentMessage()
    assert not window.exercise_label.isVisible()
    window.statusBar().clearMessage()
    assert window.exercise_label.isVisible()  # and back once the message is gone
    # the window opens on the note, the keyboard at its end
    assert window.tabs.currentIndex() == 1
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.note_text)
    assert window.note_text.textCursor().atEnd()


def test_a_post_s_rating_is_coloured_as_it_is_rated(qtbot, kit_path):
    from dientap_desktop.ui.models import AMBER, GREEN, RED

    with KitFile.open(kit_path) as kit:
        for criterion in kit.scenario.criteria_for("chu-tich"):  # "Không đạt yêu cầu"
            kit.set_score("chu-tich", criterion.id, 0)
        for criterion in kit.scenario.criteria_for("cong-an"):  # "Giỏi"
            kit.set_score("cong-an", criterion.id, criterion.max)
        fail = kit.scenario.scale.ratings[-1].label
    window = open_observer_window(kit_path)
    qtbot.addWidget(window)
    model = window.posts_model
    cells = {model.data(model.index(row, PostsModel.STATE)):
             (model.data(model.index(row, PostsModel.STATE), Qt.ItemDataRole.BackgroundRole),
              model.data(model.index(row, PostsModel.STATE), Qt.ItemDataRole.ForegroundRole))
             for row in range(model.rowCount())}
    assert cells[fail] == RED and cells["Giỏi"] == GREEN
    window.sheet_view.setCurrentIndex(window.sheet_model.index(0, ScoreSheetModel.SCORE))
    window.sheet_view.clear_score()  # a sheet not complete: amber, whatever it scored
    state = model.index(0, PostsModel.STATE)
    assert "missing" in model.data(state)
    assert model.data(state, Qt.ItemDataRole.BackgroundRole) == AMBER[0]


def test_the_observer_saves_the_kit_s_blank_sheets_to_print(qtbot, window, tmp_path,
                                                            monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from tests.test_reports_pdf import Pdf

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    path = tmp_path / "phieu.pdf"
    old = dialogs.set_responder(lambda kind, message: str(path) if kind == "save" else None)
    try:
        assert window.act_blank in window.menuBar().actions()[0].menu().actions()
        window.act_blank.trigger()
    finally:
        dialogs.set_responder(old)
    # written, and opened to be printed
    assert [url.toLocalFile() for url in opened] == [str(path)]
    assert str(path) in window.statusBar().currentMessage()
    pdf = Pdf(path)  # the kit's two posts, then the page for the notes
    assert [page.count("PHIẾU CHẤM ĐIỂM") for page in pdf.pages] == [1, 1, 0]
    assert "Cương vị: Chủ tịch UBND phường" in pdf.pages[0]
    assert "Cương vị: Trưởng Công an phường" in pdf.pages[1]
    assert "PHIẾU NHẬN XÉT CỦA NGƯỜI ĐÁNH GIÁ" in pdf.pages[2]
