# Quick start: `make run` opens the app on the bundled sample (FILE=x.brief.json
# opens another), `make test` runs every test.  Both set up .venv first.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: run test bench templates clean

run: $(VENV)/.installed
	$(BIN)/briefgen gui $(FILE)

# Everything: the offscreen suite, and within it tests/gui/test_x11.py, which runs
# tests/x11 (keyboard and window tests) on a private Xvfb with Qt's xcb platform.
test: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python tests/benchmarks/run.py

templates: $(VENV)/.installed
	$(BIN)/python templates/build.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) build dist .pytest_cache
