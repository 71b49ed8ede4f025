"""The site's own diagrams: safe SVG, readable on a phone, honest, where they help."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from education.diagrams import DIAGRAMS
from education.models import Article
from tests.factories import AftercareTipFactory, ArticleFactory

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"
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


def parse(diagram):
    # The site's own files, not uploads.
    return ET.parse(finders.find(diagram.file)).getroot()  # noqa: S314


@pytest.mark.parametrize("diagram", DIAGRAMS.values(), ids=list(DIAGRAMS))
def test_each_diagram_is_plain_drawing_with_no_script_or_outside_links(diagram):
    root = parse(diagram)
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not tags & {"script", "foreignObject", "image", "iframe", "a"}
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.startswith("on"), (element.tag, name)
            if name.endswith("href"):
                assert value.startswith("#"), value
    assert root.get("viewBox") == f"0 0 {diagram.width} {diagram.height}"


@pytest.mark.parametrize("diagram", DIAGRAMS.values(), ids=list(DIAGRAMS))
def test_each_diagram_text_is_readable_at_390_px_with_aa_contrast(diagram):
    root = parse(diagram)
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
