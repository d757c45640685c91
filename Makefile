# Asylum Policy Monitor — `make run` (set up everything and run the monitor) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export MONITOR_STATE_DIR ?= $(CURDIR)/.state

.PHONY: install run test test-unit es-up es-down es-status clean

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
