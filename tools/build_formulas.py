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
import os
from collections import Counter, defaultdict
from pathlib import Path

from policytext.script import simplified_view
from policytext.segment import paragraphs_of, rule_paired_regions, sentences_of
from policytext.slogans import formula_count, rule_is_formula
from policytext.vocabulary import QUOTE_OPENERS

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "policytext" / "data" / "formula_lexicon.tsv"
MIN_DOCUMENTS = 2
MIN_QUOTED_SHARE = 0.5
#: the development reports of gwr_provincial_2026: the first 21 by name
PROVINCIAL_DEV = 21
HEADER = """\
# Numbered formulas mined from the quotations of the development part of ../shared/corpora
# by `python -m tools.build_formulas` (gwr_cpc_wikisource, the first 21 gwr_provincial_2026
# reports by name, the development policy documents of tests/data/document_split.json).
# A formula by its form, quoted in >= {docs} documents and in >= {share:.0%} of its occurrences.
# Columns: formula, count (the numerals' value), documents quoting it, quoted occurrences,
# all occurrences. Not hand-edited: numeral-led names that are not formulas are listed with
# ! in numbered_formulas.txt, which overrides this file.
"""


def _shared() -> Path:
    return Path(os.environ.get("POLICYTEXT_SHARED") or ROOT.parent / "shared")


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = mine(development_files(_shared() / "corpora"))
    lines = [HEADER.format(docs=MIN_DOCUMENTS, share=MIN_QUOTED_SHARE)]
    lines += ["\t".join(str(field) for field in row) + "\n" for row in rows]
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{len(rows)} formulas written to {args.out}")


if __name__ == "__main__":
    main()
