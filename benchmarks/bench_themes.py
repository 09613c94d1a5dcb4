"""Themes of a corpus against tokenising it: the cost of keyness on top of the words.

Run: ``python -m benchmarks.bench_themes [--docs 20] [--repeat 2]``. Takes the
first ``--docs`` national government work reports of ``../shared/corpora``
(one per year), loads the model once, then times, best of ``--repeat``:

* tokenising every report (``policytext.tokenize``), and
* ``corpus_themes`` over the same reports grouped by year (tokenising them
  layout-aware, phrases, term filtering, counting, keyness of every year
  against the others, the terms × years frequency frame), and
* ``PolicyDoc.themes`` of each report against the shipped reference.

Prints the ratios to tokenising (the bar: corpus themes ≤ 1.2×).
"""

from __future__ import annotations

import argparse
import time

import policytext as pt
from benchmarks._corpus import SHARED_CORPORA, shared_documents
from policytext.themes import corpus_themes


def best(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    shared_documents()  # exits with a message when the corpora are absent
    paths = sorted((SHARED_CORPORA / "gwr_cpc_wikisource").glob("gwr_*.txt"))[: args.docs]
    items = [(p.stem, p.read_text(encoding="utf-8")) for p in paths]
    years = {doc_id: int(doc_id[4:]) for doc_id, _ in items}
    chars = sum(len(text) for _, text in items)
    pt.tokenize("预热模型。")
    pt.analyze("预热。").themes(1)  # loads the reference and the phrase table

    tokenizing = best(lambda: [pt.tokenize(text) for _, text in items], args.repeat)
    corpus = best(lambda: corpus_themes(items, groups=years, top_k=20), args.repeat)
    documents = best(lambda: [pt.analyze(text).themes(20) for _, text in items], args.repeat)
    print(f"{len(items)} reports, {chars:,} characters, best of {args.repeat}")
    print(f"| tokenize | {tokenizing:.2f} s | 1.00x |")
    print(f"| corpus_themes(by year) | {corpus:.2f} s | {corpus / tokenizing:.2f}x |")
    print(f"| PolicyDoc.themes each | {documents:.2f} s | {documents / tokenizing:.2f}x |")
    print(f"corpus themes / tokenising = {corpus / tokenizing:.2f} (bar: <= 1.2)")


if __name__ == "__main__":
    main()
