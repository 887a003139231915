# The two commands of the README; both set up what they need first.
.PHONY: run test setup bench

run: setup
	.venv/bin/python -m ui

test:
	bash scripts/setup.sh --test
	.venv/bin/python -m pytest

setup:
	bash scripts/setup.sh

# The speed benchmark, with the peer pipeline (LangChain) in a venv of its own: langchain-huggingface
# caps huggingface-hub below 2. `python -m benchmarks --quick` is the seconds-long version.
bench: setup
	[ -x .venv-peer/bin/python ] || python3 -m venv .venv-peer
	.venv-peer/bin/pip install -q --disable-pip-version-check -c constraints.txt -e ".[peer]"
	QA_PEER_PYTHON=.venv-peer/bin/python .venv/bin/python -m benchmarks
