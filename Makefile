# jianbao — `make demo` and `make test` do everything on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup demo test bench clean

$(STAMP): pyproject.toml setup.py src/jianbao/store/_rank.c
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,ocr]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(VENV)/bin/jianbao cut examples/ --format text

test: setup
	$(PY) -m pytest

bench: setup
	$(PY) bench/cut.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
