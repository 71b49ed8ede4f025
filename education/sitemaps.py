from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, SitePage


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Article.objects.published().order_by("pk")

    def lastmod(self, article):
        return article.updated_at


class PageSitemap(Sitemap):
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
        self.updated = dict(SitePage.objects.values_list("key", "updated_at"))
        return self.pages

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        return self.updated.get(item[1])


SITEMAPS = {"articles": ArticleSitemap, "pages": PageSitemap}
