"""The site in five languages: addresses, the switcher, hreflang, caching, catalogues.

The language comes from the address only: English at /, the others under /fr/,
/zh-hans/, /zh-hant/ and /pa/. A cached page is the same bytes for everyone, so
neither a language cookie nor Accept-Language may change what an address shows.
"""

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from clinic_site import form_rescue
from education import services

# Content loaded once for the module: its tests stay in one test process.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("languages")]


@pytest.fixture
def demo_content(demo_content_for_module, db):
    """The demo content, loaded once for the module (about 3 s each time); each test
    still runs in its own transaction."""


LOCALE = Path(settings.BASE_DIR) / "locale"
CATALOGUES = ["fr", "zh_Hans", "zh_Hant", "pa"]
# What the skip link says in each language: interface text from the catalogues.
SKIP_LINK = {
    "en": "Skip to main content",
    "fr": "Aller au contenu principal",
    "zh-hans": "跳到主要内容",
    "zh-hant": "跳到主要內容",
    "pa": "ਮੁੱਖ ਸਮੱਗਰੀ 'ਤੇ ਜਾਓ",
}
HTML_LANG = {"en": "en", "fr": "fr", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "pa": "pa"}


def prefixed(language, path):
    return path if language == "en" else f"/{language}{path}"


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.fixture
def translated_everywhere(monkeypatch):
    """The content side's answer once translations are approved: French only."""
    monkeypatch.setattr(services, "available_languages", lambda obj: {"en", "fr"}, raising=False)


@pytest.mark.parametrize("language", list(HTML_LANG))
def test_each_language_has_its_own_address_html_lang_and_interface(client, clinic, language):
    response = client.get(prefixed(language, reverse("education:safety")))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{HTML_LANG[language]}" dir="ltr">' in html
    assert SKIP_LINK[language] in html
    assert response["Content-Language"] == HTML_LANG[language]


def test_english_stays_english_at_the_root_whatever_the_browser_or_a_cookie_say(client, clinic):
    plain = client.get("/")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    insisting = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9,zh-TW;q=0.5")

    assert insisting.status_code == 200  # never a redirect
    assert insisting.content == plain.content
    assert '<html lang="en"' in insisting.content.decode()
    assert "Accept-Language" not in insisting.get("Vary", "")


def test_the_english_page_is_not_repeated_under_an_en_prefix(client, clinic):
    assert client.get("/en/safety/").status_code == 404


def test_the_cache_never_serves_one_languages_page_for_another(clinic):
    french = Client()
    english = Client(HTTP_ACCEPT_LANGUAGE="fr")
    safety = reverse("education:safety")

    first_fr = french.get(prefixed("fr", safety))
    first_en = english.get(safety)
    again_fr = Client(HTTP_ACCEPT_LANGUAGE="en").get(prefixed("fr", safety))
    again_en = Client(HTTP_ACCEPT_LANGUAGE="fr").get(safety)

    assert (first_fr["X-Page-Cache"], first_en["X-Page-Cache"]) == ("miss", "miss")
    assert (again_fr["X-Page-Cache"], again_en["X-Page-Cache"]) == ("hit", "hit")
    assert SKIP_LINK["fr"] in again_fr.content.decode()
    assert SKIP_LINK["en"] in again_en.content.decode()
    assert SKIP_LINK["fr"] not in again_en.content.decode()


def test_the_switcher_names_each_language_in_its_own_script_and_keeps_the_page(client, clinic):
    html = client.get("/zh-hant/safety/").content.decode()

    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    links = re.findall(r'<a [^>]*href="([^"]+)" lang="([^"]+)"[^>]*>([^<]+)</a>', switcher)
    assert links == [
        ("/safety/", "en", "English"),
        ("/fr/safety/", "fr", "Français"),
        ("/zh-hans/safety/", "zh-Hans", "简体中文"),
        ("/zh-hant/safety/", "zh-Hant", "繁體中文"),
        ("/pa/safety/", "pa", "ਪੰਜਾਬੀ"),
    ]
    assert 'aria-current="true">繁體中文' in switcher


def test_the_switcher_keeps_the_search_words(client, clinic):
    html = client.get("/fr/search/?q=aiguille").content.decode()

    assert 'href="/pa/search/?q=aiguille"' in html
    assert 'href="/search/?q=aiguille"' in html


def test_the_first_visit_suggestion_words_come_in_the_language_offered(clinic):
    offers = {
        language: Client().get(prefixed(language, "/language-offer.json"))
        for language in ["en", "fr", "zh-hant", "pa"]
    }

    assert offers["fr"].json() == {"offer": "Lire cette page en français", "dismiss": "Non merci"}
    assert offers["zh-hant"].json()["offer"] == "用繁體中文閱讀此頁"
    assert offers["pa"].json()["offer"] == "ਇਹ ਸਫ਼ਾ ਪੰਜਾਬੀ ਵਿੱਚ ਪੜ੍ਹੋ"
    assert offers["en"].json()["offer"] == "Read this page in English"
    for response in offers.values():
        assert "public" in response["Cache-Control"] and not response.cookies


def test_the_page_points_the_suggestion_at_its_words_and_script(client, clinic):
    html = client.get("/fr/").content.decode()

    assert 'data-offer="/language-offer.json" data-default="en"' in html
    assert "js/languages" in html


def test_the_menus_lead_to_pages_in_the_readers_language(client, clinic):
    html = client.get("/pa/").content.decode()

    assert '<a class="nav-link" href="/pa/safety/">ਸੁਰੱਖਿਆ</a>' in html
    assert 'href="/pa/self-check/">ਕੀ IMS ਮੇਰੇ ਲਈ ਠੀਕ ਹੈ?</a>' in html
    assert 'aria-current="page">ਮੁੱਖ ਸਫ਼ਾ</a>' in html  # home is current on /pa/ only


def test_a_page_with_english_only_content_claims_no_translation(client, demo_content):
    # The demo content translates the safety page, not the benefits page.
    html = client.get("/fr/benefits/").content.decode()

    assert hreflangs(html) == {}
    # Its text is the English one, so it says so and points search engines there.
    assert '<meta property="og:locale" content="en_CA">' in html
    assert '<link rel="canonical" href="http://testserver/benefits/">' in html


def test_hreflang_lists_the_approved_translations_and_x_default(
    client, demo_content, translated_everywhere
):
    html = client.get("/fr/safety/").content.decode()

    assert hreflangs(html) == {
        "en": "http://testserver/safety/",
        "fr": "http://testserver/fr/safety/",
        "x-default": "http://testserver/safety/",
    }
    assert '<meta property="og:locale" content="fr_CA">' in html
    assert '<meta property="og:locale:alternate" content="en_CA">' in html
    assert '<link rel="canonical" href="http://testserver/fr/safety/">' in html


def test_an_interface_only_page_is_offered_in_every_language(client, clinic):
    html = client.get("/zh-hans/search/").content.decode()

    assert set(hreflangs(html)) == {"en", "fr", "zh-Hans", "zh-Hant", "pa", "x-default"}


def test_structured_data_says_the_language_of_the_text(client, demo_content, monkeypatch):
    from education.models import Article

    # An article the demo content has not translated.
    article = Article.objects.published().exclude(slug="what-is-ims").first()
    url = article.get_absolute_url()
    assert '"inLanguage": "en-CA"' in client.get("/zh-hans" + url).content.decode()

    monkeypatch.setattr(
        services, "available_languages", lambda obj: {"en", "zh-hans"}, raising=False
    )
    assert '"inLanguage": "zh-Hans"' in Client().get("/zh-hans" + url + "?v=2").content.decode()


def test_the_sitemap_lists_only_the_translations_that_exist(
    client, demo_content, translated_everywhere
):
    xml = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/fr/safety/</loc>" in xml
    assert 'hreflang="fr" href="http://testserver/fr/safety/"' in xml
    assert 'hreflang="x-default" href="http://testserver/safety/"' in xml
    assert "/zh-hans/safety/" not in xml
    assert "/pa/" not in xml


def test_the_sitemap_has_no_address_for_a_translation_that_does_not_exist(client, demo_content):
    xml = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/benefits/</loc>" in xml
    assert "/fr/benefits/" not in xml
    # The demo content's approved translations are listed.
    assert "<loc>http://testserver/fr/safety/</loc>" in xml
    assert "<loc>http://testserver/pa/articles/what-is-ims/</loc>" in xml


def test_the_feed_says_its_language_and_speaks_it(client, demo_content):
    xml = client.get("/fr/feed/").content.decode()

    assert 'xml:lang="fr"' in xml
    assert "articles sur l’IMS" in xml
    assert "http://testserver/fr/articles/" in xml


def test_the_self_check_answers_in_the_readers_language(client, demo_content):
    page = client.get("/pa/self-check/").content.decode()
    assert "ਭਾਗ 1: ਚੇਤਾਵਨੀ ਦੇ ਲੱਛਣ" in page
    assert 'action="/pa/self-check/"' in page

    # Sent with nothing answered: the errors are in Punjabi too.
    response = client.post("/pa/self-check/", {}, HTTP_ORIGIN="http://testserver")
    html = response.content.decode()
    assert "ਕਿਰਪਾ ਕਰਕੇ ਹਰ ਸਵਾਲ ਦਾ ਜਵਾਬ ਦਿਓ" in html
    assert "ਕਿਰਪਾ ਕਰਕੇ ਹਾਂ, ਨਹੀਂ ਜਾਂ ਪੱਕਾ ਨਹੀਂ ਪਤਾ ਚੁਣੋ।" in html


def test_the_aftercare_sheet_prints_its_headings_in_the_readers_language(client, demo_content):
    html = client.get("/zh-hant/aftercare/").content.decode()

    assert "列印此頁" in html  # the print button
    assert "馬上求助" in html  # "Get urgent help"
    assert "甚麼時候要致電診所" in html


def test_dates_follow_the_language(client, demo_content):
    from education.models import SitePage

    page = SitePage.objects.get(key=SitePage.Key.AFTERCARE)
    assert page.last_reviewed, "the demo aftercare page carries its review date"
    day = page.last_reviewed
    assert (
        f"{day.year}年{day.month}月{day.day}日"
        in client.get("/zh-hans/aftercare/").content.decode()
    )
    assert day.strftime("%B") in client.get("/aftercare/").content.decode()


def test_a_missing_page_says_so_in_the_readers_language(client, clinic):
    response = client.get("/fr/no-such-page/")

    assert response.status_code == 404
    assert "Désolés, nous ne trouvons pas cette page" in response.content.decode()


# --- The catalogues ----------------------------------------------------------


def read_po(path):
    """``{msgid: ([msgstr, ...], {source file, ...})}`` and the fuzzy msgids of a .po file."""
    entries, fuzzy = {}, set()
    current, key, flags, files = {}, None, "", set()
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#:"):
            files |= {ref.rsplit(":", 1)[0] for ref in line[2:].split()}
        elif line.startswith("#,"):
            flags = line
        elif match := re.match(r"^(msgid_plural|msgid|msgstr(?:\[\d\])?) (\".*\")$", line):
            key = match.group(1)
            current[key] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and key:
            current[key] += ast.literal_eval(line)
        elif not line.strip() and "msgid" in current:
            if current["msgid"]:
                forms = [v for k, v in current.items() if k.startswith("msgstr")]
                entries[current["msgid"]] = (forms, files)
                if "fuzzy" in flags:
                    fuzzy.add(current["msgid"])
            current, key, flags, files = {}, None, "", set()
    return entries, fuzzy


# Where the strings only staff read come from: the admin and the moderators' and
# clinical reviewers' e-mails. The admin has no language prefix, so it is always
# English, and those e-mails are sent in English; their strings are marked for the
# day they are translated too. The e-mails to patients are in the patient's language.
STAFF_SOURCES = re.compile(
    r"admin|/email/(comment_held|digest|review_waiting|review_decided)\.txt$|^comments/services\.py$"
)


def staff_only(files):
    return all(STAFF_SOURCES.search(name) for name in files)


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}|<[^>]+>")


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_every_public_string_is_translated_with_its_placeholders_and_markup(catalogue):
    french, _ = read_po(LOCALE / "fr" / "LC_MESSAGES" / "django.po")
    entries, fuzzy = read_po(LOCALE / catalogue / "LC_MESSAGES" / "django.po")

    assert set(entries) == set(french), "the catalogues list different strings"
    assert not fuzzy, f"fuzzy (unchecked) translations: {sorted(fuzzy)[:5]}"
    public = {msgid: forms for msgid, (forms, files) in entries.items() if not staff_only(files)}
    assert len(public) > 300
    untranslated = [msgid for msgid, forms in public.items() if not all(forms)]
    assert not untranslated, f"not translated: {untranslated[:5]}"
    for msgid, forms in public.items():
        for form in forms:
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(msgid)), (
                f"{catalogue}: {msgid!r} -> {form!r}"
            )


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """What ``makemessages`` finds in the code now, run on a copy so the real
    catalogues are never rewritten."""
    copy = tmp_path_factory.mktemp("site")
    base = Path(settings.BASE_DIR)
    shutil.copy(base / "manage.py", copy)
    for folder in ["clinic_site", "comments", "education", "templates"]:
        shutil.copytree(base / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--verbosity", "0"],
        cwd=copy,
        env=os.environ,
        check=True,
        capture_output=True,
    )
    entries, _ = read_po(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    return entries


def public_template_strings(entries):
    return {
        msgid
        for msgid, (_, files) in entries.items()
        if any(name.startswith("templates/") and not STAFF_SOURCES.search(name) for name in files)
    }


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_every_string_marked_in_a_public_template_is_in_the_catalogue_and_translated(
    extracted, catalogue
):
    public = public_template_strings(extracted)
    # The comment conversation's pages and the e-mails to patients are among them.
    assert {"Report a comment", "Hello,", "Stop the e-mails"} <= public
    entries, _ = read_po(LOCALE / catalogue / "LC_MESSAGES" / "django.po")
    missing = sorted(msgid for msgid in public if msgid not in entries)
    assert not missing, f"{catalogue}: not in the catalogue: {missing[:5]}"
    empty = sorted(msgid for msgid in public if not all(entries[msgid][0]))
    assert not empty, f"{catalogue}: not translated: {empty[:5]}"


def test_patient_words_rescued_from_a_failed_form_come_back_in_their_language(client, clinic):
    request = RequestFactory().get("/fr/")
    with translation.override("fr"):
        html = form_rescue.problem_page(request, "busy").content.decode()
    assert "Désolés, le site est très occupé en ce moment" in html
