"""The sentences around the best one, when it cannot be read without them.

News reports introduce a speaker in one sentence and give what was said in the next: "Finance
Minister Eichel drew a positive first balance." then "The changeover had been a feat of logistics,
he said." A question about what the minister said matches the first; the answer is the second.
So when the sentence after the best hit continues it (same paragraph, opening with a pronoun or a
connective, or in the reported speech of German's Konjunktiv I), it is cited too.

More generally, a sentence's neighbours in its paragraph are about what it is about: the sentence
that matches a question's words names the topic, the one beside it often holds the answer. "Why
didn't anyone warn people before the waves hit?" matches "Warum wurden die Menschen nicht
gewarnt?"; the next sentence answers it ("Anders als im Pazifik gibt es im Indischen Ozean kein
Frühwarnsystem für Tsunamis").
`neighbour_best` gives each candidate the score of its best neighbour, for the ranker to share.

The other way round, a best hit that opens by pointing back ("Dies dürfe nicht ... instrumentalisiert
werden") says what "dies" is only with the sentence before it, which is then cited too.
"""
from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from .types import Hit, Sentence

_BY_AGE = r"(?:der|die|the) \d+-(?:jährige|year-old)\b"  # "die 43-Jährige": the person just named
# "Es" that stands for nothing: "Es wird erwartet, dass ...", "Es gibt ...", "Es kam zu ...".
_ES = r"es(?!\s+(?:gibt|gab|geht|ging|kam|kommt|handelt|wird erwartet|wurde erwartet|heißt|hieß)\b)"
_CONTINUES = re.compile(
    rf"^(?:er|sie|{_ES}|dies|das|dabei|damit|zudem|außerdem|he|she|it|they|this)\b"  # refers back
    r"|\b(?:sagte|so|erklärte|betonte|fügte) (?:er|sie)\b|\bhieß es\b"  # "..., sagte er."
    r"|\b(?:he|she|they) (?:said|added|stressed)\b"
    rf"|\b{_BY_AGE}",  # "..., sagte die 43-Jährige."
    re.IGNORECASE)
# Reported speech (Konjunktiv I) carries on the sentence before, unless it names its own speaker:
# "Andrea Nahles (SPD) betonte, niemand solle ..." and "..., sagte der Gastwirt Helmut Brandt" start
# afresh, where "..., sagte der Politiker" refers back to the person just named.
_REPORTED = re.compile(r"\b(?:sei|seien|habe|werde|könne|müsse|solle|wolle|dürfe)\b", re.IGNORECASE)
_SPEECH = r"(?:sagte|betonte|erklärte|warnte|forderte|kritisierte|meinte|kündigte|berichtete)"
_NAME = r"(?!(?:Der|Die|Das|Ein|Eine)\b)[A-ZÄÖÜ]\w+ [A-ZÄÖÜ]\w+"  # "Andrea Nahles", "Gastwirt Helmut"
_OWN_SPEAKER = re.compile(rf"{_NAME}(?: \(\w+\))? {_SPEECH}\b|\b{_SPEECH} (?:der |die )?{_NAME}")
# Opening words that stand for something in the sentence before. Not "das": it opens as many
# sentences as an article ("Das Treffen ...") as it does as a pronoun.
_REFERS_BACK = re.compile(rf"^(?:er|sie|{_ES}|dies|diese[mnrs]?|dabei|damit|dadurch|he|she|it|they|this|these)\b"
                          rf"|^{_BY_AGE}", re.IGNORECASE)


# "dort", "there": a place named only in the sentence before ("Die Wellen trafen auf Sri Lanka."
# then "Dort kamen mindestens 18.700 Menschen ums Leben."); not the "there" of "there are".
_THERE = re.compile(r"\b(?:dort|dorthin|dortige[mnrs]?|there(?!\s+(?:is|are|was|were|has|have|had|will|would"
                    r"|could|might|may|must|seems?|seemed|appears?|appeared|remains?|remained)\b)(?!'s))\b",
                    re.IGNORECASE)


def continues(text: str) -> bool:
    """Whether a sentence reads as carrying on from the one before it."""
    if _CONTINUES.search(text):
        return True
    return _REPORTED.search(text) is not None and _OWN_SPEAKER.search(text) is None


def refers_back(text: str) -> bool:
    """Whether a sentence opens with a word that stands for something in the one before it."""
    return _REFERS_BACK.search(text) is not None


def leans_back(text: str) -> bool:
    """Whether a sentence needs the one before to say what it is about: it opens by pointing back
    (`refers_back`), or names a place only as "dort" or "there"."""
    return refers_back(text) or _THERE.search(text) is not None


def _neighbour(sentences: Sequence[Sentence], row: int, step: int) -> Sentence | None:
    """The sentence `step` (+1 or -1) from `sentences[row]` in the same paragraph, if any.

    An index keeps each source's sentences in order, so the neighbour is the neighbouring row.
    """
    if not 0 <= row + step < len(sentences):
        return None
    this, other = sentences[row], sentences[row + step]
    same_place = other.follows(this) if step > 0 else this.follows(other)
    return other if same_place else None


def following(sentences: Sequence[Sentence], row: int) -> Sentence | None:
    """The sentence after `sentences[row]` in the same paragraph, if it continues it."""
    after = _neighbour(sentences, row, +1)
    return after if after is not None and continues(after.text) else None


def preceding(sentences: Sequence[Sentence], row: int) -> Sentence | None:
    """The sentence before `sentences[row]` in the same paragraph, if `sentences[row]` refers back to it."""
    return _neighbour(sentences, row, -1) if refers_back(sentences[row].text) else None


def neighbour_best(sentences: Sequence[Sentence], rows: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Per row of `rows`: the best of `scores` (0 at least) among the row's neighbours in the same
    paragraph that are in `rows` too, or 0 where it has none."""
    at = {int(row): i for i, row in enumerate(rows)}  # sentence row -> position in rows
    floor = np.maximum(scores, 0.0)
    best = np.zeros(len(rows))
    for i, row in enumerate(rows.tolist()):
        for step in (-1, 1):
            j = at.get(row + step)
            if j is not None and _neighbour(sentences, row, step) is not None:
                best[i] = max(best[i], floor[j])
    return best


def cite_with_context(hits: list[Hit], context: Sequence[Hit], k: int, span: int = 3) -> list[Hit]:
    """`hits` with the first hit's `context` (what it refers back to, then what continues it) after
    it, each before the later hits that score less than it does; a context sentence within the first
    `span` already stays where it is."""
    context = [c for c in context if all(h.sentence != c.sentence for h in hits[:span])]
    if not hits or not context:
        return hits
    rest = [h for h in hits[1:] if all(h.sentence != c.sentence for c in context)]
    return [hits[0], *sorted([*context, *rest], key=lambda h: -h.score)][:k]  # stable: context first on ties
