"""The site's main menu: one step from every page to every page."""

import functools

from django.urls import reverse

MAIN_NAVIGATION = (
    ("education:home", "Home"),
    ("education:article-list", "Articles"),
    ("education:faq", "Questions"),
    ("education:benefits", "Benefits"),
    ("education:conditions", "Conditions"),
    ("education:safety", "Safety"),
    ("education:aftercare", "Aftercare"),
    ("education:contact", "Contact"),
)

# Helpful pages that are not in the main menu: linked from every page's footer.
FOOTER_NAVIGATION = (
    ("education:self-check", "Is IMS right for me?"),
    ("education:practitioners", "Who treats you"),
    ("education:coverage", "Costs and coverage"),
    ("education:evidence", "What the research shows"),
    ("education:glossary", "Words you may meet"),
    ("education:search", "Search"),
)


@functools.cache
def resolved(items):
    """``[(url, label)]`` for a menu, reversed once per process: the URLs never change
    while the site runs, and every page shows both menus."""
    return tuple((reverse(name), label) for name, label in items)
