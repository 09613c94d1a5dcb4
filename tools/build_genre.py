"""Build the genre model of ``policytext.parallels.genre``: report or normative text.

Run from the project root, with ``../shared`` beside it (or ``POLICYTEXT_SHARED``)::

    python -m tools.build_genre

Reads the development documents only (:func:`tools.build_formulas.development_files`:
all of ``gwr_cpc_wikisource`` and the first 21 ``gwr_provincial_2026`` reports by name as
reports, the development policy documents of ``tests/data/document_split.json`` as
normative text; never a held-out document), each read as ``analyze`` reads it (layout
reading, Simplified view, its paragraphs). Then:

1. naive Bayes over characters and character pairs (digits read as 0): each n-gram in at
   least ``MIN_DOCUMENTS`` documents and ``MIN_COUNT`` times, and in ``MIN_SHARE`` of the
   documents of the kind it favours, gets the log-likelihood ratio
   of its share among the n-grams of its order in the reports against the normative
   documents (add-``SMOOTHING``), clipped to ``CLIP``; n-grams weighing less than ``LEAST``
   are left out. A paragraph's rate is the mean weight per character;
2. the rate of each development paragraph of at least ``MIN_CHARS`` characters is computed
   by a model built without its document (``FOLDS`` folds of whole documents), and a
   logistic curve (one intercept, one slope; both kinds weighted alike) fitted on those
   rates turns a rate into the probability of a report;
3. the weights and the curve go to ``policytext/data/genre_model.tsv``; the tool prints
   the cross-validated accuracy per kind.

Deterministic: the same documents give the same bytes.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from pathlib import Path

from policytext.layout import read
from policytext.parallels.genre import REPORT_AT, evidence, normalised
from policytext.script import simplified_view
from policytext.segment import paragraphs_of
from tools.build_formulas import development_files
from tools.calibration import ROOT, shared_root

#: an n-gram is weighed when seen in this many documents and this many times
MIN_DOCUMENTS = 5
MIN_COUNT = 50
#: and in at least this share of the documents of the kind it favours: a cue of the kind of
#: text, not a word of a few documents' topic (数字 in the normative documents on digital
#: education, a province's name in its report)
MIN_SHARE = 0.1
SMOOTHING = 0.5
#: weights are clipped to ±CLIP; n-grams weighing less than LEAST are left out. Chosen with
#: MIN_COUNT for a small table: 0.25/20/no share: 15,935 n-grams, cross-validated accuracy
#: report 0.968 normative 0.973; 0.5/50/0.1: 6,519 n-grams, 0.964 and 0.966
CLIP = 3.0
LEAST = 0.5
#: paragraphs shorter than this are left out of the curve's fit and the accuracy
MIN_CHARS = 50
FOLDS = 5
OUT = ROOT / "policytext" / "data" / "genre_model.tsv"


def kind_of(path: Path) -> str:
    """normative for the policy documents, report for the reports."""
    return "normative" if path.parent.name == "policy_docs" else "report"


def document_paragraphs(path: Path) -> list[str]:
    """The normalised paragraphs of a document, as the scorer reads them."""
    reading = read(path.read_text(encoding="utf-8"), "auto")
    view = simplified_view(reading.text)
    return [normalised(view[p.start : p.end]) for p in paragraphs_of(reading.text)]


def ngrams(text: str) -> list[str]:
    return [*text, *(text[i : i + 2] for i in range(len(text) - 1))]


def weights_of(documents: list[tuple[str, list[str]]]) -> dict[str, float]:
    """The clipped log-likelihood ratios (report against normative) of the n-grams."""
    counts = {"report": Counter(), "normative": Counter()}
    docs: Counter = Counter()
    kind_docs = {"report": Counter(), "normative": Counter()}
    for kind, paragraphs in documents:
        grams = Counter(g for p in paragraphs for g in ngrams(p))
        counts[kind].update(grams)
        docs.update(grams.keys())
        kind_docs[kind].update(grams.keys())
    sizes = Counter(kind for kind, _ in documents)
    totals = {
        (kind, order): sum(n for g, n in counts[kind].items() if len(g) == order)
        for kind in counts
        for order in (1, 2)
    }
    vocabulary = {order: sum(1 for g in docs if len(g) == order) for order in (1, 2)}
    weights = {}
    for gram in sorted(docs):
        r, n = counts["report"][gram], counts["normative"][gram]
        if docs[gram] < MIN_DOCUMENTS or r + n < MIN_COUNT or gram.startswith("#"):
            continue
        order = len(gram)
        share_r = (r + SMOOTHING) / (totals["report", order] + SMOOTHING * vocabulary[order])
        share_n = (n + SMOOTHING) / (totals["normative", order] + SMOOTHING * vocabulary[order])
        w = max(-CLIP, min(CLIP, math.log(share_r / share_n)))
        favoured = "report" if w > 0 else "normative"
        if kind_docs[favoured][gram] < MIN_SHARE * sizes[favoured]:
            continue  # a word of a few documents' topic, not of the kind of text
        if abs(w) >= LEAST:
            weights[gram] = round(w, 3)
    return weights


def rate(text: str, weights: dict[str, float]) -> float:
    """The mean weight per character of a normalised paragraph, as the scorer reads it."""
    total, n = evidence(text, weights)
    return total / n if n else 0.0


def fit_curve(rates: list[float], labels: list[bool]) -> tuple[float, float]:
    """Logistic regression of the label on the rate, both kinds weighted alike (Newton)."""
    positives = sum(labels)
    w_pos, w_neg = 0.5 / positives, 0.5 / (len(labels) - positives)
    a = b = 0.0
    for _ in range(50):
        ga = gb = haa = hab = hbb = 0.0
        for x, y in zip(rates, labels, strict=True):
            p = 1.0 / (1.0 + math.exp(-(a + b * x)))
            w = w_pos if y else w_neg
            ga += w * (p - y)
            gb += w * (p - y) * x
            h = w * p * (1 - p)
            haa += h
            hab += h * x
            hbb += h * x * x
        det = haa * hbb - hab * hab
        a -= (hbb * ga - hab * gb) / det
        b -= (haa * gb - hab * ga) / det
    return round(a, 4), round(b, 4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    files = development_files(shared_root() / "corpora")
    documents = [(kind_of(f), document_paragraphs(f)) for f in files]
    fold_of = {}
    seen: Counter = Counter()
    for index, (kind, _) in enumerate(documents):
        fold_of[index] = seen[kind] % FOLDS
        seen[kind] += 1
    rates, labels = [], []
    for k in range(FOLDS):
        weights = weights_of([d for i, d in enumerate(documents) if fold_of[i] != k])
        for i, (kind, paragraphs) in enumerate(documents):
            if fold_of[i] == k:
                for p in paragraphs:
                    if len(p) >= MIN_CHARS:
                        rates.append(rate(p, weights))
                        labels.append(kind == "report")
    intercept, slope = fit_curve(rates, labels)
    right = Counter()
    total = Counter()
    for x, y in zip(rates, labels, strict=True):
        p = 1.0 / (1.0 + math.exp(-(intercept + slope * x)))
        kind = "report" if y else "normative"
        total[kind] += 1
        right[kind] += (p >= REPORT_AT) == y
    accuracy = {kind: right[kind] / total[kind] for kind in total}
    weights = weights_of(documents)
    reports = sum(1 for kind, _ in documents if kind == "report")
    lines = [
        "# Genre model of policytext.parallels.genre, built by python -m tools.build_genre from",
        f"# the development documents: {reports} reports (gwr_cpc_wikisource, the first 21 "
        f"gwr_provincial_2026 reports by name) and {len(documents) - reports} normative",
        "# documents (policy_docs, the development part of tests/data/document_split.json).",
        f"# Rows: a character or character pair (digits as 0) in >= {MIN_DOCUMENTS} documents, "
        f">= {MIN_COUNT} times and in >= {MIN_SHARE:.0%} of the documents of the kind it favours, "
        "and its",
        "# log-likelihood ratio, report against normative (add-"
        f"{SMOOTHING}, clipped to {CLIP}, |weight| >= {LEAST});",
        "# intercept and slope: the logistic curve from a paragraph's mean weight per "
        "character to the",
        f"# probability of a report, fitted on {len(rates)} development paragraphs of >= "
        f"{MIN_CHARS} characters, each rated by the",
        f"# model built without its document ({FOLDS} folds of documents). Cross-validated "
        f"accuracy at {REPORT_AT}: report "
        f"{right['report']}/{total['report']} ({accuracy['report']:.3f}),",
        f"# normative {right['normative']}/{total['normative']} ({accuracy['normative']:.3f}).",
        "name\tvalue",
        f"intercept\t{intercept}",
        f"slope\t{slope}",
        *(f"{gram}\t{w}" for gram, w in weights.items()),
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(line.removeprefix("# ") for line in lines[:9]))
    print(f"{len(weights)} n-grams; curve intercept {intercept} slope {slope}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
