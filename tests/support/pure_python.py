"""Run a script in a fresh interpreter on policytext's Python modules (no compiled core,
kernel or twin: ``POLICYTEXT_PARALLELS=python``), to compare the two paths."""

from __future__ import annotations

import os
import subprocess
import sys


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
