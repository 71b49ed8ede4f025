from django.apps import AppConfig
from django.db.models.signals import pre_save


class EducationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "education"
    verbose_name = "Patient education"

    def ready(self):
        from .workflow import withdraw_clearance_on_change

        pre_save.connect(withdraw_clearance_on_change, dispatch_uid="education-clinical-clearance")
