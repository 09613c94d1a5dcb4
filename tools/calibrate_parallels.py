"""Measure the precision of each band of raw parallel scores and write the calibration table.

Run from the project root, with ``../shared`` beside it (or ``POLICYTEXT_SHARED``)::

    python -m tools.calibrate_parallels [--out policytext/data/parallel_score_calibration.tsv]

Reads the development passages (``tests/data/policy_parallel_passages.json``,
``tests/data/parallel_passages.json`` and ``independent_parallel_passages.json``; never a
held-out set), runs the parallel
rules with raw scores, and counts per band how many predicted groups match an
annotated group (core or not) by the rule of ``../shared/ANNOTATION.md``. The
precisions are made monotone (pool adjacent violators, weighted by group count)
and written with the counts, so the table states its own evidence.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from policytext.parallels.grouping import build_parallels
from policytext.script import simplified_view
from policytext.segment import paragraphs_of, sentences_of
from tests.support.parallel_scoring import covers

ROOT = Path(__file__).resolve().parents[1]
SETS = (
    "policy_parallel_passages.json",
    "parallel_passages.json",
    "independent_parallel_passages.json",
)
BANDS = ((0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def _shared() -> Path:
    return Path(os.environ.get("POLICYTEXT_SHARED") or ROOT.parent / "shared")


def raw_outcomes() -> list[tuple[float, bool]]:
    """``(raw score, matches an annotated group)`` for every group predicted on the passages."""
    outcomes = []
    files: dict[str, str] = {}
    for name in SETS:
        data = json.loads((ROOT / "tests" / "data" / name).read_text(encoding="utf-8"))
        for passage in data["passages"]:
            path = _shared() / "corpora" / passage["file"]
            if passage["file"] not in files:
                files[passage["file"]] = path.read_text(encoding="utf-8")
            text = files[passage["file"]][passage["start"] : passage["end"]]
            paragraphs = paragraphs_of(text)
            groups = build_parallels(
                text,
                simplified_view(text),
                paragraphs,
                sentences_of(text, paragraphs),
                calibrate=False,
            )
            gold = [[tuple(m) for m in g["members"]] for g in passage["groups"]]
            for group in groups:
                members = [(m.start, m.end) for m in group.members]
                outcomes.append((group.score, any(covers(members, g) for g in gold)))
    return outcomes


def monotone(counts: list[tuple[int, int]]) -> list[float]:
    """Pool adjacent violators: non-decreasing precisions, weighted by group counts."""
    blocks = [[correct, total, 1] for total, correct in counts if total]
    merged: list[list[int]] = []
    for block in blocks:
        merged.append(block)
        while len(merged) > 1 and (merged[-2][0] / merged[-2][1] > merged[-1][0] / merged[-1][1]):
            last = merged.pop()
            merged[-1] = [merged[-1][0] + last[0], merged[-1][1] + last[1], merged[-1][2] + last[2]]
    values: list[float] = []
    for correct, total, size in merged:
        values += [correct / total] * size
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "policytext" / "data" / "parallel_score_calibration.tsv"
    )
    args = parser.parse_args(argv)
    outcomes = raw_outcomes()
    counts = []
    for low, high in BANDS:
        inside = [ok for score, ok in outcomes if low <= score < high]
        counts.append((len(inside), sum(inside)))
    values = iter(monotone(counts))
    lines = [
        "# Precision of parallel groups per band of raw score, measured on the development",
        f"# passages (tests/data/: {', '.join(SETS)})",
        "# by python -m tools.calibrate_parallels; calibrated = precision made monotone.",
        "low\thigh\tgroups\tcorrect\tprecision\tcalibrated",
    ]
    for (low, high), (total, correct) in zip(BANDS, counts, strict=True):
        if not total:
            continue
        value = next(values)
        lines.append(f"{low}\t{high}\t{total}\t{correct}\t{correct / total:.3f}\t{value:.3f}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[3:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
