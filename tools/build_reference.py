"""Build the theme data shipped in ``policytext/data`` from ``../shared/corpora``.

Run from the project root, with ``../shared`` beside it::

    python -m tools.build_reference ../shared/corpora

Three tables come out, each with its provenance in its header:

* ``policy_phrases.txt`` — policy compounds the theme layer reads as one term
  (放管服, 减税降费, 江泽民 …): runs of 2–3 adjacent words that recur across
  documents (see :func:`policytext.themes.mine_phrases`), mined from every
  document of the corpora except the reference essay;
* ``reference_counts.tsv.gz`` — term frequencies of the keyness reference, a
  balanced corpus of three parts: the national government work reports (one
  per year), the 2026 provincial reports and the normative policy documents;
* ``background_idf.tsv.gz`` — paragraph document frequencies of the same
  documents, for ``method="tfidf"``.

Tokenising the corpora takes a few minutes; ``--cache FILE`` keeps the words
(pickled) so that a second run only recounts. The output depends only on the
corpus, the tokenizer model and the term rules; it is rebuilt byte for byte.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import policytext as pt
from policytext import themes

ROOT = Path(__file__).resolve().parent.parent

EXCLUDED = {"reference_essay.txt"}

#: the parts of the reference: name -> (folder, file glob)
PARTS = {
    "national": ("gwr_cpc_wikisource", "gwr_*.txt"),
    "provincial": ("gwr_provincial_2026", "*.txt"),
    "normative": ("policy_docs", "*.txt"),
}


def corpus_files(corpus: Path) -> list[Path]:
    """Every document of the corpora (phrase mining reads them all)."""
    return sorted(p for p in corpus.rglob("*.txt") if p.name not in EXCLUDED)


def part_of(corpus: Path, path: Path) -> str | None:
    """The reference part a document belongs to, or None (congress reports, resolutions)."""
    for name, (folder, pattern) in PARTS.items():
        if path.parent == corpus / folder and path.match(pattern):
            return name
    return None


def tokenized(corpus: Path, cache: Path | None) -> dict[str, dict]:
    """For each document: its words (norm, start, end) and paragraph spans."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    documents = {}
    files = corpus_files(corpus)
    began = time.perf_counter()
    for i, path in enumerate(files, 1):
        doc = pt.analyze(path.read_text(encoding="utf-8"))
        documents[str(path.relative_to(corpus))] = {
            "tokens": [(t.norm, t.start, t.end) for t in doc.tokens],
            "paragraphs": [(p.start, p.end) for p in doc.paragraphs],
        }
        if i % 20 == 0:
            print(f"  {i}/{len(files)} documents, {time.perf_counter() - began:.0f} s", flush=True)
    if cache:
        cache.write_bytes(pickle.dumps(documents))
    return documents


def words_of(document: dict) -> list[pt.Token]:
    return [pt.Token(norm, start, end, norm) for norm, start, end in document["tokens"]]


def themes_tables(corpus: Path, documents: dict[str, dict], out: Path) -> int:
    """Mine the phrases, then count the reference and the paragraph frequencies with them."""
    names = sorted(documents)
    mined = themes.mine_phrases([norm for norm, _, _ in documents[n]["tokens"]] for n in names)
    out.mkdir(parents=True, exist_ok=True)
    header = (
        "# Policy compounds read as one theme term (Simplified): phrase, documents, count, PMI.\n"
        f"# Built by python -m tools.build_reference from the {len(names)} documents of "
        f"{corpus.name}/ (all but the reference essay): runs of 2-3 adjacent pkuseg words\n"
        "# in >= 4 documents and >= 8 times, PMI >= 4 bits and G2 >= 10.83 at the weakest "
        "split, no leading stop word, no function word.\n"
    )
    lines = [f"{p}\t{d}\t{c}\t{pmi}" for p, d, c, pmi in mined]
    (out / "policy_phrases.txt").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    table = themes.Phrases.of(p for p, *_ in mined)
    parts: dict[str, Counter] = {name: Counter() for name in PARTS}
    paragraphs: list[list[str]] = []
    sizes: Counter = Counter()
    for name in names:
        part = part_of(corpus, corpus / name)
        if part is None:
            continue
        sizes[part] += 1
        spans = themes.term_spans(words_of(documents[name]), phrases=table)
        parts[part].update(term for term, _, _ in spans)
        bounds = documents[name]["paragraphs"]
        per = themes._by_section(spans, bounds)
        paragraphs.extend(list(c.elements()) for c in per)
    described = ", ".join(f"{part} {sizes[part]} documents" for part in PARTS)
    source = f"{corpus.name}/ balanced parts: {described}"
    reference = themes.Reference({k: dict(v) for k, v in parts.items()}, source)
    reference.write(out / "reference_counts.tsv.gz")
    background = themes.BackgroundIDF.from_documents(
        paragraphs, f"{sum(sizes.values())} documents of {corpus.name}/ (paragraphs counted)"
    )
    background.write(out / "background_idf.tsv.gz")
    print(f"{len(mined)} phrases; reference {reference.totals} terms; {source}")
    print(f"background: {len(background.frequencies)} terms over {background.documents} paragraphs")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder of the corpora (../shared/corpora)")
    parser.add_argument("--out", type=Path, default=ROOT / "policytext" / "data")
    parser.add_argument("--cache", type=Path, default=None, help="pickle of the words")
    parser.add_argument("--tokenize-only", action="store_true")
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    if not corpus_files(corpus):
        print(f"no .txt documents under {corpus}", file=sys.stderr)
        return 1
    documents = tokenized(corpus, args.cache)
    if args.tokenize_only:
        return 0
    return themes_tables(corpus, documents, args.out)


if __name__ == "__main__":
    sys.exit(main())
