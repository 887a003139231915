"""The HTML the chat shows for an answer: markers, cards, the highlighted sentence, escaping."""
from qa import Answer, Changes, Citation, IndexStatus
from ui import render

PARA = "Erster Satz. Kim warnte <die> USA & alle. Letzter Satz."


def cite(number=1, start=13, end=42, paragraph=PARA, paragraph_start=0, **kw) -> Citation:
    fields = dict(text=PARA[13:42], source="2025-08-13_a<b>.txt", sentence=1, score=0.9,
                  date="2025-08-13")
    fields.update(kw)
    return Citation(number=number, start=start + paragraph_start, end=end + paragraph_start,
                    paragraph=paragraph, paragraph_start=paragraph_start, **fields)


def test_cited_sentence_is_highlighted_inside_its_paragraph_and_escaped():
    html = render.highlighted_paragraph(cite(paragraph_start=100))
    assert "<mark>Kim warnte &lt;die&gt; USA &amp; alle.</mark>" in html
    assert html.startswith('<span class="qa-context">Erster Satz.</span>')
    assert html.endswith('<span class="qa-context">Letzter Satz.</span>')


def test_offsets_that_do_not_fit_show_the_sentence_alone():
    html = render.highlighted_paragraph(cite(start=40, end=400))
    assert html == "<mark>Kim warnte &lt;die&gt; USA &amp; alle.</mark>"


def test_card_has_number_source_date_and_position():
    card = render.citation_card(cite(number=2))
    assert '<span class="qa-num">2</span>' in card
    assert "2025-08-13_a&lt;b&gt;.txt" in card
    assert "13 Aug 2025 · sentence 2" in card


def test_answer_marks_known_references_only_and_escapes_text():
    answer = Answer("q", "Kim <b>warnte</b> [1] und [7].", [cite()])
    html = render.answer_html(answer)
    assert '<sup class="qa-ref">[1]</sup>' in html and "[7]" in html and "qa-ref\">[7]" not in html
    assert "&lt;b&gt;warnte&lt;/b&gt;" in html
    assert html.count('class="qa-card"') == 1
    assert "\n\n" not in html  # a blank line would end the HTML block in the chat's markdown


def test_answer_lines_and_bullets_are_kept():
    answer = Answer("q", "According to a.txt (2025-08-13):\n- Erster [1]\n- Zweiter [2]", [cite(), cite(number=2)])
    assert render.answer_text(answer) == (
        "<p>According to a.txt (2025-08-13):</p>"
        '<ul><li>Erster <sup class="qa-ref">[1]</sup></li><li>Zweiter <sup class="qa-ref">[2]</sup></li></ul>'
    )


def test_uncovered_answer_has_no_cards():
    html = render.answer_html(Answer("Capital of France?", "The articles do not cover this.", []))
    assert "qa-uncovered" in html and "qa-card" not in html


def test_status_line_says_when_seeds_changed():
    status = IndexStatus("all-MiniLM-L6-v2", 1, 23, "2025-11-24T03:20:00+0000", Changes())
    assert render.status_markdown(status) == (
        "**Model** `all-MiniLM-L6-v2` · **1** article · **23** sentences · **built** 2025-11-24 03:20 UTC"
    )
    status = IndexStatus("all-MiniLM-L6-v2", 1, 23, "2025-11-24T03:20:00+0000", Changes(added=["new.txt"]))
    assert "seeds changed since the index was built (added: new.txt)" in render.status_markdown(status)
    status = IndexStatus("all-MiniLM-L6-v2", 0, 0, None, Changes(missing_index=True))
    assert "No index yet" in render.status_markdown(status)
