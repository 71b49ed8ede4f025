from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from clinic_site import languages

from . import services
from .models import Article


class EntryLanguageAtomFeed(Atom1Feed):
    """Atom, with ``xml:lang`` on an entry whose text is not in the feed's language."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class LatestArticlesFeed(Feed):
    """The newest published articles, as an Atom feed for feed readers.

    The feed is in the address's language (/fr/feed/ is the French feed, with
    French titles and links); an article not yet translated into it is shown in
    English, and its entry says so, as the page itself does.
    """

    feed_type = EntryLanguageAtomFeed

    @property
    def language(self):
        return languages.html_lang(get_language())

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

    def item_extra_kwargs(self, article):
        if services.is_translated(article, get_language()):
            return {}
        return {"language": languages.html_lang(languages.default_language())}

    def item_author_name(self, article):
        return article.author_name or None
