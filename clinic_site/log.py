"""Structured logging: one JSON object per line on standard output, with the request id."""

import contextvars
import datetime
import json
import logging

request_id_var = contextvars.ContextVar("request_id", default="-")


class RequestIDFilter(logging.Filter):
    """Adds the id of the request being handled (or "-") to every record."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class SkipHandledFaults(logging.Filter):
    """Drops django.request's record of a response the site already logged itself.

    DatabaseFaultMiddleware logs a refused write once, without the request, and
    marks the request; django.request would log the same 503 again at ERROR with
    the request attached, and the e-mail to the admins would carry the form.
    """

    def filter(self, record):
        return not getattr(getattr(record, "request", None), "fault_logged", False)


class JSONFormatter(logging.Formatter):
    """Formats a record as one line of JSON that log collectors can parse."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        # Extra structured fields: logger.info(..., extra={"fields": {...}}).
        entry.update(getattr(record, "fields", {}))
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            entry["status_code"] = status_code
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = request.path
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)
