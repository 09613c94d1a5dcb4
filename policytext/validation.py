"""Argument checks shared by every public entry point."""

from __future__ import annotations

from typing import Any


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
