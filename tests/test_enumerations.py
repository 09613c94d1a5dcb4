"""Enumerations: the reference essay's gold, rule examples and false friends."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext import enumerations as en
from tests.conftest import shared_path
from tests.support.enumeration_scoring import item_keys


def _gold_items(enumerations, parent=None):
    rows = []
    for enumeration in enumerations:
        for item in enumeration["items"]:
            rows.append(
                (
                    item["marker"]["start"],
                    item["marker"]["text"],
                    parent,
                    item["index"],
                    item["span"]["start"],
                    item["span"]["end"],
                    item["heading"]["text"],
                )
            )
            rows += _gold_items(item["children"], item["marker"]["start"])
    return rows


def _items(enumerations, parent=None):
    rows = []
    for enumeration in enumerations:
        for item in enumeration.items:
            heading = item.heading.text if item.heading else None
            rows.append(
                (
                    item.marker.start,
                    item.marker.text,
                    parent,
                    item.index,
                    item.span.start,
                    item.span.end,
                    heading,
                )
            )
            rows += _items(item.children, item.marker.start)
    return rows


def test_essay_items_match_gold(essay, gold):
    got = _items(pt.find_enumerations(essay))
    expected = _gold_items(gold["enumerations"])
    assert len(expected) == 17
    assert sorted(got) == sorted(expected)


def test_essay_structure(essay, gold):
    (top,) = pt.find_enumerations(essay)
    assert top.style == "mixed" and top.level == 1
    assert [len(item.children) for item in top.items] == [0, 1, 1, 0, 1]
    assert [len(item.children[0].items) for item in top.items if item.children] == [4, 5, 3]
    assert all(child.level == 2 for item in top.items for child in item.children)
    preview = gold["enumerations"][0]["preview"]
    assert (top.preview.start, top.preview.end) == (preview["start"], preview["end"])
    assert top.issues == ()


def test_essay_same_in_both_scripts(essay):
    simplified = pt.to_simplified(essay)
    assert item_keys(pt.find_enumerations(simplified)) == item_keys(pt.find_enumerations(essay))
    assert pt.find_enumerations(simplified)[0].items[0].heading.text == "围绕核心"


def _markers(text):
    return [
        (item.marker.text, item.index) for _, _, item in en.walk_items(pt.find_enumerations(text))
    ]


NOT_ENUMERATIONS = [
    ("word-tong-yi", "各地要统一要求。二要加强领导。"),
    ("word-wei-yi", "这是唯一是非标准。二是其他。"),
    ("jin-yi-bu", "进一步加强领导。进一步完善机制。"),
    ("di-yi-ci", "这是第一次会议。第二次会议在明天举行。"),
    ("rank-slogan", "提出了“全省创第一，中部进十强，全国争百强”的目标。"),
    ("cross-reference-paren", "依照本条第（一）项、第（二）项的规定处理。"),
    ("cross-reference-article", "第一条 为了加强管理，制定本办法。第二条 本办法适用于全省。"),
    ("idiom", "一是一，二是二，实事求是。"),
    ("numeral-list", "获得一、二、三等奖的同学。"),
    ("arabic-numeral-list", "第1、2、3号文件已下发。"),
    ("footnotes", "列宁说过，社会主义是群众创造的。①毫无疑义，这是对的。②他们说得好。"),
    ("lone-shouxian", "首先要加强学习，提高本领。"),
    ("lone-zuihou", "到了最后，他们失败了。"),
    ("lone-marker", "一是加强领导。"),
    ("decimal", "增长2.5%。增长3.5%。"),
    ("qi-yi-qie", "打击“四人帮”及其一小撮死党。"),
    ("zhi-yi", "重要问题之一是计划性不足，问题之二是质量。"),
    ("page-reference", "见该书第六十三页，第六十四页。"),
]


@pytest.mark.parametrize(
    ("case_id", "text"), NOT_ENUMERATIONS, ids=[c[0] for c in NOT_ENUMERATIONS]
)
def test_false_friends_are_not_enumerations(case_id, text):
    assert pt.find_enumerations(text) == ()
    assert pt.find_enumerations(pt.to_traditional(text)) == ()


ENUMERATIONS = [
    (
        "semicolons",
        "主要做到：一是加强领导；二是完善机制；三是狠抓落实。",
        [("一是", 1), ("二是", 2), ("三是", 3)],
    ),
    ("mid-sentence-start", "这里一是要加强联系。二是积极反映意见。", [("一是要", 1), ("二是", 2)]),
    (
        "zuihou-closes",
        "首先，要学习。其次，要实践。最后，要总结。",
        [("首先", 1), ("其次", 2), ("最后", 3)],
    ),
    (
        "zuihou-closes-yishi",
        "一是加强领导。二是完善机制。最后，要狠抓落实。",
        [("一是", 1), ("二是", 2), ("最后", 3)],
    ),
    (
        "traditional-zuihou",
        "首先，要學習。其次，要實踐。最後，要總結。",
        [("首先", 1), ("其次", 2), ("最後", 3)],
    ),
    ("mixed", "一要加强。二要完善。三是要落实。", [("一要", 1), ("二要", 2), ("三是要", 3)]),
    (
        "di-yi-shi",
        "应当注意三点。第一是质量。第二是效益。第三是速度。",
        [("第一", 1), ("第二", 2), ("第三", 3)],
    ),
    (
        "di-yi-comma",
        "这个论断包括两层含义。第一，已经是社会主义社会。第二，还处在初级阶段。",
        [("第一", 1), ("第二", 2)],
    ),
    ("qi-yi", "理由有二：其一，成本低；其二，见效快。", [("其一", 1), ("其二", 2)]),
    (
        "paragraphs",
        "一是加强领导。\n二是完善机制。\n三是狠抓落实。",
        [("一是", 1), ("二是", 2), ("三是", 3)],
    ),
    ("arabic-lines", "1.加强领导。\n2.完善机制。", [("1.", 1), ("2.", 2)]),
    ("fullwidth-arabic", "１．加强领导。\n２．完善机制。", [("１．", 1), ("２．", 2)]),
    ("paren-arabic", "措施如下：（1）加强领导；（2）完善机制。", [("（1）", 1), ("（2）", 2)]),
    ("half-paren", "措施如下：1）加强领导；2）完善机制。", [("1）", 1), ("2）", 2)]),
    ("circled", "措施如下：①加强领导；②完善机制。", [("①", 1), ("②", 2)]),
    ("halfwidth-paren-cn", "(一)加强领导。\n(二)完善机制。", [("(一)", 1), ("(二)", 2)]),
    (
        "ten-plus",
        "".join(f"{n}是第{i}项。" for i, n in enumerate("一二三四五六七八九十", 1))
        + "十一是乙。十二是丙。",
        [(f"{n}是", i) for i, n in enumerate("一二三四五六七八九十", 1)]
        + [("十一是", 11), ("十二是", 12)],
    ),
]


@pytest.mark.parametrize(
    ("case_id", "text", "expected"), ENUMERATIONS, ids=[c[0] for c in ENUMERATIONS]
)
def test_enumeration_cases(case_id, text, expected):
    assert _markers(text) == expected
    simplified = pt.to_simplified(text)
    if len(simplified) == len(text):
        assert item_keys(pt.find_enumerations(simplified)) == item_keys(pt.find_enumerations(text))


def test_headings_and_item_extents():
    text = "主要做到：一是加强领导；二是完善机制；三是狠抓落实。其他工作照常。"
    (enumeration,) = pt.find_enumerations(text)
    assert [i.heading.text for i in enumeration.items] == ["加强领导", "完善机制", "狠抓落实"]
    assert [i.span.text for i in enumeration.items] == [
        "一是加强领导；",
        "二是完善机制；",
        "三是狠抓落实。",
    ]
    assert enumeration.style == "一是"


def test_last_item_as_long_as_its_siblings():
    # one-sentence items: the last is one sentence, and the list after it is not its child
    text = "原因有三。首先，基础差。其次，底子薄。最后，人才少。他们分为三派：1．甲派；2．乙派；3．丙派。"
    enumerations = pt.find_enumerations(text)
    assert [len(e.items) for e in enumerations] == [3, 3]
    assert enumerations[0].items[-1].span.text == "最后，人才少。"
    # multi-sentence items: the last runs to the end of the paragraph
    text = "一是甲。甲很好。二是乙。乙也好。结束语。"
    (enumeration,) = pt.find_enumerations(text)
    assert enumeration.items[-1].span.text == "二是乙。乙也好。结束语。"


def test_nesting_of_sections():
    text = "一、总体要求\n（一）指导思想\n坚持稳中求进。\n（二）基本原则\n一是守正。二是创新。\n二、主要任务\n（一）发展经济\n（二）改善民生"
    rows = pt.analyze(text).outline_rows()
    assert [(r["path"], r["marker"]) for r in rows] == [
        ("1", "一、"),
        ("1.1", "（一）"),
        ("1.2", "（二）"),
        ("1.2.1", "一是"),
        ("1.2.2", "二是"),
        ("2", "二、"),
        ("2.1", "（一）"),
        ("2.2", "（二）"),
    ]
    top = pt.find_enumerations(text)[0]
    assert top.items[0].span.end == text.index("\n二、")
    assert top.items[1].span.end == len(text)
    assert [r["level"] for r in rows] == [1, 2, 2, 3, 3, 1, 2, 2]


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("一是加强。二是完善。四是落实。", "ordinal 3 missing"),
        ("一是加强。二是完善。二是落实。", "ordinal 2 repeated"),
    ],
)
def test_irregular_ordinals_are_reported_not_fixed(text, issue):
    (enumeration,) = pt.find_enumerations(text)
    assert [i.index for i in enumeration.items][-1] in (2, 4)
    assert any(issue in message for message in enumeration.issues)
    assert issue in pt.analyze(text).outline()
    assert enumeration.to_dict()["issues"] == list(enumeration.issues)


def test_outline_paths_distinguish_several_runs_in_one_item():
    text = "（一）财政政策。一是甲。二是乙。另外，一是丙。二是丁。\n（二）货币政策。"
    paths = [r["path"] for r in pt.analyze(text).outline_rows()]
    assert paths == ["1", "1.a1", "1.a2", "1.b1", "1.b2", "2"]


def test_preview_points_to_the_announcing_run():
    text = "要做到强基础，优服务，促发展。\n一要强基础。\n二要优服务。\n三要促发展。"
    (enumeration,) = pt.find_enumerations(text)
    assert enumeration.preview.text == "强基础，优服务，促发展"


@pytest.mark.parametrize("text", ["", "   ", "\n", "。。。", "一是"])
def test_empty_or_trivial_text(text):
    assert pt.find_enumerations(text) == ()


def test_chinese_numbers():
    assert [en.chinese_number(n) for n in ("一", "十", "十一", "二十", "二十三", "九十九")] == [
        1,
        10,
        11,
        20,
        23,
        99,
    ]
    assert en.chinese_number("一一") is None and en.chinese_number("十十") is None


def test_a_run_under_a_dropped_run_stays_under_its_item():
    """一是一是二是一是。二是二是: the inner 一是二是 is no enumeration (weak markers),
    so the run it held (一是…二是 at 6) hangs under the outer item it lies in."""
    text = "一是一是二是一是。二是二是"
    (outer,) = pt.find_enumerations(text)
    first, second = outer.items
    assert [(c.start, c.end) for c in first.children] == [(6, 11)]
    assert second.children == ()


# --- issue 15: structure of normative documents, regulations and appendices ----------------


def _tree(text):
    """(marker, index, parent marker text or None) for every item, in text order."""
    rows = []

    def walk(enumerations, parent):
        for enumeration in enumerations:
            for item in enumeration.items:
                rows.append((item.marker.text, item.index, parent))
                walk(item.children, item.marker.text)

    walk(pt.find_enumerations(text), None)
    return rows


def test_a_run_may_start_at_any_ordinal():
    assert _tree("（三）支撑层。内容。\n（四）应用层。内容。") == [
        ("（三）", 3, None),
        ("（四）", 4, None),
    ]


def test_numbering_continues_across_sections():
    text = "三、任务\n（一）甲\n1.子一。\n2.子二。\n（二）乙\n3.子三。\n4.子四。\n（三）丙\n5.子五。\n四、保障\n正文。"
    assert _tree(text) == [
        ("三、", 3, None),
        ("（一）", 1, "三、"),
        ("1.", 1, "（一）"),
        ("2.", 2, "（一）"),
        ("（二）", 2, "三、"),
        ("3.", 3, "（二）"),
        ("4.", 4, "（二）"),
        ("（三）", 3, "三、"),
        ("5.", 5, "（三）"),  # one item, numbering on from 4.
        ("四、", 4, None),
    ]


def test_one_style_at_two_levels_by_indentation():
    """gwr_1955: unindented 一、 sections, （一） under 三、, indented 一、 lists under （一）."""
    text = (
        "一、总任务\n正文。\n二、计划\n正文。\n三、问题\n（一）关于工业\n"
        "　　一、提高设计。\n　　二、加强施工。\n（二）关于农业\n"
        "　　一、开垦荒地。\n　　二、兴修水利。\n四、奋斗\n正文。"
    )
    tree = _tree(text)
    assert [row for row in tree if row[2] is None] == [
        ("一、", 1, None),
        ("二、", 2, None),
        ("三、", 3, None),
        ("四、", 4, None),
    ]
    assert [row[2] for row in tree if row[0] in ("（一）", "（二）")] == ["三、", "三、"]
    assert [row[2] for row in tree if row[0] in ("一、", "二、") and row[2]] == ["（一）"] * 2 + [
        "（二）"
    ] * 2


def test_an_open_run_with_items_to_come_keeps_a_new_run_inside():
    """No indentation: （一） still has （二） to come, so a 1. list nests in it, not beside."""
    text = "一、甲\n（一）子甲\n1.孙一。\n2.孙二。\n（二）子乙\n正文。\n二、乙\n正文。"
    assert [row[2] for row in _tree(text)] == [None, "一、", "（一）", "（一）", "一、", None]


def test_heading_only_last_item_owns_its_paragraphs():
    text = (
        "今年抓好两个方面。\n一是扩大内需。\n内容甲。\n内容乙。\n二是改善民生。\n内容丙。\n内容丁。"
    )
    (enumeration,) = pt.find_enumerations(text)
    assert enumeration.items[-1].span.text.endswith("内容丁。")


def test_an_attachment_line_ends_every_open_item():
    text = "一、总则\n正文。\n二、要求\n正文。\n附件1\n一、表格说明\n二、填报要求"
    first, second = pt.find_enumerations(text)
    assert first.items[-1].span.text == "二、要求\n正文。"
    assert [i.marker.text for i in second.items] == ["一、", "二、"]
    listed = pt.find_enumerations("一、甲\n正文。\n二、乙\n正文。\n附件：\n1.名单\n2.申请表")
    assert [(e.level, len(e.items)) for e in listed] == [(1, 2), (1, 2)]


def test_a_box_is_a_part_of_its_own():
    text = "一、任务\n（一）甲任务。\n正文。\n专栏1 重点工程\n1.工程甲。\n2.工程乙。\n（二）乙任务。\n正文。\n二、保障\n正文。"
    tree = _tree(text)
    assert ("1.", 1, None) in tree and ("2.", 2, None) in tree  # not under （一）
    assert ("（二）", 2, "一、") in tree and ("二、", 2, None) in tree  # the run goes on after it


def test_letter_markers():
    assert _tree("主要包括：\n（a）甲类；\n（b）乙类。") == [("（a）", 1, None), ("（b）", 2, None)]
    assert _tree("如：a) 甲；b) 乙。") == [("a)", 1, None), ("b)", 2, None)]
    assert _tree("A. 总体\nB. 分项") == [("A.", 1, None), ("B.", 2, None)]
    # part codes in brackets after a word, acronyms: no markers
    assert pt.find_enumerations("包括基础共性（A）、关键技术（B）两部分。") == ()
    assert pt.find_enumerations("可编程逻辑控制器（PLC）、分布式控制系统（DCS）等。") == ()


def test_regulations_chapters_sections_articles():
    text = (
        "第一章 总则\n第一节 一般规定\n第一条 为了规范。\n第二条 本办法适用于：\n（一）甲；\n"
        "（二）乙。\n第二节 特别规定\n第三条 特别情形：\n1.甲；\n2.乙。\n"
        "第二章 附则\n第四条 违反本办法第二条的，依法处理。\n第五条 本办法自发布之日起施行。"
    )
    assert _tree(text) == [
        ("第一章", 1, None),
        ("第一节", 1, "第一章"),
        ("第一条", 1, "第一节"),
        ("第二条", 2, "第一节"),
        ("（一）", 1, "第二条"),
        ("（二）", 2, "第二条"),
        ("第二节", 2, "第一章"),
        ("第三条", 3, "第二节"),
        ("1.", 1, "第三条"),
        ("2.", 2, "第三条"),
        ("第二章", 2, None),
        ("第四条", 4, "第二章"),  # 本办法第二条 inside it is a reference
        ("第五条", 5, "第二章"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "目标：\n1.0400年底前完成。\n2.其他。",  # a decimal, not 1.
        "（见附件 2）以及要求（见附件 3），",  # references to attachments
        "报送我局（附件1、2、3），并于5月7日前报送（附件4、5）。",  # a list of numbers
    ],
)
def test_numbers_that_are_no_markers(text):
    assert pt.find_enumerations(text) == ()


def test_page_number_lines_do_not_break_a_run():
    text = "8.钢铁行业。推进改造\n8\n9.电池行业。推进改造\n— 12 —\n10.建材行业。"
    assert [(m, i) for m, i, _ in _tree(text)] == [("8.", 8), ("9.", 9), ("10.", 10)]


def test_lost_bracket_and_glued_markers_continue_their_run():
    text = "(一)甲。\n(二)乙。三)丙。\n(四)丁，期满5个工作日(五)公示。"
    assert [(m, i) for m, i, _ in _tree(text)] == [
        ("(一)", 1),
        ("(二)", 2),
        ("三)", 3),
        ("(四)", 4),
        ("(五)", 5),
    ]


def test_real_documents_keep_their_levels():
    corpora = shared_path("corpora")
    report = (corpora / "gwr_cpc_wikisource" / "gwr_1955.txt").read_text(encoding="utf-8")
    (top,) = [e for e in pt.find_enumerations(report) if e.style == "一、"]
    assert [i.index for i in top.items] == [1, 2, 3, 4]
    sections = [e for e in top.items[2].children if e.style == "（一）"]
    assert len(sections) == 1 and len(sections[0].items) == 9
    inner = [
        len(enumeration.items)
        for _, enumeration, item in en.walk_items(tuple(sections))
        if enumeration.style == "一、"
        and item is enumeration.items[0]
        and enumeration is not sections[0]
    ]
    assert inner == [4, 4, 5, 3, 5]
    province = (corpora / "gwr_provincial_2026" / "2026_gwr_guangdong.txt").read_text("utf-8")
    first = pt.find_enumerations(province)[0]
    points = first.items[0].children[0].items
    assert [i.marker.text for i in points][-1] == "六是"
    # the last point is a heading line: it owns the paragraphs up to the next section
    assert points[-1].span.end == first.items[0].span.end


def _matches_everywhere(view: str) -> list[tuple[int, int]]:
    return [m.span() for m in en._MARKER_RE.finditer(view)]


def _matches_at_starts(view: str) -> list[tuple[int, int]]:
    spans, matched_to = [], 0
    for position in en.marker_starts(view):
        match = en._MARKER_RE.match(view, position) if position >= matched_to else None
        if match is not None:
            spans.append(match.span())
            matched_to = match.end()
    return spans


def test_marker_starts_hold_every_match_of_the_marker_pattern():
    import random

    assert en.marker_starts("统一要求，二是加强。①") == [1, 5, 10]
    assert en.marker_starts("") == [] and en.marker_starts("一") == []
    alphabet = "一二三十是要、）)（(第其次首先再最后09０９.．﹒AaZz①⑳。，\n 章条甲\ue010\U0001f600"
    rng = random.Random(15)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24)))
        assert _matches_at_starts(text) == _matches_everywhere(text), text


def test_marker_starts_hold_every_match_in_the_corpora():
    for path in sorted(shared_path("corpora").rglob("*.txt")):
        view = pt.simplified_view(pt.to_simplified(path.read_text(encoding="utf-8")))
        assert _matches_at_starts(view) == _matches_everywhere(view), path.name


def test_a_run_opening_midway_is_a_section_run_not_a_sub_list():
    # 三、 whose （一） the text lost: 1.-2. under 三、, then （二） （三） number on, and the
    # 1. run goes on under them (3. 4. under （二）); （二） is not a sub-list of item 2.
    text = (
        "一、总体要求\n（一）指导思想。坚持创新。\n（二）工作目标。力争突破。\n"
        "二、重点任务\n实施培育工程。\n1.培育领军企业。支持企业。\n2.引进创新企业。积极引进。\n"
        "（二）实施赋能工程。推动融合。\n3.加快产品研发。以需求为牵引。\n4.推动制造融合。加强应用。\n"
        "（三）实施平台工程。推动搭建。\n5.加强协同创新。支持合作。\n"
        "三、保障措施\n加强组织协调。\n"
    )
    rows = {(r["marker"], r["path"]) for r in en.enumeration_rows(pt.find_enumerations(text))}
    assert {("（二）", "2.b2"), ("（三）", "2.b3"), ("3.", "2.b2.3"), ("5.", "2.b3.5")} <= rows
    assert ("1.", "2.a1") in rows and ("三、", "3") in rows


def test_a_space_before_the_enumeration_comma_keeps_the_section_marker():
    text = "二、总体要求\n坚持创新。\n三 、建设内容\n（一）基础标准。\n（二）技术标准。\n"
    rows = [(r["marker"], r["path"]) for r in en.enumeration_rows(pt.find_enumerations(text))]
    assert rows == [("二、", "2"), ("三 、", "3"), ("（一）", "3.1"), ("（二）", "3.2")]
    assert pt.find_enumerations("共有一 、二个方面。") == ()


def test_a_stop_glyph_extraction_could_not_map_is_read_as_the_stop():
    text = "（一）加快创新\n\u30001\ue010突破关键技术。\n\u30002\ue010强化底层硬件。\n"
    rows = [(r["marker"], r["path"]) for r in en.enumeration_rows(pt.find_enumerations(text))]
    assert rows == [("（一）", "1"), ("1\ue010", "1.1"), ("2\ue010", "1.2")]


def test_a_section_marker_run_in_after_a_sentence_is_read_as_a_heading_line():
    # PDF text, an excerpt from （2） of 1.: 2. run into the last line of （3）, its
    # （1）-（3） on the lines after it; 2. is not a point inside （3）
    text = (
        "（2）分类标准\n用于统一分类。\n（3）符号标准\n用于统一标识。2.通用规范标准\n"
        "（1）安全标准\n用于确保安全。\n（2）交互标准\n用于规范交互。\n（3）地图标准\n用于定位。\n"
    )
    rows = [(r["marker"], r["path"]) for r in en.enumeration_rows(pt.find_enumerations(text))]
    assert rows[-4:] == [("2.", "2"), ("（1）", "2.1"), ("（2）", "2.2"), ("（3）", "2.3")]
