from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


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
    reason = models.CharField(max_length=20, choices=Reason.choices)
    level = models.CharField(
        max_length=10, choices=Level.choices, default=Level.NONE, db_index=True
    )
    note = models.TextField(blank=True, max_length=2000)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(null=True, blank=True)

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
    ends_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return f"{self.member} until {self.ends_at:%Y-%m-%d}"
