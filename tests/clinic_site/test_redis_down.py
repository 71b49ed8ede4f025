"""Redis is a cache, not the system of record: without it the site is slower, never down.

Each test points the site at a real closed port, or at a real redis-server of its
own that it stops and starts, through the same django-redis settings production uses.
"""

import socket
import subprocess
import time
import urllib.request

import pytest
from django.urls import reverse

from clinic_site.page_cache import generation
from clinic_site.settings.base import redis_cache
from comments.models import Comment
from tests.comments.helpers import post_comment
from tests.factories import ArticleFactory, FAQFactory, save_approved_edit
from tests.servers import RedisServer, gunicorn, prepare_site, production_env

pytestmark = pytest.mark.django_db


def closed_port():
    """A port nothing listens on: bound, then closed again."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def use_redis(settings, url):
    settings.CACHES = {"default": redis_cache(url, "redis-down-test")}
    generation.forget()


@pytest.fixture
def redis_down(settings):
    use_redis(settings, f"redis://127.0.0.1:{closed_port()}/0")


@pytest.fixture
def redis_server(settings):
    server = RedisServer().start()
    use_redis(settings, server.url)
    yield server
    server.stop()
    generation.forget()


def test_pages_are_rendered_without_the_cache_when_redis_is_unreachable(client, clinic, redis_down):
    FAQFactory(question="Can I exercise after IMS?")
    started = time.monotonic()
    pages = [client.get(reverse("education:faq")) for _ in range(3)]

    assert [page.status_code for page in pages] == [200, 200, 200]
    assert all(page["X-Page-Cache"] == "off" for page in pages)
    assert "Can I exercise after IMS?" in pages[-1].content.decode()
    # Still the same page for everyone: proxies may keep it.
    assert "public" in pages[-1]["Cache-Control"]
    assert time.monotonic() - started < 3  # no waiting on Redis for each request


def test_a_comment_is_accepted_when_redis_is_unreachable(client, clinic, redis_down):
    article = ArticleFactory()
    response = post_comment(client, article, body="Is it normal to feel tired after?")

    assert response.status_code == 302
    assert Comment.objects.get().body == "Is it normal to feel tired after?"
    # The flood limit lives in the database, so it still holds.
    again = post_comment(client, article, ip="10.9.9.9", email=Comment.objects.get().email)
    assert again.status_code == 429


def test_staff_stay_signed_in_when_redis_goes_away(client, clinic, superuser, redis_server):
    client.force_login(superuser)
    assert client.get(reverse("admin:index")).status_code == 200

    redis_server.stop()

    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("education:faq")).status_code == 200


def test_the_page_cache_recovers_when_redis_returns(client, clinic, settings):
    server = RedisServer()
    use_redis(settings, server.url)
    url = reverse("education:faq")
    assert client.get(url)["X-Page-Cache"] == "off"

    server.start()
    try:
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    finally:
        server.stop()
    assert client.get(url)["X-Page-Cache"] == "off"


def test_a_change_made_while_redis_did_not_answer_still_reaches_the_pages(
    client, clinic, redis_server
):
    faq = FAQFactory(question="How many sessions will I need?")
    url = reverse("education:faq")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    # Redis stops answering (every command waits) but keeps the stored pages.
    pause = subprocess.run(
        ["redis-cli", "-p", str(redis_server.port), "CLIENT", "PAUSE", "2500", "ALL"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert pause.stdout.strip() == "OK"
    paused_until = time.monotonic() + 2.5
    faq.question = "How many visits will I need?"
    save_approved_edit(faq)  # the new generation cannot be written now
    time.sleep(max(0, paused_until - time.monotonic()) + 0.2)

    page = client.get(url)
    assert "How many visits will I need?" in page.content.decode()
    assert page["X-Page-Cache"] == "miss"


def test_the_production_server_starts_and_serves_with_redis_unreachable(tmp_path):
    env = production_env(tmp_path, REDIS_URL=f"redis://127.0.0.1:{closed_port()}/0")
    # migrate and the demo content, run here with Redis unreachable: what `make serve` runs first
    prepare_site(env, fresh=True)

    with gunicorn(env, workers=1) as url, urllib.request.urlopen(url + "/", timeout=10) as page:
        assert page.status == 200
        assert page.headers["X-Page-Cache"] == "off"
