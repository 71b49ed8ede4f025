"""Middleware for request ids, the Permissions-Policy header, database faults and bad bodies."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import RawPostDataException, UnreadablePostError
from django.template.defaultfilters import filesizeformat

from . import db_faults, form_rescue
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


class DatabaseFaultMiddleware:
    """Answers a database that refuses a write with a 503 page, not a 500.

    A refused write was rolled back whole, so nothing is half-saved. The visitor
    gets a page that says so and, on a form patients write into, holds the words
    they typed, ready to send again (clinic_site/form_rescue.py); any other
    page (the admin, the sign-in page) shows nothing of what was sent.

    "Busy" (SQLite's lock outlasted the busy timeout) is load, logged as a
    warning. "Refused" (read-only, disk full, server down) needs a person: it is
    logged at ERROR, at most once every ``FAULT_LOG_INTERVAL`` seconds per
    process so an outage is one e-mail and not thousands, and never with the
    request, so no log line or e-mail carries what a patient wrote.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.last_error_logged = None

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        kind = db_faults.classify(exception)
        if kind is None:
            return None
        # django.request would log the 503 again, with the request: it is told not to.
        request.fault_logged = True
        where = f"{request.method} {request.path}"
        if kind == db_faults.BUSY:
            logger.warning("Database busy, answered 503 to %s: %s", where, exception)
            return form_rescue.problem_page(request, "busy")
        db_faults.reconnect()
        now = time.monotonic()
        interval = settings.FAULT_LOG_INTERVAL
        level = logging.WARNING
        if self.last_error_logged is None or now - self.last_error_logged >= interval:
            self.last_error_logged = now
            level = logging.ERROR
        logger.log(
            level,
            "Database refused a write, answered 503 to %s: %s: %s",
            where,
            type(exception).__name__,
            exception,
        )
        return form_rescue.problem_page(
            request, "unavailable" if request.method == "POST" else "down"
        )


class RequestBodyMiddleware:
    """Reads a POST's fields early, so a body the site cannot take gets a plain answer.

    Django turns a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE``, or with more than
    ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` fields, into a bare 400 logged at ERROR,
    and a body that stops arriving (a stalled or broken upload) into the CSRF
    page. These are the visitor's problems, not the server's: each gets a page
    saying what happened and what to do, with the patient's words when they can
    be recovered, and a warning in the log. Sits just before CsrfViewMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        try:
            request.POST  # noqa: B018 - parsing the body is the point
        except RequestDataTooBig:
            limit = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE).replace("\xa0", " ")
            return self.refuse(request, "too_large", limit=limit)
        except (TooManyFieldsSent, TooManyFilesSent):
            try:
                body = request.body
            except (RawPostDataException, RequestDataTooBig):
                body = b""
            return self.refuse(request, "too_many_fields", body=body)
        except UnreadablePostError:
            return self.refuse(request, "incomplete")
        return None

    def refuse(self, request, problem, **details):
        logger.warning(
            "Could not read the form sent to %s %s: %s", request.method, request.path, problem
        )
        return form_rescue.problem_page(request, problem, **details)
