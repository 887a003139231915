"""Run the peer pipeline (`benchmarks/peer.py`) on the same sentences and questions as ours."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .stats import median, time_to_first_line

PEER_SCRIPT = Path(__file__).with_name("peer.py")


def find_peer_python(explicit: str | None) -> str | None:
    """The interpreter that has LangChain: --peer-python, $QA_PEER_PYTHON, or this one if it can."""
    for candidate in (explicit, os.environ.get("QA_PEER_PYTHON"), sys.executable):
        # Absolute, since the peer runs in a work folder; not resolved: a venv's python is a symlink.
        found = os.path.abspath(candidate) if candidate and Path(candidate).is_file() else \
            candidate and shutil.which(candidate)
        if found:
            probe = subprocess.run([found, "-c", "import langchain_community, langchain_huggingface"],
                                   capture_output=True)
            if probe.returncode == 0:
                return found
    return None


def peer_figures(python: str, texts: list[str], questions: list[str], model_dir: Path, work: Path,
                 repeats: int) -> dict:
    """Build time, cold start to first answer and warm query latency of the peer."""
    work.mkdir(parents=True, exist_ok=True)
    texts_file, questions_file = work / "texts.json", work / "questions.json"
    texts_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    questions_file.write_text(json.dumps(questions, ensure_ascii=False), encoding="utf-8")
    index_dir = work / "peer-index"
    env = {**os.environ, "TOKENIZERS_PARALLELISM": "false", "HF_HUB_OFFLINE": "1"}
    out = _result(subprocess.run([python, str(PEER_SCRIPT), "build", str(texts_file), str(index_dir),
                                  str(model_dir)], capture_output=True, text=True, env=env))
    colds, rss, warm = [], [], []
    for _ in range(repeats):
        first, mb, text = time_to_first_line(
            [python, str(PEER_SCRIPT), "ask", str(index_dir), str(model_dir), str(questions_file),
             "--repeat", "2"], env=env, cwd=work)
        colds.append(first)
        rss.append(mb)
        warm.append(_parse(text))
    out.update({"peer_cold_ask_s": median(colds), "peer_peak_rss_mb": max(rss),
                "peer_warm_median_ms": median([w["peer_warm_median_ms"] for w in warm]),
                "peer_warm_p95_ms": median([w["peer_warm_p95_ms"] for w in warm])})
    return out


def _result(proc: subprocess.CompletedProcess) -> dict:
    if proc.returncode != 0:
        raise RuntimeError(f"peer pipeline failed: {proc.stderr.strip()[-800:]}")
    return _parse(proc.stdout)


def _parse(stdout: str) -> dict:
    line = next(l for l in stdout.splitlines() if l.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])
