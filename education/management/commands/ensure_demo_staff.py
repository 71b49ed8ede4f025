from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from education.models import Reviewer
from education.roles import CLINICAL_REVIEWER, CONTENT_EDITOR

DEMO_USERNAME = "clinic-admin"
DEMO_PASSWORD = "ims-demo-login"  # noqa: S105 - development only, printed on purpose
DEMO_EDITOR = "clinic-editor"
DEMO_REVIEWER = "clinic-reviewer"


class Command(BaseCommand):
    help = (
        "Development only: make sure the demo staff logins exist (a superuser, an editor "
        "and a clinical reviewer linked to the demo clinician) and print them."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
            raise CommandError("Demo accounts are only created with the development settings.")
        self.login(DEMO_USERNAME, "Demo", superuser=True)
        editor = self.login(DEMO_EDITOR, "Edith")
        editor.groups.add(Group.objects.get(name=CONTENT_EDITOR))
        reviewer = self.login(DEMO_REVIEWER, "Demo reviewer")
        reviewer.groups.add(Group.objects.get(name=CLINICAL_REVIEWER))
        # The demo content is signed off by the first demo clinician: this login is theirs.
        profile = Reviewer.objects.filter(user=reviewer).first() or (
            Reviewer.objects.filter(user__isnull=True).order_by("pk").first()
        )
        if profile is not None and profile.user_id is None:
            profile.user = reviewer
            profile.save(update_fields=["user"])
        url = "http://127.0.0.1:8000/admin/"
        clinician = f" (signs as {profile.name})" if profile else ""
        for username, role in [
            (DEMO_USERNAME, "clinic manager, all rights"),
            (DEMO_EDITOR, "content editor: writes and submits"),
            (DEMO_REVIEWER, f"clinical reviewer: approves{clinician}"),
        ]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo staff login for {url} -> username: {username}  "
                    f"password: {DEMO_PASSWORD}  ({role})"
                )
            )

    def login(self, username, first_name, *, superuser=False):
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.com", "first_name": first_name},
        )
        user.is_staff = True
        user.is_superuser = superuser
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
        user.save()
        return user
