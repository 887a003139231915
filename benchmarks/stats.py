"""Small statistics and process helpers shared by the benchmarks."""
from __future__ import annotations

import os
import statistics
import subprocess
import time


def median(xs) -> float:
    return float(statistics.median(xs))


def p95(xs) -> float:
    xs = sorted(xs)
    return float(xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))])


def time_to_first_line(cmd: list[str], *, env: dict, cwd, marker: str | None = None,
                       timeout: float = 600) -> tuple[float, float, str]:
    """Run `cmd`; seconds from start until it prints its first line (or a line starting with
    `marker`), its peak RSS in MB (whole run), and its output.

    Raises:
        RuntimeError: the command failed or never printed.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    first = None
    lines = []
    for line in proc.stdout:  # line-buffered by the child's flush or exit
        lines.append(line)
        if first is None and (marker is None or line.startswith(marker)):
            first = time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            proc.kill()
            break
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0 or first is None:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()[-500:]}")
    return first, usage.ru_maxrss / 1024, "".join(lines)
