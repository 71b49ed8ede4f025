from django.core.management.base import BaseCommand

from comments.services import comment_data_purge


class Command(BaseCommand):
    help = (
        "Delete network details (scrambled address, browser) older than the comment "
        "settings allow, rejected comments and spam past their keeping time, and "
        "e-mail requests nobody confirmed. "
        "Run it daily, for example from cron."
    )

    def handle(self, *args, **options):
        result = comment_data_purge()
        self.stdout.write(
            f"Cleared network details from {result['network_details_cleared']} comments; "
            f"deleted {result['comments_deleted']} rejected or spam comments and "
            f"{result['unconfirmed_subscriptions']} unconfirmed e-mail requests."
        )
