"""One switch for what the analysis keeps between calls.

The layers memoise work across texts (the parallel templates and weights of
the units seen) and keep the tables they read from shipped data (conversion
tables, lexicons, the background table) and the segmentation model.
:func:`clear_caches` forgets the memo: benchmarks call it to time a run that
nothing seen before flatters, tests to compare a run with the memo and one
without. The tables (a cache of a function without parameters: its value
depends on the shipped data alone, so the same on every load) and the model
stay loaded unless asked for: reloading them times the disk and the parsers,
not the analysis.
"""

from __future__ import annotations

import gc
import inspect
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

#: the caches holding the segmentation model (reloading it takes seconds)
_MODEL_CACHES = frozenset({"policytext.tokenizer._segmenter"})


def _is_table(function: object) -> bool:
    """A cache of a function without parameters: a table read from shipped data."""
    wrapped = getattr(function, "__wrapped__", None)
    if wrapped is None:
        return False
    try:
        return not inspect.signature(wrapped).parameters
    except (TypeError, ValueError):
        return False


def _modules() -> list[tuple[str, ModuleType]]:
    """The loaded policytext modules by name; a module loaded under another name (the
    compiled twin of a parallels module) first under the name it stands for."""
    found = [
        (name, module)
        for name, module in list(sys.modules.items())
        if module is not None and (name == "policytext" or name.startswith("policytext."))
    ]
    return sorted(found, key=lambda item: item[1].__name__ == item[0])


def clear_caches(model: bool = False, tables: bool = False) -> list[str]:
    """Empty the ``functools`` caches of the loaded policytext modules that memoise work
    across texts; the shipped tables stay loaded unless ``tables=True``, the segmentation
    model unless ``model=True``. Returns the names of the caches emptied."""
    cleared = []
    seen: set[int] = set()
    for name, module in _modules():
        if id(module) in seen:  # a compiled twin, under its module's name and its own
            continue
        seen.add(id(module))
        for attribute, value in list(vars(module).items()):
            qualified = f"{name}.{attribute}"
            if (
                callable(getattr(value, "cache_clear", None))
                and getattr(value, "__module__", None) == module.__name__
                and (model or qualified not in _MODEL_CACHES)
                and (tables or not _is_table(value))
            ):
                value.cache_clear()
                cleared.append(qualified)
    return sorted(cleared)


#: how many callers, in any thread, are inside :func:`collector_paused`, and whether the
#: collector was on when the first of them came in (guarded by ``_PAUSE_LOCK``)
_PAUSE_LOCK = threading.Lock()
_pause_depth = 0
_pause_restores = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while the many small result objects are built
    (``PolicyDoc``'s layers, ``find_enumerations``).

    Its full passes rescan every object built so far, which made dense runs of
    markers (一、…\n二、… repeated) slower than linear, and its young passes cost
    every layer time for objects that refcounts free anyway; the few cycles (the
    enumeration runs' parent links) are collected once it is back on.

    The switch is the interpreter's, so calls are counted across threads: the first
    caller in turns the collector off, the last one out turns it back on if it was on
    before the first came in (nested calls and threads that overlap never leave it off).
    """
    global _pause_depth, _pause_restores
    with _PAUSE_LOCK:
        if _pause_depth == 0:
            _pause_restores = gc.isenabled()
            gc.disable()
        _pause_depth += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pause_depth -= 1
            if _pause_depth == 0 and _pause_restores:
                gc.enable()
