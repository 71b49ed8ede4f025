"""Medical review reminders: the filter, the admin home panels and 'mark as reviewed'."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from education.models import Article
from education.services import add_months
from tests.factories import ArticleFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def frozen_today():
    with time_machine.travel(
        datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC), tick=False
    ):
        yield TODAY


@pytest.fixture
def articles(frozen_today, clinic):
    def due_in(days, title):
        return ArticleFactory(title=title, next_review_due=TODAY + datetime.timedelta(days=days))

    return {
        "overdue": due_in(-3, "Overdue article"),
        "soon": due_in(20, "Due soon article"),
        "later": due_in(90, "Reviewed lately article"),
        "unset": ArticleFactory(title="Never dated article", next_review_due=None),
    }


def changelist_titles(admin_client, query):
    response = admin_client.get(reverse("admin:education_article_changelist") + query)
    return {article.title for article in response.context["cl"].result_list}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?review=due", {"Overdue article", "Due soon article"}),
        ("?review=overdue", {"Overdue article"}),
        ("?review=soon", {"Due soon article"}),
        ("?review=unset", {"Never dated article"}),
    ],
)
def test_review_due_filter(admin_client, articles, query, expected):
    assert changelist_titles(admin_client, query) == expected


def test_admin_home_lists_articles_due_for_review(admin_client, articles):
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert "Overdue article" in html
    assert "Overdue since" in html
    assert "Due soon article" in html
    reviews_due = html.split('id="reviews-due"', 1)[1].split("</table>", 1)[0]
    assert "Reviewed lately article" not in reviews_due


def test_admin_home_counts_drafts_scheduled_and_overdue(admin_client, frozen_today, clinic):
    ArticleFactory(status=Article.Status.DRAFT)
    ArticleFactory(status=Article.Status.DRAFT)
    ArticleFactory(
        title="Next week's article", published_at=timezone.now() + datetime.timedelta(days=7)
    )
    ArticleFactory(next_review_due=TODAY - datetime.timedelta(days=1))
    html = admin_client.get(reverse("admin:index")).content.decode()
    figures = dict(
        re.findall(r'<a href="[^"]+">([^<]+)</a></th>\s*<td><strong>(\d+)</strong>', html)
    )
    assert figures["Drafts"] == "2"
    assert figures["Scheduled to go live"] == "1"
    assert figures["Medical reviews overdue"] == "1"
    assert "Next week&#x27;s article" in html
    assert "Goes live" in html


def test_dashboard_panels_are_hidden_from_staff_who_cannot_see_articles(client, articles):
    client.force_login(StaffUserFactory(username="moderator-only"))
    html = client.get(reverse("admin:index")).content.decode()
    assert "Due for medical review" not in html


def test_admin_home_answers_in_a_fixed_number_of_queries(
    admin_client, articles, django_assert_max_num_queries
):
    for number in range(10):
        ArticleFactory(next_review_due=TODAY + datetime.timedelta(days=number))
    # The clinical review lists add one query for each kind of medical content;
    # the first page after a change asks once when the next scheduled article goes live.
    with django_assert_max_num_queries(31):
        admin_client.get(reverse("admin:index"))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2025, 2, 28)),
        (datetime.date(2026, 11, 15), 3, datetime.date(2027, 2, 15)),
    ],
)
def test_months_are_added_like_a_calendar_does(day, months, expected):
    assert add_months(day, months) == expected
