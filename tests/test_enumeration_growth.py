"""Issue 20: dense runs of markers take time linear in the text (n and 4n compared).

Every case doubles its text twice; a linear parser takes about 4 times as
long, a quadratic one 16 times. The sizes are those where the quadratic
parser of before showed it (ratios 11-20 at 4 x 24 k characters); the best of
5 alternating runs of each size damps the noise of a shared machine.
"""

from __future__ import annotations

import pytest

import policytext as pt
from tests.support.timing import growth_ratio

#: characters of the smaller text of every case
N = 24_000
#: largest accepted time(4n) / time(n): linear is ~4, quadratic ~16
MAX_RATIO = 6.0

CASES = {
    "一、 lines": "一、甲乙丙\n二、丁戊己\n",
    "二是 repeated": "二是乙。\n",  # after one 一是甲。
    "1. 2. in a line": "1.甲。2.乙。",
    "一是 二是 in a line": "一是甲。二是乙。",
}


def _text(unit: str, size: int) -> str:
    head = "一是甲。\n" if unit.startswith("二是") else ""
    return head + unit * (size // len(unit))


@pytest.mark.parametrize("name", list(CASES))
def test_dense_markers_take_linear_time(name, capsys):
    unit = CASES[name]
    ratio = growth_ratio(pt.find_enumerations, _text(unit, N), _text(unit, 4 * N), MAX_RATIO)
    with capsys.disabled():
        print(f"\n{name}: {4 * N:,} chars take {ratio:.2f} times {N:,}")
    assert ratio <= MAX_RATIO


def test_dense_markers_still_make_enumerations():
    enumerations = pt.find_enumerations(_text(CASES["一、 lines"], 60))
    assert len(enumerations) == 5 and all(len(e.items) == 2 for e in enumerations)
    repeated = pt.find_enumerations(_text(CASES["二是 repeated"], 40))
    assert len(repeated) == 1 and len(repeated[0].items) == 1 + 40 // len(CASES["二是 repeated"])
