"""A light query encoder: a sentence-transformers model run by onnxruntime + `tokenizers`.

Gives the same vectors as `SentenceTransformer(model_dir).encode(..., normalize_embeddings=True)`
(cosine ~1 - 1e-7) without importing torch, transformers or sentence-transformers, so a process
that only answers questions starts in a fraction of a second and embeds a query in a few ms.
The ONNX file is exported once from the local weights (see `qa.onnx_export`) and cached.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Sequence

import numpy as np

from .errors import ModelError


def supports(model_dir: str | Path) -> bool:
    """True when `model_dir` is a local BERT-style model with mean or CLS pooling we can run."""
    d = Path(model_dir)
    try:
        config = json.loads((d / "config.json").read_text())
        pooling = _pooling_mode(d)
    except (OSError, ValueError):
        return False
    return (d / "tokenizer.json").exists() and config.get("model_type") == "bert" and pooling is not None


def _pooling_mode(model_dir: Path) -> str | None:
    files = sorted(model_dir.glob("*_Pooling/config.json"))
    if not files:
        return None
    cfg = json.loads(files[0].read_text())
    modes = [k for k, v in cfg.items() if k.startswith("pooling_mode_") and v]
    if modes == ["pooling_mode_mean_tokens"]:
        return "mean"
    if modes == ["pooling_mode_cls_token"]:
        return "cls"
    return None


class OnnxEmbedder:
    """Implements the `Embedder` protocol (name, dim, encode) on onnxruntime.

    Args:
        model_dir: a local sentence-transformers folder (config.json, tokenizer.json, *_Pooling/).
        name: the model name recorded in the index manifest; defaults to the folder name. Use the
            same name as the torch embedder so indexes built by either are interchangeable.
        onnx_path: an exported file; by default the cached export (made on first use).
        threads: onnxruntime intra-op threads; by default the cores, at most 4. Threads wait without
            spinning, so a busy machine slows a query down gracefully (measured on 2 cores: 2.8 ms
            quiet and 3.7 ms with one core busy, against 4.2 ms for one thread either way).
    """

    def __init__(self, model_dir: str | Path, *, name: str | None = None,
                 onnx_path: str | Path | None = None, cache_dir: str | Path | None = None,
                 threads: int | None = None):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.model_dir = Path(model_dir)
        if not supports(self.model_dir):
            raise ModelError(f"{self.model_dir} is not a BERT-style sentence-transformers folder "
                             "with mean or CLS pooling; use the sentence-transformers embedder")
        config = json.loads((self.model_dir / "config.json").read_text())
        self.name = name or self.model_dir.name
        self.dim = int(config["hidden_size"])
        self.pooling = _pooling_mode(self.model_dir)
        st_cfg = self.model_dir / "sentence_bert_config.json"
        max_len = json.loads(st_cfg.read_text()).get("max_seq_length", 256) if st_cfg.exists() else 256
        self.max_seq_length = int(max_len)

        self._tok = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        # tokenizer.json carries fixed 128 padding; sentence-transformers pads to the longest row
        # and truncates at max_seq_length, so do the same.
        self._tok.enable_truncation(self.max_seq_length)
        self._tok.enable_padding(pad_id=self._tok.token_to_id("[PAD]") or 0, pad_token="[PAD]")

        if onnx_path is None:
            from .onnx_export import ensure_onnx  # imports torch only if no export is cached

            onnx_path = ensure_onnx(self.model_dir, cache_dir)
        self.onnx_path = Path(onnx_path)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or min(4, os.cpu_count() or 1)
        opts.inter_op_num_threads = 1
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(self.onnx_path), opts,
                                             providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed `texts`; returns float32 (len(texts), dim), each row L2-normalised."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a list of texts, not one string")
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        # Similar lengths in a batch waste less compute on padding (as sentence-transformers does).
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
        for start in range(0, len(order), batch_size):
            rows = order[start:start + batch_size]
            out[rows] = self._encode_batch([texts[i] for i in rows])
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encs = self._tok.encode_batch(texts)
        ids = np.array([e.ids for e in encs], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})[0]
        if self.pooling == "cls":
            vecs = hidden[:, 0]
        else:  # mean over real tokens: (batch, tokens, dim) * (batch, tokens, 1)
            m = mask[..., None].astype(np.float32)
            vecs = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return (vecs / np.clip(norms, 1e-12, None)).astype(np.float32)
