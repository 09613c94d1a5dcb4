"""Property tests: offsets are exact and ordered, spans nest, and the script does not matter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.segment import WHITESPACE
from tests.support.invariants import assert_valid
from tests.support.strategies import any_text, policy_text

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


def _keys(doc):
    return (
        [(s.start, s.end) for s in doc.clauses],
        [e.to_dict() for e in doc.enumerations],
        [[(m.start, m.end) for m in g.members] for g in doc.parallels],
        [(s.span.start, s.span.end, s.kind, s.count) for s in doc.slogans],
    )


@settings(max_examples=250, deadline=None)
@given(texts)
def test_every_layer_is_valid(text):
    assert_valid(pt.analyze(text))


@settings(max_examples=200, deadline=None)
@given(texts)
def test_every_layer_is_the_same_in_both_scripts(text):
    simplified = pt.simplified_view(text)
    a, b = _keys(pt.analyze(text)), _keys(pt.analyze(simplified))
    assert (a[0], a[2], a[3]) == (b[0], b[2], b[3])
    strip = [[(i["marker"]["start"], i["index"]) for i in e["items"]] for e in a[1]]
    assert strip == [[(i["marker"]["start"], i["index"]) for i in e["items"]] for e in b[1]]


@settings(max_examples=150, deadline=None)
@given(texts)
def test_functions_agree_with_the_document(text):
    doc = pt.analyze(text)
    assert pt.find_enumerations(text) == doc.enumerations
    assert pt.find_parallels(text) == doc.parallels
    assert pt.find_slogans(text) == doc.slogans
    assert pt.split_clauses(text) == doc.clauses


@settings(max_examples=150, deadline=None)
@given(texts)
def test_resplitting_paragraphs_and_clauses_is_idempotent(text):
    # line by line: a wrapped paragraph alone may be too short for auto to see its width
    for paragraph in pt.split_paragraphs(text, layout="lines"):
        assert [p.text for p in pt.split_paragraphs(paragraph.text, "lines")] == [paragraph.text]
    for clause in pt.split_clauses(text, layout="lines"):
        assert [c.text for c in pt.split_clauses(clause.text, "lines")] == [clause.text]


@settings(max_examples=150, deadline=None)
@given(texts)
def test_conversion_and_detection(text):
    assert isinstance(pt.to_simplified(text), str) and isinstance(pt.to_traditional(text), str)
    assert pt.detect_script(text) in {"traditional", "simplified", "mixed", "unknown"}
    assert pt.simplified_view(pt.simplified_view(text)) == pt.simplified_view(text)


@pytest.mark.usefixtures("model_dir")
@settings(max_examples=60, deadline=None)
@given(texts)
def test_tokens_are_exact_and_ordered(text):
    tokens = pt.tokenize(text)
    previous = 0
    for token in tokens:
        assert text[token.start : token.end] == token.text and token.start >= previous
        assert token.norm == pt.simplified_view(token.text)
        assert not token.text.isspace()
        previous = token.end
    assert [(t.start, t.end) for t in pt.tokenize(pt.simplified_view(text))] == [
        (t.start, t.end) for t in tokens
    ]
