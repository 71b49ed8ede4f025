from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "clinic-admin"
DEMO_PASSWORD = "ims-demo-login"  # noqa: S105 - development only, printed on purpose


class Command(BaseCommand):
    help = "Development only: make sure the demo staff login exists and print it."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
            raise CommandError("Demo accounts are only created with the development settings.")
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"email": "clinic-admin@example.com", "first_name": "Demo"},
        )
        user.is_staff = True
        user.is_superuser = True
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo staff login for http://127.0.0.1:8000/admin/ -> "
                f"username: {DEMO_USERNAME}  password: {DEMO_PASSWORD}"
            )
        )
