"""The embedded SQLite database is set up for a site with concurrent visitors."""

import sqlite3

import pytest
from django.conf import settings


@pytest.fixture
def sqlite_site_db(tmp_path, django_db_blocker):
    from django.db.backends.sqlite3.base import DatabaseWrapper

    path = tmp_path / "site.sqlite3"
    wrapper = DatabaseWrapper(
        {
            **settings.DATABASES["default"],
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path),
            "OPTIONS": dict(settings.SQLITE_OPTIONS),
        },
        alias="sqlite_check",
    )
    with django_db_blocker.unblock():
        yield wrapper, path
        wrapper.close()


def test_sqlite_runs_in_wal_mode_with_a_five_second_busy_timeout(sqlite_site_db):
    wrapper, _ = sqlite_site_db
    with wrapper.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 5000


def test_a_sqlite_transaction_takes_the_write_lock_at_once(sqlite_site_db):
    wrapper, path = sqlite_site_db
    with wrapper.cursor() as cursor:
        cursor.execute("CREATE TABLE note (text TEXT)")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        # The statement Django's atomic() runs to open a transaction on SQLite.
        wrapper._start_transaction_under_autocommit()
        # Nothing written yet, but a second writer is already kept out.
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        wrapper.connection.rollback()
    finally:
        other.close()
