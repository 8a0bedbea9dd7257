"""Starting: the welcome view, a new exercise from a scenario (or a broken scenario file), the
roster edited later, the demo, the models checked by qtmodeltester, and kits sent elsewhere."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui_support import (  # noqa: F401
    answers,
    new_exercise_dialog,
    practice_file,
    press,
    ui_settings,
    window,
)


def test_new_exercise_from_a_builtin_scenario(window, qtbot, tmp_path, answers):
    from dientap_desktop.ui.new_exercise import NewExerciseDialog

    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    assert dialog.choice.count() >= 3  # the built-in scenarios
    index = next(n for n, s in enumerate(dialog._scenarios) if s.id == "giai-thoat-con-tin")
    dialog.choice.setCurrentIndex(index)
    dialog.form.name.setText("Diễn tập phường Yên Bình 2025")
    dialog.form.place.setText("Phường Yên Bình")
    roster = dialog.form.roster
    assert roster.rowCount() == len(dialog.scenario.posts)
    roster.setData(roster.index(0, roster.NAME), "Nguyễn Văn A")
    roster.setData(roster.index(0, roster.RANK), "Đại úy")
    assert Path(dialog.path.text()).name == "dien-tap-phuong-yen-binh-2025.dientap"
    dialog.create()
    assert dialog.result() == dialog.DialogCode.Accepted
    exercise = dialog.created
    assert exercise.info.name == "Diễn tập phường Yên Bình 2025"
    assert exercise.info.place == "Phường Yên Bình"
    first = dialog.scenario.posts[0].id
    assert (exercise.roster()[first].name, exercise.roster()[first].rank) == ("Nguyễn Văn A",
                                                                             "Đại úy")
    exercise.close()


def test_the_file_s_place_is_typed_in_its_field(window, qtbot, tmp_path, answers):
    """"Saved as" takes a path typed, and Enter creates the file there: it was read-only, in
    the Tab order with its text selected, and what was typed went nowhere (the file to the
    default place, unsaid). ".dientap" is added; a name alone goes in the folder shown."""
    from PySide6.QtWidgets import QApplication

    dialog = new_exercise_dialog(window, qtbot)
    folder = tmp_path / "bai tap"
    folder.mkdir()
    press(qtbot, dialog, "Alt+V")  # the field's access key
    assert QApplication.focusWidget() is dialog.path
    QTest.keyClicks(dialog.path, str(folder / "cua-toi"))
    dialog.form.name.setText("Diễn tập khác")  # a name changed after: the path typed stays
    assert dialog.path.text() == str(folder / "cua-toi")
    dialog.path.setFocus()
    QTest.keyClick(dialog.path, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and answers.of("error") == []
    assert dialog.path.text() == str(folder / "cua-toi.dientap")
    assert dialog.created.path == folder / "cua-toi.dientap" and dialog.created.path.is_file()
    dialog.created.close()
    alone = new_exercise_dialog(window, qtbot)
    alone.path.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(alone.path, "ten-rieng.dientap")  # the whole path selected: replaced
    QTest.keyClick(alone.path, Qt.Key.Key_Return)
    assert alone.created.path == folder / "ten-rieng.dientap"  # the folder shown: the last one
    alone.created.close()


def test_a_path_typed_that_cannot_be_used_is_refused_in_words(window, qtbot, tmp_path, answers):
    from dientap_desktop.ui.new_exercise import file_stem

    dialog = new_exercise_dialog(window, qtbot)
    dialog.path.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(dialog.path, str(tmp_path / "khong-co" / "x"))
    QTest.keyClick(dialog.path, Qt.Key.Key_Return)
    told = answers.of("error")[-1]
    assert "khong-co" in told and "does not exist" in told and "Change…" in told
    assert dialog.created is None and dialog.isVisible() and dialog.path.hasFocus()
    assert not (tmp_path / "khong-co").exists()
    QTest.keyClick(dialog.path, Qt.Key.Key_Backspace)  # the path refused chosen whole: cleared
    assert dialog.path.text() == ""
    QTest.keyClick(dialog.path, Qt.Key.Key_Return)
    assert answers.of("error")[-1].startswith("Type where to save the exercise file")
    assert dialog.created is None and dialog.isVisible()
    QTest.keyClicks(dialog.path, str(tmp_path))  # a folder alone: the file named after it
    QTest.keyClick(dialog.path, Qt.Key.Key_Return)
    assert dialog.created.path.parent == tmp_path
    assert dialog.created.path.name == file_stem(dialog.form.name.text()) + ".dientap"
    dialog.created.close()


def test_a_broken_scenario_file_shows_every_problem(window, qtbot, tmp_path, answers):
    from dientap_desktop.ui.new_exercise import NewExerciseDialog

    bad = tmp_path / "hong.yaml"
    bad.write_text("format: dientap/1\nid: Sai Id\ntitle: x\n", encoding="utf-8")
    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    count = dialog.choice.count()
    answers.queue = [str(bad)]
    dialog.load_file()
    assert not dialog.problems.isHidden()
    text = dialog.problems.toPlainText()
    assert "hong.yaml" in text and "cannot be used" in text
    assert text.count("•") >= 2  # every problem on its own line
    assert dialog.choice.count() == count
    # the built-in scenario shown before is not made into an exercise by mistake
    assert dialog.scenario is None and not dialog.create_button.isEnabled()
    assert dialog.choice.currentIndex() == -1
    assert not dialog.form.isEnabled()  # the roster shown belongs to no scenario chosen
    dialog.reject()  # nothing typed: closed without a question
    assert "yes_no" not in [kind for kind, _ in answers.asked]
    dialog.choice.setCurrentIndex(0)
    assert dialog.scenario is not None and dialog.create_button.isEnabled()
    assert dialog.problems.isHidden() and dialog.form.isEnabled()


def test_a_scenario_whose_scale_keeps_the_default_ratings_is_shown_with_a_warning(
        window, qtbot, tmp_path, answers):
    from dientap_desktop.ui.new_exercise import NewExerciseDialog
    from dientap_desktop.ui.problems import is_known
    from tests.kit_support import KIT_SCENARIO

    scenario = tmp_path / "thang-20.yaml"
    scenario.write_text(KIT_SCENARIO.read_text("utf-8").replace(
        "posts:\n", "scale:\n  max: 20\nposts:\n", 1), "utf-8")
    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    answers.queue = [str(scenario)]
    dialog.load_file()
    assert dialog.scenario is not None and dialog.create_button.isEnabled()  # it can be used
    assert not dialog.problems.isHidden()
    text = dialog.problems.toPlainText()
    assert text.startswith("The scenario can be used, but check this in its file:")
    assert "• thang-20.yaml:" in text and "scale.max" in text
    assert "the default ratings apply as they are (Giỏi ≥ 8, Khá ≥ 6.5" in text
    assert is_known(str(dialog.scenario.warnings[0]))  # told in the window's language
    dialog.choice.setCurrentIndex(0)  # a built-in one: nothing to check
    assert dialog.problems.isHidden()


def test_attached_files_not_there_are_named_before_the_exercise_is_made(window, qtbot, tmp_path,
                                                                        answers):
    from dientap_desktop.ui.new_exercise import NewExerciseDialog
    from tests.kit_support import KIT_SCENARIO

    scenario = tmp_path / "co-ban-do.yaml"
    scenario.write_text(KIT_SCENARIO.read_text("utf-8").replace(
        "    targets: [bi-thu]\n", "    targets: [bi-thu]\n    media: [ban-do.png]\n"), "utf-8")
    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    answers.queue = [str(scenario)]
    dialog.load_file()
    dialog.path.setText(str(tmp_path / "moi.dientap"))
    answers.queue = [False]  # "Attached files not found": go back
    dialog.create()
    assert "Inject th-02: ban-do.png" in answers.of("yes_no")[-1]
    assert dialog.created is None and not (tmp_path / "moi.dientap").exists()
    (tmp_path / "ban-do.png").write_bytes(b"\x89PNG map")  # put where it belongs
    dialog.create()  # nothing to ask now
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.created.media("ban-do.png") == b"\x89PNG map"
    dialog.created.close()


def test_a_builtin_scenario_is_saved_to_be_made_ones_own(window, qtbot, tmp_path, answers):
    from dientap_desktop.ui.new_exercise import NewExerciseDialog

    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    builtin = dialog.scenario
    copy = tmp_path / "cua-toi.yaml"
    answers.queue = [str(copy)]
    dialog.copy_button.click()
    assert copy.read_text(encoding="utf-8") == builtin.source_text
    assert str(copy) in answers.of("info")[-1]
    copy.write_text(builtin.source_text.replace("Hòa Bình", "Yên Bình"), encoding="utf-8")
    answers.queue = [str(copy)]
    dialog.load_file()  # the edited copy is checked and chosen
    assert dialog.problems.isHidden()
    assert "Yên Bình" in dialog.scenario.source_text and dialog.scenario.id == builtin.id


def test_edit_details_and_roster_later(window, practice_file, qtbot):
    from dientap_desktop.demo import DEMO_SUPERIOR
    from dientap_desktop.ui.new_exercise import DetailsDialog

    assert window.open_file(practice_file)
    dialog = DetailsDialog(window.director, window)
    qtbot.addWidget(dialog)
    dialog.form.place.setText("Phường Đông Sơn")
    dialog.form.signer.setText("Đại tá Nguyễn Văn Tâm")
    dialog.form.signer_title.setText("Phó Trưởng ban")
    dialog.form.superior.setText("Ủy ban nhân dân phường Đông Sơn")
    roster = dialog.form.roster
    roster.setData(roster.index(1, roster.NAME), "Trần Thị B")
    dialog.save()
    exercise = window.exercise
    assert exercise.info.place == "Phường Đông Sơn"
    assert exercise.info.signer == "Đại tá Nguyễn Văn Tâm"
    assert exercise.info.signer_title == "Phó Trưởng ban"
    assert exercise.info.superior == "Ủy ban nhân dân phường Đông Sơn"
    edit = [e for e in exercise.log() if e.action == "edit_exercise"][-1]
    assert (edit.data["old"]["signer_title"], edit.data["new"]["signer_title"]) == (
        "", "Phó Trưởng ban")
    assert (edit.data["old"]["superior"], edit.data["new"]["superior"]) == (  # old value kept
        DEMO_SUPERIOR, "Ủy ban nhân dân phường Đông Sơn")
    post = window.director.scenario.posts[1].id
    assert exercise.roster()[post].name == "Trần Thị B"
    assert window.director.person(post).name == "Trần Thị B"
    assert [e.action for e in exercise.log()][-2:] == ["edit_exercise", "edit_roster"]


def test_details_changed_and_not_saved_are_not_dropped_unasked(window, practice_file, qtbot,
                                                               answers):
    from dientap_desktop.ui.new_exercise import DetailsDialog

    assert window.open_file(practice_file)
    dialog = DetailsDialog(window.director, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # nothing changed: closed at once
    assert answers.asked == [] and dialog.result() == dialog.DialogCode.Rejected
    dialog = DetailsDialog(window.director, window)
    qtbot.addWidget(dialog)
    dialog.show()
    roster = dialog.form.roster
    roster.setData(roster.index(1, roster.RANK), "Đại tá")
    answers.queue = [False]
    dialog.reject()
    assert answers.of("yes_no")[-1].startswith("Drop what you typed?\nThe changes have not")
    assert dialog.isVisible()
    dialog.save()
    assert window.exercise.roster()[window.director.scenario.posts[1].id].rank == "Đại tá"


def test_welcome_lists_recent_and_scenarios(window, practice_file, qtbot):
    welcome = window.welcome
    assert welcome.recent_view.isHidden() and not welcome.recent_empty.isHidden()
    window.open_file(practice_file)
    press(qtbot, window, "Ctrl+W")
    assert window.stack.currentWidget() is welcome
    assert welcome.recent.rowCount() == 1
    assert welcome.recent.index(0, 0).data().startswith("Diễn tập thử")
    welcome.load_scenarios()
    titles = [welcome.scenarios.index(r, 0).data() for r in range(welcome.scenarios.rowCount())]
    # with its kind where the title does not say it (here, in English)
    assert "Tiêu diệt, đánh bắt khủng bố, giải thoát con tin (Hostage rescue)" in titles
    welcome.recent_view.setFocus()
    qtbot.keyClick(welcome.recent_view, Qt.Key.Key_Return)
    assert window.exercise is not None and window.exercise.path == practice_file


def test_practice_demo_opens_ready_to_run(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(type(window), "settings_folder", lambda self: tmp_path / "data")
    folder = window.settings.last_folder
    window.act_practice.trigger()
    assert window.director.status == "planned"
    assert window.director.roster[window.director.scenario.posts[0].id].name
    assert window.act_start.isEnabled()
    assert window.settings.last_folder == folder  # a new exercise is not put with the demos


def test_kit_files_go_to_the_observer_window(window, tmp_path, answers, monkeypatch):
    import sys

    from dientap_desktop import app

    opened = []
    module = type(sys)("dientap_desktop.ui.observer.window")
    given = []  # the settings that remember the post the window was on, per kit
    module.open_observer_window = lambda path, settings=None: (opened.append(path),
                                                               given.append(settings))
    monkeypatch.setitem(sys.modules, "dientap_desktop.ui.observer.window", module)
    assert app.open_kit("x.dtkit", window)
    assert opened == ["x.dtkit"]
    # Ctrl+O shows the kits too (an observer looks there for the kit), and opens them
    from dientap_desktop.storage.kit import make_kit
    from dientap_desktop.ui import dialogs
    from tests.kit_support import make_exercise

    exercise = make_exercise(tmp_path / "ex.dientap")
    kit = make_kit(exercise, "Đại tá A", tmp_path / "a.dtkit")
    exercise.close()
    asked = []
    monkeypatch.setattr(dialogs, "choose_open_path",
                        lambda parent, title, filters, folder="": asked.append(filters) or kit)
    window.act_open.trigger()
    assert asked[0].split(";;")[0].endswith("(*.dientap *.dtkit)")
    assert opened == ["x.dtkit", str(kit)]
    assert given[-1] is window.settings
    monkeypatch.setitem(sys.modules, "dientap_desktop.ui.observer.window", None)
    assert not app.open_kit("x.dtkit", window)
    assert "observer" in answers.of("error")[-1]


def test_every_model_passes_the_model_tester(window, practice_file, qtbot, qtmodeltester):
    assert window.open_file(practice_file)
    press(qtbot, window, "F5")
    press(qtbot, window, "F6")
    window.run_view.posts.editor.text.setPlainText("Báo cáo")
    window.run_view.posts.record()
    from dientap_desktop.ui.help import ShortcutsModel
    from dientap_desktop.ui.models import CoversModel, RosterModel

    window.welcome.load_scenarios()
    window.welcome.refresh()
    window.show_tab(1)  # the log is read when first shown
    covers = CoversModel()
    covers.set_actions(["a", "b"], [1])
    roster = RosterModel({"p": "Post"}, [window.director.person(window.director.scenario
                                                                .posts[0].id)])
    models = [window.run_view.injects, window.run_view.posts.posts,
              window.run_view.posts.decisions, window.log_view.model, window.log_view.filter,
              window.welcome.recent, window.welcome.scenarios, covers, roster,
              ShortcutsModel([("a", "F1")])]
    for model in models:
        qtmodeltester.check(model, force_py=True)
    assert [m for m in models if m.rowCount() == 0] == []  # checked with rows in them


@pytest.mark.parametrize("language", ["vi", "en"])
def test_language_setting_is_kept(ui_settings, language):
    ui_settings.language = language
    assert ui_settings.language == language
    ui_settings.language = "fr"
    assert ui_settings.language == "vi"


def test_the_action_icons_are_there_at_every_size(window, ui_settings, monkeypatch):
    import sys
    from pathlib import Path

    from dientap_desktop.paths import resources_dir
    from dientap_desktop.ui import main_window, widgets

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    import make_action_icons

    used = []
    monkeypatch.setattr(main_window, "action_icon",
                        lambda name: used.append(name) or widgets.action_icon(name))
    other = main_window.MainWindow(ui_settings)
    assert {"start", "deliver-next", "pause", "finish", "projector"} <= set(used)
    assert set(used) <= set(make_action_icons.ICONS)
    folder = resources_dir() / "icons" / "actions"
    missing = [f"{name}-{size}{suffix}.png" for name in make_action_icons.ICONS
               for size in make_action_icons.SIZES for suffix in make_action_icons.INKS
               if not (folder / f"{name}-{size}{suffix}.png").is_file()]
    assert missing == []
    for action in window.run_actions:
        assert not action.icon().pixmap(24, 24).isNull(), action.text()
    other.close()


def test_the_window_fits_a_laptop_screen_and_a_smaller_one_later(ui_settings, qtbot,
                                                                  monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from dientap_desktop.ui.main_window import MainWindow

    area = QRect(0, 0, 1366, 728)  # 1366 × 768 less a taskbar
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: area)
    window = MainWindow(ui_settings)
    qtbot.addWidget(window)
    assert window.width() <= 1366 - 16 and window.height() <= 728 - 40  # with its frame
    assert window.minimumHeight() <= 728 - 40
    ui_settings.geometry = window.saveGeometry()  # where the director left it
    again = MainWindow(ui_settings)
    qtbot.addWidget(again)
    assert again.minimumWidth() >= 700  # restored, it keeps a minimum the run view needs
    area.setRect(0, 0, 1024, 600)  # then the file opened on a smaller laptop: fitted again
    smaller = MainWindow(ui_settings)
    qtbot.addWidget(smaller)
    assert smaller.width() <= 1024 - 16 and smaller.height() <= 600 - 40


def test_tab_in_the_roster_goes_over_the_post_titles(window, qtbot):
    from dientap_desktop.ui.new_exercise import NewExerciseDialog

    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    view, roster = dialog.form.roster_view, dialog.form.roster
    view.setFocus()
    view.setCurrentIndex(roster.index(0, roster.UNIT))  # the last cell of the first row
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, roster.NAME)
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (0, roster.UNIT)


def test_coming_into_the_roster_lands_on_a_cell_that_takes_what_is_typed(window, qtbot):
    from PySide6.QtWidgets import QApplication

    dialog = new_exercise_dialog(window, qtbot)
    view, roster = dialog.form.roster_view, dialog.form.roster
    view.setFocus(Qt.FocusReason.TabFocusReason)  # Tab from "Signed by"
    assert (view.currentIndex().row(), view.currentIndex().column()) == (0, roster.NAME)
    dialog.form.signer.setFocus()
    view.setCurrentIndex(roster.index(2, roster.POST))  # left on a post title
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (2, roster.NAME)
    dialog.form.signer.setFocus()
    view.selectionModel().clearCurrentIndex()
    view.setFocus(Qt.FocusReason.BacktabFocusReason)  # Shift+Tab from below: the last one
    assert (view.currentIndex().row(), view.currentIndex().column()) == (
        roster.rowCount() - 1, roster.UNIT)
    view.edit(view.currentIndex())  # typing in the last cell, Tab goes on out of the table
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert not view.isAncestorOf(QApplication.focusWidget()) and not view.hasFocus()


def test_the_welcome_view_opens_the_latest_exercise_on_enter(window, practice_file, qtbot):
    """Back after a crash, the director presses Enter: the exercise left comes back (the
    keyboard was on "New exercise…")."""
    from PySide6.QtWidgets import QApplication

    window.open_file(practice_file)
    window.close_exercise()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.welcome.recent_view)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.exercise is not None and window.exercise.path == practice_file


def test_a_file_named_from_the_working_folder_is_opened_by_its_whole_path(
        practice_file, monkeypatch):
    """`dientap gui ex.dientap` from the file's folder: the window, its recent files, its lock
    and the folders it shows (reports, kits) all name it whole, so the file manager can open
    them; and the reports folder is opened by its whole path whatever it is given."""
    from PySide6.QtGui import QDesktopServices

    from dientap_desktop import app
    from dientap_desktop.ui import export_dialog

    given = []

    class Finished:
        def exec(self):
            return 0

    monkeypatch.setattr(app, "start", lambda path: (given.append(path), (Finished(), None))[1])
    monkeypatch.setattr(app, "end_on_request", lambda application: None)  # the test's signals
    monkeypatch.chdir(practice_file.parent)
    assert app.run_app(practice_file.name) == 0
    assert given == [str(practice_file)]
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    export_dialog.open_folder(Path("bao-cao"))
    assert opened[0].toLocalFile() == str(practice_file.parent / "bao-cao")


def test_enter_in_a_field_of_the_new_exercise_creates_it(window, qtbot, answers):
    from PySide6.QtTest import QTest

    dialog = new_exercise_dialog(window, qtbot)
    dialog.form.name.setText("Diễn tập phường Yên Bình")
    dialog.form.place.setFocus()
    QTest.keyClick(dialog.form.place, Qt.Key.Key_Return)
    assert answers.asked == []  # no file picker
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.created.info.name == "Diễn tập phường Yên Bình"
    dialog.created.close()


def test_what_is_typed_in_a_new_exercise_is_not_dropped_unasked(window, qtbot, answers):
    from PySide6.QtTest import QTest

    from dientap_desktop.ui.new_exercise import NewExerciseDialog

    def choose(scenario_id):
        dialog.choice.setCurrentIndex(
            next(n for n, s in enumerate(dialog._scenarios) if s.id == scenario_id))

    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    choose("giai-thoat-con-tin")
    roster = dialog.form.roster
    roster.setData(roster.index(0, roster.NAME), "Nguyễn Văn A")  # bi-thu
    roster.setData(roster.index(5, roster.NAME), "Lê Thị Y Tá")  # y-te
    choose("giai-tan-bao-loan")  # another scenario: the players of the posts it has too stay
    people = {p.post_id: p.name for p in dialog.form.roster.people()}
    assert people["bi-thu"] == "Nguyễn Văn A" and "y-te" not in people
    choose("chuyen-trang-thai-sscd")  # other ids: the post of the same title gets its player
    titles = {p.id: p.title for p in dialog.scenario.posts}
    people = {titles[p.post_id]: p.name for p in dialog.form.roster.people()}
    assert people["Bí thư Đảng ủy phường"] == "Nguyễn Văn A"
    choose("giai-thoat-con-tin")  # back: every player typed there is there again
    people = {p.post_id: p.name for p in dialog.form.roster.people()}
    assert (people["bi-thu"], people["y-te"]) == ("Nguyễn Văn A", "Lê Thị Y Tá")
    answers.queue = [False]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert answers.of("yes_no")[-1].startswith("Drop what you typed?\nThe exercise has not")
    assert dialog.isVisible()  # "go back to it"
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected


def test_the_new_exercise_opens_with_the_keyboard_on_the_scenario(window, qtbot, answers):
    from PySide6.QtTest import QTest

    from dientap_desktop.ui.new_exercise import NewExerciseDialog

    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.choice)
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)  # the first key already counts
    assert dialog.choice.currentIndex() == 1 and dialog.scenario is dialog._scenarios[1]


def test_an_untouched_new_exercise_closes_without_a_question(window, qtbot, answers):
    from PySide6.QtTest import QTest

    from dientap_desktop.ui.new_exercise import NewExerciseDialog

    dialog = NewExerciseDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choice.setCurrentIndex(1)  # another scenario chosen, nothing typed
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert answers.asked == [] and not dialog.isVisible()


def test_the_copies_folder_no_program_can_open_is_named(window, practice_file, answers,
                                                        monkeypatch):
    from PySide6.QtGui import QDesktopServices

    assert window.open_file(practice_file)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    window.act_copies.trigger()
    said = answers.of("info")[-1]
    assert said.startswith("Automatic copies\nNo program on this computer opens folders.")
    assert str(window.settings_folder()) in said


def test_the_panels_keys_work_on_an_exercise_opened_from_the_welcome_view(
        window, practice_file, qtbot, monkeypatch):
    """Ctrl+Shift+E (reports) and Ctrl+Shift+K/M/I/P (kits) work as soon as an exercise is
    opened, without opening their menu first; and not once it is closed."""
    from dientap_desktop.ui import export_dialog

    panels = [*window.kit_actions, window.act_export_reports]
    assert not any(a.isEnabled() for a in panels)  # the welcome view: nothing to act on
    window.open_file(practice_file)
    assert all(a.isEnabled() for a in panels)
    shown = []
    monkeypatch.setattr(export_dialog.ExportDialog, "show", lambda self: shown.append(self))
    press(qtbot, window, "Ctrl+Shift+E")
    assert len(shown) == 1
    press(qtbot, window, "Ctrl+W")
    assert not any(a.isEnabled() for a in panels)
