"""Grouping: runs of adjacent units with an accepted template, their edges, and deduplication."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise

from ..results import Parallel, Slogan, Span, new_parallel, span_of
from ..slogans import build_slogans, slogan_parallels
from ..vocabulary import (
    BRACKET_MARKS,
    BRACKETS,
    CLOSERS,
    COLONS,
    INDEFINITE_QUANTIFIERS,
    ITEM_EDGES,
    LINE_BREAKS,
    PREPOSITIONS,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
)
from .genre import ParagraphGenres
from .rules import (
    ELABORATION_LEADS,
    HEAD_LONGEST,
    UNEVEN_SUFFIXES,
    _acceptable,
    _accepted_score,
    at_clause_edge,
    heads_alike,
    linked_member_at,
    rule_abbreviated_names,
    rule_audited_pair,
    rule_body_list,
    rule_case_frame,
    rule_clause_lead_pair,
    rule_clause_run_on_pair,
    rule_collective_list,
    rule_compass_regions,
    rule_designation_list,
    rule_elaboration_member,
    rule_event_list,
    rule_geographic_names,
    rule_label_opening,
    rule_linked_member,
    rule_name_list,
    rule_programme_list,
    rule_project_list,
    rule_slice_of_clause_list,
    rule_slice_of_list,
    rule_slot_heads,
    rule_split_preposition,
    rule_stray_infix,
    rule_subject_and_predicate,
    rule_subject_only,
    rule_unshared_slogan_pair,
    rule_weak_pair,
    score_group,
)
from .scoring import default_min_score, group_score
from .templates import (
    _SECOND_OPENERS,
    CORRELATIVES,
    LEADING_WORDS,
    VERB_SLOT,
    Template,
    _common_prefix,
    _correlative,
    _weight,
    aligned_strength,
    find_template,
    new_template,
    slot_piece,
)
from .units import (
    _HEADING_MARKER,
    _QUOTES,
    CONJUNCTIONS,
    FUNCTION_CHARS,
    LONGEST_WORD,
    MAX_MEMBERS,
    Unit,
    _first_clause_end,
    _is_han,
    _trimmed,
    _unclosed_opener,
    _words,
    block_runs,
    clause_units,
    compiled_kernel,
    first_mark,
    has_semicolon,
    heading_units,
    inline_heading_units,
    interleaved_opening_units,
    length_range,
    new_unit,
    number_range,
    phrase_units,
    plus_chain_units,
    quoted_edges,
    semicolon_units,
    sentence_units,
    word_across,
)

# --- groups --------------------------------------------------------------------------


def _carriers(view: str, units: list[Unit]) -> list[str]:
    """What each unit compares: ``view[u.start : u.carrier_end]`` (the kernel's ``carriers``
    where it was built)."""
    return [view[u.start : u.carrier_end] for u in units]


_CARRIERS = compiled_kernel("carriers")
if _CARRIERS is not None:
    _carriers = _CARRIERS  # the same slices, called directly (the Python stays the definition)


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
    level = units[0].level  # a run holds units of one level
    may_be_hopeless = level in ("clause", "sentence", "semicolon")
    headed = _headed(view, units)
    i = floor = 0
    while i < len(units) - 1:
        if headed[i]:
            i += 1
            continue
        best = None
        stop = i + MAX_MEMBERS if i + MAX_MEMBERS < len(units) else len(units)
        for j in range(i + 1, stop):
            if headed[j - 1]:
                break  # what follows a colon is no sibling of what precedes it
            carriers = every_carrier[i : j + 1]
            if may_be_hopeless and _hopeless(carriers, level):
                skip = True
            else:
                skip = not _share_a_character(carriers) and _unsharable(carriers, level)
            if skip:
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
        if level == "clause":
            _, j, window = _whole_anaphora(view, units, i, j, window, floor)
        window, template = _drop_subject(view, window, template)
        window, template = _before_linked_member(view, window, template)
        members = _carriers(view, window)
        if (
            rule_edge_pair(view, window)
            or rule_slice_of_list(level, len(window), len(units))
            or (
                level == "clause"
                and rule_slice_of_clause_list(level, members, _carrier_after(view, units, window))
            )
            or rule_name_list(members)
            or rule_designation_list(members)
            or rule_project_list(members)
            or rule_abbreviated_names(members, level)
            or rule_weak_pair(template, members, level)
            or rule_subject_only(template)
            or rule_split_preposition(template, members)
            or rule_audited_pair(template, members, level)
            or rule_event_list(members)
            or rule_collective_list(members, level)
            or rule_body_list(members)
            or rule_elaboration_member(members)
            or rule_linked_member(members)
            or rule_subject_and_predicate(members)
            or rule_programme_list(members, level)
            or rule_heading_over_items(window, template, members)
            or rule_numbered_heads(view, window, template, members)
            or rule_numbered_paragraph_heads(view, window, template)
            or rule_unequal_brackets(view, window)
            or rule_compass_regions(members, level)
            or rule_geographic_names(members, level)
            or rule_stray_infix(template, members)
        ):
            i += 1
            continue
        groups.append(_group(text, view, window, template))
        while j > i and units[j].start > window[-1].start:
            j -= 1  # the group ends before a linked member: the run goes on from it
        i = floor = j + 1
    return groups


#: the fewest headings ``rule_verb_headings`` reads as a group
VERB_HEADINGS = 3


def rule_verb_headings(carriers: list[str]) -> bool:
    """Whether headings run into one paragraph, each with a body, are one group by their
    shape alone (抓实安全生产管理。…。抓好防灾减灾救灾。…。抓严食品药品监管。…; 加快…。…。
    加大…。…。加强…): ``VERB_HEADINGS`` or more of one length, sharing their first character
    (a verb) and each with a second character of its own (the verbs differ: 抓实/抓好/抓严).
    Not headings of different lengths, nor one verb repeated (推进…。推进…: the template
    rules read a shared two-character opening)."""
    return len(carriers) >= VERB_HEADINGS and _verb_heading_shape(carriers)


def _verb_heading_shape(carriers: list[str]) -> bool:
    """``rule_verb_headings`` but the count: one length, one first character, the second
    characters all different."""
    first = carriers[0]
    seconds = set()
    for carrier in carriers:  # a loop, not all(): the compiled twin makes no generator
        if len(carrier) != len(first) or carrier[0] != first[0] or len(carrier) < 2:
            return False
        seconds.add(carrier[1])
    return len(seconds) == len(carriers)


def _verb_heading_groups(text: str, view: str, headings: list[Unit]) -> list[Parallel]:
    """The runs of adjacent inline headings that ``rule_verb_headings`` accepts, each a
    group (the headings whose template search found nothing)."""
    groups: list[Parallel] = []
    carriers = _carriers(view, headings)
    i = 0
    while i <= len(headings) - VERB_HEADINGS:
        j = i + 1
        while j < len(headings) and _verb_heading_shape(carriers[i : j + 1]):
            j += 1
        if rule_verb_headings(carriers[i:j]):
            window = headings[i:j]
            groups.append(_group(text, view, window, new_template(carriers[i][0], "", "", 0)))
            i = j
        else:
            i += 1
    return groups


def rule_interleaved_frame(shared: tuple[str, ...]) -> bool:
    """Whether sentences apart in a paragraph (:func:`interleaved_opening_units`) form a group:
    their shared material is a frame or a long opening (深入实施“…”等多…工程; 扎实推动开放…升级;
    我们面对的是…), not a short shared verb (推进…。…。推进…)."""
    if len(shared) == 1:
        return len(shared[0]) >= 4
    return len(shared) >= 2 and len(shared[0]) >= 2 and len(shared[-1]) >= 2


def rule_one_odd_item(items: list[str], shared: tuple[str, ...]) -> int | None:
    """Where a 、-list of four or more items of one length holds the shared material of its
    templated slice in every item but one inside it, at the same place, the whole list is one
    group (重构开放通道、重塑物流体系、提升开放平台、优化开放政策、创新开放服务: 开放 in four of
    five; a list is judged whole, not by its templated slice). The number of characters of the
    first item's lead to cut (it may carry the clause's lead: 推进｜政治建军), or None: items
    of uneven length, two items or an edge item without the material (a list whose head or
    tail breaks the template keeps its slice)."""
    if len(items) < 4 or not shared:
        return None
    size = len(items[-1])
    lead = len(items[0]) - size
    if lead < 0 or any(len(item) != size for item in items[1:]):
        return None
    first = items[0][lead:]
    places = [(piece, first.find(piece)) for piece in shared]
    if any(at < 0 for _, at in places):
        return None
    odd = [
        k
        for k, item in enumerate(items)
        if any((first if k == 0 else item)[at : at + len(piece)] != piece for piece, at in places)
    ]
    if len(odd) != 1 or odd[0] in (0, len(items) - 1):
        return None
    return lead


def _whole_even_list(text: str, view: str, run: list[Unit], group: Parallel) -> Parallel:
    """``group`` over its whole 、-list where ``rule_one_odd_item`` says so, else itself."""
    if len(run) < 4 or len(group.members) < 3 or len(group.members) >= len(run):
        return group
    items = _carriers(view, run)
    lead = rule_one_odd_item(items, group.shared)
    if lead is None or run[0].start + lead > group.members[0].start:
        return group
    window = [_clip(run[0], lead, None) if lead else run[0], *run[1:]]
    return _with_members(group, tuple(span_of(text, u.start, u.carrier_end) for u in window))


def rule_edge_pair(view: str, window: list[Unit]) -> bool:
    """Whether a 、-pair, read as it would be shown (a leading preposition dropped: 把｜好事
    办好、实事办实), holds its clause's lead in its first member (``rule_clause_lead_pair``)
    or its clause's predicate in its second (``rule_clause_run_on_pair``)."""
    if len(window) != 2 or window[0].level != "phrase":
        return False
    shown = _drop_sentence_lead(view, _drop_preposition(view, window))
    members = _carriers(view, shown)
    opens, _ = at_clause_edge(view, shown[0].start, shown[0].carrier_end)
    _, closes = at_clause_edge(view, shown[1].start, shown[1].carrier_end)
    return rule_clause_lead_pair(members, "phrase", opens) or rule_clause_run_on_pair(
        members, "phrase", closes
    )


def _carrier_after(view: str, units: list[Unit], window: list[Unit]) -> str | None:
    """The carrier of the run's first unit after ``window`` (None at the run's end)."""
    end = window[-1].carrier_end
    after = next((u for u in units if u.start >= end), None)
    return None if after is None else view[after.start : after.carrier_end]


def _three_end_alike(view: str, sentences: list[Span]) -> bool:
    """Whether three sentences in a row end with the same two characters (a cheap test that
    ``rule_epistrophe`` may hold: the whole sentences are compared only then)."""
    run, last = 0, ""
    for sentence in sentences:
        start, end = _trimmed(view, sentence.start, sentence.end)
        ending = view[end - 2 : end] if end - start >= 2 else ""
        run = run + 1 if ending and ending == last else 1
        last = ending
        if run >= 3:
            return True
    return False


def _ends_alike(view: str, group: Parallel) -> bool:
    """Whether the group's members (read on the Simplified ``view``) share their ending
    (the template of ``rule_epistrophe``), not an opening the first-clause run compares."""
    shared = group.shared
    members = [view[m.start : m.end] for m in group.members]
    return all(m.endswith(shared[-1]) for m in members) and not all(
        m.startswith(shared[0]) for m in members
    )


def rule_repeated_opening(window: list[Unit], carriers: list[str]) -> bool:
    """Three or more sentences that open with the same first clause are compared whole
    (their first clauses share everything, so no template of them varies): 经过这场政治
    大革命，我们…。经过这场政治大革命，…。经过这场政治大革命，…; 根据这个条约，… ×4.
    Not two sentences (a pair needs its own evidence), not sentences of one clause."""
    return (
        len(window) >= 3
        and window[0].level == "sentence"
        and len(set(carriers)) == 1
        and all(u.carrier_end < u.end for u in window)
    )


#: an enumeration marker just before a unit: 1. / （一） / 二、
_MARKER_BEFORE = re.compile(
    r"(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])\s*$"
)


def rule_numbered_heads(
    view: str, window: list[Unit], template: Template, members: list[str]
) -> bool:
    """Sentences parallel only by their first clauses' ending (``rule_ending_heads``) that
    follow enumeration markers are numbered headings, often the names of the kinds a
    document lists (1. 大数据标准。…2. 物联网标准。…), no group: a study counts them as
    headings; so are labels a colon defines (基础通用标准：…；船载系统标准：…) and the
    headings of consecutive paragraphs (声学传感器。…⏎压力传感器。…). Sentences of one
    paragraph, unnumbered, stay (稳定基础设施投资，…。扩大制造业投资，…)."""
    if not heads_alike(template, members, window[0].level):
        return False
    numbered = sum(1 for u in window if _MARKER_BEFORE.search(view, max(0, u.start - 8), u.start))
    labels = sum(1 for u in window if view[u.carrier_end : u.carrier_end + 1] in _COLONS)
    paragraphs = any(c in LINE_BREAKS for c in view[window[0].end : window[1].start])
    return paragraphs or 2 * max(numbered, labels) >= len(window)


def rule_numbered_paragraph_heads(view: str, window: list[Unit], template: Template) -> bool:
    """Headings of consecutive paragraphs, most of them after an enumeration marker, that
    share an ending of two content characters are numbered headings naming the kinds a
    document lists, whatever opening they also share, no group (``rule_numbered_heads``
    takes those sharing only the ending): 1.智能制造领域。…⏎2.智能农业领域。…; 1.智能机器人
    标准。…⏎2.智能运载工具标准。…; 9.开放工业赋能场景。…⏎10.开放工业互联网园区场景。…
    (norm23's audit of whole normative documents, half A). Headings without a shared
    ending stay ((一)坚持需求导向。…⏎(二)坚持统一布局。…), and so do unnumbered ones."""
    suffix = template.suffix
    if window[0].level != "sentence" or len(suffix) < 2:
        return False
    if any(c in FUNCTION_CHARS for c in suffix):
        return False
    for before, after in pairwise(window):  # every gap a paragraph break
        if not any(c in LINE_BREAKS for c in view[before.end : after.start]):
            return False
    numbered = sum(1 for u in window if _MARKER_BEFORE.search(view, max(0, u.start - 8), u.start))
    return 2 * numbered >= len(window)


_OPEN_BRACKETS = frozenset(BRACKET_MARKS)
_CLOSE_BRACKETS = frozenset(BRACKETS.values())
_BRACKET_RE = re.compile("[" + re.escape("".join(sorted(_OPEN_BRACKETS | _CLOSE_BRACKETS))) + "]")


def rule_unequal_brackets(view: str, window: list[Unit]) -> bool:
    """Members at different depths of brackets are no group: one in the text, one in a
    bracketed note after it (…实现“山东通”移动办公落地应用（省大数据局牵头，各有关部门、
    各市政府配合）: 各有关部门、各市政府… twice), or a member opening inside a bracket
    that closes in it (（PubSub）通信模型到TSN的映射 cut at Pu｜bSub）…). Members inside one
    bracket (（如USB接口、OBD接口、无线接口等）) or holding whole bracketed insertions
    (首台（套）装备) stay (norm23's audit of whole normative documents, half A)."""
    first, last = window[0].start, window[-1].start
    if _BRACKET_RE.search(view, first, last) is None:
        return False  # no bracket between the members' openings: the usual case
    depth = 0
    at = first
    for unit in window[1:]:
        for char in view[at : unit.start]:
            if char in _OPEN_BRACKETS:
                depth += 1
            elif char in _CLOSE_BRACKETS:
                depth -= 1
        if depth != 0:
            return True
        at = unit.start
    return False


def rule_heading_over_items(window: list[Unit], template: Template, members: list[str]) -> bool:
    """Sentences parallel by their first clauses' ending (``rule_ending_heads``) whose first
    is a heading alone, the others with a body, are a heading and its items, no group:
    推进资源性产品价格改革。继续深化电价改革，逐步完善…。积极推进水价改革，逐步提高….
    Three short sentences alike stay a group (推进集体林权制度改革。深化农村综合改革。加快
    乡镇机构改革。)."""
    first = window[0]
    return (
        first.level == "sentence"
        and first.carrier_end >= first.end
        and any(u.carrier_end < u.end for u in window[1:])
        and heads_alike(template, members, "sentence")
    )


def rule_anaphora_neighbour(opening: str, carrier: str, members: list[str]) -> bool:
    """Whether a clause next to a group whose ``members`` open alike belongs to it: it opens
    with the same ``opening`` and goes on (the whole list is one list: 向全省人民，向人大
    代表…，向中央驻闽单位…，向长期关心支持…的朋友, not its last three; 干工业，干农业，干技术
    革命和文化革命). Not a clause that only repeats the opening; a one-character opening
    only where no member and not the clause open with a word of the word table there
    (大长…志气，大灭…威风，大大加强了…: 大大 is a word; 农田水利…，农业增产…)."""
    if not opening or len(carrier) <= len(opening) or not carrier.startswith(opening):
        return False
    if len(opening) > 1:
        return True
    words = _words()
    return not any(c[:2] in words for c in (*members, carrier))


def _whole_anaphora(
    view: str, units: list[Unit], i: int, j: int, window: list[Unit], floor: int
) -> tuple[int, int, list[Unit]]:
    """The group's window grown by the clauses before and after it that open as all its
    members do (``rule_anaphora_neighbour``); ``floor`` is the first unit no earlier group
    holds. Returns the new first and last indices and window."""
    members = _carriers(view, window)
    opening = _common_prefix(members)
    window = list(window)
    while (
        j + 1 < len(units)
        and window[-1].carrier_end == units[j].carrier_end
        and not rule_heading_colon(view, units[j], units[j + 1])
        and rule_anaphora_neighbour(opening, _carriers(view, [units[j + 1]])[0], members)
        and len(window) < MAX_MEMBERS
    ):
        j += 1
        window.append(units[j])
    while (
        i - 1 >= floor
        and window[0].start == units[i].start
        and not rule_heading_colon(view, units[i - 1], units[i])
        and rule_anaphora_neighbour(opening, _carriers(view, [units[i - 1]])[0], members)
        and len(window) < MAX_MEMBERS
    ):
        i -= 1
        window.insert(0, units[i])
    return i, j, window


#: marks that make what follows the content of what precedes: a heading and its items
_COLONS = frozenset(COLONS)


def rule_heading_colon(view: str, first: Unit, second: Unit) -> bool:
    """Whether a colon stands between two adjacent units of ，、；-pieces: the first is the
    heading of what follows (网络安全与信息安全标准：网络结构安全、…等网络安全标准，数据安全
    管理、…等信息安全标准), never its sibling in a group. Not between sentences, whose
    gaps hold the colon's content (智能航行系统标准：…。智能船体系统标准：…)."""
    if first.level == "sentence":
        return False
    return first_mark(view, first.end, second.start, _COLON_MARKS, _COLON_RE) >= 0


_COLON_MARKS = "".join(sorted(_COLONS))
_COLON_RE = re.compile(f"[{_COLON_MARKS}]")


def _headed(view: str, units: list[Unit]) -> list[bool]:
    """``rule_heading_colon`` of every two adjacent units of a run; asked pair by pair only
    where a colon stands somewhere between the first unit's start and the last's."""
    if units[0].level == "sentence":
        return [False] * (len(units) - 1)
    first, last = number_range([u.start for u in units])
    if first_mark(view, first, last, _COLON_MARKS, _COLON_RE) < 0:
        return [False] * (len(units) - 1)
    return [rule_heading_colon(view, units[k], units[k + 1]) for k in range(len(units) - 1)]


def _share_a_character(carriers: list[str]) -> bool:
    """Whether some character of the first carrier stands in every other (the kernel's
    ``share_a_character`` where it was built)."""
    if _SHARE_A_CHARACTER is not None:
        return _SHARE_A_CHARACTER(carriers)
    common = set(carriers[0])
    for carrier in carriers[1:]:  # few characters, each looked up in the next carrier
        common = {c for c in common if c in carrier}
        if not common:
            return False
    return True


_SHARE_A_CHARACTER = compiled_kernel("share_a_character")


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
    if not second.startswith(_SECOND_OPENERS):
        return False
    for a, b in CORRELATIVES:  # noqa: SIM110 - a loop: the compiled twin makes no generator
        if second.startswith(b) and a in first:
            return True
    return False


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


def _before_linked_member(
    view: str, window: list[Unit], template: Template
) -> tuple[list[Unit], Template]:
    """读书是学习，使用也是学习｜，而且是更重要的学习: the members before a linked member
    (``rule_linked_member``) keep their group when two or more share an acceptable template."""
    at = linked_member_at(_carriers(view, window))
    if at is None or at < 2:
        return window, template
    head = window[:at]
    carriers = _carriers(view, head)
    new = find_template(carriers)
    if new is not None and _acceptable(new, carriers, head[0].level):
        return head, new
    return window, template


def _could_join(first: str, rest: Template) -> bool:
    """Whether a unit could share (a part of) the template of the units after it."""
    if rest.prefix:
        return rest.prefix[0] in first
    if rest.suffix:
        return first.endswith(rest.suffix[-1])
    return any(char in first for char in rest.infix)


def _two_character_slot(carriers: list[str]) -> bool:
    """Whether the clauses hold one two-character piece two characters in (a cheap test
    that ``rule_two_character_slot`` may hold)."""
    piece = carriers[0][2:4]
    if len(piece) != 2:
        return False
    for carrier in carriers:  # noqa: SIM110 - a loop: the compiled twin makes no generator
        if carrier[2:4] != piece:
            return False
    return True


#: the kernel's ``hopeless`` where it was built (it decides most windows in one call)
_HOPELESS = compiled_kernel("hopeless")
_LEADING_CHARS = "".join(sorted(LEADING_WORDS))


def _hopeless(carriers: list[str], level: str) -> bool:
    """A cheap test that no reading of these clauses, ；-pieces or sentences has a template
    (``_hopeless_python``): the kernel's answer where it gives one, else the Python one."""
    if _HOPELESS is not None:
        verdict = _HOPELESS(carriers, level, _LEADING_CHARS, HEAD_LONGEST, CORRELATIVES)
        if verdict >= 0:
            return verdict == 1
    return _hopeless_python(carriers, level)


def _hopeless_python(carriers: list[str], level: str) -> bool:
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
        if len(carriers) >= 3 and _same_ending(carriers, 2):
            return False  # first clauses that end alike (rule_ending_heads)
        if (
            len(carriers) >= 3
            and len({len(c) for c in carriers}) == 1
            and len(carriers[0]) <= HEAD_LONGEST
        ):
            return False  # first clauses of one shape (rule_even_heads)
        if len(carriers) >= 3 and _same_slot(carriers):
            return False  # first clauses alike before their last word (rule_slot_heads)
        return not _same_opening(carriers) or (
            len(carriers) == 2 and (len(carriers[0]) > 8 or len(carriers[1]) > 8)
        )
    if level == "semicolon":
        if len(carriers) > 2:
            return False
    elif _same_ending(carriers, 1):
        return False  # clauses may share an ending; ；-pieces need an opening or a frame
    first, rest = carriers[0], carriers[1:]
    if len(rest) > 1:  # three clauses or more: the first may lose a lead; the others must
        if _same_opening(rest):  # share something …
            return False
        lengths = {len(c) for c in rest}
        if max(lengths) <= 8 or (len(lengths) == 1 and max(lengths) <= 12):
            return False  # … or be short
        # a shared object after a verb slot (rule_verb_slot), the first maybe led; or
        # rule_two_character_slot: 丰富服务种类，提升服务质量，实现服务的…
        return not (
            level == "clause" and (slot_piece(rest, least=2) or _two_character_slot(carriers))
        )
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


def _same_slot(carriers: list[str]) -> bool:
    """Whether every carrier holds one character third from its end (取得｜新｜突破)."""
    slot = carriers[0][-3:-2]
    for carrier in carriers:  # a loop, not all(): the compiled twin makes no generator
        if carrier[-3:-2] != slot:
            return False
    return bool(slot)


def _same_opening(carriers: list[str]) -> bool:
    """Whether every carrier opens with the same character (``len({c[0] for c in
    carriers}) == 1``, without a set of new strings to hash: ``_hopeless`` asks it often)."""
    first = carriers[0][0]
    for carrier in carriers:  # noqa: SIM110 - a loop: the compiled twin makes no generator
        if carrier[0] != first:
            return False
    return True


def _same_ending(carriers: list[str], size: int) -> bool:
    """Whether every carrier ends with the same ``size`` characters (see ``_same_opening``)."""
    last = carriers[0][-size:]
    for carrier in carriers:  # noqa: SIM110 - a loop: the compiled twin makes no generator
        if carrier[-size:] != last:
            return False
    return True


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
    if rule_repeated_opening(window, window_carriers):
        window = [new_unit(u.start, u.end, u.end, level) for u in window]
        window_carriers = _carriers(view, window)
    if level == "phrase" and (quoted := _clip_quoted_lead(view, window, window_carriers)):
        window = quoted  # 探索形成一批｜“数字孪生+”“人工智能+”…: the quoted items show the lead
        window_carriers = _carriers(view, window)
    options = []
    run_ons: list[list[Unit]] = []  # readings of ``_clip_run_on``
    first_clipped = _clip_first(view, window, window_carriers)
    candidates = [window, first_clipped]
    if level == "phrase":
        candidates += _clip_ends(view, window, window_carriers)
        candidates.append(_clip_last(view, window, window_carriers))
        if first_clipped is not None:  # a lead and a tail: 实现｜具备…特征、具有…价值｜的应用
            carriers = _carriers(view, first_clipped)
            candidates.append(_clip_last(view, first_clipped, carriers))
        candidates.append(_clip_even_lead(window, window_carriers))
        # an even list's run-on tail cut first (and its lead): it wins a tie with the rest
        even_tail = _clip_even_tail(window, window_carriers)
        if even_tail is not None:  # 建立｜访民情、察民意、解民忧、聚民心｜工作机制
            both = _clip_even_lead(even_tail, _carriers(view, even_tail))
            candidates[:0] = [both, even_tail]
        for candidate in list(candidates):  # 持续开展｜平安校园、平安医院｜建设
            if candidate is not None:
                carriers = _carriers(view, candidate)
                candidates.append(_clip_head_word(view, candidate, carriers))
        run_ons = [_clip_run_on(window, window_carriers)]
        if first_clipped is not None:
            run_ons.append(_clip_run_on(first_clipped, _carriers(view, first_clipped)))
        run_ons = [c for c in run_ons if c is not None]
        candidates += run_ons
    tried: list[list[Unit]] = []
    for candidate in candidates:
        if candidate is None or (candidate is not window and candidate in tried):
            continue  # the same reading twice scores the same, and max keeps the first
        tried.append(candidate)
        if candidate is not window and rule_cut_inner_item(view, window, candidate):
            continue
        carriers = window_carriers if candidate is window else _carriers(view, candidate)
        template = _slot_template(find_template(carriers, level), carriers, level)
        score = None if template is None else _accepted_score(template, carriers, level)
        if score is not None:
            bonus = BOUNDARY_BONUS * _starts_at_boundary(view, window[0], candidate[0])
            options.append((score + bonus, candidate, template))
        elif level in ("clause", "semicolon") and (correlative := _correlative(carriers)):
            options.append((0.6, candidate, correlative))
    if not options or (run_ons and all(any(o[1] is c for c in run_ons) for o in options)):
        return None  # a run-on reading reshapes a group the other readings make, no new one
    kept = [o for o in options if o[2].prefix.startswith(keep_prefix)] if keep_prefix else []
    _, window, template = max(kept or options, key=lambda option: option[0])
    return window, template


def _slot_template(template: Template | None, carriers: list[str], level: str) -> Template | None:
    """``template``, or where first clauses share only one slot before their last word
    (``rule_slot_heads``: 取得｜新｜突破, 迈上｜新｜台阶) that slot as infix: the infix search
    takes the first place a character occurs (科技创新…迈上新台阶) and misses it."""
    if level not in ("sentence", "semicolon") or len(carriers) < 3:
        return template
    if template is not None and (template.prefix or template.suffix):
        return template
    slot = new_template("", carriers[0][-3:-2], "", 0)
    return slot if rule_slot_heads(slot, carriers, level) else template


#: what may stand between a 、 and the item it separates
_ITEM_GAP = frozenset(" \t\r\n\u3000")


def _next_to_list_mark(view: str, at: int, step: int) -> bool:
    """Whether a 、 is the first mark from ``at`` going ``step`` (-1 back, 1 on)."""
    k = at if step > 0 else at - 1
    while 0 <= k < len(view) and view[k] in _ITEM_GAP:
        k += step
    return 0 <= k < len(view) and view[k] == "、"


def rule_cut_inner_item(view: str, window: list[Unit], candidate: list[Unit]) -> bool:
    """A reading may cut a lead off the first item of a 、-list and a tail off its last,
    never a piece off an item that a 、 closes on that side: in 重点实验室、产业创新中心、
    创新服务机构和创新人才基地 the item 产业创新中心 is whole (not 产业｜创新中心), in
    基础科学、信息科学、医学 the item 信息科学 is (not 信息｜科学). The lead of
    立足于我国｜新型工业化、信息化 and the tail of 平安校园、平安医院｜建设 may go."""
    first, last = window[0], window[-1]
    lead_cut = candidate[0].start > first.start
    tail_cut = candidate[-1].carrier_end < last.carrier_end
    longest = number_range([u.carrier_end - u.start for u in window[1:-1] or window])[1]
    return (
        lead_cut and _cuts_whole_lead(view, first.start, first.end, candidate[0].start, longest)
    ) or (
        tail_cut
        and _cuts_whole_tail(view, last.start, last.end, candidate[-1].carrier_end, longest)
    )


#: marks that open a list inside a 、-item of an outer list
_LIST_OPENERS = frozenset("（(：:“‘「《")


def _cuts_whole_lead(view: str, start: int, end: int, cut: int, longest: int) -> bool:
    """Whether cutting ``start..cut`` off the item ``start..end`` cuts a 、-item that is
    whole: a 、 before it, no longer than the other members (``longest``) by more than two
    characters (复审岗位设置应｜相互分离 is no item of 初审、复核、复审), and no lead word or
    particle ending the piece (党中央、国务院立足于我国｜新型工业化 may go)."""
    if end - start > longest + 2:
        return False
    lead = view[start:cut]
    if _ends_with_word(lead, _LEADS_AND_VERBS_SET) or lead.rstrip()[-1:] in FUNCTION_CHARS:
        return False
    if any(c in _LIST_OPENERS for c in lead):
        return False  # a list opens inside the item: 外部接口（如｜USB 接口、OBD 接口
    return _next_to_list_mark(view, start, -1)


def _cuts_whole_tail(view: str, start: int, end: int, cut: int, longest: int) -> bool:
    """Whether cutting ``cut..end`` off the item ``start..end`` cuts a 、-item that is whole:
    a 、 after it, no longer than the other members by more than two characters, no
    particle or bracket opening the piece (跨层级数据标准不一、… may lose its tail)."""
    if end - start > longest + 2:
        return False
    tail = view[cut:end].lstrip()
    if tail[:1] in FUNCTION_CHARS or tail[:1] in "等相" or tail[:1] in _LIST_OPENERS:
        return False
    return _next_to_list_mark(view, end, 1)


def _keep_cuts_whole(view: str, unit: Unit, keep: int, side: str, longest: int) -> bool:
    """Whether keeping ``keep`` characters of ``unit``'s carrier cuts a whole 、-item
    (``rule_cut_inner_item``): its end kept, a lead cut off, for ``side`` "lead"; its start
    kept, a tail cut off, for "tail". Keeping the whole carrier cuts nothing."""
    if keep >= unit.carrier_end - unit.start:
        return False
    if side == "lead":
        return _cuts_whole_lead(view, unit.start, unit.end, unit.carrier_end - keep, longest)
    return _cuts_whole_tail(view, unit.start, unit.end, unit.start + keep, longest)


#: a reading whose first member starts at a word boundary wins over a slightly
#: better-balanced one that cuts a word (我国｜新型工业化, not 我国新型｜工业化)
BOUNDARY_BONUS = 0.1


def _starts_at_boundary(view: str, unit: Unit, member: Unit) -> bool:
    """Whether ``member`` starts where ``unit`` does, or after a lead word or a particle."""
    if member.start == unit.start:  # unless it opens with a lead word: 建立｜利益协调机制
        head = view[unit.start : unit.start + 4]  # or an adverb and a verb: 自觉接受｜人大监督
        opens = _opens_with_word(head, _LEADS_AND_VERBS_SET) or _opens_with_word(
            head[2:], _LIST_VERB_SET
        )
        return not opens and head[:1] not in LEADING_WORDS
    lead = view[unit.start : member.start]
    return _ends_with_word(lead, _LEADS_AND_VERBS_SET) or lead[-1] in FUNCTION_CHARS


def rule_quoted_lead(view: str, window: list[Unit], first: str) -> int | None:
    """How much of a list's first item (``first``, its carrier) to keep when every item after
    it is quoted whole and the first holds an opening quotation mark: what follows its last
    opening mark (实施｜“超算+”“AI+”“区块链+”; 探索形成一批｜“数字孪生+”“人工智能+”…), the lead
    before it being no part of the quoted list (norm23's audit of whole normative
    documents, half A). None otherwise: items not quoted, or no mark in the first."""
    for unit in window[1:]:
        if view[unit.start - 1 : unit.start] not in QUOTE_OPENERS:
            return None
        if view[unit.carrier_end : unit.carrier_end + 1] not in QUOTE_CLOSERS:
            return None  # “一盘棋”高效配置资源: not quoted whole
    at = max(first.rfind(mark) for mark in _FIRST_QUOTE_OPENERS)
    if at <= 0 or at == len(first) - 1:
        return None
    return len(first) - at - 1


#: the opening marks ``rule_quoted_lead`` looks for in a first item
_FIRST_QUOTE_OPENERS = tuple(sorted(QUOTE_OPENERS))


def _clip_quoted_lead(view: str, window: list[Unit], carriers: list[str]) -> list[Unit] | None:
    """The window with the lead before a quoted first item cut (``rule_quoted_lead``)."""
    keep = rule_quoted_lead(view, window, carriers[0])
    if keep is None:
        return None
    return [_clip(window[0], len(carriers[0]) - keep, None), *window[1:]]


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
            guides.append(new_template(guide.prefix, "", "", 0) if guide.prefix else guide)
            if len(guide.prefix) > 1 and guide.prefix[0] in LEADING_WORDS:
                guides.append(new_template(guide.prefix[0], "", "", 0))
            if len(guide.prefix) > 2 and guide.prefix not in carriers[0]:
                # the first holds part of the opening: 纲要提出的｜基本消灭…，基本上消灭…
                for size in range(len(guide.prefix) - 1, 1, -1):
                    if carriers[0].find(guide.prefix[:size]) > 0:
                        guides.append(new_template(guide.prefix[:size], "", "", 0))
                        break
    elif level == "phrase":  # a pair: the second item's opening shows where the first's starts
        guides += [new_template(rest[0][:n], "", "", 0) for n in (2, 1) if len(rest[0]) > n]
        if len(rest[0]) > 2 and carriers[0].endswith(
            rest[0][-2:]
        ):  # 一切形式的｜单边主义、保护主义
            guides.append(new_template("", "", rest[0][-2:], 0))
    else:  # a subject before the copula: 城镇化｜是…，也是…; 发展｜是硬道理，是…
        guides += [new_template(a, "", "", 0) for a, b in CORRELATIVES if rest[0].startswith(b)]
        if rest[0][0] in "是既":  # the copula, or the opener of a 既…又… frame
            guides.append(new_template(rest[0][0], "", "", 0))
        elif (
            rest[0][0] in LEADING_WORDS and 0 < carriers[0].find(rest[0][0]) <= 3
        ):  # 要坚持｜以…，以…
            guides.append(new_template(rest[0][0], "", "", 0))
        elif (
            rest[0][0] in LEADING_WORDS and carriers[0].find(rest[0][:2]) > 0
        ):  # …建设｜有了…，有了…
            guides.append(new_template(rest[0][:2], "", "", 0))
    for guide in guides:
        if not (guide.prefix or guide.infix or guide.suffix):  # a rhythm guide: keep its length
            keep = guide.lead
        else:
            keep = _fit(carriers[0], guide, rest, from_end=True, level=level)
        if keep is None or keep >= len(carriers[0]):
            continue
        if len(guide.prefix) == 1 and level == "phrase" and len(carriers[0]) - keep < 2:
            continue  # 碳｜排放权: a one-character lead is part of the word
        if _joined_lead(carriers[0], keep, level) or rule_split_elaboration(carriers[0], keep):
            continue
        cut = rule_owner_before_its(carriers[0], len(carriers[0]) - keep)
        if cut is None:
            continue
        keep = len(carriers[0]) - cut
        clipped = [_clip(window[0], cut, None), *window[1:]]
        second = rest[0]
        long_second = len(rest) == 1 and level == "phrase" and len(second) > 1.5 * keep
        if long_second and (second[keep] in FUNCTION_CHARS or second[keep] in "等相"):
            clipped[1] = _clip(clipped[1], 0, len(second) - keep)  # 因病返贫｜的情况
        return clipped
    return None


#: 其 words that do not point back to an owner (以及其他领域: 及 joins, 其他 opens an item)
_NOT_ITS = ("其他", "其它", "其余", "其中")


def rule_owner_before_its(carrier: str, cut: int) -> int | None:
    """Where a lead cut at ``cut`` of a first unit should fall when it falls between 及 and
    其 (A及其B, "A and its B": B belongs to A, the member holds both): before the word of
    the word table that ends at the 及 (依法接受｜人大及其常委会监督、政协民主监督); None
    when no such word shows where the owner starts (the cut is dropped); ``cut`` itself
    elsewhere, and before 其他/其余 (以及｜其他各方面创新: 及 joins two items there)."""
    if cut < 2 or carrier[cut - 1] != "及" or carrier[cut] != "其":
        return cut
    if carrier[cut : cut + 2] in _NOT_ITS:
        return cut
    words = _words()
    for size in (3, 2):
        start = cut - 1 - size
        if start >= 0 and carrier[start : cut - 1] in words:
            return start
    return None


#: the longest items whose one length shows where a list's first item starts
EVEN_ITEM_LONGEST = 4


def rule_even_list_lead(carriers: list[str]) -> int | None:
    """How much of a 、-list's first item to keep when the items after it are all of one
    short length (two to ``EVEN_ITEM_LONGEST`` characters) and the first is longer by a lead
    word or list verb exactly (``LEAD_WORDS``, ``LIST_VERBS``): 推进｜职普融通、产教融合、
    科教融汇 keeps 4, so that the items' shape shows (融 in one slot). None otherwise: the
    others uneven (推进职普融通、产教融合、科教融汇发展), or the first's extra characters no
    lead (中等职业教育、高等教育、继续教育: 中等 is part of the item)."""
    size = len(carriers[1])
    if len(carriers) < 3 or not 2 <= size <= EVEN_ITEM_LONGEST or len(carriers[0]) <= size:
        return None
    for carrier in carriers[2:]:  # a loop: most lists stop at the first uneven item
        if len(carrier) != size:
            return None
    lead = carriers[0][:-size]
    return size if lead in _LEADS_AND_VERBS else None


def _clip_even_lead(window: list[Unit], carriers: list[str]) -> list[Unit] | None:
    """The 、-list with its first item's lead cut by ``rule_even_list_lead``, if any."""
    keep = rule_even_list_lead(carriers)
    if keep is None:
        return None
    return [_clip(window[0], len(carriers[0]) - keep, None), *window[1:]]


def rule_even_list_tail(carriers: list[str]) -> int | None:
    """How much of a 、-list's last item to keep when the three or more items before it are
    all of one short length (two to ``EVEN_ITEM_LONGEST`` characters; the first may be
    longer by a lead) sharing characters in fixed slots, and the last holds all of them in
    those slots and runs on, between words of the table, into the head the list modifies:
    凝侨心、引侨资、汇侨智、聚侨力｜工作机制 keeps 3 (half A reports, rep25). None otherwise:
    two items before the last (财政资金、金融资本、社会资金投入), the last no longer than its
    partners by two or more (聚侨力量), missing a shared character (养老保险、失业保险、工伤
    保险、医疗保障改革), the cut splitting a word of the table, what follows no word."""
    size = len(carriers[1])
    last = carriers[-1]
    if len(carriers) < 4 or not 2 <= size <= EVEN_ITEM_LONGEST or len(last) < size + 2:
        return None  # three items before the last show the shape (not 财政资金、金融资本…)
    if len(carriers[0]) < size or any(len(c) != size for c in carriers[2:-1]):
        return None
    others = [carriers[0][-size:], *carriers[1:-1]]  # the first may have a lead (建立｜访民情)
    slots = [k for k in range(size) if len({c[k] for c in others}) == 1]
    if not slots or any(last[k] != others[0][k] for k in slots):
        return None  # 养老保险、失业保险和医疗保障｜改革: 保险 is the others' template
    if word_across(last, size) is not None:
        return None
    return size if last[size : size + 2] in _words() else None


def _clip_even_tail(window: list[Unit], carriers: list[str]) -> list[Unit] | None:
    """The 、-list with its last item's run-on cut by ``rule_even_list_tail``, if any."""
    keep = rule_even_list_tail(carriers)
    if keep is None:
        return None
    return [*window[:-1], _clip(window[-1], 0, len(carriers[-1]) - keep)]


def rule_split_elaboration(carrier: str, keep: int) -> bool:
    """Whether keeping the last ``keep`` characters of a first unit splits an elaboration
    lead (``ELABORATION_LEADS``): 国有企业特别｜是国有大中型企业，是我国国民经济的支柱 and
    我国农业特别｜是这五年…，是建国以来… are a subject and its predicate, no 是-group."""
    cut = len(carrier) - keep
    return cut > 0 and carrier[cut - 2 : cut + 1] in ELABORATION_LEADS


def _joined_lead(carrier: str, keep: int, level: str) -> bool:
    """Whether cutting a clause's lead to keep ``keep`` characters leaves the second of two
    joined nouns (智能建造与｜建筑工业化协同发展…): that opens no clause of its own."""
    return level != "phrase" and carrier[: len(carrier) - keep].endswith(CONJUNCTIONS)


def _clip_last(view: str, window: list[Unit], carriers: list[str]) -> list[Unit] | None:
    """A 、-list whose last item runs on past a particle: 有市场、有效益｜的速度."""
    if window[0].level != "phrase":
        return None
    last, longest = carriers[-1], length_range(carriers[:-1])[1]
    if len(last) <= 1.5 * longest:
        return None
    cut = next((k for k in range(2, len(last)) if last[k] in "的等"), None)
    if cut is None or cut > longest + 2:
        return None
    return [*window[:-1], _clip(window[-1], 0, len(last) - cut)]


#: words a 、-list's last item often runs on into: 平安校园、平安医院｜建设
HEAD_WORDS = ("建设", "工作", "活动", "行动", "工程", "项目", "试点", "改革", "水平", "能力")
HEAD_WORDS += ("问题",)  # 融资难、融资贵｜问题 (prec20's audit)


def _clip_head_word(view: str, window: list[Unit], carriers: list[str]) -> list[Unit] | None:
    """A 、-list whose last item runs on into the word the list modifies: 示范村、示范片区｜建设."""
    last = carriers[-1]
    if window[0].level != "phrase" or not _ends_with_word(last, _HEAD_WORD_SET):
        return None
    head = last[-2:]
    if any(c.endswith(head) for c in carriers[:-1]) or len(last) - 2 < 2:
        return None
    if len(last) - 2 > max(len(c) for c in carriers[:-1]) + 1:
        return None
    return [*window[:-1], _clip(window[-1], 0, 2)]


#: the shortest ending shared by a list's other items that ``rule_run_on_ending`` looks for
RUN_ON_ENDING = 2


def rule_run_on_ending(carriers: list[str]) -> int | None:
    """How many characters the last item of a 、-list runs on past the ending the other
    items share, into the list's predicate or head noun: 以企观政、以农观政｜改作风;
    凤凰机场三期、博鳌机场三期｜完工; 形式主义、官僚主义｜严重; 优化开发、…、禁止开发｜
    四类主体功能区. The ending (``RUN_ON_ENDING`` characters or more) is the longest
    one all other items end with that the last item holds once, not at its end and not
    inside a longer word of the word table (决胜全面建成小康社会、夺取…中国特色社会主义:
    社会主义), and the item it leaves is at most twice as long as the longest other; it
    must stand once in every other item (以科技创新引领产业创新、以金融创新服务实体经济:
    创新 twice, no ending). None when no such ending is there. ``_window_template`` takes
    the clipped reading only where another reading of the window is a group too: it
    reshapes groups, it makes none (形式主义、官僚主义｜仍然存在 stays out)."""
    others, last = carriers[:-1], carriers[-1]
    shared = others[0]
    for other in others[1:]:
        while shared and not other.endswith(shared):
            shared = shared[1:]
    if shared[-RUN_ON_ENDING:] not in last:
        return None  # no ending of RUN_ON_ENDING characters or more is in it (the usual case)
    for size in range(len(shared), RUN_ON_ENDING - 1, -1):
        ending = shared[-size:]
        at = last.find(ending)
        if at < 0 or at + size == len(last) or last.count(ending) > 1:
            continue
        if any(other.count(ending) > 1 for other in others):
            return None
        if at + size > 2 * max(len(other) for other in others):
            return None  # no item of the list: 如果少数人、个别人可以不服从大多数人｜的决定
        if word_across(last, at + size) is not None:
            return None  # 夺取新时代中国特色社会｜主义…: the ending is part of a longer word
        return len(last) - at - size
    return None


def _clip_run_on(window: list[Unit], carriers: list[str]) -> list[Unit] | None:
    """The 、-list with its last item clipped after the other items' ending
    (``rule_run_on_ending``)."""
    if window[0].level != "phrase":
        return None
    tail = rule_run_on_ending(carriers)
    if tail is None:
        return None
    return [*window[:-1], _clip(window[-1], 0, tail)]


#: words after which a list's first member may start: 我国｜新型工业化, 推动｜数字化
LEAD_WORDS = (
    "我国",
    "我省",
    "我市",
    "全国",
    "全省",
    "推进",
    "推动",
    "加快",
    "实现",
    "促进",
    "坚持",
    "加强",
    "提升",
    "提高",
    "支持",
    "鼓励",
    "开展",
    "围绕",
    "聚焦",
    "面向",
    "包括",
    "涵盖",
    "立足",
    "带动",
    "构建",
    "打造",
    "培育",
    "强化",
    "完善",
    "深化",
    "扩大",
    "统筹",
    "突出",
    "实施",
    "落实",
    "发展",
    "建立",
    "健全",
    "形成",
    "建成",
    "做到",
    "学习",
    "建设",
    "增长",
    # verbs that govern a list of objects: 加速｜工业设备上云、企业业务系统上云
    "加速",
    "通过",
    "避免",
    "汇聚",
    "给予",
    "利用",
    "运用",
    "采用",
    "引进",
    "引导",
    "提供",
    "推广",
    "整合",
    "集聚",
    "培养",
    "研发",
    "研制",
    "优化",
)
#: verbs that govern a whole 、-list from inside its first item (prec20's precision audit
#: of report and normative prose, development half A): 规范｜搬运机器人、插袋机器人; 自觉
#: 接受｜人大法定监督、政协民主监督; 弘扬｜科学家精神、劳模精神. Unlike ``LEAD_WORDS`` they
#: cut a first item only where its others are of uneven length (``_fit``): where they are
#: even, the even cut also drops shared material (增强政策｜前瞻性、一致性、实效性)
LIST_VERBS = ("规范", "突破", "探索", "加大", "布局", "接受", "营造", "增强", "注重", "办好")
LIST_VERBS += ("打击", "压实", "弘扬", "使用", "应用", "重视", "开发")
#: ``LEAD_WORDS`` and ``LIST_VERBS``: where a lead ends, a member may start
_LEADS_AND_VERBS = LEAD_WORDS + LIST_VERBS


def rule_list_verb_lead(carrier: str, keep: int, longest: int, even: bool) -> int | None:
    """How much of a 、-list's first item to keep after a verb of ``LIST_VERBS`` that
    governs the whole list (``keep`` is the cut to the others' length ``longest``, ``even``
    whether they are of one length): 积极布局｜集成电路晶圆制造材料、新型显示基础材料、关键
    封装材料 (uneven others); 规范｜精细化配矿系统、矿石质量检测系统 (the others' length
    would cut the verb: not 规｜范精细化配矿系统). None where no such verb leads the item,
    and where the others' even length keeps less (增强政策｜前瞻性、一致性、实效性: 政策 is
    shared by all three). Lists of three items or more: a pair whose first item holds the
    verb is no pair (``rule_lead_pair``: 应使用办公自动化软件、专业财务管理软件)."""
    cut = _after_lead_word(carrier, longest + 2, _LIST_VERB_SET)
    if cut is None or (even and cut > keep):
        return None
    return cut


#: characters no member opens with after a lead word is cut: 提供相关应用｜的“关怀模式”
_NOT_OPENING = frozenset("的之")


#: ``LEAD_WORDS`` and ``LIST_VERBS`` as sets, and the lengths of their words: a lead ends
#: with one of them where its last characters are one (``_after_lead_word`` looks them up,
#: not ``str.endswith`` of every word in turn)
_LEAD_WORD_SET = frozenset(LEAD_WORDS)
_LIST_VERB_SET = frozenset(LIST_VERBS)
_LEAD_WORD_LENGTHS = tuple(sorted({len(word) for word in _LEADS_AND_VERBS}))
#: ``_LEADS_AND_VERBS`` and ``HEAD_WORDS`` as sets, and the lengths of all their words:
#: ``_opens_with_word`` and ``_ends_with_word`` look a text's edges up in them (the same
#: answer as ``str.startswith``/``str.endswith`` of the tuple, which tries every word)
_LEADS_AND_VERBS_SET = frozenset(_LEADS_AND_VERBS)
_HEAD_WORD_SET = frozenset(HEAD_WORDS)
_WORD_LENGTHS = tuple(sorted({len(word) for word in (*_LEADS_AND_VERBS, *HEAD_WORDS)}))


def _opens_with_word(text: str, words: frozenset[str]) -> bool:
    """``text.startswith(tuple(words))`` for ``words`` of ``_WORD_LENGTHS``."""
    for length in _WORD_LENGTHS:  # noqa: SIM110 - a loop: the compiled twin makes no generator
        if length <= len(text) and text[:length] in words:
            return True
    return False


def _ends_with_word(text: str, words: frozenset[str]) -> bool:
    """``text.endswith(tuple(words))`` for ``words`` of ``_WORD_LENGTHS``."""
    for length in _WORD_LENGTHS:  # a loop, not any(): the compiled twin makes no generator
        if length <= len(text) and text[len(text) - length :] in words:
            return True
    return False


def _after_lead_word(
    carrier: str, limit: int, words: frozenset[str] = _LEAD_WORD_SET
) -> int | None:
    """The shortest end of ``carrier`` (2 to ``limit``) that follows a lead word (one of
    ``words``, a set of ``LEAD_WORDS`` or ``LIST_VERBS``): the lead word nearest the member
    (加快建设｜法治政府, not 加快｜建设法治政府)."""
    size = len(carrier)
    for keep in range(2, (size - 2 if size - 2 < limit else limit) + 1):
        if carrier[-keep] in _NOT_OPENING:
            continue
        end = size - keep  # carrier[:end].endswith(words)
        for length in _LEAD_WORD_LENGTHS:
            if carrier[end - length if end > length else 0 : end] in words:
                return keep
    return None


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
        guides = [new_template(unit[:n], "", "", 0) for n in (1, 2) if len(unit) > n]
        guides += [new_template("", "", unit[-n:], 0) for n in (1, 2) if len(unit) > n]
    windows = []
    for guide in guides:
        first = _fit(carriers[0], guide, inner, from_end=True, level="phrase", trusted=True)
        last = _fit(carriers[-1], guide, inner, from_end=False, level="phrase", trusted=True)
        if first is None and not carriers[0].startswith(guide.prefix or carriers[0][:1]):
            continue
        clipped = list(window)
        if first is not None and first < len(carriers[0]):
            cut = rule_owner_before_its(carriers[0], len(carriers[0]) - first)
            if cut is None:
                continue
            clipped[0] = _clip(window[0], cut, None)
        if last is not None and last < len(carriers[-1]):
            clipped[-1] = _clip(window[-1], 0, len(carriers[-1]) - last)
        if clipped != window:
            windows.append(clipped)
            for k in (0, -1):  # one end only: 国内外知名软硬件企业代表、…、投资机构代表｜参加
                if clipped[k] != window[k]:
                    single = list(window)
                    single[k] = clipped[k]
                    if single not in windows:
                        windows.append(single)
    size = len(inner[0])
    # one shape: 积极构建｜点状辐射、带状串联、网状协同｜的全域全季发展格局
    if (
        len(inner) == 1
        and 3 <= size <= 4 < len(carriers[0])
        and len(carriers[-1]) > size
        and (carriers[-1][size] in FUNCTION_CHARS or carriers[-1][size] in "等")
    ):
        windows.append(
            [
                _clip(window[0], len(carriers[0]) - size, None),
                *window[1:-1],
                _clip(window[-1], 0, len(carriers[-1]) - size),
            ]
        )
    return windows


def _extend(
    view: str, units: list[Unit], i: int, j: int, window: list[Unit], template: Template
) -> tuple[list[Unit], Template]:
    level = window[0].level
    carriers = _carriers(view, window)
    longest = length_range(carriers[:-1])[1]  # the size of a whole item (rule_cut_inner_item)
    if level == "phrase":  # the last item of a 、-list may run on: 最现实的利益问题入手
        keep = _fit(carriers[-1], template, carriers[:-1], from_end=False, level=level)
        if keep is not None and _keep_cuts_whole(view, window[-1], keep, "tail", longest):
            keep = None  # rule_cut_inner_item
        if keep is not None and keep < len(carriers[-1]):
            window[-1] = _clip(window[-1], 0, len(carriers[-1]) - keep)
            carriers[-1] = carriers[-1][:keep]
    if i > 0 and units[i - 1].level == level and window[0].start == units[i].start:
        previous = units[i - 1]
        carrier = view[previous.start : previous.carrier_end]
        keep = _fit(carrier, template, carriers, from_end=True, level=level)
        if keep is not None and _keep_cuts_whole(view, previous, keep, "lead", longest):
            keep = None  # rule_cut_inner_item: 重点实验室、产业创新中心, not 产业｜创新中心
        if keep is not None and level != "sentence" and not _joined_lead(carrier, keep, level):
            candidate = [_clip(previous, len(carrier) - keep, None), *window]
            new = find_template(_carriers(view, candidate))
            if new is not None and _acceptable(new, _carriers(view, candidate), level):
                window, template = candidate, new
    if level == "phrase" and j + 1 < len(units):
        following = units[j + 1]
        carrier = view[following.start : following.carrier_end]
        keep = _fit(carrier, template, carriers, from_end=False, level=level)
        if keep is not None and _keep_cuts_whole(view, following, keep, "tail", longest):
            keep = None  # rule_cut_inner_item: the item is whole, a 、 follows it
        if keep is not None:
            candidate = [*window, _clip(following, 0, len(carrier) - keep)]
            new = find_template(_carriers(view, candidate))
            if new is not None and _acceptable(new, _carriers(view, candidate), level):
                window, template = candidate, new
    return window, template


def rule_nearest_opening(carrier: str, opening: str, position: int, limit: float) -> int:
    """Where a clause's lead ends: at the first place the others' opening occurs, unless
    the member that leaves is longer than ``limit``, then at the last place (也有不少同志｜
    不蹲点，不调查，不研究: not 也有｜不少同志不蹲点) where a one-character opening
    starts no word of the table there (not ｜不同企业特点…, 不同 is a word)."""
    if position > 0 and len(carrier) - position > limit:
        last = carrier.rfind(opening)
        if len(opening) > 1 or carrier[last : last + 2] not in _words():
            return last  # not 要适合｜不同企业特点的…，不要…，不要…: 不同 is a word
    return position


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
    shortest, longest = length_range(others)
    if level != "phrase":
        limit = 2 * longest
    else:  # max(1.5 * longest, longest + 2)
        limit = longest + 2 if longest + 2 > 1.5 * longest else 1.5 * longest
    keep: int | None = None
    if from_end:
        if template.prefix:
            find = carrier.rfind if level == "phrase" else carrier.find
            position = rule_nearest_opening(carrier, template.prefix, find(template.prefix), limit)
            keep = len(carrier) - position if position > 0 else None
        elif template.infix and not template.suffix:
            # the infix sits at the same place as in the other members: 真正做到｜进万家门
            position = carrier.rfind(template.infix)
            offsets = {o.find(template.infix) for o in others}
            if position > 0 and len(offsets) == 1 and shortest == longest:
                lead = position - offsets.pop()
                keep = len(carrier) - lead if lead > 0 else None
                if keep is not None and (word := _word_cut(carrier, lead, LONGEST_OPENING_WORD)):
                    keep = len(carrier) - word[0]  # rule_whole_words: 保持同…, not 持同…
            elif position > 0 and level == "phrase":
                # items of uneven length: the first mirrors the one after it
                # (更加注重｜抓基层、打基础、苦练基本功)
                lead = position - others[0].find(template.infix)
                keep = len(carrier) - lead if lead > 0 else None
        elif level == "phrase" and template.suffix and carrier.endswith(template.suffix):
            keep = min(len(carrier), longest)
            # cut only after a particle (科学有效的｜利益协调机制) or to the others' common length
            even = (len(others) >= 2 or trusted) and shortest == longest
            lead_cut = _after_lead_word(carrier, longest + 2)
            if len(others) >= 2 or trusted:  # pairs: rule_lead_pair
                verb_cut = rule_list_verb_lead(carrier, keep, longest, even)
                if verb_cut is not None and (lead_cut is None or verb_cut < lead_cut):
                    lead_cut = verb_cut  # the nearest: 统筹办好｜特殊教育、专门教育、老年教育
            if lead_cut is not None:
                keep = lead_cut  # 立足于我国｜新型工业化
            elif keep < len(carrier) and not (carrier[-keep - 1] in FUNCTION_CHARS or even):
                keep = None
            elif keep < len(carrier) and (
                word := _word_cut(carrier, len(carrier) - keep, LONGEST_OPENING_WORD)
            ):
                keep = len(carrier) - word[0]  # rule_whole_words: 大别山精神, not 别山精神
        elif level == "clause" and template.suffix and carrier.endswith(template.suffix):
            keep = rule_modal_lead(carrier, others)
    elif template.suffix:
        # the suffix's first place that leaves a member of about the others' length:
        # 国内外知名软硬件企业代表、地方产业园区代表、投资机构代表｜参加
        position = carrier.find(template.suffix, max(1, shortest // 2 - len(template.suffix)))
        keep = position + len(template.suffix) if position >= 0 else None
        if keep is not None and _splits_suffix_word(carrier, keep, template.suffix):
            keep = None  # 财力、物力、技术力量: not 技术力｜量
    elif template.prefix and carrier.startswith(template.prefix):
        keep = min(len(carrier), longest)
        # cut only before a particle (最现实｜的利益问题) or to the others' common length
        even = len(others) >= 2 and shortest == longest
        if keep < len(carrier) and not (
            carrier[keep] in FUNCTION_CHARS
            or carrier[keep] in "等相"
            or carrier[keep] in _QUOTES
            or _modal_at(carrier, keep)
            or even
        ):
            keep = None
        elif keep < len(carrier) and (word := _word_cut(carrier, keep)):
            keep = word[1]  # rule_whole_words: 全生命周期, not 全生命｜周期
    if keep is None or keep < 2 or keep > limit:
        return None
    piece = carrier[-keep:] if from_end else carrier[:keep]
    if template.infix and template.infix not in piece:
        return None
    return keep


def rule_modal_lead(carrier: str, others: list[str]) -> int | None:
    """How much of a first clause to keep when the clauses after it are of one length and
    it is longer by a lead that ends in a modal verb (``MODALS``): 就是党的全部理论和工作要｜
    体现时代性，把握规律性，富于创造性 keeps 5. None otherwise: the others uneven, or no
    modal before the cut (国家统一规划｜建设性…: the subject runs into the member)."""
    size = len(others[0])
    if len(others) < 2 or len(carrier) <= size or any(len(o) != size for o in others):
        return None
    lead = carrier[: len(carrier) - size]
    for modal in MODALS:
        if lead.endswith(modal) and lead[-len(modal) - 1 : -len(modal)] not in _NOT_MODAL_BEFORE:
            return size  # 工作要｜体现…; not 主要｜…, 需要｜…
    return None


def _splits_suffix_word(carrier: str, keep: int, suffix: str) -> bool:
    """Whether a tail cut after a one-character suffix of ``UNEVEN_SUFFIXES`` splits the
    word it opens (rule_whole_words): 技术力｜量 (力量), 清洁能｜源 (能源)."""
    return (
        suffix in UNEVEN_SUFFIXES
        and keep < len(carrier)
        and carrier[keep - 1 : keep + 1] in _words()
    )


#: the longest word of the table a member's opening keeps whole: the table's longer
#: entries include phrases (群众获得, 危害国家) that a lead should not join
LONGEST_OPENING_WORD = 3


def _word_cut(carrier: str, cut: int, longest: int = LONGEST_WORD) -> tuple[int, int] | None:
    """The word a member's edge at ``cut`` would split (rule_whole_words), unless a
    leading or function word stands on either side of the cut: 从｜政治上, 组织上｜为."""
    if carrier[cut - 1] in LEADING_WORDS or carrier[cut] in LEADING_WORDS | FUNCTION_CHARS:
        return None
    return word_across(carrier, cut, longest)


#: modal verbs that open the predicate after a list: 示范商圈、示范商店｜要珍视荣誉
MODALS = ("要", "应", "须", "必须", "应当")
#: words that end in a modal's character: 主要, 重要, 需要, 只要, 必要
_NOT_MODAL_BEFORE = frozenset("主重需只必纲概扼摘")


def _modal_at(carrier: str, at: int) -> bool:
    """Whether a modal verb opens the rest of ``carrier`` at ``at`` (not 主要, 重要)."""
    return carrier.startswith(MODALS, at) and carrier[at - 1] not in _NOT_MODAL_BEFORE


def _clip(unit: Unit, lead: int, tail: int | None) -> Unit:
    """``unit`` without ``lead`` characters at its start and ``tail`` at its carrier's end."""
    start = unit.start + lead
    carrier_end = unit.carrier_end - (tail or 0)
    end = unit.end if unit.level == "sentence" else carrier_end
    return new_unit(start, end, carrier_end, unit.level)


#: sentences whose first clauses are at least this long are members by their first clause
#: (加快发展数字经济，…。加快发展生物经济，…); shorter openings (在思想上，…) keep the sentence
SENTENCE_LEAD = 6
#: … and when the shared material covers this share of them (我们要… is too little)
SENTENCE_LEAD_SHARE = 0.4


def _drop_preposition(view: str, units: list[Unit]) -> list[Unit]:
    """The units without a preposition before the first member of a 、-list."""
    first = units[0]
    if (
        first.level == "phrase"
        and view[first.start] in PREPOSITIONS
        and first.carrier_end - first.start > 3
        and not any(view[u.start] == view[first.start] for u in units[1:])
        and not _preposition_in_word(view, units)
    ):
        two = view[first.start : first.start + 2] in PREPOSITION_WORDS
        return [_clip(first, 2 if two else 1, None), *units[1:]]
    return units


#: prepositions of two characters whose first is one of ``PREPOSITIONS``: 对于｜国营工业
PREPOSITION_WORDS = frozenset(["对于", "由于", "为了", "以及"])


def _preposition_in_word(view: str, units: list[Unit]) -> bool:
    """Whether the preposition opening a list is the first character of a word of the word
    table, not a preposition (rule_whole_words): 和平赤字、发展赤字 (not 平赤字), 对流运输、
    过远运输; still a preposition before a word (从｜政治上、业务上) or
    when another member opens with the character after it (以｜为…、为…)."""
    at = units[0].start
    words = _words()
    return (
        view[at : at + 2] in words
        and view[at : at + 2] not in PREPOSITION_WORDS
        and view[at + 1 : at + 3] not in words
        and not any(view[u.start] == view[at + 1] for u in units[1:])
    )


#: a demonstrative before the 是 the other members open with: 这｜是…的结果，是…的结果
_DEMONSTRATIVES = frozenset("这那")


def _drop_sentence_lead(view: str, units: list[Unit]) -> list[Unit]:
    """The units without a word of the sentence before the first member: 特别是｜微电子
    技术、信息技术、生物工程技术; 这｜是…的结果，是…的结果 (the others open with 是)."""
    first, second = units[0], units[1]
    head, other = view[first.start : first.carrier_end], view[second.start : second.carrier_end]
    lead = 0
    if head.startswith(ELABORATION_LEADS) and not other.startswith(head[:3]):
        lead = 3
    elif head[:1] in _DEMONSTRATIVES and head[1:2] == "是" and other.startswith("是"):
        lead = 1
    if lead and len(head) - lead >= 2:
        return [_clip(first, lead, None), *units[1:]]
    return units


def _before_open_bracket(view: str, start: int, end: int) -> int:
    """A member's end before a bracket it opens and does not close (the closer was trimmed
    off with the unit's end): 先进过程系统(APC) gives the member 先进过程系统, not
    先进过程系统(APC; 卷积神经网络（CNN） gives 卷积神经网络."""
    cut = _unclosed_opener(view, start, end)
    if cut is None or view[cut] not in BRACKET_MARKS or cut - start < 2:
        return end
    return _trimmed(view, start, cut)[1]


def _group(text: str, view: str, units: list[Unit], template: Template) -> Parallel:
    units = _drop_sentence_lead(view, _drop_preposition(view, units))
    carriers = _carriers(view, units)
    members = []
    shared = sum(map(len, template.shared))
    whole = (
        units[0].level == "sentence"
        and not heads_alike(template, carriers, "sentence")
        and (
            min(map(len, carriers)) < SENTENCE_LEAD
            or shared < SENTENCE_LEAD_SHARE * sum(map(len, carriers)) / len(carriers)
        )
    ) or (units[0].level == "semicolon" and rule_case_frame(carriers))
    for unit in units:
        end = unit.end if whole else _before_open_bracket(view, unit.start, unit.carrier_end)
        start = unit.start
        while start < end - 1 and view[start].isspace():
            start += 1  # 规范｜PLC 控制系统: no space left over where a lead was cut
        members.append(span_of(text, start, end))
    kind = "parallelism" if len(members) >= 3 else "pair"
    return new_parallel(
        tuple(members),
        kind,
        template.shared,
        members[0].start,
        members[-1].end,
        score_group(template, carriers, units[0].level)
        if template.prefix or template.infix or template.suffix
        else 0.6,
    )


def _minimal_members(
    text: str, view: str, group: Parallel, *, labels_stay_whole: bool = False
) -> Parallel:
    """Shrink members to their first clauses when those carry all the shared material; with
    ``labels_stay_whole``, not where a first clause only labels its member
    (:func:`rule_label_opening`)."""
    firsts = [_first_clause_end(view, m.start, m.end) for m in group.members]
    heads = [view[m.start : end] for m, end in zip(group.members, firsts, strict=True)]
    if all(end == m.end for m, end in zip(group.members, firsts, strict=True)):
        return group
    if labels_stay_whole and rule_label_opening(heads, group.shared):
        return group
    if not all(h.startswith(group.shared[0]) for h in heads) or any(
        part not in h for part in group.shared[1:] for h in heads
    ):
        return group
    return _with_members(
        group, tuple(span_of(text, m.start, e) for m, e in zip(group.members, firsts, strict=True))
    )


def _opening_clause_members(text: str, view: str, group: Parallel) -> Parallel:
    """Sentences compared by their first clauses, three or more, reported by those clauses
    when they carry all the shared material (ANNOTATION.md: the minimal unit that carries
    the template; 坚持人民主体地位，…。坚持依法治国，…) unless a first clause only labels its
    sentence (:func:`rule_label_opening`). Pairs keep whole sentences."""
    if len(group.members) < 3:
        return group
    return _minimal_members(text, view, group, labels_stay_whole=True)


def _dedupe(groups: list[Parallel]) -> list[Parallel]:
    """Drop a group whose members repeat members of a larger or better group.

    The same list is often found at two levels (a 、-list that is also a run
    of clauses); a group nested inside one member of another (去思考、去把握 inside
    a sentence of a sentence-level group) is kept.
    """
    kept: list[Parallel] = []
    # kept groups by the stretches of text their members cover, so that a group is
    # compared only with those that have a member where its first member lies
    by_bucket: dict[int, list[int]] = {}
    for group in sorted(groups, key=lambda g: (-len(g.members), -g.score, g.start)):
        first = group.members[0]
        seen: set[int] = set()
        repeated = False
        for bucket in range(first.start // _BUCKET, (first.end - 1) // _BUCKET + 1):
            for k in by_bucket.get(bucket, ()):
                if k not in seen:
                    seen.add(k)
                    if _repeats(group, kept[k]):
                        repeated = True
                        break
            if repeated:
                break
        if repeated:
            continue
        for member in group.members:
            for bucket in range(member.start // _BUCKET, (member.end - 1) // _BUCKET + 1):
                entries = by_bucket.setdefault(bucket, [])
                if not entries or entries[-1] != len(kept):
                    entries.append(len(kept))
        kept.append(group)
    return sorted(kept, key=lambda g: (g.start, g.end))


#: characters per stretch in ``_dedupe``'s index
_BUCKET = 64


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


def _quoted_members(text: str, view: str, group: Parallel) -> Parallel:
    """``group`` with its members that are quoted items whole inside their quotation
    marks (``rule_quoted_member``) or half a quotation (``rule_unclosed_quote``) with the
    mark that completes it; the group itself when no member changes."""
    edges = [quoted_edges(view, m.start, m.end) for m in group.members]
    if all(edge == (m.start, m.end) for edge, m in zip(edges, group.members, strict=True)):
        return group
    return _with_members(group, tuple(span_of(text, a, b) for a, b in edges))


def rule_orphan_edge(view: str, at: int, step: int) -> bool:
    """Whether an outer member edge at ``at`` cuts a two-character word that the character
    outside it (``step`` -1: before a start, +1: after an end) can only belong to: that
    character and the member's edge character are a word of the word table, the member's
    edge character and its neighbour inside are none, and the outside character forms no
    word with its own outer neighbour, a Chinese character (加快建设全｜国统一大市场…:
    全 belongs to 全国; 民族团结、民族平｜等和…; 扶持公｜益性文化事业; 激发科｜技型…).
    Kept: an edge after a word (着力｜稳就业: 着力 is one), after punctuation (，决｜不…:
    a one-character word opening its clause)."""
    if step < 0:
        outer, edge, inner, beyond = at - 1, at, at + 1, at - 2
    else:
        outer, edge, inner, beyond = at, at - 1, at - 2, at + 1
    if min(outer, edge, inner, beyond) < 0 or max(outer, edge, inner, beyond) >= len(view):
        return False
    if not all(_is_han(view[k]) for k in (outer, edge, inner, beyond)):
        return False
    words = _words()

    def pair(a: int, b: int) -> str:
        return view[min(a, b)] + view[max(a, b)]

    if pair(outer, edge) not in words or pair(edge, inner) in words:
        return False
    # the outside character opens (after an end) or closes (before a start) a word of its own
    outside = view[outer : outer + 3] if step > 0 else view[max(0, outer - 2) : outer + 1]
    own = (outside[:2], outside) if step > 0 else (outside[-2:], outside)
    return not any(w in words for w in own)


def rule_orphan_clause_edge(view: str, at: int, step: int) -> bool:
    """Whether an outer member edge at ``at`` leaves one character alone at its clause's
    edge (``step`` -1: the clause's first character before a start, +1: its last after an
    end) that forms a word of the word table with the member's edge character, when the
    edge character and its neighbour inside form none: ，社｜会生产力、经济实力、科技实力;
    ，规｜定恰当的投资规模; 问计于企、问计于民、问计于基｜层，. ``rule_orphan_edge`` asks
    the same inside a clause."""
    if step < 0:
        outer, edge, inner, beyond = at - 1, at, at + 1, at - 2
    else:
        outer, edge, inner, beyond = at, at - 1, at - 2, at + 1
    if min(outer, edge, inner) < 0 or max(outer, edge, inner) >= len(view):
        return False
    if 0 <= beyond < len(view) and view[beyond] not in ITEM_EDGES:
        return False
    if not all(_is_han(view[k]) for k in (outer, edge, inner)):
        return False
    words = _words()

    def pair(a: int, b: int) -> str:
        return view[min(a, b)] + view[max(a, b)]

    return pair(outer, edge) in words and pair(edge, inner) not in words


def rule_cut_shared_opening(view: str, group: Parallel, opening: str) -> bool:
    """Whether the group's shared opening is one character cut off a word before it and
    the rest of what the members share weighs under two characters: the template is an
    accident of the cut (农村卫｜生厕所普及率、生活垃圾…、生活污水…; 世界人｜民争取和平、民族
    解放、民主; 是实｜现生产社会化、现代化). Kept: 着力｜
    稳就业、稳企业 (力稳 is no word), ，决｜不迁就…、不受… (an edge after punctuation)."""
    start = group.members[0].start
    if len(opening) != 1 or sum(len(s) for s in group.shared) - 1 >= 2:
        return False
    return rule_orphan_edge(view, start, -1)


#: the longest opening clause ``rule_opening_clause`` moves out of a first member
OPENING_CLAUSE = 12


def rule_opening_clause(first: str, others: list[str], prefix: str) -> int | None:
    """Where the first member starts after a short clause that opens its sentence ahead
    of the shared frame, when every other member opens with the frame's opening (a
    sentence-opening lead is no part of the frame): 我代表国务院，｜向全国各族人民，…，
    表示诚挚感谢！向香港…，表示诚挚感谢！ The clauses before the frame (在这里，我代表
    国务院，) are at most ``OPENING_CLAUSE`` characters; None when the first member opens
    with the frame or no such clause is there."""
    if not prefix or first.startswith(prefix) or not all(o.startswith(prefix) for o in others):
        return None
    comma = first.find("，" + prefix)
    if comma < 1 or comma > OPENING_CLAUSE:
        return None
    return comma + 1


def _drop_opening_clause(text: str, view: str, group: Parallel) -> Parallel:
    """``group`` with its first member cut after a sentence-opening clause
    (``rule_opening_clause``); the group itself when there is none."""
    if not group.shared or len(group.members) < 2:
        return group
    members = list(group.members)
    first = view[members[0].start : members[0].end]
    if "，" not in first[: OPENING_CLAUSE + 1]:
        return group  # the usual case: no short opening clause
    others = [view[m.start : m.end] for m in members[1:]]
    cut = rule_opening_clause(first, others, group.shared[0])
    if cut is None:
        return group
    start = members[0].start + cut
    members[0] = span_of(text, start, members[0].end)
    return _with_members(group, tuple(members))


def _cut_opening(view: str, group: Parallel) -> bool:
    """Whether ``rule_cut_shared_opening`` drops ``group`` (asked of groups whose members
    all open with the same character only)."""
    first = view[group.members[0].start : group.members[0].start + 1]
    if not group.shared or group.shared[0] != first or len(group.members) < 2:
        return False
    if any(view[m.start : m.start + 1] != first for m in group.members):
        return False
    return rule_cut_shared_opening(view, group, group.shared[0])


def _whole_word_edges(text: str, view: str, group: Parallel) -> Parallel:
    """``group`` with its first member's start and its last member's end moved one
    character out where they cut a word (``rule_orphan_edge``), unless the cut character
    is the group's shared opening or ending (稳就业、稳企业; 科学化、民主化、制度化｜为);
    the group itself when neither edge moves."""
    members = list(group.members)
    shared = [s for s in group.shared if s]
    first, last = members[0], members[-1]
    opening = shared and all(view[m.start : m.end].startswith(shared[0]) for m in members)
    ending = shared and all(view[m.start : m.end].endswith(shared[-1]) for m in members)
    start, end = first.start, last.end
    if not opening and (
        rule_orphan_edge(view, start, -1) or rule_orphan_clause_edge(view, start, -1)
    ):
        start -= 1
    if not ending and (rule_orphan_edge(view, end, 1) or rule_orphan_clause_edge(view, end, 1)):
        end += 1
    if (start, end) == (first.start, last.end):
        return group
    members[0] = span_of(text, start, first.end)
    members[-1] = span_of(text, last.start, end)
    return _with_members(group, tuple(members))


def block_groups(text: str, view: str, sentence: Span) -> list[Parallel]:
    """Items written without a separator: 共建共治共享, 强农惠农富农 (``block_runs``)."""
    groups = []
    for items in block_runs(view, sentence.start, sentence.end):
        carriers = [view[a:b] for a, b in items]
        template = find_template(carriers)
        if (
            template is None
            or rule_compass_regions(carriers, "phrase")
            or rule_body_list(carriers)
            or rule_geographic_names(carriers, "phrase")
        ):
            continue  # 粤东粤西粤北: regions; 全党全军全国: bodies; 淮河海河辽河: rivers
        members = tuple(span_of(text, a, b) for a, b in items)
        score = score_group(template, carriers, "phrase")
        groups.append(
            new_parallel(
                members, "parallelism", template.shared, members[0].start, members[-1].end, score
            )
        )
    return groups


def _after_marker(view: str, unit: Unit) -> Unit:
    """``unit`` without the enumeration marker it opens with (六是｜奋力推进文化振兴)."""
    marker = _HEADING_MARKER.match(view, unit.start, unit.carrier_end)
    if marker is None or marker.end() >= unit.carrier_end - 1:
        return unit
    return _clip(unit, marker.end() - unit.start, None)


def _quantifier_after_verb(carrier: str) -> str | None:
    """The indefinite quantifier (``INDEFINITE_QUANTIFIERS``) that follows the clause's
    opening verb of one to ``VERB_SLOT`` characters, with an object after it (培育壮大｜一批｜
    有国际竞争力的…), else None; not an ordinal (第一批)."""
    at = carrier.find("一", 1, VERB_SLOT + 1)
    if at < 0 or carrier[at - 1] == "第":
        return None
    for quantifier in INDEFINITE_QUANTIFIERS:
        if carrier.startswith(quantifier, at) and len(carrier) > at + len(quantifier):
            return quantifier
    return None


#: the fewest clauses ``rule_quantified_objects`` reads as a group
QUANTIFIED_CLAUSES = 3


def rule_quantified_objects(carriers: list[str]) -> str | None:
    """Three or more clauses that each open with a verb of one to ``VERB_SLOT`` characters
    before one indefinite quantifier and an object: the verbs vary in length, so the
    quantifier stands at different places (启动一批…项目，建设一批…中心，培育壮大一批…
    企业，建设一批…试验区; the template search reads only one place). The quantifier, or None.

    Not: two clauses; different quantifiers (建设一批…，出台一系列…); a quantifier further
    in (可以深刻影响一个国家…); an ordinal (第一批); a numeral of one thing (建设一个…).
    """
    if len(carriers) < QUANTIFIED_CLAUSES:
        return None
    quantifier = _quantifier_after_verb(carriers[0])
    if quantifier is None:
        return None
    for carrier in carriers[1:]:  # a loop: the compiled twin makes no generator
        if _quantifier_after_verb(carrier) != quantifier:
            return None
    return quantifier


def quantified_object_groups(text: str, view: str, clauses: list[Unit]) -> list[Parallel]:
    """Maximal runs of a sentence's clauses that ``rule_quantified_objects`` reads as a group
    (a precheck first: the sentence holds 一 three times)."""
    if len(clauses) < QUANTIFIED_CLAUSES or (
        view.count("一", clauses[0].start, clauses[-1].end) < QUANTIFIED_CLAUSES
    ):
        return []
    clauses = [_after_marker(view, u) for u in clauses]
    quantifiers = [_quantifier_after_verb(view[u.start : u.carrier_end]) for u in clauses]
    groups = []
    i = 0
    while i < len(clauses):
        j = i
        while (
            j + 1 < len(clauses)
            and quantifiers[i] is not None
            and quantifiers[j + 1] == quantifiers[i]
        ):
            j += 1
        window = clauses[i : j + 1]
        carriers = _carriers(view, window)
        quantifier = rule_quantified_objects(carriers)
        if quantifier is not None:
            groups.append(_group(text, view, window, new_template("", quantifier, "", 0)))
        i = j + 1
    return groups


#: the length of the last word after ``rule_last_word_slot``'s shared slot (提高｜科技｜意识)
LAST_WORD = 2
#: the longest shared slot ``rule_last_word_slot`` reads
LONGEST_SLOT = 6


def _cuts_no_word(carrier: str, at: int) -> bool:
    """Whether a cut of ``carrier`` at ``at`` (after some characters of its own) splits no
    word of the word table (修正｜主义路线 splits 修正主义)."""
    return carrier[at - 1 : at + 1] not in _words() and word_across(carrier, at) is None


def rule_last_word_slot(carriers: list[str]) -> str | None:
    """Three or more clauses that hold one shared word (two characters or more, Chinese,
    content) right before a last word of ``LAST_WORD`` characters of their own: the slot
    of the object's modifier, counted from the end, as ``rule_verb_slot`` counts from the
    opening (提高科技意识，多方面增加科技投入，真正依靠科技进步; 生态文明制度更加完善，
    城乡人居环境更加宜居…). The shared word (the longest such), or None.

    Not: two clauses; a word at different places (扩大国有资本经营预算实施范围，深化部门
    预算改革，推进政府预算、决算公开); one last word for all (a suffix: the template search
    reads it); a slot that opens a clause (卫生方面，…卫生运动: a topic) or cuts a word
    (修正主义路线，…国际主义义务); digits.
    """
    if len(carriers) < 3:
        return None
    shortest = length_range(carriers)[0]
    if shortest < LAST_WORD + 3:
        return None  # a slot of two and a character before it
    first = carriers[0]
    size = 0
    while size < LONGEST_SLOT and size + LAST_WORD + 1 < shortest:
        char = first[-LAST_WORD - size - 1]
        if not _is_han(char):
            break
        for carrier in carriers:  # a loop: the compiled twin makes no generator
            if carrier[-LAST_WORD - size - 1] != char:
                char = ""
                break
        if not char:
            break
        size += 1
    if size < 2:
        return None
    slot = first[len(first) - LAST_WORD - size : len(first) - LAST_WORD]
    if _weight(slot) < 2 or len({c[-LAST_WORD:] for c in carriers}) == 1:
        return None
    for carrier in carriers:
        last = carrier[-LAST_WORD:]
        if not (_is_han(last[0]) and _is_han(last[1])):
            return None
        if not _cuts_no_word(carrier, len(carrier) - LAST_WORD - size):
            return None
    return slot


def _last_word_verb(view: str, unit: Unit, at: int, longest: int) -> Unit:
    """``unit`` cut where its opening runs longer than ``longest`` before the slot at
    ``at``: from the word of two characters before the slot (its verb: 尤其需要全社会｜
    提高｜科技意识), where the table holds that word and the cut splits none; else whole
    (发展…互助的社会｜主义民族关系 would split 社会主义)."""
    cut = at - 2 - unit.start
    if at - unit.start <= longest or view[at - 2 : at] not in _words():
        return unit
    if not _cuts_no_word(view[unit.start : unit.carrier_end], cut):
        return unit
    return _clip(unit, cut, None)


def last_word_slot_groups(text: str, view: str, clauses: list[Unit]) -> list[Parallel]:
    """Maximal runs of a sentence's clauses that ``rule_last_word_slot`` reads as a group
    (a precheck first: three clauses in a row with the same two characters before their
    last word, none closed by a quotation or title mark: 实施新的《信访条例》); a first
    clause with a longer opening than the others loses its lead."""
    if len(clauses) < 3:
        return []
    keys = [
        ""
        if view[u.carrier_end : u.carrier_end + 1] in CLOSERS
        else view[u.carrier_end - LAST_WORD - 2 : u.carrier_end - LAST_WORD]
        for u in clauses
    ]
    groups = []
    i = 0
    while i + 2 < len(clauses):
        j = i
        while j + 1 < len(clauses) and keys[j + 1] == keys[i]:
            j += 1
        if j - i < 2 or not keys[i]:
            i = j + 1
            continue
        window = [_after_marker(view, u) for u in clauses[i : j + 1]]
        slot = rule_last_word_slot(_carriers(view, window))
        if slot is not None:
            starts = [u.carrier_end - LAST_WORD - len(slot) for u in window]
            longest = max(at - u.start for at, u in zip(starts[1:], window[1:], strict=True))
            window = [_last_word_verb(view, window[0], starts[0], longest), *window[1:]]
            groups.append(_group(text, view, window, new_template("", slot, "", 0)))
        i = j + 1
    return groups


def _sentences_by_paragraph(
    paragraphs: tuple[Span, ...], sentences: tuple[Span, ...]
) -> Iterator[tuple[int, list[Span]]]:
    """``(paragraph index, its sentences)`` for each paragraph with sentences, in order."""
    index = 0
    batch: list[Span] = []
    for sentence in sentences:
        while paragraphs[index].end < sentence.end:
            if batch:
                yield index, batch
                batch = []
            index += 1
        batch.append(sentence)
    if batch:
        yield index, batch


def _with_members(group: Parallel, members: tuple[Span, ...]) -> Parallel:
    """``group`` with new ``members`` (its start and end theirs): ``dataclasses.replace``
    without its look-up of the fields."""
    return new_parallel(
        members, group.kind, group.shared, members[0].start, members[-1].end, group.score
    )


def _scored(group: Parallel, score: float) -> Parallel:
    """``dataclasses.replace(group, score=score)``, without its look-up of the fields."""
    return new_parallel(group.members, group.kind, group.shared, group.start, group.end, score)


def _inside_one_member(group: Parallel, other: Parallel) -> bool:
    return any(m.start <= group.start and group.end <= m.end for m in other.members)


def rule_crossing_group(group: Parallel, other: Parallel) -> bool:
    """``group`` yields to ``other``, which crosses it: a member of one overlaps a member of
    the other without being the same span, neither lies inside one member of the other,
    and ``other`` has more members (as many: shorter ones) and scores no lower. One of two
    crossing groups cuts the other's list (坚持稳中求进工作总基调，坚持以经济建设为中心，
    以推动高质量发展为主题…: the pair of 坚持 takes the first of five 以…; 保护好运用好传承好
    历史文化、革命文化: 好运用、好传承、好历史)."""
    if group.end <= other.start or other.end <= group.start or other.score < group.score:
        return False
    if _inside_one_member(group, other) or _inside_one_member(other, group):
        return False
    if len(group.members) != len(other.members):
        if len(group.members) > len(other.members):
            return False
    elif sum(m.end - m.start for m in group.members) <= sum(m.end - m.start for m in other.members):
        return False
    return any(
        m.start < o.end and o.start < m.end and (m.start, m.end) != (o.start, o.end)
        for m in group.members
        for o in other.members
    )


def rule_borrowed_suffix(group: Parallel, other: Parallel) -> bool:
    """``group`` only repeats the template of the list ``other`` (three or more members) that
    one of its members holds whole and ends with: every shared piece of ``group`` lies in a
    shared piece of ``other`` (创新提升服务贸易、数字贸易、绿色贸易，大力发展技术贸易，
    推进易货贸易: the clauses share only the 贸易 of the list inside the first)."""
    if not group.shared or not other.shared or len(other.members) < 3:
        return False
    if not any(m.start <= other.start and other.end == m.end for m in group.members):
        return False
    return all(any(piece in inner for inner in other.shared) for piece in group.shared)


def _drop_yielding(groups: list[Parallel]) -> list[Parallel]:
    """Drop groups that yield to a group they overlap (:func:`rule_crossing_group`,
    :func:`rule_borrowed_suffix`)."""
    ordered = sorted(groups, key=lambda g: g.start)
    dropped: set[int] = set()
    for i, group in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            other = ordered[j]
            if other.start >= group.end:
                break
            for a, b in ((i, j), (j, i)):
                first, second = ordered[a], ordered[b]
                if rule_crossing_group(first, second) or rule_borrowed_suffix(first, second):
                    dropped.add(a)
    return [g for k, g in enumerate(ordered) if k not in dropped]


def build_parallels(
    text: str,
    view: str,
    paragraphs: tuple[Span, ...],
    sentences: tuple[Span, ...],
    slogans: tuple[Slogan, ...] | None = None,
    calibrate: bool = True,
    min_score: float | None = None,
) -> tuple[Parallel, ...]:
    """Parallel groups of ``text`` from its Simplified view, paragraphs, sentences, slogans.

    Groups whose calibrated score is below ``min_score`` (default: the documented
    threshold, :func:`~policytext.parallels.scoring.default_min_score`) are left out;
    ``min_score=0.0`` returns every group the rules accept. ``calibrate=False`` keeps the
    raw scores of the rules and every group (``tools.calibrate_parallels``).
    """
    if slogans is None:
        slogans = build_slogans(text, view, sentences)
    groups: list[Parallel] = [
        g
        for g in slogan_parallels(text, view, slogans)
        if not rule_unshared_slogan_pair([view[m.start : m.end] for m in g.members])
    ]
    result: list[Parallel] = []
    slogan_groups = {id(g) for g in groups}
    groups.sort(key=lambda g: g.start)
    group_starts = [g.start for g in groups]
    firsts: list[Span | None] = [None] * len(paragraphs)  # each paragraph's first sentence
    for index, paragraph_sentences in _sentences_by_paragraph(paragraphs, sentences):
        paragraph = paragraphs[index]
        firsts[index] = paragraph_sentences[0]
        found = groups[
            bisect_left(group_starts, paragraph.start) : bisect_left(group_starts, paragraph.end)
        ]
        for sentence in paragraph_sentences:
            for run in phrase_units(view, sentence):
                found += [
                    _whole_even_list(text, view, run, g) for g in groups_in_run(text, view, run)
                ]
            for run in plus_chain_units(view, sentence):
                found += [g for g in groups_in_run(text, view, run) if len(g.members) >= 3]
            found += block_groups(text, view, sentence)
            clauses = clause_units(view, sentence)
            found += groups_in_run(text, view, clauses)
            found += quantified_object_groups(text, view, clauses)
            found += last_word_slot_groups(text, view, clauses)
            if not has_semicolon(view, sentence.start, sentence.end):
                continue  # no ；-pieces (the usual case): asked once, not by both calls below
            leads = semicolon_units(view, sentence)
            if len(leads) >= 3:  # 从…转变，…；从…转变，…；…: first clauses count from three pieces
                found += [g for g in groups_in_run(text, view, leads) if len(g.members) >= 3]
            whole_runs = groups_in_run(text, view, semicolon_units(view, sentence, whole=True))
            found += [_minimal_members(text, view, g) for g in whole_runs]
        found += [
            _opening_clause_members(text, view, g)
            for g in groups_in_run(text, view, sentence_units(view, paragraph_sentences))
        ]
        if len(paragraph_sentences) >= 3 and _three_end_alike(view, paragraph_sentences):
            whole_sentences = sentence_units(view, paragraph_sentences, whole=True)
            found += [
                g
                for g in groups_in_run(text, view, whole_sentences)
                if len(g.members) >= 3 and _ends_alike(view, g)
            ]
        for run in interleaved_opening_units(view, paragraph_sentences):
            found += [
                g
                for g in groups_in_run(text, view, run)
                if len(g.members) >= 3 and rule_interleaved_frame(g.shared)
            ]
        if len(paragraph_sentences) >= 6:  # headings run into the paragraph, each with a body
            headings = inline_heading_units(view, paragraph_sentences)
            heading_groups = [g for g in groups_in_run(text, view, headings) if len(g.members) >= 3]
            found += heading_groups or _verb_heading_groups(text, view, headings)
        result += _dedupe(found)
        slogan_groups.difference_update(id(g) for g in found)
    result += [g for g in groups if id(g) in slogan_groups]
    for run in heading_units(view, firsts):
        result += [g for g in groups_in_run(text, view, run) if len(g.members) >= 3]
    result = [_whole_word_edges(text, view, _quoted_members(text, view, g)) for g in result]
    result = [g for g in result if not _cut_opening(view, g)]
    result = [_drop_opening_clause(text, view, g) for g in result]
    if calibrate:
        threshold = default_min_score() if min_score is None else min_score
        genres = ParagraphGenres(view, paragraphs)
        result = [_scored(g, group_score(view, g, genres.of_span(g.start, g.end))) for g in result]
        result = _drop_yielding(result)
        result = [g for g in result if g.score >= threshold]
    return tuple(sorted(result, key=lambda g: (g.start, g.end)))
