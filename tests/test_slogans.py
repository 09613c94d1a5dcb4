"""Slogans: quoted slogans and numbered formulas with count and expansion."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
        ("践行“三严三实”要求。", [("“三严三实”", "numbered_formula", 3)]),
        ("推进“三去一降一补”。", [("“三去一降一补”", "numbered_formula", 3)]),
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


def test_expansion_counts_the_members():
    (slogan,) = pt.find_slogans("推进“三去一降一补”，即去产能、去库存、去杠杆、降成本、补短板。")
    assert slogan.count == 3 and len(slogan.expansion) == 5


def test_expansion_after_colon():
    (slogan,) = pt.find_slogans("实施“三大工程”：安居工程、民生工程、惠民工程。")
    assert slogan.count == 3
    assert [e.text for e in slogan.expansion] == ["安居工程", "民生工程", "惠民工程"]


def test_qualified_formula_is_quoted_whole():
    """A formula of the lexicon after a qualifier, quoted: the quotation is the slogan."""
    found = [(s.span.text, s.kind, s.count) for s in pt.find_slogans("厦金“小三通”开启台胞通关。")]
    assert found == [("“小三通”", "quoted", None)]
    assert sl.rule_qualified_formula("民生十大工程")
    assert not sl.rule_qualified_formula("十大工程")  # opens with it: a numbered formula
    assert not sl.rule_qualified_formula("智慧农业园区")


def test_formula_count():
    assert sl.formula_count("三个代表") == 3
    assert sl.formula_count("两学一做") == 2  # the first numeral, as ANNOTATION.md counts
    assert sl.formula_members("两学一做") == 3  # the members its numerals state
    assert sl.formula_count("十四五") is None
    assert sl.formula_lexicon()[0]  # the shipped list loads


def test_parse_numeral_agrees_with_cn2an():
    """Our numeral parser against a maintained one (cn2an) on every form cn2an writes."""
    cn2an = pytest.importorskip("cn2an")
    numbers = [*range(0, 2_000), *range(2_000, 200_000, 97)]
    assert [sl.parse_numeral(cn2an.an2cn(n)) for n in numbers] == numbers


@pytest.mark.parametrize(
    ("formula", "count"),
    [
        ("五个进一步到位", 5),  # 进一步 is a degree, not one more item
        ("四个第一", 4),
        ("千万工程", None),  # magnitudes, not the size of a set
        ("百千工程", None),
        ("千兆城市", None),
        ("六尺巷工作法", None),  # a length, not a set
        ("三寸金莲", None),
        ("三高一核心", 3),  # the first numeral above one
        ("一国两制", 2),
    ],
)
def test_formula_count_words_and_magnitudes(formula, count):
    assert sl.formula_count(formula) == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推行“互联网＋监管”。", [("“互联网＋监管”", "quoted")]),
        ("推广“5G+工业互联网”。", [("“5G+工业互联网”", "quoted")]),
        ("推出“雄奇山水 新韵重庆”文旅宣传品牌。", [("“雄奇山水 新韵重庆”", "quoted")]),
        ("揭批所谓“走资派”。", []),  # named and mocked, not called
        ("粉碎“四人帮 ”。", []),  # a numeral-led name of the data file
        (
            "推动“双创”升级，支持双创示范基地。",
            [("“双创”", "numbered_formula")] * 1 + [("双创", "numbered_formula")],
        ),
    ],
)
def test_slogan_shapes_and_context(text, expected):
    assert [(s.span.text, s.kind) for s in pt.find_slogans(text)] == expected


def test_the_mined_lexicon_rebuilds_identically():
    """The shipped formula_lexicon.tsv is what tools.build_formulas mines today: a change of
    the rules that read formulas is followed by a rebuild."""
    from importlib import resources

    from tests.conftest import shared_path
    from tools.build_formulas import lexicon_text

    shared_path("corpora")  # skips where ../shared is absent
    table = resources.files("policytext.data").joinpath("formula_lexicon.tsv").read_text("utf-8")
    assert lexicon_text() == table


def test_the_mined_lexicon_states_its_evidence():
    """Every mined formula is quoted in two documents or more, in half its occurrences, or
    recurs unquoted in three documents or more."""
    from importlib import resources

    table = resources.files("policytext.data").joinpath("formula_lexicon.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in table.splitlines() if not line.startswith("#")]
    assert len(rows) >= 50
    for formula, count, documents, quoted, occurrences in rows:
        if int(quoted):
            assert int(documents) >= 2 and 2 * int(quoted) >= int(occurrences), formula
        else:
            assert int(documents) >= 3, formula
        assert sl.formula_count(formula) == int(count), formula
    assert set(sl.formula_lexicon()) >= {row[0] for row in rows} - sl._formula_data()[1]


def test_threshold_and_confidence_follow_the_calibration_table(capsys):
    """The shipped table is what tools.calibrate_slogans measures on the development
    passages; the threshold sits above every band where fewer than half are slogans."""
    from tools.calibrate_slogans import table

    shared_table = sl._calibration()
    measured = table()
    with capsys.disabled():
        print("\nslogan evidence bands (low, high, quotations, slogans, share, calibrated):")
        for row in measured:
            print("  ", row[:4], f"{row[4]:.3f} {row[5]:.3f}")
    assert [(low, high, round(value, 3)) for low, high, *_, value in measured] == [
        (low, high, value) for low, high, value in shared_table
    ]
    below = [high for low, high, *_, value in measured if value < sl.SLOGAN_SHARE]
    assert max(below) == sl.slogan_threshold() == 1
    assert sl.slogan_confidence(sl.slogan_threshold()) >= 0.5 > sl.slogan_confidence(-1)


@pytest.mark.parametrize(
    ("rule", "content", "expected"),
    [
        (sl.rule_clauses, "全省创第一，中部进十强", True),
        (sl.rule_clauses, "送温暖", False),
        (sl.rule_slogan_form, "一人一策", True),
        (sl.rule_slogan_form, "互联网+监管", True),
        (sl.rule_slogan_form, "数据底座", False),
        (sl.rule_name_or_term, "智能工厂", True),
        (sl.rule_name_or_term, "人民的好警察", True),
        (sl.rule_name_or_term, "公园城市、安逸家园", False),
        (sl.rule_call_opening, "送温暖", True),
        (sl.rule_call_opening, "小巨人", False),
        (sl.rule_verb_object, "爱心助学", True),
        (sl.rule_verb_object, "数据底座", False),
        (sl.rule_compressed_formula, "一网通办", True),
        (sl.rule_compressed_formula, "万企兴万村", True),
        (sl.rule_compressed_formula, "数据底座", False),
        (sl.rule_compressed_formula, "华为杯", False),
        (sl.rule_inner_call, "川渝通办", True),
        (sl.rule_inner_call, "文化进万家", True),
        (sl.rule_inner_call, "数据底座", False),
        (sl.rule_slogan_form, "一数一源一标准", True),
        (sl.rule_predicate_frame, "以人民为中心", True),
        (sl.rule_predicate_frame, "绿水青山就是金山银山", True),
        (sl.rule_predicate_frame, "无事不扰", True),
        (sl.rule_predicate_frame, "不动产", False),
        (sl.rule_predicate_frame, "先培训再就业", True),
        (sl.rule_predicate_frame, "住有所居", True),
        (sl.rule_predicate_frame, "有求必应", True),
        (sl.rule_predicate_frame, "项目为王", True),
        (sl.rule_predicate_frame, "藏粮于地", True),
        (sl.rule_predicate_frame, "智慧城市", False),
        (sl.rule_movement_call, "家电下乡", True),
        (sl.rule_movement_call, "险资入豫", True),
        (sl.rule_movement_call, "校友回湘", True),
        (sl.rule_movement_call, "港车北上", True),
        (sl.rule_movement_call, "北粮南运", True),
        (sl.rule_movement_call, "数字家庭", False),
        (sl.rule_movement_call, "线上线下", False),
        (sl.rule_joint_action, "府院联动", True),
        (sl.rule_joint_action, "证照分离", True),
        (sl.rule_joint_action, "深度融合发展", False),
        (sl.rule_verb_pairs, "容缺受理", True),
        (sl.rule_verb_pairs, "告知承诺", True),
        (sl.rule_verb_pairs, "智慧城市", False),
        (sl.rule_verb_pairs, "统采共用", True),
        (sl.rule_campaign_name, "光盘行动", True),
        (sl.rule_campaign_name, "行动", False),
        (sl.rule_distributive, "村村通", True),
        (sl.rule_distributive, "县城通", False),
        (sl.rule_name_or_term, "村村通", False),
        (sl.rule_name_or_term, "走资派", True),
        (sl.rule_name_or_term, "阶级斗争熄灭论", True),
        (sl.rule_call_opening, "给出路", True),
        (sl.rule_inner_call, "政策找人", True),
        (sl.rule_slogan_form, "数据要素×", True),
        (sl.rule_slogan_form, "7×24小时", False),
        (sl.rule_factor_list, "人房地钱", True),
        (sl.rule_factor_list, "水电路气网", True),
        (sl.rule_factor_list, "房地产", False),
        (sl.rule_factor_list, "电网", False),
        (sl.rule_distributive, "车车/车人", False),
        (sl.rule_clauses, "放、管、服", True),
        (sl.rule_clauses, "雄奇山水 新韵重庆", True),
        (sl.rule_clauses, "111 计划", False),
        (sl.rule_compressed_formula, "111 计划", False),
        (sl.rule_compressed_formula, "千企千景", True),
        (sl.rule_compressed_formula, "又好又快", True),
        (sl.rule_compressed_formula, "宜荆荆襄", False),
        (sl.rule_compressed_formula, "武鄂黄黄咸", False),
        (sl.rule_name_or_term, "智慧农业园区", True),
        (sl.rule_name_or_term, "零碳综合保税区", True),
        (sl.rule_name_or_term, "千兆城市", True),
        (sl.rule_name_or_term, "推荐单位", True),
        (sl.rule_name_or_term, "申报主体", True),
        (sl.rule_name_or_term, "一区两翼", False),
        (sl.rule_name_or_term, "万里长江第一隧", True),
        (sl.rule_name_or_term, "第二故乡", True),
        (sl.rule_name_or_term, "健康第一", False),
        (sl.rule_verb_led, "打造数字先锋城市", True),
        (sl.rule_verb_led, "推荐单位", False),
        (sl.rule_name_or_term, "打造数字先锋城市", False),
        (sl.rule_slogan_form, "科技-产业-金融", True),
        (sl.rule_slogan_form, "中国-东盟", False),
        (sl.rule_name_or_term, "好房子、好小区、好社区、好城区", False),
    ],
)
def test_slogan_evidence_rules(rule, content, expected):
    assert rule(content) is expected


@pytest.mark.parametrize(
    ("before", "after", "campaign", "naming"),
    [
        ("深入开展", "行动，", True, False),
        ("加快实施", "战略", True, False),
        ("揭批所谓", "的", False, True),
        ("荣获", "称号", False, True),
        ("峰会以", "为主题，", False, True),
        ("支持打造", "，推动", False, False),
        ("本办法所称", "，是指", False, True),
        ("加盖公章，", "是指各地", False, True),
        ("3项成果入选", "，全球", False, True),
        ("”栏目下", "子栏目中", False, True),
        ("强，在", "排名由3", False, True),
    ],
)
def test_slogan_context_rules(before, after, campaign, naming):
    assert sl.rule_campaign_context(before, after) is campaign
    assert sl.rule_naming_context(before, after) is naming


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("要用三大纪律八项注意教育战士。", [("三大纪律", 3), ("八项注意", 8)]),
        ("为三大改造铺平道路。", [("三大改造", 3)]),
        ("大跃进、人民公社三面红旗。", [("三面红旗", 3)]),
        ("必须遵守的三项基本原则。", [("三项基本原则", 3)]),
        ("党内两条路线斗争。", [("两条路线", 2)]),
        ("关于九大路线。", []),  # the line of a congress, an ordinal
        ("从三个方面推进。", []),  # parts of a text, not a named set
        ("违反本办法第十七、十八、十九条规定的。", []),
        ("加快“双一流”建设。", [("“双一流”", 2)]),
        ("“双十一”促销。", []),  # a date
        ("坚持五措并举，三管齐下。", [("五措并举", 5), ("三管齐下", 3)]),
        ("形成科技创新和制度创新双轮驱动。", [("双轮驱动", 2)]),
        ("坚持多措并举。", []),  # 多, no numeral
    ],
)
def test_numbered_sets_by_form(text, expected):
    found = [(s.span.text, s.count) for s in pt.find_slogans(text) if s.kind == "numbered_formula"]
    assert found == expected
    assert [
        (s.span.start, s.span.end, s.count) for s in pt.find_slogans(pt.to_traditional(text))
    ] == [(s.span.start, s.span.end, s.count) for s in pt.find_slogans(text)]


@pytest.mark.parametrize(
    ("before", "after", "theme"),
    [
        ("峰会以", "为主题，", True),
        ("聚焦", "主题，", True),
        ("以", "为例，", True),
        ("开展", "主题教育", False),
        ("开展", "活动，", False),
    ],
)
def test_rule_theme_context(before, after, theme):
    assert sl.rule_theme_context(before, after) is theme


@pytest.mark.parametrize(
    ("content", "after", "campaign"),
    [
        ("强芯", "工程，", True),
        ("铸魂", "行动", True),
        ("护苗", "行动计划", True),
        ("强芯", "，加快", False),  # no programme named
        ("瞪羚", "企业", False),
        ("名品", "工程", True),  # a programme's name, noun or verb (annotated core false)
        ("跃升", "工程", True),
        ("八五", "计划", False),  # a plan period
        ("九五", "计划的", False),
        ("强芯片", "工程", False),  # three characters go by the evidence
    ],
)
def test_rule_short_campaign(content, after, campaign):
    assert sl.rule_short_campaign(content, after) is campaign


@pytest.mark.parametrize(
    ("content", "formula"),
    [
        ("一核两翼", True),
        ("一带四区多点", True),
        ("五统一、一开放", True),
        ("两不愁、三保障", True),
        ("一人一策", False),
        ("一穷二白", False),
        ("一清二楚", False),
        ("十五冬", False),
        ("十四运", False),
        ("三十六计", True),
        ("送温暖、送健康", False),  # clauses without a numeral
        ("五统一、送温暖", False),
    ],
)
def test_rule_is_formula_forms(content, formula):
    assert sl.rule_is_formula(content) is formula


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a 一 before the numeral that counts: the set is counted by that numeral
        ("构建“一核两翼”发展格局。", [("“一核两翼”", "numbered_formula", 2)]),
        ("优化“一主两副”城市布局。", [("“一主两副”", "numbered_formula", 2)]),
        ("推行“一人一策”帮扶。", [("“一人一策”", "quoted", None)]),  # no numeral counts
        # numbered clauses after a formula: one formula, counted by its first numeral
        ("坚持“五统一、一开放”基本要求。", [("“五统一、一开放”", "numbered_formula", 5)]),
        ("实现“两不愁、三保障”。", [("“两不愁、三保障”", "numbered_formula", 2)]),
        # a bracketed insertion is read without it
        ("实施“一区（县）一策”。", [("“一区（县）一策”", "quoted", None)]),
        ("拓展“虚拟/增强现实（XR）+”场景。", [("“虚拟/增强现实（XR）+”", "quoted", None)]),
        ("推动“车车/车人”通信。", []),  # the alternatives of a term
        # two characters naming their programme
        ("深入开展集成电路“强芯”工程。", [("“强芯”", "quoted", None)]),
        ("常态化开展“净网”行动。", [("“净网”", "quoted", None)]),
        ("培育“瞪羚”企业。", []),
        ("从“跟跑”、“并跑”到“领跑”。", []),
        # factors listed without their 、
        ("强化“人房地钱”要素联动。", [("“人房地钱”", "quoted", None)]),
        ("完善“人地钱”挂钩政策。", [("“人地钱”", "quoted", None)]),
        ("稳定“房地产”市场。", []),
        # ordinals of games are not sets
        ("办好“十五冬”，筹备“十四运”。", []),
        # a theme or an example is a title; a campaign's theme is not
        ("峰会以“万物互联，智创未来”为主题。", []),
        ("以“企业资质（简单变更）”为例。", []),
        ("开展“不忘初心、牢记使命”主题教育。", [("“不忘初心、牢记使命”", "quoted", None)]),
    ],
)
def test_formula_and_slogan_forms_of_unseen_text(text, expected):
    """Issue 19's third slogan pass: the causes of the misses on
    independent_parallel_passages_2.json, on invented text, in both scripts."""
    got = [(s.span.text, s.kind, s.count) for s in pt.find_slogans(text)]
    assert got == expected
    simplified = [(s.span.start, s.span.end, s.kind, s.count) for s in pt.find_slogans(text)]
    traditional = pt.find_slogans(pt.to_traditional(text))
    assert [(s.span.start, s.span.end, s.kind, s.count) for s in traditional] == simplified


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an area, a city, a kind of entity, a contest a pilot or a form names
        ("在禹城市等开展“智慧农业园区”试点。", []),
        ("大力支持“千兆城市”建设。", []),
        ("“推荐单位”为各地市场监管部门。", []),
        ("本办法所称“数据资源”，是指依法采集的数据。", []),
        ("充分发挥“绽放杯”大赛的作用。", []),
        # a rank before a noun, a ranking, a list, a page label
        ("打造“人生第一座雪山”等核心品牌。", []),
        ("3项成果入选“中国科学十大进展”。", []),
        ("在“数据服务”栏目下“调查问卷”子栏目中进入。", []),
        ("推动“健康第一”教育理念深入人心。", [("“健康第一”", "quoted", None)]),
        # digits spaced off a name are no clauses; cities abbreviated are no formula
        ("决定组织开展教学改革项目（简称“111 计划”）建设工作。", []),
        ("带动“宜荆荆恩”城市群一体化发展。", []),
        # a length is no set; a formula after a qualifier is quoted whole
        ("用好“六尺巷工作法”等有效方式。", [("“六尺巷工作法”", "quoted", None)]),
        ("厦金“小三通”开启通关。", [("“小三通”", "quoted", None)]),
        # a two-character programme name; a call of two verbs
        ("实施空天信息“跃升”工程。", [("“跃升”", "quoted", None)]),
        ("全面完成“八五”计划和“十五”计划。", []),
        ("推进社会数据“统采共用”，实现共享。", [("“统采共用”", "quoted", None)]),
    ],
)
def test_precision_audit_cases(text, expected):
    """Issue 19's precision audit of the development documents (half A): the classes of its
    false positives, and the misses of independent set 4, on invented text, in both scripts."""
    got = [(s.span.text, s.kind, s.count) for s in pt.find_slogans(text)]
    assert got == expected
    simplified = [(s.span.start, s.span.end, s.kind, s.count) for s in pt.find_slogans(text)]
    traditional = pt.find_slogans(pt.to_traditional(text))
    assert [(s.span.start, s.span.end, s.kind, s.count) for s in traditional] == simplified


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the members of a counted set spelled out in quotes: no slogan, nor a formula inside
        (
            "坚持“外出就业、返乡创业、合作兴业”三措并举，带动增收。",
            [("三措并举", "numbered_formula", 3)],
        ),
        ("健全“考核、督查、激励”三项机制。", []),
        (
            "通过“债务重组、三资盘活、金融创新”三措并举化解风险。",
            [("三措并举", "numbered_formula", 3)],
        ),
        ("聚焦“投什么、谁来投、怎么投、如何管”四个问题。", []),
        (
            "坚持“人口多、土地少，小生产、大市场，投入高、产出低”的三大矛盾。",
            [("三大矛盾", "numbered_formula", 3)],
        ),
        # counted by nothing, or by a number of other things: a slogan
        (
            "秉持“弱的就强、缺的就补、错的就改”原则。",
            [("“弱的就强、缺的就补、错的就改”", "quoted", None)],
        ),
        (
            "在“巩固、增强、提升、畅通”八个字上下功夫。",
            [("“巩固、增强、提升、畅通”", "quoted", None)],
        ),
        # Arabic numbers joined by +: counted by the first number above one
        ("形成“3+N”发展格局。", [("“3+N”", "numbered_formula", 3)]),
        ("完善“1+5+N”公共卫生体系。", [("“1+5+N”", "numbered_formula", 5)]),
        ("推进“1+N”人才政策。", [("“1+N”", "quoted", None)]),
        ("迭代“33618”现代制造业集群体系。", []),
        # a number in Arabic digits leads a formula like its Chinese numeral; not a code, a
        # year or a measure
        ("推出稳经济“30条”政策。", [("“30条”", "numbered_formula", 30)]),
        ("长江干流水质实现“9连优”。", [("“9连优”", "numbered_formula", 9)]),
        ("建成“2小时重庆”交通圈。", []),
        ("实施“863计划”。", [("“863计划”", "quoted", None)]),
        ("拓展“三公里”就业圈。", []),
        # single characters spelled out with 、 weigh like the formula they spell
        ("建立“人、房、地、钱”要素联动机制。", [("“人、房、地、钱”", "quoted", None)]),
        ("用好“投、补、贷、保”等政策工具。", [("“投、补、贷、保”", "quoted", None)]),
        ("支持“老、少、边、穷”地区发展。", []),
        # a character of change inside a word is none
        ("徐淙祥被授予“时代楷模”称号。", []),
        ("全力防范免税品“套代购”走私风险。", []),
        (
            "推动“煤改气”“以竹代塑”。",
            [("“煤改气”", "quoted", None), ("“以竹代塑”", "quoted", None)],
        ),
        # two-character calls of a verb of action, quoted side by side
        (
            "深化以“扩中”、“提低”为重点的分配改革。",
            [("“扩中”", "quoted", None), ("“提低”", "quoted", None)],
        ),
        ("推动“禁塑”向“治塑”拓展升级。", [("“禁塑”", "quoted", None), ("“治塑”", "quoted", None)]),
        ("一手抓企业“增量”，推动发展。", []),
        ("坚决纠治“躺平”“侧卧”等问题。", []),
    ],
)
def test_round_23_audit_cases(text, expected):
    """Issue 19's round-23 audit of whole half-A development reports: quoted members of a
    counted set, digit and Arabic-led formulas, spelled-out factor lists,
    characters of change inside words, two-character calls side by side; invented text, both
    scripts."""
    got = [(s.span.text, s.kind, s.count) for s in pt.find_slogans(text)]
    assert got == expected
    simplified = [(s.span.start, s.span.end, s.kind, s.count) for s in pt.find_slogans(text)]
    traditional = pt.find_slogans(pt.to_traditional(text))
    assert [(s.span.start, s.span.end, s.kind, s.count) for s in traditional] == simplified


@pytest.mark.parametrize(
    ("content", "after", "expected"),
    [
        ("外出就业、返乡创业、合作兴业", "三措并举，", True),
        ("科技创新与制度创新", "双轮驱动", False),
        ("改造传统产业、培育新兴产业", "的两大任务", True),
        ("弱的就强、缺的就补", "原则，完", False),
        ("总书记有号令、党中央有部署", "一贯到底", False),
    ],
)
def test_rule_counted_expansion(content, after, expected):
    assert sl.rule_counted_expansion(content, after) is expected


@pytest.mark.parametrize(
    ("content", "formula", "count"),
    [
        ("4+1", True, 4),
        ("1+1+10", True, 10),
        ("１＋３", True, 3),
        ("1+N", True, None),
        ("33618", False, None),
        ("5G+", False, None),
    ],
)
def test_rule_digit_formula(content, formula, count):
    assert sl.rule_digit_formula(content) is formula
    if formula:
        assert sl.digit_formula_count(content) == count


def _formula_spans(matches):
    return [(m.start(), m.end(), m.group(1)) for m in matches]


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["两个维护", "三去一降一补", "四个", "一", "双", "甲乙", "、"])))
def test_formula_matches_are_the_formula_regex_matches(pieces):
    """``_formula_matches`` (the lookahead tried only at a formula's first character)
    finds what ``_formula_starts().finditer`` finds."""
    view = "".join(pieces)
    for start, end in ((0, len(view)), (1, len(view) - 1)):
        expected = _formula_spans(sl._formula_starts().finditer(view, start, end))
        assert _formula_spans(sl._formula_matches(view, start, end)) == expected


def test_formula_matches_on_the_essay(essay):
    view = pt.simplified_view(essay)
    expected = _formula_spans(sl._formula_starts().finditer(view, 0, len(view)))
    assert _formula_spans(sl._formula_matches(view, 0, len(view))) == expected
