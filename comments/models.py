from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from clinic_site.models import SingleRowModel

MAX_COMMENT_LENGTH = 3000

http_url_validator = URLValidator(schemes=["http", "https"])

DEFAULT_MODERATION_WORDS = "\n".join(
    [
        "cure",
        "guarantee",
        "lawsuit",
        "lawyer",
        "complaint",
        "refund",
        "emergency",
        "suicide",
        "overdose",
        "prescription",
    ]
)
DEFAULT_BLOCKED_WORDS = "\n".join(
    [
        "viagra",
        "cialis",
        "casino",
        "crypto",
        "bitcoin",
        "forex",
        "payday loan",
        "escort",
        "porn",
        "backlinks",
        "seo services",
    ]
)


class CommentSettings(SingleRowModel):
    """How comments are moderated. Exactly one row, edited by staff in the admin."""

    class Notify(models.TextChoices):
        EACH = "each", "An e-mail for each comment that waits for review"
        DIGEST = "digest", "One daily summary e-mail"
        OFF = "off", "No e-mail"

    auto_approve_returning = models.BooleanField(
        "approve returning commenters automatically",
        default=False,
        help_text="Commenters with a previously approved comment are approved automatically, "
        "unless something in the new comment needs a review.",
    )
    close_after_days = models.PositiveIntegerField(
        "close comments after (days)",
        default=0,
        help_text="Comments close this many days after an article is published. 0 keeps them "
        "open until you turn them off on the article.",
    )
    comments_per_page = models.PositiveIntegerField(
        default=20, validators=[MinValueValidator(5), MaxValueValidator(100)]
    )
    min_seconds_to_submit = models.PositiveIntegerField(
        "fastest allowed submission (seconds)",
        default=3,
        help_text="A form sent sooner than this after the page opened is refused: people "
        "take longer than robots to write.",
    )
    max_form_age_minutes = models.PositiveIntegerField(
        "form expires after (minutes)",
        default=120,
        validators=[MinValueValidator(1)],
    )
    repeat_interval_seconds = models.PositiveIntegerField(
        "wait between two comments (seconds)",
        default=15,
        help_text="From the same network address or e-mail address.",
    )
    max_per_hour = models.PositiveIntegerField(
        "most comments per hour from one network address",
        default=5,
        validators=[MinValueValidator(1)],
    )
    max_links = models.PositiveIntegerField(
        "hold comments with this many links or more",
        default=2,
        validators=[MinValueValidator(1)],
    )
    moderation_words = models.TextField(
        "words that hold a comment for review",
        blank=True,
        default=DEFAULT_MODERATION_WORDS,
        help_text="One word or phrase per line. Checked in the name, e-mail, website and text.",
    )
    blocked_words = models.TextField(
        "words that mark a comment as spam",
        blank=True,
        default=DEFAULT_BLOCKED_WORDS,
        help_text="One word or phrase per line. Spam is kept out of the review list but can "
        "be recovered.",
    )
    notify = models.CharField(
        "tell moderators about waiting comments",
        max_length=10,
        choices=Notify.choices,
        default=Notify.EACH,
    )
    notify_emails = models.TextField(
        "send notices to",
        blank=True,
        help_text="One e-mail address per line. Empty: every active member of the "
        '"Comment moderator" group and every superuser with an e-mail address.',
    )
    keep_network_data_days = models.PositiveIntegerField(
        "delete network details after (days)",
        default=30,
        validators=[MinValueValidator(1)],
        help_text="The scrambled network address and browser name kept with each comment.",
    )
    keep_rejected_days = models.PositiveIntegerField(
        "delete rejected comments and spam after (days)",
        default=30,
        validators=[MinValueValidator(1)],
    )
    spam_filter_on = models.BooleanField(
        "sort out spam with the learning filter",
        default=True,
        help_text="The filter learns from every approve, reject, spam and not-spam decision. "
        "Comments it is sure about go to the spam folder instead of the review list.",
    )
    spam_threshold = models.PositiveSmallIntegerField(
        "send to spam at this score or higher",
        default=80,
        validators=[MinValueValidator(51), MaxValueValidator(100)],
        help_text="From 0 (surely genuine) to 100 (surely spam). A higher number sends "
        "fewer comments to spam, and more spam to the review list.",
    )
    akismet_on = models.BooleanField(
        "also ask Akismet",
        default=False,
        help_text="Needs an Akismet key in the server's AKISMET_API_KEY setting. Sends the "
        "name, e-mail, website, text and network address of each comment held for review "
        "to Akismet (Automattic, USA); say so in the privacy notice before turning it on.",
    )
    report_threshold = models.PositiveIntegerField(
        "hide a comment after this many reports",
        default=3,
        validators=[MinValueValidator(1)],
        help_text="Reports from different network addresses. The comment goes back to the "
        "review list, reported comments first, until a moderator decides.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "comment settings"
        verbose_name_plural = "comment settings"
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="commentsettings_single_row"),
        ]

    def __str__(self):
        return "Comment settings"

    def clean(self):
        if self.min_seconds_to_submit >= self.max_form_age_minutes * 60:
            raise ValidationError(
                {
                    "min_seconds_to_submit": "This must be shorter than the time after which "
                    "the form expires, or every comment would be refused."
                }
            )

    @staticmethod
    def _lines(text):
        return [line.strip().lower() for line in text.splitlines() if line.strip()]

    @property
    def moderation_word_list(self):
        return self._lines(self.moderation_words)

    @property
    def blocked_word_list(self):
        return self._lines(self.blocked_words)

    @property
    def notify_email_list(self):
        return self._lines(self.notify_emails)


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def top_level(self):
        return self.filter(parent__isnull=True)

    def by_email(self, email):
        """Comments sent with this address; none for an empty one (staff replies
        have no address, and must never be exported or erased as a person's)."""
        email = email.strip().lower()
        if not email:
            return self.none()
        return self.filter(email=email)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SPAM = "spam", "Spam"

    class Verdict(models.TextChoices):
        """What a moderator's decision teaches the spam filter."""

        NONE = "", "Nothing yet"
        HAM = "ham", "Not spam"
        SPAM = "spam", "Spam"

    class Decision(models.TextChoices):
        """What the moderation policy decided when the comment arrived."""

        HELD = "held", "Held for review"
        SPAM = "spam", "Marked as spam"
        APPROVED = "approved", "Approved automatically"
        STAFF = "staff", "Written by staff"

    article = models.ForeignKey(
        "education.Article", on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        help_text="The comment this one answers. Replies are one level deep.",
    )
    name = models.CharField(max_length=80)
    email = models.EmailField(
        "e-mail", blank=True, help_text="Never shown on the site. Empty for staff replies."
    )
    website = models.URLField(blank=True, validators=[http_url_validator])
    body = models.TextField("comment", max_length=MAX_COMMENT_LENGTH)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decision = models.CharField(
        "policy decision", max_length=10, choices=Decision.choices, default=Decision.HELD
    )
    reasons = models.JSONField(
        "reasons", default=list, blank=True, help_text="Why the policy decided as it did."
    )
    is_staff_reply = models.BooleanField("clinic reply", default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The staff member who wrote a clinic reply.",
    )
    spam_score = models.PositiveSmallIntegerField(
        "spam score",
        null=True,
        blank=True,
        help_text="The spam filter's score when the comment arrived, from 0 to 100.",
    )
    spam_verdict = models.CharField(
        "teaches the spam filter",
        max_length=4,
        choices=Verdict.choices,
        default=Verdict.NONE,
        blank=True,
        editable=False,
    )
    learned_as = models.CharField(
        "learned by the spam filter as",
        max_length=4,
        choices=Verdict.choices,
        default=Verdict.NONE,
        blank=True,
        editable=False,
    )
    credentials = models.CharField(
        max_length=200,
        blank=True,
        help_text="A clinic reply signed with the staff member's name: their credentials.",
    )
    faq = models.ForeignKey(
        "education.FAQ",
        verbose_name="FAQ entry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The FAQ entry made from this question; linked from the thread once live.",
    )
    ip_hash = models.CharField("network address (scrambled)", max_length=64, blank=True)
    user_agent = models.CharField("browser", max_length=500, blank=True)
    submission_key = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="Identifies the form and the text sent, so a double click stores one comment.",
    )
    created_at = models.DateTimeField("received", default=timezone.now)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    edited_at = models.DateTimeField(
        null=True, blank=True, help_text="When a moderator last changed the text."
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["ip_hash", "created_at"]),
            models.Index(fields=["email", "created_at"]),
        ]

    def __str__(self):
        return f"Comment #{self.pk} by {self.name}"

    def get_absolute_url(self):
        return (
            reverse("education:article-detail", kwargs={"slug": self.article.slug})
            + f"#comment-{self.pk}"
        )

    @property
    def excerpt(self):
        return Truncator(" ".join(self.body.split())).chars(120)

    @property
    def is_public(self):
        return self.status == self.Status.APPROVED

    @property
    def live_faq(self):
        """The FAQ entry made from this question, once patients can read it."""
        faq = self.faq
        if faq is not None and faq.is_published and faq.is_cleared:
            return faq
        return None

    @property
    def public_website(self):
        """The commenter's website, only when it is a plain http or https address."""
        if self.website.lower().startswith(("http://", "https://")):
            return self.website
        return ""


class CommenterLock(models.Model):
    """One row per network address or e-mail that has commented recently.

    Posting a comment locks its rows, so two server processes handling comments from
    the same person take turns and the flood limits hold. The key is a salted hash,
    and rows are purged with the rest of the network data.
    """

    key = models.CharField(max_length=80, unique=True)
    last_used_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.key


class SpamFilterState(SingleRowModel):
    """The spam filter's learned counts (see comments/spam_filter.py). Written only by
    the site: the learning task and ``manage.py train_spam_filter``."""

    counts = models.BinaryField(help_text="NumPy .npz archive of feature counts, no code.")
    revision = models.CharField(max_length=16)
    spam_examples = models.PositiveIntegerField(default=0)
    ham_examples = models.PositiveIntegerField(default=0)
    decisions_learned = models.PositiveIntegerField(
        default=0, help_text="Moderator decisions learned since the filter was last reset."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "spam filter"
        verbose_name_plural = "spam filter"
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="spamfilterstate_single_row"),
        ]

    def __str__(self):
        return f"Spam filter ({self.decisions_learned} decisions learned)"


class Subscription(models.Model):
    """A commenter asked to hear by e-mail about their comment.

    Double opt-in: nothing but the confirmation e-mail is sent until the person
    confirms from it. Deleted when they unsubscribe, when their comments are erased,
    or (unconfirmed) by purge_comment_data.
    """

    class Kind(models.TextChoices):
        REPLIES = "replies", _("When the clinic replies")
        DECISION = "decision", _("When the comment is approved or not")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="subscriptions")
    email = models.EmailField("e-mail")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The language the patient used on the site: their e-mails are written in it.
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "kind"], name="subscription_once_per_kind"),
        ]
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.get_kind_display()} (comment #{self.comment_id})"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class Report(models.Model):
    """A visitor reported a public comment. Reports are counted per network address."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        HEALTH_DETAILS = "health", _("Personal health details")
        ABUSIVE = "abusive", _("Abusive or disrespectful")
        WRONG_ADVICE = "advice", _("Wrong medical advice")
        OTHER = "other", _("Something else")

    class Outcome(models.TextChoices):
        OPEN = "open", "Waiting for a moderator"
        DISMISSED = "dismissed", "Dismissed: the comment stays"
        UPHELD = "upheld", "Upheld: the comment was taken down"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    note = models.CharField(
        max_length=500, blank=True, help_text="What the visitor wrote. Never shown on the site."
    )
    ip_hash = models.CharField("network address (scrambled)", max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.OPEN)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        constraints = [
            # One open report per comment and network address: reports count people.
            models.UniqueConstraint(
                fields=["comment", "ip_hash"],
                condition=Q(outcome="open") & ~Q(ip_hash=""),
                name="report_once_per_address",
            ),
        ]
        indexes = [
            models.Index(fields=["ip_hash", "created_at"]),
            models.Index(fields=["comment", "outcome"]),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} (comment #{self.comment_id})"
