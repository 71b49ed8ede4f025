"""The generation: one value that every stored page's key includes.

Any content change moves it on, so every stored page is out of date at once,
without hunting down keys. It lives where every worker can read it: in the
shared cache (Redis) when there is one, otherwise in a small file beside the
SQLite database (the workers of one machine). Each worker reads it at most once
per ``PAGE_CACHE_CHECK_SECONDS``, so a change made through one worker reaches the
others within about a second; the worker that made it sees it at once.

When the shared cache cannot be read (Redis is down) the generation is None and
pages are rendered without the cache. A change that could not be written is
written again as soon as the cache answers, before any stored page is used.
"""

import logging
import math
import os
import secrets
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"

_expiry_sources = []
_lock = threading.Lock()


class _State:
    value = None  # the generation this worker last read (None: unknown)
    read_at = -math.inf  # time.monotonic() of that reading
    # time.time() at which pages go stale by themselves; None: not yet asked.
    stale_at = math.inf
    unwritten = None  # a new generation the shared cache refused
    down = False  # the shared cache did not answer the last reading
    values = {}  # remember(): (generation, name) -> value


_state = _State()


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def register_expiry(source):
    """``source()`` gives the time (a timestamp, or None) at which the content
    changes without any save: a scheduled article going live. Asked once per
    generation per worker; when that moment comes, the generation moves on."""
    if source not in _expiry_sources:
        _expiry_sources.append(source)


def current_generation():
    """The generation to use for this request, or None when it cannot be known."""
    now = time.monotonic()
    if now - _state.read_at >= settings.PAGE_CACHE_CHECK_SECONDS:
        _read_shared(now)
    if _state.value is not None and time.time() >= _stale_at():
        bump()
    return _state.value


def _stale_at():
    # Asked when a page is next wanted, not at every change: a bulk change (the
    # demo content is about 1,500 saves) would otherwise ask the database each time.
    if _state.stale_at is None:
        _state.stale_at = _next_expiry()
    return _state.stale_at


def remember(name, make):
    """``make()``, made at most once per worker and generation (the clinic profile,
    a live article). The value is shared by every request of the worker: read it,
    never change it. ``make()`` may raise (nothing is kept)."""
    generation = current_generation()
    if generation is None:
        return make()
    key = (generation, name)
    try:
        return _state.values[key]
    except KeyError:
        value = _state.values[key] = make()
        return value


def invalidate(**kwargs):
    """Make every stored page stale: now, and again when the transaction commits.

    The second time covers a page rendered from the old rows while the change was
    still being written, which would otherwise be stored under the new generation.
    Accepts and ignores signal arguments, so it can be a receiver itself.
    """
    bump()
    transaction.on_commit(bump)


def bump():
    new = f"{os.getpid()}-{secrets.token_hex(8)}"
    with _lock:
        if not _write_shared(new):
            _state.unwritten = new
            new = None
        _use(new, time.monotonic())


def _use(value, now):
    if value != _state.value:
        _state.values = {}
        _state.stale_at = None if value is not None else math.inf
    _state.value = value
    _state.read_at = now


def _next_expiry():
    moments = []
    for source in _expiry_sources:
        try:
            moment = source()
        except Exception:  # the database may be down: pages then go stale soon
            logger.warning("Page cache: could not ask %s when pages expire", source, exc_info=True)
            moment = time.time() + settings.PAGE_CACHE_CHECK_SECONDS
        if moment is not None:
            moments.append(moment)
    return min(moments, default=math.inf)


def _read_shared(now):
    with _lock:
        if _state.unwritten is not None:
            if not _write_shared(_state.unwritten):
                _use(None, now)  # still down: nothing stored may be used
                return
            _state.unwritten = None
        value = _read_value()
        if (value is None) != _state.down:
            _state.down = value is None
            if _state.down:
                logger.warning("Page cache: the shared cache does not answer; no page is cached.")
            else:
                logger.warning("Page cache: the shared cache answers again.")
        _use(value, now)


def _read_value():
    path = settings.PAGE_CACHE_GENERATION_FILE
    if path:
        try:
            return Path(path).read_text() or None
        except FileNotFoundError:
            # No change since the file was first needed: start one.
            return _write_file(Path(path), secrets.token_hex(8)) and Path(path).read_text()
    cache = page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A random start, so a lost generation is never reused and pages stored
        # under it can never come back. If the cache is down this reads None again.
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _write_shared(value):
    """Store the new generation; False if the shared cache did not take it."""
    path = settings.PAGE_CACHE_GENERATION_FILE
    if path:
        return _write_file(Path(path), value)
    cache = page_cache()
    cache.set(GENERATION_KEY, value, timeout=None)
    # With IGNORE_EXCEPTIONS a failed write raises nothing: read it back.
    return cache.get(GENERATION_KEY) == value


def _write_file(path, value):
    # A new file renamed over the old one, so a reader never sees half a value.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w") as file:
            file.write(value)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        logger.exception("Page cache: could not write the generation file %s", path)
        return False
    return True


def forget():
    """This worker forgets what it knows (tests that empty the caches)."""
    with _lock:
        _state.value = None
        _state.read_at = -math.inf
        _state.stale_at = math.inf
        _state.unwritten = None
        _state.down = False
        _state.values = {}
