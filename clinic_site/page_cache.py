"""Whole-page cache for anonymous visitors, cleared the moment content changes.

- Only GET requests from visitors without a session cookie are answered from the
  cache or stored in it. Staff, and anyone else with a session, always get a page
  rendered just for them.
- Every key includes a *generation*. Saving or deleting anything in the apps named
  in ``PAGE_CACHE_APPS`` (articles, FAQs, the clinic profile, comments...) or the
  ``comments_changed`` signal moves the generation on, so every stored page is
  out of date at once without hunting down keys one by one.
- A form's CSRF token belongs to one visitor. The stored copy holds a placeholder,
  and each visitor's own token is put in when the page is served, so the comment
  form on a cached article still works.
- A page is kept at most ``PAGE_CACHE_SECONDS``, and never past the moment the
  next scheduled article goes live, so it appears on time.
- Pages carry a weak ETag and ``Cache-Control: no-cache``: browsers ask again each
  time and get a tiny 304 answer while nothing has changed.

With Redis (``REDIS_URL``) the generation lives in Redis beside the pages, shared
by every worker and server, and each change is announced to every worker
(clinic_site/generation_watch.py), so a cached page costs no trip to Redis.
Without it each worker keeps pages in its own memory, so the generation is kept
in a small file that every worker on the machine reads
(``PAGE_CACHE_GENERATION_FILE``).
"""

import contextvars
import functools
import hashlib
import html
import math
import os
import re
import secrets
import tempfile
import threading
import time
import weakref
from collections import OrderedDict
from pathlib import Path

import brotli
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.html import escape
from django.utils.module_loading import import_string
from django.utils.text import compress_string

from . import csrf_tokens, gzip_pieces
from .generation_watch import GenerationWatcher

GENERATION_KEY = "page-cache:generation"
# Placeholders start with "<", which escaping always rewrites and the HTML
# sanitiser removes, so no text a patient or editor writes can ever hold one.
TOKEN_PLACEHOLDER = b"<page-cache:csrf-token>"
TOKEN_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
TOKEN_VALUE = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')
FRESH_PLACEHOLDER = "<page-cache:fresh:{}>"
# A page whose response varies on anything else is not cached.
HARMLESS_VARY = {"cookie", "accept-encoding"}
# Cached pages are also kept compressed (quality 5 Brotli: nearly the size of
# the best setting at a fraction of the time), for browsers that accept it.
COMPRESSORS = {"br": lambda content: brotli.compress(content, quality=5), "gzip": compress_string}
ACCEPTS = {name: re.compile(rf"\b{name}\b") for name in COMPRESSORS}
COMPRESS_MIN_BYTES = 1024
# Headers that are set again for every response rather than stored.
NOT_STORED = {
    "set-cookie",
    "vary",
    "cache-control",
    "etag",
    "x-page-cache",
    "content-encoding",
    "content-length",
}


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


# --- The generation ------------------------------------------------------------


# The generation a request has seen, so the page and each of its fragments ask
# the shared cache once per request rather than once each. Set by the middleware.
_request_generation = contextvars.ContextVar("page_cache_generation", default=None)


def current_generation():
    """The value every page key includes; it changes whenever content changes."""
    seen = _request_generation.get()
    if seen:
        return seen[0]
    generation = _shared_generation()
    if seen is not None:
        seen.append(generation)
    return generation


def _shared_generation():
    path = settings.PAGE_CACHE_GENERATION_FILE
    if path:
        return _read_generation_file(path)
    cache = page_cache()
    watcher = generation_watcher(cache)
    if watcher is not None and (known := watcher.value) is not None:
        return known
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A random start, so a generation number lost from the cache is never
        # reused and pages stored under the old number can never come back.
        cache.add(GENERATION_KEY, secrets.randbits(48), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return str(generation)


_watchers = {}


def generation_watcher(cache):
    """The worker's listener for generation changes in a Redis cache (None otherwise)."""
    if not isinstance(cache, RedisCache):
        return None
    where = (tuple(cache._servers), cache.key_prefix)
    watcher = _watchers.get(where)
    if watcher is None:
        watcher = _watchers.setdefault(where, GenerationWatcher(cache, GENERATION_KEY))
    return watcher


def for_this_generation(name, make):
    """``make()``, made at most once per worker and content generation (the clinic
    profile, a live article).

    Only for values built from the apps in ``PAGE_CACHE_APPS``: any change to
    them moves the generation on, and the next request makes the value again.
    The value is shared by every request the worker serves, so it is read, never
    changed. ``make()`` may raise (nothing is kept) but must not return None.
    """
    key = f"{current_generation()}:{name}"
    value = _VALUES.get(key)
    if value is None:
        value = make()
        _VALUES.put(key, value)
    return value


_generation_files = {}


def _read_generation_file(path):
    # One stat() per request; the file is read again only when it was replaced.
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return "0"
    stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    known = _generation_files.get(path)
    if known is None or known[0] != stamp:
        known = (stamp, Path(path).read_text())
        _generation_files[path] = known
    return known[1]


def bump_generation():
    seen = _request_generation.get()
    if seen:
        seen.clear()  # this request reads the new generation from now on
    path = settings.PAGE_CACHE_GENERATION_FILE
    if path:
        _write_generation_file(Path(path), f"{os.getpid()}-{secrets.token_hex(8)}")
        return
    cache = page_cache()
    watcher = generation_watcher(cache)
    if watcher is not None:
        watcher.announce(secrets.randbits(48))
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, secrets.randbits(48), timeout=None)


def _write_generation_file(path, value):
    # Write a new file and rename it over the old one, so a reader never sees
    # half a value.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w") as file:
            file.write(value)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def next_scheduled_publication(generation):
    """When the next scheduled article goes live, as a timestamp (or None).

    A stored page is used only until then, so a scheduled article appears on
    the minute. Any article save moves the generation on, so one look per
    generation is enough.
    """
    from education.models import Article

    cache = page_cache()
    key = f"page:{generation}:next-publication"
    cached = cache.get(key)
    # Once that moment has passed, look again: the article is live (without any
    # save, so the generation is the same) and the next one may be due later.
    if cached is None or 0 < cached <= time.time():
        first = Article.objects.scheduled().aggregate(first=Min("published_at"))["first"]
        cached = first.timestamp() if first else 0
        cache.set(key, cached, settings.PAGE_CACHE_SECONDS)
    return cached or None


def keep_until(generation):
    """Until when a page or fragment stored now may be used."""
    return min(
        time.time() + settings.PAGE_CACHE_SECONDS,
        next_scheduled_publication(generation) or math.inf,
    )


def invalidate_pages(**kwargs):
    """Make every cached page stale: now, and again when the transaction commits.

    The first bump covers code that never commits (tests) and readers that start
    now; the second covers a page rendered from the old rows while the change was
    still being written, which would otherwise be stored under the new generation.
    """
    bump_generation()
    transaction.on_commit(bump_generation)


def invalidate_after_migrate(**kwargs):
    bump_generation()


def _model_changed(sender, **kwargs):
    if sender._meta.app_label in settings.PAGE_CACHE_APPS:
        invalidate_pages()


def _row_saved(sender, instance, created, **kwargs):
    # A new row no page shows (a comment waiting for review or refused as spam)
    # leaves every page as it was; patients posting comments during a rush must
    # not empty the cache for everyone. A changed row may have been shown before.
    if created and not _shown_on_pages(instance):
        return
    _model_changed(sender)


def _row_deleted(sender, instance, **kwargs):
    if _shown_on_pages(instance):
        _model_changed(sender)


def _shown_on_pages(instance):
    """Models say so with ``shown_on_pages()``; rows of any other model count as shown."""
    shown = getattr(instance, "shown_on_pages", None)
    return shown() if shown is not None else True


def _relation_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        _model_changed(sender)


def connect_invalidation_signals():
    dispatch = "clinic_site.page_cache"
    post_save.connect(_row_saved, dispatch_uid=f"{dispatch}.save")
    post_delete.connect(_row_deleted, dispatch_uid=f"{dispatch}.delete")
    m2m_changed.connect(_relation_changed, dispatch_uid=f"{dispatch}.m2m")
    # Bulk changes to comments (QuerySet.update) bypass save(); the comments app
    # announces them with its own signal.
    from comments.signals import comments_changed

    comments_changed.connect(invalidate_pages, dispatch_uid=f"{dispatch}.comments")


_maker = functools.lru_cache(maxsize=None)(import_string)


# --- Values that belong to one visit ------------------------------------------


def take_out_visit_values(content):
    """Replace the CSRF token and per-visit hidden fields with placeholders.

    Returns the content, the stored values of the per-visit fields (their maker
    needs them), and how many placeholders there are.
    """
    content, tokens = TOKEN_INPUT.subn(rb"\g<1>" + TOKEN_PLACEHOLDER + rb"\g<2>", content)
    # Hidden fields that must be new for each visit (the comment form's signed
    # "shown at" token) are kept as placeholders too, with the stored value that
    # tells their maker what to make.
    fresh = {}
    for name in settings.PAGE_CACHE_FRESH_FIELDS:
        pattern = re.compile(rb'(name="' + name.encode() + rb'" value=")([^"]*)(")')
        match = pattern.search(content)
        if match:
            fresh[name] = html.unescape(match.group(2).decode())
            placeholder = FRESH_PLACEHOLDER.format(name).encode()
            content = pattern.sub(rb"\g<1>" + placeholder + rb"\g<3>", content)
            tokens += 1
    return content, fresh, tokens


def visit_values(request, fresh):
    """Each placeholder with this visitor's own value, made once per request."""
    values = getattr(request, "_page_cache_values", None)
    if values is None:
        values = request._page_cache_values = {}
    for name, stored in fresh.items():
        placeholder = FRESH_PLACEHOLDER.format(name).encode()
        if placeholder not in values:
            value = escape(_maker(settings.PAGE_CACHE_FRESH_FIELDS[name])(stored))
            values[placeholder] = value.encode()
    return values


def put_in_visit_values(request, content, fresh):
    """This visitor's own CSRF token and freshly made per-visit fields."""
    if TOKEN_PLACEHOLDER in content:
        content = content.replace(TOKEN_PLACEHOLDER, visit_csrf_token(request))
    for placeholder, value in visit_values(request, fresh).items():
        content = content.replace(placeholder, value)
    return content


def placeholder_pattern():
    names = [FRESH_PLACEHOLDER.format(name) for name in settings.PAGE_CACHE_FRESH_FIELDS]
    return re.compile(
        b"(" + b"|".join(re.escape(p.encode()) for p in [TOKEN_PLACEHOLDER.decode(), *names]) + b")"
    )


def compressed_with_gaps(content):
    """The page gzipped once around its placeholders (see gzip_pieces)."""
    parts = placeholder_pattern().split(content)
    return gzip_pieces.compress_around(parts[0::2]), parts[1::2]


def fill_gaps(request, entry):
    values = visit_values(request, entry["fresh"])
    filled = [
        visit_csrf_token(request) if slot == TOKEN_PLACEHOLDER else values[slot]
        for slot in entry["slots"]
    ]
    return gzip_pieces.fill_in(entry["pieces"], filled)


def visit_csrf_token(request):
    """The visitor's CSRF token, masked once per request however many parts need it."""
    token = getattr(request, "_page_cache_csrf_token", None)
    if token is None:
        token = request._page_cache_csrf_token = csrf_tokens.get_token(request).encode()
    return token


# --- Copies kept in the worker's own memory ----------------------------------


class WorkerCopies:
    """Pages, fragments or values a worker used last, kept in its own memory.

    A hit then costs no trip to the shared cache and no unpickling. Keys include
    the generation, so a content change makes these copies unreachable at once,
    like the shared ones; the least recently used are dropped first.
    """

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()
        _all_worker_copies.add(self)

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def fetch(self, key):
        """The entry from this worker's memory, or else from the shared cache."""
        entry = self.get(key)
        if entry is None:
            entry = page_cache().get(key)
            if entry is not None:
                self.put(key, entry)
        return entry

    def clear(self):
        with self.lock:
            self.entries.clear()


_all_worker_copies = weakref.WeakSet()
_VALUES = WorkerCopies(1000)


def forget_worker_copies():
    """Drop everything this process keeps for itself (for tests that reset the cache)."""
    for copies in list(_all_worker_copies):
        copies.clear()


# --- The middleware ------------------------------------------------------------


def accepted_encoding(request):
    accept = request.META.get("HTTP_ACCEPT_ENCODING", "")
    for name, pattern in ACCEPTS.items():
        if pattern.search(accept):
            return name
    return "identity"


def accepts(request, encoding):
    return bool(ACCEPTS[encoding].search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # The pages this worker served last, so a hit costs one look at the
        # generation instead of fetching and unpickling the page every time.
        self.local = WorkerCopies(200)

    def __call__(self, request):
        token = _request_generation.set([])
        try:
            return self.respond(request)
        finally:
            _request_generation.reset(token)

    def respond(self, request):
        if not self.may_use_cache(request):
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and "Cache-Control" not in response:
                # A page rendered for one person: browsers check it each time, and
                # shared caches never keep it.
                patch_cache_control(response, private=True, no_cache=True)
            return response

        generation = current_generation()
        key = self.key(request, generation)
        encoding = accepted_encoding(request)
        cache = page_cache()
        entry = self.local.fetch(f"{key}:{encoding}")
        if entry is not None and entry["encoding"] and not accepts(request, entry["encoding"]):
            # A page with a form is only ever gzipped: this browser wants plain.
            entry = self.local.fetch(f"{key}:identity")
        if entry is not None and time.time() < entry["valid_until"]:
            return self.from_entry(request, entry, "hit")

        response = self.get_response(request)
        if not self.may_store(request, response):
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            return response

        entries = self.to_entries(response, keep_until(generation))
        cache.set_many(
            {f"{key}:{name}": stored for name, stored in entries.items()},
            settings.PAGE_CACHE_SECONDS,
        )
        entry = entries[encoding]
        self.local.put(f"{key}:{encoding}", entry)
        if entry["encoding"] and not accepts(request, entry["encoding"]):
            entry = entries["identity"]
        if entry["encoding"]:
            return self.from_entry(request, entry, "miss")
        # This visitor's own render already holds their form token.
        response["ETag"] = entry["etag"]
        self.add_cache_headers(response, entry)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def may_use_cache(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and CookieStorage.cookie_name not in request.COOKIES
            and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDE_PREFIXES)
        )

    @staticmethod
    def key(request, generation):
        url = request.build_absolute_uri().encode()
        return f"page:{generation}:{hashlib.md5(url, usedforsecurity=False).hexdigest()}"

    @staticmethod
    def may_store(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if "Cache-Control" in response:  # the view chose for itself (never_cache...)
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        vary = {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
        if vary - HARMLESS_VARY:
            return False
        if not AnonymousPageCacheMiddleware.token_only_in_forms(request, response.content):
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        messages = getattr(request, "_messages", None)
        return not (messages is not None and len(messages))

    @staticmethod
    def token_only_in_forms(request, content):
        """Whether the visitor's CSRF token, if the page used it, is only in form fields.

        Only those are swapped for each visitor's own token; a token anywhere else
        in a stored page (a meta tag, say) would be served to everyone.
        """
        if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return True
        tokens = set(TOKEN_VALUE.findall(content))
        rest = TOKEN_VALUE.sub(b"", content)
        return bool(tokens) and not any(token in rest for token in tokens)

    @staticmethod
    def to_entries(response, valid_until):
        """The page as stored: plain, and compressed once for every later visitor."""
        content, fresh, tokens = take_out_visit_values(response.content)
        digest = hashlib.md5(content, usedforsecurity=False).hexdigest()
        shared = {
            "headers": [(k, v) for k, v in response.items() if k.lower() not in NOT_STORED],
            "has_token": bool(tokens),
            "fresh": fresh,
            "valid_until": valid_until,
        }
        plain = {**shared, "content": content, "etag": f'W/"{digest}"', "encoding": None}
        entries = {"identity": plain}
        if len(content) < COMPRESS_MIN_BYTES:
            return {**entries, **dict.fromkeys(COMPRESSORS, plain)}
        if tokens:
            # A form token is a secret: it must never sit in a compressed stream
            # beside other text. The page is gzipped around it instead, and each
            # visitor's token goes in uncompressed (gzip_pieces); browsers that
            # prefer Brotli get this gzip, which they all accept too.
            pieces, slots = compressed_with_gaps(content)
            gzipped = {
                **shared,
                "content": None,
                "pieces": pieces,
                "slots": slots,
                "etag": f'W/"{digest}-gzip"',
                "encoding": "gzip",
            }
            return {**entries, **dict.fromkeys(COMPRESSORS, gzipped)}
        for name, compress in COMPRESSORS.items():
            entries[name] = {
                **shared,
                "content": compress(content),
                "etag": f'W/"{digest}-{name}"',
                "encoding": name,
            }
        return entries

    def from_entry(self, request, entry, outcome):
        content = entry["content"]
        if entry.get("pieces"):
            content = fill_gaps(request, entry)
        elif entry["has_token"]:
            content = put_in_visit_values(request, content, entry["fresh"])
        response = HttpResponse(content)
        for header, value in entry["headers"]:
            response[header] = value
        if entry["encoding"]:
            response["Content-Encoding"] = entry["encoding"]
        response["Content-Length"] = str(len(content))
        response["ETag"] = entry["etag"]
        self.add_cache_headers(response, entry)
        response["X-Page-Cache"] = outcome
        return response

    @staticmethod
    def add_cache_headers(response, entry):
        patch_vary_headers(response, ["Accept-Encoding"])
        if entry["has_token"]:
            # With a form token inside, the page is one visitor's own copy.
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, no_cache=True)
