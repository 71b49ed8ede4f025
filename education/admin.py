from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Count
from django.utils import timezone
from django.utils.html import format_html

from clinic_site.admin import SingleRowAdmin

from . import services
from .admin_editorial import (
    ContentVersionAdmin,
    EditorialChecksMixin,
    PublicationFilter,
    ReviewDueFilter,
    review_state,
)
from .admin_review import ClinicalReviewAdmin, SignOffAdmin, can_sign_off
from .models import (
    FAQ,
    AftercareTip,
    Article,
    Benefit,
    ClinicProfile,
    Condition,
    EditorialSettings,
    FAQCategory,
    GlossaryTerm,
    Precaution,
    Resource,
    Reviewer,
    SignOff,
    SitePage,
)
from .workflow import ClinicalState


class ViewOnSiteMixin:
    """A 'View on site' link in every changelist row."""

    @admin.display(description="On the site")
    def site_link(self, obj):
        return format_html('<a href="{}">View on site</a>', obj.get_absolute_url())


@admin.register(ClinicProfile)
class ClinicProfileAdmin(SingleRowAdmin, ContentVersionAdmin):
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


@admin.register(Reviewer)
class ReviewerAdmin(ContentVersionAdmin):
    list_display = ["name", "credentials", "registration_number", "user", "article_count"]
    search_fields = ["name", "credentials", "registration_number"]
    raw_id_fields = ["user"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="Articles reviewed", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


@admin.register(Resource)
class ResourceAdmin(ContentVersionAdmin):
    list_display = ["title", "url", "order"]
    list_editable = ["order"]
    search_fields = ["title", "url", "description"]


@admin.register(Article)
class ArticleAdmin(ClinicalReviewAdmin, ViewOnSiteMixin, EditorialChecksMixin, ContentVersionAdmin):
    checked_field = "body"
    list_display = [
        "title",
        "publication",
        "clinical_state",
        "published_at",
        "order",
        "reading_grade",
        "is_featured",
        "reviewer",
        "medical_review",
        "site_link",
    ]
    list_editable = ["order"]
    list_filter = [ReviewDueFilter, PublicationFilter, "is_featured", "allow_comments", "reviewer"]
    actions = ["confirm_reviewed"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    readonly_fields = ["medical_review_record"]
    filter_horizontal = ["related_articles", "resources"]
    list_select_related = ["reviewer"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (
            "Publishing",
            {"fields": ["status", "published_at", "author_name", "is_featured", "order"]},
        ),
        (
            "Medical review",
            {
                "fields": ["medical_review_record", "next_review_due"],
                "description": "Who reviewed the article and when comes only from the "
                "clinical sign-off record; the next review date is set by each approval.",
            },
        ),
        ("Related content", {"fields": ["related_articles", "resources", "allow_comments"]}),
    ]

    @admin.display(description="Status", ordering="status")
    def publication(self, obj):
        if obj.status == Article.Status.DRAFT:
            return "Draft"
        if not obj.is_cleared:
            return "Waiting for clinical approval"
        if obj.published_at > timezone.now():
            return "Scheduled"
        return "Live"

    @admin.display(description="Medical review")
    def medical_review_record(self, obj):
        approval = obj.current_approval if obj and obj.pk else None
        if obj and obj.clinical_state == ClinicalState.OVERRIDE:
            return "Published under the urgent override: awaiting clinical review."
        if approval is None:
            return "Not approved by a clinician yet."
        return (
            f"{approval.get_action_display()} by {approval.reviewer_name}, "
            f"{approval.reviewer_credentials} on {approval.reviewed_on:%-d %B %Y}."
        )

    @admin.display(description="Next medical review", ordering="next_review_due")
    def medical_review(self, obj):
        return review_state(obj)

    @admin.display(description="On the site")
    def site_link(self, obj):
        label = "View on site" if obj.is_live else "Preview"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), label)

    def has_sign_off_permission(self, request):
        return can_sign_off(request.user)

    @admin.action(
        description="Periodic review: reviewed, no change needed", permissions=["sign_off"]
    )
    def confirm_reviewed(self, request, queryset):
        """Re-approve the chosen articles' live text as it is, in the reviewer's name."""
        done, refused = 0, []
        for article in queryset:
            try:
                services.review_confirm(obj=article, user=request.user)
            except services.SignOffRefused as reason:
                refused.append(str(reason))
                continue
            self.log_change(request, article, "Reviewed, no change needed.")
            done += 1
        if done:
            self.message_user(
                request,
                f"{done} article{'s' if done != 1 else ''} reviewed, no change needed.",
                messages.SUCCESS,
            )
        for reason in dict.fromkeys(refused):
            self.message_user(request, reason, messages.ERROR)


class FAQInline(admin.TabularInline):
    """The category's questions, read-only: each is written and signed off on its own page."""

    model = FAQ
    extra = 0
    fields = ["question", "order", "is_published"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(FAQCategory)
class FAQCategoryAdmin(ViewOnSiteMixin, ContentVersionAdmin):
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
class FAQAdmin(ClinicalReviewAdmin, ViewOnSiteMixin, EditorialChecksMixin, ContentVersionAdmin):
    checked_field = "answer"
    list_display = [
        "question",
        "category",
        "order",
        "is_published",
        "clinical_state",
        "reading_grade",
        "site_link",
    ]
    list_editable = ["order", "is_published"]
    list_filter = ["category", "is_published"]
    search_fields = ["question", "answer"]
    autocomplete_fields = ["related_article"]
    list_select_related = ["category"]


class OrderedContentAdmin(ClinicalReviewAdmin, ViewOnSiteMixin, ContentVersionAdmin):
    list_editable = ["order", "is_published"]
    list_filter = ["is_published", "clinical_state"]


@admin.register(Benefit)
class BenefitAdmin(OrderedContentAdmin):
    list_display = ["title", "order", "is_published", "clinical_state", "site_link"]
    search_fields = ["title", "explanation"]


@admin.register(Condition)
class ConditionAdmin(OrderedContentAdmin):
    list_display = ["name", "order", "is_published", "clinical_state", "site_link"]
    search_fields = ["name", "explanation"]


@admin.register(Precaution)
class PrecautionAdmin(OrderedContentAdmin):
    list_display = ["name", "kind", "order", "is_published", "clinical_state", "site_link"]
    list_filter = ["kind", "is_published", "clinical_state"]
    search_fields = ["name", "explanation", "self_check_question"]


@admin.register(AftercareTip)
class AftercareTipAdmin(OrderedContentAdmin):
    list_display = ["title", "kind", "order", "is_published", "clinical_state", "site_link"]
    list_filter = ["kind", "is_published", "clinical_state"]
    search_fields = ["title", "text"]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ClinicalReviewAdmin, ViewOnSiteMixin, ContentVersionAdmin):
    list_display = ["term", "order", "clinical_state", "site_link"]
    list_filter = ["clinical_state"]
    list_editable = ["order"]
    search_fields = ["term", "definition"]
    prepopulated_fields = {"slug": ["term"]}


@admin.register(SitePage)
class SitePageAdmin(ClinicalReviewAdmin, ViewOnSiteMixin, ContentVersionAdmin):
    list_display = [
        "__str__",
        "title",
        "clinical_state",
        "last_reviewed",
        "updated_at",
        "site_link",
    ]
    search_fields = ["title", "meta_description", "intro", "body"]
    fields = ["key", "title", "meta_description", "intro", "body"]

    def get_readonly_fields(self, request, obj=None):
        return ["key"] if obj else []


@admin.register(EditorialSettings)
class EditorialSettingsAdmin(SingleRowAdmin, ContentVersionAdmin):
    fieldsets = [
        ("Reading level", {"fields": ["reading_grade_target"]}),
        ("Claims check", {"fields": ["claim_phrases"]}),
        ("Medical review", {"fields": ["review_interval_months", "single_clinician"]}),
    ]

    create_with_defaults = True


# --- Staff accounts and the record of changes ---------------------------------------

admin.site.register(SignOff, SignOffAdmin)


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    """Read-only record of every change made in the admin, with who made it."""

    list_display = ["action_time", "user", "content_type", "object_repr", "action", "summary"]
    list_filter = ["action_flag", "content_type", "user"]
    search_fields = ["object_repr", "change_message", "user__username"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]

    @admin.display(description="Action", ordering="action_flag")
    def action(self, obj):
        return {1: "Added", 2: "Changed", 3: "Deleted"}.get(obj.action_flag, "")

    @admin.display(description="What changed")
    def summary(self, obj):
        return obj.get_change_message()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Staff accounts: only a superuser can create, edit or grant superuser powers."""

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)
