"""Golden examples of the rules written from the precision audit of issue 19 on whole
normative development documents (``rules.rule_audited_pair``): wrong groups drawn from
several documents that the rules drop, and right groups of the same shapes they keep."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext.parallels import grouping, rules, units
from policytext.parallels.templates import Template


@pytest.mark.parametrize(
    ("template", "carriers", "expected"),
    [
        # statements of progress that share only their subject's opening
        (
            Template("信息技术", "", "", 0),
            ["信息技术创新发展步伐不断加快", "信息技术与产业融合日益深入"],
            True,
        ),
        (
            Template("智能航运", "", "", 0),
            ["智能航运法规框架与技术标准体系初步构建", "智能航运发展的基础环境基本形成"],
            True,
        ),
        (
            Template("信息安全", "", "", 0),
            ["信息安全等级保护工作有序开展", "信息安全指导及监督机制不断完善"],
            True,
        ),
        (
            Template("建筑", "业", "", 0),
            ["建筑工业化、数字化、智能化水平显著提高", "建筑产业互联网平台初步建立"],
            True,
        ),
        # the adverb is part of the template; three statements; no statement of progress
        (Template("产业", "不断", "", 0), ["产业规模不断扩大", "产业结构不断优化"], False),
        (
            Template("信息技术", "", "", 0),
            ["信息技术创新发展步伐不断加快", "信息技术与产业融合日益深入", "信息技术应用明显增多"],
            False,
        ),
        (Template("推动", "", "", 0), ["推动深度融合", "推动深化应用"], False),
        (Template("以", "为", "", 0), ["以产业园区为重点", "以提高能效为目标"], False),
        # short statements of like shape
        (Template("债务", "", "", 0), ["债务成本持续降低", "债务结构不断优化"], False),
        (Template("更加", "", "", 0), ["更加重要", "更加迫切"], False),
    ],
)
def test_rule_status_pair(template, carriers, expected):
    assert rules.rule_status_pair(template, carriers, "clause") is expected


@pytest.mark.parametrize(
    "text",
    [
        "近年来，信息技术创新发展步伐不断加快，信息技术与产业融合日益深入。",
        "到2025年，智能航运法规框架与技术标准体系初步构建，智能航运发展的基础环境基本形成。",
        "组织开展数据验证、数据分析处理工作。",
        "审核申报条件、申报材料是否齐全。",
        "积极参加中国国际中小企业博览会、中国（四川）中小微企业云服务大会、中国数字经济高端峰会。",
    ],
)
def test_no_group_after_the_audit(text):
    for script in (text, pt.to_traditional(text)):
        assert pt.find_parallels(script, min_score=0.0) == ()


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "产业规模不断扩大，产业结构不断优化，产业效益不断提高。",
            ["产业规模不断扩大", "产业结构不断优化", "产业效益不断提高"],
        ),
        ("建设示范村、示范片区。", ["示范村", "示范片区"]),
        ("把矛盾纠纷化解在基层、化解在萌芽状态。", ["化解在基层", "化解在萌芽状态"]),
        (
            "这次大会，是一个朝气蓬勃的大会，是一个团结的大会，是一个胜利的大会。",
            ["是一个朝气蓬勃的大会", "是一个团结的大会", "是一个胜利的大会"],
        ),
        ("鼓励金融行业应用智能客服、智能监控等技术。", ["智能客服", "智能监控"]),
        ("举办云展览、云对接、云洽谈、云签约。", ["云展览", "云对接", "云洽谈", "云签约"]),
        (
            "以产业园区、大型公共建筑为重点，以提高终端能源利用效能为目标，推进建设。",
            ["以产业园区、大型公共建筑为重点", "以提高终端能源利用效能为目标"],
        ),
    ],
)
def test_groups_the_audit_rules_keep(text, members):
    for script in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script, min_score=0.0)]
        expected = members if script == text else [pt.to_traditional(m) for m in members]
        assert expected in found


@pytest.mark.parametrize(
    ("carriers", "expected"),
    [
        (["应使用办公自动化软件", "专业财务管理软件"], True),
        (["突破半物理环境测试", "跨域协同测试"], True),
        (["给予产能置换", "矿井产能核增"], True),
        (["做好数据管理", "大数据产品"], True),
        (["促进大众创业", "万众创新"], True),
        # both items verb phrases, the verb shared, noun items, three items
        (["推动集群上网", "促进集群生态化"], False),
        (["加强部门协同", "加强央地协作"], False),
        (["推进工业化", "提升信息化"], False),
        (["发展取得的历史性成就", "发生的历史性变革"], False),
        (["智能客服", "智能监控"], False),
        (["给予产能置换", "矿井产能核增", "产能指标交易"], False),
    ],
)
def test_rule_lead_pair(carriers, expected):
    template = Template("", "", "", 0)
    assert rules.rule_lead_pair(template, carriers, "phrase") is expected
    assert not rules.rule_lead_pair(template, carriers, "clause")


@pytest.mark.parametrize(
    "text",
    [
        "应使用办公自动化软件、专业财务管理软件等进行内部管理。",
        "充分利用现有条件，突破半物理环境测试、跨域协同测试等技术。",
    ],
)
def test_no_pair_with_the_governing_verb_inside(text):
    for script in (text, pt.to_traditional(text)):
        assert pt.find_parallels(script, min_score=0.0) == ()


# --- the second audit (grp19e): names of national programmes --------------------------


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("国家重大科技项目", True),
        ("国家重点研发计划", True),
        ("交通运输领域国家物联网应用示范工程", True),
        ("国家科技重大专项", True),
        ("深入开展集成电路“强芯”工程", False),  # a campaign the text runs
        ("实施国家战略", False),
        ("国家标准", False),
    ],
)
def test_rule_is_programme(member, expected):
    assert rules.rule_is_programme(member) is expected


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (["国家重大科技项目", "国家重点研发计划"], True),
        (
            [
                "加快推进物流公共信息服务示范工程",
                "交通运输领域国家物联网应用示范工程",
                "国家高分辨率对地观测系统应用示范工程",
                "国家下一代互联网应用示范工程",
            ],
            True,
        ),
        (["国家科技重大专项", "国家自然科学基金", "国家重点研发计划"], True),
        (["国家标准", "行业标准", "团体标准", "企业标准"], False),
        (["深入开展集成电路“强芯”工程", "深入开展先进计算“固链”工程"], False),
        (["智能客服", "智能监控"], False),
    ],
)
def test_rule_programme_list(members, expected):
    assert rules.rule_programme_list(members, "phrase") is expected
    assert not rules.rule_programme_list(members, "clause")


@pytest.mark.parametrize(
    "text",
    [
        "加强国家重大科技项目、国家重点研发计划等对智能制造领域的支持。",
        "加快推进物流公共信息服务示范工程、交通运输领域国家物联网应用示范工程、"
        "国家高分辨率对地观测系统应用示范工程和国家下一代互联网应用示范工程的建设。",
    ],
)
def test_no_group_of_programme_names(text):
    for script in (text, pt.to_traditional(text)):
        assert pt.find_parallels(script, min_score=0.0) == ()


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "推动形成国家标准、行业标准、团体标准、企业标准相互协调的标准群。",
            ["国家标准", "行业标准", "团体标准", "企业标准"],
        ),
        (
            "深入开展集成电路“强芯”工程，支持整机企业。深入开展先进计算“固链”工程，加快升级。"
            "深入开展数字终端“扩量”工程，提升能力。",
            [
                "深入开展集成电路“强芯”工程",
                "深入开展先进计算“固链”工程",
                "深入开展数字终端“扩量”工程",
            ],
        ),
    ],
)
def test_groups_the_programme_rule_keeps(text, members):
    for script in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script, min_score=0.0)]
        expected = members if script == text else [pt.to_traditional(m) for m in members]
        assert expected in found


# --- prec20: member edges, a verb that governs the whole 、-list inside its first item ---


@pytest.mark.parametrize(
    ("carrier", "keep", "longest", "even", "expected"),
    [
        # uneven others: the verb's object is the first member
        ("积极布局集成电路晶圆制造材料", 8, 8, False, 10),
        ("自觉接受人大法定监督", 6, 6, False, 6),
        # even others whose length would cut the verb: the cut moves after it
        ("规范精细化配矿系统", 8, 8, True, 7),
        ("办好特殊教育", 4, 4, True, 4),
        # even others that keep less: the shared material goes too (政策 of all three)
        ("增强政策前瞻性", 3, 3, True, None),
        # no verb of the list
        ("中国特色社会主义制度优势", 8, 8, False, None),
        ("生产数据贯通化", 5, 5, True, None),
    ],
)
def test_rule_list_verb_lead(carrier, keep, longest, even, expected):
    assert grouping.rule_list_verb_lead(carrier, keep, longest, even) == expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "坚持依法行政，自觉接受人大法定监督、政协民主监督、各方面监督，人大代表建议按期办结。",
            ["人大法定监督", "政协民主监督", "各方面监督"],
        ),
        (
            "规范搬运机器人、插袋机器人、包装机器人等工业机器人的数据格式。",
            ["搬运机器人", "插袋机器人", "包装机器人"],
        ),
        (
            "加强产学研合作，加大关键共性技术、前沿引领技术、现代工程技术、颠覆性技术研发力度。",
            ["关键共性技术", "前沿引领技术", "现代工程技术", "颠覆性技术"],
        ),
        (
            "规范 PLC 控制系统、自动上料及搅拌系统、自动成型控制系统等控制系统的数据采集。",
            ["PLC 控制系统", "自动上料及搅拌系统", "自动成型控制系统"],
        ),
        # an adverb before the verb; the verb nearer the list than another lead word
        (
            "主动报告工作，自觉接受人大监督、政协民主监督、纪检监察专责监督，认真听取意见。",
            ["人大监督", "政协民主监督", "纪检监察专责监督"],
        ),
        (
            "建设职业技术学院。统筹办好特殊教育、专门教育、老年教育，引导规范民办教育发展。",
            ["特殊教育", "专门教育", "老年教育"],
        ),
        (
            "鼓励企业开发聊天机器人、撰稿机器人、会议记录机器人等应用。",
            ["聊天机器人", "撰稿机器人", "会议记录机器人"],
        ),
        # shared material after the verb goes with it where the others are even
        ("完善制度和标准，增强政策前瞻性、一致性、实效性。", ["前瞻性", "一致性", "实效性"]),
        # a compound noun after another verb keeps its first word
        (
            "建设智能车间，实现生产数据贯通化、制造柔性化、管理智能化。",
            ["生产数据贯通化", "制造柔性化", "管理智能化"],
        ),
    ],
)
def test_first_member_after_the_verb_of_the_list(text, members):
    for script in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script, min_score=0.0)]
        expected = members if script == text else [pt.to_traditional(m) for m in members]
        assert expected in found


# --- prec20: a heading and its content split by a colon are no group ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "网络安全与信息安全标准：网络结构安全、链路安全等网络安全标准，数据安全管理、数据加密等"
        "信息安全标准。",
        "信息交互服务标准：船岸信息交互服务方式、服务范围、服务要求标准。",
    ],
)
def test_no_group_of_a_heading_and_its_content(text):
    for script in (text, pt.to_traditional(text)):
        for group in pt.find_parallels(script, min_score=0.0):
            assert not group.members[0].text.endswith(("安全标准", "服务标准")) or (
                script.index("：") < group.members[0].start
            )


def test_rule_heading_colon():
    view = "数据管理与应用标准：数据清洗等数据处理标准，数据结构与格式标准。"
    first = units.new_unit(0, 9, 9, "clause")
    second = units.new_unit(10, 21, 21, "clause")
    third = units.new_unit(22, 31, 31, "clause")
    assert grouping.rule_heading_colon(view, first, second)
    assert not grouping.rule_heading_colon(view, second, third)
    sentences = [units.new_unit(0, 21, 21, "sentence"), units.new_unit(22, 32, 31, "sentence")]
    assert not grouping.rule_heading_colon(view, *sentences)


# --- prec20: agencies named by level and trade (部门/单位), factories (厂) ----------------


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("市级邮政管理部门", True),
        ("省级邮政管理部门", True),
        ("县级以上地方人民政府有关部门", True),
        ("省直单位", True),
        ("哈尔滨锅炉厂", True),
        ("南京钢铁厂", True),
        ("钢铁厂", False),
        ("绿色工厂", False),
        ("各个部门", False),
        ("农业部门", False),
        ("各个单位", False),
    ],
)
def test_rule_is_name_agency_collectives(member, expected):
    assert rules.rule_is_name(member) is expected


@pytest.mark.parametrize(
    "text",
    [
        "市级邮政管理部门、省级邮政管理部门、国家邮政局应当加强监督检查。",
        "新建了黑龙江钢厂、吉林肥料厂、吉林电石厂、哈尔滨锅炉厂，扩建了一批老厂。",
    ],
)
def test_no_group_of_agencies_by_level_or_factories(text):
    for script in (text, pt.to_traditional(text)):
        assert pt.find_parallels(script, min_score=0.0) == ()


# --- prec20: a slice of a ，-list that opens alike is no group: the whole list is ---------


@pytest.mark.parametrize(
    ("opening", "carrier", "members", "expected"),
    [
        ("向", "向全省人民", ["向人大代表、政协委员", "向中央驻闽单位"], True),
        ("为了", "为了加强党的领导", ["为了更好地同阶级敌人作斗争", "为了正确地处理矛盾"], True),
        ("定", "定外部协作条件", ["定建设规模", "定投资总额"], True),
        # 大大 is a word: no 大-clause of the list
        ("大", "大大加强了党的领导", ["大长无产阶级志气", "大灭资产阶级威风"], False),
        ("为了", "为了", ["为了更好地同阶级敌人作斗争", "为了正确地处理矛盾"], False),
        ("向", "面向全省人民", ["向人大代表、政协委员", "向中央驻闽单位"], False),
    ],
)
def test_rule_anaphora_neighbour(opening, carrier, members, expected):
    assert grouping.rule_anaphora_neighbour(opening, carrier, members) is expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "在此，我代表省人民政府，向全省人民，向人大代表、政协委员、各民主党派、工商联和"
            "无党派人士，向中央驻闽单位、驻闽人民解放军、武警部队官兵，向长期关心支持福建高质量"
            "发展的台港澳同胞、海外侨胞和国际友人，表示衷心感谢！",
            [
                "向全省人民",
                "向人大代表、政协委员、各民主党派、工商联和无党派人士",
                "向中央驻闽单位、驻闽人民解放军、武警部队官兵",
                "向长期关心支持福建高质量发展的台港澳同胞、海外侨胞和国际友人",
            ],
        ),
        (
            "对建设项目要做到定建设规模，定投资总额，定建设工期，定投资效果，定外部协作条件。",
            ["定建设规模", "定投资总额", "定建设工期", "定投资效果", "定外部协作条件"],
        ),
    ],
)
def test_whole_anaphora_of_clauses(text, members):
    for script in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script, min_score=0.0)]
        expected = members if script == text else [pt.to_traditional(m) for m in members]
        assert expected in found


# --- prec20: a cut through 特别是 makes no 是-group ----------------------------------------


@pytest.mark.parametrize(
    ("carrier", "keep", "expected"),
    [
        ("国有企业特别是国有大中型企业", 8, True),
        ("特别是这五年我国农业发展十分迅速", 14, True),
        ("国有企业特别是国有大中型企业", 7, False),
        ("城镇化是扩大内需的最大潜力", 12, False),
    ],
)
def test_rule_split_elaboration(carrier, keep, expected):
    assert grouping.rule_split_elaboration(carrier, keep) is expected


def test_no_copula_group_through_an_elaboration_lead():
    text = "国有企业特别是国有大中型企业，是我国国民经济的支柱。"
    for script in (text, pt.to_traditional(text)):
        assert pt.find_parallels(script, min_score=0.0) == ()


def test_last_item_runs_on_into_problem():
    """A 、-list's last item that runs on into 问题 (a word of ``HEAD_WORDS``) loses it."""
    text = "着力解决小微企业融资难、融资贵问题。"
    for script in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script, min_score=0.0)]
        expected = ["融资难", "融资贵"] if script == text else ["融資難", "融資貴"]
        assert expected in found


# --- prec20: regions named by compass points are places, no group --------------------------


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (["粤东", "粤西", "粤北"], True),
        (["西北", "华北", "东北"], True),
        (["东部", "中部", "西部"], True),
        (["上游", "中游", "下游"], False),
        (["稳就业", "稳企业", "稳市场"], False),
        (["东部地区率先发展", "西部大开发"], False),
    ],
)
def test_rule_compass_regions(members, expected):
    assert rules.rule_compass_regions(members, "phrase") is expected
    assert not rules.rule_compass_regions(members, "clause")


@pytest.mark.parametrize(
    "text", ["推动粤东粤西粤北地区深度融湾发展。", "继续建设西北、华北、东北地区的防护林体系。"]
)
def test_no_group_of_compass_regions(text):
    for script in (text, pt.to_traditional(text)):
        assert pt.find_parallels(script, min_score=0.0) == ()


# --- prec20: a member that opens a quotation keeps its closing mark -----------------------


@pytest.mark.parametrize(
    ("view", "start", "end", "expected"),
    [
        ("坚定“四个自信”，", 0, 7, 1),
        ("坚定“四个自信”，", 0, 8, 0),
        ("坚持“两个毫不动摇”", 0, 2, 0),
        ("这就是「教条主义」", 0, 8, 1),
    ],
)
def test_rule_closing_quote(view, start, end, expected):
    assert grouping.rule_closing_quote(view, start, end) == expected


def test_quoted_members_keep_their_closing_marks():
    text = "进一步增强“四个意识”、坚定“四个自信”、做到“两个维护”，让忠诚成为最鲜明的底色。"
    for script in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script, min_score=0.0)]
        members = ["增强“四个意识”", "坚定“四个自信”", "做到“两个维护”"]
        expected = members if script == text else [pt.to_traditional(m) for m in members]
        assert expected in found
