"""Phase-1 stand-in for the core's seeds + sentence splitting (pysbd, German, paragraph-aware)."""
from __future__ import annotations

import re
from pathlib import Path

import pysbd

from qa.types import Sentence

_SEG = pysbd.Segmenter(language="de", clean=False)


def load_sentences(seeds_dir: str | Path) -> list[Sentence]:
    out: list[Sentence] = []
    for path in sorted(Path(seeds_dir).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        body = re.sub(r"\A\s*date\s+\d{4}-\d{2}-\d{2}\s*", "", text)
        idx = 0
        for p, para in enumerate(re.split(r"\n\s*\n", body)):
            for seg in _SEG.segment(para):
                seg = " ".join(seg.split())
                if seg:
                    out.append(Sentence(path.name, idx, seg, 0, 0, p, 0, 0))
                    idx += 1
    return out
