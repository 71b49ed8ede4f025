import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from comments.models import Comment
from education.models import (
    FAQ,
    AftercareTip,
    Article,
    Benefit,
    ClinicProfile,
    Condition,
    FAQCategory,
    GlossaryTerm,
    Precaution,
    Resource,
    Reviewer,
    SitePage,
    Source,
)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("a-long-test-password")

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]


class StaffUserFactory(UserFactory):
    is_staff = True


class SuperUserFactory(StaffUserFactory):
    is_superuser = True


class ClinicProfileFactory(factory.django.DjangoModelFactory):
    name = "Harbour Test Physiotherapy"
    street_address = "100 Test Street"
    city = "Vancouver"
    region = "BC"
    postal_code = "V5K 0A1"
    phone = "604-555-0100"
    email = "front-desk@example.com"
    booking_url = "https://example.com/book"

    class Meta:
        model = ClinicProfile
        django_get_or_create = ["id"]

    id = 1


class ReviewerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Reviewer {n}")
    slug = factory.Sequence(lambda n: f"reviewer-{n}")
    credentials = "Registered Physiotherapist"

    class Meta:
        model = Reviewer


class SourceFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Study {n}")
    publisher = "Journal of Examples"
    year = 2020
    url = factory.Sequence(lambda n: f"https://example.org/study-{n}")
    supports = "That needling can bruise."

    class Meta:
        model = Source


class ResourceFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Resource {n}")
    url = factory.Sequence(lambda n: f"https://example.org/resource-{n}")

    class Meta:
        model = Resource


class ArticleFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Article number {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = "A short summary of the article."
    body = "<h2>About</h2><p>Plain words about IMS.</p>"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    reviewer = factory.SubFactory(ReviewerFactory)
    last_reviewed = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    next_review_due = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=355)
    )

    class Meta:
        model = Article


class FAQCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    order = factory.Sequence(lambda n: n)

    class Meta:
        model = FAQCategory


class FAQFactory(factory.django.DjangoModelFactory):
    category = factory.SubFactory(FAQCategoryFactory)
    question = factory.Sequence(lambda n: f"Question number {n}?")
    answer = "<p>An answer.</p>"
    order = factory.Sequence(lambda n: n)

    class Meta:
        model = FAQ


class BenefitFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Benefit {n}")
    explanation = "It may help."
    order = factory.Sequence(lambda n: n)

    class Meta:
        model = Benefit


class ConditionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Condition {n}")
    explanation = "IMS may help."
    order = factory.Sequence(lambda n: n)

    class Meta:
        model = Condition


class PrecautionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Precaution {n}")
    kind = Precaution.Kind.DO_NOT_HAVE
    explanation = "Please do not have IMS."
    self_check_question = factory.Sequence(lambda n: f"Does precaution {n} apply to you?")
    order = factory.Sequence(lambda n: n)

    class Meta:
        model = Precaution


class AftercareTipFactory(factory.django.DjangoModelFactory):
    kind = AftercareTip.Kind.NORMAL
    title = factory.Sequence(lambda n: f"Tip {n}")
    text = "Some soreness is normal."
    order = factory.Sequence(lambda n: n)

    class Meta:
        model = AftercareTip


class SitePageFactory(factory.django.DjangoModelFactory):
    key = SitePage.Key.HOME
    title = factory.LazyAttribute(lambda page: f"{page.key} heading")
    meta_description = factory.LazyAttribute(lambda page: f"About the {page.key} page.")
    intro = "<p>Introduction.</p>"

    class Meta:
        model = SitePage
        django_get_or_create = ["key"]


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    term = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.Sequence(lambda n: f"term-{n}")
    definition = "A plain meaning."

    class Meta:
        model = GlossaryTerm


class CommentFactory(factory.django.DjangoModelFactory):
    """An approved patient comment; pass status="pending" for one awaiting review."""

    article = factory.SubFactory(ArticleFactory)
    name = factory.Sequence(lambda n: f"Patient {n}")
    email = factory.Sequence(lambda n: f"patient{n}@example.com")
    body = factory.Sequence(lambda n: f"Thank you, this helped me understand IMS ({n}).")
    status = Comment.Status.APPROVED
    decision = Comment.Decision.HELD

    class Meta:
        model = Comment
