"""Calibration of ``Parallel.score``: the shipped reliability table (see :mod:`.scoring`).

Kept for the callers of the first calibrated score; the score is now the
cross-validated precision of a band of the scorer's probability
(``policytext/data/parallel_score_calibration.tsv``, rebuilt by
``python -m tools.calibrate_parallels``).
"""

from __future__ import annotations

from .scoring import TABLE, calibrated, calibration_table

__all__ = ["TABLE", "calibrated", "calibration_table"]
