import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from clinic_site import page_cache
from comments.models import Comment
from education.models import FAQ, Article, FAQCategory

SCALE_SLUG_PREFIX = "scale-article-"
# The demo article that gets 200 comments: the benchmark's busiest page.
BUSY_ARTICLE_SLUG = "what-is-ims"

COMMENTS = [
    "I had IMS for my lower back last spring. The first session felt like a deep cramp for "
    "a second each time, and I was sore the next day. After four visits I could sit through "
    "a movie again. Drink water and keep walking afterwards, it helped me.",
    "Thank you for explaining the difference from acupuncture. My physiotherapist said the "
    "same thing but I understood it better after reading this page.",
    "Does anyone know if it is normal to feel tired on the evening after a session? I slept "
    "very well that night, which I did not expect.",
    "My shoulder was stuck for months. IMS was not comfortable, but the twitch feeling was "
    "short, and my range of movement got better over a few weeks together with my exercises.",
]


class Command(BaseCommand):
    help = (
        "Benchmark only: add 200 articles, 500 questions and 20,000 approved comments "
        f"(200 of them on '{BUSY_ARTICLE_SLUG}') on top of the demo content. Run it once "
        "on a throwaway database; running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=200)
        parser.add_argument("--faqs", type=int, default=500)
        parser.add_argument("--comments", type=int, default=20_000)
        parser.add_argument("--busy-comments", type=int, default=200)

    @transaction.atomic
    def handle(self, *args, articles, faqs, comments, busy_comments, **options):
        busy = Article.objects.filter(slug=BUSY_ARTICLE_SLUG).first()
        if busy is None:
            raise CommandError("Load the demo content first: manage.py load_demo_content")
        if Article.objects.filter(slug__startswith=SCALE_SLUG_PREFIX).exists():
            self.stdout.write("The scale set is already loaded.")
            return

        now = timezone.now()
        new_articles = Article.objects.bulk_create(
            Article(
                title=f"{busy.title} (reading {n})",
                slug=f"{SCALE_SLUG_PREFIX}{n}",
                summary=busy.summary,
                body=busy.body,
                status=Article.Status.PUBLISHED,
                published_at=now - datetime.timedelta(days=100 + n),
                author_name=busy.author_name,
                reviewer=busy.reviewer,
                last_reviewed=busy.last_reviewed,
                next_review_due=busy.next_review_due,
                order=1000 + n,
            )
            for n in range(1, articles + 1)
        )

        categories = FAQCategory.objects.bulk_create(
            FAQCategory(
                name=f"More questions, part {n}", slug=f"scale-questions-{n}", order=100 + n
            )
            for n in range(1, 6)
        )
        template = FAQ.objects.first()
        answer = template.answer if template else "<p>Ask your physiotherapist.</p>"
        FAQ.objects.bulk_create(
            (
                FAQ(
                    category=categories[n % len(categories)],
                    question=f"Question {n}: how does IMS help with this kind of pain?",
                    answer=answer,
                    order=n,
                )
                for n in range(1, faqs + 1)
            ),
            batch_size=500,
        )

        targets = [busy] * busy_comments
        rest = comments - busy_comments
        targets += [new_articles[n % len(new_articles)] for n in range(rest)]
        Comment.objects.bulk_create(
            (
                Comment(
                    article=article,
                    name=f"Patient {n}",
                    email=f"patient{n}@example.com",
                    body=COMMENTS[n % len(COMMENTS)],
                    status=Comment.Status.APPROVED,
                    decision=Comment.Decision.HELD,
                    created_at=now - datetime.timedelta(minutes=n),
                    moderated_at=now - datetime.timedelta(minutes=n),
                )
                for n, article in enumerate(targets)
            ),
            batch_size=1000,
        )
        page_cache.invalidate()
        self.stdout.write(
            self.style.SUCCESS(
                f"Scale set loaded: {articles} articles, {faqs} questions, {comments} approved "
                f"comments ({busy_comments} on /articles/{BUSY_ARTICLE_SLUG}/)."
            )
        )
