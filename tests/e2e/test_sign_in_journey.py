"""A patient signs in with a real OpenID Connect provider, comments and signs out.

The provider is django-oauth-toolkit in a small Django project of its own
(tests/identity_provider), run as a separate server on a free port, with an RSA
key made for this run. The clinic site knows it only as staff would set it up:
a Social application (OpenID Connect) with its address, client id and secret.
"""

import os
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.request import urlopen

import pytest
from allauth.socialaccount.models import SocialAccount, SocialApp
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse

from comments.models import Comment, CommentSettings
from education.models import Article
from tests.e2e.conftest import describe_violations, run_axe
from tests.factories import StaffUserFactory
from tests.servers import free_port, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PROVIDER_ID = "clinic-id"


@dataclass
class IdentityProvider:
    url: str
    client_id: str
    client_secret: str
    username: str
    password: str

    def wait_until_ready(self):
        discovery = self.url + "/o/.well-known/openid-configuration"
        wait_for(lambda: urlopen(discovery, timeout=2), seconds=120, what="identity provider")


@pytest.fixture(scope="module")
def identity_provider(live_server, tmp_path_factory):
    """The OpenID Connect provider, with one person (Jamie Rivera) and the clinic
    site registered as its client, returning to this run's live server."""
    work = tmp_path_factory.mktemp("identity-provider")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key_file = work / "oidc-key.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    provider = IdentityProvider(
        url=f"http://127.0.0.1:{free_port()}",
        client_id="clinic-website",
        client_secret=secrets.token_urlsafe(32),
        username="jamie.rivera",
        password=secrets.token_urlsafe(16),
    )
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "DJANGO_SETTINGS_MODULE": "tests.identity_provider.settings",
        "IDP_DATABASE": str(work / "idp.sqlite3"),
        "IDP_RSA_KEY_FILE": str(key_file),
        "IDP_SECRET_KEY": secrets.token_urlsafe(40),
        "IDP_USERNAME": provider.username,
        "IDP_PASSWORD": provider.password,
        "IDP_FIRST_NAME": "Jamie",
        "IDP_LAST_NAME": "Rivera",
        "IDP_EMAIL": "jamie.rivera@example.com",
        "IDP_CLIENT_ID": provider.client_id,
        "IDP_CLIENT_SECRET": provider.client_secret,
        "IDP_REDIRECT_URI": f"{live_server.url}/accounts/oidc/{PROVIDER_ID}/login/callback/",
    }
    log = open(work / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "--workers",
            "1",
            "--timeout",
            "120",
            "--bind",
            provider.url.removeprefix("http://"),
            "tests.identity_provider.wsgi",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        # It makes its tables while the site's test data is loaded; clinic_id waits.
        yield provider
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture
def clinic_id(live_server, identity_provider):
    """The provider as clinic staff set it up in the admin."""
    identity_provider.wait_until_ready()
    return SocialApp.objects.create(
        provider="openid_connect",
        provider_id=PROVIDER_ID,
        name="Clinic ID",
        client_id=identity_provider.client_id,
        secret=identity_provider.client_secret,
        settings={"server_url": identity_provider.url + "/o"},
    )


@pytest.fixture
def article(site):
    # A browser fills the form faster than a person: no minimum time in this test.
    CommentSettings(min_seconds_to_submit=0).save()
    return Article.objects.published().order_by("order", "pk").first()


def sign_in_at_provider(page, identity_provider):
    page.get_by_label("Username").fill(identity_provider.username)
    page.get_by_label("Password").fill(identity_provider.password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Authorize").click()


def check_accessibility(page):
    assert not (violations := run_axe(page)), describe_violations(violations)


def session_cookies(page):
    return [c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME]


def test_patient_signs_in_with_the_provider_comments_and_signs_out(
    site, clinic_id, identity_provider, article, open_page, screenshot_dir
):
    # Another visit fills the page cache: the page offering sign-in is shared.
    with urlopen(site.url + article.get_absolute_url()):  # noqa: S310
        pass
    page, problems = open_page("mobile")
    answer = page.goto(site.url + article.get_absolute_url())
    assert answer.headers["x-page-cache"] == "hit"
    assert "set-cookie" not in answer.headers
    page.locator("#comments").scroll_into_view_if_needed()
    check_accessibility(page)

    page.get_by_role("link", name="sign in with Clinic ID").click()
    page.get_by_role("heading", name="Sign in to comment").wait_for()
    check_accessibility(page)
    page.screenshot(path=str(screenshot_dir / "sign-in-1-choose-phone.png"), full_page=True)
    page.get_by_role("button", name="Continue with Clinic ID").click()

    # The provider's own pages, on its own address.
    page.get_by_role("heading", name="Sign in to Clinic ID").wait_for()
    assert page.url.startswith(identity_provider.url)
    sign_in_at_provider(page, identity_provider)

    # Back on the clinic's comment form, filled in with what the provider shared.
    page.get_by_text("You are signed in as Jamie Rivera (jamie.rivera@example.com).").wait_for()
    assert page.url.startswith(site.url + reverse("comments:post", kwargs={"slug": article.slug}))
    assert page.locator("#id_name").input_value() == "Jamie Rivera"
    assert page.locator("#id_email").input_value() == "jamie.rivera@example.com"
    check_accessibility(page)
    page.screenshot(path=str(screenshot_dir / "sign-in-2-form-phone.png"), full_page=True)
    page.locator("#id_body").fill("Can I exercise the day after IMS?")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Post comment").click()
    page.get_by_text("will appear after a staff member reviews it").wait_for()

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert (comment.name, comment.email) == ("Jamie Rivera", "jamie.rivera@example.com")
    patient = get_user_model().objects.get(email="jamie.rivera@example.com")
    assert not (patient.is_staff or patient.is_superuser or patient.has_usable_password())
    account = SocialAccount.objects.get(user=patient)
    assert account.provider == PROVIDER_ID
    # The provider also sent a picture and a locale: only the name and e-mail are kept.
    assert account.extra_data == {"name": "Jamie Rivera", "email": "jamie.rivera@example.com"}

    # The sign-out page asks first; staying signed in goes back to the article.
    page.goto(site.url + reverse("account_logout") + "?next=" + article.get_absolute_url())
    page.get_by_text("You are signed in as Jamie Rivera.").wait_for()
    check_accessibility(page)
    page.get_by_role("link", name="Stay signed in and go back").click()

    # On the shared article page the form fills itself in from the token answer,
    # and the offer to sign in becomes a way to sign out.
    page.wait_for_url(site.url + article.get_absolute_url())
    assert page.locator("#id_name").input_value() == ""
    page.locator("#id_body").focus()
    page.get_by_text("You are signed in as Jamie Rivera.").wait_for()
    assert page.locator("#id_name").input_value() == "Jamie Rivera"
    assert page.locator("#id_email").input_value() == "jamie.rivera@example.com"
    page.locator("#comments").get_by_role("link", name="Sign out").click()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_text("You have signed out.").wait_for()
    assert page.url.split("#")[0] == site.url + article.get_absolute_url()
    assert not session_cookies(page)
    page.screenshot(path=str(screenshot_dir / "sign-in-3-signed-out-phone.png"), full_page=True)
    assert page.locator("#id_name").input_value() == ""
    assert not problems.items, problems.items


def test_a_provider_can_never_sign_in_to_a_staff_account(
    live_server, clinic, clinic_id, identity_provider, open_page
):
    # Someone linked the provider's account of this person to a staff member.
    staff = StaffUserFactory(username="dana")
    SocialAccount.objects.create(user=staff, provider=PROVIDER_ID, uid="1")
    page, _ = open_page("desktop")
    page.goto(live_server.url + reverse("account_login"))
    page.get_by_role("button", name="Continue with Clinic ID").click()
    sign_in_at_provider(page, identity_provider)

    page.get_by_role("heading", name="This sign-in is not possible").wait_for()
    page.get_by_text("Staff accounts cannot be used with a sign-in service").wait_for()
    assert all(SESSION_KEY not in SessionStore(c["value"]).load() for c in session_cookies(page))
    page.goto(live_server.url + reverse("admin:index"))
    assert page.url.startswith(live_server.url + reverse("admin:login"))
