"""Enumerations: the numbered skeleton of policy prose.

Three steps, each small and named:

1. ``find_markers`` — every ordinal marker the text states (一是, 二要, 三是要,
   第四, （五）, 六、, 7., （8）, ⑨, (a), A., 第三章, 第五条, 首先/其次/再次/最后,
   其一 …), found by one regular expression on the Simplified view and kept only
   where its context says it is a marker (``rule_*`` functions: not 统一要求,
   第一次, 全省创第一, 第（一）项, 一是一，二是二, 一、二、三等奖, a footnote ① after a
   sentence, 1.\n0400年底前); ``find_parts`` — the attachment and box lines.
2. ``chain_markers`` — markers joined into runs by their ordinals, with a stack
   of open runs: a marker that states a run's next ordinal continues it, any
   other opens a run (at any ordinal) inside the innermost open item that holds
   it; which open runs it ends first is read from the document (``_Chainer``).
3. ``build_enumerations`` — item extents, headings, previews and levels.

A marker is *strong* at the start of a paragraph or after punctuation and
*weak* mid-sentence (这里一是要加强…); a sequence may start with a weak marker
only if its second marker is strong. A sequence of one marker is not an
enumeration, unless it numbers on from a closed run of its style (7. alone
under （三） after 4.-6. under （二）).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import deque
from dataclasses import dataclass, field

import numpy as np

from ._twins import compiled_kernel
from .caches import collector_paused
from .layout import LayoutMode, through_layout
from .results import Enumeration, Item, Span, fields_maker, span_of
from .script import simplified_view
from .segment import paragraphs_of, sentences_of
from .validation import ensure_text
from .vocabulary import (
    CHINESE_DIGITS,
    CIRCLED,
    DIGITS,
    HAN_FIRST,
    HAN_LAST,
    NUMERAL_CHARS,
    PRIVATE_USE,
    WHITESPACE,
)

ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3}

#: styles whose items are sections of a document; the rank (outer to inner) is only the
#: fallback when the document itself does not say how its styles nest
STRUCTURAL_RANK = {
    "第一章": 0,
    "第一节": 1,
    "第一条": 2,
    "一、": 3,
    "（一）": 4,
    "A.": 5,
    "1.": 6,
    "（1）": 7,
    "a)": 8,
    "①": 9,
}
#: regulations: chapters > sections > articles, whatever the document shows
REGULATION_STYLES = frozenset({"第一章", "第一节", "第一条"})
#: styles that number points inside prose; they nest anywhere and mix freely
INLINE_STYLES = frozenset({"一是", "一要", "第一", "其一", "首先"})

#: characters that, before 一, make a word rather than a marker (统一, 唯一, 进一步 …)
WORD_BEFORE_ONE = frozenset("统唯同单进万第之逐专划归合不任某均惟整另其初之择")
#: punctuation after which a marker starts a new point
BOUNDARY_BEFORE = frozenset("，。；：、！？,.;:!?（(“‘「『【—…）)”’」』】\u3000 \t")
#: punctuation that may follow 第N / 其N / 最后 / 再次 when they are markers (or 是: 第一是)
MARKER_COMMA = frozenset("，,、：:")
#: what may stand before a letter marker (a)/a)/A.: a line start, a clause end or a space
LETTER_BEFORE = frozenset("：:；;。！？!?，,\u3000 \t")
#: marks that end an item heading
HEADING_END = re.compile(r"[。，；,;！？!?：:\n\r]")
HEADING_LEAD_PUNCT = "，,、：:．.﹒\u3000 \t"
#: a paragraph that opens an attachment (附件1 / 附件： / 附表 / 名词解释): it ends every open item
_PART_NUMBER = f"[0-9０-９{NUMERAL_CHARS}]"
ATTACHMENT_LINE = re.compile(
    rf"(?:附件|附表|附录)[ \t\u3000]*(?:{_PART_NUMBER}{{1,3}})?"
    rf"(?:[ \t\u3000]*[：:]|[ \t\u3000]*$|(?<={_PART_NUMBER})(?=[^0-9０-９、，,.．]))"
    r"|名词解释[：:]?$"
)
#: a paragraph that opens a box (专栏1：…, 专栏 2 …, 专栏一 …): a part of its own
BOX_LINE = re.compile(
    rf"专栏[ \t\u3000]*{_PART_NUMBER}{{0,3}}(?:[ \t\u3000：:]|$|(?<={_PART_NUMBER}))"
)
#: longest attachment heading line (附件2 + a title)
MAX_ATTACHMENT_LINE = 60

_NUM = f"[{NUMERAL_CHARS}]{{1,3}}"
#: a private-use character after a number: a stop glyph PDF extraction could not map (1\ue010)
_DOT = f"[.．、﹒{PRIVATE_USE[0]}-{PRIVATE_USE[-1]}]"
_MARKER_RE = re.compile(
    # the lookahead lets the engine skip most positions after one character test
    rf"(?=[（({NUMERAL_CHARS}第其首再最0-9０-９a-zA-Z{CIRCLED}])"
    rf"(?:(?P<paren_cn>[（(]{_NUM}[）)])"
    rf"|(?P<shi>{_NUM}(?:是要|是|要))"
    rf"|(?P<reg>第{_NUM}[章节条])"
    rf"|(?P<di>第{_NUM})"
    rf"|(?P<qi>其[{NUMERAL_CHARS}])"
    rf"|(?P<dun>{_NUM} ?、)"  # 三 、 with a space that PDF extraction put in
    rf"|(?P<half_cn>{_NUM}[）)])"
    r"|(?P<word>首先|其次|再次|最后)"
    r"|(?P<paren_ar>[（(][0-9０-９]{1,2}[）)])"
    rf"|(?P<ar>(?<![0-9０-９.．])[0-9０-９]{{1,2}}(?:{_DOT}(?![0-9０-９])|[）)]))"
    r"|(?P<letter>(?<![A-Za-z0-9])(?:[（(][A-Za-z][）)]|[A-Za-z][）)]|[A-Z][.．、])(?![A-Za-z0-9]))"
    rf"|(?P<circled>[{CIRCLED}]))"
)


#: what may follow the first character of a marker, per class of the second (bit flags):
#: every match of ``_MARKER_RE`` starts at a pair of characters that ``marker_starts`` keeps
_NEXT_CLASSES = {
    1: NUMERAL_CHARS,  # 二十, 一是, （一）, 第一, 其一
    2: "是要、）) ",  # 一是 一要 一、 一） 一 、
    4: DIGITS,  # 12. （1）
    8: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",  # （a）
    16: ".．、﹒）)" + PRIVATE_USE,  # 1. 1） a) A. 1\ue010
    32: "次",  # 其次 再次
    64: "先",  # 首先
    128: "后",  # 最后
}
#: any character at all (a circled number is a marker whatever follows it)
_ANY = 256
_FIRST_CLASSES = [
    (NUMERAL_CHARS, 1 | 2),
    ("（(", 1 | 4 | 8),
    ("第", 1),
    ("其", 1 | 32),
    ("首", 64),
    ("再", 32),
    ("最", 128),
    (_NEXT_CLASSES[4], 4 | 16),
    (_NEXT_CLASSES[8], 16),
    (CIRCLED, _ANY),
]
#: the last code point the tables hold; every character above it reads as this one
_TABLE_TOP = 0xFFFF


def _class_tables() -> tuple[np.ndarray, np.ndarray]:
    """(what each code point as a marker's first character lets follow, its own classes)."""
    first = np.zeros(_TABLE_TOP + 1, dtype=np.uint16)
    classes = np.full(_TABLE_TOP + 1, _ANY, dtype=np.uint16)
    for chars, follows in _FIRST_CLASSES:
        for char in chars:
            first[ord(char)] |= follows
    for bit, chars in _NEXT_CLASSES.items():
        for char in chars:
            classes[ord(char)] |= bit
    first[_TABLE_TOP] = 0
    return first, classes


_FIRST_TABLE, _CLASS_TABLE = _class_tables()
_TABLE_PAIRS = compiled_kernel("table_pairs")


def marker_starts(view: str) -> list[int]:
    """Positions where a marker may start: a first character of a marker followed by a
    character that can come second in it (一 before 是, （ before 三, 1 before .).

    Vectorised over the whole text; ``_MARKER_RE`` then matches only at these positions
    (a superset of where it can match), instead of scanning every character.

    >>> marker_starts("统一要求，二是加强。①")
    [1, 5, 10]
    """
    if _TABLE_PAIRS is not None:  # the kernel reads the same tables in one pass
        return _TABLE_PAIRS(view, _FIRST_TABLE, _CLASS_TABLE, _ANY)
    codes = np.frombuffer(view.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes = np.minimum(codes, _TABLE_TOP)
    follows = _FIRST_TABLE.take(codes)  # take: a plain loop, where [codes] builds an iterator
    following = np.empty_like(follows)
    following[:-1] = _CLASS_TABLE.take(codes[1:])
    following[-1:] = _ANY  # the end of the text
    return (follows & following).nonzero()[0].tolist()  # np.flatnonzero of a 1-d array


def chinese_number(numeral: str) -> int | None:
    """Value of a Chinese numeral from 一 to 九十九 (十一, 二十三), else None."""
    if not numeral or any(c not in CHINESE_DIGITS and c != "十" for c in numeral):
        return None
    if "十" not in numeral:
        return CHINESE_DIGITS[numeral] if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return None
    value = (CHINESE_DIGITS[tens] if tens else 1) * 10
    return value + (CHINESE_DIGITS[units] if units else 0)


def _arabic(digits: str) -> int:
    return int(digits.translate({0xFF10 + i: 0x30 + i for i in range(10)}))


@dataclass(frozen=True)
class Marker:
    """An ordinal marker found in the text (internal to the parser)."""

    start: int
    end: int
    style: str
    index: int  # 0 for 最后: the sequence decides
    strong: bool
    paragraph: int
    at_paragraph_start: bool
    indent: int = 0  # whitespace before the marker on its line (paragraph-opening markers)
    after_sentence: bool = False  # right after a sentence end (…优化技术。 （二）深化…)
    after_clause: bool = False  # right after a sentence or clause end (…两部分组成，（三）…)
    #: opens a paragraph whose previous paragraph ends with a colon (…主要内容是：⏎一、…)
    announced: bool = False


#: ``Marker(*fields)``, ``Item(*fields)``, ``Enumeration(*fields)``: every field given, in
#: order (``results.fields_maker``: without the frame of the ``__init__`` they wrote)
_new_marker = fields_maker(Marker)
_new_item = fields_maker(Item)
_new_enumeration = fields_maker(Enumeration)


@dataclass
class _Chain:
    markers: list[Marker]
    parent: tuple[_Chain, int] | None
    children: list[_Chain] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)
    #: the run this one numbers on from (三、… 8. 9. under a new section after 1.-7.)
    follows: _Chain | None = None
    #: where the run is cut off at the latest (an attachment line, the end of its box)
    limit: int | None = None
    #: whether every item / some item opens a paragraph (kept up to date by ``append``)
    all_open_paragraphs: bool = True
    some_open_paragraph: bool = False

    def __post_init__(self) -> None:
        self.all_open_paragraphs = all(m.at_paragraph_start for m in self.markers)
        self.some_open_paragraph = any(m.at_paragraph_start for m in self.markers)

    def append(self, marker: Marker) -> None:
        self.markers.append(marker)
        self.all_open_paragraphs = self.all_open_paragraphs and marker.at_paragraph_start
        self.some_open_paragraph = self.some_open_paragraph or marker.at_paragraph_start

    @property
    def last(self) -> Marker:
        return self.markers[-1]

    @property
    def last_index(self) -> int:
        return self.last.index

    @property
    def spans_paragraphs(self) -> bool:
        return len(self.markers) > 1 and self.markers[1].paragraph != self.markers[0].paragraph

    @property
    def style(self) -> str:
        return self.markers[0].style

    @property
    def structural(self) -> bool:
        return self.markers[0].style not in INLINE_STYLES


# --- step 1: markers ---------------------------------------------------------------


def rule_boundary_before(view: str, pos: int, line_start: int) -> bool:
    """A marker starts a point at the start of a line or right after punctuation."""
    return pos == line_start or view[pos - 1] in BOUNDARY_BEFORE


def rule_word_before_one(view: str, pos: int, numeral: str) -> bool:
    """统一要求, 唯一是, 第一要务, 进一步: 一 bound to the character before it."""
    return numeral == "一" and pos > 0 and view[pos - 1] in WORD_BEFORE_ONE


def rule_idiom_shi(view: str, end: int, numeral: str) -> bool:
    """一是一，二是二: the numeral repeated after 是 is an idiom, not a marker."""
    return view.startswith(numeral, end) and not view.startswith(numeral + "是", end)


def rule_numeral_list(view: str, end: int) -> bool:
    """一、二、三等奖 / 1、2、3号 / 三、四月: a numeral after the marker starts a list.

    A year or a count after a heading marker (一、2009年工作回顾, 一、十年来) is not one.
    """
    if end >= len(view):
        return False
    char = view[end]
    if char.isdigit():
        return view[end - 1] == "、" and view[end - 2].isdigit()  # 1、2、3
    if char not in CHINESE_DIGITS and char != "十":
        return False
    after = view[end + 1] if end + 1 < len(view) else ""
    return after in "、，,等至到" or after in CHINESE_DIGITS or after in "十月"


def rule_numeral_list_before(view: str, pos: int) -> bool:
    """（附件1、2、3）: the last numeral of a list of numbers, not a marker."""
    return pos >= 2 and view[pos - 1] in "、，," and view[pos - 2].isdigit()


def rule_cross_reference(view: str, pos: int) -> bool:
    """第（一）项, 第1条, 本条（二）, 见附件 2）: a numbered reference, not a marker."""
    before = pos - 1
    if before > 0 and view[before] in " \u3000":
        before -= 1
    return before >= 0 and view[before] in "第条款项章节件图表"


def rule_wrapped_decimal(view: str, end: int) -> bool:
    """1.\\n0400年底前: a decimal whose digits a line break separated is not the marker 1."""
    return (
        view[end - 1] in ".．﹒"
        and view.startswith("\n", end)
        and view[end + 1 : end + 2].isdigit()
    )


def rule_glued_to_word(view: str, pos: int) -> bool:
    """(五) or 1. right after a Chinese character (…5个工作日(五)公示): a weak marker.

    It may continue a run the text has opened, never open one on its own.
    """
    return pos > 0 and HAN_FIRST <= view[pos - 1] <= HAN_LAST


def _style_and_index(kind: str, raw: str) -> tuple[str, int] | None:
    if kind == "paren_cn":
        value = chinese_number(raw[1:-1])
        return ("（一）", value) if value else None
    if kind == "half_cn":
        value = chinese_number(raw[:-1])
        return ("（一）", value) if value else None
    if kind == "shi":
        numeral = raw.rstrip("是要")
        value = chinese_number(numeral)
        if not value:
            return None
        return ("一要" if raw.endswith("要") and not raw.endswith("是要") else "一是"), value
    if kind == "reg":
        value = chinese_number(raw[1:-1])
        return ({"章": "第一章", "节": "第一节", "条": "第一条"}[raw[-1]], value) if value else None
    if kind == "di":
        value = chinese_number(raw[1:])
        return ("第一", value) if value else None
    if kind == "qi":
        value = chinese_number(raw[1:])
        return ("其一", value) if value else None
    if kind == "dun":
        value = chinese_number(raw[:-1].rstrip())
        return ("一、", value) if value else None
    if kind == "word":
        return "首先", ORDINAL_WORDS.get(raw, 0)
    if kind == "paren_ar":
        return "（1）", _arabic(raw[1:-1])
    if kind == "ar":
        if raw[-1] in "）)":
            return "（1）", _arabic(raw[:-1])
        return "1.", _arabic(raw[:-1])
    if kind == "letter":
        letter = next(c for c in raw if c.isascii() and c.isalpha())
        return ("A." if letter.isupper() else "a)"), ord(letter.lower()) - ord("a") + 1
    return "①", CIRCLED.index(raw) + 1


def _accept(kind: str, raw: str, view: str, start: int, end: int, line_start: int) -> bool | None:
    """True for a strong marker, False for a weak one, None when it is not a marker."""
    boundary = rule_boundary_before(view, start, line_start)
    if kind == "shi":
        numeral = raw.rstrip("是要")
        if rule_word_before_one(view, start, numeral) or rule_idiom_shi(view, end, numeral):
            return None
        if not boundary and view[start - 1] in "0123456789第几十之":
            return None
        return boundary
    if kind == "reg":
        # 第一章 / 第五条 head a line; mid-sentence they are references (违反本规定第四条)
        return True if start == line_start else None
    if kind in ("di", "qi"):
        follows = view[end] if end < len(view) else ""
        if not boundary or not (follows in MARKER_COMMA or follows == "是"):
            return None
        return True
    if kind == "word":
        follows = view[end] if end < len(view) else ""
        if raw in ("最后", "再次") and follows not in MARKER_COMMA and follows not in "是要":
            return None
        if not boundary:
            return False if raw == "首先" else None
        return True
    if kind == "half_cn":
        # 三) with its opening bracket lost in extraction: where a line, list or sentence starts
        return True if rule_heads_point(view, start, line_start) else None
    if kind == "letter":
        if start != line_start and view[start - 1] not in LETTER_BEFORE:
            return None
        return True
    if kind in ("dun", "ar") and rule_numeral_list(view, end):
        return None
    if kind in ("ar", "paren_ar", "half_cn") and rule_numeral_list_before(view, start):
        return None
    if kind == "ar" and rule_wrapped_decimal(view, end):
        return None
    if kind in ("paren_cn", "paren_ar", "ar") and rule_cross_reference(view, start):
        return None
    if kind == "dun":
        # 一、 heads a line or follows a sentence end (maybe across a space: …机器人。 三、推进…)
        return True if rule_heads_point(view, start, line_start) else None
    if kind == "circled":
        # a circled number after a sentence end is a footnote reference (。①)
        return True if start == line_start or view[start - 1] in "：:；;，," else None
    if boundary:
        return True
    if kind in ("paren_cn", "ar") and rule_glued_to_word(view, start):
        return False
    return None


def rule_after_sentence(view: str, pos: int, line_start: int, ends: str = "。！？!?；;") -> bool:
    """The marker follows a sentence end, maybe across spaces (…。 三、推进…)."""
    before = pos - 1
    while before >= line_start and view[before] in " \u3000\t":
        before -= 1
    return before >= line_start and view[before] in ends


def rule_heads_point(view: str, pos: int, line_start: int) -> bool:
    """At a line start, after a colon, or after a sentence end."""
    return pos == line_start or view[pos - 1] in "：:" or rule_after_sentence(view, pos, line_start)


def _indents(view: str, paragraphs: tuple[Span, ...]) -> list[int]:
    """Width of the whitespace before each paragraph on its line (an ideographic space is 2)."""
    indents = []
    for p in paragraphs:
        line_start = view.rfind("\n", 0, p.start) + 1
        indents.append(p.start - line_start + view.count("\u3000", line_start, p.start))
    return indents


def find_markers(
    text: str,
    paragraphs: tuple[Span, ...],
    sentences: tuple[Span, ...] | None = None,
    view: str | None = None,
) -> list[Marker]:
    """Every ordinal marker in ``text`` that its context accepts, in text order.

    (``sentences`` is not needed: the sentences of a paragraph are split when
    an item extent asks for them.)
    """
    view = simplified_view(text) if view is None else view
    paragraph_starts = [p.start for p in paragraphs]
    indents = _indents(view, paragraphs)
    markers = []
    matched_to = 0  # where the last match ended: matches do not overlap (as ``finditer``)
    for position in marker_starts(view):
        if position < matched_to:
            continue
        match = _MARKER_RE.match(view, position)
        if match is None:
            continue
        kind = match.lastgroup
        raw = match.group()
        start, end = match.span()
        matched_to = end
        paragraph = bisect_right(paragraph_starts, start) - 1
        if paragraph < 0 or start >= paragraphs[paragraph].end:
            continue
        line_start = paragraphs[paragraph].start
        strength = _accept(kind, raw, view, start, end, line_start)
        if strength is None:
            continue
        style_index = _style_and_index(kind, raw)
        if style_index is None or (style_index[1] == 0 and raw != "最后"):
            continue
        style, index = style_index
        markers.append(
            _new_marker(  # every field of Marker, in order
                start,
                end,
                style,
                index,
                strength,  # strong
                paragraph,
                start == line_start,  # at_paragraph_start
                indents[paragraph],  # indent
                rule_after_sentence(view, start, line_start),  # after_sentence
                rule_after_sentence(view, start, line_start, "。！？!?；;，,：:"),  # after_clause
                start == line_start and rule_announced(view, paragraphs, paragraph),  # announced
            )
        )
    return rule_closer_before_ordinal(markers)


def rule_announced(view: str, paragraphs: tuple[Span, ...], paragraph: int) -> bool:
    r"""The paragraph before ``paragraph`` ends with a colon: it announces what follows.

    >>> text = "今年的主要内容是：\n一、调整价格；"
    >>> rule_announced(text, (Span(0, 9, text[:9]), Span(10, 17, text[10:])), 1)
    True
    """
    if paragraph == 0:
        return False
    before = view[paragraphs[paragraph - 1].start : paragraphs[paragraph - 1].end].rstrip()
    return before.endswith(("：", ":"))


def rule_closer_before_ordinal(markers: list[Marker]) -> list[Marker]:
    """最后，第四，…: 最后 right before the ordinal it introduces is not an item of its own."""
    return [
        marker
        for marker, following in itertools.zip_longest(markers, markers[1:])
        if not (_is_closer(marker) and following is not None and following.start - marker.end <= 1)
    ]


def rule_attachment_line(line: str) -> bool:
    """附件1 / 附件： 1. … / 附件2 智能网联汽车… / 名词解释: a line that opens an appendix."""
    if line.startswith(("附件：", "附件:")):
        return True
    return len(line) <= MAX_ATTACHMENT_LINE and ATTACHMENT_LINE.match(line) is not None


def rule_box_line(line: str) -> bool:
    """专栏1：… / 专栏 2 … / 专栏一 …: a line that opens a box, a part of its own."""
    return len(line) <= MAX_ATTACHMENT_LINE and BOX_LINE.match(line) is not None


#: part boundaries found in the text: ("attachment" | "box", paragraph start)
Part = tuple[str, int]


def find_parts(view: str, paragraphs: tuple[Span, ...]) -> list[Part]:
    """Attachment and box lines, in text order (tested on the first characters only)."""
    parts = []
    for paragraph in paragraphs:
        head = view[paragraph.start : paragraph.start + 2]
        if head not in ("附件", "附表", "附录", "名词", "专栏"):
            continue
        line = view[paragraph.start : paragraph.end]
        if head == "专栏":
            if rule_box_line(line):
                parts.append(("box", paragraph.start))
        elif rule_attachment_line(line):
            parts.append(("attachment", paragraph.start))
    return parts


# --- step 2: chains ----------------------------------------------------------------


#: how many paragraphs a sequence with mid-paragraph items may skip between two items
MAX_PARAGRAPH_GAP = 3
#: the deepest nesting kept; a deeper 一 starts a sibling sequence instead
MAX_DEPTH = 8
#: how much deeper (in half-width spaces) a line must start to sit inside the line above it;
#: one stray space is noise, two ideographic spaces (4) are a level
MIN_INDENT_STEP = 3


def _group(style: str) -> str:
    """Styles that continue each other: the inline ones mix, the others do not."""
    return "inline" if style in INLINE_STYLES else style


def _compatible(chain: _Chain, marker: Marker) -> bool:
    return _group(chain.style) == _group(marker.style)


def _reachable(chain: _Chain, marker: Marker) -> bool:
    """Whether ``marker`` sits where a next item of ``chain`` can sit.

    In the same paragraph as the last item, or at the start of a later
    paragraph: any later one for sequences whose items all start paragraphs
    (sections), at most ``MAX_PARAGRAPH_GAP`` paragraphs on otherwise.
    """
    if marker.paragraph == chain.last.paragraph:
        return True
    if not marker.at_paragraph_start:
        # a section marker run into the text after a sentence end (boxes, extraction)
        last = chain.last
        return (
            chain.structural
            and marker.after_clause
            and (last.at_paragraph_start or last.after_sentence)
        )
    if len(chain.markers) > 1 and chain.all_open_paragraphs:
        return True
    if chain.structural:
        return True  # a section marker heading a later line goes on with its run
    return marker.paragraph - chain.last.paragraph <= MAX_PARAGRAPH_GAP


class _Lookahead:
    """Where the next paragraph-opening marker of a style and ordinal is, after a position."""

    def __init__(self, markers: list[Marker]) -> None:
        self.positions: dict[tuple[str, int], list[int]] = {}
        for marker in markers:
            if marker.at_paragraph_start:
                key = (_group(marker.style), marker.index)
                self.positions.setdefault(key, []).append(marker.start)

    def next_item(self, chain: _Chain, after: int) -> int | None:
        """Start of the first later marker that could be ``chain``'s next item."""
        return self._next(_group(chain.style), chain.last_index + 1, after)

    def next_start(self, chain: _Chain, after: int) -> int | None:
        """Start of the first later marker that opens a run of ``chain``'s style (its 一)."""
        return self._next(_group(chain.style), 1, after)

    def _next(self, group: str, index: int, after: int) -> int | None:
        positions = self.positions.get((group, index))
        if not positions:
            return None
        k = bisect_right(positions, after)
        return positions[k] if k < len(positions) else None


class _Chainer:
    """Step 2: markers joined into runs, the hierarchy read from the document.

    A marker continues an open run when it states that run's next ordinal;
    otherwise it opens a run, at any ordinal, inside the innermost open item
    that holds it (``_closes`` decides which open runs it ends first). Styles
    nest as the document shows them (which style held which, indentation,
    whether the open run has a next item before its parent's), the fixed
    ``STRUCTURAL_RANK`` only when the document says nothing. An attachment
    line ends every open item; a box (专栏) holds runs of its own at the top
    level, and ends when a run outside it goes on.
    """

    def __init__(self, markers: list[Marker], parts: list[Part]) -> None:
        self.markers = markers
        self.parts = parts
        self.lookahead = _Lookahead(markers)
        self.roots: list[_Chain] = []
        self.stack: list[_Chain] = []
        self.box: list[_Chain] | None = None
        self.box_chains: list[_Chain] = []
        self.holds: set[tuple[str, str]] = set()  # (outer style, inner style) seen nested
        self.last_of_style: dict[str, _Chain] = {}

    def run(self) -> list[_Chain]:
        parts = iter(self.parts)
        part = next(parts, None)
        for marker in self.markers:
            while part is not None and part[1] <= marker.start:
                self.open_part(*part)
                part = next(parts, None)
            self.add(marker)
        return self.roots

    def open_part(self, kind: str, position: int) -> None:
        self.close_box(position)
        if kind == "attachment":
            for chain in self.stack:
                chain.limit = position if chain.limit is None else min(chain.limit, position)
            self.stack.clear()
        else:
            self.box = []

    def close_box(self, position: int) -> None:
        if self.box is not None:
            for chain in self.box_chains:
                if chain.limit is None:
                    chain.limit = position
            self.box = None
            self.box_chains = []

    def add(self, marker: Marker) -> None:
        found = self.continuing(marker)
        if found is not None:
            stack, depth = found
            if stack is self.stack and self.box is not None:
                self.close_box(marker.start)  # the text outside the box goes on
            del stack[depth + 1 :]
            chain = stack[depth]
            expected = chain.last_index + 1
            index = expected if _is_closer(marker) else marker.index
            if index == chain.last_index:
                chain.issues.append(f"ordinal {index} repeated at {marker.start}")
            elif index > expected:
                chain.issues.append(
                    f"ordinal {expected} missing before {marker.start}"
                    if index == expected + 1
                    else f"ordinals {expected}-{index - 1} missing before {marker.start}"
                )
            chain.append(_with_index(marker, index))
            return
        if _is_closer(marker) or (
            not marker.strong and marker.style not in INLINE_STYLES and marker.index != 1
        ):
            return  # 最后 closes a run, a glued (五) only continues one
        stack = self.box if self.box is not None else self.stack
        while stack and self.closes(stack, marker):
            stack.pop()
        del stack[MAX_DEPTH - 1 :]
        parent = (stack[-1], len(stack[-1].markers) - 1) if stack else None
        chain = _Chain(markers=[marker], parent=parent, follows=self.follows(marker, stack))
        if parent is None:
            self.roots.append(chain)
        else:
            parent[0].children.append(chain)
            if (
                parent[0].structural
                and chain.structural
                and parent[0].style != chain.style
                and marker.at_paragraph_start  # a run-in marker shows no nesting of the document
            ):
                self.holds.add((parent[0].style, chain.style))
        if stack is self.box:
            self.box_chains.append(chain)
        stack.append(chain)
        self.last_of_style[chain.style] = chain

    def continuing(self, marker: Marker) -> tuple[list[_Chain], int] | None:
        """The open run ``marker`` continues (innermost box first), as (stack, depth)."""
        for stack in (self.box, self.stack):
            if stack:
                depth = _continuing(stack, marker)
                if depth is not None:
                    return stack, depth
        return None

    def follows(self, marker: Marker, stack: list[_Chain]) -> _Chain | None:
        """The closed run of the same style that ``marker`` numbers on from (1.-7. then 8.)."""
        if marker.index <= 1 or not marker.at_paragraph_start or marker.style in INLINE_STYLES:
            return None
        previous = self.last_of_style.get(marker.style)
        if previous is None or previous.last_index != marker.index - 1 or previous in stack:
            return None
        return previous if len(previous.markers) > 1 or previous.follows else None

    def closes(self, stack: list[_Chain], marker: Marker) -> bool:
        """Whether the new run of ``marker`` ends the innermost open run rather than nest in it."""
        top = stack[-1]
        if _restarts(top, marker):
            return True
        if marker.style in INLINE_STYLES:
            return False  # a point inside prose nests in whatever holds it
        if not top.structural:
            # a section marker ends a run of points inside a paragraph
            return marker.at_paragraph_start and not top.some_open_paragraph
        if not marker.at_paragraph_start and not (
            # a section marker run into the line after a sentence end (…规则标准。2.通用
            # 规范标准) is read as a heading line is, when the open item heads a paragraph
            marker.after_sentence and top.last.at_paragraph_start
        ):
            return False
        current = top.last  # the open item: its indentation is the level the run is at
        # (an item at the very start of the text shows no indentation: an excerpt cut at it)
        deeper = (
            current.at_paragraph_start
            and current.start > 0
            and marker.indent >= current.indent + MIN_INDENT_STEP
        )
        if top.style == marker.style:
            # the same style again: a sibling run, unless indented under it, announced by
            # its paragraph (…以下几件事：⏎一、…) or the open run has its next item still to
            # come (四、 … 一、二、三、 … 五、 without indentation)
            announced = marker.announced and marker.index == 1
            return not deeper and not announced and not self.runs_on(stack, marker)
        regulation = top.style in REGULATION_STYLES or marker.style in REGULATION_STYLES
        if regulation:
            return STRUCTURAL_RANK[marker.style] < STRUCTURAL_RANK[top.style]
        if deeper or (marker.announced and marker.index == 1):
            return False  # indented under the open item, or the list its paragraph announces
        if marker.index == 1 and self.running(stack, marker):
            # the open run has its next item before its parent's: nest. A run that opens
            # mid-way (（二） whose （一） the text lost, under 三、 … 1.-3. （二） 4.-6.) is a
            # section run, not a sub-list of the open item: the nesting shown or the rank decides
            return False
        return self.above(marker.style, top.style)

    def running(self, stack: list[_Chain], marker: Marker) -> bool:
        """Whether the innermost open run has a next item before any outer run has one.

        A fresh start of its style (its 一) before that next item means the
        next item belongs to another run.
        """
        top = stack[-1]
        mine = self.lookahead.next_item(top, marker.start)
        if mine is None:
            return False
        restart = self.lookahead.next_start(top, marker.start)
        if restart is not None and restart < mine:
            return False
        for chain in stack[:-1]:
            theirs = self.lookahead.next_item(chain, marker.start)
            if theirs is not None and theirs < mine:
                return False
        return True

    def runs_on(self, stack: list[_Chain], marker: Marker) -> bool:
        """Whether the open run of ``marker``'s style has a next item that the new run cannot be.

        The next item must come before any fresh start of the style, before any
        outer run's next item, and not be where the run ``marker`` opens would
        itself arrive (一、二、 … 一、二、三、: that 三、 is the second run's).
        """
        top = stack[-1]
        mine = self.lookahead.next_item(top, marker.start)
        if mine is None or not self.running(stack, marker):
            return False
        group, position = _group(marker.style), marker.start
        for index in range(marker.index + 1, top.last_index + 2):
            position = self.lookahead._next(group, index, position)
            if position is None or position > mine:
                return True
        return position != mine

    def above(self, style: str, other: str) -> bool:
        """Whether ``style`` is the outer one: as the document nested them, else by rank."""
        if (style, other) in self.holds:
            return True
        if (other, style) in self.holds:
            return False
        return STRUCTURAL_RANK[style] <= STRUCTURAL_RANK[other]


def chain_markers(markers: list[Marker], parts: list[Part] | None = None) -> list[_Chain]:
    """Join markers into sequences (tree of chains); returns the top-level chains."""
    return _Chainer(markers, parts or []).run()


def _restarts(chain: _Chain, marker: Marker) -> bool:
    """A lone paragraph-opening 一 followed by another of its style: siblings, not nesting."""
    first = chain.markers[0]
    return (
        len(chain.markers) == 1
        and first.at_paragraph_start
        and marker.at_paragraph_start
        and marker.paragraph > first.paragraph
        and _compatible(chain, marker)
        and marker.indent < first.indent + MIN_INDENT_STEP
    )


def _with_index(marker: Marker, index: int) -> Marker:
    if marker.index == index:
        return marker
    return Marker(**{**marker.__dict__, "index": index})


def _is_closer(marker: Marker) -> bool:
    return marker.style == "首先" and marker.index == 0  # 最后


def _continuing(stack: list[_Chain], marker: Marker) -> int | None:
    """Depth of the open chain ``marker`` continues, or None.

    It needs the next ordinal (最后 takes whatever comes next in an inline
    sequence); among several chains it prefers the same indentation, the same
    marker style, then the same layout (item at a paragraph start or not),
    then the innermost. A strong marker may repeat or skip one ordinal of the
    innermost chain.
    """
    best: tuple[tuple[bool, bool, bool, int], int] | None = None
    for depth, chain in enumerate(stack):
        if not (_compatible(chain, marker) and _reachable(chain, marker)):
            continue
        if _is_closer(marker):
            if chain.structural:
                continue
        elif marker.index != chain.last_index + 1:
            continue
        key = (
            not marker.at_paragraph_start
            or abs(marker.indent - chain.last.indent) < MIN_INDENT_STEP,
            marker.style == chain.last.style,
            marker.at_paragraph_start == chain.last.at_paragraph_start,
            depth,
        )
        if best is None or key > best[0]:
            best = (key, depth)
    if best is not None:
        return best[1]
    if not stack or not marker.strong or _is_closer(marker) or marker.index == 1:
        return None
    if marker.at_paragraph_start and marker.style not in INLINE_STYLES:
        # a section marker whose previous sibling the text lost (二、 … 四、): the open run
        # of its style that it skips one ordinal of
        for depth in range(len(stack) - 1, -1, -1):
            chain = stack[depth]
            if (
                chain.style == marker.style
                and chain.last.at_paragraph_start
                and marker.index == chain.last_index + 2
            ):
                return depth
    top = stack[-1]
    if (
        _compatible(top, marker)
        and _reachable(top, marker)
        and marker.index in (top.last_index, top.last_index + 2)
    ):
        return len(stack) - 1
    return None


# --- step 3: enumerations ------------------------------------------------------------


def _valid(chain: _Chain) -> bool:
    """Two items or more, one of the first two strong; or one item numbering on a closed run,
    or a lone section of an excerpt (``rule_lone_section``)."""
    if len(chain.markers) < 2:
        return chain.markers[0].strong and (chain.follows is not None or rule_lone_section(chain))
    first, second = chain.markers[0], chain.markers[1]
    return first.strong or second.strong


def rule_lone_section(chain: _Chain) -> bool:
    r"""A section marker alone in the text is an item when it holds a list of sections of
    its own: an excerpt that starts or ends inside a run of sections (（五） before 四、, or
    一、总体要求 before the excerpt reaches 二、), the marker heading a paragraph or run into
    the line after a sentence end (…等标准。 四、组织实施). A lone marker with nothing
    numbered under it, or only points inside prose (第一，…), is no enumeration.

    >>> [i.marker.text for i in find_enumerations("一、要求\n（一）指导。\n（二）目标。")[0].items]
    ['一、']
    >>> find_enumerations("三、要求\n坚持创新。"), find_enumerations("推进甲乙，一是加快。")
    ((), ())
    """
    marker = chain.markers[0]
    if marker.style in INLINE_STYLES or not (marker.at_paragraph_start or marker.after_sentence):
        return False
    return any(child.structural and _valid(child) for child in chain.children)


def _flatten_invalid(chains: list[_Chain]) -> list[_Chain]:
    """Drop chains that are not enumerations, lifting their children to their place.

    A lifted child takes the dropped chain's parent item: its own pointed into
    the dropped chain's markers.
    """
    result: list[_Chain] = []
    pending = deque(chains)
    while pending:
        chain = pending.popleft()
        if _valid(chain):
            chain.children = _flatten_invalid(chain.children)  # depth is bounded by MAX_DEPTH
            result.append(chain)
        else:
            for child in chain.children:
                child.parent = chain.parent
            pending.extendleft(reversed(chain.children))
    return result


def _paragraph_is_heading(text: str, paragraph: Span) -> bool:
    return paragraph.text[-1] not in "。！？!?；;…" and len(paragraph) <= 60


def _paragraph_is_heading_sentence(paragraph: Span) -> bool:
    """六是全力保障和改善民生。: a short paragraph of one sentence heading what follows."""
    body = paragraph.text[:-1]
    return len(paragraph) <= 40 and not any(c in "。！？!?；;" for c in body)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in WHITESPACE:
        end -= 1
    return end


#: how many earlier occurrences of the first heading ``preview`` tries
MAX_PREVIEW_CANDIDATES = 16


class _Builder:
    def __init__(self, text: str, view: str, paragraphs) -> None:
        self.text = text
        self.view = view
        self.paragraphs = paragraphs
        self._sentences: dict[int, tuple[list[Span], list[int]]] = {}

    def _split(self, paragraph: int) -> tuple[list[Span], list[int]]:
        """The sentences of one paragraph and their starts, split the first time asked for."""
        found = self._sentences.get(paragraph)
        if found is None:
            spans = list(sentences_of(self.text, (self.paragraphs[paragraph],)))
            found = (spans, [span.start for span in spans])
            self._sentences[paragraph] = found
        return found

    def sentences_of(self, paragraph: int) -> list[Span]:
        return self._split(paragraph)[0]

    def sentence_of(self, marker: Marker) -> tuple[int, int]:
        """(paragraph, sentence within it) of a marker."""
        starts = self._split(marker.paragraph)[1]
        return marker.paragraph, max(0, bisect_right(starts, marker.start) - 1)

    def next_sentence(self, key: tuple[int, int]) -> tuple[int, int]:
        paragraph, k = key
        if k + 1 < len(self.sentences_of(paragraph)):
            return paragraph, k + 1
        return paragraph + 1, 0

    def last_item_end(self, chain: _Chain, limit: int) -> int:
        first, last = chain.markers[0], chain.last
        if len(chain.markers) == 1:
            return limit  # one item numbering on a closed run: a section to its parent's end
        if not chain.spans_paragraphs:
            # ；-separated items end with their sentence; so do items that are
            # one sentence each (the last is as long as its siblings)
            keys = [self.sentence_of(m) for m in chain.markers]
            one_sentence_each = all(self.next_sentence(a) == b for a, b in itertools.pairwise(keys))
            if one_sentence_each or all(k == keys[0] for k in keys):
                paragraph, k = keys[-1]
                return min(self.sentences_of(paragraph)[k].end, limit)
            return min(self.paragraphs[last.paragraph].end, limit)
        one_paragraph_each = all(
            b.paragraph == a.paragraph + 1 for a, b in itertools.pairwise(chain.markers)
        )
        last_paragraph = self.paragraphs[last.paragraph]
        if first.style in REGULATION_STYLES:
            return limit  # an article holds its 款 and 项, a chapter its articles
        sectional = not one_paragraph_each and (
            first.style not in INLINE_STYLES
            or any(
                _paragraph_is_heading(self.text, self.paragraphs[m.paragraph])
                for m in chain.markers
            )
            # a last item that is only a heading line owns the paragraphs after it
            or (last.at_paragraph_start and _paragraph_is_heading_sentence(last_paragraph))
        )
        if sectional:
            return limit
        return min(last_paragraph.end, limit)

    def heading(self, start: int, end: int) -> Span | None:
        while start < end and self.text[start] in HEADING_LEAD_PUNCT:
            start += 1
        match = HEADING_END.search(self.text, start, end)
        stop = _trim_end(self.text, start, match.start() if match else end)
        if stop <= start:
            return None
        return span_of(self.text, start, stop)

    def preview(self, items: list[Item], limit_start: int, floor: int = 0) -> Span | None:
        """A run of the item headings, in order, somewhere before the enumeration."""
        headings = [self.view[i.heading.start : i.heading.end] for i in items if i.heading]
        if len(headings) != len(items) or any(len(h) > 16 for h in headings):
            return None
        window_start = max(floor, limit_start - 2000)
        position = self.view.rfind(headings[0], window_start, limit_start)
        for _ in range(MAX_PREVIEW_CANDIDATES):
            if position < 0:
                break
            cursor = position + len(headings[0])
            for heading in headings[1:]:
                gap = 0
                while (
                    cursor + gap < limit_start
                    and gap <= 2
                    and not self.view.startswith(heading, cursor + gap)
                ):
                    gap += 1
                if (
                    gap > 2
                    or not all(c in "，,、；; " for c in self.view[cursor : cursor + gap])
                    or gap == 0
                ):
                    break
                cursor += gap + len(heading)
            else:
                return span_of(self.text, position, cursor)
            position = self.view.rfind(headings[0], window_start, position)
        return None

    def build(
        self, chain: _Chain, level: int, limit: int, floor: int = 0
    ) -> tuple[Enumeration | None, list[_Chain]]:
        """The enumeration of ``chain`` (ending by ``limit``) and children that fall outside it.

        Markers past ``limit`` (a parent item that ended earlier than the run
        suggested) are left out; a run left with one marker is no enumeration
        and hands its children up. Its preview is looked for after ``floor``
        (the enumeration before it, or its parent's marker).
        """
        if chain.limit is not None:
            cut = _trim_end(self.text, chain.last.start, max(chain.limit, chain.last.end))
            limit = min(limit, cut)
        inside = [m for m in chain.markers if m.end <= limit]
        lone = chain.follows is not None or rule_lone_section(chain)
        if len(inside) < (1 if lone else 2):
            return None, list(chain.children)
        if len(inside) < len(chain.markers):
            chain.markers = inside
            chain.children = [
                c for c in chain.children if c.parent is None or c.parent[1] < len(inside)
            ]
        ends = [m.start for m in chain.markers[1:]]
        ends.append(self.last_item_end(chain, limit))
        ends = [
            max(m.end, _trim_end(self.text, m.start, e))
            for m, e in zip(chain.markers, ends, strict=True)
        ]
        escaped: list[_Chain] = []
        items: list[Item] = []
        children_by_item: dict[int, list[_Chain]] = {}
        for child in chain.children:
            if child.parent is not None:  # a nested run always hangs under an item
                children_by_item.setdefault(child.parent[1], []).append(child)
        for number, (marker, end) in enumerate(zip(chain.markers, ends, strict=True)):
            child_enums: list[Enumeration] = []
            child_floor = marker.end
            pending = deque(children_by_item.get(number, []))
            while pending:
                child = pending.popleft()
                if child.markers[0].start >= end:
                    escaped.append(child)
                    continue
                enumeration, outside = self.build(child, level + 1, end, child_floor)
                if enumeration is not None:
                    child_enums.append(enumeration)
                    child_floor = max(child_floor, enumeration.end)
                pending.extendleft(reversed([c for c in outside if c.markers[0].start < end]))
                escaped.extend(c for c in outside if c.markers[0].start >= end)
            items.append(
                _new_item(
                    marker.index,
                    span_of(self.text, marker.start, marker.end),  # marker
                    span_of(self.text, marker.start, end),  # span
                    self.heading(marker.end, end),  # heading
                    tuple(child_enums),  # children
                )
            )
        styles = {
            m.style
            for m in chain.markers
            if not (m.style == "首先" and self.view.startswith("最后", m.start))
        }
        style = styles.pop() if len(styles) == 1 else "mixed"
        enumeration = _new_enumeration(
            tuple(items),
            style,
            level,
            items[0].span.start,  # start
            items[-1].span.end,  # end
            self.preview(items, items[0].span.start, floor),  # preview
            tuple(chain.issues),  # issues
        )
        return enumeration, escaped


def build_enumerations(
    text: str,
    view: str,
    paragraphs: tuple[Span, ...],
    sentences: tuple[Span, ...] | None = None,
) -> tuple[Enumeration, ...]:
    """Top-level enumerations of ``text`` given its paragraphs (``sentences`` is not needed)."""
    markers = find_markers(text, paragraphs, view=view)
    parts = find_parts(view, paragraphs) if markers else []
    pending = deque(_flatten_invalid(chain_markers(markers, parts)))
    builder = _Builder(text, view, paragraphs)
    result = []
    text_end = _trim_end(text, 0, len(text))
    while pending:
        chain = pending.popleft()
        # a top-level run ends where the next one begins (or with the text)
        starts = (c.markers[0].start for c in pending)
        later = next((start for start in starts if start > chain.last.start), None)
        limit = _trim_end(text, chain.last.start, later) if later is not None else text_end
        floor = result[-1].end if result and result[-1].end <= chain.markers[0].start else 0
        enumeration, escaped = builder.build(chain, 1, limit, floor)
        if enumeration is not None:
            result.append(enumeration)
        pending.extendleft(reversed(escaped))
    result.sort(key=lambda e: e.start)
    return tuple(result)


def find_enumerations(text: str, layout: LayoutMode = "auto") -> tuple[Enumeration, ...]:
    """Top-level enumerations of ``text``, nested ones reachable through ``Item.children``."""
    return through_layout(ensure_text(text), layout, _enumerations_of)


def _enumerations_of(text: str) -> tuple[Enumeration, ...]:
    paragraphs = paragraphs_of(text)
    view = simplified_view(text)
    with collector_paused():
        return build_enumerations(text, view, paragraphs)


# --- views -----------------------------------------------------------------------


def walk_items(enumerations: tuple[Enumeration, ...], prefix: str = ""):
    """Yield ``(path, enumeration, item)`` depth-first; paths look like "2.3".

    When one item holds several enumerations, their paths carry a letter
    ("1.a2", "1.b2") so that every path is distinct.
    """
    several = len(enumerations) > 1 and prefix != ""
    for number, enumeration in enumerate(enumerations):
        letter = chr(ord("a") + number) if several and number < 26 else ""
        for item in enumeration.items:
            path = f"{prefix}{letter}{item.index}"
            yield path, enumeration, item
            yield from walk_items(item.children, path + ".")


def enumeration_rows(enumerations: tuple[Enumeration, ...]) -> list[dict]:
    """One DataFrame-ready row per item: level, path, index, marker, heading, style, offsets.

    Paths restart for every top-level enumeration, which ``enumeration`` numbers.
    """
    rows = []
    for number, top in enumerate(enumerations, 1):
        for path, enumeration, item in walk_items((top,)):
            rows.append(
                {
                    "enumeration": number,
                    "level": enumeration.level,
                    "path": path,
                    "index": item.index,
                    "marker": item.marker.text,
                    "heading": item.heading.text if item.heading else None,
                    "style": enumeration.style,
                    "start": item.span.start,
                    "end": item.span.end,
                    "marker_start": item.marker.start,
                }
            )
    return rows


def format_outline(enumerations: tuple[Enumeration, ...], width: int = 40) -> str:
    """The enumeration tree as indented text, one line per item with its offsets."""
    lines = []
    for number, top in enumerate(enumerations, 1):
        preview = f"  preview [{top.preview.start}:{top.preview.end}]" if top.preview else ""
        issues = f"  issues: {'; '.join(top.issues)}" if top.issues else ""
        lines.append(f"enumeration {number} ({top.style}, {len(top.items)} items){preview}{issues}")
        for path, enumeration, item in walk_items((top,)):
            heading = item.heading.text if item.heading else ""
            if len(heading) > width:
                heading = heading[: width - 1] + "…"
            indent = "  " * enumeration.level
            if enumeration.level > 1 and item is enumeration.items[0] and enumeration.issues:
                lines.append(f"{indent}issues: {'; '.join(enumeration.issues)}")
            span = f"[{item.span.start}:{item.span.end}]"
            lines.append(f"{indent}{path} {item.marker.text} {heading} {span}")
    return "\n".join(lines)
