"""The result dataclasses: frozen, hashable, comparable, JSON-ready."""

from __future__ import annotations

import dataclasses
import json

import pytest

import policytext as pt
from policytext import Enumeration, Item, Parallel, Slogan, Span, Token


def _item():
    marker = Span(0, 2, "一是")
    return Item(
        index=1,
        marker=marker,
        span=Span(0, 6, "一是要加强"[:4] + "。。"),
        heading=Span(2, 4, "要加"),
    )


def test_span_checks_its_offsets():
    with pytest.raises(ValueError):
        Span(3, 2, "")
    with pytest.raises(ValueError):
        Span(0, 2, "一")
    assert len(Span(0, 2, "一是")) == 2


def test_results_are_frozen_and_hashable():
    item = _item()
    enumeration = Enumeration(items=(item,), style="一是", level=1, start=0, end=6)
    parallel = Parallel(
        members=(Span(0, 1, "甲"), Span(2, 3, "乙")),
        kind="pair",
        shared=("是",),
        start=0,
        end=3,
        score=0.5,
    )
    slogan = Slogan(span=Span(0, 4, "“五送”"), kind="numbered_formula", count=5)
    token = Token("工会", 0, 2, "工会")
    for result in (item, enumeration, parallel, slogan, token):
        assert hash(result) == hash(dataclasses.replace(result))
        assert result == dataclasses.replace(result)
        field = dataclasses.fields(result)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(result, field, 9)
        assert not hasattr(result, "__dict__")  # slotted: small enough for millions of spans


def test_to_dict_is_json_ready_and_nested():
    item = _item()
    enumeration = Enumeration(items=(item,), style="一是", level=1, start=0, end=6, issues=("gap",))
    data = enumeration.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["items"][0]["marker"] == {"start": 0, "end": 2, "text": "一是", "label": None}
    assert data["items"][0]["children"] == []
    assert data["issues"] == ["gap"]


def test_policydoc_to_dict_round_trips_through_json(essay):
    doc = pt.analyze(essay)
    data = doc.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert len(data["sentences"]) == len(doc.sentences)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "\u3000\u3000\r\n"])
def test_empty_text_gives_empty_results(text):
    doc = pt.analyze(text)
    assert doc.paragraphs == doc.sentences == doc.clauses == ()
    assert doc.enumerations == doc.parallels == doc.slogans == ()
    assert pt.split_sentences(text) == ()


def test_a_span_sharing_its_source_is_a_span_like_any_other():
    import copy
    import pickle

    from policytext.results import Span, span_of

    source = "一是加强领导。二是完善机制。"
    shared, plain = Span.of(source, 2, 7, "x"), Span(2, 7, source[2:7], "x")
    assert shared.text == "加强领导。" and shared == plain and hash(shared) == hash(plain)
    assert repr(shared) == repr(plain) and shared.to_dict() == plain.to_dict()
    assert pickle.loads(pickle.dumps(shared)) == plain
    assert len(pickle.dumps(shared)) == len(pickle.dumps(plain))  # not the whole source
    assert copy.deepcopy(shared) == plain and dataclasses.replace(shared, label=None).text
    assert Span.of(source, 0, len(source)).text is source
    assert span_of(source, 3, 3).text == ""
    for start, end in ((-1, 2), (3, 2), (0, len(source) + 1)):
        with pytest.raises(ValueError):
            Span.of(source, start, end)
    with pytest.raises(dataclasses.FrozenInstanceError):
        shared.start = 0  # type: ignore[misc]


def test_tokens_of_builds_the_tokens_the_constructor_builds():
    from policytext.results import Token, tokens_of

    text = "資金鍊和人才鏈"
    view = pt.simplified_view(text)
    spans = [(0, 3), (3, 4), (4, 7)]
    assert tokens_of(text, view, spans) == tuple(
        Token(text[a:b], a, b, view[a:b]) for a, b in spans
    )
    same = tokens_of("资金链", "资金链", [(0, 3)])
    assert same[0].text is same[0].norm
