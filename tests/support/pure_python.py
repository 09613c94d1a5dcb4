"""Run a script in a fresh interpreter on policytext's Python modules (no compiled core,
kernel or twin: ``POLICYTEXT_PARALLELS=python``), to compare the two paths."""

from __future__ import annotations

import os
import subprocess
import sys

from policytext._twins import PYTHON_ONLY

#: this run asks for the Python modules (``POLICYTEXT_PARALLELS=python``): no layer may use the kernel
PYTHON_ASKED = os.environ.get(PYTHON_ONLY[0]) == PYTHON_ONLY[1]


def assert_uses_kernel(chosen: object, compiled: object) -> None:
    """``chosen`` (what a layer calls) is the kernel's ``compiled`` function, and is not
    where the run asks for the Python code (``POLICYTEXT_PARALLELS=python``)."""
    if PYTHON_ASKED:
        assert chosen is not compiled
    else:
        assert chosen is compiled


def run_pure_python(script: str, stdin: str | None = None) -> str:
    """The standard output of ``python -c script`` with the Python modules; fails loudly."""
    return subprocess.run(
        [sys.executable, "-c", script],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "POLICYTEXT_PARALLELS": "python"},
    ).stdout
