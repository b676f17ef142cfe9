# jianbao — `make demo` and `make test` do everything on a fresh machine; `make check` is the fast loop.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

# the tiers that need a service or take long (pytest markers, pyproject.toml; CONTRIBUTING.md)
SLOW_TIERS := pg or browser or cluster or ocr or slow

.PHONY: setup demo check test bench clean

$(STAMP): pyproject.toml setup.py src/jianbao/store/_rank.c
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,ocr]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(VENV)/bin/jianbao cut examples/ --format text

check: setup
	$(PY) -m pytest -m "not ($(SLOW_TIERS))"

test: setup
	$(PY) -m pytest

bench: setup
	$(PY) bench/cut.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
