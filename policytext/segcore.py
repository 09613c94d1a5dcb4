"""The compiled segmentation core's model: converted once, verified, memory-mapped.

spacy_pkuseg keeps pkuseg's 2.6 million features as Python strings in a dict.
:func:`convert` turns an installed pkuseg model directory (``features.msgpack``
and ``weights.npz``) into flat arrays under ``<model>/policytext-core/``:

* ``feature_keys`` / ``feature_values`` — an open-addressing table from a
  feature's exact 64-bit key (its type and the ids of its characters or words,
  packed side by side) to its row in the weights;
* ``word_keys1`` / ``word_keys2`` / ``word_values`` — the model's words of 2..6
  characters (their character ids packed into two 64-bit halves, compared in
  full) to word ids;
* ``weights`` — the float64 weights as spacy_pkuseg has them;
* ``nodemap`` — code point → character id (pkuseg's digit/letter classes).

``policytext-core.json`` records the sha256 of every array; :func:`load_core`
checks them before it maps the arrays read-only (``np.load(mmap_mode="r")``),
so forked and Dask workers share the pages and nothing is unpickled. Any
feature string that cannot arise from text is left out; a key collision is
impossible by construction and :func:`convert` raises if one appeared anyway.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from .checksums import sha256_of

CORE_DIR = "policytext-core"
CORE_MANIFEST = "policytext-core.json"
FORMAT = 1
ARRAYS = (
    "feature_keys",
    "feature_values",
    "word_keys1",
    "word_keys2",
    "word_values",
    "weights",
    "nodemap",
)
SOURCES = ("features.msgpack", "weights.npz")
#: ``POLICYTEXT_SEGMENTER=pkuseg`` makes policytext segment with spacy_pkuseg itself
BACKEND_ENV = "POLICYTEXT_SEGMENTER"
NO_WORD = "**noWord"
NUM = "**Num"
LETTER = "**Letter"
#: character ids of pkuseg's digit and letter classes (beyond every code point + 1)
NUM_ID = 0x110001
LETTER_ID = 0x110002
NODEMAP_SIZE = 0x10000


class CoreUnavailable(RuntimeError):
    """The compiled core cannot serve this model (not built, or the model not convertible)."""


def compiled() -> ModuleType | None:
    """The compiled extension, or None where it was not built."""
    try:
        from . import _segcore
    except ImportError:
        return None
    return _segcore


def core_dir(model_dir: Path) -> Path:
    return Path(model_dir) / CORE_DIR


def _source_stamp(model_dir: Path) -> dict[str, dict[str, int]]:
    """Size and mtime of the model files the arrays were made from (a changed model reconverts)."""
    stamp = {}
    for name in SOURCES:
        info = (Path(model_dir) / name).stat()
        stamp[name] = {"size": info.st_size, "mtime_ns": info.st_mtime_ns}
    return stamp


# --- conversion ----------------------------------------------------------------------


class _Nodes:
    """pkuseg's characters ("nodes"): keyword characters renamed, digits and letters classed."""

    def __init__(self) -> None:
        from spacy_pkuseg.config import config
        from spacy_pkuseg.feature_extractor import FeatureExtractor

        if not (config.numLetterNorm and config.wordFeature and config.delimInFeature == "."):
            raise CoreUnavailable("spacy_pkuseg's feature settings differ from the core's")
        if (config.wordMin, config.wordMax) != compiled().WORD_LENGTHS:
            raise CoreUnavailable("spacy_pkuseg's word lengths differ from the core's")
        self.keywords = frozenset(FeatureExtractor.keywords)
        self.num = frozenset(FeatureExtractor.num)
        self.letter = frozenset(FeatureExtractor.letter)
        renamed = {FeatureExtractor.keyword_rename(k) for k in self.keywords}
        if len(renamed) != 1:
            raise CoreUnavailable("spacy_pkuseg renames its keyword characters differently")
        self.renamed = renamed.pop()
        self.special = self.keywords | self.num | self.letter
        if any(ord(c) >= NODEMAP_SIZE for c in self.special):
            raise CoreUnavailable("a pkuseg character class reaches beyond the BMP")

    def of_char(self, char: str) -> int:
        """The node id spacy_pkuseg gives ``char`` in a text."""
        char = self.renamed if char in self.keywords else char
        if char in self.num:
            return NUM_ID
        if char in self.letter:
            return LETTER_ID
        return ord(char) + 1

    def nodemap(self) -> np.ndarray:
        table = np.arange(1, NODEMAP_SIZE + 1, dtype=np.uint32)
        for char in self.special:
            table[ord(char)] = self.of_char(char)
        return table

    def of_string(self, text: str) -> int | None:
        """The node id whose feature string is ``text`` (None: no text gives it)."""
        if text == NUM:
            return NUM_ID
        if text == LETTER:
            return LETTER_ID
        if len(text) == 1 and text not in self.special:
            return ord(text) + 1
        return None

    def split(self, text: str) -> list[int] | None:
        """The node ids whose joined strings are ``text`` (None: no text gives it)."""
        nodes = []
        i = 0
        while i < len(text):
            if text.startswith(NUM, i):
                nodes.append(NUM_ID)
                i += len(NUM)
            elif text.startswith(LETTER, i):
                nodes.append(LETTER_ID)
                i += len(LETTER)
            else:
                node = self.of_string(text[i])
                if node is None:
                    return None
                nodes.append(node)
                i += 1
        return nodes


def _capacity(n: int) -> int:
    return 1 << max(4, int(np.ceil(np.log2(max(n, 1) * 1.5))))


def _words(unigram: list[str], nodes: _Nodes) -> tuple[dict[str, int], dict[str, np.ndarray], int]:
    """Word ids of the model's words a slice of 2..6 characters (or "") can be; their table."""
    low, high = compiled().WORD_LENGTHS
    ids: dict[str, int] = {NO_WORD: 0}
    k1, k2 = [], []
    for word in unigram:
        split = nodes.split(word)
        if word == "" or split is None or not low <= len(split) <= high or word in ids:
            continue
        ids[word] = len(ids)
        key1, key2 = compiled().word_key(split)
        k1.append(key1)
        k2.append(key2)
    empty = 0
    if "" in set(unigram):  # get_slice_str's "" beyond the text's ends counts as a word
        empty = ids[""] = len(ids)
    if len(ids) >= 1 << compiled().LIMITS["word_bits"]:
        raise CoreUnavailable("too many words for the core's word ids")
    values = np.arange(1, len(k1) + 1, dtype=np.int32)
    keys1, keys2, table = compiled().build_word_table(
        np.array(k1, dtype=np.uint64), np.array(k2, dtype=np.uint64), values, _capacity(len(k1))
    )
    return ids, {"word_keys1": keys1, "word_keys2": keys2, "word_values": table}, empty


def _feature_keys(
    feature: str, nodes: _Nodes, words: dict[str, int], core: ModuleType
) -> list[int]:
    """Every integer key whose feature string spacy_pkuseg would build as ``feature``."""
    head, _, rest = feature.partition(".")
    if head == "ww":
        side, _, rest = rest.partition(".")
        head = f"ww.{side}"
    kind = core.FEATURE_TYPES.get(head)
    if kind is None:
        return []
    name = head
    if name in ("c", "c-1", "c1", "c-2", "c2"):
        node = nodes.of_string(rest)
        return [] if node is None else [core.feature_key(kind, node)]
    if name in ("c-1c", "cc1", "c-2c-1"):
        found = []
        for i, char in enumerate(rest):
            if char == ".":
                a, b = nodes.of_string(rest[:i]), nodes.of_string(rest[i + 1 :])
                if a is not None and b is not None:
                    found.append(core.feature_key(kind, a, b))
        return found
    if name in ("w-1", "w1"):
        word = words.get(rest)
        return [] if not word else [core.feature_key(kind, word)]
    found = []
    for i, char in enumerate(rest):  # ww.l / ww.r: pre + "*" + post
        if char == "*":
            pre, post = words.get(rest[:i]), words.get(rest[i + 1 :])
            if pre is not None and post is not None:
                found.append(core.feature_key(kind, pre, post))
    return found


def build_arrays(model_dir: Path) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The core's arrays and settings for a pkuseg model directory (reads no pickle)."""
    if compiled() is None:
        raise CoreUnavailable("the compiled core is not built")
    import srsly

    model_dir = Path(model_dir)
    for name in SOURCES:
        if not (model_dir / name).exists():
            raise CoreUnavailable(f"{model_dir} has no {name}")
    nodes = _Nodes()
    data = srsly.read_msgpack(model_dir / "features.msgpack")
    with np.load(model_dir / "weights.npz", allow_pickle=False) as npz:
        n_tag, n_feature = (int(v) for v in npz["sizes"][:2])
        weights = np.ascontiguousarray(npz["w"], dtype=np.float64)
    tags = data["tag_to_idx"]
    if sorted(tags.values()) != list(range(n_tag)) or n_tag > compiled().LIMITS["max_tags"]:
        raise CoreUnavailable("the model's tags do not fit the core")
    if weights.shape != (n_tag * (n_feature + n_tag),):
        raise CoreUnavailable("the model's weights do not match its sizes")
    starts = [False] * n_tag
    for tag, index in tags.items():
        starts[index] = "B" in tag  # spacy_pkuseg: a tag with B begins a word
    words, arrays, empty = _words(data["unigram"], nodes)
    del data["unigram"], data["bigram"]  # the bigram set: segmentation never reads it
    feature_to_idx = data.pop("feature_to_idx")
    if feature_to_idx.get("$$") != 0:
        raise CoreUnavailable("the model's start feature is not feature 0")
    keys: list[int] = []
    values: list[int] = []
    core = compiled()
    for feature, index in feature_to_idx.items():
        if not 0 <= index < n_feature:
            raise CoreUnavailable(f"feature index {index} out of range")
        for key in _feature_keys(feature, nodes, words, core):
            keys.append(key)
            values.append(index)
    del feature_to_idx
    try:
        table_keys, table_values = compiled().build_table(
            np.array(keys, dtype=np.uint64), np.array(values, dtype=np.int32), _capacity(len(keys))
        )
    except ValueError as error:  # two feature strings on one key: cannot happen, never trust it
        raise CoreUnavailable(f"feature keys collide: {error}") from error
    arrays.update(
        feature_keys=table_keys,
        feature_values=table_values,
        weights=weights,
        nodemap=nodes.nodemap(),
    )
    settings = {"n_tag": n_tag, "n_feature": n_feature, "starts": starts, "empty_word": empty}
    return arrays, settings


def convert(model_dir: Path) -> Path:
    """Write the core's arrays for ``model_dir`` (atomically) and return their directory."""
    model_dir = Path(model_dir)
    arrays, settings = build_arrays(model_dir)
    target = core_dir(model_dir)
    scratch = Path(tempfile.mkdtemp(dir=model_dir, prefix=".core-"))
    os.chmod(scratch, 0o755)  # mkdtemp makes it private; the model is for every user
    try:
        files = {}
        for name, array in arrays.items():
            path = scratch / f"{name}.npy"
            np.save(path, array, allow_pickle=False)
            files[name] = {"size": path.stat().st_size, "sha256": sha256_of(path)}
        manifest = {
            "format": FORMAT,
            "source": _source_stamp(model_dir),
            "settings": settings,
            "files": files,
        }
        (scratch / CORE_MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        if target.exists():  # stale or corrupt: move it aside, then put the new one in place
            old = Path(tempfile.mkdtemp(dir=model_dir, prefix=".core-old-"))
            os.replace(target, old / CORE_DIR)
            shutil.rmtree(old, ignore_errors=True)
        try:
            os.replace(scratch, target)
        except OSError:  # another process installed it meanwhile
            if not target.exists():
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def prepare(model_dir: Path) -> bool:
    """Convert ``model_dir`` for the core when it can be (after install); never raises."""
    if compiled() is None:
        return False
    try:
        convert(model_dir)
    except (CoreUnavailable, OSError, ValueError, KeyError, TypeError):
        return False
    return True


# --- loading -------------------------------------------------------------------------


def _manifest(model_dir: Path) -> dict[str, Any]:
    """The core's manifest for ``model_dir`` if it is current (made from these model files)."""
    path = core_dir(model_dir) / CORE_MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CoreUnavailable(f"no converted model in {path.parent}") from error
    if manifest.get("format") != FORMAT or manifest.get("source") != _source_stamp(model_dir):
        raise CoreUnavailable(f"the converted model in {path.parent} is out of date")
    return manifest


def open_arrays(model_dir: Path) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The converted arrays, each checked against its sha256, mapped read-only."""
    manifest = _manifest(model_dir)
    directory = core_dir(model_dir)
    files = manifest["files"]
    if set(files) != set(ARRAYS):
        raise CoreUnavailable(f"{directory} does not hold the core's arrays")
    paths = {name: directory / f"{name}.npy" for name in ARRAYS}
    workers = min(len(paths), os.cpu_count() or 1)
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:  # hashlib releases the GIL
        digests = dict(zip(paths, pool.map(sha256_of, paths.values()), strict=True))
    bad = [name for name in ARRAYS if digests[name] != files[name]["sha256"]]
    if bad:
        raise CoreUnavailable(f"{', '.join(bad)} in {directory} failed its sha256 check")
    arrays = {
        name: np.load(path, mmap_mode="r", allow_pickle=False) for name, path in paths.items()
    }
    return arrays, manifest["settings"]


def load_core(model_dir: Path, convert_missing: bool = True) -> Any:
    """A ``_segcore.Core`` over ``model_dir``'s converted arrays (converted first if need be)."""
    core = compiled()
    if core is None:
        raise CoreUnavailable("the compiled segmentation core is not built")
    try:
        arrays, settings = open_arrays(model_dir)
    except CoreUnavailable:
        if not convert_missing:
            raise
        with _conversion_lock(Path(model_dir)):
            with contextlib.suppress(CoreUnavailable):  # another process converted it meanwhile
                arrays, settings = open_arrays(model_dir)
                return _core(core, arrays, settings)
            for stale in Path(model_dir).glob(".core-*"):  # a conversion killed midway
                shutil.rmtree(stale, ignore_errors=True)
            try:
                convert(model_dir)
            except OSError as error:
                raise CoreUnavailable(f"cannot write the converted model: {error}") from error
            except CoreUnavailable:
                raise
            except Exception as error:  # a damaged model: spacy_pkuseg's loader names the repair
                raise CoreUnavailable(
                    f"the model in {model_dir} could not be read ({type(error).__name__})"
                ) from error
        arrays, settings = open_arrays(model_dir)
    return _core(core, arrays, settings)


def _core(core: ModuleType, arrays: dict[str, np.ndarray], settings: dict[str, Any]) -> Any:
    return core.Core(
        arrays,
        settings["n_tag"],
        settings["n_feature"],
        settings["starts"],
        settings["empty_word"],
    )


@contextlib.contextmanager
def _conversion_lock(model_dir: Path) -> Iterator[None]:
    """One process converts at a time (fcntl; without it each converts, the rename stays atomic)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        handle = open(model_dir / f".{CORE_DIR}.lock", "w")  # noqa: SIM115 - held across yield
    except OSError as error:  # a read-only model directory
        raise CoreUnavailable(f"cannot convert the model in {model_dir}: {error}") from error
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
