"""The question-answering pipeline: keeps the index fresh, retrieves, and composes the answer."""
from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from pathlib import Path

from . import store
from .answer import check_question, compose_answer
from .build import BuildReport, Progress, build_index
from .embedder import Embedder, load_embedder, resolve_model_name
from .errors import IndexStoreError
from .gloss import Glosser
from .gloss import signature as gloss_signature
from .hybrid import HybridRetriever, Mode, is_multilingual
from .lexicon import Lexicon, list_path
from .lexicon import load as load_lexicon
from .paths import default_index_dir, default_seeds_dir
from .staleness import Changes, detect_changes
from .types import Answer

log = logging.getLogger(__name__)

DEFAULT_TOP_K = 3
MAX_TOP_K = 50  # citations per answer at most
_lexicon: Lexicon | None = None
_lexicon_lock = threading.Lock()


def shared_lexicon() -> Lexicon:
    """The German-English word list, loaded once per process (empty when it is not installed)."""
    global _lexicon
    with _lexicon_lock:
        if _lexicon is None:
            _lexicon = load_lexicon()
        return _lexicon


@dataclass(frozen=True)
class IndexStatus:
    """What is indexed, for status lines: model, counts, when built, and whether seeds changed since."""

    model: str
    sources: int
    sentences: int
    built_at: str | None
    changes: Changes

    @property
    def stale(self) -> bool:
        return self.changes.stale


class QA:
    """Answers questions about the articles in `seeds_dir`, using (and maintaining) the index in `index_dir`.

    The model is loaded once, on first use; the index is checked against the seeds before every
    question and rebuilt when a source was added, edited or removed. Safe to share between threads.
    """

    def __init__(self, seeds_dir: str | Path | None = None, index_dir: str | Path | None = None,
                 model: str | None = None, *, embedder: Embedder | None = None,
                 mode: Mode | str = Mode.HYBRID, lexicon: Lexicon | None = None):
        self.seeds_dir = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir()
        self.index_dir = Path(index_dir) if index_dir is not None else default_index_dir()
        self.model_name = embedder.name if embedder is not None else resolve_model_name(model)
        self._embedder = embedder
        self.mode = Mode(mode)
        self._lexicon = lexicon
        self._retriever: HybridRetriever | None = None  # for self._index
        self._index: store.StoredIndex | None = None
        self._glosser: Glosser | None = None  # made on first use, if glosses are wanted
        self._lock = threading.RLock()

    @property
    def lexicon(self) -> Lexicon:
        return self._lexicon if self._lexicon is not None else shared_lexicon()

    @cached_property
    def _glosses_wanted(self) -> bool:
        """Whether the index holds glosses: an English-only model and the word list at hand.

        Decided once, and without loading the list when it is not loaded yet: `status()` needs
        this, and the list's tables take about a second and 300 MB to load. A list file without
        entries turns it off at the first build (see `glosser`).
        """
        if is_multilingual(self.model_name):
            return False
        known = self._lexicon if self._lexicon is not None else _lexicon  # the shared one, if loaded
        return bool(known.gloss) if known is not None else list_path().is_file()

    @property
    def glosser(self) -> Glosser | None:
        """Glosses German sentences for an English-only model, when the word list is installed."""
        if not self._glosses_wanted:
            return None
        with self._lock:
            if self._glosser is None:
                lexicon = self.lexicon
                if not lexicon.gloss:  # the file is there but gave no entries: build without glosses
                    self._glosses_wanted = False
                    return None
                self._glosser = Glosser(lexicon)
            return self._glosser

    @property
    def _gloss_signature(self) -> str | None:
        return gloss_signature() if self._glosses_wanted else None

    @property
    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                self._embedder = load_embedder(self.model_name)
            return self._embedder

    def ask(self, question: str, *, top_k: int = DEFAULT_TOP_K) -> Answer:
        """Answer `question` from the articles, citing the sentences it rests on (best first)."""
        q = check_question(question)
        if not isinstance(top_k, int) or not 1 <= top_k <= MAX_TOP_K:
            raise ValueError(f"top_k must be an integer from 1 to {MAX_TOP_K}, got {top_k!r}")
        for _ in range(3):
            retriever = self.retriever()
            hits = retriever.search(q, top_k)  # [] when the articles do not cover it
            try:
                # Quote from the index these hits came from, even if another thread rebuilds meanwhile.
                return compose_answer(q, hits, partial(self._source_text, retriever.index), top_k=top_k)
            except _SourceChanged as exc:
                log.info("%s changed while answering; answering again from the updated index", exc)
        raise IndexStoreError("The articles keep changing while answering: ask again in a moment.")

    def retriever(self) -> HybridRetriever:
        """The retriever over the current index (rebuilt first when the seeds changed)."""
        with self._lock:
            index = self._fresh_index()
            if self._retriever is None or self._retriever.index is not index:
                embedder = None if self.mode is Mode.LEXICAL else self.embedder
                glosser = self.glosser if embedder is not None and index.gloss_index is not None else None
                self._retriever = HybridRetriever(index, embedder, self.lexicon, self.mode,
                                                  glosser=glosser.gloss if glosser else None)
            return self._retriever

    def sentence_texts(self) -> list[str]:
        """The text of every sentence of the articles, as cited (the index brought up to date first)."""
        return [s.text for s in self.retriever().sentences]

    def status(self) -> IndexStatus:
        """The index as it stands on disk, and how the seeds differ from it."""
        manifest = store.read_manifest(self.index_dir)
        changes = detect_changes(self.seeds_dir, manifest, self.model_name, self._gloss_signature)
        if manifest is None:
            return IndexStatus(self.model_name, 0, 0, None, changes)
        return IndexStatus(manifest["model"], len(manifest["sources"]), manifest["sentences"],
                           manifest["built_at"], changes)

    def rebuild(self, *, force: bool = False, progress: Progress | None = None) -> BuildReport:
        """Bring the index up to date (everything again with `force`) and use it from now on."""
        with self._lock:
            report = build_index(self.seeds_dir, self.index_dir, self.embedder, glosser=self.glosser,
                                 force=force, progress=progress)
            self._index, self._retriever = None, None
            return report

    def _fresh_index(self) -> store.StoredIndex:
        with self._lock:
            manifest = self._index.manifest if self._index is not None else self._manifest_on_disk()
            changes = detect_changes(self.seeds_dir, manifest, self.model_name, self._gloss_signature)
            if changes.stale:
                self.embedder  # load the model first: a model that cannot load is the news, not the rebuild
                log.info("Rebuilding the index before answering (%s)", changes.describe())
                self.rebuild()
            if self._index is None:
                try:
                    self._index = store.load(self.index_dir)
                except IndexStoreError as exc:
                    log.warning("%s Rebuilding it.", exc)
                    self.rebuild()
                    self._index = store.load(self.index_dir)
                if self._index is None:
                    raise IndexStoreError(f"No index in {self.index_dir} after building: run `qa index`.")
            return self._index

    def _manifest_on_disk(self) -> dict | None:
        try:
            return store.read_manifest(self.index_dir)
        except IndexStoreError as exc:
            log.warning("%s Rebuilding it.", exc)
            return None

    def _source_text(self, index: store.StoredIndex, name: str) -> tuple[str, str | None]:
        """(file text, date) of a source of `index`, for the paragraph around a citation."""
        entry = index.source(name)
        path = self.seeds_dir / name
        try:
            st = path.stat()  # in the cache key: a file edited since is read and checked again
        except FileNotFoundError:
            raise _SourceChanged(name) from None
        return _read_seed(str(path), entry.sha256, st.st_size, st.st_mtime_ns), entry.date


class _SourceChanged(Exception):
    """A cited file no longer has the content the index was built from."""


@lru_cache(maxsize=256)
def _read_seed(path: str, sha256: str, size: int, mtime_ns: int) -> str:
    """The file's text, if it still is what the index was built from (the offsets fit only then)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise _SourceChanged(Path(path).name) from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise _SourceChanged(Path(path).name)
    return data.decode("utf-8-sig")


_instances: dict[tuple, QA] = {}
_instances_lock = threading.Lock()


def ask(question: str, *, top_k: int = DEFAULT_TOP_K, seeds_dir: str | Path | None = None,
        index_dir: str | Path | None = None, model: str | None = None,
        mode: Mode | str = Mode.HYBRID) -> Answer:
    """Answer `question` from the articles in `seeds_dir` (default: the project's seeds/).

    Returns:
        An `Answer` whose text quotes the cited sentences with [n] markers; no citations when the
        articles do not cover the question.

    Raises:
        QuestionError: the question is empty or too long.
    """
    qa = get_qa(seeds_dir=seeds_dir, index_dir=index_dir, model=model, mode=mode)
    return qa.ask(question, top_k=top_k)


def get_qa(*, seeds_dir: str | Path | None = None, index_dir: str | Path | None = None,
           model: str | None = None, mode: Mode | str = Mode.HYBRID) -> QA:
    """The shared `QA` for these settings (one model load per process)."""
    seeds = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir()
    index = Path(index_dir) if index_dir is not None else default_index_dir()
    key = (seeds.resolve(), index.resolve(), resolve_model_name(model), Mode(mode))
    with _instances_lock:
        if key not in _instances:
            _instances[key] = QA(seeds, index, model, mode=mode)
        return _instances[key]
