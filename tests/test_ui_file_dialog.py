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
