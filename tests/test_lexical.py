"""Stemming, compound splitting, translated BM25 and its coverage signal."""
import numpy as np
import pytest

from conftest import write_ding

from qa import lexicon
from qa.analysis import Analyzer, CompoundSplitter, content_words, guess_language, lower_case_words, stem
from qa.expand import QueryExpander
from qa.lexical import LexicalRetriever
from qa.types import Sentence

TEXTS = [
    "Kim Yo Jong warnte die USA davor, die Denuklearisierungsbemühungen weiter voranzutreiben.",
    "Der Kreml bestätigte das Gespräch.",
    "Die beiden Staaten unterzeichneten einen Verteidigungspakt.",
    "Am Freitag trifft sich Putin mit US-Präsident Trump.",
    "Der Freitagsgipfel beginnt um neun.",
    "Die Atmosphäre war herzlich.",
    "Pjöngjang liefert Moskau Granaten.",
    "Der Meiler bleibt abgeschaltet.",
]
DING = """Gespräch {n}; Unterhaltung {f} :: conversation; talk
bestätigen {vt} | bestätigend | bestätigt :: to confirm | confirming | confirmed
Kreml {m} :: Kremlin
Verteidigung {f} :: defence; defense
Pakt {m} :: pact
Denuklearisierung {f} :: denuclearization
Bemühung {f} | Bemühungen {pl} :: effort | efforts
Wasser {n} :: water
Freitagsgipfel {m} :: Friday summit
Stimmung {f}; Laune {f} :: mood
Atmosphäre {f}; Stimmung {f} :: atmosphere
Russland {n} [geogr.] :: Russia
Moskau (Hauptstadt von Russland) [geogr.] :: Moscow (capital of Russia)
abschalten {vt} | abschaltend | abgeschaltet :: to switch off | switching off | switched off
umschalten {vt} :: to switch
Schalter {m} :: switch
"""


def sentences(texts=TEXTS):
    return [Sentence("a.txt", i, t, 0, len(t), 0, 0, 0) for i, t in enumerate(texts)]


@pytest.fixture
def small_lexicon(tmp_path):
    return lexicon.parse(write_ding(tmp_path, DING))


def test_compound_parts_need_known_words_that_beat_the_whole():
    vocab = {"denuklearisierung": 2, "bemühungen": 5, "bundestag": 40, "bund": 30, "stag": 2}
    split = CompoundSplitter(vocab).split
    assert split("denuklearisierungsbemühungen") == ["denuklearisierung", "bemühungen"]
    assert split("bundestag") == []  # more common whole than "bund" + "stag"
    assert split("xylophonkasten") == []


def test_a_function_word_may_end_a_compound_but_not_open_one():
    vocab = {"öffentlich": 14, "wiesen": 3}  # the word list's vocabulary has no function words
    split = CompoundSplitter(vocab).split
    assert split("öffentlichmachen") == ["öffentlich", "machen"]
    assert split("überwiesen") == []  # not "über" + "Wiesen"
    analyzer = Analyzer("de", CompoundSplitter(vocab))
    # the function word ending it is a term of its own: "öffentlich gemacht" asks for "machen"
    assert analyzer.word_terms("öffentlichmachen") == [stem("öffentlichmachen", "de"), stem("öffentlich", "de"),
                                                       stem("machen", "de")]


def test_a_compound_part_that_is_a_stop_word_opening_it_is_no_term():
    analyzer = Analyzer("de", CompoundSplitter({"nach": 50, "prüfen": 20, "frage": 20, "binnen": 5}))
    assert analyzer.word_terms("nachprüfen") == [stem("nachprüfen", "de"), stem("prüfen", "de")]
    # "nächste" stems to "nach": it must not match every compound that opens with "nach"
    assert stem("nächste", "de") not in analyzer.terms("Er will alles nachprüfen.")


def test_german_query_word_matches_compound_in_sentence(small_lexicon):
    r = LexicalRetriever(sentences(), small_lexicon)
    hits = r.search("Was ist mit der Denuklearisierung?", 2)
    assert hits[0].sentence.index == 0


def test_stemming_and_stop_words():
    a = Analyzer("de")
    assert a.terms("die Gespräche") == a.terms("das Gespräch")  # stems equal, articles dropped
    assert a.terms("beim Kometen") == a.terms("zum Kometen") == a.terms("Kometen")  # "bei dem", "zu dem"
    assert Analyzer("en").terms("What did they confirm?") == ["confirm"]
    assert guess_language("Hat der Kreml das Telefonat bestätigt?") == "de"
    assert guess_language("Did the Kremlin confirm the call?") == "en"


@pytest.mark.parametrize("question, lang", [("kreml pakt", "de"), ("kremlin pact", "en"),
                                            ("Kreml Pakt?", "de"), ("Did the Kremlin confirm?", "en")])
def test_a_bare_list_of_words_is_read_in_the_language_the_word_list_knows_it_in(small_lexicon, question, lang):
    r = LexicalRetriever(sentences(), small_lexicon)
    assert r.expander.expand(question).lang == lang  # no stop words or umlauts to tell by


def test_english_question_finds_german_sentence_only_with_translation(small_lexicon):
    question = "Did the Kremlin confirm the conversation?"
    assert LexicalRetriever(sentences(), lexicon.Lexicon()).search(question, 3) == []
    hits = LexicalRetriever(sentences(), small_lexicon).search(question, 3)
    assert hits[0].sentence.index == 1
    hits = LexicalRetriever(sentences(), small_lexicon).search("Which defence pact was signed?", 1)
    assert hits[0].sentence.index == 2  # "defence" -> Verteidigung, a part of Verteidigungspakt


def test_english_word_reaches_german_word_listed_only_inside_a_phrase(small_lexicon):
    # "Freitagsgipfel :: Friday summit": the list never pairs "summit" alone with it
    hits = LexicalRetriever(sentences(), small_lexicon).search("When does the summit begin?", 1)
    assert hits[0].sentence.index == 4
    query = LexicalRetriever(sentences(), small_lexicon).expander.expand("When does the summit begin?")
    assert next(g for g in query.groups if g.word == "summit").terms["freitagsgipfel"] == pytest.approx(0.8)


@pytest.mark.parametrize("question", ["Wie war die Stimmung?", "What was the mood like?"])
def test_word_the_articles_lack_reaches_their_synonym(small_lexicon, question):
    r = LexicalRetriever(sentences(), small_lexicon)
    assert r.search(question, 1)[0].sentence.index == 5  # Stimmung (mood) -> Atmosphäre
    group = next(g for g in r.expander.expand(question).groups if g.word in ("stimmung", "mood"))
    assert group.terms[r.analyzer.word_terms("atmosphäre")[0]] == pytest.approx(0.5)


@pytest.mark.parametrize("question", ["Wie war die Stimmung?", "What was the mood like?"])
def test_synonyms_stand_in_in_each_article_that_lacks_the_word(small_lexicon, question):
    """With several articles in one index, one article having the word does not keep its synonyms
    from another that lacks it; in the article that has it, they do not count."""
    texts = {"call.txt": ["Der Kreml bestätigte das Gespräch.", "Die Atmosphäre war herzlich."],
             "match.txt": ["Die Stimmung im Stadion war gut.", "Die Atmosphäre im Stadion war laut."]}
    r = LexicalRetriever([Sentence(source, i, t, 0, len(t), i, 0, 0)  # a paragraph each
                          for source, lines in texts.items() for i, t in enumerate(lines)], small_lexicon)
    result = r.score(question)
    assert result.scores[1] > 0  # "Atmosphäre" where the article lacks "Stimmung"
    assert result.scores[2] > 0 and result.scores[3] == 0  # where it has it, only "Stimmung" counts
    word = next(w for w in question.lower().rstrip("?").split() if w in ("stimmung", "mood"))
    assert list(r.mentions(result, [word], np.arange(4))) == [False, True, True, False]  # the same


def test_synonyms_only_stand_in_for_words_the_articles_lack(small_lexicon):
    r = LexicalRetriever(sentences(), small_lexicon)  # "Gespräch; Unterhaltung": the articles say Gespräch
    group = next(g for g in r.expander.expand("Wie lief das Gespräch?").groups if g.word == "gespräch")
    assert list(group.terms) == [r.analyzer.word_terms("gespräch")[0]]


@pytest.mark.parametrize("question", ["Was liefert man Russland?", "What is supplied to Russia?"])
def test_a_country_reaches_its_capital_standing_for_it(small_lexicon, question):
    r = LexicalRetriever(sentences(), small_lexicon)
    assert r.search(question, 1)[0].sentence.index == 6  # "Moskau" for Russia
    group = next(g for g in r.expander.expand(question).groups if g.word in ("russland", "russia"))
    assert group.terms[r.analyzer.word_terms("moskau")[0]] == pytest.approx(0.5)


@pytest.mark.parametrize("question", ["Welche Maßnahmen ergriff Russland?", "What measures did Russia take?"])
def test_a_place_reaches_its_adjective(small_lexicon, question):
    texts = TEXTS + ["Kim unterstützt die von der russischen Führung ergriffenen Maßnahmen."]
    lex = lexicon.Lexicon(**{**vars(small_lexicon), "place_adjectives": {"russland": ("russisch",)},
                             "en_de": {**small_lexicon.en_de, "measur": {"maßnahmen": 1.0}}})
    r = LexicalRetriever(sentences(texts), lex)
    group = next(g for g in r.expander.expand(question).groups if g.word in ("russland", "russia"))
    assert group.terms[r.analyzer.word_terms("russischen")[0]] == pytest.approx(0.5)
    assert r.search(question, 1)[0].sentence.index == len(TEXTS)


def test_a_phrasal_verb_is_translated_with_its_particle(small_lexicon):
    r = LexicalRetriever(sentences(), small_lexicon)
    question = "Was the plant switched off?"
    groups = {g.word: g for g in r.expander.expand(question).groups}
    assert groups["switched off"].terms == {r.analyzer.word_terms("abgeschaltet")[0]: 1.0}  # in the articles
    assert groups["switched off"].weight == 0.5 and groups["switched"].weight < 0.5  # the verb's place, shared
    assert r.search(question, 1)[0].sentence.index == 7


@pytest.mark.parametrize("question", ["Who sold the starter kits?", "Wer verkaufte die Starter-Kits?"])
def test_two_words_the_articles_write_as_one_compound(small_lexicon, question):
    texts = TEXTS + ["Banken verkauften Starterkits mit Münzen.", "Der Start war holprig."]
    r = LexicalRetriever(sentences(texts), small_lexicon)
    groups = {g.word: g for g in r.expander.expand(question).groups}
    assert r.analyzer.word_terms("starterkits")[0] in groups["starter kits"].terms
    assert r.search(question, 1)[0].sentence.index == len(TEXTS)


ENGLISH = ["The mayor closed three bridges as a precaution.", "Crews cleared fallen trees overnight.",
           "Forecasters expect calmer weather by Thursday."]


def test_a_german_word_reaches_the_head_of_its_two_word_translations(tmp_path):
    """"Bohrinsel :: oil rig; oil platform": the list gives no one-word translation, and the English
    article says "rig"."""
    lex = lexicon.parse(write_ding(tmp_path, DING + "Bohrinsel {f} :: oil rig; oil platform\n"))
    rig = [Sentence("rig.txt", i, t, 0, len(t), 0, 0, 0) for i, t in
           enumerate(["The rig sank on Thursday.", "Crews searched the sea.", "The company owns ships."])]
    r = LexicalRetriever(rig, lex)
    group = next(g for g in r.expander.expand("Wann sank die Bohrinsel?").groups if g.word == "bohrinsel")
    assert group.terms[r.analyzer.word_terms("rig")[0]] == pytest.approx(0.8)
    assert r.search("Wem gehört die Bohrinsel?", 1)[0].sentence.index == 0


def test_each_article_is_read_in_its_own_language(small_lexicon):
    mixed = sentences() + [Sentence("storm.txt", i, t, 0, len(t), 0, 0, 0) for i, t in enumerate(ENGLISH)]
    lex = lexicon.Lexicon(**{**vars(small_lexicon),
                             "de_en": {**small_lexicon.de_en, "burgermeist": {"mayor": 1.0}}})
    r = LexicalRetriever(mixed, lex)
    assert list(r.row_lang) == ["de"] * len(TEXTS) + ["en"] * len(ENGLISH)
    assert r.lang == "de" and [p.lang for p in r.parts] == ["de", "en"]  # the main language first
    assert r.search("Which bridges did the mayor close?", 1)[0].sentence.text == ENGLISH[0]  # English stems
    assert r.search("Was tat der Bürgermeister?", 1)[0].sentence.text == ENGLISH[0]  # translated to English
    assert r.search("Did the Kremlin confirm the conversation?", 1)[0].sentence.index == 1  # and to German
    result = r.score("Welche Brücken schloss der Bürgermeister?")
    assert set(result.queries) == {"de", "en"} and result.query is result.queries["de"]
    rows = np.array([len(TEXTS), len(TEXTS) + 1, 1])
    assert list(r.mentions(result, ["bürgermeister"], rows)) == [True, False, False]
    assert list(r.mentions(result, ["nirgends"], rows)) == [True, True, True]  # not a word of the query


def test_an_english_word_the_articles_lack_reaches_their_synonym_through_german(small_lexicon):
    hurt = lexicon.Lexicon(**{**vars(small_lexicon), "en_de": {**small_lexicon.en_de, "hurt": {"verletzt": 1.0}},
                              "de_en": {**small_lexicon.de_en, "verletzt": {"injured": 1.0, "hurt": 1.0}}})
    storm = [Sentence("storm.txt", i, t, 0, len(t), 0, 0, 0)
             for i, t in enumerate(ENGLISH + ["One firefighter was injured."])]
    r = LexicalRetriever(storm, hurt)
    group = next(g for g in r.expander.expand("Was anyone hurt?").groups if g.word == "hurt")
    assert group.terms[r.analyzer.word_terms("injured")[0]] == pytest.approx(0.5)
    assert r.search("Was anyone hurt?", 1)[0].sentence.text == "One firefighter was injured."
    # Beside a German article that has the word, the question is likely about that one: no synonyms.
    mixed = LexicalRetriever(storm + [Sentence("de.txt", 0, "Ein Polizist wurde verletzt.", 0, 28, 0, 0, 0)], hurt)
    english = next(p for p in mixed.parts if p.lang == "en")
    group = next(g for g in english.expander.expand("Was anyone hurt?").groups if g.word == "hurt")
    assert list(group.terms) == [english.analyzer.word_terms("hurt")[0]]


def test_coverage_is_a_share_of_the_question(small_lexicon):
    r = LexicalRetriever(sentences(), small_lexicon)
    good = r.score("Did the Kremlin confirm the conversation?").coverage.max()
    off = r.score("What is the boiling point of water?").coverage.max()
    assert 0.5 < good <= 1.0 and off == 0.0


def test_rejects_bad_arguments():
    with pytest.raises(ValueError, match="at least one sentence"):
        LexicalRetriever([], lexicon.Lexicon())
    with pytest.raises(ValueError, match="got 0"):
        LexicalRetriever(sentences(), lexicon.Lexicon()).search("Putin", 0)


def test_article_coverage_counts_the_question_words_of_all_its_sentences(small_lexicon):
    texts = [Sentence("kim.txt", 0, "Kim Yo Jong warnte die USA.", 0, 0, 0, 0, 0),
             Sentence("kim.txt", 1, "Das geschah am Dienstag in Pjöngjang.", 0, 0, 0, 0, 0),
             Sentence("sturm.txt", 0, "Am Dienstag zog ein Sturm über die USA.", 0, 0, 0, 0, 0)]
    result = LexicalRetriever(texts, small_lexicon).score("Warnte Kim die USA am Dienstag?")
    kim, dienstag, sturm = result.article_coverage
    assert kim == dienstag  # one figure per article
    assert kim > max(result.coverage[:2])  # more than either of its sentences alone
    assert sturm == pytest.approx(result.coverage[2]) and sturm < kim


def test_a_german_word_the_articles_lack_reaches_a_thesaurus_synonym(tmp_path):
    ding = DING + "Wirtschaft {f} :: economy\nWissenschaftler {m} :: scientist\nFlügel {m} :: wing\n"
    lex = lexicon.parse(write_ding(tmp_path, ding), synsets=[("ökonom", "wirtschaftswissenschaftler")])
    texts = TEXTS + ["Der Wirtschaftsflügel war dagegen.", "Ökonomen fürchten den Verlust von Arbeitsplätzen."]
    r = LexicalRetriever(sentences(texts), lex)
    # The articles have a part of the word ("Wirtschaft"), not the word: its synonym still stands in.
    assert r.analyzer.word_terms("wirtschaftswissenschaftler")[1] == stem("wirtschaft", "de")
    query = r.expander.expand("Was fürchten Wirtschaftswissenschaftler?")
    assert query.groups[1].terms[stem("ökonom", "de")] == pytest.approx(0.5)
    assert r.search("Was fürchten Wirtschaftswissenschaftler?", 1)[0].sentence.text == texts[-1]


@pytest.mark.parametrize("question", ["Was hat Kim Russland zugesichert?", "Was sicherte Kim Russland zu?"])
def test_a_verb_the_articles_lack_reaches_its_synonym_in_the_form_they_use(tmp_path, question):
    ding = (DING + "etw. zusichern {vt} | zusichernd | zugesichert | sichert zu | sicherte zu :: to assure "
            "sth. | assuring | assured | assures | assured\nversichern {vt} | versichernd | versichert | "
            "versichert | versicherte :: to assure | assuring | assured | assures | assured\n"
            "jdm. zuhören {vi} | zuhörend | zugehört | hört zu | hörte zu :: to listen to sb.\n"
            "etw. zumachen {vt} | zumachend | zugemacht | macht zu | machte zu :: to close sth.\n"
            "sichern {vt} :: to secure\nhören {vt} :: to hear\nmachen {vt} :: to make\n")
    lex = lexicon.parse(write_ding(tmp_path, ding), synsets=[("versichern", "beteuern", "zusichern")])
    texts = ["Kim besuchte Russland im Sommer.", "Kim versicherte, Nordkorea werde Russland weiter unterstützen.",
             "Der Kreml bestätigte das Gespräch."]
    r = LexicalRetriever(sentences(texts), lex)
    # "zugesichert" and "sicherte ... zu" are forms of "zusichern", whose synonym "versichern" the article
    # writes as "versicherte", a form the stemmer does not bring to the infinitive's stem
    assert stem("versicherte", "de") != stem("versichern", "de")
    assert r.search(question, 1)[0].sentence.text == texts[1]


def test_an_english_word_whose_translations_the_articles_lack_reaches_their_synonyms(tmp_path):
    # "penalty" -> Strafe, which the articles lack; "time penalty" -> Zeitstrafe gives only the part
    # "Zeit", which is no translation of "penalty": the synonym of Strafe the articles use counts.
    ding = DING + "Strafe {f} :: penalty\nZeitstrafe {f} :: time penalty\nZeit {f} :: time\n"
    lex = lexicon.parse(write_ding(tmp_path, ding), synsets=[("strafe", "bußgeld")])
    texts = ["Die Zeit drängt.", "Wer zu wenig zahlt, riskiert ein Bußgeld."]
    r = LexicalRetriever(sentences(texts), lex)
    group = next(g for g in r.expander.expand("What is the penalty?").groups if g.word == "penalty")
    assert r.analyzer.word_terms("zeit")[0] in group.terms  # the part is still there, and now
    assert group.terms[r.analyzer.word_terms("bußgeld")[0]] == pytest.approx(0.5)
    assert r.search("What is the penalty?", 1)[0].sentence.text == texts[1]


def test_german_synonyms_stand_back_when_an_english_article_has_the_word(tmp_path):
    ding = DING + "Spitzturm {m} :: spire\n"
    lex = lexicon.parse(write_ding(tmp_path, ding), synsets=[("spitzturm", "turm")])
    german = sentences(["Der Turm des Rathauses wird renoviert."])
    english = [Sentence("fire.txt", 0, "The spire collapsed in the fire.", 0, 32, 0, 0, 0)]
    alone = LexicalRetriever(german, lex).expander.expand("Was ist mit dem Spitzturm passiert?")
    assert terms_of(alone, "spitzturm") == {stem("spitzturm", "de"), stem("turm", "de")}
    mixed = LexicalRetriever(german + english, lex)
    query = mixed.score("Was ist mit dem Spitzturm passiert?").queries["de"]
    assert terms_of(query, "spitzturm") == {stem("spitzturm", "de")}  # the English article has "spire"
    assert mixed.search("Was ist mit dem Spitzturm passiert?", 1)[0].sentence.source == "fire.txt"


def test_a_german_question_word_is_translated_as_written_before_its_stem(tmp_path):
    """"Arbeiter" stems like "Arbeit", which the list gives for "work" in many more senses than
    "Arbeiter" for "worker": read by its stem, "worker" would be too minor a translation to keep."""
    ding = "Arbeit {f} :: work\n" * 7 + "Arbeiter {m} :: worker\nvermisst {adj} :: missing\n"
    lex = lexicon.parse(write_ding(tmp_path, ding))
    english = [Sentence("rig.txt", i, text, 0, len(text), 0, i, 0) for i, text in
               enumerate(["Work on the rig had stopped.", "Eleven workers were missing."])]
    r = LexicalRetriever(english, lex, lang="en")
    assert r.search("Wie viele Arbeiter werden vermisst?", 1)[0].sentence.text == "Eleven workers were missing."
    assert stem("worker", "en") in terms_of(r.expander.expand("Wie viele Arbeiter?"), "arbeiter")


def terms_of(query, word):
    """The terms of the group of `word` in `query`."""
    return set(next(g for g in query.groups if g.word == word).terms)


def test_new_names_leave_out_what_the_question_holds(small_lexicon):
    texts = ["Gestern bestätigte der Kreml das Gespräch mit Putin.", "Gestern bestätigte Peskow das Gespräch."]
    r = LexicalRetriever(sentences(texts), small_lexicon)
    result = r.score("What is the name of the Kremlin official who spoke about Putin?")
    assert r.new_names(result, 0) == []  # "Kreml" is a word of the list, "Putin" is asked about
    assert r.new_names(result, 1) == ["Peskow"]


def test_a_sentence_shares_the_question_words_of_the_one_before_in_its_paragraph():
    def article(last_paragraph):
        texts = [("Schröder besuchte Dresden.", 0), ("Er versprach schnelle Hilfe.", 0),
                 ("Schröder kam am Dienstag.", 1), ("Die Stadt versprach Decken.", last_paragraph)]
        return [Sentence("flut.txt", i, t, 0, 0, p, 0, 0) for i, (t, p) in enumerate(texts)]

    question = "Was versprach Schröder?"
    apart = LexicalRetriever(article(2), lexicon.Lexicon()).score(question)
    # "Er versprach ..." follows the sentence naming Schröder; "Die Stadt versprach ..." opens a paragraph
    assert apart.scores[1] > apart.scores[3] and apart.coverage[1] > apart.coverage[3]
    together = LexicalRetriever(article(1), lexicon.Lexicon()).score(question)
    assert together.coverage[3] > apart.coverage[3]  # in the paragraph of "Schröder kam ...", it shares
    # "Er ..." leans on the sentence before for whom it is about, "Die Stadt ..." does not: more shared
    assert together.coverage[1] > together.coverage[3]


def test_a_paragraph_shares_the_words_of_the_heading_above_it():
    def article(heading):
        texts = [("Putin und Kim telefonierten am Dienstag.", 0, "."), (heading, 1, ""),
                 ("Ein Experte sieht darin ein Signal an die USA.", 2, "."),
                 ("Ein anderer Experte sieht darin ein Signal an Seoul.", 3, ".")]
        # a heading is a paragraph of its own (offsets equal to its paragraph's) without a full stop
        return [Sentence("kim.txt", i, t, i, i + 1, p, i, i + 1 if end == "" else i + 2)
                for i, (t, p, end) in enumerate(texts)]

    question = "Was sagt der Experte zum Telefonat?"
    under = LexicalRetriever(article("Experte äußert sich zum Telefonat"), lexicon.Lexicon()).score(question)
    assert under.coverage[2] > under.coverage[3]  # the paragraph under the heading, not the next one
    plain = LexicalRetriever(article("Ein Experte äußert sich zum Telefonat."), lexicon.Lexicon()).score(question)
    assert plain.coverage[2] == pytest.approx(plain.coverage[3])  # a sentence, in a paragraph of its own


def test_a_sentence_saying_dort_shares_more_of_the_place_before():
    texts = ["Die Wellen trafen auf Sri Lanka.", "Dort starben 18.700 Menschen.",
             "Die Wellen trafen auf Indien.", "Viele Menschen starben."]
    r = LexicalRetriever([Sentence("flut.txt", i, t, 0, 0, i // 2, 0, 0) for i, t in enumerate(texts)],
                         lexicon.Lexicon())
    sri_lanka, india = r.score("Menschen starben Sri Lanka?"), r.score("Menschen starben Indien?")
    assert sri_lanka.coverage[1] > india.coverage[3]  # the same words, the place only as "dort"
    assert sri_lanka.scores[1] > india.scores[3]


def test_a_year_covers_half_as_much_of_a_question_as_a_word():
    r = LexicalRetriever(sentences(["Der Sturm kam 2010.", "Der Regen kam danach."]), lexicon.Lexicon())
    by_word = r.score("Sturm oder Hagel?").coverage[0]
    by_year = r.score("2010 oder Hagel?").coverage[0]  # "Sturm" and "2010" are equally rare here
    assert by_word > 0 and by_year == pytest.approx(by_word / 2)


def test_the_words_naming_a_unit_of_time_are_scored_but_not_covered():
    """"On which day of the week did the phone call take place?": "day" and "week" say what kind of
    answer is wanted; counted as words the answer lacks, they left that question unanswered."""
    r = LexicalRetriever(sentences(["Der Sturm kam am Dienstag.", "Der Regen kam danach."]),
                         lexicon.Lexicon())
    unit = r.score("Sturm an welchem Tag?")
    word = r.score("Sturm an jenem Tag?")  # the same words, no unit asked for
    assert unit.coverage[0] > word.coverage[0] > 0
    assert unit.scores[0] == pytest.approx(word.scores[0])


@pytest.mark.parametrize("text, lower", [
    ("Was steckte nach dem Zusammenstoß noch im Rumpf?", {"steckte", "nach", "dem", "noch", "im"}),
    ("Wer stellt die Reisegenehmigungen aus?", {"stellt", "die", "aus"}),
    ("wer stellt die reisegenehmigungen aus", set()),  # all in lower case: no telling nouns apart
])
def test_the_words_a_question_writes_in_lower_case(text, lower):
    assert lower_case_words(text) == lower


def test_a_german_word_in_lower_case_is_a_smaller_share_of_the_question():
    """A German question's nouns say what it is about; its verbs are often said in other words by
    the answer ("Was steckte noch im Rumpf?" against "Im Rumpf klaffte ..."), so one missing costs
    less coverage than a noun missing."""
    r = LexicalRetriever(sentences(["Der Felsen steckte im Rumpf.", "Es regnet."]), lexicon.Lexicon())
    verb_missing = r.score("Was klemmte im Rumpf?").coverage[0]
    noun_missing = r.score("Was steckte im Bauch?").coverage[0]  # "Rumpf" and "steckte" equally rare
    assert verb_missing > noun_missing > 0
    assert r.score("was klemmte im rumpf").coverage[0] < verb_missing  # written in lower case: no telling


def test_a_compound_is_one_word_of_the_question_and_each_of_its_parts_a_share_of_it():
    """"Abrüstungsgespräche" counted once for the word and once for each part, so a German question
    with compounds the articles lack covered too little of itself: "Darf das gute Verhältnis zu Trump
    für Abrüstungsgespräche genutzt werden?" was left unanswered at 0.096 against 0.1."""
    r = LexicalRetriever(sentences(["Trump will Gespräche.", "Die Abrüstung stockt.", "Es regnet."]),
                         lexicon.Lexicon())
    compound = r.score("Abrüstungsgespräche mit Trump?").coverage[0]  # one of its two parts here
    word = r.score("Gespräche mit Trump?").coverage[0]
    other = r.score("Abrüstung mit Trump?").coverage[0]
    assert compound == pytest.approx((word + other) / 2)


@pytest.mark.parametrize("question", ["Wozu will Trump Putin bewegen?", "Wofür warb Putin?",
                                      "Inwiefern half Pjöngjang?", "Weswegen trafen sie sich?",
                                      "Wovor hat Kims Schwester gewarnt?", "Wieviele Soldaten schickte Kim?"])
def test_question_words_say_nothing_about_the_topic(question):
    """"Wozu", "wofür" ... ask what for, as "warum" asks why: a word no sentence has, it would lower
    the share of the question the answer covers (a question about the seed was left unanswered)."""
    assert content_words(question, "de")[0] not in {"wozu", "wofür", "inwiefern", "weswegen", "wovor", "wieviele"}


def test_a_query_expander_without_the_verb_table_reads_a_german_question_in_the_perfect():
    expander = QueryExpander(Analyzer("de"), lexicon.Lexicon())  # no separable verbs, no participles
    query = expander.expand("Wann haben sie sich getroffen?")
    assert [g.word for g in query.groups] == ["getroffen"]
