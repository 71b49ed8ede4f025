"""What a patient sent and the site could not take: plain answers, their words kept,
nothing else echoed, nothing logged at ERROR. (A database refusing writes is in
test_faults.py and test_database_busy.py, for real.)"""

import logging
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from comments import services
from comments.models import Comment
from tests.clinic_site.helpers import page_forms, rescue_form, send_again
from tests.comments.helpers import form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXT = "My shoulder <still> aches & clicks two days after IMS. Should I call?"


@pytest.fixture
def article(clinic):
    return ArticleFactory(slug="shoulder-pain")


@pytest.fixture
def url(article):
    return reverse("comments:post", kwargs={"slug": article.slug})


def errors_logged(caplog):
    return [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_a_body_over_the_limit_says_what_happened_and_what_to_do(client, url, settings, caplog):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 20_000

    response = client.post(url, {"body": "x" * 30_000, "name": "Jamie"})

    assert response.status_code == 413
    page = response.content.decode()
    assert "what you sent was too large" in page
    assert "at most 19.5 KB" in page
    assert "Back button" in page
    assert rescue_form(page) is None
    assert not errors_logged(caplog)
    assert Comment.objects.count() == 0


def test_too_many_fields_keep_the_patients_words_and_echo_none_of_the_rest(
    client, article, url, settings, caplog
):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    data = form_data(article, body=TEXT)
    data.update({f"junk{n}": f"junk-value-{n}" for n in range(100)})

    # Browsers send this form urlencoded (it has no file field).
    response = client.post(url, urlencode(data), content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
    page = response.content.decode()
    assert "far more parts than it has" in page
    form = rescue_form(page)
    assert form["fields"]["body"] == TEXT
    assert form["fields"]["name"] == "Jamie Rivera"
    assert "junk-value" not in page
    assert not errors_logged(caplog)
    # Sending again from that page stores the comment.
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
    assert client.post(form["action"], send_again(form)).status_code == 302
    assert list(Comment.objects.values_list("body", flat=True)) == [TEXT]


def test_the_comment_form_needs_no_csrf_cookie_so_a_missing_one_loses_nothing(article, url, caplog):
    # The comment form sits on pages every visitor shares, so it is checked by
    # origin (clinic_site.cross_origin), not by a CSRF cookie that can expire.
    browser = Client(enforce_csrf_checks=True)
    data = form_data(article, body=TEXT, subject="")

    response = browser.post(url, data, HTTP_SEC_FETCH_SITE="same-origin")

    assert response.status_code == 302
    assert "csrftoken" not in response.cookies
    assert list(Comment.objects.values_list("body", flat=True)) == [TEXT]
    assert not errors_logged(caplog)


def test_a_csrf_failure_on_the_sign_in_page_shows_no_field_back(staff_user):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(
        reverse("admin:login"), {"username": staff_user.username, "password": "Secret-Pa55word"}
    )

    assert response.status_code == 403
    page = response.content.decode()
    assert "Secret-Pa55word" not in page
    assert staff_user.username not in page
    assert not [form for form in page_forms(page) if form["fields"]]


def test_a_server_error_report_never_carries_what_the_patient_wrote(
    article, url, settings, monkeypatch
):
    settings.ADMINS = [("Admin", "admin@example.com")]

    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(services, "comment_submit", broken)
    browser = Client(raise_request_exception=False)

    response = browser.post(url, form_data(article, body=TEXT, email="private@example.com"))

    assert response.status_code == 500
    assert len(mail.outbox) == 1
    report = mail.outbox[0].body
    assert "a bug" in report
    assert "clicks two days" not in report
    assert "private@example.com" not in report
