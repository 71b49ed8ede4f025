"""What every public page tells browsers, search engines and sharing sites about itself.

``PageMetaMixin`` gives a view its breadcrumbs, its title and description for
search results and link previews, its canonical address, and the schema.org
data blocks built from the same rows the page shows.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from clinic_site import languages

from . import services, structured_data
from .navigation import FOOTER_NAVIGATION, MAIN_NAVIGATION

NAVIGATION_LABELS = dict(MAIN_NAVIGATION + FOOTER_NAVIGATION)


def translated_languages(objects):
    """The languages every one of ``objects`` has an approved translation in.

    The content side answers for each object (``services.available_languages``);
    without it, staff-written text exists in English only. A page with no
    staff-written text (``objects`` empty) is all interface, translated everywhere.
    """
    available = getattr(services, "available_languages", None)
    default = languages.default_language()
    result = set(languages.codes())
    for obj in objects:
        if obj is None or getattr(obj, "pk", None) is None:
            continue  # a built-in default, not staff text: it is in the catalogues
        result &= ({*available(obj)} if available else set()) | {default}
    return result


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str


class PageMetaMixin:
    breadcrumb_label = None  # defaults to the page's label in the menus
    meta_title = ""  # defaults to the staff-edited page heading
    meta_description = ""
    og_type = "website"
    indexable = True  # False asks search engines to leave the page out

    def get_breadcrumbs(self):
        view_name = self.request.resolver_match.view_name
        if view_name == "education:home":
            return []
        label = self.breadcrumb_label or NAVIGATION_LABELS.get(view_name, "")
        return [
            Crumb(_("Home"), reverse("education:home")),
            Crumb(label, self.request.path),
        ]

    def get_meta_title(self, context):
        page = context.get("page")
        return self.meta_title or (page.title if page else "")

    def get_meta_description(self, context):
        page = context.get("page")
        return self.meta_description or (page.meta_description if page else "")

    def get_translated_objects(self, context):
        """The staff-written rows whose translations decide which languages the page
        is really in (for hreflang, og:locale and inLanguage)."""
        return [context.get("page")]

    def get_structured_data(self, context):
        return []

    def get_share_image(self, context):
        """The absolute address of the picture link previews show (og:image), if any."""
        return ""

    def get_canonical_url(self, context):
        return self.address_in(self.content_language, context)

    def address_in(self, language, context):
        """The absolute address of this page in ``language``."""
        url = self.request.build_absolute_uri(languages.path_in(self.request.path, language))
        page_obj = context.get("page_obj")
        if page_obj is not None and page_obj.number > 1:
            url += f"?page={page_obj.number}"
        return url

    def set_page_languages(self, context):
        """Which languages the page exists in, and which one its text is in: the
        reader's, or English when a translation is not approved (the page then
        points search engines at the English page, the one it repeats)."""
        available = translated_languages(self.get_translated_objects(context))
        current = translation.get_language()
        default = languages.default_language()
        self.content_language = current if current in available else default
        alternates = [
            (languages.html_lang(code), self.address_in(code, context))
            for code in languages.codes()
            if code in available
        ]
        context.update(
            content_language=self.content_language,
            og_locale=languages.og_locale(self.content_language),
            og_locale_alternates=[
                languages.og_locale(code)
                for code in languages.codes()
                if code in available and code != self.content_language
            ],
            # Only when there is more than one language to choose from.
            hreflang_alternates=alternates if len(alternates) > 1 else [],
            hreflang_default=self.address_in(default, context),
        )

    def render_to_response(self, context, **response_kwargs):
        # Done here, once the view has put everything the page shows in the context.
        context.setdefault("clinic", services.clinic_profile())
        self.set_page_languages(context)
        crumbs = self.get_breadcrumbs()
        share_image = self.get_share_image(context)
        context["share_image"] = self.request.build_absolute_uri(share_image) if share_image else ""

        def data():
            found = list(self.get_structured_data(context))
            if crumbs:
                found.append(structured_data.breadcrumb_list(crumbs, self.request))
            return found

        context.update(
            breadcrumbs=crumbs,
            # Worked out only if the page's head is rendered, not when its cached copy is used.
            structured_data=SimpleLazyObject(data),
            meta_title=self.get_meta_title(context),
            meta_description=self.get_meta_description(context),
            og_type=self.og_type,
            canonical_url=self.get_canonical_url(context),
            indexable=self.indexable,
        )
        return super().render_to_response(context, **response_kwargs)
