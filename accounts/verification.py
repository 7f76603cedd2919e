"""Deciding a surgeon's verification request: one place for the admin and any view."""

from django.db import transaction
from django.utils import timezone

from accounts.models import SurgeonVerification
from accounts.notifications import notify
from core.signals import content_moderated


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
        user.save(update_fields=["is_verified_surgeon"])
        action = "verify surgeon" if approve else "reject verification"
        content_moderated.send(
            sender=SurgeonVerification,
            instance=verification,
            action=action,
            actor=moderator,
            note=note,
        )
        message = (
            "Your surgeon verification was approved: the verified badge now shows on your posts."
            if approve
            else "Your surgeon verification request was not approved."
        )
        notify(recipient=user, kind="verification", message=message, url=user.get_absolute_url())
