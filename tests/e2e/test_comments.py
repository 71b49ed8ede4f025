"""A patient comments from a phone; a moderator approves it in the admin."""

from urllib.request import urlopen

import pytest
from django.contrib.auth.models import Group, Permission

from comments.models import Comment, CommentSettings
from comments.roles import grant_moderator_permissions
from education.models import Article
from tests.e2e.conftest import describe_violations, run_axe
from tests.factories import StaffUserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


@pytest.fixture
def article(site):
    # A browser fills the form faster than a person: no minimum time in this test.
    CommentSettings(min_seconds_to_submit=0).save()
    return Article.objects.published().order_by("order", "pk").first()


@pytest.fixture
def moderator(site):
    user = StaffUserFactory(username="moderator", first_name="Dana", last_name="Lee")
    # Transactional tests empty the database between tests, groups included.
    user.groups.add(grant_moderator_permissions(Group, Permission))
    return user


def test_patient_comment_appears_only_after_a_moderator_approves_it(
    site, article, moderator, open_page, screenshot_dir
):
    # Another visit fills the page cache (a local http:// address).
    with urlopen(site.url + article.get_absolute_url()):  # noqa: S310
        pass
    phone, problems = open_page("mobile")
    page = phone.goto(site.url + article.get_absolute_url())
    # The stored page, the same bytes for everyone: the form fetches its own token.
    assert page.headers["x-page-cache"] == "hit"
    assert page.headers["content-encoding"] == "br"
    assert "set-cookie" not in page.headers
    phone.get_by_role("button", name="Post comment").click()
    # Nothing filled in: every field says what to fix, nothing is stored. (The
    # form first fetches its token, so the answer comes a moment later.)
    phone.get_by_text("Please write your comment.").wait_for()
    assert phone.locator("#id_name").get_attribute("aria-invalid") == "true"
    assert Comment.objects.count() == 0

    phone.locator("#id_name").fill("Jamie Rivera")
    phone.locator("#id_email").fill("jamie@example.com")
    phone.locator("#id_body").fill("Is some soreness after IMS normal?\nThank you.")
    phone.locator("#id_consent").check()
    phone.screenshot(path=str(screenshot_dir / "comments-1-form-phone.png"), full_page=True)
    phone.get_by_role("button", name="Post comment").click()
    phone.get_by_text("will appear after a staff member reviews it").wait_for()
    phone.screenshot(path=str(screenshot_dir / "comments-2-received-phone.png"), full_page=True)
    comments = phone.locator("#comments")
    assert "Is some soreness after IMS normal?" not in comments.inner_text()
    assert Comment.objects.get().status == Comment.Status.PENDING

    desk, desk_problems = open_page("desktop")
    desk.goto(site.url + "/admin/login/")
    desk.get_by_label("Username").fill("moderator")
    desk.get_by_label("Password").fill(PASSWORD)
    desk.get_by_role("button", name="Log in").click()
    desk.get_by_text("Waiting for review").wait_for()
    assert "1 comment" in desk.locator("#comments-waiting").inner_text()
    desk.locator("#comments-waiting a").click()
    desk.get_by_text("First comment from this e-mail address").wait_for()
    desk.screenshot(path=str(screenshot_dir / "comments-3-queue-admin.png"), full_page=True)
    desk.locator("input.action-select").first.check()
    desk.locator("select[name=action]").select_option("approve")
    desk.locator("button[name=index]").click()
    desk.get_by_text("1 comment approved.").wait_for()

    phone.reload()
    comment = phone.locator("#comments article.comment").first
    assert "Is some soreness after IMS normal?" in comment.inner_text()
    assert "jamie@example.com" not in phone.content()
    phone.screenshot(path=str(screenshot_dir / "comments-4-approved-phone.png"), full_page=True)
    assert not problems.items, "\n".join(problems.items)
    assert not [item for item in desk_problems.items if "HTTP" not in item]


@pytest.mark.parametrize("width", ["mobile", "desktop"])
def test_comment_thread_and_form_have_no_accessibility_violations(site, article, open_page, width):
    question = Comment.objects.create(
        article=article,
        name="Sam",
        email="sam@example.com",
        website="https://sam.example/",
        body="Does it hurt?",
        status=Comment.Status.APPROVED,
    )
    Comment.objects.create(
        article=article,
        parent=question,
        name="Dana Lee",
        body="Most people feel a short cramp.",
        status=Comment.Status.APPROVED,
        is_staff_reply=True,
    )
    page, _ = open_page(width, bypass_csp=True)
    page.goto(site.url + article.get_absolute_url())
    assert not (violations := run_axe(page)), describe_violations(violations)
    page.get_by_role("link", name="Reply to Sam").click()
    page.get_by_role("button", name="Post comment").click()
    page.get_by_text("Please enter your name").wait_for()
    assert not (violations := run_axe(page)), describe_violations(violations)


def test_without_javascript_the_comment_is_checked_once_more_and_then_sent(
    site, article, open_page, screenshot_dir
):
    with urlopen(site.url + article.get_absolute_url()):  # noqa: S310
        pass
    phone, problems = open_page("mobile", javascript=False)
    page = phone.goto(site.url + article.get_absolute_url())
    assert page.headers["x-page-cache"] == "hit"

    phone.locator("#id_name").fill("Alex Chen")
    phone.locator("#id_email").fill("alex@example.com")
    phone.locator("#id_body").fill("Can I swim the day after IMS?")
    phone.locator("#id_consent").check()
    phone.get_by_role("button", name="Post comment").click()

    # The form had no token: nothing is stored, the text waits on the form page.
    phone.get_by_text("Your comment is not sent yet").wait_for()
    assert phone.locator("#id_body").input_value() == "Can I swim the day after IMS?"
    assert Comment.objects.count() == 0
    phone.screenshot(path=str(screenshot_dir / "comments-no-js-check-phone.png"), full_page=True)
    phone.get_by_role("button", name="Post comment").click()

    phone.get_by_text("will appear after a staff member reviews it").wait_for()
    assert Comment.objects.get().body == "Can I swim the day after IMS?"
    assert not problems.items, "\n".join(problems.items)
