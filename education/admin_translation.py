"""The admin's translation page: one language of one medical item, beside its English.

Editors write the translation next to the English text and save it as a draft or
send it for clinical review; a clinical reviewer compares, then approves it or asks
for changes. Each language has its own review and sign-off record
(education/translations.py); patients see a translation only once it is approved.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from . import translations
from .admin_editorial import _display_value, word_diff
from .fields import SanitizedHTMLField
from .models import ClinicalReview
from .sanitizer import render_html
from .services import SignOffRefused, last_approval, sign_offs_for


def translation_overview(obj) -> list[dict]:
    """Each translated language of ``obj`` with where it stands, for staff (one query)."""
    reviews = {
        review.language: review
        for review in ClinicalReview.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).exclude(language="en")
    }
    opts = obj._meta
    rows = []
    for language in translations.other_languages():
        review = reviews.get(language)
        rows.append(
            {
                "language": language,
                "name": translations.language_name(language),
                "native": dict(settings.LANGUAGES)[language],
                "status": translation_state(obj, language, review),
                "out_of_date": bool(review and review.english_changed_at),
                "url": reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_translation",
                    args=[obj.pk, language],
                ),
            }
        )
    return rows


def translation_state(obj, language, review) -> str:
    """One line a clinic manager understands: what patients reading ``language`` see."""
    translated = translations.is_translated(obj, language)
    if review is None or (review.state == ClinicalReview.State.DRAFT and not review.pending_data):
        return gettext("Not translated: patients see the English")
    if review.state == ClinicalReview.State.IN_REVIEW:
        if translated:
            return gettext("In clinical review; patients see the approved translation")
        return gettext("In clinical review; patients see the English")
    if review.state == ClinicalReview.State.CHANGES_REQUESTED:
        if translated:
            return gettext("Changes requested by a reviewer; patients see the approved translation")
        return gettext("Changes requested by a reviewer; patients see the English")
    if review.state == ClinicalReview.State.DRAFT:
        if translated:
            return gettext("Draft, not approved yet; patients see the approved translation")
        return gettext("Draft, not approved yet; patients see the English")
    if review.english_changed_at:
        changed = timezone.localdate(review.english_changed_at).strftime("%-d %b %Y")
        if translated:
            text = gettext(
                "Out of date: the English changed on %(date)s; "
                "patients see the approved translation"
            )
        else:
            text = gettext("Out of date: the English changed on %(date)s; patients see the English")
        return text % {"date": changed}
    if review.pending_data:
        if translated:
            return gettext("Approved, with a draft change; patients see the approved translation")
        return gettext("Approved, with a draft change; patients see the English")
    return gettext("Approved: patients see the translation")


class TranslationForm(forms.Form):
    """The translated fields of one item in one language, built from the model."""

    def __init__(self, *args, model_admin, request, obj, language, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        for name in translations.translated_fields(obj):
            column = obj._meta.get_field(build_localized_fieldname(name, language))
            field = model_admin.formfield_for_dbfield(column, request=request)
            field.required = False
            field.label = obj._meta.get_field(name).verbose_name.capitalize()
            field.help_text = ""
            field.disabled = disabled
            # The translation is in its own language, for spell-checkers and screen readers.
            field.widget.attrs["lang"] = language
            self.fields[name] = field


class TranslationReviewMixin:
    """The per-language translation pages of a clinically reviewed model's admin."""

    translation_template = "admin/education/translation_review.html"

    def translation_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/translation/<str:language>/",
                self.admin_site.admin_view(self.translation_view),
                name=f"{opts.app_label}_{opts.model_name}_translation",
            )
        ]

    def _translation_url(self, obj, language):
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_translation",
            args=[obj.pk, language],
        )

    def translation_view(self, request, object_id, language):
        from .admin_review import DecisionForm, can_sign_off

        # The stored row, not the pending English version: the English shown beside
        # the translation is the text patients see.
        obj = admin.ModelAdmin.get_object(self, request, unquote(object_id))
        if obj is None or language not in translations.other_languages():
            raise Http404(gettext("No such item or language."))
        user = request.user
        if not (self.has_view_permission(request, obj) or can_sign_off(user)):
            raise PermissionDenied
        # Permission to edit the item, whatever the English review's lock.
        is_editor = admin.ModelAdmin.has_change_permission(self, request, obj)
        review = translations.review_for(obj, language)
        form = TranslationForm(
            request.POST or None,
            model_admin=self,
            request=request,
            obj=obj,
            language=language,
            disabled=review.is_locked or not is_editor,
            initial=translations.translation_working_values(obj, review),
        )
        decision_form = DecisionForm(request.POST or None)
        if request.method == "POST":
            decision = request.POST.get("decision", "")
            response = self._translation_decide(
                request, obj, language, decision, form, decision_form, is_editor
            )
            if response is not None:
                return response
            review.refresh_from_db()
        working = translations.translation_working_values(obj, review)
        approved = translations.stored_translation(obj, language)
        old_english = translations.english_changes_since(obj, language)
        english = translations.english_text(obj)
        rows = []
        for name in translations.translated_fields(obj):
            field = obj._meta.get_field(name)
            rows.append(
                {
                    "field": form[name],
                    "english": self._shown(field, english[name]),
                    "english_diff": word_diff(
                        _display_value(field, old_english.get(name)),
                        _display_value(field, english[name]),
                    )
                    if review.english_changed_at and old_english
                    else None,
                    "translation_diff": word_diff(
                        _display_value(field, approved[name]) if approved[name] else "",
                        _display_value(field, working.get(name)),
                    )
                    if review.is_locked and any(approved.values())
                    else None,
                }
            )
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("%(language)s translation: %(item)s")
            % {"language": translations.language_name(language), "item": obj},
            "opts": opts,
            "original": obj,
            "object_id": obj.pk,
            "language": language,
            "language_name": translations.language_name(language),
            "review": review,
            "status": translation_state(obj, language, review),
            "approval": last_approval(obj, language),
            "rows": rows,
            "form": form,
            "decision_form": decision_form,
            "languages": translation_overview(obj),
            "sign_offs": sign_offs_for(obj, language),
            "change_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
            ),
            "review_url": self._review_url(obj),
            "public_url": self._public_url(obj, language),
            "can_edit": is_editor and not review.is_locked,
            "can_submit": is_editor and not review.is_locked,
            "can_withdraw": review.is_locked and is_editor,
            "can_decide": review.is_locked and can_sign_off(user),
            "four_eyes_blocked": user.pk in translations.translation_contributors(review),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.translation_template, context)

    @staticmethod
    def _shown(field, value):
        if isinstance(field, SanitizedHTMLField):
            return {"html": render_html(value or "")}
        return {"text": value or gettext("(empty)")}

    def _public_url(self, obj, language):
        from django.utils import translation

        if not hasattr(obj, "get_absolute_url"):
            return ""
        with translation.override(language):
            return obj.get_absolute_url()

    def _translation_decide(self, request, obj, language, decision, form, decision_form, editor):
        from .admin_review import can_sign_off

        user = request.user
        name = translations.language_name(language)
        needs = {
            "save": editor,
            "submit": editor,
            "withdraw": editor,
            "approve": can_sign_off(user),
            "changes": can_sign_off(user),
        }
        if decision not in needs:
            messages.error(request, gettext("Please choose one of the buttons."))
            return None
        if not needs[decision]:
            raise PermissionDenied
        if decision in ("save", "submit"):
            if not form.is_valid():
                messages.error(request, gettext("Please correct the errors below."))
                return None
            values = form.cleaned_data
        if not decision_form.is_valid():
            return None
        note = decision_form.cleaned_data["note"]
        try:
            if decision == "save":
                translations.translation_save(obj=obj, language=language, values=values, user=user)
                done = "saved as a draft"
                success = gettext(
                    "The %(language)s translation of “%(item)s” was saved as a draft. "
                    "Patients do not see it until a clinician approves it."
                )
            elif decision == "submit":
                translations.translation_save(obj=obj, language=language, values=values, user=user)
                translations.translation_submit(obj=obj, language=language, user=user)
                done = "sent to the clinical reviewers"
                success = gettext(
                    "The %(language)s translation of “%(item)s” was sent to the clinical reviewers."
                )
            elif decision == "withdraw":
                translations.translation_withdraw(obj=obj, language=language, user=user)
                done = "taken out of review and can be edited again"
                success = gettext(
                    "The %(language)s translation of “%(item)s” was taken out of review and "
                    "can be edited again."
                )
            elif decision == "approve":
                translations.translation_review_approve(
                    obj=obj, language=language, user=user, note=note
                )
                done = "approved"
                success = gettext(
                    "The %(language)s translation of “%(item)s” was approved. Patients "
                    "reading it see it now."
                )
            else:
                translations.translation_request_changes(
                    obj=obj, language=language, user=user, note=note
                )
                done = "sent back to the editor with your note"
                success = gettext(
                    "The %(language)s translation of “%(item)s” was sent back to the editor "
                    "with your note."
                )
        except SignOffRefused as refused:
            # The draft may be saved even when sending it was refused; the form keeps
            # exactly what was typed either way.
            messages.error(request, str(refused))
            return None
        # The record of changes stays in English, like every entry there.
        self.log_change(request, obj, f"{name} translation: {done}.")
        messages.success(request, success % {"language": name, "item": obj})
        return HttpResponseRedirect(self._translation_url(obj, language))
