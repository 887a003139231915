"""Tell whether the index on disk still matches the seeds folder and the chosen model."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .chunks import CONTEXT
from .seeds import READER_VERSION, scan
from .sentences import SEGMENTER_VERSION


@dataclass(frozen=True)
class Changes:
    """How the seeds (or the model) differ from what the index was built from."""

    missing_index: bool = False
    model_changed: bool = False
    gloss_changed: bool = False  # glosses wanted and absent, or the other way round (`qa.gloss`)
    splitting_changed: bool = False  # this version reads articles or splits them differently
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def stale(self) -> bool:
        return (self.missing_index or self.model_changed or self.gloss_changed or self.splitting_changed
                or bool(self.added or self.changed or self.removed))

    def describe(self) -> str:
        """One line for logs and the UI, e.g. "added: b.txt; changed: a.txt"."""
        if self.missing_index:
            return "no index built yet"
        parts = ["another embedding model was chosen"] if self.model_changed else []
        if self.gloss_changed:
            parts.append("the English glosses of German sentences changed (word list or model)")
        if self.splitting_changed:
            parts.append("this version reads or splits the articles differently")
        for label, names in (("added", self.added), ("changed", self.changed), ("removed", self.removed)):
            if names:
                parts.append(f"{label}: {', '.join(names)}")
        return "; ".join(parts) or "up to date"


def split_differently(manifest: dict) -> bool:
    """Whether the index of `manifest` was read, or split into sentences or chunks, by other rules
    than now."""
    built = (manifest.get("reader"), manifest.get("segmenter"), manifest.get("chunk_context"))
    return built != (READER_VERSION, SEGMENTER_VERSION, CONTEXT)


def detect_changes(seeds_dir: Path, manifest: dict | None, model_name: str, gloss: str | None = None) -> Changes:
    """Compare the seeds folder with a manifest; only files whose size or mtime moved are hashed.

    `gloss` is the signature of the glosses the index should have (`Glosser.signature`), or None.
    """
    on_disk = scan(seeds_dir)  # first, so a missing seeds folder is reported before anything is loaded
    if manifest is None:
        return Changes(missing_index=True)
    known = {s["name"]: s for s in manifest["sources"]}
    known.update({s["name"]: s for s in manifest.get("skipped", [])})
    added, changed = [], []
    for seed in on_disk:
        entry = known.get(seed.name)
        if entry is None:
            added.append(seed.name)
        elif (entry["size"], entry["mtime_ns"]) != (seed.size, seed.mtime_ns):
            if hashlib.sha256(seed.path.read_bytes()).hexdigest() != entry["sha256"]:
                changed.append(seed.name)
    removed = sorted(set(known) - {s.name for s in on_disk})
    return Changes(False, manifest["model"] != model_name, manifest.get("gloss") != gloss,
                   split_differently(manifest), added, changed, removed)
