"""Result types: frozen, hashable dataclasses with ``to_dict()``.

Every offset is a ``str`` index into the caller's original text, ``end``
exclusive, so ``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def _jsonable(value: Any) -> Any:
    if isinstance(value, _Result):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_jsonable(v) for v in value]
    return value


class _Result:
    """Mixin: JSON-ready ``to_dict`` and its inverse ``from_dict`` for the result dataclasses."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        """Rebuild a result from :meth:`to_dict` output (lists or tuples)."""
        nested = _NESTED.get(cls.__name__, {})
        values = {}
        for f in fields(cls):  # type: ignore[arg-type]
            if f.name not in data:
                continue
            value = data[f.name]
            kind = nested.get(f.name)
            if kind is None:
                values[f.name] = tuple(value) if isinstance(value, list) else value
            elif value is None:
                values[f.name] = None
            elif isinstance(value, dict):
                values[f.name] = _CLASSES[kind].from_dict(value)
            else:
                values[f.name] = tuple(_CLASSES[kind].from_dict(v) for v in value)
        return cls(**values)


@dataclass(frozen=True, slots=True, init=False)
class Span(_Result):
    """A stretch of the original text: ``text == original[start:end]``; ``label`` names
    its kind where a layer sets one (furniture: "page_number", "running_header").

    The layers build their spans with :meth:`of`, which keeps a reference to the
    text they lie in rather than a copy of their stretch: ``text`` is sliced when
    read, so a paragraph, its sentences and the items over them cost a few words
    each, not their length in characters. Both kinds compare, hash and pickle alike.
    """

    start: int
    end: int
    text: str
    label: str | None = None

    def __init__(self, start: int, end: int, text: str, label: str | None = None) -> None:
        if not 0 <= start <= end:
            raise ValueError(f"invalid span offsets {start}..{end}")
        if len(text) != end - start:
            raise ValueError(f"span text has {len(text)} characters for offsets {start}..{end}")
        _set = object.__setattr__
        _set(self, "start", start)
        _set(self, "end", end)
        _SPAN_SOURCE.__set__(self, text)
        _set(self, "label", label)

    @classmethod
    def of(cls, source: str, start: int, end: int, label: str | None = None) -> Span:
        """The span ``start..end`` of ``source``, sharing ``source`` (no copy of its text)."""
        if not 0 <= start <= end <= len(source):
            raise ValueError(f"invalid span offsets {start}..{end} in {len(source)} characters")
        span = _new(cls)
        _SPAN_START.__set__(span, start)
        _SPAN_END.__set__(span, end)
        _SPAN_SOURCE.__set__(span, source)
        _SPAN_LABEL.__set__(span, label)
        return span

    def __len__(self) -> int:
        return self.end - self.start

    def __reduce__(self) -> tuple:
        return (Span, (self.start, self.end, self.text, self.label))

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies within this span."""
        return self.start <= other.start and other.end <= self.end


_new = object.__new__
#: the slots of a span; ``text``'s slot holds the span's text or the whole text it lies in
_SPAN_START, _SPAN_END, _SPAN_LABEL = Span.start, Span.end, Span.label
_SPAN_SOURCE = Span.text


def _span_text(span: Span) -> str:
    source = _SPAN_SOURCE.__get__(span, Span)
    start = span.start
    end = span.end
    return source if len(source) == end - start else source[start:end]


Span.text = property(_span_text, doc="The span's characters: ``original[start:end]``.")  # type: ignore[assignment,method-assign]


@dataclass(frozen=True, slots=True)
class Token(_Result):
    """A word from the tokenizer; ``norm`` is its Simplified form."""

    text: str
    start: int
    end: int
    norm: str


@dataclass(frozen=True, slots=True)
class Item(_Result):
    """One item of an enumeration: its marker, extent, lead phrase and sub-enumerations."""

    index: int
    marker: Span
    span: Span
    heading: Span | None = None
    children: tuple[Enumeration, ...] = ()


@dataclass(frozen=True, slots=True)
class Enumeration(_Result):
    """A numbered sequence of items (``style`` is "mixed" when marker styles vary).

    ``issues`` reports irregularities the text itself has (a gap or a repeated
    ordinal); they are never silently repaired.
    """

    items: tuple[Item, ...]
    style: str
    level: int
    start: int
    end: int
    preview: Span | None = None
    issues: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Parallel(_Result):
    """A group of adjacent units sharing a lexical template (排比, pair, slogan shape)."""

    members: tuple[Span, ...]
    kind: str
    shared: tuple[str, ...]
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Slogan(_Result):
    """A quoted slogan or a numbered formula (三个代表, 五送) with its expansion if listed."""

    span: Span
    kind: str
    count: int | None = None
    expansion: tuple[Span, ...] | None = None


@dataclass(frozen=True, slots=True)
class Layout(_Result):
    """How the lines of a text were read (see :mod:`policytext.layout`).

    ``mode`` is the mode applied ("lines", "blank-lines" or "wrapped"; "auto"
    resolves to one of them), ``paragraphs`` the paragraphs as read,
    ``soft_breaks`` the line breaks judged to be wraps inside a paragraph,
    ``furniture`` the page numbers and running headers set aside (label
    "page_number" or "running_header"), ``captions`` the figure and table
    captions, ``width`` the page width in characters (or display cells) of a
    wrapped text.
    """

    mode: str
    paragraphs: tuple[Span, ...]
    soft_breaks: tuple[Span, ...] = ()
    furniture: tuple[Span, ...] = ()
    captions: tuple[Span, ...] = ()
    width: int | None = None


_CLASSES = {c.__name__: c for c in (Span, Token, Item, Enumeration, Parallel, Slogan, Layout)}
#: fields holding nested results: class name -> {field: class name of its elements}
_NESTED = {
    "Item": {"marker": "Span", "span": "Span", "heading": "Span", "children": "Enumeration"},
    "Enumeration": {"items": "Item", "preview": "Span"},
    "Parallel": {"members": "Span"},
    "Slogan": {"span": "Span", "expansion": "Span"},
    "Layout": {
        "paragraphs": "Span",
        "soft_breaks": "Span",
        "furniture": "Span",
        "captions": "Span",
    },
}
#: the result type of each layer made of results (the others are spans)
LAYER_TYPES = {"enumerations": Enumeration, "parallels": Parallel, "slogans": Slogan}
