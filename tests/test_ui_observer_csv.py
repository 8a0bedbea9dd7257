"""Importing a CSV template filled in part, in the window: the rows left without a score are
left out and told, the rest imported; a bad score still refuses the file, with its line."""

from fractions import Fraction

import pytest
from kit_support import content_digest
from test_ui_observer import OBSERVER, answering, kit_path  # noqa: F401 (a fixture)
from test_ui_problems import vietnamese  # noqa: F401 (a fixture)

from dientap_desktop.domain.score_csv import score_template
from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.storage.kit import KitFile
from dientap_desktop.ui import dialogs
from dientap_desktop.ui.observer.csv_import import CsvImportDialog, line_ranges
from dientap_desktop.ui.observer.window import open_observer_window


def template_lines(kit_path) -> list[str]:  # noqa: F811
    """The kit's CSV template, a line a row (the header first): chu-tich's two criteria,
    then cong-an's three."""
    with KitFile.open(kit_path, readonly=True) as kit:
        lines = score_template(kit.scenario, kit.observer).decode("utf-8-sig").split("\r\n")
    assert [line.split(",")[1] for line in lines[1:6]] == ["chu-tich"] * 2 + ["cong-an"] * 3
    return lines


def filled(lines: list[str], scores: dict[int, str]) -> list[str]:
    """The template with these scores typed in (by line number, as the file counts them)."""
    lines = list(lines)
    for line, score in scores.items():
        lines[line - 1] = lines[line - 1][:-1] + score + ","
    return lines


def write(path, lines: list[str]):
    path.write_text("\r\n".join(lines), encoding="utf-8-sig")
    return path


def test_only_the_posts_scored_are_imported_and_the_rest_is_told(qtbot, kit_path,  # noqa: F811
                                                                 tmp_path):
    csv = write(tmp_path / "mau.csv", filled(template_lines(kit_path), {2: '"1,5"', 3: "2"}))
    with KitFile.open(kit_path) as kit:
        kit.set_score("cong-an", "vay-bat", 4)  # scored in the window before: it stays
        dialog = CsvImportDialog(None, kit, csv, kit.observer)
        qtbot.addWidget(dialog)
        assert dialog.problems == [] and dialog.unscored == [4, 5, 6]
        assert dialog.model.rowCount() == 2
        text = dialog.summary.text()
        assert "2 scores read" in text
        assert "3 rows with no score (lines 4–6) are left out" in text
        assert "stay as they are" in text
        assert dialog.import_button.text() == "&Import 2 scores"
        dialog.reject()  # cancelled: nothing written
        assert [(s.criterion_id, s.value) for s in kit.scores()] == [("vay-bat", 4)]
        dialog = CsvImportDialog(None, kit, csv, kit.observer)
        qtbot.addWidget(dialog)
        dialog.import_button.click()
        assert (dialog.changes.added, dialog.changes.replaced) == (2, 0)
        assert {(s.post_id, s.criterion_id): s.value for s in kit.scores()} == {
            ("chu-tich", "nam-tinh-hinh"): Fraction(3, 2), ("chu-tich", "xu-tri"): 2,
            ("cong-an", "vay-bat"): 4}


def test_a_bad_score_among_empty_rows_refuses_the_file_with_its_line(qtbot, kit_path,  # noqa: F811
                                                                     tmp_path):
    csv = write(tmp_path / "mau.csv", filled(template_lines(kit_path), {2: "1", 6: "9"}))
    before = content_digest(kit_path)
    with KitFile.open(kit_path) as kit:
        dialog = CsvImportDialog(None, kit, csv, kit.observer)
        qtbot.addWidget(dialog)
        assert dialog.problems == [
            'mau.csv:6: score 9 is over the maximum 4.5 of criterion "vay-bat"']
        assert "«mau.csv»: 1 bad row, nothing was written" in dialog.summary.text()
        assert not hasattr(dialog, "import_button")
    assert content_digest(kit_path) == before


def test_a_template_with_no_score_says_so(qtbot, kit_path, tmp_path):  # noqa: F811
    csv = write(tmp_path / "mau.csv", template_lines(kit_path))
    header_only = write(tmp_path / "trong.csv", template_lines(kit_path)[:1])
    before = content_digest(kit_path)
    with KitFile.open(kit_path) as kit:
        dialog = CsvImportDialog(None, kit, csv, kit.observer)
        qtbot.addWidget(dialog)
        assert dialog.summary.text().startswith(
            "The file holds no score: the score column of its 5 rows is empty.")
        assert not hasattr(dialog, "import_button") and dialog.problems == []
        dialog = CsvImportDialog(None, kit, header_only, kit.observer)
        qtbot.addWidget(dialog)
        assert dialog.summary.text() == "The file holds no score, only its header line."
        assert not hasattr(dialog, "import_button")
    assert content_digest(kit_path) == before


def test_through_the_window_menu_and_the_template_s_own_advice(qtbot, kit_path,  # noqa: F811
                                                               tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window = open_observer_window(kit_path)
    qtbot.addWidget(window)
    template = tmp_path / "mau.csv"
    asked, old = answering({"save": str(template), "open": str(template)})
    try:
        window.act_template.trigger()
        assert "left out when you import" in asked[-1][1]  # no longer "delete the rows"
        write(template, filled(template.read_bytes().decode("utf-8-sig").split("\r\n"),
                               {4: "1", 5: "2", 6: "3"}))
        seen = []

        def import_now():
            dialog = QApplication.activeModalWidget()
            seen.append(dialog.summary.text())
            dialog.import_button.click()

        QTimer.singleShot(0, import_now)
        window.import_scores()
    finally:
        dialogs.set_responder(old)
    assert "2 rows with no score (lines 2–3) are left out" in seen[0]
    assert {(s.post_id, s.criterion_id): s.value for s in window.kit.scores()} == {
        ("cong-an", "nam-tinh-hinh"): 1, ("cong-an", "xu-tri"): 2, ("cong-an", "vay-bat"): 3}
    assert window.statusBar().currentMessage() == "Imported: 3 added, 0 replaced, 0 unchanged."
    assert "1 of 2 posts complete" in window.overall_label.text()


def test_the_director_s_import_leaves_out_the_same_rows(qtbot, kit_path, tmp_path):  # noqa: F811
    csv = write(tmp_path / "mau.csv", filled(template_lines(kit_path), {3: "2"}))
    with ExerciseFile.open(kit_path.parent / "ex.dientap") as exercise:
        dialog = CsvImportDialog(None, exercise, csv)
        qtbot.addWidget(dialog)
        assert dialog.unscored == [2, 4, 5, 6] and dialog.model.rowCount() == 1
        assert "(lines 2, 4–6)" in dialog.summary.text()
        dialog.import_button.click()
        assert [(s.observer, s.criterion_id, s.value) for s in exercise.scores()] == [
            (OBSERVER, "xu-tri", 2)]


@pytest.mark.parametrize("lines, text", [
    ([7], "7"), ([2, 3, 4, 9], "2–4, 9"), ([5, 3, 4, 10, 11], "3–5, 10–11"), ([], "")])
def test_line_ranges(lines, text):
    assert line_ranges(lines) == text


def test_a_csv_in_another_encoding_is_told_as_the_file_s_fault_not_a_bad_row(
        qtbot, kit_path, tmp_path):  # noqa: F811
    """Excel's "CSV" in a Windows code page: the whole file is at fault (not "1 bad row"), and
    the problem reads by its line, without the file's name repeated."""
    csv = tmp_path / "cp1258.csv"
    csv.write_bytes(b"observer,post,criterion,score,comment\n"
                    + "A,cong-an,vay-bat,2,Bảo đảm\n".encode("cp1258", "replace") + b"\xd0\n")
    before = content_digest(kit_path)
    with KitFile.open(kit_path) as kit:
        dialog = CsvImportDialog(None, kit, csv, kit.observer)
        qtbot.addWidget(dialog)
        assert dialog.summary.text().startswith("«cp1258.csv» cannot be imported as it is")
        assert dialog.problem_box.toPlainText().startswith("Line 2: ")
        assert "cp1258.csv" not in dialog.problem_box.toPlainText()
    assert content_digest(kit_path) == before


def test_a_name_typed_otherwise_than_a_known_observer_is_told_before_the_import(
        qtbot, kit_path, tmp_path):  # noqa: F811
    lines = filled(template_lines(kit_path), {3: "2"})
    with ExerciseFile.open(kit_path.parent / "ex.dientap") as exercise:
        exercise.set_score(OBSERVER, "chu-tich", "xu-tri", "1")  # the observer is known
        slip = "Trung ta Le Van Binh"  # typed without its diacritics
        csv = write(tmp_path / "go-sai.csv",
                    [lines[0], *(line.replace(OBSERVER, slip) for line in lines[1:]),
                     "Trung tá Lý Thị Hoa,chu-tich,xu-tri,1"])
        dialog = CsvImportDialog(None, exercise, csv)
        qtbot.addWidget(dialog)
        text = dialog.summary.text()
        assert f"New observers, added by the import: «{slip}», «Trung tá Lý Thị Hoa»." in text
        assert f"«{slip}» looks like «{OBSERVER}», already in the exercise" in text
        assert "«Trung tá Lý Thị Hoa» looks like" not in text


@pytest.mark.parametrize("target", ["kit", "exercise"])
def test_a_bad_quote_and_a_bad_score_further_down_are_both_told_in_vietnamese(
        qtbot, kit_path, tmp_path, vietnamese, target):  # noqa: F811
    """The observer's window and the director's (an exercise) tell every bad row, the quote
    in plain Vietnamese words, and write nothing."""
    lines = filled(template_lines(kit_path), {2: '"1"5', 3: "2", 4: "1", 5: "1", 6: "9"})
    csv = write(tmp_path / "diem.csv", lines)
    path = kit_path if target == "kit" else kit_path.parent / "ex.dientap"
    before = content_digest(path)
    opener = KitFile.open if target == "kit" else ExerciseFile.open
    with opener(path) as file:
        dialog = CsvImportDialog(None, file, csv, OBSERVER if target == "kit" else None)
        qtbot.addWidget(dialog)
        assert [p.split(": ", 1)[0] for p in dialog.problems] == ["diem.csv:2", "diem.csv:6"]
        assert dialog.summary.text().startswith("«diem.csv»: 2 dòng sai, chưa ghi gì.")
        assert dialog.problem_box.toPlainText().splitlines() == [
            'Dòng 2: dấu ngoặc kép (") đặt sai chỗ trong ô «score» («"1"5»): dấu ngoặc kép phải '
            'bao quanh cả ô, như "2,5", còn dấu ngoặc kép nằm trong ô thì gõ hai lần ("")',
            'Dòng 6: điểm 9 vượt điểm tối đa 4,5 của tiêu chí “3. Tổ chức bao vây, vây bắt” '
            '(vay-bat)']
        assert not hasattr(dialog, "import_button")
    assert content_digest(path) == before


def test_a_csv_without_comments_shows_and_keeps_the_comments_already_given(
        qtbot, kit_path, tmp_path):  # noqa: F811
    from PySide6.QtCore import Qt

    csv = write(tmp_path / "diem.csv", ["observer,post,criterion,score",
                                        f"{OBSERVER},cong-an,vay-bat,4",
                                        f"{OBSERVER},cong-an,xu-tri,1",
                                        f"{OBSERVER},chu-tich,xu-tri,2"])
    with KitFile.open(kit_path) as kit:
        kit.set_score("cong-an", "vay-bat", 2, "Bao vây chậm")  # typed in the window before
        kit.set_score("cong-an", "xu-tri", 1, "Đúng nguyên tắc")
        dialog = CsvImportDialog(None, kit, csv, kit.observer)
        qtbot.addWidget(dialog)
        assert "no comment column: the comments already given stay as they are" in \
            dialog.summary.text()
        model = dialog.model

        def cell(row, column, role=Qt.ItemDataRole.DisplayRole):
            return model.data(model.index(row, column), role)

        assert [cell(r, model.COMMENT) for r in range(3)] == [
            "Bao vây chậm", "Đúng nguyên tắc", ""]
        assert [cell(r, model.EFFECT) for r in range(3)] == ["replaces 2", "unchanged", "new"]
        assert cell(0, model.COMMENT, Qt.ItemDataRole.ToolTipRole).startswith("Kept as it is")
        assert cell(0, model.COMMENT, Qt.ItemDataRole.ForegroundRole) is not None  # greyed
        dialog.import_button.click()
        assert (dialog.changes.added, dialog.changes.replaced, dialog.changes.unchanged) == (
            1, 1, 1)
        assert {(s.post_id, s.criterion_id): (s.value, s.comment) for s in kit.scores()} == {
            ("cong-an", "vay-bat"): (4, "Bao vây chậm"),
            ("cong-an", "xu-tri"): (1, "Đúng nguyên tắc"),
            ("chu-tich", "xu-tri"): (2, "")}


def test_a_bad_score_names_its_criterion_and_post_as_the_window_does(
        qtbot, kit_path, tmp_path, vietnamese):  # noqa: F811
    """In the window, a score's problem gives numbers with the decimal comma and names the
    criterion as the sheet numbers it (or by its text) and the post by its title, the ids in
    brackets; the command line's English lines stay as the contract has them."""
    csv = tmp_path / "diem.csv"
    csv.write_text("observer,post,criterion,score\n"
                   f"{OBSERVER},chu-tich,xu-tri,\"3,6\"\n"
                   f"{OBSERVER},chu-tich,vay-bat,1\n"
                   f"{OBSERVER},cong-an,nam-tinh-hinh,1.5\n"
                   f"{OBSERVER},cong-an,nam-tinh-hinh,2\n"
                   f"{OBSERVER},cong-an,khong-co,1\n", encoding="utf-8")
    with KitFile.open(kit_path) as kit:
        dialog = CsvImportDialog(None, kit, csv, OBSERVER)
        qtbot.addWidget(dialog)
        assert dialog.problems[0] == (
            'diem.csv:2: score 3.6 is over the maximum 3.5 of criterion "xu-tri"')
        assert dialog.problem_box.toPlainText().splitlines() == [
            "Dòng 2: điểm 3,6 vượt điểm tối đa 3,5 của tiêu chí “2. Xử trí tình huống đúng "
            "nguyên tắc” (xu-tri)",
            "Dòng 3: tiêu chí “Tổ chức bao vây, vây bắt” (vay-bat) không chấm cho cương vị "
            "“Chủ tịch UBND phường” (chu-tich)",
            f"Dòng 5: điểm thứ hai của tiêu chí “1. Nắm, đánh giá và báo cáo tình hình” "
            f"(nam-tinh-hinh) cho cương vị “Trưởng Công an phường” (cong-an) do \"{OBSERVER}\" "
            "chấm (điểm đầu ở dòng 4)",
            'Dòng 6: không có tiêu chí "khong-co"']
