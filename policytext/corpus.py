"""Many documents: ``analyze_corpus`` streams analysed documents in input order.

Items are texts, ``Path`` objects or ``(doc_id, text)`` pairs. With
``n_process=1`` each document is analysed here, one at a time. With
``n_process > 1`` batches go to a process pool, and with ``tokens=True`` the
tokenizer and the structure layers run in the same workers. The parent loads
the segmentation model once before forking, so the workers share it; workers
send back plain data, not spaCy ``Doc`` objects, and the parent turns a layer
back into result objects only when it is read.
(``nlp.pipe(n_process=2)`` with the ``policytext_document`` component was
measured at 1.13× one process on 1.2 M characters, this pool at 1.92×: spaCy
pickles every Doc back to the parent and each worker loads its own model.)
At most ``2 × n_process`` batches are in flight at a time, and results come
back in the order of the input. Each worker starts with ``gc.freeze()``: the
collector never walks what it inherited (pkuseg's feature sets hold 1.24 M
strings), which keeps full collections cheap and the shared pages unwritten.
"""

from __future__ import annotations

import collections
import gc
import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from .document import PolicyDoc, analyze
from .layout import LayoutMode, ensure_layout
from .payload import LAYERS, document_from_packed, packed_payload
from .validation import CorpusInput, corpus_items, ensure_positive_int


def analyze_batch(
    batch: Iterable[tuple[str, str]], tokens: bool = False, layout: LayoutMode = "auto"
) -> list[tuple[str, dict[str, Any]]]:
    """``(doc_id, payload)`` for each pair: the work of one process or one Dask partition.

    Each layer travels pickled on its own, so the receiving process unpickles
    only the layers it reads (see ``packed_payload``).
    """
    return [
        (doc_id, packed_payload(analyze(text, layout=layout), tokens=tokens))
        for doc_id, text in batch
    ]


def _analyzed(text: str, tokens: bool, layout: LayoutMode) -> PolicyDoc:
    """``analyze(text)`` with the layers of a payload computed (in this process: no payload)."""
    doc = analyze(text, layout=layout)
    for layer in LAYERS:
        getattr(doc, layer)
    if tokens:
        doc.tokens  # noqa: B018 - computed now, as in the workers
    return doc


def _batches(items: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def analyze_corpus(
    items: Iterable[CorpusInput],
    n_process: int = 1,
    batch_size: int = 32,
    tokens: bool = False,
    progress: bool = False,
    layout: LayoutMode = "auto",
) -> Iterator[tuple[str, PolicyDoc]]:
    """``(doc_id, PolicyDoc)`` for every item, in input order, layers computed.

    ``tokens=True`` also computes the words (needs the segmentation model);
    ``progress=True`` shows a progress bar on stderr; ``layout`` says how to
    read the lines of every text (see :func:`policytext.analyze`).
    """
    ensure_positive_int(n_process, "n_process")
    ensure_positive_int(batch_size, "batch_size")
    ensure_layout(layout)
    if tokens:
        from .tokenizer import segmenter

        segmenter()  # load the model here, once: forked workers share it
    stream: Iterator = _stream(items, n_process, batch_size, tokens, layout)
    if progress:
        from tqdm import tqdm

        stream = iter(tqdm(stream, unit="doc"))
    return stream


def _stream(
    items: Iterable[CorpusInput], n_process: int, batch_size: int, tokens: bool, layout: LayoutMode
) -> Iterator[tuple[str, PolicyDoc]]:
    if n_process == 1:
        for doc_id, text in corpus_items(items):
            yield doc_id, _analyzed(text, tokens, layout)
        return
    batches = _batches(corpus_items(items), batch_size)
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    # the workers' inherited objects (the model above all) go to the permanent
    # generation: the collector neither walks them nor dirties their shared pages
    with context.Pool(n_process, initializer=gc.freeze) as pool:
        # Pool.imap would read the whole input ahead; a window of 2 × n_process
        # batches keeps memory bounded and the results in input order
        pending: collections.deque = collections.deque()
        for batch in batches:
            pending.append(pool.apply_async(analyze_batch, (batch, tokens, layout)))
            if len(pending) >= 2 * n_process:
                yield from _documents(pending.popleft().get())
        while pending:
            yield from _documents(pending.popleft().get())


def _documents(results: list[tuple[str, dict[str, Any]]]) -> Iterator[tuple[str, PolicyDoc]]:
    for doc_id, payload in results:
        yield doc_id, document_from_packed(payload)


def corpus_frames(
    items: Iterable[CorpusInput], themes: bool = False, top_k: int = 20
) -> dict[str, Any]:
    """:func:`policytext.frames.to_frames` for many documents, concatenated, with a
    leading ``doc_id`` column.

    Strings are texts (ids ``doc0``, ``doc1`` …); pass ``Path`` objects for files
    (their path is the id) or ``(doc_id, text)`` pairs.
    """
    import pandas as pd

    from .frames import COLUMNS, to_frames

    collected: dict[str, list[pd.DataFrame]] = {name: [] for name in COLUMNS}
    for doc_id, text in corpus_items(items):
        for name, frame in to_frames(analyze(text), themes=themes, top_k=top_k).items():
            collected[name].append(frame.assign(doc_id=doc_id))
    result = {}
    for name, frames in collected.items():
        frame = (
            pd.concat(frames, ignore_index=True)
            if frames
            else pd.DataFrame(columns=[*COLUMNS[name], "doc_id"])
        )
        result[name] = frame[["doc_id", *COLUMNS[name]]]
    return result
