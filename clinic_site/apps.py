from django.apps import AppConfig


class ClinicSiteConfig(AppConfig):
    """Site-wide plumbing: page cache invalidation, health check, backups, benchmark."""

    name = "clinic_site"
    verbose_name = "Site operations"

    def ready(self):
        from . import page_cache

        page_cache.connect_invalidation_signals()
