"""Normative policy documents (../shared/corpora/policy_docs), enumeration items scored per issue 15.

``policy_enumeration_passages.json`` is the development part, annotated by the rule
author before the rule changes; ``independent_enumeration_passages.json`` a second
development part, annotated on development documents by a session that had not read
the rules (it counts a section marker alone in an excerpt, 三、 with the run cut off, as
an item); ``heldout_enumeration_passages.json`` (when present)
was annotated by a session that had not seen the rules, on documents the rules were
not written on. Both are scored the same way, in both scripts; offsets only, the text
is read from ../shared, so the tests skip where it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import policytext as pt
from tests.conftest import load_passages, passage_texts
from tests.support.enumeration_scoring import score

DATA_DIR = Path(__file__).parent / "data"
SCRIPTS = {
    "as written": lambda text: text,
    "traditional": pt.to_traditional,
    "simplified": pt.to_simplified,
}
#: issue 15's bar for hidden normative-document passages
BAR_F1 = 0.95
#: the held-out set scored F1 0.899 when first read, 0.958 (all three scripts) after the
#: rules read excerpts (a section alone in an excerpt, runs opening mid-way); asserted at the bar
HELD_OUT_FLOOR = BAR_F1


def _report(capsys, name: str, data: dict, misses: bool = True) -> dict:
    """Scores in every script, printed; the passages missed too unless ``misses`` is False
    (held-out passages: rule writers read only their aggregate scores)."""
    scores = {}
    for script, convert in SCRIPTS.items():
        scores[script] = score(list(passage_texts(data)), pt.find_enumerations, convert)
    with capsys.disabled():
        print()
        for script, result in scores.items():
            print(result.line(f"{name} ({script})"))
        for line in scores["as written"].misses if misses else ():
            print("  " + line)
    return scores


def test_the_development_set_is_large_and_varied():
    passages = load_passages("policy_enumeration_passages.json")["passages"]
    assert len(passages) >= 50
    assert len({p["file"] for p in passages}) >= 25
    assert sum(1 for p in passages if not p["items"]) >= 8
    nested = [p for p in passages if any(i["parent"] is not None for i in p["items"])]
    assert len(nested) >= 20
    articles = [p for p in passages if any(i["marker"].startswith("第") for i in p["items"])]
    assert len(articles) >= 5


def test_development_passages(capsys):
    scores = _report(
        capsys, "policy passages (dev)", load_passages("policy_enumeration_passages.json")
    )
    for result in scores.values():
        assert result.precision >= 0.97 and result.recall >= 0.97


#: what the independent development set (an annotator who did not read the rules, on
#: development documents) scores now, asserted as a floor in every script
INDEPENDENT_FLOOR = 0.95


def test_independent_development_passages(capsys):
    data = load_passages("independent_enumeration_passages.json")
    scores = _report(capsys, "policy passages (independent dev)", data)
    for result in scores.values():
        assert result.f1 >= INDEPENDENT_FLOOR
    assert len({round(result.f1, 6) for result in scores.values()}) == 1  # same in every script


def test_heldout_passages(capsys):
    name = "heldout_enumeration_passages.json"
    if not (DATA_DIR / name).exists():
        pytest.skip(
            f"tests/data/{name} is absent (annotated by a separate session, merged by the lead)"
        )
    scores = _report(capsys, "policy passages (held out)", load_passages(name), misses=False)
    with capsys.disabled():
        print(f"  issue 15's bar: F1 >= {BAR_F1}")
    for result in scores.values():
        assert result.f1 >= HELD_OUT_FLOOR
    assert len({round(result.f1, 6) for result in scores.values()}) == 1  # same in every script
