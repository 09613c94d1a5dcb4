"""How the character classes of ``policytext.vocabulary`` relate, and that the rules read them."""

from __future__ import annotations

import sys

from policytext import enumerations, layout, segment
from policytext import vocabulary as v
from policytext.parallels import grouping, rules


def test_terminals_end_sentences_and_sentence_ends_end_paragraphs():
    assert set(v.STRONG_TERMINALS) == v.SENTENCE_END < v.PARAGRAPH_END
    assert set(v.ELLIPSIS_CHARS) < v.PARAGRAPH_END
    assert not set(v.PERIODS) & v.PARAGRAPH_END  # a period may be a decimal point or 1.
    assert not set(v.CLAUSE_MARKS) & v.SENTENCE_END


def test_clause_edges_hold_the_clause_marks_and_item_edges_add_the_list_marks():
    assert v.SENTENCE_END | set(v.LINE_BREAKS) < v.CLAUSE_EDGES
    assert set(v.CLAUSE_MARKS) - set(v.LIST_MARKS) < v.CLAUSE_EDGES
    assert not v.CLAUSE_EDGES & set(v.LIST_MARKS)  # 、 splits items inside a clause
    assert v.CLAUSE_EDGES | set(v.LIST_MARKS) == v.ITEM_EDGES
    assert not set(v.INLINE_SPACES) & (v.ITEM_EDGES | set(v.ZERO_WIDTH))


def test_every_opener_has_its_closer_and_openers_and_closers_are_apart():
    assert v.PAIRS == {**v.TITLES, **v.QUOTES, **v.BRACKETS}
    assert len(v.PAIRS) == len(v.TITLES) + len(v.QUOTES) + len(v.BRACKETS)  # no mark twice
    assert len(set(v.PAIRS.values())) == len(v.PAIRS)  # each closer closes one opener
    assert not set(v.PAIRS) & set(v.PAIRS.values())
    assert all(v.CLOSING[close] == open_ for open_, close in v.PAIRS.items())
    assert set(v.PAIRS.values()) < set(v.CLOSERS)
    assert not set(v.PAIRS) & set(v.CLOSERS)
    assert set(v.CLOSERS) - set(v.PAIRS.values()) == set(v.STRAIGHT_QUOTES) | {"›"}
    assert v.TITLE_MARKS | v.BRACKET_MARKS | set(v.QUOTES) == set(v.PAIRS)
    assert set(v.QUOTES) | set(v.STRAIGHT_QUOTES) == v.QUOTE_OPENERS


def test_whitespace_holds_every_unicode_space_and_the_zero_width_characters():
    spaces = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert spaces | set(v.ZERO_WIDTH) | set(v.INVISIBLE) == set(v.WHITESPACE)
    assert {"\u3000", "\u200b", "\ufeff", "\xa0"} < set(v.WHITESPACE)
    assert set(v.LINE_BREAKS) < set(v.WHITESPACE)
    marks = v.PARAGRAPH_END | set(v.CLAUSE_MARKS) | set(v.PAIRS) | set(v.CLOSERS)
    assert not set(v.WHITESPACE) & marks


def test_numerals_have_their_values():
    assert list(v.CHINESE_DIGITS.values()) == list(range(1, 10))
    assert v.NUMERAL_VALUES.items() > v.CHINESE_DIGITS.items()
    assert {v.NUMERAL_VALUES[c] for c in v.NUMERAL_CHARS} == set(range(1, 11))
    assert len(v.CIRCLED) == 20 and [ord(c) - ord("①") for c in v.CIRCLED] == list(range(20))


def test_the_rules_read_the_vocabulary_not_copies_of_it():
    assert segment.PAIRS is v.PAIRS and segment.CLOSERS is v.CLOSERS
    assert segment.STRONG_TERMINALS is v.STRONG_TERMINALS
    assert segment.WHITESPACE is layout.WHITESPACE is enumerations.WHITESPACE is v.WHITESPACE
    assert layout.SENTENCE_END is v.SENTENCE_END and layout.PARAGRAPH_END is v.PARAGRAPH_END
    assert enumerations.CHINESE_DIGITS is v.CHINESE_DIGITS
    assert rules.CLAUSE_EDGES is v.CLAUSE_EDGES and grouping.ITEM_EDGES is v.ITEM_EDGES
    assert rules.INLINE_SPACES is v.INLINE_SPACES and rules.CLAUSE_MARKS is v.CLAUSE_MARKS


def test_narrow_characters_are_the_one_cell_ranges():
    """ASCII and the half-width forms print one cell; Chinese text, its full-width
    punctuation and the full-width forms print two; the string is the ranges."""
    narrow = frozenset(v.NARROW)
    assert len(v.NARROW) == sum(ord(b) - ord(a) + 1 for a, b in v.NARROW_RANGES)
    assert {"a", " ", "é", "ｱ", "￨"} <= narrow
    assert not {"中", "，", "。", "Ａ", "　", "“"} & narrow
    assert layout._display_width("中文ab，ｱ") == 9
