"""Load the articles of a seeds folder: UTF-8 text files, each with an optional metadata header
(or a date at the start of its name)."""
from __future__ import annotations

import datetime
import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SeedsError
from .types import Source

log = logging.getLogger(__name__)

SEED_SUFFIXES = (".txt", ".md")
MAX_SEED_BYTES = 50_000_000  # a single article far beyond this is almost certainly not an article

# Bumped whenever reading a seed file changes (its header, its date), so indexes are rebuilt.
READER_VERSION = 2
# "date 2025-08-13" at the very start of the file; the article text follows on the same line.
_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
# Without a header, a file named "2016-06-25_brexit.txt" is dated by its name.
_NAME_DATE = re.compile(r"\A(\d{4}-\d{2}-\d{2})(?=[_\-. ])")


@dataclass(frozen=True)
class SeedFile:
    """A seed file as seen by `stat`: enough to tell cheaply whether it may have changed."""

    name: str
    path: Path
    size: int
    mtime_ns: int


def scan(seeds_dir: Path) -> list[SeedFile]:
    """List the seed files (sorted by name), without reading them."""
    if not seeds_dir.is_dir():
        raise SeedsError(f"No seeds folder at {seeds_dir}: create it and put the articles (UTF-8 .txt files) in it.")
    files = []
    for entry in os.scandir(seeds_dir):
        if entry.name.startswith(".") or not entry.name.endswith(SEED_SUFFIXES) or not entry.is_file():
            continue
        st = entry.stat()
        files.append(SeedFile(entry.name, Path(entry.path), st.st_size, st.st_mtime_ns))
    return sorted(files, key=lambda f: f.name)


def read_source(seed: SeedFile) -> Source:
    """Read one seed file into a `Source`, taking the metadata header off the article text.

    Raises:
        SeedsError: the file is too large or not UTF-8 text.
    """
    if seed.size > MAX_SEED_BYTES:
        raise SeedsError(f"{seed.name} is {seed.size:,} bytes; the limit for one article is {MAX_SEED_BYTES:,}.")
    data = seed.path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SeedsError(f"{seed.name} is not UTF-8 text (byte {exc.start}): save it as UTF-8.") from None
    header = _HEADER.match(text)
    return Source(
        name=seed.name,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        date=header.group(1) if header else date_in_name(seed.name),
        body_start=header.end() if header else 0,
    )


def date_in_name(name: str) -> str | None:
    """The date a file name starts with ("2016-06-25_brexit.txt" -> "2016-06-25"), if it is one."""
    found = _NAME_DATE.match(name)
    if not found:
        return None
    try:
        return datetime.date.fromisoformat(found.group(1)).isoformat()
    except ValueError:  # "2016-13-45_x.txt"
        return None


def load_sources(seeds_dir: Path) -> tuple[list[Source], dict[str, str]]:
    """Read every seed file; unreadable ones are skipped (and reported) so the others still answer.

    Returns:
        The sources, and {file name: why it was skipped}.
    """
    sources, skipped = [], {}
    for seed in scan(seeds_dir):
        try:
            sources.append(read_source(seed))
        except SeedsError as exc:
            log.warning("Skipping seed file: %s", exc)
            skipped[seed.name] = str(exc)
    return sources, skipped
