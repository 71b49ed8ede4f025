"""Browser tests: the real site (pytest-django's live_server) in Debian's Chromium.

One browser is started for the whole run and each test opens its own context, so
tests stay isolated without paying for a browser start each time.
"""

import functools
import os
import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from tests.conftest import kept_for_a_module, load_demo

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_SOURCE = functools.cache(lambda: AXE_SCRIPT.read_text() + "\n;undefined")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

MOBILE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"mobile": MOBILE, "desktop": DESKTOP}


@pytest.fixture(scope="package")
def browser():
    """One Chromium for all the browser tests, closed as soon as the last one ends.

    Playwright's sync API keeps an event loop running in this thread, so Django
    must be told to allow database calls beside it. That holds only while the
    browser is open: pytest-django runs the tests without a database last, and one
    of them starts `check --deploy` in a subprocess, which rightly refuses it.
    """
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is needed for the browser tests: {CHROMIUM} (run `make browser`)")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def screenshot_dir():
    """A folder named after this run, e.g. test-artifacts/screenshots/20260101-120000-sqlite."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = ARTIFACTS / "screenshots" / f"{stamp}-{connection.vendor}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def site(live_server):
    """The running site with the demo clinic's content, loaded afresh for this test.

    For tests that change data: pytest-django empties the database after each.
    """
    load_demo()
    return live_server


@contextmanager
def running_site(django_db_blocker, load):
    """A live server over what ``load()`` put in, kept for a whole module.

    For modules whose tests only read (marked plain ``django_db``). It is a live
    server of its own, not pytest-django's ``live_server``, which empties the
    database after every test; here the module's data is removed once, at its end.
    """
    from pytest_django.live_server_helper import LiveServer

    with kept_for_a_module(django_db_blocker, load):
        server = LiveServer("localhost")
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The running site with the demo content, loaded once for a whole module."""
    with running_site(django_db_blocker, load_demo) as server:
        yield server


@dataclass
class PageProblems:
    """Console errors, uncaught exceptions and failed requests seen while browsing."""

    items: list = field(default_factory=list)

    def watch(self, page):
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and self.items.append(f"console error on {page.url}: {message.text}")
            ),
        )
        page.on(
            "pageerror", lambda error: self.items.append(f"script error on {page.url}: {error}")
        )
        page.on("requestfailed", self.request_failed)
        page.on(
            "response",
            lambda response: (
                response.status >= 400
                and self.items.append(f"HTTP {response.status}: {response.url}")
            ),
        )

    def request_failed(self, request):
        # ERR_ABORTED is the browser cancelling its own request, such as the favicon
        # of a page it is already leaving for the next one: no fault of the site.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.items.append(f"request failed: {request.url} ({request.failure})")


@pytest.fixture
def open_page(browser):
    """open_page(width_name) -> (page, problems): a fresh browser tab at that width.

    ``bypass_csp=True`` lets the test inject axe-core past the site's Content Security
    Policy; every other test browses under the policy, so a violation shows up as
    a console error.
    """
    contexts = []

    def _open(width="mobile", bypass_csp=False, javascript=True):
        context = browser.new_context(
            viewport=WIDTHS[width],
            reduced_motion="reduce",
            bypass_csp=bypass_csp,
            java_script_enabled=javascript,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        problems = PageProblems()
        problems.watch(page)
        return page, problems

    yield _open
    for context in contexts:
        context.close()


def photograph(page, folder, name):
    """A full-page screenshot for a person to look at, as JPEG: smaller and quicker
    to write than PNG for the page passes' tall pages, and sharp enough to judge a
    layout."""
    path = folder / f"{name}.jpg"
    page.screenshot(path=str(path), full_page=True, type="jpeg", quality=80)
    return path


def run_axe(page):
    """Run axe-core on the loaded page and return its violations.

    axe is evaluated from the test (as DevTools would), not added as a script
    tag, so it runs under the site's Content Security Policy: the same visit
    checks accessibility and reports any policy violation.
    """
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE())
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: "tag", values: [
                "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"
            ]},
            resultTypes: ["violations"],
        })"""
    )
    return result["violations"]


def describe_violations(violations):
    lines = []
    for violation in violations:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)


def public_paths():
    """Every public page a patient can reach, with a short name for screenshots."""
    from education.models import Article, BodyRegion

    paths = [
        ("home", reverse("education:home")),
        ("articles", reverse("education:article-list")),
        ("faq", reverse("education:faq")),
        ("benefits", reverse("education:benefits")),
        ("conditions", reverse("education:conditions")),
        ("safety", reverse("education:safety")),
        ("aftercare", reverse("education:aftercare")),
        ("contact", reverse("education:contact")),
        ("self-check", reverse("education:self-check")),
        ("glossary", reverse("education:glossary")),
        ("evidence", reverse("education:evidence")),
        ("coverage", reverse("education:coverage")),
        ("practitioners", reverse("education:practitioners")),
        ("body-map", reverse("education:body-map")),
        ("search", reverse("education:search") + "?q=acupuncture"),
        ("search-empty", reverse("education:search") + "?q=zebra"),
        ("not-found", "/no-such-page/"),
    ]
    for article in Article.objects.published().order_by("order", "pk"):
        paths.append((f"article-{article.slug}", article.get_absolute_url()))
    for region in BodyRegion.objects.filter(slug__in=["neck", "knee"]):
        paths.append((f"where-it-hurts-{region.slug}", region.get_absolute_url()))
    return paths


def axe_paths():
    """The public pages checked with axe: every template once. Articles share one
    template, so the first article stands for them all."""
    paths = [(name, path) for name, path in public_paths() if not name.startswith("article-")]
    articles = [(name, path) for name, path in public_paths() if name.startswith("article-")]
    return paths + articles[:1]


def slug(text):
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-")
