"""Comments that become a conversation, in a real browser: a patient hears back,
visitors report a comment, and a question becomes a draft FAQ entry."""

import re
from urllib.request import Request, urlopen

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail

from comments.models import Comment, CommentSettings, Subscription
from comments.roles import grant_moderator_permissions
from education.models import FAQ, Article
from tests.e2e.conftest import describe_violations, run_axe
from tests.factories import StaffUserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


@pytest.fixture
def article(site):
    # A browser fills the form faster than a person: no minimum time in this test.
    CommentSettings(min_seconds_to_submit=0, report_threshold=2).save()
    return Article.objects.published().order_by("order", "pk").first()


@pytest.fixture
def moderator(site):
    user = StaffUserFactory(username="moderator", first_name="Dana", last_name="Lee")
    # Transactional tests empty the database between tests, groups included.
    user.groups.add(grant_moderator_permissions(Group, Permission))
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["add_faq", "change_faq", "view_faq"])
    )
    return user


def sign_in(page, site):
    page.goto(site.url + "/admin/login/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("Waiting for review").wait_for()


def anonymous_get(url):
    with urlopen(Request(url)) as answer:  # noqa: S310 (the local live server)
        return answer.headers, answer.read()


def mail_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_a_patient_subscribes_confirms_and_hears_of_the_clinic_reply_on_the_page(
    site, article, moderator, open_page, screenshot_dir
):
    mail.outbox.clear()
    phone, problems = open_page("mobile")
    phone.goto(site.url + article.get_absolute_url())
    box = phone.get_by_label("E-mail me when the clinic replies")
    assert not box.is_checked()
    phone.locator("#id_name").fill("Jamie Rivera")
    phone.locator("#id_email").fill("jamie@example.com")
    phone.locator("#id_body").fill("How long does the soreness after IMS last?")
    phone.locator("#id_consent").check()
    box.check()
    phone.get_by_role("button", name="Post comment").click()
    phone.get_by_text("will appear after a staff member reviews it").wait_for()

    [confirmation] = mail_to("jamie@example.com")
    assert "How long does the soreness" not in confirmation.body  # not public yet
    confirm_url = re.search(r"http\S+/comments/notices/confirm/\S+/", confirmation.body)[0]
    phone.goto(confirm_url)
    phone.get_by_role("button", name="Yes, e-mail me").click()
    phone.get_by_text("Thank you, that is confirmed").wait_for()
    assert Subscription.objects.get().is_confirmed

    desk, desk_problems = open_page("desktop")
    sign_in(desk, site)
    desk.goto(site.url + "/admin/comments/comment/?status=pending")
    desk.locator("input.action-select").first.check()
    desk.locator("select[name=action]").select_option("approve")
    desk.locator("button[name=index]").click()
    desk.get_by_text("1 comment approved.").wait_for()

    # The clinic replies on the article page itself, signed with the moderator's name.
    desk.goto(site.url + article.get_absolute_url())
    desk.get_by_text("Reply as the clinic to Jamie Rivera").click()
    desk.get_by_label("Reply as the clinic", exact=True).fill(
        "Most people feel sore for a day or two."
    )
    desk.get_by_label("Dana Lee").check()
    desk.screenshot(path=str(screenshot_dir / "conversation-1-staff-reply.png"), full_page=True)
    desk.get_by_role("button", name="Post reply").click()
    desk.get_by_text("Your reply is on the page").wait_for()
    reply = Comment.objects.get(is_staff_reply=True)
    assert reply.name == "Dana Lee"
    assert desk.locator(f"#comment-{reply.pk}").inner_text().count("Most people feel sore") == 1

    [notice] = mail_to("jamie@example.com")[1:]
    assert "The clinic replied" in notice.subject
    assert notice.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    reply_url = re.search(r"http\S+#comment-\d+", notice.body)[0]
    phone.goto(reply_url)
    assert "Most people feel sore" in phone.locator(f"#comment-{reply.pk}").inner_text()
    phone.screenshot(path=str(screenshot_dir / "conversation-2-reply-phone.png"), full_page=True)

    unsubscribe_url = notice.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe_url in notice.body
    # The mail program's one-click unsubscribe (RFC 8058): a bare POST, no cookie.
    one_click = Request(
        unsubscribe_url,
        data=b"List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    with urlopen(one_click) as answer:  # noqa: S310 (the local live server)
        assert answer.status == 200
        assert "Set-Cookie" not in answer.headers
    assert Subscription.objects.count() == 0
    phone.goto(unsubscribe_url)
    phone.get_by_text("You will get no more e-mails").wait_for()

    assert not problems.items, "\n".join(problems.items)
    assert not desk_problems.items, "\n".join(desk_problems.items)


def test_a_comment_reported_by_enough_visitors_disappears_until_reviewed(
    site, article, moderator, open_page, settings, screenshot_dir
):
    # Each visitor comes from their own network address, as nginx would say.
    settings.TRUSTED_PROXY_COUNT = 1
    text = "Skip your doctor, needles cure everything"
    comment = Comment.objects.create(
        article=article, name="Pat", email="pat@example.com", body=text, status="approved"
    )
    headers, before = anonymous_get(site.url + article.get_absolute_url())
    for number, javascript in [(1, True), (2, False)]:  # the second without JavaScript
        visitor, problems = open_page("mobile", javascript=javascript)
        visitor.set_extra_http_headers({"X-Forwarded-For": f"203.0.113.{number}"})
        visitor.goto(site.url + article.get_absolute_url())
        visitor.locator(f"#comment-{comment.pk}").get_by_role("link", name="Report").click()
        visitor.get_by_label("Wrong medical advice").check()
        if number == 1:
            visitor.screenshot(path=str(screenshot_dir / "conversation-3-report.png"))
        visitor.get_by_role("button", name="Send report").click()
        visitor.get_by_text("A staff member will look at the comment you reported").wait_for()
        assert not problems.items, "\n".join(problems.items)

    headers, after = anonymous_get(site.url + article.get_absolute_url())
    assert text.encode() in before
    assert text.encode() not in after
    assert "Set-Cookie" not in headers

    desk, _ = open_page("desktop")
    sign_in(desk, site)
    desk.goto(site.url + "/admin/comments/comment/")
    first_row = desk.locator("#result_list tbody tr").first
    assert "2: wrong medical advice" in first_row.inner_text()
    first_row.locator("input.action-select").check()
    desk.locator("select[name=action]").select_option("dismiss_reports")
    desk.locator("button[name=index]").click()
    desk.get_by_text("Reports dismissed on 1 comment").wait_for()
    comment.refresh_from_db()
    assert comment.is_public
    assert text.encode() in anonymous_get(site.url + article.get_absolute_url())[1]


def test_the_report_page_and_the_confirmation_page_are_accessible(site, article, open_page):
    comment = Comment.objects.create(
        article=article, name="Pat", email="pat@example.com", body="Hello", status="approved"
    )
    page, _ = open_page("mobile", bypass_csp=True)
    page.goto(site.url + f"/comments/{comment.pk}/report/")
    assert not (violations := run_axe(page)), describe_violations(violations)
    page.get_by_role("button", name="Send report").click()
    page.get_by_text("Please choose why you are reporting this comment.").first.wait_for()
    assert not (violations := run_axe(page)), describe_violations(violations)


def test_a_question_and_the_clinic_answer_become_a_draft_faq(site, article, moderator, open_page):
    question = Comment.objects.create(
        article=article,
        name="Robin Park",
        email="robin@example.com",
        body="Robin here. Can I go to the gym after IMS?",
        status="approved",
    )
    desk, problems = open_page("desktop")
    sign_in(desk, site)
    desk.goto(site.url + article.get_absolute_url())
    desk.get_by_text("Reply as the clinic to Robin Park").click()
    desk.get_by_label("Reply as the clinic", exact=True).fill(
        "Light exercise is fine the next day."
    )
    desk.get_by_label("Clinic team").check()
    desk.get_by_role("button", name="Post reply").click()
    desk.get_by_text("Your reply is on the page").wait_for()

    desk.goto(site.url + "/admin/comments/comment/")
    desk.locator(f"input.action-select[value='{question.pk}']").check()
    desk.locator("select[name=action]").select_option("make_faq_draft")
    desk.locator("button[name=index]").click()
    desk.get_by_text("A draft FAQ entry was made").wait_for()
    faq = FAQ.objects.get(question__contains="Can I go to the gym after IMS?")
    assert "Robin" not in faq.question
    assert not faq.is_cleared
    assert desk.locator("#id_question").input_value() == faq.question

    # Nothing changes for patients until a clinician signs it off.
    _, faq_page = anonymous_get(site.url + "/faq/")
    assert b"Can I go to the gym" not in faq_page
    assert not [item for item in problems.items if "HTTP" not in item]
