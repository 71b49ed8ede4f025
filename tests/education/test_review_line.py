import datetime

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory

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
