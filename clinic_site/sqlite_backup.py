"""Online backups of the SQLite database with SQLite's own backup API.

A plain file copy of a database that is being written can catch it half-way
through a transaction. The backup API copies the pages inside one read
transaction, so the copy is exactly the database at one moment, and in WAL mode
the site keeps reading and writing while it runs.
"""

import sqlite3
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections

PG_DUMP_HINT = (
    "This database is not SQLite. For PostgreSQL use pg_dump -Fc and pg_restore "
    "(see 'Backups' in README.md)."
)


def sqlite_path(alias="default"):
    """The file of the SQLite database ``alias``, or a clear error for any other engine."""
    config = settings.DATABASES[alias]
    if config["ENGINE"] != "django.db.backends.sqlite3":
        raise CommandError(PG_DUMP_HINT)
    return Path(connections[alias].settings_dict["NAME"])


def integrity(path):
    """SQLite's own check of every page and index: "ok" when the file is sound."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))


def table_counts(path):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            # Table names come from sqlite_master, not from anyone's input.
            table: conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }


def copy_database(source, destination, *, busy_timeout=30):
    """Copy ``source`` into ``destination`` page by page in one consistent step."""
    src = sqlite3.connect(source, timeout=busy_timeout)
    dst = sqlite3.connect(destination, timeout=busy_timeout)
    try:
        src.backup(dst)
        return dst
    finally:
        src.close()


def write_backup(source, destination):
    """Write a self-contained backup file (no -wal side file) and check it."""
    destination = Path(destination)
    if destination.exists():
        raise CommandError(f"{destination} already exists; choose another name.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    dst = copy_database(source, partial)
    try:
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
    result = integrity(partial)
    if result != "ok":
        partial.unlink()
        raise CommandError(f"The backup failed SQLite's integrity check: {result}")
    partial.replace(destination)
    return destination
