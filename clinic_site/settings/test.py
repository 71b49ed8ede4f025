"""The test suite: fast hashing, e-mail kept in memory, plain static storage."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES

# SQLite tests use a database file, not Django's shared in-memory database, so that
# several connections lock and wait for each other as they do on a real server
# (tests/comments/test_concurrency.py). Each test run gets its own file.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"clinic-test-{os.getpid()}.sqlite3")
    }

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
DEMO_ACCOUNTS_ALLOWED = False
# The test client's login() authenticates without a request, which the login
# protection needs; its own tests switch it back on.
AXES_ENABLED = False
# One test process: the page cache generation can live in the local cache, and
# is read again on every request, so a test sees each change at once.
PAGE_CACHE_GENERATION_FILE = None
PAGE_CACHE_CHECK_SECONDS = 0
# Uploads go to a throwaway folder per run, served by Django for the browser tests.
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", tempfile.mkdtemp(prefix="clinic-media-")))
SERVE_MEDIA = True

# Tasks run at once, in the test's own process, so a test sees their e-mail in
# django.core.mail.outbox. The tests of the real queue and its worker process
# (tests/clinic_site/test_tasks.py) keep the database queue, and start the worker
# with TEST_WORKER=1 and a file e-mail backend it can leave its messages in.
if os.environ.get("TEST_WORKER") != "1":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    EMAIL_BACKEND = os.environ["TEST_WORKER_EMAIL_BACKEND"]
    EMAIL_FILE_PATH = os.environ.get("TEST_WORKER_EMAIL_DIR", "")

# The suite runs in parallel processes (pytest-xdist, see pyproject.toml). On a
# shared Redis each keeps to its own keys under the run's prefix, so one process
# emptying its cache before a test never empties another's.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if XDIST_WORKER:
    from .base import CACHES

    for cache in CACHES.values():
        cache["KEY_PREFIX"] = f"{cache.get('KEY_PREFIX', '')}:{XDIST_WORKER}"
