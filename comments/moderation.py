"""The moderation policy: what happens to a new comment, and why.

Every new comment goes through these steps, in this order:

1. **Refused outright** (nothing is stored, the form shows a clear message):
   the hidden honeypot field was filled in; the form's signature or timestamp was
   forged; the form came back sooner than ``min_seconds_to_submit`` after it was
   shown, or later than ``max_form_age_minutes``; the same network address or e-mail
   address commented less than ``repeat_interval_seconds`` ago; or the network
   address already sent ``max_per_hour`` comments in the last hour. Flood control
   reads the comments table, so it holds across server processes.
2. **Marked as spam** (stored, kept out of the review list, recoverable): a word
   from the block list; the exact text of an earlier comment from the same sender
   (network address or e-mail) within ``DUPLICATE_WINDOW``, so two patients who both
   write "Thank you!" are both reviewed; or a spam filter score of
   ``spam_threshold`` or more (the filter learns from moderators, see
   ``comments/spam_filter.py``).
3. **Held for review**, the default for everyone, with the reasons that apply:
   first-time commenter, ``max_links`` links or more, a word from the moderation
   list, or text that looks like health details (phone numbers, dates of birth,
   health card numbers).
4. **Approved automatically** only when staff turn on ``auto_approve_returning``,
   the commenter has an earlier approved comment, and no hold reason applies.

The word lists and numbers live in ``CommentSettings``, which staff edit in the admin.
"""

import datetime
import re
import secrets
from dataclasses import dataclass, field

from django.core import signing
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import spam_filter
from .models import Comment, CommentSettings

FORM_SALT = "comments.form-token"

# Reasons, worded for the moderator who reads them in the review list.
FIRST_TIME = "First comment from this e-mail address"
MANY_LINKS = "Contains {count} links"
MODERATION_WORD = 'Contains "{word}" from the review list'
PHONE_NUMBER = "Looks like it contains a phone number"
BIRTH_DATE = "Looks like it contains a date of birth"
HEALTH_CARD = "Looks like it contains a health card number"
ALWAYS_REVIEWED = "Every comment is reviewed (automatic approval is off)"
BLOCKED_WORD = 'Contains "{word}" from the block list'
DUPLICATE = "Same text as an earlier comment from the same sender"
LOOKS_LIKE_SPAM = "Looks like spam (score {score})"
MIGHT_BE_SPAM = "Might be spam (score {score})"
# A sender repeating their own text this soon is a robot or a double post; the first
# copy is still in the review list.
DUPLICATE_WINDOW = datetime.timedelta(days=7)
# Held comments scoring this much or more say so, to help the moderator.
MIGHT_BE_SPAM_SCORE = 50
RETURNING = "Returning commenter with an approved comment, nothing to review"


class Refused(Exception):
    """A submission the policy turns away; nothing of it is stored."""

    def __init__(self, code, message, status=400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


@dataclass
class Decision:
    status: str
    decision: str
    reasons: list[str] = field(default_factory=list)
    spam_score: int | None = None


@dataclass
class FormToken:
    article_id: int
    issued_at: datetime.datetime
    key: str


# --- Step 1: refusals -----------------------------------------------------------


def make_form_token(article_id, *, now=None):
    """A signed token for one rendering of the form: article, time shown, a one-off key."""
    now = now or timezone.now()
    payload = {"a": article_id, "t": int(now.timestamp()), "k": secrets.token_hex(16)}
    return signing.dumps(payload, salt=FORM_SALT, compress=False)


def read_form_token(token, article_id):
    """The token's content, or Refused when it was forged or belongs to another page."""
    try:
        payload = signing.loads(token or "", salt=FORM_SALT)
        issued_at = datetime.datetime.fromtimestamp(int(payload["t"]), tz=datetime.UTC)
        key = str(payload["k"])
        token_article = int(payload["a"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, OverflowError, OSError):
        raise Refused(
            "forged",
            _(
                "This form could not be checked. Please reload the page and send your "
                "comment again."
            ),
        ) from None
    if token_article != article_id or not re.fullmatch(r"[0-9a-f]{32}", key):
        raise Refused(
            "forged",
            _(
                "This form belongs to another page. Please reload the page and send your "
                "comment again."
            ),
        )
    return FormToken(article_id=token_article, issued_at=issued_at, key=key)


def check_honeypot(value):
    if value:
        raise Refused(
            "honeypot", _("Your comment could not be sent. Please leave the last field empty.")
        )


def check_timing(issued_at, *, settings, now=None):
    now = now or timezone.now()
    elapsed = (now - issued_at).total_seconds()
    if elapsed < settings.min_seconds_to_submit:
        raise Refused(
            "too_fast",
            _("That was very quick. Please check your comment, wait a moment and send it again."),
            status=200,
        )
    if elapsed > settings.max_form_age_minutes * 60:
        raise Refused(
            "expired",
            _(
                "This form was open for a long time and has expired. Your text is still here: "
                "please send it again."
            ),
            status=200,
        )


def check_flood(*, ip_hash, email, settings, now=None):
    """Refuse a second comment too soon, or too many in an hour, from one sender.

    Reads committed comments, so it works across server processes; the caller holds
    the sender's lock rows while it runs (see services.comment_submit).
    """
    now = now or timezone.now()
    recent = Q(email=email)
    if ip_hash:
        recent |= Q(ip_hash=ip_hash)
    interval = datetime.timedelta(seconds=settings.repeat_interval_seconds)
    if (
        settings.repeat_interval_seconds
        and Comment.objects.filter(recent, created_at__gt=now - interval).exists()
    ):
        raise Refused(
            "too_soon",
            _("You sent a comment a few seconds ago. Please wait a moment before sending another."),
            status=429,
        )
    hour_ago = now - datetime.timedelta(hours=1)
    if (
        ip_hash
        and Comment.objects.filter(ip_hash=ip_hash, created_at__gt=hour_ago).count()
        >= settings.max_per_hour
    ):
        raise Refused(
            "too_many",
            _("Many comments came from your network in the last hour. Please try again later."),
            status=429,
        )


# --- Steps 2 to 4: spam, hold, approve ----------------------------------------------

LINK_RE = re.compile(r"https?://|\bwww\.", re.IGNORECASE)
PHONE_RE = re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")
MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
BIRTH_DATE_RE = re.compile(
    r"\b(?:d\.?o\.?b\b|date of birth|birth ?date|born (?:on|in)\b)"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b"
    r"|\b(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2}\b"
    rf"|\b{MONTHS}\.? \d{{1,2}}(?:st|nd|rd|th)?,? (?:19|20)\d{{2}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)? {MONTHS}\.?,? (?:19|20)\d{{2}}\b",
    re.IGNORECASE,
)
# A BC Personal Health Number has 10 digits and starts with 9; other provinces use
# 9 to 12 digits, sometimes with letters. The words catch the rest.
HEALTH_CARD_RE = re.compile(
    r"(?<!\d)9\d{3}[\s-]?\d{3}[\s-]?\d{3}(?!\d)"
    r"|\b(?:phn|personal health number|health ?card|care ?card|msp (?:number|no)"
    r"|health insurance number)\b",
    re.IGNORECASE,
)


def normalise_text(text):
    return " ".join(text.lower().split())


def find_word(words, text):
    """The first listed word or phrase found in ``text`` as a whole word, or None."""
    haystack = normalise_text(text)
    for word in words:
        if re.search(rf"(?<!\w){re.escape(normalise_text(word))}(?!\w)", haystack):
            return word
    return None


def health_detail_reasons(text):
    reasons = []
    if HEALTH_CARD_RE.search(text):
        reasons.append(HEALTH_CARD)
    elif PHONE_RE.search(text):
        reasons.append(PHONE_NUMBER)
    if BIRTH_DATE_RE.search(text):
        reasons.append(BIRTH_DATE)
    return reasons


def is_duplicate(body, *, email, ip_hash="", now=None):
    """The same text from the same sender (e-mail or network address) recently."""
    if not email and not ip_hash:
        return False
    now = now or timezone.now()
    sender = Q()
    if email:
        sender |= Q(email=email)
    if ip_hash:
        sender |= Q(ip_hash=ip_hash)
    return (
        Comment.objects.filter(sender, created_at__gte=now - DUPLICATE_WINDOW)
        .filter(body__iexact=body.strip())
        .exists()
    )


def has_approved_comment(email):
    return Comment.objects.approved().by_email(email).exists()


def spam_score(*, name, email, website, body, settings):
    """The spam filter's score for a comment, or None when staff turned it off.

    Reads no comment, so the caller can work it out before taking the sender's lock.
    """
    if not settings.spam_filter_on:
        return None
    return spam_filter.spam_score(name=name, email=email, website=website, body=body)


def decide(*, name, email, website, body, settings=None, ip_hash="", score=None):
    """Decide what happens to a comment that passed the refusal checks.

    ``score`` is the spam filter's score if the caller already has it."""
    settings = settings or CommentSettings.load()
    everything = "\n".join([name, email, website, body])

    blocked = find_word(settings.blocked_word_list, everything)
    if blocked:
        return Decision(
            Comment.Status.SPAM, Comment.Decision.SPAM, [BLOCKED_WORD.format(word=blocked)]
        )
    if is_duplicate(body, email=email, ip_hash=ip_hash):
        return Decision(Comment.Status.SPAM, Comment.Decision.SPAM, [DUPLICATE])

    reasons = []
    if score is None:
        score = spam_score(name=name, email=email, website=website, body=body, settings=settings)
    if score is not None:
        if score >= settings.spam_threshold:
            return Decision(
                Comment.Status.SPAM,
                Comment.Decision.SPAM,
                [LOOKS_LIKE_SPAM.format(score=score)],
                spam_score=score,
            )
        if score >= MIGHT_BE_SPAM_SCORE:
            reasons.append(MIGHT_BE_SPAM.format(score=score))
    returning = has_approved_comment(email)
    if not returning:
        reasons.append(FIRST_TIME)
    links = len(LINK_RE.findall(body))
    if links >= settings.max_links:
        reasons.append(MANY_LINKS.format(count=links))
    word = find_word(settings.moderation_word_list, everything)
    if word:
        reasons.append(MODERATION_WORD.format(word=word))
    reasons += health_detail_reasons(f"{name}\n{body}")

    if settings.auto_approve_returning and returning and not reasons:
        return Decision(
            Comment.Status.APPROVED, Comment.Decision.APPROVED, [RETURNING], spam_score=score
        )
    if not settings.auto_approve_returning and not reasons:
        reasons.append(ALWAYS_REVIEWED)
    return Decision(Comment.Status.PENDING, Comment.Decision.HELD, reasons, spam_score=score)


# --- Closing -----------------------------------------------------------------------------


def comments_open(article, *, settings=None, now=None):
    """Comments are open unless staff turned them off on the article, or the article
    was published more than ``close_after_days`` days ago."""
    if not article.allow_comments:
        return False
    settings = settings or CommentSettings.load()
    if settings.close_after_days:
        now = now or timezone.now()
        closes_at = article.published_at + datetime.timedelta(days=settings.close_after_days)
        if now >= closes_at:
            return False
    return True
