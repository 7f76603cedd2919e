"""Moderation workflows shared by the admin, the site's moderator buttons and the content apps."""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from moderation.models import ModerationLogEntry, Report, Suspension


def log_action(*, actor, action: str, target, note: str = "") -> ModerationLogEntry:
    return ModerationLogEntry.objects.create(
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(target) if target is not None else None,
        object_id=getattr(target, "pk", None),
        target_repr=str(target)[:300],
        note=note,
    )


def report_content(*, target, reporter, reason: str, note: str = "") -> Report:
    """File a report; a member's second open report on the same item returns the first."""
    content_type = ContentType.objects.get_for_model(target)
    try:
        with transaction.atomic():
            return Report.objects.create(
                content_type=content_type, object_id=target.pk, reporter=reporter,
                reason=reason, note=note,
            )  # fmt: skip
    except IntegrityError:
        return Report.objects.get(
            content_type=content_type, object_id=target.pk, reporter=reporter,
            status=Report.Status.OPEN,
        )  # fmt: skip


def flag_for_safety(*, target, note: str, level: str = Report.Level.SIGN) -> Report:
    """An automatic flag (no reporter) so a moderator takes a look; never blocks posting."""
    return Report.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        reason=Report.Reason.SAFETY,
        level=level,
        note=note,
    )


def _close_reports(target, *, moderator, status: str) -> int:
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        status=Report.Status.OPEN,
    ).update(status=status, handled_by=moderator, handled_at=timezone.now())


def hide_reported(*, report: Report, moderator, note: str = "") -> None:
    with transaction.atomic():
        target = report.target
        if target is not None and not target.is_hidden:
            target.hide(by=moderator, note=note or f"Reported: {report.get_reason_display()}")
        if target is not None:
            _close_reports(target, moderator=moderator, status=Report.Status.RESOLVED)


def restore_reported(*, report: Report, moderator, note: str = "") -> None:
    with transaction.atomic():
        target = report.target
        if target is not None and target.is_hidden:
            target.restore(by=moderator, note=note)
        if target is not None:
            _close_reports(target, moderator=moderator, status=Report.Status.DISMISSED)


def dismiss_report(*, report: Report, moderator) -> None:
    with transaction.atomic():
        target = report.target
        if target is not None:
            _close_reports(target, moderator=moderator, status=Report.Status.DISMISSED)
        log_action(actor=moderator, action="dismiss reports", target=target or report)


def suspend_member(*, member, moderator, ends_at, reason: str) -> Suspension:
    with transaction.atomic():
        suspension = Suspension.objects.create(
            member=member, reason=reason, ends_at=ends_at, created_by=moderator
        )
        member.suspended_until = ends_at
        member.suspension_reason = reason
        member.save(update_fields=["suspended_until", "suspension_reason"])
        log_action(actor=moderator, action="suspend", target=member, note=reason)
    return suspension


def lift_suspension(*, member, moderator, note: str = "") -> None:
    with transaction.atomic():
        member.suspensions.filter(lifted_at__isnull=True).update(lifted_at=timezone.now())
        member.suspended_until = None
        member.suspension_reason = ""
        member.save(update_fields=["suspended_until", "suspension_reason"])
        log_action(actor=moderator, action="lift suspension", target=member, note=note)
