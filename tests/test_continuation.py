"""The sentence after the best one is cited with it when it carries on what that one began."""
import pytest

from qa import QA
from qa.continuation import cite_with_continuation, continues, following
from qa.types import Hit, Sentence


@pytest.mark.parametrize("text, expected", [
    ("Die Umstellung sei eine Meisterleistung gewesen, sagte er am Neujahrstag.", True),  # Konjunktiv I
    ("Er lobte die Banken.", True),
    ("The changeover went well, he said.", True),
    ("The changeover went well.", False),
    ("They praised the banks.", True),
    ("Die Banken öffneten am Mittwoch.", False),
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


def test_the_continuation_is_cited_second_unless_already_near_the_top():
    s = _sentences("A.", "Er sagte B.", "C.", "D.")
    hits = [Hit(s[0], 1.0), Hit(s[2], 0.5), Hit(s[3], 0.4)]
    assert [h.sentence for h in cite_with_continuation(hits, s[1], k=3)] == [s[0], s[1], s[2]]
    near = [Hit(s[0], 1.0), Hit(s[2], 0.5), Hit(s[1], 0.4)]
    assert cite_with_continuation(near, s[1], k=3) == near
    assert cite_with_continuation(hits, None, k=3) == hits


ARTICLE = """Bundesfinanzminister Hans Eichel zog eine erste positive Bilanz. Die Umstellung sei eine logistische Meisterleistung gewesen, sagte der Politiker.

Der Finanzminister von Bayern sprach von einer ruhigen Nacht.

Auch der Finanzminister von Hessen äußerte sich zum Jahreswechsel.
"""


def test_a_question_about_what_someone_said_cites_what_follows_the_introduction(tmp_path, fake_embedder):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "euro.txt").write_text(ARTICLE, encoding="utf-8")
    qa = QA(seeds, tmp_path / "idx", embedder=fake_embedder, lexicon=None)
    cited = [c.text for c in qa.ask("Was sagte Bundesfinanzminister Eichel?").citations]
    assert cited[0].startswith("Bundesfinanzminister Hans Eichel")
    assert cited[1].startswith("Die Umstellung sei eine logistische Meisterleistung")
