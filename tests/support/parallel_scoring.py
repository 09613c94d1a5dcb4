"""Group matching for parallel structures: same member count, members overlapping."""

from __future__ import annotations

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
    used: set[int] = set()
    matched = 0
    for p in predicted_members:
        for j, g in enumerate(gold_members):
            if j not in used and overlap(p, g) >= MEMBER_OVERLAP:
                used.add(j)
                matched += 1
                break
    return matched, len(predicted_members), len(gold_members)
