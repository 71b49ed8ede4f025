"""Sessions read through Redis still end on the site's own clock."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached_sessions(settings):
    settings.SESSION_ENGINE = "clinic_site.sessions"


def test_staff_stay_signed_in_while_the_session_lasts(cached_sessions, admin_client):
    assert admin_client.get(reverse("admin:index")).status_code == 200
    assert admin_client.get(reverse("admin:index")).status_code == 200


def test_a_session_from_the_cache_ends_after_the_session_age(
    cached_sessions, admin_client, settings
):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        admin_client.get(reverse("admin:index"))  # read once, so the cache holds it
        clock.shift(datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 1))

        response = admin_client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
