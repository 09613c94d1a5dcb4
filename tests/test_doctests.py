"""The ``>>>`` examples in the package's docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import policytext

MODULES = sorted(
    name
    for _, name, _ in pkgutil.iter_modules(policytext.__path__, "policytext.")
    if name not in ("policytext.__main__", "policytext.distributed")  # dask is optional
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed"


def test_the_examples_are_found():
    finder = doctest.DocTestFinder()
    examples = sum(
        len(test.examples) for n in MODULES for test in finder.find(importlib.import_module(n))
    )
    assert examples >= 9
