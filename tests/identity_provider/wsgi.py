"""The identity provider's server (one gunicorn worker, one thread, so its one
in-memory database connection holds everything)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.identity_provider.settings"
application = get_wsgi_application()

from .prepare import prepare  # noqa: E402

prepare()
