"""What every public page tells browsers, search engines and sharing sites about itself.

``PageMetaMixin`` gives a view its breadcrumbs, its title and description for
search results and link previews, its canonical address, and the schema.org
data blocks built from the same rows the page shows.
"""

from dataclasses import dataclass

from django.urls import reverse

from . import structured_data
from .models import ClinicProfile
from .navigation import FOOTER_NAVIGATION, MAIN_NAVIGATION

NAVIGATION_LABELS = dict(MAIN_NAVIGATION + FOOTER_NAVIGATION)


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
            Crumb("Home", reverse("education:home")),
            Crumb(label, self.request.path),
        ]

    def get_meta_title(self, context):
        page = context.get("page")
        return self.meta_title or (page.title if page else "")

    def get_meta_description(self, context):
        page = context.get("page")
        return self.meta_description or (page.meta_description if page else "")

    def get_structured_data(self, context):
        return []

    def get_share_image(self, context):
        """The absolute address of the picture link previews show (og:image), if any."""
        return ""

    def get_canonical_url(self, context):
        url = self.request.build_absolute_uri(self.request.path)
        page_obj = context.get("page_obj")
        if page_obj is not None and page_obj.number > 1:
            url += f"?page={page_obj.number}"
        return url

    def render_to_response(self, context, **response_kwargs):
        # Done here, once the view has put everything the page shows in the context.
        context.setdefault("clinic", ClinicProfile.current())
        crumbs = self.get_breadcrumbs()
        share_image = self.get_share_image(context)
        context["share_image"] = self.request.build_absolute_uri(share_image) if share_image else ""
        data = list(self.get_structured_data(context))
        if crumbs:
            data.append(structured_data.breadcrumb_list(crumbs, self.request))
        context.update(
            breadcrumbs=crumbs,
            structured_data=data,
            meta_title=self.get_meta_title(context),
            meta_description=self.get_meta_description(context),
            og_type=self.og_type,
            canonical_url=self.get_canonical_url(context),
            indexable=self.indexable,
        )
        return super().render_to_response(context, **response_kwargs)
