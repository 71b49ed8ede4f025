"""A database that refuses writes: telling it from a bug, and reconnecting after it.

"Refuses writes" covers a read-only or immutable SQLite file, a full disk, a
PostgreSQL server that is down, read-only (``default_transaction_read_only``) or
a standby in recovery. "Busy" is SQLite's "database is locked": another writer
held the lock past the busy timeout. Neither is a bug in the site, so neither is
a 500; a bug (an IntegrityError, a ProgrammingError...) still is.

Why the site used to go on failing for a minute after the fault ended: each
worker keeps its connection for ``CONN_MAX_AGE`` seconds. SQLite opens a file it
may not write read-only, silently, and such a connection stays read-only after
the file is writable again; a PostgreSQL session started while the database
was read-only stays read-only too. Django's connection health check only asks
the connection to answer a ``SELECT 1``, which both do. So:

* a connection that refused a write is closed at once (``reconnect``), and
* a connection that is read-only from the moment it is opened is closed before
  the next request (``check_new_connection``), so the first request after the
  fault ends gets a fresh, writable one.
"""

import logging
import os

from django.db import InternalError, OperationalError, connections

logger = logging.getLogger(__name__)

BUSY = "busy"
REFUSED = "refused"

# PostgreSQL's read_only_sql_transaction: "cannot execute INSERT in a read-only
# transaction" (default_transaction_read_only, or a standby in recovery).
READ_ONLY_SQLSTATES = {"25006"}

# SQLite reports these as OperationalError too, but they are bugs, not faults.
SQLITE_BUGS = ("no such table", "no such column", "near ", "table ", "duplicate column")

# Set on a connection that was read-only when it was opened.
REOPEN_FLAG = "clinic_reopen_before_next_request"


def sqlstate(exception):
    cause = exception.__cause__
    return getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)


def classify(exception):
    """BUSY, REFUSED, or None when the exception is not the database refusing a write."""
    if isinstance(exception, OperationalError):
        message = str(exception).lower()
        if message.startswith(SQLITE_BUGS):
            return None  # SQLite's word for a missing migration or bad SQL: a real 500
        return BUSY if "locked" in message else REFUSED
    if isinstance(exception, InternalError) and sqlstate(exception) in READ_ONLY_SQLSTATES:
        return REFUSED
    return None


def reconnect():
    """Closes this thread's connections, so the next query opens a fresh one."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except Exception:  # noqa: BLE001 - a broken connection is being thrown away anyway
            logger.debug("Closing a broken database connection failed", exc_info=True)


def opened_read_only(connection):
    if connection.vendor == "sqlite":
        # SQLite falls back to read-only when it may not write the file (an
        # immutable file, a read-only mount); os.access asks the same question.
        name = str(connection.settings_dict["NAME"])
        return not name.startswith(("file:", ":memory:")) and not os.access(name, os.W_OK)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW transaction_read_only")
            return cursor.fetchone()[0] == "on"
    return False


def check_new_connection(sender, connection, **kwargs):
    """connection_created: flag a connection that cannot write from its first moment."""
    try:
        read_only = opened_read_only(connection)
    except Exception:  # noqa: BLE001 - the request itself will meet and report the fault
        read_only = True
    setattr(connection, REOPEN_FLAG, read_only)


def close_read_only_connections(**kwargs):
    """request_started: a connection opened read-only is not used for another request."""
    for connection in connections.all(initialized_only=True):
        if getattr(connection, REOPEN_FLAG, False) and not connection.in_atomic_block:
            connection.close()
