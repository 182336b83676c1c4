# Two commands on a fresh machine: `make run` (the app on the demo workshop) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck bench build-resources translations package package-check clean

$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The compiled forms and translations, into the source tree's package. The editable install
# makes them too; this rebuilds what is older than its source (after editing a .ui or a .ts).
build-resources: $(STAMP)
	$(BIN)/python packaging/build_resources.py

# Refresh the .ts sources after changing user-visible strings, then translate them in Linguist.
translations: $(STAMP)
	$(BIN)/python packaging/build_resources.py --update-ts

run: build-resources
	$(BIN)/facilitator-app --demo

test: build-resources
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

bench: build-resources
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# The app as one folder, dist/facilitator-app/ (PyInstaller, packaging/facilitator-app.spec).
# PyInstaller and Pillow (for the .ico and .icns) are build-only tools: the `packaging` extra.
package: build-resources
	$(BIN)/python -m pip install --quiet -e '.[packaging]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/facilitator-app.spec

# Run the built app: --version, --smoke, convert to every format; fails above 200 MB.
package-check: package
	$(BIN)/python packaging/check_package.py dist/facilitator-app --max-mb 200

clean:
	rm -rf $(VENV) build dist *.egg-info facilitator_app/gui/forms/ui_*.py \
		facilitator_app/resources/translations
