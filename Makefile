# Asylum Policy Monitor — `make run` (set up everything and run the monitor) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export MONITOR_STATE_DIR ?= $(CURDIR)/.state

.PHONY: install system-deps system-deps-run system-deps-topology run test test-unit topology-test bench es-up es-down es-status clean

# What the Python environment cannot provide, from Debian: Maven (the Elasticsearch launcher
# fetches the distribution with `mvn dependency:copy`), Chromium and its chromedriver (the
# browser test drives Debian's Chromium; nothing is downloaded by selenium).
RUN_COMMANDS := mvn
RUN_PACKAGES := maven
SYSTEM_COMMANDS := chromium chromedriver $(RUN_COMMANDS)
SYSTEM_PACKAGES := chromium chromium-driver $(RUN_PACKAGES)

# $(call require_commands,COMMANDS,PACKAGES): nothing when every command is on PATH (no apt
# call); else install PACKAGES with apt-get as root, or stop with the command to run.
define require_commands
	@missing=""; for command in $(1); do command -v $$command >/dev/null 2>&1 || missing="$$missing $$command"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "make: missing system commands:$$missing. Install them, then run make again:" >&2; \
	  echo "    sudo apt-get install -y $(2)" >&2; \
	  exit 1; \
	fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "make: missing system commands:$$missing, and there is no apt-get: install the equivalent of" \
	       "Debian's $(2) with this system's package manager." >&2; \
	  exit 1; \
	fi; \
	echo "== installing $(2) (missing:$$missing)"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null || exit 1; \
	for command in $(1); do command -v $$command >/dev/null 2>&1 \
	  || { echo "make: apt-get installed $(2) but \`$$command\` is still not on PATH" >&2; exit 1; }; done
endef

# The production topology (`make topology-test`): PostgreSQL 15 and Redis 7 from Debian, and
# Maven for the Elasticsearch distribution.
TOPOLOGY_COMMANDS := /usr/lib/postgresql/15/bin/postgres /usr/lib/postgresql/15/bin/initdb redis-server redis-cli $(RUN_COMMANDS)
TOPOLOGY_PACKAGES := postgresql-15 redis-server $(RUN_PACKAGES)
# Its own venv: the Celery executor, the FAB auth manager and the Postgres driver of
# docker-compose.yml's image, kept out of the venv `make run` and `make test` use.
TOPOLOGY_VENV ?= .venv-topology

# Everything `make test` needs from the system.
system-deps:
	$(call require_commands,$(SYSTEM_COMMANDS),$(SYSTEM_PACKAGES))

system-deps-topology:
	$(call require_commands,$(TOPOLOGY_COMMANDS),$(TOPOLOGY_PACKAGES))

# What `make run` (and the local Elasticsearch) needs from the system: Maven only.
system-deps-run:
	$(call require_commands,$(RUN_COMMANDS),$(RUN_PACKAGES))

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: system-deps-run install
	$(BIN)/monitor run-local --dags dags --plugins plugins

test: system-deps install
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m pytest

# Benchmarks (docs/BENCHMARKS.md): each prints its table; all figures go to bench/results.json.
bench: system-deps-run install
	$(BIN)/pip install --quiet -e '.[test,bench]'
	rm -f bench/results.json
	$(BIN)/python bench/bench_detect.py --json bench/results.json
	$(BIN)/python bench/bench_stages.py --json bench/results.json
	$(BIN)/python bench/dag_parse.py --json bench/results.json
	test -n "$$MONITOR_ES_URL" || $(BIN)/monitor es up
	$(BIN)/python bench/bench_search.py --docs 100000 --json bench/results.json
	# A million documents (about 13 minutes to index here): warm and cold request cache.
	$(BIN)/python bench/bench_search.py --docs 1000000 --rounds 10 --cold --key search_1m --json bench/results.json
	$(BIN)/python bench/bench_load.py --docs 20000 --clients 32 --workers 2 --json bench/results.json
	$(BIN)/python bench/bench_ingest.py --articles 10000 --on-topic 2000 --feeds 100 --sources 200 --json bench/results.json

# docker-compose.yml's Celery variant, for real on this machine (tests/topology, ~10 minutes):
# PostgreSQL, Redis, Airflow's api-server, scheduler, dag-processor, triggerer and two Celery
# workers, and three Elasticsearch nodes; it SIGKILLs a node and a worker mid-run.
topology-test: system-deps-topology $(TOPOLOGY_VENV)/.installed
	PATH="$(CURDIR)/$(TOPOLOGY_VENV)/bin:$$PATH" $(TOPOLOGY_VENV)/bin/python -m pytest tests/topology -p no:cacheprovider

$(TOPOLOGY_VENV)/.installed: pyproject.toml
	test -d $(TOPOLOGY_VENV) || $(PYTHON) -m venv $(TOPOLOGY_VENV)
	$(TOPOLOGY_VENV)/bin/pip install --quiet --upgrade pip
	$(TOPOLOGY_VENV)/bin/pip install --quiet -e '.[test,topology]'
	touch $@

test-unit: install
	$(BIN)/python -m pytest tests/unit

es-up: system-deps-run install
	$(BIN)/monitor es up

es-down: install
	$(BIN)/monitor es down

es-status: install
	$(BIN)/monitor es status

clean:
	-$(BIN)/monitor es down
	rm -rf .state
