import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from education import demo_content, demo_images, services
from education.demo_translations import load_demo_translations
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
from education.workflow import ClinicalState, reviewed_models

DEMO_SIGN_OFF_NOTE = "Demo content: approved by the demo clinician when it was loaded."


class Command(BaseCommand):
    help = (
        "Load the demo clinic's content. Safe to run again: an item that already "
        "exists (matched by slug, name or title) is left exactly as staff last saved it."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        self.created = 0
        self.new_items = []
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
                defaults = {k: v for k, v in data.items() if k not in {"sources", "last_reviewed"}}
                made_before = len(self.new_items)
                obj = self.ensure(model, {key: data[key]}, defaults)
                if len(self.new_items) > made_before and data.get("sources"):
                    self.add_sources(obj, data["sources"])
        self.sign_off_new_items(reviewers)
        # Pictures: the demo library image, diagrams on articles, the body map.
        self.created += demo_images.load()
        load_demo_translations()
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready ({self.created} new items, the rest kept).")
        )

    def ensure(self, model, lookup, defaults):
        """Create the row if it is missing; never change one that exists."""
        obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
        self.created += created
        if created:
            self.new_items.append((obj, None))
        return obj

    def add_sources(self, obj, keys):
        """Cite the demo sources named by ``keys``; only on items made in this run."""
        obj.sources.add(*[self.sources[key] for key in keys])

    def sign_off_new_items(self, reviewers):
        """The demo arrives approved by the demo clinician, so pages show real review lines.

        Only items made in this run: anything staff have changed keeps its own state.
        """
        reviewer = next(iter(reviewers.values()), None)
        if reviewer is None:
            return
        for obj, reviewer_name in self.new_items:
            if not isinstance(obj, tuple(reviewed_models())):
                continue
            if obj.clinical_state != ClinicalState.UNAPPROVED:
                continue
            services.review_approve_loaded(
                obj=obj,
                reviewer=reviewers.get(reviewer_name, reviewer),
                reviewed_at=getattr(obj, "_demo_reviewed_at", None),
                note=DEMO_SIGN_OFF_NOTE,
            )

    def load_clinic(self):
        if not ClinicProfile.objects.exists():
            ClinicProfile.objects.create(**demo_content.CLINIC)
            self.created += 1

    def load_articles(self, reviewers, resources):
        articles, new_articles = {}, []
        for data in demo_content.ARTICLES:
            fields = {
                key: value
                for key, value in data.items()
                if key not in {"related", "resources", "sources", "reviewer", "reviewed_days_ago"}
            }
            days_ago = data.get("reviewed_days_ago", 30)
            fields.update(
                status=Article.Status.PUBLISHED,
                published_at=timezone.now() - datetime.timedelta(days=90),
            )
            article, created = Article.objects.get_or_create(slug=data["slug"], defaults=fields)
            self.created += created
            articles[data["slug"]] = article
            if created:
                new_articles.append((article, data))
                # Signed off by the demo clinician named in the data, that many days ago.
                article._demo_reviewed_at = timezone.now() - datetime.timedelta(days=days_ago)
                self.new_items.append((article, data.get("reviewer")))
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
                made_before = len(self.new_items)
                faq = self.ensure(FAQ, {"question": faq_data["question"]}, defaults)
                if len(self.new_items) > made_before:
                    self.add_sources(faq, faq_data.get("sources", []))
