# Asylum Policy Monitor — `make run` (set up everything and run the monitor) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export MONITOR_STATE_DIR ?= $(CURDIR)/.state

.PHONY: install run test test-unit bench es-up es-down es-status clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: install
	$(BIN)/monitor run-local --dags dags --plugins plugins

test: install
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m pytest

# Benchmarks (docs/BENCHMARKS.md): each prints its table; all figures go to bench/results.json.
bench: install
	rm -f bench/results.json
	$(BIN)/python bench/bench_detect.py --json bench/results.json
	$(BIN)/python bench/dag_parse.py --json bench/results.json
	test -n "$$MONITOR_ES_URL" || $(BIN)/monitor es up
	$(BIN)/python bench/bench_search.py --docs 100000 --json bench/results.json
	$(BIN)/python bench/bench_ingest.py --articles 10000 --feeds 100 --sources 200 --json bench/results.json

test-unit: install
	$(BIN)/python -m pytest tests/unit

es-up: install
	$(BIN)/monitor es up

es-down: install
	$(BIN)/monitor es down

es-status: install
	$(BIN)/monitor es status

clean:
	-$(BIN)/monitor es down
	rm -rf .state
