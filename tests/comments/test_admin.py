"""Moderating comments in the admin."""

import datetime
import json

import pytest
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from comments.services import pending_count
from tests.factories import ArticleFactory, CommentFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:comments_comment_changelist"


@pytest.fixture
def moderator(db):
    user = StaffUserFactory(username="mod", first_name="Dana", last_name="Moderator")
    user.groups.add(Group.objects.get(name="Comment moderator"))
    return user


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def run_action(client, action, comments, query="", **extra):
    data = {"action": action, "_selected_action": [c.pk for c in comments], **extra}
    return client.post(reverse(CHANGELIST) + query, data)


def test_queue_lists_pending_comments_first_with_reasons_and_age(moderator_client, article):
    # The approved comment is the older one, so date order alone would list it first.
    CommentFactory(
        article=article,
        body="Already approved",
        created_at=timezone.now() - datetime.timedelta(days=2),
    )
    CommentFactory(
        article=article,
        status="pending",
        body="Please call me on 604-555-0199",
        reasons=["Looks like it contains a phone number"],
        created_at=timezone.now() - datetime.timedelta(hours=3),
    )
    html = moderator_client.get(reverse(CHANGELIST)).content.decode()
    assert html.index("Please call me") < html.index("Already approved")
    assert "Looks like it contains a phone number" in html
    assert "3\xa0hours ago" in html
    assert article.title in html


def test_spam_is_kept_out_of_the_main_view_but_can_be_found(moderator_client, article):
    CommentFactory(article=article, status="spam", body="Cheap pills")
    CommentFactory(article=article, status="pending", body="A real question")
    main = moderator_client.get(reverse(CHANGELIST)).content.decode()
    assert "A real question" in main and "Cheap pills" not in main
    spam = moderator_client.get(reverse(CHANGELIST), {"status": "spam"}).content.decode()
    assert "Cheap pills" in spam and "A real question" not in spam


def test_queue_filters_by_article_and_searches_name_email_and_text(moderator_client, article):
    other = ArticleFactory(title="Aftercare tips")
    CommentFactory(article=article, name="Alex", email="alex@example.com", body="About needles")
    CommentFactory(article=other, name="Blake", body="About soreness")
    url = reverse(CHANGELIST)
    by_article = moderator_client.get(url, {"article__id__exact": other.pk}).content.decode()
    assert "About soreness" in by_article and "About needles" not in by_article
    for term in ("Alex", "alex@example.com", "needles"):
        found = moderator_client.get(url, {"q": term}).content.decode()
        assert "About needles" in found and "About soreness" not in found, term


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("approve", Comment.Status.APPROVED),
        ("reject", Comment.Status.REJECTED),
        ("mark_spam", Comment.Status.SPAM),
    ],
)
def test_bulk_actions_change_status_and_are_logged_with_the_moderator(
    moderator_client, moderator, article, action, status
):
    comments = CommentFactory.create_batch(3, article=article, status="pending")
    response = run_action(moderator_client, action, comments)
    assert response.status_code == 302
    assert set(Comment.objects.values_list("status", flat=True)) == {status}
    entries = LogEntry.objects.filter(user=moderator, action_flag=CHANGE)
    assert entries.count() == 3
    assert {entry.object_id for entry in entries} == {str(c.pk) for c in comments}


def test_not_spam_sends_comments_back_to_review(moderator_client, article):
    comment = CommentFactory(article=article, status="spam")
    run_action(moderator_client, "mark_not_spam", [comment], query="?status=spam")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_approved_comment_appears_on_the_article_at_once(moderator_client, client, article):
    comment = CommentFactory(article=article, status="pending", body="Now you see me")
    from django.test import Client

    public = Client()
    assert "Now you see me" not in public.get(article.get_absolute_url()).content.decode()
    run_action(moderator_client, "approve", [comment])
    assert "Now you see me" in public.get(article.get_absolute_url()).content.decode()


def test_delete_goes_through_the_service_and_is_logged(moderator_client, moderator, article):
    comments = CommentFactory.create_batch(2, article=article, status="pending")
    response = run_action(moderator_client, "delete_selected", comments, post="yes")
    assert response.status_code == 302
    assert Comment.objects.count() == 0
    assert LogEntry.objects.filter(user=moderator, action_flag=DELETION).count() == 2


def test_moderator_replies_as_the_clinic_from_the_admin(moderator_client, client, article):
    question = CommentFactory(article=article, status="pending", body="Will it hurt?")
    url = reverse("admin:comments_comment_change", args=[question.pk])
    data = {
        "status": "pending",
        "name": question.name,
        "website": "",
        "body": question.body,
        "clinic_reply": "Most people feel a short cramp, then it eases.",
    }
    response = moderator_client.post(url, data)
    assert response.status_code == 302
    reply = Comment.objects.get(parent=question)
    assert reply.is_staff_reply and reply.status == Comment.Status.APPROVED
    assert reply.name == "Dana Moderator"
    question.refresh_from_db()
    assert question.status == Comment.Status.APPROVED
    moderator_client.logout()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Most people feel a short cramp" in html and "Clinic team" in html


def test_redacting_a_comment_is_logged_without_the_old_text(moderator_client, moderator, article):
    comment = CommentFactory(
        article=article, status="pending", body="My PHN is 9123 456 789, is IMS covered?"
    )
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    data = {
        "status": "approved",
        "name": comment.name,
        "website": "",
        "body": "My PHN is [removed], is IMS covered?",
        "clinic_reply": "",
    }
    assert moderator_client.post(url, data).status_code == 302
    comment.refresh_from_db()
    assert comment.body == "My PHN is [removed], is IMS covered?"
    assert comment.edited_by == moderator and comment.edited_at is not None
    assert comment.status == Comment.Status.APPROVED
    messages = list(
        LogEntry.objects.filter(object_id=str(comment.pk)).values_list("change_message", flat=True)
    )
    assert any("Edited by a moderator" in message for message in messages)
    assert not any("9123" in message for message in messages)
    history_url = reverse("admin:comments_comment_history", args=[comment.pk])
    history = moderator_client.get(history_url).content.decode()
    assert "Edited by a moderator" in history


def test_admin_index_shows_how_many_comments_wait(moderator_client, article):
    CommentFactory.create_batch(3, article=article, status="pending")
    CommentFactory(article=article, status="approved")
    html = moderator_client.get(reverse("admin:index")).content.decode()
    assert 'id="comments-waiting"' in html
    assert "<strong>3</strong> comments" in html
    assert pending_count() == 3


def test_staff_without_comment_rights_see_no_waiting_figure(client, article):
    client.force_login(StaffUserFactory())
    html = client.get(reverse("admin:index")).content.decode()
    assert 'id="comments-waiting"' not in html


def test_comment_moderator_group_can_moderate_and_nothing_else(moderator_client, article):
    comment = CommentFactory(article=article, status="pending")
    assert moderator_client.get(reverse(CHANGELIST)).status_code == 200
    change = reverse("admin:comments_comment_change", args=[comment.pk])
    assert moderator_client.get(change).status_code == 200
    settings_url = reverse("admin:comments_commentsettings_changelist")
    assert moderator_client.get(settings_url, follow=True).status_code == 200
    forbidden = [
        reverse("admin:education_article_change", args=[article.pk]),
        reverse("admin:education_article_add"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_group_changelist"),
    ]
    for url in forbidden:
        assert moderator_client.get(url).status_code == 403, url


def test_comment_settings_are_edited_by_staff(moderator_client):
    url = reverse("admin:comments_commentsettings_change", args=[1])
    response = moderator_client.get(reverse("admin:comments_commentsettings_changelist"))
    assert response.status_code == 302 and response.url == url
    page = moderator_client.get(url).content.decode()
    assert "viagra" in page  # the safe default block list


def test_export_action_downloads_every_comment_by_the_selected_addresses(moderator_client, article):
    mine = CommentFactory(article=article, email="pat@example.com", body="First")
    CommentFactory(article=ArticleFactory(), email="pat@example.com", body="Second")
    CommentFactory(article=article, email="someone@example.com", body="Not theirs")
    response = run_action(moderator_client, "export_by_email", [mine])
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    [request] = data["requests"]
    assert request["email"] == "pat@example.com"
    assert sorted(c["comment"] for c in request["comments"]) == ["First", "Second"]


def test_erase_action_asks_first_then_deletes_every_comment_by_the_address(
    moderator_client, moderator, article
):
    mine = CommentFactory(article=article, email="pat@example.com", name="Pat Private")
    CommentFactory(article=ArticleFactory(), email="pat@example.com")
    kept = CommentFactory(article=article, email="someone@example.com")
    run_action(moderator_client, "approve", [mine])
    confirm = run_action(moderator_client, "erase_by_email", [mine])
    assert confirm.status_code == 200
    assert "pat@example.com: 2 comments" in confirm.content.decode()
    assert Comment.objects.count() == 3
    done = run_action(moderator_client, "erase_by_email", [mine], confirm="yes")
    assert done.status_code == 302
    assert list(Comment.objects.all()) == [kept]
    assert LogEntry.objects.filter(change_message__contains="Erased 2 comments").exists()
    assert not LogEntry.objects.filter(object_repr__contains="Pat Private").exists()


def test_comments_cannot_be_added_from_the_admin(admin_client):
    assert admin_client.get(reverse("admin:comments_comment_add")).status_code == 403


def test_moderators_get_a_reply_as_the_clinic_link_on_the_article_page(
    moderator_client, client, article
):
    comment = CommentFactory(article=article)
    link = reverse("admin:comments_comment_change", args=[comment.pk])
    assert f'href="{link}"' in moderator_client.get(article.get_absolute_url()).content.decode()
    moderator_client.logout()
    assert link not in client.get(article.get_absolute_url()).content.decode()


def test_reply_under_a_rejected_comment_is_refused_with_a_message(moderator_client, article):
    comment = CommentFactory(article=article, status="rejected")
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    data = {
        "status": "rejected",
        "name": comment.name,
        "website": "",
        "body": comment.body,
        "clinic_reply": "Thanks for asking.",
    }
    response = moderator_client.post(url, data)
    assert response.status_code == 200
    assert "Replies appear only under approved comments" in response.content.decode()
    assert not Comment.objects.filter(parent=comment).exists()


def test_settings_refuse_limits_that_would_refuse_every_comment(moderator_client):
    url = reverse("admin:comments_commentsettings_change", args=[1])
    moderator_client.get(reverse("admin:comments_commentsettings_changelist"))
    form = moderator_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(min_seconds_to_submit=600, max_form_age_minutes=5)
    response = moderator_client.post(url, data)
    assert response.status_code == 200
    assert "shorter than the time after which the form expires" in response.content.decode()
