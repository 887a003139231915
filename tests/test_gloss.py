"""English glosses of German sentences: rendering, what the build stores, and how retrieval uses them."""
import numpy as np
import pytest

from conftest import write_ding

from qa import lexicon as lexicon_mod
from qa import gloss, pipeline, store
from qa.build import build_index
from qa.gloss import Glosser
from qa.lexicon import Lexicon
from qa.pipeline import QA
from qa.retrieve import DenseRetriever

DING = """# Version :: test
Telefonat {n} | Telefonate {pl} :: phone call | phone calls
Gespräch {n}; Unterhaltung {f} | Gespräche {pl} :: conversation; talk | conversations; talks
Warnung {f} | Warnungen {pl} :: warning | warnings
Anruf {m} | Anrufe {pl} :: phone call | phone calls
kurz {adj} :: short; brief
Wetter {n} :: weather
"""


@pytest.fixture
def lex(tmp_path):
    return lexicon_mod.parse(write_ding(tmp_path, DING))


@pytest.fixture
def articles(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Das Telefonat war kurz.\n\nDas Wetter war schön.\n\nPutin kam am Morgen an.",
                                 encoding="utf-8")
    (seeds / "b.txt").write_text("The weather was fine in London.", encoding="utf-8")
    return seeds


def test_german_text_is_rendered_word_by_word(lex):
    g = Glosser(lex)
    assert g.gloss("Das Telefonat war kurz.") == "phone call short brief"  # stop words dropped, two readings (first first)
    assert g.gloss("Die Gespräche mit Putin") == "conversations talks putin"  # the list's plural; names kept
    assert g.gloss("Eine Gesprächswarnung") == "conversation warning"  # compound: one reading per part
    assert g.needs_gloss("Das Telefonat war kurz.") and not g.needs_gloss("The call was short.")


def test_a_word_is_rendered_as_the_list_writes_it_before_its_stem(tmp_path):
    """"Beton" and "betonen" stem alike ("beton"); each word keeps its own English."""
    lex = lexicon_mod.parse(write_ding(tmp_path, "Beton {m} :: concrete\n"
                                                 "betonen {vt} | betont :: to emphasise | emphasised\n"))
    g = Glosser(lex)
    assert g.gloss("Der Beton") == "concrete"
    assert g.gloss("Sie betonen") == "emphasise"
    assert g.gloss("des Betons") == "concrete emphasise"  # a form the list lacks: every word of its stem


def test_a_word_is_rendered_by_the_senses_its_entries_list_first(tmp_path):
    """"vein", listed last in two entries, is no main sense of "Stimmung"; "mood" and "tuning",
    each listed first once, are."""
    lex = lexicon_mod.parse(write_ding(tmp_path, "Stimmung {f} :: mood; tenor; vein\n"
                                                 "Stimmung {f} [mus.] :: tuning; pitch; vein\n"))
    assert Glosser(lex).gloss("Die Stimmung") == "mood tuning"


def test_glossing_needs_the_word_list():
    with pytest.raises(ValueError, match="word list"):
        Glosser(Lexicon())


def test_build_stores_gloss_vectors_german_rows_glossed(articles, tmp_path, fake_embedder, lex):
    glosser = Glosser(lex)
    build_index(articles, tmp_path / "idx", fake_embedder, glosser=glosser)
    index = store.load(tmp_path / "idx")
    assert index.manifest["gloss"] == glosser.signature and index.gloss_index is not None
    texts = [s.text for s in index.sentences]
    glosses = index.gloss_index.reconstruct_n(0, len(texts))
    german = texts.index("Das Telefonat war kurz.")
    english = texts.index("The weather was fine in London.")
    np.testing.assert_allclose(glosses[german], fake_embedder.encode(["phone call brief short"])[0], atol=1e-6)
    np.testing.assert_allclose(glosses[english], index.sentence_index.reconstruct(english), atol=1e-6)


def test_english_question_reaches_german_sentence_through_its_gloss(articles, tmp_path, fake_embedder, lex):
    (articles / "b.txt").unlink()  # German sentences only: no English words to share with the question
    build_index(articles, tmp_path / "idx", fake_embedder, glosser=Glosser(lex))
    index = store.load(tmp_path / "idx")
    question = "Who made a phone call?"
    with_gloss = DenseRetriever(index, fake_embedder, chunk_weight=0.0).search(question, 1)
    without = DenseRetriever(index, fake_embedder, chunk_weight=0.0, gloss_weight=0.0).search(question, 1)
    assert with_gloss[0].sentence.text == "Das Telefonat war kurz."
    assert without[0].sentence.text != "Das Telefonat war kurz."


def test_german_question_is_glossed_and_compared_with_the_glosses(articles, tmp_path, fake_embedder, lex):
    """"Anruf" is no word of the articles; its gloss, "phone call", is the gloss of "Telefonat"."""
    (articles / "b.txt").unlink()
    glosser = Glosser(lex)
    build_index(articles, tmp_path / "idx", fake_embedder, glosser=glosser)
    index = store.load(tmp_path / "idx")
    dense = DenseRetriever(index, fake_embedder, chunk_weight=0.0, glosser=glosser.gloss)
    fake_embedder.texts.clear()
    assert dense.search("Wie war der Anruf?", 1)[0].sentence.text == "Das Telefonat war kurz."
    assert fake_embedder.texts == ["phone call"]  # the question's gloss, embedded in its place
    dense.search("Who made a phone call?", 1)
    assert fake_embedder.texts[-1] == "Who made a phone call?"  # an English question is read as it is
    dense.search("Wie war das?", 1)  # nothing to gloss but stop words: read as it is
    assert fake_embedder.texts[-1] == "Wie war das?"
    unglossed = DenseRetriever(index, fake_embedder, chunk_weight=0.0)  # no glosser: German as written
    unglossed.search("Wie war der Anruf?", 1)
    assert fake_embedder.texts[-1] == "Wie war der Anruf?"


def test_the_pipeline_glosses_a_german_question_where_the_index_has_glosses(articles, tmp_path, fake_embedder, lex):
    QA(articles, tmp_path / "idx", embedder=fake_embedder, lexicon=lex).ask("Wie war der Anruf?")
    assert fake_embedder.texts[-1] == "phone call"


def test_index_is_rebuilt_when_glosses_come_or_go(articles, tmp_path, fake_embedder, lex):
    with_list = QA(articles, tmp_path / "idx", embedder=fake_embedder, lexicon=lex)
    with_list.ask("Wie war das Wetter?")
    assert store.read_manifest(tmp_path / "idx")["gloss"] == Glosser(lex).signature
    without_list = QA(articles, tmp_path / "idx", embedder=fake_embedder, lexicon=Lexicon())
    status = without_list.status()
    assert status.stale and status.changes.gloss_changed and "glosses" in status.changes.describe()
    without_list.ask("Wie war das Wetter?")
    assert store.read_manifest(tmp_path / "idx")["gloss"] is None
    assert store.load(tmp_path / "idx").gloss_index is None
    assert not without_list.status().stale


def test_index_is_rebuilt_when_the_tables_derived_from_the_word_list_change(articles, tmp_path, fake_embedder, lex,
                                                                          monkeypatch):
    qa = QA(articles, tmp_path / "idx", embedder=fake_embedder, lexicon=lex)
    qa.ask("Wie war das Wetter?")
    assert not qa.status().stale
    monkeypatch.setattr(gloss, "LEXICON_FORMAT", gloss.LEXICON_FORMAT + 1)  # as a new version parses the list
    status = qa.status()
    assert status.stale and status.changes.gloss_changed


def test_status_decides_on_glosses_without_loading_the_word_list(articles, tmp_path, fake_embedder, monkeypatch):
    monkeypatch.setenv("QA_DING_PATH", str(write_ding(tmp_path, DING)))
    monkeypatch.setattr(pipeline, "_lexicon", None)  # nothing loaded in this process yet
    monkeypatch.setattr(pipeline, "load_lexicon", lambda: pytest.fail("status() loaded the word list"))
    status = QA(articles, tmp_path / "idx", embedder=fake_embedder).status()
    assert status.changes.missing_index


def test_a_word_list_without_entries_means_no_glosses_and_one_build(articles, tmp_path, fake_embedder, monkeypatch):
    empty = tmp_path / "de-en"
    empty.write_text("# Version :: empty\n", encoding="utf-8")
    monkeypatch.setenv("QA_DING_PATH", str(empty))
    monkeypatch.setattr(pipeline, "_lexicon", None)
    qa = QA(articles, tmp_path / "idx", embedder=fake_embedder)
    qa.ask("Wie war das Wetter?")
    assert store.read_manifest(tmp_path / "idx")["gloss"] is None
    assert not qa.status().stale  # and so no rebuild on every question
