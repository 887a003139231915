"""`python -m ui [--host H] [--port P]`: serve the chat page (loopback unless told otherwise)."""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time

# Before gradio is imported: no telemetry and no version check against gradio's servers.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

log = logging.getLogger("ui")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m ui", description=__doc__)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)")
    p.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    p.add_argument("--model", default=None, help="embedding model name or path (default: the bundled one, or $QA_MODEL)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    started = time.perf_counter()

    from qa import QA, QAError
    from ui.app import EXAMPLES, build_app, launch

    qa = QA(model=args.model)
    try:  # load the model and bring the index up to date now, not on the first visitor's question
        qa.ask(EXAMPLES[0])
    except QAError as e:  # still serve the page: it shows the problem and the rebuild button
        log.error("warm-up failed: %s", e)
    demo = build_app(qa)
    launch(demo, host=args.host, port=args.port, prevent_thread_lock=True)
    log.info("ready to answer in %.1fs", time.perf_counter() - started)
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
