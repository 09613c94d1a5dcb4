"""Issue 9 bar: hard-wrapped shared corpora read as the unwrapped text (>= 98% per document).

Every document of ../shared/corpora is wrapped as a printed edition is (first-line
indents of two U+3000, 30/36/40 characters a line, punctuation hung at line ends,
page numbers and running headers between pages in two of the three settings),
analysed, and its sentences, enumeration items and parallel groups are mapped
back through the wrapping to offsets in the unwrapped text and compared with the
analysis of the unwrapped text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import policytext as pt
from policytext.enumerations import walk_items
from tests.conftest import SHARED
from tests.support.wrapping import Wrapped, wrap

SETTINGS = {
    "w30": {"width": 30, "indent": True},
    "w36-pages": {"width": 36, "indent": True, "page_lines": 25, "header": "政府工作报告"},
    "w40-pages": {
        "width": 40,
        "indent": True,
        "page_lines": 30,
        "header": "国务院公报 2024年第9号",
    },
}
BAR = 0.98


def _documents() -> list[Path]:
    corpora = SHARED / "corpora"
    if not corpora.exists():
        return []
    return [*sorted(corpora.glob("*/*.txt")), corpora / "reference_essay.txt"]


Key = tuple


def _keys(doc: pt.PolicyDoc, bounds) -> tuple[set[Key], set[Key], set[Key]]:
    """Sentences, items (marker and extent) and groups (members), as offsets through ``bounds``."""
    sentences = {bounds(s.start, s.end) for s in doc.sentences}
    items = {
        (bounds(item.marker.start, item.marker.end), bounds(item.span.start, item.span.end))
        for _, _, item in walk_items(doc.enumerations)
    }
    groups = {tuple(bounds(m.start, m.end) for m in g.members) for g in doc.parallels}
    return sentences, items, groups


@cache
def _unwrapped(path: Path) -> tuple[str, tuple[set[Key], set[Key], set[Key]]]:
    text = path.read_text(encoding="utf-8")
    return text, _keys(pt.analyze(text), lambda a, b: (a, b))


def _agreement(expected: set[Key], found: set[Key]) -> float:
    """The smaller of recall and precision of ``found`` against ``expected`` (1.0 when both empty)."""
    if not expected and not found:
        return 1.0
    common = len(expected & found)
    return min(common / len(expected) if expected else 0.0, common / len(found) if found else 0.0)


@pytest.mark.parametrize("setting", sorted(SETTINGS))
def test_wrapped_corpora_read_as_unwrapped(setting, capsys):
    documents = _documents()
    if not documents:
        pytest.skip(f"{SHARED / 'corpora'} is absent: the shared corpora live beside the clone")
    worst: list[tuple[float, str, str]] = []
    for path in documents:
        text, expected = _unwrapped(path)
        wrapped: Wrapped = wrap(text, **SETTINGS[setting])
        doc = pt.analyze(wrapped.text)
        assert doc.layout.mode == "wrapped", path.name
        found = _keys(doc, wrapped.source_bounds)
        for layer, want, got in zip(("sentences", "items", "groups"), expected, found, strict=True):
            worst.append((_agreement(want, got), path.name, layer))
    worst.sort()
    with capsys.disabled():
        print(f"\nlayout {setting}: {len(documents)} documents, lowest agreements:")
        for score, name, layer in worst[:3]:
            print(f"  {score:.3f} {layer} {name}")
    failing = [(name, layer, round(score, 3)) for score, name, layer in worst if score < BAR]
    assert not failing, failing


def test_unwrapped_corpora_are_read_line_by_line():
    """Text that is not hard-wrapped comes out as before: auto reads it as lines, unchanged.

    The one exception the layer makes is a bracketed marker cut by a line break
    in the source itself (（ | 三）), which it joins.
    """
    documents = _documents()
    if not documents:
        pytest.skip(f"{SHARED / 'corpora'} is absent: the shared corpora live beside the clone")
    joined = []
    for path in documents:
        text = path.read_text(encoding="utf-8")
        layout = pt.find_layout(text)
        assert layout.mode == "lines", path.name
        assert layout.furniture == () and layout.captions == (), path.name
        joined += [(path.name, text[b.start - 1 : b.end + 2]) for b in layout.soft_breaks]
    assert joined == [("2026_gwr_yunnan.txt", "（\n三）")]
