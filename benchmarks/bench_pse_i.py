"""Parallelism detection on third-party student essays (PSE-I, validation split).

Run: ``python -m benchmarks.bench_pse_i [--split validation] [--min-score 0.0]``.
Reads ``../shared/external/parallelism/pse_i_train_valid.jsonl`` (CC-BY-SA; not
copied into the project) and prints group precision/recall/F1 (a group matches
when it has the same number of members, each overlapping the gold member by at
least half) and branch-match F1 (members matched one to one by the same
overlap), next to the published BERT-CRF tagger's branch match of 0.52 (on
the test split, which is not distributed here). The data is prose by
students, not policy text: policytext was not tuned on it.

With ``pyrallelism`` installed (the dataset authors' scorer, MIT, in the dev
extras) it also prints the official exact parallelism match (EPM) and maximum
parallel branch match (MPBM), on characters (branches as inclusive character
ranges; the published taggers score on the dataset's words, a close proxy).
"""

from __future__ import annotations

import argparse
import json
import sys

import policytext as pt
from benchmarks._corpus import SHARED
from tests.support.parallel_scoring import branch_f1, match_groups

DATA = SHARED / "external" / "parallelism" / "pse_i_train_valid.jsonl"
PUBLISHED_BRANCH_MATCH = 0.52


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--split", default="validation", choices=("training", "optimization", "validation")
    )
    parser.add_argument(
        "--min-score",
        type=float,
        default=None,
        help="drop groups scoring below this (default: the library's default threshold; "
        "0.0: every group)",
    )
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is absent: the shared material lives beside the project")
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    rows = [r for r in rows if r["split"] == args.split]
    official = _official_metrics()
    matched_groups = predicted_groups = gold_groups = 0
    matched_branches = predicted_branches = gold_branches = 0
    for row in rows:
        predicted = [
            [(m.start, m.end) for m in g.members]
            for g in pt.find_parallels(row["text"], min_score=args.min_score)
        ]
        gold = [[tuple(m) for m in g["members"]] for g in row["parallels"]]
        matched, _ = match_groups(predicted, gold)
        matched_groups += len(matched)
        predicted_groups += len(predicted)
        gold_groups += len(gold)
        if official:
            for metric, evaluate, totals in official.values():
                hypotheses = {
                    k: {(a, b - 1) for a, b in group} for k, group in enumerate(predicted)
                }
                references = {k: {(a, b - 1) for a, b in group} for k, group in enumerate(gold)}
                matrix, _ = evaluate(hypotheses, references, metric)
                totals += matrix
        m, p, g = branch_f1(predicted, gold)
        matched_branches += m
        predicted_branches += p
        gold_branches += g
    gp = matched_groups / max(1, predicted_groups)
    gr = matched_groups / max(1, gold_groups)
    bp = matched_branches / max(1, predicted_branches)
    br = matched_branches / max(1, gold_branches)
    print(
        f"PSE-I {args.split}: {len(rows)} passages, "
        f"{gold_groups} gold groups, {predicted_groups} predicted"
    )
    print(f"{'measure':<16}{'precision':>10}{'recall':>8}{'F1':>8}")
    print(f"{'group match':<16}{gp:>10.3f}{gr:>8.3f}{f1(gp, gr):>8.3f}")
    print(f"{'branch match':<16}{bp:>10.3f}{br:>8.3f}{f1(bp, br):>8.3f}")
    print(f"published BERT-CRF branch match (test split): {PUBLISHED_BRANCH_MATCH:.2f}")
    print(f"ratio policytext / published (branch F1): {f1(bp, br) / PUBLISHED_BRANCH_MATCH:.2f}")
    if not official:
        print("pyrallelism is not installed: pip install pyrallelism for the official EPM and MPBM")
        return
    for name, (_, _, totals) in official.items():
        precision = totals.calculate_precision()
        recall = totals.calculate_recall() or 0.0
        print(
            f"official {name:<5} precision {precision:.3f} recall {recall:.3f} "
            f"F1 {f1(precision, recall):.3f}  (published on the test split: "
            f"{PUBLISHED_OFFICIAL[name]:.2f})"
        )


#: published word-level BERT-CRF on the PSE-I test split (../shared/external/parallelism)
PUBLISHED_OFFICIAL = {"EPM": 0.38, "MPBM": 0.52}


def _official_metrics() -> dict:
    """``name -> (metric, evaluate, running totals)`` from pyrallelism, or {} when absent."""
    try:
        from pyrallelism import evaluate_bipartite_parallelism_metric
        from pyrallelism.primitives.evaluation_metric import EPM_METRIC, MPBM_METRIC
        from pyrallelism.structures.confusion_matrix import ReducedConfusionMatrix
    except ImportError:
        return {}
    evaluate = evaluate_bipartite_parallelism_metric
    return {
        "EPM": (EPM_METRIC, evaluate, ReducedConfusionMatrix()),
        "MPBM": (MPBM_METRIC, evaluate, ReducedConfusionMatrix()),
    }


if __name__ == "__main__":
    main()
