"""Flatten enumeration trees to comparable (marker start, parent marker start) pairs, and score them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from policytext import Enumeration


def item_keys(enumerations: tuple[Enumeration, ...], base: int = 0, parent: int | None = None):
    """Set of (marker start - base, parent marker start - base or None) for every item."""
    keys = set()
    for enumeration in enumerations:
        for item in enumeration.items:
            at = item.marker.start - base
            keys.add((at, parent))
            keys |= item_keys(item.children, base, at)
    return keys


def gold_keys(items: list[dict]) -> set:
    return {(item["at"], item["parent"]) for item in items}


def _near(key: tuple, gold: tuple) -> bool:
    """ANNOTATION.md: a marker matches when it starts within one character, under the same parent."""
    (at, parent), (gold_at, gold_parent) = key, gold
    if abs(at - gold_at) > 1:
        return False
    if parent is None or gold_parent is None:
        return parent is gold_parent
    return abs(parent - gold_parent) <= 1


def match(predicted: set, gold: set) -> tuple[int, set, set]:
    """(true positives, unmatched predictions, unmatched gold), one-to-one, exact keys first."""
    exact = predicted & gold
    extra, missing = set(predicted - exact), set(gold - exact)
    matched = len(exact)
    for key in sorted(extra, key=str):
        partner = next((g for g in sorted(missing, key=str) if _near(key, g)), None)
        if partner is not None:
            extra.discard(key)
            missing.discard(partner)
            matched += 1
    return matched, extra, missing


@dataclass(frozen=True)
class Score:
    true_positive: int
    false_positive: int
    false_negative: int
    misses: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.true_positive / max(1, self.true_positive + self.false_positive)

    @property
    def recall(self) -> float:
        return self.true_positive / max(1, self.true_positive + self.false_negative)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (
            f"{name}: precision {self.precision:.3f} recall {self.recall:.3f} "
            f"F1 {self.f1:.3f} ({self.true_positive} items found, "
            f"{self.false_positive} extra, {self.false_negative} missed)"
        )


def score(
    passages: Iterable[tuple[dict, str]],
    find: Callable[[str], tuple[Enumeration, ...]],
    convert: Callable[[str], str] = lambda text: text,
) -> Score:
    """Item precision/recall of ``find`` over ``(passage, text)`` pairs, each text ``convert``-ed.

    ``convert`` must keep the length (to_traditional / to_simplified do), so offsets stay valid.
    """
    true_positive = false_positive = false_negative = 0
    misses = []
    for passage, text in passages:
        converted = convert(text)
        if len(converted) != len(text):
            raise ValueError(f"{passage['id']}: the conversion changed the length")
        predicted = item_keys(find(converted))
        gold = gold_keys(passage["items"])
        matched, extra, missing = match(predicted, gold)
        true_positive += matched
        false_positive += len(extra)
        false_negative += len(missing)
        if extra or missing:
            misses.append(
                f"{passage['id']}: extra {sorted(extra, key=str)} missing {sorted(missing, key=str)}"
            )
    return Score(true_positive, false_positive, false_negative, tuple(misses))
