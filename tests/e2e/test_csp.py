"""The Content Security Policy blocks nothing the site itself needs, in the admin or outside it."""

import pytest
from django.contrib.admin.sites import site as admin_site
from django.urls import reverse

from tests.conftest import load_demo
from tests.e2e.conftest import public_paths, running_site
from tests.factories import SuperUserFactory

# These checks only read: one site with the demo content for the module.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db, pytest.mark.xdist_group("csp")]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    def load():
        load_demo()
        SuperUserFactory(username="csp-boss", password="a-long-test-password")

    with running_site(django_db_blocker, load) as server:
        yield server


VIOLATION_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile}:${event.lineNumber})`
  );
});
"""

# Violation reports are queued as tasks: an animation frame and one more task
# after the load event lets every report of the page's own scripts arrive.
LET_QUEUED_REPORTS_ARRIVE = (
    "() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))"
)


def watch_csp(page):
    """Collect every CSP report: console messages and securitypolicyviolation events."""
    seen = []
    page.add_init_script(VIOLATION_LISTENER)
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and seen.append(f"{page.url}: {message.text}")
        ),
    )

    def collect():
        seen.extend(f"{page.url}: {v}" for v in page.evaluate("window.__cspViolations || []"))

    return seen, collect


def admin_paths():
    """The admin home, and every changelist and add form."""
    paths = [reverse("admin:index")]
    for model in admin_site._registry:
        info = f"{model._meta.app_label}_{model._meta.model_name}"
        paths += [reverse(f"admin:{info}_changelist"), reverse(f"admin:{info}_add")]
    return paths


def test_the_check_notices_an_inline_script(site, open_page):
    page, _ = open_page("desktop")
    seen, collect = watch_csp(page)
    page.goto(site.url + "/")
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.appendChild(script);
        }"""
    )
    page.evaluate(LET_QUEUED_REPORTS_ARRIVE)
    collect()

    assert page.evaluate("window.injected") is None
    assert any("script-src" in line for line in seen)


def test_public_pages_work_under_the_policy_with_no_violation(site, open_page):
    page, _ = open_page("desktop")
    seen, collect = watch_csp(page)
    for _, path in public_paths():
        page.goto(site.url + path)
        page.wait_for_load_state("load")
        collect()

    assert seen == []


def test_the_admin_and_its_editor_work_under_the_policy_with_no_violation(site, open_page):
    page, _ = open_page("desktop")
    seen, collect = watch_csp(page)
    page.goto(site.url + reverse("admin:login"))
    page.fill("#id_username", "csp-boss")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_load_state("load")
    assert "log in" not in page.title().lower()

    from education.models import Article

    paths = admin_paths()
    paths += [
        reverse("admin:education_article_change", args=[article.pk])
        for article in Article.objects.all()[:2]
    ]
    for path in paths:
        page.goto(site.url + path)
        page.wait_for_load_state("load")
        if path.endswith(("/add/", "/change/")):
            page.wait_for_timeout(150)  # the forms' editors start after the load event
        else:
            page.evaluate(LET_QUEUED_REPORTS_ARRIVE)
        collect()

    assert seen == [], "\n".join(seen)
