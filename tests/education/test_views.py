import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from education.models import Article, ClinicProfile, FAQCategory, Precaution
from tests.factories import (
    AftercareTipFactory,
    ArticleFactory,
    FAQCategoryFactory,
    FAQFactory,
    PrecautionFactory,
    ResourceFactory,
    SourceFactory,
    save_approved_edit,
)

pytestmark = pytest.mark.django_db


def main_region(response):
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


def test_unknown_article_slug_is_404(client, clinic):
    assert (
        client.get(reverse("education:article-detail", kwargs={"slug": "nope"})).status_code == 404
    )


def test_draft_and_scheduled_articles_are_hidden_from_patients(client, clinic):
    draft = ArticleFactory(status=Article.Status.DRAFT, title="Secret draft")
    future = ArticleFactory(published_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(future.get_absolute_url()).status_code == 404
    assert "Secret draft" not in client.get(reverse("education:article-list")).content.decode()


def test_article_page_shows_review_line_learn_more_and_share_links(client, clinic):
    article = ArticleFactory(
        reviewer__name="Dana Reviewer", reviewer__credentials="Registered Physiotherapist"
    )
    article.resources.add(ResourceFactory(title="iSTOP", url="https://www.istop.org/"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert ">Dana Reviewer</a>, Registered Physiotherapist" in html
    assert "Last reviewed" in html and "Next review due" in html
    assert 'href="https://www.istop.org/"' in html
    assert "mailto:?subject=" in html
    assert "facebook.com/sharer" in html
    assert "<script" not in main_region(client.get(article.get_absolute_url()))


def test_related_articles_list_only_published_ones(client, clinic):
    article = ArticleFactory()
    article.related_articles.add(
        ArticleFactory(title="Visible friend"),
        ArticleFactory(title="Hidden friend", status=Article.Status.DRAFT),
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Visible friend" in html
    assert "Hidden friend" not in html


def test_faq_page_groups_questions_by_category_with_anchors(client, clinic):
    aftercare = FAQCategoryFactory(name="Aftercare", slug="aftercare", order=2)
    about = FAQCategoryFactory(name="About IMS", slug="about-ims", order=1)
    FAQFactory(category=aftercare, question="Will I be sore?")
    FAQFactory(category=about, question="What is IMS?")
    FAQFactory(category=about, question="Unpublished question?", is_published=False)
    html = main_region(client.get(reverse("education:faq")))
    assert html.index("About IMS") < html.index("Aftercare")
    assert 'href="#about-ims"' in html and 'id="about-ims"' in html
    assert "<details" in html and "<summary>What is IMS?</summary>" in html
    assert "Unpublished question?" not in html


def test_safety_page_groups_precautions_by_kind(client, clinic):
    PrecautionFactory(name="Pregnancy", kind=Precaution.Kind.DO_NOT_HAVE)
    PrecautionFactory(name="Blood thinners", kind=Precaution.Kind.TELL_THERAPIST)
    html = main_region(client.get(reverse("education:safety")))
    assert html.index("Do not have IMS") < html.index("Pregnancy")
    assert html.index("Tell your therapist first") < html.index("Blood thinners")


def test_aftercare_page_has_a_print_stylesheet_and_an_urgent_box(client, clinic):
    AftercareTipFactory(kind="urgent", title="Chest pain or shortness of breath")
    html = client.get(reverse("education:aftercare")).content.decode()
    assert 'media="print"' in html
    assert "urgent-box" in html and "Chest pain or shortness of breath" in html


def test_changing_the_clinic_phone_shows_on_every_page(client, demo_content):
    profile = ClinicProfile.objects.get()
    profile.phone = "604-555-0199"
    profile.save()
    for name in ["education:home", "education:faq", "education:safety", "education:contact"]:
        assert "604-555-0199" in client.get(reverse(name)).content.decode()


def test_article_page_query_count_does_not_grow_with_related_content(
    client, clinic, django_assert_max_num_queries
):
    article = ArticleFactory()
    url = article.get_absolute_url()
    # One of these asks when the next scheduled article goes live: the first page
    # after any change does, once per worker.
    with django_assert_max_num_queries(10) as small:
        client.get(url)
    article.related_articles.add(*ArticleFactory.create_batch(10))
    article.resources.add(*ResourceFactory.create_batch(5))
    article.sources.add(*SourceFactory.create_batch(5))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_faq_page_query_count_does_not_grow_with_the_number_of_faqs(
    client, clinic, django_assert_max_num_queries
):
    FAQFactory()
    with django_assert_max_num_queries(6) as small:
        client.get(reverse("education:faq"))
    for category in FAQCategoryFactory.create_batch(5):
        FAQFactory.create_batch(10, category=category, related_article=ArticleFactory())
    assert FAQCategory.objects.count() == 6
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("education:faq"))


def test_article_list_query_count_does_not_grow_with_articles(
    client, clinic, django_assert_max_num_queries
):
    ArticleFactory()
    with django_assert_max_num_queries(6) as small:
        client.get(reverse("education:article-list"))
    ArticleFactory.create_batch(11)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("education:article-list"))


def test_a_signed_in_visitor_sees_an_article_edit_on_the_very_next_request(admin_client, clinic):
    article = ArticleFactory(body="<p>First wording.</p>")
    related = ArticleFactory(title="A related read")
    article.related_articles.add(related)
    assert "First wording." in admin_client.get(article.get_absolute_url()).content.decode()

    article.body = "<p>Second wording.</p>"
    save_approved_edit(article)
    related.title = "A renamed related read"
    save_approved_edit(related)

    html = admin_client.get(article.get_absolute_url()).content.decode()
    assert "Second wording." in html and "First wording." not in html
    assert "A renamed related read" in html


def test_a_signed_in_visitor_gets_the_right_menu_and_a_fresh_clinic_phone(admin_client, clinic):
    home = admin_client.get(reverse("education:home")).content.decode()
    faq = admin_client.get(reverse("education:faq")).content.decode()
    assert 'href="/" aria-current="page"' in home
    assert f'href="{reverse("education:faq")}" aria-current="page"' in faq
    assert 'href="/" aria-current="page"' not in faq

    clinic.phone = "604-555-0188"
    clinic.save()
    assert "604-555-0188" in admin_client.get(reverse("education:faq")).content.decode()


def test_french_faq_topics_follow_the_names_the_reader_sees(client, clinic):
    for english, french in [("Aftercare", ""), ("Booking", "Prendre rendez-vous"), ("Risks", "")]:
        category = FAQCategoryFactory(name=english, order=1)
        if french:
            category.name_fr = french
            category.save()
        FAQFactory(category=category)

    html = client.get("/fr/faq/").content.decode()
    topics = re.findall(r'<h2 id="[^"]+-heading" class="h3">([^<]+)</h2>', html)

    assert topics == ["Aftercare", "Prendre rendez-vous", "Risks"]
