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
from dataclasses import dataclass

from .model import Parallel, Slogan, Span
from .script import simplified_view
from .segment import WHITESPACE, sentences_of, split_paragraphs
from .slogans import build_slogans, slogan_parallels
from .validation import ensure_text

#: groups scoring below this are not reported
MIN_SCORE = 0.55
#: characters that carry little template weight on their own
FUNCTION_CHARS = frozenset("的和与及了等之而并也或在对把为被将从向于以")
#: characters trimmed from both ends of a unit before comparing
TRIM = frozenset(WHITESPACE + "，、；：。！？,;:.!?…—·“”‘’「」『』\"'《》〈〉（）()【】[]")
CONJUNCTIONS = ("以及", "和", "及", "与", "或")
_QUOTES = frozenset('“”‘’「」『』"《》〈〉（）()【】[]')

_SEGMENT_RE = re.compile(r"[，,；;：:。！？!?]+")
_SEMICOLON_RE = re.compile(r"[；;]+")
_FIRST_CLAUSE_RE = re.compile(r"[，,：:；;]")
_PHRASE_RE = re.compile(r"[、､]")
_DIGIT_RE = re.compile(r"[0-9０-９]")


@dataclass(frozen=True)
class Unit:
    """A piece of text: ``start..end`` is the member, ``start..carrier_end`` is compared."""

    start: int
    end: int
    carrier_end: int
    level: str


@dataclass(frozen=True)
class Template:
    prefix: str
    infix: str
    suffix: str
    lead: int  # characters before the template in the first unit

    @property
    def shared(self) -> tuple[str, ...]:
        return tuple(part for part in (self.prefix, self.infix, self.suffix) if part)


# --- units -------------------------------------------------------------------------


def _trimmed(view: str, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start] in TRIM:
        start += 1
    while end > start and view[end - 1] in TRIM:
        end -= 1
    return start, end


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
    runs = []
    for seg_start, seg_end in _pieces(_SEGMENT_RE, view, sentence.start, sentence.end):
        pieces = _pieces(_PHRASE_RE, view, seg_start, seg_end)
        if len(pieces) < 2:
            continue
        # a list item ends at a quotation mark or bracket: 〈送政策、… / “送温暖”等
        first_start, first_end = pieces[0]
        cut = max((i for i in range(first_start, first_end) if view[i] in _QUOTES), default=None)
        if cut is not None:
            pieces[0] = (cut + 1, first_end)
        last_start, last_end = pieces[-1]
        while last_start < last_end and view[last_start] in _QUOTES:
            last_start += 1
        cut = next((i for i in range(last_start, last_end) if view[i] in _QUOTES), None)
        if cut is not None:
            pieces[-1] = last_start, last_end = (last_start, cut)
        for conjunction in CONJUNCTIONS:
            cut = view.find(conjunction, last_start + 2, last_end - 1)
            if cut > 0:
                pieces[-1:] = [(last_start, cut), (cut + len(conjunction), last_end)]
                break
        units = [_unit(view, a, b, "phrase") for a, b in pieces]
        runs.append([u for u in units if u is not None])
    return runs


def clause_units(view: str, sentence: Span) -> list[Unit]:
    """The pieces of a sentence between ，；： (not 、)."""
    pieces = _pieces(_SEGMENT_RE, view, sentence.start, sentence.end)
    return [u for u in (_unit(view, a, b, "clause") for a, b in pieces) if u is not None]


def _first_clause_end(view: str, start: int, end: int) -> int:
    match = _FIRST_CLAUSE_RE.search(view, start, end)
    return match.start() if match else end


def semicolon_units(view: str, sentence: Span) -> list[Unit]:
    """The ；-pieces of a sentence; each is compared (and reported) by its first clause."""
    pieces = _pieces(_SEMICOLON_RE, view, sentence.start, sentence.end)
    if len(pieces) < 2:
        return []
    units = []
    for a, b in pieces:
        a, b = _trimmed(view, a, b)
        carrier = _first_clause_end(view, a, b)
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


def _common_prefix(strings: list[str]) -> str:
    first = min(strings, key=len)
    for i, char in enumerate(first):
        if any(s[i] != char for s in strings):
            return first[:i]
    return first


def _common_suffix(strings: list[str]) -> str:
    return _common_prefix([s[::-1] for s in strings])[::-1]


def _common_infix(strings: list[str]) -> tuple[str, list[int]]:
    """Longest substring in every string (at aligned relative positions), with its positions."""
    shortest = min(strings, key=len)
    for length in range(len(shortest), 0, -1):
        for i in range(len(shortest) - length + 1):
            piece = shortest[i : i + length]
            positions = [s.find(piece) for s in strings]
            if min(positions) < 0:
                continue
            relative = [
                p / max(1, len(s) - length) for p, s in zip(positions, strings, strict=True)
            ]
            if max(relative) - min(relative) <= 0.25 or len(set(positions)) == 1:
                return piece, positions
    return "", []


def find_template(carriers: list[str]) -> Template | None:
    """The template all ``carriers`` share, or None."""
    return _template(carriers)


def _template(carriers: list[str]) -> Template | None:
    prefix = _common_prefix(carriers)
    rest = [c[len(prefix) :] for c in carriers]
    suffix = _common_suffix(rest)
    middles = [r[: len(r) - len(suffix)] if suffix else r for r in rest]
    if any(not m for m in middles):
        # no variation left: the units are (nearly) the same text, not a parallel
        return None
    infix = ""
    if all(len(m) >= 2 for m in middles):
        infix, _ = _common_infix(middles)
        if infix and any(m == infix or m.startswith(infix) or m.endswith(infix) for m in middles):
            infix = infix if not (prefix or suffix) else ""
    if not (prefix or infix or suffix):
        return None
    return Template(prefix, infix, suffix, 0)


def _weight(text: str) -> float:
    weight = 0.0
    for char in text:
        if _DIGIT_RE.match(char) or char.isascii():
            continue
        weight += 0.35 if char in FUNCTION_CHARS else 1.0
    return weight


def score_group(template: Template, carriers: list[str]) -> float:
    """Confidence in 0..1 that the carriers form a parallel group with this template."""
    lengths = [len(c) for c in carriers]
    lengths[0] -= template.lead
    mean = sum(lengths) / len(lengths)
    strength = 1.3 * _weight(template.prefix) + _weight(template.infix) + _weight(template.suffix)
    anchor = 1.0 if template.prefix else 0.8 if template.suffix else 0.5
    coverage = min(1.0, 2 * strength / mean)
    balance = min(lengths) / max(lengths)
    count = min(1.0, (len(carriers) - 1) / 3)
    rhythm = 1.0 if all(n == 4 for n in lengths) else 0.0
    score = 0.35 * anchor + 0.25 * coverage + 0.2 * balance + 0.15 * count + 0.05 * rhythm
    if any(_DIGIT_RE.search(c) for c in carriers):
        score *= 0.6  # lists of statistics repeat words without being rhetoric
    return round(score, 3)


def _acceptable(template: Template, carriers: list[str], level: str) -> bool:
    strength = 1.3 * _weight(template.prefix) + _weight(template.infix) + _weight(template.suffix)
    longest = max(len(c) for c in carriers)
    if strength < 1.0:
        return False
    if level in ("sentence", "semicolon"):
        # whole sentences are parallel by anaphora (在思想上…。在工作上…。)
        if not template.prefix:
            return False
        if strength < 2.0 and not (template.suffix and longest <= 8):
            return False
        if len(carriers) == 2 and (longest > 8 or strength < 0.5 * longest):
            return False
    elif strength < 2.0 and longest > 6 and not template.prefix:
        # a short suffix or infix alone does not hold long units together
        return False
    return score_group(template, carriers) >= MIN_SCORE


# --- groups --------------------------------------------------------------------------


def _carriers(view: str, units: list[Unit]) -> list[str]:
    return [view[u.start : u.carrier_end] for u in units]


def groups_in_run(text: str, view: str, units: list[Unit]) -> list[Parallel]:
    """Maximal runs of adjacent units that share an acceptable template.

    The first unit of a run may carry a lead that is cut off when the rest of
    the run shows where the template starts (工人阶级｜是…，是…，是…;
    四是要｜学习新知识，增长新技能，提高新能力); after a run is found, the unit
    before it may join with a lead cut off and, in 、-lists, the last member
    loses a tail (最现实｜的利益问题入手).
    """
    groups = []
    i = 0
    while i < len(units) - 1:
        best = None
        for j in range(i + 1, len(units)):
            window = units[i : j + 1]
            found = _window_template(view, window)
            if found is None:
                carriers = _carriers(view, window)
                if len(set(carriers)) == 1 and window[0].level == "sentence":
                    continue  # 在思想上，…。在思想上，…。: the same opening, go on
                if j == i + 1 and j + 1 < len(units):
                    continue  # a lead may show only against two followers
                break
            best = (j, *found)
        if best is None:
            i += 1
            continue
        j, window, template = best
        window, template = _extend(view, units, i, j, window, template)
        groups.append(_group(text, view, window, template))
        i = j + 1
    return groups


def _window_template(view: str, window: list[Unit]) -> tuple[list[Unit], Template] | None:
    """The window (its first unit clipped where that fits better) and its acceptable template."""
    level = window[0].level
    carriers = _carriers(view, window)
    options = []
    template = find_template(carriers)
    if template is not None and _acceptable(template, carriers, level):
        options.append((score_group(template, carriers), window, template))
    clipped = _clip_first(view, window, carriers)
    if clipped is not None:
        clipped_carriers = _carriers(view, clipped)
        template = find_template(clipped_carriers)
        if template is not None and _acceptable(template, clipped_carriers, level):
            options.append((score_group(template, clipped_carriers), clipped, template))
    if not options:
        return None
    _, window, template = max(options, key=lambda option: option[0])
    return window, template


def _clip_first(view: str, window: list[Unit], carriers: list[str]) -> list[Unit] | None:
    """The window with a lead cut off its first unit, guided by the units after it."""
    level = window[0].level
    rest = carriers[1:]
    if level == "sentence":
        return None  # sentences are parallel from their first character
    if len(rest) >= 2:
        guide = find_template(rest)
    elif level == "phrase":  # a pair: the second item's opening shows where the first's starts
        position = carriers[0].rfind(rest[0][:2])
        guide = Template(rest[0][:2], "", "", 0) if position > 0 else None
    else:
        return None
    if guide is None:
        return None
    keep = _fit(carriers[0], guide, rest, from_end=True, level=level)
    if keep is None or keep >= len(carriers[0]):
        return None
    clipped = [_clip(window[0], len(carriers[0]) - keep, None), *window[1:]]
    if len(rest) == 1 and len(rest[0]) > 1.5 * keep:  # 因病致贫、因病返贫的情况
        clipped[1] = _clip(clipped[1], 0, len(rest[0]) - keep)
    return clipped


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
    carrier: str, template: Template, others: list[str], from_end: bool, level: str
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
        elif template.suffix and carrier.endswith(template.suffix):
            keep = min(len(carrier), longest)
    elif template.suffix:
        position = carrier.find(template.suffix, max(1, shortest - len(template.suffix) - 1))
        keep = position + len(template.suffix) if position >= 0 else None
    elif template.prefix and carrier.startswith(template.prefix):
        keep = min(len(carrier), longest)
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
        score=score_group(template, carriers),
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
    if group.end <= other.start or other.end <= group.start:
        return False
    return all(any(_overlap(m, o) >= 0.5 for o in other.members) for m in group.members)


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
        for run in phrase_units(view, sentence):
            groups += groups_in_run(text, view, run)
        groups += groups_in_run(text, view, clause_units(view, sentence))
        groups += groups_in_run(text, view, semicolon_units(view, sentence))
    for paragraph_sentences in by_paragraph.values():
        groups += groups_in_run(text, view, sentence_units(view, paragraph_sentences))
    return tuple(_dedupe(groups))


def find_parallels(text: str) -> tuple[Parallel, ...]:
    """Parallel groups (排比 of 3+ members, pairs) in ``text``, in text order."""
    text = ensure_text(text)
    paragraphs = split_paragraphs(text)
    return build_parallels(text, simplified_view(text), paragraphs, sentences_of(text, paragraphs))
