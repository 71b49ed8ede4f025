"""The admin side of clinical sign-off (the rules are in education/workflow.py).

``ClinicalReviewAdmin`` joins a model admin to the workflow: an edit to live text is
kept as a pending version, an item in review is locked, a soft warning says when
someone else saved since the form was opened, and each item has a "Clinical review"
page where editors submit, reviewers compare and decide, and managers override.
"""

import csv
import datetime

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from . import services
from .admin_editorial import _display_value, word_diff
from .admin_translation import TranslationReviewMixin, translation_overview
from .fields import SanitizedHTMLField
from .models import ClinicalReview
from .roles import OVERRIDE, SIGN_OFF
from .sanitizer import render_html
from .workflow import ClinicalState, stored_values, text_hash


def can_sign_off(user) -> bool:
    return user.has_perm(f"education.{SIGN_OFF}")


def can_override(user) -> bool:
    return user.has_perm(f"education.{OVERRIDE}")


def text_changes(model, old: dict, new: dict) -> list[dict]:
    """Word-level differences, field by field, between two sets of clinical text."""
    changes = []
    for name in model.clinical_fields:
        field = model._meta.get_field(name)
        old_text = _display_value(field, old.get(name)) if old else ""
        new_text = _display_value(field, new.get(name))
        if old and old_text == new_text and old.get(name) == new.get(name):
            continue
        changes.append(
            {
                "label": field.verbose_name,
                "diff": word_diff(old_text, new_text),
                "formatting_only": bool(old) and old_text == new_text,
            }
        )
    return changes


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("Kept on the record. Required when asking for changes or overriding."),
    )


class ClinicalReviewAdmin(TranslationReviewMixin):
    """Mixin for the admin of a ``ClinicallyReviewed`` model (put it first).

    Each translation has a page of its own (education/admin_translation.py).
    """

    review_template = "admin/education/clinical_review.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The admins with editing checks use a template that extends this one.
        if self.change_form_template is None:
            self.change_form_template = "admin/education/change_form_reviewed.html"

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        return [
            path(
                "<path:object_id>/clinical-review/",
                self.admin_site.admin_view(self.review_view),
                name=f"{name}_review",
            ),
            *self.translation_urls(),
            *super().get_urls(),
        ]

    # --- The edit form --------------------------------------------------------------

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        # Editors go on from the pending version, not from the text patients see.
        return services.with_pending(obj) if obj is not None and obj.pk else obj

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.pk and services.review_for(obj).is_locked:
            return False
        return super().has_change_permission(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            review = services.review_for(obj)
            latest = Version.objects.get_for_object(obj).first()
            context.update(
                clinical_review=review,
                clinical_item=obj,
                review_url=self._review_url(obj),
                opened_version=latest.pk if latest else "",
                translations=translation_overview(obj),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        clinical_changed = not change or bool(set(form.changed_data) & set(obj.clinical_fields))
        if change:
            self._warn_if_saved_since_opened(request, obj)
        pending = None
        if change and obj.is_cleared and clinical_changed:
            values, approved = obj.clinical_values(), stored_values(obj)
            if text_hash(values) != text_hash(approved):
                # Patients keep the approved text: the row keeps it, the edit waits.
                pending = values
                for name, value in approved.items():
                    setattr(obj, name, value)
        super().save_model(request, obj, form, change)
        obj._clinical_pending = pending
        if clinical_changed:
            values = pending if pending is not None else obj.clinical_values()
            services.review_save_change(obj=obj, values=values, user=request.user)
        if pending is not None:
            messages.info(
                request,
                gettext(
                    "Your change to “%(item)s” is saved as a pending version. Patients keep "
                    "seeing the approved text until a clinical reviewer approves the change: "
                    "submit it for review on its Clinical review page."
                )
                % {"item": obj},
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        pending = getattr(form.instance, "_clinical_pending", None)
        if pending is not None and reversion.is_active():
            # The history keeps the pending version, as the editor saved it.
            reversion.add_to_revision(services.with_values(form.instance, pending))

    def _warn_if_saved_since_opened(self, request, obj):
        opened = request.POST.get("_opened_version", "")
        newer = Version.objects.get_for_object(obj).select_related("revision__user")
        if opened.isdigit():
            newer = newer.filter(pk__gt=int(opened))
        elif opened != "":
            return
        newer = newer.exclude(revision__user=request.user).first()
        if opened == "" and newer is not None:
            return  # No version existed when the form was opened: nothing to compare.
        if newer is not None:
            when = localize(timezone.localtime(newer.revision.date_created))
            if newer.revision.user:
                text = gettext(
                    "%(who)s saved “%(item)s” at %(when)s, after you opened it. Your save "
                    "went ahead; open History to compare and bring back anything of theirs "
                    "you need."
                ) % {"who": newer.revision.user.get_username(), "item": obj, "when": when}
            else:
                text = gettext(
                    "Someone saved “%(item)s” at %(when)s, after you opened it. Your save "
                    "went ahead; open History to compare and bring back anything of theirs "
                    "you need."
                ) % {"item": obj, "when": when}
            messages.warning(request, text)

    # --- History ----------------------------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = dict(extra_context or {})
        if obj is not None:
            context["sign_offs"] = services.sign_offs_for(obj)
            context["review_url"] = self._review_url(obj)
        return super().history_view(request, object_id, context)

    # --- The clinical review page -----------------------------------------------------

    def _review_url(self, obj):
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_review", args=[obj.pk]
        )

    def review_view(self, request, object_id):
        obj = admin.ModelAdmin.get_object(self, request, unquote(object_id))
        if obj is None:
            raise Http404(gettext("No such item."))
        user = request.user
        if not (self.has_view_permission(request, obj) or can_sign_off(user)):
            raise PermissionDenied
        form = DecisionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            response = self._decide(request, obj, request.POST.get("decision", ""), form)
            if response is not None:
                return response
        review = services.review_for(obj)
        working = services.working_values(obj, review)
        approval = services.last_approval(obj)
        approved_values = (
            services._version_values(approval.version, obj)
            if (approval and approval.version)
            else (stored_values(obj) if obj.is_cleared else {})
        )
        is_editor = super().has_change_permission(request, obj)
        contributed = user.pk in services.contributors(obj, review)
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Clinical review: %(item)s") % {"item": obj},
            "subtitle": str(obj),
            "opts": opts,
            "original": obj,
            "object_id": obj.pk,
            "review": review,
            "approval": approval,
            "changes": text_changes(self.model, approved_values, working),
            "first_review": not approved_values,
            "preview": self._preview_fields(obj, working),
            "preview_url": self._public_preview_url(obj),
            "sign_offs": services.sign_offs_for(obj),
            "translations": translation_overview(obj),
            "form": form,
            "change_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
            ),
            "can_submit": is_editor
            and review.state in (ClinicalReview.State.DRAFT, ClinicalReview.State.CHANGES_REQUESTED)
            and not (obj.clinical_state == ClinicalState.APPROVED and review.pending_data is None),
            "can_withdraw": review.is_locked and (is_editor or can_override(user)),
            "can_decide": review.is_locked and can_sign_off(user),
            "four_eyes_blocked": contributed,
            "can_confirm": can_sign_off(user)
            and obj.clinical_state == ClinicalState.APPROVED
            and review.pending_data is None
            and not review.is_locked,
            "can_override": can_override(user)
            and (obj.clinical_state != ClinicalState.OVERRIDE or review.pending_data is not None),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.review_template, context)

    def _decide(self, request, obj, decision, form):
        note = form.cleaned_data["note"]
        user = request.user
        # Each step: the action, what the record of changes says (kept in English, like
        # every entry there) and the message the member of staff sees.
        steps = {
            "submit": (
                lambda: services.review_submit(obj=obj, user=user),
                "sent to the clinical reviewers",
                gettext("“%(item)s” was sent to the clinical reviewers."),
            ),
            "withdraw": (
                lambda: services.review_withdraw(obj=obj, user=user),
                "taken out of review and can be edited again",
                gettext("“%(item)s” was taken out of review and can be edited again."),
            ),
            "approve": (
                lambda: services.review_approve(obj=obj, user=user, note=note),
                "approved",
                gettext("“%(item)s” was approved."),
            ),
            "changes": (
                lambda: services.review_request_changes(obj=obj, user=user, note=note),
                "sent back to the editor with your note",
                gettext("“%(item)s” was sent back to the editor with your note."),
            ),
            "confirm": (
                lambda: services.review_confirm(obj=obj, user=user, note=note),
                "marked as reviewed, no change needed",
                gettext("“%(item)s” was marked as reviewed, no change needed."),
            ),
            "override": (
                lambda: services.review_override(obj=obj, user=user, reason=note),
                "published under the urgent override; it stays marked as awaiting "
                "clinical review until a reviewer approves it",
                gettext(
                    "“%(item)s” was published under the urgent override; it stays marked as "
                    "awaiting clinical review until a reviewer approves it."
                ),
            ),
        }
        if decision not in steps:
            messages.error(request, gettext("Please choose one of the buttons."))
            return None
        needs = {
            "submit": self.has_view_permission(request, obj)
            and super().has_change_permission(request, obj),
            "withdraw": super().has_change_permission(request, obj) or can_override(user),
            "approve": can_sign_off(user),
            "changes": can_sign_off(user),
            "confirm": can_sign_off(user),
            "override": can_override(user),
        }
        if not needs[decision]:
            raise PermissionDenied
        step, done, success = steps[decision]
        try:
            step()
        except services.SignOffRefused as refused:
            messages.error(request, str(refused))
            return None
        self.log_change(request, obj, f"Clinical review: {done}.")
        messages.success(request, success % {"item": obj})
        return HttpResponseRedirect(self._review_url(obj))

    def _preview_fields(self, obj, values):
        rows = []
        for name in self.model.clinical_fields:
            field = self.model._meta.get_field(name)
            value = values.get(name)
            if isinstance(field, SanitizedHTMLField):
                rows.append({"label": field.verbose_name, "html": render_html(value or "")})
            else:
                rows.append({"label": field.verbose_name, "text": _display_value(field, value)})
        return rows

    def _public_preview_url(self, obj):
        # Only an article has a page of its own that can show a pending version.
        if obj._meta.model_name == "article":
            return obj.get_absolute_url() + "?version=pending"
        return ""


# --- The record --------------------------------------------------------------------

CSV_COLUMNS = [
    (_("Date and time"), lambda s: timezone.localtime(s.created_at).isoformat(timespec="seconds")),
    (_("Action"), lambda s: s.get_action_display()),
    (_("Type"), lambda s: s.content_type.name),
    (_("Item"), lambda s: s.object_repr),
    (_("Item id"), lambda s: s.object_id),
    (_("Language"), lambda s: s.language),
    (_("Version id"), lambda s: s.version_id or ""),
    (_("Text fingerprint (SHA-256)"), lambda s: s.text_hash),
    (_("Clinician"), lambda s: s.reviewer_name),
    (_("Credentials"), lambda s: s.reviewer_credentials),
    (_("Registration"), lambda s: s.reviewer_registration),
    (_("Login"), lambda s: s.user.get_username() if s.user else ""),
    (
        _("Own change (single-clinician clinic)"),
        lambda s: gettext("yes") if s.single_clinician else gettext("no"),
    ),
    (_("Note"), lambda s: s.note),
]


def sign_offs_csv(queryset) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = datetime.date.today().isoformat()
    response["Content-Disposition"] = f'attachment; filename="clinical-sign-offs-{stamp}.csv"'
    writer = csv.writer(response)
    writer.writerow([str(title) for title, _value in CSV_COLUMNS])
    for sign_off in queryset.select_related("content_type", "user").order_by("created_at", "pk"):
        writer.writerow([value(sign_off) for _title, value in CSV_COLUMNS])
    return response


class SignOffAdmin(admin.ModelAdmin):
    """The clinical record: read-only, filterable, exportable for the college or an audit."""

    list_display = [
        "created_at",
        "action",
        "item_link",
        "language",
        "content_type",
        "clinician",
        "user",
        "version_id",
        "note",
    ]
    list_filter = ["action", "language", "content_type", "reviewer", "single_clinician"]
    search_fields = ["object_repr", "note", "reviewer_name", "reviewer_registration"]
    date_hierarchy = "created_at"
    list_select_related = ["content_type", "user"]
    actions = ["export_csv"]
    change_list_template = "admin/education/signoff/change_list.html"

    def get_urls(self):
        return [
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="education_signoff_export",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("Item"), ordering="object_repr")
    def item_link(self, obj):
        url = _admin_review_url_for(obj.content_type, obj.object_id, obj.language)
        return format_html('<a href="{}">{}</a>', url, obj.object_repr)

    @admin.display(description=_("Clinician"), ordering="reviewer_name")
    def clinician(self, obj):
        if not obj.reviewer_name:
            return "–"
        text = f"{obj.reviewer_name}, {obj.reviewer_credentials}"
        return f"{text} ({obj.reviewer_registration})" if obj.reviewer_registration else text

    @admin.action(description=_("Export the chosen records as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return sign_offs_csv(queryset)

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        return sign_offs_csv(changelist.get_queryset(request))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def waiting_lists(user) -> dict:
    """The admin home page's clinical review lists for ``user``: one query per model."""
    from .workflow import reviewed_models

    # One query for the reviews in progress and the translations out of date.
    outdated = Q(state=ClinicalReview.State.APPROVED, english_changed_at__isnull=False) & ~Q(
        language="en"
    )
    rows = list(
        ClinicalReview.objects.filter(
            Q(state__in=[ClinicalReview.State.IN_REVIEW, ClinicalReview.State.CHANGES_REQUESTED])
            | outdated
        )
        .select_related("content_type", "submitted_by")
        .prefetch_related("item")
        .order_by("submitted_at", "pk")
    )
    for review in rows:
        review.url = _admin_review_url_for(review.content_type, review.object_id, review.language)
        review.label = _label(review)
    reviews = [r for r in rows if r.state != ClinicalReview.State.APPROVED]
    out_of_date = sorted(
        (r for r in rows if r.state == ClinicalReview.State.APPROVED),
        key=lambda review: (review.english_changed_at, review.pk),
    )
    not_live, override = [], []
    now = timezone.now()
    for model in reviewed_models():
        if model._meta.model_name == "article":
            hidden = ~(Q(status="published") & Q(published_at__lte=now))
        elif any(field.name == "is_published" for field in model._meta.fields):
            hidden = Q(is_published=False)
        else:
            hidden = None
        wanted = Q(clinical_state=ClinicalState.OVERRIDE)
        if hidden is not None:
            wanted |= Q(clinical_state=ClinicalState.APPROVED) & hidden
        for item in model._default_manager.filter(wanted):
            entry = (item, _admin_review_url(item))
            (override if item.clinical_state == ClinicalState.OVERRIDE else not_live).append(entry)
    return {
        "waiting_for_review": [r for r in reviews if r.is_locked] if can_sign_off(user) else [],
        "changes_requested": [
            r for r in reviews if r.state == ClinicalReview.State.CHANGES_REQUESTED
        ],
        "approved_not_live": not_live,
        "under_override": override,
        "translations_out_of_date": out_of_date,
        "is_reviewer": can_sign_off(user),
    }


def _label(review):
    item = review.item
    if not item:
        label = str(review)
        if review.language != "en":
            from .translations import language_name

            label = gettext("%(item)s (%(language)s translation)") % {
                "item": label,
                "language": language_name(review.language),
            }
        return label
    kind = review.content_type.name.capitalize()
    if review.language != "en":
        from .translations import language_name

        return gettext("%(kind)s: %(item)s (%(language)s translation)") % {
            "kind": kind,
            "item": item,
            "language": language_name(review.language),
        }
    return gettext("%(kind)s: %(item)s") % {"kind": kind, "item": item}


def _admin_review_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_review", args=[item.pk])


def _admin_review_url_for(content_type: ContentType, object_id, language="en"):
    model = content_type.model_class()
    opts = model._meta
    if language != "en":
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_translation", args=[object_id, language]
        )
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_review", args=[object_id])
