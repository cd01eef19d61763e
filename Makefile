# geoevents: `make run` starts the service, `make test` runs the whole suite.
# Both bootstrap everything from a fresh machine with only python3 (3.11+) and make.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install browser run test lint typecheck gazetteer assets bench-gazetteer bench clean calibrate

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --python $(PYTHON)
	touch $@

install: $(VENV)/.installed

# The map's browser tests drive Debian's chromium. Installed here when we can (root with
# apt-get); otherwise those tests skip with a message (and fail under CI=true).
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium for the browser tests"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
			|| echo "could not install chromium: browser tests will skip (and fail under CI=true)"; \
	else echo "chromium is not installed and cannot be installed here: browser tests will skip"; fi

# Refit the confidence model (data/calibration.json) on the blind corpus's dev split; run it
# after any extraction change, then commit the file.
calibrate: install
	$(VENV)/bin/geoevents evaluate tests/fixtures/blind --split dev --calibrate

run: install
	$(VENV)/bin/geoevents serve --host 127.0.0.1 --port 8000 --dev-key

test: install browser
	$(VENV)/bin/ruff check app tests bench tools
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest --cov=app --cov-report=term:skip-covered --cov-fail-under=85

lint: install
	$(VENV)/bin/ruff check app tests bench tools
	$(VENV)/bin/ruff format --check app tests bench tools

typecheck: install
	$(VENV)/bin/mypy

gazetteer: install
	$(VENV)/bin/python tools/build_gazetteer.py
	$(VENV)/bin/python tools/build_rivers.py

bench-gazetteer: install
	$(VENV)/bin/python -m bench.gazetteer

bench: install browser
	$(VENV)/bin/python -m bench.gazetteer
	$(VENV)/bin/python -m bench.extract
	$(VENV)/bin/python -m bench.store
	$(VENV)/bin/python -m bench.map
	$(VENV)/bin/python -m bench.ingest
	$(VENV)/bin/python -m bench.throughput

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache

assets: install
	$(VENV)/bin/python tools/vendor_assets.py
