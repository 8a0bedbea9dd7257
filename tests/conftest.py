"""Shared test set-up: Qt offscreen before any QApplication, and small exercise fixtures."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")

from datetime import UTC, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


class FakeClock:
    """A wall clock that tests move by hand."""

    def __init__(self, start: datetime = datetime(2023, 11, 15, 1, 0, tzinfo=UTC)):
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, minutes: float = 0, seconds: float = 0) -> datetime:
        self.moment += timedelta(minutes=minutes, seconds=seconds)
        return self.moment


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, in English (with the English plurals: "1 post", "2 posts"),
    as a test that switches to Vietnamese leaves it."""
    from dientap_desktop.app import install_translations

    install_translations(qapp, "en")
    return qapp


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def hostage_scenario():
    from dientap_desktop.domain.scenario_loader import find_scenario

    return find_scenario("giai-thoat-con-tin")


@pytest.fixture
def exercise(tmp_path, hostage_scenario, fake_clock):
    from dientap_desktop.storage.exercise_file import ExerciseFile

    ex = ExerciseFile.create(
        tmp_path / "ex.dientap", hostage_scenario, name="Diễn tập thử", place="Phường Hòa Bình",
        now=fake_clock,
    )
    yield ex
    ex.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """A complete demo exercise, made once per test session; copy it before changing it."""
    from dientap_desktop.cli import main

    path = tmp_path_factory.mktemp("demo") / "demo.dientap"
    assert main(["demo", "--out", str(path)]) == 0
    return path
