"""Admin building blocks for editing content: revisions that can be compared and
restored, the reading-level and claims checks, and medical review reminders.

education/admin.py puts them together for each model.
"""

import datetime
from difflib import SequenceMatcher

from django.conf import settings as django_settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from .checks import find_claims, plain_text, reading_grade
from .fields import SanitizedHTMLField
from .models import EditorialSettings

REVIEW_SOON_DAYS = 30


# --- Revisions ------------------------------------------------------------------


class ContentVersionAdmin(VersionAdmin):
    """Every save through the admin keeps a revision with the user who made it.

    The History page lists the revisions, newest first; each can be compared with
    the current text and restored (django-reversion's revision form, saved as a
    new change so that nothing is lost).
    """

    object_history_template = "admin/education/object_history.html"
    history_latest_first = True

    def get_exclude(self, request, obj=None):
        """Leave the per-language columns (title_en, title_fr...) out of the form.

        The form's ``title`` is the English text. For medical content a
        translation is written into its column only when a clinician approves it
        (education/translations.py), so the admin must not write those columns
        directly; the other content (FAQ topics, body areas, the clinic profile)
        shows each translation beside its English text.
        """
        from modeltranslation.utils import build_localized_fieldname

        from .services import translated_fields
        from .workflow import is_reviewed_model

        fields = translated_fields(self.model)
        languages = [code for code, _name in django_settings.LANGUAGES]
        if not is_reviewed_model(self.model):
            languages = ["en"]
        columns = [build_localized_fieldname(name, code) for name in fields for code in languages]
        return [*(super().get_exclude(request, obj) or ()), *columns]

    def get_fieldsets(self, request, obj=None):
        """Content that needs no clinical sign-off (FAQ topics, body areas, the clinic
        profile) shows its translations in a fieldset of their own, after the English."""
        from modeltranslation.utils import build_localized_fieldname

        from .services import translated_fields
        from .workflow import is_reviewed_model

        fieldsets = super().get_fieldsets(request, obj)
        fields = translated_fields(self.model)
        if not fields or is_reviewed_model(self.model):
            return fieldsets
        others = [code for code, _name in django_settings.LANGUAGES if code != "en"]
        columns = [build_localized_fieldname(name, code) for code in others for name in fields]
        kept = [
            (title, {**options, "fields": [f for f in options["fields"] if f not in columns]})
            for title, options in fieldsets
        ]
        return [
            *kept,
            (
                gettext("Translations"),
                {
                    "fields": columns,
                    "description": gettext(
                        "The same text in the site's other languages. Leave a "
                        "box empty and patients reading that language see the English."
                    ),
                },
            ),
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        original = getattr(db_field, "translated_field", None)
        if field is not None and language and original is not None:
            # "Tagline (French)" rather than modeltranslation's "tagline [fr]".
            from django.utils.translation import get_language_info

            name = get_language_info(language)["name"]
            field.label = gettext("%(field)s (%(language)s)") % {
                "field": original.verbose_name.capitalize(),
                "language": name,
            }
            field.widget.attrs["lang"] = language
        return field

    def get_urls(self):
        opts = self.model._meta
        compare = path(
            "<path:object_id>/history/<int:version_id>/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        opts = self.model._meta
        versions = self._reversion_order_version_queryset(
            request,
            Version.objects.get_for_object_reference(self.model, unquote(object_id)).select_related(
                "revision__user"
            ),
        )
        action_list = [
            {
                "revision": version.revision,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=[version.object_id, version.pk],
                ),
                "compare_url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_compare",
                    args=[version.object_id, version.pk],
                ),
            }
            for version in versions
        ]
        context = {
            "action_list": action_list,
            # Staff who may only view see no "Restore" link that would refuse them.
            "has_change_permission": self.has_change_permission(request),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id, version_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(gettext("No such item."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_for_object(obj).select_related("revision__user"), pk=version_id
        )
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Compare an earlier version of “%(item)s”") % {"item": obj},
            "subtitle": str(obj),
            "opts": opts,
            "original": obj,
            "object_id": obj.pk,
            "version": version,
            "changes": version_changes(obj, version),
            "restore_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_revision",
                args=[obj.pk, version.pk],
            ),
            "has_change_permission": self.has_change_permission(request, obj),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/education/compare.html", context)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``old`` and ``new`` as runs of words marked "same", "removed" or "added"."""
    old_words, new_words = old.split(), new.split()
    runs = []
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("same", " ".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("removed", " ".join(old_words[i1:i2])))
        if j2 > j1:
            runs.append(("added", " ".join(new_words[j1:j2])))
    return runs


def _display_value(field, value) -> str:
    """How staff would recognise ``value`` of ``field`` on the edit page."""
    if value is None or value == "":
        return gettext("(empty)")
    if isinstance(field, models.ManyToManyField):
        names = field.related_model._default_manager.filter(pk__in=value)
        return ", ".join(sorted(str(item) for item in names)) or gettext("(none)")
    if isinstance(field, models.ForeignKey):
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else gettext("(since deleted)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, SanitizedHTMLField):
        return plain_text(value)
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime | datetime.date):
        return localize(
            timezone.localtime(value) if isinstance(value, datetime.datetime) else value
        )
    return str(value)


def version_changes(obj, version) -> list[dict]:
    """The fields in which ``version`` differs from ``obj`` as it is now."""
    old_values = version.field_dict
    changes = []
    for field in obj._meta.get_fields():
        if not field.concrete or field.primary_key or field.auto_created:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue
        if field.attname not in old_values:
            continue
        old = old_values[field.attname]
        if isinstance(field, models.ManyToManyField):
            new = [item.pk for item in getattr(obj, field.name).all()]
            if sorted(old or []) == sorted(new):
                continue
        else:
            new = getattr(obj, field.attname)
            if old == new:
                continue
        old_text, new_text = _display_value(field, old), _display_value(field, new)
        changes.append(
            {
                "label": field.verbose_name,
                "diff": word_diff(old_text, new_text),
                "formatting_only": old_text == new_text,
            }
        )
    return changes


# --- Reading level and claims ------------------------------------------------------


def _target(settings: EditorialSettings) -> str:
    """The target as staff typed it: "8", "7.5"."""
    return f"{float(settings.reading_grade_target):g}"


# The Flesch-Kincaid grade is a formula for English sentences and syllables: it is
# measured on the English text only, and every translation is "not measured".
MEASURED_LANGUAGE = "en"


def not_measured_languages() -> list[str]:
    return [name for code, name in django_settings.LANGUAGES if code != MEASURED_LANGUAGE]


def english_text(obj, field: str):
    """The English column of ``field``, whatever language is active."""
    return getattr(obj, f"{field}_{MEASURED_LANGUAGE}", None) or getattr(obj, field)


def editorial_report(text: str, settings: EditorialSettings) -> dict:
    grade = reading_grade(text)
    target = float(settings.reading_grade_target)
    return {
        "not_measured": not_measured_languages(),
        "grade": grade,
        "target": _target(settings),
        "above_target": grade is not None and grade > target,
        "claims": find_claims(text, settings.claim_phrase_list),
    }


class EditorialChecksMixin:
    """Shows the reading grade and phrases to check for one rich-text field.

    The grade is a column in the list and, with the flagged phrases, a panel at the
    top of the edit page. Saving is never blocked: a warning message names what
    was flagged so a clinician can look at it.
    """

    checked_field = None
    change_form_template = "admin/education/change_form_with_checks.html"

    def _reading_grade_column(self, settings):
        target = float(settings.reading_grade_target)

        @admin.display(description=_("Reading grade (English)"))
        def reading_grade_column(obj):
            grade = reading_grade(english_text(obj, self.checked_field))
            if grade is None:
                return "–"
            if grade > target:
                return format_html(
                    '<strong class="editorial-flag">{}</strong>',
                    gettext("%(grade)s (above %(target)s)")
                    % {"grade": grade, "target": _target(settings)},
                )
            return grade

        reading_grade_column.__name__ = "reading_grade"
        return reading_grade_column

    @admin.display(description=_("Reading grade (English)"))
    def reading_grade(self, obj):
        return self._reading_grade_column(EditorialSettings.load())(obj)

    def get_list_display(self, request):
        # One settings query for the whole list rather than one per row.
        column = self._reading_grade_column(EditorialSettings.load())
        return [
            column if name == "reading_grade" else name
            for name in super().get_list_display(request)
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["editorial_report"] = editorial_report(
                english_text(obj, self.checked_field), EditorialSettings.load()
            )
        context["editorial_field_label"] = self.model._meta.get_field(
            self.checked_field
        ).verbose_name
        if obj is not None and obj.pk and hasattr(obj, "sources"):
            context["missing_sources"] = not obj.sources.exists()
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        report = editorial_report(english_text(obj, self.checked_field), EditorialSettings.load())
        if report["above_target"]:
            messages.warning(
                request,
                gettext(
                    "“%(item)s” reads at grade %(grade)s, above the target of %(target)s. "
                    "Shorter sentences and everyday words bring it down."
                )
                % {"item": obj, "grade": report["grade"], "target": report["target"]},
            )
        if report["claims"]:
            found = ", ".join(sorted({f"“{claim.found}”" for claim in report["claims"]}))
            messages.warning(
                request,
                gettext(
                    "“%(item)s” uses %(phrases)s. Please ask a clinician to check it does not "
                    "promise too much."
                )
                % {"item": obj, "phrases": found},
            )


# --- Medical review reminders -------------------------------------------------------


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("medical review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("due", gettext("Overdue or due within %(days)d days") % {"days": REVIEW_SOON_DAYS}),
            ("overdue", gettext("Overdue")),
            ("soon", gettext("Due within %(days)d days") % {"days": REVIEW_SOON_DAYS}),
            ("unset", gettext("No review date")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        horizon = today + datetime.timedelta(days=REVIEW_SOON_DAYS)
        match self.value():
            case "due":
                return queryset.filter(next_review_due__lte=horizon)
            case "overdue":
                return queryset.filter(next_review_due__lt=today)
            case "soon":
                return queryset.filter(next_review_due__gte=today, next_review_due__lte=horizon)
            case "unset":
                return queryset.filter(next_review_due__isnull=True)
        return queryset


class PublicationFilter(admin.SimpleListFilter):
    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [
            ("draft", gettext("Draft")),
            ("scheduled", gettext("Scheduled")),
            ("live", gettext("Live")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "draft":
                return queryset.drafts()
            case "scheduled":
                return queryset.scheduled()
            case "live":
                return queryset.published()
        return queryset


def review_state(article) -> str:
    if article.next_review_due is None:
        return gettext("No review date")
    today = timezone.localdate()
    if article.next_review_due < today:
        return gettext("Overdue since %(date)s") % {"date": localize(article.next_review_due)}
    if article.next_review_due <= today + datetime.timedelta(days=REVIEW_SOON_DAYS):
        return gettext("Due %(date)s") % {"date": localize(article.next_review_due)}
    return localize(article.next_review_due)
