"""Choose the FAISS index by corpus size: exact below a threshold, HNSW graph above.

Vectors are L2-normalised, so inner product is cosine similarity. Exact `IndexFlatIP` costs
O(n) per query: a few ms at 10k, tens of ms at 100k, about a second at 1M on two busy cores.
From `EXACT_BELOW` on, an `IndexHNSWFlat` graph answers in about a millisecond. It keeps the full
float32 vectors, so the scores of what it finds are exact and only recall is traded, and it can
reconstruct rows (retrieval rescoring and incremental builds need that). IVF-Flat was tried too:
on clustered synthetic data it needed a large share of its lists scanned for recall@10 >= 0.95 at
1M (see `python -m benchmarks`). The chosen parameters go in the index manifest.
"""
from __future__ import annotations

import numpy as np

EXACT_BELOW = 50_000  # below this, exact search takes a few ms and needs no graph building
HNSW_M = 32  # graph degree: memory per vector = 4*dim + ~2*M*4 bytes
# A better-built graph beats searching a poor one longer. Measured at 1M clustered synthetic vectors
# (M=32, 200 queries, one thread): efConstruction=40 reached recall@10 0.939 only at efSearch=1000
# (7.6 ms); efConstruction=80 gives 0.972 at efSearch=256 (1.8 ms) and 0.978 at 384 (2.8 ms), for a
# build of 388 s instead of 246 s on 2 cores.
HNSW_EF_CONSTRUCTION = 80
# Candidates kept while searching grow with the corpus (latency grows about linearly with ef).
HNSW_EF_SEARCH_MIN, HNSW_EF_SEARCH_MAX = 128, 512


def ef_search_for(n: int) -> int:
    """efSearch for `n` vectors: n/2500, within [128, 512] (400 at 1M)."""
    return max(HNSW_EF_SEARCH_MIN, min(HNSW_EF_SEARCH_MAX, n // 2500))


def choose_params(n: int, *, exact_below: int = EXACT_BELOW) -> dict:
    """The index parameters for a corpus of `n` vectors (recorded in the manifest)."""
    if n < exact_below:
        return {"type": "flat", "metric": "inner_product"}
    return {"type": "hnsw_flat", "metric": "inner_product", "M": HNSW_M,
            "ef_construction": HNSW_EF_CONSTRUCTION, "ef_search": ef_search_for(n)}


def make_index(vectors: np.ndarray, *, params: dict | None = None, exact_below: int = EXACT_BELOW):
    """Build a FAISS index over float32, L2-normalised `vectors` (row i gets id i).

    Args:
        vectors: (n, dim) float32 array.
        params: force a configuration (as returned by `choose_params`); chosen by size otherwise.
        exact_below: corpus size from which the approximate index is used.

    Returns:
        (index, params): the filled index and the parameters to save in the manifest.
    """
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if vectors.ndim != 2:
        raise ValueError(f"vectors must be a 2-d array, got shape {vectors.shape}")
    n, dim = vectors.shape
    params = dict(params or choose_params(n, exact_below=exact_below))
    if params["type"] == "flat":
        index = faiss.IndexFlatIP(dim)
    elif params["type"] == "hnsw_flat":
        index = faiss.IndexHNSWFlat(dim, int(params["M"]), faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = int(params["ef_construction"])
    else:
        raise ValueError(f"unknown index type {params['type']!r}; expected 'flat' or 'hnsw_flat'")
    index.add(vectors)
    configure(index, params)
    params["dim"], params["count"] = dim, n
    return index, params


def configure(index, params: dict) -> None:
    """Apply the search-time settings of `params` (e.g. after `faiss.read_index`)."""
    if params.get("type") == "hnsw_flat":
        index.hnsw.efSearch = int(params["ef_search"])


def exact_search(vectors: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    """Brute-force top-k ids by inner product in numpy (ground truth for recall)."""
    scores = queries @ vectors.T
    k = min(k, vectors.shape[0])
    top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(scores, top, axis=1), axis=1)
    return np.take_along_axis(top, order, axis=1)


def recall_at_k(found: np.ndarray, truth: np.ndarray) -> float:
    """Mean share of the true top-k ids found, over queries (rows)."""
    k = truth.shape[1]
    return float(np.mean([len(set(f[:k]) & set(t)) / k for f, t in zip(found, truth)]))
