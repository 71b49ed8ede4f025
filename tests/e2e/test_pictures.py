"""Pictures in the real browser: staff upload one and put it in an article."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect
from reversion.models import Version

from education import services
from education.models import Article, Image
from education.roles import CLINICAL_REVIEWER
from tests import pictures
from tests.e2e.test_editing_journey import manager, sign_in  # noqa: F401 - a fixture
from tests.factories import ReviewerFactory, StaffUserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def approve_as_clinician(article):
    clinician = StaffUserFactory(username="clinician")
    clinician.groups.add(Group.objects.get(name=CLINICAL_REVIEWER))
    ReviewerFactory(user=clinician)
    author = Version.objects.get_for_object(article)
    services.review_submit(obj=article, user=author.first().revision.user)
    services.review_approve(obj=article, user=clinician)


def test_staff_upload_a_picture_need_a_text_alternative_and_put_it_in_an_article(
    site,
    open_page,
    manager,  # noqa: F811
):
    page, problems = open_page("desktop")
    sign_in(page, site)

    page.goto(site.url + reverse("admin:education_image_add"))
    photo = {"name": "IMG_2041.jpg", "mimeType": "image/jpeg", "buffer": pictures.jpeg_with_gps()}
    page.set_input_files("#id_file", files=[photo])
    page.fill("#id_title", "Our treatment room")
    page.click("input[name=_save]")
    expect(page.locator(".errorlist")).to_contain_text("Say what the picture shows or teaches")
    expect(page.locator("#id_title")).to_have_value("Our treatment room")

    page.set_input_files("#id_file", files=[photo])
    page.fill("#id_alt_text", "A quiet treatment room with a padded bed and a window.")
    page.fill("#id_caption", "One of our treatment rooms.")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    image = Image.objects.get(title="Our treatment room")
    with image.file.open("rb") as stored:
        assert pictures.CAMERA_MAKE.encode() not in stored.read()

    page.goto(site.url + reverse("admin:education_article_add"))
    page.fill("#id_title", "Inside our clinic")
    page.fill("#id_summary", "A look at the rooms where you have IMS.")
    page.locator(".prose-editor > .ProseMirror").click()
    page.keyboard.type("Here is one of our rooms.")
    page.locator(".prose-menubar__button[title='figure']").click()
    dialog = page.locator("dialog[open]")
    with page.expect_popup() as popup_info:
        dialog.get_by_role("button", name="Browse...").click()
    popup = popup_info.value
    popup.wait_for_load_state("load")
    # Choosing a picture closes the picker window, at times before Playwright's click
    # has returned: the close is what is waited for, not the click's own ending.
    with popup.expect_event("close"):
        popup.locator(f".image-picker-choice[data-id='{image.pk}']").dispatch_event("click")
    expect(dialog.locator("input[name=altText]")).to_have_value(image.alt_text)
    dialog.locator("button[type=submit]").click()
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_load_state("load")

    article = Article.objects.get(slug="inside-our-clinic")
    assert f'data-file="{image.pk}"' in article.body
    assert "<figcaption>One of our treatment rooms.</figcaption>" in article.body
    # Patients see it once a clinician signs it off (tests/e2e/test_clinical_review_journey.py).
    approve_as_clinician(article)

    phone, phone_problems = open_page("mobile")
    phone.goto(site.url + article.get_absolute_url())
    picture = phone.locator(".prose figure.library-figure img")
    picture.scroll_into_view_if_needed()
    expect(picture).to_have_attribute("alt", image.alt_text)
    phone.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
    )
    current = picture.evaluate("img => img.currentSrc")
    assert current.endswith(("-400.avif", "-400.webp")), current
    assert not problems.items + phone_problems.items, problems.items + phone_problems.items
