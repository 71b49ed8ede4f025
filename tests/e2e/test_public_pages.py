"""Every public page, at phone and desktop widths, in a real browser."""

import pytest

from tests.e2e.conftest import describe_violations, public_paths, run_axe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", ["mobile", "desktop"])
def test_every_public_page_has_no_accessibility_violations(site, open_page, width):
    page, _ = open_page(width, bypass_csp=True)
    failures = []
    for name, path in public_paths():
        page.goto(site.url + path)
        violations = run_axe(page)
        if violations:
            failures.append(f"{name} ({path}):\n{describe_violations(violations)}")
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("width", ["mobile", "desktop"])
def test_every_public_page_loads_cleanly_and_is_photographed(
    site, open_page, screenshot_dir, width
):
    page, problems = open_page(width)
    for name, path in public_paths():
        response = page.goto(site.url + path)
        expected = 404 if name == "not-found" else 200
        assert response.status == expected, path
        if name == "not-found":
            problems.items = [item for item in problems.items if path not in item]
        page.screenshot(path=str(screenshot_dir / f"{name}-{width}.png"), full_page=True)
        # Nothing may stick out sideways: the layout must fit the screen.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px wider than the {width} screen"
    assert not problems.items, "\n".join(problems.items)
    missing = [
        name for name, _ in public_paths() if not (screenshot_dir / f"{name}-{width}.png").exists()
    ]
    assert not missing, f"no screenshot of {missing}"
