"""Measure how often quotations of each evidence score are slogans, and write the table.

Run from the project root, with ``../shared`` beside it (or ``POLICYTEXT_SHARED``)::

    python -m tools.calibrate_slogans [--out policytext/data/slogan_evidence_calibration.tsv]

Reads the development passages annotated for slogans
(``tests/data/policy_parallel_passages.json`` and
``tests/data/independent_parallel_passages.json``; never a held-out set), scores every
quotation that could be a quoted slogan (``policytext.slogans.quoted_candidates``) and
counts per band of evidence how many an annotator marked as a quoted slogan (core or
not, span within one character). The shares are made monotone (pool adjacent
violators) and written with the counts. ``policytext.slogans.slogan_threshold()`` reads
the table: the top of the highest band whose calibrated share is below one half.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from policytext.slogans import quoted_candidates
from tools.calibrate_parallels import _shared, monotone

ROOT = Path(__file__).resolve().parents[1]
SETS = ("policy_parallel_passages.json", "independent_parallel_passages.json")
BANDS = ((-99, 0), (0, 1), (1, 2), (2, 3), (3, 5), (5, 99))
OUT = ROOT / "policytext" / "data" / "slogan_evidence_calibration.tsv"


def outcomes() -> list[tuple[int, bool]]:
    """``(evidence score, annotated as a quoted slogan)`` for every candidate quotation."""
    found = []
    files: dict[str, str] = {}
    for name in SETS:
        path = ROOT / "tests" / "data" / name
        if not path.exists():
            continue
        for passage in json.loads(path.read_text(encoding="utf-8"))["passages"]:
            if "slogans" not in passage:
                continue
            if passage["file"] not in files:
                source = _shared() / "corpora" / passage["file"]
                files[passage["file"]] = source.read_text(encoding="utf-8")
            text = files[passage["file"]][passage["start"] : passage["end"]]
            gold = [g["span"] for g in passage["slogans"] if g["kind"] == "quoted"]
            for span, score in quoted_candidates(text):
                hit = any(abs(a - span.start) <= 1 and abs(b - span.end) <= 1 for a, b in gold)
                found.append((score, hit))
    return found


def table() -> list[tuple[int, int, int, int, float, float]]:
    """``(low, high, quotations, slogans, share, calibrated share)`` per non-empty band."""
    scored = outcomes()
    counts = []
    for low, high in BANDS:
        inside = [hit for score, hit in scored if low <= score < high]
        counts.append((len(inside), sum(inside)))
    values = iter(monotone(counts))
    return [
        (low, high, total, hits, hits / total, next(values))
        for (low, high), (total, hits) in zip(BANDS, counts, strict=True)
        if total
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    lines = [
        "# Share of candidate quotations per band of slogan evidence that annotators marked as",
        "# quoted slogans, on the development passages (tests/data/policy_parallel_passages.json,",
        "# tests/data/independent_parallel_passages.json), by python -m tools.calibrate_slogans;",
        "# calibrated = the share made monotone. find_slogans keeps a quotation whose evidence is",
        "# above every band with a calibrated share < 0.5 (policytext.slogans.slogan_threshold).",
        "low\thigh\tquotations\tslogans\tshare\tcalibrated",
    ]
    for low, high, total, hits, share, value in table():
        lines.append(f"{low}\t{high}\t{total}\t{hits}\t{share:.3f}\t{value:.3f}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[5:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
