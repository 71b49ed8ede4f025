"""Translations of medical content: a clinician approves each language on its own.

The translated columns (``title_fr``, ``body_zh_hans``...) hold only approved text,
so a language without an approved translation falls back to English by itself.
When the English text is approved again with different words, each approved
translation is marked out of date (services._make_live) until it is approved again.
"""

import datetime
from dataclasses import dataclass

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from .fields import SanitizedHTMLField
from .models import ClinicalReview, EditorialSettings, Reviewer, SignOff
from .sanitizer import sanitize_html
from .services import (  # noqa: F401 - public here too
    SignOffRefused,
    _emails,
    _notify,
    _record,
    _send_to_reviewers,
    available_languages,
    is_translated,
    review_for,
    reviewer_profile,
    send_back,
    translated_fields,
)


def other_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != "en"]


def clean_values(obj, values: dict) -> dict:
    """``values`` as they will be stored: rich text is sanitised like the English."""
    cleaned = {}
    for name, text in values.items():
        field = obj._meta.get_field(name)
        if isinstance(field, SanitizedHTMLField):
            text = sanitize_html(text, images=field.allow_images)
        cleaned[name] = text
    return cleaned


def is_approved_as(obj, language: str, values: dict) -> bool:
    """Whether ``obj``'s approved ``language`` text is already exactly ``values``."""
    review = _approved_reviews(obj).filter(language=language).first()
    if review is None or review.english_changed_at is not None:
        return False
    stored = {
        name: getattr(obj, build_localized_fieldname(name, language))
        for name in clean_values(obj, values)
    }
    return stored == clean_values(obj, values)


@transaction.atomic
def translation_approve(
    *,
    obj,
    language: str,
    values: dict,
    reviewer: Reviewer,
    user=None,
    reviewed_at=None,
    note="",
    single=False,
) -> SignOff:
    """Record that a clinician approved ``values`` (field -> text) as ``obj``'s text in
    ``language``, and show it to patients.

    This is the record itself, with no rule checked: staff go through
    ``translation_review_approve``, which checks the reviewer and four eyes first; the
    demo content calls this directly for its demo reviewer.
    """
    if language not in other_languages():
        raise ValueError(f"{language!r} is not a translated language of the site.")
    allowed = translated_fields(obj)
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValueError(f"Not translated fields of {type(obj).__name__}: {sorted(unknown)}")
    values = clean_values(obj, values)
    columns = []
    for name, text in values.items():
        column = build_localized_fieldname(name, language)
        setattr(obj, column, text)
        columns.append(column)
    obj._clinical_sign_off = True
    try:
        obj.save(update_fields=columns)
    finally:
        obj._clinical_sign_off = False
    # The record points at a stored revision of the whole row, translation included,
    # as every English approval does.
    with reversion.create_revision(manage_manually=True):
        if user or reviewer.user:
            reversion.set_user(user or reviewer.user)
        reversion.set_comment(f"Translation ({language}) approved.")
        reversion.add_to_revision(obj)
    approval = _record(
        obj,
        action=SignOff.Action.APPROVED,
        user=user or reviewer.user,
        values=dict(values),
        version=Version.objects.get_for_object(obj).first(),
        note=note,
        reviewer=reviewer,
        single=single,
        language=language,
    )
    if reviewed_at is not None:
        approval.created_at = reviewed_at
        approval.save(update_fields=["created_at"])
    review = review_for(obj, language)
    review.state = ClinicalReview.State.APPROVED
    review.pending_data = None
    review.english_changed_at = None
    review.note = note
    review.save()
    return approval


@dataclass(frozen=True)
class TranslationStatus:
    translated: bool
    english_changed_on: datetime.date | None = None


def _approved_reviews(obj):
    return ClinicalReview.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        state=ClinicalReview.State.APPROVED,
    ).exclude(language="en")


def translation_status(obj, language: str) -> TranslationStatus:
    """Whether patients reading ``language`` see ``obj`` translated, and if it is behind."""
    if language == "en" or obj is None or obj.pk is None:
        return TranslationStatus(translated=True)
    if not is_translated(obj, language):
        return TranslationStatus(translated=False)
    review = _approved_reviews(obj).filter(language=language).first()
    changed = review.english_changed_at if review else None
    return TranslationStatus(
        translated=True,
        english_changed_on=timezone.localdate(changed) if changed else None,
    )


# --- The review of one translation, step by step (the admin's translation page) ------


def language_name(language: str) -> str:
    """The language's English name, for staff: "French", "Simplified Chinese"..."""
    from django.utils.translation import get_language_info

    return get_language_info(language)["name"]


def stored_translation(obj, language: str) -> dict:
    """The approved ``language`` text of ``obj`` (empty strings where there is none)."""
    return {
        name: getattr(obj, build_localized_fieldname(name, language)) or ""
        for name in translated_fields(obj)
    }


def english_text(obj) -> dict:
    """The English text patients see, field by field (the row's English columns)."""
    return {
        name: getattr(obj, build_localized_fieldname(name, "en")) or ""
        for name in translated_fields(obj)
    }


def translation_working_values(obj, review: ClinicalReview) -> dict:
    """The translation being worked on: the saved draft, or else the approved text."""
    if review.pending_data is not None:
        return {**stored_translation(obj, review.language), **review.pending_data}
    return stored_translation(obj, review.language)


def _translation_review(obj, language: str) -> ClinicalReview:
    if language not in other_languages():
        raise SignOffRefused(
            gettext("%(language)s is not one of the site's translated languages.")
            % {"language": repr(language)}
        )
    return review_for(obj, language)


def missing_fields(obj, values: dict) -> list[str]:
    """The fields with English text whose translation is still empty."""
    english = english_text(obj)
    return [
        str(obj._meta.get_field(name).verbose_name).capitalize()
        for name in translated_fields(obj)
        if english[name].strip() and not (values.get(name) or "").strip()
    ]


@transaction.atomic
def translation_save(*, obj, language: str, values: dict, user) -> ClinicalReview:
    """Keep an editor's translation as the draft of ``language``; patients keep seeing
    what was approved (or the English) until a clinician approves the draft."""
    review = _translation_review(obj, language)
    if review.is_locked:
        raise SignOffRefused(
            gettext(
                "The %(language)s translation of “%(item)s” is in clinical review and "
                "cannot be changed until a reviewer approves it or sends it back."
            )
            % {"language": language_name(language), "item": obj}
        )
    values = clean_values(obj, {name: values.get(name, "") for name in translated_fields(obj)})
    unchanged = values == stored_translation(obj, language)
    if unchanged and review.state == ClinicalReview.State.APPROVED:
        review.pending_data = None
    else:
        review.pending_data = values
        if review.state == ClinicalReview.State.APPROVED:
            review.state = ClinicalReview.State.DRAFT
    review.changed_by = user
    review.changed_at = timezone.now()
    review.save()
    return review


def _review_url(obj, language: str) -> str:
    from django.urls import reverse

    from .services import _site_url

    opts = obj._meta
    return _site_url(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_translation", args=[obj.pk, language])
    )


@transaction.atomic
def translation_submit(*, obj, language: str, user) -> ClinicalReview:
    """Send the ``language`` translation to the clinical reviewers.

    A translation that is out of date may be sent unchanged: the reviewer then
    confirms that it still says what the new English says.
    """
    review = _translation_review(obj, language)
    outdated = review.english_changed_at is not None
    if review.is_locked:
        raise SignOffRefused(
            gettext("The %(language)s translation is in review already.")
            % {"language": language_name(language)}
        )
    if review.state == ClinicalReview.State.APPROVED and review.pending_data is None:
        if not outdated:
            raise SignOffRefused(
                gettext("The %(language)s translation has no change waiting for approval.")
                % {"language": language_name(language)}
            )
        review.pending_data = stored_translation(obj, language)
    if review.pending_data is None:
        raise SignOffRefused(
            gettext("Write the %(language)s translation first.")
            % {"language": language_name(language)}
        )
    missing = missing_fields(obj, review.pending_data)
    if missing:
        raise SignOffRefused(
            gettext("Translate every part before sending it for review; still empty: %(fields)s.")
            % {"fields": ", ".join(missing)}
        )
    _send_to_reviewers(
        obj,
        review,
        user=user,
        subject=gettext(
            "Waiting for your clinical review (%(language_name)s translation): %(item)s"
        ),
        url=_review_url(obj, language),
        language_name=language_name(language),
    )
    return review


@transaction.atomic
def translation_withdraw(*, obj, language: str, user) -> ClinicalReview:
    review = _translation_review(obj, language)
    if not review.is_locked:
        raise SignOffRefused(
            gettext("The %(language)s translation is not in review.")
            % {"language": language_name(language)}
        )
    review.state = ClinicalReview.State.DRAFT
    review.save()
    return review


def translation_contributors(review: ClinicalReview) -> set[int]:
    """Who wrote or sent the translation in review (four eyes: they may not approve it)."""
    return {pk for pk in (review.changed_by_id, review.submitted_by_id) if pk}


@transaction.atomic
def translation_review_approve(*, obj, language: str, user, note: str = "") -> SignOff:
    """A clinician approves exactly the translation in review; patients see it at once."""
    review = _translation_review(obj, language)
    if not review.is_locked:
        raise SignOffRefused(
            gettext("The %(language)s translation is not waiting for clinical review.")
            % {"language": language_name(language)}
        )
    reviewer = reviewer_profile(user)
    single = False
    if user.pk in translation_contributors(review):
        if not EditorialSettings.load().single_clinician:
            raise SignOffRefused(
                gettext(
                    "You wrote or sent this translation yourself, so another clinician must "
                    "approve it (four eyes). A clinic with a single clinician can allow this in "
                    "the editorial settings."
                )
            )
        single = True
    editors = [review.changed_by, review.submitted_by]
    approval = translation_approve(
        obj=obj,
        language=language,
        values=translation_working_values(obj, review),
        reviewer=reviewer,
        user=user,
        note=note,
        single=single,
    )
    _notify(
        obj,
        subject=gettext("Approved (%(language_name)s translation): %(item)s"),
        template="education/email/review_decided.txt",
        recipients=[e for e in _emails(editors) if e != user.email],
        sign_off=approval,
        url=_review_url(obj, language),
        language_name=language_name(language),
    )
    return approval


@transaction.atomic
def translation_request_changes(*, obj, language: str, user, note: str) -> SignOff:
    """Send the translation back to its editor with the reviewer's note."""
    if not note.strip():
        raise SignOffRefused(
            gettext("Please say what needs to change: the note goes to the editor.")
        )
    review = _translation_review(obj, language)
    if not review.is_locked:
        raise SignOffRefused(
            gettext("The %(language)s translation is not waiting for clinical review.")
            % {"language": language_name(language)}
        )
    return send_back(
        obj,
        review,
        user=user,
        note=note,
        values=translation_working_values(obj, review),
        subject=gettext("Changes requested (%(language_name)s translation): %(item)s"),
        url=_review_url(obj, language),
        language_name=language_name(language),
    )


def english_changes_since(obj, language: str) -> dict:
    """The English text as it was when the ``language`` translation was last approved.

    Read from the revision stored with that approval (empty when there is none).
    """
    from .services import last_approval

    approval = last_approval(obj, language)
    if approval is None or approval.version is None:
        return {}
    data = approval.version.field_dict
    return {
        name: data.get(build_localized_fieldname(name, "en"), data.get(name)) or ""
        for name in translated_fields(obj)
    }
