# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILD_STAMP := $(VENV)/.installed-build

.PHONY: venv test demo bench lint screenshots app smoke-app translations clean

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

$(BUILD_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c build/constraints.txt -e '.[test,build]'
	touch $(BUILD_STAMP)

# The frozen app (PyInstaller onedir in build/dist, plus the .app on macOS); prints its size.
app: $(BUILD_STAMP)
	$(BIN)/python build/build.py

# Runs the FROZEN programs: --version, the CLI against the sandbox tenant, the GUI offscreen.
smoke-app: app
	QT_QPA_PLATFORM=offscreen $(BIN)/python build/smoke.py

# Refresh resources/translations/*.ts from the tr() strings in gui/ (lupdate), then compile .qm (lrelease).
translations: $(STAMP)
	$(BIN)/python build/translations.py update
	$(BIN)/python build/translations.py release

# A PNG of every page and of error states (screenshots/, git-ignored), offscreen, against the sandbox.
screenshots: $(STAMP)
	rm -rf screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m gui.screenshots.walk screenshots

clean:
	rm -rf $(VENV) build/dist build/work screenshots
