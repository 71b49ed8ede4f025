import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.prod")


def bounded_reads(app, seconds):
    """Under gunicorn, a client gets ``seconds`` to send each next part of its request.

    gunicorn's threaded workers wait for a request's first bytes without holding a
    thread, but then read the body in the thread with no time limit: a client that
    announces 1,000 bytes and sends 13 would hold that thread for ever. With a
    timeout on the socket the read fails instead, Django sees an unreadable body
    (answered by clinic_site.middleware.RequestBodyMiddleware) and the thread is
    free again. In production nginx buffers whole bodies first (see README).
    """

    def application(environ, start_response):
        sock = environ.get("gunicorn.socket")
        if sock is not None:
            sock.settimeout(seconds)
        return app(environ, start_response)

    return application


application = get_wsgi_application()

# What the apps want done before a worker's first request, named in settings
# (WARM_UP), so the first visitor after a start does not wait for it.
from django.conf import settings  # noqa: E402 - needs the settings module set above
from django.utils.module_loading import import_string  # noqa: E402

for warm_up in getattr(settings, "WARM_UP", ()):
    import_string(warm_up)()

read_timeout = float(os.environ.get("GUNICORN_READ_TIMEOUT", "10"))
if read_timeout > 0:
    application = bounded_reads(application, read_timeout)
