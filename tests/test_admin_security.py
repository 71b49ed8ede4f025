"""The staff login: lock-out after repeated failures, sessions that end, the admin's
address, and long passwords."""

import datetime
import importlib
import os
import subprocess
import sys

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import clear_url_caches, reverse
from django.utils import timezone

from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
HOME_IP = "203.0.113.10"
OTHER_IP = "198.51.100.7"


@pytest.fixture
def staff(db):
    return StaffUserFactory(username="front-desk")


@pytest.fixture(autouse=True)
def login_protection_on():
    with override_settings(AXES_ENABLED=True):
        yield


def sign_in(client, password, ip=HOME_IP, **headers):
    return client.post(
        reverse("admin:login"),
        {"username": "front-desk", "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=ip,
        **headers,
    )


def fail_until_locked(client, **headers):
    responses = [
        sign_in(client, "wrong-password", **headers)
        for _ in range(settings.AXES_ADDRESS_FAILURE_LIMIT)
    ]
    assert all(response.status_code == 200 for response in responses[:-1])
    return responses[-1]


def test_wrong_passwords_lock_the_account_from_that_address(client, staff):
    locked = fail_until_locked(client)
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    assert "30 minutes" in locked.content.decode()
    # Even the right password is refused while the lock lasts.
    assert sign_in(client, PASSWORD).status_code == 429


def test_lock_is_per_username_and_address(client, staff):
    fail_until_locked(client)
    response = sign_in(client, PASSWORD, ip=OTHER_IP)
    assert response.status_code == 302
    assert response.url == reverse("admin:index")


def test_many_addresses_together_get_only_the_account_limit_of_guesses(client, staff):
    account_limit = settings.AXES_ACCOUNT_FAILURE_LIMIT
    assert account_limit > settings.AXES_ADDRESS_FAILURE_LIMIT
    # An attacker spreads wrong passwords over many addresses, a few from each.
    answers = [
        sign_in(client, "wrong-password", ip=f"192.0.2.{number // 2 + 1}").status_code
        for number in range(account_limit)
    ]

    assert answers[:-1] == [200] * (account_limit - 1)
    assert answers[-1] == 429
    # The account is now paused everywhere, even for the right password at home.
    paused = sign_in(client, PASSWORD)
    assert paused.status_code == 429
    page = paused.content.decode()
    assert f"There were {account_limit} wrong passwords for this account, from different" in page
    assert "Axes › Access attempts" in page


def test_the_lock_out_page_explains_both_limits_to_staff(client, staff):
    page = fail_until_locked(client).content.decode()

    assert "from this computer" in page
    assert (
        f"{settings.AXES_ACCOUNT_FAILURE_LIMIT} wrong passwords for one account from anywhere"
        in page
    )


def test_a_forged_forwarded_for_header_does_not_escape_the_lock(client, staff):
    fail_until_locked(client)
    response = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR=OTHER_IP)
    assert response.status_code == 429


def test_forged_headers_cannot_spread_failures_over_many_addresses(client, staff):
    for number in range(settings.AXES_ADDRESS_FAILURE_LIMIT):
        sign_in(client, "wrong-password", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    assert sign_in(client, PASSWORD).status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_the_address_the_proxy_saw_counts(client, staff):
    # The proxy appends the address it saw; whatever the client wrote before is ignored.
    forged_then_real = {"HTTP_X_FORWARDED_FOR": f"10.9.9.9, {HOME_IP}"}
    for _ in range(settings.AXES_ADDRESS_FAILURE_LIMIT):
        sign_in(client, "wrong-password", ip="127.0.0.1", **forged_then_real)
    assert (
        sign_in(client, PASSWORD, ip="127.0.0.1", HTTP_X_FORWARDED_FOR=HOME_IP).status_code == 429
    )
    other = {"HTTP_X_FORWARDED_FOR": f"10.9.9.9, {OTHER_IP}"}
    assert sign_in(client, PASSWORD, ip="127.0.0.1", **other).status_code == 302


def test_lock_is_released_after_the_cool_off(client, staff):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        fail_until_locked(client)
        clock.shift(settings.AXES_COOLOFF_TIME - datetime.timedelta(minutes=1))
        assert sign_in(client, PASSWORD).status_code == 429
        clock.shift(datetime.timedelta(minutes=1, seconds=1))
        response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("admin:index")


def test_a_successful_sign_in_clears_earlier_failures(client, staff):
    for _ in range(settings.AXES_ADDRESS_FAILURE_LIMIT - 1):
        sign_in(client, "wrong-password")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_ADDRESS_FAILURE_LIMIT - 1):
        sign_in(client, "wrong-password")
    assert sign_in(client, PASSWORD).status_code == 302


def test_staff_session_ends_after_the_session_age(client, staff):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        assert sign_in(client, PASSWORD).status_code == 302
        assert client.get(reverse("admin:index")).status_code == 200
        clock.shift(datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 1))
        response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_session_cookie_ends_with_the_browser(client, staff):
    response = sign_in(client, PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == ""
    assert cookie["max-age"] == ""


def test_passwords_shorter_than_twelve_characters_are_refused():
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("Kx7#mQ2!vL9")
    validate_password("Kx7#mQ2!vL9@")


def reload_urls():
    import clinic_site.urls

    importlib.reload(clinic_site.urls)
    clear_url_caches()


@pytest.fixture
def admin_moved():
    with override_settings(ADMIN_URL="clinic-staff/"):
        reload_urls()
        yield
    reload_urls()


def test_admin_answers_at_the_configured_path(client, admin_moved):
    assert client.get("/clinic-staff/login/").status_code == 200
    assert client.get("/admin/login/").status_code == 404


@pytest.mark.parametrize(
    ("value", "expected"), [(None, "admin/"), ("/clinic-staff", "clinic-staff/"), ("", "admin/")]
)
def test_admin_url_is_read_from_the_environment(value, expected):
    env = {key: val for key, val in os.environ.items() if key != "ADMIN_URL"}
    if value is not None:
        env["ADMIN_URL"] = value
    env["DJANGO_SETTINGS_MODULE"] = "clinic_site.settings.test"
    code = "from django.conf import settings; print(settings.ADMIN_URL)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == expected
