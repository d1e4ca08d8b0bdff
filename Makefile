# umpanbalik — the two commands a new machine needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo test models bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m umpanbalik demo --output hasil_demo

test: $(STAMP)
	$(PY) -m pytest -q

models: $(STAMP)
	$(PY) scripts/build_stem_table.py
	$(PY) scripts/build_models.py

bench: $(STAMP)
	$(PY) benchmarks/bench_preprocessing.py

clean:
	rm -rf $(VENV) hasil_demo build dist src/*.egg-info .pytest_cache
