from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from clinic_site.languages import codes

from .models import Article, GlossaryTerm, SitePage
from .page_meta import translated_languages


class TranslatedSitemap(Sitemap):
    """Each page once per language it has been translated into, with the others
    (and x-default, the English page) as hreflang alternates. A page is listed
    only in the languages it really exists in."""

    i18n = True
    alternates = True
    x_default = True

    def translated_objects(self, item):
        return [item]

    def get_languages_for_item(self, item):
        available = translated_languages(self.translated_objects(item))
        return [code for code in codes() if code in available]


class ArticleSitemap(TranslatedSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Article.objects.published().order_by("pk")

    def lastmod(self, article):
        return article.updated_at


class PageSitemap(TranslatedSitemap):
    """The fixed pages, dated by the last edit of their staff-written text."""

    changefreq = "monthly"
    priority = 0.6
    pages = [
        ("education:home", SitePage.Key.HOME),
        ("education:article-list", SitePage.Key.ARTICLES),
        ("education:faq", SitePage.Key.FAQ),
        ("education:benefits", SitePage.Key.BENEFITS),
        ("education:conditions", SitePage.Key.CONDITIONS),
        ("education:safety", SitePage.Key.SAFETY),
        ("education:aftercare", SitePage.Key.AFTERCARE),
        ("education:contact", SitePage.Key.CONTACT),
        ("education:glossary", None),
    ]

    def items(self):
        self.site_pages = {page.key: page for page in SitePage.objects.all()}
        return self.pages

    def translated_objects(self, item):
        if item[1] is None:  # the glossary: its words are staff text
            return list(GlossaryTerm.objects.cleared())
        return [self.site_pages.get(item[1])]

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        page = self.site_pages.get(item[1])
        return page.updated_at if page else None


SITEMAPS = {"articles": ArticleSitemap, "pages": PageSitemap}
