"""Rank the sentences of the index for a question."""
from __future__ import annotations

from typing import Protocol

import numpy as np

from .analysis import guess_language
from .embedder import Embedder
from .store import StoredIndex
from .types import Hit


class Retriever(Protocol):
    """Anything that ranks indexed sentences for a question, best first."""

    def search(self, question: str, k: int) -> list[Hit]: ...


class DenseRetriever:
    """Cosine similarity of the question to each sentence alone and to the sentence with its neighbours.

    A sentence's score is a weighted mean of the two: the chunk brings in context ("she" in one
    sentence, the name in the next), the sentence alone keeps the citation precise. An English
    question is also compared with the English gloss of each sentence (`qa.gloss`), when the index
    has glosses: the sentence's own vector weighs 1 - `gloss_weight`, its gloss `gloss_weight`.
    A German question is compared with the German sentences alone, which read better than glosses.
    """

    def __init__(self, index: StoredIndex, embedder: Embedder, *, chunk_weight: float = 0.5,
                 gloss_weight: float = 0.5, candidates: int = 50):
        for name, w in (("chunk_weight", chunk_weight), ("gloss_weight", gloss_weight)):
            if not 0.0 <= w <= 1.0:
                raise ValueError(f"{name} must be within [0, 1], got {w}")
        if candidates < 1:
            raise ValueError(f"candidates must be >= 1, got {candidates}")
        self.index = index
        self.embedder = embedder
        self.chunk_weight = chunk_weight
        self.gloss_weight = gloss_weight
        self.candidates = candidates

    def scores(self, question: str, k: int, also: np.ndarray | None = None,
               lang: str | None = None) -> dict[int, float]:
        """{sentence row: score} for the best candidates of either view, and for the rows in `also`."""
        n = len(self.index.sentences)
        if n == 0:
            return {}
        q = self.embedder.encode([question])
        m = min(n, max(self.candidates, k))
        lang = lang or guess_language(question)  # the caller may know it already
        glosses = self.index.gloss_index if self.gloss_weight > 0 and lang == "en" else None
        found = [self.index.sentence_index.search(q, m)[1][0]]
        if self.chunk_weight > 0:
            found.append(self.index.chunk_index.search(q, m)[1][0])
        if glosses is not None:
            found.append(glosses.search(q, m)[1][0])
        if also is not None:
            found.append(np.asarray(also, dtype=np.int64))
        rows = np.unique(np.concatenate(found))
        rows = rows[rows >= 0]  # FAISS pads with -1 when it finds fewer than m
        combined = self.index.sentence_index.reconstruct_batch(rows) @ q[0]
        if glosses is not None:
            g = glosses.reconstruct_batch(rows) @ q[0]
            combined = (1.0 - self.gloss_weight) * combined + self.gloss_weight * g
        if self.chunk_weight > 0:
            c = self.index.chunk_index.reconstruct_batch(rows) @ q[0]
            combined = (1.0 - self.chunk_weight) * combined + self.chunk_weight * c
        return dict(zip(rows.tolist(), combined.tolist()))

    def search(self, question: str, k: int) -> list[Hit]:
        ranked = sorted(self.scores(question, k).items(), key=lambda kv: -kv[1])[:k]
        return [Hit(self.index.sentences[row], score) for row, score in ranked]
