from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from comments import moderation
from comments.demo import DEMO_COMMENTS
from comments.models import Comment, CommentSettings
from education.models import Article


class Command(BaseCommand):
    help = (
        "Development only: add example comments to the demo articles: approved ones "
        "with clinic replies, one held for review and one spam. Safe to run again."
    )

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
            raise CommandError("Demo comments are only added with the development settings.")
        policy = CommentSettings.load()
        added = 0
        for item in DEMO_COMMENTS:
            article = Article.objects.filter(slug=item["article"]).first()
            if article is None or Comment.objects.filter(body=item["body"]).exists():
                continue
            fields = {"name": item["name"], "email": item["email"], "body": item["body"]}
            fields["website"] = item.get("website", "")
            if item["status"] == "decide":
                # What the moderation policy would decide for it today.
                decision = moderation.decide(**fields, settings=policy)
            else:
                decision = moderation.Decision(
                    Comment.Status.APPROVED, Comment.Decision.HELD, [moderation.FIRST_TIME]
                )
            comment = Comment.objects.create(
                article=article,
                status=decision.status,
                decision=decision.decision,
                reasons=decision.reasons,
                **fields,
            )
            if item.get("reply"):
                Comment.objects.create(
                    article=article,
                    parent=comment,
                    name="Alex, physiotherapist",
                    body=item["reply"],
                    status=Comment.Status.APPROVED,
                    decision=Comment.Decision.STAFF,
                    is_staff_reply=True,
                )
            added += 1
        self.stdout.write(f"Demo comments ready ({added} new).")
