"""Turn ranked sentences into an answer that quotes them, or says the articles do not cover it."""
from __future__ import annotations

from typing import Callable

from .types import Answer, Citation, Hit

NOT_COVERED = "The articles do not cover this question, so there is nothing to cite."
MAX_QUESTION_CHARS = 1000

# source name -> (file text, date)
SourceText = Callable[[str], tuple[str, "str | None"]]


def compose_answer(question: str, hits: list[Hit], source_text: SourceText, *,
                   top_k: int, min_score: float) -> Answer:
    """Cite the best `top_k` hits that reach `min_score`; none reaching it means "not covered".

    The answer quotes the cited sentences verbatim, best first, each followed by its [n] marker:
    the product never says more than the sources do.
    """
    relevant = [h for h in hits if h.score >= min_score][:top_k]
    if not relevant:
        return Answer(question=question, text=NOT_COVERED, citations=[])
    citations = []
    for number, hit in enumerate(relevant, start=1):
        s = hit.sentence
        text, date = source_text(s.source)
        citations.append(Citation(
            number=number, text=s.text, source=s.source, sentence=s.index, score=round(hit.score, 4),
            start=s.start, end=s.end, date=date,
            paragraph=text[s.paragraph_start:s.paragraph_end], paragraph_start=s.paragraph_start,
        ))
    return Answer(question=question, text=_quote(citations), citations=citations)


def _quote(citations: list[Citation]) -> str:
    sources = {(c.source, c.date) for c in citations}
    if len(sources) == 1:
        source, date = next(iter(sources))
        lead = f"According to {source}" + (f" ({date})" if date else "") + ":"
    else:
        lead = "According to the articles:"
    return lead + "\n" + "\n".join(f"- {c.text} [{c.number}]" for c in citations)


def check_question(question: object) -> str:
    """The question with surrounding whitespace removed; raises QuestionError when unusable."""
    from .errors import QuestionError

    if not isinstance(question, str):
        raise QuestionError(f"The question must be text, not {type(question).__name__}.")
    q = " ".join(question.split())
    if not q:
        raise QuestionError("The question is empty: type a question about the articles.")
    if len(q) > MAX_QUESTION_CHARS:
        raise QuestionError(f"The question is {len(q):,} characters long; the limit is {MAX_QUESTION_CHARS:,}. "
                            "Ask something shorter.")
    return q
