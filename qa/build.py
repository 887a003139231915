"""Build the index from the seeds folder, embedding only sources that are new or changed."""
from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable

import numpy as np

from . import store
from .chunks import CONTEXT, make_chunks
from .embedder import Embedder
from .errors import IndexStoreError, SeedsError
from .seeds import read_source, scan
from .sentences import SEGMENTER_VERSION, split_sentences
from .types import Sentence

log = logging.getLogger(__name__)

# (texts embedded so far, texts to embed in all) -> None
Progress = Callable[[int, int], None]
BATCH = 64


@dataclass(frozen=True)
class BuildReport:
    """What a build did."""

    index_dir: Path
    model: str
    sentences: int
    embedded: list[str] = field(default_factory=list)  # sources embedded by this build
    reused: list[str] = field(default_factory=list)  # sources whose vectors were kept
    removed: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # file -> why it could not be read
    written: bool = True  # False when the index was already up to date
    seconds: float = 0.0


def build_index(seeds_dir: Path, index_dir: Path, embedder: Embedder, *,
                force: bool = False, progress: Progress | None = None) -> BuildReport:
    """Bring the index in `index_dir` up to date with `seeds_dir`.

    Args:
        force: embed every source again instead of reusing unchanged ones.
        progress: called as embedding proceeds, with (done, total) texts.
    """
    t0 = time.perf_counter()
    with store.build_lock(index_dir):
        previous = None if force else _reusable(index_dir, embedder)
        old = {e.sha256: e for e in previous.sources} if previous else {}
        seeds = scan(seeds_dir)
        parts: list[tuple[str, list[Sentence], np.ndarray | None, np.ndarray | None]] = []
        entries, skipped, embedded, reused = [], {}, [], []
        for seed in seeds:
            try:
                source = read_source(seed)
            except SeedsError as exc:
                log.warning("Skipping seed file: %s", exc)
                skipped[seed.name] = str(exc)
                continue
            entry = old.get(source.sha256)
            if entry is not None:  # same bytes as before: keep its sentences and vectors
                rows = slice(entry.first, entry.first + entry.count)
                sents = [replace(s, source=source.name) for s in previous.sentences[rows]]
                parts.append((source.name, sents, store.vectors_of(previous.sentence_index, entry.first, entry.count),
                              store.vectors_of(previous.chunk_index, entry.first, entry.count)))
                reused.append(source.name)
            else:
                parts.append((source.name, split_sentences(source), None, None))
                embedded.append(source.name)
            first = sum(len(p[1]) for p in parts[:-1])
            entries.append(store.SourceEntry(source.name, source.sha256, seed.size, seed.mtime_ns,
                                             source.date, first, len(parts[-1][1])))
        if not seeds:
            raise SeedsError(f"No articles in {seeds_dir}: add UTF-8 .txt files, then run `qa index`.")
        removed = sorted({e.name for e in previous.sources} - {e.name for e in entries}) if previous else []
        unchanged = previous is not None and not embedded and not removed and \
            [asdict(e) for e in entries] == previous.manifest["sources"] and \
            sorted(skipped) == sorted(s["name"] for s in previous.manifest.get("skipped", []))
        if unchanged:
            return BuildReport(index_dir, embedder.name, len(previous.sentences), reused=reused,
                               skipped=skipped, written=False, seconds=time.perf_counter() - t0)
        sentences, sent_vecs, chunk_vecs = _embed_parts(parts, embedder, progress)
        manifest = {
            "model": embedder.name,
            "dim": embedder.dim,
            "segmenter": SEGMENTER_VERSION,
            "chunk_context": CONTEXT,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "sentences": len(sentences),
            "sources": [asdict(e) for e in entries],
            "skipped": [{"name": s.name, "size": s.size, "mtime_ns": s.mtime_ns, "sha256": "", "why": skipped[s.name]}
                        for s in seeds if s.name in skipped],
        }
        store.save(index_dir, manifest, sentences, sent_vecs, chunk_vecs)
    seconds = time.perf_counter() - t0
    log.info("Index built in %.1f s: %d sentences; embedded %s; reused %s; removed %s",
             seconds, len(sentences), embedded or "none", reused or "none", removed or "none")
    return BuildReport(index_dir, embedder.name, len(sentences), embedded, reused, removed, skipped, True, seconds)


def _reusable(index_dir: Path, embedder: Embedder) -> store.StoredIndex | None:
    """The current index if its vectors can be reused with this embedder and these splitting rules."""
    try:
        previous = store.load(index_dir)
    except IndexStoreError as exc:
        log.warning("Ignoring the damaged index and rebuilding from scratch: %s", exc)
        return None
    if previous is None:
        return None
    m = previous.manifest
    if (m["model"], m["dim"], m.get("segmenter"), m.get("chunk_context")) != \
            (embedder.name, embedder.dim, SEGMENTER_VERSION, CONTEXT):
        return None
    return previous


def _embed_parts(parts, embedder: Embedder, progress: Progress | None):
    """Fill in the vectors of new sources in batches, then stack everything in source order."""
    todo = [(i, make_chunks(sents)) for i, (_, sents, vecs, _) in enumerate(parts) if vecs is None]
    texts = [s.text for i, _ in todo for s in parts[i][1]] + [c.text for _, chunks in todo for c in chunks]
    vectors = _encode_batched(embedder, texts, progress)
    n_new = len(texts) // 2
    sent_new, chunk_new = vectors[:n_new], vectors[n_new:]
    offset = 0
    for i, chunks in todo:
        name, sents, _, _ = parts[i]
        k = len(sents)
        parts[i] = (name, sents, sent_new[offset:offset + k], chunk_new[offset:offset + k])
        offset += k
    sentences = [s for _, sents, _, _ in parts for s in sents]
    dim = embedder.dim
    sent_vecs = np.concatenate([p[2] for p in parts]) if parts else np.zeros((0, dim), np.float32)
    chunk_vecs = np.concatenate([p[3] for p in parts]) if parts else np.zeros((0, dim), np.float32)
    return sentences, sent_vecs, chunk_vecs


def _encode_batched(embedder: Embedder, texts: list[str], progress: Progress | None) -> np.ndarray:
    out = []
    for start in range(0, len(texts), BATCH):
        out.append(embedder.encode(texts[start:start + BATCH]))
        if progress is not None:
            progress(min(start + BATCH, len(texts)), len(texts))
    return np.concatenate(out) if out else np.zeros((0, embedder.dim), np.float32)

