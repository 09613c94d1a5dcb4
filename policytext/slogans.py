"""Slogans: quoted slogans and numbered formulas (三个代表, 五送) with their expansion.

* ``quoted`` — a short quotation that names a campaign or a motto (“送温暖”,
  “爱心助学”), or a quoted slogan sentence of short clauses (“全省创第一，中部
  进十强，全国争百强”). Not reported speech (说：“…。”), not a quoted
  punctuation mark, not a single word in scare quotes, not a name in 《》.
* ``numbered_formula`` — a numeral-led formula naming a fixed set (“三个代表”,
  “五送”, 两个维护, 八项规定): quoted ones by their form, unquoted ones from the
  list in ``policytext/data/numbered_formulas.txt``. ``count`` is the size of
  the set the numerals state (三严三实 → 6); ``expansion`` lists its members
  when they follow within the sentence as a 、-list of that many items
  (“五送”活动〈送政策、送技能、送维权、送安全、送健康〉).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .layout import LayoutMode, through_layout
from .results import Parallel, Slogan, Span
from .script import simplified_view
from .segment import paragraphs_of, rule_paired_regions, sentences_of
from .validation import ensure_text

NUMERALS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
QUOTE_OPENERS = frozenset('“「『‘"')
#: reported speech: a verb of saying before a colon (指出：“…”), or 说/道 right before the quote
SPEECH = re.compile(r"(?:(?:指出|强调|表示|认为|提出|要求|号召|宣布)[：:]|[说道][：:]?)$")
MAX_SLOGAN = 16
MAX_CLAUSE = 8

_FORMULA_RE = re.compile(
    r"^(?:[一二两三四五六七八九十]{1,2}[个项大条种]?[\u4e00-\u9fff]{1,4}){1,3}$"
)
_CLAUSE_SPLIT = re.compile(r"[，,、；;]")
_EXPANSION_OPEN = "〈（(【《：:即"


@lru_cache(maxsize=1)
def formula_lexicon() -> tuple[str, ...]:
    """Unquoted numbered formulas, longest first (``policytext/data/numbered_formulas.txt``)."""
    data = resources.files("policytext.data").joinpath("numbered_formulas.txt")
    lines = data.read_text(encoding="utf-8").splitlines()
    entries = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return tuple(sorted(entries, key=len, reverse=True))


@lru_cache(maxsize=1)
def _any_formula() -> re.Pattern[str]:
    """Matches where any formula of the lexicon occurs (a quick test before the lookup)."""
    return re.compile("|".join(re.escape(formula) for formula in formula_lexicon()))


def formula_count(formula: str) -> int | None:
    """The size of the set a formula names: the sum of its numerals (三去一降一补 → 5)."""
    numbers = [NUMERALS[c] for c in formula if c in NUMERALS]
    if not numbers or formula[0] not in NUMERALS:
        return None
    if formula[0] == "十" and len(formula) > 1 and formula[1] in NUMERALS:
        return None  # 十四五: a period name, not a set
    if all(c in NUMERALS for c in formula):
        return None
    return sum(numbers)


def rule_is_formula(content: str) -> bool:
    """A numeral-led formula: 三个代表, 五送, 两个维护, 三严三实 (not 十四五, not 一些)."""
    return (
        len(content) <= 8
        and bool(_FORMULA_RE.match(content))
        and content[0] != "一"
        and formula_count(content) is not None
    )


def rule_reported_speech(view: str, open_pos: int, content: str) -> bool:
    """说：“…。” — a quotation after a speech verb, or one that holds a full sentence."""
    if any(c in "。！？!?" for c in content):
        return True
    return bool(SPEECH.search(view, max(0, open_pos - 4), open_pos))


def rule_slogan_shape(content: str) -> bool:
    """Short enough for a slogan: one phrase of 3–16 characters, or short clauses."""
    clauses = [c for c in _CLAUSE_SPLIT.split(content) if c]
    if not clauses or any(not _is_cjk_text(c) for c in clauses):
        return False
    if all(c in NUMERALS or c in "百千万" for c in content):
        return False  # “十四五”: the name of a plan period
    if len(clauses) == 1:
        return 3 <= len(content) <= MAX_SLOGAN
    return all(2 <= len(c) <= MAX_CLAUSE for c in clauses) and len(clauses) <= 8


def _is_cjk_text(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" or c in "·" for c in text)


def _expansion(text: str, view: str, after: int, limit: int, count: int) -> tuple[Span, ...] | None:
    """A 、-list of ``count`` items shortly after a formula (〈送政策、送技能…〉, ：A、B、C)."""
    window_end = min(limit, after + 12 + 8 * count)
    for open_pos in range(after, min(window_end, after + 12)):
        if view[open_pos] not in _EXPANSION_OPEN:
            continue
        start = open_pos + (
            2 if view.startswith("即", open_pos) and view[open_pos + 1] in "：:" else 1
        )
        stop = start
        while stop < window_end and view[stop] not in "〉）)】》。；;，,":
            stop += 1
        items, cursor = [], start
        for match in re.finditer("[、]", view[start:stop]):
            items.append((cursor, start + match.start()))
            cursor = start + match.end()
        items.append((cursor, stop))
        items = [(a, b) for a, b in items if b - a >= 1]
        if len(items) == count:
            return tuple(Span(a, b, text[a:b]) for a, b in items)
    return None


def build_slogans(text: str, view: str, sentences: tuple[Span, ...]) -> tuple[Slogan, ...]:
    """Quoted slogans and numbered formulas of ``text``, in text order."""
    slogans: list[Slogan] = []
    taken: set[int] = set()
    for sentence in sentences:
        for open_pos, close_end, mark in rule_paired_regions(view, sentence.start, sentence.end):
            if mark not in QUOTE_OPENERS:
                continue
            content = view[open_pos + 1 : close_end - 1]
            span = Span(open_pos, close_end, text[open_pos:close_end])
            if rule_is_formula(content):
                count = formula_count(content)
                expansion = (
                    _expansion(text, view, close_end, sentence.end, count) if count else None
                )
                slogans.append(Slogan(span, "numbered_formula", count, expansion))
            elif not rule_reported_speech(view, open_pos, content) and rule_slogan_shape(content):
                slogans.append(Slogan(span, "quoted", None, None))
            else:
                continue
            taken.update(range(open_pos, close_end))
        if _any_formula().search(view, sentence.start, sentence.end) is None:
            continue
        for formula in formula_lexicon():
            position = view.find(formula, sentence.start, sentence.end)
            while position >= 0:
                if position not in taken:
                    end = position + len(formula)
                    count = formula_count(formula)
                    span = Span(position, end, text[position:end])
                    expansion = _expansion(text, view, end, sentence.end, count) if count else None
                    slogans.append(Slogan(span, "numbered_formula", count, expansion))
                    taken.update(range(position, end))
                position = view.find(formula, position + len(formula), sentence.end)
    return tuple(sorted(slogans, key=lambda s: (s.span.start, s.span.end)))


def slogan_parallels(text: str, view: str, slogans: tuple[Slogan, ...]) -> list[Parallel]:
    """Quoted slogan sentences whose clauses have one shape (全省创第一，中部进十强，全国争百强)."""
    groups = []
    for slogan in slogans:
        if slogan.kind != "quoted":
            continue
        start = slogan.span.start + 1
        pieces, cursor = [], start
        for match in _CLAUSE_SPLIT.finditer(view, start, slogan.span.end - 1):
            pieces.append((cursor, match.start()))
            cursor = match.end()
        pieces.append((cursor, slogan.span.end - 1))
        lengths = {b - a for a, b in pieces}
        if len(pieces) >= 2 and len(lengths) == 1 and 3 <= lengths.pop() <= 7:
            members = tuple(Span(a, b, text[a:b]) for a, b in pieces)
            groups.append(Parallel(members, "slogan", (), members[0].start, members[-1].end, 0.9))
    return groups


def find_slogans(text: str, layout: LayoutMode = "auto") -> tuple[Slogan, ...]:
    """Quoted slogans and numbered formulas in ``text``, in text order."""
    return through_layout(ensure_text(text), layout, _slogans_of)


def _slogans_of(text: str) -> tuple[Slogan, ...]:
    paragraphs = paragraphs_of(text)
    return build_slogans(text, simplified_view(text), sentences_of(text, paragraphs))
