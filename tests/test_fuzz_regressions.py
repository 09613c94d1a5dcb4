"""Texts on which fuzzing once found a failure (tests/data/fuzz_regressions): all layers stay valid."""

from __future__ import annotations

from pathlib import Path

import pytest

import policytext as pt
from tests.support.invariants import assert_valid

CASES = sorted((Path(__file__).parent / "data" / "fuzz_regressions").glob("*.txt"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem[:14] for p in CASES])
def test_fuzz_regression(path):
    text = path.read_text(encoding="utf-8", errors="surrogatepass")
    assert_valid(pt.analyze(text))


def test_there_are_regressions():
    assert CASES
