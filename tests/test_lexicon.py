"""The ding word list: parsing, weights, the derived-data cache, and running without it."""
import logging
import os

import pytest

from conftest import write_ding

from qa import lexicon
from qa.analysis import stem

DING = """# Version :: test
Gespräch {n}; Unterhaltung {f} | Gespräche {pl} :: conversation; talk | conversations; talks
jdn. vor etw. warnen {vt} | warnend | gewarnt :: to warn sb. of/against sth. | warning | warned
Warnung {f} [mil.] :: warning
Telefonat {n} :: phone call
Denuklearisierung {f} (eines Gebiets) :: denuclearization (of an area)
kaputt; verschlissen :: broken
Moskau (Hauptstadt von Russland) [geogr.] :: Moscow (capital of Russia) <Moskva>
etw. abschalten {vt} | abschaltend | abgeschaltet :: to switch off sth. | switching off | switched off
Tehran; Teheran (Hauptstadt von Iran) [geogr.] :: Tehran (capital of Iran)
Neu Delhi (Hauptstadt von Indien) [geogr.] :: New Delhi (capital of India)
Seoul (Hauptstadt der Republik Korea) [geogr.] :: Seoul (capital of Republic of Korea)
Russland {n}; Rußland [alt] {n} (Russische Föderation) /RU/ [geogr.] :: Russia (Russian Federation)
russisch {adj} [geogr.] :: Russian
China {n}; Volksrepublik China {f} /CN/ [geogr.] :: China; People's Republic of China
chinesisch {adj} [geogr.] :: Chinese
Frankreich {n} /FR/ [geogr.] :: France
französisch {adj} /frz./ [geogr.] :: French /Fr./
rund {adj} :: round
Auszubildende {m,f}; Azubi {m}; Lehrling {m} | Auszubildenden {pl}; Azubis {pl}; Lehrlinge {pl} :: apprentice | apprentices
Rundfunk {m} :: broadcasting
"""


PLACES = """Essen (Stadt in Deutschland) [geogr.] :: Essen (city in Germany)
Essen {n} :: food
Vereinigte Staaten {pl} von Amerika /USA/ /US/ (Kfz: /USA/) [geogr.] :: United States of America /USA/
Alaska (US-Bundesstaat; Hauptstadt: Juneau) [geogr.] :: Alaska /AK/ (state of the US; capital: Juneau)
Abhang {m} [geogr.] | Abhänge {pl} :: slope | slopes
"""


@pytest.fixture
def ding(tmp_path):
    return write_ding(tmp_path, DING)


@pytest.fixture(autouse=True)
def no_thesaurus_sets(tmp_path, monkeypatch):
    """An empty thesaurus: these tests are about the word list (tests/test_thesaurus.py: the rest)."""
    empty = tmp_path / "openthesaurus.txt"
    empty.write_text("# OpenThesaurus\n", encoding="utf-8")
    monkeypatch.setenv("QA_THESAURUS_PATH", str(empty))


def test_parse_pairs_words_and_weights_senses(ding):
    lex = lexicon.parse(ding)
    # singular and plural sub-entries are aligned; both English forms share the stem "convers"
    assert lex.translate("convers", "en") == {"gespräch": 1.0, "unterhaltung": 1.0, "gespräche": 1.0}
    assert lex.translate("talk", "en") == {"gespräch": 1.0, "unterhaltung": 1.0, "gespräche": 1.0}
    assert "warnen" in lex.translate("warn", "en")  # "to", "sb.", "of/against", "jdn.", "vor" dropped
    assert lex.translate("warn", "en")["warnend"] == 1.0 and "warnung" in lex.translate("warn", "en")
    assert lex.translate("phone call", "en") == {"telefonat": 1.0}  # two-word phrase key
    assert lex.en_heads["call"] == {"telefonat": 1.0}  # ... and a looser sense of its head word
    assert lex.de_heads["telefonat"] == {"call": 1.0}  # the other way round
    assert lex.de_synonyms["gesprach"] == {"unterhaltung": 1.0}  # side by side in one sense
    assert "denuclearization" in lex.translate("denuklearisier", "de")  # (of an area) dropped
    assert lex.de_vocab["gespräch"] == 1 and "verschlissen" not in lex.de_vocab  # untagged: not counted


def test_a_plural_has_the_synonyms_of_its_singular(ding):
    lex = lexicon.parse(ding)
    assert lex.de_synonyms[stem("azubis", "de")] == lex.de_synonyms[stem("azubi", "de")]
    assert {"auszubildende", "lehrling"} <= set(lex.de_synonyms[stem("azubis", "de")])


def test_parse_keeps_the_particle_of_a_phrasal_verb(ding):
    lex = lexicon.parse(ding)
    assert lex.translate("switch off", "en") == {"abschalten": 1.0, "abschaltend": 1.0, "abgeschaltet": 1.0}
    assert "abschalten" in lex.translate("switch", "en")  # the verb alone still reaches it


def test_parse_pairs_capitals_with_their_countries(ding):
    lex = lexicon.parse(ding)
    assert lex.metonyms["russland"] == ("moskau",) and lex.metonyms["moskau"] == ("russland",)
    assert lex.metonyms["iran"] == ("teheran", "tehran") and lex.metonyms["teheran"] == ("iran",)
    # names of two words would be matched word by word ("neu", "republik"): left out
    assert not {"indi", "neu", "delhi", "seoul", "korea"} & set(lex.metonyms)


def test_parse_pairs_places_with_their_adjectives(ding):
    lex = lexicon.parse(ding)
    assert lex.place_adjectives["russland"] == ("russisch",) and lex.place_adjectives["russisch"] == ("russland",)
    assert lex.place_adjectives["china"] == ("chinesisch",)  # "China" / "Chinese": all but one letter
    assert "frankreich" not in lex.place_adjectives  # "France" / "French" do not match: left out
    assert "rund" not in lex.place_adjectives  # not a place ([geogr.])


def test_parse_names_cities_and_countries(tmp_path):
    lex = lexicon.parse(write_ding(tmp_path, DING + PLACES))
    assert lex.places["de"]["moskau"] == lex.places["en"]["moscow"] == "city"  # "(Hauptstadt von Russland)"
    assert lex.places["de"]["russland"] == lex.places["en"]["russia"] == "country"  # "/RU/", a country's code
    assert lex.places["de"]["usa"] == "country"  # its abbreviation, three letters or more
    assert "alaska" not in lex.places["de"]  # a state; "Hauptstadt: Juneau" is not its kind
    assert "abhang" not in lex.places["de"]  # a [geogr.] word, not a place
    assert "essen" not in lex.places["de"] and lex.places["en"]["essen"] == "city"  # German "Essen" is food


def test_parse_keeps_english_renderings_of_german_words_for_glosses(ding):
    lex = lexicon.parse(ding)
    gloss = {word: lex.gloss[stem(word.lower(), "de")] for word in ("Telefonat", "Gespräch", "gewarnt", "warnen")}
    assert gloss["Telefonat"] == ("phone call",)  # phrases kept whole
    assert gloss["Gespräch"] == ("conversation", "talk")  # equally many senses and as common: A-Z
    assert gloss["gewarnt"] == ("warned",)  # inflected forms from aligned sub-entries
    assert gloss["warnen"] == ("warn of against",)  # "to", "sb."/"sth." dropped
    assert lex.gloss_words["gespräche"] == ("conversations", "talks")  # as written, where the stem's differ
    assert "gespräch" not in lex.gloss_words  # the same as its stem's: kept once


WORKER = """Arbeit {f} :: work
Arbeit {f}; Tätigkeit {f} :: work; activity
Arbeit {f}; Stelle {f} :: job
Arbeiter {m} :: worker
Arbeiter {m}; Werktätiger {m} :: worker; labourer
"""


def test_a_german_word_keeps_its_own_translations_where_its_stem_has_others(tmp_path):
    """"Arbeiter" stems like "Arbeit": asked as written it is a worker, not work."""
    lex = lexicon.parse(write_ding(tmp_path, WORKER))
    assert stem("arbeiter", "de") == stem("arbeit", "de")
    assert max(lex.translate(stem("arbeiter", "de"), "de").items(), key=lambda kv: kv[1])[0] == "work"
    assert lex.translate(stem("arbeiter", "de"), "de", "arbeiter") == {"worker": 2.0, "labourer": 1.0}
    assert "worker" not in lex.translate(stem("arbeit", "de"), "de", "arbeit")
    assert "telefonat" not in lexicon.parse(write_ding(tmp_path, DING)).de_en_words  # same as its stem's


def test_an_abbreviation_note_with_a_semicolon_does_not_split_a_synonym(tmp_path):
    lex = lexicon.parse(write_ding(tmp_path, "Regierung {f} [pol.] :: government /Gov.; Govt./; administration\n"))
    assert lex.translate(stem("regierung", "de"), "de") == {"government": 1.0, "administration": 1.0}
    assert lex.gloss[stem("regierung", "de")] == ("government", "administration")


def test_load_caches_by_path_size_and_mtime(ding, tmp_path, monkeypatch):
    calls = []
    real = lexicon.parse
    monkeypatch.setattr(lexicon, "parse", lambda *a: calls.append(a) or real(*a))
    first = lexicon.load(ding)
    again = lexicon.load(ding)
    assert len(calls) == 1 and again == first
    assert list((tmp_path / "cache").glob("ding-*.pickle"))  # under QA_CACHE_DIR, set by conftest
    ding.write_text(DING + "Kreml {m} :: Kremlin\n", encoding="utf-8")
    os.utime(ding, ns=(1, 1))
    changed = lexicon.load(ding)
    assert len(calls) == 2 and changed.translate("kremlin", "en") == {"kreml": 1.0}


def test_env_var_names_the_list(ding, monkeypatch):
    monkeypatch.setenv("QA_DING_PATH", str(ding))
    assert lexicon.load().available


def test_missing_list_gives_empty_lexicon_and_one_warning(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(lexicon, "_warned", False)
    with caplog.at_level(logging.WARNING, logger="qa.lexicon"):
        a = lexicon.load(tmp_path / "absent")
        b = lexicon.load(tmp_path / "absent")
    assert not a.available and not b.available and a.translate("warn", "en") == {}
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "trans-de-en" in warnings[0].getMessage()


def test_a_new_cache_replaces_older_ones(ding, tmp_path):
    cache = tmp_path / "cache"  # QA_CACHE_DIR, set by conftest
    cache.mkdir(exist_ok=True)
    stale = cache / "ding-0123456789abcdef.pickle"  # as left by an older format
    stale.write_bytes(b"old")
    os.utime(stale, (1, 1))
    lexicon.load(ding)
    assert not stale.exists() and len(list(cache.glob("ding-*.pickle"))) == 1


def test_knows_the_words_of_either_language(ding):
    lex = lexicon.parse(ding)
    assert lex.knows("gespräch", "de") and not lex.knows("putin", "de")
    assert lex.knows("conversations", "en") and not lex.knows("putin", "en")  # English by stem


def test_packed_tables_decode_a_row_when_it_is_read_and_pickle_without_decoded_rows():
    import pickle

    weights = lexicon.WeightedRows.pack({"warn": {"warnen": 3.0, "mahnen": 0.5}, "none": {}})
    phrases = lexicon.PhraseRows.pack({"telefonat": ("telephone conversation", "phone call"), "leer": ()})
    assert weights["warn"] == {"warnen": 3.0, "mahnen": 0.5} and weights["none"] == {}
    assert phrases["telefonat"] == ("telephone conversation", "phone call") and phrases["leer"] == ()
    assert weights.get("absent", {}) == {} and "warn" in weights and "absent" not in weights
    assert sorted(weights) == ["none", "warn"] and len(phrases) == 2
    before = pickle.dumps(weights)
    assert weights["warn"] is weights["warn"]  # decoded once, and kept for the next read
    assert pickle.dumps(weights) == before and pickle.loads(before) == weights
    assert weights == {"warn": {"warnen": 3.0, "mahnen": 0.5}, "none": {}}  # equal to the plain table


def test_parsed_tables_are_packed_and_survive_the_cache(ding):
    first = lexicon.load(ding)
    assert isinstance(first.en_de, lexicon.PackedTable) and isinstance(first.gloss, lexicon.PackedTable)
    again = lexicon.load(ding)  # from the cache
    assert again.translate("warn", "en") == first.translate("warn", "en") and again.translate("warn", "en")
    assert again.gloss == first.gloss and again.gloss["telefonat"] == ("phone call",)
