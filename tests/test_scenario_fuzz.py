"""Property tests: whatever the input, the loader returns a Scenario or raises ScenarioError."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dientap_desktop.domain.scenario import Scenario
from dientap_desktop.domain.scenario_loader import ScenarioError, load_scenario_text

MINIMAL = (Path(__file__).parent / "fixtures" / "minimal.yaml").read_text("utf-8")
F = "fuzz.yaml"
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str | bytes) -> None:
    """Load the text; anything but a Scenario or a well-formed ScenarioError fails the test."""
    try:
        scenario = load_scenario_text(text, F)
    except ScenarioError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == F and problem.line >= 0 and problem.message
            assert "\n" not in problem.message and "Traceback" not in str(problem)
        return
    assert isinstance(scenario, Scenario)


# --- raw input ---------------------------------------------------------------------------------

YAML_ALPHABET = st.sampled_from(
    list(":-[]{}&*!|>'\"#,?%@`~ \n\t") + ["ab", "01", "7:30", "đ", "x-", "<<", "!!int", "---"]
)


@FUZZ
@given(st.binary(max_size=600))
def test_random_bytes(data):
    check(data)


@FUZZ
@given(st.text(max_size=300))
def test_random_text(text):
    check(text)


@FUZZ
@given(st.lists(YAML_ALPHABET, max_size=120).map("".join))
def test_yaml_like_text(text):
    check(text)


# --- mutations of a valid scenario -------------------------------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["all", "07:30", "7:75", "cong-an", "th-01", "b1", "../x", "C:\\x", "x-a", ""]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def containers(value: Any, found: list[Any]) -> list[Any]:
    """Every dict and list inside a value, the value itself first."""
    if isinstance(value, dict | list):
        found.append(value)
        for child in value.values() if isinstance(value, dict) else value:
            containers(child, found)
    return found


@FUZZ
@given(st.data())
def test_mutated_structure(data):
    scenario = yaml.safe_load(MINIMAL)
    for _ in range(data.draw(st.integers(1, 3))):
        target = data.draw(st.sampled_from(containers(scenario, [])))
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        action = data.draw(st.sampled_from(["delete", "replace", "insert"]))
        if action == "insert" or not keys:
            if isinstance(target, dict):
                target[data.draw(st.text(max_size=8))] = data.draw(VALUES)
            else:
                target.append(data.draw(VALUES))
        elif action == "delete":
            del target[data.draw(st.sampled_from(keys))]
        else:
            target[data.draw(st.sampled_from(keys))] = data.draw(VALUES)
    check(yaml.safe_dump(scenario, allow_unicode=True))


@FUZZ
@given(st.data())
def test_mutated_text(data):
    lines = MINIMAL.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 3))):
        n = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "garbage", "indent"]))
        if action == "delete" and len(lines) > 1:
            del lines[n]
        elif action == "duplicate":
            lines.insert(n, lines[n])
        elif action == "garbage":
            cut = data.draw(st.integers(0, len(lines[n])))
            junk = data.draw(st.lists(YAML_ALPHABET, max_size=6).map("".join))
            lines[n] = lines[n][:cut] + junk + lines[n][cut:]
        else:
            lines[n] = "  " + lines[n]
    check("".join(lines))


@FUZZ
@given(st.binary(min_size=1, max_size=4), st.integers(0, len(MINIMAL.encode())))
def test_bytes_spliced_into_valid_file(junk, at):
    raw = MINIMAL.encode()
    check(raw[:at] + junk + raw[at:])
