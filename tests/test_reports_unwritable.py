"""A document whose own file cannot be written (a folder in its place, a full disk) stops no
other: each other one is written and listed, and the one that failed is named with why, on the
command line and in the window's export dialog; no half-written file is left behind."""

import errno
from pathlib import Path

import pytest

from dientap_desktop.reports.export import REPORT_KEYS, ReportsNotMade, export_reports
from dientap_desktop.reports.sample import sample_snapshot
from tests.ui_support import answers  # noqa: F401

OTHERS = ["scoring.pdf", "blank.pdf", "log.pdf", "aar.pdf"]


@pytest.fixture(scope="module")
def sample():
    return sample_snapshot()


@pytest.fixture
def summary_is_a_folder(tmp_path):
    out = tmp_path / "out"
    (out / "summary.pdf").mkdir(parents=True)
    return out


@pytest.fixture
def disk_full_for_the_summary(monkeypatch):
    """The disk fills up halfway through the summary's bytes, as a write tells it (no file
    named): what was written of it stays on the disk, under its temporary name."""
    from reportlab.pdfbase.pdfdoc import PDFDocument

    real = PDFDocument.SaveToFile

    def save(self, filename, canvas):
        if "summary" not in str(filename):
            return real(self, filename, canvas)
        data = self.GetPDFData(canvas)
        with open(filename, "wb") as half:
            half.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(PDFDocument, "SaveToFile", save)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_every_other_document_is_written_when_one_s_file_is_a_folder(sample, summary_is_a_folder):
    out = summary_is_a_folder
    with pytest.raises(ReportsNotMade) as caught:
        export_reports(sample, out, REPORT_KEYS)
    assert [p.name for p in caught.value.written] == OTHERS
    (failure,) = caught.value.failures
    assert (failure.filename, failure.file, failure.layout) == ("summary.pdf", True, False)
    assert failure.error == "this is a folder, not a file"
    assert files_in(out) == sorted([*OTHERS, "summary.pdf"])  # nothing half-made beside them
    assert (out / "summary.pdf").is_dir() and not any((out / "summary.pdf").iterdir())
    for name in OTHERS:
        assert (out / name).read_bytes().startswith(b"%PDF")


def test_a_full_disk_leaves_no_half_written_document(sample, tmp_path, disk_full_for_the_summary):
    out = tmp_path / "out"
    out.mkdir()
    (out / "summary.pdf").write_bytes(b"%PDF the summary of yesterday")
    with pytest.raises(ReportsNotMade) as caught:
        export_reports(sample, out, REPORT_KEYS)
    assert [p.name for p in caught.value.written] == OTHERS
    (failure,) = caught.value.failures
    assert failure.file and failure.error.startswith("the disk is full (")
    assert files_in(out) == sorted([*OTHERS, "summary.pdf"])  # no temporary left
    assert (out / "summary.pdf").read_bytes() == b"%PDF the summary of yesterday"  # untouched


def test_a_folder_that_cannot_be_written_in_still_stops_the_export(sample, tmp_path):
    """The folder is the same for every document: one line for it, not one per document."""
    from dientap_desktop.temporary import WriteFailed

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(WriteFailed) as caught:
        export_reports(sample, blocker / "out", REPORT_KEYS)
    assert caught.value.filename == str(blocker)


def test_the_command_line_lists_what_was_written_and_names_what_was_not(
        demo_file, summary_is_a_folder, capsys):
    from dientap_desktop.cli import main

    out = summary_is_a_folder
    assert main(["report", str(demo_file), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [str(out / name) for name in OTHERS]
    assert captured.err == f"{out / 'summary.pdf'}: this is a folder, not a file\n"
    assert files_in(out) == sorted([*OTHERS, "summary.pdf"])


def test_the_dialog_writes_the_others_and_says_which_failed_and_why(
        qtbot, sample, tmp_path, monkeypatch, answers, disk_full_for_the_summary):
    from dientap_desktop.ui import export_dialog

    monkeypatch.setattr(export_dialog, "open_folder", lambda folder: True)
    out = tmp_path / "out"
    dialog = export_dialog.ExportDialog(None, lambda: sample, out)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000) as blocker:
        dialog.export_button.click()
    assert [Path(p).name for p in blocker.args[0]] == OTHERS
    assert [kind for kind, _message in answers.asked] == ["error"]
    lines = answers.of("error")[0].splitlines()
    assert lines[0] == "These documents could not be made; the others were written:"
    assert lines[1] == ("Bảng tổng hợp kết quả đánh giá (summary.pdf): the disk is full; make "
                        "room on it, then try again.")
    assert "summary.pdf" in dialog.status.text() and "4" in dialog.status.text()
    assert files_in(out) == sorted(OTHERS)  # no temporary left


def test_a_folder_in_a_document_s_place_is_told_as_such_in_vietnamese(qapp):
    """Not as "a folder or a device": the reason that ends the same is told after this one."""
    from dientap_desktop.app import install_translations
    from dientap_desktop.ui.problems import in_language

    install_translations(qapp, "vi")
    try:
        assert in_language("this is a folder, not a file") == "đây là thư mục, không phải tệp"
        assert in_language("/tmp/x.pdf: not a file") == (
            "x.pdf: đây là thư mục hoặc thiết bị, không phải tệp")
    finally:
        install_translations(qapp, "en")
