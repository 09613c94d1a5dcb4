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
