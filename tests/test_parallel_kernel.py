"""The compiled template search (``policytext._parcore``) agrees with the pure-Python one."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext import layout
from policytext import parallels as pl
from policytext.layout import strip_bounds
from policytext.parallels import genre, grouping, templates
from policytext.parallels import units as scans
from policytext.parallels.units import clause_units, phrase_units, semicolon_units
from policytext.vocabulary import HAN_FIRST, HAN_LAST
from tests.support.pure_python import assert_uses_kernel, run_pure_python

kernel = pytest.importorskip(
    "policytext._parcore", reason="the compiled parallels core is not built"
)

LEVELS = (None, "phrase", "clause", "semicolon", "sentence")
#: few characters, so that carriers share prefixes, suffixes and infixes often
carrier = st.text(alphabet="甲乙丙丁的是工人ab1，", min_size=1, max_size=16)


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(st.lists(carrier, min_size=1, max_size=5), st.sampled_from(LEVELS))
@example(["甲乙丙丁戊己庚辛壬癸甲乙丙", "丁戊己庚辛壬癸甲乙丙丁戊己"], "clause")
@example(
    ["开展智能传感器核心技术攻关", "推动智能传感器产业链协同发展", "提升智能传感器竞争力"], "clause"
)
@example(["送政策", "送政策"], "phrase")
@example(["甲乙", "甲乙丙"], "phrase")
def test_kernel_agrees_with_the_python_search(carriers, level):
    carriers = tuple(carriers)
    assert kernel.template_parts(carriers, level) == templates.template_parts(carriers, level)


def _windows(view: str, sentence: pt.Span):
    """The carriers of every window of two to four adjacent units of the sentence."""
    runs = [*phrase_units(view, sentence), clause_units(view, sentence)]
    runs.append(semicolon_units(view, sentence))
    for units in runs:
        carriers = grouping._carriers(view, units)
        for i in range(len(carriers)):
            for j in range(i + 2, min(len(carriers), i + 4) + 1):
                yield tuple(carriers[i:j]), units[i].level


def test_kernel_agrees_on_every_window_of_the_essay(essay):
    view = pt.simplified_view(essay)
    count = 0
    for sentence in pt.split_sentences(essay):
        for carriers, level in _windows(view, sentence):
            for ask in (level, None):
                assert kernel.template_parts(carriers, ask) == templates.template_parts(
                    carriers, ask
                ), carriers
            count += 1
    assert count > 400


def test_the_search_uses_the_kernel_where_it_is_built():
    assert_uses_kernel(templates._template_parts, kernel.template_parts)
    assert kernel.verb_slot == templates.VERB_SLOT  # the kernel's copy of the constant


def test_pure_python_search_finds_the_same_groups(essay):
    """``POLICYTEXT_PARALLELS=python`` (as where the kernel was not built): the same groups."""
    script = (
        "import json, sys, policytext as pt\n"
        "from policytext.parallels import templates\n"
        "assert templates._template_parts is templates.template_parts\n"
        "text = sys.stdin.read()\n"
        "print(json.dumps([p.to_dict() for p in pt.find_parallels(text)], ensure_ascii=False))\n"
    )
    python = json.loads(run_pure_python(script, essay))
    pl._find_template.cache_clear()
    assert python == [p.to_dict() for p in pt.find_parallels(essay)]


#: Han characters (few, so that blocks repeat), marks, quotation marks, spaces, Latin
scan_text = st.text(alphabet="共建治享新形势甲乙、､，。；：;,”“’‘」「』『 \u3000a1", max_size=40)


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(scan_text, st.integers(-2, 42), st.integers(-2, 42))
@example("共建共治共享", 0, 6)
@example("新形势新任务新要求", 0, 9)
@example("“云展示”“云对接”、甲乙", 1, 11)
@example("，  甲乙 ，丙 ；丁戊 ", 0, 12)
def test_kernel_scans_agree_with_the_regexes(text, start, end):
    """The kernel's one-pass scans of a sentence find what the regexes of ``units`` find."""
    _assert_scans_agree(text, start, end)


def test_kernel_scans_agree_on_every_sentence_of_the_essay(essay):
    view = pt.simplified_view(essay)
    for a, b in [*((s.start, s.end) for s in pt.split_sentences(essay)), (0, len(view))]:
        _assert_scans_agree(view, a, b)


def _assert_scans_agree(view: str, start: int, end: int) -> None:
    """The kernel's phrase marks, clause cores and block starts of ``view[start:end]`` are
    the regexes' own."""
    marks = (scans._LIST_MARKS, scans._CLOSING_QUOTES, scans._OPENING_QUOTES)
    assert kernel.phrase_marks(view, start, end, *marks) == scans._phrase_marks_python(
        view, start, end
    )
    assert kernel.clause_cores(
        view, start, end, scans._TRIM_CHARS, scans._SEPARATORS
    ) == scans._clause_cores_python(view, start, end)
    for size in (2, 3):
        assert kernel.block_starts(view, start, end, size) == scans._block_starts_python(
            view, start, end, size
        )


def test_the_scans_use_the_kernel_where_it_is_built():
    assert_uses_kernel(scans._PHRASE_MARKS, kernel.phrase_marks)
    assert_uses_kernel(scans._CLAUSE_CORES, kernel.clause_cores)
    assert_uses_kernel(scans._BLOCK_STARTS, kernel.block_starts)
    assert kernel.han_range == (HAN_FIRST, HAN_LAST)  # the kernel's copy of the range


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(scan_text, st.integers(-2, 42), st.integers(-2, 42))
@example("甲乙：丙；丁", 0, 6)
@example(" ，甲乙。 ", 0, 6)
def test_kernel_marks_and_trims_agree_with_the_python(text, start, end):
    """``first_mark`` finds what the regex of the marks finds; ``stripped`` trims as
    ``layout.strip_bounds`` does (for spans inside the text, as the units ask)."""
    for marks, pattern in (
        (scans._SEMICOLONS, scans._SEMICOLON_RE),
        (scans._FIRST_CLAUSE_MARKS, scans._FIRST_CLAUSE_RE),
        (grouping._COLON_MARKS, grouping._COLON_RE),
    ):
        match = pattern.search(text, start, end)
        assert kernel.first_mark(text, start, end, marks) == (
            -1 if match is None else match.start()
        )
    a, b = max(0, start), min(len(text), end)
    assert kernel.stripped(text, a, b, scans._TRIM_CHARS) == strip_bounds(text, a, b, scans.TRIM)


def test_the_marks_and_trims_use_the_kernel_where_it_is_built():
    assert_uses_kernel(layout._FIRST_MARK, kernel.first_mark)  # units' first_mark is layout's
    assert_uses_kernel(scans._STRIPPED, kernel.stripped)


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(scan_text, st.integers(-2, 42), st.integers(-2, 42))
@example("甲，，乙；丙。", 0, 7)
@example("；甲；；", 0, 4)
def test_kernel_pieces_agree_with_the_regex_cuts(text, start, end):
    """``pieces`` cuts a sentence where ``units._pieces`` cuts it at the regex's matches."""
    a, b = max(0, start), end
    for marks, pattern in (
        (scans._SEPARATORS, scans._SEGMENT_RE),
        (scans._SEMICOLONS, scans._SEMICOLON_RE),
    ):
        assert kernel.pieces(text, a, b, marks) == scans._pieces(pattern, text, a, b)
    assert_uses_kernel(scans._PIECES, kernel.pieces)


#: few characters, so that clauses open and end alike, share slots and leading words
hopeless_carrier = st.text(alphabet="是既又也更以要工人甲乙丙的", min_size=1, max_size=14)


@settings(max_examples=3000, deadline=None, derandomize=True)
@given(
    st.lists(hopeless_carrier, min_size=2, max_size=5),
    st.sampled_from(["clause", "semicolon", "sentence"]),
)
@example(["发展是硬道理", "是第一要务"], "clause")
@example(["经济建设有了新成就", "有了新面貌"], "clause")
@example(["我们群众要来", "你们群众都会去"], "semicolon")
@example(["既要甲乙", "又要丙丁"], "clause")
def test_kernel_hopeless_agrees_with_the_python_test(carriers, level):
    """Where the kernel's ``hopeless`` answers, it answers as ``grouping._hopeless_python``."""
    _assert_hopeless_agrees(carriers, level)


def test_kernel_hopeless_agrees_on_every_window_of_the_essay(essay):
    view = pt.simplified_view(essay)
    sentences = pt.split_sentences(essay)
    answered = 0
    for sentence in sentences:
        for carriers, level in _windows(view, sentence):
            if level != "phrase":
                answered += _assert_hopeless_agrees(list(carriers), level)
    units = pl.sentence_units(view, list(sentences))
    carriers = grouping._carriers(view, units)
    for i in range(len(carriers) - 1):
        for j in range(i + 2, min(len(carriers), i + 4) + 1):
            answered += _assert_hopeless_agrees(carriers[i:j], "sentence")
    assert answered > 400


def _assert_hopeless_agrees(carriers: list[str], level: str) -> bool:
    """The kernel's verdict is the Python test's where it gives one; whether it gave one."""
    verdict = kernel.hopeless(
        carriers, level, grouping._LEADING_CHARS, grouping.HEAD_LONGEST, grouping.CORRELATIVES
    )
    assert verdict in (-1, 0, 1)
    if verdict >= 0:
        assert (verdict == 1) == grouping._hopeless_python(carriers, level), carriers
    return verdict >= 0


def test_the_cheap_test_uses_the_kernel_where_it_is_built():
    assert_uses_kernel(grouping._HOPELESS, kernel.hopeless)


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(
    st.lists(st.text(alphabet="甲乙之的是a1，", min_size=1, max_size=14), min_size=1, max_size=5)
)
@example(["来势之猛", "扩散之快", "影响之深"])
@example(["争夺是绝对的、长期的", "勾结是相对的、暂时的"])
def test_kernel_aligned_shared_agrees_with_the_python(carriers):
    """The kernel's slot-by-slot shared characters are those of ``templates.aligned_shared``."""
    for longest in (4, templates.ALIGNED_LONGEST):
        assert kernel.aligned_shared(carriers, longest) == templates.aligned_shared(
            carriers, longest
        )
        assert kernel.aligned_shared(tuple(carriers), longest) == templates.aligned_shared(
            tuple(carriers), longest
        )


def test_kernel_carriers_agree_on_every_run_of_the_essay(essay):
    """The kernel's carriers of a run are the slices ``grouping._carriers`` defines."""
    assert pl.Unit._fields[:3] == ("start", "end", "carrier_end")  # the kernel reads 0 and 2
    view = pt.simplified_view(essay)
    for sentence in pt.split_sentences(essay):
        for units in [*phrase_units(view, sentence), clause_units(view, sentence)]:
            assert kernel.carriers(view, units) == [view[u.start : u.carrier_end] for u in units]


def test_the_carriers_and_slots_use_the_kernel_where_it_is_built():
    assert_uses_kernel(grouping._CARRIERS, kernel.carriers)
    assert_uses_kernel(templates._ALIGNED_SHARED, kernel.aligned_shared)


#: weighed characters and pairs, digits of both widths, spaces of several kinds, and a
#: character beyond the BMP
genre_text = st.text(alphabet="过去一年全省增长要建立健全0１9 \u3000\ufeff\u200b\n𠀀a", max_size=40)


def _genre_table():
    """The shipped genre model as the kernel's tables, built here (not by
    ``genre.compiled_table``) so that a run on the Python modules
    (``POLICYTEXT_PARALLELS=python``) still checks the kernel's sums."""
    return genre.model_tables(kernel.GenreTable)


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(genre_text, st.integers(-2, 42), st.integers(-2, 42))
@example("增长 5.6%，１２万人。\u3000𠀀𠀁", 0, 99)
def test_kernel_genre_evidence_agrees_with_the_python(text, start, end):
    """The kernel's evidence of ``text[start:end]`` is ``genre.evidence`` of that slice,
    the same sums to the last bit."""
    start, end = max(start, 0), max(end, 0)
    assert _genre_table().evidence(text, start, end) == genre.evidence(text[start:end])


def test_kernel_genre_evidence_agrees_on_every_paragraph_of_the_essay(essay):
    table = _genre_table()
    for text in (essay, pt.to_traditional(essay)):
        view = pt.simplified_view(text)
        for p in pt.split_paragraphs(text):
            assert table.evidence(view, p.start, p.end) == genre.evidence(view[p.start : p.end])
        assert table.evidence(view, 0, len(view)) == genre.evidence(view)


def test_the_genre_reads_the_kernel_where_it_is_built():
    assert_uses_kernel(type(genre.compiled_table()), kernel.GenreTable)
