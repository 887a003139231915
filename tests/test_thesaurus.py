"""The German thesaurus: its sets read from the file, merged into the lexicon, cached, and optional."""
import logging
import os

import pytest

from conftest import write_ding

from qa import lexicon, thesaurus
from qa.analysis import stem

THESAURUS = """# OpenThesaurus - German Thesaurus in text format
Ökonom;Wirtschaftswissenschaftler;Wirtschafter;Volkswirtschaftler
Gepräge;Stimmung;Ambiente;Atmo (ugs.);Atmosphäre
(die) Zustimmung geben;billigen;grünes Licht geben (ugs.)
Geldbuße;Bußgeld
Azubi;Auszubildender
"""
DING = """Azubi {m}; Lehrling {m} | Azubis {pl}; Lehrlinge {pl} :: apprentice | apprentices
Strafe {f} :: penalty
"""


@pytest.fixture
def files(tmp_path):
    synonyms = tmp_path / "openthesaurus.txt"
    synonyms.write_text(THESAURUS, encoding="utf-8")
    return write_ding(tmp_path, DING), synonyms


def test_read_synsets_keeps_one_word_members_without_notes(files):
    sets = thesaurus.read_synsets(files[1])
    assert sets[0] == ("ökonom", "wirtschaftswissenschaftler", "wirtschafter", "volkswirtschaftler")
    assert sets[1] == ("gepräge", "stimmung", "ambiente", "atmo", "atmosphäre")  # "(ugs.)" dropped
    assert ("billigen",) not in sets and all("grünes" not in s for s in sets)  # phrases left out, and
    assert len(sets) == 4  # a set left with one word is no set


def test_load_merges_the_thesaurus_into_the_german_synonyms(files):
    ding, synonyms = files
    lex = lexicon.load(ding, synonyms)
    assert lex.thesaurus == str(synonyms)
    assert "ökonom" in lex.de_synonyms[stem("wirtschaftswissenschaftler", "de")]
    assert "atmosphäre" in lex.de_synonyms[stem("stimmung", "de")]
    # merged before plurals take their singular's synonyms: "Azubis" -> Lehrling (ding), Auszubildender
    assert {"lehrling", "auszubildender"} <= set(lex.de_synonyms[stem("azubis", "de")])
    assert lex.translate("penalti", "en") == {"strafe": 1.0}  # the word list itself is unchanged


def test_the_cache_follows_the_thesaurus(files, monkeypatch):
    ding, synonyms = files
    calls = []
    real = lexicon.parse
    monkeypatch.setattr(lexicon, "parse", lambda *a: calls.append(a) or real(*a))
    lexicon.load(ding, synonyms)
    assert lexicon.load(ding, synonyms).de_synonyms and len(calls) == 1
    synonyms.write_text(THESAURUS + "Kreml;Moskau\n", encoding="utf-8")
    os.utime(synonyms, ns=(1, 1))
    assert "moskau" in lexicon.load(ding, synonyms).de_synonyms["kreml"] and len(calls) == 2


def test_environment_names_the_thesaurus(files, monkeypatch):
    monkeypatch.setenv("QA_THESAURUS_PATH", str(files[1]))
    assert lexicon.load(files[0]).thesaurus == str(files[1])


def test_without_the_thesaurus_the_word_list_alone_and_one_warning(files, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(lexicon, "_thesaurus_warned", False)
    with caplog.at_level(logging.WARNING, logger="qa.lexicon"):
        a = lexicon.load(files[0], tmp_path / "absent")
        b = lexicon.load(files[0], tmp_path / "absent")
    assert a.available and a.thesaurus == "" and a == b
    assert "ökonom" not in a.de_synonyms.get(stem("wirtschaftswissenschaftler", "de"), {})
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "openthesaurus-de-text" in warnings[0]


def test_the_thesaurus_without_the_word_list_still_gives_synonyms(files, tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon, "_warned", True)  # the missing list's warning is tested elsewhere
    lex = lexicon.load(tmp_path / "absent", files[1])
    assert not lex.available and "atmosphäre" in lex.de_synonyms[stem("stimmung", "de")]
