"""A small stand-in for the `qa` contract in PLAN.md, used until (and beside) the real core.

It answers from the real seed files with a crude keyword match, so the UI can be driven end to end
with true sentences and offsets, without loading a model. It is test code: `ui/` never imports it.
"""
from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from qa.errors import QAError, QuestionError
from qa.types import Answer, Citation

MAX_QUESTION_CHARS = 1000
NOT_COVERED = "The articles do not cover this question."
_STOP = {"what", "did", "does", "the", "was", "who", "how", "haben", "hat", "die", "der", "das", "und"}


@dataclass(frozen=True)
class FakeStatus:
    model: str
    n_sources: int
    n_sentences: int
    built_at: str | None
    stale: bool
    changes: list[str] = field(default_factory=list)


def _sentences(name: str, text: str) -> list[dict]:
    """Paragraph-aware naive split with offsets into `text` (good enough for a fake)."""
    out = []
    header = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s*", text)
    body_start = header.end() if header else 0
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text[body_start:]):
        p_start = body_start + para.start()
        for sent in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", para.group(), flags=re.S):
            out.append({
                "source": name, "index": len(out), "text": sent.group().strip(),
                "start": p_start + sent.start(), "end": p_start + sent.end(),
                "paragraph": para.group(), "paragraph_start": p_start,
                "date": header.group(1) if header else None,
            })
    return out


class FakeQA:
    """Same surface as `qa.QA`: ask(), status(), rebuild(progress=...)."""

    def __init__(self, seeds_dir: str | Path, index_dir: str | Path | None = None, model: str | None = None):
        self.seeds_dir = Path(seeds_dir)
        self.model = model or "fake-keyword-model"
        self.fail_with: Exception | None = None  # set by tests to simulate a failure inside qa
        self.rebuilds = 0
        self._built: dict[str, str] | None = None  # source name -> sha256 at build time
        self._built_at: str | None = None
        self._sentences: list[dict] = []
        self._lock = threading.Lock()

    def _current(self) -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(self.seeds_dir.glob("*.txt"))}

    def status(self) -> FakeStatus:
        current = self._current()
        built = self._built or {}
        changes = [f"added {n}" for n in current if n not in built]
        changes += [f"changed {n}" for n in current if n in built and built[n] != current[n]]
        changes += [f"removed {n}" for n in built if n not in current]
        return FakeStatus(self.model, len(built), len(self._sentences), self._built_at,
                          stale=self._built is None or bool(changes), changes=changes)

    def rebuild(self, progress=None):
        with self._lock:
            files = sorted(self.seeds_dir.glob("*.txt"))
            sentences = []
            for i, path in enumerate(files):
                sentences += _sentences(path.name, path.read_text(encoding="utf-8"))
                if progress:
                    progress(i + 1, len(files), path.name)
            self._sentences = sentences
            self._built = self._current()
            self._built_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
            self.rebuilds += 1

    def ask(self, question: str, top_k: int = 3) -> Answer:
        if not question or not question.strip():
            raise QuestionError("The question is empty.")
        if len(question) > MAX_QUESTION_CHARS:
            raise QuestionError(f"The question is longer than {MAX_QUESTION_CHARS} characters.")
        if self.fail_with:
            raise self.fail_with
        if self.status().stale:
            self.rebuild()
        words = {w for w in re.findall(r"\w+", question.lower()) if len(w) > 2 and w not in _STOP}
        scored = []
        for s in self._sentences:
            low = s["text"].lower()
            score = sum(1 for w in words if w in low)
            if score >= 2:
                scored.append((score, s))
        scored.sort(key=lambda x: -x[0])
        if not scored:
            return Answer(question, NOT_COVERED, [])
        cites = [
            Citation(n, s["text"], s["source"], s["index"], float(score), s["start"], s["end"],
                     s["date"], s["paragraph"], s["paragraph_start"])
            for n, (score, s) in enumerate(scored[:top_k], start=1)
        ]
        text = " ".join(f"{c.text} [{c.number}]" for c in cites)
        return Answer(question, text, cites)


def install(module) -> None:
    """Give the `qa` package the public names the UI imports, backed by this fake."""
    module.QA = FakeQA
    module.Answer, module.Citation = Answer, Citation
    module.QAError, module.QuestionError = QAError, QuestionError
    module.MAX_QUESTION_CHARS = MAX_QUESTION_CHARS
