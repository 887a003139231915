"""Fixtures for the chat page: the real QA over a private copy of the seeds, served on a free port."""
from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported anywhere

import pytest

from qa import QA, load_embedder

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
KIM_SENTENCE = "Kim Yo Jong, warnte die USA im vergangenen Monat davor"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def embedder():
    """The bundled model, loaded once for all chat tests."""
    return load_embedder(None)


@pytest.fixture
def seeds_dir(tmp_path) -> Path:
    """A private copy of the project's seeds, free to change."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def engine(seeds_dir, tmp_path, embedder) -> QA:
    """The QA the page serves: real model, index in tmp_path (built on the first question)."""
    return QA(seeds_dir, tmp_path / "embeddings", embedder=embedder)


@pytest.fixture
def server(engine):
    """The chat page served on a free loopback port; yields its URL."""
    from ui import build_app, launch

    demo = build_app(engine)
    _, url, _ = launch(demo, host="127.0.0.1", port=free_port(), prevent_thread_lock=True, quiet=True)
    yield url
    demo.close()
