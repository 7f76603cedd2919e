"""Moderation workflows shared by the admin, the site's moderator buttons and the content apps.

Every state change on member content goes through `hide`, `restore` or `delete_by_author`
here, which call the model's verb (the protocol in `moderation.registry`) and write the
moderation log in the same transaction.
"""

import datetime
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.suspension import INDEFINITE
from core import queueing
from moderation import tasks
from moderation.models import ModerationLogEntry, Report, Suspension
from moderation.registry import content_author, rules_for

Action = ModerationLogEntry.Action
ACKNOWLEDGE = {
    Report.Level.CRISIS: Action.ACKNOWLEDGE_CRISIS,
    Report.Level.EMERGENCY: Action.ACKNOWLEDGE_EMERGENCY,
    Report.Level.SIGN: Action.ACKNOWLEDGE_SIGN,
}


class ModerationRefused(Exception):
    """The change is not allowed on this content (the message says why)."""


def log_action(
    *, actor, action: str, target, note: str = "", member=None, params: dict | None = None
) -> ModerationLogEntry:
    """`action` is a ModerationLogEntry.Action; `note` what the moderator wrote; `params`
    the facts the code adds, worded for each reader (moderation.log_text)."""
    return ModerationLogEntry.objects.create(
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(target) if target is not None else None,
        object_id=getattr(target, "pk", None),
        target_repr=str(target)[:300],
        member=member or (content_author(target) if target is not None else None),
        note=note,
        params=dict(params or {}),
    )


def hide(*, target, moderator, note: str = "", params: dict | None = None) -> bool:
    """Hide `target` (any registered model); False when it was hidden already."""
    if target.is_hidden:
        return False
    with transaction.atomic():
        target.hide(by=moderator, note=note)
        log_action(actor=moderator, action=Action.HIDE, target=target, note=note, params=params)
    return True


def restore(*, target, moderator, note: str = "") -> bool:
    """Show hidden content again. What its author deleted stays deleted: that is the
    author's right, and a moderator cannot undo it."""
    if target.is_deleted:
        raise ModerationRefused(_("Its author deleted it: a moderator cannot restore it."))
    if not target.is_hidden:
        return False
    with transaction.atomic():
        target.restore(by=moderator, note=note)
        log_action(actor=moderator, action=Action.RESTORE, target=target, note=note)
    return True


def approve(*, target, moderator, note: str = "") -> bool:
    """Publish content held for review; False when it is not held (any more)."""
    return _decide_held(target, moderator, note, Action.APPROVE)


def reject(*, target, moderator, note: str = "") -> bool:
    """Refuse content held for review: it stays hidden, and its author reads the note."""
    return _decide_held(target, moderator, note, Action.REJECT)


def _decide_held(target, moderator, note: str, decision: str) -> bool:
    rules = rules_for(type(target))
    if rules is None or rules.on_approved is None:
        raise ModerationRefused(_("This kind of content is never held for review."))
    with transaction.atomic():
        target = type(target).objects.select_for_update().get(pk=target.pk)
        if not target.is_held:
            return False
        getattr(target, decision)(by=moderator, note=note)
        log_action(actor=moderator, action=decision, target=target, note=note)
        follow_up = rules.on_approved if decision == Action.APPROVE else rules.on_rejected
        if follow_up is not None:
            follow_up(target)
    return True


def delete_by_author(*, target, author) -> None:
    with transaction.atomic():
        target.delete_by_author(by=author)
        log_action(actor=author, action=Action.DELETE, target=target)


def lock(*, target, moderator) -> None:
    """Lock the discussion `target` belongs to (a forum thread), where its app allows it."""
    rules = rules_for(type(target))
    if rules is None or rules.lock is None:
        raise ModerationRefused(_("This kind of content has no discussion to lock."))
    rules.lock(target, moderator)


def _set_members_only(target, *, moderator, value: bool, action: str, note: str, params) -> bool:
    rules = rules_for(type(target))
    if rules is None or rules.set_members_only is None:
        raise ModerationRefused(_("This kind of content cannot be made members-only."))
    with transaction.atomic():
        changed = rules.set_members_only(target, value)
        if changed is None:
            return False
        log_action(actor=moderator, action=action, target=changed, note=note, params=params)
    return True


def make_members_only(*, target, moderator, note: str = "", params: dict | None = None) -> bool:
    """The crisis action: the discussion `target` belongs to (a forum thread) is for signed-in
    members only from now on; False when it was already."""
    return _set_members_only(target, moderator=moderator, value=True,
                             action=Action.MAKE_MEMBERS_ONLY, note=note, params=params)  # fmt: skip


def make_public(*, target, moderator, note: str = "", params: dict | None = None) -> bool:
    return _set_members_only(target, moderator=moderator, value=False,
                             action=Action.MAKE_PUBLIC, note=note, params=params)  # fmt: skip


def report_content(*, target, reporter, reason: str, note: str = "") -> Report:
    """File a report; a member's second open report on the same item returns the first."""
    content_type = ContentType.objects.get_for_model(target)
    try:
        with transaction.atomic():
            return Report.objects.create(
                content_type=content_type, object_id=target.pk, reporter=reporter,
                member=content_author(target), reason=reason, note=note,
            )  # fmt: skip
    except IntegrityError:
        return Report.objects.get(
            content_type=content_type, object_id=target.pk, reporter=reporter,
            status=Report.Status.OPEN,
        )  # fmt: skip


def flag_for_safety(*, target, note: str, level: str = Report.Level.SIGN) -> Report:
    """An automatic flag (no reporter) so a moderator takes a look; never blocks posting.
    Crisis and emergency flags alert the moderators once the posting transaction commits."""
    report = Report.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        member=content_author(target),
        reason=Report.Reason.SAFETY,
        level=level,
        note=note,
    )
    if report.is_urgent:
        transaction.on_commit(partial(queueing.enqueue, tasks.alert_moderators, report.pk))
    return report


def unacknowledged_crisis_flags(*, older_than: datetime.timedelta):
    """Open crisis flags whose last alert is older than `older_than`: alert again."""
    return Report.objects.open().filter(
        level=Report.Level.CRISIS, alerted_at__lte=timezone.now() - older_than
    )


def acknowledge(*, report: Report, moderator, outcome: str, note: str = "") -> None:
    """A moderator handled a safety flag ("contacted the member", "no risk"): the flag
    leaves the queue and the log shows who handled it and when."""
    if report.reason != Report.Reason.SAFETY:
        raise ModerationRefused(_("Only safety flags are acknowledged."))
    with transaction.atomic():
        report.status = Report.Status.ACKNOWLEDGED
        report.acknowledgement = outcome
        report.handled_by = moderator
        report.handled_at = timezone.now()
        report.save(update_fields=["status", "acknowledgement", "handled_by", "handled_at"])
        log_action(actor=moderator, action=ACKNOWLEDGE.get(report.level, Action.ACKNOWLEDGE_SIGN),
                   target=report.target or report, note=note.strip(),
                   params={"outcome": outcome})  # fmt: skip


def _close_reports(target, *, moderator, status: str) -> int:
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        status=Report.Status.OPEN,
    ).update(status=status, handled_by=moderator, handled_at=timezone.now())


def hide_reported(*, report: Report, moderator, note: str = "") -> None:
    with transaction.atomic():
        target = report.target
        if target is not None:
            hide(target=target, moderator=moderator, note=note,
                 params={"reason": report.reason})  # fmt: skip
            _close_reports(target, moderator=moderator, status=Report.Status.RESOLVED)


def restore_reported(*, report: Report, moderator, note: str = "") -> None:
    with transaction.atomic():
        target = report.target
        if target is not None:
            restore(target=target, moderator=moderator, note=note)
            _close_reports(target, moderator=moderator, status=Report.Status.DISMISSED)


def dismiss_report(*, report: Report, moderator) -> None:
    with transaction.atomic():
        target = report.target
        if target is not None:
            _close_reports(target, moderator=moderator, status=Report.Status.DISMISSED)
        log_action(actor=moderator, action=Action.DISMISS_REPORTS, target=target or report)


# The suspension presets moderators choose from: days, or None for "until lifted".
SUSPENSION_PRESETS = {"1": 1, "7": 7, "30": 30, "indefinite": None}


def suspension_end(preset: str, *, now=None) -> datetime.datetime:
    days = SUSPENSION_PRESETS[preset]
    return INDEFINITE if days is None else (now or timezone.now()) + datetime.timedelta(days)


def suspend_member(*, member, moderator, ends_at, reason: str) -> Suspension:
    with transaction.atomic():
        suspension = Suspension.objects.create(
            member=member, reason=reason, ends_at=ends_at, created_by=moderator
        )
        member.suspended_until = ends_at
        member.suspension_reason = reason
        member.save(update_fields=["suspended_until", "suspension_reason"])
        log_action(actor=moderator, action=Action.SUSPEND, target=member, note=reason,
                   member=member)  # fmt: skip
    return suspension


def lift_suspension(*, member, moderator, note: str = "") -> None:
    with transaction.atomic():
        member.suspensions.filter(lifted_at__isnull=True).update(lifted_at=timezone.now())
        member.suspended_until = None
        member.suspension_reason = ""
        member.save(update_fields=["suspended_until", "suspension_reason"])
        log_action(actor=moderator, action=Action.LIFT_SUSPENSION, target=member, note=note,
                   member=member)  # fmt: skip
