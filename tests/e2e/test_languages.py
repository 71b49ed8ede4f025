"""The site in each of its five languages, in Chromium.

A patient reads the safety page, runs the self-check and prints the aftercare
sheet in their language on a 390 px phone; every public page passes axe in every
language; Chinese and Gurmukhi are drawn with real fonts, not boxes; and the
first-visit suggestion offers a language without ever moving the reader.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import MOBILE, axe_paths, describe_violations, photograph, run_axe

# One demo site for the module (demo_site): its tests stay in one test process.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db, pytest.mark.xdist_group("e2e-languages")]

# What a patient sees in each language (interface text, from the catalogues).
WORDS = {
    "en": {
        "lang": "en",
        "self_check": "Is IMS right for me?",
        "no": "No",
        "see": "See my answer",
        "clear": "Nothing here rules IMS out",
        "print": "Print this page",
        "urgent": "Get urgent help",
        "reviewed": "Last reviewed",
    },
    "fr": {
        "lang": "fr",
        "self_check": "L’IMS est-elle pour moi?",
        "no": "Non",
        "see": "Voir ma réponse",
        "clear": "Rien ici n’exclut l’IMS",
        "print": "Imprimer cette page",
        "urgent": "Obtenir de l’aide urgente",
        "reviewed": "Dernière vérification",
    },
    "zh-hans": {
        "lang": "zh-Hans",
        "self_check": "IMS 适合我吗？",
        "no": "否",
        "see": "查看我的结果",
        "clear": "这里没有排除 IMS 的情况",
        "print": "打印此页",
        "urgent": "马上求助",
        "reviewed": "最近审核",
        "font": "CJK",
    },
    "zh-hant": {
        "lang": "zh-Hant",
        "self_check": "IMS 適合我嗎？",
        "no": "否",
        "see": "查看我的結果",
        "clear": "這裡沒有排除 IMS 的情況",
        "print": "列印此頁",
        "urgent": "馬上求助",
        "reviewed": "最近審核",
        "font": "CJK",
    },
    "pa": {
        "lang": "pa",
        "self_check": "ਕੀ IMS ਮੇਰੇ ਲਈ ਠੀਕ ਹੈ?",
        "no": "ਨਹੀਂ",
        "see": "ਮੇਰਾ ਜਵਾਬ ਦੇਖੋ",
        "clear": "ਇੱਥੇ ਕੁਝ ਵੀ IMS ਨੂੰ ਰੱਦ ਨਹੀਂ ਕਰਦਾ",
        "print": "ਇਹ ਸਫ਼ਾ ਪ੍ਰਿੰਟ ਕਰੋ",
        "urgent": "ਫ਼ੌਰੀ ਮਦਦ ਲਵੋ",
        "reviewed": "ਆਖਰੀ ਜਾਂਚ",
        "font": "Gurmukhi",
    },
}


def pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def prefixed(language, path):
    return path if language == "en" else f"/{language}{path}"


def fonts_drawing(page, selector):
    """The font families Chromium really used to draw the text of ``selector``."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return {font["familyName"]: font["glyphCount"] for font in fonts}


def no_sideways_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("language", list(WORDS))
def test_a_patient_reads_safety_checks_themselves_and_prints_aftercare_in_their_language(
    demo_site, open_page, screenshot_dir, language
):
    words = WORDS[language]
    page, problems = open_page("mobile")

    # The safety page.
    page.goto(demo_site.url + prefixed(language, "/safety/"))
    expect(page.locator("html")).to_have_attribute("lang", words["lang"])
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".urgent-box")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / f"lang-{language}-safety-mobile.png"), full_page=True)
    assert no_sideways_scroll(page) <= 0
    assert not (violations := run_axe(page)), describe_violations(violations)

    # The self-check: every question answered "no" in the patient's language.
    page.goto(demo_site.url + prefixed(language, "/self-check/"))
    expect(page.locator("h1")).to_have_text(words["self_check"])
    if "font" in words:
        drawn = fonts_drawing(page, "h1")
        assert any(words["font"] in family for family in drawn), drawn
    assert not (violations := run_axe(page)), describe_violations(violations)
    questions = page.locator("form fieldset")
    assert questions.count() > 0
    for index in range(questions.count()):
        questions.nth(index).get_by_label(words["no"], exact=True).check()
    page.get_by_role("button", name=words["see"]).click()
    expect(page.get_by_role("heading", name=words["clear"])).to_be_visible()
    expect(page).to_have_url(demo_site.url + prefixed(language, "/self-check/"))
    page.screenshot(
        path=str(screenshot_dir / f"lang-{language}-self-check-answer-mobile.png"), full_page=True
    )

    # The aftercare sheet, on screen and then as printed.
    page.goto(demo_site.url + prefixed(language, "/aftercare/"))
    expect(page.get_by_role("button", name=words["print"])).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".breadcrumb-bar")).to_be_hidden()
    expect(page.locator(".print-letterhead")).to_be_visible()
    expect(page.locator(".urgent-box")).to_contain_text(words["urgent"])
    expect(page.locator(".aftercare-footnote")).to_contain_text(words["reviewed"])
    page.screenshot(
        path=str(screenshot_dir / f"lang-{language}-aftercare-print.png"), full_page=True
    )
    pdf = page.pdf(format="Letter")
    (screenshot_dir / f"lang-{language}-aftercare.pdf").write_bytes(pdf)
    assert pdf_page_count(pdf) == 1, "the aftercare sheet no longer fits on one page"

    assert not problems.items, "\n".join(problems.items)


@pytest.mark.parametrize("width", ["mobile", "desktop"])
@pytest.mark.parametrize("language", ["fr", "zh-hans", "zh-hant", "pa"])
def test_every_public_page_is_accessible_and_photographed_in_each_language(
    demo_site, open_page, screenshot_dir, language, width
):
    page, problems = open_page(width)
    failures = []
    for name, path in axe_paths():
        address = prefixed(language, path)
        response = page.goto(demo_site.url + address)
        assert response.status == (404 if name == "not-found" else 200), address
        if name == "not-found":
            problems.items = [item for item in problems.items if address not in item]
        expect(page.locator("html")).to_have_attribute("lang", WORDS[language]["lang"])
        photograph(page, screenshot_dir, f"lang-{language}-{name}-{width}")
        overflow = no_sideways_scroll(page)
        assert overflow <= 0, f"{address} is {overflow}px wider than the {width} screen"
        if violations := run_axe(page):
            failures.append(f"{name} ({address}):\n{describe_violations(violations)}")
    assert not failures, "\n\n".join(failures)
    assert not problems.items, "\n".join(problems.items)


def test_the_switcher_names_are_drawn_in_their_own_scripts(demo_site, open_page):
    page, _ = open_page("desktop")
    page.goto(demo_site.url + "/")

    for selector, script in [
        ('.language-switcher [lang="zh-Hans"]', "CJK"),
        ('.language-switcher [lang="zh-Hant"]', "CJK"),
        ('.language-switcher [lang="pa"]', "Gurmukhi"),
    ]:
        drawn = fonts_drawing(page, selector)
        assert any(script in family for family in drawn), (selector, drawn)


def test_the_first_visit_suggestion_offers_the_browsers_language_and_never_redirects(
    demo_site, browser
):
    context = browser.new_context(viewport=MOBILE, locale="zh-TW")
    try:
        page = context.new_page()
        page.goto(demo_site.url + "/safety/")

        suggestion = page.locator("[data-language-suggestion]")
        expect(suggestion).to_be_visible()
        link = suggestion.get_by_role("link", name="用繁體中文閱讀此頁")
        expect(link).to_have_attribute("href", "/zh-hant/safety/")
        expect(page).to_have_url(demo_site.url + "/safety/")  # still English, still here
        expect(page.locator("html")).to_have_attribute("lang", "en")
        assert not (violations := run_axe(page)), describe_violations(violations)

        # Dismissed once, it stays away on every page of this browser.
        suggestion.get_by_role("button", name="不用了，謝謝").click()
        expect(suggestion).to_have_count(0)
        page.goto(demo_site.url + "/aftercare/")
        page.wait_for_load_state("load")
        expect(page.locator("[data-language-suggestion]")).to_have_count(0)
    finally:
        context.close()


def test_no_suggestion_when_the_page_is_already_in_the_browsers_language(demo_site, browser):
    context = browser.new_context(viewport=MOBILE, locale="fr-CA")
    try:
        page = context.new_page()
        page.goto(demo_site.url + "/fr/")
        page.wait_for_load_state("load")
        expect(page.locator("[data-language-suggestion]")).to_have_count(0)

        # A French reader who reaches the English page is offered French, and
        # following the offer lands on the same page in French.
        page.goto(demo_site.url + "/faq/")
        page.locator("[data-language-suggestion] a").click()
        expect(page).to_have_url(demo_site.url + "/fr/faq/")
        expect(page.locator("html")).to_have_attribute("lang", "fr")
    finally:
        context.close()
