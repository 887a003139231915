"""German separable verbs -> infinitive: "lehnte ... ab", "abgelehnt", "abzulehnen" -> ablehnen.

German splits such a verb across the clause ("Die Linke lehnte das Paket ab"), puts "ge" or "zu"
inside it ("abgelehnt", "abzusprechen") and joins it again in a subordinate clause ("wenn man es ihm
abspricht"). The stemmer sees five unrelated words where a reader sees one verb, and the word list
translates only the infinitive ("ablehnen" :: "to reject"). So a form of a separable verb is also
indexed (and asked) as its infinitive.

The forms come from the word list, which gives the participles and persons of many verbs
("ablehnen | ablehnend | abgelehnt | lehnt ab | lehnte ab"); the others are read by rule, always
checked against the list's infinitives:

- a particle before a form: "abspricht" = ab + spricht (sprechen) -> absprechen;
- "zu" after the particle: "abzusprechen" -> absprechen;
- regular endings: "stimmte ... zu" = stimm-te (stimmen) + zu -> zustimmen.

Other inflection is left to the stemmer: reading every verb form as its infinitive ("trifft" ->
treffen) measured worse on the German test sets (49 -> 50 wrong outcomes) than separable verbs alone
(49 -> 46). One exception: the stemmer keeps the "ge" of a past participle, so a question in the
perfect ("Wann haben sie sich getroffen?") also asks for the verb's other forms ("traf", "trifft";
`participle_of`, `forms_of`). Only words written in lower case count (German capitalises nouns:
"Anfang" is not a form of "anfangen"), except the first word of a sentence, often the verb of a
question.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Mapping

_CLAUSE_END = re.compile(r"([,;:.!?()\[\]„“”\"»«–—]|\s-\s)")  # where a split particle must stand
_SENTENCE_END = {".", "!", "?"}
_LETTERS = re.compile(r"[^\W\d_]+")
_ENDINGS = ("test", "tet", "ten", "te", "st", "t", "e")  # regular (weak) verb endings, longest first
MIN_PREFIX = 2  # "ab", "an": shortest prefix read before a known form
MIN_BASE = 3  # shortest verb form a prefix is read before ("gab" from "abgab")
MIN_PARTICLE_VERBS = 3  # a particle opens at least this many of the list's split verbs


class SeparableVerbs:
    """Finds the infinitive of the forms of German separable verbs in a text.

    Args:
        forms: verb form -> infinitive, as the word list gives them ("lehnte ab" -> "ablehnen").
        infinitives: the word list's verbs; an infinitive found by rule must be one of them.
    """

    def __init__(self, forms: Mapping[str, str], infinitives: frozenset[str] | set[str]):
        self.forms = forms
        self.infinitives = frozenset(infinitives)
        # The particles of split forms ("lehnt ab" -> "ab"), in enough verbs not to be a slip.
        opened = Counter(particle for particle, inf in
                         {(f.rsplit(" ", 1)[1], inf) for f, inf in forms.items() if " " in f})
        self.particles = frozenset(p for p, n in opened.items() if n >= MIN_PARTICLE_VERBS)
        self.infinitive = lru_cache(maxsize=65536)(self.infinitive)
        self._by_infinitive: dict[str, frozenset[str]] | None = None  # built when first asked for

    def infinitive(self, word: str) -> str | None:
        """The infinitive of a lower-cased verb form (of any verb), or None when none is found."""
        if word in self.forms:
            return self.forms[word]
        return self._by_ending(word) or self._by_prefix(word)

    def participle_of(self, word: str) -> str | None:
        """The infinitive of the verb whose past participle `word` is ("gefeiert" -> feiern), if any.
        German news tells in the simple past ("feierten", "traf"), a question in the perfect ("Wo
        haben sie gefeiert?", "Wann haben sie sich getroffen?"), and the stemmer keeps the "ge"."""
        shaped = word.startswith("ge") and word.endswith(("t", "en")) and len(word) > 4
        infinitive = self.infinitive(word) if shaped else None
        # The verb starts where the participle does after its "ge" ("gestern" is no form of "sein"),
        # and a verb starting with "ge" ("gewinnen": "gewonnen") has no "ge" in its participle.
        if infinitive is None or infinitive.startswith("ge") or infinitive[0] != word[2]:
            return None
        return infinitive

    def forms_of(self, infinitive: str) -> frozenset[str]:
        """The word list's one-word forms of a verb ("treffen": traf, trifft, getroffen, ...)."""
        if self._by_infinitive is None:
            by_infinitive: dict[str, set[str]] = {}
            for form, inf in self.forms.items():
                # The list files some forms under the wrong verb ("verhexte" under "bringen"): a
                # form starts like its infinitive ("traf", "trifft" of "treffen"; "bot" of "bieten"),
                # or after a participle's "ge" ("getroffen").
                if " " not in form and (form[0] == inf[0] or form.startswith("ge" + inf[0])):
                    by_infinitive.setdefault(inf, set()).add(form)
            self._by_infinitive = {inf: frozenset(forms) for inf, forms in by_infinitive.items()}
        return self._by_infinitive.get(infinitive, frozenset())

    def separable(self, infinitive: str) -> bool:
        """Whether `infinitive` is a particle and a listed verb: "ablehnen" = ab + lehnen."""
        return any(infinitive[:cut] in self.particles and infinitive[cut:] in self.infinitives
                   for cut in range(MIN_PREFIX, len(infinitive) - MIN_BASE + 1))

    def _by_ending(self, word: str) -> str | None:
        if word.startswith("ge") and word.endswith("t"):  # "gewarnt" -> warnen
            if (inf := self._regular(word[2:-1])) is not None:
                return inf
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_BASE:
                if (inf := self._regular(word[: -len(ending)])) is not None:
                    return inf
        return None

    def _regular(self, base: str) -> str | None:
        """The infinitive of a regular verb stem ("warn" -> warnen, "änder" -> ändern), if listed."""
        for inf in (base + "en", base + "n"):
            if inf in self.infinitives:
                return inf
        return None

    def _by_prefix(self, word: str) -> str | None:
        """A prefix before a form of a listed verb: "abspricht" -> absprechen, "abzusprechen" too."""
        for cut in range(MIN_PREFIX, len(word) - MIN_BASE + 1):
            prefix, rest = word[:cut], word[cut:]
            if rest.startswith("zu") and prefix + rest[2:] in self.infinitives:
                return prefix + rest[2:]
            base = self.forms.get(rest) or self._by_ending(rest)
            if base is not None and prefix + base in self.infinitives:
                return prefix + base
        return None

    def find(self, text: str) -> dict[str, str]:
        """The separable verbs of German `text`: word -> infinitive, where the word is not it.

        A clause ending in a particle joins it to its verb: in "Die Linke lehnte das Paket ab",
        "lehnte" -> ablehnen.
        """
        found: dict[str, str] = {}
        pieces = _CLAUSE_END.split(text)  # clause, mark, clause, mark, ..., clause
        opens_sentence = True
        for i in range(0, len(pieces), 2):
            raw = _LETTERS.findall(pieces[i])
            mark = pieces[i + 1].strip() if i + 1 < len(pieces) else ""
            if raw:
                self._clause(raw, opens_sentence, found)
            opens_sentence = mark in _SENTENCE_END or (opens_sentence and not raw)
        return found

    def _clause(self, raw: list[str], opens_sentence: bool, found: dict[str, str]) -> None:
        lowered = [r.lower() for r in raw]
        particle = lowered[-1] if len(raw) > 1 and lowered[-1] in self.particles else None
        for i, (r, w) in enumerate(zip(raw, lowered)):
            if not (r.islower() or (i == 0 and opens_sentence)) or w == particle:
                continue
            own, inf = self.infinitive(w), None
            if particle:  # "lehnte ... ab": the list's split form, or the particle before the verb
                inf = self.forms.get(f"{w} {particle}")
                if inf is None and particle + (own or w) in self.infinitives:
                    inf = particle + (own or w)
            inf = inf or own
            if inf and inf != w and self.separable(inf):
                found.setdefault(w, inf)
