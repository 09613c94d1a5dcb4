"""Dask: the same analysis and the corpus TF-IDF fit on a cluster.

``analyze_on_dask(client, items)`` analyses documents in the workers
(partitions of a ``dask.bag``) and returns ``(doc_id, PolicyDoc)`` in input
order. ``document_frequencies_on_dask(client, texts)`` counts, for every theme
term, the documents it occurs in as a map-reduce (each worker counts its
partition; the counts are summed), so no node ever holds the whole corpus.
``fit_themes_on_dask`` turns those counts into a fitted
:class:`~policytext.themes.ThemeVectorizer` whose ``transform`` equals a
single-process ``fit`` on the same texts.

A real cluster::

    # on the scheduler host
    dask scheduler
    # on each worker host (policytext installed, the model fetched once:
    # python -m policytext download; POLICYTEXT_HOME may point to shared storage)
    dask worker tcp://SCHEDULER:8786 --nworkers 2 --nthreads 1
    # in the analysis
    from distributed import Client
    client = Client("tcp://SCHEDULER:8786")
    docs = policytext.distributed.analyze_on_dask(client, items)

Workers need ``pip install "dask[distributed]"`` as well.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from .corpus import analyze_batch
from .document import PolicyDoc
from .layout import LayoutMode, ensure_layout
from .payload import document_from_packed
from .themes import BackgroundIDF, ThemeVectorizer
from .validation import CorpusInput, corpus_items, ensure_positive_int


def _bag(client: Any, sequence: Sequence, partition_size: int):
    import dask.bag as db

    if client is None:
        raise TypeError("client must be a distributed.Client")
    return db.from_sequence(sequence, partition_size=partition_size)


def analyze_on_dask(
    client: Any,
    items: Iterable[CorpusInput],
    partition_size: int = 16,
    tokens: bool = False,
    layout: LayoutMode = "auto",
) -> list[tuple[str, PolicyDoc]]:
    """``(doc_id, PolicyDoc)`` for every item, computed on the cluster, in input order."""
    ensure_positive_int(partition_size, "partition_size")
    ensure_layout(layout)
    pairs = list(corpus_items(items))
    bag = _bag(client, pairs, partition_size).map_partitions(analyze_batch, tokens, layout)
    payloads = client.compute(bag).result()
    return [(doc_id, document_from_packed(payload)) for doc_id, payload in payloads]


def _partition_frequencies(texts: Iterable[str], model: str | None, stop: tuple[str, ...]) -> list:
    """Map step: (documents in the partition, document frequency of each term)."""
    analyzer = ThemeVectorizer(model=model, extra_stop_words=stop).build_analyzer()
    counts: Counter[str] = Counter()
    documents = 0
    for text in texts:
        counts.update(set(analyzer(text)))
        documents += 1
    return [(documents, dict(counts))]


def _merge(left: tuple[int, dict], right: tuple[int, dict]) -> tuple[int, dict]:
    """Reduce step: add two partitions' counts."""
    merged = Counter(left[1])
    merged.update(right[1])
    return left[0] + right[0], dict(merged)


def document_frequencies_on_dask(
    client: Any,
    texts: Sequence[str],
    partition_size: int = 16,
    model: str | None = None,
    extra_stop_words: Sequence[str] = (),
) -> BackgroundIDF:
    """Document frequencies of the theme terms of ``texts``, as a map-reduce on the cluster."""
    ensure_positive_int(partition_size, "partition_size")
    bag = _bag(client, list(texts), partition_size)
    partials = bag.map_partitions(_partition_frequencies, model, tuple(extra_stop_words))
    documents, frequencies = client.compute(partials.fold(_merge, initial=(0, {}))).result()
    return BackgroundIDF(documents, frequencies, "dask")


def fit_themes_on_dask(
    client: Any,
    texts: Sequence[str],
    vectorizer: ThemeVectorizer | None = None,
    partition_size: int = 16,
) -> ThemeVectorizer:
    """A fitted :class:`ThemeVectorizer` (unigrams) from document frequencies counted by Dask.

    ``min_df``, ``max_df`` and ``max_features`` select the vocabulary as
    scikit-learn does; the IDF is scikit-learn's. ``transform`` then runs
    anywhere (on the client, or per partition in the workers).
    """
    vectorizer = ThemeVectorizer() if vectorizer is None else vectorizer
    if vectorizer.ngram_range != (1, 1):
        raise ValueError("fit_themes_on_dask supports ngram_range=(1, 1) only")
    table = document_frequencies_on_dask(
        client, texts, partition_size, vectorizer.model, vectorizer.extra_stop_words
    )
    n = table.documents
    low = vectorizer.min_df if isinstance(vectorizer.min_df, int) else vectorizer.min_df * n
    high = vectorizer.max_df if isinstance(vectorizer.max_df, int) else vectorizer.max_df * n
    kept = {term: df for term, df in table.frequencies.items() if low <= df <= high}
    if vectorizer.max_features is not None:
        # scikit-learn keeps the most frequent terms over the corpus; document
        # frequency is what a map-reduce can count without a second pass
        ranked = sorted(kept, key=lambda term: (-kept[term], term))[: vectorizer.max_features]
        kept = {term: kept[term] for term in ranked}
    vocabulary = {term: index for index, term in enumerate(sorted(kept))}
    vectorizer.vocabulary_ = vocabulary
    vectorizer.fixed_vocabulary_ = False
    df = np.array([kept[term] for term in sorted(kept)], dtype=np.float64)
    idf = np.log((1 + n) / (1 + df)) + 1 if vectorizer.smooth_idf else np.log(n / df) + 1
    vectorizer.idf_ = idf
    return vectorizer
