"""policytext: structure, rhetoric and themes of Chinese policy texts.

Every result carries exact offsets into the caller's original string, in
Traditional or Simplified script alike.

``import policytext`` loads none of the heavy libraries (scikit-learn, pandas,
spaCy, Dask): each public name is imported from its module when first used
(PEP 562), and so are the submodules (``policytext.html``, ``policytext.distributed`` …).
"""

from __future__ import annotations

import importlib
from typing import Any

from . import _twins

_twins.install()  # before any layer is imported: the compiled twins where they are built

__version__ = "0.1.0"

#: public name -> the module that defines it
_EXPORTS = {
    "WorkerError": "corpus",
    "analyze_corpus": "corpus",
    "PolicyDoc": "document",
    "analyze": "document",
    "find_enumerations": "enumerations",
    "corpus_frames": "corpus",
    "find_layout": "layout",
    "Enumeration": "results",
    "Item": "results",
    "Layout": "results",
    "Parallel": "results",
    "Slogan": "results",
    "Span": "results",
    "Token": "results",
    "find_parallels": "parallels",
    "read": "readers",
    "detect_script": "script",
    "simplified_view": "script",
    "to_simplified": "script",
    "to_traditional": "script",
    "split_clauses": "segment",
    "split_paragraphs": "segment",
    "split_sentences": "segment",
    "find_slogans": "slogans",
    "BackgroundIDF": "themes",
    "Reference": "themes",
    "corpus_themes": "themes",
    "ThemeVectorizer": "themes",
    "top_terms": "themes",
    "add_terms": "tokenizer",
    "load": "tokenizer",
    "tokenize": "tokenizer",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    try:
        return importlib.import_module(f".{name}", __name__)
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{name}":
            raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
