"""The comment thread is rendered once per change even for visitors the page cache skips."""

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from comments.models import Comment
from comments.services import comment_approve
from tests.comments.helpers import form_data
from tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def test_staff_get_the_thread_from_the_cache_and_still_see_a_new_comment_at_once(
    admin_client, superuser, clinic, django_assert_max_num_queries
):
    article = ArticleFactory(slug="busy-thread")
    CommentFactory.create_batch(5, article=article)
    pending = CommentFactory(article=article, status=Comment.Status.PENDING, body="Brand new")
    first = admin_client.get(article.get_absolute_url())

    with django_assert_max_num_queries(8):  # the thread's own queries are skipped
        second = admin_client.get(article.get_absolute_url())
    comment_approve(comment=pending, moderator=superuser)
    third = admin_client.get(article.get_absolute_url()).content.decode()

    assert second.content.decode().count('class="comment"') == first.content.decode().count(
        'class="comment"'
    )
    assert "Brand new" not in second.content.decode()
    assert "Brand new" in third


def test_a_visitor_with_a_session_can_send_the_form_from_a_cached_thread(clinic):
    article = ArticleFactory(slug="session-visitor")
    first = Client()
    first.cookies["sessionid"] = "some-old-session"
    first.get(article.get_absolute_url())  # fills the fragment cache
    visitor = Client(enforce_csrf_checks=True)
    visitor.cookies["sessionid"] = "another-old-session"

    page = visitor.get(article.get_absolute_url()).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = visitor.post(
        f"/articles/{article.slug}/comments/", {**form_data(article), "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_a_scheduled_related_article_appears_on_time_for_a_visitor_with_a_session(client, clinic):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        article = ArticleFactory(slug="with-related")
        article.related_articles.add(
            ArticleFactory(
                title="Out in a minute", published_at=start + datetime.timedelta(minutes=1)
            )
        )

        def side_column():
            client.cookies["sessionid"] = "any-session"  # rendered afresh, from fragments
            return client.get(article.get_absolute_url()).content.decode()

        before = side_column()
        clock.shift(datetime.timedelta(minutes=1, seconds=1))

        assert "Out in a minute" not in before
        assert "Out in a minute" in side_column()
