"""Templates: the material a run of units shares (prefix, infix, suffix), and its weight."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .units import (
    _DIGIT_RE,
    _NEW_TUPLE,
    FUNCTION_CHARS,
    TRIM,
    compiled_kernel,
)


class Template(NamedTuple):
    prefix: str
    infix: str
    suffix: str
    lead: int  # characters before the template in the first unit

    @property
    def shared(self) -> tuple[str, ...]:
        return tuple(part for part in (self.prefix, self.infix, self.suffix) if part)


def new_template(prefix: str, infix: str, suffix: str, lead: int) -> Template:
    """``Template(prefix, infix, suffix, lead)``, built without the ``__new__`` NamedTuple
    writes in Python (a frame of the interpreter per template, also in the compiled twins)."""
    return _NEW_TUPLE(Template, (prefix, infix, suffix, lead))


if (_TUPLE_MAKER := compiled_kernel("tuple_maker")) is not None:
    new_template = _TUPLE_MAKER(Template)  # the same Template as defined above, in one step


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
    character instead of one per substring; a start is tried only when a
    longer piece than the best so far can begin there.
    """
    shortest = min(strings, key=len)
    others = [s for s in strings if s is not shortest]
    common = set(shortest).intersection(*others)
    if not common:
        return ""
    best_piece = ""
    best = 0  # len(best_piece)
    size_limit = len(shortest)
    single = others[0] if len(others) == 1 else None
    for i in range(size_limit):
        if size_limit - i <= best:
            break  # no longer piece starts here or later
        if shortest[i] not in common:
            continue
        length = 1
        if single is not None:
            while i + length < size_limit and shortest[i : i + length + 1] in single:
                length += 1
        else:
            while i + length < size_limit and all(
                shortest[i : i + length + 1] in other for other in others
            ):
                length += 1
        for size in range(length, best, -1):
            piece = shortest[i : i + size]
            if _aligned(piece, strings):
                best_piece, best = piece, size
                break
    return best_piece


def _aligned(piece: str, strings: list[str]) -> bool:
    """Whether ``piece`` first occurs at one place, or at relative places within 0.25, in all."""
    first = strings[0].find(piece)
    if all(string.find(piece) == first for string in strings[1:]):
        return True  # stops at the first string where it differs
    relative = [s.find(piece) / max(1, len(s) - len(piece)) for s in strings]
    return max(relative) - min(relative) <= 0.25


def find_template(carriers: list[str], level: str | None = None) -> Template | None:
    """The prefix, infix and suffix all ``carriers`` share (None: nothing, or everything).

    With a ``level``, the infix is not searched where no infix-only template
    could be accepted there (long clauses without a shared opening or ending).
    Results are memoised: a run asks for the same windows more than once.
    """
    return _find_template(tuple(carriers), level)


@lru_cache(maxsize=1024)
def _find_template(carriers: tuple[str, ...], level: str | None) -> Template | None:
    parts = _template_parts(carriers, level)
    return None if parts is None else new_template(*parts, 0)


def template_parts(carriers: tuple[str, ...], level: str | None) -> tuple[str, str, str] | None:
    """``(prefix, infix, suffix)`` all ``carriers`` share, or None: the definition that
    the compiled kernel ``policytext._parcore.template_parts`` follows, used where it
    was not built (``tests/test_parallel_kernel.py`` checks that both agree)."""
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
        and not (level == "clause" and slot_piece(carriers))
    )
    infix = _common_infix(middles) if all(len(m) >= 2 for m in middles) and not hopeless else ""
    if not (prefix or infix or suffix):
        return None
    return prefix, infix, suffix


#: the compiled kernel's ``template_parts`` where it was built, else the definition above
_template_parts = compiled_kernel("template_parts") or template_parts


#: the furthest a shared object starts from its clause's opening (开展｜智能传感器…)
VERB_SLOT = 4


def slot_piece(carriers: list[str] | tuple[str, ...], least: int = 3) -> bool:
    """``least`` or more carriers hold one piece of three characters at one place, 1 to
    ``VERB_SLOT`` characters in (a cheap test that ``rule_verb_slot`` may hold)."""
    if len(carriers) < least:
        return False
    first, rest = carriers[0], carriers[1:]
    for k in range(1, VERB_SLOT + 1):
        piece = first[k : k + 3]
        if len(piece) < 3:
            return False  # nor at any later place
        for carrier in rest:  # loops, not all(): the compiled twin makes no generator
            if carrier[k : k + 3] != piece:
                break
        else:
            return True
    return False


def rule_verb_slot(template: Template, carriers: list[str]) -> bool:
    """Clauses that vary an opening verb before one shared object: 开展智能传感器核心技术攻关，
    推动智能传感器产业链上下游协同发展，提升智能传感器产业链整体竞争力.

    Three or more clauses; no shared opening; the infix has three content characters or
    more and starts at one place, 1 to ``VERB_SLOT`` characters in, in every clause.
    Not: 加快推进数字化 ×2 (two clauses); 发展…数字经济… at different places.
    """
    if len(carriers) < 3 or template.prefix:
        return False
    if _weight(template.infix) < 3:
        return rule_two_character_slot(template, carriers)
    offsets = {c.find(template.infix) for c in carriers}
    return len(offsets) == 1 and 0 < min(offsets) <= VERB_SLOT


#: the longest clause a two-character verb slot holds (丰富服务种类，提升服务质量，…)
SHORT_SLOT_CLAUSE = 12


def rule_two_character_slot(template: Template, carriers: list[str]) -> bool:
    """Three or more short clauses that open with a two-character verb, each a different
    one, before one shared two-character object: 丰富服务种类，提升服务质量，实现服务的
    流程化标准化. Not: two clauses; a shared opening verb; long clauses; an object of
    function characters (…的一…). The slot is a frame: the object weighs as an opening.
    """
    return (
        len(carriers) >= 3
        and not template.prefix
        and len(template.infix) == 2
        and all(c.find(template.infix) == 2 for c in carriers)
        and _weight(template.infix) >= 2
        and len({c[:2] for c in carriers}) == len(carriers)
        and max(len(c) for c in carriers) <= SHORT_SLOT_CLAUSE
    )


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


def template_strength(
    template: Template, carriers: list[str], level: str, aligned: float | None = None
) -> float:
    """How much repeated material holds the units together (prefix counted 1.3 times).

    ``aligned`` is ``aligned_strength(carriers)`` when the caller has it.
    """
    prefix = _effective_prefix(template, level)
    opening = 1.0 if prefix in LEADING_WORDS else _weight(prefix)  # 向…，向…; 在…中，在…中
    strength = 1.3 * opening
    if template.infix:  # an empty part weighs 0.0: no call to ask
        strength += _weight(template.infix)
    if template.suffix:
        strength += _weight(template.suffix)
    if aligned is None:
        aligned = aligned_strength(carriers)
    return aligned if aligned > strength else strength  # max(strength, aligned)


#: the longest units ``aligned_strength`` compares slot by slot
ALIGNED_LONGEST = 12


def aligned_strength(carriers: list[str]) -> float:
    """Weight of the characters that stand at the same places in units of one length.

    争夺是绝对的、长期的；勾结是相对的、暂时的 share 是, 对, 的, 的 slot by slot;
    来势之猛、扩散之快 share 之. Units over ``ALIGNED_LONGEST`` characters do not count.
    """
    if _ALIGNED_SHARED is None:
        shared = aligned_shared(carriers, ALIGNED_LONGEST)
    else:
        shared = _ALIGNED_SHARED(carriers, ALIGNED_LONGEST)  # the same, in the kernel
    if shared is None:
        return 0.0
    weight = _weight(shared)
    if shared and len(shared) < len(carriers[0]) and weight < 1.0 and len(carriers) >= 3:
        weight = 1.0  # one slot kept in three even units: 来势之猛、扩散之快、影响之深
    return weight


def aligned_shared(carriers: list[str], longest: int) -> str | None:
    """The characters every carrier holds at the same place, in order, where all are of one
    length of at most ``longest``; None otherwise: the definition that the kernel's
    ``aligned_shared`` follows (``tests/test_parallel_kernel.py``)."""
    length = len(carriers[0])
    if length > longest:
        return None
    for carrier in carriers:  # a loop, not any(): the compiled twin makes no generator
        if len(carrier) != length:
            return None
    count = len(carriers)
    slots = zip(*carriers, strict=True)  # the lengths are equal
    return "".join([slot[0] for slot in slots if slot.count(slot[0]) == count])


_ALIGNED_SHARED = compiled_kernel("aligned_shared")
