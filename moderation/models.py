from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Report.Status.OPEN)

    def with_urgency(self):
        return self.annotate(
            urgency=models.Case(
                models.When(level=Report.Level.CRISIS, then=0),
                models.When(level=Report.Level.EMERGENCY, then=1),
                default=2,
            )
        )

    def in_queue_order(self):
        """Crisis, then emergency flags first; within each, the oldest first."""
        return self.with_urgency().order_by("urgency", "created_at", "pk")


class Report(models.Model):
    """A member's report on any piece of content, or an automatic safety flag."""

    class Reason(models.TextChoices):
        SPAM = "spam", "Spam"
        ABUSE = "abuse", "Abuse or harassment"
        MISINFORMATION = "misinformation", "Medical misinformation"
        PERSONAL_INFO = "personal_info", "Personal information"
        SAFETY = "safety", "Safety flag: mentions warning signs"
        OTHER = "other", "Other"

    class Level(models.TextChoices):
        """How urgent a safety flag is; member reports carry NONE."""

        CRISIS = "crisis", "Crisis: risk to the member's life"
        EMERGENCY = "emergency", "Medical emergency"
        SIGN = "sign", "Warning sign"
        NONE = "none", "None"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved: content hidden"
        DISMISSED = "dismissed", "Dismissed"
        ACKNOWLEDGED = "acknowledged", "Acknowledged (safety flag)"

    class Acknowledgement(models.TextChoices):
        CONTACTED = "contacted", "Contacted the member"
        NO_RISK = "no_risk", "No risk"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports_made",
        help_text="Empty for automatic flags.",
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports_received",
        help_text="Who wrote the reported content.",
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    level = models.CharField(
        max_length=10, choices=Level.choices, default=Level.NONE, db_index=True
    )
    note = models.TextField(blank=True, max_length=2000)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    acknowledgement = models.CharField(
        max_length=10, choices=Acknowledgement.choices, blank=True, editable=False
    )
    alerted_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When moderators were last alerted."
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="report_target")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                condition=models.Q(status="open"),
                name="one_open_report_per_member",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on {self.content_type.name} #{self.object_id}"

    @property
    def is_urgent(self) -> bool:
        return self.level in URGENT_LEVELS

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


URGENT_LEVELS = (Report.Level.CRISIS, Report.Level.EMERGENCY)


class ModerationLogEntry(models.Model):
    """Who did what to which content, when and why. Written, never edited."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions",
    )
    action = models.CharField(max_length=40, db_index=True)
    content_type = models.ForeignKey(ContentType, null=True, on_delete=models.SET_NULL)
    object_id = models.PositiveBigIntegerField(null=True)
    target = GenericForeignKey("content_type", "object_id")
    target_repr = models.CharField("content", max_length=300)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Whose content or account it was.",
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "moderation log"
        permissions = [("moderate_content", "Can moderate member content")]

    def __str__(self) -> str:
        return f"{self.actor} {self.action} {self.target_repr}"


class Suspension(models.Model):
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suspensions"
    )
    reason = models.TextField(help_text="Shown to the member.")
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(help_text="Far in the future for an indefinite suspension.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return f"{self.member} until {self.ends_at:%Y-%m-%d}"


class OnDuty(models.Model):
    """A moderator who is watching the queue now: safety alerts go to them first."""

    moderator = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_duty"
    )
    since = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["since"]
        verbose_name_plural = "on duty"

    def __str__(self) -> str:
        return f"{self.moderator} on duty since {self.since:%Y-%m-%d %H:%M}"
