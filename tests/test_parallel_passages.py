"""Hand-annotated parallel groups in 84 passages of ../shared/corpora (offsets only).

Scored by group precision and recall: a predicted group matches a gold group
with the same number of members whose members overlap by at least half.
"""

from __future__ import annotations

import policytext as pt
from tests.conftest import load_passages, passage_texts
from tests.support.parallel_scoring import match_groups

DATA = load_passages("parallel_passages.json")


def _passages():
    return passage_texts(DATA)


def _groups(parallels):
    return [[(m.start, m.end) for m in g.members] for g in parallels]


def test_the_set_is_large_and_balanced():
    passages = DATA["passages"]
    assert len(passages) >= 80
    assert sum(1 for p in passages if not p["groups"]) >= 20
    assert sum(len(p["groups"]) for p in passages) >= 80


def test_group_precision_recall_f1(capsys):
    true_positive = predicted_total = gold_total = 0
    for passage, text in _passages():
        predicted = _groups(pt.find_parallels(text))
        gold = [[tuple(m) for m in g["members"]] for g in passage["groups"]]
        matched, _ = match_groups(predicted, gold)
        true_positive += len(matched)
        predicted_total += len(predicted)
        gold_total += len(gold)
    precision = true_positive / predicted_total
    recall = true_positive / gold_total
    f1 = 2 * precision * recall / (precision + recall)
    with capsys.disabled():
        print(f"\nparallel passages: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")
    assert f1 >= 0.85


def test_same_groups_in_both_scripts():
    for passage, text in _passages():
        expected = _groups(pt.find_parallels(text))
        for converted in (pt.to_traditional(text), pt.to_simplified(text)):
            assert len(converted) == len(text)
            assert _groups(pt.find_parallels(converted)) == expected, passage["id"]
