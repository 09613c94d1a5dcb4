"""The calibrated score of a parallel group and the precision-first default threshold.

Every group the rules accept is described by a few general features that name no
word (:func:`group_features`: where the shared material sits and how much of the
members it covers, how many members, their lengths and spread, the unit level read
from what separates them, digits, names, whether the group is a slice of a longer
、-list, whether its edges cut a word of the shipped word list, whether the shared
material is one character (an affix or a frame: …化, 是…) and whether its edges inside
the members cut a word of that list (合｜营商店, 合｜作商店), the rules' raw score). A
logistic model over them (``policytext/data/parallel_score_model.tsv``, fitted by
``python -m tools.calibrate_parallels`` on the development passages) gives
a probability; the reported ``Parallel.score`` is the precision that band of
probabilities had on a separate calibration set
(``policytext/data/parallel_score_calibration.tsv``, made monotone): passages of
development documents annotated by sessions that had not read the rules, which no
rule or feature was written from.

The bands are those of the kind of text the paragraph holding the group reads as
(:mod:`.genre`: a report or a normative document, read from the paragraph's characters,
never from a file name; a group across paragraphs reads them together): each kind has
bands of its own, measured on the calibration groups whose paragraphs read as that
kind, since the same probability is right more often in reports (low-scored groups
there are mostly right) than in normative documents (mostly wrong). So a score means
the same precision in both kinds: ``score >= 0.8`` picks groups from bands of their
kind where at least four in five groups were right on passages the rules and the model
had not seen.

Groups scoring below :func:`default_min_score` (the threshold stated in the model
table) are not returned unless the caller asks for them (``min_score=0.0``). It is
chosen on the calibration set to serve both kinds
(``tools.calibrate_parallels.choose_default``): the threshold of the best F1 reached with
precision >= 0.8 on the calibration passages of each kind, or, where the two kinds' best
differ, on all of them. With the shipped tables it is 0.719: it leaves out the bands below
0.76 of a paragraph read as a report and below 0.719 of one read as normative. A caller who
knows the kind of text can still ask for the threshold
chosen by the rule on the calibration passages of that kind only
(``min_score="normative"`` or ``"report"``, :data:`GENRES`); the kind read per
paragraph does not change which threshold applies, only which bands score a group.

Plain Python only: no scikit-learn or scipy at run time.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from functools import cache, lru_cache
from itertools import pairwise

from ..data import table_rows
from ..layout import _BREAK_CHAR_RE, rule_heading_start, rule_paragraph_end
from ..results import Parallel
from ..vocabulary import (
    CLAUSE_MARKS,
    LINE_BREAKS,
    LIST_MARKS,
    PREPOSITIONS,
    SENTENCE_END,
    STRONG_TERMINALS,
    WHITESPACE,
)
from .genre import REPORT_AT
from .rules import (
    PRODUCTIVE_SUFFIXES,
    has_number,
    rule_case_frame,
    rule_is_name,
    rule_statistics,
)
from .units import (
    _NUMERAL_CHARS,
    _QUOTES,
    FUNCTION_CHARS,
    _is_han,
    _words,
    compiled_kernel,
    first_mark,
    quoted_member_inner,
)

MODEL = "parallel_score_model.tsv"
TABLE = "parallel_score_calibration.tsv"

#: the kinds of text with a threshold of their own (``min_score="report"``): normative
#: documents (意见, 通知, 办法…) and government work and congress reports
GENRES = ("normative", "report")
#: what ``min_score`` accepts: a score in 0..1, a kind of text of GENRES, or None (the default)
MinScore = float | str | None

#: the unit levels, read from what separates the members, each with a flag of the model
LEVELS = ("block", "phrase", "clause", "semicolon", "sentence")
#: the level of members that each head a sentence or paragraph with a body of their own
#: after them (:func:`_heads_with_bodies`); it has no flag: the development passages the
#: model is fitted on hold too few such groups to fit one, and the sentence flag, which
#: marks whole sentences in a row, is not theirs
LEAD = "lead"

#: the features, in the order of the model table
FEATURES = (
    "raw",
    "pair",
    "members",
    "slogan",
    *(f"level_{level}" for level in LEVELS),
    "prefix",
    "suffix",
    "infix_only",
    "shared_chars",
    "shared_content",
    "coverage",
    "mean_length",
    "balance",
    "spread",
    "same_length",
    "four_characters",
    "digits",
    "names",
    "slice_of_list",
    "phrase_pair",
    "lead_in_first",
    "cut_words",
    "gap",
    "quoted",
    "function_edges",
    "productive_suffix",
    "statistics",
    "case_frame",
    "one_character_shared",
    "shared_cuts_word",
)

#: the direction each feature is expected to push the score, where one is known before
#: any fitting (+1 more likely right, -1 less); the tool drops a feature whose fitted
#: weight contradicts it (too few examples to learn it)
EXPECTED_SIGN = {
    "raw": 1,
    "shared_chars": 1,
    "coverage": 1,
    "balance": 1,
    "spread": -1,
    "digits": -1,
    "names": -1,
    "slice_of_list": -1,
    "phrase_pair": -1,
    "lead_in_first": -1,
    "cut_words": -1,
    "function_edges": -1,
    "statistics": -1,
}

_SENTENCE_GAP = frozenset(STRONG_TERMINALS)
_LINE_BREAK_CHARS = frozenset(LINE_BREAKS)
_LIST_MARKS = frozenset(LIST_MARKS)
_CLAUSE_NOT_LIST = frozenset(CLAUSE_MARKS) - _LIST_MARKS
#: a line break with the spaces around it: layout, not text (a hard-wrapped line, the
#: indentation of the next paragraph)
_SPACE = f"[{re.escape(WHITESPACE)}]"
_BREAK = re.compile(f"{_SPACE}*[{re.escape(LINE_BREAKS)}]{_SPACE}*")


def text_length(view: str, start: int, end: int) -> int:
    """The characters of ``view[start:end]`` without its line breaks and the spaces around
    them, so a hard-wrapped text and its unwrapped reading measure alike."""
    if first_mark(view, start, end, LINE_BREAKS, _BREAK_CHAR_RE) < 0:
        return end - start  # no line break (the usual case): ``_BREAK`` finds nothing
    return end - start - sum(len(m) for m in _BREAK.findall(view, start, end))


def _list_goes_on(view: str, end: int) -> bool:
    """Whether the 、-list goes on after its last member, ending at ``end``: a list mark
    follows, not before a clause opened by a preposition, which is a new clause where a ，
    was meant (去把握、去部署、把上级的要求贯彻到…; the preposition is not the first
    character of a word of the word list: 、和平…、在线…). A conjunction after the member
    (…、智慧交通、绿色交通和平安交通…) ends the list with one more item: the group lacks at
    most that one, it is not a slice out of a longer list."""
    return view[end : end + 1] in _LIST_MARKS and not (
        view[end + 1 : end + 2] in PREPOSITIONS and view[end + 1 : end + 3] not in _words()
    )


def rule_break_ends_sentence(view: str, start: int, end: int) -> bool:
    """Whether the line break at ``view[start:end]`` (with the spaces around it) ends a
    sentence: the line before it ends as a sentence does (。！？ before closing marks), a
    blank line follows, or the next line opens with a heading marker (（二）, 三、). Else it
    is layout, a line wrapped inside a sentence (制造强国、｜质量强国; 预期功能安全｜和网络安全):
    the gap reads as its unwrapped text."""
    before = view[max(0, start - 12) : start].rstrip(WHITESPACE)
    after = view[end : end + 12]
    return (
        rule_paragraph_end(before, SENTENCE_END)
        or sum(1 for c in view[start:end].replace("\r\n", "\n") if c in LINE_BREAKS) > 1
        or rule_heading_start(after)
    )


#: the fewest Chinese characters (numerals aside) a body between two members holds: a
#: clause of its own, not a heading marker ((二), 三、, 第四条)
BODY_CHARS = 4


def _heads_with_bodies(view: str, spans: list[tuple[int, int]]) -> bool:
    """Whether text of its own follows each member before the next (加强大气环境综合治理。
    实施……。加强重点流域综合治理。巩固……): the members head sentences or paragraphs with a
    body after them, against members that are whole consecutive sentences with nothing
    between them but the terminal (加强A……。加强B……。)."""
    return all(_han_count(view, a[1], b[0]) >= BODY_CHARS for a, b in pairwise(spans))


def _han_count(view: str, start: int, end: int) -> int:
    """How many characters of ``view[start:end]`` are Han (``_is_han``: not numerals); the
    kernel's ``count_han`` where it was built."""
    if _COUNT_HAN is None:
        return sum(1 for c in view[start:end] if _is_han(c))
    return _COUNT_HAN(view, start, end, _NUMERALS_NOT_HAN)


_COUNT_HAN = compiled_kernel("count_han")
#: the numeral characters ``_is_han`` leaves out
_NUMERALS_NOT_HAN = "".join(sorted(_NUMERAL_CHARS))
#: ``_cuts_word`` by the kernel, where it was built (the Python stays its definition)
_CUTS_WORD = compiled_kernel("cuts_word")


def _level(view: str, group: Parallel, spans: list[tuple[int, int]]) -> str:
    """The unit level, from the strongest mark between consecutive members (``spans``, the
    members' edges as the features read them). A line break counts as a sentence break
    only where it ends a sentence (:func:`rule_break_ends_sentence`); one that wraps a
    line is read as its unwrapped text, so a hard-wrapped group reads as unwrapped.

    Across a sentence break, members that are whole sentences in a row are sentence
    level; members that each head a sentence or paragraph with a body of its own after
    them (:func:`_heads_with_bodies`: 加强大气环境综合治理。……。加强重点流域综合治理。……)
    are the leads of what they head: :data:`LEAD`, a level without a flag. On half A of
    the development documents, 10 of 12 sentence-level groups of leads were right against
    1 of 3 of whole sentences; the sentence flag, fitted mostly on whole sentences,
    pulled the leads down with them."""
    gaps = "".join(view[a[1] : b[0]] for a, b in pairwise(spans))
    if not _LINE_BREAK_CHARS.isdisjoint(gaps):  # any(c in _LINE_BREAK_CHARS for c in gaps)
        breaks = [m for a, b in pairwise(spans) for m in _BREAK.finditer(view, a[1], b[0])]
        if any(rule_break_ends_sentence(view, m.start(), m.end()) for m in breaks):
            return LEAD if _heads_with_bodies(view, spans) else "sentence"
        gaps = "".join(_BREAK.sub("", view[a[1] : b[0]]) for a, b in pairwise(spans))
    if not _SENTENCE_GAP.isdisjoint(gaps):
        return LEAD if _heads_with_bodies(view, spans) else "sentence"
    if "；" in gaps or ";" in gaps:
        return "semicolon"
    if not _CLAUSE_NOT_LIST.isdisjoint(gaps):  # a clause mark that is no list mark
        return "clause"
    if not gaps.strip() and group.kind != "slogan":
        return "block"
    return "phrase"


def _cuts_word(view: str, at: int) -> bool:
    """Whether a member edge at ``at`` falls inside a two- or three-character word of the
    shipped word list (both sides Chinese characters: 生命｜周期, 信息｜科学)."""
    if _CUTS_WORD is not None:
        return _CUTS_WORD(view, at, _NUMERALS_NOT_HAN, _words())
    if at <= 0 or at >= len(view) or not (_is_han(view[at - 1]) and _is_han(view[at])):
        return False
    words = _words()
    return (
        view[at - 1 : at + 1] in words
        or view[at - 2 : at + 1] in words
        or view[at - 1 : at + 2] in words
    )


def _shared_cuts(
    view: str,
    spans: list[tuple[int, int]],
    carriers: list[str],
    shared: list[str],
    prefix: bool,
    suffix: bool,
) -> float:
    """The share of the edges of the shared material inside the members (``carriers``, at
    ``spans``; ``prefix``/``suffix``: all open/end with it) that fall inside a word of the
    shipped word list (合｜营商店, 合｜作商店: a fragment two words happen to begin with),
    against a shared part that is whole words (…｜经济)."""
    inside = []
    for (a, b), carrier in zip(spans, carriers, strict=True):
        points = []
        if prefix:
            points.append(a + len(shared[0]))
        if suffix:
            points.append(b - len(shared[-1]))
        if not (prefix or suffix) and (k := carrier.find(shared[0])) >= 0:
            points += [a + k, a + k + len(shared[0])]
        inside += [p for p in points if a < p < b]
    return sum(1 for p in inside if _cuts_word(view, p)) / len(inside) if inside else 0.0


def group_features(
    view: str, group: Parallel, raw: float, skip: frozenset[str] = frozenset()
) -> tuple[float, ...]:
    """The features of ``group`` (members as spans of ``view``'s text), in ``FEATURES`` order.

    Features named in ``skip`` (the costlier ones whose weight is zero) are 0.0. A member
    kept inside its quotation marks (``rule_quoted_member``) is read within them, so the
    marks move no feature (edges, lengths, function characters, the ``quoted`` flag).
    """
    spans = [quoted_member_inner(view, m.start, m.end) for m in group.members]
    carriers = [view[a:b] for a, b in spans]
    n = len(carriers)
    lengths = [max(1, text_length(view, a, b)) for a, b in spans]
    mean = sum(lengths) / n
    spread = math.sqrt(sum((x - mean) ** 2 for x in lengths) / n) / mean
    shared = [s for s in group.shared if s]
    shared_len = sum(len(s) for s in shared)
    content = sum(1 for s in shared for c in s if c not in FUNCTION_CHARS)
    prefix = bool(shared) and all(c.startswith(shared[0]) for c in carriers)
    suffix = bool(shared) and all(c.endswith(shared[-1]) for c in carriers)
    level = _level(view, group, spans)
    first_start, last_end = spans[0][0], spans[-1][1]
    before = view[first_start - 1] if first_start > 0 else ""
    goes_on = level == "phrase" and (before in _LIST_MARKS or _list_goes_on(view, last_end))
    edges = [e for span in spans for e in span]
    gaps = [text_length(view, a[1], b[0]) for a, b in pairwise(spans)]
    gap = sum(gaps) / len(gaps) if gaps else 0.0
    level_flags = tuple(1.0 if level == name else 0.0 for name in LEVELS)
    return (
        raw,
        1.0 if n == 2 else 0.0,
        min(n, 8) / 8,
        1.0 if group.kind == "slogan" else 0.0,
        *level_flags,
        1.0 if prefix else 0.0,
        1.0 if suffix and not prefix else 0.0,
        1.0 if shared and not (prefix or suffix) else 0.0,
        min(shared_len, 6) / 6,
        min(content, 4) / 4,
        min(1.0, shared_len / mean),
        math.log1p(mean) / 4,
        min(lengths) / max(lengths),
        min(spread, 1.0),
        1.0 if len(set(lengths)) == 1 else 0.0,
        1.0 if set(lengths) == {4} else 0.0,
        sum(1 for c in carriers if has_number(c)) / n,  # _DIGIT_RE or _COUNT_RE finds one
        0.0 if "names" in skip else sum(1 for c in carriers if rule_is_name(c)) / n,
        1.0 if goes_on else 0.0,
        1.0 if level == "phrase" and n == 2 else 0.0,
        1.0 if lengths[0] - 1 > max(lengths[1:]) and not prefix else 0.0,
        0.0 if "cut_words" in skip else sum(1 for e in edges if _cuts_word(view, e)) / len(edges),
        math.log1p(gap) / 4,
        1.0 if before in _QUOTES or carriers[0][:1] in _QUOTES else 0.0,
        sum(1 for c in carriers if c[:1] in FUNCTION_CHARS or c[-1:] in FUNCTION_CHARS) / n,
        1.0 if suffix and shared[-1][-1:] in PRODUCTIVE_SUFFIXES else 0.0,
        1.0 if "statistics" not in skip and rule_statistics(carriers) else 0.0,
        1.0 if rule_case_frame([c[:12] for c in carriers]) else 0.0,
        1.0 if shared and level != "block" and max(map(len, shared)) == 1 else 0.0,
        _shared_cuts(view, spans, carriers, shared, prefix, suffix) if shared else 0.0,
    )


@lru_cache(maxsize=1)
def _model_values() -> dict[str, float]:
    """Every named value of the shipped model table."""
    values = {row[0]: float(row[1]) for row in table_rows(MODEL) if row[0] != "name"}
    thresholds = ("min_score", *(f"min_score_{genre}" for genre in GENRES))
    missing = [f for f in ("intercept", *thresholds, *FEATURES) if f not in values]
    if missing:
        raise ValueError(f"{MODEL} lacks {', '.join(missing)}: rerun tools.calibrate_parallels")
    return values


@lru_cache(maxsize=1)
def model() -> tuple[float, tuple[float, ...], float]:
    """``(intercept, coefficients in FEATURES order, default threshold)`` of the shipped model."""
    values = _model_values()
    return values["intercept"], tuple(values[f] for f in FEATURES), values["min_score"]


@cache
def calibration_table(genre: str) -> tuple[tuple[float, float, int, int, float], ...]:
    """Rows ``(low, high, groups, correct, calibrated precision)`` of one kind of text
    (:data:`GENRES`): bands of the model's probability and the precision each had on the
    calibration groups whose paragraph reads as that kind (:mod:`.genre`), made monotone."""
    header, *rows = table_rows(TABLE)
    at = {name: k for k, name in enumerate(header)}
    return tuple(
        (
            float(row[at["low"]]),
            float(row[at["high"]]),
            int(row[at["groups"]]),
            int(row[at["correct"]]),
            float(row[at["calibrated"]]),
        )
        for row in rows
        if row[at["genre"]] == genre
    )


def probability(features: tuple[float, ...]) -> float:
    """The model's probability that a group with these features is right."""
    intercept, coefficients, _ = model()
    # summed from a list: the compiled twin makes no generator (the same sum, in order)
    z = intercept + sum([w * x for w, x in zip(coefficients, features, strict=True)])
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


@cache
def _band_lows(genre: str) -> tuple[float, ...]:
    """Where each band of :func:`calibration_table` starts (read once, asked per group)."""
    return tuple(row[0] for row in calibration_table(genre))


def genre_of(report_probability: float) -> str:
    """The kind of text (:data:`GENRES`) of a paragraph with this report probability."""
    return GENRES[1] if report_probability >= REPORT_AT else GENRES[0]


def calibrated(p: float, genre: str) -> float:
    """The precision on the calibration groups of kind ``genre`` of the band ``p`` falls in."""
    k = bisect_right(_band_lows(genre), p) - 1
    return calibration_table(genre)[max(k, 0)][4]


def default_min_score() -> float:
    """The documented default threshold: groups scoring less are not returned."""
    return model()[2]


def genre_min_score(genre: str) -> float:
    """The threshold chosen on the calibration passages of one kind of text (:data:`GENRES`)."""
    if genre not in GENRES:
        raise ValueError(
            f"min_score names no kind of text: {genre!r}; use one of {', '.join(GENRES)}, "
            "a number in 0..1 or None"
        )
    return _model_values()[f"min_score_{genre}"]


def resolve_min_score(min_score: MinScore) -> float:
    """``min_score`` checked (a number in 0..1), the threshold of a kind of text
    (:func:`genre_min_score`), or the default threshold for None."""
    if min_score is None:
        return default_min_score()
    if isinstance(min_score, str):
        return genre_min_score(min_score)
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise TypeError(
            f"min_score must be a number, a kind of text ({', '.join(GENRES)}) or None, "
            f"not {type(min_score).__name__}"
        )
    if not 0.0 <= min_score <= 1.0:
        raise ValueError(f"min_score must lie in 0..1, not {min_score}")
    return float(min_score)


@lru_cache(maxsize=1)
def _unweighted() -> frozenset[str]:
    """Features the shipped model gives no weight: not computed at run time."""
    return frozenset(f for f, w in zip(FEATURES, model()[1], strict=True) if w == 0.0)


def group_score(view: str, group: Parallel, report_probability: float) -> float:
    """The calibrated score of a group that carries its raw score, in a paragraph of this
    report probability (:meth:`.genre.ParagraphGenres.of_span`)."""
    features = group_features(view, group, group.score, _unweighted())
    return calibrated(probability(features), genre_of(report_probability))
