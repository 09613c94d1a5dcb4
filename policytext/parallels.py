"""Parallel structures (排比, paired lines) found by their shared lexical template.

Four kinds of *unit* are compared, each only with its neighbours:

* ``phrase`` — the items of a 、-list (the last split at 和/及/与: 支持改革和积极参与改革);
* ``clause`` — the pieces of a sentence between ，；：;
* ``semicolon`` — the ；-pieces of a sentence, compared by their first clause
  (从X向Y转变，…；从X向Y转变，…);
* ``sentence`` — the sentences of a paragraph, compared by their first clause
  (在思想上，…。在思想上，…。在工作上，…).

A run of adjacent units forms a group when they share a *template* — a common
prefix (送政策、送技能), suffix (协调机制、表达机制), infix at the same place
(进万家门，知万家情) or a frame of these (从…向…转变). The first unit may carry a
lead before the template (工人阶级｜是…，是…，是…). Everything is compared on the
Simplified view, so both scripts give the same groups. ``score`` (0..1) weighs
where the shared material sits (anaphora first), how much of the units it
covers, how balanced their lengths are, how many members there are and the
four-character rhythm; groups below ``MIN_SCORE`` are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from .layout import LayoutMode, strip_bounds, through_layout
from .results import Parallel, Slogan, Span
from .script import simplified_view
from .segment import WHITESPACE, paragraphs_of, sentences_of
from .slogans import build_slogans, slogan_parallels
from .validation import ensure_text

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
_OPENERS_SET = frozenset("“‘「『《〈（(【[")
_CLOSERS_SET = frozenset("”’」』》〉）)】]")
_OPENER_RE = re.compile("[" + re.escape("".join(sorted(_OPENERS_SET))) + "]")
_CLOSER_RE = re.compile("[" + re.escape("".join(sorted(_CLOSERS_SET))) + "]")
_QUOTES = frozenset('“”‘’「」『』"《》〈〉（）()【】[]')

#: the marks a sentence's clauses end with
_SEPARATORS = "，,；;：:。！？!?"
_SEGMENT_RE = re.compile(f"[{re.escape(_SEPARATORS)}]+")
_SEMICOLON_RE = re.compile(r"[；;]+")
_FIRST_CLAUSE_RE = re.compile(r"[，,：:；;]")
_PHRASE_RE = re.compile(r"[、､]")
_DIGIT_RE = re.compile(r"[0-9０-９]")
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


class Template(NamedTuple):
    prefix: str
    infix: str
    suffix: str
    lead: int  # characters before the template in the first unit

    @property
    def shared(self) -> tuple[str, ...]:
        return tuple(part for part in (self.prefix, self.infix, self.suffix) if part)


# --- units -------------------------------------------------------------------------


def _trimmed(view: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` without whitespace and punctuation at either end."""
    return strip_bounds(view, start, end, TRIM)


def _unit(
    view: str, start: int, end: int, level: str, carrier_end: int | None = None
) -> Unit | None:
    start, end = _trimmed(view, start, end)
    if end - start < 2:
        return None
    carrier = end if carrier_end is None else _trimmed(view, start, min(carrier_end, end))[1]
    return Unit(start, end, max(carrier, start + 1), level)


def _pieces(pattern: re.Pattern[str], view: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for match in pattern.finditer(view, start, end):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, end))
    return pieces


def phrase_units(view: str, sentence: Span) -> list[list[Unit]]:
    """The 、-lists of a sentence; the last item is split at a conjunction (A、B和C)."""
    runs: list[list[Unit]] = []
    if _PHRASE_RE.search(view, sentence.start, sentence.end) is None:
        return runs
    for seg_start, seg_end in _pieces(_SEGMENT_RE, view, sentence.start, sentence.end):
        pieces = _pieces(_PHRASE_RE, view, seg_start, seg_end)
        if len(pieces) < 2:
            continue
        # a list starts after an opening mark it is inside of and ends at the closing
        # one: 活动〈送政策、…、送健康〉 / 开展“爱心助学”、“送清凉”、“送温暖”等
        first_start, first_end = pieces[0]
        cut = _unclosed_opener(view, first_start, first_end)
        if cut is not None:
            pieces[0] = (cut + 1, first_end)
        last_start, last_end = pieces[-1]
        while last_start < last_end and view[last_start] in _QUOTES:
            last_start += 1
        cut = _unopened_closer(view, last_start, last_end)
        etc = view.find("等", last_start + 2, last_end)  # 供水、供气、供热等公用事业
        if etc > 0 and (cut is None or etc < cut):
            cut = etc
        if cut is not None:
            pieces[-1] = last_start, last_end = (last_start, cut)
        if _CONJUNCTION_RE.search(view, pieces[0][0], last_end) is None:
            conjunctions: tuple[str, ...] = ()  # the usual case: no A和B to look at
        else:
            conjunctions = CONJUNCTIONS
        for conjunction in conjunctions:
            if any(view.find(conjunction, a, b) >= 0 for a, b in pieces[:-1]):
                break  # items of the form A和B: 整体利益和个人利益、长远利益和当前利益
            cut = view.find(conjunction, last_start + 2, last_end - 1)
            if (
                cut > 0
                and view[cut - 1 : cut + 2] not in NOT_CONJUNCTION
                and view[cut : cut + 2] not in NOT_CONJUNCTION
            ):
                pieces[-1:] = [(last_start, cut), (cut + len(conjunction), last_end)]
                break
        units = [_unit(view, a, b, "phrase") for a, b in pieces]
        runs.append([u for u in units if u is not None])
    return runs


def _unclosed_opener(view: str, start: int, end: int) -> int | None:
    """Position of the last opening mark in ``start..end`` that is not closed there."""
    if _OPENER_RE.search(view, start, end) is None:
        return None
    depth = 0
    for i in range(end - 1, start - 1, -1):
        if view[i] in _CLOSERS_SET:
            depth += 1
        elif view[i] in _OPENERS_SET:
            if depth == 0:
                return i
            depth -= 1
    return None


def _unopened_closer(view: str, start: int, end: int) -> int | None:
    """Position of the first closing mark in ``start..end`` that was not opened there."""
    if _CLOSER_RE.search(view, start, end) is None:
        return None
    depth = 0
    for i in range(start, end):
        if view[i] in _OPENERS_SET:
            depth += 1
        elif view[i] in _CLOSERS_SET:
            if depth == 0:
                return i
            depth -= 1
    return None


def clause_units(view: str, sentence: Span) -> list[Unit]:
    """The pieces of a sentence between ，；： (not 、)."""
    return [
        Unit(m.start(), m.end(), m.end(), "clause")
        for m in _CLAUSE_CORE_RE.finditer(view, sentence.start, sentence.end)
        if m.end() - m.start() >= 2
    ]


def _first_clause_end(view: str, start: int, end: int) -> int:
    match = _FIRST_CLAUSE_RE.search(view, start, end)
    return match.start() if match else end


def semicolon_units(view: str, sentence: Span, whole: bool = False) -> list[Unit]:
    """The ；-pieces of a sentence, compared by their first clause (or ``whole``)."""
    if _SEMICOLON_RE.search(view, sentence.start, sentence.end) is None:
        return []
    pieces = _pieces(_SEMICOLON_RE, view, sentence.start, sentence.end)
    units = []
    for a, b in pieces:
        a, b = _trimmed(view, a, b)
        carrier = b if whole else _first_clause_end(view, a, b)
        unit = _unit(view, a, carrier, "semicolon")
        if unit is not None:
            units.append(unit)
    return units


def sentence_units(view: str, sentences: list[Span]) -> list[Unit]:
    """The sentences of a paragraph, compared by their first clause, reported whole."""
    units = []
    for sentence in sentences:
        start, end = _trimmed(view, sentence.start, sentence.end)
        unit = _unit(view, start, end, "sentence", _first_clause_end(view, start, end))
        if unit is not None:
            units.append(unit)
    return units


# --- templates -----------------------------------------------------------------------

#: one-character words that open parallel clauses (是…，是…; 以…为…; 同…，同…)
LEADING_WORDS = frozenset(
    "是有在以把对向从为使让要就才更最去送同给与被由靠用既也又还都不没无非可能会该应必须将再"
)
#: function characters too weak to hold a pair together on their own
_WEAK_CHARS = FUNCTION_CHARS - LEADING_WORDS
#: correlative openers that pair two adjacent clauses (是…，也是…; 既…，又…)
CORRELATIVES = (("是", "也是"), ("是", "更是"), ("既", "又"), ("既", "也"))
_SECOND_OPENERS = tuple(second for _, second in CORRELATIVES)


def _common_prefix(strings: list[str] | tuple[str, ...]) -> str:
    # the common prefix of the lexicographic extremes is the common prefix of all
    low, high = min(strings), max(strings)
    for i, char in enumerate(low):
        if char != high[i]:
            return low[:i]
    return low


def _common_suffix(strings: list[str] | tuple[str, ...]) -> str:
    if not all(strings) or len({s[-1] for s in strings}) > 1:
        return ""  # the usual case, decided without reversing every string
    return _common_prefix([s[::-1] for s in strings])[::-1]


def _common_infix(strings: list[str]) -> str:
    """Longest substring found in every string at aligned relative positions.

    Each start in the shortest string is grown only while the piece still
    occurs in every other string, so the search costs a few ``str.find`` per
    character instead of one per substring.
    """
    shortest = min(strings, key=len)
    others = [s for s in strings if s is not shortest]
    common = set(shortest).intersection(*others)
    best_piece, best_start = "", len(shortest)
    if not common:
        return ""
    size_limit = len(shortest)
    for i in range(size_limit):
        if size_limit - i <= len(best_piece):
            break  # no longer piece starts here or later
        if shortest[i] not in common:
            continue
        length = 1
        if len(others) == 1:
            other = others[0]
            while i + length < size_limit and shortest[i : i + length + 1] in other:
                length += 1
        else:
            while i + length < size_limit and all(
                shortest[i : i + length + 1] in other for other in others
            ):
                length += 1
        for size in range(length, len(best_piece), -1):
            piece = shortest[i : i + size]
            if _aligned(piece, strings):
                if size > len(best_piece) or (size == len(best_piece) and i < best_start):
                    best_piece, best_start = piece, i
                break
    return best_piece


def _aligned(piece: str, strings: list[str]) -> bool:
    positions = [s.find(piece) for s in strings]
    if len(set(positions)) == 1:
        return True
    spans = zip(positions, strings, strict=True)
    relative = [p / max(1, len(s) - len(piece)) for p, s in spans]
    return max(relative) - min(relative) <= 0.25


def find_template(carriers: list[str], level: str | None = None) -> Template | None:
    """The prefix, infix and suffix all ``carriers`` share (None: nothing, or everything).

    With a ``level``, the infix is not searched where no infix-only template
    could be accepted there (long clauses without a shared opening or ending).
    Results are memoised: a run asks for the same windows more than once.
    """
    return _find_template(tuple(carriers), level)


@lru_cache(maxsize=8192)
def _find_template(carriers: tuple[str, ...], level: str | None) -> Template | None:
    prefix = _common_prefix(carriers)
    rest = [c[len(prefix) :] for c in carriers]
    suffix = _common_suffix(rest)
    middles = [r[: len(r) - len(suffix)] if suffix else r for r in rest]
    if any(not m for m in middles):
        return None  # no variation left: the same text, not a parallel
    hopeless = (
        level in ("clause", "sentence")
        and not (prefix or suffix)
        and max(len(c) for c in carriers) > 12
    )
    infix = _common_infix(middles) if all(len(m) >= 2 for m in middles) and not hopeless else ""
    if not (prefix or infix or suffix):
        return None
    return Template(prefix, infix, suffix, 0)


def _correlative(carriers: list[str]) -> Template | None:
    """是…，也是… / 既…，又…: two clauses opened by paired words."""
    if len(carriers) != 2:
        return None
    for first, second in CORRELATIVES:
        if carriers[0].startswith(first) and carriers[1].startswith(second):
            return Template(first, "", "", 0)
    return None


@lru_cache(maxsize=16384)
def _weight(text: str) -> float:
    """Repeated material's weight: content characters 1, function characters 0.35, rest 0."""
    weight = 0.0
    for char in text:
        if _DIGIT_RE.match(char) or char.isascii() or char in TRIM:
            continue
        weight += 0.35 if char in FUNCTION_CHARS else 1.0
    return weight


def _effective_prefix(template: Template, level: str) -> str:
    """The shared opening, unless it is one character inside different words (工业…，工人…)."""
    prefix = template.prefix
    if len(prefix) == 1 and level != "phrase" and prefix not in LEADING_WORDS:
        return ""
    return prefix


def template_strength(template: Template, carriers: list[str], level: str) -> float:
    """How much repeated material holds the units together (prefix counted 1.3 times)."""
    prefix = _effective_prefix(template, level)
    opening = 1.0 if prefix in LEADING_WORDS else _weight(prefix)  # 向…，向…; 在…中，在…中
    strength = 1.3 * opening + _weight(template.infix) + _weight(template.suffix)
    return max(strength, aligned_strength(carriers))


def aligned_strength(carriers: list[str]) -> float:
    """Weight of the characters that stand at the same places in units of one length.

    争夺是绝对的、长期的；勾结是相对的、暂时的 share 是, 对, 的, 的 slot by slot;
    来势之猛、扩散之快 share 之. Units over 12 characters do not count.
    """
    length = len(carriers[0])
    if length > 12 or any(len(c) != length for c in carriers):
        return 0.0
    count = len(carriers)
    slots = zip(*carriers, strict=True)  # the lengths are equal
    shared = "".join(slot[0] for slot in slots if slot.count(slot[0]) == count)
    weight = _weight(shared)
    if shared and len(shared) < length and weight < 1.0 and len(carriers) >= 3:
        weight = 1.0  # one slot kept in three even units: 来势之猛、扩散之快、影响之深
    return weight


def score_group(
    template: Template, carriers: list[str], level: str = "clause", strength: float | None = None
) -> float:
    """Confidence in 0..1 that the carriers form a parallel group with this template.

    ``strength`` is ``template_strength(template, carriers, level)`` when the caller has it.
    """
    lengths = [len(c) for c in carriers]
    mean = sum(lengths) / len(lengths)
    if strength is None:
        strength = template_strength(template, carriers, level)
    anchor = 1.0 if template.prefix else 0.8 if template.suffix else 0.5
    coverage = min(1.0, 2 * strength / mean)
    shortest, longest = min(lengths), max(lengths)
    balance = shortest / longest
    count = min(1.0, (len(carriers) - 1) / 3)
    rhythm = 1.0 if shortest == longest == 4 else 0.0
    score = 0.35 * anchor + 0.25 * coverage + 0.2 * balance + 0.15 * count + 0.05 * rhythm
    if _DIGIT_RE.search("".join(carriers)) and sum(
        1 for c in carriers if _DIGIT_RE.search(c)
    ) >= max(2, len(carriers) // 2 + 1):
        score *= 0.6  # lists of statistics repeat words without being rhetoric
    return round(score, 3)


def _acceptable(template: Template, carriers: list[str], level: str) -> bool:
    return _accepted_score(template, carriers, level) is not None


def _accepted_score(template: Template, carriers: list[str], level: str) -> float | None:
    """The group's score if the carriers form an acceptable group with this template, else None."""
    strength = template_strength(template, carriers, level)
    if strength < 1.0:
        return None
    if not _accepted(template, carriers, level, strength):
        return None
    return score_group(template, carriers, level, strength)


def _accepted(template: Template, carriers: list[str], level: str, strength: float) -> bool:
    template = Template(_effective_prefix(template, level), template.infix, template.suffix, 0)
    lengths = [len(c) for c in carriers]
    longest = max(lengths)
    if level == "phrase":
        if longest <= 2 and len(carriers) == 2:
            return False  # 电力、电信: two words that share a character
        one_char_head = not (template.prefix or template.infix) and len(template.suffix) == 1
        one_char_opening = not (template.suffix or template.infix) and len(template.prefix) == 1
        if (one_char_head or (one_char_opening and len(carriers) == 2)) and len(set(lengths)) > 1:
            return False  # 林业、畜牧业、渔业; 县委、县政府: one shared character, uneven items
    elif level in ("sentence", "semicolon"):
        if (
            level == "semicolon"
            and len(carriers) == 2
            and longest > 20
            and not (template.suffix or template.infix)
        ):
            return False  # two long ；-pieces alike only at their openings
        # whole sentences are parallel by anaphora (在思想上…。在工作上…。); ；-pieces
        # also by a frame (…所以…，主要是因为…) or one shape (争夺是…的；勾结是…的)
        framed = level == "semicolon" and (
            _weight(template.infix) >= 3 or aligned_strength(carriers) >= 2
        )
        if not template.prefix and not framed:
            return False
        if strength < 2.0 and not (template.suffix and longest <= 8) and not framed:
            return False
        if len(carriers) == 2 and level == "sentence" and (longest > 8 or strength < 0.5 * longest):
            return False
    else:
        if strength < 2.0 and longest > 6 and not template.prefix:
            return False  # a short suffix or infix alone does not hold long clauses together
        if (
            not (template.prefix or template.suffix)
            and longest > 8
            and aligned_strength(carriers) < 2
        ):
            return False  # a word repeated inside long clauses (…维权…，…维权…) is no template
        if len(carriers) == 2 and carriers[1].startswith("是") and "是" not in carriers[0]:
            return False  # 民生问题，是…的根本问题: a subject and its predicate
        if len(carriers) == 2 and min(lengths) / longest < 0.35:
            return False
        unanchored = not (template.prefix or template.suffix)
        if len(carriers) == 2 and unanchored and aligned_strength(carriers) < 2:
            return False  # two clauses sharing a term in their middles: a repeated word
        if not template.prefix and len(carriers) == 2 and strength < 2.0:
            return False
    return score_group(template, carriers, level, strength) >= MIN_SCORE


# --- groups --------------------------------------------------------------------------


def _carriers(view: str, units: list[Unit]) -> list[str]:
    return [view[u.start : u.carrier_end] for u in units]


def groups_in_run(text: str, view: str, units: list[Unit]) -> list[Parallel]:
    """Maximal runs of adjacent units that share an acceptable template.

    A run grows unit by unit while its shared material holds (it stops where
    the shared opening would lose a word: 我们要… ×3, then 我们愿意). The
    first unit may carry a lead and, in
    、-lists, the last a tail; both are cut off where the other members show
    the template (努力把军队｜革命化、现代化、正规化｜建设…).
    """
    groups: list[Parallel] = []
    if len(units) < 2:
        return groups
    every_carrier = _carriers(view, units)
    char_sets = [set(carrier) for carrier in every_carrier]
    level = units[0].level  # a run holds units of one level
    may_be_hopeless = level in ("clause", "sentence", "semicolon")
    i = 0
    while i < len(units) - 1:
        best = None
        common = char_sets[i]
        for j in range(i + 1, min(len(units), i + MAX_MEMBERS)):
            carriers = every_carrier[i : j + 1]
            common = common & char_sets[j]  # the characters every carrier of the window has
            if (not common and _unsharable(carriers, level)) or (
                may_be_hopeless and _hopeless(carriers, level)
            ):
                found = None  # cheap tests spare the template search (same results)
            else:
                window = units[i : j + 1]
                found = _window_template(view, window, carriers, best[2].prefix if best else "")
            if found is None:
                if level == "sentence" and len(set(carriers)) == 1:
                    continue  # 在思想上，…。在思想上，…。: the same opening, go on
                if j == i + 1 and j + 1 < len(units):
                    continue  # a lead, or a pair too weak alone, may show against two followers
                break
            if best is not None and j - i >= 3 and _loses_word(best[2].prefix, found[1].prefix):
                break  # the shared opening loses a word: 我们要…我们要…我们愿意
            best = (j, *found)
        if best is None:
            i += 1
            continue
        j, window, template = best
        window, template = _extend(view, units, i, j, window, template)
        window, template = _drop_subject(view, window, template)
        groups.append(_group(text, view, window, template))
        i = j + 1
    return groups


def _unsharable(carriers: list[str], level: str) -> bool:
    """No reading of these carriers, which have no character in common, can have a template.

    Every reading ``_window_template`` tries cuts a lead or a tail off a
    carrier, so it keeps only parts of them: with no character common to all,
    none shares a prefix, infix or suffix. Only a correlative pair (既…，又…)
    needs none: its second clause opens with 又/也/也是/更是 and the first holds
    the 既/是 that pairs with it.
    """
    if level in ("clause", "semicolon") and len(carriers) == 2:
        return not _correlative_possible(*carriers)
    return True


def _correlative_possible(first: str, second: str) -> bool:
    """The second opens with 又/也/也是/更是 and the first holds its 既/是 (maybe after a lead)."""
    return second.startswith(_SECOND_OPENERS) and any(
        second.startswith(b) and a in first for a, b in CORRELATIVES
    )


def _loses_word(before: str, after: str) -> bool:
    """Whether a shrinking shared prefix drops a function word (要 of 我们要), not a word's tail."""
    dropped = before[len(after) :] if before.startswith(after) else ""
    return any(c in LEADING_WORDS or c in FUNCTION_CHARS for c in dropped)


def _drop_subject(view: str, window: list[Unit], template: Template) -> tuple[list[Unit], Template]:
    """社会主义社会的主要矛盾，是A的矛盾，B的矛盾: a subject before 是 is not a member."""
    carriers = _carriers(view, window)
    if len(window) >= 3 and carriers[1].startswith("是") and "是" not in carriers[0]:
        rest = window[1:]
        new = find_template(_carriers(view, rest))
        if new is not None and _acceptable(new, _carriers(view, rest), rest[0].level):
            return rest, new
    return window, template


def _could_join(first: str, rest: Template) -> bool:
    """Whether a unit could share (a part of) the template of the units after it."""
    if rest.prefix:
        return rest.prefix[0] in first
    if rest.suffix:
        return first.endswith(rest.suffix[-1])
    return any(char in first for char in rest.infix)


def _hopeless(carriers: list[str], level: str) -> bool:
    """A cheap test that no reading of these clauses, ；-pieces or sentences has a template.

    ``groups_in_run`` asks it before the costly template search, so it must
    only answer yes where every reading ``_window_template`` tries fails
    (``test_skipped_windows_have_no_template`` checks this; on every document of
    the shared corpora the groups are the same with and without it).

    Sentences must open alike, and a pair of them with first clauses of at
    most 8 characters. Two clauses must share an opening (two
    characters, or one leading word), an ending, or a shape (one length and
    two characters slot by slot), or else the first must hold where a lead
    would be cut off: the 既/是 of a correlative, or the second's opening
    leading word (是, 以, 有了…). Two ；-pieces likewise, except that a shared
    ending does not count and three characters in common (a frame) do.
    Longer runs of clauses need the clauses after the first to share an
    opening or an ending, or to be short.
    """
    if level == "sentence":  # a pair of sentences opens with a short first clause
        return len({c[0] for c in carriers}) > 1 or (
            len(carriers) == 2 and max(len(c) for c in carriers) > 8
        )
    if level == "semicolon":
        if len(carriers) > 2:
            return False
    elif len({c[-1] for c in carriers}) == 1:
        return False  # clauses may share an ending; ；-pieces need an opening or a frame
    first, rest = carriers[0], carriers[1:]
    if len(rest) > 1:  # the first may lose a lead; the others must share something
        if len({c[0] for c in rest}) == 1:
            return False
        lengths = {len(c) for c in rest}
        return not (max(lengths) <= 8 or (len(lengths) == 1 and max(lengths) <= 12))
    second = rest[0]
    if first[:2] == second[:2] or (first[0] == second[0] and first[0] in LEADING_WORDS):
        return False  # a one-character opening counts only as a leading word (工业…，工人…)
    if len(first) == len(second) <= 12 and aligned_strength(carriers) >= 2:
        return False  # one shape, compared slot by slot
    if level == "semicolon" and _share_piece(first, second, 3):
        return False  # a frame: …所以…，主要是因为…
    if _correlative_possible(first, second):
        return False  # 既…，又…, also after a lead: 城镇化｜是…，也是…
    # else only a lead cut off the first can help, where the second's opening shows:
    # 发展｜是硬道理，是…; 要坚持｜以…，以…; …共和国｜更加巩固，更加强大了
    opener = second[0]
    if opener in "是既":
        return first.find(opener) <= 0
    return not (
        opener in LEADING_WORDS and (0 < first.find(opener) <= 3 or first.find(second[:2]) > 0)
    )


def _share_piece(first: str, second: str, size: int) -> bool:
    """Whether the two strings have a common substring of ``size`` characters."""
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    return any(short[k : k + size] in long for k in range(len(short) - size + 1))


def _window_template(
    view: str, window: list[Unit], window_carriers: list[str], keep_prefix: str = ""
) -> tuple[list[Unit], Template] | None:
    """The window (ends clipped where that fits better) and its acceptable template.

    ``window_carriers`` are the window's carriers. Among the readings, those
    that keep the run's shared opening so far (``keep_prefix``) come first.
    """
    level = window[0].level
    options = []
    candidates = [window, _clip_first(view, window, window_carriers)]
    if level == "phrase":
        candidates += _clip_ends(view, window, window_carriers)
        candidates.append(_clip_last(view, window, window_carriers))
    for candidate in candidates:
        if candidate is None:
            continue
        carriers = window_carriers if candidate is window else _carriers(view, candidate)
        template = find_template(carriers, level)
        score = None if template is None else _accepted_score(template, carriers, level)
        if score is not None:
            options.append((score, candidate, template))
        elif level in ("clause", "semicolon") and (correlative := _correlative(carriers)):
            options.append((0.6, candidate, correlative))
    if not options:
        return None
    kept = [o for o in options if o[2].prefix.startswith(keep_prefix)] if keep_prefix else []
    _, window, template = max(kept or options, key=lambda option: option[0])
    return window, template


def _clip_first(view: str, window: list[Unit], carriers: list[str]) -> list[Unit] | None:
    """The window with a lead cut off its first unit, guided by the units after it."""
    level = window[0].level
    if level == "sentence":
        return None  # sentences are parallel from their first character
    rest = carriers[1:]
    guides: list[Template] = []
    if len(rest) >= 2:
        guide = find_template(rest)
        if guide is not None:  # the lead ends where the shared opening starts
            guides.append(Template(guide.prefix, "", "", 0) if guide.prefix else guide)
            if len(guide.prefix) > 1 and guide.prefix[0] in LEADING_WORDS:
                guides.append(Template(guide.prefix[0], "", "", 0))
    elif level == "phrase":  # a pair: the second item's opening shows where the first's starts
        guides += [Template(rest[0][:n], "", "", 0) for n in (2, 1) if len(rest[0]) > n]
        if len(rest[0]) > 2 and carriers[0].endswith(
            rest[0][-2:]
        ):  # 一切形式的｜单边主义、保护主义
            guides.append(Template("", "", rest[0][-2:], 0))
    else:  # a subject before the copula: 城镇化｜是…，也是…; 发展｜是硬道理，是…
        guides += [Template(a, "", "", 0) for a, b in CORRELATIVES if rest[0].startswith(b)]
        if rest[0][0] in "是既":  # the copula, or the opener of a 既…又… frame
            guides.append(Template(rest[0][0], "", "", 0))
        elif (
            rest[0][0] in LEADING_WORDS and 0 < carriers[0].find(rest[0][0]) <= 3
        ):  # 要坚持｜以…，以…
            guides.append(Template(rest[0][0], "", "", 0))
        elif (
            rest[0][0] in LEADING_WORDS and carriers[0].find(rest[0][:2]) > 0
        ):  # …建设｜有了…，有了…
            guides.append(Template(rest[0][:2], "", "", 0))
    for guide in guides:
        if not (guide.prefix or guide.infix or guide.suffix):  # a rhythm guide: keep its length
            keep = guide.lead
        else:
            keep = _fit(carriers[0], guide, rest, from_end=True, level=level)
        if keep is None or keep >= len(carriers[0]):
            continue
        if len(guide.prefix) == 1 and level == "phrase" and len(carriers[0]) - keep < 2:
            continue  # 碳｜排放权: a one-character lead is part of the word
        clipped = [_clip(window[0], len(carriers[0]) - keep, None), *window[1:]]
        second = rest[0]
        long_second = len(rest) == 1 and level == "phrase" and len(second) > 1.5 * keep
        if long_second and (second[keep] in FUNCTION_CHARS or second[keep] in "等相"):
            clipped[1] = _clip(clipped[1], 0, len(second) - keep)  # 因病返贫｜的情况
        return clipped
    return None


def _clip_last(view: str, window: list[Unit], carriers: list[str]) -> list[Unit] | None:
    """A 、-list whose last item runs on past a particle: 有市场、有效益｜的速度."""
    if window[0].level != "phrase":
        return None
    last, longest = carriers[-1], max(len(c) for c in carriers[:-1])
    if len(last) <= 1.5 * longest:
        return None
    cut = next((k for k in range(2, len(last)) if last[k] in "的等"), None)
    if cut is None or cut > longest + 2:
        return None
    return [*window[:-1], _clip(window[-1], 0, len(last) - cut)]


def _clip_ends(view: str, window: list[Unit], carriers: list[str]) -> list[list[Unit]]:
    """Windows of a 、-list with the first unit's lead and the last unit's tail cut off.

    The inner members show the template: their shared prefix or suffix, or a
    single inner member's first or last one or two characters.
    """
    if window[0].level != "phrase" or len(window) < 3:
        return []
    inner = carriers[1:-1]
    if len(inner) >= 2:
        template = find_template(inner)
        guides = [template] if template is not None else []
    else:
        unit = inner[0]
        guides = [Template(unit[:n], "", "", 0) for n in (1, 2) if len(unit) > n]
        guides += [Template("", "", unit[-n:], 0) for n in (1, 2) if len(unit) > n]
    windows = []
    for guide in guides:
        first = _fit(carriers[0], guide, inner, from_end=True, level="phrase", trusted=True)
        last = _fit(carriers[-1], guide, inner, from_end=False, level="phrase", trusted=True)
        if first is None and not carriers[0].startswith(guide.prefix or carriers[0][:1]):
            continue
        clipped = list(window)
        if first is not None and first < len(carriers[0]):
            clipped[0] = _clip(window[0], len(carriers[0]) - first, None)
        if last is not None and last < len(carriers[-1]):
            clipped[-1] = _clip(window[-1], 0, len(carriers[-1]) - last)
        if clipped != window:
            windows.append(clipped)
    return windows


def _extend(
    view: str, units: list[Unit], i: int, j: int, window: list[Unit], template: Template
) -> tuple[list[Unit], Template]:
    level = window[0].level
    carriers = _carriers(view, window)
    if level == "phrase":  # the last item of a 、-list may run on: 最现实的利益问题入手
        keep = _fit(carriers[-1], template, carriers[:-1], from_end=False, level=level)
        if keep is not None and keep < len(carriers[-1]):
            window[-1] = _clip(window[-1], 0, len(carriers[-1]) - keep)
            carriers[-1] = carriers[-1][:keep]
    if i > 0 and units[i - 1].level == level and window[0].start == units[i].start:
        previous = units[i - 1]
        carrier = view[previous.start : previous.carrier_end]
        keep = _fit(carrier, template, carriers, from_end=True, level=level)
        if keep is not None and level != "sentence":
            candidate = [_clip(previous, len(carrier) - keep, None), *window]
            new = find_template(_carriers(view, candidate))
            if new is not None and _acceptable(new, _carriers(view, candidate), level):
                window, template = candidate, new
    if level == "phrase" and j + 1 < len(units):
        following = units[j + 1]
        carrier = view[following.start : following.carrier_end]
        keep = _fit(carrier, template, carriers, from_end=False, level=level)
        if keep is not None:
            candidate = [*window, _clip(following, 0, len(carrier) - keep)]
            new = find_template(_carriers(view, candidate))
            if new is not None and _acceptable(new, _carriers(view, candidate), level):
                window, template = candidate, new
    return window, template


def _fit(
    carrier: str,
    template: Template,
    others: list[str],
    from_end: bool,
    level: str,
    trusted: bool = False,
) -> int | None:
    """How many characters of ``carrier`` to keep so that it fits ``template``.

    ``from_end`` keeps the end of the carrier (a lead is cut off), otherwise
    its start (a tail is cut off). None when the template does not fit.
    """
    lengths = [len(o) for o in others]
    longest, shortest = max(lengths), min(lengths)
    keep: int | None = None
    if from_end:
        if template.prefix:
            find = carrier.rfind if level == "phrase" else carrier.find
            position = find(template.prefix)
            keep = len(carrier) - position if position > 0 else None
        elif template.infix and not template.suffix:
            # the infix sits at the same place as in the other members: 真正做到｜进万家门
            position = carrier.rfind(template.infix)
            offsets = {o.find(template.infix) for o in others}
            if position > 0 and len(offsets) == 1 and shortest == longest:
                lead = position - offsets.pop()
                keep = len(carrier) - lead if lead > 0 else None
        elif level == "phrase" and template.suffix and carrier.endswith(template.suffix):
            keep = min(len(carrier), longest)
            # cut only after a particle (科学有效的｜利益协调机制) or to the others' common length
            even = (len(others) >= 2 or trusted) and shortest == longest
            if keep < len(carrier) and not (carrier[-keep - 1] in FUNCTION_CHARS or even):
                keep = None
    elif template.suffix:
        position = carrier.find(template.suffix, max(1, shortest - len(template.suffix) - 1))
        keep = position + len(template.suffix) if position >= 0 else None
    elif template.prefix and carrier.startswith(template.prefix):
        keep = min(len(carrier), longest)
        # cut only before a particle (最现实｜的利益问题) or to the others' common length
        even = len(others) >= 2 and shortest == longest
        if keep < len(carrier) and not (
            carrier[keep] in FUNCTION_CHARS or carrier[keep] in "等相" or even
        ):
            keep = None
    limit = 2 * longest if level != "phrase" else max(1.5 * longest, longest + 2)
    if keep is None or keep < 2 or keep > limit:
        return None
    piece = carrier[-keep:] if from_end else carrier[:keep]
    if template.infix and template.infix not in piece:
        return None
    return keep


def _clip(unit: Unit, lead: int, tail: int | None) -> Unit:
    """``unit`` without ``lead`` characters at its start and ``tail`` at its carrier's end."""
    start = unit.start + lead
    carrier_end = unit.carrier_end - (tail or 0)
    end = unit.end if unit.level == "sentence" else carrier_end
    return Unit(start, end, carrier_end, unit.level)


def _group(text: str, view: str, units: list[Unit], template: Template) -> Parallel:
    carriers = _carriers(view, units)
    members = []
    for unit in units:
        end = unit.end if unit.level == "sentence" else unit.carrier_end
        members.append(Span(unit.start, end, text[unit.start : end]))
    kind = "parallelism" if len(members) >= 3 else "pair"
    return Parallel(
        members=tuple(members),
        kind=kind,
        shared=template.shared,
        start=members[0].start,
        end=members[-1].end,
        score=score_group(template, carriers, units[0].level)
        if template.prefix or template.infix or template.suffix
        else 0.6,
    )


def _minimal_members(text: str, view: str, group: Parallel) -> Parallel:
    """Shrink ；-piece members to their first clauses when those carry all the shared material."""
    firsts = [_first_clause_end(view, m.start, m.end) for m in group.members]
    heads = [view[m.start : end] for m, end in zip(group.members, firsts, strict=True)]
    if all(end == m.end for m, end in zip(group.members, firsts, strict=True)):
        return group
    if not all(h.startswith(group.shared[0]) for h in heads) or any(
        part not in h for part in group.shared[1:] for h in heads
    ):
        return group
    members = tuple(
        Span(m.start, e, text[m.start : e]) for m, e in zip(group.members, firsts, strict=True)
    )
    return Parallel(
        members, group.kind, group.shared, members[0].start, members[-1].end, group.score
    )


def _dedupe(groups: list[Parallel]) -> list[Parallel]:
    """Drop a group whose members repeat members of a larger or better group.

    The same list is often found at two levels (a 、-list that is also a run
    of clauses); a group nested inside one member of another (去思考、去把握 inside
    a sentence of a sentence-level group) is kept.
    """
    kept: list[Parallel] = []
    for group in sorted(groups, key=lambda g: (-len(g.members), -g.score, g.start)):
        if any(_repeats(group, other) for other in kept):
            continue
        kept.append(group)
    return sorted(kept, key=lambda g: (g.start, g.end))


def _overlap(a: Span, b: Span) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return max(0, inter) / (max(a.end, b.end) - min(a.start, b.start))


def _repeats(group: Parallel, other: Parallel) -> bool:
    """Each member of ``group`` is, holds or lies in a different member of ``other``.

    A group nested inside one member of another (去思考、去把握 inside one
    sentence of a sentence-level group) is not a repeat.
    """
    if group.end <= other.start or other.end <= group.start:
        return False
    used: set[int] = set()
    for member in group.members:
        match = next(
            (
                k
                for k, o in enumerate(other.members)
                if k not in used
                and (
                    _overlap(member, o) >= 0.5
                    or (member.start <= o.start and o.end <= member.end)
                    or (o.start <= member.start and member.end <= o.end)
                )
            ),
            None,
        )
        if match is None:
            return False
        used.add(match)
    return True


def build_parallels(
    text: str,
    view: str,
    paragraphs: tuple[Span, ...],
    sentences: tuple[Span, ...],
    slogans: tuple[Slogan, ...] | None = None,
) -> tuple[Parallel, ...]:
    """Parallel groups of ``text`` from its Simplified view, paragraphs, sentences, slogans."""
    if slogans is None:
        slogans = build_slogans(text, view, sentences)
    groups: list[Parallel] = slogan_parallels(text, view, slogans)
    by_paragraph: dict[int, list[Span]] = {}
    paragraph_index = 0
    for sentence in sentences:
        while paragraphs[paragraph_index].end < sentence.end:
            paragraph_index += 1
        by_paragraph.setdefault(paragraph_index, []).append(sentence)
    result: list[Parallel] = []
    slogan_groups = {id(g) for g in groups}
    groups.sort(key=lambda g: g.start)
    group_starts = [g.start for g in groups]
    for index, paragraph_sentences in by_paragraph.items():
        paragraph = paragraphs[index]
        found = groups[
            bisect_left(group_starts, paragraph.start) : bisect_left(group_starts, paragraph.end)
        ]
        for sentence in paragraph_sentences:
            for run in phrase_units(view, sentence):
                found += groups_in_run(text, view, run)
            found += groups_in_run(text, view, clause_units(view, sentence))
            leads = semicolon_units(view, sentence)
            if len(leads) >= 3:  # 从…转变，…；从…转变，…；…: first clauses count from three pieces
                found += [g for g in groups_in_run(text, view, leads) if len(g.members) >= 3]
            whole_runs = groups_in_run(text, view, semicolon_units(view, sentence, whole=True))
            found += [_minimal_members(text, view, g) for g in whole_runs]
        found += groups_in_run(text, view, sentence_units(view, paragraph_sentences))
        result += _dedupe(found)
        slogan_groups -= {id(g) for g in found}
    result += [g for g in groups if id(g) in slogan_groups]
    return tuple(sorted(result, key=lambda g: (g.start, g.end)))


def find_parallels(text: str, layout: LayoutMode = "auto") -> tuple[Parallel, ...]:
    """Parallel groups (排比 of 3+ members, pairs) in ``text``, in text order."""
    return through_layout(ensure_text(text), layout, _parallels_of)


def _parallels_of(text: str) -> tuple[Parallel, ...]:
    paragraphs = paragraphs_of(text)
    return build_parallels(text, simplified_view(text), paragraphs, sentences_of(text, paragraphs))
