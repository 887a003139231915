"""Question answering over news articles that quotes and cites the exact source sentences.

    from qa import ask
    answer = ask("What did Kim Yo Jong warn?")
    print(answer.text)
    for c in answer.citations:
        print(c.number, c.source, c.sentence, c.text)
"""
from .answer import MAX_QUESTION_CHARS, NOT_COVERED, check_question
from .build import BuildReport, build_index
from .embedder import BUNDLED, Embedder, load_embedder
from .errors import IndexStoreError, ModelError, QAError, QuestionError, SeedsError
from .pipeline import QA, IndexStatus, ask, get_qa
from .staleness import Changes
from .types import Answer, Citation, Hit, Sentence, Source

__all__ = [
    "ask", "get_qa", "QA", "IndexStatus", "Changes",
    "Answer", "Citation", "Hit", "Sentence", "Source",
    "build_index", "BuildReport", "Embedder", "load_embedder", "BUNDLED",
    "QAError", "QuestionError", "SeedsError", "ModelError", "IndexStoreError",
    "MAX_QUESTION_CHARS", "NOT_COVERED", "check_question",
]
