# The two commands of the README; both set up what they need first.
.PHONY: run test ask index setup

run: setup
	.venv/bin/python -m ui

test:
	bash scripts/setup.sh --test
	.venv/bin/python -m pytest

setup:
	bash scripts/setup.sh
