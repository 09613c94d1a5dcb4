"""Timing for the linear-growth tests (issue 20): the best of a few runs, collector paused."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any


def best_seconds(function: Callable[[Any], Any], value: Any, repeat: int = 3) -> float:
    """The fastest of ``repeat`` calls ``function(value)``, in seconds.

    The collector's passes over the whole heap (large after many tests) are not
    the function's growth: it is paused while timing.
    """
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            function(value)
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best
