"""Build the background document frequencies shipped in ``policytext/data``.

Run from the project root, with ``../shared`` beside it::

    python -m tools.build_background ../shared/corpora --unit document \\
        --out policytext/data/background_idf.tsv.gz

Every ``*.txt`` under the corpus folder except ``reference_essay.txt`` is read
(the national government work reports, NPC resolutions and CPC congress
reports of ``gwr_cpc_wikisource/`` and the 2026 provincial reports of
``gwr_provincial_2026/``); ``--unit paragraph`` counts paragraphs as
documents instead. The output depends only on the corpus, the tokenizer model
and the stop words, so the table can be rebuilt and compared byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policytext.segment import paragraphs_of
from policytext.themes import BackgroundIDF, terms_of
from policytext.tokenizer import tokenize

EXCLUDED = {"reference_essay.txt"}


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.txt") if p.name not in EXCLUDED)


def build(corpus: Path, unit: str = "document") -> BackgroundIDF:
    """Document frequencies of the corpus, counting documents or paragraphs."""
    files = corpus_files(corpus)
    if not files:
        raise FileNotFoundError(f"no .txt documents under {corpus}")

    def documents():
        for path in files:
            text = path.read_text(encoding="utf-8")
            if unit == "document":
                yield terms_of(tokenize(text))
            else:
                for paragraph in paragraphs_of(text):
                    yield terms_of(tokenize(paragraph.text))

    source = f"{len(files)} documents of {corpus.name}/ ({unit}s counted)"
    return BackgroundIDF.from_documents(documents(), source)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.build_background",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("corpus", type=Path, help="folder of .txt documents (../shared/corpora)")
    parser.add_argument("--unit", choices=("document", "paragraph"), default="document")
    parser.add_argument("--out", type=Path, default=Path("policytext/data/background_idf.tsv.gz"))
    args = parser.parse_args(argv)
    try:
        table = build(args.corpus, args.unit)
    except FileNotFoundError as error:
        parser.error(str(error))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    table.write(args.out)
    print(f"{args.out}: {len(table.frequencies)} terms over {table.documents} {args.unit}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
