"""`python -m benchmarks [--quick]`: measure the targets of the speed issue, print a table and JSON.

Timings are medians over repeats (the machines are noisy); the last line is one JSON object of all
figures. `--quick` uses small sizes and one repeat: it proves the benchmark still runs (CI), its
figures are not the ones to quote. The peer (LangChain) runs in the interpreter given by
--peer-python or $QA_PEER_PYTHON (a venv with `pip install -c constraints.txt -e .[peer]`),
or this one if it has LangChain; without it, the peer rows are skipped.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import app, compare
from .search import search_figures

DEV = Path(os.environ.get("QA_DEV_QUESTIONS") or app.ROOT / "eval" / "dev.jsonl")
FALLBACK_QUESTIONS = [app.QUESTION, "Who did Putin talk to on the phone?",
                      "Where does the summit between Trump and Putin take place?",
                      "Was sagte Trump über Kim?", "What is the capital of France?"]


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true",
                   help="small sizes, one repeat, no torch reference encoder: for CI, not for quoting")
    p.add_argument("--sizes", help="comma-separated corpus sizes for the search figures "
                                   "(default 10000,100000,1000000; quick: 2000,20000)")
    p.add_argument("--peer-python", help="interpreter with LangChain installed (default: $QA_PEER_PYTHON)")
    p.add_argument("--no-peer", action="store_true", help="skip the peer pipeline")
    p.add_argument("--no-ui", action="store_true", help="skip the UI cold start")
    return p.parse_args(argv)


def questions() -> list[str]:
    if DEV.is_file():
        return [json.loads(l)["q"] for l in DEV.read_text(encoding="utf-8").splitlines() if l.strip()]
    return FALLBACK_QUESTIONS


def run(args) -> dict:
    quick = args.quick
    reps = 1 if quick else 5
    sizes = [int(s) for s in (args.sizes or ("2000,20000" if quick else "10000,100000,1000000")).split(",")]
    qs = questions()
    figures: dict = {"quick": quick, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="qa-bench-") as tmp:
        work = Path(tmp)
        seeds = work / "seeds"
        shutil.copytree(app.ROOT / "seeds", seeds)
        index_dir = work / "embeddings"
        env = app.env_for(index_dir, seeds, work / "cache",
                          QA_ONNX_DIR=os.environ.get("QA_ONNX_DIR", ""))
        if not env["QA_ONNX_DIR"]:
            env.pop("QA_ONNX_DIR")  # the user's cache: the one-time export is not part of a cold start
        os.environ.update({k: env[k] for k in ("QA_INDEX_DIR", "QA_SEEDS_DIR", "QA_CACHE_DIR")})

        _step("building the index for the seed articles")
        # In a child: a forked child's peak RSS counts its parent's pages, so this process stays
        # lean until the cold starts have been measured.
        subprocess.run([sys.executable, "-m", "qa", "index", "--force", "-q"], env=env, cwd=app.ROOT,
                       check=True, stdout=subprocess.DEVNULL)
        _step("cold start: qa ask")
        figures.update(app.cold_start_ask(env, reps))
        if not args.no_ui:
            _step("cold start: python -m ui")
            figures.update(app.cold_start_ui(env))
        from qa import store

        sentences = [s.text for s in store.load(index_dir).sentences]
        # Before the model loads in this process: a forked child's peak RSS counts its parent's pages.
        peer = None if args.no_peer else compare.find_peer_python(args.peer_python)
        if peer:
            _step(f"peer pipeline (LangChain FAISS + HuggingFaceEmbeddings) in {peer}")
            from qa.embedder import bundled_model_dir

            figures.update(compare.peer_figures(peer, sentences, qs, bundled_model_dir(), work / "peer", reps))
        _step("warm ask")
        figures.update(app.warm_ask(qs, 3 if quick else 20))
        _step("encoders: onnx vs torch")
        figures.update(app.encoders(qs, sentences * (1 if quick else 4), reps, reference=not quick))
        _step("build throughput")
        figures.update(app.build_throughput(seeds, work, 2 if quick else 20, 1 if quick else 3))
        if peer:
            figures["ratio_cold_ask_peer_over_ours"] = figures["peer_cold_ask_s"] / figures["cold_ask_s"]
            figures["ratio_warm_peer_over_ours"] = figures["peer_warm_median_ms"] / figures["warm_ask_median_ms"]
            figures["ratio_build_ours_over_peer"] = figures["build_per_s"] / figures["peer_build_per_s"]
        for n in sizes:
            _step(f"search at {n:,} synthetic vectors")
            figures.update(search_figures(n, n_queries=50 if quick else 200,
                                          exact_below=min(n // 2, 50_000) if quick else None))
        figures["index_sentences"] = store.read_manifest(index_dir)["sentences"]
    return figures


def table(f: dict) -> list[tuple[str, str, str]]:
    """(target, figure, met) rows; a target without a figure says so."""
    def row(target, key, fmt, ok):
        if key not in f:
            return (target, "not measured", "-")
        return (target, fmt.format(f[key]), "met" if ok(f[key]) else "NOT met")

    largest = max((k for k in f if k.endswith("_recall10")), key=lambda k: _size(k), default=None)
    big = largest[: -len("_recall10")] if largest else "search_none"
    rows = [
        row("warm ask() median <= 5 ms", "warm_ask_median_ms", "{:.2f} ms", lambda v: v <= 5),
        row("warm ask() p95 (no target)", "warm_ask_p95_ms", "{:.2f} ms", lambda v: True),
        row("qa ask: start to first answer <= 3 s", "cold_ask_s", "{:.2f} s", lambda v: v <= 3),
        row("python -m ui: start to answering page <= 5 s", "cold_ui_s", "{:.2f} s", lambda v: v <= 5),
        row("first qa ask after install, one-time caches (info)", "first_ask_after_install_s", "{:.2f} s",
            lambda v: True),
        row("build throughput >= 90% of raw encoder", "build_vs_raw", "{:.0%}", lambda v: v >= 0.9),
        row(f"{big[7:]} search median <= 10 ms", f"{big}_median_ms", "{:.2f} ms", lambda v: v <= 10),
        row(f"{big[7:]} search recall@10 >= 0.95", f"{big}_recall10", "{:.3f}", lambda v: v >= 0.95),
        row(f"{big[7:]} memory per sentence (stated)", f"{big}_bytes_per_vector", "{:.0f} B", lambda v: True),
        row("faster than peer: warm (peer/ours > 1)", "ratio_warm_peer_over_ours", "{:.1f}x", lambda v: v > 1),
        row("faster than peer: cold start (peer/ours > 1)", "ratio_cold_ask_peer_over_ours", "{:.1f}x", lambda v: v > 1),
        # No target: our build embeds each sentence twice (alone and with its neighbours) and builds BM25.
        row("build speed ours/peer, texts per s (info)", "ratio_build_ours_over_peer", "{:.2f}x", lambda v: True),
        row("query encoder: onnx vs torch (info)", "query_encode_onnx_median_ms", "{:.2f} ms", lambda v: True),
    ]
    if "query_encode_torch_median_ms" in f:
        rows[-1] = (rows[-1][0], rows[-1][1] + f" vs {f['query_encode_torch_median_ms']:.2f} ms", "-")
    return rows


def _size(key: str) -> int:
    label = key.split("_")[1]
    mult = {"k": 1_000, "m": 1_000_000}.get(label[-1], 1)
    return int(label.rstrip("km")) * mult


def _step(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def main(argv=None) -> int:
    args = parse_args(argv)
    figures = run(args)
    rows = table(figures)
    width = max(len(r[0]) for r in rows)
    fig_w = max(len(r[1]) for r in rows)
    print(f"{'target':<{width}}  {'figure':<{fig_w}}  status")
    for target, fig, status in rows:
        print(f"{target:<{width}}  {fig:<{fig_w}}  {status}")
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
