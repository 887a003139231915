"""Command line: `qa ask`, `qa index`, `qa status`, `qa eval`. Parses, calls `qa`, formats; no logic of its own."""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys

from .errors import QAError


def add_location_args(p: argparse.ArgumentParser) -> None:
    """--seeds, --index and --model: where the articles and index are, and which model (also `python -m ui`)."""
    p.add_argument("--seeds", metavar="DIR", help="folder of articles (default: the project's seeds/, or $QA_SEEDS_DIR)")
    p.add_argument("--index", metavar="DIR", help="index folder (default: the project's embeddings/, or $QA_INDEX_DIR)")
    p.add_argument("--model", metavar="NAME_OR_PATH",
                   help="sentence-transformers model name or local folder (default: $QA_MODEL, else the bundled "
                        "all-MiniLM-L6-v2)")


def _common(p: argparse.ArgumentParser) -> None:
    add_location_args(p)
    p.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid",
                   help="retrieval: BM25 with translated questions fused with the model (default), or one alone")
    p.add_argument("-q", "--quiet", action="store_true", help="print only the result, no progress or log lines")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qa", description="Ask questions about the news articles in seeds/; answers cite the exact sentences.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = sub.add_parser("ask", help="answer a question, citing the source sentences")
    ask.add_argument("question", nargs="+", help="the question (quote it, or give it as several words)")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON (the structure of qa.Answer)")
    ask.add_argument("-k", "--top-k", type=int, default=3, help="how many sentences to cite at most (default 3)")
    _common(ask)

    index = sub.add_parser("index", help="build or update the index (only new or changed articles are embedded)")
    index.add_argument("--force", action="store_true", help="embed every article again")
    _common(index)

    status = sub.add_parser("status", help="show what is indexed and whether the seeds changed since")
    _common(status)

    ev = sub.add_parser("eval", help="measure retrieval on a question file (hit@1/3/5, MRR, abstention)")
    ev.add_argument("file", help="JSON lines: q, lang, gold, unanswerable (format: eval/README.md)")
    ev.add_argument("--json", action="store_true", help="print the metrics and misses as JSON")
    _common(ev)
    return parser


# Libraries whose progress messages say nothing to a user ("Building index from tokens": bm25s).
NOISY_LOGGERS = ("sentence_transformers", "faiss", "httpx", "transformers", "bm25s")


def quiet_libraries() -> None:
    """Show only warnings and errors from `NOISY_LOGGERS`."""
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s", stream=sys.stderr)
    quiet_libraries()
    try:
        return {"ask": _ask, "index": _index, "status": _status, "eval": _eval}[args.command](args)
    except QAError as exc:
        print(f"qa: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("qa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `qa ask ... | head`: the reader has gone, nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _qa(args):
    from .pipeline import QA

    return QA(args.seeds, args.index, args.model, mode=args.mode)


def _ask(args) -> int:
    from .errors import QuestionError
    from .pipeline import MAX_TOP_K

    if not 1 <= args.top_k <= MAX_TOP_K:  # checked here too, to name the flag before the model loads
        raise QuestionError(f"--top-k must be from 1 to {MAX_TOP_K}, got {args.top_k}.")
    answer = _qa(args).ask(" ".join(args.question), top_k=args.top_k)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(answer.text)
    if answer.citations:
        print("\nSources:")
        for c in answer.citations:
            date = f", {c.date}" if c.date else ""
            # Counted from 1 for people; the JSON keeps the 0-based index of the API.
            print(f"  [{c.number}] {c.source}{date}, sentence {c.sentence + 1} (chars {c.start}-{c.end}), "
                  f"score {c.score:.3f}")
    return 0


def _index(args) -> int:
    progress = None if args.quiet else _ProgressLine()
    report = _qa(args).rebuild(force=args.force, progress=progress)
    if progress:
        progress.close()
    if not report.written:
        print(f"Index in {report.index_dir} is up to date: {report.sentences} sentences, model {report.model}.")
        return 0
    articles = len(report.embedded) + len(report.reused)
    print(f"Indexed {report.sentences} sentences from {articles} article{'s' * (articles != 1)} "
          f"into {report.index_dir} in {report.seconds:.1f} s (model {report.model}).")
    print(f"  embedded: {', '.join(report.embedded) or 'none'}")
    print(f"  reused:   {', '.join(report.reused) or 'none'}")
    if report.removed:
        print(f"  removed:  {', '.join(report.removed)}")
    for name, why in report.skipped.items():
        print(f"  skipped:  {name}: {why}")
    return 0


def _eval(args) -> int:
    from .evaluate import evaluate, load_items

    items = load_items(args.file)
    qa = _qa(args)
    report = evaluate(items, lambda q: [c.text for c in qa.ask(q, top_k=5).citations], qa.sentence_texts())
    if args.json:
        print(json.dumps({"mode": args.mode, **report.to_dict()}, ensure_ascii=False, indent=2))
    else:
        print(f"mode: {args.mode}, {len(items)} questions from {args.file}")
        print(report.table())
    return 0


def _status(args) -> int:
    st = _qa(args).status()
    print(f"model:     {st.model}")
    print(f"articles:  {st.sources}")
    print(f"sentences: {st.sentences}")
    print(f"built:     {st.built_at or 'never'}")
    print(f"seeds:     {st.changes.describe()}" + (" (run `qa index`)" if st.stale else ""))
    return 0


class _ProgressLine:
    """Embedding progress on one stderr line."""

    def __init__(self):
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        print(f"\rembedding {done}/{total} texts", end="", file=sys.stderr, flush=True)
        self.shown = done < total
        if done >= total:  # end the line before the build logs what it did
            print(file=sys.stderr)

    def close(self) -> None:
        if self.shown:
            print(file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
