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

# The main job (`run`) with the examples folder as its only source, into a fresh store.
demo: $(STAMP)
	@mkdir -p out
	@rm -f out/news.db out/news.db-wal out/news.db-shm
	$(BIN)/newsdistill run --feeds examples/ --db out/news.db --site out/site
	$(BIN)/newsdistill stories --db out/news.db --format md > out/digest.md
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
