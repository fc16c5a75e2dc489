# Two commands for a newcomer: `make run` (serve the demo site) and `make test` (the whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate seed lint format check bench bench-quick lighthouse worker beat clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; else echo "npm not found: browser accessibility checks will be skipped"; fi

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, login printed above)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	-@$(MAKE) --no-print-directory node_modules/.package-lock.json
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml

# Benchmarks (bench/run.py): a separate database (BENCH_DATABASE_URL), gunicorn on 127.0.0.1, wrk.
bench: install lighthouse
	$(PY) bench/run.py

lighthouse: install
	cd bench/lighthouse && npm ci --no-audit --no-fund --silent
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) bench/lighthouse.py

bench-quick: install
	$(PY) bench/run.py --quick

worker: install
	DJANGO_SETTINGS_MODULE=toronto_ai.settings.dev $(VENV)/bin/celery -A toronto_ai worker -l info

beat: install
	DJANGO_SETTINGS_MODULE=toronto_ai.settings.dev $(VENV)/bin/celery -A toronto_ai beat -l info

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
