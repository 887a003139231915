"""The sentence after the best one, when it carries on what that one began.

News reports introduce a speaker in one sentence and give what was said in the next: "Finance
Minister Eichel drew a positive first balance." then "The changeover had been a feat of logistics,
he said." A question about what the minister said matches the first; the answer is the second.
So when the sentence after the best hit continues it (same paragraph, opening with a pronoun or a
connective, or in the reported speech of German's Konjunktiv I), it is cited second.
"""
from __future__ import annotations

import re
from typing import Sequence

from .types import Hit, Sentence

_CONTINUES = re.compile(
    r"^(?:er|sie|es|dies|das|dabei|damit|zudem|außerdem|he|she|it|they|this)\b"  # refers back
    r"|\b(?:sagte|so|erklärte|betonte|fügte) (?:er|sie)\b|\bhieß es\b"  # "..., sagte er."
    r"|\b(?:he|she|they) (?:said|added|stressed)\b"
    r"|\b(?:sei|seien|habe|werde|könne|müsse|solle|wolle|dürfe)\b",  # reported speech (Konjunktiv I)
    re.IGNORECASE)


def continues(text: str) -> bool:
    """Whether a sentence reads as carrying on from the one before it."""
    return _CONTINUES.search(text) is not None


def following(sentences: Sequence[Sentence], row: int) -> Sentence | None:
    """The sentence after `sentences[row]` in the same paragraph, if it continues it.

    An index keeps each source's sentences in order, so the next one is the next row.
    """
    if row + 1 >= len(sentences):
        return None
    this, after = sentences[row], sentences[row + 1]
    same_place = (after.source, after.index, after.paragraph) == (this.source, this.index + 1, this.paragraph)
    return after if same_place and continues(after.text) else None


def cite_with_continuation(hits: list[Hit], after: Sentence | None, k: int, span: int = 3) -> list[Hit]:
    """`hits` with `after`, the continuation of the first hit, second, unless within `span` already."""
    if not hits or after is None or any(h.sentence == after for h in hits[:span]):
        return hits
    rest = [h for h in hits[1:] if h.sentence != after]
    return [hits[0], Hit(after, hits[0].score), *rest][:k]
