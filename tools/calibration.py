"""What the calibration tools share: the development passages and banded, monotone shares.

``tools.calibrate_parallels`` and ``tools.calibrate_slogans`` count, per band of a
score, how many predictions an annotator confirms, and write the shares made
monotone; ``tools.build_formulas`` reads the development documents too.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_root() -> Path:
    """``../shared`` beside the project, or ``POLICYTEXT_SHARED``."""
    return Path(os.environ.get("POLICYTEXT_SHARED") or ROOT.parent / "shared")


def document_bucket(file: str, salt: str, buckets: int) -> int:
    """The bucket (0 to ``buckets - 1``) a shared corpus file falls in: ``sha1(salt + ":" +
    file)`` modulo ``buckets``, so that every split of passages by document is one hash."""
    return int(hashlib.sha1(f"{salt}:{file}".encode()).hexdigest(), 16) % buckets


def document_half(file: str, salt: str = "23") -> str:
    """``"A"`` or ``"B"``: the half of the development documents a shared corpus file
    (``gwr_cpc_wikisource/gwr_1958.txt``) falls in, by the parity of ``sha1(salt + ":" +
    file)``. With the default salt: rule writers study half A; the check sets are drawn from
    half B. ``tools.calibrate_parallels`` halves the check sets' documents with salt "37"."""
    return "AB"[document_bucket(file, salt, 2)]


def development_passages(names: Iterable[str]) -> Iterator[tuple[dict, str]]:
    """``(passage, its text)`` for every passage of the ``tests/data`` sets ``names``."""
    files: dict[str, str] = {}
    for name in names:
        data = json.loads((ROOT / "tests" / "data" / name).read_text(encoding="utf-8"))
        for passage in data["passages"]:
            if passage["file"] not in files:
                source = shared_root() / "corpora" / passage["file"]
                files[passage["file"]] = source.read_text(encoding="utf-8")
            yield passage, files[passage["file"]][passage["start"] : passage["end"]]


def banded(
    outcomes: list[tuple[float, bool]], bands: Iterable[tuple[float, float]]
) -> list[tuple[float, float, int, int, float, float]]:
    """``(low, high, total, confirmed, share, calibrated share)`` per non-empty band of
    ``(score, confirmed)`` outcomes; calibrated: the shares made monotone (:func:`monotone`)."""
    counts = []
    for low, high in bands:
        inside = [ok for score, ok in outcomes if low <= score < high]
        counts.append((low, high, len(inside), sum(inside)))
    values = iter(monotone([(total, hits) for _, _, total, hits in counts]))
    return [
        (low, high, total, hits, hits / total, next(values))
        for low, high, total, hits in counts
        if total
    ]


def monotone(counts: list[tuple[int, int]]) -> list[float]:
    """Pool adjacent violators: non-decreasing shares of ``(total, confirmed)`` counts,
    weighted by total (empty counts left out)."""
    blocks = [[correct, total, 1] for total, correct in counts if total]
    merged: list[list[int]] = []
    for block in blocks:
        merged.append(block)
        while len(merged) > 1 and (merged[-2][0] / merged[-2][1] > merged[-1][0] / merged[-1][1]):
            last = merged.pop()
            merged[-1] = [merged[-1][0] + last[0], merged[-1][1] + last[1], merged[-1][2] + last[2]]
    values: list[float] = []
    for correct, total, size in merged:
        values += [correct / total] * size
    return values
