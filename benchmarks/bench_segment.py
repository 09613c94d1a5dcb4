"""Throughput of the segmentation layers on one core.

Run: ``python benchmarks/bench_segment.py [--mb 10] [--repeat 3]``. Prints one
row per layer with characters per second (best of ``--repeat`` runs).
"""

from __future__ import annotations

import argparse
import time

from _corpus import corpus_text

import policytext as pt


def best_time(function, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10.0, help="input size, millions of chars")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = corpus_text(int(args.mb * 1_000_000))
    print(f"input: {len(text):,} characters from ../shared/corpora, best of {args.repeat}")
    print(f"{'layer':<20}{'seconds':>10}{'chars/s':>16}")
    for name, function in [
        ("split_paragraphs", pt.split_paragraphs),
        ("split_sentences", pt.split_sentences),
        ("split_clauses", pt.split_clauses),
        ("simplified_view", pt.simplified_view),
    ]:
        seconds = best_time(function, text, args.repeat)
        print(f"{name:<20}{seconds:>10.3f}{len(text) / seconds:>16,.0f}")


if __name__ == "__main__":
    main()
