import json

from django.core.management.base import BaseCommand

from comments.services import comments_export


class Command(BaseCommand):
    help = "Print, as JSON, every comment sent with an e-mail address (for an access request)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        data = comments_export(email=email)
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
