"""Each segmentation rule with its own golden examples (pySBD style)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from policytext import segment as sg


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("甲\n乙", ["甲", "乙"]),
        ("甲\r\n乙", ["甲", "乙"]),
        ("甲\r乙\u2028丙", ["甲", "乙", "丙"]),
        ("甲\n\n乙\n", ["甲", "", "乙", ""]),
        ("", [""]),
    ],
)
def test_rule_line_breaks(text, lines):
    assert [text[a:b] for a, b in sg.rule_line_breaks(text)] == lines


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("看《摔跤吧！爸爸》好", ["《摔跤吧！爸爸》"]),
        ("他说：“她讲‘好’。”对", ["“她讲‘好’。”"]),
        ("（外（内）外）", ["（外（内）外）"]),
        ("“未闭合的引号。", []),
        ("多余的）括号", []),
        ('他说"好的"然后', ['"好的"']),
        ("“‘”和“’”", ["“‘”", "“’”"]),
        ("（" * 50 + "深" + "）" * 50, ["（" * 50 + "深" + "）" * 50]),
    ],
)
def test_rule_paired_regions(text, regions):
    got = sg.rule_paired_regions(text, 0, len(text))
    assert [text[a:b] for a, b, _ in got] == regions


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("见http://www.gov.cn/a.htm。", ["http://www.gov.cn/a.htm"]),
        ("访问www.gov.cn.", ["www.gov.cn"]),
        ("寄office@gov.cn，", ["office@gov.cn"]),
        ("Go to hankcs.com. Yes.", ["hankcs.com"]),
        ("没有网址。", []),
    ],
)
def test_rule_url_regions(text, urls):
    assert [text[a:b] for a, b in sg.rule_url_regions(text, 0, len(text))] == urls


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("好。”", 2, 3),
        ("好。”）", 2, 4),
        ("好。[1]下", 2, 5),
        ("好。[1][2]”下", 2, 9),
        ("好。下", 2, 2),
    ],
)
def test_rule_absorb_closers(text, pos, expected):
    assert sg.rule_absorb_closers(text, pos, len(text)) == expected


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ('他说。"你好。"', 3, 3),  # this " opens a quotation: not absorbed
        ('"你好。"他说。', 4, 5),  # this one closes it
        ('"好。"）"他', 3, 5),
    ],
)
def test_rule_absorb_closers_leaves_a_straight_opener(text, pos, expected):
    _, openers = sg._paired(text, 0, len(text))
    assert sg.rule_absorb_closers(text, pos, len(text), openers) == expected


@pytest.mark.parametrize(
    ("text", "boundary", "expected"),
    [
        ("“好书！”，小明说。", 5, True),
        ("好。、好。", 2, True),
        ("好。；好。", 2, True),
        ("好。 ：好", 2, True),
        ("“好书！”小明说。", 5, False),
        ("好。好。", 2, False),
        ("好。", 2, False),
    ],
)
def test_rule_clause_mark_continues(text, boundary, expected):
    assert sg.rule_clause_mark_continues(text, boundary, len(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“讨论的不是一个东西，是不同的”“你知道么？”", True),
        ("“讨论的不是一个东西，是不同的” “你知道么？”", True),
        ('"讨论的，是不同的""你知道么？"', True),
        ("「我們討論的，是不同的」「你知道麼？」", True),
        ("“两个毫不动摇”“三个有利于”", False),  # quoted terms
        ("“放管服、一网通办”“互联网+”", False),  # 、 lists, it does not speak
        ("“讨论的，是不同的”“好”", False),
        ("“讨论的，是不同的”，“你知道么？”", False),  # a mark between: it decides
        ("《讨论的，是不同的》《你知道么？》", False),  # titles
    ],
)
def test_rule_side_by_side_quotations(text, expected):
    regions = sg.rule_paired_regions(text, 0, len(text))
    assert len(regions) == 2
    assert sg.rule_side_by_side_quotations(text, *regions) is expected


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("增长3.5%", 3, True),
        ("1.加强领导", 1, True),
        ("；2.加强领导", 2, True),
        ("１．加强", 1, True),
        ("A.坚持", 1, True),
        ("sports.焦耳", 6, False),
        ("I2RT.计算", 4, False),
        ("48.2%.下", 5, False),
        ("年份2025.下", 6, False),
    ],
)
def test_rule_is_decimal_or_marker_period(text, pos, expected):
    assert sg.rule_is_decimal_or_marker_period(text, pos) is expected


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("He loves sports.焦耳", 15, True),
        ("text. 混合", 4, True),
        ("text. Yes", 4, True),
        ("e.g. this", 3, False),
        ("No.1文件", 2, False),
        ("v1.2版", 2, False),
        ("结束.", 2, True),
        ("好.“下", 1, True),
    ],
)
def test_rule_period_ends_sentence(text, pos, expected):
    assert sg.rule_period_ends_sentence(text, pos, len(text)) is expected


@pytest.mark.parametrize(
    ("text", "after", "expected"),
    [
        ("郁金香……他", 5, True),
        ("养老……等领域", 4, False),
        ("关于……的通知", 4, False),
        ("我们……，你们", 4, False),
        ("还有很多……", 6, True),
        ("等等... 我们", 5, True),
        ("草……“下", 3, True),
    ],
)
def test_rule_ellipsis_ends_sentence(text, after, expected):
    assert sg.rule_ellipsis_ends_sentence(text, after, len(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“什么？”", True),
        ("“加油。”", True),
        ("“像根草……”", True),
        ("“她讲‘明天见。’”", True),
        ("（本文件另发。）", True),
        ("“送温暖”", False),
        ("“。”", False),
        ("《摔跤吧！》", False),
        ("〈论持久战。〉", False),
    ],
)
def test_rule_region_closes_sentence(text, expected):
    (region,) = sg.rule_paired_regions(text, 0, len(text))
    assert sg.rule_region_closes_sentence(text, region) is expected


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        (
            "推动科学发展,促进社会和谐,全面建设小康社会。",
            ["推动科学发展,", "促进社会和谐,", "全面建设小康社会。"],
        ),
        ("送政策、送技能、送维权。", ["送政策、", "送技能、", "送维权。"]),
        ("一是加强；二是完善：三是落实", ["一是加强；", "二是完善：", "三是落实"]),
        ("时间:2022-07-22 09:23:53", ["时间:", "2022-07-22 09:23:53"]),
        ("共3,500人，增长5%", ["共3,500人，", "增长5%"]),
        ("学习《关于加强、改进工作的意见》，落实", ["学习《关于加强、改进工作的意见》，", "落实"]),
        ("为职工（包括农民工、临时工）缴费，好", ["为职工（包括农民工、临时工）缴费，", "好"]),
        ("“哎呀，真是美极了，”皇帝说", ["“哎呀，", "真是美极了，”", "皇帝说"]),
        ("没有标点", ["没有标点"]),
    ],
)
def test_split_clauses(text, clauses):
    assert [c.text for c in sg.split_clauses(text)] == clauses


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(
    st.text(alphabet="甲乙。！？!?｡﹒﹗﹖…⋯.．a1 ", max_size=30),
    st.integers(-1, 31),
    st.integers(-1, 31),
)
@example("甲……！乙...?丙。．", 0, 12)
def test_terminals_are_the_terminal_regex_matches(text, start, end):
    """``_terminals`` (a search for the marks' first characters, then the regex there)
    finds what ``_TERMINAL_RE.finditer`` finds."""
    expected = [(m.start(), m.end(), m.group()) for m in sg._TERMINAL_RE.finditer(text, start, end)]
    assert sg._terminals(text, start, end) == expected
