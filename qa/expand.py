"""Questions -> weighted groups of index terms, translating words when question and corpus differ.

A group holds alternatives for one word of the question (its stem, or its translations); a sentence
scores the best alternative of each group, so a word with many translations counts once, like one
word (Pirkola's "structured query"), and each translation counts by how often the word list gives it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from qa.analysis import Analyzer, content_words, language_evidence, stem, words, words_as_written
from qa.lexicon import PHRASAL_PARTICLES, Lexicon
from qa.verbs import SeparableVerbs

SELF_WEIGHT = 0.8  # the untranslated word: names and cognates ("Putin", "Alaska", "Ukraine")
# Another form of the verb whose past participle a German question uses ("gefeiert" -> feierten,
# "getroffen" -> traf): news tells in the simple past, questions ask in the perfect. At 0.7 (1.0
# tried): 386 -> 385 wrong outcomes over 45 sets each on its own articles, 676 -> 674 with all 33
# articles in one index, 489 -> 489 and 494 -> 492 over two shuffles of 8 indexes of about four
# (1.0: 385, 675, 490).
FORM_WEIGHT = 0.7
PART_WEIGHT = 0.5  # a compound part of a question word, beside the whole word
IN_PHRASE = 0.5  # a word read inside a phrase, and a phrasal verb's phrase: they share its place
WORD_CACHE = 65536  # question words whose term groups are kept
MIN_SHARE = 0.15  # drop translations given for less than this share of the best one's senses
SYNONYM_WEIGHT = 0.5  # a German synonym the articles use, for a word (or translations) they lack
# A looser sense, the head of a two-word translation: "barrier" -> Schlagbaum, listed only as
# "border-post barrier"; "Bohrinsel" -> rig, listed only as "oil rig". German to English too: 380 ->
# 378 wrong outcomes over 42 sets each on its own articles, 648 -> 649 with all 33 articles in one
# index, 473 -> 469 and 479 -> 476 over two shuffles of 8 indexes of about four.
HEAD_WEIGHT = 0.8
METONYM_WEIGHT = 0.5  # a capital for its country and back: "Russia" -> Moskau ("Moskau liefert ...")
PLACE_ADJECTIVE_WEIGHT = 0.5  # a place for its adjective and back: "Russia's" -> "russischen"


@dataclass(frozen=True)
class TermGroup:
    """Alternatives (index term -> weight) for one question word; `word` is that word."""

    word: str
    terms: dict[str, float]
    weight: float = 1.0  # of the whole group, lower for vague words with many senses
    # A compound part of the word of the group before ("Gespräch" of "Abrüstungsgespräche"): the
    # word and its parts are one word of the question, and cover it as one (`qa.lexical`).
    part: bool = False
    # Synonyms that count only in an article having none of `unless` (the word's own terms, or its
    # main translations). Where no article has the word, its synonyms are among `terms` instead;
    # with several articles in one index, each lacks the word or has it on its own.
    synonyms: dict[str, float] = field(default_factory=dict)
    unless: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Query:
    """A question analysed for one corpus language."""

    question: str
    lang: str  # language of the question
    groups: tuple[TermGroup, ...]


class QueryExpander:
    """Builds a Query for a corpus in `analyzer.lang` from a question in either language."""

    def __init__(self, analyzer: Analyzer, lexicon: Lexicon, vocabulary: set[str] | None = None,
                 verbs: SeparableVerbs | None = None, several_articles: bool = False):
        self.analyzer = analyzer
        self.lexicon = lexicon
        self.verbs = verbs  # German separable verbs -> infinitive, for German questions
        self.vocabulary = vocabulary  # corpus terms; translations outside it are dropped early
        # With several articles, one may lack a word the others have, so synonyms are looked up for
        # every word; with one, only for the words it lacks (for every word, a question asked for
        # the first time took 14 ms instead of 8).
        self.several_articles = several_articles
        # (word, its language) -> whether the articles in the other language have it (or its
        # translation); set by the caller when articles come in both languages.
        self.elsewhere: Callable[[str, str], bool] | None = None
        # A word's groups depend only on the word (the vocabulary is fixed): worked out once each.
        self._word_groups = lru_cache(maxsize=WORD_CACHE)(self._word_groups)

    def expand(self, question: str) -> Query:
        lang = self.language(question)
        target = self.analyzer.lang
        tokens = content_words(question, lang)
        groups: list[TermGroup] = []
        used: set[int] = set()  # positions consumed by a two-word phrase ("phone call")
        for i, joined in self._written_together(tokens, lang, target):
            groups.append(joined)
            used.update((i, i + 1))
        if lang != target and self.lexicon.available:
            for i in range(len(tokens) - 1):
                key = f"{stem(tokens[i], lang)} {stem(tokens[i + 1], lang)}"
                terms = self._translations(key, lang)
                if terms and lang == "en":
                    groups.append(TermGroup(f"{tokens[i]} {tokens[i + 1]}", terms))
                    used.update((i, i + 1))
            if lang == "en":
                groups += self._phrasal_verbs(question, tokens, used)
        infinitives = self.verbs.find(question) if lang == "de" and self.verbs else {}
        participles = self._participles(question) if lang == "de" == target and self.verbs else {}
        for i, word in enumerate(tokens):
            groups.extend(self._word_groups(word, lang, target, i in used, infinitive=infinitives.get(word),
                                            participle_of=participles.get(word)))
        return Query(question, lang, tuple(groups))  # empty groups: words the corpus lacks

    def language(self, question: str) -> str:
        """'de' or 'en': by the question's stop words and letters, and where they do not tell
        ("azubis mindestlohn?"), by which language the word list knows more of its words in."""
        evidence = language_evidence(question)
        if evidence["de"] != evidence["en"]:
            return "de" if evidence["de"] > evidence["en"] else "en"
        if not self.lexicon.available:
            return "en"
        tokens = words(question)
        german = sum(self.lexicon.knows(t, "de") for t in tokens)
        english = sum(self.lexicon.knows(t, "en") for t in tokens)
        return "de" if german > english else "en"

    def _written_together(self, tokens: list[str], lang: str, target: str) -> list[tuple[int, TermGroup]]:
        """Two question words the articles write as one: German compounds English loanwords
        ("starter kits" -> "Starterkits", "home office" -> "Homeoffice"), and a German question
        may split a compound the articles join ("Starter-Kits"). (position, group) pairs."""
        if self.vocabulary is None:
            return []
        weight = 1.0 if lang == target else SELF_WEIGHT
        found = []
        for i in range(len(tokens) - 1):
            term = self.analyzer.word_terms(tokens[i] + tokens[i + 1])[0]
            if term in self.vocabulary:
                found.append((i, TermGroup(f"{tokens[i]} {tokens[i + 1]}", {term: weight})))
        return found

    def _phrasal_verbs(self, question: str, tokens: list[str], used: set[int]) -> list[TermGroup]:
        """Groups for verbs with their particle ("switched off" -> abschalten); marks the verb used.

        The phrase and the verb alone share the verb's place in the question, half each: a phrase
        the list renders with words the articles lack ("go up") must not outweigh the question.
        """
        groups, raw = [], words(question)
        for verb, particle in zip(raw, raw[1:]):
            if particle not in PHRASAL_PARTICLES or verb not in tokens:
                continue
            terms = self._translations(f"{stem(verb, 'en')} {particle}", "en")
            if terms:
                groups.append(TermGroup(f"{verb} {particle}", terms, IN_PHRASE))
                used.add(tokens.index(verb))
        return groups

    def finds(self, word: str, lang: str) -> bool:
        """Whether these articles have `word` (in `lang`) or a translation of it, synonyms aside."""
        groups = self._word_groups(word, lang, self.analyzer.lang, False, False)
        return any(self.vocabulary is None or t in self.vocabulary for g in groups for t in g.terms)

    def _participles(self, question: str) -> dict[str, str]:
        """The past participles a German question writes in lower case (German capitalises nouns:
        "Gebiet"), each with the infinitive of its verb."""
        found = {}
        for raw in words_as_written(question):
            word = raw.lower()
            if raw == word and (infinitive := self.verbs.participle_of(word)):
                found[word] = infinitive
        return found

    def _word_groups(self, word: str, lang: str, target: str, in_phrase: bool, fallback: bool = True,
                     infinitive: str | None = None, participle_of: str | None = None) -> tuple[TermGroup, ...]:
        """The groups of one question word; `infinitive`: the separable verb it is a form of;
        `participle_of`: the verb whose past participle it is. The word takes its verb's synonyms."""
        own = self.analyzer.word_terms(word)
        if lang == target or not self.lexicon.available:
            head, parts = own[0], own[1:]
            terms = {head: 1.0}
            if infinitive:  # "abspricht" -> absprechen, as the articles' "abzusprechen" is indexed
                terms[self.analyzer.word_terms(infinitive)[0]] = 1.0
            if participle_of:  # "gefeiert" -> "feierten", "getroffen" -> "traf"
                for form in self.verbs.forms_of(participle_of) - {word}:
                    if term := self._used_term(form):
                        terms[term] = max(terms.get(term, 0.0), FORM_WEIGHT)
            # Synonyms stand in for a word an article lacks, even where it has a part of the word
            # ("Wirtschaftswissenschaftler" -> Ökonomen, though "Wirtschaftsflügel" has "Wirtschaft").
            unless, synonyms = frozenset(terms), {}
            absent = self._absent(unless)
            if fallback and (absent or self.several_articles) and not self._found_elsewhere(word, lang):
                verb = infinitive or participle_of  # "zugesagt" -> zusagen -> versichern
                synonyms = (self._synonyms({word: 1.0, **({verb: 1.0} if verb else {})}, verb_forms=True)
                            if lang == "de" else self._english_synonyms(stem(word, lang)))
            if absent:  # no article has the word: its synonyms count everywhere
                terms.update(synonyms)
                synonyms = {}
            groups = [TermGroup(word, self._with_place_names(terms), synonyms=self._extra(synonyms, terms),
                                unless=unless)]
            groups += [TermGroup(word, {p: PART_WEIGHT}, part=True) for p in parts]
            return tuple(groups)
        key = stem(word, lang)
        terms = self._translations(key, lang, word=word)
        if infinitive:  # "lehnte" -> ablehnen -> reject
            for term, w in self._translations(stem(infinitive, lang), lang).items():
                terms[term] = max(terms.get(term, 0.0), w)
        if HEAD_WEIGHT > 0:
            heads = self.lexicon.en_heads if lang == "en" else self.lexicon.de_heads
            for term, w in self._translations(key, lang, heads).items():
                terms[term] = max(terms.get(term, 0.0), HEAD_WEIGHT * w)
        # The German synonyms of the translations, for an article that has none of the main
        # translations ("penalty": Strafe -> Bußgeld).
        synonyms, unless = {}, frozenset()
        if lang == "en" and fallback:
            unless = self._translation_heads(key)
            absent = self._absent(unless)
            if absent or self.several_articles:
                synonyms = self._synonyms(self._shares(self.lexicon.translate(key, lang)))
            if absent:  # no article has them: the synonyms count everywhere
                for term, w in synonyms.items():
                    terms[term] = max(terms.get(term, 0.0), w)
                synonyms = {}
        senses = len(self.lexicon.translate(key, lang, word))
        terms[own[0]] = max(terms.get(own[0], 0.0), SELF_WEIGHT)
        # A word with many senses is a weak clue; one inside a translated phrase is already counted.
        weight = 1.0 / (1.0 + math.log1p(senses) / 4) * (IN_PHRASE if in_phrase else 1.0)
        return (TermGroup(word, terms, weight, synonyms=self._extra(synonyms, terms), unless=unless),)

    @staticmethod
    def _extra(synonyms: dict[str, float], terms: dict[str, float]) -> dict[str, float]:
        """The synonyms that `terms` lack, or hold at a lower weight."""
        return {t: w for t, w in synonyms.items() if w > terms.get(t, 0.0)}

    def _with_place_names(self, terms: dict[str, float]) -> dict[str, float]:
        """`terms` plus what stands for a place among them: the capital of a country (or the country
        of a capital), and the adjective of a place (or the place of an adjective)."""
        if self.analyzer.lang != "de":
            return terms
        out = dict(terms)
        for table, share in ((self.lexicon.metonyms, METONYM_WEIGHT),
                             (self.lexicon.place_adjectives, PLACE_ADJECTIVE_WEIGHT)):
            for term, weight in terms.items():
                for name in table.get(term, ()):
                    if alt := self._used_term(name):
                        out[alt] = max(out.get(alt, 0.0), share * weight)
        return out

    def _translation_heads(self, key: str) -> frozenset[str]:
        """The index terms of the main translations of the English stem `key`, each as a word of its
        own: where the articles have one, `key` is translated; a compound part ("Zeit" of
        Zeitstrafe) or a looser sense does not count."""
        translations = self._shares(self.lexicon.translate(key, "en"))
        return frozenset(self.analyzer.word_terms(word)[0] for word in translations)

    def _used_term(self, word: str) -> str | None:
        """The index term of `word` (its stem: the first of `Analyzer.word_terms`, without splitting
        it into parts), where the articles use it."""
        term = stem(word, self.analyzer.lang)
        return term if self.vocabulary is None or term in self.vocabulary else None

    def _absent(self, terms: Iterable[str]) -> bool:
        return self.vocabulary is not None and not any(t in self.vocabulary for t in terms)

    @staticmethod
    def _shares(raw: dict[str, float]) -> dict[str, float]:
        """Words given for at least MIN_SHARE of the best one's senses, with that share (best = 1)."""
        best = max(raw.values(), default=0.0)
        return {w: c / best for w, c in raw.items() if c / best >= MIN_SHARE}

    def _synonyms(self, words: dict[str, float], verb_forms: bool = False) -> dict[str, float]:
        """Index terms of the German synonyms of `words` (word -> weight) that the articles use; with
        `verb_forms`, a verb's too in the forms the articles use ("zusichern" -> versichern ->
        "versicherte"), for a German question's participle or separable verb. On the seed, four of
        the five German questions asking with "zusichern" or "zusagen" are answered (one was
        before), and "mitgeteilt" reaches "informiert"; over 46 sets each on its own articles
        392 -> 389 wrong outcomes, all 33 articles in one index 685 -> 686, 8 indexes of about four
        499 -> 501 and 503 -> 502: on the other articles as much lost as found.

        Only for words an article lacks ("Stimmung" -> "Atmosphäre"): measured always on, synonyms
        cost more than they found; as a fallback they find answers and left abstention as it was.
        Whether an article lacks the word is judged per article (`TermGroup.synonyms`): with all 33
        test articles in one index, judged over all articles at once, a word that any other article
        used kept its synonyms from the article lacking it ("Stimmung" from the seed's "Atmosphäre").
        Per article: 661 -> 656 wrong outcomes over 42 question sets; the 33 articles in 8 indexes
        of about four, 495 -> 483; each set on its own articles, unchanged (389).
        """
        terms: dict[str, float] = {}
        for word, weight in words.items():
            for syn in self.lexicon.de_synonyms.get(stem(word, "de"), {}):
                # A verb is written in its forms: "zusagen" -> versichern -> "versicherte"
                forms = self.verbs.forms_of(syn) if verb_forms and self.verbs else ()
                for form in (syn, *forms):
                    if term := self._used_term(form):
                        terms[term] = max(terms.get(term, 0.0), SYNONYM_WEIGHT * math.sqrt(weight))
        return terms

    def _found_elsewhere(self, word: str, lang: str) -> bool:
        """Whether the articles in the other language have `word`: the question is likely about them.

        Synonyms stand in only for words no article in the other language has. With an English and a
        German article side by side, English questions about the German one drew English synonyms
        (found through German and back) from the English one (the second blind set: MRR 0.79 ->
        0.73, one more out-of-scope question cited), and German questions about the English one drew
        German synonyms from the German one ("Spitzturm", with the thesaurus's synonyms).
        """
        return self.elsewhere is not None and self.elsewhere(word, lang)

    def _english_synonyms(self, key: str) -> dict[str, float]:
        """Index terms of English words the articles use for an English stem they lack, found through
        German and back ("hurt" -> verletzt -> "injured"), weighted by the shares both ways."""
        terms: dict[str, float] = {}
        for german, share in self._shares(self.lexicon.translate(key, "en")).items():
            for english, back in self._shares(self.lexicon.translate(stem(german, "de"), "de")).items():
                term = self._used_term(english)
                if term and term != key:
                    terms[term] = max(terms.get(term, 0.0), SYNONYM_WEIGHT * math.sqrt(share * back))
        return terms

    def _translations(self, key: str, lang: str, table: dict | None = None,
                      word: str | None = None) -> dict[str, float]:
        """Index terms of the translations of `key` (or of the German `word` itself, where the list
        translates it unlike its stem), weighted by share of senses (best = 1)."""
        raw = self.lexicon.translate(key, lang, word) if table is None else table.get(key, {})
        terms: dict[str, float] = {}
        for target, share in self._shares(raw).items():
            for j, term in enumerate(self.analyzer.word_terms(target)):
                w = math.sqrt(share) * (1.0 if j == 0 else PART_WEIGHT)
                terms[term] = max(terms.get(term, 0.0), w)
        terms = self._with_place_names(terms)  # before the filter: "Russia" -> Russland -> Moskau
        return {t: w for t, w in terms.items() if self.vocabulary is None or t in self.vocabulary}
