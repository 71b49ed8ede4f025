"""Work the comments app leaves to the task worker (see clinic_site/tasks.py)."""

import logging

from django.conf import settings
from django.db import transaction
from django_tasks import task

from . import akismet, spam_filter

logger = logging.getLogger(__name__)


@task()
def spam_filter_learn(*, comment_ids: list[int]) -> int:
    """Teach the spam filter the moderators' latest decisions on these comments."""
    return spam_filter.learn(comment_ids)


@task()
def akismet_check(*, comment_id: int, ip: str = "", base_url: str = "") -> str:
    """Ask Akismet about a comment held for review, then tell the moderators about it
    unless it turned out to be spam. Whatever Akismet does, the comment stays safe."""
    from . import services
    from .models import Comment, CommentSettings

    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None or comment.status != Comment.Status.PENDING:
        return "gone"
    site_url = settings.COMMENTS_SITE_URL or base_url
    verdict = akismet.is_spam(comment, ip=ip, site_url=site_url)
    if verdict:
        with transaction.atomic():
            updated = Comment.objects.filter(
                pk=comment.pk, status=Comment.Status.PENDING, moderated_at__isnull=True
            ).update(
                status=Comment.Status.SPAM,
                decision=Comment.Decision.SPAM,
                reasons=[akismet.AKISMET_SPAM],
            )
        if updated:
            return "spam"
    if CommentSettings.load().notify == CommentSettings.Notify.EACH:
        services.notify_comment_held(comment.pk, base_url=base_url)
    return "not checked" if verdict is None else "not spam"


@task()
def akismet_report(*, comment_ids: list[int]) -> int:
    """Send moderators' spam and not-spam decisions back to Akismet."""
    from .models import Comment

    told = 0
    for comment in Comment.objects.filter(pk__in=comment_ids).exclude(spam_verdict=""):
        told += akismet.report(comment, site_url=settings.COMMENTS_SITE_URL)
    return told
