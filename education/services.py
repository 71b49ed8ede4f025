"""Actions on education content that change state, shared by the admin and any view."""

import calendar
import copy
import datetime
import functools

import reversion
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Min
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from clinic_site import page_cache
from clinic_site.tasks import queue_email

from . import images
from .models import (
    FAQ,
    Article,
    ClinicalReview,
    ClinicProfile,
    EditorialSettings,
    FAQCategory,
    Image,
    Reviewer,
    SignOff,
)
from .roles import CLINICAL_REVIEWER, OVERRIDE, SIGN_OFF
from .workflow import ClinicalState, stored_values, text_hash

User = get_user_model()


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved ``months`` ahead; the 31st becomes the month's last day when needed."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


# --- Clinical sign-off ---------------------------------------------------------------
#
# The states and rules are described in education/workflow.py. Each function below is
# one step a person takes; the admin's buttons call them.


class SignOffRefused(Exception):
    """A step that the rules do not allow; the message says why, for staff to read."""


def review_for(obj, language: str = "en") -> ClinicalReview:
    """Where ``obj`` stands in clinical review: its English text, or one translation."""
    if language == "en":
        state = ClinicalReview.State.APPROVED if obj.is_cleared else ClinicalReview.State.DRAFT
    else:
        state = ClinicalReview.State.DRAFT
    review, _ = ClinicalReview.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        language=language,
        defaults={"state": state},
    )
    return review


def translated_fields(obj) -> tuple[str, ...]:
    """The translated fields of a model or of one of its rows (education/translation.py)."""
    return _translated_fields(obj if isinstance(obj, type) else type(obj))


@functools.cache
def _translated_fields(model) -> tuple[str, ...]:
    try:
        names = translator.get_options_for_model(model).fields
    except NotRegistered:
        return ()
    # In the order the model declares them, as the edit form shows them.
    return tuple(field.name for field in model._meta.fields if field.name in names)


def is_translated(obj, language: str) -> bool:
    """Whether patients reading ``language`` see ``obj`` in that language.

    A translated column holds only approved text, so the row itself answers, with
    no query (it is asked for every item on a page).
    """
    if language == "en":
        return True
    return any(
        getattr(obj, build_localized_fieldname(name, language), None)
        for name in translated_fields(obj)
    )


def available_languages(obj) -> list[str]:
    """ "en" plus each language in which ``obj`` has an approved translation."""
    return [code for code, _name in django_settings.LANGUAGES if is_translated(obj, code)]


def working_values(obj, review: ClinicalReview) -> dict:
    """The text that would go live if approved now: the pending version, or the row."""
    if review.pending_data is not None:
        return dict(review.pending_data)
    return obj.clinical_values()


def with_values(obj, values: dict):
    """A copy of ``obj`` holding ``values`` in its clinical fields (not saved)."""
    shown = copy.copy(obj)
    for name, value in values.items():
        setattr(shown, name, value)
    return shown


def with_pending(obj, review: ClinicalReview | None = None):
    """``obj`` showing the pending version, for previews and the edit form."""
    review = review or review_for(obj)
    if review.pending_data is None:
        return obj
    return with_values(obj, review.pending_data)


def sign_offs_for(obj, language: str = "en"):
    return SignOff.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, language=language
    ).select_related("user", "reviewer", "version")


def last_approval(obj, language: str = "en") -> SignOff | None:
    return (
        sign_offs_for(obj, language)
        .filter(action__in=[SignOff.Action.APPROVED, SignOff.Action.CONFIRMED])
        .first()
    )


def translation_approval(obj, language: str) -> SignOff | None:
    """The sign-off of the translation patients read in ``language``, if they read one.

    None in English and wherever the page falls back to English; costs no query then.
    """
    if language == django_settings.LANGUAGE_CODE or not is_translated(obj, language):
        return None
    return last_approval(obj, language)


def _versions(obj):
    return Version.objects.get_for_object(obj).select_related("revision__user")


def _version_values(version, obj) -> dict:
    data = version.field_dict
    return {name: data.get(name) for name in obj.clinical_fields}


def version_for_text(obj, values: dict, *, user=None) -> Version:
    """The stored revision holding exactly ``values``; one is made if none is the latest."""
    latest = _versions(obj).first()
    if latest is not None and text_hash(_version_values(latest, obj)) == text_hash(values):
        return latest
    with reversion.create_revision(manage_manually=True):
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment("The version sent for clinical review.")
        reversion.add_to_revision(with_values(obj, values))
    return _versions(obj).first()


def contributors(obj, review: ClinicalReview) -> set[int]:
    """The ids of everyone who changed the text since it was last approved."""
    since = last_approval(obj)
    versions = _versions(obj)
    if since is not None:
        versions = versions.filter(revision__date_created__gt=since.created_at)
    users = {pk for pk in versions.values_list("revision__user", flat=True) if pk}
    if review.changed_by_id:
        users.add(review.changed_by_id)
    return users


def reviewer_profile(user) -> Reviewer:
    """The signing clinician's profile; only a reviewer with a linked profile may sign."""
    if not user.has_perm(f"education.{SIGN_OFF}"):
        raise SignOffRefused(gettext("Only a clinical reviewer can approve medical content."))
    profile = Reviewer.objects.filter(user=user).first() if user.pk else None
    if profile is None:
        raise SignOffRefused(
            gettext(
                "Your login is not linked to a clinician's reviewer profile, so it cannot sign "
                "off medical content. A clinic manager links it under Reviewers."
            )
        )
    return profile


def _admin_change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_review", args=[obj.pk])


def _site_url(path: str) -> str:
    return django_settings.COMMENTS_SITE_URL.rstrip("/") + path


def _emails(users) -> list[str]:
    return [user.email for user in users if user is not None and user.is_active and user.email]


def reviewer_emails(*, exclude=None) -> list[str]:
    users = (
        User.objects.filter(is_active=True, groups__name=CLINICAL_REVIEWER)
        .exclude(email="")
        .distinct()
    )
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return _emails(users)


def _notify(obj, *, subject: str, template: str, recipients: list[str], url=None, **context):
    """E-mail staff about ``obj``. ``subject`` is a whole sentence for translators, with
    ``%(item)s`` for the item and any of ``context``'s names (``%(language_name)s``)."""
    context = {"item": obj, "kind": obj._meta.verbose_name, **context}
    context["review_url"] = url or _site_url(_admin_change_url(obj))
    queue_email(
        subject=subject % context,
        body=render_to_string(template, context),
        recipients=recipients,
    )


def _record(
    obj, *, action, user, values, version=None, note="", reviewer=None, single=False, language="en"
):
    return SignOff.objects.create(
        language=language,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        object_repr=str(obj)[:250],
        action=action,
        user=user,
        reviewer=reviewer,
        reviewer_name=reviewer.name if reviewer else "",
        reviewer_credentials=reviewer.credentials if reviewer else "",
        reviewer_registration=reviewer.registration if reviewer else "",
        version=version,
        text_hash=text_hash(values),
        note=note,
        single_clinician=single,
    )


def _make_live(obj, values: dict, *, state, approval: SignOff | None):
    """Copy the signed-off text into the row patients see.

    When the English text changes, every approved translation of the item is marked
    out of date, in the same transaction, so patients are told at once.
    """
    if text_hash(stored_values(obj)) != text_hash(values):
        ClinicalReview.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            state=ClinicalReview.State.APPROVED,
            english_changed_at__isnull=True,
        ).exclude(language="en").update(english_changed_at=timezone.now())
    for name, value in values.items():
        setattr(obj, name, value)
    obj.clinical_state = state
    obj.current_approval = approval
    # Only what the sign-off decides: anything else on the row stays as it is stored.
    fields = [*values, "clinical_state", "current_approval"]
    if approval is not None and hasattr(obj, "last_reviewed"):
        obj.last_reviewed = approval.reviewed_on
        fields.append("last_reviewed")
        if isinstance(obj, Article):
            obj.reviewer = approval.reviewer
            obj.next_review_due = add_months(
                approval.reviewed_on, EditorialSettings.load().review_interval_months
            )
            fields += ["reviewer", "next_review_due"]
    if any(field.name == "updated_at" for field in obj._meta.concrete_fields):
        fields.append("updated_at")
    obj._clinical_sign_off = True
    try:
        obj.save(update_fields=fields)
    finally:
        obj._clinical_sign_off = False


@transaction.atomic
def review_save_change(*, obj, values: dict, user) -> ClinicalReview:
    """After an edit to ``obj``'s clinical text (the admin calls this on every save).

    For an item patients can see, ``values`` is kept as the pending version and the
    row is left alone; for any other item the row already holds ``values``.
    """
    review = review_for(obj)
    if review.is_locked:
        raise SignOffRefused(
            gettext(
                "“%(item)s” is in clinical review and cannot be changed until a reviewer "
                "approves it or sends it back."
            )
            % {"item": obj}
        )
    if obj.is_cleared:
        approved = stored_values(obj)
        review.pending_data = None if text_hash(values) == text_hash(approved) else values
    if review.pending_data is None and obj.is_cleared:
        review.state = ClinicalReview.State.APPROVED
    elif review.state == ClinicalReview.State.APPROVED:
        review.state = ClinicalReview.State.DRAFT
    review.changed_by = user
    review.changed_at = timezone.now()
    review.save()
    return review


@transaction.atomic
def review_submit(*, obj, user) -> ClinicalReview:
    """Send the working copy to the clinical reviewers."""
    review = review_for(obj)
    if review.state not in (ClinicalReview.State.DRAFT, ClinicalReview.State.CHANGES_REQUESTED):
        if review.state == ClinicalReview.State.APPROVED:
            raise SignOffRefused(gettext("“%(item)s” is approved already.") % {"item": obj})
        raise SignOffRefused(gettext("“%(item)s” is in clinical review already.") % {"item": obj})
    if obj.clinical_state == ClinicalState.APPROVED and review.pending_data is None:
        raise SignOffRefused(
            gettext("“%(item)s” has no change waiting for approval.") % {"item": obj}
        )
    version_for_text(obj, working_values(obj, review), user=user)
    _send_to_reviewers(
        obj,
        review,
        user=user,
        subject=gettext("Waiting for your clinical review: %(item)s"),
    )
    return review


def _send_to_reviewers(obj, review: ClinicalReview, *, user, subject: str, **context):
    """Lock the item (or one translation of it) in review, sent by ``user``, and tell
    the reviewers."""
    review.state = ClinicalReview.State.IN_REVIEW
    review.submitted_by = user
    review.submitted_at = timezone.now()
    review.save()
    _notify(
        obj,
        subject=subject,
        template="education/email/review_waiting.txt",
        recipients=reviewer_emails(exclude=user),
        submitted_by=user,
        **context,
    )


@transaction.atomic
def review_withdraw(*, obj, user) -> ClinicalReview:
    """Take an item back out of review, so it can be edited again."""
    review = review_for(obj)
    if not review.is_locked:
        raise SignOffRefused(gettext("“%(item)s” is not in clinical review.") % {"item": obj})
    review.state = ClinicalReview.State.DRAFT
    review.save()
    return review


@transaction.atomic
def review_approve(*, obj, user, note: str = "") -> SignOff:
    """A clinician approves exactly the text in review; it goes live (or at its time)."""
    review = review_for(obj)
    if not review.is_locked:
        raise SignOffRefused(
            gettext("“%(item)s” is not waiting for clinical review.") % {"item": obj}
        )
    reviewer = reviewer_profile(user)
    single = False
    if user.pk in contributors(obj, review):
        if not EditorialSettings.load().single_clinician:
            raise SignOffRefused(
                gettext(
                    "You changed this text yourself, so another clinician must approve it "
                    "(four eyes). A clinic with a single clinician can allow this in the "
                    "editorial settings."
                )
            )
        single = True
    values = working_values(obj, review)
    version = version_for_text(obj, values, user=user)
    approval = _record(
        obj,
        action=SignOff.Action.APPROVED,
        user=user,
        values=values,
        version=version,
        note=note,
        reviewer=reviewer,
        single=single,
    )
    _make_live(obj, values, state=ClinicalState.APPROVED, approval=approval)
    editors = [review.changed_by, review.submitted_by]
    review.state = ClinicalReview.State.APPROVED
    review.pending_data = None
    review.note = note
    review.save()
    _notify(
        obj,
        subject=gettext("Approved: %(item)s"),
        template="education/email/review_decided.txt",
        recipients=[e for e in _emails(editors) if e != user.email],
        sign_off=approval,
    )
    return approval


@transaction.atomic
def review_request_changes(*, obj, user, note: str) -> SignOff:
    """Send the text back to its editor with the reviewer's note. Patients keep seeing
    whatever was approved before (if anything)."""
    if not note.strip():
        raise SignOffRefused(
            gettext("Please say what needs to change: the note goes to the editor.")
        )
    review = review_for(obj)
    periodic = obj.is_cleared and review.pending_data is None
    if not (review.is_locked or periodic):
        raise SignOffRefused(
            gettext("“%(item)s” is not waiting for clinical review.") % {"item": obj}
        )
    reviewer_profile(user)  # refused before anything is stored
    values = working_values(obj, review)
    return send_back(
        obj,
        review,
        user=user,
        note=note,
        values=values,
        version=version_for_text(obj, values, user=user),
        subject=gettext("Changes requested: %(item)s"),
    )


def send_back(obj, review, *, user, note, values, subject, version=None, **context) -> SignOff:
    """Record the reviewer's request for changes to ``review`` (English or a translation),
    unlock it for its editor and tell the people who wrote and sent it."""
    sign_off = _record(
        obj,
        action=SignOff.Action.CHANGES_REQUESTED,
        user=user,
        values=values,
        version=version,
        note=note.strip(),
        reviewer=reviewer_profile(user),
        language=review.language,
    )
    review.state = ClinicalReview.State.CHANGES_REQUESTED
    review.note = note.strip()
    review.save()
    _notify(
        obj,
        subject=subject,
        template="education/email/review_decided.txt",
        recipients=[
            e for e in _emails([review.changed_by, review.submitted_by]) if e != user.email
        ],
        sign_off=sign_off,
        **context,
    )
    return sign_off


@transaction.atomic
def review_confirm(*, obj, user, note: str = "") -> SignOff:
    """The periodic review: "Reviewed, no change needed" approves the same text again."""
    review = review_for(obj)
    if obj.clinical_state != ClinicalState.APPROVED or review.pending_data is not None:
        raise SignOffRefused(
            gettext("“%(item)s” has text that was never approved: approve it through the review.")
            % {"item": obj}
        )
    reviewer = reviewer_profile(user)
    values = obj.clinical_values()
    approval = _record(
        obj,
        action=SignOff.Action.CONFIRMED,
        user=user,
        values=values,
        version=version_for_text(obj, values, user=user),
        note=note,
        reviewer=reviewer,
    )
    _make_live(obj, values, state=ClinicalState.APPROVED, approval=approval)
    review.state = ClinicalReview.State.APPROVED
    review.note = note
    review.save()
    return approval


@transaction.atomic
def review_override(*, obj, user, reason: str) -> SignOff:
    """A clinic manager publishes without approval, in an emergency, with a reason.

    Patients see the text at once, marked "awaiting clinical review", and it stays in
    the reviewers' queue until one of them approves it.
    """
    if not user.has_perm(f"education.{OVERRIDE}"):
        raise SignOffRefused(
            gettext("Only a clinic manager may publish without clinical approval.")
        )
    if not reason.strip():
        raise SignOffRefused(gettext("Please write why this cannot wait for a clinician."))
    review = review_for(obj)
    values = working_values(obj, review)
    sign_off = _record(
        obj,
        action=SignOff.Action.OVERRIDE,
        user=user,
        values=values,
        version=version_for_text(obj, values, user=user),
        note=reason.strip(),
    )
    _make_live(obj, values, state=ClinicalState.OVERRIDE, approval=None)
    review.pending_data = None
    _send_to_reviewers(
        obj,
        review,
        user=user,
        subject=gettext("Published under override, waiting for your clinical review: %(item)s"),
        override=sign_off,
    )
    return sign_off


@transaction.atomic
def review_approve_loaded(*, obj, reviewer: Reviewer, reviewed_at=None, note: str = "") -> SignOff:
    """Approve content loaded from a file (the demo content) in ``reviewer``'s name.

    There is no editor to keep apart from the reviewer here; the record says where
    the text came from in its note.
    """
    values = obj.clinical_values()
    approval = _record(
        obj,
        action=SignOff.Action.APPROVED,
        user=reviewer.user,
        values=values,
        version=version_for_text(obj, values, user=reviewer.user),
        note=note,
        reviewer=reviewer,
    )
    if reviewed_at is not None:
        approval.created_at = reviewed_at
        approval.save(update_fields=["created_at"])
    _make_live(obj, values, state=ClinicalState.APPROVED, approval=approval)
    review = review_for(obj)
    review.state = ClinicalReview.State.APPROVED
    review.save()
    return approval


PATIENT_QUESTIONS = "Questions from patients"


@transaction.atomic
def faq_draft_create(*, question: str, answer: str, user, article=None) -> FAQ:
    """A draft FAQ entry from a patient's question and the clinic's answer (plain text).

    It is not approved, so patients do not see it: staff rewrite it and send it for
    clinical sign-off like any FAQ. It goes in the "Questions from patients"
    category (made when first needed) and links the article it was asked under.
    """
    category, _ = FAQCategory.objects.get_or_create(
        slug="questions-from-patients",
        defaults={"name": PATIENT_QUESTIONS, "order": FAQCategory.objects.count() + 1},
    )
    question = " ".join(question.split())
    if len(question) > 250:
        question = question[:249].rstrip() + "\u2026"
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment("Draft made from a patient's question and the clinic's answer.")
        faq = FAQ.objects.create(
            category=category,
            question=question,
            answer=linebreaks(answer, autoescape=True),
            related_article=article,
            order=category.faqs.count() + 1,
        )
    review = review_for(faq)
    review.changed_by = user
    review.changed_at = timezone.now()
    review.save()
    return faq


def image_save(*, image: Image, file_changed: bool) -> Image:
    """Save a library picture; when its file is new, make its renditions once, now.

    Renditions are made here, at upload, rather than when a page asks for them:
    a page never waits for a resize and never writes a file.
    """
    old = None
    if file_changed and image.pk:
        previous = Image.objects.filter(pk=image.pk).first()
        if previous is not None:
            old = [previous.file.name, *images.stored_renditions(previous)]
    with transaction.atomic():
        image.save()
        if file_changed or not image.renditions:
            image.renditions = images.make_renditions(image)
            image.save(update_fields=["renditions"])
    if old:
        transaction.on_commit(lambda: images.delete_files(image.file.storage, old))
    return image


def image_delete(*, image: Image) -> None:
    """Remove a library picture and, once that is committed, its files."""
    storage = image.file.storage
    names = [image.file.name, *images.stored_renditions(image)]
    image.delete()
    transaction.on_commit(lambda: images.delete_files(storage, names))


# --- Reading content for pages, once per content change ------------------------------
# Any change to this app's rows moves the page cache's generation on (see apps.py),
# so values read here are made again on the first request after a change.


def clinic_profile() -> ClinicProfile:
    """The clinic's profile for showing on pages (read it, never change it)."""
    return page_cache.remember("clinic-profile", ClinicProfile.load)


def live_article(slug: str) -> Article:
    """The live article with this slug, for showing on pages (raises DoesNotExist)."""
    return page_cache.remember(f"live-article:{slug}", lambda: Article.live(slug))


def next_scheduled_publication() -> float | None:
    """When the next scheduled article goes live, as a timestamp: pages that list
    articles change then without any save."""
    first = Article.objects.scheduled().aggregate(first=Min("published_at"))["first"]
    return first.timestamp() if first else None
