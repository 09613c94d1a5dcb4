"""Themes: TF-IDF over policy terms, for a document, its sections, or a corpus.

* Terms are the tokenizer's words in Simplified form (``Token.norm``), without
  stop words (``policytext/data/stopwords.txt``: function words and the
  fillers of policy prose — 进一步, 必须, 加强, 工作 …), numbers, punctuation
  and single characters (except the few that are words on their own: 党, 军 …).
* A single document needs a background for IDF: :class:`BackgroundIDF` loads
  the document frequencies shipped in ``policytext/data/background_idf.tsv.gz``
  (built by ``python -m tools.build_background`` from the government work
  reports and congress reports of ``../shared/corpora``), or any corpus a user
  fits.
* :class:`ThemeVectorizer` is a scikit-learn ``TfidfVectorizer`` with this
  analyzer; it works inside a ``Pipeline``. :func:`top_terms` reads the top
  terms of each row.

Terms are reported in the script of the text they came from: the surface form
seen most often in it.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .results import Token
from .script import detect_script, to_traditional
from .validation import ensure_positive_int, ensure_text

#: single characters that are words on their own in policy prose
KEEP_SINGLE = frozenset("党军法农粮税煤油电钢")
_NOT_A_TERM = re.compile(r"^[\W\d_]+$|\d")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The shipped stop words (Simplified)."""
    data = resources.files("policytext.data").joinpath("stopwords.txt")
    lines = data.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def is_term(norm: str, stop: frozenset[str] | None = None) -> bool:
    """Whether a word (Simplified) counts as a theme term."""
    stop = stop_words() if stop is None else stop
    if norm in stop or _NOT_A_TERM.search(norm):
        return False
    if len(norm) == 1:
        return norm in KEEP_SINGLE
    return not norm.isascii() or norm.isalpha()


def terms_of(tokens: Iterable[Token], stop: frozenset[str] | None = None) -> list[str]:
    """The theme terms among ``tokens`` (their Simplified forms), in order."""
    return [t.norm for t in tokens if is_term(t.norm, stop)]


def surface_forms(tokens: Iterable[Token]) -> dict[str, str]:
    """For each Simplified form, its most frequent surface form among ``tokens``.

    A word wrapped over a soft line break shows without the break.
    """
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for token in tokens:
        surface = token.text if len(token.text) == len(token.norm) else "".join(token.text.split())
        seen[token.norm][surface] += 1
    return {norm: forms.most_common(1)[0][0] for norm, forms in seen.items()}


@dataclass(frozen=True)
class BackgroundIDF:
    """Document frequencies of a reference corpus, for the IDF of a single document."""

    documents: int
    frequencies: dict[str, int]
    source: str = ""

    def idf(self, term: str) -> float:
        """Smoothed IDF, as scikit-learn computes it: ln((1 + n) / (1 + df)) + 1."""
        return math.log((1 + self.documents) / (1 + self.frequencies.get(term, 0))) + 1.0

    @classmethod
    def from_documents(cls, documents: Iterable[Iterable[str]], source: str = "") -> BackgroundIDF:
        """Count in how many documents (term sequences) each term occurs."""
        counts: Counter[str] = Counter()
        total = 0
        for terms in documents:
            counts.update(set(terms))
            total += 1
        return cls(total, dict(counts), source)

    def write(self, path: str | Path) -> None:
        """Save as gzip TSV: a header, then ``term<TAB>df`` sorted by term."""
        with gzip.open(path, "wt", encoding="utf-8") as out:
            out.write(f"#source\t{self.source}\n#documents\t{self.documents}\n")
            for term in sorted(self.frequencies):
                out.write(f"{term}\t{self.frequencies[term]}\n")

    @classmethod
    def read(cls, path: str | Path) -> BackgroundIDF:
        documents, source, frequencies = 0, "", {}
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                key, _, value = line.rstrip("\n").partition("\t")
                if key == "#documents":
                    documents = int(value)
                elif key == "#source":
                    source = value
                elif key:
                    frequencies[key] = int(value)
        return cls(documents, frequencies, source)


@lru_cache(maxsize=1)
def default_background() -> BackgroundIDF:
    """The background shipped with the package (see ``policytext/data/README.md``)."""
    with resources.as_file(
        resources.files("policytext.data").joinpath("background_idf.tsv.gz")
    ) as path:
        return BackgroundIDF.read(path)


def rank_terms(
    counts: Counter[str], idf: Callable[[str], float], top_k: int
) -> list[tuple[str, float]]:
    """Terms by TF times IDF (as ``TfidfVectorizer``), L2-normalised, best first, ties by term."""
    scored = {term: n * idf(term) for term, n in counts.items()}
    norm = math.sqrt(sum(s * s for s in scored.values())) or 1.0
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(term, round(score / norm, 6)) for term, score in ranked[:top_k]]


def in_script(
    terms: list[tuple[str, float]], surfaces: dict[str, str], text: str
) -> list[tuple[str, float]]:
    """Terms shown as they appear in ``text`` (Traditional text converts unseen ones)."""
    traditional = detect_script(text) == "traditional"
    shown = []
    for term, score in terms:
        surface = surfaces.get(term) or (to_traditional(term) if traditional else term)
        shown.append((surface, score))
    return shown


def document_themes(
    text: str, tokens: Sequence[Token], top_k: int = 10, background: BackgroundIDF | None = None
) -> list[tuple[str, float]]:
    """The ``top_k`` themes of one document: TF in it, IDF from the background."""
    ensure_positive_int(top_k, "top_k")
    background = default_background() if background is None else background
    counts = Counter(terms_of(tokens))
    return in_script(rank_terms(counts, background.idf, top_k), surface_forms(tokens), text)


def section_themes(
    text: str, tokens: Sequence[Token], sections: Sequence[tuple[int, int]], top_k: int = 10
) -> list[list[tuple[str, float]]]:
    """The ``top_k`` themes of each section: TF-IDF across the sections themselves.

    Words every section uses (工会, 职工) sink; each section's own rise. The
    IDF is smoothed as in ``TfidfVectorizer``: ln((1 + n) / (1 + df)) + 1.
    """
    ensure_positive_int(top_k, "top_k")
    surfaces = surface_forms(tokens)
    per_section = [
        Counter(terms_of(t for t in tokens if start <= t.start and t.end <= end))
        for start, end in sections
    ]
    across = BackgroundIDF.from_documents(per_section)
    return [
        in_script(rank_terms(counts, across.idf, top_k), surfaces, text) for counts in per_section
    ]


# --- scikit-learn ----------------------------------------------------------------------


#: the ``TfidfVectorizer`` parameters ``ThemeVectorizer`` takes and passes on as given
_TFIDF_PARAMETERS = (
    "min_df",
    "max_df",
    "max_features",
    "ngram_range",
    "norm",
    "use_idf",
    "smooth_idf",
    "sublinear_tf",
    "dtype",
)


class ThemeVectorizer(TfidfVectorizer):
    """TF-IDF over policytext theme terms; a scikit-learn estimator usable in a ``Pipeline``.

    Documents are strings in either script; features are Simplified terms.
    Parameters are those of ``TfidfVectorizer`` that make sense for
    pre-tokenised terms, plus ``model`` (a pkuseg model directory, None for
    the default) and ``extra_stop_words``.
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        extra_stop_words: Sequence[str] = (),
        min_df: float | int = 1,
        max_df: float | int = 1.0,
        max_features: int | None = None,
        ngram_range: tuple[int, int] = (1, 1),
        norm: str | None = "l2",
        use_idf: bool = True,
        smooth_idf: bool = True,
        sublinear_tf: bool = True,
        dtype: type = np.float64,
    ) -> None:
        given = locals()
        super().__init__(lowercase=False, **{name: given[name] for name in _TFIDF_PARAMETERS})
        self.model = model
        self.extra_stop_words = extra_stop_words

    def build_analyzer(self) -> Callable[[str], list[str]]:
        from .tokenizer import tokenize

        stop = stop_words() | frozenset(self.extra_stop_words)
        low, high = self.ngram_range
        model = self.model

        def analyze(document: str) -> list[str]:
            terms = terms_of(tokenize(ensure_text(document, "document"), model), stop)
            if (low, high) == (1, 1):
                return terms
            grams = []
            for n in range(low, high + 1):
                grams += [" ".join(terms[i : i + n]) for i in range(len(terms) - n + 1)]
            return grams

        return analyze

    def top_terms(self, X, k: int = 10) -> list[list[tuple[str, float]]]:
        """The ``k`` best terms of each row of ``X`` (from :meth:`transform`)."""
        return top_terms(X, k, self.get_feature_names_out())


def top_terms(X, k: int, feature_names: Sequence[str]) -> list[list[tuple[str, float]]]:
    """The ``k`` highest-weighted features of each row of the sparse matrix ``X``."""
    ensure_positive_int(k, "k")
    names = np.asarray(feature_names)
    rows = []
    X = X.tocsr()
    for i in range(X.shape[0]):
        start, end = X.indptr[i], X.indptr[i + 1]
        indices, values = X.indices[start:end], X.data[start:end]
        order = np.lexsort((names[indices], -values))[:k]
        rows.append([(str(names[indices[j]]), float(values[j])) for j in order])
    return rows
