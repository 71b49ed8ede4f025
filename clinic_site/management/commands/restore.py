from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone

from clinic_site import page_cache
from clinic_site.sqlite_backup import (
    copy_database,
    integrity,
    sqlite_path,
    table_counts,
    write_backup,
)


class Command(BaseCommand):
    help = (
        "Replace the SQLite database with a backup made by the backup command. "
        "The current database is saved first, next to the other backups."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup file to bring back.")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, backup, database="default", interactive=True, **options):
        target = sqlite_path(database)
        source = Path(backup).resolve()
        try:
            result = integrity(source)
        except Exception as error:
            raise CommandError(f"Cannot read {backup} as a SQLite database: {error}") from error
        if result != "ok":
            raise CommandError(f"{backup} failed SQLite's integrity check: {result}")
        if "django_migrations" not in table_counts(source):
            raise CommandError(f"{backup} does not look like a backup of this site.")

        if interactive:
            answer = input(
                f"This replaces everything in {target} with {backup}.\n"
                "The current database is saved first. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")

        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        safety = write_backup(target, settings.BACKUP_DIR / f"before-restore-{stamp}.sqlite3")
        self.stdout.write(f"Current database saved to {safety}.")

        connections[database].close()
        restored = copy_database(source, target)
        try:
            restored.execute("PRAGMA journal_mode=WAL")
        finally:
            restored.close()
        result = integrity(target)
        if result != "ok":
            raise CommandError(f"The restored database failed the integrity check: {result}")
        # Cached pages show the old content; start them afresh.
        page_cache.invalidate()
        rows = sum(table_counts(target).values())
        self.stdout.write(self.style.SUCCESS(f"Restored {backup} ({rows} rows, checked ok)."))
