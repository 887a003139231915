"""The chat endpoint over HTTP, as the README documents it: gradio_client against a live server."""
import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from conftest import KIM_WARNS as KIM_SENTENCE


@pytest.fixture
def client(server):
    return Client(server, verbose=False)


def test_chat_returns_answer_with_cited_sentence(client):
    result = client.predict("What did Kim Yo Jong warn?", api_name="/chat")
    assert result["answered"] is True
    kim = next(c for c in result["citations"] if KIM_SENTENCE in c["text"])
    assert f"[{kim['number']}]" in result["text"]
    assert kim["source"] == "2025-08-13_putin-kim-telefonat.txt" and kim["date"] == "2025-08-13"
    offset = kim["start"] - kim["paragraph_start"]  # the offsets the page highlights with
    assert kim["paragraph"][offset:offset + len(KIM_SENTENCE) + 20].startswith(kim["text"][:40])


def test_out_of_scope_question_has_no_citations(client):
    result = client.predict("What is the capital of France?", api_name="/chat")
    assert result["answered"] is False and result["citations"] == []
    assert "do not cover" in result["text"]


@pytest.mark.parametrize("message, says", [("   ", "The question is empty"), ("x" * 5000, "characters long")])
def test_bad_questions_get_a_readable_error(client, message, says):
    with pytest.raises(AppError, match=says):
        client.predict(message, api_name="/chat")


def test_failure_inside_qa_is_reported_and_the_server_keeps_answering(client, engine, monkeypatch):
    def broken(question, **kwargs):
        raise RuntimeError("boom")

    with monkeypatch.context() as m:
        m.setattr(engine, "ask", broken)
        with pytest.raises(AppError, match="Something went wrong"):
            client.predict("What did Kim Yo Jong warn?", api_name="/chat")
    assert client.predict("What did Kim Yo Jong warn?", api_name="/chat")["answered"]


def test_changed_seeds_are_reflected_in_the_next_answer(client, seeds_dir):
    client.predict("What did Kim Yo Jong warn?", api_name="/chat")
    (seeds_dir / "2025-09-01_mond.txt").write_text(
        "date 2025-09-01\n\nDie indische Raumsonde Chandrayaan landete am Mittwoch sanft auf dem Mond.\n",
        encoding="utf-8")
    result = client.predict("Wo landete die Raumsonde Chandrayaan?", api_name="/chat")
    assert result["citations"][0]["source"] == "2025-09-01_mond.txt"
    assert result["citations"][0]["date"] == "2025-09-01"
