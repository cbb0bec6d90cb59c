# Two commands for a newcomer: `make serve` and `make test`. Each bootstraps .venv
# from the pinned dependencies in pyproject.toml on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench schema clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,zensical]'
	@touch $(STAMP)

serve: $(STAMP)
	$(PY) -m macros.adapters.serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(PY) -m macros.adapters.build

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) tests/benchmark.py

schema: $(STAMP)
	$(PY) -m macros.data.schema

clean:
	rm -rf site .site-* .bench .zensical .zensical.yml site-zensical $(VENV)
