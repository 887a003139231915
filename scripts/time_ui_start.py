"""Time from `python -m ui` to the first answer over HTTP: `python scripts/time_ui_start.py [PORT]`.

Starts the server as a user would, asks the mission question through gradio_client until it is
answered, prints the elapsed time, and stops the server. Set QA_INDEX_DIR to time a cold start.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from gradio_client import Client

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    port = sys.argv[1] if len(sys.argv) > 1 else "7861"
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "ui", "--port", port], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                answer = Client(f"http://127.0.0.1:{port}/", verbose=False).predict(
                    "What did Kim Yo Jong warn?", api_name="/chat")
                break
            except Exception:  # not up yet
                if server.poll() is not None:
                    print(f"python -m ui exited with {server.returncode}", file=sys.stderr)
                    return 1
                time.sleep(0.1)
        print(f"python -m ui -> first answer: {time.perf_counter() - started:.1f} s "
              f"({len(answer['citations'])} citations)")
        return 0
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
