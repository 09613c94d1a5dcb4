"""Units: the pieces of text compared with their neighbours.

、-items, clauses, ；-pieces, sentences, and items written without a separator.
"""

from __future__ import annotations

import gzip
import re
from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import NamedTuple

from .._twins import compiled_kernel
from ..layout import first_mark, mark_places, strip_bounds
from ..results import Span
from ..vocabulary import (
    BRACKETS,
    CLOSING,
    COUNT_NUMERALS,
    HAN_CHAR,
    HAN_FIRST,
    HAN_LAST,
    PAIRS,
    PLUS_SIGNS,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    QUOTES,
    STRAIGHT_QUOTES,
    WHITESPACE,
)

#: groups scoring below this are not reported
MIN_SCORE = 0.52
#: the most members a group may have (longer runs are cut; it keeps the search linear)
MAX_MEMBERS = 24
#: characters that carry little template weight on their own
FUNCTION_CHARS = frozenset("的和与及了等之而并也或在对把为被将从向于以")
#: characters trimmed from both ends of a unit before comparing
TRIM = frozenset(WHITESPACE + "，、；：。！？,;:.!?…—·“”‘’「」『』\"'《》〈〉（）()【】[]")
CONJUNCTIONS = ("以及", "和", "及", "与", "或")
_CONJUNCTION_RE = re.compile("|".join(map(re.escape, CONJUNCTIONS)))
#: words that contain a conjunction character (和谐, 及时, 缓和, 与会)
NOT_CONJUNCTION = frozenset(
    [
        "和谐",
        "和平",
        "和睦",
        "和美",
        "和衷",
        "及时",
        "及早",
        "与会",
        "与其",
        "或许",
        "或者",
        "缓和",
        "总和",
        "温和",
        "平和",
        "调和",
        "协和",
        "饱和",
        "共和",
        "参与",
        "给与",
        "赋与",
    ]
)
_OPENERS_SET = frozenset(PAIRS)
_CLOSERS_SET = frozenset(CLOSING)
_OPENER_RE = re.compile("[" + re.escape("".join(sorted(_OPENERS_SET))) + "]")
_CLOSER_RE = re.compile("[" + re.escape("".join(sorted(_CLOSERS_SET))) + "]")
_QUOTES = frozenset('“”‘’「」『』"《》〈〉（）()【】[]')

#: the marks a sentence's clauses end with
_SEPARATORS = "，,；;：:。！？!?"
_SEGMENT_RE = re.compile(f"[{re.escape(_SEPARATORS)}]+")
_SEMICOLONS = "；;"
_SEMICOLON_RE = re.compile(f"[{_SEMICOLONS}]+")
#: the marks that end a sentence's first clause
_FIRST_CLAUSE_MARKS = "，,：:；;"
_FIRST_CLAUSE_RE = re.compile(f"[{_FIRST_CLAUSE_MARKS}]")
#: the 、-marks, and the quotation marks between which quoted items stand back to back
_LIST_MARKS, _CLOSING_QUOTES, _OPENING_QUOTES = "、､", "”’」』", "“‘「『"
#: 、 between items, and nothing between quoted items back to back (“云展示”“云对接”)
_PHRASE_RE = re.compile(f"[{_LIST_MARKS}]|(?<=[{_CLOSING_QUOTES}])(?=[{_OPENING_QUOTES}])")
_DIGIT_RE = re.compile(r"[0-9０-９]")
#: a number in Chinese numerals of two characters or more: 四十, 一百零四, 五十五 (not a
#: year: 从一九八一年到一九九〇年)
_COUNT_RE = re.compile(f"[{COUNT_NUMERALS}○]{{2,}}(?![{COUNT_NUMERALS}○年])")
#: a clause as ``_unit`` trims it: from its first to its last character outside TRIM
#: (every separator of ``_SEGMENT_RE`` is in TRIM, so no core crosses one)
_CLAUSE_CORE_RE = re.compile(
    "[^{trim}](?:[^{separators}]*[^{trim}])?".format(
        trim="".join(map(re.escape, sorted(TRIM))), separators=re.escape(_SEPARATORS)
    )
)


class Unit(NamedTuple):
    """A piece of text: ``start..end`` is the member, ``start..carrier_end`` is compared."""

    start: int
    end: int
    carrier_end: int
    level: str


def length_range(strings: list[str] | tuple[str, ...]) -> tuple[int, int]:
    """``(min(map(len, strings)), max(map(len, strings)))`` of one string or more."""
    return number_range([len(string) for string in strings])


def number_range(values: list[int]) -> tuple[int, int]:
    """``(min(values), max(values))`` of one value or more, in one loop: the builtins
    ``min`` and ``max`` parse their arguments anew on every call, which costs the compiled
    twins more than the comparisons (the hot rules ask them for every window)."""
    low = high = values[0]
    for value in values:
        if value < low:
            low = value
        if value > high:
            high = value
    return low, high


def new_unit(start: int, end: int, carrier_end: int, level: str) -> Unit:
    """``Unit(start, end, carrier_end, level)``, built without the ``__new__`` NamedTuple
    writes in Python (a frame of the interpreter per unit, also in the compiled twins)."""
    return _NEW_TUPLE(Unit, (start, end, carrier_end, level))


_NEW_TUPLE = tuple.__new__


if (_TUPLE_MAKER := compiled_kernel("tuple_maker")) is not None:
    new_unit = _TUPLE_MAKER(Unit)  # the same Unit as the definition above, in one step


# --- scans of a sentence: the kernel's one pass where it is built, else the regex ----------

_TRIM_CHARS = "".join(sorted(TRIM))


def _phrase_marks_python(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the ``_PHRASE_RE`` matches in ``view[start:end]``: the definition that
    the kernel's ``phrase_marks`` follows (``tests/test_parallel_kernel.py``)."""
    return [match.span() for match in _PHRASE_RE.finditer(view, start, end)]


def _clause_cores_python(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the ``_CLAUSE_CORE_RE`` matches in ``view[start:end]`` (the kernel's
    ``clause_cores`` follows it)."""
    return [match.span() for match in _CLAUSE_CORE_RE.finditer(view, start, end)]


def _block_starts_python(view: str, start: int, end: int, size: int) -> list[int]:
    """The starts of the ``_BLOCK_RE`` (``size`` 2) or ``_BLOCK3_RE`` (3) matches in
    ``view[start:end]`` (the kernel's ``block_starts`` follows it)."""
    pattern = _BLOCK_RE if size == 2 else _BLOCK3_RE
    return [match.start() for match in pattern.finditer(view, start, end)]


_PHRASE_MARKS = compiled_kernel("phrase_marks")
_CLAUSE_CORES = compiled_kernel("clause_cores")
_BLOCK_STARTS = compiled_kernel("block_starts")
_STRIPPED = compiled_kernel("stripped")
_PIECES = compiled_kernel("pieces")


def has_semicolon(view: str, start: int, end: int) -> bool:
    """Whether a ；(or ;) stands in ``view[start:end]``."""
    return first_mark(view, start, end, _SEMICOLONS, _SEMICOLON_RE) >= 0


def phrase_marks(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the 、-marks of ``view[start:end]`` (``_PHRASE_RE``)."""
    if _PHRASE_MARKS is None:
        return _phrase_marks_python(view, start, end)
    return _PHRASE_MARKS(view, start, end, _LIST_MARKS, _CLOSING_QUOTES, _OPENING_QUOTES)


def clause_cores(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the trimmed clauses of ``view[start:end]`` (``_CLAUSE_CORE_RE``)."""
    if _CLAUSE_CORES is None:
        return _clause_cores_python(view, start, end)
    return _CLAUSE_CORES(view, start, end, _TRIM_CHARS, _SEPARATORS)


def block_starts(view: str, start: int, end: int, size: int) -> list[int]:
    """Where a block of ``size``-character items may start in ``view[start:end]``
    (``_BLOCK_RE``, ``_BLOCK3_RE``)."""
    if _BLOCK_STARTS is None:
        return _block_starts_python(view, start, end, size)
    return _BLOCK_STARTS(view, start, end, size)


# --- units -------------------------------------------------------------------------


def _trimmed(view: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` without whitespace and punctuation at either end."""
    if _STRIPPED is None:
        return strip_bounds(view, start, end, TRIM)
    return _STRIPPED(view, start, end, _TRIM_CHARS)  # the same, in the kernel


def _unit(
    view: str, start: int, end: int, level: str, carrier_end: int | None = None
) -> Unit | None:
    start, end = _trimmed(view, start, end)
    if end - start < 2:
        return None
    if carrier_end is None:
        carrier = end
    else:  # min and max as expressions: the builtins cost more to call than to compare
        carrier = _trimmed(view, start, end if end < carrier_end else carrier_end)[1]
    return new_unit(start, end, start + 1 if start + 1 > carrier else carrier, level)


#: ``_unit`` as the kernel makes units, where it was built (the definition stays above;
#: ``tests/test_parcore_scans.py`` checks that both agree)
_unit_python = _unit
if (_UNIT_MAKER := compiled_kernel("unit_maker")) is not None:
    _unit = _UNIT_MAKER(Unit, _TRIM_CHARS)


def _pieces(pattern: re.Pattern[str], view: str, start: int, end: int) -> list[tuple[int, int]]:
    """``view[start:end]`` cut at the matches of ``pattern``."""
    pieces = []
    for match in pattern.finditer(view, start, end):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, end))
    return pieces


def _split_at(
    view: str, start: int, end: int, marks: str, pattern: re.Pattern[str]
) -> list[tuple[int, int]]:
    """``view[start:end]`` cut at each run of ``marks``; ``pattern`` is the regex ``[marks]+``
    that ``_pieces`` cuts at where the kernel was not built."""
    if _PIECES is None:
        return _pieces(pattern, view, start, end)
    return _PIECES(view, start, end, marks)


def phrase_units(view: str, sentence: Span) -> list[list[Unit]]:
    """The 、-lists of a sentence; the last item is split at a conjunction (A、B和C)."""
    runs: list[list[Unit]] = []
    # the marks' spans, found once: those inside a piece are the ones a search of the piece
    # finds (no piece starts after a closing quote or ends before an opening one)
    marks = phrase_marks(view, sentence.start, sentence.end)
    if not marks:
        return runs
    k = 0
    for seg_start, seg_end in _split_at(
        view, sentence.start, sentence.end, _SEPARATORS, _SEGMENT_RE
    ):
        while k < len(marks) and marks[k][0] < seg_start:
            k += 1
        if k == len(marks):
            break
        if marks[k][0] < seg_end:  # a piece without a mark is one item: no list
            items = []  # the piece cut at its marks, as ``_pieces`` cuts it
            start = seg_start
            while k < len(marks) and marks[k][0] < seg_end:
                items.append((start, marks[k][0]))
                start = marks[k][1]
                k += 1
            items.append((start, seg_end))
            runs += _phrase_runs(view, items)
    return runs


#: characters before 等 that make it part of a word (平等, 对等, 同等, 相等, 均等)
_NOT_ETC_BEFORE = frozenset("平对同相均初高中何")


def rule_etc_in_word(view: str, at: int) -> bool:
    """Whether the 等 at ``at`` is part of a word (权利平等、机会平等、规则平等: 平等;
    中等, 同等, 等级), not the 等 that closes a list (供水、供气、供热等公用事业)."""
    return (at > 0 and view[at - 1] in _NOT_ETC_BEFORE) or view[at + 1 : at + 2] == "级"


def _lists(view: str, pieces: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The 、-lists among the pieces of a clause: 等 inside a piece before the last ends
    one list and the rest of the piece opens the next (“三个离不开”、“四个与共”、
    “五个认同”｜等理念教育和｜“感党恩、听党话、跟党走”)."""
    lists: list[list[tuple[int, int]]] = []
    current = [pieces[0]]
    for k in range(1, len(pieces)):
        a, b = pieces[k]
        if k < len(pieces) - 1:
            first = a
            while first < b and view[first] in _QUOTES:
                first += 1
            etc = view.find("等", first + 2, b)
            if etc > 0 and not rule_etc_in_word(view, etc):
                current.append((a, etc))
                lists.append(current)
                current = [(etc + 1, b)]
                continue
        current.append((a, b))
    lists.append(current)
    return lists


def _phrase_runs(view: str, all_pieces: list[tuple[int, int]]) -> list[list[Unit]]:
    """The runs of ``phrase`` units of one clause's 、-pieces (see ``phrase_units``)."""
    runs: list[list[Unit]] = []
    for pieces in _lists(view, all_pieces) if len(all_pieces) > 2 else [all_pieces]:
        if len(pieces) < 2:
            continue
        # a list starts after an opening mark it is inside of and ends at the closing
        # one: 活动〈送政策、…、送健康〉 / 开展“爱心助学”、“送清凉”、“送温暖”等
        chain = rule_chain_end(view, pieces)
        if chain is not None:
            pieces[-1:] = [(pieces[-1][0], chain[0]), (sum(chain), pieces[-1][1])]
        first_start, first_end = pieces[0]
        cut = _unclosed_opener(view, first_start, first_end)
        if cut is not None:
            pieces[0] = (cut + 1, first_end)
        last_start, last_end = pieces[-1]
        while last_start < last_end and view[last_start] in _QUOTES:
            last_start += 1
        cut = _unopened_closer(view, last_start, last_end)
        etc = view.find("等", last_start + 2, last_end)  # 供水、供气、供热等公用事业
        if etc > 0 and not rule_etc_in_word(view, etc) and (cut is None or etc < cut):
            cut = etc
        if cut is not None:
            pieces[-1] = last_start, last_end = (last_start, cut)
        if _CONJUNCTION_RE.search(view, pieces[0][0], last_end) is None:
            conjunctions: tuple[str, ...] = ()  # the usual case: no A和B to look at
        else:
            conjunctions = CONJUNCTIONS
        if conjunctions:
            pieces = _split_joined_items(view, pieces)
        for conjunction in conjunctions:
            if any(view.find(conjunction, a, b) >= 0 for a, b in pieces[:-1]):
                break  # items of the form A和B: 整体利益和个人利益、长远利益和当前利益
            cut = view.find(conjunction, last_start + 2, last_end - 1)
            if (
                cut > 0
                and view[cut - 1 : cut + 2] not in NOT_CONJUNCTION
                and (
                    view[cut : cut + 2] not in NOT_CONJUNCTION
                    or rule_conjunction_before_word(view, last_start, cut, last_end)
                )
            ):
                pieces[-1:] = [(last_start, cut), (cut + len(conjunction), last_end)]
                break
        units = [_unit(view, a, rule_trailing_gloss(view, a, b), "phrase") for a, b in pieces]
        runs.append([u for u in units if u is not None])
    return runs


def rule_conjunction_before_word(view: str, start: int, cut: int, end: int) -> bool:
    """Whether the 和 at ``cut`` of the 、-list's last item ``start..end`` joins two items
    although it opens a word of ``NOT_CONJUNCTION`` (和平): the character after it opens
    a two-character word of the word table (平台, 平安) and the two halves share two
    characters: 绿色交通和平安交通, 数据平台和平台服务; but 合作和平发展 (平发 is no word)
    and 安全和平稳定 (the halves share nothing) stay one item.
    """
    word = view[cut + 1 : cut + 3]
    if len(word) < 2 or word not in _words():
        return False
    before = view[start:cut]
    after = view[cut + 1 : end]
    return any(after[k : k + 2] in before for k in range(len(after) - 1))


#: the longest bracketed gloss ``rule_trailing_gloss`` sets aside: （VR）, （车间）, （含职业教育）
GLOSS_MAX = 12
_BRACKET_CLOSERS = frozenset(BRACKETS.values())
_BRACKET_OPENERS = frozenset(BRACKETS)


def rule_trailing_gloss(view: str, start: int, end: int) -> int:
    """Where the 、-item ``start..end`` ends when a bracketed gloss closes it, else ``end``.

    A gloss after an item (an abbreviation, an alternative name: 虚拟现实（VR）、增强现实
    （AR）; 智能网联汽车（ICV）、智能船舶、智能装备; 智能工厂（车间）、智能矿山) is no part of
    the member, and compared with its neighbours it would only unbalance them. The gloss
    holds at most ``GLOSS_MAX`` characters and follows two or more; a bracket inside the
    item (数据传输（交换）标准) or opening it (（一）…) stays.
    """
    close = end
    while close > start and view[close - 1] in WHITESPACE:
        close -= 1
    if close - start < 4 or view[close - 1] not in _BRACKET_CLOSERS:
        return end
    opener = _unmatched(view, range(close - 2, start - 1, -1), _BRACKET_CLOSERS, _BRACKET_OPENERS)
    if opener is None or opener - start < 2 or close - opener - 2 > GLOSS_MAX:
        return end
    return opener


#: where a chain starts (从｜由 A、B到C)
CHAIN_OPENERS = ("从", "由")
#: 到 ending or opening a word, no link of a chain: 得到, 达到, 做到, 到位, 到期
NOT_CHAIN_LINK = frozenset(
    [
        "得到",
        "达到",
        "做到",
        "受到",
        "提到",
        "收到",
        "感到",
        "遇到",
        "看到",
        "想到",
        "办到",
        "找到",
        "直到",
        "落到",
        "用到",
        "说到",
        "谈到",
        "讲到",
        "不到",
        "考到",
        "到位",
        "到期",
        "到达",
        "到底",
        "到处",
        "到场",
        "到账",
        "到户",
        "到人",
        "到村",
    ]
)


def rule_chain_end(view: str, pieces: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where the last piece of a 、-list opened by 从 or 由 splits at 到, which joins the
    chain's last item like a conjunction, as ``(its position, 1)``: 从“跟跑”、“并跑”｜到｜
    “领跑”, 从站起来、富起来｜到｜强起来, 由低级、中级形式｜到｜高级形式. None without 从/由 in
    the first piece (推进、实施到位), where 到 is part of a word (从…、…达到, 落实到位),
    without two characters on each side, or when each item is a chain of its own
    (从农田到餐桌、从企业到医院).
    """
    if len(pieces) < 2:
        return None
    first_start, first_end = pieces[0]
    if not any(view.find(opener, first_start, first_end) >= 0 for opener in CHAIN_OPENERS):
        return None
    if any(view.find("到", a, b) >= 0 for a, b in pieces[:-1]) or any(
        view.find(opener, a, b) >= 0 for a, b in pieces[1:] for opener in CHAIN_OPENERS
    ):
        return None
    last_start, last_end = pieces[-1]
    while last_start < last_end and view[last_start] in _QUOTES:
        last_start += 1
    cut = view.find("到", last_start + 2, last_end - 2)
    if (
        cut < 0
        or view[cut - 1 : cut + 1] in NOT_CHAIN_LINK
        or view[cut : cut + 2] in NOT_CHAIN_LINK
    ):
        return None
    return cut, 1


#: conjunctions that may join two items inside a 、-list; not 与, which mostly means
#: "with" there (推动教育体系与科技体系、产业体系、社会体系有机衔接)
JOINING_CONJUNCTIONS = ("以及", "和", "及")


def _conjunction_at(view: str, start: int, end: int) -> tuple[int, int] | None:
    """The first joining conjunction inside ``start..end`` with two characters or more on
    each side that is no part of a word (和谐, 及时): ``(its position, its length)``."""
    for conjunction in JOINING_CONJUNCTIONS:
        cut = view.find(conjunction, start + 2, end - 2)
        if (
            cut > 0
            and view[cut - 1 : cut + 2] not in NOT_CONJUNCTION
            and view[cut : cut + 2] not in NOT_CONJUNCTION
        ):
            return cut, len(conjunction)
    return None


def rule_joined_items(halves: tuple[str, str], neighbours: list[str]) -> bool:
    """Two items joined by a conjunction inside a 、-list are two items when both open or
    both end like a neighbouring item: 省际游、周边游和工业游、研学游 (游).

    Not: 整体利益和个人利益、长远利益和当前利益 (items of the form A和B:
    ``_split_joined_items`` asks only when one piece holds a conjunction);
    数据采集和存储、数据分析 (存储 ends like no neighbour); halves more than twice as
    long as a neighbour (旅游业这一…支柱产业和具有…特征的民生产业、幸福产业).
    """
    first, second = halves
    if not neighbours or max(len(first), len(second)) > 2 * max(map(len, neighbours)) + 2:
        return False  # 大力发展旅游业…支柱产业和具有显著时代特征的民生产业、幸福产业
    return any(
        (first[-1] == second[-1] == other[-1]) or (first[0] == second[0] == other[0])
        for other in neighbours
    )


def rule_with_pair_list(view: str, pieces: list[tuple[int, int]]) -> int | None:
    """Where the first of a 、-list's two pieces joins two items by 与 (A与B、C) that are
    three items of one template: the halves end alike and the last piece holds that
    ending at the place the second half does (it may run on into a tail): 创新政策与产业
    政策、社会政策｜的协调; 储能与供能、用能｜系统. The position of the 与, or None.

    Not: items of the form A与B (当前利益与长远利益、局部利益与整体利益); a 与 with no
    item of the list's shape on both sides (政府与企业、社会的合作: the halves end
    apart); 与 in a longer list, where it means "with" (教育体系与科技体系、产业体系、
    社会体系: ``JOINING_CONJUNCTIONS`` leaves it out).
    """
    (a, b), (c, d) = pieces
    cut = view.find("与", a + 1, b - 1)
    if view.find("与", c, d) >= 0:
        return None  # items of the form A与B: 文化事业与文化产业、体育事业与体育产业
    if (
        cut < 0
        or view[cut - 1 : cut + 2] in NOT_CONJUNCTION
        or view[cut : cut + 2] in NOT_CONJUNCTION
    ):
        return None
    second = view[cut + 1 : b]
    ending = view[b - 1]
    place = len(second) - 1
    if not _is_han(ending) or ending in FUNCTION_CHARS or view[cut - 1] != ending:
        return None
    return cut if view[c + place : c + place + 1] == ending else None


def _split_joined_items(view: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces with the one piece before the last that joins two items by a
    conjunction split in two (``rule_joined_items``), when no other piece holds one;
    a list of two pieces whose first joins two items by 与 (``rule_with_pair_list``)."""
    if len(pieces) == 2:
        with_pair = rule_with_pair_list(view, pieces)
        if with_pair is not None:
            return [(pieces[0][0], with_pair), (with_pair + 1, pieces[0][1]), pieces[1]]
    joined = [(k, at) for k, (a, b) in enumerate(pieces) if (at := _conjunction_at(view, a, b))]
    if len(joined) != 1 or joined[0][0] == len(pieces) - 1:
        return pieces
    k, (cut, size) = joined[0]
    a, b = pieces[k]
    first, second = _trimmed(view, a, cut), _trimmed(view, cut + size, b)
    neighbours = [view[slice(*_trimmed(view, *pieces[n]))] for n in (k - 1, k + 1) if n >= 0]
    if min(first[1] - first[0], second[1] - second[0]) < 2 or not rule_joined_items(
        (view[slice(*first)], view[slice(*second)]), [n for n in neighbours if n]
    ):
        return pieces
    return [*pieces[:k], (a, cut), (cut + size, b), *pieces[k + 1 :]]


def _unmatched(view: str, positions: range, nests: frozenset, ends: frozenset) -> int | None:
    """The first position in ``positions`` holding a mark of ``ends`` that no mark of
    ``nests`` before it (in that order) pairs with."""
    depth = 0
    for i in positions:
        if view[i] in nests:
            depth += 1
        elif view[i] in ends:
            if depth == 0:
                return i
            depth -= 1
    return None


def _unclosed_opener(view: str, start: int, end: int) -> int | None:
    """Position of the last opening mark in ``start..end`` that is not closed there."""
    if _OPENER_RE.search(view, start, end) is None:
        return None
    return _unmatched(view, range(end - 1, start - 1, -1), _CLOSERS_SET, _OPENERS_SET)


def _unopened_closer(view: str, start: int, end: int) -> int | None:
    """Position of the first closing mark in ``start..end`` that was not opened there."""
    if _CLOSER_RE.search(view, start, end) is None:
        return None
    return _unmatched(view, range(start, end), _OPENERS_SET, _CLOSERS_SET)


_QUOTE_MARKS = QUOTE_OPENERS | QUOTE_CLOSERS
_QUOTE_MARK_CHARS = "".join(sorted(_QUOTE_MARKS))
_QUOTE_MARK_RE = re.compile("[" + re.escape(_QUOTE_MARK_CHARS) + "]")
_SPACES = frozenset(WHITESPACE)


def rule_quoted_member(view: str, start: int, end: int) -> tuple[int, int]:
    """A member's edges with the quotation marks around it when it is a quoted item whole
    (../shared/ANNOTATION.md, as the independent sets settled it: members that are quoted
    items whole keep their marks): 从“跟跑”、“并跑”到“领跑” gives “跟跑” | “并跑” | “领跑”;
    “云展示”“云对接”“云洽谈” and "数字孪生+"、"人工智能+" likewise.

    Whole means an opening mark right before the member and a closing one right after it
    (whitespace of wrapped text between them aside; kinds need not match: “筑巢" still
    quotes) and no quotation mark inside. Otherwise ``start, end`` stay: a member only
    partly quoted (推进“放管服”改革), a piece of one quotation (“边研发｜、边转化”), a frame
    holding quotations (“演示版”转为“实用版”).
    """
    before = start - 1
    while before >= 0 and view[before] in _SPACES:
        before -= 1
    after = end
    while after < len(view) and view[after] in _SPACES:
        after += 1
    if (
        before < 0
        or after >= len(view)
        or end <= start
        or view[before] not in QUOTE_OPENERS
        or view[after] not in QUOTE_CLOSERS
        or first_mark(view, start, end, _QUOTE_MARK_CHARS, _QUOTE_MARK_RE) >= 0
    ):
        return start, end
    return before, after + 1


_CURLY_OPENERS = frozenset(QUOTES)
_CURLY_CLOSERS = frozenset(QUOTES.values())


def rule_unclosed_quote(view: str, start: int, end: int) -> tuple[int, int]:
    """A member's edges with the mark that closes a quotation it opens (or opens one it
    closes) when that mark stands right after (before) it: 全面实施“五大战略｜”、大力发展
    “十个重点产业｜” gives 全面实施“五大战略” | 大力发展“十个重点产业”; 坚定拥护“两个确立” and
    坚决做到“两个维护” likewise (a member never holds half a quotation).

    The last quotation mark inside the member opens (a curly opener, or a straight quote
    the member holds an odd number of) and a closing mark follows the member, whitespace of
    wrapped text aside; and, the other way round, the first mark inside closes and an
    opening mark precedes it (演示版”转为“实用版 gives “演示版”转为“实用版”). Otherwise
    ``start, end`` stay (推进“放管服”改革 is closed inside).
    """
    marks = mark_places(view, start, end, _QUOTE_MARK_CHARS, _QUOTE_MARK_RE)
    if not marks:
        return start, end
    new_start, new_end = start, end
    if marks[-1] + 1 < end and _opens(view, marks[-1], start, end):
        after = end
        while after < len(view) and view[after] in _SPACES:
            after += 1
        if after < len(view) and view[after] in QUOTE_CLOSERS:
            new_end = after + 1
    if marks[0] > start and _closes(view, marks[0], start, end):
        before = start - 1
        while before >= 0 and view[before] in _SPACES:
            before -= 1
        if before >= 0 and view[before] in QUOTE_OPENERS:
            new_start = before
    return new_start, new_end


def _opens(view: str, at: int, start: int, end: int) -> bool:
    """Whether the quotation mark at ``at`` opens a quotation ``start..end`` leaves open."""
    mark = view[at]
    return mark in _CURLY_OPENERS or (
        mark in STRAIGHT_QUOTES and view.count(mark, start, end) % 2 == 1
    )


def _closes(view: str, at: int, start: int, end: int) -> bool:
    """Whether the quotation mark at ``at`` closes a quotation opened before ``start``."""
    mark = view[at]
    return mark in _CURLY_CLOSERS or (
        mark in STRAIGHT_QUOTES and view.count(mark, start, end) % 2 == 1
    )


def quoted_edges(view: str, start: int, end: int) -> tuple[int, int]:
    """A member's edges by ``rule_quoted_member`` and ``rule_unclosed_quote``."""
    widened = rule_quoted_member(view, start, end)
    return widened if widened != (start, end) else rule_unclosed_quote(view, start, end)


def quoted_member_inner(view: str, start: int, end: int) -> tuple[int, int]:
    """The edges ``quoted_edges`` widened from, for a member it would widen to
    ``start..end`` (the score's features read the member without the marks it took, as
    before the rules); other members as they are."""
    if end - start < 3:
        return start, end
    opening = view[start] in QUOTE_OPENERS
    closing = view[end - 1] in QUOTE_CLOSERS
    candidates = []
    if opening and closing:
        candidates.append(_trimmed_spaces(view, start + 1, end - 1))
    if closing:
        candidates.append((start, _trimmed_spaces(view, start, end - 1)[1]))
    if opening:
        candidates.append((_trimmed_spaces(view, start + 1, end)[0], end))
    for inner in candidates:
        if inner[1] > inner[0] and quoted_edges(view, *inner) == (start, end):
            return inner
    return start, end


def _trimmed_spaces(view: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` without whitespace at either end."""
    while start < end and view[start] in _SPACES:
        start += 1
    while end > start and view[end - 1] in _SPACES:
        end -= 1
    return start, end


def clause_units(view: str, sentence: Span) -> list[Unit]:
    """The pieces of a sentence between ，；： (not 、)."""
    units = []
    for start, end in clause_cores(view, sentence.start, sentence.end):
        if end - start >= 2:
            units.append(new_unit(start, end, end, "clause"))
    return units


def _first_clause_end(view: str, start: int, end: int) -> int:
    at = first_mark(view, start, end, _FIRST_CLAUSE_MARKS, _FIRST_CLAUSE_RE)
    return end if at < 0 else at


def semicolon_units(view: str, sentence: Span, whole: bool = False) -> list[Unit]:
    """The ；-pieces of a sentence, compared by their first clause (or ``whole``)."""
    if not has_semicolon(view, sentence.start, sentence.end):
        return []
    pieces = _split_at(view, sentence.start, sentence.end, _SEMICOLONS, _SEMICOLON_RE)
    units = []
    for a, b in pieces:
        a, b = _trimmed(view, a, b)
        carrier = b if whole else _first_clause_end(view, a, b)
        unit = _unit(view, a, carrier, "semicolon")
        if unit is not None:  # the unit ends with its piece, its carrier with the first clause
            units.append(
                unit if unit.end >= b else new_unit(unit.start, b, unit.carrier_end, "semicolon")
            )
    return units


def sentence_units(view: str, sentences: list[Span], whole: bool = False) -> list[Unit]:
    """The sentences of a paragraph, compared by their first clause (or ``whole``),
    reported whole."""
    units = []
    for sentence in sentences:
        start, end = _trimmed(view, sentence.start, sentence.end)
        carrier = end if whole else _first_clause_end(view, start, end)
        unit = _unit(view, start, end, "sentence", carrier)
        if unit is not None:
            units.append(unit)
    return units


def _is_han(char: str) -> bool:
    return HAN_FIRST <= char <= HAN_LAST and char not in _NUMERAL_CHARS


_NUMERAL_CHARS = frozenset(COUNT_NUMERALS + "亿")


#: the longest word ``_words`` keeps (全生命周期)
LONGEST_WORD = 5


#: the shortest word ``word_across`` keeps whole (two-character entries of the table
#: include pieces such as 业数 of 产业数字化)
SHORTEST_WHOLE_WORD = 3


def word_across(text: str, cut: int, longest: int = LONGEST_WORD) -> tuple[int, int] | None:
    """The shortest word of three to ``longest`` characters of the word table that a cut of
    ``text`` at ``cut`` would split, as ``(start, end)`` in ``text``: 全生命周期 cut after
    全生命; 畜牧业 cut after 畜. None when the cut falls between words."""
    words = _words()
    for size in range(SHORTEST_WHOLE_WORD, longest + 1):
        for start in range(max(0, cut - size + 1), min(cut, len(text) - size + 1)):
            if text[start : start + size] in words:
                return start, start + size
    return None


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    """Words of two to ``LONGEST_WORD`` characters of policy prose: the background's theme
    terms and the stop words.

    Read from the shipped tables themselves (``policytext/data``), so that this
    layer does not import the themes layer that comes after it. ``block_runs`` asks
    about items of two or three characters (and their two-character parts);
    ``word_across`` about the words a member's edge would cut (生命｜周期).
    """
    stop = resources.files("policytext.data").joinpath("stopwords.txt").read_text(encoding="utf-8")
    words = stop.split()
    return frozenset(_document_counts()) | frozenset(w for w in words if 2 <= len(w) <= 3)


@lru_cache(maxsize=1)
def _document_counts() -> dict[str, int]:
    """How many paragraphs of the background corpus hold each term of two to
    ``LONGEST_WORD`` characters (the second column of
    ``policytext/data/background_idf.tsv.gz``; 0 where it gives no number): a rare term is
    often a name (宣威, 成昆), a frequent one a kind (干线, 城际, 国际). Its terms are the
    theme terms of :func:`_words`, read from the table once for both."""
    data = resources.files("policytext.data")
    counts: dict[str, int] = {}
    with data.joinpath("background_idf.tsv.gz").open("rb") as raw, gzip.open(raw, "rt") as table:
        for line in table:
            term, _, rest = line.partition("\t")
            if not line.startswith("#") and 2 <= len(term) <= LONGEST_WORD:
                count = rest.split("\t", 1)[0].strip()
                numeric = count.isdigit() or count.replace(".", "", 1).isdigit()
                counts[term] = int(float(count)) if numeric else 0
    return counts


def _block_run(view: str, start: int, end: int, place: int, size: int = 2) -> list[tuple[int, int]]:
    """Items of ``size`` characters from ``start`` that repeat one character at ``place``
    (the first or the last) and vary the others."""
    shared = view[start + place] if start + place < end else ""
    if not shared or not _is_han(shared):
        return []
    if shared in FUNCTION_CHARS and not rule_function_opening(size, place):
        return []
    items: list[tuple[int, int]] = []
    seen = {shared}
    k = start
    rest = 1 if place == 0 else 0  # where the varying part starts in an item
    while k + size <= end and view[k + place] == shared and len(items) < MAX_MEMBERS:
        other = view[k + rest : k + rest + size - 1]
        if any(not _is_han(c) for c in other) or other in seen:
            break
        if any(c in FUNCTION_CHARS for c in other) and not rule_function_in_word(
            view, k, other, size
        ):
            break  # a function character varies no item, unless inside a word: 针对｜性
        if size == 3 and _belongs_elsewhere(view, k, place):
            break
        seen.add(other)
        items.append((k, k + size))
        k += size
    return items


def rule_function_opening(size: int, place: int) -> bool:
    """Whether a function character may be the character a block's items share: only as
    the opening of two-character items (向绿向智向新向优, 向上向新向优), whose run must then
    stand apart (``rule_closed_block``) or be vouched for by the word table like any
    other; never as an ending or in three-character items (…的…的…的)."""
    return size == 2 and place == 0


def rule_function_in_word(view: str, k: int, other: str, size: int) -> bool:
    """Whether the function character in the varying part of the block item at ``k`` sits
    inside a word of the word table: the varying part of a three-character item (针对｜性),
    or a two-character item whole (可感可知｜可及, 可感｜可及｜可得: 及 varies 可及)."""
    if size == 3:
        return other in _words()
    return view[k : k + size] in _words()


def _belongs_elsewhere(view: str, k: int, place: int) -> bool:
    """Whether the shared character of the three-character item at ``k`` makes a word with
    the characters on its other side: 数字化｜网络化 read as 化网络 (数字化 is a word),
    完善首｜台套首 read as 台套首 (首批次 follows)."""
    if place == 0:
        return k >= 2 and view[k - 2 : k + 1] in _words()
    return view[k + 2 : k + 5] in _words()


#: a character repeated at every other place three times: 共建共治共享, 强农惠农富农
_BLOCK_RE = re.compile(r"(?=(" + HAN_CHAR + r")" + HAN_CHAR + r"\1" + HAN_CHAR + r"\1)")
#: … or at every third place: 新形势新任务新要求, 数字化网络化智能化
_BLOCK3_RE = re.compile(r"(?=(" + HAN_CHAR + r")" + HAN_CHAR + r"{2}\1" + HAN_CHAR + r"{2}\1)")


def _known(view: str, item: tuple[int, int], place: int) -> bool:
    """Whether an item is a word (two characters), or the part it varies is (three:
    新｜形势, 思想｜上)."""
    a, b = item
    if b - a == 2:
        return view[a:b] in _words()
    return view[a:b] in _words() or (view[a + 1 : b] if place == 0 else view[a : b - 1]) in _words()


def _reading_key(view: str, items: list[tuple[int, int]], place: int) -> tuple[int, int, int]:
    """How well a reading of a block reads: items that are words themselves (数字化, not
    化网络), items whose varying part is a word, items."""
    whole = sum(1 for a, b in items if b - a == 3 and view[a:b] in _words())
    return whole, sum(1 for item in items if _known(view, item, place)), len(items)


def block_runs(view: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Runs of three or more items written without a separator.

    Two-character items: 共建共治共享 (one opening), 强农惠农富农 and 强链补链延链 (one
    ending); three-character ones: 新形势新任务新要求, 数字化网络化智能化, 思想上政治上行动上.
    Each item repeats one character at the same place (its first or last) and varies
    the others. Where two readings overlap (是｜全党全军全国 or 是全｜党全｜军全), the one
    whose items are words (or whose varying parts are) wins; at least half of them, and
    two, must be (all three-character ones: not 完善首｜台套首｜批次首); the last must be
    (全党全国全社｜会).
    """
    runs: list[list[tuple[int, int]]] = []
    pairs: list[tuple[int, int]] = []  # the spans of the two-character runs, in order
    for size in (2, 3):
        if end - start < 3 * size:
            break  # too short for three items
        taken = start
        for at in block_starts(view, start, end, size):
            if at < taken or (size == 3 and _overlaps(pairs, at - 2, at + 3 * size)):
                continue
            best, best_key = None, (0, 1, 0)
            for first, place in ((at, 0), (at - size + 1, size - 1)):
                if first < taken:
                    continue
                items = _block_run(view, first, end, place, size)
                if size == 2 and place == 0:
                    items = rule_word_ending_item(view, items, end)
                closed = size == 2 and place == 0 and rule_closed_block(view, items, start, end)
                while items and not closed and not _known(view, items[-1], place):
                    items.pop()
                if len(items) < 3:
                    continue
                key = _reading_key(view, items, place)
                enough = 2 * key[1] >= len(items) if size == 2 else key[1] == len(items)
                enough = enough or closed
                if enough and (key > best_key or (closed and best is None)):
                    best, best_key = items, key
            if best is not None and not (size == 3 and _overlaps(pairs, best[0][0], best[-1][1])):
                runs.append(best)
                taken = best[-1][1]
                if size == 2:
                    pairs.append((best[0][0], taken))
    return sorted(runs)


def rule_word_ending_item(
    view: str, items: list[tuple[int, int]], end: int
) -> list[tuple[int, int]]:
    """The last of two-character items sharing their opening takes the next character
    when the two after the shared one are a word and the item alone is none:
    全党全国全社｜会 reads 全党｜全国｜全社会, 大鸣大放大辩论, 同吃同住同劳动; 共建共治共享 stays,
    and not when the shared character ends a word with the one before (强农｜惠农: not
    农惠｜农富｜农政策)."""
    if len(items) < 3 or _joins_before(view, items[0][0]):
        return items
    a, b = items[-1]
    if b < end and view[a:b] not in _words() and view[a + 1 : b + 1] in _words():
        return [*items[:-1], (a, b + 1)]
    return items


def _joins_before(view: str, first: int) -> bool:
    """Whether the opening character of the item at ``first`` makes a word with the
    character before it (强｜农惠农富农: 强农)."""
    return first > 0 and view[first - 1 : first + 1] in _words()


def _word_ends_at(view: str, start: int, at: int) -> bool:
    """Whether a word of two or three characters of the table ends just before ``at``."""
    return any(at - size >= start and view[at - size : at] in _words() for size in (2, 3))


def _closes_block(view: str, at: int, end: int) -> bool:
    """Whether a run ending at ``at`` ends there: the text ends, no Han character or a
    function character follows, or a word of the table begins."""
    return (
        at >= end
        or not _is_han(view[at])
        or view[at] in FUNCTION_CHARS
        or view[at : at + 2] in _words()
    )


def rule_closed_block(view: str, items: list[tuple[int, int]], start: int, end: int) -> bool:
    """Three or more two-character items sharing their opening read as a block without
    the word table's vouching when the run stands apart on both sides: no Han character,
    a function character or the end of a word before it, no Han character, a function
    character or the start of a word after it (坚持｜边巡边改边治｜，; 真正｜可感可及可得｜。;
    做精做优做长｜绿色; 发展｜向绿向智向新向优｜步伐). Not 一个一个 (numerals) and not a run
    that runs into its neighbours (是全｜党全｜军全｜国: 全国 is the reading there)."""
    if len(items) < 3:
        return False
    first, last = items[0][0], items[-1][1]
    if first > start and _joins_before(view, first):
        return False
    before = (
        first <= start
        or not _is_han(view[first - 1])
        or view[first - 1] in FUNCTION_CHARS
        or _word_ends_at(view, start, first)
    )
    return before and _closes_block(view, last, end)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start..end`` overlaps one of ``spans`` (disjoint, in order)."""
    k = bisect_left(spans, (start, start))
    return (k > 0 and spans[k - 1][1] > start) or (k < len(spans) and spans[k][0] < end)


#: an enumeration marker before a heading sentence: （一）, 一、, 1., 一是
_HEADING_MARKER = re.compile(
    r"[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是]|\d+[.．、]"
)
#: the longest heading sentence compared across paragraphs
MAX_HEADING = 16


def heading_units(view: str, firsts: list[Span | None]) -> list[list[Unit]]:
    """Runs of heading sentences that open consecutive paragraphs (坚持需求导向。…⏎坚持统一布局。…).

    ``firsts`` holds each paragraph's first sentence (None for a paragraph without
    one). A heading is a short sentence that ends with 。, after an optional
    enumeration marker; a paragraph without one ends the run.
    """
    runs: list[list[Unit]] = []
    run: list[Unit] = []
    for sentence in firsts:
        unit = None if sentence is None else heading_unit(view, sentence)
        if unit is None:
            if len(run) >= 2:
                runs.append(run)
            run = []
            continue
        run.append(unit)
    if len(run) >= 2:
        runs.append(run)
    return runs


def heading_unit(view: str, sentence: Span) -> Unit | None:
    """The sentence as a heading: at most ``MAX_HEADING`` characters after an optional
    enumeration marker, one clause, ending with 。 (强化机制创新。)."""
    start, end = strip_bounds(view, sentence.start, sentence.end, WHITESPACE)
    marker = _HEADING_MARKER.match(view, start, end)
    start, end = _trimmed(view, marker.end() if marker else start, end)
    if end - start > MAX_HEADING or "。" not in view[end : sentence.end]:
        return None
    unit = _unit(view, start, end, "sentence")
    if (
        unit is None
        or first_mark(view, unit.start, unit.end, _FIRST_CLAUSE_MARKS, _FIRST_CLAUSE_RE) >= 0
    ):
        return None
    return unit


def rule_figure_statement(view: str, unit: Unit) -> bool:
    """Whether a short sentence states a figure in digits (首批63个省重点实验室重组完成。):
    a fact between the headings run into a paragraph, not one of them (科技创新取得新进步。…
    产业发展彰显新成效。)."""
    return _DIGIT_RE.search(view, unit.start, unit.end) is not None


#: how many opening characters sentences apart must share to be compared
INTERLEAVED_OPENING = 2


def rule_counted_opening(opening: str) -> bool:
    """Whether the opening of a sentence (its first ``INTERLEAVED_OPENING`` characters) may
    tie sentences apart: Chinese characters, the first not a numeral, the others may be
    (这五年，是感恩奋进的五年。…。这五年，是攻坚克难的五年: a count inside the frame).
    Not digits or marks (2025年…), not a numeral first (一是…, 三年来…)."""
    if not opening or not _is_han(opening[0]):
        return False
    # min(opening) >= HAN_FIRST and max(opening) <= HAN_LAST, without their parsed calls
    for char in opening:  # noqa: SIM110 - a loop: the compiled twin makes no generator
        if not HAN_FIRST <= char <= HAN_LAST:
            return False
    return True


#: items of Chinese characters joined by plus signs, three or more (人防+物防+技防)
_PLUS_RE = re.compile(f"[{PLUS_SIGNS}]")
_PLUS_CHAIN_RE = re.compile(f"{HAN_CHAR}{{1,6}}(?:[{PLUS_SIGNS}]{HAN_CHAR}{{1,6}}){{2,}}")


def plus_chain_units(view: str, sentence: Span) -> list[list[Unit]]:
    """Runs of the items a sentence joins with plus signs (完善“人防+物防+技防”): a list
    written as a formula, its items compared as the items of a 、-list (the templates decide:
    人防+物防+技防 share 防; 策划+融资+运营 share nothing). A formula with an open end
    (“人工智能+”) is no such run. Cheap test first: most sentences have no plus sign."""
    if first_mark(view, sentence.start, sentence.end, PLUS_SIGNS, _PLUS_RE) < 0:
        return []
    runs = []
    for match in _PLUS_CHAIN_RE.finditer(view, sentence.start, sentence.end):
        if view[match.end() : match.end() + 1] in PLUS_SIGNS and match.end() < sentence.end:
            continue  # the chain goes on past a long item: no list of short items
        if match.start() > sentence.start and view[match.start() - 1] in PLUS_SIGNS:
            continue
        units = []
        start = match.start()
        for k in range(match.start(), match.end() + 1):
            if k == match.end() or view[k] in PLUS_SIGNS:
                units.append(new_unit(start, k, k, "phrase"))
                start = k + 1
        runs.append(units)
    return runs


def interleaved_opening_units(view: str, sentences: list[Span]) -> list[list[Unit]]:
    """Runs of the sentences of one paragraph that open alike with other sentences between
    them (深入实施“煤油气硅”等多元利用工程，…。抓好…。深入实施“风光水火”等多能互补工程，…):
    a run holds the sentences sharing their first ``INTERLEAVED_OPENING`` characters, three
    or more, at least two of them apart (adjacent ones are :func:`sentence_units`' runs).
    Each sentence is compared and reported by its first clause (the sentences between make a
    whole-sentence member unlikely), or whole where those clauses are all one (这些成绩，是在
    …取得的。…。这些成绩，是在…取得的: a frame over several clauses)."""
    if len(sentences) < 4:
        return []
    by_opening: dict[str, list[int]] = {}
    for k, sentence in enumerate(sentences):
        start = _trimmed(view, sentence.start, sentence.end)[0]
        opening = view[start : start + INTERLEAVED_OPENING]
        if len(opening) == INTERLEAVED_OPENING and rule_counted_opening(opening):
            by_opening.setdefault(opening, []).append(k)
    runs = []
    for ks in by_opening.values():
        if len(ks) < 3 or all(b - a == 1 for a, b in pairwise(ks)):
            continue  # the cheap test first: most paragraphs have no such run
        units = sentence_units(view, [sentences[k] for k in ks], whole=True)
        firsts = [_trimmed(view, u.start, _first_clause_end(view, u.start, u.end)) for u in units]
        if len({view[a:b] for a, b in firsts}) == 1:
            runs.append(units)
        else:
            runs.append([new_unit(a, b, b, "sentence") for a, b in firsts])
    return runs


def inline_heading_units(view: str, sentences: list[Span]) -> list[Unit]:
    """The headings of one paragraph that each open a passage of longer sentences
    (强化机制创新。深化落实…。强化保护修复。建好…。强化示范引领。支持…): a report whose
    headings were run into one paragraph. Empty unless three headings have bodies."""
    units: list[Unit] = []
    headings = [heading_unit(view, sentence) for sentence in sentences]  # each read once
    for k in range(len(sentences) - 1):
        unit = headings[k]
        if unit is None or rule_figure_statement(view, unit):
            continue
        body = sentences[k + 1]
        following = headings[k + 1]
        longer = _trimmed(view, body.start, body.end)
        if following is None or longer[1] - longer[0] > unit.end - unit.start:
            units.append(unit)
    return units if len(units) >= 3 else []
