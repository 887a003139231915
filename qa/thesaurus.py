"""OpenThesaurus, a German thesaurus, read at run time: more German synonyms than the ding list has.

The ding list gives synonyms only where it writes them side by side for one sense ("Atmosphäre;
Stimmung"); news paraphrase goes further ("Wirtschaftswissenschaftler" for the article's
"Ökonomen", "Todesopfer" for "Opfer"). OpenThesaurus (Debian package `openthesaurus-de-text`, LGPL)
has about 34,000 such sets, one sense per line:

    Ökonom;Wirtschaftswissenschaftler;Wirtschafter;Volkswirtschaftler
    Gepräge;Stimmung;Ambiente;Atmo (ugs.);Ambiance (schweiz.);Atmosphäre;Flair;Klima

Like the word list, it is never copied into the project; `qa.lexicon.load` merges its sets into the
lexicon's German synonyms and caches the result. Without it everything works, with fewer synonyms.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from qa.analysis import words

DEFAULT_PATH = "/usr/share/openthesaurus-de/openthesaurus.txt"
ENV_VAR = "QA_THESAURUS_PATH"
INSTALL_HINT = "install it with `sudo apt-get install openthesaurus-de-text` or set QA_THESAURUS_PATH"

_NOTES = re.compile(r"\([^)]*\)")  # "(ugs.)", "(schweiz.)", "(einer Sache)"


def thesaurus_path(path: str | os.PathLike | None = None) -> Path:
    """Where the thesaurus is read from: `path`, else $QA_THESAURUS_PATH, else the Debian path."""
    return Path(path or os.environ.get(ENV_VAR) or DEFAULT_PATH)


def read_synsets(path: str | os.PathLike) -> list[tuple[str, ...]]:
    """The thesaurus's sets of synonyms, lower-cased, one-word members only ("grünes Licht geben"
    is left out), without annotations; sets left with fewer than two words are dropped."""
    sets = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            members = [words(_NOTES.sub(" ", m)) for m in line.rstrip("\n").split(";")]
            single = tuple(dict.fromkeys(m[0] for m in members if len(m) == 1))
            if len(single) > 1:
                sets.append(single)
    return sets
