"""``PolicyDoc``: one object that ties the analysis layers of a text together."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from functools import cached_property, wraps
from typing import Any

from .enumerations import build_enumerations, enumeration_rows, format_outline
from .layout import LayoutMode, Reading, ensure_layout, read
from .model import Enumeration, Layout, Parallel, Slogan, Span, Token
from .parallels import build_parallels
from .script import Script, detect_script, simplified_view
from .segment import clauses_of, paragraphs_of, sentences_of
from .slogans import build_slogans
from .themes import BackgroundIDF, Reference, document_themes, section_themes
from .validation import ensure_text


def _layer(compute: Callable[[PolicyDoc], Any]) -> cached_property:
    """A cached layer: ``compute`` on the text, or, when the layout joined lines or set
    furniture aside, the same layer of the reading text mapped back to raw offsets."""
    name = compute.__name__

    @wraps(compute)
    def layer(doc: PolicyDoc) -> Any:
        if doc._read is not None:
            return doc._from_reading(name)
        return compute(doc)

    return cached_property(layer)


class PolicyDoc:
    """The analysis of one text. Layers are computed on first access and cached.

    Use :func:`analyze` to build one. Hard-wrapped text (``layout``, see
    :mod:`policytext.layout`) is analysed as read across its soft line breaks;
    every offset still points into ``text``.
    """

    def __init__(self, text: str, layout: LayoutMode = "auto") -> None:
        self.text = ensure_text(text)
        self.layout_mode = ensure_layout(layout)

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
    def _read(self) -> PolicyDoc | None:
        """The analysis of the reading text, or None when it is the text itself."""
        reading = self._reading
        return None if reading.identity else PolicyDoc(reading.text, layout="lines")

    def _from_reading(self, layer: str) -> Any:
        mapped = self._reading.to_raw(getattr(self._read, layer))
        if layer in _LEAF_LAYERS:  # no other layer is built from it: keep only the mapped copy
            del self._read.__dict__[layer]
        return mapped

    @cached_property
    def layout(self) -> Layout:
        """How the lines were read: paragraphs, soft breaks, furniture, captions."""
        return self._reading.layout

    @_layer
    def paragraphs(self) -> tuple[Span, ...]:
        return paragraphs_of(self.text)

    @_layer
    def sentences(self) -> tuple[Span, ...]:
        return sentences_of(self.text, self.paragraphs)

    @_layer
    def clauses(self) -> tuple[Span, ...]:
        return clauses_of(self.text, self.sentences)

    @cached_property
    def view(self) -> str:
        """The length-preserving Simplified view every layer works on."""
        return simplified_view(self.text)

    @_layer
    def enumerations(self) -> tuple[Enumeration, ...]:
        return build_enumerations(self.text, self.view, self.paragraphs, self.sentences)

    @_layer
    def parallels(self) -> tuple[Parallel, ...]:
        return build_parallels(self.text, self.view, self.paragraphs, self.sentences, self.slogans)

    @_layer
    def slogans(self) -> tuple[Slogan, ...]:
        return build_slogans(self.text, self.view, self.sentences)

    @_layer
    def tokens(self) -> tuple[Token, ...]:
        """Words (needs the segmentation model; fetched on first use).

        Words are cut from the reading text, so a word wrapped across a soft
        line break is one token whose ``text`` contains the break.
        """
        from .tokenizer import tokenize

        return tokenize(self.text)

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
        if by is None:
            return document_themes(self.text, self.tokens, top_k, background, method)
        if by != "section":
            raise ValueError(f"by must be None or 'section', not {by!r}")
        sections = self.sections()
        spans = [(s.start, s.end) for s in sections]
        ranked = section_themes(self.text, self.tokens, spans, top_k, method)
        return list(zip(sections, ranked, strict=True))

    def outline(self) -> str:
        """The enumeration tree as indented text (path, marker, heading, offsets)."""
        return format_outline(self.enumerations)

    def outline_rows(self) -> list[dict[str, Any]]:
        """The enumeration items as rows (level, path, marker, heading, start, end …)."""
        return enumeration_rows(self.enumerations)

    def to_frames(self, themes: bool = True, top_k: int = 20) -> dict[str, Any]:
        """The layers as pandas DataFrames: sentences, items, parallels, slogans, themes."""
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


LAYERS = ("paragraphs", "sentences", "enumerations", "parallels", "slogans")
_RESULT_TYPES = {"enumerations": Enumeration, "parallels": Parallel, "slogans": Slogan}
_SPAN_LAYERS = frozenset({"paragraphs", "sentences"})
#: layers no other layer is computed from
_LEAF_LAYERS = frozenset({"clauses", "tokens"})


def document_payload(doc: PolicyDoc, tokens: bool = False) -> dict[str, Any]:
    """The computed layers of ``doc`` as plain data (cheap to send between processes)."""
    return _payload(doc, tokens, packed=False)


def packed_payload(doc: PolicyDoc, tokens: bool = False) -> dict[str, Any]:
    """The payload of ``doc`` for another process of ours: each layer pickled on its own, so
    the receiver unpickles only the layers it reads, and spans as offsets, not dicts."""
    return _payload(doc, tokens, packed=True)


def _payload(doc: PolicyDoc, tokens: bool, packed: bool) -> dict[str, Any]:
    def stored(data: list) -> Any:
        return pickle.dumps(data, pickle.HIGHEST_PROTOCOL) if packed else data

    payload: dict[str, Any] = {"text": doc.text, "layout": doc.layout_mode}
    for layer in LAYERS:
        results = getattr(doc, layer)
        if layer in _SPAN_LAYERS:  # (start, end, label): the text is sliced again on arrival
            data = list(_offsets(results))
        elif packed and layer in _PACKERS:
            data = _PACKERS[layer](results)
        else:
            data = [r.to_dict() for r in results]
        payload[layer] = stored(data)
    if tokens:
        payload["tokens"] = stored([(t.text, t.start, t.end, t.norm) for t in doc.tokens])
    return payload


def _offsets(spans: tuple[Span, ...]) -> tuple[tuple[int, int, str | None], ...]:
    return tuple((s.start, s.end, s.label) for s in spans)


def _spans(text: str, offsets: tuple[tuple[int, int, str | None], ...]) -> tuple[Span, ...]:
    return tuple(Span(a, b, text[a:b], label) for a, b, label in offsets)


#: compact forms of the layers whose results hold spans (enumerations, few and deeply
#: nested, travel as dicts)
_PACKERS: dict[str, Callable[[tuple], list]] = {
    "parallels": lambda groups: [
        (_offsets(g.members), g.kind, g.shared, g.start, g.end, g.score) for g in groups
    ],
    "slogans": lambda slogans: [
        (
            _offsets((s.span,)),
            s.kind,
            s.count,
            None if s.expansion is None else _offsets(s.expansion),
        )
        for s in slogans
    ],
}
_UNPACKERS: dict[str, Callable[[str, list], tuple]] = {
    "parallels": lambda text, rows: tuple(
        Parallel(_spans(text, members), kind, shared, start, end, score)
        for members, kind, shared, start, end, score in rows
    ),
    "slogans": lambda text, rows: tuple(
        Slogan(
            _spans(text, span)[0],
            kind,
            count,
            None if expansion is None else _spans(text, expansion),
        )
        for span, kind, count, expansion in rows
    ),
}


def _layer_data(payload: dict[str, Any], layer: str) -> tuple[Any, bool]:
    """The layer's stored data, and whether it came packed by :func:`packed_payload`."""
    data = payload[layer]
    return (pickle.loads(data), True) if isinstance(data, bytes) else (data, False)


def document_from_payload(payload: dict[str, Any]) -> PolicyDoc:
    """A :class:`PolicyDoc` with the layers of :func:`document_payload` or
    :func:`packed_payload` (rebuilt on first use)."""
    return _StoredDoc(payload)


def _stored(layer: str) -> cached_property:
    def rebuild(doc: _StoredDoc) -> tuple:
        (stored, packed), text = _layer_data(doc._payload, layer), doc.text
        if layer in _SPAN_LAYERS:
            return _spans(text, stored)
        if packed and layer in _UNPACKERS:
            return _UNPACKERS[layer](text, stored)
        return tuple(_RESULT_TYPES[layer].from_dict(d) for d in stored)

    rebuild.__doc__ = getattr(PolicyDoc, layer).__doc__
    return cached_property(rebuild)


class _StoredDoc(PolicyDoc):
    """A document analysed elsewhere (another process, a Dask worker), from its payload.

    Its layers are the payload's, turned back into result objects only when
    read, so streaming many documents costs no more than the layers used.
    """

    def __init__(self, payload: dict[str, Any]) -> None:
        super().__init__(payload["text"], layout=payload.get("layout", "auto"))
        self._payload = payload

    paragraphs = _stored("paragraphs")
    sentences = _stored("sentences")
    enumerations = _stored("enumerations")
    parallels = _stored("parallels")
    slogans = _stored("slogans")

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        if "tokens" in self._payload:
            return tuple(Token(*t) for t in _layer_data(self._payload, "tokens")[0])
        return super().tokens


def analyze(text: str, layout: LayoutMode = "auto") -> PolicyDoc:
    """Analyse ``text`` (a ``str``, either script) and return a :class:`PolicyDoc`.

    ``layout`` says how to read its lines: ``"auto"`` (default), ``"lines"``,
    ``"blank-lines"`` or ``"wrapped"`` (see :mod:`policytext.layout`).
    """
    return PolicyDoc(text, layout=layout)
