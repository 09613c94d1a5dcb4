"""Group matching for parallel structures: same member count, members overlapping."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import policytext as pt
from tests.conftest import passage_texts

#: a predicted member matches a gold member when they overlap by at least this share
MEMBER_OVERLAP = 0.5


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, inter) / (max(a[1], b[1]) - min(a[0], b[0]))


def same_group(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> bool:
    return len(predicted) == len(gold) and all(
        overlap(p, g) >= MEMBER_OVERLAP for p, g in zip(predicted, gold, strict=True)
    )


def match_groups(predicted: list[list[tuple[int, int]]], gold: list[list[tuple[int, int]]]):
    """(matched predicted indices, matched gold indices), one-to-one, greedy in order."""
    used_gold: set[int] = set()
    matched_predicted: set[int] = set()
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if j not in used_gold and same_group(p, g):
                used_gold.add(j)
                matched_predicted.add(i)
                break
    return matched_predicted, used_gold


def branch_f1(
    predicted: list[list[tuple[int, int]]], gold: list[list[tuple[int, int]]]
) -> tuple[int, int, int]:
    """(matched, predicted, gold) branch counts: members matched one-to-one by overlap."""
    predicted_members = [m for group in predicted for m in group]
    gold_members = [m for group in gold for m in group]
    matched = one_to_one(predicted_members, gold_members, MEMBER_OVERLAP)
    return matched, len(predicted_members), len(gold_members)


def one_to_one(predicted: list[tuple[int, int]], gold: list[tuple[int, int]], share: float) -> int:
    """How many predicted spans take a gold span of their own overlapping by ``share`` or
    more (greedy, in order)."""
    used: set[int] = set()
    hits = 0
    for p in predicted:
        for j, g in enumerate(gold):
            if j not in used and overlap(p, g) >= share:
                used.add(j)
                hits += 1
                break
    return hits


# --- the rule of ../shared/ANNOTATION.md ------------------------------------------------

#: a predicted member covers a gold member when they overlap by at least this share
ANNOTATION_OVERLAP = 0.8


def covers(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> bool:
    """Two thirds of the predicted members (all, for a pair) overlap gold members by 80 %."""
    hits = one_to_one(predicted, gold, ANNOTATION_OVERLAP)
    need = len(predicted) if len(predicted) == 2 or len(gold) == 2 else -(-2 * len(predicted) // 3)
    return hits >= need and hits >= -(-2 * len(gold) // 3)


def score_groups(
    predicted: list[list[tuple[int, int]]], gold: list[tuple[list[tuple[int, int]], bool]]
) -> tuple[int, int, int, int]:
    """(predicted matched, predicted, core gold matched, core gold) for one passage.

    ``gold`` holds ``(members, core)``. A predicted group matching a non-core
    gold group is not counted against precision; non-core gold is not required.
    """
    used: set[int] = set()
    matched_predicted = 0
    for p in predicted:
        # prefer a core group, then the first in text order
        order = sorted(range(len(gold)), key=lambda j: not gold[j][1])
        for j in order:
            if j not in used and covers(p, gold[j][0]):
                used.add(j)
                matched_predicted += 1
                break
    core = [j for j, (_, is_core) in enumerate(gold) if is_core]
    return matched_predicted, len(predicted), sum(1 for j in core if j in used), len(core)


def exact_edges(
    predicted: list[list[tuple[int, int]]], gold: list[tuple[list[tuple[int, int]], bool]]
) -> tuple[int, int]:
    """(members on exactly the gold edges, members) of the predicted groups that match a core
    gold group by the annotation rule: how often a right group also has right member edges."""
    exact = members = 0
    used: set[int] = set()
    for p in predicted:
        for j, (g, is_core) in enumerate(gold):
            if is_core and j not in used and covers(p, g):
                used.add(j)
                members += len(p)
                exact += len(set(p) & set(g))
                break
    return exact, members


def prf(matched_predicted: int, predicted: int, matched_gold: int, gold: int):
    """(precision, recall, F1); an empty side counts as perfect."""
    precision = matched_predicted / predicted if predicted else 1.0
    recall = matched_gold / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_slogans(predicted, gold) -> tuple[int, int, int, int]:
    """Like ``score_groups`` for slogans: same span (±1 character at each end), kind and count."""
    used: set[int] = set()
    matched_predicted = 0
    for start, end, kind, count in predicted:
        for j, g in enumerate(gold):
            gs, ge = g["span"]
            if (
                j not in used
                and abs(gs - start) <= 1
                and abs(ge - end) <= 1
                and g["kind"] == kind
                and g["count"] == count
            ):
                used.add(j)
                matched_predicted += 1
                break
    core = [j for j, g in enumerate(gold) if g["core"]]
    return matched_predicted, len(predicted), sum(1 for j in core if j in used), len(core)


class PartScore(NamedTuple):
    """One part of an annotated set, scored: groups and slogans as (P, R, F1), and the
    line the tests print."""

    part: str | None
    groups: tuple[float, float, float]
    slogans: tuple[float, float, float]
    line: str
    edges: tuple[int, int] = (0, 0)  # members of right core groups on exactly the gold edges


def gold_groups(passage: dict) -> list[tuple[list[tuple[int, int]], bool]]:
    """``(members, core)`` of each annotated group of a passage (core when the annotation
    does not say: three members or more)."""
    return [
        ([tuple(m) for m in g["members"]], g.get("core", len(g["members"]) >= 3))
        for g in passage["groups"]
    ]


def score_passages(
    data: dict, script: str, part: str | None = None, min_score: float | str | None = None
):
    """(group counts, slogan counts, exact member edges) of policytext's output on the
    passages of ``part`` (all when None) of an annotated set, the text in ``script``
    ("traditional" converts), groups kept by ``min_score`` (None: the default)."""
    groups = [0, 0, 0, 0]
    slogans = [0, 0, 0, 0]
    edges = [0, 0]
    for passage, text in passage_texts(data):
        if part is not None and passage.get("part") != part:
            continue
        if script == "traditional":
            text = pt.to_traditional(text)
        predicted = [
            [(m.start, m.end) for m in g.members]
            for g in pt.find_parallels(text, min_score=min_score)
        ]
        gold = gold_groups(passage)
        groups = [a + b for a, b in zip(groups, score_groups(predicted, gold), strict=True)]
        edges = [a + b for a, b in zip(edges, exact_edges(predicted, gold), strict=True)]
        if "slogans" in passage:
            found = [(s.span.start, s.span.end, s.kind, s.count) for s in pt.find_slogans(text)]
            counts = score_slogans(found, passage["slogans"])
            slogans = [a + b for a, b in zip(slogans, counts, strict=True)]
    return groups, slogans, tuple(edges)


def part_scores(
    data: dict,
    script: str,
    parts: Iterable[str | None],
    label: str = "",
    min_score: float | str | None = None,
) -> list[PartScore]:
    """:func:`score_passages` for each of ``parts``, with the line to print."""
    scores = []
    for part in parts:
        groups, slogans, edges = score_passages(data, script, part, min_score)
        (p, r, f), (sp, sr, sf) = prf(*groups), prf(*slogans)
        line = (
            f"{label}{script:<12}{part or 'all':<7} groups P {p:.3f} R {r:.3f} F1 {f:.3f}"
            f"   slogans P {sp:.3f} R {sr:.3f} F1 {sf:.3f}"
            f"   exact edges {edges[0]}/{edges[1]}"
        )
        scores.append(PartScore(part, (p, r, f), (sp, sr, sf), line, edges))
    return scores
