"""Tricky sentence-splitting cases: each is (id, text, expected sentences)."""

from __future__ import annotations

import pytest

import policytext as pt

CASES = [
    # --- basic terminals, both widths
    ("basic", "汤姆生病了。他去了医院。", ["汤姆生病了。", "他去了医院。"]),
    ("exclaim-question", "这是第一句！这是第二句？好。", ["这是第一句！", "这是第二句？", "好。"]),
    ("halfwidth", "我们要加强团结!你同意吗?同意.", ["我们要加强团结!", "你同意吗?", "同意."]),
    ("terminal-run", "真的吗？！当然。", ["真的吗？！", "当然。"]),
    ("halfwidth-run", "要控诉!!要抗争!!!结束", ["要控诉!!", "要抗争!!!", "结束"]),
    ("no-terminal", "坚持以人民为中心的发展思想", ["坚持以人民为中心的发展思想"]),
    ("trailing-fragment", "会议已经结束。下一步工作", ["会议已经结束。", "下一步工作"]),
    ("only-punct", "。。。", ["。。。"]),
    ("empty", "", []),
    ("whitespace", " \u3000\n\t", []),
    # --- closing quotes and brackets stay with the sentence
    ("close-quote", "他说：“加油。”谢谢", ["他说：“加油。”", "谢谢"]),
    ("stray-close-quote", "测试句子一。”测试句子二。", ["测试句子一。”", "测试句子二。"]),
    (
        "close-bracket",
        "详见附件（本文件另发。）下面讨论第二个问题。",
        ["详见附件（本文件另发。）", "下面讨论第二个问题。"],
    ),
    (
        "quote-then-period",
        "要普及现代信息技术教育，“计算机要从娃娃抓起”。好。",
        ["要普及现代信息技术教育，“计算机要从娃娃抓起”。", "好。"],
    ),
    ("quote-exclaim-then-period", "他高喊“前进！”。大家响应。", ["他高喊“前进！”。", "大家响应。"]),
    ("quoted-question", "“什么？”男人抗议道。", ["“什么？”", "男人抗议道。"]),
    (
        "comma-inside-quote",
        "“哎呀，真是美极了，”皇帝说，“我十分满意！”",
        ["“哎呀，真是美极了，”皇帝说，“我十分满意！”"],
    ),
    (
        "multi-sentence-quote",
        "总书记强调：“发展是第一要务。创新是第一动力。”我们要牢记。",
        ["总书记强调：“发展是第一要务。创新是第一动力。”", "我们要牢记。"],
    ),
    (
        "nested-quotes",
        "他说：“她讲‘明天见。’然后走了。”对。",
        ["他说：“她讲‘明天见。’然后走了。”", "对。"],
    ),
    (
        "corner-quotes",
        "他說：「我們一定要做好。」大家鼓掌。",
        ["他說：「我們一定要做好。」", "大家鼓掌。"],
    ),
    ("ascii-quotes", '他说"好的。"然后走了。', ['他说"好的。"', "然后走了。"]),
    ("quoted-period-symbol", "句号写作“。”而不是“.”。对。", ["句号写作“。”而不是“.”。", "对。"]),
    (
        "unbalanced-open-quote",
        "他说：“我们要努力。然后散会了。",
        ["他说：“我们要努力。", "然后散会了。"],
    ),
    ("unbalanced-close-paren", "第一项）完成。第二项完成。", ["第一项）完成。", "第二项完成。"]),
    # --- no split inside titles and brackets
    (
        "book-title",
        "我们明天一起去看《摔跤吧！爸爸》好吗？好！",
        ["我们明天一起去看《摔跤吧！爸爸》好吗？", "好！"],
    ),
    (
        "book-title-question",
        "学习《为什么是中国？》一书。完。",
        ["学习《为什么是中国？》一书。", "完。"],
    ),
    ("angle-title", "阅读〈论持久战。〉一文。", ["阅读〈论持久战。〉一文。"]),
    (
        "paren-inside",
        "各级工会要督促企业为职工(包括农民工。)依法缴纳保险费。",
        ["各级工会要督促企业为职工(包括农民工。)", "依法缴纳保险费。"],
    ),
    (
        "paren-question-inside",
        "有人问（这是否可行？）我们说可行。",
        ["有人问（这是否可行？）", "我们说可行。"],
    ),
    ("paren-no-terminal", "3部长号 （2部高音，1部低音）", ["3部长号 （2部高音，1部低音）"]),
    ("square-brackets", "见[注释。见下]后文。", ["见[注释。见下]后文。"]),
    # --- numbers, dates, times, URLs
    (
        "decimal",
        "全省地区生产总值5.3万亿元、增长5.5%。下一句。",
        ["全省地区生产总值5.3万亿元、增长5.5%。", "下一句。"],
    ),
    (
        "decimal-period-end",
        "计算所得的结果是48.2%.下一句。",
        ["计算所得的结果是48.2%.", "下一句。"],
    ),
    ("datetime", "时间:2022-07-22 09:23:53 发布。", ["时间:2022-07-22 09:23:53 发布。"]),
    ("dotted-date", "会议于2023.03.05召开。随后闭幕。", ["会议于2023.03.05召开。", "随后闭幕。"]),
    (
        "url",
        "详见http://www.gov.cn/zhengce/2023-01/content.htm?id=5!下一句。",
        ["详见http://www.gov.cn/zhengce/2023-01/content.htm?id=5!", "下一句。"],
    ),
    (
        "url-inner-question",
        "访问https://example.org/a?b=1后登记。",
        ["访问https://example.org/a?b=1后登记。"],
    ),
    ("domain", "Go to hankcs.com. Yes.", ["Go to hankcs.com.", "Yes."]),
    ("email", "来信请寄office@gov.cn.谢谢。", ["来信请寄office@gov.cn.", "谢谢。"]),
    ("version", "升级到v1.2.3版本。", ["升级到v1.2.3版本。"]),
    # --- ASCII period in Chinese text
    (
        "english-sentence",
        "这个句子应当翻译成He loves sports.焦耳定律很重要。",
        ["这个句子应当翻译成He loves sports.", "焦耳定律很重要。"],
    ),
    ("english-two", "And English text. 混合Mix！", ["And English text.", "混合Mix！"]),
    ("abbrev-lower", "e.g. this one.", ["e.g. this one."]),
    ("no-dot", "No.1文件已下发。", ["No.1文件已下发。"]),
    (
        "list-marker-period",
        "1.加强组织领导。2.完善工作机制。",
        ["1.加强组织领导。", "2.完善工作机制。"],
    ),
    (
        "list-marker-mid",
        "主要做到：1.加强领导；2.完善机制。",
        ["主要做到：1.加强领导；2.完善机制。"],
    ),
    (
        "fullwidth-marker",
        "１．加强组织领导。２．完善工作机制。",
        ["１．加强组织领导。", "２．完善工作机制。"],
    ),
    ("letter-marker", "A.坚持党的领导。B.坚持人民至上。", ["A.坚持党的领导。", "B.坚持人民至上。"]),
    # --- ellipsis
    (
        "ellipsis-new-sentence",
        "各种鲜花争奇斗艳：菊花、玫瑰、郁金香……他吃力地张开嘴。",
        ["各种鲜花争奇斗艳：菊花、玫瑰、郁金香……", "他吃力地张开嘴。"],
    ),
    ("ellipsis-deng", "推进教育、医疗、养老……等领域改革。", ["推进教育、医疗、养老……等领域改革。"]),
    ("ellipsis-de", "关于……的通知已下发。", ["关于……的通知已下发。"]),
    ("ellipsis-comma", "我们……，你们……。好。", ["我们……，你们……。", "好。"]),
    (
        "ellipsis-in-quote",
        "他吃力地说：“你……要……坚持……”然后睡了。",
        ["他吃力地说：“你……要……坚持……”", "然后睡了。"],
    ),
    ("ascii-ellipsis", "等等...我们再谈。", ["等等...", "我们再谈。"]),
    ("ellipsis-end", "还有很多……", ["还有很多……"]),
    # --- semicolons and enumerations: one sentence
    (
        "semicolon-items",
        "一是要立足本职；二是要顾全大局；三是要带头示范。",
        ["一是要立足本职；二是要顾全大局；三是要带头示范。"],
    ),
    ("halfwidth-semicolon", "一要加强;二要完善。三要落实。", ["一要加强;二要完善。", "三要落实。"]),
    (
        "paren-marker",
        "（一）坚持党的领导。（二）坚持人民至上。",
        ["（一）坚持党的领导。", "（二）坚持人民至上。"],
    ),
    # --- lines, headings, whitespace
    ("heading-line", "一、总体要求\n各地区要认真贯彻。", ["一、总体要求", "各地区要认真贯彻。"]),
    (
        "title-lines",
        "政府工作报告\n——2026年2月5日在大会上\n各位代表：\n现在，我报告工作。",
        ["政府工作报告", "——2026年2月5日在大会上", "各位代表：", "现在，我报告工作。"],
    ),
    ("crlf", "第一句。\r\n第二句。\r\n", ["第一句。", "第二句。"]),
    ("cr-only", "第一句\r第二句", ["第一句", "第二句"]),
    (
        "ideographic-indent",
        "\u3000\u3000坚持稳中求进。\u3000\u3000狠抓落实。",
        ["坚持稳中求进。", "狠抓落实。"],
    ),
    (
        "space-after-terminal",
        "北京是中国的首都。 北京有2100万人口，是一个直辖市。\n",
        ["北京是中国的首都。", "北京有2100万人口，是一个直辖市。"],
    ),
    ("blank-lines", "甲。\n\n\n乙。", ["甲。", "乙。"]),
    ("unicode-line-separator", "甲。\u2028乙", ["甲。", "乙"]),
    ("zero-width", "\u200b甲。\ufeff乙。", ["甲。", "乙。"]),
    # --- footnotes, mixed scripts
    (
        "footnote-before",
        "汉语又称华语[6][7]，是语言[8]。汉语很美。",
        ["汉语又称华语[6][7]，是语言[8]。", "汉语很美。"],
    ),
    (
        "footnote-after",
        "我们取得了胜利。[1]下一步继续努力。",
        ["我们取得了胜利。[1]", "下一步继续努力。"],
    ),
    (
        "traditional",
        "工會要圍繞核心。服務中心就是服務經濟建設。",
        ["工會要圍繞核心。", "服務中心就是服務經濟建設。"],
    ),
    (
        "mixed-scripts",
        "发展是硬道理。發展是第一要務！Development matters.",
        ["发展是硬道理。", "發展是第一要務！", "Development matters."],
    ),
    ("kana", "これはペンです。这是笔。", ["これはペンです。", "这是笔。"]),
    ("emoji", "我们赢了🎉！继续加油💪。", ["我们赢了🎉！", "继续加油💪。"]),
    (
        "fullwidth-question-mark-in-number-context",
        "GDP增长了多少？5%。",
        ["GDP增长了多少？", "5%。"],
    ),
    # --- issue 15: a sentence never starts with ，、；：
    (
        "comma-after-closing-quote",
        '"这是一本好看的书!"，小明自豪地说。',
        ['"这是一本好看的书!"，小明自豪地说。'],
    ),
    (
        "comma-after-curly-quote",
        "“这是一本好看的书！”，小明自豪地说。后来呢？",
        ["“这是一本好看的书！”，小明自豪地说。", "后来呢？"],
    ),
    ("comma-after-terminal", "要抓落实。，不能空谈。", ["要抓落实。，不能空谈。"]),
    (
        "comma-after-bracket",
        "详见附件（本文件另发。）、后附。",
        ["详见附件（本文件另发。）、后附。"],
    ),
    ("colon-after-space", "他说。 ：好", ["他说。 ：好"]),
    # --- straight quotes pair like curly ones
    ("straight-opener-after-terminal", '他说。"你好。"我说。', ["他说。", '"你好。"', "我说。"]),
    ("curly-opener-after-terminal", "他说。“你好。”我说。", ["他说。", "“你好。”", "我说。"]),
    # --- two quotations side by side, both speech: two sentences
    (
        "side-by-side-quotations",
        "“我和你讨论的不是一个东西，死亡率与死亡比例是不同的”“你知道么？CNN你们总是制造假新闻。。。”",
        [
            "“我和你讨论的不是一个东西，死亡率与死亡比例是不同的”",
            "“你知道么？CNN你们总是制造假新闻。。。”",
        ],
    ),
    (
        "side-by-side-with-space",
        "“讨论的不是一个东西，是不同的” “你知道么？”",
        ["“讨论的不是一个东西，是不同的”", "“你知道么？”"],
    ),
    (
        "side-by-side-straight",
        '"讨论的不是一个东西，是不同的""你知道么？"',
        ['"讨论的不是一个东西，是不同的"', '"你知道么？"'],
    ),
    (
        "quoted-terms-side-by-side",
        "坚持“两个毫不动摇”“三个有利于”，推动“放管服、一网通办”“互联网+”。",
        ["坚持“两个毫不动摇”“三个有利于”，推动“放管服、一网通办”“互联网+”。"],
    ),
]


@pytest.mark.parametrize(("case_id", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_sentence_case(case_id, text, expected):
    got = pt.split_sentences(text)
    assert [s.text for s in got] == expected
    for span in got:
        assert text[span.start : span.end] == span.text


def test_there_are_at_least_sixty_cases():
    assert len(CASES) >= 60
    assert len({c[0] for c in CASES}) == len(CASES)


ISSUE_15 = [c for c in CASES if c[0].startswith(("comma-", "colon-", "side-by-side", "straight-"))]


@pytest.mark.parametrize(("case_id", "text", "expected"), ISSUE_15, ids=[c[0] for c in ISSUE_15])
def test_sentence_case_in_traditional(case_id, text, expected):
    """The issue-15 rules cut the Traditional text at the same offsets."""
    traditional = pt.to_traditional(text)
    assert len(traditional) == len(text)
    simplified = [(s.start, s.end) for s in pt.split_sentences(text)]
    got = pt.split_sentences(traditional)
    assert [(s.start, s.end) for s in got] == simplified
    assert [s.text for s in got] == [traditional[a:b] for a, b in simplified]
