"""``import policytext`` is light, and every public name of the contract is there."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import policytext as pt

HEAVY = ("sklearn", "pandas", "spacy", "dask", "scipy", "distributed")
#: the names of ../shared/API.md (and the additions of the README)
API = [
    "Span",
    "Item",
    "Enumeration",
    "Parallel",
    "Slogan",
    "Token",
    "PolicyDoc",
    "analyze",
    "split_paragraphs",
    "split_sentences",
    "split_clauses",
    "find_enumerations",
    "find_parallels",
    "find_slogans",
    "tokenize",
    "to_simplified",
    "to_traditional",
    "load",
    "ThemeVectorizer",
    "top_terms",
    "BackgroundIDF",
    "add_terms",
    "analyze_corpus",
    "corpus_frames",
    "detect_script",
    "simplified_view",
    "find_layout",
    "Layout",
    "read",
    "WorkerError",
    "__version__",
]


def _heavy_modules_after(code: str) -> list[str]:
    script = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    modules = json.loads(result.stdout.splitlines()[-1])
    return sorted({m.split(".")[0] for m in modules} & set(HEAVY))


def test_import_policytext_loads_no_heavy_library():
    assert _heavy_modules_after("import policytext") == []


def test_the_command_line_help_loads_no_heavy_library():
    code = (
        "from policytext.cli import main\n"
        "try:\n    main(['analyze', '--help'])\nexcept SystemExit:\n    pass"
    )
    assert _heavy_modules_after(code) == []


@pytest.mark.parametrize("name", API)
def test_every_public_name_is_importable(name):
    assert getattr(pt, name) is not None
    assert name in pt.__all__ and name in dir(pt)


def test_submodules_come_on_first_use_and_unknown_names_raise():
    assert pt.html.page is not None and pt.frames.to_frames is not None
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        pt.nothing_here  # noqa: B018
