"""The phrase readings of ``simplified_view`` as a shipped table.

``policytext/data/phrase_readings.json`` holds what ``compute_phrase_readings``
derives from the installed OpenCC dictionaries (a second of work on the first
Traditional text), with the sha256 of those dictionaries: the view reads the
table only when they match, and computes it otherwise. Rebuild it after an
OpenCC upgrade::

    python -m tools.build_phrase_readings
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from policytext.script import PHRASE_READINGS, compute_phrase_readings, dictionary_checksums


def table() -> dict:
    """The table as written: the dictionaries' checksums and the readings, characters sorted."""
    readings = compute_phrase_readings()
    return {
        "dictionaries": dictionary_checksums(),
        "readings": {char: [list(r) for r in readings[char]] for char in sorted(readings)},
    }


def dumps(data: dict) -> str:
    """The table as JSON, one line per dictionary and per character."""

    def line(key: str, value) -> str:
        return f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}"

    parts = [
        "{",
        '"dictionaries": {',
        ",\n".join(line(k, v) for k, v in data["dictionaries"].items()),
        '},\n"readings": {',
        ",\n".join(line(k, v) for k, v in data["readings"].items()),
        "}",
        "}",
    ]
    return "\n".join(parts) + "\n"


def main() -> None:
    path = Path(str(resources.files("policytext.data").joinpath(PHRASE_READINGS)))
    path.write_text(dumps(table()), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
