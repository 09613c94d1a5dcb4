"""Benchmark input: the shared corpora (../shared/corpora), repeated to a target size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the shared material: ../shared beside the project, or $POLICYTEXT_SHARED (as for the tests)
SHARED = Path(os.environ.get("POLICYTEXT_SHARED") or ROOT.parent / "shared")
SHARED_CORPORA = SHARED / "corpora"


def shared_documents() -> list[str]:
    """Every ``.txt`` document of the shared corpora (exits with a message when absent)."""
    if not SHARED_CORPORA.is_dir():
        sys.exit(f"benchmarks need {SHARED_CORPORA} (the shared corpora beside the project)")
    return [p.read_text(encoding="utf-8") for p in sorted(SHARED_CORPORA.rglob("*.txt"))]


def corpus_text(target_chars: int) -> str:
    """The shared documents joined by blank lines and repeated up to ``target_chars``."""
    joined = "\n\n".join(shared_documents())
    repeats = target_chars // len(joined) + 1
    return ("\n\n".join([joined] * repeats))[:target_chars]


def run_fresh(body: str, repeat: int = 1) -> dict:
    """Run ``body`` in a fresh interpreter; it sets ``seconds`` (and may set ``extra``).

    Returns ``{"seconds", "peak_mb", "extra"}``; peak RSS is the whole
    interpreter's, so every measurement that loads something runs on its own.
    With ``repeat`` > 1, that many fresh runs: the fastest time, the highest peak.
    """
    runs = [_run_fresh_once(body) for _ in range(repeat)]
    extras = {json.dumps(run["extra"]) for run in runs}
    assert len(extras) == 1, f"the runs of one row disagree: {extras}"
    return {
        "seconds": min(run["seconds"] for run in runs),
        "peak_mb": max(run["peak_mb"] for run in runs),
        "extra": runs[0]["extra"],
    }


def _run_fresh_once(body: str) -> dict:
    script = (
        "import time, json, resource\nextra = None\n"
        + textwrap.dedent(body)
        + textwrap.dedent(
            """
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"seconds": seconds, "peak_mb": peak, "extra": extra}))
        """
        )
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def documents_file(target_chars: int | None, name: str) -> tuple[Path, int]:
    """The shared documents, cycled until ``target_chars``, one JSON string per line.

    ``target_chars=None`` writes every document exactly once.

    Returns the file (under the system temp directory) and its character count;
    the benchmarks' fresh interpreters read it back with :func:`json.loads`.
    """
    import tempfile
    from itertools import cycle

    path = Path(tempfile.gettempdir()) / f"policytext-bench-{name}.jsonl"
    total = 0
    with path.open("w", encoding="utf-8") as out:
        documents = shared_documents()
        for document in documents if target_chars is None else cycle(documents):
            if target_chars is not None and total >= target_chars:
                break
            out.write(json.dumps(document, ensure_ascii=False) + "\n")
            total += len(document)
    return path, total


#: benchmark results kept as data; the README's tables are made from them
RESULTS = ROOT / "benchmarks" / "results"


def update_results(name: str, summary: list[dict[str, str]], measured: dict[str, dict]) -> Path:
    """Write ``benchmarks/results/<name>.json``: the summary rows this run measured replace
    those of the same ``what`` (rows of tables not run keep their last values), and the
    raw numbers of every row measured. ``python -m tools.results_table`` puts the summary
    into the README."""
    path = RESULTS / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"summary": []}
    fresh = {row["what"]: row for row in summary}
    kept = [fresh.pop(row["what"], row) for row in data.get("summary", [])]
    data["summary"] = kept + list(fresh.values())
    data["measured"] = {**data.get("measured", {}), **measured}
    data["machine"] = f"{os.cpu_count()} cores"
    RESULTS.mkdir(exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
