"""Words: spacy_pkuseg on the Simplified view, tokens over the original string.

``tokenize(text)`` returns :class:`~policytext.results.Token` objects whose
``text`` and offsets are those of the caller's string (Traditional stays
Traditional) and whose ``norm`` is the Simplified form. ``load()`` returns a
spaCy ``Language`` (``zh``) whose tokenizer does the same, so ``nlp(text).text
== text``. The model is loaded once per process; policy terms from
``policytext/data/policy_terms.txt`` are kept whole, and :func:`add_terms`
adds a user's own.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np

from . import segcore
from .model_store import ModelError, ensure_model
from .results import Token, tokens_of
from .script import simplified_view
from .segment import WHITESPACE
from .validation import ensure_text

_LOCK = threading.Lock()
Backend = Literal["auto", "core", "pkuseg"]


@lru_cache(maxsize=1)
def policy_terms() -> tuple[str, ...]:
    """The shipped dictionary of policy terms (Simplified)."""
    data = resources.files("policytext.data").joinpath("policy_terms.txt")
    lines = data.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class Segmenter:
    """A loaded pkuseg model with the policy terms (and a user's) as its dictionary.

    ``backend`` is "core" (the compiled core over the converted, memory-mapped
    model; see :mod:`policytext.segcore`) or "pkuseg" (spacy_pkuseg itself);
    both give the same words. "auto" (the default, unless ``$POLICYTEXT_SEGMENTER``
    says "pkuseg" or "core") takes the core where it is built and falls back to
    spacy_pkuseg with a one-line warning.
    """

    def __init__(self, model_dir: Path, backend: Backend | None = None) -> None:
        self.model_dir = Path(model_dir)
        if not (self.model_dir / "weights.npz").exists():
            raise ModelError(
                f"{self.model_dir} is not a pkuseg model directory (no weights.npz); "
                "pass a directory with features.msgpack (or features.pkl) and weights.npz, "
                "or run: python -m policytext download"
            )
        backend = backend or os.environ.get(segcore.BACKEND_ENV) or "auto"
        if backend not in ("auto", "core", "pkuseg"):
            raise ValueError(f"backend must be 'auto', 'core' or 'pkuseg', not {backend!r}")
        self._core: Any = None
        self._pkuseg: Any = None
        if backend != "pkuseg":
            try:
                self._core = segcore.load_core(self.model_dir)
            except segcore.CoreUnavailable as error:
                if backend == "core":
                    raise
                _notice_fallback(str(error))
        if self._core is None:
            self._pkuseg = _load_pkuseg(self.model_dir)
        self.backend: str = "core" if self._core is not None else "pkuseg"
        self.terms: tuple[str, ...] = ()
        self.add_terms(policy_terms())

    def add_terms(self, terms: Iterable[str]) -> None:
        """Keep these words whole from now on (given in either script)."""
        new = tuple(simplified_view(ensure_text(t, "term")).strip() for t in terms)
        self.terms = tuple(dict.fromkeys(self.terms + tuple(t for t in new if t)))
        if self._core is not None:
            self._core.set_terms(self.terms)
        else:
            from spacy_pkuseg import Preprocesser

            self._pkuseg.preprocesser = Preprocesser(list(self.terms))

    def spans(self, view: str) -> list[tuple[int, int]]:
        """Word offsets in ``view`` (whitespace is never part of a word)."""
        if self._core is not None:
            return self._core.spans(view)
        spans = []
        cursor = 0
        for word in self._pkuseg.cut(view):
            start = view.find(word, cursor)
            if start < 0:  # cannot happen with pkuseg's substrings; guard offsets anyway
                continue
            spans.append((start, start + len(word)))
            cursor = start + len(word)
        return spans


def _load_pkuseg(model_dir: Path) -> Any:
    import spacy_pkuseg

    try:
        return spacy_pkuseg.pkuseg(model_name=str(model_dir), user_dict=None)
    except Exception as error:  # BadZipFile, msgpack/ValueError, EOFError …: a damaged model
        raise ModelError(
            f"the model in {model_dir} could not be loaded "
            f"({type(error).__name__}: {error}); it is damaged: "
            "run: python -m policytext download --repair"
        ) from error


_NOTICED: list[str] = []


def _notice_fallback(reason: str) -> None:
    """Say once per process (and why) that words come from spacy_pkuseg, more slowly."""
    if _NOTICED:
        return
    _NOTICED.append(reason)
    warnings.warn(
        f"policytext: segmenting with spacy_pkuseg (same words, slower): {reason}",
        RuntimeWarning,
        stacklevel=4,
    )


@lru_cache(maxsize=4)
def _segmenter(model_dir: str) -> Segmenter:
    return Segmenter(Path(model_dir))


def _check_model(model: object) -> None:
    if model is not None and not isinstance(model, (str, Path)):
        raise TypeError(f"model must be a path (str or Path) or None, not {type(model).__name__}")


def segmenter(model: str | Path | None = None) -> Segmenter:
    """The process-wide segmenter for ``model`` (a pkuseg model directory; None: the default)."""
    _check_model(model)
    with _LOCK:
        model_dir = ensure_model() if model is None else Path(model).expanduser().resolve()
        return _segmenter(str(model_dir))


def add_terms(terms: Iterable[str], model: str | Path | None = None) -> None:
    """Add words the tokenizer must keep whole (e.g. a project's own policy terms).

    The terms hold for this process: forked workers inherit them, Dask workers
    need ``client.run(policytext.add_terms, terms)``.
    """
    if isinstance(terms, (str, bytes)):
        raise TypeError("terms must be an iterable of str (a list of words), not a single string")
    checked = [ensure_text(term, "term") for term in terms]
    segmenter(model).add_terms(checked)


def tokenize(text: str, model: str | Path | None = None) -> tuple[Token, ...]:
    """Words of ``text`` with offsets and surface of the original, ``norm`` in Simplified."""
    text = ensure_text(text)
    return tokens_in_view(text, simplified_view(text), model)


def tokens_in_view(text: str, view: str, model: str | Path | None = None) -> tuple[Token, ...]:
    """:func:`tokenize` where ``view`` is ``simplified_view(text)``, already made."""
    return tokens_of(text, view, word_spans(text, view, model))


def word_spans(text: str, view: str, model: str | Path | None = None) -> Iterable[tuple[int, int]]:
    """The ``(start, end)`` of each word of ``text`` (``view`` its Simplified view); none in
    a text of whitespace only (the model is not loaded for it)."""
    if not text.strip(WHITESPACE):
        return ()
    return segmenter(model).spans(view)


# --- spaCy -------------------------------------------------------------------------


class PolicyTokenizer:
    """A spaCy tokenizer: pkuseg words found on the Simplified view, Doc over the original.

    ``token.norm_`` holds the Simplified form. Whitespace between words becomes
    ``token.whitespace_`` (one space) or a whitespace token, as spaCy expects.
    """

    def __init__(
        self, vocab: Any, model: str | None = None, user_terms: Iterable[str] = ()
    ) -> None:
        self.vocab = vocab
        self.model = model or None
        self.user_terms = tuple(user_terms)
        if self.user_terms:
            add_terms(self.user_terms, self.model)

    def __call__(self, text: str):
        from spacy.attrs import NORM
        from spacy.tokens import Doc

        text = ensure_text(text)
        view = simplified_view(text)
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[str] = []
        cursor = 0
        for start, end in segmenter(self.model).spans(view) if text.strip() else []:
            if start > cursor:
                gap = text[cursor:start]
                if gap == " " and words:
                    spaces[-1] = True
                else:
                    words.append(gap)
                    spaces.append(False)
                    norms.append(gap)
            words.append(text[start:end])
            spaces.append(False)
            norms.append(view[start:end])
            cursor = end
        if cursor < len(text):
            words.append(text[cursor:])
            spaces.append(False)
            norms.append(text[cursor:])
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if norms:  # the Simplified form (spaCy's own norms would turn 。 into .)
            hashes = [self.vocab.strings.add(norm) for norm in norms]
            doc.from_array([NORM], np.array(hashes, dtype=np.uint64).reshape(-1, 1))
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator:
        for text in texts:
            yield self(text)

    def __reduce__(self):
        return (PolicyTokenizer, (self.vocab, self.model, self.user_terms))

    # serialisation: the model itself is not written, only how to find it
    def to_bytes(self, **kwargs: Any) -> bytes:
        import srsly

        return srsly.msgpack_dumps({"model": self.model, "user_terms": list(self.user_terms)})

    def from_bytes(self, data: bytes, **kwargs: Any) -> PolicyTokenizer:
        import srsly

        settings = srsly.msgpack_loads(data)
        self.__init__(self.vocab, settings.get("model"), settings.get("user_terms", ()))
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "policytext_tokenizer.msgpack").write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, **kwargs: Any) -> PolicyTokenizer:
        return self.from_bytes((Path(path) / "policytext_tokenizer.msgpack").read_bytes())


def create_tokenizer(model: str = "", user_terms: list[str] = []):  # noqa: B006 - spaCy config
    """``policytext.Tokenizer.v1``: registered as a ``spacy_tokenizers`` entry point, so a
    saved ``load()`` pipeline loads back with ``spacy.load(path)`` in any process."""

    def make(nlp):
        return PolicyTokenizer(nlp.vocab, model or None, user_terms)

    return make


def _register() -> None:
    from spacy.util import registry

    if "policytext.Tokenizer.v1" not in registry.tokenizers:  # also found by its entry point
        registry.tokenizers.register("policytext.Tokenizer.v1", func=create_tokenizer)


def load(model: str | Path | None = None):
    """A new spaCy Chinese ``Language`` with the policytext tokenizer, at each call.

    The segmentation model itself is loaded once per process and shared; pipes
    added to one pipeline do not appear in another.
    """
    import spacy

    _check_model(model)
    name = str(Path(model).expanduser().resolve()) if model is not None else ""
    _register()
    config = {"nlp": {"tokenizer": {"@tokenizers": "policytext.Tokenizer.v1", "model": name}}}
    nlp = spacy.blank("zh", config=config)
    segmenter(name or None)  # load the model now (once per process)
    return nlp
