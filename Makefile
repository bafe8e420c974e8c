# `make demo` and `make test` set up .venv from nothing (python3 -m venv + pip) first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench dev-score train model-bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/polybius code examples/missiles-kursk.txt --date 2024-11-18

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Rebuild the shipped event-type model from training/corpus (deterministic: fixed seed, sorted files).
train: $(STAMP)
	$(BIN)/python -m polybius.events.training --corpus training/corpus

# Cross-validation of the model on training/corpus, with the per-type confusion table.
model-bench: $(STAMP)
	$(BIN)/python bench/model.py

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

dev-score: $(STAMP)
	$(BIN)/polybius code --format jsonl ../shared/eval/plover_gsr_dev.jsonl > /tmp/dev.pred.jsonl
	$(BIN)/python ../shared/eval/score.py --gold ../shared/eval/plover_gsr_dev.jsonl --pred /tmp/dev.pred.jsonl

clean:
	rm -rf $(VENV) build dist src/*.egg-info
