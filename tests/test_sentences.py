from qa.seeds import date_in_name, read_source, scan
from qa.sentences import is_heading, split_sentences
from qa.types import Source

from conftest import SEED, SEED_DIR


def seed_sentences():
    source = read_source(next(s for s in scan(SEED_DIR) if s.name == SEED))
    return source, split_sentences(source)


def sentences_of(text: str) -> list[str]:
    return [s.text for s in split_sentences(Source(name="t.txt", text=text, sha256=""))]


def test_seed_article_splits_into_whole_sentences():
    source, sentences = seed_sentences()
    texts = [s.text for s in sentences]
    assert len(texts) == 23
    # The header belongs to metadata, not to the first sentence.
    assert source.date == "2025-08-13"
    assert texts[0].startswith("Kreml-Chef Putin und Nordkoreas Machthaber Kim")
    # Headings without a full stop are units of their own.
    assert "Uni-Präsident äußert sich zum Politiker-Telefonat" in texts
    assert "Trump: „großartiges Verhältnis“ zu Kim" in texts
    # „…“ quotes and hyphenated names do not break sentences.
    assert ("Putin habe die „aufopfernde Einstellung“ der Soldaten der Koreanischen Volksarmee „bei der Befreiung "
            "von Kursk“ gewürdigt, erklärte KCNA mit Blick auf die Beteiligung nordkoreanischer Truppen auf "
            "russischer Seite im Ukraine-Krieg.") in texts
    assert any(t.startswith("Trump hatte in der Vergangenheit") and t.endswith("weiter voranzutreiben.") for t in texts)
    for s in sentences:
        assert s.text[-1] in ".!?“\"" or s.text in ("Uni-Präsident äußert sich zum Politiker-Telefonat",
                                                  "Trump: „großartiges Verhältnis“ zu Kim")


def test_a_file_without_a_date_header_is_dated_by_its_name(tmp_path):
    (tmp_path / "2016-06-25_brexit.txt").write_text("Die Briten stimmten ab.", encoding="utf-8")
    (tmp_path / "2016-06-25_kopf.txt").write_text("date 2016-06-26 Der Kopf gilt.", encoding="utf-8")
    dates = {s.name: read_source(s).date for s in scan(tmp_path)}
    assert dates == {"2016-06-25_brexit.txt": "2016-06-25", "2016-06-25_kopf.txt": "2016-06-26"}
    assert date_in_name("2016-13-45_x.txt") is None  # no such date
    assert date_in_name("notes-2016-06-25.txt") is None and date_in_name("20160625.txt") is None


def test_offsets_point_at_the_sentence_in_the_file():
    source, sentences = seed_sentences()
    for i, s in enumerate(sentences):
        assert s.index == i
        assert " ".join(source.text[s.start:s.end].split()) == s.text
        assert s.paragraph_start <= s.start < s.end <= s.paragraph_end


def test_german_abbreviations_and_dates_do_not_end_sentences():
    text = ("Am 13. August sagte Dr. Müller u. a., dass die Lage z. B. in der Ostukraine „sehr ernst“ sei. "
            "Der 1. FC Köln verlor am 3. Oktober. Was nun? „Wir warten“, sagte er.")
    assert sentences_of(text) == [
        "Am 13. August sagte Dr. Müller u. a., dass die Lage z. B. in der Ostukraine „sehr ernst“ sei.",
        "Der 1. FC Köln verlor am 3. Oktober.",
        "Was nun?",
        "„Wir warten“, sagte er.",
    ]


def test_an_ordinal_after_an_article_does_not_end_a_sentence():
    text = ("Es lief die 113. Minute, als Götze traf. Zum 4. Mal holte das Team den Titel. "
            "Die Zahl der Toten stieg auf 113. Minuten später kam die Meldung.")
    assert sentences_of(text) == [
        "Es lief die 113. Minute, als Götze traf.",
        "Zum 4. Mal holte das Team den Titel.",
        "Die Zahl der Toten stieg auf 113.",  # a count after a preposition still ends one
        "Minuten später kam die Meldung.",
    ]


def test_a_dateline_joins_the_sentence_it_opens():
    lead = "Rom. Der Papst tritt zurück. Das sagte er am Montag."
    assert sentences_of(f"Der Papst tritt ab\n\n{lead}\n\nLondon. Dort wurde es gemeldet.") == [
        "Der Papst tritt ab",  # the headline
        "Rom. Der Papst tritt zurück.", "Das sagte er am Montag.",
        "London.", "Dort wurde es gemeldet.",  # only the article's first paragraph opens with one
    ]
    assert sentences_of("DARMSTADT/KÖLN, 13. November 2014. Philae ist gelandet.") == [
        "DARMSTADT/KÖLN, 13. November 2014. Philae ist gelandet."]
    assert sentences_of("Rio de Janeiro. Es lief die 113. Minute.") == ["Rio de Janeiro. Es lief die 113. Minute."]
    assert sentences_of("New York, 1. Mai 2020. Es regnet.") == ["New York, 1. Mai 2020. Es regnet."]
    assert sentences_of("Großer Jubel. Der Tag war lang.") == ["Großer Jubel.", "Der Tag war lang."]  # no place


def test_a_closing_quote_stays_with_its_sentence():
    # Straight quotes, as English text has them: pysbd cut before the closing one.
    text = ('Much of the roof was destroyed. "The structure is saved," a spokesman told reporters. '
            '"We managed to stop the fire from spreading to the north tower."\n\nHe said: "We stopped it." '
            "Then he left.")
    assert sentences_of(text) == ["Much of the roof was destroyed.",
                                  '"The structure is saved," a spokesman told reporters.',
                                  '"We managed to stop the fire from spreading to the north tower."',
                                  'He said: "We stopped it."', "Then he left."]


def test_paragraphs_and_whitespace():
    text = "Überschrift ohne Punkt\n\nErster Satz.   Zweiter\nSatz über zwei Zeilen.\n\n\n"
    assert sentences_of(text) == ["Überschrift ohne Punkt", "Erster Satz.", "Zweiter Satz über zwei Zeilen."]
    assert sentences_of("") == []


def test_headings_are_paragraphs_of_their_own_that_do_not_end_like_sentences():
    text = "Feiern auf der Mauer\n\nHunderte feierten. Sie tanzten.\n\nEin Satz allein.\n\n„Tor auf!“\n"
    found = {s.text: is_heading(s) for s in split_sentences(Source("a.txt", text, "0" * 64))}
    assert found == {"Feiern auf der Mauer": True, "Hunderte feierten.": False, "Sie tanzten.": False,
                     "Ein Satz allein.": False, "„Tor auf!“": False}
