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
from .gloss import Glosser
from .seeds import READER_VERSION, read_source, scan
from .sentences import SEGMENTER_VERSION, split_sentences
from .staleness import split_differently
from .types import Sentence

log = logging.getLogger(__name__)

# (texts embedded so far, texts to embed in all) -> None
Progress = Callable[[int, int], None]
BATCH = 64


@dataclass
class _Part:
    """One source's sentences, and their vectors once embedded (or taken over from the last build)."""

    name: str
    sentences: list[Sentence]
    sentence_vecs: np.ndarray | None = None
    chunk_vecs: np.ndarray | None = None
    gloss_vecs: np.ndarray | None = None


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


def build_index(seeds_dir: Path, index_dir: Path, embedder: Embedder, *, glosser: Glosser | None = None,
                force: bool = False, progress: Progress | None = None) -> BuildReport:
    """Bring the index in `index_dir` up to date with `seeds_dir`.

    Args:
        glosser: also embed the English gloss of each German sentence (for an English-only model).
        force: embed every source again instead of reusing unchanged ones.
        progress: called as embedding proceeds, with (done, total) texts.
    """
    t0 = time.perf_counter()
    gloss = glosser.signature if glosser is not None else None
    with store.build_lock(index_dir):
        previous = None if force else _reusable(index_dir, embedder, gloss)
        old = {e.sha256: e for e in previous.sources} if previous else {}
        seeds = scan(seeds_dir)
        parts: list[_Part] = []
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
                first, count = entry.first, entry.count
                parts.append(_Part(source.name, sents, store.vectors_of(previous.sentence_index, first, count),
                                   store.vectors_of(previous.chunk_index, first, count),
                                   store.vectors_of(previous.gloss_index, first, count) if gloss else None))
                reused.append(source.name)
            else:
                parts.append(_Part(source.name, split_sentences(source)))
                embedded.append(source.name)
            first = sum(len(p.sentences) for p in parts[:-1])
            entries.append(store.SourceEntry(source.name, source.sha256, seed.size, seed.mtime_ns,
                                             source.date, first, len(parts[-1].sentences)))
        if not seeds:
            raise SeedsError(f"No articles in {seeds_dir}: add UTF-8 .txt files, then run `qa index`.")
        removed = sorted({e.name for e in previous.sources} - {e.name for e in entries}) if previous else []
        unchanged = previous is not None and not embedded and not removed and \
            [asdict(e) for e in entries] == previous.manifest["sources"] and \
            sorted(skipped) == sorted(s["name"] for s in previous.manifest.get("skipped", []))
        if unchanged:
            return BuildReport(index_dir, embedder.name, len(previous.sentences), reused=reused,
                               skipped=skipped, written=False, seconds=time.perf_counter() - t0)
        _embed_parts(parts, embedder, glosser, progress)
        sentences = [s for p in parts for s in p.sentences]
        manifest = {
            "model": embedder.name,
            "gloss": gloss,
            "dim": embedder.dim,
            "reader": READER_VERSION,
            "segmenter": SEGMENTER_VERSION,
            "chunk_context": CONTEXT,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "sentences": len(sentences),
            "sources": [asdict(e) for e in entries],
            "skipped": [{"name": s.name, "size": s.size, "mtime_ns": s.mtime_ns, "sha256": "", "why": skipped[s.name]}
                        for s in seeds if s.name in skipped],
        }
        store.save(index_dir, manifest, sentences, _stack(parts, "sentence_vecs", embedder.dim),
                   _stack(parts, "chunk_vecs", embedder.dim), _stack(parts, "gloss_vecs", embedder.dim) if gloss else None)
    seconds = time.perf_counter() - t0
    log.info("Index built in %.1f s: %d sentences; embedded %s; reused %s; removed %s",
             seconds, len(sentences), embedded or "none", reused or "none", removed or "none")
    return BuildReport(index_dir, embedder.name, len(sentences), embedded, reused, removed, skipped, True, seconds)


def _reusable(index_dir: Path, embedder: Embedder, gloss: str | None) -> store.StoredIndex | None:
    """The current index if its vectors can be reused with this embedder, gloss and splitting rules."""
    try:
        previous = store.load(index_dir)
    except IndexStoreError as exc:
        log.warning("Ignoring the damaged index and rebuilding from scratch: %s", exc)
        return None
    if previous is None:
        return None
    m = previous.manifest
    if (m["model"], m["dim"], m.get("gloss")) != (embedder.name, embedder.dim, gloss) or split_differently(m):
        return None
    return previous


def _embed_parts(parts: list[_Part], embedder: Embedder, glosser: Glosser | None,
                 progress: Progress | None) -> None:
    """Fill in the vectors of new sources, all texts in one batched pass.

    A sentence that needs no gloss (English already) gets its own vector as its gloss vector.
    """
    todo = [p for p in parts if p.sentence_vecs is None]
    sents = [s.text for p in todo for s in p.sentences]
    chunks = [c.text for p in todo for c in make_chunks(p.sentences)]
    glossed = [i for i, text in enumerate(sents) if glosser is not None and glosser.needs_gloss(text)]
    vectors = _encode_batched(embedder, sents + chunks + [glosser.gloss(sents[i]) for i in glossed], progress)
    n = len(sents)
    sent_new, chunk_new = vectors[:n], vectors[n:2 * n]
    gloss_new = None
    if glosser is not None:  # a copy of every vector: only when there are glosses to store
        gloss_new = sent_new.copy()
        gloss_new[glossed] = vectors[2 * n:]
    offset = 0
    for p in todo:
        rows = slice(offset, offset + len(p.sentences))
        p.sentence_vecs, p.chunk_vecs = sent_new[rows], chunk_new[rows]
        p.gloss_vecs = gloss_new[rows] if gloss_new is not None else None
        offset += len(p.sentences)


def _stack(parts: list[_Part], field_name: str, dim: int) -> np.ndarray:
    arrays = [getattr(p, field_name) for p in parts]
    return np.concatenate(arrays) if arrays else np.zeros((0, dim), np.float32)


def _encode_batched(embedder: Embedder, texts: list[str], progress: Progress | None) -> np.ndarray:
    out = []
    for start in range(0, len(texts), BATCH):
        out.append(embedder.encode(texts[start:start + BATCH]))
        if progress is not None:
            progress(min(start + BATCH, len(texts)), len(texts))
    return np.concatenate(out) if out else np.zeros((0, embedder.dim), np.float32)

