"""Akismet, optional and off by default, against a real local server that speaks its API.

The server below answers the way Akismet's REST API does (``/1.1/comment-check``
says "true" or "false", or "invalid" for a wrong key; the submit endpoints thank
you), and can be told to hang or be shut down, so the timeouts and failures are
real network behaviour, not stand-ins.
"""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from comments.models import Comment
from tests.comments.helpers import post_comment
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

KEY = "test-akismet-key"
QUESTION = "Can I go for a swim the day after dry needling?"


class AkismetHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        server = self.server
        server.requests.append((self.path, form))
        if server.hang:
            server.release.wait(5)  # longer than the site waits
        if form.get("api_key") != KEY:
            answer = "invalid"
        elif self.path == "/1.1/verify-key":
            answer = "valid"
        elif self.path == "/1.1/comment-check":
            answer = "true" if form.get("comment_author") == "akismet-guaranteed-spam" else "false"
        elif self.path in {"/1.1/submit-spam", "/1.1/submit-ham"}:
            answer = "Thanks for making the web a better place."
        else:
            self.send_error(404)
            return
        body = answer.encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the site gave up waiting

    def log_message(self, *args):
        pass


@pytest.fixture
def akismet_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), AkismetHandler)
    server.daemon_threads = True
    server.requests, server.hang, server.release = [], False, threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def akismet_on(settings, akismet_server, comment_settings):
    settings.AKISMET_API_KEY = KEY
    settings.AKISMET_API_URL = akismet_server.url
    settings.AKISMET_TIMEOUT = 0.5
    settings.COMMENTS_SITE_URL = "https://clinic.example"
    comment_settings.akismet_on = True
    comment_settings.save()
    return akismet_server


@pytest.fixture
def moderator(db):
    user = StaffUserFactory(email="moderator@example.com", username="mod")
    user.groups.add(Group.objects.get(name="Comment moderator"))
    return user


def post(client, article, capture, **fields):
    with capture(execute=True):
        response = post_comment(client, article, ip="203.0.113.9", **fields)
    assert response.status_code == 302
    return Comment.objects.latest("pk")


def test_akismet_is_off_until_staff_turn_it_on(
    client, article, settings, akismet_server, moderator, django_capture_on_commit_callbacks
):
    settings.AKISMET_API_KEY = KEY
    settings.AKISMET_API_URL = akismet_server.url
    comment = post(client, article, django_capture_on_commit_callbacks, body=QUESTION)
    assert comment.status == Comment.Status.PENDING
    assert akismet_server.requests == []
    assert len(mail.outbox) == 1


def test_akismet_needs_a_key_from_the_server_settings(
    client, article, akismet_server, comment_settings, django_capture_on_commit_callbacks
):
    comment_settings.akismet_on = True
    comment_settings.save()
    post(client, article, django_capture_on_commit_callbacks, body=QUESTION)
    assert akismet_server.requests == []


def test_spam_found_by_akismet_goes_to_the_spam_folder_and_no_moderator_is_bothered(
    client, article, akismet_on, moderator, django_capture_on_commit_callbacks
):
    comment = post(
        client,
        article,
        django_capture_on_commit_callbacks,
        name="akismet-guaranteed-spam",
        body=QUESTION,
    )
    assert comment.status == Comment.Status.SPAM
    assert comment.reasons == ["Akismet: spam"]
    assert mail.outbox == []
    [(path, form)] = akismet_on.requests
    assert path == "/1.1/comment-check"
    assert form["comment_content"] == QUESTION
    assert form["user_ip"] == "203.0.113.9"
    assert form["blog"] == "https://clinic.example"
    assert form["permalink"] == "https://clinic.example" + article.get_absolute_url()


def test_comment_akismet_calls_genuine_stays_in_review_and_moderators_are_told(
    client, article, akismet_on, moderator, django_capture_on_commit_callbacks
):
    comment = post(client, article, django_capture_on_commit_callbacks, body=QUESTION)
    assert comment.status == Comment.Status.PENDING
    assert len(akismet_on.requests) == 1
    [notice] = mail.outbox
    assert QUESTION in notice.body


def test_akismet_that_hangs_is_given_up_on_and_the_comment_stays_in_review(
    client, article, akismet_on, moderator, caplog, django_capture_on_commit_callbacks
):
    akismet_on.hang = True
    started = time.monotonic()
    comment = post(client, article, django_capture_on_commit_callbacks, body=QUESTION)
    assert time.monotonic() - started < 3
    assert comment.status == Comment.Status.PENDING
    assert "Akismet timed out" in caplog.text
    assert len(mail.outbox) == 1  # the moderators still hear about it


def test_akismet_that_is_down_loses_no_comment(
    client, article, akismet_on, moderator, caplog, django_capture_on_commit_callbacks
):
    akismet_on.shutdown()
    akismet_on.server_close()
    comment = post(client, article, django_capture_on_commit_callbacks, body=QUESTION)
    assert comment.status == Comment.Status.PENDING
    assert "Akismet could not check" in caplog.text
    assert len(mail.outbox) == 1


def test_a_wrong_key_leaves_the_comment_in_review(
    client, article, akismet_on, settings, moderator, django_capture_on_commit_callbacks
):
    settings.AKISMET_API_KEY = "wrong"
    comment = post(
        client,
        article,
        django_capture_on_commit_callbacks,
        name="akismet-guaranteed-spam",
        body=QUESTION,
    )
    assert comment.status == Comment.Status.PENDING
    assert len(mail.outbox) == 1


def test_moderators_spam_and_not_spam_decisions_are_sent_back_to_akismet(
    client, article, akismet_on, moderator, django_capture_on_commit_callbacks
):
    comment = post(client, article, django_capture_on_commit_callbacks, body=QUESTION)
    client.force_login(moderator)
    changelist = reverse("admin:comments_comment_changelist") + "?status=all"
    for action in ["mark_spam", "mark_not_spam"]:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(changelist, {"action": action, "_selected_action": [comment.pk]})
    paths = [path for path, _ in akismet_on.requests]
    assert paths == ["/1.1/comment-check", "/1.1/submit-spam", "/1.1/submit-ham"]
    assert akismet_on.requests[1][1]["comment_content"] == QUESTION


def test_privacy_notice_names_akismet_only_while_it_is_used(
    client, article, akismet_on, comment_settings
):
    assert "checked by Akismet" in client.get(article.get_absolute_url()).content.decode()
    comment_settings.akismet_on = False
    comment_settings.save()
    assert "checked by Akismet" not in client.get(article.get_absolute_url()).content.decode()
