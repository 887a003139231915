"""BM25 over sentences (bm25s) with stemming, German compound parts and translated questions."""
from __future__ import annotations

import logging
import math
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

import bm25s
import numpy as np

from qa.analysis import Analyzer, CompoundSplitter, corpus_vocab, guess_language
from qa.expand import Query, QueryExpander, TermGroup
from qa.lexicon import Lexicon
from qa.types import Hit, Sentence

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LexicalResult:
    """Scores of every sentence for one question, and how much of the question the best one covers."""

    query: Query
    scores: np.ndarray  # (n_sentences,) BM25 score, 0 where nothing matched
    coverage: np.ndarray  # (n_sentences,) IDF-weighted share of the question's words matched, 0..1


class LexicalRetriever:
    """Ranks sentences by BM25; English questions over German articles are translated word by word.

    Args:
        sentences: the sentences to search, in index order.
        lexicon: bilingual word list (`qa.lexicon.load()`); an empty one disables translation.
        lang: the articles' language, guessed from the sentences when None.
    """

    def __init__(self, sentences: Sequence[Sentence], lexicon: Lexicon | None = None,
                 lang: str | None = None, k1: float = 1.2, b: float = 0.5):
        if not sentences:
            raise ValueError("LexicalRetriever needs at least one sentence")
        self.sentences = list(sentences)
        self.lexicon = lexicon or Lexicon()
        self.lang = lang or guess_language(" ".join(s.text for s in self.sentences[:200]))
        splitter = None
        if self.lang == "de":
            # A word the articles use on its own is surely a word: it counts double as a part.
            vocab = Counter({w: 2 * c for w, c in corpus_vocab(s.text for s in self.sentences).items()})
            vocab.update(self.lexicon.de_vocab)
            splitter = CompoundSplitter(vocab, whole=self.lexicon.de_vocab)
        self.analyzer = Analyzer(self.lang, splitter)
        docs = [self.analyzer.terms(s.text) or ["<empty>"] for s in self.sentences]
        self.bm25 = bm25s.BM25(k1=k1, b=b)  # short documents: weaker length normalisation
        self.bm25.index(docs, show_progress=False)
        self.vocab = self.bm25.vocab_dict
        n = len(docs)
        df = Counter(t for d in docs for t in set(d))
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self.idf_unseen = math.log(1 + (n + 0.5) / 0.5)  # a word no sentence has is most telling
        self.expander = QueryExpander(self.analyzer, self.lexicon, set(self.vocab))

    def _term_scores(self, term: str) -> np.ndarray:
        return self.bm25.get_scores([term]) if term in self.vocab else np.zeros(len(self.sentences))

    def score(self, question: str) -> LexicalResult:
        """BM25 and coverage of every sentence; a group scores its best alternative per sentence."""
        query = self.expander.expand(question)
        n = len(self.sentences)
        scores, covered = np.zeros(n), np.zeros(n)
        total = 0.0
        for group in query.groups:
            total += group.weight * self.idf_unseen
            best, best_idf = np.zeros(n), np.zeros(n)
            for term, w in group.terms.items():
                s = w * self._term_scores(term)
                best = np.maximum(best, s)
                best_idf = np.maximum(best_idf, np.where(s > 0, w * self.idf.get(term, 0.0), 0.0))
            scores += group.weight * best
            covered += group.weight * best_idf
        coverage = covered / total if total else covered
        return LexicalResult(query, scores, coverage)

    def matches(self, group: TermGroup, rows: np.ndarray) -> np.ndarray:
        """Per row of `rows`: whether that sentence has any alternative of `group` (for a few rows:
        their own terms are read again, where BM25 would score every sentence of the index)."""
        return np.fromiter((not group.terms.keys().isdisjoint(self.analyzer.terms(self.sentences[row].text))
                            for row in rows), dtype=bool, count=len(rows))

    def search(self, question: str, k: int = 5) -> list[Hit]:
        """The `k` best sentences for `question`, best first (sentences matching nothing are left out)."""
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        scores = self.score(question).scores
        order = np.argsort(-scores, kind="stable")[:k]
        return [Hit(self.sentences[i], float(scores[i])) for i in order if scores[i] > 0]
