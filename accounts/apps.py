from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Patients' optional sign-in to comment, through django-allauth."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Patient sign-in"

    def ready(self):
        from allauth.socialaccount.models import SocialApp

        from clinic_site import page_cache

        # Article pages offer sign-in only while a provider is set up: adding,
        # changing or removing one in the admin shows on every page at once.
        page_cache.watch(SocialApp)
