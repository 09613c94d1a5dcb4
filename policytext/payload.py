"""Payloads: the layers of a :class:`~policytext.document.PolicyDoc` as data, and back.

``document_payload`` gives plain data (lists, dicts, strings, numbers) that
JSON, msgpack or a spaCy ``DocBin`` can hold; ``document_from_payload`` reads
it back and refuses anything else (above all pickled bytes, which are never
unpickled). ``packed_payload`` and ``document_from_packed`` are the compact
form our own worker processes hand to the parent in memory (corpus pool, Dask):
each layer pickled on its own, so the parent unpickles only the layers it
reads. Never give ``document_from_packed`` data read from a file.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Callable
from functools import cached_property
from typing import Any

from .document import PolicyDoc
from .results import LAYER_TYPES, Parallel, Slogan, Span, Token, tokens_of
from .segment import clauses_of

#: the layers a payload carries (``tokens`` too when asked for)
LAYERS = ("paragraphs", "sentences", "enumerations", "parallels", "slogans")
_SPAN_LAYERS = frozenset({"paragraphs", "sentences"})


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

    payload: dict[str, Any] = {
        "text": doc.text,
        "layout": doc.layout_mode,
        "min_score": doc.min_score,
    }
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
        words = doc.tokens
        if packed:  # offsets as one int array; the receiver slices text and view again
            payload["tokens"] = stored(_packed_tokens(doc.view, words))
        else:
            payload["tokens"] = [(t.text, t.start, t.end, t.norm) for t in words]
    return payload


def _packed_tokens(view: str, words: tuple[Token, ...]) -> tuple[bytes, dict[int, str]]:
    """Tokens as ``(start, end, start, end …)`` int64 bytes, and the ``norm`` of the few
    tokens whose norm is not their stretch of ``view``, the text's Simplified view (words
    wrapped across a soft line break), by index."""
    offsets = array("q")
    for word in words:
        offsets.append(word.start)
        offsets.append(word.end)
    norms = {i: w.norm for i, w in enumerate(words) if w.norm != view[w.start : w.end]}
    return offsets.tobytes(), norms


def _unpacked_tokens(text: str, view: str, data: tuple[bytes, dict[int, str]]) -> tuple[Token, ...]:
    raw, norms = data
    offsets = array("q")
    offsets.frombytes(raw)
    bounds = iter(offsets)
    words = tokens_of(text, view, zip(bounds, bounds, strict=True))
    if not norms:
        return words
    return tuple(
        Token(w.text, w.start, w.end, norms[i]) if i in norms else w for i, w in enumerate(words)
    )


def _offsets(spans: tuple[Span, ...]) -> tuple[tuple[int, int, str | None], ...]:
    return tuple((s.start, s.end, s.label) for s in spans)


def _spans(text: str, offsets: tuple[tuple[int, int, str | None], ...]) -> tuple[Span, ...]:
    return tuple(Span.of(text, a, b, label) for a, b, label in offsets)


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


def _layer_data(payload: dict[str, Any], layer: str, packed: bool) -> list:
    """The layer's stored data. ``packed``: the payload came from :func:`packed_payload` in a
    process of ours (see :func:`document_from_packed`), so its layers are pickled bytes."""
    data = payload[layer]
    if packed and isinstance(data, bytes):
        # our own worker's output, handed over in memory by the pool: never from a file
        return pickle.loads(data)
    _check_plain(layer, data)
    return data


def _check_plain(layer: str, data: Any) -> None:
    """Refuse a stored layer that is not plain data: bytes are never unpickled or decoded."""
    if isinstance(data, list | tuple):
        return
    what = (
        "bytes (pickled or otherwise encoded data)"
        if isinstance(data, bytes | bytearray)
        else type(data).__name__
    )
    raise TypeError(
        f"stored policytext layer {layer!r} holds {what}, not plain data (a list); "
        "a stored document is read only from lists, dicts, strings and numbers"
    )


def document_from_payload(payload: dict[str, Any]) -> PolicyDoc:
    """A :class:`PolicyDoc` with the layers of :func:`document_payload` (rebuilt on first use).

    The payload is plain data (lists, dicts, strings, numbers), as a ``DocBin`` or
    JSON gives it back; a layer holding anything else (pickled bytes above all)
    raises ``TypeError`` here, before any of it is read.
    """
    if not isinstance(payload, dict):
        raise TypeError(f"a stored policytext document is a dict, not {type(payload).__name__}")
    for layer in (*LAYERS, "tokens"):
        if layer in payload:
            _check_plain(layer, payload[layer])
    return _StoredDoc(payload, packed=False)


def document_from_packed(payload: dict[str, Any]) -> PolicyDoc:
    """A :class:`PolicyDoc` from :func:`packed_payload`, for payloads made by our own worker
    processes (the corpus pool, Dask partitions) and handed over in memory.

    Never call it on data read from a file or a ``DocBin``: packed layers are unpickled.
    """
    return _StoredDoc(payload, packed=True)


def _stored(layer: str) -> cached_property:
    def rebuild(doc: _StoredDoc) -> tuple:
        stored, text = _layer_data(doc._payload, layer, doc._packed), doc.text
        if layer in _SPAN_LAYERS:
            return _spans(text, stored)
        if doc._packed and layer in _UNPACKERS:
            return _UNPACKERS[layer](text, stored)
        return tuple(LAYER_TYPES[layer].from_dict(d) for d in stored)

    rebuild.__doc__ = getattr(PolicyDoc, layer).__doc__
    return cached_property(rebuild)


class _StoredDoc(PolicyDoc):
    """A document analysed elsewhere (another process, a Dask worker, a spaCy ``Doc``).

    Its layers :data:`LAYERS` (and ``tokens`` when the payload has them) are the
    payload's, turned back into result objects only when read, so streaming many
    documents costs no more than the layers used. The rest is computed again from
    the text: see :attr:`recomputed`.
    """

    def __init__(self, payload: dict[str, Any], packed: bool) -> None:
        super().__init__(
            payload["text"],
            layout=payload.get("layout", "auto"),
            min_score=payload.get("min_score"),
        )
        self._payload = payload
        self._packed = packed

    paragraphs = _stored("paragraphs")
    sentences = _stored("sentences")
    enumerations = _stored("enumerations")
    parallels = _stored("parallels")
    slogans = _stored("slogans")

    @property
    def recomputed(self) -> tuple[str, ...]:
        """The layers this document computes from its text instead of reading the payload."""
        return ("layout", "clauses") + (() if "tokens" in self._payload else ("tokens",))

    @cached_property
    def clauses(self) -> tuple[Span, ...]:
        """Clauses: of the stored sentences, or (hard-wrapped text) of the reading."""
        if self._reading.identity:
            return clauses_of(self.text, self.sentences)
        return self._reading.to_raw(self._layers.clauses)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        if "tokens" in self._payload:
            data = _layer_data(self._payload, "tokens", self._packed)
            if self._packed and isinstance(data, tuple):
                return _unpacked_tokens(self.text, self.view, data)
            return tuple(Token(*t) for t in data)
        return super().tokens
