"""policytext: structure, rhetoric and themes of Chinese policy texts.

Every result carries exact offsets into the caller's original string, in
Traditional or Simplified script alike.
"""

from __future__ import annotations

from .corpus import WorkerError, analyze_corpus, corpus_frames
from .document import PolicyDoc, analyze
from .enumerations import find_enumerations
from .layout import find_layout
from .parallels import find_parallels
from .results import Enumeration, Item, Layout, Parallel, Slogan, Span, Token
from .script import detect_script, simplified_view, to_simplified, to_traditional
from .segment import split_clauses, split_paragraphs, split_sentences
from .slogans import find_slogans
from .themes import BackgroundIDF, ThemeVectorizer, top_terms
from .tokenizer import add_terms, load, tokenize

__version__ = "0.1.0"

__all__ = [
    "BackgroundIDF",
    "Enumeration",
    "Item",
    "Layout",
    "Parallel",
    "PolicyDoc",
    "Slogan",
    "Span",
    "ThemeVectorizer",
    "Token",
    "WorkerError",
    "__version__",
    "add_terms",
    "analyze",
    "analyze_corpus",
    "corpus_frames",
    "detect_script",
    "find_enumerations",
    "find_layout",
    "find_parallels",
    "find_slogans",
    "load",
    "simplified_view",
    "split_clauses",
    "split_paragraphs",
    "split_sentences",
    "to_simplified",
    "to_traditional",
    "tokenize",
    "top_terms",
]
