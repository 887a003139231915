"""The ding German-English word list, read at run time and turned into weighted word translations.

The list (Debian package `trans-de-en`, GPL) is never copied into the project: it is parsed where it
is installed, and what we derive from it is cached under the user's cache folder, keyed by the list's
path, size and modification time. Without the list everything still works, minus translation.
The German thesaurus (`qa.thesaurus`), where installed, adds its synonym sets to the list's.
"""
from __future__ import annotations

import logging
import os
import pickle
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

from qa.analysis import STOP, stem, words
from qa.paths import cache_dir, fingerprint, prune
from qa.thesaurus import INSTALL_HINT as THESAURUS_HINT
from qa.thesaurus import read_synsets, thesaurus_path

log = logging.getLogger(__name__)

DEFAULT_PATH = "/usr/share/trans/de-en"
ENV_VAR = "QA_DING_PATH"
FORMAT = 27  # bump when the derived tables change shape or meaning
INSTALL_HINT = "install it with `sudo apt-get install trans-de-en` or set QA_DING_PATH to a copy"

# Annotations to drop: {f} gender, [mil.] domain, (of an area) glosses, <Abk.> and /NWS/ abbreviations.
_NOTES = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|/[^/\s]+/")
# Abbreviations the list gives as one note with a ";" inside ("government /Gov.; Govt./; administration"),
# which would split a synonym in two; in 41 lines of the list. Dropped before the synonyms are split.
_SPLIT_ABBREVIATIONS = re.compile(r"(?<=\s)/[^/\s;|]+(?:;\s*[^/\s;|]+)+/(?=[\s;]|$)")
_CAPITAL = re.compile(r"\(Hauptstadt (?:von |der |des )?([^)]+)\)")  # "Moskau (Hauptstadt von Russland)"
_GEOGRAPHY = "[geogr.]"  # the list's tag for place names and their adjectives
_CITY = re.compile(r"\((?:Haupt|Groß|Kreis|Hafen)?[Ss]tadt\b")  # "(Stadt in Bayern)", "(Hauptstadt von Polen)"
_COUNTRY_CODE = re.compile(r"\{(?:[nfm]|pl)\}.*/[A-Z]{2}/")  # "Polen {n} /PL/", notes in brackets removed
_ABBREVIATION = re.compile(r"/([A-Z]{3,})/")  # "Vereinigte Staaten {pl} von Amerika /USA/"
_PLACE_NOUN = re.compile(r"\{[nfm]\}")
_VERB = re.compile(r"\{v[irt]*\}")  # {vt}, {vi}, {vr}, {v}: a verb, its forms in the sub-entries
VERB_FORMS = 8  # sub-entries read for forms after a verb's infinitive
_PERSONS = {"ich", "du", "er", "sie", "es", "wir", "ihr", "hat", "hatte", "ist", "war"}  # "er/sie hat gesprochen"
# English verb particles: "to switch off" keeps its particle ("switch off" -> abschalten), which the
# stop words would drop, leaving "switch" with every sense of the verb.
PHRASAL_PARTICLES = frozenset("off out up down away back over".split())
_PLACEHOLDERS = {"en": {"sb", "sth", "one", "oneself", "someone", "something"},
                 "de": {"jd", "jdn", "jdm", "jds", "etw", "sich", "einen", "eine", "einem"}}
_warned = False
_thesaurus_warned = False


class PackedTable(Mapping):
    """A read-only table whose rows are kept as one string each, and decoded when first read.

    The lexicon is loaded at every start, and most of its rows are never read: a question reads a
    few dozen. Unpickling one string per row instead of every row's words and weights took loading
    the whole word list from 0.85 s to 0.4 s.
    """

    __slots__ = ("_packed", "_rows")

    def __init__(self, packed: dict[str, str]):
        self._packed = packed
        self._rows: dict = {}  # decoded so far

    @classmethod
    def pack(cls, table: Mapping) -> "PackedTable":
        return cls({key: cls._encode(row) for key, row in table.items()})

    def __getitem__(self, key: str):
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = self._decode(self._packed[key])
        return row

    def __contains__(self, key: object) -> bool:
        return key in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedTable):
            return type(other) is type(self) and other._packed == self._packed
        return super().__eq__(other)

    __hash__ = None  # a mapping, not a key

    def __reduce__(self):  # pickled without the decoded rows
        return type(self), (self._packed,)

    @staticmethod
    def _encode(row) -> str:
        raise NotImplementedError

    @staticmethod
    def _decode(text: str):
        raise NotImplementedError


class WeightedRows(PackedTable):
    """Rows of word -> weight ("warnen": 3.0); words never hold a tab (`qa.analysis.words`)."""

    @staticmethod
    def _encode(row: Mapping[str, float]) -> str:
        return "\t".join(f"{word}\t{weight!r}" for word, weight in row.items())

    @staticmethod
    def _decode(text: str) -> dict[str, float]:
        if not text:
            return {}
        fields = text.split("\t")
        return {fields[i]: float(fields[i + 1]) for i in range(0, len(fields), 2)}


class PhraseRows(PackedTable):
    """Rows of English phrases, best first ("telephone conversation", "phone call")."""

    @staticmethod
    def _encode(row: Sequence[str]) -> str:
        return "\t".join(row)

    @staticmethod
    def _decode(text: str) -> tuple[str, ...]:
        return tuple(text.split("\t")) if text else ()


@dataclass(frozen=True)
class Lexicon:
    """Word translations in both directions; keys are stems, values map target words to weights.

    `en_de["warn"]` -> {"warnen": 3.0, "mahnen": 1.0, ...}: how many senses of the list pair them.
    English keys may be two stems ("phone call"). `de_vocab` counts German words, for compounds.
    `en_heads["barrier"]` -> {"schlagbaum": 1.0, ...}: German words whose translation is a two-word
    English phrase ending in that stem ("border-post barrier"), a looser sense than `en_de`.
    `de_heads["bohrinsel"]` -> {"rig": 2.0, "platform": 2.0, ...}: the same the other way, the last
    words of a German stem's two-word translations ("oil rig", "oil platform").
    `de_synonyms["stimmung"]` -> {"atmosphäre": 1.0, "laune": 1.0, ...}: German words the list gives
    side by side for one sense ("Atmosphäre {f}; Stimmung {f} :: atmosphere"), and those of the
    thesaurus's sets, keyed by stem; a plural has its singular's ("Azubis" -> "Auszubildende").
    `gloss["telefonat"]` -> ("telephone conversation", "phone call", ...): English renderings of a
    German stem, phrases of up to three words, best first (most senses, each counted by its place in
    its entry: 1, 1/2, 1/3 ..., then the commoner words).
    `gloss_words["beton"]` -> ("concrete",): the same for a German word as the list writes it, where
    that differs from its stem's. A gloss asks it first: a stem mixes words that only stem alike
    ("Beton" and "betonen", emphasise).
    `de_en_words["arbeiter"]` -> {"worker": 1.0, ...}: `de_en` for a German word as the list writes
    it, where its main translations differ from its stem's: "Arbeiter" stems like "Arbeit" (work).
    `metonyms["russland"]` -> ("moskau",), and back: news names a state by its capital ("Moskau
    liefert ..."); the pairs are the list's "(Hauptstadt von Russland)" notes, one-word names only.
    `place_adjectives["russland"]` -> ("russisch",), and back: "Russia's actions" are reported as
    "die von der russischen Führung ergriffenen Maßnahmen". A place and an adjective are paired when
    their English translations share all but the last letter of the shorter ("Russia", "Russian";
    "China", "Chinese"; "Germany", "German").
    `places["en"]["moscow"]` -> "city", `places["de"]["russland"]` -> "country": one-word names of
    cities (the list's "(Stadt in ...)", "(Hauptstadt von ...)") and of countries (those with a
    two-letter code, "Russland {n} /RU/"), per language, lower-cased; a name that is also a common
    word of its language is left out ("Essen", "Halle"; "Nice", "Reading").
    `de_verbs["lehnte ab"]` -> "ablehnen": German verb forms and their infinitive, from the forms the
    list gives beside each verb ("ablehnen | ablehnend | abgelehnt | lehnt ab | lehnte ab"). A
    separable verb's split forms are also given joined ("ablehnt", as in "weil sie es ablehnt") and
    with "zu" ("abzulehnen"). `de_infinitives` are the list's German verbs.
    """

    # Tables of rows: plain dicts, or packed (`PackedTable`) as `parse` makes them.
    en_de: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    de_en: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    de_en_words: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    de_vocab: dict[str, int] = field(default_factory=dict)
    en_heads: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    de_heads: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    de_synonyms: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    gloss: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    gloss_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    metonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    place_adjectives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    places: dict[str, dict[str, str]] = field(default_factory=dict)
    de_verbs: dict[str, str] = field(default_factory=dict)
    de_infinitives: frozenset[str] = frozenset()
    source: str = ""
    thesaurus: str = ""  # where the German thesaurus was read from; "" without one

    @property
    def available(self) -> bool:
        return bool(self.en_de)

    def translate(self, key: str, src: str, word: str | None = None) -> Mapping[str, float]:
        """Target words of the stem (or two-stem phrase) `key` in language `src`, with weights; for
        a German `word` (lower-cased, as written), its own where the list translates it unlike its stem."""
        if word is not None and src == "de" and word in self.de_en_words:
            return self.de_en_words[word]
        return (self.en_de if src == "en" else self.de_en).get(key, {})

    def knows(self, word: str, lang: str) -> bool:
        """Whether the list has the lower-cased `word` as a word of `lang`: a German headword, or
        an English word it translates."""
        return word in self.de_vocab if lang == "de" else stem(word, "en") in self.en_de


def _main(row: Mapping[str, float]) -> frozenset[str]:
    """The words of a row given for at least half as many senses as its best one."""
    best = max(row.values(), default=0.0)
    return frozenset(w for w, c in row.items() if c >= best / 2)


def _words_of_synonyms(side: str, lang: str) -> list[list[str]]:
    """The words of each ';'-separated synonym of one sub-entry, without annotations, placeholders
    ("sb.", "etw.") and the English infinitive marker: "to warn sb. (of)" -> ["warn"]."""
    out = []
    for syn in side.split(";"):
        toks = [w for w in words(_NOTES.sub(" ", syn)) if w not in _PLACEHOLDERS[lang]]
        if lang == "en" and toks[:1] == ["to"]:
            toks = toks[1:]
        out.append(toks)
    return out


def _synonyms(side: str, lang: str) -> list[list[str]]:
    """Content words of each ';'-separated synonym of one sub-entry."""
    return [[w for w in toks if w not in STOP[lang]] for toks in _words_of_synonyms(side, lang)]


GLOSS_ALTERNATIVES = 3  # English renderings kept per German stem


def parse(path: str | os.PathLike, synsets: Iterable[Sequence[str]] = (), thesaurus: str = "") -> Lexicon:
    """Parse the ding list at `path` into a Lexicon (takes a few seconds; see `load`); `synsets`
    are more sets of German synonyms, from the thesaurus read from `thesaurus`."""
    en_de: dict[str, dict[str, float]] = {}
    de_en: dict[str, dict[str, float]] = {}
    de_en_word: dict[str, dict[str, float]] = {}  # the same per German word as written
    vocab: dict[str, int] = {}
    en_heads: dict[str, dict[str, float]] = {}
    de_heads: dict[str, dict[str, float]] = {}
    de_synonyms: dict[str, dict[str, float]] = {}
    # German word as written (lower case) -> English phrase -> senses, each counted 1 / its place
    word_renderings: dict[str, Counter] = {}
    en_freq: Counter = Counter()  # how often an English word occurs in the list: its commonness
    metonyms: dict[str, set[str]] = {}
    places: dict[str, list[tuple[str, str]]] = {"noun": [], "adj": []}  # (German word, English word)
    place_names: dict[str, dict[str, str]] = {"de": {}, "en": {}}  # per language: name -> "city" / "country"
    common: dict[str, set[str]] = {"de": set(), "en": set()}  # other entries' one-word headwords
    verb_forms: dict[str, Counter] = {}  # form -> infinitive -> entries
    plurals: dict[str, str] = {}  # stem of a plural -> stem of its singular
    heads: list[str | None] = []
    infinitives: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("#") or " :: " not in line:
                continue
            de, en = (_SPLIT_ABBREVIATIONS.sub(" ", side) for side in line.rstrip("\n").split(" :: ", 1))
            de_subs, en_subs = de.split(" | "), en.split(" | ")
            if capital := _CAPITAL.search(de_subs[0]):
                _pair_capital(metonyms, de_subs[0], capital.group(1))
            if _GEOGRAPHY in de_subs[0]:
                _collect_place(places, de_subs[0], en_subs[0])
            _collect_place_name(place_names, common, de_subs[0], en_subs[0])
            if _VERB.search(de_subs[0]):
                _collect_verb_forms(verb_forms, infinitives, de_subs)
            if len(de_subs) != len(en_subs):
                de_subs, en_subs = de_subs[:1], en_subs[:1]
            for n, (de_sub, en_sub) in enumerate(zip(de_subs, en_subs)):
                de_syns = _synonyms(de_sub, "de")
                for raw, toks in zip(de_sub.split(";"), de_syns):
                    if "{" in raw:  # a tagged headword ({f}, {vt}, {adj}), not a fragment like "eing."
                        for w in toks:
                            vocab[w] = vocab.get(w, 0) + 1
                de_words = [t[0] for t in de_syns if len(t) == 1]
                if n == 0:
                    heads = [t[0] if len(t) == 1 else None for t in de_syns]
                    _add_synonyms(de_synonyms, de_words)  # the headwords' sense only
                elif n == 1 and "{pl}" in de_sub:  # "Azubi; Lehrling | Azubis {pl}; Lehrlinge {pl}"
                    for head, plural in zip(heads, de_syns):
                        if head and len(plural) == 1 and stem(plural[0], "de") != stem(head, "de"):
                            plurals[stem(plural[0], "de")] = stem(head, "de")
                en_syns = _words_of_synonyms(en_sub, "en")
                # Renderings keep their small words ("make a phone call"); translations drop them.
                rendered = [" ".join(t) for t in en_syns if 1 <= len(t) <= 3]
                en_freq.update(w for t in en_syns if 1 <= len(t) <= 3 for w in t)
                # The list gives an entry's main sense first ("Stimmung ... :: mood; spirit"): a
                # rendering counts 1 / its place, so "mood" beats words listed late in several
                # entries ("vein"). Over 36 question sets each on its own articles 356 -> 350 wrong
                # outcomes, and 590 -> 583 with all 29 articles in one index (counting by the German
                # word's place as well: 353 / 582; by that alone: 360 / 588).
                for dw in de_words:
                    counts = word_renderings.setdefault(dw, Counter())
                    for place, phrase in enumerate(rendered, start=1):
                        counts[phrase] += 1.0 / place
                en_phrases = [t for t in ([w for w in toks if w not in STOP["en"]] for toks in en_syns)
                              if 1 <= len(t) <= 2]
                en_phrases += [t for t in en_syns if len(t) == 2 and t[1] in PHRASAL_PARTICLES
                               and t[0] not in STOP["en"]]
                for en_toks in en_phrases:
                    key = " ".join(stem(w, "en") for w in en_toks)
                    for dw in de_words:
                        row = en_de.setdefault(key, {})
                        row[dw] = row.get(dw, 0.0) + 1.0
                        if len(en_toks) == 1:
                            for back in (de_en.setdefault(stem(dw, "de"), {}), de_en_word.setdefault(dw, {})):
                                back[en_toks[0]] = back.get(en_toks[0], 0.0) + 1.0
                        else:  # "phone call" -> Telefonat is also a kind of "call"
                            head = en_heads.setdefault(stem(en_toks[-1], "en"), {})
                            head[dw] = head.get(dw, 0.0) + 1.0
                            back = de_heads.setdefault(stem(dw, "de"), {})
                            back[en_toks[-1]] = back.get(en_toks[-1], 0.0) + 1.0
    for members in synsets:
        _add_synonyms(de_synonyms, members)
    for plural, singular in plurals.items():  # "Azubis" has the synonyms of "Azubi"
        if singular in de_synonyms:
            de_synonyms.setdefault(plural, de_synonyms[singular])
    renderings: dict[str, Counter] = {}  # the same per German stem: every word of the stem together
    for word, counts in word_renderings.items():
        renderings.setdefault(stem(word, "de"), Counter()).update(counts)
    gloss = {key: _best_renderings(counts, en_freq) for key, counts in renderings.items()}
    gloss_words = {}  # only where the stem's renderings differ: seven in ten are the same, and the
    for word, counts in word_renderings.items():  # lexicon is read at every start
        if (best := _best_renderings(counts, en_freq)) != gloss[stem(word, "de")]:
            gloss_words[word] = best
    # A German word keeps its own translations where its main ones are not its stem's: "Arbeiter"
    # (worker) stems like "Arbeit" (work), "Wähler" (voter) like "Wahl" (election). Over 39 sets each
    # on its own articles 368 -> 367 wrong outcomes, all 31 articles in one index 613 -> 610, nothing
    # lost (German questions about English articles: "Wie viele Arbeiter werden noch vermisst?").
    de_en_words = {w: row for w, row in de_en_word.items() if _main(row) != _main(de_en[stem(w, "de")])}
    return Lexicon(en_de=WeightedRows.pack(en_de), de_en=WeightedRows.pack(de_en), de_vocab=vocab,
                   de_en_words=WeightedRows.pack(de_en_words),
                   en_heads=WeightedRows.pack(en_heads), de_heads=WeightedRows.pack(de_heads),
                   de_synonyms=WeightedRows.pack(de_synonyms),
                   gloss=PhraseRows.pack(gloss), gloss_words=PhraseRows.pack(gloss_words),
                   metonyms={k: tuple(sorted(v)) for k, v in metonyms.items()},
                   place_adjectives=_pair_place_adjectives(places),
                   places={lang: {w: kind for w, kind in names.items() if w not in common[lang]}
                           for lang, names in place_names.items()},
                   de_verbs={form: infs.most_common(1)[0][0] for form, infs in verb_forms.items()},
                   de_infinitives=frozenset(infinitives),
                   source=str(path), thesaurus=thesaurus)


def _best_renderings(counts: Counter, en_freq: Counter) -> tuple[str, ...]:
    """The GLOSS_ALTERNATIVES best English renderings: most (place-weighted) senses, then the commoner
    words."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -_commonness(kv[0], en_freq), kv[0]))
    chosen: dict[str, str] = {}  # English stems -> phrase: "conversations" adds nothing to "conversation"
    for phrase, _ in ranked:
        chosen.setdefault(" ".join(stem(w, "en") for w in phrase.split()), phrase)
        if len(chosen) == GLOSS_ALTERNATIVES:
            break
    return tuple(chosen.values())


def _add_synonyms(table: dict[str, dict[str, float]], members: Sequence[str]) -> None:
    """Count the words of one sense as synonyms of each other, keyed by stem."""
    for a in members if len(members) > 1 else ():
        row = table.setdefault(stem(a, "de"), {})
        for b in members:
            if stem(b, "de") != stem(a, "de"):
                row[b] = row.get(b, 0.0) + 1.0


def _collect_verb_forms(forms: dict[str, Counter], infinitives: set[str], de_subs: list[str]) -> None:
    """Note the verbs of one entry and their forms. A verb is the last word of each ';'-separated
    phrase of the first sub-entry ("mit etw. rechnen"); the sub-entries after it give its forms:
    participles, then persons ("er/sie spricht", "ich/er/sie sprach"), where the phrase's other words
    and the pronouns are left out. The list's examples that follow have more words than a form."""
    given_forms = [_words_of_synonyms(sub, "de") for sub in de_subs[1:VERB_FORMS + 1]]
    for k, phrase in enumerate(_words_of_synonyms(de_subs[0], "de")):
        if not phrase:
            continue
        inf, around = phrase[-1], set(phrase[:-1]) | _PERSONS
        infinitives.add(inf)
        for given in given_forms:
            form = [w for w in given[k] if w not in around] if k < len(given) else []
            if not 1 <= len(form) <= 2:
                continue
            variants = [" ".join(form)]
            if len(form) == 2:  # "lehnt ab": a separable verb only if the particle opens the infinitive
                particle = form[1]
                if not inf.startswith(particle) or len(inf) <= len(particle):
                    continue
                variants += [particle + form[0], particle + "zu" + inf[len(particle):]]
            for v in variants:
                if v != inf:
                    forms.setdefault(v, Counter())[inf] += 1


def _pair_capital(pairs: dict[str, set[str]], names: str, country: str) -> None:
    """Record capital <-> country for one entry ("Tehran; Teheran (Hauptstadt von Iran) [geogr.]")."""
    country_words = words(country)
    capitals = [t[0] for t in _words_of_synonyms(names, "de") if len(t) == 1]
    if len(country_words) != 1 or not capitals:
        return  # "Hauptstadt der Republik Korea", "Neu Delhi": a word-for-word match would mislead
    pairs.setdefault(stem(country_words[0], "de"), set()).update(capitals)
    for capital in capitals:
        pairs.setdefault(stem(capital, "de"), set()).add(country_words[0])


def _collect_place(places: dict[str, list[tuple[str, str]]], de_first: str, en_first: str) -> None:
    """Note a one-word place name ("Russland {n} ... :: Russia") or adjective ("russisch {adj} ::
    Russian") from the first sub-entry of a [geogr.] entry."""
    de_words = _words_of_synonyms(de_first.split(";")[0], "de")[0]
    en_words = _words_of_synonyms(en_first.split(";")[0], "en")[0]
    if len(de_words) != 1 or len(en_words) != 1:
        return
    kind = "adj" if "{adj}" in de_first else "noun" if _PLACE_NOUN.search(de_first) else None
    if kind:
        places[kind].append((de_words[0], en_words[0]))


def _collect_place_name(names: dict[str, dict[str, str]], common: dict[str, set[str]], de_first: str,
                        en_first: str) -> None:
    """Note the one-word names of a city or a country from the first sub-entry of an entry
    ("Moskau (Hauptstadt von Russland) [geogr.] :: Moscow (capital of Russia)"), or, of any other
    entry, its one-word headwords as common words ("Essen {n} :: food"; "Porzellan {n} :: china")."""
    de_words = [t[0] for t in _words_of_synonyms(_NOTES.sub(" ", de_first), "de") if len(t) == 1]
    en_words = [t[0] for t in _words_of_synonyms(_NOTES.sub(" ", en_first), "en") if len(t) == 1]
    kind = None
    if _GEOGRAPHY in de_first and "{adj}" not in de_first:
        bare = re.sub(r"\([^)]*\)", " ", de_first)  # without "(Kfz: /D/)"
        kind = "city" if _CITY.search(de_first) else "country" if _COUNTRY_CODE.search(bare) else None
        de_words += [a.lower() for a in _ABBREVIATION.findall(bare)]
    if kind is None:
        if "{" in de_first:
            common["de"].update(de_words)
        common["en"].update(w for w, raw in zip(en_words, en_first.split(";")) if raw.strip()[:1].islower())
        return
    for lang, found in (("de", de_words), ("en", en_words)):
        for w in found:
            names[lang].setdefault(w, kind)


def _pair_place_adjectives(places: dict[str, list[tuple[str, str]]]) -> dict[str, tuple[str, ...]]:
    """Place <-> adjective, both ways, keyed by German stem, where the English words match."""
    nouns: dict[str, list[tuple[str, str]]] = {}
    for de, en in places["noun"]:
        nouns.setdefault(en[:4], []).append((de, en))
    pairs: dict[str, set[str]] = {}
    for adj_de, adj_en in places["adj"]:
        for noun_de, noun_en in nouns.get(adj_en[:4], ()):
            shared = len(os.path.commonprefix([adj_en, noun_en]))
            if adj_en != noun_en and shared >= max(4, min(len(adj_en), len(noun_en)) - 1):
                pairs.setdefault(stem(noun_de, "de"), set()).add(adj_de)
                pairs.setdefault(stem(adj_de, "de"), set()).add(noun_de)
    return {k: tuple(sorted(v)) for k, v in pairs.items()}


def _commonness(phrase: str, freq: Counter) -> float:
    parts = phrase.split()
    return sum(freq[w] for w in parts) / len(parts)


def _cache_file(path: Path, thesaurus: Path | None) -> Path:
    files = [path] if thesaurus is None else [path, thesaurus]
    return cache_dir() / f"ding-{fingerprint(files, f'format={FORMAT}')}.pickle"


def list_path(path: str | os.PathLike | None = None) -> Path:
    """Where the word list is read from: `path`, else $QA_DING_PATH, else the Debian path."""
    return Path(path or os.environ.get(ENV_VAR) or DEFAULT_PATH)


def load(path: str | os.PathLike | None = None, thesaurus: str | os.PathLike | None = None) -> Lexicon:
    """The lexicon from `path`, $QA_DING_PATH or the Debian path, with the German thesaurus from
    `thesaurus`, $QA_THESAURUS_PATH or its Debian path; cached after the first parse.

    Returns an empty Lexicon (and logs one warning per process) when the list is not installed,
    with only the thesaurus's synonyms (read each time, not cached) when that is. Without the
    thesaurus, one warning too.
    """
    global _warned, _thesaurus_warned
    where, synonyms = list_path(path), thesaurus_path(thesaurus)
    if not synonyms.is_file():
        if not _thesaurus_warned:
            log.warning("German thesaurus not found at %s, so German questions get fewer synonyms; %s",
                        synonyms, THESAURUS_HINT)
            _thesaurus_warned = True
        synonyms = None
    if not where.is_file():
        if not _warned:
            log.warning("German-English word list not found at %s, so questions are not translated; %s",
                        where, INSTALL_HINT)
            _warned = True
        if synonyms is None:
            return Lexicon(source=str(where))
        table: dict[str, dict[str, float]] = {}
        for members in read_synsets(synonyms):
            _add_synonyms(table, members)
        return Lexicon(de_synonyms=table, source=str(where), thesaurus=str(synonyms))
    cached = _cache_file(where, synonyms)
    try:
        with open(cached, "rb") as fh:
            lex = pickle.load(fh)
        if isinstance(lex, Lexicon):
            return lex
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass  # absent or damaged: parse again
    log.info("Reading the German-English word list %s once, which takes about half a minute (cached in %s)",
             where, cached.parent)
    lex = parse(where) if synonyms is None else parse(where, read_synsets(synonyms), str(synonyms))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cached.parent, delete=False, suffix=".tmp") as fh:
            pickle.dump(lex, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, cached)  # atomic: a reader never sees half a file
        prune(cached.parent, "ding-*.pickle", keep=cached)  # older formats, or a list since changed
    except OSError as exc:
        log.info("could not cache the word list in %s: %s", cached.parent, exc)
    return lex
