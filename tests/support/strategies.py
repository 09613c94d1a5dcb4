"""Hypothesis strategies for policy-like text in both scripts."""

from __future__ import annotations

from hypothesis import strategies as st

CJK = "工會组织作用發揮经验交流一二三四五是要首先其次最后第條项條發展黨党团结一心送万萬家"
ASCII = "abcXYZ0123456789 .%-:/"
PUNCT = "。！？!?，、；：,;:…“”‘’「」《》〈〉（）()[]【】\"'—·"
SPACE = "\n\r\t \u3000\u2028\u200b\ufeff"
MARKERS = [
    "一是",
    "二是",
    "一要",
    "（一）",
    "1.",
    "１．",
    "首先",
    "其次",
    "最后",
    "第一",
    "……",
    "...",
    "\r\n",
    "\n\n",
]

chars = st.sampled_from(CJK + ASCII + PUNCT + SPACE)
pieces = st.one_of(chars, st.sampled_from(MARKERS))
policy_text = st.lists(pieces, max_size=80).map("".join)
any_text = st.text(max_size=80)
