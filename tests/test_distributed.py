"""fit_themes_on_dask: the map-reduce fit equals a single-process fit for every parameter.

The Dask graph runs with the synchronous scheduler here (the same map and
reduce functions; ``tests/test_corpus.py`` runs them on a two-worker cluster).
"""

from __future__ import annotations

import functools

import numpy as np
import pytest

import policytext as pt
from policytext import tokenizer
from tests.conftest import CORPORA

pytest.importorskip("dask")


class SyncClient:
    """A stand-in for ``distributed.Client``: computes in this process."""

    def compute(self, collection):
        class Result:
            def result(self):
                return collection.compute(scheduler="sync")

        return Result()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The reference essay's paragraphs, as documents."""
    essay = (CORPORA / "reference_essay.txt").read_text(encoding="utf-8")
    return [p.text for p in pt.split_paragraphs(essay)]


@pytest.fixture
def cached_words(monkeypatch, model_dir):
    """Each text is segmented once for all the fits below (the analyzer itself is unchanged)."""
    monkeypatch.setattr(
        tokenizer, "tokenize", functools.lru_cache(maxsize=None)(tokenizer.tokenize)
    )


PARAMETERS = [
    {"max_features": 300},
    {"min_df": 2},
    {"max_df": 0.5},
    {"min_df": 0.25, "max_df": 4},
    {"ngram_range": (1, 2), "max_features": 300},
    {"ngram_range": (2, 2), "min_df": 2},
    {"use_idf": False},
    {"smooth_idf": False, "sublinear_tf": False, "norm": "l1"},
    {"norm": None, "dtype": np.float32, "max_features": 40},
    {"extra_stop_words": ("工会", "职工")},
]


def test_fit_on_dask_equals_fit_for_every_parameter(texts, cached_words):
    from policytext.distributed import fit_themes_on_dask

    for parameters in PARAMETERS:
        fitted = fit_themes_on_dask(SyncClient(), texts, pt.ThemeVectorizer(**parameters), 3)
        reference = pt.ThemeVectorizer(**parameters).fit(texts)
        names = list(fitted.get_feature_names_out())
        assert names == list(reference.get_feature_names_out()), parameters
        got, expected = fitted.transform(texts), reference.transform(texts)
        assert got.dtype == expected.dtype, parameters
        assert np.array_equal(got.toarray(), expected.toarray()), parameters


def test_fit_on_dask_refuses_what_fit_refuses(texts, cached_words):
    from policytext.distributed import fit_themes_on_dask

    with pytest.raises(ValueError, match="max_df corresponds to < documents than min_df"):
        fit_themes_on_dask(SyncClient(), texts, pt.ThemeVectorizer(min_df=5, max_df=2))
    with pytest.raises(TypeError, match="single string"):
        fit_themes_on_dask(SyncClient(), texts[0])
