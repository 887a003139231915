"""Cache housekeeping: what prune removes and what it spares."""
import os
import time

from qa.paths import prune


def test_prune_removes_old_matches_and_spares_the_one_in_use_and_recent_ones(tmp_path):
    keep, old, recent, other = (tmp_path / n for n in ("model-a", "model-b", "model-c", "tokenizer-d"))
    for d in (keep, old, recent, other):
        d.mkdir()
        (d / "model.onnx").write_bytes(b"x")
    month_ago = time.time() - 40 * 86400
    for d in (keep, old, other):
        os.utime(d, (month_ago, month_ago))
    gone = prune(tmp_path, "model-*", keep=keep, max_age_days=30)
    assert gone == [old]
    assert keep.exists() and recent.exists() and other.exists() and not old.exists()
