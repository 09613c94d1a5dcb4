"""The reference essay against its hand-made gold annotation."""

from __future__ import annotations

import hashlib
import itertools

import policytext as pt


def _offsets(spans):
    return [(s["start"], s["end"]) if isinstance(s, dict) else (s.start, s.end) for s in spans]


def test_gold_matches_the_shipped_text(essay, gold):
    assert hashlib.sha256(essay.encode()).hexdigest() == gold["text_sha256"]
    for layer in ("paragraphs", "sentences"):
        for span in gold[layer]:
            assert essay[span["start"] : span["end"]] == span["text"]


def test_paragraphs_match_gold_exactly(essay, gold):
    assert _offsets(pt.split_paragraphs(essay)) == _offsets(gold["paragraphs"])
    assert len(gold["paragraphs"]) == 11


def test_sentences_match_gold_exactly(essay, gold):
    got = pt.split_sentences(essay)
    assert _offsets(got) == _offsets(gold["sentences"])
    assert len(got) == 58


def test_simplified_version_splits_identically(essay, gold):
    simplified = pt.to_simplified(essay)
    assert len(simplified) == len(essay)
    assert _offsets(pt.split_sentences(simplified)) == _offsets(gold["sentences"])


def test_every_span_points_into_the_text(essay):
    doc = pt.analyze(essay)
    for layer in (doc.paragraphs, doc.sentences, doc.clauses):
        for span in layer:
            assert essay[span.start : span.end] == span.text


def test_clauses_tile_each_sentence(essay):
    doc = pt.analyze(essay)
    for sentence in doc.sentences:
        inside = [c for c in doc.clauses if sentence.contains(c)]
        assert inside[0].start == sentence.start and inside[-1].end == sentence.end
        for a, b in itertools.pairwise(inside):
            assert essay[a.end : b.start].strip() == ""
    # the quoted slogan is split into its three clauses, the date is not split at its colons
    texts = [c.text for c in doc.clauses]
    assert "中部進十強," in texts
    assert "時間:" in texts and "2022-07-22 09:23:53" in texts
