"""Export a local BERT-style sentence-transformers model to ONNX once, and cache the file.

Build-time only: this module imports torch and transformers (several seconds), so the query path
(`qa.onnx_encoder`) imports it lazily, and only when no cached export exists yet.
The cached file is keyed by the model files' size and mtime and by the library versions, so a
changed model or an upgraded exporter makes a new export instead of trusting a stale one.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import warnings
from importlib import metadata
from pathlib import Path

log = logging.getLogger(__name__)

EXPORT_FORMAT = 1  # bump when the exported graph changes (inputs, outputs, fusions)
OPSET = 17
UNUSED_DAYS = 30  # exports for other installs (other model paths) not used for this long are removed
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def default_onnx_dir() -> Path:
    """`$QA_ONNX_DIR`, else `onnx/` in the user cache (`qa.paths.cache_dir`)."""
    from .paths import cache_dir

    return Path(os.environ.get("QA_ONNX_DIR") or cache_dir() / "onnx")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def export_key(model_dir: Path) -> str:
    """A short hash that changes when the model files or the exporting libraries change."""
    from .paths import fingerprint

    files = [model_dir / n for n in ("model.safetensors", "pytorch_model.bin", "config.json", "tokenizer.json")]
    versions = [f"{d}={_version(d)}" for d in ("torch", "transformers", "onnxruntime")]
    return fingerprint(files, f"format={EXPORT_FORMAT}", f"opset={OPSET}", *versions)


def cached_onnx_path(model_dir: str | Path, cache_dir: str | Path | None = None) -> Path:
    """Where the ONNX export of `model_dir` lives (whether or not it exists yet)."""
    model_dir = Path(model_dir)
    cache = Path(cache_dir) if cache_dir else default_onnx_dir()
    return cache / f"{model_dir.name}-{export_key(model_dir)}" / "model.onnx"


def ensure_onnx(model_dir: str | Path, cache_dir: str | Path | None = None) -> Path:
    """Return the cached ONNX file for `model_dir`, exporting it first if it is missing."""
    from .paths import prune

    target = cached_onnx_path(model_dir, cache_dir)
    if not target.exists():
        log.info("Exporting %s to ONNX once for fast queries (cached in %s)", model_dir, target.parent)
        export_onnx(Path(model_dir), target)
        # Exports of installs unused for a month (each install has its own): about 90 MB each.
        prune(target.parent.parent, f"{Path(model_dir).name}-*", keep=target.parent, max_age_days=UNUSED_DAYS)
    else:
        with contextlib.suppress(OSError):
            os.utime(target.parent)  # marks the export as in use, so pruning spares it
    return target


def export_onnx(model_dir: Path, target: Path) -> None:
    """Trace the transformer (token embeddings out, pooling is done in numpy) and fuse it for CPU.

    Written to a temporary file and renamed, so an interrupted export is never picked up and two
    processes exporting at once each produce a whole file.
    """
    import torch  # heavy: only here
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()

    # Eager attention traces to plain MatMul/Softmax, which onnxruntime fuses into one Attention op.
    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()

    class _Encoder(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.inner(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids)
            return out.last_hidden_state

    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 0, 0]])  # two rows, one padded
    args = (ids, (ids > 0).long(), torch.zeros_like(ids))
    axes = {name: {0: "batch", 1: "tokens"} for name in (*INPUTS, "last_hidden_state")}
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        raw = Path(tmp) / "raw.onnx"
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer warnings about shape-dependent Python ifs
            torch.onnx.export(_Encoder(model), args, str(raw), input_names=list(INPUTS),
                              output_names=["last_hidden_state"], dynamic_axes=axes,
                              opset_version=OPSET, dynamo=False)
        fused = Path(tmp) / "model.onnx"
        _fuse(raw, fused, model.config)
        info = {"model_dir": str(model_dir), "key": export_key(model_dir), "opset": OPSET,
                "format": EXPORT_FORMAT, "torch": _version("torch"),
                "onnxruntime": _version("onnxruntime")}
        (target.parent / "export.json").write_text(json.dumps(info, indent=2))
        os.replace(fused, target)


def _fuse(raw: Path, out: Path, config) -> None:
    """Fuse attention, layer norm and GELU into onnxruntime's CPU kernels (still float32)."""
    try:
        from onnxruntime.transformers import optimizer
    except ImportError:  # the `onnx` package is missing: the unfused graph is correct, just slower
        os.replace(raw, out)
        return
    # Its modules log each fusion at INFO under their own names ("Fused Gelu: 6"): not for users.
    logging.disable(logging.INFO)
    try:
        fused = optimizer.optimize_model(str(raw), model_type="bert", opt_level=1,
                                         num_heads=config.num_attention_heads,
                                         hidden_size=config.hidden_size)
        fused.save_model_to_file(str(out))
    finally:
        logging.disable(logging.NOTSET)
