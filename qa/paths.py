"""Where things live by default: the project's seeds/ and embeddings/, and a user cache."""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path
from typing import Iterable

_PACKAGE_PARENT = Path(__file__).resolve().parent.parent


def project_root() -> Path:
    """The checkout this package runs from (editable install or source tree), else the working directory."""
    if (_PACKAGE_PARENT / "pyproject.toml").is_file() and (_PACKAGE_PARENT / "seeds").is_dir():
        return _PACKAGE_PARENT
    return Path.cwd()


def default_seeds_dir() -> Path:
    return Path(os.environ.get("QA_SEEDS_DIR") or project_root() / "seeds")


def default_index_dir() -> Path:
    return Path(os.environ.get("QA_INDEX_DIR") or project_root() / "embeddings")


def cache_dir() -> Path:
    """Per-user cache for derived data (never needed for correctness, safe to delete)."""
    if os.environ.get("QA_CACHE_DIR"):
        return Path(os.environ["QA_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "qa"


def fingerprint(files: Iterable[str | os.PathLike], *extra: str) -> str:
    """A short hash of files' paths, sizes and mtimes, and of `extra`: a cache key that changes
    when any of the files (or what `extra` names, e.g. a format version) changes."""
    parts = list(extra)
    for f in files:
        path = Path(f)
        try:
            st = path.stat()
            parts.append(f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}")
        except FileNotFoundError:
            parts.append(f"{path}:missing")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def prune(folder: Path, pattern: str, keep: Path, max_age_days: float = 0.0) -> list[Path]:
    """Remove the entries of `folder` matching `pattern` other than `keep` that were last modified
    more than `max_age_days` ago: caches of older formats or moved installs. Returns what went."""
    gone = []
    cutoff = time.time() - max_age_days * 86400
    for entry in folder.glob(pattern):
        try:
            if entry.resolve() == keep.resolve() or entry.stat().st_mtime > cutoff:
                continue
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
            gone.append(entry)
        except OSError:
            continue  # another process may be using or removing it: leave it
    return gone
