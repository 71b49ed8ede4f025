"""Moderators hear about waiting comments, and a broken mail server loses nothing."""

import smtplib
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command

from comments.models import Comment, CommentSettings
from tests.comments.helpers import post_comment
from tests.factories import CommentFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def moderator(db):
    user = StaffUserFactory(email="moderator@example.com")
    user.groups.add(Group.objects.get(name="Comment moderator"))
    return user


def test_held_comment_emails_moderators_only_after_the_transaction_commits(
    client, article, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_comment(client, article, email="patient@example.com", body="Will it hurt?")
    assert Comment.objects.count() == 1
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    [message] = mail.outbox
    assert message.to == ["moderator@example.com"]
    assert article.title in message.subject
    assert "Will it hurt?" in message.body
    assert "First comment from this e-mail address" in message.body
    comment = Comment.objects.get()
    assert f"/admin/comments/comment/{comment.pk}/change/" in message.body
    assert "patient@example.com" not in message.body


def test_a_broken_mail_server_loses_no_comment_and_is_logged(
    client, article, moderator, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.comments.test_notifications.BrokenMailServer"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, article, body="Sent while the mail server is down")
    assert response.status_code == 302
    assert Comment.objects.get().body == "Sent while the mail server is down"
    # The worker's task failed, said so, and tried again up to the limit.
    assert "Could not send the e-mail “A comment waits for review" in caplog.text
    assert f"(try {settings.TASK_EMAIL_ATTEMPTS} of {settings.TASK_EMAIL_ATTEMPTS})" in caplog.text


def test_notices_go_to_the_addresses_staff_list(
    client, article, moderator, comment_settings, django_capture_on_commit_callbacks
):
    comment_settings.notify_emails = "desk@example.com\nphysio@example.com"
    comment_settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article)
    assert mail.outbox[0].to == ["desk@example.com", "physio@example.com"]


def test_no_notice_for_spam_or_when_staff_prefer_the_daily_summary(
    client, article, moderator, comment_settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article, body="Cheap viagra here")
    assert Comment.objects.get().status == Comment.Status.SPAM
    comment_settings.notify = CommentSettings.Notify.DIGEST
    comment_settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article, body="A real question")
    assert mail.outbox == []


def test_daily_digest_lists_every_waiting_comment_in_one_email(
    article, moderator, comment_settings, django_capture_on_commit_callbacks
):
    comment_settings.notify = CommentSettings.Notify.DIGEST
    comment_settings.save()
    CommentFactory(article=article, status="pending", body="First waiting")
    CommentFactory(article=article, status="pending", body="Second waiting")
    CommentFactory(article=article, status="approved", body="Already public")
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_moderation_digest", "--site-url=https://clinic.example", stdout=out)
    [message] = mail.outbox
    assert message.subject == "2 comments waiting for review"
    assert "First waiting" in message.body and "Second waiting" in message.body
    assert "Already public" not in message.body
    assert "https://clinic.example/admin/comments/comment/?status=pending" in message.body
    assert "Sent a summary of 2 waiting comments." in out.getvalue()


def test_digest_sends_nothing_when_nothing_waits_or_when_staff_chose_each_comment(
    article, moderator, comment_settings, django_capture_on_commit_callbacks
):
    comment_settings.notify = CommentSettings.Notify.DIGEST
    comment_settings.save()
    call_command("send_moderation_digest", stdout=StringIO())
    assert mail.outbox == []
    comment_settings.notify = CommentSettings.Notify.EACH
    comment_settings.save()
    CommentFactory(article=article, status="pending")
    call_command("send_moderation_digest", stdout=StringIO())
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_moderation_digest", "--force", stdout=StringIO())
    assert len(mail.outbox) == 1
