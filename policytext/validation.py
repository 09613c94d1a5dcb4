"""Argument checks shared by every public entry point."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

#: one input of a corpus: a text, a path to a UTF-8 file, or a ``(doc_id, text)`` pair
CorpusInput = str | Path | tuple[str, str]


def ensure_text(text: Any, name: str = "text") -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a ``TypeError`` that says what to do."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"{name} must be str, not {type(text).__name__}; decode it first, "
            f"e.g. data.decode('utf-8')"
        )
    raise TypeError(f"{name} must be str, not {type(text).__name__}")


def ensure_positive_int(value: Any, name: str) -> int:
    """Return ``value`` if it is an int >= 1 (bools refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be >= 1, got {value}")
    return value


def corpus_items(items: Iterable[CorpusInput]) -> Iterator[tuple[str, str]]:
    """``(doc_id, text)`` for texts (ids ``doc0``…), ``Path`` objects (read as UTF-8) and pairs."""
    for number, item in enumerate(items):
        if isinstance(item, tuple) and len(item) == 2:
            doc_id, text = item
            yield str(doc_id), ensure_text(text)
        elif isinstance(item, Path):
            yield str(item), item.read_text(encoding="utf-8")
        elif isinstance(item, str):
            yield f"doc{number}", item
        else:
            raise TypeError(
                f"corpus items must be str, Path or (doc_id, text) pairs, not {type(item).__name__}"
            )
