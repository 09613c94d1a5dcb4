"""Inter-annotator agreement on held-out parallel passages (tests/data/agreement/README.md):
a second, blind annotator against the held-out gold, on the policy passages of
heldout_parallel_passages_2.json and on both parts of heldout_parallel_passages_6*.json.

Recomputes the tables of the README from offsets only; prints nothing about the passages.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from tests.conftest import load_passages
from tests.support.parallel_scoring import ANNOTATION_OVERLAP, one_to_one, prf, score_groups


class Study(NamedTuple):
    """One agreement study: the gold set, the second annotation, the part compared, its size,
    the README's counts per layer and its F1 (second against first, then reversed)."""

    gold: str
    second: str
    part: str
    size: int
    #: (second matched, second, first matched, first) per layer; slogans add the counts
    #: that agree on matched slogans
    expected: dict[str, tuple[int, ...]]
    f1: dict[str, tuple[float, float]]


Spans = list[tuple[int, int]]


def _groups(passage: dict, core_only: bool = False) -> list[tuple[Spans, bool]]:
    return [
        ([tuple(m) for m in g["members"]], g["core"])
        for g in passage["groups"]
        if g["core"] or not core_only
    ]


def _pairs(study: Study) -> list[tuple[dict, dict]]:
    """(first annotator, second annotator) per passage of the study's part, in id order."""
    gold = {p["id"]: p for p in load_passages(study.gold)["passages"] if p["part"] == study.part}
    second = load_passages(study.second)["passages"]
    assert sorted(gold) == sorted(p["id"] for p in second)
    return [(gold[p["id"]], p) for p in second]


def group_counts(a: dict, b: dict, layer: str) -> tuple[int, int, int, int]:
    """(b matched, b groups, a matched, a groups) for one passage, b scored against a.

    ``rule``: b's core groups against a's groups, a's core groups required (ANNOTATION.md);
    ``strict``: core against core; ``all``: every group against every group; ``bar``: every
    group of b against a as issue 19's bar scores policytext (a's core groups required,
    matching a non-core group of a is no error).
    """
    predicted = [m for m, _ in _groups(b, core_only=layer in ("rule", "strict"))]
    if layer in ("rule", "bar"):
        reference = _groups(a)
    else:
        reference = [(m, True) for m, _ in _groups(a, core_only=layer == "strict")]
    return score_groups(predicted, reference)


def slogan_counts(a: dict, b: dict, core_only: bool) -> tuple[int, int, int, int, int]:
    """(b matched, b slogans, a matched, a slogans, counts agreeing on matched) for one
    passage: spans matched one-to-one at intersection / union >= 0.8."""
    sa = [s for s in a["slogans"] if s["core"] or not core_only]
    sb = [s for s in b["slogans"] if s["core"] or not core_only]
    used: set[int] = set()
    agree = 0
    for s in sb:
        for j, t in enumerate(sa):
            if j not in used and one_to_one(
                [tuple(s["span"])], [tuple(t["span"])], ANNOTATION_OVERLAP
            ):
                used.add(j)
                agree += s["count"] == t["count"]
                break
    return len(used), len(sb), len(used), len(sa), agree


def table(study: Study, reverse: bool = False) -> dict[str, tuple[int, ...]]:
    """Summed counts of every layer; ``reverse`` scores the first annotator against the second."""
    rows: dict[str, tuple[int, ...]] = {}
    pairs = [(b, a) if reverse else (a, b) for a, b in _pairs(study)]
    for layer in ("rule", "strict", "all", "bar"):
        sums = [group_counts(a, b, layer) for a, b in pairs]
        rows[f"groups {layer}"] = tuple(map(sum, zip(*sums, strict=True)))
    for name, core in (("slogans all", False), ("slogans core", True)):
        sums = [slogan_counts(a, b, core) for a, b in pairs]
        rows[name] = tuple(map(sum, zip(*sums, strict=True)))
    return rows


STUDIES = (
    Study(
        "heldout_parallel_passages_2.json", "agreement/second_annotator_2.json", "policy", 45,
        {
            "groups rule": (13, 15, 13, 15),
            "groups strict": (13, 15, 13, 15),
            "groups all": (46, 59, 46, 68),
            "groups bar": (46, 59, 14, 15),
            "slogans all": (8, 9, 8, 8, 8),
            "slogans core": (7, 8, 7, 7, 7),
        },
        {"groups rule": (0.867, 0.899), "groups all": (0.724, 0.724), "groups bar": (0.850, 0.760)},
    ),
    Study(
        "heldout_parallel_passages_6.json", "agreement/second_annotator_6.json", "policy", 36,
        {
            "groups rule": (10, 11, 10, 13),
            "groups strict": (10, 11, 10, 13),
            "groups all": (44, 51, 44, 50),
            "groups bar": (44, 51, 13, 13),
            "slogans all": (31, 31, 31, 31, 31),
            "slogans core": (10, 11, 10, 10, 10),
        },
        {"groups rule": (0.833, 0.952), "groups all": (0.871, 0.871), "groups bar": (0.926, 0.894)},
    ),
    Study(
        "heldout_parallel_passages_6_report.json", "agreement/second_annotator_6_report.json",
        "report", 30,
        {
            "groups rule": (10, 10, 10, 10),
            "groups strict": (10, 10, 10, 10),
            "groups all": (38, 45, 38, 41),
            "groups bar": (38, 45, 10, 10),
            "slogans all": (44, 45, 44, 46, 44),
            "slogans core": (26, 27, 26, 29, 26),
        },
        {"groups rule": (1.0, 1.0), "groups all": (0.884, 0.884), "groups bar": (0.916, 0.962)},
    ),
)  # fmt: skip


@pytest.fixture(params=STUDIES, ids=lambda s: s.second.removeprefix("agreement/"))
def study(request: pytest.FixtureRequest) -> Study:
    return request.param


def test_second_annotation_schema(study: Study) -> None:
    data = load_passages(study.second)
    assert "did not" in data["about"] or "not seen" in data["about"]
    keys = {"id", "part", "file", "start", "end", "groups", "slogans"}
    for passage in data["passages"]:
        assert keys <= set(passage) <= {*keys, "note"}
        assert passage["part"] == study.part
        for group in passage["groups"]:
            assert (group["kind"] == "pair") == (len(group["members"]) == 2)
            assert all(0 <= s < e <= passage["end"] - passage["start"] for s, e in group["members"])
        for slogan in passage["slogans"]:
            assert (slogan["kind"] == "numbered_formula") == (slogan["count"] is not None)
    assert len(data["passages"]) == study.size


def test_agreement_table(study: Study) -> None:
    rows = table(study)
    for name, counts in rows.items():
        p, r, f = prf(*counts[:4])
        print(f"{study.second:<42} {name:<14} {counts}  P {p:.3f} R {r:.3f} F1 {f:.3f}")
    assert rows == study.expected
    reverse = table(study, reverse=True)
    for name, (forward_f1, reverse_f1) in study.f1.items():
        assert round(prf(*rows[name][:4])[2], 3) == forward_f1
        assert round(prf(*reverse[name][:4])[2], 3) == reverse_f1
    # the reverse direction swaps the sides of every layer but the rule's (core vs any)
    for name in ("groups strict", "groups all", "slogans all", "slogans core"):
        a, b, c, d = reverse[name][:4]
        assert (c, d, a, b) == rows[name][:4]
