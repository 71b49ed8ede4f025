"""Every public page, at phone and desktop widths, in a real browser.

One visit per page and width: it checks the answer and the layout, takes the
screenshot and, under the site's own Content Security Policy, runs axe-core on
one page of each template.
"""

import pytest

from tests.e2e.conftest import axe_paths, describe_violations, photograph, public_paths, run_axe

# The demo content is loaded once for the module (demo_site); each test only reads.
# One live server with the demo content for the module, in one test process.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db, pytest.mark.xdist_group("public-pages")]


@pytest.mark.parametrize("width", ["mobile", "desktop"])
def test_every_public_page_loads_cleanly_is_accessible_and_photographed(
    demo_site, open_page, screenshot_dir, width
):
    page, problems = open_page(width)
    checked_with_axe = dict(axe_paths())
    failures = []
    for name, path in public_paths():
        response = page.goto(demo_site.url + path)
        expected = 404 if name == "not-found" else 200
        assert response.status == expected, path
        if name == "not-found":
            problems.items = [item for item in problems.items if path not in item]
        photograph(page, screenshot_dir, f"{name}-{width}")
        # Nothing may stick out sideways: the layout must fit the screen.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px wider than the {width} screen"
        if name in checked_with_axe and (violations := run_axe(page)):
            failures.append(f"{name} ({path}):\n{describe_violations(violations)}")
    assert not failures, "\n\n".join(failures)
    assert not problems.items, "\n".join(problems.items)
    missing = [
        name for name, _ in public_paths() if not (screenshot_dir / f"{name}-{width}.jpg").exists()
    ]
    assert not missing, f"no screenshot of {missing}"


def test_the_accessibility_check_runs_under_the_policy_and_can_fail(demo_site, open_page):
    page, _ = open_page("mobile")
    page.goto(demo_site.url + "/")
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")

    assert "image-alt" in [violation["id"] for violation in run_axe(page)]
