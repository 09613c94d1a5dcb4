"""Lexicons and tables shipped with policytext (provenance in ``README.md`` here)."""

from __future__ import annotations

from importlib import resources


def table_rows(name: str) -> list[list[str]]:
    """The rows of the shipped tab-separated table ``name``, split into fields; blank lines
    and ``#`` comment lines are left out (a header row is kept: the caller knows it)."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]
