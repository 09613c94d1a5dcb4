"""Pooled parallel-group and slogan scores of annotated passage sets, per kind of text and
script: the figures the README's tables and the closing notes quote.

Run from the project root, with ``../shared`` beside it (or ``POLICYTEXT_SHARED``)::

    python -m tools.score_parallel_sets tests/data/calibration_parallel_passages_31*.json
    python -m tools.score_parallel_sets --half A --min-score 0.9 tests/data/independent_*.json

Each passage counts for the normative part unless its ``part`` names a report. Groups and
slogans are matched by ``tests.support.parallel_scoring`` (the rule of ANNOTATION.md), at
the default threshold unless ``--min-score`` is given. ``--half`` keeps the passages of one
half of the development documents (:func:`tools.calibration.document_half`).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from tests.support.parallel_scoring import prf, score_passages
from tools.calibration import document_half

PARTS = ("normative", "report")
SCRIPTS = ("simplified", "traditional")


def kind_of(passage: dict) -> str:
    """``"report"`` when the passage's part names a report, else ``"normative"``."""
    return "report" if "report" in (passage.get("part") or "") else "normative"


def pooled(
    files: Sequence[Path], script: str, half: str | None = None, min_score: float | None = None
) -> dict[str, tuple[list[int], list[int], int]]:
    """Per kind of text: (group counts, slogan counts, files holding it) summed over
    ``files``; counts as ``tests.support.parallel_scoring.score_passages`` gives them
    (matched predictions, predictions, matched core gold, core gold)."""
    totals = {part: ([0, 0, 0, 0], [0, 0, 0, 0], 0) for part in PARTS}
    for file in files:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
        passages = [p for p in data["passages"] if half is None or document_half(p["file"]) == half]
        for part in PARTS:
            kept = [p for p in passages if kind_of(p) == part]
            if not kept:
                continue
            groups, slogans, _ = score_passages({"passages": kept}, script, None, min_score)
            old_groups, old_slogans, count = totals[part]
            totals[part] = (
                [a + b for a, b in zip(old_groups, groups, strict=True)],
                [a + b for a, b in zip(old_slogans, slogans, strict=True)],
                count + 1,
            )
    return totals


def lines(
    files: Sequence[Path],
    scripts: Sequence[str] = SCRIPTS,
    half: str | None = None,
    min_score: float | None = None,
) -> list[str]:
    """One line per script and kind of text that the files hold."""
    out = []
    for script in scripts:
        for part, (groups, slogans, count) in pooled(files, script, half, min_score).items():
            if not count:
                continue
            p, r, f = prf(*groups)
            out.append(
                f"{script:<12}{part:<10} files {count} groups {groups} P {p:.3f} R {r:.3f} "
                f"F1 {f:.3f}   slogans F1 {prf(*slogans)[2]:.3f}"
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="annotated passage sets (JSON)")
    parser.add_argument("--half", choices=("A", "B"), help="keep one half of the documents")
    parser.add_argument("--min-score", type=float, help="threshold (default: the shipped one)")
    parser.add_argument(
        "--scripts", default=",".join(SCRIPTS), help="comma-separated: simplified,traditional"
    )
    args = parser.parse_args(argv)
    scripts = args.scripts.split(",")
    unknown = set(scripts) - set(SCRIPTS)
    if unknown:
        parser.error(f"unknown script {sorted(unknown)}: choose from {', '.join(SCRIPTS)}")
    missing = [str(file) for file in args.files if not file.is_file()]
    if missing:
        parser.error(f"no such passage set: {', '.join(missing)}")
    for line in lines(args.files, scripts, args.half, args.min_score):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
