"""Turn ranked sentences into an answer that quotes them, or says the articles do not cover it."""
from __future__ import annotations

from typing import Callable

from .types import Answer, Citation, Hit

NOT_COVERED = "The articles do not cover this question, so there is nothing to cite."
# A citation scoring below this share of the best one is offered as "possibly related", not as
# the answer: it is often a neighbouring fact, and presenting it as the answer would overclaim.
ANSWER_SHARE = 0.75
MAX_QUESTION_CHARS = 1000

# source name -> (file text, date)
SourceText = Callable[[str], tuple[str, "str | None"]]


def compose_answer(question: str, hits: list[Hit], source_text: SourceText, *, top_k: int) -> Answer:
    """Cite the best `top_k` hits; no hits (the retriever abstained) means "not covered".

    The answer quotes the cited sentences verbatim, best first, each followed by its [n] marker:
    the product never says more than the sources do.
    """
    relevant = hits[:top_k]
    if not relevant:
        return Answer(question=question, text=NOT_COVERED, citations=[])
    citations = []
    cutoff = ANSWER_SHARE * relevant[0].score if relevant[0].score > 0 else float("-inf")
    for number, hit in enumerate(relevant, start=1):
        s = hit.sentence
        text, date = source_text(s.source)
        citations.append(Citation(
            number=number, text=s.text, source=s.source, sentence=s.index, score=round(hit.score, 4),
            start=s.start, end=s.end, date=date,
            paragraph=text[s.paragraph_start:s.paragraph_end], paragraph_start=s.paragraph_start,
            related=hit.score < cutoff,
        ))
    return Answer(question=question, text=_quote(citations), citations=citations)


def _quote(citations: list[Citation]) -> str:
    answer = [c for c in citations if not c.related]
    related = [c for c in citations if c.related]
    sources = {(c.source, c.date) for c in answer}
    if len(sources) == 1:
        source, date = next(iter(sources))
        lead = f"According to {source}" + (f" ({date})" if date else "") + ":"
    else:
        lead = "According to the articles:"
    lines = [lead] + [f"- {c.text} [{c.number}]" for c in answer]
    if related:
        lines += ["Possibly related:"] + [f"- {c.text} [{c.number}]" for c in related]
    return "\n".join(lines)


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
