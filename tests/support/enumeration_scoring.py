"""Flatten enumeration trees to comparable (marker start, parent marker start) pairs."""

from __future__ import annotations

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
