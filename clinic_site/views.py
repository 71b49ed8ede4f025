import logging
import os
import shutil
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.views.decorators.cache import never_cache

from . import db_faults, form_rescue
from .models import Heartbeat

logger = logging.getLogger(__name__)

OK, DEGRADED, DOWN = "ok", "degraded", "down"

_cache_probe = None
_cache_probe_lock = threading.Lock()


def check_database():
    """Rewrites the one heartbeat row: the database answers and takes a write."""
    now = timezone.now()
    try:
        with transaction.atomic():
            if not Heartbeat.objects.filter(pk=1).update(checked_at=now):
                Heartbeat.objects.create(pk=1, checked_at=now)
    except DatabaseError as error:
        kind = db_faults.classify(error)
        if kind == db_faults.BUSY:
            return DEGRADED, "busy: another writer held the lock past the busy timeout"
        db_faults.reconnect()
        logger.warning("Health check: the database refused a write: %s", error)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            return DOWN, f"does not answer: {type(error).__name__}"
        return DOWN, f"answers but refuses writes: {error}"
    return OK, "reads and writes"


def writable_paths():
    """The folders the site writes into on this server."""
    paths = []
    if connection.vendor == "sqlite":
        paths.append(Path(str(settings.DATABASES["default"]["NAME"])).parent)
    if getattr(settings, "MEDIA_ROOT", ""):
        paths.append(Path(settings.MEDIA_ROOT))
    return paths or [Path(settings.BASE_DIR)]


def check_disk():
    worst = None
    for path in writable_paths():
        while not path.exists() and path != path.parent:
            path = path.parent
        free = shutil.disk_usage(path).free
        if worst is None or free < worst[1]:
            worst = (path, free)
    path, free = worst
    detail = f"{filesizeformat(free)} free at {path}".replace("\xa0", " ")
    if free < settings.HEALTHZ_MIN_FREE_BYTES:
        return DOWN, "almost full: " + detail
    return OK, detail


def _probe_cache(key, value):
    cache = caches["default"]
    cache.set(key, value, timeout=60)
    return cache.get(key) == value


def check_cache():
    """Redis, where REDIS_URL is set: a set and a get through Django's cache API.

    The site runs without its cache (slower), so a cache that does not answer
    within HEALTHZ_CACHE_TIMEOUT is "degraded", never "down".
    """
    global _cache_probe
    if not settings.REDIS_URL:
        return None
    with _cache_probe_lock:
        if _cache_probe is None:
            _cache_probe = ThreadPoolExecutor(max_workers=2, thread_name_prefix="healthz-cache")
    # One key per process, rewritten each time: Redis does not grow either.
    future = _cache_probe.submit(_probe_cache, f"healthz:{os.getpid()}", uuid.uuid4().hex)
    try:
        answered = future.result(timeout=settings.HEALTHZ_CACHE_TIMEOUT)
    except FutureTimeout:
        return DEGRADED, "Redis did not answer in time; pages are made without the cache"
    except Exception as error:  # noqa: BLE001 - any cache failure is reported, not raised
        return DEGRADED, f"Redis failed ({type(error).__name__}); pages are made without the cache"
    if not answered:
        return DEGRADED, "Redis did not keep a value; pages are made without the cache"
    return OK, "Redis answers"


@never_cache
def healthz(request):
    """The truth for a load balancer and for monitoring. Sets no cookie, opens no session.

    200 "ok": everything works. 200 "degraded": the site serves every page and
    takes every comment, only slower or after a wait (Redis is unreachable, or
    the database was busy); a load balancer keeps the server. 503 "down": the
    database does not answer or refuses writes, or the disk is almost full;
    patients would get error pages, so a load balancer takes the server out.
    The lines after the first say which check found what.
    """
    checks = {"database": check_database(), "disk": check_disk(), "cache": check_cache()}
    checks = {name: result for name, result in checks.items() if result is not None}
    states = {state for state, _ in checks.values()}
    overall = DOWN if DOWN in states else DEGRADED if DEGRADED in states else OK
    if overall == DOWN:
        # A warning, not django.request's ERROR for every probe: a load balancer
        # asking every few seconds would send the admins an e-mail each time.
        logger.warning("Health check: down: %s", checks)
        request.fault_logged = True
    lines = [overall] + [f"{name}: {state} ({detail})" for name, (state, detail) in checks.items()]
    return HttpResponse(
        "\n".join(lines) + "\n",
        status=503 if overall == DOWN else 200,
        content_type="text/plain; charset=utf-8",
    )


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a patient's form shows their words again with a fresh token.

    django.security.csrf has already logged the failure as a warning.
    """
    if form_rescue.registered(request) is not None:
        return form_rescue.problem_page(request, "expired")
    return render(request, "403_csrf.html", status=403)
