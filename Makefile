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

.PHONY: install browser postgis nginx run test test-postgis lint typecheck gazetteer assets bench-gazetteer bench clean calibrate sentence-model sentence-model-crossval

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --compile-bytecode --python $(PYTHON)
	$(VENV)/bin/python -m compileall -q app bench
	$(VENV)/bin/python -m app.startup
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

# The PostGIS backend's tests start a throw-away cluster from Debian's PostgreSQL and PostGIS
# packages. Installed here when we can (root with apt-get); otherwise those tests skip with a
# message (and fail under CI=true).
PG_PACKAGES := postgresql postgresql-15-postgis-3
postgis:
	@if ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 \
		&& ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing PostgreSQL and PostGIS for the PostGIS backend's tests"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PG_PACKAGES) >/dev/null; } \
			|| echo "could not install $(PG_PACKAGES): PostGIS tests will skip (and fail under CI=true)"; \
	else echo "PostgreSQL/PostGIS are not installed and cannot be installed here: PostGIS tests will skip"; fi

# The container's nginx configuration (deploy/nginx.conf) is checked with `nginx -t`. Installed
# here when we can (root with apt-get); otherwise that test skips (and fails under CI=true).
nginx:
	@if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing nginx-light for the nginx configuration test"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; } \
			|| echo "could not install nginx-light: the nginx test will skip (and fail under CI=true)"; \
	else echo "nginx is not installed and cannot be installed here: the nginx test will skip"; fi

# Refit the confidence model (data/calibration.json) on the blind corpus's dev split; run it
# after any extraction change, then commit the file.
calibrate: install
	$(VENV)/bin/geoevents evaluate tests/fixtures/blind --split dev --calibrate

# Refit the learned sentence classifiers (data/sentence_model/) on the blind corpus's dev split
# (scikit-learn, a dev dependency); commit the files. The second
# target measures them against the rules, one left-out writer at a time (a few minutes).
sentence-model: install
	$(VENV)/bin/python tools/train_sentence_model.py

sentence-model-crossval: install
	$(VENV)/bin/python tools/crossval_sentence_model.py

run: install
	$(VENV)/bin/geoevents serve --host 127.0.0.1 --port 8000 --dev-key

test: install browser postgis nginx
	$(VENV)/bin/ruff check app tests bench tools
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest --cov=app --cov-report=term:skip-covered --cov-fail-under=85

# Only the tests that run on the PostGIS backend (a throw-away cluster on a free local port).
test-postgis: install postgis
	$(VENV)/bin/pytest -m postgis

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
	$(VENV)/bin/python -m bench.ingest_stages
	$(VENV)/bin/python -m bench.throughput

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache

assets: install
	$(VENV)/bin/python tools/vendor_assets.py
