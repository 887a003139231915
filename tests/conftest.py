"""Shared fixtures: a deterministic fake embedder, temporary seeds/index folders, no network."""
from __future__ import annotations

import hashlib
import re
import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported anywhere

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "seeds"
SEED = "2025-08-13_putin-kim-telefonat.txt"
KIM_WARNS = "warnte die USA im vergangenen Monat davor, die Denuklearisierungsbemühungen weiter voranzutreiben"


def write_ding(folder: Path, text: str) -> Path:
    """A word list in the ding format, for tests that parse a few lines of their own."""
    path = folder / "de-en"
    path.write_text(text, encoding="utf-8")
    return path


def write_seeds(folder: Path, articles: dict[str, str]) -> Path:
    """A seeds folder `folder`/seeds holding `articles` (file name -> text)."""
    seeds = folder / "seeds"
    seeds.mkdir()
    for name, text in articles.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


class FakeEmbedder:
    """Hashed bag of words and character trigrams: similar wording gives similar vectors, no model needed.

    Counts what it is asked to embed, so tests can prove what a build did and did not re-embed.
    """

    name = "fake-hash-embedder"
    dim = 256

    def __init__(self):
        self.calls = 0
        self.texts: list[str] = []

    def encode(self, texts):
        self.calls += 1
        self.texts.extend(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = re.findall(r"\w+", text.lower())
            grams = [w[i:i + 3] for w in words for i in range(max(1, len(w) - 2))]
            for feature in words + grams:
                out[row, int(hashlib.md5(feature.encode()).hexdigest(), 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture
def seeds_dir(tmp_path) -> Path:
    """A copy of the project's seeds, free to change."""
    target = tmp_path / "seeds"
    shutil.copytree(SEED_DIR, target)
    return target


@pytest.fixture(scope="session")
def onnx_dir(tmp_path_factory) -> Path:
    """One ONNX export of the bundled model per test session (exporting takes ~10 s)."""
    return tmp_path_factory.mktemp("onnx")


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch, onnx_dir):
    """Every test writes its index and caches under tmp_path, and never picks a model from the environment."""
    monkeypatch.setenv("QA_INDEX_DIR", str(tmp_path / "embeddings"))
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("QA_ONNX_DIR", str(onnx_dir))
    monkeypatch.delenv("QA_ENCODER", raising=False)
    monkeypatch.delenv("QA_MODEL", raising=False)
    monkeypatch.delenv("QA_SEEDS_DIR", raising=False)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fail any connection that is not to this machine (a model hub, say)."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (host.startswith("127.") or host in ("localhost", "::1") or host.startswith("/")):
            raise OSError(f"test tried to reach the network: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    real_getaddrinfo = socket.getaddrinfo

    def local_names_only(host, *args, **kwargs):
        # A name look-up for a remote host would wait for DNS timeouts (over a minute here).
        if isinstance(host, str) and host not in ("localhost", "::1") and not host.startswith("127."):
            raise socket.gaierror(f"test tried to look up a remote host: {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", local_names_only)


def pytest_collection_modifyitems(items):
    """Tests that use the real model, directly or through the chat server, are `model` tests."""
    for item in items:
        if "real_embedder" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def real_embedder():
    """The bundled all-MiniLM-L6-v2, loaded once for the whole session."""
    from qa import load_embedder

    return load_embedder()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def engine(seeds_dir, tmp_path, real_embedder):
    """The QA the chat page serves: real model, seeds copied to tmp_path, index built on the first question."""
    from qa import QA

    return QA(seeds_dir, tmp_path / "embeddings", embedder=real_embedder)


@pytest.fixture
def server(engine):
    """The chat page served on a free loopback port; yields its URL."""
    from ui import build_app, launch

    demo = build_app(engine)
    _, url, _ = launch(demo, host="127.0.0.1", port=free_port(), prevent_thread_lock=True, quiet=True)
    yield url
    demo.close()
