"""A validated scenario as compact JSON, so an exercise file opens without parsing YAML again."""

from __future__ import annotations

import json
from fractions import Fraction

from dientap_desktop.domain.scenario import (
    Criterion,
    Inject,
    Phase,
    Post,
    Rating,
    Scale,
    Scenario,
    StateChange,
)

VERSION = 1


class ModelError(ValueError):
    """JSON that does not hold a scenario model of this version."""


def _number(value: Fraction) -> str:
    return str(value)


def scenario_to_json(scenario: Scenario) -> str:
    """The scenario's model (not its source text) as JSON."""
    data = {
        "v": VERSION,
        "id": scenario.id,
        "title": scenario.title,
        "kind": scenario.kind,
        "level": scenario.level,
        "summary": scenario.summary,
        "format": scenario.format,
        "scale": [_number(scenario.scale.max),
                  [[r.label, _number(r.min)] for r in scenario.scale.ratings]],
        "posts": [[p.id, p.title, p.unit, _number(p.weight)] for p in scenario.posts],
        "phases": [[p.id, p.title] for p in scenario.phases],
        "injects": [
            [
                i.id, i.phase, i.title, i.text, list(i.targets), i.at, i.scenario_time, i.source,
                {k: list(v) for k, v in i.expected.items()}, i.notes, list(i.media),
                [i.state.readiness, i.state.locality] if i.state else None,
            ]
            for i in scenario.injects
        ],
        "criteria": [
            [c.id, c.text, _number(c.max), list(c.posts) if c.posts is not None else None,
             list(c.injects)]
            for c in scenario.criteria
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def scenario_from_json(text: str, source_text: str) -> Scenario:
    """The scenario back from its JSON model; ModelError when the JSON is not one."""
    try:
        data = json.loads(text)
        if data.get("v") != VERSION:
            raise ModelError("unknown model version")
        scale_max, ratings = data["scale"]
        return Scenario(
            id=data["id"],
            title=data["title"],
            kind=data["kind"],
            level=data["level"],
            summary=data["summary"],
            format=data["format"],
            scale=Scale(Fraction(scale_max), tuple(Rating(lb, Fraction(m)) for lb, m in ratings)),
            posts=tuple(Post(i, t, u, Fraction(w)) for i, t, u, w in data["posts"]),
            phases=tuple(Phase(i, t) for i, t in data["phases"]),
            injects=tuple(
                Inject(
                    id=i, phase=ph, title=ti, text=tx, targets=tuple(tg), at=at,
                    scenario_time=st, source=so,
                    expected={k: tuple(v) for k, v in ex.items()}, notes=no, media=tuple(me),
                    state=StateChange(*sc) if sc else None,
                )
                for i, ph, ti, tx, tg, at, st, so, ex, no, me, sc in data["injects"]
            ),
            criteria=tuple(
                Criterion(i, t, Fraction(m), tuple(p) if p is not None else None, tuple(inj))
                for i, t, m, p, inj in data["criteria"]
            ),
            source_text=source_text,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ModelError(f"not a scenario model: {error}") from None
