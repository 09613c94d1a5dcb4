"""How the parallel scorer's tables score documents they were not fitted or measured on:
leave-documents-out cross-validation over the blind check sets.

Run from the project root, with ``../shared`` beside it (or ``POLICYTEXT_SHARED``)::

    python -m tools.crossvalidate_parallels

The blind check sets (``tools.calibrate_parallels.BLIND_SETS``) are cut into ``--folds``
folds of whole source files (:func:`fold_of`). For each fold, the tables are built as
``python -m tools.calibrate_parallels`` builds them, from everything but the fold's
documents (the development sets and the fit side of the other folds' documents to fit the
model; calibration sets 5-8 and their calibration side to measure the bands and
thresholds), and score the fold's passages at their own default threshold. They are
compared with tables built without any blind set (the mechanism before round 39: fitted on
the development sets, measured on sets 5-8, threshold rule with ``--before-tolerance``),
which never saw a check set. Prints the annotation rule's pooled counts and P/R/F1 per kind
of document (``policy_docs/`` files are normative). Deterministic.

This is the measure that judged round 39 (``cal39``, closing note of 4 December,
seventeenth part): normative F1 0.810 -> 0.822, reports 0.838 -> 0.840.
"""

from __future__ import annotations

import argparse
from typing import NamedTuple

from tests.support.parallel_scoring import prf
from tools.calibrate_parallels import (
    BLIND_SETS,
    CALIBRATION,
    GENRES,
    SETS,
    Passages,
    Tables,
    blind_side,
    calibrate,
    candidates,
    counts_at,
    fit_tables,
    joined,
    subset,
)
from tools.calibration import document_bucket

FOLDS = 5
#: the threshold rule's F1 tolerance of the tables before round 39
BEFORE_TOLERANCE = 0.01


def fold_of(file: str, folds: int = FOLDS) -> int:
    """The fold of a source file: ``sha1("37f:" + file)`` modulo ``folds``."""
    return document_bucket(file, "37f", folds)


def counts(tables: Tables, passages: Passages, genre: str) -> list[int]:
    """The annotation rule's counts (matched predictions, predictions, matched core gold, core
    gold) on the passages of one kind of document, keeping the groups ``tables`` score at
    least at their default."""
    probabilities = tables.model.probabilities([c.features for c in passages.found])
    scores = [
        calibrate(p, tables.tables[c.genre])
        for c, p in zip(passages.found, probabilities, strict=True)
    ]
    return counts_at(passages, scores, tables.default, genre)


class Comparison(NamedTuple):
    """Pooled counts per kind of document: the tables without blind sets and with them."""

    before: dict[str, list[int]]
    blind: dict[str, list[int]]
    defaults: list[float]


def crossvalidated(folds: int = FOLDS, before_tolerance: float = BEFORE_TOLERANCE) -> Comparison:
    """Both mechanisms scored on every fold of the blind check sets."""
    development = candidates(list(SETS))
    calibration = candidates(list(CALIBRATION))
    blind = candidates(list(BLIND_SETS))
    before = fit_tables(development, calibration, before_tolerance)
    pooled = {name: {genre: [0, 0, 0, 0] for genre in GENRES} for name in ("before", "blind")}
    defaults = []
    for k in range(folds):
        test = subset(blind, lambda f, k=k: fold_of(f, folds) == k)
        fit = subset(blind, lambda f, k=k: fold_of(f, folds) != k and blind_side(f) == "fit")
        rest = subset(blind, lambda f, k=k: fold_of(f, folds) != k and blind_side(f) != "fit")
        tables = fit_tables(joined(development, fit), joined(calibration, rest))
        defaults.append(tables.default)
        for genre in GENRES:
            for name, built in (("before", before), ("blind", tables)):
                found = counts(built, test, genre)
                total = pooled[name][genre]
                pooled[name][genre] = [a + b for a, b in zip(total, found, strict=True)]
    return Comparison(pooled["before"], pooled["blind"], defaults)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=FOLDS, help="folds of whole source files")
    parser.add_argument(
        "--before-tolerance",
        type=float,
        default=BEFORE_TOLERANCE,
        help="F1 tolerance of the threshold rule of the tables without blind sets",
    )
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be 2 or more")
    result = crossvalidated(args.folds, args.before_tolerance)
    print("fold defaults with the blind sets: " + " ".join(f"{d:.3f}" for d in result.defaults))
    for genre in GENRES:
        for name, pooled in (("without blind sets", result.before), ("with them", result.blind)):
            p, r, f = prf(*pooled[genre])
            print(f"{genre:<10} {name:<19} {pooled[genre]} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
