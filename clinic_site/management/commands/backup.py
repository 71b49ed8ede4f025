from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from clinic_site.sqlite_backup import sqlite_path, table_counts, write_backup


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the SQLite database while the site keeps running. "
        "For PostgreSQL, use pg_dump -Fc (see README)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            nargs="?",
            help="File to write. Default: BACKUP_DIR/clinic-<date>-<time>.sqlite3",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, destination=None, database="default", **options):
        source = sqlite_path(database)
        if destination is None:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            destination = settings.BACKUP_DIR / f"clinic-{stamp}.sqlite3"
        written = write_backup(source, destination)
        rows = sum(table_counts(written).values())
        size_kb = written.stat().st_size // 1024
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {written} ({size_kb} KB, {rows} rows, checked ok)."
            )
        )
