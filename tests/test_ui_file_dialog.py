"""The program's file dialog tells files by their names alone: showing the folder of the open
exercise does not open and close the file, which would drop the window's locks on it and let
another program's connection, closing, delete the -wal under the window (Linux, macOS)."""

import os
import subprocess
import sys

import pytest
from kit_support import make_exercise
from PySide6.QtWidgets import QFileDialog

from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.ui import dialogs

OUTSIDE = """import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("CREATE TABLE IF NOT EXISTS outside (x)")
conn.commit()
conn.close()
"""


@pytest.mark.skipif(os.name == "nt", reason="Windows locks by handle, not by process")
def test_the_file_dialog_on_the_open_exercises_folder_keeps_its_wal(qtbot, tmp_path):
    path = tmp_path / "e.dientap"
    make_exercise(path).close()
    with ExerciseFile.open(path) as window:
        window.update_info(name="Trước")
        dialog = dialogs.file_dialog(None, "Mở", str(tmp_path), "*.dientap *.dtkit",
                                     QFileDialog.FileMode.ExistingFile)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(600)  # the folder listed, each file's type shown
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        subprocess.run([sys.executable, "-c", OUTSIDE, str(path)], check=True)
        assert (tmp_path / "e.dientap-wal").exists()
        dialog.close()


@pytest.mark.skipif(os.name == "nt", reason="Windows uses its own file dialog")
def test_the_file_dialog_names_the_program_s_files_and_shows_their_details_whole(
        qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTreeView

    make_exercise(tmp_path / "dien-tap-phuong-hoa-binh.dientap").close()
    (tmp_path / "dai-ta-tran-quoc-hung.dtkit").write_bytes(b"x" * 90_000)
    dialog = dialogs.file_dialog(None, "Mở", str(tmp_path), "*.dientap *.dtkit",
                                 QFileDialog.FileMode.ExistingFile)
    qtbot.addWidget(dialog)
    dialog.show()
    files = dialog.findChild(QTreeView, "treeView")
    model = files.model()
    root = files.rootIndex()
    qtbot.waitUntil(lambda: model.rowCount(root) == 2)
    qtbot.wait(50)
    rows = {model.index(r, 0, root).data(): r for r in range(2)}
    kinds = {name: model.index(r, 2, root).data() for name, r in rows.items()}
    assert kinds == {"dien-tap-phuong-hoa-binh.dientap": "Exercise file",
                     "dai-ta-tran-quoc-hung.dtkit": "Observer kit"}
    metrics = files.fontMetrics()
    for name, row in rows.items():
        for column in (1, 2, 3):  # size, type, date modified: whole, not "84.…KiB"
            text = model.index(row, column, root).data(Qt.ItemDataRole.DisplayRole)
            assert metrics.horizontalAdvance(text) < files.columnWidth(column), (name, text)
