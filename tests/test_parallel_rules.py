"""Golden examples of the named rules of ``policytext.parallels`` and ``policytext.slogans``."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext import slogans as sl
from policytext.parallels import grouping, rules, units
from policytext.parallels.templates import Template
from policytext.parallels.templates import _find_template as find_template_cache
from tests.support.timing import growth_ratio


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("省财政厅", True),
        ("省发展改革委", True),
        ("国家能源局", True),
        ("中国电子学会", True),
        ("全国工程专业学位研究生教育指导委员会", True),
        ("清华大学", True),
        ("德州市", True),
        ("美国", True),
        ("利益协调机制", False),
        ("制造强国", False),
        ("开放格局", False),
        ("基层干部", False),
        ("产业创新中心", False),
        ("乡村", False),
        ("城市", False),
        ("省政府", True),
        ("地方政府", True),
        ("法治政府", False),
        ("廉洁政府", False),
        ("重点实验室", True),
        ("工程技术研究中心", True),
        ("各地区铁路监督管理局", True),
        ("民航各地区管理局", True),
        ("构建新发展格局", False),
        ("周恩来同志", True),
        ("人民的好医生赵雪芳同志", True),
        ("同志关系", False),
        ("贯彻落实党中央、国务院的决策部署", False),
        ("对工作做出循序渐进的部署", False),
        ("双方共同签署", False),
        ("审计署", True),
        ("海关总署", True),
    ],
)
def test_rule_is_name(member, expected):
    assert rules.rule_is_name(member) is expected


def test_rule_name_list():
    assert rules.rule_name_list(["省大数据局", "省发展改革委", "省工业和信息化厅"])
    assert rules.rule_name_list(["国家能源局", "国家矿山安全监察局"])
    # the last name runs on into the predicate; names with their abbreviation
    assert rules.rule_name_list(["国家能源局", "国家矿山安全监察局审核后"])
    assert rules.rule_name_list(["省大数据局", "省地方金融监管局牵头"])
    assert rules.rule_name_list(["国际海事组织（IMO", "国际标准化组织（ISO"])
    assert not rules.rule_name_list(["社会组织", "行业组织"])
    assert not rules.rule_name_list(["平安校园", "平安医院"])
    assert not rules.rule_name_list(["利益协调机制", "诉求表达机制", "矛盾调处机制"])
    # people named as comrades (two reports of different decades)
    assert rules.rule_name_list(["毛泽东同志", "周恩来同志", "刘少奇同志", "朱德同志"])
    assert rules.rule_name_list(["被誉为“好军嫂”的韩素云同志", "人民的好医生赵雪芳同志"])


@pytest.mark.parametrize(
    ("members", "names"),
    [
        (["历城区", "章丘区", "槐荫区"], True),
        (["亚运会", "全运会", "进博会", "服贸会"], True),
        (["获得感", "幸福感", "安全感"], False),  # words before the shared ending
        (["示范区", "先行区", "试验区"], False),
        (["爱读书", "读好书", "善读书"], False),  # more shared than the last character
        (["谋发展", "抓发展", "促发展"], False),
        (["历城区", "章丘区"], False),  # two items: rule_name_list and rule_weak_pair decide
    ],
)
def test_rule_abbreviated_names(members, names):
    assert rules.rule_abbreviated_names(members, "phrase") is names
    assert not rules.rule_abbreviated_names(members, "clause")


def test_rule_slice_of_list():
    assert rules.rule_slice_of_list("phrase", 2, 5)  # 数字仿真、数字孪生 of five items
    assert rules.rule_slice_of_list("phrase", 3, 7)
    assert not rules.rule_slice_of_list("phrase", 2, 2)
    assert not rules.rule_slice_of_list("phrase", 3, 4)
    assert not rules.rule_slice_of_list("clause", 2, 5)


@pytest.mark.parametrize(
    ("halves", "neighbours", "expected"),
    [
        (("周边游", "工业游"), ["省际游", "研学游"], True),
        (("管资产", "管人"), ["管事"], True),
        (("数据采集", "存储"), ["数据分析"], False),
        (("人工智能", "实体经济"), ["数字经济"], False),
        (("周边游", "工业游"), [], False),  # no neighbour item to compare with
        (("旅游业这一新兴的战略性支柱产业", "具有显著时代特征的民生产业"), ["幸福产业"], False),
    ],
)
def test_rule_joined_items(halves, neighbours, expected):
    assert units.rule_joined_items(halves, neighbours) is expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "发展省际游、周边游和工业游、研学游、科技游等新业态。",
            ["省际游", "周边游", "工业游", "研学游", "科技游"],
        ),
        ("整体利益和个人利益、长远利益和当前利益。", ["整体利益和个人利益", "长远利益和当前利益"]),
    ],
)
def test_items_joined_inside_a_list(text, members):
    # the rules' output (the pair scores 0.556, under the default threshold 0.864)
    found = pt.find_parallels(text, min_score=0.0)
    assert [[m.text for m in g.members] for g in found] == [members]


@pytest.mark.parametrize(
    ("template", "carriers", "level", "weak"),
    [
        (Template("新", "", "", 0), ["新业态", "新模式"], "phrase", True),
        (Template("数据", "", "", 0), ["数据采集存储", "数据分析应用"], "phrase", False),
        (Template("", "工业", "", 0), ["用好工业遗产", "发展工业旅游"], "clause", True),
        (Template("以", "为", "", 0), ["以信息化为主导", "以核心能力为基础"], "clause", False),
        (Template("推动", "", "", 0), ["推动深度融合", "推动深化应用"], "clause", False),
        (
            Template("", "", "添加提示", 0),
            ["视频中由当前服务生成的画面应添加提示", "其他画面可不添加提示"],
            "clause",
            True,
        ),
        (Template("既", "", "", 0), ["既要树立思想", "又要打好战役"], "clause", False),
        (Template("是", "", "", 0), ["是根本途径", "也是内需所在"], "clause", True),
    ],
)
def test_rule_weak_pair(template, carriers, level, weak):
    assert rules.rule_weak_pair(template, carriers, level) is weak


@pytest.mark.parametrize(
    ("template", "carriers", "level", "weak"),
    [
        # long clauses that share only an opening verb (invented on the pattern of dev text)
        (
            Template("利用", "", "", 0),
            ["利用人工智能技术实现远程诊断和远程阅片", "利用平台整合病患信息"],
            "clause",
            True,
        ),
        (
            Template("建设", "人工智能", "", 0),
            ["建设一批人工智能实训基地", "建设结构优化务实高效的人工智能人才梯队"],
            "clause",
            True,
        ),
        # the infix at the same place after the opening: a frame
        (
            Template("面向", "的开源开发平台", "", 0),
            [
                "面向云端训练的开源开发平台支持分布式集群",
                "面向终端执行的开源开发平台具备轻量化特征",
            ],
            "clause",
            False,
        ),
        (Template("推动", "", "", 0), ["推动深度融合", "推动深化应用"], "clause", False),  # short
        (
            Template("规范了", "", "", 0),
            ["规范了不同水平的服务能力要求", "规范了建设发布评估等环节"],
            "clause",
            False,
        ),
        (
            Template("研究", "", "的要求", 0),
            ["研究不同水平的服务业务能力的要求", "研究建设、发布、评估等环节的要求"],
            "clause",
            False,
        ),
        (Template("数据", "", "", 0), ["数据采集存储", "数据分析应用"], "phrase", False),
    ],
)
def test_rule_opening_only_pair(template, carriers, level, weak):
    assert rules.rule_opening_only_pair(template, carriers, level) is weak
    if weak:
        assert rules.rule_weak_pair(template, carriers, level)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("坚持共建共治共享。", ["共建", "共治", "共享"]),
        ("提高强农惠农富农政策效能。", ["强农", "惠农", "富农"]),
        ("全党全军全国各族人民", ["全党", "全军", "全国"]),
        ("推动产业强链补链延链。", ["强链", "补链", "延链"]),
        ("把握新形势新任务新要求，进一步", ["新形势", "新任务", "新要求"]),
        ("加速数字化网络化智能化转型", ["数字化", "网络化", "智能化"]),  # not 化网络
        ("在思想上政治上行动上同党中央保持一致", ["思想上", "政治上", "行动上"]),
        ("推动创新链产业链资金链人才链深度融合", ["创新链", "产业链", "资金链", "人才链"]),
        ("完善首台套首批次首版次应用支持政策", []),  # not 完善首｜台套首｜批次首
        ("全党全国全社会", ["全党", "全国", "全社会"]),  # not 全社｜会 (rule_word_ending_item)
        ("动员全党全国全社会力量", ["全党", "全国", "全社会"]),
        ("群众同吃同住同劳动等", ["同吃", "同住", "同劳动"]),
        ("提高强农惠农富农政策", ["强农", "惠农", "富农"]),  # not 农惠｜农富｜农政策
        # rule_closed_block: items no word vouches for, the run standing apart
        ("坚持边巡边改边治，扎实做好", ["边巡", "边改", "边治"]),
        ("推动绿色食品产业做精做优做长，", ["做精", "做优", "做长"]),
        ("提倡敢想敢说敢做、大胆创新", ["敢想", "敢说", "敢做"]),
        ("完善制度管权管事管人，保证", ["管权", "管事", "管人"]),
        ("增强政策前瞻性针对性协同性，", ["前瞻性", "针对性", "协同性"]),  # 针对 a word
        ("坚决整治不担当不作为不善为问题", ["不担当", "不作为", "不善为"]),
        ("一个一个地打好", []),
        ("工龄工资和奖金", []),
        ("百分之八十八点八", []),
    ],
)
def test_block_runs(text, items):
    runs = units.block_runs(text, 0, len(text))
    assert [[text[a:b] for a, b in run] for run in runs] == ([items] if items else [])


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # a lead cut after a lead word, a productive suffix over uneven items, the tail
        (
            "立足于我国新型工业化、信息化、城镇化、农业现代化同步发展。",
            ["新型工业化", "信息化", "城镇化", "农业现代化"],
        ),
        ("发展周期性、结构性、体制性问题。", ["周期性", "结构性", "体制性"]),
        (
            "国内外知名软硬件企业代表、地方产业园区代表、投资机构代表参加。",
            ["国内外知名软硬件企业代表", "地方产业园区代表", "投资机构代表"],
        ),
        (
            "向行业内企业、产业链上下游企业和中小企业推广。",
            ["行业内企业", "产业链上下游企业", "中小企业"],
        ),
        ("积极构建点状辐射、带状串联、网状协同的发展格局。", ["点状辐射", "带状串联", "网状协同"]),
        ("持续开展平安校园、平安医院建设。", ["平安校园", "平安医院"]),
        # a verb governing the whole list is cut off the first item, whatever its length
        (
            "战略，加速工业设备上云、企业业务系统上云，加速平台",
            ["工业设备上云", "企业业务系统上云"],
        ),
        ("强化项目绩效评估，避免分散建设、重复建设，切实提高成效。", ["分散建设", "重复建设"]),
        ("坚持共建共治共享。", ["共建", "共治", "共享"]),
        # members end on words of the word table (rule_whole_words), not 全生命｜周期
        ("坚持全过程、全链条、全生命周期管理。", ["全过程", "全链条", "全生命周期"]),
        # a bracket the member opens and does not close is left out with its content
        (
            "构建先进过程系统(APC)、实时优化系统(RTO)、信息物理系统(CPS)。",
            ["先进过程系统", "实时优化系统", "信息物理系统"],
        ),
        (
            "应用卷积神经网络（CNN）、递归神经网络（RNN）、长短期记忆网络（LSTM）等。",
            ["卷积神经网络", "递归神经网络", "长短期记忆网络"],
        ),
        ("从政治上、思想上、组织上为大会准备了条件。", ["政治上", "思想上", "组织上"]),
        (
            "支持骨干企业争创国家级制造业创新中心、产业创新中心、技术创新中心等重大创新平台。",
            ["制造业创新中心", "产业创新中心", "技术创新中心"],
        ),
        (
            "丰富服务种类，提升服务质量，实现服务的流程化标准化。",
            ["丰富服务种类", "提升服务质量", "实现服务的流程化标准化"],
        ),
        ("开展“云展示”“云对接”“云洽谈”活动。", ["“云展示”", "“云对接”", "“云洽谈”"]),
        (
            "加快发展数字经济，培育产业集群。加快发展生物经济，建设制造集群。"
            "加快发展冰雪经济，释放效应。",
            ["加快发展数字经济", "加快发展生物经济", "加快发展冰雪经济"],
        ),
        (
            "（一）坚持需求导向。围绕需要开展工作。\n（二）坚持统一布局。统筹推进建设。\n"
            "（三）坚持安全可控。守住底线。\n（四）组织保障\n",
            ["坚持需求导向", "坚持统一布局", "坚持安全可控"],
        ),
    ],
)
def test_member_edges(text, members):
    # the rules' groups, whatever their score (the threshold: tests/test_parallel_scoring.py)
    found = [[m.text for m in g.members] for g in pt.find_parallels(text, min_score=0.0)]
    assert members in found, found


@pytest.mark.parametrize(
    "text",
    [
        "省大数据局、省发展改革委、省工业和信息化厅、省卫生健康委按职责分工负责。",
        "促进雷达、夜视装备、微机电系统、天基通信系统、目标探测等技术应用。",
        "编制验收报告并报送国家能源局、国家矿山安全监察局。",
        "培育新业态、新模式。",
        "用好工业遗产，发展工业旅游。",
        "林业、畜牧业、渔业都取得了新的成绩。",
        "在历城区、章丘区、槐荫区等区县布局。",
    ],
)
def test_no_group(text):
    assert pt.find_parallels(text, min_score=0.0) == ()


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("二十二", 22),
        ("三十六", 36),
        ("十", 10),
        ("十一", 11),
        ("两", 2),
        ("一百零五", 105),
        ("三千", 3000),
        ("五万", 50000),
        ("九二", None),
        ("十四五", None),
        ("百千", None),
        ("", None),
    ],
)
def test_parse_numeral(numeral, value):
    assert sl.parse_numeral(numeral) == value


@pytest.mark.parametrize(
    ("formula", "count"),
    [
        ("二十二连丰", 22),
        ("五位一体", 5),
        ("三十六计", 36),
        ("三严三实", 3),  # the first numeral (../shared/ANNOTATION.md)
        ("三去一降一补", 3),
        ("两学一做", 2),
        ("双百方针", 2),
        ("一国两制", 2),
        ("四大工程", 4),
        ("五个一工程", 5),
        ("两个一百年", 2),
        ("二十大", None),
        ("十四五", None),
        ("九二共识", None),
        ("十九届", None),
        ("四人帮", None),
    ],
)
def test_formula_count(formula, count):
    assert sl.formula_count(formula) == count


@pytest.mark.parametrize(
    ("formula", "members"),
    [("三严三实", 6), ("三去一降一补", 5), ("两学一做", 3), ("五位一体", 5), ("五个一工程", 5)],
)
def test_formula_members(formula, members):
    assert sl.formula_members(formula) == members


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("坚持两个文明一起抓。", [("两个文明", 2)]),
        ("贯彻双百方针。", [("双百方针", 2)]),
        ("坚持一国两制。", [("一国两制", 2)]),
        ("推进两化融合和三网融合。", [("两化融合", 2), ("三网融合", 3)]),
        ("实施四大工程。", [("四大工程", 4)]),
        ("落实八项主张。", [("八项主张", 8)]),
        ("深入学习贯彻党的二十大精神，编制“十四五”规划。", []),
        ("坚持“九二共识”。", []),
        ("粮食生产实现“二十二连丰”。", [("“二十二连丰”", 22)]),
    ],
)
def test_formulas_in_text(text, expected):
    got = [(s.span.text, s.count) for s in pt.find_slogans(text) if s.kind == "numbered_formula"]
    assert got == expected


@pytest.mark.parametrize(
    ("content", "slogan"),
    [
        ("送温暖", True),
        ("爱心助学", True),
        ("一人一策", True),
        ("免审即享", True),
        ("边研发、边转化", True),
        ("互联网+监管", True),
        ("走出去", True),
        ("机器代人", True),
        ("千岛之国", False),
        ("米奇卡通城", False),
        ("人民的好警察", False),
        ("智能工厂", False),
        ("通用标准", False),
        ("内卷式", False),
        ("磨合期", False),
    ],
)
def test_rule_reads_as_slogan(content, slogan):
    assert sl.rule_reads_as_slogan(content) is slogan


def test_mismatched_quotation_marks_still_quote():
    (slogan,) = pt.find_slogans('开展“筑巢引凤"行动。')
    assert slogan.span.text == '“筑巢引凤"' and slogan.kind == "quoted"


def test_lexicon_expansion_found_in_the_text():
    (slogan,) = pt.find_slogans("坚持两个文明：物质文明、精神文明。")
    assert [e.text for e in slogan.expansion] == ["物质文明", "精神文明"]


# --- linear time (issue 20): time at 4n over time at n, best of three ---------------


@pytest.mark.parametrize(
    ("case", "piece", "n"),
    [
        ("one paragraph of repeated lists (_dedupe)", "送政策、送技能、送维权。", 500),
        ("three characters around a 、 (_common_infix)", "甲乙丙、", 1500),
        ("three characters around a 、, shifted", "甲、乙丙", 1500),
        ("one paragraph of inline enumerated sentences", "一是甲。二是乙。", 2000),
    ],
)
def test_time_grows_linearly(case, piece, n):
    ratio = growth_ratio(pt.find_parallels, piece * n, piece * (4 * n), 6)
    assert ratio <= 6, f"{case}: {ratio:.1f}"


def test_full_search_agrees_with_the_quick_tests_on_the_development_passages(monkeypatch):
    """``_hopeless`` and ``_unsharable`` skip windows; the full search finds the same groups."""
    from tests.conftest import load_passages, passage_texts

    texts = [text for _, text in passage_texts(load_passages("policy_parallel_passages.json"))]
    quick = [pt.find_parallels(t) for t in texts]
    monkeypatch.setattr(grouping, "_hopeless", lambda carriers, level: False)
    monkeypatch.setattr(grouping, "_unsharable", lambda carriers, level: False)
    find_template_cache.cache_clear()
    assert [pt.find_parallels(t) for t in texts] == quick


def test_members_wrapped_across_a_line_break():
    text = (
        "　　加强组织领导，完善工作机制，推动数字化、网络化、智\n"
        "能化转型升级，促进信息技术、信息网络、信息系统深度融合\n"
        "，提升服务水平，强化安全保障，确保各项任务落到实处，形成\n"
        "工作合力，推动高质量发展取得新成效，为全面建设现代化作\n"
        "出新的更大贡献。\n"
    )
    found = [[m.text for m in g.members] for g in pt.find_parallels(text, layout="wrapped")]
    assert ["数字化", "网络化", "智\n能化"] in found
    assert ["信息技术", "信息网络", "信息系统"] in found


@pytest.mark.parametrize(
    ("carriers", "expected"),
    [
        (
            [
                "开展智能传感器核心技术攻关",
                "推动智能传感器产业链协同发展",
                "提升智能传感器整体竞争力",
            ],
            True,
        ),
        (["加快推进数字化转型", "加快推进数字化改造"], False),  # two clauses
        (["发展数字经济新业态", "大力发展数字经济", "推进数字经济和实体经济融合"], False),  # places
        # a two-character verb slot before a two-character object (rule_two_character_slot)
        (["丰富服务种类", "提升服务质量", "实现服务的流程化标准化"], True),
        (["丰富服务种类", "提升服务质量"], False),  # two clauses
        (["提升服务种类", "提升服务质量", "提升服务的流程化"], False),  # one verb: a prefix
        (["加强数据安全", "完善数据共享机制建设和数据开放平台"], False),
        (["丰富服务", "开展数字化服务", "实现服务的流程化"], False),  # at different places
    ],
)
def test_rule_verb_slot(carriers, expected):
    from policytext.parallels.templates import find_template, rule_verb_slot

    template = find_template(carriers)
    assert (template is not None and rule_verb_slot(template, carriers)) is expected


@pytest.mark.parametrize(
    ("text", "cut", "word"),
    [
        ("全生命周期管理", 3, (0, 5)),  # 全生命｜周期 splits 全生命周期
        ("畜牧业", 1, (0, 3)),  # 畜｜牧业
        ("工艺流程及布局模型", 3, (0, 4)),
        ("全过程", 3, None),  # the end
        ("推进改革", 2, None),  # between words
        ("产业数字化", 2, None),  # two-character entries (业数) do not count
    ],
)
def test_word_across(text, cut, word):
    assert units.word_across(text, cut) == word


def test_an_opening_keeps_only_short_words_whole():
    # the table's longer entries include phrases (群众获得): a lead does not join them
    assert grouping._word_cut("人民群众获得感", 4, grouping.LONGEST_OPENING_WORD) is None
    assert grouping._word_cut("文化遗产游", 2, grouping.LONGEST_OPENING_WORD) is None
    assert grouping._word_cut("大别山精神", 1, grouping.LONGEST_OPENING_WORD) == (0, 3)


def test_rule_subject_only():
    assert rules.rule_subject_only(Template("我们", "", "", 0))
    assert not rules.rule_subject_only(Template("我们要", "", "", 0))
    assert not rules.rule_subject_only(Template("我们", "", "工人", 0))


def test_rule_label_opening():
    assert rules.rule_label_opening(["在思想上", "在工作上", "在作风上"], ("在", "上"))
    assert rules.rule_label_opening(["就诊前", "就诊中", "就诊后"], ("就诊",))
    assert not rules.rule_label_opening(["坚持人民主体地位", "坚持依法治国"], ("坚持",))
    assert not rules.rule_label_opening(["加强生态环境保护", "加强安全生产监管"], ("加强",))


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (  # the template sits in the first clauses alone: they are the members
            "坚持人民主体地位，充分调动人民积极性。坚持依法治国，建设法治国家。"
            "坚持全面深化改革，不断增强发展活力。",
            ["坚持人民主体地位", "坚持依法治国", "坚持全面深化改革"],
        ),
        (  # first clauses that only label their sentences: the sentences are the members
            "在思想上，要牢固树立宗旨意识。在工作上，要密切联系群众。在作风上，要坚持艰苦奋斗。",
            [
                "在思想上，要牢固树立宗旨意识",
                "在工作上，要密切联系群众",
                "在作风上，要坚持艰苦奋斗",
            ],
        ),
    ],
)
def test_sentences_compared_by_first_clauses_report_those_clauses(text, members):
    assert [[m.text for m in g.members] for g in pt.find_parallels(text, min_score=0)] == [members]


def test_rule_case_frame():
    assert rules.rule_case_frame(["尚未招标的", "正在建设的", "已完成示范建设的"])
    assert not rules.rule_case_frame(["尚未招标的", "正在建设的"])
    assert not rules.rule_case_frame(["尚未招标的", "正在建设的", "加快推进粮库和省平台互联互通"])


def test_case_frames_report_whole_pieces():
    text = (
        "尚未招标的，要在6月底前启动项目招投标；正在建设的，要优化设计方案；"
        "已完成示范建设的，要扩大应用规模；已经完成建设的，加快项目验收。"
    )
    groups = [[m.text for m in g.members] for g in pt.find_parallels(text)]
    assert groups == [
        [
            "尚未招标的，要在6月底前启动项目招投标",
            "正在建设的，要优化设计方案",
            "已完成示范建设的，要扩大应用规模",
            "已经完成建设的，加快项目验收",
        ]
    ]


@pytest.mark.parametrize(
    ("carriers", "expected"),
    [
        (["7个盟市接通高铁", "所有盟市互通高速", "12个盟市通航"], True),
        (["四十斤", "六十斤", "八十斤"], True),
        (["有四十五个县", "有五十五个县", "有一百零四个县"], True),
        (["三个离不开", "四个与共", "五个认同"], False),  # one-character numerals: formulas
        (["从一九八一年到一九九〇年", "从一九九一年到二〇〇〇年"], False),  # years
    ],
)
def test_rule_statistics(carriers, expected):
    assert rules.rule_statistics(carriers) is expected


def test_rule_numbers_only():
    assert rules.rule_numbers_only(Template("", "", "中", 0), ["二中", "三中", "四中"])
    assert not rules.rule_numbers_only(
        Template("第", "", "", 0), ["第二年中期考核", "第三年终期验收后"]
    )
    assert pt.find_parallels("全面贯彻党的十九大和十九届二中、三中、四中全会精神。") == ()


def test_slogan_members_part_at_the_highest_mark():
    text = "按照“紧盯前沿、延链谋划，龙头牵引、培育壮大，打造生态、集群发展”的思路。"
    groups = [[m.text for m in g.members] for g in pt.find_parallels(text)]
    assert groups == [["紧盯前沿、延链谋划", "龙头牵引、培育壮大", "打造生态、集群发展"]]


def test_no_member_opens_with_a_particle():
    """A lead word cut leaves no member opening with 的: 积极推广｜的“关怀模式”."""
    text = "鼓励企业积极推广的“关怀模式”“长辈模式”，将无障碍改造纳入日常更新。"
    for script_text in (text, pt.to_traditional(text)):
        for group in pt.find_parallels(script_text):
            assert not any(m.text.startswith("的") for m in group.members), group


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # an inner 、-item is whole: no piece cut off it to fit the others' template
        ("培育一批重点实验室、产业创新中心、创新服务机构和创新人才基地。", None),
        ("深化人工智能与基础科学、信息科学、医学、哲学社会科学等学科的交叉融合。", None),
        ("开展智能赛事、智能观赛、智能安检、智能疫情防控、场馆运营等应用。", None),
        # the first item's lead and the last item's tail still go
        (
            "是党中央、国务院立足于我国新型工业化、信息化、城镇化、农业现代化同步发展作出的。",
            ["新型工业化", "信息化", "城镇化", "农业现代化"],
        ),
        (
            "初审、复核、复审岗位设置应相互分离、相互制约、相互监督，",
            ["相互分离", "相互制约", "相互监督"],
        ),
        (
            "防御恶意代码入侵、外部接口（如 USB 接口、OBD 接口、无线接口等）入侵等。",
            ["USB 接口", "OBD 接口", "无线接口"],
        ),
    ],
)
def test_rule_cut_inner_item(text, members):
    for script_text in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script_text)]
        if members is None:  # no group with a member cut out of an inner item
            words = ("创新中心", "科学", "智能疫情")
            assert not any(m in words for group in found for m in group), found
        elif script_text == text:
            assert members in found, found


@pytest.mark.parametrize(
    ("template", "members", "level", "run_on"),
    [
        # one side shared, the other side of the longer item runs on (reports of several
        # provinces and years): a predicate after the list, a verb before it
        (Template("重点", "", "", 0), ["重点人群", "重点地区就业工作"], "phrase", True),
        (Template("老旧", "", "", 0), ["老旧街区", "老旧厂区更新改造"], "phrase", True),
        (Template("被压迫", "", "", 0), ["被压迫人民", "被压迫民族联合起来"], "phrase", True),
        (Template("", "", "主义", 0), ["要力戒形式主义", "官僚主义"], "phrase", True),
        (Template("", "", "电网", 0), ["加快智能电网", "微电网"], "phrase", True),
        (Template("", "", "精神", 0), ["弘扬科学家精神", "劳模精神"], "phrase", True),
        (Template("", "", "主义", 0), ["克服形式主义", "官僚主义"], "phrase", True),
        (Template("", "", "用水", 0), ["重视计划用水", "节约用水"], "phrase", True),
        # a tail needs three characters: two may be the item's own (绿色建筑、绿色快递包装)
        (Template("绿色", "", "", 0), ["绿色建筑", "绿色快递包装"], "phrase", False),
        (Template("", "", "机制", 0), ["利益协调机制", "诉求表达机制"], "phrase", False),
        # still pairs: both sides shared, a frame, items of about one length
        (
            Template("国家", "贸易", "示范区", 0),
            ["国家服务贸易创新发展示范区", "国家数字贸易示范区"],
            "phrase",
            False,
        ),
        (
            Template("对", "主义的坚定信", "", 0),
            ["对马克思主义的坚定信仰", "对中国特色社会主义的坚定信念"],
            "phrase",
            False,
        ),
        (
            Template("从", "向", "", 0),
            ["从点状监测向连续监测", "从短流程管理向长流程管理转变"],
            "phrase",
            False,
        ),
        (Template("数据", "", "", 0), ["数据采集存储", "数据分析应用"], "phrase", False),
        (Template("重点", "", "", 0), ["重点人群", "重点地区", "重点行业就业"], "phrase", False),
        (Template("推动", "", "", 0), ["推动深度融合", "推动深化应用并形成合力"], "clause", False),
        # normative documents (the audit of grp19d): an opening shared, the second running on
        (Template("数据", "", "", 0), ["数据验证", "数据分析处理工作"], "phrase", True),
        (Template("申报", "", "", 0), ["申报条件", "申报材料是否齐全"], "phrase", True),
        (Template("重要", "", "", 0), ["重要讲话", "重要指示批示精神"], "phrase", True),
        (Template("智慧旅游", "", "", 0), ["智慧旅游景区", "智慧旅游饭店创建工作"], "phrase", True),
        (Template("智能", "", "", 0), ["智能桥切机", "智能抛光定厚机器人"], "phrase", True),
        # parts after the opening of like length, or an opening of function words
        (Template("示范", "", "", 0), ["示范村", "示范片区"], "phrase", False),
        (Template("远程", "", "", 0), ["远程会诊", "远程康复指导"], "phrase", False),
        (Template("数据", "", "", 0), ["数据泄露监测", "数据异常流动分析"], "phrase", False),
        (Template("核心", "", "", 0), ["核心师资团队", "核心实践项目"], "phrase", False),
        (
            Template("之所以", "", "", 0),
            ["之所以完全正确", "之所以能够引领中国发展进步"],
            "phrase",
            False,
        ),
        (Template("化解在", "", "", 0), ["化解在基层", "化解在萌芽状态"], "phrase", False),
        (Template("谁反对毛", "", "", 0), ["谁反对毛主席", "谁反对毛泽东思想"], "phrase", False),
        (
            Template("数据", "", "", 0),
            ["数据验证", "数据分析处理工作", "数据共享"],
            "phrase",
            False,
        ),
        (Template("", "", "机制", 0), ["协调机制", "诉求表达与回应机制"], "phrase", False),
    ],
)
def test_rule_run_on_pair(template, members, level, run_on):
    assert rules.rule_run_on_pair(template, members, level) is run_on


@pytest.mark.parametrize(
    ("members", "events"),
    [
        (["巴黎奥运会", "东京残奥会", "杭州亚运会"], True),
        (["中国国际进口博览会", "中国国际服务贸易交易会"], True),
        (["第十七届运动会", "第十届民族传统体育运动会", "第二届残特奥运动会"], True),
        (["华人炎帝故里寻根节", "国际武当太极文化节", "屈原故里端午文化节"], True),
        (["是一个朝气蓬勃的大会", "是一个团结的大会", "是一个胜利的大会"], False),
        (["文化节目", "文化产品", "文化服务"], False),
        (["学术交流", "人才交流", "文化交流"], False),
        # normative documents (the audit of grp19d)
        (
            ["中国国际中小企业博览会", "中国（四川）中小微企业云服务大会", "中国数字经济高端峰会"],
            True,
        ),
        (["人才创业大赛", "人工智能创新创业大赛"], True),
        (["中国国际进口博览会", "中国进出口商品交易会", "中国国际消费品博览会"], True),
        (["展览会", "博览会"], False),  # kinds of event, not names
        (["举办高峰论坛", "举办产业大会"], False),  # verbs on events
        (["利益协调机制", "诉求表达机制", "矛盾调处机制"], False),
    ],
)
def test_rule_event_list(members, events):
    assert rules.rule_event_list(members) is events


@pytest.mark.parametrize(
    "text",
    [
        # sentences of development reports (provinces, years): no pair is returned
        "扎实做好重点人群、重点地区就业工作。",
        "推进老旧街区、老旧厂区更新改造。",
        "要力戒形式主义、官僚主义，切忌在工作中搞“花架子”。",
        "加快智能电网、微电网建设，推动绿电直连。",
        "贵州运动健儿在巴黎奥运会、东京残奥会、杭州亚运会取得佳绩。",
        "成功举办第三届中国国际进口博览会、中国国际服务贸易交易会。",
    ],
)
def test_no_run_on_pair_or_event_list_in_report_prose(text):
    for script_text in (text, pt.to_traditional(text)):
        assert pt.find_parallels(script_text, min_score=0.0) == (), script_text


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # report groups the two rules keep: a frame, a long inner word, no event names
        (
            "推动健康管理实现从点状监测向连续监测、从短流程管理向长流程管理转变。",
            ["从点状监测向连续监测", "从短流程管理向长流程管理转变"],
        ),
        (
            "我们要坚持对马克思主义的坚定信仰、对中国特色社会主义的坚定信念。",
            ["对马克思主义的坚定信仰", "对中国特色社会主义的坚定信念"],
        ),
        (
            "我们的代表大会，是一个朝气蓬勃的大会，是一个团结的大会，是一个胜利的大会。",
            ["是一个朝气蓬勃的大会", "是一个团结的大会", "是一个胜利的大会"],
        ),
    ],
)
def test_report_groups_kept(text, members):
    for script_text in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script_text, min_score=0.0)]
        expected = members if script_text == text else [pt.to_traditional(m) for m in members]
        assert expected in found, found


@pytest.mark.parametrize(
    ("carriers", "expected"),
    [
        (["增强“四个意识", "坚定“四个自信", "做到“两个维护"], True),
        (["全面实施“五大战略", "大力发展“十个重点产业", "突出抓好“六个产业集群"], True),
        (["“三个离不开", "“四个与共", "“五个认同"], True),
        (["增强“四个意识", "坚定“四个自信"], False),  # a pair needs its own evidence
        (["进一步增强“四个意识", "坚定“四个自信", "做到“两个维护"], False),  # a lead
        (["加快建设“六个龙江", "推进“八个振兴", "实现“十五五”良好开局"], False),
        (["打造“桥头堡", "建设“示范区", "争当“排头兵"], False),  # quoted terms, no formula
    ],
)
def test_rule_quoted_formula_slot(carriers, expected):
    assert rules.rule_quoted_formula_slot(carriers) is expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "我们要增强“四个意识”，坚定“四个自信”，做到“两个维护”，铸牢绝对忠诚。",
            ["增强“四个意识”", "坚定“四个自信”", "做到“两个维护”"],
        ),
        (
            "全面实施“五大战略”，大力发展“十个重点产业”，突出抓好“六个产业集群”，加快产业转型。",
            ["全面实施“五大战略”", "大力发展“十个重点产业”", "突出抓好“六个产业集群”"],
        ),
    ],
)
def test_quoted_formulas_in_one_slot_are_a_group(text, members):
    """Members keep the closing mark of the formula they quote (``units.rule_unclosed_quote``), as
    the annotated sets do (全面实施“五大战略”, 坚定拥护“两个确立”)."""
    for script_text in (text, pt.to_traditional(text)):
        found = [
            [(m.start, m.end) for m in g.members]
            for g in pt.find_parallels(script_text)  # returned at the default threshold
        ]
        spans = []
        for member in members:
            start = text.index(member)
            spans.append((start, start + len(member)))
        assert spans in found, found


@pytest.mark.parametrize(
    ("members", "level", "collective"),
    [
        (["各民主党派", "各人民团体", "各界人士"], "phrase", True),
        (["各民主党派", "各人民团体", "各界爱国人士"], "phrase", True),
        (["台湾同胞", "港澳同胞", "海外侨胞"], "phrase", True),
        (["香港特别行政区同胞", "澳门特别行政区同胞", "台湾同胞"], "phrase", True),
        (["新经济组织", "新社会组织", "新就业群体"], "phrase", False),
        (["组织群众", "宣传群众", "凝聚群众"], "phrase", False),
        (
            [
                "向全省各族人民和驻豫人民解放军、武警部队官兵",
                "向各民主党派、工商联、各人民团体及各界人士",
                "向关心支持河南发展的港澳台同胞、海外侨胞、国际友人",
            ],
            "clause",
            False,  # clauses that address them by a frame (向…，向…，向…) stay a group
        ),
    ],
)
def test_rule_collective_list(members, level, collective):
    assert rules.rule_collective_list(members, level) is collective


def test_no_collective_list_in_report_prose():
    text = "向全国各族人民，向各民主党派、各人民团体和各界人士，表示诚挚感谢！"
    for script_text in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script_text, min_score=0.0)]
        assert not any(len(g) == 3 and g[0].endswith("党派") for g in found), found


@pytest.mark.parametrize(
    ("members", "elaboration"),
    [
        (["这是全国人民的任务", "特别是工人和农民的任务"], True),
        (["帝国主义之间的矛盾", "特别是美法之间的矛盾"], True),
        (["全面提高各级各类学校的教育质量", "特别是中小学阶段的教育质量"], True),
        (["我们要向所有的兄弟国家学习", "特别是要向苏联学习", "向苏联专家学习"], True),
        (["进行这两个方面的改革", "尤其是价格体系的改革"], True),
        (["特别是要加强党的建设", "特别是要加强思想建设", "特别是要加强作风建设"], False),
        (["特别是微电子技术", "信息技术", "生物工程技术"], False),  # a lead, cut by grouping
        (["特色产业", "特别产业"], False),
    ],
)
def test_rule_elaboration_member(members, elaboration):
    assert rules.rule_elaboration_member(members) is elaboration


@pytest.mark.parametrize(
    "text",
    [
        "这是全国人民的任务，特别是工人和农民的任务。",
        "这就是帝国主义之间的矛盾，特别是美法之间的矛盾。",
        "全面提高各级各类学校的教育质量，特别是中小学阶段的教育质量。",
    ],
)
def test_no_elaboration_pair_in_report_prose(text):
    for script_text in (text, pt.to_traditional(text)):
        assert pt.find_parallels(script_text, min_score=0.0) == (), script_text


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # a preposition's character that opens a word stays (rule_whole_words)
        (
            "破解和平赤字、发展赤字、安全赤字、治理赤字。",
            ["和平赤字", "发展赤字", "安全赤字", "治理赤字"],
        ),
        ("要减少对流运输、过远运输、重复运输。", ["对流运输", "过远运输", "重复运输"]),
        ("坚持从严治军、依法治军。", ["从严治军", "依法治军"]),
        # still a preposition: before a word, or a preposition of two characters
        ("从政治上、业务上、生活上关心干部。", ["政治上", "业务上", "生活上"]),
        (
            "对于国营工业、合作社营工业、公私合营工业和私营工业，都要加强管理。",
            ["国营工业", "合作社营工业", "公私合营工业", "私营工业"],
        ),
        # a word of the sentence before the first member is cut off
        (
            "特别是微电子技术、信息技术、生物工程技术和新材料技术，发展很快。",
            ["微电子技术", "信息技术", "生物工程技术", "新材料技术"],
        ),
        (
            "这是以习近平同志为核心的党中央坚强领导的结果，是习近平新时代中国特色社会主义思想"
            "科学指引的结果，是全省上下凝心聚力、奋力拼搏的结果。",
            [
                "是以习近平同志为核心的党中央坚强领导的结果",
                "是习近平新时代中国特色社会主义思想科学指引的结果",
                "是全省上下凝心聚力、奋力拼搏的结果",
            ],
        ),
    ],
)
def test_member_edges_keep_words_and_drop_sentence_leads(text, members):
    found = [[m.text for m in g.members] for g in pt.find_parallels(text, min_score=0.0)]
    assert members in found, found
    traditional = pt.to_traditional(text)
    found = [[m.text for m in g.members] for g in pt.find_parallels(traditional, min_score=0.0)]
    assert [pt.to_traditional(m) for m in members] in found, found


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(st.text(alphabet="一二十百年○〇1２甲乙，", max_size=16))
@example("二〇二三年")
@example("十年")
@example("增长6.5%")
def test_has_number_is_a_number_regex_search(text):
    """``has_number`` (a search for a digit or numeral, the regex tried there) answers as
    a search of ``_NUMBER_RE`` does."""
    assert rules.has_number(text) == (rules._NUMBER_RE.search(text) is not None)
