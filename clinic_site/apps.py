from django.apps import AppConfig


class ClinicSiteConfig(AppConfig):
    """Site-wide plumbing: page cache invalidation, health check, database faults, backups."""

    name = "clinic_site"
    verbose_name = "Site operations"

    def ready(self):
        from django.core.signals import request_started
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from . import db_faults, page_cache

        # A connection opened while the database could not be written is not kept
        # for the next request (clinic_site/db_faults.py).
        connection_created.connect(
            db_faults.check_new_connection, dispatch_uid="clinic_site.db_faults.created"
        )
        request_started.connect(
            db_faults.close_read_only_connections, dispatch_uid="clinic_site.db_faults.started"
        )

        # Every deploy runs migrate: pages and fragments stored by the old code
        # (old templates) are dropped then, not served for minutes after.
        post_migrate.connect(
            page_cache.invalidate, sender=self, dispatch_uid="clinic_site.page_cache.migrate"
        )
