"""One switch for what the analysis keeps between calls.

The layers memoise work across texts (the parallel templates and weights of
the units seen, the conversion tables, lexicons, the background table and the
segmentation model). :func:`clear_caches` forgets it: benchmarks call it to
time a cold run, tests to compare a run with the memo and one without.
"""

from __future__ import annotations

import sys

#: the caches holding the segmentation model (reloading it takes seconds)
_MODEL_CACHES = frozenset({"policytext.tokenizer._segmenter", "policytext.tokenizer._load"})


def clear_caches(model: bool = False) -> list[str]:
    """Empty every ``functools`` cache of the loaded policytext modules; the segmentation
    model stays loaded unless ``model=True``. Returns the names of the caches emptied."""
    cleared = []
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "policytext" or name.startswith("policytext.")):
            continue
        for attribute, value in list(vars(module).items()):
            qualified = f"{name}.{attribute}"
            if (
                callable(getattr(value, "cache_clear", None))
                and getattr(value, "__module__", None) == name
                and (model or qualified not in _MODEL_CACHES)
            ):
                value.cache_clear()
                cleared.append(qualified)
    return sorted(cleared)
