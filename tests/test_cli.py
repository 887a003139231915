"""The command line as users run it: the installed `qa` entry point in a subprocess."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import KIM_WARNS


def qa_command() -> list[str]:
    script = shutil.which("qa", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "qa"]


def run(*args, check_rc=0):
    proc = subprocess.run(qa_command() + list(args), capture_output=True, text=True, timeout=300)
    assert proc.returncode == check_rc, proc.stderr
    return proc


def test_help_lists_the_commands():
    out = run("--help").stdout
    for command in ("ask", "index", "status"):
        assert command in out


@pytest.mark.parametrize("args, message", [
    (["ask", "   "], "The question is empty"),
    (["ask", "--seeds", "/no/such/folder", "Wer?"], "No seeds folder"),
    (["ask", "-k", "0", "Wer?"], "--top-k must be from 1 to 50"),
])
def test_expected_mistakes_print_one_clean_line(args, message):
    proc = run(*args, check_rc=1)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("qa: error:") and message in lines[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.model
def test_index_then_ask_json(seeds_dir):
    first = run("index", "--seeds", str(seeds_dir)).stdout
    assert "Indexed 23 sentences from 1 article" in first
    (seeds_dir / "b.txt").write_text("Ein neuer Artikel über das Wetter in Köln.", encoding="utf-8")
    second = run("index", "--seeds", str(seeds_dir)).stdout
    assert "embedded: b.txt" in second and "reused:   2025-08-13_putin-kim-telefonat.txt" in second
    assert "up to date" in run("index", "--seeds", str(seeds_dir)).stdout

    answer = json.loads(run("ask", "--json", "--seeds", str(seeds_dir), "What did Kim Yo Jong warn?").stdout)
    assert answer["answered"] and answer["question"] == "What did Kim Yo Jong warn?"
    assert any(KIM_WARNS in c["text"] for c in answer["citations"])
    readable = run("ask", "--seeds", str(seeds_dir), "-q", "What did Kim Yo Jong warn?").stdout
    assert "Sources:" in readable and "[1]" in readable


def test_a_reader_that_goes_away_is_not_an_error(seeds_dir):
    """`qa status | head -0`: the pipe is closed before qa writes; no traceback, exit 0."""
    proc = subprocess.Popen(qa_command() + ["status", "--seeds", str(seeds_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # qa needs far longer to start than this takes
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "Traceback" not in err, err


@pytest.mark.model
def test_eval_names_gold_strings_no_sentence_contains(seeds_dir, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"q": "What did Kim Yo Jong warn?", "lang": "en",
                                     "gold": [KIM_WARNS, "warnte die USA vor dem Dialog"]}) + "\n", encoding="utf-8")
    out = run("eval", str(questions), "--seeds", str(seeds_dir), "--mode", "lexical").stdout
    assert "GOLD NOT IN ANY SENTENCE (it can never be hit) for 'What did Kim Yo Jong warn?'" in out
    assert "warnte die USA vor dem Dialog" in out and KIM_WARNS not in out
    report = json.loads(run("eval", str(questions), "--seeds", str(seeds_dir), "--json").stdout)
    assert [g["gold"] for g in report["unmatched_gold"]] == ["warnte die USA vor dem Dialog"]
