"""Calibration: ``Parallel.score`` is the precision measured on annotated passages.

The rules give every group a raw score (``rules.score_group``: where the
shared material sits, how much it covers, balance, number, rhythm). On the
development passages (``tests/data/policy_parallel_passages.json``,
``tests/data/parallel_passages.json`` and the two ``independent_parallel_passages`` sets)
each band of raw scores had a measured precision — the share of its groups that matched an annotated
group by the rule of ``../shared/ANNOTATION.md``. The table
``policytext/data/parallel_score_calibration.tsv`` (rebuilt by
``python -m tools.calibrate_parallels``) holds those precisions, made
monotone; the reported score is the precision interpolated between the band
centres. So ``score >= 0.8`` picks groups from bands where at least four in
five groups were right on the development passages (expect somewhat less on
unseen text).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from importlib import resources

TABLE = "parallel_score_calibration.tsv"


@lru_cache(maxsize=1)
def calibration_table() -> tuple[tuple[float, float, int, int, float], ...]:
    """Rows ``(low, high, groups, correct, calibrated precision)`` of the shipped table."""
    data = resources.files("policytext.data").joinpath(TABLE)
    rows = []
    for line in data.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("low"):
            continue
        low, high, groups, correct, _, calibrated = line.split("\t")
        rows.append((float(low), float(high), int(groups), int(correct), float(calibrated)))
    return tuple(rows)


@lru_cache(maxsize=1)
def _curve() -> tuple[tuple[float, ...], tuple[float, ...]]:
    rows = calibration_table()
    return tuple((r[0] + r[1]) / 2 for r in rows), tuple(r[4] for r in rows)


def calibrated(raw: float) -> float:
    """The measured precision for a raw score (linear between band centres, flat outside)."""
    xs, ys = _curve()
    if not xs:
        return raw
    if raw <= xs[0]:
        return ys[0]
    if raw >= xs[-1]:
        return ys[-1]
    k = bisect_right(xs, raw)
    x0, x1, y0, y1 = xs[k - 1], xs[k], ys[k - 1], ys[k]
    return round(y0 + (y1 - y0) * (raw - x0) / (x1 - x0), 3)
