"""policytext's layers as spaCy components, found by name through entry points."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import policytext as pt
from tests.conftest import CORPORA

SCRIPT = textwrap.dedent(
    """
    import json, sys
    import spacy
    from spacy.tokens import DocBin
    assert "policytext" not in sys.modules
    nlp = spacy.blank("zh")
    for name in ("policytext_sentencizer", "policytext_enumerations", "policytext_parallels", "policytext_slogans"):
        nlp.add_pipe(name)
    text = open(sys.argv[1], encoding="utf-8").read()
    doc = nlp(text)
    data = DocBin(store_user_data=True)
    data.add(doc)
    back = list(DocBin().from_bytes(data.to_bytes()).get_docs(nlp.vocab))[0]
    nlp.to_disk(sys.argv[2])
    loaded = spacy.load(sys.argv[2])
    reloaded = loaded(text)
    def layer(d, name):
        return [[s.start_char, s.end_char, s.label_, s._.policytext.to_dict()] for s in getattr(d._, name)]
    print(json.dumps({
        "sents": [[s.start_char, s.end_char] for s in doc.sents],
        "before": {n: layer(doc, n) for n in ("enumerations", "parallels", "slogans")},
        "after": {n: layer(back, n) for n in ("enumerations", "parallels", "slogans")},
        "reloaded": {n: layer(reloaded, n) for n in ("enumerations", "parallels", "slogans")},
        "pipes": loaded.pipe_names,
    }, ensure_ascii=False))
    """
)


def test_blank_zh_by_name_in_a_fresh_interpreter(essay, tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(CORPORA / "reference_essay.txt"), str(tmp_path / "nlp")],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert data["before"] == data["after"] == data["reloaded"]
    doc = pt.analyze(essay)
    assert [e["items"] for *_, e in data["before"]["enumerations"]] == [
        e.to_dict()["items"] for e in doc.enumerations
    ]
    assert [p[3] for p in data["before"]["parallels"]] == [p.to_dict() for p in doc.parallels]
    assert len(data["before"]["slogans"]) == 6
    assert {label for *_, label, _ in data["before"]["parallels"]} == {"PARALLEL"}
    # sentences: each policytext sentence starts a spaCy sentence
    starts = {s for s, _ in data["sents"]}
    assert {s.start for s in doc.sentences} <= starts
    assert data["pipes"][0] == "policytext_sentencizer"


def test_components_in_the_policytext_pipeline(essay, model_dir):
    nlp = pt.load()
    pipeline = nlp.from_config(nlp.config)  # a private copy, so the shared one stays as it is
    pipeline.add_pipe("policytext_enumerations")
    doc = pipeline(essay)
    (enumeration,) = doc._.enumerations
    assert enumeration._.policytext == pt.find_enumerations(essay)[0]
    assert enumeration.text.startswith("一要圍繞核心")


def test_document_component_holds_every_layer_and_the_words(essay, model_dir):
    nlp = pt.load()
    pipeline = nlp.from_config(nlp.config)
    pipeline.add_pipe("policytext_document")
    payload = pipeline(essay).user_data["policytext.document"]
    doc = pt.analyze(essay)
    assert [tuple(t) for t in payload["tokens"]] == [
        (t.text, t.start, t.end, t.norm) for t in pt.tokenize(essay)
    ]
    assert len(payload["sentences"]) == len(doc.sentences) == 58
    assert [p["members"] for p in payload["parallels"]] == [
        [m.to_dict() for m in p.members] for p in doc.parallels
    ]
    stored = pipeline(essay)._.policydoc
    assert stored.sentences == doc.sentences and stored.enumerations == doc.enumerations
    assert stored.tokens == pt.tokenize(essay)


class _WritesMarker:
    """An object whose unpickling would write a file: the payload of a hostile DocBin."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_docbin_holding_pickled_bytes_is_refused_not_unpickled(essay, tmp_path):
    """``user_data["policytext.document"]`` from a shared ``.spacy`` file is data: a layer
    of pickled bytes raises a clear error and nothing in it runs."""
    import pickle

    import pytest
    from spacy.tokens import Doc, DocBin
    from spacy.vocab import Vocab

    from policytext.payload import document_from_payload, document_payload
    from policytext.spacy_components import register_extensions

    register_extensions()
    marker = tmp_path / "ran"
    analysed = pt.analyze(essay[:200])
    payload = document_payload(analysed)
    plain = payload["sentences"]
    payload["sentences"] = pickle.dumps(_WritesMarker(str(marker)))
    doc = Doc(Vocab(), words=["甲"])
    doc.user_data["policytext.document"] = payload
    path = tmp_path / "hostile.spacy"
    DocBin(docs=[doc], store_user_data=True).to_disk(path)
    (again,) = DocBin().from_disk(path).get_docs(Vocab())
    assert isinstance(again.user_data["policytext.document"]["sentences"], bytes)
    with pytest.raises(TypeError, match="'sentences' holds bytes"):
        again._.policydoc  # noqa: B018
    assert not marker.exists()
    payload["sentences"] = plain  # the same document with plain data reads back
    assert document_from_payload(payload).sentences == analysed.sentences
