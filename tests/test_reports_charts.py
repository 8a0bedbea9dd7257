"""The charts and headings as a committee reads them on paper: no line or bar runs through any
text; a chart and its caption on one page (the next page when the rest of this one is too short),
for 3 posts as for 40 with long Vietnamese titles; a heading on the page of its table's first
rows. Read back from the PDFs' drawing and words."""

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import timedelta
from fractions import Fraction

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from dientap_desktop.domain.records import Decision, Delivery, Person, Score
from dientap_desktop.domain.scenario import Criterion, Inject, Post, Scenario
from dientap_desktop.reports.charts import bar_charts
from dientap_desktop.reports.document import FRAME_HEIGHT, FRAME_WIDTH
from dientap_desktop.reports.export import export_reports
from dientap_desktop.reports.sample import LONG_TITLE, sample_snapshot
from tests.test_reports_pdf import Pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="needs pdftotext (poppler-utils)")

TITLES = (  # long post titles, as a province's exercise names them
    "Phó Chủ tịch Ủy ban nhân dân xã kiêm Chỉ huy trưởng Ban Chỉ huy Quân sự xã",
    "Trưởng Công an xã, Phó Trưởng ban Chỉ đạo phòng, chống khủng bố",
    "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã",
    "Bí thư Đảng ủy xã",
    LONG_TITLE,
)


# ------------------------------------------------------------------ what the page draws


def _times(a: list[float], b: list[float]) -> list[float]:
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


Box = tuple[float, float, float, float]  # x0, top, x1, bottom: points from the page's top left
Segment = tuple[tuple[float, float], tuple[float, float]]


def drawn(path) -> list[tuple[list[Segment], list[Box]]]:
    """Each page's stroked lines (a stroked rectangle as its four sides) and its filled
    rectangles of a dark colour (bars; not a table's light shading behind its text)."""
    reader = PdfReader(path)
    pages = []
    for page in reader.pages:
        height = float(page.mediabox.height)
        ctm, fill, saved = [1.0, 0, 0, 1.0, 0, 0], (0.0, 0.0, 0.0), []
        segments: list[Segment] = []
        bars: list[Box] = []
        building: list[tuple[str, tuple, tuple]] = []
        here = (0.0, 0.0)

        def point(x, y, m, height=height):
            return m[0] * x + m[2] * y + m[4], height - (m[1] * x + m[3] * y + m[5])

        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            op = operator.decode()
            values = [float(v) for v in operands] if op in ("cm", "rg", "g", "m", "l", "re") \
                else []
            if op == "q":
                saved.append((ctm, fill))
            elif op == "Q":
                ctm, fill = saved.pop()
            elif op == "cm":
                ctm = _times(values, ctm)
            elif op == "rg":
                fill = tuple(values)
            elif op == "g":
                fill = (values[0],) * 3
            elif op == "m":
                here = point(*values, ctm)
            elif op == "l":
                to = point(*values, ctm)
                building.append(("line", here, to))
                here = to
            elif op == "re":
                x, y, w, h = values
                building.append(("rect", point(x, y, ctm), point(x + w, y + h, ctm)))
            elif op in ("S", "s"):
                for kind, (x0, y0), (x1, y1) in building:
                    if kind == "line":
                        segments.append(((x0, y0), (x1, y1)))
                    else:
                        segments += [((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)),
                                     ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))]
                building = []
            elif op in ("f", "f*", "F", "B", "B*", "b", "b*"):
                if sum(fill) / 3 < 0.8:
                    bars += [(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
                             for kind, a, b in building if kind == "rect"]
                building = []
            elif op == "n":
                building = []
        pages.append((segments, bars))
    return pages


WORD = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<')


def words(path) -> list[list[tuple[Box, str]]]:
    """Each page's words with their boxes, as poppler reads them."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [[((float(a), float(b), float(c), float(d)), w) for a, b, c, d, w in WORD.findall(p)]
            for p in html.split("<page")[1:]]


def _crosses(segment: Segment, box: Box) -> bool:
    """Whether a line segment enters a box (Liang-Barsky)."""
    (x0, y0), (x1, y1) = segment
    low, high = 0.0, 1.0
    for p, q in ((x0 - x1, x0 - box[0]), (x1 - x0, box[2] - x0),
                 (y0 - y1, y0 - box[1]), (y1 - y0, box[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        low, high = (max(low, r), high) if p < 0 else (low, min(high, r))
        if low > high:
            return False
    return True


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def clashes(path) -> list[tuple[int, str, str]]:
    """Every word a line or a bar runs through, or another word covers: (page, what, word).
    A word's box is its glyphs' full height less half a point top and bottom (a table's rule
    may touch the accents' room, never the letters)."""
    found = []
    for number, ((segments, bars), page) in enumerate(zip(drawn(path), words(path),
                                                          strict=True), 1):
        boxes = [((x0, top + 0.5, x1, bottom - 0.5), w) for (x0, top, x1, bottom), w in page]
        for index, (box, word) in enumerate(boxes):
            found += [(number, "line", word) for s in segments if _crosses(s, box)]
            found += [(number, "bar", word) for bar in bars if _overlap(bar, box)]
            found += [(number, "word", f"{word} / {other}") for other_box, other
                      in boxes[index + 1:] if _overlap(box, other_box)]
    return found


# ------------------------------------------------------------------ exercises to print


def crowded(posts: int = 40, injects: int = 25):
    """The sample exercise with `posts` posts of long titles, all scored (some under every
    threshold, one exactly on each), and `injects` injects of long titles, each answered."""
    sample = sample_snapshot(complete=True)
    post_list = tuple(Post(f"cv-{n:02d}", f"{TITLES[n % len(TITLES)]} số {n}")
                      for n in range(1, posts + 1))
    ids = [p.id for p in post_list]
    inject_list = tuple(
        Inject(f"th-{n:02d}", "b1", f"Tình huống {n}: nhóm đối tượng có vũ khí chiếm giữ trụ sở "
               "Ủy ban nhân dân, bắt giữ con tin và đưa ra yêu sách", "…",
               (ids[n % posts], ids[(n + 1) % posts]), at=5 * n)
        for n in range(1, injects + 1))
    criteria = (Criterion("a", "Nắm tình hình, báo cáo kịp thời", Fraction(4)),
                Criterion("b", "Xử trí đúng quyết tâm, đúng thẩm quyền", Fraction(6)))
    scenario = Scenario("dong", "Kịch bản đông cương vị", "hostage_rescue", "xa_phuong",
                        post_list, sample.scenario.phases[:1], inject_list, criteria)
    start = sample.clock.started_at
    deliveries = tuple(Delivery(n, i.id, "delivered", start + timedelta(minutes=5 * n))
                       for n, i in enumerate(inject_list, 1))
    decisions = tuple(
        Decision(n * 10 + k, i.id, post, "bao_cao", "Báo cáo.",
                 start + timedelta(minutes=5 * n + 1 + (n * (k + 2)) % 4))
        for n, i in enumerate(inject_list, 1) for k, post in enumerate(i.targets))
    scores = []
    for n, post in enumerate(ids):
        total = Fraction([50, 65, 80, 100, 63, 79, 91, 45][n % 8], 10)  # on 10: both parts
        for name in sample.observers:
            scores += [Score(name, post, "a", total * 4 / 10), Score(name, post, "b",
                                                                      total * 6 / 10)]
    if posts > 3:
        scores = [s for s in scores if not (s.post_id == ids[2] and s.criterion_id == "b")]
    roster = {p: Person(p, f"Nguyễn Văn {n}") for n, p in enumerate(ids)}
    return replace(sample, scenario=scenario, deliveries=deliveries, decisions=decisions,
                   scores=tuple(scores), roster=roster, notes=(),
                   clock=replace(sample.clock, events=sample.clock.events[:1] + (
                       replace(sample.clock.events[-1], at=start + timedelta(hours=3)),)))


@pytest.fixture(scope="module")
def printed(tmp_path_factory, demo_file):
    """The summary and the after-action report of the demo, of 3 posts and of 40."""
    from dientap_desktop.storage.exercise_file import ExerciseFile

    with ExerciseFile.open(demo_file, readonly=True) as exercise:
        demo = exercise.snapshot()
    out = tmp_path_factory.mktemp("charts")
    made = {}
    for name, snapshot in (("demo", demo), ("three", crowded(3, 4)), ("forty", crowded()),
                           ("many-injects", crowded(5, 45))):
        paths = export_reports(snapshot, out / name, ["summary", "aar"])
        made[name] = {"snapshot": snapshot, **{p.stem: p for p in paths}}
    return made


CASES = [(name, key) for name in ("demo", "three", "forty", "many-injects")
         for key in ("summary", "aar")]


# ------------------------------------------------------------------ nothing crosses text


@pytest.mark.parametrize(("name", "key"), CASES)
def test_no_line_or_bar_crosses_any_text(printed, name, key):
    assert clashes(printed[name][key]) == []


def test_the_check_sees_a_reference_line_through_a_bars_value(tmp_path):
    # the layout the committee sent back: the value written at the bar's end, where the 6,5
    # threshold passed through "6,00"
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "crossed.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica", 9)
    canvas.drawString(300, 400, "6,00")
    canvas.line(308, 390, 308, 420)
    canvas.save()
    assert clashes(path) == [(1, "line", "6,00")]


def test_the_thresholds_are_named_over_the_chart_each_clear_of_the_others(printed):
    pdf = Pdf(printed["demo"]["summary"])
    assert "Đạt yêu cầu 5" in pdf and "Khá 6,5" in pdf and "Giỏi 8" in pdf


# ------------------------------------------------------------------ a chart on one page


def _chart_pages(pdf: Pdf, caption: str, label: str) -> dict[int, list[int]]:
    """Each page that shows a part of a chart: the numbers of the bars' labels on it."""
    found = {}
    for n, page in enumerate(pdf.pages):
        if caption in page:
            found[n] = [int(m) for m in re.findall(label, page)]
    return found


@pytest.mark.parametrize("name", ["demo", "three", "forty", "many-injects"])
def test_the_aar_chart_stays_with_its_caption_on_one_page(printed, name):
    pdf = Pdf(printed[name]["aar"])
    assert "(tiếp theo) (tiếp theo)" not in pdf.text
    first = [n for n, page in enumerate(pdf.pages) if "Biểu đồ 1. Thời gian xử trí" in page]
    assert len(first) == 1
    parts = _chart_pages(pdf, "Biểu đồ 1", r"TH (\d+)[.\s]")
    table_end = max(n for n, page in enumerate(pdf.pages) if "Chậm nhất" in page)
    # after the table, on its last page or the next; then on the pages after, none skipped
    assert min(parts) == first[0] in (table_end, table_end + 1)
    assert sorted(parts) == list(range(min(parts), min(parts) + len(parts)))
    if name in ("demo", "three"):  # a chart a page can hold is on one page, whole
        assert len(parts) == 1
    # each inject's bar once, in order, on the page of its part's caption
    delivered = len(printed[name]["snapshot"].deliveries)
    assert [number for n in sorted(parts) for number in parts[n]] == list(range(1,
                                                                                 delivered + 1))


LABEL_NUMBER = re.compile(r"(?<![\d,])(\d{1,2})\. (?=[A-ZĐÂÊÔƠƯ])")  # "12. Bí thư ..."


def test_the_summary_chart_of_forty_posts_comes_in_whole_parts(printed):
    pdf = Pdf(printed["forty"]["summary"])
    heading = "2. Biểu đồ điểm các cương vị"
    starts = [n for n, page in enumerate(pdf.pages) if heading in page]
    assert len(starts) == 1
    following = [n for n, page in enumerate(pdf.pages)
                 if "Biểu đồ điểm các cương vị (tiếp theo)" in page]
    assert following == list(range(starts[0] + 1, starts[0] + 1 + len(following)))
    # every post's bar once, in order, on the pages of the chart: its number before its title
    seen = [[int(m) for m in LABEL_NUMBER.findall(
        pdf.pages[n].replace(heading, "").replace("3. Các tiêu chí có chênh lệch", ""))]
        for n in [starts[0], *following]]
    assert [number for part in seen for number in part] == list(range(1, 41))
    # the parts even: no part of a few bars left over at the end
    assert min(map(len, seen)) >= max(map(len, seen)) / 2


def test_a_chart_that_fits_a_page_is_never_split():
    labels = [f"TH {n}" for n in range(1, 11)]
    (chart,) = bar_charts(labels, [float(n) for n in range(1, 11)], FRAME_WIDTH, top=12,
                          value_text=str, axis_title="phút", caption="Biểu đồ 1. Thời gian")
    _, height = chart.wrap(FRAME_WIDTH, FRAME_HEIGHT)
    for share in (0.2, 0.6, 0.99):
        assert chart.split(FRAME_WIDTH, height * share) == []  # the whole chart moves


def test_a_long_chart_comes_in_parts_that_each_fit_a_page_under_a_heading():
    labels = [f"{TITLES[n % 5]} số {n}" for n in range(1, 61)]
    charts = bar_charts(labels, [float(n % 9) for n in range(60)], FRAME_WIDTH, top=10,
                        value_text=str, axis_title="Điểm", caption="Biểu đồ 2. Điểm",
                        marks=[(5, "Đạt yêu cầu 5"), (6.5, "Khá 6,5"), (8, "Giỏi 8")])
    assert len(charts) > 1
    assert [c.caption for c in charts] == ["Biểu đồ 2. Điểm"] + ["Biểu đồ 2 (tiếp theo)"] * (
        len(charts) - 1)
    assert sum(len(c.values) for c in charts) == 60
    heights = [chart.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] for chart in charts]
    assert max(heights) <= FRAME_HEIGHT - 30  # with a heading over it
    assert min(heights) >= max(heights) * 0.8  # as even as the bars allow


# ------------------------------------------------------------------ headings with their tables


@pytest.mark.parametrize("name", ["demo", "three", "forty", "many-injects"])
def test_a_heading_starts_on_the_page_of_its_tables_first_rows(printed, name):
    summary, aar = Pdf(printed[name]["summary"]), Pdf(printed[name]["aar"])
    first_post = printed[name]["snapshot"].scenario.posts[0].title
    page = next(n for n, text in enumerate(summary.pages) if "1. Điểm và xếp loại" in text)
    assert first_post in summary.pages[page]
    if name == "forty":  # a long table starts under the exercise's lines, not on a new page
        assert page == 0
    page = next(n for n, text in enumerate(aar.pages) if "IV. THỜI GIAN XỬ TRÍ" in text)
    assert "Thời gian xử trí (phút) tính từ khi phát" in aar.pages[page]
    assert "Chậm nhất 1 " in aar.pages[page]  # the header and the first inject's row
