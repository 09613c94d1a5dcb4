"""Benchmark input: the shared corpora (../shared/corpora), repeated to a target size."""

from __future__ import annotations

import sys
from pathlib import Path

SHARED_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


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
