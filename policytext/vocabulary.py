"""The character classes every rule reads: one definition of each mark.

Sentence terminals, closing marks, paired marks (titles, quotes, brackets),
clause separators, whitespace and Chinese numerals are written here once;
segment, layout and enumerations (and the rhetoric layers) build their rules
and regular expressions from these names. ``tests/test_vocabulary.py`` states
how the sets relate (terminals within sentence ends within paragraph ends,
every opener with its closer, openers and closers apart, …).
"""

from __future__ import annotations

# --- sentences ------------------------------------------------------------------

#: marks that end a sentence (with the small and halfwidth forms ﹒﹗﹖ ｡)
STRONG_TERMINALS = "。！？!?｡﹒﹗﹖"
#: an ellipsis (…… ⋯); it ends a sentence only when a new one follows
ELLIPSIS_CHARS = "…⋯"
#: periods that end a sentence unless part of a number, URL, abbreviation or list marker
PERIODS = ".．"
#: the strong terminals as a set: a line or paragraph ending with one ends a sentence
SENTENCE_END = frozenset(STRONG_TERMINALS)
#: marks a paragraph may end with (closing marks and a footnote [1] may follow)
PARAGRAPH_END = SENTENCE_END | frozenset(ELLIPSIS_CHARS + "；;：:")
#: marks that split a sentence into clauses (the mark stays with its clause)
CLAUSE_MARKS = "，、；：,;:﹐﹑﹔﹕､"
#: colons (fullwidth, ASCII, small): what a label or a heading ends with
COLONS = "：:﹕"
#: list marks (enumeration commas): they split items inside a clause, not clauses
LIST_MARKS = "、﹑､"

# --- paired marks ---------------------------------------------------------------------

#: titles and names (《》〈〉): never split, a terminal inside does not end the sentence
TITLES = {"《": "》", "〈": "〉"}
#: quotation marks, opening -> closing
QUOTES = {"「": "」", "『": "』", "“": "”", "‘": "’", "«": "»"}
#: brackets, opening -> closing
BRACKETS = {"（": "）", "(": ")", "[": "]", "【": "】", "〔": "〕", "﹝": "﹞"}
#: every paired mark: opening -> closing
PAIRS = {**TITLES, **QUOTES, **BRACKETS}
#: closing -> opening
CLOSING = {close: open_ for open_, close in PAIRS.items()}
TITLE_MARKS = frozenset(TITLES)
BRACKET_MARKS = frozenset(BRACKETS)
#: straight quotes: the same mark opens and closes
STRAIGHT_QUOTES = "\"'"
#: marks that open a quotation (a slogan, reported speech)
QUOTE_OPENERS = frozenset(QUOTES) | frozenset(STRAIGHT_QUOTES)
#: marks that close a quotation (any kind closes any opener: “筑巢" still quotes)
QUOTE_CLOSERS = frozenset(QUOTES.values()) | frozenset(STRAIGHT_QUOTES)
#: closing marks that stay with the sentence they follow (› closes a quotation whose
#: opener ‹ is too rare in Chinese text to pair)
CLOSERS = "".join(CLOSING) + "›" + STRAIGHT_QUOTES

# --- whitespace -------------------------------------------------------------------------

#: line-break characters (``\r\n`` is one break: see ``layout.LINE_BREAK_RE``)
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: invisible characters that are not text: bidi marks and embeddings (LRM, RLM, ALM,
#: LRE…PDF, LRI…PDI), the soft hyphen and the Hangul fillers (U+3164 looks like a space)
INVISIBLE = (
    "\u200e\u200f\u061c\u00ad\u3164\u115f\u1160\uffa0"
    + "".join(chr(c) for c in range(0x202A, 0x202F))
    + "".join(chr(c) for c in range(0x2066, 0x206A))
)
#: characters trimmed from the ends of lines, paragraphs, sentences and clauses: every
#: Unicode space (U+3000 included), the line breaks, the zero-width characters and the
#: invisible ones (text made only of them has no paragraph)
WHITESPACE = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
    + INVISIBLE
)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
#: spaces within a line (indentation, the gap between a table's fields): the whitespace
#: that neither breaks a line nor has no width
INLINE_SPACES = "".join(c for c in WHITESPACE if c not in LINE_BREAKS and c not in ZERO_WIDTH)

# --- clause edges ---------------------------------------------------------------------

#: characters a clause opens after or closes before: the sentence ends, the clause marks
#: other than the list marks, the line breaks (a span at one of them has nothing of its
#: clause beyond it on that side)
CLAUSE_EDGES = SENTENCE_END | frozenset(CLAUSE_MARKS + LINE_BREAKS) - frozenset(LIST_MARKS)
#: characters a clause or a list item opens after or closes before: the clause edges and
#: the list marks (、 ends a 、-item as ， ends a clause)
ITEM_EDGES = CLAUSE_EDGES | frozenset(LIST_MARKS)

# --- numerals -----------------------------------------------------------------------------

#: the Arabic digits, ASCII and full-width
DIGITS = "0123456789０１２３４５６７８９"
#: the Chinese digits and their values
CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
#: the characters of a Chinese ordinal up to 九十九 (一 … 九 and 十)
NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "十"
#: the value of each numeral character in counts (两 counts 2: 两个务必)
NUMERAL_VALUES = {**CHINESE_DIGITS, "两": 2, "十": 10}
#: the numeral characters of counts and magnitudes (二十二, 两个, 千万, 〇)
COUNT_NUMERALS = "〇零一二两三四五六七八九十百千万"
#: circled numbers ① … ⑳
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# --- writing systems ----------------------------------------------------------------

#: the CJK Unified Ideographs (U+4E00 … U+9FFF), what the rules read as Chinese
#: characters: the block's first and last character, and one of them as a class of a
#: regular expression
HAN_FIRST, HAN_LAST = "\u4e00", "\u9fff"
HAN_CHAR = f"[{HAN_FIRST}-{HAN_LAST}]"
#: the plus signs, ASCII and full-width, that join the parts of a formula (人防+物防+技防, “4+1”)
PLUS_SIGNS = "+＋"
#: the private-use area of the BMP (U+E000 … U+F8FF): where PDF extraction puts glyphs it
#: could not map, such as a list marker's stop (1\ue010)
PRIVATE_USE = "".join(map(chr, range(0xE000, 0xF900)))

#: the ranges of characters printed one cell wide (ASCII, Latin and the other alphabets to
#: U+02FF, the half-width forms U+FF61-U+FFDC and U+FFE8-U+FFEE), first and last character;
#: every other character, CJK text and its punctuation, takes two cells as printed in Chinese
NARROW_RANGES = (("\x00", "\u02ff"), ("\uff61", "\uffdc"), ("\uffe8", "\uffee"))
#: the same characters as one string (what the compiled kernel reads)
NARROW = "".join(chr(c) for first, last in NARROW_RANGES for c in range(ord(first), ord(last) + 1))

# --- words ----------------------------------------------------------------------------

#: prepositions (coverbs) that open a phrase or a clause: before a 、-list they open the
#: list, not its first member (向｜行业内企业、产业链上下游企业); after a list's last member
#: and a 、 they open a new clause (去部署、把上级的要求贯彻到…)
PREPOSITIONS = frozenset("向对在把从为将与以及和由")
#: indefinite quantifiers of a plural object (a numeral one and a collective classifier),
#: longest first: what a verb of policy prose sets before its object (建设一批…, 出台一系列…)
INDEFINITE_QUANTIFIERS = ("一大批", "一系列", "一揽子", "一批", "一些")
