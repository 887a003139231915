"""`python -m ui [--host H] [--port P]`: serve the chat page (on loopback unless told otherwise)."""
from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time

# Before gradio is imported: no telemetry and no version check against gradio's servers.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from qa.cli import add_location_args, quiet_libraries  # noqa: E402 (light: argparse and logging only)

log = logging.getLogger("ui")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m ui", description="Serve the chat page over the articles in seeds/.")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default: 127.0.0.1, this machine only; 0.0.0.0 opens it to the network)")
    p.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    add_location_args(p)
    return p.parse_args(argv)


def warm_up(qa) -> None:
    """Load the model and bring the index up to date now, not on the first visitor's question."""
    from qa import QAError

    try:
        qa.ask("What did Kim Yo Jong warn?")
    except QAError as exc:  # still serve the page: it shows the problem in the status line and chat
        log.error("%s", exc)
    except Exception:
        log.exception("warming up failed")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s", stream=sys.stderr)
    quiet_libraries()
    started = time.perf_counter()

    from qa import QA

    qa = QA(args.seeds, args.index, args.model)
    warm = threading.Thread(target=warm_up, args=(qa,), name="warm-up", daemon=True)
    warm.start()  # the model loads while gradio is imported and the page is built
    from ui.app import build_app, launch

    demo = build_app(qa)
    try:
        launch(demo, host=args.host, port=args.port, prevent_thread_lock=True)
    except OSError as exc:  # e.g. the port is taken
        print(f"python -m ui: error: {exc}", file=sys.stderr)
        return 1
    warm.join()
    log.info("ready to answer after %.1f s", time.perf_counter() - started)
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        demo.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
