"""Make the README's benchmark tables from the results the benchmarks write as data.

Each ``benchmarks/results/<name>.json`` holds a ``summary``: rows of ``what``
and ``ratio``. The README marks where each table goes::

    <!-- results: bench_scale -->
    | what | ratio |
    …
    <!-- /results -->

``python -m tools.results_table`` rewrites those tables; ``--check`` only says
whether the README is up to date (exit status 1 when it is not).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
README = ROOT / "README.md"
_BLOCK_RE = re.compile(
    r"(<!-- results: (?P<name>[\w-]+) -->\n)(?P<table>.*?)(<!-- /results -->)", re.S
)


def table(name: str, results: Path = RESULTS) -> str:
    """The Markdown table of ``benchmarks/results/<name>.json``'s summary."""
    data = json.loads((results / f"{name}.json").read_text(encoding="utf-8"))
    lines = ["| what | ratio |", "| --- | --- |"]
    lines += [f"| {row['what']} | {row['ratio']} |" for row in data["summary"]]
    return "\n".join(lines) + "\n"


def render(readme: str, results: Path = RESULTS) -> str:
    """``readme`` with every marked table made again from its results file."""
    return _BLOCK_RE.sub(
        lambda m: m.group(1) + table(m.group("name"), results) + m.group(4), readme
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.results_table", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check the README")
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    made = render(text)
    if args.check:
        if made != text:
            print("README.md: benchmark tables differ from benchmarks/results; run the tool")
            return 1
        print("README.md: benchmark tables match benchmarks/results")
        return 0
    README.write_text(made, encoding="utf-8")
    print(f"README.md: {len(_BLOCK_RE.findall(text))} table(s) made from benchmarks/results")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
