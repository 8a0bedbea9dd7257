"""`dientap report` on the demo exercise: five PDFs that hold what the exercise holds."""

import pytest

from dientap_desktop.cli import main
from dientap_desktop.storage.exercise_file import ExerciseFile
from tests.test_reports_pdf import Pdf, flat


def in_order(words: list[str], text: str) -> bool:
    """Whether the words stand in the text in this order, whatever lies between them."""
    position = 0
    for word in words:
        position = text.find(word, position)
        if position < 0:
            return False
        position += len(word)
    return True


@pytest.fixture(scope="module")
def demo(demo_file):
    with ExerciseFile.open(demo_file) as exercise:
        return exercise.snapshot()


@pytest.fixture(scope="module")
def demo_pdfs(demo_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("demo-reports") / "bao-cao"
    assert main(["report", str(demo_file), "--out", str(out)]) == 0
    return {p.stem: Pdf(p) for p in out.iterdir()}


def test_the_five_documents_are_written(demo_pdfs):
    assert sorted(demo_pdfs) == ["aar", "blank", "log", "scoring", "summary"]
    for pdf in demo_pdfs.values():
        # the bare place name, as Nghị định 30 writes it (the exercise's place: "Phường Hòa Bình")
        assert " Hòa Bình, ngày 13 tháng 11 năm 2025" in pdf.pages[0]
        assert "Phường Hòa Bình, ngày" not in pdf.text
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc" in pdf.pages[0]


def test_scoring_and_blank_have_a_sheet_per_post_in_order(demo, demo_pdfs):
    for key in ("scoring", "blank"):
        pdf = demo_pdfs[key]
        starts = [page for page in pdf.pages if "PHIẾU CHẤM ĐIỂM" in page]
        assert len(starts) == len(demo.scenario.posts) <= len(pdf.pages)
        for page, post in zip(starts, demo.scenario.posts, strict=True):
            assert f"Cương vị: {flat(post.title)}" in page


def test_the_scores_printed_are_the_results(demo, demo_pdfs):
    results = demo.results()
    for result in results.posts:
        score = format(result.score, ".2f").replace(".", ",")
        sheet = next(p for p in demo_pdfs["scoring"].pages
                     if f"Cương vị: {flat(result.post.title)}" in p)
        assert f"Tổng điểm quy đổi (thang 10): {score} Xếp loại: {result.rating}" in sheet
        assert f"{score} {result.rating}" in demo_pdfs["summary"].text
    total = format(results.score, ".2f").replace(".", ",")
    assert f"Điểm chung của cuộc diễn tập {total} {results.rating}" in demo_pdfs["summary"]


def test_the_log_holds_every_inject_and_decision(demo, demo_pdfs):
    pdf = demo_pdfs["log"]
    for number, inject in enumerate(demo.scenario.injects, 1):
        assert f"Tình huống {number}: {flat(inject.title)}" in pdf
    for decision in demo.decisions:
        # A long row may continue on the next page, under the page's furniture.
        assert flat(decision.text) in pdf or in_order(flat(decision.text).split(), pdf.text)
    assert "Tạm dừng diễn tập từ" in pdf


def test_the_aar_quotes_the_observers_notes(demo, demo_pdfs):
    for item in demo.notes:
        assert flat(item.text) in demo_pdfs["aar"]


def test_only_writes_the_chosen_documents(demo_file, tmp_path, capsys):
    assert main(["report", str(demo_file), "--out", str(tmp_path), "--only", "aar,log"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aar.pdf", "log.pdf"]
    assert capsys.readouterr().out.splitlines() == [str(tmp_path / "log.pdf"),
                                                    str(tmp_path / "aar.pdf")]


def test_an_unknown_key_is_refused_and_nothing_written(demo_file, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["report", str(demo_file), "--out", str(out), "--only", "summary,awards"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["--only: unknown report awards; the reports are: scoring, blank, summary, "
                   "log, aar"]
    assert not out.exists()


def test_a_missing_file_is_one_line(tmp_path, capsys):
    assert main(["report", str(tmp_path / "none.dientap"), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "none.dientap" in err[0]
    assert not (tmp_path / "o").exists()


def test_an_out_that_is_a_file_is_told_so(demo_file, tmp_path, capsys):
    out = tmp_path / "bao-cao"
    out.write_text("đã có", encoding="utf-8")
    assert main(["report", str(demo_file), "--out", str(out)]) == 1
    assert capsys.readouterr().err.splitlines() == [f"{out}: this is a file, not a folder"]
    assert out.read_text(encoding="utf-8") == "đã có"


def test_the_blank_sheets_end_with_a_page_for_the_observer_s_notes(demo, demo_pdfs):
    pdf = demo_pdfs["blank"]
    last = pdf.pages[-1]
    assert "PHIẾU NHẬN XÉT CỦA NGƯỜI ĐÁNH GIÁ" in last and "PHIẾU CHẤM ĐIỂM" not in last
    # a ruled table for each kind of note the kits take, in their order, and the signature
    # (named as the after-action report heads them, and the window names them)
    assert in_order(["Họ và tên người đánh giá", "Tình huống Cương vị Ưu điểm",
                     "Tình huống Cương vị Hạn chế, khuyết điểm",
                     "Tình huống Cương vị Đề xuất, kiến nghị"], last)
    assert "NGƯỜI ĐÁNH GIÁ (Ký, ghi rõ họ tên)" in last
    assert pdf.text.count("PHIẾU NHẬN XÉT CỦA NGƯỜI ĐÁNH GIÁ") == 1  # once, at the end
    assert len(pdf.pages) == len(demo.scenario.posts) + 1  # a page of its own


def test_an_observer_prints_the_blank_sheets_of_a_kit_and_nothing_else(demo_file, tmp_path,
                                                                       capsys):
    kit = tmp_path / "hung.dtkit"
    assert main(["kit", str(demo_file), "--observer", "Đại tá Trần Quốc Hùng", "--posts",
                 "cong-an,chu-tich", "--out", str(kit)]) == 0
    capsys.readouterr()
    assert main(["report", str(kit), "--out", str(tmp_path / "pdf"), "--only", "blank"]) == 0
    assert capsys.readouterr().out.split() == [str(tmp_path / "pdf" / "blank.pdf")]
    pdf = Pdf(tmp_path / "pdf" / "blank.pdf")
    sheets = [page for page in pdf.pages if "PHIẾU CHẤM ĐIỂM" in page]
    with ExerciseFile.open(demo_file) as exercise:  # the kit's posts, in the scenario's order
        titles = [p.title for p in exercise.scenario.posts if p.id in ("cong-an", "chu-tich")]
        assert f"Cuộc diễn tập: {flat(exercise.info.name)}" in pdf.pages[0]
    assert [t for t in titles if any(f"Cương vị: {flat(t)}" in s for s in sheets)] == titles
    assert len(sheets) == 2 and "PHIẾU NHẬN XÉT CỦA NGƯỜI ĐÁNH GIÁ" in pdf.pages[-1]
    for only in (None, "blank,summary", "scoring"):  # any other paper: one line, nothing written
        out = tmp_path / f"other-{only}"
        assert main(["report", str(kit), "--out", str(out)]
                    + (["--only", only] if only else [])) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert err == [f"{kit}: an observer kit has no reports but its blank sheets (--only "
                       "blank); merge it into the exercise file and report from that"]
        assert not out.exists()
