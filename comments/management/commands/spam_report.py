"""How well spam is kept out of the review list, measured on the shipped evaluation set."""

import datetime
import ipaddress
from collections import Counter, defaultdict

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from comments import moderation, services, spam_filter
from comments.models import Comment, CommentSettings, SpamFilterState

# The goals the clinic set: most spam out of the moderators' way, almost no patient
# sent to the spam folder.
SPAM_KEPT_OUT_GOAL = 0.90
GENUINE_TO_SPAM_GOAL = 0.01


class Rollback(Exception):
    """Leaves the database as it was: nothing the report posted is kept."""


def evaluate(*, article, site_settings=False, site_model=False):
    """Post every comment of the evaluation set through ``services.comment_submit``,
    the function the comment form calls (form token, timing, flood limits, the
    moderation policy), each from its own network address, then roll it all back.

    Returns the outcome of each comment: (row, outcome), where outcome is "spam",
    "review", "approved" or "refused:<code>".
    """
    rows = spam_filter.read_rows(spam_filter.EVAL_FILE)
    outcomes = []
    try:
        with transaction.atomic():
            if not site_settings:
                CommentSettings.objects.filter(pk=1).delete()
            if not site_model:
                SpamFilterState.objects.filter(pk=1).delete()
            shown_at = timezone.now() - datetime.timedelta(seconds=30)
            addresses = ipaddress.ip_network("2001:db8::/64").hosts()
            seen_emails = Counter()
            for row in rows:
                email = row["email"]
                seen_emails[email] += 1
                if seen_emails[email] > 1:  # every comment from its own sender
                    local, _, domain = email.partition("@")
                    email = f"{local}+{seen_emails[email]}@{domain}"
                try:
                    comment = services.comment_submit(
                        article=article,
                        name=row["name"],
                        email=email,
                        website=row["website"],
                        body=row["body"],
                        token=moderation.make_form_token(article.pk, now=shown_at),
                        ip=str(next(addresses)),
                        user_agent="Mozilla/5.0 (spam report)",
                    )
                except moderation.Refused as refused:
                    outcomes.append((row, f"refused:{refused.code}"))
                    continue
                outcome = {
                    Comment.Status.SPAM: "spam",
                    Comment.Status.PENDING: "review",
                    Comment.Status.APPROVED: "approved",
                }[comment.status]
                outcomes.append((row, outcome))
            raise Rollback
    except Rollback:
        pass
    return outcomes


def figures(outcomes):
    spam = [outcome for row, outcome in outcomes if row["label"] == "spam"]
    ham = [outcome for row, outcome in outcomes if row["label"] == "ham"]
    review = [row for row, outcome in outcomes if outcome == "review"]
    return {
        "spam": len(spam),
        "ham": len(ham),
        "spam_kept_out": sum(outcome != "review" for outcome in spam),
        "ham_to_spam": sum(outcome == "spam" for outcome in ham),
        "ham_refused": sum(outcome.startswith("refused") for outcome in ham),
        "review_list": len(review),
        "spam_in_review_list": sum(row["label"] == "spam" for row in review),
    }


def percent(part, whole):
    return 100 * part / whole if whole else 0.0


class Command(BaseCommand):
    help = (
        "Post the shipped, labelled evaluation comments (comments/spam_data/eval.jsonl) "
        "through the moderation policy and print how much spam stays out of the review "
        "list and how many genuine comments go to spam. Nothing is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-settings",
            action="store_true",
            help="Use this site's Comment settings instead of the defaults.",
        )
        parser.add_argument(
            "--site-model",
            action="store_true",
            help="Use what the spam filter learned here instead of the shipped seed model.",
        )
        parser.add_argument("--check", action="store_true", help="Fail when a goal is not met.")
        parser.add_argument(
            "--show-mistakes", action="store_true", help="List every comment sorted wrongly."
        )

    def handle(self, *args, site_settings, site_model, check, show_mistakes, **options):
        Article = Comment._meta.get_field("article").related_model
        article = Article.objects.order_by("pk").first()
        if article is None:
            raise CommandError("Add an article first, e.g. manage.py load_demo_content")
        outcomes = evaluate(article=article, site_settings=site_settings, site_model=site_model)
        result = figures(outcomes)
        kept_out = percent(result["spam_kept_out"], result["spam"])
        to_spam = percent(result["ham_to_spam"], result["ham"])
        in_review = percent(result["spam_in_review_list"], result["review_list"])
        write = self.stdout.write
        write(
            f"Evaluation set: {result['spam']} spam and {result['ham']} genuine comments, "
            f"none of them used to train the filter "
            f"({'site' if site_settings else 'default'} settings, "
            f"{'site' if site_model else 'seed'} model)."
        )
        write(
            f"Spam kept out of the review list: {kept_out:.1f} % "
            f"({result['spam_kept_out']} of {result['spam']}; goal >= "
            f"{SPAM_KEPT_OUT_GOAL:.0%})"
        )
        write(
            f"Genuine comments sent to spam: {to_spam:.1f} % "
            f"({result['ham_to_spam']} of {result['ham']}; goal <= "
            f"{GENUINE_TO_SPAM_GOAL:.0%})"
        )
        write(
            f"Genuine comments refused by the flood limits: {result['ham_refused']}. "
            f"The review list is {in_review:.1f} % spam "
            f"({result['spam_in_review_list']} of {result['review_list']})."
        )
        by_kind = defaultdict(Counter)
        for row, outcome in outcomes:
            by_kind[f"{row['label']} / {row['kind']}"][outcome.split(":")[0]] += 1
        write("By kind (label / kind: outcomes):")
        for kind in sorted(by_kind):
            counts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(by_kind[kind].items()))
            write(f"  {kind}: {counts}")
        if show_mistakes:
            write("Sorted wrongly:")
            for row, outcome in outcomes:
                wrong = (row["label"] == "spam" and outcome == "review") or (
                    row["label"] == "ham" and outcome != "review"
                )
                if wrong:
                    write(f"  [{row['label']} -> {outcome}] {row['name']}: {row['body'][:100]}")
        met = kept_out >= SPAM_KEPT_OUT_GOAL * 100 and to_spam <= GENUINE_TO_SPAM_GOAL * 100
        write("Both goals met." if met else "A goal is not met.")
        if check and not met:
            raise CommandError("The spam figures miss their goals.")
