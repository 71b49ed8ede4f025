"""Which database errors are the database refusing writes, and which are bugs."""

import pytest
from django.db import IntegrityError, InternalError, OperationalError, ProgrammingError

from clinic_site import db_faults


class ReadOnlyTransaction(Exception):
    sqlstate = "25006"


def wrapped(error_class, message, cause=None):
    error = error_class(message)
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (wrapped(OperationalError, "database is locked"), db_faults.BUSY),
        (wrapped(OperationalError, "attempt to write a readonly database"), db_faults.REFUSED),
        (wrapped(OperationalError, "database or disk is full"), db_faults.REFUSED),
        (wrapped(OperationalError, "disk I/O error"), db_faults.REFUSED),
        (wrapped(OperationalError, "connection refused"), db_faults.REFUSED),
        (
            wrapped(
                InternalError,
                "cannot execute INSERT in a read-only transaction",
                ReadOnlyTransaction(),
            ),
            db_faults.REFUSED,
        ),
        (wrapped(OperationalError, "no such table: comments_comment"), None),
        (wrapped(InternalError, "something else"), None),
        (wrapped(IntegrityError, "UNIQUE constraint failed"), None),
        (wrapped(ProgrammingError, "syntax error"), None),
    ],
)
def test_faults_are_told_from_bugs(error, kind):
    assert db_faults.classify(error) == kind
