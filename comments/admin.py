import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import actions as admin_actions
from django.contrib.admin.views.main import ChangeList
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from clinic_site.admin import SingleRowAdmin

from . import akismet, services
from .models import (
    MAX_COMMENT_LENGTH,
    Comment,
    CommentSettings,
    Report,
    SpamFilterState,
    http_url_validator,
)


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
                "description": _(
                    "Comments that break these limits are refused with a message and never stored."
                ),
            },
        ),
        (
            _("Spam"),
            {
                "fields": ["spam_filter_on", "spam_threshold", "spam_filter_state", "akismet_on"],
                "description": _(
                    "The spam filter learns from every approve, reject, spam and "
                    "not-spam decision. Comments sent to spam are kept out of the review list "
                    "but can be found with the status filter and recovered with “Not spam”."
                ),
            },
        ),
        (_("Reports from visitors"), {"fields": ["report_threshold"]}),
        (_("Notices to moderators"), {"fields": ["notify", "notify_emails"]}),
        (_("Privacy"), {"fields": ["keep_network_data_days", "keep_rejected_days"]}),
    ]
    readonly_fields = ["spam_filter_state"]

    create_with_defaults = True

    @admin.display(description=_("what the filter has learned"))
    def spam_filter_state(self, obj):
        state = SpamFilterState.objects.filter(pk=1).first()
        if state:
            learned = gettext("%(count)d moderator decisions, the last on %(when)s.") % {
                "count": state.decisions_learned,
                "when": f"{state.updated_at:%Y-%m-%d %H:%M}",
            }
        else:
            learned = gettext("Nothing yet: it sorts with the example comments it shipped with.")
        if akismet.key():
            key = gettext("Akismet key on the server: set.")
        else:
            key = gettext("Akismet key on the server: not set (Akismet cannot be used).")
        return f"{learned} {key}"


class StatusFilter(admin.SimpleListFilter):
    """Spam stays out of the main view but one click brings it back."""

    title = _("status")
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
                gettext(
                    "Replies appear only under approved comments. Approve this comment, or "
                    "leave the reply empty."
                ),
            )
        return cleaned


class ModerationQueue(ChangeList):
    """Reported comments first (most reports first), then comments waiting for review,
    newest first within each group, unless the moderator sorts by a column."""

    def _get_default_ordering(self):
        return ["-open_reports", "waiting", "-created_at"]


class ReportedFilter(admin.SimpleListFilter):
    title = _("reports")
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("open", gettext("Reported, waiting for a decision"))]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(open_reports__gt=0)
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentAdminForm
    list_display = ["excerpt", "status", "reported", "article", "name", "held_because", "age"]
    list_display_links = ["excerpt"]
    list_filter = [
        StatusFilter,
        ReportedFilter,
        ("article", admin.RelatedOnlyFieldListFilter),
        "is_staff_reply",
    ]
    search_fields = ["name", "email", "body"]
    list_select_related = ["article"]
    list_per_page = 50
    actions = [
        "approve",
        "reject",
        "mark_spam",
        "mark_not_spam",
        "dismiss_reports",
        "make_faq_draft",
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
        "spam_score",
        "spam_verdict",
        "learned_as",
        "reports_list",
        "faq",
        "credentials",
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
        (
            None,
            {
                "fields": [
                    "article_link",
                    "parent",
                    "status",
                    "decision",
                    "reasons_list",
                    "spam_score",
                    "reports_list",
                    "faq",
                ]
            },
        ),
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
                    "credentials",
                    "created_at",
                    "moderated_at",
                    "moderated_by",
                    "edited_at",
                    "edited_by",
                    "spam_verdict",
                    "learned_as",
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
                ),
                open_reports=Count("reports", filter=Q(reports__outcome=Report.Outcome.OPEN)),
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

    @admin.display(description=_("Reports"), ordering="open_reports")
    def reported(self, obj):
        count = getattr(obj, "open_reports", 0)
        if not count:
            return ""
        reasons = ", ".join(
            sorted(
                {
                    report.get_reason_display().lower()
                    for report in obj.reports.filter(outcome=Report.Outcome.OPEN)
                }
            )
        )
        return f"{count}: {reasons}"

    @admin.display(description=_("Reports from visitors"))
    def reports_list(self, obj):
        reports = list(obj.reports.order_by("-created_at"))
        if not reports:
            return "-"
        return format_html_join(
            "",
            "<div>{}: {}{} ({})</div>",
            (
                (
                    report.get_reason_display(),
                    report.get_outcome_display(),
                    f" \u2014 \u201c{report.note}\u201d" if report.note else "",
                    naturaltime(report.created_at),
                )
                for report in reports
            ),
        )

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
            change_status(comments=[original], moderator=request.user, **self.base_url(request))
        reply = form.cleaned_data.get("clinic_reply", "").strip()
        if reply:
            services.comment_reply(
                parent=original,
                moderator=request.user,
                body=reply,
                base_url=request.build_absolute_uri("/"),
            )
            messages.success(request, _("Your reply is now on the article page."))

    @staticmethod
    def base_url(request):
        """For the services that e-mail patients: links in the e-mail point to this site."""
        return {"base_url": request.build_absolute_uri("/")}

    def log_change(self, request, obj, message):
        """The services already wrote a precise log entry for each change."""

    # --- Deleting: a comment with replies may keep them ---------------------------

    delete_confirmation_template = "admin/comments/comment/delete_confirmation.html"
    delete_selected_confirmation_template = (
        "admin/comments/comment/delete_selected_confirmation.html"
    )

    def delete_view(self, request, object_id, extra_context=None):
        comment = self.get_object(request, object_id)
        replies = comment.replies.count() if comment is not None else 0
        return super().delete_view(
            request, object_id, extra_context={"reply_count": replies, **(extra_context or {})}
        )

    def delete_model(self, request, obj):
        services.comments_delete(
            comments=[obj],
            moderator=request.user,
            keep_replies=request.POST.get("keep_replies") == "yes",
        )

    def delete_queryset(self, request, queryset):
        services.comments_delete(
            comments=queryset,
            moderator=request.user,
            keep_replies=request.POST.get("keep_replies") == "yes",
        )

    def log_deletions(self, request, queryset):
        """comments_delete logs the deletions itself."""

    @admin.action(description=_("Delete selected comments"), permissions=["delete"])
    def delete_selected(self, request, queryset):
        """Django's own delete action; its confirmation says how many replies the
        selection has and offers to keep them."""
        response = admin_actions.delete_selected(self, request, queryset)
        if response is not None and hasattr(response, "context_data"):
            selected = [comment.pk for comment in queryset]
            response.context_data["reply_count"] = (
                Comment.objects.filter(parent__in=selected).exclude(pk__in=selected).count()
            )
        return response

    # --- Bulk actions ---------------------------------------------------------------

    def _bulk(self, request, queryset, service, done, **kwargs):
        """``done(count)`` is the message, a whole sentence for each action."""
        count = service(
            comments=queryset.select_related("article"), moderator=request.user, **kwargs
        )
        self.message_user(request, done(count) % {"count": count})

    @admin.action(description=_("Approve selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        self._bulk(
            request,
            queryset,
            services.comments_approve,
            lambda count: ngettext(
                "%(count)d comment approved.", "%(count)d comments approved.", count
            ),
            **self.base_url(request),
        )

    @admin.action(description=_("Reject selected comments"), permissions=["change"])
    def reject(self, request, queryset):
        self._bulk(
            request,
            queryset,
            services.comments_reject,
            lambda count: ngettext(
                "%(count)d comment rejected.", "%(count)d comments rejected.", count
            ),
            **self.base_url(request),
        )

    @admin.action(
        description=_("Dismiss the reports: keep the selected comments on the page"),
        permissions=["change"],
    )
    def dismiss_reports(self, request, queryset):
        count = services.comments_dismiss_reports(comments=queryset, moderator=request.user)
        self.message_user(
            request,
            ngettext(
                "Reports dismissed on %(count)d comment; they are on the page.",
                "Reports dismissed on %(count)d comments; they are on the page.",
                count,
            )
            % {"count": count},
        )

    @admin.action(
        description=_("Make a draft FAQ entry from the question and the clinic's answer"),
        permissions=["change"],
    )
    def make_faq_draft(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request,
                gettext("Please select one question to make an FAQ entry from."),
                messages.WARNING,
            )
            return None
        if not request.user.has_perm("education.add_faq"):
            self.message_user(
                request,
                gettext("Making FAQ entries needs permission to add FAQs."),
                messages.ERROR,
            )
            return None
        try:
            faq = services.comment_faq_draft(comment=queryset.get(), moderator=request.user)
        except services.NotAQuestion as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return None
        self.message_user(
            request,
            gettext(
                "A draft FAQ entry was made. Rewrite it for all patients, add its sources and "
                "send it for clinical review; the thread links to it once it is live."
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:education_faq_change", args=[faq.pk]))

    @admin.action(description=_("Mark selected comments as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._bulk(
            request,
            queryset,
            services.comments_mark_spam,
            lambda count: ngettext(
                "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", count
            ),
        )

    @admin.action(
        description=_("Not spam: send selected comments back to review"), permissions=["change"]
    )
    def mark_not_spam(self, request, queryset):
        self._bulk(
            request,
            queryset,
            services.comments_mark_not_spam,
            lambda count: ngettext(
                "%(count)d comment sent back to review.",
                "%(count)d comments sent back to review.",
                count,
            ),
        )

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
