"""Cross-origin protection without a token, for forms on pages any cache may keep.

A public page shared by every visitor cannot carry a per-visitor CSRF token, so
the few anonymous forms on such pages (the comment form, the self-check) are
checked the way Go 1.25's ``http.CrossOriginProtection`` does it, from headers a
web page on another site cannot forge:

- ``Sec-Fetch-Site`` (every current browser sends it): only ``same-origin`` and
  ``none`` (typed or bookmarked by the person) are accepted;
- otherwise ``Origin``, when present, must be this site's own origin (or one of
  ``CSRF_TRUSTED_ORIGINS``);
- a request with neither header did not come from a browser page of another
  site (older browsers and non-browser clients), and is accepted.

Staff pages and the admin keep Django's CSRF protection unchanged.
"""

import functools
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger("django.security.csrf")

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def is_cross_origin(request):
    if request.method in SAFE_METHODS:
        return False
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site not in {"same-origin", "none"}
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    own = f"{request.scheme}://{request.get_host()}"
    return origin != own and origin not in settings.CSRF_TRUSTED_ORIGINS


def cross_origin_protected(view):
    """Exempt ``view`` from the CSRF token check and refuse cross-origin POSTs instead."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if is_cross_origin(request):
            logger.warning("Cross-origin %s to %s refused", request.method, request.path)
            raise PermissionDenied("Cross-origin request refused.")
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapper)
