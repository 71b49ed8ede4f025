# Every target is a thin wrapper a person could type by hand.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format browser bench clean

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c requirements.lock -e ".[dev]"
	touch $@

install: $(VENV)/.installed

run: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content
	$(MANAGE) ensure_demo_staff
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(MANAGE) runserver $(HOST):$(PORT)

# Browser tests need Chromium; install Debian's package if it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: install browser
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
