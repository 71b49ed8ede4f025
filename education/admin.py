from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from clinic_site.admin import SingleRowAdmin

from . import images, services
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
    BodyRegion,
    ClinicProfile,
    Condition,
    CoverageTopic,
    EditorialSettings,
    FAQCategory,
    GlossaryTerm,
    Image,
    Precaution,
    RedFlag,
    Resource,
    Reviewer,
    SideEffect,
    SignOff,
    SitePage,
    Source,
)
from .workflow import ClinicalState


class ViewOnSiteMixin:
    """A 'View on site' link in every changelist row."""

    @admin.display(description=_("On the site"))
    def site_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), gettext("View on site"))


@admin.register(ClinicProfile)
class ClinicProfileAdmin(SingleRowAdmin, ContentVersionAdmin):
    list_display = ["name", "phone", "city", "updated_at"]
    fieldsets = [
        (_("Clinic"), {"fields": ["name", "tagline"]}),
        (
            _("Address"),
            {"fields": ["street_address", "city", "region", "postal_code", "country"]},
        ),
        (_("Contact and booking"), {"fields": ["phone", "email", "opening_hours", "booking_url"]}),
        (
            _("Reviews"),
            {
                "fields": ["review_rating", "review_count", "review_url"],
                "description": _(
                    "Optional. Shown as a short summary with a link to where "
                    "the reviews are published."
                ),
            },
        ),
    ]


@admin.register(Reviewer)
class ReviewerAdmin(ViewOnSiteMixin, ContentVersionAdmin):
    list_display = [
        "name",
        "credentials",
        "registration_number",
        "user",
        "on_needling_roster",
        "is_listed",
        "article_count",
    ]
    list_filter = ["on_needling_roster", "is_listed"]
    search_fields = ["name", "credentials", "registration_number"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]
    autocomplete_fields = ["photo"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "credentials"]}),
        (_("Registration and sign-off"), {"fields": ["registration_number", "college", "user"]}),
        (
            _('"Who treats you" profile'),
            {
                "fields": [
                    "is_listed",
                    "on_needling_roster",
                    "ims_training",
                    "languages",
                    "bio",
                    "booking_url",
                    "photo",
                    "order",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("Articles reviewed"), ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


@admin.register(Source)
class SourceAdmin(ContentVersionAdmin):
    list_display = ["title", "publisher", "year", "url"]
    list_filter = ["publisher"]
    search_fields = ["title", "publisher", "url", "supports"]


@admin.register(Resource)
class ResourceAdmin(ContentVersionAdmin):
    list_display = ["title", "url", "order"]
    list_editable = ["order"]
    search_fields = ["title", "url", "description"]


class ImageAdminForm(forms.ModelForm):
    file = forms.FileField(
        label=_("Picture"),
        help_text=Image._meta.get_field("file").help_text,
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f"image/{ext}" for ext in ("jpeg", "png", "webp", "avif"))}
        ),
    )

    class Meta:
        model = Image
        fields = ["file", "title", "alt_text", "is_decorative", "caption", "credit", "licence"]
        widgets = {"alt_text": forms.Textarea(attrs={"rows": 2})}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if isinstance(upload, UploadedFile):
            # Checked with Pillow and re-encoded without location or camera details.
            return images.clean_upload(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        alt_text = (cleaned.get("alt_text") or "").strip()
        cleaned["alt_text"] = alt_text
        if cleaned.get("is_decorative") and alt_text:
            self.add_error(
                "is_decorative",
                gettext(
                    "A decorative picture has no text alternative. Clear the text "
                    "alternative, or untick 'decorative only'."
                ),
            )
        elif not cleaned.get("is_decorative") and not alt_text:
            self.add_error(
                "alt_text",
                gettext(
                    "Say what the picture shows or teaches, for people who cannot see it. "
                    "Or, if it adds nothing to the text, tick 'decorative only'."
                ),
            )
        return cleaned


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageAdminForm
    list_display = ["preview", "title", "alt_summary", "width", "height", "created_at"]
    list_display_links = ["preview", "title"]
    list_filter = ["is_decorative"]
    search_fields = ["title", "alt_text", "caption", "credit"]
    date_hierarchy = "created_at"
    readonly_fields = ["size", "preview"]
    fieldsets = [
        (None, {"fields": ["file", "preview", "size", "title"]}),
        (_("For people who cannot see it"), {"fields": ["alt_text", "is_decorative"]}),
        (_("Shown with the picture"), {"fields": ["caption", "credit", "licence"]}),
    ]

    @admin.display(description=_("Picture"))
    def preview(self, obj):
        url = images.thumbnail_url(obj) if obj and obj.pk else ""
        if not url:
            return "-"
        return format_html(
            '<img src="{}" alt="" width="120" height="{}">',
            url,
            round(120 * obj.height / obj.width) if obj.width else 80,
        )

    @admin.display(description=_("Size in pixels"))
    def size(self, obj):
        return f"{obj.width} × {obj.height}" if obj and obj.pk else "-"

    @admin.display(description=_("Text alternative"))
    def alt_summary(self, obj):
        return gettext("(decorative)") if obj.is_decorative else obj.alt_text

    def save_model(self, request, obj, form, change):
        services.image_save(image=obj, file_changed="file" in form.changed_data)

    def delete_model(self, request, obj):
        services.image_delete(image=obj)

    def delete_queryset(self, request, queryset):
        for image in queryset:
            services.image_delete(image=image)

    def get_urls(self):
        picker = path(
            "picker/",
            self.admin_site.admin_view(self.picker_view),
            name="education_image_picker",
        )
        return [picker, *super().get_urls()]

    def picker_view(self, request):
        """The library in a small window the article editor opens to choose a picture."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "").strip()
        pictures = Image.objects.exclude(renditions={})
        if query:
            pictures = pictures.filter(title__icontains=query) | pictures.filter(
                alt_text__icontains=query
            )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Choose a picture"),
            "opts": self.model._meta,
            "is_popup": True,
            "query": query,
            "pictures": [
                {
                    "image": image,
                    "thumbnail": images.thumbnail_url(image),
                    "url": images.default_rendition_url(image),
                }
                for image in pictures[:60]
            ],
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/education/image/picker.html", context)


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
    autocomplete_fields = ["lead_image"]
    filter_horizontal = ["related_articles", "resources", "sources"]
    list_select_related = ["reviewer"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Pictures"), {"fields": ["lead_image", "diagram"]}),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "author_name", "is_featured", "order"]},
        ),
        (
            _("Medical review"),
            {
                "fields": ["medical_review_record", "next_review_due"],
                "description": _(
                    "Who reviewed the article and when comes only from the "
                    "clinical sign-off record; the next review date is set by each approval."
                ),
            },
        ),
        (_("Sources"), {"fields": ["sources"]}),
        (_("Related content"), {"fields": ["related_articles", "resources", "allow_comments"]}),
    ]

    @admin.display(description=_("Status"), ordering="status")
    def publication(self, obj):
        if obj.status == Article.Status.DRAFT:
            return gettext("Draft")
        if not obj.is_cleared:
            return gettext("Waiting for clinical approval")
        if obj.published_at > timezone.now():
            return gettext("Scheduled")
        return gettext("Live")

    @admin.display(description=_("Medical review"))
    def medical_review_record(self, obj):
        approval = obj.current_approval if obj and obj.pk else None
        if obj and obj.clinical_state == ClinicalState.OVERRIDE:
            return gettext("Published under the urgent override: awaiting clinical review.")
        if approval is None:
            return gettext("Not approved by a clinician yet.")
        return gettext("%(action)s by %(name)s, %(credentials)s on %(date)s.") % {
            "action": approval.get_action_display(),
            "name": approval.reviewer_name,
            "credentials": approval.reviewer_credentials,
            "date": f"{approval.reviewed_on:%-d %B %Y}",
        }

    @admin.display(description=_("Next medical review"), ordering="next_review_due")
    def medical_review(self, obj):
        return review_state(obj)

    @admin.display(description=_("On the site"))
    def site_link(self, obj):
        label = gettext("View on site") if obj.is_live else gettext("Preview")
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), label)

    def has_sign_off_permission(self, request):
        return can_sign_off(request.user)

    @admin.action(
        description=_("Periodic review: reviewed, no change needed"), permissions=["sign_off"]
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
                ngettext(
                    "%(count)d article reviewed, no change needed.",
                    "%(count)d articles reviewed, no change needed.",
                    done,
                )
                % {"count": done},
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

    @admin.display(description=_("Questions"), ordering="faq_count")
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
    filter_horizontal = ["sources"]
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


@admin.register(BodyRegion)
class BodyRegionAdmin(ViewOnSiteMixin, ContentVersionAdmin):
    """The "Where does it hurt?" map: which conditions and articles each region shows."""

    list_display = ["name", "order", "condition_list", "site_link"]
    list_editable = ["order"]
    search_fields = ["name", "intro"]
    fields = ["name", "intro", "order", "conditions", "articles"]
    filter_horizontal = ["conditions", "articles"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("conditions")

    @admin.display(description=_("Conditions"))
    def condition_list(self, obj):
        return ", ".join(condition.name for condition in obj.conditions.all()) or "-"

    def has_add_permission(self, request):
        # The regions are the shapes drawn on the map: they are renamed, not added.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Precaution)
class PrecautionAdmin(OrderedContentAdmin):
    list_display = ["name", "kind", "order", "is_published", "clinical_state", "site_link"]
    list_filter = ["kind", "is_published", "clinical_state"]
    search_fields = ["name", "explanation", "self_check_question"]


@admin.register(RedFlag)
class RedFlagAdmin(OrderedContentAdmin):
    list_display = ["question", "route", "order", "is_published", "site_link"]
    list_filter = ["route", "is_published"]
    search_fields = ["question", "explanation"]


@admin.register(SideEffect)
class SideEffectAdmin(OrderedContentAdmin):
    list_display = ["name", "frequency", "rate", "order", "is_published", "site_link"]
    list_filter = ["frequency", "is_published"]
    search_fields = ["name", "rate", "explanation"]


@admin.register(CoverageTopic)
class CoverageTopicAdmin(OrderedContentAdmin):
    list_display = ["title", "order", "is_published", "site_link"]
    search_fields = ["title", "text"]


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
    fields = ["key", "title", "meta_description", "intro", "body", "sources"]
    filter_horizontal = ["sources"]

    def get_readonly_fields(self, request, obj=None):
        return ["key"] if obj else []


@admin.register(EditorialSettings)
class EditorialSettingsAdmin(SingleRowAdmin, ContentVersionAdmin):
    fieldsets = [
        (_("Reading level"), {"fields": ["reading_grade_target"]}),
        (_("Claims check"), {"fields": ["claim_phrases"]}),
        (_("Medical review"), {"fields": ["review_interval_months", "single_clinician"]}),
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

    @admin.display(description=_("Action"), ordering="action_flag")
    def action(self, obj):
        return {1: gettext("Added"), 2: gettext("Changed"), 3: gettext("Deleted")}.get(
            obj.action_flag, ""
        )

    @admin.display(description=_("What changed"))
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
