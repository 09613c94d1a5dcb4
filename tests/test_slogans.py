"""Slogans: quoted slogans and numbered formulas with count and expansion."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext import slogans as sl


def test_essay_slogans_match_gold(essay, gold):
    got = [(s.span.start, s.span.end, s.kind, s.count) for s in pt.find_slogans(essay)]
    expected = [
        (s["span"]["start"], s["span"]["end"], s["kind"], s["count"]) for s in gold["slogans"]
    ]
    assert got == expected


def test_five_song_expansion_and_three_represents(essay, gold):
    slogans = {s.span.text: s for s in pt.find_slogans(essay)}
    wusong = slogans["“五送”"]
    assert wusong.count == 5
    assert [e.text for e in wusong.expansion] == ["送政策", "送技能", "送維權", "送安全", "送健康"]
    gold_expansion = next(s for s in gold["slogans"] if s["count"] == 5)["expansion"]
    assert [(e.start, e.end) for e in wusong.expansion] == [
        (e["start"], e["end"]) for e in gold_expansion
    ]
    assert slogans["“三個代表”"].count == 3 and slogans["“三個代表”"].expansion is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("坚决做到“两个维护”。", [("“两个维护”", "numbered_formula", 2)]),
        ("落实中央八项规定精神。", [("八项规定", "numbered_formula", 8)]),
        ("践行“三严三实”要求。", [("“三严三实”", "numbered_formula", 6)]),
        ("推进“三去一降一补”。", [("“三去一降一补”", "numbered_formula", 5)]),
        ("开展“送温暖”活动。", [("“送温暖”", "quoted", None)]),
        ("围绕“公园城市、安逸家园”建设。", [("“公园城市、安逸家园”", "quoted", None)]),
        ("“十四五”规划顺利完成。", []),
        ("他说：“我们要努力。”", []),
        ("句号写作“。”。", []),
        ("所谓“坤”，意思是女式的。", []),
        ("学习《关于加强党的建设的决定》。", []),
    ],
)
def test_slogan_cases(text, expected):
    got = [(s.span.text, s.kind, s.count) for s in pt.find_slogans(text)]
    assert got == expected
    assert [(s.span.start, s.span.end) for s in pt.find_slogans(pt.to_traditional(text))] == [
        (s.span.start, s.span.end) for s in pt.find_slogans(text)
    ]


def test_expansion_after_colon():
    (slogan,) = pt.find_slogans("实施“三大工程”：安居工程、民生工程、惠民工程。")
    assert slogan.count == 3
    assert [e.text for e in slogan.expansion] == ["安居工程", "民生工程", "惠民工程"]


def test_formula_count():
    assert sl.formula_count("三个代表") == 3
    assert sl.formula_count("两学一做") == 3
    assert sl.formula_count("十四五") is None
    assert sl.formula_lexicon()[0]  # the shipped list loads
