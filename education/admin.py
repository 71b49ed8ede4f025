from django.contrib import admin
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html

from .models import (
    FAQ,
    AftercareTip,
    Article,
    Benefit,
    ClinicProfile,
    Condition,
    FAQCategory,
    GlossaryTerm,
    Precaution,
    Resource,
    Reviewer,
    SitePage,
)


class ViewOnSiteMixin:
    """A 'View on site' link in every changelist row."""

    @admin.display(description="On the site")
    def site_link(self, obj):
        return format_html('<a href="{}">View on site</a>', obj.get_absolute_url())


@admin.register(ClinicProfile)
class ClinicProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "city", "updated_at"]
    fieldsets = [
        ("Clinic", {"fields": ["name", "tagline"]}),
        (
            "Address",
            {"fields": ["street_address", "city", "region", "postal_code", "country"]},
        ),
        ("Contact and booking", {"fields": ["phone", "email", "opening_hours", "booking_url"]}),
        (
            "Reviews",
            {
                "fields": ["review_rating", "review_count", "review_url"],
                "description": "Optional. Shown as a short summary with a link to where "
                "the reviews are published.",
            },
        ),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ClinicProfile.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # With one profile there is nothing to list: go straight to the form.
        profile = ClinicProfile.objects.first()
        if profile is not None and self.has_change_permission(request, profile):
            return redirect(reverse("admin:education_clinicprofile_change", args=[profile.pk]))
        return super().changelist_view(request, extra_context)


@admin.register(Reviewer)
class ReviewerAdmin(admin.ModelAdmin):
    list_display = ["name", "credentials", "article_count"]
    search_fields = ["name", "credentials"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="Articles reviewed", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "url", "order"]
    list_editable = ["order"]
    search_fields = ["title", "url", "description"]


@admin.register(Article)
class ArticleAdmin(ViewOnSiteMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "status",
        "published_at",
        "is_featured",
        "reviewer",
        "next_review_due",
        "site_link",
    ]
    list_filter = ["status", "is_featured", "allow_comments", "reviewer"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    autocomplete_fields = ["reviewer"]
    filter_horizontal = ["related_articles", "resources"]
    list_select_related = ["reviewer"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (
            "Publishing",
            {"fields": ["status", "published_at", "author_name", "is_featured", "order"]},
        ),
        ("Medical review", {"fields": ["reviewer", "last_reviewed", "next_review_due"]}),
        ("Related content", {"fields": ["related_articles", "resources", "allow_comments"]}),
    ]


class FAQInline(admin.StackedInline):
    model = FAQ
    extra = 0
    fields = ["question", "answer", "order", "is_published", "related_article"]
    autocomplete_fields = ["related_article"]


@admin.register(FAQCategory)
class FAQCategoryAdmin(ViewOnSiteMixin, admin.ModelAdmin):
    list_display = ["name", "order", "faq_count", "site_link"]
    list_editable = ["order"]
    search_fields = ["name", "intro"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [FAQInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(faq_count=Count("faqs"))

    @admin.display(description="Questions", ordering="faq_count")
    def faq_count(self, obj):
        return obj.faq_count


@admin.register(FAQ)
class FAQAdmin(ViewOnSiteMixin, admin.ModelAdmin):
    list_display = ["question", "category", "order", "is_published", "site_link"]
    list_editable = ["order", "is_published"]
    list_filter = ["category", "is_published"]
    search_fields = ["question", "answer"]
    autocomplete_fields = ["related_article"]
    list_select_related = ["category"]


class OrderedContentAdmin(ViewOnSiteMixin, admin.ModelAdmin):
    list_editable = ["order", "is_published"]
    list_filter = ["is_published"]


@admin.register(Benefit)
class BenefitAdmin(OrderedContentAdmin):
    list_display = ["title", "order", "is_published", "site_link"]
    search_fields = ["title", "explanation"]


@admin.register(Condition)
class ConditionAdmin(OrderedContentAdmin):
    list_display = ["name", "order", "is_published", "site_link"]
    search_fields = ["name", "explanation"]


@admin.register(Precaution)
class PrecautionAdmin(OrderedContentAdmin):
    list_display = ["name", "kind", "order", "is_published", "site_link"]
    list_filter = ["kind", "is_published"]
    search_fields = ["name", "explanation", "self_check_question"]


@admin.register(AftercareTip)
class AftercareTipAdmin(OrderedContentAdmin):
    list_display = ["title", "kind", "order", "is_published", "site_link"]
    list_filter = ["kind", "is_published"]
    search_fields = ["title", "text"]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ViewOnSiteMixin, admin.ModelAdmin):
    list_display = ["term", "order", "site_link"]
    list_editable = ["order"]
    search_fields = ["term", "definition"]
    prepopulated_fields = {"slug": ["term"]}


@admin.register(SitePage)
class SitePageAdmin(ViewOnSiteMixin, admin.ModelAdmin):
    list_display = ["__str__", "title", "last_reviewed", "updated_at", "site_link"]
    search_fields = ["title", "meta_description", "intro", "body"]
    fields = ["key", "title", "meta_description", "intro", "body", "last_reviewed"]

    def get_readonly_fields(self, request, obj=None):
        return ["key"] if obj else []
