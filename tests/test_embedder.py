import hashlib

import pytest

from qa import ModelError
from qa.embedder import BUNDLED, bundled_model_dir, load_embedder, resolve_model_name, verify_model_files


def make_model_dir(tmp_path):
    files = {"model.safetensors": b"weights", "tokenizer.json": b"{}", "config.json": b'{"a": 1}'}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}


def test_matching_files_pass_and_are_not_hashed_again(tmp_path, monkeypatch):
    expected = make_model_dir(tmp_path)
    verify_model_files(tmp_path, expected)
    hashed = []
    monkeypatch.setattr("qa.embedder._sha256", lambda p: hashed.append(p) or "")
    verify_model_files(tmp_path, expected)  # same install: remembered
    assert hashed == []


def test_a_changed_file_refuses_to_load_and_names_the_file(tmp_path):
    expected = make_model_dir(tmp_path)
    (tmp_path / "config.json").write_bytes(b'{"a": 2}')
    with pytest.raises(ModelError, match="config.json"):
        verify_model_files(tmp_path, expected)


def test_a_missing_file_is_reported(tmp_path):
    expected = make_model_dir(tmp_path)
    (tmp_path / "tokenizer.json").unlink()
    with pytest.raises(ModelError, match="tokenizer.json is missing"):
        verify_model_files(tmp_path, expected)


def test_bundled_weights_are_upstream_all_minilm():
    verify_model_files(bundled_model_dir())  # the real package's files against the upstream digests


def test_model_choice(monkeypatch):
    assert resolve_model_name(None) == BUNDLED
    assert resolve_model_name("sentence-transformers/all-MiniLM-L6-v2") == BUNDLED
    monkeypatch.setenv("QA_MODEL", "/models/mine")
    assert resolve_model_name(None) == "/models/mine"
    assert resolve_model_name("other") == "other"


def test_unknown_hub_model_fails_with_a_clear_message(monkeypatch):
    # The real loading code with the hub in offline mode (as HF_HUB_OFFLINE=1 gives), so it fails at
    # once instead of retrying for over a minute as it does on a machine without network.
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_OFFLINE", True)
    with pytest.raises(ModelError, match="no-such-org/no-such-model.*model hub"):
        load_embedder("no-such-org/no-such-model")


def test_a_missing_model_folder_is_reported_without_asking_a_hub(tmp_path, monkeypatch):
    monkeypatch.setattr("qa.embedder._load_st", lambda *a, **k: pytest.fail("tried to load"))
    with pytest.raises(ModelError, match="No model folder at"):
        load_embedder(str(tmp_path / "no-such-model"))


@pytest.mark.model
def test_a_model_given_as_a_local_folder_loads(tmp_path):
    embedder = load_embedder(str(bundled_model_dir()))
    vectors = embedder.encode(["Kim Yo Jong warnte die USA.", "Der Kreml bestätigte das Gespräch."])
    assert vectors.shape == (2, 384)
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-4
