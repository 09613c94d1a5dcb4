"""The compiled twins of the structure layers' modules.

``pip install`` (``setup.py``) also compiles each module of ``TWINS`` with Cython, as it is
written, into ``_c_<module>_<sha256 of its source>`` beside it (annotations are not read as C
types: the twin runs the code as Python does, about a third faster). :func:`install`, called
by ``policytext/__init__.py`` before any layer is imported, puts a finder first on
``sys.meta_path``: importing a module of ``TWINS`` gives its twin, where one was built from
the module's current source. A twin of an older source (the module changed since the build)
is never loaded, and the Python module runs; ``POLICYTEXT_PARALLELS=python`` keeps the
Python modules. Both give the same results (``tests/test_twins.py``).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

#: the modules (under ``policytext``) that ``pip install`` also builds as compiled twins
#: (``setup.py`` reads this file for them and for :func:`twin_name`)
TWINS = (
    "layout",
    "segment",
    "enumerations",
    "slogans",
    "parallels.templates",
    "parallels.units",
    "parallels.rules",
    "parallels.scoring",
    "parallels.grouping",
    "parallels.genre",
)
PACKAGE = Path(__file__).resolve().parent
#: asks for the Python modules and no compiled kernel (``POLICYTEXT_PARALLELS=python``)
PYTHON_ONLY = ("POLICYTEXT_PARALLELS", "python")

#: the twins in use, by module (``parallels.grouping`` …); empty: the Python modules run
COMPILED: dict[str, ModuleType] = {}


def twin_name(module: str, root: Path = PACKAGE) -> str:
    """``policytext[.parallels]._c_<name>_<sha256 of the module's source, 16 digits>``."""
    *package, name = module.split(".")
    digest = hashlib.sha256((root / f"{module.replace('.', '/')}.py").read_bytes()).hexdigest()
    return ".".join(["policytext", *package, f"_c_{name}_{digest[:16]}"])


class _TwinLoader(importlib.abc.Loader):
    """Gives the twin (already imported by the finder) for its module."""

    def __init__(self, twin: ModuleType) -> None:
        self.twin = twin

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return self.twin

    def exec_module(self, module: ModuleType) -> None:
        """The twin ran its body when it was imported."""


class TwinFinder(importlib.abc.MetaPathFinder):
    """Finds the twin of a module of ``TWINS`` built from its current source."""

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        module = fullname.removeprefix("policytext.")
        if module not in TWINS or fullname == module:
            return None
        name = twin_name(module)
        if importlib.util.find_spec(name) is None:
            return None  # not built (no compiler), or not rebuilt since the source changed
        try:
            twin = importlib.import_module(name)
        except ImportError:  # a broken build (its C made for another source): run the Python
            return None
        COMPILED[module] = twin
        return importlib.machinery.ModuleSpec(fullname, _TwinLoader(twin), origin=twin.__file__)


def install() -> None:
    """Put the twins' finder first on ``sys.meta_path`` (unless ``POLICYTEXT_PARALLELS=python``)."""
    if os.environ.get(PYTHON_ONLY[0]) == PYTHON_ONLY[1]:
        return
    if not any(isinstance(finder, TwinFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, TwinFinder())


def compiled_kernel(name: str) -> Any:
    """The function ``name`` of the compiled kernel ``policytext._parcore``, or None where it
    was not built or ``POLICYTEXT_PARALLELS=python`` asks for the Python code (each use keeps
    its Python definition; ``tests/test_parcore_scans.py`` and the kernel tests check that
    both agree)."""
    if os.environ.get(PYTHON_ONLY[0]) == PYTHON_ONLY[1]:
        return None
    try:
        kernel = importlib.import_module("policytext._parcore")
    except ImportError:
        return None
    return getattr(kernel, name, None)
