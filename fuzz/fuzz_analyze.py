"""Coverage-guided fuzzing of ``policytext.analyze`` with atheris.

Run (opt-in CI job: ``bash .ci/fuzz SECONDS``)::

    python -m fuzz.fuzz_analyze -max_total_time=1200 fuzz/corpus

The corpus is seeded from the test suite's sample texts (``python
fuzz/seed_corpus.py fuzz/corpus``). Every input is decoded leniently to a
``str``; a crash is any exception, or a result that breaks an offset
invariant (``tests/support/invariants.py``).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import policytext as pt
    from policytext.layout import LAYOUT_MODES
    from tests.support.invariants import assert_valid


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    layout = LAYOUT_MODES[provider.ConsumeIntInRange(0, len(LAYOUT_MODES) - 1)]
    if provider.ConsumeBool():
        text = data.decode("utf-8", errors="replace")
    else:
        text = provider.ConsumeUnicodeNoSurrogates(len(data))
    doc = pt.analyze(text, layout=layout)
    assert_valid(doc)
    pt.to_traditional(text)
    pt.detect_script(text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
