"""Themes: what sets a document, a section or a group of documents apart.

* **Terms** are the tokenizer's words in Simplified form (``Token.norm``), read
  by :func:`term_spans`: runs of words listed in the shipped phrase table
  (``policytext/data/policy_phrases.txt``: 放管服, 减税降费, 江泽民 … mined from
  the corpora by ``python -m tools.build_reference``) are one term; a short quoted run
  (“放管服”) is one term, and a quoted number is a name (“七五”, kept with its
  quotation marks); stop words (``stopwords.txt``: function words and the
  fillers of policy prose — 推进, 加强, 完善, 工作 …), numerals, years, ordinals
  and amounts (:func:`is_numeral`: 一九五二年, 1952年, 第一, 三千万), punctuation
  and single characters (except 党, 军 …) are never terms.
* **Keyness** (the default, after quanteda's ``textstat_keyness``): a term's
  frequency in the target against a reference corpus — signed log-likelihood
  G² over the 2×2 table (quanteda's ``correction="none"``), kept when the term
  occurs at least ``min_count`` times, at least four times as often,
  relatively, as in the reference (log-ratio ≥ 2), and significantly so
  (G² ≥ 3.84, p < 0.05). A document's reference is
  the balanced corpus shipped in ``reference_counts.tsv.gz``
  (:func:`default_reference`); a section's is the rest of its document; a
  group's is the other groups.
* ``method="tfidf"``: sublinear TF × IDF from paragraph document frequencies
  (:class:`BackgroundIDF`), L2-normalised.
* :func:`corpus_themes` groups a corpus (a DataFrame or ``(id, text)`` items),
  :class:`ThemeVectorizer` is a scikit-learn ``TfidfVectorizer`` over the
  same terms, and :func:`top_terms` reads the top terms of each row.

Terms are reported in the script of the text they came from: the surface form
seen most often in it.
"""

from __future__ import annotations

import bisect
import gzip
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .results import Token
from .script import detect_script, simplified_view, to_traditional
from .validation import ensure_positive_int, ensure_text
from .vocabulary import NUMERAL_CHARS, QUOTES

#: single characters that are words on their own in policy prose
KEEP_SINGLE = frozenset("党军法农粮税煤油电钢")
#: the ways of scoring themes
METHODS = ("keyness", "tfidf")
_NOT_A_TERM = re.compile(r"^[\W\d_]+$|\d")
_DIGIT = re.compile(r"\d")

# --- numerals ---------------------------------------------------------------------------

#: characters of Chinese numerals (一九五二, 三千万, 两, 几)
NUMERAL_DIGITS = "〇○零" + NUMERAL_CHARS + "廿百千万亿兆两几数半"
#: what may follow a number inside one word: dates, counters, amounts, approximations
NUMERAL_UNITS = (
    "年度|年代|周年|世纪|季度|月份|年|月|日|号|时|分|秒|天|周|"
    "个|次|届|项|条|种|批|位|名|倍|成|期|轮|类|级|代|点|"
    "元|角|吨|斤|公斤|公里|千米|米|亩|公顷|千瓦|瓦|度|户|人|座|台|辆|件|份|岁|"
    "多|余|来|以上|以下|左右|之一"
)
_NUMERAL = re.compile(
    rf"^(?:第|前|后|头|近|约|上|下)?(?:[{NUMERAL_DIGITS}]|\d|[.．,，%％])+(?:{NUMERAL_UNITS})*$"
    rf"|^百分之[{NUMERAL_DIGITS}]+$|\d"
)


def is_numeral(norm: str) -> bool:
    """Numbers, years, ordinals and amounts: 一九五二年, 1952年, 第一, 第七个, 三千万, 5%.

    >>> [is_numeral(w) for w in ("一九五二年", "1952年", "第一", "七五", "三千万元")]
    [True, True, True, True, True]
    >>> [is_numeral(w) for w in ("第一要务", "三农", "一体化", "万家", "“七五”")]
    [False, False, False, False, False]
    """
    return bool(_NUMERAL.search(norm))


# --- stop words and phrases --------------------------------------------------------------


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The shipped stop words (Simplified)."""
    data = resources.files("policytext.data").joinpath("stopwords.txt")
    lines = data.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


@dataclass(frozen=True)
class Phrases:
    """A table of policy compounds: runs of words read as one term (Simplified)."""

    phrases: frozenset[str]
    prefixes: frozenset[str] = field(default=frozenset(), repr=False)
    longest: int = 4

    @classmethod
    def of(cls, phrases: Iterable[str], longest: int = 4) -> Phrases:
        """A table from phrases (either script)."""
        table = frozenset(simplified_view(ensure_text(p, "phrase")).strip() for p in phrases)
        table = frozenset(p for p in table if p)
        prefixes = frozenset(p[:i] for p in table for i in range(1, len(p)))
        return cls(table, prefixes, longest)

    def __or__(self, other: Iterable[str]) -> Phrases:
        return Phrases.of(self.phrases | set(other), self.longest)


@lru_cache(maxsize=1)
def shipped_phrases() -> Phrases:
    """The phrase table shipped in ``policytext/data/policy_phrases.txt``."""
    data = resources.files("policytext.data").joinpath("policy_phrases.txt")
    if not data.is_file():
        return Phrases.of(())
    lines = data.read_text(encoding="utf-8").splitlines()
    return Phrases.of(line.split("\t")[0] for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The stop words listed before the fillers of policy prose (的, 和, 我们, 必须 …)."""
    data = resources.files("policytext.data").joinpath("stopwords.txt")
    words: set[str] = set()
    for line in data.read_text(encoding="utf-8").splitlines():
        if line.startswith("# policy fillers"):
            break
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


#: fillers that still head a compound at its end (精神文明建设, 思想政治工作)
COMPOUND_HEADS = frozenset({"建设", "工作", "体系", "问题"})
_WORD = re.compile(r"^[\w\u3400-\u9fff]+$")


def _runs(words: Sequence[str]) -> list[list[str]]:
    """The runs of Chinese words between punctuation, spaces and Latin text."""
    runs, run = [], []
    for word in [*words, ""]:
        if word and _WORD.match(word) and not word.isascii():
            run.append(word)
        elif run:
            runs.append(run)
            run = []
    return runs


def mine_phrases(
    documents: Iterable[Sequence[str]],
    min_docs: int = 4,
    min_count: int = 8,
    min_pmi: float = 4.0,
    min_g2: float = 10.83,
    max_context: float = 0.75,
) -> list[tuple[str, int, int, float]]:
    """Policy compounds of a corpus: runs of 2–3 adjacent words that recur across documents.

    ``documents`` are sequences of words (``Token.norm``, punctuation
    included: it breaks runs). A run is kept when it occurs ``min_count``
    times in ``min_docs`` documents; its parts attract each other (pointwise
    mutual information ≥ ``min_pmi`` bits and G² ≥ ``min_g2`` at its weakest
    split); it neither opens with a stop word nor holds a function word or a
    numeral and is not a number; and it is not a fragment: no single word
    other than a stop word precedes or follows it in more than
    ``max_context`` of its occurrences (人|居环境, 国家|新一|代). Returns
    ``(phrase, documents, count, pmi)``, sorted by phrase.
    """
    stop, function = stop_words(), function_words()
    runs_of = [_runs(words) for words in documents]
    unigrams: Counter[str] = Counter()
    grams: Counter[tuple[str, ...]] = Counter()
    spread: Counter[tuple[str, ...]] = Counter()
    for runs in runs_of:
        seen: set[tuple[str, ...]] = set()
        for run in runs:
            unigrams.update(run)
            for n in (2, 3):
                for i in range(len(run) - n + 1):
                    gram = tuple(run[i : i + n])
                    grams[gram] += 1
                    seen.add(gram)
        spread.update(seen)
    total = sum(unigrams.values())

    def association(left: int, right: int, both: int) -> tuple[float, float]:
        pmi = math.log2(both * total / (left * right))
        return pmi, g2(both, right - both, left, total - left, williams=False)

    candidates: dict[tuple[str, ...], float] = {}
    for gram, count in grams.items():
        if count < min_count or spread[gram] < min_docs:
            continue
        if gram[0] in stop or any(w in function or is_numeral(w) for w in gram):
            continue
        if gram[-1] in stop and gram[-1] not in COMPOUND_HEADS:
            continue
        if len("".join(gram)) > 10:
            continue
        if len(gram) == 2:
            splits = [(unigrams[gram[0]], unigrams[gram[1]])]
        else:
            splits = [(unigrams[gram[0]], grams[gram[1:]]), (grams[gram[:2]], unigrams[gram[2]])]
        scores = [association(left, right, count) for left, right in splits]
        pmi = min(p for p, _ in scores)
        if pmi >= min_pmi and min(g for _, g in scores) >= min_g2:
            candidates[gram] = pmi
    contexts: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for runs in runs_of:
        for run in runs:
            for n in (2, 3):
                for i in range(len(run) - n + 1):
                    gram = tuple(run[i : i + n])
                    if gram in candidates:
                        if i > 0 and run[i - 1] not in stop:
                            contexts[gram]["<" + run[i - 1]] += 1
                        if i + n < len(run) and run[i + n] not in stop:
                            contexts[gram][">" + run[i + n]] += 1
    best: dict[str, tuple[str, int, int, float]] = {}
    for gram, pmi in candidates.items():
        count = grams[gram]
        around = contexts.get(gram)
        if around and around.most_common(1)[0][1] > max_context * count:
            continue
        phrase = "".join(gram)
        if phrase not in best or count > best[phrase][2]:  # one string cut two ways
            best[phrase] = (phrase, spread[gram], count, round(pmi, 3))
    return sorted(best.values())


def is_term(norm: str, stop: frozenset[str] | None = None) -> bool:
    """Whether a word (Simplified) counts as a theme term."""
    stop = stop_words() if stop is None else stop
    if norm in stop or _NOT_A_TERM.search(norm) or is_numeral(norm):
        return False
    if len(norm) == 1:
        return norm in KEEP_SINGLE
    return not norm.isascii() or norm.isalpha()


#: a quoted run of at most this many words (and characters) is one term
QUOTED_WORDS, QUOTED_CHARS = 4, 8


def _clean(norm: str) -> str:
    """A Simplified form without whitespace (a word wrapped over a soft line break)."""
    if (len(norm) > 1 and not norm.isprintable()) or " " in norm:
        return "".join(norm.split())
    return norm


def term_spans(
    tokens: Sequence[Token],
    stop: frozenset[str] | None = None,
    phrases: Phrases | None = None,
) -> list[tuple[str, int, int]]:
    """The theme terms of ``tokens`` as ``(term, start, end)``, in text order.

    Adjacent words that form a phrase of the table (longest first) are one
    term; a quoted run of up to four words is one term, kept with its quotes
    when it is a number (“七五”, a plan's name); then stop words, numerals and
    non-words are dropped.
    """
    runs = _term_runs(_clean_norms([t.norm for t in tokens]), stop, phrases)
    return [(term, tokens[first].start, tokens[last].end) for term, first, last in runs]


def _clean_norms(norms: list[str]) -> list[str]:
    """Simplified forms without whitespace inside (a word wrapped over a soft line break)."""
    joined = "".join(norms)
    if " " in joined or not joined.isprintable():
        return [_clean(norm) for norm in norms]
    return norms


def _term_runs(
    norms: Sequence[str], stop: frozenset[str] | None = None, phrases: Phrases | None = None
) -> list[tuple[str, int, int]]:
    """The terms of a sequence of words (Simplified) as ``(term, first, last)`` word indices.

    What each distinct word is (dropped, a term, or where a quote or a phrase
    may open) is decided once per table and stop list (:func:`_kinds`).
    """
    stop = stop_words() if stop is None else stop
    table = shipped_phrases() if phrases is None else phrases
    kinds = _kinds(table, stop)
    out: list[tuple[str, int, int]] = []
    append = out.append
    i, n = 0, len(norms)
    while i < n:
        norm = norms[i]
        kind = kinds.get(norm)
        if kind is None:
            kind = kinds[norm] = _kind(norm, table, stop)
        if kind == _DROP:
            i += 1
            continue
        if kind == _TERM:
            append((norm, i, i))
            i += 1
            continue
        close = QUOTES.get(norm) if len(norm) == 1 else None
        if close is not None:
            j = i + 1
            while j < n and j - i <= QUOTED_WORDS + 1 and norms[j] != close:
                j += 1
            inner = "".join(norms[i + 1 : j])
            closed = j < n and norms[j] == close and len(inner) <= QUOTED_CHARS
            named = is_numeral(inner) and not _DIGIT.search(inner)  # “七五”, not “3个100万”
            if closed and inner.isalnum() and (named or (j - i > 2 and not is_numeral(inner))):
                append((f"“{inner}”" if is_numeral(inner) else inner, i + 1, j - 1))
                i = j + 1
                continue
        best, joined = 0, norm
        if joined in table.prefixes or joined in table.phrases:
            for j in range(i + 1, min(n, i + table.longest)):
                joined += norms[j]
                if joined in table.phrases:
                    best = j
                if joined not in table.prefixes:
                    break
        if best:
            append(("".join(norms[i : best + 1]), i, best))
            i = best + 1
            continue
        if kind == _OPENS_TERM:
            append((norm, i, i))
        i += 1
    return out


#: what a word is to :func:`_term_runs`: dropped, a term, where a quote or phrase may
#: open (and when none does, dropped or a term)
_DROP, _TERM, _OPENS, _OPENS_TERM = 0, 1, 2, 3
#: the kinds remembered for one table and stop list cover at most this many words
_KINDS_HELD = 1 << 17


def _kind(norm: str, table: Phrases, stop: frozenset[str]) -> int:
    term = is_term(norm, stop)
    if (len(norm) == 1 and norm in QUOTES) or norm in table.prefixes or norm in table.phrases:
        return _OPENS_TERM if term else _OPENS
    return _TERM if term else _DROP


def _kinds(table: Phrases, stop: frozenset[str]) -> dict[str, int]:
    """The kinds of the words seen so far with ``table`` and ``stop`` (kept on the table)."""
    held = table.__dict__.get("_kinds")
    if held is None:
        held = {}
        object.__setattr__(table, "_kinds", held)
    kinds = held.get(stop)
    if kinds is None or len(kinds) > _KINDS_HELD:
        if len(held) > 8:
            held.clear()
        kinds = held[stop] = {}
    return kinds


def terms_of(tokens: Iterable[Token], stop: frozenset[str] | None = None) -> list[str]:
    """The theme terms among ``tokens`` (Simplified), in order (see :func:`term_spans`)."""
    return [term for term, _, _ in _term_runs(_clean_norms([t.norm for t in tokens]), stop)]


def surface_forms(text: str, spans: Iterable[tuple[str, int, int]]) -> dict[str, str]:
    """For each term, its most frequent surface form in ``text``.

    A word wrapped over a soft line break shows without the break.
    """
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for term, start, end in spans:
        surface = text[start:end]
        if len(surface) != len(term):
            surface = "".join(surface.split())
            if term.startswith("“") and not surface.startswith(("“", "「")):
                surface = f"“{surface}”"
        seen[term][surface] += 1
    return {term: forms.most_common(1)[0][0] for term, forms in seen.items()}


def in_script(
    terms: list[tuple[str, float]], surfaces: dict[str, str], text: str | bool
) -> list[tuple[str, float]]:
    """Terms shown as they appear in ``text`` (Traditional text converts unseen ones).

    ``text`` may be the text or whether it is Traditional (decided once per document).
    """
    traditional = text if isinstance(text, bool) else detect_script(text) == "traditional"
    shown = []
    for term, score in terms:
        surface = surfaces.get(term) or (to_traditional(term) if traditional else term)
        shown.append((surface, score))
    return shown


# --- keyness ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Keyword:
    """One term's keyness: target and reference counts, signed G², log-ratio (log2)."""

    term: str
    count: int
    reference: float
    g2: float
    log_ratio: float


#: the critical value of G² (one degree of freedom) at p < 0.05
SIGNIFICANT_G2 = 3.84


def g2(a: float, b: float, target: float, reference: float, williams: bool = True) -> float:
    """Signed log-likelihood G² (Williams-corrected) of a term seen ``a`` times in a
    target of ``target`` terms and ``b`` times in a reference of ``reference`` terms.

    Positive when the term is relatively more frequent in the target.

    >>> round(g2(10, 10, 1000, 100000), 2)
    35.22
    """
    c, d = target - a, reference - b
    total = target + reference
    if total <= 0 or a + b <= 0:
        return 0.0
    observed = (a, b, c, d)
    row = (a + b, a + b, c + d, c + d)
    col = (target, reference, target, reference)
    cells = zip(observed, row, col, strict=True)
    value = 2.0 * sum(o * math.log(o * total / (r * k)) for o, r, k in cells if o > 0)
    if williams and c + d > 0:
        rows = total / (a + b) + total / (c + d) - 1
        cols = total / target + total / reference - 1
        value /= 1 + rows * cols / (6 * total)
    return value if a / target >= b / max(reference, 1e-12) else -value


def log_ratio(a: float, b: float, target: float, reference: float) -> float:
    """Hardie's log-ratio: log2 of the relative frequencies (a zero count taken as 0.5)."""
    return math.log2((max(a, 0.5) / target) / (max(b, 0.5) / reference))


def keyness(
    target: Mapping[str, int],
    reference: Mapping[str, float],
    target_total: float | None = None,
    reference_total: float | None = None,
    min_count: int = 2,
    min_log_ratio: float = 2.0,
    williams: bool = False,
    tiebreak: Mapping[str, float] | None = None,
    min_g2: float = SIGNIFICANT_G2,
) -> list[Keyword]:
    """Terms of ``target`` more frequent than in ``reference``, by G², best first.

    A term needs ``min_count`` occurrences, a log-ratio of at least
    ``min_log_ratio`` (2.0: four times as frequent, relatively) and a G² of
    at least ``min_g2`` (3.84: significant at p < 0.05, one degree of
    freedom), after Hardie's advice to filter keywords by significance and
    by effect size: a short target (a section of a few hundred characters
    against the rest of its document) can show a word twice and four times
    as often as its reference by chance (县委 twice in 122 terms, twice in
    the other 640: G² 2.5). ``williams``
    applies Williams's correction (quanteda's default for ``measure="lr"``;
    it shrinks the G² of rare terms most, which buries a document's own
    words under the frequent words of its genre). Ties go to the term with
    the smaller count in ``tiebreak`` (a wider reference), then by term.
    """
    total = float(sum(target.values()) if target_total is None else target_total)
    ref_total = float(sum(reference.values()) if reference_total is None else reference_total)
    if total <= 0 or ref_total <= 0:
        return []
    found = []
    for term, a in target.items():
        if a < min_count:
            continue
        b = reference.get(term, 0.0)
        ratio = log_ratio(a, b, total, ref_total)
        if ratio < min_log_ratio:
            continue
        score = g2(a, b, total, ref_total, williams)
        if score < min_g2:
            continue
        found.append(Keyword(term, a, b, score, ratio))
    if tiebreak is None:
        found.sort(key=lambda k: (-k.g2, k.term))
    else:
        found.sort(key=lambda k: (-round(k.g2, 9), tiebreak.get(k.term, 0.0), k.term))
    return found


@dataclass(frozen=True)
class Reference:
    """Term counts of a reference corpus for keyness, possibly in balanced parts.

    ``parts`` maps a part's name to its term counts; :attr:`counts` weighs every
    part to the same total, so no part outweighs the others by its length.
    """

    parts: dict[str, dict[str, int]]
    source: str = ""

    @classmethod
    def from_documents(
        cls, documents: Iterable[Iterable[str]], source: str = "", part: str = "all"
    ) -> Reference:
        """A one-part reference from term sequences."""
        counts: Counter[str] = Counter()
        for terms in documents:
            counts.update(terms)
        return cls({part: dict(counts)}, source)

    @property
    def totals(self) -> dict[str, int]:
        return {name: sum(counts.values()) for name, counts in self.parts.items()}

    @property
    def counts(self) -> dict[str, float]:
        """Balanced counts: each part scaled to the mean part total."""
        return self._balanced[0]

    @property
    def total(self) -> float:
        return self._balanced[1]

    @property
    def _balanced(self) -> tuple[dict[str, float], float]:
        cached = self.__dict__.get("_cache")
        if cached is None:
            totals = {k: v for k, v in self.totals.items() if v}
            mean = sum(totals.values()) / len(totals) if totals else 0.0
            counts: dict[str, float] = defaultdict(float)
            for name, part in self.parts.items():
                if totals.get(name):
                    weight = mean / totals[name]
                    for term, n in part.items():
                        counts[term] += n * weight
            cached = (dict(counts), mean * len(totals))
            object.__setattr__(self, "_cache", cached)
        return cached

    def write(self, path: str | Path) -> None:
        """Save as gzip TSV: the source, one count column per part, rows sorted by term."""
        names = sorted(self.parts)
        terms = sorted(set().union(*self.parts.values()))
        with _gzip_text(path) as out:
            out.write(f"#source\t{self.source}\n#term\t" + "\t".join(names) + "\n")
            for term in terms:
                row = "\t".join(str(self.parts[name].get(term, 0)) for name in names)
                out.write(f"{term}\t{row}\n")

    @classmethod
    def read(cls, path: str | Path) -> Reference:
        source, names, parts = "", [], {}
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                key, *values = line.rstrip("\n").split("\t")
                if key == "#source":
                    source = values[0] if values else ""
                elif key == "#term":
                    names = values
                    parts = {name: {} for name in names}
                elif key:
                    for name, value in zip(names, values, strict=True):
                        if value != "0":
                            parts[name][key] = int(value)
        return cls(parts, source)


def _gzip_text(path: str | Path):
    """A text stream to a gzip file without a timestamp, so rebuilds give the same bytes."""
    import io

    raw = gzip.GzipFile(path, "wb", compresslevel=9, mtime=0)
    return io.TextIOWrapper(raw, encoding="utf-8", newline="\n")


T = TypeVar("T")


def _read_shipped(name: str, read: Callable[[Path], T]) -> T:
    """``read`` applied to a table shipped in ``policytext/data``."""
    with resources.as_file(resources.files("policytext.data").joinpath(name)) as path:
        return read(path)


@lru_cache(maxsize=1)
def default_reference() -> Reference:
    """The balanced reference shipped with the package (see ``policytext/data/README.md``)."""
    return _read_shipped("reference_counts.tsv.gz", Reference.read)


# --- TF-IDF ---------------------------------------------------------------------------------


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
        with _gzip_text(path) as out:
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
    return _read_shipped("background_idf.tsv.gz", BackgroundIDF.read)


def rank_terms(
    counts: Counter[str], idf: Callable[[str], float], top_k: int, sublinear: bool = True
) -> list[tuple[str, float]]:
    """Terms by (sublinear) TF times IDF, L2-normalised, best first, ties by term."""
    scored = {
        term: (1.0 + math.log(n) if sublinear else n) * idf(term) for term, n in counts.items()
    }
    norm = math.sqrt(sum(s * s for s in scored.values())) or 1.0
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(term, round(score / norm, 6)) for term, score in ranked[:top_k]]


# --- documents and sections ------------------------------------------------------------------


def _check_method(method: str) -> str:
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    return method


def _keywords(keys: list[Keyword], top_k: int) -> list[tuple[str, float]]:
    return [(k.term, round(k.g2, 3)) for k in keys[:top_k]]


def document_themes(
    text: str,
    tokens: Sequence[Token],
    top_k: int = 10,
    background: BackgroundIDF | Reference | None = None,
    method: str = "keyness",
    min_count: int = 2,
) -> list[tuple[str, float]]:
    """The ``top_k`` themes of one document.

    ``method="keyness"``: G² against ``background`` (a :class:`Reference`;
    default the shipped balanced corpus). ``method="tfidf"``: sublinear TF in
    the document × IDF of ``background`` (a :class:`BackgroundIDF`; default the
    shipped paragraph frequencies). Passing a :class:`BackgroundIDF` selects
    ``tfidf``.
    """
    ensure_positive_int(top_k, "top_k")
    _check_method(method)
    if isinstance(background, BackgroundIDF):
        method = "tfidf"
    spans = term_spans(tokens)
    counts = Counter(term for term, _, _ in spans)
    if method == "tfidf":
        idf = (background if isinstance(background, BackgroundIDF) else default_background()).idf
        ranked = rank_terms(counts, idf, top_k)
    else:
        reference = background if isinstance(background, Reference) else default_reference()
        found = keyness(counts, reference.counts, None, reference.total, min_count)
        ranked = _keywords(found, top_k)
    return in_script(ranked, surface_forms(text, spans), text)


def _by_section(
    spans: list[tuple[str, int, int]], sections: Sequence[tuple[int, int]]
) -> list[Counter[str]]:
    """Term counts per section, each term placed by bisection: O(terms × log sections)."""
    order = sorted(range(len(sections)), key=lambda i: sections[i])
    starts = [sections[i][0] for i in order]
    counts: list[Counter[str]] = [Counter() for _ in sections]
    for term, start, end in spans:
        at = bisect.bisect_right(starts, start) - 1
        if at >= 0:
            index = order[at]
            if end <= sections[index][1]:
                counts[index][term] += 1
    return counts


def _spread(
    spans: list[tuple[str, int, int]], sentences: Sequence[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """The first occurrence of each term in each sentence: counted per section, a term's
    range (the number of the section's sentences it occurs in)."""
    starts = sorted(start for start, _ in sentences)
    seen: set[tuple[str, int]] = set()
    first = []
    for span in spans:
        key = (span[0], bisect.bisect_right(starts, span[1]))
        if key not in seen:
            seen.add(key)
            first.append(span)
    return first


def section_themes(
    text: str,
    tokens: Sequence[Token],
    sections: Sequence[tuple[int, int]],
    top_k: int = 10,
    method: str = "keyness",
    min_count: int = 2,
    min_log_ratio: float = 0.0,
    sentences: Sequence[tuple[int, int]] | None = None,
    min_range: int = 2,
) -> list[list[tuple[str, float]]]:
    """The ``top_k`` themes of each section, against the rest of the same document.

    Words every section uses (工会, 职工) sink; each section's own rise. A
    section's theme occurs ``min_count`` times in it, relatively more often
    than in the rest (log-ratio ≥ ``min_log_ratio``; 0: no effect-size filter,
    which a section of a hundred terms passes by chance anyway) and
    significantly so (G² ≥ 3.84), in at least ``min_range`` of its sentences
    (``sentences``: spans, default :func:`policytext.split_sentences` of
    ``text``): a word said twice in one sentence (服从…服从, 负责…负责, the
    parallels of policy prose) is one use, not a recurring topic — the
    dispersion corpus linguists ask of a keyword (Gries 2008; Egbert & Biber
    2019). The work is linear in the document: every term is counted once, and
    each section is compared with the document's totals minus its own counts.
    ``method="tfidf"`` ranks by TF-IDF across the sections instead.
    """
    ensure_positive_int(top_k, "top_k")
    ensure_positive_int(min_range, "min_range")
    _check_method(method)
    spans = term_spans(tokens)
    surfaces = surface_forms(text, spans)
    per_section = _by_section(spans, sections)
    if method == "tfidf":
        across = BackgroundIDF.from_documents(per_section)
        ranked = [rank_terms(counts, across.idf, top_k) for counts in per_section]
    else:
        if min_range > 1 and sentences is None:
            from .segment import split_sentences

            sentences = [(s.start, s.end) for s in split_sentences(text)]
        ranges = _by_section(_spread(spans, sentences), sections) if min_range > 1 else None
        whole: Counter[str] = Counter(term for term, _, _ in spans)
        size = sum(whole.values())
        wider = default_reference().counts
        ranked = []
        for i, counts in enumerate(per_section):
            own = sum(counts.values())
            rest = _Rest(whole, counts)
            spread = counts if ranges is None else _dispersed(counts, ranges[i], min_range)
            found = keyness(spread, rest, own, size - own, min_count, min_log_ratio, tiebreak=wider)
            ranked.append(_keywords(found, top_k))
    traditional = detect_script(text) == "traditional"
    return [in_script(terms, surfaces, traditional) for terms in ranked]


def _dispersed(counts: Counter[str], ranges: Counter[str], min_range: int) -> dict[str, int]:
    """The counts of the terms found in at least ``min_range`` sentences."""
    return {term: n for term, n in counts.items() if ranges[term] >= min_range}


class _Rest(Mapping[str, float]):
    """The document's counts minus a section's, looked up term by term (no copy)."""

    def __init__(self, whole: Counter[str], part: Counter[str]) -> None:
        self.whole, self.part = whole, part

    def __getitem__(self, term: str) -> float:
        return self.whole[term] - self.part.get(term, 0)

    def get(self, term: str, default: Any = 0.0) -> float:
        return self.whole.get(term, 0) - self.part.get(term, 0)

    def __iter__(self):
        return iter(self.whole)

    def __len__(self) -> int:
        return len(self.whole)


# --- a corpus ---------------------------------------------------------------------------------


def _words(document: Any, model: str | None = None) -> list[Token]:
    """The words of a document: a text (tokenised), or words already cut (``Token``
    objects, e.g. ``doc.tokens`` from ``analyze_corpus(tokens=True)``, or str).

    Hard-wrapped text (a PDF extraction) is best given as ``doc.tokens`` of its
    ``PolicyDoc``, whose words are cut across the soft line breaks.
    """
    if isinstance(document, str):
        from .tokenizer import tokenize

        return list(tokenize(document, model))
    if isinstance(document, (bytes, bytearray)):
        ensure_text(document, "document")
    if hasattr(document, "tokens") and not isinstance(document, Sequence):
        document = document.tokens  # a PolicyDoc
    words = []
    for word in document:
        if isinstance(word, Token):
            words.append(word)
        elif isinstance(word, str):
            norm = simplified_view(word)
            words.append(Token(word, 0, 0, norm))
        else:
            raise TypeError(
                "a document must be a str, a PolicyDoc or a sequence of Token or str, "
                f"not a sequence of {type(word).__name__}"
            )
    return words


def _terms(
    document: Any, model: str | None = None, stop: frozenset[str] | None = None
) -> list[str]:
    """The theme terms of a document (as :func:`_words` reads it), Simplified, in order.

    A text's words are read straight off the segmenter as Simplified strings:
    counting terms needs no offsets, so no ``Token`` is built (the same words
    as :func:`policytext.tokenize`).
    """
    if isinstance(document, str):
        from .tokenizer import word_spans

        view = simplified_view(document)
        norms = [view[a:b] for a, b in word_spans(document, view, model)]
    else:
        norms = [word.norm for word in _words(document, model)]
    return [term for term, _, _ in _term_runs(_clean_norms(norms), stop)]


@dataclass(frozen=True, eq=False)
class CorpusThemes:
    """Each group's distinctive terms against the other groups, and term frequencies.

    ``themes``: group -> ``[(term, G²), …]`` best first; ``frequencies``: a
    pandas DataFrame, terms (Simplified) × groups, occurrences per 10,000 terms
    of the group, for every term seen at least ``min_count`` times in the
    corpus; ``sizes``: the number of terms of each group.
    """

    themes: dict[Any, list[tuple[str, float]]]
    frequencies: Any
    sizes: dict[Any, int]

    def table(self):
        """The themes as a long DataFrame: group, rank, term, g2."""
        import pandas as pd

        rows = [
            {"group": group, "rank": rank, "term": term, "g2": score}
            for group, terms in self.themes.items()
            for rank, (term, score) in enumerate(terms, 1)
        ]
        return pd.DataFrame(rows, columns=["group", "rank", "term", "g2"])

    def plot(self, terms: Sequence[str], title: str = "", width: int = 560, height: int = 260):
        """A line chart of ``terms`` across the groups (see :func:`plot_trends`)."""
        return plot_trends(self.frequencies, terms, title=title, width=width, height=height)


def corpus_themes(
    data: Any,
    by: str = "year",
    text: str = "text",
    groups: Mapping[str, Any] | None = None,
    top_k: int = 20,
    min_count: int = 5,
    model: str | None = None,
) -> CorpusThemes:
    """Each group's distinctive terms against the rest of the corpus (keyness, G²).

    ``data`` is a pandas DataFrame with a ``text`` column (texts, or words
    already cut: sequences of ``Token``) and a grouping column ``by`` (year,
    province, kind …), or an iterable of ``(doc_id, text_or_words)`` items
    with ``groups`` mapping each ``doc_id`` to its group (without ``groups``,
    each item is its own group). Terms are Simplified; a group's reference is
    the other groups together.
    """
    ensure_positive_int(top_k, "top_k")
    ensure_positive_int(min_count, "min_count")
    if hasattr(data, "columns"):
        for column in (text, by):
            if column not in data.columns:
                raise ValueError(f"the frame has no column {column!r}")
        pairs = list(zip(data[by].tolist(), data[text].tolist(), strict=True))
    else:
        if isinstance(data, (str, bytes)):
            raise TypeError("data must be a DataFrame or an iterable of (doc_id, text) items")
        pairs = []
        for item in data:
            if not (isinstance(item, tuple) and len(item) == 2):
                raise TypeError(f"items must be (doc_id, text) pairs, not {type(item).__name__}")
            doc_id, document = item
            if groups is not None and doc_id not in groups:
                raise ValueError(f"no group for {doc_id!r} in groups")
            pairs.append((doc_id if groups is None else groups[doc_id], document))
    per_group: dict[Any, Counter[str]] = {}
    for group, document in pairs:
        counts = per_group.setdefault(group, Counter())
        counts.update(_terms(document, model))
    order = sorted(per_group, key=_sort_key)
    whole: Counter[str] = Counter()
    for counts in per_group.values():
        whole.update(counts)
    size = sum(whole.values())
    sizes = {group: sum(per_group[group].values()) for group in order}
    themes = {}
    for group in order:
        counts, own = per_group[group], sizes[group]
        found = keyness(counts, _Rest(whole, counts), own, size - own, min_count)
        themes[group] = _keywords(found, top_k)
    return CorpusThemes(themes, _frequencies(per_group, order, sizes, whole, min_count), sizes)


def _sort_key(group: Any) -> tuple[int, Any]:
    return (0, group) if isinstance(group, (int, float)) else (1, str(group))


def _frequencies(per_group, order, sizes, whole, min_count):
    import pandas as pd

    terms = sorted(t for t, n in whole.items() if n >= min_count)
    index = {t: i for i, t in enumerate(terms)}
    matrix = np.zeros((len(terms), len(order)))
    for j, group in enumerate(order):
        scale = 10_000 / sizes[group] if sizes[group] else 0.0
        for term, n in per_group[group].items():
            i = index.get(term)
            if i is not None:
                matrix[i, j] = n * scale
    frame = pd.DataFrame(matrix, index=pd.Index(terms, name="term"), columns=list(order))
    frame.columns.name = "group"
    return frame


#: fonts with Chinese glyphs, in order of preference, then the generic family
CJK_FONTS = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "SimHei", '
    '"Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif'
)


def plot_trends(
    frequencies: Any, terms: Sequence[str], title: str = "", width: int = 560, height: int = 260
):
    """An Altair line chart: each term's frequency per 10,000 terms across the groups.

    ``frequencies`` is :attr:`CorpusThemes.frequencies`; terms may be given in
    either script. Labels use a list of CJK fonts with fallbacks
    (:data:`CJK_FONTS`), so Chinese renders wherever one of them is installed
    (``pip install "policytext[notebook]"`` for Altair).
    """
    import altair as alt
    import pandas as pd

    if isinstance(terms, str):
        raise TypeError("terms must be a list of str, not a single string")
    wanted = [simplified_view(ensure_text(t, "term")) for t in terms]
    missing = [t for t in wanted if t not in frequencies.index]
    if missing:
        raise ValueError(f"not in the frequencies (too rare or not a term): {missing}")
    wide = frequencies.loc[wanted].T
    wide.index.name = "group"
    long = wide.reset_index().melt(id_vars="group", var_name="term", value_name="per_10k")
    numeric = pd.api.types.is_numeric_dtype(long["group"])
    if not numeric:
        long["group"] = long["group"].astype(str)
    x = alt.X("group:Q" if numeric else "group:O", title=frequencies.columns.name or "group")
    if numeric:
        x = x.axis(format="d")
    return (
        alt.Chart(long, title=title)
        .mark_line(point=True)
        .encode(
            x=x,
            y=alt.Y("per_10k:Q", title="per 10,000 terms"),
            color=alt.Color("term:N", title=None),
            tooltip=["group", "term", alt.Tooltip("per_10k:Q", format=".2f")],
        )
        .properties(width=width, height=height)
        .configure(font=CJK_FONTS)
    )


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

    Documents are strings in either script, or words already cut (a sequence
    of ``Token``, e.g. ``doc.tokens`` from ``analyze_corpus(tokens=True)``, or
    of str), so nothing is tokenised twice; features are Simplified terms
    (phrases merged, numerals and stop words left out, see :func:`term_spans`).
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

    def build_analyzer(self) -> Callable[[Any], list[str]]:
        stop = stop_words() | frozenset(self.extra_stop_words)
        low, high = self.ngram_range
        model = self.model

        def analyze(document: Any) -> list[str]:
            terms = _terms(document, model, stop)
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
