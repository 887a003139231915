"""Text analysis for lexical retrieval: tokens, stop words, language guess, stems, German compounds."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Mapping

import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS, STOPWORDS_GERMAN

if TYPE_CHECKING:
    from qa.verbs import SeparableVerbs

# Question words and fillers the library lists miss; they carry no topic in a question.
_EXTRA_EN = {"which", "whom", "whose", "why", "how", "when", "say", "says", "said", "tell", "told",
             "article", "articles", "according", "mean", "means", "think", "thinks", "could",
             "would", "should", "can", "may", "might", "must", "will", "shall", "also", "s",
             "the", "did", "does", "do", "done", "has", "have", "had", "was", "were", "is", "are"}
_EXTRA_DE = {"wer", "wem", "wen", "wessen", "warum", "wann", "wieso", "weshalb", "woher", "wohin",
             "womit", "worüber", "wozu", "wofür", "wodurch", "woran", "wovon", "woraus", "worauf",
             "wonach", "wogegen", "weswegen", "inwiefern", "wovor", "worin", "wobei", "worum",
             "inwieweit", "wieviel", "wieviele", "seit", "laut", "artikel", "sagt", "sagte", "gesagt",
             "hätten", "hätte", "habe", "wurde", "wurden", "worden", "bereits", "sowie", "jedoch",
             "dies", "dabei", "denen", "deren", "ihres", "welchen", "welcher", "welches", "welchem",
             # a preposition joined with its article, as "zum", "im" and "am" (already listed)
             "beim", "ans", "aufs", "durchs", "fürs", "ums", "übers", "unterm", "hinterm", "vorm", "überm"}
STOP = {"en": frozenset(STOPWORDS_EN_PLUS) | _EXTRA_EN, "de": frozenset(STOPWORDS_GERMAN) | _EXTRA_DE}

_STEMMERS = {"en": Stemmer.Stemmer("english"), "de": Stemmer.Stemmer("german")}
# Letters and digits; hyphens and apostrophes split words ("US-Präsident" -> "us", "präsident").
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]+")
_LINKING = ("", "s", "es", "n", "en", "er", "e")  # German linking elements (Fugen) between parts
MIN_PART = 4  # shortest compound part; shorter ones ("au", "uni") split words wrongly too often
MIN_FREQ = 1  # parts must be known words at all


def words(text: str) -> list[str]:
    """Lower-cased word tokens of `text`."""
    return [w.lower() for w in _WORD.findall(text)]


def words_as_written(text: str) -> list[str]:
    """The word tokens of `text`, as written."""
    return _WORD.findall(text)


def lower_case_words(text: str) -> set[str]:
    """The words `text` writes in lower case after its first, when it capitalises any word after
    its first: in German, the words that are not nouns or names ("steckte", "normalerweise").
    Empty for text written all in lower case, which tells nothing."""
    found = _LETTERS.findall(text)[1:]
    if not any(w[0].isupper() for w in found):
        return set()
    return {w for w in found if w.islower()}


def content_words(text: str, lang: str) -> list[str]:
    """Word tokens of `text` without the stop words of `lang`."""
    stop = STOP[lang]
    return [w for w in words(text) if w not in stop and len(w) > 1]


def language_evidence(text: str) -> dict[str, int]:
    """How much `text` looks German and English: its stop words of each, and German letters."""
    tokens = words(text)
    return {"de": sum(t in STOP["de"] for t in tokens) + 2 * sum(c in "äöüß" for c in text.lower()),
            "en": sum(t in STOP["en"] for t in tokens)}


def guess_language(text: str) -> str:
    """'de' or 'en', whichever language's stop words and letters `text` looks more like."""
    evidence = language_evidence(text)
    return "de" if evidence["de"] > evidence["en"] else "en"


def stem(word: str, lang: str) -> str:
    """Snowball stem of one lower-cased word."""
    return _STEMMERS[lang].stemWord(word)


class CompoundSplitter:
    """Splits German compounds into known words, preferring frequent parts (Koehn & Knight 2003).

    "denuklearisierungsbemühungen" -> ["denuklearisierung", "bemühungen"]. `vocab` maps known
    lower-cased words to a frequency; the corpus itself and the bilingual list both make good ones.
    A word is left whole when it is more common in `whole` (default: `vocab`) than its parts; pass the
    word list there, since an article's own compounds should still be split.
    """

    def __init__(self, vocab: Mapping[str, int], whole: Mapping[str, int] | None = None):
        self.vocab = vocab
        self.whole = vocab if whole is None else whole

    def split(self, word: str) -> list[str]:
        """The parts of `word`, or [] when it is not a compound of known words."""
        return list(self._split(word, depth=2))

    @lru_cache(maxsize=65536)
    def _split(self, word: str, depth: int) -> tuple[str, ...]:
        if depth == 0 or len(word) < 2 * MIN_PART:
            return ()
        # Split only when the parts are more common than the whole word ("bundestag" stays whole).
        best, best_score = (), float(self.whole.get(word, 0))
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            # A function word may end a compound ("Öffentlichmachen": öffentlich + machen), though
            # the word list's vocabulary leaves function words out; as a first part they split
            # words wrongly ("überwiesen": über + Wiesen).
            tail_freq = self.vocab.get(tail, 0) or (MIN_FREQ if tail in STOP["de"] else 0)
            if tail_freq < MIN_FREQ:
                continue
            for link in _LINKING:
                if link and not head.endswith(link):
                    continue
                left = head[: len(head) - len(link)]
                if len(left) < MIN_PART or self.vocab.get(left, 0) < MIN_FREQ:
                    continue
                score = (self.vocab[left] * tail_freq) ** 0.5  # geometric mean
                if score > best_score:
                    best, best_score = (left, tail), score
        parts: list[str] = []
        for part in best:  # parts of parts: "atomwaffenstaat" -> atomwaffen, staat -> atom, waffen
            parts.append(part)
            parts.extend(self._split(part, depth - 1))
        return tuple(parts)


class Analyzer:
    """Turns text into index terms for one language: stems, plus for German compound parts and the
    infinitives of separable verbs ("lehnte ... ab" also gives the term of "ablehnen")."""

    def __init__(self, lang: str, splitter: CompoundSplitter | None = None,
                 verbs: SeparableVerbs | None = None):
        if lang not in STOP:
            raise ValueError(f"unsupported language {lang!r}; use one of {sorted(STOP)}")
        self.lang = lang
        self.splitter = splitter if lang == "de" else None
        self.verbs = verbs if lang == "de" else None

    def word_terms(self, word: str) -> list[str]:
        """Index terms of one lower-cased word: its stem, then the stems of its compound parts."""
        terms = [stem(word, self.lang)]
        if self.splitter is not None:
            # A part that is a stop word says nothing ("nach" in "nachprüfen"), unless it ends the
            # word: "Öffentlichmachen" is making something public, and "öffentlich gemacht" asks for
            # it. Over 48 sets each on its own articles 387 -> 386 wrong outcomes, all 33 articles in
            # one index 700 -> 700, 8 indexes of about four 506 -> 504 and 510 -> 509.
            terms += [stem(p, self.lang) for p in self.splitter.split(word)
                      if p not in STOP[self.lang] or word.endswith(p)]
        return list(dict.fromkeys(terms))

    def verb_terms(self, text: str) -> dict[str, str]:
        """Forms of separable verbs in `text` that stem unlike their infinitive: word -> its term."""
        if self.verbs is None:
            return {}
        found = ((w, stem(inf, self.lang)) for w, inf in self.verbs.find(text).items())
        return {w: term for w, term in found if term != stem(w, self.lang) and w not in STOP[self.lang]}

    def terms(self, text: str) -> list[str]:
        """Index terms of `text`, stop words dropped (a word may give several terms); the
        infinitives of its separable verbs come last."""
        terms = [t for w in content_words(text, self.lang) for t in self.word_terms(w)]
        return terms + list(self.verb_terms(text).values())


def corpus_vocab(texts: Iterable[str]) -> dict[str, int]:
    """Word frequencies of `texts`: a compound-splitting vocabulary when no word list is at hand."""
    counts: dict[str, int] = {}
    for text in texts:
        for w in words(text):
            if len(w) >= MIN_PART:
                counts[w] = counts.get(w, 0) + 1
    return counts
