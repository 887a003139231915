"""Hybrid retrieval in the pipeline: modes, abstention, the multilingual path, and a quality floor."""
import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from conftest import KIM_WARNS, ROOT, SEED_DIR, write_ding, write_seeds
from qa import QA, lexicon
from qa.cli import main
from qa.hybrid import FusionConfig, HybridRetriever, Mode, RowFlags, config_for, is_multilingual
from qa.lexicon import DEFAULT_PATH, ENV_VAR

# Checked without parsing it: tests write their caches under tmp_path, and none exists at import.
# In CI the set-up installs the list, so there these tests run (and fail without it), never skip.
needs_ding = pytest.mark.skipif(not Path(os.environ.get(ENV_VAR) or DEFAULT_PATH).is_file()
                                and not os.environ.get("CI"), reason="trans-de-en word list not installed")


@needs_ding
@pytest.mark.parametrize("mode", [Mode.HYBRID, Mode.LEXICAL])
def test_english_question_cites_the_german_sentence(seeds_dir, tmp_path, fake_embedder, mode):
    qa = QA(seeds_dir, tmp_path / "idx", embedder=fake_embedder, mode=mode)
    answer = qa.ask("What did Kim Yo Jong warn?")
    assert any(KIM_WARNS in c.text for c in answer.citations)
    assert qa.ask("What is the population of Canada?").citations == []


@needs_ding
def test_fusion_over_candidates_finds_the_answer_in_a_larger_corpus(seeds_dir, tmp_path, fake_embedder):
    """With far more sentences than each ranker's candidate list, the answer still comes first."""
    filler = [f"Im Bezirk {i} wurde am Montag über den Haushalt {i} und neue Radwege beraten." for i in range(400)]
    (seeds_dir / "lokales.txt").write_text("\n\n".join(filler), encoding="utf-8")
    qa = QA(seeds_dir, tmp_path / "idx", embedder=fake_embedder)
    assert len(qa.retriever().sentences) > 400
    answer = qa.ask("What did Kim Yo Jong warn?")
    assert KIM_WARNS in answer.citations[0].text
    assert "Bezirk 17 " in qa.ask("Welche Radwege wurden im Bezirk 17 beraten?").citations[0].text


def test_dense_mode_uses_the_model_alone(seeds_dir, tmp_path, fake_embedder):
    qa = QA(seeds_dir, tmp_path / "idx", embedder=fake_embedder, mode="dense", lexicon=None)
    answer = qa.ask("Kim Yo Jong warnte die USA im vergangenen Monat davor")
    assert KIM_WARNS in answer.citations[0].text
    assert qa.retriever().lexical is None


def test_settings_are_checked():
    with pytest.raises(ValueError, match="1.5"):
        FusionConfig(lexical_weight=1.5)
    with pytest.raises(ValueError, match="context_share"):
        FusionConfig(context_share=-0.1)
    with pytest.raises(ValueError):
        Mode("fuzzy")
    assert is_multilingual("sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2")
    assert is_multilingual("/models/multilingual-e5-small") and not is_multilingual("all-MiniLM-L6-v2")
    assert config_for("multilingual-e5-small").lexical_weight < config_for("all-MiniLM-L6-v2").lexical_weight


def _tiny_multilingual_model(folder: Path) -> Path:
    """A 2-layer BERT with a word-level vocabulary of the seed, saved as a sentence-transformers model."""
    from sentence_transformers import SentenceTransformer
    try:  # sentence-transformers 6 moved the modules; 5 has them only here
        from sentence_transformers.sentence_transformer import modules as models
    except ImportError:
        from sentence_transformers import models
    from tokenizers import Tokenizer, pre_tokenizers
    from tokenizers.models import WordLevel
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    text = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8").lower()
    words = sorted(set(text.split()))
    vocab = {t: i for i, t in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + words)}
    tok = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    hf_dir = folder / "hf"
    PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                            sep_token="[SEP]", mask_token="[MASK]").save_pretrained(hf_dir)
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=128)
    BertModel(cfg).save_pretrained(hf_dir)
    word = models.Transformer(str(hf_dir), max_seq_length=128)
    model = SentenceTransformer(modules=[word, models.Pooling(32, "mean")], device="cpu")
    out = folder / "tiny-multilingual-model"
    model.save(str(out))
    return out


@needs_ding
def test_multilingual_model_path_gives_dense_more_weight(seeds_dir, tmp_path):
    path = _tiny_multilingual_model(tmp_path)
    qa = QA(seeds_dir, tmp_path / "idx", model=str(path))
    answer = qa.ask("Was hat Kim Yo Jong gewarnt?")
    assert qa.retriever().config.lexical_weight == 0.5  # read from the model's name
    assert answer.citations and answer.citations[0].source.endswith(".txt")
    assert qa.ask("Wie hoch ist die Zugspitze?").citations == []


@needs_ding
@pytest.mark.model
@pytest.mark.parametrize("file, seeds, floor, abstained", [
    ("dev.jsonl", None, {"en": 0.9, "de": 0.95}, 1.0),
    ("heldout.jsonl", None, {"en": 0.95, "de": 0.9}, 1.0),
    ("blind.jsonl", None, {"en": 0.95, "de": 0.9}, 0.8),
    ("blind2.jsonl", None, {"en": 0.95, "de": 0.95}, 0.75),
    ("blind3.jsonl", None, {"en": 0.95, "de": 0.95}, 0.625),
    ("blind4.jsonl", None, {"en": 0.95, "de": 0.85}, 0.75),
    ("blind5.jsonl", None, {"en": 0.95, "de": 0.85}, 0.75),
    ("blind6.jsonl", None, {"en": 0.95, "de": 0.95}, 0.75),
    ("blind7.jsonl", None, {"en": 0.95, "de": 0.9}, 0.75),
    ("blind8.jsonl", None, {"en": 0.9, "de": 0.9}, 0.875),
    ("blind9.jsonl", None, {"en": 0.95, "de": 0.9}, 0.75),
    ("blind10.jsonl", None, {"en": 0.95, "de": 0.9}, 0.875),
    ("blind11.jsonl", None, {"en": 0.9, "de": 0.95}, 0.875),
    ("blind12.jsonl", None, {"en": 0.95, "de": 0.85}, 0.625),
    ("blind13.jsonl", None, {"en": 0.95, "de": 0.95}, 0.75),
    ("blind14.jsonl", None, {"en": 0.95, "de": 0.9}, 0.625),
    ("blind15.jsonl", None, {"en": 0.95, "de": 0.95}, 0.75),
    ("mauerfall/questions.jsonl", "mauerfall/seeds", {"en": 0.75, "de": 0.7}, 0.5),
    ("euro/questions.jsonl", "euro/seeds", {"en": 0.75, "de": 0.85}, 0.625),
    ("atomausstieg/questions.jsonl", "atomausstieg/seeds", {"en": 0.8, "de": 0.75}, 0.25),
    ("english/questions.jsonl", "english/seeds", {"en": 0.85, "de": 0.75}, 0.5),
    ("english/questions.jsonl", "english/seeds+", {"en": 0.85, "de": 0.75}, 0.5),
    ("blind2.jsonl", "english/seeds+", {"en": 0.95, "de": 0.85}, 0.625),
    ("blind2.jsonl", "*", {"en": 0.85, "de": 0.85}, 0.375),
    ("mauerfall/questions.jsonl", "*", {"en": 0.6, "de": 0.5}, 0.0),
])
def test_quality_floor_with_the_real_model(file, seeds, floor, abstained, seeds_dir, tmp_path, capsys):
    """Measured at commit time, hit@3 en / de and out-of-scope questions abstained on:
    dev 0.92 / 1.00, 2 of 2; held-out 1.00 / 0.93, 7 of 7; blind 0.97 / 0.95, 8 of 10;
    the second blind set 1.00 / 0.95, 6 of 8; the third 1.00 / 0.95, 5 of 8 at its first run
    (33e662d) and 1.00 / 1.00 once "wozu" was a stop word;
    the fourth 1.00 / 0.75, 6 of 8 at its first run (ae3e328), 1.00 / 0.85 once a compound and its
    parts covered the question as one word;
    the fifth 1.00 / 0.85, 6 of 8, and the sixth 0.95 / 0.95, 6 of 8: their first runs (5049e5d,
    f460a8a); the seventh 1.00 / 0.90, 6 of 8: its first run (175dbce), the same at f564283;
    the eighth 0.91 / 0.90, 7 of 8: its first run (6fe8d6e), 0.91 / 0.95 once a function word
    could end a compound ("Öffentlichmachen"); the ninth 0.95 / 0.90, 6 of 8: its first run
    (64b2fd3), 1.00 / 0.95 with that change; the tenth 0.95 / 0.90, 7 of 8: its first run
    (03e4025), 1.00 / 0.90 once the words naming a unit of time were left out of coverage;
    the eleventh 0.91 / 1.00, 7 of 8 (76feb78), and the twelfth 0.95 / 0.85, 5 of 8 (2984552): their
    first runs; the thirteenth 0.95 / 0.95, 6 of 8, and the fourteenth 1.00 / 0.90, 5 of 8: their first
    runs (6ef963e), the thirteenth 0.95 / 1.00 once "machen" ending "Öffentlichmachen" was a part of it;
    the fifteenth 0.95 / 1.00, 6 of 8: its first run (1dc0cf4), 1.00 / 1.00 once the best sentence
    before the "Who ...?" bonus kept a place among the first three;
    the second article (mauerfall) 0.84 / 0.73, 5 of 8; the third (euro) 0.85 / 0.94, 6 of 8;
    the fourth (atomausstieg) 0.81 / 0.69, 3 of 8; the English article 0.89 / 0.81, 3 of 6.
    English questions comparing more with the glosses (`qa.retrieve.DenseRetriever`, gloss weight
    0.5 -> 0.8) cost blind and euro an English question each (1.00 and 0.88 before) and gained
    atomausstieg one (0.77).
    A compound and its parts covering the question as one word, with the dense support asked for
    0.3 -> 0.35: euro 0.85 / 0.94, 6 of 8 ("When did the ATMs start dispensing euros?" supported at
    0.347, so left unanswered).
    Glosses by the senses the word list gives first (`qa.lexicon`): blind 1.00 / 1.00, 10 of 10;
    blind2 1.00 / 0.95, 8 of 8; blind6 1.00 / 1.00; euro 0.77 / 0.88, 6 of 8.
    The lexical ranking's weight 0.7 -> 0.6 (`qa.hybrid.FusionConfig`): mauerfall 0.80 / 0.73;
    euro 0.88 / 0.94, 5 of 8 out of scope; atomausstieg 0.85 / 0.75; the English article's German
    0.75, beside the seed too.
    Glossing a German word as the list writes it before its stem (`qa.gloss`) cost mauerfall
    (0.88 / 0.80, 4 of 8 before: "Wo wurden die neuen Reiseregeln bekanntgegeben?") and atomausstieg
    German (0.75, 2 of 8 before), and gained euro German (0.88 before).
    German questions glossed for the English-only model (`qa.retrieve.DenseRetriever`) gained the
    English article's German (0.75) and five other sets', and cost the second blind set, mauerfall
    and euro German (1.00, 0.87, 0.94 before: "In welchen Städten wurde demonstriert?" now cites
    "in den Ostteil der Stadt" first) and an out-of-scope question of the English article (4 of 6
    before).
    Question words of the sentence before counting for a sentence (`qa.lexical.CONTEXT_WEIGHT`)
    gained mauerfall English, atomausstieg and blind2 German, and cost mauerfall an out-of-scope
    question ("Wie viele Kilometer lang ist die Berliner Mauer?": 5 of 8 before) and euro an
    English one (0.92 before).
    A sentence lifted by its best neighbour's score (`FusionConfig.neighbour_share`) gained the
    blind set (1.00 English) and the English article (0.94 / 0.81), and cost mauerfall English (0.76:
    "At what time was the barrier lifted?" now cites the sentences around the answer first).
    "+" adds the project's seed: the English article beside the German one, 0.89 / 0.81, 3 of 6,
    and the second blind set on both articles 1.00 / 0.90, 5 of 8 (6 of 8 before the glossed
    German questions).
    "*" puts every article in one index. With twenty-seven (384a706): the second blind set 0.91 /
    0.85, 4 of 8; mauerfall 0.64 / 0.53, 0 of 8: "Wie wurde oben auf der Mauer gefeiert?" now cites
    the Elbphilharmonie article's "Auch vor dem Gebäude wurde am Mittwoch ausgiebig gefeiert." first
    and the answer fourth. With twenty-three and the neighbour's lift: the second
    blind set 0.86 / 0.85, 4 of 8; mauerfall 0.60 / 0.60, 0 of 8. With twenty (6c4dac4): the
    second blind set 0.95 / 0.90, 4 of 8; mauerfall 0.64 / 0.60, 0 of 8 (0.68 / 0.67 with sixteen:
    more articles, more sentences that say something like it).
    With fourteen: the second blind set 0.86 / 0.90, 4 of 8 (0.91 /
    0.90 before glossing words as written; 0.95 / 0.90, 3 of 8 with twelve articles; 4 of 8 with
    six: out-of-scope questions find more to match among more articles); mauerfall 0.64 / 0.73
    (0.64 / 0.67 with twelve articles) and none of its 8 out-of-scope questions abstained on (1 of 8
    before the glossed German questions; 0.72 / 0.80 with seven articles, 0.64 / 0.60 with nine:
    beside the flood article "Wie wurde oben auf der Mauer gefeiert?" finds a restorer handing
    pictures "nach oben")."""
    report = _evaluate(file, seeds, seeds_dir, tmp_path, capsys)
    for lang, least in floor.items():
        assert report["metrics"][lang]["hit@3"] >= least, report["misses"]
    assert report["abstention"]["correct"] >= abstained and report["abstention"]["false"] <= 0.1


def test_a_heading_gives_way_to_the_sentence_under_it(tmp_path, fake_embedder):
    seeds = write_seeds(tmp_path, {"mauer.txt": "Feiern auf der Mauer\n\nAuf der Mauer feiern Hunderte bis in den "
                                                "Morgen.\n\nDie Polizei sperrte den Platz.\n"})
    qa = QA(seeds, tmp_path / "idx", embedder=fake_embedder, lexicon=None)
    cited = [c.text for c in qa.ask("Feiern auf der Mauer?").citations]
    assert cited[:2] == ["Auf der Mauer feiern Hunderte bis in den Morgen.", "Feiern auf der Mauer"]


def test_the_sentence_beside_the_best_match_is_lifted_and_the_best_stays_first(tmp_path, fake_embedder):
    # The best sentence names the topic; the one after it gives the reason and shares no word with
    # the question. Sentences elsewhere that share a word are weaker than the topic sentence.
    seeds = write_seeds(tmp_path, {"asche.txt": "Die Flugsicherung sperrte am Freitag den Luftraum. Feine Glaspartikel "
                                                "können Triebwerke verstopfen.\n\nDie Flugsicherung lobte die Piloten."
                                                "\n\nDer Luftraum war am Morgen voll.\n\nDie Polizei sperrte eine Straße.\n"})
    index = QA(seeds, tmp_path / "idx", embedder=fake_embedder, lexicon=None).retriever().index
    question = "Warum sperrte die Flugsicherung den Luftraum?"

    def cited(share):
        retriever = HybridRetriever(index, fake_embedder, None, config=FusionConfig(neighbour_share=share))
        return [hit.sentence.text for hit in retriever.search(question, 3)]

    reason = "Feine Glaspartikel können Triebwerke verstopfen."
    assert reason not in cited(0.0)
    assert cited(0.3)[:2] == ["Die Flugsicherung sperrte am Freitag den Luftraum.", reason]
    assert FusionConfig().neighbour_share == 0.3
    with pytest.raises(ValueError, match="neighbour_share"):
        FusionConfig(neighbour_share=-0.1)

    retriever = HybridRetriever(index, fake_embedder, None)
    fused = np.array([1.0, 0.9, 0.2, 0.1, 0.0])  # the topic sentence and its neighbour nearly tie
    retriever._lift_neighbours(np.arange(5), fused)
    assert int(np.argmax(fused)) == 0 and fused[1] == pytest.approx(1.2)


def test_row_flags_are_worked_out_once_per_row():
    texts = ["Am Freitag.", "Ohne Zeit.", "Um 9 Uhr."]
    seen = []
    flags = RowFlags(texts, lambda text: seen.append(text) or "Zeit" not in text)
    assert flags(np.array([2, 0])).tolist() == [True, True]
    seen.clear()
    assert flags(np.array([0, 1, 2])).tolist() == [True, False, True]
    assert seen == ["Ohne Zeit."]  # only the sentence not asked about before


def test_dense_weighs_more_where_the_model_reads_both_question_and_sentence(tmp_path, fake_embedder):
    seeds = write_seeds(tmp_path, {
        "kreml.txt": "Der Kreml bestätigte das Gespräch am Dienstag.\n\nPutin trifft Trump in Alaska, wie die "
                     "Regierung mitteilte.\n",
        "storm.txt": "The storm closed three bridges on Tuesday.\n\nThe mayor praised the crews for their work.\n"})
    retriever = QA(seeds, tmp_path / "idx", embedder=fake_embedder, lexicon=None).retriever()
    rows = np.arange(len(retriever.sentences))
    english = retriever.lexical.row_lang == "en"
    assert english.sum() == 2 and (~english).sum() == 2  # each article read in its own language
    weights = retriever._lexical_weights("en", rows)  # the English model reads English sentences only
    assert (weights[english] == 0.5).all() and (weights[~english] == 0.6).all()
    assert (retriever._lexical_weights("de", rows) == 0.6).all()  # nor does it read a German question
    multilingual = config_for("paraphrase-multilingual-MiniLM-L12-v2")
    assert (multilingual.lexical_weight, multilingual.model_reads) == (0.5, None)
    with pytest.raises(ValueError, match="read_lexical_weight"):
        FusionConfig(read_lexical_weight=1.5)


def test_sentences_of_an_article_that_covers_less_of_the_question_lose_a_little(tmp_path, fake_embedder):
    seeds = write_seeds(tmp_path, {"kim.txt": "Kim Yo Jong warnte die USA.\n\nDas geschah am Dienstag in Pjöngjang.\n",
                                   "sturm.txt": "Am Dienstag zog ein Sturm über die USA.\n"})
    retriever = QA(seeds, tmp_path / "idx", embedder=fake_embedder, lexicon=None).retriever()
    off, rows = _off_article(retriever, "Warnte Kim die USA am Dienstag?")
    storm = np.array([retriever.sentences[row].source == "sturm.txt" for row in rows])
    assert (off[storm] > off[~storm].max()).all()
    assert retriever.config.article_penalty == 0.5
    single = QA(SEED_DIR, tmp_path / "one", embedder=fake_embedder, lexicon=None).retriever()
    assert (_off_article(single, "What did Kim Yo Jong warn?")[0] == 0).all()


def test_the_dense_model_helps_judge_which_article_a_question_is_about(tmp_path, fake_embedder):
    # Each article has a sentence covering the whole question; the dense model finds more of one
    # article's sentences near it.
    seeds = write_seeds(tmp_path, {"kim.txt": "Kim warnte die USA.\n\nKim warnte Seoul.\n\nKim warnte Tokio.\n",
                                   "sturm.txt": "Kim warnte die USA.\n\nDer Sturm zog ab.\n\nEs regnete.\n"})
    qa = QA(seeds, tmp_path / "idx", embedder=fake_embedder, lexicon=None)
    question = "Warnte Kim die USA?"
    off, rows = _off_article(qa.retriever(), question)
    storm = np.array([qa.retriever().sentences[row].source == "sturm.txt" for row in rows])
    assert (off[~storm] == 0).all() and (off[storm] > 0).all()
    lexical_only = HybridRetriever(qa.retriever().index, fake_embedder, None,
                                   config=FusionConfig(article_dense_share=0.0))
    assert (_off_article(lexical_only, question)[0] == 0).all()


def _off_article(retriever, question):
    """`retriever._off_article` of every sentence the dense ranker scores, and those rows."""
    rows, dense = retriever._dense_scores(question, len(retriever.sentences))
    return retriever._off_article(retriever.lexical.score(question), rows, dense), rows


def _evaluate(file, seeds, seeds_dir, tmp_path, capsys) -> dict:
    """`qa eval --json` of an eval file; `seeds` None: the project's seed in `seeds_dir`; a folder
    under eval/; that folder beside the seed ("+"); or every article in one index ("*")."""
    if seeds is None:
        where = ["--seeds", str(seeds_dir)]
    elif seeds == "*":
        for source in (ROOT / "eval").glob("*/seeds/*"):
            shutil.copy(source, seeds_dir / source.name)
        where = ["--seeds", str(seeds_dir), "--index", str(tmp_path / "idx")]
    else:
        folder = ROOT / "eval" / seeds.rstrip("+")
        if seeds.endswith("+"):  # both languages in one index
            for source in folder.iterdir():
                shutil.copy(source, seeds_dir / source.name)
            folder = seeds_dir
        where = ["--seeds", str(folder), "--index", str(tmp_path / "idx")]
    code = main(["eval", str(ROOT / "eval" / file), "--json", "-q", *where])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["mode"] == "hybrid"
    return report


@needs_ding
@pytest.mark.model
@pytest.mark.parametrize("folder, floor, abstained, false", [
    ("mindestlohn", {"en": 0.65, "de": 0.8}, 0.5, 0.1),
    ("ehefueralle", {"en": 0.8, "de": 0.8}, 0.375, 0.1),
    ("elbehochwasser", {"en": 0.8, "de": 0.8}, 0.625, 0.1),
    ("philae", {"en": 0.85, "de": 0.7}, 0.5, 0.1),
    ("wmfinale", {"en": 0.7, "de": 0.65}, 0.625, 0.1),
    ("gotthard", {"en": 0.8, "de": 0.6}, 0.25, 0.125),
    ("brexit", {"en": 0.7, "de": 0.6}, 0.375, 0.1),
    ("papst", {"en": 0.6, "de": 0.8}, 0.5, 0.1),
    ("vw", {"en": 0.6, "de": 0.7}, 0.375, 0.125),
    ("lehman", {"en": 0.9, "de": 0.7}, 0.375, 0.1),
    ("ber", {"en": 0.6, "de": 0.65}, 0.5, 0.1),
    ("apollo", {"en": 0.9, "de": 0.75}, 0.625, 0.1),
    ("tsunami", {"en": 0.7, "de": 0.8}, 0.375, 0.1),
    ("griechenland", {"en": 0.65, "de": 0.8}, 0.375, 0.1),
    ("stuttgart21", {"en": 0.75, "de": 0.9}, 0.5, 0.1),
    ("aschewolke", {"en": 0.7, "de": 0.7}, 0.375, 0.1),
    ("notredame", {"en": 0.75, "de": 0.85}, 0.375, 0.1),
    ("kyrill", {"en": 0.8, "de": 0.85}, 0.625, 0.1),
    ("costaconcordia", {"en": 0.65, "de": 0.75}, 0.625, 0.1),
    ("obamawahl", {"en": 0.75, "de": 0.85}, 0.5, 0.1),
    ("chilebergleute", {"en": 0.7, "de": 0.7}, 0.5, 0.1),
    ("elbphilharmonie", {"en": 0.7, "de": 0.55}, 0.375, 0.15),
    ("queen", {"en": 0.85, "de": 0.9}, 0.75, 0.1),
    ("deutschlandticket", {"en": 0.8, "de": 0.8}, 0.25, 0.1),
    ("wehrpflicht", {"en": 0.85, "de": 0.9}, 0.625, 0.1),
    ("deepwater", {"en": 0.9, "de": 0.8}, 0.5, 0.1),
    ("hartz", {"en": 0.9, "de": 0.7}, 0.625, 0.125),
    ("chunnel", {"en": 0.9, "de": 0.8}, 0.5, 0.1),
])
def test_quality_floor_on_the_newest_articles(folder, floor, abstained, false, seeds_dir, tmp_path, capsys):
    """Measured at commit time, hit@3 en / de, out-of-scope questions abstained on, and the share of
    answerable ones wrongly abstained on:
    the minimum-wage article 0.69 / 0.88, 4 of 8, 0.07 (its first run: 0.54 / 0.69, 3 of 8, 0.17);
    the same-sex marriage article 0.73 / 0.85, 5 of 8, 0.05 (its first run: 0.77 / 0.65, 4 of 8,
    0.05; the sentence before's words cost "what happened in the chamber right after the result
    was read out");
    the Elbe flood article 0.77 / 0.85, 5 of 8, 0.02 (its first run: 0.77 / 0.75, 4 of 8, 0.02);
    the Philae article 0.86 / 0.65, 4 of 8, 0.05 (its first run: 0.86 / 0.65, 3 of 8, 0.05);
    German questions glossed for the English-only model gained German on the first two and an
    out-of-scope question on each of the four;
    the World Cup final article 0.68 / 0.55, 5 of 8, 0.02 (its first run: 0.68 / 0.50, 3 of 8,
    0.05); the Gotthard tunnel article 0.82 / 0.55, 3 of 8, 0.10 (its first run: 0.77 / 0.65, 2 of
    8, 0.05; glossed German questions abstain on "welche regierungschefs waren bei der einweihung"
    and "wer hat die show bei der eröffnungsfeier gemacht");
    the Brexit referendum article 0.73 / 0.50, 2 of 8, 0.02, its first run.
    Glossing a German word as the list writes it before its stem (`qa.gloss`): the minimum-wage
    article 0.73 / 0.88 since; same-sex marriage 4 of 8 out of scope ("wer wurde 2017 deutscher
    fußballmeister" cited); World Cup final 0.73 / 0.60; Gotthard 0.86 / 0.65; Brexit 0.68 / 0.50,
    0.07 ("how did german stocks react to the leave result" abstained on).
    The papal resignation article 0.64 / 0.80, 4 of 8, 0.05 (its first run the same); the VW
    emissions article 0.68 / 0.80, 3 of 8, 0.07 (its first run 0.73 / 0.65, 3 of 8, 0.05).
    English questions comparing more with the glosses (`qa.retrieve.DenseRetriever`, gloss weight
    0.5 -> 0.8): same-sex marriage 0.82 English, Brexit 0.73, the papal article 0.68; Gotthard
    0.82 (0.86 before).
    The lexical ranking's weight 0.7 -> 0.6: minimum wage 0.69 / 0.88; same-sex marriage 0.86 /
    0.85; Elbe 0.82 / 0.85; Philae 0.86 / 0.70; World Cup 0.73 / 0.65; Brexit 0.73 / 0.60, 3 of 8;
    VW 0.64 / 0.75, 3 of 8, 0.10 (0.68 / 0.80, 0.07 before).
    The Lehman article 0.91 / 0.70, 3 of 8, 0.05, and the BER article 0.64 / 0.65, 4 of 8, 0.00:
    their first runs (78cf3a0). Apollo 11 0.95 / 0.75, 5 of 8; the tsunami 0.73 / 0.85, 3 of 8;
    the Greek referendum 0.68 / 0.80, 3 of 8; Stuttgart 21 0.82 / 0.90, 4 of 8; 0.02 each: their
    first runs (6c4dac4).
    "How old ...?" questions preferring a sentence that gives an age (`qa.answer_type`): Brexit
    0.73 / 0.65; Lehman 0.91 / 0.75; BER 0.68 / 0.65; the Greek referendum 0.73 / 0.80, 0.00.
    A sentence lifted by its best neighbour's score (`FusionConfig.neighbour_share`): brexit 0.86 /
    0.65, papst 0.77 / 0.80, BER 0.73 / 0.65, mindestlohn 0.73 / 0.88, the Elbe flood 0.82 / 0.90,
    apollo 0.95 / 0.80, the Greek referendum 0.68 / 0.90; it cost vw German (0.68 / 0.70: "Was
    verlangen Umweltschützer bei den Abgastests?") and tsunami German (0.77 / 0.80: "Todesopfer
    Indien").
    The ash cloud article 0.73 / 0.70, 3 of 8, 0.07 (its first run, before the neighbour's lift:
    0.77 / 0.65); Notre-Dame 0.82 / 0.85, 3 of 8, 0.02 (0.82 / 0.80); Kyrill 0.82 / 0.90, 5 of 8,
    0.00 (0.77 / 0.90).
    "Why ...?" preferring a sentence that gives a reason (`qa.answer_type`): philae 0.91 / 0.70,
    BER 0.77 / 0.65, the Greek referendum 0.73 / 0.90; Notre-Dame 0.77 / 0.85 ("How come the copper
    statues of the apostles escaped the flames?" now cites a sentence with "denn" first).
    The Costa Concordia article 0.73 / 0.75, 5 of 8, 0.07, and the Obama election article 0.77 /
    0.85, 4 of 8, 0.07 (80b575e, and 802b54a the same). Their first runs (4f1a6e1) were 0.68 / 0.75
    and 0.77 / 0.80, 0.10 each: a clock-time question and "Welchen Staat ...?" were mended.
    The Chile mine rescue 0.77 / 0.70, 4 of 8, 0.05, and the Elbphilharmonie's opening 0.73 / 0.60,
    3 of 8, 0.12: their first runs (a54a8a4), the same at 20b323b.
    A compound and its parts covering the question as one word, with the dense support asked for
    0.3 -> 0.35 (34 sets each on its own articles: 363 -> 355 wrong outcomes; 29 articles in one
    index: 577 -> 580): same-sex marriage 0.82 English, 3 of 8; Gotthard 0.60 German, 0.12; the
    Elbphilharmonie 0.55 German, 4 of 8. Each lost an answer the dense model supports at 0.32-0.35.
    The Queen's death 0.86 / 0.90, 6 of 8, 0.00, and the Deutschlandticket 0.82 / 0.80, 1 of 8, 0.00:
    their first runs (ae3e328); 2 of 8 for the Deutschlandticket since.
    Glosses by the senses the word list gives first (`qa.lexicon`; 36 sets each on its own articles
    356 -> 350 wrong outcomes, 29 articles in one index 590 -> 583, 50 questions gained and 37 lost):
    minimum wage 0.77 / 0.81; VW 0.68 / 0.75, 3 of 8, 0.12; Stuttgart 21 0.77 / 0.90; the Chile
    mine rescue 0.73 / 0.75; and up: the Elbphilharmonie 0.86 / 0.60, papst 0.82 / 0.80, Lehman
    0.95 / 0.80, 4 of 8, the Queen 0.91 / 0.90.
    Conscription suspended 0.88 / 0.94, 4 of 8, 0.00, and the Deepwater Horizon (an English article,
    more German questions than English) 0.90 / 0.82, 3 of 8, 0.10: their first runs (175dbce).
    A "How high is X?" question needing a number beside X (`qa.answer_type.measured`): 5 of 8 for
    conscription and 4 of 8 for the Deepwater Horizon ("Wie hoch ist die Mehrwertsteuer in
    Deutschland?", "Wie hoch ist der Versicherungsschaden für Transocean?"); it cost Kyrill a German
    question (0.85: "Wie lange waren Dörfer in der Uckermark ohne Strom?" was answered through a
    number in another sentence) and the Costa Concordia an English one (0.68: "how big was the gash
    in the hull", since the list does not translate "gash" as "Leck").
    Hartz IV (German) 0.92 / 0.78, 5 of 8, 0.10, and the Channel Tunnel (English, more German
    questions than English) 0.94 / 0.83, 4 of 8, 0.05: their first runs (6fe8d6e).
    A thin match of sure terms needing some support from the dense model
    (`FusionConfig.sure_alone_coverage`): apollo 0.91 English ("How did Moscow respond to the
    American success?" abstained on, supported at 0.15), 7 of 8; Hartz IV 0.72 German ("Warum ist
    die genaue Empfaengerzahl noch unklar?"), 6 of 8, 0.12; the tsunami, the Greek referendum,
    Stuttgart 21 and conscription one more out-of-scope question each."""
    report = _evaluate(f"{folder}/questions.jsonl", f"{folder}/seeds", seeds_dir, tmp_path, capsys)
    for lang, least in floor.items():
        assert report["metrics"][lang]["hit@3"] >= least, report["misses"]
    assert report["abstention"]["correct"] >= abstained and report["abstention"]["false"] <= false


def test_the_dense_model_supports_an_answer_only_through_a_sentence_it_would_cite(tmp_path, fake_embedder):
    text = "\n\n".join(["Der Gletscher schmilzt.", "Am Gletscher fehlt Schnee.", "Ein Gletscher wandert.",
                        "Die Sonne scheint.", "Es regnet.", "Der Wind weht."])
    retriever = QA(write_seeds(tmp_path, {"eis.txt": text}), tmp_path / "idx", embedder=fake_embedder,
                   lexicon=None).retriever()
    question = "Wo ist der Gletscher des Eisbären?"
    cfg = retriever.config
    assert cfg.min_coverage <= retriever.lexical.score(question).coverage.max() < cfg.sure_coverage

    def dense_sure_of(row):  # the dense model finds one sentence close and no other
        rows = np.arange(len(retriever.sentences))
        return lambda *args, **kwargs: (rows, np.where(rows == row, 0.9, 0.0))

    sun = next(i for i, s in enumerate(retriever.sentences) if s.text == "Die Sonne scheint.")
    retriever._dense_scores = dense_sure_of(sun)  # a sentence the answer would not cite
    assert retriever.search(question, 3) == []
    retriever._dense_scores = dense_sure_of(0)  # "Der Gletscher schmilzt."
    assert retriever.search(question, 3)[0].sentence.index == 0


LOOSE_DING = """Meister {m} :: champion
Meister {m}; Titelträger {m} :: champion; titleholder
sich für etw. einsetzen {vr} :: to champion sth.
Liga {f} :: league
Liga {f}; Spielklasse {f} :: league; division
Bündnis {n} :: league
letzte; letzter :: last
letzte; letzter; zuletzt :: last; latest
vergangen {adj} :: last; past
Saison {f} :: season
Saison {f}; Spielzeit {f} :: season
Jahr {n} :: year; season
"""


def test_coverage_of_loose_senses_alone_is_no_sure_answer(tmp_path, fake_embedder):
    """Each word of the question reaches the sentence only through a minor sense ("last" ->
    vergangen, not letzte): though the coverage would pass for sure, nothing is cited unless the
    dense model supports the sentence. (The hashing embedder finds "last season league" in the
    sentence's gloss, so its support is set out of reach here.)"""
    seeds = write_seeds(tmp_path, {"pakt.txt": "Die beiden Staaten haben sich im vergangenen Jahr für ein Bündnis"
                                               " eingesetzt.\n\nDas Wetter war gut.\n"})
    words = lexicon.parse(write_ding(tmp_path, LOOSE_DING))
    index = QA(seeds, tmp_path / "idx", embedder=fake_embedder, lexicon=words).retriever().index
    question = "Which champion won the league last season?"
    unsupported = dict(dense_support=1.0, loose_support=1.0)
    strict = HybridRetriever(index, fake_embedder, words, config=FusionConfig(**unsupported))
    lex = strict.lexical.score(question)
    assert lex.coverage[0] >= strict.config.sure_coverage and lex.surest[0] < strict.config.sure_match
    assert strict.search(question, 3) == []
    trusting = HybridRetriever(index, fake_embedder, words,
                               config=FusionConfig(sure_match=0.7, sure_alone_coverage=0.2, **unsupported))
    assert trusting.search(question, 3)[0].sentence.text.startswith("Die beiden Staaten")
    supported = HybridRetriever(index, fake_embedder, words, config=FusionConfig(dense_support=1.0))
    assert supported.search(question, 3)  # the dense model's support of 0.33 is enough


def test_a_thin_match_of_sure_terms_needs_some_support_from_the_dense_model(tmp_path, fake_embedder):
    """"Eiffelturm Paris" covers a quarter of "In Paris regnete es am Montag." through the question's
    own word: with the dense model's support out of reach, nothing is cited unless the match
    covers `sure_alone_coverage`; a question the sentence covers more of is still answered."""
    seeds = write_seeds(tmp_path, {"paris.txt": "In Paris regnete es am Montag.\n\nDas Wetter war gut.\n\n"
                                                "Die Börse schloss fester.\n\nDer Zug kam spät.\n"})
    index = QA(seeds, tmp_path / "idx", embedder=fake_embedder, lexicon=lexicon.Lexicon()).retriever().index
    unsupported = dict(dense_support=1.0, loose_support=1.0)
    strict = HybridRetriever(index, fake_embedder, lexicon.Lexicon(), config=FusionConfig(**unsupported))
    lex = strict.lexical.score("Eiffelturm Paris")
    assert strict.config.sure_coverage <= lex.coverage[0] < strict.config.sure_alone_coverage
    assert lex.surest[0] >= strict.config.sure_match
    assert strict.search("Eiffelturm Paris", 3) == []
    assert strict.search("Regnete es in Paris?", 3)[0].sentence.index == 0  # covers more than half
    lenient = HybridRetriever(index, fake_embedder, lexicon.Lexicon(),
                              config=FusionConfig(sure_alone_coverage=0.2, **unsupported))
    assert lenient.search("Eiffelturm Paris", 3)[0].sentence.index == 0


SPOKESMAN_DING = """Sprecher {m} :: spokesman; speaker
Interessenvertreter {m} :: representative; spokesman
Interesse {n} :: interest
Vertreter {m} :: representative
Kreml {m} :: Kremlin
Name {m} :: name
"""
ELSE = "Das Wetter war gut.\n\nDie Börse schloss fester.\n\nDer Zug kam spät.\n"


def test_a_question_for_a_name_needs_a_main_sense_of_what_it_asks_the_name_of(tmp_path, fake_embedder):
    """"spokesman" reaches "Interesse" only through a part of "Interessenvertreter": a sentence with
    "Interesse" and a name is no answer to "What is the name of the Kremlin's spokesman?", one with
    "Kremlsprecher" is."""
    words = lexicon.parse(write_ding(tmp_path, SPOKESMAN_DING))
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    other = write_seeds(tmp_path / "a", {"a.txt": "Der Kreml zeigte Interesse an Gesprächen mit Kim Jong Un.\n\n" + ELSE})
    question = "What is the name of the Kremlin's spokesman?"
    assert QA(other, tmp_path / "a-idx", embedder=fake_embedder, lexicon=words).ask(question).citations == []
    named = write_seeds(tmp_path / "b", {"b.txt": "Der Kremlsprecher Dmitri Peskow zeigte Interesse.\n\n" + ELSE})
    answer = QA(named, tmp_path / "b-idx", embedder=fake_embedder, lexicon=words).ask(question)
    assert "Peskow" in answer.citations[0].text


# As in the full list, "Mehrwertsteuer" splits into Mehrwert (mehr + Wert) and Steuer.
VAT_DING = """Steuer {f} :: tax
Wert {m} :: value
Wert {m}; Werte {pl} :: value; values
Mehrwert {m} :: added value
mehr {adv} :: more
mehr als {adv} :: more than
Deutschland {n} :: Germany
hoch {adj} :: high
"""


def test_a_question_for_the_size_of_something_needs_it_beside_the_number(tmp_path, fake_embedder):
    """"Wie hoch ist die Mehrwertsteuer in Deutschland?" is not answered by a number beside
    "Deutschland" and "mehr" (a part of "Mehrwertsteuer" that is not its head), but by one beside
    "Mehrwertsteuer"."""
    words = lexicon.parse(write_ding(tmp_path, VAT_DING))
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    question = "Wie hoch ist die Mehrwertsteuer in Deutschland?"
    other = write_seeds(tmp_path / "a", {"a.txt": "In Deutschland fuhren mehr als 100 Züge am Tag hoch in den Norden.\n\n"
                                                  + ELSE})
    assert QA(other, tmp_path / "a-idx", embedder=fake_embedder, lexicon=words).ask(question).citations == []
    vat = write_seeds(tmp_path / "b", {"b.txt": "Die Mehrwertsteuer liegt in Deutschland bei 19 Prozent.\n\n" + ELSE})
    answer = QA(vat, tmp_path / "b-idx", embedder=fake_embedder, lexicon=words).ask(question)
    assert "19 Prozent" in answer.citations[0].text
