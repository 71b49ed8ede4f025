"""Comments arriving at the same moment, each on its own database connection.

These tests commit for real (transactional), because the point is what several
connections see of each other's work. They run on SQLite and on PostgreSQL.
"""

import threading

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from comments.models import Comment, CommentSettings
from tests.comments.helpers import form_data
from tests.factories import ArticleFactory, ClinicProfileFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def patient_sqlite_writers():
    """On SQLite, writers here wait up to a minute for the write lock, not 5 s.

    Fifty writers queue for SQLite's single write lock; on a machine busy with
    other work the last can wait longer than the production busy timeout. What
    these tests check is that each comment is stored exactly once; what happens
    when the wait runs out is tests/clinic_site/test_database_busy.py's subject.
    """
    options = connections.settings["default"].setdefault("OPTIONS", {})
    if connections["default"].vendor != "sqlite":
        yield
        return
    before = options.get("timeout")
    options["timeout"] = 60
    yield
    options["timeout"] = before


@pytest.fixture
def article():
    ClinicProfileFactory()
    CommentSettings(max_per_hour=100).save()
    return ArticleFactory(slug="busy-article")


def post_together(requests):
    """POST every (data, ip) at the same moment from its own thread and connection."""
    barrier = threading.Barrier(len(requests))
    statuses = [None] * len(requests)
    errors = []

    def send(index, url, data, ip):
        try:
            client = Client()
            barrier.wait(timeout=30)
            statuses[index] = client.post(url, data, REMOTE_ADDR=ip).status_code
        except Exception as error:  # reported below, with the thread's index
            errors.append((index, error))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=send, args=(index, *request))
        for index, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return statuses


def test_fifty_comments_sent_at_once_are_each_stored_exactly_once(article):
    url = reverse("comments:post", kwargs={"slug": article.slug})
    requests = [
        (
            url,
            form_data(article, email=f"patient{n}@example.com", body=f"Question number {n}?"),
            f"10.20.0.{n + 1}",
        )
        for n in range(50)
    ]
    statuses = post_together(requests)
    assert statuses == [302] * 50
    bodies = sorted(Comment.objects.values_list("body", flat=True))
    assert bodies == sorted(f"Question number {n}?" for n in range(50))


def test_the_same_form_sent_ten_times_at_once_is_stored_once(article):
    url = reverse("comments:post", kwargs={"slug": article.slug})
    data = form_data(article, body="Double-clicked question")
    statuses = post_together([(url, data, f"10.30.0.{n + 1}") for n in range(10)])
    assert statuses == [302] * 10
    assert Comment.objects.filter(body="Double-clicked question").count() == 1


def test_flood_limit_holds_across_two_database_connections(article):
    url = reverse("comments:post", kwargs={"slug": article.slug})
    first = form_data(article, body="First from this address")
    second = form_data(article, body="Second from this address")
    statuses = post_together([(url, first, "10.40.0.1"), (url, second, "10.40.0.1")])
    assert sorted(statuses) == [302, 429]
    assert Comment.objects.count() == 1
    # A third connection, later, is refused too: the limit is in the database.
    third = post_together([(url, form_data(article, body="Third"), "10.40.0.1")])
    assert third == [429]
    assert Comment.objects.count() == 1
