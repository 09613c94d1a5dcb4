"""Offset invariants every result must satisfy, for any text."""

from __future__ import annotations

import json

from policytext import PolicyDoc, Span
from policytext.enumerations import walk_items


def _span_ok(text: str, span: Span) -> None:
    assert 0 <= span.start <= span.end <= len(text)
    assert text[span.start : span.end] == span.text


def assert_valid(doc: PolicyDoc) -> None:
    """Every layer of ``doc`` points into its text, in order, nested where it should be."""
    text = doc.text
    for layer in (doc.paragraphs, doc.sentences, doc.clauses):
        previous = 0
        for span in layer:
            _span_ok(text, span)
            assert span.start < span.end and span.start >= previous
            previous = span.end
    for sentence in doc.sentences:
        assert any(p.contains(sentence) for p in doc.paragraphs)
    for clause in doc.clauses:
        assert any(s.contains(clause) for s in doc.sentences)
    for _, enumeration, item in walk_items(doc.enumerations):
        for span in (item.marker, item.span, item.heading):
            if span is not None:
                _span_ok(text, span)
        assert item.span.contains(item.marker) and enumeration.start <= item.span.start
        assert item.span.end <= enumeration.end
        for child in item.children:
            assert item.span.start <= child.start and child.end <= item.span.end
            assert child.level == enumeration.level + 1
        if enumeration.preview is not None:
            _span_ok(text, enumeration.preview)
    for group in doc.parallels:
        assert len(group.members) >= 2 and 0 <= group.score <= 1
        assert group.kind in ("parallelism", "pair", "slogan")
        for a, b in zip(group.members, group.members[1:], strict=False):
            assert a.end <= b.start
        for member in group.members:
            _span_ok(text, member)
        assert group.start == group.members[0].start and group.end == group.members[-1].end
    for slogan in doc.slogans:
        _span_ok(text, slogan.span)
        for member in slogan.expansion or ():
            _span_ok(text, member)
    layout = doc.layout
    assert layout.paragraphs == doc.paragraphs
    for span in layout.soft_breaks + layout.furniture + layout.captions:
        _span_ok(text, span)
        assert not any(p.start < span.start < span.end < p.end for p in layout.furniture)
    data = doc.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
