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
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from .fields import SanitizedHTMLField
from .models import ClinicalReview, Reviewer, SignOff
from .sanitizer import sanitize_html
from .services import (  # noqa: F401 - public here too
    _record,
    available_languages,
    is_translated,
    review_for,
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
    *, obj, language: str, values: dict, reviewer: Reviewer, user=None, reviewed_at=None, note=""
) -> SignOff:
    """A clinician approves ``values`` (field -> text) as ``obj``'s text in ``language``."""
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
