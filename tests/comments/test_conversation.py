"""Comments that become a conversation: patients hear back, visitors report, staff
reply on the page, and an answer becomes a draft FAQ entry."""

import datetime
import re
import smtplib

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments import services
from comments.models import Comment, Report, Subscription
from education.models import FAQ, Reviewer
from tests.comments.helpers import post_comment
from tests.factories import CommentFactory, StaffUserFactory, save_approved_edit

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:comments_comment_changelist"


@pytest.fixture(autouse=True)
def site_address(settings):
    """E-mails sent outside a request (a task, a command) link to this address."""
    settings.COMMENTS_SITE_URL = "https://ims.example.com"


@pytest.fixture
def moderator(db):
    user = StaffUserFactory(
        username="mod", first_name="Dana", last_name="Lee", email="dana@clinic.example"
    )
    user.groups.add(Group.objects.get(name="Comment moderator"))
    return user


@pytest.fixture
def moderator_client(moderator):
    client = Client()
    client.force_login(moderator)
    return client


def link(pattern, text):
    found = re.search(pattern, text)
    assert found, f"no link like {pattern!r} in:\n{text}"
    return found.group(0)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def subscribe(client, article, email, django_capture_on_commit_callbacks, **fields):
    """A patient comments with "E-mail me when the clinic replies" ticked and
    confirms from the e-mail. Returns their comment."""
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article, email=email, notify_replies="on", **fields)
    comment = Comment.objects.get(email=email)
    [confirmation] = [m for m in mail.outbox if m.to == [email]]
    confirm = path_of(link(r"https?://\S+/comments/notices/confirm/\S+/", confirmation.body))
    assert client.post(confirm).status_code == 200
    mail.outbox.clear()
    return comment


# --- Hearing back ----------------------------------------------------------------------


def test_the_notice_box_is_there_and_off_by_default(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    box = re.search(r'<input[^>]*name="notify_replies"[^>]*>', html).group(0)
    assert 'type="checkbox"' in box
    assert "checked" not in box
    assert "E-mail me when the clinic replies" in html
    assert "E-mail me when my comment is approved or not" in html
    # The privacy notice says what is kept for the e-mails and how to stop them.
    assert "until you unsubscribe" in html


def test_an_unticked_box_asks_for_nothing_and_sends_the_patient_nothing(
    client, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article, email="pat@example.com")
    assert Subscription.objects.count() == 0
    assert not [m for m in mail.outbox if "pat@example.com" in m.to]


def test_ticking_the_box_sends_a_confirmation_that_reveals_no_unpublished_text(
    client, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(
            client,
            article,
            email="pat@example.com",
            body="My private worry about my shoulder",
            notify_replies="on",
        )
    subscription = Subscription.objects.get()
    assert not subscription.is_confirmed
    [confirmation] = [m for m in mail.outbox if m.to == ["pat@example.com"]]
    assert "Please confirm" in confirmation.subject
    assert "My private worry" not in confirmation.body
    assert article.title in confirmation.body
    confirm = path_of(link(r"https?://\S+/comments/notices/confirm/\S+/", confirmation.body))

    # Opening the link (a mail scanner does) only shows a button.
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Yes, e-mail me" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    subscription.refresh_from_db()
    assert not subscription.is_confirmed

    assert Client(enforce_csrf_checks=True).post(confirm).status_code == 200
    subscription.refresh_from_db()
    assert subscription.is_confirmed


def test_a_changed_or_old_confirmation_link_does_nothing(
    client, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article, email="pat@example.com", notify_replies="on")
    comment = Comment.objects.get()
    token = services.confirm_token(comment)
    forged = reverse("comments:subscription-confirm", args=[token[:-2] + "xx"])
    assert client.post(forged).status_code == 404
    assert "does not work any more" in client.get(forged).content.decode()
    assert not Subscription.objects.get().is_confirmed


def test_only_a_confirmed_subscriber_hears_of_a_clinic_reply(
    client, article, moderator, django_capture_on_commit_callbacks
):
    confirmed = subscribe(client, article, "sam@example.com", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(
            client, article, email="lee@example.com", body="Another question", notify_replies="on"
        )
    unconfirmed = Comment.objects.get(email="lee@example.com")
    assert not unconfirmed.subscriptions.get().is_confirmed
    services.comments_approve(comments=[confirmed, unconfirmed], moderator=moderator)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_reply(parent=unconfirmed, moderator=moderator, body="Yes.")
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        reply = services.comment_reply(
            parent=confirmed, moderator=moderator, body="It usually passes in a day."
        )
    [notice] = mail.outbox
    assert notice.to == ["sam@example.com"]
    assert f"#comment-{reply.pk}" in notice.body
    assert "lee@example.com" not in notice.body + notice.subject
    unsubscribe = notice.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(r"<https?://\S+/comments/notices/stop/\S+/>", unsubscribe)
    assert notice.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in notice.body


def test_one_click_unsubscribe_works_from_a_mail_program_without_cookies(
    client, article, moderator, django_capture_on_commit_callbacks
):
    comment = subscribe(client, article, "sam@example.com", django_capture_on_commit_callbacks)
    services.comments_approve(comments=[comment], moderator=moderator)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_reply(parent=comment, moderator=moderator, body="First answer.")
    [notice] = mail.outbox
    url = path_of(notice.extra_headers["List-Unsubscribe"].strip("<>"))

    # RFC 8058: the mail program POSTs this body, with no cookie and no CSRF token.
    mail_program = Client(enforce_csrf_checks=True)
    answer = mail_program.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert answer.status_code == 200
    assert not answer.cookies
    assert Subscription.objects.count() == 0

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_reply(parent=comment, moderator=moderator, body="Second answer.")
    assert mail.outbox == []
    # The link keeps answering kindly, and is never kept by a cache.
    page = mail_program.get(url)
    assert "no more e-mails" in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_a_patient_who_asked_hears_whether_their_comment_was_approved_or_not(
    client, article, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(
            client, article, email="a@example.com", body="A question", notify_decision="on"
        )
        post_comment(
            client,
            article,
            email="b@example.com",
            body="Here is my full history",
            notify_decision="on",
        )
    for subscription in Subscription.objects.all():
        client.post(path_of(services_confirm_url(subscription.comment)))
    mail.outbox.clear()
    approved = Comment.objects.get(email="a@example.com")
    rejected = Comment.objects.get(email="b@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        services.comments_approve(comments=[approved], moderator=moderator)
        services.comments_reject(comments=[rejected], moderator=moderator)
    to_a = [m for m in mail.outbox if m.to == ["a@example.com"]]
    to_b = [m for m in mail.outbox if m.to == ["b@example.com"]]
    assert len(to_a) == len(to_b) == 1
    assert "is on the page" in to_a[0].subject
    assert f"#comment-{approved.pk}" in to_a[0].body
    assert "not published" in to_b[0].subject
    assert "full history" not in to_b[0].body
    assert to_b[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # One notice each: the decision subscription ends with it.
    assert not Subscription.objects.filter(kind=Subscription.Kind.DECISION).exists()


def services_confirm_url(comment):
    return reverse("comments:subscription-confirm", args=[services.confirm_token(comment)])


def test_subscriptions_are_exported_erased_and_unconfirmed_ones_purged(
    client, article, django_capture_on_commit_callbacks
):
    subscribe(client, article, "sam@example.com", django_capture_on_commit_callbacks)
    exported = services.comments_export(email="sam@example.com")
    [notice] = exported["email_notices"]
    assert notice["notice"] == "When the clinic replies"
    assert notice["confirmed"]

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(
            client, article, email="old@example.com", body="Old question", notify_replies="on"
        )
    assert Subscription.objects.filter(email="old@example.com").update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    result = services.comment_data_purge()
    assert result["unconfirmed_subscriptions"] == 1
    assert Subscription.objects.filter(email="sam@example.com").exists()

    services.comments_erase(email="sam@example.com")
    assert Subscription.objects.count() == 0


# --- Reporting -------------------------------------------------------------------------


def report(comment, *, ip, reason="abusive", client=None):
    client = client or Client()
    url = reverse("comments:report", kwargs={"pk": comment.pk})
    page = client.get(url)
    token = re.search(r'name="report_token" value="([^"]+)"', page.content.decode()).group(1)
    return client.post(url, {"reason": reason, "report_token": token}, REMOTE_ADDR=ip)


def test_every_public_comment_has_report_and_the_cached_page_stays_the_same_for_all(
    client, article
):
    comment = CommentFactory(article=article, body="Try this miracle cure")
    first = Client().get(article.get_absolute_url())
    second = Client().get(article.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert not second.cookies
    html = second.content.decode()
    assert reverse("comments:report", kwargs={"pk": comment.pk}) in html
    assert "csrfmiddlewaretoken" not in html
    assert "report_token" not in html  # the token lives on the never-cached report page

    page = client.get(reverse("comments:report", kwargs={"pk": comment.pk}))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert not page.cookies  # no session, no CSRF cookie: its posts are checked by origin
    html = page.content.decode()
    for reason in ["Spam", "Personal health details", "Abusive", "Wrong medical advice", "Else"]:
        assert reason.lower() in html.lower()
    assert "scrambled network address with your report for 30 days" in html


def test_enough_reports_from_different_addresses_hide_a_comment_until_a_moderator_decides(
    article, comment_settings, moderator_client
):
    comment_settings.report_threshold = 3
    comment_settings.save()
    comment = CommentFactory(article=article, body="Stop your medicine, IMS is enough")
    assert report(comment, ip="10.1.0.1").status_code == 302
    assert report(comment, ip="10.1.0.1", reason="advice").status_code == 302  # same person
    assert report(comment, ip="10.1.0.2", reason="advice").status_code == 302
    comment.refresh_from_db()
    assert comment.is_public
    assert "Stop your medicine" in Client().get(article.get_absolute_url()).content.decode()

    report(comment, ip="10.1.0.3", reason="advice")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert "Reported by 3 visitors" in comment.reasons[-1]
    assert "Stop your medicine" not in Client().get(article.get_absolute_url()).content.decode()

    # The moderator sees it first, with the count and reasons.
    CommentFactory(article=article, status="pending", body="A newer question")
    queue = moderator_client.get(reverse(CHANGELIST)).content.decode()
    assert queue.index("Stop your medicine") < queue.index("A newer question")
    assert "3: abusive or disrespectful, wrong medical advice" in queue


def test_moderators_are_told_when_reports_hide_a_comment(
    article, comment_settings, moderator, django_capture_on_commit_callbacks
):
    comment_settings.report_threshold = 2
    comment_settings.save()
    comment = CommentFactory(article=article, email="pat@example.com", body="Buy my pills")
    with django_capture_on_commit_callbacks(execute=True):
        report(comment, ip="10.5.0.1", reason="spam")
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        report(comment, ip="10.5.0.2", reason="spam")
    [notice] = mail.outbox
    assert notice.to == ["dana@clinic.example"]
    assert "Reported by 2 visitors: spam or advertising (2)" in notice.body
    assert "pat@example.com" not in notice.body
    assert f"/admin/comments/comment/{comment.pk}/change/" in notice.body


def test_dismissing_reports_puts_the_comment_back_and_is_logged(
    article, comment_settings, moderator, moderator_client
):
    comment_settings.report_threshold = 1
    comment_settings.save()
    comment = CommentFactory(article=article, body="IMS helped my back a lot")
    report(comment, ip="10.2.0.1", reason="spam")
    comment.refresh_from_db()
    assert not comment.is_public

    moderator_client.post(
        reverse(CHANGELIST), {"action": "dismiss_reports", "_selected_action": [comment.pk]}
    )
    comment.refresh_from_db()
    assert comment.is_public
    assert Report.objects.get().outcome == Report.Outcome.DISMISSED
    assert LogEntry.objects.filter(
        user=moderator,
        action_flag=CHANGE,
        object_id=str(comment.pk),
        change_message="Dismissed 1 report",
    ).exists()
    # A dismissed report no longer counts.
    report(comment, ip="10.2.0.2", reason="spam")
    comment.refresh_from_db()
    assert not comment.is_public  # threshold 1: one new report is enough again


def test_reports_are_rate_limited_per_network_address(article):
    comments = CommentFactory.create_batch(services.REPORTS_PER_HOUR + 1, article=article)
    for comment in comments[:-1]:
        assert report(comment, ip="10.3.0.1").status_code == 302
    refused = report(comments[-1], ip="10.3.0.1")
    assert refused.status_code == 429
    assert "Many reports came from your network" in refused.content.decode()
    assert Report.objects.count() == services.REPORTS_PER_HOUR


def test_a_report_without_a_valid_token_is_refused_and_keeps_the_choice(client, article):
    comment = CommentFactory(article=article)
    url = reverse("comments:report", kwargs={"pk": comment.pk})
    answer = client.post(url, {"reason": "spam", "report_token": "forged"}, REMOTE_ADDR="10.4.0.1")
    assert answer.status_code == 400
    html = answer.content.decode()
    assert "This form has expired" in html
    assert re.search(r'value="spam"[^>]*checked|checked[^>]*value="spam"', html)
    assert Report.objects.count() == 0


def test_a_report_from_another_site_is_refused(client, article):
    comment = CommentFactory(article=article)
    url = reverse("comments:report", kwargs={"pk": comment.pk})
    token = services.make_report_token(comment.pk)
    answer = client.post(
        url, {"reason": "spam", "report_token": token}, HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert answer.status_code == 403
    assert Report.objects.count() == 0


# --- Staff replies on the page -----------------------------------------------------------


def test_staff_reply_on_the_page_appears_at_once_signed_as_they_choose(
    article, moderator, moderator_client
):
    Reviewer.objects.create(
        name="Dana Lee", slug="dana-lee", credentials="Registered Physiotherapist", user=moderator
    )
    question = CommentFactory(article=article, body="How long does soreness last?")
    page = moderator_client.get(article.get_absolute_url())
    html = page.content.decode()
    assert f'action="{reverse("comments:staff-reply", args=[question.pk])}"' in html
    assert "Dana Lee, Registered Physiotherapist" in html

    url = reverse("comments:staff-reply", args=[question.pk])
    answer = moderator_client.post(url, {"body": "A day or two.", "signature": "team"})
    reply = Comment.objects.get(is_staff_reply=True)
    assert answer.status_code == 302
    assert answer["Location"].endswith(f"#comment-{reply.pk}")
    assert (reply.name, reply.credentials, reply.parent) == ("Clinic team", "", question)
    moderator_client.post(url, {"body": "Ice may help.", "signature": "name"})
    signed = Comment.objects.get(body="Ice may help.")
    assert (signed.name, signed.credentials) == ("Dana Lee", "Registered Physiotherapist")

    public = Client().get(article.get_absolute_url()).content.decode()
    assert "A day or two." in public and "Ice may help." in public
    assert "Registered Physiotherapist" in public


def test_an_empty_staff_reply_says_so_and_stores_nothing(article, moderator_client):
    question = CommentFactory(article=article)
    answer = moderator_client.post(
        reverse("comments:staff-reply", args=[question.pk]), {"body": "  ", "signature": "team"}
    )
    assert answer.status_code == 200
    assert "Please write the reply." in answer.content.decode()
    assert not Comment.objects.filter(is_staff_reply=True).exists()


def test_only_signed_in_staff_with_comment_rights_can_reply_and_csrf_is_checked(article, moderator):
    question = CommentFactory(article=article)
    url = reverse("comments:staff-reply", args=[question.pk])
    assert Client().post(url, {"body": "Hi", "signature": "team"}).status_code == 302  # login
    other = Client()
    other.force_login(StaffUserFactory(username="editor"))
    assert other.post(url, {"body": "Hi", "signature": "team"}).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(moderator)
    assert strict.post(url, {"body": "Hi", "signature": "team"}).status_code == 403
    assert not Comment.objects.filter(is_staff_reply=True).exists()


def test_the_staff_page_is_never_cached_and_anonymous_pages_never_get_staff_forms(
    article, moderator_client
):
    question = CommentFactory(article=article)
    reply_url = reverse("comments:staff-reply", args=[question.pk])
    for _ in range(2):
        staff_page = moderator_client.get(article.get_absolute_url())
        assert "X-Page-Cache" not in staff_page
        assert "private" in staff_page["Cache-Control"]
        assert reply_url in staff_page.content.decode()
    for _ in range(2):
        anonymous = Client().get(article.get_absolute_url())
        html = anonymous.content.decode()
        assert reply_url not in html
        assert "csrfmiddlewaretoken" not in html
        assert not anonymous.cookies
    assert anonymous["X-Page-Cache"] == "hit"


def test_a_moderator_thread_is_not_kept_in_the_fragment_cache(article, moderator):
    """The moderator's thread holds a CSRF token, which is new after they sign in again:
    a thread kept from before would hold a token that no longer works."""
    question = CommentFactory(article=article)
    staff = Client(enforce_csrf_checks=True)
    staff.force_login(moderator)
    staff.get(article.get_absolute_url())
    staff.logout()
    staff.force_login(moderator)
    html = staff.get(article.get_absolute_url()).content.decode()
    form = html[html.index(f'action="{reverse("comments:staff-reply", args=[question.pk])}"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    answer = staff.post(
        reverse("comments:staff-reply", args=[question.pk]),
        {"body": "It usually passes.", "signature": "team", "csrfmiddlewaretoken": token},
    )
    assert answer.status_code == 302
    assert Comment.objects.filter(is_staff_reply=True, body="It usually passes.").exists()


# --- Answers become FAQ entries ------------------------------------------------------------


@pytest.fixture
def manager_client(db):
    user = StaffUserFactory(username="manager", first_name="Kim", last_name="Ng")
    user.groups.add(Group.objects.get(name="Comment moderator"))
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_faq", "change_faq", "view_faq"])
    )
    client = Client()
    client.force_login(user)
    return client, user


def test_a_question_and_the_clinic_answer_become_a_draft_faq_without_the_patient(
    article, manager_client
):
    client, user = manager_client
    question = CommentFactory(
        article=article,
        name="Jamie Rivera",
        email="jamie@example.com",
        body="Hi, Jamie here (jamie@example.com). Can I exercise after IMS?",
    )
    services.comment_reply(
        parent=question,
        moderator=user,
        body="Gentle walking is fine.\n\nWait a day for hard training.",
    )

    answer = client.post(
        reverse(CHANGELIST), {"action": "make_faq_draft", "_selected_action": [question.pk]}
    )
    faq = FAQ.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == reverse("admin:education_faq_change", args=[faq.pk])
    assert "Can I exercise after IMS?" in faq.question
    assert "Jamie" not in faq.question and "jamie@example.com" not in faq.question
    assert "<p>Gentle walking is fine.</p>" in faq.answer
    assert not faq.is_cleared  # a draft: clinical sign-off as for any FAQ
    question.refresh_from_db()
    assert question.faq == faq

    faq_page = Client().get(reverse("education:faq")).content.decode()
    assert "Can I exercise after IMS?" not in faq_page
    assert faq.get_absolute_url() not in Client().get(article.get_absolute_url()).content.decode()

    # Once a clinician approved it, the thread links to it.
    faq.clinical_state = "approved"
    save_approved_edit(faq)
    assert faq.get_absolute_url() in Client().get(article.get_absolute_url()).content.decode()


def test_a_comment_without_a_clinic_answer_cannot_become_an_faq(article, manager_client):
    client, _ = manager_client
    question = CommentFactory(article=article)
    answer = client.post(
        reverse(CHANGELIST),
        {"action": "make_faq_draft", "_selected_action": [question.pk]},
        follow=True,
    )
    assert "has no reply from the clinic yet" in answer.content.decode()
    assert FAQ.objects.count() == 0


# --- Deleting a comment that has replies ------------------------------------------------------


def test_deleting_a_comment_with_replies_says_so_and_can_keep_them(
    article, moderator, moderator_client
):
    question = CommentFactory(article=article, body="Rude question")
    reply = services.comment_reply(parent=question, moderator=moderator, body="Useful answer")
    url = reverse("admin:comments_comment_delete", args=[question.pk])
    page = moderator_client.get(url).content.decode()
    assert "This comment has a reply" in page
    assert "Keep the 1 reply on the page" in page

    moderator_client.post(url, {"post": "yes", "keep_replies": "yes"})
    assert not Comment.objects.filter(pk=question.pk).exists()
    reply.refresh_from_db()
    assert reply.parent is None and reply.is_public
    assert "Useful answer" in Client().get(article.get_absolute_url()).content.decode()


def test_bulk_delete_confirmation_counts_replies_and_can_delete_them_too(
    article, moderator, moderator_client
):
    question = CommentFactory(article=article)
    services.comment_reply(parent=question, moderator=moderator, body="Answer one")
    data = {"action": "delete_selected", "_selected_action": [question.pk]}
    page = moderator_client.post(reverse(CHANGELIST), data).content.decode()
    assert "This comment has a reply" in page
    moderator_client.post(reverse(CHANGELIST), {**data, "post": "yes", "keep_replies": "no"})
    assert Comment.objects.count() == 0


class FlakyMailServer(BaseEmailBackend):
    """Refuses the first message, then delivers."""

    refused = 0

    def send_messages(self, email_messages):
        if not FlakyMailServer.refused:
            FlakyMailServer.refused += 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        mail.outbox.extend(email_messages)
        return len(email_messages)


def test_a_notice_sent_again_after_a_mail_failure_keeps_its_unsubscribe_headers(
    client, article, moderator, settings, django_capture_on_commit_callbacks
):
    comment = subscribe(client, article, "sam@example.com", django_capture_on_commit_callbacks)
    services.comments_approve(comments=[comment], moderator=moderator)
    settings.EMAIL_BACKEND = "tests.comments.test_conversation.FlakyMailServer"
    FlakyMailServer.refused = 0
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_reply(parent=comment, moderator=moderator, body="An answer.")
    [notice] = mail.outbox
    assert FlakyMailServer.refused == 1
    assert notice.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert notice.extra_headers["List-Unsubscribe"].startswith("<https://")


def test_reporting_a_comment_already_off_the_page_says_so(client, article):
    comment = CommentFactory(article=article, status="pending")
    answer = client.get(reverse("comments:report", kwargs={"pk": comment.pk}))
    assert answer.status_code == 404
    assert "not on the page any more" in answer.content.decode()
    assert "no-store" in answer["Cache-Control"]


def test_the_unsubscribe_link_opened_in_a_browser_asks_first_then_stops_every_notice(
    client, article, django_capture_on_commit_callbacks
):
    comment = subscribe(client, article, "sam@example.com", django_capture_on_commit_callbacks)
    Subscription.objects.create(comment=comment, email="sam@example.com", kind="decision")
    url = reverse(
        "comments:unsubscribe", args=[services.unsubscribe_token(Subscription.objects.first())]
    )
    page = client.get(url)
    assert "Stop the e-mails" in page.content.decode()
    assert Subscription.objects.count() == 2  # opening the link changes nothing
    assert client.post(url).status_code == 200
    assert Subscription.objects.count() == 0
    forged = reverse("comments:unsubscribe", args=["eyJzIjoxfQ:forged:signature"])
    assert client.post(forged).status_code == 404
