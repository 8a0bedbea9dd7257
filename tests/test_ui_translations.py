"""The window speaks Vietnamese: every string of the sources is in dientap_vi.ts, translated, in
NFC, with its placeholders; the .qm matches the .ts; the window shows no English once translated."""

import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
)

from tests.ui_support import answers, practice_file, ui_settings, window  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import update_translations as tool  # noqa: E402

PLACEHOLDER = re.compile(r"%(?:n|\d)")


def entries(ts=tool.TS):
    return [(context, message.findtext("source"), message)
            for context, message in tool.messages(ET.parse(ts))]


def test_lupdate_finds_no_string_missing_from_the_ts(tmp_path):
    copy = tmp_path / "check.ts"
    shutil.copy(tool.TS, copy)
    known = {(c, s): m.get("numerus") for c, s, m in entries(copy)}
    tool.lupdate(copy)
    found = {(c, s): m for c, s, m in entries(copy)}
    assert sorted(found.keys() - known.keys()) == [], \
        "run: .venv/bin/python tools/update_translations.py"
    # and running it loses nothing: a plural written so that lupdate does not see it as one
    # (QCoreApplication.translate with a count) would come back unfinished, and untranslated
    assert [key for key, message in found.items()
            if message.get("numerus") != known[key] or not tool.is_finished(message)] == []


def translatable_calls():
    """(file, line, context, source) of every tr("…") and translate("Context", "…") written in
    the sources, f-strings and nested calls included (lupdate misses those in f-strings)."""
    import ast

    for path in tool.sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for child in ast.walk(node):
                    classes[child] = node.name  # inner classes come later: they win
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            if not isinstance(node.func, ast.Attribute | ast.Name):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            texts = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                     for a in node.args]
            if name == "tr" and texts and texts[0] is not None and node in classes:
                yield path.name, node.lineno, classes[node], texts[0]
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(texts) >= 2 \
                    and None not in texts[:2]:
                yield path.name, node.lineno, texts[0], texts[1]


def test_every_string_written_in_the_sources_is_in_the_ts():
    known = {(c, s) for c, s, _ in entries()}
    calls = list(translatable_calls())
    assert len(calls) > 500
    missing = [f"{f}:{line}: {c}: {s!r}" for f, line, c, s in calls if (c, s) not in known]
    assert missing == []


def test_every_string_has_a_finished_vietnamese_translation():
    problems = []
    for context, source, message in entries():
        text = tool.translation_text(message)
        if not tool.is_finished(message):
            problems.append(f"{context}: {source!r} has no Vietnamese")
        elif unicodedata.normalize("NFC", text) != text:
            problems.append(f"{context}: {source!r} is not NFC")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} and {text!r} differ in placeholders")
    assert problems == []


def test_qm_is_compiled_from_the_ts(qapp):
    translator = QTranslator()
    assert translator.load(str(tool.QM))
    stale = []
    for context, source, message in entries():
        expected = tool.translation_text(message)
        plural = message.get("numerus") == "yes"
        got = translator.translate(context, source, None, 2 if plural else -1)
        if got != expected:
            stale.append((context, source))
    assert stale == [], "run: .venv/bin/python tools/update_translations.py"


def test_every_plural_has_its_english_forms_compiled(qapp):
    """The English sources say "%n post(s)": the English .ts gives each its singular and plural
    ("1 post", "2 posts"), and its .qm is compiled from it."""
    english = tool.TS.with_name("dientap_en.ts")
    forms = {(context, message.findtext("source")): [f.text for f in message.iter("numerusform")]
             for context, message in tool.messages(tool.read(english))}
    plurals = [(context, message.findtext("source")) for context, message in
               tool.messages(tool.read()) if message.get("numerus") == "yes"]
    assert [key for key in plurals if key not in forms] == []
    assert [key for key, texts in forms.items()
            if len(texts) != 2 or any("(s)" in t or ("%n" in key[1]) != ("%n" in t)
                                      for t in texts)] == []
    translator = QTranslator()
    assert translator.load(str(english.with_suffix(".qm")))
    stale = [key for key, (one, other) in forms.items()
             if (translator.translate(key[0], key[1], None, 1),
                 translator.translate(key[0], key[1], None, 2)) != (one, other)]
    assert stale == [], "compile it: tools/update_translations.lrelease(ts, qm)"
    # and the program speaks it
    assert QCoreApplication.translate("DecisionsModel", "%n edit(s)", "", 1) == "1 edit"
    assert QCoreApplication.translate("DecisionsModel", "%n edit(s)", "", 3) == "3 edits"


@pytest.fixture
def vietnamese(qapp):
    from dientap_desktop.app import install_translations

    install_translations(qapp, "vi")
    yield
    install_translations(qapp, "en")


def test_the_standard_buttons_have_access_keys_of_their_own_in_vietnamese(vietnamese, qtbot):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QDialogButtonBox

    B = QDialogButtonBox.StandardButton  # noqa: N806
    for together in (B.Ok | B.Cancel, B.Save | B.Discard | B.Cancel, B.Yes | B.No | B.Cancel,
                     B.Open | B.Cancel, B.Close | B.Help, B.Abort | B.Retry | B.Ignore,
                     B.Apply | B.Reset | B.RestoreDefaults | B.Ok | B.Cancel):
        box = QDialogButtonBox(together)
        qtbot.addWidget(box)
        keys = [QKeySequence.mnemonic(button.text()).toString() for button in box.buttons()]
        assert all(keys) and len(set(keys)) == len(keys), [b.text() for b in box.buttons()]
        assert all(key.startswith("Alt+") and key[4:].isascii() for key in keys), keys


def test_ui_labels_match_the_domain_vietnamese(vietnamese):
    from dientap_desktop.domain import records, scenario
    from dientap_desktop.ui import labels

    for table, domain in ((labels.DECISION_KINDS, records.DECISION_KIND_LABELS),
                          (labels.NOTE_KINDS, records.NOTE_KIND_LABELS),
                          (labels.READINESS, scenario.READINESS_LABELS),
                          (labels.LOCALITY, scenario.LOCALITY_LABELS),
                          (labels.SCENARIO_KINDS, scenario.KIND_LABELS)):
        assert set(table) == set(domain)
        for key, vietnamese in domain.items():
            assert labels.label(table, key) == vietnamese


def visible_texts(widget):
    texts = [widget.windowTitle()]
    for child in widget.findChildren(QLabel):
        texts.append(child.text())
    for child in widget.findChildren(QAbstractButton):
        texts += [child.text(), child.toolTip()]
    for child in widget.findChildren(QLineEdit):
        texts.append(child.placeholderText())
    for child in widget.findChildren(QTabBar):
        texts += [child.tabText(i) for i in range(child.count())]
    for child in widget.findChildren(QAbstractItemView):
        model = child.model()
        if model is not None:
            try:
                columns = model.columnCount()
            except TypeError:  # a list model: one column
                columns = 1
            texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(columns)]
            for r in range(min(model.rowCount(QModelIndex()), 5)):
                texts += [model.index(r, c).data() for c in range(columns)]
    for menu in widget.findChildren(QMenu):
        texts.append(menu.title())
    for action in widget.findChildren(QAction):
        texts += [action.text(), action.iconText(), action.toolTip()]
    return {t for t in texts if isinstance(t, str) and t.strip()}


def test_the_window_shows_no_english_in_vietnamese(vietnamese, qtbot, ui_settings, answers,
                                                  practice_file):
    from dientap_desktop.ui.main_window import MainWindow

    english = set()  # source strings whose Vietnamese differs (or is missing)
    for _context, source, message in entries():
        if tool.translation_text(message) != source and len(source) > 2:
            english.add(source)
    window = MainWindow(ui_settings)
    qtbot.addWidget(window)
    window.show()
    window.welcome.load_scenarios()
    shown = visible_texts(window)
    assert window.open_file(practice_file)
    window.act_start.trigger()
    window.act_next.trigger()
    window.act_projector.setChecked(True)
    shown |= visible_texts(window) | visible_texts(window.projector)
    for expected in ("Điều hành diễn tập", "&Tệp", "Đã phát", "Phát tiếp (F6)"):
        assert expected in shown
    leaks = sorted(t for t in shown if t in english or t.replace("&", "") in english)
    assert leaks == [], (
        "English shown in the Vietnamese window: translate with tools/update_translations.py; "
        "outside a class's own methods use QCoreApplication.translate(\"Context\", \"...\") "
        "(obj.tr() is looked up under the object's class name, not where lupdate files it)")
    window.close_exercise()
    window.projector.close()
    window.close()


def test_update_tool_applies_a_tsv(tmp_path):
    ts = tmp_path / "x.ts"
    shutil.copy(tool.TS, ts)
    tsv = tmp_path / "x.tsv"
    tsv.write_text("MainWindow\t&Quit\tThoát ra\n\t&Help\tGiúp đỡ\n", encoding="utf-8")
    assert tool.apply(tsv, ts) >= 2
    found = {(c, s): tool.translation_text(m) for c, s, m in entries(ts)}
    assert found[("MainWindow", "&Quit")] == "Thoát ra"
    assert found[("MainWindow", "&Help")] == "Giúp đỡ"


def test_lrelease_tool_runs(tmp_path, qapp):
    qm = tmp_path / "x.qm"
    tool.lrelease(tool.TS, qm)
    assert qm.stat().st_size > 1000
    assert subprocess.run([sys.executable, str(ROOT / "tools" / "update_translations.py"),
                           "--help"], capture_output=True).returncode == 0
    assert QCoreApplication.instance() is not None


def test_switching_to_english_rebuilds_the_window_on_the_same_exercise(qapp, qtbot, ui_settings,
                                                                     practice_file, answers):
    from dientap_desktop import app

    window = app.build_window(ui_settings, str(practice_file))
    qtbot.addWidget(window)
    app.install_translations(qapp, "vi")
    try:
        window.set_language("en")
        qtbot.waitUntil(lambda: bool(app._windows) and app._windows[-1] is not window)
        english = app._windows[-1]
        qtbot.addWidget(english)
        assert english.menu("file").title() == "&File"
        assert english.exercise is not None and english.exercise.path == practice_file
        assert ui_settings.language == "en"
        english.close()
    finally:
        app.install_translations(qapp, "en")
        app._windows.clear()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_nothing_is_cut_at_1366_by_768(language, qapp, qtbot, ui_settings, practice_file,
                                       answers):
    """The clock bar's values and the headers of the narrow columns fit, in either language."""
    from dientap_desktop.app import install_translations
    from dientap_desktop.ui.main_window import MainWindow
    from dientap_desktop.ui.models import InjectTableModel, LogModel, PostsModel

    install_translations(qapp, language)
    try:
        window = MainWindow(ui_settings)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        assert window.open_file(practice_file)
        window.act_start.trigger()
        window.act_next.trigger()
        qtbot.wait(10)
        bar = window.run_view.clock_bar
        values = (bar.status, bar.elapsed, bar.offset, bar.story, bar.readiness, bar.locality,
                  bar.progress, bar.waiting)
        for label in values:  # inside the bar, and each text within its label
            right = label.mapTo(bar, label.rect().topRight()).x()
            assert right <= bar.contentsRect().right(), label.text()
            assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
        director = window.director
        current = director.state.current.inject
        for post in current.targets:  # every post answered: said whole too
            director.record_decision(current.id, post, "bao_cao", "x", None, ())
        qtbot.waitUntil(lambda: bar.waiting.text().endswith(
            ("every post answered", "mọi cương vị đã xử trí")))
        assert bar.waiting.fontMetrics().horizontalAdvance(bar.waiting.text()) \
            <= bar.waiting.width()
        injects = window.run_view.inject_view  # titles on two lines, not cut after 20 letters
        assert injects.wordWrap()
        assert injects.rowHeight(0) >= 2 * injects.fontMetrics().lineSpacing()
        window.show_tab(1)
        tables = (
            (window.run_view.inject_view, (InjectTableModel.NUMBER, InjectTableModel.PLANNED,
                                           InjectTableModel.ACTUAL, InjectTableModel.STATUS,
                                           InjectTableModel.ANSWERS)),
            (window.run_view.posts.posts_view, (PostsModel.KEY,)),
            (window.log_view.view, (LogModel.TIME, LogModel.EXERCISE_TIME, LogModel.INJECT)),
        )
        for view, columns in tables:
            header = view.horizontalHeader()
            for column in columns:
                text = view.model().headerData(column, Qt.Orientation.Horizontal)
                assert header.fontMetrics().horizontalAdvance(text) + 8 <= view.columnWidth(
                    column), text
        window.close_exercise()
        window.close()
    finally:
        install_translations(qapp, "en")


def test_every_post_to_answer_is_in_sight_at_1366_by_768(qapp, qtbot, ui_settings, tmp_path,
                                                        answers):
    """The director sees at a glance who has not answered: all seven target posts of the last
    inject of the readiness scenario are in the list without scrolling, in Vietnamese."""
    from dientap_desktop.app import install_translations
    from dientap_desktop.domain.scenario_loader import find_scenario
    from dientap_desktop.storage.exercise_file import ExerciseFile
    from dientap_desktop.ui.main_window import MainWindow

    scenario = find_scenario("chuyen-trang-thai-sscd")
    path = tmp_path / "sscd.dientap"
    with ExerciseFile.create(path, scenario, name="Diễn tập KVPT tỉnh") as exercise:
        exercise.start()
        for _ in scenario.injects:
            exercise.deliver_next()
    install_translations(qapp, "vi")
    try:
        window = MainWindow(ui_settings)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        assert window.open_file(path)
        qtbot.wait(10)
        view = window.run_view.posts.posts_view
        rows = view.model().rowCount()
        assert rows == len(scenario.injects[-1].targets) == 7
        assert view.rowViewportPosition(rows - 1) + view.rowHeight(rows - 1) \
            <= view.viewport().height()
        editor = window.run_view.posts.editor  # and the form keeps room to type in
        assert editor.text.height() >= 3 * editor.text.fontMetrics().lineSpacing()
        window.close_exercise()
        window.close()
    finally:
        install_translations(qapp, "en")


def test_every_label_with_an_access_key_leads_to_its_field(qtbot, window, practice_file):
    """A label whose text marks an Alt+key ("&Folder:") must have a buddy: without one Qt shows
    the "&" itself and the key does nothing."""
    from dientap_desktop.ui.export_dialog import ExportDialog, default_folder
    from dientap_desktop.ui.kits import MakeKitsDialog
    from dientap_desktop.ui.new_exercise import DetailsDialog, NewExerciseDialog

    assert window.open_file(practice_file)
    window.act_start.trigger()
    window.act_next.trigger()
    window.show_tab(1)
    exercise = window.exercise
    widgets = [window, NewExerciseDialog(window.settings, window),
               DetailsDialog(window.director, window), MakeKitsDialog(window, exercise),
               ExportDialog(window, exercise.snapshot, default_folder(exercise.path))]
    orphans = []
    for widget in widgets:
        for label in [widget, *widget.findChildren(QLabel)]:
            if isinstance(label, QLabel) and "&" in label.text().replace("&&", "") \
                    and label.textFormat() != Qt.TextFormat.RichText and label.buddy() is None:
                orphans.append(f"{type(widget).__name__}: {label.text()!r}")
    assert orphans == []
    for widget in widgets[1:]:
        widget.close()


def test_switching_language_keeps_the_form_and_its_text_without_asking(
        qapp, qtbot, ui_settings, practice_file, answers):
    from dientap_desktop import app
    from tests.ui_support import press

    window = app.build_window(ui_settings, str(practice_file))
    qtbot.addWidget(window)
    window.act_start.trigger()
    window.act_next.trigger()
    window.activateWindow()  # after the question of the start
    qtbot.waitUntil(lambda: qapp.activeWindow() is window)
    second = window.run_view.posts.posts.key_of(1)  # not the first post waiting
    press(qtbot, window, f"Alt+{second}")
    qtbot.keyClicks(window.run_view.posts.editor.text, "Chua ghi")
    post = window.run_view.posts.post_shown
    assert post == window.director.focus.inject.targets[1]
    before = ui_settings.language
    other = "en" if before == "vi" else "vi"
    try:
        window.set_language(other)  # what is typed goes to the file: nothing to ask
        qtbot.waitUntil(lambda: bool(app._windows) and app._windows[-1] is not window)
        new = app._windows[-1]
        qtbot.addWidget(new)
        assert len(answers.of("yes_no")) == 1  # the start only
        assert new.exercise is not None and not window.isVisible()
        # the director goes on in the same form, the text in it
        assert new.run_view.posts.post_shown == post
        assert new.run_view.posts.editor.text.toPlainText() == "Chua ghi"
        new.close()
    finally:
        app.install_translations(qapp, "en")
        ui_settings.language = before
        app._windows.clear()


def test_a_scenario_s_kind_is_said_once_and_its_level_beside_it(vietnamese, window):
    """The choice of scenarios: a title that already says its kind is not followed by it again
    (it took a column of its own, and cut the titles); the level is told beside it."""
    from dientap_desktop.ui.models import ScenarioModel

    welcome = window.welcome
    welcome.load_scenarios()
    rows = {welcome.scenarios.index(r, ScenarioModel.TITLE).data():
            welcome.scenarios.index(r, ScenarioModel.LEVEL).data()
            for r in range(welcome.scenarios.rowCount())}
    assert rows["Tiêu diệt, đánh bắt khủng bố, giải thoát con tin"] == "Xã, phường"
    assert rows["Chuyển lực lượng vũ trang vào các trạng thái sẵn sàng chiến đấu, chuyển địa "
                "phương vào các trạng thái quốc phòng"] == "Tỉnh"
    # the title cut at 1366 is whole in its tooltip, above the summary
    from PySide6.QtCore import Qt

    tip = welcome.scenarios.index(0, ScenarioModel.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(welcome.scenarios.index(0, ScenarioModel.TITLE).data() + "\n\n")


def test_a_builtin_scenario_is_named_once_in_the_choice(vietnamese, window):
    from dientap_desktop.ui.new_exercise import NewExerciseDialog

    dialog = NewExerciseDialog(window.settings, window)
    for number, scenario in enumerate(dialog._scenarios):
        shown = dialog.choice.itemText(number)
        assert shown.count(scenario.title) == 1, shown  # its kind is its title: said once


def test_the_vietnamese_stays_when_the_translation_file_is_rewritten_meanwhile(
        qapp, tmp_path, monkeypatch):
    """An update of the program rewrites its .qm while a window runs: what the window says
    next stays Vietnamese (a file mapped in memory would turn it English midway)."""
    import shutil

    from PySide6.QtCore import QCoreApplication

    from dientap_desktop import app

    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(app.translations_dir() / "dientap_vi.qm", folder / "dientap_vi.qm")
    monkeypatch.setattr(app, "translations_dir", lambda: folder)
    try:
        app.install_translations(qapp, "vi")
        waiting = QCoreApplication.translate("PostsModel", "Waiting for %n min", "", 3)
        assert waiting.startswith("Đang chờ")
        qm = folder / "dientap_vi.qm"
        with open(qm, "r+b") as handle:  # rewritten in place, as a compiler writes it
            handle.write(b"\0" * qm.stat().st_size)
        assert QCoreApplication.translate("PostsModel", "Waiting for %n min", "", 3) == waiting
    finally:
        app.install_translations(qapp, "en")
