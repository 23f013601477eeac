PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
EXTRAS ?= test
STAMP  := $(VENV)/.installed-$(EXTRAS)

.PHONY: run test bench translations clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/engine.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/gui.py

# After changing user-visible strings: new ones land unfinished in the .ts (translate them, keeping
# to resources/translations/glossary_zh_CN.tsv), then run it again to compile the committed .qm.
translations: $(STAMP)
	$(PY) -m tools.translations

clean:
	rm -rf $(VENV) build *.egg-info
