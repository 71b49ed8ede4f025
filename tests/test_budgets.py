"""Page weight budgets, measured on the rendered pages a patient's phone downloads."""

import functools
import gzip
import re

import brotli
import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from education.models import Article
from tests.factories import CommentFactory
from tests.test_site import public_urls

# Content loaded once for the module: its tests stay in one test process.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("budgets")]


@pytest.fixture
def demo_content(demo_content_for_module, db):
    """The demo content, loaded once for the module (about 3 s each time); each test
    still runs in its own transaction."""


HTML_BUDGET = 40 * 1024  # uncompressed
ASSET_BUDGET = 60 * 1024  # all CSS and JS of one page, compressed

COMMENT = (
    "I had IMS for my shoulder last month. The first visit felt strange, like a deep "
    "cramp for a second or two, and I was sore the next day, a bit like after a hard "
    "workout. By the third visit I could reach the top shelf again. My advice is to "
    "drink water, keep moving gently, and tell your physiotherapist how you felt after "
    "each session so they can adjust. Thank you for explaining it so clearly here."
)


@pytest.fixture
def article_with_twenty_comments(demo_content):
    article = max(Article.objects.published(), key=lambda a: len(a.body))
    CommentFactory.create_batch(20, article=article, body=COMMENT)
    return article


def page_urls():
    return [reverse("education:search") + "?q=needle", *public_urls()]


def assets_of(html):
    styles = re.findall(r'<link[^>]*rel="stylesheet"[^>]*>', html)
    scripts = re.findall(r"<script[^>]*\bsrc=[^>]*>", html)
    return [re.search(r'(?:href|src)="([^"]+)"', tag).group(1) for tag in styles + scripts]


@functools.cache
def compressed_sizes(url):
    """(gzip, brotli) sizes of a static file, as WhiteNoise serves it."""
    assert url.startswith("/static/"), f"{url} is not served from this site's static files"
    path = finders.find(url.removeprefix("/static/"))
    assert path, url
    with open(path, "rb") as file:
        data = file.read()
    return len(gzip.compress(data, 9)), len(brotli.compress(data))


def test_article_with_twenty_comments_is_under_40_kb_of_html(client, article_with_twenty_comments):
    html = client.get(article_with_twenty_comments.get_absolute_url()).content

    assert html.decode().count(COMMENT[:60]) == 20  # all twenty are on the page
    assert len(html) < HTML_BUDGET, f"{len(html)} bytes"


def test_every_page_loads_under_60_kb_of_css_and_js_compressed(
    client, article_with_twenty_comments
):
    for url in page_urls():
        html = client.get(url).content.decode()
        sizes = [compressed_sizes(asset) for asset in assets_of(html)]
        gzipped = sum(size[0] for size in sizes)
        brotlied = sum(size[1] for size in sizes)

        assert sizes, url
        assert gzipped < ASSET_BUDGET, f"{url}: {gzipped} bytes gzipped"
        assert brotlied < gzipped, url


def test_no_page_loads_the_bootstrap_javascript_bundle(client, demo_content):
    for url in page_urls():
        html = client.get(url).content.decode()
        assert "bootstrap.bundle" not in html and "bootstrap.min.js" not in html, url


def test_nothing_from_another_site_can_block_the_page_from_showing(client, demo_content):
    for url in page_urls():
        html = client.get(url).content.decode()
        head = html.split("</head>", 1)[0]
        for tag in re.findall(r"<(?:script|link|iframe|img)\b[^>]*>", html):
            source = re.search(r'\b(?:src|href)="([^"]+)"', tag)
            if source and tag.startswith(("<script", "<iframe", "<img")):
                assert not source.group(1).startswith(("http:", "https:", "//")), (url, tag)
            if tag.startswith("<link") and "stylesheet" in tag:
                assert source.group(1).startswith("/static/"), (url, tag)
        for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", head):
            assert re.search(r"\b(defer|async)\b|type=\"module\"", tag), (url, tag)


def test_every_image_has_its_size_and_loads_lazily(client, article_with_twenty_comments):
    checked = 0
    for url in [*page_urls(), reverse("education:body-map")]:
        html = client.get(url).content.decode()
        tags = re.findall(r"<img\b[^>]*>", html)
        for tag in tags:
            assert re.search(r'\bwidth="\d+"', tag) and re.search(r'\bheight="\d+"', tag), tag
            assert 'loading="lazy"' in tag or 'fetchpriority="high"' in tag, tag
            if 'loading="lazy"' in tag:
                assert 'decoding="async"' in tag, tag
        # At most one picture per page is fetched ahead of the rest.
        assert sum('fetchpriority="high"' in tag for tag in tags) <= 1, url
        checked += len(tags)
    # The demo pages have real pictures: the lead image, the diagrams.
    assert checked >= 5, checked
