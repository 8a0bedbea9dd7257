"""The director sees the evaluation's results in the window (F12): each post's total and rating
or what it misses, one post's criteria with every observer's score, disagreements marked; read
again after kits are merged or scores imported."""

import shutil

from PySide6.QtCore import QLocale, Qt

from dientap_desktop.ui.observer.models import PostsModel
from dientap_desktop.ui.results_view import CriteriaModel, ExerciseNotesModel, ResultsView
from tests.ui_support import answers, practice_file, ui_settings, window  # noqa: F401


def test_the_demo_s_results_are_shown_as_the_papers_give_them(window, demo_file, tmp_path,
                                                              qtmodeltester):
    path = shutil.copy(demo_file, tmp_path / "demo.dientap")
    assert window.open_file(path)
    window.act_results_view.trigger()
    view = window.tabs.currentWidget().content
    assert isinstance(view, ResultsView) and view.isVisible()
    results = window.exercise.results()
    assert results.complete and view.hint.isHidden()
    assert view.total.text().startswith("Whole exercise: ")
    assert view.total.text().endswith(f" — {results.rating}")
    posts = view.posts_model
    assert posts.rowCount() == len(window.exercise.scenario.posts)
    assert [posts.data(posts.index(r, PostsModel.STATE)) for r in range(posts.rowCount())] == [
        p.rating for p in results.posts]
    # every total with two decimals, as the summary prints it ("7,00" beside "8,63", not "7")
    mark = QLocale().decimalPoint()
    assert [posts.data(posts.index(r, PostsModel.SCORE)) for r in range(posts.rowCount())] == [
        f"{p.score:.2f}".replace(".", mark) for p in results.posts]
    assert any(p.score == int(p.score) for p in results.posts)  # one whole: "7,00"
    assert f"{results.score:.2f}".replace(".", mark) in view.total.text()
    view.posts_view.selectRow(1)
    criteria = view.criteria_model
    post = results.posts[1]
    assert criteria.rowCount() == len(post.criteria)
    assert criteria.observers == [o for o in window.exercise.observers()
                                  if any(o in c.scores for c in post.criteria)]
    assert len(criteria.observers) == 2  # the demo's two kits
    assert post.post.title in view.criteria_title.text()
    checked_posts = PostsModel(view.scoring)  # of their own: the window's go with it
    checked_criteria = CriteriaModel()
    checked_criteria.set_post(post, window.exercise.observers())
    qtmodeltester.check(checked_posts, force_py=True)
    qtmodeltester.check(checked_criteria, force_py=True)


def test_scores_merged_or_imported_show_at_once_with_disagreements_marked(window, practice_file,
                                                                          qtbot):
    assert window.open_file(practice_file)
    window.show_tab(2)
    view = window.results_view
    assert view.hint.isVisible() and "not complete" in view.total.text()
    post = window.exercise.scenario.posts[0]
    criterion = window.exercise.scenario.criteria_for(post.id)[0]
    window.exercise.set_score("Đại tá A", post.id, criterion.id, criterion.max)
    window.exercise.set_score("Trung tá B", post.id, criterion.id, 0, comment="chưa đạt")
    window.exercise_changed.emit()  # as the merge and the import do
    assert view.hint.isHidden()
    view.posts_view.selectRow(0)
    model = view.criteria_model
    assert model.observers == ["Đại tá A", "Trung tá B"]
    low = model.index(0, 4)
    assert model.data(low) == "0" and model.data(low, Qt.ItemDataRole.ToolTipRole) == "chưa đạt"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "1 criterion where the observers disagree" in view.criteria_title.text()
    assert model.data(model.index(1, CriteriaModel.MAX + 3)) == "–"  # no mean: not scored


def test_the_director_takes_an_observer_s_note_back_from_the_after_action_report(
        window, demo_file, tmp_path, qtbot, answers, qtmodeltester):
    path = shutil.copy(demo_file, tmp_path / "demo.dientap")
    assert window.open_file(path)
    window.show_tab(2)
    view = window.results_view
    notes = window.exercise.notes()
    model = view.notes_model
    assert model.rowCount() == len(notes) and f"({len(notes)})" in view.lower_tabs.tabText(1)
    assert model.data(model.index(1, ExerciseNotesModel.OBSERVER)) == notes[1].observer
    qtmodeltester.check(ExerciseNotesModel(view.scoring), force_py=True)
    view.lower_tabs.setCurrentIndex(1)
    view.notes_view.setCurrentIndex(model.index(1, 0))
    view.notes_view.setFocus()
    answers.queue = [False]  # the director keeps it: nothing changes
    qtbot.keyClick(view.notes_view, Qt.Key.Key_Delete)
    assert notes[1].text in answers.of("yes_no")[-1]
    assert window.exercise.notes() == notes
    qtbot.keyClick(view.notes_view, Qt.Key.Key_Delete)  # and now it goes
    assert window.exercise.notes() == notes[:1] + notes[2:]
    assert model.rowCount() == len(notes) - 1
    assert f"({len(notes) - 1})" in view.lower_tabs.tabText(1)
    assert window.exercise.log()[-1].action == "withdraw_note"


def test_the_score_chosen_is_one_observer_s_cell_and_enter_opens_that_observer_s_sheet(
        window, demo_file, tmp_path, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr("dientap_desktop.ui.paper_sheet.edit_observer_sheet",
                        lambda parent, exercise, observer="", post_id=None, criterion_id=None:
                        opened.append((observer, post_id, criterion_id)) and False)
    path = shutil.copy(demo_file, tmp_path / "demo.dientap")
    assert window.open_file(path)
    window.act_results_view.trigger()
    view = window.results_view
    view.posts_view.selectRow(1)
    model, criteria = view.criteria_model, view.criteria_view
    first, second = (CriteriaModel.MAX + 1 + n for n in range(2))
    # the cursor on the first observer's score of the first criterion, that cell alone chosen
    assert criteria.currentIndex() == model.index(0, first)
    criteria.setFocus()
    qtbot.keyClick(criteria, Qt.Key.Key_Down)
    qtbot.keyClick(criteria, Qt.Key.Key_Right)  # to the second observer's score
    assert criteria.currentIndex() == model.index(1, second)
    assert criteria.selectionModel().selectedIndexes() == [model.index(1, second)]
    assert criteria.horizontalHeader().highlightSections()  # and its observer's name marked
    qtbot.keyClick(criteria, Qt.Key.Key_Return)
    post = window.exercise.results().posts[1]
    assert opened == [(model.observers[1], post.post.id, post.criteria[1].criterion.id)]
    # the cursor stays on the observers' scores: Left from the first, Right from the last
    qtbot.keyClick(criteria, Qt.Key.Key_Right)
    assert criteria.currentIndex() == model.index(1, second)
    for _ in range(3):
        qtbot.keyClick(criteria, Qt.Key.Key_Left)
    assert criteria.currentIndex() == model.index(1, first)
    criteria.setCurrentIndex(model.index(3, CriteriaModel.CRITERION))  # a click on the text
    assert criteria.currentIndex() == model.index(3, first)
    qtbot.keyClick(criteria, Qt.Key.Key_Enter)
    assert opened[-1] == (model.observers[0], post.post.id, post.criteria[3].criterion.id)
