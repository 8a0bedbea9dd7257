"""The five PDFs read back: Vietnamese text, fonts, page counts, header rows, nothing outside."""

import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from dientap_desktop.reports import fonts
from dientap_desktop.reports.document import FRAME_WIDTH, MARGIN_LEFT, MARGIN_RIGHT, PAGE_WIDTH
from dientap_desktop.reports.export import REPORT_KEYS, export_reports
from dientap_desktop.reports.sample import LONG_CRITERION, LONG_NAME, LONG_TITLE, sample_snapshot

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}


def flat(value: str) -> str:
    """Text with every run of white space made one space (lines wrap anywhere in a cell)."""
    return re.sub(r"\s+", " ", value).strip()


NOTES_PAGE = "PHIẾU NHẬN XÉT CỦA NGƯỜI ĐÁNH GIÁ"


class Pdf:
    """A written PDF: its pages' text, flattened."""

    def __init__(self, path: Path):
        self.path = path
        self.reader = PdfReader(path)
        self.pages = [flat(page.extract_text()) for page in self.reader.pages]
        self.text = " ".join(self.pages)
        # the pages of the sheets: the blank sheets end with a page for the observer's notes
        self.sheet_pages = [page for page in self.pages if NOTES_PAGE not in page]

    def __contains__(self, value: str) -> bool:
        return flat(value) in self.text


@pytest.fixture(scope="module")
def sample():
    return sample_snapshot()


@pytest.fixture(scope="module")
def pdfs(sample, tmp_path_factory) -> dict[str, Pdf]:
    out = tmp_path_factory.mktemp("sample-reports")
    paths = export_reports(sample, out)
    assert [p.name for p in paths] == [f"{k}.pdf" for k in REPORT_KEYS]
    return {key: Pdf(path) for key, path in zip(REPORT_KEYS, paths, strict=True)}


# ------------------------------------------------------------------ every document


@pytest.mark.parametrize("key", REPORT_KEYS)
def test_the_official_header_and_the_exercise_are_on_every_document(pdfs, key):
    first = pdfs[key].pages[0]
    for line in (
        "BAN CHỈ ĐẠO DIỄN TẬP PHƯỜNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Đông Sơn, ngày 05 tháng 02 năm 2023",  # zero before day < 10 and month < 3
        "Diễn tập chiến đấu phòng thủ phường Đông Sơn năm 2023 — Tiêu diệt, đánh bắt khủng bố, "
        "giải thoát con tin",
    ):
        assert flat(line) in first
    # the exercise's name, place and date at the foot of every page; a sheet's footer names
    # its post in their place when one line cannot hold them all (its page 1 has the date)
    for page in pdfs[key].pages:
        assert ("Đông Sơn, ngày 05 tháng 02 năm 2023" in page
                or key in ("scoring", "blank") and "Diễn tập chiến đấu phòng thủ" in page)
    assert "Phường Đông Sơn, ngày" not in pdfs[key].text  # the bare place name


@pytest.mark.parametrize("key", REPORT_KEYS)
def test_only_embedded_subsets_of_liberation_serif(pdfs, key):
    for page in pdfs[key].reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/")
            assert name not in STANDARD_14
            prefix, _, face = name.partition("+")
            assert len(prefix) == 6 and face in fonts.FACES, name
            assert font["/Subtype"] == "/TrueType"
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


@pytest.mark.parametrize("key", REPORT_KEYS)
def test_every_character_has_a_glyph(pdfs, key):
    fonts.register_fonts()
    from reportlab.pdfbase import pdfmetrics

    cmap = pdfmetrics.getFont(fonts.REGULAR).face.charToGlyph
    missing = {ch for ch in pdfs[key].text if not ch.isspace() and ord(ch) not in cmap}
    assert not missing


@pytest.mark.parametrize("key", REPORT_KEYS)
def test_the_text_is_nfc(pdfs, key):
    assert unicodedata.is_normalized("NFC", pdfs[key].text)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
@pytest.mark.parametrize("key", REPORT_KEYS)
def test_no_word_runs_past_the_margins(pdfs, key):
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdfs[key].path), "-"], capture_output=True, text=True,
        check=True,
    ).stdout
    words = re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)
    assert words
    left, right = MARGIN_LEFT - 1, PAGE_WIDTH - MARGIN_RIGHT + 1
    outside = [(x0, x1) for x0, x1 in words if float(x0) < left or float(x1) > right]
    assert not outside


def test_the_same_data_gives_the_same_bytes(sample, pdfs, tmp_path):
    again = export_reports(sample, tmp_path, ["summary"])[0]
    assert again.read_bytes() == pdfs["summary"].path.read_bytes()


# ------------------------------------------------------------------ scoring and blank sheets


def test_scoring_has_a_sheet_per_post_in_order(sample, pdfs):
    pdf = pdfs["scoring"]
    titles = [p.title for p in sample.scenario.posts]
    starts = [n for n, page in enumerate(pdf.pages) if "PHIẾU CHẤM ĐIỂM" in page]
    assert len(starts) == len(titles) <= len(pdf.pages)
    for start, title in zip(starts, titles, strict=True):
        assert f"Cương vị: {flat(title)}" in pdf.pages[start]


def test_scoring_shows_scores_means_total_rating_and_signers(pdfs):
    pdf = pdfs["scoring"]
    for value in (
        "Người đảm nhiệm: Thiếu tá Vũ Minh Tuấn",
        "Đại tá Trần Quốc Hùng",
        "Thượng tá Lê Thị Minh Hà",
        "Tổng điểm quy đổi (thang 10): 7,63",
        "Xếp loại: Khá",
        "Còn thiếu điểm: tiêu chí 4.",  # by number: the table above holds its text
        "NGƯỜI ĐÁNH GIÁ (Ký, ghi rõ họ tên)",
        "Tiêu chí 3 (Đại tá Trần Quốc Hùng): Còn lúng túng khi thương lượng",
    ):
        assert value in pdf


def test_long_names_wrap_whole(pdfs):
    for key in ("scoring", "blank", "summary"):
        assert LONG_NAME in pdfs[key]
        assert LONG_TITLE in pdfs[key]
    assert LONG_CRITERION in pdfs["scoring"]


def test_blank_sheets_have_no_scores_and_lines_for_the_observer(sample, pdfs):
    pdf = pdfs["blank"]
    assert pdf.text.count("PHIẾU CHẤM ĐIỂM") == len(sample.scenario.posts)
    assert "Họ và tên người đánh giá: ....." in pdf
    assert "Trần Quốc Hùng" not in pdf
    assert "7,63" not in pdf


def test_many_observers_get_numbered_columns_and_a_legend(tmp_path):
    path = export_reports(sample_snapshot(observers=5), tmp_path, ["scoring"])[0]
    pdf = Pdf(path)
    assert "(1) Đại tá Trần Quốc Hùng; (2) Thượng tá Lê Thị Minh Hà; (3) Trung tá" in pdf
    assert "(5) Đại úy Vũ Thị Thu." in pdf


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_twelve_observers_fit_the_page_in_two_tables(tmp_path):
    path = export_reports(sample_snapshot(observers=12), tmp_path, ["scoring", "summary"])[0]
    pdf = Pdf(path)
    first = pdf.pages[0]
    assert "(1) (2) (3) (4) (5) (6) 1" in first
    assert "Điểm trung bình (7) (8) (9) (10) (11) (12) 1" in first
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    ends = [float(x) for x in re.findall(r'xMax="([\d.]+)"', html)]
    assert max(ends) <= PAGE_WIDTH - MARGIN_RIGHT + 1


# ------------------------------------------------------------------ summary, log, aar


def test_summary_lists_every_post_with_the_total_and_flags(sample, pdfs):
    pdf = pdfs["summary"]
    for title in ("Chủ tịch UBND phường", "Trưởng Công an phường"):
        assert title in pdf
    # completeness says every criterion was scored, not that the post passed
    assert "7,63 Khá Đã chấm đủ" in pdf
    assert "Chưa chấm đủ (thiếu 1/4 tiêu chí)" in pdf
    assert "Điểm chung của cuộc diễn tập — — Chưa chấm đủ" in pdf
    assert "Đủ điểm" not in pdf and "Mức đủ điểm" not in pdf
    assert "Có (tiêu chí 3)" in pdf
    assert "2. Biểu đồ điểm các cương vị" in pdf
    assert "Điểm (thang 10)" in pdf  # the chart's axis, in the report face


def test_the_summary_says_no_disagreement_only_where_there_were_scores_to_compare(tmp_path):
    from tests.kit_support import full_rows, make_exercise

    with make_exercise(tmp_path / "ex.dientap") as ex:  # bi-thu, chu-tich, cong-an
        scenario = ex.scenario
        ex.set_scores(full_rows(scenario, "A", posts=["chu-tich", "cong-an"], value=1), "t")
        ex.set_scores(full_rows(scenario, "B", posts=["cong-an"], value=1), "t")
        pdf = Pdf(export_reports(ex.snapshot(), tmp_path / "out", ["summary"])[0])
    rows = re.search(r"Chênh lệch điểm (.*) Điểm chung", pdf.text).group(1)
    nobody, one, two = re.split(r" (?=[23] (?:Chủ tịch|Trưởng Công an))", rows)
    assert nobody.startswith("1 Bí thư") and nobody.endswith("Chưa chấm Chưa có điểm")
    assert not nobody.endswith("Không")  # nothing to compare, not "no difference"
    assert one.endswith("Đã chấm đủ Chỉ một người chấm")  # one observer: nothing either
    assert two.endswith("Không")  # two observers who agree


def column_lines(path: Path, left: float) -> list[tuple[float, str]]:
    """The lines of text right of `left` (points from the page's left), as (where the line
    starts, its text), page by page, top to bottom."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    lines: list[tuple[float, str]] = []
    for page in html.split("<page ")[1:]:
        rows: dict[float, list[tuple[float, str]]] = {}
        for x, y, word in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<', page):
            if float(x) >= left:
                rows.setdefault(round(float(y)), []).append((float(x), word))
        lines += [(min(rows[y])[0], " ".join(w for _, w in sorted(rows[y]))) for y in sorted(rows)]
    return lines


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_each_observer_s_score_reads_whole_in_the_summary_s_disagreements(tmp_path):
    from dientap_desktop.reports import summary

    path = export_reports(sample_snapshot(observers=5), tmp_path, ["summary"])[0]
    left = MARGIN_LEFT + FRAME_WIDTH - getattr(summary, "SCORES_WIDTH", 50 * mm)
    lines = column_lines(path, left)
    start = lines.index(next(line for line in lines if line[1].startswith("Đại tá Trần")))
    # the signatures: "TM. BAN CHỈ ĐẠO" / "DIỄN TẬP PHƯỜNG"
    end = lines.index(next(line for line in lines if "CHỈ ĐẠO" in line[1]))
    lines = [line for line in lines[start:end]  # not the header again, not the footer
             if line[1] != "Điểm của từng người đánh giá" and "năm 2023" not in line[1]]
    edge = min(x for x, _ in lines)
    starts = [n for n, (x, _) in enumerate(lines) if x < edge + 1]
    assert len(starts) >= 5 * 3  # five observers on each criterion they disagree on
    for n, (x, line) in enumerate(lines):
        if n not in starts:  # a name going on to another line is set in
            assert x >= edge + 3 * mm, line
    entries = [" ".join(line for _, line in lines[a:b])
               for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
    names = {"Đại tá Trần Quốc Hùng", "Thượng tá Lê Thị Minh Hà", "Thiếu tá Phạm Văn Đồng",
             "Đại úy Vũ Thị Thu", f"Trung tá {LONG_NAME}"}
    for entry in entries:
        found = re.fullmatch(r"(.*): \d+(,\d+)?", entry)  # a name and its score, whole
        assert found and found.group(1) in names, entry
    by_line = [line for _, line in lines]
    for name in ("Lê Thị Minh Hà", "Phạm Văn Đồng"):  # never parted, each on a line of its own
        assert sum(name in line for line in by_line) == sum(name in e for e in entries)
    assert any(line == "Trung tá Tôn Nữ Hoàng Thị" for line in by_line)  # too long for a line:
    # parted between syllables, after the rank, as a last resort


def test_log_shows_plan_delivery_delay_decisions_and_pauses(pdfs):
    pdf = pdfs["log"]
    for value in (
        "Bắt đầu diễn tập: 07:30:00 ngày 15/11/2023",
        "Tình huống 1: Đối tượng chiếm trụ sở, bắt giữ con tin 08 giờ 15 ngày N — Tổ tuần "
        "tra báo cáo 00:00 07:31:00 (00:01:00) +1",
        "Trưởng Công an phường — Báo cáo: Báo cáo Chủ tịch UBND phường & trực ban Công an "
        "tỉnh <khẩn>. 07:33:00 2",
        "Tạm dừng diễn tập từ 08:15:00 đến 08:27:00 (12 phút)",
        "Tình huống 4: Một con tin bị thương 01:00 08:44:00 (01:02:00) +2",
        "Tình huống 5: Đối tượng chạy thoát 01:20 Bỏ qua (09:00:00)",
        "Chưa ghi nhận xử trí của: Chủ tịch UBND phường",
        "Kết thúc diễn tập: 09:20:00 ngày 15/11/2023",
        "Thời gian diễn tập 98 phút (không kể 12 phút tạm dừng).",
    ):
        assert value in pdf


def test_a_table_over_a_page_repeats_its_header(pdfs):
    pdf = pdfs["log"]
    assert len(pdf.pages) >= 2
    header = "Tình huống; cương vị xử trí và nội dung xử trí"
    assert all(header in page for page in pdf.pages)


def test_aar_holds_its_parts(pdfs):
    pdf = pdfs["aar"]
    # "diễn tập" in lower case mid-sentence
    assert "BÁO CÁO Rút kinh nghiệm diễn tập chiến đấu phòng thủ phường Đông Sơn" in pdf
    for value in (
        "II. ƯU ĐIỂM",
        "Tình huống 1 — Trưởng Công an phường: Báo cáo kịp thời, đúng trình tự. "
        "(Đại tá Trần Quốc Hùng)",
        "III. HẠN CHẾ, KHUYẾT ĐIỂM",
        "IV. THỜI GIAN XỬ TRÍ CÁC TÌNH HUỐNG",
        "Thời gian xử trí trung bình (phút)",
        "V. KẾT QUẢ THEO TIÊU CHÍ ĐÁNH GIÁ",
        "Các tiêu chí đạt cao nhất",
        "Các tiêu chí còn thấp nhất",
        "VI. ĐỀ XUẤT, KIẾN NGHỊ",
        "Chung: Tăng cường luyện tập hiệp đồng.",
        "VII. ĐỀ NGHỊ KHEN THƯỞNG",
        "Nơi nhận:",
        "TM. BAN CHỈ ĐẠO DIỄN TẬP PHƯỜNG TRƯỞNG BAN",
    ):
        assert value in pdf
    for old in ("ĐIỂM MẠNH", "II. HẠN CHẾ III", "VI. ĐỀ XUẤT VII"):  # the HSEEP-like heads
        assert old not in pdf


def test_decomposed_text_is_printed_composed(sample, tmp_path):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Thủy Tiên")
    snapshot = replace(sample, roster={**sample.roster,
                                       "chu-tich": replace(sample.roster["chu-tich"], name=nfd)})
    pdf = Pdf(export_reports(snapshot, tmp_path, ["summary"])[0])
    assert "Nguyễn Thị Thủy Tiên" in pdf.text


def test_a_row_longer_than_a_page_is_cut_by_lines_under_the_header(sample, tmp_path):
    words = [f"việc{n} cần làm ngay" for n in range(900)]
    first, long, *rest = sample.decisions
    snapshot = replace(sample, decisions=(first, replace(long, text=" ".join(words)), *rest))
    pdf = Pdf(export_reports(snapshot, tmp_path, ["log"])[0])
    header = "Tình huống; cương vị xử trí và nội dung xử trí"
    counts = [page.count(header) for page in pdf.pages]
    assert len(pdf.pages) > 3 and all(n == 1 for n in counts[:-1]) and counts[-1] <= 1
    position = 0  # every word, in order, whatever the page breaks put between them
    for word in " ".join(words).split():
        position = pdf.text.index(word, position) + len(word)


def test_the_signer_named_in_the_exercise_is_printed_under_the_signature(sample, tmp_path):
    signed = replace(sample, info=replace(sample.info, signer="Đại tá Nguyễn Văn Tâm"))
    paths = export_reports(signed, tmp_path, ("summary", "aar"))
    for path in paths:
        pdf = Pdf(path)
        assert "Đại tá Nguyễn Văn Tâm" in pdf, path.name
        assert "TRƯỞNG BAN (Ký" not in pdf.text  # no "write your name" under a printed name
    unsigned = export_reports(sample, tmp_path / "unsigned", ("summary",))
    assert "Nguyễn Văn Tâm" not in Pdf(unsigned[0])


# ------------------------------------------------------------------ response times never below 0


def test_a_decision_timed_before_its_inject_prints_a_response_time_of_zero(sample, tmp_path):
    # a slip in the time field: the Chủ tịch's decision on inject 2 (delivered 07:54) is
    # recorded at 07:44, ten minutes before it
    decisions = list(sample.decisions)
    slipped = decisions[2]
    assert (slipped.inject_id, slipped.post_id) == ("th-02", "chu-tich")
    delivered = next(d.at for d in sample.deliveries if d.inject_id == "th-02")
    decisions[2] = replace(slipped, given_at=delivered - timedelta(minutes=10))
    snapshot = replace(sample, decisions=tuple(decisions))
    log, aar = (Pdf(p) for p in export_reports(snapshot, tmp_path, ["log", "aar"]))
    assert "Giao Công an chủ trì thương lượng. 07:44:00 0" in log  # as recorded, took 0
    # Tình huống 2: fastest 0 (not -10), mean (0 + 9) / 2 to a tenth, slowest 9
    assert "Yêu sách của đối tượng 07:54:00 +4 2/2 0 4,5 9" in aar
    assert "-10" not in log.text and "-10" not in aar.text


# ------------------------------------------------------------------ the ids to type the CSV


def test_the_blank_sheet_gives_the_ids_the_csv_of_scores_asks_for(sample, pdfs):
    pdf = pdfs["blank"]
    starts = [n for n, page in enumerate(pdf.pages) if "PHIẾU CHẤM ĐIỂM" in page]
    ends = [*starts[1:], len(pdf.pages)]
    for post, start, end in zip(sample.scenario.posts, starts, ends, strict=True):
        sheet = " ".join(pdf.pages[start:end])
        assert f"cương vị {post.id};" in sheet
        for criterion in sample.scenario.criteria_for(post.id):
            assert f" {criterion.id} " in f" {sheet} ", (post.id, criterion.id)
    assert "nam-tinh-hinh" not in pdfs["scoring"].text  # only the sheet typed from paper

    sizes: dict[str, float] = {}  # how big each id is printed

    def keep(text, _cm, tm, _font, size):
        if text.strip():
            sizes[text.strip()] = size * abs(tm[0])

    for page in pdf.reader.pages:
        page.extract_text(visitor_text=keep)
    ids = [c.id for c in sample.scenario.criteria]
    assert all(sizes[i] < 9 for i in ids)  # small, under the 11.5 points of the criteria
