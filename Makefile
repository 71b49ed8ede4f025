# Every target is a thin wrapper a person could type by hand.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
UPSTREAM_PORT ?= $(shell expr $(PORT) + 1)
PROXY_DIR ?= .serve-proxy

.PHONY: install messages run serve serve-proxy test lint format browser wrk nginx css bench lighthouse spam-report backup clean

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c requirements.lock -e ".[dev]"
	touch $@

install: $(VENV)/.installed

# The interface translations (locale/*/LC_MESSAGES/django.po, and each app's own)
# compiled to the .mo files Django reads. They need GNU gettext's msgfmt: Debian's
# gettext package is installed if it is missing. The compiled files are not kept
# in git, so they can never be out of step with the .po files.
messages: install
	@command -v msgfmt >/dev/null 2>&1 || { \
		echo "Installing GNU gettext to compile the translations..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; }
	$(MANAGE) compilemessages --ignore "$(VENV)" --ignore node_modules --verbosity 0

run: messages
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content
	$(MANAGE) createinitialrevisions --verbosity 0
	$(MANAGE) load_demo_comments
	$(MANAGE) ensure_demo_staff
	$(MANAGE) collectstatic --no-input --verbosity 0
	@echo "make run: the task worker (e-mail) runs beside the site and stops with it."
	$(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

# The production settings and gunicorn, on this machine, with SQLite. For this
# local try-out only, it makes up a throwaway DJANGO_SECRET_KEY (unless one is set),
# allows only $(HOST) and localhost, and turns off the HTTPS redirect, because
# there is no TLS here. A real server sets all three itself (see README).
serve: messages
	@echo "make serve: production settings on http://$(HOST):$(PORT)/ with SQLite."
	@echo "make serve: local try-out only: throwaway DJANGO_SECRET_KEY, ALLOWED_HOSTS=$(HOST),localhost, SECURE_SSL_REDIRECT=0, SERVE_MEDIA=1."
	export DJANGO_SETTINGS_MODULE=clinic_site.settings.prod \
		DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		ALLOWED_HOSTS="$(HOST),localhost" SECURE_SSL_REDIRECT=0 SERVE_MEDIA=1 && \
	$(MANAGE) migrate --no-input && \
	$(MANAGE) load_demo_content && \
	$(MANAGE) collectstatic --no-input --verbosity 0 && \
	{ $(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn -c clinic_site/gunicorn.conf.py --bind $(HOST):$(PORT) clinic_site.wsgi; }

# The production set-up in front: nginx on $(PORT) (static files, one-second
# microcache, buffered uploads; deploy/nginx/) and gunicorn behind it on
# $(UPSTREAM_PORT). Same local try-out settings as `make serve`; Ctrl-C stops both.
serve-proxy: messages nginx
	@echo "make serve-proxy: nginx on http://$(HOST):$(PORT)/ in front of gunicorn on 127.0.0.1:$(UPSTREAM_PORT)."
	export DJANGO_SETTINGS_MODULE=clinic_site.settings.prod \
		DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		ALLOWED_HOSTS="$(HOST),localhost" SECURE_SSL_REDIRECT=0 TRUSTED_PROXY_COUNT=1 && \
	$(MANAGE) migrate --no-input && \
	$(MANAGE) load_demo_content && \
	$(MANAGE) collectstatic --no-input --verbosity 0 && \
	$(MANAGE) nginx_config --prefix "$(CURDIR)/$(PROXY_DIR)" --listen $(HOST):$(PORT) \
		--upstream 127.0.0.1:$(UPSTREAM_PORT) --output "$(CURDIR)/$(PROXY_DIR)/nginx.conf" && \
	{ $(VENV)/bin/gunicorn -c clinic_site/gunicorn.conf.py --bind 127.0.0.1:$(UPSTREAM_PORT) clinic_site.wsgi & \
	  gunicorn_pid=$$!; trap 'kill $$gunicorn_pid' EXIT INT TERM; \
	  /usr/sbin/nginx -p "$(CURDIR)/$(PROXY_DIR)" -c "$(CURDIR)/$(PROXY_DIR)/nginx.conf" \
		-e "$(CURDIR)/$(PROXY_DIR)/error.log" -g 'daemon off;'; }

# A consistent copy of the SQLite database, safe while the site is running.
backup: install
	$(MANAGE) backup

# Browser tests need Chromium, and fonts for Chinese (Noto CJK) and Gurmukhi (Noto
# core) so those pages show letters, not boxes; Debian's packages if missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@{ fc-list :lang=zh-cn family | grep -q . && fc-list :lang=zh-tw family | grep -q . && \
	   fc-list :lang=pa family | grep -q . ; } 2>/dev/null || { \
		echo "Installing Chinese and Gurmukhi fonts for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			fontconfig fonts-noto-cjk fonts-noto-core >/dev/null; }

# The benchmark's load generator; install Debian's package if it is missing.
wrk:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing wrk for the benchmark..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

# Only the Bootstrap rules the pages use (the full file is ~80% unused CSS on every
# page). PurgeCSS (npm) keeps each selector whose names appear in the templates,
# the crispy-forms templates, the scripts and the Python that writes classes.
# Run it after changing templates; its output is committed, so building or running
# the site needs no Node. tests/test_stylesheet.py fails when it is out of date.
PURGECSS ?= npx --yes purgecss@8.0.0
css: install
	@out=$$(mktemp -d) && crispy=$$($(PY) -c 'import crispy_bootstrap5, os; print(os.path.dirname(crispy_bootstrap5.__file__))')/templates && \
	$(PURGECSS) --css static/vendor/bootstrap/bootstrap.min.css \
		--content "templates/**/*.html" "static/js/*.js" "education/**/*.py" "comments/**/*.py" "$$crispy/**/*.html" \
		--safelist alert-success alert-info alert-warning alert-danger alert-secondary \
		--output "$$out" && \
	mv "$$out/bootstrap.min.css" static/vendor/bootstrap/bootstrap.used.min.css && rmdir "$$out" && \
	wc -c static/vendor/bootstrap/bootstrap.min.css static/vendor/bootstrap/bootstrap.used.min.css

# The reverse proxy of the production set-up and its test; Debian's nginx-light if missing.
nginx:
	@test -x /usr/sbin/nginx || command -v nginx >/dev/null 2>&1 || { \
		echo "Installing nginx for the proxy tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }

# Production settings under gunicorn (2 workers) with the demo content and a scale
# set; prints requests per second, p50/p99 and each page's ratio to a static file.
# With DATABASE_URL set (a throwaway PostgreSQL database) it measures that too.
bench: messages wrk nginx
	$(MANAGE) bench

# Lighthouse's mobile scores for the home, article, FAQ and aftercare pages (npm's
# lighthouse in Debian's Chromium), on the production set-up. Run on a quiet machine.
lighthouse: messages browser
	$(MANAGE) lighthouse

# The spam filter's figures on the shipped evaluation set (comments/spam_data/):
# spam kept out of the review list and genuine comments sent to spam. Nothing is kept.
spam-report: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content
	$(MANAGE) spam_report --check

test: messages browser nginx
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache $(PROXY_DIR)
