"""Layout: which line breaks end a paragraph, and which lines are page furniture.

Text pulled out of PDFs and web pages has a line break at every printed line
end, page numbers and running headers on lines of their own, and captions.
The layout layer reads the lines as a careful human would:

* each line break is judged *hard* (it ends a paragraph) or *soft* (a wrap
  inside a paragraph);
* page furniture — page numbers (``18``, ``— 3 —``, ``第 3 页``) and the running
  headers or footers repeated beside them or at form feeds — is set aside;
* figure and table captions (``图 6 智能工厂标准子体系``) stay paragraphs of
  their own.

Its decisions are a :class:`~policytext.results.Layout`. The structure layers
run on the *reading text* — the raw text with soft breaks, indentation and
furniture taken out — and every offset is mapped back into the raw string, so
a member or an item that runs over a soft break contains its ``\\n``.

Modes (``layout=``):

``"lines"``
    every line break ends a paragraph and nothing is set aside: the text is
    read exactly line by line (one paragraph per line, or blank lines between
    paragraphs);
``"blank-lines"``
    paragraphs are separated by blank lines; a single line break is soft;
``"wrapped"``
    the text is hard-wrapped at a page width; each break is judged by the
    rules ``rule_*`` below;
``"auto"`` (default)
    ``"wrapped"`` when most line lengths cluster at one width and those lines
    end mid-sentence (or, in a snippet of 3 to 5 lines, all but the last do),
    else line by line as ``"lines"`` — but with page furniture set aside and a
    bracketed marker cut by a break (（ | 三）) joined.

Furniture is set aside in every mode but ``"lines"``; it needs page numbers
(two bare numbers, or one decorated ``— 3 —`` / ``第3页``) or form feeds, so a
text without them is never touched. Text that is not hard-wrapped, has no
page numbers and no cut marker comes out of ``"auto"`` exactly as it would
with ``"lines"``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields, is_dataclass
from functools import cache, cached_property
from itertools import accumulate, pairwise
from typing import Any, Literal, NamedTuple, TypeVar

import numpy as np

from ._twins import compiled_kernel
from .results import Layout, Span, Token, span_of
from .validation import ensure_text
from .vocabulary import (
    CLAUSE_MARKS,
    CLOSERS,
    CLOSING,
    INLINE_SPACES,
    LINE_BREAKS,
    NARROW,
    NARROW_RANGES,
    NUMERAL_CHARS,
    PARAGRAPH_END,
    SENTENCE_END,
    WHITESPACE,
)

LayoutMode = Literal["auto", "lines", "blank-lines", "wrapped"]
LAYOUT_MODES = ("auto", "lines", "blank-lines", "wrapped")

#: one line-break character (a character class scans several times faster than the below)
_BREAK_CHAR_RE = re.compile(f"[{LINE_BREAKS}]")


_MARKS_AT = compiled_kernel("marks_at")
_FIRST_MARK = compiled_kernel("first_mark")


def mark_places(text: str, start: int, end: int, marks: str, pattern: re.Pattern[str]) -> list[int]:
    """The places of the characters of ``marks`` in ``text[start:end]``, in order: the
    kernel's ``marks_at`` where it was built, else ``pattern``, the regex ``[marks]``."""
    if _MARKS_AT is None:
        return [match.start() for match in pattern.finditer(text, start, end)]
    return _MARKS_AT(text, start, end, marks)


def first_mark(text: str, start: int, end: int, marks: str, pattern: re.Pattern[str]) -> int:
    """The first place of one of ``marks`` in ``text[start:end]``, or -1: the kernel's
    ``first_mark`` where it was built, else ``pattern``, the regex ``[marks]`` (or
    ``[marks]+``)."""
    if _FIRST_MARK is None:
        match = pattern.search(text, start, end)
        return -1 if match is None else match.start()
    return _FIRST_MARK(text, start, end, marks)


#: a line break of any convention (\r\n counts once)
LINE_BREAK_RE = re.compile("\r\n|" + _BREAK_CHAR_RE.pattern)
FORM_FEED = "\x0c"

SENTENCE_END_OR_COLON = SENTENCE_END | frozenset("：:")
_CLOSER_CHARS = frozenset(CLOSERS)
#: a footnote marker ([1], [12]) ending the searched stretch
_FOOTNOTE_END_RE = re.compile(r"\[\d{1,3}\]$")
#: a page number on a line of its own: 18, — 3 —, - 3 -, ·3·, 第3页, 3/20, 第3页 共20页
_PAGE_NUMBER_RE = re.compile(
    r"(?P<lead>[-—–－―~～·•\s]*)(?P<di>第\s*)?[0-9０-９]{1,4}\s*(?P<ye>[页頁])?"
    r"(?:\s*[/／]\s*[0-9０-９]{1,4}\s*[页頁]?|\s*共\s*[0-9０-９]{1,4}\s*[页頁])?"
    r"(?P<tail>[-—–－―~～·•\s]*)"
)
#: a heading marker that starts a new paragraph (一、 （一） 1. 第一章 第一条)
_HEADING_MARKER_RE = re.compile(
    rf"[（(][{NUMERAL_CHARS}\d]{{1,3}}[)）]"
    rf"|[{NUMERAL_CHARS}]{{1,3}}、"
    r"|\d{1,3}(?:[.．、](?!\d)|(?:\.\d{1,3})+\s)"
    rf"|第[{NUMERAL_CHARS}百零\d]{{1,4}}[章节節条條部编編篇]"
)
#: a heading of the outermost levels, which stands on a line of its own
_SECTION_HEADING_RE = re.compile(
    rf"[{NUMERAL_CHARS}]{{1,3}}、|第[{NUMERAL_CHARS}百零\d]{{1,4}}[章节節部编編篇]"
)
#: a caption: 图 6 智能工厂标准子体系, 表2：主要指标, Figure 3. …
_CAPTION_RE = re.compile(
    r"(?:附?[图表圖]|Figure|Fig\.|Table)\s*[0-9０-９]{1,3}(?:[-–.．][0-9０-９]{1,3})*"
    r"(?:[\s\u3000]+|[：:.．]\s*)\S"
)
#: a marker cut by the break: （十 | 二）, (1 | 2)
_ORDINAL_PART = f"[{NUMERAL_CHARS}百\\d]{{0,3}}"
_OPEN_MARKER_END_RE = re.compile(f"[（(]{_ORDINAL_PART}$")
_CLOSE_MARKER_START_RE = re.compile(f"{_ORDINAL_PART}[)）]")
_SPACE_JOIN = re.compile(r"[A-Za-z0-9]")
#: a Latin word at the start of a line
_LATIN_WORD_RE = re.compile(r"[A-Za-z]+")
#: a bracketed marker that might be cut by a line break (the rule decides; this finds candidates)
#: (the whitespace before the first break holds no break: one way to match, so no backtracking)
_NON_BREAK_SPACE = "".join(c for c in WHITESPACE if not _BREAK_CHAR_RE.match(c))
_MARKER_CUT_RE = re.compile(
    f"[（(]{_ORDINAL_PART}[{re.escape(_NON_BREAK_SPACE)}]*{_BREAK_CHAR_RE.pattern}"
    f"[{re.escape(WHITESPACE)}]*{_ORDINAL_PART}[)）]"
)
#: the opening brackets every ``_MARKER_CUT_RE`` match starts with
_MARKER_CUT_OPENERS = "（("


def _has_marker_cut(text: str) -> bool:
    """Whether ``_MARKER_CUT_RE`` finds a match in ``text``: tried only at its opening
    brackets, which the kernel finds where it was built (the regex engine tests every
    character against its first class)."""
    if _MARKS_AT is None:
        return _MARKER_CUT_RE.search(text) is not None
    for position in _MARKS_AT(text, 0, len(text), _MARKER_CUT_OPENERS):
        if _MARKER_CUT_RE.match(text, position) is not None:
            return True
    return False


_DIGITS_RE = re.compile(r"[0-9０-９]+")
#: the gap between two fields of a table row: spaces (ASCII or U+3000)
_FIELD_GAP_RE = re.compile(f"[{re.escape(INLINE_SPACES)}]+")
#: a gap of two spaces or more inside a line: the fields of a form or a table
_WIDE_GAP_RE = re.compile(f"[{re.escape(INLINE_SPACES)}]{{2,}}")
_SPACES_RE = re.compile(r"\s+")
#: first characters a caption can have
_CAPTION_FIRST = frozenset("附图表圖FT")

CAPTION_MAX = 40
HEADER_MAX = 40
#: share of lines at one width above which the character count is taken as the measure
CLEAR_SHARE = 0.75
#: below this share at one character width, display cells are not measured either
CELL_SHARE = 0.2
#: lines at the page width that auto needs before it calls a text wrapped
MIN_FULL_LINES = 4
#: no printed page is wider than this many characters
MAX_PAGE_WIDTH = 200
LONE_HEADER_MAX = 20
#: tuples of spans at least this long are mapped with numpy (its call costs more for few)
NUMPY_FROM = 64
#: display cells of indentation that mark a paragraph's first line (one U+3000)
PARAGRAPH_INDENT = 2
#: lines within this many non-blank lines of a page number are beside it
HEADER_REACH = 2
#: bare numbers this many non-blank lines apart (the median gap) can be page numbers; closer
#: together they number the rows of a table or a list
MIN_PAGE_LINES = 10
#: the narrowest page width auto looks for, in characters (display cells: twice as many)
MIN_WIDTH = 10
#: at most one line in this many full lines may run far past the page width of a wrapped text
LONG_PER_FULL = 4
#: a line longer than this many page widths runs far past it (a paragraph on one line)
FAR_PAST = 2
#: a table row has at least this many fields apart by spaces
TABLE_FIELDS = 3
#: the most lines a snippet judged by ``rule_short_wrapped`` has
SHORT_WRAP_LINES = 5
#: the narrowest page width ``rule_short_wrapped`` accepts, in characters (lines of names
#: signing a document, 中华人民共和国科学技术部, are shorter)
SHORT_WRAP_WIDTH = 20


class _Line(NamedTuple):
    start: int  # content start (after indentation)
    end: int  # content end (before trailing whitespace)
    line_start: int
    break_start: int  # where the line break begins (== line end)
    break_end: int  # after the line break
    indent: int  # display width of the indentation


#: characters one cell wide (``vocabulary.NARROW_RANGES``)
_NARROW_RE = re.compile(
    "[" + "".join(f"{re.escape(first)}-{re.escape(last)}" for first, last in NARROW_RANGES) + "]"
)


def _display_width(text: str, start: int = 0, end: int | None = None) -> int:
    """The cells ``text[start:end]`` takes (the kernel's ``display_width`` where built)."""
    end = len(text) if end is None else end
    if _DISPLAY_WIDTH is not None:
        return _DISPLAY_WIDTH(text, start, end, NARROW)
    part = text[start:end]
    return 2 * len(part) - len(_NARROW_RE.findall(part))


_DISPLAY_WIDTH = compiled_kernel("display_width")


def line_breaks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line break (``\r\n`` counts once), as ``LINE_BREAK_RE`` finds."""
    breaks = list(_iter_line_breaks(text))
    breaks.pop()
    return breaks


def _iter_line_breaks(text: str) -> Iterator[tuple[int, int]]:
    """The line breaks of :func:`line_breaks`, one at a time, then ``(len, len)`` for the end."""
    skip = -1
    for position in mark_places(text, 0, len(text), LINE_BREAKS, _BREAK_CHAR_RE):
        if position == skip:
            continue  # the \n of \r\n
        if text[position] == "\r" and text.startswith("\n", position + 1):
            yield position, position + 2
            skip = position + 1
        else:
            yield position, position + 1
    yield len(text), len(text)


def strip_bounds(
    text: str, start: int, end: int, chars: str | frozenset[str] = WHITESPACE
) -> tuple[int, int]:
    """Shrink ``start..end`` past ``chars`` (whitespace unless told) at both ends."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


_NEW_TUPLE = tuple.__new__


def _lines(text: str) -> list[_Line]:
    lines = []
    start = 0
    for break_start, break_end in _iter_line_breaks(text):
        content_start, content_end = strip_bounds(text, start, break_start)
        indent = (
            _display_width(text, start, content_start) if start < content_start < content_end else 0
        )
        line = (content_start, content_end, start, break_start, break_end, indent)
        lines.append(_NEW_TUPLE(_Line, line))  # _Line(*line) without its __new__ in Python
        start = break_end
    return lines


# --- rules ------------------------------------------------------------------------


def rule_table_row(content: str) -> bool:
    """A cell or row of a table: no letters at all (a number, a phone), or three or more
    fields apart by spaces and no clause punctuation.

    >>> rule_table_row("0-1MHz -21dBm 30kHz 有效值检波"), rule_table_row("到 2023 年，初步建立")
    (True, False)
    """
    if not any(c.isalpha() for c in content):
        return True
    if _has_row_breaking_mark(content):
        return False
    return len(_FIELD_GAP_RE.findall(content)) >= TABLE_FIELDS - 1


#: the marks no table row holds (``rule_table_row``)
_ROW_BREAKING_MARKS = "".join(sorted(set(CLAUSE_MARKS) | set(SENTENCE_END)))
_ROW_BREAKING_RE = re.compile(f"[{re.escape(_ROW_BREAKING_MARKS)}]")


def _has_row_breaking_mark(content: str) -> bool:
    """Whether ``content`` holds a mark of ``CLAUSE_MARKS`` or ``SENTENCE_END``."""
    return first_mark(content, 0, len(content), _ROW_BREAKING_MARKS, _ROW_BREAKING_RE) >= 0


def rule_page_number(content: str) -> str | None:
    """``"decorated"`` (— 3 —, 第3页), ``"bare"`` (18) or None for any other line.

    >>> rule_page_number("— 3 —"), rule_page_number("18"), rule_page_number("1.")
    ('decorated', 'bare', None)
    """
    match = _PAGE_NUMBER_RE.fullmatch(content)
    if match is None:
        return None
    decorated = match["lead"].strip() or match["tail"].strip() or match["di"] or match["ye"]
    return "decorated" if decorated else "bare"


def rule_paragraph_end(content: str, marks: frozenset[str] = PARAGRAPH_END) -> bool:
    """The line ends as a paragraph may: 。！？；： before closing marks or a [1].

    >>> rule_paragraph_end("稳步推进。”[2]"), rule_paragraph_end("各直")
    (True, False)
    """
    last = content[-1:]
    if last in marks:
        return True
    if not last or last not in _CLOSER_CHARS:
        return False
    end = _trailing_closers_start(content)
    return end > 0 and content[end - 1] in marks


def _trailing_closers_start(content: str) -> int:
    """Where the closing marks and footnote markers ([1]) at the end of ``content`` begin.

    Walked back from the end, so a long run of closers costs one step each.
    """
    end = len(content)
    while end:
        footnote = _FOOTNOTE_END_RE.search(content, max(0, end - 5), end)
        if footnote is not None and footnote.end() == end:
            end = footnote.start()
        elif content[end - 1] in _CLOSER_CHARS:
            end -= 1
        else:
            break
    return end


def rule_heading_line(content: str, next_is_full: bool) -> bool:
    """A whole section heading (一、… / 第一章…) on its own line that reaches the page width.

    Such headings stand alone in policy documents and are one or two phrases;
    the line after one is full body text, not the short rest of a heading
    wrapped in two. Inner headings ((一)…) often run into their paragraph, and
    a line of several clauses (一、大家知道，北京是…，近五百年来，…) is prose, so
    neither counts.

    >>> rule_heading_line("四、坚持和加强党的全面领导，全力建设让人民更加满意的政府", True)
    True
    """
    return (
        next_is_full
        and _SECTION_HEADING_RE.match(content) is not None
        and not any(mark in content for mark in SENTENCE_END)
        and content[-1] not in "，、,；;："
        and sum(content.count(mark) for mark in "，,；;：") <= 1
    )


def rule_heading_start(content: str) -> bool:
    """The line starts with a heading marker (一、 （一） 1. 第一章 第三条).

    >>> rule_heading_start("（二）加快建设"), rule_heading_start("二是加快")
    (True, False)
    """
    return _HEADING_MARKER_RE.match(content) is not None


def rule_caption(content: str) -> bool:
    """A figure or table caption: 图/表 + number + title, short, no closing punctuation.

    >>> rule_caption("图 6 智能工厂标准子体系"), rule_caption("图6显示，投资增长")
    (True, False)
    """
    return (
        content[:1] in _CAPTION_FIRST
        and len(content) <= CAPTION_MAX
        and _CAPTION_RE.match(content) is not None
        and not rule_paragraph_end(content)
        and content[-1] not in "，、,"
    )


def rule_split_marker(before: str, after: str) -> bool:
    """The break cuts a bracketed marker: （十 | 二）, ( | 3).

    >>> rule_split_marker("（十", "二）完善"), rule_split_marker("（一）", "二）")
    (True, False)
    """
    return bool(_OPEN_MARKER_END_RE.search(before[-4:]) and _CLOSE_MARKER_START_RE.match(after))


def rule_split_token(before: str, after: str) -> bool:
    """The break cuts a marker or a number: （十 | 二）, 3 | 500, 12 | .5%.

    >>> rule_split_token("增长3", ".5%"), rule_split_token("2023", "年")
    (True, False)
    """
    if rule_split_marker(before, after):
        return True
    return before[-1:].isdigit() and (after[:1].isdigit() or after[:1] in ".．%％,")


def rule_unopened(content: str) -> bool:
    """The line closes a mark it did not open: the end of a sentence, never a running header.

    >>> rule_unopened("局）"), rule_unopened("（2024年）")
    (True, False)
    """
    return any(CLOSING[c] not in content[:i] for i, c in enumerate(content) if c in CLOSING)


def rule_pages_apart(bare: list[int], lines: list[_Line]) -> bool:
    """Bare numbers (indices of their lines) stand a page apart: page numbers, not row numbers.

    Two or more, at a median gap of ``MIN_PAGE_LINES`` non-blank lines or more: a
    table's serial numbers (1 | 名称 | 电话 | 2 | …) or a list's come every few lines.
    """
    if len(bare) < 2:
        return False
    nonblank = list(accumulate(1 if line.start < line.end else 0 for line in lines))
    gaps = sorted(nonblank[b] - nonblank[a] for a, b in pairwise(bare))
    return gaps[len(gaps) // 2] >= MIN_PAGE_LINES


# --- furniture ---------------------------------------------------------------------


def _furniture(text: str, lines: list[_Line]) -> dict[int, str]:
    """Indices of furniture lines and their labels ("page_number", "running_header").

    A text of one non-blank line has no pages, so none of it is furniture: ``"0—"`` alone is
    a sentence, as it is inside ``"工……0—"``.
    """
    if sum(1 for line in lines if line.start < line.end) < 2:
        return {}
    kinds = {}
    for index, line in enumerate(lines):
        if line.start < line.end and line.end - line.start <= 20:
            kind = rule_page_number(text[line.start : line.end])
            if kind is not None:
                kinds[index] = kind
    form_feeds = (
        [i for i, line in enumerate(lines) if text[line.break_start : line.break_end] == FORM_FEED]
        if FORM_FEED in text
        else []
    )
    paged = rule_pages_apart([i for i, kind in kinds.items() if kind == "bare"], lines)
    page_lines = {
        i
        for i, kind in kinds.items()
        if kind == "decorated" or (kind == "bare" and paged) or _near(i, form_feeds)
    }
    if not page_lines and not form_feeds:
        return {}
    furniture = dict.fromkeys(page_lines, "page_number")
    anchors = [*page_lines, *form_feeds, *(i + 1 for i in form_feeds)]
    nonblank = [i for i, line in enumerate(lines) if line.start < line.end]
    rank = {i: r for r, i in enumerate(nonblank)}
    anchor_ranks = sorted({rank.get(i, _next_rank(i, nonblank)) for i in anchors})
    # running headers and footers: short lines beside the page breaks, the same on several pages
    by_key: dict[str, list[int]] = {}
    beside = {
        i
        for r in anchor_ranks
        for i in nonblank[max(0, r - HEADER_REACH) : r + HEADER_REACH + 1]
        if i not in page_lines
    }
    for index in sorted(beside):
        content = text[lines[index].start : lines[index].end]
        if (
            len(content) > HEADER_MAX
            or rule_paragraph_end(content)
            or rule_heading_start(content)
            or rule_unopened(content)
            or not any(c.isalpha() for c in content)  # numbers (a phone, a date) vary as text
        ):
            continue
        by_key.setdefault(_DIGITS_RE.sub("0", _SPACES_RE.sub("", content)), []).append(index)
    if not by_key:
        return furniture
    everywhere = Counter(
        text[line.start : line.end] for line in lines if 0 < line.end - line.start <= HEADER_MAX
    )
    single_page_break = len(anchor_ranks) == 1
    for key, found in by_key.items():
        total = sum(everywhere[t] for t in {text[lines[i].start : lines[i].end] for i in found})
        repeated = len(found) >= 2 and len(found) * 2 >= total
        if repeated and not form_feeds:
            # between numbered pages a running header keeps its place beside the number
            # (say the line after it); a line met at random places is text
            places = Counter(_place(rank[i], anchor_ranks) for i in found)
            repeated = 2 * max(places.values()) > len(found)
        # with one page break, repetition cannot be seen: a short unpunctuated line
        # right after the page number (the top of the next page) is taken for its header
        lone = (
            single_page_break
            and total == 1
            and len(key) <= LONE_HEADER_MAX
            and not any(unicodedata.category(c).startswith("P") for c in key)
            and rank[found[0]] - 1 in anchor_ranks
        )
        if repeated or lone:
            furniture.update(dict.fromkeys(found, "running_header"))
    return furniture


def _place(line_rank: int, anchor_ranks: list[int]) -> int:
    """Where a line sits from the nearest page break (-1: the line before it)."""
    at = bisect_right(anchor_ranks, line_rank)
    near = [anchor_ranks[j] for j in (at - 1, at) if 0 <= j < len(anchor_ranks)]
    return min((line_rank - r for r in near), key=abs)


def _next_rank(index: int, nonblank: list[int]) -> int:
    return bisect_right(nonblank, index)


def _near(position: int, anchors: list[int], reach: int = 1) -> bool:
    at = bisect_right(anchors, position + reach) - 1
    return at >= 0 and anchors[at] >= position - reach


# --- decisions -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Widths:
    """The page width of a wrapped text, in characters or in display cells.

    ``sizes`` holds each content line's size (by its start) in display cells,
    indentation included; measured in characters (``sizes`` None), the size is
    the line's length.
    """

    width: int
    display: bool
    tolerance: int
    sizes: dict[int, int] | None

    def size(self, line: _Line) -> int:
        """The line's size in this measure, indentation included."""
        return line.break_start - line.line_start if self.sizes is None else self.sizes[line.start]

    def full(self, line: _Line) -> bool:
        """The line reaches the page width."""
        return self.size(line) >= self.width - self.tolerance

    def long(self, line: _Line) -> bool:
        """The line runs well past the page width (it was never wrapped)."""
        return self.size(line) > self.width + 2 * self.tolerance


def _page_width(text: str, lines: list[_Line], narrowest: int = 0) -> tuple[_Widths, float] | None:
    """The width most lines stop at, and the share of lines that reach it.

    Only widths of ``narrowest`` characters (twice as many display cells) or more
    are candidates; given one, a width that many lines run far past (``FAR_PAST``
    widths, paragraphs on a line) scores down by ``LONG_PER_FULL`` for each.
    """
    if len(lines) < 3:
        return None
    # a line is as wide as its spaces reach (a form: 名称：          | （盖章）)
    best: tuple[_Widths, float] | None = None
    for display, tolerance in ((False, 2), (True, 4)):
        sizes = (
            [_display_width(text, line.line_start, line.break_start) for line in lines]
            if display
            else [line.break_start - line.line_start for line in lines]
        )
        lengths = Counter(sizes)
        widest = MAX_PAGE_WIDTH * (2 if display else 1)
        lowest = narrowest * (2 if display else 1)
        candidates = [w for w in lengths if lowest <= w <= widest]
        if not candidates:
            continue
        # lines within the band [w - tolerance, w + 1] of each width w, from running totals
        upto = list(accumulate(lengths.get(n, 0) for n in range(widest + 2)))
        # (lines in the band, tie-breaks) for each width; looking for a page (narrowest
        # given), each line running far past a width (a paragraph on a line) counts against it
        scores = []
        for w in candidates:
            band = upto[w + 1] - (upto[w - tolerance - 1] if w > tolerance else 0)
            far = len(sizes) - upto[min(FAR_PAST * w, widest + 1)] if narrowest else 0
            scores.append((band - LONG_PER_FULL * far, lengths[w], w, band))
        *_, width, full = max(scores)
        share = full / len(lines)
        if best is None or share > best[1]:
            by_start = (
                {line.start: size for line, size in zip(lines, sizes, strict=True)}
                if display
                else None
            )
            best = (_Widths(width, display, tolerance, by_start), share)
        if share >= CLEAR_SHARE or share < CELL_SHARE:
            # clearly wrapped by character count, or lines of every length (paragraphs): a
            # display measure would only shift lengths by their few digits and Latin letters
            break
    return best


def rule_wrapped(text: str, lines: list[_Line]) -> _Widths | None:
    """The page width when the text is hard-wrapped, else None.

    Hard-wrapped: at least 4 lines stop within a tolerance of one width of 10
    characters or more, they are 40% of the lines that are not short (half the
    width or more: short lines are headings, table cells, ends of paragraphs),
    at most one line in ``LONG_PER_FULL`` runs far past the width (paragraphs
    one a line, with short headings, are not wrapped), and at least half of the
    full lines (table rows do not count) end mid-sentence (text with one
    sentence per line stays lines). Shorter snippets: ``rule_short_wrapped``, or
    ``layout="wrapped"``.
    """
    found = _page_width(text, lines, MIN_WIDTH)
    if found is None:
        return None
    widths, _ = found
    rows = [line for line in lines if not rule_table_row(text[line.start : line.end])]
    full = [line for line in rows if widths.full(line) and not widths.long(line)]
    measured = sum(1 for line in rows if 2 * widths.size(line) >= widths.width)
    far = sum(1 for line in lines if widths.size(line) > FAR_PAST * widths.width)
    if len(full) < MIN_FULL_LINES or len(full) < 0.4 * measured or far * LONG_PER_FULL > len(full):
        return None
    open_ended = sum(1 for line in full if not rule_paragraph_end(text[line.start : line.end]))
    return widths if open_ended * 2 >= len(full) else None


def rule_short_wrapped(text: str, lines: list[_Line]) -> _Widths | None:
    """The page width of a hard-wrapped snippet too short for ``rule_wrapped``, else None.

    A snippet of 3 to ``SHORT_WRAP_LINES`` consecutive lines is wrapped when every line
    but the last stops within a tolerance of one width (``SHORT_WRAP_WIDTH`` characters
    or more), ends mid-sentence (not after a closing mark) and is followed by a line
    that opens no heading, the last line runs no further than the width, and no line
    is a table row or has a wide gap (a form's fields): an excerpt of a PDF extraction
    (…信息化、网络化、智能 | 化新技术应用需求，…适应智能船 | 舶、…). Lines of text one
    paragraph a line end at 。 or are of every length.
    """
    if not 3 <= len(lines) <= SHORT_WRAP_LINES:
        return None
    if any(after.line_start != before.break_end for before, after in pairwise(lines)):
        return None  # a blank line between
    contents = [text[line.start : line.end] for line in lines]
    if any(rule_table_row(content) or _WIDE_GAP_RE.search(content) for content in contents):
        return None
    if any(
        rule_paragraph_end(content) or content[-1] in _CLOSER_CHARS for content in contents[:-1]
    ):
        return None
    if any(rule_heading_start(content) for content in contents[1:]):
        return None
    for display, tolerance in ((False, 2), (True, 4)):
        sizes = [
            _display_width(text, line.line_start, line.break_start)
            if display
            else line.break_start - line.line_start
            for line in lines
        ]
        width = max(sizes[:-1])
        if (
            width >= SHORT_WRAP_WIDTH * (2 if display else 1)
            and min(sizes[:-1]) >= width - tolerance
            and sizes[-1] <= width + tolerance
        ):
            by_start = {line.start: size for line, size in zip(lines, sizes, strict=True)}
            return _Widths(width, display, tolerance, by_start if display else None)
    return None


@dataclass(frozen=True)
class _Page:
    """What the break decisions need to know about the whole text."""

    text: str
    mode: str
    auto: bool  # the mode was chosen by "auto"
    widths: _Widths | None
    base_indent: int  # the indentation of wrapped lines
    indents: bool  # some lines start further in: first-line indents mark paragraphs

    def full(self, line: _Line) -> bool:
        return self.widths is not None and self.widths.full(line)


def rule_word_moved(page: _Page, before: _Line, tail: str) -> bool:
    """The line falls short of the page width only because the next one starts with a
    Latin word that did not fit (printers move a word whole: …AI for | Science数据).
    """
    word = _LATIN_WORD_RE.match(tail)
    if word is None or page.widths is None:
        return False
    widths = page.widths
    return widths.size(before) + len(word[0]) + 1 >= widths.width - widths.tolerance


def _soft(page: _Page, before: _Line, after: _Line, blank: bool, opens: bool) -> bool:
    """Whether the break between the content lines ``before`` and ``after`` is soft.

    ``blank``: blank lines (and no furniture) lie between them; ``opens``:
    ``before`` is the first line of its paragraph.
    """
    text = page.text
    head = text[before.start : before.end]
    tail = text[after.start : after.end]
    if blank:
        return False
    if page.mode == "lines":  # as read by "auto", a marker cut in two is still joined
        return page.auto and rule_split_marker(head, tail)
    if rule_caption(head) or rule_caption(tail):
        return False
    if rule_split_marker(head, tail):
        return True
    if page.mode == "blank-lines":
        return True
    if not page.full(before) and not rule_word_moved(page, before, tail):
        return False  # a short line ends its paragraph (or is a heading): 附件4 | 2022年度…
    if rule_split_token(head, tail):
        return True  # a number cut at the page width
    if page.indents:
        # a first-line indent (two cells or more) starts a paragraph; an unindented line runs
        # on even when it starts with a marker (具体包括：| （1）…, a heading run in: 。| (5)…)
        return after.indent < page.base_indent + PARAGRAPH_INDENT
    if rule_heading_start(tail) and (
        rule_paragraph_end(head, SENTENCE_END_OR_COLON)
        or (rule_paragraph_end(head) and not page.full(after))
    ):
        return False  # a heading or a numbered paragraph; after a ； an inline list goes on
    if opens and rule_heading_line(head, page.full(after)):
        return False
    # a full line means a page width was found
    return not (rule_paragraph_end(head) and page.widths is not None and page.widths.long(before))


# --- the reading text and its offsets ------------------------------------------------------

T = TypeVar("T")


class Reading:
    """The reading text of a raw text under a layout, and the map of its offsets.

    ``text`` is what the structure layers read; :meth:`to_raw` maps any result
    found in it (spans, tokens, items, groups …) back onto the raw string.
    """

    def __init__(
        self,
        raw: str,
        layout: Callable[[], Layout],
        text: str | None = None,
        pieces: Sequence[tuple[int, int]] = (),
    ) -> None:
        # text None: the reading text is raw itself; pieces: (reading start, raw start) of
        # each stretch of text copied from raw, in order
        self.raw = raw
        self._layout = layout
        self.identity = text is None
        self.text = raw if text is None else text
        self._reading_starts = [p[0] for p in pieces]
        self._raw_starts = [p[1] for p in pieces]

    @cached_property
    def layout(self) -> Layout:
        """The decisions (built on first use: the structure layers need only the offsets)."""
        return self._layout()

    def position(self, reading: int) -> int:
        """The raw offset of the reading character at ``reading``."""
        at = bisect_right(self._reading_starts, reading) - 1
        return self._raw_starts[at] + reading - self._reading_starts[at]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the reading stretch ``start..end``."""
        if self.identity:
            return start, end
        if end <= start:
            raw = self.position(start) if self.text else 0
            return raw, raw
        return self.position(start), self.position(end - 1) + 1

    def to_raw(self, value: T) -> T:
        """``value`` (a result, or a tuple of them) with its offsets in the raw text."""
        if self.identity:
            return value
        return self._map(value)

    def _spans(self, spans: tuple[Span, ...]) -> tuple[Span, ...]:
        """Many spans at once (the hot path: sentences, clauses), positions found by numpy."""
        if len(spans) < NUMPY_FROM:
            return tuple(
                span_of(self.raw, a, b, span.label)
                for span in spans
                for a, b in (self.bounds(span.start, span.end),)
            )
        firsts = np.fromiter((s.start for s in spans), dtype=np.int64, count=len(spans))
        lasts = np.fromiter((s.end for s in spans), dtype=np.int64, count=len(spans)) - 1
        raw, starts, shifts = self.raw, self._starts_array, self._shifts_array
        # take: shifts[...] as a plain loop (fancy indexing builds an iterator)
        begin = firsts + shifts.take(np.searchsorted(starts, firsts, side="right") - 1)
        finish = lasts + shifts.take(np.searchsorted(starts, lasts, side="right") - 1) + 1
        return tuple(
            span_of(raw, a, b, span.label)
            for a, b, span in zip(begin.tolist(), finish.tolist(), spans, strict=True)
        )

    @cached_property
    def _starts_array(self) -> np.ndarray:
        return np.asarray(self._reading_starts, dtype=np.int64)

    @cached_property
    def _shifts_array(self) -> np.ndarray:
        """raw offset - reading offset, for each piece."""
        return np.asarray(self._raw_starts, dtype=np.int64) - self._starts_array

    def _map(self, value: Any) -> Any:
        if value is None or isinstance(value, (str, int, float)):
            return value
        if isinstance(value, tuple):
            if value and all(type(s) is Span and s.end > s.start for s in value):
                return self._spans(value)
            return tuple(self._map(v) for v in value)
        if isinstance(value, Span):
            start, end = self.bounds(value.start, value.end)
            return span_of(self.raw, start, end, value.label)
        if isinstance(value, Token):
            start, end = self.bounds(value.start, value.end)
            return Token(self.raw[start:end], start, end, value.norm)
        if not is_dataclass(value) or isinstance(value, type):
            return value
        values = {n: self._map(getattr(value, n)) for n in _field_names(type(value))}
        if "start" in values and "end" in values:
            values["start"], values["end"] = self.bounds(value.start, value.end)
        return type(value)(**values)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _build(text: str, mode: str) -> Reading:
    """The reading of ``text``; its layout (the decisions) is decided again when read, so
    the lines and decisions are not held while only the structure layers are used."""
    reading = _decide(text, mode)
    reading._layout = lambda: _decide(text, mode).layout
    return reading


def _decide(text: str, mode: str) -> Reading:
    if mode == "lines":  # exactly line by line: nothing to decide until the layout is asked for
        return Reading(text, lambda: _lines_layout(text))
    lines = _lines(text)
    furniture = _furniture(text, lines)
    content = [i for i, line in enumerate(lines) if line.start < line.end and i not in furniture]
    widths: _Widths | None = None
    auto = mode == "auto"
    if mode in ("auto", "wrapped"):
        content_lines = [lines[i] for i in content]
        widths = rule_wrapped(text, content_lines) or rule_short_wrapped(text, content_lines)
        if mode == "wrapped" and widths is None:
            found = _page_width(text, content_lines)
            widths = found[0] if found else None
        mode = "wrapped" if widths is not None else "lines"
    base_indent = min(
        (lines[i].indent for i in content if widths and widths.full(lines[i])),
        default=0,
    )
    if mode == "lines" and not furniture and not (auto and _has_marker_cut(text)):
        paragraphs = [(lines[i].start, lines[i].end) for i in content]
        return Reading(text, lambda: _layout(text, mode, lines, paragraphs, [], {}, None))
    page = _Page(
        text,
        mode,
        auto,
        widths,
        base_indent,
        any(lines[i].indent >= base_indent + PARAGRAPH_INDENT for i in content),
    )
    pieces: list[tuple[int, int]] = []
    reading: list[str] = []
    length = 0
    soft_breaks: list[_Line] = []  # the lines that end in a soft break
    paragraphs: list[tuple[int, int]] = []
    previous = -1
    for index in content:
        line = lines[index]
        if previous >= 0:
            before = lines[previous]
            gap = range(previous + 1, index)
            blank = any(i not in furniture for i in gap) and not any(i in furniture for i in gap)
            opens = paragraphs[-1][0] == before.start
            if _soft(page, before, line, blank, opens):
                soft_breaks.append(before)
                joiner = " " if _spaced(text, before, line) else ""
                paragraphs[-1] = (paragraphs[-1][0], line.end)
            else:
                joiner = "\n"
                paragraphs.append((line.start, line.end))
            if joiner:
                pieces.append((length, before.end))
                reading.append(joiner)
                length += 1
        else:
            paragraphs.append((line.start, line.end))
        pieces.append((length, line.start))
        reading.append(text[line.start : line.end])
        length += line.end - line.start
        previous = index

    def layout() -> Layout:
        return _layout(text, mode, lines, paragraphs, soft_breaks, furniture, widths)

    if not soft_breaks and not furniture:
        return Reading(text, layout)
    return Reading(text, layout, "".join(reading), pieces)


def _lines_layout(text: str) -> Layout:
    lines = _lines(text)
    paragraphs = [(line.start, line.end) for line in lines if line.start < line.end]
    return _layout(text, "lines", lines, paragraphs, [], {}, None)


def _layout(
    text: str,
    mode: str,
    lines: list[_Line],
    paragraphs: list[tuple[int, int]],
    soft_breaks: list[_Line],
    furniture: dict[int, str],
    widths: _Widths | None,
) -> Layout:
    def span(line: _Line, label: str | None) -> Span:
        return span_of(text, line.start, line.end, label)

    return Layout(
        mode=mode,
        paragraphs=tuple(span_of(text, a, b) for a, b in paragraphs),
        soft_breaks=tuple(_break_span(text, line) for line in soft_breaks),
        furniture=tuple(span(lines[i], label) for i, label in sorted(furniture.items())),
        captions=tuple(
            span(line, "caption")
            for i, line in enumerate(lines)
            if line.start < line.end
            and i not in furniture
            and rule_caption(text[line.start : line.end])
        ),
        width=widths.width if widths else None,
    )


def _break_span(text: str, line: _Line) -> Span:
    return span_of(text, line.break_start, line.break_end, "soft")


def _spaced(text: str, before: _Line, after: _Line) -> bool:
    """Latin words or numbers on both sides of a soft break keep a space between them."""
    return bool(
        _SPACE_JOIN.match(text[before.end - 1]) and _SPACE_JOIN.match(text[after.start])
    ) and not rule_split_token(text[before.start : before.end], text[after.start : after.end])


def ensure_layout(layout: Any) -> str:
    """Return ``layout`` if it is one of :data:`LAYOUT_MODES`."""
    if layout not in LAYOUT_MODES:
        raise ValueError(
            f"layout must be one of {', '.join(map(repr, LAYOUT_MODES))}, not {layout!r}"
        )
    return layout


def read(text: str, layout: LayoutMode = "auto") -> Reading:
    """The :class:`Reading` of ``text`` under ``layout`` (see the module docstring)."""
    text = ensure_text(text)
    return _build(text, ensure_layout(layout))


def find_layout(text: str, layout: LayoutMode = "auto") -> Layout:
    """The layout decisions for ``text``: paragraphs, soft breaks, furniture, captions."""
    return read(text, layout).layout


def through_layout(text: str, layout: LayoutMode, compute: Callable[[str], T]) -> T:
    """``compute`` run on the reading text of ``text``, its results mapped to raw offsets."""
    reading = read(text, layout)
    return reading.to_raw(compute(reading.text))
