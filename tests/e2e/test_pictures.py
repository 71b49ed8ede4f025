"""Pictures in the real browser: the staff journey, the body map, the image budget."""

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

IMAGE_BUDGET = 150 * 1024  # all pictures of one page on a 390 px phone


def approve_as_clinician(article):
    clinician = StaffUserFactory(username="clinician")
    clinician.groups.add(Group.objects.get(name=CLINICAL_REVIEWER))
    ReviewerFactory(user=clinician)
    author = Version.objects.get_for_object(article)
    services.review_submit(obj=article, user=author.first().revision.user)
    services.review_approve(obj=article, user=clinician)


def scroll_to_the_end(page):
    """Scroll down the whole page so every lazy picture is fetched, then wait for them."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + 844, 600):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(60)
    page.wait_for_load_state("networkidle")


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


def test_body_map_regions_are_big_enough_for_a_thumb_and_work_from_the_keyboard(site, open_page):
    page, problems = open_page("mobile")
    page.goto(site.url + reverse("education:body-map"))

    targets = page.locator(".body-map-region circle")
    assert targets.count() >= 20
    for index in range(targets.count()):
        box = targets.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box

    page.locator(".body-map-svg").scroll_into_view_if_needed()
    page.focus("a.body-map-region >> nth=0")
    for _ in range(2):
        page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Shoulders (front)"
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text("Shoulders pain")
    assert not problems.items, problems.items


def test_the_body_map_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site.url + reverse("education:body-map"))
    page.locator("a.body-map-region[aria-label='Knee (front)'] circle").first.click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_have_text("Knee pain")
    context.close()


PAGES_WITH_PICTURES = [
    ("home", "/"),
    ("body map", "/where-it-hurts/"),
    ("conditions", "/conditions/"),
    ("aftercare", "/aftercare/"),
    ("article with a lead image", "/articles/what-to-expect/"),
    ("article with a diagram", "/articles/what-is-ims/"),
    ("acupuncture article", "/articles/ims-and-acupuncture/"),
]


def test_pictures_on_each_page_weigh_under_150_kb_on_a_phone(site, open_page):
    page, problems = open_page("mobile")
    weights = {}
    current = {"bytes": 0, "count": 0}

    def count(response):
        if response.request.resource_type == "image" and response.status == 200:
            current["bytes"] += len(response.body())
            current["count"] += 1

    page.on("response", count)
    for name, path in PAGES_WITH_PICTURES:
        current.update(bytes=0, count=0)
        page.goto(site.url + path)
        scroll_to_the_end(page)
        weights[name] = (current["count"], current["bytes"])
    print("image weight at 390 px:", weights)  # noqa: T201 - shown with -s
    assert weights["article with a lead image"][0] >= 1
    assert weights["aftercare"][0] >= 1
    for name, (_count, size) in weights.items():
        assert size < IMAGE_BUDGET, f"{name}: {size} bytes of pictures"
    assert not problems.items, problems.items
