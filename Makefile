# The workspace's two everyday commands are `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.lock pyproject.toml | cksum | cut -d' ' -f1)
PO := $(wildcard locale/*/LC_MESSAGES/django.po)
MO := $(PO:.po=.mo)

.PHONY: run test test-fast install messages makemessages lint format check-deploy lock bench bench-web probe clean

run: install $(MO)  ## serve a trial workspace with demo data on http://127.0.0.1:8000
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Two workers (the machine's two cores), each test file on one of them, so the tests
# of one module that start real processes share them one after another.
PYTEST_ARGS ?= -n 2 --dist loadfile

test: install $(MO)  ## the whole suite (SQLite and eager Celery unless DATABASE_URL/REDIS_URL are set)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: install $(MO)  ## the suite without browser, PDF and real-process tests: under a minute
	$(BIN)/python -m pytest $(PYTEST_ARGS) -m "not browser and not services and not pdf"

install: $(STAMP)

$(STAMP): requirements-dev.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	rm -f $(VENV)/.installed-* && touch $@

# Catalogues are compiled with Babel so the build needs no system gettext.
locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | install
	$(BIN)/pybabel compile --statistics -i $< -o $@

messages: $(MO)

makemessages: install  ## refresh the catalogues from the code (needs GNU gettext)
	$(BIN)/python manage.py makemessages -l id -l en --no-obsolete --ignore=.venv --ignore=static --ignore=bench

lint: install  ## ruff, formatting, the import contracts and migrations must all be clean
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-deploy: install  ## Django's deployment checks under production settings
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
	  ALLOWED_HOSTS=gcm.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

# requirements-dev.lock (what `make` installs) is resolved from pyproject.toml with the dev
# extras; requirements.lock (what the image installs) is the runtime part of it, at the
# same versions.
lock:  ## re-resolve both lock files from pyproject.toml in throwaway environments
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/python -m pip install --quiet ".[dev]"
	.lockenv/bin/python -m pip freeze --exclude-editable | grep -vi '^gcm-workspace' > requirements-dev.lock
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/python -m pip install --quiet -c requirements-dev.lock .
	.lockenv/bin/python -m pip freeze --exclude-editable | grep -vi '^gcm-workspace' > requirements.lock
	rm -rf .lockenv build *.egg-info

# Speed runs take both cores: under the shared lock so they never overlap a test suite.
bench: install  ## quality on the generated and hand-written corpora and on Polis votes, then runs of 1k/10k/100k inputs of both kinds, in one process and on a 2-process worker (gcm_bench on PostgreSQL)
	$(BIN)/python bench/quality.py --inputs $${BENCH_QUALITY_INPUTS:-3000}
	$(BIN)/python bench/polis.py
	flock /tmp/gcm-services.lock $(BIN)/python bench/speed.py --sizes $${BENCH_SIZES:-1000 10000 100000} \
	  --decisions $${BENCH_DECISIONS:-100}
	flock /tmp/gcm-services.lock $(BIN)/python bench/speed.py --corpus written \
	  --sizes $${BENCH_WRITTEN_SIZES:-10000 100000}
	flock /tmp/gcm-services.lock $(BIN)/python bench/speed.py --corpus written \
	  --sizes $${BENCH_WORKER_SIZES:-100000} --workers 2

bench-web: install  ## gunicorn as compose runs it, 10,000 inputs in PostgreSQL, load on pages and API
	$(BIN)/python bench/web.py --seconds $${BENCH_SECONDS:-20}

probe: install  ## security probe of gunicorn on loopback: roles, XSS, formulas, uploads, races, schemathesis
	CHROMIUM=$${CHROMIUM:-/usr/bin/chromium} $(BIN)/python bench/probe.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
