"""Clinical sign-off: the one mechanism every piece of medical content goes through.

A model joins by inheriting ``ClinicallyReviewed`` and naming the fields a clinician
signs off (``clinical_fields``); its admin adds ``ClinicalReviewAdmin``. Everything
else (states, the pending version, four eyes, the record) is shared.

The row in the database is what patients see. Once an item has been approved (or
published under the urgent override), an edit to its clinical fields does not
touch the row: it is kept as a pending version on the item's ``ClinicalReview``
until a reviewer approves it, and only then copied into the row. Public querysets
show only rows whose text is cleared (``cleared()``), and a save that changes a
cleared row's text by any other path withdraws the clearance (see
``withdraw_clearance_on_change``), so patients only ever read text that was approved.
"""

import hashlib
import json

from django.apps import apps
from django.db import models


class ClinicalState(models.TextChoices):
    """Whether the text in the row may be shown to patients."""

    UNAPPROVED = "unapproved", "Not approved"
    APPROVED = "approved", "Approved by a clinician"
    OVERRIDE = "override", "Published under override, awaiting clinical review"


CLEARED_STATES = [ClinicalState.APPROVED, ClinicalState.OVERRIDE]


class ClinicalQuerySet(models.QuerySet):
    def cleared(self):
        """Rows whose text a clinician approved, or a manager published under override."""
        return self.filter(clinical_state__in=CLEARED_STATES)


class ClinicallyReviewed(models.Model):
    """Medical content that a registered clinician signs off before patients see it."""

    # The fields whose text a clinician approves. Every subclass names its own.
    clinical_fields: tuple[str, ...] = ()

    clinical_state = models.CharField(
        "clinical sign-off",
        max_length=12,
        choices=ClinicalState.choices,
        default=ClinicalState.UNAPPROVED,
        editable=False,
    )
    current_approval = models.ForeignKey(
        "education.SignOff",
        verbose_name="approval shown to patients",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_cleared(self):
        return self.clinical_state in CLEARED_STATES

    @property
    def awaiting_clinical_review(self):
        return self.clinical_state == ClinicalState.OVERRIDE

    def clinical_values(self) -> dict:
        # Rich text is cleaned once, when the row is saved (SanitizedHTMLField), and
        # again when shown; cleaning stored text a second time could change it.
        return {name: getattr(self, name) for name in self.clinical_fields}


def reviewed_models() -> list[type[ClinicallyReviewed]]:
    """Every model whose content needs a clinician's sign-off."""
    return [model for model in apps.get_models() if issubclass(model, ClinicallyReviewed)]


def is_reviewed_model(model) -> bool:
    return isinstance(model, type) and issubclass(model, ClinicallyReviewed)


def text_hash(values: dict) -> str:
    """A fingerprint of exactly the text signed off, kept on each approval."""
    normalised = {key: "" if value is None else str(value) for key, value in values.items()}
    payload = json.dumps(normalised, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def stored_values(obj) -> dict:
    """The clinical fields as the database holds them now (what patients see)."""
    row = type(obj)._default_manager.filter(pk=obj.pk).values(*obj.clinical_fields).first()
    return row or {}


def withdraw_clearance_on_change(sender, instance, raw=False, **kwargs):
    """pre_save: a cleared row whose text changes without a sign-off is no longer shown.

    The admin and the services never do this (they keep such edits as a pending
    version), but a shell, a fixture or a future code path might.
    """
    if raw or not is_reviewed_model(sender) or instance.pk is None:
        return
    if getattr(instance, "_clinical_sign_off", False) or not instance.is_cleared:
        return
    stored = stored_values(instance)
    if not stored:
        return
    if text_hash(stored) != text_hash(instance.clinical_values()):
        instance.clinical_state = ClinicalState.UNAPPROVED
        instance.current_approval = None
