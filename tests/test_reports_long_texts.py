"""Every document is written whole when every text in it is far longer than a page: scenario
titles and criteria, the exercise's names, decisions, observers' names, comments and notes."""

import pytest
from pypdf import PdfReader

from dientap_desktop.reports.export import REPORT_KEYS, export_reports
from tests.long_text_support import LongTexts, long_exercise, missing_tokens, tokens

VARIANTS = {"words": (5000, True), "one-word": (3000, False)}


@pytest.fixture(scope="module", params=list(VARIANTS))
def exercises(request, tmp_path_factory):
    """The exercise with short texts (what each document prints) and with long ones."""
    size, spaced = VARIANTS[request.param]
    folder = tmp_path_factory.mktemp(request.param)
    made = {}
    for name, length in (("short", 30), ("long", size)):
        texts = LongTexts(length, spaced)
        with long_exercise(folder / f"{name}.dientap", texts) as exercise:
            made[name] = (texts, exercise.snapshot())
    return folder, made


def page_texts(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.mark.parametrize("key", REPORT_KEYS)
def test_a_document_prints_every_long_text_whole(exercises, key):
    folder, made = exercises
    short_texts, short_snapshot = made["short"]
    (short_path,) = export_reports(short_snapshot, folder / "short", [key])
    pages = page_texts(short_path)
    printed = [tag for tag, value in short_texts.values.items()
               if len(missing_tokens(pages, value, tag, False)) < len(tokens(value, tag))]
    assert len(printed) >= 12  # the names, the posts, the criteria or the decisions

    long_texts, long_snapshot = made["long"]
    (path,) = export_reports(long_snapshot, folder / "long", [key])
    pages = page_texts(path)
    assert len(pages) > 10
    lost = {tag: missing_tokens(pages, long_texts.values[tag], tag) for tag in printed}
    assert {tag: found for tag, found in lost.items() if found} == {}


def test_the_response_time_chart_labels_its_bars_to_a_tenth_of_a_minute(tmp_path):
    from dientap_desktop.reports.document import tenths_of_minutes

    assert [tenths_of_minutes(v) for v in (0, 0.02, 0.4, 1.25, 3.0, 12.96)] == [
        "0", "< 0,1", "0,4", "1,3", "3,0", "13,0"]
    texts = LongTexts(20, True)
    with long_exercise(tmp_path / "x.dientap", texts) as exercise:  # answers after 0.4, 2.4
        snapshot = exercise.snapshot()  # and 3.25 minutes
    (path,) = export_reports(snapshot, tmp_path, ["aar"])
    text = " ".join(page_texts(path))
    chart = text[text.index("TH 2."):text.index("Biểu đồ 1.")].split()
    assert "1,4" in chart and "3,3" in chart  # the means; they read "1" and "3" before
    table = text[text.index("IV. THỜI GIAN"):text.index("TH 2.")]
    assert "1,4" in table.split() and "3,3" in table.split()  # the table's means, alike
