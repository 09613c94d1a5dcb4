"""Hand-annotated passages from ../shared/corpora, scored by item precision and recall.

``tests/data/enumeration_passages.json`` holds offsets only; the text is read
from ../shared/corpora, so the tests skip where it is absent.
"""

from __future__ import annotations

import pytest

import policytext as pt
from tests.conftest import load_passages, passage_texts
from tests.support.enumeration_scoring import gold_keys, item_keys

DATA = load_passages("enumeration_passages.json")


def _passages():
    return passage_texts(DATA)


def test_the_set_is_large_and_balanced():
    passages = DATA["passages"]
    assert len(passages) >= 50
    negatives = [p for p in passages if not p["items"]]
    nested = [p for p in passages if any(i["parent"] is not None for i in p["items"])]
    assert len(negatives) >= 10 and len(nested) >= 3
    assert len({p["file"] for p in passages}) >= 25


def test_item_precision_and_recall(capsys):
    true_positive = false_positive = false_negative = 0
    misses = []
    for passage, text in _passages():
        predicted = item_keys(pt.find_enumerations(text))
        gold = gold_keys(passage["items"])
        true_positive += len(predicted & gold)
        false_positive += len(predicted - gold)
        false_negative += len(gold - predicted)
        if predicted != gold:
            misses.append(
                f"{passage['id']}: extra {sorted(predicted - gold, key=str)} missing {sorted(gold - predicted, key=str)}"
            )
    precision = true_positive / max(1, true_positive + false_positive)
    recall = true_positive / max(1, true_positive + false_negative)
    with capsys.disabled():
        print(
            f"\nenumeration passages: precision {precision:.3f} recall {recall:.3f} ({true_positive} items found)"
        )
        for line in misses:
            print("  " + line)
    assert precision >= 0.95
    assert recall >= 0.95


def test_same_items_in_both_scripts():
    for passage, text in _passages():
        expected = item_keys(pt.find_enumerations(text))
        for converted in (pt.to_traditional(text), pt.to_simplified(text)):
            if len(converted) != len(text):
                pytest.fail(f"{passage['id']}: conversion changed the length")
            assert item_keys(pt.find_enumerations(converted)) == expected, passage["id"]
