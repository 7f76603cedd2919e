# The two commands a newcomer needs: `make run` and `make test`. `make help` lists the rest.
VENV ?= .venv
BIN = $(VENV)/bin
PYTHON ?= python3
MANAGE = $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
MESSAGE_IGNORES = --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=static/vendor --ignore=bench-results
.PHONY: help messages install run test test-fast test-browser lint format migrate superuser demo check-deploy bench bench-mix bench-data vendor worker cluster test-cluster check-systemd

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install -q -r requirements-dev.txt
	@touch $@

# The compiled catalogues are built, never committed (gettext's msgfmt: apt install gettext).
CATALOGUES = $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

$(CATALOGUES): %.mo: %.po $(VENV)/.installed
	DJANGO_DEBUG=1 $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

install: $(VENV)/.installed $(CATALOGUES)  ## the virtualenv with runtime and dev dependencies, the compiled translations

run: export DJANGO_DEBUG := 1
run: install  ## set everything up (SQLite, demo content) and serve on http://127.0.0.1:8000 (PORT=, HOST= to change)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	@echo ""
	@echo "  Admin: sign in at http://$(HOST):$(PORT)/admin/ as demo_moderator or demo_editor"
	@echo "  (demo password printed above when first created: demo-portal-2026),"
	@echo "  or create your own superuser with: make superuser"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

test: install  ## the whole suite (PostgreSQL when DATABASE_URL is set, SQLite otherwise)
	$(BIN)/python -m pytest -m "not browser"
	$(BIN)/python -m pytest -m browser

test-fast: install  ## the suite without the browser tests (what CI runs on SQLite)
	$(BIN)/python -m pytest -m "not browser"

test-browser: install  ## only the browser tests (Playwright + Debian's Chromium)
	$(BIN)/python -m pytest -m browser

lint: install  ## style, formatting and missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run

messages: install  ## refresh the catalogues (locale/*/LC_MESSAGES) from the code and templates
	DJANGO_DEBUG=1 $(MANAGE) makemessages --all --no-obsolete $(MESSAGE_IGNORES)
	DJANGO_DEBUG=1 $(MANAGE) makemessages --all --no-obsolete -d djangojs $(MESSAGE_IGNORES)

format: install  ## apply formatting and safe fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrate: export DJANGO_DEBUG := 1
migrate: install  ## apply migrations to the development database
	$(MANAGE) migrate

demo: export DJANGO_DEBUG := 1
demo: migrate  ## load the demo content (idempotent)
	$(MANAGE) load_demo

superuser: export DJANGO_DEBUG := 1
superuser: migrate  ## create a superuser for the admin
	$(MANAGE) createsuperuser

check-deploy: install  ## Django's deployment checks with production-like settings
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=check-deploy-$$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz \
	DJANGO_ALLOWED_HOSTS=portal.example.org DJANGO_HSTS_SECONDS=31536000 \
	DJANGO_SECURE_COOKIES=1 DJANGO_SECURE_SSL_REDIRECT=1 PORTAL_SITE_URL=https://portal.example.org \
	$(MANAGE) check --deploy --fail-level WARNING

vendor:  ## refresh the vendored front-end files from npm (package.json pins them)
	npm ci && npm run vendor

bench-data: install  ## build the benchmark database once: forums, articles, blogs, videos, search index (PostgreSQL, BENCH_DATABASE_URL, default postgres:///portal_bench)
	$(BIN)/python bench/run.py --prepare

bench: install  ## measure the pages (cached, uncached, logged in) with gunicorn + Redis + wrk against a bare view (README, "Benchmark")
	$(BIN)/python bench/run.py

bench-mix: install  ## the traffic mix: 16 connections for 60 s, 80% anonymous / 20% members over every page (Zipf), 2 replies/s, 1 sign-in/s, against the baseline (docs/benchmark.md)
	$(BIN)/python bench/run.py --mix

worker: install  ## the background task worker for TASKS_BACKEND=rq (Redis) or database
	@if [ "$$TASKS_BACKEND" = rq ]; then \
		$(MANAGE) rqworker --job-class django_tasks_rq.Job default; \
	else $(MANAGE) db_worker; fi

cluster: install  ## a PostgreSQL primary + replica, Redis, S3, 2 app servers, a worker and HAProxy on 127.0.0.1:18400 (Ctrl-C removes it all)
	$(BIN)/python deploy/cluster.py run

test-cluster: install  ## that cluster under 60 s of load with a replica, app server, Redis and worker restart, and a backup restored
	$(BIN)/python deploy/cluster.py test

check-systemd: install  ## systemd-analyze verify the production units in deploy/systemd/
	VENV=$(VENV) deploy/verify-systemd.sh
