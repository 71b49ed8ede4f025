"""The health check tells a load balancer the truth: database writes, disk room, Redis.

The database refusing writes for real (an immutable file, a full disk, a
read-only PostgreSQL) is in tests/clinic_site/test_faults.py, against gunicorn.
"""

import socket
import threading

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError, connection
from django.urls import reverse

from clinic_site.models import Heartbeat

pytestmark = pytest.mark.django_db(transaction=True)


def lines(response):
    return response.content.decode().splitlines()


def test_health_check_answers_200_ok_when_the_database_takes_a_write(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert lines(response)[0] == "ok"
    assert "database: ok (reads and writes)" in lines(response)
    assert any(line.startswith("disk: ok (") for line in lines(response))


def test_health_check_rewrites_one_row_and_does_not_grow_the_database(client):
    for _ in range(20):
        assert client.get(reverse("healthz")).status_code == 200

    assert Heartbeat.objects.count() == 1


def test_health_check_sets_no_cookie_and_is_never_cached(client):
    response = client.get(reverse("healthz"))

    assert not response.cookies
    assert "Set-Cookie" not in response
    assert "no-store" in response["Cache-Control"]
    assert not Session.objects.exists()


def test_health_check_answers_503_when_the_database_does_not(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert lines(response)[0] == "down"
    assert any(line.startswith("database: down (does not answer") for line in lines(response))


def test_health_check_answers_503_when_the_disk_is_almost_full(client, settings):
    settings.HEALTHZ_MIN_FREE_BYTES = 10**18  # more than any disk has free

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert any(line.startswith("disk: down (almost full:") for line in lines(response))


def test_health_check_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get(reverse("healthz")).status_code == 200
    assert client.get(reverse("education:home")).status_code == 301


def redis_at(settings, port):
    settings.REDIS_URL = f"redis://127.0.0.1:{port}/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }


def test_redis_on_a_closed_port_is_degraded_and_the_server_stays_in_rotation(client, settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    redis_at(settings, closed_port)

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert lines(response)[0] == "degraded"
    assert "database: ok (reads and writes)" in lines(response)
    # Refused at once, or (on a busy machine) not in time: degraded either way.
    assert any(line.startswith("cache: degraded (Redis") for line in lines(response)), lines(
        response
    )


def test_redis_that_accepts_but_never_answers_is_degraded_without_waiting_for_it(client, settings):
    # A Redis that hangs (accepts connections, never replies) must not hang the check.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    accepted = []
    threading.Thread(target=lambda: accepted.append(silent.accept()), daemon=True).start()
    redis_at(settings, silent.getsockname()[1])
    settings.HEALTHZ_CACHE_TIMEOUT = 0.3
    try:
        response = client.get(reverse("healthz"))
    finally:
        silent.close()

    assert response.status_code == 200
    assert any(
        line.startswith("cache: degraded (Redis did not answer in time") for line in lines(response)
    )


def test_a_working_redis_is_reported_ok(client, settings):
    if not settings.REDIS_URL:
        pytest.skip("this run has no Redis (REDIS_URL unset); the PostgreSQL + Redis leg runs it")
    response = client.get(reverse("healthz"))

    assert "cache: ok (Redis answers)" in lines(response)
