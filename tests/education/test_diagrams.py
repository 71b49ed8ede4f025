"""The site's own diagrams: safe SVG, readable on a phone, honest, where they help."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from education.diagrams import DIAGRAMS, TRANSLATED_LANGUAGES
from education.models import Article
from tests.factories import AftercareTipFactory, ArticleFactory

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
EVERY_FILE = [(diagram, language) for diagram in DIAGRAMS.values() for language in LANGUAGES]
EVERY_FILE_IDS = [f"{diagram.slug}-{language}" for diagram, language in EVERY_FILE]
PHONE_CONTENT_WIDTH = 390 - 24


def luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    light, dark = sorted([luminance(a), luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def diagram_source(slug):
    return Path(finders.find(DIAGRAMS[slug].file)).read_text()


def parse(diagram, language="en"):
    # The site's own files, not uploads.
    path = finders.find(diagram.file_for(language))
    assert path, f"no {language} file for {diagram.slug}"
    return ET.parse(path).getroot()  # noqa: S314


@pytest.mark.parametrize(("diagram", "language"), EVERY_FILE, ids=EVERY_FILE_IDS)
def test_each_diagram_is_plain_drawing_with_no_script_or_outside_links(diagram, language):
    root = parse(diagram, language)
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not tags & {"script", "foreignObject", "image", "iframe", "a", "style"}
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.startswith("on"), (element.tag, name)
            if name.endswith("href"):
                assert value.startswith("#"), value
            for reference in re.findall(r"url\(([^)]*)\)", value):
                assert reference.startswith("#"), (name, value)
    assert root.get("viewBox") == f"0 0 {diagram.width} {diagram.height}"
    assert (root.get("width"), root.get("height")) == (str(diagram.width), str(diagram.height))


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
@pytest.mark.parametrize("diagram", DIAGRAMS.values(), ids=list(DIAGRAMS))
def test_each_translated_diagram_declares_its_language_and_has_its_own_words(diagram, language):
    root = parse(diagram, language)
    english = parse(diagram)
    assert root.get(XML_LANG).lower() == language
    assert root.get("lang").lower() == language
    words = [text.text for text in root.iter(f"{SVG}text")]
    english_words = [text.text for text in english.iter(f"{SVG}text")]
    # Labels such as "IMS", "A" and "911" stay; the sentences are the language's own.
    assert len(set(words) & set(english_words)) <= 4, set(words) & set(english_words)
    assert root.find(f"{SVG}title").text != english.find(f"{SVG}title").text


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant", "pa"])
def test_chinese_and_punjabi_diagrams_ask_for_a_font_that_has_their_script(language):
    wanted = {
        "zh-hans": "Noto Sans CJK SC",
        "zh-hant": "Noto Sans CJK TC",
        "pa": "Noto Sans Gurmukhi",
    }
    for diagram in DIAGRAMS.values():
        assert wanted[language] in parse(diagram, language).get("font-family"), diagram.slug


def test_a_language_without_its_own_drawings_gets_the_english_ones():
    diagram = DIAGRAMS["referred-pain"]
    assert (
        diagram.file_for("en") == diagram.file_for("de") == diagram.file_for(None) == diagram.file
    )
    assert diagram.file_for("zh-Hant") == "img/diagrams/referred-pain.zh-hant.svg"


@pytest.mark.parametrize(("diagram", "language"), EVERY_FILE, ids=EVERY_FILE_IDS)
def test_each_diagram_text_is_readable_at_390_px_with_aa_contrast(diagram, language):
    root = parse(diagram, language)
    scale = PHONE_CONTENT_WIDTH / diagram.width
    base_size = float(root.get("font-size"))
    base_fill = root.get("fill")
    texts = list(root.iter(f"{SVG}text"))
    assert texts
    for text in texts:
        size = float(text.get("font-size") or base_size)
        fill = text.get("fill") or base_fill
        assert size * scale >= 12.5, (text.text, size)
        # Light text only ever sits on the site's dark teal; dark text on light fills.
        background = "#0b5e5a" if fill == "#ffffff" else "#ffffff"
        assert contrast(fill, background) >= 4.5, (text.text, fill)


@pytest.mark.parametrize("diagram", DIAGRAMS.values(), ids=list(DIAGRAMS))
def test_each_diagram_has_a_text_alternative_that_teaches_and_never_promises(diagram):
    words = f"{diagram.alt} {diagram.caption}".lower()
    assert len(diagram.alt) > 120  # says what the picture teaches, not just its name
    for promise in ("cure", "guarantee", "always works", "will fix", "100%"):
        assert promise not in words


def test_the_ims_diagram_names_dr_gunns_theory_and_says_may():
    svg = diagram_source("how-ims-works")
    assert "Dr. Gunn's theory" in svg and " may " in svg
    assert "not yet fully known" in svg
    assert "may" in DIAGRAMS["how-ims-works"].alt and "Gunn" in DIAGRAMS["how-ims-works"].alt


def test_the_acupuncture_diagram_shows_straight_out_against_20_to_30_minutes():
    svg = diagram_source("ims-and-acupuncture")
    assert "straight out" in svg and "20–30 minutes" in svg


def test_the_aftercare_sheet_shows_the_chest_diagram_with_the_delayed_warning(client, clinic):
    AftercareTipFactory(kind="urgent", title="Sudden shortness of breath")

    html = client.get(reverse("education:aftercare")).content.decode()

    urgent = re.search(r'<section class="mb-4 urgent-box.*?</section>', html, re.S).group(0)
    assert DIAGRAMS["chest-safety"].file in urgent
    assert f'alt="{DIAGRAMS["chest-safety"].alt}"' in urgent.replace("&#x27;", "'")
    for words in ("hours to two days", "pain when you breathe", "dry cough", "call 911"):
        assert words in urgent.lower()
    svg = diagram_source("chest-safety")
    assert "Call 911 or go to emergency." in svg and "needling" in svg


def test_an_article_shows_the_diagram_staff_chose(client, db):
    article = ArticleFactory(diagram="referred-pain")

    html = client.get(article.get_absolute_url()).content.decode()

    assert DIAGRAMS["referred-pain"].file in html
    assert str(DIAGRAMS["referred-pain"].caption) in html


def test_demo_articles_use_the_diagrams(demo_content):
    used = set(Article.objects.exclude(diagram="").values_list("diagram", flat=True))
    assert {"how-ims-works", "ims-and-acupuncture", "referred-pain"} <= used


def test_the_french_aftercare_sheet_shows_the_french_chest_diagram(client, clinic):
    AftercareTipFactory(kind="urgent", title="Sudden shortness of breath")

    with translation.override("fr"):
        url = reverse("education:aftercare")
    html = client.get(url).content.decode()

    assert url.startswith("/fr/")
    assert "img/diagrams/chest-safety.fr.svg" in html
    assert "img/diagrams/chest-safety.svg" not in html
    svg = Path(finders.find("img/diagrams/chest-safety.fr.svg")).read_text()
    assert "Appelez le 911 ou allez à l’urgence." in svg


def test_the_english_aftercare_sheet_keeps_the_english_chest_diagram(client, clinic):
    AftercareTipFactory(kind="urgent", title="Sudden shortness of breath")

    html = client.get(reverse("education:aftercare")).content.decode()

    assert "img/diagrams/chest-safety.svg" in html
    assert not re.search(r"chest-safety\.[a-z-]+\.svg", html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_article_shows_the_diagram_in_the_page_language(client, db, language):
    article = ArticleFactory(diagram="how-ims-works")

    with translation.override(language):
        url = article.get_absolute_url()
    html = client.get(url).content.decode()

    shown = re.findall(r'src="[^"]*/(how-ims-works[^"/]*\.svg)"', html)
    expected = "how-ims-works.svg" if language == "en" else f"how-ims-works.{language}.svg"
    assert shown == [expected]
