"""Traditional / Simplified handling.

Two kinds of conversion live here:

* ``to_simplified`` / ``to_traditional`` — OpenCC's phrase-aware conversion
  (opencc-python-reimplemented), for text a user reads.
* ``simplified_view`` — a *length-preserving* character-by-character mapping
  used internally: every analysis layer runs on this view, so an offset found
  in it is an offset in the caller's original string, whatever its script.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np

from .validation import ensure_text

Script = Literal["traditional", "simplified", "mixed", "unknown"]

# share of the minority script (among characters that tell the scripts apart)
# above which a text counts as mixed
MIXED_THRESHOLD = 0.1


def _opencc(config: str):  # -> opencc.OpenCC
    """OpenCC's converter for ``config`` ("t2s" or "s2t"), loaded once (a table)."""
    return _t2s_converter() if config == "t2s" else _s2t_converter()


@lru_cache(maxsize=1)
def _t2s_converter():
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t_converter():
    from opencc import OpenCC

    return OpenCC("s2t")


def _opencc_dictionary(name: str) -> dict[str, list[str]]:
    import opencc

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", name)
    table: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            key, _, values = line.rstrip("\n").partition("\t")
            if key and values:
                table[key] = values.split(" ")
    return table


@lru_cache(maxsize=1)
def _character_tables() -> tuple[dict[int, str], frozenset[str], frozenset[str]]:
    """(t2s translate table, Traditional-only characters, Simplified-only characters)."""
    t2s = _opencc_dictionary("TSCharacters.txt")
    s2t = _opencc_dictionary("STCharacters.txt")
    table: dict[int, str] = {}
    traditional_only = set()
    for char, targets in t2s.items():
        if len(char) != 1 or len(targets[0]) != 1 or targets[0] == char:
            continue
        table[ord(char)] = targets[0]
        if char not in targets:
            traditional_only.add(char)
    simplified_only = {
        char
        for char, targets in s2t.items()
        if len(char) == 1 and char not in targets and char not in traditional_only
    }
    return table, frozenset(traditional_only), frozenset(simplified_only)


#: the phrase readings, as computed from the OpenCC dictionaries they name by sha256
#: (``python -m tools.build_phrase_readings`` writes it)
PHRASE_READINGS = "phrase_readings.json"
#: the OpenCC dictionaries the phrase readings are computed from
READING_DICTIONARIES = ("TSCharacters.txt", "STCharacters.txt", "STPhrases.txt")

Readings = dict[str, list[tuple[int, str, str]]]


@lru_cache(maxsize=1)
def _phrase_readings() -> tuple[re.Pattern[str], Readings]:
    """Where OpenCC's Simplified-to-Traditional phrases give a character that the
    character table would read back as another Simplified character.

    ``资金链`` becomes ``資金鍊`` (the phrase 金链 → 金鍊) while 鍊 alone reads 炼, and
    ``了解`` becomes ``瞭解`` while 瞭 alone stays 瞭. For each such character: the
    Traditional phrases it occurs in, as ``(offset in the phrase, Traditional phrase,
    Simplified character)``, longest phrase first; and a pattern finding the characters.
    Read from the shipped table when it was computed from the installed dictionaries
    (computing it takes a second, on the first Traditional text any layer reads).
    """
    readings = shipped_phrase_readings()
    if readings is None:
        readings = compute_phrase_readings()
    pattern = re.compile("[" + re.escape("".join(sorted(readings))) + "]")
    return pattern, readings


def dictionary_checksums() -> dict[str, str]:
    """sha256 of each installed OpenCC dictionary the phrase readings are computed from."""
    import opencc

    from .checksums import sha256_of

    folder = Path(opencc.__file__).parent / "dictionary"
    return {name: sha256_of(folder / name) for name in READING_DICTIONARIES}


def shipped_phrase_readings() -> Readings | None:
    """The shipped phrase readings, or None when the installed dictionaries are others."""
    shipped = json.loads(
        resources.files("policytext.data").joinpath(PHRASE_READINGS).read_text(encoding="utf-8")
    )
    if shipped["dictionaries"] != dictionary_checksums():
        return None
    return {
        char: [(offset, phrase, simplified) for offset, phrase, simplified in found]
        for char, found in shipped["readings"].items()
    }


def compute_phrase_readings() -> Readings:
    """The phrase readings (see ``_phrase_readings``) computed from the OpenCC dictionaries."""
    table, _, _ = _character_tables()
    to_traditional_ = _opencc("s2t").convert
    readings: Readings = {}
    # the view keeps lengths: a phrase of another length cannot be read back
    pairs = [
        (simplified, traditional)
        for simplified, targets in _opencc_dictionary("STPhrases.txt").items()
        for traditional in targets
        if len(traditional) == len(simplified)
    ]
    for simplified, traditional in _misread(pairs, table):
        plain = traditional.translate(table)
        if plain == simplified or (plain != traditional and to_traditional_(plain) == traditional):
            # read as the table reads it already, or the table's reading is a Simplified
            # phrase converted to this one too (覆盖 and 复盖 both give 覆蓋: keep 覆盖)
            continue
        for offset, (t_char, s_char) in enumerate(zip(traditional, simplified, strict=True)):
            if plain[offset] != s_char and table.get(ord(s_char), s_char) == s_char:
                readings.setdefault(t_char, []).append((offset, traditional, s_char))
    for phrases in readings.values():
        phrases.sort(key=lambda reading: -len(reading[1]))
    return readings


def _misread(pairs: list[tuple[str, str]], table: dict[int, str]) -> list[tuple[str, str]]:
    """The (Simplified, Traditional) phrase pairs, in order, whose Traditional phrase the
    character table does not read back as the Simplified one: all phrases translated in
    one call and compared as code-point arrays (49,000 phrases a process, in milliseconds)."""
    if not pairs:
        return []
    simplified = "\x00".join(s for s, _ in pairs)
    plain = "\x00".join(t for _, t in pairs).translate(table)
    if len(plain) != len(simplified):  # the table maps one character to one: cannot happen
        return [pair for pair in pairs if pair[1].translate(table) != pair[0]]
    codes = np.frombuffer(plain.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    wanted = np.frombuffer(simplified.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # the pair of each position: pair i starts after i separators
    ends = np.cumsum([len(s) + 1 for s, _ in pairs])
    differing = np.unique(np.searchsorted(ends, np.flatnonzero(codes != wanted), side="right"))
    return [pairs[i] for i in differing.tolist()]


def to_simplified(text: str) -> str:
    """Convert Traditional characters to Simplified with OpenCC (``t2s``, phrase-aware)."""
    return _opencc("t2s").convert(ensure_text(text))


def to_traditional(text: str) -> str:
    """Convert Simplified characters to Traditional with OpenCC (``s2t``, phrase-aware)."""
    return _opencc("s2t").convert(ensure_text(text))


# below this length str.translate is quicker than the code-point table (same output)
_TABLE_FROM = 256
#: characters mapped through the table at a time
_CHUNK = 1 << 18


@lru_cache(maxsize=1)
def _code_point_table() -> np.ndarray:
    """The t2s character table as an array: ``table[cp]`` is the code point cp maps to."""
    table, _, _ = _character_tables()
    lookup = np.arange(max(table) + 1, dtype=np.uint32)
    for code, char in table.items():
        lookup[code] = ord(char)
    return lookup


def simplified_view(text: str) -> str:
    """Map each Traditional character to its Simplified form, one character for one.

    ``len(simplified_view(t)) == len(t)`` always, so offsets found in the view
    are offsets in ``t``. A character reads as the Simplified character OpenCC
    converts to it: inside one of OpenCC's Simplified-to-Traditional phrases it
    reads as that phrase says (資金鍊 → 资金链, 瞭解 → 了解, 答覆 → 答复), so that
    ``simplified_view(to_traditional(s))`` reads as ``s`` does; elsewhere a
    character with several readings takes OpenCC's first, most common one
    (鍛鍊 → 锻炼, 瞭望 stays). Long texts map their characters through a numpy
    table over code points, short ones through ``str.translate``: the same mapping.
    """
    text = ensure_text(text)
    view = _character_view(text)
    if view == text:  # nothing converted: no Traditional phrase to read; no second copy
        return text
    pattern, readings = _phrase_readings()
    fixes: dict[int, str] = {}
    for match in pattern.finditer(text):
        position = match.start()
        for offset, phrase, simplified in readings[match.group()]:
            start = position - offset
            if start >= 0 and text.startswith(phrase, start):
                fixes[position] = simplified
                break
    if not fixes:
        return view
    pieces = []  # the view between the fixes and the fixes (not a list of every character)
    done = 0
    for position in sorted(fixes):
        pieces += (view[done:position], fixes[position])
        done = position + 1
    pieces.append(view[done:])
    return "".join(pieces)


def _character_view(text: str) -> str:
    """``text`` with every character mapped alone (no phrase readings)."""
    if len(text) < _TABLE_FROM or text.isascii():
        table, _, _ = _character_tables()
        return text.translate(table)
    if len(text) > _CHUNK:  # a chunk at a time: the arrays stay a few MB, whatever the text
        return "".join(_character_view(text[i : i + _CHUNK]) for i in range(0, len(text), _CHUNK))
    lookup = _code_point_table()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # take: lookup[...] as a plain loop (fancy indexing builds an iterator over the indices)
    mapped = np.where(codes < len(lookup), lookup.take(np.minimum(codes, len(lookup) - 1)), codes)
    return mapped.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


def script_counts(text: str) -> tuple[int, int]:
    """How many characters are Traditional-only and Simplified-only."""
    _, traditional_only, simplified_only = _character_tables()
    text = ensure_text(text)
    traditional = sum(1 for char in text if char in traditional_only)
    simplified = sum(1 for char in text if char in simplified_only)
    return traditional, simplified


def detect_script(text: str) -> Script:
    """Say whether ``text`` is written in Traditional, Simplified or mixed characters.

    Only characters whose form differs between the scripts count; a text
    without any of them (ASCII, or characters common to both) is "unknown".
    """
    traditional, simplified = script_counts(text)
    total = traditional + simplified
    if total == 0:
        return "unknown"
    minority = min(traditional, simplified) / total
    if minority > MIXED_THRESHOLD:
        return "mixed"
    return "traditional" if traditional > simplified else "simplified"
