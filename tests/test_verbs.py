"""German separable verbs: split, joined, with "ge" or "zu", all read as their infinitive."""
import pytest

from conftest import write_ding

from qa import lexicon
from qa.lexical import LexicalRetriever
from qa.types import Sentence
from qa.verbs import SeparableVerbs

DING = """etw. ablehnen {vt} | ablehnend | abgelehnt | lehnt ab | lehnte ab :: to reject sth. | rejecting | rejected | rejects | rejected
lehnen {vi} :: to lean
(mit jdm.) sprechen {vi} | sprechend | gesprochen | du sprichst | er/sie spricht | ich/er/sie sprach | Sprechen Sie Deutsch? :: to speak | speaking | spoken | you speak | he/she speaks | I/he/she spoke | Do you speak German?
jdm. etw. absprechen {vt} :: to deny sb. sth.
stimmen {vi} :: to be right
einer Sache zustimmen {vi} :: to agree to sth.
treffen {vt} | treffend | getroffen | er/sie trifft | ich/er/sie traf :: to meet | meeting | met | he/she meets | I/he/she met
ansteigen {vi} | ansteigend | angestiegen | er/sie steigt an | ich/er/sie stieg an :: to rise | rising | risen | he/she rises | I/he/she rose
steigen {vi} | steigend | gestiegen | er/sie steigt | ich/er/sie stieg :: to climb | climbing | climbed | he/she climbs | I/he/she climbed
anfangen {vi} | anfangend | angefangen | er/sie fängt an | ich/er/sie fing an :: to begin | beginning | begun | he/she begins | I/he/she began
fangen {vt} | fangend | gefangen | er/sie fängt | ich/er/sie fing :: to catch | catching | caught | he/she catches | I/he/she caught
etw. abschalten {vt} | abschaltend | abgeschaltet | schaltet ab | schaltete ab :: to switch off sth. | switching off | switched off | switches off | switched off
jdn. anrufen {vt} | anrufend | angerufen | ruft an | rief an :: to call sb. | calling | called | calls | called
jdm. zuhören {vi} | zuhörend | zugehört | hört zu | hörte zu :: to listen to sb. | listening | listened | listens | listened
etw. zusagen {vt} | zusagend | zugesagt | sagt zu | sagte zu :: to promise sth. | promising | promised | promises | promised
etw. zumachen {vt} | zumachend | zugemacht | macht zu | machte zu :: to close sth. | closing | closed | closes | closed
etw. abgeben {vt} | abgebend | abgegeben | gibt ab | gab ab :: to hand in sth. | handing in | handed in | hands in | handed in
Gesetz {n} :: law
Partei {f} :: party
"""


@pytest.fixture
def small_lexicon(tmp_path):
    return lexicon.parse(write_ding(tmp_path, DING))


@pytest.fixture
def verbs(small_lexicon):
    return SeparableVerbs(small_lexicon.de_verbs, small_lexicon.de_infinitives)


def test_the_word_list_gives_forms_and_infinitives(small_lexicon):
    forms = small_lexicon.de_verbs
    assert forms["lehnte ab"] == forms["abgelehnt"] == "ablehnen"
    assert forms["ablehnt"] == forms["abzulehnen"] == "ablehnen"  # joined, and with "zu"
    assert forms["spricht"] == forms["sprach"] == "sprechen"  # "er/sie spricht": pronouns dropped
    assert not any("deutsch" in f for f in forms)  # an example, not a form
    assert {"absprechen", "zustimmen", "lehnen"} <= small_lexicon.de_infinitives


@pytest.mark.parametrize("text, found", [
    ("Die Linke lehnte das Paket ab.", {"lehnte": "ablehnen"}),  # the particle closes the clause
    ("Lehnte die Linke das Paket ab?", {"lehnte": "ablehnen"}),  # a sentence may open with the verb
    ("Das Paket wurde abgelehnt, sagte er.", {"abgelehnt": "ablehnen"}),
    ("Jeder Versuch, ihm den Status abzusprechen, scheitert.", {"abzusprechen": "absprechen"}),
    ("Wenn man ihm den Status abspricht?", {"abspricht": "absprechen"}),  # ab + spricht (sprechen)
    ("Eine breite Mehrheit stimmte zu.", {"stimmte": "zustimmen"}),  # stimm-te: a regular ending
    ("Die Sitzung fing um neun Uhr an.", {"fing": "anfangen"}),
])
def test_forms_of_separable_verbs_are_read_as_their_infinitive(verbs, text, found):
    assert verbs.find(text) == found


@pytest.mark.parametrize("text", [
    "Putin trifft Trump am Freitag.",  # inflection of a verb that is not separable: the stemmer's job
    "Der Anstieg der Preise hält an.",  # "Anstieg" is a noun; "hält" is not a listed form
    "Die Preise stiegen, weil sie anfangs fingen.",  # no particle closes the clause
    "Er lehnte sich an die Wand, ab und zu.",  # the clause ends in "zu", which "lehnte" does not take
])
def test_other_words_are_left_alone(verbs, text):
    assert verbs.find(text) == {}


def test_a_noun_is_not_a_verb_but_the_same_word_in_lower_case_is(verbs):
    assert verbs.find("Der Anstieg kam überraschend.") == {}
    assert verbs.find("Weil der Pegel anstieg, wurde gewarnt.") == {"anstieg": "ansteigen"}


def sentences(texts):
    return [Sentence("a.txt", i, t, 0, len(t), 0, 0, 0) for i, t in enumerate(texts)]


def first_hit(lexicon_, texts, question):
    """The index of the sentence the lexical ranker puts first for `question`."""
    return LexicalRetriever(sentences(texts), lexicon_).search(question, 1)[0].sentence.index


@pytest.mark.parametrize("question", ["Which party rejected the law?", "Wer hat das Gesetz abgelehnt?",
                                      "Welche Partei lehnt das Gesetz ab?"])
def test_a_split_verb_is_found_in_either_language(small_lexicon, question):
    texts = ["Die Regierung lehnte sich zurück.", "Das Gesetz tritt im Mai in Kraft.",
             "Die Linke lehnte das Gesetz geschlossen ab."]
    assert first_hit(small_lexicon, texts, question) == 2


def test_a_participle_gives_its_verb_and_the_verb_its_forms(verbs):
    assert verbs.participle_of("getroffen") == "treffen"
    assert verbs.participle_of("gestiegen") == "steigen"
    assert verbs.participle_of("gesetz") is None  # no verb
    assert verbs.participle_of("trifft") is None  # no participle
    assert verbs.forms_of("treffen") == {"treffend", "getroffen", "trifft", "traf"}


@pytest.mark.parametrize("question", ["Wann haben sich Putin und Trump getroffen?",
                                      "wann haben sich putin und trump getroffen"])
def test_a_question_in_the_perfect_finds_the_simple_past(small_lexicon, question):
    texts = ["Putin und Trump sprachen lange miteinander.", "Der Treffpunkt blieb geheim.",
             "Putin traf Trump am Freitag in Alaska."]
    assert first_hit(small_lexicon, texts, question) == 2


def test_a_noun_in_a_question_is_no_participle(small_lexicon):
    texts = ["Die Partei traf sich am Freitag.", "Das Getroffene blieb geheim."]
    r = LexicalRetriever(sentences(texts), small_lexicon)
    query = r.score("Was war das Getroffen?").query
    assert all("traf" not in g.terms for g in query.groups)
