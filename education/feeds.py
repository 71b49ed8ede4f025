from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from . import services
from .models import Article


class LatestArticlesFeed(Feed):
    """The newest published articles, as an Atom feed for feed readers."""

    feed_type = Atom1Feed

    def title(self):
        return f"{services.clinic_profile().name}: articles about IMS"

    def link(self):
        return reverse("education:article-list")

    def subtitle(self):
        return "New and updated plain-language articles about IMS and dry needling."

    def items(self):
        return Article.objects.published().select_related("reviewer").order_by("-published_at")[:20]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.author_name or None
