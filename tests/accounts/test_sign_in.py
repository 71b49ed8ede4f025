"""Signing in to comment: off until the clinic sets up a provider, never in cached pages."""

import pytest
from allauth.socialaccount.models import SocialAccount, SocialApp
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from comments.models import Comment
from tests.comments.helpers import post_comment
from tests.factories import ArticleFactory, StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

OFFER = "to fill in your name and e-mail for you"


@pytest.fixture
def article(clinic):
    return ArticleFactory(title="What is IMS?", slug="what-is-ims")


@pytest.fixture
def google(db):
    return SocialApp.objects.create(
        provider="google", name="Google", client_id="clinic-client", secret="not-a-secret"
    )


@pytest.fixture
def patient(db):
    """A patient who signed in once through the clinic's OpenID Connect provider."""
    user = UserFactory(
        username="jamie", first_name="Jamie", last_name="Rivera", email="jamie@example.com"
    )
    user.set_unusable_password()
    user.save()
    SocialAccount.objects.create(
        user=user,
        provider="clinic-id",
        uid="42",
        extra_data={"name": "Jamie Rivera", "email": "jamie@example.com"},
    )
    return user


def test_no_sign_in_is_offered_until_the_clinic_sets_up_a_provider(client, article):
    assert OFFER not in client.get(article.get_absolute_url()).content.decode()

    SocialApp.objects.create(provider="google", name="Google", client_id="id", secret="s")

    html = client.get(article.get_absolute_url()).content.decode()
    assert "sign in with Google</a> " + OFFER in html
    # The offer is a plain link to the site's own sign-in page: no provider script or image.
    assert 'href="/accounts/login/?next=%2Farticles%2Fwhat-is-ims%2Fcomments%2F"' in html
    # For a signed-in visitor the page's script turns it into "Sign out", back to here.
    assert 'data-sign-out-url="/accounts/logout/?next=%2Farticles%2Fwhat-is-ims%2F"' in html


def test_removing_the_last_provider_removes_the_offer_at_once(client, article, google):
    assert OFFER in client.get(article.get_absolute_url()).content.decode()

    google.delete()

    assert OFFER not in client.get(article.get_absolute_url()).content.decode()


def test_an_article_page_offering_sign_in_is_still_cached_and_sets_no_cookie(
    client, article, google
):
    first = client.get(article.get_absolute_url())
    second = client.get(article.get_absolute_url())

    assert OFFER in first.content.decode()
    assert not first.cookies and not second.cookies
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content


def test_a_signed_in_patient_gets_a_private_page_and_anonymous_visitors_never_see_them(
    client, article, google, patient
):
    anonymous_before = client.get(article.get_absolute_url()).content

    client.force_login(patient)
    theirs = client.get(article.get_absolute_url())
    client.logout()
    anonymous_after = client.get(article.get_absolute_url())

    assert "X-Page-Cache" not in theirs
    assert "private" in theirs["Cache-Control"]
    # Not even the patient's own copy of the shared page names them: their
    # details reach the form only through the never-cached token answer.
    assert "jamie@example.com" not in theirs.content.decode()
    assert anonymous_after["X-Page-Cache"] == "hit"
    assert anonymous_after.content == anonymous_before
    assert "Jamie" not in anonymous_after.content.decode()


def test_the_form_token_answer_fills_in_a_signed_in_patients_name_and_email(
    client, article, patient
):
    url = reverse("comments:form-token", kwargs={"slug": article.slug})

    anonymous = client.get(url).json()
    client.force_login(patient)
    response = client.get(url)

    assert set(anonymous) == {"form_token"}
    assert response.json()["name"] == "Jamie Rivera"
    assert response.json()["email"] == "jamie@example.com"
    assert response["Cache-Control"] == "no-store, private"


def test_the_comment_form_page_is_filled_in_and_offers_to_sign_out(client, article, patient):
    client.force_login(patient)

    response = client.get(reverse("comments:post", kwargs={"slug": article.slug}))

    html = response.content.decode()
    assert 'value="Jamie Rivera"' in html
    assert 'value="jamie@example.com"' in html
    assert "You are signed in as Jamie Rivera (jamie@example.com)." in html
    assert f'action="{reverse("account_logout")}"' in html
    assert f'name="next" value="{article.get_absolute_url()}"' in html
    assert response["Cache-Control"] == "no-store, private"


def test_a_signed_in_patients_comment_still_waits_for_review(client, article, patient):
    client.force_login(patient)

    post_comment(client, article, name="Jamie Rivera", email="jamie@example.com")

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert (comment.name, comment.email) == ("Jamie Rivera", "jamie@example.com")


def test_signing_out_returns_to_the_article(client, article, patient):
    client.force_login(patient)

    response = client.post(reverse("account_logout"), {"next": article.get_absolute_url()})

    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert "_auth_user_id" not in client.session


def test_signing_out_needs_the_csrf_token(article, patient):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(patient)

    response = browser.post(reverse("account_logout"), {"next": article.get_absolute_url()})

    assert response.status_code == 403
    assert "_auth_user_id" in browser.session


def test_the_sign_in_page_lists_each_provider_as_a_button_with_a_csrf_token(
    client, article, google
):
    SocialApp.objects.create(
        provider="openid_connect",
        provider_id="clinic-id",
        name="Clinic ID",
        client_id="c",
        secret="s",
        settings={"server_url": "https://id.clinic.example/o"},
    )
    next_url = reverse("comments:post", kwargs={"slug": article.slug})

    response = client.get(reverse("account_login"), {"next": next_url})

    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Continue with Google" in html and "Continue with Clinic ID" in html
    assert html.count('name="csrfmiddlewaretoken"') == 2
    assert 'method="post" action="/accounts/google/login/?process=login&amp;next=' in html
    assert "tells us your name, your e-mail address and an account number" in html
    assert '<script src="http' not in html and "<img" not in html
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    # Its buttons may lead on to the providers' sign-in pages, and only there.
    policy = response["Content-Security-Policy"]
    form_action = next(part for part in policy.split(";") if "form-action" in part)
    assert form_action.split() == [
        "form-action",
        "'self'",
        "https://accounts.google.com",
        "https://id.clinic.example",
    ]


def test_other_pages_keep_forms_to_the_site_itself(client, article, google):
    policy = client.get(article.get_absolute_url())["Content-Security-Policy"]

    assert "form-action 'self';" in policy + ";"
    assert "accounts.google.com" not in policy


def test_the_sign_in_page_goes_back_only_to_pages_of_this_site(client, google):
    ours = client.get(reverse("account_login"), {"next": "/faq/"}).content.decode()
    theirs = client.get(reverse("account_login"), {"next": "https://evil.example/"})

    assert '<a href="/faq/">Go back without signing in</a>' in ours
    assert "Go back" not in theirs.content.decode()
    assert 'href="https://evil.example/"' not in theirs.content.decode()


def test_there_is_no_password_sign_in_or_sign_up_for_patients(client, patient):
    response = client.post(reverse("account_login"), {"login": "jamie", "password": "x"})

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    with pytest.raises(NoReverseMatch):
        reverse("account_signup")
    with pytest.raises(NoReverseMatch):
        reverse("account_reset_password")


def test_a_signed_in_patient_cannot_open_the_admin(client, patient):
    client.force_login(patient)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_still_sign_in_to_the_admin_with_their_password(client):
    StaffUserFactory(username="dana", password="a-long-staff-password")

    response = client.post(
        reverse("admin:login"),
        {"username": "dana", "password": "a-long-staff-password", "next": "/admin/"},
    )

    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_staff_add_a_provider_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("admin:socialaccount_socialapp_add"),
        {
            "provider": "openid_connect",
            "provider_id": "clinic-id",
            "name": "Clinic ID",
            "client_id": "clinic-site",
            "secret": "from-the-provider",
            "key": "",
            "settings": '{"server_url": "https://id.clinic.example/o"}',
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    app = SocialApp.objects.get()
    assert (app.provider, app.provider_id, app.name) == ("openid_connect", "clinic-id", "Clinic ID")


def test_linking_more_sign_in_services_to_an_account_is_not_offered(client, patient):
    client.force_login(patient)

    assert client.get("/accounts/3rdparty/").status_code == 404


def test_a_link_to_a_providers_sign_in_asks_first_and_starts_only_from_a_button(client, google):
    response = client.get("/accounts/google/login/", {"next": "/faq/"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '<button class="btn btn-primary" type="submit">Continue with Google</button>' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "https://accounts.google.com" in response["Content-Security-Policy"]
    assert "accounts.google.com" not in response.get("Location", "")


def test_each_big_provider_can_be_set_up_and_its_sign_in_page_allowed(client):
    for provider, name in [
        ("google", "Google"),
        ("facebook", "Facebook"),
        ("microsoft", "Microsoft"),
        ("apple", "Apple"),
    ]:
        SocialApp.objects.create(provider=provider, name=name, client_id="id", secret="s")

    response = client.get(reverse("account_login"))

    html = response.content.decode()
    for name in ["Google", "Facebook", "Microsoft", "Apple"]:
        assert f"Continue with {name}</button>" in html
    policy = response["Content-Security-Policy"]
    for origin in [
        "https://accounts.google.com",
        "https://www.facebook.com",
        "https://login.microsoftonline.com",
        "https://appleid.apple.com",
    ]:
        assert origin in policy


def test_starting_a_sign_in_needs_the_csrf_token(google):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)

    refused = browser.post("/accounts/google/login/?process=login")
    page = browser.get("/accounts/google/login/")
    token = page.cookies[settings.CSRF_COOKIE_NAME].value
    started = browser.post("/accounts/google/login/?process=login", {"csrfmiddlewaretoken": token})

    assert refused.status_code == 403
    assert started.status_code == 302
    assert started["Location"].startswith("https://accounts.google.com/")
