"""Synthetic sentence-embedding-like vectors: clustered, anisotropic, L2-normalised.

Uniform noise on the sphere is a poor stand-in (every point is about equally far from every other,
so ANN recall looks worse and exact search looks no different); real sentence embeddings come in
topics and sub-topics, share a common direction, and a query has a few close neighbours. This
generator mimics that: topic centres, sub-topic centres around them, points around those.
"""
from __future__ import annotations

import numpy as np

SUB_SPREAD = 1.0  # how far sub-topics lie from their topic
NOISE = 1.0  # how far a sentence lies from its sub-topic
DECAY = 0.5  # spectrum of within-topic variation: variance of direction i ~ i**-(2*DECAY)
MIX = 0.8  # up to this much of a second sub-topic in a sentence
POINTS_PER_SUBTOPIC = 25


def clustered(n: int, dim: int = 384, *, seed: int = 0, points_per_subtopic: int = POINTS_PER_SUBTOPIC,
              subtopics_per_topic: int = 20) -> np.ndarray:
    """`n` float32 unit vectors in `dim` dimensions, drawn from a two-level mixture."""
    rng = np.random.default_rng(seed)
    common = rng.standard_normal(dim, dtype=np.float32)
    common *= 0.5 / np.linalg.norm(common)  # shared direction: random pairs have cosine ~0.1
    n_sub = max(1, n // points_per_subtopic)
    n_topic = max(1, n_sub // subtopics_per_topic)
    topics = _unit(rng.standard_normal((n_topic, dim), dtype=np.float32))
    subs = _unit(topics[rng.integers(0, n_topic, n_sub)]
                 + SUB_SPREAD * _unit(rng.standard_normal((n_sub, dim), dtype=np.float32)))
    # Within-topic variation has a decaying spectrum in a random basis, like real embeddings
    # (most variance in a few dozen directions), rather than isotropic noise in all 384.
    spectrum = (np.arange(1, dim + 1, dtype=np.float32) ** -DECAY)
    rotation = np.linalg.qr(rng.standard_normal((dim, dim)))[0].astype(np.float32)
    out = np.empty((n, dim), dtype=np.float32)
    step = 100_000  # generate in blocks to bound temporary memory
    for start in range(0, n, step):
        m = min(step, n - start)
        noise = _unit((rng.standard_normal((m, dim), dtype=np.float32) * spectrum) @ rotation)
        # Many sentences touch a second sub-topic: this blurs cluster borders as in real text.
        second = rng.uniform(0.0, MIX, (m, 1)).astype(np.float32) * subs[rng.integers(0, n_sub, m)]
        out[start:start + m] = _unit(subs[rng.integers(0, n_sub, m)] + second + NOISE * noise + common)
    return out


def corpus_and_queries(n: int, n_queries: int, dim: int = 384, *, seed: int = 0):
    """A corpus of `n` vectors and `n_queries` fresh queries from the same mixture (not in it)."""
    both = clustered(n + n_queries, dim, seed=seed)
    return both[:n], both[n:]


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=-1, keepdims=True)
