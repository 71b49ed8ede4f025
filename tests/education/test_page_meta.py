"""What pages tell search engines and sharing sites: tags, JSON-LD, sitemap, robots.txt, feed."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from education.models import FAQ, Article
from tests.factories import (
    ArticleFactory,
    FAQCategoryFactory,
    FAQFactory,
    GlossaryTermFactory,
    SitePageFactory,
)

pytestmark = pytest.mark.django_db


def json_ld(html):
    """Every JSON-LD block on the page, parsed."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def of_type(blocks, schema_type):
    return [block for block in blocks if schema_type in block.get("@type", [])]


def test_article_page_has_social_tags_and_a_canonical_url(client, clinic):
    article = ArticleFactory(title="Why muscles tighten", summary="Nerves and muscles.")

    html = client.get(article.get_absolute_url()).content.decode()

    canonical = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert '<meta property="og:title" content="Why muscles tighten">' in html
    assert '<meta property="og:description" content="Nerves and muscles.">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert 'name="robots"' not in html


def test_article_json_ld_is_a_reviewed_medical_web_page_about_ims(client, clinic):
    article = ArticleFactory(
        reviewer__name="Maya Reviewer",
        reviewer__credentials="Registered Physiotherapist",
        last_reviewed=datetime.date(2026, 3, 1),
    )

    blocks = json_ld(client.get(article.get_absolute_url()).content.decode())

    [page] = of_type(blocks, "MedicalWebPage")
    assert page["@context"] == "https://schema.org"
    assert page["lastReviewed"] == "2026-03-01"
    assert page["reviewedBy"] == {
        "@type": "Person",
        "name": "Maya Reviewer",
        "jobTitle": "Registered Physiotherapist",
    }
    assert page["about"]["@type"] == "MedicalTherapy"
    assert "IMS" in page["about"]["name"]
    assert page["publisher"]["name"] == "Harbour Test Physiotherapy"


def test_json_ld_cannot_be_broken_out_of_by_content(client, clinic):
    article = ArticleFactory(title="</script><script>alert(1)</script> & more")

    html = client.get(article.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in html
    [page] = of_type(json_ld(html), "MedicalWebPage")
    assert page["name"] == "</script><script>alert(1)</script> & more"


def test_faq_json_ld_lists_exactly_the_questions_the_page_shows(client, clinic):
    first = FAQCategoryFactory(order=1)
    second = FAQCategoryFactory(order=2)
    FAQFactory(category=second, question="Will it hurt?", answer="<p>A deep <b>ache</b>.</p>")
    FAQFactory(category=first, question="What is IMS?", answer="<p>Dry needling &amp; more.</p>")
    FAQFactory(category=first, question="Hidden question?", is_published=False)

    html = client.get(reverse("education:faq")).content.decode()

    [faq_page] = of_type(json_ld(html), "FAQPage")
    shown = re.findall(r"<summary>(.*?)</summary>", html)
    assert [item["name"] for item in faq_page["mainEntity"]] == shown
    assert shown == ["What is IMS?", "Will it hurt?"]
    answers = [item["acceptedAnswer"]["text"] for item in faq_page["mainEntity"]]
    assert answers == ["Dry needling & more.", "A deep ache."]
    assert FAQ.objects.count() == 3


def test_home_and_contact_describe_the_clinic_from_its_profile(client, clinic):
    for url in (reverse("education:home"), reverse("education:contact")):
        [data] = of_type(json_ld(client.get(url).content.decode()), "MedicalClinic")
        assert data["@type"] == ["MedicalClinic", "Physiotherapy"]
        assert data["name"] == "Harbour Test Physiotherapy"
        assert data["telephone"] == "604-555-0100"
        assert data["address"] == {
            "@type": "PostalAddress",
            "streetAddress": "100 Test Street",
            "addressLocality": "Vancouver",
            "addressRegion": "BC",
            "postalCode": "V5K 0A1",
            "addressCountry": "CA",
        }


def test_no_page_publishes_review_star_markup(client, demo_content):
    for url in (reverse("education:home"), reverse("education:contact")):
        html = client.get(url).content.decode()
        assert "aggregateRating" not in html
        assert "reviewRating" not in html


def test_inner_pages_have_breadcrumbs_matching_their_breadcrumb_list(client, clinic):
    article = ArticleFactory(title="Sleep and pain")

    html = client.get(article.get_absolute_url()).content.decode()

    nav = re.search(r'<nav aria-label="Breadcrumb".*?</nav>', html, re.S).group(0)
    assert '<a href="/">Home</a>' in nav
    assert '<a href="/articles/">Articles</a>' in nav
    assert '<li class="breadcrumb-item active" aria-current="page">Sleep and pain</li>' in nav
    [crumbs] = of_type(json_ld(html), "BreadcrumbList")
    assert [
        (item["position"], item["name"], item["item"]) for item in crumbs["itemListElement"]
    ] == [
        (1, "Home", "http://testserver/"),
        (2, "Articles", "http://testserver/articles/"),
        (3, "Sleep and pain", f"http://testserver{article.get_absolute_url()}"),
    ]


def test_home_page_has_no_breadcrumbs(client, clinic):
    html = client.get(reverse("education:home")).content.decode()

    assert 'aria-label="Breadcrumb"' not in html
    assert not of_type(json_ld(html), "BreadcrumbList")


def test_sitemap_lists_published_articles_and_pages_with_lastmod(client, clinic):
    live = ArticleFactory()
    draft = ArticleFactory(status=Article.Status.DRAFT)
    SitePageFactory(key="faq")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.fromstring(response.content)  # noqa: S314 - our own server's output
    entries = {
        url.find("s:loc", ns).text: url.find("s:lastmod", ns) for url in root.findall("s:url", ns)
    }
    assert f"http://testserver{live.get_absolute_url()}" in entries
    assert f"http://testserver{draft.get_absolute_url()}" not in entries
    assert entries[f"http://testserver{live.get_absolute_url()}"] is not None
    assert entries["http://testserver/faq/"] is not None
    assert "http://testserver/glossary/" in entries


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_the_admin(client, clinic):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_feed_lists_published_articles_newest_first(client, clinic):
    ArticleFactory(title="Older article")
    newer = ArticleFactory(title="Newer article")
    newer.published_at = newer.published_at + datetime.timedelta(hours=1)
    newer.save()
    ArticleFactory(title="Draft article", status=Article.Status.DRAFT)

    response = client.get(reverse("education:feed"))

    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own server's output
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [entry.find("a:title", ns).text for entry in root.findall("a:entry", ns)]
    assert titles == ["Newer article", "Older article"]
    assert 'type="application/atom+xml"' in client.get("/").content.decode()


def test_every_public_page_has_valid_json_ld_and_its_own_social_tags(client, demo_content):
    from tests.test_site import public_urls

    for url in public_urls():
        html = client.get(url).content.decode()
        blocks = json_ld(html)  # fails on any block that is not valid JSON
        for block in blocks:
            assert block["@context"] == "https://schema.org", url
            assert block["@type"], url
        title = re.search(r'<meta property="og:title" content="([^"]*)">', html).group(1)
        assert title.strip(), url
        assert re.search(r'<link rel="canonical" href="http://testserver/[^"]*">', html), url


def test_glossary_json_ld_defines_each_term_shown(client, clinic):
    GlossaryTermFactory(term="Neuropathy", slug="neuropathy", definition="A nerve problem.")

    [terms] = of_type(json_ld(client.get("/glossary/").content.decode()), "DefinedTermSet")

    assert terms["hasDefinedTerm"] == [
        {
            "@type": "DefinedTerm",
            "name": "Neuropathy",
            "description": "A nerve problem.",
            "url": "http://testserver/glossary/#neuropathy",
            "inDefinedTermSet": "http://testserver/glossary/",
        }
    ]


def test_a_french_feed_marks_the_entries_still_in_english(client, clinic):
    from education.translations import translation_approve
    from tests.factories import ReviewerFactory

    translated = ArticleFactory(title="Needles and you", slug="needles")
    translation_approve(
        obj=translated,
        language="fr",
        values={"title": "Les aiguilles et vous"},
        reviewer=ReviewerFactory(),
    )
    ArticleFactory(title="After your visit", slug="after")

    feed = ET.fromstring(client.get("/fr/feed/").content)  # noqa: S314 - our own server's output
    atom = "{http://www.w3.org/2005/Atom}"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    entries = {entry.find(f"{atom}title").text: entry for entry in feed.iter(f"{atom}entry")}

    assert feed.get(lang) == "fr"
    assert entries["Les aiguilles et vous"].get(lang) is None  # in the feed's language
    assert entries["After your visit"].get(lang) == "en"
    assert (
        entries["After your visit"].find(f"{atom}link").get("href").endswith("/fr/articles/after/")
    )


def test_the_chinese_feed_names_its_script(client, clinic):
    ArticleFactory()

    feed = ET.fromstring(client.get("/zh-hant/feed/").content)  # noqa: S314 - our own server's output

    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hant"
