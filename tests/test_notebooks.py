"""The notebooks run top to bottom (nbclient) and their checks hold."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT, shared_path

pytestmark = pytest.mark.usefixtures("model_dir")


def _run(name: str) -> nbformat.NotebookNode:
    notebook = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), (
        "notebooks are stored without outputs"
    )
    resources = {"metadata": {"path": str(ROOT / "notebooks")}}
    NotebookClient(notebook, timeout=600, kernel_name="python3", resources=resources).execute()
    return notebook


def _text(notebook) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts += [str(v) for k, v in output.get("data", {}).items() if k.startswith("text/")]
    return "\n".join(parts)


def test_reference_essay_notebook():
    notebook = _run("01_reference_essay.ipynb")
    text = _text(notebook)
    assert "五是團結一心" in text or "團結一心" in text
    assert "pt-marker" in text  # the HTML view of the last cell
    chart = next(
        c
        for c in notebook.cells
        if "themes_chart(doc)" in c.get("source", "") and c.cell_type == "code"
    )
    rendered = str(chart.outputs)
    assert "vega-lite" in rendered and json.dumps("工會")[1:-1].replace("\\", "\\\\") in rendered


def test_corpus_notebook():
    shared_path("corpora", "gwr_cpc_wikisource")
    notebook = _run("02_corpus.ipynb")
    assert "dim1" in _text(notebook)


def test_themes_over_time_notebook():
    shared_path("corpora", "gwr_cpc_wikisource")
    notebook = _run("03_themes_over_time.ipynb")
    text = _text(notebook)
    assert "vega-lite" in str(notebook.cells[-3].outputs) or "vega" in text
    assert "非典" in text  # the 2004 report's themes
