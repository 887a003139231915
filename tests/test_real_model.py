"""Integration with the real bundled model: the mission question, scope, and seeds that change."""
import pytest

from qa import QA, ask

from conftest import KIM_WARNS, SEED

pytestmark = pytest.mark.model


@pytest.fixture
def qa(seeds_dir, tmp_path, real_embedder):
    return QA(seeds_dir, tmp_path / "idx", embedder=real_embedder)


def test_mission_question_cites_kim_yo_jongs_warning(seeds_dir, tmp_path):
    answer = ask("What did Kim Yo Jong warn?", seeds_dir=seeds_dir, index_dir=tmp_path / "idx")
    assert any(KIM_WARNS in c.text for c in answer.citations), answer.text
    cited = next(c for c in answer.citations if KIM_WARNS in c.text)
    assert cited.source == SEED and cited.sentence == 15


def test_out_of_scope_question_is_not_answered(qa):
    answer = qa.ask("What is the capital of France?")
    assert answer.citations == [], answer.text
    assert "do not cover" in answer.text


def test_seeds_that_gain_change_and_lose_a_file_are_reflected_in_the_next_answer(qa, seeds_dir):
    question = "Which football club won the cup final in Cologne?"
    assert not any("Pokalfinale" in c.text for c in qa.ask(question).citations)

    extra = seeds_dir / "2025-09-01_pokal.txt"
    extra.write_text("date 2025-09-01 Der 1. FC Köln gewann das Pokalfinale in Köln mit 2:1.\n", encoding="utf-8")
    cited = qa.ask(question).citations
    assert cited and cited[0].source == extra.name and cited[0].date == "2025-09-01"

    extra.write_text("date 2025-09-02 Der 1. FC Köln verlor das Pokalfinale in Köln mit 0:3.\n", encoding="utf-8")
    cited = qa.ask(question).citations
    assert cited[0].source == extra.name and "verlor" in cited[0].text and cited[0].date == "2025-09-02"

    extra.unlink()
    assert all(c.source == SEED for c in qa.ask(question).citations)
