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

import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .model_store import ModelError, ensure_model
from .results import Token
from .script import simplified_view
from .segment import WHITESPACE
from .validation import ensure_text

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def policy_terms() -> tuple[str, ...]:
    """The shipped dictionary of policy terms (Simplified)."""
    data = resources.files("policytext.data").joinpath("policy_terms.txt")
    lines = data.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class Segmenter:
    """A loaded pkuseg model with the policy terms (and a user's) as its dictionary."""

    def __init__(self, model_dir: Path) -> None:
        import spacy_pkuseg

        self.model_dir = Path(model_dir)
        if not (self.model_dir / "weights.npz").exists():
            raise ModelError(
                f"{self.model_dir} is not a pkuseg model directory (no weights.npz); "
                "pass a directory with features.msgpack (or features.pkl) and weights.npz, "
                "or run: python -m policytext download"
            )
        try:
            self._pkuseg = spacy_pkuseg.pkuseg(model_name=str(self.model_dir), user_dict=None)
        except (OSError, ValueError, KeyError, AssertionError) as error:
            raise ModelError(
                f"the model in {self.model_dir} could not be loaded ({error}); "
                "run: python -m policytext download"
            ) from error
        self.terms: tuple[str, ...] = ()
        self.add_terms(policy_terms())

    def add_terms(self, terms: Iterable[str]) -> None:
        """Keep these words whole from now on (given in either script)."""
        from spacy_pkuseg import Preprocesser

        new = tuple(simplified_view(ensure_text(t, "term")).strip() for t in terms)
        self.terms = tuple(dict.fromkeys(self.terms + tuple(t for t in new if t)))
        self._pkuseg.preprocesser = Preprocesser(list(self.terms))

    def spans(self, view: str) -> list[tuple[int, int]]:
        """Word offsets in ``view`` (whitespace is never part of a word)."""
        spans = []
        cursor = 0
        for word in self._pkuseg.cut(view):
            start = view.find(word, cursor)
            if start < 0:  # cannot happen with pkuseg's substrings; guard offsets anyway
                continue
            spans.append((start, start + len(word)))
            cursor = start + len(word)
        return spans


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
    if not text.strip(WHITESPACE):
        return ()
    view = simplified_view(text)
    return tuple(Token(text[a:b], a, b, view[a:b]) for a, b in segmenter(model).spans(view))


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


def _register() -> None:
    from spacy.util import registry

    if "policytext.Tokenizer.v1" in registry.tokenizers:
        return

    @registry.tokenizers("policytext.Tokenizer.v1")
    def create_tokenizer(model: str = "", user_terms: list[str] = []):  # noqa: B006 - spaCy config
        def make(nlp):
            return PolicyTokenizer(nlp.vocab, model or None, user_terms)

        return make


@lru_cache(maxsize=4)
def _load(model: str) -> Any:
    import spacy

    _register()
    config = {"nlp": {"tokenizer": {"@tokenizers": "policytext.Tokenizer.v1", "model": model}}}
    nlp = spacy.blank("zh", config=config)
    segmenter(model or None)  # load the model now, once per process
    return nlp


def load(model: str | Path | None = None):
    """spaCy's Chinese ``Language`` with the policytext tokenizer (shared within a process)."""
    _check_model(model)
    return _load(str(Path(model).expanduser().resolve()) if model is not None else "")
