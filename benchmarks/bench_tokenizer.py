"""The tokenizer against raw spacy_pkuseg: load cost, throughput, spaCy multiprocessing.

Run: ``python -m benchmarks.bench_tokenizer [--mb 0.5]``. Each measurement that
loads the model runs in a fresh interpreter so peak memory is its own.
Prints a table; ratios compare policytext with raw ``spacy_pkuseg`` on the
same text in the same run.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks._corpus import corpus_text, run_fresh

LOAD = {
    "raw spacy_pkuseg": """
        import spacy_pkuseg
        from policytext.model_store import ensure_model
        path = str(ensure_model())
        start = time.perf_counter()
        seg = spacy_pkuseg.pkuseg(model_name=path, user_dict=None)
        seconds = time.perf_counter() - start
    """,
    "policytext.load()": """
        import policytext
        policytext.model_store.ensure_model()
        start = time.perf_counter()
        policytext.load()
        seconds = time.perf_counter() - start
    """,
}

THROUGHPUT = """
    import spacy_pkuseg, policytext
    from policytext.tokenizer import segmenter
    text = open({path!r}, encoding="utf-8").read()
    view = policytext.simplified_view(text)
    raw = spacy_pkuseg.pkuseg(model_name=str(policytext.model_store.ensure_model()), user_dict=None)
    segmenter()
    best = {{}}
    for _ in range(3):
        start = time.perf_counter(); raw.cut(view); t = time.perf_counter() - start
        best["raw"] = min(best.get("raw", 9e9), t)
        start = time.perf_counter(); policytext.tokenize(text); t = time.perf_counter() - start
        best["tokenize"] = min(best.get("tokenize", 9e9), t)
        nlp = policytext.load()
        start = time.perf_counter(); nlp(text); t = time.perf_counter() - start
        best["spacy"] = min(best.get("spacy", 9e9), t)
    seconds = best
"""

PIPE = """
    import policytext
    texts = [t for t in open({path!r}, encoding="utf-8").read().split("\\n\\n") if t.strip()]
    nlp = policytext.load()
    start = time.perf_counter()
    n = sum(len(doc) for doc in nlp.pipe(texts, n_process={n}, batch_size=16))
    seconds = time.perf_counter() - start
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=0.5, help="text size, millions of chars")
    args = parser.parse_args()
    text = corpus_text(int(args.mb * 1_000_000))
    path = Path("/tmp/policytext-bench-tokenizer.txt")
    path.write_text(text, encoding="utf-8")

    print("model load (fresh interpreter each)")
    print(f"  {'what':<22}{'seconds':>9}{'peak MB':>10}")
    for name, body in LOAD.items():
        result = run_fresh(body)
        print(f"  {name:<22}{result['seconds']:>9.2f}{result['peak_mb']:>10.0f}")

    result = run_fresh(THROUGHPUT.format(path=str(path)))["seconds"]
    print(f"\nthroughput on {len(text):,} characters (best of 3)")
    print(f"  {'what':<22}{'chars/s':>12}{'vs raw':>8}")
    for name, key in (
        ("raw spacy_pkuseg.cut", "raw"),
        ("policytext.tokenize", "tokenize"),
        ("policytext.load()(text)", "spacy"),
    ):
        print(f"  {name:<22}{len(text) / result[key]:>12,.0f}{result[key] / result['raw']:>8.2f}")

    print("\nnlp.pipe over the same text split into paragraphs")
    one = run_fresh(PIPE.format(path=str(path), n=1))["seconds"]
    two = run_fresh(PIPE.format(path=str(path), n=2))["seconds"]
    print(f"  n_process=1 {one:6.2f} s   n_process=2 {two:6.2f} s   speed-up {one / two:.2f}x")


if __name__ == "__main__":
    main()
