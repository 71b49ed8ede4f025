"""Pictures on the public pages: the body map by touch, keyboard and without
JavaScript, and what a page's pictures weigh on a phone."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

# These only read: one site with the demo content for the module.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db, pytest.mark.xdist_group("picture-pages")]

IMAGE_BUDGET = 150 * 1024  # all pictures of one page on a 390 px phone


def scroll_to_the_end(page):
    """Scroll down the whole page so every lazy picture is fetched, then wait for them."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + 844, 600):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(60)
    page.wait_for_load_state("networkidle")


def test_body_map_regions_are_big_enough_for_a_thumb_and_work_from_the_keyboard(
    demo_site, open_page
):
    page, problems = open_page("mobile")
    page.goto(demo_site.url + reverse("education:body-map"))

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


def test_the_body_map_works_without_javascript(demo_site, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(demo_site.url + reverse("education:body-map"))
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


def test_pictures_on_each_page_weigh_under_150_kb_on_a_phone(demo_site, open_page):
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
        page.goto(demo_site.url + path)
        scroll_to_the_end(page)
        weights[name] = (current["count"], current["bytes"])
    print("image weight at 390 px:", weights)  # noqa: T201 - shown with -s
    assert weights["article with a lead image"][0] >= 1
    assert weights["aftercare"][0] >= 1
    for name, (_count, size) in weights.items():
        assert size < IMAGE_BUDGET, f"{name}: {size} bytes of pictures"
    assert not problems.items, problems.items
