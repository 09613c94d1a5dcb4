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
from numbers import Integral
from typing import Any

import numpy as np

from .corpus import analyze_batch
from .document import PolicyDoc
from .layout import LayoutMode, ensure_layout
from .parallels import MinScore, resolve_min_score
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
    min_score: MinScore = None,
) -> list[tuple[str, PolicyDoc]]:
    """``(doc_id, PolicyDoc)`` for every item, computed on the cluster, in input order;
    ``layout`` and ``min_score`` as for :func:`policytext.analyze`."""
    ensure_positive_int(partition_size, "partition_size")
    ensure_layout(layout)
    threshold = resolve_min_score(min_score)
    pairs = list(corpus_items(items))
    bag = _bag(client, pairs, partition_size).map_partitions(
        analyze_batch, tokens, layout, threshold
    )
    payloads = client.compute(bag).result()
    return [(doc_id, document_from_packed(payload)) for doc_id, payload in payloads]


def _partition_frequencies(
    texts: Iterable[str], settings: dict[str, Any]
) -> list[tuple[int, dict[str, tuple[int, int]]]]:
    """Map step: (documents in the partition, {term: (document frequency, occurrences)}).

    ``settings`` are the vectorizer's parameters: its analyzer (ngrams, stop words,
    model) makes the terms, exactly as ``fit`` would.
    """
    analyzer = ThemeVectorizer(**settings).build_analyzer()
    frequencies: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    documents = 0
    for text in texts:
        terms = Counter(analyzer(text))
        frequencies.update(terms.keys())
        occurrences.update(terms)
        documents += 1
    return [(documents, {t: (frequencies[t], occurrences[t]) for t in frequencies})]


def _merge(left: tuple[int, dict], right: tuple[int, dict]) -> tuple[int, dict]:
    """Reduce step: add two partitions' counts."""
    merged = dict(left[1])
    for term, (df, tf) in right[1].items():
        old = merged.get(term)
        merged[term] = (df, tf) if old is None else (old[0] + df, old[1] + tf)
    return left[0] + right[0], merged


def _counts_on_dask(
    client: Any, texts: Sequence[str], partition_size: int, settings: dict[str, Any]
) -> tuple[int, dict[str, tuple[int, int]]]:
    ensure_positive_int(partition_size, "partition_size")
    bag = _bag(client, list(texts), partition_size)
    partials = bag.map_partitions(_partition_frequencies, settings)
    return client.compute(partials.fold(_merge, initial=(0, {}))).result()


def document_frequencies_on_dask(
    client: Any,
    texts: Sequence[str],
    partition_size: int = 16,
    model: str | None = None,
    extra_stop_words: Sequence[str] = (),
) -> BackgroundIDF:
    """Document frequencies of the theme terms of ``texts``, as a map-reduce on the cluster."""
    settings = {"model": model, "extra_stop_words": tuple(extra_stop_words)}
    documents, counts = _counts_on_dask(client, texts, partition_size, settings)
    return BackgroundIDF(documents, {term: df for term, (df, _) in counts.items()}, "dask")


def fit_themes_on_dask(
    client: Any,
    texts: Sequence[str],
    vectorizer: ThemeVectorizer | None = None,
    partition_size: int = 16,
) -> ThemeVectorizer:
    """A fitted :class:`ThemeVectorizer` from term counts made by a map-reduce on Dask.

    Every parameter acts as in ``vectorizer.fit(texts)``: the analyzer
    (``ngram_range``, stop words, model) runs in the workers; ``min_df``,
    ``max_df`` and ``max_features`` (the most frequent terms over the corpus,
    ties broken as scikit-learn breaks them) select the vocabulary; the IDF
    (``use_idf``, ``smooth_idf``) and ``transform`` (``norm``, ``sublinear_tf``,
    ``dtype``) are scikit-learn's own. The result equals a single-process fit.
    """
    vectorizer = ThemeVectorizer() if vectorizer is None else vectorizer
    if not isinstance(vectorizer, ThemeVectorizer):
        raise TypeError(f"vectorizer must be a ThemeVectorizer, not {type(vectorizer).__name__}")
    if isinstance(texts, str):
        raise TypeError("texts must be a sequence of documents, not a single string")
    vectorizer._validate_params()
    settings = vectorizer.get_params()
    documents, counts = _counts_on_dask(client, texts, partition_size, settings)
    return fitted_from_counts(vectorizer, documents, counts)


def fitted_from_counts(
    vectorizer: ThemeVectorizer, documents: int, counts: dict[str, tuple[int, int]]
) -> ThemeVectorizer:
    """``vectorizer`` fitted from corpus counts {term: (document frequency, occurrences)}.

    The steps and their order are scikit-learn's ``CountVectorizer.fit_transform``
    and ``TfidfTransformer.fit``, applied to the column sums of the count matrix.
    """
    from sklearn.feature_extraction.text import TfidfTransformer

    vectorizer._validate_ngram_range()
    vectorizer._validate_vocabulary()
    if vectorizer.fixed_vocabulary_:
        vocabulary = dict(vectorizer.vocabulary_)
    else:
        vocabulary = {term: index for index, term in enumerate(sorted(counts))}
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    dfs = np.array([counts.get(term, (0, 0))[0] for term in terms], dtype=np.int64)
    tfs = np.array([counts.get(term, (0, 0))[1] for term in terms], dtype=vectorizer.dtype)
    if getattr(vectorizer, "binary", False):
        tfs = dfs.astype(vectorizer.dtype)
    if not vectorizer.fixed_vocabulary_:
        max_df, min_df = vectorizer.max_df, vectorizer.min_df
        high = max_df if isinstance(max_df, Integral) else max_df * documents
        low = min_df if isinstance(min_df, Integral) else min_df * documents
        if high < low:
            raise ValueError("max_df corresponds to < documents than min_df")
        mask = (dfs <= high) & (dfs >= low)
        limit = vectorizer.max_features
        if limit is not None and mask.sum() > limit:
            # scikit-learn's own ranking (same array, same argsort: the same ties)
            chosen = (-tfs[mask]).argsort()[:limit]
            limited = np.zeros(len(dfs), dtype=bool)
            limited[np.where(mask)[0][chosen]] = True
            mask = limited
        kept = np.where(mask)[0]
        if len(kept) == 0:
            raise ValueError(
                "After pruning, no terms remain. Try a lower min_df or a higher max_df."
            )
        terms = [terms[i] for i in kept]
        dfs = dfs[kept]
        vectorizer.vocabulary_ = {term: index for index, term in enumerate(terms)}
    transformer = TfidfTransformer(
        norm=vectorizer.norm,
        use_idf=vectorizer.use_idf,
        smooth_idf=vectorizer.smooth_idf,
        sublinear_tf=vectorizer.sublinear_tf,
    )
    transformer.n_features_in_ = len(terms)
    if vectorizer.use_idf:
        dtype = vectorizer.dtype if vectorizer.dtype in (np.float64, np.float32) else np.float64
        df = dfs.astype(dtype)
        df += float(vectorizer.smooth_idf)
        n_samples = documents + int(vectorizer.smooth_idf)
        idf = np.full_like(df, fill_value=n_samples, dtype=dtype)
        idf /= df
        np.log(idf, out=idf)
        idf += 1.0
        transformer.idf_ = idf
    vectorizer._tfidf = transformer
    return vectorizer
