"""Paragraphs, sentences and clauses with exact offsets into the original text.

The splitter is rule-based, in the manner of pySBD: each decision is a small
named rule (``rule_*``) with golden examples in ``tests/test_segment_rules.py``.
Candidates are found with regular expressions and judged in Python, so the cost
is one C-speed scan plus a few steps per punctuation mark.

Conventions (see README, "Sentence conventions"):

* A line break ends a paragraph, so a heading line without punctuation is its
  own sentence. Hard-wrapped text (PDF extractions) is first read by the
  layout layer (:mod:`policytext.layout`), which joins the wrapped lines.
  Whitespace (ASCII, U+3000, zero-width) at either end of a paragraph,
  sentence or clause is not part of it.
* A sentence ends after 。！？!? (and runs of them), after an ellipsis (……, ⋯,
  ...) that is followed by a new sentence, and after an ASCII/fullwidth period
  that is not part of a number, a URL, an abbreviation or a list marker (1.).
  Closing quotes and brackets after the terminal stay with the sentence.
* No split inside 《》〈〉, inside brackets, or inside quotation marks that close
  in the same paragraph; a quotation or bracket whose content ends with a
  terminal ends the sentence right after its closing mark (“什么？”他说。 is
  two sentences; 他说：“加油。”谢谢 too).
* A sentence never starts with ，、；： (the clause mark continues it); ASCII
  ``"`` pair like curly quotes; two quotations side by side are two sentences
  when both are speech (each holds a clause mark or a terminal).
* Clauses split a sentence after ，、；：,;: (not inside 《》, 〈〉 or brackets,
  not inside a number such as 3,500 or 09:23); the mark stays with its clause.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from ._twins import compiled_kernel
from .layout import (
    _BREAK_CHAR_RE,
    LINE_BREAK_RE,  # noqa: F401  (kept importable from here)
    LayoutMode,
    line_breaks,
    mark_places,
    strip_bounds,
    through_layout,
)
from .results import Span, span_of
from .validation import ensure_text
from .vocabulary import (
    BRACKET_MARKS,
    CLAUSE_MARKS,
    CLOSERS,
    CLOSING,
    ELLIPSIS_CHARS,
    LINE_BREAKS,
    PAIRS,
    PERIODS,
    QUOTES,
    STRONG_TERMINALS,
    TITLE_MARKS,
    WHITESPACE,
)

# --- character classes (policytext.vocabulary) ------------------------------------

#: words after an ellipsis that continue the same sentence (……等, ……的通知)
ELLIPSIS_CONTINUATIONS = frozenset("等的之和与與及或")

#: the marks ``_paired`` reads: openers and closers of the pairs, the straight quote
_PAIR_CHARS = "".join(PAIRS) + "".join(CLOSING) + '"'
_PAIR_RE = re.compile(f"[{re.escape(_PAIR_CHARS)}]")
_TERMINAL_RE = re.compile(
    "[" + re.escape(STRONG_TERMINALS) + "]+[" + re.escape(ELLIPSIS_CHARS) + "]*"
    "|[" + re.escape(ELLIPSIS_CHARS) + "]+[" + re.escape(STRONG_TERMINALS) + "]*"
    r"|\.{2,}[" + re.escape(STRONG_TERMINALS) + "]*"
    "|[" + re.escape(PERIODS) + "]"
)
#: the first characters of the ``_TERMINAL_RE`` matches: one class, which the regex engine
#: skips to directly, where the alternation is tried at every place (``_terminals``)
_TERMINAL_START_RE = re.compile(
    "[" + re.escape(STRONG_TERMINALS + ELLIPSIS_CHARS + "." + PERIODS) + "]"
)
#: the quotation marks whose content may be speech (not titles, not brackets)
SPEECH_QUOTES = frozenset(QUOTES) | {'"'}
#: a mark that makes a quotation speech rather than a quoted term (not 、, common in slogans)
_SPEECH_MARK_RE = re.compile(
    "[" + re.escape(STRONG_TERMINALS + ELLIPSIS_CHARS + "，；,;﹐﹔") + "]"
)
_CLAUSE_RE = re.compile("[" + re.escape(CLAUSE_MARKS) + "]+")
_CLOSERS_RE = re.compile("[" + re.escape(CLOSERS) + "]*")
_VISIBLE_RE = re.compile("[^" + re.escape(WHITESPACE) + "]")
#: a citation or footnote marker right after a terminal ([1], [12])
_FOOTNOTE_RE = re.compile(r"(?:\[\d{1,3}\])+")
_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+")
#: an e-mail address; it may start only where a run of address characters starts
_EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
)
#: dotted names (hankcs.com, gov.cn); the top-level domain is checked in Python
#: the characters of a dotted name's labels (one definition: the regexes below read it)
_LABEL_CHARS = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_LABEL = f"[{re.escape(_LABEL_CHARS)}]"
_DOTTED_RE = re.compile(rf"(?<![{re.escape(_LABEL_CHARS)}.]){_LABEL}+(?:\.{_LABEL}+)+")
#: a run of label characters that a dot and another label follow (where a ``_DOTTED_RE``
#: match may start)
_DOTTED_START_RE = re.compile(rf"{_LABEL}+(?=\.{_LABEL})")
TOP_LEVEL_DOMAINS = frozenset({"com", "cn", "org", "net", "gov", "edu", "int", "info", "io"})
_LIST_MARKER_BEFORE_PERIOD_RE = re.compile(r"(?<![^\W\d_])(?<!\d)(?:\d{1,3}|[A-Za-z])$")
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
#: the content of a line: a run of characters that are not line breaks
_LINE_CONTENT_RE = re.compile(f"[^{_BREAK_CHAR_RE.pattern[1:-1]}]+")
#: a word character: a letter or a digit of any script (``str.isalnum``), not ``_``
_WORD_CHAR_RE = re.compile(r"[^\W_]")


# --- the compiled scans (``policytext._parcore``) where they were built -----------------


_RUNS_OUTSIDE = compiled_kernel("runs_outside")
_FIRST_ALNUM = compiled_kernel("first_alnum")
_TERMINALS = compiled_kernel("terminals")


def _line_contents(text: str) -> list[tuple[int, int]]:
    """The spans of the ``_LINE_CONTENT_RE`` matches in ``text``: the runs between breaks."""
    if _RUNS_OUTSIDE is None:
        return [match.span() for match in _LINE_CONTENT_RE.finditer(text)]
    return _RUNS_OUTSIDE(text, LINE_BREAKS)


# --- small helpers -----------------------------------------------------------


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _has_word_char(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _first_word_char(text: str, start: int, end: int) -> int:
    """Position of the first letter or digit in ``start..end``, or ``end`` when there is none."""
    if _FIRST_ALNUM is not None:
        return _FIRST_ALNUM(text, start, end)
    match = _WORD_CHAR_RE.search(text, start, end)
    return match.start() if match else end


def match_at_openings(
    openings: re.Pattern[str], pattern: re.Pattern[str], text: str, start: int, end: int
) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text[start:end]`` where every match of it opens
    with a character of the class ``openings``: the regex engine skips to such a
    character directly, where a ``pattern.search`` tries an alternation at every place."""
    while (first := openings.search(text, start, end)) is not None:
        match = pattern.match(text, first.start(), end)
        if match is not None:
            return match
        start = first.start() + 1
    return None


def _terminals(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, mark)`` of every ``_TERMINAL_RE`` match in ``start..end``, as its
    ``finditer`` gives them (every match opens with a character of ``_TERMINAL_START_RE``
    and is one character long at least)."""
    if _TERMINALS is not None:
        return _TERMINALS(text, start, end, STRONG_TERMINALS, ELLIPSIS_CHARS, PERIODS)
    found = []
    while match := match_at_openings(_TERMINAL_START_RE, _TERMINAL_RE, text, start, end):
        found.append((match.start(), match.end(), match.group()))
        start = match.end()
    return found


def _span(text: str, start: int, end: int, label: str | None = None) -> Span | None:
    if start >= end:
        return None
    if text[start] in WHITESPACE or text[end - 1] in WHITESPACE:
        start, end = strip_bounds(text, start, end)
        if start >= end:
            return None
    return span_of(text, start, end, label)


# --- rules ---------------------------------------------------------------------


def rule_line_breaks(text: str) -> Iterator[tuple[int, int]]:
    """Lines of ``text`` as ``(start, end)`` without their line-break characters.

    >>> list(rule_line_breaks("甲\\r\\n乙"))
    [(0, 1), (3, 4)]
    """
    start = 0
    for break_start, break_end in line_breaks(text):
        yield start, break_start
        start = break_end
    yield start, len(text)


def rule_paired_regions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Outermost paired regions (quotes, brackets, 《》) closing inside ``start..end``.

    Each region is ``(open_pos, close_pos + 1, opening_mark)``. Marks are
    matched with a stack; a closer without its opener, and an opener that never
    closes, are ignored (so unbalanced text degrades to no protection). ASCII
    ``"`` pairs alternate.
    """
    return _paired(text, start, end)[0]


def _text_follows(text: str, pos: int, end: int) -> bool:
    """Whether something other than closers and whitespace follows ``pos`` before ``end``."""
    after = _CLOSERS_RE.match(text, pos, end).end()
    return _VISIBLE_RE.search(text, after, end) is not None


def _paired(text: str, start: int, end: int) -> tuple[list[tuple[int, int, str]], list[int]]:
    """:func:`rule_paired_regions`, and the positions of the ASCII ``"`` that open a quotation
    (in order): those are no closers, though the same character closes one. A ``"`` that
    nothing closes opens a quotation only when text follows it (``他说1."`` ends on a
    closer; ``……。"他`` opens a quotation the excerpt cuts)."""
    stack: list[tuple[str, int]] = []
    # stack depths of each opening mark still open: a closer finds its opener without
    # walking the stack, so a run of stray closers costs one step each
    depths: dict[str, list[int]] = {}
    regions: list[tuple[int, int, str]] = []
    straight_openers: list[int] = []
    unclosed: set[int] = set()
    for pos in mark_places(text, start, end, _PAIR_CHARS, _PAIR_RE):
        char = text[pos]
        if char == '"':
            if stack and stack[-1][0] == '"':
                open_pos = stack.pop()[1]
                depths['"'].pop()
                straight_openers.append(open_pos)
                unclosed.discard(open_pos)
                if not stack:
                    regions.append((open_pos, pos + 1, '"'))
            else:
                depths.setdefault('"', []).append(len(stack))
                stack.append(('"', pos))
                unclosed.add(pos)
            continue
        if char in PAIRS:
            depths.setdefault(char, []).append(len(stack))
            stack.append((char, pos))
            continue
        opener = CLOSING[char]
        open_depths = depths.get(opener)
        if not open_depths:
            continue  # stray closer
        depth = open_depths[-1]
        open_pos = stack[depth][1]
        for mark, _ in stack[depth:]:
            depths[mark].pop()
        del stack[depth:]
        if not stack:
            regions.append((open_pos, pos + 1, opener))
    straight_openers.extend(pos for pos in unclosed if _text_follows(text, pos, end))
    straight_openers.sort()  # a pair inside another closes first
    return regions, straight_openers


def dotted_starts(text: str, start: int, end: int) -> list[int]:
    """Where a run of label characters that a dot and another label follow starts in
    ``text[start:end]``: the kernel's ``joined_runs`` where it was built, else the regex."""
    if _JOINED_RUNS is not None:
        return _JOINED_RUNS(text, start, end, _LABEL_CHARS, ".")
    return [match.start() for match in _DOTTED_START_RE.finditer(text, start, end)]


_JOINED_RUNS = compiled_kernel("joined_runs")


def dotted_names(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The matches of ``_DOTTED_RE.finditer(text, start, end)``, tried only where one may
    start (:func:`dotted_starts`; its lookbehind keeps the regex engine from skipping
    there: a search tries every place). No match starts inside another."""
    found = []
    for at in dotted_starts(text, start, end):
        match = _DOTTED_RE.match(text, at, end)
        if match is not None:
            found.append(match)
    return found


def rule_url_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """URLs, e-mail addresses and bare domains: no split inside them.

    Every pattern starts only at the beginning of a run of its characters, so
    a long run (1.1.1.1…) is scanned once, not once per position.
    """
    if text.find(".", start, end) < 0 and text.find("://", start, end) < 0:
        return []  # every URL, address and domain holds a "." (or "://": http://localhost)
    urls = []
    for match in _URL_RE.finditer(text, start, end):
        url_end = match.end()
        while url_end > match.start() and text[url_end - 1] in ".,;:!?)]'":
            url_end -= 1
        urls.append((match.start(), url_end))
    url_starts = [a for a, _ in urls]

    def inside(position: int, found: list[tuple[int, int]], starts: list[int]) -> bool:
        # found is sorted by start and its regions do not overlap
        index = bisect_right(starts, position) - 1
        return index >= 0 and position < found[index][1]

    emails: list[tuple[int, int]] = []
    if "@" in text[start:end]:
        emails = [
            m.span()
            for m in _EMAIL_RE.finditer(text, start, end)
            if not inside(m.start(), urls, url_starts)
        ]
    email_starts = [a for a, _ in emails]
    domains = []
    for match in dotted_names(text, start, end):
        if inside(match.start(), urls, url_starts) or inside(match.start(), emails, email_starts):
            continue
        labels = match.group().lower().split(".")
        length = len(match.group())
        for label in reversed(labels[1:]):  # a domain ends with its top-level label
            if label in TOP_LEVEL_DOMAINS:  # hankcs.com. → hankcs.com
                domains.append((match.start(), match.start() + length))
                break
            length -= len(label) + 1
    return urls + emails + domains


def _closers_end(text: str, pos: int, end: int, openers: list[int] | None) -> int:
    """The end of the run of closing marks at ``pos``, cut before an ASCII ``"`` that
    opens a quotation (a position in ``openers``, sorted)."""
    if pos >= end or text[pos] not in CLOSERS:
        return pos
    run_end = _CLOSERS_RE.match(text, pos, end).end()
    if openers:
        at = bisect_left(openers, pos)
        if at < len(openers) and openers[at] < run_end:
            return openers[at]
    return run_end


def rule_absorb_closers(text: str, pos: int, end: int, openers: list[int] | None = None) -> int:
    """Move ``pos`` past closing quotes/brackets and footnote markers ([1]) after a terminal.

    An ASCII ``"`` at a position in ``openers`` (sorted) opens a quotation: it is no
    closer, so ``他说。"你好。"`` splits before it, as ``他说。“你好。”`` does.

    >>> rule_absorb_closers('好。"他', 2, 4)
    3
    >>> rule_absorb_closers('好。"他', 2, 4, openers=[2])
    2
    """
    while True:
        new = _closers_end(text, pos, end, openers)
        footnote = _FOOTNOTE_RE.match(text, new, end)
        if footnote:
            new = footnote.end()
        if new == pos:
            return pos
        pos = new


def rule_clause_mark_continues(text: str, boundary: int, end: int) -> bool:
    """A sentence never starts with a clause mark (，、；：): one right after a terminal,
    a quotation or a bracket continues the sentence (``“……好看的书！”，小明说。``).

    >>> rule_clause_mark_continues("“好书！”，小明说。", 5, 10)
    True
    >>> rule_clause_mark_continues("“好书！”小明说。", 5, 9)
    False
    """
    while boundary < end and text[boundary] in WHITESPACE:
        boundary += 1
    return boundary < end and text[boundary] in CLAUSE_MARKS


def rule_side_by_side_quotations(
    text: str, first: tuple[int, int, str], second: tuple[int, int, str]
) -> bool:
    """Two quotations with nothing but whitespace between them are two sentences when
    both are speech (each holds a clause mark or a terminal): ``“……是不同的”“你知道么？……”``.
    Quoted terms side by side (``坚持“两个毫不动摇”“三个有利于”``) stay in their sentence.

    >>> text = "“讨论的不是一个东西，是不同的”“你知道么？”"
    >>> rule_side_by_side_quotations(text, (0, 15, "“"), (15, 23, "“"))
    True
    >>> text = "坚持“两个毫不动摇”“三个有利于”"
    >>> rule_side_by_side_quotations(text, (2, 10, "“"), (10, 17, "“"))
    False
    """
    (open1, close1, mark1), (open2, close2, mark2) = first, second
    if mark1 not in SPEECH_QUOTES or mark2 not in SPEECH_QUOTES:
        return False
    if text[close1:open2].strip(WHITESPACE):
        return False
    return bool(
        _SPEECH_MARK_RE.search(text, open1 + 1, close1 - 1)
        and _SPEECH_MARK_RE.search(text, open2 + 1, close2 - 1)
    )


def rule_is_decimal_or_marker_period(text: str, pos: int) -> bool:
    """An ASCII/fullwidth period that belongs to a number or a list marker (1. / A. / １．).

    >>> rule_is_decimal_or_marker_period("增长3.5%", 3)
    True
    >>> rule_is_decimal_or_marker_period("；2.加强领导", 2)
    True
    """
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + 1] if pos + 1 < len(text) else ""
    if before.isdigit() and after.isdigit():
        return True
    return bool(_LIST_MARKER_BEFORE_PERIOD_RE.search(text, max(0, pos - 4), pos))


def rule_period_ends_sentence(text: str, pos: int, end: int) -> bool:
    """Whether a lone ``.``/``．`` at ``pos`` ends a sentence.

    It does before CJK text, an opening quote, the end of the paragraph, or a
    space followed by an upper-case letter or CJK; it does not inside numbers,
    after list markers, or before a lower-case word, a digit or a letter
    directly (hankcs.com, v1.2, No.1).
    """
    if rule_is_decimal_or_marker_period(text, pos):
        return False
    nxt = pos + 1
    if nxt >= end:
        return True
    char = text[nxt]
    if char in WHITESPACE:
        while nxt < end and text[nxt] in WHITESPACE:
            nxt += 1
        if nxt >= end:
            return True
        char = text[nxt]
        return char.isupper() or bool(_CJK_RE.match(char)) or char in PAIRS
    if char.isascii():
        return char in CLOSERS or char in "([\"'"
    return bool(_CJK_RE.match(char)) or char in PAIRS or char in CLOSERS


def rule_ellipsis_ends_sentence(text: str, after: int, end: int) -> bool:
    """An ellipsis (with the closers after it) ends a sentence when a new sentence follows.

    Not when a punctuation mark follows (that mark decides), nor before a
    continuation such as 等/的 (……等方面, 关于……的通知).
    """
    if after >= end:
        return True
    char = text[after]
    if char in WHITESPACE:
        return True
    if char in ELLIPSIS_CONTINUATIONS:
        return False
    return _is_word_char(char) or char in PAIRS


def rule_region_closes_sentence(text: str, region: tuple[int, int, str]) -> bool:
    """A quotation or bracket whose content ends with a terminal ends the sentence after it.

    Titles (《》〈〉) never do; nor does a quoted punctuation mark (“。”).
    """
    open_pos, close_end, mark = region
    if mark in TITLE_MARKS:
        return False
    inner_end = close_end - 1
    while inner_end > open_pos + 1 and (
        text[inner_end - 1] in CLOSERS or text[inner_end - 1] in WHITESPACE
    ):
        inner_end -= 1
    if inner_end <= open_pos + 1:
        return False
    last = text[inner_end - 1]
    if last not in STRONG_TERMINALS and last not in ELLIPSIS_CHARS and last not in PERIODS:
        return False
    return _has_word_char(text[open_pos + 1 : inner_end])


# --- splitting -----------------------------------------------------------------


def _merge(regions: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, merged region starts and ends (regions may overlap or nest)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(regions):
        if ends and a < ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _covered(position: int, starts: list[int], ends: list[int]) -> bool:
    """Whether ``position`` lies inside a region, before its last (closing) character."""
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < ends[index] - 1


def _sentence_boundaries(text: str, start: int, end: int) -> list[int]:
    """Positions inside ``start..end`` (one paragraph) after which a sentence ends."""
    regions, openers = _paired(text, start, end)
    starts, ends = _merge([(a, b) for a, b, _ in regions] + rule_url_regions(text, start, end))
    candidates = _terminals(text, start, end)
    candidates.extend((r[1] - 1, r[1], "") for r in regions if rule_region_closes_sentence(text, r))
    candidates.extend(
        (first[1] - 1, first[1], "")
        for first, second in itertools.pairwise(regions)
        if rule_side_by_side_quotations(text, first, second)
    )
    candidates.sort()

    boundaries: list[int] = []
    sentence_start = start
    first_word = _first_word_char(text, start, end)
    for pos, after, mark in candidates:
        if pos < sentence_start:
            continue
        if first_word < sentence_start:  # the first letter or digit of this sentence
            first_word = _first_word_char(text, sentence_start, end)
        boundary = rule_absorb_closers(text, after, end, openers)
        if not mark:  # a quotation or bracket closing on a terminal, or side by side
            if _TERMINAL_RE.match(text, boundary, end):
                continue  # “……！”。 — the terminal after it decides
        elif _covered(pos, starts, ends) or first_word >= pos:  # no word before the mark
            continue
        elif mark in PERIODS:
            if not rule_period_ends_sentence(text, pos, end):
                continue
        elif not any(c in STRONG_TERMINALS for c in mark) and not rule_ellipsis_ends_sentence(
            text, boundary, end
        ):
            continue  # an ellipsis inside a sentence
        if boundary >= end:
            break
        if rule_clause_mark_continues(text, boundary, end):
            continue
        if boundaries and boundaries[-1] == boundary:
            continue
        boundaries.append(boundary)
        sentence_start = boundary
    return boundaries


def paragraphs_of(text: str) -> tuple[Span, ...]:
    """The non-blank lines of ``text``, without surrounding whitespace."""
    # the runs of characters between line breaks: blank lines cost nothing
    spans = (_span(text, start, end) for start, end in _line_contents(text))
    return tuple(span for span in spans if span is not None)


def split_paragraphs(text: str, layout: LayoutMode = "auto") -> tuple[Span, ...]:
    """Paragraphs as read under ``layout`` (see :mod:`policytext.layout`).

    Text that is not hard-wrapped: its non-blank lines, without surrounding
    whitespace.
    """
    return through_layout(ensure_text(text), layout, paragraphs_of)


def sentences_of(text: str, paragraphs: tuple[Span, ...]) -> tuple[Span, ...]:
    """Sentences of already-split ``paragraphs`` of ``text``."""
    return tuple(s for p in paragraphs for s in _sentences_in(text, p))


def clauses_of(text: str, sentences: tuple[Span, ...]) -> tuple[Span, ...]:
    """Clauses of already-split ``sentences`` of ``text``."""
    return tuple(c for s in sentences for c in _clauses_in(text, s))


def _pieces(text: str, whole: Span, boundaries: list[int]) -> Iterator[Span]:
    """``whole`` cut at ``boundaries``; uncut and unlabelled, ``whole`` itself (no copy)."""
    if not boundaries and whole.label is None:
        yield whole
        return
    start = whole.start
    for boundary in [*boundaries, whole.end]:
        span = _span(text, start, boundary)
        if span is not None:
            yield span
        start = boundary


def _sentences_in(text: str, paragraph: Span) -> Iterator[Span]:
    return _pieces(text, paragraph, _sentence_boundaries(text, paragraph.start, paragraph.end))


def split_sentences(text: str, layout: LayoutMode = "auto") -> tuple[Span, ...]:
    """Sentences of ``text`` in order; see the module docstring for the rules."""
    return through_layout(ensure_text(text), layout, lambda t: sentences_of(t, paragraphs_of(t)))


def _clause_boundaries(text: str, start: int, end: int) -> list[int]:
    if not _CLAUSE_RE.search(text, start, end):
        return []  # no clause mark: nothing to cut, no regions to find
    regions, openers = _paired(text, start, end)
    starts, ends = _merge(
        [(a, b) for a, b, mark in regions if mark in TITLE_MARKS or mark in BRACKET_MARKS]
        + rule_url_regions(text, start, end)
    )
    boundaries = []
    for match in _CLAUSE_RE.finditer(text, start, end):
        pos, after = match.span()
        if starts and _covered(pos, starts, ends):
            continue
        if (
            pos > 0
            and text[pos - 1].isdigit()
            and after < end
            and text[after].isdigit()
            and match.group() in ",:，："
        ):
            continue  # 3,500 and 09:23
        boundary = _closers_end(text, after, end, openers)
        if start < boundary < end:
            boundaries.append(boundary)
    return boundaries


def _clauses_in(text: str, sentence: Span) -> Iterator[Span]:
    return _pieces(text, sentence, _clause_boundaries(text, sentence.start, sentence.end))


def split_clauses(text: str, layout: LayoutMode = "auto") -> tuple[Span, ...]:
    """Clauses: sentences split after ，、；：,;: (the mark stays with its clause)."""
    return through_layout(
        ensure_text(text), layout, lambda t: clauses_of(t, sentences_of(t, paragraphs_of(t)))
    )
