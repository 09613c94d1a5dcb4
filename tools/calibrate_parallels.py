"""Fit the parallel-group scorer and measure, by cross-validation, what its scores mean.

Run from the project root, with ``../shared`` beside it (or ``POLICYTEXT_SHARED``)::

    python -m tools.calibrate_parallels

Reads every development passage set (``SETS``: never a held-out set), runs the
parallel rules with raw scores and no threshold, and labels each predicted group
right when it matches an annotated group (core or not) by the rule of
``../shared/ANNOTATION.md``. Then:

1. logistic regression (scikit-learn, L2, standardised features) on
   ``policytext.parallels.scoring.FEATURES`` — leaving out features too rare to learn
   (``MIN_SUPPORT``) or fitted against their ``EXPECTED_SIGN`` — with
   leave-documents-out cross-validation (``FOLDS`` folds of whole source files);
2. the cross-validated probabilities are cut into ``BANDS``; each band's precision,
   made monotone (pool adjacent violators), is the score a group in that band reports
   (``policytext/data/parallel_score_calibration.tsv``);
3. the default threshold, precision first: the highest calibrated score whose F1 on
   the development passages is within ``F1_TOLERANCE`` of the best F1 reached with
   precision >= ``MIN_PRECISION`` (cross-validated scores, the annotation rule's P/R/F1);
4. the model fitted on all the passages and the threshold go to
   ``policytext/data/parallel_score_model.tsv``.

Deterministic: the same passages and rules give byte-identical tables
(``tests/test_parallel_scoring.py`` checks it). Prints AUC (the raw rule score and the
cross-validated model) and the reliability table.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import NamedTuple

from policytext.parallels.grouping import build_parallels
from policytext.parallels.scoring import EXPECTED_SIGN, FEATURES, group_features
from policytext.script import simplified_view
from policytext.segment import paragraphs_of, sentences_of
from tests.support.parallel_scoring import covers, prf, score_groups
from tools.calibration import ROOT, development_passages, monotone

#: every development set of annotated passages (the fourth lands in batches)
SETS = (
    "policy_parallel_passages.json",
    "parallel_passages.json",
    "independent_parallel_passages.json",
    "independent_parallel_passages_2.json",
    "independent_parallel_passages_4.json",
)
BANDS = (
    (0.0, 0.5),
    (0.5, 0.7),
    (0.7, 0.8),
    (0.8, 0.85),
    (0.85, 0.9),
    (0.9, 0.95),
    (0.95, 1.01),
)
FOLDS = 5
#: L2 strength (scikit-learn's C) on standardised features
C = 0.3
MIN_PRECISION = 0.80
#: the fewest groups a feature must be non-zero in to be fitted
MIN_SUPPORT = 1
#: precision first: the highest threshold whose F1 is within this of the best
F1_TOLERANCE = 0.01
DATA = ROOT / "policytext" / "data"


class Candidate(NamedTuple):
    """One predicted group of a development passage."""

    passage: int
    file: str
    features: tuple[float, ...]
    raw: float
    members: list[tuple[int, int]]
    right: bool


def candidates() -> tuple[
    list[Candidate], list[list[tuple[list[tuple[int, int]], bool]]], list[str]
]:
    """Every predicted group (raw score, no threshold), the gold of each passage, the sets read."""
    found: list[Candidate] = []
    golds = []
    used = [name for name in SETS if (ROOT / "tests" / "data" / name).exists()]
    for index, (passage, text) in enumerate(development_passages(used)):
        view = simplified_view(text)
        paragraphs = paragraphs_of(text)
        groups = build_parallels(
            text, view, paragraphs, sentences_of(text, paragraphs), calibrate=False, min_score=0.0
        )
        gold = [
            ([tuple(m) for m in g["members"]], g.get("core", len(g["members"]) >= 3))
            for g in passage["groups"]
        ]
        golds.append(gold)
        for group in groups:
            members = [(m.start, m.end) for m in group.members]
            right = any(covers(members, g) for g, _ in gold)
            features = group_features(view, group, group.score)
            found.append(Candidate(index, passage["file"], features, group.score, members, right))
    return found, golds, used


def folds(found: list[Candidate]) -> list[int]:
    """The fold of each candidate: whole source files, spread by size, deterministically."""
    sizes: dict[str, int] = {}
    for c in found:
        sizes[c.file] = sizes.get(c.file, 0) + 1
    load = [0] * FOLDS
    fold_of: dict[str, int] = {}
    for name in sorted(sizes, key=lambda f: (-sizes[f], f)):
        k = min(range(FOLDS), key=lambda i: (load[i], i))
        fold_of[name] = k
        load[k] += sizes[name]
    return [fold_of[c.file] for c in found]


class Linear(NamedTuple):
    """A fitted logistic model on the features as they are: ``z = intercept + weights . x``."""

    intercept: float
    weights: tuple[float, ...]

    def probabilities(self, x) -> list[float]:
        out = []
        for row in x:
            z = self.intercept + sum(w * v for w, v in zip(self.weights, row, strict=True))
            out.append(1.0 / (1.0 + math.exp(-z)))
        return out


def _fit(x, y) -> Linear:
    """L2 logistic regression on standardised features, folded back to the raw features.

    A feature non-zero in fewer than ``MIN_SUPPORT`` groups is left out (weight 0: too
    rare to learn), and so is one whose weight contradicts ``EXPECTED_SIGN`` (the most
    contrary first, refitting each time).
    """
    from sklearn.linear_model import LogisticRegression

    n = len(x)
    columns = list(zip(*x, strict=True))
    active = [k for k, col in enumerate(columns) if sum(1 for v in col if v) >= MIN_SUPPORT]
    while True:
        means = [sum(columns[k]) / n for k in active]
        scales = [
            math.sqrt(sum((v - m) ** 2 for v in columns[k]) / n) or 1.0
            for k, m in zip(active, means, strict=True)
        ]
        z = [[(row[k] - m) / s for k, m, s in zip(active, means, scales, strict=True)] for row in x]
        fitted = LogisticRegression(C=C, max_iter=5000).fit(z, y)
        coef = [float(w) for w in fitted.coef_[0]]
        contrary = [
            (-w * EXPECTED_SIGN[FEATURES[k]], k)
            for k, w in zip(active, coef, strict=True)
            if FEATURES[k] in EXPECTED_SIGN and w * EXPECTED_SIGN[FEATURES[k]] < 0
        ]
        if not contrary:
            break
        active.remove(max(contrary)[1])
    weights = [0.0] * len(FEATURES)
    for k, w, s in zip(active, coef, scales, strict=True):
        weights[k] = round(w / s, 6)
    intercept = float(fitted.intercept_[0]) - sum(
        w * m / s for w, m, s in zip(coef, means, scales, strict=True)
    )
    return Linear(round(intercept, 6), tuple(weights))


def cross_validated(found: list[Candidate]) -> list[float]:
    """Each candidate's probability from the model fitted without its fold's documents."""
    x = [c.features for c in found]
    y = [c.right for c in found]
    fold = folds(found)
    out = [0.0] * len(found)
    for k in range(FOLDS):
        train = [i for i in range(len(found)) if fold[i] != k]
        test = [i for i in range(len(found)) if fold[i] == k]
        if not test:
            continue
        model = _fit([x[i] for i in train], [y[i] for i in train])
        for i, p in zip(test, model.probabilities([x[i] for i in test]), strict=True):
            out[i] = round(float(p), 6)
    return out


def auc(scores: list[float], labels: list[bool]) -> float:
    """Area under the ROC curve (ties count half)."""
    pairs = sorted(zip(scores, labels, strict=True))
    positives = sum(labels)
    negatives = len(labels) - positives
    rank_sum = 0.0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # average 1-based rank of the tie block
        rank_sum += mid * sum(1 for _, ok in pairs[i:j] if ok)
        i = j
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def bands(probabilities: list[float], labels: list[bool]):
    """``(low, high, groups, right, precision, calibrated)`` per non-empty band."""
    counts = []
    for low, high in BANDS:
        inside = [ok for p, ok in zip(probabilities, labels, strict=True) if low <= p < high]
        if inside:
            counts.append((low, high, len(inside), sum(inside)))
    values = monotone([(total, hits) for _, _, total, hits in counts])
    return [
        (low, high, total, hits, hits / total, value)
        for (low, high, total, hits), value in zip(counts, values, strict=True)
    ]


def calibrate(p: float, table) -> float:
    value = table[0][5]
    for low, _, _, _, _, calibrated in table:
        if p >= low:
            value = calibrated
    return value


def scores_at(found, golds, scores, threshold):
    """The annotation rule's (P, R, F1) over the passages, keeping groups scoring >= threshold."""
    by_passage: dict[int, list[list[tuple[int, int]]]] = {}
    for c, s in zip(found, scores, strict=True):
        if s >= threshold:
            by_passage.setdefault(c.passage, []).append(c.members)
    counts = [0, 0, 0, 0]
    for index, gold in enumerate(golds):
        counted = score_groups(by_passage.get(index, []), gold)
        counts = [a + b for a, b in zip(counts, counted, strict=True)]
    return prf(*counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DATA, help="folder for the two tables")
    args = parser.parse_args(argv)
    found, golds, used = candidates()
    labels = [c.right for c in found]
    cv = cross_validated(found)
    table = bands(cv, labels)
    calibrated_cv = [calibrate(p, table) for p in cv]
    options = []
    for threshold in sorted({0.0, *calibrated_cv}):
        p, r, f = scores_at(found, golds, calibrated_cv, threshold)
        options.append((threshold, p, r, f))
    feasible = [o for o in options if o[1] >= MIN_PRECISION] or options[-1:]
    best = max(o[3] for o in feasible)
    chosen = max(o for o in feasible if o[3] >= best - F1_TOLERANCE)
    model = _fit([c.features for c in found], labels)
    provenance = [
        f"# fitted by python -m tools.calibrate_parallels on {len(found)} groups predicted on "
        f"{len(golds)} development passages",
        f"# (tests/data/: {', '.join(used)}); {sum(labels)} right by the annotation rule.",
    ]
    model_lines = [
        "# Logistic model of policytext.parallels.scoring: probability = 1 / (1 + exp(-z)),",
        "# z = intercept + sum(weight * feature); min_score = the default threshold on the",
        f"# calibrated score: the highest whose groups F1 is within {F1_TOLERANCE} of the best",
        f"# with precision >= {MIN_PRECISION} in cross-validation ({FOLDS} folds of whole "
        f"documents; C = {C}).",
        *provenance,
        "name\tvalue",
        f"intercept\t{model.intercept:.6f}",
        *(f"{name}\t{w:.6f}" for name, w in zip(FEATURES, model.weights, strict=True)),
        f"min_score\t{chosen[0]:.3f}",
    ]
    table_lines = [
        "# Precision of parallel groups per band of the scorer's probability, measured by",
        f"# leave-documents-out cross-validation ({FOLDS} folds); calibrated = precision made",
        "# monotone, the score a group in the band reports.",
        *provenance,
        "low\thigh\tgroups\tcorrect\tprecision\tcalibrated",
        *(
            f"{low}\t{high}\t{total}\t{hits}\t{share:.3f}\t{value:.3f}"
            for low, high, total, hits, share, value in table
        ),
    ]
    (args.out / "parallel_score_model.tsv").write_text("\n".join(model_lines) + "\n", "utf-8")
    (args.out / "parallel_score_calibration.tsv").write_text("\n".join(table_lines) + "\n", "utf-8")
    print(f"{len(found)} groups, {sum(labels)} right, {len(golds)} passages")
    print(f"AUC raw rule score {auc([c.raw for c in found], labels):.3f}")
    print(f"AUC model, cross-validated {auc(cv, labels):.3f}")
    print("\n".join(table_lines[-len(table) - 1 :]))
    print("threshold  P      R      F1   (cross-validated scores, annotation rule)")
    for threshold, p, r, f in options:
        mark = "  <- default" if threshold == chosen[0] else ""
        print(f"{threshold:.3f}      {p:.3f}  {r:.3f}  {f:.3f}{mark}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
