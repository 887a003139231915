"""The benchmark's parts run and report sane figures (no timing assertions: machines are noisy)."""
from benchmarks.__main__ import table
from benchmarks.search import search_figures
from benchmarks.synthetic import corpus_and_queries


def test_synthetic_vectors_are_unit_length_and_clustered():
    import numpy as np

    x, q = corpus_and_queries(3000, 20, dim=64)
    assert x.shape == (3000, 64) and q.shape == (20, 64) and x.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    top = np.sort(q @ x.T, axis=1)[:, ::-1]
    assert top[:, 0].mean() > top.mean() + 0.2  # a query has close neighbours, unlike uniform noise


def test_search_figures_and_table():
    f = search_figures(2000, n_queries=20, dim=32, exact_below=1000)
    assert f["search_2k_index"] == "hnsw_flat"
    assert 0.5 <= f["search_2k_recall10"] <= 1.0
    assert f["search_2k_bytes_per_vector"] > 4 * 32
    rows = {r[0]: r for r in table({**f, "warm_ask_median_ms": 3.0})}
    assert rows["warm ask() median <= 5 ms"][2] == "met"
    assert rows["2k search recall@10 >= 0.95"][1].startswith("0.") or rows["2k search recall@10 >= 0.95"][1] == "1.000"
    assert rows["qa ask: start to first answer <= 3 s"][1] == "not measured"


def test_the_peer_interpreter_is_named_absolutely_without_resolving_its_symlink(tmp_path, monkeypatch):
    """`make bench` passes `.venv-peer/bin/python`, and the peer runs in a work folder of its own."""
    import subprocess

    from benchmarks import compare

    bin_dir = tmp_path / ".venv-peer" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python3").write_text("")
    (bin_dir / "python").symlink_to("python3")
    probed = []
    monkeypatch.setattr(compare.subprocess, "run",
                        lambda cmd, **kw: probed.append(cmd[0]) or subprocess.CompletedProcess(cmd, 0))
    monkeypatch.chdir(tmp_path)
    assert compare.find_peer_python(".venv-peer/bin/python") == str(bin_dir / "python")
    assert probed == [str(bin_dir / "python")]
