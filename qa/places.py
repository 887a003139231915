"""Cities and countries named in text, from the word list's place names (`Lexicon.places`).

"In welcher Stadt ...?" is answered by a sentence that names a city the question does not: "In
which city in Alaska will they meet?" is not answered by "... in Alaska ...", and "In what city is
the university?" is answered by "... in Seoul".
"""
from __future__ import annotations

from typing import Mapping

from qa.analysis import words


class Places:
    """Finds the cities and countries a text names; `kinds[lang][word]` is "city" or "country"."""

    def __init__(self, kinds: Mapping[str, Mapping[str, str]]):
        self.kinds = kinds

    def named(self, text: str, lang: str, kind: str) -> frozenset[str]:
        """The places of `kind` that `text` (in `lang`) names, as written there, lower-cased; a
        genitive counts ("Nordkoreas")."""
        table = self.kinds.get(lang, {})
        found = set()
        for w in words(text):
            name = w if w in table else w[:-1] if w.endswith("s") and w[:-1] in table else None
            if name and table[name] == kind:
                found.add(name)
        return frozenset(found)

    def asked(self, question: str, kind: str) -> frozenset[str]:
        """The places of `kind` a question names, read in every language."""
        return frozenset().union(*(self.named(question, lang, kind) for lang in self.kinds))
