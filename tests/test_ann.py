"""The index chosen by corpus size finds what brute-force numpy search finds."""
import numpy as np
import pytest

from qa.ann import choose_params, configure, exact_search, make_index, recall_at_k


def unit_rows(n, dim=64, seed=0, clusters=50):
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((clusters, dim))
    x = centres[rng.integers(0, clusters, n)] + 0.7 * rng.standard_normal((n, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_small_corpus_is_exact_and_matches_numpy():
    x, q = unit_rows(2000), unit_rows(30, seed=1)
    index, params = make_index(x)
    assert params["type"] == "flat" and params["count"] == 2000 and params["dim"] == 64
    _, ids = index.search(q, 10)
    assert recall_at_k(ids, exact_search(x, q, 10)) == 1.0


def test_large_corpus_gets_an_approximate_index_with_high_recall():
    both = unit_rows(6050)  # queries from the same clusters as the corpus, not in it
    x, q = both[:6000], both[6000:]
    index, params = make_index(x, exact_below=5000)
    assert params["type"] == "hnsw_flat"
    scores, ids = index.search(q, 10)
    assert recall_at_k(ids, exact_search(x, q, 10)) >= 0.9  # the benchmark measures the real figure
    # what it finds comes with exact cosine scores (full vectors, no quantisation)
    np.testing.assert_allclose(scores, np.einsum("qd,qkd->qk", q, x[ids]), atol=1e-5)


def test_params_survive_a_save_and_load(tmp_path):
    import faiss

    x = unit_rows(3000)
    index, params = make_index(x, exact_below=1000)
    faiss.write_index(index, str(tmp_path / "i.faiss"))
    loaded = faiss.read_index(str(tmp_path / "i.faiss"))
    configure(loaded, params)
    assert loaded.hnsw.efSearch == params["ef_search"]
    np.testing.assert_array_equal(loaded.reconstruct_n(10, 5), x[10:15])  # rows stay reconstructible


def test_choice_by_size():
    assert choose_params(10)["type"] == "flat"
    assert choose_params(49_999)["type"] == "flat"
    assert choose_params(50_000)["type"] == "hnsw_flat"


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="2-d"):
        make_index(np.zeros(5, dtype=np.float32))
    with pytest.raises(ValueError, match="unknown index type"):
        make_index(unit_rows(10), params={"type": "lsh"})


def test_empty_corpus_gives_an_empty_exact_index():
    index, params = make_index(np.zeros((0, 8), dtype=np.float32))
    assert params["type"] == "flat" and index.ntotal == 0


def test_store_records_index_params_in_the_manifest(tmp_path, seeds_dir, fake_embedder):
    from qa import build_index
    from qa import store

    build_index(seeds_dir, tmp_path / "idx", fake_embedder)
    manifest = store.read_manifest(tmp_path / "idx")
    assert manifest["indexes"]["sentences.faiss"]["type"] == "flat"
    assert manifest["indexes"]["chunks.faiss"]["count"] == manifest["sentences"]
