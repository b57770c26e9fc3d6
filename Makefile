# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv test demo bench lint screenshots app clean

$(STAMP): pyproject.toml build/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s)" % sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c build/constraints.txt -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

test: $(STAMP)
	$(BIN)/python -m ruff check core gui tests
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

demo: $(STAMP)
	$(BIN)/immutableid-sync gui --sandbox

bench: $(STAMP)
	$(BIN)/python -m pytest tests/bench -s -p no:cacheprovider --override-ini addopts= --timeout=1800

lint: $(STAMP)
	$(BIN)/python -m ruff check core gui tests

clean:
	rm -rf $(VENV) build/dist build/work screenshots
