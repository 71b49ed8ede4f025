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


MENUS = {"main": MAIN_NAVIGATION, "footer": FOOTER_NAVIGATION}


@functools.cache
def resolved(menu, language):
    """``[(url, label)]`` for the menu named ``menu`` ("main" or "footer") in
    ``language`` (the active one), reversed once per process and language: the URLs
    never change while the site runs, and every page shows both menus. The labels
    are translated when the page shows them. The cache is keyed by the menu's name,
    not its items: hashing a lazy label translates it, 14 times per page."""
    return tuple((reverse(name), label) for name, label in MENUS[menu])
