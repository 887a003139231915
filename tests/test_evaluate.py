"""The eval scorer: hit@k, MRR, abstention and misses, from any ranker."""
import json

import pytest

from qa.errors import QAError
from qa.evaluate import EvalItem, evaluate, load_items, wilson

ITEMS = [
    EvalItem("q1", "en", ("alpha",)),
    EvalItem("q2", "en", ("beta",)),
    EvalItem("q3", "de", ("gamma",)),
    EvalItem("out", "en", (), unanswerable=True),
]
RANKED = {"q1": ["alpha here", "x", "y"], "q2": ["x", "y", "z", "the beta"], "q3": [], "out": ["x"]}


def test_metrics_per_language_and_abstention():
    report = evaluate(ITEMS, lambda q: RANKED[q])
    en, de = report.metrics["en"], report.metrics["de"]
    assert (en["hit@1"], en["hit@3"], en["hit@5"]) == (0.5, 0.5, 1.0)
    assert en["mrr"] == pytest.approx((1 + 1 / 4) / 2)
    assert de["hit@5"] == 0.0 and report.metrics["all"]["n"] == 3
    assert report.abstention == {"n": 1.0, "correct": 0.0, "false": pytest.approx(1 / 3)}
    assert [o.item.q for o in report.misses] == ["q2", "q3", "out"]
    assert "MISS [en] q2 (rank 4)" in report.table()
    json.dumps(report.to_dict())  # serialisable for --json


def test_a_file_of_out_of_scope_questions_alone_reports_abstention_only():
    report = evaluate([ITEMS[3], EvalItem("aus", "de", (), unanswerable=True)], lambda q: [] if q == "aus" else ["x"])
    assert report.metrics == {}
    assert report.abstention == {"n": 2.0, "correct": 0.5, "false": 0.0}
    assert report.table().startswith("abstention: 0.50 of 2 out-of-scope questions abstained")


def test_load_items_reads_the_dev_format_and_names_bad_lines(tmp_path):
    good = tmp_path / "q.jsonl"
    good.write_text('{"q": "a?", "lang": "en", "gold": ["x"]}\n\n{"q": "b?", "lang": "de", "gold": [], '
                    '"unanswerable": true}\n', encoding="utf-8")
    assert load_items(good) == [EvalItem("a?", "en", ("x",)), EvalItem("b?", "de", (), True)]
    no_flag = tmp_path / "no_flag.jsonl"  # an empty gold list alone marks an out-of-scope question
    no_flag.write_text('{"q": "c?", "lang": "en", "gold": []}\n', encoding="utf-8")
    assert load_items(no_flag) == [EvalItem("c?", "en", (), True)]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"q": "a?", "lang": "en"}\n{"lang": "en"}\n', encoding="utf-8")
    with pytest.raises(QAError, match=r"bad.jsonl:2"):
        load_items(bad)
    with pytest.raises(QAError, match="cannot read"):
        load_items(tmp_path / "absent.jsonl")


def test_wilson_interval_brackets_the_rate_and_narrows_with_more_questions():
    low, high = wilson(18, 20)
    assert low < 0.9 < high
    assert (round(low, 2), round(high, 2)) == (0.70, 0.97)  # the textbook Wilson figures for 18/20
    wide, narrow = wilson(9, 10), wilson(90, 100)
    assert narrow[1] - narrow[0] < wide[1] - wide[0]
    assert wilson(0, 5)[0] == 0.0 and wilson(5, 5)[1] == 1.0 and wilson(0, 0) == (0.0, 1.0)


def test_report_gives_the_hit_at_3_interval_per_language():
    report = evaluate(ITEMS, lambda q: RANKED[q])
    assert report.metrics["en"]["hit@3_ci95"] == pytest.approx(wilson(1, 2))
    assert "95% interval" in report.table()


def test_gold_strings_no_sentence_contains_are_reported():
    sentences = ["The alpha  sentence.", "A beta one.", "Gamma and delta."]
    items = [EvalItem("q1", "en", ("alpha sentence", "alpha one")),  # whitespace aside; the second is absent
             EvalItem("q2", "en", ("beta one. Gamma",)),  # spans two sentences: never a hit
             EvalItem("out", "en", (), unanswerable=True)]
    report = evaluate(items, lambda q: sentences[:1], sentences)
    assert report.unmatched_gold == [("q1", "alpha one"), ("q2", "beta one. Gamma")]
    assert "GOLD NOT IN ANY SENTENCE (it can never be hit) for 'q2': 'beta one. Gamma'" in report.table()
    assert report.to_dict()["unmatched_gold"][0] == {"q": "q1", "gold": "alpha one"}
    assert evaluate(items, lambda q: []).unmatched_gold == []  # no sentences given: nothing checked
