"""The site's main menu: one step from every page to every page."""

MAIN_NAVIGATION = [
    ("education:home", "Home"),
    ("education:article-list", "Articles"),
    ("education:faq", "Questions"),
    ("education:benefits", "Benefits"),
    ("education:conditions", "Conditions"),
    ("education:safety", "Safety"),
    ("education:aftercare", "Aftercare"),
    ("education:contact", "Contact"),
]
