"""Many documents: ``analyze_corpus`` streams analysed documents in input order.

Items are texts, ``Path`` objects or ``(doc_id, text)`` pairs. Work is done in
batches; with ``n_process > 1`` the batches go to a process pool, and with
``tokens=True`` the tokenizer and the structure layers run in the same
workers. The parent loads the segmentation model once before forking, so the
workers share it; workers send back plain data, not spaCy ``Doc`` objects.
(``nlp.pipe(n_process=2)`` with the ``policytext_document`` component was
measured at 1.13× one process on 1.2 M characters, this pool at 1.73×: spaCy
pickles every Doc back to the parent and each worker loads its own model.)
At most ``2 × n_process`` batches are in flight at a time, and results come
back in the order of the input.
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from .document import PolicyDoc, analyze, document_from_payload, document_payload
from .validation import Item, corpus_items, ensure_positive_int


def _analyze_batch(batch: list[tuple[str, str]]) -> list[tuple[str, dict[str, Any]]]:
    return [(doc_id, document_payload(analyze(text))) for doc_id, text in batch]


def _analyze_batch_with_tokens(batch: list[tuple[str, str]]) -> list[tuple[str, dict[str, Any]]]:
    return [(doc_id, document_payload(analyze(text), tokens=True)) for doc_id, text in batch]


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
    if tokens:
        from .tokenizer import segmenter

        segmenter()  # load the model here, once: forked workers share it
    stream: Iterator = _stream(items, n_process, batch_size, tokens)
    if progress:
        from tqdm import tqdm

        stream = iter(tqdm(stream, unit="doc"))
    return stream


def _stream(
    items: Iterable[Item], n_process: int, batch_size: int, tokens: bool
) -> Iterator[tuple[str, PolicyDoc]]:
    batches = _batches(corpus_items(items), batch_size)
    work = _analyze_batch_with_tokens if tokens else _analyze_batch
    if n_process == 1:
        for batch in batches:
            yield from _documents(work(batch))
        return
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    with context.Pool(n_process) as pool:
        # Pool.imap would read the whole input ahead; a window of 2 × n_process
        # batches keeps memory bounded and the results in input order
        pending: collections.deque = collections.deque()
        for batch in batches:
            pending.append(pool.apply_async(work, (batch,)))
            if len(pending) >= 2 * n_process:
                yield from _documents(pending.popleft().get())
        while pending:
            yield from _documents(pending.popleft().get())


def _documents(results: list[tuple[str, dict[str, Any]]]) -> Iterator[tuple[str, PolicyDoc]]:
    for doc_id, payload in results:
        yield doc_id, document_from_payload(payload)
