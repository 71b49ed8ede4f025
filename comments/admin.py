import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from clinic_site.admin import SingleRowAdmin

from . import services
from .models import MAX_COMMENT_LENGTH, Comment, CommentSettings, http_url_validator


@admin.register(CommentSettings)
class CommentSettingsAdmin(SingleRowAdmin, admin.ModelAdmin):
    fieldsets = [
        (
            _("Review"),
            {
                "fields": [
                    "auto_approve_returning",
                    "moderation_words",
                    "blocked_words",
                    "max_links",
                ]
            },
        ),
        (_("Closing and pages"), {"fields": ["close_after_days", "comments_per_page"]}),
        (
            _("Robots and floods"),
            {
                "fields": [
                    "min_seconds_to_submit",
                    "max_form_age_minutes",
                    "repeat_interval_seconds",
                    "max_per_hour",
                ],
                "description": "Comments that break these limits are refused with a message "
                "and never stored.",
            },
        ),
        (_("Notices to moderators"), {"fields": ["notify", "notify_emails"]}),
        (_("Privacy"), {"fields": ["keep_network_data_days", "keep_rejected_days"]}),
    ]

    create_with_defaults = True


class StatusFilter(admin.SimpleListFilter):
    """Spam stays out of the main view but one click brings it back."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, ("all", _("Everything, spam too"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "all":
            return queryset
        if value in Comment.Status.values:
            return queryset.filter(status=value)
        return queryset.exclude(status=Comment.Status.SPAM)

    def choices(self, changelist):
        for choice in super().choices(changelist):
            if choice["display"] == "All":
                choice["display"] = _("All but spam")
            yield choice


class CommentAdminForm(forms.ModelForm):
    website = forms.URLField(
        required=False, max_length=200, assume_scheme="https", validators=[http_url_validator]
    )
    clinic_reply = forms.CharField(
        label=_("Reply as the clinic"),
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Posted under this comment at once, marked as from the clinic team. "
            "A comment waiting for review is approved with the reply."
        ),
    )

    class Meta:
        model = Comment
        fields = ["status", "name", "website", "body"]

    def clean(self):
        cleaned = super().clean()
        hidden = {Comment.Status.REJECTED, Comment.Status.SPAM}
        if cleaned.get("clinic_reply", "").strip() and cleaned.get("status") in hidden:
            self.add_error(
                "clinic_reply",
                "Replies appear only under approved comments. Approve this comment, or "
                "leave the reply empty.",
            )
        return cleaned


class ModerationQueue(ChangeList):
    """Comments waiting for review first, newest first within each group, unless the
    moderator sorts by a column."""

    def _get_default_ordering(self):
        return ["waiting", "-created_at"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentAdminForm
    list_display = ["excerpt", "status", "article", "name", "held_because", "age"]
    list_display_links = ["excerpt"]
    list_filter = [StatusFilter, ("article", admin.RelatedOnlyFieldListFilter), "is_staff_reply"]
    search_fields = ["name", "email", "body"]
    list_select_related = ["article"]
    list_per_page = 50
    actions = [
        "approve",
        "reject",
        "mark_spam",
        "mark_not_spam",
        "delete_selected",
        "export_by_email",
        "erase_by_email",
    ]
    readonly_fields = [
        "article_link",
        "parent",
        "email",
        "decision",
        "reasons_list",
        "is_staff_reply",
        "created_at",
        "moderated_at",
        "moderated_by",
        "edited_at",
        "edited_by",
        "ip_hash",
        "user_agent",
    ]
    fieldsets = [
        (None, {"fields": ["article_link", "parent", "status", "decision", "reasons_list"]}),
        (
            _("Comment"),
            {
                "fields": ["name", "email", "website", "body"],
                "description": _(
                    "Edit the text to remove health details before approving. "
                    "The log records that it was edited, never the old text."
                ),
            },
        ),
        (None, {"fields": ["clinic_reply"]}),
        (
            _("History"),
            {
                "fields": [
                    "is_staff_reply",
                    "created_at",
                    "moderated_at",
                    "moderated_by",
                    "edited_at",
                    "edited_by",
                    "ip_hash",
                    "user_agent",
                ],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_queryset(self, request):
        # Comments waiting for review come first, newest first within each group.
        return (
            super()
            .get_queryset(request)
            .annotate(
                waiting=Case(
                    When(status=Comment.Status.PENDING, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
        )

    def get_changelist(self, request, **kwargs):
        return ModerationQueue

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("Comment"))
    def excerpt(self, obj):
        return obj.excerpt

    @admin.display(description=_("Why it was held"))
    def held_because(self, obj):
        return "; ".join(obj.reasons)

    @admin.display(description=_("Why"))
    def reasons_list(self, obj):
        return format_html_join("", "<div>{}</div>", ((reason,) for reason in obj.reasons)) or "-"

    @admin.display(description=_("Received"), ordering="created_at")
    def age(self, obj):
        return naturaltime(obj.created_at)

    @admin.display(description=_("Article"))
    def article_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.article.get_absolute_url(), obj.article)

    # --- Saving from the change form goes through the services ----------------------

    def save_model(self, request, obj, form, change):
        original = Comment.objects.get(pk=obj.pk)
        edits = {
            field: form.cleaned_data[field]
            for field in ["name", "website", "body"]
            if field in form.changed_data
        }
        if edits:
            services.comment_edit(comment=original, moderator=request.user, **edits)
        if "status" in form.changed_data:
            change_status = {
                Comment.Status.APPROVED: services.comments_approve,
                Comment.Status.REJECTED: services.comments_reject,
                Comment.Status.SPAM: services.comments_mark_spam,
                Comment.Status.PENDING: services.comments_mark_not_spam,
            }[form.cleaned_data["status"]]
            change_status(comments=[original], moderator=request.user)
        reply = form.cleaned_data.get("clinic_reply", "").strip()
        if reply:
            services.comment_reply(parent=original, moderator=request.user, body=reply)
            messages.success(request, _("Your reply is now on the article page."))

    def log_change(self, request, obj, message):
        """The services already wrote a precise log entry for each change."""

    def delete_model(self, request, obj):
        services.comments_delete(comments=[obj], moderator=request.user)

    def delete_queryset(self, request, queryset):
        services.comments_delete(comments=queryset, moderator=request.user)

    def log_deletions(self, request, queryset):
        """comments_delete logs the deletions itself."""

    # --- Bulk actions ---------------------------------------------------------------

    def _bulk(self, request, queryset, service, verb):
        count = service(comments=queryset.select_related("article"), moderator=request.user)
        self.message_user(request, f"{count} comment{'s' if count != 1 else ''} {verb}.")

    @admin.action(description=_("Approve selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        self._bulk(request, queryset, services.comments_approve, "approved")

    @admin.action(description=_("Reject selected comments"), permissions=["change"])
    def reject(self, request, queryset):
        self._bulk(request, queryset, services.comments_reject, "rejected")

    @admin.action(description=_("Mark selected comments as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._bulk(request, queryset, services.comments_mark_spam, "marked as spam")

    @admin.action(
        description=_("Not spam: send selected comments back to review"), permissions=["change"]
    )
    def mark_not_spam(self, request, queryset):
        self._bulk(request, queryset, services.comments_mark_not_spam, "sent back to review")

    @admin.action(
        description=_("Export every comment by the selected people's e-mail addresses"),
        permissions=["view"],
    )
    def export_by_email(self, request, queryset):
        emails = sorted({email for email in queryset.values_list("email", flat=True) if email})
        data = {"requests": [services.comments_export(email=email) for email in emails]}
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="comments-export-{stamp}.json"'
        return response

    @admin.action(
        description=_("Erase every comment by the selected people's e-mail addresses"),
        permissions=["delete"],
    )
    def erase_by_email(self, request, queryset):
        emails = sorted({email for email in queryset.values_list("email", flat=True) if email})
        if request.POST.get("confirm") == "yes":
            erased = sum(
                services.comments_erase(email=email, moderator=request.user) for email in emails
            )
            self.message_user(
                request,
                ngettext("Erased %(count)d comment.", "Erased %(count)d comments.", erased)
                % {"count": erased},
                messages.SUCCESS,
            )
            return None
        people = [(email, Comment.objects.by_email(email).count()) for email in emails]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Erase comments at the commenter's request"),
            "opts": self.model._meta,
            "people": people,
            "queryset": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/comments/comment/erase_confirmation.html", context)
