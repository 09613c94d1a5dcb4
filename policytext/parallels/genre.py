"""The kind of text a paragraph reads as: a work report or a normative document.

A naive Bayes model over characters and character pairs
(``policytext/data/genre_model.tsv``, built by ``python -m tools.build_genre`` from the
development documents only: the government work and congress reports against the
normative documents 意见, 通知, 办法…) gives each character and pair a log-likelihood
ratio, report against normative. A paragraph's *rate* is their mean per character, so it
does not grow with the paragraph's length: a 150-character calibration passage and the
same paragraph inside a whole document read alike. A logistic curve fitted on the rates of
development paragraphs (each rate computed by a model built without its own document)
turns the rate into :func:`report_probability`. Read on the Simplified view, so both
scripts give the same value; digits read as one character (0).

The parallel scorer reads it once per paragraph holding a group
(:class:`ParagraphGenres`), never per group, and never from a file name.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..data import table_rows
from ..vocabulary import DIGITS, WHITESPACE
from .units import compiled_kernel

GENRE_MODEL = "genre_model.tsv"
#: the probability above which a paragraph reads as a report
REPORT_AT = 0.5

_DIGITS_AS_ZERO = str.maketrans(dict.fromkeys(DIGITS, "0"))
_SPACES = re.compile(f"[{re.escape(WHITESPACE)}]+")


def normalised(text: str) -> str:
    """``text`` as the model reads it: digits as 0, spaces left out."""
    return _SPACES.sub("", text.translate(_DIGITS_AS_ZERO))


@lru_cache(maxsize=1)
def genre_model() -> tuple[dict[str, float], float, float]:
    """``(weight of each character and pair, intercept, slope)`` of the shipped model."""
    weights: dict[str, float] = {}
    curve = {}
    for name, value in table_rows(GENRE_MODEL)[1:]:
        if name in ("intercept", "slope"):
            curve[name] = float(value)
        else:
            weights[name] = float(value)
    return weights, curve["intercept"], curve["slope"]


def evidence(text: str, weights: dict[str, float] | None = None) -> tuple[float, int]:
    """``(sum of the weights of text's characters and pairs, its characters)`` (normalised)."""
    if weights is None:
        weights = genre_model()[0]
    chars = normalised(text)
    get = weights.get
    pairs = map(str.__add__, chars, chars[1:])
    return sum(filter(None, map(get, chars))) + sum(filter(None, map(get, pairs))), len(chars)


def model_tables(table_class: Any) -> Any:
    """The shipped model as ``table_class``'s tables (the kernel's ``GenreTable``: the
    weights and the whitespace and digits :func:`normalised` reads)."""
    return table_class(genre_model()[0], WHITESPACE, DIGITS)


@lru_cache(maxsize=1)
def compiled_table() -> Any:
    """The shipped model as the compiled kernel's tables (``_parcore.GenreTable``), or
    None where the kernel is not built (or ``POLICYTEXT_PARALLELS=python``)."""
    table = compiled_kernel("GenreTable")
    return None if table is None else model_tables(table)


def evidence_between(view: str, start: int, end: int) -> tuple[float, int]:
    """:func:`evidence` of ``view[start:end]`` under the shipped model, read in place by
    the compiled kernel where it is built (the same sums, added in the same order)."""
    table = compiled_table()
    if table is None:
        return evidence(view[start:end])
    return table.evidence(view, start, end)


def probability_of_rate(rate: float) -> float:
    """The shipped curve: the probability that a paragraph of this rate is a report."""
    _, intercept, slope = genre_model()
    z = intercept + slope * rate
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


def report_probability(text: str) -> float:
    """The probability that ``text`` (one paragraph, Simplified) reads as a report.

    >>> report_probability("过去一年，全省地区生产总值增长5.6%，城镇新增就业68万人。") > 0.5
    True
    >>> report_probability("（一）加强组织领导。各地要建立健全工作机制，明确责任分工。") < 0.5
    True
    """
    total, n = evidence(text)
    return probability_of_rate(total / n if n else 0.0)


class ParagraphGenres:
    """The report probability of the text holding a span of ``view``, read per paragraph.

    Each paragraph's evidence is computed once, when a group first asks for it; a group
    across several paragraphs (headings) reads the rate of all of them together.
    """

    def __init__(self, view: str, paragraphs: Sequence) -> None:
        self.view = view
        self.paragraphs = paragraphs
        self.starts = [p.start for p in paragraphs]
        self.cache: dict[int, tuple[float, int]] = {}

    def _evidence(self, index: int) -> tuple[float, int]:
        if index not in self.cache:
            p = self.paragraphs[index]
            self.cache[index] = evidence_between(self.view, p.start, p.end)
        return self.cache[index]

    def of_span(self, start: int, end: int) -> float:
        """The report probability of the paragraphs from the one holding ``start`` to the
        one holding ``end - 1`` (the whole view if there are no paragraphs)."""
        if not self.paragraphs:
            total, n = evidence_between(self.view, 0, len(self.view))
        else:
            first = max(bisect_right(self.starts, start) - 1, 0)
            last = max(bisect_right(self.starts, max(end - 1, start)) - 1, first)
            total = n = 0
            for index in range(first, last + 1):
                t, k = self._evidence(index)
                total += t
                n += k
        return probability_of_rate(total / n if n else 0.0)
