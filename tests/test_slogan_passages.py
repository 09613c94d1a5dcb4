"""Slogans and numbered formulas scored on the development passages, by set and script.

``policy_parallel_passages.json`` was annotated by the author of the rules;
``independent_parallel_passages.json`` by a session that had not read them (both
development data: study their disagreements freely). Slogans match by span (±1
character at each end), kind and count (``tests.support.parallel_scoring.score_slogans``);
non-core gold may be predicted but is not required. The held-out set is scored in
``test_policy_parallel_passages.py`` and never read here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import policytext as pt
from tests.conftest import load_passages, passage_texts
from tests.support.parallel_scoring import prf, score_slogans

#: what each set scores today (slogan F1), asserted as floors against regressions;
#: independent_parallel_passages_2.json was scored fresh (0.715 before the rules of issue 19's
#: second slogan pass, 0.749 after), then studied as development data: its misses' causes
#: fixed by general rules in the third pass (1.000 after); independent_parallel_passages_4.json
#: was scored fresh (0.889: 10/10 predicted, 4/5 core gold) before it was studied; its two
#: misses, a two-character programme name (“跃升”工程) and a call of two verbs (“统采共用”),
#: led to general rules (1.000 after)
FLOORS = {
    "policy_parallel_passages.json": 0.95,
    "independent_parallel_passages.json": 0.95,
    "independent_parallel_passages_2.json": 0.95,
    "independent_parallel_passages_4.json": 0.95,
}


def slogan_counts(name: str, script: str) -> tuple[int, int, int, int]:
    """(predicted matched, predicted, core gold matched, core gold) over a passage set."""
    totals = (0, 0, 0, 0)
    for passage, text in passage_texts(load_passages(name)):
        if "slogans" not in passage:
            continue
        if script == "traditional":
            text = pt.to_traditional(text)
        found = [(s.span.start, s.span.end, s.kind, s.count) for s in pt.find_slogans(text)]
        counts = score_slogans(found, passage["slogans"])
        totals = tuple(a + b for a, b in zip(totals, counts, strict=True))
    return totals


@pytest.mark.parametrize("name", sorted(FLOORS))
@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_slogans_on_development_passages(name, script, capsys):
    if not (Path(__file__).parent / "data" / name).exists():
        pytest.skip(f"{name} is absent")
    counts = slogan_counts(name, script)
    precision, recall, f1 = prf(*counts)
    with capsys.disabled():
        print(
            f"\n{name} ({script}): slogans P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
            f"   ({counts[0]}/{counts[1]} predicted, {counts[2]}/{counts[3]} core gold)"
        )
    assert f1 >= FLOORS[name]
