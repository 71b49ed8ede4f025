"""Everything that changes comments. The site's views, the admin and the management
commands all call these functions, so each action behaves and is logged the same way."""

import datetime
import logging

from django.conf import settings as django_settings
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext, ngettext

from clinic_site.tasks import queue_email, send_email
from education.models import ClinicProfile

from . import moderation
from .models import Comment, CommenterLock, CommentSettings
from .roles import COMMENT_MODERATOR
from .signals import comments_changed

logger = logging.getLogger(__name__)


class AlreadyReceived(Exception):
    """The same form was sent twice (a double click or a replay); it is stored once."""

    def __init__(self, comment):
        super().__init__(comment)
        self.comment = comment


# --- Privacy helpers -----------------------------------------------------------------


def _salt_secret():
    # COMMENTS_IP_SALT comes from the environment in production. Without it the salt
    # is derived from SECRET_KEY (see the README), so hashes change if that key does.
    return django_settings.COMMENTS_IP_SALT or None


def hash_ip(ip):
    """A salted one-way hash of a network address: enough to spot floods, not to trace."""
    if not ip:
        return ""
    return salted_hmac("comments.ip", ip, secret=_salt_secret(), algorithm="sha256").hexdigest()


def _lock_key(kind, value):
    digest = salted_hmac("comments.lock", value, secret=_salt_secret(), algorithm="sha256")
    return f"{kind}:{digest.hexdigest()[:64]}"


def _lock_senders(keys):
    """Lock one row per sender key, in a fixed order, until the transaction ends.

    On PostgreSQL this is a row lock (SELECT ... FOR UPDATE); on SQLite the whole
    write transaction is already exclusive. Either way two processes handling the
    same sender run the flood checks one after the other.
    """
    now = timezone.now()
    for key in sorted(keys):
        CommenterLock.objects.get_or_create(key=key)
        CommenterLock.objects.select_for_update().filter(key=key).update(last_used_at=now)


# --- Side effects after commit --------------------------------------------------------


def _announce_change(article_ids):
    article_ids = set(article_ids)
    if article_ids:
        transaction.on_commit(
            lambda: comments_changed.send(sender=Comment, article_ids=article_ids)
        )


def moderator_emails(settings=None):
    settings = settings or CommentSettings.load()
    if settings.notify_email_list:
        return settings.notify_email_list
    users = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(groups__name=COMMENT_MODERATOR))
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted(set(users))


def _admin_url(base_url, name, *args):
    return base_url.rstrip("/") + reverse(name, args=args)


def notify_comment_held(comment_id, *, base_url=""):
    """Queue an e-mail to moderators about one held comment; the task worker sends it.

    Never raises: the comment is safe in the database whatever happens here, and a
    failure is logged (a failed send is retried by the worker, see clinic_site/tasks.py).
    """
    try:
        comment = Comment.objects.select_related("article").get(pk=comment_id)
        recipients = moderator_emails()
        if not recipients:
            return
        context = {
            "comment": comment,
            "review_url": _admin_url(base_url, "admin:comments_comment_change", comment.pk),
            "queue_url": _admin_url(base_url, "admin:comments_comment_changelist"),
        }
        # Called once the comment is committed, so the task can go straight on the queue.
        send_email.enqueue(
            subject=gettext("A comment waits for review: %(title)s")
            % {"title": comment.article.title},
            body=render_to_string("comments/email/comment_held.txt", context),
            recipients=recipients,
        )
    except Exception:
        logger.exception("Could not queue the notice for held comment %s", comment_id)


def moderation_digest_send(*, base_url="", force=False):
    """Send one summary of every comment waiting for review. Returns how many it listed.

    Runs only when staff chose the daily summary, unless ``force`` is set.
    """
    settings = CommentSettings.load()
    if settings.notify != CommentSettings.Notify.DIGEST and not force:
        return 0
    waiting = list(Comment.objects.pending().select_related("article").order_by("created_at"))
    recipients = moderator_emails(settings)
    if not waiting or not recipients:
        return 0
    base_url = base_url or django_settings.COMMENTS_SITE_URL
    context = {
        "comments": waiting,
        "queue_url": _admin_url(base_url, "admin:comments_comment_changelist") + "?status=pending",
        "now": timezone.now(),
    }
    queue_email(
        subject=ngettext(
            "%(count)d comment waiting for review",
            "%(count)d comments waiting for review",
            len(waiting),
        )
        % {"count": len(waiting)},
        body=render_to_string("comments/email/digest.txt", context),
        recipients=recipients,
    )
    return len(waiting)


# --- Patients' comments -------------------------------------------------------------


def _submission_key(form_token, email, body):
    """The same form sent twice with the same comment (a double click or a replay)
    gives the same key. The page cache may serve one form to many visitors, so the
    key includes what the visitor wrote as well as the form's one-off key."""
    text = "\n".join([form_token.key, email, " ".join(body.split())])
    return salted_hmac("comments.submission", text, algorithm="sha256").hexdigest()


def comment_submit(
    *,
    article,
    name,
    email,
    website,
    body,
    token,
    honeypot="",
    parent=None,
    ip="",
    user_agent="",
    base_url="",
):
    """Check a patient's comment against the moderation policy and store it.

    Raises ``moderation.Refused`` (nothing stored) or ``AlreadyReceived`` (this form
    was stored before). Returns the stored comment, which is public only if the
    policy approved it.
    """
    settings = CommentSettings.load()
    moderation.check_honeypot(honeypot)
    form_token = moderation.read_form_token(token, article.pk)
    moderation.check_timing(form_token.issued_at, settings=settings)
    email = email.strip().lower()
    ip_hash = hash_ip(ip)
    submission_key = _submission_key(form_token, email, body)
    try:
        with transaction.atomic():
            keys = [_lock_key("email", email)] + ([_lock_key("ip", ip_hash)] if ip_hash else [])
            _lock_senders(keys)
            # Checked with the sender's lock held, so it sees a twin request's commit.
            if earlier := Comment.objects.filter(submission_key=submission_key).first():
                raise AlreadyReceived(earlier)
            moderation.check_flood(ip_hash=ip_hash, email=email, settings=settings)
            decision = moderation.decide(
                name=name, email=email, website=website, body=body, settings=settings
            )
            comment = Comment.objects.create(
                article=article,
                parent=parent,
                name=name,
                email=email,
                website=website,
                body=body,
                status=decision.status,
                decision=decision.decision,
                reasons=decision.reasons,
                ip_hash=ip_hash,
                user_agent=user_agent[:500],
                submission_key=submission_key,
            )
            if comment.status == Comment.Status.APPROVED:
                _announce_change([article.pk])
            elif (
                comment.status == Comment.Status.PENDING
                and settings.notify == CommentSettings.Notify.EACH
            ):
                transaction.on_commit(lambda: notify_comment_held(comment.pk, base_url=base_url))
    except IntegrityError:
        if earlier := Comment.objects.filter(submission_key=submission_key).first():
            raise AlreadyReceived(earlier) from None
        raise
    return comment


def pending_count():
    """How many comments wait for a moderator (the figure on the admin index)."""
    return Comment.objects.pending().count()


# --- Moderation -------------------------------------------------------------------------


def _log(moderator, comments, flag, message):
    if moderator is None or not comments:
        return
    LogEntry.objects.log_actions(
        user_id=moderator.pk,
        queryset=comments,
        action_flag=flag,
        change_message=message,
        single_object=len(comments) == 1,
    )


@transaction.atomic
def _set_status(*, comments, moderator, status, message):
    comments = list(comments)
    now = timezone.now()
    for comment in comments:
        comment.status = status
        comment.moderated_at = now
        comment.moderated_by = moderator
        comment.save(update_fields=["status", "moderated_at", "moderated_by"])
    _log(moderator, comments, CHANGE, message)
    _announce_change(comment.article_id for comment in comments)
    return len(comments)


def comments_approve(*, comments, moderator):
    return _set_status(
        comments=comments, moderator=moderator, status=Comment.Status.APPROVED, message="Approved"
    )


def comments_reject(*, comments, moderator):
    return _set_status(
        comments=comments, moderator=moderator, status=Comment.Status.REJECTED, message="Rejected"
    )


def comments_mark_spam(*, comments, moderator):
    return _set_status(
        comments=comments,
        moderator=moderator,
        status=Comment.Status.SPAM,
        message="Marked as spam",
    )


def comments_mark_not_spam(*, comments, moderator):
    """Recover comments from spam: they go back to the review list."""
    return _set_status(
        comments=comments,
        moderator=moderator,
        status=Comment.Status.PENDING,
        message="Marked as not spam, back to review",
    )


def comment_approve(*, comment, moderator):
    comments_approve(comments=[comment], moderator=moderator)
    return comment


@transaction.atomic
def comments_delete(*, comments, moderator):
    comments = list(comments)
    _log(moderator, comments, DELETION, "Deleted")
    article_ids = {comment.article_id for comment in comments}
    for comment in comments:
        comment.delete()
    _announce_change(article_ids)
    return len(comments)


@transaction.atomic
def comment_edit(*, comment, moderator, **changes):
    """Change a comment's name, website or text, for example to redact health details.

    The log records which fields a moderator changed and when, never the old text.
    """
    allowed = {"name", "website", "body"}
    changed = [
        field
        for field, value in changes.items()
        if field in allowed and getattr(comment, field) != value
    ]
    if not changed:
        return comment
    for field in changed:
        setattr(comment, field, changes[field])
    comment.edited_at = timezone.now()
    comment.edited_by = moderator
    comment.save(update_fields=[*changed, "edited_at", "edited_by"])
    labels = ", ".join(str(Comment._meta.get_field(field).verbose_name) for field in changed)
    _log(moderator, [comment], CHANGE, f"Edited by a moderator (redacted): {labels}")
    _announce_change([comment.article_id])
    return comment


@transaction.atomic
def comment_reply(*, parent, moderator, body):
    """Post a reply from the clinic team. It is public at once and marked as staff.

    Replies are one level deep, so answering a reply answers its parent comment; a
    comment still waiting for review is approved with the reply.
    """
    parent = parent.parent or parent
    if parent.status != Comment.Status.APPROVED:
        comments_approve(comments=[parent], moderator=moderator)
    now = timezone.now()
    reply = Comment.objects.create(
        article_id=parent.article_id,
        parent=parent,
        # A login name is never shown to patients: without a full name, the clinic's.
        name=moderator.get_full_name() or ClinicProfile.current().name,
        body=body,
        status=Comment.Status.APPROVED,
        decision=Comment.Decision.STAFF,
        is_staff_reply=True,
        user=moderator,
        moderated_at=now,
        moderated_by=moderator,
        created_at=now,
    )
    _log(moderator, [reply], ADDITION, f"Replied as the clinic to comment #{parent.pk}")
    _announce_change([parent.article_id])
    return reply


# --- Privacy requests and retention ----------------------------------------------------


def comments_export(*, email):
    """Everything stored about the comments sent with one e-mail address, for an
    access request."""
    comments = Comment.objects.by_email(email).select_related("article").order_by("created_at")
    return {
        "email": email.strip().lower(),
        "exported_at": timezone.now().isoformat(),
        "comments": [
            {
                "id": comment.pk,
                "article": comment.article.title,
                "article_url": comment.article.get_absolute_url(),
                "name": comment.name,
                "email": comment.email,
                "website": comment.website,
                "comment": comment.body,
                "status": comment.get_status_display(),
                "received": comment.created_at.isoformat(),
                "edited_by_moderator": comment.edited_at.isoformat() if comment.edited_at else None,
                "network_address_hash": comment.ip_hash,
                "browser": comment.user_agent,
            }
            for comment in comments
        ],
    }


@transaction.atomic
def comments_erase(*, email, moderator=None):
    """Delete every comment sent with one e-mail address (a withdrawal of consent).

    The admin log keeps that an erasure happened, but the names in earlier log
    entries for those comments are removed too.
    """
    email = email.strip().lower()
    comments = list(Comment.objects.by_email(email))
    if not comments:
        return 0
    content_type = ContentType.objects.get_for_model(Comment)
    ids = [str(comment.pk) for comment in comments]
    LogEntry.objects.filter(content_type=content_type, object_id__in=ids).update(
        object_repr="Comment (erased on request)", change_message=""
    )
    article_ids = {comment.article_id for comment in comments}
    for comment in comments:
        comment.delete()
    if moderator is not None:
        LogEntry.objects.create(
            user=moderator,
            content_type=content_type,
            object_id="",
            object_repr=f"{len(comments)} comments (erased on request)",
            action_flag=DELETION,
            change_message=f"Erased {len(comments)} comments at the commenter's request",
        )
    logger.info("Erased %s comments at the commenter's request", len(comments))
    _announce_change(article_ids)
    return len(comments)


@transaction.atomic
def comment_data_purge(*, now=None):
    """Remove what the privacy policy says is kept only for a while.

    Network details (the scrambled address and the browser) go after
    ``keep_network_data_days``; rejected comments and spam after ``keep_rejected_days``.
    """
    settings = CommentSettings.load()
    now = now or timezone.now()
    network_cutoff = now - datetime.timedelta(days=settings.keep_network_data_days)
    cleared = (
        Comment.objects.filter(created_at__lt=network_cutoff)
        .exclude(ip_hash="", user_agent="")
        .update(ip_hash="", user_agent="")
    )
    locks = CommenterLock.objects.filter(last_used_at__lt=now - datetime.timedelta(days=1))
    locks_deleted = locks.delete()[0]
    rejected_cutoff = now - datetime.timedelta(days=settings.keep_rejected_days)
    old = Comment.objects.filter(status__in=[Comment.Status.REJECTED, Comment.Status.SPAM]).filter(
        Q(moderated_at__lt=rejected_cutoff)
        | Q(moderated_at__isnull=True, created_at__lt=rejected_cutoff)
    )
    deleted = 0
    for comment in old:
        comment.delete()
        deleted += 1
    return {"network_details_cleared": cleared, "comments_deleted": deleted, "locks": locks_deleted}
