"""The page cache middleware: anonymous GET and HEAD requests answered from stored pages.

- Only visitors without a session or messages cookie are answered from the cache
  or stored in it; anyone else gets a page rendered for them, marked ``private``.
- A page is stored only if it is the same for everyone: a 200 answer of a type
  in ``PAGE_CACHE_CONTENT_TYPES`` (HTML, robots.txt, the sitemap, feeds) that
  sets no cookie, chose no Cache-Control of its own, used no CSRF token, and
  varies on nothing but Cookie and Accept-Encoding.
- Stored pages say ``Cache-Control: public, max-age=0, s-maxage=N``: browsers ask
  again each time (a tiny 304 while nothing changed, thanks to the ETag) and
  shared caches (nginx, a CDN) may keep them for ``PAGE_CACHE_SHARED_SECONDS``.
"""

import hashlib
import re
import time

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers

from .generation import current_generation, page_cache
from .store import StoredPage, WorkerCopies

HARMLESS_VARY = {"cookie", "accept-encoding"}
ACCEPTS = {name: re.compile(rf"\b{name}\b") for name in ("br", "gzip")}


def accepted_encoding(request):
    accept = request.META.get("HTTP_ACCEPT_ENCODING", "")
    for name, pattern in ACCEPTS.items():
        if pattern.search(accept):
            return name
    return None


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.local = WorkerCopies(200)

    def __call__(self, request):
        if not self.may_use_cache(request):
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and "Cache-Control" not in response:
                # A page rendered for one person: shared caches never keep it.
                patch_cache_control(response, private=True, no_cache=True)
            return response

        generation = current_generation()
        key = self.key(request, generation)
        page = None
        if generation is not None:
            page = self.local.get(key)
            if page is None:
                page = page_cache().get(key)
                if page is not None:
                    self.local.put(key, page)
        if page is not None and time.time() < page.valid_until:
            return self.respond(request, page, "hit")

        response = self.get_response(request)
        if not self.may_store(request, response):
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            return response
        if generation is None:
            # The shared cache is down: the page is still the same for everyone.
            self.add_public_headers(response)
            response["X-Page-Cache"] = "off"
            return response
        page = StoredPage.from_response(response, time.time() + settings.PAGE_CACHE_SECONDS)
        page_cache().set(key, page, settings.PAGE_CACHE_SECONDS)
        self.local.put(key, page)
        return self.respond(request, page, "miss")

    @staticmethod
    def may_use_cache(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            # HEAD (link checkers, uptime monitors) gets the stored page's headers;
            # the server sends no body with them.
            and request.method in ("GET", "HEAD")
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
        content_type = response.get("Content-Type", "").partition(";")[0].strip().lower()
        if content_type not in settings.PAGE_CACHE_CONTENT_TYPES:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # the page holds this visitor's CSRF token
        vary = {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
        if vary - HARMLESS_VARY:
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        messages = getattr(request, "_messages", None)
        return not (messages is not None and len(messages))

    @classmethod
    def respond(cls, request, page, outcome):
        content, encoding = page.body(accepted_encoding(request))
        response = HttpResponse(content)
        for header, value in page.headers:
            response[header] = value
        if encoding:
            response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(content))
        response["ETag"] = f'W/"{page.etag}-{encoding or "identity"}"'
        cls.add_public_headers(response)
        response["X-Page-Cache"] = outcome
        return response

    @staticmethod
    def add_public_headers(response):
        patch_vary_headers(response, ["Accept-Encoding", "Cookie"])
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SHARED_SECONDS
        )
