import re

import pytest
from django.utils import timezone

from education import services
from education.models import SitePage
from education.translations import available_languages, translation_approve, translation_status
from tests.factories import ArticleFactory, ReviewerFactory, SitePageFactory

pytestmark = pytest.mark.django_db


def page_lang(response) -> str:
    return re.search(r'<html[^>]* lang="([^"]+)"', response.content.decode()).group(1)


@pytest.fixture
def reviewer():
    return ReviewerFactory()


def test_an_approved_translation_is_shown_in_its_language_only(client, reviewer):
    article = ArticleFactory(title="Needles and you", slug="needles")
    translation_approve(
        obj=article, language="fr", values={"title": "Les aiguilles et vous"}, reviewer=reviewer
    )

    french = client.get("/fr/articles/needles/").content.decode()
    english = client.get("/articles/needles/").content.decode()

    assert "Les aiguilles et vous" in french
    assert "Les aiguilles et vous" not in english
    assert "Needles and you" in english
    assert available_languages(article) == ["en", "fr"]


def test_a_language_without_an_approved_translation_shows_english_with_a_notice(client, reviewer):
    ArticleFactory(title="Needles and you", slug="needles")

    page = client.get("/fr/articles/needles/").content.decode()

    assert "Needles and you" in page
    assert "Cette page n’est pas encore disponible en français" in page


def test_approving_changed_english_flags_the_translation_within_the_same_call(reviewer):
    page = SitePageFactory(key=SitePage.Key.SAFETY, title="Safety")
    translation_approve(obj=page, language="fr", values={"title": "Sécurité"}, reviewer=reviewer)
    assert translation_status(page, "fr").english_changed_on is None

    page.title = "Safety, revised"
    services.review_approve_loaded(obj=page, reviewer=reviewer)

    status = translation_status(page, "fr")
    assert status.translated
    assert status.english_changed_on == timezone.localdate()


def test_approving_the_same_english_again_leaves_the_translation_current(reviewer):
    page = SitePageFactory(key=SitePage.Key.SAFETY, title="Safety")
    translation_approve(obj=page, language="fr", values={"title": "Sécurité"}, reviewer=reviewer)

    services.review_approve_loaded(obj=page, reviewer=reviewer)

    assert translation_status(page, "fr").english_changed_on is None


def test_patients_are_told_when_the_english_changed_with_a_link_to_it(client, reviewer):
    page = SitePageFactory(key=SitePage.Key.SAFETY, title="Safety")
    translation_approve(obj=page, language="fr", values={"title": "Sécurité"}, reviewer=reviewer)
    page.title = "Safety, revised"
    services.review_approve_loaded(obj=page, reviewer=reviewer)

    html = client.get("/fr/safety/").content.decode()

    assert "Sécurité" in html
    assert "La version anglaise de cette page a changé le" in html
    assert 'href="/safety/"' in html
    assert str(timezone.localdate().year) in html


def test_the_page_cache_keeps_each_language_apart(client, reviewer):
    page = SitePageFactory(key=SitePage.Key.SAFETY, title="Safety")
    translation_approve(obj=page, language="fr", values={"title": "Sécurité"}, reviewer=reviewer)

    french = client.get("/fr/safety/")
    chinese = client.get("/zh-hans/safety/")

    assert page_lang(french) == "fr"
    assert page_lang(chinese) == "zh-Hans"
    assert "Sécurité" not in chinese.content.decode()


def test_demo_translations_are_approved_once_and_missing_items_are_skipped(tmp_path, reviewer):
    from education import demo_content
    from education.demo_translations import load_demo_translations
    from education.models import SignOff

    reviewer.name = demo_content.REVIEWERS[0]["name"]
    reviewer.save()
    page = SitePageFactory(key=SitePage.Key.HOME, title="Welcome")
    (tmp_path / "fr.json").write_text(
        '[{"model": "education.sitepage", "lookup": {"key": "home"},'
        ' "fields": {"title": "Bienvenue", "intro": "<p>Texte<script>x()</script></p>"}},'
        ' {"model": "education.sitepage", "lookup": {"title": "No such page"},'
        ' "fields": {"title": "Rien"}}]',
        encoding="utf-8",
    )

    assert load_demo_translations(tmp_path) == 1
    assert load_demo_translations(tmp_path) == 0

    page.refresh_from_db()
    assert page.title_fr == "Bienvenue"
    assert "script" not in page.intro_fr
    assert SignOff.objects.filter(language="fr", reviewer=reviewer).count() == 1


def test_a_list_item_still_in_english_on_a_translated_page_is_marked_english(client, reviewer):
    from tests.factories import PrecautionFactory

    page = SitePageFactory(key=SitePage.Key.SAFETY, title="Safety")
    translation_approve(obj=page, language="fr", values={"title": "Sécurité"}, reviewer=reviewer)
    english = PrecautionFactory(name="Pregnancy")
    french = PrecautionFactory(name="Blood thinners")
    translation_approve(
        obj=french, language="fr", values={"name": "Anticoagulants"}, reviewer=reviewer
    )

    html = client.get("/fr/safety/").content.decode()

    assert f'id="precaution-{english.pk}" lang="en">' in html
    assert f'id="precaution-{french.pk}">' in html, html[html.find("precaution-") :][:700]
    assert "Anticoagulants" in html


def test_benefits_and_conditions_still_in_english_are_marked_english(client, reviewer):
    from tests.factories import BenefitFactory, ConditionFactory

    english = BenefitFactory(title="Pain relief")
    french = BenefitFactory(title="Better movement")
    translation_approve(
        obj=french, language="fr", values={"title": "Meilleure mobilité"}, reviewer=reviewer
    )
    condition = ConditionFactory(name="Tennis elbow")

    benefits = client.get("/fr/benefits/").content.decode()
    conditions = client.get("/fr/conditions/").content.decode()

    assert f'id="benefit-{english.pk}" lang="en">' in benefits
    assert f'id="benefit-{french.pk}">' in benefits, benefits[benefits.find("benefit-") :][:600]
    assert "Meilleure mobilité" in benefits
    assert f'id="condition-{condition.pk}" lang="en">' in conditions
    assert f'id="condition-{condition.pk}">' in client.get("/conditions/").content.decode()


def test_the_admin_never_writes_a_medical_translation_without_sign_off(admin_client, reviewer):
    from django.urls import reverse

    from tests.factories import BenefitFactory, FAQCategoryFactory

    benefit = BenefitFactory(title="Pain relief")
    medical = admin_client.get(
        reverse("admin:education_benefit_change", args=[benefit.pk])
    ).content.decode()
    topic = FAQCategoryFactory(name="Safety")
    plain = admin_client.get(
        reverse("admin:education_faqcategory_change", args=[topic.pk])
    ).content.decode()

    assert 'name="title"' in medical
    assert 'name="title_fr"' not in medical
    assert 'name="title_en"' not in medical
    assert 'name="name_fr"' in plain
    assert 'name="name_en"' not in plain
