"""Measure how often quotations of each evidence score are slogans, and write the table.

Run from the project root, with ``../shared`` beside it (or ``POLICYTEXT_SHARED``)::

    python -m tools.calibrate_slogans [--out policytext/data/slogan_evidence_calibration.tsv]

Reads the development passages annotated for slogans (the sets of :data:`SETS` in
``tests/data``: the rule writer's, independent annotators' and the blind calibration sets
of the parallel score; never a held-out set), scores every
quotation that could be a quoted slogan (``policytext.slogans.quoted_candidates``) and
counts per band of evidence how many an annotator marked as a quoted slogan (core or
not, span within one character). The shares are made monotone (pool adjacent
violators) and written with the counts. ``policytext.slogans.slogan_threshold()`` reads
the table: the top of the highest band whose calibrated share is below one half.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from policytext.slogans import quoted_candidates
from tools.calibration import ROOT, banded, development_passages

SETS = (
    "policy_parallel_passages.json",
    "independent_parallel_passages.json",
    "independent_parallel_passages_2.json",
    "independent_parallel_passages_4.json",
    "independent_parallel_passages_9.json",
    # the calibration sets of the parallel score: development documents annotated by
    # sessions that had not read the rules, which no rule writer reads
    *(
        f"calibration_parallel_passages_{n}{part}.json"
        for n in (5, 6, 7, 8, 12)
        for part in ("", "_report")
    ),
)
BANDS = ((-99, 0), (0, 1), (1, 2), (2, 3), (3, 5), (5, 99))
OUT = ROOT / "policytext" / "data" / "slogan_evidence_calibration.tsv"


def outcomes() -> list[tuple[int, bool]]:
    """``(evidence score, annotated as a quoted slogan)`` for every candidate quotation."""
    found = []
    for passage, text in development_passages(SETS):
        gold = [g["span"] for g in passage.get("slogans", ()) if g["kind"] == "quoted"]
        for span, score in quoted_candidates(text):
            hit = any(abs(a - span.start) <= 1 and abs(b - span.end) <= 1 for a, b in gold)
            found.append((score, hit))
    return found


def table() -> list[tuple[int, int, int, int, float, float]]:
    """``(low, high, quotations, slogans, share, calibrated share)`` per non-empty band."""
    return banded(outcomes(), BANDS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    lines = [
        "# Share of candidate quotations per band of slogan evidence that annotators marked as",
        "# quoted slogans, on the development passages of tests/data/",
        *[f"#   {name}" for name in SETS],
        "# by python -m tools.calibrate_slogans;",
        "# calibrated = the share made monotone. find_slogans keeps a quotation whose evidence is",
        "# above every band with a calibrated share < 0.5 (policytext.slogans.slogan_threshold).",
    ]
    rows = ["low\thigh\tquotations\tslogans\tshare\tcalibrated"]
    for low, high, total, hits, share, value in table():
        rows.append(f"{low}\t{high}\t{total}\t{hits}\t{share:.3f}\t{value:.3f}")
    args.out.write_text("\n".join(lines + rows) + "\n", encoding="utf-8")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
