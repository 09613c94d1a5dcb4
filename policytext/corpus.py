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
A worker that dies (a signal, the OOM killer) raises :class:`WorkerError` in the
caller, and ``timeout=`` bounds each document; either way no worker is left running.
"""

from __future__ import annotations

import collections
import gc
import itertools
import multiprocessing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from .document import PolicyDoc, analyze
from .layout import LayoutMode, ensure_layout
from .parallels import MinScore, resolve_min_score
from .payload import LAYERS, document_from_packed, packed_payload
from .validation import CorpusInput, corpus_items, ensure_positive_int


def analyze_batch(
    batch: Iterable[tuple[str, str]],
    tokens: bool = False,
    layout: LayoutMode = "auto",
    min_score: float | None = None,
) -> list[tuple[str, dict[str, Any]]]:
    """``(doc_id, payload)`` for each pair: the work of one process or one Dask partition.

    Each layer travels pickled on its own, so the receiving process unpickles
    only the layers it reads (see ``packed_payload``).
    """
    return [
        (doc_id, packed_payload(analyze(text, layout=layout, min_score=min_score), tokens=tokens))
        for doc_id, text in batch
    ]


def _analyzed(text: str, tokens: bool, layout: LayoutMode, min_score: float) -> PolicyDoc:
    """``analyze(text)`` with the layers of a payload computed (in this process: no payload)."""
    doc = analyze(text, layout=layout, min_score=min_score)
    for layer in LAYERS:
        getattr(doc, layer)
    if tokens:
        doc.tokens  # noqa: B018 - computed now, as in the workers
    return doc


def _batches(items: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class WorkerError(RuntimeError):
    """A worker process of ``analyze_corpus`` died (killed by a signal or the OOM killer)."""


def analyze_corpus(
    items: Iterable[CorpusInput],
    n_process: int = 1,
    batch_size: int = 32,
    tokens: bool = False,
    progress: bool = False,
    layout: LayoutMode = "auto",
    timeout: float | None = None,
    min_score: MinScore = None,
) -> Iterator[tuple[str, PolicyDoc]]:
    """``(doc_id, PolicyDoc)`` for every item, in input order, layers computed.

    ``tokens=True`` also computes the words (needs the segmentation model);
    ``progress=True`` shows a progress bar on stderr; ``layout`` says how to
    read the lines of every text and ``min_score`` which parallel groups to keep
    (see :func:`policytext.analyze`).
    ``timeout`` (seconds) bounds each document: the documents then run in worker
    processes (``n_process`` of them, one document a task), and a document still
    running ``timeout`` seconds after the caller asks for it raises ``TimeoutError``
    naming it. A worker that dies raises :class:`WorkerError`; in both cases every
    worker is stopped before the error reaches the caller.
    """
    if isinstance(items, (str, bytes)):
        raise TypeError(
            "items must be an iterable of documents (texts, Paths or (doc_id, text) pairs), "
            "not a single string; wrap one text in a list: [text]"
        )
    ensure_positive_int(n_process, "n_process")
    ensure_positive_int(batch_size, "batch_size")
    ensure_layout(layout)
    threshold = resolve_min_score(min_score)
    if timeout is not None:
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
            raise TypeError(f"timeout must be a number of seconds, not {type(timeout).__name__}")
        if not timeout > 0:
            raise ValueError(f"timeout must be > 0 seconds, got {timeout}")
        batch_size = 1
    if tokens:
        from .tokenizer import segmenter

        segmenter()  # load the model here, once: forked workers share it
    if n_process == 1 and timeout is None:
        stream: Iterator = _in_process(items, tokens, layout, threshold)
    else:
        stream = _in_pool(items, n_process, batch_size, tokens, layout, timeout, threshold)
    if progress:
        from tqdm import tqdm

        stream = iter(tqdm(stream, unit="doc"))
    return stream


def _in_process(
    items: Iterable[CorpusInput], tokens: bool, layout: LayoutMode, min_score: float
) -> Iterator[tuple[str, PolicyDoc]]:
    for doc_id, text in corpus_items(items):
        yield doc_id, _analyzed(text, tokens, layout, min_score)


def _in_pool(
    items: Iterable[CorpusInput],
    n_process: int,
    batch_size: int,
    tokens: bool,
    layout: LayoutMode,
    timeout: float | None,
    min_score: float,
) -> Iterator[tuple[str, PolicyDoc]]:
    batches = _batches(corpus_items(items), batch_size)
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    # the workers' inherited objects (the model above all) go to the permanent
    # generation: the collector neither walks them nor dirties their shared pages
    pool = ProcessPoolExecutor(n_process, mp_context=context, initializer=gc.freeze)
    try:
        # a window of 2 × n_process batches keeps memory bounded and the results
        # in input order (Executor.map would submit the whole input at once)
        pending: collections.deque = collections.deque()
        unsent = None  # a batch the pool refused: a worker had died before it was sent
        for batch in batches:
            try:
                future = pool.submit(analyze_batch, batch, tokens, layout, min_score)
            except BrokenProcessPool:
                unsent = batch
                break
            pending.append((batch, future))
            if len(pending) >= 2 * n_process:
                yield from _documents(_result(*pending.popleft(), timeout))
        while pending:  # the batch whose worker died raises, in input order
            yield from _documents(_result(*pending.popleft(), timeout))
        if unsent is not None:
            raise _worker_died(unsent)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _result(batch: list[tuple[str, str]], future: Future, timeout: float | None) -> list:
    """A batch's payloads; a dead worker or a document over ``timeout`` raises a clear error."""
    try:
        return future.result(timeout=timeout)
    except BrokenProcessPool:
        raise _worker_died(batch) from None
    except FutureTimeout:
        raise TimeoutError(
            f"document {batch[0][0]!r} took longer than {timeout} s; all workers were stopped"
        ) from None


def _worker_died(batch: list[tuple[str, str]]) -> WorkerError:
    """The error for a pool whose worker died while ``batch`` was analysed or waiting."""
    ids = ", ".join(repr(doc_id) for doc_id, _ in batch[:3])
    return WorkerError(
        f"a worker process died (killed by a signal or out of memory) while analysing "
        f"the batch starting with {ids}; no worker is left running"
    )


def _stop(pool: ProcessPoolExecutor) -> None:
    """End every worker now (also the busy ones), then let the pool wind down."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # public in 3.14 only
    for process in processes:
        if process.is_alive():
            process.kill()
    pool.shutdown(wait=True, cancel_futures=True)  # no task runs any more: this returns
    for process in processes:
        process.join(timeout=5)


def _documents(results: list[tuple[str, dict[str, Any]]]) -> Iterator[tuple[str, PolicyDoc]]:
    for doc_id, payload in results:
        yield doc_id, document_from_packed(payload)


def _corpus_rows(data: Any, text: str, id: str | None, keep: Sequence[str]) -> Iterator[tuple]:
    """``(doc_id, text or Path, kept values)`` for every document of ``data``."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        missing = [c for c in (text, *([id] if id is not None else []), *keep) if c not in data]
        if missing:
            raise KeyError(
                f"column(s) {missing} not in the DataFrame (its columns: {list(data.columns)})"
            )
        ids = data[id] if id is not None else data.index
        kept = data[list(keep)].itertuples(index=False, name=None) if keep else itertools.repeat(())
        for doc_id, value, values in zip(ids, data[text], kept, strict=False):
            yield doc_id, value, values
        return
    if keep:
        raise ValueError("keep= names columns of a DataFrame; pass the corpus as a DataFrame")
    if isinstance(data, pd.Series):
        for doc_id, value in data.items():
            yield doc_id, value, ()
        return
    if isinstance(data, Mapping):
        for doc_id, value in data.items():
            yield doc_id, value, ()
        return
    for doc_id, value in corpus_items(data):
        yield doc_id, value, ()


def _corpus_document(doc_id: Any, value: Any) -> tuple[str, str]:
    from .readers import read

    if isinstance(value, Path):
        return str(doc_id), read(value)
    if isinstance(value, str):
        return str(doc_id), value
    raise TypeError(
        f"the text of document {doc_id!r} must be str (or a Path to read), "
        f"not {type(value).__name__}"
    )


def corpus_frames(
    data: Any,
    *,
    text: str = "text",
    id: str | None = None,
    keep: Sequence[str] = (),
    n_process: int = 1,
    themes: bool = False,
    layout: LayoutMode = "auto",
    top_k: int = 20,
    min_score: MinScore = None,
) -> dict[str, Any]:
    """:func:`policytext.frames.to_frames` for a corpus, plus a ``documents`` frame;
    ``doc_id`` in every frame.

    ``data`` is a pandas ``DataFrame`` (texts in the column ``text``, ids from the
    column ``id`` or the index; ``keep`` columns such as year or title are carried
    into every frame), a ``Series`` (the index gives the ids), a dict ``{id: text}``,
    or an iterable of texts (ids ``doc0``, ``doc1`` …), ``Path`` objects (read with
    :func:`policytext.read`: .txt, .docx, .html, .pdf; the path is the id) and
    ``(doc_id, text)`` pairs. A ``Path`` in place of a text is read too.
    ``n_process > 1`` analyses in worker processes; ``themes=True`` adds the
    ``themes`` frame (needs the segmentation model); ``layout`` and ``min_score`` as
    for :func:`policytext.analyze`.
    """
    import pandas as pd

    from .frames import COLUMNS, DOCUMENT_COLUMNS, document_row, to_frames

    if isinstance(data, (str, bytes)):
        raise TypeError(
            "data must be a corpus (DataFrame, Series, dict, or an iterable of texts, Paths or "
            "(doc_id, text) pairs), not a single string; wrap one text in a list: [text]"
        )
    if isinstance(keep, str):
        keep = (keep,)
    ensure_positive_int(n_process, "n_process")
    ensure_layout(layout)
    threshold = resolve_min_score(min_score)
    keep = tuple(keep)
    kept: dict[str, tuple] = {}

    def documents() -> Iterator[tuple[str, str]]:
        for doc_id, value, values in _corpus_rows(data, text, id, keep):
            doc_id, content = _corpus_document(doc_id, value)
            if doc_id in kept:
                raise ValueError(f"document id {doc_id!r} occurs twice; ids must be unique")
            kept[doc_id] = values
            yield doc_id, content

    names = [name for name in COLUMNS if themes or name != "themes"]
    collected: dict[str, list[pd.DataFrame]] = {name: [] for name in names}
    rows = []
    for doc_id, doc in analyze_corpus(
        documents(), n_process=n_process, layout=layout, min_score=threshold
    ):
        extra = {"doc_id": doc_id, **dict(zip(keep, kept[doc_id], strict=True))}
        for name, frame in to_frames(doc, themes=themes, top_k=top_k).items():
            collected[name].append(frame.assign(**extra))
        rows.append({**extra, **document_row(doc)})
    front = ["doc_id", *keep]
    result = {"documents": pd.DataFrame(rows, columns=[*front, *DOCUMENT_COLUMNS])}
    for name, frames in collected.items():
        frame = (
            pd.concat(frames, ignore_index=True)
            if frames
            else pd.DataFrame(columns=[*COLUMNS[name], *front])
        )
        result[name] = frame[[*front, *COLUMNS[name]]]
    if "slogans" in result:
        result["slogans"]["member_count"] = result["slogans"]["member_count"].astype("Int64")
    return result
