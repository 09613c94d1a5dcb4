"""Many documents: analyze_corpus (processes, order, ids) and Dask (identical results)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import policytext as pt
from policytext import payload
from tests.conftest import CORPORA, shared_path

TEXTS = [
    "一是加强领导。二是完善机制。三是狠抓落实。",
    "送政策、送技能、送维权。开展“五送”活动〈送政策、送技能、送维权、送安全、送健康〉。",
    "真正做到进万家门，知万家情，解万家难，温万家心。",
    "",
    "（一）坚持稳中求进。\n（二）狠抓落实。",
] * 3


def _dicts(pairs):
    return [(doc_id, doc.to_dict()) for doc_id, doc in pairs]


def test_ids_order_and_equality_with_analyze():
    results = list(pt.analyze_corpus(TEXTS, batch_size=4))
    assert [doc_id for doc_id, _ in results] == [f"doc{i}" for i in range(len(TEXTS))]
    assert [doc.to_dict() for _, doc in results] == [pt.analyze(t).to_dict() for t in TEXTS]


def test_two_processes_give_the_same_results_in_the_same_order():
    items = [(f"id-{i}", t) for i, t in enumerate(TEXTS)]
    one = _dicts(pt.analyze_corpus(items, n_process=1))
    two = _dicts(pt.analyze_corpus(items, n_process=2, batch_size=2))
    assert one == two and [i for i, _ in two] == [f"id-{i}" for i in range(len(TEXTS))]


def test_packed_payload_round_trips_the_essay(essay):
    """What workers send back (offsets, each layer pickled) rebuilds every layer exactly."""
    doc = pt.analyze(essay)
    again = payload.document_from_packed(payload.packed_payload(doc))
    assert any(s.expansion for s in doc.slogans) and doc.parallels
    for layer in payload.LAYERS:
        assert getattr(again, layer) == getattr(doc, layer), layer


@pytest.mark.parametrize("n_process", [1, 2])
def test_min_score_reaches_every_worker(essay, n_process):
    """``min_score`` as for ``analyze``: the same groups, in and out of worker processes."""
    texts = [essay, TEXTS[1]]
    for min_score in (0.0, 0.9):
        docs = [d for _, d in pt.analyze_corpus(texts, n_process=n_process, min_score=min_score)]
        assert [d.parallels for d in docs] == [
            pt.analyze(t, min_score=min_score).parallels for t in texts
        ]
        assert all(d.min_score == min_score for d in docs)
    every, sure = (len(pt.analyze(essay, min_score=m).parallels) for m in (0.0, 0.9))
    assert every > sure > 0
    frames = pt.corpus_frames([essay], min_score=0.9)
    assert frames["parallels"]["group"].nunique() == sure  # a row per member
    with pytest.raises(ValueError, match=r"min_score must lie in 0\.\.1"):
        pt.analyze_corpus(texts, min_score=1.5)


def test_paths_and_a_generator_are_streamed():
    paths = (CORPORA / "reference_essay.txt" for _ in range(3))
    results = pt.analyze_corpus(paths, batch_size=1, progress=True)
    doc_id, doc = next(results)
    assert doc_id.endswith("reference_essay.txt") and len(doc.sentences) == 58
    assert len(list(results)) == 2


def test_bad_items_and_parameters():
    with pytest.raises(TypeError, match="int"):
        list(pt.analyze_corpus([3]))
    with pytest.raises(ValueError):
        pt.analyze_corpus(TEXTS, n_process=0)
    with pytest.raises(ValueError):
        pt.analyze_corpus(TEXTS, batch_size=0)


def test_words_in_the_same_workers(model_dir):
    items = [(f"d{i}", t) for i, t in enumerate(TEXTS[:5])]
    one = list(pt.analyze_corpus(items, tokens=True))
    two = list(pt.analyze_corpus(items, tokens=True, n_process=2, batch_size=1))
    assert (
        [d.tokens for _, d in one]
        == [d.tokens for _, d in two]
        == [pt.tokenize(t) for _, t in items]
    )
    assert _dicts(one) == _dicts(two)


def test_dask_results_equal_single_process(model_dir):
    distributed = pytest.importorskip("distributed")
    from policytext import distributed as on_dask

    folder = shared_path("corpora", "gwr_provincial_2026")
    files = sorted(Path(folder).glob("*.txt"))[:6]
    texts = [f.read_text(encoding="utf-8") for f in files]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        got = on_dask.analyze_on_dask(client, files, partition_size=2)
        assert _dicts(got) == _dicts(pt.analyze_corpus(files))
        fitted = on_dask.fit_themes_on_dask(
            client, texts, pt.ThemeVectorizer(max_df=0.9, max_features=300), partition_size=2
        )
    reference = pt.ThemeVectorizer(max_df=0.9, max_features=300).fit(texts)
    assert list(fitted.get_feature_names_out()) == list(reference.get_feature_names_out())
    assert np.array_equal(fitted.transform(texts).toarray(), reference.transform(texts).toarray())


def test_workers_read_the_input_only_a_window_ahead():
    consumed = 0

    def texts():
        nonlocal consumed
        for _ in range(10_000):
            consumed += 1
            yield "一是加强学习。二是改进作风。"

    stream = pt.analyze_corpus(texts(), n_process=2, batch_size=8)
    next(stream)
    assert consumed <= 2 * 2 * 8 + 8  # the window, plus the batch being cut
    stream.close()


def _dies_on(marker: str, how):
    """An ``analyze_batch`` stand-in for forked workers: ``how()`` runs on the marked document."""
    from policytext import corpus

    real = corpus.analyze_batch

    def batch(pairs, *args):
        if any(doc_id == marker for doc_id, _ in pairs):
            how()
        return real(pairs, *args)

    # pickled by reference: the forked workers look it up as the patched module attribute
    batch.__module__, batch.__qualname__ = real.__module__, real.__qualname__
    return batch


def _no_workers_left(seconds: float = 10.0):
    """No child process within ``seconds`` (a killed worker is reaped asynchronously)."""
    import multiprocessing
    import time

    deadline = time.monotonic() + seconds
    while multiprocessing.active_children():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _ids_before(error: type[Exception], match: str, items: list) -> list[str]:
    """The ids ``analyze_corpus`` (two processes, batches of two) gives before it raises
    ``error`` (its message matching ``match``), in the order given."""
    seen = []
    with pytest.raises(error, match=match):
        for doc_id, _ in pt.analyze_corpus(items, n_process=2, batch_size=2):
            seen.append(doc_id)
    return seen


def test_a_killed_worker_raises_in_the_caller(monkeypatch):
    import os
    import signal

    from policytext import corpus

    kill = _dies_on("doc-7", lambda: os.kill(os.getpid(), signal.SIGKILL))
    monkeypatch.setattr(corpus, "analyze_batch", kill)
    items = [(f"doc-{i}", "一是加强领导。二是完善机制。") for i in range(40)]
    seen = _ids_before(pt.WorkerError, "died", items)
    assert seen == [f"doc-{i}" for i in range(len(seen))] and len(seen) < 40
    assert _no_workers_left()


def test_a_pool_broken_before_a_batch_is_sent_raises_worker_error(monkeypatch):
    """A worker may die while the next batch is being sent: the pool refuses it
    (BrokenProcessPool from submit). The documents before it still come, in order, then
    WorkerError names the refused batch (a raw BrokenProcessPool escaped once in CI)."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from policytext import corpus

    class RefusesThirdBatch(ProcessPoolExecutor):
        sent = 0

        def submit(self, fn, /, *args, **kwargs):
            type(self).sent += 1
            if type(self).sent == 3:
                raise BrokenProcessPool("a child process terminated abruptly")
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(corpus, "ProcessPoolExecutor", RefusesThirdBatch)
    items = [(f"doc-{i}", "一是加强领导。二是完善机制。") for i in range(10)]
    seen = _ids_before(pt.WorkerError, "'doc-4'", items)
    assert seen == ["doc-0", "doc-1", "doc-2", "doc-3"]
    assert _no_workers_left()


def test_a_document_over_the_timeout_raises_and_stops_the_workers(monkeypatch):
    import time

    from policytext import corpus

    monkeypatch.setattr(corpus, "analyze_batch", _dies_on("slow", lambda: time.sleep(60)))
    items = [("a", "一是甲。二是乙。"), ("slow", "x"), ("b", "y")]
    started = time.monotonic()
    with pytest.raises(TimeoutError, match="'slow'"):
        list(pt.analyze_corpus(items, n_process=1, timeout=1.0))
    assert time.monotonic() - started < 30
    assert _no_workers_left()
    fine = list(pt.analyze_corpus(TEXTS[:3], n_process=2, timeout=30))
    assert [doc.to_dict() for _, doc in fine] == [pt.analyze(t).to_dict() for t in TEXTS[:3]]


def test_a_single_string_is_not_a_corpus():
    with pytest.raises(TypeError, match="single string"):
        pt.analyze_corpus("一是甲。二是乙。")
    with pytest.raises(ValueError, match="timeout"):
        pt.analyze_corpus(["x"], timeout=0)
