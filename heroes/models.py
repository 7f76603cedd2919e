import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from articles.models import Article
from core.markdown import render_markdown
from core.models import SitePage
from core.roles import is_moderator, is_staff_member
from heroes.links import local_path, name_key, validate_own_site_url

STORY_MIN_LENGTH = 200
STORY_MAX_LENGTH = 5000
PHOTO_MAX_BYTES = 5 * 1024 * 1024


def validate_photo_size(photo) -> None:
    """Checked on upload only: a stored file is not re-read on every save."""
    if photo and not getattr(photo, "_committed", True) and photo.size > PHOTO_MAX_BYTES:
        raise ValidationError(_("The photo must be 5 MB or smaller."))


class HeroQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Hero.Status.PUBLISHED)

    def for_public_display(self):
        """Published heroes, featured first, then the most recently published."""
        return self.published().order_by("-is_featured", "-published_at", "pk")

    def visible_to(self, user):
        """Editors and moderators also see drafts; everyone else sees published heroes."""
        return self if is_staff_member(user) else self.published()

    def for_article(self, article):
        """Published heroes linked to an article's procedure or to its body part."""
        linked = Q(procedures__in=article.family().values("pk")) | Q(
            body_part_id=article.body_part_id
        )
        ids = self.published().filter(linked).values("pk")
        return self.filter(pk__in=ids).order_by("-is_featured", "-published_at", "pk")


class Hero(models.Model):
    """A surgeon patients admire. Public only once published."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    honorific = models.CharField(
        _("honorific"), max_length=20, blank=True, help_text=_("e.g. Dr. or Prof.")
    )
    name = models.CharField(_("name"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    slug = models.SlugField(max_length=200, unique=True)
    specialty = models.CharField(_("specialty"), max_length=200, blank=True)
    practice = models.CharField(_("practice or hospital"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    photo = models.ImageField(
        _("photo"),
        upload_to="heroes/photos/",
        blank=True,
        validators=[validate_photo_size],
        help_text=_(
            "Stored on this site. JPEG, PNG or WebP, 5 MB at most; only with the "
            "surgeon's permission."
        ),
    )
    photo_alt = models.CharField(
        _("photo description"), max_length=250, blank=True, help_text=_("Required with a photo.")
    )
    bio = models.TextField(
        _("biography"), blank=True, help_text=_("Markdown. Only facts the surgeon agreed to.")
    )
    bio_html = models.TextField(editable=False, blank=True)
    featured_title = models.CharField(_("featured piece"), max_length=200, blank=True)
    featured_url = models.CharField(
        _("featured piece link"),
        max_length=500,
        blank=True,
        validators=[validate_own_site_url],
        help_text=_("An article, video or blog post on this site, e.g. /videos/knee-interview/."),
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hero_profiles",
        limit_choices_to={"is_verified_surgeon": True},
        verbose_name=_("account"),
        help_text=_("The surgeon's own account, once verified: shows the verified badge."),
    )
    body_part = models.ForeignKey(
        "articles.BodyPart",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="heroes",
        verbose_name=_("body part"),
    )
    procedures = models.ManyToManyField(
        "articles.Article", blank=True, related_name="heroes", verbose_name=_("procedures")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Shown on the home page.")
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["name_key", "bio_html"])

    objects = HeroQuerySet.as_manager()

    class Meta:
        ordering = ["-is_featured", "-published_at", "pk"]
        verbose_name = _("hero")
        verbose_name_plural = _("heroes")
        indexes = [
            models.Index(fields=["status", "is_featured", "published_at"], name="hero_display")
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        self.bio_html = render_markdown(self.bio)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("heroes:detail", args=[self.slug])

    def clean(self):
        if self.photo and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": _("Describe the photo for people who can't see it.")}
            )
        if self.featured_url and not self.featured_title.strip():
            raise ValidationError({"featured_title": _("Give the featured piece a title.")})

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}".strip()

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def featured_link(self) -> str:
        """Where the featured piece's title links: its page on our site, or "" when it is not
        online here (the title is then shown as such, not as a link to the hero's own page)."""
        return local_path(self.featured_url)

    @property
    def place(self) -> str:
        return ", ".join(part for part in (self.practice, self.city, self.country) if part)

    @property
    def verified_account(self):
        """The linked account while it is an open, verified surgeon's (for the badge)."""
        account = self.account
        if account is None or account.deleted_at or not account.is_verified_surgeon:
            return None
        return account

    def publish(self) -> None:
        self.status = self.Status.PUBLISHED
        self.save()

    def unpublish(self) -> None:
        self.status = self.Status.DRAFT
        self.save(update_fields=["status", "updated_at"])

    # The moderation protocol (moderation.registry): hiding a reported hero page
    # unpublishes it, e.g. while a surgeon's removal request is handled.
    is_deleted = False

    @property
    def is_hidden(self) -> bool:
        return not self.is_published

    def hide(self, *, by, note: str = "") -> None:
        self.unpublish()

    def restore(self, *, by, note: str = "") -> None:
        self.publish()


class NominationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Nomination.Status.PENDING)

    def visible_to(self, user):
        """Pre-moderated: a nomination is seen only by its nominator and by moderators."""
        if is_moderator(user):
            return self
        if user.is_authenticated:
            return self.filter(nominator=user)
        return self.none()

    def published_stories(self):
        """Approved stories whose nominators agreed to publish them (and not hidden)."""
        return self.filter(
            status=Nomination.Status.APPROVED, may_publish_story=True, is_story_hidden=False
        )

    def for_surgeon(self, *, key: str, hero=None):
        same = Q(surgeon_key=key)
        if hero is not None:
            same |= Q(hero=hero)
        return self.filter(same)


class Nomination(models.Model):
    """A member's nomination of a surgeon, with their story. Pre-moderated."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")
        DUPLICATE = "duplicate", _("Duplicate")

    class Relationship(models.TextChoices):
        PATIENT = "patient", _("Patient")
        FAMILY = "family", _("Family member of a patient")
        CARER = "carer", _("Carer of a patient")
        COLLEAGUE = "colleague", _("Colleague")

    nominator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="hero_nominations"
    )
    hero = models.ForeignKey(
        Hero,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("hero"),
        help_text=_("The hero nominated, or the hero an approval linked or created."),
    )
    surgeon_name = models.CharField(_("the surgeon's name"), max_length=200, blank=True)
    surgeon_specialty = models.CharField(_("specialty"), max_length=200, blank=True)
    surgeon_practice = models.CharField(_("practice or hospital"), max_length=200, blank=True)
    surgeon_city = models.CharField(_("city"), max_length=100, blank=True)
    surgeon_key = models.CharField(max_length=200, editable=False, db_index=True)
    relationship = models.CharField(
        _("your relationship"), max_length=10, choices=Relationship.choices
    )
    procedure = models.ForeignKey(
        "articles.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hero_nominations",
        verbose_name=_("procedure"),
    )
    story = models.TextField(
        _("your story"),
        validators=[MinLengthValidator(STORY_MIN_LENGTH)],
        max_length=STORY_MAX_LENGTH,
    )
    story_html = models.TextField(editable=False, blank=True)
    is_story_hidden = models.BooleanField(
        _("story hidden by a moderator"), default=False, editable=False
    )
    may_publish_story = models.BooleanField(_("publish my story on the hero page"), default=False)
    consent_to_policy = models.BooleanField(_("I agree to the hero policy"), default=False)
    # The form's one-time token (core.forms.FormTokenMixin): a double submit finds this row.
    form_token = models.UUIDField(default=uuid.uuid4, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(
        _("sent at"), default=timezone.now, editable=False, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    decision_reason = models.TextField(blank=True, editable=False)
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        editable=False,
    )

    objects = NominationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        indexes = [models.Index(fields=["nominator", "created_at"], name="nomination_recent")]
        constraints = [
            models.CheckConstraint(condition=Q(consent_to_policy=True), name="nomination_consent"),
            models.CheckConstraint(
                condition=Q(hero__isnull=False) | ~Q(surgeon_name=""), name="nomination_nominee"
            ),
            models.UniqueConstraint(
                fields=["nominator", "form_token"], name="nomination_once_per_submit"
            ),
            models.UniqueConstraint(
                fields=["nominator", "surgeon_key"],
                condition=Q(status="pending"),
                name="nomination_one_pending_per_surgeon",
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(nominee)s, nominated by %(nominator)s") % {
            "nominee": self.nominee_name,
            "nominator": self.nominator,
        }

    def save(self, *args, **kwargs):
        if self.surgeon_name:
            self.surgeon_key = name_key(self.surgeon_name)
        elif self.hero_id:
            self.surgeon_key = self.hero.name_key
        self.story_html = render_markdown(self.story)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """Where the story shows: on the hero's page (reports link here)."""
        if self.hero_id:
            return f"{self.hero.get_absolute_url()}#story-{self.pk}"
        return reverse("heroes:nomination_list")

    @property
    def decision_text(self) -> str:
        """Why it was decided so, as the nominator reads it: the moderator's own words, or for
        a duplicate (decided without a reason written) our sentence in the reader's language."""
        if self.decision_reason:
            return self.decision_reason
        if self.status == self.Status.DUPLICATE:
            return gettext("It repeats an earlier nomination of the same surgeon.")
        return ""

    @property
    def nominee_name(self) -> str:
        """The surgeon as the nominator named them (or the hero they picked)."""
        return self.surgeon_name or (self.hero.display_name if self.hero_id else "")

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    # The moderation protocol (moderation.registry): hiding a reported story takes it off
    # the hero page; the nomination itself (a pre-moderated decision) is untouched.
    is_deleted = False

    @property
    def is_hidden(self) -> bool:
        return self.is_story_hidden

    def hide(self, *, by, note: str = "") -> None:
        self.is_story_hidden = True
        self.save(update_fields=["is_story_hidden"])

    def restore(self, *, by, note: str = "") -> None:
        self.is_story_hidden = False
        self.save(update_fields=["is_story_hidden"])

    @property
    def public_hero(self):
        """The hero this nomination is about, when readers may open its page."""
        hero = self.hero
        return hero if hero is not None and hero.is_published else None

    @property
    def public_procedure(self):
        """The procedure article, when readers may open it."""
        procedure = self.procedure
        return (
            procedure
            if procedure is not None and procedure.status == Article.Status.PUBLISHED
            else None
        )


class HeroPolicy(SitePage):
    """The hero policy as moderators edit it in the admin: the site page with the slug
    "hero-policy". A proxy, so the text and its history stay in `portal.SitePage`, and
    moderators get permission to edit this page only, not every site page."""

    class Meta:
        proxy = True
        verbose_name = _("hero policy")
        verbose_name_plural = _("hero policy")


# django-simple-history keeps the history on SitePage; let the proxy's admin find it.
HeroPolicy._meta.simple_history_manager_attribute = "history"
