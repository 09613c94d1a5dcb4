"""Slogans: quoted slogans and numbered formulas (三个代表, 五送) with their expansion.

* ``quoted`` — a short quotation that names a campaign or a motto (“送温暖”,
  “爱心助学”), or a quoted slogan sentence of short clauses (“全省创第一，中部
  进十强，全国争百强”); two characters only when they name their programme (“强芯”工程).
  Not reported speech (说：“…。”), not a quoted punctuation mark, not a single word in
  scare quotes, not a name in 《》, not a theme or an example (以“…”为主题, 以“…”为例).
  A bracketed insertion is read without it (“一区（县）一策”).
* ``numbered_formula`` — a numeral-led formula naming a fixed set (“三个代表”,
  “五送”, 两个维护, 八项规定, “一核两翼”, “五统一、一开放”): quoted ones by their form,
  unquoted ones from the lexicon of ``policytext/data/`` or, when a numeral and a
  classifier name a set by one of :data:`FORMULA_HEADS` or :data:`JOINT_HEADS` (三大改造,
  三面红旗, 三项基本原则, 五措并举), by their form. ``count`` is the value of the (first)
  numeral (三严三实 → 3, as the annotation conventions count); ``expansion`` lists its
  members when they follow within the sentence as a 、-list of as many items as the
  numerals state (三严三实: 6) (“五送”活动〈送政策、送技能、送维权、送安全、送健康〉).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

from .data import table_rows
from .layout import LayoutMode, mark_places, through_layout
from .results import Parallel, Slogan, Span, new_parallel, new_slogan
from .script import simplified_view
from .segment import match_at_openings, paragraphs_of, rule_paired_regions, sentences_of
from .validation import ensure_text
from .vocabulary import (
    COUNT_NUMERALS,
    HAN_CHAR,
    HAN_FIRST,
    HAN_LAST,
    PLUS_SIGNS,
    QUOTE_OPENERS,
    QUOTES,
)

#: numeral digits; 两 and 双 count 2, 〇/零 0
DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
#: numeral units
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
#: kept for callers of the first version: every single numeral character and its value
NUMERALS = {**{k: v for k, v in DIGITS.items() if v}, "十": 10}
#: reported speech: a verb of saying before a colon (指出：“…”), or 说/道 right before the quote
SPEECH = re.compile(r"(?:(?:指出|强调|表示|认为|提出|要求|号召|宣布)[：:]|[说道][：:]?)$")
MAX_SLOGAN = 16
MAX_CLAUSE = 8

_NUMERAL_CHARS = frozenset(COUNT_NUMERALS + "双")
_NUMERAL_RUN = re.compile(f"[{COUNT_NUMERALS}]+")
#: the marks a quoted slogan opens or closes with (the candidates of one scan)
_QUOTE_CHARS = "".join(QUOTES) + '"'
_QUOTE_CHAR = re.compile(f"[{re.escape(_QUOTE_CHARS)}]")
_CLAUSE_SPLIT = re.compile(r"[，,、；;\s\u3000]+")
#: the marks that part the members of a quoted slogan sentence (slogan_parallels)
_MEMBER_SPLIT = re.compile(r"[，,、；;]")
#: … and the marks above 、: where the slogan holds one, only they part its members
_TOP_SPLIT = re.compile(r"[，,；;]")
#: marks a slogan may hold besides Chinese, Latin letters and digits
_SLOGAN_MARKS = "·" + PLUS_SIGNS + "×－-/／"
#: a bracketed insertion inside a quotation, read without it: “一区（县）一策”, “混合现实（XR）+”
_INSERTION = re.compile(r"[（(][^（）()]{1,6}[）)]")
_EXPANSION_OPEN = "〈（(【《：:即"
#: a quotation whose marks do not match in kind: “筑巢" / "筑巢”
_MISMATCHED_QUOTE = re.compile(
    '[“「『]([^“”「」『』"\n]{1,16})["＂]|"([^“”「」『』"\n]{1,16})[”」』]'
)
#: the characters a ``_MISMATCHED_QUOTE`` match opens with (its alternation gives the regex
#: engine no first character to skip to), and the regex of one of them
_MISMATCH_OPENERS = '“「『"'
_MISMATCH_OPENER = re.compile(f"[{_MISMATCH_OPENERS}]")


def parse_numeral(text: str) -> int | None:
    """The value of a Chinese numeral: 二十二 → 22, 三十六 → 36, 两 → 2, 一百零五 → 105.

    None for anything that is not one numeral: a run of bare digits (九二, 十四五 —
    years and plan periods are read digit by digit), an empty string.
    """
    if not text or any(c not in DIGITS and c not in UNITS for c in text):
        return None
    total, section, digit, last_unit = 0, 0, None, None
    for char in text:
        if char in DIGITS:
            if digit is not None and digit != 0 and DIGITS[char] != 0:
                return None  # 九二, 四五: digits side by side
            digit = DIGITS[char]
            continue
        unit = UNITS[char]
        if last_unit is not None and unit >= last_unit and unit != 10000:
            return None  # 十十, 百千: units out of order
        if unit == 10000:
            section = (section + (digit or 0)) * unit
            total, section = total + section, 0
        else:
            section += (1 if digit is None else digit) * unit
        digit, last_unit = None, unit
    return total + section + (digit or 0)


#: words after a numeral that name an ordinal or a period, not a set: 二十大, 十九届, 第三次
_ORDINAL_WORDS = ("大", "届", "次", "号", "年", "月", "日", "岁", "点", "代")
#: units of measure after a numeral: a length, a weight or a sum, not a set (六尺巷, 三寸金莲)
_MEASURE_WORDS = (
    "尺",
    "寸",
    "丈",
    "米",
    "里",
    "斤",
    "亩",
    "吨",
    "元",
    "公里",
    "公斤",
    "小时",
    "分钟",
)
#: words whose numeral names no more items: unity (五位一体, 三证合一), degree and rank
#: (五个进一步到位, 四个第一, 统一, 唯一)
_NUMERAL_WORDS = (
    "一体",
    "合一",
    "归一",
    "一致",
    "进一步",
    "统一",
    "唯一",
    "之一",
    "第一",
    "一样",
    "一起",
    "一流",
    "一切",
    "同一",
    "单一",
    "一线",
)
#: numerals of magnitude, not of a count: 千万工程, 百千工程, 千兆城市, 百万英才
_MAGNITUDES = "百千万"
#: what a numeral above ten before it names: the ordinal of a congress or of games, not a
#: set (二十大, 十四运 the national games, 十五冬 the winter games, 十一艺 the art festival)
_EVENT_WORDS = ("大", "运", "冬", "艺")


def _in_numeral_word(formula: str, at: int) -> bool:
    """Whether the numeral at ``at`` belongs to a word of :data:`_NUMERAL_WORDS`."""
    for word in _NUMERAL_WORDS:
        found = formula.find(word, max(0, at - len(word) + 1), at + len(word))
        if 0 <= found <= at:
            return True
    return False


@lru_cache(maxsize=1)
def _hand_data() -> tuple[dict[str, tuple[int | None, tuple[str, ...]]], frozenset[str]]:
    """``numbered_formulas.txt``, written by the developers: ``{formula: (count, expansion)}``
    and the numeral-led names marked ``!`` that are not formulas."""
    data = resources.files("policytext.data").joinpath("numbered_formulas.txt")
    formulas: dict[str, tuple[int | None, tuple[str, ...]]] = {}
    not_formulas = set()
    for line in data.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("!"):
            not_formulas.add(line[1:].strip())
            continue
        fields = line.rstrip("\n").split("\t")
        count = int(fields[1]) if len(fields) > 1 and fields[1] else None
        expansion = tuple(fields[2].split("、")) if len(fields) > 2 and fields[2] else ()
        formulas[fields[0].strip()] = (count, expansion)
    return formulas, frozenset(not_formulas)


def hand_formulas() -> tuple[str, ...]:
    """The formulas written by the developers (``numbered_formulas.txt``), in file order."""
    return tuple(_hand_data()[0])


@lru_cache(maxsize=1)
def _formula_data() -> tuple[dict[str, tuple[int | None, tuple[str, ...]]], frozenset[str]]:
    """The formulas found without quotation marks (``{formula: (count, expansion)}``) and
    the numeral-led names that are not formulas.

    ``numbered_formulas.txt`` (written by the developers: counts, expansions and the
    names marked ``!``) overrides ``formula_lexicon.tsv`` (mined by ``tools.build_formulas``).
    """
    hand, not_formulas = _hand_data()
    formulas: dict[str, tuple[int | None, tuple[str, ...]]] = {}
    for formula, count, *_ in table_rows("formula_lexicon.tsv"):
        formulas[formula] = (int(count), ())
    formulas.update(hand)
    for name in not_formulas:
        formulas.pop(name, None)
    return formulas, not_formulas


@lru_cache(maxsize=1)
def formula_lexicon() -> tuple[str, ...]:
    """Unquoted numbered formulas, longest first (``policytext/data/numbered_formulas.txt``
    and ``formula_lexicon.tsv``)."""
    return tuple(sorted(_formula_data()[0], key=len, reverse=True))


@lru_cache(maxsize=1)
def _formula_lengths() -> tuple[int, ...]:
    """The lengths of the formulas of the lexicon, longest first."""
    return tuple(sorted({len(formula) for formula in formula_lexicon()}, reverse=True))


@lru_cache(maxsize=1)
def _formula_pairs() -> frozenset[str]:
    """The first two characters of the formulas of the lexicon (each has two or more)."""
    if min(_formula_lengths()) < 2:
        raise ValueError("a formula of the lexicon has fewer than two characters")
    return frozenset(formula[:2] for formula in formula_lexicon())


def _formula_spans(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the matches of ``_any_formula().finditer(view, start, end)``: at each
    first character of a formula past the last one found, the longest formula of the
    lexicon that starts there (the alternation lists them longest first)."""
    rank, lengths, pairs = _lexicon_rank(), _formula_lengths(), _formula_pairs()
    found = []
    after = start
    for at in mark_places(view, start, end, _formula_first_chars(), _formula_openings()):
        if at < after or at + 2 > end or view[at : at + 2] not in pairs:
            continue  # most first characters (numerals) open no formula
        for size in lengths:
            if at + size <= end and view[at : at + size] in rank:
                found.append((at, at + size))
                after = at + size
                break
    return found


@lru_cache(maxsize=1)
def _lexicon_rank() -> dict[str, int]:
    """Each formula's place in :func:`formula_lexicon` (longest first)."""
    return {formula: rank for rank, formula in enumerate(formula_lexicon())}


#: the heads of a numbered set found by its form, without the lexicon: 三大改造, 三面红旗,
#: 三项基本原则, 三大纪律, 八项注意, 两类矛盾, 三大差别, 十条方针, 两条战线, 三大战略
FORMULA_HEADS = (
    "原则",
    "红旗",
    "纪律",
    "注意",
    "改造",
    "差别",
    "方针",
    "运动",
    "战线",
    "矛盾",
    "战略",
)
#: the heads of a set of measures taken together, after a numeral and one character: 五措并举,
#: 三管齐下, 两翼齐飞, 双轮驱动
JOINT_HEADS = ("并举", "齐下", "齐发", "齐飞", "并进", "驱动")
#: a numeral of two to ten, a classifier of sets, at most two characters of modifier (基本,
#: 伟大革命) and a head of :data:`FORMULA_HEADS`; 路线 only after 条 (两条路线; 九大路线 is
#: the line of a congress); or a numeral (or 双), one character and a head of
#: :data:`JOINT_HEADS`
_NUMBERED_SET = re.compile(
    "[二两三四五六七八九十](?:[个项条大面类]"
    + HAN_CHAR
    + "{0,2}?(?:"
    + "|".join(FORMULA_HEADS)
    + ")|条路线)|[二两三四五六七八九十双]"
    + HAN_CHAR
    + "(?:"
    + "|".join(JOINT_HEADS)
    + ")"
)
#: what a numbered set's numeral does not follow: an ordinal, a date, a larger number
_NOT_BEFORE_SET = frozenset("第0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万几")


def rule_numbered_set(phrase: str) -> bool:
    """A numeral, a classifier and the head of a named set, found without the lexicon:
    三大改造, 三面红旗, 三项基本原则, 两类矛盾, 两条路线, or measures taken together: 五措并举,
    三管齐下, 双轮驱动 (not 三个方面, 九大路线, 十九条规定, 多措并举)."""
    return _NUMBERED_SET.fullmatch(phrase) is not None


#: the heads alone, what :func:`_numbered_sets` scans for (rarer than numerals, so quicker)
_SET_HEAD_LIST = (*FORMULA_HEADS, "路线", *JOINT_HEADS)
_SET_HEADS = re.compile("|".join(_SET_HEAD_LIST))
#: the heads as a set, and their first characters (as a string and its regex)
_HEAD_WORDS = frozenset(_SET_HEAD_LIST)
_HEAD_FIRSTS = "".join(sorted({head[0] for head in _HEAD_WORDS}))
_HEAD_FIRST = re.compile(f"[{_HEAD_FIRSTS}]")
#: every head has two characters and none ends with a character another opens with: two
#: heads never overlap, so the places of the heads are the matches ``finditer`` gives
_HEADS_APART = all(len(head) == 2 for head in _HEAD_WORDS) and not any(
    a[-1] == b[0] for a in _HEAD_WORDS for b in _HEAD_WORDS
)


def _set_heads(view: str, start: int, end: int) -> list[int]:
    """The starts of the matches of ``_SET_HEADS.finditer(view, start, end)``: the places of
    the heads' first characters that open a head (where ``_HEADS_APART``)."""
    if not _HEADS_APART:
        return [match.start() for match in _SET_HEADS.finditer(view, start, end)]
    if end - start < 2:
        return []
    return [
        at
        for at in mark_places(view, start, end - 1, _HEAD_FIRSTS, _HEAD_FIRST)
        if view[at : at + 2] in _HEAD_WORDS
    ]


def _numbered_sets(view: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of the numbered sets of ``view[start:end]`` by their form
    (:func:`rule_numbered_set`) whose numeral follows no ordinal, digit or numeral (十九条规定
    is an article's): found by their heads, then read back to the numeral."""
    end = len(view) if end is None else end
    found = []
    for head in _set_heads(view, start, end):
        head_end = head + 2
        for modifier in range(3):
            begin = head - 2 - modifier
            if begin < start:
                break
            if _NUMBERED_SET.fullmatch(view, begin, head_end):
                if not begin or view[begin - 1] not in _NOT_BEFORE_SET:
                    found.append((begin, head_end))
                break
    return found


@lru_cache(maxsize=1)
def _formula_starts() -> re.Pattern[str]:
    """Matches (empty) at every position where a formula starts, capturing the longest."""
    return re.compile("(?=(" + _any_formula().pattern + "))")


@lru_cache(maxsize=1)
def _formula_openings() -> re.Pattern[str]:
    """The first characters of the formulas of the lexicon, as one class, which the regex
    engine skips to directly (``_formula_matches``)."""
    return re.compile("[" + re.escape(_formula_first_chars()) + "]")


@lru_cache(maxsize=1)
def _formula_first_chars() -> str:
    """The first characters of the formulas of the lexicon, in order."""
    return "".join(sorted({f[0] for f in formula_lexicon()}))


def _formula_matches(view: str, start: int, end: int) -> list[re.Match[str]]:
    """The matches of :func:`_formula_starts` in ``view[start:end]``, as its ``finditer``
    gives them (one at each place a formula starts), its lookahead tried only where the
    first character of a formula stands."""
    openings, starts = _formula_openings(), _formula_starts()
    found = []
    while (match := match_at_openings(openings, starts, view, start, end)) is not None:
        found.append(match)
        start = match.start() + 1
    return found


@lru_cache(maxsize=1)
def _any_formula() -> re.Pattern[str]:
    """Matches where any formula of the lexicon occurs (a quick test before the lookup)."""
    return re.compile("|".join(re.escape(formula) for formula in formula_lexicon()))


def formula_count(formula: str) -> int | None:
    """The count of a formula, or None when it names no set: the value of its (first)
    numeral, the way ``../shared/ANNOTATION.md`` counts.

    二十二连丰 → 22, 三十六计 → 36, 两个维护 → 2, 双百方针 → 2, 三严三实 → 3,
    三去一降一补 → 3; a first numeral 一 gives way to the next (一国两制 → 2). Not sets:
    magnitudes (千万工程, 百千工程), plan periods and years read digit by digit (十四五,
    九二共识), ordinals of meetings (二十大, 十九届), names listed as such in the data
    file (四人帮). :func:`formula_members` counts the members the numerals state.
    """
    formulas, not_formulas = _formula_data()
    if formula in not_formulas:
        return None
    if _doubled(formula):
        return 2
    runs = _formula_runs(formula)
    if runs is None:
        listed = formulas.get(formula, (None, ()))[0]
        return listed
    values = [parse_numeral(match.group()) or 0 for match in runs]
    first = next((value for value in values if value >= 2), None)
    if values[0] == 1 and formula in formulas and formulas[formula][0] is not None:
        return formulas[formula][0]
    return first


def formula_members(formula: str) -> int | None:
    """How many members a formula's numerals state, or None when it names no set.

    The numeral's value (五送 → 5); formulas of several numbered parts add them up
    (三严三实 → 6, 三去一降一补 → 5) except a 一 of unity or degree (五位一体 → 5,
    五个进一步到位 → 5) or after a classifier (五个一工程 → 5). The data file's
    count or expansion, when it gives one, states it (一国两制 → 2).
    """
    formulas, not_formulas = _formula_data()
    if formula in not_formulas:
        return None
    listed_count, listed_expansion = formulas.get(formula, (None, ()))
    if listed_expansion:
        return len(listed_expansion)
    if listed_count is not None:
        return listed_count
    if _doubled(formula):
        return 2
    runs = _formula_runs(formula)
    if runs is None:
        return None
    total = parse_numeral(runs[0].group()) or 0
    for match in runs[1:]:
        at = match.start()
        if formula[at - 1] in "个项条" or match.end() - at > 1:
            continue  # 五个一工程, 两个一百年: a numeral inside a member's name
        total += parse_numeral(match.group()) or 0
    return total or None


def _doubled(formula: str) -> bool:
    """双 and a head, a set of two: 双创, 双百方针, 双一流 (一流 is a degree, not a numeral);
    not 双十一, a date."""
    return (
        formula.startswith("双")
        and len(formula) >= 2
        and formula[1] != "十"
        and (formula[1] not in DIGITS or _in_numeral_word(formula, 1))
    )


def _formula_runs(formula: str) -> list[re.Match[str]] | None:
    """The numerals of a numeral-led formula that count, or None when it names no set."""
    runs = list(_NUMERAL_RUN.finditer(formula))
    if not runs or runs[0].start() != 0:
        return None  # the formula opens with its numeral
    if runs[0].group()[0] in _MAGNITUDES:
        return None  # 千万工程, 百千工程: a magnitude, not the size of a set
    rest = formula[runs[0].end() :]
    value = parse_numeral(runs[0].group())
    if (
        value is None
        or not rest
        or rest == "大"
        or (rest.startswith(_EVENT_WORDS) and value > 10)
        or rest.startswith(_ORDINAL_WORDS[1:])
        or rest.startswith(_MEASURE_WORDS)
    ):
        return None  # 十四五, 二十大, 十九大精神, 十五冬, 十九届, 三次, 六尺巷
    return [runs[0]] + [match for match in runs[1:] if not _in_numeral_word(formula, match.start())]


def rule_is_formula(content: str) -> bool:
    """A numeral-led formula: 三个代表, 五送, 两个维护, 二十二连丰, a 一 before the numeral
    that counts (一核两翼, 一主两副), numbered clauses after a formula (五统一、一开放, 两不愁、
    三保障); not 十四五, 二十大, 一些, 一人一策 (no numeral counts), 一穷二白 (一 and 二 count
    off an idiom's halves)."""
    if content in _formula_data()[0]:
        return True
    clauses = content.split("、")
    if len(clauses) > 1:
        return (
            len(clauses) <= 4
            and all(clause[:1] in _NUMERAL_CHARS for clause in clauses[1:])
            and rule_is_formula(clauses[0])
        )
    return (
        2 <= len(content) <= 8
        and all(HAN_FIRST <= c <= HAN_LAST for c in content)
        and _COUNTING_IDIOM.match(content) is None
        and formula_count(content) is not None
    )


#: 一X二Y, an idiom counting off its halves: 一穷二白, 一清二楚, 一干二净
_COUNTING_IDIOM = re.compile("一" + HAN_CHAR + "二")


def rule_reported_speech(view: str, open_pos: int, content: str) -> bool:
    """说：“…。” — a quotation after a speech verb, or one that holds a full sentence."""
    if any(c in "。！？!?" for c in content):
        return True
    return bool(SPEECH.search(view, max(0, open_pos - 4), open_pos))


def rule_slogan_shape(content: str) -> bool:
    """Short enough for a slogan: one phrase of 3–16 characters, or short clauses.

    Latin letters, digits and + may join the Chinese (“互联网+监管”, “5G+工业互联网”,
    “AI泉城”) when at least two Chinese characters carry the phrase; a space parts
    clauses like a comma (“雄奇山水 新韵重庆”). A slash parts the alternatives of a term
    (“车车/车人”通信) except before a + (“虚拟/增强/混合现实+”).
    """
    clauses = [c for c in _CLAUSE_SPLIT.split(content.strip()) if c]
    if not clauses or any(not _is_slogan_text(c) for c in clauses):
        return False
    if ("/" in content or "／" in content) and "+" not in content and "＋" not in content:
        return False
    if all(c in DIGITS or c in UNITS for c in content):
        return False  # “十四五”: the name of a plan period
    if sum(1 for c in content if HAN_FIRST <= c <= HAN_LAST) < 2:
        return False
    if len(clauses) == 1:
        return 3 <= len(content) <= MAX_SLOGAN
    return all(2 <= len(c) <= MAX_CLAUSE for c in clauses) and len(clauses) <= 8


#: characters that open a call or a campaign: 送温暖, 走出去, 放管服, 减证便民, 揭榜挂帅
CALL_VERBS = frozenset(
    "送走放减降免稳保促抓揭跨只携以帮扶助惠筑引留育争创比学赶超做当树讲守护建办跑进提增扩拓推清查访解治改兴强优找给把除摘打"
)
#: endings of names, titles, categories and coined terms (“智能工厂”, “千岛之国”, “内卷式”),
#: of the areas and cities a pilot designates (“智慧农业园区”, “千兆城市”), of the kinds of
#: entity a form or a rule defines (“推荐单位”, “申报主体”) and of contests (“华为杯”)
NAME_ENDINGS = (
    "城",
    "国",
    "岛",
    "湾",
    "谷",
    "园",
    "馆",
    "厂",
    "店",
    "圈",
    "群",
    "通",
    "网",
    "台",
    "奖",
    "星",
    "站",
    "所",
    "院",
    "局",
    "式",
    "期",
    "型",
    "性",
    "者",
    "员",
    "家",
    "师",
    "病",
    "仓",
    "号",
    "化",
    "标准",
    "体系",
    "平台",
    "中心",
    "基地",
    "工厂",
    "车间",
    "品牌",
    "项目",
    "工程",
    "企业",
    "经验",
    "窗口",
    "陷阱",
    "共性",
    "警察",
    "模范",
    "标兵",
    "之乡",
    "之都",
    "生成",
    "派",
    "论",
    "区",
    "城市",
    "单位",
    "主体",
    "机构",
    "杯",
)
#: a character of change between two parties (煤改气, 以旧换新, 机器代人, 公转铁, 免申即享), not
#: one inside a word: 改造, 改革, 转型, 换届 (链式改造), 时代, 现代 (时代楷模), 代购, 代表
_CHANGE = "(?:[改换转即](?![造革善进型变届])|(?<![时现年])代(?![购表理]))"
#: shapes of policy formulas: 一人一策, 一数一源一标准, 边研发边转化, 煤改气, 以旧换新,
#: 机器代人, 港人治港, 走出去, a chain of three or more parties (科技-产业-金融)
_SLOGAN_FORMS = re.compile(
    "^(?:(?:一.{1,3}){2,}|边.+边.+|.{1,3}" + _CHANGE + "..?|(.)人治\\1|.+(?:起来|出去|进来|下去))$"
    f"|[{PLUS_SIGNS}]|" + HAN_CHAR + "×"
    f"|^{HAN_CHAR}{{2,4}}(?:[-－]{HAN_CHAR}{{2,4}}){{2,}}$"
)


#: words right after a quotation that make it a campaign, a programme or a policy line
#: (“送温暖”活动, “走出去”战略, “稳中求进”的总基调)
CAMPAIGN_AFTER = (
    "活动",
    "行动",
    "工程",
    "计划",
    "系列",
    "三年行动",
    "战略",
    "专项",
    "攻坚",
    "口号",
    "号召",
    "方针",
    "要求",
    "原则",
    "理念",
    "工作法",
    "的方针",
    "的原则",
    "的要求",
    "的总",
    "的理念",
)
#: words right before a quotation that carry out or proclaim a line (开展“…”, 坚持“…”)
POLICY_BEFORE = (
    "开展",
    "实施",
    "坚持",
    "按照",
    "推行",
    "践行",
    "贯彻",
    "提出",
    "叫响",
    "打响",
    "倡导",
    "弘扬",
    "实行",
    "共建",
    "把握",
)
#: words around a quotation that name or mock rather than call: 所谓“…”, “…”称号, “…”之称,
#: a term a rule defines (本办法所称“…”, “…”是指), a list or a ranking (入选“…”, “…”排名),
#: a label of a web page or a form (“…”栏目, “…”按钮, “…”字样),
#: a theme (以“…”为主题, also :func:`rule_theme_context`), an example (以“…”为例)
NAMING_BEFORE = (
    "所谓",
    "称为",
    "誉为",
    "号称",
    "叫做",
    "称作",
    "什么",
    "简称",
    "荣获",
    "授予",
    "所称",
    "入选",
    "获评",
    "评为",
)
NAMING_AFTER = (
    "是指",
    "，是指",
    "，指",
    "指的是",
    "排名",
    "榜单",
    "名单",
    "栏目",
    "子栏目",
    "按钮",
    "菜单",
    "页面",
    "选项",
    "字样",
    "称号",
    "之称",
    "美誉",
    "荣誉",
    "奖",
    "企业",
    "平台",
    "APP",
    "App",
    "主题",
    "为主题",
    "为例",
)


def rule_clauses(content: str) -> bool:
    """Short clauses in a row: 全省创第一，中部进十强; 放、管、服 spelled out; a clause holds
    Chinese, so a number or a Latin word spaced off a name is not one (“111 计划”)."""
    clauses = _CLAUSE_SPLIT.split(content.strip())
    return sum(1 for c in clauses if any(HAN_FIRST <= ch <= HAN_LAST for ch in c)) >= 2


def rule_slogan_form(content: str) -> bool:
    """A policy formula's shape: 一人一策, 边研发边转化, 煤改气, 以旧换新, 港人治港, X+Y,
    数据要素×, 科技-产业-金融 (not 中国-东盟, two names)."""
    return bool(_SLOGAN_FORMS.search(content))


def rule_name_or_term(content: str) -> bool:
    """Ends like a name, title, category or coined term (“智能工厂”, “千岛之国”, “内卷式”),
    holds 的 (“人民的好警察”) or a rank before a noun (“万里长江第一隧”); one phrase, not
    clauses (“公园城市、安逸家园”), not a distributive formula (“村村通”)."""
    if rule_clauses(content) or rule_distributive(content) or rule_verb_led(content):
        return False
    return (
        content.endswith(NAME_ENDINGS)
        or "的" in content
        or content.startswith("由")
        or _RANKED_NAME.search(content) is not None
    )


#: a rank before a noun, the way nicknames and titles single a thing out (万里长江第一隧,
#: 第二故乡, 新春第一会); a rank at the end is a maxim's (健康第一, 安全第一)
_RANKED_NAME = re.compile(f"第[{COUNT_NUMERALS}]+{HAN_CHAR}")


def rule_verb_led(content: str) -> bool:
    """A verb of two verb characters and an object of three or more: a call, whatever its
    object ends in (“打造数字先锋城市”, “争创全国文明城市”; not “推荐单位”, a noun)."""
    return len(content) >= 5 and content[0] in CALL_VERBS and content[1] in ACTION_VERBS


def rule_distributive(content: str) -> bool:
    """Opens with a doubled character, “every …”, the way a coverage target is worded:
    村村通, 户户通, 县县通, 人人参与 (not 天天向上 alone: three to six characters)."""
    return 3 <= len(content) <= 6 and content[0] == content[1] and _is_cjk_text(content)


def rule_call_opening(content: str) -> bool:
    """Opens with a verb of calls and campaigns: 送温暖, 放管服, 减证便民, 揭榜挂帅."""
    return content[0] in CALL_VERBS


def rule_verb_object(content: str) -> bool:
    """Four characters, a topic and a verb-object: 爱心助学, 证照分离."""
    return len(content) == 4 and content[2] in CALL_VERBS


def rule_inner_call(content: str) -> bool:
    """Three to seven characters with a verb of calls after the first: 掌上办, 川渝通办,
    文化进万家, 我帮企业找市场, 向海图强, 爱国者治港."""
    return 3 <= len(content) <= 7 and any(c in CALL_VERBS for c in content[1:])


#: a campaign that moves something somewhere: 家电下乡, 险资入豫, 扫码入企, 校友回湘, 辽品出海,
#: 数据援青, 港车北上; or between two quarters: 北粮南运, 西算东用
_MOVEMENT_CALLS = re.compile(
    f"^(?:{HAN_CHAR}{{2,3}}[入回援下上出]{HAN_CHAR}|{HAN_CHAR}{{1,3}}[东南西北][上下进出]"
    f"|[东南西北]{HAN_CHAR}[东南西北]{HAN_CHAR})$"
)


def rule_movement_call(content: str) -> bool:
    """A campaign that moves things to a place or a quarter: 家电下乡, 险资入豫, 扫码入企,
    校友回湘, 辽品出海, 港车北上, 北粮南运, 西算东用 (not 城市出口的, 地下水)."""
    return bool(_MOVEMENT_CALLS.match(content))


#: verbs of action besides :data:`CALL_VERBS`, read only in pairs (:func:`rule_verb_pairs`)
ACTION_VERBS = CALL_VERBS | frozenset(
    "容受告承挂作吹报接审批管控防护藏腾换招稳补延强固拓融合联包分享评考核督验收认配用种养植造禁"
    "聚集统筹压落开关退还排查纠整处罚奖铸净共"
)


def rule_verb_pairs(content: str) -> bool:
    """Four characters, two verbs each with its object or complement: 容缺受理, 告知承诺,
    挂图作战, 吹哨报到, 放水养鱼, 筑巢引凤, 统采共用 (not 智慧城市, 数字家庭)."""
    return len(content) == 4 and content[0] in ACTION_VERBS and content[2] in ACTION_VERBS


#: the second half of a four-character formula of joint action: 山海协作, 府院联动, 数实融合
JOINT_ACTIONS = (
    "联动",
    "协作",
    "并举",
    "结合",
    "协同",
    "共治",
    "互促",
    "联建",
    "分离",
    "分开",
    "挂钩",
    "互认",
)


def rule_joint_action(content: str) -> bool:
    """Two parties acting together or kept apart, in four characters: 山海协作, 府院联动,
    洋土并举, 债贷结合, 证照分离, 人地挂钩 (not 深度融合发展)."""
    return len(content) == 4 and content.endswith(JOINT_ACTIONS)


#: the endings of a campaign's own name: “光盘行动”, “蓝天保卫战”, “百日攻坚”
CAMPAIGN_ENDINGS = ("行动", "保卫战", "攻坚战", "攻坚")


def rule_campaign_name(content: str) -> bool:
    """The name of a campaign, which is a slogan by the conventions: 光盘行动, 蓝天保卫战,
    百日攻坚 (not 行动, a bare word)."""
    return len(content) >= 4 and content.endswith(CAMPAIGN_ENDINGS)


def rule_compressed_formula(content: str) -> bool:
    """Four to eight characters with a numeral or a repeated Chinese character, the way policy
    formulas compress a programme: 一网通办, 最多跑一次, 千企千景, 万企兴万村, 又好又快; the
    character recurs apart, not doubled (宜荆荆襄, 武鄂黄黄咸 abbreviate cities), and is
    Chinese (not the digits of a name, “111 计划”)."""
    if not 4 <= len(content) <= 8 or rule_clauses(content):
        return False
    if any(c in _NUMERAL_CHARS for c in content):
        return True
    return any(HAN_FIRST <= c <= HAN_LAST and c in content[i + 2 :] for i, c in enumerate(content))


#: predicates that make a phrase a maxim: 以人民为中心, 绿水青山就是金山银山, 无事不扰,
#: 新官不理旧账, 先诊疗后付费, 先培训再就业, 住有所居, 有求必应, 项目为王, 藏粮于地
_PREDICATE_FRAMES = re.compile(
    "^(?:以.+为.+|.+就是.+|.+不.+|先.+[后再].+|.有所.|有.{1,2}必.{1,2}|.{1,3}为[王先本要]|.{1,2}[于於].{1,2})$"
)


def rule_predicate_frame(content: str) -> bool:
    """A maxim's predicate frame: 以人民为中心, 绿水青山就是金山银山, 无事不扰, 先诊疗后付费,
    先培训再就业, 住有所居, 有求必应, 项目为王, 藏粮于地."""
    return bool(_PREDICATE_FRAMES.match(content))


#: the programmes a two-character call names: “强芯”工程, “净网”行动
SHORT_CAMPAIGN_AFTER = ("工程", "行动", "活动", "专项", "计划", "攻坚")


def rule_short_campaign(content: str, after: str) -> bool:
    """Two characters naming the programme after them: “强芯”工程, “铸魂”工程, “净网”行动,
    “护苗”行动, “跃升”工程 (not “瞪羚”企业, “跟跑”、, “名品”和, nor a plan period, “八五”计划)."""
    return (
        len(content) == 2
        and _is_cjk_text(content)
        and content[0] not in _NUMERAL_CHARS
        and after.startswith(SHORT_CAMPAIGN_AFTER)
    )


#: a quotation of a verb of action and one character, the way two-character calls are written
_TWO_CHARACTER_CALL = f"[“「][{{verbs}}]{HAN_CHAR}[”」]"
#: what may part two such calls: 、, a conjunction, 向 (“禁塑”向“治塑”), or nothing
_CALL_JOINS = "[、与和及向]?"


@lru_cache(maxsize=1)
def _paired_call_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A two-character call right after a quotation, and one right before it."""
    call = _TWO_CHARACTER_CALL.format(verbs="".join(sorted(ACTION_VERBS)))
    return re.compile(_CALL_JOINS + call), re.compile(call + _CALL_JOINS + "$")


def rule_paired_calls(view: str, open_pos: int, close_end: int) -> bool:
    """Two characters, a verb of action and its object, quoted next to another such call:
    “扩中”、“提低”, “扫黄”、“打非”, “引资”与“引智”, “禁塑”向“治塑” (not “增量” alone, not
    “躺平”“侧卧”, no verbs of action)."""
    if close_end - open_pos != 4 or view[open_pos + 1] not in ACTION_VERBS:
        return False
    after, before = _paired_call_patterns()
    return bool(
        after.match(view, close_end, close_end + 5)
        or before.search(view, max(0, open_pos - 5), open_pos)
    )


#: the single characters of a formula listing the factors of a policy: 人房地钱, 人地钱,
#: 人财物, 水电路气网, 煤电油气运
FACTORS = frozenset("人地钱房财物水电路气网暖煤油运粮")


def rule_factor_list(content: str) -> bool:
    """Three to six different factors of one character each, a list without its 、:
    “人房地钱”, “人财物”, “水电路气网” (not “房地产”, “电网”)."""
    return 3 <= len(content) <= 6 and len(set(content)) == len(content) <= len(
        [c for c in content if c in FACTORS]
    )


def rule_campaign_context(before: str, after: str) -> bool:
    """Carried out or proclaimed: 开展“…”, “…”活动, “…”战略, “…”的方针."""
    return after.startswith(CAMPAIGN_AFTER) or before.endswith(POLICY_BEFORE)


def rule_naming_context(before: str, after: str) -> bool:
    """Named or mocked, not called: 所谓“…”, 简称“…”, “…”称号, “…”企业."""
    return before.endswith(NAMING_BEFORE) or after.startswith(NAMING_AFTER)


def rule_theme_context(before: str, after: str) -> bool:
    """The theme of an event or an example, a title however slogan-like: 以“万物互联，智创
    未来”为主题, 聚焦“…”主题, 以“…”为例 (not a campaign's theme: “不忘初心、牢记使命”主题教育,
    “…”主题活动)."""
    return after.startswith(("主题", "为主题", "为例")) and not after.startswith(THEMED_CAMPAIGNS)


#: what a theme names when it is a campaign's: “…”主题教育, “…”主题活动
THEMED_CAMPAIGNS = ("主题教育", "主题活动", "主题实践")


#: the evidence a quoted phrase reads as a slogan, each rule with its weight
SLOGAN_EVIDENCE = (
    (rule_clauses, 4),
    (rule_slogan_form, 5),
    (rule_name_or_term, -3),
    (rule_call_opening, 2),
    (rule_verb_object, 2),
    (rule_compressed_formula, 1),
    (rule_inner_call, 1),
    (rule_predicate_frame, 2),
    (rule_movement_call, 2),
    (rule_joint_action, 2),
    (rule_verb_pairs, 2),
    (rule_campaign_name, 2),
    (rule_distributive, 2),
    (rule_factor_list, 4),
)
CONTEXT_EVIDENCE = (
    (rule_campaign_context, 1),
    (rule_naming_context, -3),
    (rule_theme_context, -3),
)
#: the share of slogans a band of evidence must reach for its quotations to be kept
SLOGAN_SHARE = 0.5


@lru_cache(maxsize=1)
def slogan_threshold() -> float:
    """The evidence a quoted phrase needs to read as a slogan: the top of the highest band of
    ``slogan_evidence_calibration.tsv`` where fewer than :data:`SLOGAN_SHARE` of the
    quotations are slogans (1 with the shipped table)."""
    below = [high for _, high, share in _calibration() if share < SLOGAN_SHARE]
    return max(below, default=_calibration()[0][0])


def slogan_evidence(content: str, before: str = "", after: str = "") -> int:
    """The weighed evidence that a quoted phrase is a slogan (``before``/``after``: its context)."""
    return _content_evidence(content) + _context_evidence(before, after)


def _content_evidence(content: str) -> int:
    return sum(weight for rule, weight in SLOGAN_EVIDENCE if rule(content))


def _context_evidence(before: str, after: str) -> int:
    return sum(weight for rule, weight in CONTEXT_EVIDENCE if rule(before, after))


#: characters of context the context rules read on each side of a quotation
CONTEXT_CHARS = 4


def _context(view: str, open_pos: int, close_end: int) -> tuple[str, str]:
    """The words right before and right after the quotation ``open_pos..close_end``."""
    before = view[max(0, open_pos - CONTEXT_CHARS) : open_pos]
    return before, view[close_end : close_end + CONTEXT_CHARS]


def rule_reads_as_slogan(content: str, before: str = "", after: str = "") -> bool:
    """A call, a campaign or a policy formula, not a name, a title or a term.

    Slogans: “送温暖”, “爱心助学”, “一人一策”, “边研发、边转化”, “互联网+监管”,
    “高算力、大模型、强应用”. Not slogans: “千岛之国”, “人民的好警察”, “智能工厂”,
    “通用标准”, “内卷式”, “标准群”.
    """
    if content.strip() in _formula_data()[1]:
        return False  # a numeral-led name listed as such: 四人帮, 九二共识
    return slogan_evidence(content, before, after) >= slogan_threshold()


def _is_cjk_text(text: str) -> bool:
    return all(HAN_FIRST <= c <= HAN_LAST or c in "·" for c in text)


def _is_slogan_text(text: str) -> bool:
    """Chinese, with Latin letters, digits, +, / and · inside (5G+, AI泉城, 互联网＋监管,
    虚拟/增强现实+)."""
    return all(
        HAN_FIRST <= c <= HAN_LAST or c in _SLOGAN_MARKS or (c.isascii() and c.isalnum())
        for c in text
    )


def _expansion(text: str, view: str, after: int, limit: int, count: int) -> tuple[Span, ...] | None:
    """A 、-list of ``count`` items shortly after a formula (〈送政策、送技能…〉, ：A、B、C)."""
    window_end = min(limit, after + 12 + 8 * count)
    for open_pos in range(after, min(window_end, after + 12)):
        if view[open_pos] not in _EXPANSION_OPEN:
            continue
        start = open_pos + (
            2 if view.startswith("即", open_pos) and view[open_pos + 1] in "：:" else 1
        )
        stop = start
        while stop < window_end and view[stop] not in "〉）)】》。；;，,":
            stop += 1
        items, cursor = [], start
        for match in re.finditer("[、]", view[start:stop]):
            items.append((cursor, start + match.start()))
            cursor = start + match.end()
        items.append((cursor, stop))
        items = [(a, b) for a, b in items if b - a >= 1]
        if len(items) == count:
            return tuple(Span(a, b, text[a:b]) for a, b in items)
    return None


def quoted_candidates(text: str) -> list[tuple[Span, int]]:
    """Every quotation of ``text`` that :func:`build_slogans` keeps or drops by its evidence
    score (not a formula, not speech, of a slogan's shape), with that score: the population
    the threshold and the calibration table (``tools.calibrate_slogans``) are measured on."""
    view = simplified_view(text)
    found = []
    for sentence in sentences_of(text, paragraphs_of(text)):
        for open_pos, close_end in _quotations(view, sentence.start, sentence.end):
            score = _scored_evidence(view, open_pos, close_end)
            if score is not None:
                found.append((Span(open_pos, close_end, text[open_pos:close_end]), score))
    return found


def _scored_evidence(view: str, open_pos: int, close_end: int) -> int | None:
    """The evidence score of a quotation kept or dropped by the threshold alone; None for a
    formula, reported speech, a counted set spelled out or a content of no slogan's shape."""
    content = view[open_pos + 1 : close_end - 1]
    formula, _, _, evidence = _reading(content)
    if (
        formula
        or evidence is None
        or rule_reported_speech(view, open_pos, content)
        or rule_counted_expansion(content, view[close_end : close_end + 6])
    ):
        return None
    return evidence + _context_evidence(*_context(view, open_pos, close_end))


@lru_cache(maxsize=1)
def _calibration() -> tuple[tuple[float, float, float], ...]:
    """``(low, high, calibrated precision)`` bands of ``slogan_evidence_calibration.tsv``."""
    rows = table_rows("slogan_evidence_calibration.tsv")
    return tuple((float(r[0]), float(r[1]), float(r[5])) for r in rows if r[0] != "low")


def slogan_confidence(score: int) -> float:
    """The share of quotations with this evidence score that an annotator calls a slogan,
    measured on the development passages (``policytext/data/slogan_evidence_calibration.tsv``).
    """
    bands = _calibration()
    for _, high, precision in bands:
        if score < high:
            return precision  # its band, or the next one measured when its band is empty
    return bands[-1][2]


def _without_insertions(content: str) -> str:
    """A quotation's content without its bracketed insertions: “一区（县）一策” → 一区一策."""
    if "（" not in content and "(" not in content:
        return content
    return _INSERTION.sub("", content)


@lru_cache(maxsize=8192)
def _reading(content: str) -> tuple[bool, int | None, int | None, int | None]:
    """What a quotation's content reads as, apart from its context: ``(formula, count,
    members, evidence)``; the evidence is None when the content cannot be a quoted slogan
    (its shape, a numeral-led name). A bracketed insertion is read without it."""
    content = _without_insertions(content)
    if rule_is_formula(content):
        return True, formula_count(content), formula_members(content), None
    count = arabic_formula_count(content)
    if count is not None:
        return True, count, None, None
    if rule_digit_formula(content):
        count = digit_formula_count(content)
        # “1+N”: no number counts a set, a quoted formula like “一带一路”
        return count is not None, count, None, _content_evidence(content)
    content = _spelled_characters(content)
    if not rule_slogan_shape(content) or content.strip() in _formula_data()[1]:
        return False, None, None, None
    return False, None, None, _content_evidence(content)


def _quoted(text: str, view: str, open_pos: int, close_end: int, limit: int) -> Slogan | None:
    """The slogan a quotation ``open_pos..close_end`` holds, if it reads as one."""
    content = view[open_pos + 1 : close_end - 1]
    formula, count, members, score = _reading(content)
    span = Span(open_pos, close_end, text[open_pos:close_end])
    if formula:
        expansion = _expansion(text, view, close_end, limit, members) if members else None
        return new_slogan(span, "numbered_formula", count, expansion)
    if rule_reported_speech(view, open_pos, content) or rule_counted_expansion(
        content, view[close_end : close_end + 6]
    ):
        return None
    before, after = _context(view, open_pos, close_end)
    if score is None:
        if rule_short_campaign(content, after) or rule_paired_calls(view, open_pos, close_end):
            return new_slogan(span, "quoted", None, None)
        return None
    score += _context_evidence(before, after)
    if score >= slogan_threshold() or rule_qualified_formula(content, before, after):
        return new_slogan(span, "quoted", None, None)
    return None


#: a formula of Arabic numbers joined by +: “4+1”, “3+N”, “1+5+N” (N: any number of others)
_DIGIT_FORMULA = re.compile(f"[0-9０-９]+(?:[{PLUS_SIGNS}](?:[0-9０-９]+|[NＮn]))+")


def rule_digit_formula(content: str) -> bool:
    """Arabic numbers joined by +, a compound formula naming its parts by their sizes: “4+1”,
    “3+N”, “1+5+N”, “10+3+N” (not “33618”, a code of digits, nor “5G+”, a term)."""
    return _DIGIT_FORMULA.fullmatch(content) is not None


def digit_formula_count(content: str) -> int | None:
    """The count of a formula of :func:`rule_digit_formula`: its first number above one, the
    way a first 一 gives way to the set the next numeral names (一核两翼 → 2): “4+1” → 4,
    “1+5+N” → 5; None when no number counts a set (“1+N”)."""
    numbers = [int(part) for part in re.findall("[0-9０-９]+", content)]
    return next((number for number in numbers if number >= 2), None)


#: a number in Arabic digits and the characters of a formula: “9连优”, “30条”
_ARABIC_LED = re.compile(f"([0-9０-９]{{1,2}})({HAN_CHAR}{{1,3}})")


def arabic_formula_count(content: str) -> int | None:
    """The count of a formula opening with a number in Arabic digits, read like its Chinese
    numeral (“9连优” as 九连优 → 9, “30条” as 三十条 → 30), or None: not such a formula (one
    or two digits and at most three characters: not “863计划”, “97中国旅游年”, codes and
    years), a number below two, an ordinal, a date or a measure (“2小时重庆”)."""
    found = _ARABIC_LED.fullmatch(content)
    if found is None:
        return None
    value, rest = int(found.group(1)), found.group(2)
    if (
        value < 2
        or rest == "大"
        or (rest.startswith(_EVENT_WORDS) and value > 10)
        or rest.startswith(_ORDINAL_WORDS[1:])
        or rest.startswith(_MEASURE_WORDS)
    ):
        return None
    return value


#: one character, then more parted by 、: a list of factors spelled out (“人、房、地、钱”)
_SPELLED_CHARACTERS = re.compile(f"{HAN_CHAR}(?:、{HAN_CHAR}){{2,7}}")


def _spelled_characters(content: str) -> str:
    """A list of three to eight single characters parted by 、 read as the characters joined:
    “人、房、地、钱” → 人房地钱, so the list weighs like the formula it spells out (not like
    short clauses); anything else unchanged."""
    if _SPELLED_CHARACTERS.fullmatch(content) is None:
        return content
    return content.replace("、", "")


#: a numeral a quotation's clauses are counted by right after it: “…”三措并举, “…”四个方面,
#: “…”的三项原则, “…”双轮驱动
_COUNT_AFTER = re.compile(f"(?:的|这)?([{COUNT_NUMERALS}]+|双)")


def rule_counted_expansion(content: str, after: str) -> bool:
    """A quotation of clauses counted right after it — the members of a counted set spelled
    out, not a slogan of its own: “外出就业、返乡创业、合作兴业”三措并举, “考核、督查、激励”
    三项机制, “投什么、谁来投、怎么投、如何管”四个问题 (not “弱的就强、缺的就补”原则, counted
    by nothing; not a number of other things, “巩固、增强、提升、畅通”八个字)."""
    found = _COUNT_AFTER.match(after)
    if found is None:
        return False
    value = 2 if found.group(1) == "双" else parse_numeral(found.group(1))
    if value is None or value < 2:
        return False
    counts = {len(_TOP_SPLIT.split(content)), len(_MEMBER_SPLIT.split(content))}
    return value in counts


def rule_qualified_formula(content: str, before: str = "", after: str = "") -> bool:
    """A formula of the lexicon with a qualifier before it, quoted whole: “小三通”, “民生十大
    工程”; the quotation is the slogan (quoted: it does not open with its numeral), not the
    formula inside it alone. At most three characters besides the formula; not when the
    context names the quotation (所谓“…”)."""
    found = _any_formula().search(content, 1)
    return (
        found is not None
        and len(content) <= len(found.group()) + 3
        and not rule_naming_context(before, after)
        and not rule_theme_context(before, after)
    )


def _quotations(view: str, start: int, end: int, depth: int = 2) -> list[tuple[int, int]]:
    """The quotations of ``start..end``: outermost ones, and those inside brackets or titles
    up to ``depth`` levels down (（以下简称“两库”）, 《…“三农”…》), not those inside another
    quotation (speech). The depth bounds the rescans, so the time stays linear."""
    found = []
    for open_pos, close_end, mark in rule_paired_regions(view, start, end):
        if mark in QUOTE_OPENERS:
            found.append((open_pos, close_end))
        elif depth and close_end - open_pos > 2:
            found.extend(_quotations(view, open_pos + 1, close_end - 1, depth - 1))
    return found


def _mismatched_quotes(view: str, start: int, end: int) -> list[re.Match[str]]:
    """The matches of ``_MISMATCHED_QUOTE.finditer(view, start, end)``, tried only where one
    of ``_MISMATCH_OPENERS`` stands (a search tries the alternation at every place)."""
    return _matches_at(view, start, end, _MISMATCH_OPENERS, _MISMATCH_OPENER, _MISMATCHED_QUOTE)


def _matches_at(
    view: str,
    start: int,
    end: int,
    openings: str,
    opening: re.Pattern[str],
    pattern: re.Pattern[str],
) -> list[re.Match[str]]:
    """The matches of ``pattern.finditer(view, start, end)`` where every match of ``pattern``
    is non-empty and opens with a character of ``openings`` (``opening``: the regex of one):
    ``pattern`` is tried only at those characters, each past the last match."""
    found = []
    after = start
    for at in mark_places(view, start, end, openings, opening):
        if at >= after and (match := pattern.match(view, at, end)) is not None:
            found.append(match)
            after = match.end()
    return found


def _slogan_marks(view: str) -> tuple[tuple[int, int], ...]:
    """Where a quotation mark, a formula of the lexicon or a numbered set by its form lies in
    ``view``, in order: one scan of the whole view for each, for :func:`find_slogans`' choice of
    paragraphs and :func:`build_slogans`' choice of sentences."""
    marks = [(k, k + 1) for k in mark_places(view, 0, len(view), _QUOTE_CHARS, _QUOTE_CHAR)]
    marks += _formula_spans(view, 0, len(view))
    marks += _numbered_sets(view)
    return tuple(sorted(marks))


def _candidate_sentences(
    sentences: tuple[Span, ...], marks: tuple[tuple[int, int], ...]
) -> list[Span]:
    """The sentences that hold a quotation mark or part of a formula of the lexicon; the
    others hold no slogan. A formula hidden by an overlapping match lies in a sentence
    that match touches."""
    starts = [sentence.start for sentence in sentences]
    chosen: set[int] = set()
    for start, end in marks:
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, end - 1) - 1
        chosen.update(range(max(first, 0), last + 1))
    return [sentences[index] for index in sorted(chosen)]


def _unquoted_formulas(
    text: str, view: str, sentence: Span, taken: set[int], sets: list[tuple[int, int]]
) -> list[Slogan]:
    """The formulas of the lexicon in ``sentence``, longer ones first, then its numbered sets
    by their form (``sets``, :func:`_numbered_sets`); a formula starting
    inside a quotation or a formula already found is not another one."""
    rank = _lexicon_rank()
    hits = sorted(
        [
            (rank[match.group(1)], match.start(), match.group(1))
            for match in _formula_matches(view, sentence.start, sentence.end)
        ]
        + [(len(rank), begin, view[begin:stop]) for begin, stop in sets]
    )
    found = []
    searched_to: dict[str, int] = {}
    for _, position, formula in hits:
        if position < searched_to.get(formula, -1):
            continue  # overlaps the previous occurrence of the same formula
        end = position + len(formula)
        searched_to[formula] = end
        if position in taken or view[end - 1 : end + 1] in _MEASURE_WORDS:
            continue  # in a slogan; or its last character opens a measure (三公里, not 三公)
        count, members = formula_count(formula), formula_members(formula)
        expansion = _expansion(text, view, end, sentence.end, members) if members else None
        found.append(
            Slogan(Span(position, end, text[position:end]), "numbered_formula", count, expansion)
        )
        taken.update(range(position, end))
    return found


def build_slogans(
    text: str,
    view: str,
    sentences: tuple[Span, ...],
    marks: tuple[tuple[int, int], ...] | None = None,
) -> tuple[Slogan, ...]:
    """Quoted slogans and numbered formulas of ``text``, in text order (``marks``: the
    view's :func:`_slogan_marks`, when the caller has them)."""
    if marks is None:
        marks = _slogan_marks(view)
    slogans: list[Slogan] = []
    taken: set[int] = set()
    for sentence in _candidate_sentences(sentences, marks):
        for open_pos, close_end in _quotations(view, sentence.start, sentence.end):
            slogan = _quoted(text, view, open_pos, close_end, sentence.end)
            if slogan is not None:
                slogans.append(slogan)
            if slogan is not None or rule_counted_expansion(
                view[open_pos + 1 : close_end - 1], view[close_end : close_end + 6]
            ):
                # a counted set's members spelled out hold no formula of their own either
                taken.update(range(open_pos, close_end))
        for match in _mismatched_quotes(view, sentence.start, sentence.end):
            open_pos, close_end = match.start(), match.end()
            if open_pos in taken or close_end - 1 in taken:
                continue
            slogan = _quoted(text, view, open_pos, close_end, sentence.end)
            if slogan is not None:
                slogans.append(slogan)
                taken.update(range(open_pos, close_end))
        sets = _numbered_sets(view, sentence.start, sentence.end)
        if not sets and _any_formula().search(view, sentence.start, sentence.end) is None:
            continue
        slogans += _unquoted_formulas(text, view, sentence, taken, sets)
    return tuple(sorted(slogans, key=lambda s: (s.span.start, s.span.end)))


def slogan_parallels(text: str, view: str, slogans: tuple[Slogan, ...]) -> list[Parallel]:
    """Quoted slogan sentences whose clauses have one shape (全省创第一，中部进十强，全国争百强)."""
    groups = []
    for slogan in slogans:
        if slogan.kind != "quoted":
            continue
        start = slogan.span.start + 1
        # members part at the highest mark present: 紧盯前沿、延链谋划，龙头牵引、培育壮大
        # has three members of two phrases each
        top = _TOP_SPLIT.search(view, start, slogan.span.end - 1) is not None
        split, longest = (_TOP_SPLIT, 2 * 7 + 1) if top else (_MEMBER_SPLIT, 7)
        pieces, cursor = [], start
        for match in split.finditer(view, start, slogan.span.end - 1):
            pieces.append((cursor, match.start()))
            cursor = match.end()
        pieces.append((cursor, slogan.span.end - 1))
        lengths = {b - a for a, b in pieces}
        if len(pieces) >= 2 and len(lengths) == 1 and 3 <= lengths.pop() <= longest:
            members = tuple(Span(a, b, text[a:b]) for a, b in pieces)
            groups.append(
                new_parallel(members, "slogan", (), members[0].start, members[-1].end, 0.9)
            )
    return groups


def find_slogans(text: str, layout: LayoutMode = "auto") -> tuple[Slogan, ...]:
    """Quoted slogans and numbered formulas in ``text``, in text order."""
    return through_layout(ensure_text(text), layout, _slogans_of)


def _slogans_of(text: str) -> tuple[Slogan, ...]:
    view = simplified_view(text)
    paragraphs = paragraphs_of(text)
    # only the paragraphs holding a quotation mark or a formula need their sentences (a
    # mark never crosses a line break)
    starts = [paragraph.start for paragraph in paragraphs]
    marks = _slogan_marks(view)
    chosen = {bisect_right(starts, start) - 1 for start, _ in marks}
    picked = tuple(paragraphs[index] for index in sorted(chosen) if index >= 0)
    return build_slogans(text, view, sentences_of(text, picked), marks)
