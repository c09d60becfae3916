# WeGo Hub: `make run` starts the site, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= wego_hub.settings.dev

.PHONY: run install install-test install-html-checker messages catalogues migrate seed test test-fast lint format bench lock check-deploy clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

$(VENV)/.installed-test: requirements-test.lock $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-test.lock
	touch $@

install: $(VENV)/.installed messages
install-test: $(VENV)/.installed-test messages

# Bring locale/*/LC_MESSAGES/django.po up to date with the code's strings (GNU gettext), then translate every new
# entry in every language (docs/translation.md).
catalogues: $(VENV)/.installed
	$(BIN)/python manage.py update_catalogues

# The interface catalogues (locale/*/LC_MESSAGES/django.po) compiled into .mo files, which are not committed.
# Django's compilemessages where GNU gettext is installed (CI, the image); polib's compiler otherwise.
messages: $(VENV)/.installed
	@if command -v msgfmt >/dev/null 2>&1; then \
	  $(BIN)/python manage.py compilemessages --ignore ".venv" --ignore node_modules --ignore var --verbosity 0; \
	else $(BIN)/python manage.py compile_catalogues; fi

# The Nu HTML checker (tests/test_html_validity.py), pinned in package-lock.json; it runs on Debian's Java
# (apt-get install default-jre-headless). --ignore-scripts: its postinstall would download a Java of its own.
HTML_CHECKER := node_modules/vnu-jar/build/dist/vnu.jar
$(HTML_CHECKER): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm is missing: the HTML validity test will skip (apt-get install npm)"; fi
install-html-checker: $(HTML_CHECKER)

migrate: install
	@mkdir -p var
	@echo "Applying database migrations…"
	@$(BIN)/python manage.py migrate --no-input --verbosity 0
	@$(BIN)/python manage.py createcachetable

seed: migrate
	$(BIN)/python manage.py seed_demo

# Links in emails, certificates and calendar files, and the Wagtail Site, follow the address this serves.
run seed migrate: export PUBLIC_URL ?= http://$(HOST):$(PORT)

run: seed
	@echo ""
	@echo "  WeGo Hub is starting on http://$(HOST):$(PORT)/ (links in emails: $$PUBLIC_URL)"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  (sign in as admin@wego-hub.example,"
	@echo "         password: $${DEMO_PASSWORD:-wego-hub-demo-2026})"
	@echo "  Emails (sign-up confirmation, password reset) are printed in this terminal by the task worker."
	@echo "  Ctrl-C stops both the web server and the worker."
	@echo ""
	@$(BIN)/python manage.py db_worker --interval 1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	  $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The whole suite. SQLite by default; set DATABASE_URL=postgres://… to run it on PostgreSQL.
# REQUIRE_POSTGRES=1 / REQUIRE_REDIS=1 / REQUIRE_BROWSER=1 / REQUIRE_HTML_CHECKER=1 turn "skipped" into "failed" for CI.
PYTEST_WORKERS ?= 2
test: install-test install-html-checker
	DJANGO_SETTINGS_MODULE=wego_hub.settings.test $(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-deploy: install
	DJANGO_SETTINGS_MODULE=wego_hub.settings.production SECRET_KEY=$${SECRET_KEY:-check-deploy-$$(date +%s)-a-long-random-looking-value-xyz} \
	  OPEN_BADGES_SIGNING_KEYS=$${OPEN_BADGES_SIGNING_KEYS:-$$($(BIN)/python -c 'import base64, os; print("check-deploy:" + base64.urlsafe_b64encode(os.urandom(32)).rstrip(b"=").decode())')} \
	  ALLOWED_HOSTS=hub.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

# Seeds its own database at scale and measures pages in-process and under gunicorn.
bench: install-test
	$(BIN)/python -m bench $(BENCH_ARGS)

# Re-resolve the pins after changing pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	$(PYTHON) -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
	  open('.lock-venv/runtime.txt', 'w').write('\\n'.join(p['dependencies'])); \
	  open('.lock-venv/test.txt', 'w').write('\\n'.join(p['optional-dependencies']['test']))"
	.lock-venv/bin/pip install --quiet -r .lock-venv/runtime.txt
	.lock-venv/bin/pip freeze > requirements.lock
	.lock-venv/bin/pip install --quiet -r .lock-venv/test.txt
	.lock-venv/bin/pip freeze | grep -vxFf requirements.lock > requirements-test.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) var staticfiles node_modules
