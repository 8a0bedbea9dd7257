"""What a scenario that can be used may still have wrong, warned of (stderr, exit 0) by
`validate` and `new` alike: here a scale with a max of its own and the default ratings."""

from contract_support import run
from kit_support import KIT_SCENARIO

from dientap_desktop.domain.scenario_loader import load_scenario_text


def with_scale(folder, scale: str):
    """The kit tests' scenario with this scale; its path and the line of `max`."""
    text = KIT_SCENARIO.read_text("utf-8").replace("posts:\n", scale + "posts:\n", 1)
    path = folder / "thang.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text[: text.index("  max:")].count("\n") + 1


def test_a_scale_with_its_own_max_and_no_ratings_is_warned_of(tmp_path):
    path, line = with_scale(tmp_path, "scale:\n  max: 20\n")
    warned = (f"{path}:{line}: warning: scale.max: the scale's max is 20, not 10, and no "
              "ratings are given: the default ratings apply as they are (Giỏi ≥ 8, Khá ≥ 6.5, "
              "Đạt yêu cầu ≥ 5, Không đạt yêu cầu ≥ 0), not scaled to it; give scale.ratings "
              "for this scale\n")
    checked = run("validate", path)
    assert (checked.returncode, checked.stderr) == (0, warned)
    assert checked.stdout.startswith(f"{path}: ok (")
    made = run("new", path, "--out", tmp_path / "e.dientap")
    assert (made.returncode, made.stderr) == (0, warned)
    assert (tmp_path / "e.dientap").exists()


def test_a_scale_of_10_or_with_its_own_ratings_is_not_warned_of(tmp_path):
    for scale in ("scale:\n  max: 10\n", "scale:\n  max: 20\n  ratings:\n"
                  '    - {label: "Tốt", min: 16}\n    - {label: "Chưa đạt", min: 0}\n'):
        path, _line = with_scale(tmp_path, scale)
        checked = run("validate", path)
        assert (checked.returncode, checked.stderr) == (0, ""), scale
        assert load_scenario_text(path.read_text("utf-8"), str(path)).warnings == ()


def test_the_default_ratings_still_apply_as_they_are_and_the_warning_names_the_field():
    text = KIT_SCENARIO.read_text("utf-8")
    warned = load_scenario_text(text.replace("posts:\n", "scale:\n  max: 20\nposts:\n", 1), "a")
    assert len(warned.warnings) == 1 and warned.warnings[0].path == "scale.max"
    assert warned.scale.max == 20 and warned.scale.ratings[0].min == 8  # as the contract says
