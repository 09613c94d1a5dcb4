"""Many documents: ``analyze_corpus`` streams analysed documents in input order.

Items are texts, ``Path`` objects or ``(doc_id, text)`` pairs. Work is done in
batches; with ``n_process > 1`` the batches go to worker processes (the
structure layers in a process pool; with ``tokens=True`` through spaCy's
``nlp.pipe(n_process=…)``, so the tokenizer and the structure layers run in
the same workers). Only ``batch_size × n_process`` documents are in flight at
a time, and results come back in the order of the input.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from .document import PolicyDoc, analyze, document_from_payload, document_payload
from .validation import Item, corpus_items, ensure_positive_int


def _analyze_batch(batch: list[tuple[str, str]]) -> list[tuple[str, dict[str, Any]]]:
    return [(doc_id, document_payload(analyze(text))) for doc_id, text in batch]


def _batches(items: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def analyze_corpus(
    items: Iterable[Item],
    n_process: int = 1,
    batch_size: int = 32,
    tokens: bool = False,
    progress: bool = False,
) -> Iterator[tuple[str, PolicyDoc]]:
    """``(doc_id, PolicyDoc)`` for every item, in input order, layers computed.

    ``tokens=True`` also computes the words (needs the segmentation model);
    ``progress=True`` shows a progress bar on stderr.
    """
    ensure_positive_int(n_process, "n_process")
    ensure_positive_int(batch_size, "batch_size")
    stream: Iterator = (
        _stream_tokens(items, n_process, batch_size)
        if tokens
        else _stream_structure(items, n_process, batch_size)
    )
    if progress:
        from tqdm import tqdm

        stream = iter(tqdm(stream, unit="doc"))
    return stream


def _stream_structure(
    items: Iterable[Item], n_process: int, batch_size: int
) -> Iterator[tuple[str, PolicyDoc]]:
    batches = _batches(corpus_items(items), batch_size)
    if n_process == 1:
        for batch in batches:
            for doc_id, payload in _analyze_batch(batch):
                yield doc_id, document_from_payload(payload)
        return
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    with context.Pool(n_process) as pool:
        # imap keeps the input order and pulls batches lazily (bounded memory)
        for results in pool.imap(_analyze_batch, batches, chunksize=1):
            for doc_id, payload in results:
                yield doc_id, document_from_payload(payload)


@functools.cache
def _document_pipeline():
    """The shared ``load()`` pipeline's private copy with the document component (built once)."""
    from .tokenizer import load

    nlp = load()
    pipeline = nlp.from_config(nlp.config)
    pipeline.add_pipe("policytext_document")
    return pipeline


def _stream_tokens(
    items: Iterable[Item], n_process: int, batch_size: int
) -> Iterator[tuple[str, PolicyDoc]]:
    pipeline = _document_pipeline()
    pairs = ((text, doc_id) for doc_id, text in corpus_items(items))
    for doc, doc_id in pipeline.pipe(
        pairs, as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        yield doc_id, document_from_payload(doc.user_data["policytext.document"])
