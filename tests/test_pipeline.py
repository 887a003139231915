"""The `ask` contract with the fake embedder: errors, abstention, citation fields."""
import pytest

from qa import MAX_QUESTION_CHARS, NOT_COVERED, QA, QuestionError, SeedsError

from conftest import SEED


@pytest.fixture
def qa(seeds_dir, tmp_path, fake_embedder):
    return QA(seeds_dir, tmp_path / "idx", embedder=fake_embedder)


@pytest.mark.parametrize("question", ["", "   \n\t ", "x" * (MAX_QUESTION_CHARS + 1)])
def test_unusable_questions_raise_a_clear_error(qa, question):
    with pytest.raises(QuestionError, match="empty|limit"):
        qa.ask(question)


def test_question_errors_come_before_any_work(tmp_path, fake_embedder):
    with pytest.raises(QuestionError):
        QA(tmp_path / "missing", tmp_path / "idx", embedder=fake_embedder).ask(" ")
    assert fake_embedder.calls == 0


def test_missing_seeds_folder_says_what_to_do(tmp_path, fake_embedder):
    with pytest.raises(SeedsError, match="No seeds folder"):
        QA(tmp_path / "missing", tmp_path / "idx", embedder=fake_embedder).ask("Wer?")


def test_citations_point_into_the_source_file(qa, seeds_dir):
    answer = qa.ask("Kim Yo Jong warnte die USA vor Denuklearisierungsbemühungen")
    assert answer.answered
    text = (seeds_dir / SEED).read_text(encoding="utf-8")
    for n, c in enumerate(answer.citations, start=1):
        assert c.number == n and f"[{n}]" in answer.text
        assert c.source == SEED and c.date == "2025-08-13"
        assert " ".join(text[c.start:c.end].split()) == c.text
        assert text[c.paragraph_start:c.paragraph_start + len(c.paragraph)] == c.paragraph
        assert c.text in " ".join(c.paragraph.split())
    scores = [c.score for c in answer.citations]
    assert scores == sorted(scores, reverse=True)
    assert "Kim Yo Jong" in answer.citations[0].text


def test_unrelated_question_gets_no_citations(qa):
    answer = qa.ask("zzz qqq xyzzy")
    assert answer.citations == [] and answer.text == NOT_COVERED and not answer.answered


def test_top_k_limits_citations(qa):
    assert len(qa.ask("Putin Kim Trump Nordkorea", top_k=1).citations) == 1
    with pytest.raises(ValueError, match="top_k"):
        qa.ask("Putin", top_k=0)


def test_status_reports_counts_and_staleness(qa, seeds_dir):
    assert qa.status().changes.missing_index
    qa.ask("Putin")
    st = qa.status()
    assert (st.sources, st.sentences, st.stale) == (1, 23, False) and st.built_at
    (seeds_dir / "b.txt").write_text("Neu.", encoding="utf-8")
    assert qa.status().changes.added == ["b.txt"]


def test_answer_to_dict_round_trips_the_contract(qa):
    d = qa.ask("Kreml bestätigte das Gespräch").to_dict()
    assert set(d) == {"question", "text", "answered", "citations"}
    assert {"number", "text", "source", "sentence", "score", "start", "end", "date"} <= set(d["citations"][0])


def test_an_article_edited_while_answering_is_quoted_as_it_now_stands(qa, seeds_dir, monkeypatch):
    """Another visitor's question may rebuild the index after an edit, between search and quote."""
    from qa.hybrid import HybridRetriever

    seed = seeds_dir / SEED
    qa.ask("Kim Yo Jong warnte die USA")  # index built from the original article
    search = HybridRetriever.search
    edited = []

    def search_then_someone_edits(self, question, k):
        hits = search(self, question, k)
        if not edited:
            text = seed.read_text(encoding="utf-8").replace("date 2025-08-13", "date 2025-08-14  ")
            seed.write_text(text + "\n\nNachtrag: Kim Yo Jong warnte die USA erneut.\n", encoding="utf-8")
            qa.rebuild()
            edited.append(True)
        return hits

    monkeypatch.setattr(HybridRetriever, "search", search_then_someone_edits)
    answer = qa.ask("Kim Yo Jong warnte die USA")
    now = seed.read_text(encoding="utf-8")
    assert answer.citations and all(c.paragraph in now and c.text in now for c in answer.citations)
    assert answer.citations[0].date == "2025-08-14"
