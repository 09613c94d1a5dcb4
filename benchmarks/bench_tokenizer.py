"""Words: policytext's compiled core against raw spacy_pkuseg (and jieba), side by side.

Run: ``python -m benchmarks.bench_tokenizer [--mb 0.3]`` from the project root. Prints, in one run:

1. a fresh interpreter until its first token: seconds and peak RSS (raw
   spacy_pkuseg: import, load, cut; policytext: import, tokenize);
2. throughput on the same text in one process (best of ``--repeat``);
3. ``analyze_corpus(tokens=True)`` over the documents against raw
   spacy_pkuseg cutting the same documents;
4. two worker processes (fresh interpreters) sharing the memory-mapped model:
   each one's private memory after both have tokenised the text.

Ratios are against raw spacy_pkuseg in the same run; sections 2 and 3 time
CPU seconds of the one process (``time.process_time``), so other jobs on a
shared machine do not skew them; section 1 is wall-clock time. jieba's row is printed
when jieba is installed (``pip install jieba``), skipped with a note otherwise.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import tempfile
from pathlib import Path

from benchmarks._corpus import corpus_text, run_fresh, shared_documents

SAMPLE = "工会组织作用发挥经验交流"

_CPU = """
        usage = resource.getrusage(resource.RUSAGE_SELF)
        extra = {{"cpu": usage.ru_utime + usage.ru_stime, "backend": backend}}
"""

FIRST_TOKEN = {
    "raw spacy_pkuseg": """
        start = time.perf_counter()
        import spacy_pkuseg
        seg = spacy_pkuseg.pkuseg(model_name={model!r}, user_dict=None)
        words = seg.cut({sample!r})
        seconds = time.perf_counter() - start
        backend = "spacy_pkuseg"
    """
    + _CPU,
    "policytext (core)": """
        start = time.perf_counter()
        import policytext
        words = policytext.tokenize({sample!r})
        seconds = time.perf_counter() - start
        backend = policytext.tokenizer.segmenter().backend
    """
    + _CPU,
    "  of it: import policytext": """
        start = time.perf_counter()
        import policytext
        seconds = time.perf_counter() - start
        backend = ""
    """
    + _CPU,
}

THROUGHPUT = """
    import spacy_pkuseg, policytext
    from policytext.tokenizer import segmenter
    text = open({path!r}, encoding="utf-8").read()
    view = policytext.simplified_view(text)
    raw = spacy_pkuseg.pkuseg(model_name={model!r}, user_dict=None)
    seg = segmenter()
    try:
        import jieba
        jieba.setLogLevel(60)
        jieba.initialize()
    except ImportError:
        jieba = None
    runs = {{
        "raw": lambda: raw.cut(view),
        "spans": lambda: seg.spans(view),
        "tokenize": lambda: policytext.tokenize(text),
    }}
    if jieba is not None:
        runs["jieba"] = lambda: jieba.lcut(view)
    best, words = {{}}, {{}}
    for _ in range({repeat}):
        for name, run in runs.items():
            start = time.process_time(); out = run(); t = time.process_time() - start
            best[name] = min(best.get(name, 9e9), t)
            words[name] = len(out)
    seconds = 0.0
    extra = {{"best": best, "words": words, "backend": seg.backend}}
"""

PIPELINE = """
    import spacy_pkuseg, policytext
    texts = [json.loads(line) for line in open({path!r}, encoding="utf-8")]
    raw = spacy_pkuseg.pkuseg(model_name={model!r}, user_dict=None)
    policytext.tokenizer.segmenter()
    views = [policytext.simplified_view(t) for t in texts]
    start = time.process_time()
    for view in views:
        raw.cut(view)
    raw_seconds = time.process_time() - start
    start = time.process_time()
    n = sum(1 for _ in policytext.analyze_corpus(enumerate(texts), tokens=True))
    seconds = time.process_time() - start
    extra = {{"raw": raw_seconds, "docs": n}}
"""


def _private_mb() -> dict[str, float]:
    """This process's memory from /proc/self/smaps_rollup, in MB."""
    fields = {}
    with open("/proc/self/smaps_rollup", encoding="ascii") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1]) / 1024
    return {
        "rss": fields["Rss"],
        "private": fields["Private_Clean"] + fields["Private_Dirty"],
        "private_dirty": fields["Private_Dirty"],
        "shared": fields["Shared_Clean"] + fields["Shared_Dirty"],
    }


def _worker(path: str, tokenize: bool, barrier, results) -> None:
    """One fresh interpreter: import policytext (and tokenise the text), then report memory."""
    import policytext

    if tokenize:
        policytext.tokenize(Path(path).read_text(encoding="utf-8"))
    barrier.wait()  # both have touched the model's pages before either measures
    results.put(_private_mb())
    barrier.wait()


def shared_memory(path: Path, tokenize: bool) -> list[dict[str, float]]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    workers = [
        context.Process(target=_worker, args=(str(path), tokenize, barrier, results))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    found = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=0.3, help="text size, millions of chars")
    parser.add_argument("--repeat", type=int, default=2, help="throughput runs (best of)")
    args = parser.parse_args()
    model = str(run_fresh(MODEL)["extra"])
    text = corpus_text(int(args.mb * 1_000_000))
    path = Path(tempfile.gettempdir()) / "policytext-bench-tokenizer.txt"
    path.write_text(text, encoding="utf-8")

    print("1. fresh interpreter to its first token (CPU: the interpreter's whole CPU time)")
    print(f"  {'what':<28}{'seconds':>9}{'vs raw':>8}{'CPU s':>8}{'vs raw':>8}{'peak MB':>9}")
    first = {}
    for name, body in FIRST_TOKEN.items():
        first[name] = run = run_fresh(body.format(model=model, sample=SAMPLE))
        raw = first["raw spacy_pkuseg"]
        print(
            f"  {name:<28}{run['seconds']:>9.2f}{run['seconds'] / raw['seconds']:>8.2f}"
            f"{run['extra']['cpu']:>8.2f}{run['extra']['cpu'] / raw['extra']['cpu']:>8.2f}"
            f"{run['peak_mb']:>9.0f}"
        )
    print(f"  (backend: {first['policytext (core)']['extra']['backend']})")

    result = run_fresh(THROUGHPUT.format(path=str(path), model=model, repeat=args.repeat))
    best, words = result["extra"]["best"], result["extra"]["words"]
    print(f"\n2. throughput on {len(text):,} characters, one process (best of {args.repeat})")
    print(f"  {'what':<28}{'chars/s':>12}{'words/s':>12}{'vs raw':>8}")
    rows = [
        ("raw spacy_pkuseg .cut", "raw"),
        ("policytext core spans", "spans"),
        ("policytext.tokenize", "tokenize"),
        ("jieba.lcut", "jieba"),
    ]
    for name, key in rows:
        if key not in best:
            print(f"  {name:<28}  skipped: jieba is not installed (pip install jieba)")
            continue
        seconds = best[key]
        print(
            f"  {name:<28}{len(text) / seconds:>12,.0f}{words[key] / seconds:>12,.0f}"
            f"{best['raw'] / seconds:>8.2f}x"
        )

    docs, chars = _documents_file(args.mb)
    result = run_fresh(PIPELINE.format(path=str(docs), model=model))
    raw_seconds, seconds = result["extra"]["raw"], result["seconds"]
    n_docs = result["extra"]["docs"]
    print(f"\n3. analyze_corpus(tokens=True) on {n_docs} documents, {chars:,} characters")
    print(f"  raw spacy_pkuseg .cut of the same documents  {raw_seconds:7.2f} s")
    print(f"  analyze_corpus(tokens=True), every layer     {seconds:7.2f} s")
    print(f"  analyze_corpus against raw spacy_pkuseg      {raw_seconds / seconds:7.2f}x faster")

    print("\n4. two fresh worker processes sharing the mapped model (MB, each)")
    print(f"  {'what':<34}{'RSS':>7}{'shared':>8}{'private':>9}{'priv.dirty':>11}")
    baseline = shared_memory(path, tokenize=False)
    loaded = shared_memory(path, tokenize=True)
    for label, found in (("import policytext only", baseline), ("import + tokenize", loaded)):
        for i, memory in enumerate(found):
            print(
                f"  {label + f' (worker {i + 1})':<34}{memory['rss']:>7.0f}{memory['shared']:>8.0f}"
                f"{memory['private']:>9.0f}{memory['private_dirty']:>11.0f}"
            )
    extra = max(b["private"] for b in loaded) - max(b["private"] for b in baseline)
    print(f"  the model's own private memory per worker: {extra:.0f} MB")


MODEL = """
    from policytext.model_store import ensure_model
    extra = str(ensure_model())
    seconds = 0.0
"""


def _documents_file(mb: float) -> tuple[Path, int]:
    """Whole documents up to ``mb`` million characters, one JSON string per line."""
    path = Path(tempfile.gettempdir()) / "policytext-bench-tokenizer.jsonl"
    total = 0
    with path.open("w", encoding="utf-8") as out:
        for document in shared_documents():
            if total >= mb * 1_000_000:
                break
            out.write(json.dumps(document, ensure_ascii=False) + "\n")
            total += len(document)
    return path, total


if __name__ == "__main__":
    main()
