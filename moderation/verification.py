"""Deciding a surgeon's verification request (moderators' work): one place for the admin
and any view, logged like every other moderation decision."""

from django.db import transaction
from django.utils import timezone

from accounts.models import SurgeonVerification
from accounts.notifications import notify
from moderation.models import ModerationLogEntry
from moderation.services import log_action

Action = ModerationLogEntry.Action


def decide_verification(*, verification: SurgeonVerification, moderator, approve: bool, note=""):
    with transaction.atomic():
        verification.status = (
            SurgeonVerification.Status.VERIFIED if approve else SurgeonVerification.Status.REJECTED
        )
        verification.decided_by = moderator
        verification.decided_at = timezone.now()
        verification.decision_note = note
        verification.save()
        user = verification.user
        user.is_verified_surgeon = approve
        user.verified_name = verification.full_name if approve else ""
        user.save(update_fields=["is_verified_surgeon", "verified_name"])
        action = Action.VERIFY_SURGEON if approve else Action.REJECT_VERIFICATION
        log_action(actor=moderator, action=action, target=verification, note=note)
        params = {"outcome": "approved" if approve else "rejected"}
        notify(recipient=user, kind="verification", params=params, url=user.get_absolute_url())
