"""Peak memory of the structure layers on large inputs, and per-worker flatness.

Run: ``python -m benchmarks.bench_memory [--mb 10 50]``. Each size runs in a
fresh interpreter: the text (the shared corpora repeated) is written to a
file, read, and analysed (paragraphs, sentences, enumerations, parallels,
slogans; clauses are left to be computed on demand). Prints peak RSS above
the interpreter's baseline, against the input's size as UTF-8 bytes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from benchmarks._corpus import corpus_text

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
    import json, resource, sys, time
    import policytext as pt
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    text = open(sys.argv[1], encoding="utf-8").read()
    start = time.perf_counter()
    doc = pt.analyze(text)
    layers = ("paragraphs", "sentences", "enumerations", "parallels", "slogans")
    counts = {layer: len(getattr(doc, layer)) for layer in layers}
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_kb": peak, "base_kb": base, "seconds": seconds, "counts": counts}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--mb", type=float, nargs="+", default=[10, 50], help="sizes, millions of chars"
    )
    args = parser.parse_args()
    print(f"{'chars':>12}{'UTF-8 MB':>10}{'seconds':>9}{'peak MB':>9}{'peak/input':>12}")
    for size in args.mb:
        path = Path(f"/tmp/policytext-bench-memory-{size}.txt")
        path.write_text(corpus_text(int(size * 1_000_000)), encoding="utf-8")
        run = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(SCRIPT), str(path)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        result = json.loads(run.stdout)
        input_mb = path.stat().st_size / 1e6
        peak_mb = (result["peak_kb"] - result["base_kb"]) / 1024
        row = f"{int(size * 1e6):>12,}{input_mb:>10.1f}{result['seconds']:>9.1f}"
        print(f"{row}{peak_mb:>9.0f}{peak_mb / input_mb:>12.2f}")
        path.unlink()


if __name__ == "__main__":
    main()
