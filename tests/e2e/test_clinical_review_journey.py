"""The whole clinical sign-off journey, in the browser, as the clinic's staff live it.

An editor writes and submits an article; a reviewer sees it, asks for changes; the
editor fixes it; the reviewer approves and it goes live. An edit to the live article
waits for approval, the person who made a change cannot approve it, an unapproved
scheduled article stays hidden at its time, and the manager's override is logged
and shown.
"""

import datetime
import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from education.models import Article, SignOff
from education.roles import (
    CLINIC_MANAGER,
    CLINICAL_REVIEWER,
    CONTENT_EDITOR,
    grant_role_permissions,
)
from tests.factories import ArticleFactory, ReviewerFactory, StaffUserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


@pytest.fixture
def people(db):
    # Browser tests empty the database after each test, groups included.
    grant_role_permissions(Group, Permission)

    def person(username, *groups):
        user = StaffUserFactory(username=username, password=PASSWORD)
        for group in groups:
            user.groups.add(Group.objects.get(name=group))
        return user

    reviewer = person("rosa", CLINICAL_REVIEWER)
    ReviewerFactory(
        name="Rosa Reviewer",
        credentials="Registered Physiotherapist",
        registration_number="PT-01234",
        user=reviewer,
    )
    # A clinician who also edits: four eyes stop them approving their own change.
    both = person("dana", CONTENT_EDITOR, CLINICAL_REVIEWER)
    ReviewerFactory(name="Dana Both", credentials="Registered Physiotherapist", user=both)
    return {
        "editor": person("edith", CONTENT_EDITOR),
        "reviewer": reviewer,
        "both": both,
        "manager": person("manny", CLINIC_MANAGER),
    }


def sign_in(open_page, site, username, width="desktop"):
    page, problems = open_page(width)
    page.goto(site.url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state("load")
    return page, problems


def click_and_wait(page, selector):
    page.click(selector)
    page.wait_for_load_state("load")


def review_page(page, site, article):
    page.goto(site.url + reverse("admin:education_article_review", args=[article.pk]))


def patient_sees(open_page, site, article):
    page, _ = open_page("mobile")
    response = page.goto(site.url + article.get_absolute_url())
    text = page.locator("main").inner_text() if response.status == 200 else ""
    page.context.close()
    return response.status, text


def test_the_whole_sign_off_journey(site, open_page, people, screenshot_dir):
    # 1. The editor writes an article and submits it for clinical review.
    editor, editor_problems = sign_in(open_page, site, "edith")
    editor.goto(site.url + reverse("admin:education_article_add"))
    editor.fill("#id_title", "Sore after needling")
    editor.fill("#id_summary", "What soreness after IMS feels like and how long it lasts.")
    editor.locator(".prose-editor > .ProseMirror").click()
    editor.keyboard.type("Most people feel sore for a day.")
    editor.select_option("#id_status", "published")
    click_and_wait(editor, "input[name=_continue]")
    article = Article.objects.get(slug="sore-after-needling")
    assert patient_sees(open_page, site, article)[0] == 404
    assert "nothing yet" in editor.locator(".clinical-panel").inner_text()

    click_and_wait(editor, ".clinical-panel a.button")
    click_and_wait(editor, "button[value=submit]")
    assert "sent to the clinical reviewers" in editor.locator(".messagelist").inner_text()
    assert editor.locator("button[value=approve]").count() == 0  # editors cannot approve

    # 2. The reviewer finds it waiting, reads it and asks for changes.
    reviewer, reviewer_problems = sign_in(open_page, site, "rosa")
    waiting = reviewer.locator("#waiting-for-my-review")
    assert "Sore after needling" in waiting.inner_text()
    click_and_wait(reviewer, "#waiting-for-my-review a")
    assert "never approved before" in reviewer.locator("#changes-heading").inner_text()
    assert "Most people feel sore for a day." in reviewer.locator("#review-compare").inner_text()
    reviewer.screenshot(path=screenshot_dir / "clinical-review-first.png", full_page=True)
    reviewer.fill("#id_note", "Please say how often soreness happens and for how long.")
    click_and_wait(reviewer, "button[value=changes]")
    assert patient_sees(open_page, site, article)[0] == 404

    # 3. The editor sees the note, fixes the text and submits it again.
    editor.goto(site.url + reverse("admin:index"))
    assert "Sore after needling" in editor.locator("#changes-requested").inner_text()
    editor.goto(site.url + reverse("admin:education_article_change", args=[article.pk]))
    assert "how often soreness happens" in editor.locator(".clinical-panel").inner_text()
    body = editor.locator(".prose-editor > .ProseMirror")
    body.locator("text=Most people feel sore for a day.").click(click_count=3)
    editor.keyboard.type("Most people feel sore for one or two days. It is common.")
    click_and_wait(editor, "input[name=_continue]")
    review_page(editor, site, article)
    click_and_wait(editor, "button[value=submit]")

    # 4. The reviewer approves; the article goes live with a real review line.
    review_page(reviewer, site, article)
    click_and_wait(reviewer, "button[value=approve]")
    status, text = patient_sees(open_page, site, article)
    assert status == 200
    assert "Reviewed by Rosa Reviewer, Registered Physiotherapist (registration PT-01234)" in text
    assert "one or two days" in text

    # 5. An edit to the live article waits: patients keep the approved text.
    editor.goto(site.url + reverse("admin:education_article_change", args=[article.pk]))
    editor.fill("#id_title", "Soreness after IMS")
    click_and_wait(editor, "input[name=_continue]")
    assert "pending version" in editor.locator(".messagelist").inner_text()
    status, text = patient_sees(open_page, site, article)
    assert "Sore after needling" in text and "Soreness after IMS" not in text
    editor.goto(site.url + article.get_absolute_url() + "?version=pending")
    assert editor.locator("h1").inner_text() == "Soreness after IMS"
    assert "waiting for clinical approval" in editor.locator("[aria-label=Preview]").inner_text()

    # 6. A clinician who changed the text cannot approve that change (four eyes).
    both, _ = sign_in(open_page, site, "dana")
    both.goto(site.url + reverse("admin:education_article_change", args=[article.pk]))
    both.fill("#id_title", "Soreness after IMS treatment")
    click_and_wait(both, "input[name=_continue]")
    review_page(both, site, article)
    click_and_wait(both, "button[value=submit]")
    assert "another clinician must approve it" in both.locator(".four-eyes").inner_text()
    click_and_wait(both, "button[value=approve]")
    assert "four eyes" in both.locator(".messagelist").inner_text()
    assert "Sore after needling" in patient_sees(open_page, site, article)[1]

    # The other reviewer sees exactly what changed since the approval, and approves.
    review_page(reviewer, site, article)
    compare = reviewer.locator("#review-compare")
    assert (
        "Sore after needling" in compare.locator("del").all_inner_texts()[0]
        or compare.locator("del").count()
    )
    assert "treatment" in compare.inner_text()
    reviewer.screenshot(path=screenshot_dir / "clinical-review-edit.png", full_page=True)
    click_and_wait(reviewer, "button[value=approve]")
    assert "Soreness after IMS treatment" in patient_sees(open_page, site, article)[1]

    # 7. A scheduled article without approval does not go live at its time.
    scheduled = ArticleFactory(
        title="Scheduled without approval",
        clinical_state="unapproved",
        published_at=timezone.now() + datetime.timedelta(seconds=1),
    )
    time.sleep(1.2)
    assert patient_sees(open_page, site, scheduled)[0] == 404

    # 8. The manager overrides, with a reason; it is logged and shown everywhere.
    manager, manager_problems = sign_in(open_page, site, "manny")
    review_page(manager, site, scheduled)
    click_and_wait(manager, "button[value=override]")
    assert "Please write why" in manager.locator(".messagelist").inner_text()
    manager.fill("#id_note", "A safety recall must reach patients today.")
    click_and_wait(manager, "button[value=override]")
    status, text = patient_sees(open_page, site, scheduled)
    assert status == 200 and "Awaiting clinical review." in text
    manager.goto(site.url + reverse("admin:index"))
    assert "Scheduled without approval" in manager.locator("#under-override").inner_text()
    manager.goto(site.url + reverse("admin:education_signoff_changelist"))
    assert (
        "A safety recall must reach patients today." in manager.locator("#result_list").inner_text()
    )
    manager.screenshot(path=screenshot_dir / "clinical-sign-off-record.png", full_page=True)
    assert SignOff.objects.filter(action=SignOff.Action.OVERRIDE).count() == 1

    for problems in (editor_problems, reviewer_problems, manager_problems):
        assert problems.items == []
