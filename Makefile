# Rogatory: `make run` sets everything up and starts the service; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run setup system-packages browser-packages test lint typecheck contracts pytest eval clean translations

run: setup
	$(BIN)/rogatory run

setup: system-packages $(STAMP)

system-packages:
	@scripts/install-system-packages.sh

# Debian's chromium for the browser tests (tests/browser); Playwright cannot download one here.
browser-packages:
	@scripts/install-system-packages.sh --browser

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/pybabel compile --domain messages --directory web/locale
	@touch $(STAMP)

# The interface's catalogues (web/locale, docs/translations.md): extract the strings marked in
# web/, rogatory/ and workers/ (the notices) into messages.pot, merge it into every language's
# .po, compile the .mo files.
CATALOGUE_WIDTH := --width 100
translations: $(STAMP)
	$(BIN)/pybabel extract --mapping-file babel.cfg --keyword N_ --sort-output --no-location $(CATALOGUE_WIDTH) \
		--project Rogatory --copyright-holder "Rogatory contributors" --output-file web/locale/messages.pot web rogatory workers
	$(BIN)/pybabel update --input-file web/locale/messages.pot --domain messages --output-dir web/locale \
		--ignore-obsolete --no-fuzzy-matching $(CATALOGUE_WIDTH)
	$(BIN)/pybabel compile --domain messages --directory web/locale --statistics

test: setup browser-packages lint typecheck contracts pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy

contracts:
	$(BIN)/lint-imports

# pytest exits 5 when it collected no test: that is not a failure of the suite.
pytest:
	$(BIN)/pytest $(PYTEST_ARGS); status=$$?; if [ $$status -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$status

eval: setup
	$(BIN)/rogatory eval ../shared/corpus/dev

clean:
	rm -rf $(VENV) rogatory-data .mypy_cache .ruff_cache .pytest_cache
