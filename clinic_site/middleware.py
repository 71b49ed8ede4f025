"""Middleware for request ids, the Permissions-Policy header and a busy database."""

import logging
import re
import uuid

from django.conf import settings
from django.db import OperationalError
from django.shortcuts import render

from .log import request_id_var

logger = logging.getLogger(__name__)

# An id passed in by our own proxy is kept if it looks like one, so a request
# can be followed from the proxy's log to ours; anything else is replaced.
INCOMING_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIDMiddleware:
    """Gives each request an id, used in every log line and sent back as X-Request-ID."""

    header = "X-Request-ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(self.header, "")
        request_id = incoming if INCOMING_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response[self.header] = request_id
        return response


class PermissionsPolicyMiddleware:
    """Turns off browser features the site never uses (camera, location, payment...)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response


def is_database_busy(exception):
    """True for SQLite's "database is locked": another writer held the lock too long."""
    return isinstance(exception, OperationalError) and "locked" in str(exception).lower()


class DatabaseBusyMiddleware:
    """Answers 503 with the visitor's own words when the database is too busy to write.

    On SQLite only one writer works at a time; the others wait up to the busy
    timeout. If that runs out, the write was rolled back whole, so nothing is
    half-saved. Rather than a bare error page, the visitor gets a page that says
    so and holds what they typed, ready to send again.
    """

    # Fields that hold what the visitor wrote; they stay visible and editable.
    text_fields = ("text", "body", "comment", "message", "question")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not is_database_busy(exception):
            return None
        logger.warning("Database busy, answered 503: %s", exception)
        fields = [
            (name, value)
            for name, values in request.POST.lists()
            if name != "csrfmiddlewaretoken"
            for value in values
        ]
        response = render(
            request,
            "503.html",
            {
                "action": request.get_full_path(),
                "hidden_fields": [(n, v) for n, v in fields if n not in self.text_fields],
                "text_fields": [(n, v) for n, v in fields if n in self.text_fields],
            },
            status=503,
        )
        response["Retry-After"] = "10"
        return response
