import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from clinic_site.models import SingleRowModel

from . import images
from .diagrams import DIAGRAM_CHOICES, DIAGRAMS
from .fields import SanitizedHTMLField
from .sanitizer import render_html
from .workflow import ClinicallyReviewed, ClinicalQuerySet

http_url_validator = URLValidator(schemes=["http", "https"])


class HttpURLField(models.URLField):
    """A URL field that accepts only http and https links."""

    default_validators = [http_url_validator]

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        field = super().formfield(**kwargs)
        field.validators = [http_url_validator]
        return field


class OrderedQuerySet(ClinicalQuerySet):
    def published(self):
        return self.filter(is_published=True).cleared()


class ClinicProfile(SingleRowModel):
    """The clinic that runs the site. Exactly one row, edited in the admin."""

    name = models.CharField(max_length=120)
    tagline = models.CharField(max_length=200, blank=True)
    street_address = models.CharField(max_length=200)
    city = models.CharField(max_length=100)
    region = models.CharField("province or state", max_length=100, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, default="CA", help_text="Two-letter country code.")
    phone = models.CharField(max_length=40)
    email = models.EmailField(blank=True)
    opening_hours = models.TextField(blank=True, help_text="One line per day or group of days.")
    booking_url = HttpURLField("online booking link", blank=True)
    review_rating = models.DecimalField(
        max_digits=2,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(5)],
        help_text="Average star rating from your public reviews, out of 5.",
    )
    review_count = models.PositiveIntegerField(null=True, blank=True)
    review_url = HttpURLField("link to your reviews", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "clinic profile"
        verbose_name_plural = "clinic profile"
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="clinicprofile_single_row"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("education:contact")

    @classmethod
    def current(cls):
        """The profile for showing on pages. Callers must not change it; to edit
        the profile, use ``load()``. Pages read it through
        ``education.services.clinic_profile()``, once per content change."""
        return cls.load()

    @classmethod
    def unsaved_defaults(cls):
        # A placeholder the pages can show until staff fill in the profile.
        return {"name": "Our clinic", "street_address": "", "city": "", "phone": ""}

    @property
    def address_lines(self):
        locality = " ".join(part for part in (self.city, self.region) if part)
        return [
            line for line in (self.street_address, f"{locality} {self.postal_code}".strip()) if line
        ]

    @property
    def phone_href(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]


class ReviewerQuerySet(models.QuerySet):
    def listed(self):
        """Practitioners shown on the public "Who treats you" page."""
        return self.filter(is_listed=True)


class Reviewer(models.Model):
    """A clinician who treats patients and checks content for medical accuracy.

    The public "Who treats you" page shows each listed clinician's profile.
    """

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=140, unique=True, help_text="Part of the profile's web address."
    )
    credentials = models.CharField(
        max_length=200, help_text="For example: Registered Physiotherapist, MPT, CGIMS."
    )
    on_needling_roster = models.BooleanField(
        "on the college's acupuncture / dry needling roster",
        default=False,
        help_text="In BC a physiotherapist may use needles only once the college has "
        "added them to its roster. Tick only after checking the public register.",
    )
    ims_training = models.CharField(
        "IMS or dry needling training",
        max_length=200,
        blank=True,
        help_text="For example: Gunn IMS certificate, 2015.",
    )
    languages = models.CharField(
        "languages spoken", max_length=200, blank=True, help_text="For example: English, Punjabi."
    )
    bio = models.TextField("short introduction", blank=True, help_text="Two or three sentences.")
    booking_url = HttpURLField(
        "booking link", blank=True, help_text="Leave empty to use the clinic's booking link."
    )
    photo = models.ForeignKey(
        "Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. A picture from the image library, with its text alternative "
        "(for example: the physiotherapist's name and 'smiling, in the clinic').",
    )
    is_listed = models.BooleanField(
        'show on "Who treats you"',
        default=True,
        help_text="Untick for reviewers who do not treat patients here.",
    )
    order = models.PositiveIntegerField(default=0)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="staff login",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewer_profile",
        help_text="The login this clinician signs off content with. Put the login in the "
        "Clinical reviewer group too.",
    )
    registration_number = models.CharField(
        max_length=40, blank=True, help_text="The number on the college's public register."
    )
    college = models.CharField(
        "regulatory college",
        max_length=200,
        blank=True,
        help_text="For example: College of Health and Care Professionals of BC.",
    )

    objects = ReviewerQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}"

    def get_absolute_url(self):
        return reverse("education:practitioners") + f"#{self.slug}"

    @property
    def photo_html(self):
        """The profile picture, small: never the page's first large picture."""
        if self.photo_id is None:
            return ""
        return self.photo.picture_html(sizes="160px", css_class="practitioner-photo")

    @property
    def registration(self):
        """For example "registration 12345, College of …"; empty when not filled in."""
        parts = []
        if self.registration_number:
            parts.append(f"registration {self.registration_number}")
        if self.college:
            parts.append(self.college)
        return ", ".join(parts)


class Source(models.Model):
    """A published reference that backs what an article, answer or page says."""

    title = models.CharField(max_length=300)
    publisher = models.CharField(
        max_length=200, help_text="The journal, organisation or website that published it."
    )
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text="The year it was published or last updated.",
    )
    url = HttpURLField("web address")
    supports = models.TextField(
        "what it supports",
        help_text="In a few plain words: which facts on our pages this source backs.",
    )

    class Meta:
        ordering = ["title"]
        constraints = [models.UniqueConstraint(fields=["url"], name="source_unique_url")]

    def __str__(self):
        return f"{self.title} ({self.publisher}{f', {self.year}' if self.year else ''})"


class Resource(models.Model):
    """A trusted outside link offered under "Learn more"."""

    title = models.CharField(max_length=200)
    url = HttpURLField("web address")
    description = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title


class Image(models.Model):
    """A picture in the image library, with the words that stand in for it."""

    file = models.ImageField(
        "picture",
        upload_to=images.upload_to,
        width_field="width",
        height_field="height",
        help_text="A JPEG, PNG, WebP or AVIF picture, at most 10 MB and 40 megapixels. "
        "Location and camera details are removed when it is saved.",
    )
    title = models.CharField(
        max_length=120, help_text="For finding the picture in the library; not shown to patients."
    )
    alt_text = models.CharField(
        "text alternative",
        max_length=250,
        blank=True,
        help_text="What the picture shows or teaches, for people who cannot see it, in one "
        "or two short sentences. Required unless the picture is decorative.",
    )
    is_decorative = models.BooleanField(
        "decorative only",
        default=False,
        help_text="Tick only if the picture adds nothing the text does not say. Screen "
        "readers then skip it.",
    )
    caption = models.CharField(max_length=300, blank=True, help_text="Shown under the picture.")
    credit = models.CharField(
        max_length=200, blank=True, help_text="Who made the picture, e.g. 'Photo: Jane Lee'."
    )
    licence = models.CharField(
        max_length=200,
        blank=True,
        help_text="How the clinic may use it, e.g. 'Clinic's own photo' or 'CC BY 4.0'.",
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    renditions = models.JSONField(default=dict, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = "image"
        constraints = [
            models.CheckConstraint(
                condition=(Q(is_decorative=True) & Q(alt_text=""))
                | (Q(is_decorative=False) & ~Q(alt_text="")),
                name="image_alt_text_or_decorative",
                violation_error_message="Give the picture a text alternative, or tick "
                "'decorative only' (not both).",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def alt(self):
        """The value of the alt attribute: empty for a decorative picture."""
        return "" if self.is_decorative else self.alt_text

    @property
    def credit_line(self):
        return " · ".join(part for part in (self.credit, self.licence) if part)

    def picture_html(self, **options):
        return images.picture_html(self, **options)

    @property
    def lead_picture_html(self):
        """The picture at the top of a page: the first large one, so fetched early."""
        return images.picture_html(self, priority=True)

    @property
    def share_url(self):
        return images.share_image_url(self)


class ArticleQuerySet(ClinicalQuerySet):
    def published(self):
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        ).cleared()

    def featured(self):
        return self.filter(is_featured=True)

    def drafts(self):
        return self.filter(status=Article.Status.DRAFT)

    def scheduled(self):
        """Published articles whose publish date is still ahead: they go live by themselves."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def review_due(self, *, within_days=30):
        """Articles whose medical review date has passed or falls within ``within_days``."""
        horizon = timezone.localdate() + datetime.timedelta(days=within_days)
        return self.filter(next_review_due__lte=horizon)

    def review_overdue(self):
        return self.filter(next_review_due__lt=timezone.localdate())

    def without_sources(self):
        return self.filter(sources__isnull=True)


class Article(ClinicallyReviewed):
    clinical_fields = ("title", "summary", "body")

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences. Shown in lists and used as the page description "
        "for search engines.",
    )
    body = SanitizedHTMLField(
        allow_images=True,
        help_text="Headings, lists, links, bold and italic are kept, and pictures from the "
        "image library (the picture button). Anything else is removed.",
    )
    lead_image = models.ForeignKey(
        Image,
        verbose_name="lead picture",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Shown at the top and used when the page is shared.",
    )
    diagram = models.CharField(
        max_length=40,
        blank=True,
        choices=DIAGRAM_CHOICES,
        help_text="Optional. One of the site's own diagrams, shown after the summary.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publish date",
        default=timezone.now,
        help_text="A published article stays hidden until this date and time.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    author_name = models.CharField("written by", max_length=120, blank=True)
    # Filled in by each sign-off (see education/services.py), never typed by hand.
    reviewer = models.ForeignKey(
        Reviewer,
        verbose_name="medical reviewer",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    last_reviewed = models.DateField(null=True, blank=True, editable=False)
    next_review_due = models.DateField(null=True, blank=True)
    is_featured = models.BooleanField(
        "start here", default=False, help_text="Show in the home page's 'Start here' list."
    )
    order = models.PositiveIntegerField(
        default=0, help_text="Lower numbers come first in article lists."
    )
    related_articles = models.ManyToManyField("self", blank=True)
    resources = models.ManyToManyField(
        Resource, blank=True, related_name="articles", verbose_name="learn more links"
    )
    sources = models.ManyToManyField(
        Source,
        blank=True,
        related_name="articles",
        help_text="The references that back this article. Shown as a Sources list.",
    )
    allow_comments = models.BooleanField(default=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["order", "-published_at"]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("education:article-detail", kwargs={"slug": self.slug})

    @property
    def body_html(self):
        return render_html(self.body, images=True)

    @property
    def diagram_info(self):
        return DIAGRAMS.get(self.diagram)

    def published_related_articles(self):
        return list(self.related_articles.published())

    @classmethod
    def live(cls, slug):
        """The live article with this slug, for showing on pages (raises DoesNotExist)."""
        return (
            cls.objects.published()
            .select_related("reviewer", "current_approval__reviewer", "lead_image")
            .get(slug=slug)
        )

    @property
    def is_live(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at <= timezone.now()
            and self.is_cleared
        )

    @property
    def review_overdue(self):
        return self.next_review_due is not None and self.next_review_due < timezone.localdate()

    @property
    def reading_minutes(self):
        words = len(strip_tags(self.body).split())
        return max(1, round(words / 200))


class FAQCategory(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    intro = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "FAQ category"
        verbose_name_plural = "FAQ categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("education:faq") + f"#{self.slug}"


class FAQ(ClinicallyReviewed):
    clinical_fields = ("question", "answer")

    category = models.ForeignKey(FAQCategory, on_delete=models.PROTECT, related_name="faqs")
    question = models.CharField(max_length=250)
    answer = SanitizedHTMLField()
    order = models.PositiveIntegerField(default=0)
    is_published = models.BooleanField("published", default=True)
    related_article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="faqs",
        help_text="Optional: an article that explains this answer in more depth.",
    )
    sources = models.ManyToManyField(
        Source,
        blank=True,
        related_name="faqs",
        help_text="The references that back this answer. Shown under it as Sources.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrderedQuerySet.as_manager()

    class Meta:
        ordering = ["category__order", "order", "pk"]
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("education:faq") + f"#faq-{self.pk}"

    @property
    def answer_html(self):
        return render_html(self.answer)

    @property
    def answer_text(self):
        return strip_tags(self.answer)


class Benefit(ClinicallyReviewed):
    clinical_fields = ("title", "explanation")

    title = models.CharField(max_length=120)
    explanation = models.TextField()
    order = models.PositiveIntegerField(default=0)
    is_published = models.BooleanField("published", default=True)

    objects = OrderedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("education:benefits") + f"#benefit-{self.pk}"


class Condition(ClinicallyReviewed):
    clinical_fields = ("name", "explanation")

    name = models.CharField(max_length=120)
    explanation = models.TextField()
    order = models.PositiveIntegerField(default=0)
    is_published = models.BooleanField("published", default=True)

    objects = OrderedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("education:conditions") + f"#condition-{self.pk}"


class BodyRegion(models.Model):
    """A part of the body on the "Where does it hurt?" map, with what treats it.

    The regions are fixed (each is a shape on the map); staff choose their names,
    order, and which conditions and articles belong to each.
    """

    slug = models.SlugField(max_length=40, unique=True, editable=False)
    name = models.CharField(max_length=60)
    intro = models.TextField(
        blank=True, help_text="One or two plain sentences shown at the top of the region's page."
    )
    order = models.PositiveIntegerField(default=0)
    conditions = models.ManyToManyField(Condition, blank=True, related_name="body_regions")
    articles = models.ManyToManyField(Article, blank=True, related_name="body_regions")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "body map region"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("education:body-region", kwargs={"slug": self.slug})


class Precaution(ClinicallyReviewed):
    """A reason not to have IMS, or something to tell the therapist first."""

    clinical_fields = ("name", "kind", "explanation", "self_check_question")

    class Kind(models.TextChoices):
        DO_NOT_HAVE = "avoid", _("Do not have IMS")
        TELL_THERAPIST = "tell", _("Tell your therapist first")

    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    explanation = models.TextField()
    self_check_question = models.CharField(
        max_length=200,
        blank=True,
        help_text="A yes/no question for the 'Is IMS right for me?' check, "
        "for example 'Are you pregnant?'.",
    )
    order = models.PositiveIntegerField(default=0)
    is_published = models.BooleanField("published", default=True)

    objects = OrderedQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "order", "pk"]
        verbose_name = "contraindication or precaution"
        verbose_name_plural = "contraindications and precautions"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("education:safety") + f"#precaution-{self.pk}"


class RedFlag(ClinicallyReviewed):
    """A warning sign the self-check asks about first, and where it sends the reader."""

    clinical_fields = ("question", "route", "explanation")

    class Route(models.TextChoices):
        EMERGENCY = "911", _("Call 911 now")
        SAME_DAY = "same_day", _("Call 8-1-1 or see a doctor today")

    question = models.CharField(
        max_length=250, help_text="A yes/no question, for example 'Do you have a fever?'."
    )
    route = models.CharField(
        "where a yes sends them", max_length=10, choices=Route.choices, default=Route.SAME_DAY
    )
    explanation = models.CharField(
        max_length=300, help_text="One plain sentence on why this needs care first."
    )
    order = models.PositiveIntegerField(default=0)
    is_published = models.BooleanField("published", default=True)

    objects = OrderedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "red flag"

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("education:self-check")


class SideEffect(ClinicallyReviewed):
    """A side effect of dry needling and how often the studies found it."""

    clinical_fields = ("name", "frequency", "rate", "explanation")

    class Frequency(models.TextChoices):
        COMMON = "common", _("Common")
        UNCOMMON = "uncommon", _("Uncommon")
        RARE = "rare", _("Rare but serious")

    name = models.CharField(max_length=120)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    rate = models.CharField(
        "how often",
        max_length=150,
        help_text="As the studies report it, in plain words: 'about 1 in 13 treatments'.",
    )
    explanation = models.TextField(help_text="What it is like and what to do.")
    order = models.PositiveIntegerField(default=0)
    is_published = models.BooleanField("published", default=True)

    objects = OrderedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "side effect"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("education:safety") + f"#side-effect-{self.pk}"


class CoverageTopic(ClinicallyReviewed):
    """One part of the costs and coverage page: fees, a plan or a program that pays."""

    clinical_fields = ("title", "text")

    title = models.CharField(max_length=150)
    text = SanitizedHTMLField(
        help_text="Amounts, limits and dates go here, so they are easy to update."
    )
    order = models.PositiveIntegerField(default=0)
    is_published = models.BooleanField("published", default=True)

    objects = OrderedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "costs and coverage topic"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("education:coverage") + f"#coverage-{self.pk}"

    @property
    def text_html(self):
        return render_html(self.text)


class AftercareTip(ClinicallyReviewed):
    clinical_fields = ("kind", "title", "text")

    class Kind(models.TextChoices):
        NORMAL = "normal", _("What is normal")
        SELF_CARE = "self_care", _("What helps")
        CALL_CLINIC = "call_clinic", _("When to call the clinic")
        URGENT = "urgent", _("Get urgent help")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(max_length=150)
    text = models.TextField()
    order = models.PositiveIntegerField(default=0)
    is_published = models.BooleanField("published", default=True)

    objects = OrderedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "aftercare tip"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("education:aftercare")


class SitePage(ClinicallyReviewed):
    """Heading, introduction and description of one of the site's fixed pages."""

    clinical_fields = ("title", "meta_description", "intro", "body")

    class Key(models.TextChoices):
        HOME = "home", "Home page"
        ARTICLES = "articles", "Articles list"
        FAQ = "faq", "Questions and answers"
        BENEFITS = "benefits", "Benefits"
        CONDITIONS = "conditions", "Conditions treated"
        SAFETY = "safety", "Safety"
        AFTERCARE = "aftercare", "Aftercare"
        CONTACT = "contact", "Contact"
        EVIDENCE = "evidence", "What the research shows"
        COVERAGE = "coverage", "Costs and coverage"
        PRACTITIONERS = "practitioners", "Who treats you"

    key = models.CharField(max_length=20, choices=Key.choices, unique=True)
    title = models.CharField("page heading", max_length=150)
    meta_description = models.CharField(
        max_length=300, help_text="One or two sentences shown by search engines."
    )
    intro = SanitizedHTMLField(blank=True, help_text="Shown under the heading.")
    body = SanitizedHTMLField(blank=True, help_text="Shown after the page's main list.")
    sources = models.ManyToManyField(
        Source,
        blank=True,
        related_name="site_pages",
        help_text="The references that back this page. Shown as a Sources list.",
    )
    last_reviewed = models.DateField(
        "last reviewed or checked",
        null=True,
        blank=True,
        editable=False,
        help_text="Set by each clinical approval. On the costs and coverage page this is "
        "the 'last checked' date; a reminder appears on the admin home page when it is due.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClinicalQuerySet.as_manager()

    class Meta:
        ordering = ["key"]
        verbose_name = "page text"
        verbose_name_plural = "page texts"

    def __str__(self):
        return self.get_key_display()

    def get_absolute_url(self):
        if self.key == self.Key.HOME:
            return reverse("education:home")
        if self.key == self.Key.ARTICLES:
            return reverse("education:article-list")
        return reverse(f"education:{self.key}")

    @property
    def intro_html(self):
        return render_html(self.intro)

    @property
    def body_html(self):
        return render_html(self.body)

    @property
    def summary(self):
        return Truncator(strip_tags(self.intro)).words(40)

    @property
    def cited_sources(self):
        """The page's sources, or none for a page staff have not saved yet."""
        return list(self.sources.all()) if self.pk else []


class GlossaryTerm(ClinicallyReviewed):
    """A word patients meet in the articles, explained in plain language."""

    clinical_fields = ("term", "definition")

    term = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    definition = models.TextField(help_text="Two or three plain sentences.")
    order = models.PositiveIntegerField(
        default=0, help_text="Lower numbers come first; terms with the same number are A to Z."
    )

    objects = ClinicalQuerySet.as_manager()

    class Meta:
        ordering = ["order", "term"]
        verbose_name = "glossary term"

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("education:glossary") + f"#{self.slug}"


CLAIM_PHRASES = [
    "guaranteed",
    "cure",
    "no risk",
    "100%",
    "completely safe",
    "permanent",
    "good sign",
    "good reaction",
    "cumulative",
    "painless",
    "cannot be seen on",
    "exact",
]
DEFAULT_CLAIM_PHRASES = "\n".join(CLAIM_PHRASES)


class EditorialSettings(SingleRowModel):
    """Targets and word lists for the editing checks. Exactly one row, edited in the admin."""

    reading_grade_target = models.DecimalField(
        "reading grade target",
        max_digits=3,
        decimal_places=1,
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(18)],
        help_text="Articles and answers written above this school grade are flagged. "
        "Grade 6 to 8 suits most patients.",
    )
    claim_phrases = models.TextField(
        "phrases to check",
        default=DEFAULT_CLAIM_PHRASES,
        help_text="One word or phrase per line. Text that uses them is flagged so a "
        "clinician can check it does not promise too much.",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "months between medical reviews",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="When an article is marked as reviewed, its next review is due this "
        "many months later.",
    )
    single_clinician = models.BooleanField(
        "the clinic has a single clinician",
        default=False,
        help_text="Normally the person who changed medical text cannot approve it (four "
        "eyes). Tick this only if one clinician works here: they may then approve their "
        "own changes, and each such approval says so on the record.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "editorial settings"
        verbose_name_plural = "editorial settings"
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="editorialsettings_single_row"),
        ]

    def __str__(self):
        return "Editorial settings"

    @property
    def claim_phrase_list(self):
        return [line.strip() for line in self.claim_phrases.splitlines() if line.strip()]


# --- Clinical sign-off ----------------------------------------------------------------


class ClinicalReview(models.Model):
    """Where one medical item stands in clinical review, and its pending version.

    ``pending_data`` holds the clinical fields of an edit to an item patients can
    already see; the row keeps the approved text until a reviewer approves the edit.
    For an item never approved, the row itself is the working copy.
    """

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In clinical review"
        CHANGES_REQUESTED = "changes", "Changes requested"
        APPROVED = "approved", "Approved"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    pending_data = models.JSONField(null=True, blank=True, editable=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField("reviewer's note", blank=True)
    # English ("en") is the item itself; any other language is its translation, with a
    # sign-off of its own. ``pending_data`` then holds the translated fields.
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, default="en", editable=False
    )
    # Set when the English text is approved again after this translation was: patients
    # are told the English changed on that date until the translation is approved again.
    english_changed_at = models.DateTimeField(
        "English changed since this translation's approval", null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = "clinical review"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="clinicalreview_one_per_item_language",
            ),
        ]
        indexes = [models.Index(fields=["state"])]

    def __str__(self):
        return f"{self.content_type.name} {self.object_id}: {self.get_state_display()}"

    @property
    def has_pending_version(self):
        return self.pending_data is not None

    @property
    def is_locked(self):
        return self.state == self.State.IN_REVIEW


class SignOff(models.Model):
    """One act in the clinical record: an approval, a request for changes or an override.

    Kept for the college or an audit: who, when, which version (django-reversion's
    ``Version``), the text's fingerprint and the note. Never edited or deleted.
    """

    class Action(models.TextChoices):
        APPROVED = "approved", "Approved"
        CONFIRMED = "confirmed", "Reviewed, no change needed"
        CHANGES_REQUESTED = "changes", "Changes requested"
        OVERRIDE = "override", "Published under urgent override"

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField("item", max_length=250)
    action = models.CharField(max_length=10, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer = models.ForeignKey(
        Reviewer,
        verbose_name="clinician",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sign_offs",
    )
    # The name and credentials as they were on the day, whatever changes later.
    reviewer_name = models.CharField(max_length=120, blank=True)
    reviewer_credentials = models.CharField(max_length=200, blank=True)
    reviewer_registration = models.CharField(max_length=250, blank=True)
    version = models.ForeignKey(
        "reversion.Version",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text_hash = models.CharField("fingerprint of the text", max_length=64)
    note = models.TextField(blank=True)
    single_clinician = models.BooleanField(
        "approved own change (single-clinician clinic)", default=False
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Which text was signed off: the English item ("en") or one of its translations.
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, default="en", editable=False
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "clinical sign-off"
        permissions = [
            ("sign_off_content", "Can approve medical content or ask for changes"),
            ("override_sign_off", "Can publish medical content without approval (urgent)"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"])]

    def __str__(self):
        return f"{self.get_action_display()}: {self.object_repr}"

    @property
    def reviewed_on(self):
        return timezone.localdate(self.created_at)

    @property
    def is_approval(self):
        return self.action in (self.Action.APPROVED, self.Action.CONFIRMED)
