"""Scores from paper come in by CSV: random and mutated files never crash and never half-write."""

import shutil
import tempfile
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kit_support import content_digest, kit_scenario, make_exercise

from dientap_desktop.cli import main
from dientap_desktop.domain.score_csv import CsvError, format_score, read_scores_csv
from dientap_desktop.storage.exercise_file import ExerciseFile
from dientap_desktop.storage.kit import KitFile, make_kit

SCENARIO = kit_scenario()
OBSERVER = "Nguyễn Thị Hòa"
PAIRS = [(p.id, c.id, c.max) for p in SCENARIO.posts for c in SCENARIO.criteria_for(p.id)]
SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def originals(tmp_path_factory):
    folder = tmp_path_factory.mktemp("csv")
    with make_exercise(folder / "ex.dientap") as ex:
        kit = make_kit(ex, OBSERVER, folder / "kit.dtkit")
        ex.set_score("Người cũ", "cong-an", "vay-bat", 1)
    return {"exercise": folder / "ex.dientap", "kit": kit}


@contextmanager
def _copy_with_csv(originals, target: str, data: bytes):
    """A fresh copy of the exercise or the kit, and a CSV file beside it; both removed after."""
    folder = Path(tempfile.mkdtemp(prefix="dientap-csv-"))
    try:
        path = folder / originals[target].name
        shutil.copy(originals[target], path)
        csv = folder / "scores.csv"
        csv.write_bytes(data)
        yield path, csv
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _import(originals, target: str, data: bytes, capsys):
    """Import into a fresh copy of the exercise or the kit: exit code, stderr, before, after."""
    with _copy_with_csv(originals, target, data) as (path, csv):
        before = content_digest(path)
        code = main(["import-scores", str(path), str(csv)])
        err = capsys.readouterr().err
        return code, err, before, content_digest(path), path


@st.composite
def good_rows(draw):
    """Valid rows by the kit's observer: each (post, criterion) at most once, any decimal mark."""
    chosen = draw(st.lists(st.sampled_from(PAIRS), unique=True, min_size=1, max_size=len(PAIRS)))
    rows = []
    for post, criterion, top in chosen:
        quarters = draw(st.integers(0, int(top * 4)))
        value = Fraction(quarters, 4)
        text = format_score(value)
        if draw(st.booleans()):
            text = '"' + text.replace(".", ",") + '"'
        comment = draw(st.text(alphabet="abc đạt,\"", max_size=8))
        comment = '"' + comment.replace('"', '""') + '"'
        rows.append(((post, criterion, value), f"{OBSERVER},{post},{criterion},{text},{comment}"))
    return rows


def _csv(lines, bom=False, newline="\n"):
    text = newline.join(["observer,post,criterion,score,comment", *lines]) + newline
    return (("\ufeff" if bom else "") + text).encode()


@SETTINGS
@given(rows=good_rows(), bom=st.booleans(), newline=st.sampled_from(["\n", "\r\n"]),
       target=st.sampled_from(["exercise", "kit"]))
def test_valid_csv_imports_every_row_and_twice_changes_nothing(originals, capsys, rows, bom,
                                                                newline, target):
    data = _csv([line for _, line in rows], bom, newline)
    with _copy_with_csv(originals, target, data) as (path, csv):
        assert main(["import-scores", str(path), str(csv)]) == 0
        after_first = content_digest(path)
        assert main(["import-scores", str(path), str(csv)]) == 0
        assert content_digest(path) == after_first
        opener = KitFile.open if target == "kit" else ExerciseFile.open
        with opener(path) as file:
            got = {(s.post_id, s.criterion_id): s.value for s in file.scores()
                   if s.observer == OBSERVER}
        assert got == {(p, c): v for (p, c, v), _ in rows}
    capsys.readouterr()


MUTATIONS = st.sampled_from(["drop", "duplicate", "insert", "replace", "swap"])


@st.composite
def mutated_csv(draw):
    """A valid CSV with a few bytes dropped, doubled, inserted, replaced or swapped."""
    data = bytearray(_csv([line for _, line in draw(good_rows())], draw(st.booleans())))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(MUTATIONS)
        byte = draw(st.sampled_from(list(b',"\n\r;.-9x\x00\xff\xc3') + [draw(st.integers(0, 255))]))
        if kind == "drop":
            del data[at]
        elif kind == "duplicate":
            data.insert(at, data[at])
        elif kind == "insert":
            data.insert(at, byte)
        elif kind == "replace":
            data[at] = byte
        elif at + 1 < len(data):
            data[at], data[at + 1] = data[at + 1], data[at]
    return bytes(data)


def _never_crash_and_refusal_changes_nothing(originals, capsys, data, target):
    code, err, before, after, path = _import(originals, target, data, capsys)
    assert code in (0, 1)
    assert "Traceback" not in err and "unexpected error" not in err
    if code == 1:
        assert err.strip() and after == before
        assert all(line.startswith(str(path.parent)) for line in err.splitlines()), err


@SETTINGS
@given(data=mutated_csv(), target=st.sampled_from(["exercise", "kit"]))
def test_mutated_csv_never_crashes_nor_half_writes(originals, capsys, data, target):
    _never_crash_and_refusal_changes_nothing(originals, capsys, data, target)


@SETTINGS
@given(data=st.one_of(st.binary(max_size=300),
                      st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))),
       target=st.sampled_from(["exercise", "kit"]))
def test_random_bytes_never_crash_nor_write(originals, capsys, data, target):
    _never_crash_and_refusal_changes_nothing(originals, capsys, data, target)


@settings(max_examples=200, deadline=None)
@given(data=st.one_of(st.binary(max_size=200), mutated_csv()))
def test_reader_raises_only_csv_error(data):
    try:
        rows = read_scores_csv(data, "x.csv", SCENARIO)
    except CsvError as error:
        assert error.problems and all(p.startswith("x.csv") for p in error.problems)
    else:
        for row in rows:
            top = SCENARIO.criterion(row.criterion_id).max
            assert 0 <= row.value <= top


def test_kit_refuses_other_observers_and_other_posts(originals, capsys, tmp_path):
    with ExerciseFile.open(originals["exercise"]) as ex:
        kit = make_kit(ex, OBSERVER, tmp_path / "k.dtkit", ["cong-an"])
    csv = tmp_path / "paper.csv"
    csv.write_bytes(_csv([
        f"{OBSERVER},cong-an,vay-bat,4,",
        "Người khác,cong-an,xu-tri,1,",
        f"{OBSERVER},bi-thu,xu-tri,1,",
        f"{OBSERVER},cong-an,xu-tri,3.6,",
    ]))
    before = content_digest(kit)
    assert main(["import-scores", str(kit), str(csv)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f'{csv}:3: observer "Người khác" is not this kit\'s observer "{OBSERVER}"'
    assert err[1].startswith(f'{csv}:4: unknown post "bi-thu"')
    assert err[2] == f'{csv}:5: score 3.6 is over the maximum 3.5 of criterion "xu-tri"'
    assert len(err) == 3 and content_digest(kit) == before


# ---------------------------------------------------------------- Excel in Vietnamese: ";"

def _semicolon(rows):
    """The rows as Excel writes them with Vietnamese regional settings: ";" between fields, a
    decimal comma, quotes only where a field holds ";" or a quote."""
    lines = ["observer;post;criterion;score;comment"]
    for (post, criterion, value), _line in rows:
        text = format_score(value).replace(".", ",")
        lines.append(f"{OBSERVER};{post};{criterion};{text};Tốt, kịp thời")
    return "\r\n".join(lines) + "\r\n"


@SETTINGS
@given(rows=good_rows(), bom=st.booleans())
def test_a_semicolon_csv_reads_as_the_same_comma_csv(rows, bom):
    by_semicolon = read_scores_csv((("\ufeff" if bom else "") + _semicolon(rows)).encode(),
                                   "x.csv", SCENARIO)
    assert [(r.post_id, r.criterion_id, r.value) for r in by_semicolon] == [
        key for key, _line in rows]
    assert {r.comment for r in by_semicolon} == {"Tốt, kịp thời"}  # its comma is no separator


@pytest.mark.parametrize("target", ["exercise", "kit"])
def test_excel_in_vietnamese_imports_with_its_decimal_comma(originals, capsys, target):
    data = ("\ufeffobserver;post;criterion;score\r\n"
            f"{OBSERVER};cong-an;vay-bat;4,5\r\n"
            f'{OBSERVER};cong-an;xu-tri;"1,5"\r\n'
            f"{OBSERVER};bi-thu;xu-tri;2.5\r\n").encode()
    with _copy_with_csv(originals, target, data) as (path, csv):
        assert main(["import-scores", str(path), str(csv)]) == 0
        opener = KitFile.open if target == "kit" else ExerciseFile.open
        with opener(path) as file:
            got = {(s.post_id, s.criterion_id): s.value for s in file.scores()
                   if s.observer == OBSERVER}
    assert got == {("cong-an", "vay-bat"): Fraction(9, 2), ("cong-an", "xu-tri"): Fraction(3, 2),
                   ("bi-thu", "xu-tri"): Fraction(5, 2)}
    assert "3 scores read" in capsys.readouterr().out


@pytest.mark.parametrize("text, problem", [
    # the comma's rules hold as they were: a decimal comma needs its quotes, as the line says
    ("observer,post,criterion,score,comment\nA,cong-an,vay-bat,1,5,\n",
     'x.csv:2: the score "1,5" has its decimal comma outside quotes, which splits it into two '
     'columns: write "1,5" in quotes, or 1.5'),
    ("observer,post,criterion,score\nA,cong-an,vay-bat,2,25\n",
     'x.csv:2: the score "2,25" has its decimal comma outside quotes, which splits it into '
     'two columns: write "2,25" in quotes, or 2.25'),
    ("observer,post,criterion,score,comment\nA,cong-an,vay-bat,1,5\n",  # not 1 with "5"
     'x.csv:2: the score "1,5" has its decimal comma outside quotes, which splits it into two '
     'columns: write "1,5" in quotes, or 1.5'),
    ("observer,post,criterion,score,comment\nA,cong-an,vay-bat,1,5,6,\n",
     "x.csv:2: the header has 5 columns and this line 7"),
    ("observer,post,criterion,score,comment\nA,cong-an\n",
     "x.csv:2: the header has 5 columns and this line 2"),
    # rows pasted from a file saved with other settings: the separators are named
    ("observer,post,criterion,score,comment\nA;cong-an;vay-bat;1;\n",
     "x.csv:2: this line separates its columns with semicolons and the header with commas: use "
     "the same in every line"),
    ("observer;post;criterion;score;comment\nA,cong-an,vay-bat,1,\n",
     "x.csv:2: this line separates its columns with commas and the header with semicolons: use "
     "the same in every line"),
    # another separator is named
    ("observer\tpost\tcriterion\tscore\tcomment\nA\tcong-an\tvay-bat\t1\t\n",
     'x.csv:1: the header is separated by tabs: separate '
     '"observer,post,criterion,score,comment" by commas (or semicolons)'),
    ('"observer"\t"post"\t"criterion"\t"score"\n',
     'x.csv:1: the header is separated by tabs: separate '
     '"observer,post,criterion,score,comment" by commas (or semicolons)'),
    ("Observer | Post | Criterion | Score | Comment\n",
     'x.csv:1: the header is separated by "|": separate '
     '"observer,post,criterion,score,comment" by commas (or semicolons)'),
    # anything else, as before; a semicolon file is shown its names with semicolons
    ("nguoi,cuong-vi,tieu-chi,diem\n",
     "x.csv:1: the header must be observer,post,criterion,score,comment (comment may be left out)"),
    ("", "x.csv:1: the header must be observer,post,criterion,score,comment (comment may be left "
         "out)"),
    ("observer,post,criterion,score,comment,extra\n",
     "x.csv:1: the header must be observer,post,criterion,score,comment (comment may be left out)"),
    ("observer;post;criterion;diem\n",
     "x.csv:1: the header must be observer;post;criterion;score;comment (comment may be left out)"),
    ("observer;post;criterion;score;comment;\n",
     "x.csv:1: the header must be observer;post;criterion;score;comment (comment may be left out)"),
])
def test_what_is_refused_and_how_it_is_told(text, problem):
    with pytest.raises(CsvError) as raised:
        read_scores_csv(text.encode(), "x.csv", SCENARIO)
    assert raised.value.problems[0] == problem


def test_a_byte_that_is_not_utf8_is_told_with_its_line():
    data = "observer,post,criterion,score\nNguyễn A,bi-thu,nam-tinh-hinh,1\n".encode()
    data += b"Tr\xe2n B,bi-thu,nam-tinh-hinh,1\n"  # saved in a one-byte code page
    with pytest.raises(CsvError) as raised:
        read_scores_csv(data, "x.csv", SCENARIO)
    assert raised.value.problems[0].startswith("x.csv:3: not UTF-8 text (byte ")
    with pytest.raises(CsvError) as raised:  # saved with a BOM, as Excel does: the same place
        read_scores_csv(b"\xef\xbb\xbf" + data, "x.csv", SCENARIO)
    bad = len(b"\xef\xbb\xbf" + data) - len(b"\xe2n B,bi-thu,nam-tinh-hinh,1\n") + 1
    assert raised.value.problems[0] == \
        f'x.csv:3: not UTF-8 text (byte {bad}): in Excel, save it as "CSV UTF-8"'


def test_a_control_character_in_a_value_stays_on_the_problem_s_line():
    text = "observer,post,criterion,score\nNguyễn A,bi-thu,nam\x0btinh,1\n"
    with pytest.raises(CsvError) as raised:
        read_scores_csv(text.encode(), "x.csv", SCENARIO)
    [problem] = raised.value.problems
    assert problem == 'x.csv:2: unknown criterion "nam\\x0btinh"'
    assert len(problem.splitlines()) == 1


# ---------------------------------------------------------------- a template to type paper in

def test_the_template_is_read_back_and_comes_in_once_filled(originals, capsys, tmp_path):
    from dientap_desktop.domain.score_csv import score_template

    with ExerciseFile.open(originals["exercise"]) as ex:
        kit = make_kit(ex, OBSERVER, tmp_path / "k.dtkit", ["cong-an", "bi-thu"])
    with KitFile.open(kit, readonly=True) as opened:
        data = score_template(opened.scenario, opened.observer)
        expected = [(p.id, c.id) for p in opened.scenario.posts
                    for c in opened.scenario.criteria_for(p.id)]
    assert [p for p, _ in expected] == ["bi-thu", "bi-thu", "cong-an", "cong-an", "cong-an"]
    text = data.decode("utf-8-sig")
    assert text.splitlines()[1:] == [f"{OBSERVER},{p},{c},," for p, c in expected]
    with pytest.raises(CsvError) as unfilled:  # read as written: every row waits for its score
        read_scores_csv(data, "mau.csv", SCENARIO, observer=OBSERVER)
    assert [p.split(": ", 1)[1] for p in unfilled.value.problems] == [
        "the score is empty: type it, or delete the line"] * len(expected)
    csv = tmp_path / "mau.csv"
    csv.write_text(text.replace(",,\r\n", ",1,đạt\r\n"), encoding="utf-8-sig")
    assert main(["import-scores", str(kit), str(csv)]) == 0
    with KitFile.open(kit, readonly=True) as opened:
        assert sorted((s.post_id, s.criterion_id, s.value, s.comment) for s in opened.scores()) \
            == sorted((p, c, 1, "đạt") for p, c in expected)
    # saved again by Excel in Vietnamese: ";" and decimal commas
    csv.write_text(text.replace(",", ";").replace(";;\r\n", ";0,5;\r\n"), encoding="utf-8-sig")
    assert main(["import-scores", str(kit), str(csv)]) == 0
    assert f"{len(expected)} replaced" in capsys.readouterr().out


def test_a_template_filled_in_part_is_strict_on_the_command_line_and_read_by_the_window(
        originals, capsys, tmp_path):
    """The window leaves out the rows a template kept without a score (posts not scored); the
    command line refuses them (cli.md), and both refuse a bad score with its line."""
    from dientap_desktop.domain.score_csv import score_template

    with ExerciseFile.open(originals["exercise"]) as ex:
        kit = make_kit(ex, OBSERVER, tmp_path / "k.dtkit", ["cong-an", "bi-thu"])
    with KitFile.open(kit, readonly=True) as opened:
        lines = score_template(opened.scenario, opened.observer).decode("utf-8-sig").split(
            "\r\n")
    assert [line.split(",")[1] for line in lines[1:6]] == ["bi-thu"] * 2 + ["cong-an"] * 3
    lines[1] = lines[1][:-1] + '"1,5",'  # the first post, scored on paper
    lines[2] = lines[2][:-1] + "1,đạt"
    partial = "\r\n".join(lines).encode("utf-8-sig")
    with pytest.raises(CsvError) as strict:
        read_scores_csv(partial, "mau.csv", SCENARIO, observer=OBSERVER)
    assert [p.split(": ", 1)[0] for p in strict.value.problems] == [
        "mau.csv:4", "mau.csv:5", "mau.csv:6"]
    unscored: list[int] = []
    rows = read_scores_csv(partial, "mau.csv", SCENARIO, observer=OBSERVER, unscored=unscored)
    assert [(r.line, r.post_id, r.value, r.comment) for r in rows] == [
        (2, "bi-thu", Fraction(3, 2), ""), (3, "bi-thu", 1, "đạt")]
    assert unscored == [4, 5, 6]
    # a comment without its score, or a bad score, is still a bad row, with its line
    lines[4] = lines[4][:-1] + ",chậm"
    lines[5] = lines[5][:-1] + "9,"
    with pytest.raises(CsvError) as bad:
        read_scores_csv("\r\n".join(lines).encode(), "mau.csv", SCENARIO, observer=OBSERVER,
                        unscored=[])
    assert bad.value.problems == [
        "mau.csv:5: the score is empty: type it, or delete the line",
        'mau.csv:6: score 9 is over the maximum 4.5 of criterion "vay-bat"']
    # the command line: refused whole, nothing written
    csv = tmp_path / "mau.csv"
    csv.write_bytes(partial)
    before = content_digest(kit)
    assert main(["import-scores", str(kit), str(csv)]) == 1
    assert "mau.csv:4: the score is empty: type it, or delete the line" in \
        capsys.readouterr().err
    assert content_digest(kit) == before


@pytest.mark.parametrize("name, like", [
    ("Le Van Tam", "Lê Văn Tám"), ("lê  văn tám", "Lê Văn Tám"), ("Lê Văn Tâm", "Lê Văn Tám"),
    ("Lê Văn Tá", "Lê Văn Tám"), ("Nguyễn Thị Hoa", None), ("Lê Văn Tám", None), ("", None),
    # the same man with his rank, or known by it: "Thượng tá Lê Văn Tám" is "Lê Văn Tám"
    ("Thượng tá Lê Văn Tám", "Lê Văn Tám"), ("Đ/c Trần Văn Hùng", "Trần Văn Hùng"),
    ("Đại úy Lê Văn Tâm", "Lê Văn Tám"), ("Thượng tá", None)])
def test_a_name_is_told_when_it_looks_like_a_known_observer(name, like):
    from dientap_desktop.domain.text import look_alike

    assert look_alike(name, ["Lê Văn Tám", "Trần Văn Hùng"]) == like


@pytest.mark.parametrize("name, like", [
    ("Đại tá Lê Văn Hùnh", "Đại tá Lê Văn Hùng"), ("Đại tá Lê Văn Hưg", "Đại tá Lê Văn Hưng"),
    ("Dai ta Le Van Hung", None),  # as near to both: neither is named
    ("Lê Văn Hùng", "Đại tá Lê Văn Hùng"), ("Trung tá Lê Văn Hưng", "Đại tá Lê Văn Hưng")])
def test_of_two_names_that_differ_by_a_diacritic_the_nearer_is_named(name, like):
    from dientap_desktop.domain.text import look_alike

    assert look_alike(name, ["Đại tá Lê Văn Hùng", "Đại tá Lê Văn Hưng"]) == like


# ---------------------------------------------------------------- quotes typed by hand

HEADER_LINE = "observer,post,criterion,score,comment"


@pytest.mark.parametrize("lines, problems", [
    # a quote that ends its cell before the cell's end: told on its line, the rest read on
    ([f'{OBSERVER},cong-an,vay-bat,"2"x,', f"{OBSERVER},cong-an,xu-tri,1,",
      f"{OBSERVER},bi-thu,xu-tri,9,"],
     ['x.csv:2: a quote (") is misplaced in the score cell («"2"x»): quotes go around a whole '
      'cell, as in "2,5", and a quote inside a cell is typed twice ("")',
      'x.csv:4: score 9 is over the maximum 3.5 of criterion "xu-tri"']),
    ([f'{OBSERVER},cong-an,vay-bat,2,"Tốt "lắm" nhé"', f"{OBSERVER},bi-thu,xu-tri,9,"],
     ['x.csv:2: a quote (") is misplaced in the comment cell («"Tốt "lắm" nhé"»): quotes go '
      'around a whole cell, as in "Tốt, kịp thời", and a quote inside a cell is typed twice '
      '("")',
      'x.csv:3: score 9 is over the maximum 3.5 of criterion "xu-tri"']),
    # a quote left open, closed by a quote of a row further down: the rows between are rows
    ([f'{OBSERVER},cong-an,vay-bat,2,"chưa đóng', f"{OBSERVER},cong-an,xu-tri,1,",
      f'{OBSERVER},bi-thu,xu-tri,1,"đạt"', f"{OBSERVER},bi-thu,nam-tinh-hinh,9,"],
     ['x.csv:2: a quote (") opens the comment cell and is not closed on this line, so lines 2 '
      'to 4 were read as that one cell: close it at the end of the cell, as in "Tốt, kịp thời"',
      'x.csv:5: score 9 is over the maximum 2 of criterion "nam-tinh-hinh"']),
    # ... or by a quote left open at the end of a row further down, which reads well
    ([f'{OBSERVER},cong-an,vay-bat,2,"chưa đóng', f"{OBSERVER},cong-an,xu-tri,1,",
      f'{OBSERVER},bi-thu,xu-tri,1,"', f"{OBSERVER},bi-thu,nam-tinh-hinh,9,"],
     ['x.csv:2: a quote (") opens the comment cell and is not closed on this line, so lines 2 '
      'to 4 were read as that one cell: close it at the end of the cell, as in "Tốt, kịp thời"',
      'x.csv:4: a quote (") opens the comment cell and is never closed, so the rest of the '
      'file, lines 4 to 5, was read as that one cell: close it at the end of the cell, as in '
      '"Tốt, kịp thời"',
      'x.csv:5: score 9 is over the maximum 2 of criterion "nam-tinh-hinh"']),
    # ... or by none: the rest of the file was that cell, and its rows are still checked
    ([f'{OBSERVER},cong-an,vay-bat,2,"chưa đóng', f"{OBSERVER},cong-an,xu-tri,1,",
      f"{OBSERVER},bi-thu,xu-tri,9,"],
     ['x.csv:2: a quote (") opens the comment cell and is never closed, so the rest of the '
      'file, lines 2 to 4, was read as that one cell: close it at the end of the cell, as in '
      '"Tốt, kịp thời"',
      'x.csv:4: score 9 is over the maximum 3.5 of criterion "xu-tri"']),
    ([f"{OBSERVER},bi-thu,xu-tri,9,", f'{OBSERVER},cong-an,xu-tri,"1,5'],
     ['x.csv:2: score 9 is over the maximum 3.5 of criterion "xu-tri"',
      'x.csv:3: a quote (") opens the score cell and is never closed: close it at the end of '
      'the cell, as in "2,5"']),
    # a comment written over two lines, in quotes, is one cell: the lines after it keep their
    # numbers, and a quote misplaced on its second line is told there
    ([f'{OBSERVER},cong-an,vay-bat,2,"Dòng một', 'dòng hai"', f"{OBSERVER},bi-thu,xu-tri,9,"],
     ['x.csv:4: score 9 is over the maximum 3.5 of criterion "xu-tri"']),
    ([f'{OBSERVER},cong-an,vay-bat,2,"Dòng một', 'dòng "hai" nhé"',
      f"{OBSERVER},bi-thu,xu-tri,9,"],
     ['x.csv:3: a quote (") is misplaced in the comment cell («dòng "hai" nhé"»): quotes go '
      'around a whole cell, as in "Tốt, kịp thời", and a quote inside a cell is typed twice '
      '("")',
      'x.csv:4: score 9 is over the maximum 3.5 of criterion "xu-tri"']),
    ([f'{OBSERVER},cong-an,vay-bat,2,"Dòng một', "dòng hai"],
     ['x.csv:2: a quote (") opens the comment cell and is never closed, so the rest of the '
      'file, lines 2 to 3, was read as that one cell: close it at the end of the cell, as in '
      '"Tốt, kịp thời"']),
    # a cell too long for the reader: told, and the next row read
    ([f'{OBSERVER},cong-an,vay-bat,2,"{"x" * 200_000}"', f"{OBSERVER},bi-thu,xu-tri,9,"],
     ["x.csv:2: a cell is longer than 131072 characters",
      'x.csv:3: score 9 is over the maximum 3.5 of criterion "xu-tri"']),
])
@pytest.mark.parametrize("separator", [",", ";"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_bad_quote_is_told_on_its_line_and_the_rows_after_it_are_still_checked(
        lines, problems, separator, newline):
    text = newline.join([HEADER_LINE, *lines]) + newline
    if separator == ";":  # as Excel in Vietnamese writes it: the same cells, ";" between them
        text = text.replace(",", ";").replace(";kịp", ",kịp").replace('"2;5"', '"2,5"')
        problems = [p.replace(",", ";").replace(";kịp", ",kịp").replace(";5", ",5")
                    .replace("; ", ", ") for p in problems]
    with pytest.raises(CsvError) as raised:
        read_scores_csv(text.encode(), "x.csv", SCENARIO)
    assert raised.value.problems == problems


def test_a_cell_over_several_lines_comes_in_and_later_rows_keep_their_lines():
    text = "\r\n".join([
        HEADER_LINE,
        f'{OBSERVER},cong-an,vay-bat,2,"Tốt, kịp thời;',  # Alt+Enter in an Excel cell
        'chưa nêu ""phương án 2"""',
        f"{OBSERVER},cong-an,xu-tri,1,",
        '"Trung tá',  # a name over two lines, its rank above
        'Lê B",bi-thu,nam-tinh-hinh,1,',
        "Trung tá Lê B,bi-thu,xu-tri,9,",
    ]) + "\r\n"
    with pytest.raises(CsvError) as raised:
        read_scores_csv(text.encode(), "x.csv", SCENARIO)
    assert raised.value.problems == [
        'x.csv:7: score 9 is over the maximum 3.5 of criterion "xu-tri"']
    rows = read_scores_csv(text.replace(",9,", ",3,").encode(), "x.csv", SCENARIO)
    assert [(r.line, r.criterion_id, r.comment) for r in rows] == [
        (2, "vay-bat", 'Tốt, kịp thời;\r\nchưa nêu "phương án 2"'), (4, "xu-tri", ""),
        (5, "nam-tinh-hinh", ""), (7, "xu-tri", "")]
    assert rows[2].observer == rows[3].observer == "Trung tá Lê B"


def test_a_header_with_a_bad_quote_is_told_in_plain_words():
    with pytest.raises(CsvError) as raised:
        read_scores_csv(b'"observer"s,post,criterion,score\n', "x.csv", SCENARIO)
    assert raised.value.problems == [
        'x.csv:1: a quote (") is misplaced in cell 1 («"observer"s»): quotes go around a whole '
        'cell, as in "Tốt, kịp thời", and a quote inside a cell is typed twice ("")']


@pytest.mark.parametrize("target", ["exercise", "kit"])
def test_the_command_line_tells_a_bad_quote_and_a_bad_score_further_down(originals, capsys,
                                                                          target):
    """Line 3 has a misplaced quote, line 9 a score over the maximum: both are told, the file
    is refused whole, and nothing is written."""
    lines = [
        f"{OBSERVER},cong-an,vay-bat,1,",
        f'{OBSERVER},cong-an,xu-tri,"2"5,',
        f"{OBSERVER},bi-thu,xu-tri,1,",
        f"{OBSERVER},chu-tich,xu-tri,1,",
        f"{OBSERVER},chu-tich,nam-tinh-hinh,1,",
        f"{OBSERVER},cong-an,nam-tinh-hinh,1,",
        "",
        f"{OBSERVER},bi-thu,nam-tinh-hinh,9,",
    ]
    code, err, before, after, path = _import(originals, target, _csv(lines), capsys)
    assert code == 1 and after == before
    csv = path.parent / "scores.csv"
    assert err.splitlines() == [
        f'{csv}:3: a quote (") is misplaced in the score cell («"2"5»): quotes go around a whole '
        'cell, as in "2,5", and a quote inside a cell is typed twice ("")',
        f'{csv}:9: score 9 is over the maximum 2 of criterion "nam-tinh-hinh"',
    ]
    assert "expected" not in err and "Traceback" not in err


# ---------------------------------------------------------------- a CSV without comments

@pytest.mark.parametrize("target", ["exercise", "kit"])
def test_a_csv_without_the_comment_column_keeps_the_comments_already_given(originals, capsys,
                                                                           target):
    """Scores without the comment column keep each comment typed before (in the window, or by
    an earlier CSV); twice changes nothing; a new score keeps its old one in the history, with
    the comment. An empty comment cell (five columns) is typed: it takes the comment away."""
    opener = KitFile.open if target == "kit" else ExerciseFile.open
    with _copy_with_csv(originals, target, b"") as (path, csv):
        with opener(path) as file:
            if target == "kit":
                file.set_score("cong-an", "vay-bat", 2, "Bao vây chậm")
                file.set_score("cong-an", "xu-tri", 1, "Đúng nguyên tắc")
            else:
                file.set_score(OBSERVER, "cong-an", "vay-bat", 2, "Bao vây chậm")
                file.set_score(OBSERVER, "cong-an", "xu-tri", 1, "Đúng nguyên tắc")
        csv.write_bytes((f"observer,post,criterion,score\n{OBSERVER},cong-an,vay-bat,4\n"
                         f"{OBSERVER},cong-an,xu-tri,1\n{OBSERVER},bi-thu,xu-tri,3\n").encode())
        assert main(["import-scores", str(path), str(csv)]) == 0
        assert "1 added, 1 replaced, 1 unchanged" in capsys.readouterr().out
        once = content_digest(path)
        assert main(["import-scores", str(path), str(csv)]) == 0
        assert "0 added, 0 replaced, 3 unchanged" in capsys.readouterr().out
        assert content_digest(path) == once

        def mine(scores):
            return {(s.post_id, s.criterion_id): (s.value, s.comment) for s in scores
                    if s.observer == OBSERVER}

        with opener(path) as file:
            assert mine(file.scores()) == {
                ("cong-an", "vay-bat"): (4, "Bao vây chậm"),
                ("cong-an", "xu-tri"): (1, "Đúng nguyên tắc"),
                ("bi-thu", "xu-tri"): (3, "")}
            assert [(s.value, s.comment) for s, _at in file.score_history()
                    if s.observer == OBSERVER] == [(2, "Bao vây chậm")]
        # five columns: a row with no comment cell keeps it, an empty cell takes it away
        csv.write_bytes((f"{HEADER_LINE}\n{OBSERVER},cong-an,vay-bat,4\n"
                         f"{OBSERVER},cong-an,xu-tri,1,\n").encode())
        assert main(["import-scores", str(path), str(csv)]) == 0
        assert "0 added, 1 replaced, 1 unchanged" in capsys.readouterr().out
        with opener(path) as file:
            assert mine(file.scores())[("cong-an", "vay-bat")] == (4, "Bao vây chậm")
            assert mine(file.scores())[("cong-an", "xu-tri")] == (1, "")
            assert (1, "Đúng nguyên tắc") in [(s.value, s.comment)
                                              for s, _at in file.score_history()]


@pytest.mark.parametrize("target", ["exercise", "kit"])
def test_a_workbook_chosen_instead_of_its_csv_is_told_so(originals, capsys, target, tmp_path):
    """The sheet the scores were typed in, chosen as Excel saved it (.xlsx, a zip; .xls):
    told what it is and how to save it, not that its bytes are not UTF-8."""
    import zipfile

    book = tmp_path / "diem.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    for data in (book.read_bytes(), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)):
        code, err, before, after, path = _import(originals, target, data, capsys)
        assert code == 1 and after == before
        assert err.splitlines() == [
            f'{path.parent / "scores.csv"}: this is a spreadsheet workbook, not a CSV file: in '
            'Excel, save it as "CSV UTF-8"']
