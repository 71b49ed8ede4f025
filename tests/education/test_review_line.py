import datetime

import pytest
from django.utils import timezone

from education.translations import translation_approve
from tests.education.test_page_meta import json_ld
from tests.factories import ArticleFactory, ReviewerFactory

pytestmark = pytest.mark.django_db


def test_review_line_reads_like_the_nhs_one(client, clinic):
    article = ArticleFactory(
        reviewer__name="Maya Thornton",
        reviewer__slug="maya-thornton",
        reviewer__credentials="Registered Physiotherapist, MPT",
        last_reviewed=datetime.date(2026, 3, 1),
        next_review_due=datetime.date(2027, 3, 1),
    )

    html = client.get(article.get_absolute_url()).content.decode()

    assert (
        'Reviewed by <a href="/who-treats-you/#maya-thornton">Maya Thornton</a>, '
        "Registered Physiotherapist, MPT · Last reviewed "
        '<time datetime="2026-03-01">1 March 2026</time> · Next review due '
        '<time datetime="2027-03-01">1 March 2027</time>'
    ) in html


def overdue_article():
    return ArticleFactory(next_review_due=timezone.localdate() - datetime.timedelta(days=1))


def test_an_overdue_article_still_shows_to_patients_without_a_flag(client, clinic):
    article = overdue_article()

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "review is overdue" not in response.content.decode()


def test_staff_see_an_overdue_review_flagged(client, clinic, staff_user):
    article = overdue_article()
    client.force_login(staff_user)

    assert (
        "this article's review is overdue"
        in client.get(article.get_absolute_url()).content.decode()
    )


def test_staff_see_no_flag_on_an_article_that_is_not_due(client, clinic, staff_user):
    article = ArticleFactory()
    client.force_login(staff_user)

    assert "review is overdue" not in client.get(article.get_absolute_url()).content.decode()


def test_a_reviewer_not_listed_as_a_practitioner_is_named_without_a_link(client, clinic):
    article = ArticleFactory(reviewer__name="Sam Outside", reviewer__is_listed=False)

    html = client.get(article.get_absolute_url()).content.decode()

    assert "Reviewed by Sam Outside," in html
    assert "/who-treats-you/" + "#" not in html.split("Reviewed by", 1)[1].split("</p>", 1)[0]


# --- A translated page -------------------------------------------------------------


def translated_article(**fields):
    article = ArticleFactory(
        slug="what-is-ims",
        reviewer__name="Maya Thornton",
        last_reviewed=datetime.date(2026, 3, 1),
        **fields,
    )
    translation_approve(
        obj=article,
        language="fr",
        values={"title": "Qu’est-ce que l’IMS ?"},
        reviewer=ReviewerFactory(name="Luc Girard", credentials="Physiothérapeute agréé"),
        reviewed_at=timezone.make_aware(datetime.datetime(2026, 4, 2, 12)),
    )
    return article


def review_line(html):
    return html.split('class="review-line', 1)[1].split("</p>", 1)[0]


def test_a_translated_page_also_names_who_checked_the_translation_and_when(client, clinic):
    translated_article()

    line = review_line(client.get("/fr/articles/what-is-ims/").content.decode())

    assert "Maya Thornton" in line  # the English clinical review stays
    assert "Traduction vérifiée par Luc Girard, Physiothérapeute agréé" in line
    assert '<time datetime="2026-04-02">2 avril 2026</time>' in line


def test_the_english_page_and_an_untranslated_language_show_no_translation_line(client, clinic):
    translated_article()

    english = review_line(client.get("/articles/what-is-ims/").content.decode())
    chinese = review_line(client.get("/zh-hans/articles/what-is-ims/").content.decode())

    assert "Luc Girard" not in english and "Translation" not in english
    assert "Maya Thornton" in chinese and "Luc Girard" not in chinese


def test_the_translation_line_costs_at_most_one_query(
    client, clinic, django_assert_max_num_queries
):
    translated_article()
    with django_assert_max_num_queries(100) as english:
        client.get("/articles/what-is-ims/")

    with django_assert_max_num_queries(len(english.captured_queries) + 1):
        client.get("/fr/articles/what-is-ims/")


def test_a_translated_page_tells_search_engines_when_its_translation_was_checked(client, clinic):
    translated_article()

    html = client.get("/fr/articles/what-is-ims/").content.decode()
    [page] = [block for block in json_ld(html) if block.get("@type") == "MedicalWebPage"]
    english_html = client.get("/articles/what-is-ims/").content.decode()
    [english] = [block for block in json_ld(english_html) if block.get("@type") == "MedicalWebPage"]

    assert page["inLanguage"].startswith("fr")
    assert page["lastReviewed"] == "2026-04-02"
    assert page["reviewedBy"]["name"] == "Luc Girard"
    assert english["lastReviewed"] == "2026-03-01"
    assert english["reviewedBy"]["name"] == "Maya Thornton"
