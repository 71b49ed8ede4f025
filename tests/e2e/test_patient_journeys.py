"""What a patient does on the site, start to finish, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

# These journeys only read: the demo content is loaded once for the module.
# One live server with the demo content for the module, in one test process.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db, pytest.mark.xdist_group("patient-journeys")]


@pytest.fixture
def site(demo_site):
    return demo_site


def pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_patient_on_a_phone_finds_answers_checks_themselves_and_reads_aftercare(site, open_page):
    page, problems = open_page("mobile")
    page.goto(site.url + "/")
    expect(page.locator("h1")).to_have_text("IMS and dry needling, explained")

    # The menu is folded away on a phone. From the keyboard alone: Tab to the
    # button, Enter opens it, Tab reaches the first link, Escape closes it.
    menu_button = page.get_by_role("button", name="Menu")
    menu = page.locator("#main-menu")
    expect(menu).to_be_hidden()
    for _ in range(10):
        page.keyboard.press("Tab")
        if menu_button.evaluate("element => element === document.activeElement"):
            break
    expect(menu_button).to_be_focused()
    page.keyboard.press("Enter")
    expect(menu_button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Questions")).to_be_visible()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Home")).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(menu_button).to_be_focused()

    # Search from the box at the top of the page and open the best result.
    page.get_by_label("Search this site").fill("acupuncture")
    page.get_by_label("Search this site").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=acupuncture$"))
    first_result = page.locator(".search-results li").first
    expect(first_result.locator("mark").first).to_have_text(re.compile("acupuncture", re.I))
    first_result.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text("IMS compared with acupuncture")
    expect(page.locator(".review-line")).to_contain_text("Reviewed by")

    # Open the questions page from the menu and expand one answer with the keyboard.
    page.get_by_role("button", name="Menu").click()
    page.locator("#main-menu").get_by_role("link", name="Questions").click()
    question = page.locator("details.faq-item").first
    expect(question).not_to_have_attribute("open", "")
    question.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(question).to_have_attribute("open", "")
    expect(question.locator(".faq-answer")).to_be_visible()

    # The self-check, from the footer: first without answers, then each kind of reply.
    page.get_by_role("contentinfo").get_by_role("link", name="Is IMS right for me?").click()
    expect(page.locator("h1")).to_have_text("Is IMS right for me?")
    expect(page.get_by_text("This is not medical advice.")).to_be_visible()
    page.get_by_role("button", name="See my answer").click()
    expect(page.get_by_role("alert")).to_contain_text("Please answer every question")

    questions = page.locator("form fieldset")
    for index in range(questions.count()):
        questions.nth(index).get_by_label("No", exact=True).check()
    page.get_by_role("button", name="See my answer").click()
    expect(page.get_by_role("heading", name="Nothing here rules IMS out")).to_be_visible()

    page.locator("form fieldset").last.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Check again").click()
    expect(
        page.get_by_role("heading", name="Talk to your physiotherapist before booking")
    ).to_be_visible()
    expect(page.locator(".self-check-result li")).to_have_count(1)

    # A red flag comes first and says, in words, how urgent it is.
    page.locator("form fieldset").first.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Check again").click()
    expect(page.get_by_role("heading", name="Emergency: call 911 now")).to_be_visible()

    # The aftercare page, from the menu.
    page.get_by_role("button", name="Menu").click()
    page.locator("#main-menu").get_by_role("link", name="Aftercare").click()
    expect(page.locator(".urgent-box")).to_contain_text("Get urgent help")
    expect(page.get_by_role("button", name="Print this page")).to_be_visible()

    assert not problems.items, "\n".join(problems.items)


def test_aftercare_sheet_prints_on_one_page_without_the_navigation(site, open_page):
    page, _ = open_page("desktop")
    page.goto(site.url + "/aftercare/")

    for paper in ("A4", "Letter"):
        assert pdf_page_count(page.pdf(format=paper)) == 1, f"more than one {paper} page"

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_be_hidden()
    letterhead = page.locator(".print-letterhead")
    expect(letterhead).to_be_visible()
    expect(letterhead).to_contain_text("Alder Creek Physiotherapy")
    expect(letterhead).to_contain_text("604-555-0142")
    expect(page.locator(".urgent-box")).to_be_visible()
    expect(page.locator(".aftercare-footnote")).to_contain_text("Last reviewed")


def test_keyboard_user_can_skip_to_the_content_and_sees_where_focus_is(site, open_page):
    page, _ = open_page("desktop")
    page.goto(site.url + "/faq/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_text_can_be_doubled_in_size_without_content_running_off_the_screen(site, open_page):
    page, _ = open_page("mobile", bypass_csp=True)
    for path in ("/", "/articles/what-is-ims/", "/self-check/", "/search/?q=needles"):
        page.goto(site.url + path)
        page.add_style_tag(content="html { font-size: 200% !important; }")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 200% text"


def test_layout_works_on_a_320_pixel_wide_screen(site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        for path in ("/", "/faq/", "/aftercare/", "/glossary/", "/contact/"):
            page.goto(site.url + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
    finally:
        context.close()


def test_a_reduced_motion_preference_turns_off_animation(site, open_page):
    page, _ = open_page("mobile")  # contexts ask for reduced motion
    page.goto(site.url + "/")

    duration = page.locator(".btn").first.evaluate(
        "element => getComputedStyle(element).transitionDuration"
    )

    assert duration in {"1e-05s", "0.00001s", "0s"}, duration
