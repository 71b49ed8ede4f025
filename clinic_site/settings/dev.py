"""Local development: debug pages, console e-mail, a demo staff login."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-development-only-key-never-used-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Lets `make run` create the demo staff login; production never sets this.
DEMO_ACCOUNTS_ALLOWED = True

# runserver serves uploaded images itself; production leaves that to the web server.
SERVE_MEDIA = True
