from django.core.management.base import BaseCommand

from comments.services import moderation_digest_send


class Command(BaseCommand):
    help = (
        "E-mail moderators one summary of the comments waiting for review. Sends only "
        'when the comment settings ask for "One daily summary e-mail" (or with --force). '
        "Run it once a day, for example from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Send even if staff chose another notice."
        )
        parser.add_argument(
            "--site-url",
            default="",
            help="The site's address for links, e.g. https://clinic.example",
        )

    def handle(self, *args, force=False, site_url="", **options):
        count = moderation_digest_send(base_url=site_url, force=force)
        if count:
            self.stdout.write(f"Sent a summary of {count} waiting comments.")
        else:
            self.stdout.write("Nothing sent: no comment is waiting, or summaries are off.")
