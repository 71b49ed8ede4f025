"""Everything that changes comments. The site's views, the admin and the management
commands all call these functions, so each action behaves and is logged the same way."""

import datetime
import logging
import re

from django.conf import settings as django_settings
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext, gettext_noop, ngettext

from clinic_site.tasks import queue_email, send_email
from education import services as education_services
from education.models import Reviewer

from . import akismet, moderation, tasks
from .models import Comment, CommenterLock, CommentSettings, Report, Subscription
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
    notify_replies=False,
    notify_decision=False,
):
    """Check a patient's comment against the moderation policy and store it.

    ``notify_replies`` and ``notify_decision`` are the patient's tick boxes: they
    get a confirmation e-mail, and notices only once they confirm.

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
    # Scored before the sender's lock is taken: it needs no other comment, and
    # SQLite allows one writer at a time.
    score = moderation.spam_score(
        name=name, email=email, website=website, body=body, settings=settings
    )
    try:
        with transaction.atomic():
            keys = [_lock_key("email", email)] + ([_lock_key("ip", ip_hash)] if ip_hash else [])
            _lock_senders(keys)
            # Checked with the sender's lock held, so it sees a twin request's commit.
            if earlier := Comment.objects.filter(submission_key=submission_key).first():
                raise AlreadyReceived(earlier)
            moderation.check_flood(ip_hash=ip_hash, email=email, settings=settings)
            decision = moderation.decide(
                name=name,
                email=email,
                website=website,
                body=body,
                settings=settings,
                ip_hash=ip_hash,
                score=score,
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
                spam_score=decision.spam_score,
                ip_hash=ip_hash,
                user_agent=user_agent[:500],
                submission_key=submission_key,
            )
            _subscribe(
                comment,
                replies=notify_replies,
                decision=notify_decision and comment.status == Comment.Status.PENDING,
                base_url=base_url,
            )
            if comment.status == Comment.Status.APPROVED:
                _announce_change([article.pk])
            elif comment.status == Comment.Status.PENDING and akismet.enabled(settings):
                # Akismet is asked from the task worker, never while the patient
                # waits; the moderators hear of the comment once it has answered.
                transaction.on_commit(
                    lambda: tasks.akismet_check.enqueue(
                        comment_id=comment.pk, ip=ip, base_url=base_url
                    )
                )
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
def _set_status(*, comments, moderator, status, message, verdict):
    """Change the comments' status and record what the decision teaches the spam
    filter; the filter learns it in a task once the change is committed."""
    comments = list(comments)
    now = timezone.now()
    for comment in comments:
        comment.status = status
        comment.moderated_at = now
        comment.moderated_by = moderator
        fields = ["status", "moderated_at", "moderated_by"]
        if not comment.is_staff_reply:
            comment.spam_verdict = verdict
            fields.append("spam_verdict")
        comment.save(update_fields=fields)
    _log(moderator, comments, CHANGE, message)
    _announce_change(comment.article_id for comment in comments)
    _learn_verdicts(comments)
    return len(comments)


def _learn_verdicts(comments):
    ids = [comment.pk for comment in comments if comment.spam_verdict != comment.learned_as]
    if ids:
        transaction.on_commit(lambda: tasks.spam_filter_learn.enqueue(comment_ids=ids))
    if akismet.enabled():
        reports = [comment.pk for comment in comments if comment.spam_verdict]
        if reports:
            transaction.on_commit(lambda: tasks.akismet_report.enqueue(comment_ids=reports))


# Approving and rejecting both teach "not spam": a rejected comment is a real
# person's comment that a moderator read and turned down, which is what the review
# list is for. Only "Mark as spam" teaches spam; "Not spam" undoes it.


@transaction.atomic
def comments_approve(*, comments, moderator, base_url=""):
    comments = list(comments)
    count = _set_status(
        comments=comments,
        moderator=moderator,
        status=Comment.Status.APPROVED,
        message="Approved",
        verdict=Comment.Verdict.HAM,
    )
    _resolve_reports(comments, moderator, Report.Outcome.DISMISSED)
    _notify_decided(comments, approved=True, base_url=base_url)
    return count


@transaction.atomic
def comments_reject(*, comments, moderator, base_url=""):
    comments = list(comments)
    count = _set_status(
        comments=comments,
        moderator=moderator,
        status=Comment.Status.REJECTED,
        message="Rejected",
        verdict=Comment.Verdict.HAM,
    )
    _resolve_reports(comments, moderator, Report.Outcome.UPHELD)
    _notify_decided(comments, approved=False, base_url=base_url)
    return count


@transaction.atomic
def comments_mark_spam(*, comments, moderator):
    comments = list(comments)
    count = _set_status(
        comments=comments,
        moderator=moderator,
        status=Comment.Status.SPAM,
        message="Marked as spam",
        verdict=Comment.Verdict.SPAM,
    )
    _resolve_reports(comments, moderator, Report.Outcome.UPHELD)
    return count


def comments_mark_not_spam(*, comments, moderator):
    """Recover comments from spam: they go back to the review list, and the spam
    filter learns that they are not spam."""
    return _set_status(
        comments=comments,
        moderator=moderator,
        status=Comment.Status.PENDING,
        message="Marked as not spam, back to review",
        verdict=Comment.Verdict.HAM,
    )


def comment_approve(*, comment, moderator):
    comments_approve(comments=[comment], moderator=moderator)
    return comment


@transaction.atomic
def comments_delete(*, comments, moderator, keep_replies=False):
    """Delete comments; with ``keep_replies`` their replies stay, as comments of their own."""
    comments = list(comments)
    _log(moderator, comments, DELETION, "Deleted")
    article_ids = {comment.article_id for comment in comments}
    if keep_replies:
        deleted = [comment.pk for comment in comments]
        kept = list(Comment.objects.filter(parent__in=deleted).exclude(pk__in=deleted))
        for reply in kept:
            reply.parent = None
            reply.save(update_fields=["parent"])
        _log(
            moderator,
            kept,
            CHANGE,
            "Kept as a comment of its own: the comment it answered was deleted",
        )
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


CLINIC_TEAM = "Clinic team"


class Signature:
    """How a staff member signs a reply on the page."""

    TEAM = "team"
    NAME = "name"


def staff_signature(moderator, signature):
    """The name and credentials a reply is signed with. A login name is never shown
    to patients: without a full name, the reply is signed by the clinic team."""
    full_name = moderator.get_full_name()
    if signature != Signature.NAME or not full_name:
        return CLINIC_TEAM, ""
    profile = Reviewer.objects.filter(user=moderator).first()
    if profile is not None:
        return profile.name, profile.credentials
    return full_name, ""


def signature_choices(user):
    """What a staff member may sign a reply with: the team, or their name (and credentials)."""
    choices = [(Signature.TEAM, CLINIC_TEAM)]
    name, credentials = staff_signature(user, Signature.NAME)
    if name != CLINIC_TEAM:
        choices.append((Signature.NAME, f"{name}, {credentials}" if credentials else name))
    return choices


@transaction.atomic
def comment_reply(*, parent, moderator, body, signature=Signature.NAME, base_url=""):
    """Post a reply from the clinic team. It is public at once and marked as staff,
    and whoever asked to hear about replies in the thread is told (after commit).

    Replies are one level deep, so answering a reply answers its parent comment; a
    comment still waiting for review is approved with the reply.
    """
    parent = parent.parent or parent
    if parent.status != Comment.Status.APPROVED:
        comments_approve(comments=[parent], moderator=moderator, base_url=base_url)
    now = timezone.now()
    name, credentials = staff_signature(moderator, signature)
    reply = Comment.objects.create(
        article_id=parent.article_id,
        parent=parent,
        name=name,
        credentials=credentials,
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
    transaction.on_commit(lambda: notify_clinic_reply(reply.pk, base_url=base_url))
    return reply


# --- Hearing back: subscriptions and notices ------------------------------------------
#
# Double opt-in: a tick box makes an unconfirmed subscription and a confirmation
# e-mail; only confirmed subscriptions get notices. Every notice carries a signed
# one-click unsubscribe link and the List-Unsubscribe headers of RFC 8058. No
# e-mail holds text that is not public or anybody else's address.

CONFIRM_SALT = "comments.subscription-confirm"
UNSUBSCRIBE_SALT = "comments.unsubscribe"
CONFIRM_DAYS = 7


class LinkInvalid(Exception):
    """A confirmation or unsubscribe link that was changed, has expired, or whose
    subscription is gone."""


def _site_base(base_url):
    return (base_url or django_settings.COMMENTS_SITE_URL).rstrip("/")


def _absolute(base_url, path):
    return _site_base(base_url) + path


def confirm_token(comment):
    return signing.dumps({"c": comment.pk}, salt=CONFIRM_SALT, compress=False)


def unsubscribe_token(subscription):
    return signing.dumps({"s": subscription.pk}, salt=UNSUBSCRIBE_SALT, compress=False)


def _subscribe(comment, *, replies, decision, base_url):
    kinds = [Subscription.Kind.REPLIES] * bool(replies) + [Subscription.Kind.DECISION] * bool(
        decision
    )
    if not kinds or not comment.email or comment.status == Comment.Status.SPAM:
        return
    language = _patient_language()
    for kind in kinds:
        Subscription.objects.create(
            comment=comment, email=comment.email, kind=kind, language=language
        )
    confirm_url = _absolute(
        base_url, reverse("comments:subscription-confirm", args=[confirm_token(comment)])
    )
    with translation.override(language):
        context = {
            "article": comment.article,
            "kinds": [str(Subscription.Kind(kind).label) for kind in kinds],
            "confirm_url": confirm_url,
            "days": CONFIRM_DAYS,
        }
        queue_email(
            subject=gettext("Please confirm: e-mails about your comment on %(title)s")
            % {"title": comment.article.title},
            body=render_to_string("comments/email/subscription_confirm.txt", context),
            recipients=[comment.email],
        )


def _patient_language():
    """The site language the patient is using now (one of settings.LANGUAGES)."""
    codes = {code for code, _name in django_settings.LANGUAGES}
    language = translation.get_language() or ""
    return language if language in codes else django_settings.LANGUAGE_CODE


def subscription_for_confirmation(token):
    """The comment whose subscriptions a confirmation link is for (LinkInvalid if none)."""
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 86400)
        comment_id = int(payload["c"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkInvalid from None
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None or not comment.subscriptions.exists():
        raise LinkInvalid
    return comment


@transaction.atomic
def subscriptions_confirm(*, token):
    """Confirm the subscriptions a confirmation e-mail asked about. Returns the comment."""
    comment = subscription_for_confirmation(token)
    comment.subscriptions.filter(confirmed_at__isnull=True).update(confirmed_at=timezone.now())
    return comment


def subscription_for_unsubscribe(token):
    try:
        subscription_id = int(signing.loads(token, salt=UNSUBSCRIBE_SALT)["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkInvalid from None
    return Subscription.objects.filter(pk=subscription_id).first()


@transaction.atomic
def subscriptions_unsubscribe(*, token):
    """Stop every notice to the address the link was sent to. Returns how many
    subscriptions ended (0 when they had ended already)."""
    subscription = subscription_for_unsubscribe(token)
    if subscription is None:
        return 0
    return Subscription.objects.filter(email=subscription.email).delete()[0]


def _send_notice(subscription, *, subject, template, base_url, links=None, **context):
    """Queue a notice in the subscriber's language; ``subject`` is a msgid with %(title)s.

    ``links`` maps context names to callables that give a path; each is resolved in
    the subscriber's language too, so every address in the e-mail (and the
    List-Unsubscribe header) opens the page in the language they used.
    """
    with translation.override(subscription.language):
        unsubscribe_url = _absolute(
            base_url, reverse("comments:unsubscribe", args=[unsubscribe_token(subscription)])
        )
        context = {
            "unsubscribe_url": unsubscribe_url,
            **context,
            **{name: _absolute(base_url, path()) for name, path in (links or {}).items()},
        }
        queue_email(
            subject=gettext(subject) % {"title": context["article"].title},
            body=render_to_string(template, context),
            recipients=[subscription.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def notify_clinic_reply(reply_id, *, base_url=""):
    """Tell the thread's confirmed subscribers that the clinic replied.

    Called after the reply is committed. Never raises: the reply is on the page
    whatever happens here.
    """
    try:
        reply = Comment.objects.select_related("article", "parent").get(pk=reply_id)
        thread = reply.parent
        subscriptions = (
            Subscription.objects.filter(
                kind=Subscription.Kind.REPLIES,
                confirmed_at__isnull=False,
                comment__status=Comment.Status.APPROVED,
            )
            .filter(Q(comment=thread) | Q(comment__parent=thread))
            .select_related("comment")
        )
        for subscription in subscriptions:
            _send_notice(
                subscription,
                subject=gettext_noop("The clinic replied to your comment on %(title)s"),
                template="comments/email/clinic_replied.txt",
                base_url=base_url,
                article=reply.article,
                links={"reply_url": reply.get_absolute_url},
            )
    except Exception:
        logger.exception("Could not queue the reply notices for comment %s", reply_id)


def _notify_decided(comments, *, approved, base_url):
    """Tell commenters who asked that a moderator approved their comment or not.

    One notice per comment; the subscription ends with it."""
    subscriptions = Subscription.objects.filter(
        kind=Subscription.Kind.DECISION,
        confirmed_at__isnull=False,
        comment__in=[comment.pk for comment in comments],
    ).select_related("comment__article")
    for subscription in subscriptions:
        comment = subscription.comment
        _send_notice(
            subscription,
            subject=(
                gettext_noop("Your comment on %(title)s is on the page")
                if approved
                else gettext_noop("Your comment on %(title)s was not published")
            ),
            template="comments/email/comment_decided.txt",
            base_url=base_url,
            approved=approved,
            article=comment.article,
            links={
                "article_url": comment.article.get_absolute_url,
                "comment_url": comment.get_absolute_url,
            },
        )
    subscriptions.delete()


# --- Reports from visitors -------------------------------------------------------------

REPORT_SALT = "comments.report-token"
REPORT_FORM_HOURS = 2
REPORTS_PER_HOUR = 10
HIDDEN_BY_REPORTS = "Reported by {count} visitors: {reasons}. Hidden until a moderator decides."


def make_report_token(comment_id):
    return signing.dumps({"r": comment_id}, salt=REPORT_SALT, compress=False)


def read_report_token(token, comment_id):
    try:
        payload = signing.loads(token or "", salt=REPORT_SALT, max_age=REPORT_FORM_HOURS * 3600)
        return int(payload["r"]) == comment_id
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return False


def _report_reasons(comment):
    counts = (
        comment.reports.filter(outcome=Report.Outcome.OPEN)
        .values("reason")
        .annotate(n=Count("pk"))
        .order_by("-n", "reason")
    )
    # Staff read this in the admin, which is in English whatever the reporter's language.
    with translation.override(django_settings.LANGUAGE_CODE):
        return ", ".join(
            f"{Report.Reason(row['reason']).label.lower()} ({row['n']})" for row in counts
        )


def comment_report(*, comment, reason, note="", token="", ip="", base_url=""):
    """A visitor reports a public comment. Returns the report.

    Raises ``moderation.Refused`` when the form's token is wrong or expired, or
    this network address reported too much in the last hour. A second report of
    the same comment from one address counts once. When ``report_threshold``
    addresses reported it, the comment leaves the page and waits for a moderator,
    who is told as for any comment held for review.
    """
    if not read_report_token(token, comment.pk):
        raise moderation.Refused(
            "forged", gettext("This form has expired. Please choose a reason and send it again.")
        )
    if reason not in Report.Reason.values:
        raise moderation.Refused(
            "reason", gettext("Please choose why you are reporting this comment.")
        )
    settings = CommentSettings.load()
    ip_hash = hash_ip(ip)
    with transaction.atomic():
        if ip_hash:
            _lock_senders([_lock_key("report", ip_hash)])
            hour_ago = timezone.now() - datetime.timedelta(hours=1)
            if (
                Report.objects.filter(ip_hash=ip_hash, created_at__gt=hour_ago).count()
                >= REPORTS_PER_HOUR
            ):
                raise moderation.Refused(
                    "too_many",
                    gettext(
                        "Many reports came from your network in the last hour. Please try "
                        "again later, or contact the clinic."
                    ),
                    status=429,
                )
            earlier = comment.reports.filter(ip_hash=ip_hash, outcome=Report.Outcome.OPEN).first()
            if earlier is not None:
                return earlier
        report = Report.objects.create(
            comment=comment, reason=reason, note=note.strip()[:500], ip_hash=ip_hash
        )
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        reporters = (
            comment.reports.filter(outcome=Report.Outcome.OPEN)
            .exclude(ip_hash="")
            .values("ip_hash")
            .distinct()
            .count()
        )
        if comment.status == Comment.Status.APPROVED and reporters >= settings.report_threshold:
            comment.status = Comment.Status.PENDING
            comment.reasons = [
                *comment.reasons,
                HIDDEN_BY_REPORTS.format(count=reporters, reasons=_report_reasons(comment)),
            ]
            comment.save(update_fields=["status", "reasons"])
            logger.info("Comment %s hidden after %s reports", comment.pk, reporters)
            _announce_change([comment.article_id])
            if settings.notify == CommentSettings.Notify.EACH:
                hidden_id = comment.pk
                transaction.on_commit(lambda: notify_comment_held(hidden_id, base_url=base_url))
    return report


def _resolve_reports(comments, moderator, outcome):
    """A moderator's decision closes the comments' open reports, logged."""
    comments = [comment for comment in comments if comment.pk]
    open_reports = Report.objects.filter(
        comment__in=[comment.pk for comment in comments], outcome=Report.Outcome.OPEN
    )
    counts = dict(open_reports.values_list("comment").annotate(n=Count("pk")))
    if not counts:
        return 0
    open_reports.update(outcome=outcome, resolved_at=timezone.now(), resolved_by=moderator)
    verb = "Dismissed" if outcome == Report.Outcome.DISMISSED else "Upheld"
    for comment in comments:
        if comment.pk in counts:
            n = counts[comment.pk]
            _log(moderator, [comment], CHANGE, f"{verb} {n} report{'s' if n != 1 else ''}")
    return sum(counts.values())


@transaction.atomic
def comments_dismiss_reports(*, comments, moderator):
    """The reports were wrong: the comments stay on (or go back on) the page.

    Dismissed reports are kept, logged, and no longer count towards hiding."""
    comments = list(comments)
    reported = [c for c in comments if c.reports.filter(outcome=Report.Outcome.OPEN).exists()]
    hidden = [
        c
        for c in reported
        if c.status == Comment.Status.PENDING
        and any(reason.startswith("Reported by ") for reason in c.reasons)
    ]
    if hidden:
        _set_status(
            comments=hidden,
            moderator=moderator,
            status=Comment.Status.APPROVED,
            message="Back on the page: the reports were dismissed",
            # Putting it back on the page is an approval: it teaches "not spam".
            verdict=Comment.Verdict.HAM,
        )
    _resolve_reports(reported, moderator, Report.Outcome.DISMISSED)
    return len(reported)


# --- Answers that become FAQ entries -----------------------------------------------------


class NotAQuestion(Exception):
    """The comment cannot become an FAQ entry; the message says why, for staff."""


def _without_personal_details(text, comment):
    """The patient's words without their e-mail address or any part of their name."""
    name = comment.name.strip()
    values = [comment.email.strip(), name, *(part for part in name.split() if len(part) >= 3)]
    for value in values:
        if value:
            pattern = rf"(?<!\w){re.escape(value)}(?!\w)"
            text = re.sub(pattern, "[name removed]", text, flags=re.IGNORECASE)
    return text


@transaction.atomic
def comment_faq_draft(*, comment, moderator):
    """Turn a patient's question and the clinic's answer into a draft FAQ entry.

    The draft goes through clinical sign-off like any FAQ; until a clinician
    approves it nothing changes for patients. Returns the FAQ entry.
    """
    question = comment.parent or comment
    if question.is_staff_reply:
        raise NotAQuestion("Choose the patient's question, not a reply from the clinic.")
    answers = list(question.replies.filter(is_staff_reply=True, status=Comment.Status.APPROVED))
    if not answers:
        raise NotAQuestion(
            f"Comment #{question.pk} has no reply from the clinic yet: reply first, then "
            "make the FAQ entry."
        )
    if question.faq_id:
        raise NotAQuestion(f"Comment #{question.pk} already has an FAQ entry: {question.faq}.")
    faq = education_services.faq_draft_create(
        question=_without_personal_details(question.body, question),
        answer="\n\n".join(answer.body for answer in answers),
        user=moderator,
        article=question.article,
    )
    question.faq = faq
    question.save(update_fields=["faq"])
    _log(moderator, [question], CHANGE, f"Made into a draft FAQ entry (#{faq.pk})")
    return faq


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
        "email_notices": [
            {
                "comment_id": subscription.comment_id,
                "notice": subscription.get_kind_display(),
                "asked": subscription.created_at.isoformat(),
                "confirmed": (
                    subscription.confirmed_at.isoformat() if subscription.confirmed_at else None
                ),
            }
            for subscription in Subscription.objects.filter(email=email.strip().lower()).order_by(
                "created_at", "pk"
            )
        ],
    }


@transaction.atomic
def comments_erase(*, email, moderator=None):
    """Delete every comment sent with one e-mail address (a withdrawal of consent).

    The admin log keeps that an erasure happened, but the names in earlier log
    entries for those comments are removed too.
    """
    email = email.strip().lower()
    if email:
        # Notices the address asked for, on anyone's comment, end with it.
        Subscription.objects.filter(email=email).delete()
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

    Network details (the scrambled address and the browser, on comments and on
    reports) go after ``keep_network_data_days``; rejected comments and spam after
    ``keep_rejected_days``; subscriptions nobody confirmed once their link expired.
    """
    settings = CommentSettings.load()
    now = now or timezone.now()
    network_cutoff = now - datetime.timedelta(days=settings.keep_network_data_days)
    cleared = (
        Comment.objects.filter(created_at__lt=network_cutoff)
        .exclude(ip_hash="", user_agent="")
        .update(ip_hash="", user_agent="")
    )
    cleared += (
        Report.objects.filter(created_at__lt=network_cutoff).exclude(ip_hash="").update(ip_hash="")
    )
    unconfirmed = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - datetime.timedelta(days=CONFIRM_DAYS)
    ).delete()[0]
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
    return {
        "network_details_cleared": cleared,
        "comments_deleted": deleted,
        "locks": locks_deleted,
        "unconfirmed_subscriptions": unconfirmed,
    }
