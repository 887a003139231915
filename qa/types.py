"""Small frozen records passed between the stages: source -> sentences -> chunks -> hits -> answer."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Source:
    """One article file under the seeds folder, with the metadata from its header."""

    name: str  # file name relative to the seeds folder, e.g. "2025-08-13_putin-kim.txt"
    text: str  # the whole file as read (UTF-8), offsets below index into this
    sha256: str  # of the file's bytes
    date: str | None = None  # from a leading "date YYYY-MM-DD" header
    body_start: int = 0  # offset where the article proper starts (after the header)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a source; `start`/`end` are character offsets into `Source.text`."""

    source: str
    index: int  # 0-based position of the sentence in its source
    text: str  # whitespace-normalised sentence text
    start: int
    end: int
    paragraph: int  # 0-based paragraph number in the source
    paragraph_start: int  # offsets of the enclosing paragraph in Source.text
    paragraph_end: int

    def follows(self, other: Sentence) -> bool:
        """Whether this sentence comes right after `other` in the same paragraph."""
        return (self.source, self.paragraph, self.index) == (other.source, other.paragraph, other.index + 1)


@dataclass(frozen=True)
class Chunk:
    """A window of whole sentences of one paragraph, embedded to give a sentence its context."""

    source: str
    first: int  # index of the first sentence in the window
    stop: int  # one past the last sentence
    text: str


@dataclass(frozen=True)
class Hit:
    """A retrieved sentence with its relevance score (higher is better)."""

    sentence: Sentence
    score: float


@dataclass(frozen=True)
class Citation:
    """A source sentence an answer rests on; `number` is the n of the [n] marker."""

    number: int
    text: str  # the source sentence as it stands in the file, whitespace normalised
    source: str  # file name under the seeds folder
    sentence: int  # 0-based position of the sentence in the source
    score: float
    start: int  # character offsets of the sentence in the source file
    end: int
    date: str | None = None  # the source's date from its metadata header
    paragraph: str = ""  # the enclosing paragraph, as it stands in the file
    paragraph_start: int = 0  # offset of `paragraph` in the source file
    related: bool = False  # ranked well below the best: shown as "possibly related", not as the answer

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    """The reply to one question: readable text with [n] markers and the citations behind them."""

    question: str
    text: str
    citations: list[Citation] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        """False when the articles do not cover the question (then there are no citations)."""
        return bool(self.citations)

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "text": self.text,
            "answered": self.answered,
            "citations": [c.to_dict() for c in self.citations],
        }
