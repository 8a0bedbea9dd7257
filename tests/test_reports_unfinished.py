"""An exercise printed before it was finished: left paused and printed a day later, every paper
tells where it stands (paused since ..., not finished) and counts its time up to the pause, the
same whenever it is printed; one still running counts up to the printing, and says so."""

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from dientap_desktop.domain.clock import Clock
from dientap_desktop.domain.records import ClockEvent
from dientap_desktop.domain.scenario_loader import find_scenario
from dientap_desktop.reports.export import export_reports
from dientap_desktop.reports.sample import sample_snapshot
from dientap_desktop.storage.exercise_file import ExerciseFile
from tests.test_reports_pdf import Pdf

START = datetime(2025, 11, 13, 1, 0, 0, 400_000, tzinfo=UTC)  # 08:00:00 in Vietnam


class Now:
    """A clock the test moves by hand: the exercise file's "now"."""

    def __init__(self, moment: datetime):
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def later(self, **delta) -> None:
        self.moment += timedelta(**delta)


def run_until(path, last: str) -> Now:
    """Start at 08:00:00, inject 1 at 08:01:00, its three decisions, a pause of 10 minutes
    from 08:07:30, inject 2 at 08:37:30, then `last` ("pause", "none") at 08:42:30."""
    now = Now(START)
    scenario = find_scenario("giai-thoat-con-tin")
    exercise = ExerciseFile.create(path, scenario, name="Diễn tập thử", place="Phường Hòa Bình",
                                   now=now)
    try:
        exercise.start()
        now.later(minutes=1)
        exercise.deliver_next()
        now.later(minutes=3.5)
        for post in scenario.injects[0].targets:
            exercise.record_decision(scenario.injects[0].id, post, "bao_cao", "Báo cáo.")
            now.later(minutes=1)
        exercise.pause()
        now.later(minutes=10)
        exercise.resume()
        now.later(minutes=20)
        exercise.deliver_next()
        now.later(minutes=5)
        if last == "pause":
            exercise.pause()
    finally:
        exercise.close()
    return now


def printed(path, out, at: datetime) -> dict[str, Pdf]:
    """The five papers as exported at `at`."""
    with ExerciseFile.open(path, now=lambda: at, readonly=True) as exercise:
        snapshot = exercise.snapshot()
    return {p.stem: Pdf(p) for p in export_reports(snapshot, out)}


@pytest.fixture(scope="module")
def paused(tmp_path_factory):
    """A paused exercise printed the next day, and again three days later."""
    folder = tmp_path_factory.mktemp("paused")
    path = folder / "ex.dientap"
    now = run_until(path, "pause")
    return (printed(path, folder / "next-day", now.moment + timedelta(days=1, hours=2)),
            printed(path, folder / "three-days", now.moment + timedelta(days=3)))


PAUSED_SINCE = "08:42:30 ngày 13/11/2025"
# 08:00:00 to 08:42:30 is 42 min 30 s, less the 10 minutes paused before: 32 min 30 s, told 33
COUNTED = ("thời gian diễn tập tính đến lúc tạm dừng là 33 phút (không kể 10 phút tạm dừng "
           "trước đó)")


def test_the_log_says_since_when_it_is_paused_and_counts_up_to_the_pause(paused):
    log = paused[0]["log"]
    assert f"Cuộc diễn tập đang tạm dừng từ {PAUSED_SINCE}, chưa kết thúc; {COUNTED}." in log
    assert f"Tạm dừng diễn tập từ {PAUSED_SINCE} (chưa tiếp tục, chưa kết thúc)" in log
    assert "Tạm dừng diễn tập từ 08:07:30 đến 08:17:30 (10 phút)" in log
    assert "Kết thúc diễn tập" not in log


def test_the_aar_says_the_same(paused):
    aar = paused[0]["aar"]
    assert ("Bắt đầu lúc 08 giờ 00 phút 00 giây ngày 13/11/2025, tạm dừng từ 08 giờ 42 phút "
            f"30 giây ngày 13/11/2025, chưa kết thúc; {COUNTED}.") in aar
    assert "kết thúc lúc" not in aar


@pytest.mark.parametrize("key", ["scoring", "blank", "summary", "log", "aar"])
def test_no_paper_counts_the_night_the_exercise_stood_paused(paused, key):
    for pdf in paused:
        told = [int(n) for n in re.findall(r"(\d+) phút", pdf[key].text)]
        assert all(n < 60 for n in told), told  # never 1,500 minutes of pause or of exercise


@pytest.mark.parametrize("key", ["scoring", "blank", "summary", "log", "aar"])
def test_a_paused_exercise_prints_the_same_whenever_it_is_printed(paused, key):
    next_day, three_days = paused
    assert next_day[key].pages == three_days[key].pages


def test_a_running_exercise_counts_up_to_the_printing_and_says_so(tmp_path):
    path = tmp_path / "ex.dientap"
    now = run_until(path, "none")
    # printed 15 minutes after its last action: 08:57:30, 47 min 30 s running after the pause
    pdfs = printed(path, tmp_path / "pdf", now.moment + timedelta(minutes=15))
    counted = ("thời gian diễn tập tính đến lúc in (08:57:30 ngày 13/11/2025) là 48 phút "
               "(không kể 10 phút tạm dừng)")
    assert f"Cuộc diễn tập chưa kết thúc; {counted}." in pdfs["log"]
    assert ("Bắt đầu lúc 08 giờ 00 phút 00 giây ngày 13/11/2025, chưa kết thúc; thời gian diễn "
            "tập tính đến lúc in (08 giờ 57 phút 30 giây ngày 13/11/2025) là 48 phút (không kể "
            "10 phút tạm dừng).") in pdfs["aar"]
    # the papers of results say so under their titles
    told = ("Cuộc diễn tập chưa kết thúc (tính đến lúc in 08:57:30 ngày 13/11/2025, đã phát "
            "2/11 tình huống); kết quả chưa phải kết quả cuối cùng.")
    assert told in pdfs["summary"] and told in pdfs["scoring"]


def test_a_pause_over_the_night_says_the_day_it_ended(tmp_path):
    path = tmp_path / "ex.dientap"
    now = run_until(path, "pause")
    now.later(hours=22, minutes=47, seconds=30)  # resumed at 07:30:00 the next morning
    with ExerciseFile.open(path, now=now) as exercise:
        exercise.resume()
        now.later(minutes=5)
        exercise.finish()
    pdfs = printed(path, tmp_path / "pdf", now.moment + timedelta(hours=1))
    assert "Tạm dừng diễn tập từ 08:42:30 đến 07:30:00 ngày 14/11/2025 (1368 phút)" in pdfs["log"]
    assert "Tiếp tục diễn tập sau 1368 phút tạm dừng (từ 08:42:30 ngày 13/11/2025)" in pdfs["log"]
    assert "Kết thúc diễn tập: 07:35:00 ngày 14/11/2025" in pdfs["log"]


# ------------------------------------------------------------------ the span, in memory


def _at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


def _span(*events: tuple[str, float], taken: float):
    sample = sample_snapshot()
    clock = Clock(tuple(ClockEvent(kind, _at(m)) for kind, m in events))
    return replace(sample, clock=clock, taken_at=_at(taken)).span()


def test_a_paused_span_ends_where_the_pause_began():
    span = _span(("start", 0), ("pause", 10), ("resume", 15), ("pause", 40), taken=3000)
    assert (span.status, span.until) == ("paused", _at(40))
    assert (span.running_minutes, span.paused_minutes) == (35, 5)


def test_a_finished_span_counts_a_pause_the_finish_ended():
    span = _span(("start", 0), ("pause", 10), ("finish", 30), taken=3000)
    assert (span.status, span.until, span.running_minutes, span.paused_minutes) == (
        "finished", _at(30), 10, 20)


def test_a_running_span_ends_when_it_was_taken():
    span = _span(("start", 0), ("pause", 10), ("resume", 15), taken=60)
    assert (span.until, span.running_minutes, span.paused_minutes) == (_at(60), 55, 5)


def test_a_planned_exercise_has_no_span():
    span = _span(taken=60)
    assert (span.status, span.started, span.until, span.running_minutes) == (
        "planned", None, None, None)
