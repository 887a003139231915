"""Building, updating and damaging the index on real files, with the fake embedder."""
import json
import multiprocessing
import os

import numpy as np
import pytest

from qa import QA, IndexStoreError, build_index
from qa import store
from qa.staleness import detect_changes

from conftest import SEED, FakeEmbedder


def build(seeds, index, embedder, **kw):
    return build_index(seeds, index, embedder, **kw)


def test_build_writes_manifest_and_faiss_files(seeds_dir, tmp_path, fake_embedder):
    index = tmp_path / "idx"
    report = build(seeds_dir, index, fake_embedder)
    assert report.embedded == [SEED] and report.sentences == 23
    manifest = store.read_manifest(index)
    assert manifest["model"] == fake_embedder.name and manifest["dim"] == fake_embedder.dim
    assert manifest["format_version"] == store.FORMAT_VERSION
    assert [s["name"] for s in manifest["sources"]] == [SEED]
    assert len(manifest["sources"][0]["sha256"]) == 64
    loaded = store.load(index)
    assert loaded.sentence_index.ntotal == loaded.chunk_index.ntotal == 23


def test_unchanged_sources_are_not_embedded_again(seeds_dir, tmp_path):
    index = tmp_path / "idx"
    build(seeds_dir, index, FakeEmbedder())
    (seeds_dir / "b.txt").write_text("date 2025-09-01 Ein zweiter Artikel. Er hat zwei Sätze.", encoding="utf-8")

    second = FakeEmbedder()
    report = build(seeds_dir, index, second)
    assert report.embedded == ["b.txt"] and report.reused == [SEED]
    # The new file's two sentences and their two chunks; nothing of the unchanged seed.
    assert sorted(second.texts) == sorted(["Ein zweiter Artikel.", "Er hat zwei Sätze."] +
                                          ["Ein zweiter Artikel. Er hat zwei Sätze."] * 2)

    third = FakeEmbedder()
    assert build(seeds_dir, index, third).written is False
    assert third.calls == 0

    forced = FakeEmbedder()
    build(seeds_dir, index, forced, force=True)
    assert any("Kim Yo Jong" in t for t in forced.texts)


def test_reused_vectors_equal_freshly_built_ones(seeds_dir, tmp_path):
    index = tmp_path / "idx"
    build(seeds_dir, index, FakeEmbedder())
    (seeds_dir / "b.txt").write_text("Noch ein Artikel.", encoding="utf-8")
    build(seeds_dir, index, FakeEmbedder())
    fresh = tmp_path / "fresh"
    build(seeds_dir, fresh, FakeEmbedder())
    a, b = store.load(index), store.load(fresh)
    assert [s.text for s in a.sentences] == [s.text for s in b.sentences]
    np.testing.assert_allclose(store.vectors_of(a.chunk_index, 0, 24), store.vectors_of(b.chunk_index, 0, 24))


def test_changes_are_detected_by_content_not_by_touch(seeds_dir, tmp_path, fake_embedder):
    index = tmp_path / "idx"
    build(seeds_dir, index, fake_embedder)
    manifest = store.read_manifest(index)
    seed = seeds_dir / SEED
    os.utime(seed, ns=(1, 1))  # touched, same bytes
    assert not detect_changes(seeds_dir, manifest, fake_embedder.name).stale
    seed.write_text(seed.read_text(encoding="utf-8") + "\nNeu.", encoding="utf-8")
    (seeds_dir / "new.txt").write_text("Neu.", encoding="utf-8")
    changes = detect_changes(seeds_dir, manifest, fake_embedder.name)
    assert (changes.changed, changes.added, changes.removed) == ([SEED], ["new.txt"], [])
    assert detect_changes(seeds_dir, manifest, "another-model").model_changed


def test_an_index_split_by_other_rules_is_stale(seeds_dir, tmp_path, fake_embedder):
    index = tmp_path / "idx"
    build(seeds_dir, index, fake_embedder)
    manifest = store.read_manifest(index)
    assert not detect_changes(seeds_dir, manifest, fake_embedder.name).stale
    older = {**manifest, "segmenter": "pysbd-0.3.4/de/1"}  # built before the sentence rules changed
    changes = detect_changes(seeds_dir, older, fake_embedder.name)
    assert changes.stale and changes.splitting_changed and "splits" in changes.describe()
    assert detect_changes(seeds_dir, {**manifest, "chunk_context": 2}, fake_embedder.name).splitting_changed
    unread = {k: v for k, v in manifest.items() if k != "reader"}  # built before file names gave dates
    assert detect_changes(seeds_dir, unread, fake_embedder.name).splitting_changed


def test_unreadable_seed_is_skipped_and_does_not_trigger_endless_rebuilds(seeds_dir, tmp_path, fake_embedder):
    (seeds_dir / "latin1.txt").write_bytes("Gr\xfc\xdfe aus K\xf6ln.".encode("latin-1"))
    index = tmp_path / "idx"
    report = build(seeds_dir, index, fake_embedder)
    assert "latin1.txt" in report.skipped and "UTF-8" in report.skipped["latin1.txt"]
    assert report.sentences == 23
    assert not detect_changes(seeds_dir, store.read_manifest(index), fake_embedder.name).stale


def test_interrupted_build_leaves_the_previous_index_in_use(seeds_dir, tmp_path, monkeypatch):
    index = tmp_path / "idx"
    build(seeds_dir, index, FakeEmbedder())
    before = store.current_build(index)
    (seeds_dir / "b.txt").write_text("Ein Satz.", encoding="utf-8")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("power cut while writing")

    monkeypatch.setattr(store, "_write_faiss", crash)
    with pytest.raises(KeyboardInterrupt):
        build(seeds_dir, index, FakeEmbedder())
    assert store.current_build(index) == before
    assert len(store.load(index).sentences) == 23
    assert [p.name for p in index.iterdir() if p.name.startswith(".build")] == []


def test_damaged_index_is_detected_and_rebuilt_by_ask(seeds_dir, tmp_path, fake_embedder):
    index = tmp_path / "idx"
    build(seeds_dir, index, FakeEmbedder())
    faiss_file = store.current_build(index) / "sentences.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:100])  # truncated
    with pytest.raises(IndexStoreError, match="qa index --force"):
        store.load(index)
    answer = QA(seeds_dir, index, embedder=fake_embedder).ask("Kim Yo Jong warnte die USA")
    assert answer.citations and store.load(index).sentence_index.ntotal == 23


def test_manifest_that_does_not_match_is_rejected(seeds_dir, tmp_path, fake_embedder):
    index = tmp_path / "idx"
    build(seeds_dir, index, fake_embedder)
    manifest_path = store.current_build(index) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["sentences"] = 99
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexStoreError, match="does not match"):
        store.load(index)


def _build_in_process(seeds, index, marker):
    from conftest import FakeEmbedder as Fake
    from qa import build_index as b

    b(seeds, index, Fake(), force=True)


def test_two_builds_at_once_do_not_corrupt_each_other(seeds_dir, tmp_path):
    index = tmp_path / "idx"
    for i in range(5):
        (seeds_dir / f"extra{i}.txt").write_text(f"Artikel {i}. " * 50, encoding="utf-8")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_build_in_process, args=(seeds_dir, index, i)) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    loaded = store.load(index)
    assert len({s.source for s in loaded.sentences}) == 6
    builds = [p for p in index.iterdir() if p.is_dir()]
    assert builds == [store.current_build(index)]


def test_faiss_search_matches_brute_force(tmp_path, fake_embedder):
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(500, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    store._write_faiss(vectors, tmp_path / "v.faiss")
    index = store._read_faiss(tmp_path / "v.faiss")
    queries = vectors[:10] + 0.1 * rng.normal(size=(10, 32)).astype(np.float32)
    scores, ids = index.search(queries, 5)
    expected = np.argsort(-(queries @ vectors.T), axis=1)[:, :5]
    np.testing.assert_array_equal(ids, expected)
    np.testing.assert_allclose(scores, np.take_along_axis(queries @ vectors.T, expected, 1), rtol=1e-5)
