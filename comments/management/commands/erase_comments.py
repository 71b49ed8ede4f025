from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from comments.services import comments_erase


class Command(BaseCommand):
    help = (
        "Delete every comment sent with an e-mail address, with the clinic's replies to "
        "them (when someone withdraws consent)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--by", default="", help="Username of the staff member, for the admin log."
        )
        parser.add_argument("--no-input", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, email, by="", no_input=False, **options):
        moderator = None
        if by:
            moderator = get_user_model().objects.filter(username=by).first()
            if moderator is None:
                raise CommandError(f"No user called {by!r}.")
        if not no_input:
            answer = input(f"Erase every comment sent with {email}? Type yes to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing erased.")
        count = comments_erase(email=email, moderator=moderator)
        self.stdout.write(f"Erased {count} comments sent with {email}.")
