import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from education import demo_content, demo_images
from education.models import (
    FAQ,
    AftercareTip,
    Article,
    Benefit,
    ClinicProfile,
    Condition,
    CoverageTopic,
    FAQCategory,
    GlossaryTerm,
    Precaution,
    RedFlag,
    Resource,
    Reviewer,
    SideEffect,
    SitePage,
    Source,
)


class Command(BaseCommand):
    help = (
        "Load the demo clinic's content. Safe to run again: an item that already "
        "exists (matched by slug, name or title) is left exactly as staff last saved it."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        self.created = 0
        self.load_clinic()
        self.sources = {
            data["key"]: self.ensure(
                Source, {"url": data["url"]}, {k: v for k, v in data.items() if k != "key"}
            )
            for data in demo_content.SOURCES
        }
        reviewers = {
            data["name"]: self.ensure(Reviewer, {"name": data["name"]}, data)
            for data in demo_content.REVIEWERS
        }
        resources = {
            data["title"]: self.ensure(Resource, {"url": data["url"]}, data)
            for data in demo_content.RESOURCES
        }
        articles = self.load_articles(reviewers, resources)
        self.load_faqs(articles)
        for model, key, rows in [
            (Benefit, "title", demo_content.BENEFITS),
            (Condition, "name", demo_content.CONDITIONS),
            (Precaution, "name", demo_content.PRECAUTIONS),
            (RedFlag, "question", demo_content.RED_FLAGS),
            (SideEffect, "name", demo_content.SIDE_EFFECTS),
            (CoverageTopic, "title", demo_content.COVERAGE_TOPICS),
            (AftercareTip, "title", demo_content.AFTERCARE_TIPS),
            (GlossaryTerm, "slug", demo_content.GLOSSARY_TERMS),
            (SitePage, "key", demo_content.SITE_PAGES),
        ]:
            for data in rows:
                defaults = {k: v for k, v in data.items() if k != "sources"}
                if model is SitePage:
                    defaults.setdefault("last_reviewed", timezone.localdate())
                obj, created = model.objects.get_or_create(**{key: data[key]}, defaults=defaults)
                self.created += created
                if created and data.get("sources"):
                    self.add_sources(obj, data["sources"])
        # Pictures: the demo library image, diagrams on articles, the body map.
        self.created += demo_images.load()
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready ({self.created} new items, the rest kept).")
        )

    def ensure(self, model, lookup, defaults):
        """Create the row if it is missing; never change one that exists."""
        obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
        self.created += created
        return obj

    def add_sources(self, obj, keys):
        """Cite the demo sources named by ``keys``; only on items made in this run."""
        obj.sources.add(*[self.sources[key] for key in keys])

    def load_clinic(self):
        if not ClinicProfile.objects.exists():
            ClinicProfile.objects.create(**demo_content.CLINIC)
            self.created += 1

    def load_articles(self, reviewers, resources):
        today = timezone.localdate()
        articles, new_articles = {}, []
        for data in demo_content.ARTICLES:
            fields = {
                key: value
                for key, value in data.items()
                if key not in {"related", "resources", "sources", "reviewer", "reviewed_days_ago"}
            }
            last_reviewed = today - datetime.timedelta(days=data.get("reviewed_days_ago", 30))
            fields.update(
                status=Article.Status.PUBLISHED,
                published_at=timezone.now() - datetime.timedelta(days=90),
                reviewer=reviewers.get(data.get("reviewer")),
                last_reviewed=last_reviewed,
                next_review_due=last_reviewed + datetime.timedelta(days=365),
            )
            article, created = Article.objects.get_or_create(slug=data["slug"], defaults=fields)
            self.created += created
            articles[data["slug"]] = article
            if created:
                new_articles.append((article, data))
        # Links are set only on articles made in this run, so staff choices stay.
        for article, data in new_articles:
            article.related_articles.add(
                *[articles[slug] for slug in data.get("related", []) if slug in articles]
            )
            article.resources.add(
                *[resources[title] for title in data.get("resources", []) if title in resources]
            )
            self.add_sources(article, data.get("sources", []))
        return articles

    def load_faqs(self, articles):
        for category_data in demo_content.FAQ_CATEGORIES:
            fields = {key: value for key, value in category_data.items() if key != "faqs"}
            category = self.ensure(FAQCategory, {"slug": category_data["slug"]}, fields)
            for faq_data in category_data["faqs"]:
                defaults = {k: v for k, v in faq_data.items() if k != "sources"}
                defaults["category"] = category
                defaults["related_article"] = articles.get(faq_data.get("related_article"))
                faq, created = FAQ.objects.get_or_create(
                    question=faq_data["question"], defaults=defaults
                )
                self.created += created
                if created:
                    self.add_sources(faq, faq_data.get("sources", []))
