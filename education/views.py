from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token
from django.views.generic import DetailView, ListView, TemplateView

from .models import (
    FAQ,
    AftercareTip,
    Article,
    Benefit,
    Condition,
    FAQCategory,
    GlossaryTerm,
    Precaution,
    SitePage,
)


class SitePageMixin:
    """Adds the staff-edited heading, introduction and description of a fixed page."""

    page_key = None
    default_title = ""
    default_description = ""

    def get_site_page(self):
        page = SitePage.objects.filter(key=self.page_key).first()
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
        return context


class ArticleQuerysetMixin:
    """The one place that decides which articles a visitor may see."""

    def get_queryset(self):
        return Article.objects.published().select_related("reviewer")


class HomeView(SitePageMixin, TemplateView):
    template_name = "education/home.html"
    page_key = SitePage.Key.HOME
    default_title = "IMS and dry needling, explained"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Article.objects.published()
        context["start_here"] = published.featured()[:4]
        context["benefits"] = Benefit.objects.published()[:4]
        context["common_questions"] = FAQ.objects.published().select_related("category")[:4]
        return context


class ArticleListView(SitePageMixin, ArticleQuerysetMixin, ListView):
    template_name = "education/article_list.html"
    context_object_name = "articles"
    paginate_by = 12
    page_key = SitePage.Key.ARTICLES
    default_title = "Articles about IMS"
    default_description = "Plain-language articles about IMS and dry needling."


class ArticleDetailView(ArticleQuerysetMixin, DetailView):
    template_name = "education/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                Prefetch(
                    "related_articles",
                    queryset=Article.objects.published(),
                    to_attr="published_related",
                ),
                "resources",
            )
        )


class FAQView(SitePageMixin, TemplateView):
    template_name = "education/faq.html"
    page_key = SitePage.Key.FAQ
    default_title = "Questions and answers about IMS"
    default_description = "Answers to common questions about IMS and dry needling."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        faqs = FAQ.objects.published().select_related("related_article")
        categories = FAQCategory.objects.prefetch_related(
            Prefetch("faqs", queryset=faqs, to_attr="published_faqs")
        )
        context["categories"] = [category for category in categories if category.published_faqs]
        return context


class BenefitListView(SitePageMixin, ListView):
    template_name = "education/benefits.html"
    context_object_name = "benefits"
    page_key = SitePage.Key.BENEFITS
    default_title = "Benefits of IMS"
    default_description = "How IMS and dry needling may help."

    def get_queryset(self):
        return Benefit.objects.published()


class ConditionListView(SitePageMixin, ListView):
    template_name = "education/conditions.html"
    context_object_name = "conditions"
    page_key = SitePage.Key.CONDITIONS
    default_title = "Conditions IMS can help"
    default_description = "Conditions that IMS and dry needling are used for."

    def get_queryset(self):
        return Condition.objects.published()


class SafetyView(SitePageMixin, TemplateView):
    template_name = "education/safety.html"
    page_key = SitePage.Key.SAFETY
    default_title = "Is IMS safe for me?"
    default_description = "Who should not have IMS and what to tell your therapist first."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        precautions = list(Precaution.objects.published())
        context["precaution_groups"] = [
            (kind, label, [p for p in precautions if p.kind == kind])
            for kind, label in Precaution.Kind.choices
        ]
        return context


class AftercareView(SitePageMixin, TemplateView):
    template_name = "education/aftercare.html"
    page_key = SitePage.Key.AFTERCARE
    default_title = "After your IMS treatment"
    default_description = "What is normal after IMS, what helps, and when to get help."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tips = list(AftercareTip.objects.published())
        context["tip_groups"] = [
            (kind, label, [tip for tip in tips if tip.kind == kind])
            for kind, label in AftercareTip.Kind.choices
        ]
        return context


class ContactView(SitePageMixin, TemplateView):
    template_name = "education/contact.html"
    page_key = SitePage.Key.CONTACT
    default_title = "Contact and booking"
    default_description = "How to reach the clinic and book an IMS appointment."


class GlossaryView(ListView):
    template_name = "education/glossary.html"
    context_object_name = "terms"

    def get_queryset(self):
        return GlossaryTerm.objects.all()


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # Rendered without the context processors' database queries, because the
    # database may be the reason for the error.
    return render(request, "500.html", {"clinic": None}, status=500)
