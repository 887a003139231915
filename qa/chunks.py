"""Chunks: each sentence with its neighbours in the same paragraph, embedded to give it context."""
from __future__ import annotations

from .types import Chunk, Sentence

CONTEXT = 1  # neighbours on each side


def make_chunks(sentences: list[Sentence], context: int = CONTEXT) -> list[Chunk]:
    """One chunk per sentence (same order): the sentence and up to `context` neighbours each side.

    A citation always points to the chunk's centre sentence; the neighbours only add context,
    e.g. a sentence that says "she" next to the one that names her.
    """
    if context < 0:
        raise ValueError(f"context must be >= 0, got {context}")
    chunks = []
    for i, s in enumerate(sentences):
        lo = i
        while lo > 0 and i - lo < context and _same_paragraph(sentences[lo - 1], s):
            lo -= 1
        hi = i + 1
        while hi < len(sentences) and hi - i <= context and _same_paragraph(sentences[hi], s):
            hi += 1
        text = " ".join(x.text for x in sentences[lo:hi])
        chunks.append(Chunk(source=s.source, first=sentences[lo].index, stop=sentences[hi - 1].index + 1, text=text))
    return chunks


def _same_paragraph(a: Sentence, b: Sentence) -> bool:
    return a.source == b.source and a.paragraph == b.paragraph
