from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import services
from .models import Article


class LatestArticlesFeed(Feed):
    """The newest published articles, as an Atom feed for feed readers."""

    feed_type = Atom1Feed
    # No ``language`` of its own: Django's Feed then says the active language, the
    # address's (/fr/feed/ is the French feed, with French titles and links).

    def title(self):
        return _("%(clinic)s: articles about IMS") % {"clinic": services.clinic_profile().name}

    def link(self):
        return reverse("education:article-list")

    def subtitle(self):
        return _("New and updated plain-language articles about IMS and dry needling.")

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
