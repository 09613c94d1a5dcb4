"""Measure the precision of each band of raw parallel scores and write the calibration table.

Run from the project root, with ``../shared`` beside it (or ``POLICYTEXT_SHARED``)::

    python -m tools.calibrate_parallels [--out policytext/data/parallel_score_calibration.tsv]

Reads the development passages (``tests/data/policy_parallel_passages.json``,
``tests/data/parallel_passages.json`` and the two ``independent_parallel_passages``
sets; never a held-out set), runs the parallel
rules with raw scores, and counts per band how many predicted groups match an
annotated group (core or not) by the rule of ``../shared/ANNOTATION.md``. The
precisions are made monotone (pool adjacent violators, weighted by group count)
and written with the counts, so the table states its own evidence.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from policytext.parallels.grouping import build_parallels
from policytext.script import simplified_view
from policytext.segment import paragraphs_of, sentences_of
from tests.support.parallel_scoring import covers
from tools.calibration import ROOT, banded, development_passages

SETS = (
    "policy_parallel_passages.json",
    "parallel_passages.json",
    "independent_parallel_passages.json",
    "independent_parallel_passages_2.json",
)
BANDS = ((0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def raw_outcomes() -> list[tuple[float, bool]]:
    """``(raw score, matches an annotated group)`` for every group predicted on the passages."""
    outcomes = []
    for passage, text in development_passages(SETS):
        paragraphs = paragraphs_of(text)
        groups = build_parallels(
            text, simplified_view(text), paragraphs, sentences_of(text, paragraphs), calibrate=False
        )
        gold = [[tuple(m) for m in g["members"]] for g in passage["groups"]]
        for group in groups:
            members = [(m.start, m.end) for m in group.members]
            outcomes.append((group.score, any(covers(members, g) for g in gold)))
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "policytext" / "data" / "parallel_score_calibration.tsv"
    )
    args = parser.parse_args(argv)
    lines = [
        "# Precision of parallel groups per band of raw score, measured on the development",
        f"# passages (tests/data/: {', '.join(SETS)})",
        "# by python -m tools.calibrate_parallels; calibrated = precision made monotone.",
        "low\thigh\tgroups\tcorrect\tprecision\tcalibrated",
    ]
    for low, high, total, correct, precision, value in banded(raw_outcomes(), BANDS):
        lines.append(f"{low}\t{high}\t{total}\t{correct}\t{precision:.3f}\t{value:.3f}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[3:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
