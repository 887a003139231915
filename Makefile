# The two commands of the README; both set up what they need first.
.PHONY: run test ask index setup

run: setup
	.venv/bin/qa index
	.venv/bin/qa ask "What did Kim Yo Jong warn?"

test:
	bash scripts/setup.sh --test
	.venv/bin/python -m pytest

setup:
	bash scripts/setup.sh
