import collections
import gc
import io
import os
import threading

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


class FairGate:
    """Lets ``slots`` requests run at a time, in the order they arrived.

    Python runs one thread at a time, switching every few milliseconds. Eight
    threads rendering pages at once therefore all finish late, some very late:
    the slowest 1% took over 200 ms on the benchmark's uncached article. Taking
    turns in arrival order gives the same throughput with each page finished as
    soon as its own work is done.
    """

    def __init__(self, slots):
        self._lock = threading.Lock()
        self._waiting = collections.deque()
        self._free = slots

    def __enter__(self):
        with self._lock:
            if self._free:
                self._free -= 1
                return self
            turn = threading.Event()
            self._waiting.append(turn)
        turn.wait()  # the slot is handed over by __exit__
        return self

    def __exit__(self, *exc):
        with self._lock:
            if self._waiting:
                self._waiting.popleft().set()
            else:
                self._free += 1


class _UnreadableBody(io.RawIOBase):
    """A request body that failed to arrive: reading it raises what the socket raised."""

    def __init__(self, error):
        self.error = error

    def read(self, *args):
        raise self.error

    readline = read


def take_turns(app, slots, max_body):
    """Under gunicorn's threads, requests take turns for the processor (FairGate).

    A request's body is read first, outside the turn (each read bounded by
    ``bounded_reads``), so a client that sends slowly never holds a turn. A body
    larger than ``max_body``, or sent without a length, is read inside the app as
    before and its request does not wait for a turn.
    """
    gate = FairGate(slots)

    def application(environ, start_response):
        if "gunicorn.socket" not in environ:
            return app(environ, start_response)
        length = environ.get("CONTENT_LENGTH") or "0"
        length = int(length) if length.isdigit() else -1
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if chunked or length < 0 or length > max_body:
            return app(environ, start_response)
        if length:
            try:
                body = environ["wsgi.input"].read(length)
            except OSError as error:
                environ["wsgi.input"] = _UnreadableBody(error)
            else:
                environ["wsgi.input"] = io.BytesIO(body)
        with gate:
            return app(environ, start_response)

    return application


application = get_wsgi_application()

# What the apps want done before a worker's first request, named in settings
# (WARM_UP), so the first visitor after a start does not wait for it.
from django.conf import settings  # noqa: E402 - needs the settings module set above
from django.utils.module_loading import import_string  # noqa: E402

for warm_up in getattr(settings, "WARM_UP", ()):
    import_string(warm_up)()

# Everything loaded so far (Django, the apps, the spam filter's model) lives as
# long as the worker. Python's full garbage collection walks every such object:
# about 180,000 of them once pages have been served, a pause of about 100 ms
# every few thousand requests, which every request queued behind it waits out
# (the uncached article's slowest 1% in the benchmark). Frozen, they are left out
# of every collection: the longest pause measured fell to about 11 ms.
gc.freeze()

cpu_slots = int(os.environ.get("GUNICORN_CPU_SLOTS", "1"))
if cpu_slots > 0:
    application = take_turns(application, cpu_slots, max_body=settings.DATA_UPLOAD_MAX_MEMORY_SIZE)

read_timeout = float(os.environ.get("GUNICORN_READ_TIMEOUT", "10"))
if read_timeout > 0:
    application = bounded_reads(application, read_timeout)
