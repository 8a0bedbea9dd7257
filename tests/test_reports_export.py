"""Exporting the reports: choosing, progress, cancelling cleanly, and the window's dialog."""

import threading
import time
from pathlib import Path

import pytest

from dientap_desktop.reports.export import (
    REPORT_KEYS,
    ExportCancelled,
    UnknownReport,
    export_reports,
    parse_keys,
)
from dientap_desktop.reports.sample import sample_snapshot


@pytest.fixture(scope="module")
def sample():
    return sample_snapshot()


def test_keys_are_parsed_in_the_standard_order():
    assert parse_keys(None) == REPORT_KEYS
    assert parse_keys("aar, Summary") == ("summary", "aar")
    with pytest.raises(UnknownReport, match="unknown report awards; the reports are: scoring"):
        parse_keys("summary,awards")
    with pytest.raises(UnknownReport):
        parse_keys(",")


def test_progress_is_reported_and_the_folder_made(sample, tmp_path):
    calls = []
    out = tmp_path / "new" / "folder"
    paths = export_reports(sample, out, ["log", "summary"],
                           progress=lambda *a: calls.append(a))
    assert [p.name for p in paths] == ["log.pdf", "summary.pdf"]
    assert calls == [(0, 2, "Nhật ký diễn tập"), (1, 2, "Bảng tổng hợp kết quả đánh giá"),
                     (2, 2, "")]


def test_cancelling_mid_document_leaves_no_partial_file(sample, tmp_path):
    checks = 0

    def cancelled() -> bool:  # true a few flowables into the second document
        nonlocal checks
        if (tmp_path / "scoring.pdf").exists():
            checks += 1
        return checks > 5

    with pytest.raises(ExportCancelled):
        export_reports(sample, tmp_path, ["scoring", "log", "aar"], cancelled=cancelled)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["scoring.pdf"]
    from pypdf import PdfReader

    assert len(PdfReader(tmp_path / "scoring.pdf").pages) >= 3


def test_an_existing_pdf_is_replaced_whole(sample, tmp_path):
    (tmp_path / "log.pdf").write_bytes(b"old")
    export_reports(sample, tmp_path, ["log"])
    assert (tmp_path / "log.pdf").read_bytes().startswith(b"%PDF")


# ------------------------------------------------------------------ the dialog


@pytest.fixture
def dialog(qtbot, sample, tmp_path, monkeypatch):
    from dientap_desktop.ui import export_dialog

    opened = []
    monkeypatch.setattr(export_dialog, "open_folder", opened.append)
    dlg = export_dialog.ExportDialog(None, lambda: sample, tmp_path / "out")
    dlg.opened = opened
    qtbot.addWidget(dlg)
    return dlg


def test_the_dialog_exports_in_a_worker_and_opens_the_folder(qtbot, dialog, tmp_path):
    dialog.checks["blank"].setChecked(False)
    with qtbot.waitSignal(dialog.finished_export, timeout=20_000) as blocker:
        dialog.export_button.click()
        assert dialog.running
        assert not dialog.export_button.isEnabled()
    names = [Path(p).name for p in blocker.args[0]]
    assert names == ["scoring.pdf", "summary.pdf", "log.pdf", "aar.pdf"]
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum() == 4
    assert dialog.opened == [tmp_path / "out"]
    assert not dialog.running and dialog.export_button.isEnabled()


def test_a_folder_no_program_can_open_is_named_for_the_user(qtbot, sample, tmp_path,
                                                             monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from dientap_desktop.ui import export_dialog

    asked = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: asked.append(url) and False)
    dlg = export_dialog.ExportDialog(None, lambda: sample, tmp_path / "out")
    qtbot.addWidget(dlg)
    for key in ("scoring", "blank", "log", "aar"):
        dlg.checks[key].setChecked(False)
    with qtbot.waitSignal(dlg.finished_export, timeout=20_000):
        dlg.export_button.click()
    assert [url.toLocalFile() for url in asked] == [str(tmp_path / "out")]  # it was tried
    told = dlg.status.text()
    assert "could not be opened" in told and told.endswith(str(tmp_path / "out"))


def test_the_window_stays_responsive_and_cancel_stops_the_export(qtbot, sample, tmp_path,
                                                                 monkeypatch):
    from dientap_desktop.ui import export_dialog

    release = threading.Event()

    def slow_export(snapshot, folder, keys, progress, cancelled):
        progress(0, len(keys), "Phiếu chấm điểm")
        while not cancelled():  # a long document, checking for Cancel as the real one does
            time.sleep(0.01)
            if release.is_set():
                break
        raise ExportCancelled()

    opened = []
    monkeypatch.setattr(export_dialog, "open_folder", opened.append)
    dlg = export_dialog.ExportDialog(None, lambda: sample, tmp_path, export=slow_export)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.export_button.click()
    # the event loop runs while the worker works: timers fire, the label updates
    ticks = []
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: "Phiếu chấm điểm" in dlg.status.text() and len(ticks) >= 5,
                    timeout=5000)
    timer.stop()
    assert dlg.running
    dlg.cancel_button.click()
    qtbot.waitUntil(lambda: not dlg.running, timeout=5000)
    release.set()
    assert dlg.status.text().startswith("Cancelled")
    assert opened == []
    assert dlg.export_button.isEnabled()


def test_a_failure_is_shown_with_details(qtbot, dialog, monkeypatch, tmp_path):
    from dientap_desktop.ui import dialogs

    shown = []
    old = dialogs.set_responder(lambda kind, message: shown.append((kind, message)))
    try:
        blocker_file = tmp_path / "a-file"
        blocker_file.write_text("not a folder")
        dialog.folder_edit.setText(str(blocker_file / "sub"))
        dialog.export_button.click()
        qtbot.waitUntil(lambda: not dialog.running and bool(shown), timeout=10_000)
    finally:
        dialogs.set_responder(old)
    assert shown[0][0] == "error"
    assert "NotADirectoryError" in shown[0][1]
    assert dialog.opened == []


def test_nothing_to_export_disables_the_button(dialog):
    for check in dialog.checks.values():
        check.setChecked(False)
    assert not dialog.export_button.isEnabled()
    dialog.checks["aar"].setChecked(True)
    assert dialog.export_button.isEnabled()
    dialog.folder_edit.setText("")
    assert not dialog.export_button.isEnabled()


def test_the_director_window_has_the_export_action(qtbot, demo_file, tmp_path, monkeypatch):
    import shutil as sh

    from dientap_desktop.ui import export_dialog
    from dientap_desktop.ui.main_window import MainWindow
    from dientap_desktop.ui.settings import Settings

    monkeypatch.setattr(export_dialog, "open_folder", lambda folder: None)
    path = tmp_path / "demo.dientap"
    sh.copy(demo_file, path)
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    action = window.act_export_reports
    assert action in window.menu("reports").actions()
    assert not action.isEnabled()
    assert window.open_file(path)
    window.menu("reports").aboutToShow.emit()
    assert action.isEnabled()
    action.trigger()
    dialog = window._export_dialog
    assert dialog.folder_edit.text() == str(tmp_path / "demo - reports")
    for key in ("scoring", "blank", "log", "aar"):
        dialog.checks[key].setChecked(False)
    with qtbot.waitSignal(dialog.finished_export, timeout=20_000):
        dialog.export_button.click()
    assert (tmp_path / "demo - reports" / "summary.pdf").is_file()
    dialog.close()
    window.close_exercise()


# ------------------------------------------------------------------ a document that cannot be made


class TooTall:
    """A story whose one flowable no page holds and that cannot split: reportlab's LayoutError."""

    def __call__(self, snapshot):
        from reportlab.platypus import Flowable

        class Tower(Flowable):
            def wrap(self, available_width, available_height):
                return available_width, 5000

            def split(self, available_width, available_height):
                return []

        return [Tower()]


@pytest.fixture
def aar_fails(monkeypatch):
    from dataclasses import replace

    from dientap_desktop.reports import export

    monkeypatch.setitem(export._BY_KEY, "aar", replace(export._BY_KEY["aar"], story=TooTall()))


def test_a_document_that_cannot_be_made_leaves_no_file_and_the_others_are_written(
        sample, tmp_path, aar_fails):
    from dientap_desktop.reports.export import ReportsNotMade

    out = tmp_path / "out"
    (out).mkdir()
    (out / "summary.pdf").write_bytes(b"old")
    with pytest.raises(ReportsNotMade) as caught:
        export_reports(sample, out, ["summary", "aar", "log"])
    assert [p.name for p in caught.value.written] == ["summary.pdf", "log.pdf"]
    (failure,) = caught.value.failures
    assert (failure.filename, failure.title, failure.layout) == (
        "aar.pdf", "Báo cáo rút kinh nghiệm", True)
    assert "LayoutError" in failure.error and "\n" not in failure.error
    assert sorted(p.name for p in out.iterdir()) == ["log.pdf", "summary.pdf"]
    assert (out / "summary.pdf").read_bytes().startswith(b"%PDF")


def test_the_command_line_names_the_document_not_made_in_one_plain_line(
        demo_file, tmp_path, capsys, aar_fails):
    from dientap_desktop.cli import main

    out = tmp_path / "out"
    assert main(["report", str(demo_file), "--out", str(out), "--only", "aar,log"]) == 1
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith(f"{out / 'aar.pdf'}: not written: its content could not be laid out")
    assert "unexpected" not in line and "Traceback" not in captured.err
    assert captured.out.splitlines() == [str(out / "log.pdf")]
    assert sorted(p.name for p in out.iterdir()) == ["log.pdf"]


def test_the_dialog_names_the_document_not_made_and_not_the_folder(qtbot, dialog, tmp_path,
                                                                   aar_fails):
    from dientap_desktop.ui import dialogs

    shown = []
    old = dialogs.set_responder(lambda kind, message: shown.append((kind, message)))
    try:
        with qtbot.waitSignal(dialog.finished_export, timeout=30_000) as blocker:
            dialog.export_button.click()
    finally:
        dialogs.set_responder(old)
    assert [Path(p).name for p in blocker.args[0]] == [
        "scoring.pdf", "blank.pdf", "summary.pdf", "log.pdf"]
    ((kind, message),) = shown
    assert kind == "error"
    assert "Báo cáo rút kinh nghiệm (aar.pdf)" in message and "laid out" in message
    assert "folder" not in message.split("\n")[0]
    assert "aar.pdf" in dialog.status.text()
    assert not (tmp_path / "out" / "aar.pdf").exists()


def test_a_long_result_message_never_squeezes_the_documents(qtbot, sample, tmp_path,
                                                             monkeypatch):
    from dientap_desktop.ui import export_dialog

    monkeypatch.setattr(export_dialog, "open_folder", lambda folder: False)  # the long message
    deep = tmp_path / ("thư mục báo cáo của cuộc diễn tập khu vực phòng thủ " * 3).strip()
    dlg = export_dialog.ExportDialog(None, lambda: sample, deep)
    qtbot.addWidget(dlg)
    for key in ("scoring", "blank", "log", "aar"):
        dlg.checks[key].setChecked(False)
    dlg.show()
    qtbot.waitExposed(dlg)
    before = dlg.height()
    with qtbot.waitSignal(dlg.finished_export, timeout=20_000):
        dlg.export_button.click()
    qtbot.wait(1)  # the layout's pending resize
    assert dlg.status.heightForWidth(dlg.status.width()) > 2 * dlg.status.fontMetrics().height()
    assert dlg.height() > before
    for check in dlg.checks.values():
        assert check.height() >= check.sizeHint().height()
    assert dlg.height() >= dlg.sizeHint().height()
