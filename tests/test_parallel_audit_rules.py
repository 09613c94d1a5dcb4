"""Golden examples of the rules written from the precision audit of issue 19 on whole
normative development documents (``rules.rule_audited_pair``): wrong groups drawn from
several documents that the rules drop, and right groups of the same shapes they keep."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext.parallels import grouping, rules, units
from policytext.parallels.templates import Template, find_template


def assert_group_in_both_scripts(text: str, members: list[str]) -> None:
    """Every group the rules accept in ``text`` includes one of exactly ``members``, in
    Simplified and (converted) in Traditional."""
    for script in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script, min_score=0.0)]
        expected = members if script == text else [pt.to_traditional(m) for m in members]
        assert expected in found


def assert_no_group_in_both_scripts(text: str) -> None:
    """The rules accept no group in ``text``, in either script."""
    for script in (text, pt.to_traditional(text)):
        assert pt.find_parallels(script, min_score=0.0) == ()


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
    assert_no_group_in_both_scripts(text)


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
    assert_group_in_both_scripts(text, members)


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
    assert_no_group_in_both_scripts(text)


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
    assert_no_group_in_both_scripts(text)


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
    assert_group_in_both_scripts(text, members)


# --- recall of report prose (rec20r): rules written from half A of the development reports


@pytest.mark.parametrize(
    ("template", "carriers", "level", "expected"),
    [
        (
            Template("", "", "投资", 0),
            ["稳定基础设施投资", "扩大制造业投资", "促进新兴领域投资"],
            "sentence",
            True,
        ),
        (
            Template("", "", "改革", 0),
            ["推进集体林权制度改革", "深化农村综合改革", "加快乡镇机构改革"],
            "semicolon",
            True,
        ),
        # two of them; clauses; a shared opening; a one-character or function-word ending
        (Template("", "", "投资", 0), ["稳定基础设施投资", "扩大制造业投资"], "sentence", False),
        (
            Template("", "", "投资", 0),
            ["稳定基础设施投资", "扩大制造业投资", "促进新兴领域投资"],
            "clause",
            False,
        ),
        (
            Template("", "", "的原则", 0),
            ["根据五项原则的原则", "愿意根据同样的原则", "外交政策的原则"],
            "sentence",
            False,
        ),
        # topic labels, lists, numbers, numbered headings, statements
        (Template("", "", "方面", 0), ["教育方面", "卫生方面", "劳动就业方面"], "sentence", False),
        (
            Template("", "", "工业", 0),
            ["煤炭、石油工业", "电力工业", "钢铁工业"],
            "sentence",
            False,
        ),
        (
            Template("", "", "万吨", 0),
            ["棉纱产量286万吨", "食糖产量260万吨", "原煤产量7亿万吨"],
            "sentence",
            False,
        ),
        (
            Template("", "", "改革", 0),
            ["六是深化重要领域改革", "我们不失时机地推进改革", "大力推进财税体制改革"],
            "sentence",
            False,
        ),
    ],
)
def test_rule_ending_heads(template, carriers, level, expected):
    assert rules.rule_ending_heads(template, carriers, level) is expected


@pytest.mark.parametrize(
    ("suffix", "carriers", "expected"),
    [
        ("能", ["风能", "太阳能", "生物质能"], True),
        ("力", ["市场活力", "发展动力", "社会创造力"], True),
        ("度", ["基础设施完备度", "公共服务便利度", "人居环境舒适度"], True),
        ("业", ["林业", "畜牧业", "渔业"], False),
        ("力", ["经济实力", "综合竞争力"], False),
    ],
)
def test_rule_uneven_suffix(suffix, carriers, expected):
    assert rules.rule_uneven_suffix(suffix, carriers) is expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "推动投资回稳向好。稳定基础设施投资，提速建设一批项目。扩大制造业投资，加快技改项目"
            "建设。促进新兴领域投资，完善数字基础设施。",
            ["稳定基础设施投资", "扩大制造业投资", "促进新兴领域投资"],
        ),
        (
            "严守耕地红线。推进集体林权制度改革。深化农村综合改革。加快乡镇机构改革。",
            ["推进集体林权制度改革", "深化农村综合改革", "加快乡镇机构改革"],
        ),
        ("鼓励发展风能、太阳能、生物质能等可再生能源。", ["风能", "太阳能", "生物质能"]),
        ("极大地激发了市场活力、发展动力、社会创造力。", ["市场活力", "发展动力", "社会创造力"]),
        (
            "经过这场斗争，我们取得了胜利。经过这场斗争，我们积累了经验。经过这场斗争，"
            "群众受到了教育。",
            [
                "经过这场斗争，我们取得了胜利",
                "经过这场斗争，我们积累了经验",
                "经过这场斗争，群众受到了教育",
            ],
        ),
    ],
)
def test_groups_of_report_recall(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    "text",
    [
        # a heading alone and its items with bodies (rule_heading_over_items)
        "推进资源性产品价格改革。继续深化电价改革，逐步完善上网电价形成机制。积极推进水价改革，"
        "逐步提高水利工程供水价格。",
        # a tail cut after 力 would split 力量
        "国家要在财力、物力、技术力量等方面给予支援。",
        # topic labels
        "教育方面，学校增加了。卫生方面，医院增加了。劳动就业方面，岗位增加了。",
    ],
)
def test_no_group_of_report_recall_rules(text):
    assert_no_group_in_both_scripts(text)


@pytest.mark.parametrize(
    ("template", "carriers", "expected"),
    [
        (
            Template("", "向", "，表示诚挚感谢", 0),
            [
                "我代表国务院，向全国各族人民，表示诚挚感谢",
                "向香港特别行政区同胞、澳门特别行政区同胞，表示诚挚感谢",
                "向各国政府、国际组织和各国朋友，表示诚挚感谢",
            ],
            True,
        ),
        # two sentences; one word, no clause of its own; a short clause; numbers
        (
            Template("", "", "，表示诚挚感谢", 0),
            ["我代表国务院，向全国各族人民，表示诚挚感谢", "向各国朋友，表示诚挚感谢"],
            False,
        ),
        (
            Template("", "", "机械化", 0),
            [
                "我国实现农业的机械化，是从半机械化到机械化",
                "五业都要逐步实行半机械化和机械化",
                "各方面都要实现机械化",
            ],
            False,
        ),
        (
            Template("", "", "，同时", 0),
            ["甲地增加，同时", "乙地减少，同时", "丙地持平，同时"],
            False,
        ),
        (
            Template("", "", "，增长很快", 0),
            ["钢产量三百万吨，增长很快", "煤产量八千万吨，增长很快", "粮食产量三亿吨，增长很快"],
            False,
        ),
    ],
)
def test_rule_epistrophe(template, carriers, expected):
    assert rules.rule_epistrophe(template, carriers, "sentence") is expected
    assert rules.rule_epistrophe(template, carriers, "clause") is False


def test_sentences_that_end_with_one_clause():
    text = (
        "过去一年的成就来之不易。我代表国务院，向全国各族人民，向各民主党派、各人民团体和各界"
        "人士，表示诚挚感谢！向香港特别行政区同胞、澳门特别行政区同胞、台湾同胞和海外侨胞，表示"
        "诚挚感谢！向关心和支持中国现代化建设的各国政府、国际组织和各国朋友，表示诚挚感谢！"
    )
    for script in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script, min_score=0.0)]
        thanks = [g for g in found if len(g) == 3 and all(m.endswith(("感谢", "感謝")) for m in g)]
        assert len(thanks) == 1
        # the opening clause 我代表国务院， is no part of the frame (rule_opening_clause)
        assert thanks[0][0].startswith("向全国"[:1]) and "代表" not in thanks[0][0]


@pytest.mark.parametrize(
    "text",
    [
        # labels a colon defines, headings of consecutive paragraphs
        "基础通用标准：研究术语定义；船载系统标准：研究船载设备；岸基系统标准：研究岸基设施。",
        "声学传感器。研发高灵敏度器件。\n压力传感器。研发高可靠器件。\n气体传感器。研发低功耗器件。",
    ],
)
def test_rule_numbered_heads(text):
    for script in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script, min_score=0.0)]
        assert not any(len(g) >= 3 and all(len(m) <= 6 for m in g) for g in found), found


# --- recall on normative documents (rec20p): glosses after 、-items, wrapped snippets ---


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("虚拟现实（VR）", "虚拟现实"),
        ("推动发展智能网联汽车（ICV）", "推动发展智能网联汽车"),
        ("智能工厂（车间） ", "智能工厂"),
        ("智慧教育（含职业教育）", "智慧教育"),
        # a bracket inside the item, opening it, or too long for a gloss stays
        ("数据传输（交换）标准", "数据传输（交换）标准"),
        ("（一）", "（一）"),
        ("工（车间）", "工（车间）"),
        ("数据中心（包括边缘数据中心和超算中心在内的各类设施）", None),
        # quotation marks and titles are no glosses
        ("开展“云展示”", "开展“云展示”"),
        ("印发《规划》", "印发《规划》"),
    ],
)
def test_rule_trailing_gloss(item, expected):
    from policytext.parallels.units import rule_trailing_gloss

    end = rule_trailing_gloss(item, 0, len(item))
    assert item[:end] == (item if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "推动发展智能网联汽车（ICV）、智能船舶、智能装备等领域。",
            ["智能网联汽车", "智能船舶", "智能装备"],
        ),
        ("建设智能工厂（车间）、智能矿山、智能港口。", ["智能工厂", "智能矿山", "智能港口"]),
        (
            "推进智慧医疗、智慧教育（含职业教育）、智慧交通发展。",
            ["智慧医疗", "智慧教育", "智慧交通"],
        ),
    ],
)
def test_groups_across_a_gloss(text, members):
    assert_group_in_both_scripts(text, members)


def test_no_group_of_glossed_items_without_a_template():
    text = "推动大数据（BD）、区块链（BC）、云计算（CC）等技术应用。"
    assert pt.find_parallels(text, min_score=0.0) == ()


# a snippet of a hard-wrapped document: too few lines for rule_wrapped, read as wrapped
WRAPPED_SNIPPET = (
    "坚持系统推进，协同发展。全面提升数字化、网络化、智能\n"
    "化水平，推动技术创新与模式创新，支持建设智慧工厂、智\n"
    "慧园区、智慧港口和智慧物流体系，形成发展合力。"
)


def test_rule_short_wrapped():
    from policytext.layout import _lines, rule_short_wrapped

    assert pt.find_layout(WRAPPED_SNIPPET).mode == "wrapped"
    assert rule_short_wrapped(WRAPPED_SNIPPET, _lines(WRAPPED_SNIPPET)) is not None
    # lines that end at 。, lines of every length, table rows, two lines, headings: lines
    for text in (
        "坚持系统推进，协同发展，全面提升数字化水平。\n推动技术创新与模式创新，支持建设智慧工厂。\n形成发展合力。",
        "坚持系统推进，协同发展，全面提升数字化水平\n推动技术创新\n支持建设智慧工厂、智慧园区、智慧港口和智慧物流体系",
        "0-1MHz -21dBm 30kHz 有效值检波\n1-2.5MHz -10dBm 1MHz 有效值检波\n2.5-2.8MHz -10dBm 1MHz 检波",
        "坚持系统推进，协同发展。全面提升数字化、网络化、智能\n化水平，推动技术创新与模式创新。",
        "一、总体要求坚持系统推进协同发展全面提升数字化水平\n二、主要任务推动技术创新与模式创新支持建设智慧工厂\n三、保障措施",
        # names signing a document, a form's fields, glossary lines ending in a bracket
        "中华人民共和国住房和城乡建设部\n中华人民共和国国家发展和改革委员会\n中华人民共和国科学技术部",
        "牵头单位名称：                       （盖单位公章）\n法定代表人或其委托代理人：       "
        "        （签字）\n成员一名称：                       （盖单位公章）",
        "ERP： 企业资源计划系统 （Enterprise Resource Planning）\nCRM： 客户关系管理系统 "
        "（Customer Relation Management）\nMES： 制造执行系统",
        # a blank line between
        "坚持系统推进，协同发展。全面提升数字化、网络化、智能\n\n化水平，推动技术创新与模式创新，支持建设智慧工厂、智\n慧园区。",
    ):
        assert pt.find_layout(text).mode == "lines", text


def test_groups_in_a_wrapped_snippet():
    found = [[m.text for m in g.members] for g in pt.find_parallels(WRAPPED_SNIPPET)]
    assert ["数字化", "网络化", "智能\n化"] in found


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("绿色交通和平安交通建设", True),
        ("数据架构和平台架构", True),
        ("合作和平发展", False),  # 平发 is no word
        ("安全和平稳定", False),  # the halves share nothing
        ("技术中台和平台体系", False),
    ],
)
def test_rule_conjunction_before_word(item, expected):
    from policytext.parallels.units import rule_conjunction_before_word

    assert rule_conjunction_before_word(item, 0, item.index("和"), len(item)) is expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "为推进综合交通、智慧交通、绿色交通和平安交通建设。",
            ["综合交通", "智慧交通", "绿色交通", "平安交通"],
        ),
        ("从数据架构、技术架构和平台架构角度勾画整体轮廓。", ["数据架构", "技术架构", "平台架构"]),
    ],
)
def test_last_item_after_a_conjunction_that_opens_a_word(text, members):
    assert_group_in_both_scripts(text, members)


def test_peace_stays_one_item():
    assert (
        pt.find_parallels("维护发展、安全和平稳定，促进合作、交流和平发展。", min_score=0.0) == ()
    )


# --- the report-prose audit (half A of the development reports, issue 19) ---------------


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        # a linking word no member before it prepares: the clause continues the one before
        (["人民生活改善的速度", "决定于生产的发展速度", "而其中消费资料生产的增长速度"], True),
        (["它们天天喊裁军", "实际上天天在扩军"], True),
        (["我们不应该硬搬别国的经验", "即使是他们成功的经验"], True),
        (["只有在共产党领导下起来进行革命", "不但必须进行和完成民主革命", "而且必须…革命"], True),
        (["这里所说的净收入", "不仅包括分配到的收入", "同时也包括个人经营的收入"], True),
        # prepared by a first half, by the same word, a contrast after 而, pairs of two sides
        (["不是一小撮", "而是一大片", "不是极少数"], False),
        (["问题不是各国人民要打", "不是中国人民要打", "而是超级大国要打"], False),
        (["是社会主义的工业化", "是苏联式的工业化", "而不是资本主义的工业化"], False),
        (["包括各个民主党派", "包括台湾同胞", "包括一切热爱祖国的人们"], False),
        (["只能从实际出发", "而不能从主观愿望出发", "不能从外国模式出发"], False),
        (["不但可以节省运输能力", "而且可以减少运输费用"], False),
        (["并不能促进生产", "而只能妨碍生产"], False),
        (["达到本企业的最好水平", "进而达到本行业的最好水平"], False),
    ],
)
def test_rule_linked_member(members, expected):
    assert rules.rule_linked_member(members) is expected


def test_linked_member_at():
    assert rules.linked_member_at(["读书是学习", "使用也是学习", "而且是更重要的学习"]) == 2
    assert rules.linked_member_at(["它们天天喊裁军", "实际上天天在扩军"]) == 1
    assert rules.linked_member_at(["不是一小撮", "而是一大片", "不是极少数"]) is None


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        # a subject before its predicate
        (
            ["社会主义社会的基本矛盾", "仍然是生产关系和生产力之间的矛盾", "上层建筑之间的矛盾"],
            True,
        ),
        (["发展商品经济的过程", "应该是建设民主政治的过程"], True),
        (["优先发展重工业的政策", "是唯一正确的政策", "实行这个政策"], True),
        (["我国目前发展轻工业的问题", "主要不是增加投资的问题", "而是增加原料生产的问题"], True),
        # copulas on both sides, a second predicate, an alternative, 是否
        (["是宏伟的", "也是完全能够做到的"], False),
        (["事关各国人民的根本利益", "也是各国人民的共同心愿"], False),
        (["无论在国内方面", "或者是在国际方面"], False),
        (["把增加收入作为突出任务", "把农民是否增加收入作为标准"], False),
        (["推动深度融合", "推动深化应用"], False),
    ],
)
def test_rule_subject_and_predicate(members, expected):
    assert rules.rule_subject_and_predicate(members) is expected


@pytest.mark.parametrize(
    "text",
    [
        "人民生活改善的速度，决定于生产的发展速度，而其中消费资料生产的增长速度，"
        "在我国目前的条件下，又在相当大的程度上决定于农业的发展速度。",
        "这里所说的农业生产净收入，不仅包括农民从生产合作社分配到的收入，"
        "同时也包括农民个人经营的农业生产的收入。",
        "它们天天喊裁军，实际上天天在扩军。",
        "我们不应该硬搬别国的经验，即使是他们成功的经验。",
        "社会主义社会的基本矛盾，仍然是生产关系和生产力之间的矛盾，上层建筑和经济基础之间的矛盾。",
        "发展社会主义商品经济的过程，应该是建设社会主义民主政治的过程。",
    ],
)
def test_no_group_of_a_subject_and_its_predicates(text):
    assert_no_group_in_both_scripts(text)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "第一次无产阶级文化大革命的胜利结束，决不是阶级斗争的结束，"
            "决不是无产阶级专政下继续革命的结束。",
            ["决不是阶级斗争的结束", "决不是无产阶级专政下继续革命的结束"],
        ),
        (
            "我国目前发展轻工业的问题，主要不是增加投资的问题，而是增加原料生产的问题。",
            ["主要不是增加投资的问题", "而是增加原料生产的问题"],
        ),
        (
            "只有在共产党领导下起来进行革命，不但必须进行和完成民主革命，"
            "而且必须进行和完成社会主义革命。",
            ["不但必须进行和完成民主革命", "而且必须进行和完成社会主义革命"],
        ),
        (
            "那就只能一切从社会主义初级阶段的实际出发，而不能从主观愿望出发，"
            "不能从外国模式出发，不能从教条式理解出发。",
            [
                "那就只能一切从社会主义初级阶段的实际出发",
                "而不能从主观愿望出发",
                "不能从外国模式出发",
                "不能从教条式理解出发",
            ],
        ),
        (
            "无论在国内方面，或者是在国际方面，都取得了胜利。",
            ["无论在国内方面", "或者是在国际方面"],
        ),
        # the members before a linked member keep their group
        ("读书是学习，使用也是学习，而且是更重要的学习。", ["读书是学习", "使用也是学习"]),
        (
            "搞得劳动人民不高兴，牛也不高兴，机器也不高兴，因为使牛、开机器的劳动人民不高兴。",
            ["搞得劳动人民不高兴", "牛也不高兴", "机器也不高兴"],
        ),
        (
            "问题不是世界各国人民要打，不是中国人民要打，而是超级大国要打。",
            ["问题不是世界各国人民要打", "不是中国人民要打", "而是超级大国要打"],
        ),
        (
            "这种商品经济是以公有制为基础的，是实行按劳分配原则的，是有计划有控制的。",
            ["是以公有制为基础的", "是实行按劳分配原则的", "是有计划有控制的"],
        ),
    ],
)
def test_groups_the_report_rules_keep(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    ("template", "carriers", "level", "expected"),
    [
        (
            Template("在社会主义", "", "", 0),
            ["在社会主义制度下", "在社会主义社会里"],
            "sentence",
            True,
        ),
        (
            Template("在清理仓库的", "", "", 0),
            ["在清理仓库的同时", "在清理仓库的时候"],
            "sentence",
            True,
        ),
        # an ending shared, no preposition, three sentences, clauses
        (Template("在", "", "上", 0), ["在思想上", "在工作上"], "sentence", False),
        (
            Template("全面加强", "", "", 0),
            ["全面加强练兵备战", "全面加强军事治理"],
            "sentence",
            False,
        ),
        (Template("在", "", "", 0), ["在城市", "在农村", "在边疆"], "sentence", False),
        (
            Template("在社会主义", "", "", 0),
            ["在社会主义制度下", "在社会主义社会里"],
            "clause",
            False,
        ),
    ],
)
def test_rule_adverbial_sentences(template, carriers, level, expected):
    assert rules.rule_adverbial_sentences(template, carriers, level) is expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "在社会主义制度下，同社会生产力的水平相适应的分配原则是按劳取酬。"
            "在社会主义社会里，对于简单劳动和复杂劳动应当有合理的差别。",
            None,
        ),
        (
            "在清理仓库的同时，应当重新核定物资消耗定额。在清理仓库的时候，各个部门都应当据实报告。",
            None,
        ),
        (
            "在思想上，要提高认识。在工作上，要狠抓落实。",
            ["在思想上，要提高认识", "在工作上，要狠抓落实"],
        ),
        ("全面加强练兵备战。全面加强军事治理。", ["全面加强练兵备战", "全面加强军事治理"]),
    ],
)
def test_sentence_pairs_after_the_report_audit(text, members):
    if members is None:
        assert_no_group_in_both_scripts(text)
    else:
        assert_group_in_both_scripts(text, members)


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
    assert_group_in_both_scripts(text, members)


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
    assert_no_group_in_both_scripts(text)


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
    assert_group_in_both_scripts(text, members)


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
    assert_no_group_in_both_scripts(text)


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
    assert_no_group_in_both_scripts(text)


# --- prec20: a member that opens a quotation keeps its closing mark (rule_unclosed_quote) ---


def test_quoted_members_keep_their_closing_marks():
    assert_group_in_both_scripts(
        "进一步增强“四个意识”、坚定“四个自信”、做到“两个维护”，让忠诚成为最鲜明的底色。",
        ["增强“四个意识”", "坚定“四个自信”", "做到“两个维护”"],
    )


# --- quoted members (the independent sets' convention: members that are quoted items
# whole keep their quotation marks) --------------------------------------------------


def _edges(rule, text: str, member: str, occurrence: int = 0) -> str:
    """``rule`` applied to the ``occurrence``-th ``member`` of ``text``, read back."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(member, start + 1)
    a, b = rule(pt.simplified_view(text), start, start + len(member))
    return text[a:b]


@pytest.mark.parametrize(
    ("text", "member", "expected"),
    [
        ("实现从“跟跑”、“并跑”到“领跑”的跨越", "并跑", "“并跑”"),
        ("实现从“跟跑”、“并跑”到“领跑”的跨越", "领跑", "“领跑”"),
        ("推动“云展示”“云对接”“云洽谈”等新模式", "云对接", "“云对接”"),
        ("形成“数字孪生+”、“人工智能+”等场景", "人工智能+", "“人工智能+”"),
        ("开展「送温暖」、「送清凉」活动", "送清凉", "「送清凉」"),
        ("开展『送温暖』、『送清凉』活动", "送温暖", "『送温暖』"),
        ("开展‘送温暖’、‘送清凉’活动", "送温暖", "‘送温暖’"),
        ('开展"送温暖"、"送清凉"活动', "送清凉", '"送清凉"'),
        ('开展“送温暖"、“送清凉”活动', "送温暖", '“送温暖"'),  # kinds need not match
        ("形成“数字孪\n生+”、“人工智能+”等场景", "数字孪\n生+", "“数字孪\n生+”"),  # wrapped
        ("形成“\n数字孪生+”、“人工智能+”等场景", "数字孪生+", "“\n数字孪生+”"),
        # partly quoted, a piece of one quotation, a frame holding quotations: unchanged
        ("推进“放管服”改革、“证照分离”改革", "“放管服”改革", "“放管服”改革"),
        ("坚持“边研发、边转化、边推广”", "边转化", "边转化"),
        ("坚持“边研发、边转化、边推广”", "边研发", "边研发"),
        ("坚持“边研发、边转化、边推广”", "边推广", "边推广"),
        (
            "将“演示版”转为“实用版”，“测试版”转为“示范版”",
            "“演示版”转为“实用版”",
            "“演示版”转为“实用版”",
        ),
        ("开展“送温暖”活动、送清凉活动", "送清凉", "送清凉"),
        ("《送温暖》、《送清凉》", "送温暖", "送温暖"),  # titles are no quotations
    ],
)
def test_rule_quoted_member(text, member, expected):
    from policytext.parallels.units import rule_quoted_member

    assert _edges(rule_quoted_member, text, member) == expected


@pytest.mark.parametrize(
    ("text", "member", "expected"),
    [
        ("全面实施“五大战略”，大力发展“十个重点产业”", "全面实施“五大战略", "全面实施“五大战略”"),
        ("坚定拥护“两个确立”，坚决做到“两个维护”", "坚决做到“两个维护", "坚决做到“两个维护”"),
        ("解决方案“揭榜挂\n帅”、标准体系", "解决方案“揭榜挂\n帅", "解决方案“揭榜挂\n帅”"),
        ('坚定拥护"两个确立"，坚决做到"两个维护"', '坚定拥护"两个确立', '坚定拥护"两个确立"'),
        (
            "“两个确立”要坚定拥护，“两个维护”要坚决做到",
            "两个维护”要坚决做到",
            "“两个维护”要坚决做到",
        ),
        # closed inside, or no mark next to the member: unchanged
        ("推进“放管服”改革、“证照分离”改革", "“放管服”改革", "“放管服”改革"),
        ("全面实施“五大战略，大力发展", "全面实施“五大战", "全面实施“五大战"),
        ("大力发展“十个重点产业”", "大力发展", "大力发展"),
    ],
)
def test_rule_unclosed_quote(text, member, expected):
    from policytext.parallels.units import rule_unclosed_quote

    assert _edges(rule_unclosed_quote, text, member) == expected


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("实现从“跟跑”、“并跑”到“领跑”的跨越", "并跑"),
        ("形成“\n数字孪生+”、“人工智能+”等场景", "数字孪生+"),
        ("全面实施“五大战略”，大力发展“十个重点产业”", "全面实施“五大战略"),
        ("“两个确立”要坚定拥护，“两个维护”要坚决做到", "两个维护”要坚决做到"),
        ("将“演示版”转为“实用版”，“测试版”转为“示范版”", "演示版”转为“实用版"),
        ("开展“送温暖”活动、送清凉活动", "送清凉"),
    ],
)
def test_quoted_member_inner_undoes_the_rules(text, member):
    """The score's features read a member without the marks the rules gave it."""
    from policytext.parallels.units import quoted_edges, quoted_member_inner

    view = pt.simplified_view(text)
    start = text.index(member)
    edges = quoted_edges(view, start, start + len(member))
    assert quoted_member_inner(view, *edges) == (start, start + len(member))


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("从“跟跑”、“并跑”到“领跑”，实现跨越。", ["“跟跑”", "“并跑”", "“领跑”"]),
        ("推动“云展示”“云对接”“云洽谈”等新模式。", ["“云展示”", "“云对接”", "“云洽谈”"]),
        (
            "开展「送温暖」、「送清凉」、「送健康」活动。",
            ["「送温暖」", "「送清凉」", "「送健康」"],
        ),
        ('开展"送政策"、"送技能"、"送维权"活动。', ['"送政策"', '"送技能"', '"送维权"']),
        (
            "全面实施“五大战略”，大力发展“十个重点产业”，突出抓好“六个产业集群”。",
            ["全面实施“五大战略”", "大力发展“十个重点产业”", "突出抓好“六个产业集群”"],
        ),
        ("坚持“边研发、边转化、边推广”。", ["边研发", "边转化", "边推广"]),  # one quotation
    ],
)
def test_quoted_members_in_both_scripts(text, members):
    for script in (text, pt.to_traditional(text)):
        groups = pt.find_parallels(script, min_score=0.0)
        assert [[m.text for m in g.members] for g in groups] == [
            [pt.to_traditional(m) if script != text else m for m in members]
        ]


def test_quoted_members_keep_the_score():
    """The marks move no feature of the score: the group scores as without them."""
    from dataclasses import replace

    from policytext.parallels.scoring import group_features
    from policytext.results import Span

    text = "推动“云展示”“云对接”“云洽谈”等新模式。"
    view = pt.simplified_view(text)
    (group,) = pt.find_parallels(text, min_score=0.0)
    bare = tuple(Span.of(text, m.start + 1, m.end - 1) for m in group.members)
    plain = replace(group, members=bare, start=bare[0].start, end=bare[-1].end)
    assert group_features(view, group, 0.6) == group_features(view, plain, 0.6)


# --- rec21: two-character block items opened or varied by a function character ---------


@pytest.mark.parametrize(
    ("view", "k", "other", "size", "expected"),
    [
        ("注重可感可知可及办好", 6, "及", 2, True),  # 可及 is a word
        ("真正可感可及可得。", 4, "及", 2, True),
        ("多的多少", 0, "的", 2, False),  # 多的: no word
        ("精准性针对性", 3, "针对", 3, True),  # the varying part of 针对性
        ("精准性的确性", 3, "的确", 3, True),
        ("精准性的一性", 3, "的一", 3, False),
    ],
)
def test_rule_function_in_word(view, k, other, size, expected):
    assert units.rule_function_in_word(view, k, other, size) is expected


def test_rule_function_opening():
    assert units.rule_function_opening(2, 0)  # 向绿向智向新向优
    assert not units.rule_function_opening(2, 1)  # …的…的…的: no shared ending
    assert not units.rule_function_opening(3, 0)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("注重可感可知可及办好群众身边的日常小事。", ["可感", "可知", "可及"]),
        ("让人民群众真正可感可及可得。", ["可感", "可及", "可得"]),
        ("经济发展向绿向智向新向优步伐全面加快。", ["向绿", "向智", "向新", "向优"]),
        ("过去的五年，我们的发展向上向新向优。", ["向上", "向新", "向优"]),
    ],
)
def test_blocks_with_a_function_character(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    "text", ["对对对，就是这样。", "把人民的利益的的确确放在首位。", "与时俱进与日俱增与众不同。"]
)
def test_no_block_of_function_characters(text):
    assert_no_group_in_both_scripts(text)


# --- rec21: A与B、C, three items of one template --------------------------------------


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        ("促进创新政策与产业政策、社会政策的协调", 6),
        ("提高储能与供能、用能系统协同调控", 4),
        ("推进金融创新与科技创新、产业创新深度融合", 6),
        # the halves end apart: 与 means "with"
        ("加强政府与企业、社会的合作", None),
        # items of the form A与B
        ("发展文化事业与文化产业、体育事业与体育产业", None),
        # the last item holds the ending elsewhere
        ("促进创新政策与产业政策、社会的协调", None),
        ("和谐与发展、稳定", None),
    ],
)
def test_rule_with_pair_list(view, expected):
    comma = view.index("、")
    end = next((i for i in range(comma + 1, len(view)) if view[i] in "，。"), len(view))
    assert units.rule_with_pair_list(view, [(0, comma), (comma + 1, end)]) == expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("促进创新政策与产业政策、社会政策的协调。", ["创新政策", "产业政策", "社会政策"]),
        ("提高储能与供能、用能系统协同调控水平。", ["储能", "供能", "用能"]),
        # a longer list after 与 ("with") keeps its own members
        (
            "推动教育体系与科技体系、产业体系、社会体系有机衔接。",
            ["科技体系", "产业体系", "社会体系"],
        ),
        # items of the form A与B stay a pair of them
        (
            "发展文化事业与文化产业、体育事业与体育产业。",
            ["文化事业与文化产业", "体育事业与体育产业"],
        ),
    ],
)
def test_with_pair_lists(text, members):
    assert_group_in_both_scripts(text, members)


def test_no_with_pair_list_where_the_halves_end_apart():
    assert_no_group_in_both_scripts("加强政府与企业、社会的合作。")


# --- rec21: a kind of place ranked by a field is no place name --------------------------


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("制造强省", True),
        ("民营经济强省", True),
        ("工业大县", True),
        ("文旅美县", True),
        ("产粮大县", True),
        ("大名县", False),  # a county's name
        ("边贸旺县", False),  # 边贸 is no word of the table
        ("德州市", False),
        ("数字河北", False),
    ],
)
def test_rule_ranked_place(member, expected):
    assert rules.rule_ranked_place(member) is expected


@pytest.mark.parametrize(
    ("member", "expected"),
    [("制造强省", False), ("农业强县", False), ("大名县", True), ("德州市", True)],
)
def test_ranked_places_are_no_names(member, expected):
    assert rules.rule_is_name(member) is expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("统筹教育强省、科技强省、人才强省建设。", ["教育强省", "科技强省", "人才强省"]),
        ("加强对产粮大县、养猪大县、养牛大县的财政扶持。", ["产粮大县", "养猪大县", "养牛大县"]),
        (
            "因地制宜建设农业强县、工业大县、旅游名县、边贸旺县。",
            ["农业强县", "工业大县", "旅游名县", "边贸旺县"],
        ),
    ],
)
def test_lists_of_ranked_places(text, members):
    assert_group_in_both_scripts(text, members)


def test_place_names_stay_name_lists():
    assert_no_group_in_both_scripts("支持德州市、聊城市、滨州市加快发展。")


# --- rec21: first clauses of one shape sharing a word slot by slot ----------------------


@pytest.mark.parametrize(
    ("carriers", "level", "expected"),
    [
        (["落实消费政策", "提升消费供给", "优化消费环境"], "sentence", True),
        (["发展质量有新的提升", "人民生活有新的改善", "改革开放有新的突破"], "sentence", True),
        (["推进项目建设提速", "强化项目要素保障", "抓好项目储备管理"], "semicolon", True),
        # two of them; clauses; different lengths
        (["落实消费政策", "提升消费供给"], "sentence", False),
        (["落实消费政策", "提升消费供给", "优化消费环境"], "clause", False),
        (["落实消费政策", "提升居民消费供给", "优化消费环境"], "sentence", False),
        # one character in common slot by slot (的), numbers, numbered, one opening
        (["我国的经济", "他们的政治", "人民的文化"], "sentence", False),
        (["粮食产量6亿吨", "棉花产量5百万", "油料产量3千万"], "sentence", False),
        (["一是落实政策", "二是落实责任", "三是落实资金"], "sentence", False),
        (["加快消费升级", "加快消费恢复", "加快消费提质"], "sentence", False),
    ],
)
def test_rule_even_heads(carriers, level, expected):
    template = find_template(carriers, level)
    assert rules.rule_even_heads(template, carriers, level) is expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "充分释放消费潜力。落实消费政策，实施专项行动。提升消费供给，拓展新场景。"
            "优化消费环境，清理不合理限制。",
            ["落实消费政策", "提升消费供给", "优化消费环境"],
        ),
        (
            "发展质量有新的提升，经济稳定增长。人民生活有新的改善，收入增加。"
            "改革开放有新的突破，活力增强。",
            ["发展质量有新的提升", "人民生活有新的改善", "改革开放有新的突破"],
        ),
    ],
)
def test_first_clauses_of_one_shape(text, members):
    assert_group_in_both_scripts(text, members)


def test_numbered_first_clauses_of_one_shape_stay_headings():
    text = (
        "1.落实消费政策。实施专项行动。\n2.提升消费供给。拓展新场景。\n3.优化消费环境。清理限制。\n"
    )
    for script in (text, pt.to_traditional(text)):
        found = [len(g.members) for g in pt.find_parallels(script, min_score=0.0)]
        assert 3 not in found


# --- rules from the precision audit of whole half-A development reports (rep22p) ---------


@pytest.mark.parametrize(
    "text",
    [
        "牢牢把握“稳中求进、提质增效”政策取向。",
        "认真开展“不忘初心、牢记使命”主题教育。",
        "我们坚持“和平统一、一国两制”的基本方针。",
        "传承弘扬“马上就办、真抓实干”优良作风。",
    ],
)
def test_unshared_slogan_pair_is_no_pair(text):
    assert_no_group_in_both_scripts(text)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("推行“民有所呼、我有所应”工作机制。", ["民有所呼", "我有所应"]),
        ("努力实现江苏大地“人享其行、物畅其流”。", ["人享其行", "物畅其流"]),
        ("实施“一年小灶、三年大灶”计划。", ["一年小灶", "三年大灶"]),
        ("必须坚持“一要吃饭、二要建设”的原则。", ["一要吃饭", "二要建设"]),
        ("继续实行“支持留学、鼓励回国、来去自由”的政策。", ["支持留学", "鼓励回国", "来去自由"]),
    ],
)
def test_slogan_pairs_sharing_slots_stay(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    ("carriers", "expected"),
    [
        (["稳中求进", "提质增效"], True),
        (["马上就办", "办就办好"], True),  # 就办 in other places
        (["人享其行", "物畅其流"], False),  # 其 in one place
        (["一要吃饭", "二要建设"], False),  # numerals in one place
        (["民有所呼", "我有所应"], False),
        (["千企帮千镇", "万企兴万村"], False),  # numerals in one place: a frame
        (["支持留学", "鼓励回国", "来去自由"], False),  # three: a four-character series
    ],
)
def test_rule_unshared_slogan_pair(carriers, expected):
    assert rules.rule_unshared_slogan_pair(carriers) is expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # an outer edge that cut a word moves out by one character
        ("减轻企业负担，激发科技型、小型、微型企业发展活力。", ["科技型", "小型", "微型"]),
        (
            "推动煤电节能降碳改造、灵活性改造、供热改造。",
            ["节能降碳改造", "灵活性改造", "供热改造"],
        ),
        ("做强绿电、绿氢、绿色化工和装备制造全产业链。", ["绿电", "绿氢", "绿色化工"]),
        # kept: an edge after a word (着力), a shared ending (…化｜为), a word outside (相结合)
        (
            "着力稳就业、稳企业、稳市场、稳预期，推动经济实现质的有效提升。",
            ["稳就业", "稳企业", "稳市场", "稳预期"],
        ),
        ("以科学化、民主化和制度化为目标。", ["科学化", "民主化", "制度化"]),
        ("健全投资于物和投资于人、投资于智相结合的长效机制。", ["投资于人", "投资于智"]),
    ],
)
def test_whole_word_outer_edges(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    ("view", "at", "step", "expected"),
    [
        ("加快建设全国统一大市场", 5, -1, True),  # 全｜国统一
        ("激发科技型企业", 3, -1, True),  # 科｜技型
        ("民族平等和各民族", 3, 1, True),  # 民族平｜等和
        ("着力稳就业", 2, -1, False),  # 着力 is a word
        ("，决不迁就", 2, -1, False),  # after punctuation
        ("投资于智相结合", 4, 1, False),  # 相结合 is a word
    ],
)
def test_rule_orphan_edge(view, at, step, expected):
    assert grouping.rule_orphan_edge(view, at, step) is expected


# --- norm22's audit of whole normative documents (development half A) -----------------


@pytest.mark.parametrize(
    ("members", "before", "after", "expected"),
    [
        # a piece of a longer ，-list of equipment: the next item ends alike
        (
            ["航空航天大型复合材料智能铺放、成形、加工和检测成套装备", "航空航天智能装配装备"],
            "研发汽车发动机、变速箱等高效加工与近净成形成套装备",
            "船舶板材激光焊接成套装备",
            True,
        ),
        # … or ends alike before a closing 等
        (
            ["食品高黏度流体灌装智能成套装备", "极大规模集成电路制造成套装备"],
            None,
            "新型平板显示制造成套装备等",
            True,
        ),
        # the whole list: nothing after it
        (["智能焊接机器人", "智能移动机器人", "智能巡检机器人"], "研发五轴加工中心", None, False),
        # the clause after shares less than the members' whole ending (部流程, not 全流程)
        (["优化外部流程", "重构内部流程"], "着眼于审批全流程", "数字赋能打造智能审批新模式", False),
        # a topic before the members is no item of theirs (only the clause after counts)
        (["是极不寻常的一年", "是顶压前行的一年"], "2025年", "全省上下团结奋斗", False),
    ],
)
def test_rule_slice_of_clause_list(members, before, after, expected):
    # ``before``: the clause before the members, which the rule does not read
    assert rules.rule_slice_of_clause_list("clause", members, after) is expected
    assert not rules.rule_slice_of_clause_list("phrase", members, after)


def test_slices_of_a_clause_list_are_no_groups():
    text = (
        "研发汽车发动机、变速箱等高效加工与近净成形成套装备，航空航天大型复合材料智能铺放、"
        "成形、加工和检测成套装备，航空航天智能装配装备，船舶板材激光焊接成套装备，高精度"
        "智能化热/冷连轧成套装备，百万吨以上智能化乙烯成套装备，新型干法水泥全流程智能化生产线，"
        "食品高黏度流体灌装智能成套装备，连续式针织物/纯涤纶织物印染成套装备，满足GMP要求的"
        "无菌原料药智能成套装备，极大规模集成电路制造成套装备，新型平板显示制造成套装备等。"
    )
    for script in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script, min_score=0.0)]
        assert not any(
            len(g) == 2 and g[1].endswith(("智能装配装备", "智能裝配裝備")) for g in found
        )
        assert not any(g[0].startswith(("食品", "食品")) for g in found)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # a member opening inside a two-character word starts with the word
        (
            "本部分标准适用于玻璃纤维、碳纤维及玄武岩纤维的智能化升级改造。",
            ["玻璃纤维", "碳纤维", "玄武岩纤维"],
        ),
        (
            "开发企业资源计划系统（ERP）、供应链管理系统（SCM）、客户关系管理系统（CRM）。",
            ["企业资源计划系统", "供应链管理系统", "客户关系管理系统"],
        ),
        # cuts between words stay: 范搬 is no word
        (
            "规范搬运机器人、插袋机器人、包装机器人等工业机器人的数据格式。",
            ["搬运机器人", "插袋机器人", "包装机器人"],
        ),
        # members that open with the shared opening stay (力稳 of 全力稳… is no cut word)
        ("全力稳就业、稳企业、稳市场、稳预期。", ["稳就业", "稳企业", "稳市场", "稳预期"]),
    ],
)
def test_whole_word_edges_in_normative_lists(text, members):
    """norm22's audit cases, read by the edge rule of rep22p (``_whole_word_edges``)."""
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    ("carrier", "length"),
    [
        ("发挥外贸、物价、财政、外汇和工商行政等部门的管理职能", 12),  # 工商行政等部门的管理职能
        ("审计和监察等部门的监督职能", 13),  # no 、-list: its own length
        ("扎实抓好“一市一试点、一县一特色”专项改革", 21),  # a 、 inside quotation marks
        ("即冶金工业、燃料工业、动力工业和化学工业", 20),  # a list not closed by 等
    ],
)
def test_rule_inner_list_length(carrier, length):
    assert rules.rule_inner_list_length(carrier) == length


def test_clause_with_an_inner_list_is_an_even_member():
    # gwr_1988 (half A): the first clause holds a list of nine agencies closed by 等. The
    # verb 发挥 that governs all three stays inside the first member (the annotation leaves
    # it out; the member still covers the annotated one)
    assert_group_in_both_scripts(
        "加强出口贸易的协调管理工作，发挥外贸、物价、财政、税务、银行、海关、商检、外汇和"
        "工商行政等部门的管理职能，审计和监察等部门的监督职能，外贸商会的协调职能，"
        "以保证对外贸易的健康发展。",
        [
            "发挥外贸、物价、财政、税务、银行、海关、商检、外汇和工商行政等部门的管理职能",
            "审计和监察等部门的监督职能",
            "外贸商会的协调职能",
        ],
    )


def test_clause_with_an_open_list_stays_uneven():
    # gwr_1954 (half A): a list not closed by 等 is the content, not a slot: the clauses
    # stay uneven and form no group (the list's items may)
    text = (
        "第一个五年计划所以要集中主要力量发展重工业，即冶金工业、燃料工业、动力工业、"
        "机械制造工业和化学工业，这是因为只有依靠重工业，才能建立巩固的国防。"
    )
    for script in (text, pt.to_traditional(text)):
        found = pt.find_parallels(script, min_score=0.0)
        assert not any("，" in script[g.start : g.end] for g in found)


@pytest.mark.parametrize(
    ("carrier", "expected"),
    [
        ("财政总收入7019亿元", True),  # a figure closing the member, before its unit
        ("工业投资增长13.3%", True),
        ("社会消费品零售总额增长5.5%左右", True),
        ("7个盟市接通高铁", True),  # a figure opening the member
        ("有一百零四个县", True),
        ("全球首台25兆瓦级风电主轴轴承", False),  # a specification inside a name
        ("全球最高10米液压支架", False),
    ],
)
def test_rule_figure_member(carrier, expected):
    assert rules.rule_figure_member(carrier) is expected


def test_specifications_inside_names_are_no_statistics():
    # 2026_gwr_henan (half A): records opening alike, a number inside two of the names
    assert_group_in_both_scripts(
        "全球首台25兆瓦级风电主轴轴承、全球最高10米液压支架、全球最大直径竖井掘进机成功下线。",
        ["全球首台25兆瓦级风电主轴轴承", "全球最高10米液压支架", "全球最大直径竖井掘进机成功下线"],
    )


@pytest.mark.parametrize(
    "text",
    [
        # 2026_gwr_henan (half A): figures closing each clause stay statistics
        "生产总值增长5.6%，规上工业增加值增长8.4%，工业投资增长13.3%。",
        # 2026_gwr_fujian (half A): a pair with a number anywhere stays statistics
        "城镇新增就业265.15万人，城镇调查失业率连续5年低于全国水平。",
    ],
)
def test_figures_stay_statistics(text):
    assert_no_group_in_both_scripts(text)


@pytest.mark.parametrize(
    ("carriers", "keep"),
    [
        (["推进职普融通", "产教融合", "科教融汇"], 4),  # a lead word before even items
        (["坚持政治建军", "改革强军", "科技强军"], 4),
        (["统筹职业教育", "高等教育", "继续教育"], 4),
        (["全省职业教育", "高等教育", "继续教育"], 4),
        (["中等职业教育", "高等教育", "继续教育"], None),  # 中等 is no lead word
        (["推进职普融通", "产教融合", "科教融汇发展"], None),  # the others uneven
        (["推进职普融通", "产教融合"], None),  # a pair: its first item shows no shape
    ],
)
def test_rule_even_list_lead(carriers, keep):
    assert grouping.rule_even_list_lead(carriers) == keep


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (  # cpc_congress_20_report_2022 (half A): 融 in one slot of three even items
            "统筹职业教育、高等教育、继续教育协同创新，推进职普融通、产教融合、科教融汇，"
            "优化职业教育类型定位。",
            ["职普融通", "产教融合", "科教融汇"],
        ),
        (  # cpc_congress_16_report_2002 (half A): the lead no longer splits the formula
            "坚持有法可依、有法必依、执法必严、违法必究，维护法制的统一和尊严。",
            ["有法可依", "有法必依", "执法必严", "违法必究"],
        ),
    ],
)
def test_lead_before_even_items(text, members):
    assert_group_in_both_scripts(text, members)


def test_lead_before_even_items_without_template():
    # four-character items sharing nothing stay out after the lead is cut
    assert_no_group_in_both_scripts("推进简政放权、放管结合、优化服务，持续改善营商环境。")


@pytest.mark.parametrize(
    ("template", "carriers", "expected"),
    [
        (
            Template("", "在坚持", "", 0),
            ["关键在坚持与时俱进", "核心在坚持党的先进性", "本质在坚持执政为民"],
            True,
        ),
        (  # the infix deep inside the clauses: a repeated word, no frame
            Template("", "维权", "", 0),
            ["切实加强职工维权工作", "推动工会组织依法维权", "完善职工维权服务体系"],
            False,
        ),
        (  # two clauses
            Template("", "在坚持", "", 0),
            ["关键在坚持与时俱进", "核心在坚持党的先进性"],
            False,
        ),
        (  # a one-character infix
            Template("", "在", "", 0),
            ["关键在与时俱进", "核心在党的先进性", "本质在执政为民"],
            False,
        ),
    ],
)
def test_rule_topic_frame(template, carriers, expected):
    assert rules.rule_topic_frame(template, carriers) is expected


def test_topic_frame_group():
    # cpc_congress_16_report_2002 (half A)
    assert_group_in_both_scripts(
        "贯彻“三个代表”重要思想，关键在坚持与时俱进，核心在坚持党的先进性，本质在坚持执政为民。",
        ["关键在坚持与时俱进", "核心在坚持党的先进性", "本质在坚持执政为民"],
    )


def test_repeated_word_inside_long_clauses_stays_out():
    assert_no_group_in_both_scripts(
        "切实加强对职工合法权益的维权工作，推动各级工会组织依法履行维权职责，"
        "不断完善覆盖城乡职工的维权服务体系。"
    )


def test_lead_cut_keeps_whole_words():
    # gwr_2010 (half A): a lead cut to the infix's place moves back to a word's start
    # (公益性文化事业, not 益性文化事业)
    assert_group_in_both_scripts(
        "要继续推进文化体制改革，扶持公益性文化事业，发展文化产业，鼓励文化创新，"
        "培育骨干文化事业发展。",
        ["公益性文化事业", "发展文化产业", "鼓励文化创新"],
    )
    # rec30: where the fourth clause also holds 文化 right before its last word,
    # rule_last_word_slot reads all four whole clauses (their verbs are no lead)
    assert_group_in_both_scripts(
        "要继续推进文化体制改革，扶持公益性文化事业，发展文化产业，鼓励文化创新，"
        "培育骨干文化企业。",
        ["扶持公益性文化事业", "发展文化产业", "鼓励文化创新", "培育骨干文化企业"],
    )


@pytest.mark.parametrize(
    ("carrier", "others", "keep"),
    [
        ("就是党的全部理论和工作要体现时代性", ["把握规律性", "富于创造性"], 5),
        ("我们从现在起，必须年年讲", ["月月讲", "天天讲"], 3),
        ("我们的工作主要体现时代性", ["把握规律性", "富于创造性"], None),  # 主要: no modal
        ("工作要体现时代性", ["把握规律性", "富于创造"], None),  # the others uneven
        ("工作要体现时代性", ["把握规律性"], None),  # one other: no shape
    ],
)
def test_rule_modal_lead(carrier, others, keep):
    assert grouping.rule_modal_lead(carrier, others) == keep


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (  # cpc_congress_16_report_2002 (half A)
            "与时俱进，就是党的全部理论和工作要体现时代性，把握规律性，富于创造性。",
            ["体现时代性", "把握规律性", "富于创造性"],
        ),
        (  # cpc_congress_09_report_1969 (half A): the modal stays outside the first member
            "我们从现在起，必须年年讲，月月讲，天天讲，使我们对这个问题，有比较清醒的认识。",
            ["年年讲", "月月讲", "天天讲"],
        ),
    ],
)
def test_modal_lead_cut(text, members):
    assert_group_in_both_scripts(text, members)


def test_no_modal_no_lead_cut():
    assert_no_group_in_both_scripts("我们的工作主要体现时代性，把握规律性，富于创造性。")


# --- norm23: the audit of whole normative development documents (half A) --------------


def _groups_in_both_scripts(text: str) -> list[list[list[str]]]:
    """The members of every group the rules accept in ``text``, Simplified then Traditional."""
    return [
        [[m.text for m in g.members] for g in pt.find_parallels(script, min_score=0.0)]
        for script in (text, pt.to_traditional(text))
    ]


def test_numbered_paragraph_heads_are_no_group():
    text = (
        "1.智能制造领域。规范工业制造中信息感知等方面技术要求。\n"
        "2.智能农业领域。规范农业环境下专用传感器等技术要求。\n"
        "3.智能交通领域。规范交通信息数据平台及综合管理系统。\n"
    )
    simplified, traditional = _groups_in_both_scripts(text)
    assert ["智能制造领域", "智能农业领域", "智能交通领域"] not in simplified
    assert ["智能製造領域", "智能農業領域", "智能交通領域"] not in traditional


def test_unnumbered_paragraph_heads_stay():
    assert_group_in_both_scripts(
        "坚持融合发展。聚焦新阶段新要求，推动技术融合。\n坚持安全可控。加强风险研判与应对。\n"
        "坚持系统推进。充分发挥地方作用。\n",
        ["坚持融合发展", "坚持安全可控", "坚持系统推进"],
    )


def test_verb_led_numbered_paragraph_heads_stay():
    assert_group_in_both_scripts(
        "（一）强化组织领导。建立协调推进机制，推动重大问题协商解决。\n"
        "（二）强化财税支持。设立专项资金，支持企业实施技术改造。\n"
        "（三）强化产融结合。鼓励银行创新金融产品与服务。\n",
        ["强化组织领导", "强化财税支持", "强化产融结合"],
    )


def test_rule_numbered_paragraph_heads():
    view = "1.智能制造领域。规范工业制造。\n2.智能农业领域。规范农业环境。\n"
    window = [units.new_unit(2, 8, 8, "sentence"), units.new_unit(19, 25, 25, "sentence")]
    kinds = Template("智能", "", "领域", 0)
    assert grouping.rule_numbered_paragraph_heads(view, window, kinds)
    assert not grouping.rule_numbered_paragraph_heads(view, window, Template("智能", "", "", 0))
    unnumbered = "智能制造领域。规范工业制造。\n智能农业领域。规范农业环境。\n"
    window = [units.new_unit(0, 6, 6, "sentence"), units.new_unit(15, 21, 21, "sentence")]
    assert not grouping.rule_numbered_paragraph_heads(unnumbered, window, kinds)


def test_member_in_a_bracketed_note_is_no_pair():
    assert_no_group_in_both_scripts(
        "年底前，各有关部门、各市政府实现移动办公落地应用（省大数据局牵头，各有关部门、各市政府配合）。"
    )


def test_members_inside_one_bracket_stay():
    assert_group_in_both_scripts(
        "防范恶意代码入侵、外部接口（如USB接口、OBD接口、无线接口等）入侵等。",
        ["USB接口", "OBD接口", "无线接口"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "实现对违法违规行为的自动拦截；对于“可疑”的规则运行结果，要充分听取定点医药机构意见。",
        "对于面向高频次业务调用、对网络时延要求极高的业务，支持向城市级高性能、边缘数据中心调度。",
    ],
)
def test_split_preposition_is_no_shared_opening(text):
    assert_no_group_in_both_scripts(text)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "以崂山区、城阳区为核心区域，以西海岸新区、即墨区、胶州市为支撑，推动产业发展。",
            ["以崂山区、城阳区为核心区域", "以西海岸新区、即墨区、胶州市为支撑"],
        ),
        (
            "对于需后台加工存储的业务，支持向数据中心集群调度；对于面向高频次业务调用的业务，"
            "支持向边缘数据中心调度；对于其它算力需求，支持向本区域内数据中心集群调度。",
            [
                "对于需后台加工存储的业务，支持向数据中心集群调度",
                "对于面向高频次业务调用的业务，支持向边缘数据中心调度",
                "对于其它算力需求，支持向本区域内数据中心集群调度",
            ],
        ),
    ],
)
def test_whole_preposition_openings_stay(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (["对违法违规行为的自动拦截", "对于“可疑”的规则运行结果"], True),
        (["以及相关标准", "以国家标准为基础"], True),
        (["对于需后台加工存储的业务", "对于其它算力需求"], False),
        (["以崂山区为核心区域", "以西海岸新区为支撑"], False),
        (["推动深度融合", "推动深化应用"], False),
    ],
)
def test_rule_split_preposition(members, expected):
    template = find_template(members)
    assert template is not None
    assert rules.rule_split_preposition(template, members) is expected


@pytest.mark.parametrize(
    "text",
    [
        "与国家全域旅游示范区、国家文化和旅游消费示范城市、国家级旅游度假区等发展相衔接。",
        "争创国家级海洋数据交易平台、国家级数据标注基地试点等国家级创新平台。",
        "建设国家服务贸易创新发展示范区、国家数字贸易示范区。",
    ],
)
def test_designation_list_is_no_group(text):
    assert_no_group_in_both_scripts(text)


def test_levels_without_a_designation_stay():
    assert_group_in_both_scripts(
        "加强国家级临床重点专科、省级临床重点专科、市级临床重点专科建设。",
        ["国家级临床重点专科", "省级临床重点专科", "市级临床重点专科"],
    )


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (["国家全域旅游示范区", "国家文化和旅游消费示范城市", "国家级旅游度假区"], True),
        (["国家级海洋数据交易平台", "国家级数据标注基地"], True),
        (["示范区", "先行区", "试验区"], False),
        (["国家安全", "国家利益", "国家发展"], False),
        (["国家级临床重点专科", "省级临床重点专科"], False),
    ],
)
def test_rule_designation_list(members, expected):
    assert rules.rule_designation_list(members) is expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "实施“超算+”“AI+”“区块链+”“量子+”等场景示范应用。",
            ["“超算+”", "“AI+”", "“区块链+”", "“量子+”"],
        ),
        (
            "探索形成一批“数字孪生+”“人工智能+”“虚拟/增强/混合现实（XR）+”等智能场景。",
            ["“数字孪生+”", "“人工智能+”", "“虚拟/增强/混合现实（XR）+”"],
        ),
        (
            "深化“高铁+”、“园区+”、“职住+”、“服务+”协同。",
            ["“高铁+”", "“园区+”", "“职住+”", "“服务+”"],
        ),
    ],
)
def test_formula_sign_items_of_uneven_length(text, members):
    assert_group_in_both_scripts(text, members)


def test_rule_formula_sign():
    assert rules.rule_formula_sign("+")
    assert rules.rule_formula_sign("×")
    assert not rules.rule_formula_sign("业")  # 林业、畜牧业、渔业


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("实现从“跟跑”、“并跑”到“领跑”的转变。", ["“跟跑”", "“并跑”", "“领跑”"]),
        ("坚决反对搞“形象工程”“政绩工程”。", ["“形象工程”", "“政绩工程”"]),
        ("开展“云展示”“云对接”“云洽谈”活动。", ["“云展示”", "“云对接”", "“云洽谈”"]),
    ],
)
def test_quoted_list_lead_cut_at_its_mark(text, members):
    assert_group_in_both_scripts(text, members)


def test_rule_quoted_lead():
    view = "实施“超算+”“AI+”“区块链+”等。"
    window = [
        units.new_unit(0, 6, 6, "phrase"),
        units.new_unit(8, 11, 11, "phrase"),
        units.new_unit(13, 17, 17, "phrase"),
    ]
    assert grouping.rule_quoted_lead(view, window, view[0:6]) == 3  # 超算+
    view = "以“一张图”统一规划，“一盘棋”高效配置资源。"
    window = [units.new_unit(0, 10, 10, "phrase"), units.new_unit(12, 22, 22, "phrase")]
    assert grouping.rule_quoted_lead(view, window, view[0:10]) is None  # not quoted whole


# --- rep23: report prose, whole half-A development reports -----------------------------


@pytest.mark.parametrize(
    ("view", "at", "expected"),
    [
        ("规则平等，", 3, True),  # 平等
        ("中等职业教育", 1, True),
        ("等级", 0, True),
        ("供热等公用事业", 2, False),  # the 等 that closes a list
    ],
)
def test_rule_etc_in_word(view, at, expected):
    assert units.rule_etc_in_word(view, at) is expected


def test_last_item_keeps_the_etc_of_its_word():
    # gwr_2018 (half A): the list's last item is 规则平等, not 规则平
    assert_group_in_both_scripts(
        "坚持权利平等、机会平等、规则平等，全面落实支持非公有制经济发展的政策措施。",
        ["权利平等", "机会平等", "规则平等"],
    )


@pytest.mark.parametrize(
    ("carriers", "tail"),
    [
        (["以企观政", "以农观政改作风"], 3),
        (["形式主义", "官僚主义严重"], 2),
        (["优化开发", "重点开发", "限制开发", "禁止开发四类主体功能区"], 7),
        (["凤凰机场三期", "博鳌机场三期完工"], 2),
        (["以科技创新引领产业创新", "以金融创新服务实体经济"], None),  # 创新 twice
        (["决胜全面建成小康社会", "夺取新时代中国特色社会主义伟大胜利"], None),  # 社会主义
        (["少数人", "个别人可以不服从大多数人的决定"], None),  # no item: too long
        (["形式主义", "官僚主义"], None),  # no run-on
    ],
)
def test_rule_run_on_ending(carriers, tail):
    assert grouping.rule_run_on_ending(carriers) == tail


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (  # 2026_gwr_anhui (half A)
            "开展访企入村专题行动，以企观政、以农观政改作风。",
            ["以企观政", "以农观政"],
        ),
        (  # gwr_2019 (half A)
            "世界经济增速放缓，保护主义、单边主义加剧，国际大宗商品价格大幅波动。",
            ["保护主义", "单边主义"],
        ),
        (  # gwr_2006 (half A): a lead cut off the first item, a tail off the last
            "将国土空间划分为优化开发、重点开发、限制开发、禁止开发四类主体功能区，"
            "实施不同的区域政策。",
            ["优化开发", "重点开发", "限制开发", "禁止开发"],
        ),
        (  # the shared ending stands twice in the first item: the items stay whole
            "坚持以科技创新引领产业创新、以金融创新服务实体经济，实施新一轮重点产业链培育。",
            ["以科技创新引领产业创新", "以金融创新服务实体经济"],
        ),
    ],
)
def test_last_item_clipped_after_the_shared_ending(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (  # 2026_gwr_guangdong (half A): 基层 whole at the clause's end
            "坚持为人民出政绩，问计于企、问计于民、问计于基层，对群众有用的事情要办好。",
            ["问计于企", "问计于民", "问计于基层"],
        ),
        (  # cpc_congress_18_report_2012 (half A): 社会 whole at the clause's start
            "我国经济总量从世界第六位跃升到第二位，社会生产力、经济实力、科技实力迈上一个大台阶。",
            ["社会生产力", "经济实力", "科技实力"],
        ),
        (  # 2026_gwr_heilongjiang (half A)
            "成功举办第九届亚冬会，创造筹办时间最短、场馆利旧率最高、参赛规模最大等多项纪录。",
            ["创造筹办时间最短", "场馆利旧率最高", "参赛规模最大"],
        ),
        (  # the shared opening stays outside: 决 alone opens the clause
            "对外政策，决不迁就一时的事变，不受任何人的唆使和挑动。",
            ["不迁就一时的事变", "不受任何人的唆使和挑动"],
        ),
    ],
)
def test_member_edges_take_the_lone_character_of_the_clause(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    "text",
    [
        # npc_resolution_on_gwr_1962 (half A): 民 is the end of 人民, no shared opening
        "这对于世界人民争取和平、民族解放、民主、社会主义的斗争，都是有力的支持。",
        # 2026_gwr_chongqing (half A): 卫生 cut, a list of statistics
        "农村卫生厕所普及率、生活垃圾分类行政村覆盖率、生活污水治理率分别提高到88%、83.6%、85%。",
        # cpc_congress_13_report_1987 (half A): 实现 cut
        "这是不可逾越的阶段，是实现生产社会化、现代化的必不可少的基本条件。",
    ],
)
def test_no_group_on_an_opening_cut_off_a_word(text):
    assert_no_group_in_both_scripts(text)


@pytest.mark.parametrize(
    ("view", "member", "step", "expected"),
    [
        ("跃升到第二位，社会生产力、经济实力", "会生产力", -1, True),  # ，社｜会: 社会, no 会生
        ("跃升到第二位，社会生产力、经济实力", "社会生产力", -1, False),  # nothing alone
        ("问计于民、问计于基层，对群众", "问计于基", 1, True),  # 基｜层，: 基层, no 于基
        ("着力稳就业、稳企业", "稳就业", -1, False),  # 力 does not open its clause
    ],
)
def test_rule_orphan_clause_edge(view, member, step, expected):
    at = view.index(member) + (0 if step < 0 else len(member))
    assert grouping.rule_orphan_clause_edge(view, at, step) is expected


@pytest.mark.parametrize(
    ("first", "others", "prefix", "cut"),
    [
        ("我代表国务院，向全国各族人民，表示诚挚感谢", ["向香港同胞，表示诚挚感谢"], "向", 7),
        ("在这里，我代表国务院，向全国各族人民，表示感谢", ["向香港同胞，表示感谢"], "向", 11),
        ("向全国各族人民，表示诚挚感谢", ["向香港同胞，表示诚挚感谢"], "向", None),  # no lead
        ("我代表国务院，向全国各族人民，表示诚挚感谢", ["对香港同胞，表示诚挚感谢"], "向", None),
        (  # the clauses before the frame are too long to be an opening
            "面对国内外环境的深刻复杂变化和艰巨繁重的任务，向全国人民表示感谢",
            ["向香港同胞表示感谢"],
            "向",
            None,
        ),
    ],
)
def test_rule_opening_clause(first, others, prefix, cut):
    assert grouping.rule_opening_clause(first, others, prefix) == cut


def test_sentence_members_start_after_the_opening_clause():
    # gwr_2018 (half A): the frame 向…，表示诚挚感谢 opens after 我代表国务院，
    text = (
        "成绩来之不易。我代表国务院，向全国各族人民，向各民主党派、各人民团体和各界人士，"
        "表示诚挚感谢！向香港特别行政区同胞、澳门特别行政区同胞、台湾同胞和海外侨胞，"
        "表示诚挚感谢！向关心和支持中国现代化建设的各国政府、国际组织和各国朋友，表示诚挚感谢！"
    )
    assert_group_in_both_scripts(
        text,
        [
            "向全国各族人民，向各民主党派、各人民团体和各界人士，表示诚挚感谢",
            "向香港特别行政区同胞、澳门特别行政区同胞、台湾同胞和海外侨胞，表示诚挚感谢",
            "向关心和支持中国现代化建设的各国政府、国际组织和各国朋友，表示诚挚感谢",
        ],
    )


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("成昆铁路", True),  # a rare opening word: a name
        ("宣威水库", True),
        ("潮南高速潮饶段", True),  # a section after the head
        ("白龙核电一期", True),  # a phase after the head
        ("干线铁路", False),  # kinds of railways: frequent opening words
        ("城际铁路", False),
        ("国际机场", False),
        ("空港", False),  # one character before the head
        ("在黄河上游、长江中上游干支流和红水河流域，逐步建设一批大型水电站", False),  # a clause
    ],
)
def test_rule_is_project(member, expected):
    assert rules.rule_is_project(member) is expected


@pytest.mark.parametrize(
    "text",
    [
        # 2026_gwr_guizhou (half A)
        "推动水投集团市场化转型，推进宣威水库、花滩子水库、玉龙水库、英武水库等重大水利工程建设。",
        # 2026_gwr_hubei (half A)
        "累计新开工亿元以上项目超过3万个，沿江高铁武宜段、呼南高铁襄荆段等5条高铁建成运营。",
        # gwr_1981 (half A)
        "成昆铁路、宝成铁路、陇海铁路遭到洪水和泥石流的严重破坏。",
    ],
)
def test_no_group_of_project_names(text):
    assert_no_group_in_both_scripts(text)


def test_kinds_of_railways_stay_a_group():
    assert_group_in_both_scripts(
        "构建以干线铁路、城际铁路、市域铁路融合发展的轨道交通网络。",
        ["干线铁路", "城际铁路", "市域铁路"],
    )


# --- rep24: 、-pairs whose edges hold the clause's lead or predicate (half A reports) ---


@pytest.mark.parametrize(
    "text",
    [
        "因地制宜打造年轻化消费产品，推出一批非遗夜市、中医药文化夜市等主题消费场景。",
        "加强医疗卫生服务能力建设。高质量运营国家区域医疗中心、省级区域（专科）医疗中心，"
        "新建一批临床重点专科。",
        "我们统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局，“十二五”规划胜利完成。",
        "加快拓展发展新空间、构建发展新格局。",
    ],
)
def test_clause_lead_pair_dropped(text):
    assert_no_group_in_both_scripts(text)


@pytest.mark.parametrize(
    "text",
    [
        "凤凰机场三期、博鳌机场三期完工。",
        # an opening shared, the second half as long again
        "保障人民平等参与、平等发展权利。",
        "要扩大先进技术设备进口，推广远程教育、远程医疗网络。",
        "当前不稳定、不确定因素依然很多。",
    ],
)
def test_clause_run_on_pair_dropped(text):
    assert_no_group_in_both_scripts(text)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "世界经济增长放缓，保护主义、单边主义加剧，国际大宗商品价格大幅波动。",
            ["保护主义", "单边主义"],
        ),
        ("实施改进作风专题行动，以企观政、以农观政改作风。", ["以企观政", "以农观政"]),
        ("区域协调发展战略、区域重大战略深入实施。", ["区域协调发展战略", "区域重大战略"]),
    ],
)
def test_run_on_pair_clipped_before_it_is_judged(text, members):
    """rule_run_on_ending clips the predicate off the second item first (rep23), so the
    pair that remains is even and stays."""
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # items of one length, both opening with their verbs
        (
            "开拓国际市场。稳住传统市场、开拓新兴市场；积极发展新模式。",
            ["稳住传统市场", "开拓新兴市场"],
        ),
        # the lead cut off before the pair: the first no longer opens the clause
        ("积极发展避暑旅居、康养旅居等多样化产品体系。", ["避暑旅居", "康养旅居"]),
        # a leading preposition dropped: the pair as shown is even
        ("把好事办好、实事办实。", ["好事办好", "实事办实"]),
        # a second one character longer only, ending on the first's ending
        (
            "生产关系和生产力之间、上层建筑和经济基础之间，存在着矛盾。",
            ["生产关系和生产力之间", "上层建筑和经济基础之间"],
        ),
        (
            "谁要享受劳动的权利、从社会领取工资的权利，他就必须遵守劳动纪律。",
            ["谁要享受劳动的权利", "从社会领取工资的权利"],
        ),
        # a shared opening
        ("唯有实干、唯有奋斗。", ["唯有实干", "唯有奋斗"]),
        # an opening shared, the second not half as long again: its own item
        (
            "农民收入增速高于全国平均水平、高于城镇居民收入增速。",
            ["高于全国平均水平", "高于城镇居民收入增速"],
        ),
        (
            "坚持以改革开放为动力、以人力人才资源为支撑，加快建设。",
            ["以改革开放为动力", "以人力人才资源为支撑"],
        ),
        ("谁反对毛主席、谁反对毛泽东思想，就全党共讨之。", ["谁反对毛主席", "谁反对毛泽东思想"]),
    ],
)
def test_clause_edge_pairs_kept(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    ("members", "opens", "expected"),
    [
        (["推出一批非遗夜市", "中医药文化夜市"], True, True),
        (["同霸权主义", "扩张主义"], True, True),
        (["推出一批非遗夜市", "中医药文化夜市"], False, False),  # a lead was cut before it
        (["稳住传统市场", "开拓新兴市场"], True, False),
        (["唯有实干", "唯有奋斗"], True, False),
        (["居民收入增长和经济增长同步", "劳动报酬提高和劳动生产率提高同步"], True, False),
    ],
)
def test_rule_clause_lead_pair(members, opens, expected):
    assert rules.rule_clause_lead_pair(members, "phrase", opens) is expected
    assert rules.rule_clause_lead_pair(members, "clause", opens) is False


@pytest.mark.parametrize(
    ("members", "closes", "expected"),
    [
        (["形式主义", "官僚主义严重"], True, True),
        (["以企观政", "以农观政改作风"], True, True),
        (["形式主义", "官僚主义严重"], False, False),  # the list runs on: 官僚主义严重的问题
        (["平等参与", "平等发展权利"], True, True),
        (["高于全国平均水平", "高于城镇居民收入增速"], True, False),
        (["谁要享受劳动的权利", "从社会领取工资的权利"], True, False),
        (["生产关系和生产力之间", "上层建筑和经济基础之间"], True, False),
    ],
)
def test_rule_clause_run_on_pair(members, closes, expected):
    assert rules.rule_clause_run_on_pair(members, "phrase", closes) is expected


def test_at_clause_edge():
    view = "一些地方形式主义、官僚主义严重；一些领域"
    start = view.index("官僚")
    assert rules.at_clause_edge(view, start, start + 6) == (False, True)
    assert rules.at_clause_edge(view, 0, 4) == (True, False)


@pytest.mark.parametrize(
    "text",
    [
        "这是全党全军全国各族人民团结奋斗的结果。",
        "毛主席领导我党我军我国人民为实现社会主义而艰苦奋斗。",
        "这项要求必须落实到各地区、各部门、各单位。",
        "团结各民族、各阶层、各界人士，共同奋斗。",
    ],
)
def test_rule_body_list_drops_bodies_a_determiner_ranges_over(text):
    assert_no_group_in_both_scripts(text)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("加快推进人工智能全域全时全行业高水平应用。", ["全域", "全时", "全行业"]),
        ("让一切劳动者各尽其能、各得其所。", ["各尽其能", "各得其所"]),
    ],
)
def test_rule_body_list_keeps_determiners_before_no_body(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    ("members", "bodies"),
    [
        (["全党", "全军", "全国"], True),
        (["全党", "全国", "全社会"], True),
        (["我党", "我军", "我国"], True),
        (["各地方", "各部门", "各企业"], True),
        (["各民族", "各民主阶级", "各人民团体", "各民主党派"], True),
        (["各个经济部门", "各个文化教育部门"], True),
        (["全域", "全时", "全行业"], False),
        (["各尽其能", "各得其所"], False),
        (["每一点进步", "每一项成就"], False),
        (["全党", "国家", "社会"], False),  # no shared determiner
    ],
)
def test_rule_body_list(members, bodies):
    assert rules.rule_body_list(members) is bodies


@pytest.mark.parametrize(
    "text",
    [
        "深化长江、汉江、清江等重点流域跨区域联防联治。",
        "建成韩江榕江练江水系连通工程。",
        "重点搞好淮河海河辽河的污染防治。",
    ],
)
def test_rule_geographic_names_drops_rivers(text):
    assert_no_group_in_both_scripts(text)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("加强大江大河大湖的治理。", ["大江", "大河", "大湖"]),
        ("推进治江、治河、治湖。", ["治江", "治河", "治湖"]),
    ],
)
def test_rule_geographic_names_keeps_shared_openings(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    ("members", "level", "names"),
    [
        (["长江", "汉江", "清江"], "phrase", True),
        (["淮河", "海河", "辽河"], "phrase", True),
        (["长江", "汉江", "清江"], "clause", False),
        (["大江", "大河", "大湖"], "phrase", False),
        (["长江", "汉江"], "phrase", False),  # a pair: 、-pairs have their own rules
        (["松花江", "黑龙江", "鸭绿江"], "phrase", False),  # rule_abbreviated_names' shape
    ],
)
def test_rule_geographic_names(members, level, names):
    assert rules.rule_geographic_names(members, level) is names


@pytest.mark.parametrize(
    "text",
    [
        "加强龙头企业、专精特新企业、生产性服务业、高层次创新创业团队等招引。",
        "我们要严格按照法定权限和程序行使权力、履行职责，加强政府立法，规范行政执法，"
        "完善行政监督，建设法治政府。",
        "各级领导干部要增强民主意识，发扬民主作风，接受人民监督，当好人民公仆。",
    ],
)
def test_rule_stray_infix_drops_one_character_in_different_words(text):
    assert_no_group_in_both_scripts(text)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("促进民族和睦、宗教和顺、社会和谐。", ["民族和睦", "宗教和顺", "社会和谐"]),
        (
            "任何人、任何组织、任何政党，在任何时候、以任何形式都不得凌驾于法律之上。",
            ["任何人", "任何组织", "任何政党"],
        ),
        ("坚决纠正假脱贫、“被脱贫”、数字脱贫。", ["坚决纠正假脱贫", "“被脱贫”", "数字脱贫"]),
    ],
)
def test_rule_stray_infix_keeps_one_place_or_one_word(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    ("infix", "members", "stray"),
    [
        ("业", ["加强龙头企业", "专精特新企业", "生产性服务业", "高层次创新创业团队"], True),
        ("政", ["加强政府立法", "规范行政执法", "完善行政监督"], True),
        ("和", ["民族和睦", "宗教和顺", "社会和谐"], False),  # one place
        ("为", ["企业为主体", "市场为导向", "院所为依托"], False),
        ("任", ["任何人", "任何组织", "在任何时候"], False),  # one word
        ("基", ["抓基层", "打基础", "苦练基本功"], False),  # 基 opens every word
        ("业", ["加强龙头企业", "专精特新企业"], False),  # a pair
    ],
)
def test_rule_stray_infix(infix, members, stray):
    assert rules.rule_stray_infix(Template("", infix, "", 0), members) is stray
    assert rules.rule_stray_infix(Template(infix, "", "", 0), members) is False


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "凝侨心、引侨资、汇侨智、聚侨力工作机制更加完善。",
            ["凝侨心", "引侨资", "汇侨智", "聚侨力"],
        ),
        ("建立访民情、察民意、解民忧、聚民心工作机制。", ["访民情", "察民意", "解民忧", "聚民心"]),
    ],
)
def test_rule_even_list_tail_cuts_the_head_off_the_last_item(text, members):
    assert_group_in_both_scripts(text, members)


def test_rule_even_list_tail_needs_the_whole_template():
    assert_no_group_in_both_scripts("养老保险、失业保险和医疗保障改革继续深化。")


@pytest.mark.parametrize(
    ("carriers", "keep"),
    [
        (["凝侨心", "引侨资", "汇侨智", "聚侨力工作机制"], 3),
        (["建立访民情", "察民意", "解民忧", "聚民心工作机制"], 3),  # a lead before the first
        (["凝侨心", "引侨资", "汇侨智", "聚侨力量"], None),  # one character more: no run-on
        (
            ["养老保险", "失业保险", "工伤保险", "医疗保障改革"],
            None,
        ),  # 保险 is the template, 保障 misses it
        (["访民情", "察民意", "解民忧", "倾听民声工作机制"], None),  # 民 out of its slot
        (["凝侨心", "引侨资", "汇侨智慧城市"], None),  # 智慧 is a word: the cut splits it
        (["财政资金", "金融资本", "社会资金投入"], None),  # two items before the last
    ],
)
def test_rule_even_list_tail(carriers, keep):
    assert grouping.rule_even_list_tail(carriers) == keep


# --- rep26: one slot before the last word of first clauses; 及其 keeps its owner ----------


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (  # half A report (hainan): goal heads of ；-pieces
            "深化改革开放取得新突破，双循环功能显著增强；经济发展质效实现新跨越，"
            "生产总值年均增长6%以上；科技创新能级迈上新台阶，人才之岛建设成效明显；"
            "人民生活水平达到新高度。",
            [
                "深化改革开放取得新突破",
                "经济发展质效实现新跨越",
                "科技创新能级迈上新台阶",
                "人民生活水平达到新高度",
            ],
        ),
        (  # half A report (jiangsu): heads of ；-pieces after different adverbs
            "着力拓展新市场，深入开展专项行动；积极发展新模式，推动跨境电商扩容升级；"
            "更好畅通新渠道，争取更多总部订单；注重丰富新产品，支持更多产品出口。",
            ["着力拓展新市场", "积极发展新模式", "更好畅通新渠道", "注重丰富新产品"],
        ),
        (  # invented: sentences, another slot character
            "城乡居民收入迈上大台阶，消费持续回暖。公共服务供给实现大提升，短板加快补齐。"
            "生态环境质量取得大改善，空气优良天数增加。",
            ["城乡居民收入迈上大台阶", "公共服务供给实现大提升", "生态环境质量取得大改善"],
        ),
    ],
)
def test_rule_slot_heads_finds_heads_alike_before_their_last_word(text, members):
    assert_group_in_both_scripts(text, members)


@pytest.mark.parametrize(
    "text",
    [
        # two heads only
        "深化改革开放取得新突破，双循环功能显著增强；经济发展质效实现新跨越，生产总值增长。",
        # the slot closes a word the headings share (a topic word): no frame
        "活化利用文化遗产，完成文物普查；扩大优质公共文化供给，鼓励创作精品；推动体育文化振兴，"
        "办好省运会。",
    ],
)
def test_rule_slot_heads_needs_three_heads_and_a_frame(text):
    assert_no_group_in_both_scripts(text)


@pytest.mark.parametrize(
    ("carriers", "slot_heads"),
    [
        (["深化改革开放取得新突破", "经济发展质效实现新跨越", "科技创新能级迈上新台阶"], True),
        (["着力拓展新市场", "积极发展新模式", "更好畅通新渠道"], True),
        (["深化改革开放取得新突破", "经济发展质效实现新跨越"], False),  # two of them
        (["活化利用文化遗产", "扩大优质文化供给", "推动体育文化振兴"], False),  # 文化: a word
        (["推动工作的开展", "加强队伍的建设", "完善制度的落实"], False),  # 的: a function slot
        (["深化改革取得新进展", "扩大开放取得新进展", "改善民生取得新进展"], False),  # one ending
        (["全年新增就业58万人", "居民收入增长5.2%", "粮食产量达新高"], False),  # numbers
        (["我们取得新突破", "我们实现新跨越", "我们迈上新台阶"], False),  # statements
        (["高标准建设自由贸易港全面深化取得新进展", "改革开放取得新突破", "发展实现新跨越"], False),
    ],
)
def test_rule_slot_heads(carriers, slot_heads):
    template = Template("", carriers[0][-3:-2], "", 0)
    assert rules.rule_slot_heads(template, carriers, "semicolon") is slot_heads
    assert rules.rule_slot_heads(template, carriers, "clause") is False


def test_rule_stray_infix_keeps_a_character_at_one_place_from_the_end():
    # 新 stands first inside 创新, later in the slot every member holds
    members = ["深化改革开放取得新突破", "经济发展质效实现新跨越", "科技创新能级迈上新台阶"]
    assert rules.rule_stray_infix(Template("", "新", "", 0), members) is False


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (  # half A reports (heilongjiang, ningxia)
            "主动接受人大及其常委会监督、政协民主监督和各方面监督。",
            ["人大及其常委会监督", "政协民主监督", "各方面监督"],
        ),
        (  # invented
            "加强对领导干部及其家属的教育、对基层干部的教育和对青年干部的教育。",
            ["对领导干部及其家属的教育", "对基层干部的教育", "对青年干部的教育"],
        ),
    ],
)
def test_rule_owner_before_its_keeps_the_owner_in_the_member(text, members):
    assert_group_in_both_scripts(text, members)


def test_rule_owner_before_its_drops_a_pair_it_cannot_mend():
    assert_no_group_in_both_scripts("依法接受人大及其常委会监督、政协民主监督。")


@pytest.mark.parametrize(
    ("carrier", "cut", "expected"),
    [
        ("依法接受人大及其常委会监督", 7, 4),  # 人大｜及其: the owner word
        ("依法接受人大及其常委会监督", 4, 4),  # no 及其 at the cut
        ("文化创新以及其他各方面创新", 6, 6),  # 以及｜其他: 及 joins two items
        ("接受啊啊及其常委会监督", 5, None),  # no word before 及: the cut is dropped
    ],
)
def test_rule_owner_before_its(carrier, cut, expected):
    assert grouping.rule_owner_before_its(carrier, cut) == expected


JIANGSU_HEADS = (  # half A report (jiangsu), shortened: headings run into one paragraph
    "科技创新取得新进步。全国高校区域技术转移转化中心投入运行，全球首个外场试验网成功搭建。"
    "首批63个省重点实验室重组完成。两院院士增至123位，入选国家重大人才工程人数位居全国前列。"
    "产业发展彰显新成效。获批创建国家数字经济创新发展试验区，国家人工智能应用中试基地落地苏州。"
    "新兴消费迸发新活力。引进首店1809家，直播电商交易额实现两位数增长，服务消费提质扩容。"
    "重点领域改革实现新突破。推动全面深化改革各项任务落地，开展市场准入壁垒清理整治等专项行动。"
)


def test_rule_figure_statement_leaves_facts_out_of_inline_headings():
    assert_group_in_both_scripts(
        JIANGSU_HEADS,
        [
            "科技创新取得新进步",
            "产业发展彰显新成效",
            "新兴消费迸发新活力",
            "重点领域改革实现新突破",
        ],
    )


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("首批63个省重点实验室重组完成。", True),
        ("可再生能源发电量增长28.3%。", True),
        ("科技创新取得新进步。", False),
        ("推动第五代移动通信建设。", False),  # numerals in words: no figure in digits
    ],
)
def test_rule_figure_statement(sentence, figure):
    unit = units.new_unit(0, len(sentence) - 1, len(sentence) - 1, "sentence")
    assert units.rule_figure_statement(sentence, unit) is figure


NINGXIA_ENERGY = (  # half A report (ningxia), shortened: each frame opens a passage
    "深入实施“煤油气硅”等多元利用工程，高效推进煤炭上产扩规和油气增储上产。抓好新建煤矿投产，"
    "新增千万吨产能。深入实施“风光水火”等多能互补工程，力争电力总装机达到1.1亿千瓦。"
    "深入实施“制储输用”等多链协同工程，开工建设南网720兆瓦储能电站等项目。"
    "新建750千伏和330千伏电网工程16个。"
)


def test_interleaved_opening_units_frames_apart():
    assert_group_in_both_scripts(
        NINGXIA_ENERGY,
        [
            "深入实施“煤油气硅”等多元利用工程",
            "深入实施“风光水火”等多能互补工程",
            "深入实施“制储输用”等多链协同工程",
        ],
    )


def test_interleaved_opening_units_whole_sentences_where_first_clauses_are_one():
    # invented after a half A report (gwr 2016): the frame runs over the first two clauses
    assert_group_in_both_scripts(
        "这些成绩，是在复杂严峻的国际环境中取得的。世界经济增速放缓。"
        "这些成绩，是在下行压力加大的情况下取得的。经济工作遇到不少难题。"
        "这些成绩，是在很高的基数上取得的。经济规模越大，增长难度越大。",
        [
            "这些成绩，是在复杂严峻的国际环境中取得的",
            "这些成绩，是在下行压力加大的情况下取得的",
            "这些成绩，是在很高的基数上取得的",
        ],
    )


@pytest.mark.parametrize(
    ("shared", "expected"),
    [
        (("扎实推动开放", "升级"), True),  # a frame
        (("我们面对的是",), True),  # a long opening
        (("推进",), False),  # a shared verb alone: 推进…。…。推进…。…。推进…
        (("加快", "化"), False),  # one character closing the frame
    ],
)
def test_rule_interleaved_frame(shared, expected):
    assert grouping.rule_interleaved_frame(shared) is expected


def test_interleaved_opening_units_leave_a_shared_verb_alone():
    # invented: three sentences apart open with one verb and share nothing else
    assert_no_group_in_both_scripts(
        "推进城乡融合发展，完善县域规划。做好民生保障工作。推进老旧小区改造，新建停车位。"
        "提高公共服务水平。推进数字政府建设，打通数据壁垒。"
    )


def test_rule_one_odd_item_takes_the_whole_list():
    # half A report (hubei): 开放 in four items of five, the odd one inside the list
    assert_group_in_both_scripts(
        "坚持“重构开放通道、重塑物流体系、提升开放平台、优化开放政策和创新开放服务”五措并举。",
        ["重构开放通道", "重塑物流体系", "提升开放平台", "优化开放政策", "创新开放服务"],
    )


@pytest.mark.parametrize(
    ("items", "shared", "expected"),
    [
        (
            ["重构开放通道", "重塑物流体系", "提升开放平台", "优化开放政策", "创新开放服务"],
            ("开放",),
            0,
        ),
        (
            ["着力推进城市更新", "加快乡村建设", "优化城市布局", "提升城市品质"],
            ("城市",),
            2,
        ),  # a lead
        (["直播电商", "社交电商", "循环电商", "无人零售"], ("电商",), None),  # the tail breaks
        (["无人零售", "直播电商", "社交电商", "循环电商"], ("电商",), None),  # the head breaks
        (["直播电商", "社交电商", "循环电商"], ("电商",), None),  # three items: the slice is all
        (
            ["直播电商", "社交电商", "无人零售", "循环电商", "跨境电子商务"],
            ("电商",),
            None,
        ),  # uneven
        (["直播电商", "零售电商", "无人零售", "社区零售", "循环电商"], ("电商",), None),  # two odd
    ],
)
def test_rule_one_odd_item(items, shared, expected):
    assert grouping.rule_one_odd_item(items, shared) == expected


# --- rule round 28 (rep28, development set 18 half A) ----------------------------------


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("这五", True),  # 这五年，是…的五年: a count inside the frame
        ("深入", True),
        ("一是", False),  # a numeral first
        ("三年", False),
        ("20", False),  # digits
        ("这“", False),  # a mark
    ],
)
def test_rule_counted_opening(opening, expected):
    assert units.rule_counted_opening(opening) is expected


def test_counted_opening_sentences_apart():
    text = (
        "重庆走过了一段极不平凡的历程。这五年，是感恩奋进的五年。全市上下牢记嘱托，扎实推进"
        "各项建设。这五年，是攻坚克难的五年。我们迎难而上、实干争先，在改革攻坚中破局突围。"
        "这五年，是跨越发展的五年。全市工业经济总量突破3万亿元，规划目标任务总体完成。"
    )
    assert_group_in_both_scripts(
        text, ["这五年，是感恩奋进的五年", "这五年，是攻坚克难的五年", "这五年，是跨越发展的五年"]
    )


def test_plus_chain_items():
    assert_group_in_both_scripts(
        "完善“人防+物防+技防”，实施社会应急能力提升工程。", ["人防", "物防", "技防"]
    )
    assert_group_in_both_scripts(
        "打造“种源+种业+种市”南繁生态圈，加快建设种业基地。", ["种源", "种业", "种市"]
    )


def test_plus_chain_without_template():
    assert_no_group_in_both_scripts("探索“策划+融资+运营”一体化模式，提高项目落地效率。")
    assert_no_group_in_both_scripts("培育“人工智能+”新业态，推动产业升级。")


@pytest.mark.parametrize(
    ("carriers", "expected"),
    [
        (["抓实安全生产管理", "抓好防灾减灾救灾", "抓严食品药品监管"], True),
        (["加快社会保险扩面提质", "加大困难群体兜底帮扶", "加强托育养老体系建设"], True),
        (["抓实安全生产管理", "抓好防灾减灾救灾"], False),  # two
        (["抓实安全生产管理", "抓好防灾减灾", "抓严食品药品监管"], False),  # uneven
        (["推进安全生产管理", "推进防灾减灾救灾", "推进食品药品监管"], False),  # one verb
        (["抓实安全生产管理", "守住防灾减灾救灾", "抓严食品药品监管"], False),  # another verb
    ],
)
def test_rule_verb_headings(carriers, expected):
    assert grouping.rule_verb_headings(carriers) is expected


def test_verb_headings_run_into_a_paragraph():
    text = (
        "守住安全发展底线。抓实安全生产管理。全面完成治本攻坚三年行动任务，探索新业态安全监管，"
        "坚决遏制重特大事故。抓好防灾减灾救灾。实施社会应急和防灾避险能力提升工程，扎实做好防汛"
        "防台风等工作。抓严食品药品监管。深化治理“餐桌污染”，加强药检能力建设，健全质量把关体系。"
    )
    assert_group_in_both_scripts(text, ["抓实安全生产管理", "抓好防灾减灾救灾", "抓严食品药品监管"])


def test_verb_headings_of_uneven_length():
    text = (
        "守住安全发展底线。抓实安全生产管理。全面完成治本攻坚三年行动任务，探索新业态安全监管，"
        "坚决遏制重特大事故。抓好防灾减灾。实施社会应急和防灾避险能力提升工程，扎实做好防汛"
        "防台风等工作。抓严食品药品监管。深化治理“餐桌污染”，加强药检能力建设，健全质量把关体系。"
    )
    found = [[m.text for m in g.members] for g in pt.find_parallels(text, min_score=0.0)]
    assert not any(group[0].startswith("抓实") for group in found)


def assert_group_not_in_both_scripts(text: str, members: list[str]) -> None:
    """No group the rules accept in ``text`` has exactly ``members``, in Simplified and
    (converted) in Traditional."""
    for script in (text, pt.to_traditional(text)):
        found = [[m.text for m in g.members] for g in pt.find_parallels(script, min_score=0.0)]
        unexpected = members if script == text else [pt.to_traditional(m) for m in members]
        assert unexpected not in found


def test_rule_crossing_group_pair_cutting_a_list():
    text = (
        "坚持稳中求进工作总基调，坚持以经济建设为中心，以推动高质量发展为主题，以改革创新为根本"
        "动力，以满足人民日益增长的美好生活需要为根本目的。"
    )
    assert_group_in_both_scripts(
        text,
        [
            "以经济建设为中心",
            "以推动高质量发展为主题",
            "以改革创新为根本动力",
            "以满足人民日益增长的美好生活需要为根本目的",
        ],
    )
    assert_group_not_in_both_scripts(text, ["坚持稳中求进工作总基调", "坚持以经济建设为中心"])


def test_rule_crossing_group_slice_across_a_list():
    text = (
        "广泛开展群众精神文明建设。保护好运用好传承好历史文化、革命文化、海洋文化、民俗文化资源。"
    )
    assert_group_in_both_scripts(text, ["历史文化", "革命文化", "海洋文化", "民俗文化"])
    assert_group_not_in_both_scripts(text, ["好运用", "好传承", "好历史"])


def test_rule_crossing_group_as_many_members_shorter_wins():
    text = (
        "全面加强普惠性、基础性、兜底性民生建设，持续推进“八项民生工程”，把更多资源投向民生领域。"
    )
    assert_group_in_both_scripts(text, ["普惠性", "基础性", "兜底性"])
    assert_group_not_in_both_scripts(
        text, ["基础性、兜底性民生建设", "持续推进“八项民生工程”", "把更多资源投向民生领域"]
    )


def _group(spans: list[tuple[int, int]], score: float) -> pt.Parallel:
    members = tuple(pt.Span.of("文" * 80, a, b) for a, b in spans)
    return pt.Parallel(members, "parallelism", (), members[0].start, members[-1].end, score)


def test_rule_crossing_group_reads_members_and_score():
    pair = _group([(0, 11), (12, 22)], 0.878)  # 坚持…，坚持以…
    five = _group([(14, 22), (23, 33), (34, 42), (43, 50), (51, 60)], 0.974)  # 以…×5
    assert grouping.rule_crossing_group(pair, five)
    assert not grouping.rule_crossing_group(five, pair)
    # a longer group that scores lower does not take the place of a better one
    assert not grouping.rule_crossing_group(pair, _group([(14, 22), (23, 33), (34, 42)], 0.4))
    # a list lying in the gap between two members does not cross them
    apart = _group([(0, 10), (20, 30)], 0.878)
    assert not grouping.rule_crossing_group(apart, _group([(11, 13), (14, 16), (17, 19)], 0.974))
    # a list inside one member is nested, not crossing
    assert not grouping.rule_crossing_group(apart, _group([(21, 23), (24, 26), (27, 29)], 0.974))


def test_rule_borrowed_suffix_outer_clauses_drop():
    text = (
        "推动产贸融合发展。创新提升服务贸易、数字贸易、绿色贸易，大力发展高附加值技术贸易，"
        "推进新型易货贸易。"
    )
    assert_group_in_both_scripts(text, ["服务贸易", "数字贸易", "绿色贸易"])
    assert_group_not_in_both_scripts(
        text,
        ["创新提升服务贸易、数字贸易、绿色贸易", "大力发展高附加值技术贸易", "推进新型易货贸易"],
    )


def test_rule_borrowed_suffix_keeps_a_group_over_an_inner_pair():
    text = (
        "坚持严格依法行政，依法接受人大及其常委会法律监督和工作监督，自觉接受政协民主监督，"
        "主动接受社会各界监督，加强审计监督、统计监督，高质量办理人大代表建议和政协提案。"
    )
    assert_group_in_both_scripts(
        text,
        [
            "依法接受人大及其常委会法律监督和工作监督",
            "自觉接受政协民主监督",
            "主动接受社会各界监督",
            "加强审计监督、统计监督",
        ],
    )


# --- rec30 (report prose, set 22 half A): clauses alike by a slot the template search misses


def test_rule_quantified_objects_verbs_of_different_lengths():
    # the quantifier stands two and four characters in: one place is all the search reads
    text = (
        "启动一批新的国家重大科技项目，建设一批高水平的国家科学中心和技术创新中心，"
        "培育壮大一批有国际竞争力的创新型领军企业，建设一批全面创新改革试验区。"
    )
    assert_group_in_both_scripts(
        text,
        [
            "启动一批新的国家重大科技项目",
            "建设一批高水平的国家科学中心和技术创新中心",
            "培育壮大一批有国际竞争力的创新型领军企业",
            "建设一批全面创新改革试验区",
        ],
    )


@pytest.mark.parametrize(
    ("carriers", "expected"),
    [
        (["启动一批新的科技项目", "培育壮大一批创新型领军企业", "建设一批试验区"], "一批"),
        (["提出一系列新理念", "出台一系列重大方针政策", "推出一系列重大举措"], "一系列"),
        (["启动一批新的科技项目", "培育壮大一批创新型领军企业"], None),  # two clauses
        (["建设一批实验室", "出台一系列政策", "推出一批举措"], None),  # different quantifiers
        (["入选第一批试点", "入选第一批名录", "入选第一批名单"], None),  # an ordinal
        (["文化是一个民族的灵魂", "可以深刻影响一个国家", "改变一个民族的命运"], None),
        (["更新一批", "封存一批", "淘汰一批"], None),  # no object after it
    ],
)
def test_rule_quantified_objects(carriers, expected):
    assert grouping.rule_quantified_objects(carriers) == expected


def test_rule_last_word_slot_object_modifier_before_the_last_word():
    # a lead before the first clause's verb is cut off (全社会 is the subject of all three)
    text = "尤其需要全社会提高科技意识，多方面增加科技投入，真正依靠科技进步。"
    assert_group_in_both_scripts(text, ["提高科技意识", "多方面增加科技投入", "真正依靠科技进步"])
    text = "生态文明制度更加完善，城乡人居环境更加宜居，人与自然和谐共生更加彰显。"
    assert_group_in_both_scripts(
        text, ["生态文明制度更加完善", "城乡人居环境更加宜居", "人与自然和谐共生更加彰显"]
    )


def test_rule_last_word_slot_keeps_a_lead_that_a_cut_would_split():
    # 社会｜主义民族关系 would split 社会主义: the first clause stays whole
    text = (
        "发展平等、团结、互助的社会主义民族关系，教育全党认真执行党的民族政策，努力做好民族工作。"
    )
    assert_group_in_both_scripts(
        text,
        [
            "发展平等、团结、互助的社会主义民族关系",
            "教育全党认真执行党的民族政策",
            "努力做好民族工作",
        ],
    )


@pytest.mark.parametrize(
    ("carriers", "expected"),
    [
        (["提高科技意识", "多方面增加科技投入", "真正依靠科技进步"], "科技"),
        (
            [
                "建设中国特色社会主义法治体系",
                "建设社会主义法治国家",
                "发展中国特色社会主义法治理论",
            ],
            "社会主义法治",
        ),
        (["提高科技意识", "增加科技投入"], None),  # two clauses
        # a word at different places
        (["扩大国有资本经营预算实施范围", "深化部门预算改革", "推进政府预算决算公开"], None),
        # the slot cuts a word (修正｜主义, 国际｜主义)
        (["扑灭修正主义路线", "摧毁了修正主义集团", "履行了国际主义义务"], None),
        (["卫生方面", "开展爱国卫生运动", "改善城乡卫生条件"], None),  # a topic opens a clause
        (["推动文化建设", "加强文化建设", "繁荣文化建设"], None),  # one last word: a suffix
        (["全省增长10%", "全市增长20%", "全区增长30%"], None),  # digits
    ],
)
def test_rule_last_word_slot(carriers, expected):
    assert grouping.rule_last_word_slot(carriers) == expected


def test_rule_last_word_slot_not_inside_a_title():
    text = "实施新的《信访条例》，畅通了信访渠道，规范了信访秩序。"
    for script in (text, pt.to_traditional(text)):
        found = [len(g.members) for g in pt.find_parallels(script, min_score=0.0)]
        assert 3 not in found


def test_slot_groups_leave_out_enumeration_markers():
    text = "六是奋力推进文化振兴，大力发展特色文化旅游，繁荣发展文化事业和文化产业。"
    assert_group_in_both_scripts(
        text, ["奋力推进文化振兴", "大力发展特色文化旅游", "繁荣发展文化事业和文化产业"]
    )
    text = "一是启动一批新的科技项目，二是建设一批科学中心，三是培育壮大一批领军企业。"
    assert_group_in_both_scripts(
        text, ["启动一批新的科技项目", "建设一批科学中心", "培育壮大一批领军企业"]
    )
