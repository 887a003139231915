"""Rank the sentences of the index for a question."""
from __future__ import annotations

from typing import Callable, Protocol

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
    has glosses: the sentence's own vector weighs 1 - `gloss_weight`, its gloss `gloss_weight`. The
    model reads the gloss better than the German, names and loanwords aside: with glosses of words
    as written, fourteen question sets each on its own articles gave 200, 199, 198 and 196 wrong
    outcomes at gloss weights 0.5, 0.65, 0.8 and 0.9, and all fourteen articles in one index 268,
    265, 264 and 262 (1.0: 196 and 264, and the dev set's English hit@3 0.92 -> 0.85).

    The index has glosses only for a model that reads English alone. There a German question, given
    `glosser`, is glossed the same way and compared with the glosses alone: the model reads the
    crude English of both ("akku" and "Batterie" both give "battery") better than German. Measured
    over the sixteen test runs, 155 -> 150 wrong outcomes, and all eleven articles in one index
    215 -> 205. Without a glosser a German question is compared with the sentences as written.
    """

    def __init__(self, index: StoredIndex, embedder: Embedder, *, chunk_weight: float = 0.5,
                 gloss_weight: float = 0.8, candidates: int = 50,
                 glosser: Callable[[str], str] | None = None):
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
        self.glosser = glosser

    def _views(self, question: str, lang: str) -> tuple[str, list[tuple["faiss.Index", float]]]:  # noqa: F821
        """The text to embed for `question`, and the vector indexes to compare it with, weighted."""
        glosses = self.index.gloss_index if self.gloss_weight > 0 else None
        if lang == "de" and glosses is not None and self.glosser is not None:
            gloss = self.glosser(question)
            if gloss:  # "Wer?" has no word to gloss: it is read as it is
                return gloss, [(glosses, 1.0)]
        views = [(self.index.sentence_index, 1.0)]
        if glosses is not None and lang == "en":
            views = [(self.index.sentence_index, 1.0 - self.gloss_weight), (glosses, self.gloss_weight)]
        if self.chunk_weight > 0:
            views = [(ix, w * (1.0 - self.chunk_weight)) for ix, w in views]
            views.append((self.index.chunk_index, self.chunk_weight))
        return question, views

    def scores(self, question: str, k: int, also: np.ndarray | None = None,
               lang: str | None = None) -> dict[int, float]:
        """{sentence row: score} for the best candidates of either view, and for the rows in `also`."""
        n = len(self.index.sentences)
        if n == 0:
            return {}
        text, views = self._views(question, lang or guess_language(question))  # the caller may know it
        q = self.embedder.encode([text])
        m = min(n, max(self.candidates, k))
        found = [vectors.search(q, m)[1][0] for vectors, _ in views]
        if also is not None:
            found.append(np.asarray(also, dtype=np.int64))
        rows = np.unique(np.concatenate(found))
        rows = rows[rows >= 0]  # FAISS pads with -1 when it finds fewer than m
        combined = np.zeros(len(rows), dtype=np.float32)
        for vectors, weight in views:
            combined += weight * (vectors.reconstruct_batch(rows) @ q[0])
        return dict(zip(rows.tolist(), combined.tolist()))

    def search(self, question: str, k: int) -> list[Hit]:
        ranked = sorted(self.scores(question, k).items(), key=lambda kv: -kv[1])[:k]
        return [Hit(self.index.sentences[row], score) for row, score in ranked]
