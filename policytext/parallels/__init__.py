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

from ..layout import LayoutMode, through_layout
from ..results import Parallel
from ..script import simplified_view
from ..segment import paragraphs_of, sentences_of
from ..validation import ensure_text
from .genre import report_probability
from .grouping import (
    _hopeless,
    _unsharable,
    _window_template,
    build_parallels,
    groups_in_run,
)
from .rules import (
    score_group,
)
from .scoring import (
    GENRES,
    MinScore,
    default_min_score,
    genre_min_score,
    group_score,
    resolve_min_score,
)
from .templates import (
    Template,
    _find_template,
    _weight,
    find_template,
)
from .units import (
    _SEGMENT_RE,
    MAX_MEMBERS,
    MIN_SCORE,
    Unit,
    _pieces,
    _unit,
    clause_units,
    phrase_units,
    semicolon_units,
    sentence_units,
)


def find_parallels(
    text: str, layout: LayoutMode = "auto", min_score: MinScore = None
) -> tuple[Parallel, ...]:
    """Parallel groups (排比 of 3+ members, pairs) in ``text``, in text order.

    Precision first: groups whose calibrated ``score`` is below ``min_score`` are left
    out; each group's score reads the calibration bands of the kind of text its paragraph
    reads as (:func:`report_probability`: a report or a normative document), so one
    threshold means the same precision in both; by default the documented threshold
    (:func:`default_min_score`),
    ``min_score="normative"`` or ``"report"`` the threshold calibrated on that kind of
    text (:func:`genre_min_score`), and ``min_score=0.0`` returns every group the rules
    accept.
    """
    threshold = resolve_min_score(min_score)
    return through_layout(
        ensure_text(text), layout, lambda reading: _parallels_of(reading, threshold)
    )


def _parallels_of(text: str, min_score: float | None = None) -> tuple[Parallel, ...]:
    paragraphs = paragraphs_of(text)
    return build_parallels(
        text,
        simplified_view(text),
        paragraphs,
        sentences_of(text, paragraphs),
        min_score=min_score,
    )


__all__ = [
    "GENRES",
    "MAX_MEMBERS",
    "MIN_SCORE",
    "_SEGMENT_RE",
    "MinScore",
    "Template",
    "Unit",
    "_find_template",
    "_hopeless",
    "_pieces",
    "_unit",
    "_unsharable",
    "_weight",
    "_window_template",
    "build_parallels",
    "clause_units",
    "default_min_score",
    "find_parallels",
    "find_template",
    "genre_min_score",
    "group_score",
    "groups_in_run",
    "phrase_units",
    "report_probability",
    "resolve_min_score",
    "score_group",
    "semicolon_units",
    "sentence_units",
]
