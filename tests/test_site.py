"""Site-wide guards: every public page answers, has one <h1> and its own title."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from education.models import Article

# Content loaded once for the module: its tests stay in one test process.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("site-pages")]


@pytest.fixture
def demo_content(demo_content_for_module, db):
    """The demo content, loaded once for the module (about 3 s each time); each test
    still runs in its own transaction."""


PUBLIC_URL_NAMES = [
    "education:home",
    "education:article-list",
    "education:faq",
    "education:benefits",
    "education:conditions",
    "education:safety",
    "education:aftercare",
    "education:contact",
    "education:self-check",
    "education:glossary",
    "education:search",
    "education:evidence",
    "education:coverage",
    "education:practitioners",
]


def public_urls():
    urls = [reverse(name) for name in PUBLIC_URL_NAMES]
    urls += [article.get_absolute_url() for article in Article.objects.published()]
    return urls


def test_every_public_page_answers_with_one_h1_a_unique_title_and_description(client, demo_content):
    titles, descriptions = {}, {}
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
        assert description.strip(), url
        assert title not in titles, f"{url} repeats the title of {titles.get(title)}"
        assert description not in descriptions, f"{url} repeats the description"
        titles[title] = url
        descriptions[description] = url


def test_every_page_links_to_every_main_page(client, demo_content):
    targets = [reverse(name) for name in PUBLIC_URL_NAMES]
    for url in public_urls():
        html = client.get(url).content.decode()
        for target in targets:
            assert f'href="{target}"' in html, f"{url} has no link to {target}"


def test_every_page_has_a_skip_link_and_landmarks(client, demo_content):
    for url in public_urls():
        html = client.get(url).content.decode()
        assert 'href="#main"' in html
        for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
            assert landmark in html, (url, landmark)


def test_every_page_has_the_search_box(client, demo_content):
    for url in public_urls():
        html = client.get(url).content.decode()
        # One search form per page: the search page has its own, bigger one.
        assert html.count('role="search" action="/search/" method="get"') == 1, url
        field_id = re.search(r'<input[^>]*type="search" id="([^"]+)"', html).group(1)
        assert f'for="{field_id}"' in html, url


def test_every_inner_page_has_breadcrumbs_starting_at_home(client, demo_content):
    for url in public_urls():
        html = client.get(url).content.decode()
        if url == reverse("education:home"):
            continue
        crumbs = re.search(r'<nav aria-label="Breadcrumb".*?</nav>', html, re.S)
        assert crumbs, url
        assert '<a href="/">Home</a>' in crumbs.group(0), url
        assert 'aria-current="page"' in crumbs.group(0), url


def test_unknown_page_gets_the_styled_404(client, clinic):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Sorry, we cannot find that page" in response.content.decode()


def test_server_error_page_is_friendly(client, clinic):
    from django.test import RequestFactory

    from education.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


def test_no_model_changes_are_missing_a_migration():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


def test_system_checks_pass():
    call_command("check", stdout=StringIO())


def test_no_page_loads_assets_from_another_site(client, demo_content):
    for url in public_urls():
        html = client.get(url).content.decode()
        for src in re.findall(r'(?:src|href)="([^"]+\.(?:css|js))"', html):
            assert src.startswith("/static/"), (url, src)
