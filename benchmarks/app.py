"""What users and operators feel: cold start, warm answers, encoder speed, build throughput."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from .stats import median, p95, time_to_first_line

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "What did Kim Yo Jong warn?"


def env_for(index_dir: Path, seeds_dir: Path, cache_dir: Path, **extra: str) -> dict:
    env = {**os.environ, "QA_INDEX_DIR": str(index_dir), "QA_SEEDS_DIR": str(seeds_dir),
           "QA_CACHE_DIR": str(cache_dir), "PYTHONPATH": str(ROOT)}
    env.pop("QA_MODEL", None)
    env.update(extra)
    return env


def cold_start_ask(env: dict, repeats: int) -> dict:
    """Process start to the first printed line of `qa ask`, with the index already built.

    The first run after an install does one-time work (the ONNX export, the parsed word list, the
    model check), cached for every later process: it is reported on its own, not in the median.
    """
    command = [sys.executable, "-m", "qa", "ask", "-q", QUESTION]
    first, _, _ = time_to_first_line(command, env=env, cwd=ROOT)
    times, rss = [], []
    for _ in range(repeats):
        t, mb, _ = time_to_first_line(command, env=env, cwd=ROOT)
        times.append(t)
        rss.append(mb)
    return {"first_ask_after_install_s": first, "cold_ask_s": median(times), "cold_ask_peak_rss_mb": max(rss)}


def cold_start_ui(env: dict) -> dict:
    """`python -m ui` to the first answer through the page's API (/chat), as a user's browser would get it."""
    try:
        from gradio_client import Client
    except ImportError:
        return {}
    port = _free_port()
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "ui", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - start < 120:
            try:
                Client(f"http://127.0.0.1:{port}/", verbose=False).predict(QUESTION, api_name="/chat")
                return {"cold_ui_s": time.perf_counter() - start}
            except Exception:  # not up yet
                if server.poll() is not None:
                    return {}
                time.sleep(0.05)
        return {}
    finally:
        server.terminate()
        server.wait(timeout=30)


def warm_ask(questions: list[str], repeats: int) -> dict:
    """`QA.ask` latency once the model and index are loaded (the index is already built)."""
    from qa import QA

    qa = QA()
    qa.ask(questions[0])
    times = []
    for _ in range(repeats):
        for q in questions:
            t = time.perf_counter()
            qa.ask(q)
            times.append((time.perf_counter() - t) * 1e3)
    return {"warm_ask_median_ms": median(times), "warm_ask_p95_ms": p95(times)}


def encoders(questions: list[str], texts: list[str], repeats: int, *, reference: bool = True) -> dict:
    """Single-query latency and batch throughput of the ONNX encoder and (with `reference`) the
    torch reference, and the time to import what each needs (measured in fresh processes)."""
    from qa.embedder import SentenceTransformerEmbedder, _load_st, bundled_model_dir
    from qa.onnx_encoder import OnnxEmbedder

    path = bundled_model_dir()
    encs = {"onnx": OnnxEmbedder(path)}
    if reference:
        encs["torch"] = SentenceTransformerEmbedder(_load_st(str(path), True), "ref")
    out = {}
    for name, enc in encs.items():
        enc.encode(questions[:2])
        times, rates = [], []
        for _ in range(repeats):
            for q in questions:
                t = time.perf_counter()
                enc.encode([q])
                times.append((time.perf_counter() - t) * 1e3)
            t = time.perf_counter()
            enc.encode(texts)
            rates.append(len(texts) / (time.perf_counter() - t))
        out[f"query_encode_{name}_median_ms"] = median(times)
        out[f"batch_encode_{name}_per_s"] = median(rates)
    imports = {"onnx": "onnxruntime, tokenizers", "torch": "sentence_transformers"}
    for name, mods in ((k, v) for k, v in imports.items() if k in encs):
        code = f"import time; t = time.perf_counter(); import {mods}; print(time.perf_counter() - t)"
        runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                     check=True).stdout) for _ in range(max(1, repeats // 2))]
        out[f"import_{name}_s"] = median(runs)
    return out


def build_throughput(seeds_dir: Path, work: Path, copies: int, repeats: int) -> dict:
    """Texts per second of a full `build_index` vs the same encoder on the same texts, raw.

    The texts are what the build embeds: sentences, chunks and the glosses of German sentences
    (glossing itself, a word-list lookup per word, counts against the build).

    The seeds are copied `copies` times (each copy a distinct file) to give the build some bulk.
    """
    from qa.build import BATCH, build_index
    from qa.chunks import make_chunks
    from qa.embedder import load_embedder
    from qa.pipeline import QA
    from qa.seeds import read_source, scan
    from qa.sentences import split_sentences

    big = work / "seeds-bulk"
    big.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for f in sorted(seeds_dir.glob("*.txt")):
            text = f.read_text(encoding="utf-8")
            (big / f"{f.stem}-{i:03d}.txt").write_text(text + f"\n\nKopie {i}.\n", encoding="utf-8")
    embedder = load_embedder()
    glosser = QA(big, work / "idx-bulk", embedder=embedder).glosser  # as the product builds it
    texts = []
    for seed in scan(big):
        sents = split_sentences(read_source(seed))
        texts += [s.text for s in sents] + [c.text for c in make_chunks(sents)]
        if glosser is not None:
            texts += [glosser.gloss(s.text) for s in sents if glosser.needs_gloss(s.text)]
    build_rates, raw_rates = [], []
    for r in range(repeats):
        t = time.perf_counter()
        for start in range(0, len(texts), BATCH):  # the way the build batches
            embedder.encode(texts[start:start + BATCH])
        raw_rates.append(len(texts) / (time.perf_counter() - t))
        index_dir = work / f"idx-bulk-{r}"
        t = time.perf_counter()
        build_index(big, index_dir, embedder, glosser=glosser, force=True)
        build_rates.append(len(texts) / (time.perf_counter() - t))
        shutil.rmtree(index_dir, ignore_errors=True)
    build, raw = median(build_rates), median(raw_rates)
    return {"build_texts": len(texts), "build_per_s": build, "raw_encode_per_s": raw,
            "build_vs_raw": build / raw}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
