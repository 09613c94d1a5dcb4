"""The compiled scans added for speed (``policytext._parcore``) agree with the Python
definitions they stand for: ``rules.has_number_python``, ``grouping._share_a_character``'s
sets, and the regexes of ``segment`` and ``slogans`` (hypothesis, and every sentence and
paragraph of the essay in both scripts)."""

from __future__ import annotations

import gc

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext import layout, segment, slogans
from policytext.parallels import grouping, rules, scoring, templates
from policytext.parallels import units as scans
from policytext.vocabulary import CLAUSE_MARKS, LINE_BREAKS, NARROW, SENTENCE_END
from tests.support.pure_python import PYTHON_ASKED, assert_uses_kernel

kernel = pytest.importorskip(
    "policytext._parcore", reason="the compiled parallels core is not built"
)

#: digits of both widths, the numerals of ``_COUNT_RE``, 年, other Han characters
number_text = st.text(alphabet="05９一二十百千万两〇○年个甲乙a.", max_size=20)


def _has_number(text: str) -> bool:
    return kernel.has_number(text, rules._NUMERALS, "年")


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(number_text)
@example("四十斤")
@example("从一九八一年到一九九〇年")
@example("一九八一年二十")
@example("“三个离不开”")
@example("增长6.5%")
@example("十")
def test_kernel_has_number_agrees_with_the_regex(text):
    """``has_number`` finds a number where ``rules._NUMBER_RE`` finds one."""
    assert _has_number(text) == rules.has_number_python(text)


def test_has_number_uses_the_kernel_where_it_is_built():
    assert_uses_kernel(rules._HAS_NUMBER, kernel.has_number)


#: few characters, so that carriers share some and not others
share_carrier = st.text(alphabet="甲乙丙丁的，a", max_size=8)


def _share_python(carriers: list[str]) -> bool:
    """The definition: the set of the first carrier's characters in every other."""
    common = set(carriers[0])
    for carrier in carriers[1:]:
        common &= set(carrier)
    return bool(common)


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.lists(share_carrier, min_size=2, max_size=5))
@example(["甲乙", "乙丙", "丙乙"])
@example(["甲乙", "丙"])
def test_kernel_shares_a_character_as_the_sets_do(carriers):
    """``share_a_character`` is whether the carriers' character sets meet, as the Python
    ``grouping._share_a_character`` reads them (which ``groups_in_run`` asks)."""
    assert kernel.share_a_character(carriers) == _share_python(carriers)
    assert grouping._share_a_character(carriers) == _share_python(carriers)


def test_the_python_shared_character_test_agrees(monkeypatch):
    """Without the kernel, ``grouping._share_a_character`` reads the sets itself."""
    monkeypatch.setattr(grouping, "_SHARE_A_CHARACTER", None)
    alphabet = "甲乙丙的"
    for size in (2, 3):
        for k in range(len(alphabet) ** size):
            carriers = [alphabet[(k >> (2 * n)) % 4] + alphabet[n] for n in range(size)]
            assert grouping._share_a_character(carriers) == _share_python(carriers)


def test_the_shared_character_test_uses_the_kernel_where_it_is_built():
    assert_uses_kernel(grouping._SHARE_A_CHARACTER, kernel.share_a_character)


#: terminals, ellipses, periods, quotation marks and brackets of every pairing, line
#: breaks, letters, digits, an underscore and a character beyond the BMP
segment_text = st.text(
    alphabet='。！？!?｡…⋯..．“”"《》（）()[]「」\n\r\u2028甲a1_ 、𠀀', max_size=30
)


def _terminals_python(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``segment._terminals`` by its regexes."""
    found = []
    while match := segment.match_at_openings(
        segment._TERMINAL_START_RE, segment._TERMINAL_RE, text, start, end
    ):
        found.append((match.start(), match.end(), match.group()))
        start = match.end()
    return found


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(segment_text, st.integers(-2, 32), st.integers(-2, 32))
@example("他说。。……！甲...？乙．", 0, 16)
@example("“什么？”他说。", 0, 8)
@example("甲\n\n乙\r\n丙", 0, 9)
def test_kernel_segment_scans_agree_with_the_regexes(text, start, end):
    """The kernel's terminals, pair marks, line contents and first word character are the
    matches of the regexes of ``segment``."""
    terminals = kernel.terminals(
        text, start, end, segment.STRONG_TERMINALS, segment.ELLIPSIS_CHARS, segment.PERIODS
    )
    assert terminals == _terminals_python(text, start, end)
    assert kernel.marks_at(text, start, end, segment._PAIR_CHARS) == [
        match.start() for match in segment._PAIR_RE.finditer(text, start, end)
    ]
    assert kernel.runs_outside(text, LINE_BREAKS) == [
        match.span() for match in segment._LINE_CONTENT_RE.finditer(text)
    ]
    match = segment._WORD_CHAR_RE.search(text, start, end)
    assert kernel.first_alnum(text, start, end) == (end if match is None else match.start())
    assert [(k, k + 1) for k in kernel.marks_at(text, 0, len(text), slogans._QUOTE_CHARS)] == [
        match.span() for match in slogans._QUOTE_CHAR.finditer(text)
    ]


def test_kernel_segment_scans_agree_on_the_essay(essay):
    """The same on every paragraph of the essay, in both scripts."""
    for text in (essay, pt.to_traditional(essay)):
        assert kernel.runs_outside(text, LINE_BREAKS) == [
            match.span() for match in segment._LINE_CONTENT_RE.finditer(text)
        ]
        for p in pt.split_paragraphs(text):
            args = (segment.STRONG_TERMINALS, segment.ELLIPSIS_CHARS, segment.PERIODS)
            assert kernel.terminals(text, p.start, p.end, *args) == _terminals_python(
                text, p.start, p.end
            )
            assert kernel.marks_at(text, p.start, p.end, segment._PAIR_CHARS) == [
                match.start() for match in segment._PAIR_RE.finditer(text, p.start, p.end)
            ]


def test_the_segment_scans_use_the_kernel_where_it_is_built():
    assert_uses_kernel(segment._TERMINALS, kernel.terminals)
    assert_uses_kernel(segment._RUNS_OUTSIDE, kernel.runs_outside)
    assert_uses_kernel(segment._FIRST_ALNUM, kernel.first_alnum)
    assert_uses_kernel(layout._MARKS_AT, kernel.marks_at)  # segment's and slogans' mark_places


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.text(alphabet="+＋甲乙\n\r a", max_size=20), st.integers(-2, 22), st.integers(-2, 22))
def test_kernel_plus_signs_and_line_breaks_agree_with_the_regexes(text, start, end):
    """``first_mark`` finds the plus signs (``units._PLUS_RE``) and the line breaks
    (``layout._BREAK_CHAR_RE``) the regexes find, as the callers ask it."""
    for marks, pattern in (
        (scans.PLUS_SIGNS, scans._PLUS_RE),
        (LINE_BREAKS, layout._BREAK_CHAR_RE),
    ):
        match = pattern.search(text, start, end)
        assert kernel.first_mark(text, start, end, marks) == (
            -1 if match is None else match.start()
        )


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(
    st.text(alphabet="推进加快规范建设工作问题甲", max_size=6),
    st.sampled_from(["leads", "verbs", "heads"]),
)
@example("推进", "leads")
@example("甲推进", "leads")
@example("甲乙规范", "verbs")
@example("平安建设", "heads")
def test_word_edges_by_set_agree_with_the_tuples(text, words):
    """``grouping._opens_with_word``/``_ends_with_word`` answer as ``str.startswith`` and
    ``str.endswith`` of the word tuples they stand for."""
    sets = {
        "leads": (grouping._LEADS_AND_VERBS_SET, grouping._LEADS_AND_VERBS),
        "verbs": (grouping._LIST_VERB_SET, grouping.LIST_VERBS),
        "heads": (grouping._HEAD_WORD_SET, grouping.HEAD_WORDS),
    }
    found, words_tuple = sets[words]
    assert grouping._opens_with_word(text, found) == text.startswith(words_tuple)
    assert grouping._ends_with_word(text, found) == text.endswith(words_tuple)


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.text(alphabet="甲\n\r\x0b\u2028\u2029 a", max_size=20))
def test_kernel_line_breaks_agree_with_the_regex(text):
    """``layout.mark_places`` finds the line breaks ``layout._BREAK_CHAR_RE`` finds."""
    expected = [match.start() for match in layout._BREAK_CHAR_RE.finditer(text)]
    assert kernel.marks_at(text, 0, len(text), LINE_BREAKS) == expected
    assert layout.mark_places(text, 0, len(text), LINE_BREAKS, layout._BREAK_CHAR_RE) == expected
    assert_uses_kernel(layout._MARKS_AT, kernel.marks_at)


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(st.text(alphabet="一二十亿甲乙a，。𠀀", max_size=20), st.integers(0, 22), st.integers(0, 22))
def test_kernel_han_count_agrees_with_the_python(text, start, end):
    """``scoring._han_count`` counts the characters ``units._is_han`` accepts, with the
    kernel and without it."""
    expected = sum(1 for c in text[start:end] if scans._is_han(c))
    assert kernel.count_han(text, start, end, scoring._NUMERALS_NOT_HAN) == expected
    assert scoring._han_count(text, start, end) == expected
    assert_uses_kernel(scoring._COUNT_HAN, kernel.count_han)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.sampled_from(["phrase", "clause", "semicolon", "sentence"]),
    st.text(alphabet="甲乙的", max_size=3),
)
def test_kernel_units_and_templates_are_the_named_tuples(start, end, carrier_end, level, text):
    """``units.new_unit`` and ``templates.new_template`` by the kernel's ``tuple_maker``
    give the NamedTuples their definitions give: equal, of the same type, with the same
    fields and hash, tracked by the garbage collector as ``tuple.__new__`` leaves them."""
    unit = scans.new_unit(start, end, carrier_end, level)
    expected = tuple.__new__(scans.Unit, (start, end, carrier_end, level))
    assert type(unit) is scans.Unit and unit == expected and hash(unit) == hash(expected)
    assert (unit.start, unit.end, unit.carrier_end, unit.level) == (start, end, carrier_end, level)
    assert gc.is_tracked(unit) == gc.is_tracked(expected)
    template = templates.new_template(text, "", text[::-1], start)
    defined = templates.Template(text, "", text[::-1], start)
    assert type(template) is templates.Template and template == defined
    assert template.shared == defined.shared
    assert scans.new_unit is not scans.Unit  # the kernel's maker where it was built:
    assert ("tuple_maker" in getattr(scans.new_unit, "__qualname__", "")) is not PYTHON_ASKED


def test_tuple_maker_makes_only_tuples():
    with pytest.raises(TypeError):
        kernel.tuple_maker(list)


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.text(alphabet="甲a1 ，,。.：:；;？?！!、﹐", max_size=16))
def test_row_breaking_marks_by_the_kernel_agree(content):
    """``layout._has_row_breaking_mark`` answers as the Python test of each character."""
    expected = any(mark in CLAUSE_MARKS or mark in SENTENCE_END for mark in content)
    assert layout._has_row_breaking_mark(content) == expected
    assert_uses_kernel(layout._FIRST_MARK, kernel.first_mark)


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(st.text(alphabet="（(一二十1\n\r 　)）甲", max_size=16))
@example("（一\n）")
@example("甲（二\r\n 1）")
def test_marker_cut_by_its_openings_agrees_with_the_search(text):
    """``layout._has_marker_cut`` finds a cut marker where ``_MARKER_CUT_RE.search`` does."""
    assert layout._has_marker_cut(text) == (layout._MARKER_CUT_RE.search(text) is not None)


#: label characters, dots, an at sign and Han characters around them
dotted_text = st.text(alphabet="ab1-.．@甲 \n𠀀", max_size=24)


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(dotted_text, st.integers(-2, 26), st.integers(-2, 26))
@example("见www.gov.cn和a.b.c", 0, 15)
@example("1.5.x", 1, 5)
@example("ab.", 0, 3)
def test_kernel_dotted_starts_agree_with_the_regex(text, start, end):
    """``joined_runs`` finds the matches of ``segment._DOTTED_START_RE``, and
    ``segment.dotted_names`` the matches of ``_DOTTED_RE.finditer`` it stands for."""
    expected = [m.start() for m in segment._DOTTED_START_RE.finditer(text, start, end)]
    assert kernel.joined_runs(text, start, end, segment._LABEL_CHARS, ".") == expected
    assert segment.dotted_starts(text, start, end) == expected
    assert [m.span() for m in segment.dotted_names(text, start, end)] == [
        m.span() for m in segment._DOTTED_RE.finditer(text, start, end)
    ]
    assert_uses_kernel(segment._JOINED_RUNS, kernel.joined_runs)


def test_label_chars_are_the_regex_class():
    """``segment._LABEL_CHARS`` holds the ASCII characters of ``[A-Za-z0-9\\-]``."""
    chars = "".join(c for c in map(chr, range(128)) if segment._DOTTED_START_RE.match(c + ".a"))
    assert chars == segment._LABEL_CHARS


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(
    st.text(alphabet='“”「」『』"＂甲乙\n', max_size=24), st.integers(-2, 26), st.integers(-2, 26)
)
@example('“甲乙"丙"丁”', 0, 8)
@example('"甲」「乙＂', 0, 6)
def test_mismatched_quotes_at_their_openers_agree_with_the_regex(text, start, end):
    """``slogans._mismatched_quotes`` finds the matches of ``_MISMATCHED_QUOTE.finditer``."""
    assert [m.span() for m in slogans._mismatched_quotes(text, start, end)] == [
        m.span() for m in slogans._MISMATCHED_QUOTE.finditer(text, start, end)
    ]


def test_formulas_at_their_first_characters_agree_with_the_regex(essay):
    """The formulas ``slogans._slogan_marks`` takes (``_formula_spans``, and ``_matches_at``)
    match where ``_any_formula().finditer`` does, on the essay and on formulas run
    together."""
    lexicon = slogans.formula_lexicon()
    texts = [essay, pt.simplified_view(essay), "".join(sorted(lexicon)[:200]), "三三个代表两"]
    for text in texts:
        found = slogans._matches_at(
            text,
            0,
            len(text),
            slogans._formula_first_chars(),
            slogans._formula_openings(),
            slogans._any_formula(),
        )
        expected = [m.span() for m in slogans._any_formula().finditer(text)]
        assert [m.span() for m in found] == expected
        assert slogans._formula_spans(text, 0, len(text)) == expected
        for start, end in ((1, len(text) - 1), (2, len(text) // 2)):
            expected = [m.span() for m in slogans._any_formula().finditer(text, start, end)]
            assert slogans._formula_spans(text, start, end) == expected


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(
    st.text(alphabet="甲乙a 𠀀", max_size=8),
    st.integers(-2, 10),
    st.integers(-2, 10),
    st.sampled_from([None, "page_number", "x"]),
)
def test_kernel_spans_are_the_python_spans(source, start, end, label):
    """The kernel's ``span_maker`` makes the span ``results.span_of_python`` makes (fields,
    type, text shared, tracked by the collector), and refuses the offsets it refuses."""
    from policytext import results

    maker = kernel.span_maker(
        results.Span, results.Span.start, results.Span.end, results._SPAN_SOURCE, results.Span.label
    )
    try:
        expected = results.span_of_python(source, start, end, label)
    except ValueError as error:
        with pytest.raises(ValueError, match=str(error).replace(".", r"\.")):
            maker(source, start, end, label)
        return
    made = maker(source, start, end, label)
    assert type(made) is results.Span and made == expected and made.text == expected.text
    assert results._SPAN_SOURCE.__get__(made) is source
    assert (made.start, made.end, made.label) == (expected.start, expected.end, expected.label)
    assert gc.is_tracked(made) == gc.is_tracked(expected)
    assert ("make" in getattr(results.span_of, "__qualname__", "")) is not PYTHON_ASKED


def test_span_maker_sets_only_member_slots():
    from policytext import results

    with pytest.raises(TypeError):
        kernel.span_maker(results.Span, results.Span.start, results.Span.end, property(), None)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(
    st.lists(st.integers(0, 9), min_size=1, max_size=3),
    st.sampled_from(["pair", "parallelism", "slogan"]),
    st.lists(st.text(alphabet="甲乙", max_size=2), max_size=2),
    st.floats(0, 1),
    st.sampled_from([None, 3]),
)
def test_kernel_fields_maker_makes_what_the_dataclass_makes(offsets, kind, shared, score, count):
    """``results.new_parallel`` and ``new_slogan`` make the results their classes make
    (fields, equality, hash, GC tracking), and refuse a wrong count of fields."""
    from policytext import results

    source = "甲乙丙丁戊己庚辛壬癸"
    members = tuple(results.span_of_python(source, k, k + 1) for k in offsets)
    values = (members, kind, tuple(shared), offsets[0], offsets[-1] + 1, score)
    made, expected = (
        kernel.fields_maker(results.Parallel, _names(results.Parallel))(*values),
        (results.Parallel(*values)),
    )
    assert type(made) is results.Parallel and made == expected and hash(made) == hash(expected)
    assert gc.is_tracked(made) == gc.is_tracked(expected)
    slogan = (members[0], kind, count, members if count else None)
    made = kernel.fields_maker(results.Slogan, _names(results.Slogan))(*slogan)
    assert made == results.Slogan(*slogan) and made.to_dict() == results.Slogan(*slogan).to_dict()
    with pytest.raises(TypeError):
        kernel.fields_maker(results.Parallel, _names(results.Parallel))(*values[:-1])
    assert (results.new_parallel is results.Parallel) is PYTHON_ASKED
    assert (results.new_slogan is results.Slogan) is PYTHON_ASKED


def _names(cls: type) -> tuple[str, ...]:
    import dataclasses

    return tuple(f.name for f in dataclasses.fields(cls))


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(
    st.text(alphabet="原则红旗路线齐下并举三大甲", max_size=24),
    st.integers(-2, 26),
    st.integers(-2, 26),
)
@example("三大原则红旗路线", 0, 8)
@example("原则", 1, 2)
def test_set_heads_at_their_first_characters_agree_with_the_regex(text, start, end):
    """``slogans._set_heads`` finds the starts of ``_SET_HEADS.finditer``'s matches (the
    heads never overlap: ``_HEADS_APART``)."""
    assert slogans._HEADS_APART
    expected = [m.start() for m in slogans._SET_HEADS.finditer(text, start, end)]
    assert slogans._set_heads(text, start, end) == expected


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(st.text(alphabet="生命周期信息科学一二a，", max_size=8), st.integers(-2, 10))
@example("生命周期", 2)
@example("命周", 1)
@example("生命", 1)
def test_kernel_word_cuts_agree_with_the_python(text, at):
    """The kernel's ``cuts_word`` answers as ``scoring._cuts_word``'s Python definition."""
    found = kernel.cuts_word(text, at, scoring._NUMERALS_NOT_HAN, scans._words())
    chosen = scoring._CUTS_WORD
    scoring._CUTS_WORD = None  # the Python definition
    try:
        assert scoring._cuts_word(text, at) == found
    finally:
        scoring._CUTS_WORD = chosen
    assert_uses_kernel(scoring._CUTS_WORD, kernel.cuts_word)


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(st.text(alphabet="a é\u02ff\u0300甲，\uff61\uffdc\uffdd\uffe8\uffee\uffef𠀀", max_size=12))
def test_kernel_display_width_agrees_with_the_regex(text):
    """``display_width`` counts the cells ``layout._NARROW_RE`` makes of ``text`` and of
    each of its stretches."""
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            part = text[start:end]
            expected = 2 * len(part) - len(layout._NARROW_RE.findall(part))
            assert kernel.display_width(text, start, end, NARROW) == expected
            assert layout._display_width(text, start, end) == expected
    assert_uses_kernel(layout._DISPLAY_WIDTH, kernel.display_width)


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(
    st.text(alphabet="甲乙 ，。a“”\n", max_size=12),
    st.integers(0, 12),
    st.integers(0, 12),
    st.sampled_from(["phrase", "sentence"]),
    st.one_of(st.none(), st.integers(0, 14)),
)
def test_kernel_units_are_the_python_units(text, start, end, level, carrier_end):
    """The kernel's ``unit_maker`` makes the unit ``units._unit_python`` makes (or None)."""
    start, end = min(start, len(text)), min(end, len(text))
    maker = kernel.unit_maker(scans.Unit, scans._TRIM_CHARS)
    expected = scans._unit_python(text, start, end, level, carrier_end)
    made = maker(text, start, end, level, carrier_end)
    assert made == expected and type(made) is type(expected)
    assert (scans._unit is scans._unit_python) is PYTHON_ASKED


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(st.text(alphabet="一二是要、（）(1.a第其次首先最后①甲 \uffff𠀀", max_size=16))
@example("统一要求，二是加强。①")
def test_kernel_marker_starts_agree_with_the_tables(text):
    """The kernel's ``table_pairs`` keeps the places ``enumerations.marker_starts``' numpy
    arrays keep."""
    from policytext import enumerations

    chosen = enumerations._TABLE_PAIRS
    enumerations._TABLE_PAIRS = None  # the numpy definition
    try:
        expected = enumerations.marker_starts(text)
    finally:
        enumerations._TABLE_PAIRS = chosen
    found = kernel.table_pairs(
        text, enumerations._FIRST_TABLE, enumerations._CLASS_TABLE, enumerations._ANY
    )
    assert found == expected == enumerations.marker_starts(text)
    assert_uses_kernel(enumerations._TABLE_PAIRS, kernel.table_pairs)
