"""Actions on education content that change state, shared by the admin and any view."""

import calendar
import datetime

from django.db import transaction
from django.utils import timezone

from . import images
from .models import Article, EditorialSettings, Image, Reviewer


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved ``months`` ahead; the 31st becomes the month's last day when needed."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


@transaction.atomic
def article_mark_reviewed(
    *,
    article: Article,
    reviewer: Reviewer,
    reviewed_on: datetime.date | None = None,
    interval_months: int | None = None,
) -> Article:
    """Record a clinician's review of ``article`` and set when the next one is due."""
    reviewed_on = reviewed_on or timezone.localdate()
    if interval_months is None:
        interval_months = EditorialSettings.load().review_interval_months
    article.reviewer = reviewer
    article.last_reviewed = reviewed_on
    article.next_review_due = add_months(reviewed_on, interval_months)
    article.save(update_fields=["reviewer", "last_reviewed", "next_review_due", "updated_at"])
    return article


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
