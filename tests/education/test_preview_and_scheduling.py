"""Drafts and scheduled articles: previews for editors, 404 for everyone else,
and going live by itself at the publish time."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from education.models import Article
from tests.factories import ArticleFactory, StaffUserFactory, UserFactory, save_approved_edit

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = StaffUserFactory(username="editor")
    user.user_permissions.add(Permission.objects.get(codename="change_article"))
    return user


@pytest.fixture
def draft(clinic):
    return ArticleFactory(title="Draft about needles", status=Article.Status.DRAFT)


@pytest.fixture
def scheduled(clinic):
    return ArticleFactory(
        title="Coming next week",
        published_at=timezone.now() + datetime.timedelta(days=7),
    )


def test_editor_previews_a_draft_clearly_marked_as_a_preview(client, editor, draft):
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Draft about needles" in html
    assert "<strong>Preview.</strong>" in html
    assert "This article is a draft" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"]


def test_editor_previews_a_scheduled_article_with_its_publish_date(client, editor, scheduled):
    client.force_login(editor)
    html = client.get(scheduled.get_absolute_url()).content.decode()
    assert "This article is scheduled" in html
    assert "Coming next week" in html


def test_live_article_is_not_marked_as_a_preview_even_for_editors(client, editor, clinic):
    article = ArticleFactory()
    client.force_login(editor)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Preview." not in response.content.decode()


@pytest.mark.parametrize("fixture_name", ["draft", "scheduled"])
def test_anonymous_visitor_gets_404_for_unpublished_articles(client, request, fixture_name):
    article = request.getfixturevalue(fixture_name)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_staff_without_edit_rights_get_404_for_a_draft(client, draft):
    moderator = StaffUserFactory(username="moderator")
    client.force_login(moderator)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_patient_account_with_edit_permission_but_no_staff_access_gets_404(client, draft):
    user = UserFactory(username="not-staff")
    user.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(user)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_article_list_never_shows_drafts_even_to_editors(client, editor, draft):
    client.force_login(editor)
    html = client.get(reverse("education:article-list")).content.decode()
    assert "Draft about needles" not in html


def test_scheduled_article_goes_live_by_itself_at_its_publish_time(client, clinic):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        article = ArticleFactory(
            title="Published tomorrow morning",
            published_at=start + datetime.timedelta(days=1),
        )
        assert client.get(article.get_absolute_url()).status_code == 404
        assert (
            "Published tomorrow morning"
            not in client.get(reverse("education:article-list")).content.decode()
        )

        clock.shift(datetime.timedelta(days=1, seconds=1))

        assert client.get(article.get_absolute_url()).status_code == 200
        assert (
            "Published tomorrow morning"
            in client.get(reverse("education:article-list")).content.decode()
        )


def test_edit_page_of_a_draft_offers_a_preview(admin_client, draft):
    html = admin_client.get(
        reverse("admin:education_article_change", args=[draft.pk])
    ).content.decode()
    assert "Preview on site</a>" in html
    assert "View on site</a>" not in html


def article_queries(queries):
    return [q for q in queries if 'FROM "education_article"' in q["sql"]]


def test_visitors_rendered_afresh_see_an_edit_or_an_unpublished_article_at_once(client, clinic):
    article = ArticleFactory(title="Needles and nerves", slug="needles")

    def visit():
        # A session cookie skips the page cache (Django drops an unknown one, so
        # it is sent again each time, as a signed-in visitor's would be).
        client.cookies["sessionid"] = "any-session"
        return client.get(article.get_absolute_url())

    visit()
    with CaptureQueriesContext(connection) as second_visit:
        assert visit().status_code == 200
    queries = second_visit.captured_queries  # before the next request clears the log

    article.title = "Needles, nerves and muscles"
    save_approved_edit(article)
    edited = visit()
    article.status = Article.Status.DRAFT
    article.save()

    assert "X-Page-Cache" not in edited
    assert queries, "the page was rendered afresh"
    assert article_queries(queries) == []  # looked up once until it changes
    assert "Needles, nerves and muscles" in edited.content.decode()
    assert visit().status_code == 404


def test_editors_always_preview_what_the_database_holds(client, editor, clinic):
    article = ArticleFactory(title="Before the edit", slug="fresh-for-editors")
    client.force_login(editor)
    client.get(article.get_absolute_url())
    # Even a change that skips save() and its signals shows to the editor.
    Article.objects.filter(pk=article.pk).update(title="After the edit")

    assert "After the edit" in client.get(article.get_absolute_url()).content.decode()
