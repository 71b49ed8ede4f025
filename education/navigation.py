"""The site's main menu: one step from every page to every page."""

import functools

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

MAIN_NAVIGATION = (
    ("education:home", _("Home")),
    ("education:article-list", _("Articles")),
    ("education:faq", _("Questions")),
    ("education:benefits", _("Benefits")),
    ("education:conditions", _("Conditions")),
    ("education:safety", _("Safety")),
    ("education:aftercare", _("Aftercare")),
    ("education:contact", _("Contact")),
)

# Helpful pages that are not in the main menu: linked from every page's footer.
FOOTER_NAVIGATION = (
    ("education:self-check", _("Is IMS right for me?")),
    ("education:practitioners", _("Who treats you")),
    ("education:coverage", _("Costs and coverage")),
    ("education:evidence", _("What the research shows")),
    ("education:glossary", _("Words you may meet")),
    ("education:search", _("Search")),
)


@functools.cache
def resolved(items, language):
    """``[(url, label)]`` for a menu in ``language`` (the active one), reversed once
    per process and language: the URLs never change while the site runs, and every
    page shows both menus. The labels are translated when the page shows them."""
    return tuple((reverse(name), label) for name, label in items)
