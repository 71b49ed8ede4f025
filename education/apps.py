from django.apps import AppConfig
from django.db.models.signals import pre_save


class EducationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "education"
    verbose_name = "Patient education"

    def ready(self):
        from clinic_site import page_cache

        from . import services

        # Every row of this app may be on a public page: any change makes the
        # stored pages stale, and so does a scheduled article going live.
        page_cache.watch(*self.get_models())
        page_cache.register_expiry(services.next_scheduled_publication)

        from .workflow import withdraw_clearance_on_change

        pre_save.connect(withdraw_clearance_on_change, dispatch_uid="education-clinical-clearance")
