"""Property tests: offsets are exact and ordered, spans nest, and the script does not matter."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.segment import WHITESPACE
from tests.strategies import any_text, policy_text

texts = st.one_of(policy_text, any_text)


def _check_layer(text, spans):
    previous_end = 0
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.start < span.end
        assert span.start >= previous_end
        assert span.text[0] not in WHITESPACE and span.text[-1] not in WHITESPACE
        previous_end = span.end


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_exact_and_ordered(text):
    doc = pt.analyze(text)
    for layer in (doc.paragraphs, doc.sentences, doc.clauses):
        _check_layer(text, layer)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_spans_nest_and_cover(text):
    doc = pt.analyze(text)
    for sentence in doc.sentences:
        assert any(p.contains(sentence) for p in doc.paragraphs)
    for clause in doc.clauses:
        assert any(s.contains(clause) for s in doc.sentences)
    # sentences cover every non-whitespace character of every paragraph
    covered = sum(len(s) for s in doc.sentences)
    gaps = sum(1 for p in doc.paragraphs for c in p.text if c in WHITESPACE)
    assert covered + gaps >= sum(len(p) for p in doc.paragraphs)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_same_offsets_in_both_scripts(text):
    simplified = pt.simplified_view(text)
    assert len(simplified) == len(text)
    for split in (pt.split_paragraphs, pt.split_sentences, pt.split_clauses):
        assert [(s.start, s.end) for s in split(text)] == [
            (s.start, s.end) for s in split(simplified)
        ]
    traditional = pt.to_traditional(text)
    if len(traditional) == len(text):
        assert [(s.start, s.end) for s in pt.split_sentences(traditional)] == [
            (s.start, s.end) for s in pt.split_sentences(text)
        ]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_resplitting_a_sentence_is_idempotent(text):
    for sentence in pt.split_sentences(text):
        again = pt.split_sentences(sentence.text)
        assert [s.text for s in again] == [sentence.text]
