from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from moderation import log_text


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
        SPAM = "spam", _("Spam")
        ABUSE = "abuse", _("Abuse or harassment")
        MISINFORMATION = "misinformation", _("Medical misinformation")
        PERSONAL_INFO = "personal_info", _("Personal information")
        SAFETY = "safety", _("Safety flag: mentions warning signs")
        OTHER = "other", _("Other")

    class Level(models.TextChoices):
        """How urgent a safety flag is; member reports carry NONE."""

        CRISIS = "crisis", _("Crisis: risk to the member's life")
        EMERGENCY = "emergency", _("Medical emergency")
        SIGN = "sign", _("Warning sign")
        NONE = "none", _("None")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("report status", "Open")
        RESOLVED = "resolved", _("Resolved: content hidden")
        DISMISSED = "dismissed", _("Dismissed")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged (safety flag)")

    class Acknowledgement(models.TextChoices):
        CONTACTED = "contacted", _("Contacted the member")
        NO_RISK = "no_risk", _("No risk")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of content")
    )
    object_id = models.PositiveBigIntegerField(_("content ID"))
    target = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports_made",
        verbose_name=_("reporter"),
        help_text=_("Empty for automatic flags."),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports_received",
        verbose_name=_("member"),
        help_text=_("Who wrote the reported content."),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    level = models.CharField(
        _("level"), max_length=10, choices=Level.choices, default=Level.NONE, db_index=True
    )
    note = models.TextField(_("note"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    acknowledgement = models.CharField(
        _("acknowledgement"), max_length=10, choices=Acknowledgement.choices, blank=True,
        editable=False,
    )  # fmt: skip
    alerted_at = models.DateTimeField(
        _("alerted at"), null=True, blank=True, editable=False,
        help_text=_("When moderators were last alerted."),
    )  # fmt: skip
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [models.Index(fields=["content_type", "object_id"], name="report_target")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                condition=models.Q(status="open"),
                name="one_open_report_per_member",
            )
        ]

    def __str__(self) -> str:
        return gettext("%(reason)s on %(kind)s #%(id)s") % {
            "reason": self.get_reason_display(),
            "kind": self.content_type.name,
            "id": self.object_id,
        }

    @property
    def is_urgent(self) -> bool:
        return self.level in URGENT_LEVELS

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


URGENT_LEVELS = (Report.Level.CRISIS, Report.Level.EMERGENCY)


class ModerationLogEntry(models.Model):
    """Who did what to which content, when and why. Written, never edited.

    `action` is a code shown by its label in the reader's language; `note` is what the
    moderator wrote, as written; what the code adds on its own (where the action came from,
    the report's reason, the forums a thread moved between) is `params`, worded when read
    (`note_text`, moderation.log_text)."""

    class Action(models.TextChoices):
        # The codes are the English phrases the log always stored, so old rows, filters
        # and links keep working.
        HIDE = "hide", _("hide")
        RESTORE = "restore", _("restore")
        APPROVE = "approve", _("approve (held for review)")
        REJECT = "reject", _("reject (held for review)")
        DELETE = "delete", _("delete (by the author)")
        LOCK = "lock", _("lock")
        UNLOCK = "unlock", _("unlock")
        PIN = "pin", _("pin")
        UNPIN = "unpin", _("unpin")
        MOVE = "move", _("move")
        MAKE_MEMBERS_ONLY = "make members-only", _("make members-only")
        MAKE_PUBLIC = "make public", _("make public")
        DISMISS_REPORTS = "dismiss reports", _("dismiss reports")
        ACKNOWLEDGE_CRISIS = "acknowledge crisis flag", _("acknowledge crisis flag")
        ACKNOWLEDGE_EMERGENCY = "acknowledge emergency flag", _("acknowledge emergency flag")
        ACKNOWLEDGE_SIGN = "acknowledge sign flag", _("acknowledge warning sign flag")
        SUSPEND = "suspend", _("suspend")
        LIFT_SUSPENSION = "lift suspension", _("lift suspension")
        APPROVE_NOMINATION = "approve nomination", _("approve nomination")
        REJECT_NOMINATION = "reject nomination", _("reject nomination")
        MARK_NOMINATION_DUPLICATE = "mark nomination duplicate", _("mark nomination duplicate")
        VERIFY_SURGEON = "verify surgeon", _("verify surgeon")
        REJECT_VERIFICATION = "reject verification", _("reject verification")
        MARK_CLINICIAN_ANSWER = "mark clinician answer", _("mark clinician answer")
        UNMARK_CLINICIAN_ANSWER = "unmark clinician answer", _("unmark clinician answer")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions",
        verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=40, choices=Action, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, on_delete=models.SET_NULL, verbose_name=_("kind of content")
    )
    object_id = models.PositiveBigIntegerField(_("content ID"), null=True)
    target = GenericForeignKey("content_type", "object_id")
    target_repr = models.CharField(_("content"), max_length=300)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("member"),
        help_text=_("Whose content or account it was."),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("As the moderator wrote it."))
    params = models.JSONField(_("details"), default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        permissions = [("moderate_content", "Can moderate member content")]

    def __str__(self) -> str:
        return f"{self.actor} {self.get_action_display()} {self.target_repr}"

    @property
    def note_text(self) -> str:
        """The automatic details and the moderator's note, in the active language."""
        return log_text.render(
            self.params, self.note, reasons=Report.Reason, outcomes=Report.Acknowledgement
        )


class Suspension(models.Model):
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suspensions",
        verbose_name=_("member"),
    )  # fmt: skip
    reason = models.TextField(_("reason"), help_text=_("Shown to the member."))
    starts_at = models.DateTimeField(_("starts at"), default=timezone.now)
    ends_at = models.DateTimeField(
        _("ends at"), help_text=_("Far in the future for an indefinite suspension.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("created by"),
    )  # fmt: skip
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")

    def __str__(self) -> str:
        return gettext("%(member)s until %(date)s") % {
            "member": self.member,
            "date": f"{self.ends_at:%Y-%m-%d}",
        }


class OnDuty(models.Model):
    """A moderator who is watching the queue now: safety alerts go to them first."""

    moderator = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_duty",
        verbose_name=_("moderator"),
    )  # fmt: skip
    since = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        ordering = ["since"]
        verbose_name = _("moderator on duty")
        verbose_name_plural = _("on duty")

    def __str__(self) -> str:
        return gettext("%(moderator)s on duty since %(since)s") % {
            "moderator": self.moderator,
            "since": f"{self.since:%Y-%m-%d %H:%M}",
        }
