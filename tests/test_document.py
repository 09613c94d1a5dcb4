"""PolicyDoc composes layers: a wrapped text is read once; a stored document says what it
recomputes and answers for the rest from its payload."""

from __future__ import annotations

import policytext as pt
from policytext import document, layout, payload
from tests.support.wrapping import wrap
from tests.test_layout import BODY


def test_a_wrapped_text_is_read_once_and_analysed_by_one_document(monkeypatch):
    reads, documents = [], []
    real_read, real_init = layout.read, document.PolicyDoc.__init__
    monkeypatch.setattr(document, "read", lambda *a: reads.append(a) or real_read(*a))

    def init(self, *args, **kwargs):
        documents.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(document.PolicyDoc, "__init__", init)
    text = wrap(BODY, 20).text
    doc = pt.analyze(text, layout="wrapped")
    data = doc.to_dict()
    assert len(reads) == 1 and len(documents) == 1
    assert data["layout"]["soft_breaks"] and len(data["paragraphs"]) < text.count("\n")
    assert all(text[s.start : s.end] == s.text for s in doc.clauses)


def test_a_stored_document_names_what_it_recomputes(essay):
    doc = pt.analyze(essay)
    stored = payload.document_from_payload(payload.document_payload(doc))
    assert stored.recomputed == ("layout", "clauses", "tokens")
    for layer in payload.LAYERS:  # the payload's layers are read, never recomputed
        assert layer in stored._payload and layer not in stored.recomputed
        assert getattr(stored, layer) == getattr(doc, layer)
    assert "_layers" not in stored.__dict__ or "sentences" not in stored._layers.__dict__
    assert stored.clauses == doc.clauses
    assert stored.to_dict() == doc.to_dict()
