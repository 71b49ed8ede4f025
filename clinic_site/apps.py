from django.apps import AppConfig


class ClinicSiteConfig(AppConfig):
    """Site-wide plumbing: the page cache, health check, backups, benchmark."""

    name = "clinic_site"
    verbose_name = "Site operations"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import page_cache

        # Every deploy runs migrate: pages and fragments stored by the old code
        # (old templates) are dropped then, not served for minutes after.
        post_migrate.connect(
            page_cache.invalidate, sender=self, dispatch_uid="clinic_site.page_cache.migrate"
        )
