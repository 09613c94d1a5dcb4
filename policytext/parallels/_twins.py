"""The compiled twins of the parallels' modules.

``pip install`` (``setup.py``) also compiles each module of ``TWINS`` with Cython, as it is
written, into ``_c_<module>_<sha256 of its source>``. Imported first by the package, this
module puts each twin built from the module's current source in the module's place; a twin
of an older source (the module changed since the build) is never loaded, and the Python
module runs. Both give the same results (``tests/test_parallel_twins.py``).
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
from pathlib import Path
from types import ModuleType

#: the modules here that ``pip install`` also builds as compiled twins (``setup.TWINS``):
#: the same source compiled by Cython, about a third faster, with the same results
#: (``tests/test_parallel_twins.py``); in dependency order
TWINS = ("templates", "units", "rules", "grouping")


def _load_twins() -> dict[str, ModuleType]:
    """Put the compiled twin of each module in ``TWINS`` in its place, where one was built from
    the module's current source (its name holds the source's sha256: a twin of an older
    source is never loaded). ``POLICYTEXT_PARALLELS=python`` keeps the Python modules."""
    if os.environ.get("POLICYTEXT_PARALLELS") == "python":
        return {}
    loaded = {}
    here = Path(__file__).resolve().parent
    for module in TWINS:
        digest = hashlib.sha256((here / f"{module}.py").read_bytes()).hexdigest()[:16]
        try:
            twin = importlib.import_module(f"{__package__}._c_{module}_{digest}")
        except ImportError:  # not built (no compiler, or not rebuilt since the source changed)
            continue
        sys.modules[f"{__package__}.{module}"] = loaded[module] = twin
        setattr(sys.modules[__package__], module, twin)
    return loaded


#: the compiled twins in use, by module name (empty: the Python modules run)
COMPILED: dict[str, ModuleType] = _load_twins()
