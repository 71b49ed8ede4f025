"""The trimmed Bootstrap (make css) holds every Bootstrap rule the templates use."""

import re
from pathlib import Path

from django.conf import settings

BOOTSTRAP = Path(settings.BASE_DIR) / "static" / "vendor" / "bootstrap"
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
TEMPLATE_TAG = re.compile(r"\{[{%].*?[}%]\}")


def classes_defined(css):
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", css))


def classes_in_templates():
    used = set()
    for template in (Path(settings.BASE_DIR) / "templates").rglob("*.html"):
        for attribute in CLASS_ATTRIBUTE.findall(template.read_text()):
            used.update(TEMPLATE_TAG.sub(" ", attribute).split())
    return used


def test_every_bootstrap_class_a_template_uses_is_in_the_trimmed_stylesheet():
    full = classes_defined((BOOTSTRAP / "bootstrap.min.css").read_text())
    trimmed = classes_defined((BOOTSTRAP / "bootstrap.used.min.css").read_text())
    used = classes_in_templates() & full

    assert used, "no Bootstrap class found in the templates"
    assert not used - trimmed, f"run `make css`: missing {sorted(used - trimmed)}"


def test_the_trimmed_stylesheet_is_much_smaller_than_bootstrap():
    full = (BOOTSTRAP / "bootstrap.min.css").stat().st_size
    trimmed = (BOOTSTRAP / "bootstrap.used.min.css").stat().st_size
    assert trimmed < full / 3
