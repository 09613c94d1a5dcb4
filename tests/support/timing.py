"""Timing for the linear-growth tests (issue 20): the best of a few runs, collector paused."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any


def _seconds(function: Callable[[Any], Any], value: Any) -> float:
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        function(value)
        return time.perf_counter() - start
    finally:
        gc.enable()


def growth_ratio(
    function: Callable[[Any], Any],
    small: Any,
    large: Any,
    bound: float,
    repeat: int = 5,
    looks: int = 3,
) -> float:
    """Best time on ``large`` over best time on ``small``, the two timed in turn.

    Timing them alternately lets a burst of load on a shared machine slow both
    sizes rather than one; a ratio above ``bound`` is looked at again (up to
    ``looks`` times) and the smallest ratio is returned.
    """
    ratios = []
    for _ in range(looks):
        best_small = best_large = float("inf")
        for _ in range(repeat):
            best_small = min(best_small, _seconds(function, small))
            best_large = min(best_large, _seconds(function, large))
        ratios.append(best_large / best_small)
        if ratios[-1] <= bound:
            break
    return min(ratios)
