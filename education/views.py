from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token
from django.views.generic import DetailView, FormView, ListView, TemplateView

from clinic_site import languages
from clinic_site.cross_origin import cross_origin_protected

from . import body_map, ordering, services, structured_data
from .diagrams import CHEST_SAFETY, REFERRED_PAIN
from .figures import show_library_figures
from .forms import SelfCheckForm
from .glossary import link_glossary_terms
from .models import (
    FAQ,
    AftercareTip,
    Article,
    Benefit,
    BodyRegion,
    Condition,
    CoverageTopic,
    FAQCategory,
    GlossaryTerm,
    Precaution,
    RedFlag,
    Reviewer,
    SideEffect,
    SitePage,
)
from .page_meta import Crumb, PageMetaMixin
from .search import MAX_QUERY_LENGTH, query_words, search, working_suggestions
from .translations import translation_status


def group_by_kind(rows, choices):
    """``[(kind, label, rows of that kind)]`` in the order of ``choices``, from one query."""
    rows = list(rows)
    return [(kind, label, [row for row in rows if row.kind == kind]) for kind, label in choices]


def group_by_frequency(side_effects):
    """``[(frequency, label, side effects)]`` from common to rare, from one query."""
    rows = list(side_effects)
    return [
        (value, label, [row for row in rows if row.frequency == value])
        for value, label in SideEffect.Frequency.choices
    ]


def translation_notice(request, obj) -> dict:
    """What the page tells a reader whose language the main item is not (yet) in."""
    language = get_language()
    if language == languages.default_language():
        return {"translation": None}
    return {
        "translation": translation_status(obj, language),
        "translation_language": get_language_info(language)["name_local"],
        "english_url": languages.path_in(request.path, languages.default_language()),
    }


class SitePageMixin:
    """Adds the staff-edited heading, introduction and description of a fixed page."""

    page_key = None
    default_title = ""
    default_description = ""

    def get_site_page(self):
        page = (
            SitePage.objects.cleared().filter(key=self.page_key).prefetch_related("sources").first()
        )
        if page is None:
            page = SitePage(
                key=self.page_key,
                title=self.default_title,
                meta_description=self.default_description,
            )
        return page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.get_site_page()
        context.update(translation_notice(self.request, context["page"]))
        return context


class ArticleQuerysetMixin:
    """The one place that decides which articles a visitor may see.

    Patients see published articles whose publish date has come. A view that sets
    ``allow_preview`` also shows drafts and scheduled articles to staff who may edit
    articles, so they can check them exactly as patients will; anyone else gets 404.
    """

    allow_preview = False

    def can_preview(self):
        user = self.request.user
        return (
            self.allow_preview
            and user.is_active
            and user.is_staff
            and user.has_perm("education.change_article")
        )

    def get_queryset(self):
        articles = Article.objects.all() if self.can_preview() else Article.objects.published()
        return articles.select_related("current_approval__reviewer")


class HomeView(PageMetaMixin, SitePageMixin, TemplateView):
    template_name = "education/home.html"
    page_key = SitePage.Key.HOME
    default_title = gettext_lazy("IMS and dry needling, explained")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Article.objects.published()
        context["start_here"] = published.featured()[:4]
        context["benefits"] = Benefit.objects.published()[:4]
        context["common_questions"] = FAQ.objects.published().select_related("category")[:4]
        return context

    def get_structured_data(self, context):
        return [structured_data.clinic(context["clinic"], self.request)]


class ArticleListView(PageMetaMixin, SitePageMixin, ArticleQuerysetMixin, ListView):
    template_name = "education/article_list.html"
    context_object_name = "articles"
    paginate_by = 12
    page_key = SitePage.Key.ARTICLES
    default_title = gettext_lazy("Articles about IMS")
    default_description = gettext_lazy("Plain-language articles about IMS and dry needling.")


class ArticleDetailView(PageMetaMixin, ArticleQuerysetMixin, DetailView):
    template_name = "education/article_detail.html"
    context_object_name = "article"
    og_type = "article"
    allow_preview = True
    showing_pending = False

    def get_object(self, queryset=None):
        if queryset is not None or self.can_preview():
            article = super().get_object(queryset)  # staff who preview read the database
            if self.request.GET.get("version") == "pending":
                # The edit that waits for clinical approval, for its editor and reviewer.
                self.showing_pending = True
                return services.with_pending(article)
            return article
        try:
            return services.live_article(self.kwargs[self.slug_url_kwarg])
        except Article.DoesNotExist:
            raise Http404("No such article") from None

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_live or self.showing_pending:
            # A preview is for the editor's eyes only: never kept by any cache.
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Looked up only when the template renders the body: the page keeps the
        # article's main part in a fragment cache, so most requests never need it.
        context["article_body"] = self.linked_body
        context["is_preview"] = not self.object.is_live or self.showing_pending
        context["showing_pending"] = self.showing_pending
        context.update(translation_notice(self.request, self.object))
        context["translation_approval"] = services.translation_approval(self.object, get_language())
        if context["is_preview"]:
            self.indexable = False
        return context

    def linked_body(self):
        terms = [(term.term, term.get_absolute_url()) for term in GlossaryTerm.objects.cleared()]
        linked = link_glossary_terms(self.object.body_html, terms, images=True)
        return show_library_figures(linked)

    def get_breadcrumbs(self):
        return [
            Crumb(_("Home"), reverse("education:home")),
            Crumb(_("Articles"), reverse("education:article-list")),
            Crumb(self.object.title, self.object.get_absolute_url()),
        ]

    def get_meta_title(self, context):
        return self.object.title

    def get_meta_description(self, context):
        return self.object.summary

    def get_translated_objects(self, context):
        return [self.object]

    def get_structured_data(self, context):
        return [
            structured_data.medical_web_page(
                self.object,
                context["clinic"],
                self.request,
                language=self.content_language,
                translation_approval=context["translation_approval"],
            )
        ]

    def get_share_image(self, context):
        image = self.object.lead_image
        return image.share_url if image else ""


class FAQView(PageMetaMixin, SitePageMixin, TemplateView):
    template_name = "education/faq.html"
    page_key = SitePage.Key.FAQ
    default_title = gettext_lazy("Questions and answers about IMS")
    default_description = gettext_lazy("Answers to common questions about IMS and dry needling.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        faqs = FAQ.objects.published().select_related("related_article").prefetch_related("sources")
        categories = FAQCategory.objects.prefetch_related(
            Prefetch("faqs", queryset=faqs, to_attr="published_faqs")
        )
        context["categories"] = ordering.as_shown(
            [category for category in categories if category.published_faqs], "order", "name"
        )
        return context

    def get_structured_data(self, context):
        shown = [faq for category in context["categories"] for faq in category.published_faqs]
        return (
            [structured_data.faq_page(shown, self.request, language=self.content_language)]
            if shown
            else []
        )


class BenefitListView(PageMetaMixin, SitePageMixin, ListView):
    template_name = "education/benefits.html"
    context_object_name = "benefits"
    page_key = SitePage.Key.BENEFITS
    default_title = gettext_lazy("Benefits of IMS")
    default_description = gettext_lazy("How IMS and dry needling may help.")

    def get_queryset(self):
        return Benefit.objects.published()


class ConditionListView(PageMetaMixin, SitePageMixin, ListView):
    template_name = "education/conditions.html"
    context_object_name = "conditions"
    page_key = SitePage.Key.CONDITIONS
    default_title = gettext_lazy("Conditions IMS can help")
    default_description = gettext_lazy("Conditions that IMS and dry needling are used for.")

    def get_queryset(self):
        return Condition.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        regions = list(BodyRegion.objects.all())
        context.update(
            body_map_regions=regions,
            body_map_targets=body_map.region_targets(regions),
            referred_pain_diagram=REFERRED_PAIN,
        )
        return context


class BodyMapView(PageMetaMixin, TemplateView):
    """ "Where does it hurt?": the body map and the same regions as a plain list."""

    template_name = "education/body_map.html"
    breadcrumb_label = gettext_lazy("Where does it hurt?")
    meta_title = gettext_lazy("Where does it hurt?")
    meta_description = gettext_lazy(
        "Choose where you feel pain on a map of the body to see the conditions and "
        "articles about that area."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        regions = list(BodyRegion.objects.all())
        context.update(body_map_regions=regions, body_map_targets=body_map.region_targets(regions))
        return context

    def get_translated_objects(self, context):
        return context["body_map_regions"]


class BodyRegionView(PageMetaMixin, DetailView):
    template_name = "education/body_region.html"
    context_object_name = "region"
    model = BodyRegion

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["conditions"] = self.object.conditions.published()
        context["articles"] = self.object.articles.published()
        return context

    def get_translated_objects(self, context):
        return [self.object]

    def get_breadcrumbs(self):
        return [
            Crumb(_("Home"), reverse("education:home")),
            Crumb(_("Where does it hurt?"), reverse("education:body-map")),
            Crumb(self.object.name, self.object.get_absolute_url()),
        ]

    def get_meta_title(self, context):
        return _("%(region)s pain") % {"region": self.object.name}

    def get_meta_description(self, context):
        return self.object.intro or _(
            "Conditions and articles about pain in the %(region)s, and how IMS may help."
        ) % {"region": self.object.name.lower()}


class SafetyView(PageMetaMixin, SitePageMixin, TemplateView):
    template_name = "education/safety.html"
    page_key = SitePage.Key.SAFETY
    default_title = gettext_lazy("Is IMS safe for me?")
    default_description = gettext_lazy(
        "Who should not have IMS and what to tell your therapist first."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["precaution_groups"] = group_by_kind(
            Precaution.objects.published(), Precaution.Kind.choices
        )
        context["side_effect_groups"] = group_by_frequency(SideEffect.objects.published())
        return context


class AftercareView(PageMetaMixin, SitePageMixin, TemplateView):
    template_name = "education/aftercare.html"
    page_key = SitePage.Key.AFTERCARE
    default_title = gettext_lazy("After your IMS treatment")
    default_description = gettext_lazy(
        "What is normal after IMS, what helps, and when to get help."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tip_groups"] = group_by_kind(
            AftercareTip.objects.published(), AftercareTip.Kind.choices
        )
        context["chest_safety_diagram"] = CHEST_SAFETY
        return context


class ContactView(PageMetaMixin, SitePageMixin, TemplateView):
    template_name = "education/contact.html"
    page_key = SitePage.Key.CONTACT
    default_title = gettext_lazy("Contact and booking")
    default_description = gettext_lazy("How to reach the clinic and book an IMS appointment.")

    def get_structured_data(self, context):
        return [structured_data.clinic(context["clinic"], self.request)]


class EvidenceView(PageMetaMixin, SitePageMixin, TemplateView):
    template_name = "education/evidence.html"
    page_key = SitePage.Key.EVIDENCE
    default_title = gettext_lazy("What the research shows")
    default_description = gettext_lazy(
        "What studies of dry needling and IMS show, and what is unknown."
    )


class CoverageView(PageMetaMixin, SitePageMixin, ListView):
    template_name = "education/coverage.html"
    context_object_name = "topics"
    page_key = SitePage.Key.COVERAGE
    default_title = gettext_lazy("Costs and coverage in BC")
    default_description = gettext_lazy(
        "What IMS costs at the clinic and which plans may pay for it in BC."
    )

    def get_queryset(self):
        return CoverageTopic.objects.published()


class PractitionerListView(PageMetaMixin, SitePageMixin, ListView):
    template_name = "education/practitioners.html"
    context_object_name = "practitioners"
    page_key = SitePage.Key.PRACTITIONERS
    default_title = gettext_lazy("Who treats you")
    default_description = gettext_lazy(
        "The physiotherapists who give IMS at the clinic and check this site."
    )

    def get_queryset(self):
        return Reviewer.objects.listed()


class GlossaryView(PageMetaMixin, ListView):
    template_name = "education/glossary.html"
    context_object_name = "terms"
    meta_title = gettext_lazy("Words you may meet")
    meta_description = gettext_lazy(
        "Plain-language meanings of the words used when talking about IMS and dry needling."
    )

    def get_queryset(self):
        return ordering.as_shown(GlossaryTerm.objects.cleared(), "order", "term")

    def get_translated_objects(self, context):
        return context["terms"]

    def get_structured_data(self, context):
        terms = context["terms"]
        return [structured_data.glossary(terms, self.request)] if terms else []


class SearchView(PageMetaMixin, TemplateView):
    template_name = "education/search.html"
    indexable = False
    meta_title = gettext_lazy("Search")
    meta_description = gettext_lazy(
        "Search the clinic's articles, questions and answers about IMS."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        results = search(query)
        context.update(
            query=query,
            max_query_length=MAX_QUERY_LENGTH,
            query_too_long=len(query) > MAX_QUERY_LENGTH,
            has_words=bool(query_words(query)),
            results=results,
            # Only offered when there is nothing else to show.
            suggestions=working_suggestions() if not results else [],
        )
        return context


@method_decorator(cross_origin_protected, name="dispatch")
class SelfCheckView(PageMetaMixin, FormView):
    """The "Is IMS right for me?" check.

    The answers are posted (so they never appear in an address, a browser's
    history or a server log), read once to build the reply, and not stored. The
    questions are the same for everyone, so the page holds no CSRF token and any
    cache may keep it; the post is checked by origin instead (it changes nothing),
    and the reply is never kept by any cache.
    """

    template_name = "education/self_check.html"
    form_class = SelfCheckForm
    indexable = False
    meta_title = gettext_lazy("Is IMS right for me?")
    meta_description = gettext_lazy(
        "A short check of the health questions to talk over before booking IMS."
    )

    def get_translated_objects(self, context):
        form = context["form"]
        return [*form.red_flags.values(), *form.precautions.values()]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["precautions"] = Precaution.objects.published().exclude(self_check_question_en="")
        kwargs["red_flags"] = RedFlag.objects.published()
        return kwargs

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def form_valid(self, form):
        return self.render_to_response(
            self.get_context_data(
                form=form,
                answered=True,
                emergencies=form.emergencies(),
                same_day=form.same_day(),
                reasons=form.reasons(),
            )
        )


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = self.request.build_absolute_uri(reverse("education:sitemap"))
        return context


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # Rendered without the context processors' database queries, because the
    # database may be the reason for the error.
    return render(request, "500.html", {"clinic": None}, status=500)
