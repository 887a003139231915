"""Search latency, recall@10 against exact search, and memory per sentence, by corpus size."""
from __future__ import annotations

import time

import numpy as np

from qa.ann import make_index, recall_at_k

from .stats import median, p95
from .synthetic import corpus_and_queries

K = 10


def search_figures(n: int, *, n_queries: int = 200, dim: int = 384, exact_below: int | None = None) -> dict:
    """Build the index `qa.ann` chooses for `n` synthetic vectors and time single-query searches.

    Returns figures keyed `search_<n>_*`: median and p95 ms, recall@10 against exact search,
    bytes per vector of the serialised index, build seconds, the index type, and the exact
    (flat) median ms for comparison.
    """
    import faiss

    corpus, queries = corpus_and_queries(n, n_queries, dim)
    exact = faiss.IndexFlatIP(dim)
    exact.add(corpus)
    _, truth = exact.search(queries, K)  # batched: fast, and exact
    kwargs = {} if exact_below is None else {"exact_below": exact_below}
    t = time.perf_counter()
    index, params = make_index(corpus, **kwargs)
    build_s = time.perf_counter() - t
    ann_ms, found = _time_single(index, queries)
    flat_ms, _ = _time_single(exact, queries[: min(50, n_queries)])
    size = faiss.serialize_index(index).nbytes
    tag = f"search_{_label(n)}"
    return {
        f"{tag}_index": params["type"],
        f"{tag}_median_ms": median(ann_ms),
        f"{tag}_p95_ms": p95(ann_ms),
        f"{tag}_recall10": recall_at_k(found, truth),
        f"{tag}_exact_median_ms": median(flat_ms),
        f"{tag}_bytes_per_vector": size / n,
        f"{tag}_build_s": build_s,
    }


def _time_single(index, queries: np.ndarray) -> tuple[list[float], np.ndarray]:
    """One query at a time (as `ask` does), after one untimed warm-up query."""
    index.search(queries[:1], K)
    times, found = [], []
    for q in queries:
        t = time.perf_counter()
        _, ids = index.search(q[None, :], K)
        times.append((time.perf_counter() - t) * 1e3)
        found.append(ids[0])
    return times, np.array(found)


def _label(n: int) -> str:
    for unit, div in (("m", 1_000_000), ("k", 1_000)):
        if n >= div and n % div == 0:
            return f"{n // div}{unit}"
    return str(n)
