import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from education.models import Article, ClinicProfile, Resource
from tests.factories import ArticleFactory, ClinicProfileFactory

pytestmark = pytest.mark.django_db


def test_published_articles_exclude_drafts_and_future_dates():
    live = ArticleFactory()
    ArticleFactory(status=Article.Status.DRAFT)
    ArticleFactory(published_at=timezone.now() + datetime.timedelta(hours=1))
    assert list(Article.objects.published()) == [live]


def test_article_body_is_sanitised_when_saved():
    article = ArticleFactory(body='<p onclick="steal()">Hi<script>alert(1)</script></p>')
    article.refresh_from_db()
    assert article.body == "<p>Hi</p>"


def test_overdue_review_is_detected():
    article = ArticleFactory(next_review_due=timezone.localdate() - datetime.timedelta(days=1))
    assert article.review_overdue
    assert not ArticleFactory().review_overdue


def test_there_is_only_ever_one_clinic_profile():
    ClinicProfileFactory()
    second = ClinicProfile(name="Other", street_address="x", city="y", phone="1")
    second.save()  # saving another profile edits the one row
    assert ClinicProfile.objects.count() == 1
    with pytest.raises(IntegrityError):
        ClinicProfile.objects.bulk_create(
            [ClinicProfile(pk=2, name="x", street_address="x", city="x", phone="1")]
        )


def test_resource_links_must_be_http_or_https():
    resource = Resource(title="Bad", url="javascript:alert(1)")
    with pytest.raises(ValidationError):
        resource.full_clean()
    Resource(title="Good", url="https://www.istop.org/").full_clean()


def test_clinic_phone_link_keeps_only_digits():
    assert ClinicProfileFactory(phone="(604) 555-0100").phone_href == "tel:6045550100"
