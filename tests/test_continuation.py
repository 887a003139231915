"""The sentences around the best one are cited with it when it cannot be read without them."""
import pytest

from qa import QA
import numpy as np

from qa.continuation import (cite_with_context, continues, following, leans_back, neighbour_best, preceding,
                             refers_back)
from qa.types import Hit, Sentence


@pytest.mark.parametrize("text, expected", [
    ("Die Umstellung sei eine Meisterleistung gewesen, sagte er am Neujahrstag.", True),  # Konjunktiv I
    ("Er lobte die Banken.", True),
    ("The changeover went well, he said.", True),
    ("The changeover went well.", False),
    ("They praised the banks.", True),
    ("Die Banken öffneten am Mittwoch.", False),
    ("„Das merke ich sofort“, sagte die 43-Jährige.", True),  # news names a speaker by age
    ("The crowd cheered, the 58-year-old recalled.", True),
    ("Die Zahl der Beschäftigten über 18 Jahre stieg.", False),
    ("Die Reform sei überfällig.", True),
    ("Ministerin Andrea Nahles (SPD) betonte, niemand solle für einen Hungerlohn arbeiten.", False),  # own speaker
    ("Die Bürokratie belaste kleine Betriebe, warnte Arbeitgeberpräsident Ingo Kramer.", False),
    ("Es war ein Erfolg.", True),  # "es": what the sentence before named
    ("Es wird erwartet, dass Trump bei dem Treffen Druck ausüben wird.", False),  # "es" that stands for nothing
    ("Es gibt keine Hinweise auf Opfer.", False),
])
def test_what_reads_as_a_continuation(text, expected):
    assert continues(text) is expected


def _sentences(*texts, paragraphs=None):
    paragraphs = paragraphs or [0] * len(texts)
    return [Sentence("a.txt", i, t, 0, 0, p, 0, 0) for i, (t, p) in enumerate(zip(texts, paragraphs))]


def test_only_the_next_sentence_of_the_same_paragraph_follows():
    s = _sentences("Eichel zog Bilanz.", "Er war zufrieden.", "Er ging.", paragraphs=[0, 0, 1])
    assert following(s, 0) == s[1]
    assert following(s, 1) is None  # the next one opens another paragraph
    assert following(s, 2) is None  # the last sentence


@pytest.mark.parametrize("text, expected", [
    ("Dies dürfe nicht instrumentalisiert werden, warnte sie.", True),
    ("Diese Beziehung sei gut.", True),
    ("They praised the banks.", True),
    ("Das Treffen findet am Freitag statt.", False),  # "das" as an article
    ("Die Banken öffneten am Mittwoch.", False),
    ("Erst am Freitag trifft er Trump.", False),  # "Er" only as a word of its own
    ("Die 43-Jährige verdient nun mehr.", True),  # the person the sentence before named
    ("Es kam zu Protesten.", False),  # "es" that stands for nothing
])
def test_what_refers_back_to_the_sentence_before(text, expected):
    assert refers_back(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Er versprach schnelle Hilfe.", True),  # opens by pointing back
    ("Dort kamen mindestens 18.700 Menschen ums Leben.", True),  # a place named before
    ("Viele Urlauber waren dorthin geflogen.", True),
    ("Rescuers reached the village and found survivors there.", True),
    ("There were no survivors.", False),  # "there" that stands for nothing
    ("There's no warning system in the Indian Ocean.", False),
    ("Die Wellen trafen auf Sri Lanka.", False),
])
def test_what_leans_on_the_sentence_before(text, expected):
    assert leans_back(text) is expected


def test_only_the_sentence_before_in_the_same_paragraph_is_referred_to():
    s = _sentences("Das Verhältnis ist gut.", "Dies dürfe nicht missbraucht werden.", "Dies gilt.", "Es regnet.",
                   paragraphs=[0, 0, 1, 1])
    assert preceding(s, 1) == s[0]
    assert preceding(s, 2) is None  # opens another paragraph
    assert preceding(s, 0) is None  # does not refer back, and is the first
    assert preceding(s, 3) == s[2]


def test_context_is_cited_after_the_best_hit_before_the_hits_scoring_less():
    s = _sentences("A.", "Er sagte B.", "C.", "D.", "E.")
    hits = [Hit(s[0], 1.0), Hit(s[2], 0.5), Hit(s[3], 0.4)]
    assert [h.sentence for h in cite_with_context(hits, [Hit(s[1], 0.9)], k=3)] == [s[0], s[1], s[2]]
    near = [Hit(s[0], 1.0), Hit(s[2], 0.5), Hit(s[1], 0.4)]
    assert cite_with_context(near, [Hit(s[1], 0.9)], k=3) == near  # within the first three already
    assert cite_with_context(hits, [], k=3) == hits
    both = cite_with_context(hits, [Hit(s[4], 0.9), Hit(s[1], 0.9)], k=4)  # what it refers to, then what continues it
    assert [h.sentence for h in both] == [s[0], s[4], s[1], s[2]]
    close = [Hit(s[0], 1.0), Hit(s[2], 0.95), Hit(s[3], 0.4)]  # a hit scoring more than the context keeps its place
    assert [h.sentence for h in cite_with_context(close, [Hit(s[1], 0.9)], k=3)] == [s[0], s[2], s[1]]


ARTICLE = """Bundesfinanzminister Hans Eichel zog eine erste positive Bilanz. Die Umstellung sei eine logistische Meisterleistung gewesen, sagte der Politiker.

Der Finanzminister von Bayern sprach von einer ruhigen Nacht.

Auch der Finanzminister von Hessen äußerte sich zum Jahreswechsel.

Am Morgen sagte Eichel noch nichts.

Ein Sprecher von Eichel sagte, die Lage sei ruhig.

Bei der Ankunft in Berlin sagte Eichel nur wenig.
"""


def _cited(article: str, question: str, tmp_path, embedder) -> list[str]:
    """The citations for `question` over an index of `article` alone (no word list)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "article.txt").write_text(article, encoding="utf-8")
    qa = QA(seeds, tmp_path / "idx", embedder=embedder, lexicon=None)
    return [c.text for c in qa.ask(question).citations]


def test_a_question_about_what_someone_said_cites_what_follows_the_introduction(tmp_path, fake_embedder):
    """Three sentences in which Eichel "sagte" something rank above the quote on its own; only its
    continuing the introduction ("..., sagte der Politiker") brings it up to second."""
    cited = _cited(ARTICLE, "Was sagte Bundesfinanzminister Eichel?", tmp_path, fake_embedder)
    assert cited[0].startswith("Bundesfinanzminister Hans Eichel")
    assert cited[1].startswith("Die Umstellung sei eine logistische Meisterleistung")


REFERRING = """Kims Schwester äußerte sich zu Trump. Das persönliche Verhältnis zwischen ihrem Bruder und Trump sei nicht schlecht. Dies dürfe jedoch nicht für die Abrüstung instrumentalisiert werden, warnte sie.

Die Abrüstung ist ein altes Thema.

Über Abrüstung wird seit Jahren verhandelt.

Die Abrüstung bleibt das Ziel, werden Diplomaten nicht müde zu betonen.
"""


def test_a_best_hit_that_refers_back_is_cited_with_what_it_refers_to(tmp_path, fake_embedder):
    cited = _cited(REFERRING, "Was darf nicht für die Abrüstung instrumentalisiert werden?", tmp_path, fake_embedder)
    assert cited[0].startswith("Dies dürfe jedoch")
    assert cited[1].startswith("Das persönliche Verhältnis")  # ranked below the Abrüstung sentences alone


def test_a_sentence_is_given_its_best_neighbour_in_the_paragraph():
    s = _sentences("A.", "B.", "C.", "D.", paragraphs=[0, 0, 0, 1])
    rows = np.array([3, 1, 0, 2])  # candidates in ranked order, not sentence order
    scores = np.array([0.9, 0.5, -0.2, 0.1])  # D, B, A, C
    best = neighbour_best(s, rows, scores)
    assert best.tolist() == [0.0, 0.1, 0.5, 0.5]  # D opens another paragraph; A's -0.2 counts as 0
    assert neighbour_best(s, np.array([0, 2]), np.array([0.4, 0.8])).tolist() == [0.0, 0.0]  # B not a candidate
