"""Result types: frozen, hashable dataclasses with ``to_dict()``.

Every offset is a ``str`` index into the caller's original text, ``end``
exclusive, so ``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from ._twins import compiled_kernel


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
        _set_source(self, text)
        _set(self, "label", label)

    @classmethod
    def of(cls, source: str, start: int, end: int, label: str | None = None) -> Span:
        """The span ``start..end`` of ``source``, sharing ``source`` (no copy of its text)."""
        return span_of(source, start, end, label)

    def __len__(self) -> int:
        return self.end - self.start

    def __reduce__(self) -> tuple:
        return (Span, (self.start, self.end, self.text, self.label))

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies within this span."""
        return self.start <= other.start and other.end <= self.end


_new = object.__new__
#: the slots of a span; ``text``'s slot holds the span's text or the whole text it lies in
_SPAN_SOURCE = Span.text
_set_start, _set_end = Span.start.__set__, Span.end.__set__
_set_source, _set_label = Span.text.__set__, Span.label.__set__


def span_of(source: str, start: int, end: int, label: str | None = None) -> Span:
    """:meth:`Span.of`: the span ``start..end`` of ``source``, sharing ``source``."""
    if not 0 <= start <= end <= len(source):
        raise ValueError(f"invalid span offsets {start}..{end} in {len(source)} characters")
    span = _new(Span)
    _set_start(span, start)
    _set_end(span, end)
    _set_source(span, source)
    _set_label(span, label)
    return span


#: :func:`span_of` as the compiled kernel makes spans, where it was built (its definition
#: stays above, ``tests/test_parcore_scans.py`` checks that both agree)
span_of_python = span_of
if (_SPAN_MAKER := compiled_kernel("span_maker")) is not None:
    span_of = _SPAN_MAKER(Span, Span.start, Span.end, _SPAN_SOURCE, Span.label)


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


_set_token = (Token.text.__set__, Token.start.__set__, Token.end.__set__, Token.norm.__set__)


def tokens_of(text: str, view: str, spans: Iterable[tuple[int, int]]) -> tuple[Token, ...]:
    """The tokens at ``spans`` of ``text`` (``norm`` from ``view``, its Simplified view), built
    without the dataclass ``__init__`` (a corpus run makes millions): equal to
    ``Token(text[a:b], a, b, view[a:b])``. Where the view is the text itself, a token's
    ``text`` and ``norm`` are one string."""
    set_text, set_start, set_end, set_norm = _set_token
    new = _new
    tokens = []
    append = tokens.append
    same = view is text
    for a, b in spans:
        token = new(Token)
        word = text[a:b]
        set_text(token, word)
        set_start(token, a)
        set_end(token, b)
        set_norm(token, word if same else view[a:b])
        append(token)
    return tuple(tokens)


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


def fields_maker(cls: type) -> Any:
    """``cls(*values)``, every field of the dataclass ``cls`` given in order: the compiled
    kernel's ``fields_maker`` where it was built (it sets the fields as the ``__init__``
    the dataclass wrote does, without its frame), else ``cls`` itself."""
    make = compiled_kernel("fields_maker")
    if make is None or hasattr(cls, "__post_init__"):
        return cls
    return make(cls, tuple(f.name for f in fields(cls)))


#: ``Parallel(members, kind, shared, start, end, score)`` (see :func:`fields_maker`)
new_parallel = fields_maker(Parallel)
#: ``Slogan(span, kind, count, expansion)`` (see :func:`fields_maker`)
new_slogan = fields_maker(Slogan)
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
