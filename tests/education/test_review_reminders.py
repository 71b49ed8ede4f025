"""Medical review reminders: the filter, the admin home panels and 'mark as reviewed'."""

import datetime
import re

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from education.models import Article, EditorialSettings
from education.services import add_months, article_mark_reviewed
from tests.factories import ArticleFactory, ReviewerFactory, StaffUserFactory

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
    with django_assert_max_num_queries(20):
        admin_client.get(reverse("admin:index"))


def test_mark_as_reviewed_asks_who_reviewed_then_sets_the_dates(admin_client, articles, superuser):
    reviewer = ReviewerFactory(name="Dr. Lee")
    overdue, soon = articles["overdue"], articles["soon"]
    url = reverse("admin:education_article_changelist")
    selection = {"action": "mark_reviewed", "_selected_action": [overdue.pk, soon.pk]}

    confirm = admin_client.post(url, selection)
    assert confirm.status_code == 200
    assert "Reviewed by" in confirm.content.decode()
    assert "10 March 2027" in confirm.content.decode()

    response = admin_client.post(url, selection | {"apply": "1", "reviewer": reviewer.pk})
    assert response.status_code == 302
    for article in (overdue, soon):
        article.refresh_from_db()
        assert article.last_reviewed == TODAY
        assert article.reviewer == reviewer
        assert article.next_review_due == datetime.date(2027, 3, 10)
        entry = LogEntry.objects.get(object_id=str(article.pk), change_message__contains="Dr. Lee")
        assert entry.user == superuser
        assert Version.objects.get_for_object(article).exists()
    assert changelist_titles(admin_client, "?review=due") == set()


def test_mark_as_reviewed_without_a_reviewer_changes_nothing(admin_client, articles):
    overdue = articles["overdue"]
    response = admin_client.post(
        reverse("admin:education_article_changelist"),
        {"action": "mark_reviewed", "_selected_action": [overdue.pk], "apply": "1"},
    )
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    overdue.refresh_from_db()
    assert overdue.next_review_due == TODAY - datetime.timedelta(days=3)


def test_review_interval_comes_from_the_editorial_settings(frozen_today, clinic):
    EditorialSettings.objects.create(review_interval_months=6)
    article = ArticleFactory()
    article_mark_reviewed(article=article, reviewer=ReviewerFactory())
    article.refresh_from_db()
    assert article.next_review_due == datetime.date(2026, 9, 10)


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
