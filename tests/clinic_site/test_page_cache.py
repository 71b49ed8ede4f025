"""Anonymous visitors get cached pages; any content change shows on the very next request."""

import datetime
import gzip
import re

import brotli
import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from clinic_site.page_cache.middleware import PageCacheMiddleware
from comments.models import Comment
from comments.services import comment_approve
from education.models import FAQ, ClinicProfile
from tests.comments.helpers import form_data, post_comment
from tests.factories import ArticleFactory, CommentFactory, FAQFactory, save_approved_edit

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_visit_is_answered_from_the_cache_without_the_database(
    client, demo_content, django_assert_num_queries
):
    first = client.get(reverse("education:faq"))
    with django_assert_num_queries(0):
        second = client.get(reverse("education:faq"))

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.django_db(transaction=True)
def test_an_edited_faq_is_visible_on_the_very_next_request(client, clinic):
    faq = FAQFactory(question="Does IMS hurt?")
    url = reverse("education:faq")
    assert "Does IMS hurt?" in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"

    with transaction.atomic():
        faq.question = "Will IMS be sore?"
        save_approved_edit(faq)

    html = client.get(url).content.decode()
    assert "Will IMS be sore?" in html
    assert "Does IMS hurt?" not in html


def test_a_change_to_the_clinic_profile_shows_at_once(client, clinic):
    assert "604-555-0100" in client.get("/").content.decode()

    profile = ClinicProfile.load()
    profile.phone = "604-555-0199"
    profile.save()

    assert "604-555-0199" in client.get("/").content.decode()


def test_pages_rendered_afresh_read_the_clinic_profile_again_only_after_a_change(
    admin_client, clinic
):
    admin_client.get("/")
    with CaptureQueriesContext(connection) as second_visit:
        admin_client.get("/")

    profile = ClinicProfile.load()
    profile.phone = "604-555-0199"
    profile.save()

    assert not [q for q in second_visit.captured_queries if "clinicprofile" in q["sql"]]
    assert "604-555-0199" in admin_client.get("/").content.decode()


def test_deleting_an_article_and_changing_its_links_clear_cached_pages(client, clinic):
    article = ArticleFactory(title="Needles and nerves", is_featured=True)
    other = ArticleFactory(title="Aftercare basics")
    assert "Needles and nerves" in client.get(reverse("education:article-list")).content.decode()

    before = client.get(other.get_absolute_url()).content.decode()
    other.related_articles.add(article)
    after = client.get(other.get_absolute_url()).content.decode()
    assert "Needles and nerves" not in before
    assert "Needles and nerves" in after

    article.delete()
    assert (
        "Needles and nerves" not in client.get(reverse("education:article-list")).content.decode()
    )


def test_logged_in_staff_always_get_a_freshly_rendered_page(admin_client, clinic):
    visitor = Client()
    faq = FAQFactory(question="Is it safe?")
    url = reverse("education:faq")
    visitor.get(url)
    # A change that skips save() and its signals leaves the anonymous copy stale...
    FAQ.objects.filter(pk=faq.pk).update(question="Who should not have IMS?")

    staff_page = admin_client.get(url)

    # ...but staff never see a stored copy.
    assert "Who should not have IMS?" in staff_page.content.decode()
    assert "X-Page-Cache" not in staff_page
    assert "private" in staff_page["Cache-Control"]
    assert "Is it safe?" in visitor.get(url).content.decode()


def test_the_browser_gets_304_while_the_page_has_not_changed(client, clinic):
    faq = FAQFactory(question="How long is a session?")
    url = reverse("education:faq")
    first = client.get(url)
    etag = first["ETag"]

    unchanged = client.get(url, headers={"If-None-Match": etag})
    faq.question = "How long does a visit take?"
    save_approved_edit(faq)
    changed = client.get(url, headers={"If-None-Match": etag})

    assert first["Cache-Control"] == "public, max-age=0, s-maxage=1"
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert changed.status_code == 200
    assert "How long does a visit take?" in changed.content.decode()


def test_staff_pages_also_answer_conditional_requests(admin_client, clinic):
    url = reverse("education:faq")
    etag = admin_client.get(url)["ETag"]

    assert admin_client.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_error_pages_and_the_admin_are_never_stored(client, clinic):
    client.get("/no-such-page/")
    assert client.get("/no-such-page/").status_code == 404
    assert "X-Page-Cache" not in client.get("/no-such-page/")
    assert "X-Page-Cache" not in client.get(reverse("admin:login"))


def test_each_address_and_query_is_a_separate_page(client, clinic):
    ArticleFactory.create_batch(14)
    first = client.get(reverse("education:article-list"))
    second = client.get(reverse("education:article-list") + "?page=2")

    assert first.content != second.content
    assert second["X-Page-Cache"] == "miss"


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, clinic):
    client.get("/")
    client.cookies["messages"] = "something"

    assert "X-Page-Cache" not in client.get("/")


def test_without_redis_the_workers_share_the_generation_through_a_file(
    client, clinic, settings, tmp_path
):
    settings.PAGE_CACHE_GENERATION_FILE = tmp_path / "db.sqlite3.page-generation"
    FAQFactory(question="Can I drive home?")
    url = reverse("education:faq")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    # Another worker saves a change: it rewrites the file this worker reads.
    settings.PAGE_CACHE_GENERATION_FILE.write_text("another-worker-1")

    assert client.get(url)["X-Page-Cache"] == "miss"
    assert settings.PAGE_CACHE_GENERATION_FILE.exists()


def test_a_scheduled_article_appears_at_its_publish_time_despite_the_cache(client, clinic):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        ArticleFactory(title="Out next week", published_at=start + datetime.timedelta(minutes=1))
        url = reverse("education:article-list")
        assert "Out next week" not in client.get(url).content.decode()
        assert client.get(url)["X-Page-Cache"] == "hit"

        clock.shift(datetime.timedelta(minutes=1, seconds=1))

        assert "Out next week" in client.get(url).content.decode()
        # Stored again once it is live: the cache works on as before.
        assert client.get(url)["X-Page-Cache"] == "hit"


@pytest.mark.django_db(transaction=True)
def test_an_approved_comment_is_visible_on_the_very_next_request(client, clinic, superuser):
    article = ArticleFactory(slug="soreness")
    post_comment(Client(), article, body="How long does the soreness last?")
    comment = Comment.objects.get()
    assert (
        "How long does the soreness last?"
        not in client.get(article.get_absolute_url()).content.decode()
    )
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"

    comment_approve(comment=comment, moderator=superuser)

    assert (
        "How long does the soreness last?"
        in client.get(article.get_absolute_url()).content.decode()
    )


def test_every_anonymous_visitor_gets_the_same_bytes_with_no_cookie(clinic):
    article = ArticleFactory(slug="two-visitors")
    CommentFactory(article=article, body="Was it sore?")
    first = Client().get(article.get_absolute_url())
    second = Client().get(article.get_absolute_url())

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert not first.cookies and not second.cookies
    html = first.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert 'name="form_token"' in html and 'name="form_token" value=' not in html
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=1"
    assert {"Accept-Encoding", "Cookie"} <= {v.strip() for v in first["Vary"].split(",")}


def test_a_visitor_of_a_cached_article_sends_the_form_with_a_fetched_token(clinic):
    article = ArticleFactory(slug="needle-feel")
    Client().get(article.get_absolute_url())  # someone else's visit fills the cache
    visitor = Client(enforce_csrf_checks=True)
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        page = visitor.get(article.get_absolute_url(), headers={"Accept-Encoding": "gzip"})
        html = gzip.decompress(page.content).decode()
        token_url = re.search(r'data-form-token-url="([^"]+)"', html).group(1)
        token = visitor.get(token_url).json()["form_token"]
        clock.shift(datetime.timedelta(seconds=20))  # the patient writes
        response = visitor.post(
            reverse("comments:post", kwargs={"slug": article.slug}),
            {**form_data(article), "form_token": token},
            HTTP_SEC_FETCH_SITE="same-origin",
        )

    assert page["X-Page-Cache"] == "hit"
    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_a_robot_that_fetches_a_token_and_posts_at_once_is_refused(clinic):
    article = ArticleFactory(slug="fresh-form")
    Client().get(article.get_absolute_url())
    robot = Client()
    token = robot.get(reverse("comments:form-token", kwargs={"slug": article.slug})).json()

    response = robot.post(
        reverse("comments:post", kwargs={"slug": article.slug}),
        {**form_data(article), **token},
    )

    assert response.status_code == 200  # refused as too quick, text kept
    assert "That was very quick" in response.content.decode()
    assert Comment.objects.count() == 0


def test_cached_pages_are_sent_compressed_to_browsers_that_accept_it(client, demo_content):
    url = reverse("education:faq")
    plain = client.get(url)
    with_brotli = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    with_gzip = client.get(url, headers={"Accept-Encoding": "gzip"})

    assert "Content-Encoding" not in plain
    assert with_brotli["Content-Encoding"] == "br"
    assert brotli.decompress(with_brotli.content) == plain.content
    assert with_gzip["Content-Encoding"] == "gzip"
    assert gzip.decompress(with_gzip.content) == plain.content
    assert len(with_brotli.content) < len(plain.content) / 3
    assert "Accept-Encoding" in with_brotli["Vary"]
    assert with_brotli["ETag"] != plain["ETag"] != with_gzip["ETag"]


@pytest.mark.django_db(transaction=True)
def test_comments_no_page_shows_leave_the_cached_pages_alone(client, clinic):
    article = ArticleFactory(slug="busy-day")
    faq_url = reverse("education:faq")
    client.get(faq_url)
    client.get(article.get_absolute_url())

    post_comment(Client(), article, body="Will I be sore tomorrow?")  # held for review
    post_comment(Client(), article, body="Cheap viagra, buy now")  # a blocked word: spam

    assert {c.status for c in Comment.objects.all()} == {"pending", "spam"}
    assert client.get(faq_url)["X-Page-Cache"] == "hit"
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"
    Comment.objects.filter(status="spam").get().delete()  # emptying the spam folder
    assert client.get(faq_url)["X-Page-Cache"] == "hit"


def test_a_page_that_used_a_csrf_token_is_never_stored():
    request = RequestFactory().get("/")
    page = HttpResponse("<p>same for everyone</p>")
    assert PageCacheMiddleware.may_store(request, page)

    get_token(request)  # a template rendered {% csrf_token %}

    assert not PageCacheMiddleware.may_store(request, page)


def test_the_self_check_form_is_stored_for_everyone_and_still_answers(client, demo_content):
    url = reverse("education:self-check")
    client.get(url)
    page = client.get(url)
    answer = Client(enforce_csrf_checks=True).post(url, {}, HTTP_SEC_FETCH_SITE="same-origin")

    assert page["X-Page-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in page.content.decode()
    assert answer.status_code == 200
    assert Client().post(url, {}, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403


def test_a_deploy_clears_pages_stored_by_the_old_code(client, clinic):
    url = reverse("education:faq")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    call_command("migrate", verbosity=0)  # part of every deploy

    assert client.get(url)["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("name", ["education:robots", "education:sitemap", "education:feed"])
def test_robots_the_sitemap_and_the_feed_are_kept_like_pages(
    client, clinic, django_assert_num_queries, name
):
    ArticleFactory(title="Needles and nerves")
    first = client.get(reverse(name))
    with django_assert_num_queries(0):
        second = client.get(reverse(name))

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "public" in second["Cache-Control"]
    assert "s-maxage=" in second["Cache-Control"]


@pytest.mark.parametrize("name", ["education:sitemap", "education:feed"])
def test_a_new_article_is_in_the_kept_sitemap_and_feed_at_once(client, clinic, name):
    ArticleFactory(title="Needles and nerves")
    first = client.get(reverse(name))
    assert client.get(reverse(name))["X-Page-Cache"] == "hit"  # kept, not rendered
    new = ArticleFactory(title="Sleep after a session")

    assert new.get_absolute_url() not in first.content.decode()
    assert new.get_absolute_url() in client.get(reverse(name)).content.decode()


def test_a_head_request_gets_the_stored_page_s_headers_without_the_database(
    client, demo_content, django_assert_num_queries
):
    page = client.get(reverse("education:faq"))
    with django_assert_num_queries(0):
        head = client.head(reverse("education:faq"))

    assert head.status_code == 200
    assert head["X-Page-Cache"] == "hit"
    assert head["ETag"] == page["ETag"]
    assert head["Cache-Control"] == page["Cache-Control"]
    assert head.content == b""
