"""The index on disk: versioned build folders under embeddings/, made current by an atomic pointer.

    embeddings/
      CURRENT                 name of the build folder in use, replaced atomically
      build-<id>/
        manifest.json         format, model, dimension, per-source hashes, file sizes, index params
        sentences.jsonl       one Sentence per line, row i <-> vector row i
        sentences.faiss       FAISS index of the sentence vectors (row i: sentence i alone)
        chunks.faiss          FAISS index of the chunk vectors (row i: sentence i with its neighbours)
        glosses.faiss         FAISS index of the English glosses of German sentences (`qa.gloss`;
                              row i of an English sentence is its own vector); only with an
                              English-only model and the word list
      .lock                   held while a build writes

A build writes a new folder and only then points CURRENT at it, so an interrupted build
leaves the previous index in use and a reader never sees half a build.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
import uuid
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from .errors import IndexStoreError
from .types import Sentence

FORMAT_VERSION = 1
_FILES = ("sentences.jsonl", "sentences.faiss", "chunks.faiss")
GLOSS_FILE = "glosses.faiss"


def _files(manifest: dict) -> tuple[str, ...]:
    return _FILES + ((GLOSS_FILE,) if manifest.get("gloss") else ())


@dataclass(frozen=True)
class SourceEntry:
    """What the manifest records of one source: enough to tell whether it changed."""

    name: str
    sha256: str
    size: int
    mtime_ns: int
    date: str | None
    first: int  # rows [first, first + count) belong to this source
    count: int


@dataclass(frozen=True)
class StoredIndex:
    """An index as loaded from disk."""

    path: Path
    manifest: dict
    sentences: list[Sentence]
    sentence_index: "faiss.Index"  # noqa: F821 (faiss is imported where it is used)
    chunk_index: "faiss.Index"  # noqa: F821
    gloss_index: "faiss.Index | None" = None  # noqa: F821 (None: built without glosses)

    @property
    def sources(self) -> list[SourceEntry]:
        return list(self._sources_by_name.values())

    def source(self, name: str) -> SourceEntry:
        """The manifest entry of the source called `name`."""
        return self._sources_by_name[name]

    @cached_property
    def _sources_by_name(self) -> dict[str, SourceEntry]:
        return {s["name"]: SourceEntry(**s) for s in self.manifest["sources"]}


def current_build(index_dir: Path) -> Path | None:
    """The build folder CURRENT points at, or None when there is no index yet."""
    try:
        name = (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return index_dir / name if name else None


def read_manifest(index_dir: Path) -> dict | None:
    """The current manifest, or None when there is no index; damage raises IndexStoreError."""
    build = current_build(index_dir)
    if build is None:
        return None
    try:
        manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexStoreError(f"The index manifest in {build} is unreadable ({exc}): run `qa index --force`.") from exc
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexStoreError(
            f"The index in {build} has format {manifest.get('format_version')}, this version reads "
            f"{FORMAT_VERSION}: run `qa index --force`."
        )
    return manifest


def load(index_dir: Path) -> StoredIndex | None:
    """Load the current index, checking it against its manifest; None when there is none.

    Raises:
        IndexStoreError: a file is missing, truncated or disagrees with the manifest.
    """
    manifest = read_manifest(index_dir)
    if manifest is None:
        return None
    build = current_build(index_dir)
    for name in _files(manifest):
        size = (build / name).stat().st_size if (build / name).is_file() else None
        if size != manifest["files"][name]:
            raise IndexStoreError(
                f"The index file {build / name} is missing or damaged ({size} bytes, manifest says "
                f"{manifest['files'][name]}): run `qa index --force`."
            )
    try:
        with (build / "sentences.jsonl").open(encoding="utf-8") as f:
            sentences = [Sentence(**json.loads(line)) for line in f]
        params = manifest.get("indexes", {})  # absent in indexes written before ANN: flat
        sentence_index = _read_faiss(build / "sentences.faiss", params.get("sentences.faiss"))
        chunk_index = _read_faiss(build / "chunks.faiss", params.get("chunks.faiss"))
        gloss_index = _read_faiss(build / GLOSS_FILE, params.get(GLOSS_FILE)) if manifest.get("gloss") else None
    except (OSError, ValueError, TypeError, RuntimeError) as exc:
        raise IndexStoreError(f"The index in {build} is damaged ({exc}): run `qa index --force`.") from exc
    n, dim = manifest["sentences"], manifest["dim"]
    for index in (sentence_index, chunk_index) + ((gloss_index,) if gloss_index is not None else ()):
        if len(sentences) != n or index.ntotal != n or index.d != dim:
            raise IndexStoreError(f"The index in {build} does not match its manifest: run `qa index --force`.")
    return StoredIndex(build, manifest, sentences, sentence_index, chunk_index, gloss_index)


def _read_faiss(path: Path, params: dict | None = None):
    import faiss

    from .ann import configure

    index = faiss.read_index(str(path))
    configure(index, params or {})
    return index


def _write_faiss(vectors: np.ndarray, path: Path) -> dict:
    """Write an index chosen by corpus size (`qa.ann`); returns its parameters for the manifest."""
    import faiss

    from .ann import make_index

    index, params = make_index(vectors)  # inner product = cosine on unit vectors
    faiss.write_index(index, str(path))
    return params


def vectors_of(index, first: int, count: int) -> np.ndarray:
    """Rows [first, first + count) of a stored FAISS index, for reuse in an incremental build."""
    return index.reconstruct_n(first, count) if count else np.zeros((0, index.d), dtype=np.float32)


def save(index_dir: Path, manifest: dict, sentences: list[Sentence],
         sentence_vectors: np.ndarray, chunk_vectors: np.ndarray, gloss_vectors: np.ndarray | None = None) -> Path:
    """Write a new build folder and make it current; older builds are removed afterwards.

    `gloss_vectors` are written when given, and then the manifest must name the gloss (`"gloss"`).
    """
    if (gloss_vectors is not None) != bool(manifest.get("gloss")):
        raise ValueError("gloss vectors and the manifest's 'gloss' entry go together")
    index_dir.mkdir(parents=True, exist_ok=True)
    name = f"build-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    tmp = index_dir / f".{name}.tmp"
    tmp.mkdir()
    try:
        with (tmp / "sentences.jsonl").open("w", encoding="utf-8") as f:
            for s in sentences:
                f.write(json.dumps(asdict(s), ensure_ascii=False) + "\n")
        indexes = {"sentences.faiss": _write_faiss(sentence_vectors, tmp / "sentences.faiss"),
                   "chunks.faiss": _write_faiss(chunk_vectors, tmp / "chunks.faiss")}
        if gloss_vectors is not None:
            indexes[GLOSS_FILE] = _write_faiss(gloss_vectors, tmp / GLOSS_FILE)
        files = _files(manifest)
        manifest = {**manifest, "format_version": FORMAT_VERSION, "indexes": indexes,
                    "files": {n: (tmp / n).stat().st_size for n in files}}
        _write_synced(tmp / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        for n in files:
            _fsync(tmp / n)
        os.rename(tmp, index_dir / name)
        _write_synced(index_dir / "CURRENT.tmp", name + "\n")
        os.replace(index_dir / "CURRENT.tmp", index_dir / "CURRENT")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove_old_builds(index_dir, keep=name)
    return index_dir / name


def _remove_old_builds(index_dir: Path, keep: str) -> None:
    # Readers hold what they loaded in memory, so removing a replaced build is safe.
    for entry in index_dir.iterdir():
        if entry.name != keep and entry.is_dir() and entry.name.startswith(("build-", ".build-")):
            shutil.rmtree(entry, ignore_errors=True)


def _write_synced(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def build_lock(index_dir: Path):
    """Hold an exclusive lock on the index folder, so two builds never interleave."""
    import fcntl

    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
