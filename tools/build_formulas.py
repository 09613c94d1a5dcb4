"""Mine the numbered formulas that writers quote, for finding them without quotation marks.

Run from the project root, with ``../shared`` beside it (or ``POLICYTEXT_SHARED``)::

    python -m tools.build_formulas [--out policytext/data/formula_lexicon.tsv]

Reads the development part of ``../shared/corpora`` only (every document of
``gwr_cpc_wikisource``, the first 21 ``gwr_provincial_2026`` reports by name, the
development documents of ``tests/data/document_split.json``; never a held-out
document). A quotation (“…” or a pair whose marks do not match in kind) whose
content reads as a numbered formula by its form (``policytext.slogans.rule_is_formula``:
a numeral of count, not a magnitude, an ordinal or a plan period) is a candidate; it
enters the lexicon when it is quoted in at least ``MIN_DOCUMENTS`` documents and in
at least ``MIN_QUOTED_SHARE`` of all its occurrences in these documents, so that a
string writers mostly leave unquoted as an ordinary word (双拥模范城, 能耗双控) does
not become a formula wherever it occurs. Each row states its evidence.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from policytext.script import simplified_view
from policytext.segment import paragraphs_of, rule_paired_regions, sentences_of
from policytext.slogans import formula_count, hand_formulas, rule_is_formula
from policytext.vocabulary import QUOTE_OPENERS
from tools.calibration import ROOT, shared_root

OUT = ROOT / "policytext" / "data" / "formula_lexicon.tsv"
MIN_DOCUMENTS = 2
MIN_QUOTED_SHARE = 0.5
#: the development reports of gwr_provincial_2026: the first 21 by name
PROVINCIAL_DEV = 21
HEADER = """\
# Numbered formulas mined from the development part of ../shared/corpora by
# `python -m tools.build_formulas` (gwr_cpc_wikisource, the first 21 gwr_provincial_2026
# reports by name, the development policy documents of tests/data/document_split.json).
# Quoted rows: a formula by its form, quoted in >= {docs} documents and in >= {share:.0%} of its
# occurrences. Unquoted rows (quoted = 0): a numeral, a classifier and a one- or two-word head
# (四项基本原则, 两个市场) in >= {unquoted} documents that is no fragment (no one next word
# in more than {next_share:.0%} of its occurrences; punctuation or a function word next
# in >= {closing:.0%}).
# Columns: formula, count (the first numeral's value), documents, quoted occurrences,
# all occurrences. Not hand-edited: numeral-led names that are not formulas are listed with
# ! in numbered_formulas.txt, which overrides this file.
"""


def development_files(corpora: Path) -> list[Path]:
    """The documents of the development part, in a fixed order."""
    split = json.loads((ROOT / "tests" / "data" / "document_split.json").read_text("utf-8"))
    dev = {Path(name).name for name in split["dev"]}
    files = sorted((corpora / "gwr_cpc_wikisource").glob("*.txt"))
    files += sorted((corpora / "gwr_provincial_2026").glob("*.txt"))[:PROVINCIAL_DEV]
    files += [p for p in sorted((corpora / "policy_docs").glob("*.txt")) if p.name in dev]
    return files


def quoted_formulas(view: str) -> list[str]:
    """The contents of the quotations of ``view`` that read as numbered formulas."""
    found = []
    for sentence in sentences_of(view, paragraphs_of(view)):
        for open_pos, close_end, mark in rule_paired_regions(view, sentence.start, sentence.end):
            content = view[open_pos + 1 : close_end - 1]
            if mark in QUOTE_OPENERS and content[:1] != "一" and rule_is_formula(content):
                found.append(content)
    return found


def mine(files: list[Path]) -> list[tuple[str, int, int, int, int]]:
    """``(formula, count, documents, quoted, occurrences)`` rows, most documents first."""
    documents: defaultdict[str, set[str]] = defaultdict(set)
    quoted: Counter[str] = Counter()
    views = []
    for path in files:
        view = simplified_view(path.read_text(encoding="utf-8"))
        views.append(view)
        for content in quoted_formulas(view):
            documents[content].add(path.name)
            quoted[content] += 1
    rows = []
    for formula, docs in documents.items():
        occurrences = sum(view.count(formula) for view in views)
        count = formula_count(formula)
        if (
            count is not None
            and len(docs) >= MIN_DOCUMENTS
            and quoted[formula] >= MIN_QUOTED_SHARE * occurrences
        ):
            rows.append((formula, count, len(docs), quoted[formula], occurrences))
    return sorted(rows, key=lambda row: (-row[2], -row[3], row[0]))


#: a numeral of two to ten, a classifier of sets, the start of a head: 四项基本原则, 两个市场
_COUNTED = re.compile(
    r"(?<![第0-9〇零一二两三四五六七八九十百千万几])[二两三四五六七八九十][个项条大种面]"
    r"(?=[\u4e00-\u9fff]{2})"
)
#: heads that count parts of a text or a quantity, not a named set: 三个方面, 两个阶段
GENERIC_HEADS = ("方面", "部分", "阶段", "问题", "指标", "工作", "百分点", "小时", "国家", "地区")
#: a candidate is a fragment when one next character follows it this often
MAX_NEXT_SHARE = 0.75
#: a head ends with a content word, not with these
FUNCTION_CHARS = "的和与及是在了等"
MIN_UNQUOTED_DOCUMENTS = 3
#: a candidate ends a phrase (punctuation or a function word next) at least this often
MIN_CLOSING_SHARE = 0.5


def mine_unquoted(files: list[Path], known: set[str]) -> list[tuple[str, int, int, int, int]]:
    """Formulas of a numeral, a classifier and a head (四项基本原则, 两个市场, 三大攻坚战) that
    recur unquoted: ``(formula, count, documents, 0, occurrences)`` rows.

    The head is one or two pkuseg words after the classifier (two to five characters).
    A candidate must occur in ``MIN_UNQUOTED_DOCUMENTS`` documents, not be a fragment (no
    one next word in more than ``MAX_NEXT_SHARE`` of its occurrences, followed by
    punctuation or a function word in ``MIN_CLOSING_SHARE`` of them), not extend a
    shorter candidate or a known formula, not end in a generic head (三个方面) or a
    function word, and count by :func:`formula_count` (not 十九大, an ordinal).
    """
    from policytext.tokenizer import tokenize

    documents: defaultdict[str, set[str]] = defaultdict(set)
    occurrences: Counter[str] = Counter()
    following: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for path in files:
        view = simplified_view(path.read_text(encoding="utf-8"))
        for match in _COUNTED.finditer(view):
            words = [t.text for t in tokenize(view[match.end() : match.end() + 12])]
            for size in (1, 2):
                head = "".join(words[:size])
                if len(words) <= size or not 2 <= len(head) <= 5 or not _is_chinese(head):
                    break
                candidate = match.group() + head
                documents[candidate].add(path.name)
                occurrences[candidate] += 1
                following[candidate][words[size]] += 1
    kept: list[str] = []
    for candidate in sorted(documents, key=lambda c: (len(c), c)):
        share = following[candidate].most_common(1)[0][1] / occurrences[candidate]
        if (
            len(documents[candidate]) >= MIN_UNQUOTED_DOCUMENTS
            and share <= MAX_NEXT_SHARE
            and not candidate.endswith(GENERIC_HEADS)
            and candidate[-1] not in FUNCTION_CHARS
            and _closing_share(following[candidate]) >= MIN_CLOSING_SHARE
            and not any(candidate.startswith(shorter) for shorter in [*kept, *known])
            and formula_count(candidate) is not None
        ):
            kept.append(candidate)
    rows = [(c, formula_count(c) or 0, len(documents[c]), 0, occurrences[c]) for c in kept]
    return sorted(rows, key=lambda row: (-row[2], -row[4], row[0]))


def _closing_share(next_words: Counter[str]) -> float:
    """How often a phrase is followed by punctuation or a function word, i.e. ends there
    (两个市场，…; not 十大重点 | 产业, a modifier of the words after it)."""
    closing = sum(
        n for word, n in next_words.items() if not _is_chinese(word) or word in FUNCTION_CHARS
    )
    return closing / sum(next_words.values())


def _is_chinese(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def lexicon_text() -> str:
    """The text of ``formula_lexicon.tsv`` as mined from the development corpora now (the
    tests compare it with the shipped file)."""
    files = development_files(shared_root() / "corpora")
    rows = mine(files)
    known = {row[0] for row in rows} | set(hand_formulas())
    rows += mine_unquoted(files, known)
    header = HEADER.format(
        docs=MIN_DOCUMENTS,
        share=MIN_QUOTED_SHARE,
        unquoted=MIN_UNQUOTED_DOCUMENTS,
        next_share=MAX_NEXT_SHARE,
        closing=MIN_CLOSING_SHARE,
    )
    lines = [header]
    lines += ["\t".join(str(field) for field in row) + "\n" for row in rows]
    return "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    text = lexicon_text()
    args.out.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - HEADER.count(chr(10))} formulas written to {args.out}")


if __name__ == "__main__":
    main()
