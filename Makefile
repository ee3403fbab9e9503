# Two commands do all the set-up on a fresh machine with Python 3.11+: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
ifeq ($(OS),Windows_NT)
BIN := $(VENV)/Scripts
else
BIN := $(VENV)/bin
endif

.PHONY: run test stress lint format sample bench wheelhouse clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/jixiao sample.db

# Test processes (pytest-xdist): one more than the cores (tests/conftest.py says why); a process
# with nothing left takes tests queued for another, so none stands idle while one works on.
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -n auto --dist worksteal

stress: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m stress

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

sample: $(VENV)/.installed
	$(BIN)/python -m store.sample samples/yuehu-2019.toml sample.db

# Speed and memory, each against its baseline in the same run (needs tmux and pandoc): writes BENCHMARKS.md.
bench: $(VENV)/.installed
	$(BIN)/python -m bench.run

# The offline install bundle dist/jixiao-offline-<version>/ and its .zip (needs the package index; takes a minute).
wheelhouse: $(VENV)/.installed
	$(BIN)/python packaging/build_wheelhouse.py

clean:
	rm -rf $(VENV) build dist *.egg-info
