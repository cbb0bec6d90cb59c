# Two commands for a newcomer: `make serve` and `make test`. Each bootstraps .venv
# from the pinned dependencies in pyproject.toml on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast bench schema clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,zensical]'
	@touch $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(VENV)/bin/intervisiewijzer build

test: $(STAMP)
	$(PY) -m pytest

# Everything but the browser: the data, the views, the builds of the scenarios and the handbook.
test-fast: $(STAMP)
	$(PY) -m pytest -m "not browser"

bench: $(STAMP)
	$(PY) tests/benchmark.py

schema: $(STAMP)
	$(VENV)/bin/intervisiewijzer schema

clean:
	rm -rf site .site-* .bench .zensical .zensical.yml site-zensical $(VENV)
