"""Cost of the layout layer against the structure layers (issue 9: less than 20%).

Run: ``python -m benchmarks.bench_layout [--repeat 3]``. The shared corpora are
taken as they are (one paragraph per line, or blank lines between paragraphs)
and hard-wrapped as a printed edition (36 characters a line, first-line
indents, a page number and a running header every 30 lines, by
``tests/support/wrapping.py``). For each input it prints, best of ``--repeat``:

* ``layout``: ``find_layout`` alone (line decisions, furniture, reading text);
* ``structure``: the structure layers (sentences, clauses, enumerations,
  parallels, slogans) on the reading text with ``layout="lines"``, i.e. with
  no layout work at all;
* ``analyze``: the same layers through ``analyze(text)`` with the default
  ``layout="auto"`` — layout, the layers and the mapping of every offset back
  into the raw text;

and the ratios layout / structure and (analyze - structure) / structure.
"""

from __future__ import annotations

import argparse

import policytext as pt
from benchmarks._corpus import shared_documents
from benchmarks.bench_structure import best_time
from policytext.layout import read
from policytext.payload import LAYERS
from tests.support.wrapping import wrap


def structure(texts: list[str], layout: str) -> None:
    for text in texts:
        doc = pt.analyze(text, layout=layout)
        for layer in (*LAYERS, "clauses"):
            getattr(doc, layer)


def layouts(texts: list[str]) -> None:
    for text in texts:
        pt.find_layout(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    documents = shared_documents()
    inputs = {
        "as published": documents,
        "wrapped 36, pages": [
            wrap(d, 36, indent=True, page_lines=30, header="政府工作报告").text for d in documents
        ],
    }
    print(f"{len(documents)} documents of ../shared/corpora, best of {args.repeat}")
    print(
        f"{'input':<20}{'chars':>11}{'layout s':>10}{'structure s':>13}{'analyze s':>11}"
        f"{'layout/structure':>18}{'overhead':>10}"
    )
    for name, texts in inputs.items():
        readings = [read(t).text for t in texts]
        layout = best_time(layouts, texts, args.repeat)
        plain = best_time(lambda t: structure(t, "lines"), readings, args.repeat)
        full = best_time(lambda t: structure(t, "auto"), texts, args.repeat)
        chars = sum(map(len, texts))
        print(
            f"{name:<20}{chars:>11,}{layout:>10.3f}{plain:>13.3f}{full:>11.3f}"
            f"{layout / plain:>18.3f}{(full - plain) / plain:>10.3f}"
        )


if __name__ == "__main__":
    main()
