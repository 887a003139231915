"""Split an article into paragraphs and sentences, keeping character offsets into the file."""
from __future__ import annotations

import re
from functools import lru_cache

from .types import Source, Sentence

# Bumped whenever the splitting changes, so indexes built with the old rules are rebuilt.
SEGMENTER_VERSION = "pysbd-0.3.4/de/4"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A segment that opens like this continues the previous sentence: pysbd splits after some
# abbreviations ("u. a., dass ..."), and a German sentence never starts lower-case or with a comma.
_CONTINUATION = re.compile(r"[a-zäöüß,;:)\]–-]")
# An ordinal after an article or a contracted preposition: pysbd cuts "Es lief die 113. Minute" after
# "113.", though a German sentence does not end in an article and a number.
_ORDINAL_END = re.compile(r"\b(?:der|die|das|dem|den|des|am|im|vom|zum|zur|beim|ins)\s+\d{1,4}\.$",
                          re.IGNORECASE)
# A dateline opens a report's first paragraph: "Rom. Mit einer knappen Erklärung ...", "DARMSTADT/KÖLN,
# 13. November 2014. Nach ...". pysbd makes it a sentence of its own, which then answers nothing and
# is cited for questions naming the place ("Wie reagiert das Wolfsburger Stadtoberhaupt?"); it
# belongs to the sentence it opens. A place is one capitalised word, or names joined by "/" or a
# particle ("Rio de Janeiro"); two capitalised words are a place only before a date, as German
# capitalises its nouns ("Großer Jubel.").
_NAME = r"[A-ZÄÖÜ][\w'’-]*"
_DATE = r",\s*\d{1,2}\.\s+\w+\s+\d{4}"
_DATELINE = re.compile(rf"{_NAME}(?:(?:/| (?:de|da|del|la|le|am|an|im|upon|on) ){_NAME}){{0,2}}(?:{_DATE})?\."
                       rf"|{_NAME}(?: {_NAME}){{1,2}}{_DATE}\.")
_NO_WORDS = re.compile(r"[\W_]+")  # punctuation left alone belongs to the sentence before
_SENTENCE_END = re.compile(r"[.!?:;…“”\"»«')]$")


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="de", clean=False)


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the blank-line separated paragraphs of `text[start:]`, stripped."""
    spans, pos = [], start
    for brk in _PARAGRAPH_BREAK.finditer(text, start):
        spans.append((pos, brk.start()))
        pos = brk.end()
    spans.append((pos, len(text)))
    return [_strip(text, a, b) for a, b in spans if text[a:b].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_spans(text: str, start: int, end: int, lead: bool = False) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets inside one paragraph; `lead`: the article's first paragraph,
    where a dateline joins the sentence it opens."""
    spans: list[tuple[int, int]] = []
    # Within a paragraph a line break is only wrapping; same length, so offsets stay valid.
    flat = text[start:end].replace("\n", " ")
    cursor = 0
    for segment in _segmenter().segment(flat):
        piece = segment.strip()
        if not piece:
            continue
        a = flat.index(piece, cursor)  # segments come in order and are substrings
        b = a + len(piece)
        cursor = b
        a, b = a + start, b + start
        if spans and piece[0] in "\"'" and (len(piece) == 1 or piece[1].isspace()):
            # pysbd cuts before a straight closing quote: 'He said: "We stopped it.' + '" Then ...'
            spans[-1] = (spans[-1][0], a + 1)
            rest = piece[1:].lstrip()
            if not rest:
                continue
            piece, a = rest, b - len(rest)
        if spans and (_CONTINUATION.match(piece) or _NO_WORDS.fullmatch(piece)
                      or _ORDINAL_END.search(text, *spans[-1])  # the sentence before ends "die 113."
                      or (lead and len(spans) == 1 and _DATELINE.fullmatch(text, *spans[0]))):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def split_sentences(source: Source) -> list[Sentence]:
    """The sentences of a source, in order; a heading (a paragraph without a full stop) is one sentence."""
    sentences: list[Sentence] = []
    paras = paragraphs(source.text, source.body_start)
    # The first paragraph that ends like a sentence, after the headline.
    lead = next((p for p, (a, b) in enumerate(paras) if _SENTENCE_END.search(source.text, a, b)), None)
    for p, (pa, pb) in enumerate(paras):
        for a, b in _sentence_spans(source.text, pa, pb, lead=p == lead):
            sentences.append(
                Sentence(
                    source=source.name,
                    index=len(sentences),
                    text=" ".join(source.text[a:b].split()),
                    start=a,
                    end=b,
                    paragraph=p,
                    paragraph_start=pa,
                    paragraph_end=pb,
                )
            )
    return sentences


def is_heading(sentence: Sentence) -> bool:
    """Whether `sentence` is a heading: a paragraph of its own that does not end like a sentence."""
    alone = (sentence.start, sentence.end) == (sentence.paragraph_start, sentence.paragraph_end)
    return alone and not _SENTENCE_END.search(sentence.text)
