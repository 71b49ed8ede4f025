"""What is kept about commenters, for how long, and how they get it back or erased."""

import datetime
import json
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from comments.models import Comment, CommenterLock
from comments.services import hash_ip
from tests.comments.helpers import post_comment
from tests.factories import ArticleFactory, CommentFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


def test_network_address_is_stored_only_as_a_salted_hash(client, article):
    post_comment(client, article, ip="203.0.113.9", user_agent="Mozilla/5.0 (Pixel 8)")
    comment = Comment.objects.get()
    assert comment.ip_hash == hash_ip("203.0.113.9")
    assert len(comment.ip_hash) == 64
    assert comment.user_agent == "Mozilla/5.0 (Pixel 8)"
    stored = json.dumps(list(Comment.objects.values()), default=str)
    stored += json.dumps(list(CommenterLock.objects.values()), default=str)
    assert "203.0.113.9" not in stored


def test_the_hash_depends_on_the_secret_salt():
    with override_settings(COMMENTS_IP_SALT="first-long-random-salt"):
        first = hash_ip("203.0.113.9")
    with override_settings(COMMENTS_IP_SALT="second-long-random-salt"):
        second = hash_ip("203.0.113.9")
    assert first != second


def test_purge_removes_network_details_and_old_rejected_comments_with_a_frozen_clock(
    article, comment_settings
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        kept = CommentFactory(article=article, ip_hash="a" * 64, user_agent="Phone")
        rejected = CommentFactory(article=article, status="rejected", ip_hash="b" * 64)
        spam = CommentFactory(article=article, status="spam")
        CommenterLock.objects.create(key="ip:abc")
    with time_machine.travel(start + datetime.timedelta(days=29), tick=False):
        fresh = CommentFactory(article=article, status="spam", ip_hash="c" * 64, user_agent="PC")
        call_command("purge_comment_data", stdout=StringIO())
        kept.refresh_from_db()
        assert kept.ip_hash == "a" * 64  # not yet 30 days old
        assert Comment.objects.filter(pk=rejected.pk).exists()
    with time_machine.travel(start + datetime.timedelta(days=31), tick=False):
        out = StringIO()
        call_command("purge_comment_data", stdout=out)
    kept.refresh_from_db()
    fresh.refresh_from_db()
    assert (kept.ip_hash, kept.user_agent) == ("", "")
    assert kept.status == Comment.Status.APPROVED
    assert not Comment.objects.filter(pk__in=[rejected.pk, spam.pk]).exists()
    assert (fresh.ip_hash, fresh.user_agent) == ("c" * 64, "PC")  # only 2 days old
    assert not CommenterLock.objects.exists()
    assert "deleted 2 rejected or spam comments" in out.getvalue()


def test_purge_follows_the_staff_settings(article, comment_settings):
    comment_settings.keep_network_data_days = 7
    comment_settings.save()
    old = CommentFactory(
        article=article,
        ip_hash="a" * 64,
        created_at=timezone.now() - datetime.timedelta(days=8),
    )
    call_command("purge_comment_data", stdout=StringIO())
    old.refresh_from_db()
    assert old.ip_hash == ""


def test_export_command_prints_every_comment_by_an_email_address(article):
    CommentFactory(article=article, email="pat@example.com", body="Mine", ip_hash="f" * 64)
    CommentFactory(article=article, email="other@example.com", body="Not mine")
    out = StringIO()
    call_command("export_comments", "PAT@example.com", stdout=out)
    data = json.loads(out.getvalue())
    assert [c["comment"] for c in data["comments"]] == ["Mine"]
    assert data["comments"][0]["article"] == article.title
    assert data["comments"][0]["network_address_hash"] == "f" * 64


def test_erase_command_deletes_every_comment_by_an_email_address(article):
    staff = StaffUserFactory(username="manager")
    theirs = CommentFactory(article=article, email="pat@example.com")
    CommentFactory(article=article, parent=theirs, is_staff_reply=True, email="")
    CommentFactory(article=ArticleFactory(), email="pat@example.com")
    other = CommentFactory(article=article, email="other@example.com")
    out = StringIO()
    call_command("erase_comments", "pat@example.com", "--no-input", "--by=manager", stdout=out)
    assert list(Comment.objects.all()) == [other]
    assert "Erased 2 comments" in out.getvalue()
    from django.contrib.admin.models import LogEntry

    assert LogEntry.objects.filter(user=staff, change_message__contains="Erased 2").exists()


def test_erase_command_asks_before_deleting(article, monkeypatch):
    CommentFactory(article=article, email="pat@example.com")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(Exception, match="Nothing erased"):
        call_command("erase_comments", "pat@example.com", stdout=StringIO())
    assert Comment.objects.count() == 1


def test_an_empty_address_never_matches_the_clinic_replies(article):
    question = CommentFactory(article=article, email="pat@example.com")
    CommentFactory(article=article, parent=question, is_staff_reply=True, email="")
    out = StringIO()
    call_command("export_comments", " ", stdout=out)
    assert json.loads(out.getvalue())["comments"] == []
    call_command("erase_comments", "", "--no-input", stdout=StringIO())
    assert Comment.objects.count() == 2


def test_comments_keep_no_revision_history_so_redacted_text_is_gone():
    import reversion

    # A revision of a comment would keep the health details a moderator removed.
    assert not reversion.is_registered(Comment)
