"""Rules: whether a run of units with a template is a parallel group, and its score."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..segment import match_at_openings
from ..slogans import rule_is_formula
from ..vocabulary import (
    CLAUSE_EDGES,
    CLAUSE_MARKS,
    COUNT_NUMERALS,
    HAN_CHAR,
    INLINE_SPACES,
    PLUS_SIGNS,
    PREPOSITIONS,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
)
from .templates import (
    LEADING_WORDS,
    Template,
    _effective_prefix,
    _weight,
    aligned_strength,
    new_template,
    rule_two_character_slot,
    rule_verb_slot,
    template_strength,
)
from .units import (
    _COUNT_RE,
    _DIGIT_RE,
    _NEW_TUPLE,
    FUNCTION_CHARS,
    MIN_SCORE,
    _document_counts,
    _words,
    compiled_kernel,
    number_range,
)

#: suffixes that make words of a kind, so that items of uneven length share a template:
#: 新型工业化、信息化、城镇化; 周期性、结构性、体制性 (not 业 of 林业、畜牧业)
PRODUCTIVE_SUFFIXES = frozenset("化性型式观感率游")
#: suffixes of kinds of energy, force and degree that hold uneven items in the same way
#: (风能、太阳能、生物质能; 市场活力、发展动力、社会创造力; 设施完备度、服务便利度、环境
#: 舒适度), read from half A of the development reports (rec20r); kept apart from
#: ``PRODUCTIVE_SUFFIXES``, which is also a feature of the calibrated score
UNEVEN_SUFFIXES = frozenset("能力度")


def score_group(
    template: Template, carriers: list[str], level: str = "clause", strength: float | None = None
) -> float:
    """Confidence in 0..1 that the carriers form a parallel group with this template.

    ``strength`` is ``template_strength(template, carriers, level)`` when the caller has it.
    """
    if strength is None:
        strength = template_strength(template, carriers, level)
    return _combined(_anchor(template), _shape(carriers, strength))


def _anchor(template: Template) -> float:
    """Where the shared material sits: an opening 1, an ending 0.8, only inside 0.5."""
    return 1.0 if template.prefix else 0.8 if template.suffix else 0.5


class _Shape(NamedTuple):
    """The parts of ``score_group`` that do not depend on where the template sits."""

    coverage: float
    balance: float
    count: float
    rhythm: float
    statistics: bool  # most members hold digits: lists of statistics


#: a 、-list closed by 等, read as its last item: 外贸、物价、…外汇和工商行政等 -> 工商行政等
#: (items of one to eight characters, none across a quotation mark)
_ITEM = f"[^、､{re.escape(''.join(sorted(QUOTE_OPENERS | QUOTE_CLOSERS)))}]{{1,8}}"
_LISTED_ITEMS_RE = re.compile(f"(?:{_ITEM}[、､])+(?:{_ITEM}?和)?(?={_ITEM}等)")


def rule_inner_list_length(carrier: str) -> int:
    """A member's length with a 、-list closed by 等 inside it read as its last item: the
    items fill one slot, so 发挥外贸、物价、财政…和工商行政等部门的管理职能，审计和监察等
    部门的监督职能，外贸商会的协调职能 are members of even weight (balance and coverage of the score
    measure them so when they decide whether a group of clauses is strong enough; the
    group's score keeps the plain lengths). A member without 、 keeps its length."""
    if "、" not in carrier and "､" not in carrier:
        return len(carrier)  # the usual case
    return len(_LISTED_ITEMS_RE.sub("", carrier))


def _shape(carriers: list[str], strength: float, listed: bool = False) -> _Shape:
    """The score's shape of the carriers (``listed``: lengths by ``rule_inner_list_length``)."""
    lengths = [rule_inner_list_length(c) if listed else len(c) for c in carriers]
    mean = sum(lengths) / len(lengths)
    shortest, longest = number_range(lengths)
    statistics = rule_statistics(carriers)
    coverage = 2 * strength / mean  # min(1.0, …) as an expression: cheaper in the twin
    count = (len(carriers) - 1) / 3
    shape = (
        coverage if coverage < 1.0 else 1.0,
        shortest / longest,
        count if count < 1.0 else 1.0,
        1.0 if shortest == longest == 4 else 0.0,
        statistics,
    )
    return _NEW_TUPLE(_Shape, shape)  # _Shape(*shape) without its __new__ written in Python


def _combined(anchor: float, shape: _Shape) -> float:
    coverage, balance, count, rhythm, statistics = shape  # unpacked: no attribute look-ups
    score = 0.35 * anchor + 0.25 * coverage + 0.2 * balance + 0.15 * count + 0.05 * rhythm
    if statistics:
        score *= 0.6  # lists of statistics repeat words without being rhetoric
    return round(score, 3)


def rule_uneven_suffix(suffix: str, carriers: list[str]) -> bool:
    """Three or more items of uneven length that share one character of
    ``UNEVEN_SUFFIXES`` are a group, like those of a productive suffix: 风能、太阳能、生物质能;
    市场活力、发展动力、社会创造力; 国际影响力、感召力、塑造力. Not two items (一个能力、
    一个实力), not 林业、畜牧业、渔业 (业 is none of them)."""
    return len(carriers) >= 3 and suffix in UNEVEN_SUFFIXES


#: the signs that close an "X+" formula (互联网+, 人工智能+; 数据要素×), ASCII or full width
FORMULA_SIGNS = frozenset(PLUS_SIGNS + "×")


def rule_formula_sign(suffix: str) -> bool:
    """Three or more items that end in the sign of an "X+" formula fill the formula's slot
    as items of a productive suffix do, whatever their lengths: “超算+”“AI+”“区块链+”“量子+”;
    “数字孪生+”“人工智能+”“虚拟/增强/混合现实（XR）+” (norm23's audit of whole normative
    documents, half A; the caller asks for three items). Items of one length need no rule
    (“文化+”、“旅游+”、“体育+”)."""
    return suffix in FORMULA_SIGNS


def _acceptable(template: Template, carriers: list[str], level: str) -> bool:
    return _accepted_score(template, carriers, level) is not None


def _accepted_score(template: Template, carriers: list[str], level: str) -> float | None:
    """The group's score if the carriers form an acceptable group with this template, else None."""
    aligned = aligned_strength(carriers)
    strength = template_strength(template, carriers, level, aligned)
    case_frame = level == "semicolon" and rule_case_frame(carriers)  # asked once per window
    if case_frame:
        strength = max(strength, 1.0)  # the frame holds them, not the one 的 they share
    elif level == "clause" and rule_two_character_slot(template, carriers):
        strength *= 1.3  # the object in one slot after the verbs weighs as an opening
    elif rule_slot_heads(template, carriers, level):
        strength = max(strength, 2.0)  # the slot before the last word is a frame (取得｜新｜X)
    quoted_slot = level in ("clause", "phrase") and rule_quoted_formula_slot(carriers)
    if quoted_slot:
        strength = max(strength, 2.0)  # the quoted formula's slot holds them
    elif level == "phrase" and len(carriers) >= 3 and rule_formula_sign(template.suffix):
        strength = max(strength, 2.0)  # the sign holds a formula's slot: “超算+”“AI+”…
    if strength < 1.0:
        return None
    if not _accepted(template, carriers, level, strength, aligned, case_frame, quoted_slot):
        return None
    shape = _shape(carriers, strength)  # made only for windows the rules accept
    effective = new_template(_effective_prefix(template, level), template.infix, template.suffix, 0)
    anchor, effective_anchor = _anchor(template), _anchor(effective)
    score = _combined(anchor, shape)
    # the score read with the effective opening: the same where the anchor is (most windows)
    effective_score = score if effective_anchor == anchor else _combined(effective_anchor, shape)
    if effective_score < MIN_SCORE and not (
        level == "clause"
        and any("、" in c for c in carriers)
        and _combined(effective_anchor, _shape(carriers, strength, listed=True)) >= MIN_SCORE
    ):
        return None  # too weak, its opening read as ``_accepted`` reads it (an inner list
        # read as one item, in clauses: rule_inner_list_length)
    return score


def _accepted(
    template: Template,
    carriers: list[str],
    level: str,
    strength: float,
    aligned: float,
    case_frame: bool,
    quoted_slot: bool,
) -> bool:
    """The acceptance rules but the score threshold (``_accepted_score`` asks it after
    them: most windows fail a rule first and need no ``_Shape``); ``aligned``,
    ``case_frame`` (``rule_case_frame`` of ；-pieces) and ``quoted_slot``
    (``rule_quoted_formula_slot`` of clauses and phrases) are computed once by the caller."""
    if rule_numbers_only(template, carriers):
        return False
    template = new_template(_effective_prefix(template, level), template.infix, template.suffix, 0)
    lengths = [len(c) for c in carriers]
    longest = number_range(lengths)[1]
    if level == "phrase":
        if longest <= 2 and len(carriers) == 2:
            return False  # 电力、电信: two words that share a character
        one_char_head = not (template.prefix or template.infix) and len(template.suffix) == 1
        one_char_opening = not (template.suffix or template.infix) and len(template.prefix) == 1
        productive = (
            one_char_head
            and len(carriers) >= 3
            and (
                template.suffix in PRODUCTIVE_SUFFIXES
                or rule_uneven_suffix(template.suffix, carriers)
                or rule_formula_sign(template.suffix)
            )
        )
        if (
            (one_char_head or (one_char_opening and len(carriers) == 2))
            and len(set(lengths)) > 1
            and not productive
        ):
            return False  # 林业、畜牧业、渔业; 县委、县政府: one shared character, uneven items
    elif case_frame:
        pass  # 尚未招标的，要…；正在建设的，要…；已完成示范建设的，要…
    elif level in ("sentence", "semicolon"):
        if (
            level == "semicolon"
            and len(carriers) == 2
            and longest > 20
            and not (template.suffix or template.infix)
        ):
            return False  # two long ；-pieces alike only at their openings
        # whole sentences are parallel by anaphora (在思想上…。在工作上…。); ；-pieces
        # also by a frame (…所以…，主要是因为…) or one shape (争夺是…的；勾结是…的)
        framed = level == "semicolon" and (_weight(template.infix) >= 3 or aligned >= 2)
        framed = (
            framed
            or heads_alike(template, carriers, level)
            or rule_epistrophe(template, carriers, level)
        )
        if not template.prefix and not framed:
            return False
        if strength < 2.0 and not (template.suffix and longest <= 8) and not framed:
            return False
        if len(carriers) == 2 and level == "sentence" and (longest > 8 or strength < 0.5 * longest):
            return False
        if rule_adverbial_sentences(template, carriers, level):
            return False
    elif quoted_slot:
        pass  # 增强“四个意识”，坚定“四个自信”，做到“两个维护”
    elif rule_verb_slot(template, carriers):
        pass  # 开展｜智能传感器…，推动｜智能传感器…，提升｜智能传感器…
    else:
        if strength < 2.0 and longest > 6 and not template.prefix:
            return False  # a short suffix or infix alone does not hold long clauses together
        if (
            not (template.prefix or template.suffix)
            and longest > 8
            and aligned < 2
            and not rule_topic_frame(template, carriers)
        ):
            return False  # a word repeated inside long clauses (…维权…，…维权…) is no template
        if len(carriers) == 2 and carriers[1].startswith("是") and "是" not in carriers[0]:
            return False  # 民生问题，是…的根本问题: a subject and its predicate
        if len(carriers) == 2 and min(lengths) / longest < 0.35:
            return False
        unanchored = not (template.prefix or template.suffix)
        if len(carriers) == 2 and unanchored and aligned < 2:
            return False  # two clauses sharing a term in their middles: a repeated word
        if not template.prefix and len(carriers) == 2 and strength < 2.0:
            return False
    return True


# --- named rules (each with golden examples in tests/test_parallel_rules.py) -----------

#: the longest varying topic before a shared infix that ``rule_topic_frame`` reads as a frame
TOPIC_LONGEST = 3


def rule_topic_frame(template: Template, carriers: list[str]) -> bool:
    """Three or more clauses whose shared infix (two content characters or more) stands
    right after a short varying opening (one to ``TOPIC_LONGEST`` characters) are framed
    like an anaphora: 关键在坚持与时俱进，核心在坚持党的先进性，本质在坚持执政为民; 保持同
    群众的密切联系，倾听群众的意见，接受群众的监督.
    Not a word repeated at different places inside long clauses (…加强维权…，…维权服务…),
    nor two clauses."""
    infix = template.infix
    if len(carriers) < 3 or not infix or _weight(infix) < 2:
        return False
    return all(1 <= carrier.find(infix) <= TOPIC_LONGEST for carrier in carriers)


#: endings of organisation names: 省发展改革委, 省财政厅, 国家能源局, 中国电子学会, 清华大学
ORGANISATION_ENDINGS = (
    "委员会",
    "办公室",
    "办公厅",
    "联合会",
    "研究院",
    "研究所",
    "人民政府",
    "公司",
    "集团",
    "大学",
    "学院",
    "学会",
    "协会",
    "银行",
    "医院",
    "剧院",
    "总局",
    "总署",
    "实验室",
    "研究中心",
)
#: one-character endings of agency names (部, 委, 厅, 局, 署, 院, 办), unless the word is
#: a common noun or an action: 格局, 布局, 大局, 干部, 内部, 全部, 部署, 签署
AGENCY_CHARS = frozenset("部委厅局署院办")
NOT_AGENCY = frozenset("格布大全开结当干内外局东西南北中总基党部签")
#: endings of bureaus whatever their length: 管理局, 监察局, 监督局, 统计局, 税务局, 办公厅
BUREAU_ENDINGS = ("管理局", "监察局", "监督局", "统计局", "税务局", "公安局", "管理厅", "监管局")
#: openings of the names of international organisations: 国际海事组织, 世界卫生组织
INTERNATIONAL = ("国际", "世界", "联合国")
#: openings of agency and place names: 省…, 市…, 国家…, 中国…
NAME_OPENINGS = ("省", "市", "县", "区", "国家", "中国", "全国", "中央", "自治区", "各省")
#: endings of agencies named by their government level and trade (市级邮政管理部门, 县级以上
#: 人民政府有关部门, 省直单位): names when they open with ``NAME_OPENINGS`` (prec20's audit)
AGENCY_COLLECTIVES = ("部门", "单位")
#: one-character endings of place names (省, 市, 县, 镇, 乡, 村), unless a common noun (城市, 乡村)
PLACE_CHARS = frozenset("省市县镇乡村")
NOT_PLACE = frozenset("城都超股楼上夜集乡农城山")


#: the ending of a person named or described as a comrade: 周恩来同志, 人民的好医生赵雪芳同志
PERSON_ENDING = "同志"
#: the endings that make a member a name whatever precedes them (``rule_is_name``)
_NAME_OR_PERSON_ENDINGS = (*ORGANISATION_ENDINGS, PERSON_ENDING)


def rule_is_name(member: str) -> bool:
    """An organisation, agency, place or person: 省财政厅, 国家能源局, 中国电子学会, 德州市,
    美国, 朱德同志, 市级邮政管理部门, 哈尔滨锅炉厂.

    Not names: 利益协调机制, 制造强国, 开放格局, 基层干部, 城市, 乡村.
    """
    if member.endswith(_NAME_OR_PERSON_ENDINGS):
        return True
    if member.endswith("政府"):  # 省政府, 各级政府, 国务院各部门和地方政府; not 法治政府, 廉洁政府
        return member[-3:-2] in PLACE_CHARS or member.startswith((*NAME_OPENINGS, "各", "地方"))
    last = member[-1:]
    before = member[-2:-1]
    if last in AGENCY_CHARS and before not in NOT_AGENCY and len(member) >= 2:
        if member.endswith(BUREAU_ENDINGS):
            return True  # 各地区铁路监督管理局, 民航各地区管理局, 国家矿山安全监察局
        return len(member) <= 4 or member.startswith(NAME_OPENINGS) or "部" in member[:-1]
    if member.endswith("中心") and (member.startswith(NAME_OPENINGS) or "部" in member):
        return True
    if member.endswith(AGENCY_COLLECTIVES) and member.startswith(NAME_OPENINGS):
        return True  # 市级邮政管理部门, 省级邮政管理部门; not 各个部门, 农业部门
    if member.endswith("厂") and len(member) >= 4 and not member.endswith("工厂"):
        return True  # a factory: 哈尔滨锅炉厂, 南京钢铁厂; not 钢铁厂, 绿色工厂, 智能工厂
    if last in PLACE_CHARS and before not in NOT_PLACE:
        return len(member) <= 5 and not rule_ranked_place(member)
    return last == "国" and len(member) <= 3


#: characters that rank a province, city or county by a field (制造强省, 工业大县, 旅游名县,
#: 文旅美县, 边贸旺县), read from half A of the development reports (rec21)
RANK_CHARS = frozenset("强大名旺美")


def rule_ranked_place(member: str) -> bool:
    """A kind of place ranked by a field, no place name: a word of the word table, a
    character of ``RANK_CHARS`` and a place character (制造强省、质量强省、网络强省; 工业
    大县、农业强县、旅游名县). Not: names whose characters before the rank are no word
    (大名县; 边贸旺县 is read as a name, so that a list of names stays one)."""
    if len(member) < 4 or member[-2] not in RANK_CHARS:
        return False
    words = _words()
    return member[-4:-2] in words or member[-5:-2] in words


def rule_name_list(members: list[str]) -> bool:
    """A list of names is no group: 省发展改革委、省财政厅、省卫生健康委; 美国、英国、法国;
    also when the last name runs on into the predicate (国家能源局、国家矿山安全监察局审核后)."""
    return 2 * sum(1 for m in members if rule_is_name(m) or _opens_with_name(m)) > len(members)


#: the levels of government that open the name of a designated zone or institution
DESIGNATION_LEVELS = ("国家", "省级", "市级", "县级")
#: endings of designated zones and institutions: 示范区, 示范城市, 基地, 产业集群, 园区, 平台
DESIGNATION_ENDINGS = ("区", "城市", "基地", "集群", "园", "中心", "平台")


def rule_designation_list(members: list[str]) -> bool:
    """A list of designations a government level awards, most members opening with the
    level and ending with the kind of zone or institution, is a list of names, no group:
    国家全域旅游示范区、国家文化和旅游消费示范城市、…国家级旅游度假区; 国家级海洋数据交易平台、
    国家级数据标注基地 (norm23's audit of whole normative documents, half A). Not: members
    that only open with 国家 (国家安全、国家利益), or end with the kind without the level
    (示范区、先行区、试验区; 国家级临床重点专科实现…全覆盖)."""
    named = sum(
        1 for m in members if m.startswith(DESIGNATION_LEVELS) and m.endswith(DESIGNATION_ENDINGS)
    )
    return 2 * named > len(members)


#: the heads of infrastructure projects: 成昆铁路, 阳信高速, 宣威水库, 凤凰机场三期
PROJECT_HEADS = ("铁路", "高铁", "高速", "公路", "水库", "机场", "港", "大桥", "核电", "电厂")
PROJECT_HEADS += ("电站", "航道", "隧道", "管道")
#: any head of ``PROJECT_HEADS``, wherever it stands (``rule_is_project`` asks it first)
_PROJECT_HEAD_RE = re.compile("|".join(map(re.escape, PROJECT_HEADS)))
#: a phase or section after a project's head: 三期, 二期工程, 武宜段, 廉徐段
_PHASE_RE = re.compile(r"(?:[一二三四五六七八九十0-9]+期(?:工程)?|" + HAN_CHAR + "{2}段)$")
#: the most paragraphs of the background corpus a project's opening word may be in to be
#: read as a name (宣威 1, 成昆 1, 凤凰 5), not a kind (支线 9, 城际 13, 干线 23)
RARE_NAME_COUNT = 5
#: the longest project name ``rule_is_project`` reads (环热带雨林国家公园旅游公路: 13)
PROJECT_LONGEST = 14


def rule_is_project(member: str) -> bool:
    """An infrastructure project named by a place: a head of ``PROJECT_HEADS`` after two
    or more characters, with a phase or section after it (潮南高速潮饶段, 白龙核电一期),
    or with an opening word that is rare in the background corpus or no word of it
    (成昆铁路, 宣威水库, 阳信高速). Not kinds: 干线铁路, 城际铁路, 空港, 国际机场."""
    if _PROJECT_HEAD_RE.search(member) is None:
        return False  # no head in it (the usual case): no name ends with one
    if len(member) > PROJECT_LONGEST or any(mark in CLAUSE_MARKS for mark in member):
        return False  # a clause: 在黄河上游…，逐步建设一批大型水电站
    name = _PHASE_RE.sub("", member)
    phased = name != member
    head = next((h for h in PROJECT_HEADS if name.endswith(h)), None)
    if head is None or len(name) - len(head) < 2:
        return False
    if phased:
        return True
    counts = _document_counts()
    opening = name[:3] if name[:3] in counts else name[:2]
    return counts.get(opening, 0) <= RARE_NAME_COUNT


def rule_project_list(members: list[str]) -> bool:
    """A list of infrastructure projects (``rule_is_project``) is a list of names, no group:
    宣威水库、花滩子水库、玉龙水库、英武水库; 沿江高铁武宜段、呼南高铁襄荆段."""
    return 2 * sum(1 for m in members if rule_is_project(m)) > len(members)


def rule_abbreviated_names(members: list[str], level: str) -> bool:
    """Three or more three-character items of a 、-list that share only their last
    character, most of whose other two characters are no word of the word table, are
    names or abbreviations: 历城区、章丘区、槐荫区; 亚运会、全运会、进博会、服贸会.

    Not: 获得感、幸福感、安全感; 示范区、先行区、试验区 (words before the ending);
    爱读书、读好书、善读书; 谋发展、抓发展 (more shared than the last character).
    """
    if level != "phrase" or len(members) < 3 or any(len(m) != 3 for m in members):
        return False
    if len({m[-1] for m in members}) != 1 or set.intersection(*(set(m[:2]) for m in members)):
        return False
    words = _words()
    return 2 * sum(1 for m in members if m[:2] not in words) > len(members)


#: the endings ``_opens_with_name`` looks for, in the order it tries them
_NAME_ENDINGS = (*ORGANISATION_ENDINGS, *BUREAU_ENDINGS)
_NAME_ENDING_RE = re.compile("|".join(map(re.escape, _NAME_ENDINGS)))


def _opens_with_name(member: str) -> bool:
    """A member that opens with an organisation's full name and runs on for a few more
    characters: 国家矿山安全监察局审核后, 国际标准化组织（ISO."""
    if _NAME_ENDING_RE.search(member) is not None:  # else no ending is in it: the usual case
        for end in _NAME_ENDINGS:
            at = member.find(end)
            if at > 0 and len(member) - (at + len(end)) <= 4:
                return rule_is_name(member[: at + len(end)])
    return member.startswith(INTERNATIONAL) and "组织" in member[2:]


def rule_slice_of_list(level: str, covered: int, items: int) -> bool:
    """Part of a longer 、-list is no group: 数字仿真、数字孪生 out of five items.

    A pair must be the whole list; three or more members must cover at least
    half of its items.
    """
    if level != "phrase" or covered >= items:
        return False
    return covered == 2 or 2 * covered < items


#: the shortest ending that marks clauses as items of one list (装备, 技术, 平台)
LIST_ENDING = 2


def rule_slice_of_clause_list(level: str, members: list[str], after: str | None) -> bool:
    """Part of a longer ，-list of items is no group: the clause just after the members
    (``after``; None at the run's end) ends with the whole ending they share, of two
    characters or more, and is no longer than the longest member (norm22's audit of
    normative documents, half A). The clause before is not asked: it often names the topic
    (过去的五年，是…的五年，是…的五年).

    航空航天…成套装备，航空航天智能装配装备｜船舶板材激光焊接成套装备，…: the list of
    equipment is judged whole (convention 2), not the pieces the grouping kept. A closing
    等 of the clause after is ignored; a clause longer than every member is no item of the
    list but a comment on it (牛也不高兴，机器也不高兴，因为使牛、开机器的劳动人民不高兴).
    """
    if level != "clause":
        return False
    ending = members[0]
    for member in members[1:]:
        while not member.endswith(ending):
            ending = ending[1:]
    if len(ending) < LIST_ENDING:
        return False
    if after is None:
        return False
    item = after.rstrip("等")
    return item.endswith(ending) and len(item) <= max(len(m) for m in members)


#: subjects whose repetition makes no template: 我们以为，我们的努力还不够
SUBJECTS = frozenset(
    ["我们", "他们", "你们", "它们", "我国", "这些", "那些", "我", "他", "她", "它", "这", "那"]
)
#: the same words as one tuple for ``str.startswith`` (made once, not per carrier)
_SUBJECT_OPENINGS = tuple(sorted(SUBJECTS))


def rule_subject_only(template: Template) -> bool:
    """A subject repeated with nothing else shared is no template, however many clauses:
    我们接近工人…，我们和工人之间…，我们不止一次地… (我们要…×3 shares 我们要)."""
    return template.prefix in SUBJECTS and not (template.infix or template.suffix)


def rule_split_preposition(template: Template, members: list[str]) -> bool:
    """A shared one-character preposition that opens a longer function word in some
    members only (对于 against 对, 以及 against 以) is no shared word, however the members
    go on: 对违法违规行为的自动拦截；对于“可疑”的规则运行结果; 对于面向高频次业务调用、对网络
    时延要求极高的业务 (norm23's audit of whole normative documents, half A). Still groups:
    one word in every member (对于…，对于…), a preposition before content words (以崂山区、
    城阳区为核心区域，以西海岸新区…为支撑: 以西 is no function word)."""
    prefix = template.prefix
    if len(prefix) != 1 or prefix not in PREPOSITIONS:
        return False
    words = _words()
    longer = {m[:2] for m in members if m[1:2] in FUNCTION_CHARS and m[:2] in words}
    return bool(longer) and any(m[:2] not in longer for m in members)


def rule_unshared_slogan_pair(carriers: list[str]) -> bool:
    """Two quoted phrases of one length that hold the same character in no place are no
    pair (two four-character phrases sharing nothing are not annotated): “稳中求进、提质增效”,
    “不忘初心、牢记使命”, “和平统一、一国两制”, “马上就办、真抓实干”. Numerals in one
    place count as shared (“一要吃饭、二要建设”). Still pairs, as strict same-shape slogans
    (core false): “民有所呼、我有所应”, “人享其行、物畅其流”, “一年小灶、三年大灶”.
    Three or more such phrases stay (a four-character series, core false)."""
    if len(carriers) != 2 or len(carriers[0]) != len(carriers[1]):
        return False
    return not any(
        a == b or (a in COUNT_NUMERALS and b in COUNT_NUMERALS)
        for a, b in zip(*carriers, strict=True)
    )


def rule_weak_pair(template: Template, carriers: list[str], level: str) -> bool:
    """Two units need strong evidence: two shared characters in one slot, or a frame.

    Weak: 新业态、新模式 (one character); 用好工业遗产，发展工业旅游 (a word in the
    middles of two clauses); two long clauses that end alike (…应添加提示，…可不添加提示).
    Strong: 数据采集存储、数据分析应用; 以信息化为主导，以核心能力为基础 (a frame).
    """
    if len(carriers) != 2:
        return False
    if carriers[0].startswith("既") and carriers[1].startswith(("又", "也")):
        return False  # a correlative frame: 既…，又…
    prefix = _effective_prefix(template, level)
    parts = [p for p in (prefix, template.infix, template.suffix) if p]
    shared = sum(len(p) for p in parts)
    content = sum(1 for p in parts for c in p if c not in FUNCTION_CHARS)
    longest = max(len(c) for c in carriers)
    aligned = _aligned_slots(carriers)
    if prefix and prefix in SUBJECTS:
        return True  # a subject repeated at the head of two statements: 我们…，我们…
    if rule_opening_only_pair(template, carriers, level):
        return True
    framed = len(parts) >= 2 and (content >= 2 or (prefix in LEADING_WORDS and prefix != "是"))
    if framed and (level == "phrase" or prefix or 3 * content >= longest):
        return False  # a frame: 以…为…; 从…向…转变; between long clauses, one covering a third
    if level == "phrase":
        return shared < 2 and aligned < 2
    if len(prefix) >= 2:
        return False
    if template.suffix and not (prefix or template.infix):
        return not (
            (len(template.suffix) >= 2 and longest <= 8)
            or (len(template.suffix) >= 3 and longest <= 12)
        )
    return aligned < 3


#: the longest pair of clauses one shared opening verb holds together (推动…，推动…)
OPENING_PAIR_LENGTH = 12


def rule_opening_only_pair(template: Template, carriers: list[str], level: str) -> bool:
    """Two long clauses that share only an opening word are no pair: 研究不同类型的学习方法
    如何映射…；研究量子机器学习相对于…的优势; 利用人工智能技术实现远程诊断…，利用平台整合….

    A word both share inside them does not make a frame unless it stands at the same
    place after the opening: 面向云端训练的开源开发平台…，面向终端执行的开源开发平台…
    is a pair; 建设一批人工智能实训基地，建设结构优化务实高效的人工智能人才梯队 is not.
    Still pairs: short clauses (推动深度融合，推动深化应用), an opening of three or more
    characters, or an opening with a shared ending (规范了…的要求 ×2: a frame).
    """
    if level == "phrase" or template.suffix:
        return False
    prefix = _effective_prefix(template, level)
    if len(prefix) != 2 or max(len(c) for c in carriers) <= OPENING_PAIR_LENGTH:
        return False
    if template.infix:
        places = [c.find(template.infix, len(prefix)) for c in carriers]
        return min(places) < 0 or max(places) - min(places) > 2
    return True


def _aligned_slots(carriers: list[str]) -> int:
    """How many places hold one character in every carrier (carriers of one length only)."""
    length = len(carriers[0])
    if any(len(c) != length for c in carriers):
        return 0
    return sum(1 for slot in zip(*carriers, strict=True) if len(set(slot)) == 1)


#: the longest condition a case frame's ；-piece opens with
CASE_LENGTH = 12


def rule_case_frame(carriers: list[str]) -> bool:
    """Three or more ；-pieces that each open with a short condition ending in 的, the case
    frame of normative text: 尚未招标的，要…；正在建设的，要…；已完成示范建设的，要….

    ``carriers`` are the pieces' first clauses (at most ``CASE_LENGTH`` characters); the
    group's members are the whole pieces. Not two pieces; not long clauses that end in 的.
    """
    return len(carriers) >= 3 and all(c.endswith("的") and len(c) <= CASE_LENGTH for c in carriers)


#: a number in digits (``_DIGIT_RE``) or in Chinese numerals (``_COUNT_RE``), found by one search
_NUMBER_RE = re.compile(f"{_DIGIT_RE.pattern}|{_COUNT_RE.pattern}")
#: the numerals of ``_COUNT_RE`` (the kernel reads its digits 0-9, ０-９ itself)
_NUMERALS = COUNT_NUMERALS + "○"
#: the characters a ``_NUMBER_RE`` match opens with: one class, which the regex engine skips
#: to directly, where the alternation is tried at every place (``has_number``)
_NUMBER_START_RE = re.compile(f"[0-9０-９{_NUMERALS}]")


def has_number(text: str) -> bool:
    """Whether ``_NUMBER_RE`` finds a number in ``text`` (tried only where a digit or a
    numeral stands): the kernel's one pass where it was built."""
    if _HAS_NUMBER is not None:
        return _HAS_NUMBER(text, _NUMERALS, "年")
    return has_number_python(text)


def has_number_python(text: str) -> bool:
    """``has_number`` by the regex: the definition that the kernel's ``has_number``
    follows (``tests/test_parallel_kernel.py``)."""
    return match_at_openings(_NUMBER_START_RE, _NUMBER_RE, text, 0, len(text)) is not None


_HAS_NUMBER = compiled_kernel("has_number")


def rule_statistics(carriers: list[str]) -> bool:
    """Most members (two or more) hold a number: figures, not rhetoric (their score is cut).

    Numbers in digits (7个盟市接通高铁、所有盟市…) or in Chinese numerals of two
    characters or more (四十斤、六十斤、八十斤; 有四十五个县…，有五十五个县…). Not the
    one-character numerals of formulas: “三个离不开”、“四个与共”、“五个认同”. In three
    members or more a number counts only where it opens or closes its member
    (``rule_figure_member``), not as a specification inside a name: 全球首台25兆瓦级风电
    主轴轴承、全球最高10米液压支架、全球最大直径竖井掘进机; in a pair, anywhere (城镇新增
    就业265.15万人，城镇调查失业率连续5年低于全国水平).
    """
    if not has_number("".join(carriers)):
        return False  # the usual case, decided by one search
    holds = has_number if len(carriers) == 2 else rule_figure_member
    counted = sum(1 for c in carriers if holds(c))
    return counted >= max(2, len(carriers) // 2 + 1)


#: how far into its member a figure may open (有四十五个县, 超30万人) or how many
#: characters of its unit may follow it (…1.8亿人次, …增长6.5%左右, 减少2.5个百分点)
FIGURE_EDGE = 2
FIGURE_UNIT = 4


def rule_figure_member(carrier: str) -> bool:
    """A member that states a figure: a number at its opening (7个盟市接通高铁, 有四十五
    个县) or at its closing, before a unit at most (财政总收入7019亿元, 工业投资增长13.3%).
    Not a number inside a name or description: 全球首台25兆瓦级风电主轴轴承,
    全球最高10米液压支架."""
    for match in _NUMBER_RE.finditer(carrier):
        if match.start() <= FIGURE_EDGE:
            return True
        end = match.end()
        while end < len(carrier) and _NUMBER_RE.match(carrier, end):
            end += 1  # 6.66: digits and their point read as one number
        if len(carrier) - end <= FIGURE_UNIT:
            return True
    return False


def rule_numbers_only(template: Template, carriers: list[str]) -> bool:
    """Members that differ only in a numeral are ordinals or counts, not a template:
    十九届二中、三中、四中全会; 一年、两年、三年."""
    prefix, suffix = len(template.prefix), len(template.suffix)
    for carrier in carriers:
        varying = carrier[prefix : len(carrier) - suffix]
        if not varying or varying.strip(COUNT_NUMERALS):
            return False  # the usual case: the first carrier varies in more than a numeral
    return True


# --- rules of the precision audits on normative documents and report prose (issue 19) ---


#: adverbs of a statement of progress (…初步建立, …不断完善, …显著提高)
STATUS_ADVERBS = frozenset(
    [
        "不断",
        "日益",
        "初步",
        "基本",
        "显著",
        "明显",
        "有序",
        "稳步",
        "持续",
        "逐步",
        "大幅",
        "全面",
        "普遍",
        "加快",
        "深入",
        "更加",
        "有效",
        "广泛",
        "总体",
        "快速",
        "迅速",
        "进一步",
        "已经",
    ]
)


def _states_progress(carrier: str) -> bool:
    """A clause ending in an adverb of progress and a two-character verb: …水平显著提高."""
    return carrier[-4:-2] in STATUS_ADVERBS or carrier[-5:-2] in STATUS_ADVERBS


def rule_status_pair(template: Template, carriers: list[str], level: str) -> bool:
    """Two statements of progress that share only their subject's opening are no pair:
    信息技术创新发展步伐不断加快，信息技术与产业融合日益深入; 智能航运法规框架…初步构建，
    智能航运发展的基础环境基本形成 (a passage about one topic names it twice).

    Still pairs: one adverb in one place (产业规模不断扩大，产业结构不断优化: the adverb is
    part of the template), three statements or more, statements that share their ending,
    short statements (债务成本持续降低，债务结构不断优化; 更加重要，更加迫切).
    """
    if level == "phrase" or len(carriers) != 2 or template.suffix or len(template.prefix) < 2:
        return False
    if max(len(c) for c in carriers) <= OPENING_PAIR_LENGTH:
        return False  # short: 债务成本持续降低，债务结构不断优化; 深入下层，深入群众
    if _weight(template.infix) >= 2:
        return False  # 产业规模不断扩大，产业结构不断优化
    return all(_states_progress(c) for c in carriers)


#: how many characters longer than its partner a 、-item must be to run on past the list:
#: into the predicate (a tail), or back into the verb that governs the list (a lead, where
#: two characters are a verb: 克服｜形式主义、官僚主义)
TAIL_RUN_ON = 3
LEAD_RUN_ON = 2


def at_clause_edge(view: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether the span ``start:end`` of ``view`` opens its clause (text start or a
    ``CLAUSE_EDGES`` mark before it) and whether it closes its clause (text end or such a
    mark after it), spaces skipped."""
    k = start - 1
    while k >= 0 and view[k] in INLINE_SPACES:
        k -= 1
    m = end
    while m < len(view) and view[m] in INLINE_SPACES:
        m += 1
    return k < 0 or view[k] in CLAUSE_EDGES, m >= len(view) or view[m] in CLAUSE_EDGES


def rule_clause_lead_pair(members: list[str], level: str, opens_clause: bool) -> bool:
    """A 、-pair whose first item opens its clause, the items opening differently and the
    first the longer, has the clause's lead (its verb, adverb or subject) inside the first
    member: no pair, its edges are wrong (half A reports, rep24: 推出一批非遗夜市、中医药
    文化夜市; 高质量运营国家区域医疗中心、省级区域（专科）医疗中心; 继续整顿和规范农资市场、
    建筑市场…; 我们统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局; 同霸权主义、
    扩张主义). Not: items of one length (稳住传统市场、开拓新兴市场; 化解过剩产能、淘汰
    落后产能), a shorter first (居民收入增长和经济增长同步、劳动报酬提高和…同步), a shared
    opening (唯有实干、唯有奋斗), a first cut after its lead (积极发展｜避暑旅居、康养旅居)."""
    if level != "phrase" or len(members) != 2 or not opens_clause:
        return False
    first, second = members
    return first[:1] != second[:1] and len(first) > len(second)


#: how many characters longer than the first a second 、-item closing its clause must be to
#: run on past the first's ending (官僚主义｜严重: two characters, a predicate)
CLAUSE_RUN_ON = 2
#: how many times as long as the first a second 、-item sharing only its opening must be to
#: run on (平等参与、平等发展权利: 6 against 4)
RUN_ON_RATIO = 1.5


def rule_clause_run_on_pair(members: list[str], level: str, closes_clause: bool) -> bool:
    """A 、-pair whose second item closes its clause and runs on past the first's ending
    holds the clause's predicate in its second member: no pair. Runs on: the first's last
    two characters recur in the second before its end, the second ``CLAUSE_RUN_ON`` or
    more characters longer; or the items share their opening, not their ending, and the
    second is ``RUN_ON_RATIO`` times as long (half A reports, rep24: 形式主义、官僚主义
    严重; 保护主义、单边主义加剧; 以企观政、以农观政改作风; 凤凰机场三期、博鳌机场
    三期完工; 区域协调发展战略、区域重大战略深入实施; 党的学说、党的作风真正传下去;
    平等参与、平等发展权利; 不稳定、不确定因素依然很多). Not: the ending at the
    second's end (谁要享受劳动的权利、从社会领取工资的权利), items about one long
    (生产关系和生产力之间、上层建筑和经济基础之间)."""
    if level != "phrase" or len(members) != 2 or not closes_clause:
        return False
    first, second = members
    if len(first) < 2 or len(second) - len(first) < CLAUSE_RUN_ON:
        return False
    shared_opening = second[:1] == first[:1] and second[-1:] != first[-1:]
    if shared_opening and len(second) >= RUN_ON_RATIO * len(first):
        # an opening shared, no ending: a second half as long again runs on past the
        # first's slot (党的学说、党的作风真正传下去), one about as long is its own item
        # (高于全国平均水平、高于城镇居民收入增速; 以改革开放为动力、以人力人才资源为支撑)
        return True
    at = second.rfind(first[-2:])
    return at >= 0 and at + 2 < len(second)


def rule_run_on_pair(template: Template, members: list[str], level: str) -> bool:
    """Two 、-items held by one shared side, the other side longer, are no pair: the longer
    one runs on past the list.

    Only an opening shared, and the second three or more characters longer: it runs on
    into the predicate (重点人群、重点
    地区就业工作; 老旧街区、老旧厂区更新改造; 数据验证、数据分析处理工作; 申报条件、申报材料
    是否齐全; 重要讲话、重要指示批示精神). Only an ending shared, the first two or more
    characters longer: it carries the verb that governs both (要力戒形式主义、官僚主义;
    克服形式主义、官僚主义; 加快智能电网、微电网; 弘扬科学家精神、劳模精神).
    Still pairs: both sides shared (国家服务贸易创新发展示范区、国家数字贸易示范区), a frame:
    an inner word of three characters or more (对马克思主义的坚定信仰、对中国特色社会主义的
    坚定信念) or a leading word with an inner word (从点状监测向连续监测、从短流程管理向长流程
    管理转变), items of about one length (数据采集存储、数据分析应用; 示范村、示范片区; 绿色
    建筑、绿色快递包装; 远程会诊、远程康复指导), an
    opening that holds a verb or a particle (之所以完全正确、之所以能够引领…; 化解在基层、化解
    在萌芽状态; 谁反对毛主席、谁反对毛泽东思想: an anaphora, not a noun), three or more items.
    """
    if level != "phrase" or len(members) != 2 or len(template.infix) >= 3:
        return False
    prefix = template.prefix
    if template.infix and prefix in LEADING_WORDS:
        return False  # a frame: 从…向…
    first, second = (len(m) for m in members)
    if prefix and not template.suffix:
        if prefix in LEADING_WORDS or any(c in FUNCTION_CHARS for c in prefix[1:]):
            return False  # an anaphora: 化解在基层、化解在萌芽状态 (but 被压迫人民、被压迫…)
        return second - first >= TAIL_RUN_ON
    if template.suffix and not prefix:
        return first - second >= LEAD_RUN_ON
    return False


#: endings of the names of events, fairs, festivals and contests: 杭州亚运会, 中国国际进口
#: 博览会, 国际武当太极文化节, 世界青年发展论坛, 人工智能创新创业大赛
EVENT_ENDINGS = (
    "运动会",
    "奥运会",
    "残奥会",
    "亚运会",
    "特奥会",
    "博览会",
    "交易会",
    "展览会",
    "洽谈会",
    "推介会",
    "发布会",
    "研讨会",
    "交流会",
    "文化节",
    "艺术节",
    "旅游节",
    "电影节",
    "锦标赛",
    "大会",
    "峰会",
    "论坛",
    "大赛",
    "年会",
    "联赛",
)
#: an edition's ordinal opening a name: 第十六届运动会, 第三届中国国际进口博览会
_EDITION = re.compile(f"第[{COUNT_NUMERALS}0-9]+届")
#: verbs that open a clause about events rather than a name of one: 办好论坛, 举办大会
_EVENT_VERBS = frozenset(["举办", "办好", "开好", "召开", "组织", "参加", "承办", "筹办"])


def rule_is_event(member: str) -> bool:
    """The name of an event, a fair, a festival or a contest: 巴黎奥运会, 中国国际服务贸易
    交易会, 屈原故里端午文化节, 第七届残特奥会, 人才创业大赛. Not: kinds of event (展览会),
    a verb on an event (举办高峰论坛), a description (是一个团结的大会), 学术交流, 文化节目.
    """
    if _EDITION.match(member):
        return True
    if not member.endswith(EVENT_ENDINGS):
        return False  # the usual case, asked once for every ending
    end = next((e for e in EVENT_ENDINGS if member.endswith(e)), "")
    # a name before the ending: two characters before a three-character ending (巴黎奥运会),
    # three before a two-character one (not 高峰论坛)
    if not end or len(member) - len(end) < max(2, 5 - len(end)) or member[:2] in _EVENT_VERBS:
        return False
    return "的" not in member and member[:1] not in LEADING_WORDS


def rule_event_list(members: list[str]) -> bool:
    """A list of named events is no group, however alike their names: 巴黎奥运会、东京残奥会、
    杭州亚运会; 中国国际中小企业博览会、中国（四川）中小微企业云服务大会、中国数字经济高端
    峰会; 第十七届运动会、第十届民族传统体育运动会和第二届残特奥运动会 (most members name
    events). Not: 是一个朝气蓬勃的大会、是一个团结的大会、是一个胜利的大会."""
    return 2 * sum(1 for m in members if rule_is_event(m)) > len(members)


#: verbs that govern a list from inside its first item: 突破｜半物理环境测试、跨域协同测试
GOVERNING_VERBS = (
    "利用",
    "给予",
    "促进",
    "推动",
    "推进",
    "加快",
    "加强",
    "支持",
    "鼓励",
    "开展",
    "实施",
    "做好",
    "突破",
    "使用",
    "采用",
    "应用",
    "提供",
    "引进",
    "推广",
)
#: modals before a governing verb: 应使用｜办公自动化软件
_MODALS = frozenset("应须要需可")


def rule_lead_pair(template: Template, carriers: list[str], level: str) -> bool:
    """Two 、-items whose first opens with the verb that governs both have a member that
    is no item: 应使用办公自动化软件、专业财务管理软件; 突破半物理环境测试、跨域协同测试等
    技术; 给予产能置换、矿井产能核增支持 (the group's edges are wrong).

    Still pairs: both items open with a verb (推进工业化、提升信息化; 推动集群上网、促进集群
    生态化), the verb shared (推动深度融合、推动深化应用), noun items (发展取得的
    历史性成就、发生的历史性变革: 发展 is no verb here, and no governing verb is listed)."""
    if level != "phrase" or len(carriers) != 2:
        return False
    first, second = carriers
    head = first[1:] if first[:1] in _MODALS else first
    if not head.startswith(GOVERNING_VERBS) or len(head) - 2 < 2:
        return False
    opens = second[1:] if second[:1] in _MODALS else second
    return not opens.startswith((*GOVERNING_VERBS, head[:2])) and not _leads_verb(opens)


def _leads_verb(item: str) -> bool:
    """Whether an item opens with a verb of the lead words (推动, 加快 …) or a leading
    character (是, 有, 在 …): 推进工业化、提升信息化 are both verb phrases."""
    from .grouping import LEAD_WORDS  # the lead words of member edges, one definition

    return item.startswith(LEAD_WORDS) or item[:1] in LEADING_WORDS


#: endings of the names of programmes, projects and plans: 国家重点研发计划, 国家重大科技项目,
#: 国家下一代互联网应用示范工程
PROGRAMME_ENDINGS = ("计划", "工程", "专项", "项目")


def rule_is_programme(member: str) -> bool:
    """The name of a national programme, project or plan: 国家重大科技项目, 国家重点研发计划,
    交通运输领域国家物联网应用示范工程. Not: 深入开展集成电路“强芯”工程 (no 国家: a
    campaign the text runs), 实施国家战略 (no programme ending)."""
    return member.endswith(PROGRAMME_ENDINGS) and "国家" in member


def rule_programme_list(members: list[str], level: str) -> bool:
    """A 、-list most of whose items are national programmes is a list of names, no group:
    国家重大科技项目、国家重点研发计划; 加快推进物流公共信息服务示范工程、交通运输领域国家物联网
    应用示范工程、国家高分辨率对地观测系统应用示范工程和国家下一代互联网应用示范工程.

    Not: clauses that each run a campaign (深入开展集成电路“强芯”工程，…深入开展先进计算
    “固链”工程); 国家标准、行业标准、团体标准.
    """
    if level != "phrase":
        return False
    return 2 * sum(1 for m in members if rule_is_programme(m)) > len(members)


def rule_audited_pair(template: Template, members: list[str], level: str) -> bool:
    """The rules written from the precision audit on normative documents (issue 19): a pair
    of two statements of progress, a 、-pair that runs on or whose first item holds the
    verb."""
    return (
        rule_status_pair(template, members, level)
        or rule_run_on_pair(template, members, level)
        or rule_lead_pair(template, members, level)
    )


#: the longest verb before a quoted formula in ``rule_quoted_formula_slot`` (突出抓好)
FORMULA_LEAD = 4
_QUOTED_FORMULA = re.compile(
    f'({HAN_CHAR}{{0,{FORMULA_LEAD}}})[“「『‘"]({HAN_CHAR}{{2,8}})[”」』’"]?'
)


def rule_quoted_formula_slot(carriers: list[str]) -> bool:
    """Three or more clauses or items, each a short verb (four characters at most) and one
    quoted numbered formula, are parallel by that slot, whatever the verbs and numerals:
    增强“四个意识”，坚定“四个自信”，做到“两个维护”; 全面实施“五大战略”，大力发展“十个
    重点产业”，突出抓好“六个产业集群”; 加快建设“六个龙江”、推进“八个振兴”、…

    A lead before the first verb is cut off where the others show the slot (我们要｜增强…).
    Not: two of them (a pair needs its own evidence); a quoted term that counts no set
    (实现“十五五”良好开局: no formula; 打造“桥头堡”); anything after the closing mark (a
    unit's carrier ends before it or with it).
    """
    if len(carriers) < 3:
        return False
    for carrier in carriers:
        match = _QUOTED_FORMULA.fullmatch(carrier)
        if match is None or not rule_is_formula(match.group(2)):
            return False
    return True


#: endings of the names of collectives a report addresses or lists: 各民主党派, 各人民团体,
#: 各界人士, 台湾同胞, 海外侨胞, 国际友人
COLLECTIVE_ENDINGS = ("党派", "团体", "人士", "同胞", "侨胞", "友人")


def rule_collective_list(members: list[str], level: str) -> bool:
    """A 、-list of collectives of people (parties, associations, compatriots) is a list of
    names, no group: 各民主党派、各人民团体和各界人士; 台湾同胞、港澳同胞和海外侨胞;
    香港特别行政区同胞、澳门特别行政区同胞和台湾同胞 (most items end so).

    Not: clauses that address them by a frame (向各族人民…，向各民主党派…各界人士，向…
    国际友人); 新经济组织、新社会组织、新就业群体; 组织群众、宣传群众、凝聚群众.
    """
    if level != "phrase":
        return False
    return 2 * sum(1 for m in members if m.endswith(COLLECTIVE_ENDINGS)) > len(members)


#: determiners that range over bodies of people: 各 (each), 全 (the whole), 我 (our)
BODY_DETERMINERS = frozenset("各全我")
#: bodies of people of one character after a determiner: 全党, 全军, 全国, 各族, 各界, 我党
BODY_CHARS = frozenset("党军国族界")
#: bodies of people of two characters after a determiner: 各地区, 各部门, 各单位, 全社会
BODY_WORDS = frozenset(["地区", "地方", "部门", "单位", "企业", "民族", "阶层", "社会", "人民"])


def _is_body(rest: str) -> bool:
    """Whether what follows a determiner names a body of people: a body character or word,
    a collective or an agency collective (民主党派, 人民团体, 界人士, 有关部门)."""
    return (
        rest in BODY_CHARS
        or rest in BODY_WORDS
        or rest.endswith(COLLECTIVE_ENDINGS)
        or rest.endswith(AGENCY_COLLECTIVES)
    )


def rule_body_list(members: list[str]) -> bool:
    """Items that each put one determiner (``BODY_DETERMINERS``) before a body of people
    are the bodies a call or a thanks addresses, a list of names, no group: 全党全军全国;
    我党我军我国; 各地区、各部门、各单位; 各民族、各阶层、各界人士 (half A reports, rep25:
    the most frequent wrong group of whole reports). Not: 全域全时全行业, 各尽其能、各得其所
    (no bodies after the determiner), 每一点进步、每一项成就."""
    first = members[0][:1]
    if first not in BODY_DETERMINERS or any(m[:1] != first for m in members):
        return False
    return 2 * sum(1 for m in members if _is_body(m[1:])) > len(members)


#: one-character heads of geographic names: rivers, lakes, mountains, islands (长江, 淮河,
#: 太湖, 泰山, 东山岛)
GEOGRAPHIC_HEADS = frozenset("江河湖山岛")


def rule_geographic_names(members: list[str], level: str) -> bool:
    """Three or more items of two characters that share only a geographic head
    (``GEOGRAPHIC_HEADS``) are the names of rivers, lakes or mountains, a list of place names,
    no group: 长江、汉江、清江; 韩江榕江练江; 淮河海河辽河 (half A reports, rep25). Not: 大江
    大河大湖 (a shared opening, the heads differ)."""
    if level != "phrase" or len(members) < 3 or any(len(m) != 2 for m in members):
        return False
    head = members[0][1]
    return (
        head in GEOGRAPHIC_HEADS
        and all(m[1] == head for m in members)
        and (len({m[0] for m in members}) == len(members))
    )


def _word_at(member: str, at: int) -> str:
    """A word of two or three characters of the word table that holds the character at
    ``at``: one that opens there first (基｜础 before 打基), the shorter first, or ``""``."""
    words = _words()
    for size in (2, 3):
        if member[at : at + size] in words and at + size <= len(member):
            return member[at : at + size]
    for size in (2, 3):
        for a in range(at - size + 1, at):
            if a >= 0 and a + size <= len(member) and member[a : a + size] in words:
                return member[a : a + size]
    return ""


def rule_stray_infix(template: Template, members: list[str]) -> bool:
    """Three or more members whose only shared material is one character that stands at
    different places in them (neither the same distance from their openings nor from their
    endings) and inside two or more different words, not opening each of them, share an
    accident, no template (half A reports, rep25): 加强龙头企业、专精特新企业、生产性服务业、
    高层次创新创业团队 (企业, 服务业, 创业); 加强政府立法，规范行政执法，完善行政监督 (政府,
    行政). Kept: 民族和睦、宗教和顺、社会和谐 (one place); 任何人、任何组织…、在任何时候 (one
    word: 任何); 抓基层，打基础，苦练基本功 (the character opens every word: one morpheme)."""
    if template.prefix or template.suffix or len(template.infix) != 1 or len(members) < 3:
        return False
    char = template.infix
    places = [m.find(char) for m in members]
    if min(places) < 0 or len(set(places)) == 1:
        return False
    if len({len(m) - p for m, p in zip(members, places, strict=True)}) == 1:
        return False
    if _one_place(char, members):
        return False  # a later occurrence stands at one place: 科技创新能级迈上｜新｜台阶
    found = [(_word_at(m, p), m, p) for m, p in zip(members, places, strict=True)]
    words = {w for w, _, _ in found if w}
    if len(words) < 2:
        return False
    # the character opening every word is one morpheme echoed (抓基层，打基础，苦练基本功)
    return not all(w and m.startswith(w, p) for w, m, p in found)


def _one_place(char: str, members: list[str]) -> bool:
    """Whether ``char`` stands in every member at one distance from its opening or from
    its ending, wherever else it also stands (its first place may differ: 科技创新能级迈上
    新台阶 beside 深化改革开放取得新突破)."""
    shortest = min(map(len, members))
    for at in range(shortest):
        if all(m[at] == char for m in members) or all(m[-1 - at] == char for m in members):
            return True
    return False


#: words that open an elaboration of the item before, not another item: 特别是, 尤其是
ELABORATION_LEADS = ("特别是", "尤其是", "特别要", "尤其要", "特别在", "尤其在")


def rule_elaboration_member(members: list[str]) -> bool:
    """A member after the first that opens with 特别是 (尤其是 …) narrows the one before
    it and is no item of a group: 这是全国人民的任务，特别是工人和农民的任务; 帝国主义
    之间的矛盾，特别是美法之间的矛盾; 全面提高各级各类学校的教育质量，特别是中小学阶段的
    教育质量; 有一些工农业产品，特别是有一些农业产品.

    Not when the first member opens with it too (the lead is the template: 特别是要…，
    特别是要…), nor a first member led by it (特别是｜微电子技术、信息技术: the lead is cut
    off the member, see ``_drop_sentence_lead``).
    """
    first = members[0]
    return any(m.startswith(ELABORATION_LEADS) and not first.startswith(m[:3]) for m in members[1:])


#: the shortest and longest first clause ``rule_ending_heads`` reads as a heading
HEAD_SHORTEST = 5
HEAD_LONGEST = 12


def rule_ending_heads(template: Template, carriers: list[str], level: str) -> bool:
    """Three or more sentences or ；-pieces whose first clauses (``carriers``) share only
    their ending, a word of two content characters or more, after different verbs or
    qualifiers, are parallel by that ending: 稳定基础设施投资，…。扩大制造业投资，…。促进
    新兴领域投资，…; 推进集体林权制度改革，…。深化农村综合改革，…。加快乡镇机构改革，…
    (the members are the first clauses).

    Not: two of them; a one-character or function-word ending (…的原则, …工作的); first
    clauses under ``HEAD_SHORTEST`` characters (topic labels: 电力工业，…。钢铁工业，…;
    教育方面，…) or over ``HEAD_LONGEST``; clauses that hold a number (statistics:
    棉纱产量286.5万吨) or a 、-list (煤炭、石油工业); clauses, whose shared ending
    the clause rules weigh.
    """
    if level not in ("sentence", "semicolon") or len(carriers) < 3 or template.prefix:
        return False
    suffix = template.suffix
    if len(suffix) < 2 or any(c in FUNCTION_CHARS for c in suffix) or _weight(suffix) < 2:
        return False
    return _heading_clauses(carriers)


def _heading_clauses(carriers: list[str]) -> bool:
    """Whether every first clause may be read as a heading by ``rule_ending_heads`` and
    ``rule_even_heads``: ``HEAD_SHORTEST`` to ``HEAD_LONGEST`` characters, no 、-list, no
    number, no numbered (六是…) or subject (我们…) opening."""
    for carrier in carriers:  # a loop, not all(): the compiled twin makes no generator
        if not HEAD_SHORTEST <= len(carrier) <= HEAD_LONGEST or "、" in carrier:
            return False
        if carrier[1:2] == "是" or carrier.startswith(_SUBJECT_OPENINGS):
            return False  # a numbered heading (六是…) or a statement (我们不失时机地推进改革)
        if has_number(carrier):
            return False
    return True


def rule_even_heads(template: Template, carriers: list[str], level: str) -> bool:
    """Three or more sentences or ；-pieces whose first clauses (``carriers``) have one
    length and share two content characters or more slot by slot, but not their
    opening, are parallel by that shape: 落实消费政策，…。提升消费供给，…。优化消费环境，…;
    发展质量有新的提升，…。人民生活有新的改善，…。改革开放有新的突破，… (the members are
    the first clauses; a shared opening is ``template``'s, a shared ending
    ``rule_ending_heads``'s).

    Not: two of them; first clauses of different lengths; the same limits as
    ``rule_ending_heads`` (``HEAD_SHORTEST`` to ``HEAD_LONGEST`` characters, no number,
    no 、-list, no 六是/subject opening); a shared opening (the prefix rules decide).
    """
    if level not in ("sentence", "semicolon") or len(carriers) < 3 or template.prefix:
        return False
    length = len(carriers[0])
    for carrier in carriers:  # a loop, not all(): the compiled twin makes no generator
        if len(carrier) != length or "、" in carrier or carrier[0] != carriers[0][0]:
            break
    else:
        return False  # one opening: the prefix rules decide
    for carrier in carriers:
        if len(carrier) != length:
            return False
    return _heading_clauses(carriers) and aligned_strength(carriers) >= 2


#: the longest first clause ``rule_slot_heads`` reads as a heading (a subject, a verb and
#: its object: 区域协调发展格局呈现新气象)
SLOT_HEAD_LONGEST = 16


def rule_slot_heads(template: Template, carriers: list[str], level: str) -> bool:
    """Three or more sentences or ；-pieces whose first clauses (``carriers``) end alike
    in shape: one shared content character at one place, the third from the end, before
    a two-character word that varies, after different subjects and verbs: 深化改革开放
    取得新突破，…；经济发展质效实现新跨越，…；科技创新能级迈上新台阶，… (the slot is a
    frame, 取得/实现/迈上｜新｜X; the members are the first clauses).

    Not: two of them; a shared ending of two characters or more (``rule_ending_heads``);
    a function character in the slot (…工作的开展); first clauses under ``HEAD_SHORTEST``
    or over ``SLOT_HEAD_LONGEST`` characters, holding a number or a 、-list, or opening
    as a statement (我们…) or a numbered heading (六是…); a slot that closes a word of the
    word table with the character before it (活化利用文化遗产。扩大优质文化供给。推动体育
    文化振兴: headings sharing a topic word).
    """
    if level not in ("sentence", "semicolon") or len(carriers) < 3 or template.prefix:
        return False
    slot = carriers[0][-3:-2]
    if not slot or slot in FUNCTION_CHARS or _weight(slot) < 1:
        return False
    words = _words()
    for carrier in carriers:  # a loop, not all(): the compiled twin makes no generator
        if carrier[-3:-2] != slot or not HEAD_SHORTEST <= len(carrier) <= SLOT_HEAD_LONGEST:
            return False
        if "、" in carrier or carrier[1:2] == "是" or carrier.startswith(_SUBJECT_OPENINGS):
            return False
        if has_number(carrier) or carrier[-4:-2] in words:
            return False  # 文化遗产, 文化供给: the slot closes a word shared, not a frame
    return len({carrier[-2:] for carrier in carriers}) == len(carriers)


def heads_alike(template: Template, carriers: list[str], level: str) -> bool:
    """``rule_ending_heads``, ``rule_even_heads`` or ``rule_slot_heads``: first clauses
    parallel by their ending, by one shape or by one slot before their last word, the
    members being those clauses."""
    return (
        rule_ending_heads(template, carriers, level)
        or rule_even_heads(template, carriers, level)
        or rule_slot_heads(template, carriers, level)
    )


#: marks that close the clause before a shared last clause
_CLAUSE_BEFORE = "，,：:"


def rule_epistrophe(template: Template, carriers: list[str], level: str) -> bool:
    """Three or more whole sentences (``carriers``) whose last clauses are the same are
    parallel by that clause: 我代表国务院，向…，表示诚挚感谢！向…，表示诚挚感谢！向…，
    表示诚挚感谢！ (members: the sentences).

    Not: two sentences; a shared last clause under three characters or of function
    words; sentences that only end on one word (…从改良农具、半机械化到机械化。…实行半
    机械化和机械化。: no clause of its own); sentences that hold numbers (…的投资限额为
    六百万元；…为三百万元). First clauses never share a clause mark, so the rule holds
    only where whole sentences are compared.
    """
    if level != "sentence" or len(carriers) < 3 or template.prefix:
        return False
    suffix = template.suffix
    ending = suffix.lstrip(_CLAUSE_BEFORE)
    if ending == suffix or len(ending) < 3 or _weight(ending) < 2:
        return False
    return not has_number("".join(carriers))


#: words that link a clause to the one before it rather than open another item of a
#: series (…，从而…; …，实际上…), and never open the second of a pair
UNPAIRED_LINKS = (
    "实际上",
    "也就是",
    "从而",
    "因而",
    "因此",
    "所以",
    "于是",
    "甚至",
    "即使",
    "因为",
)
#: linking words that may open the second of a pair: they answer a first half (不但…，
#: 而且…; 不是…，而是…; 既…，同时…) or set two sides against each other (并不能促进生产，
#: 而只能妨碍生产); the one-character ones last, so that the longest word is found first
PAIRED_LINKS = (
    "并且",
    "而且",
    "而是",
    "但是",
    "然而",
    "不过",
    "可是",
    "同时",
    "不但",
    "不仅",
    "进而",
    "就是",
    "而",
    "但",
)
LINKING_WORDS = UNPAIRED_LINKS + PAIRED_LINKS
#: openings of a first half that a linking word answers: 不但…而且, 不是…而是, 既…同时;
#: 是 only before 而 (是…，而不是…)
FIRST_HALVES = ("不但", "不仅", "不只", "不光", "不是", "既", "虽然", "尽管", "一方面")
#: a negation after 而 sets the member against the one before, a frame of its own:
#: 只能一切从…实际出发，而不能从主观愿望出发，不能从…出发
CONTRASTS = ("而不", "而非", "而没")
#: how far into a member the first half of a correlative may stand (问题｜不是…，而是…)
FIRST_HALF_REACH = 4


def rule_linked_member(members: list[str]) -> bool:
    """A member after the first that opens with a linking word (而, 从而, 实际上, 同时也,
    也就是, 即使 …) that no member before it prepares continues the clause before it: the
    group mixes a subject, its predicate and what follows. 人民生活改善的速度，决定于生产的
    发展速度，而其中消费资料生产的增长速度; 只有在共产党领导下起来进行革命，不但必须…，
    而且必须… (the pair 不但…，而且… is found without the first); 这里所说的农业生产净收入，
    不仅包括…的收入，同时也包括…的收入; 它们天天喊裁军，实际上天天在扩军; 我们不应该硬搬
    别国的经验，即使是他们成功的经验. Pairs only by the words of ``UNPAIRED_LINKS``. The
    members before it keep their group where they are two or more and hold a template of
    their own (``grouping._before_linked_member``: 读书是学习，使用也是学习｜，而且是更重要
    的学习).

    Not when a member before it opens with the same word (包括…，包括…) or the first half it
    answers (不是一小撮，而是一大片; 不仅是…的事情，而且是…的事情; 是社会主义的工业化，…，
    而不是资本主义的工业化); nor a pair joined by 而/而且/并且/同时/但 (不但可以…，而且可以…;
    并不能促进生产，而只能妨碍生产: two sides of one frame).
    """
    return linked_member_at(members) is not None


def linked_member_at(members: list[str]) -> int | None:
    """The index of the first member that ``rule_linked_member`` finds unprepared, or None."""
    links = LINKING_WORDS if len(members) >= 3 else UNPAIRED_LINKS
    for k in range(1, len(members)):
        if not members[k].startswith(links):
            continue  # the usual case, asked once for every word
        link = next((w for w in links if members[k].startswith(w)), None)
        if link is None or members[k].startswith(CONTRASTS):
            continue
        halves = (*FIRST_HALVES, "是") if link == "而" else FIRST_HALVES
        prepared = any(
            m.startswith(link) or 0 <= m.find(half) < FIRST_HALF_REACH
            for m in members[:k]
            for half in halves
        )
        if not prepared:
            return k
    return None


#: how far into the second member the copula of a predicate may stand (仍然是, 主要不是)
COPULA_REACH = 3
#: characters before the copula that add a second predicate or an alternative to the first
#: member (事关…，也是…; 无论在国内方面，或者是在国际方面): the first is no subject
ADDED_PREDICATE = frozenset("也又更还或者")


def rule_subject_and_predicate(members: list[str]) -> bool:
    """A first member with no 是 before a second whose opening word is a copula (是, 仍然是,
    决不是, 应该是, 主要不是, 这就是 …) is the subject of that predicate, no item of a series:
    社会主义社会的基本矛盾，仍然是生产关系和生产力之间的矛盾，…; 第一次无产阶级文化大革命的
    胜利结束，决不是阶级斗争的结束，决不是…的结束; 发展社会主义商品经济的过程，应该是建设
    社会主义民主政治的过程; 优先发展重工业的政策，是…的唯一正确的政策.

    Not: a first member that holds the copula too (是…，也是…; 这既是…，也是…), a second
    predicate or an alternative (事关各国人民的根本利益，也是各国人民的共同心愿; 无论在国内
    方面，或者是在国际方面), 是否 (把农民是否增加收入…: no copula), a copula further in.
    """
    if len(members) < 2 or "是" in members[0]:
        return False
    second = members[1]
    at = second.find("是")
    if at < 0 or at > COPULA_REACH or second[at + 1 : at + 2] == "否":
        return False
    return not ADDED_PREDICATE.intersection(second[:at])


#: prepositions that open an adverbial of time, place or condition: 在…下, 在…的同时, 当…时
ADVERBIAL_OPENERS = ("在", "当", "随着", "对于")


def rule_adverbial_sentences(template: Template, carriers: list[str], level: str) -> bool:
    """Two sentences whose first clauses are adverbials (在…下, 在…的同时, 当…时) held
    together only by their opening are no pair: 在社会主义制度下，…。在社会主义社会里，…;
    在清理仓库的同时，…。在清理仓库的时候，… (a passage returns to its setting).

    Still pairs: adverbials that share an ending or an inner word too (在思想上，…。在工作
    上，…; 从国际看，…。从国内看，…), openings that are no preposition (全面加强练兵备战。
    全面加强军事治理。), three sentences or more.
    """
    return (
        level == "sentence"
        and len(carriers) == 2
        and not (template.suffix or template.infix)
        and template.prefix.startswith(ADVERBIAL_OPENERS)
    )


#: the fewest characters of its own a sentence's first clause holds, beside the shared
#: material, to be the member itself (坚持依法治国: 4); with fewer it labels the sentence
LABEL_OPENING = 3


def rule_label_opening(heads: list[str], shared: tuple[str, ...]) -> bool:
    """Sentences compared by their first clauses, one of which is the shared material and at
    most two characters more, are members whole: that clause labels what follows (在思想上，
    …。在工作上，…; 就诊前，…。就诊中，…), it carries no template of its own.

    Not: first clauses with their own object (坚持人民主体地位，…。坚持依法治国，…; 加强对
    宪法和法律实施的监督，…), which are the members (the minimal unit of the template).
    """
    common = sum(len(part) for part in shared)
    return any(len(head) - common < LABEL_OPENING for head in heads)


#: the compass points that name regions: 粤东, 西北, 东部
COMPASS = frozenset("东西南北")


def rule_compass_regions(members: list[str], level: str) -> bool:
    """A 、-list of regions named by a compass point, each item of two or three characters
    holding one, is a list of place names, no group (prec20's audit): 粤东、粤西、粤北;
    西北、华北、东北; 东部、中部、西部 (中 stands for one among compass points). Not:
    东西南北 in longer items (东部地区率先发展…), items without a compass point (稳就业、
    稳企业、稳市场; 中部、中层)."""
    if level != "phrase" or len(members) < 2 or any(not 2 <= len(m) <= 3 for m in members):
        return False
    points = [sum(1 for c in m if c in COMPASS) for m in members]
    return all(p or "中" in m for p, m in zip(points, members, strict=True)) and any(points)
