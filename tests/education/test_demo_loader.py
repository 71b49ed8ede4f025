import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from education.models import FAQ, Article, ClinicProfile

pytestmark = pytest.mark.django_db


def education_counts():
    return {
        model.__name__: model.objects.count()
        for model in apps.get_app_config("education").get_models()
    }


def test_loading_twice_duplicates_nothing():
    call_command("load_demo_content", verbosity=0)
    first = education_counts()
    call_command("load_demo_content", verbosity=0)
    assert education_counts() == first
    assert first["Article"] >= 5
    assert first["FAQ"] >= 14
    assert first["Benefit"] == 12


def test_a_staff_edit_survives_a_reload():
    call_command("load_demo_content", verbosity=0)
    profile = ClinicProfile.objects.get()
    profile.phone = "604-555-0123"
    profile.save()
    faq = FAQ.objects.first()
    faq.answer = "<p>Edited by staff.</p>"
    faq.save()
    article = Article.objects.first()
    article.title = "Staff title"
    article.related_articles.clear()
    article.save()

    call_command("load_demo_content", verbosity=0)

    assert ClinicProfile.objects.get().phone == "604-555-0123"
    faq.refresh_from_db()
    assert faq.answer == "<p>Edited by staff.</p>"
    article.refresh_from_db()
    assert article.title == "Staff title"
    assert article.related_articles.count() == 0


def test_demo_articles_are_published_and_reviewed():
    call_command("load_demo_content", verbosity=0)
    assert Article.objects.published().count() == Article.objects.count()
    assert not Article.objects.filter(reviewer__isnull=True).exists()


def test_demo_staff_login_is_refused_outside_development():
    with pytest.raises(CommandError):
        call_command("ensure_demo_staff")
