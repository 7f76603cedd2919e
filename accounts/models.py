from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.notification_text import render
from accounts.time_zones import validate_time_zone
from accounts.validators import username_validators
from core.languages import localized_url

COUNTRY_CODE = RegexValidator(r"^[A-Z]{2}\Z", _("Two capital letters, such as ES, MX or US."))
# What other visitors see of a member (their name, badge, profile): a change to one of these
# bumps the member's version (accounts.caching); a sign-in or a password change does not.
PUBLIC_PROFILE_FIELDS = (
    "username", "bio", "is_verified_surgeon", "verified_name", "deleted_at", "is_active",
)  # fmt: skip
# What decides a member's powers besides their groups (core.roles caches them).
ROLE_FIELDS = ("is_active", "is_superuser", "is_staff")


class User(AbstractUser):
    """A member. The username is the public pseudonym; the email is never shown to others."""

    class EmailNotifications(models.TextChoices):
        OFF = "off", _("Off")
        EACH = "each", _("An email for each notification")
        DIGEST = "digest", _("A daily digest")

    username = models.CharField(
        _("pseudonym"),
        max_length=40,
        unique=True,
        validators=username_validators,
        help_text=_("Shown publicly. Letters, digits and @/./+/-/_ only."),
        error_messages={"unique": _("That pseudonym is taken.")},
    )
    bio = models.TextField(_("about me"), blank=True, max_length=2000)
    is_verified_surgeon = models.BooleanField(
        _("verified surgeon"),
        default=False,
        help_text=_("Set by verifying a surgeon request; shows a badge."),
    )
    verified_name = models.CharField(
        _("verified name"), max_length=200, blank=True, editable=False,
        help_text=_("The verified surgeon's full name, shown with the badge."),
    )  # fmt: skip
    email_notifications = models.CharField(
        _("email notifications"),
        max_length=10,
        choices=EmailNotifications.choices,
        default=EmailNotifications.EACH,
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, blank=True, validators=[validate_time_zone],
        help_text=_("Times on the site are shown in this zone. Empty: the site's (UTC)."),
    )  # fmt: skip
    language = models.CharField(
        _("language"), max_length=8, blank=True, choices=settings.LANGUAGES,
        help_text=_("The site, emails and notifications are in this language."),
    )  # fmt: skip
    # ISO 3166 code (ES, MX, US…): which crisis lines are shown first. Empty: all of the
    # language's lines. Never looked up from the address.
    country = models.CharField(_("country"), max_length=2, blank=True, validators=[COUNTRY_CODE])
    suspended_until = models.DateTimeField(null=True, blank=True, editable=False)
    suspension_reason = models.TextField(blank=True, editable=False)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    # The bell's number, kept with the notifications (accounts.notifications), not counted.
    unread_notifications = models.PositiveIntegerField(default=0, editable=False)
    # What the member agreed to at sign-up, and when (accounts.forms.SignupForm).
    terms_accepted_at = models.DateTimeField(null=True, blank=True, editable=False)
    guidelines_accepted_at = models.DateTimeField(null=True, blank=True, editable=False)
    age_confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.public_name

    @classmethod
    def from_db(cls, db, field_names, values):
        user = super().from_db(db, field_names, values)
        user.loaded_public_profile = user.public_profile()
        return user

    def public_profile(self) -> dict:
        """The public and role fields as loaded (deferred ones are left out, not fetched)."""
        fields = (*PUBLIC_PROFILE_FIELDS, *ROLE_FIELDS)
        return {name: self.__dict__[name] for name in fields if name in self.__dict__}

    @property
    def public_name(self) -> str:
        return gettext("deleted member") if self.deleted_at else self.username

    @property
    def is_suspended(self) -> bool:
        return bool(self.suspended_until and self.suspended_until > timezone.now())

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile", args=[self.username])


class SurgeonVerification(models.Model):
    """A surgeon's request to be verified; the licence number is for moderators only."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="surgeon_verification")
    full_name = models.CharField(_("full name"), max_length=200)
    specialty = models.CharField(_("specialty"), max_length=200)
    practice = models.CharField(_("practice or hospital"), max_length=200)
    regulator = models.CharField(
        _("regulator"),
        max_length=200,
        blank=True,
        help_text=_("e.g. General Medical Council (UK), a state medical board"),
    )
    licence_number = models.CharField(_("registration number"), max_length=100)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    requested_at = models.DateTimeField(default=timezone.now, editable=False)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("surgeon verification")
        verbose_name_plural = _("surgeon verifications")

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_status_display()})"


class Notification(models.Model):
    """Something a member should know about: a reply, a mention, a decision."""

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=40)
    # What the sentence needs (titles, names, an outcome): the sentence itself is rendered
    # in the reader's language (accounts.notifications.render), never stored.
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.message

    @property
    def message(self) -> str:
        """The sentence in the active language."""
        return render(self)

    @property
    def link(self) -> str:
        """Its page in the active language."""
        return localized_url(self.url)


class Block(models.Model):
    """`blocker` hears nothing from `blocked`: no messages, mentions or notifications."""

    blocker = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_made")
    blocked = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="one_block_per_pair"),
            models.CheckConstraint(
                condition=~models.Q(blocker=models.F("blocked")), name="no_self_block"
            ),
        ]
        verbose_name = _("block")
        verbose_name_plural = _("blocks")

    def __str__(self) -> str:
        return gettext("%(blocker)s blocks %(blocked)s") % {
            "blocker": self.blocker,
            "blocked": self.blocked,
        }


class PrivateDataAccess(models.Model):
    """Staff looked at a member's private data (recovery records, a registration number,
    a reported private message). Written by `accounts.access_log`, never edited."""

    viewer = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="private_data_views"
    )
    owner = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="private_data_viewed"
    )
    what = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("private data access")
        verbose_name_plural = _("private data accesses")

    def __str__(self) -> str:
        return gettext("%(viewer)s viewed %(what)s") % {"viewer": self.viewer, "what": self.what}
