"""The layout layer: its rules with golden examples, its modes, and offsets into raw text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext import layout as lt
from tests.support.invariants import assert_valid
from tests.support.wrapping import wrap

#: a paragraph long enough to wrap several times (written for these tests)
BODY = (
    "各地区各部门要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，"
    "着力推动高质量发展。一是扩大国内需求，二是稳定外贸外资，三是保障改善民生。"
    "要进万家门，知万家情，解万家难，温万家心。"
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("18", "bare"),
        ("— 3 —", "decorated"),
        ("- 12 -", "decorated"),
        ("第3页", "decorated"),
        ("第 3 页 共 20 页", "decorated"),
        ("·7·", "decorated"),
        ("3/20", "bare"),
        ("1.", None),
        ("（一）", None),
        ("2024年", None),
        ("一、总体要求", None),
    ],
)
def test_rule_page_number(line, kind):
    assert lt.rule_page_number(line) == kind


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("稳步推进。", True),
        ("稳步推进。”", True),
        ("稳步推进。[3]", True),
        ("各位代表：", True),
        ("各直", False),
        ("工作，", False),
        ("一、总体要求", False),
    ],
)
def test_rule_paragraph_end(line, ends):
    assert lt.rule_paragraph_end(line) is ends


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("一、总体要求", True),
        ("（三）加强领导", True),
        ("1. 目标", True),
        ("第二章 任务", True),
        ("第三条 本办法", True),
        ("一是加强", False),
        ("第一次会议", False),
        ("2024年", False),
    ],
)
def test_rule_heading_start(line, heading):
    assert lt.rule_heading_start(line) is heading


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("图 6 智能工厂标准子体系", True),
        ("表2：主要经济指标", True),
        ("附图1 规划范围", True),
        ("图6显示，投资增长较快", False),  # a sentence about a figure
        ("表明经济运行稳中向好", False),
        ("图 6 智能工厂标准子体系。", False),
    ],
)
def test_rule_caption(line, caption):
    assert lt.rule_caption(line) is caption


@pytest.mark.parametrize(
    ("before", "after", "split"),
    [
        ("（十", "二）完善", True),
        ("（", "三）改革开放", True),
        ("增长3", ".5%", True),
        ("利润2392亿元，为19", "97年的2.9倍", True),
        ("（一）", "二）", False),
        ("2023", "年", False),
        ("工作", "（二）", False),
    ],
)
def test_rule_split_token(before, after, split):
    assert lt.rule_split_token(before, after) is split


# --- modes ----------------------------------------------------------------------


def test_unwrapped_text_is_read_as_it_was(essay):
    reading = lt.read(essay)
    assert reading.identity and reading.text is essay
    assert reading.layout.mode == "lines" and reading.layout.soft_breaks == ()
    assert pt.analyze(essay).paragraphs == pt.analyze(essay, layout="lines").paragraphs


def test_auto_finds_wrapping_and_joins_lines():
    wrapped = wrap(BODY + "\n" + BODY, 24, indent=True)
    layout = pt.find_layout(wrapped.text)
    assert layout.mode == "wrapped" and layout.width in (24, 25)  # 25: punctuation hung
    assert [b.start for b in layout.soft_breaks] == list(wrapped.wraps)
    assert len(layout.paragraphs) == 2


def test_headings_stay_their_own_paragraph_and_sentence():
    text = "一、总体要求\n" + wrap(BODY, 25).text + "\n二、主要任务\n" + wrap(BODY, 25).text
    doc = pt.analyze(text)
    assert doc.layout.mode == "wrapped"
    heads = [s.text for s in doc.sentences if s.text.endswith(("要求", "任务"))]
    assert heads == ["一、总体要求", "二、主要任务"]
    assert [item.marker.text for item in doc.enumerations[0].items] == ["一、", "二、"]


def test_sentences_run_across_soft_breaks_with_raw_offsets():
    text = wrap(BODY, 20).text
    doc = pt.analyze(text)
    assert [s.text.replace("\n", "") for s in doc.sentences] == [
        s.text for s in pt.analyze(BODY).sentences
    ]
    assert any("\n" in s.text for s in doc.sentences)
    for span in doc.sentences + doc.clauses:
        assert text[span.start : span.end] == span.text


def test_parallels_and_items_over_soft_breaks():
    doc = pt.analyze(wrap(BODY, 17).text)
    assert [m.text.replace("\n", "") for m in doc.parallels[-1].members] == [
        "进万家门",
        "知万家情",
        "解万家难",
        "温万家心",
    ]
    assert [item.marker.text.replace("\n", "") for item in doc.enumerations[0].items] == [
        "一是",
        "二是",
        "三是",
    ]


def test_page_furniture_is_set_aside():
    wrapped = wrap(BODY * 3, 24, indent=True, page_lines=4, header="国务院公报")
    doc = pt.analyze(wrapped.text)
    labels = [f.label for f in doc.layout.furniture]
    assert labels.count("page_number") == 3 and labels.count("running_header") == 3
    assert not any("国务院公报" in s.text.split("\n")[0] for s in doc.sentences)
    assert len(doc.paragraphs) == 1


@pytest.mark.parametrize("text", ["0—", "— 3 —", "18", "第3页", "  — 3 —\n"])
def test_a_text_of_one_line_has_no_pages(text):
    """A page number needs a page: a text of one non-blank line keeps it as its sentence
    (re-splitting the sentence "0—" of "工……0—" gave nothing; hypothesis found it)."""
    assert [s.text for s in pt.split_sentences(text)] == [text.strip()]
    assert pt.find_layout(text).furniture == ()


def test_form_feed_pages():
    text = (
        "甲方乙方共同推进合作项目，" * 3 + "\n政府公报\n\x0c政府公报\n" + "继续深化改革开放。" * 3
    )
    layout = pt.find_layout(text, layout="blank-lines")
    assert [f.text for f in layout.furniture] == ["政府公报", "政府公报"]
    assert len(layout.paragraphs) == 1


def test_lone_numbers_without_a_second_page_stay_text():
    text = "产量\n18\n增长较快。"
    assert pt.find_layout(text).furniture == ()
    assert [p.text for p in pt.split_paragraphs(text)] == ["产量", "18", "增长较快。"]


def test_captions_stay_paragraphs():
    body = wrap(BODY, 22).text
    doc = pt.analyze(body + "\n图 6 智能工厂标准子体系\n" + body)
    assert [c.text for c in doc.layout.captions] == ["图 6 智能工厂标准子体系"]
    assert "图 6 智能工厂标准子体系" in [p.text for p in doc.paragraphs]


def test_blank_lines_mode():
    text = "第一段第一行，\n接着写完。\n\n第二段\n也是两行。"
    assert [p.text for p in pt.split_paragraphs(text)] == [
        "第一段第一行，",
        "接着写完。",
        "第二段",
        "也是两行。",
    ]
    paragraphs = pt.split_paragraphs(text, layout="blank-lines")
    assert [p.text for p in paragraphs] == ["第一段第一行，\n接着写完。", "第二段\n也是两行。"]


def test_lines_mode_never_joins_nor_sets_aside():
    text = wrap(BODY, 20, page_lines=2, header="公报").text
    layout = pt.find_layout(text, layout="lines")
    assert layout.soft_breaks == () and layout.furniture == ()
    assert pt.find_layout(text).furniture != ()
    assert len(pt.split_paragraphs(text, layout="lines")) == text.count("\n") + 1


def test_latin_words_keep_a_space():
    text = ("本报告采用 policy text analysis 方法，" * 3 + "研究政策文本。") * 3
    wrapped = wrap(text, 30)
    reading = lt.read(wrapped.text)
    assert reading.layout.mode == "wrapped"
    assert "policytext" not in reading.text.replace("policy text", "")


def test_traditional_script_wraps_alike():
    traditional = pt.to_traditional(BODY)
    simplified_doc = pt.analyze(wrap(BODY, 20).text)
    traditional_text = wrap(traditional, 20).text
    traditional_doc = pt.analyze(traditional_text)
    assert [(s.start, s.end) for s in traditional_doc.sentences] == [
        (s.start, s.end) for s in simplified_doc.sentences
    ]
    assert len(traditional_doc.parallels) == len(simplified_doc.parallels)


def test_bad_layout_is_refused():
    with pytest.raises(ValueError, match="layout must be one of"):
        pt.analyze("文本", layout="pdf")
    with pytest.raises(ValueError, match="layout must be one of"):
        pt.split_sentences("文本", layout=None)
    with pytest.raises(TypeError, match="must be str"):
        pt.find_layout(b"bytes")


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "\x0c", "18\n19", "— 3 —"])
def test_degenerate_inputs(text):
    for layout in lt.LAYOUT_MODES:
        doc = pt.analyze(text, layout=layout)
        assert all(text[s.start : s.end] == s.text for s in doc.sentences)


@pytest.mark.parametrize(
    ("kind", "reader"),
    [("document_payload", "document_from_payload"), ("packed_payload", "document_from_packed")],
)
def test_payload_keeps_the_layout_and_every_layer(kind, reader):
    from policytext import payload

    doc = pt.analyze(wrap(BODY, 20).text, layout="wrapped")
    again = getattr(payload, reader)(getattr(payload, kind)(doc))
    assert again.layout_mode == "wrapped"
    for layer in (*payload.LAYERS, "clauses"):
        assert getattr(again, layer) == getattr(doc, layer), layer


# --- properties -------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["加强", "领导", "，", "。", "一是", "二是", "（一）", "3.5%", "“送温暖”", "、", "\n", "\u3000"]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_PIECES, min_size=1, max_size=60).map("".join),
    st.integers(min_value=8, max_value=40),
    st.sampled_from(lt.LAYOUT_MODES),
)
def test_offsets_always_point_into_the_raw_text(body, width, layout):
    text = wrap(body, width, page_lines=3, header="公报").text
    doc = pt.analyze(text, layout=layout)
    assert_valid(doc)
    spans = list(doc.paragraphs + doc.sentences + doc.clauses)
    spans += [m for g in doc.parallels for m in g.members]
    spans += [s.span for s in doc.slogans]
    for span in spans + list(doc.layout.furniture + doc.layout.soft_breaks):
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip() or span.label == "soft"
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts)


# --- the views take the layout too --------------------------------------------------


def test_cli_layout_option(capsys, tmp_path):
    from policytext.cli import main

    path = tmp_path / "wrapped.txt"
    path.write_text(wrap(BODY * 2, 22, indent=True, page_lines=3, header="公报").text, "utf-8")
    assert main(["analyze", str(path)]) == 0
    summary = capsys.readouterr().out.splitlines()[0]
    assert "read as wrapped at 22" in summary and "1 paragraphs" in summary
    assert main(["analyze", str(path), "--layout", "lines"]) == 0
    assert "1 paragraphs" not in capsys.readouterr().out.splitlines()[0]


def test_corpus_and_spacy_components_pass_the_layout():
    import spacy

    text = wrap(BODY, 20).text
    [(_, doc)] = pt.analyze_corpus([text], layout="lines")
    assert doc.layout_mode == "lines" and len(doc.paragraphs) == text.count("\n") + 1
    with pytest.raises(ValueError, match="layout must be one of"):
        list(pt.analyze_corpus([text], layout="pdf"))
    nlp = spacy.blank("xx")
    nlp.add_pipe("policytext_parallels", config={"layout": "wrapped"})
    groups = nlp(text).user_data["policytext.parallels"]
    assert groups
    assert [g["members"][0]["text"] for g in groups] == [
        g.members[0].text for g in pt.find_parallels(text, layout="wrapped")
    ]


# --- policy documents (issue: the policy_docs corpus) -------------------------------------


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("0-1MHz -21dBm 30kHz 有效值检波", True),
        ("频率范围 最大电平 测量带宽", True),
        ("联系人\u3000张三\u3000010-12345678", True),
        ("010-68205630", True),
        ("到 2023 年，初步建立标准体系", False),  # prose with numbers set apart
        ("一、总体要求", False),
    ],
)
def test_rule_table_row(line, row):
    assert lt.rule_table_row(line) is row


@pytest.mark.parametrize(
    ("line", "unopened"),
    [("局）", True), ("信息化局）", True), ("（2024年）", False), ("政府工作报告", False)],
)
def test_rule_unopened(line, unopened):
    assert lt.rule_unopened(line) is unopened


def test_paragraphs_one_a_line_with_short_headings_stay_lines():
    # headings of one width between long paragraphs are no page width
    text = "\n".join(f"（{n}）加强组织领导\n\u3000\u3000{BODY}" for n in "一二三四五六七八")
    assert pt.find_layout(text).mode == "lines"


def test_table_serial_numbers_are_not_page_numbers():
    rows = "\n".join(f"{n}\n单位名称\n联系电话\n010-6820{n:04d}" for n in range(1, 9))
    layout = pt.find_layout("附件：汇总表\n序号\n名称\n电话\n" + rows)
    assert layout.furniture == () and layout.mode == "lines"


def test_an_unindented_marker_runs_on_under_first_line_indents():
    body = "具体包括研究提升多智能体协作学习系统泛化性能的算法，分析泛化误差界，" * 2
    text = wrap(
        body + "具体包括：（1）研究算法；（2）分析误差。\n" + body + "完成。", 30, indent=True
    )
    layout = pt.find_layout(text.text)
    assert layout.mode == "wrapped"
    assert [b.start for b in layout.soft_breaks] == list(text.wraps)


def test_a_word_moved_whole_keeps_the_line_full():
    body = "研究和设计高效的科学数据构建和预处理方式，针对AI for Science数据侧，" * 4
    text = wrap(body + "完成。\n" + body + "完成。", 24, indent=True)
    layout = pt.find_layout(text.text)
    assert [b.start for b in layout.soft_breaks] == list(text.wraps)
