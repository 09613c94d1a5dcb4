"""Enumerations: the numbered skeleton of policy prose.

Three steps, each small and named:

1. ``find_markers`` — every ordinal marker the text states (一是, 二要, 三是要,
   第四, （五）, 六、, 7., （8）, ⑨, 首先/其次/再次/最后, 其一 …), found by one
   regular expression on the Simplified view and kept only where its context
   says it is a marker (``rule_*`` functions: not 统一要求, 第一次, 全省创第一,
   第（一）项, 一是一，二是二, 一、二、三等奖, a footnote ① after a sentence).
2. ``chain_markers`` — markers joined into sequences by their ordinals, with a
   stack of open sequences so that a new 一 nests inside the current item and a
   later ordinal returns to the sequence it continues.
3. ``build_enumerations`` — item extents, headings, previews and levels.

A marker is *strong* at the start of a paragraph or after punctuation and
*weak* mid-sentence (这里一是要加强…); a sequence may start with a weak marker
only if its second marker is strong. A sequence of one marker is not an
enumeration.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .layout import LayoutMode, through_layout
from .results import Enumeration, Item, Span
from .script import simplified_view
from .segment import paragraphs_of, sentences_of
from .validation import ensure_text
from .vocabulary import CHINESE_DIGITS, CIRCLED, NUMERAL_CHARS, WHITESPACE

ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3}

#: styles whose items are sections of a document, ranked from outer to inner
STRUCTURAL_RANK = {"一、": 1, "（一）": 2, "1.": 3, "（1）": 4, "①": 5}
#: styles that number points inside prose; they nest anywhere and mix freely
INLINE_STYLES = frozenset({"一是", "一要", "第一", "其一", "首先"})

#: characters that, before 一, make a word rather than a marker (统一, 唯一, 进一步 …)
WORD_BEFORE_ONE = frozenset("统唯同单进万第之逐专划归合不任某均惟整另其初之择")
#: punctuation after which a marker starts a new point
BOUNDARY_BEFORE = frozenset("，。；：、！？,.;:!?（(“‘「『【—…）)”’」』】\u3000 \t")
#: punctuation that may follow 第N / 其N / 最后 / 再次 when they are markers (or 是: 第一是)
MARKER_COMMA = frozenset("，,、：:")
#: marks that end an item heading
HEADING_END = re.compile(r"[。，；,;！？!?：:\n\r]")
HEADING_LEAD_PUNCT = "，,、：:．.\u3000 \t"

_NUM = f"[{NUMERAL_CHARS}]{{1,3}}"
_MARKER_RE = re.compile(
    # the lookahead lets the engine skip most positions after one character test
    rf"(?=[（({NUMERAL_CHARS}第其首再最0-9０-９{CIRCLED}])"
    rf"(?:(?P<paren_cn>[（(]{_NUM}[）)])"
    rf"|(?P<shi>{_NUM}(?:是要|是|要))"
    rf"|(?P<di>第{_NUM})"
    rf"|(?P<qi>其[{NUMERAL_CHARS}])"
    rf"|(?P<dun>{_NUM}、)"
    r"|(?P<word>首先|其次|再次|最后)"
    r"|(?P<paren_ar>[（(][0-9０-９]{1,2}[）)])"
    r"|(?P<ar>(?<![0-9０-９.．])[0-9０-９]{1,2}(?:[.．、](?![0-9０-９])|[）)]))"
    rf"|(?P<circled>[{CIRCLED}]))"
)


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
    sentence: int
    at_paragraph_start: bool


@dataclass
class _Chain:
    markers: list[Marker]
    parent: tuple[_Chain, int] | None
    children: list[_Chain] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)

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
    def structural_rank(self) -> int | None:
        return STRUCTURAL_RANK.get(self.markers[0].style)


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


def rule_cross_reference(view: str, pos: int) -> bool:
    """第（一）项, 第1条, 本条（二）: a numbered reference, not a marker."""
    return pos > 0 and view[pos - 1] in "第条款项章节"


def _style_and_index(kind: str, raw: str) -> tuple[str, int] | None:
    if kind == "paren_cn":
        value = chinese_number(raw[1:-1])
        return ("（一）", value) if value else None
    if kind == "shi":
        numeral = raw.rstrip("是要")
        value = chinese_number(numeral)
        if not value:
            return None
        return ("一要" if raw.endswith("要") and not raw.endswith("是要") else "一是"), value
    if kind == "di":
        value = chinese_number(raw[1:])
        return ("第一", value) if value else None
    if kind == "qi":
        value = chinese_number(raw[1:])
        return ("其一", value) if value else None
    if kind == "dun":
        value = chinese_number(raw[:-1])
        return ("一、", value) if value else None
    if kind == "word":
        return "首先", ORDINAL_WORDS.get(raw, 0)
    if kind == "paren_ar":
        return "（1）", _arabic(raw[1:-1])
    if kind == "ar":
        if raw[-1] in "）)":
            return "（1）", _arabic(raw[:-1])
        return "1.", _arabic(raw[:-1])
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
    if kind in ("dun", "ar") and rule_numeral_list(view, end):
        return None
    if kind in ("paren_cn", "paren_ar") and rule_cross_reference(view, start):
        return None
    if kind == "dun":
        # 一、 heads a line or follows a sentence end
        return True if start == line_start or view[start - 1] in "。！？!?：:；;" else None
    if kind == "circled":
        # a circled number after a sentence end is a footnote reference (。①)
        return True if start == line_start or view[start - 1] in "：:；;，," else None
    return True if boundary else None


def find_markers(
    text: str, paragraphs: tuple[Span, ...], sentences: tuple[Span, ...], view: str | None = None
) -> list[Marker]:
    """Every ordinal marker in ``text`` that its context accepts, in text order."""
    view = simplified_view(text) if view is None else view
    paragraph_starts = [p.start for p in paragraphs]
    sentence_starts = [s.start for s in sentences]
    markers = []
    for match in _MARKER_RE.finditer(view):
        kind = match.lastgroup
        raw = match.group()
        start, end = match.span()
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
            Marker(
                start=start,
                end=end,
                style=style,
                index=index,
                strong=strength,
                paragraph=paragraph,
                sentence=bisect_right(sentence_starts, start) - 1,
                at_paragraph_start=start == line_start,
            )
        )
    return markers


# --- step 2: chains ----------------------------------------------------------------


#: how many paragraphs a sequence with mid-paragraph items may skip between two items
MAX_PARAGRAPH_GAP = 3
#: the deepest nesting kept; a deeper 一 starts a sibling sequence instead
MAX_DEPTH = 8


def _compatible(chain: _Chain, marker: Marker) -> bool:
    first = chain.markers[0].style
    if first in INLINE_STYLES:
        return marker.style in INLINE_STYLES
    return marker.style == first


def _reachable(chain: _Chain, marker: Marker) -> bool:
    """Whether ``marker`` sits where a next item of ``chain`` can sit.

    In the same paragraph as the last item, or at the start of a later
    paragraph: any later one for sequences whose items all start paragraphs
    (sections), at most ``MAX_PARAGRAPH_GAP`` paragraphs on otherwise.
    """
    if marker.paragraph == chain.last.paragraph:
        return True
    if not marker.at_paragraph_start:
        return False
    if len(chain.markers) > 1 and all(m.at_paragraph_start for m in chain.markers):
        return True
    if chain.structural_rank is not None and chain.markers[0].at_paragraph_start:
        return True
    return marker.paragraph - chain.last.paragraph <= MAX_PARAGRAPH_GAP


def chain_markers(markers: list[Marker]) -> list[_Chain]:
    """Join markers into sequences (tree of chains); returns the top-level chains."""
    roots: list[_Chain] = []
    stack: list[_Chain] = []
    for marker in markers:
        depth = _continuing(stack, marker)
        if depth is not None:
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
            chain.markers.append(_with_index(marker, index))
            continue
        if marker.index != 1:
            continue  # an ordinal that continues nothing
        rank = STRUCTURAL_RANK.get(marker.style)
        if rank is not None:  # a new 一、 closes the previous 一、 section and all inside it
            outer = [k for k, c in enumerate(stack) if (c.structural_rank or 0) >= rank]
            if outer:
                del stack[outer[0] :]
        while stack and _restarts(stack[-1], marker):
            stack.pop()
        del stack[MAX_DEPTH - 1 :]
        parent = (stack[-1], len(stack[-1].markers) - 1) if stack else None
        chain = _Chain(markers=[marker], parent=parent)
        (parent[0].children if parent else roots).append(chain)
        stack.append(chain)
    return roots


def _restarts(chain: _Chain, marker: Marker) -> bool:
    """A lone paragraph-opening 一 followed by another of its style: siblings, not nesting."""
    first = chain.markers[0]
    return (
        len(chain.markers) == 1
        and first.at_paragraph_start
        and marker.at_paragraph_start
        and marker.paragraph > first.paragraph
        and _compatible(chain, marker)
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
    sequence); among several chains it prefers the same marker style, then the
    same layout (item at a paragraph start or not), then the innermost. A
    strong marker may repeat or skip one ordinal of the innermost chain.
    """
    best: tuple[tuple[bool, bool, int], int] | None = None
    for depth, chain in enumerate(stack):
        if not (_compatible(chain, marker) and _reachable(chain, marker)):
            continue
        if _is_closer(marker):
            if chain.markers[0].style not in INLINE_STYLES:
                continue
        elif marker.index != chain.last_index + 1:
            continue
        key = (
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
    if len(chain.markers) < 2:
        return False
    first, second = chain.markers[0], chain.markers[1]
    return first.strong or second.strong


def _flatten_invalid(chains: list[_Chain]) -> list[_Chain]:
    """Drop chains that are not enumerations, lifting their children to their place.

    A lifted child takes the dropped chain's parent item: its own pointed into
    the dropped chain's markers.
    """
    result: list[_Chain] = []
    pending = list(chains)
    while pending:
        chain = pending.pop(0)
        if _valid(chain):
            chain.children = _flatten_invalid(chain.children)  # depth is bounded by MAX_DEPTH
            result.append(chain)
        else:
            for child in chain.children:
                child.parent = chain.parent
            pending[:0] = chain.children
    return result


def _paragraph_is_heading(text: str, paragraph: Span) -> bool:
    return paragraph.text[-1] not in "。！？!?；;…" and len(paragraph) <= 60


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in WHITESPACE:
        end -= 1
    return end


class _Builder:
    def __init__(self, text: str, view: str, paragraphs, sentences) -> None:
        self.text = text
        self.view = view
        self.paragraphs = paragraphs
        self.sentences = sentences

    def last_item_end(self, chain: _Chain, limit: int) -> int:
        first, last = chain.markers[0], chain.last
        if not chain.spans_paragraphs:
            # ；-separated items end with their sentence; so do items that are
            # one sentence each (the last is as long as its siblings)
            one_sentence_each = all(
                b.sentence == a.sentence + 1 for a, b in itertools.pairwise(chain.markers)
            )
            if one_sentence_each or all(m.sentence == first.sentence for m in chain.markers):
                return min(self.sentences[last.sentence].end, limit)
            return min(self.paragraphs[last.paragraph].end, limit)
        one_paragraph_each = all(
            b.paragraph == a.paragraph + 1 for a, b in itertools.pairwise(chain.markers)
        )
        sectional = not one_paragraph_each and (
            first.style not in INLINE_STYLES
            or any(
                _paragraph_is_heading(self.text, self.paragraphs[m.paragraph])
                for m in chain.markers
            )
        )
        if sectional:
            return limit
        return min(self.paragraphs[last.paragraph].end, limit)

    def heading(self, start: int, end: int) -> Span | None:
        while start < end and self.text[start] in HEADING_LEAD_PUNCT:
            start += 1
        match = HEADING_END.search(self.text, start, end)
        stop = _trim_end(self.text, start, match.start() if match else end)
        if stop <= start:
            return None
        return Span(start, stop, self.text[start:stop])

    def preview(self, items: list[Item], limit_start: int) -> Span | None:
        """A run of the item headings, in order, somewhere before the enumeration."""
        headings = [self.view[i.heading.start : i.heading.end] for i in items if i.heading]
        if len(headings) != len(items) or any(len(h) > 16 for h in headings):
            return None
        window_start = max(0, limit_start - 2000)
        position = self.view.rfind(headings[0], window_start, limit_start)
        while position >= 0:
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
                return Span(position, cursor, self.text[position:cursor])
            position = self.view.rfind(headings[0], window_start, position)
        return None

    def build(
        self, chain: _Chain, level: int, limit: int
    ) -> tuple[Enumeration | None, list[_Chain]]:
        """The enumeration of ``chain`` (ending by ``limit``) and children that fall outside it.

        Markers past ``limit`` (a parent item that ended earlier than the run
        suggested) are left out; a run left with one marker is no enumeration
        and hands its children up.
        """
        inside = [m for m in chain.markers if m.end <= limit]
        if len(inside) < 2:
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
            assert child.parent is not None
            children_by_item.setdefault(child.parent[1], []).append(child)
        for number, (marker, end) in enumerate(zip(chain.markers, ends, strict=True)):
            child_enums: list[Enumeration] = []
            pending = list(children_by_item.get(number, []))
            while pending:
                child = pending.pop(0)
                if child.markers[0].start >= end:
                    escaped.append(child)
                    continue
                enumeration, outside = self.build(child, level + 1, end)
                if enumeration is not None:
                    child_enums.append(enumeration)
                pending[:0] = [c for c in outside if c.markers[0].start < end]
                escaped.extend(c for c in outside if c.markers[0].start >= end)
            items.append(
                Item(
                    index=marker.index,
                    marker=Span(marker.start, marker.end, self.text[marker.start : marker.end]),
                    span=Span(marker.start, end, self.text[marker.start : end]),
                    heading=self.heading(marker.end, end),
                    children=tuple(child_enums),
                )
            )
        styles = {
            m.style
            for m in chain.markers
            if not (m.style == "首先" and self.view.startswith("最后", m.start))
        }
        style = styles.pop() if len(styles) == 1 else "mixed"
        enumeration = Enumeration(
            items=tuple(items),
            style=style,
            level=level,
            start=items[0].span.start,
            end=items[-1].span.end,
            preview=self.preview(items, items[0].span.start),
            issues=tuple(chain.issues),
        )
        return enumeration, escaped


def build_enumerations(
    text: str, view: str, paragraphs: tuple[Span, ...], sentences: tuple[Span, ...]
) -> tuple[Enumeration, ...]:
    """Top-level enumerations of ``text`` given its paragraphs and sentences."""
    markers = find_markers(text, paragraphs, sentences, view)
    pending = _flatten_invalid(chain_markers(markers))
    builder = _Builder(text, view, paragraphs, sentences)
    result = []
    text_end = _trim_end(text, 0, len(text))
    while pending:
        chain = pending.pop(0)
        # a top-level run ends where the next one begins (or with the text)
        later = [c.markers[0].start for c in pending if c.markers[0].start > chain.last.start]
        limit = _trim_end(text, chain.last.start, min(later)) if later else text_end
        enumeration, escaped = builder.build(chain, 1, limit)
        if enumeration is not None:
            result.append(enumeration)
        pending[:0] = escaped
    result.sort(key=lambda e: e.start)
    return tuple(result)


def find_enumerations(text: str, layout: LayoutMode = "auto") -> tuple[Enumeration, ...]:
    """Top-level enumerations of ``text``, nested ones reachable through ``Item.children``."""
    return through_layout(ensure_text(text), layout, _enumerations_of)


def _enumerations_of(text: str) -> tuple[Enumeration, ...]:
    paragraphs = paragraphs_of(text)
    view = simplified_view(text)
    return build_enumerations(text, view, paragraphs, sentences_of(text, paragraphs))


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
