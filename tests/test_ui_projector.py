"""The projector window: each inject readable from the back of the room, its images whole."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.ui_support import (  # noqa: F401
    answers,
    on_two_screens,
    practice_file,
    press,
    ui_settings,
    window,
)

SHORT = "Lúc 07 giờ 30, tổ tuần tra phát hiện hai đối tượng khả nghi\nđi lại quanh trụ sở UBND."
LONG = "\n".join(  # as long as the longest inject of the built-in scenarios
    f"Đoạn {n}: dân quân thường trực phường phối hợp công an phường bao vây, canh gác các ngả "
    "đường dẫn vào trụ sở, sơ tán nhân dân khu vực lân cận, báo cáo kịp thời lên quận."
    for n in range(1, 5))
VERY_LONG = "\n".join([LONG] * 5)
PORTRAIT, LANDSCAPE, SMALL = (1240, 1754), (1600, 1000), (320, 240)


def make_exercise(folder: Path, text: str, images: list[tuple[int, int]]) -> Path:
    """An exercise whose first inject has this text and these images (with a file that is not
    an image), the first inject delivered."""
    from PySide6.QtGui import QColor, QImage

    from dientap_desktop.domain.scenario_loader import load_scenario
    from dientap_desktop.storage.exercise_file import ExerciseFile

    names = []
    (folder / "anh").mkdir(parents=True)
    for n, (w, h) in enumerate(images):
        image = QImage(w, h, QImage.Format.Format_RGB32)
        image.fill(QColor.fromHsv(n * 100, 160, 220))
        names.append(f"anh/h{n}.png")
        assert image.save(str(folder / names[-1]))
    (folder / "anh" / "ghi-chu.pdf").write_bytes(b"%PDF-1.4\n")
    names.append("anh/ghi-chu.pdf")
    yaml = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    body = "".join(f"      {line}\n" for line in text.splitlines())
    yaml = yaml.replace("""      Lúc 07 giờ 30, tổ tuần tra phát hiện hai đối tượng khả nghi
      đi lại quanh trụ sở UBND phường.
""", body).replace("media: [ban-do/khu-vuc-1.png]", f"media: [{', '.join(names)}]")
    scenario_file = folder / "kich-ban.yaml"
    scenario_file.write_text(yaml, encoding="utf-8")
    path = folder / "ex.dientap"
    with ExerciseFile.create(path, load_scenario(scenario_file), name="Diễn tập thử") as exercise:
        exercise.start()
        exercise.deliver_next()
    return path


@pytest.fixture
def project(qtbot, ui_settings, tmp_path):
    """Show an inject with this text and these images in a projector window of this size."""
    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.ui.director import Director
    from dientap_desktop.ui.projector import ProjectorWindow

    window = ProjectorWindow(ui_settings)
    qtbot.addWidget(window)
    opened = []

    def show(text: str, images: list[tuple[int, int]], size: tuple[int, int]):
        folder = tmp_path / f"k{len(opened)}"
        opened.append(Director(ExerciseFile.open(make_exercise(folder, text, images))))
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.set_director(opened[-1])
        window.fit()  # as the timer does right after each change
        return window

    yield show
    window.set_director(None)
    for director in opened:
        director.exercise.close()


CASES = [(text, images) for text in (SHORT, LONG) for images in
         ([PORTRAIT], [LANDSCAPE], [PORTRAIT, LANDSCAPE, SMALL], [LANDSCAPE] * 3)]


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=["1024x768", "1920x1080"])
@pytest.mark.parametrize(("text", "images"), CASES,
                         ids=[f"{'short' if t == SHORT else 'long'}-{len(i)}-{i[0][0]}"
                              for t, i in CASES])
def test_every_image_is_shown_whole_beside_text_the_room_can_read(project, size, text, images):
    window = project(text, images, size)
    rects = window.image_rects()
    assert len(rects) == len(images)  # every image, the second and third too
    for rect, (w, h) in zip(rects, images, strict=True):
        assert window.rect().contains(rect)  # whole: never past the window's edge
        assert rect.width() >= 100 or rect.height() >= 100  # seen, not a stamp
        assert abs(rect.width() / rect.height() - w / h) < 0.02  # not stretched
    for first in range(len(rects)):  # not over each other, nor over the text
        assert not window.browser.geometry().translated(window.stage.pos()).intersects(
            rects[first])
        assert not any(rects[first].intersects(r) for r in rects[first + 1:])
    assert window.text_pixel_size() >= window.font_floor() >= size[1] // 32
    document = window.browser.document()
    assert document.size().height() <= window.browser.viewport().height()  # the whole text
    assert text.splitlines()[-1] in window.text()
    assert "ghi-chu.pdf" in window.text()  # a file that is no image is named
    assert "h0.png" not in window.text()  # an image is shown, not named


def test_a_lone_portrait_scan_stands_beside_a_short_text_as_tall_as_the_room(project):
    window = project(SHORT, [PORTRAIT], (1024, 768))
    [rect] = window.image_rects()
    assert rect.height() >= window.stage.height() * 0.9  # not half the width, off the bottom
    assert rect.left() > window.browser.geometry().right()  # beside the text
    assert window.text_pixel_size() > window.font_floor()  # a short text larger than the floor


def test_a_text_too_long_for_the_floor_scrolls_and_the_images_make_room(project):
    window = project(VERY_LONG, [PORTRAIT, LANDSCAPE], (1024, 768))
    assert window.text_pixel_size() == window.font_floor()  # never smaller
    rects = window.image_rects()
    assert len(rects) == 2 and all(window.rect().contains(r) for r in rects)
    # the images took the least room, and the text is not cut silently: it scrolls, shown so
    assert window.browser.height() >= window.stage.height() * 0.7
    bar = window.browser.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0


def test_the_images_follow_the_window_s_size(project, qtbot):
    window = project(SHORT, [LANDSCAPE], (800, 600))
    small = window.image_rects()[0]
    window.resize(1600, 1000)  # made full screen on a larger projector
    qtbot.waitUntil(lambda: window.image_rects()[0].width() > small.width() * 1.5)
    assert window.rect().contains(window.image_rects()[0])


SCREENS = [{"name": "screen", "x": 0, "y": 0, "width": 1366, "height": 768, "index": 0},
           {"name": "screen", "x": 1366, "y": 0, "width": 1024, "height": 768, "index": 1}]


def moved(screens: list[dict], **change) -> list[dict]:
    return [{**screen, **change.get(str(screen["index"]), {})} for screen in screens]


@pytest.mark.parametrize(("chosen", "screens", "expected"), [
    ({}, SCREENS, 1),  # none chosen: the last one
    (SCREENS[0], SCREENS, 0),  # two screens of one name: told apart by their place
    (SCREENS[1], SCREENS, 1),
    # two X screens of one name and size, both at 0, 0: by their number
    ({**SCREENS[0], "x": 0, "width": 1024, "index": 1},
     moved(SCREENS, **{"1": {"x": 0}, "0": {"width": 1024}}), 1),
    ({**SCREENS[1], "width": 1024}, moved(SCREENS, **{"1": {"width": 1280}}), 1),  # resolution
    (SCREENS[1], moved(SCREENS, **{"1": {"x": 0, "y": 768}}), 1),  # moved: by its size
    (SCREENS[0], moved(SCREENS, **{"0": {"x": 1024}, "1": {"x": 0}}), 1),  # what is there now
    # one model, arranged anew: by its number
    ({**SCREENS[1], "width": 1366}, moved(SCREENS, **{"1": {"width": 1366, "x": 0, "y": 768},
                                                       "0": {"x": 800}}), 1),
    ({**SCREENS[1], "index": 7}, moved(SCREENS, **{"0": {"width": 1280},  # else the nearest
                                                    "1": {"x": 1280, "width": 1280}}), 1),
    (SCREENS[0], moved(SCREENS, **{"0": {"name": "HDMI-1"}, "1": {"name": "eDP-1"}}), 0),
    ({"name": "HDMI-2", "x": 1366, "y": 0}, SCREENS, 1),  # unplugged: the last one
    ({"name": "HDMI-1"}, [{**SCREENS[0], "name": "HDMI-1"}, SCREENS[1]], 0),  # an older setting
    ({"name": "screen"}, SCREENS, 1),
    (SCREENS[1], SCREENS[:1], 0),  # the projector unplugged
    (SCREENS[1], [], None),
])
def test_the_projector_s_screen_is_found_again_among_screens_of_one_name(
        chosen, screens, expected):
    from dientap_desktop.ui.projector import chosen_screen

    assert chosen_screen(chosen, screens) == expected


def test_a_screen_chosen_by_an_older_version_is_read_by_its_name(ui_settings):
    ui_settings._q.setValue("projector/screen", "HDMI-1")  # as an older version kept it
    assert ui_settings.projector_screen == {"name": "HDMI-1"}
    ui_settings.projector_screen = SCREENS[1]
    assert ui_settings.projector_screen == SCREENS[1]
    ui_settings._q.setValue("projector/screen", "")
    assert ui_settings.projector_screen == {}


CHOOSING = textwrap.dedent("""
    import sys
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QApplication
    QScreen.name = lambda screen: "screen"  # two monitors of one model: one name (as Xvfb's)
    app = QApplication([])
    from dientap_desktop.ui import dialogs
    from dientap_desktop.ui.main_window import MainWindow
    from dientap_desktop.ui.settings import Settings
    dialogs.set_responder(lambda kind, message: True)
    window = MainWindow(Settings(sys.argv[2]))
    window.show()
    window.open_file(sys.argv[1])
    window.act_projector.trigger()
    if sys.argv[3] == "choose":
        window.act_fullscreen.trigger()
        choices = [0, 1]
    else:  # started again: where it was chosen
        choices = [None]
    for choice in choices:
        window.screen_menu.aboutToShow.emit()  # the menu is filled as it opens
        if choice is not None:
            window.screen_menu.actions()[choice].trigger()
            window.screen_menu.aboutToShow.emit()
        app.processEvents()
        projector = window.projector
        print(projector.screen().geometry().x(), projector.isFullScreen(),
              [action.isChecked() for action in window.screen_menu.actions()],
              window.screen().geometry().x(), flush=True)
    window.close()
""")


def test_the_projector_goes_to_the_screen_chosen_among_two_of_one_name(practice_file, tmp_path):
    """Two screens of one name: each chosen in View > Projector screen takes the projector window
    there, full screen as it was, the menu ticks it, and a program started again puts the
    window there (the director's stays on the laptop)."""
    seen = []
    for step in ("choose", "again"):
        result = on_two_screens(CHOOSING, tmp_path, str(practice_file), str(tmp_path / "s.ini"),
                                step)
        assert result.returncode == 0, result.stderr
        seen.append(result.stdout.splitlines())
    assert seen == [["0 True [True, False] 0", "1366 True [False, True] 0"],
                    ["1366 False [False, True] 0"]]


@pytest.mark.parametrize("sizes", [[PORTRAIT], [LANDSCAPE, PORTRAIT], [SMALL] * 5,
                                   [(4000, 50), (50, 4000), PORTRAIT], [LANDSCAPE] * 7])
@pytest.mark.parametrize("room", [(944, 140), (201, 682), (1840, 900), (30, 30)])
def test_the_grid_shows_each_image_whole_inside_its_room(sizes, room):
    from dientap_desktop.ui.room_layout import grid

    rects, used_w, used_h = grid(sizes, *room, 16, 2.0)
    assert len(rects) == len(sizes)
    assert 0 < used_w <= room[0] and 0 < used_h <= room[1]
    for n, ((x, y, w, h), (iw, ih)) in enumerate(zip(rects, sizes, strict=True)):
        assert x >= 0 and y >= 0 and x + w <= used_w and y + h <= used_h
        assert w <= iw * 2 and h <= ih * 2  # enlarged twice at most
        assert abs(w * ih - h * iw) <= max(iw, ih)  # not stretched (but to the pixel)
        for other in rects[n + 1:]:
            ox, oy, ow, oh = other
            assert x + w <= ox or ox + ow <= x or y + h <= oy or oy + oh <= y


def test_a_text_longer_than_the_projector_is_told_to_the_director_who_scrolls_it(
        window, qtbot, tmp_path, monkeypatch):
    """The director does not see the room's screen: a text longer than it is told beside the
    inject, and Alt+Page Down / Up (or that button) scroll it for the room, a page at a time
    with a line of the last in sight; at its end the button takes it back to its top."""
    from PySide6.QtWidgets import QApplication

    beeps = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(1))
    window.open_file(make_exercise(tmp_path / "k", VERY_LONG, []))
    button = window.run_view.inject_pane.projector_button
    assert not button.isVisible()  # no projector: nothing to tell
    window.act_projector.setChecked(True)
    projector = window.projector
    projector.resize(1024, 640)
    qtbot.waitUntil(lambda: button.isVisible())
    bar = projector.browser.verticalScrollBar()
    assert bar.value() == 0 and "▼" in button.text()
    press(qtbot, window, "Alt+PgDown")
    # a page on, a line of the page read still in sight
    assert 0 < bar.value() <= bar.pageStep() - projector.text_pixel_size()
    press(qtbot, window, "Alt+PgUp")
    assert bar.value() == 0
    while bar.value() < bar.maximum():
        press(qtbot, window, "Alt+PgDown")
    assert "▲" in button.text() and not beeps
    press(qtbot, window, "Alt+PgDown")  # no more: said with a beep
    assert beeps == [1] and bar.value() == bar.maximum()
    button.click()
    assert bar.value() == 0 and "▼" in button.text()
    projector.close()  # the room sees nothing: nothing to tell
    assert not button.isVisible()


def ink_on_top_row(projector, widget) -> int:
    """How many pixels of the projector's widget's first row are not its background: a glyph
    cut by the widget's top edge leaves its ink there."""
    from PySide6.QtGui import QColor

    from dientap_desktop.ui.projector import BACKGROUND

    image = projector.grab().toImage()
    corner = widget.mapTo(projector, widget.rect().topLeft())
    ground = QColor(BACKGROUND).rgb()
    return sum(image.pixel(x, corner.y()) != ground
               for x in range(corner.x(), corner.x() + widget.width()))


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
def test_the_marks_of_the_capitals_are_whole_on_every_screen(
        size, qapp, window, practice_file, qtbot):
    """"KẾT THÚC DIỄN TẬP" lost the tops of its marks to the top of the screen; a name in
    capitals heads the opening screen, and each inject with "TẠM DỪNG" when paused."""
    from dientap_desktop.app import install_translations
    from dientap_desktop.storage.exercise_file import ExerciseFile

    with ExerciseFile.open(practice_file) as exercise:
        exercise.update_info(name="DIỄN TẬP KẾT HỢP PHƯỜNG YÊN THẾ")
    install_translations(qapp, "vi")
    try:
        assert window.open_file(practice_file)
        press(qtbot, window, "Ctrl+P")
        projector = window.projector
        projector.resize(*size)
        seen = []

        def look(step: str) -> None:
            projector.fit()  # as the timer does right after each change
            seen.append(projector.text())
            for widget in (projector.browser, projector.header):
                if widget.isVisible():
                    assert ink_on_top_row(projector, widget) == 0, (step, widget)

        look("before the start")
        for key, step in (("F5", "started"), ("F9", "paused"), ("F9", "resumed"),
                          ("F6", "inject 1"), ("F9", "inject 1 paused"), ("F9", "resumed"),
                          ("F6", "inject 2")):
            press(qtbot, window, key)
            look(step)
        window.act_finish.trigger()
        look("finished")
        assert "TẠM DỪNG" in seen[5] and "DIỄN TẬP KẾT HỢP" in seen[5]
        assert "KẾT THÚC DIỄN TẬP" in seen[-1]
    finally:
        install_translations(qapp, "en")
