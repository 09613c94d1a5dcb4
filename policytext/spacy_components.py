"""spaCy pipeline components: policytext's layers in any Chinese pipeline.

Factories (registered with ``@Language.factory`` and as ``spacy_factories``
entry points, so ``spacy.blank("zh").add_pipe("policytext_enumerations")``
works after ``pip install`` without importing policytext):

* ``policytext_sentencizer`` — sets ``doc.sents`` from :func:`split_sentences`;
* ``policytext_enumerations`` — ``doc._.enumerations``;
* ``policytext_parallels`` — ``doc._.parallels``;
* ``policytext_slogans`` — ``doc._.slogans``.

The components read ``doc.text`` and keep their results as plain data in
``doc.user_data`` (so ``DocBin(store_user_data=True)`` and ``nlp.to_disk``
carry them); ``doc._.enumerations`` and friends are spaCy ``Span`` objects
built from it (expanded to token boundaries), and ``span._.policytext`` is
the policytext result behind each (``Enumeration``, ``Parallel``, ``Slogan``).
Any tokenizer works, the character tokenizer of ``spacy.blank("zh")`` included.

They also write spaCy span groups (kept by ``DocBin``, shown by displaCy's span
view, read by spancat tooling), each span expanded to token boundaries:

* ``doc.spans["policytext_items"]`` — every enumeration item at every level,
  labelled with its path ("1", "2.3"), its ``id_`` the enumeration ("enumeration-1");
* ``doc.spans["policytext_parallels"]`` — every member of every group, labelled
  with the group's kind ("parallelism", "pair", "slogan"), its ``id_`` the group
  ("parallel-3");
* ``doc.spans["policytext_slogans"]`` — every slogan, labelled with its kind
  ("quoted", "numbered_formula" …).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import IDX, IS_SPACE, LENGTH, NORM
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .enumerations import find_enumerations, walk_items
from .layout import ensure_layout
from .parallels import find_parallels
from .results import LAYER_TYPES
from .segment import split_sentences
from .slogans import find_slogans

LABELS = {"enumerations": "ENUMERATION", "parallels": "PARALLEL", "slogans": "SLOGAN"}
#: the span group each layer writes
SPAN_GROUPS = {
    "enumerations": "policytext_items",
    "parallels": "policytext_parallels",
    "slogans": "policytext_slogans",
}


def _group_spans(doc: Doc, layer: str, results: Any) -> list[SpacySpan]:
    """The spans of ``doc.spans[SPAN_GROUPS[layer]]`` for a layer's results."""
    wanted: list[tuple[int, int, str, str]] = []
    if layer == "enumerations":
        for number, top in enumerate(results, 1):
            for path, _, item in walk_items((top,)):
                wanted.append((item.span.start, item.span.end, path, f"enumeration-{number}"))
    elif layer == "parallels":
        for number, group in enumerate(results, 1):
            wanted += [(m.start, m.end, group.kind, f"parallel-{number}") for m in group.members]
    else:
        wanted = [(s.span.start, s.span.end, s.kind, "") for s in results]
    spans = []
    for start, end, label, span_id in wanted:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            spans.append(SpacySpan(doc, span.start, span.end, label=label, span_id=span_id))
    return spans


def write_span_groups(doc: Doc, layer: str, results: Any) -> None:
    """Set ``doc.spans`` of one layer (see the module docstring)."""
    doc.spans[SPAN_GROUPS[layer]] = _group_spans(doc, layer, results)


def _key(layer: str) -> str:
    return f"policytext.{layer}"


def _results(doc: Doc, layer: str) -> list:
    cls = LAYER_TYPES[layer]
    return [cls.from_dict(data) for data in doc.user_data.get(_key(layer), ())]


def _extent(result: Any) -> tuple[int, int]:
    span = getattr(result, "span", None)
    return (span.start, span.end) if span is not None else (result.start, result.end)


def _spans(doc: Doc, layer: str) -> list[SpacySpan]:
    spans = []
    for result in _results(doc, layer):
        start, end = _extent(result)
        span = doc.char_span(start, end, label=LABELS[layer], alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def _result_of(span: SpacySpan) -> Any:
    """The policytext result a span of ``doc._.<layer>`` stands for."""
    layer = next((name for name, label in LABELS.items() if label == span.label_), None)
    if layer is None:
        return None
    for result in _results(span.doc, layer):
        start, end = _extent(result)
        candidate = span.doc.char_span(start, end, alignment_mode="expand")
        if candidate is not None and (candidate.start, candidate.end) == (span.start, span.end):
            return result
    return None


def register_extensions() -> None:
    """Add the ``Doc._`` and ``Span._`` attributes (idempotent)."""
    for layer in LAYER_TYPES:
        if not Doc.has_extension(layer):
            Doc.set_extension(layer, getter=lambda doc, layer=layer: _spans(doc, layer))
    if not SpacySpan.has_extension("policytext"):
        SpacySpan.set_extension("policytext", getter=_result_of)
    if not Doc.has_extension("policydoc"):
        Doc.set_extension("policydoc", getter=_policydoc)


def _policydoc(doc: Doc) -> Any:
    """The :class:`PolicyDoc` the ``policytext_document`` component stored (None without it)."""
    from .payload import document_from_payload

    payload = doc.user_data.get("policytext.document")
    return None if payload is None else document_from_payload(payload)


class _Layer:
    """A stateless component that stores one policytext layer in ``doc.user_data``."""

    layer = ""
    find: Any = None  # the policytext function of the layer

    def __init__(self, name: str, layout: str = "auto") -> None:
        self.name = name
        self.layout = ensure_layout(layout)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        results = type(self).find(doc.text, layout=self.layout)
        doc.user_data[_key(self.layer)] = [result.to_dict() for result in results]
        write_span_groups(doc, self.layer, results)
        return doc


class EnumerationsComponent(_Layer):
    layer = "enumerations"
    find = find_enumerations


class ParallelsComponent(_Layer):
    """``find_parallels``; ``min_score`` as there (None: the documented default threshold,
    0.0: every group the rules accept, "normative" or "report": the threshold of that kind
    of text)."""

    layer = "parallels"
    find = find_parallels

    def __init__(
        self, name: str, layout: str = "auto", min_score: float | str | None = None
    ) -> None:
        super().__init__(name, layout)
        self.min_score = min_score

    def __call__(self, doc: Doc) -> Doc:
        results = find_parallels(doc.text, layout=self.layout, min_score=self.min_score)
        doc.user_data[_key(self.layer)] = [result.to_dict() for result in results]
        write_span_groups(doc, self.layer, results)
        return doc


class SlogansComponent(_Layer):
    layer = "slogans"
    find = find_slogans


class SentencizerComponent:
    """Sets ``token.is_sent_start`` from policytext sentences (whitespace joins the one before)."""

    def __init__(self, name: str, layout: str = "auto") -> None:
        self.name = name
        self.layout = ensure_layout(layout)

    def __call__(self, doc: Doc) -> Doc:
        starts = set()
        for sentence in split_sentences(doc.text, layout=self.layout):
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is not None:
                starts.add(span.start)
        for token in doc:
            token.is_sent_start = token.i == 0 or token.i in starts
        return doc


class DocumentComponent:
    """Every policytext layer and the words in one pass, as plain data in ``doc.user_data``.

    For users' own spaCy pipelines (``analyze_corpus`` uses a process pool
    instead); the words come from the spaCy tokens (any tokenizer;
    ``policytext.load()`` gives pkuseg's).
    """

    def __init__(self, name: str, layout: str = "auto") -> None:
        self.name = name
        self.layout = ensure_layout(layout)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from .document import analyze
        from .payload import document_payload

        text, strings = doc.text, doc.vocab.strings  # doc.text joins every token: read once
        analysed = analyze(text, layout=self.layout)
        payload = document_payload(analysed)
        for layer in SPAN_GROUPS:
            write_span_groups(doc, layer, getattr(analysed, layer))
        # one array read instead of a Python Token object per word
        rows = doc.to_array([IDX, LENGTH, NORM, IS_SPACE]).tolist() if len(doc) else []
        payload["tokens"] = [
            (text[i : i + n], i, i + n, strings[norm]) for i, n, norm, space in rows if not space
        ]
        doc.user_data["policytext.document"] = payload
        return doc


def _factory(suffix: str, component: type) -> Any:
    """Register the factory ``policytext_<suffix>``, which makes ``component(name, layout)``."""

    def make(nlp: Language, name: str, layout: str) -> Any:
        return component(name, layout)

    make.__name__ = make.__qualname__ = f"make_{suffix}"
    return Language.factory(f"policytext_{suffix}", default_config={"layout": "auto"}, func=make)


make_document = _factory("document", DocumentComponent)
make_sentencizer = _factory("sentencizer", SentencizerComponent)
make_enumerations = _factory("enumerations", EnumerationsComponent)


def make_parallels(
    nlp: Language, name: str, layout: str, min_score: float | str | None
) -> ParallelsComponent:
    """``policytext_parallels``: config ``layout`` and ``min_score`` (null: the default)."""
    return ParallelsComponent(name, layout, min_score)


Language.factory(
    "policytext_parallels",
    default_config={"layout": "auto", "min_score": None},
    func=make_parallels,
)
make_slogans = _factory("slogans", SlogansComponent)

register_extensions()
