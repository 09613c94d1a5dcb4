"""``PolicyDoc``: one object that ties the analysis layers of a text together."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from .caches import collector_paused
from .enumerations import build_enumerations, enumeration_rows, format_outline
from .layout import LayoutMode, Reading, ensure_layout, read
from .parallels import MinScore, build_parallels, resolve_min_score
from .results import Enumeration, Layout, Parallel, Slogan, Span, Token
from .script import Script, detect_script, simplified_view
from .segment import clauses_of, paragraphs_of, sentences_of
from .slogans import build_slogans
from .validation import ensure_text

if TYPE_CHECKING:  # themes import scikit-learn: only when themes are asked for
    from .themes import BackgroundIDF, Reference

#: layers no other layer is computed from
_LEAF_LAYERS = frozenset({"clauses", "tokens"})


class _Layers:
    """The structure layers of one text read as it stands, each computed on first use.

    A :class:`PolicyDoc` composes them: on its text, or on the reading text of a
    hard-wrapped one (mapped back to raw offsets).
    """

    def __init__(self, text: str, min_score: float | None = None) -> None:
        self.text = text
        self.min_score = min_score

    @cached_property
    def view(self) -> str:
        return simplified_view(self.text)

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        return paragraphs_of(self.text)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        return sentences_of(self.text, self.paragraphs)

    @cached_property
    def clauses(self) -> tuple[Span, ...]:
        return clauses_of(self.text, self.sentences)

    @cached_property
    def enumerations(self) -> tuple[Enumeration, ...]:
        return build_enumerations(self.text, self.view, self.paragraphs)

    @cached_property
    def slogans(self) -> tuple[Slogan, ...]:
        return build_slogans(self.text, self.view, self.sentences)

    @cached_property
    def parallels(self) -> tuple[Parallel, ...]:
        return build_parallels(
            self.text,
            self.view,
            self.paragraphs,
            self.sentences,
            self.slogans,
            min_score=self.min_score,
        )

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """``tokenize(text)``, cut from the view this document has already made."""
        from .tokenizer import tokens_in_view

        return tokens_in_view(self.text, self.view)


def _layer(name: str, docstring: str) -> Any:
    """The cached layer ``name`` of a document: that layer of its :class:`_Layers`, mapped
    back to raw offsets when the layout joined lines or set furniture aside."""

    def layer(doc: PolicyDoc) -> Any:
        with collector_paused():  # the layers build many small objects and no cycle
            value = getattr(doc._layers, name)
        if doc._reading.identity:
            return value
        if name in _LEAF_LAYERS:  # no other layer is built from it: keep only the mapped copy
            del doc._layers.__dict__[name]
        return doc._reading.to_raw(value)

    layer.__name__ = layer.__qualname__ = name
    layer.__doc__ = docstring
    return cached_property(layer)


class PolicyDoc:
    """The analysis of one text. Layers are computed on first access and cached.

    Use :func:`analyze` to build one. Hard-wrapped text (``layout``, see
    :mod:`policytext.layout`) is read once, across its soft line breaks, and
    its layers are computed on that reading; every offset still points into
    ``text``. ``min_score`` is the threshold of :attr:`parallels` (None: the
    documented default, 0.0: every group the rules accept; see
    :mod:`policytext.parallels.scoring`).
    """

    def __init__(self, text: str, layout: LayoutMode = "auto", min_score: MinScore = None) -> None:
        self.text = ensure_text(text)
        self.layout_mode = ensure_layout(layout)
        self.min_score = resolve_min_score(min_score)

    def __repr__(self) -> str:
        preview = self.text[:20].replace("\n", " ")
        return (
            f"<PolicyDoc {len(self.text)} chars, {len(self.paragraphs)} paragraphs, "
            f"{len(self.sentences)} sentences: {preview!r}…>"
        )

    @cached_property
    def script(self) -> Script:
        """ "traditional", "simplified", "mixed" or "unknown"."""
        return detect_script(self.text)

    @cached_property
    def _reading(self) -> Reading:
        return read(self.text, self.layout_mode)

    @cached_property
    def _layers(self) -> _Layers:
        """The layers of the reading text (the text itself when the layout changed nothing)."""
        return _Layers(self._reading.text, self.min_score)

    @cached_property
    def layout(self) -> Layout:
        """How the lines were read: paragraphs, soft breaks, furniture, captions."""
        return self._reading.layout

    #: ``tuple[Span, ...]``
    paragraphs = _layer("paragraphs", "Paragraphs: lines, or the paragraphs the layout read.")
    #: ``tuple[Span, ...]``
    sentences = _layer("sentences", 'Sentences (see the README, "Sentence conventions").')
    #: ``tuple[Span, ...]``
    clauses = _layer("clauses", "Clauses: the sentences split after ，、；： and their kin.")

    @cached_property
    def view(self) -> str:
        """The length-preserving Simplified view every layer works on."""
        return self._layers.view if self._reading.identity else simplified_view(self.text)

    #: ``tuple[Enumeration, ...]``
    enumerations = _layer(
        "enumerations", "The numbered skeleton: top-level enumerations, nested ones in their items."
    )
    #: ``tuple[Parallel, ...]``
    parallels = _layer("parallels", "Parallel structures (see :mod:`policytext.parallels`).")
    #: ``tuple[Slogan, ...]``
    slogans = _layer("slogans", "Quoted slogans and numbered formulas (:mod:`policytext.slogans`).")
    #: ``tuple[Token, ...]``
    tokens = _layer(
        "tokens",
        """Words (needs the segmentation model; fetched on first use).

        Words are cut from the reading text, so a word wrapped across a soft
        line break is one token whose ``text`` contains the break.
        """,
    )

    def sections(self) -> tuple[Span, ...]:
        """The items of the first top-level enumeration, or the paragraphs when there is none."""
        if self.enumerations:
            return tuple(item.span for item in self.enumerations[0].items)
        return self.paragraphs

    def themes(
        self,
        top_k: int = 10,
        by: str | None = None,
        background: BackgroundIDF | Reference | None = None,
        method: str = "keyness",
    ) -> list:
        """Themes, terms in the text's script (see :mod:`policytext.themes`).

        ``by=None``: ``[(term, score), …]`` for the document: keyness (G²)
        against the shipped balanced reference (or ``background``, a
        ``Reference``), or with ``method="tfidf"`` sublinear TF-IDF with the
        shipped paragraph frequencies (or ``background``, a ``BackgroundIDF``).
        ``by="section"``: ``[(section_span, [(term, score), …]), …]``, each
        section against the rest of the document (see :meth:`sections`).
        """
        from .themes import document_themes, section_themes

        if by is None:
            return document_themes(self.text, self.tokens, top_k, background, method)
        if by != "section":
            raise ValueError(f"by must be None or 'section', not {by!r}")
        sections = self.sections()
        spans = [(s.start, s.end) for s in sections]
        sentences = [(s.start, s.end) for s in self.sentences]
        ranked = section_themes(self.text, self.tokens, spans, top_k, method, sentences=sentences)
        return list(zip(sections, ranked, strict=True))

    def outline(self) -> str:
        """The enumeration tree as indented text (path, marker, heading, offsets)."""
        return format_outline(self.enumerations)

    def outline_rows(self) -> list[dict[str, Any]]:
        """The enumeration items as rows (level, path, marker, heading, start, end …)."""
        return enumeration_rows(self.enumerations)

    def to_frames(self, themes: bool = False, top_k: int = 20) -> dict[str, Any]:
        """The layers as pandas DataFrames: sentences, items, parallels, slogans
        (and themes, which need the segmentation model, with ``themes=True``)."""
        from .frames import to_frames

        return to_frames(self, themes=themes, top_k=top_k)

    def to_html(self, title: str = "policytext", themes: bool = True) -> str:
        """A standalone HTML page with the structure highlighted."""
        from .html import page

        return page(self, title=title, themes=themes)

    def _repr_html_(self) -> str:
        from .html import render

        return render(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary of every layer."""
        return {
            "text": self.text,
            "script": self.script,
            "layout": self.layout.to_dict(),
            "paragraphs": [s.to_dict() for s in self.paragraphs],
            "sentences": [s.to_dict() for s in self.sentences],
            "clauses": [s.to_dict() for s in self.clauses],
            "enumerations": [e.to_dict() for e in self.enumerations],
            "parallels": [p.to_dict() for p in self.parallels],
            "slogans": [s.to_dict() for s in self.slogans],
        }


def analyze(text: str, layout: LayoutMode = "auto", min_score: MinScore = None) -> PolicyDoc:
    """Analyse ``text`` (a ``str``, either script) and return a :class:`PolicyDoc`.

    ``layout`` says how to read its lines: ``"auto"`` (default), ``"lines"``,
    ``"blank-lines"`` or ``"wrapped"`` (see :mod:`policytext.layout`).
    ``min_score``: parallel groups scoring less are left out (None: the documented
    default threshold; 0.0 keeps every group).
    """
    return PolicyDoc(text, layout=layout, min_score=min_score)
