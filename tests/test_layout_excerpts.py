"""Issue 9: hand-checked hard-wrapped excerpts of the shared corpora, scored against gold.

See ``tests/data/wrapped_excerpts.json`` for how the excerpts were chosen and checked.
"""

from __future__ import annotations

import pytest

import policytext as pt
from tests.conftest import load_passages, passage_texts
from tests.support.wrapping import Wrapped, wrap

DATA = load_passages("wrapped_excerpts.json")


def _wrapped(passage: dict, excerpt: str) -> Wrapped:
    settings = {k: passage[k] for k in ("width", "indent", "page_lines", "header")}
    return wrap(excerpt, **settings)


def _found(doc: pt.PolicyDoc, wrapped: Wrapped) -> dict[str, set]:
    """Sentences, items and groups of the wrapped analysis, in unwrapped offsets (gold's form)."""
    bounds = wrapped.source_bounds
    items = set()

    def walk(enumerations, parent):
        for enumeration in enumerations:
            for item in enumeration.items:
                at = bounds(item.marker.start, item.marker.end)[0]
                items.add((at, parent))
                walk(item.children, at)

    walk(doc.enumerations, None)
    return {
        "sentences": {bounds(s.start, s.end) for s in doc.sentences},
        "items": items,
        # groups of three or more members: pairs are non-core since issue 19 (a pair needs
        # two shared characters or a frame, so the gold's looser pairs are not required)
        "groups": {
            tuple(bounds(m.start, m.end) for m in g.members)
            for g in doc.parallels
            if len(g.members) >= 3
        },
    }


def _gold(passage: dict) -> dict[str, set]:
    return {
        "sentences": {tuple(s) for s in passage["sentences"]},
        "items": {(i["at"], i["parent"]) for i in passage["items"]},
        "groups": {tuple(tuple(m) for m in g) for g in passage["groups"] if len(g) >= 3},
    }


def test_the_set_is_large_enough():
    passages = DATA["passages"]
    assert len(passages) >= 20
    assert all(30 <= p["width"] <= 40 for p in passages)
    assert sum(1 for p in passages if p["page_lines"]) == len(passages)
    assert sum(1 for p in passages if p["header"]) >= 10
    assert sum(1 for p in passages if not p["indent"]) >= 4


def test_layout_decisions_match_the_wrapping():
    """Every inserted wrap is judged soft, every paragraph end hard, every page line furniture."""
    wrong = []
    for passage, excerpt in passage_texts(DATA):
        wrapped = _wrapped(passage, excerpt)
        layout = pt.find_layout(wrapped.text)
        soft = tuple(b.start for b in layout.soft_breaks)
        furniture = tuple((f.start, f.end) for f in layout.furniture)
        if layout.mode != "wrapped" or soft != wrapped.wraps or furniture != wrapped.furniture:
            wrong.append(passage["id"])
    assert wrong == []


def test_wrapped_excerpts_against_gold(capsys):
    """Sentences exact; items and groups scored, with the enumeration layer's known misses named.

    The enumeration layer reports a run only from its first marker, so the
    items of runs that began before an excerpt (gold ``continues``) are not
    found, wrapped or not; nor is 第一步/第二/第三/第四 (wrap-03), where it reads
    第一步 as "the first step". Neither is a layout matter: the wrapped and the
    unwrapped excerpts give the same items (next test).
    """
    totals = {layer: [0, 0, 0] for layer in ("sentences", "items", "groups")}
    missed_items = set()
    continuing = [0, 0]
    for passage, excerpt in passage_texts(DATA):
        wrapped = _wrapped(passage, excerpt)
        # every group the rules build: the reading is measured here, the score's
        # threshold (calibrated elsewhere) would move these figures with each refit
        found = _found(pt.analyze(wrapped.text, min_score=0.0), wrapped)
        gold = _gold(passage)
        later = {(i["at"], i["parent"]) for i in passage["items"] if i.get("continues")}
        continuing[0] += len(found["items"] & later)
        continuing[1] += len(later)
        if gold["items"] - later - found["items"]:
            missed_items.add(passage["id"])
        for layer, counts in totals.items():
            counts[0] += len(found[layer] & gold[layer])
            counts[1] += len(found[layer])
            counts[2] += len(gold[layer])
    scores = {}
    with capsys.disabled():
        print(f"\nwrapped excerpts ({len(DATA['passages'])}):")
        for layer, (common, found_n, gold_n) in totals.items():
            precision, recall = common / found_n, common / gold_n
            scores[layer] = (precision, recall)
            print(f"  {layer}: precision {precision:.3f} recall {recall:.3f} ({gold_n} in gold)")
        print(f"  items of runs begun before the excerpt: {continuing[0]} of {continuing[1]} found")
    assert scores["sentences"] == (1.0, 1.0)
    assert scores["items"][0] == 1.0
    assert missed_items == {"wrap-03"}  # every other run that starts in an excerpt is found
    # groups P 0.839 R 0.897 since rule_uneven_suffix (issue 19) adds 经济实力、国防实力、民族
    # 凝聚力 (wrap-13): right by the settled convention that a shared one-character suffix is
    # a template for three or more members, which this gold, annotated before it, does not
    # apply (老龄化、少子化、区域增减分化 and 思想上、政治上、行动上 neither); left as annotated
    assert min(scores["groups"]) >= 0.83


@pytest.mark.parametrize("layout", ["auto", "wrapped"])
def test_wrapped_excerpts_read_as_unwrapped(layout):
    """The wrapped reading gives exactly what the unwrapped excerpt gives."""
    differ = []
    for passage, excerpt in passage_texts(DATA):
        wrapped = _wrapped(passage, excerpt)
        expected = _found(pt.analyze(excerpt), Wrapped(excerpt, tuple(range(len(excerpt)))))
        found = _found(pt.analyze(wrapped.text, layout=layout), wrapped)
        if found != expected:
            differ.append(passage["id"])
    assert differ == []
