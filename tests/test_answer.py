"""Composing the answer from ranked sentences (no model, no index)."""
from qa import NOT_COVERED
from qa.answer import compose_answer
from qa.types import Hit, Sentence


def hit(i: int, score: float, source="a.txt") -> Hit:
    text = f"Satz {i}."
    return Hit(Sentence(source, i, text, 10 * i, 10 * i + len(text), 0, 0, 40), score)


def texts(name):
    return ("Satz 0. Satz 1. Satz 2. Satz 3.", "2025-01-02")


def test_weaker_citations_are_offered_as_possibly_related_not_as_the_answer():
    answer = compose_answer("Frage?", [hit(0, 1.0), hit(1, 0.9), hit(2, 0.4)], texts, top_k=3)
    assert [c.related for c in answer.citations] == [False, False, True]
    head, related = answer.text.split("Possibly related:")
    assert "[1]" in head and "[2]" in head and "[3]" in related
    assert answer.text.startswith("According to a.txt (2025-01-02):")


def test_close_scores_are_all_the_answer():
    answer = compose_answer("Frage?", [hit(0, 0.5), hit(1, 0.45)], texts, top_k=3)
    assert not any(c.related for c in answer.citations) and "Possibly related" not in answer.text


def test_no_hits_means_not_covered_and_top_k_limits():
    assert compose_answer("Frage?", [], texts, top_k=3).text == NOT_COVERED
    assert len(compose_answer("Frage?", [hit(i, 1 - i / 10) for i in range(4)], texts, top_k=2).citations) == 2


def test_several_sources_are_named_per_citation_not_in_the_lead():
    answer = compose_answer("Frage?", [hit(0, 1.0, "a.txt"), hit(1, 0.95, "b.txt")], texts, top_k=3)
    assert answer.text.startswith("According to the articles:")
    assert [c.source for c in answer.citations] == ["a.txt", "b.txt"]
