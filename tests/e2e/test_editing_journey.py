"""A clinic manager writes, checks, previews and schedules an article in the browser."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from education.models import Article
from education.roles import CLINIC_MANAGER, grant_role_permissions
from tests.factories import StaffUserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


@pytest.fixture
def manager(db):
    # Browser tests empty the database after each test, groups from the data
    # migrations included, so the role is granted again here.
    grant_role_permissions(Group, Permission)
    user = StaffUserFactory(username="manager", password=PASSWORD)
    user.groups.add(Group.objects.get(name=CLINIC_MANAGER))
    return user


def sign_in(page, site):
    page.goto(site.url + reverse("admin:login"))
    page.fill("#id_username", "manager")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state("load")


def test_manager_writes_previews_and_schedules_an_article(site, open_page, manager):
    page, problems = open_page("desktop")
    sign_in(page, site)

    page.goto(site.url + reverse("admin:education_article_add"))
    page.fill("#id_title", "Getting ready for your first visit")
    page.fill("#id_summary", "What to bring and what to wear to your first IMS visit.")
    editor = page.locator(".prose-editor > .ProseMirror")
    editor.click()
    # Typing "## " starts a heading and "- " a bulleted list, as in most editors.
    page.keyboard.type("## What to bring")
    page.keyboard.press("Enter")
    page.keyboard.type("Bring a list of your medicines. It is a cure for long waits.")
    page.keyboard.press("Enter")
    page.keyboard.type("- Loose clothes")
    page.keyboard.press("Enter")
    page.keyboard.type("A bottle of water")
    page.select_option("#id_status", "draft")
    page.click("input[name=_continue]")
    page.wait_for_load_state("load")

    article = Article.objects.get(slug="getting-ready-for-your-first-visit")
    assert "<h2>What to bring</h2>" in article.body
    assert "<ul><li><p>Loose clothes</p></li><li><p>A bottle of water</p></li></ul>" in article.body
    panel = page.locator(".editorial-checks")
    assert "Reading grade" in panel.inner_text()
    assert "cure" in panel.locator(".editorial-flag").inner_text()

    # The flagged claim is fixed in the editor and saved again.
    editor = page.locator(".prose-editor > .ProseMirror")
    editor.locator("text=It is a cure for long waits.").click(click_count=3)
    page.keyboard.type("It helps the visit go smoothly.")
    page.click("input[name=_continue]")
    page.wait_for_load_state("load")
    assert "No phrases that promise too much." in page.locator(".editorial-checks").inner_text()

    page.goto(site.url + article.get_absolute_url())
    assert page.locator("h1").inner_text() == "Getting ready for your first visit"
    assert "This article is a draft" in page.locator("[aria-label=Preview]").inner_text()

    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    page.goto(site.url + reverse("admin:education_article_change", args=[article.pk]))
    page.select_option("#id_status", "published")
    page.fill("#id_published_at_0", tomorrow.strftime("%Y-%m-%d"))
    page.fill("#id_published_at_1", "08:00:00")
    page.click("input[name=_save]")
    page.wait_for_load_state("load")
    # Scheduled, but nothing medical goes live before a clinician approves it
    # (tests/e2e/test_clinical_review_journey.py).
    row = page.locator("tr", has_text="Getting ready for your first visit")
    assert "Waiting for clinical approval" in row.inner_text()

    assert problems.items == []
