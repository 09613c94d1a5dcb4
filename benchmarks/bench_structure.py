"""Throughput of the structure layers (no tokenizer) on one core.

Run: ``python -m benchmarks.bench_structure [--mb 10] [--repeat 3]``. Prints one
row per layer with characters per second (best of ``--repeat`` runs) and its
ratio to the bar the issues set (2 M chars/s for sentences and, since issue 15,
for enumerations, 300 k for the essay's whole structure analysis), the ratio of
enumerations to their speed before issue 15, then the
reference essay alone (sentences + enumerations + parallels + slogans), with
the template cache cleared before every run so repeats do not flatter it. Where the
compiled twins are built (``policytext._twins.COMPILED``), the structure
analysis runs once more with the Python modules (``POLICYTEXT_PARALLELS=python``, in a
child process, on the same text) and the ratio of the two speeds is printed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import policytext as pt
from benchmarks._corpus import corpus_text
from policytext._twins import COMPILED
from policytext.caches import clear_caches

ESSAY = Path(__file__).resolve().parents[1] / "corpora" / "reference_essay.txt"
#: find_enumerations before issue 15 (chars/s, the README's last run of it, 3 M characters);
#: on a loaded machine the same day it did 0.20 M chars/s where this version did 0.44 M
ENUMERATIONS_BEFORE = 2_700_000


def best_time(function, text, repeat: int) -> float:
    """Best of ``repeat`` runs of ``function(text)``, policytext's caches cleared before each."""
    best = float("inf")
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


def analyze_structure(text: str) -> None:
    """Every structure layer of ``analyze`` that exists (no tokenizer)."""
    doc = pt.analyze(text)
    for layer in ("paragraphs", "sentences", "enumerations", "parallels", "slogans"):
        getattr(doc, layer)


def _python_modules_speed(mb: float, repeat: int) -> float:
    """chars/s of ``analyze_structure`` on the same text with ``POLICYTEXT_PARALLELS=python``."""
    script = (
        "import sys\n"
        "from benchmarks._corpus import corpus_text\n"
        "from benchmarks.bench_structure import analyze_structure, best_time\n"
        "from policytext._twins import COMPILED\n"
        "assert not COMPILED\n"
        "text = corpus_text(int(float(sys.argv[1]) * 1_000_000))\n"
        "print(len(text) / best_time(analyze_structure, text, int(sys.argv[2])))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(mb), str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "POLICYTEXT_PARALLELS": "python"},
    )
    return float(out.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10.0, help="input size, millions of chars")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = corpus_text(int(args.mb * 1_000_000))
    print(f"input: {len(text):,} characters from ../shared/corpora, best of {args.repeat}")
    print(f"{'layer':<22}{'seconds':>10}{'chars/s':>16}{'bar':>12}{'ratio':>8}")
    for name, function, bar in [
        ("split_paragraphs", pt.split_paragraphs, None),
        ("split_sentences", pt.split_sentences, 2_000_000),
        ("split_clauses", pt.split_clauses, None),
        ("simplified_view", pt.simplified_view, None),
        ("find_enumerations", pt.find_enumerations, 2_000_000),
        ("find_slogans", pt.find_slogans, None),
        ("find_parallels", pt.find_parallels, None),
        ("analyze (structure)", analyze_structure, None),
    ]:
        seconds = best_time(function, text, args.repeat)
        speed = len(text) / seconds
        bar_text = f"{bar:>12,}" if bar else f"{'':>12}"
        ratio = f"{speed / bar:>8.2f}" if bar else ""
        print(f"{name:<22}{seconds:>10.3f}{speed:>16,.0f}{bar_text}{ratio}")
        if function is pt.find_enumerations:
            enumerations_speed = speed
        if function is analyze_structure:
            structure_speed = speed
    print(
        f"find_enumerations / before issue 15 ({ENUMERATIONS_BEFORE:,} chars/s): "
        f"{enumerations_speed / ENUMERATIONS_BEFORE:.2f}"
    )
    if COMPILED:
        python_speed = _python_modules_speed(args.mb, args.repeat)
        print(
            f"analyze (structure) with the compiled twins ({', '.join(COMPILED)}) / with the "
            f"Python modules ({python_speed:,.0f} chars/s): {structure_speed / python_speed:.2f}"
        )
    else:
        print("analyze (structure) ran the Python modules: no compiled twin is built")
    essay = ESSAY.read_text(encoding="utf-8")
    seconds = best_time(analyze_structure, essay, max(30, args.repeat))
    speed = len(essay) / seconds
    print(
        f"{'essay (structure)':<22}{seconds:>10.4f}{speed:>16,.0f}"
        f"{300_000:>12,}{speed / 300_000:>8.2f}"
    )


if __name__ == "__main__":
    main()
