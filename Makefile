# Quick start: `make demo` then `make test`. Both create .venv on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: demo test bench install clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP) $@

$(BENCH_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,bench]'
	touch $(STAMP) $(TEST_STAMP) $@

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/newsdistill digest --format html -o out/site examples/
	$(BIN)/newsdistill digest --format md -o out/digest.md examples/
	@echo "newsdistill: open out/site/index.html in a browser, or read out/digest.md"

test: $(TEST_STAMP)
	./scripts/ensure-system-deps
	$(BIN)/python -m pytest -q

# Benchmarks: ROUGE-1.5.5 needs Perl's XML::Parser (scripts/ensure-system-deps --bench installs it)
bench: $(BENCH_STAMP)
	./scripts/ensure-system-deps --bench
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
