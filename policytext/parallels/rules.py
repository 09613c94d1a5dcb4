"""Rules: whether a run of units with a template is a parallel group, and its score."""

from __future__ import annotations

from .templates import (
    Template,
    _effective_prefix,
    _weight,
    aligned_strength,
    template_strength,
)
from .units import (
    _DIGIT_RE,
    MIN_SCORE,
)


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
