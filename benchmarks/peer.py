"""The peer pipeline: LangChain's FAISS vector store over HuggingFaceEmbeddings, same bundled model.

Built the way LangChain's documentation builds it (`HuggingFaceEmbeddings(model_name=...)`,
`FAISS.from_texts`, `save_local` / `load_local`, `similarity_search_with_score`), over the same
sentences our index holds. Run as a script, usually in its own venv (`pip install .[peer]`):
it imports nothing from `qa`, and prints one JSON line of figures.

    python benchmarks/peer.py build TEXTS.json INDEX_DIR MODEL_DIR
    python benchmarks/peer.py ask INDEX_DIR MODEL_DIR QUESTIONS.json [--repeat N]

`ask` prints `FIRST <epoch seconds>` as soon as the first answer is out, so the caller can time
process start to first answer.
"""
from __future__ import annotations

import json
import statistics
import sys
import time


def _embeddings(model_dir: str):
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(model_name=model_dir, model_kwargs={"device": "cpu"})


def build(texts_file: str, index_dir: str, model_dir: str) -> dict:
    from langchain_community.vectorstores import FAISS

    texts = json.loads(open(texts_file, encoding="utf-8").read())
    emb = _embeddings(model_dir)
    start = time.perf_counter()
    store = FAISS.from_texts(texts, emb, metadatas=[{"row": i} for i in range(len(texts))])
    store.save_local(index_dir)
    seconds = time.perf_counter() - start
    return {"peer_build_s": seconds, "peer_build_per_s": len(texts) / seconds}


def ask(index_dir: str, model_dir: str, questions_file: str, repeat: int) -> dict:
    from langchain_community.vectorstores import FAISS

    questions = json.loads(open(questions_file, encoding="utf-8").read())
    store = FAISS.load_local(index_dir, _embeddings(model_dir), allow_dangerous_deserialization=True)
    docs = store.similarity_search_with_score(questions[0], k=3)
    print(docs[0][0].page_content[:80], flush=True)
    print(f"FIRST {time.time()}", flush=True)
    times = []
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            store.similarity_search_with_score(q, k=3)
            times.append(time.perf_counter() - t)
    times.sort()
    return {"peer_warm_median_ms": statistics.median(times) * 1e3,
            "peer_warm_p95_ms": times[int(0.95 * (len(times) - 1))] * 1e3}


def main(argv: list[str]) -> int:
    if len(argv) >= 4 and argv[0] == "build":
        out = build(argv[1], argv[2], argv[3])
    elif len(argv) >= 4 and argv[0] == "ask":
        repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
        out = ask(argv[1], argv[2], argv[3], repeat)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print("RESULT " + json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
