"""Retrieval quality on a question set: hit@1/3/5 and MRR per language, abstention, and the misses.

The question file has one JSON object per line: `q`, `lang` ("en"/"de"), `gold` (substrings of the
sentences that answer it) and optionally `unanswerable: true` (then the right reply cites nothing;
an empty `gold` means the same).
Anything that maps a question to its ranked sentence texts can be measured; an empty list abstains.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from qa.errors import QAError

Ranker = Callable[[str], Sequence[str]]  # question -> sentence texts, best first; [] = abstain
KS = (1, 3, 5)
Z95 = 1.96  # normal quantile of a two-sided 95% interval


def wilson(hits: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a rate `hits / n` (95% by default).

    On 20 questions a hit@3 of 0.90 is compatible with anything from 0.70 to 0.97: the interval
    says how far a figure from a small question set can be trusted.
    """
    if n == 0:
        return (0.0, 1.0)
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class EvalItem:
    q: str
    lang: str
    gold: tuple[str, ...]
    unanswerable: bool = False


@dataclass(frozen=True)
class Outcome:
    """What the ranker did for one question; `rank` is 1-based, None when no cited sentence hits."""

    item: EvalItem
    cited: tuple[str, ...]
    rank: int | None

    @property
    def correct(self) -> bool:
        """Answered within the first 3 citations, or rightly abstained."""
        if self.item.unanswerable:
            return not self.cited
        return self.rank is not None and self.rank <= 3


@dataclass(frozen=True)
class Report:
    """Metrics per language ("en", "de", "all") and the questions that went wrong."""

    metrics: dict[str, dict[str, float]]
    abstention: dict[str, float]  # accuracy over unanswerable, false abstentions over answerable
    outcomes: list[Outcome] = field(repr=False, default_factory=list)
    # (question, gold string) pairs whose gold occurs in no sentence of the articles: a typo in the
    # question file, or a string spanning two sentences. It can never be hit.
    unmatched_gold: list[tuple[str, str]] = field(default_factory=list)

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct]

    def to_dict(self) -> dict:
        return {"metrics": self.metrics, "abstention": self.abstention,
                "misses": [{**asdict(o.item), "rank": o.rank, "cited": list(o.cited[:3])}
                           for o in self.misses],
                "unmatched_gold": [{"q": q, "gold": g} for q, g in self.unmatched_gold]}

    def table(self) -> str:
        """The report as a small plain-text table, then the misses."""
        header = f"{'lang':<5}{'n':>4}{'hit@1':>8}{'hit@3':>8}{'hit@5':>8}{'MRR':>8}   hit@3, 95% interval"
        lines = [header] if self.metrics else []  # out-of-scope questions alone have no hit rates
        for lang, m in self.metrics.items():
            low, high = m["hit@3_ci95"]
            lines.append(f"{lang:<5}{int(m['n']):>4}{m['hit@1']:>8.2f}{m['hit@3']:>8.2f}"
                         f"{m['hit@5']:>8.2f}{m['mrr']:>8.2f}   {low:.2f}-{high:.2f}")
        a = self.abstention
        lines.append(f"abstention: {a['correct']:.2f} of {int(a['n'])} out-of-scope questions abstained; "
                     f"{a['false']:.2f} of answerable ones wrongly abstained")
        for o in self.misses:
            what = "cited" if o.item.unanswerable else f"rank {o.rank or '-'}"
            top = o.cited[0][:70] if o.cited else "(nothing)"
            lines.append(f"MISS [{o.item.lang}] {o.item.q} ({what}): {top}")
        for q, gold in self.unmatched_gold:
            lines.append(f"GOLD NOT IN ANY SENTENCE (it can never be hit) for {q!r}: {gold!r}")
        return "\n".join(lines)


def load_items(path: str | Path) -> list[EvalItem]:
    """Read a question file; a bad line raises QAError naming the line."""
    items = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise QAError(f"cannot read question file {path}: {exc.strerror}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            gold = tuple(d.get("gold", ()))
            # No gold sentence means nothing answers it, with or without the explicit flag.
            items.append(EvalItem(d["q"], d["lang"], gold, bool(d.get("unanswerable", not gold))))
        except (ValueError, KeyError, TypeError) as exc:
            raise QAError(f"{path}:{n}: not a question line ({exc}); see the format in qa/evaluate.py") from None
    return items


def _spaced(text: str) -> str:
    """`text` with each run of whitespace as one space, as gold strings are matched."""
    return " ".join(text.split())


def _rank(cited: Sequence[str], gold: Iterable[str]) -> int | None:
    norm = [_spaced(g) for g in gold]
    for i, text in enumerate(map(_spaced, cited), 1):
        if any(g in text for g in norm):
            return i
    return None


def unmatched_gold(items: Sequence[EvalItem], sentences: Sequence[str]) -> list[tuple[str, str]]:
    """(question, gold string) for each gold string that no sentence contains (whitespace aside)."""
    texts = [_spaced(t) for t in sentences]
    return [(item.q, gold) for item in items for gold in item.gold if not any(_spaced(gold) in t for t in texts)]


def evaluate(items: Sequence[EvalItem], ranker: Ranker, sentences: Sequence[str] | None = None) -> Report:
    """Run `ranker` on every question and score the rankings; given the articles' `sentences`,
    also report gold strings that none of them contains."""
    outcomes = []
    for item in items:
        cited = tuple(ranker(item.q))
        outcomes.append(Outcome(item, cited, None if item.unanswerable else _rank(cited, item.gold)))
    metrics = {}
    answerable = [o for o in outcomes if not o.item.unanswerable]
    # A file of out-of-scope questions alone has no hit rates, only abstention.
    for lang in sorted({o.item.lang for o in answerable}) + (["all"] if answerable else []):
        group = [o for o in answerable if lang in ("all", o.item.lang)]
        m = {"n": float(len(group))}
        for k in KS:
            m[f"hit@{k}"] = sum(o.rank is not None and o.rank <= k for o in group) / len(group)
        m["mrr"] = sum(1.0 / o.rank for o in group if o.rank) / len(group)
        m["hit@3_ci95"] = wilson(round(m["hit@3"] * len(group)), len(group))
        metrics[lang] = m
    out = [o for o in outcomes if o.item.unanswerable]
    abstention = {"n": float(len(out)),
                  "correct": sum(not o.cited for o in out) / len(out) if out else 1.0,
                  "false": sum(not o.cited for o in answerable) / len(answerable) if answerable else 0.0}
    return Report(metrics, abstention, outcomes, unmatched_gold(items, sentences) if sentences is not None else [])
