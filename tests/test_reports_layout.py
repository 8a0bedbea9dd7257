"""The documents' layout read back: what stays together on a page, how the issuing body and the
signer are set, the place on the date line, the log's order and columns, charts and captions."""

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Spacer

from dientap_desktop.domain.clock import Clock
from dientap_desktop.domain.records import ExerciseInfo
from dientap_desktop.domain.scenario_loader import find_scenario
from dientap_desktop.domain.snapshot import ExerciseSnapshot
from dientap_desktop.reports.charts import bar_charts
from dientap_desktop.reports.document import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    PAGE_HEIGHT,
    ReportDocument,
    Signature,
    closing,
    director_signature,
    grid_table,
    name_lines,
    place_name,
    short,
    signatures,
    styles,
)
from dientap_desktop.reports.export import export_reports
from dientap_desktop.reports.sample import sample_snapshot
from dientap_desktop.reports.summary import chart_score
from tests.test_reports_pdf import Pdf

LONG_EXERCISE = (
    "Diễn tập khu vực phòng thủ tỉnh Sơn Hà năm 2025 — chuyển lực lượng vũ trang vào các trạng "
    "thái sẵn sàng chiến đấu, chuyển địa phương vào các trạng thái quốc phòng"
)
UBND = "Ủy ban nhân dân tỉnh Sơn Hà"


def long_named(issuer: str = UBND) -> ExerciseSnapshot:
    """A planned exercise of the readiness scenario (posts of 5 and 6 criteria) with a long
    name: nothing scored yet."""
    scenario = find_scenario("chuyen-trang-thai-sscd")
    info = ExerciseInfo("x", LONG_EXERCISE, "Tỉnh Sơn Hà", date(2025, 2, 5), scenario.id,
                        "planned", issuer)
    return ExerciseSnapshot(info, scenario, {}, Clock(), (), (), (), (), (), (),
                            datetime(2025, 2, 5, tzinfo=UTC))


def lines_of(path) -> list[list[str]]:
    """Each page's text lines, stripped."""
    return [[line.strip() for line in page.extract_text().splitlines()]
            for page in PdfReader(path).pages]


# ------------------------------------------------------------------ one sheet, one page


@pytest.fixture(scope="module")
def long_pdfs(tmp_path_factory):
    out = tmp_path_factory.mktemp("long-name")
    snapshot = long_named()
    paths = export_reports(snapshot, out, ["scoring", "blank", "aar"])
    return snapshot, {p.stem: p for p in paths}


@pytest.mark.parametrize("key", ["blank", "scoring"])
def test_a_sheet_of_six_criteria_with_a_long_name_fits_one_page(long_pdfs, key):
    snapshot, paths = long_pdfs
    posts = snapshot.scenario.posts
    assert max(len(snapshot.scenario.criteria_for(p.id)) for p in posts) >= 6
    pages = Pdf(paths[key]).sheet_pages
    assert len(pages) == len(posts)  # one page a sheet: the signature never goes over alone
    for page, post in zip(pages, posts, strict=True):
        assert f"Cương vị: {post.title}" in page
        assert "NGƯỜI ĐÁNH GIÁ" in page and "Cộng" in page


def test_missing_criteria_are_named_by_number(long_pdfs):
    snapshot, paths = long_pdfs
    first = Pdf(paths["scoring"]).pages[0]
    count = len(snapshot.scenario.criteria_for(snapshot.scenario.posts[0].id))
    numbers = ", ".join(str(n) for n in range(1, count + 1))
    assert f"Còn thiếu điểm: tiêu chí {numbers}." in first


def _story_near_the_foot(rows: int, filler: float) -> list:
    """A table of `rows` one-line rows under `filler` points of space, then the signatures."""
    table = grid_table([[short("TT"), short("Nội dung")]]
                       + [[short(n), short(f"Dòng số {n}")] for n in range(1, rows + 1)],
                       [20, FRAME_WIDTH - 20])
    return [Spacer(1, filler), *closing([table], signatures([Signature("Người ký")]))]


def test_the_signatures_take_the_last_row_with_them(tmp_path):
    path = tmp_path / "closing.pdf"
    info = sample_snapshot().info
    # the table just fits the page; the signatures do not
    ReportDocument(path, info, "t").build(_story_near_the_foot(5, FRAME_HEIGHT - 6 * 20 - 30))
    pages = Pdf(path).pages
    assert len(pages) == 2
    assert "Dòng số 4" in pages[0] and "Dòng số 5" not in pages[0]
    assert "Dòng số 5" in pages[1] and "NGƯỜI KÝ" in pages[1]
    assert "NGƯỜI KÝ" not in pages[0]


def test_signatures_that_fit_stay_under_the_table(tmp_path):
    path = tmp_path / "closing.pdf"
    ReportDocument(path, sample_snapshot().info, "t").build(_story_near_the_foot(5, 100))
    pages = Pdf(path).pages
    assert len(pages) == 1 and "Dòng số 5" in pages[0] and "NGƯỜI KÝ" in pages[0]


def test_a_heading_row_is_never_last_on_a_page(tmp_path):
    path = tmp_path / "keep.pdf"
    rows = [[short("TT"), short("Nội dung")]] + [
        [short(n), short(f"Dòng số {n}")] for n in range(1, 80)]
    heading = 30  # the row "Dòng số 30" heads the rows under it
    table = grid_table(rows, [20, FRAME_WIDTH - 20], keep_with_next=[heading])
    probe = grid_table([list(r) for r in rows], [20, FRAME_WIDTH - 20])
    probe.wrap(FRAME_WIDTH, FRAME_HEIGHT)
    first_page_rows = len(probe.split(FRAME_WIDTH, FRAME_HEIGHT)[0]._cellvalues) - 1
    # a spacer puts the heading row last on page 1 without the rule
    filler = (first_page_rows - heading) * (FRAME_HEIGHT / first_page_rows) + 3
    ReportDocument(path, sample_snapshot().info, "t").build([Spacer(1, filler), table])
    pages = Pdf(path).pages
    page = next(n for n, text in enumerate(pages) if "Dòng số 30 " in text + " ")
    assert f"Dòng số {heading + 1}" in pages[page]
    assert f"Dòng số {heading - 1}" in pages[page - 1]  # the rows above stayed


# ------------------------------------------------------------------ issuing body and signer


ISSUER_WIDTH = FRAME_WIDTH * 0.42


@pytest.mark.parametrize(("body", "expected"), [
    ("ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", ["ỦY BAN NHÂN DÂN", "TỈNH SƠN HÀ"]),
    ("BAN CHỈ ĐẠO DIỄN TẬP", ["BAN CHỈ ĐẠO DIỄN TẬP"]),
    ("BAN CHỈ ĐẠO DIỄN TẬP CHIẾN ĐẤU PHÒNG THỦ XÃ ĐÔNG SƠN",  # never "CHIẾN / ĐẤU"
     ["BAN CHỈ ĐẠO DIỄN TẬP", "CHIẾN ĐẤU PHÒNG THỦ", "XÃ ĐÔNG SƠN"]),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]),
    ("ỦY BAN NHÂN DÂN\nPHƯỜNG 12", ["ỦY BAN NHÂN DÂN", "PHƯỜNG 12"]),  # the typed break
])
def test_the_issuing_body_breaks_before_the_place(body, expected):
    style = styles().issuer
    assert name_lines(body, style.fontName, style.fontSize, ISSUER_WIDTH) == expected


def test_the_header_and_the_signer_of_a_peoples_committee(long_pdfs):
    _, paths = long_pdfs
    first = lines_of(paths["aar"])[0]
    assert first[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH SƠN HÀ"]
    text = Pdf(paths["aar"]).text
    assert "TM. ỦY BAN NHÂN DÂN TỈNH SƠN HÀ CHỦ TỊCH (Ký, ghi rõ họ tên)" in text
    assert "THỦ TRƯỞNG" not in text
    last = lines_of(paths["aar"])[-1]
    assert "TM. ỦY BAN NHÂN DÂN" in last and "TỈNH SƠN HÀ" in last  # broken before the place


@pytest.mark.parametrize(("body", "above", "title"), [
    ("Ủy ban nhân dân tỉnh Sơn Hà", "TM. ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "Chủ tịch"),
    ("", "TM. BAN CHỈ ĐẠO DIỄN TẬP", "Trưởng ban"),
    ("Ban Chỉ đạo diễn tập phường Hòa Bình", "TM. BAN CHỈ ĐẠO DIỄN TẬP PHƯỜNG HÒA BÌNH",
     "Trưởng ban"),
    ("Ban Chỉ huy quân sự xã Đông Sơn", "", "Chỉ huy trưởng"),
    ("Đảng ủy phường Yên Bình", "TM. ĐẢNG ỦY PHƯỜNG YÊN BÌNH", "Bí thư"),
    ("Công an tỉnh Sơn Hà", "", "Giám đốc"),
    ("Trung đoàn 52", "", "Thủ trưởng đơn vị"),
])
def test_the_signer_fits_the_issuing_body(body, above, title):
    info = replace(sample_snapshot().info, issuer=body)
    signer = director_signature(info)
    assert (signer.above, signer.title) == (above, title)


@pytest.mark.parametrize(("body", "own", "lines"), [
    # a deputy signs for the head (ký thay), under the collective body's "TM." when there is one
    ("Ủy ban nhân dân tỉnh Sơn Hà", "Phó Chủ tịch",
     ["TM. ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ("Ban Chỉ huy quân sự xã Đông Sơn", "phó chỉ huy trưởng",
     ["KT. CHỈ HUY TRƯỞNG", "PHÓ CHỈ HUY TRƯỞNG"]),
    ("Ban Chỉ đạo diễn tập", "Quyền Trưởng ban", ["TM. BAN CHỈ ĐẠO DIỄN TẬP", "Q. TRƯỞNG BAN"]),
    ("Ban Chỉ đạo diễn tập", "Trưởng ban", ["TM. BAN CHỈ ĐẠO DIỄN TẬP", "TRƯỞNG BAN"]),
    ("Trung đoàn 52", "Phó Trung đoàn trưởng", ["PHÓ TRUNG ĐOÀN TRƯỞNG"]),  # head unknown
    ("Trung đoàn 52", "Trung đoàn trưởng", ["TRUNG ĐOÀN TRƯỞNG"]),
])
def test_the_signers_own_title_signs_for_the_head_as_nghi_dinh_30_writes(
        tmp_path, body, own, lines):
    info = replace(sample_snapshot().info, issuer=body, signer_title=own,
                   signer="Nguyễn Văn Tâm")
    [path] = export_reports(replace(sample_snapshot(), info=info), tmp_path, ["summary"])
    last = Pdf(path).pages[-1]
    at = [last.index(line) for line in lines + ["Nguyễn Văn Tâm"]]
    assert at == sorted(at)
    if not any(line.startswith("KT.") for line in lines):
        assert "KT." not in last


# ------------------------------------------------------------------ place and date


@pytest.mark.parametrize(("place", "shown"), [
    ("Phường Hòa Bình", "Hòa Bình"),
    ("phường  Hòa Bình", "Hòa Bình"),
    ("PHƯỜNG HÒA BÌNH", "HÒA BÌNH"),
    ("Phu\u031bo\u031b\u0300ng Hòa Bình", "Hòa Bình"),  # decomposed
    ("Xã Đông Sơn", "Đông Sơn"),
    ("Thị trấn Yên Bình", "Yên Bình"),
    ("Tỉnh Sơn Hà", "Sơn Hà"),
    ("Thành phố Tam Điệp", "Tam Điệp"),
    ("TP. Tam Điệp", "Tam Điệp"),
    ("Đặc khu Phú Quốc", "Phú Quốc"),
    ("Quận Tây Hồ", "Tây Hồ"),
    ("Phường 12", "Phường 12"),  # named by a number: in full
    ("Quận 1", "Quận 1"),
    ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),  # after a person: in full
    ("Tam Điệp", "Tam Điệp"),
    ("Phường", "Phường"),
    # an address, from the smallest unit to the largest: the largest
    ("Xã Đông Sơn, huyện Yên Bình, tỉnh Sơn Hà", "Sơn Hà"),
    ("Phường Hòa Bình, Tỉnh Ninh Bình", "Ninh Bình"),
    ("Phường 12, Quận 3, TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Phường 12, Quận 3, Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("Sân vận động trung tâm, Tam Điệp", "Tam Điệp"),
    ("Phường Hòa Bình ,  ", "Hòa Bình"),
    ("", ""),
    (" , ", ""),
])
def test_the_date_line_names_the_bare_place(place, shown):
    assert place_name(place) == shown


@pytest.mark.parametrize(("place", "issuer", "shown"), [
    # the unit the issuing body is named after, where it sits
    ("Phường Hòa Bình, thành phố Tam Điệp, tỉnh Ninh Bình",
     "Ban Chỉ đạo diễn tập chiến đấu phòng thủ phường Hòa Bình", "Hòa Bình"),
    ("Xã Đông Sơn, huyện Yên Bình, tỉnh Sơn Hà",
     "BAN CHỈ ĐẠO DIỄN TẬP KHU VỰC PHÒNG THỦ HUYỆN YÊN BÌNH", "Yên Bình"),
    ("Phường 12, Quận 3, TP. Hồ Chí Minh", "Ban Chỉ đạo diễn tập phường 12", "Phường 12"),
    ("Xã Đông Sơn, huyện Yên Bình, tỉnh Sơn Hà",
     "Ban Chỉ đạo diễn tập xã Đông Sơn, huyện Yên Bình", "Đông Sơn"),
    # a unit of the place that is only part of the body's name is not it ("Bình" of "Hòa
    # Bình"); none named: the largest unit
    ("Phường Bình, tỉnh Ninh Bình", "Ban Chỉ đạo diễn tập phường Hòa Bình", "Ninh Bình"),
    ("Phường Hòa Bình, tỉnh Ninh Bình", "Ban Chỉ đạo diễn tập", "Ninh Bình"),
    ("Phường Hòa Bình, tỉnh Ninh Bình", "", "Ninh Bình"),
])
def test_the_date_line_names_the_unit_the_issuing_body_is_named_after(place, issuer, shown):
    assert place_name(place, issuer) == shown


# ------------------------------------------------------------------ after-action report


def test_the_aar_asks_the_level_above_and_does_not_send_to_itself(tmp_path):
    sample = sample_snapshot(observers=1, complete=True)  # a final result
    pdf = Pdf(export_reports(sample, tmp_path, ["aar"])[0])
    assert "Đề nghị cấp có thẩm quyền xem xét, khen thưởng" in pdf or (
        "đề nghị cấp có thẩm quyền xem xét" in pdf)
    assert "Ban Chỉ đạo xem xét" not in pdf
    recipients = pdf.text[pdf.text.index("Nơi nhận:"):]
    # no body above named: a line to write it in by hand, no name made up
    assert re.search(r"- …{6,} \(để báo cáo\);", recipients)
    assert "Cấp trên trực tiếp" not in recipients
    assert "Ban Chỉ đạo diễn tập;" not in recipients  # it issues the report
    other = replace(sample, info=replace(sample.info, issuer=UBND))
    pdf = Pdf(export_reports(other, tmp_path / "ubnd", ["aar"])[0])
    assert "Ban Chỉ đạo diễn tập;" in pdf.text[pdf.text.index("Nơi nhận:"):]


def test_the_body_above_the_issuer_heads_the_documents_and_receives_the_aar(tmp_path):
    sample = sample_snapshot(observers=1, complete=True)  # a final result
    above = replace(sample, info=replace(sample.info, superior="Ủy ban nhân dân  phường Đông Sơn"))
    paths = export_reports(above, tmp_path, ["summary", "aar"])
    for path in paths:
        page = PdfReader(path).pages[0]
        runs: list[tuple[str, str]] = []  # (text, font) as drawn on the first page

        def keep(text, _cm, _tm, font, _size, runs=runs):
            if text.strip() and font is not None:
                runs.append((text.strip(), str(font["/BaseFont"])))

        page.extract_text(visitor_text=keep)
        texts = [t for t, _ in runs]
        above_at = next(i for i, t in enumerate(texts) if "ỦY BAN NHÂN DÂN" in t)
        issuer_at = next(i for i, t in enumerate(texts) if "BAN CHỈ ĐẠO" in t)
        assert above_at < issuer_at, path.name  # over the issuing body, in capitals
        assert "PHƯỜNG ĐÔNG SƠN" in " ".join(texts[above_at:issuer_at]), path.name
        assert "Bold" not in runs[above_at][1] and "Bold" in runs[issuer_at][1], path.name
    pdf = Pdf(paths[1])
    assert "ghị Ủy ban nhân dân phường Đông Sơn xem xét" in pdf  # the award proposal
    assert "cấp có thẩm quyền" not in pdf.text
    recipients = pdf.text[pdf.text.index("Nơi nhận:"):]
    assert "Ủy ban nhân dân phường Đông Sơn (để báo cáo);" in recipients
    assert "Cấp trên trực tiếp" not in recipients and "……" not in recipients


@pytest.mark.parametrize(("name", "subject"), [
    ("Diễn tập chiến đấu phòng thủ phường Hòa Bình năm 2023",
     "Rút kinh nghiệm diễn tập chiến đấu phòng thủ phường Hòa Bình năm 2023"),
    ("Sơn Hà 2025", "Rút kinh nghiệm cuộc diễn tập “Sơn Hà 2025”"),
])
def test_the_aar_subject_reads_as_a_sentence(name, subject, tmp_path):
    from dientap_desktop.reports.aar import subject as make

    assert make(name) == subject


# ------------------------------------------------------------------ exercise log


def test_the_log_has_a_column_each_for_delay_and_response_time(tmp_path):
    pdf = Pdf(export_reports(sample_snapshot(), tmp_path, ["log"])[0])
    assert "Chậm so với KH (phút) Thời gian xử trí (phút)" in pdf
    assert "Chậm (+) / thời gian" not in pdf and "phút 20" not in pdf
    assert "Yêu sách của đối tượng 00:20 07:54:00 (00:24:00) +4" in pdf


def test_the_log_lists_deliveries_as_they_happened(tmp_path):
    sample = sample_snapshot()
    first, second, third, fourth, fifth = sample.deliveries
    # inject 4 delivered before inject 3; inject 5 never handed out
    deliveries = (first, second, replace(third, at=fourth.at), replace(fourth, at=third.at))
    snapshot = replace(sample, deliveries=deliveries)
    text = Pdf(export_reports(snapshot, tmp_path, ["log"])[0]).text
    order = [text.index(f"Tình huống {n}:") for n in (1, 2, 4, 3)]
    assert order == sorted(order)
    end, waiting = text.index("Kết thúc diễn tập"), text.index("Các tình huống chưa phát")
    assert end < waiting < text.index("Tình huống 5:")


# ------------------------------------------------------------------ summary


def test_scores_in_the_summary_chart_have_two_decimals():
    assert [chart_score(v) for v in (9.0, 7.25, 8.625, 6.5)] == ["9,00", "7,25", "8,63",
                                                                  "6,50"]


def test_every_score_is_printed_alike_in_table_and_chart(demo_file, tmp_path):
    from dientap_desktop.storage.exercise_file import ExerciseFile

    with ExerciseFile.open(demo_file, readonly=True) as exercise:
        snapshot = exercise.snapshot()
    text = Pdf(export_reports(snapshot, tmp_path, ["summary"])[0]).text
    for post in snapshot.results().posts:
        score = format(post.score, ".2f").replace(".", ",")
        assert text.count(score) >= 2, score  # the table and the bar


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_the_two_signatures_sign_on_one_line(tmp_path):
    path = export_reports(sample_snapshot(), tmp_path, ["summary"])[0]
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    last = html.split("<page")[-1]
    dots = re.findall(r'yMin="([\d.]+)"[^>]*>\.{10,}<', last)
    assert len(dots) == 2 and float(dots[0]) == pytest.approx(float(dots[1]), abs=0.5)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
@pytest.mark.parametrize("key", ["blank", "scoring", "aar"])
def test_a_long_footer_takes_one_line(long_pdfs, key):
    """A long exercise name and a long post: the footer drops the date, then cuts ("…"), and
    stays one line clear of the paper's edge."""
    _, paths = long_pdfs
    html = subprocess.run(["pdftotext", "-bbox", str(paths[key]), "-"],
                          capture_output=True, text=True, check=True).stdout
    for page in html.split("<page ")[1:]:
        words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page)
        foot = [(float(top), float(bottom), word) for top, bottom, word in words
                if float(top) > PAGE_HEIGHT - MARGIN_BOTTOM]
        assert foot, key
        assert len({round(top) for top, _, _ in foot}) == 1, foot  # one line
        assert max(bottom for _, bottom, _ in foot) < PAGE_HEIGHT - 8 * mm


# ------------------------------------------------------------------ charts stay in their box


class RecordingCanvas(Canvas):
    """A canvas that remembers the rectangles (the bars) and the lines (the marks) drawn."""

    def __init__(self):
        super().__init__(io.BytesIO())
        self.rects: list[tuple[float, float, float, float]] = []
        self.lines: list[tuple[float, float, float, float]] = []

    def line(self, x1, y1, x2, y2):
        self.lines.append((x1, y1, x2, y2))
        super().line(x1, y1, x2, y2)

    def rect(self, x, y, width, height, stroke=1, fill=0):
        self.rects.append((x, y, width, height))
        super().rect(x, y, width, height, stroke=stroke, fill=fill)


def test_a_chart_draws_no_bar_outside_its_box_whatever_its_values():
    # a negative mean response time (a decision timed before its inject), one over the axis
    values = [-10.0, 4.0, None, 99.0, float("nan")]
    (chart,) = bar_charts([f"TH {n}" for n in range(1, 6)], values, FRAME_WIDTH, top=12,
                          value_text=lambda v: f"{v:g}", axis_title="phút",
                          marks=[(-5, "dưới"), (6, "giữa"), (20, "trên")])
    width, height = chart.wrap(FRAME_WIDTH, FRAME_HEIGHT)
    canvas = RecordingCanvas()
    chart.drawOn(canvas, 0, 0)
    assert canvas.rects  # the bars of 4 and 99
    left, right = chart.label_width, chart.label_width + chart.plot_width  # the plot
    for x, y, w, h in canvas.rects:
        assert w >= 0 and h >= 0
        assert left - 1e-6 <= x and x + w <= right + 1e-6
        assert 0 <= y and y + h <= height <= FRAME_HEIGHT and width <= FRAME_WIDTH
    assert len(canvas.lines) == 1  # the mark on the axis; the two off it are not drawn
    for x1, _, x2, _ in canvas.lines:
        assert left <= min(x1, x2) and max(x1, x2) <= right


def test_a_negative_value_is_printed_as_zero_at_the_axis(tmp_path):
    path = tmp_path / "chart.pdf"
    charts = bar_charts(["TH 1", "TH 2"], [-10.0, 4.0], FRAME_WIDTH, top=6,
                        value_text=lambda v: f"{v:g} phút", axis_title="Thời gian (phút)")
    ReportDocument(path, sample_snapshot().info, "t").build(charts)
    text = Pdf(path).text
    assert "0 phút" in text and "4 phút" in text and "-10" not in text


# ------------------------------------------------------------------ scoring sheets flow


def _sheets(pdf: Pdf) -> list[list[str]]:
    """Each sheet's pages."""
    starts = [n for n, page in enumerate(pdf.pages) if "PHIẾU CHẤM ĐIỂM" in page]
    return [pdf.pages[a:b] for a, b in zip(starts, [*starts[1:], len(pdf.pages)], strict=True)]


def _lowest_text(path) -> list[float]:
    """Each page's lowest line of text above the footer, in points from the top of the page."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [max(float(y) for y in re.findall(r'yMax="([\d.]+)"', page)
                if float(y) < PAGE_HEIGHT - MARGIN_BOTTOM)
            for page in html.split("<page")[1:]]


LONG_COMMENT = ("Nắm tình hình chưa kịp thời, báo cáo cấp trên còn chậm so với yêu cầu; cần phối "
                "hợp chặt chẽ hơn với lực lượng công an và quân sự phường trong xử trí tình huống.")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
def test_a_sheet_with_long_comments_flows_and_signs_under_them(demo_file, tmp_path):
    from dientap_desktop.storage.exercise_file import ExerciseFile

    with ExerciseFile.open(demo_file, readonly=True) as exercise:
        demo = exercise.snapshot()
    # every observer wrote a long comment on every criterion of every post
    snapshot = replace(demo, scores=tuple(replace(s, comment=LONG_COMMENT) for s in demo.scores))
    path = export_reports(snapshot, tmp_path, ["scoring"])[0]
    pdf = Pdf(path)
    lowest = _lowest_text(path)
    sheets = _sheets(pdf)
    assert len(sheets) == len(demo.scenario.posts)
    page = 0
    for sheet, post in zip(sheets, demo.scenario.posts, strict=True):
        assert len(sheet) >= 2, post.id
        first, last = sheet[0], sheet[-1]
        # the total and the rating stay under the table, the comments start there
        assert "Cộng" in first and "Tổng điểm quy đổi" in first and "Nhận xét của" in first
        assert all("NGƯỜI ĐÁNH GIÁ" not in p for p in sheet[:-1])
        assert "NGƯỜI ĐÁNH GIÁ" in last and LONG_COMMENT[-30:] in last  # the end comes along
        for full in lowest[page:page + len(sheet) - 1]:  # no page left largely empty
            assert full > MARGIN_TOP + 0.85 * FRAME_HEIGHT, post.id
        page += len(sheet)


def _criteria_over_a_page(count: int) -> ExerciseSnapshot:
    """The sample's complete exercise, its first post alone with `count` criteria (its own,
    repeated, each text numbered "Mục N:"), every one scored, no comment."""
    sample = sample_snapshot(complete=True)
    post = sample.scenario.posts[0]
    own = sample.scenario.criteria_for(post.id)
    criteria = tuple(replace(own[n % len(own)], id=f"c{n}", posts=(post.id,),
                             text=f"Mục {n + 1}: {own[n % len(own)].text}")
                     for n in range(count))
    scores = tuple(replace(s, criterion_id=f"c{n}", comment="")
                   for n in range(count) for s in sample.scores
                   if s.post_id == post.id and s.criterion_id == own[n % len(own)].id)
    scenario = replace(sample.scenario, posts=(post,), criteria=criteria)
    return replace(sample, scenario=scenario, scores=scores)


def _first_over_a_page(key: str, tmp_path) -> tuple[int, list[str]]:
    """The fewest criteria whose sheet no longer fits one page, and its pages."""
    for count in range(3, 30):
        path = export_reports(_criteria_over_a_page(count), tmp_path / str(count), [key])[0]
        pages = Pdf(path).sheet_pages
        if len(pages) > 1:
            return count, pages
    raise AssertionError("no sheet went over a page")


def _criteria_on(page: str) -> list[int]:
    """The numbers of the criteria ("Mục N:") on a page."""
    return [int(n) for n in re.findall(r"Mục (\d+):", page)]


@pytest.mark.parametrize("key", ["scoring", "blank"])
def test_the_result_and_signatures_take_the_tables_last_rows_over(key, tmp_path):
    # the table fits the page, what is under it does not
    count, pages = _first_over_a_page(key, tmp_path)
    assert len(pages) == 2
    first, second = pages
    assert "Tổng điểm quy đổi" in second and "NGƯỜI ĐÁNH GIÁ" in second and "Cộng" in second
    assert "Tổng điểm quy đổi" not in first and "NGƯỜI ĐÁNH GIÁ" not in first
    # the last two criteria go over with the sums: the signatures never under the sums alone
    assert _criteria_on(first) == list(range(1, count - 1))
    assert _criteria_on(second) == [count - 1, count]
