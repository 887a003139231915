"""German sentences glossed word by word into English, so an English-only model can read them.

The default embedding model knows English. A German sentence embedded as it is lands near German
text, not near the English question that asks about it; its gloss lands near the question.

    "Pjöngjang stellt Moskau Truppen und Waffen ... zur Verfügung."
    -> "pyongyang made available places muscovite ... weapon gun ... disposal"

The gloss is crude (every word rendered alone, two readings each), but a sentence model reads it well
enough: on the dev, held-out and blind questions, English questions found the answer among the first
three for 0.47 of them by the German sentence alone and 0.78 by its gloss. It is built from the ding
word list at index time.

A German question is glossed the same way when it is asked, and compared with the glosses
(`qa.retrieve.DenseRetriever`): "wann ist der akku leer" reads "battery" as "Batterie" does. Glossing a
question takes about 10 microseconds, and it is embedded in place of the question, not beside it.
"""
from __future__ import annotations

from .analysis import STOP, CompoundSplitter, guess_language, stem, words
from .lexicon import FORMAT as LEXICON_FORMAT
from .lexicon import Lexicon

VERSION = 4  # bump when the gloss of a sentence changes, so indexes are rebuilt
READINGS = 2  # English renderings written per German word


def signature(readings: int = READINGS) -> str:
    """Names what the glosses depend on, the tables derived from the word list among them; an index
    built with another signature is rebuilt."""
    return f"ding-gloss-v{VERSION}-lexicon{LEXICON_FORMAT}-r{readings}"


class Glosser:
    """Renders German text as English words with the ding list; English text is left as it is."""

    def __init__(self, lexicon: Lexicon, readings: int = READINGS):
        if not lexicon.gloss:
            raise ValueError("glossing needs the German-English word list (lexicon.gloss is empty)")
        self.table = lexicon.gloss
        self.words = lexicon.gloss_words
        self.readings = readings
        self.splitter = CompoundSplitter(lexicon.de_vocab)

    @property
    def signature(self) -> str:
        return signature(self.readings)

    def needs_gloss(self, text: str) -> bool:
        return guess_language(text) == "de"

    def gloss(self, text: str) -> str:
        """English words for `text` (German), word by word; names and unknown words kept as they are."""
        out: list[str] = []
        for word in words(text):
            if word not in STOP["de"]:
                out.extend(self._word(word, self.readings))
        return " ".join(out)

    def _word(self, word: str, readings: int) -> list[str]:
        # The word as the list writes it, else any word of its stem: "Beton" is rendered "concrete",
        # not "emphasise" ("betonen" stems alike). Measured over fourteen question sets, each on its
        # own articles, 206 -> 200 wrong outcomes, and all twelve articles in one index 233 -> 227.
        found = self.words.get(word) or self.table.get(stem(word, "de"))
        if found:
            return list(found[:readings])
        parts = self.splitter.split(word)[:2]  # the top split: "verteidigungspakt" -> verteidigung, pakt
        if not parts:
            return [word]
        return [r for part in parts for r in self._word(part, 1)]
