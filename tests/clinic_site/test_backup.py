"""SQLite backups are taken while the site runs and bring back exactly what was saved."""

import os
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings

from clinic_site.sqlite_backup import integrity, table_counts
from tests.servers import copy_database, demo_database

# Its servers start once for the module: all of it runs in one test process.
pytestmark = pytest.mark.xdist_group("backup")


def manage(*args, db_path, check=True):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings.test",
        SQLITE_PATH=str(db_path),
        BACKUP_DIR=str(db_path.parent / "backups"),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def site_db(tmp_path_factory):
    """A site database on disk with the demo content, as a server would have
    (a copy of the one the run prepares once: migrated, demo content loaded)."""
    return copy_database(demo_database(), tmp_path_factory.mktemp("site") / "site.sqlite3")


def test_backup_change_restore_brings_back_every_row(site_db):
    backup = site_db.parent / "saved.sqlite3"
    before = table_counts(site_db)

    output = manage("backup", str(backup), db_path=site_db).stdout

    assert "checked ok" in output
    assert integrity(backup) == "ok"
    assert table_counts(backup) == before

    with sqlite3.connect(site_db) as conn:
        conn.execute("DELETE FROM education_faq")
        conn.execute("UPDATE education_article SET title = 'Changed by mistake'")
    assert table_counts(site_db)["education_faq"] == 0

    manage("restore", "--no-input", str(backup), db_path=site_db)

    assert table_counts(site_db) == before
    assert integrity(site_db) == "ok"
    with sqlite3.connect(site_db) as conn:
        titles = {row[0] for row in conn.execute("SELECT title FROM education_article")}
    assert "Changed by mistake" not in titles
    # The database as it was just before the restore is kept too.
    [safety_copy] = (site_db.parent / "backups").glob("before-restore-*.sqlite3")
    assert table_counts(safety_copy)["education_faq"] == 0


def test_backup_is_consistent_while_another_connection_is_writing(site_db):
    writer = sqlite3.connect(site_db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM education_benefit")
        # The writer has not committed: the backup holds the last committed state.
        backup = site_db.parent / "during-write.sqlite3"
        manage("backup", str(backup), db_path=site_db)
    finally:
        writer.execute("ROLLBACK")
        writer.close()

    assert table_counts(backup)["education_benefit"] == table_counts(site_db)["education_benefit"]
    assert table_counts(backup)["education_benefit"] > 0
    assert not backup.with_name(backup.name + "-wal").exists()


def test_restore_refuses_a_file_that_is_not_a_backup(site_db, tmp_path):
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("not a database")
    before = table_counts(site_db)

    result = manage("restore", "--no-input", str(junk), db_path=site_db, check=False)

    assert result.returncode != 0
    assert "Cannot read" in result.stderr or "integrity" in result.stderr
    assert table_counts(site_db) == before


def test_backup_of_postgresql_points_to_pg_dump(settings, monkeypatch):
    from django.core.management import CommandError, call_command

    monkeypatch.setitem(settings.DATABASES["default"], "ENGINE", "django.db.backends.postgresql")
    with pytest.raises(CommandError, match="pg_dump -Fc"):
        call_command("backup")
