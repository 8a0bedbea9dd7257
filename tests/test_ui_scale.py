"""The director's run view at other sizes and scales, in Vietnamese and in English: from the
window's minimum width (1000) to 1366 and more, and the 1280 × 680 that 1920 × 1080 at 150 % leaves,
every value of the clock bar and every control of the toolbar is in sight and read whole."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel

from tests.ui_support import answers, ui_settings  # noqa: F401

SEVEN_POSTS = 3  # the index of the inject of the readiness scenario sent to seven posts


@pytest.fixture
def sscd_file(tmp_path) -> Path:
    """The readiness scenario running, its four first injects handed out: the fourth waits for
    seven posts, the three before for every one of theirs."""
    from dientap_desktop.demo import demo_roster
    from dientap_desktop.domain.scenario_loader import find_scenario
    from dientap_desktop.storage.exercise_file import ExerciseFile

    scenario = find_scenario("chuyen-trang-thai-sscd")
    assert len(scenario.injects[SEVEN_POSTS].targets) == 7
    path = tmp_path / "sscd.dientap"
    with ExerciseFile.create(path, scenario, name="Diễn tập KVPT tỉnh",
                             roster=demo_roster(scenario)) as exercise:
        exercise.start()
        for inject in scenario.injects[:SEVEN_POSTS + 1]:
            exercise.deliver(inject.id)
    return path


@pytest.fixture(params=["vi", "en"])
def language(request, qapp):
    from dientap_desktop.app import install_translations

    install_translations(qapp, request.param)
    yield request.param
    install_translations(qapp, "en")


def director_window(qtbot, settings, path: Path, width: int, height: int):
    """The director's window of this size, open on the file."""
    from dientap_desktop.ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_file(path)
    qtbot.wait(20)
    return window


def place(widget, within) -> QRect:
    """A widget's rectangle in the coordinates of one of its ancestors."""
    return QRect(widget.mapTo(within, QPoint(0, 0)), widget.size())


def shown_labels(bar) -> list[QLabel]:
    return [label for label in bar.findChildren(QLabel)
            if label.isVisibleTo(bar) and label.text()]


def assert_read_whole(bar) -> None:
    """Each text of the bar within its label, each label within the bar, no two over each
    other."""
    labels = shown_labels(bar)
    inside = bar.contentsRect()
    for label in labels:
        assert inside.contains(place(label, bar)), (label.text(), place(label, bar), inside)
        room = label.width() - 2 * label.margin()
        assert label.fontMetrics().horizontalAdvance(label.text()) <= room, label.text()
    for one, other in itertools.combinations(labels, 2):
        assert not place(one, bar).intersects(place(other, bar)), (one.text(), other.text())


@pytest.mark.parametrize("width", [1000, 1100, 1280, 1366, 1600])
def test_the_clock_bar_is_read_whole_at_any_width(width, language, qtbot, ui_settings,
                                                  sscd_file, answers):
    """1280 is 1920 × 1080 at 150 %: "Khẩn cấp về quốc phòng" was drawn over "Đã phát 3/10",
    "Full combat readinessDefence emergency" ran together and the current inject's posts
    waiting were cut at the window's edge."""
    window = director_window(qtbot, ui_settings, sscd_file, width, 700)
    bar = window.run_view.clock_bar
    assert bar.earlier.text()  # the three injects before still wait: the bar's last line full
    assert_read_whole(bar)
    values = (bar.status, bar.elapsed, bar.offset, bar.story, bar.readiness, bar.locality,
              bar.progress, bar.waiting)
    before = {label: place(label, bar) for label in values}
    director = window.director
    current = director.state.current.inject
    for post in current.targets:  # every post answered, then the next inject: values change,
        director.record_decision(current.id, post, "bao_cao", "x", None, ())
    window.act_next.trigger()
    window.run_view.tick()
    qtbot.wait(10)
    assert_read_whole(bar)
    assert {label: place(label, bar) for label in values} == before  # and stay where they were
    if width >= 1600:  # room for the values side by side, each under its caption
        assert not bar.compact
        captions = [label for label in shown_labels(bar) if label not in values
                    and label not in (bar.hint, bar.earlier)]
        assert len(captions) == 6


def test_on_a_1366_by_768_laptop_the_demo_s_values_keep_their_captions(
        language, qtbot, ui_settings, tmp_path, answers):
    """The window that 1366 × 768 leaves (1350 wide with its frame): the values side by side
    under their captions, as close as they read well."""
    from tools.screenshots import mid_exercise

    path = mid_exercise(tmp_path / "demo.dientap")
    window = director_window(qtbot, ui_settings, path, 1350, 688)
    bar = window.run_view.clock_bar
    assert not bar.compact
    assert_read_whole(bar)


@pytest.mark.parametrize("width", [1000, 1280, 1366, 1600])
def test_every_control_of_the_toolbar_is_in_sight_at_any_width(width, language, qtbot,
                                                               ui_settings, sscd_file, answers):
    """At 1280 "Máy chiếu (Ctrl+P)" was behind the toolbar's » arrow: the least used show their
    icon alone instead (their name and key in the tooltip), the next inject's always named."""
    from PySide6.QtWidgets import QToolButton

    window = director_window(qtbot, ui_settings, sscd_file, width, 700)
    toolbar = window.run_view.toolbar
    for paused in (False, True):  # "Pause (F9)" and "Resume (F9)"
        assert window.director.status == ("paused" if paused else "running")
        actions = [a for a in toolbar.actions() if not a.isSeparator()]
        assert len(actions) == 8
        for action in actions:
            button = toolbar.widgetForAction(action)
            assert button.isVisible(), action.iconText()
            assert toolbar.rect().contains(place(button, toolbar)), action.iconText()
            if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
                assert not action.icon().isNull() and action.toolTip(), action.iconText()
        arrow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert arrow is None or not arrow.isVisible()
        named = toolbar.widgetForAction(window.act_next)
        assert named.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        short = [a for a in actions if toolbar.widgetForAction(a).toolButtonStyle()
                 == Qt.ToolButtonStyle.ToolButtonIconOnly]
        if width >= 1600:
            assert short == []
        window.act_pause.trigger()
        qtbot.wait(10)


def cell_margins(view) -> int:
    """The room a cell keeps around its text, both sides (as QStyledItemDelegate draws it)."""
    from PySide6.QtWidgets import QStyle

    return 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
                + 1)


def every_state(model, late: int) -> list[tuple[str, bool]]:
    """Each text the posts' state column (of `model`) can show, up to 99 minutes, and whether
    it is bold (a post waiting)."""
    from dientap_desktop.ui.director import ANSWERED, NOT_DUE, WAITING, PostAnswer

    answer_text = model.answer_text
    answers = [PostAnswer("p", NOT_DUE, None, False, 0)]
    for state in (WAITING, ANSWERED):
        answers += [PostAnswer("p", state, m, m >= late, 0) for m in (0, late - 1, 99)]
    return [(answer_text(a), a.state == WAITING) for a in answers]


def assert_states_read_whole(view) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from dientap_desktop.ui.models import PostsModel

    column = PostsModel.STATE
    assert view.columnViewportPosition(column) + view.columnWidth(column) \
        <= view.viewport().width()
    room = view.columnWidth(column) - cell_margins(view)
    bold = QFont(view.font())
    bold.setBold(True)
    model = view.model()
    shown = [(model.index(r, column).data(), model.index(r, column).data(
        Qt.ItemDataRole.FontRole) is not None) for r in range(model.rowCount())]
    for text, strong in every_state(model, 10) + shown:
        assert QFontMetrics(bold if strong else view.font()).horizontalAdvance(text) <= room, \
            (text, room)


@pytest.mark.parametrize("height", [768, 728])
def test_every_post_s_state_is_read_whole_at_1366_wide(height, language, qtbot, ui_settings,
                                                       sscd_file, answers):
    """"Waiting (less than a …", "Answered after 11 min (…", "LATE: no answer for 1…" were cut:
    the state is what the director reads at a glance, the title yields to it (whole in its
    tooltip)."""
    from dientap_desktop.ui.models import PostsModel

    window = director_window(qtbot, ui_settings, sscd_file, 1366, height)
    view = window.run_view.posts.posts_view
    model = view.model()
    assert model.rowCount() == 7
    assert_states_read_whole(view)
    director = window.director
    current = director.state.current.inject
    for post in current.targets[:2]:  # a post that answered twice says so beside its state
        for text in ("Báo cáo", "Báo cáo lần hai"):
            director.record_decision(current.id, post, "bao_cao", text, None, ())
    qtbot.wait(10)
    assert "2" in model.index(0, PostsModel.STATE).data()
    assert_states_read_whole(view)
    for row in range(model.rowCount()):  # a title cut for the state is whole in its tooltip
        title = director.post_title(current.targets[row])
        assert model.index(row, PostsModel.POST).data(Qt.ItemDataRole.ToolTipRole).startswith(
            title)
    letter = view.fontMetrics().averageCharWidth()
    assert view.columnWidth(PostsModel.POST) >= 12 * letter  # and still tells the post


@pytest.mark.parametrize("width", [1000, 1366])
def test_an_inject_chosen_out_of_order_says_whole_how_to_deliver_it(
        width, language, qtbot, ui_settings, sscd_file, answers):
    """"NOT DELIVERED · Shift+F6 delivers it no": the button "To the current one" covered the
    rest. The banner takes a second line where the buttons leave too little room for one."""
    from PySide6.QtWidgets import QApplication

    window = director_window(qtbot, ui_settings, sscd_file, width, 728)
    director = window.director
    pane = window.run_view.inject_pane
    banner = pane.banner
    one_line = banner.height()
    for inject in (director.scenario.injects[6], director.scenario.injects[4],
                   director.state.current.inject):  # out of order, the next, the current
        director.set_focus(inject.id)
        QApplication.processEvents()
        text = banner.text()
        room = banner.width() - 2 * banner.margin()
        needed = banner.fontMetrics().boundingRect(
            QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), text)
        assert needed.height() <= banner.height() - 2 * banner.margin(), (text, banner.height())
        assert needed.width() <= room, text
        top = banner.parentWidget().parentWidget()
        for button in (pane.back_button, pane.projector_button):
            if button.isVisible():
                assert not place(banner, top).intersects(place(button, top)), text
        assert pane.back_button.isVisible() == (inject is not director.state.current.inject)
    assert banner.height() == one_line  # the current inject's banner on one line again


def screen_of(monkeypatch, width: int, height: int) -> QRect:
    """The screen's available area (what a taskbar leaves) as a laptop of this size gives it."""
    from PySide6.QtGui import QScreen

    area = QRect(0, 0, width, height)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: area)
    return area


def test_on_first_start_a_screen_larger_than_the_window_is_filled(qtbot, ui_settings,
                                                                  monkeypatch):
    """1920 × 1080 at 125 % (1536 × 864, a taskbar of 40): the window filled only 1366 × 768 of
    it, centred. The first time it fills the screen; the size the director then gives it is
    kept."""
    from dientap_desktop.ui.main_window import PREFERRED_SIZE, MainWindow

    screen_of(monkeypatch, 1536, 824)
    window = MainWindow(ui_settings)
    qtbot.addWidget(window)
    assert window.isMaximized()
    assert window.size() == PREFERRED_SIZE  # the size it comes back to, un-maximized
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMaximized)
    window.resize(1200, 700)  # the director's own size
    ui_settings.geometry = window.saveGeometry()
    kept = MainWindow(ui_settings)
    qtbot.addWidget(kept)
    assert not kept.isMaximized() and kept.height() == 700  # (offscreen, Qt keeps the width
    # within the platform's own screen, smaller than the one seen here)


@pytest.mark.parametrize("area", [(1366, 728), (1280, 680), (1366, 768)])
def test_a_screen_no_larger_than_the_window_gets_it_as_before(area, qtbot, ui_settings,
                                                              monkeypatch):
    from dientap_desktop.ui.main_window import MainWindow

    available = screen_of(monkeypatch, *area)
    window = MainWindow(ui_settings)
    qtbot.addWidget(window)
    assert not window.isMaximized()
    assert window.width() <= available.width() - 16 and window.height() <= available.height() - 40


@pytest.mark.parametrize("size", [(1264, 680), (1350, 728)],
                         ids=["1920x1080 at 150%", "2732x1536 at 200%"])
def test_seven_posts_the_form_and_two_decisions_are_in_sight(size, language, qtbot,
                                                             ui_settings, sscd_file, answers):
    """The windows those screens leave (a window fitted to them, its frame beside): at 150 % the
    list showed five posts and a half of seven; at 200 % the expected actions showed one and a
    half, the decisions recorded less than two rows. Every post first, then the decisions
    recorded two rows, the text three lines, and two actions of two lines where there is room."""
    from dientap_desktop.ui.widgets import ROW_PADDING

    window = director_window(qtbot, ui_settings, sscd_file, *size)
    panel = window.run_view.posts
    director = window.director
    current = director.state.current.inject
    for post in current.targets[:3]:
        director.record_decision(current.id, post, "bao_cao", "Đã báo cáo", None, ())
    qtbot.wait(10)
    view = panel.posts_view
    rows = view.model().rowCount()
    assert rows == 7
    assert view.rowViewportPosition(rows - 1) + view.rowHeight(rows - 1) \
        <= view.viewport().height()
    recorded = panel.decisions_view
    assert recorded.model().rowCount() == 3
    assert recorded.viewport().height() >= 2 * recorded.rowHeight(0)
    text = panel.editor.text
    assert text.viewport().height() >= 3 * text.fontMetrics().lineSpacing()
    covers = panel.editor.covers_view
    assert covers.isVisible() and covers.model().rowCount() >= 2
    lines = covers.fontMetrics().lineSpacing()
    assert covers.viewport().height() >= 2 * lines  # two lines at least
    if size[1] >= 728:  # two actions of two lines each
        assert covers.viewport().height() >= 2 * (2 * lines + ROW_PADDING)
    window_bottom = window.centralWidget().rect().bottom()
    assert place(recorded, window.centralWidget()).bottom() <= window_bottom
