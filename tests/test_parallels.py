"""Parallel structures: the reference essay's gold, rule examples and non-examples."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext import parallels as pl
from policytext.parallels import grouping
from tests.support.parallel_scoring import match_groups


def _groups(parallels):
    return [[(m.start, m.end) for m in g.members] for g in parallels]


def _gold_groups(gold):
    return [[(m["start"], m["end"]) for m in g["members"]] for g in gold["parallels"]]


#: issue 19's bar (the essay's core groups recall >= 0.95), at the default threshold and
#: for every group the rules accept (去思考、去把握、去部署 scored 0.391 with the fixed band
#: edges, 0.688 in bands of 16 calibration groups, 1.000 once the 、 before 把县委… no
#: longer counts as the list going on)
@pytest.mark.parametrize("min_score", [None, 0.0])
def test_essay_recall_of_every_group_of_three_or_more(essay, gold, min_score):
    predicted = _groups(pt.find_parallels(essay, min_score=min_score))
    gold_groups = _gold_groups(gold)
    _, matched_gold = match_groups(predicted, gold_groups)
    big = [j for j, g in enumerate(gold_groups) if len(g) >= 3]
    assert len(big) == 17
    assert {j for j in big if j in matched_gold} == set(big)


def test_essay_precision(essay, gold):
    predicted = _groups(pt.find_parallels(essay))
    matched, _ = match_groups(predicted, _gold_groups(gold))
    assert len(matched) / len(predicted) >= 0.9


def test_essay_same_groups_in_simplified(essay):
    simplified = pt.to_simplified(essay)
    assert _groups(pt.find_parallels(simplified)) == _groups(pt.find_parallels(essay))


def test_essay_group_details(essay):
    groups = {tuple(m.text for m in g.members): g for g in pt.find_parallels(essay)}
    wan = groups[("進萬家門", "知萬家情", "解萬家難", "溫萬家心")]
    assert wan.kind == "parallelism" and wan.shared == ("万家",)
    assert 0 < wan.score <= 1
    song = groups[("送政策", "送技能", "送維權", "送安全", "送健康")]
    assert song.shared == ("送",)
    slogan = groups[("全省創第一", "中部進十強", "全國爭百強")]
    assert slogan.kind == "slogan"
    frame = groups[
        (
            "從依賴行政型向依法維護型轉變",
            "從被動性維權向主動性維權轉變",
            "從個體性維權向整體性維權轉變",
            "從工會包攬向社會化維權轉變",
        )
    ]
    assert frame.shared == ("从", "向", "转变")
    for group in groups.values():
        assert group.kind == ("pair" if len(group.members) == 2 else group.kind)
        for member in group.members:
            assert essay[member.start : member.end] == member.text


PARALLEL = [
    ("prefix", "开展送政策、送技能、送维权活动。", ["送政策", "送技能", "送维权"]),
    (
        "suffix",
        "建立利益协调机制、诉求表达机制、矛盾调处机制。",
        ["利益协调机制", "诉求表达机制", "矛盾调处机制"],
    ),
    (
        "infix",
        "真正做到进万家门，知万家情，解万家难，温万家心。",
        ["进万家门", "知万家情", "解万家难", "温万家心"],
    ),
    (
        "frame",
        "推动从被动维权向主动维权转变；从个体维权向整体维权转变；从工会包揽向社会化维权转变。",
        ["从被动维权向主动维权转变", "从个体维权向整体维权转变", "从工会包揽向社会化维权转变"],
    ),
    (
        "lead-cut",
        "要学习新知识，增长新技能，提高新能力。",
        ["学习新知识", "增长新技能", "提高新能力"],
    ),
    ("conjunction", "理解改革、支持改革和积极参与改革。", ["理解改革", "支持改革", "积极参与改革"]),
    (
        "tail-cut",
        "从解决群众最关心、最直接、最现实的利益问题入手。",
        ["最关心", "最直接", "最现实"],
    ),
    ("suffix-one-char", "实现好、维护好、发展好群众的根本利益。", ["实现好", "维护好", "发展好"]),
    (
        "correlative",
        "既要树立持久作战的思想，又要打好阶段性战役。",
        ["既要树立持久作战的思想", "又要打好阶段性战役"],
    ),
    (
        "same-shape",
        "争夺是绝对的、长期的；勾结是相对的、暂时的。",
        ["争夺是绝对的、长期的", "勾结是相对的、暂时的"],
    ),
    (
        "sentences",
        "在思想上，要统一认识。在思想上，要提高站位。在工作上，要狠抓落实。",
        ["在思想上，要统一认识", "在思想上，要提高站位", "在工作上，要狠抓落实"],
    ),
    (
        "quoted-slogan",
        "提出“全省创第一，中部进十强，全国争百强”的目标。",
        ["全省创第一", "中部进十强", "全国争百强"],
    ),
    ("not-names", "加快建设法治政府、创新政府、廉洁政府。", ["法治政府", "创新政府", "廉洁政府"]),
    (
        "lead-and-tail",
        "实现具备协同和自治特征、具有特定功能和实际价值的应用。",
        ["具备协同和自治特征", "具有特定功能和实际价值"],
    ),
    (
        "list-ends-at-etc",
        "开展“三个离不开”、“四个与共”、“五个认同”等理念教育和“感党恩、听党话”教育。",
        ["“三个离不开”", "“四个与共”", "“五个认同”"],
    ),
    ("chain-to", "迎来了从站起来、富起来到强起来的伟大飞跃", ["站起来", "富起来", "强起来"]),
    (
        "chains-of-their-own",  # not 从农田｜到餐桌、从企业 (rule_chain_end)
        "建立从农田到餐桌、从企业到医院的全过程监管。",
        ["从农田到餐桌", "从企业到医院"],
    ),
    ("block-closed", "坚持边巡边改边治，扎实做好巡视整改。", ["边巡", "边改", "边治"]),
    (
        "lead-holds-the-opening",  # rule_nearest_opening: not 也有｜不少同志不蹲点
        "但是，也有不少同志不蹲点，不调查，不研究，有事不同群众商量。",
        ["不蹲点", "不调查", "不研究"],
    ),
    (
        "nearest-opening-starts-no-word",  # not ｜不同企业特点的责任制形式 (不同 is a word)
        "努力创造出适合不同行业、不同企业特点的责任制形式，不要一哄而起，不要一刀切。",
        ["不要一哄而起", "不要一刀切"],
    ),
    (
        "verb-slot",
        "开展智能传感器核心技术攻关，推动智能传感器产业链上下游协同发展，提升智能传感器产业链整体竞争力。",
        [
            "开展智能传感器核心技术攻关",
            "推动智能传感器产业链上下游协同发展",
            "提升智能传感器产业链整体竞争力",
        ],
    ),
    ("modal-after-list", "各示范商圈、示范商店要珍视荣誉。", ["示范商圈", "示范商店"]),
    (
        "inline-headings",
        "推进生态优化。强化机制创新。深化落实河湖长制，探索完善补偿机制。强化保护修复。"
        "建好国家公园，支持创建自然保护区。强化示范引领。支持各地率先建设美丽城市。",
        ["强化机制创新", "强化保护修复", "强化示范引领"],
    ),
    (
        "infix-uneven",
        "更加注重抓基层、打基础、苦练基本功。",
        ["抓基层", "打基础", "苦练基本功"],
    ),
]


@pytest.mark.parametrize(("case_id", "text", "members"), PARALLEL, ids=[c[0] for c in PARALLEL])
def test_parallel_cases(case_id, text, members):
    """What the rules accept (``min_score=0.0``: the threshold is tested on its own, in
    ``tests/test_parallel_scoring.py``)."""
    found = [[m.text for m in g.members] for g in pt.find_parallels(text, min_score=0.0)]
    assert members in found
    traditional = pt.to_traditional(text)
    assert _groups(pt.find_parallels(traditional, min_score=0.0)) == _groups(
        pt.find_parallels(text, min_score=0.0)
    )


NOT_PARALLEL = [
    ("noun-list", "围绕劳动关系的建立、运行、监督和调处等环节。"),
    ("four-char-no-template", "大力倡导爱岗敬业、诚实守信、勇于奉献的风尚。"),
    ("numbered-items", "一是加强领导。二是完善机制。三是狠抓落实。"),
    ("shared-morpheme", "电力、电信、民航等行业的改革加快。"),
    ("one-char-head", "林业、畜牧业、渔业都取得了新的成绩。"),
    ("word-inside-clauses", "社队企业继续有所发展，社员家庭副业的发展更快。"),
    ("only-the-copula", "城镇化是解决城乡差距的根本途径，也是最大的内需所在。"),  # issue 19
    ("subject-and-predicate", "民生民权问题，是构建和谐社会的根本问题。"),
    ("statistics", "规上工业增加值增长9.4%，社会消费品零售总额增长4.2%，进出口总额增长17.3%。"),
    (
        "agency-names",
        "依托企业技术中心、工程技术研究中心、工程实验室、工程中心、重点实验室等平台。",
    ),
    ("chain-without-template", "从设计、施工到设备供应和设备进口全面管理。"),
]


@pytest.mark.parametrize(("case_id", "text"), NOT_PARALLEL, ids=[c[0] for c in NOT_PARALLEL])
def test_not_parallel(case_id, text):
    assert pt.find_parallels(text, min_score=0.0) == ()


def test_scores_order_confidence():
    strong = pt.find_parallels("真正做到进万家门，知万家情，解万家难，温万家心。")[0]
    weak = pt.find_parallels("发展是硬道理，是解决我国所有问题的关键，也是根本。")
    assert all(g.score < strong.score for g in weak)
    assert pl.MIN_SCORE <= strong.score <= 1


@pytest.mark.parametrize("text", ["", "   ", "。，、", "送", "送、送"])
def test_trivial_text(text):
    assert pt.find_parallels(text) == ()


# --- the cheap tests before the template search ------------------------------------

#: leading words, correlatives and content characters, so that windows often share
#: an opening, an ending or a lead-cut guide
_CLAUSE_CHARS = "是既又也更以要在有工人会发展坚持群众的了力量和革命化"
_OPENINGS = ["", "是", "既", "又", "也", "也是", "更是", "以", "要", "在", "工", "工人", "发展"]
_clause = st.builds(
    lambda lead, opening, body: (lead + opening + body)[:16],
    st.text(alphabet=_CLAUSE_CHARS, max_size=3) | st.just(""),
    st.sampled_from(_OPENINGS),
    st.text(alphabet=_CLAUSE_CHARS, min_size=2, max_size=12),
)


@st.composite
def _variants(draw):
    """Clauses made from one clause by changing some of its characters (one shape)."""
    base = draw(_clause)
    carriers = [base]
    for _ in range(draw(st.integers(1, 3))):
        slots = draw(st.sets(st.integers(0, len(base) - 1), max_size=len(base)))
        new = [
            draw(st.sampled_from(_CLAUSE_CHARS)) if k in slots else c for k, c in enumerate(base)
        ]
        carriers.append("".join(new))
    return carriers


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(
    st.one_of(st.lists(_clause, min_size=2, max_size=4), _variants()),
    st.sampled_from(["clause", "semicolon", "sentence"]),
)
@example(
    ["经济建设有了新成就", "有了新面貌"], "clause"
)  # a lead guided by 有了, past the 4th place
@example(["发展是硬道理", "是第一要务"], "clause")  # a subject before the copula
@example(["我们群众要来", "你们群众都会去"], "semicolon")  # a frame of three characters
def test_skipped_windows_have_no_template(carriers, level):
    """Whatever ``_hopeless`` or ``_unsharable`` skips, the full search would reject."""
    separator = {"clause": "，", "semicolon": "；", "sentence": "。"}[level]
    view = separator.join(carriers) + "。"
    units, start = [], 0
    for carrier in carriers:
        end = start + len(carrier)
        units.append(pl.Unit(start, end, end, level))
        start = end + 1
    common = set(carriers[0]).intersection(*carriers[1:])
    skipped = (not common and pl._unsharable(carriers, level)) or pl._hopeless(carriers, level)
    if skipped:
        assert pl._window_template(view, units, carriers) is None


def test_cheap_tests_change_no_group(essay, monkeypatch):
    """The essay's groups are the same when every window goes through the full search."""
    with_tests = pt.find_parallels(essay)
    monkeypatch.setattr(grouping, "_hopeless", lambda carriers, level: False)
    monkeypatch.setattr(grouping, "_unsharable", lambda carriers, level: False)
    pl._find_template.cache_clear()
    assert pt.find_parallels(essay) == with_tests


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(alphabet="工人是的，,；;：:。！？!? \u3000“”「」（）()[]【】、—…·.ab", max_size=24))
def test_clause_units_are_the_trimmed_pieces(text):
    """``clause_units`` finds by one regex what splitting at the separators and trimming gives."""
    sentence = pt.Span(0, len(text), text)
    pieces = pl._pieces(pl._SEGMENT_RE, text, 0, len(text))
    expected = [pl._unit(text, a, b, "clause") for a, b in pieces]
    assert pl.clause_units(text, sentence) == [u for u in expected if u is not None]


def test_new_unit_and_new_template_build_the_named_tuples() -> None:
    """The builders that skip the NamedTuples' ``__new__`` written in Python give tuples of
    the class, equal to those the class builds, with the fields in place."""
    from policytext.parallels import templates, units

    unit = units.new_unit(3, 9, 7, "clause")
    assert type(unit) is units.Unit
    assert unit == units.Unit(3, 9, 7, "clause")
    assert (unit.start, unit.end, unit.carrier_end, unit.level) == (3, 9, 7, "clause")
    template = templates.new_template("加强", "", "的", 2)
    assert type(template) is templates.Template
    assert template == templates.Template("加强", "", "的", 2)
    assert (template.shared, template.lead) == (("加强", "的"), 2)
