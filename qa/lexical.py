"""BM25 over sentences (bm25s) with stemming, German compound parts and translated questions.

Each article is read in its own language: a German article with German stems and compound parts,
an English one with English stems. A question is analysed once per language the articles use, so a
German question reaches English articles through the word list as an English one reaches German.
"""
from __future__ import annotations

import logging
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import Sequence

import bm25s
import numpy as np

from qa.analysis import Analyzer, CompoundSplitter, corpus_vocab, guess_language, lower_case_words, words
from qa.answer_type import is_year, names, unit_words
from qa.continuation import leans_back
from qa.expand import PART_WEIGHT, Query, QueryExpander, TermGroup
from qa.lexicon import Lexicon
from qa.sentences import is_heading
from qa.types import Hit, Sentence
from qa.verbs import SeparableVerbs

log = logging.getLogger(__name__)
LANGUAGE_SAMPLE = 200  # sentences of an article read to tell its language
# A question word the sentence before has (same paragraph) counts this much for a sentence that
# lacks it: news sentences lean on the one before ("Schröder besuchte Dresden." then "Er versprach
# schnelle Hilfe."), so "Was versprach Schröder?" is about the second one too.
CONTEXT_WEIGHT = 0.35
# More for a sentence that leans on the one before (`qa.continuation.leans_back`): "Dort kamen
# mindestens 18.700 Menschen ums Leben" is about the Sri Lanka of the sentence before. With 0.6
# (0.5 / 0.6 / 0.7 / 0.8 tried): 387 -> 385 wrong outcomes over 42 sets each on its own articles,
# all 33 articles in one index 655 -> 648, 8 indexes of about four 480 -> 474 (another shuffle
# 485 -> 480).
LEANING_CONTEXT_WEIGHT = 0.6
# A year dates a question but does not say what it is about: "Who won the 2010 World Cup?" matches
# any sentence of 2010. A year the articles have counts for this much of its share of coverage.
YEAR_COVERAGE = 0.5
# German writes nouns with a capital. In a German question that does, a word in lower case (a verb,
# an adjective: "Was steckte noch im Rumpf?") says how it asks more than what it asks about, and
# the answer often says it in other words: it counts for this much of its share of coverage. With
# 0.7 (0.5 / 0.6 / 0.7 / 0.8 tried: 385 / 384 / 381 / 382): 385 -> 381 wrong outcomes over 42
# sets each on its own articles; all 33 articles in one index 648 -> 648 (5 more answers, 5 more
# out-of-scope questions cited); 8 indexes of about four 474 -> 474, another shuffle 480 -> 480.
LOWER_CASE_COVERAGE = 0.7


@dataclass(frozen=True)
class LexicalResult:
    """Scores of every sentence for one question, and how much of the question each one covers."""

    query: Query  # the question as analysed for the articles' main language
    scores: np.ndarray  # (n_sentences,) BM25 score, 0 where nothing matched
    coverage: np.ndarray  # (n_sentences,) IDF-weighted share of the question's words matched, 0..1
    article_coverage: np.ndarray  # (n_sentences,) the same for the sentence's whole article
    # (n_sentences,) the weight of the surest term each sentence matches: 1 for a question word
    # itself, less for the word untranslated (0.8) and for translations given for fewer senses
    surest: np.ndarray
    queries: dict[str, Query] = field(default_factory=dict)  # per language the articles use


class _Part:
    """The sentences of one language: their analyzer, BM25 index, IDF and query expander."""

    def __init__(self, lang: str, rows: np.ndarray, sentences: Sequence[Sentence], lexicon: Lexicon,
                 verbs: SeparableVerbs, k1: float, b: float):
        self.lang = lang
        self.rows = rows  # of the index; `sentences` are those rows' sentences, in index order
        texts = [s.text for s in sentences]
        # An index keeps each article's sentences together: an article starts where the source changes.
        new_article = [i == 0 or s.source != sentences[i - 1].source for i, s in enumerate(sentences)]
        self.starts = np.flatnonzero(new_article)  # positions where an article begins
        self.article = np.cumsum(new_article) - 1  # each position's article
        # Positions whose sentence before is in the same paragraph (the one before is position - 1),
        # or is the heading right above their paragraph (`_under_heading`).
        self.follows = np.flatnonzero([before is not None and (s.follows(before) or _under_heading(s, before))
                                       for s, before in zip(sentences, [None, *sentences])])
        self.context_weight = np.array([LEANING_CONTEXT_WEIGHT if leans_back(sentences[i].text)
                                        else CONTEXT_WEIGHT for i in self.follows])
        splitter = None
        if lang == "de":
            # A word the articles use on its own is surely a word: it counts double as a part.
            vocab = Counter({w: 2 * c for w, c in corpus_vocab(texts).items()})
            vocab.update(lexicon.de_vocab)
            splitter = CompoundSplitter(vocab, whole=lexicon.de_vocab)
        self.analyzer = Analyzer(lang, splitter, verbs)
        docs = [self.analyzer.terms(t) or ["<empty>"] for t in texts]
        self.bm25 = bm25s.BM25(k1=k1, b=b)  # short documents: weaker length normalisation
        self.bm25.index(docs, show_progress=False)
        self.vocab = self.bm25.vocab_dict
        n = len(docs)
        df = Counter(t for d in docs for t in set(d))
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self.idf_unseen = math.log(1 + (n + 0.5) / 0.5)  # a word no sentence has is most telling
        self.expander = QueryExpander(self.analyzer, lexicon, set(self.vocab), verbs, len(self.starts) > 1)

    def _term_scores(self, term: str) -> np.ndarray:
        return self.bm25.get_scores([term]) if term in self.vocab else np.zeros(len(self.rows))

    def score(self, question: str) -> tuple[Query, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The query, and BM25, coverage, article coverage and surest term of this part's sentences;
        a group scores its best alternative per sentence (per article: in any of its sentences), or
        CONTEXT_WEIGHT of the sentence before (LEANING_CONTEXT_WEIGHT where it leans on it), when that
        is more. A year covers YEAR_COVERAGE, a word a German question writes in lower case
        LOWER_CASE_COVERAGE, and a compound is one word of the question however many parts it has
        (`_words_of`)."""
        query = self.expander.expand(question)
        unit = set(unit_words(question))
        lower = lower_case_words(question) if query.lang == "de" else set()
        n = len(self.rows)
        scores, covered, surest = np.zeros(n), np.zeros(n), np.zeros(n)
        article_covered = np.zeros(len(self.starts))
        total = 0.0
        for word in _words_of(query.groups):
            whole, parts = word[0], word[1:]
            covers = []  # per group of the word: the IDF it covers of each sentence
            for group in word:
                best, best_idf, sure = self._match(group)
                scores += group.weight * best
                surest = np.maximum(surest, sure)
                covers.append(best_idf)
            if whole.word in unit:  # "day" in "On which day ...?": the answer's kind, not its topic
                continue
            place = whole.weight * (LOWER_CASE_COVERAGE if whole.word in lower else 1.0)  # in the question
            total += place * self.idf_unseen
            # The word covers as much as the word itself, or its parts' mean IDF (a part unmatched: 0).
            slot = np.maximum(covers[0], sum(covers[1:]) / (PART_WEIGHT * len(parts))) if parts else covers[0]
            share = place * (YEAR_COVERAGE if is_year(whole.word) else 1.0)
            covered += share * slot
            article_covered += share * np.maximum.reduceat(slot, self.starts)
        if total:
            covered, article_covered = covered / total, article_covered / total
        return query, scores, covered, article_covered[self.article], surest

    def _match(self, group: TermGroup) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per position, for the best alternative of `group` there (or the context weight of the sentence
        before's): its BM25 score and its weighted IDF; and the weight of the surest term matched."""
        n = len(self.rows)
        best, best_idf, surest = np.zeros(n), np.zeros(n), np.zeros(n)
        alternatives = [(term, w, None) for term, w in group.terms.items()]
        if group.synonyms:  # only with several articles (`QueryExpander.several_articles`)
            lacking = self._lacking(group.unless)
            alternatives += [(term, w, lacking) for term, w in group.synonyms.items()]
        for term, w, where in alternatives:  # `where`: the positions a synonym counts in
            s = w * self._term_scores(term)
            if where is not None:
                s = np.where(where, s, 0.0)
            matched = s > 0
            best = np.maximum(best, s)
            best_idf = np.maximum(best_idf, np.where(matched, w * self.idf.get(term, 0.0), 0.0))
            surest = np.maximum(surest, np.where(matched, w, 0.0))
        return self._with_context(best), self._with_context(best_idf), surest

    def _lacking(self, terms: frozenset[str]) -> np.ndarray:
        """Per position: whether its article has none of `terms`."""
        has = np.zeros(len(self.rows), dtype=bool)
        for term in terms & self.vocab.keys():
            has |= self._term_scores(term) > 0
        return ~np.logical_or.reduceat(has, self.starts)[self.article]

    def _with_context(self, values: np.ndarray) -> np.ndarray:
        """Per position: its value, or its context weight (CONTEXT_WEIGHT, LEANING_CONTEXT_WEIGHT) of
        the sentence before's when that is more."""
        out = values.copy()
        out[self.follows] = np.maximum(values[self.follows], self.context_weight * values[self.follows - 1])
        return out


class LexicalRetriever:
    """Ranks sentences by BM25; a question in the other language than an article is translated.

    Args:
        sentences: the sentences to search, in index order.
        lexicon: bilingual word list (`qa.lexicon.load()`); an empty one disables translation.
        lang: the articles' language; when None, each article's is guessed from its sentences.
    """

    def __init__(self, sentences: Sequence[Sentence], lexicon: Lexicon | None = None,
                 lang: str | None = None, k1: float = 1.2, b: float = 0.5):
        if not sentences:
            raise ValueError("LexicalRetriever needs at least one sentence")
        self.sentences = list(sentences)
        self.lexicon = lexicon or Lexicon()
        self.row_lang = np.array(_languages(self.sentences) if lang is None else [lang] * len(self.sentences))
        verbs = SeparableVerbs(self.lexicon.de_verbs, self.lexicon.de_infinitives)
        self.parts = []
        for part_lang in sorted(set(self.row_lang), key=lambda L: -int((self.row_lang == L).sum())):
            rows = np.flatnonzero(self.row_lang == part_lang)
            self.parts.append(_Part(part_lang, rows, [self.sentences[r] for r in rows], self.lexicon, verbs,
                                     k1, b))
        for part in self.parts:  # synonyms stand in only for words the other language's articles lack
            others = [p for p in self.parts if p is not part]
            if others:
                part.expander.elsewhere = lambda word, lang, others=others: any(
                    p.expander.finds(word, lang) for p in others)
        main = self.parts[0]  # the language of most sentences
        self.lang, self.analyzer, self.expander = main.lang, main.analyzer, main.expander
        self._part_of = {p.lang: p for p in self.parts}

    def score(self, question: str) -> LexicalResult:
        """BM25 and coverage of every sentence, each against the question read in its language."""
        n = len(self.sentences)
        scores, coverage, article, surest, queries = np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(n), {}
        for part in self.parts:
            (queries[part.lang], scores[part.rows], coverage[part.rows], article[part.rows],
             surest[part.rows]) = part.score(question)
        return LexicalResult(queries[self.lang], scores, coverage, article, surest, queries)

    def mentions(self, result: LexicalResult, words: list[str], rows: np.ndarray,
                 least: float = 0.0) -> np.ndarray:
        """Per row of `rows`: whether that sentence has any of the question's `words` (or their
        translations), by a term of weight `least` or more; all True when none of `words` is a word
        of the question's query. Of a compound, only its last part (its head) stands in for it:
        "Sachschaden" mentions "Schaden", but "Mehrwertsteuer" is not mentioned by "mehr". A synonym
        mentions a word in an article lacking the word (`TermGroup.synonyms`), as it scores there.

        Only the few rows are read again, where BM25 would score every sentence of the index.
        """
        wanted = set(words)
        groups = {lang: [g for word in _words_of(query.groups) if wanted & set(word[0].word.split())
                         for g in _with_head(word)]
                  for lang, query in result.queries.items()}
        out = np.ones(len(rows), dtype=bool)
        for i, row in enumerate(rows):
            lang = self.row_lang[row]
            if groups[lang]:
                part = self._part_of[lang]
                terms = set(part.analyzer.terms(self.sentences[row].text))
                out[i] = any(w >= least and t in terms for g in groups[lang] for t, w in g.terms.items())
                if not out[i]:  # a synonym, where the sentence's article lacks the word
                    at = int(np.searchsorted(part.rows, row))
                    out[i] = any(part._lacking(g.unless)[at] for g in groups[lang]
                                 if any(w >= least and t in terms for t, w in g.synonyms.items()))
        return out

    def new_names(self, result: LexicalResult, row: int) -> list[str]:
        """Names in the sentence `row` (`qa.answer_type.names`) that the question does not hold,
        as a word or as a term of its query ("Kreml" for "Kremlin")."""
        lang = self.row_lang[row]
        analyzer = self._part_of[lang].analyzer
        asked = {t for g in result.queries[lang].groups for t in g.terms} | set(words(result.query.question))
        known = partial(self.lexicon.knows, lang=lang)
        return [w for w in names(self.sentences[row].text, known)
                if w.lower() not in asked and analyzer.word_terms(w.lower())[0] not in asked]

    def search(self, question: str, k: int = 5) -> list[Hit]:
        """The `k` best sentences for `question`, best first (sentences matching nothing are left out)."""
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        scores = self.score(question).scores
        order = np.argsort(-scores, kind="stable")[:k]
        return [Hit(self.sentences[i], float(scores[i])) for i in order if scores[i] > 0]


def _under_heading(sentence: Sentence, before: Sentence) -> bool:
    """Whether `sentence` opens the paragraph under the heading `before`: a heading names what the
    paragraph says ("Uni-Präsident äußert sich zum Politiker-Telefonat" above "Nach Ansicht von Yang
    ... wollen die beiden Politiker durch das Öffentlichmachen ihres Gesprächs ..."), so its words
    count as the sentence before's. Over 46 sets each on its own articles 389 -> 387 wrong outcomes,
    all 33 articles in one index 686 -> 684, 8 indexes of about four 501 -> 499 and 502 -> 499."""
    return before.source == sentence.source and before.paragraph == sentence.paragraph - 1 and is_heading(before)


def _words_of(groups: Sequence[TermGroup]) -> list[list[TermGroup]]:
    """The groups of each question word: a group, then the groups of its compound parts."""
    out: list[list[TermGroup]] = []
    for group in groups:
        if group.part and out:
            out[-1].append(group)
        else:
            out.append([group])
    return out


def _with_head(word: list[TermGroup]) -> list[TermGroup]:
    """The group of a question word and that of its last compound part, if it has parts."""
    return word[:1] + word[-1:] if len(word) > 1 else word


def _languages(sentences: Sequence[Sentence]) -> list[str]:
    """The language of each sentence: that of its article, guessed from the article's sentences."""
    texts: dict[str, list[str]] = {}
    for s in sentences:
        texts.setdefault(s.source, [])
        if len(texts[s.source]) < LANGUAGE_SAMPLE:
            texts[s.source].append(s.text)
    lang = {source: guess_language(" ".join(t)) for source, t in texts.items()}
    return [lang[s.source] for s in sentences]
